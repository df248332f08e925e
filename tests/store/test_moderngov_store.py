"""ModernGov into the store: the real fixtures fetched offline through the mock site, then stored.

Fixtures (tests/data/moderngov/, see tests/ingest/test_moderngov.py): committees.xml (3 committees,
lines 4-24), meeting_no_minutes.xml (meeting 4966, Cancelled, 13/01/2026), meeting_with_minutes.xml
(meeting 4967, 10/02/2026 10.00 am: items 18831 lines 22-82 and 18833 lines 83-144, one attendee
line 147), Harlow's CouncillorsByWard.xml (33 councillors in 11 wards, 102 terms of office).
tests/data/moderngov/store/audit-committee-minutes-2026-02-10.txt is a minutes text written for
these tests: the same Audit Committee meeting, printed "AUDIT COMMITTEE", whose attendance
differs from the clerk's for one person (Jane Smith).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quorum.cli import app
from quorum.ingest.moderngov import fetch_site
from quorum.ingest.moderngov_model import SiteRecords
from quorum.store import schema as s
from quorum.store.clerk_attendance import attendance_disagreements, attended, clerk_status
from quorum.store.ingest import ingest_paths
from quorum.store.moderngov import StoreReport, XmlText, store_records, store_site
from quorum.store.search import search
from tests.ingest.test_moderngov import LGSF, FixtureSite, local_site, make_client, restricted_variant

__all__ = ["local_site"]  # the local HTTP site fixture, used by the CLI test

MINUTES = (
    Path(__file__).resolve().parent.parent / "data" / "moderngov" / "store" / "audit-committee-minutes-2026-02-10.txt"
)
SITE = "https://democracy.manchester.gov.uk"


def attendance_variant() -> bytes:
    """meeting_with_minutes.xml with attendance recorded by the clerk (made up for these tests).

    Basil Curley (line 147) is the Chair and "Present" instead of "Expected"; three members follow
    him on lines 150-154: Jane Smith "Apologies" (150), Amir Haddad "Present" (153), Peter Okafor
    "Apologies" (154).
    """
    data = (LGSF / "meeting_with_minutes.xml").read_bytes()
    data = data.replace(
        b'roledescription="Committee Member" attendance="Expected"', b'roledescription="Chair" attendance="Present"'
    )
    extra = (
        b'    <attendee membertype="U" memberid="901" name="Councillor Jane Smith" roledescription="Committee Member"'
        b' attendance="Apologies" politicalparty="LAB" ward="Ancoats">\n'
        b"      <url>https://democracy.manchester.gov.uk/mgUserInfo.aspx?UID=901</url>\n"
        b"    </attendee>\n"
        b'    <attendee membertype="U" memberid="902" name="Councillor Amir Haddad" roledescription="Committee Member"'
        b' attendance="Present" politicalparty="LAB" ward="Ardwick"/>\n'
        b'    <attendee membertype="U" memberid="903" name="Councillor Peter Okafor" roledescription="Committee Member"'
        b' attendance="Apologies" politicalparty="LAB" ward="Baguley"/>\n'
    )
    return data.replace(b"  </attendees>", extra + b"  </attendees>")


def fetch(cache: Path, meeting_4967: bytes | None = None, documents: bool = True) -> SiteRecords:
    """Fetch the fixture site (offline) into ``cache``."""
    with make_client(FixtureSite(meeting_4967), cache) as client:
        return fetch_site(client, since=dt.date(2024, 1, 1), documents=documents)


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table (empty tables left out)."""
    with engine.connect() as connection:
        found = {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one() for t in s.ALL_TABLES}
    return {name: count for name, count in found.items() if count}


def ingest_minutes(engine: Engine) -> None:
    report = ingest_paths(engine, [MINUTES], workers=1)
    assert report.ok, report.failed


# ----------------------------------------------------------------- mapping ---


