"""Alembic environment for the Quorum store (used by `alembic` and by quorum.store.db.migrate)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from quorum.store.db import database_url, make_engine, migration_connection
from quorum.store.schema import SEARCH_OBJECTS, Base

config = context.config
target_metadata = Base.metadata


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave the full-text index (made by hand in the migrations) out of autogenerate."""
    return name not in SEARCH_OBJECTS


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the connection handed over by the app, or on a new engine."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with migration_connection(engine) as new_connection:
        _configure(new_connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
