"""Decision routes on the portal and in the API: Panel → Cabinet → Council, each step citing its lines.

Expectations are read from samples/harrow/council-2017-09-28-summons.txt: agenda
item 9 of Council, 28 September 2017 (lines 87-90: "9. CORPORATE PARENTING
STRATEGY", "Recommendation I: Cabinet (13 July 2017)") takes Cabinet's minute
575 of 13 July 2017 (lines 1862-1896: "575. Corporate Parenting Strategy" on
line 1892, "Resolved to RECOMMEND: (to Council)" on line 1894, "That the
Corporate Parenting Strategy 2017 – 2019 be approved." on line 1896), which the
resolution on line 1898 says was "recommended by the Corporate Parenting Panel
on 14 June 2017" (that Panel's own pack is samples/harrow/corporate-parenting-
panel-2017-06-14-agenda.txt, lines 3 and 7).
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import all_items


def meeting_id(client: TestClient, date: str, body: str) -> int:
    """The id of the meeting of ``body`` on ``date``."""
    (found,) = [
        m for m in all_items(client, "/api/v1/meetings", date_from=date, date_to=date) if m["body_name"] == body
    ]
    return found["id"]


@pytest.fixture(scope="module")
def council(client: TestClient) -> dict:
    """The API's Council meeting of 28 September 2017 (summons line 3)."""
    return client.get(f"/api/v1/meetings/{meeting_id(client, '2017-09-28', 'Council')}").json()


def test_meeting_api_includes_each_agenda_items_route(client: TestClient, council: dict) -> None:
    item9 = next(a for a in council["agenda"] if a["number"] == "9")
    route = [(step["body_name"], step["date"], step["outcome"]) for step in item9["route"]]
    assert route == [
        ("Corporate Parenting Panel", "2017-06-14", "recommended"),
        ("Cabinet", "2017-07-13", "recommended"),
        ("Council", "2017-09-28", "pending"),
    ]
    panel, cabinet, here = item9["route"]
    assert cabinet["minute_number"] == "575" and cabinet["recommended_to"] == "Council"
    assert cabinet["body_raw"] == "CABINET"  # line 1862
    assert cabinet["text"] == "That the Corporate Parenting Strategy 2017 – 2019 be approved."
    assert (cabinet["source"]["start_line"], cabinet["source"]["end_line"]) == (1894, 1896)
    assert cabinet["meeting_id"] == meeting_id(client, "2017-07-13", "Cabinet")
    assert panel["meeting_id"] == meeting_id(client, "2017-06-14", "Corporate Parenting Panel")
    assert panel["source"]["start_line"] == 1898
    assert here["meeting_id"] == council["id"] and here["agenda_item_id"] == item9["id"]
    assert here["source"]["start_line"] == 87
    assert len({step["chain_id"] for step in item9["route"]}) == 1
    # Every route ending at items 8-13 (lines 82-107) is in the meeting's decision_steps.
    ending = {step["agenda_item"] for step in council["decision_steps"] if step["meeting_id"] == council["id"]}
    assert ending == {"8", "9", "10", "11", "12", "13"}


def test_meeting_page_shows_the_cabinet_step_with_its_source(client: TestClient, council: dict) -> None:
    html = client.get(f"/meetings/{council['id']}").text
    start = html.index('id="item-9"')
    item = html[start : html.index('id="item-10"')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item))
    assert "Cabinet , Thursday 13 July 2017 (minute 575): recommended to Council" in text
    assert "That the Corporate Parenting Strategy 2017 – 2019 be approved." in text
    cabinet = meeting_id(client, "2017-07-13", "Cabinet")
    assert f'<a href="/meetings/{cabinet}">Cabinet</a>' in item
    assert re.search(r'href="/source/\d+\?start=1894&amp;end=1896#L1894"', item)  # lines 1894-1896
    assert re.search(r'href="/source/\d+\?start=1898&amp;end=1898#L1898"', item)  # the Panel, line 1898
    assert 'aria-current="step"' in item  # this meeting's own step is marked


def test_cabinet_and_panel_pages_show_where_the_decision_went(client: TestClient) -> None:
    cabinet = client.get(f"/meetings/{meeting_id(client, '2017-07-13', 'Cabinet')}").text
    assert "Route of this decision" in cabinet
    council = meeting_id(client, "2017-09-28", "Council")
    assert f'<a href="/meetings/{council}">Council</a>' in cabinet
    panel = client.get(f"/meetings/{meeting_id(client, '2017-06-14', 'Corporate Parenting Panel')}").text
    assert "Decisions passed on from or to this meeting" in panel
    assert f'<a href="/meetings/{council}">Council</a>' in panel


def test_decision_chain_endpoint(client: TestClient) -> None:
    cabinet = meeting_id(client, "2017-07-13", "Cabinet")
    decisions = all_items(client, "/api/v1/decisions", meeting=cabinet)
    (decision,) = [d for d in decisions if d["minute_number"] == "575" and d["source"]["start_line"] == 1894]
    chain = client.get(f"/api/v1/decisions/{decision['id']}/chain").json()
    assert chain["decision_id"] == decision["id"]
    assert [(step["body_name"], step["outcome"]) for step in chain["steps"]] == [
        ("Corporate Parenting Panel", "recommended"),
        ("Cabinet", "recommended"),
        ("Council", "pending"),
    ]
    assert chain["steps"][1]["decision_id"] == decision["id"]
    assert client.get("/api/v1/decisions/999999999/chain").status_code == 404
    # A decision that went nowhere else has an empty route: the Council minutes of 18 May 2017 (lines 219-347).
    nowhere = next(d for d in all_items(client, "/api/v1/decisions") if d["meeting_date"] == "2017-05-18")
    assert client.get(f"/api/v1/decisions/{nowhere['id']}/chain").json()["steps"] == []
