"""Minutes: attendance, declarations, numbered minutes, resolutions and votes."""

from __future__ import annotations

from quorum.model import Document, Minutes, NormalisedText


def extract_minutes(text: NormalisedText, documents: list[Document]) -> list[Minutes]:
    """Return one Minutes record for each minutes document among ``documents``."""
    return []
