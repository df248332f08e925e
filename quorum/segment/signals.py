"""Line-level signals the segmenter reads: dates, headings, report and minutes markers.

Every function here looks at one line (or a handful of neighbouring lines) of a
:class:`~quorum.model.NormalisedText` and answers a narrow question, so that the
segmenter itself stays a readable sequence of decisions.
"""

from __future__ import annotations

import functools
import re

from quorum.model import Line, NormalisedText, fold_whitespace
from quorum.normalise.dates import find_date

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
_MARKUP = re.compile(r"<[^>]*>|\*\*|~~|__")


def line_date(line: Line) -> tuple[str, str] | None:
    """Find the first date on a line: ``(iso, raw)`` with ``raw`` verbatim in the raw line, or None."""
    found = find_date(line.clean, numeric=False)
    if found is None:
        return None
    raw = verbatim_in(line.raw, found[1])
    return (found[0], raw) if raw else None


def significant_words(text: str) -> set[str]:
    """Return the lower-case content words of ``text`` (dots inside initialisms removed)."""
    words = _WORD.findall(text.lower().replace(".", "").replace("'s", ""))
    return {w for w in words if w not in _STOPWORDS and (len(w) > 2 or w.isdigit())}


def title_similarity(wanted: str, found: str) -> float:
    """Share of the significant words of ``wanted`` that also occur in ``found`` (0..1)."""
    need = significant_words(wanted)
    if not need:
        return 0.0
    return len(need & significant_words(found)) / len(need)


def upper_ratio(text: str) -> float:
    """Return the share of cased letters in ``text`` that are upper case (0 when there are none)."""
    upper = sum(map(str.isupper, text))
    cased = upper + sum(map(str.islower, text))
    return upper / cased if cased else 0.0


def is_heading_like(clean: str, max_chars: int = 120, max_words: int = 16) -> bool:
    """True when a clean line reads as a title: short, not a bullet or sentence, no field colon."""
    if not clean or len(clean) > max_chars or "\t" in clean:
        return False
    if BULLET.match(clean) or clean.startswith(("|", "(", "[", "*")):
        return False
    if clean[-1] in ".:;," or URL.search(clean):
        return False
    if len(clean.split()) > max_words:
        return False
    return clean[0].isalnum() or clean[0] in "“\"'"


def is_caps_heading(clean: str) -> bool:
    """True for an upper-case title line with at least one real word (e.g. ``PROGRESS ON PRIORITIES``)."""
    if not is_heading_like(clean, max_chars=100, max_words=14):
        return False
    if upper_ratio(clean) < 0.9:
        return False
    return any(len(w) >= 4 and w.isalpha() for w in re.split(r"\W+", clean))


def content_lines(text: NormalisedText, start: int, end: int) -> list[int]:
    """Return the numbers of the content lines between ``start`` and ``end`` inclusive."""
    end = min(end, len(text.lines))
    return [n for n in range(max(start, 1), end + 1) if text.lines[n - 1].is_content]


def blank_lines_before(text: NormalisedText, number: int) -> int:
    """Count the empty lines directly above line ``number``."""
    count = 0
    n = number - 1
    while n >= 1 and not text.lines[n - 1].clean:
        count += 1
        n -= 1
    return count


_GAP = r"(?:<[^>]*>|\*\*|~~|__)*"
_SPACE_GAP = r"(?:\s|<[^>]*>|\*\*|~~|__)+"
_OPEN_TAG_BEFORE = re.compile(r"<([A-Za-z]+)\b[^>]*>$")
_CLOSE_TAG_AFTER = re.compile(r"^</([A-Za-z]+)>")


#: Callers pass the same whole source text many times; fold it once (str hashes are cached by CPython).
_fold_source = functools.lru_cache(maxsize=4)(fold_whitespace)


def verbatim_in(raw: str, value: str) -> str | None:
    """Return ``value`` as it stands in ``raw`` (white space folded on both), or None when it is not there.

    ``value`` is read from clean views (markup removed). When its folded form
    occurs in the folded raw text it is returned unchanged; otherwise the raw
    slice that spells it with markup in between (``<u>Safer</u> Harrow`` for
    "Safer Harrow") is returned, so the result is always verbatim in ``raw``.
    """
    folded_raw = _fold_source(raw)
    folded = fold_whitespace(value)
    if not folded:
        return None
    if folded in folded_raw:
        return value
    pattern = "".join(_SPACE_GAP if char == " " else re.escape(char) + _GAP for char in folded)
    match = re.search(pattern.removesuffix(_GAP), folded_raw)
    if not match:
        return None
    return _balance(folded_raw, match.start(), match.end())


def _balance(raw: str, start: int, end: int) -> str:
    """Widen ``raw[start:end]`` over markup just outside it that pairs with markup left open inside it."""
    for token in ("**", "~~", "__"):
        if raw.count(token, start, end) % 2:
            if raw.endswith(token, 0, start):
                start -= len(token)
            elif raw.startswith(token, end):
                end += len(token)
    for _ in range(4):
        inside = raw[start:end]
        before = _OPEN_TAG_BEFORE.search(raw, 0, start)
        if before and f"</{before.group(1).lower()}>" in inside.lower() and f"<{before.group(1)}" not in inside:
            start = before.start()
            continue
        after = _CLOSE_TAG_AFTER.match(raw[end:])
        if after and re.search(rf"<{after.group(1)}\b", inside, re.I) and f"</{after.group(1)}" not in inside:
            end += after.end()
            continue
        break
    return raw[start:end]


def verbatim_value(text: NormalisedText, first: int, last: int, value: str) -> str | None:
    """Return ``value`` as it stands in the raw lines ``first``..``last`` (see :func:`verbatim_in`), or None."""
    return verbatim_in(text.raw_between(first, last), value)


def verbatim_join(text: NormalisedText, numbers: list[int]) -> str | None:
    """Join the clean views of ``numbers`` into one string that is verbatim in the source.

    The joined clean text is returned when it occurs in the white-space-folded raw
    text of those lines (without a leading "Label:" if need be); otherwise the raw
    slice that spells it across markup; failing that the longest single clean line
    that is verbatim, or a markup-free piece of the first line, or None.
    """
    if not numbers:
        return None
    raw = fold_whitespace(text.raw_between(numbers[0], numbers[-1]))
    joined = fold_whitespace(" ".join(text.lines[n - 1].clean for n in numbers))
    if joined and joined in raw:
        return joined
    unlabelled = re.sub(r"^[A-Za-z][A-Za-z ]{0,30}:\s*", "", joined)
    if unlabelled and unlabelled in raw:
        return unlabelled
    spelled = verbatim_in(raw, unlabelled or joined)
    if spelled:
        return spelled
    for n in sorted(numbers, key=lambda k: -len(text.lines[k - 1].clean)):
        clean = fold_whitespace(text.lines[n - 1].clean)
        if clean and clean in fold_whitespace(text.lines[n - 1].raw):
            return clean
    pieces = [fold_whitespace(p) for p in _MARKUP.split(text.lines[numbers[0] - 1].raw)]
    pieces = [p for p in pieces if p]
    for piece in pieces:
        if len(piece.split()) >= 3:
            return piece
    return max(pieces, key=len) if pieces else None
