"""Ingest: read a source (text pack, PDF, ModernGov) into raw text and a Source record.

:func:`read_source` dispatches on the file suffix: ``.txt``/``.md``/``.markdown``
to the text reader, ``.pdf`` to the PDF reader. Files with another suffix are
sniffed: a ``%PDF-`` header means PDF, anything else is read as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quorum.errors import InputError
from quorum.ingest.pdf import read_pdf_source
from quorum.ingest.text import read_text_source
from quorum.model import Source

__all__ = ["READERS", "Ingested", "ingest_source", "read_pdf_source", "read_source", "read_text_source"]


@dataclass(slots=True)
class Ingested:
    """A read source: its record, raw text, page of each line (PDF only) and reader warnings."""

    source: Source
    text: str
    pages: list[int | None] | None = None
    warnings: list[str] = field(default_factory=list)


def _ingest_text(path: Path) -> Ingested:
    source, text = read_text_source(path)
    return Ingested(source, text)


def _ingest_pdf(path: Path) -> Ingested:
    source, extracted = read_pdf_source(path)
    return Ingested(source, extracted.text, extracted.pages, list(extracted.warnings))


#: Reader by lower-case file suffix.
READERS: dict[str, Callable[[Path], Ingested]] = {
    ".txt": _ingest_text,
    ".md": _ingest_text,
    ".markdown": _ingest_text,
    ".pdf": _ingest_pdf,
}


def _sniff(path: Path) -> Callable[[Path], Ingested]:
    """Pick a reader for a file whose suffix is not registered by looking at its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return _ingest_text  # the text reader reports missing or unreadable files clearly
    return _ingest_pdf if b"%PDF-" in head else _ingest_text


def ingest_source(path: str | Path) -> Ingested:
    """Read the file at ``path`` with the reader for its suffix; return an :class:`Ingested`.

    Raises :class:`InputError` when the file cannot be read as a council document.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    reader = READERS.get(path.suffix.lower()) or _sniff(path)
    return reader(path)


def read_source(path: str | Path) -> tuple[Source, str, list[int | None] | None]:
    """Read the file at ``path`` and return ``(source, text, pages)``; pages is None for text.

    Raises :class:`InputError` when the file cannot be read as a council document.
    """
    ingested = ingest_source(path)
    return ingested.source, ingested.text, ingested.pages
