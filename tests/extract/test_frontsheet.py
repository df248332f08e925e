"""Front sheets of the Harrow samples, pinned line by line from the documents themselves.

Expectations were written by reading samples/harrow/*.txt (`cat -n`); the line
numbers cited are 1-based lines of those files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quorum.extract import frontsheet
from quorum.extract.frontsheet import extract_meetings
from quorum.model import Access, Document, DocumentKind, Meeting, NormalisedText, Source, fold_whitespace
from quorum.normalise import normalise
from quorum.pipeline import parse_path
from tests.conftest import sample_text


def _meetings(name: str, documents: list[Document] | None = None) -> list[Meeting]:
    text = sample_text(name)
    if documents is None:
        documents = [Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, len(text.lines)))]
    return extract_meetings(text, documents)


def _one(name: str) -> Meeting:
    meetings = _meetings(name)
    assert len(meetings) == 1
    return meetings[0]


def _text(raw: str) -> NormalisedText:
    return normalise(Source(path="synthetic.txt", sha256="0", line_count=raw.count("\n") + 1), raw)


def _items(meeting: Meeting) -> list[tuple[str, str, tuple[int, int] | None]]:
    return [(item.number, item.title, item.pages) for item in meeting.agenda]


# ------------------------------------------------------------------ council ---

# council-2017-09-28-summons.txt, lines 50-205: twenty items; motions numbered
# "1. “Accessible..." (143), "2." (161), "3." (185) and "1."-"3." inside a motion
# (191-194) sit under item 18, and an exempt-items table row "20.<tab>..." (203)
# precedes the real item 20 (205).
COUNCIL_ITEMS = [
    ("1", "COUNCIL MINUTES", (9, 22)),
    ("2", "DECLARATIONS OF INTEREST", None),
    ("3", "PROCEDURAL MOTIONS", None),
    ("4", "PETITIONS", None),
    ("5", "PUBLIC QUESTIONS", None),
    ("6", "LEADER AND PORTFOLIO HOLDERS' ANNOUNCEMENTS", None),
    (
        "7",
        "SCRUTINY OF THE ACTION PLAN FOLLOWING OFSTED REPORT ON THE INSPECTION OF SERVICES FOR CHILDREN IN NEED OF "
        "PROTECTION, LOOKED AFTER CHILDREN AND CARE LEAVERS JANUARY 2017",
        (23, 86),
    ),
    ("8", "COMMUNITY SAFETY AND VIOLENCE VULNERABILITY AND EXPLOITATION STRATEGY", (87, 144)),
    ("9", "CORPORATE PARENTING STRATEGY", (145, 148)),
    ("10", "USE OF RETAINED RIGHT TO BUY RECEIPTS", (149, 152)),
    ("11", "PENSION FUND COMMITTEE - ROLE OF CO-OPTEE", (153, 156)),
    ("12", "IMPLEMENTATION OF THE MARKETS IN FINANCIAL INSTRUMENTS DIRECTIVE (MiFID II)", None),
    ("13", "CONSTITUTIONAL AMENDMENTS - TERMS OF REFERENCE FOR THE HEALTH AND WELLBEING BOARD", (157, 174)),
    ("14", "APPOINTMENT OF CHAIR - TRAFFIC AND ROAD SAFETY ADVISORY PANEL", None),
    ("15", "OUTSIDE BODIES", None),
    ("16", "INFORMATION REPORT - DECISIONS TAKEN UNDER THE URGENCY PROCEDURE", (175, 180)),
    ("17", "QUESTIONS WITH NOTICE", None),
    ("18", "MOTIONS", None),
    ("19", "EXCLUSION OF THE PRESS AND PUBLIC", None),
    ("20", "INFORMATION REPORT - REMUNERATION PACKAGES AND SEVERANCE PAYMENTS OF £100,000 OR GREATER", (181, 188)),
]
COUNCIL_ITEM_LINES = [50, 54, 58, 62, 70, 74, 78, 82, 87, 92, 97, 102, 107, 111, 115, 126, 130, 139, 198, 205]


def test_council_header() -> None:
    meeting = _one("council")
    assert meeting.body == "Council"  # line 3 "Council SUMMONS AND AGENDA"
    assert (meeting.date, meeting.date_raw) == ("2017-09-28", "Thursday 28 September 2017")  # line 5
    assert (meeting.time, meeting.time_raw) == ("19:30", "7.30 pm")  # line 7
    assert meeting.venue == "Council Chamber, Harrow Civic Centre, Station Road, Harrow, HA1 2XY"  # lines 9-10
    # line 46 "Summons publication date: Wednesday 20 September 2017" beats line 19 "Despatch Date: [...]"
    assert (meeting.publication_date, meeting.publication_date_raw) == ("2017-09-20", "Wednesday 20 September 2017")
    # All councillors are summoned: no membership list, no chair printed, no contact block.
    assert meeting.members == [] and meeting.reserves == [] and meeting.chair is None
    assert meeting.contact is None
    assert meeting.quorum is None
    # The span runs from the title (3) to the Data Protection notice (211), before the divider "COUNCIL 28 ..." (213).
    assert (meeting.span.start_line, meeting.span.end_line) == (3, 211)
    # line 72: "... no later than 3.00 pm two clear working days prior to the day of this Meeting."
    assert meeting.public_question_deadline == "3.00 pm two clear working days prior to the day of this Meeting"
    assert meeting.public_question_address is None


def test_council_agenda_items() -> None:
    meeting = _one("council")
    assert _items(meeting) == COUNCIL_ITEMS
    assert [item.line for item in meeting.agenda] == COUNCIL_ITEM_LINES


def test_council_pages_raw_and_to_follow() -> None:
    items = {item.number: item for item in _one("council").agenda}
    assert items["1"].pages_raw == "Pages 9 - 22"
    assert items["12"].pages_raw == "To Follow"  # line 102 "... (MiFID II). (To Follow)"
    assert items["2"].pages_raw is None


def test_council_item_20_is_exempt_after_exclusion_of_press_and_public() -> None:
    items = {item.number: item for item in _one("council").agenda}
    assert items["19"].part == "I" and items["19"].access == Access.PUBLIC
    assert items["20"].part == "II" and items["20"].access == Access.EXEMPT
    assert all(items[str(n)].part == "I" for n in range(1, 20))


def test_council_descriptions_and_ends() -> None:
    items = {item.number: item for item in _one("council").agenda}
    assert items["7"].description == "Report of the Corporate Director, People"  # line 80
    assert items["8"].description == "Recommendation I: Cabinet (13 July 2017)"  # lines 84-85
    assert items["13"].description == "Report of the Monitoring Officer"  # line 109
    assert items["20"].description is None
    assert items["18"].end_line == 196  # the motions run to line 196
    assert items["19"].end_line == 203  # the exempt-items table row
    assert items["20"].end_line == 205  # the Data Protection notice (207) is not item 20's text


# -------------------------------------------------------------- partnership ---

PARTNERSHIP_MEMBERS = [  # partnership-board-2013-03-13-agenda.txt lines 15-29: name <tab> role <tab> organisation
    ("Thaya Idaikkadar", "Leader of the Council, Property and Major Contracts Portfolio Holder", "Harrow Council"),
    ("Margaret Davine", "Deputy Leader, Adult Social Care, Health and Wellbeing Portfolio Holder", "Harrow Council"),
    ("Susan Hall", "Leader of the Conservative Group", "Harrow Council"),
    ("Sue Moran", "Representative", "Job Centre Plus"),
    ("Jacqui Mace", "Representative", "Further Education Sector"),
    ("Howard Bluston", "Representative", "Business Community"),
    ("Chief Superintendent Dal Babu", "Borough Commander, Harrow Police", "Harrow Police"),
    (
        "Borough Commander Richard Claydon",
        "Borough Commander, Harrow Fire Authority",
        "London Fire and Emergency Planning Authority",
    ),
    ("Avani Modasia", "Representative", "Voluntary and Community Sector"),
    ("Carmel Miedziolka", "Representative", "Voluntary and Community Sector"),
    ("Steve Porter", "Representative", "Voluntary and Community Sector"),
    ("Rob Larkman", "Accountable Officer", "NHS Harrow"),
    ("Dr Genevieve Small", "Clinical Director", "Clinical Commissioning Group"),
    ("Michael Lockwood", "Chief Executive, Harrow Council", "Chair of Harrow Chief Executives"),
    ("David Cheesman", "Representative", "North West London Hospital NHS Trust"),
]
PARTNERSHIP_SUBSTITUTES = [  # lines 33-39
    ("Graham Henson", "Performance, Customer Services and Corporate Services Portfolio Holder", "Harrow Council"),
    ("Phillip O'Dell", "Environment and Community Safety Portfolio Holder", "Harrow Council"),
    ("Barry Macleod-Cullinane", "Deputy Leader of the Conservative Group", "Harrow Council"),
    ("Romzin Meghjee", "Representative", "JobCentre Plus"),
    ("Eric Diamond", "Representative", "Business Community Representative"),
    ("Chief Inspector Russ Hughes", "Representative, Harrow Police", "Harrow Police"),
    ("Javina Sehgal", "Borough Director", "NHS Harrow"),
]
PARTNERSHIP_OFFICERS = [  # lines 43-46
    ("Alex Dewsnap", "Divisional Director, Strategic Commissioning", "Harrow Council"),
    ("Mike Howes", "Service Manager, Policy and Partnership Service", "Harrow Council"),
    ("Trina Thompson", "Senior Policy Officer, Policy and Partnership Service", "Harrow Council"),
    ("Tom Whiting", "Assistant Chief Executive", "Harrow Council"),
]
PARTNERSHIP_ITEMS = [  # lines 53-70, titles bolded "1. **Attendance by Substitute Members:**"
    ("1", "Attendance by Substitute Members", None),
    ("2", "Declarations of Interest", None),
    ("3", "Minutes", (1, 6)),
    ("4", "Appointment of Vice-Chairman", None),
    ("5", "Safer Harrow - Update", (7, 12)),
    ("6", "The Child's Journey. How Much? How Well? What Difference?", (13, 24)),
    ("7", "Families First Progress Report", None),
    ("8", "Report of Activity at Harrow Chief Executives", (25, 28)),
    ("9", "Any Other Urgent Business", None),
    ("10", "Date of Next Meeting", None),
]


def test_partnership_header() -> None:
    meeting = _one("partnership")
    assert meeting.body == "HARROW PARTNERSHIP BOARD"  # line 5 "HARROW PARTNERSHIP BOARD MEETING"
    # line 7 "WEDNESDAY 13 MARCH 2013 AT 6.00 PM": date and time share a line
    assert (meeting.date, meeting.date_raw) == ("2013-03-13", "WEDNESDAY 13 MARCH 2013")
    assert (meeting.time, meeting.time_raw) == ("18:00", "6.00 PM")
    assert meeting.venue == "COMMITTEE ROOMS 1 & 2, HARROW CIVIC CENTRE"  # line 9, unlabelled
    assert meeting.chair == "Thaya Idaikkadar"  # line 15 "(Chairman)"
    assert meeting.vice_chair is None
    assert meeting.publication_date is None
    assert (meeting.span.start_line, meeting.span.end_line) == (5, 75)  # blank-page notice at line 77


def test_partnership_members_substitutes_officers() -> None:
    meeting = _one("partnership")
    assert [(p.name, p.role, p.organisation) for p in meeting.members] == PARTNERSHIP_MEMBERS
    assert [(p.name, p.role, p.organisation) for p in meeting.substitutes] == PARTNERSHIP_SUBSTITUTES
    assert [(p.name, p.role, p.organisation) for p in meeting.officers] == PARTNERSHIP_OFFICERS
    assert [p.line for p in meeting.members] == list(range(15, 30))
    first = meeting.members[0]
    assert (first.honorific, first.raw) == ("Councillor", "Councillor Thaya Idaikkadar (Chairman)")
    assert meeting.members[6].honorific == "Chief Superintendent"
    assert meeting.members[12].honorific == "Dr"


def test_partnership_contact() -> None:
    contact = _one("partnership").contact
    assert contact is not None
    assert contact.name == "Vishal Seegoolam"  # line 48
    assert contact.role == "Senior Democratic Services Officer"
    assert contact.phone == "020 8424 1883"  # line 49
    assert contact.email == "vishal.seegoolam@harrow.gov.uk"
    assert contact.line == 48


def test_partnership_agenda() -> None:
    meeting = _one("partnership")
    assert _items(meeting) == PARTNERSHIP_ITEMS
    assert [item.line for item in meeting.agenda] == [53, 55, 57, 59, 61, 63, 65, 67, 69, 70]
    items = {item.number: item for item in meeting.agenda}
    assert items["7"].pages_raw == "To Follow"
    assert items["3"].pages_raw == "Pages 1 - 6"
    assert items["2"].description == "(if any)."  # line 56
    assert items["9"].description is None  # item 10 follows at once
    assert items["10"].description == "The next Board Meeting is scheduled for Thursday 27th June 2013."
    assert all(item.part == "I" for item in meeting.agenda)  # "AGENDA - PUBLIC" (51); PRIVATE (73) has none


# ------------------------------------------------------- corporate parenting ---

CP_ITEMS = [  # corporate-parenting-panel-2017-06-14-agenda.txt lines 69-137
    ("1", "ATTENDANCE BY RESERVE MEMBERS", None),
    ("2", "APPOINTMENT OF VICE-CHAIR", None),
    ("3", "DECLARATIONS OF INTEREST", None),
    ("4", "MINUTES", (5, 12)),
    ("5", "PUBLIC QUESTIONS", None),
    ("6", "PETITIONS", None),
    ("7", "DEPUTATIONS", None),
    ("8", "INFORMATION REPORT - HEALTH REPORT FOR CHILDREN LOOKED AFTER IN HARROW", (13, 16)),
    (
        "9",
        "INFORMATION REPORT - OFSTED REPORT ON THE INSPECTION OF SERVICES FOR CHILDREN IN NEED OF PROTECTION, "
        "LOOKED AFTER CHILDREN AND CARE LEAVERS",
        (17, 70),
    ),
    ("10", "INFORMATION REPORT - HOUSING FOR CARE LEAVERS", (71, 74)),
    ("11", "INFORMATION REPORT - ADOPTION AND FOSTERING REGIONAL INITIATIVES", (75, 78)),
    ("12", "INFORMATION REPORT - CORPORATE PARENTING STRATEGY", (79, 102)),
    ("13", "INFORMATION REPORT - ACTIVITY AND PERFORMANCE", (103, 126)),
    ("14", "ANY OTHER URGENT BUSINESS", None),
]


def test_corporate_parenting_header() -> None:
    meeting = _one("corporate_parenting")
    assert meeting.body == "Corporate Parenting Panel"  # line 3
    assert (meeting.date, meeting.date_raw) == ("2017-06-14", "Wednesday 14 June 2017")  # line 7
    assert (meeting.time, meeting.time_raw) == ("19:30", "7.30 pm")  # line 9
    assert meeting.venue == "Committee Room 5 at Harrow Civic Centre"  # line 11
    assert meeting.quorum == 3  # line 13 "MEMBERSHIP (Quorum 3)"
    assert meeting.chair == "Aneka Shah-Levy"  # line 15 "Chair: Councillor Aneka Shah-Levy"
    assert meeting.vice_chair is None
    assert (meeting.publication_date, meeting.publication_date_raw) == ("2017-06-06", "Tuesday 6 June 2017")  # 65
    # line 101: "[The deadline for receipt of public questions is 3.00 pm on Friday, 9 June 2017. Questions should
    # be sent to publicquestions@harrow.gov.uk"
    assert meeting.public_question_deadline == "3.00 pm on Friday, 9 June 2017"
    assert meeting.public_question_address == "publicquestions@harrow.gov.uk"
    # The minutes of the previous meeting open at line 149 "CORPORATE PARENTING PANEL".
    assert (meeting.span.start_line, meeting.span.end_line) == (3, 147)


def test_corporate_parenting_membership() -> None:
    meeting = _one("corporate_parenting")
    # lines 15, 19-21 and 23-24 (two groups separated by a blank line)
    assert [(p.name, p.line) for p in meeting.members] == [
        ("Aneka Shah-Levy", 15),
        ("Simon Brown", 19),
        ("Mrs Christine Robson", 20),
        ("Anne Whitehead", 21),
        ("Christine Bednell", 23),
        ("Janet Mote", 24),
    ]
    assert meeting.members[0].role == "Chair" and meeting.members[0].honorific == "Councillor"
    assert meeting.members[2].honorific == "Mrs"
    # line 26-28 "Non-Voting Advisory Member:" / "Valerie Griffin"
    assert [(p.name, p.role, p.line) for p in meeting.coopted] == [
        ("Valerie Griffin", "Non-Voting Advisory Member", 28)
    ]
    # lines 34-37: two-column pipe table, numbered per column
    assert [(r.name, r.order, r.column, r.line) for r in meeting.reserves] == [
        ("Sue Anderson", 1, 1, 34),
        ("Ameet Jogia", 1, 2, 34),
        ("Margaret Davine", 2, 1, 35),
        ("Lynda Seymour", 2, 2, 35),
        ("Ms Pamela Fitzpatrick", 3, 1, 36),
        ("Kairul Kareema Marikar", 4, 1, 37),
    ]
    assert meeting.substitutes == [] and meeting.officers == []


def test_corporate_parenting_contact() -> None:
    contact = _one("corporate_parenting").contact
    assert contact is not None
    assert (contact.name, contact.role) == ("Frankie Belloli", "Senior Democratic Services Officer")  # line 39
    assert (contact.phone, contact.email) == ("020 8424 1263", "frankie.belloli@harrow.gov.uk")  # line 40
    assert contact.line == 39


def test_corporate_parenting_agenda() -> None:
    meeting = _one("corporate_parenting")
    assert _items(meeting) == CP_ITEMS
    assert [item.line for item in meeting.agenda] == [69, 80, 84, 91, 95, 105, 109, 113, 117, 121, 125, 129, 133, 137]
    assert all(item.part == "I" for item in meeting.agenda)  # "AGENDA - PART II - NIL" (141)
    items = {item.number: item for item in meeting.agenda}
    assert items["8"].description == "Report of the Designated Nurse for Children Looked After in Harrow, CNWL Trust"
    assert items["14"].description == "Which cannot otherwise be dealt with."
    assert items["14"].end_line == 139
    assert items["1"].end_line == 78  # the "(i)".."(iv)" list belongs to item 1


# ----------------------------------------------------------------- scrutiny ---

SCRUTINY_ITEMS = [  # overview-and-scrutiny-2014-12-09-agenda.txt lines 48-100
    ("1", "ATTENDANCE BY RESERVE MEMBERS", None),
    ("2", "DECLARATIONS OF INTEREST", None),
    ("3", "MINUTES", None),
    ("4", "PUBLIC QUESTIONS", None),
    ("5", "PETITIONS", None),
    ("6", "REFERENCES FROM COUNCIL/CABINET", None),
    ("7", "PROGRAMME MINERVA", (1, 16)),
    ("8", "CHILDREN AND FAMILIES SELF-ASSESSMENT", (17, 28)),
    ("9", "CHILD SEXUAL EXPLOITATION", (29, 42)),
    ("10", "ANY OTHER BUSINESS", None),
]


def test_scrutiny_header() -> None:
    meeting = _one("scrutiny")
    assert meeting.body == "Overview and Scrutiny Committee"  # line 3
    assert (meeting.date, meeting.date_raw) == ("2014-12-09", "Tuesday 9 December 2014")  # line 7
    assert (meeting.time, meeting.time_raw) == ("19:30", "7.30 pm")  # line 9
    assert meeting.venue == "Committee Rooms 1&2 Harrow Civic Centre"  # lines 11-12
    assert meeting.quorum == 4  # line 14
    assert meeting.chair == "Jerry Miles"  # line 16 "Chairman: Councillor Jerry Miles"
    assert meeting.vice_chair == "Paul Osborn"  # line 23 "Paul Osborn (VC)"
    assert meeting.publication_date is None
    assert meeting.public_question_deadline == "3.00 pm, Thursday 4 December 2014"  # line 76
    assert meeting.public_question_address == "publicquestions@harrow.gov.uk"
    assert (meeting.span.start_line, meeting.span.end_line) == (3, 110)  # blank-page notice at 113


def test_scrutiny_membership() -> None:
    meeting = _one("scrutiny")
    # line 16 chair, then lines 20-23: a two-column tab list read row by row
    assert [(p.name, p.line) for p in meeting.members] == [
        ("Jerry Miles", 16),
        ("Ghazanfar Ali", 20),
        ("Richard Almond", 20),
        ("Jeff Anderson", 21),
        ("Kam Chana", 21),
        ("Michael Borio", 22),
        ("Chris Mote", 22),
        ("Kiran Ramchandani", 23),
        ("Paul Osborn", 23),
    ]
    assert meeting.members[-1].role == "VC" and meeting.members[-1].raw == "Paul Osborn (VC)"
    # lines 25 and 27; "1 Vacancy" is not a person; line 31 names a seat, not a person
    assert [(p.name, p.honorific, p.role, p.line) for p in meeting.coopted] == [
        ("Mrs J Rammelt", "Mrs", "Representatives of Voluntary Aided Sector", 25),
        ("Reverend P Reece", "Reverend", "Representatives of Voluntary Aided Sector", 25),
        ("Mrs A Khan", "Mrs", "Representatives of Parent Governors", 27),
    ]
    # lines 37-41
    assert [(r.name, r.order, r.column) for r in meeting.reserves] == [
        ("Ms Pamela Fitzpatrick", 1, 1),
        ("Susan Hall", 1, 2),
        ("Adam Swersky", 2, 1),
        ("Barry Macleod-Cullinane", 2, 2),
        ("Phillip O'Dell", 3, 1),
        ("Lynda Seymour", 3, 2),
        ("Antonio Weiss", 4, 1),
        ("Stephen Wright", 4, 2),
        ("Jo Dooley", 5, 1),
    ]


def test_scrutiny_contact() -> None:
    contact = _one("scrutiny").contact
    assert contact is not None
    assert (contact.name, contact.role) == ("Una Sullivan", "Democratic & Electoral Services Officer")  # line 43
    assert (contact.phone, contact.email) == ("020 8424 1785", "una.sullivan@harrow.gov.uk")  # line 44


def test_scrutiny_agenda() -> None:
    meeting = _one("scrutiny")
    assert _items(meeting) == SCRUTINY_ITEMS
    assert [item.line for item in meeting.agenda] == [48, 59, 66, 70, 80, 84, 88, 92, 96, 100]
    items = {item.number: item for item in meeting.agenda}
    assert items["3"].pages_raw == "To Follow"
    assert items["6"].description == "(if any)"
    assert items["7"].description == "Report of the Corporate Director, Resources"


# ----------------------------------------------------------- annual report ---


def test_annual_report_has_no_front_sheet() -> None:
    # Its numbered lines (1. MENTAL WELLBEING, line 220; 1.-7. at 515-569) are no agenda: no meeting date above.
    assert _meetings("annual_report") == []


# ------------------------------------------------------- documents as hints ---


def test_agenda_document_bounds_the_front_sheet() -> None:
    text = sample_text("scrutiny")
    documents = [
        Document(kind=DocumentKind.AGENDA, title=None, span=text.span(1, 114)),
        Document(kind=DocumentKind.REPORT, title=None, span=text.span(115, len(text.lines))),
    ]
    meetings = extract_meetings(text, documents)
    assert len(meetings) == 1
    assert meetings[0].document == 0
    assert _items(meetings[0]) == SCRUTINY_ITEMS


def test_report_only_documents_give_no_meeting() -> None:
    text = sample_text("scrutiny")
    documents = [Document(kind=DocumentKind.REPORT, title=None, span=text.span(115, len(text.lines)))]
    assert extract_meetings(text, documents) == []


def test_every_string_is_verbatim() -> None:
    for name in ("council", "partnership", "corporate_parenting", "scrutiny"):
        source = fold_whitespace(sample_text(name).text)
        for meeting in _meetings(name):
            strings = [meeting.body, meeting.date_raw, meeting.time_raw, meeting.venue, meeting.publication_date_raw]
            strings += [meeting.public_question_deadline, meeting.public_question_address]
            for person in meeting.members + meeting.substitutes + meeting.coopted + meeting.officers:
                strings += [person.name, person.raw, person.honorific, person.role, person.organisation]
            strings += [reserve.name for reserve in meeting.reserves]
            for item in meeting.agenda:
                strings += [item.title, item.pages_raw, item.description]
            if meeting.contact:
                strings += [meeting.contact.name, meeting.contact.role, meeting.contact.phone, meeting.contact.email]
            missing = [s for s in strings if s is not None and fold_whitespace(s) not in source]
            assert not missing, (name, missing)


# --------------------------------------------------- another house style ---

MODERNGOV_SHEET = """Public Document Pack

