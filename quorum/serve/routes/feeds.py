"""Feeds: iCal of each body's meetings; Atom of new meetings and decisions per body, per person
and per saved search."""

from __future__ import annotations

import datetime as dt
import html
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from quorum.serve import queries
from quorum.serve.app import session_scope
from quorum.serve.feeds import CalendarEvent, FeedEntry, build_atom, build_ical
from quorum.serve.filters import DateFrom, DateTo, Filters, Id
from quorum.serve.schemas import ErrorMessage

router = APIRouter(prefix="/feeds", tags=["feeds"])
SessionDep = Annotated[Session, Depends(session_scope)]
ATOM = "application/atom+xml; charset=utf-8"
ICAL = "text/calendar; charset=utf-8"
#: Entries per Atom feed.
FEED_SIZE = 50
TAG = "tag:quorum.invalid,2024:"
MISSING: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "No such record"}}
ATOM_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {"application/atom+xml": {}}}, **MISSING}
ICAL_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {"text/calendar": {}}}, **MISSING}


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _when(date: str | None, time: str | None = None) -> dt.datetime:
    """Return a timestamp for an entry from an ISO date (and HH:MM time); the epoch when unknown."""
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    clock = _time(time) or dt.time(0, 0)
    return dt.datetime.combine(day, clock, tzinfo=dt.UTC)


def _time(value: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except ValueError:
        return None


def _body_or_404(db: Session, body_id: int) -> str:
    bodies = {b.id: b.name for b in queries.list_bodies(db)}
    if body_id not in bodies:
        raise HTTPException(404, "No such body.")
    return bodies[body_id]


@router.get("/bodies/{body_id}/meetings.ics", response_class=Response, responses=ICAL_DOC)
def body_calendar(request: Request, db: SessionDep, body_id: Id) -> Response:
    """The body's meetings as an iCalendar file to subscribe to."""
    name = _body_or_404(db, body_id)
    base = _base(request)
    events = []
    for meeting in queries.list_meetings(db, Filters(body=body_id)):
        try:
            day = dt.date.fromisoformat(meeting.date or "")
        except ValueError:
            continue
        events.append(
            CalendarEvent(
                uid=f"meeting-{meeting.id}@quorum",
                summary=meeting.body_name or name,
                date=day,
                time=_time(meeting.time),
                location=meeting.venue,
                url=base + meeting.url,
            )
        )
    stamp = max((_when(e.date.isoformat()) for e in events), default=_when(None))
    return Response(build_ical(name, events, now=stamp), media_type=ICAL)


@router.get("/bodies/{body_id}/meetings.atom", response_class=Response, responses=ATOM_DOC)
def body_meetings_feed(request: Request, db: SessionDep, body_id: Id) -> Response:
    """New meetings of a body, newest first."""
    name = _body_or_404(db, body_id)
    base = _base(request)
    meetings = list(reversed(queries.list_meetings(db, Filters(body=body_id))))[:FEED_SIZE]
    entries = [
        FeedEntry(
            id=f"{TAG}meeting/{m.id}",
            title=f"{m.body_name or name}, {m.date or 'date not known'}",
            updated=_when(m.date, m.time),
            link=base + m.url,
            summary=", ".join(filter(None, [m.date, m.time, m.venue])) or None,
        )
        for m in meetings
    ]
    return Response(
        build_atom(
            f"{TAG}body/{body_id}/meetings", f"{name}: meetings", str(request.url), f"{base}/bodies/{body_id}", entries
        ),
        media_type=ATOM,
    )


@router.get("/bodies/{body_id}/decisions.atom", response_class=Response, responses=ATOM_DOC)
def body_decisions_feed(request: Request, db: SessionDep, body_id: Id) -> Response:
    """New decisions of a body, newest first."""
    name = _body_or_404(db, body_id)
    base = _base(request)
    decisions = list(reversed(queries.list_decisions(db, Filters(body=body_id))))[:FEED_SIZE]
    entries = [
        FeedEntry(
            id=f"{TAG}decision/{d.id}",
            title=f"{d.minute_number or ''} {d.minute_title or 'Decision'}".strip(),
            updated=_when(d.meeting_date),
            link=base + (d.source.url if d.source else f"/meetings/{d.meeting_id}"),
            summary=f"{d.verb + ': ' if d.verb else ''}{d.text}",
        )
        for d in decisions
    ]
    return Response(
        build_atom(
            f"{TAG}body/{body_id}/decisions",
            f"{name}: decisions",
            str(request.url),
            f"{base}/bodies/{body_id}",
            entries,
        ),
        media_type=ATOM,
    )


@router.get("/people/{person_id}.atom", response_class=Response, responses=ATOM_DOC)
def person_feed(request: Request, db: SessionDep, person_id: Id) -> Response:
    """A person's meetings and declarations, newest first."""
    person = queries.get_person(db, person_id)
    if person is None:
        raise HTTPException(404, "No such person.")
    base = _base(request)
    entries = [
        FeedEntry(
            id=f"{TAG}person/{person_id}/meeting/{a.meeting.id}",
            title=f"{a.meeting.body_name or 'Meeting'}, {a.meeting.date or 'date not known'}: "
            f"{a.status.replace('_', ' ')}",
            updated=_when(a.meeting.date, a.meeting.time),
            link=base + a.meeting.url,
            categories=[a.status],
        )
        for a in person.attendance
    ]
    entries += [
        FeedEntry(
            id=f"{TAG}declaration/{d.id}",
            title=f"Declared an interest: {d.item or d.interest or 'interest'}",
            updated=_when(d.meeting_date),
            link=base + (d.source.url if d.source else f"/meetings/{d.meeting_id}"),
            summary=d.interest,
            categories=["declaration"],
        )
        for d in person.declarations
    ]
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return Response(
        build_atom(f"{TAG}person/{person_id}", person.name, str(request.url), base + person.url, entries[:FEED_SIZE]),
        media_type=ATOM,
    )


@router.get("/search.atom", response_class=Response, responses=ATOM_DOC)
def search_feed(
    request: Request,
    db: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    body: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    person: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    """A saved search as a feed: the best hits, newest first."""
    filters = Filters(body=body, person=person, kind=kind or None, date_from=date_from, date_to=date_to)
    base = _base(request)
    hits = queries.search(db, q, filters)[:FEED_SIZE]
    entries = [
        FeedEntry(
            id=f"{TAG}hit/{hit.url}",
            title=hit.title,
            updated=_when(hit.date),
            link=base + hit.url,
            summary=html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", "")),
            categories=[hit.kind],
        )
        for hit in hits
    ]
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    params = {k: v for k, v in request.query_params.items() if v}
    return Response(
        build_atom(
            f"{TAG}search?{urlencode(params)}",
            f"Search: {q}",
            str(request.url),
            f"{base}/search?{urlencode(params)}",
            entries,
        ),
        media_type=ATOM,
    )
