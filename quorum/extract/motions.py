"""Notices of motion in a summons."""

from __future__ import annotations

from quorum.model import Document, Motion, NormalisedText


def extract_motions(text: NormalisedText, documents: list[Document]) -> list[Motion]:
    """Return the notices of motion printed in ``text``."""
    return []
