"""Minutes: attendance, declarations, numbered minutes, resolutions and votes.

:func:`extract_minutes` reads every set of minutes in a pack. Sets come from
the segmenter's ``minutes`` documents when there are any, and from
:func:`~quorum.extract.minutes_spans.find_minutes_spans` for whatever they do
not cover (so minutes are found before, and beside, segmentation). Each set is
read in four passes over its lines:

1. the numbered minute headings (:mod:`quorum.extract.minutes_items`), which
   also bound the attendance block at the head of the set;
2. the attendance block (:mod:`quorum.extract.minutes_attendance`), plus the
   apologies and reserves that "Apologies" / "Attendance by Reserve Members"
   minutes record;
3. resolutions and votes under each minute (:mod:`quorum.extract.minutes_votes`);
4. declarations of interest (:mod:`quorum.extract.minutes_declarations`) and
   the opening and closing times.

Role references are resolved only where the text makes them certain: a set
that elects its Mayor or Chair ("RESOLVED: That Councillor Margaret Davine be
elected Mayor ...") is chaired by that person from then on, so ``chair`` names them.
"""

from __future__ import annotations

import dataclasses
import re

from quorum.extract.minutes_attendance import Attendance, read_attendance
from quorum.extract.minutes_declarations import read_declarations
from quorum.extract.minutes_items import ItemHeading, find_item_headings, read_resolutions
from quorum.extract.minutes_people import reserves_in_sentence
from quorum.extract.minutes_spans import MinutesSpan, clean_body, find_minutes_spans, is_closing_line, meeting_type
from quorum.extract.minutes_speakers import speakers_in_text
from quorum.extract.minutes_votes import read_votes
from quorum.extract.names import parse_person, split_name_list
from quorum.extract.paragraphs import paragraphs
from quorum.model import Attendee, Document, DocumentKind, MinuteItem, Minutes, NormalisedText
from quorum.normalise.dates import find_times, parse_time

__all__ = ["extract_minutes", "find_minutes_spans", "minutes_spans_for"]

_ELECTION_TITLE_RE = re.compile(
    r"\b(?:election|appointment|electing|appoint)\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?(?P<role>mayor|chair(?:man|person)?)\b"
    r"|^(?P<role2>mayor|chair(?:man|person)?)\s*$",
    re.I,
)
_ELECTED_RE = re.compile(
    r"\bThat\s+(?P<who>(?:Councillor|Cllr)\.?\s+[^,;]+?)\s+be\s+(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?"
    r"(?P<role>Deputy\s+Mayor|Vice[- ]Chair(?:man|person)?|Mayor|Chair(?:man|person)?)\b",
)
_APOLOGY_TITLE_RE = re.compile(r"\bapolog", re.I)
_RESERVE_TITLE_RE = re.compile(r"\b(?:reserve|substitut)", re.I)
_APOLOGY_SENTENCE_RE = re.compile(
    r"\bapolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?\s+(?:(?:was|were|had\s+been|have\s+been)\s+"
    r"(?:received|submitted|given|tendered|made|noted|sent|reported)\s+(?:from|on\s+behalf\s+of|by)"
    r"|from)\s+(?:(?:the\s+following\s+)?(?:members|councillors)\s*:?\s*)?(?P<who>(?:[^.]|\.(?=\s*(?-i:[a-z,])))+)",
    re.I,
)
_COMMENCED_RE = re.compile(
    r"\b(?:commenced|started|began|opened|convened|start(?:ed)?)\s+at\s+|time\s+of\s+commencement\s*:?\s*", re.I
)
#: A line that is only the meeting's times: "(19:15 TO 19:25 AND 20:25 TO 20:27)", "7.00 pm - 9.12 pm".
_TIME_RANGE_LINE_RE = re.compile(
    r"^\(?\s*(?:time\s*:?\s*)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:to|until|[-–—])\s*"
    r"[\d.:apm\s\-–—,&]*(?:(?:and|to)\s+[\d.:apm\s\-–—,&]*)*\)?$",
    re.I,
)
_CLOSED_AT_RE = re.compile(r"\b(?:closed|ended|finished|concluded|terminated|rose|close|conclusion|closure)\b", re.I)


