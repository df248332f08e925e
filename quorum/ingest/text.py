"""Read text and markdown packs (PDF conversions like the samples)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from quorum.errors import InputError
from quorum.ingest.files import read_bytes
from quorum.model import Source

#: Control characters other than tab, newline, carriage return and form feed
#: are a sign of a binary file rather than text.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
_BINARY_THRESHOLD = 0.01


def decode_text(data: bytes, path: str) -> str:
    """Decode bytes of a text pack as UTF-8 (BOM allowed), with CRLF folded to LF.

    Raises :class:`InputError` for empty, binary or non-UTF-8 input.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data[:65536]:
        raise InputError(path, "the file is binary (it contains NUL bytes), not a text pack")
    sample = data[:65536]
    control = sum(sample.count(bytes([c])) for c in _CONTROL_BYTES)
    if control / len(sample) > _BINARY_THRESHOLD:
        raise InputError(path, "the file is binary (too many control characters), not a text pack")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"the file is not valid UTF-8 (byte {error.start}: {data[error.start : error.start + 1]!r})"
        ) from None
    if not text.strip():
        raise InputError(path, "the file is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_overlong_lines(text, path)
    return text


#: No page of a meeting pack holds a line anywhere near this long; such a file is a dump, not a pack.
MAX_LINE_CHARS = 1_000_000


def _refuse_overlong_lines(text: str, path: str) -> None:
    """Raise InputError when a line of ``text`` is longer than :data:`MAX_LINE_CHARS`."""
    if len(text) <= MAX_LINE_CHARS:
        return
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE_CHARS:
            raise InputError(
                path, f"line {number} is {stop - start:,} characters long (a pack's lines are under {MAX_LINE_CHARS:,})"
            )
        if end < 0:
            return
        start, number = end + 1, number + 1


def read_text_source(path: str | Path) -> tuple[Source, str]:
    """Read a text pack from ``path`` and return its Source record and decoded text.

    Raises :class:`InputError` when the file is missing, empty, binary or not UTF-8.
    """
    path = Path(path)
    data = read_bytes(path)
    text = decode_text(data, str(path))
    source = Source(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        line_count=text.count("\n") + 1,
        kind="text",
    )
    return source, text
