"""Clerk-entered attendance (from a web service such as ModernGov) beside attendance read from minutes.

ModernGov records attendance as the clerk typed it ("Present", "Apologies",
"Expected" before anyone has recorded it...). :func:`clerk_status` maps those
values onto the store's statuses; :func:`attendance_disagreements` compares
the clerk's rows (``attendance.origin`` "clerk") with the minutes' rows
(origin "minutes") of the same meeting and lists where they disagree, each
side with its citation; :func:`disagreement_table` renders them for the
command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from quorum.resolve.names import fold
from quorum.store import schema as s

__all__ = ["AttendanceDisagreement", "attendance_disagreements", "attended", "clerk_status", "disagreement_table"]

#: Attendance statuses that mean the person was there, and that they were not.
ATTENDED = frozenset({"present", "in_attendance", "reserve"})
NOT_ATTENDED = frozenset({"apologies", "absent"})


def clerk_status(raw: str | None) -> str:
    """Map a ModernGov attendance value to a status.

    Returns present | in_attendance | apologies | absent | expected (not yet
    recorded) | not_required | unknown. "Present as substitute" is present;
    "Apologies, sent substitute" is apologies.
    """
    key = fold(raw or "").strip(" .")
    if not key:
        return "unknown"
    if key == "in attendance":
        return "in_attendance"
    if key.startswith("present") or key == "attended":
        return "present"
    if key.startswith("apolog"):
        return "apologies"
    if key.startswith("absent"):
        return "absent"
    if key == "expected":
        return "expected"
    if key == "not required":
        return "not_required"
    return "unknown"


def attended(status: str | None) -> bool | None:
    """True when ``status`` means the person was at the meeting, False when not, None when it does not say."""
    if status in ATTENDED:
        return True
    if status in NOT_ATTENDED:
        return False
    return None


@dataclass(frozen=True, slots=True)
class AttendanceDisagreement:
    """One person whose attendance the clerk (ModernGov) and the minutes record differently.

    ``kind`` is "differs" (both say, differently), "clerk only" (the clerk has
    them present, the minutes do not list them) or "minutes only" (the minutes
    list them as present or sending apologies, the clerk's list does not have them).
    """

    meeting_id: int
    date: str | None
    body: str
    person_id: int | None
    name: str
    kind: str
    clerk: str | None  # the clerk's value as entered ("Apologies")
    minutes: str | None  # the status read from the minutes (present | apologies | reserve | in_attendance)
    clerk_citation: str | None
    minutes_citation: str | None


def _citation(path: str, start: int, end: int) -> str:
    return f"{path}, line {start}" if start == end else f"{path}, lines {start}-{end}"


def attendance_disagreements(
    session: Session, meeting_ids: Iterable[int] | None = None
) -> list[AttendanceDisagreement]:
    """Compare clerk-entered attendance with attendance read from minutes, meeting by meeting.

    Only meetings that have both are compared (``meeting_ids`` narrows them).
    People are matched by person id (by folded name when unresolved). Returns
    one :class:`AttendanceDisagreement` per person where the two differ, by
    meeting date then name. A clerk's "Expected" (not recorded) is no claim
    and never disagrees; people the minutes list only as in attendance
    (officers, guests) are not expected on the clerk's list.
    """
    query = (
        select(s.Attendance, s.Source.path, s.Meeting.date, s.Organization.name)
        .join(s.Source, s.Source.id == s.Attendance.source_id)
        .join(s.Meeting, s.Meeting.id == s.Attendance.meeting_id)
        .join(s.Organization, s.Organization.id == s.Meeting.organization_id)
        .order_by(s.Attendance.id)
    )
    if meeting_ids is not None:
        wanted = list(meeting_ids)
        if not wanted:
            return []
        query = query.where(s.Attendance.meeting_id.in_(wanted))
    meetings: dict[
        int,
        tuple[str | None, str, dict[Any, list[tuple[s.Attendance, str]]], dict[Any, list[tuple[s.Attendance, str]]]],
    ] = {}
    for row, path, date, body in session.execute(query).all():
        _, _, clerk, minutes = meetings.setdefault(row.meeting_id, (date, body, {}, {}))
        who = row.person_id if row.person_id is not None else fold(row.name)
        (clerk if row.origin == "clerk" else minutes).setdefault(who, []).append((row, path))
    out: list[AttendanceDisagreement] = []
    for meeting_id, (date, body, clerk, minutes) in meetings.items():
        if not clerk or not minutes:
            continue
        for who in list(clerk) + [w for w in minutes if w not in clerk]:
            c_row, c_path = clerk[who][0] if who in clerk else (None, "")
            m_rows = minutes.get(who, [])
            m_row, m_path = _decisive(m_rows) if m_rows else (None, "")
            said_clerk = attended(c_row.status) if c_row is not None else None
            said_minutes = attended(m_row.status) if m_row is not None else None
            if c_row is not None and m_row is not None:
                if said_clerk is None or said_minutes is None or said_clerk == said_minutes:
                    continue
                kind = "differs"
            elif c_row is not None:
                if said_clerk is not True:
                    continue
                kind = "clerk only"
            else:
                assert m_row is not None
                if m_row.status not in {"present", "apologies"}:
                    continue
                kind = "minutes only"
            named = m_row or c_row
            assert named is not None
            out.append(
                AttendanceDisagreement(
                    meeting_id=meeting_id,
                    date=date,
                    body=body,
                    person_id=named.person_id,
                    name=(c_row or named).name,
                    kind=kind,
                    clerk=c_row.status_raw if c_row is not None else None,
                    minutes=m_row.status if m_row is not None else None,
                    clerk_citation=_citation(c_path, c_row.start_line, c_row.end_line) if c_row is not None else None,
                    minutes_citation=_citation(m_path, m_row.start_line, m_row.end_line) if m_row is not None else None,
                )
            )
    return sorted(out, key=lambda d: (d.date or "", d.body, d.name))


def _decisive(rows: list[tuple[s.Attendance, str]]) -> tuple[s.Attendance, str]:
    """The minutes row that says most: one saying they attended, else one saying they did not, else the first."""
    for want in (True, False):
        for row, path in rows:
            if attended(row.status) is want:
                return row, path
    return rows[0]


def disagreement_table(rows: list[AttendanceDisagreement]) -> Table:
    """A rich table of attendance disagreements: meeting, person, what the clerk and the minutes say, sources.

    Sources are shown as file name and line; the full citations are on the rows.
    """
    table = Table(title="Attendance: the clerk's record and the minutes disagree")
    for column in ("date", "body", "name", "kind", "clerk", "minutes"):
        table.add_column(column, no_wrap=column in {"date", "name", "kind", "clerk", "minutes"})
    table.add_column("sources (clerk; minutes)", overflow="fold")
    for row in rows:
        table.add_row(
            row.date or "",
            row.body,
            row.name,
            row.kind,
            row.clerk or "-",
            row.minutes or "-",
            "; ".join(_short(c) for c in (row.clerk_citation, row.minutes_citation)),
        )
    return table


def _short(citation: str | None) -> str:
    """``/long/path/file.xml, line 150`` → ``file.xml:150``."""
    if not citation:
        return "-"
    path, _, lines = citation.rpartition(", ")
    return f"{path.rsplit('/', 1)[-1]}:{lines.split(' ', 1)[-1]}"
