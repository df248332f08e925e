"""Parse throughput and memory: Quorum's pipeline against a naive line splitter, in clean subprocesses.

Each measurement runs in its own ``python -m bench.parse`` worker process that
parses a list of files one at a time (streaming: only one pack in memory) and
reports JSON: pages, CPU and wall seconds, peak RSS (``ru_maxrss``). One worker
is one core, so pages per CPU-second is the per-core rate; peak RSS is not
polluted by the parent or by earlier measurements.

Mode ``stages`` parses like ``quorum`` but also times each stage the
pipeline calls (ingest, normalise, segment, each extractor), to show where
the time goes.

The baseline reads, decodes and splits lines, then classifies each with plain
string tests (blank, short number, heading-like capitals, other): the floor
any parser pays for touching every line.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import PAGE_LINES

MODES = ("quorum", "baseline", "stages")


@dataclass(slots=True)
class ParseRun:
    """What one worker measured."""

    mode: str
    files: int
    pages: float
    failures: int
    cpu_seconds: float
    wall_seconds: float
    peak_rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)  # CPU seconds per pipeline stage ("stages" mode)

    @property
    def pages_per_cpu_second(self) -> float:
        """Pages parsed per second of CPU time of the worker (one core)."""
        return self.pages / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")


def baseline_parse(path: Path) -> dict[str, int]:
    """Read ``path`` and classify each line without regexes; return counts by class."""
    text = path.read_bytes().decode("utf-8-sig")
    counts = {"blank": 0, "number": 0, "heading": 0, "table": 0, "other": 0}
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            counts["blank"] += 1
        elif stripped.isdigit() and len(stripped) <= 3:
            counts["number"] += 1
        elif "\t" in stripped or stripped.startswith("|"):
            counts["table"] += 1
        elif stripped.isupper():
            counts["heading"] += 1
        else:
            counts["other"] += 1
    return counts


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_stages() -> dict[str, float]:
    """Wrap each stage function that quorum.pipeline calls so its CPU seconds add up in the returned dict.

    Only the names in the pipeline module are wrapped, so a stage that calls
    another inside is not counted twice. Works for whatever stages the
    pipeline has today.
    """
    import functools
    import types

    import quorum.pipeline as pipeline

    totals: dict[str, float] = {}

    def wrap(name: str, function: types.FunctionType) -> types.FunctionType:
        @functools.wraps(function)
        def timed(*args: object, **kwargs: object) -> object:
            begun = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.process_time() - begun

        return timed  # type: ignore[return-value]

    for name, value in list(vars(pipeline).items()):
        module = getattr(value, "__module__", "") or ""
        if isinstance(value, types.FunctionType) and module.startswith(
            ("quorum.ingest", "quorum.normalise", "quorum.segment", "quorum.extract")
        ):
            setattr(pipeline, name, wrap(name, value))
    return totals


def worker(mode: str, paths: list[Path]) -> dict[str, float | int | str]:
    """Parse ``paths`` one by one with ``mode``; return the measurement as a JSON-ready dict."""
    from quorum.errors import QuorumError

    stages: dict[str, float] = {}
    if mode in {"quorum", "stages"}:
        if mode == "stages":
            stages = timed_stages()
        from quorum.pipeline import parse_path

        parse = parse_path
    else:
        parse = baseline_parse
    lines = failures = 0
    cpu0, wall0 = _cpu_seconds(), time.perf_counter()
    for path in paths:
        try:
            parse(path)
        except QuorumError:
            failures += 1
            continue
        with path.open("rb") as handle:
            lines += sum(1 for _ in handle)
    cpu, wall = _cpu_seconds() - cpu0, time.perf_counter() - wall0
    return {
        "mode": mode,
        "files": len(paths),
        "pages": lines / PAGE_LINES,
        "failures": failures,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": stages,
    }


def measure(mode: str, paths: list[Path], timeout: float | None = None) -> ParseRun:
    """Run one worker subprocess over ``paths`` in ``mode``; return what it measured.

    Line counting for the page total happens outside the timed parse in the
    worker. Raises RuntimeError when the worker fails.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(str(p) for p in paths))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.parse", "--worker", mode, "--list", listing.name],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
        )
    finally:
        Path(listing.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"parse worker ({mode}) failed: {done.stderr.strip().splitlines()[-1:]}")
    return ParseRun(**json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Worker entry point: ``python -m bench.parse --worker MODE --list FILE`` prints one JSON line."""
    parser = argparse.ArgumentParser(description="parse benchmark worker")
    parser.add_argument("--worker", choices=MODES, required=True)
    parser.add_argument("--list", type=Path, required=True, help="file holding one path per line")
    args = parser.parse_args()
    paths = [Path(line) for line in args.list.read_text(encoding="utf-8").split("\n") if line]
    print(json.dumps(worker(args.worker, paths)))


if __name__ == "__main__":
    main()
