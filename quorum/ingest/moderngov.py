"""Fetch a council's ModernGov web service (``mgWebService.asmx``) politely and map it into records.

:class:`ModernGovClient` makes conditional GETs (ETag / Last-Modified, cached on
disk next to the raw XML), so a re-run only downloads what changed; it waits
``delay`` seconds between requests and retries timeouts and 5xx answers with
exponential backoff. A site that blocks (403), keeps failing (5xx), times out,
or answers with something that is not XML raises :class:`ModernGovError` with a
one-line reason.

:func:`fetch_site` walks GetCommittees → GetMeetings (filtered on ``since``
here, because servers ignore the date range) → GetMeeting, and
GetCouncillorsByWard; :func:`moderngov_to_records` turns the result into
JSON-ready records for the store, with restricted (exempt) content left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from quorum.ingest.moderngov_model import Committee, Councillor, SiteRecords, WebMeeting
from quorum.ingest.moderngov_xml import (
    ModernGovError,
    parse_committees,
    parse_councillors,
    parse_meeting,
    parse_meetings,
)
from quorum.model import Access, to_jsonable

__all__ = [
    "FetchStats",
    "ModernGovClient",
    "ModernGovError",
    "fetch_site",
    "moderngov_to_records",
    "write_records",
]

_XML_TYPES = ("text/xml", "application/xml", "application/soap+xml")
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(slots=True)
class FetchStats:
    """What a client did: requests sent, bodies downloaded, answers that were 304 Not Modified."""

    requests: int = 0
    downloaded: int = 0
    not_modified: int = 0
    retries: int = 0
    bytes: int = 0


@dataclass(slots=True)
class ModernGovClient:
    """A polite HTTP client for one ModernGov site with an on-disk conditional-GET cache.

    ``base_url`` is the site root (``https://democracy.example.gov.uk``);
    ``cache_dir`` holds the raw responses and their validators. ``delay`` is the
    minimum gap between requests, ``retries`` how many times a timeout or 5xx
    is retried, ``backoff`` the first retry wait (doubled each time). Tests
    pass ``delay=0, backoff=0`` and an ``httpx.MockTransport``.
    """

    base_url: str
    cache_dir: Path
    delay: float = 1.0
    retries: int = 3
    backoff: float = 2.0
    timeout: float = 30.0
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    user_agent: str = "Quorum/0.1 (+https://github.com/quorum; council meeting records)"
    stats: FetchStats = field(default_factory=FetchStats)
    _client: httpx.Client | None = None
    _last_request: float | None = None

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.cache_dir = Path(self.cache_dir)
        self._client = httpx.Client(
            transport=self.transport,
            timeout=self.timeout,
            follow_redirects=True,
            headers={"User-Agent": self.user_agent},
        )

    def close(self) -> None:
        """Close the underlying HTTP connection pool."""
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> ModernGovClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- transport ---

    def _wait_turn(self) -> None:
        if self._last_request is not None and self.delay > 0:
            wait = self.delay - (time.monotonic() - self._last_request)
            if wait > 0:
                self.sleep(wait)
        self._last_request = time.monotonic()

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """GET ``url`` with retries for timeouts, connection errors and 5xx; raise ModernGovError at the end."""
        assert self._client is not None
        attempts = self.retries + 1
        problem = ""
        for attempt in range(attempts):
            if attempt:
                self.stats.retries += 1
                if self.backoff > 0:
                    self.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn()
            self.stats.requests += 1
            try:
                response = self._client.get(url, headers=headers)
            except httpx.TimeoutException:
                problem = f"timed out after {self.timeout:g}s"
                continue
            except httpx.TransportError as error:
                problem = f"connection failed ({type(error).__name__}: {error})"
                continue
            if response.status_code in _RETRY_STATUS:
                problem = f"server error HTTP {response.status_code}"
                continue
            return response
        tries = f"{attempts} {'try' if attempts == 1 else 'tries'}"
        raise ModernGovError(f"{url}: {problem} ({tries})")

    def get(self, url: str, key: str, expect_xml: bool = True) -> tuple[bytes, Path, bool]:
        """Fetch ``url`` conditionally, caching it as ``key`` under the cache folder.

        Returns ``(body, path of the cached copy, changed)`` where ``changed``
        is False when the server answered 304 Not Modified. Raises
        ModernGovError for 403/404/other 4xx, persistent 5xx or timeouts, and
        (when ``expect_xml``) a body that is not XML.
        """
        path = self.cache_dir / key
        meta_path = path.with_name(path.name + ".meta.json")
        meta: dict[str, Any] = {}
        if path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        headers = {}
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
        response = self._send(url, headers)
        if response.status_code == 304 and path.exists():
            self.stats.not_modified += 1
            return path.read_bytes(), path, False
        if response.status_code == 403:
            raise ModernGovError(f"{url}: the site blocked the request (HTTP 403 Forbidden)")
        if response.status_code >= 400:
            raise ModernGovError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
        body = response.content
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if expect_xml and content_type not in _XML_TYPES:
            shown = content_type or "no content type"
            raise ModernGovError(f"{url}: expected XML but got {shown} (an error or login page?)")
        self.stats.downloaded += 1
        self.stats.bytes += len(body)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        meta_path.write_text(
            json.dumps(
                {
                    "url": url,
                    "etag": response.headers.get("etag"),
                    "last_modified": response.headers.get("last-modified"),
                    "sha256": hashlib.sha256(body).hexdigest(),
                    "content_type": content_type,
                },
                indent=1,
            ),
            encoding="utf-8",
        )
        return body, path, True

    def call(self, method: str, **params: str | int) -> tuple[bytes, Path]:
        """Call a web-service method by HTTP GET; return the XML body and its cached path."""
        query = f"?{urlencode(params)}" if params else ""
        key = "xml/" + method + "".join(f"_{k}-{v}" for k, v in params.items()).replace("/", "-") + ".xml"
        body, path, _ = self.get(f"{self.base_url}/mgWebService.asmx/{method}{query}", key)
        return body, path

    # ---------------------------------------------------------------- methods ---

    def committees(self) -> list[Committee]:
        """GetCommittees: every committee of the site."""
        return parse_committees(self.call("GetCommittees")[0])

    def meetings(self, committee_id: int, since: dt.date, until: dt.date) -> list[WebMeeting]:
        """GetMeetings for one committee, filtered here to ``since <= date <= until``."""
        body, _ = self.call(
            "GetMeetings",
            lCommitteeId=committee_id,
            sFromDate=since.strftime("%d/%m/%Y"),
            sToDate=until.strftime("%d/%m/%Y"),
        )
        first, last = since.isoformat(), until.isoformat()
        return [m for m in parse_meetings(body) if m.meeting.date and first <= m.meeting.date <= last]

    def meeting(self, meeting_id: int, committee_id: int | None = None) -> WebMeeting:
        """GetMeeting: the agenda, attendees, documents and minutes of one meeting."""
        body, path = self.call("GetMeeting", lMeetingId=meeting_id)
        meeting = parse_meeting(body, committee_id, self.base_url)
        meeting.raw_path = str(path)
        return meeting

    def councillors(self) -> list[Councillor]:
        """GetCouncillorsByWard: councillors with ward, party and terms of office."""
        return parse_councillors(self.call("GetCouncillorsByWard")[0])


def fetch_site(
    client: ModernGovClient,
    since: dt.date,
    until: dt.date | None = None,
    documents: bool = True,
    progress: Callable[[str], None] | None = None,
) -> SiteRecords:
    """Fetch committees, their meetings on or after ``since``, each meeting's detail, and councillors.

    When ``documents`` is true, public linked documents are downloaded (conditionally)
    into the cache's ``documents/`` folder; restricted ones never are. A failure
    on one meeting or document is recorded in ``warnings`` and the walk goes on;
    a failure on GetCommittees raises ModernGovError.
    """
    until = until or dt.date.today() + dt.timedelta(days=366)
    say = progress or (lambda _message: None)
    site = SiteRecords(base_url=client.base_url)
    site.committees = client.committees()
    say(f"{len(site.committees)} committees")
    for committee in site.committees:
        if committee.deleted:
            continue
        try:
            listed = client.meetings(committee.committee_id, since, until)
        except ModernGovError as error:
            site.warnings.append(f"committee {committee.committee_id} ({committee.title}): {error}")
            continue
        for summary in listed:
            try:
                meeting = client.meeting(summary.meeting_id, committee.committee_id)
            except ModernGovError as error:
                site.warnings.append(f"meeting {summary.meeting_id}: {error}")
                continue
            meeting.meeting.body = meeting.meeting.body or committee.title
            meeting.status = meeting.status or summary.status
            site.meetings.append(meeting)
            if documents:
                _fetch_documents(client, meeting, site.warnings)
        say(f"{committee.title}: {len(listed)} meetings since {since.isoformat()}")
    try:
        site.councillors = client.councillors()
    except ModernGovError as error:
        site.warnings.append(f"councillors: {error}")
    return site


def _fetch_documents(client: ModernGovClient, meeting: WebMeeting, warnings: list[str]) -> None:
    for item in meeting.items:
        if item.item.access is Access.EXEMPT:
            continue
        for document in item.documents:
            if document.access is Access.EXEMPT or not document.url or document.is_url:
                continue
            name = document.attachment_id or hashlib.sha256(document.url.encode()).hexdigest()[:16]
            key = f"documents/{meeting.meeting_id}/{name}.pdf"
            try:
                _, path, _ = client.get(document.url, key, expect_xml=False)
            except ModernGovError as error:
                warnings.append(f"document {document.attachment_id}: {error}")
                continue
            document.path = str(path)


def moderngov_to_records(site: SiteRecords) -> dict[str, Any]:
    """Turn fetched site records into JSON-ready dicts for the store, exempt content left out.

    Returns ``{"base_url", "committees", "meetings", "councillors", "warnings"}``.
    Restricted agenda items keep only their number, title and ``access``
    ("exempt"); their text, minutes and documents are dropped, and exempt
    documents of public items are dropped too.
    """
    meetings = []
    for web in site.meetings:
        record = to_jsonable(web)
        for item in record["items"]:
            if item["item"]["access"] == Access.EXEMPT.value:
                item.update(agenda_html=None, minutes_html=None, minutes_text=None, documents=[])
                item["item"]["description"] = None
            else:
                item["documents"] = [d for d in item["documents"] if d["access"] != Access.EXEMPT.value]
        meetings.append(record)
    return {
        "base_url": site.base_url,
        "committees": to_jsonable(site.committees),
        "meetings": meetings,
        "councillors": to_jsonable(site.councillors),
        "warnings": list(site.warnings),
    }


def write_records(site: SiteRecords, out_dir: Path) -> Path:
    """Write :func:`moderngov_to_records` of ``site`` to ``out_dir/records.json``; return the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "records.json"
    path.write_text(json.dumps(moderngov_to_records(site), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
