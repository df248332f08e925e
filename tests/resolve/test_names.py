"""Names as printed in the samples, split into titles, given names and family names (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.resolve.names import parse_name, parse_role_reference, roles_of


@pytest.mark.parametrize(
    ("printed", "name", "honorifics", "given", "family"),
    [
        # council line 225
        (
            "Councillor Mrs Rekha Shah (The Worshipful the Mayor)",
            "Rekha Shah",
            ("Councillor", "Mrs"),
            ("Rekha",),
            "Shah",
        ),
        ("Mr C Robertson", "C Robertson", ("Mr",), ("C",), "Robertson"),  # council line 1996
        ("Chief Superintendent Dal Babu", "Dal Babu", ("Chief Superintendent",), ("Dal",), "Babu"),  # partnership 21
        ("Chief Inspector Russ Hughes", "Russ Hughes", ("Chief Inspector",), ("Russ",), "Hughes"),  # partnership 38
        ("Dr Genevieve Small", "Genevieve Small", ("Dr",), ("Genevieve",), "Small"),  # partnership 27
        ("Reverend David Tuck", "David Tuck", ("Reverend",), ("David",), "Tuck"),  # council line 48
        ("Reverend P Reece", "P Reece", ("Reverend",), ("P",), "Reece"),  # scrutiny line 25
        ("Ms Williamson-Taylor", "Williamson-Taylor", ("Ms",), (), "Williamson-Taylor"),  # CPP line 223
        ("Councillor Marikar's", "Marikar", ("Councillor",), (), "Marikar"),  # CPP line 201
        ("Cllr Barry Macleod-Cullinane", "Barry Macleod-Cullinane", ("Cllr",), ("Barry",), "Macleod-Cullinane"),
        ("* Phillip O'Dell", "Phillip O'Dell", (), ("Phillip",), "O'Dell"),  # council line 230
        ("Emma Hedley, Designated Nurse", "Emma Hedley", (), ("Emma",), "Hedley"),  # CPP line 193
        ("Honorary Alderman R Romain", "Honorary Alderman R Romain", (), ("Honorary", "Alderman", "R"), "Romain"),
    ],
)
def test_parse_name(printed: str, name: str, honorifics: tuple[str, ...], given: tuple[str, ...], family: str) -> None:
    parsed = parse_name(printed)
    assert parsed.name == name
    assert parsed.honorifics == honorifics
    assert parsed.given == given
    assert parsed.family == family


def test_keys_fold_titles_case_and_punctuation() -> None:
    assert parse_name("Councillor Sue Anderson").key == parse_name("SUE ANDERSON").key == "sue anderson"
    assert parse_name("Mr C. Robertson").key == parse_name("Mr C Robertson").key == "c robertson"
    assert parse_name("Phillip O’Dell").key == parse_name("Phillip O'Dell").key


def test_initials_and_gender() -> None:
    assert parse_name("Mr C Robertson").initials_only
    assert not parse_name("Sue Anderson").initials_only  # "Sue" is a name, not three initials
    assert parse_name("Mrs Rekha Shah").gender == "f"
    assert parse_name("Mr Steve Porter").gender == "m"  # partnership line 125
    assert parse_name("Councillor Sachin Shah").gender is None
    assert parse_name("Cllr Sachin Shah").is_councillor


@pytest.mark.parametrize(
    ("text", "role", "qualifier"),
    [
        ("the Chair", "chair", None),  # CPP line 203 "The Chair thanked..."
        ("The Chair’s", "chair", None),  # CPP line 219 "the Chair’s question"
        ("the Leader of the Council", "leader", "Council"),  # council line 76
        # council line 1202
        ("the Portfolio Holder for Public Health, Equality and Community Safety", "portfolio holder",
         "Public Health, Equality and Community Safety"),
        ("The Director of Finance", "officer", "Director of Finance"),  # council line 2012
        ("Vice-Chair", "vice-chair", None),
        ("The Deputy Mayor", "deputy mayor", None),
    ],
)  # fmt: skip
def test_role_references(text: str, role: str, qualifier: str | None) -> None:
    reference = parse_role_reference(text)
    assert reference is not None
    assert reference.role == role
    assert reference.qualifier == qualifier


@pytest.mark.parametrize("text", ["Sue Anderson", "Mrs Rekha Shah", "Chairs of Committees list", "Leaderboard"])
def test_names_are_not_role_references(text: str) -> None:
    assert parse_role_reference(text) is None


@pytest.mark.parametrize(
    ("printed", "roles"),
    [
        ("Leader of the Council, Property and Major Contracts Portfolio Holder", ["leader", "portfolio holder"]),
        ("Deputy Leader, Adult Social Care, Health and Wellbeing Portfolio Holder",
         ["deputy leader", "portfolio holder"]),
        ("Leader of the Conservative Group", []),  # partnership line 17: a party office, not a council post
        ("VC", ["vice-chair"]),  # scrutiny line 23 "Paul Osborn (VC)"
        ("Vice-Chair in the Chair", ["chair"]),  # CPP line 155
        ("The Worshipful the Mayor", ["mayor"]),  # council line 225
        ("Non-Voting Advisory Member", ["adviser"]),  # CPP line 26
        ("Representative", []),
    ],
)  # fmt: skip
def test_roles_of_printed_roles(printed: str, roles: list[str]) -> None:
    assert roles_of(printed) == roles


@given(st.text())
def test_parse_name_never_raises(text: str) -> None:
    parsed = parse_name(text)
    assert isinstance(parsed.key, str)
    parse_role_reference(text)
    roles_of(text)
