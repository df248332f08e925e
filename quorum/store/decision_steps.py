"""Decision chains in the store: write a source's DecisionStep records, read the chain of a decision.

The parser traces how a decision travels between bodies (a Panel recommends to
Cabinet, Cabinet recommends to Council, Council has it on its agenda) as
:class:`quorum.model.DecisionStep` records. :func:`write_decision_steps` stores
them with provenance, linked to the rows of the same source that evidence each
step (meeting, agenda item, minute, resolution, report): those rows are found
by the lines they were read from, so this module needs nothing from the
writer's internals and runs after the writer has stored the source's facts.

The read side returns rows; what is public is decided in
:mod:`quorum.serve.queries` as for every other fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from quorum import model as m
from quorum.model import Access
from quorum.resolve.bodies import body_key
from quorum.store import schema as s
from quorum.store.prepare import Prepared

#: Chains looked up per query.
_BATCH = 200


class _Rows:
    """The stored rows of one source that decision steps link to, keyed by what the parse result knows."""

    def __init__(self, session: Session, source_id: int) -> None:
        self.records: dict[tuple[str, int], int] = {
            (kind, line): meeting_id
            for kind, line, meeting_id in session.execute(
                select(s.MeetingRecord.kind, s.MeetingRecord.start_line, s.MeetingRecord.meeting_id).where(
                    s.MeetingRecord.source_id == source_id
                )
            )
        }
        self.agenda: dict[tuple[int, str], tuple[int, str, int, int]] = {
            (meeting_id, number): (row_id, access, start, end)
            for row_id, meeting_id, number, access, start, end in session.execute(
                select(
                    s.AgendaItem.id,
                    s.AgendaItem.meeting_id,
                    s.AgendaItem.number,
                    s.AgendaItem.access,
                    s.AgendaItem.start_line,
                    s.AgendaItem.end_line,
                ).where(s.AgendaItem.source_id == source_id)
            )
        }
        self.minutes: dict[tuple[int, str], tuple[int, str]] = {
            (line, number): (row_id, access)
            for row_id, line, number, access in session.execute(
                select(s.MinuteItem.id, s.MinuteItem.start_line, s.MinuteItem.number, s.MinuteItem.access).where(
                    s.MinuteItem.source_id == source_id
                )
            )
        }
        self.resolutions: dict[tuple[int, int], tuple[int, int]] = {
            (minute_item_id, start): (row_id, end)
            for row_id, minute_item_id, start, end in session.execute(
                select(
                    s.Resolution.id, s.Resolution.minute_item_id, s.Resolution.start_line, s.Resolution.end_line
                ).where(s.Resolution.source_id == source_id)
            )
        }
        self.reports: dict[int, int] = dict(
            session.execute(select(s.Report.position, s.Report.id).where(s.Report.source_id == source_id)).all()
        )


def _minute_item(result: m.ParseResult, step: m.DecisionStep) -> m.MinuteItem | None:
    """The parsed minute a step cites (its minutes index and minute number), if any."""
    if step.minutes is None or step.item is None or not 0 <= step.minutes < len(result.minutes):
        return None
    return next((item for item in result.minutes[step.minutes].items if item.number == step.item), None)


def _step_row(
    step: m.DecisionStep, result: m.ParseResult, rows: _Rows, prepared: Prepared, source_id: int
) -> dict[str, Any] | None:
    """The row of one step with its links and provenance, or None when the step lies in exempt content."""
    start = end = step.line
    meeting_id = agenda_item_id = minute_item_id = resolution_id = None
    if step.minutes is not None and 0 <= step.minutes < len(result.minutes):
        meeting_id = rows.records.get(("minutes", result.minutes[step.minutes].span.start_line))
    item = _minute_item(result, step)
    if item is not None:
        found = rows.minutes.get((item.line, item.number))
        if found is not None and found[1] != str(Access.PUBLIC):
            return None
        if found is not None:
            minute_item_id = found[0]
            resolution = rows.resolutions.get((minute_item_id, step.line))
            if resolution is not None:
                resolution_id, end = resolution[0], max(step.line, resolution[1])
    if step.meeting is not None and 0 <= step.meeting < len(result.meetings):
        meeting_id = rows.records.get(("agenda", result.meetings[step.meeting].span.start_line))
        agenda = rows.agenda.get((meeting_id, step.agenda_item)) if meeting_id and step.agenda_item else None
        if agenda is not None:
            if agenda[1] != str(Access.PUBLIC):
                return None
            agenda_item_id = agenda[0]
            if agenda[2] == step.line:
                end = max(step.line, agenda[3])
    if prepared.is_exempt(start, end):
        return None
    return {
        "source_id": source_id,
        "page": None,
        "start_line": start,
        "end_line": end,
        "verbatim": prepared.verbatim(start, end),
        "chain": step.chain,
        "position": step.order,
        "body": step.body,
        "outcome": step.outcome,
        "date": step.date,
        "date_raw": step.date_raw,
        "item": step.item,
        "agenda_item": step.agenda_item,
        "recommended_to": step.recommended_to,
        "text": step.text,
        "meeting_id": meeting_id,
        "agenda_item_id": agenda_item_id,
        "minute_item_id": minute_item_id,
        "resolution_id": resolution_id,
        "report_id": rows.reports.get(step.report) if step.report is not None else None,
    }


def write_decision_steps(session: Session, source_id: int, prepared: Prepared) -> int:
    """Store the decision steps of a prepared source, replacing any it had; return how many were stored.

    Call after the source's meetings, agenda items, minutes, resolutions and
    reports are in the session's transaction (the steps link to them by the
    lines they were read from). Steps inside exempt (Part II) content are not
    stored. One Core executemany, no ORM object per row.
    """
    table = s.DecisionStep.__table__
    session.execute(delete(s.DecisionStep).where(s.DecisionStep.source_id == source_id))
    result = prepared.result
    if not result.decision_steps:
        return 0
    rows = _Rows(session, source_id)
    values = [
        row for step in result.decision_steps if (row := _step_row(step, result, rows, prepared, source_id)) is not None
    ]
    if values:
        session.execute(table.insert(), values)
    return len(values)


# ------------------------------------------------------------------ reading ---


def meeting_key(body: str, date: str | None) -> str | None:
    """The natural key of the meeting of ``body`` (as printed) on ``date`` (as the writer keys meetings), or None."""
    return f"{body_key(body)}|{date}" if date else None


def chains(session: Session, keys: Iterable[tuple[int, int]]) -> list[list[s.DecisionStep]]:
    """Return the chains named by (source id, chain) pairs, each as its steps in order; chains in the given order."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return []
    grouped: dict[tuple[int, int], list[s.DecisionStep]] = {key: [] for key in wanted}
    pair = tuple_(s.DecisionStep.source_id, s.DecisionStep.chain)
    for start in range(0, len(wanted), _BATCH):
        stmt = select(s.DecisionStep).where(pair.in_(wanted[start : start + _BATCH]))
        for row in session.scalars(stmt.order_by(s.DecisionStep.position, s.DecisionStep.id)):
            grouped[(row.source_id, row.chain)].append(row)
    return [grouped[key] for key in wanted if grouped[key]]


