"""Recommendation → resolution links between reports and the minutes that decided them.

A report is linked to a minute of the same pack when the minutes are of the
meeting the report was written for (same date where both are known, or the
report's body named in the minutes' body) and the minute's title shares most
of its words with the report's subject. The outcome is read from the
resolution's verb and wording: recommended on to another body, agreed,
amended, deferred or noted. When the minute recommends on (Panel → Cabinet →
Council), the onward step is the agenda item of the receiving meeting in the
same pack (and its report to that body, when there is one), so the chain can be
followed.

:func:`trace_decisions` builds those chains as :class:`DecisionStep` records:
an earlier body named in a resolution ("as recommended by the Corporate
Parenting Panel on 14 June 2017"), the minute that recommends on ("Resolved to
RECOMMEND: (to Council)", with the report that went to that body when the pack
holds it), and the receiving meeting's agenda item ("Recommendation I: Cabinet
(13 July 2017)") with its report. An agenda item that announces a
recommendation whose minutes are not in the pack still gets a two-step chain.
"""

from __future__ import annotations

import re

from quorum.extract.report_values import parse_date
from quorum.model import (
    AgendaItem,
    DecisionStep,
    Document,
    Meeting,
    MinuteItem,
    Minutes,
    RecommendationLink,
    Report,
    Resolution,
)

_STOP = {
    "the", "of", "and", "for", "to", "in", "on", "a", "an", "report", "information", "update", "with", "by",
    "from", "at", "be", "is", "as", "or", "-", "–",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str | None) -> set[str]:
    """Return the significant lower-case words of ``text``."""
    return {w for w in _WORD.findall((text or "").lower()) if w not in _STOP and len(w) > 1}


def _similarity(a: str | None, b: str | None) -> float:
    """Share of the smaller word set found in the other (0..1)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def outcome_of(item: MinuteItem) -> tuple[str, str | None, int | None]:
    """Classify what a minute decided: (outcome, body recommended to, line of the resolution)."""
    for resolution in item.resolutions:
        verb = (resolution.verb or "").upper()
        text = resolution.text.lower()
        if resolution.recommended_to or "RECOMMEND" in verb:
            return "recommended", resolution.recommended_to, resolution.line
        if re.search(r"\bdefer", text):
            return "deferred", None, resolution.line
        if re.search(r"\bamend", text) and re.search(r"\bsubject to\b|\bamended\b", text):
            return "amended", None, resolution.line
        if re.search(r"\bnoted?\b", text) and not re.search(r"\bagree|\bapprov|\badopt", text):
            return "noted", None, resolution.line
        return "agreed", None, resolution.line
    text = (item.text or "").lower()
    if re.search(r"\bnoted\b", text):
        return "noted", None, item.line
    return "agreed", None, item.line


def _same_meeting(report: Report, minutes: Minutes) -> bool:
    """True when ``minutes`` record the meeting ``report`` was written for."""
    if report.meeting_date and minutes.date:
        return report.meeting_date == minutes.date
    if report.report_for and minutes.body:
        return _similarity(report.report_for, minutes.body) >= 0.5
    return False


def link_recommendations(reports: list[Report], minutes: list[Minutes]) -> list[RecommendationLink]:
    """Return links from each report's recommendations to the minutes that decided them.

    Takes the reports and minutes of one pack; returns one link per report
    whose decision is minuted in the pack, with the minute number, the outcome
    (agreed | amended | deferred | noted | recommended), the body recommended
    to and the line of the resolution.
    """
    links: list[RecommendationLink] = []
    for r_index, report in enumerate(reports):
        if not report.subject:
            continue
        best: tuple[float, int, MinuteItem] | None = None
        for m_index, record in enumerate(minutes):
            if not _same_meeting(report, record):
                continue
            for item in record.items:
                score = _similarity(report.subject, item.title)
                if score >= 0.6 and (best is None or score > best[0]):
                    best = (score, m_index, item)
        if best is None:
            continue
        _, m_index, item = best
        outcome, recommended_to, line = outcome_of(item)
        links.append(
            RecommendationLink(
                report=r_index,
                minutes=m_index,
                item=item.number,
                outcome=outcome,
                recommended_to=recommended_to,
                line=line,
            )
        )
    return links


# ------------------------------------------------------------- chains ---

#: "as recommended by the Corporate Parenting Panel on 14 June 2017" inside a resolution.
_RECOMMENDED_BY = re.compile(
    r"\bas\s+recommended\s+by\s+(?:the\s+)?(?P<body>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|and|of|for|&))*)"
    r"(?:\s+(?:on|at\s+its\s+meeting\s+(?:on|of))\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}))?"
)
#: An agenda item announcing another body's recommendation: "Recommendation I: Cabinet (13 July 2017)".
_AGENDA_RECOMMENDATION = re.compile(
    r"^\s*(?:Recommendations?(?:\s+[IVX\d]+)?|Reference)\s*(?:from\s+(?:the\s+)?)?[:\-–]?\s*"
    r"(?P<body>[A-Z][^()\n:]*?)\s*\((?P<date>[^()]*\d{4})\)",
)


def _link_key(link: RecommendationLink) -> tuple[int, str]:
    return link.minutes, link.item


def _recommending(item: MinuteItem) -> Resolution | None:
    """Return the resolution by which a minute recommends on to another body, if it does."""
    for resolution in item.resolutions:
        if resolution.recommended_to or "RECOMMEND" in (resolution.verb or "").upper():
            return resolution
    return None


def _meeting_item(meetings: list[Meeting], number: str | None) -> tuple[int, AgendaItem] | None:
    """Return (meeting index, agenda item) for an agenda item number of the pack's meetings."""
    if number is None:
        return None
    for m_index, meeting in enumerate(meetings):
        for agenda_item in meeting.agenda:
            if agenda_item.number == number:
                return m_index, agenda_item
    return None


