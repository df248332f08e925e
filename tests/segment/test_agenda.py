"""The one agenda parser shared by the segmenter and the front-sheet extractor.

Line shapes come from the Harrow front sheets (cited by line) and from the
house styles of other councils (ModernGov tables, county "3 Minutes", sub-items).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract.agenda_items import parse_agenda as extract_parse_agenda
from quorum.model import Access, NormalisedText, Source, fold_whitespace
from quorum.normalise import normalise
from quorum.segment import segment
from quorum.segment.agenda import parse_agenda, parse_front_sheet
from quorum.segment.agenda_lines import read_item, split_pages
from tests.conftest import sample_text


def _text(raw: str) -> NormalisedText:
    return normalise(Source(path="synthetic.txt", sha256="0", line_count=raw.count("\n") + 1), raw)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # partnership line 57: bold title with a colon inside the markup, pages outside it
        ("3. **Minutes:** (Pages 1 - 6)", ("3", "Minutes", (1, 6), "Pages 1 - 6")),
        # partnership line 65
        (
            "7. **Families First Progress Report:** (To Follow)",
            ("7", "Families First Progress Report", None, "To Follow"),
        ),
        # council line 102: a full stop before "(To Follow)"
        (
            "12. IMPLEMENTATION OF THE MARKETS IN FINANCIAL INSTRUMENTS DIRECTIVE (MiFID II). (To Follow)",
            ("12", "IMPLEMENTATION OF THE MARKETS IN FINANCIAL INSTRUMENTS DIRECTIVE (MiFID II)", None, "To Follow"),
        ),
        # council line 70: the asterisk that marks public questions is debris
        ("5. PUBLIC QUESTIONS *", ("5", "PUBLIC QUESTIONS", None, None)),
        # ModernGov table rows, tab and pipe
        ("3.\tMinutes of the previous meeting\t1 - 8", ("3", "Minutes of the previous meeting", (1, 8), "1 - 8")),
        ("| 3 | Minutes | 1 - 8 |", ("3", "Minutes", (1, 8), "1 - 8")),
        # county style: no full stop after the number
        ("3 Minutes (Pages 1 - 10)", ("3", "Minutes", (1, 10), "Pages 1 - 10")),
        ("Item 6 Staffing Matters", ("6", "Staffing Matters", None, None)),
        # sub-items keep their suffix
        ("4a. Land at 12 Mill Lane (Pages 9 - 30)", ("4a", "Land at 12 Mill Lane", (9, 30), "Pages 9 - 30")),
        ("4(b) Land at 14 Mill Lane", ("4(b)", "Land at 14 Mill Lane", None, None)),
        ("4.1 Planning Application 24/0001/FUL", ("4.1", "Planning Application 24/0001/FUL", None, None)),
        # markup inside the title: the title is the raw slice, verbatim
        (
            "5. <u>Safer</u> Harrow - Update (Pages 7 - 12)",
            ("5", "<u>Safer</u> Harrow - Update", (7, 12), "Pages 7 - 12"),
        ),
    ],
)
def test_item_line_shapes(line: str, expected: tuple[str, str, tuple[int, int] | None, str | None]) -> None:
    item = read_item(_text(line), 1, 1)
    assert item is not None
    assert (item.number, item.title, item.pages, item.pages_raw) == expected
    assert fold_whitespace(item.title) in fold_whitespace(line)


@pytest.mark.parametrize(
    "line",
    [
        "1 April 2025 is the date of the annual meeting.",  # a date, not item 1
        "1. the council notes that pay has fallen;",  # a list entry
        "20 minutes past the hour",
        "Some prose without a number",
    ],
)
def test_lines_that_are_not_items(line: str) -> None:
    assert read_item(_text(line), 1, 1) is None


def test_split_pages_keeps_raw_reference() -> None:
    assert split_pages("Safer Harrow - Update: (Pages 7 - 12)") == ("Safer Harrow - Update: ", (7, 12), "Pages 7 - 12")
    assert split_pages("Minutes (Page 3)") == ("Minutes ", (3, 3), "Page 3")
    assert split_pages("Report on pages and pages") == ("Report on pages and pages", None, None)


def test_wrapped_upper_case_title_and_number_alone() -> None:
    raw = "AGENDA\n\n1.\nAPOLOGIES\n\n2. LAND AT THE REAR OF 12 MILL LANE AND\n"
    raw += "THE OLD DAIRY (Pages 1 - 8)\n\n3. MINUTES\n"
    agenda = parse_agenda(_text(raw), 1, raw.count("\n") + 1)
    assert agenda is not None
    assert [(i.number, i.title, i.line, i.pages) for i in agenda.items] == [
        ("1", "APOLOGIES", 3, None),
        ("2", "LAND AT THE REAR OF 12 MILL LANE AND THE OLD DAIRY", 6, (1, 8)),
        ("3", "MINUTES", 9, None),
    ]


SUB_ITEMS = """Planning Committee
Date: Tuesday 14 January 2025

