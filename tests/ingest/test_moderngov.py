"""ModernGov web service: parsing the real XML fixtures, and fetching them offline through a mock site.

Fixtures in tests/data/moderngov/ are real responses (see /work/shared/fixtures/SOURCES.md):
LGSF/*.xml from Manchester (GetCommittees, GetMeetings for committee 144, GetMeeting 4966 and 4967),
CouncillorData/*/CouncillorsByWard.xml from Harlow and Argyll and Bute. Expectations cite their lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from typer.testing import CliRunner

from quorum.cli import app
from quorum.ingest.moderngov import ModernGovClient, ModernGovError, fetch_site, moderngov_to_records
from quorum.ingest.moderngov_xml import decode, hhmm, iso_date, parse_councillors, parse_meeting
from quorum.model import Access

DATA = Path(__file__).resolve().parent.parent / "data" / "moderngov"
LGSF = DATA / "LGSF"
HARLOW = DATA / "CouncillorData" / "harlow.gov.uk" / "CouncillorsByWard.xml"
ARGYLL = DATA / "CouncillorData" / "argyll-bute.gov.uk" / "CouncillorsByWard.xml"
PDF = Path(__file__).resolve().parent.parent / "data" / "pdf" / "kent_cabinet_2025-01-30_agenda_frontsheet.pdf"
BASE = "https://democracy.manchester.gov.uk"
#: Made up for the mock site: a committee with no meetings answers with an empty list.
NO_MEETINGS = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings>\n  <meetingscount> 0</meetingscount>\n</getmeetings>\n'
)


def restricted_variant() -> bytes:
    """meeting_with_minutes.xml with item 18833 (Work Programme, lines 83-144) marked restricted and a
    title HTML-encoded twice, as ModernGov sends titles (``&amp;amp;`` in XML is ``&amp;`` in HTML)."""
    data = (LGSF / "meeting_with_minutes.xml").read_bytes()
    head, tail = data.split(b"<agendaitemid>18833</agendaitemid>")
    tail = tail.replace(b"<isrestricted>False</isrestricted>", b"<isrestricted>True</isrestricted>", 1)
    head = head.replace(
        b"<agendaitemtitle>Minutes</agendaitemtitle>", b"<agendaitemtitle>Minutes &amp;amp; Actions</agendaitemtitle>"
    )
    return head + b"<agendaitemid>18833</agendaitemid>" + tail


# ------------------------------------------------------------------ parsing ---


def test_decoding_helpers() -> None:
    assert decode("Minutes &amp;amp; Actions") == "Minutes & Actions"
    assert decode("&amp;quot;Tangmeer&amp;quot;") == '"Tangmeer"'  # argyll-bute line 305, encoded twice
    assert decode("  \n  ") is None
    assert iso_date("13/01/2026") == "2026-01-13" and iso_date("31/02/20x") is None
    assert hhmm("10.00 am") == "10:00" and hhmm("2.00 pm") == "14:00" and hhmm("12.30 pm") == "12:30"
    assert hhmm("12.00 am") == "00:00" and hhmm("19:15") == "19:15" and hhmm("") is None


def test_meeting_with_minutes() -> None:
    web = parse_meeting((LGSF / "meeting_with_minutes.xml").read_bytes(), 144, BASE)
    meeting = web.meeting
    assert web.meeting_id == 4967 and web.status == "Confirmed"  # lines 3, 5
    assert (meeting.date, meeting.date_raw, meeting.time, meeting.time_raw) == (
        "2026-02-10",
        "10/02/2026",
        "10:00",
        "10.00 am",
    )
    assert meeting.venue == "Council Antechamber, Level 2, Town Hall Extension"  # line 13
    assert meeting.body == "Audit Committee"  # refertocommittee / linked doc committeetitle, lines 63, 77
    assert web.agenda_published is True and web.minutes_published is True
    # Items 18831 (lines 22-82, displayed "1.") and 18833 (lines 83-144, displayed "9.").
    assert [(a.number, a.title, a.line, a.access) for a in meeting.agenda] == [
        ("1", "Minutes", 23, Access.PUBLIC),
        ("9", "Work Programme", 84, Access.PUBLIC),
    ]
    first = web.items[0]
    assert first.item_id == 18831 and first.minutes_number == "1"
    assert first.minutes_text == "To approve the minutes of the meeting held on\n25 November 2025 as a correct record."
    assert first.item.description is not None and first.item.description.startswith("To approve as a correct record")
    [doc] = first.documents  # lines 65-80
    assert doc.attachment_id == 60860 and doc.title == "6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025"
    assert doc.url == "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860"
    assert doc.publication_date == "2026-02-02" and doc.owner_title == "Minutes"
    [attendee] = web.attendees  # line 147
    assert (attendee.person.name, attendee.person.honorific, attendee.person.role) == (
        "Basil Curley",
        "Councillor",
        "Committee Member",
    )
    assert (attendee.member_id, attendee.attendance, attendee.present, attendee.party, attendee.ward) == (
        192,
        "Expected",
        None,
        "LAB",
        "Charlestown",
    )


def test_cancelled_meeting_without_agenda() -> None:
    web = parse_meeting((LGSF / "meeting_no_minutes.xml").read_bytes())
    assert web.status == "Cancelled" and web.meeting.agenda == [] and web.minutes_published is False
    assert [a.person.name for a in web.attendees] == ["Basil Curley"]


def test_restricted_item_is_exempt_and_carries_no_content() -> None:
    web = parse_meeting(restricted_variant(), 144, BASE)
    public, restricted = web.items
    assert public.item.title == "Minutes & Actions"
    assert restricted.item.title == "Work Programme"
    assert restricted.item.access is Access.EXEMPT and restricted.item.part == "II"
    assert restricted.minutes_html is None and restricted.agenda_html is None and restricted.documents == []
    assert restricted.item.description is None


def test_councillors_by_ward() -> None:
    harlow = parse_councillors(HARLOW.read_bytes())
    assert len(harlow) == 33 and len({c.ward for c in harlow}) == 11  # SOURCES.md: 11 wards, 33 councillors
    parties = [c.party for c in harlow]
    assert (parties.count("Labour"), parties.count("Conservative"), parties.count("UKIP")) == (19, 12, 2)
    beckett = harlow[0]  # lines 8-38
    assert (beckett.councillor_id, beckett.name, beckett.honorific, beckett.ward) == (
        114,
        "Ian Beckett",
        "Councillor",
        "Bush Fair",
    )
    assert beckett.email == "ian.beckett@harlow.gov.uk"
    assert [(t.start, t.end) for t in beckett.terms] == [("2011-05-05", "2015-05-07"), ("2015-05-07", "2019-05-11")]
    assert "15 Spencers Croft" not in json.dumps([c.__repr__() for c in harlow])  # home addresses not kept
    argyll = parse_councillors(ARGYLL.read_bytes())
    assert len(argyll) == 35
    marshall = next(c for c in argyll if c.councillor_id == 166)
    assert marshall.representing == "Ward 6: Cowal" and marshall.party == "Independent"
    breslin = next(c for c in argyll if c.councillor_id == 1029)
    assert breslin.party is None  # empty <politicalpartytitle>


@pytest.mark.parametrize(
    "data",
    [
        (LGSF / "meeting_with_minutes.xml").read_bytes()[:3000],  # cut mid-element
        b"<html><body>Service unavailable</body></html",
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><meeting>&b;</meeting>',
    ],
    ids=["truncated", "broken-html", "entity-expansion"],
)
def test_bad_xml_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(ModernGovError) as caught:
        parse_meeting(data)
    assert "GetMeeting" in str(caught.value) and "\n" not in str(caught.value)


# ------------------------------------------------------------ the mock site ---


class FixtureSite:
    """A ModernGov site serving the real fixtures, with ETags, counting what it sends."""

    def __init__(self, meeting_4967: bytes | None = None) -> None:
        self.log: list[tuple[str, int]] = []
        self.meeting_4967 = meeting_4967 or (LGSF / "meeting_with_minutes.xml").read_bytes()
        self.override: Callable[[httpx.Request], httpx.Response | None] | None = None

    def body_for(self, path: str, query: dict[str, list[str]]) -> tuple[bytes, str] | None:
        xml = "text/xml; charset=utf-8"
        method = path.rsplit("/", 1)[-1]
        if method == "GetCommittees":
            return (LGSF / "committees.xml").read_bytes(), xml
        if method == "GetMeetings":
            committee = query.get("lCommitteeId", [""])[0]
            return ((LGSF / "meetings.xml").read_bytes() if committee == "144" else NO_MEETINGS), xml
        if method == "GetMeeting":
            meeting = query.get("lMeetingId", [""])[0]
            if meeting == "4967":
                return self.meeting_4967, xml
            if meeting == "4966":
                return (LGSF / "meeting_no_minutes.xml").read_bytes(), xml
            return None
        if method == "GetCouncillorsByWard":
            return HARLOW.read_bytes(), xml
        if path.endswith("mgConvert2PDF.aspx"):
            return PDF.read_bytes(), "application/pdf"
        return None

    def answer(self, path: str, query: dict[str, list[str]], if_none_match: str | None) -> tuple[int, bytes, dict]:
        found = self.body_for(path, query)
        if found is None:
            return 404, b"not found", {"content-type": "text/html"}
        body, content_type = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if if_none_match == etag:
            return 304, b"", {"etag": etag}
        return 200, body, {"content-type": content_type, "etag": etag}

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.override is not None:
            forced = self.override(request)
            if forced is not None:
                self.log.append((request.url.path, forced.status_code))
                return forced
        status, body, headers = self.answer(
            request.url.path, parse_qs(request.url.query.decode()), request.headers.get("if-none-match")
        )
        self.log.append((request.url.path, status))
        return httpx.Response(status, content=body, headers=headers)


def make_client(site: FixtureSite, cache: Path, **options) -> ModernGovClient:
    options = {"delay": 0, "backoff": 0, "retries": 2, **options}
    return ModernGovClient(BASE, cache, transport=httpx.MockTransport(site.handler), **options)


def test_fetch_yields_committees_meetings_items_attendees_and_councillors(tmp_path: Path) -> None:
    site = FixtureSite()
    with make_client(site, tmp_path) as client:
        fetched = fetch_site(client, since=dt.date(2024, 1, 1))
    assert [c.committee_id for c in fetched.committees] == [312, 163, 144]
    assert [m.meeting_id for m in fetched.meetings] == [4966, 4967]
    assert sum(len(m.items) for m in fetched.meetings) == 2
    assert sum(len(m.attendees) for m in fetched.meetings) == 2
    assert len(fetched.councillors) == 33
    assert fetched.warnings == []
    documents = [d for m in fetched.meetings for i in m.items for d in i.documents]
    assert len(documents) == 2 and all(d.path and Path(d.path).read_bytes()[:5] == b"%PDF-" for d in documents)
    assert (tmp_path / "xml" / "GetMeeting_lMeetingId-4967.xml").read_bytes() == site.meeting_4967
    records = moderngov_to_records(fetched)
    json.dumps(records)  # JSON-ready
    assert records["meetings"][1]["meeting"]["agenda"][1]["title"] == "Work Programme"


def test_second_run_downloads_nothing_new(tmp_path: Path) -> None:
    site = FixtureSite()
    with make_client(site, tmp_path) as client:
        fetch_site(client, since=dt.date(2024, 1, 1))
        first = client.stats
    bodies = [status for _, status in site.log]
    assert bodies.count(200) == first.downloaded and 304 not in bodies
    # 1 GetCommittees + 3 GetMeetings + 2 GetMeeting + 2 documents + 1 GetCouncillorsByWard
    assert first.downloaded == 9
    site.log.clear()
    with make_client(site, tmp_path) as again:
        fetched = fetch_site(again, since=dt.date(2024, 1, 1))
    assert [status for _, status in site.log] == [304] * 9
    assert (again.stats.downloaded, again.stats.not_modified) == (0, 9)
    assert len(fetched.meetings) == 2 and len(fetched.councillors) == 33  # read from the cache


def test_only_the_changed_meeting_is_downloaded_again(tmp_path: Path) -> None:
    site = FixtureSite()
    with make_client(site, tmp_path) as client:
        fetch_site(client, since=dt.date(2024, 1, 1), documents=False)
    site.log.clear()
    site.meeting_4967 = restricted_variant()
    with make_client(site, tmp_path) as again:
        fetched = fetch_site(again, since=dt.date(2024, 1, 1), documents=False)
    assert [path for path, status in site.log if status == 200] == ["/mgWebService.asmx/GetMeeting"]
    assert fetched.meetings[1].items[1].item.access is Access.EXEMPT


def test_meetings_are_filtered_by_date_on_the_client(tmp_path: Path) -> None:
    site = FixtureSite()
    with make_client(site, tmp_path) as client:
        fetched = fetch_site(client, since=dt.date(2026, 2, 1), documents=False)
    # meetings.xml lists 4966 (13/01/2026) and 4967 (10/02/2026): only the second is on or after 1 Feb.
    assert [m.meeting_id for m in fetched.meetings] == [4967]


def test_restricted_content_is_kept_out_of_the_records(tmp_path: Path) -> None:
    site = FixtureSite(meeting_4967=restricted_variant())
    with make_client(site, tmp_path) as client:
        fetched = fetch_site(client, since=dt.date(2024, 1, 1))
    # The restricted item's document (attachment 60909) was never requested.
    assert sum(1 for path, _ in site.log if path.endswith("mgConvert2PDF.aspx")) == 1
    records = moderngov_to_records(fetched)
    text = json.dumps(records)
    assert "Governance and Scrutiny Support Unit which set out" not in text  # its minutes (lines 105-107)
    assert "DRAFT WP  FEBRUARY 2026" not in text  # its document (line 129)
    [item] = [i for i in records["meetings"][1]["items"] if i["item"]["access"] == "exempt"]
    assert item["item"]["title"] == "Work Programme" and item["documents"] == []


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (lambda r: httpx.Response(403, text="Forbidden"), "blocked the request (HTTP 403"),
        (lambda r: httpx.Response(500, text="oops"), "server error HTTP 500 (3 tries)"),
        (lambda r: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=r)), "timed out"),
        (lambda r: httpx.Response(200, text="<html>login</html>", headers={"content-type": "text/html"}), "text/html"),
        (
            lambda r: httpx.Response(
                200, content=b"<committees><committee><committeeid>3", headers={"content-type": "text/xml"}
            ),
            "truncated or malformed XML",
        ),
    ],
    ids=["403", "500", "timeout", "wrong-content-type", "truncated"],
)
def test_site_failures_are_reported_clearly(tmp_path: Path, response, message: str) -> None:
    site = FixtureSite()
    site.override = response
    with make_client(site, tmp_path) as client, pytest.raises(ModernGovError) as caught:
        fetch_site(client, since=dt.date(2024, 1, 1))
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_retries_then_succeeds_with_backoff(tmp_path: Path) -> None:
    site = FixtureSite()
    failures = iter([httpx.Response(503), httpx.Response(502)])
    site.override = lambda request: next(failures, None)
    waits: list[float] = []
    with make_client(site, tmp_path, backoff=0.5, sleep=waits.append) as client:
        committees = client.committees()
    assert len(committees) == 3 and client.stats.retries == 2
    assert waits == [0.5, 1.0]


def test_polite_delay_between_requests(tmp_path: Path) -> None:
    waits: list[float] = []
    with make_client(FixtureSite(), tmp_path, delay=5.0, sleep=waits.append) as client:
        client.committees()
        client.councillors()
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


def test_a_failing_meeting_is_a_warning_not_the_end(tmp_path: Path) -> None:
    site = FixtureSite()
    site.override = lambda r: httpx.Response(500) if r.url.params.get("lMeetingId") == "4966" else None
    with make_client(site, tmp_path) as client:
        fetched = fetch_site(client, since=dt.date(2024, 1, 1), documents=False)
    assert [m.meeting_id for m in fetched.meetings] == [4967]
    assert len(fetched.warnings) == 1 and "meeting 4966" in fetched.warnings[0]


# ----------------------------------------------------- the CLI over real HTTP ---


@pytest.fixture
def local_site():
    """The fixture site served over HTTP on 127.0.0.1 (a real socket, no internet)."""
    site = FixtureSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            status, body, headers = site.answer(url.path, parse_qs(url.query), self.headers.get("If-None-Match"))
            site.log.append((url.path, status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_cli_fetch_against_a_local_server(tmp_path: Path, local_site) -> None:
    site, url = local_site
    out = tmp_path / "data"
    args = ["fetch", "moderngov", url, "--since", "2024-01-01", "--out", str(out), "--delay", "0", "--no-documents"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert len(records["committees"]) == 3 and len(records["meetings"]) == 2 and len(records["councillors"]) == 33
    assert (out / "xml" / "GetCommittees.xml").exists()
    site.log.clear()
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert {status for _, status in site.log} == {304}


def test_cli_fetch_reports_an_unreachable_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["fetch", "moderngov", "http://127.0.0.1:9", "--out", str(tmp_path), "--delay", "0", "--retries", "0"]
    )
    assert result.exit_code == 1
    assert "connection failed" in result.output