def _receiving(
    record: Minutes,
    item: MinuteItem,
    recommended_to: str | None,
    documents: list[Document],
    meetings: list[Meeting],
) -> tuple[int, AgendaItem] | None:
    """Find the agenda item of this pack's meeting that takes a minute's recommendation on.

    The minutes sit in the documents of that agenda item (a Council summons
    reprints the Cabinet's record of decisions under the item), or, failing
    that, an agenda item of the receiving body shares the minute's title.
    """
    if record.document is not None and 0 <= record.document < len(documents):
        found = _meeting_item(meetings, documents[record.document].agenda_item)
        if found is not None:
            meeting = meetings[found[0]]
            if recommended_to is None or _similarity(recommended_to, meeting.body) >= 0.5:
                return found
    best: tuple[float, int, AgendaItem] | None = None
    for m_index, meeting in enumerate(meetings):
        if recommended_to is not None and _similarity(recommended_to, meeting.body) < 0.5:
            continue
        if record.date and meeting.date and meeting.date < record.date:
            continue
        for agenda_item in meeting.agenda:
            score = _similarity(item.title, agenda_item.title)
            if score >= 0.6 and (best is None or score > best[0]):
                best = (score, m_index, agenda_item)
    return (best[1], best[2]) if best else None


def _report_to(reports: list[Report], agenda_item: str, body: str | None, exclude: int | None) -> int | None:
    """Return the index of the report under ``agenda_item`` written for ``body`` (not ``exclude``)."""
    for index, report in enumerate(reports):
        if index == exclude or report.agenda_item != agenda_item:
            continue
        if body is None or report.report_for is None or _similarity(report.report_for, body) >= 0.5:
            return index
    return None


def _earlier_steps(item: MinuteItem, chain: int, body: str | None) -> list[DecisionStep]:
    """Steps for earlier bodies named in a minute's resolutions ("as recommended by the Panel on ...")."""
    steps: list[DecisionStep] = []
    for resolution in item.resolutions:
        for match in _RECOMMENDED_BY.finditer(resolution.text):
            date, date_raw = parse_date(match.group("date") or "")
            steps.append(
                DecisionStep(
                    chain=chain,
                    order=len(steps),
                    body=match.group("body"),
                    line=resolution.line,
                    outcome="recommended",
                    date=date,
                    date_raw=date_raw,
                    recommended_to=body,
                )
            )
    return steps


