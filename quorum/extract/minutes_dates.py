"""Dates and clock times as UK minutes print them.

Minutes print dates in words ("18 MAY 2017", "Thursday 6 December 2012",
"Tuesday, 14th January 2025") and times in the twelve-hour clock ("8.29 pm",
"7pm", "6.02 p.m.", "12 noon") or, now and then, the 24-hour clock ("19:30").
These helpers find them in a line and normalise them to ISO ``YYYY-MM-DD`` and
``HH:MM``. A small regular expression is used rather than ``dateutil``'s fuzzy
parser because we also need the verbatim span of the date in the line, and the
fuzzy parser happily reads dates into figures that are not dates.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_DAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"

DATE_RE = re.compile(
    r"(?:\b" + _DAY_NAMES + r",?\s+)?"
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAMES + r")\.?,?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_NUMERIC_DATE_RE = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4}|\d{2})\b")

#: A line that holds nothing but a date ("18 MAY 2017", "Thursday 6 December 2012").
DATE_ONLY_RE = re.compile(r"^\(?\s*" + DATE_RE.pattern + r"\s*\)?\.?$", re.IGNORECASE)

TIME_RE = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<noon>12(?:[.:]00)?\s*(?:noon|midday)|noon|midday)\b"
    r"|\b(?P<h24>[01]?\d|2[0-3])[:](?P<m24>[0-5]\d)\b(?!\s*(?:am|pm|a\.m|p\.m))",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class FoundDate:
    """A date found in a line: the ISO value and the verbatim text it was read from."""

    iso: str
    raw: str
    start: int
    end: int


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> FoundDate | None:
    """Return the first valid written date in ``text`` (e.g. "Thursday 6 December 2012"), or None.

    Falls back to numeric dates ("14/01/2025", "20.07.17") when no written date is present.
    """
    for match in DATE_RE.finditer(text):
        month = _MONTHS[match.group("month")[:3].lower()]
        iso = _iso(int(match.group("year")), month, int(match.group("day")))
        if iso:
            raw = match.group(0).strip().rstrip(",")
            return FoundDate(iso, raw, match.start(), match.end())
    for match in _NUMERIC_DATE_RE.finditer(text):
        year = int(match.group("year"))
        if year < 100:
            year += 2000
        iso = _iso(year, int(match.group("month")), int(match.group("day")))
        if iso:
            return FoundDate(iso, match.group(0), match.start(), match.end())
    return None


def is_date_only(text: str) -> bool:
    """True when ``text`` is nothing but a written date (a minutes heading's date line)."""
    return bool(DATE_ONLY_RE.match(text.strip().strip("*").strip()))


def parse_time(raw: str) -> str | None:
    """Normalise one printed time ("8.29 pm", "7pm", "12 noon", "19:30") to 24-hour ``HH:MM``."""
    match = TIME_RE.search(raw)
    if not match:
        return None
    return _time_from_match(match)


def _time_from_match(match: re.Match[str]) -> str | None:
    if match.group("noon"):
        return "12:00"
    if match.group("h24"):
        return f"{int(match.group('h24')):02d}:{match.group('m24')}"
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    is_pm = match.group("ampm").lower().startswith("p")
    if is_pm and hour != 12:
        hour += 12
    if not is_pm and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[tuple[str, int]]:
    """Return every time in ``text`` as ``(HH:MM, offset)`` pairs, in order."""
    out: list[tuple[str, int]] = []
    for match in TIME_RE.finditer(text):
        value = _time_from_match(match)
        if value:
            out.append((value, match.start()))
    return out
