"""``python -m bench`` (``make bench``): every headline figure next to its baseline, in one run.

Prints one table: parse pages/s per core and peak RSS (samples, and a synthetic
corpus of ``--pages`` pages recombined from the samples) against a naive line
splitter; PDF text pages/s; ingest pages/s; search p50/p95 against a
``LIKE '%term%'`` scan; portal page p95. Figures owned by other benchmark
modules (bench.ingest_search, bench.pdf_pages, bench.portal) are taken from
them when they exist; a missing one prints "n/a (not built yet)".
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import platform
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from bench.corpus import OLD_PAGE_LINES, PAGE_LINES, sample_files, write_corpus
from bench.parse import ParseRun, measure

#: Targets from the project brief.
PARSE_TARGET_PAGES_PER_S = 2000
PARSE_TARGET_RSS_MB = 300
SEARCH_TARGET_P95_MS = 50
NOT_BUILT = "n/a (not built yet)"


@dataclass(slots=True)
class Row:
    """One line of the results table."""

    metric: str
    quorum: str
    baseline: str = "—"
    target: str = "—"
    verdict: str = ""


def external(name: str) -> ModuleType | None:
    """Import ``bench.<name>`` if that module exists; None when it is not built yet."""
    if importlib.util.find_spec(f"bench.{name}") is None:
        return None
    return importlib.import_module(f"bench.{name}")


def verdict(ok: bool) -> str:
    """Return the verdict word for a figure that meets (or misses) its target."""
    return "meets" if ok else "MISSES"


def parse_rows(label: str, quorum: ParseRun, baseline: ParseRun) -> list[Row]:
    """Rows for one parse measurement: throughput per core and peak RSS, each beside the baseline."""
    rate = quorum.pages_per_cpu_second
    return [
        Row(
            f"parse {label}: pages/s per core ({quorum.pages:,.0f} pages, {quorum.files} files)",
            f"{rate:,.0f} ({rate * PAGE_LINES / OLD_PAGE_LINES:,.0f} per {OLD_PAGE_LINES} lines)",
            f"{baseline.pages_per_cpu_second:,.0f}",
            f"≥ {PARSE_TARGET_PAGES_PER_S:,}",
            verdict(rate >= PARSE_TARGET_PAGES_PER_S),
        ),
        Row(
            f"parse {label}: peak RSS MB",
            f"{quorum.peak_rss_mb:,.0f}",
            f"{baseline.peak_rss_mb:,.0f}",
            f"< {PARSE_TARGET_RSS_MB}",
            verdict(quorum.peak_rss_mb < PARSE_TARGET_RSS_MB),
        ),
    ]


def stage_rows(label: str, run: ParseRun) -> list[Row]:
    """One row naming the pipeline stages that take most of the parse time, with their shares."""
    total = sum(run.stages.values())
    if not total:
        return []
    shares = sorted(run.stages.items(), key=lambda item: -item[1])
    listed = ", ".join(f"{name} {seconds / total:.0%}" for name, seconds in shares[:5])
    return [Row(f"parse {label}: where the time goes ({listed})", f"{total:,.1f} s")]


def pdf_rows(quick: bool) -> list[Row]:
    """PDF text-layer pages/s from bench.pdf_pages, over its bundled PDFs."""
    module = external("pdf_pages")
    if module is None or not hasattr(module, "measure"):
        return [Row("PDF text extraction: pages/s", NOT_BUILT)]
    paths = sorted(module.DEFAULT_DIR.glob("*.pdf"))
    if not paths:
        return [Row("PDF text extraction: pages/s", "n/a (no PDFs in tests/data/pdf)")]
    measured = module.measure(paths, 1 if quick else 3)
    pages = sum(row[1] for row in measured)
    seconds = sum(row[3] for row in measured)
    return [Row(f"PDF text extraction: pages/s ({pages} pages, {len(paths)} PDFs)", f"{pages / seconds:,.0f}")]


def store_rows(work: Path, pages: int, like_pages: int) -> list[Row]:
    """Ingest pages/s and search p50/p95 (bench.ingest_search, else quorum.store directly) beside LIKE scans."""
    from bench.store import like_baseline

    like, _ = like_baseline(work / "like-same", pages)
    like_big, big_mb = like_baseline(work / "like-big", like_pages) if like_pages > pages else (None, 0.0)
    module = external("ingest_search")
    hook = getattr(module, "bench_rows", None) if module is not None else None
    if callable(hook):
        rows = [Row(*row) for row in hook(pages=pages, workdir=work)]
    elif importlib.util.find_spec("quorum.store") is not None and hasattr(
        importlib.import_module("quorum.store"), "ingest_paths"
    ):
        from bench.store import store_run

        run = store_run(work / "store", pages)
        where = f"{run.pages:,.0f} pages, SQLite, via quorum.store"
        rows = [
            Row(f"ingest: pages/s, 1 worker ({where}; {run.failed} failed)", f"{run.pages_per_second:,.0f}"),
            Row(
                f"search: p50 / p95 ms ({where})",
                f"{run.search.p50_ms:,.1f} / {run.search.p95_ms:,.1f}",
                target=f"p95 < {SEARCH_TARGET_P95_MS} at 1M pages",
                verdict=verdict(run.search.p95_ms < SEARCH_TARGET_P95_MS) + f" at {run.pages:,.0f} pages",
            ),
        ]
    else:
        rows = [Row("ingest: pages/s", NOT_BUILT), Row("search: p50 / p95 ms", NOT_BUILT)]
    if rows and rows[-1].metric.startswith("search"):
        rows[-1].baseline = f"{like.p50_ms:,.1f} / {like.p95_ms:,.1f}"
    else:
        rows.append(
            Row(
                f"search baseline: LIKE p50 / p95 ms ({pages:,} pages)", "—", f"{like.p50_ms:,.1f} / {like.p95_ms:,.1f}"
            )
        )
    if like_big is not None:
        rows.append(
            Row(
                f"search baseline alone: LIKE '%term%' p50 / p95 ms ({like_pages:,} pages, {big_mb:,.0f} MB)",
                "—",
                f"{like_big.p50_ms:,.1f} / {like_big.p95_ms:,.1f}",
            )
        )
    return rows


def search_scale_rows(work: Path, pages: int) -> list[Row]:
    """Search p50/p95 on a store grown to ``pages`` printed pages (bench.search_scale), beside a LIKE scan of it."""
    from bench.search_scale import run

    result = run(pages, work / "search-scale")
    like = f"{result.like.p50_ms:,.1f} / {result.like.p95_ms:,.1f}" if result.like else "—"
    return [
        Row(
            f"search at scale: p50 / p95 ms ({result.pages:,.0f} pages, {result.passages:,} indexed passages, "
            f"{result.size_mb:,.0f} MB, SQLite)",
            f"{result.search.p50_ms:,.1f} / {result.search.p95_ms:,.1f}",
            like,
            f"p95 < {SEARCH_TARGET_P95_MS} at 1M pages",
            verdict(result.search.p95_ms < SEARCH_TARGET_P95_MS) + ("" if pages >= 1_000_000 else f" at {pages:,}"),
        )
    ]


def portal_rows(work: Path, quick: bool) -> list[Row]:
    """Portal page p50/p95 over every page type, using bench.portal's sample database and URL list."""
    module = external("portal")
    hook = getattr(module, "bench_rows", None) if module is not None else None
    if callable(hook):
        return [Row(*row) for row in hook(quick=quick, workdir=work)]
    if module is None or not all(hasattr(module, name) for name in ("build", "page_urls", "percentile")):
        return [Row("portal: page p95 ms", NOT_BUILT)]
    from fastapi.testclient import TestClient

    from quorum.serve.app import create_app

    if quick:  # one small sample instead of bench.portal's five, so the smoke run stays short
        from quorum.store import ingest_paths, open_store

        url = f"sqlite:///{work / 'portal-quick.db'}"
        engine = open_store(url)
        ingest_paths(engine, [min(sample_files(), key=lambda path: path.stat().st_size)], workers=1)
        engine.dispose()
    else:
        url = module.build(work / "portal.db")
    timings: dict[str, list[float]] = {}
    with TestClient(create_app(url)) as client:
        groups = module.page_urls(client)
        for urls in groups.values():  # warm templates and caches, as bench.portal does
            for page in urls:
                client.get(page)
        for _ in range(1 if quick else 3):
            for name, urls in groups.items():
                for page in urls:
                    begun = time.perf_counter()
                    client.get(page)
                    timings.setdefault(name, []).append((time.perf_counter() - begun) * 1000)
    every = [t for values in timings.values() for t in values]
    worst_name, worst = max(((n, module.percentile(v, 0.95)) for n, v in timings.items()), key=lambda x: x[1])
    return [
        Row(
            f"portal: page p50 / p95 ms ({len(every)} renders, {len(timings)} page types, "
            f"{'one sample' if quick else 'samples'} DB)",
            f"{module.percentile(every, 0.5):,.1f} / {module.percentile(every, 0.95):,.1f}",
            target="p95 < 100",
            verdict=verdict(module.percentile(every, 0.95) < 100),
        ),
        Row(
            f"portal: slowest page type p95 ms ({worst_name})",
            f"{worst:,.1f}",
            target="p95 < 100",
            verdict=verdict(worst < 100),
        ),
    ]


