"""Turn a parsed source into what the store writes, without touching the database.

This is the part of ingest that runs in worker processes: reading and parsing
the file, hashing each typed document's content (so a document republished in
another pack is recognised), working out which lines are exempt (Part II) and
cutting the public text into searchable passages with line spans.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from quorum.ingest import ingest_source
from quorum.model import Access, Line, NormalisedText, ParseResult
from quorum.normalise import normalise
from quorum.pipeline import parse_normalised

#: A passage ends after this many characters or lines, at the next line break.
CHUNK_CHARS = 1200
CHUNK_LINES = 12

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"^[\d\s.,()\-]*$")


@dataclass(slots=True)
class ChunkDraft:
    """A passage of public text: the innermost document it lies in (index or None) and its lines."""

    document: int | None
    start_line: int
    end_line: int
    page: int | None
    text: str


@dataclass(slots=True)
class Prepared:
    """A parsed source ready to store: the result, its raw lines, document hashes, exempt spans, passages."""

    result: ParseResult
    lines: list[str]
    document_hashes: list[str] = field(default_factory=list)
    fingerprints: list[tuple[list[str], list[str]]] = field(default_factory=list)
    exempt: list[tuple[int, int]] = field(default_factory=list)
    chunks: list[ChunkDraft] = field(default_factory=list)

    def verbatim(self, start: int, end: int | None = None, limit: int = 200) -> str | None:
        """Return raw lines ``start``..``end`` (at most ``limit`` lines) joined by newlines; None if exempt."""
        end = start if end is None or end < start else end
        if self.is_exempt(start, end):
            return None
        return "\n".join(self.lines[start - 1 : min(end, start + limit - 1)])

    def is_exempt(self, start: int, end: int | None = None) -> bool:
        """True when any line of ``start``..``end`` lies in an exempt span."""
        if not self.exempt:
            return False
        end = start if end is None else end
        return any(s <= end and start <= e for s, e in self.exempt)


def normalised_content(lines: list[Line]) -> list[str]:
    """Return a document's content lines in a form that survives republishing.

    Page furniture, blank lines, bare numbers (page numbers printed in
    tables), markup debris and typographic quotes are dropped or folded, and
    case is folded.
    """
    out = []
    for line in lines:
        if line.furniture is not None or not line.clean or _DIGITS.match(line.clean):
            continue
        text = _SPACE.sub(" ", re.sub(r"</?p>", " ", line.clean).translate(_QUOTES)).strip().casefold()
        if text:
            out.append(text)
    return out


def content_hash(lines: list[Line]) -> str:
    """Hash a document's content so the same text in two packs hashes alike (see :func:`normalised_content`)."""
    digest = hashlib.sha256()
    for text in normalised_content(lines):
        digest.update(text.encode("utf-8"))
        digest.update(b" ")
    return digest.hexdigest()


def fingerprint(lines: list[Line]) -> tuple[list[str], list[str]]:
    """Return (anchors, line hashes) for near-duplicate detection of a document.

    Line hashes are 12 hex digits per distinct normalised content line;
    anchors are the hashes of the five longest lines, the first being the
    document's own anchor. Two copies of a report that differ in a line or two
    (a garbled URL, a page number) share anchors and most line hashes.
    """
    content = normalised_content(lines)
    hashes = {text: hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] for text in content}
    longest = sorted(hashes, key=lambda t: (-len(t), t))[:5]
    return [hashes[t] for t in longest], sorted(set(hashes.values()))


