"""Dates and clock times as UK council papers print them, normalised beside the verbatim text.

``find_date`` reads "Thursday 28 September 2017", "WEDNESDAY 13 MARCH 2013",
"Tuesday, 14 January 2025", "9 th December 2014", "27th June 2013",
"January 14, 2025", "14/01/2025" and "20.07.17"; ``find_time`` reads "7.30 pm",
"6.00 PM", "10.00 a.m.", "7pm", "19:00" and "12 noon". Each returns the ISO /
24-hour value together with the verbatim slice of the input and its offsets, so
callers keep ``date_raw`` / ``time_raw`` exact. The standard library's
``strptime`` cannot find a date inside a longer line nor accept "9 th", and
dateutil's fuzzy parser reads dates into figures that are not dates, hence
these small rules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

#: Month numbers by the first three letters of the month's name ("sept"[:3] is "sep").
MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:the\s+)?)"
_DAY_FIRST = re.compile(
    rf"\b{_WEEKDAY}?(?P<day>[0-3]?\d)\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"\b{_WEEKDAY}?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d|\d\d)(?![\d])")

#: A written day-first date, for callers that test whether a line starts with one.
DATE_RE = _DAY_FIRST

_TIME = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>a\.?\s?m\.?|p\.?\s?m\.?|noon|midday|hrs|hours)(?![a-z])"
    r"|(?<![\d.:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    r"|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)


class FoundDate(NamedTuple):
    """A date found in text: ISO value, the verbatim slice, and its offsets."""

    iso: str
    raw: str
    start: int
    end: int


class FoundTime(NamedTuple):
    """A clock time found in text: 24-hour ``HH:MM``, the verbatim slice, and its offsets."""

    hhmm: str
    raw: str
    start: int
    end: int


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _written(match: re.Match[str]) -> FoundDate | None:
    iso = _iso(int(match.group("year")), MONTHS[match.group("month").lower()[:3]], int(match.group("day")))
    if iso is None:
        return None
    raw = match.group(0).rstrip(",. ")
    return FoundDate(iso, raw, match.start(), match.start() + len(raw))


def find_date(text: str, *, numeric: bool = True) -> FoundDate | None:
    """Find the first printed calendar date in ``text``.

    Written dates (day-first or month-first, weekday included when printed) win;
    with ``numeric`` true, "14/01/2025" or "20.07.17" is taken when no written
    date is present. Returns a :class:`FoundDate` or None.
    """
    best: FoundDate | None = None
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for match in pattern.finditer(text):
            found = _written(match)
            if found is not None:
                if best is None or found.start < best.start:
                    best = found
                break
    if best is not None or not numeric:
        return best
    for match in _NUMERIC.finditer(text):
        year = int(match.group("year"))
        if year < 100 and text.startswith(".", match.end()):
            continue  # "3.1.12." numbers a clause; a two-digit-year date is not followed by a dot
        iso = _iso(year + 2000 if year < 100 else year, int(match.group("month")), int(match.group("day")))
        if iso:
            return FoundDate(iso, match.group(0), match.start(), match.end())
    return None


def is_date_only(text: str) -> bool:
    """True when ``text`` is nothing but a written date (a minutes heading's date line)."""
    stripped = text.strip().strip("*").strip().strip("()").strip().rstrip(".").strip()
    found = find_date(stripped, numeric=False)
    return found is not None and found.start == 0 and found.end == len(stripped)


def _time_value(match: re.Match[str]) -> str | None:
    if match.group("noon"):
        return "12:00"
    if match.group("hour24"):
        return f"{int(match.group('hour24')):02d}:{match.group('minute24')}"
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    half = match.group("half").lower().replace(".", "").replace(" ", "")
    if half in ("noon", "midday"):
        return "12:00" if hour == 12 and minute == 0 else None
    if half in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[FoundTime]:
    """Return every printed clock time in ``text``, in order."""
    found: list[FoundTime] = []
    for match in _TIME.finditer(text):
        value = _time_value(match)
        if value is not None:
            raw = match.group(0).strip()
            start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            found.append(FoundTime(value, raw, start, start + len(raw)))
    return found


def find_time(text: str) -> FoundTime | None:
    """Return the first printed clock time in ``text``, or None.

    "12 noon" and "midday" give 12:00; "12.30 pm" gives 12:30 and "12 am" 00:00.
    """
    times = find_times(text)
    return times[0] if times else None


def parse_time(text: str) -> str | None:
    """Return the first clock time in ``text`` as 24-hour ``HH:MM``, or None."""
    found = find_time(text)
    return found.hhmm if found else None
