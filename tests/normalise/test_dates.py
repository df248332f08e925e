"""Printed dates and clock times: ISO / 24-hour values plus the verbatim slice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.normalise.dates import find_date, find_time, find_times, is_date_only, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DATE: Thursday 28 September 2017", ("2017-09-28", "Thursday 28 September 2017")),  # council line 5
        ("WEDNESDAY 13 MARCH 2013 AT 6.00 PM", ("2013-03-13", "WEDNESDAY 13 MARCH 2013")),  # partnership line 7
        ("Despatch Date: [20 September 2017]", ("2017-09-20", "20 September 2017")),  # council line 19
        ("Date of Meeting:\t9 th December 2014", ("2014-12-09", "9 th December 2014")),  # scrutiny line 120
        ("Thursday 27th June 2013.", ("2013-06-27", "Thursday 27th June 2013")),  # partnership line 71
        ("Date: Tuesday, 14 January 2025", ("2025-01-14", "Tuesday, 14 January 2025")),
        ("Tuesday, January 14, 2025", ("2025-01-14", "Tuesday, January 14, 2025")),
        ("14 Sept 2025", ("2025-09-14", "14 Sept 2025")),
        ("on 14/01/2025", ("2025-01-14", "14/01/2025")),
        ("31 February 2017", None),
        ("the 2021 census", None),
        ("Item 12 of 2017", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: tuple[str, str] | None) -> None:
    found = find_date(text)
    assert (found and (found.iso, found.raw)) == expected
    if found is not None:
        assert text[found.start : found.end] == found.raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TIME: 7.30 pm", ("19:30", "7.30 pm")),  # council line 7
        ("AT 6.00 PM", ("18:00", "6.00 PM")),  # partnership line 7
        ("Time: 10.00 am", ("10:00", "10.00 am")),
        ("10.00 a.m.", ("10:00", "10.00 a.m.")),
        ("7pm", ("19:00", "7pm")),
        ("12 noon", ("12:00", "12 noon")),
        ("midday", ("12:00", "midday")),
        ("12.30 pm", ("12:30", "12.30 pm")),
        ("12 am", ("00:00", "12 am")),
        ("19:00", ("19:00", "19:00")),
        ("paragraph 12.7 of the Handbook", None),  # partnership line 54
        ("13 pm", None),
        ("", None),
    ],
)
def test_find_time(text: str, expected: tuple[str, str] | None) -> None:
    found = find_time(text)
    assert (found and (found.hhmm, found.raw)) == expected
    if found is not None:
        assert text[found.start : found.end] == found.raw


@given(st.text(max_size=60))
def test_never_crash_and_raw_is_a_slice(text: str) -> None:
    date = find_date(text)
    if date is not None:
        assert text[date.start : date.end] == date.raw
    time = find_time(text)
    if time is not None:
        assert time[1] in text


def test_two_digit_years_and_list_numbers() -> None:
    # Council summons line 2075: "Date: 19.09.17"; a clause number such as "3.1.12." is not a date.
    assert find_date("Date: 19.09.17").iso == "2017-09-19"
    assert find_date("3.1.12. To produce a Pharmaceutical Needs Assessment") is None  # council line 2219
    assert find_date("Date: 19.09.17", numeric=False) is None


def test_date_only_lines_head_minutes() -> None:
    # Council summons lines 221 and 414 are minutes headings' date lines.
    assert is_date_only("18 MAY 2017")
    assert is_date_only("**13 JUNE 2017**")
    assert is_date_only("(28 JUNE 2017)")
    assert not is_date_only("Record of decisions taken at the meeting held on Thursday 13 July 2017.")


def test_closing_note_times_in_order() -> None:
    # The closing note style of many councils; council summons line 347 prints "closed at 8.29 pm".
    note = "(Note: The meeting, having commenced at 7.30 pm, closed at 9.10 pm)"
    assert [t.hhmm for t in find_times(note)] == ["19:30", "21:10"]
    assert parse_time("declared the meeting closed at 8.29 pm") == "20:29"
    assert parse_time("no time here") is None