Anytown Borough Council

Planning Committee

Date:\tTuesday, 14 January 2025
Time:\t10.00 am
Venue:\tCouncil Chamber, Town Hall,
\tHigh Street, Anytown AN1 1AA

Membership:
Councillors: A Smith (Chair), B Jones (Vice-Chair), Mrs C Brown, Dr D Patel and E O'Neill
Substitutes: Councillors F Green and G White
Co-opted Member: Mr H Black (Non-voting)

Quorum: 3

Contact: Jane Doe, Democratic Services Officer, Tel: 01234 567890, Email: jane.doe@anytown.gov.uk

Date of publication: Monday, 6 January 2025

Agenda

Item\tTitle\tPages
1.\tApologies for Absence
2.\tDeclarations of Interest
\tTo receive any declarations of interest.
3.\tMinutes of the previous meeting\t1 - 8
\tTo approve the minutes of the meeting held on 3 December 2024.
4.\tLand at the Rear of 12 Mill Lane, Anytown -
\tPlanning Application 24/0001/FUL\t9 - 30
\t1. The application site lies to the north.
5.\tExclusion of the Press and Public
6.\tStaffing Matters\t31 - 40

Agenda Item 3
Minutes of the meeting of the Planning Committee held on 3 December 2024
"""


def test_moderngov_style_front_sheet() -> None:
    text = _text(MODERNGOV_SHEET)
    meetings = extract_meetings(text, [Document(DocumentKind.OTHER, None, text.span(1, len(text.lines)))])
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.body == "Planning Committee"
    assert (meeting.date, meeting.date_raw) == ("2025-01-14", "Tuesday, 14 January 2025")
    assert (meeting.time, meeting.time_raw) == ("10:00", "10.00 am")
    assert meeting.venue == "Council Chamber, Town Hall, High Street, Anytown AN1 1AA"
    assert meeting.quorum == 3
    assert [(p.name, p.role) for p in meeting.members] == [
        ("A Smith", "Chair"),
        ("B Jones", "Vice-Chair"),
        ("Mrs C Brown", None),
        ("Dr D Patel", None),
        ("E O'Neill", None),
    ]
    assert (meeting.chair, meeting.vice_chair) == ("A Smith", "B Jones")
    assert [p.name for p in meeting.substitutes] == ["F Green", "G White"]
    assert [(p.name, p.role) for p in meeting.coopted] == [("Mr H Black", "Non-voting")]
    contact = meeting.contact
    assert contact is not None
    assert (contact.name, contact.role) == ("Jane Doe", "Democratic Services Officer")
    assert (contact.phone, contact.email) == ("01234 567890", "jane.doe@anytown.gov.uk")
    assert (meeting.publication_date, meeting.publication_date_raw) == ("2025-01-06", "Monday, 6 January 2025")
    assert _items(meeting) == [
        ("1", "Apologies for Absence", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes of the previous meeting", (1, 8)),
        ("4", "Land at the Rear of 12 Mill Lane, Anytown - Planning Application 24/0001/FUL", (9, 30)),
        ("5", "Exclusion of the Press and Public", None),
        ("6", "Staffing Matters", (31, 40)),
    ]
    assert [item.part for item in meeting.agenda] == ["I", "I", "I", "I", "I", "II"]
    assert meeting.agenda[1].description == "To receive any declarations of interest."
    # The report furniture "Agenda Item 3" ends the sheet.
    assert meeting.span.end_line == MODERNGOV_SHEET.split("\n").index("6.\tStaffing Matters\t31 - 40") + 1


COUNTY_SHEET = """Public Document Pack

