"""Officer reports on the council's report template."""

from __future__ import annotations

from quorum.model import Document, NormalisedText, Report


def extract_reports(text: NormalisedText, documents: list[Document]) -> list[Report]:
    """Return one Report for each officer report among ``documents``."""
    return []
