"""Decision chains in the store: the Council summons' Panel → Cabinet → Council routes, stored and read back.

Expectations are read from samples/harrow/council-2017-09-28-summons.txt:

* the summons (line 3, Council, Thursday 28 September 2017) lists items 8-12 as
  another body's recommendation, "Recommendation I: Cabinet (13 July 2017)" and
  so on (lines 82-105), and item 13 (line 107) takes a Health and Wellbeing
  Board recommendation;
* Cabinet's record of decisions of 13 July 2017 is printed twice: minute 576
  (lines 1166-1200; "Resolved to RECOMMEND: (to Council)" on line 1198, its text
  on line 1200) and minute 575 (lines 1862-1896; line 1894, text on line 1896),
  whose resolution on line 1898 says "as recommended by the Corporate Parenting
  Panel on 14 June 2017";
* Cabinet of 14 September 2017 minute 591 (lines 1920-1954), the Pension Fund
  Committee of 28 June 2017 minute 208 (lines 1986-2016) and the Health and
  Wellbeing Board of 20 July 2017 minute 217 (lines 2326-2361) each recommend
  to Council.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quorum.model import Access, DecisionStep
from quorum.store import schema as s
from quorum.store.db import make_engine
from quorum.store.decision_steps import chain_of_step, chains_of_decision, chains_of_meeting, write_decision_steps
from quorum.store.ingest import ingest_paths, store_result
from quorum.store.prepare import prepare
from tests.conftest import sample_path, sample_result, sample_text


def store_sample(engine: Engine, name: str, result: object = None) -> int:
    """Store a sample's real parse (or ``result``, a changed copy of it); return the source id."""
    parsed = result if result is not None else sample_result(name)
    return store_result(engine, prepare(parsed, sample_text(name)), str(sample_path(name)))  # type: ignore[arg-type]


def steps_of(session: Session) -> list[s.DecisionStep]:
    """Every stored step in chain order."""
    return list(
        session.scalars(
            select(s.DecisionStep).order_by(s.DecisionStep.source_id, s.DecisionStep.chain, s.DecisionStep.position)
        )
    )


def test_council_summons_routes_are_stored_with_their_rows(engine: Engine) -> None:
    source_id = store_sample(engine, "council")
    with Session(engine) as session:
        steps = steps_of(session)
        council = session.scalars(select(s.Meeting).where(s.Meeting.key == "council|2017-09-28")).one()
        cabinet = session.scalars(select(s.Meeting).where(s.Meeting.date == "2017-07-13")).one()
        # Items 8-13 of the Council agenda (lines 82, 87, 92, 97, 102, 107) are each the end of one route.
        pending = {step.agenda_item: step for step in steps if step.outcome == "pending"}
        assert sorted(pending, key=int) == ["8", "9", "10", "11", "12", "13"]
        assert {step.meeting_id for step in pending.values()} == {council.id}
        assert [pending[n].start_line for n in ("8", "9", "10", "11", "12", "13")] == [82, 87, 92, 97, 102, 107]
        for number, step in pending.items():
            item = session.get(s.AgendaItem, step.agenda_item_id)
            assert item is not None and item.number == number and item.meeting_id == council.id

        # Minute 575 of Cabinet, 13 July 2017: recommended to Council (line 1894), after the Panel (line 1898).
        (cabinet_575,) = [step for step in steps if step.item == "575"]
        assert (cabinet_575.body, cabinet_575.date, cabinet_575.outcome) == ("CABINET", "2017-07-13", "recommended")
        assert cabinet_575.recommended_to == "Council"
        assert cabinet_575.meeting_id == cabinet.id
        assert (cabinet_575.start_line, cabinet_575.end_line) == (1894, 1896)
        assert cabinet_575.verbatim is not None and cabinet_575.verbatim.startswith(
            "Resolved to RECOMMEND: (to Council)"
        )
        assert cabinet_575.text == "That the Corporate Parenting Strategy 2017 – 2019 be approved."  # line 1896
        minute = session.get(s.MinuteItem, cabinet_575.minute_item_id)
        assert minute is not None and (minute.number, minute.start_line, minute.meeting_id) == ("575", 1892, cabinet.id)
        resolution = session.get(s.Resolution, cabinet_575.resolution_id)
        assert resolution is not None and resolution.minute_item_id == minute.id and resolution.start_line == 1894

        chain = [step for step in steps if step.chain == cabinet_575.chain]
        assert [(step.body, step.date, step.item or step.agenda_item) for step in chain] == [
            ("Corporate Parenting Panel", "2017-06-14", None),  # line 1898: a mention, no minute of its own
            ("CABINET", "2017-07-13", "575"),
            ("Council", "2017-09-28", "9"),
        ]
        assert chain[0].start_line == 1898 and chain[0].meeting_id is None  # the Panel's meeting is not in this pack

        # Minute 576 (line 1198, text line 1200) goes to item 8 (line 82).
        (cabinet_576,) = [step for step in steps if step.item == "576"]
        assert (cabinet_576.start_line, cabinet_576.end_line) == (1198, 1200)
        route = [step for step in steps if step.chain == cabinet_576.chain]
        assert [step.agenda_item for step in route] == [None, "8"]

        recommenders = {step.item: (step.body, step.date) for step in steps if step.item}
        assert recommenders == {
            "576": ("CABINET", "2017-07-13"),
            "575": ("CABINET", "2017-07-13"),
            "591": ("CABINET", "2017-09-14"),  # line 1950, resolution line 1952
            "208": ("PENSION FUND COMMITTEE", "2017-06-28"),  # resolution line 2014
            "217": ("HEALTH AND WELLBEING BOARD", "2017-07-20"),  # minute line 2350, resolution line 2356
        }
        assert all(step.source_id == source_id for step in steps)


