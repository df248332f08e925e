"""Read-side queries of the portal and API, on top of the store's SQLAlchemy models.

Every function takes a Session and returns the API's pydantic models (quorum.serve.schemas).
This module is the one place that decides what is public: rows marked exempt (Part II), and
everything inside an exempt document or item, are filtered out here, so no route can leak them.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quorum.resolve.bodies import body_key
from quorum.serve import schemas as s
from quorum.serve.filters import Filters
from quorum.store import schema as db
from quorum.store.decision_steps import chains_of_decision, chains_of_meeting, meeting_key, meetings_by_key
from quorum.store.search import MARK_END, MARK_START
from quorum.store.search import Filters as StoreFilters
from quorum.store.search import search as store_search

PUBLIC = "public"
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


# ---------------------------------------------------------------- helpers ---


def source_url(source_id: int, start: int, end: int | None = None) -> str:
    """Return the portal URL showing lines ``start``..``end`` of a source, anchored at the first."""
    end = end if end is not None and end >= start else start
    return f"/source/{source_id}?start={start}&end={end}#L{start}"


def ref(row: Any) -> s.SourceRef | None:
    """Return the SourceRef of a row with provenance columns (source_id, page, start_line, end_line)."""
    if row is None or getattr(row, "source_id", None) is None or getattr(row, "start_line", None) is None:
        return None
    end = row.end_line if row.end_line and row.end_line >= row.start_line else row.start_line
    page = getattr(row, "page", None)
    start_page = getattr(row, "start_page", page)
    end_page = getattr(row, "end_page", None)
    return s.SourceRef(
        source_id=row.source_id,
        start_line=row.start_line,
        end_line=end,
        start_page=start_page,
        end_page=end_page,
        url=source_url(row.source_id, row.start_line, end),
    )


def number_in(text: str | None) -> float | None:
    """Return the first number printed in ``text`` ("12.5%", "1,234"), or None."""
    if not text:
        return None
    match = _NUMBER.search(text)
    if not match:
        return None
    try:
        return float(match.group().replace(",", ""))
    except ValueError:
        return None


def fold(text: str | None) -> str:
    """Return ``text`` lower-cased with runs of non-alphanumerics folded to one space."""
    return re.sub(r"[^0-9a-z]+", " ", (text or "").casefold()).strip()


@dataclass(slots=True)
class Withheld:
    """Line spans of one source that are exempt, so facts inside them stay unpublished."""

    spans: dict[int, list[tuple[int, int]]]

    def covers(self, source_id: int | None, start: int | None, end: int | None = None) -> bool:
        """True when lines start..end of ``source_id`` overlap an exempt span."""
        if source_id is None or start is None:
            return False
        end = end if end is not None and end >= start else start
        return any(a <= end and start <= b for a, b in self.spans.get(source_id, ()))

    def row(self, row: Any) -> bool:
        """True when a row with provenance lies (partly) inside an exempt span."""
        return self.covers(
            getattr(row, "source_id", None), getattr(row, "start_line", None), getattr(row, "end_line", None)
        )


def _memo(session: Session, key: str, build: Any) -> Any:
    """Return ``build()`` computed once per session (one request), kept in ``session.info``."""
    if key not in session.info:
        session.info[key] = build()
    return session.info[key]


def withheld(session: Session, source_id: int | None = None) -> Withheld:
    """Return the exempt line spans (exempt documents, agenda items, minutes and reports), per source.

    Computed once per session; ``source_id`` is accepted for callers that need only one source.
    """
    return _memo(session, "quorum.withheld", lambda: _withheld(session))


def _withheld(session: Session, source_id: int | None = None) -> Withheld:
    """Query the exempt line spans of every source (or one)."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    tables: Sequence[Any] = (db.DocumentAppearance, db.AgendaItem, db.MinuteItem)
    for table in tables:
        stmt = select(table.source_id, table.start_line, table.end_line).where(table.access != PUBLIC)
        if source_id is not None:
            stmt = stmt.where(table.source_id == source_id)
        for sid, start, end in session.execute(stmt):
            spans[sid].append((start, max(start, end or start)))
    stmt = select(db.Report.source_id, db.Report.start_line, db.Report.end_line).where(db.Report.exempt.is_(True))
    if source_id is not None:
        stmt = stmt.where(db.Report.source_id == source_id)
    for sid, start, end in session.execute(stmt):
        spans[sid].append((start, max(start, end or start)))
    return Withheld(dict(spans))


# ----------------------------------------------------------------- bodies ---


def _body_summary(org: db.Organization, count: int, name: str | None = None) -> s.BodySummary:
    return s.BodySummary(id=org.id, name=name or org.name, meeting_count=count, url=f"/bodies/{org.id}")


def list_bodies(session: Session) -> list[s.BodySummary]:
    """Return every body that has a meeting or a membership, by name."""
    counts: dict[int, int] = defaultdict(int)
    for (org_id,) in session.execute(select(db.Meeting.organization_id)):
        counts[org_id] += 1
    members = {org_id for (org_id,) in session.execute(select(db.Membership.organization_id).distinct())}
    orgs = session.scalars(select(db.Organization)).all()
    names = _org_names(session)
    out = [
        _body_summary(org, counts.get(org.id, 0), names.get(org.id))
        for org in orgs
        if org.id in counts or org.id in members
    ]
    return sorted(out, key=lambda b: (fold(b.name), b.id))


