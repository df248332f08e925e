"""Finding the sets of minutes in the Harrow packs: where each starts and ends, body and date.

Expectations are read from the sample files; line numbers are cited per case.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import minutes_spans as spans
from quorum.extract.minutes import extract_minutes, minutes_spans_for
from quorum.extract.minutes_spans import clean_body, find_minutes_spans
from quorum.model import Document, DocumentKind, Source
from quorum.normalise import normalise
from tests.conftest import sample_text

#: (pack, start line, end line, body, ISO date) for every set of minutes, read from the files.
EXPECTED_SETS = [
    # council 219 "COUNCIL (ANNUAL) MINUTES", 221 "18 MAY 2017", 347 "(CLOSE OF MEETING: ... 8.29 pm)."
    ("council", 219, 347, "COUNCIL", "2017-05-18"),
    # council 412 "COUNCIL EXTRAORDINARY MINUTES", 414 "13 JUNE 2017", 484 close of meeting at 8.25 pm
    ("council", 412, 484, "COUNCIL", "2017-06-13"),
    # council 1166 "CABINET", 1168 "13 JULY 2017", 1170 "Record of decisions ...", last line 1208 before the
    # strategy's bold title at 1210
    ("council", 1166, 1208, "CABINET", "2017-07-13"),
    # council 1862 the same Cabinet meeting again (minute 575), ends 1904 before the "COUNCIL / 28 SEPTEMBER 2017"
    # cover at 1906
    ("council", 1862, 1904, "CABINET", "2017-07-13"),
    # council 1920 Cabinet 14 September 2017, ends at the call-in note 1970 before the bold cover at 1972
    ("council", 1920, 1970, "CABINET", "2017-09-14"),
    # council 1986 "PENSION FUND COMMITTEE" / 1988 "MINUTES" / 1990 "28 JUNE 2017"; ends 2016 before cover 2018
    ("council", 1986, 2016, "PENSION FUND COMMITTEE", "2017-06-28"),
    # council 2326 "HEALTH AND WELLBEING BOARD MINUTES" under "APPENDIX 3" (2324) of a report; ends 2361
    ("council", 2326, 2361, "HEALTH AND WELLBEING BOARD", "2017-07-20"),
    # partnership 81 "HARROW PARTNERSHIP BOARD", 83 "Minutes of the meeting held on Thursday 6 December 2012",
    # 239 "[Note: The Meeting, having commenced at 6.02 pm, closed at 6.52 pm]"
    ("partnership", 81, 239, "HARROW PARTNERSHIP BOARD", "2012-12-06"),
    # corporate parenting 149 "CORPORATE PARENTING PANEL" / 151 "MINUTES" / 153 "28 MARCH 2017"; 285 closing
    # note, 287-288 the signature "(Signed) COUNCILLOR CHRISTINE BEDNELL / Vice-Chair in the Chair"
    ("corporate_parenting", 149, 288, "CORPORATE PARENTING PANEL", "2017-03-28"),
]


@pytest.mark.parametrize("pack", ["council", "partnership", "corporate_parenting", "scrutiny", "annual_report"])
def test_every_set_of_minutes_is_found_and_nothing_else(pack: str) -> None:
    spans = find_minutes_spans(sample_text(pack))
    got = [(pack, s.start_line, s.end_line, s.body, s.date) for s in spans]
    assert got == [row for row in EXPECTED_SETS if row[0] == pack]


def test_cover_sheet_minutes_heading_is_not_a_set() -> None:
    # council 213-217: "COUNCIL 28 SEPTEMBER 2017 / MINUTES / This page is intentionally left blank" is a cover
    starts = [s.start_line for s in find_minutes_spans(sample_text("council"))]
    assert not any(210 <= start <= 218 for start in starts)


def test_agenda_item_called_minutes_is_not_a_set() -> None:
    # council 50 "1. COUNCIL MINUTES (Pages 9 - 22)" and corporate parenting 91 "4. MINUTES (Pages 5 - 12)"
    assert all(s.start_line > 60 for s in find_minutes_spans(sample_text("council")))
    assert all(s.start_line > 100 for s in find_minutes_spans(sample_text("corporate_parenting")))


def test_date_raw_is_verbatim() -> None:
    spans = find_minutes_spans(sample_text("partnership"))
    assert spans[0].date_raw == "Thursday 6 December 2012"  # partnership line 83


def test_clean_body_drops_meeting_type_words() -> None:
    assert clean_body("COUNCIL (ANNUAL)") == "COUNCIL"
    assert clean_body("COUNCIL EXTRAORDINARY") == "COUNCIL"
    assert clean_body("Extraordinary Meeting") == "Extraordinary Meeting"
    assert clean_body("Planning Committee") == "Planning Committee"


def test_segmenter_minutes_documents_are_preferred() -> None:
    text = sample_text("council")
    # a minutes document as a segmenter might type it, one line wider than the heading suggests
    documents = [
        Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, 218)),
        Document(kind=DocumentKind.MINUTES, title="Council (Annual) Minutes", span=text.span(219, 410)),
    ]
    spans = minutes_spans_for(text, documents)
    first = spans[0]
    assert (first.start_line, first.end_line, first.document) == (219, 410, 1)
    assert first.body == "COUNCIL" and first.date == "2017-05-18"
    # the other six sets are still found outside the typed document
    assert len(spans) == 7


def test_minutes_document_without_a_heading_still_gives_a_set() -> None:
    text = sample_text("council")
    documents = [Document(kind=DocumentKind.MINUTES, title="Notes", span=text.span(2000, 2016), date="2017-06-28")]
    minutes = extract_minutes(text, documents)
    pension = [m for m in minutes if m.document == 0]
    assert len(pension) == 1
    assert pension[0].span.start_line == 2000 and pension[0].date == "2017-06-28"
    # the minute heading inside the document (2006 "208. Role of Co-optee") is still read
    assert [item.number for item in pension[0].items] == ["208"]


def test_pipeline_minutes_with_segmentation() -> None:
    # the full parse (segmenter's minutes documents preferred) still yields the nine sets and their minutes
    from tests.conftest import sample_result

    dates = {
        pack: [m.date for m in sample_result(pack).minutes]
        for pack in ("council", "partnership", "corporate_parenting")
    }
    assert dates == {
        "council": ["2017-05-18", "2017-06-13", "2017-07-13", "2017-07-13", "2017-09-14", "2017-06-28", "2017-07-20"],
        "partnership": ["2012-12-06"],
        "corporate_parenting": ["2017-03-28"],
    }
    counts = [len(m.items) for m in sample_result("council").minutes]
    assert counts == [15, 4, 1, 1, 1, 1, 1]


def test_cached_spans_are_fresh_copies_per_call() -> None:
    # minutes_spans_for caches its spans per text and minutes documents; a caller that changes the spans it got
    # (as extract_motions or a later stage might) must not change what the next caller gets
    text = sample_text("council")
    documents = [Document(kind=DocumentKind.MINUTES, title="Council (Annual) Minutes", span=text.span(219, 410))]
    first = minutes_spans_for(text, documents)
    assert (first[0].start_line, first[0].end_line) == (219, 410)  # council 219 "COUNCIL (ANNUAL) MINUTES"
    first[0].end_line = 220
    first.pop()
    again = minutes_spans_for(text, documents)
    assert (again[0].start_line, again[0].end_line) == (219, 410)
    assert len(again) == len(first) + 1
    # other minutes documents are another key: council 412 "COUNCIL EXTRAORDINARY MINUTES" typed as a document
    other = [Document(kind=DocumentKind.MINUTES, title="Council Minutes", span=text.span(412, 500))]
    assert (minutes_spans_for(text, other)[1].start_line, minutes_spans_for(text, other)[1].end_line) == (412, 500)


_BREAK_PIECES = [
    "REPORT FOR:",
    "Report to :",
    "Contents",
    "APPENDIX 2",
    "Document is Restricted",
    "**",
    "COUNCIL",
    " 28 SEPTEMBER 2017",
    "12. Minutes",
    "RESOLVED",
    "text",
    ".",
    "\n",
    "\t",
    " ",
    "DATE",
    "é",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=8).map("".join))
def test_document_break_pre_checks_agree_with_the_patterns(raw: str) -> None:
    text = normalise(Source("t.txt", "0", 0), raw)
    for n in range(1, len(text.lines) + 1):
        line = text.line(n)
        clean = line.clean.strip()
        stripped_raw = line.raw.strip()
        plain = bool(spans._BREAK_RE.match(clean)) or (
            not (spans._NUMBERED_RE.match(clean) or spans._RESOLUTION_START_RE.match(clean))
            and (
                (stripped_raw.startswith("**") and stripped_raw.count("**") == 1 and len(clean) <= 80)
                or bool(spans._COVER_CAPS_DATE_RE.match(clean))
            )
        )
        if plain:  # the tests before the capitals-and-date-below test, as they stood
            assert spans._is_document_break(text, n, len(text.lines))


_CLOSING_PIECES = [
    "The meeting",
    " closed",
    " ended",
    " finished at 9.10 pm",
    " rose",
    " concluded",
    "MEETING",
    "(CLOSE OF MEETING: 8.29 pm)",
    "time of ",
    "conclusion",
    "closure",
    "finish",
    "Time",
    "of",
    " terminated",
    "closing",
    " ",
    ":",
    "meetings",
    "ſ",
    "é",
    "x",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CLOSING_PIECES), max_size=6).map("".join))
def test_closing_line_test_is_the_closing_pattern(clean: str) -> None:
    assert spans.is_closing_line(clean) == bool(spans.CLOSING_RE.search(clean))


def test_closing_notes_from_the_samples() -> None:
    # council 347
    assert spans.is_closing_line(
        "(CLOSE OF MEETING: All business having been completed, the Mayor declared the meeting closed at 8.29 pm)."
    )
    assert spans.is_closing_line(
        "[Note: The Meeting, having commenced at 6.02 pm, closed at 6.52 pm]"
    )  # partnership 239
    assert not spans.is_closing_line("The next meeting will be held on 5 March.")
