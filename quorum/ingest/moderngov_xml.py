"""Parse ModernGov web-service XML responses into records (no network here).

Parsing uses defusedxml, so entity-expansion and external-entity tricks in a
response are refused rather than expanded. Text fields are decoded with
:func:`html.unescape` up to twice, because ModernGov HTML-encodes titles before
putting them into XML (``&amp;#39;`` arrives for an apostrophe). Dates arrive as
``dd/mm/yyyy`` and times as ``10.00 am``; both are normalised into separate
fields next to the raw text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from quorum.errors import QuorumError
from quorum.ingest.moderngov_model import (
    Committee,
    Councillor,
    LinkedDocument,
    MeetingAttendee,
    TermOfOffice,
    WebAgendaItem,
    WebMeeting,
)
from quorum.model import Access, AgendaItem, Attendee, Meeting, Span


class ModernGovError(QuorumError):
    """A ModernGov site could not be read: blocked, failing, or sending something that is not its XML."""


_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*([ap])\.?\s*m\.?\s*$|^\s*(\d{1,2})[.:](\d{2})\s*$", re.I)
_HONORIFIC = re.compile(r"^(Councillor|Cllr\.?)\s+", re.I)
_PRESENT = {"present", "in attendance", "attended", "present as substitute", "present virtually"}
_ABSENT = {"apologies", "absent", "apologies, sent substitute", "apologies sent substitute", "not required"}


def parse_xml(data: bytes, what: str, roots: tuple[str, ...] = ()) -> ET.Element:
    """Parse XML bytes safely and return the root element.

    Raises ModernGovError naming ``what`` when the bytes are truncated, malformed or
    unsafe, or when ``roots`` is given and the root element is none of them (an HTML
    error or "access denied" page sent in place of the service's XML).
    """
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as error:
        raise ModernGovError(f"{what}: truncated or malformed XML ({error})") from None
    except DefusedXmlException as error:
        raise ModernGovError(f"{what}: refused unsafe XML ({type(error).__name__})") from None
    tag = root.tag.rsplit("}", 1)[-1].lower()
    if roots and tag not in roots:
        hint = " (an HTML page: the site may be blocking requests or showing an error)" if tag == "html" else ""
        raise ModernGovError(f"{what}: expected a <{roots[0]}> response, got <{tag}>{hint}")
    return root


def decode(value: str | None) -> str | None:
    """Strip and HTML-decode a text field (twice at most); return None when empty."""
    if value is None:
        return None
    for _ in range(2):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    value = value.replace("\xa0", " ").strip()
    return value or None


def child_text(element: ET.Element, tag: str) -> str | None:
    """Return the decoded text of ``element``'s child ``tag``, or None when missing or empty."""
    child = element.find(tag)
    return decode(child.text) if child is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() == "true"


def iso_date(raw: str | None) -> str | None:
    """Turn a ModernGov ``dd/mm/yyyy`` date into ISO ``YYYY-MM-DD``; None when it is not one."""
    match = _DATE.match(raw or "")
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def hhmm(raw: str | None) -> str | None:
    """Turn ``10.00 am``/``2.00 pm``/``19:15`` into 24-hour ``HH:MM``; None when it is not a time."""
    match = _TIME.match(raw or "")
    if not match:
        return None
    if match.group(1) is not None:
        hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3).lower()
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    else:
        hour, minute = int(match.group(4)), int(match.group(5))
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def split_honorific(raw: str) -> tuple[str | None, str]:
    """Split "Councillor Basil Curley" into ("Councillor", "Basil Curley"); other titles stay in the name."""
    match = _HONORIFIC.match(raw)
    if not match:
        return None, raw
    return match.group(1), raw[match.end() :].strip()


class _TextOfHtml(HTMLParser):
    """Collect the text of an HTML fragment, one line per block element."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(fragment: str | None) -> str | None:
    """Return the plain text of an HTML fragment: one line per paragraph, white space folded."""
    if not fragment:
        return None
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text or None


def _line_of(raw: str, needle: str, after: int = 0) -> int:
    """Return the 1-based line of ``needle`` in ``raw`` at or after offset ``after`` (1 when absent)."""
    index = raw.find(needle, after)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


def _http_url(url: str | None, base_url: str | None) -> str | None:
    """Upgrade an ``http://`` URL to https when it is on the (https) site the data came from."""
    if not url or not base_url or not url.startswith("http://") or not base_url.startswith("https://"):
        return url
    host = base_url.split("//", 1)[1].split("/", 1)[0].lower()
    if url[7:].split("/", 1)[0].lower() == host:
        return "https://" + url[7:]
    return url


