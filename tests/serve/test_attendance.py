"""One attendance row per person per meeting: repeated minutes and the clerk's record folded together.

The Council summons (samples/harrow/council-2017-09-28-summons.txt) prints the Cabinet record of
decisions of 13 July 2017 twice, for agenda items 8 and 9: "* Simon Brown" is on line 1179 and again
on line 1875, Graham Henson (apologies, marked with a dagger) on lines 1182 and 1878.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from quorum.serve import queries
from quorum.serve import schemas as s
from quorum.serve.app import create_app
from quorum.store import schema as db
from tests.serve.conftest import all_items


def _person_id(client: TestClient, name: str) -> int:
    return next(p["id"] for p in all_items(client, "/api/v1/people", name=name) if p["name"] == name)


def test_repeated_minutes_give_one_row_with_both_citations(client: TestClient) -> None:
    person = client.get(f"/api/v1/people/{_person_id(client, 'Simon Brown')}").json()
    cabinet = [a for a in person["attendance"] if a["meeting"]["date"] == "2017-07-13"]
    assert len(cabinet) == 1
    assert cabinet[0]["status"] == "present"
    assert sorted(c["source"]["start_line"] for c in cabinet[0]["citations"]) == [1179, 1875]
    assert {c["origin"] for c in cabinet[0]["citations"]} == {"minutes"}
    rate = next(r for r in person["attendance_rates"] if r["body_name"] == "Cabinet")
    assert rate["meetings"] == len(
        {a["meeting"]["id"] for a in person["attendance"] if a["meeting"]["body_name"] == "Cabinet"}
    )
    meetings = [a["meeting"]["id"] for a in person["attendance"]]
    assert len(meetings) == len(set(meetings))


def test_person_page_lists_the_meeting_once_with_each_source(client: TestClient) -> None:
    page = client.get(f"/people/{_person_id(client, 'Simon Brown')}").text
    row = next(r for r in page.split("<tr>") if "2017-07-13" in r)
    assert page.count(">2017-07-13<") == 1
    assert "start=1179" in row and "start=1875" in row


def test_meeting_page_and_api_name_each_person_once(client: TestClient) -> None:
    meeting_id = _person_meeting(client, "Simon Brown", "2017-07-13")
    meeting = client.get(f"/api/v1/meetings/{meeting_id}").json()
    names = [a["name"] for a in meeting["attendance"]]
    assert len(names) == len(set(names))
    henson = next(a for a in meeting["attendance"] if a["name"] == "Graham Henson")
    assert henson["status"] == "apologies"
    assert sorted(c["source"]["start_line"] for c in henson["citations"]) == [1182, 1878]
    page = client.get(f"/meetings/{meeting_id}").text
    assert page.count(">Simon Brown</a>") == 1
    # the present list is cited once for each printing (lines 1174-1181 and 1870-1877)
    assert "start=1174&amp;end=1181" in page and "start=1870&amp;end=1877" in page


def test_export_has_one_attendance_row_per_person_and_meeting(client: TestClient) -> None:
    rows = client.get("/api/v1/export/attendance.json").json()
    keys = [(r["meeting_id"], r["person_id"] or r["name"]) for r in rows]
    assert len(keys) == len(set(keys))


def _person_meeting(client: TestClient, name: str, date: str) -> int:
    person = client.get(f"/api/v1/people/{_person_id(client, name)}").json()
    return next(a["meeting"]["id"] for a in person["attendance"] if a["meeting"]["date"] == date)


# ------------------------------------------------------- the clerk's record ---


def _row(
    row_id: int, name: str, status: str, origin: str = "minutes", person: int | None = 1, line: int = 10
) -> db.Attendance:
    return db.Attendance(
        id=row_id,
        meeting_id=7,
        person_id=person,
        name=name,
        status=status,
        origin=origin,
        status_raw=status.capitalize() if origin == "clerk" else None,
        source_id=3 if origin == "minutes" else 4,
        start_line=line,
        end_line=line,
    )


def test_fold_prefers_the_minutes_and_flags_a_clerk_who_differs() -> None:
    rows = [
        _row(1, "Ann Lee", "apologies", "clerk", line=5),
        _row(2, "Ann Lee", "present"),
        _row(3, "Ann Lee", "present", line=90),
    ]
    (fold,) = queries.fold_attendance(rows, {7: {"minutes", "clerk"}})
    assert fold.shown.id == 2
    facts = fold.facts()
    assert (facts["origin"], facts["clerk_status"], facts["disagreement"]) == ("minutes", "apologies", "differs")
    assert [(c.origin, c.source.start_line) for c in facts["citations"]] == [
        ("minutes", 10),
        ("minutes", 90),
        ("clerk", 5),
    ]


def test_fold_agreement_and_one_sided_records() -> None:
    both = queries.fold_attendance(
        [_row(1, "Ann Lee", "present"), _row(2, "Ann Lee", "present", "clerk")], {7: {"minutes", "clerk"}}
    )
    assert [f.disagreement for f in both] == [None]
    expected = queries.fold_attendance([_row(1, "Ann Lee", "present"), _row(2, "Ann Lee", "expected", "clerk")], {})
    assert expected[0].disagreement is None  # "Expected" is no claim
    clerk_only = queries.fold_attendance([_row(1, "Bo Kay", "present", "clerk", person=2)], {7: {"minutes", "clerk"}})
    assert (clerk_only[0].shown.origin, clerk_only[0].disagreement) == ("clerk", "clerk only")
    minutes_only = queries.fold_attendance([_row(1, "Bo Kay", "apologies", person=2)], {7: {"minutes", "clerk"}})
    assert minutes_only[0].disagreement == "minutes only"
    alone = queries.fold_attendance([_row(1, "Bo Kay", "apologies", person=2)], {7: {"minutes"}})
    assert alone[0].disagreement is None
    unresolved = queries.fold_attendance(
        [_row(1, "Cy Dunn", "present", person=None), _row(2, "CY  DUNN", "present", person=None, line=40)], {}
    )
    assert len(unresolved) == 1 and len(unresolved[0].facts()["citations"]) == 2


def test_rates_count_each_meeting_once_and_skip_no_claim() -> None:
    meeting = s.MeetingSummary(id=1, body_id=2, body_name="Cabinet", url="/meetings/1")
    later = s.MeetingSummary(id=3, body_id=2, body_name="Cabinet", url="/meetings/3")
    records = [
        s.AttendanceRecord(meeting=meeting, status="present"),
        s.AttendanceRecord(meeting=meeting, status="present"),
        s.AttendanceRecord(meeting=later, status="expected", origin="clerk"),
    ]
    (rate,) = queries.attendance_rates(records)
    assert (rate.meetings, rate.present, rate.rate) == (1, 1, 1.0)


@pytest.fixture(scope="module")
def clerk_client(database_url: str, tmp_path_factory: pytest.TempPathFactory, client: TestClient) -> TestClient:
    """A copy of the test store where the clerk recorded Simon Brown's Cabinet of 13 July 2017 as apologies."""
    path = Path(database_url.removeprefix("sqlite:///"))
    copy = tmp_path_factory.mktemp("clerk") / "quorum.db"
    shutil.copy(path, copy)
    url = f"sqlite:///{copy}"
    engine = create_engine(url)
    person_id = _person_id(client, "Simon Brown")
    meeting_id = _person_meeting(client, "Simon Brown", "2017-07-13")
    with Session(engine) as session:
        source_id = session.scalars(select(db.Source.id).order_by(db.Source.id)).first()
        session.add(
            db.Attendance(
                meeting_id=meeting_id,
                person_id=person_id,
                name="Simon Brown",
                status="apologies",
                status_raw="Apologies",
                origin="clerk",
                source_id=source_id,
                start_line=3,
                end_line=3,
            )
        )
        session.commit()
    engine.dispose()
    return TestClient(create_app(url))