def minutes_spans_for(text: NormalisedText, documents: list[Document]) -> list[MinutesSpan]:
    """Return the span of every set of minutes, preferring the segmenter's ``minutes`` documents.

    Sets found by :func:`find_minutes_spans` outside every minutes document are
    added, so minutes are found whether or not segmentation has typed them.
    Computed once per text and set of minutes documents (extract_minutes and
    extract_motions both need them), then cached; each call returns fresh copies.
    """
    key = (
        "minutes_spans",
        tuple(
            (index, d.span.start_line, d.span.end_line, d.title, d.date, d.date_raw)
            for index, d in enumerate(documents)
            if d.kind == DocumentKind.MINUTES
        ),
    )
    spans = text.index_cache.get(key)
    if spans is None:
        spans = text.index_cache[key] = _minutes_spans(text, documents)
    return [dataclasses.replace(span) for span in spans]


def _minutes_spans(text: NormalisedText, documents: list[Document]) -> list[MinutesSpan]:
    """The work of :func:`minutes_spans_for`, uncached."""
    spans: list[MinutesSpan] = []
    covered: list[tuple[int, int]] = []
    whole = find_minutes_spans(text)
    for index, document in enumerate(documents):
        if document.kind != DocumentKind.MINUTES:
            continue
        start, end = document.span.start_line, document.span.end_line
        found = find_minutes_spans(text, start, end)
        covered.append((start, end))
        if not found and spans and _continues(text, whole, spans[-1], start):
            spans[-1].end_line = max(spans[-1].end_line, end)  # a minute's title ("MINUTES OF THE ...") split the set
            continue
        if len(found) == 1:
            span = found[0]
            span.start_line, span.end_line = start, end
            span.header_line = max(start, min(span.header_line, end))
            span.document = index
            spans.append(span)
        elif found:
            for span in found:
                span.document = index
            spans.extend(found)
        else:
            body = clean_body(document.title) if document.title else None
            kind = meeting_type(document.title)
            spans.append(
                MinutesSpan(
                    start_line=start,
                    end_line=end,
                    header_line=start,
                    body=body,
                    meeting_type=kind,
                    date=document.date,
                    date_raw=document.date_raw,
                    document=index,
                )
            )
    for span in whole:
        if not any(span.start_line <= hi and span.end_line >= lo for lo, hi in covered):
            spans.append(span)
    spans.sort(key=lambda s: s.start_line)
    return spans


def _continues(text: NormalisedText, whole: list[MinutesSpan], previous: MinutesSpan, start: int) -> bool:
    """True when a minutes document starting at ``start`` carries on the set ``previous`` (nothing but blank
    lines between them, and one set read over the whole text covers both)."""
    if any(text.line(n).is_content for n in range(previous.end_line + 1, start)):
        return False
    return any(span.start_line <= previous.header_line and span.end_line >= start for span in whole)


def _roles_from_elections(items: list[MinuteItem]) -> dict[str, tuple[str, int]]:
    """Map "mayor"/"chair" to the member the minutes elect to that role, and the minute's line."""
    roles: dict[str, tuple[str, int]] = {}
    for item in items:
        for resolution in item.resolutions:
            for match in _ELECTED_RE.finditer(resolution.text):
                person = parse_person(match.group("who"))
                if person is None:
                    continue
                role = " ".join(match.group("role").lower().replace("-", " ").split())
                key = "chair" if role.startswith("chair") else role
                roles.setdefault(key, (person.name, resolution.line))
    return roles


