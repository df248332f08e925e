"""Hand-built parse results of the sample packs, read line by line from the files (line numbers cited).

They let the store be tested for the full model whatever the extractors
currently return, and they are the ground for the identity cases.
"""

from __future__ import annotations

from quorum.model import (
    Access,
    AgendaItem,
    Attendee,
    Declaration,
    Document,
    DocumentKind,
    Meeting,
    MinuteItem,
    Minutes,
    Motion,
    ParseResult,
    PersonRef,
    RecommendationLink,
    Report,
    ReserveMember,
    Resolution,
    Span,
    Table,
    Vote,
)
from tests.store.conftest import source_of


def corporate_parenting() -> ParseResult:
    """corporate-parenting-panel-2017-06-14-agenda.txt: front sheet (lines 3-65) and March minutes (149-290)."""
    meeting = Meeting(
        body="Corporate Parenting Panel",  # line 3
        date="2017-06-14",  # line 7 "DATE: Wednesday 14 June 2017"
        date_raw="Wednesday 14 June 2017",
        time="19:30",  # line 9 "TIME: 7.30 pm"
        venue="Committee Room 5 at Harrow Civic Centre",  # line 11
        span=Span(3, 65),
        chair="Aneka Shah-Levy",  # line 15 "Chair: Councillor Aneka Shah-Levy"
        members=[
            PersonRef("Simon Brown", 19),
            PersonRef("Mrs Christine Robson", 20),
            PersonRef("Anne Whitehead", 21),
            PersonRef("Christine Bednell", 23),
            PersonRef("Janet Mote", 24),
            PersonRef("Valerie Griffin", 28, role="Non-Voting Advisory Member"),  # lines 26-28
        ],
        reserves=[  # lines 34-37, a two-column table
            ReserveMember("Sue Anderson", 1, 34, 0),
            ReserveMember("Ameet Jogia", 1, 34, 1),
            ReserveMember("Margaret Davine", 2, 35, 0),
            ReserveMember("Lynda Seymour", 2, 35, 1),
            ReserveMember("Ms Pamela Fitzpatrick", 3, 36, 0),
            ReserveMember("Kairul Kareema Marikar", 4, 37, 0),
        ],
        agenda=[
            AgendaItem("1", "ATTENDANCE BY RESERVE MEMBERS", 69, end_line=78),
            AgendaItem(
                "10",
                "INFORMATION REPORT - HOUSING FOR CARE LEAVERS",  # line 121
                121,
                pages=(71, 74),
                pages_raw="Pages 71 - 74",
                description="Report of the Corporate Director, People Services",  # line 123
                end_line=123,
            ),
        ],
        document=0,
    )
    minutes = Minutes(
        body="CORPORATE PARENTING PANEL",  # line 149
        date="2017-03-28",  # line 153 "28 MARCH 2017"
        date_raw="28 MARCH 2017",
        span=Span(149, 290),
        chair="Christine Bednell",  # line 155 "Vice-Chair in the Chair: * Councillor Christine Bednell"
        present=[
            Attendee("Christine Bednell", 155, role="Vice-Chair in the Chair"),
            Attendee("Simon Brown", 157),
            Attendee("Janet Mote", 157),
            Attendee("Margaret Davine", 158),
            Attendee("Christine Robson", 158, honorific="Mrs"),
            Attendee("Kairul Kareema Marikar", 159),
            Attendee("Valerie Griffin", 161, role="Non-Voting Advisory Member"),
        ],
        declarations=[
            Declaration(  # line 179
                "Kairul Kareema Marikar",
                179,
                item="Item 8",
                interest="she works for the Patient Advice and Liaison Service (PALS)",
                kind="non-pecuniary",
            )
        ],
        items=[
            MinuteItem(
                "137",
                "Attendance by Reserve Members",  # line 173
                173,
                end_line=175,
                resolutions=[
                    Resolution(  # line 175
                        "RESOLVED: To note that no Reserve Members had been nominated to attend the meeting.",
                        175,
                        175,
                        verb="RESOLVED",
                    )
                ],
            ),
        ],
        document=1,
    )
    return ParseResult(
        source=source_of("corporate_parenting"),
        documents=[
            Document(DocumentKind.AGENDA, "Corporate Parenting Panel", Span(1, 148), date="2017-06-14"),
            Document(DocumentKind.MINUTES, "CORPORATE PARENTING PANEL MINUTES", Span(149, 290), date="2017-03-28"),
            # The Ofsted report, lines 612-1023 ("Inspection of services..." to "© Crown copyright 2017").
            Document(DocumentKind.INSPECTION_REPORT, "Inspection of services for children", Span(612, 1023)),
        ],
        meetings=[meeting],
        minutes=[minutes],
        reports=[Report(span=Span(440, 611), subject="Ofsted Report on the Inspection of services", document=None)],
        links=[RecommendationLink(report=0, minutes=0, item="137", outcome="noted", line=175)],
        tables=[
            Table(
                span=Span(32, 37),
                header=["", ""],
                rows=[["1. Sue Anderson", "1. Ameet Jogia"], ["2. Margaret Davine", "2. Lynda Seymour"]],
                row_lines=[34, 35],
            )
        ],
    )


