"""The numbered agenda of a front sheet: one parser for the segmenter and the front-sheet extractor.

Agenda items are numbered 1, 2, 3, ... in order. Text under an item is full of
other numbered lines (motions "1. “Accessible London ...”", sub-lists "(i)",
tables of exempt items "20.<tab>Information Report ..."), so an item heading is
only accepted when it carries the next number in the sequence, reads like a
heading (not a long sentence, not a row of a wider table) and keeps the case
style of the headings before it. Sub-items ("4a", "4(a)", "4.1") are kept when
they follow their main item in order. Every chain of items starting at "1" is
tried and the longest wins, so a numbered reserve list above the agenda cannot
capture it (``is_person`` tells a list of names from a list of items).

Part headers ("AGENDA - PART I", "PART II", "AGENDA - PRIVATE") and an item
"EXCLUSION OF THE PRESS AND PUBLIC" switch the items after them to Part II
(exempt). The chain stops at page furniture that ends a front sheet: a blank
page notice, "Agenda Item N" report furniture, a new "Public Document Pack", a
minutes or report heading, or a divider repeating the meeting's body.

Single heading lines are read by :mod:`quorum.segment.agenda_lines`. The
segmenter uses :func:`parse_front_sheet` (items, the meeting's body and date
from the heading lines); :mod:`quorum.extract.frontsheet` uses
:func:`parse_agenda` directly.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from quorum.model import Access, AgendaItem, Line, NormalisedText
from quorum.normalise.verbatim import verbatim_in
from quorum.segment.agenda_lines import ItemLine, may_open_item, part_of, read_item, upper_share
from quorum.segment.signals import line_date

_EXCLUSION = re.compile(
    r"exclusion of (?:the )?(?:press|public)|exempt (?:information|items|business)|"
    r"private (?:business|session)|confidential (?:items|business)",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:\W*data protection act notice|\[?\s*note\s*:|deadline for questions|"
    r"it is expected that all|this agenda (?:is|was) published|"
    r"(?:agenda\s*[-–—]\s*)?part\s*(?:ii|2|two)\s*[-–—]\s*nil)",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"^(?:agenda item\s+\d+[a-z]?\s*$|minutes\s*$|"
    r"minutes of (?:the|a)\b.*\bmeeting\b|report (?:for|to)\s*:|"
    r"supplementary agenda\s*$)",
    re.IGNORECASE,
)
_MINUTES_UPPER = re.compile(r"^MINUTES$")
_NEW_PACK = re.compile(r"^public document pack\s*$", re.IGNORECASE)
#: ``_STOP`` or ``_NEW_PACK`` as one pattern (``_MINUTES_UPPER`` needs no place: ``_STOP`` matches all it matches).
_STOP_OR_NEW_PACK = re.compile(f"(?:{_STOP.pattern})|(?:{_NEW_PACK.pattern})", re.IGNORECASE)
_AGENDA_WORD = re.compile(r"\b(?:AGENDA|SUMMONS|Agenda|Summons)\b")
_FRONT_TITLE = re.compile(r"\s*(?:SUMMONS\s+AND\s+AGENDA|SUMMONS|AGENDA|MEETING)\s*$", re.IGNORECASE)
#: A numbered line that names a person (a numbered reserve list), for callers without a name reader.
_PERSON = re.compile(r"^(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Reverend|Rev\.?)\s+[A-Z]")

#: How far past the last item a front sheet may run before its end is taken as the item's text.
_MAX_TAIL = 120
#: How far below the start of a front sheet item 1 may be found.
_SEARCH_WINDOW = 500


@dataclass(slots=True)
class AgendaParse:
    """The agenda of one front sheet: items, where it starts and where the sheet ends."""

    items: list[AgendaItem]
    first_line: int  # the line of item 1 (or its part header)
    last_line: int  # the last content line of the front sheet
    stop_line: int | None  # the line that ended the sheet, if one did


@dataclass(slots=True)
class FrontSheet:
    """What the segmenter needs of a front sheet: the meeting it is for and its numbered items."""

    start: int
    body: str | None
    date: str | None
    date_raw: str | None
    items: list[AgendaItem]


def starts_other_document(clean: str) -> bool:
    """True when a clean line opens something that is not a front sheet (minutes, a report, report furniture)."""
    return bool(_STOP.match(clean) or _MINUTES_UPPER.match(clean))


def verbatim_view(line: Line) -> str:
    """Return the clean view of a line when it is a verbatim slice of the raw line, else the trimmed raw."""
    return line.clean if line.clean in line.raw else line.raw.strip()


def _is_stop(clean: str, body: str | None, is_body_divider: Callable[[str, str], bool]) -> bool:
    if _STOP_OR_NEW_PACK.match(clean):  # starts_other_document(clean) or _NEW_PACK.match(clean)
        return True
    return bool(body) and is_body_divider(clean, body or "")


def _first_paragraph(text: NormalisedText, start: int, end: int) -> str | None:
    """Return the first paragraph (consecutive content lines) of lines start..end, joined by spaces."""
    lines: list[str] = []
    for number in range(start, end + 1):
        line = text.line(number)
        if line.is_content:
            lines.append(verbatim_view(line))
        elif lines:
            break
    return " ".join(lines) if lines else None


def _trim_end(text: NormalisedText, start: int, end: int) -> int:
    """Move ``end`` back over blank lines and furniture, never before ``start``."""
    while end > start and not text.line(end).is_content:
        end -= 1
    return end


def _next_sub(previous: str, candidate: str) -> bool:
    """True when sub-item suffix ``candidate`` follows ``previous`` ("" for the main item): a→b, (a)→(b), .1→.2."""
    if candidate.startswith("."):
        wanted = int(previous[1:]) + 1 if previous.startswith(".") else 1
        return int(candidate[1:]) == wanted
    letter = candidate.strip("()").lower()
    if not previous:
        return letter == "a"
    if previous.startswith("."):
        return False
    return (candidate.startswith("(") == previous.startswith("(")) and ord(letter) == ord(
        previous.strip("()").lower()
    ) + 1


def _follows(current: ItemLine, candidate: ItemLine) -> bool:
    """True when ``candidate`` is the next item after ``current``: the next main number or the next sub-item."""
    if not candidate.sub:
        return candidate.main == current.main + 1
    return candidate.main == current.main and _next_sub(current.sub, candidate.sub)


def _chain(
    text: NormalisedText,
    first: ItemLine,
    limit: int,
    body: str | None,
    is_body_divider: Callable[[str, str], bool],
    initial_part: str,
) -> tuple[list[tuple[ItemLine, str]], int | None, int]:
    """Follow the numbered sequence from ``first``; return items with parts, the stop line and last line scanned."""
    items: list[tuple[ItemLine, str]] = [(first, initial_part)]
    part = initial_part
    exempt_after = _EXCLUSION.search(first.title) is not None
    upper_style = upper_share(first.title) > 0.8
    mains = 1
    current = first
    number = first.title_end + 1
    stop: int | None = None
    last_scanned = first.title_end
    lines = text.lines
    while number <= limit:
        line = lines[number - 1]
        last_scanned = number
        if line.furniture == "blank_page_notice":
            stop = number
            break
        clean = line.clean
        if not clean or line.furniture is not None:
            number += 1
            continue
        if number - current.line > 400:
            break
        if _is_stop(clean, body, is_body_divider):
            stop = number
            break
        header = part_of(clean)
        if header is not None:
            part = header
            number += 1
            continue
        candidate = read_item(text, number, limit) if may_open_item(line) else None
        if candidate is not None and _follows(current, candidate):
            styled = candidate.sub or not upper_style or mains < 2 or upper_share(candidate.title) > 0.6
            if styled:
                items.append((candidate, "II" if exempt_after else part))
                exempt_after = exempt_after or _EXCLUSION.search(candidate.title) is not None
                if not candidate.sub:
                    mains += 1
                    upper_style = upper_style and upper_share(candidate.title) > 0.8
                current = candidate
                number = candidate.title_end + 1
                continue
        number += 1
    return items, stop, last_scanned


#: ``NormalisedText.index_cache`` key of the chains followed so far (see :func:`_shared_chain`).
_CHAIN_CACHE = "agenda._chain"


def _shared_chain(
    text: NormalisedText,
    first: ItemLine,
    limit: int,
    body: str | None,
    is_body_divider: Callable[[str, str], bool],
    initial_part: str,
) -> tuple[list[tuple[ItemLine, str]], int | None, int]:
    """:func:`_chain`, followed once per text and arguments (the segmenter and the front-sheet extractor follow
    the same agenda). Callers must not change the returned lists.

    The divider test only matters where it is true of a line the chain may reach: without a ``body``, or when
    no content line below item 1 repeats the body, the chain is the one followed without a body (shared).
    """
    cache = text.index_cache.setdefault(_CHAIN_CACHE, {})
    if not body or not _any_divider(text, first.title_end + 1, limit, body, is_body_divider):
        body = None
    key = (first.line, limit, body, is_body_divider if body else None, initial_part)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _chain(text, first, limit, body, is_body_divider, initial_part)
    return found


def _any_divider(
    text: NormalisedText, start: int, limit: int, body: str, is_body_divider: Callable[[str, str], bool]
) -> bool:
    """True when ``is_body_divider`` is true of a content line in ``start``..``limit`` (see :func:`_chain`)."""
    lines = text.lines
    return any(
        is_body_divider(lines[number - 1].clean, body) for number in text.content_numbers(start, min(limit, len(lines)))
    )


def _default_is_person(title: str) -> bool:
    return bool(_PERSON.match(title))


def parse_agenda(
    text: NormalisedText,
    start: int,
    limit: int,
    body: str | None = None,
    is_body_divider: Callable[[str, str], bool] | None = None,
    is_person: Callable[[str], bool] | None = None,
) -> AgendaParse | None:
    """Parse the numbered agenda of a front sheet lying in lines ``start``..``limit``.

    ``body`` (the meeting's body as printed) lets a divider page such as
    "COUNCIL 28 SEPTEMBER 2017" end the sheet; ``is_body_divider(clean, body)``
    decides whether a line is such a divider. ``is_person(title)`` says whether
    a numbered line is a person's name (a chain of mostly names is a reserve
    list, not the agenda); without it, names led by an honorific are caught.
    Returns None when no sequence starting at item 1 is found.
    """
    divider = is_body_divider or (lambda clean, body: clean.casefold() == body.casefold())
    person = is_person or _default_is_person
    best: tuple[list[tuple[ItemLine, str]], int | None, int] | None = None
    part = "I"
    for number in range(start, min(limit, start + _SEARCH_WINDOW) + 1):
        line = text.line(number)
        if not line.is_content:
            continue
        header = part_of(line.clean)
        if header is not None:
            part = header
            continue
        candidate = read_item(text, number, limit) if may_open_item(line) else None
        if candidate is None or candidate.main != 1 or candidate.sub:
            continue
        chain = _shared_chain(text, candidate, limit, body, divider, part)
        if sum(1 for item, _ in chain[0] if person(item.title)) * 2 >= len(chain[0]):
            continue
        if best is None or len(chain[0]) > len(best[0]):
            best = chain
        if len(best[0]) >= 2:
            break
    if best is None:
        return None
    return _agenda_from_chain(text, start, limit, best)


def _agenda_from_chain(
    text: NormalisedText, start: int, limit: int, chain: tuple[list[tuple[ItemLine, str]], int | None, int]
) -> AgendaParse:
    """Turn a followed chain into AgendaItems with descriptions, end lines and the sheet's extent."""
    chain_items, stop, last_scanned = chain
    first_line = chain_items[0][0].line
    for number in range(first_line - 1, start - 1, -1):
        line = text.line(number)
        if not line.is_content:
            continue
        if part_of(line.clean) is not None:
            first_line = number
        break
    headings = [item for item, _ in chain_items]
    _index_pages(headings)
    items: list[AgendaItem] = []
    for index, (candidate, (_, item_part)) in enumerate(zip(headings, chain_items, strict=True)):
        if index + 1 < len(chain_items):
            body_end = chain_items[index + 1][0].line - 1
        else:
            body_end = stop - 1 if stop is not None else last_scanned
            body_end = min(body_end, candidate.title_end + _MAX_TAIL)
        end = candidate.title_end
        for number in text.content_numbers(candidate.title_end + 1, body_end):
            line = text.line(number)
            if part_of(line.clean) is not None or _FOOTER.match(line.clean):
                break
            end = number
        description = _first_paragraph(text, candidate.title_end + 1, end) if end > candidate.title_end else None
        items.append(
            AgendaItem(
                number=candidate.number,
                title=candidate.title,
                line=candidate.line,
                pages=candidate.pages,
                pages_raw=candidate.pages_raw,
                part=item_part,
                access=Access.EXEMPT if item_part == "II" else Access.PUBLIC,
                description=description,
                end_line=end,
            )
        )
    if stop is not None:
        last_line = _trim_end(text, first_line, stop - 1)
    elif last_scanned == limit and limit - items[-1].line <= _MAX_TAIL:
        last_line = _trim_end(text, first_line, limit)
    else:
        last_line = items[-1].end_line or items[-1].line
    return AgendaParse(items=items, first_line=first_line, last_line=last_line, stop_line=stop)


