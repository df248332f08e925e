"""Attendance at the head of the Harrow minutes: present, apologies, in attendance, the chair.

Every list below was typed from the sample files (line numbers cited), not from the parser.
"""

from __future__ import annotations

from functools import cache

from quorum.extract.minutes import extract_minutes
from quorum.extract.minutes_attendance import label_kind, read_attendance
from quorum.model import Minutes, NormalisedText, Source
from quorum.normalise import normalise
from tests.conftest import sample_text


@cache
def _sets(pack: str) -> tuple[Minutes, ...]:
    return tuple(extract_minutes(sample_text(pack), []))


def _by_start(pack: str, start: int) -> Minutes:
    return next(m for m in _sets(pack) if m.span.start_line == start)


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def _text(raw: str) -> NormalisedText:
    return normalise(Source(path="t.txt", sha256="0", line_count=raw.count("\n") + 1), raw)


# Council line 230: one <ul style=...> line per column holding the whole member list, "*" present, "†" apologies.
ANNUAL_APOLOGIES = ["Stephen Greek", "Ameet Jogia", "David Perry", "Bharat Thakker"]
ANNUAL_COUNCILLORS_PRESENT = [
    "Ghazanfar Ali",
    "Richard Almond",
    "Mrs Chika Amadi",
    "Jeff Anderson",
    "Sue Anderson",
    "Marilyn Ashton",
    "Mrs Camilla Bath",
    "June Baxter",
    "Christine Bednell",
    "James Bond",
    "Michael Borio",
    "Simon Brown",
    "Kam Chana",
    "Ramji Chauhan",
    "Niraj Dattani",
    "Jo Dooley",
    "Keith Ferry",
    "Ms Pamela Fitzpatrick",
    "Susan Hall",
    "Glen Hearnden",
    "Graham Henson",
    "Maxine Henson",
    "John Hinkley",
    "Nitesh Hirani",
    "Manjibhai Kara",
    "Barry Kendler",
    "Jean Lammiman",
    "Barry Macleod-Cullinane",
    "Kairul Kareema Marikar",
    "Ajay Maru",
    "Jerry Miles",
    "Mrs Vina Mithani",
    "Amir Moshenson",
    "Chris Mote",
    "Janet Mote",
    "Christopher Noyce",
    "Phillip O'Dell",
    "Paul Osborn",
    "Nitin Parekh",
    "Ms Mina Parmar",
    "Varsha Parmar",
    "Primesh Patel",
    "Pritesh Patel",
    "Kanti Rabadia",
    "Kiran Ramchandani",
    "Mrs Christine Robson",
    "Lynda Seymour",
    "Aneka Shah-Levy",
    "Sachin Shah",
    "Norman Stevenson",
    "Krishna Suresh",
    "Sasi Suresh",
    "Adam Swersky",
    "Antonio Weiss",
    "Georgia Weston",
    "Anne Whitehead",
    "Stephen Wright",
]


def test_annual_council_ul_list_with_markers() -> None:
    minutes = _by_start("council", 219)
    # lines 225-226: the Mayor and Deputy Mayor with their roles in brackets
    assert [(p.name, p.role) for p in minutes.present[:2]] == [
        ("Mrs Rekha Shah", "The Worshipful the Mayor"),
        ("Margaret Davine", "The Deputy Mayor"),
    ]
    assert _names(minutes.present[2:]) == ANNUAL_COUNCILLORS_PRESENT
    assert _names(minutes.apologies) == ANNUAL_APOLOGIES
    assert minutes.present[0].honorific == "Councillor Mrs"
    assert all(p.line == 230 for p in minutes.present[2:])


def test_annual_council_chair_is_the_mayor_elected_at_minute_230() -> None:
    # line 242: "RESOLVED: That Councillor Margaret Davine be elected Mayor ..." - she chairs from then on
    assert _by_start("council", 219).chair == "Margaret Davine"


def test_extraordinary_council_two_tab_columns() -> None:
    minutes = _by_start("council", 412)
    # lines 419-449: two tab-separated columns; the first row carries the "Councillors:" label
    assert _names(minutes.apologies) == [
        "Ghazanfar Ali",  # 419
        "Amir Moshenson",  # 421
        "Jeff Anderson",  # 422
        "Varsha Parmar",  # 429
        "Primesh Patel",  # 430
        "Georgia Weston",  # 446
    ]
    present = _names(minutes.present)
    assert present[:2] == ["Margaret Davine", "Kairul Kareema Marikar"]  # 416-417
    assert len(present) == 2 + 61 - 6  # 30 rows of two (419-448) and one (449); six with apologies
    assert {"Jerry Miles", "Ajay Maru", "Stephen Wright", "Mrs Rekha Shah", "David Perry"} <= set(present)
    assert minutes.chair == "Margaret Davine"  # 416 "(The Worshipful the Mayor)"


