"""Ingest and search benchmark: SQLite and PostgreSQL side by side.

``python -m bench.ingest_search [--pages N]`` builds a synthetic corpus by
recombining pages of the bundled samples (:mod:`bench.corpus`, a printed
page of the samples each; default 100,000 pages), ingests it with :func:`quorum.store.ingest_paths`
(parsing in worker processes, one transaction per pack), and reports pages
ingested per second, the size of the database, and search latency p50/p95
over a fixed query list (:data:`bench.store.QUERIES`). PostgreSQL runs when
``--postgres-url`` or ``QUORUM_TEST_POSTGRES_URL`` names a reachable server,
in a throw-away schema. Prints a table; asserts nothing.

``python -m bench`` calls :func:`bench_rows` for its summary table.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from bench.corpus import write_corpus
from bench.store import QUERIES, Latency, percentiles
from quorum.store import ingest_paths, search
from quorum.store.db import make_engine, migrate

#: Target from the project brief: search p95 under 50 ms at 1M pages.
SEARCH_TARGET_P95_MS = 50


@dataclass(slots=True)
class Run:
    """The figures for one database."""

    engine: str
    pages: int
    files: int
    failed: int
    seconds: float
    size_mb: float
    search: Latency
    hits: int

    @property
    def pages_per_second(self) -> float:
        """Pages ingested per wall-clock second (parse + write)."""
        return self.pages / self.seconds if self.seconds else 0.0


def database_size_mb(engine: Engine, schema: str | None = None) -> float:
    """Return the size of the store on disk in MB (SQLite file + WAL, or the PostgreSQL schema's relations)."""
    if engine.dialect.name == "sqlite":
        path = Path(engine.url.database or "")
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists()) / 1e6
    with engine.connect() as connection:
        size = connection.execute(
            text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :schema AND c.relkind = 'r'"
            ),
            {"schema": schema},
        ).scalar_one()
    return float(size) / 1e6


def time_searches(engine: Engine, rounds: int) -> tuple[Latency, int]:
    """Run every query of :data:`QUERIES` ``rounds`` times (after one warm-up); return latency and hit count."""
    timings: list[float] = []
    hits = 0
    with Session(engine) as session:
        for query in QUERIES:
            search(session, query, limit=20)
        for _ in range(rounds):
            for query in QUERIES:
                start = time.perf_counter()
                found = search(session, query, limit=20)
                timings.append(time.perf_counter() - start)
                hits += len(found)
    return percentiles(timings), hits


@contextmanager
def postgres_store(url: str) -> Iterator[tuple[Engine, str]]:
    """Yield an engine on a fresh, migrated schema of ``url``; drop the schema afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate(engine)
        yield engine, schema
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def measure(engine: Engine, name: str, corpus: Path, pages: int, workers: int, rounds: int, schema: str | None) -> Run:
    """Ingest ``corpus`` into ``engine`` and time searches on it."""
    start = time.perf_counter()
    report = ingest_paths(engine, [corpus], workers=workers)
    seconds = time.perf_counter() - start
    latency, hits = time_searches(engine, rounds)
    return Run(name, pages, report.total, len(report.failed), seconds, database_size_mb(engine, schema), latency, hits)


def postgres_url(explicit: str | None) -> str | None:
    """The PostgreSQL URL to use, or None when none is set or the server is unreachable."""
    url = explicit or os.environ.get("QUORUM_TEST_POSTGRES_URL")
    if not url:
        return None
    try:
        probe = create_engine(url, connect_args={"connect_timeout": 3})
        with probe.connect():
            pass
        probe.dispose()
    except Exception:
        return None
    return url


def run_all(
    pages: int,
    workdir: Path,
    *,
    workers: int,
    rounds: int,
    pg_url: str | None,
    log: Callable[[str], None] | None = None,
) -> list[Run]:
    """Build the corpus once and measure SQLite, then PostgreSQL when available (``log`` hears each result)."""
    corpus = workdir / "corpus"
    if not corpus.exists():
        write_corpus(corpus, pages)
    runs = []
    sqlite = make_engine(f"sqlite:///{workdir / 'bench.db'}")
    migrate(sqlite)
    runs.append(measure(sqlite, "SQLite", corpus, pages, workers, rounds, None))
    sqlite.dispose()
    if log:
        log(summary(runs[-1]))
    if pg_url:
        with postgres_store(pg_url) as (engine, schema):
            runs.append(measure(engine, "PostgreSQL", corpus, pages, workers, rounds, schema))
        if log:
            log(summary(runs[-1]))
    return runs


def summary(run: Run) -> str:
    """One line with a run's figures (printed as soon as it finishes)."""
    return (
        f"{run.engine}: {run.pages:,} pages in {run.seconds:,.1f} s = {run.pages_per_second:,.0f} pages/s, "
        f"{run.size_mb:,.1f} MB, search p50 {run.search.p50_ms:,.1f} ms / p95 {run.search.p95_ms:,.1f} ms"
    )


