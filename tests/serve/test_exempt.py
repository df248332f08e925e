"""Exempt (Part II) business appears nowhere: not in pages, API, feeds, exports or search.

Two exempt fixtures: the test pack's agenda item 4, minute 18 and second report (the only places
the word "Zanzibar" occurs, lines 35, 63-65 and 88-94), and the Harrow Council summons agenda
item 20 (line 205), which the summons itself lists as exempt information (lines 198-203).
Every route is fetched for every record and searched for both.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import all_items
from tests.serve.pack import SECRET

#: Text that only exempt content contains.
FORBIDDEN = re.compile(rf"{SECRET}|REMUNERATION PACKAGES AND SEVERANCE PAYMENTS", re.IGNORECASE)


def assert_clean(client: TestClient, url: str, **params: object) -> str:
    """Fetch ``url`` (following redirects) and assert it succeeds without exempt text."""
    response = client.get(url, params=params or None, follow_redirects=True)
    assert response.status_code == 200, (url, response.status_code)
    body = response.content.decode("utf-8", errors="replace")
    query = params.get("q")
    if isinstance(query, str):  # a search page may echo the query itself, but nothing it found
        body = re.sub(re.escape(query), "[query]", body)
    match = FORBIDDEN.search(body)
    assert match is None, f"{url} shows exempt text: {body[max(0, match.start() - 80) : match.end() + 80]!r}"
    return body


@pytest.fixture(scope="module")
def records(client: TestClient) -> dict[str, list[dict]]:
    """Every record of every API collection."""
    names = ("meetings", "bodies", "people", "agenda-items", "documents", "indicators", "decisions", "declarations")
    return {name: all_items(client, f"/api/v1/{name}", limit=500) for name in names}


def test_exempt_fixtures_are_in_the_store(client: TestClient, records: dict[str, list[dict]]) -> None:
    """Guard against a vacuous pass: the exempt items exist, so hiding them is a real filter."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from quorum.store import schema as db

    app = client.app
    with Session(app.state.engine) as session:  # type: ignore[attr-defined]
        exempt = session.scalars(select(db.AgendaItem.title).where(db.AgendaItem.access == "exempt")).all()
    assert "STAFFING RESTRUCTURE - ZANZIBAR SETTLEMENT" in exempt  # test pack line 35
    assert any(title.startswith("INFORMATION REPORT - REMUNERATION PACKAGES") for title in exempt)  # summons 205


def test_api_lists_and_details(client: TestClient, records: dict[str, list[dict]]) -> None:
    for name, items in records.items():
        assert items, name
        assert_clean(client, f"/api/v1/{name}", limit=500)
        if name in ("decisions", "declarations"):
            continue
        for item in items:
            assert_clean(client, f"/api/v1/{name}/{item['id']}")


def test_pages(client: TestClient, records: dict[str, list[dict]]) -> None:
    for url in ("/", "/bodies", "/people", "/decisions", "/declarations", "/indicators", "/exports"):
        assert_clean(client, url)
    for item in records["meetings"]:
        assert_clean(client, f"/meetings/{item['id']}")
    for item in records["people"]:
        assert_clean(client, f"/people/{item['id']}")
    for item in records["bodies"]:
        assert_clean(client, f"/bodies/{item['id']}")
    for item in records["indicators"]:
        assert_clean(client, f"/indicators/{item['id']}")
    for item in records["documents"]:
        assert_clean(client, f"/documents/{item['id']}")


def test_source_pages_withhold_exempt_lines(client: TestClient, records: dict[str, list[dict]]) -> None:
    sources = {item["source_id"] for item in records["documents"]}
    for source_id in sources:
        start = 1
        while True:
            body = assert_clean(client, f"/source/{source_id}", **{"from": start})
            numbers = [int(n) for n in re.findall(r'<tr id="L(\d+)"', body)]
            assert numbers and numbers[0] == start
            if "Show later lines" not in body:
                break
            start = numbers[-1] + 1
    pack = next(d["source_id"] for d in records["documents"] if d["title"] == "Library opening hours review")
    body = assert_clean(client, f"/source/{pack}", start=35, end=35)
    assert body.count("[exempt information withheld]") >= 1 + 3 + 7  # lines 35, 63-65, 88-94
    assert 'id="L36"' in body and 'class="hl"' not in body  # the cited line is withheld, so nothing is marked


def test_search_feeds_and_exports(client: TestClient, records: dict[str, list[dict]]) -> None:
    for query in (SECRET, "settlement", "remuneration packages", "severance"):
        assert_clean(client, "/search", q=query)
        assert_clean(client, "/api/v1/search", q=query)
        assert_clean(client, "/feeds/search.atom", q=query)
    assert client.get("/api/v1/search", params={"q": SECRET}).json()["items"] == []
    for body in records["bodies"]:
        for feed in ("meetings.ics", "meetings.atom", "decisions.atom"):
            assert_clean(client, f"/feeds/bodies/{body['id']}/{feed}")
    for person in records["people"]:
        assert_clean(client, f"/feeds/people/{person['id']}.atom")
    for table in client.get("/api/v1/export").json():
        assert_clean(client, f"/api/v1/export/{table}")
    for register in ("/decisions.csv", "/declarations.csv"):
        assert_clean(client, register)
    database = client.get("/api/v1/export/quorum.sqlite").content
    assert SECRET.encode() not in database and b"REMUNERATION PACKAGES" not in database
