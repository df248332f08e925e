"""Benchmark PDF text extraction: pages per second over the bundled real PDFs.

Run with ``python -m bench.pdf_pages [--repeat N] [PDF ...]``. Without paths it
reads every PDF in tests/data/pdf/. OCR is off: this measures the text layer.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quorum.ingest.pdf import read_pdf_source

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"


def measure(paths: list[Path], repeat: int) -> list[tuple[str, int, int, float]]:
    """Extract each PDF ``repeat`` times; return (name, pages, lines, best seconds) per file."""
    rows = []
    for path in paths:
        best = float("inf")
        pages = lines = 0
        for _ in range(repeat):
            start = time.perf_counter()
            source, _ = read_pdf_source(path, ocr=False)
            best = min(best, time.perf_counter() - start)
            pages, lines = source.page_count or 0, source.line_count
        rows.append((path.name, pages, lines, best))
    return rows


def main() -> None:
    """Print pages/s per PDF and overall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="PDFs (default: tests/data/pdf/*.pdf)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per file; the best is kept")
    args = parser.parse_args()
    paths = args.paths or sorted(DEFAULT_DIR.glob("*.pdf"))
    rows = measure(paths, max(1, args.repeat))
    width = max(len(name) for name, *_ in rows)
    for name, pages, lines, seconds in rows:
        rate = pages / seconds
        print(f"{name:<{width}}  {pages:4d} pages  {lines:5d} lines  {seconds * 1000:8.1f} ms  {rate:8.1f} pages/s")
    total_pages = sum(r[1] for r in rows)
    total_seconds = sum(r[3] for r in rows)
    print(
        f"{'total':<{width}}  {total_pages:4d} pages  {'':5s}        {total_seconds * 1000:8.1f} ms  "
        f"{total_pages / total_seconds:8.1f} pages/s"
    )


if __name__ == "__main__":
    main()