def test_fixture_fetch_fills_the_store(engine: Engine, tmp_path: Path) -> None:
    report = store_site(engine, fetch(tmp_path), tmp_path)
    assert report.ok and len(report.added) == 4  # councillors, committees, two meetings
    assert counts(engine) == {
        "sources": 4,
        # 3 committees + the Council (wards) + Labour, Conservative, UKIP
        "organizations": 7,
        # each committee once, "Audit Committee" again in each meeting's file, the Council, 3 parties
        "organization_names": 9,
        "persons": 34,  # 33 councillors + Basil Curley (the attendee, Manchester)
        "person_names": 35,  # Basil Curley printed in both meeting files
        "posts": 21,  # 11 wards + 10 key posts (Harlow lines 169, 452 (two), 480, 547, 609, 637, 781, 856, 1255)
        # 102 terms + 3 councillors without terms (lines 1051, 1195, 1224) + 33 parties + 10 key posts + 2 attendees
        "memberships": 150,
        "meetings": 2,
        "meeting_records": 2,
        "agenda_items": 2,
        "attendance": 2,
        "linked_documents": 2,
        # 3 committees + 2 meetings + 2 agenda items + 33 councillors + the attendee in each meeting
        "identifiers": 42,
        "text_chunks": 4,  # 2 agenda items + 2 items' minutes
    }
    with Session(engine) as session:
        meetings = session.scalars(select(s.Meeting).order_by(s.Meeting.date)).all()
        assert [(m.key, m.date, m.time) for m in meetings] == [
            ("audit|2026-01-13", "2026-01-13", "10:00"),
            ("audit|2026-02-10", "2026-02-10", "10:00"),
        ]
        assert meetings[1].venue == "Council Antechamber, Level 2, Town Hall Extension"  # line 13
        record = session.scalar(select(s.MeetingRecord).where(s.MeetingRecord.meeting_id == meetings[0].id))
        assert record is not None and record.kind == "moderngov" and record.details["status"] == "Cancelled"
        audit = session.get(s.Organization, meetings[0].organization_id)
        assert audit is not None and (audit.name, audit.classification) == ("Audit Committee", "committee")
        ids = {
            (i.kind, i.identifier): i
            for i in session.scalars(select(s.Identifier).where(s.Identifier.kind.in_(["committee", "meeting"])))
        }
        assert ids["committee", "144"].organization_id == audit.id
        assert ids["committee", "144"].url == f"{SITE}/mgCommitteeDetails.aspx?ID=144"
        assert (ids["committee", "144"].start_line, ids["committee", "144"].end_line) == (18, 24)
        assert ids["meeting", "4967"].meeting_id == meetings[1].id

        items = session.scalars(select(s.AgendaItem).order_by(s.AgendaItem.start_line)).all()
        assert [(i.number, i.title, i.access, i.start_line, i.end_line) for i in items] == [
            ("1", "Minutes", "public", 22, 82),
            ("9", "Work Programme", "public", 83, 144),
        ]
        source = session.get(s.Source, items[0].source_id)
        assert source is not None and source.path.endswith("xml/GetMeeting_lMeetingId-4967.xml")

        documents = session.scalars(select(s.LinkedDocument).order_by(s.LinkedDocument.start_line)).all()
        assert [(d.external_id, d.title, d.url, d.start_line, d.end_line) for d in documents] == [
            (
                "60860",
                "6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025",
                f"{SITE}/mgConvert2PDF.aspx?ID=60860",
                65,
                80,
            ),
            ("60909", "DRAFT WP  FEBRUARY 2026", f"{SITE}/mgConvert2PDF.aspx?ID=60909", 127, 142),
        ]
        assert documents[0].agenda_item_id == items[0].id and documents[0].publication_date == "2026-02-02"
        assert all(d.path and Path(d.path).read_bytes()[:5] == b"%PDF-" for d in documents)

        [clerk] = session.scalars(select(s.Attendance).where(s.Attendance.meeting_id == meetings[1].id)).all()
        assert (clerk.name, clerk.origin, clerk.status, clerk.status_raw, clerk.role, clerk.start_line) == (
            "Basil Curley",
            "clerk",
            "expected",
            "Expected",
            "Committee Member",
            147,
        )
        assert clerk.verbatim is not None and 'attendance="Expected"' in clerk.verbatim