def get_body(session: Session, body_id: int) -> s.Body | None:
    """Return a body with its members over time, meetings and decisions, or None."""
    org = session.get(db.Organization, body_id)
    if org is None:
        return None
    meetings = list_meetings(session, Filters(body=body_id))
    people = {p.id: p.name for p in list_people(session)}
    hidden = withheld(session)
    rows = session.scalars(select(db.Membership).where(db.Membership.organization_id == body_id)).all()
    name = _org_names(session).get(org.id, org.name)
    memberships = _memberships([r for r in rows if r.person_id in people and not hidden.row(r)], people, {org.id: name})
    decisions = list(reversed(list_decisions(session, Filters(body=body_id))))
    return s.Body(
        **_body_summary(org, len(meetings), name).model_dump(),
        memberships=memberships,
        meetings=list(reversed(meetings)),
        decisions=decisions,
    )


# --------------------------------------------------------------- meetings ---


def _org_names(session: Session) -> dict[int, str]:
    """Return each body's display name: a printed variant not in capitals when there is one."""
    return _memo(session, "quorum.org_names", lambda: _query_org_names(session))


def _query_org_names(session: Session) -> dict[int, str]:
    names = dict(session.execute(select(db.Organization.id, db.Organization.name)).all())
    for org_id, name in session.execute(select(db.OrganizationName.organization_id, db.OrganizationName.name)):
        if names.get(org_id, "").isupper() and not name.isupper():
            names[org_id] = name
    return names


def _meeting_summary(meeting: db.Meeting, orgs: dict[int, str], record: Any = None) -> s.MeetingSummary:
    details = (record.details or {}) if record is not None else {}
    return s.MeetingSummary(
        id=meeting.id,
        body_id=meeting.organization_id,
        body_name=orgs.get(meeting.organization_id) or meeting.name,
        date=meeting.date,
        date_raw=details.get("date_raw"),
        time=meeting.time,
        venue=meeting.venue,
        url=f"/meetings/{meeting.id}",
        source=ref(record),
    )


def _first_records(session: Session, meeting_ids: Iterable[int] | None = None) -> dict[int, db.MeetingRecord]:
    """Return each meeting's front-sheet record (else its minutes record)."""
    stmt = select(db.MeetingRecord).order_by(db.MeetingRecord.id)
    if meeting_ids is not None:
        stmt = stmt.where(db.MeetingRecord.meeting_id.in_(list(meeting_ids)))
    out: dict[int, db.MeetingRecord] = {}
    for record in session.scalars(stmt):
        current = out.get(record.meeting_id)
        if current is None or (current.kind != "agenda" and record.kind == "agenda"):
            out[record.meeting_id] = record
    return out


def list_meetings(session: Session, filters: Filters) -> list[s.MeetingSummary]:
    """Return meetings matching ``filters`` (body, date range) in date order (undated first)."""
    stmt = select(db.Meeting)
    if filters.body is not None:
        stmt = stmt.where(db.Meeting.organization_id == filters.body)
    meetings = [m for m in session.scalars(stmt) if filters.date_ok(m.date)]
    orgs = _org_names(session)
    records = _first_records(session)
    out = [_meeting_summary(m, orgs, records.get(m.id)) for m in meetings]
    return sorted(out, key=lambda m: (m.date or "", m.id))


def _documents(session: Session, rows: Iterable[db.DocumentAppearance]) -> list[s.DocumentSummary]:
    return [
        s.DocumentSummary(
            id=row.id,
            source_id=row.source_id,
            meeting_id=row.meeting_id,
            kind=row.kind,
            title=row.title,
            date=row.date,
            agenda_item=row.agenda_item,
            parent_id=row.parent_id,
            start_page=row.start_page,
            end_page=row.end_page,
            url=f"/documents/{row.id}",
            source=s.SourceRef(
                source_id=row.source_id,
                start_line=row.title_line or row.start_line,
                end_line=max(row.end_line, row.title_line or row.start_line),
                start_page=row.start_page,
                end_page=row.end_page,
                url=source_url(row.source_id, row.start_line, row.end_line),
            ),
        )
        for row in rows
        if row.access == PUBLIC
    ]


def _meeting_context(meeting: db.Meeting | None, orgs: dict[int, str]) -> dict[str, Any]:
    """The meeting date and body that a decision or declaration row shows beside itself."""
    if meeting is None:
        return {"meeting_date": None, "body_id": None, "body_name": None}
    return {
        "meeting_date": meeting.date,
        "body_id": meeting.organization_id,
        "body_name": orgs.get(meeting.organization_id),
    }


def _decision(
    resolution: db.Resolution, item: db.MinuteItem, meeting: db.Meeting | None, orgs: dict[int, str]
) -> s.Decision:
    return s.Decision(
        id=resolution.id,
        meeting_id=resolution.meeting_id,
        **_meeting_context(meeting, orgs),
        minute_number=item.number,
        minute_title=item.title,
        verb=resolution.verb,
        text=resolution.text,
        recommended_to=resolution.recommended_to,
        source=ref(resolution),
    )


def _declaration(row: db.Declaration, meeting: db.Meeting | None, orgs: dict[int, str]) -> s.Declaration:
    return s.Declaration(
        id=row.id,
        meeting_id=row.meeting_id,
        **_meeting_context(meeting, orgs),
        person_id=row.person_id,
        member=row.name,
        item=row.item,
        interest=row.interest,
        kind=row.kind,
        source=ref(row),
    )


def _motion(row: db.Motion) -> s.Motion:
    return s.Motion(
        id=row.id,
        meeting_id=row.meeting_id,
        title=row.title,
        mover=row.mover,
        seconder=row.seconder,
        mover_id=row.mover_id,
        seconder_id=row.seconder_id,
        source=ref(row),
    )


