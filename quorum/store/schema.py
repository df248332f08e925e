"""The relational schema of the Quorum store (SQLAlchemy 2 typed declarative models).

Names follow Popolo / Open Civic Data where they fit: :class:`Person`,
:class:`Organization` (with a ``classification``), :class:`Post`,
:class:`Membership`, and ``other_names`` tables for aliases. Every fact row
carries its provenance (:class:`Provenance`): the source it was read from, the
page, the 1-based inclusive line span and the verbatim text.

Entities shared across sources (people, organizations, posts, meetings,
documents) have natural keys so that re-ingesting a changed file keeps their
ids. Facts belong to exactly one source and are deleted with it.

The full-text index lives outside these models (an FTS5 table on SQLite, a
generated ``tsvector`` column with a GIN index on PostgreSQL); the migrations
create it and :data:`SEARCH_OBJECTS` names it so the model/migration
comparison can skip it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, true
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

#: Constraint names that are the same on every database (Alembic needs them stable).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Database objects of the full-text index that are created by migrations, not models.
SEARCH_OBJECTS = frozenset(
    {
        "search_fts",
        "search_fts_data",
        "search_fts_idx",
        "search_fts_docsize",
        "search_fts_config",
        "search_fts_content",
        "search_vector",
        "ix_text_chunks_search_vector",
    }
)


class Base(DeclarativeBase):
    """The declarative base of every Quorum table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Provenance:
    """Columns saying where a fact was read: source, page, line span and verbatim text."""

    @declared_attr
    def source_id(cls) -> Mapped[int]:  # noqa: N805
        """The source the fact was read from (the fact is deleted with it)."""
        return mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)

    page: Mapped[int | None]
    start_line: Mapped[int]
    end_line: Mapped[int]
    verbatim: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- sources ---


class Source(Base):
    """One ingested file: where it was, its fingerprint, and whether it was read."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1024), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    line_count: Mapped[int | None]
    page_count: Mapped[int | None]
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # ok | failed
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[Any] | None]


class Document(Base):
    """A typed document, once, however many packs republish it.

    Found by exact content hash, or as a near duplicate: a document whose
    anchor line is among the new one's longest lines and whose content lines
    are nearly all the same (see :func:`quorum.store.prepare.fingerprint`).
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    anchor: Mapped[str | None] = mapped_column(String(12), index=True)  # hash of the longest content line
    line_hashes: Mapped[list[Any] | None]  # hashes of the content lines, for near-duplicate matching


class DocumentAppearance(Base):
    """Where a document appears: a line span of one source, with its place in that pack."""

    __tablename__ = "document_appearances"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # index of the document in the pack's list
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_appearances.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    date_raw: Mapped[str | None] = mapped_column(Text)
    agenda_item: Mapped[str | None] = mapped_column(String(32))
    access: Mapped[str] = mapped_column(String(16))
    start_line: Mapped[int]
    end_line: Mapped[int]
    start_page: Mapped[int | None]
    end_page: Mapped[int | None]
    title_line: Mapped[int | None]


# ---------------------------------------------------------- organizations ---


class Organization(Base):
    """A body: the council, a committee, board, panel, partnership or outside body (Popolo)."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(Text)
    classification: Mapped[str] = mapped_column(String(32))


class OrganizationName(Base):
    """Another name a body was printed as (Popolo other_names), with the source that printed it."""

    __tablename__ = "organization_names"
    __table_args__ = (UniqueConstraint("organization_id", "name", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    line: Mapped[int | None]


# ----------------------------------------------------------------- people ---


class Person(Base):
    """A person: councillor, officer, co-optee or partner representative (Popolo)."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(Text)
    given_name: Mapped[str | None] = mapped_column(Text)
    family_name: Mapped[str] = mapped_column(String(255), index=True)
    family_key: Mapped[str] = mapped_column(String(255), index=True)
    honorific_prefix: Mapped[str | None] = mapped_column(String(64))


