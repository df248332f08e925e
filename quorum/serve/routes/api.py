"""The REST API under /api/v1: JSON, pydantic models, cursor pagination and bulk exports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from quorum.serve import exports, queries
from quorum.serve import schemas as s
from quorum.serve.app import session_scope
from quorum.serve.filters import DateFrom, DateTo, Filters, Id
from quorum.serve.pagination import DEFAULT_LIMIT, MAX_LIMIT, CursorError, paginate

T = TypeVar("T")

router = APIRouter(prefix="/api/v1", tags=["api"])
SessionDep = Annotated[Session, Depends(session_scope)]
Cursor = Annotated[
    str | None,
    Query(description="The `next_cursor` of the previous page.", max_length=500, pattern=r"^[A-Za-z0-9_-]*$"),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
BodyFilter = Annotated[int | None, Query(description="Only this body (id).", ge=0, le=2**62)]
PersonFilter = Annotated[int | None, Query(description="Only this person (id).", ge=0, le=2**62)]
MeetingFilter = Annotated[int | None, Query(description="Only this meeting (id).", ge=0, le=2**62)]
TextFilter = Annotated[str | None, Query(description="Text contains (case-insensitive).", max_length=200)]
KindFilter = Annotated[str | None, Query(description="Document kind, e.g. report, minutes.", max_length=40)]


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": s.ErrorMessage, "description": "No such record"}}
BAD_CURSOR: dict[int | str, dict[str, Any]] = {400: {"model": s.ErrorMessage, "description": "Malformed cursor"}}


def page_of(items: Sequence[T], key: Callable[[T], Sequence[Any]], cursor: str | None, limit: int) -> dict:
    """Return a page of ``items`` as the API's {items, next_cursor}; 400 for a bad cursor."""
    try:
        page = paginate(items, key, cursor, limit)
    except CursorError as error:
        raise HTTPException(400, str(error)) from None
    return {"items": page.items, "next_cursor": page.next_cursor}


def found(value: T | None, what: str) -> T:
    """Return ``value`` or raise 404 naming ``what``."""
    if value is None:
        raise HTTPException(404, f"No such {what}.")
    return value


def by_id(item: Any) -> list[Any]:
    """Sort key of records paginated in id order."""
    return [item.id]


def by_date(item: Any) -> list[Any]:
    """Sort key of dated records: date (ISO text sorts by time) then id."""
    return [getattr(item, "date", None) or getattr(item, "meeting_date", None) or "", item.id]


@router.get("", summary="API index")
def index(request: Request) -> dict[str, str]:
    """Links to every collection of the API."""
    base = str(request.base_url).rstrip("/") + "/api/v1"
    names = ["meetings", "bodies", "people", "agenda-items", "decisions", "declarations", "documents", "indicators"]
    links = {name: f"{base}/{name}" for name in names}
    links["search"] = f"{base}/search?q=..."
    links["exports"] = f"{base}/export"
    links["openapi"] = str(request.base_url).rstrip("/") + "/openapi.json"
    return links