def decision_steps(session: Session, chains: Sequence[Sequence[db.DecisionStep]]) -> list[list[s.DecisionStep]]:
    """Return the public steps of stored decision chains as API models, chain by chain.

    A step inside exempt content is left out (the store never keeps one; this is the gate all the same), and
    so is a chain left with no step. A step that links to no meeting is given the stored meeting of its body
    on its date, when there is one; its body is the stored body of that meeting, or of its printed name.
    """
    hidden = withheld(session)
    rows = [row for chain in chains for row in chain]
    by_key = meetings_by_key(session, rows)
    meeting_ids = {row.meeting_id for row in rows if row.meeting_id} | set(by_key.values())
    meeting_orgs = dict(
        session.execute(select(db.Meeting.id, db.Meeting.organization_id).where(db.Meeting.id.in_(meeting_ids))).all()
    )
    org_keys = _memo(
        session, "quorum.org_keys", lambda: dict(session.execute(select(db.Organization.key, db.Organization.id)).all())
    )
    names = _org_names(session)
    out = []
    for chain in chains:
        steps = []
        for row in chain:
            if hidden.row(row):
                continue
            meeting_id = row.meeting_id or by_key.get(meeting_key(row.body, row.date) or "")
            body_id = meeting_orgs.get(meeting_id) if meeting_id else org_keys.get(body_key(row.body))
            steps.append(
                s.DecisionStep(
                    id=row.id,
                    chain_id=chain[0].id,
                    position=row.position,
                    body_name=names.get(body_id, row.body) if body_id else row.body,
                    body_raw=row.body,
                    body_id=body_id,
                    meeting_id=meeting_id,
                    date=row.date,
                    date_raw=row.date_raw,
                    minute_number=row.item,
                    agenda_item=row.agenda_item,
                    agenda_item_id=row.agenda_item_id,
                    decision_id=row.resolution_id,
                    report_id=row.report_id,
                    outcome=row.outcome,
                    recommended_to=row.recommended_to,
                    text=row.text,
                    source=ref(row),
                )
            )
        if steps:
            out.append(steps)
    return out


def decision_chain(session: Session, decision_id: int) -> s.DecisionChain | None:
    """Return the chains a public decision (a resolution's id) is a step of, or None for no such public decision."""
    found = session.execute(
        select(db.Resolution, db.MinuteItem)
        .join(db.MinuteItem, db.Resolution.minute_item_id == db.MinuteItem.id)
        .where(db.Resolution.id == decision_id)
    ).first()
    hidden = withheld(session)
    if found is None or found[1].access != PUBLIC or hidden.row(found[0]) or hidden.row(found[1]):
        return None
    chains = decision_steps(session, chains_of_decision(session, decision_id))
    return s.DecisionChain(decision_id=decision_id, steps=[step for chain in chains for step in chain])


def _meeting_routes(
    session: Session, meeting: db.Meeting
) -> tuple[dict[int, list[s.DecisionStep]], dict[int, list[s.DecisionStep]], list[s.DecisionStep]]:
    """Return the routes of a meeting's decisions: by agenda item id, by decision id, and every step in order."""
    by_item: dict[int, list[s.DecisionStep]] = defaultdict(list)
    by_decision: dict[int, list[s.DecisionStep]] = defaultdict(list)
    steps: list[s.DecisionStep] = []
    for chain in decision_steps(session, chains_of_meeting(session, meeting)):
        steps += chain
        for item_id in dict.fromkeys(step.agenda_item_id for step in chain if step.agenda_item_id is not None):
            by_item[item_id] += chain
        for decision_id in dict.fromkeys(step.decision_id for step in chain if step.decision_id is not None):
            by_decision[decision_id] += chain
    return by_item, by_decision, steps


def get_meeting(session: Session, meeting_id: int) -> s.Meeting | None:
    """Return a meeting with agenda, attendance, declarations, minutes, motions and documents."""
    meeting = session.get(db.Meeting, meeting_id)
    if meeting is None:
        return None
    orgs = _org_names(session)
    records = session.scalars(
        select(db.MeetingRecord).where(db.MeetingRecord.meeting_id == meeting_id).order_by(db.MeetingRecord.id)
    ).all()
    front = next((r for r in records if r.kind == "agenda"), records[0] if records else None)
    details: dict[str, Any] = {}
    for record in reversed(records):
        details.update({k: v for k, v in (record.details or {}).items() if v not in (None, "", [])})
    hidden = withheld(session)
    appearances = _meeting_appearances(session, meeting_id)
    documents = [d for d in _documents(session, appearances) if not hidden.covers(d.source_id, d.source.start_line)]
    agenda = []
    routes, decision_routes, steps = _meeting_routes(session, meeting)
    agenda_rows = session.scalars(
        select(db.AgendaItem).where(db.AgendaItem.meeting_id == meeting_id).order_by(db.AgendaItem.id)
    ).all()
    item_documents = _item_documents(session, {item.source_id for item in agenda_rows if item.source_id}, hidden)
    for item in agenda_rows:
        if item.access != PUBLIC or hidden.row(item):
            continue
        linked = item_documents.get((item.source_id, item.number), [])
        agenda.append(
            s.AgendaItem(
                id=item.id,
                meeting_id=item.meeting_id,
                number=item.number,
                title=item.title,
                pages_raw=item.pages_raw,
                start_page=item.first_page,
                end_page=item.last_page,
                description=item.description,
                documents=linked,
                source=ref(item),
                route=routes.get(item.id, []),
            )
        )
    attendance = [
        s.Attendance(
            person_id=f.shown.person_id,
            name=f.shown.name,
            status=f.shown.status,
            role=f.shown.role,
            replacing=f.shown.replacing,
            source=ref(f.shown),
            **f.facts(),
        )
        for f in public_attendance(
            session,
            session.scalars(
                select(db.Attendance).where(db.Attendance.meeting_id == meeting_id).order_by(db.Attendance.id)
            ),
        )
    ]
    declarations = [
        _declaration(row, meeting, orgs)
        for row in session.scalars(
            select(db.Declaration).where(db.Declaration.meeting_id == meeting_id).order_by(db.Declaration.id)
        )
        if not hidden.row(row)
    ]
    minutes = []
    items = session.scalars(
        select(db.MinuteItem).where(db.MinuteItem.meeting_id == meeting_id).order_by(db.MinuteItem.id)
    ).all()
    resolutions: dict[int, list[db.Resolution]] = defaultdict(list)
    for resolution in session.scalars(
        select(db.Resolution).where(db.Resolution.meeting_id == meeting_id).order_by(db.Resolution.id)
    ):
        resolutions[resolution.minute_item_id].append(resolution)
    for item in items:
        if item.access != PUBLIC or hidden.row(item):
            continue
        minutes.append(
            s.MinuteItem(
                number=item.number,
                title=item.title,
                decisions=[_decision(r, item, meeting, orgs) for r in resolutions.get(item.id, [])],
                source=ref(item),
                route=[step for r in resolutions.get(item.id, []) for step in decision_routes.get(r.id, [])],
            )
        )
    motions = [
        _motion(row)
        for row in session.scalars(select(db.Motion).where(db.Motion.meeting_id == meeting_id).order_by(db.Motion.id))
        if not hidden.row(row)
    ]
    quorum = details.get("quorum")
    return s.Meeting(
        **_meeting_summary(meeting, orgs, front).model_dump(exclude={"date_raw"}),
        date_raw=details.get("date_raw"),
        quorum=quorum if isinstance(quorum, int) else None,
        chair=_text(details.get("chair")),
        publication_date=_text(details.get("publication_date")),
        public_question_deadline=_text(details.get("public_question_deadline")),
        public_question_address=_text(details.get("public_question_address")),
        agenda=agenda,
        attendance=attendance,
        declarations=declarations,
        minutes=minutes,
        motions=motions,
        documents=documents,
        decision_steps=steps,
    )


