"""Numbered minutes, resolutions, declarations and times in the Harrow minutes.

Expectations are typed from the sample files; line numbers are cited.
"""

from __future__ import annotations

from functools import cache

import pytest

from quorum.extract.minutes import extract_minutes
from quorum.extract.minutes_items import resolution_start
from quorum.model import Minutes, fold_whitespace
from tests.conftest import sample_text


@cache
def _sets(pack: str) -> tuple[Minutes, ...]:
    return tuple(extract_minutes(sample_text(pack), []))


def _by_start(pack: str, start: int) -> Minutes:
    return next(m for m in _sets(pack) if m.span.start_line == start)


def _numbers(minutes: Minutes) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in minutes.items]


def test_annual_council_minute_numbers_and_titles() -> None:
    # council 240-335: minutes 230-244, capital headings
    assert _numbers(_by_start("council", 219)) == [
        ("230", "ELECTION OF MAYOR"),
        ("231", "MINUTE SILENCE"),
        ("232", "ELECTION AND INVESTITURE OF DEPUTY MAYOR"),
        ("233", "APPOINTMENT OF CHAPLAIN"),
        ("234", "CIVIC FUNCTIONS"),
        ("235", "DECLARATIONS OF INTEREST"),
        ("236", "PROCEDURAL MOTIONS"),
        ("237", "COUNCIL MINUTES"),
        ("238", "COUNCILLOR MITZI GREEN"),
        ("239", "PETITION - HARROW ASSOCIATION OF DISABLED PEOPLE WELFARE BENEFITS TEAM"),
        ("240", "CABINET AND COMMITTEE MEMBERSHIPS"),
        ("241", "APPOINTMENT OF CHAIRS TO COMMITTEES"),
        ("242", "APPOINTMENT OF REPRESENTATIVES TO OUTSIDE BODIES"),
        ("243", "SCRUTINY ANNUAL REPORT 2016/17"),
        ("244", "DATES OF COUNCIL MEETINGS 2017/18"),
    ]


def test_dates_in_a_resolution_are_not_minute_headings() -> None:
    # council 339-345: "28 September 2017" etc. under minute 244 look like "28. September ..."
    numbers = [item.number for item in _by_start("council", 219).items]
    assert "28" not in numbers and "24" not in numbers


def test_numbered_sub_resolutions_are_kept_complete() -> None:
    item = next(i for i in _by_start("council", 219).items if i.number == "240")
    assert len(item.resolutions) == 1
    resolution = item.resolutions[0]
    assert (resolution.line, resolution.end_line, resolution.verb) == (306, 314, "RESOLVED")
    folded = fold_whitespace(resolution.text)
    assert folded.startswith("That - (i) it be noted that Councillor Keith Ferry was the Deputy Leader of the Council;")
    assert folded.endswith("as set out in Appendix C to the report, be agreed.")  # line 314, "**" trimmed
    for numeral in ("(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)"):
        assert numeral in folded


def test_resolution_with_a_table_of_chairs() -> None:
    item = next(i for i in _by_start("council", 219).items if i.number == "241")
    text = item.resolutions[0].text
    assert text.startswith("That the following Councillors be elected as the Chairs of the relevant Committees:")
    assert "Pension Fund\tCouncillor Nitin Parekh" in text  # line 325
    assert item.resolutions[0].end_line == 325


def test_resolution_with_list_of_dates_stops_at_close_of_meeting() -> None:
    item = next(i for i in _by_start("council", 219).items if i.number == "244")
    resolution = item.resolutions[0]
    assert resolution.end_line == 345  # "24 May 2018 (Annual)"; 347 is the close of meeting
    assert "CLOSE" not in resolution.text


def test_cabinet_recommended_item_has_recommendation_and_resolution() -> None:
    item = _by_start("council", 1166).items[0]
    assert (item.number, item.line) == ("576", 1196)
    assert item.title == "Community Safety, Violence, Vulnerability and Exploitation Strategy"
    recommend, resolved = item.resolutions
    # 1198 "Resolved to RECOMMEND: (to Council)" / 1200 the text
    assert recommend.verb == "RECOMMENDED" and recommend.recommended_to == "Council"
    assert recommend.text == (
        "That the Community Safety, Violence, Vulnerability and Exploitation Strategy 2017-2020 be adopted."
    )
    assert (recommend.line, recommend.end_line) == (1198, 1200)
    # 1202, and the "Reason for Decision" at 1204 is not part of it
    assert resolved.verb == "RESOLVED" and resolved.line == 1202
    assert resolved.text.endswith("for presentation to full Council meeting in September 2017.")


