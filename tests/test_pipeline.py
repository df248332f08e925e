"""The pipeline: a set of minutes and the document it was read from agree on what it is."""

from __future__ import annotations

from pathlib import Path

from quorum.model import DocumentKind
from quorum.pipeline import parse_path

MINUTES = Path(__file__).parent / "data" / "minutes"


def test_a_minutes_document_is_named_by_the_body_in_its_heading_not_the_next_line() -> None:
    # Line 3: "MINUTES OF THE MEETING OF THE COUNCIL HELD ON THURSDAY 27 FEBRUARY 2025 AT 7.30 PM",
    # line 5: "PRESENT:" (which the segmenter used to take for the body).
    result = parse_path(MINUTES / "council-recorded-vote.txt")
    (minutes,) = result.minutes
    document = result.documents[minutes.document]
    assert document.kind == DocumentKind.MINUTES
    assert document.body == "COUNCIL"
    assert document.date == "2025-02-27"


def test_a_whole_file_of_minutes_is_a_minutes_document() -> None:
    # Lines 1-2: "MINUTES OF A MEETING OF THE LICENSING AND REGULATORY COMMITTEE" /
    # "HELD AT THE TOWN HALL ON WEDNESDAY, 9TH APRIL, 2025"; the file is that one set.
    result = parse_path(MINUTES / "regulatory-variants.txt")
    (minutes,) = result.minutes
    assert minutes.document == 0
    document = result.documents[0]
    assert document.kind == DocumentKind.MINUTES
    assert document.body == "LICENSING AND REGULATORY COMMITTEE"
    assert (document.date, document.date_raw) == ("2025-04-09", "WEDNESDAY, 9TH APRIL, 2025")


def test_a_document_already_named_like_its_minutes_keeps_its_own_spelling() -> None:
    # county-kent-style: the segmenter reads "GOVERNANCE AND AUDIT COMMITTEE", the minutes reader
    # "Governance and Audit Committee": the same body, so the document keeps what it had.
    result = parse_path(MINUTES / "county-kent-style.txt")
    (minutes,) = result.minutes
    assert minutes.body == "Governance and Audit Committee"
    assert result.documents[minutes.document].body == "GOVERNANCE AND AUDIT COMMITTEE"
