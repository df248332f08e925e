"""Small pure helpers of the store writer."""

from __future__ import annotations

import pytest

from quorum.store.writer import with_title


@pytest.mark.parametrize(
    ("title", "name", "printed"),
    [
        ("Mrs", "Christine Robson", "Mrs Christine Robson"),  # CPP line 158 "* Mrs Christine Robson"
        ("Mrs", "Mrs Christine Robson", "Mrs Christine Robson"),  # the title already in the name: not doubled
        ("Councillor Mrs", "Mrs Rekha Shah", "Councillor Mrs Rekha Shah"),  # council line 225
        ("Chief Superintendent", "Chief Superintendent Dal Babu", "Chief Superintendent Dal Babu"),  # partnership 95
        (None, "Sue Anderson", "Sue Anderson"),
    ],
)
def test_with_title(title: str | None, name: str, printed: str) -> None:
    assert with_title(title, name) == printed