def test_councillors_become_people_with_wards_parties_and_terms(engine: Engine, tmp_path: Path) -> None:
    store_site(engine, fetch(tmp_path, documents=False), tmp_path)
    with Session(engine) as session:
        [beckett] = session.scalars(select(s.Person).where(s.Person.name == "Ian Beckett")).all()  # line 10
        assert beckett.honorific_prefix is None  # "Councillor" is not kept as a title
        rows = session.execute(
            select(s.Membership, s.Organization.name, s.Organization.classification)
            .join(s.Organization, s.Organization.id == s.Membership.organization_id)
            .where(s.Membership.person_id == beckett.id)
            .order_by(s.Membership.start_line)
        ).all()
        assert [(o, c, m.role, m.label, m.start_date, m.end_date, m.start_line, m.end_line) for m, o, c in rows] == [
            ("Labour", "party", "member", "Labour", None, None, 13, 13),
            ("Council", "council", "councillor", "Bush Fair", "2011-05-05", "2015-05-07", 31, 34),
            ("Council", "council", "councillor", "Bush Fair", "2015-05-07", "2019-05-11", 35, 38),
        ]
        post = session.get(s.Post, rows[1][0].post_id)
        assert post is not None and (post.role, post.label) == ("councillor", "Bush Fair")
        [member] = session.scalars(select(s.Identifier).where(s.Identifier.person_id == beckett.id)).all()
        assert (member.kind, member.identifier, member.url) == ("member", "114", f"{SITE}/mgUserInfo.aspx?UID=114")
        # Tony Hall, line 169: "Chairman of the Council" is the Council's chair.
        hall = session.scalar(select(s.Person.id).where(s.Person.name == "Tony Hall"))
        roles = session.scalars(
            select(s.Membership.role).where(s.Membership.person_id == hall, s.Membership.role != "councillor")
        ).all()
        assert sorted(roles) == ["chair", "member"]
        wards = session.scalars(select(s.Post.label).where(s.Post.role == "councillor")).all()
        assert len(wards) == 11


def test_restricted_items_are_exempt_and_kept_out_of_search(engine: Engine, tmp_path: Path) -> None:
    store_site(engine, fetch(tmp_path, restricted_variant()), tmp_path)
    with Session(engine) as session:
        work = session.scalar(select(s.AgendaItem).where(s.AgendaItem.title == "Work Programme"))
        assert work is not None
        assert (work.access, work.part, work.description) == ("exempt", "II", None)
        assert (work.start_line, work.end_line) == (83, 144)  # the whole item, so the source view withholds it
        assert work.verbatim == "      <agendaitemtitle>Work Programme</agendaitemtitle>"  # line 85 only
        titles = session.scalars(select(s.LinkedDocument.title)).all()
        assert titles == ["6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025"]  # 60909 never stored
        texts = " ".join(session.scalars(select(s.TextChunk.text)).all())
        assert "Governance" not in texts and "municipal year" not in texts  # its agenda text and minutes
        assert search(session, "municipal year") == []
        assert search(session, "Governance Scrutiny") == []
        hits = search(session, "correct record 25 November")  # item 18831: agenda text (26-27), minutes (44-45)
        assert sorted(h.kind for h in hits) == ["agenda_item", "text"]
        [hit] = [h for h in hits if h.kind == "text"]
        assert hit.document_kind == "minutes" and hit.title == "1 Minutes & Actions"  # the variant renames it
        assert hit.source_path.endswith("GetMeeting_lMeetingId-4967.xml") and (hit.start_line, hit.end_line) == (43, 47)
        assert hit.text == "To approve the minutes of the meeting held on\n25 November 2025 as a correct record."


# ------------------------------------------------------------- idempotence ---


