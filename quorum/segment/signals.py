"""Line-level signals the segmenter reads: dates, headings, report and minutes markers.

Every function here looks at one line (or a handful of neighbouring lines) of a
:class:`~quorum.model.NormalisedText` and answers a narrow question, so that the
segmenter itself stays a readable sequence of decisions.
"""

from __future__ import annotations

import functools
import re

from quorum.model import Line, NormalisedText
from quorum.normalise.dates import find_date
from quorum.normalise.lines import upper_ratio
from quorum.normalise.verbatim import verbatim_in

REPORT_FOR = re.compile(r"^REPORT\s+FOR\s*:?\s*(.*)$", re.IGNORECASE)
MINUTES_OF = re.compile(r"^(?:Minutes\s+of\s+(?:the|a)\s+.*meeting|Record\s+of\s+(?:the\s+)?decisions\s+taken)", re.I)
MINUTES_WORD = re.compile(r"\bMINUTES\b")
APPENDIX_HEADING = re.compile(r"^(?:APPENDIX|Appendix|ANNEX|Annex)\s+(?:(?:[0-9]{1,2}|[A-Z]|[IVX]{1,5})\b|\*)")
RESTRICTED = re.compile(r"^Document is Restricted$|\bnot for publication\b|^By virtue of paragraph", re.I)
AGENDA_ITEM_MARKER = re.compile(r"^Agenda\s+Item\s+(\d{1,3}[a-z]?(?:\.\d{1,2})?)\s*$", re.I)
PAGE_MARKER = re.compile(r"^Page\s+(\d{1,4})$", re.I)
CONTENTS = re.compile(r"^(?:CONTENTS|Contents|INDEX|Index|Table of Contents)$")
MINUTES_CLOSE = re.compile(
    r"^[(\[]\s*(?:CLOSE OF MEETING|Note\s*:\s*The meeting,? having commenced)|"
    r"^The meeting (?:finished|ended|closed) at\b",
    re.I,
)
SIGNATURE = re.compile(r"^\(?signed\)?|^chair(?:man|person)?$|in the chair$|^date\s*:", re.I)
URL = re.compile(r"https?://|www\.|@\w")
BULLET = re.compile(r"^(?:[-•·*]\s|\d{1,3}[.)]\s|\([ivx\d]{1,4}\)\s)")

_STOPWORD_TEXT = """a an and are as at be by for from in into is it of on or the to with this that these those
report reports information item update council board committee panel page pages appendix enclosure enclosures"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
_NON_WORD = re.compile(r"\W+")


def line_date(line: Line) -> tuple[str, str] | None:
    """Find the first date on a line: ``(iso, raw)`` with ``raw`` verbatim in the raw line, or None."""
    found = find_date(line.clean, numeric=False)
    if found is None:
        return None
    raw = verbatim_in(line.raw, found[1])
    return (found[0], raw) if raw else None


def significant_words(text: str) -> set[str]:
    """Return the lower-case content words of ``text`` (dots inside initialisms removed)."""
    return set(_significant_words(text))


@functools.lru_cache(maxsize=4096)
def _significant_words(text: str) -> frozenset[str]:
    """:func:`significant_words`, read once per text (agenda titles are matched against many headings)."""
    words = _WORD.findall(text.lower().replace(".", "").replace("'s", ""))
    return frozenset(w for w in words if w not in _STOPWORDS and (len(w) > 2 or w.isdigit()))


def title_similarity(wanted: str, found: str) -> float:
    """Share of the significant words of ``wanted`` that also occur in ``found`` (0..1)."""
    need = _significant_words(wanted)
    if not need:
        return 0.0
    return len(need & _significant_words(found)) / len(need)


def is_heading_like(clean: str, max_chars: int = 120, max_words: int = 16) -> bool:
    """True when a clean line reads as a title: short, not a bullet or sentence, no field colon."""
    if not clean or len(clean) > max_chars or "\t" in clean or clean[-1] in ".:;,":
        return False
    if not (clean[0].isalnum() or clean[0] in "“\"'") or clean.startswith(("|", "(", "[", "*")):
        return False
    if BULLET.match(clean) or URL.search(clean):
        return False
    return len(clean.split()) <= max_words


def is_caps_heading(clean: str) -> bool:
    """True for an upper-case title line with at least one real word (e.g. ``PROGRESS ON PRIORITIES``)."""
    if not is_heading_like(clean, max_chars=100, max_words=14):
        return False
    if upper_ratio(clean) < 0.9:
        return False
    return any(len(w) >= 4 and w.isalpha() for w in _NON_WORD.split(clean))


_NOT_ASCII_UPPER = bytes(byte for byte in range(256) if not 65 <= byte <= 90 and byte != 10)
_NOT_ASCII_LOWER = bytes(byte for byte in range(256) if not 97 <= byte <= 122 and byte != 10)
_ASCII_BUT_NEWLINE = bytes(byte for byte in range(128) if byte != 10)


def upper_ratios(texts: list[str]) -> list[float]:
    """Return ``upper_ratio`` of each of ``texts`` (none may hold a newline), counted in one pass.

    The texts are joined by newlines as UTF-8; deleting all bytes but the upper-case (then the lower-case) ASCII
    letters and the newlines leaves each text's letters of that case between the newlines (UTF-8 never uses a
    byte below 128 inside a non-ASCII character). The non-ASCII characters of a text, found the same way, are
    counted by ``str.isupper`` / ``str.islower`` as ``upper_ratio`` counts them.
    """
    if not texts:
        return []
    data = "\n".join(texts).encode("utf-8", "surrogatepass")
    uppers = data.translate(None, _NOT_ASCII_UPPER).split(b"\n")
    lowers = data.translate(None, _NOT_ASCII_LOWER).split(b"\n")
    if len(uppers) != len(texts):
        raise ValueError("a text holds a newline")
    ratios = [
        len(upper) / (len(upper) + len(lower)) if upper or lower else 0.0
        for upper, lower in zip(uppers, lowers, strict=True)
    ]
    for index, rest in enumerate(data.translate(None, _ASCII_BUT_NEWLINE).split(b"\n")):
        if rest:
            others = rest.decode("utf-8", "surrogatepass")
            upper = len(uppers[index]) + sum(map(str.isupper, others))
            cased = upper + len(lowers[index]) + sum(map(str.islower, others))
            ratios[index] = upper / cased if cased else 0.0
    return ratios


def content_lines(text: NormalisedText, start: int, end: int) -> list[int]:
    """Return the numbers of the content lines between ``start`` and ``end`` inclusive."""
    return text.content_numbers(max(start, 1), end)


def blank_lines_before(text: NormalisedText, number: int) -> int:
    """Count the empty lines directly above line ``number``."""
    count = 0
    n = number - 1
    while n >= 1 and not text.lines[n - 1].clean:
        count += 1
        n -= 1
    return count
