"""Notices of motion in a summons.

A council summons prints the motions members have given notice of under an
agenda item such as "18. MOTIONS" / "NOTICES OF MOTION" / "MOTIONS ON NOTICE".
Each motion has a title line ("1. “Accessible London Underground stations
Motion"), a mover-and-seconder line ("To be moved by Councillor Krishna Suresh
and seconded by Councillor Sue Anderson:", or "Proposer: Cllr A" / "Seconder:
Cllr B") and the text that follows, up to the next motion's title or the next
agenda item. The mover line is the anchor: a title without one is not read as
a motion. Sets of minutes are skipped, since motions debated there are
recorded as minutes, not notices.
"""

from __future__ import annotations

import re

from quorum.extract.minutes import minutes_spans_for
from quorum.extract.names import parse_person
from quorum.model import Document, Motion, NormalisedText
from quorum.normalise.lines import BLANK_PAGE_NOTICE

_NAME = r"(?:Councillor|Cllr)\.?\s+[A-Z][^,:;]*?"
_MOVER_RE = re.compile(
    r"^(?:\(?to\s+be\s+)?(?:moved|proposed)\s+by\s+(?P<mover>" + _NAME + r")"
    r"(?:,?\s+(?:and\s+)?(?:to\s+be\s+)?seconded\s+by\s+(?P<seconder>" + _NAME + r"))?\s*[:.)]*\s*$",
    re.I,
)
_PROPOSER_RE = re.compile(r"^(?:proposer|proposed\s+by|mover|moved\s+by)\s*[:\-–]\s*(?P<who>.+)$", re.I)
_SECONDER_RE = re.compile(r"^(?:seconder|seconded\s+by)\s*[:\-–]\s*(?P<who>.+)$", re.I)
_SECTION_RE = re.compile(
    r"^(?P<num>\d{1,3})[.)]?\s+(?:(?:NOTICES?\s+OF\s+)?MOTIONS?(?:\s+(?:ON|WITH)\s+NOTICE)?|MEMBERS'?\s+MOTIONS?)\b",
    re.I,
)
_AGENDA_HEADING_RE = re.compile(r"^(?P<num>\d{1,3})[.)]?\s+[A-Z][A-Z0-9 ,&'()/\-–:]+$")
_TITLE_NUMBER_RE = re.compile(
    r"^(?:motion\s+)?\(?(?P<num>\d{1,2}|[a-z]|[ivx]{1,4})(?:[.):]|\s+[-–])\s*(?P<title>.+)$|^motion\s+(?P<num2>\d{1,2})\s+(?P<title2>.+)$",
    re.I,
)


def _person(text: str) -> str | None:
    person = parse_person(text.strip().rstrip(":.;"))
    return person.name if person else None


def _title_before(text: NormalisedText, line: int, floor: int) -> int | None:
    """The line of a motion's title: the nearest content line above its mover line."""
    n = line - 1
    while n >= floor:
        current = text.line(n)
        if current.furniture == BLANK_PAGE_NOTICE:
            return None
        if current.is_content:
            return n
        n -= 1
    return None


def _split_title(clean: str) -> tuple[str | None, str]:
    match = _TITLE_NUMBER_RE.match(clean)
    if match:
        number, title = match.group("num") or match.group("num2"), match.group("title") or match.group("title2")
    else:
        number, title = None, clean
    title = title.strip().strip("“”\"'‘’").strip()
    return number, title


def _section_of(text: NormalisedText, line: int) -> tuple[str | None, int]:
    """The agenda item number of the motions section holding ``line``, and the line where it starts."""
    lines = text.lines
    for n in range(line, 0, -1):
        clean = lines[n - 1].clean
        if not clean[:1].isdigit():
            continue  # the heading opens with its number (every \d is a str.isdigit character)
        match = _SECTION_RE.match(clean)
        if match:
            return match.group("num"), n
    return None, 1


def _section_end(text: NormalisedText, section_line: int, section_number: str | None, limit: int) -> int:
    """The last line of the motions section: before the next agenda heading or blank-page notice."""
    for n in range(section_line + 1, limit + 1):
        line = text.line(n)
        if line.furniture == BLANK_PAGE_NOTICE:
            return n - 1
        match = _AGENDA_HEADING_RE.match(line.clean)
        if match and (section_number is None or int(match.group("num")) > int(section_number)):
            return n - 1
    return limit


def extract_motions(text: NormalisedText, documents: list[Document]) -> list[Motion]:
    """Return the notices of motion printed in ``text`` (outside any set of minutes), in order.

    Each motion has its title, mover, seconder, full verbatim text, line span,
    its number within the section and the agenda item it sits under.
    """
    minutes = [(s.start_line, s.end_line) for s in minutes_spans_for(text, documents)]

    def in_minutes(n: int) -> bool:
        return any(lo <= n <= hi for lo, hi in minutes)

    anchors: list[tuple[int, int, str | None, str | None]] = []  # (title line, mover line, mover, seconder)
    last_line = len(text.lines)
    candidates = text.lines_containing("move", "propose")  # _MOVER_RE and _PROPOSER_RE need one of the two
    resume = 1  # the first line not yet read (a mover line and its seconder line are read together)
    for n in sorted(candidates):  # only these lines can hold a mover: go straight from one to the next
        if n < resume:
            continue
        line = text.line(n)
        if not line.is_content or in_minutes(n):
            continue
        clean = line.clean.strip()
        mover_match = _MOVER_RE.match(clean)
        proposer = _PROPOSER_RE.match(clean)
        if mover_match or proposer:
            mover = _person(mover_match.group("mover") if mover_match else proposer.group("who"))  # type: ignore[union-attr]
            seconder = _person(mover_match.group("seconder")) if mover_match and mover_match.group("seconder") else None
            anchor_end = n
            if proposer:
                nxt = n + 1
                while nxt <= last_line and not text.line(nxt).is_content:
                    nxt += 1
                second = _SECONDER_RE.match(text.line(nxt).clean.strip()) if nxt <= last_line else None
                if second:
                    seconder = _person(second.group("who"))
                    anchor_end = nxt
            title_line = _title_before(text, n, max(1, n - 6))
            if title_line is not None and mover:
                anchors.append((title_line, anchor_end, mover, seconder))
            resume = anchor_end + 1
    motions: list[Motion] = []
    for index, (title_line, mover_line, mover, seconder) in enumerate(anchors):
        section_number, section_line = _section_of(text, title_line)
        limit = anchors[index + 1][0] - 1 if index + 1 < len(anchors) else last_line
        end = _section_end(text, max(section_line, mover_line), section_number, limit)
        while end > mover_line and not text.line(end).is_content:
            end -= 1
        body_lines = [text.line(m).raw.strip() for m in range(mover_line + 1, end + 1) if text.line(m).is_content]
        number, title = _split_title(text.line(title_line).clean.strip())
        motions.append(
            Motion(
                title=title,
                line=title_line,
                end_line=max(end, mover_line),
                mover=mover,
                seconder=seconder,
                text="\n".join(body_lines) or None,
                number=number,
                agenda_item=section_number,
            )
        )
    return motions
