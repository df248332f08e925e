"""Three more house styles (tests/data/minutes, written for these tests in other councils' styles).

county-kent-style.txt: a county committee ("PRESENT: Mr A Smith (Chair), ...", "ALSO PRESENT", "IN ATTENDANCE"
wrapped over lines, "23/45" minute numbers over "(Item 1)", "(4) The Committee RESOLVED that:", a recorded vote).
authority-members-present.txt: a fire authority ("Members present:", job titles before names, "Minute No. 31",
"It was RESOLVED:" with numbered parts and a table). unitary-cabinet-decisions.txt: a cabinet decision record
("CAB 101", "Decision:", reasons and options paragraphs). Expectations are read from the files (lines cited).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quorum.extract.minutes import extract_minutes
from quorum.ingest.text import read_text_source
from quorum.model import Minutes, NormalisedText
from quorum.normalise import normalise
from quorum.pipeline import parse_path

CORPUS = Path(__file__).resolve().parent.parent / "data" / "minutes"


@cache
def _text(name: str) -> NormalisedText:
    source, raw = read_text_source(CORPUS / name)
    return normalise(source, raw)


@cache
def _only(name: str) -> Minutes:
    sets = extract_minutes(_text(name), [])
    assert len(sets) == 1
    return sets[0]


def _names(people: list) -> list[str]:
    return [p.name for p in people]


# ------------------------------------------------------------- county ---


def test_county_attendance_by_title_with_roles_wrapped_over_lines() -> None:
    minutes = _only("county-kent-style.txt")
    assert (minutes.body, minutes.date, minutes.end_time) == ("Governance and Audit Committee", "2025-03-12", "20:42")
    # 8-9 "PRESENT: Mr A Smith (Chair), Mrs B Jones (Vice-Chair), ... Mr F Hughes-Wilson, OBE, ... and Mr H Lloyd"
    assert [(p.name, p.role) for p in minutes.present] == [
        ("Mr A Smith", "Chair"),
        ("Mrs B Jones", "Vice-Chair"),
        ("Mr C Patel", None),
        ("Ms D O'Neill", None),
        ("Dr E Fairweather", None),
        ("Mr F Hughes-Wilson", None),
        ("Mrs G Khan", None),
        ("Mr H Lloyd", None),
    ]
    assert minutes.chair == "Mr A Smith"
    # 11 ALSO PRESENT, 13-15 IN ATTENDANCE: "Mr N White (Democratic" / "Services Officer)" wraps
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Mr P Oakfield", "Cabinet Member for Finance"),
        ("Mrs K Brown", "Head of Internal Audit"),
        ("Mr L Green", "Corporate Director Finance"),
        ("Ms M Grey", "External Auditor, Grant Thornton"),
        ("Mr N White", "Democratic Services Officer"),
    ]


def test_county_apologies_and_substitute_in_the_first_minute() -> None:
    minutes = _only("county-kent-style.txt")
    # 22-23 "Apologies for absence were received from Mr R Webb and Miss S Carter. Mr H Lloyd / attended as a
    # substitute for Mr R Webb."
    assert [(p.name, p.line) for p in minutes.apologies] == [("Mr R Webb", 22), ("Miss S Carter", 22)]
    assert [(p.name, p.replacing) for p in minutes.reserves] == [("Mr H Lloyd", "Mr R Webb")]


def test_county_year_slash_minute_numbers_and_titles_over_item_lines() -> None:
    minutes = _only("county-kent-style.txt")
    assert [(i.number, i.title, i.line) for i in minutes.items] == [
        ("23/45", "Apologies and Substitutes", 19),
        ("23/46", "Declarations of Interests by Members in items on the Agenda for this Meeting", 25),  # 25-26
        ("23/47", "Minutes of the meeting held on 22 January 2025", 32),
        ("23/48", "Internal Audit Progress Report", 38),
        ("23/49", "Treasury Management Strategy 2025-26", 60),
    ]
    # 29 "Dr Fairweather declared an other significant interest in Item 6 as a trustee of ..."
    [declaration] = minutes.declarations
    assert (declaration.member, declaration.item, declaration.kind) == ("Dr Fairweather", "Item 6", "other")


def test_county_numbered_paragraph_resolutions_amendment_and_recorded_vote() -> None:
    items = {i.number: i for i in _only("county-kent-style.txt").items}
    # 54-58 "(4) The Committee RESOLVED that:" with (a) and (b) after blank lines
    [resolution] = items["23/48"].resolutions
    assert resolution.text == (
        "that:\n(a) the progress report be noted; and\n"
        "(b) the revised audit plan for 2025-26 set out in Appendix 2 be approved."
    )
    assert (resolution.line, resolution.end_line) == (54, 58)
    # 47 "Mr Patel moved, seconded by Ms O'Neill, the following amendment:" ... 52 "declared LOST"
    [amendment] = items["23/48"].votes
    assert (amendment.mover, amendment.seconder, amendment.outcome) == ("Mr Patel", "Ms O'Neill", "lost")
    # 67-73 recorded vote, For (5) / Against (2) / Abstain (1), "CARRIED"
    [vote] = items["23/49"].votes
    assert (vote.for_count, vote.against_count, vote.abstentions, vote.outcome) == (5, 2, 1, "carried")
    assert vote.against_names == ["Mr Patel", "Ms O'Neill"]
    assert vote.abstain_names == ["Mr Lloyd"]
    # 75-76 "(3) RESOLVED that the Treasury Management Strategy 2025-26 be recommended to / County Council ..."
    assert items["23/49"].resolutions[0].text.endswith("County Council for approval.")


# ------------------------------------------------------------ authority ---


def test_authority_members_officers_with_job_titles_first_and_others() -> None:
    minutes = _only("authority-members-present.txt")
    assert (minutes.body, minutes.date) == ("POLICY AND RESOURCES COMMITTEE", "2025-02-07")
    assert (minutes.start_time, minutes.end_time) == ("10:00", "11:45")  # 14, 57
    assert _names(minutes.present) == [
        "Rhian Evans",
        "Gareth Bowen",
        "Mair Davies-Jenkins",
        "Owen Pritchard",
        "Sian Ap Rhys",
    ]
    # 9-10 "Officers present: Chief Fire Officer Huw Thomas, ..., Clerk to the Authority Anwen Lewis"; 12 others
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Huw Thomas", "Chief Fire Officer"),
        ("Nia Roberts", "Assistant Chief Officer"),
        ("Paul Morgan", "Treasurer"),
        ("Anwen Lewis", "Clerk to the Authority"),
        ("Sarah Hill", "Audit Wales"),
    ]
    assert _names(minutes.apologies) == ["Dafydd Jones", "Eleri Watkins"]  # 18
    assert minutes.no_declarations  # 22


def test_authority_minute_numbers_and_resolutions_with_parts_table_and_dates() -> None:
    minutes = _only("authority-members-present.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("31", "APOLOGIES FOR ABSENCE"),
        ("32", "DECLARATIONS OF INTEREST"),
        ("33", "MINUTES OF THE PREVIOUS MEETING"),
        ("34", "REVENUE BUDGET 2025/26"),
        ("35", "DATES OF FUTURE MEETINGS"),
    ]
    items = {i.number: i for i in minutes.items}
    # 34-45: "It was RESOLVED:" then 1., 2. with a table of councils, 3.
    [budget] = items["34"].resolutions
    assert budget.text.startswith("1. that the revenue budget of £42.6m")
    assert "Northvale City Council\t£10.3m" in budget.text
    assert budget.text.endswith("3. that the Treasurer be authorised to notify the constituent councils.")
    # 49-55 a list of dates, each its own paragraph
    assert items["35"].resolutions[0].text.splitlines()[-1] == "Friday 3 October 2025"


def test_authority_set_stays_one_when_the_pipeline_segments_it() -> None:
    # 24 "Minute No. 33 MINUTES OF THE PREVIOUS MEETING" must not start a second set
    result = parse_path(CORPUS / "authority-members-present.txt")
    assert len(result.minutes) == 1
    assert [i.number for i in result.minutes[0].items] == ["31", "32", "33", "34", "35"]


# -------------------------------------------------------------- cabinet ---


def test_cabinet_decision_record_prefixed_numbers_and_decisions() -> None:
    minutes = _only("unitary-cabinet-decisions.txt")
    assert (minutes.body, minutes.date, minutes.start_time, minutes.end_time) == (
        "Cabinet",
        "2025-03-18",
        "18:00",
        "19:12",
    )
    assert minutes.chair == "Priya Nair"  # 5 "(Leader) (Chair)"
    assert _names(minutes.in_attendance) == ["Harry Quayle", "Imogen Stott", "Jo Whitfield", "Sam Kaur", "Lee Banner"]
    assert [(i.number, i.title) for i in minutes.items] == [
        ("CAB 101", "Declarations of Interest"),
        ("CAB 102", "Minutes"),
        ("CAB 103", "Leisure Centre Fees and Charges 2025/26"),
        ("CAB 104", "Highways Maintenance Contract"),
    ]
    items = {i.number: i for i in minutes.items}
    # 27-31 "Decision:" then (1) and (2); 33-35 reasons and options are not part of it and hold no vote
    [decision] = items["CAB 103"].resolutions
    assert decision.text.startswith("(1) That the fees and charges") and decision.text.endswith("the schedule.")
    assert decision.verb == "DECIDED"
    assert items["CAB 103"].votes == []
    # 15 "... interest in CAB 104 as her husband ..., and left the meeting for that item."
    [declaration] = minutes.declarations
    assert (declaration.member, declaration.item, declaration.kind) == ("Bea Okonjo", "CAB 104", "pecuniary")
    assert declaration.interest is not None and declaration.interest.endswith("the preferred contractor")
