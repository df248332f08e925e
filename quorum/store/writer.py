"""Write one prepared source into the store, inside the caller's transaction.

:func:`write_source` replaces everything a source said before (its facts,
aliases, appearances and passages are deleted and written again) while the
entities shared across sources keep their ids: people, bodies, posts and
meetings are found by natural key, documents by content hash. Entities no
longer mentioned by any source are removed at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from quorum import model as m
from quorum.model import Access, to_jsonable
from quorum.resolve.bodies import body_key, occasion
from quorum.resolve.names import fold, roles_of
from quorum.store import schema as s
from quorum.store.decision_steps import write_decision_steps
from quorum.store.identity import Context, Identities, IdentityCache
from quorum.store.prepare import Prepared, similarity

#: Tables holding facts owned by one source, children before parents.
SOURCE_TABLES: tuple[type[s.Base], ...] = (
    s.TextChunk,
    s.RecommendationLink,
    s.Indicator,
    s.DataTable,
    s.Report,
    s.Vote,
    s.Resolution,
    s.MinuteItem,
    s.Declaration,
    s.Attendance,
    s.Motion,
    s.AgendaItem,
    s.Membership,
    s.MeetingRecord,
    s.CandidateMatch,
    s.PersonName,
    s.OrganizationName,
    s.DocumentAppearance,
)

#: Near-duplicate documents: at least this share of content lines in common, and this many lines.
NEAR_DUPLICATE = 0.9
MIN_NEAR_DUPLICATE_LINES = 20

#: Roles held in the body itself, and roles that are posts of the Council whatever the body.
BODY_ROLES = frozenset({"chair", "vice-chair", "co-optee", "adviser"})
COUNCIL_ROLES = frozenset({"mayor", "deputy mayor", "leader", "deputy leader", "portfolio holder"})


def with_title(title: str | None, name: str) -> str:
    """Put a printed title before a name unless the name already starts with it.

    ("Councillor Mrs", "Mrs Christine Robson") → "Councillor Mrs Christine Robson".
    """
    if not title:
        return name
    title_words, name_words = title.split(), name.split()
    for overlap in range(min(len(title_words), len(name_words)), 0, -1):
        if [w.casefold() for w in title_words[-overlap:]] == [w.casefold() for w in name_words[:overlap]]:
            title_words = title_words[:-overlap]
            break
    return " ".join([*title_words, *name_words])


def insert_plain_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, plain values: no JSON, dates or defaults to fill) into ``table``.

    On SQLite the rows go straight to the driver's executemany (SQLAlchemy's
    per-row parameter processing cost as much as SQLite's own insert for
    passages); elsewhere a Core executemany (insertmanyvalues on PostgreSQL).
    """
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    connection.exec_driver_sql(sql, [tuple(row[column] for column in columns) for row in rows])


def now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


def clear_source(session: Session, source_id: int) -> None:
    """Delete every fact, alias, appearance and passage of a source (the source row stays)."""
    session.execute(
        s.DocumentAppearance.__table__.update()
        .where(s.DocumentAppearance.source_id == source_id)
        .values(parent_id=None)
    )
    for table in SOURCE_TABLES:
        session.execute(delete(table).where(table.source_id == source_id))  # type: ignore[attr-defined]


def promote_canonical(session: Session) -> None:
    """Index the passages of each document's first remaining appearance (after a source was replaced)."""
    first = select(func.min(s.DocumentAppearance.id)).group_by(s.DocumentAppearance.document_id)
    session.execute(
        update(s.TextChunk)
        .where(s.TextChunk.canonical.is_(False), s.TextChunk.appearance_id.in_(first))
        .values(canonical=True)
    )