# ------------------------------------------------------------------ responses ---


def parse_committees(data: bytes) -> list[Committee]:
    """Parse a ``GetCommittees`` response into Committee records, in the order given."""
    root = parse_xml(data, "GetCommittees", ("committees",))
    committees = []
    for element in root.iter("committee"):
        committee_id = _int(child_text(element, "committeeid"))
        title = child_text(element, "committeetitle")
        if committee_id is None or title is None:
            continue
        committees.append(
            Committee(
                committee_id=committee_id,
                title=title,
                deleted=bool(_bool(child_text(element, "committeedeleted"))),
                expired=bool(_bool(child_text(element, "committeeexpired"))),
                category=child_text(element, "committeecategory"),
            )
        )
    return committees


def parse_meetings(data: bytes) -> list[WebMeeting]:
    """Parse a ``GetMeetings`` response into WebMeeting records (no agenda yet)."""
    root = parse_xml(data, "GetMeetings", ("getmeetings", "meetings"))
    raw = data.decode("utf-8", errors="replace")
    meetings = []
    for committee in root.iter("committee"):
        committee_id = _int(child_text(committee, "committeeid"))
        body = child_text(committee, "committeetitle")
        for element in committee.iter("meeting"):
            meeting_id = _int(child_text(element, "meetingid"))
            if meeting_id is None:
                continue
            date_raw = child_text(element, "meetingdate")
            time_raw = child_text(element, "meetingtime")
            line = _line_of(raw, f"<meetingid>{meeting_id}</meetingid>")
            meeting = Meeting(
                body=body,
                date=iso_date(date_raw),
                span=Span(line, line),
                date_raw=date_raw,
                time=hhmm(time_raw),
                time_raw=time_raw,
            )
            meetings.append(WebMeeting(meeting_id, committee_id, meeting, status=child_text(element, "meetingstatus")))
    return meetings


def _attendance(value: str | None) -> bool | None:
    if value is None:
        return None
    key = value.strip().lower()
    if key in _PRESENT:
        return True
    if key in _ABSENT or key.startswith("apolog"):
        return False
    return None


def _linked_documents(item: ET.Element, item_id: int | None, base_url: str | None) -> list[LinkedDocument]:
    documents = []
    for doc in item.iter("linkeddoc"):
        title = child_text(doc, "title")
        if title is None:
            continue
        restricted = bool(_bool(child_text(doc, "isrestricted")))
        published_raw = child_text(doc, "publicationdate")
        documents.append(
            LinkedDocument(
                attachment_id=_int(child_text(doc, "attachmentid")),
                title=title,
                url=None if restricted else _http_url(child_text(doc, "url"), base_url),
                access=Access.EXEMPT if restricted else Access.PUBLIC,
                publication_date=iso_date(published_raw),
                publication_date_raw=published_raw,
                owner_title=child_text(doc, "ownertitle"),
                is_url=bool(_bool(child_text(doc, "isurl"))),
                agenda_item_id=item_id,
            )
        )
    return documents


def _agenda_number(element: ET.Element) -> str:
    display = child_text(element, "fulldisplaynumberformat")
    if display:
        return display.rstrip(".")
    number = child_text(element, "agendaitemnumber") or ""
    sub = child_text(element, "agendaitemsubnumber")
    return f"{number}{sub}" if sub else number


