"""The questions people ask of the store: a person's record, a body's meetings and members, decisions.

Each function takes a session and returns plain dataclasses, ready for the
command line, the portal or the API. Every row carries a citation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quorum.store import schema as s
from quorum.store.search import Filters, Hit, find_organization_ids, find_person_ids, search


@dataclass(slots=True)
class PersonSummary:
    """A person with the names they were printed as."""

    id: int
    name: str
    honorific_prefix: str | None
    aliases: list[str] = field(default_factory=list)
    candidates: list[tuple[int, str, float, str]] = field(default_factory=list)  # (id, name, score, reason)


@dataclass(slots=True)
class AttendanceRate:
    """A person's attendance at one body's meetings.

    ``expected`` counts meetings where they were recorded as a member
    (present or sending apologies); ``as_reserve`` meetings they attended
    as a reserve or substitute; ``in_attendance`` meetings they attended
    without being a member (officers, guests).
    """

    body: str
    expected: int = 0
    present: int = 0
    apologies: int = 0
    as_reserve: int = 0
    in_attendance: int = 0

    @property
    def rate(self) -> float | None:
        """Share of expected meetings attended (None when none were expected)."""
        return self.present / self.expected if self.expected else None


@dataclass(slots=True)
class RoleSpell:
    """A role a person held in a body, between the first and last dates a document states it."""

    body: str
    role: str
    label: str | None
    first_seen: str | None
    last_seen: str | None
    times: int
    citation: str


@dataclass(slots=True)
class DeclarationRow:
    """A declaration of interest with its meeting and citation."""

    date: str | None
    body: str
    item: str | None
    interest: str | None
    kind: str | None
    citation: str


@dataclass(slots=True)
class MeetingRow:
    """A meeting of a body with counts of what the store holds about it."""

    id: int
    date: str | None
    time: str | None
    venue: str | None
    agenda_items: int
    minute_items: int
    present: int
    sources: list[str]


@dataclass(slots=True)
class MemberRow:
    """A member of a body and their roles there."""

    person_id: int
    name: str
    roles: list[str]
    last_seen: str | None


def _citation(path: str, start: int, end: int, page: int | None = None) -> str:
    page_text = f", page {page}" if page is not None else ""
    lines = f"line {start}" if start == end else f"lines {start}-{end}"
    return f"{path}{page_text}, {lines}"


def people(session: Session, name: str) -> list[PersonSummary]:
    """Return the people matching ``name`` (an id, a full name as printed, or a family name)."""
    out = []
    for person_id in find_person_ids(session, name):
        person = session.get(s.Person, person_id)
        if person is None:
            continue
        aliases = sorted(set(session.scalars(select(s.PersonName.name).where(s.PersonName.person_id == person_id))))
        candidates = [
            (row.candidate_id, other, row.score, row.reason)
            for row, other in session.execute(
                select(s.CandidateMatch, s.Person.name)
                .join(s.Person, s.Person.id == s.CandidateMatch.candidate_id)
                .where(s.CandidateMatch.person_id == person_id)
            ).all()
        ]
        out.append(PersonSummary(person.id, person.name, person.honorific_prefix, aliases, candidates))
    return out


def attendance_record(session: Session, person_id: int) -> list[AttendanceRate]:
    """Return a person's attendance per body, with rates, from the minutes in the store."""
    rows = session.execute(
        select(s.Organization.name, s.Attendance.status, func.count(func.distinct(s.Attendance.meeting_id)))
        .join(s.Meeting, s.Meeting.id == s.Attendance.meeting_id)
        .join(s.Organization, s.Organization.id == s.Meeting.organization_id)
        .where(s.Attendance.person_id == person_id)
        .group_by(s.Organization.name, s.Attendance.status)
        .order_by(s.Organization.name)
    ).all()
    by_body: dict[str, AttendanceRate] = {}
    for body, status, count in rows:
        rate = by_body.setdefault(body, AttendanceRate(body))
        if status == "present":
            rate.present += count
            rate.expected += count
        elif status == "apologies":
            rate.apologies += count
            rate.expected += count
        elif status == "reserve":
            rate.as_reserve += count
        else:
            rate.in_attendance += count
    return list(by_body.values())