def test_clerk_disagreement_is_shown_with_both_sources(clerk_client: TestClient) -> None:
    person_id = _person_id(clerk_client, "Simon Brown")
    person = clerk_client.get(f"/api/v1/people/{person_id}").json()
    (row,) = [a for a in person["attendance"] if a["meeting"]["date"] == "2017-07-13"]
    assert (row["status"], row["origin"], row["clerk_status_raw"], row["disagreement"]) == (
        "present",
        "minutes",
        "Apologies",
        "differs",
    )
    assert [c["origin"] for c in row["citations"]] == ["minutes", "minutes", "clerk"]
    rate = next(r for r in person["attendance_rates"] if r["body_name"] == "Cabinet")
    assert rate["present"] == rate["meetings"]  # the minutes' status counts, once
    page = clerk_client.get(f"/people/{person_id}").text
    html_row = next(r for r in page.split("<tr>") if "2017-07-13" in r)
    assert "disagree" in html_row and "Apologies" in html_row
    assert "start=1179" in html_row and "start=3&amp;end=3" in html_row
    meeting = clerk_client.get(f"/meetings/{row['meeting']['id']}").text
    assert meeting.count(">Simon Brown</a>") == 1 and "the clerk recorded" in meeting


def test_person_feed_has_one_entry_per_meeting(client: TestClient) -> None:
    feed = client.get(f"/feeds/people/{_person_id(client, 'Simon Brown')}.atom").text
    assert feed.count("Cabinet, 2017-07-13") == 1
