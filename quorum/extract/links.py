"""Recommendation → resolution links between reports and the minutes that decided them.

A report is linked to a minute of the same pack when the minutes are of the
meeting the report was written for (same date where both are known, or the
report's body named in the minutes' body) and the minute's title shares most
of its words with the report's subject. The outcome is read from the
resolution's verb and wording: recommended on to another body, agreed,
amended, deferred or noted. When the minute recommends on (Panel → Cabinet →
Council), the onward step is the report in the same pack to that body on the
same subject, when there is one, so the chain can be followed.
"""

from __future__ import annotations

import re

from quorum.model import MinuteItem, Minutes, RecommendationLink, Report

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
