"""Values printed in report templates: dates, Yes/No answers and councillors' names.

Kept apart from the report reader so that both the template reader
(:mod:`quorum.extract.reports`) and the reader of untemplated papers
(:mod:`quorum.extract.report_papers`) can use them.
"""

from __future__ import annotations

import datetime
import re

_YES = re.compile(r"^\W*(yes|y)\b", re.I)
_NO = re.compile(r"^\W*(no|n|none|not\s+applicable|n/a)\b", re.I)
_COUNCILLOR = re.compile(r"^(?:councillor|cllr\.?)\s+", re.I)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    )
}
_DATE_WORDS = re.compile(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    """Return the ISO date for a real calendar day, else None."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(raw: str) -> tuple[str | None, str | None]:
    """Parse the first date in ``raw``; return (ISO date, the verbatim date text) or (None, None)."""
    match = _DATE_WORDS.search(raw)
    if match:
        month = _MONTHS.get(match.group(2)[:3].lower())
        if month:
            iso = _iso(int(match.group(3)), month, int(match.group(1)))
            if iso:
                return iso, match.group(0)
    match = _DATE_NUMERIC.search(raw)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        iso = _iso(year + 2000 if year < 100 else year, month, day)
        if iso:
            return iso, match.group(0)
    return None, None


def parse_bool(raw: str) -> bool | None:
    """Read a Yes/No field value ("Yes", "NO", "No – information report", "N/A") as a boolean."""
    if _YES.match(raw):
        return True
    if _NO.match(raw):
        return False
    return None


def strip_councillor(name: str) -> str:
    """Drop a leading "Councillor"/"Cllr" from a name as printed."""
    return _COUNCILLOR.sub("", name).strip()