def test_storing_the_same_fetch_again_stores_nothing_new(engine: Engine, tmp_path: Path) -> None:
    first = store_site(engine, fetch(tmp_path), tmp_path)
    before = counts(engine)
    again = store_site(engine, fetch(tmp_path), tmp_path)  # a second fetch: every answer 304, read from the cache
    assert again.added == again.replaced == [] and len(again.unchanged) == 4
    assert counts(engine) == before
    assert again.meeting_ids == first.meeting_ids
    forced = store_site(engine, fetch(tmp_path), tmp_path, force=True)  # rewritten: same rows, same meetings
    assert len(forced.replaced) == 4 and counts(engine) == before
    assert forced.meeting_ids == first.meeting_ids


def test_a_changed_meeting_replaces_only_its_own_rows(engine: Engine, tmp_path: Path) -> None:
    store_site(engine, fetch(tmp_path), tmp_path)
    before = counts(engine)
    report = store_site(engine, fetch(tmp_path, restricted_variant()), tmp_path)
    assert [Path(p).name for p in report.replaced] == ["GetMeeting_lMeetingId-4967.xml"]
    after = counts(engine)
    # The restricted item loses its agenda text, minutes and document; nothing else moves.
    assert after["linked_documents"] == before["linked_documents"] - 1
    assert after["text_chunks"] == before["text_chunks"] - 2
    assert {k: v for k, v in after.items() if k not in {"linked_documents", "text_chunks"}} == {
        k: v for k, v in before.items() if k not in {"linked_documents", "text_chunks"}
    }


def test_a_missing_raw_file_is_a_failure_not_the_end(engine: Engine, tmp_path: Path) -> None:
    site = fetch(tmp_path, documents=False)
    (tmp_path / "xml" / "GetMeeting_lMeetingId-4966.xml").unlink()
    from quorum.ingest.moderngov import moderngov_to_records

    report = store_records(engine, moderngov_to_records(site), tmp_path)
    assert [Path(p).name for p, _ in report.failed] == ["GetMeeting_lMeetingId-4966.xml"]
    assert len(report.added) == 3 and counts(engine)["meetings"] == 1


# --------------------------------------------- one meeting, one person, one body ---


@pytest.mark.parametrize("order", ["moderngov first", "minutes first"])
def test_pack_and_web_service_describe_one_meeting(engine: Engine, tmp_path: Path, order: str) -> None:
    site = fetch(tmp_path, attendance_variant(), documents=False)
    if order == "minutes first":
        ingest_minutes(engine)
        store_site(engine, site, tmp_path)
    else:
        store_site(engine, site, tmp_path)
        ingest_minutes(engine)
    with Session(engine) as session:
        meetings = session.scalars(select(s.Meeting).order_by(s.Meeting.date)).all()
        assert [m.key for m in meetings] == ["audit|2026-01-13", "audit|2026-02-10"]  # no third meeting
        kinds = session.scalars(
            select(s.MeetingRecord.kind)
            .where(s.MeetingRecord.meeting_id == meetings[1].id)
            .order_by(s.MeetingRecord.kind)
        ).all()
        assert kinds == ["minutes", "moderngov"]
        # "Audit Committee" (ModernGov) and "AUDIT COMMITTEE" (minutes line 3) are one body.
        names = session.scalars(
            select(s.OrganizationName.name).where(s.OrganizationName.organization_id == meetings[1].organization_id)
        ).all()
        assert set(names) == {"Audit Committee", "AUDIT COMMITTEE"}
        # "Councillor Jane Smith" (attendee, line 150) and "Jane Smith" (minutes line 5) are one person.
        smith = session.scalars(select(s.Person).where(s.Person.family_name == "Smith")).all()
        assert len(smith) == 1
        printed = set(session.scalars(select(s.PersonName.name).where(s.PersonName.person_id == smith[0].id)))
        assert printed == {"Councillor Jane Smith", "Jane Smith"}
        # "Councillor Ian Beckett" from GetCouncillorsByWard (line 10) and from the minutes (line 7): one person.
        assert session.scalar(select(func.count()).select_from(s.Person).where(s.Person.family_name == "Beckett")) == 1
        rows = session.execute(
            select(s.Attendance.name, s.Attendance.origin, s.Attendance.status)
            .where(s.Attendance.meeting_id == meetings[1].id)
            .order_by(s.Attendance.origin, s.Attendance.name)
        ).all()
        assert [tuple(r) for r in rows] == [
            ("Amir Haddad", "clerk", "present"),
            ("Basil Curley", "clerk", "present"),
            ("Jane Smith", "clerk", "apologies"),
            ("Peter Okafor", "clerk", "apologies"),
            ("Amir Haddad", "minutes", "present"),
            ("Basil Curley", "minutes", "present"),
            ("Ian Beckett", "minutes", "in_attendance"),
            ("Jane Smith", "minutes", "present"),
            ("Peter Okafor", "minutes", "apologies"),
        ]