def _item_documents(
    session: Session, source_ids: set[int], hidden: Withheld
) -> dict[tuple[int, str], list[s.DocumentSummary]]:
    """Return the public documents of each agenda item (source id, item number) of the packs ``source_ids``.

    A document belongs to the item it is linked to, or else to the item of its nearest linked ancestor:
    a cover sheet's minutes and appendices, a report's appendices, whatever meeting they record.
    A document inside (or below) an exempt one is left out. Each item's documents are in pack order.
    """
    if not source_ids:
        return {}
    rows = session.scalars(
        select(db.DocumentAppearance)
        .where(db.DocumentAppearance.source_id.in_(source_ids))
        .order_by(db.DocumentAppearance.source_id, db.DocumentAppearance.start_line)
    ).all()
    by_id = {row.id: row for row in rows}
    kept = []
    keys: dict[int, tuple[int, str]] = {}
    for row in rows:
        number, public, node, steps = None, True, row, 0
        while node is not None and steps < 50:  # an ancestor chain, guarded against a cycle
            public = public and node.access == PUBLIC
            number = number or node.agenda_item
            node, steps = by_id.get(node.parent_id) if node.parent_id else None, steps + 1
        if number and public:
            kept.append(row)
            keys[row.id] = (row.source_id, number)
    out: dict[tuple[int, str], list[s.DocumentSummary]] = defaultdict(list)
    for document in _documents(session, kept):
        if not hidden.covers(document.source_id, document.source.start_line):
            out[keys[document.id]].append(document)
    return out


def _meeting_appearances(session: Session, meeting_id: int) -> list[db.DocumentAppearance]:
    """Return the documents of a meeting: those linked to it, and the unlinked rest of its own packs."""
    packs = select(db.MeetingRecord.source_id).where(
        db.MeetingRecord.meeting_id == meeting_id, db.MeetingRecord.kind == "agenda"
    )
    stmt = (
        select(db.DocumentAppearance)
        .where(
            (db.DocumentAppearance.meeting_id == meeting_id)
            | (db.DocumentAppearance.meeting_id.is_(None) & db.DocumentAppearance.source_id.in_(packs))
        )
        .order_by(db.DocumentAppearance.source_id, db.DocumentAppearance.start_line)
    )
    return list(session.scalars(stmt))


def _text(value: Any) -> str | None:
    """Return ``value`` when it is a non-empty string, else None."""
    return value if isinstance(value, str) and value.strip() else None


def list_agenda_items(session: Session, filters: Filters) -> list[s.AgendaItem]:
    """Return public agenda items (by id), filtered by meeting and title text."""
    stmt = select(db.AgendaItem).where(db.AgendaItem.access == PUBLIC).order_by(db.AgendaItem.id)
    if filters.meeting is not None:
        stmt = stmt.where(db.AgendaItem.meeting_id == filters.meeting)
    hidden = withheld(session)
    return [
        s.AgendaItem(
            id=item.id,
            meeting_id=item.meeting_id,
            number=item.number,
            title=item.title,
            pages_raw=item.pages_raw,
            start_page=item.first_page,
            end_page=item.last_page,
            description=item.description,
            source=ref(item),
        )
        for item in session.scalars(stmt)
        if not hidden.row(item) and filters.text_ok(item.title, item.description)
    ]


def get_agenda_item(session: Session, item_id: int) -> s.AgendaItem | None:
    """Return one public agenda item with its linked documents, or None."""
    item = session.get(db.AgendaItem, item_id)
    if item is None or item.access != PUBLIC:
        return None
    meeting = get_meeting(session, item.meeting_id)
    if meeting is None:
        return None
    return next((a for a in meeting.agenda if a.id == item_id), None)


