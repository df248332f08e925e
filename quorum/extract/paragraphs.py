"""Paragraphs of a document: wrapped lines joined, with a map back to the lines."""

from __future__ import annotations

from quorum.model import NormalisedText

#: Per paragraph: the (offset in the joined text, line number) where each of its lines starts, and the text.
Paragraph = tuple[list[tuple[int, int]], str]


def paragraphs(text: NormalisedText, start: int, end: int, *, split_at_table_rows: bool = False) -> list[Paragraph]:
    """Join the lines of each paragraph between ``start`` and ``end`` (inclusive).

    A PDF wraps a sentence or a list of names over lines ("... Mr Jeremy" / "Kite,
    MBE, ..."); a blank line ends a paragraph, page furniture is skipped, and with
    ``split_at_table_rows`` a table row ends one too. Returns, per paragraph, where
    each of its lines starts in the joined clean text, and that text.
    """
    out: list[Paragraph] = []
    starts: list[tuple[int, int]] = []
    pieces: list[str] = []
    length = 0
    for n in range(max(1, start), min(end, len(text.lines)) + 1):
        line = text.line(n)
        if line.furniture is not None:
            continue
        if not line.clean or (split_at_table_rows and line.cells is not None):
            if pieces:
                out.append((starts, " ".join(pieces)))
            starts, pieces, length = [], [], 0
            continue
        starts.append((length, n))
        piece = line.clean.strip()
        pieces.append(piece)
        length += len(piece) + 1
    if pieces:
        out.append((starts, " ".join(pieces)))
    return out
