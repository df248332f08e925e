"""Ingest survives a SIGKILL: re-running it leaves the store exactly as one uninterrupted run would.

Each run is a subprocess. The interrupted run is killed as soon as the first
source has committed (the test polls the database), the folder is ingested
again, and a canonical dump of every table (ids and timestamps left out, see
store_dump.py) plus the answers to a few searches must equal those of a store
built by one uninterrupted run.

The runs use ``quorum ingest`` (with its default parser workers) when the CLI
has that command, otherwise the store's ``ingest_paths`` through ``python -c``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import iter_packs
from tests.conftest import ROOT, sample_path
from tests.robustness.store_dump import dump

store = pytest.importorskip("quorum.store", reason="the store (quorum.store) is not built yet")
if not hasattr(store, "ingest_paths"):
    pytest.skip("quorum.store.ingest_paths (ingest) is not built yet", allow_module_level=True)

QUERIES = ("Harrow", "safeguarding", "minutes", "budget", "looked after children")


def has_cli_ingest() -> bool:
    """True when ``quorum ingest`` exists."""
    import typer.main

    from quorum.cli import app

    return "ingest" in typer.main.get_command(app).commands  # type: ignore[attr-defined]


def ingest_command(folder: Path, db: Path) -> tuple[list[str], dict[str, str]]:
    """Return the argv and environment of one single-worker ingest of ``folder`` into ``db``."""
    env = {**os.environ, "QUORUM_DATABASE_URL": f"sqlite:///{db}"}
    if has_cli_ingest():
        return [sys.executable, "-m", "quorum.cli", "ingest", str(folder)], env
    code = (
        "import sys\n"
        "from quorum.store import ingest_paths, open_store\n"
        "report = ingest_paths(open_store(), [sys.argv[1]], workers=1)\n"
        "sys.exit(0 if report.ok else 1)\n"
    )
    return [sys.executable, "-c", code, str(folder)], env


def committed_sources(db: Path) -> int:
    """Return how many sources have committed as ok (0 while the schema is not there yet)."""
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM sources WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


def searches(db: Path) -> dict[str, list[tuple[str, int]]]:
    """Return, per query, the (source file name, line) of each hit, in order."""
    from sqlalchemy.orm import Session

    engine = store.open_store(f"sqlite:///{db}", upgrade=False)
    try:
        with Session(engine) as session:
            return {
                query: [(Path(hit.source_path).name, hit.start_line) for hit in store.search(session, query)]
                for query in QUERIES
            }
    finally:
        engine.dispose()


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """A folder of seven packs: one sample and six small synthetic ones (about 45 pages in all)."""
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(sample_path("partnership"), folder / "z-partnership.txt")
    for number in range(6):
        pack = next(iter_packs(3, seed=number))
        (folder / f"p{number}-{pack.name}").write_text(pack.text, encoding="utf-8")
    return folder


def test_killed_ingest_resumes_to_the_same_store(packs: Path, tmp_path: Path) -> None:
    clean_db = tmp_path / "clean.db"
    argv, env = ingest_command(packs, clean_db)
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    expected = dump(clean_db)
    total = sum(1 for _ in packs.iterdir())
    assert sum(expected["sources"].values()) == total

    db = tmp_path / "killed.db"
    argv, env = ingest_command(packs, db)
    # A session of its own, so the kill takes the parser worker processes too (as a crash or an
    # OOM kill of the whole job would) and leaves no orphans behind.
    process = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 120
    try:
        while committed_sources(db) < 1 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be interrupted"
    interrupted = committed_sources(db)
    assert 1 <= interrupted < total, f"killed with {interrupted} of {total} sources stored"

    argv, env = ingest_command(packs, db)
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    resumed = dump(db)
    differences = {
        table: {"missing": list(expected[table] - rows)[:3], "extra": list(rows - expected[table])[:3]}
        for table, rows in resumed.items()
        if rows != expected.get(table)
    }
    assert not differences, differences
    assert searches(db) == searches(clean_db)