_TRAILING_PAGE = re.compile(r"^(?P<title>.*\S)\s+(?P<page>\d{1,4})$")


def _index_pages(items: list[ItemLine]) -> None:
    """Read an index page's bare page numbers ("4. Annual complaints report 9") into page ranges.

    ModernGov pack indexes print each item's first page after its title, with
    no "Pages" word. A trailing number is only taken as a page when at least
    three items carry one and the numbers rise strictly (so "Annual Report 2019"
    on an ordinary agenda keeps its year). Each item runs to the page before
    the next numbered item; the last item's end is unknown, so it keeps only
    its raw number. The items changed are replaced in ``items`` by changed
    copies (``read_item`` shares the ItemLines it returns).
    """
    found: list[tuple[int, int, str | None]] = []  # (position, first page, stripped title or None)
    for position, item in enumerate(items):
        if item.pages is not None:
            return
        if item.pages_raw is not None:
            if item.pages_raw.isdigit():
                found.append((position, int(item.pages_raw), None))
            continue
        match = _TRAILING_PAGE.match(item.title)
        if match and not re.search(r"\d[/-]$", match.group("title")):
            found.append((position, int(match.group("page")), match.group("title")))
    if len(found) < 3 or any(b[1] <= a[1] for a, b in itertools.pairwise(found)):
        return
    for k, (position, first, title) in enumerate(found):
        item = items[position] = dataclasses.replace(items[position])
        if title is not None:
            item.title = title
            item.pages_raw = str(first)
        if k + 1 < len(found):
            item.pages = (first, max(first, found[k + 1][1] - 1))


