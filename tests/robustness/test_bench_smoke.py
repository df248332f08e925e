"""The benchmark harness cannot rot: ``python -m bench --quick`` runs and prints its table."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_quick_bench_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--pages", "20", "--store-pages", "10"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    header = next(line for line in out.splitlines() if line.startswith("metric"))
    for column in ("Quorum", "baseline", "target", "verdict"):
        assert column in header
    for metric in (
        "parse samples: pages/s per core",
        "parse samples: peak RSS MB",
        "where the time goes",
        "pages/s per core (",
        "ingest",
        "search",
        "portal",
    ):
        assert metric in out, metric
    assert "failed:" not in out, out
    assert "Traceback" not in done.stderr, done.stderr