def council() -> ParseResult:
    """council-2017-09-28-summons.txt: two sets of Council minutes, a motion and an exempt item."""
    annual = Minutes(
        body="COUNCIL (ANNUAL)",  # line 219 "COUNCIL (ANNUAL) MINUTES"
        date="2017-05-18",  # line 221
        span=Span(219, 409),
        present=[
            Attendee("Rekha Shah", 225, role="The Worshipful the Mayor", honorific="Mrs"),
            Attendee("Margaret Davine", 226, role="The Deputy Mayor"),
            Attendee("Sue Anderson", 230),
        ],
        declarations=[
            Declaration(  # line 266
                "Sue Anderson",
                266,
                item="Item 9 – Petition – Harrow Association of Disabled People Welfare Benefits Team",  # line 262
                interest="she was a Friend of Harrow Association of Disabled People",
                kind="non-pecuniary",
            )
        ],
        items=[
            MinuteItem(
                "232",
                "ELECTION AND INVESTITURE OF DEPUTY MAYOR",  # line 248
                248,
                end_line=250,
                resolutions=[
                    Resolution(  # line 250
                        "RESOLVED: That Councillor Kairul Kareema Marikar be elected Deputy Mayor of the London "
                        "Borough of Harrow for the Municipal Year 2017/18.",
                        250,
                        250,
                        verb="RESOLVED",
                    )
                ],
                votes=[Vote(outcome="carried", mover="the Chair", line=250)],
            ),
        ],
    )
    extraordinary = Minutes(
        body="COUNCIL EXTRAORDINARY",  # line 412 "COUNCIL EXTRAORDINARY MINUTES"
        date="2017-06-13",  # line 414 "13 JUNE 2017"
        span=Span(412, 449),
        present=[
            Attendee("Margaret Davine", 416, role="The Worshipful the Mayor"),
            Attendee("Kairul Kareema Marikar", 417, role="The Deputy Mayor"),
            Attendee("Chris Mote", 422),
            Attendee("Sue Anderson", 423),
            Attendee("Janet Mote", 423),
            Attendee("Mina Parmar", 428, honorific="Ms"),
            Attendee("Pritesh Patel", 431),
            Attendee("Rekha Shah", 438, honorific="Mrs"),
            Attendee("Sachin Shah", 439),
            Attendee("Graham Henson", 440),
            Attendee("Maxine Henson", 441),
            Attendee("Krishna Suresh", 441),
            Attendee("Sasi Suresh", 442),
        ],
        apologies=[
            Attendee("Jeff Anderson", 422),
            Attendee("Varsha Parmar", 429),
            Attendee("Primesh Patel", 430),
        ],
    )
    motion = Motion(
        title="Royal British Legion",
        line=187,  # "To be moved by Councillor Sachin Shah and seconded by Councillor Sue Anderson:"
        end_line=196,
        mover="Sachin Shah",
        seconder="Sue Anderson",
        text="this council moves to support and promote The Royal British Legion’s call to include a new topic",
    )
    return ParseResult(
        source=source_of("council"),
        documents=[
            Document(DocumentKind.AGENDA, "Council SUMMONS AND AGENDA", Span(1, 212), date="2017-09-28"),
            # line 205: agenda item 20 is Part II (exempt, see lines 200-203)
            Document(DocumentKind.REPORT, "INFORMATION REPORT - REMUNERATION", Span(205, 206), access=Access.EXEMPT),
            Document(DocumentKind.MINUTES, "COUNCIL (ANNUAL) MINUTES", Span(219, 409), date="2017-05-18"),
            Document(DocumentKind.MINUTES, "COUNCIL EXTRAORDINARY MINUTES", Span(412, 449), date="2017-06-13"),
            # The same Ofsted report as in the Corporate Parenting pack: lines 683-1095 here.
            Document(DocumentKind.INSPECTION_REPORT, "Inspection of services for children", Span(683, 1095)),
        ],
        meetings=[
            Meeting(
                body="Council",  # line 3 "Council SUMMONS AND AGENDA"
                date="2017-09-28",  # line 5
                span=Span(3, 44),
                agenda=[
                    AgendaItem(
                        "20",
                        "INFORMATION REPORT - REMUNERATION PACKAGES AND SEVERANCE PAYMENTS OF £100,000 OR GREATER",
                        205,
                        part="II",
                        access=Access.EXEMPT,
                        end_line=206,
                    )
                ],
                document=0,
            )
        ],
        minutes=[annual, extraordinary],
        motions=[motion],
    )