def _has_agenda_word(text: str) -> bool:
    """True when ``_AGENDA_WORD`` finds a word in ``text`` (looked for only when one of its words occurs)."""
    return any(word in text for word in ("AGENDA", "SUMMONS", "Agenda", "Summons")) and bool(_AGENDA_WORD.search(text))


def parse_front_sheet(text: NormalisedText, first: int, limit: int) -> FrontSheet | None:
    """Parse the front sheet that starts at line ``first``, looking no further than ``limit``.

    Returns None when the lines do not look like an agenda: fewer than three
    numbered items in sequence from 1, or neither an "AGENDA"/"SUMMONS" word
    above item 1 nor any page range on the items.
    """
    agenda = parse_agenda(text, first, min(limit, len(text.lines)))
    if agenda is None:
        return None
    items = agenda.items
    if sum(1 for item in items if item.number.isdigit()) < 3:
        return None
    heading = " ".join(text.line(n).clean for n in range(first, items[0].line))
    if not (any(item.pages for item in items) or _has_agenda_word(heading)):
        return None
    body, date_iso, date_raw = _meeting_heading(text, first, items[0].line)
    return FrontSheet(first, body, date_iso, date_raw, items)


_COUNCIL_NAME = re.compile(
    r"^(?:(?:the\s+)?(?:London\s+)?Borough\s+of\s+[\w' -]+|[\w' -]+\s+(?:County\s+|Borough\s+|City\s+|District\s+)?"
    r"Council)$",
    re.IGNORECASE,
)


def _heading_follows(text: NormalisedText, number: int, stop: int) -> bool:
    """True when the next content line above ``stop`` is a short heading (the body under a council's name)."""
    for following in range(number + 1, stop):
        line = text.line(following)
        if line.is_content:
            clean = _FRONT_TITLE.sub("", line.clean).strip()
            return bool(clean) and len(clean) <= 80 and line_date(line) is None and not clean.endswith(":")
    return False


def _meeting_heading(text: NormalisedText, first: int, stop: int) -> tuple[str | None, str | None, str | None]:
    """Return (body, ISO date, raw date) from the heading lines of a front sheet."""
    body: str | None = None
    found: tuple[str, str] | None = None
    for number in range(first, min(stop, first + 25)):
        line = text.line(number)
        clean = line.clean
        if not clean:
            continue
        if body is None:
            stripped = _FRONT_TITLE.sub("", clean).strip()
            if not stripped or (_COUNCIL_NAME.match(stripped) and _heading_follows(text, number, stop)):
                continue  # "AGENDA" alone, or the council's name above the committee's ("Merton Council")
            body = verbatim_in(line.raw, stripped)
        if found is None:
            found = line_date(line)
        if body and found:
            break
    return body, (found[0] if found else None), (found[1] if found else None)
