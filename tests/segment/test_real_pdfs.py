"""Segmentation and agendas of real council PDFs (tests/data/pdf), read page by page by hand.

Line numbers are those of the ingested text (one line per PDF text line, page
breaks kept); the comments quote what the lines print.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quorum.model import DocumentKind, ParseResult
from quorum.pipeline import parse_path

PDF = Path(__file__).resolve().parents[1] / "data" / "pdf"
MERTON = PDF / "merton_audit_committee_2009-10-22_agenda_pack.pdf"
KENT_AGENDA = PDF / "kent_cabinet_2025-01-30_agenda_frontsheet.pdf"
KENT_MINUTES = PDF / "kent_cabinet_2025-01-30_printed_minutes.pdf"


@cache
def _parse(path: Path) -> ParseResult:
    return parse_path(path)


def _require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not present")


def test_merton_pack_is_front_sheet_then_two_minutes_sets() -> None:
    """Merton Audit Committee pack, 22 October 2009 (a ModernGov-printed pack, pages 1-8).

    Page 1-2: front sheet and index ("1. Declarations of interest 1" .. "8. Work programme 169");
    page 3 top "AUDIT COMMITTEE" / "24 SEPTEMBER 2009" / "(19:15 TO 19:25 ...)" / "PRESENT:" with the
    running header "All minutes are draft until agreed ..." (no word MINUTES in the heading);
    page 4 repeats the heading (a continuation, not a new document); page 5 top
    "AUDIT COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)" opens the joint-session
    notes, which run to page 7; page 8 is "This page is intentionally blank".
    """
    _require(MERTON)
    docs = _parse(MERTON).documents
    rows = [(d.kind, d.span.start_line, d.agenda_item, d.pages) for d in docs]
    assert [r[0] for r in rows] == [DocumentKind.AGENDA, DocumentKind.MINUTES, DocumentKind.MINUTES]
    assert abs(docs[0].span.end_line - 65) <= 2  # 59-65 the declarations guidance under the index
    assert rows[1][1:] == (69, "3", (3, 4))  # 69 "AUDIT COMMITTEE"
    assert rows[2][1:] == (138, "3", (5, 7))  # 138 "... (JOINT SESSION)"
    assert docs[1].date == docs[2].date == "2009-09-24"  # 70, 139 "24 SEPTEMBER 2009"
    assert docs[2].body == "AUDIT COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)"
    assert docs[0].body == "Audit Committee"  # line 2, under the council's name "Merton Council"


def test_merton_index_page_numbers() -> None:
    """The index prints each item's first page after its title (lines 33-50), no "Pages" word."""
    _require(MERTON)
    meeting = _parse(MERTON).meetings[0]
    items = {item.number: item for item in meeting.agenda}
    assert items["1"].title == "Declarations of interest" and items["1"].pages == (1, 2)  # line 33
    assert items["2"].pages is None  # 35 "2. Apologies for absence" (no page)
    assert items["3"].title == (
        "Minutes of the meeting held on 24 September 2009 and notes of the Joint session with "
        "General Purposes Committee held on 24 September 2009"
    )  # 37-39, its page "3" alone on line 40
    assert items["3"].pages == (3, 8)
    assert items["4"].title == "Annual complaints report" and items["4"].pages == (9, 22)  # 42
    assert items["7"].title == "Final Accounts Memorandum 2008/09" and items["7"].pages == (155, 168)  # 48
    assert items["8"].title == "Work programme" and items["8"].pages_raw == "169"  # 50; its end is not printed
    assert meeting.body == "Audit Committee" and meeting.date == "2009-10-22"  # lines 2, 17


def test_kent_agenda_wrapped_titles_and_split_page_ranges() -> None:
    """Kent Cabinet 30 January 2025 front sheet: titles wrapped over up to three lines (32-34),
    and "(Pages" / "461 - 610)" split over lines 39-40."""
    _require(KENT_AGENDA)
    result = _parse(KENT_AGENDA)
    assert [d.kind for d in result.documents] == [DocumentKind.AGENDA]
    items = {item.number: item for item in result.meetings[0].agenda}
    assert len(items) == 9
    assert items["7"].title == (
        "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children "
        "Young People and Education Directorate to the Adult Social Care and Health Directorate"
    )
    assert items["7"].pages == (277, 326)
    assert items["9"].title == "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"
    assert items["9"].pages == (461, 610) and items["9"].pages_raw == "Pages 461 - 610"
    assert items["6"].pages == (85, 276)  # 29-30, "(Pages 85 - 276)" at the end of the second line
    assert result.documents[0].body == "CABINET"  # line 3, under "AGENDA"


def test_kent_minutes_are_one_document_with_their_letterhead() -> None:
    """Kent printed minutes: "KENT COUNTY COUNCIL" (line 2) heads "CABINET" (4) / "MINUTES of a meeting ..." (6)."""
    _require(KENT_MINUTES)
    docs = _parse(KENT_MINUTES).documents
    assert len(docs) == 1
    assert docs[0].kind == DocumentKind.MINUTES and docs[0].span.start_line == 2
    assert docs[0].body == "CABINET" and docs[0].date == "2025-01-30"  # line 7 "Thursday, 30 January 2025"
