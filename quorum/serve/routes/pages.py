"""The HTML portal: server-rendered pages that work without JavaScript."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from quorum.serve import exports, queries, sources
from quorum.serve.app import session_scope
from quorum.serve.chart import Point, Reference, line_chart
from quorum.serve.filters import Filters, Id
from quorum.serve.pagination import CursorError, paginate

router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(session_scope)]
OptionalInt = Annotated[str | None, Query(max_length=20)]
OptionalText = Annotated[str | None, Query(max_length=200)]

#: How many lines around the cited span the source page shows.
SOURCE_CONTEXT = 40
SOURCE_WINDOW = 200
PAGE_SIZE = 50
SEARCH_PAGE_SIZE = 20


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """Render ``template`` with ``context`` plus the defaults every page expects."""
    context.setdefault("section", None)
    context.setdefault("query", None)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def int_or_none(value: str | None) -> int | None:
    """Parse an optional integer form value ("" means unset); 400 when it is not a number."""
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(400, f"{value!r} is not a number.") from None


def date_or_none(value: str | None) -> str | None:
    """Parse an optional ISO date form value; 400 when it is not YYYY-MM-DD."""
    if value is None or value.strip() == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(400, f"{value!r} is not a date (YYYY-MM-DD).") from None


def next_page_url(request: Request, cursor: str | None) -> str | None:
    """Return this page's URL with ``cursor`` set, or None when there is no next page."""
    if cursor is None:
        return None
    params = dict(request.query_params)
    params["cursor"] = cursor
    return f"{request.url.path}?{urlencode(params)}"


