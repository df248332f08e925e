"""Store what a ModernGov web service publishes, beside what the packs say, citing the raw XML.

:func:`store_site` takes the records of :func:`quorum.ingest.moderngov.fetch_site`
(through :func:`~quorum.ingest.moderngov.moderngov_to_records`, so restricted
content is already gone) and writes them into the store. Each raw XML response
the client cached is one source (``sources.kind`` "moderngov"); every fact
cites that file and its lines:

* ``GetCommittees`` → bodies (:class:`~quorum.store.schema.Organization`, found
  through :mod:`quorum.store.identity`, so "Cabinet" here and "CABINET" on a
  front sheet are one body) with their ModernGov ids and pages;
* ``GetCouncillorsByWard`` → people, a ward post of the Council held for each
  term of office (dated memberships), party memberships (bodies classified
  "party") and council posts named in ``keyposts``;
* ``GetMeeting`` → the meeting (natural key body + date, so a meeting already
  stored from a pack is the same meeting; body + date + time when the store
  holds another meeting of that body at a different time that day), its agenda
  items (restricted ones exempt: number and title only), attendees as
  clerk-entered attendance (``attendance.origin`` "clerk", the value verbatim
  in ``status_raw``) beside the attendance read from minutes, committee
  memberships, linked documents (never restricted ones) and each item's minutes
  (``minutesnonemptyhtmlbody``) as searchable text.

A file whose content and records are unchanged since it was last stored is
skipped, so storing the same fetch twice adds nothing.
:func:`quorum.store.clerk_attendance.attendance_disagreements` lists the
people whose clerk-entered attendance and minutes disagree.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.orm import Session

from quorum.ingest.moderngov import moderngov_to_records
from quorum.ingest.moderngov_model import SiteRecords
from quorum.model import Access
from quorum.resolve.bodies import body_key, display_name, occasion
from quorum.resolve.names import fold, roles_of
from quorum.store import schema as s
from quorum.store.clerk_attendance import clerk_status
from quorum.store.identity import Identities
from quorum.store.writer import COUNCIL_ROLES, clear_source, collect_garbage, now

__all__ = [
    "SCHEME",
    "StoreReport",
    "XmlText",
    "store_records",
    "store_site",
    "xml_path",
]

#: ``identifiers.scheme`` and ``sources.kind`` of everything stored from ModernGov.
SCHEME = "moderngov"
#: Provenance keeps at most this many lines of verbatim XML.
VERBATIM_LINES = 200
#: Committee roles an attendee's role description can name.
MEETING_ROLES = frozenset({"chair", "vice-chair", "substitute", "reserve", "co-optee"})
#: Key posts that are posts of the Council when the post says "of the Council".
CHAIRS = frozenset({"chair", "vice-chair"})

Progress = Callable[[str, str], None]


def xml_path(folder: Path, method: str, **params: str | int) -> Path:
    """Return where :class:`~quorum.ingest.moderngov.ModernGovClient` caches the response of ``method``."""
    name = method + "".join(f"_{k}-{v}" for k, v in params.items()).replace("/", "-") + ".xml"
    return Path(folder) / "xml" / name


# ------------------------------------------------------------------ raw XML ---


class XmlText:
    """The text of one raw XML response, for finding the 1-based line span of an element."""

    def __init__(self, data: bytes) -> None:
        self.raw = data.decode("utf-8", errors="replace")
        self.lines = self.raw.split("\n")
        self._breaks = [i for i, ch in enumerate(self.raw) if ch == "\n"]

    def line_at(self, offset: int) -> int:
        """The 1-based line of character ``offset``."""
        return bisect.bisect_left(self._breaks, offset) + 1

    def element(self, tag: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """Return the (start, end) offsets of the ``tag`` element enclosing the first ``needle`` in range, or None.

        ModernGov never nests an element in one of the same name, so the
        enclosing element is the last ``<tag ...>`` opened before the needle,
        provided it has not closed before it.
        """
        end = len(self.raw) if end is None else end
        index = self.raw.find(needle, start, end)
        if index < 0:
            return None
        opening = None
        for match in re.compile(rf"<{re.escape(tag)}(?=[\s>/])[^>]*>").finditer(self.raw, start, end):
            if match.start() > index:
                break
            opening = match
        if opening is None:
            return None
        if opening.group().endswith("/>"):
            return (opening.start(), opening.end()) if index < opening.end() else None
        closing = self.raw.find(f"</{tag}>", opening.end(), end)
        if closing < 0 or closing + len(tag) + 3 <= index:
            return None
        return opening.start(), closing + len(tag) + 3

    def span(self, offsets: tuple[int, int] | None, default: int = 1) -> tuple[int, int]:
        """The 1-based inclusive line span of character offsets (``default`` when not found)."""
        if offsets is None:
            return default, default
        return self.line_at(offsets[0]), self.line_at(max(offsets[0], offsets[1] - 1))

    def line_of(self, needle: str, start: int = 0, end: int | None = None, default: int = 1) -> int:
        """The line of the first ``needle`` in the range (``default`` when absent)."""
        index = self.raw.find(needle, start, len(self.raw) if end is None else end)
        return self.line_at(index) if index >= 0 else default

    def verbatim(self, start: int, end: int) -> str:
        """Lines ``start``..``end`` (at most :data:`VERBATIM_LINES`) joined by newlines."""
        return "\n".join(self.lines[start - 1 : min(end, start + VERBATIM_LINES - 1)])


# -------------------------------------------------------------------- report ---


@dataclass
class StoreReport:
    """What storing a fetch did to each raw XML file, and the ids of the meetings it describes."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    meeting_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every file was stored (or was already)."""
        return not self.failed


