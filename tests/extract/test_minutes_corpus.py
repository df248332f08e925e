"""The minutes rules on other councils' house styles (tests/data/minutes, written for these tests).

Each file is in a house style the Harrow samples do not use: ModernGov's "Minutes of the meeting of
the Planning Committee held on ...", prose "Present: Councillors A, B and C (Chair)" lists,
"CAB/51" minute numbers, recorded votes as lists and as a table, two sets in one pack.
Expectations are read from the files (line numbers cited).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract.minutes import extract_minutes
from quorum.extract.motions import extract_motions
from quorum.ingest.text import read_text_source
from quorum.model import Minutes, NormalisedText, Source, fold_whitespace, to_jsonable
from quorum.normalise import normalise
from tests.test_verbatim import string_values

CORPUS = Path(__file__).resolve().parent.parent / "data" / "minutes"


@cache
def _text(name: str) -> NormalisedText:
    source, raw = read_text_source(CORPUS / name)
    return normalise(source, raw)


@cache
def _minutes(name: str) -> tuple[Minutes, ...]:
    return tuple(extract_minutes(_text(name), []))


def _names(people: list) -> list[str]:
    return [p.name for p in people]


# ------------------------------------------------------------ ModernGov ---


def test_moderngov_heading_gives_body_date_and_start_time() -> None:
    (minutes,) = _minutes("planning-moderngov.txt")
    # line 3 "Minutes of the meeting of the Planning Committee held on Tuesday, 14 January 2025 at 7.00 pm"
    assert (minutes.body, minutes.date, minutes.date_raw) == (
        "Planning Committee",
        "2025-01-14",
        "Tuesday, 14 January 2025",
    )
    assert (minutes.start_time, minutes.end_time) == ("19:00", "20:42")  # 46 "The meeting ended at 8.42 pm"
    assert (minutes.span.start_line, minutes.span.end_line) == (3, 48)  # 48 the "Chair" signature line


def test_moderngov_prose_attendance() -> None:
    (minutes,) = _minutes("planning-moderngov.txt")
    # 5-6: a prose list wrapping onto the next line, roles in brackets, titles kept
    assert [(p.name, p.role) for p in minutes.present] == [
        ("Jane Fowler", "Chair"),
        ("Peter Okafor", "Vice-Chair"),
        ("Mrs Susan Reid", None),
        ("Dr Amir Haddad", None),
        ("Tom Bellingham", None),
    ]
    assert minutes.chair == "Jane Fowler"
    # 8 "Also Present" and 10 "Officers" are in attendance
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Linda Cartwright", None),
        ("Rachel Stone", "Head of Planning"),
        ("David Moy", "Senior Planning Lawyer"),
        ("Kim Lau", "Democratic Services Officer"),
    ]
    # 14 apologies and 16 the substitute, both recorded under minute 45
    assert _names(minutes.apologies) == ["Ian Grove", "Patricia Lowe"]
    assert [(p.name, p.replacing) for p in minutes.reserves] == [("Tom Bellingham", "Ian Grove")]


def test_moderngov_items_resolutions_and_votes() -> None:
    (minutes,) = _minutes("planning-moderngov.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("45", "Apologies for Absence and Substitutions"),
        ("46", "Declarations of Interest"),
        ("47", "Minutes"),
        ("48", "24/01234/FUL - Land at Mill Lane, Oakford"),  # 26, a planning reference leads the title
        ("49", "Planning Appeals Update"),
    ]
    application = minutes.items[3]
    (resolution,) = application.resolutions
    # 34-38: "RESOLVED – That ..." with (a) and (b), (b) wrapping; 40 "Reason for decision" is not part of it
    assert (resolution.line, resolution.end_line) == (34, 38)
    assert fold_whitespace(resolution.text) == (
        "That planning permission be GRANTED subject to: (a) the conditions set out in the report; and "
        "(b) the completion of a Section 106 agreement to secure affordable housing and a contribution to local "
        "schools."
    )
    amendment, substantive = application.votes
    # 30: mover and seconder of an amendment that was LOST
    assert (amendment.mover, amendment.seconder, amendment.outcome, amendment.line) == (
        "Peter Okafor",
        "Dr Amir Haddad",
        "lost",
        30,
    )
    # 32: "CARRIED by 3 votes to 1"
    assert (substantive.outcome, substantive.for_count, substantive.against_count) == ("carried", 3, 1)


def test_moderngov_declaration() -> None:
    (minutes,) = _minutes("planning-moderngov.txt")
    (declaration,) = minutes.declarations  # 20
    assert declaration.member == "Mrs Susan Reid"
    assert declaration.item == "Item 6 (Land at Mill Lane)"
    assert declaration.kind == "non-pecuniary"
    assert declaration.interest == "a non-pecuniary interest in Item 6 (Land at Mill Lane) as she lives near the site"
    assert not minutes.no_declarations


# ------------------------------------------------------- recorded vote ---


def test_council_heading_in_capitals_and_mayor_in_the_chair() -> None:
    (minutes,) = _minutes("council-recorded-vote.txt")
    # 3 "MINUTES OF THE MEETING OF THE COUNCIL HELD ON THURSDAY 27 FEBRUARY 2025 AT 7.30 PM"
    assert (minutes.body, minutes.date, minutes.start_time) == ("COUNCIL", "2025-02-27", "19:30")
    assert minutes.end_time == "21:47"  # 49
    assert minutes.chair == "Ruth Adeyemi"  # 7 "(Mayor)"
    # 7-8 one person per line, then 10-11 a prose list wrapping before "and Raj Sandhu"
    assert _names(minutes.present) == [
        "Ruth Adeyemi",
        "Graham Little",
        "Kofi Mensah",
        "Helen Boyd",
        "Sarah Quinn",
        "Neil Farrow",
        "Mrs Joan Pike",
        "Raj Sandhu",
    ]
    assert _names(minutes.apologies) == ["Oliver Dean", "Fiona Marsh"]  # 13
    assert minutes.no_declarations  # 17


def test_recorded_vote_lists() -> None:
    (minutes,) = _minutes("council-recorded-vote.txt")
    budget = minutes.items[1]
    assert (budget.number, budget.title) == ("112", "BUDGET 2025/26 AND COUNCIL TAX")
    amendment, substantive = budget.votes
    assert (amendment.mover, amendment.seconder, amendment.outcome) == ("Neil Farrow", "Mrs Joan Pike", "lost")  # 23-25
    # 27-34: the recorded vote on the substantive motion, the "For" list wrapping at 30
    assert substantive.for_names == ["Ruth Adeyemi", "Graham Little", "Kofi Mensah", "Helen Boyd", "Sarah Quinn"]
    assert substantive.against_names == ["Neil Farrow", "Mrs Joan Pike"]
    assert substantive.abstain_names == ["Raj Sandhu"]
    assert (substantive.for_count, substantive.against_count, substantive.abstentions) == (5, 2, 1)
    assert substantive.outcome == "carried"
    (resolution,) = budget.resolutions  # 36-39, tab after the numbers
    assert (resolution.line, resolution.end_line) == (36, 39)
    assert fold_whitespace(resolution.text).endswith("(2) the Band D council tax be set at £1,834.22.")


def test_moved_by_and_seconded_by_with_tally_and_abstention() -> None:
    (minutes,) = _minutes("council-recorded-vote.txt")
    (vote,) = minutes.items[2].votes  # 43-45
    assert (vote.mover, vote.seconder, vote.outcome) == ("Sarah Quinn", "Raj Sandhu", "carried")
    assert (vote.for_count, vote.against_count, vote.abstentions) == (6, 1, 1)


# ------------------------------------------------------- cabinet table ---


def test_cabinet_attendance_table_with_roles() -> None:
    (minutes,) = _minutes("cabinet-table-style.txt")
    # 3 "CABINET" / 5 "MINUTES" / 7 "Wednesday 5 March 2025"; the council's name at 1 is not the body
    assert (minutes.body, minutes.date, minutes.span.start_line, minutes.span.end_line) == (
        "CABINET",
        "2025-03-05",
        3,
        45,
    )
    assert [(p.name, p.role) for p in minutes.present] == [
        ("Alan Hughes", "Leader of the Council (Chair)"),
        ("Bethan Price", "Deputy Leader"),
        ("Carl Evans", "Portfolio Holder for Housing"),
        ("Dana Williams", "Portfolio Holder for Finance"),
    ]
    assert minutes.chair == "Alan Hughes"  # 9 "(Chair)" in the role column
    assert _names(minutes.apologies) == ["Emyr Lloyd"]  # 14
    assert [(p.name, p.replacing) for p in minutes.reserves] == [("Faye Morgan", "Emyr Lloyd")]  # 16
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Helen Davies", "Chief Executive"),
        ("Jon Rees", "Section 151 Officer"),
    ]
    assert minutes.end_time == "11:20"  # 45


def test_cabinet_prefixed_minute_numbers_declaration_table_and_vote_table() -> None:
    (minutes,) = _minutes("cabinet-table-style.txt")
    assert [i.number for i in minutes.items] == ["CAB/51", "CAB/52", "CAB/53"]  # 21, 28, 32
    (declaration,) = minutes.declarations  # 25-26 a table of member, item and interest
    assert (declaration.member, declaration.item, declaration.kind) == ("Carl Evans", "CAB/53", "other")
    (vote,) = minutes.items[2].votes  # 36-41 a vote table with X marks
    assert vote.for_names == ["Alan Hughes", "Bethan Price", "Faye Morgan"]
    assert vote.against_names == ["Dana Williams"]
    assert vote.abstain_names == ["Carl Evans"]
    (resolution,) = minutes.items[2].resolutions  # 43
    assert (resolution.verb, resolution.recommended_to) == ("RECOMMENDED", "Council")
    assert resolution.text == "That the Housing Revenue Account Business Plan 2025-2055 be approved."


# ------------------------------------------------------------ two sets ---


def test_two_sets_in_one_pack() -> None:
    licensing, audit = _minutes("committee-two-sets.txt")
    assert (licensing.body, licensing.date, licensing.span.start_line, licensing.span.end_line) == (
        "LICENSING SUB-COMMITTEE",
        "2025-02-03",
        1,
        19,
    )
    assert (audit.body, audit.date, audit.span.start_line, audit.span.end_line) == (
        "AUDIT COMMITTEE",
        "2025-02-04",
        23,
        47,
    )
    assert (licensing.start_time, licensing.end_time) == ("10:00", "11:05")  # 3 "at 10.00am", 19 "11.05am"


def test_in_the_chair_and_also_present() -> None:
    licensing, _ = _minutes("committee-two-sets.txt")
    assert licensing.chair == "Grace Obi"  # 5 "(in the Chair)"
    assert _names(licensing.present) == ["Grace Obi", "Harry Stone", "Iqbal Khan"]
    assert [(p.name, p.role) for p in licensing.in_attendance] == [  # 7
        ("Mr Leo Grant", "Applicant"),
        ("PC Nina Shah", "Metropolitan Police"),
    ]
    assert licensing.no_declarations  # 11 "None." under "Declarations of Interest"
    (vote,) = licensing.items[1].votes  # 17 "RESOLVED (unanimously)"
    assert vote.outcome == "carried"
    assert licensing.items[1].resolutions[0].text.startswith("That the licence be granted")


def test_reserve_sentence_and_joint_declaration() -> None:
    _, audit = _minutes("committee-two-sets.txt")
    assert audit.chair == "Mark Ellis"  # 27 "(Chairman)"
    assert _names(audit.present) == ["Mark Ellis", "Jo Patel", "Sam Wood", "Mrs Ann Cole"]  # 27, 29
    assert _names(audit.apologies) == ["Zoe King"]  # 31
    assert [(p.name, p.replacing) for p in audit.reserves] == [("Sam Wood", "Zoe King")]  # 33
    # 37 one sentence, two members
    assert [(d.member, d.item, d.kind) for d in audit.declarations] == [
        ("Mark Ellis", "Item 12", "other"),
        ("Jo Patel", "Item 12", "other"),
    ]
    decision = audit.items[2].resolutions[0]  # 45 "Decision:"
    assert decision.verb == "DECIDED" and decision.text.startswith("That the Treasury Management Strategy")


# ------------------------------------------------- regulatory variants ---


def test_two_line_capital_heading_with_ordinal_date() -> None:
    (minutes,) = _minutes("regulatory-variants.txt")
    # 1 "MINUTES OF A MEETING OF THE LICENSING AND REGULATORY COMMITTEE" / 2 "HELD AT ... WEDNESDAY, 9TH APRIL, 2025"
    assert (minutes.body, minutes.date, minutes.date_raw) == (
        "LICENSING AND REGULATORY COMMITTEE",
        "2025-04-09",
        "WEDNESDAY, 9TH APRIL, 2025",
    )
    # 41-42 "Time of Commencement: 7.00 pm" / "Time of Conclusion: 8.15 pm"
    assert (minutes.start_time, minutes.end_time) == ("19:00", "20:15")


def test_mayor_named_in_brackets_one_name_per_line_and_status_column() -> None:
    (minutes,) = _minutes("regulatory-variants.txt")
    # 4 "The Mayor (Councillor Priya Nair) (in the Chair)"; 9-10 one name per line; 19 "Present" column
    assert [(p.name, p.role) for p in minutes.present] == [
        ("Priya Nair", "The Mayor"),
        ("Owen Hart", None),
        ("Lucy Brennan", None),
        ("Sam Odum", None),  # 5 "Cllr Sam Odum" after a line ending "and"
        ("Tariq Aziz", None),
        ("Mrs Helen Brooks", None),
        ("Fay Young", None),
    ]
    assert minutes.chair == "Priya Nair"
    # 16 apologies with the substitute in brackets; 20 "Apologies" column
    assert _names(minutes.apologies) == ["Ruth Ellis", "Glen Hurst"]
    assert [(p.name, p.replacing) for p in minutes.reserves] == [("Tariq Aziz", "Ruth Ellis")]
    # 12-14 officers with their roles after a dash
    assert [(p.name, p.role) for p in minutes.in_attendance] == [
        ("Jane Doe", "Head of Regulatory Services"),
        ("Mark Webb", "Licensing Manager"),
    ]


def test_tab_numbered_minutes_committee_resolved_and_part_two() -> None:
    (minutes,) = _minutes("regulatory-variants.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("58", "Declarations of Interest"),
        ("59", "Taxi Licensing Policy"),
        ("60", "Exclusion of the Press and Public"),
        ("61", "Licence Review - Confidential Case"),
    ]
    assert minutes.no_declarations  # 24 "None were declared."
    # 28 "The Committee RESOLVED to approve ..."
    assert [r.text for r in minutes.items[1].resolutions] == ["to approve the revised Taxi Licensing Policy."]
    # 34 "PART II - EXEMPT" before minute 61
    assert [i.access.value for i in minutes.items] == ["public", "public", "public", "exempt"]


# -------------------------------------------------------- verbatim rule ---


def test_every_corpus_string_is_verbatim() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = _text(path.name)
        source = fold_whitespace(text.text)
        data = to_jsonable(list(extract_minutes(text, [])) + extract_motions(text, []))
        missing = [(k, v) for k, v in string_values(data) if fold_whitespace(v) not in source]
        assert not missing, (path.name, missing[:5])


# ----------------------------------------------------------- properties ---

_LINES = st.sampled_from(
    [
        "MINUTES",
        "COUNCIL MINUTES",
        "Present:",
        "Present: Councillors A Smith (Chair), B Jones and",
        "Councillors:\t* Ann Lee\t† Bob Roe",
        "* Denotes Member present",
        "12. DECLARATIONS OF INTEREST",
        "Councillor A Smith declared a pecuniary interest in Item 4.",
        "RESOLVED: That",
        "- (i) the report be noted;",
        "Resolved to RECOMMEND: (to Council)",
        "For (3): Councillors A Smith, B Jones",
        "Councillor\tFor\tAgainst",
        "A Smith\tX",
        "It was moved by Councillor A Smith and seconded by Councillor B Jones that",
        "The meeting closed at 9.10 pm",
        "To be moved by Councillor A Smith and seconded by Councillor B Jones:",
        "18. MOTIONS",
        "This page is intentionally left blank",
        "18 MAY 2017",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=40))
def test_arbitrary_text_never_crashes_and_spans_stay_inside(lines: list[str]) -> None:
    raw = "\n".join(lines)
    text = normalise(Source(path="x.txt", sha256="0", line_count=raw.count("\n") + 1), raw)
    count = len(text.lines)
    for minutes in extract_minutes(text, []):
        assert 1 <= minutes.span.start_line <= minutes.span.end_line <= count
        for item in minutes.items:
            assert minutes.span.start_line <= item.line <= minutes.span.end_line
            for resolution in item.resolutions:
                assert item.line < resolution.line <= (resolution.end_line or resolution.line) <= count
        for person in minutes.present + minutes.apologies + minutes.in_attendance + minutes.reserves:
            assert 1 <= person.line <= count
    for motion in extract_motions(text, []):
        assert 1 <= motion.line <= motion.end_line <= count
