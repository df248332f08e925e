"""The store under hostile input: a bad file among good ones, and search strings built to break FTS or SQL.

A bad file must be reported and recorded as failed while the good files around
it are stored, and no row of any other source may change. Search must treat
any string as a query: no exception, no SQL error, nothing written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

store = pytest.importorskip("quorum.store", reason="the store (quorum.store) is not built yet")
if not all(hasattr(store, name) for name in ("ingest_paths", "open_store", "search")):
    pytest.skip("quorum.store has no ingest_paths/open_store/search yet", allow_module_level=True)

from sqlalchemy.orm import Session  # noqa: E402 (after the skip: only when the store exists)

from tests.conftest import sample_path  # noqa: E402
from tests.robustness.hostile_files import HOSTILE_DIR  # noqa: E402
from tests.robustness.store_dump import dump, row_counts  # noqa: E402

#: Queries built to break FTS5 syntax, tsquery syntax or the SQL around them.
HOSTILE_QUERIES = [
    '"',
    '""',
    '"unclosed phrase',
    "*",
    "**",
    "a*",
    "*a",
    "NEAR(",
    "NEAR(a b",
    "NEAR/3",
    "a NEAR b",
    "' OR 1=1 --",
    "'; DROP TABLE sources; --",
    '"; DELETE FROM text_chunks; --',
    "1; SELECT * FROM sqlite_master",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "NOT NOT NOT",
    "(",
    ")",
    "((a)",
    "a)",
    "^",
    "^a",
    ":",
    "text:Harrow",
    "search_fts:x",
    "{a b}",
    "-",
    "-a",
    "+",
    "a -",
    "%",
    "_",
    "%_%",
    "\\",
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "🙂 safeguarding",
    "é" * 300,
    "safeguarding " * 2000,
    "a" * 100_000,
    " ",
    "",
    "&|!<->",
    "a & b | !c",
    "a <-> b",
    "'",
    "''",
    "a'b",
    "$1",
    ":limit",
    "%(limit)s",
    "?",
]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the partnership board sample, ingested once for the module."""
    folder = tmp_path_factory.mktemp("store")
    packs = folder / "packs"
    packs.mkdir()
    shutil.copy(sample_path("partnership"), packs / "partnership.txt")
    db = folder / "quorum.db"
    engine = store.open_store(f"sqlite:///{db}")
    report = store.ingest_paths(engine, [packs], workers=1)
    engine.dispose()
    assert report.ok, report.failed
    return db


def test_one_bad_file_among_good_ones_costs_nothing_else(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copy(sample_path("partnership"), packs / "a-partnership.txt")
    db = tmp_path / "quorum.db"
    engine = store.open_store(f"sqlite:///{db}")
    first = store.ingest_paths(engine, [packs], workers=1)
    assert first.ok and len(first.added) == 1
    before = dump(db)

    shutil.copy(sample_path("scrutiny"), packs / "b-scrutiny.txt")
    bad = {
        "c-mixed-encoding.txt": "mixed-encoding.txt",
        "d-truncated.pdf": "truncated.pdf",
        "e-noise.txt": "noise-as-text.txt",
        "f-empty.md": "empty.txt",
    }
    for target, name in bad.items():
        shutil.copy(HOSTILE_DIR / name, packs / target)
    second = store.ingest_paths(engine, [packs], workers=1)
    engine.dispose()

    assert [Path(p).name for p in second.unchanged] == ["a-partnership.txt"]
    assert [Path(p).name for p in second.added] == ["b-scrutiny.txt"]
    assert sorted(Path(p).name for p, _ in second.failed) == sorted(bad)
    for path, error in second.failed:
        assert "\n" not in error and Path(path).name in error and "Traceback" not in error
    after = dump(db)
    for table, rows in before.items():  # every row that was there is still there, unchanged
        assert not rows - after[table], f"{table}: rows lost or changed"
    assert after["sources"] - before["sources"], "the good file and the failures are recorded"


def test_ingesting_the_same_bad_folder_again_changes_nothing(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copy(sample_path("partnership"), packs / "good.txt")
    shutil.copy(HOSTILE_DIR / "latin1.txt", packs / "bad.txt")
    db = tmp_path / "quorum.db"
    engine = store.open_store(f"sqlite:///{db}")
    store.ingest_paths(engine, [packs], workers=1)
    counts = row_counts(db)
    again = store.ingest_paths(engine, [packs], workers=1)
    engine.dispose()
    assert [Path(p).name for p in again.unchanged] == ["good.txt"]
    assert [Path(p).name for p, _ in again.failed] == ["bad.txt"]
    assert row_counts(db) == counts


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_search_strings_are_just_queries(sample_store: Path, query: str) -> None:
    before = row_counts(sample_store)
    engine = store.open_store(f"sqlite:///{sample_store}", upgrade=False)
    try:
        with Session(engine) as session:
            hits = store.search(session, query)
    finally:
        engine.dispose()
    assert isinstance(hits, list)
    assert row_counts(sample_store) == before


def test_search_still_finds_plain_words(sample_store: Path) -> None:
    """Guards the hostile-query test against a search that returns [] for everything."""
    engine = store.open_store(f"sqlite:///{sample_store}", upgrade=False)
    try:
        with Session(engine) as session:
            assert store.search(session, "Partnership")
    finally:
        engine.dispose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(st.text(max_size=12), st.sampled_from([*HOSTILE_QUERIES[:40], "Harrow", "board", "minutes"])),
        max_size=6,
    ).map(" ".join)
)
def test_search_never_raises_on_generated_queries(sample_store: Path, query: str) -> None:
    engine = store.open_store(f"sqlite:///{sample_store}", upgrade=False)
    try:
        with Session(engine) as session:
            assert isinstance(store.search(session, query), list)
    finally:
        engine.dispose()
