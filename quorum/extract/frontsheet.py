"""Front sheets: the meeting, its membership, contact officer and agenda."""

from __future__ import annotations

from quorum.model import Document, Meeting, NormalisedText


def extract_meetings(text: NormalisedText, documents: list[Document]) -> list[Meeting]:
    """Return one Meeting for each agenda front sheet among ``documents``."""
    return []
