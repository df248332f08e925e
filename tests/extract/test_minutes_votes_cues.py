"""The vote reader's cheap pre-check never skips a sentence that one of its patterns would match."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import minutes_votes as votes
from quorum.model import Source
from quorum.normalise import normalise

#: Every pattern the reader tries on a sentence.
_PATTERNS = [
    votes._NEW_QUESTION_RE,
    votes._MOVED_BY_RE,
    votes._MOVED_RE,
    votes._SECONDED_BY_RE,
    votes._SECONDED_RE,
    votes._OUTCOME_RE,
    votes._UNANIMOUS_RE,
    *votes._TALLY_RES,
]
_PIECES = [
    "Councillor Ann Smith",
    "Mr Patel",
    "The Chair",
    " moved",
    " MOVED",
    "proposed by ",
    "Proposed",
    " seconded",
    " SECONDED",
    "ſeconded",
    " and ",
    " by 30 votes to 28",
    "30 for, 28 against",
    "For: 3, Against: 2",
    "AGAINST",
    " was put to the vote and ",
    "CARRIED",
    "carried",
    "LoSt",
    "fell",
    "FELL",
    "Motion ",
    "withdrawn",
    "REJECTED",
    "defeated",
    "unanimously agreed",
    "A recorded vote was taken",
    "substantive motion",
    "The meeting noted the report",
    ".",
    ", ",
    "  ",
    "é",
    "K",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_a_skipped_sentence_matches_no_vote_pattern(sentence: str) -> None:
    if not votes._may_record_a_vote(sentence):
        assert not any(pattern.search(sentence) for pattern in _PATTERNS), sentence


def test_cue_words_are_found_in_any_case() -> None:
    assert votes._may_record_a_vote("The amendment was put to the vote and LOST.")
    assert votes._may_record_a_vote("Councillor A MOVED the motion")
    assert votes._may_record_a_vote("The substantive Motion was agreed")
    assert not votes._may_record_a_vote("The Board noted the update on the Local Plan.")
    assert votes._may_record_a_vote("The motion was ſeconded")  # not ASCII: read in full


def test_votes_still_read_after_the_pre_check() -> None:
    # a sentence with cue words and one without, on lines 1 and 2
    text = normalise(
        Source("t.txt", "0", 0),
        "It was moved by Councillor Ann Smith and seconded by Councillor Bob Jones that the report be noted.\n"
        "The report was noted. Upon being put to the vote, the motion was CARRIED by 30 votes to 28.",
    )
    [vote] = votes.read_votes(text, 1, 2)
    assert (vote.mover, vote.seconder, vote.outcome) == ("Ann Smith", "Bob Jones", "carried")
    assert (vote.for_count, vote.against_count, vote.line) == (30, 28, 1)


def _read(lines: str) -> list[tuple[object, ...]]:
    text = normalise(Source("t.txt", "0", 0), lines)
    return [
        (v.line, v.mover, v.seconder, v.outcome, v.for_count, v.against_count, v.abstentions)
        for v in votes.read_votes(text, 1, len(text.lines))
    ]


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=4).map("\n".join))
def test_votes_read_with_the_pre_checks_are_those_read_without(lines: str) -> None:
    with (
        mock.patch.object(votes, "_has", lambda lowered, *words: True),
        mock.patch.object(votes, "_may_record_a_vote", lambda sentence: True),
    ):
        plain = _read(lines)
    assert _read(lines) == plain


def test_a_tally_with_no_vote_open_starts_one() -> None:
    # "agreed" is no outcome word: the tally is the first thing said about the question (this used to raise)
    assert _read("The report was agreed by 30 votes to 28.") == [(1, None, None, None, 30, 28, None)]


def test_every_cue_word_is_tested() -> None:
    for word in votes._CUE_WORDS:
        assert votes._may_record_a_vote(f"The item was {word.upper()} today"), word
    assert not votes._may_record_a_vote("The item was noted today")