def test_clerk_and_minutes_attendance_disagree_for_one_person(engine: Engine, tmp_path: Path) -> None:
    report = store_site(engine, fetch(tmp_path, attendance_variant(), documents=False), tmp_path)
    ingest_minutes(engine)
    with Session(engine) as session:
        found = attendance_disagreements(session, report.meeting_ids)
        assert attendance_disagreements(session) == found
    [jane] = found
    assert (jane.date, jane.body, jane.name, jane.kind, jane.clerk, jane.minutes) == (
        "2026-02-10",
        "Audit Committee",
        "Jane Smith",
        "differs",
        "Apologies",  # attendee line 150
        "present",  # minutes line 5: "Present: Councillors Basil Curley (Chair), Jane Smith and Amir Haddad"
    )
    assert jane.clerk_citation is not None and jane.clerk_citation.endswith("GetMeeting_lMeetingId-4967.xml, line 150")
    assert jane.minutes_citation is not None and jane.minutes_citation.endswith(f"{MINUTES.name}, line 5")


def test_no_disagreement_without_minutes_or_when_the_clerk_has_not_recorded(engine: Engine, tmp_path: Path) -> None:
    report = store_site(engine, fetch(tmp_path, documents=False), tmp_path)
    with Session(engine) as session:
        assert attendance_disagreements(session, report.meeting_ids) == []  # no minutes stored yet
    ingest_minutes(engine)
    with Session(engine) as session:
        found = attendance_disagreements(session, report.meeting_ids)
    # The real fixture's only attendee, Basil Curley, is "Expected" (line 147): no claim, no disagreement.
    # The minutes list three members and an apology the clerk's list lacks (lines 5, 11).
    assert sorted((d.name, d.kind, d.minutes) for d in found) == [
        ("Amir Haddad", "minutes only", "present"),
        ("Jane Smith", "minutes only", "present"),
        ("Peter Okafor", "minutes only", "apologies"),
    ]


# --------------------------------------------------------------------- CLI ---


def test_cli_fetch_stores_and_prints_the_disagreements(tmp_path: Path, local_site) -> None:
    site, url = local_site
    site.meeting_4967 = attendance_variant()
    database = f"sqlite:///{tmp_path / 'quorum.db'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(MINUTES), "--database-url", database, "--workers", "1"])
    assert ingested.exit_code == 0, ingested.output
    args = ["fetch", "moderngov", url, "--since", "2024-01-01", "--out", str(tmp_path / "data"), "--delay", "0"]
    first = runner.invoke(app, [*args, "--no-documents", "--database", database])
    assert first.exit_code == 0, first.output
    assert "4 added, 0 replaced, 0 unchanged, 0 failed" in first.output
    assert "Jane Smith" in first.output and "Apologies" in first.output and "differs" in first.output
    from quorum.store.db import make_engine

    engine = make_engine(database)
    before = counts(engine)
    again = runner.invoke(app, [*args, "--no-documents"], env={"QUORUM_DATABASE_URL": database})
    assert again.exit_code == 0, again.output
    assert "0 added, 0 replaced, 4 unchanged, 0 failed" in again.output
    assert counts(engine) == before
    engine.dispose()