def test_cabinet_chair_label_and_in_attendance_with_minute_numbers() -> None:
    minutes = _by_start("council", 1166)
    assert minutes.chair == "Sachin Shah"  # 1174 "Chair: * Councillor Sachin Shah"
    assert _names(minutes.present) == [
        "Sachin Shah",
        "Sue Anderson",
        "Varsha Parmar",
        "Simon Brown",
        "Kiran Ramchandani",
        "Keith Ferry",
        "Mrs Christine Robson",
        "Glen Hearnden",
        "Adam Swersky",
    ]
    assert _names(minutes.apologies) == ["Graham Henson"]  # 1182 "† Graham Henson"
    # 1184-1189 non-members who spoke; "Minute 571" says where they spoke, it is not a role
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Richard Almond", None),
        ("James Bond", None),
        ("Barry Macleod-Cullinane", None),
        ("Pritesh Patel", None),
    ]


def test_cabinet_september_apologies_move_with_the_marker() -> None:
    minutes = _by_start("council", 1920)
    assert _names(minutes.apologies) == ["Glen Hearnden"]  # 1935 "† Glen Hearnden"
    assert "Graham Henson" in _names(minutes.present)  # 1936 "* Graham Henson"
    assert _names(minutes.in_attendance) == ["Janet Mote", "Paul Osborn", "Norman Stevenson", "Sasi Suresh"]


def test_pension_fund_unmarked_observers_are_kept_as_printed_and_flagged() -> None:
    minutes = _by_start("council", 1986)
    # 1992-1994 members; 1995 trade union observers carry no "*" under "* Denotes [Member] present" (2002)
    assert _names(minutes.present) == ["Nitin Parekh", "Kairul Kareema Marikar", "Bharat Thakker", "Norman Stevenson"]
    assert minutes.chair == "Nitin Parekh"
    # 1995 "Trade Union Observers:<TAB>John Royle<TAB>Pamela Belgrave": two people, the heading their role, and
    # flagged unmarked; 1996-2000 advisers and others, titles kept as printed
    assert [(p.name, p.role, p.organisation, p.unmarked) for p in minutes.in_attendance] == [
        ("John Royle", "Trade Union Observers", None, True),
        ("Pamela Belgrave", "Trade Union Observers", None, True),
        ("Mr C Robertson", "Independent Adviser", None, False),
        ("Honorary Alderman R Romain", "Independent Adviser", None, False),
        ("Colin Cartwright", "Aon Hewitt", None, False),
        ("Joe Peach", "Aon Hewitt", None, False),
        ("Howard Bluston", None, None, False),
    ]


def test_health_and_wellbeing_board_table_of_name_role_organisation() -> None:
    minutes = _by_start("council", 2326)
    assert minutes.chair == "Sachin Shah"  # 2330
    assert [(p.name, p.role, p.organisation) for p in minutes.present] == [
        ("Sachin Shah", "Chair", None),
        ("Simon Brown", None, "Harrow Council"),
        ("Varsha Parmar", None, "Harrow Council"),
        ("Mrs Christine Robson", None, "Harrow Council"),
        ("Andrew Howe", "Director of Public Health", "Harrow Council"),
        ("Paul Jenkins", "Interim Chief Operating Officer", "Harrow Clinical Commissioning Group"),
        ("Jo Ohlson", "Director of Commissioning Operations", "NW London NHS England"),
        ("Chief Superintendent Simon Ovens", "Borough Commander, Harrow Police", "Metropolitan Police"),
        ("Chris Spencer", "Corporate Director, People", "Harrow Council"),
    ]
    # 2332, 2335, 2336, 2339 carry "†"; Jo Ohlson (2340) and Chief Superintendent Simon Ovens (2341) no marker:
    # listed as printed under "Non Voting Members", flagged unmarked
    assert [p.name for p in minutes.present if p.unmarked] == ["Jo Ohlson", "Chief Superintendent Simon Ovens"]
    assert _names(minutes.apologies) == ["Janet Mote", "Bernie Flaherty", "Carol Foyle", "Rob Larkman"]
    # 2344-2346 "In attendance: (Officers)"
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Chris Greenway", "Head of Safeguarding Assurance & Quality Services"),
        ("Garry Griffiths", "Assistant Chief Operating Officer"),
        ("Donna Edwards", "Service Manager Adults and Housing"),
    ]


