"""The shared speed-ups on normalised text give exactly what the slow definitions give.

``fold_whitespace``, ``upper_ratio``, ``NormalisedText.content_numbers`` and
``NormalisedText.lines_containing`` replace per-line loops and per-character
tests in the hot paths; each is checked here against its plain definition, on
the samples and on arbitrary text (including the code points that
``re.IGNORECASE`` treats specially).
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.model import Source, fold_whitespace
from quorum.normalise import normalise, upper_ratio
from tests.conftest import sample_text

#: Characters that make the fast paths take their other branches: case specials, markup, tabs, odd spaces.
_TRICKY = "aAiIkKsSmM \t\xa0\u2009\x0b\x1c*_<>|-:\u0130\u0131\u017f\u212a\u00df\u1e9e\u01c5éÉ£’\udc80?"
_texts = st.lists(st.sampled_from([*_TRICKY, "\n", "minutes", "MINUTES", "Report"]), max_size=200).map("".join)
_words = st.lists(st.text(alphabet=st.sampled_from(list("aikKsmIS:*?\u0130\u017f\u00df ")), max_size=4), max_size=3)


def _slow_containing(text_lines: list[str], words: list[str]) -> frozenset[int]:
    if not words:
        return frozenset()  # no word to contain
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    return frozenset(number for number, clean in enumerate(text_lines, 1) if pattern.search(clean))


@given(_texts)
def test_fold_whitespace_is_the_regex_definition(text: str) -> None:
    assert fold_whitespace(text) == re.sub(r"\s+", " ", text).strip()


@given(_texts)
def test_upper_ratio_counts_like_isupper_and_islower(text: str) -> None:
    upper = sum(char.isupper() for char in text)
    cased = upper + sum(char.islower() for char in text)
    assert upper_ratio(text) == (upper / cased if cased else 0.0)


@settings(max_examples=300)
@given(_texts, _words)
def test_lines_containing_is_a_case_insensitive_search_of_each_line(text: str, words: list[str]) -> None:
    normalised = normalise(Source("t.txt", "0", 0), text)
    expected = _slow_containing([line.clean for line in normalised.lines], words)
    assert normalised.lines_containing(*words) == expected
    assert normalised.lines_containing(*words) == expected  # the cached answer too


@given(_texts, st.integers(-3, 60), st.integers(-3, 60))
def test_content_numbers_is_the_filtered_range(text: str, start: int, end: int) -> None:
    normalised = normalise(Source("t.txt", "0", 0), text)
    last = min(end, len(normalised.lines))
    expected = [n for n in range(max(start, 1), last + 1) if normalised.line(n).is_content]
    assert normalised.content_numbers(start, end) == expected


def test_indexes_on_a_sample() -> None:
    text = sample_text("council")
    lines = [line.clean for line in text.lines]
    assert text.content_numbers() == [line.number for line in text.lines if line.is_content]
    minutes = text.lines_containing("minutes")
    assert minutes == _slow_containing(lines, ["minutes"])
    # lines 211 ("... reproduced in the minutes.]") and 215 (the cover sheet's "MINUTES"), read from the file
    assert {211, 215} <= minutes
    assert 213 not in minutes
    assert text.folded() == fold_whitespace(text.text)


def test_a_word_with_a_newline_is_refused() -> None:
    text = normalise(Source("t.txt", "0", 0), "a\nb")
    try:
        text.lines_containing("a\nb")
    except ValueError:
        return
    raise AssertionError("a newline cannot lie inside one line")


@settings(max_examples=300)
@given(_texts, st.data())
def test_folded_contains_is_a_search_of_the_folded_text(text: str, data: st.DataObject) -> None:
    normalised = normalise(Source("t.txt", "0", 0), text)
    folded = fold_whitespace(text)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    candidates = [folded[start:end], folded[start:end].strip(), data.draw(_texts), "a  b", " a", "x\ty"]
    for value in candidates:
        fresh = normalise(Source("t.txt", "0", 0), text)  # no whole-text fold cached yet
        assert fresh.folded_contains(value) == (value in folded), value
    assert normalised.folded_contains(folded) is True


def test_folded_contains_on_a_sample_with_a_common_first_word() -> None:
    text = sample_text("council")
    folded = fold_whitespace(text.text)
    late = folded.rindex("the ")  # "the" occurs hundreds of times: the search gives up and searches the raw text
    for value in (folded[late : late + 40], "the Council’s website", "the Council's websitex", "MINUTES This page"):
        fresh = normalise(text.source, text.text)  # nothing folded yet
        assert fresh.folded_contains(value) == (value in folded), value
        if value == fold_whitespace(value):
            assert fresh.folded_cache is None  # a folded value is answered without folding the whole pack
    # council 219 "COUNCIL (ANNUAL) MINUTES": "COUNCIL" is printed hundreds of times, this run of it only once
    fresh = normalise(text.source, text.text)
    assert fresh.folded_contains("COUNCIL (ANNUAL) MINUTES") is True
    assert fresh.folded_contains("COUNCIL COUNCIL (ANNUAL)") is False
    assert fresh.folded_cache is None


@settings(max_examples=300)
@given(_texts, st.data())
def test_folded_contains_without_the_anchor_search_is_a_search_of_the_folded_text(
    text: str, data: st.DataObject
) -> None:
    # with the anchor search given no tries, every folded value goes to the regex search of the raw text
    folded = fold_whitespace(text)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    with mock.patch("quorum.model._FOLDED_SEARCH_LIMIT", 0):
        for value in [folded[start:end].strip(), fold_whitespace(data.draw(_texts)), "a b", "x"]:
            fresh = normalise(Source("t.txt", "0", 0), text)
            assert fresh.folded_contains(value) == (value in folded), value


def test_a_question_mark_is_looked_for_as_itself() -> None:
    # the byte index writes every non-ASCII character as "?": a word holding one is looked for by pattern instead
    text = normalise(Source("t.txt", "0", 0), "café\nWhy?\nnaïve ſ")
    assert text.lines_containing("?") == frozenset({2})
    assert text.lines_containing("y?", "caf") == frozenset({1, 2})
    assert text.lines_containing("s") == frozenset({3})  # "ſ" is an "s" to re.IGNORECASE


def test_folded_contains_answers_again_from_its_cache() -> None:
    text = normalise(Source("t.txt", "0", 0), "Harrow  Council\nHarrow Council")
    assert text.folded_contains("Council Harrow") is True
    assert text.index_cache[("folded_contains", "Council Harrow")] is True
    assert text.folded_contains("Council Harrow") is True  # the kept answer
    assert text.folded_contains("Harrow Harrow") is False