def test_the_chain_of_a_decision_and_of_a_meeting(engine: Engine) -> None:
    store_sample(engine, "council")
    store_sample(engine, "corporate_parenting")  # the Panel's own pack, stored after the summons that cites it
    with Session(engine) as session:
        resolution_id = session.scalars(
            select(s.Resolution.id).where(
                s.Resolution.start_line == 1894, s.Resolution.text.like("That the Corporate%")
            )
        ).one()
        (chain,) = chains_of_decision(session, resolution_id)
        assert [(step.body, step.outcome) for step in chain] == [
            ("Corporate Parenting Panel", "recommended"),
            ("CABINET", "recommended"),
            ("Council", "pending"),
        ]
        assert chain_of_step(session, chain[2].id) == chain
        # The Panel of 14 June 2017 (corporate parenting pack, lines 3 and 7) finds the route by its body and date.
        panel = session.scalars(select(s.Meeting).where(s.Meeting.date == "2017-06-14")).one()
        assert [[step.id for step in found] for found in chains_of_meeting(session, panel)] == [
            [step.id for step in chain]
        ]
        council = session.scalars(select(s.Meeting).where(s.Meeting.key == "council|2017-09-28")).one()
        assert len(chains_of_meeting(session, council)) == 6  # items 8-13
        assert chains_of_decision(session, 10**9) == []


def test_replacing_a_source_replaces_its_steps(engine: Engine) -> None:
    store_sample(engine, "council")
    with Session(engine) as session:
        first = len(steps_of(session))
    changed = copy.deepcopy(sample_result("council"))
    changed.source.sha256 = "2" * 64
    dropped = {step.chain for step in changed.decision_steps if step.item == "575"}
    changed.decision_steps = [step for step in changed.decision_steps if step.chain not in dropped]
    store_sample(engine, "council", changed)
    with Session(engine) as session:
        steps = steps_of(session)
        assert len(steps) == first - 3  # the Panel, Cabinet 575 and Council item 9
        assert not [step for step in steps if step.item == "575" or step.agenda_item == "9"]
        assert session.scalar(select(func.count()).select_from(s.Source)) == 1
    store_sample(engine, "council")
    with Session(engine) as session:
        assert len(steps_of(session)) == first