def test_partnership_present_table_officers_and_prose_apologies() -> None:
    minutes = _by_start("partnership", 81)
    # 89-101 under "(1) Present:" and "Harrow Strategic Partnership Board Members:"
    assert _names(minutes.present) == [
        "Thaya Idaikkadar",
        "Margaret Davine",
        "Susan Hall",
        "Rozmin Meghjee",
        "Jacqui Mace",
        "Howard Bluston",
        "Chief Superintendent Dal Babu",
        "Borough Commander Richard Claydon",
        "Avani Modasia",
        "Steve Porter",
        "Dr Genevieve Small",
        "Michael Lockwood",
        "David Cheesman",
    ]
    assert minutes.chair == "Thaya Idaikkadar"  # 89 "(Chairman)"
    assert minutes.present[3].role == "Representative" and minutes.present[3].organisation == "JobCentre Plus"
    # 103-109 "(2) The following Harrow Council Officers attended:"
    assert _names(minutes.in_attendance) == [
        "Alex Dewsnap",
        "Mike Howes",
        "Tom Whiting",
        "Marianne Locke",
        "Samia Malik",
    ]
    # 111-113 "Apologies were received from:" then a prose list with bracketed roles
    assert [(p.name, p.role, p.organisation) for p in minutes.apologies] == [
        ("Rob Larkman", "Accountable Officer", "NHS Harrow"),
        ("Trina Thompson", "Senior Policy Officer, Policy and Partnership Service", "Harrow Council"),
    ]


def test_corporate_parenting_vice_chair_in_the_chair_and_inline_markers() -> None:
    minutes = _by_start("corporate_parenting", 149)
    assert minutes.chair == "Christine Bednell"  # 155 "Vice-Chair in the Chair: * Councillor Christine Bednell"
    assert minutes.present[0].role == "Vice-Chair in the Chair"
    # 157-161: several "* name" on one line, and the non-voting advisory member
    assert _names(minutes.present) == [
        "Christine Bednell",
        "Simon Brown",
        "Janet Mote",
        "Margaret Davine",
        "Mrs Christine Robson",
        "Kairul Kareema Marikar",
        "Valerie Griffin",
    ]
    assert minutes.apologies == [] and minutes.reserves == []
    # no "In attendance" list: the officers and guests who spoke are named with their role where they speak
    # (193 "Emma Hedley, Designated Nurse ..., introduced", 197 "Zoe Sargent, Head of ..., CNWL, confirmed",
    # 201, 207 "Paul Hewitt, Divisional Director, ..., informed", 255 "Dipika Patel (Business ...) added");
    # 195 "Peter Tolley, the Head of Service, ..., and his staff were proactive" is not speaking
    assert [(p.name, p.role, p.line) for p in minutes.in_attendance] == [
        ("Emma Hedley", "Designated Nurse for Children Looked After (CLA)", 193),
        ("Zoe Sargent", "Head of Children's Services and Operations, CNWL", 197),
        ("Mellina Williamson-Taylor", "Head of the Virtual School", 201),
        ("Paul Hewitt", "Divisional Director, Children and Young People Services", 207),
        ("Dipika Patel", "Business Intelligence Partner, Performance-Targeted and Early Intervention", 255),
    ]


def test_label_kinds() -> None:
    assert label_kind("Vice-Chair in the Chair") == "chair"
    assert label_kind("Chair") == "chair"
    assert label_kind("Vice-Chair") == "vice"
    assert label_kind("Apologies were received from") == "apologies"
    assert label_kind("The following Harrow Council Officers attended") == "attendance"
    assert label_kind("Harrow Strategic Partnership Board Members") == "present"
    assert label_kind("Reserve Members") == "reserves"
    assert label_kind("Venue") is None


def test_wrapped_surname_joins_the_marked_name_above() -> None:
    text = _text("Present:\nCouncillors: * Kairul Kareema\nMarikar * Simon Brown\n\n* Denotes Member present\n")
    attendance = read_attendance(text, 1, 5)
    assert _names(attendance.present) == ["Kairul Kareema Marikar", "Simon Brown"]


def test_prose_list_split_over_lines() -> None:
    text = _text("PRESENT: Councillors Anne Smith (Chair), Bob\nJones (VC), Carol White and Dev Patel\n")
    attendance = read_attendance(text, 1, 2)
    assert _names(attendance.present) == ["Anne Smith", "Bob Jones", "Carol White", "Dev Patel"]
    assert attendance.present[1].role == "VC"
    assert attendance.chair == "Anne Smith"


def test_pipe_table_with_label_in_first_cell() -> None:
    raw = (
        "Present:\n| Councillors: | * Ann Lee | † Bob Roe |\n|  | * Cat Day | * Dan Fox |\n\n* Denotes Member present\n"
    )
    attendance = read_attendance(_text(raw), 1, 5)
    assert _names(attendance.present) == ["Ann Lee", "Cat Day", "Dan Fox"]
    assert _names(attendance.apologies) == ["Bob Roe"]
