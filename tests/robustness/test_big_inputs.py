"""Big inputs, generated in tmp_path: a 100 MB single line and a 100k-line pack.

Both must end in a parse result (or a clear InputError), never a crash or a
hang. The 100 MB line takes over a minute, so it is marked slow.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from quorum.errors import InputError
from quorum.pipeline import parse_path
from tests.conftest import SAMPLE_FILES, sample_path
from tests.robustness.checks import assert_result_sane

#: One "word" of the 100 MB line: prose, markup debris, a link, an autolink and table cells.
LINE_UNIT = (
    "Council meeting <u>minutes</u> for **Cabinet** [item 4](#) see <https://www.harrow.gov.uk/x> "
    "| 12 | 34 | ~~old~~ text\t"
)


def sample_lines() -> list[str]:
    """Return every line of the five sample packs, in file order."""
    lines: list[str] = []
    for name in sorted(SAMPLE_FILES):
        lines.extend(sample_path(name).read_text(encoding="utf-8").split("\n"))
    return lines


def test_a_100k_line_pack_parses_with_sane_spans(tmp_path: Path) -> None:
    lines = sample_lines()
    rng = random.Random(9)
    chunks: list[str] = []
    total = 0
    while total < 100_000:  # recombine runs of 50 sample lines ("pages"), as a long real pack would
        start = rng.randrange(0, len(lines) - 50)
        chunks.extend(lines[start : start + 50])
        total += 50
    text = "\n".join(chunks[:100_000])
    path = tmp_path / "huge-pack.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = parse_path(path)
    elapsed = time.perf_counter() - started
    assert result.source.line_count == 100_000
    assert_result_sane(result, text)
    assert elapsed < 120, f"100k lines took {elapsed:.0f} s"


@pytest.mark.slow
def test_a_100_mb_single_line_ends_in_a_result_or_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    count = 100_000_000 // len(LINE_UNIT) + 1
    path.write_text((LINE_UNIT * count)[:100_000_000], encoding="utf-8")
    started = time.perf_counter()
    try:
        result = parse_path(path)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert result.source.line_count == 1
        for document in result.documents:
            assert document.span.start_line == document.span.end_line == 1
    assert time.perf_counter() - started < 400
