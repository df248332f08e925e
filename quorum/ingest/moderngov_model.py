"""Records for what the ModernGov web service (``mgWebService.asmx``) publishes.

Where a record of :mod:`quorum.model` fits it is reused: each meeting carries a
:class:`~quorum.model.Meeting` (with :class:`~quorum.model.AgendaItem` records,
``access`` exempt for restricted items) and each attendee a
:class:`~quorum.model.Attendee`. What the model has no place for (web-service
ids, attendance values, document URLs, councillors' wards, parties and terms)
lives here. Spans and line numbers point into the raw XML response stored next
to the records, which is the source of every string here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quorum.model import Access, AgendaItem, Attendee, Meeting


@dataclass(slots=True)
class Committee:
    """A committee from ``GetCommittees``."""

    committee_id: int
    title: str
    deleted: bool = False
    expired: bool = False
    category: str | None = None


@dataclass(slots=True)
class LinkedDocument:
    """A document linked to an agenda item (report, minutes, appendix) with its download URL.

    ``url`` is None for restricted (exempt) documents, which are never fetched.
    """

    attachment_id: int | None
    title: str
    url: str | None
    access: Access = Access.PUBLIC
    publication_date: str | None = None  # ISO
    publication_date_raw: str | None = None
    owner_title: str | None = None  # the agenda item title the document belongs to
    is_url: bool = False  # the "document" is a link to another web page
    agenda_item_id: int | None = None
    path: str | None = None  # where the downloaded copy was stored, when it was


@dataclass(slots=True)
class WebAgendaItem:
    """One agenda item of ``GetMeeting``: the model's AgendaItem plus web-service extras.

    ``agenda_html``/``minutes_html`` are the item's HTML (already decoded from
    the XML) and are None for restricted items.
    """

    item: AgendaItem
    item_id: int | None
    minutes_number: str | None = None
    agenda_html: str | None = None
    minutes_html: str | None = None
    minutes_text: str | None = None
    documents: list[LinkedDocument] = field(default_factory=list)


@dataclass(slots=True)
class MeetingAttendee:
    """An attendee of ``GetMeeting`` with the attendance the site records."""

    person: Attendee
    member_id: int | None
    attendance: str | None = None  # "Present", "Apologies", "Expected", "Absent", ...
    present: bool | None = None  # True for Present/In attendance, False for Apologies/Absent
    party: str | None = None
    ward: str | None = None
    member_type: str | None = None
    url: str | None = None


@dataclass(slots=True)
class WebMeeting:
    """A meeting from ``GetMeetings`` (and, once fetched, ``GetMeeting``)."""

    meeting_id: int
    committee_id: int | None
    meeting: Meeting
    status: str | None = None  # Confirmed | Cancelled | ...
    agenda_published: bool | None = None
    minutes_published: bool | None = None
    items: list[WebAgendaItem] = field(default_factory=list)
    attendees: list[MeetingAttendee] = field(default_factory=list)
    raw_path: str | None = None  # the stored GetMeeting XML


@dataclass(slots=True)
class TermOfOffice:
    """One term of office of a councillor."""

    start: str | None
    end: str | None
    start_raw: str | None = None
    end_raw: str | None = None


@dataclass(slots=True)
class Councillor:
    """A councillor from ``GetCouncillorsByWard``.

    ``name`` is printed without "Councillor"/"Cllr" (which goes in
    ``honorific``); other titles (Mrs., Dr) stay as printed. Home addresses
    and private phone numbers are deliberately not kept.
    """

    councillor_id: int
    name: str
    name_raw: str
    ward: str | None
    honorific: str | None = None
    party: str | None = None
    representing: str | None = None
    key_posts: str | None = None
    email: str | None = None  # the work address's email only
    photo_url: str | None = None
    terms: list[TermOfOffice] = field(default_factory=list)


@dataclass(slots=True)
class SiteRecords:
    """Everything fetched from one ModernGov site, mapped into records."""

    base_url: str
    committees: list[Committee] = field(default_factory=list)
    meetings: list[WebMeeting] = field(default_factory=list)
    councillors: list[Councillor] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