AGENDA

1. Apologies for Absence
2. Minutes (Pages 1 - 4)
3. Planning Applications
3a. Land at 12 Mill Lane (Pages 5 - 20)
3b. Land at 14 Mill Lane (Pages 21 - 30)
3d. Not in sequence: prose
4. Enforcement Matters
4.1 Breach at The Old Dairy (Pages 31 - 34)
4.2 Breach at Station Yard (Pages 35 - 38)
5. Any Other Business
"""


def test_sub_items_follow_their_main_item() -> None:
    agenda = parse_agenda(_text(SUB_ITEMS), 1, SUB_ITEMS.count("\n") + 1)
    assert agenda is not None
    assert [(i.number, i.title, i.pages) for i in agenda.items] == [
        ("1", "Apologies for Absence", None),
        ("2", "Minutes", (1, 4)),
        ("3", "Planning Applications", None),
        ("3a", "Land at 12 Mill Lane", (5, 20)),
        ("3b", "Land at 14 Mill Lane", (21, 30)),
        ("4", "Enforcement Matters", None),
        ("4.1", "Breach at The Old Dairy", (31, 34)),
        ("4.2", "Breach at Station Yard", (35, 38)),
        ("5", "Any Other Business", None),
    ]
    sheet = parse_front_sheet(_text(SUB_ITEMS), 1, SUB_ITEMS.count("\n") + 1)
    assert sheet is not None and [i.number for i in sheet.items] == [i.number for i in agenda.items]


def test_a_numbered_reserve_list_does_not_capture_the_agenda() -> None:
    raw = (
        "Cabinet\nDate: Monday 3 March 2025\n\nReserve Members:\n1. Councillor Sue Anderson\n"
        "2. Councillor Ameet Jogia\n3. Councillor Jo Dooley\n\nAGENDA\n\n1. APOLOGIES\n2. MINUTES (Pages 1 - 4)\n"
        "3. BUDGET (Pages 5 - 40)\n"
    )
    sheet = parse_front_sheet(_text(raw), 1, raw.count("\n") + 1)
    assert sheet is not None
    assert [(i.number, i.title) for i in sheet.items] == [("1", "APOLOGIES"), ("2", "MINUTES"), ("3", "BUDGET")]


def test_part_two_after_exclusion() -> None:
    # council lines 198-205: item 19 excludes the press and public, so item 20 is exempt; the exempt-items
    # table row "20.<tab>Information Report – Severance ..." (203) is not item 20.
    text = sample_text("council")
    sheet = parse_front_sheet(text, 3, 212)
    assert sheet is not None
    items = {i.number: i for i in sheet.items}
    assert items["20"].line == 205 and items["20"].access == Access.EXEMPT
    assert items["19"].access == Access.PUBLIC
    assert (sheet.body, sheet.date, sheet.date_raw) == ("Council", "2017-09-28", "Thursday 28 September 2017")


@pytest.mark.parametrize(
    ("name", "first", "limit"),
    [("council", 3, 212), ("partnership", 5, 77), ("corporate_parenting", 3, 148), ("scrutiny", 3, 113)],
)
def test_segmenter_and_extractor_read_the_same_items(name: str, first: int, limit: int) -> None:
    text = sample_text(name)
    sheet = parse_front_sheet(text, first, limit)
    agenda = extract_parse_agenda(text, first, limit)
    assert sheet is not None and agenda is not None
    assert [(i.number, i.title, i.line, i.pages, i.access) for i in sheet.items] == [
        (i.number, i.title, i.line, i.pages, i.access) for i in agenda.items
    ]


def test_partnership_titles_drop_colon_markup_and_pages() -> None:
    # lines 53-70: "1. **Attendance by Substitute Members:**" ... "10. **Date of Next Meeting:**"
    sheet = parse_front_sheet(sample_text("partnership"), 5, 77)
    assert sheet is not None
    assert [i.title for i in sheet.items][2:5] == ["Minutes", "Appointment of Vice-Chairman", "Safer Harrow - Update"]
    assert [i.line for i in sheet.items] == [53, 55, 57, 59, 61, 63, 65, 67, 69, 70]


_LINES = st.sampled_from(
    [
        "",
        "AGENDA",
        "AGENDA - PART II",
        "1. MINUTES (Pages 1 - 2)",
        "2. **Item:** (To Follow)",
        "2a. Sub item",
        "2.1 Sub item",
        "3.",
        "3",
        "4 <u>Under</u>lined TITLE",
        "20.\tTitle\tDescription",
        "| 1 | Apologies | |",
        "This page is intentionally left blank",
        "Agenda Item 3",
        "MINUTES",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=30)), min_size=1, max_size=40))
def test_arbitrary_lines_give_ordered_verbatim_items(lines: list[str]) -> None:
    raw = "\n".join(lines)
    text = _text(raw)
    agenda = parse_agenda(text, 1, len(text.lines))
    if agenda is None:
        return
    source = fold_whitespace(raw)
    previous = 0
    for item in agenda.items:
        assert previous < item.line <= (item.end_line or item.line) <= len(text.lines)
        assert fold_whitespace(item.title) in source
        previous = item.line


# ModernGov index page: each item's first page after its title, no "Pages" word (read by _index_pages).
_INDEX_PAGE = """AGENDA