Notice of a meeting of the Health and Wellbeing Board

Thursday 6 March 2025 at 2.00 pm
Room 2.01, County Hall, Oxford OX1 1ND

Membership
Chair – Councillor Jane Smith
Councillors: Liz Brighouse OBE, Tim Bearder (Deputy Chair)
Dr Ansaf Azhar	Director of Public Health

Notes: Date agenda published 26 February 2025
1 April 2025 is the date of the annual meeting.

AGENDA

1 Apologies for Absence and Temporary Appointments
2 Declarations of Interest
3 Minutes (Pages 1 - 10)
To approve the minutes of the meeting held on 1 April 2024.
4 Petitions and Public Address
"""


def test_unlabelled_county_style_front_sheet() -> None:
    text = _text(COUNTY_SHEET)
    meeting = extract_meetings(text, [])[0]
    assert meeting.body == "Health and Wellbeing Board"  # "Notice of a meeting of the ..."
    assert (meeting.date, meeting.time) == ("2025-03-06", "14:00")
    assert meeting.venue == "Room 2.01, County Hall, Oxford OX1 1ND"
    assert (meeting.chair, meeting.vice_chair) == ("Jane Smith", "Tim Bearder")
    assert [(p.name, p.role) for p in meeting.members] == [
        ("Jane Smith", "Chair"),
        ("Liz Brighouse OBE", None),
        ("Tim Bearder", "Deputy Chair"),
        ("Dr Ansaf Azhar", "Director of Public Health"),
    ]
    assert (meeting.publication_date, meeting.publication_date_raw) == ("2025-02-26", "26 February 2025")
    # "1 April 2025 is the date ..." above the agenda is a date, not item 1
    assert _items(meeting) == [
        ("1", "Apologies for Absence and Temporary Appointments", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes", (1, 10)),
        ("4", "Petitions and Public Address", None),
    ]


def test_part_headers_switch_access() -> None:
    raw = (
        "Licensing Panel\n\nDate: Monday 3 March 2025\n\nAGENDA - PART I\n\n1. APOLOGIES\n\n"
        "2. MINUTES (Pages 1 - 4)\n\n"
        "AGENDA - PART II\n\n3. CONTRACT AWARD (Pages 5 - 9)\n\nThis page is intentionally left blank\n"
    )
    text = _text(raw)
    meeting = extract_meetings(text, [])[0]
    assert [(i.number, i.part, i.access) for i in meeting.agenda] == [
        ("1", "I", Access.PUBLIC),
        ("2", "I", Access.PUBLIC),
        ("3", "II", Access.EXEMPT),
    ]
    assert meeting.body == "Licensing Panel"


def test_no_date_no_meeting() -> None:
    text = _text("Some Report\n\n1. Introduction\n\n2. Background\n\n3. Options\n")
    assert extract_meetings(text, []) == []


# ------------------------------------------------------------- robustness ---

_LINE_PARTS = st.sampled_from(
    [
        "",
        "AGENDA",
        "AGENDA - PART II",
        "DATE: Thursday 28 September 2017",
        "TIME: 7.30 pm",
        "VENUE: Room 1",
        "MEMBERSHIP (Quorum 3)",
        "Chair:",
        "Councillors:",
        "Reserve Members:",
        "| 1. Sue Anderson | 1. Ameet Jogia |",
        "- | | |",
        "Contact: A Person, Officer",
        "Tel: 020 8424 1263 E-mail: a@b.gov.uk",
        "1. MINUTES (Pages 1 - 2)",
        "2. ITEM",
        "3.",
        "20.\tTitle\tDescription",
        "This page is intentionally left blank",
        "Representatives of X: Mrs A Khan/1 Vacancy",
        "Paul Osborn (VC)\tKam Chana",
        "Agenda Item 3",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINE_PARTS, st.text(max_size=40)), max_size=40))
def test_arbitrary_text_never_crashes(lines: list[str]) -> None:
    raw = "\n".join(lines)
    text = _text(raw)
    documents = [Document(DocumentKind.OTHER, None, text.span(1, len(text.lines)))]
    for meeting in extract_meetings(text, documents) + extract_meetings(text, []):
        assert 1 <= meeting.span.start_line <= meeting.span.end_line <= len(text.lines)
        for item in meeting.agenda:
            assert 1 <= item.line <= len(text.lines)
            assert item.end_line is None or item.line <= item.end_line <= len(text.lines)


@pytest.mark.parametrize("kind", [DocumentKind.AGENDA, DocumentKind.COVER])
def test_front_sheet_split_into_cover_and_agenda(kind: DocumentKind) -> None:
    text = sample_text("corporate_parenting")
    documents = [
        Document(kind=kind, title=None, span=text.span(1, 66)),
        Document(kind=DocumentKind.AGENDA, title=None, span=text.span(67, 148)),
    ]
    meetings = extract_meetings(text, documents)
    assert len(meetings) == 1 and meetings[0].date == "2017-06-14"
    assert meetings[0].document == (1 if kind == DocumentKind.COVER else 0)
    assert [item.number for item in meetings[0].agenda] == [str(n) for n in range(1, 15)]


def _sheet_with(header_lines: str) -> Meeting:
    raw = f"Cabinet\n\nDate: Monday 3 March 2025\n\n{header_lines}\n\nAGENDA\n\n1. APOLOGIES\n\n2. MINUTES\n"
    text = _text(raw)
    meetings = extract_meetings(text, [])
    assert len(meetings) == 1
    return meetings[0]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Contact Officer:\nJane Doe\nTel: 01234 567890\nEmail: jane.doe@x.gov.uk",
            ("Jane Doe", None, "01234 567890", "jane.doe@x.gov.uk"),
        ),
        (
            "Enquiries to: Jane Doe, Committee Clerk, Tel 01234 567890, jane.doe@x.gov.uk",
            ("Jane Doe", "Committee Clerk", "01234 567890", "jane.doe@x.gov.uk"),
        ),
        (
            "Contact: Jane Doe\nDemocratic Services Officer\nDirect line: 01234 567890",
            ("Jane Doe", "Democratic Services Officer", "01234 567890", None),
        ),
    ],
)
def test_contact_blocks(block: str, expected: tuple[str | None, ...]) -> None:
    contact = _sheet_with(block).contact
    assert contact is not None
    assert (contact.name, contact.role, contact.phone, contact.email) == expected


def test_quorum_in_words_and_labelled_body() -> None:
    meeting = _sheet_with("Quorum: three\n\nMembership:\nCouncillor A Smith (Chairman)\tCouncillor B Jones")
    assert meeting.quorum == 3
    assert meeting.body == "Cabinet"
    assert [p.name for p in meeting.members] == ["A Smith", "B Jones"]
    assert meeting.chair == "A Smith"


MARKED_UP_SHEET = """**Licensing <u>Panel</u>**