# ------------------------------------------------------------------- writing ---


def _fingerprint(data: bytes, record: Any) -> str:
    """Hash of the raw XML and the records made from it (what would be written)."""
    digest = hashlib.sha256(data)
    digest.update(b"\0")
    digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


@dataclass
class _SourceWriter:
    """State while writing one raw XML file."""

    session: Session
    source_id: int
    xml: XmlText
    site: str
    ids: Identities
    _org_names: set[tuple[int, str]] = field(default_factory=set)

    def prov(self, start: int, end: int | None = None, *, exempt: bool = False) -> dict[str, Any]:
        """Provenance columns for lines ``start``..``end`` (no verbatim text when exempt)."""
        end = start if end is None or end < start else end
        return {
            "source_id": self.source_id,
            "page": None,
            "start_line": start,
            "end_line": end,
            "verbatim": None if exempt else self.xml.verbatim(start, end),
        }

    def identifier(self, kind: str, value: object, url: str | None, line: int, **entity: int | None) -> None:
        """Record the ModernGov id (and page) of an organization, meeting, person or agenda item."""
        if value is None:
            return
        self.session.add(
            s.Identifier(
                scheme=SCHEME, site=self.site, kind=kind, identifier=str(value), url=url, **entity, **self.prov(line)
            )
        )

    def council(self, line: int) -> int:
        """The id of the Council itself."""
        return self.ids.organization("Council", line)

    def party(self, name: str, line: int) -> int:
        """The id of the political party ``name`` (an organization classified "party")."""
        key = f"party|{body_key(name)}"
        org_id = self.session.scalar(select(s.Organization.id).where(s.Organization.key == key))
        if org_id is None:
            org = s.Organization(key=key, name=display_name(name), classification="party")
            self.session.add(org)
            self.session.flush()
            org_id = org.id
        if (org_id, name) not in self._org_names:
            self._org_names.add((org_id, name))
            self.session.add(s.OrganizationName(organization_id=org_id, name=name, source_id=self.source_id, line=line))
        return org_id

    def post(self, org_id: int, role: str, label: str) -> int:
        """Find or create the post ``role``/``label`` in a body; return its id."""
        post_id = self.session.scalar(
            select(s.Post.id).where(s.Post.organization_id == org_id, s.Post.role == role, s.Post.label == label)
        )
        if post_id is None:
            post = s.Post(organization_id=org_id, role=role, label=label)
            self.session.add(post)
            self.session.flush()
            post_id = post.id
        return post_id

    # ------------------------------------------------------------ committees ---

    def committees(self, committees: list[dict[str, Any]]) -> None:
        """GetCommittees: one body per committee (deleted ones left out) with its ModernGov id and page."""
        for committee in committees:
            if committee.get("deleted"):
                continue
            number = committee["committee_id"]
            offsets = self.xml.element("committee", f"<committeeid>{number}</committeeid>")
            start, end = self.xml.span(offsets)
            low, high = offsets or (0, len(self.xml.raw))
            title_line = self.xml.line_of("<committeetitle>", low, high, default=start)
            org_id = self.ids.organization(committee["title"], title_line)
            url = f"{self.site}/mgCommitteeDetails.aspx?ID={number}"
            self.session.add(
                s.Identifier(
                    scheme=SCHEME,
                    site=self.site,
                    kind="committee",
                    identifier=str(number),
                    url=url,
                    organization_id=org_id,
                    **self.prov(start, end),
                )
            )

    # ----------------------------------------------------------- councillors ---

    def councillors(self, councillors: list[dict[str, Any]]) -> None:
        """GetCouncillorsByWard: people, ward posts per term of office, parties, council posts, ids."""
        roster: set[int] = set()
        for councillor in councillors:
            number = councillor["councillor_id"]
            offsets = self.xml.element("councillor", f"<councillorid>{number}</councillorid>")
            start, _ = self.xml.span(offsets)
            low, high = offsets or (0, len(self.xml.raw))
            name_line = self.xml.line_of("<fullusername>", low, high, default=start)
            person_id = self.ids.person(councillor["name_raw"], line=name_line, distinct=roster)
            if person_id is None:
                continue
            self.identifier(
                "member", number, f"{self.site}/mgUserInfo.aspx?UID={number}", name_line, person_id=person_id
            )
            ward = councillor.get("ward")
            if ward:
                ward_offsets = self.xml.raw.rfind("<wardtitle>", 0, low)
                ward_line = self.xml.line_at(ward_offsets) if ward_offsets >= 0 else start
                council = self.council(ward_line)
                post_id = self.post(council, "councillor", ward)
                terms = councillor.get("terms") or []
                position = low
                for term in terms:
                    term_offsets = self.xml.element("termofoffice", "<startdate>", position, high)
                    if term_offsets is not None:
                        position = term_offsets[1]
                    t_start, t_end = self.xml.span(term_offsets, default=start)
                    self.session.add(
                        s.Membership(
                            person_id=person_id,
                            organization_id=council,
                            post_id=post_id,
                            role="councillor",
                            label=ward,
                            start_date=term.get("start"),
                            end_date=term.get("end"),
                            **self.prov(t_start, t_end),
                        )
                    )
                if not terms:
                    self.session.add(
                        s.Membership(
                            person_id=person_id,
                            organization_id=council,
                            post_id=post_id,
                            role="councillor",
                            label=ward,
                            **self.prov(ward_line),
                        )
                    )
            party = councillor.get("party")
            if party:
                line = self.xml.line_of("<politicalpartytitle>", low, high, default=start)
                self.session.add(
                    s.Membership(
                        person_id=person_id,
                        organization_id=self.party(party, line),
                        role="member",
                        label=party,
                        **self.prov(line),
                    )
                )
            key_posts = councillor.get("key_posts")
            if key_posts:
                line = self.xml.line_of("<keyposts>", low, high, default=start)
                of_council = "of the council" in fold(key_posts)  # "Chairman of the Council", not of a committee
                for role in (r for r in roles_of(key_posts) if r in COUNCIL_ROLES or (of_council and r in CHAIRS)):
                    label = key_posts
                    self.session.add(
                        s.Membership(
                            person_id=person_id,
                            organization_id=self.council(line),
                            post_id=self.post(self.council(line), role, label),
                            role=role,
                            label=label,
                            **self.prov(line),
                        )
                    )

    # --------------------------------------------------------------- meeting ---

    def find_meeting(self, printed: str, date: str | None, time: str | None, number: int, line: int) -> s.Meeting:
        """The meeting of ``printed`` on ``date`` (at ``time``), found by natural key or created."""
        org_id = self.ids.organization(printed, line)
        base = f"{body_key(printed)}|{date}" if date else f"{body_key(printed)}|undated|{SCHEME}|{self.site}|{number}"
        meeting = self.session.scalar(select(s.Meeting).where(s.Meeting.key == base))
        key = base
        if meeting is not None and date and time and meeting.time and meeting.time != time:
            key = f"{base}|{time}"
            meeting = self.session.scalar(select(s.Meeting).where(s.Meeting.key == key))
        if meeting is None:
            meeting = s.Meeting(key=key, organization_id=org_id, date=date, name=printed, occasion=occasion(printed))
            self.session.add(meeting)
            self.session.flush()
        return meeting

    def meeting(self, record: dict[str, Any]) -> int:
        """GetMeeting: the meeting, its agenda items, minutes text, documents and clerk attendance; return its id."""
        info = record["meeting"]
        number = record["meeting_id"]
        printed = info.get("body") or "Unknown body"
        body_line = self.xml.line_of(f">{printed}<", default=1) if info.get("body") else 1
        meeting = self.find_meeting(printed, info.get("date"), info.get("time"), number, body_line)
        org_id, date = meeting.organization_id, meeting.date
        if info.get("time") and not meeting.time:
            meeting.time = info["time"]
        if info.get("venue") and not meeting.venue:
            meeting.venue = info["venue"]
        url = f"{self.site}/ieListDocuments.aspx?MId={number}"
        details = {
            "scheme": SCHEME,
            "moderngov_id": number,
            "status": record.get("status"),
            "date_raw": info.get("date_raw"),
            "time": info.get("time"),
            "time_raw": info.get("time_raw"),
            "venue": info.get("venue"),
            "agenda_published": record.get("agenda_published"),
            "minutes_published": record.get("minutes_published"),
            "url": url,
        }
        header_end = self.xml.line_of("<agendaitems>", default=len(self.xml.lines))
        self.session.add(
            s.MeetingRecord(
                meeting_id=meeting.id,
                kind=SCHEME,
                details={k: v for k, v in details.items() if v is not None},
                **self.prov(1, max(1, header_end - 1)),
            )
        )
        self.identifier(
            "meeting", number, url, self.xml.line_of(f"<meetingid>{number}</meetingid>"), meeting_id=meeting.id
        )
        chunks: list[dict[str, Any]] = []
        position = 0
        for web_item in record.get("items", []):
            position = self.agenda_item(web_item, meeting.id, org_id, date, position, chunks)
        self.attendees(record.get("attendees", []), meeting.id, org_id, date)
        if chunks:
            self.session.execute(insert(s.TextChunk), chunks)
        return meeting.id

    def agenda_item(
        self,
        web_item: dict[str, Any],
        meeting_id: int,
        org_id: int,
        date: str | None,
        position: int,
        chunks: list[dict[str, Any]],
    ) -> int:
        """Write one agenda item (exempt: number and title only), its documents and minutes; return the offset."""
        item = web_item["item"]
        item_id = web_item.get("item_id")
        exempt = item.get("access") == Access.EXEMPT.value
        offsets = (
            self.xml.element("agendaitem", f"<agendaitemid>{item_id}</agendaitemid>", position)
            if item_id is not None
            else None
        )
        low, high = offsets or (position, len(self.xml.raw))
        start, end = self.xml.span(offsets, default=item.get("line") or 1)
        title_line = self.xml.line_of("<agendaitemtitle>", low, high, default=start)
        row = s.AgendaItem(
            meeting_id=meeting_id,
            number=item.get("number") or "",
            title=item["title"],
            description=None if exempt else item.get("description"),
            part=item.get("part") or ("II" if exempt else "I"),
            access=Access.EXEMPT.value if exempt else Access.PUBLIC.value,
            **self.prov(start, end, exempt=exempt),
        )
        if exempt:
            row.verbatim = self.xml.verbatim(title_line, title_line)
        self.session.add(row)
        self.session.flush()
        url = f"{self.site}/mgAi.aspx?ID={item_id}" if item_id is not None else None
        self.identifier("agenda_item", item_id, url, start, agenda_item_id=row.id)
        if exempt:
            return high
        common = {"source_id": self.source_id, "meeting_id": meeting_id, "organization_id": org_id, "date": date}
        heading = " ".join(x for x in (item.get("number"), item["title"]) if x)
        chunks.append(
            {
                **common,
                "appearance_id": None,
                "document_id": None,
                "kind": "agenda_item",
                "document_kind": None,
                "ref_id": row.id,
                "title": item["title"],
                "page": None,
                "start_line": start,
                "end_line": end,
                "text": "\n".join(x for x in (heading, item.get("description")) if x),
            }
        )
        minutes_text = web_item.get("minutes_text")
        if minutes_text:
            m_start, m_end = self.xml.span(
                self.xml.element("minutesnonemptyhtmlbody", "<minutesnonemptyhtmlbody>", low, high), default=start
            )
            number = web_item.get("minutes_number") or item.get("number")
            chunks.append(
                {
                    **common,
                    "appearance_id": None,
                    "document_id": None,
                    "kind": "text",
                    "document_kind": "minutes",
                    "ref_id": None,
                    "title": " ".join(x for x in (number, item["title"]) if x),
                    "page": None,
                    "start_line": m_start,
                    "end_line": m_end,
                    "text": minutes_text,
                }
            )
        for document in web_item.get("documents", []):
            if document.get("access") == Access.EXEMPT.value:
                continue  # moderngov_to_records leaves none; never store one
            attachment = document.get("attachment_id")
            needle = f"<attachmentid>{attachment}</attachmentid>" if attachment is not None else "<linkeddoc>"
            d_start, d_end = self.xml.span(self.xml.element("linkeddoc", needle, low, high), default=start)
            self.session.add(
                s.LinkedDocument(
                    meeting_id=meeting_id,
                    agenda_item_id=row.id,
                    external_id=str(attachment) if attachment is not None else None,
                    title=document["title"],
                    url=document.get("url"),
                    access=Access.PUBLIC.value,
                    is_url=bool(document.get("is_url")),
                    publication_date=document.get("publication_date"),
                    publication_date_raw=document.get("publication_date_raw"),
                    path=document.get("path"),
                    **self.prov(d_start, d_end),
                )
            )
        return high

    def attendees(self, attendees: list[dict[str, Any]], meeting_id: int, org_id: int, date: str | None) -> None:
        """Clerk-entered attendance (origin "clerk"), committee memberships and member ids."""
        roster: set[int] = set()
        for attendee in attendees:
            person = attendee["person"]
            member = attendee.get("member_id")
            printed = f"{person['honorific']} {person['name']}" if person.get("honorific") else person["name"]
            needle = f'memberid="{member}"' if member is not None else f'name="{printed}"'
            line = self.xml.line_of(needle, default=person.get("line") or 1)
            person_id = self.ids.person(printed, line=line, distinct=roster)
            self.session.add(
                s.Attendance(
                    meeting_id=meeting_id,
                    person_id=person_id,
                    name=person["name"],
                    status=clerk_status(attendee.get("attendance")),
                    role=person.get("role"),
                    origin="clerk",
                    status_raw=attendee.get("attendance"),
                    **self.prov(line),
                )
            )
            if person_id is None:
                continue
            printed_roles = roles_of(person.get("role"))
            role = next((r for r in printed_roles if r in MEETING_ROLES), "member")
            self.session.add(
                s.Membership(
                    person_id=person_id,
                    organization_id=org_id,
                    meeting_id=meeting_id,
                    role=role,
                    label=person.get("role"),
                    observed_on=date,
                    **self.prov(line),
                )
            )
            url = attendee.get("url") or (f"{self.site}/mgUserInfo.aspx?UID={member}" if member is not None else None)
            self.identifier("member", member, url, line, person_id=person_id)


