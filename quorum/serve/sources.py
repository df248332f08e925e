"""The source view: a stored source's lines, read back from its file, with exempt spans withheld.

The store keeps provenance (source, page, line span) but not whole files, so the lines are read
again from the source's path with the same reader and normaliser the pipeline used, and checked
against the stored SHA-256. When the file is gone or has changed, the stored passages (the
search chunks) are shown at their line numbers instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quorum.errors import QuorumError
from quorum.ingest import read_source
from quorum.normalise import normalise
from quorum.serve import schemas as s
from quorum.serve.queries import Withheld, withheld
from quorum.store import schema as db


@dataclass(slots=True)
class SourceView:
    """What the source page shows: a name, every line (exempt ones withheld) and its meeting."""

    source_id: int
    name: str
    raw_lines: tuple[tuple[str, int | None], ...]
    hidden: Withheld
    meeting_id: int | None = None

    @property
    def line_count(self) -> int:
        """Number of lines of the source."""
        return len(self.raw_lines)

    def lines(self, first: int, last: int) -> list[s.SourceLine]:
        """Return lines ``first``..``last`` (1-based, inclusive), exempt ones withheld (text blanked)."""
        out = []
        for number in range(max(1, first), min(last, self.line_count) + 1):
            text, page = self.raw_lines[number - 1]
            secret = self.hidden.covers(self.source_id, number)
            out.append(s.SourceLine(number=number, text="" if secret else text, page=page, withheld=secret))
        return out


@lru_cache(maxsize=16)
def _read_lines(path: str, sha256: str) -> tuple[tuple[str, int | None], ...] | None:
    """Return (raw text, page) of each line of the file at ``path`` if its hash is ``sha256``."""
    try:
        source, text, pages = read_source(path)
    except (QuorumError, OSError):
        return None
    if source.sha256 != sha256:
        return None
    normalised = normalise(source, text, pages)
    return tuple((line.raw, line.page) for line in normalised.lines)


def _lines_from_chunks(session: Session, source_id: int, count: int) -> list[tuple[str, int | None]]:
    """Rebuild what can be shown of a source from its stored passages (others stay blank)."""
    lines: list[tuple[str, int | None]] = [("", None)] * count
    for chunk in session.scalars(select(db.TextChunk).where(db.TextChunk.source_id == source_id)):
        parts = chunk.text.split("\n")
        span = chunk.end_line - chunk.start_line + 1
        if len(parts) != span:
            parts = [chunk.text] + [""] * (span - 1)
        for offset, part in enumerate(parts):
            number = chunk.start_line + offset
            if 1 <= number <= count and part:
                lines[number - 1] = (part, chunk.page)
    return lines


def source_view(session: Session, source_id: int) -> SourceView | None:
    """Return the lines of source ``source_id`` with exempt lines withheld, or None if unknown."""
    source = session.get(db.Source, source_id)
    if source is None:
        return None
    lines = _read_lines(source.path, source.sha256)
    if lines is None:
        lines = tuple(_lines_from_chunks(session, source_id, source.line_count or 0))
    meeting_id = session.scalar(
        select(db.DocumentAppearance.meeting_id)
        .where(db.DocumentAppearance.source_id == source_id, db.DocumentAppearance.meeting_id.is_not(None))
        .order_by(db.DocumentAppearance.position)
        .limit(1)
    )
    return SourceView(source_id, Path(source.path).name, lines, withheld(session, source_id), meeting_id)
