"""Read a pack's front sheet far enough to link documents to agenda items and pages.

This is deliberately small: the front-sheet extractor builds the full Meeting
record. Here we only need, for each numbered item, its number, title, line,
page range and whether it sits in the private (Part II) part of the agenda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quorum.model import NormalisedText
from quorum.segment.signals import parse_date

_ITEM = re.compile(
    r"^(\d{1,2}[a-z]?)\.\s+(?!“|\")(.+?)\s*(?:\((Pages?\s+(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?|To\s+Follow)\)\.?)?\s*$",
    re.IGNORECASE,
)
_PART_TWO = re.compile(
    r"\bPART\s+(?:II|2|TWO)\b(?!\s*-\s*NIL)|EXCLUSION OF THE PRESS AND PUBLIC|AGENDA\s*-\s*PRIVATE", re.I
)
_AGENDA_WORD = re.compile(r"\b(?:AGENDA|SUMMONS|Agenda|Summons)\b")
_NIL = re.compile(r"\bNIL\b|EXPECTED THAT ALL OF THE ABOVE", re.I)
_FRONT_TITLE = re.compile(r"\s*(?:SUMMONS\s+AND\s+AGENDA|SUMMONS|AGENDA|MEETING)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class ItemRef:
    """One agenda item as the segmenter needs it."""

    number: str
    title: str
    line: int
    pages: tuple[int, int] | None
    exempt: bool = False


@dataclass(slots=True)
class FrontSheet:
    """The meeting a pack is for, and its numbered items."""

    start: int
    body: str | None
    date: str | None
    date_raw: str | None
    items: list[ItemRef]


def _item_title(line_title: str) -> str:
    """Strip markdown emphasis and a trailing colon from an agenda item title."""
    return line_title.strip().strip("*").strip().rstrip(":").strip().strip("*").strip()


def parse_front_sheet(text: NormalisedText, first: int, limit: int) -> FrontSheet | None:
    """Parse the front sheet that starts at line ``first``, looking no further than ``limit``.

    Returns None when the lines do not look like an agenda (fewer than three
    numbered items in sequence from 1).
    """
    items: list[ItemRef] = []
    exempt = False
    expected = 1
    for number in range(first, min(limit, len(text.lines)) + 1):
        line = text.lines[number - 1]
        clean = line.clean
        if not clean or line.furniture or line.cells:
            continue
        if _PART_TWO.search(clean) and not _NIL.search(clean) and not _ITEM.match(clean):
            exempt = True
        match = _ITEM.match(clean)
        if not match:
            continue
        num = match.group(1)
        digits = int(re.match(r"\d+", num).group())  # type: ignore[union-attr]
        if digits != expected and not (digits == expected - 1 and num[-1].isalpha()):
            continue
        expected = digits + 1
        title = _item_title(match.group(2))
        if not title or len(title) > 300:
            continue
        pages: tuple[int, int] | None = None
        if match.group(4):
            low = int(match.group(4))
            high = int(match.group(5)) if match.group(5) else low
            if high >= low:
                pages = (low, high)
        items.append(ItemRef(num, title, number, pages, exempt=exempt))
        if re.search(r"EXCLUSION OF THE PRESS AND PUBLIC", title, re.I):
            exempt = True
    if len(items) < 3 or items[0].number not in ("1", "1a"):
        return None
    heading = " ".join(text.lines[n - 1].clean for n in range(first, items[0].line))
    if not (_AGENDA_WORD.search(heading) or any(item.pages for item in items)):
        return None
    body, date_iso, date_raw = _meeting_heading(text, first, items[0].line)
    return FrontSheet(first, body, date_iso, date_raw, items)


def _meeting_heading(text: NormalisedText, first: int, stop: int) -> tuple[str | None, str | None, str | None]:
    """Return (body, ISO date, raw date) from the heading lines of a front sheet."""
    body: str | None = None
    found: tuple[str, str] | None = None
    for number in range(first, min(stop, first + 25)):
        clean = text.lines[number - 1].clean
        if not clean:
            continue
        if body is None:
            stripped = _FRONT_TITLE.sub("", clean).strip()
            body = stripped or clean
        if found is None:
            found = parse_date(clean)
        if body and found:
            break
    return body, (found[0] if found else None), (found[1] if found else None)
