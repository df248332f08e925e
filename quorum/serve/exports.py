"""Bulk exports: every public table as JSON or CSV, all of them as one SQLite file, and Popolo JSON.

The exports are built from the same read-side queries as the API, so they hold exactly what the
API publishes (no exempt business); the SQLite download is a fresh database of those tables, never
a copy of the store's own file.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from quorum.serve import queries
from quorum.serve.filters import Filters
from quorum.store import schema as db


class TableName(enum.StrEnum):
    """The tables offered for download."""

    MEETINGS = "meetings"
    BODIES = "bodies"
    PEOPLE = "people"
    MEMBERSHIPS = "memberships"
    ATTENDANCE = "attendance"
    AGENDA_ITEMS = "agenda_items"
    DECISIONS = "decisions"
    DECLARATIONS = "declarations"
    MOTIONS = "motions"
    DOCUMENTS = "documents"
    INDICATORS = "indicators"


TABLES = [table.value for table in TableName]


def flatten(row: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """Return a flat dict of a record: nested ``source`` becomes source_* columns, lists and dicts JSON text."""
    data = row.model_dump() if isinstance(row, BaseModel) else dict(row)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "source":
            for part in ("source_id", "start_line", "end_line", "start_page", "end_page", "url"):
                out["source_url" if part == "url" else part] = (value or {}).get(part)
        elif key in ("documents", "decisions", "route", "decision_steps"):
            continue
        elif isinstance(value, dict) and key == "meeting":
            out["meeting_id"] = value.get("id")
        elif isinstance(value, list | dict):
            out[key] = json.dumps(value, ensure_ascii=False) if value else None
        else:
            out[key] = value
    return out


def _indicator_rows(session: Session) -> list[dict[str, Any]]:
    rows = []
    for indicator in queries.list_indicators(session):
        for point in indicator.points:
            row = {"indicator_id": indicator.id, "label": indicator.label, "unit": indicator.unit}
            row.update(flatten(point))
            rows.append(row)
    return rows


def _attendance_rows(session: Session) -> list[dict[str, Any]]:
    """One row per person per meeting (the minutes printed twice and the clerk's record folded together)."""
    people = queries.public_person_ids(session)
    rows = []
    for fold in queries.public_attendance(session, session.scalars(select(db.Attendance).order_by(db.Attendance.id))):
        row = fold.shown
        source = queries.ref(row)
        facts = fold.facts()
        facts["citations"] = [citation.model_dump() for citation in facts["citations"]]
        rows.append(
            {
                "id": row.id,
                "meeting_id": row.meeting_id,
                "person_id": row.person_id if row.person_id in people else None,
                "name": row.name,
                "status": row.status,
                "role": row.role,
                "replacing": row.replacing,
                **flatten({"source": source.model_dump() if source else None, **facts}),
            }
        )
    return rows


def _motion_rows(session: Session) -> list[dict[str, Any]]:
    return [flatten(m) for m in queries.list_motions(session)]


ROWS: dict[str, Callable[[Session], Sequence[BaseModel | dict[str, Any]]]] = {
    "meetings": lambda session: queries.list_meetings(session, Filters()),
    "bodies": queries.list_bodies,
    "people": lambda session: queries.list_people(session),
    "memberships": queries.list_memberships,
    "attendance": _attendance_rows,
    "agenda_items": lambda session: queries.list_agenda_items(session, Filters()),
    "decisions": lambda session: queries.list_decisions(session, Filters()),
    "declarations": lambda session: queries.list_declarations(session, Filters()),
    "motions": _motion_rows,
    "documents": lambda session: queries.list_documents(session, Filters()),
    "indicators": _indicator_rows,
}


def table_rows(session: Session, table: str) -> list[dict[str, Any]]:
    """Return the flat rows of export ``table``."""
    return [flatten(row) for row in ROWS[str(table)](session)]


def table_json(session: Session, table: str) -> bytes:
    """Return export ``table`` as a JSON array (UTF-8 bytes)."""
    return json.dumps(table_rows(session, table), ensure_ascii=False, indent=1).encode("utf-8")


def _csv(rows: list[dict[str, Any]]) -> bytes:
    """Return rows as CSV with a header (columns in first-seen order), UTF-8 with BOM for spreadsheets."""
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_csv(session: Session, table: str) -> bytes:
    """Return export ``table`` as CSV bytes."""
    return _csv(table_rows(session, table))


def rows_csv(_kind: str, rows: Sequence[BaseModel]) -> bytes:
    """Return already filtered register rows (decisions or declarations) as CSV bytes."""
    return _csv([flatten(row) for row in rows])


def _sql_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int, bool}:
        return "INTEGER"
    if kinds and kinds <= {int, float, bool}:
        return "REAL"
    return "TEXT"


def sqlite_bytes(session: Session) -> bytes:
    """Return a SQLite database file (bytes) holding every export table."""
    connection = sqlite3.connect(":memory:")
    try:
        for table in TABLES:
            rows = table_rows(session, table)
            columns: list[str] = []
            for row in rows:
                columns.extend(key for key in row if key not in columns)
            if not columns:
                columns = ["id"]
            spec = ", ".join(f'"{c}" {_sql_type([row.get(c) for row in rows])}' for c in columns)
            connection.execute(f'CREATE TABLE "{table}" ({spec})')
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f'INSERT INTO "{table}" VALUES ({marks})', [[row.get(c) for c in columns] for row in rows]
            )
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def popolo_json(session: Session) -> bytes:
    """Return people, organizations and memberships as Popolo JSON (https://www.popoloproject.com/)."""
    people = queries.list_people(session)
    bodies = queries.list_bodies(session)
    classification = dict(session.execute(select(db.Organization.id, db.Organization.classification)).all())
    memberships = queries.list_memberships(session)
    data = {
        "persons": [{"id": f"person/{p.id}", "name": p.name} for p in people],
        "organizations": [
            {"id": f"organization/{b.id}", "name": b.name, "classification": classification.get(b.id)} for b in bodies
        ],
        "memberships": [
            {
                "person_id": f"person/{m.person_id}",
                "organization_id": f"organization/{m.body_id}",
                "role": m.role,
                **({"start_date": m.start_date} if m.start_date else {}),
                **({"end_date": m.end_date} if m.end_date else {}),
            }
            for m in memberships
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