def table(runs: list[Run], workers: int) -> Table:
    """The results as a Rich table, one column per database."""
    result = Table(
        title=f"Quorum ingest and search ({runs[0].pages:,} pages, {runs[0].files:,} packs, {workers} workers)"
    )
    result.add_column("metric")
    for run in runs:
        result.add_column(run.engine, justify="right")
    rows = [
        ("ingest: pages/s", lambda r: f"{r.pages_per_second:,.0f}"),
        ("ingest: seconds", lambda r: f"{r.seconds:,.1f}"),
        ("failed packs", lambda r: str(r.failed)),
        ("database size, MB", lambda r: f"{r.size_mb:,.1f}"),
        ("database size, KB per page", lambda r: f"{r.size_mb * 1000 / r.pages:,.1f}"),
        ("search: p50 ms", lambda r: f"{r.search.p50_ms:,.1f}"),
        ("search: p95 ms", lambda r: f"{r.search.p95_ms:,.1f}"),
        ("search: timed queries", lambda r: str(r.search.runs)),
        ("search: hits returned", lambda r: f"{r.hits:,}"),
    ]
    for label, cell in rows:
        result.add_row(label, *(cell(run) for run in runs))
    return result


def bench_rows(pages: int, workdir: Path) -> list[tuple[str, str, str, str, str]]:
    """Rows for ``python -m bench``: (metric, quorum, baseline, target, verdict); the SQLite search row last."""
    runs = run_all(
        pages, Path(workdir) / "ingest_search", workers=os.cpu_count() or 1, rounds=3, pg_url=postgres_url(None)
    )
    rows: list[tuple[str, str, str, str, str]] = []
    for run in sorted(runs, key=lambda r: r.engine != "PostgreSQL"):
        where = f"{run.pages:,} pages, {run.engine}"
        ok = run.search.p95_ms < SEARCH_TARGET_P95_MS
        rows += [
            (f"ingest: pages/s ({where}; {run.failed} failed)", f"{run.pages_per_second:,.0f}", "—", "—", ""),
            (f"database size MB ({where})", f"{run.size_mb:,.1f}", "—", "—", ""),
            (
                f"search: p50 / p95 ms ({where})",
                f"{run.search.p50_ms:,.1f} / {run.search.p95_ms:,.1f}",
                "—",
                f"p95 < {SEARCH_TARGET_P95_MS} at 1M pages",
                ("meets" if ok else "MISSES") + f" at {run.pages:,} pages",
            ),
        ]
    return rows


def main() -> None:
    """Command line: build the corpus, measure both databases, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000, help="pages in the synthetic corpus (default 100,000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parser processes")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is timed")
    parser.add_argument("--postgres-url", help="PostgreSQL URL (default $QUORUM_TEST_POSTGRES_URL)")
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and the SQLite file here (default: a temp dir)")
    args = parser.parse_args()
    pg_url = None if args.no_postgres else postgres_url(args.postgres_url)
    console = Console()
    if not args.no_postgres and pg_url is None:
        console.print("PostgreSQL: no reachable server (set --postgres-url or QUORUM_TEST_POSTGRES_URL); SQLite only.")
    with tempfile.TemporaryDirectory(prefix="quorum-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        runs = run_all(args.pages, workdir, workers=args.workers, rounds=args.rounds, pg_url=pg_url, log=console.print)
    console.print(table(runs, args.workers))


if __name__ == "__main__":
    main()