def similarity(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Jaccard similarity of two sets of line hashes (0 when both are empty)."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 0.0


def exempt_spans(result: ParseResult) -> list[tuple[int, int]]:
    """Return the line spans of exempt (Part II) documents, agenda items and minutes."""
    spans: list[tuple[int, int]] = []
    for document in result.documents:
        if document.access == Access.EXEMPT:
            spans.append((document.span.start_line, document.span.end_line))
    for meeting in result.meetings:
        for item in meeting.agenda:
            if item.access == Access.EXEMPT:
                spans.append((item.line, max(item.line, item.end_line or item.line)))
    for minutes in result.minutes:
        for minute in minutes.items:
            if minute.access == Access.EXEMPT:
                spans.append((minute.line, max(minute.line, minute.end_line or minute.line)))
    return spans


def structured_spans(result: ParseResult) -> list[tuple[int, int]]:
    """Return spans stored as their own search passages (resolutions, agenda items, motions)."""
    spans: list[tuple[int, int]] = []
    for minutes in result.minutes:
        for minute in minutes.items:
            for resolution in minute.resolutions:
                spans.append((resolution.line, max(resolution.line, resolution.end_line or resolution.line)))
    for meeting in result.meetings:
        for item in meeting.agenda:
            spans.append((item.line, max(item.line, item.end_line or item.line)))
    for motion in result.motions:
        spans.append((motion.line, max(motion.line, motion.end_line)))
    return spans


def _innermost(result: ParseResult, count: int) -> list[int | None]:
    """Map each line (index 0 = line 1) to the index of the smallest document containing it."""
    owner: list[int | None] = [None] * (count + 1)
    size: list[int] = [count + 2] * (count + 1)
    for index, document in enumerate(result.documents):
        start, end = document.span.start_line, min(document.span.end_line, count)
        length = end - start
        for number in range(start, end + 1):
            if length < size[number]:
                size[number] = length
                owner[number] = index
    return owner[1:]


def _covered(spans: list[tuple[int, int]], count: int) -> bytearray:
    mask = bytearray(count + 2)
    for start, end in spans:
        for number in range(max(1, start), min(end, count) + 1):
            mask[number] = 1
    return mask


def chunk_lines(
    text: NormalisedText,
    owners: list[int | None],
    skip: bytearray,
) -> list[ChunkDraft]:
    """Cut the content lines of ``text`` into passages: paragraphs, capped in size, never across documents.

    ``owners[i]`` is the document of line ``i + 1``; lines with ``skip`` set
    (exempt or stored as their own passage) are left out.
    """
    chunks: list[ChunkDraft] = []
    current: list[Line] = []
    owner: int | None = None
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            chunks.append(
                ChunkDraft(
                    document=owner,
                    start_line=current[0].number,
                    end_line=current[-1].number,
                    page=current[0].page,
                    text="\n".join(line.clean for line in current),
                )
            )
        current = []
        size = 0

    for line in text.lines:
        number = line.number
        if skip[number] or not line.is_content:
            if not line.clean or skip[number]:
                flush()
            continue
        line_owner = owners[number - 1]
        if current and line_owner != owner:
            flush()
        owner = line_owner
        current.append(line)
        size += len(line.clean)
        if size >= CHUNK_CHARS or len(current) >= CHUNK_LINES:
            flush()
    flush()
    return chunks


def prepare(result: ParseResult, text: NormalisedText) -> Prepared:
    """Prepare a parse result of ``text`` for storing (hashes, exempt spans, passages)."""
    count = len(text.lines)
    spans = [text.lines[d.span.start_line - 1 : min(d.span.end_line, count)] for d in result.documents]
    hashes = [content_hash(lines) for lines in spans]
    fingerprints = [fingerprint(lines) for lines in spans]
    exempt = exempt_spans(result)
    skip = _covered(exempt + structured_spans(result), count)
    chunks = chunk_lines(text, _innermost(result, count), skip)
    return Prepared(
        result=result,
        lines=[line.raw for line in text.lines],
        document_hashes=hashes,
        fingerprints=fingerprints,
        exempt=exempt,
        chunks=chunks,
    )


def prepare_text(result: ParseResult, raw: str, pages: list[int | None] | None = None) -> Prepared:
    """Prepare a (possibly hand-built) parse result of the raw text ``raw``."""
    return prepare(result, normalise(result.source, raw, pages))


def prepare_path(path: str | Path) -> Prepared:
    """Read, parse and prepare the file at ``path`` (runs in a worker process).

    Raises :class:`quorum.errors.InputError` for unreadable input.
    """
    ingested = ingest_source(path)
    text = normalise(ingested.source, ingested.text, ingested.pages)
    result = parse_normalised(text)
    result.warnings[:0] = ingested.warnings
    return prepare(result, text)