@router.get("/meetings", response_model=s.Page[s.MeetingSummary], responses=BAD_CURSOR)
def meetings(
    db: SessionDep,
    body: BodyFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict:
    """Meetings in date order, filtered by body and date range."""
    items = queries.list_meetings(db, Filters(body=body, date_from=date_from, date_to=date_to))
    return page_of(items, by_date, cursor, limit)


@router.get("/meetings/{meeting_id}", response_model=s.Meeting, responses=NOT_FOUND)
def meeting(db: SessionDep, meeting_id: Id) -> s.Meeting:
    """One meeting with agenda, attendance, declarations, minutes and documents."""
    return found(queries.get_meeting(db, meeting_id), "meeting")


@router.get("/bodies", response_model=s.Page[s.BodySummary], responses=BAD_CURSOR)
def bodies(db: SessionDep, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> dict:
    """Committees, panels and boards."""
    return page_of(queries.list_bodies(db), by_id, cursor, limit)


@router.get("/bodies/{body_id}", response_model=s.Body, responses=NOT_FOUND)
def body(db: SessionDep, body_id: Id) -> s.Body:
    """One body with members over time, meetings and decisions."""
    return found(queries.get_body(db, body_id), "body")


@router.get("/people", response_model=s.Page[s.PersonSummary], responses=BAD_CURSOR)
def people(db: SessionDep, name: TextFilter = None, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> dict:
    """People, optionally filtered by part of their name."""
    return page_of(queries.list_people(db, name), by_id, cursor, limit)


@router.get("/people/{person_id}", response_model=s.Person, responses=NOT_FOUND)
def person(db: SessionDep, person_id: Id) -> s.Person:
    """One person: roles, attendance with rates per body, declarations, motions and reports."""
    return found(queries.get_person(db, person_id), "person")


@router.get("/agenda-items", response_model=s.Page[s.AgendaItem], responses=BAD_CURSOR)
def agenda_items(
    db: SessionDep,
    meeting: MeetingFilter = None,
    q: TextFilter = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict:
    """Public agenda items, filtered by meeting or title text."""
    return page_of(queries.list_agenda_items(db, Filters(meeting=meeting, q=q)), by_id, cursor, limit)


@router.get("/agenda-items/{item_id}", response_model=s.AgendaItem, responses=NOT_FOUND)
def agenda_item(db: SessionDep, item_id: Id) -> s.AgendaItem:
    """One agenda item with its linked reports."""
    return found(queries.get_agenda_item(db, item_id), "agenda item")


@router.get("/decisions", response_model=s.Page[s.Decision], responses=BAD_CURSOR)
def decisions(
    db: SessionDep,
    body: BodyFilter = None,
    meeting: MeetingFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    q: TextFilter = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict:
    """The decisions register: resolutions from minutes."""
    filters = Filters(body=body, meeting=meeting, date_from=date_from, date_to=date_to, q=q)
    return page_of(queries.list_decisions(db, filters), by_date, cursor, limit)


@router.get("/decisions/{decision_id}/chain", response_model=s.DecisionChain, responses=NOT_FOUND)
def decision_chain(db: SessionDep, decision_id: Id) -> s.DecisionChain:
    """How a decision travelled between bodies (Panel → Cabinet → Council): each step with its date, minute or
    agenda item, outcome and source lines."""
    return found(queries.decision_chain(db, decision_id), "decision")


@router.get("/declarations", response_model=s.Page[s.Declaration], responses=BAD_CURSOR)
def declarations(
    db: SessionDep,
    body: BodyFilter = None,
    person: PersonFilter = None,
    meeting: MeetingFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    q: TextFilter = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict:
    """The declarations register: interests declared at meetings."""
    filters = Filters(body=body, person=person, meeting=meeting, date_from=date_from, date_to=date_to, q=q)
    return page_of(queries.list_declarations(db, filters), by_date, cursor, limit)


@router.get("/documents", response_model=s.Page[s.DocumentSummary], responses=BAD_CURSOR)
def documents(
    db: SessionDep,
    meeting: MeetingFilter = None,
    kind: KindFilter = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict:
    """Public documents of the packs (reports, minutes, appendices ...)."""
    return page_of(queries.list_documents(db, Filters(meeting=meeting, kind=kind)), by_id, cursor, limit)


@router.get("/documents/{document_id}", response_model=s.DocumentSummary, responses=NOT_FOUND)
def document(db: SessionDep, document_id: Id) -> s.DocumentSummary:
    """One document."""
    return found(queries.get_document(db, document_id), "document")


@router.get("/indicators", response_model=s.Page[s.Indicator], responses=BAD_CURSOR)
def indicators(db: SessionDep, q: TextFilter = None, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT) -> dict:
    """Performance indicators with their readings."""
    return page_of(queries.list_indicators(db, q), by_id, cursor, limit)


@router.get("/indicators/{indicator_id}", response_model=s.Indicator, responses=NOT_FOUND)
def indicator(db: SessionDep, indicator_id: Id) -> s.Indicator:
    """One indicator with its readings, target and comparators."""
    return found(queries.get_indicator(db, indicator_id), "indicator")


@router.get("/search", response_model=s.Page[s.SearchHit], responses=BAD_CURSOR)
def search(
    db: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    body: BodyFilter = None,
    person: PersonFilter = None,
    kind: KindFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> dict:
    """Ranked full-text search with highlighted snippets; each hit links to its exact lines."""
    filters = Filters(body=body, person=person, kind=kind, date_from=date_from, date_to=date_to)
    hits = queries.search(db, q, filters)
    ranked = [(rank, hit) for rank, hit in enumerate(hits)]
    page = page_of(ranked, lambda pair: [pair[0]], cursor, limit)
    page["items"] = [hit for _, hit in page["items"]]
    return page


@router.get("/export", summary="Bulk downloads")
def export_index(request: Request) -> dict[str, str]:
    """Links to every bulk download."""
    base = str(request.base_url).rstrip("/") + "/api/v1/export"
    links = {}
    for table in exports.TABLES:
        links[f"{table}.json"] = f"{base}/{table}.json"
        links[f"{table}.csv"] = f"{base}/{table}.csv"
    links["quorum.sqlite"] = f"{base}/quorum.sqlite"
    links["popolo.json"] = f"{base}/popolo.json"
    return links


@router.get(
    "/export/popolo.json",
    summary="Popolo JSON",
    response_class=Response,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def export_popolo(db: SessionDep) -> Response:
    """People, organizations and memberships in Popolo JSON."""
    return Response(exports.popolo_json(db), media_type="application/json")


@router.get(
    "/export/quorum.sqlite",
    summary="The whole public database",
    response_class=Response,
    responses={200: {"content": {"application/vnd.sqlite3": {}}}},
)
def export_sqlite(db: SessionDep) -> Response:
    """Every public table in one SQLite file (exempt business is not in it)."""
    return Response(
        exports.sqlite_bytes(db),
        media_type="application/vnd.sqlite3",
        headers={"content-disposition": 'attachment; filename="quorum.sqlite"'},
    )


@router.get(
    "/export/{table}.json",
    summary="A table as JSON",
    response_class=Response,
    responses={200: {"content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}},
)
def export_json(db: SessionDep, table: exports.TableName) -> Response:
    """Every public row of one table as a JSON array."""
    return Response(exports.table_json(db, table), media_type="application/json")


@router.get(
    "/export/{table}.csv",
    summary="A table as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_csv(db: SessionDep, table: exports.TableName) -> Response:
    """Every public row of one table as CSV."""
    return Response(
        exports.table_csv(db, table),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{table}.csv"'},
    )