class PersonName(Base):
    """A name a person was printed as (Popolo other_names), with source, line and why it was matched."""

    __tablename__ = "person_names"
    __table_args__ = (UniqueConstraint("person_id", "name", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(255), index=True)
    family_key: Mapped[str] = mapped_column(String(255), index=True)
    organisation: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    line: Mapped[int | None]
    score: Mapped[float]
    reason: Mapped[str] = mapped_column(Text)


class CandidateMatch(Base):
    """A possible identity match that was not merged: left for a person to review."""

    __tablename__ = "candidate_matches"
    __table_args__ = (UniqueConstraint("person_id", "candidate_id", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)  # the mention as printed
    score: Mapped[float]
    reason: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    line: Mapped[int | None]


class Post(Base):
    """A position in a body that people hold in turn: "Chair", "Portfolio Holder for Housing" (Popolo)."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("organization_id", "role", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(512))


class Membership(Provenance, Base):
    """A person's role in a body as a document states it, on a date (Popolo Membership)."""

    __tablename__ = "memberships"
    # "the Chair" / "the Portfolio Holder" resolve to the latest holder of a role: an index, not a scan
    __table_args__ = (Index("ix_memberships_role_observed", "role", "observed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    # chair | vice-chair | member | reserve | substitute | co-optee | mayor | deputy mayor | leader |
    # deputy leader | portfolio holder | officer | adviser
    role: Mapped[str] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(Text)  # the role as printed
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    observed_on: Mapped[str | None] = mapped_column(String(10))  # the date of the document that states it


# --------------------------------------------------------------- meetings ---


class Meeting(Base):
    """One meeting of a body, keyed by body and date; described by one or more sources."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(512), unique=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    time: Mapped[str | None] = mapped_column(String(5))
    venue: Mapped[str | None] = mapped_column(Text)
    occasion: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(Text)  # the body's name as printed


class MeetingRecord(Provenance, Base):
    """A source's account of a meeting: its front sheet (agenda) or its minutes."""

    __tablename__ = "meeting_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # agenda | minutes
    details: Mapped[dict[str, Any] | None]  # date_raw, time_raw, quorum, contact, publication date, ...


class AgendaItem(Provenance, Base):
    """One numbered item of a meeting's agenda."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    pages_raw: Mapped[str | None] = mapped_column(Text)
    first_page: Mapped[int | None]
    last_page: Mapped[int | None]
    part: Mapped[str] = mapped_column(String(4))
    access: Mapped[str] = mapped_column(String(16))


class Attendance(Provenance, Base):
    """A person's attendance at a meeting as recorded in its minutes."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # present | apologies | reserve | in_attendance
    role: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    replacing_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    replacing: Mapped[str | None] = mapped_column(Text)
    # Who recorded it: "minutes" (read from minutes text) or "clerk" (entered on a ModernGov site); migration 0003.
    origin: Mapped[str] = mapped_column(String(16), default="minutes", server_default="minutes", index=True)
    status_raw: Mapped[str | None] = mapped_column(Text)  # the attendance value as the clerk entered it


class Declaration(Provenance, Base):
    """A declaration of interest recorded in minutes."""

    __tablename__ = "declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(Text)
    interest: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))


class MinuteItem(Provenance, Base):
    """One numbered minute of a meeting."""

    __tablename__ = "minute_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    access: Mapped[str] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)


class Resolution(Provenance, Base):
    """A decision: the verbatim RESOLVED / AGREED / RECOMMENDED text of a minute."""

    __tablename__ = "resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = mapped_column(ForeignKey("minute_items.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    verb: Mapped[str | None] = mapped_column(String(32))
    recommended_to: Mapped[str | None] = mapped_column(Text)


class Vote(Provenance, Base):
    """How a question was decided, where the minutes say."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = mapped_column(ForeignKey("minute_items.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str | None] = mapped_column(String(32))
    for_count: Mapped[int | None]
    against_count: Mapped[int | None]
    abstentions: Mapped[int | None]
    for_names: Mapped[list[Any] | None]
    against_names: Mapped[list[Any] | None]
    abstain_names: Mapped[list[Any] | None]
    mover: Mapped[str | None] = mapped_column(Text)
    mover_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    seconder: Mapped[str | None] = mapped_column(Text)
    seconder_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)


class Motion(Provenance, Base):
    """A notice of motion in a summons."""

    __tablename__ = "motions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    number: Mapped[str | None] = mapped_column(String(32))
    agenda_item: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    mover: Mapped[str | None] = mapped_column(Text)
    mover_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    seconder: Mapped[str | None] = mapped_column(Text)
    seconder_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)


# ---------------------------------------------------------------- reports ---


class Report(Provenance, Base):
    """An officer report with its template fields; lists and nested records kept as JSON."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_appearances.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int]  # index in the pack's list of reports
    subject: Mapped[str | None] = mapped_column(Text)
    report_for: Mapped[str | None] = mapped_column(Text)
    meeting_date: Mapped[str | None] = mapped_column(String(10))
    portfolio_holder: Mapped[str | None] = mapped_column(Text)
    key_decision: Mapped[bool | None]
    exempt: Mapped[bool | None]
    wards_affected: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[str | None] = mapped_column(Text)
    agenda_item: Mapped[str | None] = mapped_column(String(32))
    fields: Mapped[dict[str, Any] | None]  # every other field of the record, as JSON


class RecommendationLink(Provenance, Base):
    """A report's recommendations traced to the minute that decided them."""

    __tablename__ = "recommendation_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    minute_item_id: Mapped[int | None] = mapped_column(ForeignKey("minute_items.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    recommended_to: Mapped[str | None] = mapped_column(Text)


class DecisionStep(Provenance, Base):
    """One body's step in a decision passed between bodies (Panel → Cabinet → Council), as one source traces it.

    Steps of one decision share ``chain`` (numbered within the source) and are
    ordered by ``position`` (0 first). The links to this source's meeting,
    agenda item, minute, resolution and report rows are set where the step is
    evidenced by one; a step the source only mentions ("as recommended by the
    Panel on 14 June 2017") links to none, and its meeting (stored from another
    source, perhaps later) is found by body and date when read. Steps inside
    exempt content are never stored. Added by migration 0006.
    """

    __tablename__ = "decision_steps"
    __table_args__ = (Index("ix_decision_steps_chain", "source_id", "chain", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chain: Mapped[int]  # the decision within the source
    position: Mapped[int]  # order of the step in its chain, 0 first
    body: Mapped[str] = mapped_column(Text)  # the body as printed
    outcome: Mapped[str] = mapped_column(String(32))  # recommended | decided | pending (on the agenda, not decided)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_raw: Mapped[str | None] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(32))  # minute number
    agenda_item: Mapped[str | None] = mapped_column(String(32))  # agenda item number
    recommended_to: Mapped[str | None] = mapped_column(Text)  # the next body, as printed
    text: Mapped[str | None] = mapped_column(Text)  # the recommendation or resolution, verbatim
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    minute_item_id: Mapped[int | None] = mapped_column(ForeignKey("minute_items.id", ondelete="CASCADE"), index=True)
    resolution_id: Mapped[int | None] = mapped_column(ForeignKey("resolutions.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)


class DataTable(Provenance, Base):
    """A table reassembled from a source, cells verbatim."""

    __tablename__ = "data_tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_appearances.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int]
    title: Mapped[str | None] = mapped_column(Text)
    header: Mapped[list[Any]]
    rows: Mapped[list[Any]]
    row_lines: Mapped[list[Any] | None]


class Indicator(Provenance, Base):
    """A performance figure from a scorecard or report."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_appearances.id", ondelete="SET NULL"), index=True
    )
    label: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    value_number: Mapped[float | None]
    unit: Mapped[str | None] = mapped_column(String(32))
    period: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    comparators: Mapped[dict[str, Any] | None]
    rag: Mapped[str | None] = mapped_column(String(16))


# ----------------------------------------------------------------- search ---


class TextChunk(Base):
    """A searchable passage with its citation: a paragraph of a document, a resolution, an agenda item...

    Exempt (Part II) content is never stored here.
    """

    __tablename__ = "text_chunks"
    __table_args__ = (Index("ix_text_chunks_date_org", "date", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_appearances.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))  # text | agenda_item | resolution | minute | motion | report
    document_kind: Mapped[str | None] = mapped_column(String(32))
    ref_id: Mapped[int | None] = mapped_column(Integer)  # id of the row in the table ``kind`` names
    date: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None]
    start_line: Mapped[int]
    end_line: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    # False for the passages of a document's later appearances (republished in another pack): they are
    # kept for citations but left out of the full-text index, so a republished report is one hit.
    canonical: Mapped[bool] = mapped_column(server_default=true())


# ------------------------------------------------- web services (ModernGov) ---


class Identifier(Provenance, Base):
    """An id a record has in another system, with its web page (Popolo ``identifiers`` and ``links``).

    E.g. a ModernGov committee (``kind`` committee), meeting, agenda item or
    member of the site ``site``. Exactly one of the entity columns is set.
    Added by migration 0003.
    """

    __tablename__ = "identifiers"
    __table_args__ = (Index("ix_identifiers_lookup", "scheme", "site", "kind", "identifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme: Mapped[str] = mapped_column(String(32))  # moderngov
    site: Mapped[str] = mapped_column(String(255))  # the site root URL
    kind: Mapped[str] = mapped_column(String(32))  # committee | meeting | agenda_item | member
    identifier: Mapped[str] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)


class LinkedDocument(Provenance, Base):
    """A document a web service links to a meeting's agenda item: title, download URL, local copy.

    Restricted (exempt) documents are never stored here. Added by migration 0003.
    """

    __tablename__ = "linked_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64))  # the site's attachment id
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    access: Mapped[str] = mapped_column(String(16))
    is_url: Mapped[bool]  # a link to a web page rather than a file
    publication_date: Mapped[str | None] = mapped_column(String(10))
    publication_date_raw: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)  # where the downloaded copy is, when it was downloaded


ALL_TABLES = tuple(Base.metadata.sorted_tables)
