"""Big inputs, generated in tmp_path: a 100 MB single line and a 100k-line pack.

The 100 MB line is refused at once with a clear InputError; the 100k-line pack
must parse, never crash or hang. Both take minutes on a shared 2-core machine (the 100k-line pack 80-300 s:
parse time grows faster than linearly with pack size), so they are marked slow.
Recombined 5,000-line packs check, quickly, that sample pages out of their
context never make the extractors emit text that is not in the source.
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


@pytest.mark.slow
def test_a_100k_line_pack_parses_with_sane_spans(tmp_path: Path) -> None:
    text = recombined_pack(100_000, seed=9)  # runs of 50 sample lines ("pages"), as a long real pack would be
    path = tmp_path / "huge-pack.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = parse_path(path)
    elapsed = time.perf_counter() - started
    assert result.source.line_count == 100_000
    assert_result_sane(result, text)
    assert elapsed < 120, f"100k lines took {elapsed:.0f} s"


def test_a_100_mb_single_line_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    count = 100_000_000 // len(LINE_UNIT) + 1
    path.write_text((LINE_UNIT * count)[:100_000_000], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_path(path)
    assert "\n" not in str(caught.value)
    assert "line 1 is 100,000,000 characters long" in str(caught.value)


def test_a_line_just_under_the_limit_still_parses(tmp_path: Path) -> None:
    path = tmp_path / "long-line.txt"
    path.write_text("AGENDA\n" + ("word " * 199_999) + "\nEnd", encoding="utf-8")
    result = parse_path(path)
    assert result.source.line_count == 3


def recombined_pack(lines: int, seed: int) -> str:
    """Return ``lines`` lines of sample text recombined from random 50-line runs (seeded)."""
    source = sample_lines()
    rng = random.Random(seed)
    chunks: list[str] = []
    while len(chunks) < lines:
        start = rng.randrange(0, len(source) - 50)
        chunks.extend(source[start : start + 50])
    return "\n".join(chunks[:lines])


@pytest.mark.parametrize("seed", range(6))
def test_recombined_packs_stay_verbatim(seed: int, tmp_path: Path) -> None:
    """Pages of the samples out of their context must not make the extractors invent text."""
    text = recombined_pack(5000, seed)
    path = tmp_path / f"recombined-{seed}.txt"
    path.write_text(text, encoding="utf-8")
    assert_result_sane(parse_path(path), text)
