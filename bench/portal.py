"""Portal render times: p50/p95 per page type on the sample database (target p95 < 100 ms).

Run ``python -m bench.portal``. It ingests samples/harrow into a throw-away SQLite file with the
store's own ingest, then renders every page of each type through the app in-process (no network),
several rounds, and prints a table. A benchmark, not a test: it never fails.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from quorum.serve.app import create_app
from quorum.store import ingest_paths, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "harrow"
ROUNDS = 5


def build(path: Path) -> str:
    """Ingest the samples into a new SQLite file at ``path``; return its URL."""
    url = f"sqlite:///{path}"
    engine = open_store(url)
    ingest_paths(engine, [SAMPLES], workers=1)
    engine.dispose()
    return url


def page_urls(client: TestClient) -> dict[str, list[str]]:
    """Return the URLs to time, grouped by page type (every record of each type)."""

    def ids(name: str) -> list[int]:
        return [item["id"] for item in client.get(f"/api/v1/{name}", params={"limit": 500}).json()["items"]]

    sources = sorted({d["source_id"] for d in client.get("/api/v1/documents", params={"limit": 500}).json()["items"]})
    meetings = ids("meetings")
    return {
        "home": ["/"],
        "search": ["/search?q=Ofsted", "/search?q=safeguarding", "/search?q=looked+after+children", "/search?q=budget"],
        "meeting": [f"/meetings/{i}" for i in meetings],
        "person": [f"/people/{i}" for i in ids("people")[:40]],
        "body": [f"/bodies/{i}" for i in ids("bodies")],
        "decisions register": ["/decisions", "/decisions.csv"],
        "declarations register": ["/declarations", "/declarations.csv"],
        "indicator": [f"/indicators/{i}" for i in ids("indicators")[:20]],
        "source": [f"/source/{i}?start=100&end=110" for i in sources],
        "api meeting": [f"/api/v1/meetings/{i}" for i in meetings],
        "api search": ["/api/v1/search?q=Ofsted", "/api/v1/search?q=care+leavers"],
    }


def percentile(values: list[float], fraction: float) -> float:
    """Return the ``fraction`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main() -> int:
    """Build the sample database, time every page type and print p50/p95 in milliseconds."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        url = build(Path(folder) / "quorum.db")
        print(f"ingested samples/harrow in {time.perf_counter() - started:.1f} s")
        with TestClient(create_app(url)) as client:
            groups = page_urls(client)
            for urls in groups.values():  # warm caches (templates, source files)
                for page in urls:
                    client.get(page)
            print(f"{'page type':<24}{'pages':>6}{'p50 ms':>9}{'p95 ms':>9}  target p95 < 100 ms")
            worst = 0.0
            for name, urls in groups.items():
                timings = []
                for _ in range(ROUNDS):
                    for page in urls:
                        start = time.perf_counter()
                        response = client.get(page)
                        timings.append((time.perf_counter() - start) * 1000)
                        if response.status_code != 200:
                            print(f"  {page}: HTTP {response.status_code}", file=sys.stderr)
                p95 = percentile(timings, 0.95)
                worst = max(worst, p95)
                flag = "" if p95 < 100 else "  over target"
                print(f"{name:<24}{len(urls):>6}{statistics.median(timings):>9.1f}{p95:>9.1f}{flag}")
            print(f"worst p95: {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
