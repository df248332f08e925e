"""The REST API: every endpoint, filters, cursors, ETags and the bulk exports.

Expectations come from the hand-made test pack (tests/serve/data/testshire-cabinet-2024-03-14.txt;
line numbers cited) and from the Harrow council summons where the text is plain.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from fastapi.testclient import TestClient

from tests.serve.conftest import all_items


def test_index_links_every_collection(client: TestClient) -> None:
    links = client.get("/api/v1").json()
    for name in ("meetings", "bodies", "people", "agenda-items", "decisions", "declarations", "documents"):
        assert links[name].endswith(f"/api/v1/{name}")
        assert client.get(links[name]).status_code == 200


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/meetings" in spec["paths"] and "/api/v1/search" in spec["paths"]
    assert not any(path.startswith("/source") for path in spec["paths"])  # pages are not API
    docs = client.get("/docs").text
    assert "/openapi.json" in docs and "cdn" not in docs.lower()  # the UI's assets are served locally
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_meetings_filter_by_body_and_dates(client: TestClient, pack_ids: dict[str, int]) -> None:
    cabinet = all_items(client, "/api/v1/meetings", body=pack_ids["body"], date_from="2024-01-01")
    assert [m["date"] for m in cabinet] == ["2024-02-08", "2024-03-14"]  # lines 39 and 5
    march = cabinet[1]
    assert march["time"] == "18:30"  # line 7: "6.30 pm"
    assert march["venue"].startswith("Committee Room 1, Testshire Civic Centre")  # line 9
    assert march["source"]["url"].startswith(f"/source/{march['source']['source_id']}?start=1&")
    council = all_items(client, "/api/v1/meetings", date_from="2017-09-28", date_to="2017-09-28")
    assert [m["body_name"] for m in council] == ["Council"]  # summons line 3: DATE: Thursday 28 September 2017


def test_meeting_detail(client: TestClient, pack_ids: dict[str, int]) -> None:
    meeting = client.get(f"/api/v1/meetings/{pack_ids['meeting']}").json()
    assert [a["number"] for a in meeting["agenda"]] == ["1", "2", "3"]  # item 4 (line 35) is Part II
    item2 = meeting["agenda"][1]
    assert item2["title"] == "LIBRARY OPENING HOURS REVIEW" and item2["pages_raw"] == "Pages 7 - 10"  # line 27
    assert item2["start_page"] == 7 and item2["end_page"] == 10
    assert [d["title"] for d in item2["documents"]] == ["Library opening hours review"]  # report, lines 67-87
    assert meeting["public_question_deadline"] == "3.00 pm on Tuesday 12 March 2024"  # line 21
    assert meeting["public_question_address"] == "democracy@testshire.example.gov.uk"
    assert meeting["quorum"] == 3  # line 11
    minutes = client.get(f"/api/v1/meetings/{pack_ids['minutes_meeting']}").json()
    statuses = {(a["name"], a["status"]) for a in minutes["attendance"]}
    assert ("Bernard Quill", "present") in statuses  # line 44
    assert ("Mrs Delia Frost", "apologies") in statuses  # line 47
    assert ("Gareth Lintel", "in_attendance") in statuses  # line 49
    assert [m["number"] for m in minutes["minutes"]] == ["15", "16", "17"]  # 18 (line 63) is Part II
    assert minutes["minutes"][2]["decisions"][0]["text"].startswith("That the library volunteers scheme")  # line 61
    assert minutes["declarations"][0]["member"] == "Bernard Quill"  # line 53


def test_missing_records_are_404(client: TestClient) -> None:
    for path in ("meetings", "bodies", "people", "agenda-items", "documents", "indicators"):
        response = client.get(f"/api/v1/{path}/999999")
        assert response.status_code == 404
        assert response.json()["detail"].startswith("No such")


def test_bodies_and_body(client: TestClient, pack_ids: dict[str, int]) -> None:
    bodies = all_items(client, "/api/v1/bodies")
    names = {b["name"] for b in bodies}
    assert {"Council", "Cabinet", "Corporate Parenting Panel", "Overview and Scrutiny Committee"} <= names
    body = client.get(f"/api/v1/bodies/{pack_ids['body']}").json()
    assert {"2024-02-08", "2024-03-14"} <= {m["date"] for m in body["meetings"]}
    members = {(m["person_name"], m["role"]) for m in body["memberships"]}
    assert ("Alice Mercer", "chair") in members  # line 13
    assert any(name == "Bernard Quill" for name, _ in members)  # line 17
    assert any(d["text"].startswith("That the library volunteers scheme") for d in body["decisions"])


def test_people_filter_and_person(client: TestClient, pack_ids: dict[str, int]) -> None:
    found = all_items(client, "/api/v1/people", name="quill")
    assert [p["name"] for p in found] == ["Bernard Quill"]
    person = client.get(f"/api/v1/people/{pack_ids['quill']}").json()
    rates = {r["body_name"]: r for r in person["attendance_rates"]}
    cabinet = rates["Cabinet"]
    assert (cabinet["meetings"], cabinet["present"], cabinet["apologies"], cabinet["rate"]) == (1, 1, 0, 1.0)
    assert person["declarations"][0]["interest"] == "a trustee of the Testford Library Friends"  # line 53
    frost = client.get(f"/api/v1/people/{pack_ids['frost']}").json()
    assert {r["body_name"]: r["rate"] for r in frost["attendance_rates"]}["Cabinet"] == 0.0  # apologies, line 47
    lintel = client.get(f"/api/v1/people/{pack_ids['lintel']}").json()
    assert [r["subject"] for r in lintel["reports"]] == ["Library opening hours review"]  # line 73


def test_agenda_items_filter(client: TestClient, pack_ids: dict[str, int]) -> None:
    items = all_items(client, "/api/v1/agenda-items", meeting=pack_ids["meeting"])
    assert [i["number"] for i in items] == ["1", "2", "3"]
    assert client.get(f"/api/v1/agenda-items/{items[1]['id']}").json()["title"] == "LIBRARY OPENING HOURS REVIEW"
    ofsted = all_items(client, "/api/v1/agenda-items", q="ofsted")
    assert any(i["title"].startswith("SCRUTINY OF THE ACTION PLAN FOLLOWING OFSTED REPORT") for i in ofsted)  # line 78


def test_decisions_and_declarations_registers(client: TestClient, pack_ids: dict[str, int]) -> None:
    decisions = all_items(client, "/api/v1/decisions", body=pack_ids["body"], date_from="2024-01-01")
    assert [d["minute_number"] for d in decisions] == ["16", "17"]  # lines 57, 61
    assert all(d["verb"] == "RESOLVED" for d in decisions)
    assert decisions[1]["source"]["start_line"] == 61
    volunteers = all_items(client, "/api/v1/decisions", q="volunteers scheme")
    assert [d["minute_number"] for d in volunteers] == ["17"]
    declarations = all_items(client, "/api/v1/declarations", person=pack_ids["quill"])
    assert [(d["member"], d["item"]) for d in declarations] == [("Bernard Quill", "17")]
    assert all_items(client, "/api/v1/declarations", person=pack_ids["quill"], date_to="2020-01-01") == []


def test_documents_and_indicators(client: TestClient, pack_ids: dict[str, int]) -> None:
    documents = all_items(client, "/api/v1/documents", meeting=pack_ids["meeting"])
    assert "Library opening hours review" in {d["title"] for d in documents}
    reports = all_items(client, "/api/v1/documents", kind="report")
    assert all(d["kind"] == "report" for d in reports)
    document = client.get(f"/api/v1/documents/{documents[0]['id']}").json()
    assert document["source"]["source_id"] == documents[0]["source_id"]
    indicators = all_items(client, "/api/v1/indicators", q="library visits")
    assert len(indicators) == 1  # line 85: one indicator, two readings (line 86)
    visits = client.get(f"/api/v1/indicators/{indicators[0]['id']}").json()
    assert [(p["period"], p["value"]) for p in visits["points"]] == [("2021/22", "412"), ("2022/23", "455")]
    assert visits["target"] == "500"


def test_search_api(client: TestClient, pack_ids: dict[str, int]) -> None:
    body = client.get("/api/v1/search", params={"q": "Ofsted", "limit": 5}).json()
    assert len(body["items"]) == 5 and body["next_cursor"]
    hit = body["items"][0]
    assert "<mark>" in hit["snippet"].lower() and "ofsted" in hit["snippet"].lower()
    assert hit["url"] == hit["source"]["url"] and hit["url"].startswith("/source/")
    second = client.get("/api/v1/search", params={"q": "Ofsted", "limit": 5, "cursor": body["next_cursor"]}).json()
    assert not {h["url"] for h in second["items"]} & {h["url"] for h in body["items"]}
    only_cabinet = all_items(client, "/api/v1/search", q="library", body=pack_ids["body"])
    assert only_cabinet and all(h["body_name"] in ("Cabinet", "CABINET") for h in only_cabinet)
    old = all_items(client, "/api/v1/search", q="library", date_to="2000-01-01")
    assert old == []
    assert client.get("/api/v1/search", params={"q": ""}).status_code == 422
    assert client.get("/api/v1/search", params={"q": "x", "cursor": "!!"}).status_code == 422  # not base64url
    assert client.get("/api/v1/search", params={"q": "x", "cursor": "bm90IGpzb24"}).status_code == 400  # "not json"


def test_cursor_pagination_walks_every_item_once(client: TestClient) -> None:
    everything = client.get("/api/v1/agenda-items", params={"limit": 500}).json()["items"]
    paged = all_items(client, "/api/v1/agenda-items", limit=7)
    assert [i["id"] for i in paged] == [i["id"] for i in everything]
    assert client.get("/api/v1/meetings", params={"cursor": "not-a-cursor"}).status_code == 400


def test_etag_and_304(client: TestClient, pack_ids: dict[str, int]) -> None:
    url = f"/api/v1/meetings/{pack_ids['meeting']}"
    first = client.get(url)
    tag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200
    page = client.get("/")
    assert client.get("/", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_exports_json_csv_sqlite_popolo(client: TestClient) -> None:
    index = client.get("/api/v1/export").json()
    assert "decisions.csv" in index and "quorum.sqlite" in index
    decisions = client.get("/api/v1/export/decisions.json").json()
    assert any(d["text"].startswith("That the library volunteers scheme") for d in decisions)
    text = client.get("/api/v1/export/decisions.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(decisions) and {"text", "source_id", "start_line"} <= set(rows[0])
    assert client.get("/api/v1/export/nothing.csv").status_code == 422
    database = client.get("/api/v1/export/quorum.sqlite")
    assert database.content[:16] == b"SQLite format 3\x00"
    path = io.BytesIO(database.content)
    connection = sqlite3.connect(":memory:")
    connection.deserialize(path.getvalue())
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meetings", "decisions", "declarations", "people", "indicators"} <= tables
    assert connection.execute("SELECT count(*) FROM decisions").fetchone()[0] == len(decisions)
    popolo = json.loads(client.get("/api/v1/export/popolo.json").content)
    person_ids = {p["id"] for p in popolo["persons"]}
    org_ids = {o["id"] for o in popolo["organizations"]}
    assert popolo["memberships"] and all(
        m["person_id"] in person_ids and m["organization_id"] in org_ids for m in popolo["memberships"]
    )


def test_feeds(client: TestClient, pack_ids: dict[str, int]) -> None:
    body = pack_ids["body"]
    calendar = client.get(f"/feeds/bodies/{body}/meetings.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert "DTSTART:20240314T183000Z" in calendar.text  # 6.30 pm GMT on 14 March 2024 (lines 5, 7)
    meetings = client.get(f"/feeds/bodies/{body}/meetings.atom")
    assert meetings.headers["content-type"].startswith("application/atom+xml") and "2024-03-14" in meetings.text
    decisions = client.get(f"/feeds/bodies/{body}/decisions.atom").text
    assert "library volunteers scheme" in decisions
    person = client.get(f"/feeds/people/{pack_ids['quill']}.atom").text
    assert "Declared an interest" in person
    saved = client.get("/feeds/search.atom", params={"q": "volunteers"}).text
    assert "LIBRARY VOLUNTEERS SCHEME" in saved
    assert client.get("/feeds/bodies/999999/meetings.ics").status_code == 404


def test_search_with_unknown_body_finds_nothing(client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"q": "Ofsted", "body": 999999}).json()["items"] == []
    assert client.get("/search", params={"q": "Ofsted", "body": "999999"}).status_code == 200
