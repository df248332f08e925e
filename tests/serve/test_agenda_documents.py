"""Agenda items list the documents below their cover sheets (samples/harrow/council-2017-09-28-summons.txt).

Item 1 "COUNCIL MINUTES (Pages 9 - 22)" (line 50) has a cover "MINUTES" (line 215) followed by the
minutes of the Annual Council of 18 May 2017 (line 219, "COUNCIL (ANNUAL) MINUTES") and of the
Extraordinary Council of 13 June 2017 (line 412). Item 8 (line 82) has a cover (lines 1151-1162), the
Cabinet record of decisions of 13 July 2017 (line 1166) and the strategy itself (line 1210).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session

from quorum.serve.app import create_app
from quorum.store import schema as db
from tests.serve.conftest import all_items


def _council(client: TestClient) -> dict:
    meetings = all_items(client, "/api/v1/meetings", date_from="2017-09-28", date_to="2017-09-28")
    (council,) = [m for m in meetings if m["body_name"] == "Council"]
    return client.get(f"/api/v1/meetings/{council['id']}").json()


def _item(meeting: dict, number: str) -> dict:
    return next(a for a in meeting["agenda"] if a["number"] == number)


def test_minutes_under_the_cover_are_listed_with_the_item(client: TestClient) -> None:
    meeting = _council(client)
    documents = _item(meeting, "1")["documents"]
    kinds = [(d["kind"], d["title"]) for d in documents]
    assert ("cover", "MINUTES") in kinds  # line 215
    assert ("minutes", "COUNCIL (ANNUAL) MINUTES") in kinds  # line 219
    assert ("minutes", "COUNCIL EXTRAORDINARY MINUTES") in kinds  # line 412
    annual = next(d for d in documents if d["title"] == "COUNCIL (ANNUAL) MINUTES")
    assert annual["date"] == "2017-05-18"  # line 221
    assert annual["meeting_id"] != meeting["id"]  # the minutes record another meeting
    cover = next(d for d in documents if d["kind"] == "cover")
    assert annual["parent_id"] == cover["id"]


def test_cabinet_record_and_strategy_are_listed_with_item_8(client: TestClient) -> None:
    documents = _item(_council(client), "8")["documents"]
    assert [d["kind"] for d in documents][:1] == ["cover"]
    assert any(d["kind"] == "minutes" and d["date"] == "2017-07-13" for d in documents)  # line 1166
    assert any(d["title"].startswith("Community Safety, Violence") for d in documents)  # line 1210
    assert all(d["source"]["start_line"] < 1849 for d in documents)  # item 9's cover starts at line 1849


def test_meeting_page_shows_the_item_documents(client: TestClient) -> None:
    meeting = _council(client)
    page = client.get(f"/meetings/{meeting['id']}").text
    item = page[page.index('id="item-1"') : page.index('id="item-2"')]
    assert "COUNCIL (ANNUAL) MINUTES" in item and "COUNCIL EXTRAORDINARY MINUTES" in item
    assert 'class="sub"' in item


@pytest.fixture(scope="module")
def exempt_cover_client(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A copy of the test store where item 1's cover sheet (line 215) is marked exempt."""
    copy = tmp_path_factory.mktemp("exempt-cover") / "quorum.db"
    shutil.copy(Path(database_url.removeprefix("sqlite:///")), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with Session(engine) as session:
        cover = session.scalars(
            select(db.DocumentAppearance).where(
                db.DocumentAppearance.kind == "cover", db.DocumentAppearance.title == "MINUTES"
            )
        ).first()
        assert cover is not None
        session.execute(
            update(db.DocumentAppearance).where(db.DocumentAppearance.id == cover.id).values(access="exempt")
        )
        session.commit()
    engine.dispose()
    return TestClient(create_app(f"sqlite:///{copy}"))


def test_documents_below_an_exempt_one_are_not_listed(exempt_cover_client: TestClient) -> None:
    documents = _item(_council(exempt_cover_client), "1")["documents"]
    assert documents == []
