"""Printed person names: titles, roles in parentheses, lists and vacancies.

The examples are lines of the Harrow samples (file and line cited) and common
forms of other councils' papers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.extract.names import (
    is_vacancy,
    leading_title,
    looks_like_name,
    parse_person,
    role_kind,
    split_name_list,
    split_roles,
    strip_councillor,
    strip_marker,
)


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        # partnership-board-2013-03-13-agenda.txt line 15
        ("Councillor Thaya Idaikkadar (Chairman)", "Thaya Idaikkadar", "Councillor", ("Chairman",)),
        # overview-and-scrutiny-2014-12-09-agenda.txt line 23
        ("Paul Osborn (VC)", "Paul Osborn", None, ("VC",)),
        # partnership line 21 / 27; scrutiny line 25
        ("Chief Superintendent Dal Babu", "Chief Superintendent Dal Babu", "Chief Superintendent", ()),
        ("Dr Genevieve Small", "Dr Genevieve Small", "Dr", ()),
        ("Reverend P Reece", "Reverend P Reece", "Reverend", ()),
        # council-2017-09-28-summons.txt line 225
        (
            "Councillor Mrs Rekha Shah (The Worshipful the Mayor)",
            "Mrs Rekha Shah",
            "Councillor Mrs",
            ("The Worshipful the Mayor",),
        ),
        ("Cllr A Smith", "A Smith", "Cllr", ()),
        ("Cllr. B O'Neill", "B O'Neill", "Cllr.", ()),
        ("Barry Macleod-Cullinane", "Barry Macleod-Cullinane", None, ()),
        ("Ursula von der Leyen", "Ursula von der Leyen", None, ()),
        # partnership line 113: two bracketed roles
        ("Rob Larkman (Accountable Officer) (NHS Harrow)", "Rob Larkman", None, ("Accountable Officer", "NHS Harrow")),
    ],
)
def test_parse_person(text: str, name: str, honorific: str | None, roles: tuple[str, ...]) -> None:
    person = parse_person(text)
    assert person is not None
    assert (person.name, person.honorific, person.roles) == (name, honorific, roles)
    assert person.raw == text
    assert person.name in text


@pytest.mark.parametrize(
    "text",
    [
        "1 Vacancy",  # scrutiny line 27
        "Vacancy",
        "2 vacancies",
        "Representative of Harrow Youth Parliament",  # scrutiny line 31: a seat, not a person
        "Senior Democratic Services Officer",
        "Useful Information",
        "Meeting access",
        "Filming",
        "frankie.belloli@harrow.gov.uk",
        "020 8424 1263",
        "(Note: Where there is a matter relating to the Council's education functions)",
        "",
        "Councillor",
    ],
)
def test_not_a_person(text: str) -> None:
    assert parse_person(text) is None


def test_strip_councillor() -> None:
    assert strip_councillor("Councillor Aneka Shah-Levy") == ("Aneka Shah-Levy", "Councillor")
    assert strip_councillor("Councillors F Green") == ("F Green", "Councillors")
    assert strip_councillor("Simon Brown") == ("Simon Brown", None)
    assert strip_councillor("Councillor") == ("Councillor", None)  # nothing after the title
    assert strip_councillor("Crane Smith") == ("Crane Smith", None)  # "Cr" only as a whole word


def test_leading_title() -> None:
    assert leading_title("Mrs Christine Robson") == "Mrs"
    assert leading_title("Ms Pamela Fitzpatrick") == "Ms"
    assert leading_title("Rt Hon Dr A Smith") == "Rt Hon Dr"
    assert leading_title("Mrs") is None  # a title needs a name after it
    assert leading_title("Mrsa Smith") is None
    assert leading_title("Simon Brown") is None


def test_split_roles() -> None:
    assert split_roles("Paul Osborn (VC)") == ("Paul Osborn", ("VC",))
    assert split_roles("A Smith (Chair, Lab)") == ("A Smith", ("Chair, Lab",))
    assert split_roles("A Smith") == ("A Smith", ())
    assert split_roles("(Chair)") == ("(Chair)", ())  # nothing before the bracket: not a role
    assert split_roles("A (B (C))") == ("A", ("B (C)",))


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("Chair", "chair"),
        ("Chairman", "chair"),
        ("chairwoman", "chair"),
        ("VC", "vice_chair"),
        ("Vice-Chair", "vice_chair"),
        ("Vice Chairman", "vice_chair"),
        ("Deputy Chair", "vice_chair"),
        ("Chair of Harrow Chief Executives", None),
        ("Leader of the Council", None),
        (None, None),
        ("", None),
    ],
)
def test_role_kind(role: str | None, kind: str | None) -> None:
    assert role_kind(role) == kind


def test_split_name_list() -> None:
    # scrutiny line 25 and 27
    assert split_name_list("Mrs J Rammelt / Reverend P Reece") == ["Mrs J Rammelt", "Reverend P Reece"]
    assert split_name_list("Mrs A Khan/1 Vacancy") == ["Mrs A Khan", "1 Vacancy"]
    # ModernGov inline list with roles; commas inside brackets do not split
    assert split_name_list("A Smith (Chair, Lab), B Jones and C Brown & D Green") == [
        "A Smith (Chair, Lab)",
        "B Jones",
        "C Brown",
        "D Green",
    ]
    # corporate-parenting minutes line 157: "*" marks members present
    assert split_name_list("* Simon Brown * Janet Mote") == ["Simon Brown", "Janet Mote"]
    assert split_name_list("Ghazanfar Ali\tRichard Almond") == ["Ghazanfar Ali", "Richard Almond"]
    assert split_name_list("Macleod-Cullinane") == ["Macleod-Cullinane"]  # hyphen is not a separator
    assert split_name_list("") == []


def test_strip_marker() -> None:
    assert strip_marker("* Councillor Margaret Davine") == ("*", "Councillor Margaret Davine")
    assert strip_marker("† Janet Mote") == ("†", "Janet Mote")
    assert strip_marker("- (i) by a representative") == ("-", "(i) by a representative")
    assert strip_marker("Simon Brown") == (None, "Simon Brown")


def test_is_vacancy_and_names() -> None:
    assert is_vacancy("(Vacancy)")
    assert not is_vacancy("Mrs A Khan")
    assert looks_like_name("J Rammelt")
    assert not looks_like_name("Rammelt")  # one bare word is not enough
    assert looks_like_name("Dr Small")  # unless a title leads
    assert not looks_like_name("Harrow Council")


@given(st.text(max_size=80))
def test_helpers_never_crash_and_stay_verbatim(text: str) -> None:
    person = parse_person(text)
    if person is not None:
        assert person.name in text
        assert person.honorific is None or person.honorific in text
        assert all(role in text for role in person.roles)
    for piece in split_name_list(text):
        assert piece in text
    role_kind(text)
    is_vacancy(text)
