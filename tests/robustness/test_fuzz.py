"""Property fuzzing of the decode, normalise, segment and whole-pipeline stages with hypothesis.

Generated packs mix real sample lines, markup debris and arbitrary unicode, so
the extractors see both plausible council text and garbage. Whatever comes in:
no exception but InputError, line numbering intact, every span inside the
file, every extracted string verbatim.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quorum.errors import InputError
from quorum.ingest.text import decode_text
from quorum.model import Source
from quorum.normalise import normalise
from quorum.normalise.lines import BLANK_PAGE_NOTICE, PAGE_NUMBER, RUNNING_HEADER, TABLE_RULE
from quorum.pipeline import parse_text
from quorum.segment import segment
from tests.robustness.checks import assert_result_sane
from tests.robustness.test_big_inputs import sample_lines
from tests.robustness.test_normalise_linear import hostile_lines

SAMPLE_LINES = sample_lines()
FURNITURE = {None, BLANK_PAGE_NOTICE, PAGE_NUMBER, RUNNING_HEADER, TABLE_RULE}

#: One line of a generated pack: mostly real sample lines, some debris, some arbitrary text.
any_line = st.one_of(
    st.sampled_from(SAMPLE_LINES),
    st.sampled_from(SAMPLE_LINES),
    hostile_lines,
    st.text(max_size=80),
    st.sampled_from(["", "This page is intentionally left blank", "12", "Page 3 of 9", "|---|---|", "MINUTES"]),
)
#: A run of consecutive sample lines, so that real structure (headings, tables) shows up.
sample_run = st.integers(0, len(SAMPLE_LINES) - 60).map(lambda start: "\n".join(SAMPLE_LINES[start : start + 60]))
packs = st.lists(st.one_of(any_line, sample_run), min_size=1, max_size=40).map("\n".join)

SOURCE = Source(path="fuzz.txt", sha256="0" * 64, line_count=0)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_text_returns_text_or_raises_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz.bin")
    except InputError as error:
        assert str(error).startswith("fuzz.bin: ")
    else:
        assert "\r" not in text


@FUZZ
@given(packs)
def test_normalise_keeps_every_line(text: str) -> None:
    normalised = normalise(SOURCE, text)
    raw_lines = text.split("\n")
    assert [line.raw for line in normalised.lines] == raw_lines
    assert [line.number for line in normalised.lines] == list(range(1, len(raw_lines) + 1))
    for line in normalised.lines:
        assert "\n" not in line.clean and line.clean == line.clean.strip()
        assert line.furniture in FURNITURE
        assert line.cells is None or all(isinstance(cell, str) for cell in line.cells)


@FUZZ
@given(packs, st.booleans())
def test_segment_spans_stay_inside_the_pack(text: str, with_pages: bool) -> None:
    count = len(text.split("\n"))
    pages: list[int | None] | None = [1 + i // 50 for i in range(count)] if with_pages else None
    normalised = normalise(SOURCE, text, pages)
    documents = segment(normalised)
    for index, document in enumerate(documents):
        assert 1 <= document.span.start_line <= document.span.end_line <= count
        assert document.parent is None or (0 <= document.parent < len(documents) and document.parent != index)


@FUZZ
@given(packs)
def test_the_whole_pipeline_never_crashes_and_stays_verbatim(text: str) -> None:
    source = Source(path="fuzz.txt", sha256="0" * 64, line_count=len(text.split("\n")))
    assert_result_sane(parse_text(source, text), text)