def roles(session: Session, person_id: int) -> list[RoleSpell]:
    """Return a person's roles over time: one row per body and role, first and last dates seen."""
    rows = session.execute(
        select(s.Organization.name, s.Membership, s.Source.path)
        .join(s.Organization, s.Organization.id == s.Membership.organization_id)
        .join(s.Source, s.Source.id == s.Membership.source_id)
        .where(s.Membership.person_id == person_id)
        .order_by(s.Membership.observed_on, s.Membership.id)
    ).all()
    spells: dict[tuple[str, str, str | None], RoleSpell] = {}
    for body, membership, path in rows:
        key = (body, membership.role, membership.label)
        spell = spells.get(key)
        date = membership.observed_on
        if spell is None:
            spells[key] = RoleSpell(
                body,
                membership.role,
                membership.label,
                date,
                date,
                1,
                _citation(path, membership.start_line, membership.end_line, membership.page),
            )
            continue
        spell.times += 1
        if date and (spell.first_seen is None or date < spell.first_seen):
            spell.first_seen = date
        if date and (spell.last_seen is None or date > spell.last_seen):
            spell.last_seen = date
    return sorted(spells.values(), key=lambda r: (r.first_seen or "", r.body, r.role))


def declarations(session: Session, person_id: int) -> list[DeclarationRow]:
    """Return a person's declarations of interest, oldest first."""
    rows = session.execute(
        select(s.Declaration, s.Meeting.date, s.Organization.name, s.Source.path)
        .join(s.Meeting, s.Meeting.id == s.Declaration.meeting_id)
        .join(s.Organization, s.Organization.id == s.Meeting.organization_id)
        .join(s.Source, s.Source.id == s.Declaration.source_id)
        .where(s.Declaration.person_id == person_id)
        .order_by(s.Meeting.date, s.Declaration.id)
    ).all()
    return [
        DeclarationRow(date, body, d.item, d.interest, d.kind, _citation(path, d.start_line, d.end_line, d.page))
        for d, date, body, path in rows
    ]


def body_meetings(session: Session, body: str) -> list[MeetingRow]:
    """Return the meetings of the body named ``body``, newest first."""
    org_ids = find_organization_ids(session, body)
    meetings = session.scalars(
        select(s.Meeting).where(s.Meeting.organization_id.in_(org_ids)).order_by(s.Meeting.date.desc(), s.Meeting.id)
    ).all()
    out = []
    for meeting in meetings:

        def count(model: type[s.Base], *where: object, meeting_id: int = meeting.id) -> int:
            return (
                session.scalar(
                    select(func.count()).select_from(model).where(model.meeting_id == meeting_id, *where)  # type: ignore[attr-defined]
                )
                or 0
            )

        sources = sorted(
            set(
                session.scalars(
                    select(s.Source.path)
                    .join(s.MeetingRecord, s.MeetingRecord.source_id == s.Source.id)
                    .where(s.MeetingRecord.meeting_id == meeting.id)
                )
            )
        )
        out.append(
            MeetingRow(
                meeting.id,
                meeting.date,
                meeting.time,
                meeting.venue,
                count(s.AgendaItem),
                count(s.MinuteItem),
                count(s.Attendance, s.Attendance.status == "present"),
                sources,
            )
        )
    return out


def body_members(session: Session, body: str) -> list[MemberRow]:
    """Return the people recorded with a role in the body named ``body`` and their roles there."""
    org_ids = find_organization_ids(session, body)
    rows = session.execute(
        select(s.Person.id, s.Person.name, s.Membership.role, s.Membership.observed_on)
        .join(s.Membership, s.Membership.person_id == s.Person.id)
        .where(s.Membership.organization_id.in_(org_ids))
        .order_by(s.Person.family_name, s.Person.name)
    ).all()
    members: dict[int, MemberRow] = {}
    seen: dict[int, list[str]] = defaultdict(list)
    for person_id, name, role, observed in rows:
        row = members.setdefault(person_id, MemberRow(person_id, name, [], None))
        if role not in seen[person_id]:
            seen[person_id].append(role)
            row.roles.append(role)
        if observed and (row.last_seen is None or observed > row.last_seen):
            row.last_seen = observed
    return list(members.values())


def decisions(session: Session, subject: str, filters: Filters | None = None, *, limit: int = 20) -> list[Hit]:
    """Return resolutions (decisions) about ``subject``, best first (full-text search of resolutions)."""
    filters = filters or Filters()
    filters.kind = "resolution"
    return search(session, subject, filters, limit=limit)
