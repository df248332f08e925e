"""The numbered items of an agenda front sheet.

Agenda items are numbered 1, 2, 3, ... in order. Text under an item is full of
other numbered lines (motions "1. “Accessible London ...”", sub-lists "(i)",
tables of exempt items "20.<tab>Information Report ..."), so an item heading is
only accepted when it carries the next number in the sequence, reads like a
heading (not a long sentence, not a row of a wider table) and keeps the case
style of the headings before it. Every chain of items starting at "1" is tried
and the longest wins, so a numbered reserve list above the agenda cannot
capture it.

Part headers ("AGENDA - PART I", "PART II", "AGENDA - PRIVATE") and an item
"EXCLUSION OF THE PRESS AND PUBLIC" switch the items after them to Part II
(exempt). The chain stops at page furniture that ends a front sheet: a blank
page notice, "Agenda Item N" report furniture, a new "Public Document Pack", a
minutes or report heading, or a divider repeating the meeting's body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quorum.extract.names import looks_like_name, parse_person
from quorum.model import Access, AgendaItem, Line, NormalisedText

_NUMBER_ONLY = re.compile(r"^(?:(?:agenda\s+)?item\s+)?(?P<number>\d{1,3})[.):]?$", re.IGNORECASE)
_ITEM_LINE = re.compile(
    r"^(?:(?:agenda\s+)?item\s+)?(?P<number>\d{1,3})(?:[.):]\s*|\s+)(?P<title>\S.*)$",
    re.IGNORECASE,
)
_PAGES = re.compile(
    r"\(?\s*(?P<raw>\bpages?\s*(?P<first>\d{1,4})(?:\s*(?:-|–|—|to)\s*(?P<last>\d{1,4}))?)\s*\)?",
    re.IGNORECASE,
)
_TO_FOLLOW = re.compile(
    r"\(\s*(?P<raw>(?:pages?\s+)?to\s+follow|to\s+be\s+(?:circulated|tabled)[\w\s]*|tabled|verbal(?:\s+\w+)?)\s*\)",
    re.IGNORECASE,
)
_PAGE_CELL = re.compile(
    r"^(?:(?:pages?\s*)?(?P<first>\d{1,4})(?:\s*(?:-|–|—|to)\s*(?P<last>\d{1,4}))?|to\s+follow|verbal(?:\s+\w+)?)$",
    re.IGNORECASE,
)
_PART_HEADER = re.compile(
    r"^(?:agenda\s*[-–—:]?\s*)?(?:"
    r"part\s*(?P<part>ii|i|1|2|one|two|a|b)\b"
    r"|(?P<word>public|private|exempt|confidential)(?:\s+(?:session|business|items?|agenda|part))?\s*$)",
    re.IGNORECASE,
)
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
_WRAP_END = re.compile(r"(?:[-–—,&/(]|\b(?:and|of|the|for|to|in|on|at|with|from))$", re.IGNORECASE)

#: Longest a heading line may be before it reads as prose.
_MAX_TITLE = 300
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
class _Candidate:
    number: int
    title: str
    line: int
    title_end: int
    pages: tuple[int, int] | None
    pages_raw: str | None


def part_of(clean: str) -> str | None:
    """Return "I" or "II" when ``clean`` is an agenda part header, else None."""
    if len(clean) > 100 or clean.endswith("."):
        return None
    match = _PART_HEADER.match(clean)
    if not match:
        return None
    part = (match.group("part") or match.group("word") or "").lower()
    return "I" if part in ("i", "1", "one", "a", "public") else "II"


def _upper_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for char in letters if char.isupper()) / len(letters)


def _split_pages(text: str) -> tuple[str, tuple[int, int] | None, str | None]:
    """Split a page reference off a heading: returns (title, pages, pages_raw)."""
    follow = _TO_FOLLOW.search(text)
    if follow:
        return text[: follow.start()], None, follow.group("raw")
    match = None
    for found in _PAGES.finditer(text):
        match = found
    if match and text[match.end() :].strip(" *:.") == "":
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        return text[: match.start()], (first, last), match.group("raw")
    return text, None, None


def clean_title(text: str) -> str:
    """Trim heading debris: trailing "*", ":", ".", dashes and spaces, and bold markers."""
    title = text.replace("**", "").strip()
    previous = None
    while previous != title:
        previous = title
        title = title.rstrip(" \t*:;.,-–—").strip()
    return title


def _heading_from_cells(cells: tuple[str, ...]) -> tuple[str, str, tuple[int, int] | None, str | None] | None:
    """Read (number, title, pages, pages_raw) from a table row, or None when it is not an item row."""
    filled = [cell for cell in cells if cell]
    if len(filled) < 1:
        return None
    number_match = _NUMBER_ONLY.match(filled[0])
    if number_match and len(filled) >= 2:
        number, title, extras = number_match.group("number"), filled[1], filled[2:]
    else:
        item_match = _ITEM_LINE.match(filled[0])
        if not item_match:
            return None
        number, title, extras = item_match.group("number"), item_match.group("title"), filled[1:]
    pages: tuple[int, int] | None = None
    pages_raw: str | None = None
    for extra in extras:
        page_match = _PAGE_CELL.match(extra)
        if not page_match:
            return None
        pages_raw = extra
        if page_match.group("first"):
            first = int(page_match.group("first"))
            pages = (first, int(page_match.group("last") or first))
    title, title_pages, title_raw = _split_pages(title)
    if title_raw:
        pages, pages_raw = title_pages, title_raw
    return number, title, pages, pages_raw


def _heading(line: Line) -> tuple[str, str, tuple[int, int] | None, str | None] | None:
    """Read (number, title text, pages, pages_raw) from a line that may be an item heading."""
    clean = line.clean
    if not clean or line.furniture is not None:
        return None
    if line.cells and ("\t" in clean or "|" in clean):
        return _heading_from_cells(line.cells)
    match = _ITEM_LINE.match(clean)
    if not match:
        return None
    title, pages, pages_raw = _split_pages(match.group("title"))
    return match.group("number"), title, pages, pages_raw


def _continuation(line: Line) -> tuple[str, tuple[int, int] | None, str | None]:
    """Read a line that may continue a wrapped title: (text, pages, pages_raw), pages from a trailing cell."""
    if line.cells and "\t" in line.clean:
        filled = [cell for cell in line.cells if cell]
        if len(filled) == 2 and (page := _PAGE_CELL.match(filled[1])):
            first = page.group("first")
            pages = (int(first), int(page.group("last") or first)) if first else None
            return filled[0], pages, filled[1]
        if len(filled) != 1:
            return "", None, None
        return filled[0], None, None
    return _split_pages(line.clean)


_NOT_A_TITLE_START = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|am|pm|a\.m|p\.m|noon|%|per\s+cent|hours?|minutes?\s+(?:past|to)|"
    r"clear\s+(?:working\s+)?days?|working\s+days?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _looks_like_heading(title: str) -> bool:
    """True when an item title reads as a heading rather than a sentence, a date or a list entry."""
    if not title or len(title) > _MAX_TITLE or _NOT_A_TITLE_START.match(title):
        return False
    first = title.lstrip("“\"'‘(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return not title.rstrip().endswith((";", ","))


def _candidate(text: NormalisedText, number: int, limit: int) -> _Candidate | None:
    """Read an item heading at line ``number`` (joining a wrapped title), or None."""
    line = text.line(number)
    heading = _heading(line)
    if heading is None:
        return None
    raw_number, title, pages, pages_raw = heading
    title_end = number
    if not title.strip() and number < limit:
        # "3." alone on its line: the title is the next content line.
        follow = text.line(number + 1) if text.line(number + 1).clean else None
        if follow is None and number + 1 < limit and not text.line(number + 1).clean:
            follow = text.line(number + 2)
        if follow is None or follow.furniture is not None or _heading(follow) is not None:
            return None
        title, pages, pages_raw = _split_pages(follow.clean)
        title_end = follow.number
    elif pages_raw is None and title_end < limit:
        follow = text.line(title_end + 1)
        if follow.is_content and _heading(follow) is None and part_of(follow.clean) is None:
            rest, more_pages, more_raw = _continuation(follow)
            wrapped_caps = _upper_share(title) > 0.8 and _upper_share(rest) > 0.8 and len(rest) < 200
            wrapped = bool(_WRAP_END.search(title.rstrip())) and len(rest) < 200 and rest[:1].isupper()
            if more_raw is not None or wrapped_caps or wrapped:
                title = f"{title.rstrip()} {rest.strip()}"
                pages, pages_raw = more_pages, more_raw
                title_end = follow.number
    title = clean_title(title)
    if not _looks_like_heading(title):
        return None
    return _Candidate(int(raw_number), title, number, title_end, pages, pages_raw)


def starts_other_document(clean: str) -> bool:
    """True when a clean line opens something that is not a front sheet (minutes, a report, report furniture)."""
    return bool(_STOP.match(clean) or _MINUTES_UPPER.match(clean))


def _is_stop(clean: str, body: str | None, is_body_divider: Callable[[str, str], bool]) -> bool:
    if starts_other_document(clean) or _NEW_PACK.match(clean):
        return True
    return bool(body) and is_body_divider(clean, body or "")


def verbatim_view(line: Line) -> str:
    """Return the clean view of a line when it is a verbatim slice of the raw line, else the trimmed raw."""
    return line.clean if line.clean in line.raw else line.raw.strip()


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


def _chain(
    text: NormalisedText,
    first: _Candidate,
    limit: int,
    body: str | None,
    is_body_divider: Callable[[str, str], bool],
    initial_part: str,
) -> tuple[list[tuple[_Candidate, str]], int | None, int]:
    """Follow the numbered sequence from ``first``; return items with parts, the stop line and last line scanned."""
    items: list[tuple[_Candidate, str]] = [(first, initial_part)]
    part = initial_part
    exempt_after = _EXCLUSION.search(first.title) is not None
    upper_style = _upper_share(first.title) > 0.8
    current = first
    number = first.title_end + 1
    stop: int | None = None
    last_scanned = first.title_end
    while number <= limit:
        line = text.line(number)
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
        candidate = _candidate(text, number, limit)
        if candidate is not None and candidate.number == current.number + 1:
            styled = not upper_style or len(items) < 2 or _upper_share(candidate.title) > 0.6
            if styled:
                item_part = "II" if exempt_after else part
                items.append((candidate, item_part))
                exempt_after = exempt_after or _EXCLUSION.search(candidate.title) is not None
                upper_style = upper_style and _upper_share(candidate.title) > 0.8
                current = candidate
                number = candidate.title_end + 1
                continue
        number += 1
    return items, stop, last_scanned


def _name_share(items: list[tuple[_Candidate, str]]) -> float:
    names = sum(1 for candidate, _ in items if parse_person(candidate.title) or looks_like_name(candidate.title))
    return names / len(items)


def parse_agenda(
    text: NormalisedText,
    start: int,
    limit: int,
    body: str | None = None,
    is_body_divider: Callable[[str, str], bool] | None = None,
) -> AgendaParse | None:
    """Parse the numbered agenda of a front sheet lying in lines ``start``..``limit``.

    ``body`` (the meeting's body as printed) lets a divider page such as
    "COUNCIL 28 SEPTEMBER 2017" end the sheet; ``is_body_divider(clean, body)``
    decides whether a line is such a divider. Returns None when no sequence
    starting at item 1 is found.
    """
    divider = is_body_divider or (lambda clean, body: clean.casefold() == body.casefold())
    best: tuple[list[tuple[_Candidate, str]], int | None, int] | None = None
    part = "I"
    for number in range(start, min(limit, start + _SEARCH_WINDOW) + 1):
        line = text.line(number)
        if not line.is_content:
            continue
        header = part_of(line.clean)
        if header is not None:
            part = header
            continue
        candidate = _candidate(text, number, limit)
        if candidate is None or candidate.number != 1:
            continue
        chain = _chain(text, candidate, limit, body, divider, part)
        if _name_share(chain[0]) >= 0.5:
            continue
        if best is None or len(chain[0]) > len(best[0]):
            best = chain
        if len(best[0]) >= 2:
            break
    if best is None:
        return None
    chain_items, stop, last_scanned = best
    first_line = chain_items[0][0].line
    for number in range(first_line - 1, start - 1, -1):
        line = text.line(number)
        if not line.is_content:
            continue
        if part_of(line.clean) is not None:
            first_line = number
        break
    items: list[AgendaItem] = []
    for index, (candidate, item_part) in enumerate(chain_items):
        if index + 1 < len(chain_items):
            body_end = chain_items[index + 1][0].line - 1
        else:
            body_end = stop - 1 if stop is not None else last_scanned
            body_end = min(body_end, candidate.title_end + _MAX_TAIL)
        end = candidate.title_end
        for number in range(candidate.title_end + 1, body_end + 1):
            line = text.line(number)
            if not line.is_content:
                continue
            if part_of(line.clean) is not None or _FOOTER.match(line.clean):
                break
            end = number
        description = _first_paragraph(text, candidate.title_end + 1, end) if end > candidate.title_end else None
        items.append(
            AgendaItem(
                number=str(candidate.number),
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