def _item_people(text: NormalisedText, item: ItemHeading, attendance: Attendance) -> None:
    """Add apologies and reserves recorded in an "Apologies" or "Reserve Members" minute."""
    present = {a.name for a in attendance.present}
    known_apologies = {a.name for a in attendance.apologies}
    known_reserves = {a.name for a in attendance.reserves}
    if _APOLOGY_TITLE_RE.search(item.title):
        for starts, paragraph in paragraphs(text, item.title_end_line + 1, item.end_line):
            match = _APOLOGY_SENTENCE_RE.search(paragraph)
            if match:
                cursor = match.start("who")
                for piece in split_name_list(match.group("who")):
                    cursor = max(cursor, paragraph.find(piece, cursor))
                    n = next(number for offset, number in reversed(starts) if offset <= cursor)
                    person = parse_person(piece)
                    if person and person.name not in known_apologies and person.name not in present:
                        known_apologies.add(person.name)
                        attendance.apologies.append(Attendee(person.name, n, honorific=person.honorific))
    if _RESERVE_TITLE_RE.search(item.title) or _APOLOGY_TITLE_RE.search(item.title):
        for starts, paragraph in paragraphs(text, item.title_end_line + 1, item.end_line):
            for reserve in reserves_in_sentence(paragraph, starts[0][1]):  # "Mr H Lloyd" / "attended as ..."
                offset = paragraph.find(reserve.name)
                reserve.line = next(number for position, number in reversed(starts) if position <= max(offset, 0))
                if reserve.name not in known_reserves:
                    known_reserves.add(reserve.name)
                    attendance.reserves.append(reserve)
    for n in range(item.line + 1, item.end_line + 1):
        line = text.line(n)
        if not line.is_content:
            continue
        clean = line.clean
        if _RESERVE_TITLE_RE.search(item.title) or _APOLOGY_TITLE_RE.search(item.title):
            for reserve in reserves_in_sentence(clean, n):
                if reserve.name not in known_reserves:
                    known_reserves.add(reserve.name)
                    attendance.reserves.append(reserve)
            if line.cells and len(line.cells) >= 2 and _RESERVE_TITLE_RE.search(item.title):
                _reserve_row(line.cells, n, attendance, known_reserves)


def _reserve_row(cells: tuple[str, ...], line: int, attendance: Attendance, known: set[str]) -> None:
    """Read an "Ordinary Member<TAB>Reserve Member" row of a reserves table."""
    people = [parse_person(cell) for cell in cells if cell.strip()]
    if len(people) == 2 and all(people) and re.match(r"^(?:Councillor|Cllr)", cells[0].strip()):
        ordinary, reserve = people
        assert ordinary is not None and reserve is not None
        if reserve.name not in known:
            known.add(reserve.name)
            attendance.reserves.append(
                Attendee(reserve.name, line, replacing=ordinary.name, honorific=reserve.honorific)
            )


_MEETING_WORD_RE = re.compile(r"meeting|commencement", re.I)


def _mentions_meeting(clean: str) -> bool:
    """``_MEETING_WORD_RE.search(clean)``, by two substring tests when ``clean`` is ASCII (``str.lower`` then
    agrees with ``re.IGNORECASE``)."""
    if clean.isascii():
        lowered = clean.lower()
        return "meeting" in lowered or "commencement" in lowered
    return _MEETING_WORD_RE.search(clean) is not None


def _times(text: NormalisedText, span: MinutesSpan) -> tuple[str | None, str | None]:
    """Opening and closing times from the closing note ("having commenced at 7.30 pm, closed at 9.10 pm")."""
    start_time = span.start_time
    end_time: str | None = None
    for n in range(span.end_line, span.start_line - 1, -1):
        clean = text.line(n).clean
        if not is_closing_line(clean):
            continue
        times = find_times(clean)
        if not times:
            continue
        commenced = _COMMENCED_RE.search(clean)
        if commenced:
            start_time = start_time or parse_time(clean[commenced.end() :])
        closed = _CLOSED_AT_RE.search(clean)
        after = [time.hhmm for time in times if closed and time.start >= closed.start()]
        end_time = after[0] if after else times[-1].hhmm
        break
    for n in range(span.start_line, min(span.header_line + 6, span.end_line) + 1):
        clean = text.line(n).clean.strip()
        if _TIME_RANGE_LINE_RE.match(clean):  # "(19:15 TO 19:25 AND 20:25 TO 20:27)" under the heading
            times = find_times(clean)
            if len(times) >= 2:
                start_time = start_time or times[0].hhmm
                end_time = end_time or times[-1].hhmm
            break
    if start_time is None:
        for n in range(span.start_line, span.end_line + 1):
            clean = text.line(n).clean
            if not _mentions_meeting(clean):
                continue
            commenced = _COMMENCED_RE.search(clean)
            if commenced:
                start_time = parse_time(clean[commenced.end() :])
                if start_time:
                    break
    return start_time, end_time


