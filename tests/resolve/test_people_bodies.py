"""Matching people and bodies across documents, without a database."""

from __future__ import annotations

import pytest

from quorum.resolve.bodies import body_key, classify_body, display_name, occasion
from quorum.resolve.names import parse_name
from quorum.resolve.people import (
    FAMILY_ONLY,
    SAME_NAME,
    SPELLING,
    KnownPerson,
    compare_names,
    edit_distance,
    match_person,
)


def known(person_id: int, *names: str, orgs: tuple[str, ...] = (), sources: tuple[int, ...] = ()) -> KnownPerson:
    """A known person printed as ``names``."""
    return KnownPerson(
        person_id, tuple(parse_name(n) for n in names), frozenset(o.casefold() for o in orgs), frozenset(sources)
    )


def test_edit_distance_counts_a_transposition_as_one() -> None:
    assert edit_distance("romzin", "rozmin") == 1  # partnership lines 36 / 92: "mz" and "zm" swapped
    assert edit_distance("romzin", "rozmni") == 2  # two swaps
    assert edit_distance("primesh", "pritesh") == 1
    assert edit_distance("", "abc") == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sachin Shah", "Mrs Rekha Shah"),  # council lines 439, 438
        ("Graham Henson", "Maxine Henson"),  # lines 440, 441
        ("Chris Mote", "Janet Mote"),  # lines 422, 423
        ("Varsha Parmar", "Ms Mina Parmar"),  # lines 429, 428
        ("Krishna Suresh", "Sasi Suresh"),  # lines 441, 442
        ("Mr Steve Porter", "Mrs S Porter"),  # conflicting titles
    ],
)
def test_a_shared_family_name_is_not_a_match(a: str, b: str) -> None:
    assert compare_names(parse_name(a), parse_name(b))[0] == 0


def test_match_scores() -> None:
    assert compare_names(parse_name("Councillor Sue Anderson"), parse_name("Sue Anderson"))[0] == SAME_NAME
    assert compare_names(parse_name("Rozmin Meghjee"), parse_name("Romzin Meghjee"))[0] == SPELLING
    assert compare_names(parse_name("Primesh Patel"), parse_name("Pritesh Patel"))[0] == SPELLING
    assert compare_names(parse_name("Ms Hedley"), parse_name("Emma Hedley"))[0] == FAMILY_ONLY
    score, reason = compare_names(parse_name("Mr C Robertson"), parse_name("Colin Robertson"))
    assert score > FAMILY_ONLY
    assert "initial" in reason
    assert compare_names(parse_name("Mr C Robertson"), parse_name("David Robertson"))[0] == 0
    assert compare_names(parse_name("Chris Mote"), parse_name("Christopher Mote"))[0] > FAMILY_ONLY


def test_exact_name_attaches() -> None:
    match = match_person(parse_name("Councillor Kairul Kareema Marikar"), [known(7, "Kairul Kareema Marikar")])
    assert match.person_id == 7


def test_spelling_variant_needs_the_same_organisation() -> None:
    # partnership line 36 "Romzin Meghjee ... JobCentre Plus"; line 92 "Rozmin Meghjee ... JobCentre Plus"
    people = [known(1, "Romzin Meghjee", orgs=("JobCentre Plus",))]
    with_org = match_person(parse_name("Rozmin Meghjee"), people, organisation="JobCentre Plus")
    assert with_org.person_id == 1
    without = match_person(parse_name("Rozmin Meghjee"), people)
    assert without.person_id is None
    assert [c.person_id for c in without.candidates] == [1]


def test_people_in_the_same_roster_are_never_merged() -> None:
    people = [known(1, "Pritesh Patel", orgs=("Harrow Council",))]
    match = match_person(parse_name("Primesh Patel"), people, organisation="Harrow Council", distinct=frozenset({1}))
    assert match.person_id is None
    assert match.candidates == ()


def test_family_name_alone_resolves_only_within_its_source() -> None:
    # CPP line 193 "Emma Hedley, Designated Nurse"; line 195 "Ms Hedley advised..."
    people = [known(3, "Emma Hedley", sources=(10,))]
    assert match_person(parse_name("Ms Hedley"), people, source=10).person_id == 3
    elsewhere = match_person(parse_name("Ms Hedley"), people, source=11)
    assert elsewhere.person_id is None
    assert elsewhere.candidates[0].person_id == 3


def test_family_name_alone_is_ambiguous_with_two_in_the_source() -> None:
    people = [known(1, "Chris Mote", sources=(5,)), known(2, "Janet Mote", sources=(5,))]
    match = match_person(parse_name("Councillor Mote"), people, source=5)  # CPP line 223 "Councillor Mote’s"
    assert match.person_id is None
    assert {c.person_id for c in match.candidates} == {1, 2}


def test_initials_attach_only_when_unique_in_the_source() -> None:
    people = [known(4, "Colin Robertson", sources=(2,))]
    assert match_person(parse_name("Mr C Robertson"), people, source=2).person_id == 4
    assert match_person(parse_name("Mr C Robertson"), people, source=3).person_id is None


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Council (Annual)", "council"),  # council line 219 "COUNCIL (ANNUAL) MINUTES"
        ("COUNCIL EXTRAORDINARY", "council"),  # line 412
        ("Council SUMMONS AND AGENDA", "council"),  # line 3
        ("COUNCIL 28 SEPTEMBER 2017", "council"),  # line 213
        ("Harrow Council", "council"),  # partnership line 15
        ("OVERVIEW AND SCRUTINY COMMITTEE", "overview and scrutiny"),
        ("Overview and Scrutiny Committee", "overview and scrutiny"),  # scrutiny line 3
        ("Overview and Scrutiny", "overview and scrutiny"),  # council line 323
        ("HARROW PARTNERSHIP BOARD MEETING", "harrow partnership board"),  # partnership line 5
        ("Local Safeguarding Children Board (LSCB)", "safeguarding children partnership"),  # CPP line 663
        ("LSCB", "safeguarding children partnership"),
        ("HSCB", "safeguarding children partnership"),  # council line 1806
        ("Harrow Safeguarding Children Board", "safeguarding children partnership"),
        ("Harrow Safeguarding Partnership", "safeguarding children partnership"),
        ("Harrow Safeguarding Adults Board", "harrow safeguarding adults board"),  # not the children's board
        ("Children in Care Council", "children in care council"),
    ],
)
def test_body_keys(printed: str, key: str) -> None:
    assert body_key(printed) == key


def test_body_classification_display_and_occasion() -> None:
    assert classify_body("Corporate Parenting Panel") == "panel"
    assert classify_body("Council (Annual)") == "council"
    assert classify_body("Pension Fund Committee") == "committee"
    assert classify_body("Health and Wellbeing Board") == "board"
    assert classify_body("Licensing Sub-Committee") == "sub-committee"
    assert classify_body("Cabinet") == "cabinet"
    assert display_name("CORPORATE PARENTING PANEL") == "Corporate Parenting Panel"
    assert display_name("HARROW PARTNERSHIP BOARD MEETING") == "Harrow Partnership Board"
    assert display_name("HSCB") == "HSCB"
    assert occasion("Council (Annual)") == "annual"
    assert occasion("COUNCIL EXTRAORDINARY") == "extraordinary"
    assert occasion("Council") is None
