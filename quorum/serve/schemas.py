"""Pydantic models of the public API (and the view models the HTML pages render).

Every fact carries a ``source``: where in which file it was read, so a reader can check it.
Only public (Part I) content is ever put into these models.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Model(BaseModel):
    """Base of every API model: forbid unknown fields so the schema stays honest."""

    model_config = ConfigDict(extra="forbid")


class SourceRef(Model):
    """Where a fact was read: source file, 1-based inclusive line span and pages."""

    source_id: int
    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None
    url: str = Field(description="The portal page showing the verbatim lines.")


class BodySummary(Model):
    """A committee, panel, board or the council itself."""

    id: int
    name: str
    meeting_count: int = 0
    url: str


class PersonSummary(Model):
    """A person as resolved across documents."""

    id: int
    name: str
    url: str


class MeetingSummary(Model):
    """A meeting: its body, date, time and venue."""

    id: int
    body_id: int | None
    body_name: str | None
    date: str | None = Field(None, description="ISO date YYYY-MM-DD")
    date_raw: str | None = None
    time: str | None = Field(None, description="24-hour HH:MM")
    venue: str | None = None
    url: str
    source: SourceRef | None = None


class DocumentSummary(Model):
    """A typed sub-document of a pack (report, minutes, appendix ...)."""

    id: int
    source_id: int
    meeting_id: int | None = None
    kind: str
    title: str | None = None
    date: str | None = None
    agenda_item: str | None = None
    start_page: int | None = None
    end_page: int | None = None
    url: str
    source: SourceRef
    parent_id: int | None = Field(None, description="The document this one belongs to (a cover sheet, a report).")


class DecisionStep(Model):
    """One body's step in a decision passed between bodies (Panel → Cabinet → Council), as one source traces it."""

    id: int
    chain_id: int = Field(description="The id of the chain's first step: the same for every step of one decision.")
    position: int = Field(description="Order of the step in its chain, 0 first.")
    body_name: str = Field(description="The body's name (as printed when it is not a stored body).")
    body_raw: str = Field(description="The body as printed.")
    body_id: int | None = None
    meeting_id: int | None = Field(None, description="The stored meeting of this step, when known.")
    date: str | None = Field(None, description="ISO date YYYY-MM-DD")
    date_raw: str | None = None
    minute_number: str | None = None
    agenda_item: str | None = Field(None, description="The agenda item number at the meeting.")
    agenda_item_id: int | None = None
    decision_id: int | None = Field(None, description="The resolution (a decision's id) minuting this step.")
    report_id: int | None = None
    outcome: str = Field(description="recommended | decided | pending (on the agenda; not decided in this source)")
    recommended_to: str | None = Field(None, description="The next body, as printed.")
    text: str | None = Field(None, description="The recommendation or resolution, verbatim.")
    source: SourceRef | None = None


class DecisionChain(Model):
    """The route of a decision between bodies: every chain it is a step of, steps in order."""

    decision_id: int
    steps: list[DecisionStep] = Field(default_factory=list)


class AgendaItem(Model):
    """One item of a meeting's agenda, with its page range and its documents (with those below them)."""

    id: int
    meeting_id: int
    number: str
    title: str
    pages_raw: str | None = None
    start_page: int | None = None
    end_page: int | None = None
    description: str | None = None
    documents: list[DocumentSummary] = Field(default_factory=list)
    source: SourceRef | None = None
    route: list[DecisionStep] = Field(
        default_factory=list, description="How the decision on this item travelled between bodies, steps in order."
    )


class AttendanceCitation(Model):
    """One record of a person's attendance at a meeting: who recorded it, what it says and where."""

    origin: str = Field(
        description="minutes (read from the minutes) | clerk (entered by the clerk on the council's site)"
    )
    status: str
    status_raw: str | None = Field(None, description="The value as the clerk entered it (clerk records only).")
    source: SourceRef | None = None


class AttendanceFacts(Model):
    """What the records say about one person at one meeting, however many times it is recorded."""

    origin: str = Field("minutes", description="Who recorded the status shown: minutes | clerk")
    clerk_status: str | None = Field(None, description="The clerk's status, when the clerk recorded one too.")
    clerk_status_raw: str | None = None
    disagreement: str | None = Field(
        None,
        description="How the clerk's record and the minutes disagree: differs (both say, differently) | "
        "clerk only (the clerk has them there, the minutes do not list them) | "
        "minutes only (the minutes list them, the clerk's list does not)",
    )
    citations: list[AttendanceCitation] = Field(
        default_factory=list, description="Every record of it: each appearance of the minutes, the clerk's entry."
    )


class Attendance(AttendanceFacts):
    """A person's recorded status at a meeting (one row per person, all its records in ``citations``)."""

    person_id: int | None = None
    name: str
    status: str = Field(description="present | apologies | reserve | in_attendance | absent")
    role: str | None = None
    replacing: str | None = None
    source: SourceRef | None = None


