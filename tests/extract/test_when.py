"""Printed dates and clock times: ISO / 24-hour values plus the verbatim slice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.extract.when import find_date, find_time


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
    assert find_date(text) == expected


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
    assert find_time(text) == expected


@given(st.text(max_size=60))
def test_never_crash_and_raw_is_a_slice(text: str) -> None:
    date = find_date(text)
    if date is not None:
        assert date[1] in text
    time = find_time(text)
    if time is not None:
        assert time[1] in text
