"""A small hand-made pack (tests/serve/data/testshire-cabinet-2024-03-14.txt) and its parse result.

The result is built by hand from the text (line numbers cited below), so the portal's tests do
not depend on how well the extractors do. Agenda item 4, minute 18 and the second report are
Part II (exempt): the word "Zanzibar" appears only there and must never be served.
"""

from __future__ import annotations

from pathlib import Path

from quorum.ingest.text import read_text_source
from quorum.model import (
    Access,
    AgendaItem,
    Attendee,
    Declaration,
    Document,
    DocumentKind,
    Indicator,
    Meeting,
    MinuteItem,
    Minutes,
    ParseResult,
    PersonRef,
    Report,
    Resolution,
    Span,
)

PACK = Path(__file__).resolve().parent / "data" / "testshire-cabinet-2024-03-14.txt"
#: A word that appears only in the pack's exempt (Part II) content.
SECRET = "Zanzibar"


def pack_result() -> tuple[ParseResult, str]:
    """Return the hand-built parse result of the test pack and its raw text."""
    source, raw = read_text_source(PACK)
    documents = [
        Document(DocumentKind.AGENDA, "Cabinet", Span(1, 36), title_line=1),  # lines 1-35: front sheet
        Document(DocumentKind.MINUTES, "CABINET MINUTES", Span(37, 66), date="2024-02-08", title_line=37),
        Document(DocumentKind.REPORT, "Library opening hours review", Span(67, 87), agenda_item="2", title_line=71),
        Document(
            DocumentKind.REPORT,
            "Staffing restructure - Zanzibar settlement",
            Span(88, 94),
            agenda_item="4",
            access=Access.EXEMPT,
            title_line=90,
        ),
    ]
    meeting = Meeting(
        body="Cabinet",
        date="2024-03-14",
        date_raw="Thursday 14 March 2024",  # line 5
        span=Span(1, 35),
        time="18:30",
        time_raw="6.30 pm",  # line 7
        venue="Committee Room 1, Testshire Civic Centre, High Street, Testford, TE1 1AA",  # line 9
        quorum=3,  # line 11
        chair="Alice Mercer",  # line 13
        members=[
            PersonRef("Bernard Quill", 17),
            PersonRef("Dr Chandra Okafor", 18),
            PersonRef("Mrs Delia Frost", 19),
        ],
        public_question_deadline="3.00 pm on Tuesday 12 March 2024",  # line 21
        public_question_address="democracy@testshire.example.gov.uk",  # line 21
        agenda=[
            AgendaItem(
                "1",
                "MINUTES",
                23,
                (3, 6),
                "Pages 3 - 6",
                end_line=25,
                description="That the minutes of the meeting held on 8 February 2024 be taken as read and "
                "signed as correct records.",
            ),
            AgendaItem(
                "2",
                "LIBRARY OPENING HOURS REVIEW",
                27,
                (7, 10),
                "Pages 7 - 10",
                end_line=29,
                description="Report of the Director of Community Services",
            ),
            AgendaItem("3", "EXCLUSION OF THE PRESS AND PUBLIC", 31, end_line=33),
            AgendaItem(
                "4",
                "STAFFING RESTRUCTURE - ZANZIBAR SETTLEMENT",
                35,
                (11, 12),
                "Pages 11 - 12",
                part="II",
                access=Access.EXEMPT,
                end_line=35,
            ),
        ],
        document=0,
    )
    minutes = Minutes(
        body="Cabinet",  # line 37
        date="2024-02-08",
        date_raw="8 FEBRUARY 2024",  # line 39
        span=Span(37, 66),
        chair="Alice Mercer",  # line 43
        present=[
            Attendee("Alice Mercer", 43, role="Chair", honorific="Councillor"),
            Attendee("Bernard Quill", 44, honorific="Councillor"),
            Attendee("Dr Chandra Okafor", 45, honorific="Councillor"),
        ],
        apologies=[Attendee("Mrs Delia Frost", 47, honorific="Councillor")],
        in_attendance=[Attendee("Gareth Lintel", 49, role="Director of Community Services")],
        declarations=[
            Declaration(
                "Bernard Quill",
                53,
                item="17",
                interest="a trustee of the Testford Library Friends",
                kind="non-pecuniary",
            )
        ],
        items=[
            MinuteItem("15", "DECLARATIONS OF INTEREST", 51, end_line=53),
            MinuteItem(
                "16",
                "MINUTES",
                55,
                end_line=57,
                resolutions=[
                    Resolution(
                        "That the minutes of the meeting held on 11 January 2024 be taken as read and signed as a "
                        "correct record.",
                        57,
                        57,
                        verb="RESOLVED",
                    )
                ],
            ),
            MinuteItem(
                "17",
                "LIBRARY VOLUNTEERS SCHEME",
                59,
                end_line=61,
                resolutions=[
                    Resolution(
                        "That the library volunteers scheme be extended to all branch libraries until March 2025.",
                        61,
                        61,
                        verb="RESOLVED",
                    )
                ],
            ),
            MinuteItem(
                "18",
                "SETTLEMENT WITH FORMER EMPLOYEE (PART II)",
                63,
                end_line=65,
                access=Access.EXEMPT,
                resolutions=[
                    Resolution("That the Zanzibar settlement of £140,000 be approved.", 65, 65, verb="RESOLVED")
                ],
            ),
        ],
        document=1,
    )
    reports = [
        Report(
            Span(67, 87),
            report_for="CABINET",  # line 67
            meeting_date="2024-03-14",
            meeting_date_raw="14 March 2024",  # line 69
            subject="Library opening hours review",  # line 71
            responsible_officers=["Gareth Lintel, Director of Community Services"],  # line 73
            exempt=False,
            exempt_raw="No",  # line 75
            recommendations="Cabinet is asked to approve longer Saturday opening at Testford Central Library.",
            recommendations_line=79,
            agenda_item="2",
            document=2,
        ),
        Report(
            Span(88, 94),
            report_for="CABINET",
            subject="Staffing restructure - Zanzibar settlement",  # line 90
            exempt=True,
            exempt_raw="Yes",  # line 92
            agenda_item="4",
            document=3,
        ),
    ]
    label = "Library visits per 1,000 residents"  # line 85
    indicators = [
        Indicator(label, "412", 86, value_number=412.0, period="2021/22", target="500", document=2),
        Indicator(label, "455", 86, value_number=455.0, period="2022/23", target="500", document=2),
    ]
    result = ParseResult(
        source=source,
        documents=documents,
        meetings=[meeting],
        minutes=[minutes],
        reports=reports,
        indicators=indicators,
    )
    return result, raw