class Declaration(Model):
    """A declaration of interest recorded in minutes."""

    id: int
    meeting_id: int
    meeting_date: str | None = None
    body_id: int | None = None
    body_name: str | None = None
    person_id: int | None = None
    member: str
    item: str | None = None
    interest: str | None = None
    kind: str | None = None
    source: SourceRef | None = None


class Decision(Model):
    """A resolution recorded in minutes (RESOLVED, AGREED, RECOMMENDED ...)."""

    id: int
    meeting_id: int
    meeting_date: str | None = None
    body_id: int | None = None
    body_name: str | None = None
    minute_number: str | None = None
    minute_title: str | None = None
    verb: str | None = None
    text: str
    recommended_to: str | None = None
    source: SourceRef | None = None


class MinuteItem(Model):
    """A numbered minute with its resolutions."""

    number: str
    title: str
    decisions: list[Decision] = Field(default_factory=list)
    source: SourceRef | None = None
    route: list[DecisionStep] = Field(
        default_factory=list, description="How this minute's decision travelled between bodies, steps in order."
    )


class Motion(Model):
    """A notice of motion, with mover and seconder."""

    id: int
    meeting_id: int | None = None
    title: str
    mover: str | None = None
    seconder: str | None = None
    mover_id: int | None = None
    seconder_id: int | None = None
    source: SourceRef | None = None


class Meeting(MeetingSummary):
    """A meeting with everything published about it."""

    quorum: int | None = None
    chair: str | None = None
    publication_date: str | None = None
    public_question_deadline: str | None = None
    public_question_address: str | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    attendance: list[Attendance] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    minutes: list[MinuteItem] = Field(default_factory=list)
    motions: list[Motion] = Field(default_factory=list)
    documents: list[DocumentSummary] = Field(default_factory=list)
    decision_steps: list[DecisionStep] = Field(
        default_factory=list,
        description="Every step of the decision chains that pass through this meeting, chain by chain, in order.",
    )


class Membership(Model):
    """A person's membership of a body (or role) over a span of dates."""

    person_id: int
    person_name: str
    body_id: int | None = None
    body_name: str | None = None
    role: str | None = None
    start_date: str | None = None
    end_date: str | None = None


class AttendanceRate(Model):
    """A person's attendance at one body's meetings."""

    body_id: int | None
    body_name: str | None
    meetings: int
    present: int
    apologies: int
    rate: float | None = Field(None, description="present / meetings recorded, 0..1")


class AttendanceRecord(AttendanceFacts):
    """A person's status at one meeting (one row per meeting, all its records in ``citations``)."""

    meeting: MeetingSummary
    status: str
    role: str | None = None
    source: SourceRef | None = None


class Report(Model):
    """An officer report: subject and who wrote it."""

    id: int
    document_id: int | None = None
    meeting_id: int | None = None
    subject: str | None = None
    report_for: str | None = None
    meeting_date: str | None = None
    officers: list[str] = Field(default_factory=list)
    url: str | None = None
    source: SourceRef | None = None


class Person(PersonSummary):
    """A person with roles, attendance, declarations, motions and reports."""

    memberships: list[Membership] = Field(default_factory=list)
    attendance_rates: list[AttendanceRate] = Field(default_factory=list)
    attendance: list[AttendanceRecord] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    motions: list[Motion] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)


class Body(BodySummary):
    """A body with its members over time, meetings and decisions."""

    memberships: list[Membership] = Field(default_factory=list)
    meetings: list[MeetingSummary] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)


class IndicatorPoint(Model):
    """One reading of an indicator."""

    period: str | None = None
    value: str
    value_number: float | None = None
    target: str | None = None
    rag: str | None = None
    comparators: dict[str, str] = Field(default_factory=dict)
    source: SourceRef | None = None


class Indicator(Model):
    """A performance indicator and its readings."""

    id: int
    label: str
    unit: str | None = None
    target: str | None = None
    comparators: dict[str, str] = Field(default_factory=dict)
    points: list[IndicatorPoint] = Field(default_factory=list)
    url: str
    source: SourceRef | None = None


class SearchHit(Model):
    """A ranked search hit with a highlighted snippet and a link to the exact lines."""

    kind: str
    title: str
    snippet: str = Field(description="HTML-escaped text; matches wrapped in <mark>.")
    score: float | None = None
    url: str
    meeting_id: int | None = None
    body_name: str | None = None
    date: str | None = None
    source: SourceRef | None = None


class SourceLine(Model):
    """One line of a source as shown on the source page."""

    number: int
    text: str
    page: int | None = None
    highlighted: bool = False
    withheld: bool = False


class Page(Model, Generic[T]):
    """A page of results; pass ``next_cursor`` as ``cursor`` to get the next one."""

    items: list[T]
    next_cursor: str | None = None


class ErrorMessage(Model):
    """An error response."""

    detail: str
