"""Store fixtures: an empty, migrated store on SQLite and on a real PostgreSQL.

The PostgreSQL store uses ``QUORUM_TEST_POSTGRES_URL`` and a fresh schema per
test (so tests never see each other's rows, and other suites sharing the
database are untouched). Without a reachable server the PostgreSQL cases are
skipped, unless ``CI`` is set: then they fail, so CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from quorum.model import ParseResult, Source
from quorum.store.db import make_engine, migrate
from quorum.store.ingest import store_result
from quorum.store.prepare import prepare_text
from quorum.store.schema import Base
from tests.conftest import sample_text

POSTGRES_ENV = "QUORUM_TEST_POSTGRES_URL"


def postgres_url_or_skip() -> str:
    """Return the test PostgreSQL URL; skip (or fail under CI) when no server is reachable."""
    url = os.environ.get(POSTGRES_ENV)
    reason = f"{POSTGRES_ENV} is not set" if not url else None
    if url:
        try:
            probe = create_engine(url, connect_args={"connect_timeout": 3})
            with probe.connect():
                pass
            probe.dispose()
        except OperationalError as error:
            reason = f"PostgreSQL at {POSTGRES_ENV} is not reachable: {error.orig}"
    if reason is None:
        return url  # type: ignore[return-value]
    if os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


@contextmanager
def postgres_schema(url: str) -> Iterator[Engine]:
    """Yield an engine on a fresh, migrated schema of the test database; drop the schema afterwards."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    store = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate(store)
        yield store
    finally:
        store.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file, copied for each test (migrating once is what takes the time)."""
    path = tmp_path_factory.mktemp("template") / "quorum.db"
    store = make_engine(f"sqlite:///{path}")
    migrate(store)
    with store.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_session_store() -> Iterator[Engine]:
    """One migrated PostgreSQL schema for the whole run; tests empty it before use."""
    with postgres_schema(postgres_url_or_skip()) as store:
        yield store


def _sqlite_copy(template: Path, directory: Path) -> Engine:
    target = directory / "quorum.db"
    shutil.copy(template, target)
    return make_engine(f"sqlite:///{target}")


ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    """A migrated, empty store for one test, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        store = _sqlite_copy(sqlite_template, tmp_path)
        yield store
        store.dispose()
        return
    store = request.getfixturevalue("postgres_session_store")
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with store.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield store


@pytest.fixture(scope="module", params=ENGINES)
def module_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[Engine]:
    """A migrated, empty store of its own, shared by a module's read-only tests, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        store = _sqlite_copy(sqlite_template, tmp_path_factory.mktemp("store"))
        yield store
        store.dispose()
        return
    with postgres_schema(postgres_url_or_skip()) as store:
        yield store


def store_hand_built(engine: Engine, name: str, result: ParseResult) -> int:
    """Store a hand-built ParseResult of the sample ``name`` (its real text); return the source id."""
    raw = sample_text(name).text
    return store_result(engine, prepare_text(result, raw), result.source.path)


def source_of(name: str) -> Source:
    """A fresh copy of a sample's Source record."""
    source = sample_text(name).source
    return type(source)(source.path, source.sha256, source.line_count, source.kind, source.page_count)