# -------------------------------------------------------------- registers ---


def list_decisions(session: Session, filters: Filters) -> list[s.Decision]:
    """Return public decisions matching ``filters`` (body, meeting, dates, text) in date order."""
    stmt = (
        select(db.Resolution, db.MinuteItem, db.Meeting)
        .join(db.MinuteItem, db.Resolution.minute_item_id == db.MinuteItem.id)
        .join(db.Meeting, db.Resolution.meeting_id == db.Meeting.id)
        .where(db.MinuteItem.access == PUBLIC)
    )
    if filters.body is not None:
        stmt = stmt.where(db.Meeting.organization_id == filters.body)
    if filters.meeting is not None:
        stmt = stmt.where(db.Meeting.id == filters.meeting)
    orgs = _org_names(session)
    hidden = withheld(session)
    out = [
        _decision(resolution, item, meeting, orgs)
        for resolution, item, meeting in session.execute(stmt)
        if filters.date_ok(meeting.date)
        and filters.text_ok(resolution.text, item.title)
        and not hidden.row(resolution)
        and not hidden.row(item)
    ]
    return sorted(out, key=lambda d: (d.meeting_date or "", d.id))


def list_declarations(session: Session, filters: Filters) -> list[s.Declaration]:
    """Return declarations matching ``filters`` (body, person, meeting, dates, text) in date order."""
    stmt = select(db.Declaration, db.Meeting).join(db.Meeting, db.Declaration.meeting_id == db.Meeting.id)
    if filters.body is not None:
        stmt = stmt.where(db.Meeting.organization_id == filters.body)
    if filters.meeting is not None:
        stmt = stmt.where(db.Meeting.id == filters.meeting)
    if filters.person is not None:
        stmt = stmt.where(db.Declaration.person_id == filters.person)
    orgs = _org_names(session)
    hidden = withheld(session)
    out = [
        _declaration(row, meeting, orgs)
        for row, meeting in session.execute(stmt)
        if filters.date_ok(meeting.date) and filters.text_ok(row.name, row.item, row.interest) and not hidden.row(row)
    ]
    return sorted(out, key=lambda d: (d.meeting_date or "", d.id))


# ---------------------------------------------------------------- people ---


def list_people(session: Session, name: str | None = None) -> list[s.PersonSummary]:
    """Return people (by name), optionally only those whose name contains ``name``."""
    needle = (name or "").casefold().strip()
    people = session.execute(select(db.Person.id, db.Person.name)).all()
    public = public_person_ids(session)
    out = [
        s.PersonSummary(id=pid, name=pname, url=f"/people/{pid}")
        for pid, pname in people
        if pid in public and (not needle or needle in pname.casefold())
    ]
    return sorted(out, key=lambda p: (fold(p.name), p.id))


def _memberships(rows: Iterable[db.Membership], people: dict[int, str], orgs: dict[int, str]) -> list[s.Membership]:
    """Fold membership observations into one row per person, body and role, with the date span seen."""
    spans: dict[tuple[int, int, str], list[str | None]] = {}
    for row in rows:
        key = (row.person_id, row.organization_id, row.role)
        dates = [d for d in (row.start_date, row.observed_on, row.end_date) if d]
        first, last = (min(dates), max(dates)) if dates else (None, None)
        if key not in spans:
            spans[key] = [first, last]
        else:
            old = spans[key]
            old[0] = min(filter(None, (old[0], first)), default=None)
            old[1] = max(filter(None, (old[1], last)), default=None)
    out = [
        s.Membership(
            person_id=pid,
            person_name=people.get(pid, ""),
            body_id=oid,
            body_name=orgs.get(oid),
            role=role,
            start_date=first,
            end_date=last,
        )
        for (pid, oid, role), (first, last) in spans.items()
    ]
    return sorted(out, key=lambda m: (m.start_date or "", fold(m.body_name), fold(m.person_name), m.role or ""))


#: Statuses that count as attending a meeting.
ATTENDED = {"present", "reserve", "in_attendance"}
#: Statuses that say the person was not there.
NOT_ATTENDED = {"apologies", "absent"}
MINUTES, CLERK = "minutes", "clerk"


def attended(status: str | None) -> bool | None:
    """True when ``status`` says the person was there, False when not, None when it says neither ("expected")."""
    if status in ATTENDED:
        return True
    if status in NOT_ATTENDED:
        return False
    return None


@dataclass(slots=True)
class AttendanceFold:
    """Every attendance row of one person at one meeting, and the one whose status is shown.

    ``shown`` is the minutes' row that says most (attended, else not, else the first), else the clerk's;
    ``clerk`` is the clerk's row when there is one; ``disagreement`` says how the clerk and minutes differ.
    """

    shown: db.Attendance
    clerk: db.Attendance | None
    rows: list[db.Attendance]
    disagreement: str | None

    def facts(self) -> dict[str, Any]:
        """Return the AttendanceFacts fields (origin, clerk status, disagreement, citations) as a dict."""
        seen: set[tuple[str, int | None, int | None, int | None]] = set()
        citations = []
        for row in sorted(self.rows, key=lambda r: (r.origin != MINUTES, r.id)):
            key = (row.origin, row.source_id, row.start_line, row.end_line)
            if key in seen:
                continue
            seen.add(key)
            citations.append(
                s.AttendanceCitation(origin=row.origin, status=row.status, status_raw=row.status_raw, source=ref(row))
            )
        return {
            "origin": self.shown.origin,
            "clerk_status": self.clerk.status if self.clerk is not None else None,
            "clerk_status_raw": self.clerk.status_raw if self.clerk is not None else None,
            "disagreement": self.disagreement,
            "citations": citations,
        }


