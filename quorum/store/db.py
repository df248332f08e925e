"""Open the Quorum database: URL from the environment, engine settings per dialect, migrations.

``QUORUM_DATABASE_URL`` names the database (default ``sqlite:///quorum.db``);
PostgreSQL URLs (``postgresql+psycopg://...``) are used for servers.
:func:`open_store` returns an engine whose schema is at the newest Alembic
revision: the app runs ``alembic upgrade head`` itself, so there is no
``create_all`` and no drift between models and migrations.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_DATABASE_URL = "sqlite:///quorum.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(url: str | None = None) -> str:
    """Return ``url`` or ``$QUORUM_DATABASE_URL`` or the default SQLite file URL."""
    return url or os.environ.get("QUORUM_DATABASE_URL") or DEFAULT_DATABASE_URL


def is_postgres(engine_or_url: Engine | str) -> bool:
    """True when the engine (or URL) is PostgreSQL."""
    name = (
        engine_or_url.dialect.name if isinstance(engine_or_url, Engine) else make_url(engine_or_url).get_backend_name()
    )
    return name == "postgresql"


#: Settings of every SQLite connection. WAL with synchronous=NORMAL: a commit is a write to the log, only
#: checkpoints wait for the disk, and a checkpoint every 10,000 pages (40 MB, not the default 4 MB) copies a
#: page rewritten by many transactions (index pages, the FTS segments) once instead of once a commit. A 32 MB
#: page cache (not 2 MB) keeps the hot parts of the indexes a large ingest writes to out of the OS's hands.
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA wal_autocheckpoint=10000",
    "PRAGMA cache_size=-32768",
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def checkpoint(engine: Engine) -> None:
    """After a bulk write on SQLite, copy the write-ahead log into the database file and empty it.

    The log may hold up to 40 MB between checkpoints (see :data:`SQLITE_PRAGMAS`);
    this leaves the store in its file. Does nothing elsewhere, and gives up
    quietly (the log stays) while another connection reads.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` (see :func:`database_url`) with foreign keys enforced on SQLite."""
    url = database_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def alembic_config(engine: Engine | None = None) -> Config:
    """Return an Alembic config pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """Yield a connection inside one transaction to run migrations on; commit at the end, roll back on error.

    On SQLite, foreign keys are off while migrating and checked before the
    commit, then on again. Alembic's batch mode rebuilds a table (copy, drop,
    rename): with foreign keys on, dropping a table other tables refer to (a
    downgrade of ``documents``) deletes their rows through ON DELETE CASCADE or
    fails ("database table is locked"). ``PRAGMA foreign_keys`` does nothing
    inside a transaction, so it is set before BEGIN, and BEGIN is sent
    explicitly: the sqlite3 driver opens a transaction only before DML, which
    left DDL committed one statement at a time (a failed migration half done).
    """
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                yield connection
            return
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # ends SQLAlchemy's autobegun transaction (no BEGIN was sent)
        try:
            with connection.begin():
                if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                    connection.exec_driver_sql("BEGIN")
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"migration left {len(broken)} rows with a broken foreign key, e.g. {broken[0]}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema of ``engine``'s database up to ``revision`` (``alembic upgrade``)."""
    config = alembic_config(engine)
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema of ``engine``'s database down to ``revision`` (``alembic downgrade``; "base" empties it)."""
    config = alembic_config(engine)
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def open_store(url: str | None = None, *, upgrade: bool = True) -> Engine:
    """Return an engine for ``url`` with the schema migrated to the newest revision."""
    engine = make_engine(url)
    if upgrade:
        migrate(engine)
    return engine
