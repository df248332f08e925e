"""Line signals and the shortcuts the segmenter takes for speed: each must answer exactly as the slow way.

The segmenter skips work on most lines with cheap tests (one combined pattern in
place of several, a bulk count of upper-case letters, cached answers). These
tests pin that every shortcut gives the same answer as the test it stands for,
on lines from the Harrow samples and on arbitrary text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.model import Source
from quorum.normalise import normalise
from quorum.normalise.lines import upper_ratio
from quorum.segment import agenda, documents
from quorum.segment import signals as sig
from quorum.segment.agenda_lines import heading, may_open_item
from tests.conftest import SAMPLE_FILES, sample_text

_NO_NEWLINE = st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NO_NEWLINE, max_size=12))
def test_bulk_upper_ratios_equal_upper_ratio_line_by_line(texts: list[str]) -> None:
    assert sig.upper_ratios(texts) == [upper_ratio(text) for text in texts]


@pytest.mark.parametrize("name", sorted(SAMPLE_FILES))
def test_bulk_upper_ratios_on_the_samples(name: str) -> None:
    # The samples mix ASCII lines with "–", "’", "✓" and "£" (non-ASCII letters and symbols).
    cleans = [line.clean for line in sample_text(name).lines]
    assert sig.upper_ratios(cleans) == [upper_ratio(clean) for clean in cleans]


def test_bulk_upper_ratios_count_unicode_letters_and_refuse_newlines() -> None:
    assert sig.upper_ratios(["ÉCOLE été", "ΣΑΣ σας", "", "1 - 2"]) == [0.625, 0.5, 0.0, 0.0]
    with pytest.raises(ValueError, match="newline"):
        sig.upper_ratios(["two\nlines"])


def test_significant_words_are_a_fresh_set_each_time() -> None:
    words = sig.significant_words("Corporate Parenting Strategy")
    assert words == {"corporate", "parenting", "strategy"}
    words.add("changed")  # the answer is cached: a caller's change must not leak into the next answer
    assert sig.significant_words("Corporate Parenting Strategy") == {"corporate", "parenting", "strategy"}


@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        ("HARROW STRATEGIC PARTNERSHIP BOARD", True),  # partnership line 245
        ("Safer Harrow - Update", True),  # partnership line 247
        ("Background Papers:", False),  # corporate parenting line 581: a label ending in a colon is no title
        ("- Ensuring stability for children", False),  # a bullet
        ("The Panel noted the report.", False),  # a sentence
        ("(i) the report be noted", False),
        ("", False),
    ],
)
def test_is_heading_like(clean: str, expected: bool) -> None:
    assert sig.is_heading_like(clean) is expected


def _any_match(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.match(text) for pattern in patterns)


def _lines_for(*patterns: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Text near the patterns: strings they match, with arbitrary text and some mangling mixed in."""
    matching = st.one_of(*(st.from_regex(pattern, fullmatch=True) for pattern in patterns))
    return st.one_of(matching, _NO_NEWLINE, st.tuples(matching, _NO_NEWLINE).map("".join))


@settings(max_examples=150, deadline=None)
@given(_lines_for(*documents._LEAD_PATTERNS))
def test_combined_lead_pattern_matches_where_one_of_its_patterns_does(text: str) -> None:
    combined = documents._ANY_LEAD.match(text) is not None
    assert combined is _any_match(documents._LEAD_PATTERNS, text)


@settings(max_examples=150, deadline=None)
@given(_lines_for(sig.CONTENTS, documents._INSPECTION_DATES))
def test_title_block_end_pattern_matches_contents_or_inspection_dates(text: str) -> None:
    combined = documents._TITLE_BLOCK_END.match(text) is not None
    assert combined is _any_match((sig.CONTENTS, documents._INSPECTION_DATES), text)


@settings(max_examples=150, deadline=None)
@given(_lines_for(agenda._STOP, agenda._NEW_PACK, agenda._MINUTES_UPPER))
def test_agenda_stop_pattern_matches_other_documents_and_new_packs(text: str) -> None:
    combined = agenda._STOP_OR_NEW_PACK.match(text) is not None
    assert combined is (agenda.starts_other_document(text) or agenda._NEW_PACK.match(text) is not None)


@pytest.mark.parametrize(
    "clean",
    [
        "Agenda Item 4",
        "REPORT FOR: Corporate Parenting Panel",  # corporate parenting line 444
        "Minutes of the meeting held on Thursday 6 December 2012",  # partnership line 83
        "Enclosures: 1. scorecard 2. strategic priorities",
        "Section 4 - Contact Details and Background Papers",  # corporate parenting line 573
        "(CLOSE OF MEETING: All business having been completed, the meeting closed at 9.45 pm).",
        "The meeting finished at 8.10 pm.",
        "CONTENTS",
        "Inspection dates: 16 January 2017 to 9 February 2017",  # corporate parenting line 618
        "The Panel received the report.",
    ],
)
def test_combined_patterns_on_lines_from_the_samples(clean: str) -> None:
    assert (documents._ANY_LEAD.match(clean) is not None) is _any_match(documents._LEAD_PATTERNS, clean)
    ends = (sig.CONTENTS, documents._INSPECTION_DATES)
    assert (documents._TITLE_BLOCK_END.match(clean) is not None) is _any_match(ends, clean)


@settings(max_examples=150, deadline=None)
@given(_lines_for(*documents._LEAD_PATTERNS, sig.CONTENTS, documents._INSPECTION_DATES))
def test_line_mark_pattern_tells_lead_lines_from_title_block_ends(text: str) -> None:
    lead = documents._ANY_LEAD.match(text) is not None
    block_end = documents._TITLE_BLOCK_END.match(text) is not None
    assert not (lead and block_end)  # the segmenter records a line as one or the other
    marked = documents._LINE_MARK.match(text)
    assert (marked is not None) is (lead or block_end)
    assert (marked is not None and marked.group("lead") is not None) is lead


@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        ("3. **Minutes:** (Pages 1 - 6)", True),  # partnership line 57
        ("Item 6 Staffing Matters", True),
        ("Agenda Item 3", True),
        ("| 3 | Minutes | 1 - 8 |", True),
        ("PRESENT:", False),
        ("Minutes of the meeting held on Thursday 6 December 2012", False),  # partnership line 83
    ],
)
def test_may_open_item_passes_every_item_heading(clean: str, expected: bool) -> None:
    line = normalise(Source(path="x.txt", sha256="0", line_count=1), clean).lines[0]
    assert may_open_item(line) is expected
    if not expected:
        assert heading(line) is None


@settings(max_examples=150, deadline=None)
@given(st.one_of(_NO_NEWLINE, st.from_regex(r"\A(?:(?:agenda\s+)?item\s+)?\d{1,3}[a-z]?[.):]?\s*\S.*\Z")))
def test_heading_is_none_where_may_open_item_fails(text: str) -> None:
    lines = normalise(Source(path="x.txt", sha256="0", line_count=1), text).lines
    line = lines[0]
    if len(lines) == 1 and line.is_content and not may_open_item(line):
        assert heading(line) is None