def _decisive(rows: list[db.Attendance]) -> db.Attendance:
    """Return the row that says most: one saying they attended, else one saying they did not, else the first."""
    for want in (True, False):
        for row in rows:
            if attended(row.status) is want:
                return row
    return rows[0]


def fold_attendance(rows: Iterable[db.Attendance], recorded_by: dict[int, set[str]]) -> list[AttendanceFold]:
    """Fold attendance rows into one per person per meeting, in order of each one's first row.

    The same minutes printed twice (a Cabinet record of decisions in two agenda items of a Council
    summons) and the clerk's record of the same meeting are one attendance, with all their rows.
    People are matched by person id, else by folded name. ``recorded_by`` maps a meeting id to the
    origins that recorded any attendance at it, so a person on only one side is flagged when the
    other side has a list (the rules of quorum.store.clerk_attendance.attendance_disagreements).
    """
    groups: dict[tuple[int, Any], list[db.Attendance]] = {}
    for row in rows:
        who = row.person_id if row.person_id is not None else fold(row.name)
        groups.setdefault((row.meeting_id, who), []).append(row)
    out = []
    for (meeting_id, _), group in groups.items():
        minutes = [r for r in group if r.origin != CLERK]
        clerk = next((r for r in group if r.origin == CLERK), None)
        shown = _decisive(minutes) if minutes else _decisive(group)
        origins = recorded_by.get(meeting_id, set())
        disagreement = None
        if minutes and clerk is not None:
            said_minutes, said_clerk = attended(shown.status), attended(clerk.status)
            if said_minutes is not None and said_clerk is not None and said_minutes != said_clerk:
                disagreement = "differs"
        elif clerk is not None and MINUTES in origins and attended(clerk.status) is True:
            disagreement = "clerk only"
        elif minutes and CLERK in origins and shown.status in {"present", "apologies"}:
            disagreement = "minutes only"
        out.append(AttendanceFold(shown, clerk, group, disagreement))
    return out


def attendance_origins(session: Session, meeting_ids: Iterable[int] | None = None) -> dict[int, set[str]]:
    """Return, per meeting, the origins ("minutes", "clerk") that recorded attendance at it."""
    stmt = select(db.Attendance.meeting_id, db.Attendance.origin).distinct()
    if meeting_ids is not None:
        stmt = stmt.where(db.Attendance.meeting_id.in_(list(meeting_ids)))
    out: dict[int, set[str]] = defaultdict(set)
    for meeting_id, origin in session.execute(stmt):
        out[meeting_id].add(origin or MINUTES)
    return out


def merged_sources(records: Iterable[s.AttendanceFacts], origin: str = MINUTES, gap: int = 5) -> list[s.SourceRef]:
    """Return the line spans citing ``records`` by ``origin``, neighbouring lines of a source merged into one span.

    Takes attendance rows (each with its citations); returns one SourceRef per run of lines at most
    ``gap`` lines apart, by source and line, so a list printed twice gives two links.
    """
    spans: dict[int, list[tuple[int, int, int | None, int | None]]] = defaultdict(list)
    for record in records:
        for citation in record.citations:
            src = citation.source
            if citation.origin == origin and src is not None:
                spans[src.source_id].append((src.start_line, src.end_line, src.start_page, src.end_page))
    out = []
    for source_id in sorted(spans):
        runs: list[list[Any]] = []
        for start, end, first_page, last_page in sorted(spans[source_id]):
            if runs and start <= runs[-1][1] + gap:
                run = runs[-1]
                run[1] = max(run[1], end)
                run[3] = max(filter(None, (run[3], last_page, first_page)), default=None)
            else:
                runs.append([start, end, first_page, last_page])
        out += [
            s.SourceRef(
                source_id=source_id,
                start_line=start,
                end_line=end,
                start_page=first_page,
                end_page=last_page if last_page != first_page else None,
                url=source_url(source_id, start, end),
            )
            for start, end, first_page, last_page in runs
        ]
    return out


def public_attendance(session: Session, rows: Iterable[db.Attendance]) -> list[AttendanceFold]:
    """Return ``rows`` outside exempt content folded to one per person per meeting (see fold_attendance)."""
    hidden = withheld(session)
    kept = [row for row in rows if not hidden.row(row)]
    return fold_attendance(kept, attendance_origins(session, {row.meeting_id for row in kept}))


def attendance_rates(records: Sequence[s.AttendanceRecord]) -> list[s.AttendanceRate]:
    """Return per-body attendance: meetings recorded, present, apologies and the rate present/recorded.

    Each meeting counts once however many records it has (computed here, not with the store's
    ``attendance_record``, which counts rows); a status that says neither way ("expected") is not counted.
    """
    per_body: dict[tuple[int | None, str | None], dict[int, str]] = defaultdict(dict)
    for record in records:
        if attended(record.status) is None:
            continue
        key = (record.meeting.body_id, record.meeting.body_name)
        seen = per_body[key].get(record.meeting.id)
        if seen is None or (seen not in ATTENDED and record.status in ATTENDED):
            per_body[key][record.meeting.id] = record.status
    out = []
    for (body_id, body_name), statuses in per_body.items():
        present = sum(1 for status in statuses.values() if status in ATTENDED)
        apologies = sum(1 for status in statuses.values() if status == "apologies")
        total = len(statuses)
        out.append(
            s.AttendanceRate(
                body_id=body_id,
                body_name=body_name,
                meetings=total,
                present=present,
                apologies=apologies,
                rate=present / total if total else None,
            )
        )
    return sorted(out, key=lambda r: fold(r.body_name))