def test_resolution_running_over_a_split_paragraph() -> None:
    item = _by_start("council", 1920).items[0]
    assert (item.number, item.title) == ("591", "Use of Retained Right to Buy Receipts")
    resolved = item.resolutions[1]
    # 1956-1962: "(1) ... Finance and" / blank / "Commercialisation, be authorised ..." / "(2) ..."
    assert (resolved.line, resolved.end_line) == (1956, 1962)
    assert "Finance and\nCommercialisation, be authorised" in resolved.text
    assert resolved.text.endswith("no impact on General Fund or HRA revenue resources.")


@pytest.mark.parametrize(
    ("start", "number", "title", "text_start"),
    [
        (1862, "575", "Corporate Parenting Strategy", "That the Corporate Parenting Strategy 2017 – 2019 be approved."),
        (1986, "208", "Role of Co-optee", "That the role of, and the working arrangements applying to"),
        (2326, "217", "Terms of Reference for Health and Wellbeing Board", "That the terms of reference of the Board"),
    ],
)
def test_single_recommended_items(start: int, number: str, title: str, text_start: str) -> None:
    minutes = _by_start("council", start)
    assert _numbers(minutes) == [(number, title)]
    first = minutes.items[0].resolutions[0]
    assert first.text.startswith(text_start)
    assert first.recommended_to == "Council"


def test_health_and_wellbeing_recommendation_keeps_both_numbered_parts() -> None:
    resolution = _by_start("council", 2326).items[0].resolutions[0]
    # 2358-2361
    assert resolution.end_line == 2361
    assert "(1) include the Accountable Officer" in resolution.text
    assert resolution.text.endswith("(2) delete the paragraph on Sub Groups as these groups had not been in operation.")


def test_partnership_minutes_with_action_column() -> None:
    minutes = _by_start("partnership", 81)
    assert [item.number for item in minutes.items] == [str(n) for n in range(101, 110)]  # 117-233
    assert minutes.items[0].title == "Welcome"  # 117 "101. Welcome:" - the colon is dropped
    charter = minutes.items[4]
    assert charter.title == "Harrow Community Cohesion and Integration Charter"
    agreed = charter.resolutions[0]
    assert agreed.verb == "AGREED" and (agreed.line, agreed.end_line) == (161, 166)
    # "All to note." (168) is the ACTION column, not part of the resolution
    assert "All to note" not in agreed.text
    assert minutes.items[3].resolutions[0].text.startswith("That the minutes of the meeting held on 28 June 2012")


def test_corporate_parenting_minutes() -> None:
    minutes = _by_start("corporate_parenting", 149)
    assert [item.number for item in minutes.items] == [str(n) for n in range(135, 148)]  # 165-281
    assert minutes.items[1].title == "Councillor Mitzi Green"  # 169
    assert minutes.items[4].resolutions[0].text.endswith("being amended to read “discipline”.")  # 183
    # 141 has no resolution; 143-145 "That the report be noted."
    assert minutes.items[6].resolutions == []
    assert [r.text for r in minutes.items[8].resolutions] == ["That the report be noted."]


def test_declarations_under_an_item_context_line() -> None:
    minutes = _by_start("council", 219)
    # 262 "Item 9 – Petition – ..." then seven declarations at 264-276
    assert [(d.member, d.line) for d in minutes.declarations] == [
        ("Ghazanfar Ali", 264),
        ("Sue Anderson", 266),
        ("Susan Hall", 268),
        ("Jean Lammiman", 270),
        ("Lynda Seymour", 272),
        ("Norman Stevenson", 274),
        ("Krishna Suresh", 276),
    ]
    first = minutes.declarations[0]
    assert first.item == "Item 9 – Petition – Harrow Association of Disabled People Welfare Benefits Team"
    assert first.interest is not None and "Council appointed representative" in first.interest
    assert minutes.declarations[1].kind == "non-pecuniary"
    assert not minutes.no_declarations


