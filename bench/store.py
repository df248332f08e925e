"""Ingest and search through the store's public API, with a ``LIKE '%term%'`` scan as the search baseline.

Used by ``python -m bench`` when the store engineer's own benchmark module
(bench/ingest_search.py) is not there yet, so the figures exist either way.
Everything runs on a throw-away SQLite file.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import iter_packs, pages_of

#: Queries timed against both the store's search and the LIKE baseline: common, rare, phrase, absent.
QUERIES = (
    "safeguarding",
    "Harrow",
    "budget",
    "looked after children",
    "declarations of interest",
    "Ofsted",
    "care leavers",
    "recommendation",
    "scrutiny",
    "xylophone",
)


@dataclass(slots=True)
class Latency:
    """Percentiles of a set of timings, in milliseconds."""

    p50_ms: float
    p95_ms: float
    runs: int


def percentiles(seconds: list[float]) -> Latency:
    """Return p50 and p95 (nearest-rank) of ``seconds`` in milliseconds."""
    ordered = sorted(seconds)
    rank95 = max(0, min(len(ordered) - 1, round(0.95 * len(ordered)) - 1))
    return Latency(statistics.median(ordered) * 1000, ordered[rank95] * 1000, len(ordered))


def like_baseline(folder: Path, pages: int, repeat: int = 3) -> tuple[Latency, float]:
    """Load ``pages`` synthetic pages into a plain SQLite table and time ``LIKE '%term%'`` scans.

    Returns the latency of a full scan per query and the MB of text scanned.
    """
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / "like-baseline.db")
    db.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, pack TEXT, text TEXT)")
    size = 0
    for pack in iter_packs(pages, seed=1):
        lines = pack.text.split("\n")
        rows = [(pack.name, "\n".join(lines[i : i + 50])) for i in range(0, len(lines), 50)]
        size += len(pack.text)
        db.executemany("INSERT INTO pages (pack, text) VALUES (?, ?)", rows)
    db.commit()
    timings: list[float] = []
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            db.execute("SELECT id, pack FROM pages WHERE text LIKE ?", (f"%{query}%",)).fetchall()
            timings.append(time.perf_counter() - started)
    db.close()
    return percentiles(timings), size / 1e6


@dataclass(slots=True)
class StoreRun:
    """Ingest throughput and search latency measured through quorum.store."""

    pages: float
    files: int
    failed: int
    ingest_seconds: float
    search: Latency

    @property
    def pages_per_second(self) -> float:
        """Pages ingested per wall-clock second (parse in workers + write)."""
        return self.pages / self.ingest_seconds if self.ingest_seconds else float("inf")


def store_run(folder: Path, pages: int, workers: int = 1, repeat: int = 3) -> StoreRun:
    """Ingest ``pages`` synthetic pages into a fresh SQLite store, then time :data:`QUERIES` against it."""
    from sqlalchemy.orm import Session

    from quorum.store import ingest_paths, open_store, search

    packs = folder / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for pack in iter_packs(pages, seed=2):
        (packs / pack.name).write_text(pack.text, encoding="utf-8")
        total += pages_of(pack.text)
    engine = open_store(f"sqlite:///{folder / 'store.db'}")
    started = time.perf_counter()
    report = ingest_paths(engine, [packs], workers=workers)
    ingest_seconds = time.perf_counter() - started
    timings: list[float] = []
    with Session(engine) as session:
        for _ in range(repeat):
            for query in QUERIES:
                begun = time.perf_counter()
                search(session, query)
                timings.append(time.perf_counter() - begun)
    engine.dispose()
    return StoreRun(total, report.total, len(report.failed), ingest_seconds, percentiles(timings))
