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

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from quorum import model as m
from quorum.model import Access, to_jsonable
from quorum.resolve.bodies import body_key, occasion
from quorum.resolve.names import fold, roles_of
from quorum.store import schema as s
from quorum.store.decision_steps import write_decision_steps
from quorum.store.identity import Context, Identities, IdentityCache
from quorum.store.prepare import Prepared, similarity
from quorum.store.rows import Inserter, Ref, RowBatch, insert_rows

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

#: Columns that may hold a :class:`Ref` to a row queued in the same batch, by table.
REF_COLUMNS: dict[str, tuple[str, ...]] = {
    "document_appearances": ("parent_id",),
    "reports": ("appearance_id",),
    "data_tables": ("appearance_id",),
    "indicators": ("appearance_id",),
    "resolutions": ("minute_item_id",),
    "votes": ("minute_item_id",),
    "recommendation_links": ("report_id", "minute_item_id"),
    "text_chunks": ("appearance_id", "ref_id"),
}


def insert_passages(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert passage rows into ``text_chunks`` (``table``), feeding the full-text index in bulk.

    The rows have their ids already (as they would be numbered inserted one
    by one). On SQLite the FTS5 index is fed by an insert trigger for
    canonical passages: the others go in one statement per row and the
    canonical ones in multi-row statements, so the index takes a source's
    passages at once rather than one segment per passage. PostgreSQL
    computes the search vector itself.
    """
    if session.connection().dialect.name != "sqlite":
        insert_rows(session, table, rows)
        return
    insert_rows(session, table, [row for row in rows if not row["canonical"]])
    insert_rows(session, table, [row for row in rows if row["canonical"]], one_statement=True)


def numbered_tables(session: Session) -> frozenset[str]:
    """Tables whose rows get their ids before the insert even when nothing refers to them.

    SQLite's passages: :func:`insert_passages` inserts canonical ones apart.
    """
    return frozenset({"text_chunks"}) if session.connection().dialect.name == "sqlite" else frozenset()


#: Tables whose queued rows go in through their own inserter.
INSERTERS: dict[str, Inserter] = {"text_chunks": insert_passages}

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
    batch: RowBatch
    appearances: list[Ref] = field(default_factory=list)
    appearance_rows: list[dict[str, Any]] = field(default_factory=list)
    appearance_docs: dict[Ref, int] = field(default_factory=dict)  # appearance → document id
    primary: dict[int, int | Ref] = field(default_factory=dict)  # document id → its first appearance anywhere
    pack_meeting: tuple[int, int, str | None] | None = None  # (meeting id, organization id, date)
    minutes_meetings: list[tuple[int, int, str | None] | None] = field(default_factory=list)
    minute_items: dict[tuple[int, str], Ref] = field(default_factory=dict)
    report_ids: list[Ref | None] = field(default_factory=list)
    chunks: list[dict[str, Any]] = field(default_factory=list)

    # ------------------------------------------------------------ helpers ---

    def add_row(self, model: type[s.Base], **values: Any) -> None:
        """Queue a fact row that nothing reads back while the source is written."""
        self.batch.add(model.__table__, values)  # type: ignore[arg-type]

    def add_referenced(self, model: type[s.Base], **values: Any) -> Ref:
        """Queue a fact row other rows point at; return the reference that receives its id."""
        ref = Ref()
        self.batch.add(model.__table__, values, ref)  # type: ignore[arg-type]
        return ref

    def insert_pending(self) -> None:
        """Insert the queued rows: ids given out, references filled in, one executemany per table."""
        self.batch.write()

    def insert_memberships(self) -> None:
        """Insert the memberships queued so far (before the store is asked who holds a role)."""
        self.batch.write([s.Membership.__table__])  # type: ignore[list-item]

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
        self, kind: str, text: str | None, start: int, end: int | None, ref: Ref | None = None, **extra: Any
    ) -> None:
        """Queue a search passage unless it is empty or exempt; ``ref`` is the row it comes from (id known later)."""
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
            "ref_id": ref,
            "date": None,
            "title": None,
            "page": None,
            "start_line": start,
            "end_line": end,
            "text": text.strip(),
        }
        row.update(extra)
        self.chunks.append(row)

    def meeting(
        self, body: str | None, date: str | None, line: int, kind: str, end: int, details: dict[str, Any]
    ) -> tuple[int, int, str | None]:
        """Find or create the meeting of ``body`` on ``date`` and record this source's account of it."""
        printed = body or (self.fallback_body() or "Unknown body")
        org_id = self.ids.organization(printed, line)
        key = f"{body_key(printed)}|{date}" if date else f"{body_key(printed)}|undated|{self.source_id}|{line}"
        meeting_id = self.ids.meeting(
            key,
            {
                "organization_id": org_id,
                "date": date,
                "time": details.get("time") or None,
                "venue": details.get("venue") or None,
                "occasion": occasion(printed),
                "name": printed,
            },
        )
        self.add_row(
            s.MeetingRecord,
            meeting_id=meeting_id,
            kind=kind,
            details={k: v for k, v in details.items() if v not in (None, [], {})},
            **self.prov(line, end),
        )
        return meeting_id, org_id, date

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
            post_id = self.ids.post(org_id, role, label or role.capitalize())
        self.add_row(
            s.Membership,
            person_id=person_id,
            organization_id=org_id,
            post_id=post_id,
            meeting_id=meeting_id,
            role=role,
            label=label,
            observed_on=date,
            **self.prov(line),
        )

    def council(self, line: int) -> int:
        """The id of the Council itself (for mayors, leaders and portfolio holders)."""
        return self.ids.organization("Council", line)

    # ---------------------------------------------------------- documents ---

    def documents(self) -> None:
        """Write documents (by content hash) and this source's appearances of them.

        Known documents are found with one query for the whole pack, new ones
        are inserted at once (a later document of the pack may be their near
        duplicate); appearances are queued, parents referring to parents.
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
        new: set[int] = set()
        for index, doc in enumerate(result.documents):
            digest = hashes[index]
            anchors, line_hashes = (
                self.prepared.fingerprints[index] if index < len(self.prepared.fingerprints) else ([], [])
            )
            document_id = known.get(digest)
            if document_id is None:
                document_id = self.near_duplicate(anchors, line_hashes)
            if document_id is None:
                document_id = self.session.execute(
                    s.Document.__table__.insert().values(
                        content_hash=digest,
                        kind=str(doc.kind),
                        title=doc.title,
                        anchor=anchors[0] if anchors else None,
                        line_hashes=line_hashes or None,
                    )
                ).inserted_primary_key[0]
                known[digest] = document_id
                new.add(document_id)
            row = {
                "document_id": document_id,
                "source_id": self.source_id,
                "position": index,
                "parent_id": None,
                "meeting_id": None,
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
            if doc.parent is not None and doc.parent < index:
                row["parent_id"] = self.appearances[:index][doc.parent]
            self.appearances.append(Ref())
            self.batch.add(s.DocumentAppearance.__table__, row, self.appearances[-1])  # type: ignore[arg-type]
            self.appearance_rows.append(row)
            self.appearance_docs[self.appearances[-1]] = document_id
        # The first appearance of each document (its passages are the ones searched): an earlier source's,
        # else this source's first (its ids come after every stored one).
        table = s.DocumentAppearance.__table__
        stored = set(self.appearance_docs.values()) - new
        if stored:
            self.primary.update(
                self.session.execute(
                    select(table.c.document_id, func.min(table.c.id))
                    .where(table.c.document_id.in_(stored))
                    .group_by(table.c.document_id)
                ).all()
            )
        for appearance, document_id in self.appearance_docs.items():
            self.primary.setdefault(document_id, appearance)

    def near_duplicate(self, anchors: list[str], line_hashes: list[str]) -> int | None:
        """Return the id of a stored document that is nearly the same text (shared anchor line, ≥90% same lines)."""
        if len(line_hashes) < MIN_NEAR_DUPLICATE_LINES or not anchors:
            return None
        best: tuple[float, int] | None = None
        table = s.Document.__table__
        for candidate_id, candidate_hashes in self.session.execute(
            select(table.c.id, table.c.line_hashes).where(table.c.anchor.in_(anchors))
        ):
            score = similarity(candidate_hashes or [], line_hashes)
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, candidate_id)
        return best[1] if best else None

    def appearance_of(self, index: int | None) -> Ref | None:
        """The (queued) appearance of the document with pack index ``index``."""
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
                self.appearance_rows[meeting.document]["meeting_id"] = meeting_id
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
            row = self.add_referenced(
                s.AgendaItem,
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
            if minutes.document is not None and self.appearance_of(minutes.document) is not None:
                self.appearance_rows[minutes.document]["meeting_id"] = meeting_id
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
            for item in minutes.items:
                row, exempt = self.minute_item(index, item, meeting_id)
                if not exempt:
                    self.decisions(item, row, meeting_id, org_id, date, context)

    def minute_item(self, index: int, item: m.MinuteItem, meeting_id: int) -> tuple[Ref, bool]:
        """Queue one numbered minute (title only when exempt); return its reference and whether it is exempt."""
        end = max(item.line, item.end_line or item.line)
        exempt = item.access == Access.EXEMPT or self.prepared.is_exempt(item.line, end)
        row = self.add_referenced(
            s.MinuteItem,
            meeting_id=meeting_id,
            number=item.number,
            title=item.title,
            access=str(Access.EXEMPT if exempt else item.access),
            text=None if exempt else item.text,
            **self.prov(item.line, end),
        )
        self.minute_items[(index, item.number)] = row
        return row, exempt

    def decisions(
        self, item: m.MinuteItem, row: Ref, meeting_id: int, org_id: int, date: str | None, context: Context
    ) -> None:
        """Add the resolutions and votes of a public minute item."""
        for resolution in item.resolutions:
            r_end = max(resolution.line, resolution.end_line or resolution.line)
            res = self.add_referenced(
                s.Resolution,
                minute_item_id=row,
                meeting_id=meeting_id,
                text=resolution.text,
                verb=resolution.verb,
                recommended_to=resolution.recommended_to,
                **self.prov(resolution.line, r_end),
            )
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
                minute_item_id=row,
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
            row = self.add_referenced(
                s.Motion,
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
            row = self.add_referenced(
                s.Report,
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
        for link in self.prepared.result.links:
            if not 0 <= link.report < len(self.report_ids) or self.report_ids[link.report] is None:
                continue
            line = link.line or 1
            self.add_row(
                s.RecommendationLink,
                report_id=self.report_ids[link.report],
                minute_item_id=self.minute_items.get((link.minutes, link.item)),
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
        """Queue every search passage: the structured ones (queued by :meth:`chunk`) first, then the text.

        A passage gets its appearance's document, and is canonical (indexed)
        when that appearance is the document's first anywhere.
        """
        result = self.prepared.result
        documents = result.documents
        appearance_docs, primary = self.appearance_docs, self.primary
        table = s.TextChunk.__table__
        add = self.batch.add
        for row in self.chunks:
            if row["appearance_id"] is None:
                index = self.document_at(row["start_line"])
                row["appearance_id"] = self.appearance_of(index)
                if index is not None and row["document_kind"] is None:
                    row["document_kind"] = str(documents[index].kind)
            if row["appearance_id"] is not None:
                row["document_id"] = appearance_docs.get(row["appearance_id"])
            row["canonical"] = row["document_id"] is None or primary.get(row["document_id"]) is row["appearance_id"]
            add(table, row)  # type: ignore[arg-type]
        minutes_spans = [
            (mins.span.start_line, mins.span.end_line, found)
            for mins, found in zip(result.minutes, self.minutes_meetings, strict=False)
            if found is not None
        ]
        kinds = [str(doc.kind) for doc in documents]
        appearances = self.appearances
        exempt = bool(self.prepared.exempt)
        for draft in self.prepared.chunks:  # cut from public lines, but checked like every passage
            text = draft.text.strip() if draft.text else ""
            start, end = draft.start_line, draft.end_line
            end = start if end is None or end < start else end
            if not text or (exempt and self.prepared.is_exempt(start, end)):
                continue
            meeting = self.pack_meeting
            for first, last, found in minutes_spans:
                if first <= start <= last:
                    meeting = found
                    break
            meeting_id, org_id, date = meeting or (None, None, None)
            index = draft.document
            appearance = appearances[index] if index is not None and 0 <= index < len(appearances) else None
            doc = documents[index] if index is not None else None
            document_id = appearance_docs.get(appearance) if appearance is not None else None
            add(
                table,  # type: ignore[arg-type]
                {
                    "source_id": self.source_id,
                    "appearance_id": appearance,
                    "document_id": document_id,
                    "meeting_id": meeting_id,
                    "organization_id": org_id,
                    "kind": "text",
                    "document_kind": kinds[index] if doc is not None else None,
                    "ref_id": None,
                    "date": doc.date if doc is not None and doc.date else date,
                    "title": doc.title if doc is not None else None,
                    "page": draft.page,
                    "start_line": start,
                    "end_line": end,
                    "text": text,
                    "canonical": document_id is None or primary.get(document_id) is appearance,
                },
            )


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
    table = s.Source.__table__
    values = {
        "sha256": result.source.sha256,
        "kind": result.source.kind,
        "line_count": result.source.line_count,
        "page_count": result.source.page_count,
        "ingested_at": now(),
        "status": "ok",
        "error": None,
        "warnings": list(result.warnings) or None,
    }
    found = session.execute(select(table.c.id).where(table.c.path == path)).first()
    if found is None:
        source_id: int = session.execute(table.insert().values(path=path, **values)).inserted_primary_key[0]
    else:
        source_id = found.id
        if cache is not None:  # its aliases go now and orphans at the end: cached people may be stale
            cache.clear()
        clear_source(session, source_id)
        session.execute(table.update().where(table.c.id == source_id).values(**values))
        replaced = True
    ids = Identities(session, source_id, cache=None if replaced else cache)
    writer = _Writer(
        session, source_id, prepared, ids, RowBatch(session, REF_COLUMNS, INSERTERS, numbered_tables(session))
    )
    ids.sink = writer.add_row
    ids.before_roles = writer.insert_memberships
    with session.no_autoflush:  # entities are inserted where their ids are needed; facts go in one batch
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
    write_decision_steps(session, source_id, prepared)  # after the rows its steps link to
    if replaced:  # a new source only adds references: nothing can have been orphaned
        collect_garbage(session)
        promote_canonical(session)
    elif cache is not None:
        cache.staged = ids
    return source_id