def parse_meeting(data: bytes, committee_id: int | None = None, base_url: str | None = None) -> WebMeeting:
    """Parse a ``GetMeeting`` response: agenda items, restricted items, attendees, documents, minutes.

    Restricted items get ``access`` exempt, part "II", and no agenda text,
    minutes or document URLs. Document URLs on the site's own host are moved
    to https when ``base_url`` is https.
    """
    root = parse_xml(data, "GetMeeting")
    if root.tag != "meeting":
        raise ModernGovError(f"GetMeeting: expected a <meeting> response, got <{root.tag}>")
    raw = data.decode("utf-8", errors="replace")
    meeting_id = _int(child_text(root, "meetingid"))
    if meeting_id is None:
        raise ModernGovError("GetMeeting: the response has no <meetingid>")
    date_raw = child_text(root, "meetingdate")
    time_raw = child_text(root, "meetingtime")
    items: list[WebAgendaItem] = []
    agenda: list[AgendaItem] = []
    offset = 0
    for element in root.iter("agendaitem"):
        item_id = _int(child_text(element, "agendaitemid"))
        title = child_text(element, "agendaitemtitle")
        if title is None:
            continue
        restricted = bool(_bool(child_text(element, "isrestricted")))
        offset = max(offset, raw.find(f"<agendaitemid>{item_id}</agendaitemid>", offset))
        line = _line_of(raw, f"<agendaitemid>{item_id}</agendaitemid>", offset)
        agenda_html = None if restricted else child_text(element, "agendatext")
        minutes_html = None if restricted else child_text(element, "minutesnonemptyhtmlbody")
        item = AgendaItem(
            number=_agenda_number(element),
            title=title,
            line=line,
            part="II" if restricted else "I",
            access=Access.EXEMPT if restricted else Access.PUBLIC,
            description=html_text(agenda_html),
        )
        agenda.append(item)
        items.append(
            WebAgendaItem(
                item=item,
                item_id=item_id,
                minutes_number=child_text(element, "minutesitemnumber"),
                agenda_html=agenda_html,
                minutes_html=minutes_html,
                minutes_text=html_text(minutes_html),
                documents=[] if restricted else _linked_documents(element, item_id, base_url),
            )
        )
    attendees = []
    for element in root.iter("attendee"):
        name_raw = decode(element.get("name"))
        if not name_raw:
            continue
        honorific, name = split_honorific(name_raw)
        member_id = _int(element.get("memberid"))
        attendance = decode(element.get("attendance"))
        url_element = element.find("url")
        attendees.append(
            MeetingAttendee(
                person=Attendee(
                    name=name,
                    line=_line_of(raw, f'memberid="{member_id}"'),
                    role=decode(element.get("roledescription")),
                    honorific=honorific,
                ),
                member_id=member_id,
                attendance=attendance,
                present=_attendance(attendance),
                party=decode(element.get("politicalparty")),
                ward=decode(element.get("ward")),
                member_type=decode(element.get("membertype")),
                url=_http_url(decode(url_element.text) if url_element is not None else None, base_url),
            )
        )
    meeting = Meeting(
        body=child_text(root, "committeetitle") or _first_committee_title(root),
        date=iso_date(date_raw),
        span=Span(1, raw.count("\n") + 1),
        date_raw=date_raw,
        time=hhmm(time_raw),
        time_raw=time_raw,
        venue=child_text(root, "meetinglocation"),
        agenda=agenda,
    )
    return WebMeeting(
        meeting_id=meeting_id,
        committee_id=committee_id,
        meeting=meeting,
        status=child_text(root, "meetingstatus"),
        agenda_published=_bool(child_text(root, "agendapublished")),
        minutes_published=_bool(child_text(root, "minutepublished")),
        items=items,
        attendees=attendees,
    )


def _first_committee_title(root: ET.Element) -> str | None:
    """The committee title some sites only give on each linked document."""
    for doc in root.iter("linkeddoc"):
        title = child_text(doc, "committeetitle")
        if title:
            return title
    for item in root.iter("agendaitem"):
        title = child_text(item, "refertocommittee")
        if title:
            return title
    return None


def parse_councillors(data: bytes) -> list[Councillor]:
    """Parse a ``GetCouncillorsByWard`` response into Councillor records with ward, party and terms.

    Home addresses and private phone numbers are not read.
    """
    root = parse_xml(data, "GetCouncillorsByWard", ("councillorsbyward", "councillors"))
    councillors = []
    for ward in root.iter("ward"):
        ward_title = child_text(ward, "wardtitle")
        for element in ward.iter("councillor"):
            councillor_id = _int(child_text(element, "councillorid"))
            name_raw = child_text(element, "fullusername")
            if councillor_id is None or name_raw is None:
                continue
            honorific, name = split_honorific(name_raw)
            work = element.find("workaddress")
            terms = []
            for term in element.iter("termofoffice"):
                start_raw, end_raw = child_text(term, "startdate"), child_text(term, "enddate")
                terms.append(TermOfOffice(iso_date(start_raw), iso_date(end_raw), start_raw, end_raw))
            councillors.append(
                Councillor(
                    councillor_id=councillor_id,
                    name=name,
                    name_raw=name_raw,
                    ward=ward_title,
                    honorific=honorific,
                    party=child_text(element, "politicalpartytitle"),
                    representing=child_text(element, "representing"),
                    key_posts=child_text(element, "keyposts"),
                    email=child_text(work, "email") if work is not None else None,
                    photo_url=child_text(element, "photobigurl"),
                    terms=terms,
                )
            )
    return councillors