def _clear(session: Session, source_id: int) -> None:
    """Delete everything a ModernGov source said before (its own tables, then the shared ones)."""
    session.execute(delete(s.LinkedDocument).where(s.LinkedDocument.source_id == source_id))
    session.execute(delete(s.Identifier).where(s.Identifier.source_id == source_id))
    clear_source(session, source_id)


def _store_file(
    session: Session,
    path: Path,
    site: str,
    record: Any,
    write: Callable[[_SourceWriter], Any],
    force: bool,
    report: StoreReport,
) -> Any:
    """Store one raw XML file in its own transaction unless it is unchanged; return what ``write`` returned."""
    name = str(path.resolve())
    try:
        data = path.read_bytes()
    except OSError as error:
        report.failed.append((name, f"{name}: cannot read the raw XML ({error.strerror or error})"))
        return None
    digest = _fingerprint(data, record)
    source = session.scalar(select(s.Source).where(s.Source.path == name))
    if source is not None and source.sha256 == digest and source.status == "ok" and not force:
        report.unchanged.append(name)
        return None
    try:
        known = source is not None
        if source is None:
            source = s.Source(path=name, sha256=digest, kind=SCHEME, status="ok", ingested_at=now())
            session.add(source)
            session.flush()
        else:
            _clear(session, source.id)
        xml = XmlText(data)
        source.sha256, source.kind, source.status, source.error = digest, SCHEME, "ok", None
        source.line_count, source.page_count, source.ingested_at = len(xml.lines), None, now()
        writer = _SourceWriter(session, source.id, xml, site, Identities(session, source.id))
        result = write(writer)
        session.flush()
        collect_garbage(session)
        session.commit()
    except Exception as error:  # one bad file must not cost the others their data
        session.rollback()
        report.failed.append((name, f"{name}: could not be stored: {type(error).__name__}: {error}"))
        return None
    (report.replaced if known else report.added).append(name)
    return result