Date: Monday **3** March 2025
Venue: Committee Room <b>5</b>, Civic Centre

Chair: Councillor <u>Aneka</u> Shah-Levy

AGENDA

1. **<u>Apologies</u> for Absence:**
2. **Safer ~~Harrow~~ Update:** (Pages 1 - 6)
3. MINUTES
"""


def test_values_read_across_markup_are_verbatim() -> None:
    # Markup inside a value (a PDF-to-text converter's <u>, **, ~~) must not leave a string the source never printed.
    text = _text(MARKED_UP_SHEET)
    meeting = extract_meetings(text, [])[0]
    source = fold_whitespace(MARKED_UP_SHEET)
    assert meeting.date == "2025-03-03"
    assert meeting.chair == "<u>Aneka</u> Shah-Levy"
    assert meeting.venue == "Committee Room <b>5</b>, Civic Centre"
    assert [(i.number, i.title, i.pages) for i in meeting.agenda] == [
        ("1", "<u>Apologies</u> for Absence", None),
        ("2", "Safer ~~Harrow~~ Update", (1, 6)),
        ("3", "MINUTES", None),
    ]
    strings = [meeting.body, meeting.date_raw, meeting.venue, meeting.chair]
    strings += [p.name for p in meeting.members] + [p.raw for p in meeting.members]
    assert all(s is None or fold_whitespace(s) in source for s in strings), strings


# ------------------------------------------------------------ real PDFs ---

_PDF = Path(__file__).resolve().parents[1] / "data" / "pdf"


def _pdf_meeting(name: str) -> Meeting:
    path = _PDF / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    return parse_path(path).meetings[0]


def test_merton_front_sheet() -> None:
    """Merton Audit Committee, 22 October 2009 (PDF page 1): "Councillors:" then "Other Members:" with
    "Dave Roberts (Independent Chair)" (line 13); the venue wraps over a blank line to the postcode (19-21)."""
    meeting = _pdf_meeting("merton_audit_committee_2009-10-22_agenda_pack.pdf")
    assert meeting.body == "Audit Committee" and meeting.date == "2009-10-22" and meeting.time == "19:15"
    assert meeting.venue == "Cabinet Meeting Room, 1st Floor Merton Civic Centre, London Road, Morden SM4 5DX"
    assert [m.name for m in meeting.members] == [
        "Angela Caldara",
        "Corinna Edge",
        "Rod Scott",
        "Dave Roberts",
        "Danny Connellan",
    ]
    assert meeting.chair == "Dave Roberts"


def test_kent_front_sheet() -> None:
    """Kent Cabinet, 30 January 2025: "... at 10.00 am Ask for: Georgina Little" (line 5), the venue on
    lines 6-7 wrapped after a comma, "Telephone: Tel: 03000 414043" (8); the e-mail is split over lines
    10-11 ("georgina.little@kent" / ".gov.uk"), so no verbatim e-mail can be given."""
    meeting = _pdf_meeting("kent_cabinet_2025-01-30_agenda_frontsheet.pdf")
    assert meeting.body == "CABINET" and meeting.date == "2025-01-30" and meeting.time == "10:00"
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert meeting.contact is not None
    assert (meeting.contact.name, meeting.contact.phone, meeting.contact.email) == (
        "Georgina Little",
        "03000 414043",
        None,
    )


_PRECHECKED = [
    (frontsheet._QUORUM, ("quorum",)),
    (frontsheet._ASK_FOR, ("ask",)),
    (frontsheet._PUBLICATION, ("publi", "issue")),
    (frontsheet._DESPATCH, ("spatch",)),
    (frontsheet._QUESTION_DEADLINE, ("question",)),
]


@settings(max_examples=60, deadline=None)
@given(st.data())
@pytest.mark.parametrize(("pattern", "words"), _PRECHECKED)
def test_word_precheck_never_hides_a_match(
    pattern: re.Pattern[str], words: tuple[str, ...], data: st.DataObject
) -> None:
    # The front sheet skips a pattern on a line that cannot hold one of its words; it must never skip a match.
    ascii_match = st.from_regex(pattern, alphabet=st.characters(max_codepoint=127))
    text = data.draw(st.one_of(ascii_match, st.from_regex(pattern), st.text(max_size=40)))
    if pattern.search(text):
        assert frontsheet._may_hold(text, *words)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Quorum: 3", ("quorum",), True),
        ("Date of publication: 1 September 2017", ("publi", "issue"), True),
        ("Members of the Panel", ("quorum",), False),
        ("Déclaration", ("quorum",), True),  # not ASCII: the pattern is always tried
    ],
)
def test_word_precheck(text: str, words: tuple[str, ...], expected: bool) -> None:
    assert frontsheet._may_hold(text, *words) is expected