1. Apologies for absence 3
2. Minutes of the last meeting 5
3. Annual complaints report 9
4. Budget monitoring 20
"""


def test_index_page_numbers_do_not_leak_into_shared_headings() -> None:
    # Item headings are read once per text and shared; renumbering them for the index must copy, not change them.
    text = _text(_INDEX_PAGE)
    first = parse_agenda(text, 1, len(text.lines))
    assert first is not None
    assert [(i.title, i.pages, i.pages_raw) for i in first.items] == [
        ("Apologies for absence", (3, 4), "3"),
        ("Minutes of the last meeting", (5, 8), "5"),
        ("Annual complaints report", (9, 19), "9"),
        ("Budget monitoring", None, "20"),
    ]
    heading = read_item(text, 5, len(text.lines))
    assert heading is not None and heading.title == "Annual complaints report 9" and heading.pages is None
    assert parse_agenda(text, 1, len(text.lines)) == first
    assert parse_agenda(_text(_INDEX_PAGE), 1, len(text.lines)) == first


@pytest.mark.parametrize("name", ["council", "partnership", "corporate_parenting", "scrutiny", "annual_report"])
def test_agenda_read_after_segmenting_equals_agenda_read_alone(name: str) -> None:
    # The segmenter and the front-sheet extractor share read headings and followed chains through the text's
    # cache: reading the agenda after segmentation must give what a fresh text gives.
    warmed = sample_text(name)
    segment(warmed)
    fresh = normalise(warmed.source, warmed.text)
    for limit in (len(fresh.lines), 150, 213):
        assert extract_parse_agenda(warmed, 3, limit) == extract_parse_agenda(fresh, 3, limit)
        assert parse_agenda(warmed, 3, limit) == parse_agenda(normalise(warmed.source, warmed.text), 3, limit)