def test_cli_fetch_without_a_database_stores_nothing(tmp_path: Path, local_site, monkeypatch) -> None:
    _, url = local_site
    monkeypatch.delenv("QUORUM_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    args = ["fetch", "moderngov", url, "--out", str(tmp_path / "data"), "--delay", "0", "--no-documents"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and "not stored" in result.output
    assert not (tmp_path / "quorum.db").exists()


# -------------------------------------------------------------------- units ---


@pytest.mark.parametrize(
    ("raw", "status", "there"),
    [
        ("Present", "present", True),
        ("Present as substitute", "present", True),
        ("In attendance", "in_attendance", True),
        ("Apologies", "apologies", False),
        ("Apologies, sent substitute", "apologies", False),
        ("Absent", "absent", False),
        ("Expected", "expected", None),
        ("Not required", "not_required", None),
        ("", "unknown", None),
        (None, "unknown", None),
    ],
)
def test_clerk_status(raw: str | None, status: str, there: bool | None) -> None:
    assert clerk_status(raw) == status and attended(status) is there


def test_xml_element_spans() -> None:
    xml = XmlText(b'<a>\n  <b id="1"/>\n  <b id="2">\n    <c>x</c>\n  </b>\n  <bb>y</bb>\n</a>')
    assert xml.span(xml.element("b", 'id="1"')) == (2, 2)  # self-closing
    assert xml.span(xml.element("b", "<c>x</c>")) == (3, 5)
    assert xml.span(xml.element("c", "<c>")) == (4, 4)  # the needle is the opening tag itself
    assert xml.element("b", "<bb>") is None  # inside no <b> (the last <b> closed before it)
    assert xml.element("b", "absent") is None


def test_store_report_ok() -> None:
    assert StoreReport().ok and not StoreReport(failed=[("x", "y")]).ok


class TwoMeetingsOneDay(FixtureSite):
    """The fixture site with meeting 4966 moved to 10/02/2026 at 2.00 pm: two Audit Committee meetings that day."""

    def body_for(self, path: str, query: dict[str, list[str]]) -> tuple[bytes, str] | None:
        found = super().body_for(path, query)
        if found is not None and query.get("lMeetingId") == ["4966"]:
            body = found[0].replace(b"<meetingdate>13/01/2026</meetingdate>", b"<meetingdate>10/02/2026</meetingdate>")
            return body.replace(b"<meetingtime>10.00 am</meetingtime>", b"<meetingtime>2.00 pm</meetingtime>"), found[1]
        return found


def test_two_meetings_of_a_body_on_one_day_stay_two(engine: Engine, tmp_path: Path) -> None:
    with make_client(TwoMeetingsOneDay(), tmp_path) as client:
        site = fetch_site(client, since=dt.date(2024, 1, 1), documents=False)
    report = store_site(engine, site, tmp_path)
    with Session(engine) as session:
        rows = session.execute(select(s.Meeting.key, s.Meeting.time).order_by(s.Meeting.id)).all()
    # 4966 (now 2.00 pm) is stored first and takes the body + date key; 4967 (10.00 am) adds its time.
    assert [tuple(r) for r in rows] == [("audit|2026-02-10", "14:00"), ("audit|2026-02-10|10:00", "10:00")]
    assert len(set(report.meeting_ids)) == 2


def test_cli_fetch_reports_a_database_it_cannot_open(tmp_path: Path, local_site) -> None:
    _, url = local_site
    args = ["fetch", "moderngov", url, "--out", str(tmp_path / "data"), "--delay", "0", "--no-documents"]
    result = CliRunner().invoke(app, [*args, "--database-url", "nonsense://nowhere"])
    assert result.exit_code == 1 and "cannot open the database" in result.output