def guarded(name: str, step: Callable[[], list[Row]]) -> list[Row]:
    """Run one benchmark step; a failure becomes a row saying so instead of ending the run."""
    try:
        return step()
    except Exception as error:  # one broken benchmark must not hide the others
        traceback.print_exc()
        return [Row(name, f"failed: {type(error).__name__}: {error}"[:100])]


def machine() -> str:
    """Describe the machine: cores, CPU model, RAM, Python."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("\n", 1)[0].split()[1])
        ram = f", {kb / 1024 / 1024:.0f} GB RAM"
    return f"{os.cpu_count()} cores, {model}{ram}, Python {platform.python_version()}"


def render(rows: list[Row]) -> str:
    """Return the rows as a plain-text table with a header."""
    header = Row("metric", "Quorum", "baseline", "target", "verdict")
    table = [header, *rows]
    widths = [max(len(getattr(r, f)) for r in table) for f in ("metric", "quorum", "baseline", "target", "verdict")]
    lines = []
    for index, row in enumerate(table):
        cells = [row.metric, row.quorum, row.baseline, row.target, row.verdict]
        lines.append(
            "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        )
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench", description="Quorum benchmarks beside baselines.")
    parser.add_argument("--pages", type=int, default=100_000, help="pages in the synthetic parse corpus")
    parser.add_argument("--store-pages", type=int, default=100_000, help="pages ingested for the ingest/search figures")
    parser.add_argument("--like-pages", type=int, default=100_000, help="pages scanned by the LIKE search baseline")
    parser.add_argument("--search-pages", type=int, default=1_000_000, help="pages of the search-at-scale store")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run on small corpora")
    parser.add_argument("--workdir", type=Path, help="keep corpora and databases here instead of a temp folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.pages, args.store_pages, args.like_pages = min(args.pages, 100), min(args.store_pages, 40), 400
        args.search_pages = min(args.search_pages, 2_000)
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="quorum-bench-") as temp:
        work = args.workdir or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        samples = sample_files() * (1 if args.quick else 5)

        def samples_step() -> list[Row]:
            rows = parse_rows("samples", measure("quorum", samples), measure("baseline", samples))
            return rows + stage_rows("samples", measure("stages", samples))

        def corpus_step() -> list[Row]:
            files = write_corpus(work / "corpus", args.pages)
            return parse_rows(f"{args.pages:,}-page corpus", measure("quorum", files), measure("baseline", files))

        rows += guarded("parse samples", samples_step)
        rows += guarded("parse corpus", corpus_step)
        rows += guarded("PDF text extraction", lambda: pdf_rows(args.quick))
        rows += guarded("ingest / search", lambda: store_rows(work, args.store_pages, args.like_pages))
        rows += guarded("search at scale", lambda: search_scale_rows(work, args.search_pages))
        rows += guarded("portal", lambda: portal_rows(work, args.quick))
    print(f"Quorum benchmarks — {machine()}")
    print(render(rows))
    print(
        f"(a page is a printed page of the samples, {PAGE_LINES:.1f} lines; rates are per CPU-second of one worker "
        f"process; run took "
        f"{time.perf_counter() - started:,.0f} s)"
    )


if __name__ == "__main__":
    main()