def _receiving_step(
    chain: int,
    order: int,
    meetings: list[Meeting],
    found: tuple[int, AgendaItem],
    report: int | None,
) -> DecisionStep:
    """The step of this pack's meeting: the recommendation is on its agenda, not yet decided."""
    m_index, agenda_item = found
    meeting = meetings[m_index]
    return DecisionStep(
        chain=chain,
        order=order,
        body=meeting.body or agenda_item.title,
        line=agenda_item.line,
        outcome="pending",
        date=meeting.date,
        date_raw=meeting.date_raw,
        meeting=m_index,
        agenda_item=agenda_item.number,
        report=report,
    )


def trace_decisions(
    reports: list[Report],
    minutes: list[Minutes],
    documents: list[Document] | None = None,
    meetings: list[Meeting] | None = None,
) -> tuple[list[RecommendationLink], list[DecisionStep]]:
    """Return the report → minute links and the decision chains between bodies in one pack.

    Takes the pack's reports, minutes, documents and meetings (front sheets with
    agendas). Returns the links of :func:`link_recommendations`, each annotated
    with the receiving agenda item, the report to the receiving body and its
    chain, and the chains as DecisionStep records (grouped by ``chain``, ordered
    by ``order``): earlier bodies named in the resolutions, the recommending
    minute (with the report to that body) and the receiving agenda item.
    """
    documents = documents or []
    meetings = meetings or []
    links = link_recommendations(reports, minutes)
    by_minute = {_link_key(link): link for link in links}
    steps: list[DecisionStep] = []
    taken: set[tuple[int, str]] = set()  # (meeting, agenda item) already in a chain
    chain = 0
    for m_index, record in enumerate(minutes):
        for item in record.items:
            resolution = _recommending(item)
            if resolution is None:
                continue
            link = by_minute.get((m_index, item.number))
            recommended_to = resolution.recommended_to
            chain_steps = _earlier_steps(item, chain, record.body)
            chain_steps.append(
                DecisionStep(
                    chain=chain,
                    order=len(chain_steps),
                    body=record.body or item.title,
                    line=resolution.line,
                    outcome="recommended",
                    date=record.date,
                    date_raw=record.date_raw,
                    minutes=m_index,
                    item=item.number,
                    report=link.report if link else None,
                    recommended_to=recommended_to,
                    text=resolution.text,
                )
            )
            found = _receiving(record, item, recommended_to, documents, meetings)
            if found is not None:
                next_report = _report_to(
                    reports, found[1].number, meetings[found[0]].body, link.report if link else None
                )
                chain_steps.append(_receiving_step(chain, len(chain_steps), meetings, found, next_report))
                taken.add((found[0], found[1].number))
                if link is not None:
                    link.agenda_item, link.next_report = found[1].number, next_report
            if link is not None:
                link.chain = chain
            steps.extend(chain_steps)
            chain += 1
    for m_index, meeting in enumerate(meetings):
        for agenda_item in meeting.agenda:
            if (m_index, agenda_item.number) in taken:
                continue
            match = _AGENDA_RECOMMENDATION.match(agenda_item.description or "")
            if match is None:
                continue
            date, date_raw = parse_date(match.group("date"))
            steps.append(
                DecisionStep(
                    chain=chain,
                    order=0,
                    body=match.group("body"),
                    line=agenda_item.line,
                    outcome="recommended",
                    date=date,
                    date_raw=date_raw,
                    recommended_to=meeting.body,
                )
            )
            report = _report_to(reports, agenda_item.number, meeting.body, None)
            steps.append(_receiving_step(chain, 1, meetings, (m_index, agenda_item), report))
            chain += 1
    return links, steps
