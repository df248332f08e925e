"""Bulk row writing (quorum.store.rows): ids given out up front, references filled in, rows as Core would store them.

Runs on SQLite and, when a server is configured, PostgreSQL (see conftest).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quorum.store import schema as s
from quorum.store.ingest import ingest_paths
from quorum.store.rows import Ref, RowBatch, allocate_ids, insert_rows
from tests.conftest import SAMPLES

DOCUMENTS = s.Document.__table__
APPEARANCES = s.DocumentAppearance.__table__
SOURCES = s.Source.__table__


def _source(session: Session, path: str = "a.txt") -> int:
    """Insert a source row (on SQLite this also takes the write lock bulk ids rely on); return its id."""
    values = {"path": path, "sha256": "0" * 64, "kind": "txt", "status": "ok", "ingested_at": dt.datetime.now(dt.UTC)}
    return int(session.execute(SOURCES.insert().values(**values)).inserted_primary_key[0])


def _document(digest: str) -> dict[str, object]:
    return {"content_hash": digest, "kind": "report", "title": f"Report {digest}", "anchor": None, "line_hashes": None}


def _appearance(source_id: int, position: int, document: int | Ref, parent: int | Ref | None) -> dict[str, object]:
    return {
        "document_id": document,
        "source_id": source_id,
        "position": position,
        "parent_id": parent,
        "kind": "report",
        "access": "public",
        "start_line": position + 1,
        "end_line": position + 1,
    }


def test_batch_numbers_rows_as_the_database_would_and_fills_in_references(engine: Engine) -> None:
    with Session(engine) as session:
        source_id = _source(session)
        first = session.execute(DOCUMENTS.insert().values(**_document("a"))).inserted_primary_key[0]
        batch = RowBatch(session, {"document_appearances": ("document_id", "parent_id")})
        document, cover, report = Ref(), Ref(), Ref()
        # Children queued before their parents' table: the batch still writes documents first.
        batch.add(APPEARANCES, _appearance(source_id, 0, document, None), cover)  # type: ignore[arg-type]
        batch.add(APPEARANCES, _appearance(source_id, 1, document, cover), report)  # type: ignore[arg-type]
        batch.add(APPEARANCES, _appearance(source_id, 2, first, cover))  # type: ignore[arg-type]
        batch.add(DOCUMENTS, _document("b"), document)  # type: ignore[arg-type]
        batch.write()
        after = session.execute(DOCUMENTS.insert().values(**_document("c"))).inserted_primary_key[0]
        session.commit()
        rows = session.execute(
            select(APPEARANCES.c.id, APPEARANCES.c.document_id, APPEARANCES.c.parent_id).order_by(
                APPEARANCES.c.position
            )
        ).all()
    assert document.id == first + 1 and after == first + 2  # the next ids, and the sequence moved past them
    assert cover.id is not None and report.id == cover.id + 1
    assert [tuple(row) for row in rows] == [
        (cover.id, document.id, None),
        (report.id, document.id, cover.id),
        (report.id + 1, first, cover.id),
    ]


def test_allocate_ids_follow_the_largest_id_of_each_table(engine: Engine) -> None:
    with Session(engine) as session:
        _source(session)
        taken = session.execute(DOCUMENTS.insert().values(**_document("a"))).inserted_primary_key[0]
        ids = allocate_ids(session, {DOCUMENTS: 3, APPEARANCES: 2, SOURCES: 0})
        session.rollback()
    assert ids[DOCUMENTS] == [taken + 1, taken + 2, taken + 3]
    assert ids[APPEARANCES] == [1, 2]  # a fresh store: nothing taken yet
    assert ids[SOURCES] == []


def test_insert_rows_stores_what_core_would_for_rows_of_different_shapes(engine: Engine) -> None:
    table = s.MeetingRecord.__table__
    with Session(engine) as session:
        source_id = _source(session)
        org = session.execute(
            s.Organization.__table__.insert().values(key="cabinet", name="Cabinet", classification="executive")
        ).inserted_primary_key[0]
        meeting = session.execute(
            s.Meeting.__table__.insert().values(key="cabinet|2017-07-13", organization_id=org, date="2017-07-13")
        ).inserted_primary_key[0]
        prov = {"source_id": source_id, "page": None, "start_line": 1, "end_line": 2, "verbatim": "CABINET"}
        rows = [
            {"meeting_id": meeting, "kind": "agenda", "details": {"venue": "Room 1", "quorum": 3}, **prov},
            {"meeting_id": meeting, "kind": "minutes", **prov},  # no details: NULL, not an error
            {"meeting_id": meeting, "kind": "minutes", "details": ["a", "b"], **prov},
        ]
        insert_rows(session, table, rows)  # type: ignore[arg-type]
        session.commit()
        stored = session.execute(select(table.c.kind, table.c.details).order_by(table.c.id)).all()
    assert [tuple(row) for row in stored] == [
        ("agenda", {"venue": "Room 1", "quorum": 3}),
        ("minutes", None),
        ("minutes", ["a", "b"]),
    ]


def test_insert_rows_gives_a_missing_column_its_python_default(engine: Engine) -> None:
    table = s.Attendance.__table__
    with Session(engine) as session:
        source_id = _source(session)
        org = session.execute(
            s.Organization.__table__.insert().values(key="council", name="Council", classification="council")
        ).inserted_primary_key[0]
        meeting = session.execute(
            s.Meeting.__table__.insert().values(key="council|2017-05-18", organization_id=org, date="2017-05-18")
        ).inserted_primary_key[0]
        prov = {"source_id": source_id, "start_line": 3, "end_line": 3}
        rows = [
            {"meeting_id": meeting, "name": "Sue Anderson", "status": "present", "origin": "clerk", **prov},
            {"meeting_id": meeting, "name": "Ghazanfar Ali", "status": "apologies", **prov},
        ]
        insert_rows(session, table, rows)  # type: ignore[arg-type]
        session.commit()
        stored = session.execute(select(table.c.name, table.c.origin).order_by(table.c.id)).all()
    assert [tuple(row) for row in stored] == [("Sue Anderson", "clerk"), ("Ghazanfar Ali", "minutes")]


def test_writing_a_table_whose_reference_is_not_written_yet_fails(engine: Engine) -> None:
    with Session(engine) as session:
        source_id = _source(session)
        batch = RowBatch(session, {"document_appearances": ("document_id", "parent_id")})
        batch.add(APPEARANCES, _appearance(source_id, 0, Ref(), None))  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="document_id refers to a row that is not written yet"):
            batch.write([APPEARANCES])  # type: ignore[list-item]
        session.rollback()


def test_the_full_text_index_holds_exactly_the_canonical_passages(engine: Engine) -> None:
    """Canonical passages go in by multi-row statements (SQLite): each is indexed once, the others never."""
    if engine.dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's index; PostgreSQL's vector is a generated column")
    assert ingest_paths(engine, [SAMPLES], workers=1).ok
    with engine.connect() as connection:
        canonical = connection.exec_driver_sql("SELECT id FROM text_chunks WHERE canonical ORDER BY id").scalars()
        indexed = connection.exec_driver_sql("SELECT id FROM search_fts_docsize ORDER BY id").scalars()
        others = connection.exec_driver_sql("SELECT count(*) FROM text_chunks WHERE NOT canonical").scalar_one()
        assert list(indexed) == list(canonical)
    assert others > 0  # the samples republish documents: some passages are not canonical
