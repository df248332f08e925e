"""Query filters shared by the API, the pages and the feeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Path, Query

#: Largest id accepted in a path (keeps SQLite integers in range).
MAX_ID = 2**62
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="Record id.")]
DateFrom = Annotated[dt.date | None, Query(description="On or after this date (YYYY-MM-DD).")]
DateTo = Annotated[dt.date | None, Query(description="On or before this date (YYYY-MM-DD).")]


@dataclass(slots=True)
class Filters:
    """Filters of a list or search; every field is optional and None means "any"."""

    body: int | None = None
    person: int | None = None
    meeting: int | None = None
    kind: str | None = None
    q: str | None = None
    date_from: dt.date | str | None = None
    date_to: dt.date | str | None = None

    def date_range(self) -> tuple[str | None, str | None]:
        """Return the date range as ISO strings (None for an open end)."""
        start = self.date_from.isoformat() if isinstance(self.date_from, dt.date) else self.date_from or None
        end = self.date_to.isoformat() if isinstance(self.date_to, dt.date) else self.date_to or None
        return start, end

    def date_ok(self, date: str | None) -> bool:
        """True when ISO ``date`` lies in the range (undated records pass only an open range)."""
        start, end = self.date_range()
        if start is None and end is None:
            return True
        if not date:
            return False
        return (start is None or date >= start) and (end is None or date <= end)

    def text_ok(self, *texts: str | None) -> bool:
        """True when the ``q`` filter is unset or occurs (case-insensitively) in one of ``texts``."""
        if not self.q:
            return True
        needle = self.q.casefold()
        return any(needle in (text or "").casefold() for text in texts)