def collect_garbage(session: Session) -> None:
    """Delete shared entities no source mentions any more (people, bodies, posts, meetings, documents)."""
    session.execute(delete(s.Post).where(~select(s.Membership.id).where(s.Membership.post_id == s.Post.id).exists()))
    session.execute(
        delete(s.Meeting).where(~select(s.MeetingRecord.id).where(s.MeetingRecord.meeting_id == s.Meeting.id).exists())
    )
    session.execute(
        delete(s.Document).where(
            ~select(s.DocumentAppearance.id).where(s.DocumentAppearance.document_id == s.Document.id).exists()
        )
    )
    session.execute(
        delete(s.Person).where(~select(s.PersonName.id).where(s.PersonName.person_id == s.Person.id).exists())
    )
    session.execute(
        delete(s.Organization).where(
            ~select(s.OrganizationName.id).where(s.OrganizationName.organization_id == s.Organization.id).exists(),
            ~select(s.Meeting.id).where(s.Meeting.organization_id == s.Organization.id).exists(),
        )
    )


@dataclass
class _Writer:
    """State while writing one source."""

    session: Session
    source_id: int
    prepared: Prepared
    ids: Identities
    appearances: list[int | None] = field(default_factory=list)
    appearance_meeting: dict[int, int] = field(default_factory=dict)
    pack_meeting: tuple[int, int, str | None] | None = None  # (meeting id, organization id, date)
    minutes_meetings: list[tuple[int, int, str | None] | None] = field(default_factory=list)
    minute_items: dict[tuple[int, str], s.MinuteItem] = field(default_factory=dict)
    report_ids: list[s.Report | None] = field(default_factory=list)
    chunks: list[dict[str, Any]] = field(default_factory=list)
    refs: dict[int, s.Base] = field(default_factory=dict)  # chunk index → the row it quotes
    posts: dict[tuple[int, str, str], int] = field(default_factory=dict)  # (organization, role, label) → post id
    pending: dict[type[s.Base], list[dict[str, Any]]] = field(default_factory=dict)  # fact rows nothing reads back

    # ------------------------------------------------------------ helpers ---

    def add_row(self, model: type[s.Base], **values: Any) -> None:
        """Queue a fact row that needs no id and that nothing reads back while the source is written."""
        self.pending.setdefault(model, []).append(values)

    def insert_pending(self) -> None:
        """Insert the queued fact rows, one Core executemany per table (no ORM object per row)."""
        for model, rows in self.pending.items():
            self.session.execute(model.__table__.insert(), rows)
        self.pending.clear()

    def prov(self, start: int, end: int | None = None, page: int | None = None) -> dict[str, Any]:
        """Provenance columns for lines ``start``..``end``."""
        end = start if end is None or end < start else end
        return {
            "source_id": self.source_id,
            "page": page,
            "start_line": start,
            "end_line": end,
            "verbatim": self.prepared.verbatim(start, end),
        }

    def chunk(
        self, kind: str, text: str | None, start: int, end: int | None, ref: s.Base | None = None, **extra: Any
    ) -> None:
        """Queue a search passage unless it is empty or exempt; ``ref`` is the row it comes from (id read later)."""
        if not text or not text.strip():
            return
        end = start if end is None or end < start else end
        if self.prepared.is_exempt(start, end):
            return
        row = {
            "source_id": self.source_id,
            "appearance_id": None,
            "document_id": None,
            "meeting_id": None,
            "organization_id": None,
            "kind": kind,
            "document_kind": None,
            "ref_id": None,
            "date": None,
            "title": None,
            "page": None,
            "start_line": start,
            "end_line": end,
            "text": text.strip(),
        }
        row.update(extra)
        if ref is not None:
            self.refs[len(self.chunks)] = ref
        self.chunks.append(row)

    def meeting(
        self, body: str | None, date: str | None, line: int, kind: str, end: int, details: dict[str, Any]
    ) -> tuple[int, int, str | None]:
        """Find or create the meeting of ``body`` on ``date`` and record this source's account of it."""
        printed = body or (self.fallback_body() or "Unknown body")
        org_id = self.ids.organization(printed, line)
        key = f"{body_key(printed)}|{date}" if date else f"{body_key(printed)}|undated|{self.source_id}|{line}"
        meeting = self.session.scalar(select(s.Meeting).where(s.Meeting.key == key))
        if meeting is None:
            meeting = s.Meeting(key=key, organization_id=org_id, date=date, name=printed, occasion=occasion(printed))
            self.session.add(meeting)
            self.session.flush()
        time, venue = details.get("time"), details.get("venue")
        if time and not meeting.time:
            meeting.time = time
        if venue and not meeting.venue:
            meeting.venue = venue
        self.add_row(
            s.MeetingRecord,
            meeting_id=meeting.id,
            kind=kind,
            details={k: v for k, v in details.items() if v not in (None, [], {})},
            **self.prov(line, end),
        )
        return meeting.id, org_id, date

    def fallback_body(self) -> str | None:
        """The body of the pack's first meeting, for minutes that do not name theirs."""
        for meeting in self.prepared.result.meetings:
            if meeting.body:
                return meeting.body
        return None

    def membership(
        self,
        person_id: int | None,
        org_id: int,
        role: str,
        line: int,
        *,
        label: str | None = None,
        meeting_id: int | None = None,
        date: str | None = None,
    ) -> None:
        """Record that a person held ``role`` in a body, as the source states on ``date``."""
        if person_id is None:
            return
        post_id = None
        if role not in {"member", "reserve", "substitute", "officer"}:
            post_label = label or role.capitalize()
            post_id = self.posts.get((org_id, role, post_label))
            if post_id is None:
                post_id = self.session.scalar(
                    select(s.Post.id).where(
                        s.Post.organization_id == org_id, s.Post.role == role, s.Post.label == post_label
                    )
                )
                if post_id is None:
                    post = s.Post(organization_id=org_id, role=role, label=post_label)
                    self.session.add(post)
                    self.session.flush()
                    post_id = post.id
                self.posts[(org_id, role, post_label)] = post_id
        self.session.add(
            s.Membership(
                person_id=person_id,
                organization_id=org_id,
                post_id=post_id,
                meeting_id=meeting_id,
                role=role,
                label=label,
                observed_on=date,
                **self.prov(line),
            )
        )

    def council(self, line: int) -> int:
        """The id of the Council itself (for mayors, leaders and portfolio holders)."""
        return self.ids.organization("Council", line)

    # ---------------------------------------------------------- documents ---

    def documents(self) -> None:
        """Write documents (by content hash) and this source's appearances of them.

        Known documents are found with one query for the whole pack; appearances
        go in as one executemany and their ids are read back by position.
        """
        result = self.prepared.result
        if not result.documents:
            return
        hashes = self.prepared.document_hashes
        known: dict[str, int] = dict(
            self.session.execute(
                select(s.Document.content_hash, s.Document.id).where(s.Document.content_hash.in_(set(hashes)))
            ).all()
        )
        rows: list[dict[str, Any]] = []
        for index, doc in enumerate(result.documents):
            digest = hashes[index]
            anchors, line_hashes = (
                self.prepared.fingerprints[index] if index < len(self.prepared.fingerprints) else ([], [])
            )
            document_id = known.get(digest)
            if document_id is None:
                duplicate = self.near_duplicate(anchors, line_hashes)
                document_id = duplicate.id if duplicate is not None else None
            if document_id is None:
                document = s.Document(
                    content_hash=digest,
                    kind=str(doc.kind),
                    title=doc.title,
                    anchor=anchors[0] if anchors else None,
                    line_hashes=line_hashes or None,
                )
                self.session.add(document)
                self.session.flush()
                document_id = known[digest] = document.id
            rows.append(
                {
                    "document_id": document_id,
                    "source_id": self.source_id,
                    "position": index,
                    "parent_id": None,
                    "kind": str(doc.kind),
                    "title": doc.title,
                    "date": doc.date,
                    "date_raw": doc.date_raw,
                    "agenda_item": doc.agenda_item,
                    "access": str(doc.access),
                    "start_line": doc.span.start_line,
                    "end_line": doc.span.end_line,
                    "start_page": doc.span.start_page,
                    "end_page": doc.span.end_page,
                    "title_line": doc.title_line,
                }
            )
        table = s.DocumentAppearance.__table__
        self.session.execute(table.insert(), rows)
        ids = dict(
            self.session.execute(
                select(s.DocumentAppearance.position, s.DocumentAppearance.id).where(
                    s.DocumentAppearance.source_id == self.source_id
                )
            ).all()
        )
        self.appearances = [ids[index] for index in range(len(rows))]
        parents = [
            {"appearance": self.appearances[index], "parent": self.appearances[:index][doc.parent]}
            for index, doc in enumerate(result.documents)
            if doc.parent is not None and doc.parent < index
        ]
        if parents:
            self.session.execute(
                update(table).where(table.c.id == bindparam("appearance")).values(parent_id=bindparam("parent")),
                parents,
            )

    def near_duplicate(self, anchors: list[str], line_hashes: list[str]) -> s.Document | None:
        """Return a stored document that is nearly the same text (shared anchor line, ≥90% same lines)."""
        if len(line_hashes) < MIN_NEAR_DUPLICATE_LINES or not anchors:
            return None
        best: tuple[float, s.Document] | None = None
        for candidate in self.session.scalars(select(s.Document).where(s.Document.anchor.in_(anchors))):
            score = similarity(candidate.line_hashes or [], line_hashes)
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, candidate)
        return best[1] if best else None

    def appearance_of(self, index: int | None) -> int | None:
        """The appearance id of the document with pack index ``index``."""
        if index is None or not 0 <= index < len(self.appearances):
            return None
        return self.appearances[index]

    def document_at(self, line: int) -> int | None:
        """The pack index of the smallest document containing ``line``."""
        best, size = None, None
        for index, doc in enumerate(self.prepared.result.documents):
            if doc.span.contains(line):
                length = doc.span.end_line - doc.span.start_line
                if size is None or length < size:
                    best, size = index, length
        return best

    # ----------------------------------------------------------- meetings ---

    def meetings(self) -> None:
        """Write front sheets: meetings, memberships, agenda items."""
        for meeting in self.prepared.result.meetings:
            span = meeting.span
            details = {
                "date_raw": meeting.date_raw,
                "time": meeting.time,
                "time_raw": meeting.time_raw,
                "venue": meeting.venue,
                "quorum": meeting.quorum,
                "publication_date": meeting.publication_date,
                "publication_date_raw": meeting.publication_date_raw,
                "contact": to_jsonable(meeting.contact) if meeting.contact else None,
                "public_question_deadline": meeting.public_question_deadline,
                "public_question_address": meeting.public_question_address,
            }
            meeting_id, org_id, date = self.meeting(
                meeting.body, meeting.date, span.start_line, "agenda", span.end_line, details
            )
            if self.pack_meeting is None:
                self.pack_meeting = (meeting_id, org_id, date)
            if meeting.document is not None and self.appearance_of(meeting.document) is not None:
                self.appearance_meeting[meeting.document] = meeting_id
            context = Context(organization_id=org_id, date=date)
            roster: set[int] = set()
            groups: list[tuple[str, list[m.PersonRef]]] = [
                ("member", meeting.members),
                ("substitute", meeting.substitutes),
                ("co-optee", meeting.coopted),
                ("officer", meeting.officers),
            ]
            for default_role, refs in groups:
                for ref in refs:
                    person_id = self.ids.person(
                        ref.name, line=ref.line, organisation=ref.organisation, distinct=roster, context=context
                    )
                    printed = roles_of(ref.role)
                    role = next((r for r in printed if r in BODY_ROLES), default_role)
                    self.membership(person_id, org_id, role, ref.line, label=ref.role, meeting_id=meeting_id, date=date)
                    for council_role in (r for r in printed if r in COUNCIL_ROLES):
                        self.membership(
                            person_id, self.council(ref.line), council_role, ref.line, label=ref.role, date=date
                        )
            for reserve in meeting.reserves:
                person_id = self.ids.person(reserve.name, line=reserve.line, distinct=roster, context=context)
                self.membership(person_id, org_id, "reserve", reserve.line, meeting_id=meeting_id, date=date)
            for role, name in (("chair", meeting.chair), ("vice-chair", meeting.vice_chair)):
                if name:
                    line = self._line_of(name, span.start_line, span.end_line)
                    person_id = self.ids.person(name, line=line, context=context)
                    self.membership(person_id, org_id, role, line, meeting_id=meeting_id, date=date)
            if meeting.contact is not None and meeting.contact.name:
                line = meeting.contact.line or span.start_line
                person_id = self.ids.person(meeting.contact.name, line=line)
                self.membership(person_id, org_id, "officer", line, label=meeting.contact.role, date=date)
            self.agenda(meeting, meeting_id, org_id, date)

    def _line_of(self, needle: str, start: int, end: int) -> int:
        """The first line of ``start``..``end`` containing ``needle`` (else ``start``)."""
        folded = fold(needle)
        for number in range(start, min(end, len(self.prepared.lines)) + 1):
            if folded in fold(self.prepared.lines[number - 1]):
                return number
        return start

    def agenda(self, meeting: m.Meeting, meeting_id: int, org_id: int, date: str | None) -> None:
        """Write a meeting's agenda items and their search passages."""
        for item in meeting.agenda:
            end = max(item.line, item.end_line or item.line)
            exempt = item.access == Access.EXEMPT
            first, last = item.pages if item.pages else (None, None)
            row = s.AgendaItem(
                meeting_id=meeting_id,
                number=item.number,
                title=item.title,
                description=None if exempt else item.description,
                pages_raw=item.pages_raw,
                first_page=first,
                last_page=last,
                part=item.part,
                access=str(item.access),
                **self.prov(item.line, end),
            )
            self.session.add(row)
            if not exempt:
                text = "\n".join(x for x in (f"{item.number} {item.title}", item.description) if x)
                self.chunk(
                    "agenda_item",
                    text,
                    item.line,
                    end,
                    ref=row,
                    meeting_id=meeting_id,
                    organization_id=org_id,
                    date=date,
                    title=item.title,
                )

    # ------------------------------------------------------------ minutes ---

    def minutes(self) -> None:
        """Write minutes: meeting, attendance, declarations, minute items, resolutions, votes."""
        for minutes in self.prepared.result.minutes:
            span = minutes.span
            details = {"date_raw": minutes.date_raw, "start_time": minutes.start_time, "end_time": minutes.end_time}
            meeting_id, org_id, date = self.meeting(
                minutes.body, minutes.date, span.start_line, "minutes", span.end_line, details
            )
            self.minutes_meetings.append((meeting_id, org_id, date))
            if minutes.document is not None:
                self.appearance_meeting[minutes.document] = meeting_id
            context = Context(organization_id=org_id, date=date)
            if minutes.chair:
                line = self._line_of(minutes.chair, span.start_line, span.end_line)
                context.chair_id = self.ids.person(minutes.chair, line=line, context=context)
                self.membership(context.chair_id, org_id, "chair", line, meeting_id=meeting_id, date=date)
            roster: set[int] = set()
            groups: list[tuple[str, list[m.Attendee]]] = [
                ("present", minutes.present),
                ("apologies", minutes.apologies),
                ("reserve", minutes.reserves),
                ("in_attendance", minutes.in_attendance),
            ]
            for status, attendees in groups:
                for attendee in attendees:
                    printed = with_title(attendee.honorific, attendee.name)
                    person_id = self.ids.person(
                        printed,
                        line=attendee.line,
                        organisation=attendee.organisation,
                        distinct=roster if status != "in_attendance" else None,
                        context=context,
                    )
                    replacing_id = None
                    if attendee.replacing:
                        replacing_id = self.ids.person(attendee.replacing, line=attendee.line, context=context)
                    self.add_row(
                        s.Attendance,
                        meeting_id=meeting_id,
                        person_id=person_id,
                        name=attendee.name,
                        status=status,
                        role=attendee.role,
                        organisation=attendee.organisation,
                        replacing_person_id=replacing_id,
                        replacing=attendee.replacing,
                        **self.prov(attendee.line),
                    )
                    for role in roles_of(attendee.role):
                        body = self.council(attendee.line) if role in COUNCIL_ROLES else org_id
                        if role in COUNCIL_ROLES or role in BODY_ROLES:
                            self.membership(
                                person_id,
                                body,
                                role,
                                attendee.line,
                                label=attendee.role,
                                meeting_id=meeting_id,
                                date=date,
                            )
                    if status == "reserve":
                        self.membership(person_id, org_id, "reserve", attendee.line, meeting_id=meeting_id, date=date)
            for declaration in minutes.declarations:
                person_id = self.ids.person(declaration.member, line=declaration.line, context=context)
                self.add_row(
                    s.Declaration,
                    meeting_id=meeting_id,
                    person_id=person_id,
                    name=declaration.member,
                    item=declaration.item,
                    interest=declaration.interest,
                    kind=declaration.kind,
                    **self.prov(declaration.line),
                )
            index = len(self.minutes_meetings) - 1
            rows = [self.minute_item(index, item, meeting_id) for item in minutes.items]
            self.session.flush()  # one flush gives every minute item its id
            for item, row in zip(minutes.items, rows, strict=True):
                if row.access != str(Access.EXEMPT):
                    self.decisions(item, row, meeting_id, org_id, date, context)

    def minute_item(self, index: int, item: m.MinuteItem, meeting_id: int) -> s.MinuteItem:
        """Add one numbered minute (title only when exempt); return the row (not yet flushed)."""
        end = max(item.line, item.end_line or item.line)
        exempt = item.access == Access.EXEMPT or self.prepared.is_exempt(item.line, end)
        row = s.MinuteItem(
            meeting_id=meeting_id,
            number=item.number,
            title=item.title,
            access=str(Access.EXEMPT if exempt else item.access),
            text=None if exempt else item.text,
            **self.prov(item.line, end),
        )
        self.session.add(row)
        self.minute_items[(index, item.number)] = row
        return row

    def decisions(
        self, item: m.MinuteItem, row: s.MinuteItem, meeting_id: int, org_id: int, date: str | None, context: Context
    ) -> None:
        """Add the resolutions and votes of a public minute item."""
        for resolution in item.resolutions:
            r_end = max(resolution.line, resolution.end_line or resolution.line)
            res = s.Resolution(
                minute_item_id=row.id,
                meeting_id=meeting_id,
                text=resolution.text,
                verb=resolution.verb,
                recommended_to=resolution.recommended_to,
                **self.prov(resolution.line, r_end),
            )
            self.session.add(res)
            self.chunk(
                "resolution",
                resolution.text,
                resolution.line,
                r_end,
                ref=res,
                meeting_id=meeting_id,
                organization_id=org_id,
                date=date,
                title=f"{item.number} {item.title}",
            )
        for vote in item.votes:
            line = vote.line or item.line
            self.add_row(
                s.Vote,
                minute_item_id=row.id,
                outcome=vote.outcome,
                for_count=vote.for_count,
                against_count=vote.against_count,
                abstentions=vote.abstentions,
                for_names=list(vote.for_names),
                against_names=list(vote.against_names),
                abstain_names=list(vote.abstain_names),
                mover=vote.mover,
                mover_id=self.ids.person(vote.mover, line=line, context=context),
                seconder=vote.seconder,
                seconder_id=self.ids.person(vote.seconder, line=line, context=context),
                **self.prov(line),
            )

    # ----------------------------------------------------- motions, reports ---

    def motions(self) -> None:
        """Write notices of motion (with mover and seconder resolved to people)."""
        meeting_id, org_id, date = self.pack_meeting or (None, None, None)
        context = Context(organization_id=org_id, date=date)
        for motion in self.prepared.result.motions:
            if self.prepared.is_exempt(motion.line, motion.end_line):
                continue
            row = s.Motion(
                meeting_id=meeting_id,
                number=motion.number,
                agenda_item=motion.agenda_item,
                title=motion.title,
                text=motion.text,
                mover=motion.mover,
                mover_id=self.ids.person(motion.mover, line=motion.line, context=context),
                seconder=motion.seconder,
                seconder_id=self.ids.person(motion.seconder, line=motion.line, context=context),
                **self.prov(motion.line, motion.end_line),
            )
            self.session.add(row)
            self.chunk(
                "motion",
                "\n".join(x for x in (motion.title, motion.text) if x),
                motion.line,
                motion.end_line,
                ref=row,
                meeting_id=meeting_id,
                organization_id=org_id,
                date=date,
                title=motion.title,
            )

    def reports(self) -> None:
        """Write officer reports (template fields; lists and nested records as JSON)."""
        meeting_id, org_id, date = self.pack_meeting or (None, None, None)
        plain = {
            "subject",
            "report_for",
            "meeting_date",
            "portfolio_holder",
            "key_decision",
            "exempt",
            "wards_affected",
            "recommendations",
            "reasons",
            "agenda_item",
            "document",
        }
        for index, report in enumerate(self.prepared.result.reports):
            span = report.span
            if self.prepared.is_exempt(span.start_line):
                self.report_ids.append(None)
                continue
            fields = {k: v for k, v in to_jsonable(report).items() if k not in plain and v not in (None, [], {})}
            row = s.Report(
                meeting_id=meeting_id,
                appearance_id=self.appearance_of(report.document),
                position=index,
                subject=report.subject,
                report_for=report.report_for,
                meeting_date=report.meeting_date,
                portfolio_holder=report.portfolio_holder,
                key_decision=report.key_decision,
                exempt=report.exempt,
                wards_affected=report.wards_affected,
                recommendations=report.recommendations,
                reasons=report.reasons,
                agenda_item=report.agenda_item,
                fields=fields or None,
                **self.prov(span.start_line, span.end_line, span.start_page),
            )
            self.session.add(row)
            self.report_ids.append(row)
            if report.recommendations:
                line = report.recommendations_line or span.start_line
                self.chunk(
                    "report",
                    "\n".join(x for x in (report.subject, report.recommendations) if x),
                    line,
                    line,
                    ref=row,
                    meeting_id=meeting_id,
                    organization_id=org_id,
                    date=report.meeting_date or date,
                    title=report.subject,
                    appearance_id=self.appearance_of(report.document),
                )

    def links(self) -> None:
        """Write recommendation → minute links."""
        if self.prepared.result.links:
            self.session.flush()
        for link in self.prepared.result.links:
            if not 0 <= link.report < len(self.report_ids) or self.report_ids[link.report] is None:
                continue
            line = link.line or 1
            self.add_row(
                s.RecommendationLink,
                report_id=self.report_ids[link.report].id,  # type: ignore[union-attr]
                minute_item_id=getattr(self.minute_items.get((link.minutes, link.item)), "id", None),
                item=link.item,
                outcome=link.outcome,
                recommended_to=link.recommended_to,
                **self.prov(line),
            )

    def tables(self) -> None:
        """Write tables and indicators (skipping any inside exempt content)."""
        for index, table in enumerate(self.prepared.result.tables):
            if self.prepared.is_exempt(table.span.start_line, table.span.end_line):
                continue
            self.add_row(
                s.DataTable,
                appearance_id=self.appearance_of(table.document),
                position=index,
                title=table.title,
                header=list(table.header),
                rows=[list(row) for row in table.rows],
                row_lines=list(table.row_lines),
                **self.prov(table.span.start_line, table.span.end_line, table.span.start_page),
            )
        for indicator in self.prepared.result.indicators:
            if self.prepared.is_exempt(indicator.line):
                continue
            self.add_row(
                s.Indicator,
                appearance_id=self.appearance_of(indicator.document),
                label=indicator.label,
                value=indicator.value,
                value_number=indicator.value_number,
                unit=indicator.unit,
                period=indicator.period,
                target=indicator.target,
                comparators=dict(indicator.comparators) or None,
                rag=indicator.rag,
                **self.prov(indicator.line),
            )

    # ----------------------------------------------------------- passages ---

    def passages(self) -> None:
        """Link appearances to meetings and write every search passage in one bulk insert."""
        result = self.prepared.result
        for index, meeting_id in self.appearance_meeting.items():
            appearance_id = self.appearance_of(index)
            if appearance_id is not None:
                self.session.execute(
                    s.DocumentAppearance.__table__.update()
                    .where(s.DocumentAppearance.id == appearance_id)
                    .values(meeting_id=meeting_id)
                )
        minutes_spans = [
            (mins.span.start_line, mins.span.end_line, self.minutes_meetings[i])
            for i, mins in enumerate(result.minutes)
            if i < len(self.minutes_meetings)
        ]
        for draft in self.prepared.chunks:
            doc = result.documents[draft.document] if draft.document is not None else None
            meeting = self.pack_meeting
            for start, end, found in minutes_spans:
                if start <= draft.start_line <= end and found is not None:
                    meeting = found
                    break
            meeting_id, org_id, date = meeting or (None, None, None)
            self.chunk(
                "text",
                draft.text,
                draft.start_line,
                draft.end_line,
                appearance_id=self.appearance_of(draft.document),
                meeting_id=meeting_id,
                organization_id=org_id,
                date=(doc.date if doc and doc.date else date),
                title=doc.title if doc else None,
                document_kind=str(doc.kind) if doc else None,
                page=draft.page,
            )
        self.session.flush()
        for index, ref in self.refs.items():
            self.chunks[index]["ref_id"] = ref.id  # type: ignore[attr-defined]
        appearance_docs = dict(
            self.session.execute(
                select(s.DocumentAppearance.id, s.DocumentAppearance.document_id).where(
                    s.DocumentAppearance.source_id == self.source_id
                )
            ).all()
        )
        primary = dict(
            self.session.execute(
                select(s.DocumentAppearance.document_id, func.min(s.DocumentAppearance.id))
                .where(s.DocumentAppearance.document_id.in_(set(appearance_docs.values())))
                .group_by(s.DocumentAppearance.document_id)
            ).all()
        )
        for row in self.chunks:
            if row["appearance_id"] is None and row["kind"] != "text":
                index = self.document_at(row["start_line"])
                row["appearance_id"] = self.appearance_of(index)
                if index is not None and row["document_kind"] is None:
                    row["document_kind"] = str(result.documents[index].kind)
            if row["appearance_id"] is not None:
                row["document_id"] = appearance_docs.get(row["appearance_id"])
            row["canonical"] = row["document_id"] is None or primary.get(row["document_id"]) == row["appearance_id"]
        if self.chunks:
            insert_plain_rows(self.session, s.TextChunk.__table__, self.chunks)