def test_reingesting_changes_no_step(engine: Engine) -> None:
    path = sample_path("council")
    assert ingest_paths(engine, [path], workers=1).added
    with Session(engine) as session:
        before = [(step.id, step.chain, step.position, step.start_line) for step in steps_of(session)]
    report = ingest_paths(engine, [path], workers=1)
    assert report.unchanged == [str(path.resolve())]
    with Session(engine) as session:
        assert [(step.id, step.chain, step.position, step.start_line) for step in steps_of(session)] == before
    forced = ingest_paths(engine, [path], workers=1, force=True)  # parsed and written again: replaced, not added
    assert forced.replaced == [str(path.resolve())]
    with Session(engine) as session:
        assert [(step.chain, step.position, step.start_line) for step in steps_of(session)] == [
            (chain, position, line) for _, chain, position, line in before
        ]


def test_a_step_in_exempt_minutes_is_never_stored(engine: Engine) -> None:
    result = copy.deepcopy(sample_result("council"))
    cabinet = next(minutes for minutes in result.minutes if any(item.number == "576" for item in minutes.items))
    for item in cabinet.items:
        item.access = Access.EXEMPT  # as if minute 576 (lines 1196-1208) were Part II
    store_sample(engine, "council", result)
    with Session(engine) as session:
        steps = steps_of(session)
        assert steps
        assert not [step for step in steps if step.item == "576"]
        assert not [step for step in steps if 1196 <= step.start_line <= 1208]
        assert not [step for step in steps if "Community Safety, Violence" in (step.text or step.verbatim or "")]
        # The Council's own agenda item 8 (line 82) is public: its step stays.
        assert [step.start_line for step in steps if step.agenda_item == "8"] == [82]


_LINES = len(sample_path("council").read_text(encoding="utf-8").split("\n"))
_INDEX = st.one_of(st.none(), st.integers(-2, 12))
_STEP = st.builds(
    DecisionStep,
    chain=st.integers(0, 5),
    order=st.integers(0, 4),
    body=st.sampled_from(["CABINET", "Council", "Corporate Parenting Panel", "", "Nobody (1 April 2099)"]),
    line=st.integers(1, _LINES),
    outcome=st.sampled_from(["recommended", "decided", "pending"]),
    date=st.one_of(st.none(), st.sampled_from(["2017-07-13", "2017-09-28", "1999-01-01"])),
    minutes=_INDEX,
    item=st.one_of(st.none(), st.sampled_from(["575", "576", "591", "20", "x"])),
    report=_INDEX,
    meeting=_INDEX,
    agenda_item=st.one_of(st.none(), st.sampled_from(["8", "9", "20", "99"])),
)


@pytest.fixture(scope="module")
def council_store(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Engine]:
    """A SQLite store holding the council summons, shared by the generated examples (each rolls back)."""
    target = tmp_path_factory.mktemp("steps") / "quorum.db"
    shutil.copy(sqlite_template, target)
    engine = make_engine(f"sqlite:///{target}")
    store_sample(engine, "council")
    yield engine
    engine.dispose()


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(_STEP, max_size=12))
def test_any_steps_are_stored_inside_the_file_and_never_exempt(
    council_store: Engine, steps: list[DecisionStep]
) -> None:
    """Whatever indexes and lines the steps carry (out of range too), writing never fails and spans stay public."""
    prepared = prepare(copy.deepcopy(sample_result("council")), sample_text("council"))
    prepared.result.decision_steps = steps
    with Session(council_store) as session:
        source_id = session.scalars(select(s.Source.id)).one()
        stored = write_decision_steps(session, source_id, prepared)
        rows = steps_of(session)
        assert stored == len(rows) <= len(steps)
        for row in rows:
            assert 1 <= row.start_line <= row.end_line <= _LINES
            assert not prepared.is_exempt(row.start_line, row.end_line)  # item 20 (line 205) is Part II
            assert row.verbatim == prepared.verbatim(row.start_line, row.end_line)
            minute = session.get(s.MinuteItem, row.minute_item_id) if row.minute_item_id else None
            assert minute is None or (minute.number, minute.access) == (row.item, "public")
            item = session.get(s.AgendaItem, row.agenda_item_id) if row.agenda_item_id else None
            assert item is None or (item.number, item.access) == (row.agenda_item, "public")
        session.rollback()
