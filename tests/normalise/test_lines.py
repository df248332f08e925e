"""Normalise: clean views, furniture flags and table cells, checked on the samples."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.model import Source
from quorum.normalise import classify_furniture, clean_line, normalise, split_cells
from quorum.normalise.lines import BLANK_PAGE_NOTICE, PAGE_NUMBER, TABLE_RULE
from tests.conftest import sample_text


def test_line_numbers_follow_split_on_newline() -> None:
    text = sample_text("council")
    assert len(text.lines) == len(text.text.split("\n"))
    assert text.line(3).raw == "Council SUMMONS AND AGENDA"
    assert text.line(240).raw == "230. ELECTION OF MAYOR"


def test_blank_page_notices_are_furniture_everywhere() -> None:
    text = sample_text("council")
    notices = [line.number for line in text.lines if line.furniture == BLANK_PAGE_NOTICE]
    # Read from the document: the first notices follow the minutes cover and the Ofsted cover.
    assert notices[:2] == [217, 495]
    assert len(notices) == sum("intentionally left blank" in raw for raw in text.text.split("\n"))


def test_stray_page_numbers_inside_the_action_plan_table_are_furniture() -> None:
    text = sample_text("council")
    # Lines 1115, 1122, 1138 and 1144 are page numbers ("08", "181", "83", "84") that
    # the PDF conversion dropped into the middle of the action plan table.
    for number in (1115, 1122, 1138, 1144):
        assert text.line(number).furniture == PAGE_NUMBER, number


def test_markup_debris_is_removed_from_the_clean_view_only() -> None:
    text = sample_text("council")
    heading = text.line(486)
    assert heading.raw == "**COUNCIL"
    assert heading.clean == "COUNCIL"
    assert clean_line("<u>Agenda Item No</u>\t<u>Title</u>") == "Agenda Item No\tTitle"
    assert clean_line("- ~~[Accountable Officer – CCG](#)~~") == "- Accountable Officer – CCG"
    assert clean_line("<http://www.harrow.gov.uk/site/scripts/location.php>.") == (
        "http://www.harrow.gov.uk/site/scripts/location.php."
    )
    assert clean_line("*** DATA PROTECTION ACT NOTICE**") == "* DATA PROTECTION ACT NOTICE"


def test_table_rules_and_cells() -> None:
    text = sample_text("scrutiny")
    assert text.line(36).furniture == TABLE_RULE  # |-----|-----|
    assert text.line(37).cells == ("1. Ms Pamela Fitzpatrick", "1. Susan Hall")
    assert text.line(41).cells == ("5. Jo Dooley", "")
    assert text.line(20).cells == ("Ghazanfar Ali", "Richard Almond")
    assert classify_furniture("--\t---") == TABLE_RULE
    assert split_cells("Plain prose, no table.") is None


def test_words_that_look_like_numbers_are_not_page_numbers() -> None:
    assert classify_furniture("2017") is None
    assert classify_furniture("1. Accountability") is None
    assert classify_furniture("Page 14") == PAGE_NUMBER
    assert classify_furniture("Page 3 of 12") == PAGE_NUMBER


def test_pdf_pages_are_carried_and_running_headers_flagged() -> None:
    pages_text = []
    pages: list[int | None] = []
    for page in range(1, 6):
        body = ["Cabinet 30 January 2025", f"Paragraph {page} of the report.", "More text.", f"Page {page}"]
        pages_text.extend(body)
        pages.extend([page] * len(body))
    raw = "\n".join(pages_text)
    source = Source(path="x.pdf", sha256="0", line_count=len(pages_text), kind="pdf")
    text = normalise(source, raw, pages)
    assert text.line(5).page == 2
    assert text.line(1).furniture == "running_header"
    assert text.line(4).furniture == PAGE_NUMBER
    assert text.line(2).furniture is None


@given(st.text(max_size=2000))
def test_normalise_never_loses_a_line(raw: str) -> None:
    source = Source(path="fuzz.txt", sha256="0", line_count=raw.count("\n") + 1)
    text = normalise(source, raw)
    assert [line.raw for line in text.lines] == raw.split("\n")
    assert all(line.number == index + 1 for index, line in enumerate(text.lines))


_LINE_PIECES = [
    "<u>",
    "</u>",
    "<http://x>",
    "[a](#)",
    "**",
    "~~",
    "__",
    "_",
    "*",
    "~",
    "\xa0",
    "\t",
    "|",
    " ",
    "-- ",
    "This page is intentionally left blank",
    "this page has been deliberately left blank",
    "page 12 of 30",
    "Page",
    "Page 3",
    "12",
    "t",
    "P",
    "Name",
    "é",
    "\n",
    "](",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=20).map("".join))
def test_every_line_is_what_the_three_line_functions_give(raw: str) -> None:
    # normalise inlines the common outcomes of clean_line, classify_furniture and split_cells: same lines
    text = normalise(Source(path="fuzz.txt", sha256="0", line_count=raw.count("\n") + 1), raw)
    for line in text.lines:
        clean = clean_line(line.raw)
        furniture = classify_furniture(clean)
        assert (line.clean, line.furniture) == (clean, furniture), line.raw
        assert line.cells == (split_cells(clean) if furniture is None else None), line.raw
