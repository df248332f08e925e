"""Split a pack into typed sub-documents (placeholder: one document for the whole pack)."""

from __future__ import annotations

from quorum.model import Document, DocumentKind, NormalisedText


def segment(text: NormalisedText) -> list[Document]:
    """Return the typed sub-documents of ``text`` in line order."""
    last = len(text.lines)
    return [Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, last))]
