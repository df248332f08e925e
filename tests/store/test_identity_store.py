"""People and bodies resolve across packs and years; people who only share a family name stay apart."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quorum.model import MinuteItem, Vote
from quorum.store import queries
from quorum.store import schema as s
from tests.store import packs
from tests.store.conftest import store_hand_built


@pytest.fixture(scope="module")
def store(module_engine: Engine) -> Engine:
    """The three hand-built packs stored in order: Corporate Parenting, Council, Partnership (read-only)."""
    store_hand_built(module_engine, "corporate_parenting", packs.corporate_parenting())
    store_hand_built(module_engine, "council", packs.council())
    store_hand_built(module_engine, "partnership", packs.partnership())
    return module_engine


def person_ids(session: Session, name: str) -> set[int]:
    """Ids of every person printed exactly as ``name`` somewhere."""
    return set(session.scalars(select(s.PersonName.person_id).where(s.PersonName.name == name)))


def test_reserve_on_one_body_and_member_of_another_is_one_person(store: Engine) -> None:
    with Session(store) as session:
        # Sue Anderson: reserve 1 on the Panel (CPP line 34), present at Council (council lines 230, 423).
        ids = person_ids(session, "Sue Anderson")
        assert len(ids) == 1
        (sue,) = ids
        roles = {(r.body, r.role) for r in queries.roles(session, sue)}
        assert ("Corporate Parenting Panel", "reserve") in roles
        record = {r.body: r for r in queries.attendance_record(session, sue)}
        assert record["Council"].present == 2  # 18 May (line 230) and 13 June (line 423)
        assert [d.date for d in queries.declarations(session, sue)] == ["2017-05-18"]  # line 266


def test_deputy_mayor_and_reserve_is_one_person(store: Engine) -> None:
    with Session(store) as session:
        (marikar,) = person_ids(session, "Kairul Kareema Marikar")
        roles = {(r.body, r.role) for r in queries.roles(session, marikar)}
        assert ("Corporate Parenting Panel", "reserve") in roles  # CPP line 37
        assert ("Council", "deputy mayor") in roles  # council line 417 "(The Deputy Mayor)"
        record = {r.body: r for r in queries.attendance_record(session, marikar)}
        assert record["Corporate Parenting Panel"].present == 1  # CPP line 159
        assert record["Council"].present == 1  # council line 417
        (declaration,) = queries.declarations(session, marikar)
        assert declaration.citation.endswith("line 179")
        assert "PALS" in (declaration.interest or "")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sachin Shah", "Mrs Rekha Shah"),  # council lines 439, 438
        ("Graham Henson", "Maxine Henson"),  # lines 440, 441
        ("Chris Mote", "Janet Mote"),  # lines 422, 423
        ("Varsha Parmar", "Ms Mina Parmar"),  # lines 429, 428
        ("Krishna Suresh", "Sasi Suresh"),  # lines 441, 442
        ("Primesh Patel", "Pritesh Patel"),  # lines 430, 431: one letter apart, two councillors
        ("Sue Anderson", "Jeff Anderson"),  # lines 423, 422
    ],
)
def test_people_sharing_a_family_name_stay_apart(store: Engine, first: str, second: str) -> None:
    with Session(store) as session:
        a, b = person_ids(session, first), person_ids(session, second)
        assert len(a) == 1
        assert len(b) == 1
        assert a != b


def test_uncorroborated_spelling_variant_stays_apart_as_a_candidate(engine: Engine) -> None:
    result = packs.partnership()
    # As if the minutes had printed only the name (cf. line 119 "...welcome to Richard Claydon and Rozmin
    # Meghjee"): without the organisation nothing corroborates the one-letter difference from line 36.
    result.minutes[0].present[1].organisation = None
    store_hand_built(engine, "partnership", result)
    with Session(engine) as session:
        (romzin,) = person_ids(session, "Romzin Meghjee")
        (rozmin,) = person_ids(session, "Rozmin Meghjee")
        assert romzin != rozmin
        candidate = session.scalars(select(s.CandidateMatch)).one()
        assert {candidate.person_id, candidate.candidate_id} == {romzin, rozmin}
        assert 0 < candidate.score < 1
        assert "spelling" in candidate.reason
        assert candidate.line == 92


def test_people_listed_side_by_side_are_never_merged_or_proposed(store: Engine) -> None:
    with Session(store) as session:
        (primesh,) = person_ids(session, "Primesh Patel")
        (pritesh,) = person_ids(session, "Pritesh Patel")
        pairs = {frozenset((c.person_id, c.candidate_id)) for c in session.scalars(select(s.CandidateMatch))}
        assert frozenset((primesh, pritesh)) not in pairs  # both in one roster (lines 430-431): known apart


def test_misspelt_name_with_same_organisation_is_one_person(store: Engine) -> None:
    with Session(store) as session:
        # partnership line 36 "Romzin Meghjee ... JobCentre Plus", line 92 "Rozmin Meghjee ... JobCentre Plus"
        romzin, rozmin = person_ids(session, "Romzin Meghjee"), person_ids(session, "Rozmin Meghjee")
        assert romzin == rozmin
        (person,) = queries.people(session, "Rozmin Meghjee")
        assert {"Romzin Meghjee", "Rozmin Meghjee"} <= set(person.aliases)


def test_every_alias_keeps_its_source_and_line(store: Engine) -> None:
    with Session(store) as session:
        rows = session.execute(
            select(s.PersonName.line, s.Source.path)
            .join(s.Source, s.Source.id == s.PersonName.source_id)
            .where(s.PersonName.name == "Kairul Kareema Marikar")
        ).all()
        lines = {(path.rsplit("/", 1)[-1], line) for line, path in rows}
        assert ("corporate-parenting-panel-2017-06-14-agenda.txt", 37) in lines
        assert ("council-2017-09-28-summons.txt", 417) in lines


def test_body_variants_are_one_body(store: Engine) -> None:
    with Session(store) as session:
        names = {
            key: sorted(n for n, in session.execute(
                select(s.OrganizationName.name)
                .join(s.Organization, s.Organization.id == s.OrganizationName.organization_id)
                .where(s.Organization.key == key)
            ))
            for key in ("council", "corporate parenting panel")
        }  # fmt: skip
        assert {"COUNCIL (ANNUAL)", "COUNCIL EXTRAORDINARY", "Council"} <= set(names["council"])
        assert {"Corporate Parenting Panel", "CORPORATE PARENTING PANEL"} <= set(names["corporate parenting panel"])


def test_role_reference_resolves_to_the_post_holder(engine: Engine) -> None:
    result = packs.council()
    result.minutes[0].chair = "Rekha Shah"  # hand-set: the Mayor chairs Council (line 225)
    store_hand_built(engine, "council", result)
    with Session(engine) as session:
        vote = session.scalars(select(s.Vote)).one()
        assert vote.mover == "the Chair"
        mayor = session.get(s.Person, vote.mover_id)
        assert mayor is not None
        assert mayor.name == "Rekha Shah"
        assert mayor.honorific_prefix == "Mrs"


def test_party_group_office_is_not_a_council_post(store: Engine) -> None:
    with Session(store) as session:
        (leader,) = person_ids(session, "Thaya Idaikkadar")
        roles = {(r.body, r.role) for r in queries.roles(session, leader)}
        # partnership line 15: "Leader of the Council, Property and Major Contracts Portfolio Holder"
        assert ("Council", "leader") in roles
        assert ("Council", "portfolio holder") in roles
        assert ("Harrow Partnership Board", "chair") in roles  # line 89 "(Chairman)"


def test_leader_and_portfolio_holder_references_resolve_to_the_post_holder(engine: Engine) -> None:
    result = packs.partnership()
    # Hypothetical mentions (the minutes print none): who moved and seconded, by office. The offices come from
    # line 89 "Leader of the Council, Property and Major Contracts Portfolio Holder".
    result.minutes[0].items = [
        MinuteItem("102", "Attendance by Substitute Members:", 123, end_line=131, votes=[
            Vote(mover="the Leader of the Council", seconder="the Portfolio Holder for Property and Major Contracts",
                 line=127)
        ])
    ]  # fmt: skip
    store_hand_built(engine, "partnership", result)
    with Session(engine) as session:
        vote = session.scalars(select(s.Vote)).one()
        (leader,) = person_ids(session, "Thaya Idaikkadar")
        assert vote.mover_id == leader
        assert vote.seconder_id == leader
