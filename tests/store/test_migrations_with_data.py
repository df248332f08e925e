"""Migrations run down to base and up again on a store holding the five samples, losing nothing on the way.

On SQLite, Alembic's batch mode rebuilds a table by copying it, dropping it
and renaming the copy. With foreign keys on (as every Quorum connection has
them), dropping ``documents`` in 0002's downgrade deleted the rows referring to
it through ON DELETE CASCADE (document appearances, then passages), and the
passages' full-text trigger made the drop fail ("database table is locked").
"""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, inspect, select, text

from quorum.store import schema as s
from quorum.store.db import alembic_config, downgrade, migrate
from quorum.store.ingest import ingest_paths
from tests.conftest import SAMPLES


def count(engine: Engine, table: str) -> int:
    """Rows in ``table``."""
    with engine.connect() as connection:
        return connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()


def test_downgrade_to_base_with_the_samples_then_upgrade(engine: Engine) -> None:
    assert ingest_paths(engine, [SAMPLES], workers=1).ok
    before = {table: count(engine, table) for table in ("document_appearances", "text_chunks", "documents")}
    assert before["document_appearances"] > 0 and before["text_chunks"] > 1000

    downgrade(engine, "0001")  # 0002 rebuilds ``documents``, which appearances and passages refer to
    assert {table: count(engine, table) for table in before} == before

    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    migrate(engine)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
        if engine.dialect.name == "sqlite":  # foreign keys are on again for the store's connections
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    again = ingest_paths(engine, [SAMPLES], workers=1)
    assert again.ok and len(again.added) == 5
    assert {table: count(engine, table) for table in before} == before
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(s.DecisionStep)).scalar_one() > 0
