"""The HTML portal, read without a browser: what each page shows, its accessibility basics, its links.

Expectations come from the hand-made test pack (tests/serve/data/testshire-cabinet-2024-03-14.txt,
line numbers cited) and the Harrow council summons.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient


class Outline(HTMLParser):
    """Collects what the accessibility checks need: landmarks, ids, labels, inputs, links, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def outline(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Outline()
    parser.feed(html)
    return parser.tags


PAGES = ["/", "/search?q=Ofsted", "/bodies", "/people", "/decisions", "/declarations", "/indicators", "/exports"]


@pytest.mark.parametrize("url", PAGES)
def test_layout_is_accessible_and_needs_no_javascript(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    tags = outline(response.text)
    names = [tag for tag, _ in tags]
    assert names.count("main") == 1 and "header" in names and "footer" in names and "nav" in names
    assert names.count("h1") == 1
    assert "script" not in names  # every page works without JavaScript
    skip = next(attrs for tag, attrs in tags if tag == "a")
    assert skip.get("href") == "#main" and skip.get("class") == "skip-link"
    labelled = {attrs.get("for") for tag, attrs in tags if tag == "label"}
    for tag, attrs in tags:
        if tag in ("input", "select") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labelled, f"unlabelled {tag} {attrs}"
    for tag, attrs in tags:
        if tag in ("link", "img", "script") and (attrs.get("href") or attrs.get("src") or "").startswith("http"):
            assert "testserver" in (attrs.get("href") or attrs.get("src") or ""), "no CDN or external asset"
    ids = [attrs["id"] for _, attrs in tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_static_css_is_served(client: TestClient) -> None:
    response = client.get("/static/quorum.css")
    assert response.status_code == 200 and ".skip-link" in response.text


def test_home_lists_meetings_bodies_and_search(client: TestClient) -> None:
    html = client.get("/").text
    assert 'action="/search"' in html
    assert "Thursday 14 March 2024" in html  # test pack line 5
    assert "Thursday 28 September 2017" in html  # summons line 5
    assert ">Corporate Parenting Panel</a>" in html


def test_meeting_page(client: TestClient, pack_ids: dict[str, int]) -> None:
    html = client.get(f"/meetings/{pack_ids['meeting']}").text
    assert "<h1>Cabinet" in html and "Thursday 14 March 2024" in html
    assert "18:30" in html and "Committee Room 1, Testshire Civic Centre" in html  # lines 7, 9
    assert "How to take part" in html and "3.00 pm on Tuesday 12 March 2024" in html  # line 21
    assert "democracy@testshire.example.gov.uk" in html
    assert "LIBRARY OPENING HOURS REVIEW" in html and "Pages 7 - 10" in html  # line 27
    assert re.search(r'href="/source/\d+\?start=27&amp;end=29#L27"', html)  # "Show source" of item 2
    assert "EXCLUSION OF THE PRESS AND PUBLIC" in html  # line 31: the public item announcing Part II
    minutes = client.get(f"/meetings/{pack_ids['minutes_meeting']}").text
    assert "Apologies" in minutes and "Mrs Delia Frost" in minutes  # line 47
    assert "Director of Community Services" in minutes  # line 49, in attendance
    assert "a trustee of the Testford Library Friends" in minutes  # line 53
    assert "That the library volunteers scheme be extended" in minutes  # line 61


def test_person_page_shows_attendance_record(client: TestClient, pack_ids: dict[str, int]) -> None:
    html = client.get(f"/people/{pack_ids['quill']}").text
    assert "<h1>Bernard Quill</h1>" in html
    rates = html[html.index('class="data rates"') :]
    row = re.search(r"Cabinet</a></td>(.*?)</tr>", rates, re.S)
    assert row is not None
    assert re.findall(r'class="num">([^<]+)<', row.group(1)) == ["1", "1", "0", "100%"]
    assert "Present" in html and "Declarations of interest" in html
    assert client.get("/people/999999").status_code == 404


def test_body_page(client: TestClient, pack_ids: dict[str, int]) -> None:
    html = client.get(f"/bodies/{pack_ids['body']}").text
    assert "<h1>Cabinet</h1>" in html
    assert "Alice Mercer" in html and "Members over time" in html
    assert f"/feeds/bodies/{pack_ids['body']}/meetings.ics" in html
    assert "That the library volunteers scheme be extended" in html


def test_search_page_highlights_and_filters(client: TestClient, pack_ids: dict[str, int]) -> None:
    html = client.get("/search", params={"q": "Ofsted"}).text
    assert re.search(r"\d+( or more)? results for “Ofsted”", html)
    assert re.search(r"<mark>ofsted</mark>", html, re.IGNORECASE)
    assert re.search(r'<h2 class="hit-title"><a href="/source/\d+\?start=\d+&amp;end=\d+#L\d+">', html)
    assert 'rel="next"' in html  # more than one page of hits
    filtered = client.get("/search", params={"q": "library", "body": pack_ids["body"], "date_from": "2024-03-01"}).text
    assert "LIBRARY OPENING HOURS REVIEW" in filtered or "Library opening hours review" in filtered
    assert "Thursday 8 February 2024" not in filtered
    none = client.get("/search", params={"q": "xylophonic"}).text
    assert "Nothing matched" in none
    assert client.get("/search", params={"q": "x", "date_from": "not a date"}).status_code == 400
    assert client.get("/search").status_code == 200  # no query: just the form


def test_registers_filter_and_csv(client: TestClient, pack_ids: dict[str, int]) -> None:
    html = client.get("/decisions", params={"body": pack_ids["body"], "date_from": "2024-01-01"}).text
    assert "That the library volunteers scheme be extended" in html
    assert "Download as CSV" in html
    text = client.get("/decisions.csv", params={"body": pack_ids["body"], "date_from": "2024-01-01"}).text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["minute_number"] for r in rows] == ["17", "16"]  # newest first: lines 61, 57 (same meeting)
    declarations = client.get("/declarations", params={"person": pack_ids["quill"]}).text
    assert "a trustee of the Testford Library Friends" in declarations
    empty = client.get("/declarations", params={"q": "no such interest anywhere"}).text
    assert "Nothing matches these filters" in empty


def test_indicator_page_has_chart_and_table(client: TestClient) -> None:
    indicators = client.get("/api/v1/indicators", params={"q": "library visits"}).json()["items"]
    html = client.get(f"/indicators/{indicators[0]['id']}").text
    assert "<svg" in html and 'role="img"' in html
    assert "2021/22: 412; 2022/23: 455" in html  # line 86, chart description
    assert 'class="ref target"' in html  # the target 500, line 86
    assert "<caption>Readings</caption>" in html


def test_source_page_highlights_cited_lines_with_anchors(client: TestClient, pack_ids: dict[str, int]) -> None:
    meeting = client.get(f"/api/v1/meetings/{pack_ids['minutes_meeting']}").json()
    decision = meeting["minutes"][2]["decisions"][0]
    response = client.get(decision["source"]["url"].split("#")[0])
    html = response.text
    assert '<tr id="L61" class="hl">' in html  # line 61
    assert "<mark>RESOLVED: That the library volunteers scheme" in html
    assert '<a href="#L61">61</a>' in html
    assert '<tr id="L60">' in html  # context around the cited line is not highlighted
    assert client.get("/source/999999").status_code == 404


def test_document_redirects_to_its_lines(client: TestClient, pack_ids: dict[str, int]) -> None:
    documents = client.get("/api/v1/documents", params={"meeting": pack_ids["meeting"]}).json()["items"]
    report = next(d for d in documents if d["title"] == "Library opening hours review")
    response = client.get(f"/documents/{report['id']}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/source/{report['source_id']}?start=67&end=87")


def test_unknown_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "Page not found" in response.text
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}
