"""Performance indicators from scorecards, tables and report text."""

from __future__ import annotations

from quorum.model import Document, Indicator, NormalisedText, Table


def extract_indicators(text: NormalisedText, documents: list[Document], tables: list[Table]) -> list[Indicator]:
    """Return the performance figures found in ``tables`` and the text of ``documents``."""
    return []