def get_person(session: Session, person_id: int) -> s.Person | None:
    """Return a person with memberships, attendance (and rates), declarations, motions and reports."""
    person = session.get(db.Person, person_id)
    if person is None or person_id not in public_person_ids(session):
        return None
    orgs = _org_names(session)
    memberships = _memberships(
        session.scalars(select(db.Membership).where(db.Membership.person_id == person_id)).all(),
        {person.id: person.name},
        orgs,
    )
    rows = session.scalars(
        select(db.Attendance).where(db.Attendance.person_id == person_id).order_by(db.Attendance.id)
    ).all()
    folds = public_attendance(session, rows)
    meetings = {
        m.id: m for m in session.scalars(select(db.Meeting).where(db.Meeting.id.in_({r.meeting_id for r in rows})))
    }
    records = _first_records(session, meetings)
    attendance = [
        s.AttendanceRecord(
            meeting=_meeting_summary(meetings[f.shown.meeting_id], orgs, records.get(f.shown.meeting_id)),
            status=f.shown.status,
            role=f.shown.role,
            source=ref(f.shown),
            **f.facts(),
        )
        for f in folds
        if f.shown.meeting_id in meetings
    ]
    attendance.sort(key=lambda a: (a.meeting.date or "", a.meeting.id), reverse=True)
    declarations = list(reversed(list_declarations(session, Filters(person=person_id))))
    hidden = withheld(session)
    motions = [
        _motion(row)
        for row in session.scalars(
            select(db.Motion)
            .where((db.Motion.mover_id == person_id) | (db.Motion.seconder_id == person_id))
            .order_by(db.Motion.id)
        )
        if not hidden.row(row)
    ]
    return s.Person(
        id=person.id,
        name=person.name,
        url=f"/people/{person.id}",
        memberships=memberships,
        attendance_rates=attendance_rates(attendance),
        attendance=attendance,
        declarations=declarations,
        motions=motions,
        reports=_reports_by(session, person, hidden),
    )


def _officer_names(fields: dict[str, Any] | None) -> list[str]:
    """Return the responsible officers and contact named in a report's JSON fields."""
    fields = fields or {}
    names = [n for n in fields.get("responsible_officers") or [] if isinstance(n, str)]
    contact = fields.get("contact")
    if isinstance(contact, dict) and isinstance(contact.get("name"), str):
        names.append(contact["name"])
    return names


def _reports_by(session: Session, person: db.Person, hidden: Withheld) -> list[s.Report]:
    """Return public reports naming ``person`` as a responsible officer or contact."""
    keys = {fold(person.name)} | {
        fold(n) for (n,) in session.execute(select(db.PersonName.name).where(db.PersonName.person_id == person.id))
    }
    keys.discard("")
    out = []
    for report in session.scalars(select(db.Report).where(db.Report.exempt.is_not(True)).order_by(db.Report.id)):
        officers = _officer_names(report.fields)
        if hidden.row(report) or not any(any(k in fold(o) for k in keys) for o in officers):
            continue
        out.append(_report(report, officers))
    return out


def _report(report: db.Report, officers: list[str]) -> s.Report:
    return s.Report(
        id=report.id,
        document_id=report.appearance_id,
        meeting_id=report.meeting_id,
        subject=report.subject,
        report_for=report.report_for,
        meeting_date=report.meeting_date,
        officers=officers,
        url=f"/documents/{report.appearance_id}" if report.appearance_id else None,
        source=ref(report),
    )


# -------------------------------------------------------------- documents ---


def document_kinds(session: Session) -> list[str]:
    """Return the document kinds present among public documents, sorted."""
    rows = session.execute(
        select(db.DocumentAppearance.kind).where(db.DocumentAppearance.access == PUBLIC).distinct()
    ).all()
    return sorted(kind for (kind,) in rows)


def list_documents(session: Session, filters: Filters) -> list[s.DocumentSummary]:
    """Return public documents filtered by meeting and kind, by id."""
    if filters.meeting is not None:
        rows = _meeting_appearances(session, filters.meeting)
    else:
        rows = list(session.scalars(select(db.DocumentAppearance).order_by(db.DocumentAppearance.id)))
    rows = [row for row in rows if not filters.kind or row.kind == filters.kind]
    hidden = withheld(session)
    documents = [d for d in _documents(session, rows) if not hidden.covers(d.source_id, d.source.start_line)]
    return sorted(documents, key=lambda d: d.id)


def get_document(session: Session, document_id: int) -> s.DocumentSummary | None:
    """Return one public document, or None."""
    row = session.get(db.DocumentAppearance, document_id)
    if row is None:
        return None
    found = _documents(session, [row])
    if not found or withheld(session, row.source_id).covers(row.source_id, found[0].source.start_line):
        return None
    return found[0]


# ------------------------------------------------------------- indicators ---


def _indicator_rows(session: Session) -> dict[str, list[db.Indicator]]:
    """Return public indicator rows grouped by folded label, each group in id order."""
    exempt_appearances = {
        aid
        for (aid,) in session.execute(select(db.DocumentAppearance.id).where(db.DocumentAppearance.access != PUBLIC))
    }
    hidden = withheld(session)
    groups: dict[str, list[db.Indicator]] = defaultdict(list)
    for row in session.scalars(select(db.Indicator).order_by(db.Indicator.id)):
        if row.appearance_id in exempt_appearances or hidden.row(row):
            continue
        groups[fold(row.label)].append(row)
    return groups