def partnership() -> ParseResult:
    """partnership-board-2013-03-13-agenda.txt: front sheet (lines 5-50) and December 2012 minutes (81-...)."""
    meeting = Meeting(
        body="HARROW PARTNERSHIP BOARD MEETING",  # line 5
        date="2013-03-13",  # line 7
        span=Span(5, 50),
        members=[
            PersonRef(
                "Thaya Idaikkadar",
                15,
                honorific="Councillor",
                role="Leader of the Council, Property and Major Contracts Portfolio Holder",
                organisation="Harrow Council",
            ),
            PersonRef("Sue Moran", 18, role="Representative", organisation="Job Centre Plus"),
            PersonRef("Dal Babu", 21, honorific="Chief Superintendent", role="Borough Commander, Harrow Police"),
            PersonRef("Michael Lockwood", 28, role="Chief Executive, Harrow Council"),
        ],
        substitutes=[
            PersonRef("Romzin Meghjee", 36, role="Representative", organisation="JobCentre Plus"),
        ],
        officers=[PersonRef("Tom Whiting", 46, role="Assistant Chief Executive", organisation="Harrow Council")],
    )
    minutes = Minutes(
        body="HARROW PARTNERSHIP BOARD",  # line 81
        date="2012-12-06",  # line 83 "Thursday 6 December 2012"
        span=Span(81, 140),
        chair="Thaya Idaikkadar",  # line 89 "(Chairman)"; line 119 "...and Chair of the Board, Councillor Thaya..."
        present=[
            Attendee(  # line 89: "Councillor Thaya Idaikkadar (Chairman)<tab>Leader of the Council, ..."
                "Thaya Idaikkadar",
                89,
                role="Leader of the Council, Property and Major Contracts Portfolio Holder",
                organisation="Harrow Council",
                honorific="Councillor",
            ),
            Attendee("Rozmin Meghjee", 92, role="Representative", organisation="JobCentre Plus"),
            Attendee("Dal Babu", 95, role="Borough Commander, Harrow Police", honorific="Chief Superintendent"),
        ],
        in_attendance=[Attendee("Tom Whiting", 107, role="Assistant Chief Executive", organisation="Harrow Council")],
        apologies=[Attendee("Rob Larkman", 113, role="Accountable Officer", organisation="NHS Harrow")],
    )
    return ParseResult(
        source=source_of("partnership"),
        documents=[Document(DocumentKind.AGENDA, "HARROW PARTNERSHIP BOARD", Span(1, 76), date="2013-03-13")],
        meetings=[meeting],
        minutes=[minutes],
    )