def _read_set(text: NormalisedText, span: MinutesSpan) -> Minutes:
    headings = find_item_headings(text, span.header_line + 1, span.end_line)
    zone_end = headings[0].line - 1 if headings else span.end_line
    attendance = read_attendance(text, span.start_line, zone_end)
    item_lines = {h.line for h in headings} | {h.title_end_line for h in headings}
    items: list[MinuteItem] = []
    for heading in headings:
        resolutions = read_resolutions(text, heading.title_end_line + 1, heading.end_line, item_lines)
        items.append(
            MinuteItem(
                number=heading.number,
                title=heading.title,
                line=heading.line,
                end_line=heading.end_line,
                resolutions=resolutions,
                access=heading.access,
            )
        )
        if _APOLOGY_TITLE_RE.search(heading.title) or _RESERVE_TITLE_RE.search(heading.title):
            _item_people(text, heading, attendance)
    elected = _roles_from_elections(items)
    chair = attendance.chair
    roles: dict[str, str] = {}
    if chair:
        roles["chair"] = chair
    for present in attendance.present:
        if present.role and re.fullmatch(r"(?:the\s+)?(?:worshipful\s+)?(?:the\s+)?mayor", present.role, re.I):
            roles["mayor"] = present.name
    for key, (name, _) in elected.items():
        roles[key] = name
    if "mayor" in elected and (chair is None or chair == _mayor_in_attendance(attendance)):
        chair = elected["mayor"][0]
    elif "chair" in elected:
        chair = elected["chair"][0]
    for heading, item in zip(headings, items, strict=True):
        item.votes = read_votes(text, heading.title_end_line + 1, heading.end_line, roles)
    declarations, no_declarations = read_declarations(text, zone_end + 1, span.end_line, headings, roles)
    listed = [a.name for a in attendance.present + attendance.apologies + attendance.reserves]
    listed += [a.name for a in attendance.in_attendance]
    attendance.in_attendance.extend(speakers_in_text(text, zone_end + 1, span.end_line, listed, frozenset(item_lines)))
    start_time, end_time = _times(text, span)
    return Minutes(
        body=span.body,
        date=span.date,
        span=text.span(span.start_line, span.end_line),
        date_raw=span.date_raw,
        chair=chair,
        present=attendance.present,
        apologies=attendance.apologies,
        reserves=attendance.reserves,
        in_attendance=attendance.in_attendance,
        declarations=declarations,
        no_declarations=no_declarations,
        items=items,
        start_time=start_time,
        end_time=end_time,
        document=span.document,
        meeting_type=span.meeting_type,
    )


def _mayor_in_attendance(attendance: Attendance) -> str | None:
    for present in attendance.present:
        if present.role and re.fullmatch(r"(?:the\s+)?(?:worshipful\s+)?(?:the\s+)?mayor", present.role, re.I):
            return present.name
    return None


def extract_minutes(text: NormalisedText, documents: list[Document]) -> list[Minutes]:
    """Return one :class:`Minutes` record for every set of minutes in ``text``.

    Takes the normalised source and the segmenter's documents (minutes
    documents are preferred; sets outside them are found by their headings).
    Returns the sets in line order, each with attendance, declarations,
    numbered minutes with verbatim resolutions and votes, and times.
    """
    return [_read_set(text, span) for span in minutes_spans_for(text, documents)]