def write_source(session: Session, prepared: Prepared, path: str, cache: IdentityCache | None = None) -> int:
    """Store ``prepared`` as the current version of the source at ``path``; return the source id.

    Runs inside the caller's transaction. A source already stored at ``path``
    is replaced: its old facts go, shared entities keep their ids. ``cache``
    (optional) carries people and bodies across the sources of one ingest run;
    the caller must call its ``accept`` after committing and ``discard`` after
    rolling back.
    """
    result = prepared.result
    replaced = False
    source = session.scalar(select(s.Source).where(s.Source.path == path))
    if source is None:
        source = s.Source(path=path, sha256=result.source.sha256, kind=result.source.kind, status="ok")
        source.ingested_at = now()
        session.add(source)
        session.flush()
    else:
        if cache is not None:  # its aliases go now and orphans at the end: cached people may be stale
            cache.clear()
        clear_source(session, source.id)
        replaced = True
    source.sha256 = result.source.sha256
    source.kind = result.source.kind
    source.line_count = result.source.line_count
    source.page_count = result.source.page_count
    source.ingested_at = now()
    source.status = "ok"
    source.error = None
    source.warnings = list(result.warnings) or None
    ids = Identities(session, source.id, cache=None if replaced else cache)
    writer = _Writer(session, source.id, prepared, ids)
    ids.sink = writer.add_row
    with session.no_autoflush:  # entities are flushed where their ids are needed; facts go in one flush
        writer.documents()
        writer.meetings()
        writer.minutes()
        writer.motions()
        writer.reports()
        writer.links()
        writer.tables()
        writer.passages()
    session.flush()
    writer.insert_pending()
    write_decision_steps(session, source.id, prepared)  # after the rows its steps link to
    if replaced:  # a new source only adds references: nothing can have been orphaned
        collect_garbage(session)
        promote_canonical(session)
    elif cache is not None:
        cache.staged = ids
    return source.id