def test_declaration_naming_its_item_inline() -> None:
    minutes = _by_start("corporate_parenting", 149)
    (declaration,) = minutes.declarations  # 179
    assert declaration.member == "Kairul Kareema Marikar"
    assert declaration.item == "Item 8 on the agenda (Health Report for Children Looked After)"
    assert declaration.kind == "non-pecuniary"
    assert declaration.interest is not None and declaration.interest.endswith("Liaison Service (PALS)")


@pytest.mark.parametrize(("pack", "start"), [("council", 412), ("partnership", 81)])
def test_no_declarations(pack: str, start: int) -> None:
    # council 460 "There were no declarations of interest."; partnership 137 "AGREED: To note that there were no
    # declarations of interests made."
    minutes = _by_start(pack, start)
    assert minutes.no_declarations and minutes.declarations == []


@pytest.mark.parametrize(
    ("pack", "start", "start_time", "end_time"),
    [
        ("council", 219, None, "20:29"),  # 347 "closed at 8.29 pm"
        ("council", 412, None, "20:25"),  # 484
        ("partnership", 81, "18:02", "18:52"),  # 239 "having commenced at 6.02 pm, closed at 6.52 pm"
        ("corporate_parenting", 149, "19:30", "20:56"),  # 285
        ("council", 1166, None, None),  # a record of decisions prints no times
    ],
)
def test_times(pack: str, start: int, start_time: str | None, end_time: str | None) -> None:
    minutes = _by_start(pack, start)
    assert (minutes.start_time, minutes.end_time) == (start_time, end_time)


def test_no_votes_are_invented_in_the_samples() -> None:
    # none of the Harrow minutes record a vote; "carried out" in reports must not count
    for pack in ("council", "partnership", "corporate_parenting"):
        for minutes in _sets(pack):
            assert all(item.votes == [] for item in minutes.items)


@pytest.mark.parametrize(
    ("line", "verb"),
    [
        ("RESOLVED: That the report be noted.", "RESOLVED"),
        ("Resolved to RECOMMEND: (to Council)", "Resolved to RECOMMEND"),
        ("RESOLVED – That the application be refused.", "RESOLVED"),
        ("It was RESOLVED that the item be deferred.", "RESOLVED"),
        ("Resolved: That the minutes be approved.", "Resolved"),
        ("AGREED: That the report be noted.", "AGREED"),
        ("RESOLVED UNANIMOUSLY: That", "RESOLVED UNANIMOUSLY"),
    ],
)
def test_resolution_openers(line: str, verb: str) -> None:
    match = resolution_start(line)
    assert match is not None and match.group("verb") == verb


@pytest.mark.parametrize(
    "line",
    [
        "RESOLVED ITEMS",  # corporate parenting 189, a section heading
        "Resolved at an early stage, complaints are fewer.",
        "Agreed targets were met.",
        "resolved: lower case is prose",
    ],
)
def test_not_resolution_openers(line: str) -> None:
    assert resolution_start(line) is None


@pytest.mark.parametrize(
    ("pack", "start", "meeting_type"),
    [("council", 219, "ANNUAL"), ("council", 412, "EXTRAORDINARY"), ("council", 1166, None)],
)
def test_meeting_type_kept_beside_the_body(pack: str, start: int, meeting_type: str | None) -> None:
    # 219 "COUNCIL (ANNUAL) MINUTES", 412 "COUNCIL EXTRAORDINARY MINUTES", 1166 "CABINET": the body is the same
    minutes = _by_start(pack, start)
    assert minutes.meeting_type == meeting_type
    assert minutes.body in ("COUNCIL", "CABINET")


def test_declared_interest_stops_before_what_the_member_did() -> None:
    # 268 "Councillor Susan Hall declared a disclosable non-pecuniary interest and would leave the Chamber ..."
    minutes = _by_start("council", 219)
    hall = next(d for d in minutes.declarations if d.member == "Susan Hall")
    assert hall.interest == "a disclosable non-pecuniary interest"
