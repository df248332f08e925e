"""Dates and clock times as UK council papers print them.

``find_date`` reads "Thursday 28 September 2017", "WEDNESDAY 13 MARCH 2013",
"Tuesday, 14 January 2025", "9 th December 2014", "27th June 2013",
"January 14, 2025" and "14/01/2025"; ``find_time`` reads "7.30 pm", "6.00 PM",
"10.00 a.m.", "7pm", "19:00" and "12 noon". Both return the ISO / 24-hour value
together with the verbatim slice of the input it was read from, so callers can
keep ``date_raw`` / ``time_raw`` exact. The standard library's ``strptime`` does
not find a date inside a longer line nor accept "9 th", hence these small rules.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
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
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")

_TIME = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>a\.?\s?m\.?|p\.?\s?m\.?|noon|midday|hrs|hours)(?![a-z])"
    r"|(?<![\d.:])(?P<hour24>[01]\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    r"|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, str] | None:
    """Find the first printed calendar date in ``text``.

    Returns ``(iso, raw)`` where ``iso`` is YYYY-MM-DD and ``raw`` the verbatim
    slice it was read from (weekday included when printed), or ``None``.
    """
    best: tuple[int, str, str] | None = None
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for match in pattern.finditer(text):
            month = MONTHS[match.group("month").lower()[:3]]
            iso = _iso(int(match.group("year")), month, int(match.group("day")))
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso, match.group(0).rstrip(",. "))
            break
    if best is None:
        match = _NUMERIC.search(text)
        if match:
            iso = _iso(int(match.group("year")), int(match.group("month")), int(match.group("day")))
            if iso:
                return iso, match.group(0)
        return None
    return best[1], best[2]


def find_time(text: str) -> tuple[str, str] | None:
    """Find the first printed clock time in ``text``.

    Returns ``(hh_mm, raw)`` with a 24-hour ``HH:MM`` value and the verbatim
    slice it was read from, or ``None``. "12 noon" and "midday" give 12:00;
    "12.30 pm" gives 12:30 and "12 am" 00:00.
    """
    for match in _TIME.finditer(text):
        if match.group("noon"):
            return "12:00", match.group(0)
        if match.group("hour24"):
            return f"{int(match.group('hour24')):02d}:{match.group('minute24')}", match.group(0)
        hour = int(match.group("hour"))
        minute = int(match.group("minute") or 0)
        half = match.group("half").lower().replace(".", "").replace(" ", "")
        if half in ("noon", "midday"):
            if hour != 12:
                continue
        elif half == "pm":
            if hour > 12:
                continue
            if hour < 12:
                hour += 12
        elif half == "am":
            if hour > 12:
                continue
            if hour == 12:
                hour = 0
        return f"{hour:02d}:{minute:02d}", match.group(0).strip()
    return None