def page_items(items: list, key: Any, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """Paginate for a page; a bad cursor is a 400."""
    try:
        page = paginate(items, key, cursor, limit)
    except CursorError:
        raise HTTPException(400, "That page link is not valid.") from None
    return page.items, page.next_cursor


@router.get("/")
def home(request: Request, db: SessionDep) -> Response:
    """Home: upcoming and recent meetings, bodies and a search box."""
    today = dt.date.today().isoformat()
    meetings = queries.list_meetings(db, Filters())
    upcoming = [m for m in meetings if m.date and m.date >= today][:10]
    recent = [m for m in reversed(meetings) if not m.date or m.date < today][:10]
    return render(request, "home.html", upcoming=upcoming, recent=recent, bodies=queries.list_bodies(db))


@router.get("/search")
def search_page(
    request: Request,
    db: SessionDep,
    q: OptionalText = None,
    body: OptionalInt = None,
    person: OptionalInt = None,
    kind: OptionalText = None,
    date_from: OptionalText = None,
    date_to: OptionalText = None,
    cursor: OptionalText = None,
) -> Response:
    """Search: ranked hits with highlighted snippets and filters."""
    filters = Filters(
        body=int_or_none(body),
        person=int_or_none(person),
        kind=kind or None,
        date_from=date_or_none(date_from),
        date_to=date_or_none(date_to),
    )
    hits: list = []
    next_cursor = None
    total = 0
    truncated = False
    atom_url = None
    query = (q or "").strip()
    if query:
        found, truncated = queries.search_hits(db, query, filters)
        ranked = list(enumerate(found))
        total = len(ranked)
        page, next_cursor = page_items(ranked, lambda pair: [pair[0]], cursor, SEARCH_PAGE_SIZE)
        hits = [hit for _, hit in page]
        params = {k: v for k, v in request.query_params.items() if v and k != "cursor"}
        atom_url = "/feeds/search.atom?" + urlencode(params)
    return render(
        request,
        "search.html",
        query=query,
        hits=hits,
        total=total,
        filters=filters,
        bodies=queries.list_bodies(db),
        people=queries.list_people(db),
        kinds=queries.document_kinds(db),
        next_url=next_page_url(request, next_cursor),
        atom_url=atom_url,
        truncated=truncated,
    )


@router.get("/meetings/{meeting_id}")
def meeting_page(request: Request, db: SessionDep, meeting_id: Id) -> Response:
    """Meeting: front-sheet facts, agenda, attendance, declarations, minutes and documents."""
    meeting = queries.get_meeting(db, meeting_id)
    if meeting is None:
        raise HTTPException(404, "There is no meeting with that number.")
    return render(request, "meeting.html", m=meeting)


@router.get("/people")
def people_page(request: Request, db: SessionDep, name: OptionalText = None, cursor: OptionalText = None) -> Response:
    """People: everyone named in the records, filterable by name."""
    items, next_cursor = page_items(queries.list_people(db, name), lambda p: [p.name, p.id], cursor, 300)
    return render(
        request, "people.html", section="people", people=items, name=name, next_url=next_page_url(request, next_cursor)
    )


@router.get("/people/{person_id}")
def person_page(request: Request, db: SessionDep, person_id: Id) -> Response:
    """Person: roles over time, attendance with rates per body, declarations, motions, reports."""
    person = queries.get_person(db, person_id)
    if person is None:
        raise HTTPException(404, "There is no person with that number.")
    return render(request, "person.html", section="people", p=person)


@router.get("/bodies")
def bodies_page(request: Request, db: SessionDep) -> Response:
    """Bodies: every committee, panel and board with its feeds."""
    return render(request, "bodies.html", section="bodies", bodies=queries.list_bodies(db))


@router.get("/bodies/{body_id}")
def body_page(request: Request, db: SessionDep, body_id: Id) -> Response:
    """Body: members over time, meetings and decisions."""
    body = queries.get_body(db, body_id)
    if body is None:
        raise HTTPException(404, "There is no body with that number.")
    return render(request, "body.html", section="bodies", b=body)


def _register(request: Request, db: SessionDep, kind: str, filters: Filters, cursor: str | None, csv: bool) -> Response:
    """Render the decisions or declarations register, or its CSV download."""
    rows = queries.list_decisions(db, filters) if kind == "decisions" else queries.list_declarations(db, filters)
    rows = list(reversed(rows))  # newest first
    if csv:
        return Response(
            exports.rows_csv(kind, rows),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{kind}.csv"'},
        )
    page, next_cursor = page_items(list(enumerate(rows)), lambda pair: [pair[0]], cursor, PAGE_SIZE)
    items = [row for _, row in page]
    params = {k: v for k, v in request.query_params.items() if v and k != "cursor"}
    return render(
        request,
        "register.html",
        section=kind,
        kind=kind,
        heading="Decisions register" if kind == "decisions" else "Declarations of interest register",
        noun=kind,
        action=f"/{kind}",
        rows=items,
        filters=filters,
        bodies=queries.list_bodies(db),
        people=queries.list_people(db),
        csv_url=f"/{kind}.csv?" + urlencode(params),
        next_url=next_page_url(request, next_cursor),
    )


def _register_filters(
    q: str | None, body: str | None, person: str | None, date_from: str | None, date_to: str | None
) -> Filters:
    """Build register filters from form values."""
    return Filters(
        q=q or None,
        body=int_or_none(body),
        person=int_or_none(person),
        date_from=date_or_none(date_from),
        date_to=date_or_none(date_to),
    )


@router.get("/decisions")
@router.get("/decisions.csv")
def decisions_page(
    request: Request,
    db: SessionDep,
    q: OptionalText = None,
    body: OptionalInt = None,
    date_from: OptionalText = None,
    date_to: OptionalText = None,
    cursor: OptionalText = None,
) -> Response:
    """Decisions register, filterable, with a CSV download at /decisions.csv."""
    filters = _register_filters(q, body, None, date_from, date_to)
    csv = request.url.path.endswith(".csv")
    return _register(request, db, "decisions", filters, cursor, csv)


@router.get("/declarations")
@router.get("/declarations.csv")
def declarations_page(
    request: Request,
    db: SessionDep,
    q: OptionalText = None,
    body: OptionalInt = None,
    person: OptionalInt = None,
    date_from: OptionalText = None,
    date_to: OptionalText = None,
    cursor: OptionalText = None,
) -> Response:
    """Declarations register, filterable, with a CSV download at /declarations.csv."""
    filters = _register_filters(q, body, person, date_from, date_to)
    csv = request.url.path.endswith(".csv")
    return _register(request, db, "declarations", filters, cursor, csv)


@router.get("/indicators")
def indicators_page(request: Request, db: SessionDep) -> Response:
    """Indicators: every performance indicator with its latest reading."""
    return render(request, "indicators.html", section="indicators", indicators=queries.list_indicators(db))


def indicator_chart(indicator: Any) -> str:
    """Return the SVG chart of an indicator's numeric readings, target and comparators."""
    points = [
        Point(p.period or f"#{i + 1}", p.value_number)
        for i, p in enumerate(indicator.points)
        if p.value_number is not None
    ]
    references = []
    target = queries.number_in(indicator.target)
    if target is not None:
        references.append(Reference("Target", target, "target"))
    for name, value in indicator.comparators.items():
        number = queries.number_in(value)
        if number is not None:
            references.append(Reference(name, number, "comparator"))
    return line_chart(indicator.label, points, references, "%" if (indicator.unit or "") == "%" else "")


@router.get("/indicators/{indicator_id}")
def indicator_page(request: Request, db: SessionDep, indicator_id: Id) -> Response:
    """Indicator: an SVG time series with target and comparators, and the table beside it."""
    indicator = queries.get_indicator(db, indicator_id)
    if indicator is None:
        raise HTTPException(404, "There is no indicator with that number.")
    return render(request, "indicator.html", section="indicators", i=indicator, chart=indicator_chart(indicator))


@router.get("/documents/{document_id}")
def document_page(db: SessionDep, document_id: Id) -> Response:
    """A document: redirect to its lines on the source page."""
    document = queries.get_document(db, document_id)
    if document is None:
        raise HTTPException(404, "There is no document with that number.")
    return RedirectResponse(document.source.url, status_code=303)


@router.get("/source/{source_id}")
def source_page(
    request: Request,
    db: SessionDep,
    source_id: Id,
    start: OptionalInt = None,
    end: OptionalInt = None,
    from_: Annotated[str | None, Query(alias="from", max_length=20)] = None,
) -> Response:
    """Source: the verbatim lines of a file, the cited span highlighted, an anchor per line.

    Lines inside exempt (Part II) documents are withheld.
    """
    first = int_or_none(start)
    last = int_or_none(end) or first
    view = sources.source_view(db, source_id)
    if view is None:
        raise HTTPException(404, "There is no source with that number.")
    total = view.line_count
    if first is not None and last is not None and last < first:
        first, last = last, first
    origin = int_or_none(from_)
    if origin is not None:
        window_start = max(1, min(origin, total))
    elif first is not None:
        window_start = max(1, first - SOURCE_CONTEXT)
    else:
        window_start = 1
    window_end = min(total, max(window_start + SOURCE_WINDOW - 1, (last or 0) + SOURCE_CONTEXT))
    lines = []
    for line in view.lines(window_start, window_end):
        highlighted = first is not None and last is not None and first <= line.number <= last and not line.withheld
        lines.append(line.model_copy(update={"highlighted": highlighted}))
    first_page = next((line.page for line in lines if line.highlighted and line.page), None)
    return render(
        request,
        "source.html",
        name=view.name,
        meeting_id=view.meeting_id,
        lines=lines,
        start=first,
        end=last,
        first_page=first_page,
        total=total,
        window_start=window_start,
        window_end=window_end,
        window=SOURCE_WINDOW,
    )


@router.get("/exports")
def exports_page(request: Request) -> Response:
    """Downloads: every bulk export."""
    return render(request, "exports.html", tables=exports.TABLES)