def _indicator(rows: list[db.Indicator]) -> s.Indicator:
    first = rows[0]
    points = [
        s.IndicatorPoint(
            period=row.period,
            value=row.value,
            value_number=row.value_number,
            target=row.target,
            rag=row.rag,
            comparators={str(k): str(v) for k, v in (row.comparators or {}).items()},
            source=ref(row),
        )
        for row in rows
    ]
    comparators: dict[str, str] = {}
    for point in points:
        comparators.update(point.comparators)
    target = next((row.target for row in reversed(rows) if row.target), None)
    return s.Indicator(
        id=first.id,
        label=first.label,
        unit=next((row.unit for row in rows if row.unit), None),
        target=target,
        comparators=comparators,
        points=points,
        url=f"/indicators/{first.id}",
        source=ref(first),
    )


def list_indicators(session: Session, text: str | None = None) -> list[s.Indicator]:
    """Return indicators (readings grouped by label) in id order, optionally filtered by label text."""
    needle = (text or "").casefold()
    out = [_indicator(rows) for rows in _indicator_rows(session).values()]
    return sorted((i for i in out if needle in i.label.casefold()), key=lambda i: i.id)


def get_indicator(session: Session, indicator_id: int) -> s.Indicator | None:
    """Return the indicator whose first reading has id ``indicator_id``, or None."""
    for rows in _indicator_rows(session).values():
        if rows[0].id == indicator_id:
            return _indicator(rows)
    return None


# ------------------------------------------------------ public references ---


def public_person_ids(session: Session) -> set[int]:
    """Return ids of people named somewhere outside exempt content (others are never published)."""
    return _memo(session, "quorum.public_people", lambda: _public_person_ids(session))


def _public_person_ids(session: Session) -> set[int]:
    hidden = withheld(session)
    seen: set[int] = set()
    sources: list[Any] = [
        select(db.PersonName.person_id, db.PersonName.source_id, db.PersonName.line, db.PersonName.line),
        select(db.Attendance.person_id, db.Attendance.source_id, db.Attendance.start_line, db.Attendance.end_line),
        select(db.Membership.person_id, db.Membership.source_id, db.Membership.start_line, db.Membership.end_line),
        select(db.Declaration.person_id, db.Declaration.source_id, db.Declaration.start_line, db.Declaration.end_line),
        select(db.Motion.mover_id, db.Motion.source_id, db.Motion.start_line, db.Motion.end_line),
        select(db.Motion.seconder_id, db.Motion.source_id, db.Motion.start_line, db.Motion.end_line),
    ]
    for stmt in sources:
        for person_id, source_id, start, end in session.execute(stmt):
            if person_id is None or person_id in seen:
                continue
            if start is None or not hidden.covers(source_id, start, end):
                seen.add(person_id)
    return seen


def list_memberships(session: Session) -> list[s.Membership]:
    """Return every membership (one row per person, body and role, with the dates seen)."""
    hidden = withheld(session)
    people = {p.id: p.name for p in list_people(session)}
    rows = [r for r in session.scalars(select(db.Membership)) if r.person_id in people and not hidden.row(r)]
    return _memberships(rows, people, _org_names(session))


def list_motions(session: Session) -> list[s.Motion]:
    """Return every public notice of motion, by id."""
    hidden = withheld(session)
    return [_motion(row) for row in session.scalars(select(db.Motion).order_by(db.Motion.id)) if not hidden.row(row)]


# ----------------------------------------------------------------- search ---

#: Most hits a search returns (pages and feeds paginate within them).
SEARCH_LIMIT = 200


def _snippet_html(snippet: str) -> str:
    """Return the store's snippet HTML-escaped, its match markers turned into <mark> elements."""
    escaped = html.escape(snippet.replace("\n", " "), quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search(session: Session, query: str, filters: Filters, limit: int = SEARCH_LIMIT) -> list[s.SearchHit]:
    """Search with the store's full-text search; return ranked public hits linking to their lines."""
    return search_hits(session, query, filters, limit)[0]


def search_hits(
    session: Session, query: str, filters: Filters, limit: int = SEARCH_LIMIT
) -> tuple[list[s.SearchHit], bool]:
    """Return ranked public hits (repeats of a passage in one file folded) and whether ``limit`` cut them off."""
    body_name = None
    if filters.body is not None:
        org = session.get(db.Organization, filters.body)
        if org is None:
            return [], False
        body_name = org.name
    start, end = filters.date_range()
    store_filters = StoreFilters(
        body=body_name, date_from=start, date_to=end, kind=filters.kind or None, person=filters.person
    )
    hits = store_search(session, query, store_filters, limit=limit)
    truncated = len(hits) >= limit
    paths = dict(session.execute(select(db.Source.path, db.Source.id)).all())
    hidden = withheld(session)
    out = []
    seen: set[tuple[int, str]] = set()
    for hit in hits:
        source_id = paths.get(hit.source_path)
        if source_id is None or hidden.covers(source_id, hit.start_line, hit.end_line):
            continue
        passage = (source_id, fold(hit.snippet))
        if passage in seen:  # the same snippet again in the same file (a running header, a repeated title)
            continue
        seen.add(passage)
        kind = hit.document_kind if hit.kind == "text" and hit.document_kind else hit.kind
        out.append(
            s.SearchHit(
                kind=kind,
                title=hit.title or f"{kind.replace('_', ' ').capitalize()} in {hit.source_path.rsplit('/', 1)[-1]}",
                snippet=_snippet_html(hit.snippet),
                score=hit.rank,
                url=source_url(source_id, hit.start_line, hit.end_line),
                meeting_id=hit.meeting_id,
                body_name=hit.body,
                date=hit.date,
                source=s.SourceRef(
                    source_id=source_id,
                    start_line=hit.start_line,
                    end_line=max(hit.start_line, hit.end_line),
                    start_page=hit.page,
                    url=source_url(source_id, hit.start_line, hit.end_line),
                ),
            )
        )
    return out, truncated