def chain_of_step(session: Session, step_id: int) -> list[s.DecisionStep]:
    """Return every step of the chain a step belongs to, in order (empty when there is no such step)."""
    step = session.get(s.DecisionStep, step_id)
    if step is None:
        return []
    found = chains(session, [(step.source_id, step.chain)])
    return found[0] if found else []


def chains_of_decision(session: Session, resolution_id: int) -> list[list[s.DecisionStep]]:
    """Return the chains a decision (a stored resolution) is a step of: usually one, none when it went nowhere."""
    keys = session.execute(
        select(s.DecisionStep.source_id, s.DecisionStep.chain)
        .where(s.DecisionStep.resolution_id == resolution_id)
        .order_by(s.DecisionStep.id)
    ).all()
    return chains(session, [(sid, chain) for sid, chain in keys])


def chains_of_meeting(session: Session, meeting: s.Meeting) -> list[list[s.DecisionStep]]:
    """Return the chains with a step at ``meeting``, in the order of those steps' ids.

    A step is at the meeting when it links to it, or when it links to no
    meeting but names the meeting's body and date (a body that only mentions
    another's earlier recommendation: "as recommended by the Panel on 14 June 2017").
    """
    columns = (s.DecisionStep.id, s.DecisionStep.source_id, s.DecisionStep.chain)
    keys: list[tuple[int, int, int]] = [
        (step_id, source_id, chain)
        for step_id, source_id, chain in session.execute(
            select(*columns).where(s.DecisionStep.meeting_id == meeting.id)
        )
    ]
    if meeting.date:
        named = select(*columns, s.DecisionStep.body).where(
            s.DecisionStep.meeting_id.is_(None), s.DecisionStep.date == meeting.date
        )
        keys += [
            (step_id, source_id, chain)
            for step_id, source_id, chain, body in session.execute(named)
            if meeting_key(body, meeting.date) == meeting.key
        ]
    keys.sort()
    return chains(session, [(source_id, chain) for _, source_id, chain in keys])


def meetings_by_key(session: Session, steps: Sequence[s.DecisionStep]) -> dict[str, int]:
    """Return the ids of the stored meetings named by the body and date of steps that link to no meeting."""
    keys = {key for step in steps if step.meeting_id is None and (key := meeting_key(step.body, step.date))}
    if not keys:
        return {}
    return dict(session.execute(select(s.Meeting.key, s.Meeting.id).where(s.Meeting.key.in_(keys))).all())
