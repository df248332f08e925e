"""Values printed in report templates: dates, Yes/No answers and councillors' names.

Kept apart from the report reader so that both the template reader
(:mod:`quorum.extract.reports`) and the reader of untemplated papers
(:mod:`quorum.extract.report_papers`) can use them.
"""

from __future__ import annotations

import re

from quorum.normalise.dates import find_date

_YES = re.compile(r"^\W*(yes|y)\b", re.I)
_NO = re.compile(r"^\W*(no|n|none|not\s+applicable|n/a)\b", re.I)
_COUNCILLOR = re.compile(r"^(?:councillor|cllr\.?)\s+", re.I)


def parse_date(raw: str) -> tuple[str | None, str | None]:
    """Parse the first date in ``raw``; return (ISO date, the verbatim date text) or (None, None)."""
    found = find_date(raw)
    return (found.iso, found.raw) if found else (None, None)


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
