"""The cheap pre-checks in the minutes readers agree with the patterns they stand in front of."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import minutes, names
from quorum.extract import minutes_declarations as declarations
from quorum.extract import minutes_people as people
from quorum.extract import minutes_speakers as speakers

_PIECES = [
    "Emma Hedley",
    "Mr John Betts",
    "Dr Ann Lee-Smith",
    ", ",
    "; ",
    ". ",
    " and ",
    "(Interim Director, Finance)",
    "Designated Nurse for Children",
    " introduced the report",
    " was in attendance",
    " were present",
    "the Chair",
    "No declarations of interest were made",
    "no other interests were declared",
    "DECLARATIONS",
    "Interest",
    "declared a non-pecuniary interest",
    "ſ",
    "é",
    " ",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=300)
@given(_texts)
def test_speaker_patterns_find_what_they_found_without_the_capital_lookahead(paragraph: str) -> None:
    for pattern in (speakers._COMMA_RE, speakers._BRACKET_RE):
        plain = re.compile(pattern.pattern.removeprefix("(?=[A-Z])"))
        assert plain.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(paragraph)] == [m.span() for m in plain.finditer(paragraph)]


@settings(max_examples=300)
@given(_texts)
def test_declaration_pre_checks_never_skip_a_match(paragraph: str) -> None:
    if not declarations._may_say_none(paragraph):
        assert not declarations._NONE_ANYWHERE_RE.search(paragraph)
    sentences = declarations._SENTENCE_RE.split(paragraph)
    expected = [sentence for sentence in sentences if declarations._DECLARED_RE.search(sentence)]
    assert [sentence for sentence, _ in declarations._declared_sentences(paragraph)] == expected


def test_speakers_read_from_a_paragraph() -> None:
    # the module docstring's examples, as minutes print them
    comma = "Emma Hedley, Designated Nurse for Children Looked After (CLA), introduced the report."
    bracket = "John Betts (Interim Corporate Director Finance) was in attendance for this item."
    assert [m.group("name") for m in speakers._COMMA_RE.finditer(comma)] == ["Emma Hedley"]
    assert [m.group("role") for m in speakers._BRACKET_RE.finditer(bracket)] == ["Interim Corporate Director Finance"]


_PEOPLE_PIECES = [
    "Councillor A Khan",
    "Cllr Mrs Shah",
    "Mr H Lloyd",
    "Dame Jo",
    "Sir Paul Carter",
    " attended as a reserve for ",
    " attended as substitute for ",
    " substituted for ",
    " deputising for ",
    " for ",
    " replacing ",
    " in place of ",
    "* ",
    "† ",
    "‡",
    "*",
    " ",
    "2",
    "²",
    "٣",
    "(",
    "é",
]
_people_texts = st.lists(st.sampled_from(_PEOPLE_PIECES), max_size=8).map("".join)


@settings(max_examples=300)
@given(_people_texts)
def test_people_pre_checks_agree_with_the_plain_patterns(text: str) -> None:
    assert people.has_marker(text) == bool(re.search(r"(?:^|\s)[*†‡]\s*\S", text))
    assert names._has_digit(text) == any(ch.isdigit() for ch in text)
    found = []
    for _, pattern in people._RESERVE_SENTENCE_RES:  # without the word test and the capital lookahead
        plain = re.compile(pattern.pattern.removeprefix("(?=[CDMS])"))
        assert plain.pattern != pattern.pattern
        for match in plain.finditer(text):
            found.append((match.group("reserve"), match.group("for")))
    expected = []
    for reserve, _ in found:
        person = names.parse_person(reserve)
        if person and person.name not in expected:
            expected.append(person.name)
    assert [attendee.name for attendee in people.reserves_in_sentence(text, 1)] == expected


def test_reserves_read_from_a_sentence() -> None:
    [reserve] = people.reserves_in_sentence("Councillor A Khan attended as a reserve for Councillor B Jones.", 7)
    assert (reserve.name, reserve.replacing, reserve.line) == ("A Khan", "B Jones", 7)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            ["Meeting", "MEETINGS", "commencement", "Commenced at 7.30 pm", "meet", "ing", "ı", "é", " ", "x"]
        ),
        max_size=6,
    ).map("".join)
)
def test_meeting_mention_test_is_the_pattern(clean: str) -> None:
    assert minutes._mentions_meeting(clean) == bool(re.search(r"meeting|commencement", clean, re.I))