def store_records(
    target: Engine | Session,
    records: dict[str, Any],
    folder: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> StoreReport:
    """Store the JSON-ready records of one ModernGov site (see ``moderngov_to_records``) fetched into ``folder``.

    ``folder`` is the client's cache folder (raw XML under ``xml/``); each
    meeting's record names its own XML in ``raw_path``. Councillors are stored
    first (so attendees resolve to them), then committees, then meetings, each
    file in its own transaction. Unchanged files are skipped unless ``force``.
    Returns a :class:`StoreReport` whose ``meeting_ids`` are the stored ids of
    every meeting in ``records``.
    """
    session = target if isinstance(target, Session) else Session(target)
    report = StoreReport()
    site = str(records.get("base_url") or "").rstrip("/")
    say = progress or (lambda _path, _outcome: None)
    try:
        if records.get("councillors"):
            path = xml_path(folder, "GetCouncillorsByWard")
            _store_file(
                session,
                path,
                site,
                records["councillors"],
                lambda w: w.councillors(records["councillors"]),
                force,
                report,
            )
            say(str(path), _outcome(report, str(path)))
        if records.get("committees"):
            path = xml_path(folder, "GetCommittees")
            _store_file(
                session, path, site, records["committees"], lambda w: w.committees(records["committees"]), force, report
            )
            say(str(path), _outcome(report, str(path)))
        for record in records.get("meetings", []):
            raw = record.get("raw_path")
            path = Path(raw) if raw else xml_path(folder, "GetMeeting", lMeetingId=record["meeting_id"])
            _store_file(session, path, site, record, lambda w, r=record: w.meeting(r), force, report)
            say(str(path), _outcome(report, str(path)))
        report.meeting_ids = _stored_meetings(session, site, [r["meeting_id"] for r in records.get("meetings", [])])
    finally:
        if not isinstance(target, Session):
            session.close()
    return report


def _outcome(report: StoreReport, path: str) -> str:
    for name, paths in (("added", report.added), ("replaced", report.replaced), ("unchanged", report.unchanged)):
        if path in paths:
            return name
    return "failed"


def _stored_meetings(session: Session, site: str, numbers: list[int]) -> list[int]:
    """The store ids of the ModernGov meetings ``numbers`` of ``site`` (in that order, missing ones left out)."""
    if not numbers:
        return []
    found = dict(
        session.execute(
            select(s.Identifier.identifier, s.Identifier.meeting_id).where(
                s.Identifier.scheme == SCHEME,
                s.Identifier.site == site,
                s.Identifier.kind == "meeting",
                s.Identifier.identifier.in_([str(n) for n in numbers]),
            )
        ).all()
    )
    return [found[str(n)] for n in numbers if found.get(str(n)) is not None]


def store_site(
    target: Engine | Session,
    site: SiteRecords,
    folder: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> StoreReport:
    """Store a fetched site, restricted content removed by ``moderngov_to_records`` first; see store_records."""
    return store_records(target, moderngov_to_records(site), folder, force=force, progress=progress)
