"""Read one agenda item heading: "N. TITLE (Pages a - b)" in the shapes council front sheets print it.

This is the line-level half of the agenda parser shared by the segmenter
(which links documents to items and pages) and the front-sheet extractor
(which builds the Meeting record); :mod:`quorum.segment.agenda` follows the
numbered sequence. Shapes read here:

* ``3. MINUTES (Pages 1 - 6)``, ``3. **Minutes:** (Pages 1 - 6)``, ``3) Minutes``,
  ``Item 3 Minutes``, ``3 Minutes`` (county style), ``12. ... (To Follow)``;
* a table row ``3.<tab>Minutes<tab>1 - 8`` or ``| 3 | Minutes | 1 - 8 |``;
* a number alone on its line with the title on the next line;
* a title wrapped over two lines (upper case on both, or ending in "of", "-", ...);
* sub-items ``4a.``/``4(a)``/``4.1`` (read here; the sequence decides whether to keep them).

Titles are verbatim: the clean view is used for matching, and when markup sat
inside the title (``<u>Safer</u> Harrow``) the raw text of the title is returned.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quorum.model import Line, NormalisedText
from quorum.normalise.verbatim import verbatim_value

#: An item number: "3", a sub-item "4a" / "4(a)" / "4.1" (the suffix is kept in ``number``).
_NUMBER = r"(?P<number>\d{1,3})(?P<sub>[a-z](?=[.):\s])|\([a-z]\)|\.\d{1,2}(?=[.):\s]))?"
_NUMBER_ONLY = re.compile(rf"^(?:(?:agenda\s+)?item\s+)?{_NUMBER}[.):]?$", re.IGNORECASE)
_ITEM_LINE = re.compile(
    rf"^(?:(?:agenda\s+)?item\s+)?{_NUMBER}(?:[.):]\s*|\s+)(?P<title>\S.*)$",
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
#: The characters ``_PART_HEADER`` can open with ("agenda", "part", "public", "private", "exempt",
#: "confidential" in any case: under re.IGNORECASE these letters match only their two ASCII cases).
_PART_INITIALS = ("a", "A", "p", "P", "e", "E", "c", "C")
#: Besides a digit (``\d`` is ``str.isdecimal``), the characters ``_ITEM_LINE`` and ``_NUMBER_ONLY`` can open with
#: ("agenda", "item"): under re.IGNORECASE "i" also matches the Turkish dotted and dotless i.
_ITEM_INITIALS = "aAiI\u0130\u0131"
_WRAP_END = re.compile(r"(?:[-–—,&/(]|\b(?:and|of|the|for|to|in|on|at|with|from))$", re.IGNORECASE)
_NOT_A_TITLE_START = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|am|pm|a\.m|p\.m|noon|%|per\s+cent|hours?|minutes?\s+(?:past|to)|"
    r"clear\s+(?:working\s+)?days?|working\s+days?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)

#: Longest a heading line may be before it reads as prose.
MAX_TITLE = 300


@dataclass(slots=True)
class ItemLine:
    """One agenda item heading as printed.

    ``number`` is the item number as printed without its punctuation ("3",
    "4a", "4(a)", "4.1"); ``main`` is its leading integer and ``sub`` the
    sub-item suffix ("a", "(a)", ".1") or "" for a main item. ``line`` is where
    the heading starts and ``title_end`` the last line of a wrapped title.
    """

    number: str
    main: int
    sub: str
    title: str
    line: int
    title_end: int
    pages: tuple[int, int] | None
    pages_raw: str | None


def part_of(clean: str) -> str | None:
    """Return "I" or "II" when ``clean`` is an agenda part header ("AGENDA - PART II", "PRIVATE"), else None."""
    if len(clean) > 100 or clean.endswith(".") or not clean.startswith(_PART_INITIALS):
        return None
    match = _PART_HEADER.match(clean)
    if not match:
        return None
    part = (match.group("part") or match.group("word") or "").lower()
    return "I" if part in ("i", "1", "one", "a", "public") else "II"


@functools.lru_cache(maxsize=4096)
def upper_share(text: str) -> float:
    """Return the share of the letters of ``text`` that are upper case (0 when it has none).

    Answered once per text: the agenda is followed more than once and each item title is asked twice.
    """
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for char in letters if char.isupper()) / len(letters)


def split_pages(text: str) -> tuple[str, tuple[int, int] | None, str | None]:
    """Split a trailing page reference off a heading.

    Takes "Minutes: (Pages 1 - 6)" and returns ``("Minutes: ", (1, 6), "Pages 1 - 6")``;
    "(To Follow)" gives no pages but its raw text; text without a reference comes back whole.
    """
    follow = _TO_FOLLOW.search(text) if "(" in text else None  # the pattern opens with "("
    if follow:
        return text[: follow.start()], None, follow.group("raw")
    match = None
    if "page" not in text.lower():  # _PAGES needs "page": "p", "a", "g", "e" have no other case forms
        return text, None, None
    for found in _PAGES.finditer(text):
        match = found
    if match and text[match.end() :].strip(" *:.") == "":
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        return text[: match.start()], (first, last), match.group("raw")
    return text, None, None


def clean_title(text: str) -> str:
    """Trim heading debris from a title: bold markers and trailing "*", ":", ".", dashes and spaces."""
    title = text.replace("**", "").strip()
    previous = None
    while previous != title:
        previous = title
        title = title.rstrip(" \t*:;.,-–—").strip()
    return title


def looks_like_heading(title: str) -> bool:
    """True when an item title reads as a heading rather than a sentence, a date or a list entry."""
    if not title or len(title) > MAX_TITLE or _NOT_A_TITLE_START.match(title):
        return False
    first = title.lstrip("“\"'‘(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return not title.rstrip().endswith((";", ","))


_Heading = tuple[str, str, str, tuple[int, int] | None, str | None]  # number, sub, title, pages, pages_raw


def _from_cells(cells: tuple[str, ...]) -> _Heading | None:
    """Read an item heading from a table row, or None when it is not an item row."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return None
    number_match = _NUMBER_ONLY.match(filled[0])
    if number_match and len(filled) >= 2:
        match, title, extras = number_match, filled[1], filled[2:]
    else:
        item_match = _ITEM_LINE.match(filled[0])
        if not item_match:
            return None
        match, title, extras = item_match, item_match.group("title"), filled[1:]
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
    title, title_pages, title_raw = split_pages(title)
    if title_raw:
        pages, pages_raw = title_pages, title_raw
    return match.group("number"), match.group("sub") or "", title, pages, pages_raw


def may_open_item(line: Line) -> bool:
    """A cheap test every item heading's first line passes: :func:`heading` (and so :func:`read_item`) is None
    for a line that fails it. Takes a content line (clean text, no furniture).
    """
    clean = line.clean
    return bool(line.cells and ("\t" in clean or "|" in clean)) or clean[0].isdecimal() or clean[0] in _ITEM_INITIALS


def heading(line: Line) -> _Heading | None:
    """Read (number, sub, title text, pages, pages_raw) from a line that may be an item heading, else None."""
    clean = line.clean
    if not clean or line.furniture is not None:
        return None
    if line.cells and ("\t" in clean or "|" in clean):
        return _from_cells(line.cells)
    if not (clean[0].isdecimal() or clean[0] in _ITEM_INITIALS):
        return None
    match = _ITEM_LINE.match(clean)
    if not match:
        alone = _NUMBER_ONLY.match(clean)
        if alone and clean[-1] in ".)":  # "3." alone: the title is on the next line
            return alone.group("number"), alone.group("sub") or "", "", None, None
        return None
    title, pages, pages_raw = split_pages(match.group("title"))
    return match.group("number"), match.group("sub") or "", title, pages, pages_raw


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
    return split_pages(line.clean)


_BARE_PAGE = re.compile(r"^\d{1,4}$")
_PAGE_TAIL = re.compile(r"^\d{1,4}\s*(?:-|–|—|to)\s*\d{1,4}\s*\)$")


def _wrapped_block(
    text: NormalisedText, number: int, limit: int
) -> tuple[int, str, tuple[int, int] | None, str | None] | None:
    """Join up to three lines directly under an item heading when the block ends in a page reference.

    Returns (last title line, joined title, pages, pages_raw), or None when the
    lines below do not close with "(Pages a - b)" / "(To Follow)" on their own
    last line, or with a bare page number printed on the line after (an index
    page: "3. Minutes of the meeting ... and notes of" / "the Joint session ..." / "3").
    """
    first_line = text.line(number)
    found = heading(first_line)
    if found is None or first_line.cells:
        return None
    joined = found[2].rstrip()
    for follow_number in range(number + 1, min(number + 3, limit) + 1):
        follow = text.line(follow_number)
        if not follow.clean:
            return None
        if follow.furniture == "page_number" and _BARE_PAGE.match(follow.clean):
            if follow_number == number + 1:
                return None
            return follow_number - 1, joined, None, follow.clean
        if _PAGE_TAIL.match(follow.clean):  # "... 2025-29 (Pages" / "461 - 610)"
            rest, pages, pages_raw = split_pages(f"{joined} {follow.clean.strip()}")
            return (follow_number, rest, pages, pages_raw) if pages_raw is not None else None
        if follow.furniture is not None or heading(follow) is not None or part_of(follow.clean) is not None:
            return None
        if follow.cells and "\t" in follow.clean:
            return None
        rest, pages, pages_raw = split_pages(f"{joined} {follow.clean.strip()}")
        if pages_raw is not None:
            return follow_number, rest, pages, pages_raw
        joined = f"{joined} {follow.clean.strip()}"
        if len(joined) > MAX_TITLE:
            return None
    return None


#: ``NormalisedText.index_cache`` key of the headings read so far: {(number, reach): ItemLine | None}.
_READ_CACHE = "agenda_lines.read_item"


def read_item(text: NormalisedText, number: int, limit: int) -> ItemLine | None:
    """Read an item heading at line ``number`` (joining a title wrapped onto the next line), or None.

    ``limit`` is the last line the heading may use. The returned title is
    verbatim in the source lines ``line``..``title_end``.

    A heading uses at most the three lines below its first, so the answer depends on ``limit`` only up to
    ``number + 3``: it is read once per text and that reach, then shared (the segmenter and the front-sheet
    extractor read the same front sheet). Callers must not change the returned ItemLine (copy it first).
    """
    reach = min(limit, number + 3)
    cache = text.index_cache.get(_READ_CACHE)
    if cache is None:
        cache = text.index_cache[_READ_CACHE] = {}
    key = (number, reach)
    if key in cache:
        return cache[key]
    found = cache[key] = _read_item(text, number, reach)
    return found


def _read_item(text: NormalisedText, number: int, limit: int) -> ItemLine | None:
    """Read an item heading at line ``number`` using no line past ``limit`` (see :func:`read_item`)."""
    line = text.line(number)
    found = heading(line)
    if found is None:
        return None
    raw_number, sub, title, pages, pages_raw = found
    title_end = number
    title_start = number
    if not title.strip() and number < limit:
        # "3." alone on its line: the title is the next content line (one blank line may sit between).
        follow = text.line(number + 1) if text.line(number + 1).clean else None
        if follow is None and number + 1 < limit and not text.line(number + 1).clean:
            follow = text.line(number + 2)
        if follow is None or follow.furniture is not None or heading(follow) is not None:
            return None
        title, pages, pages_raw = split_pages(follow.clean)
        title_start = title_end = follow.number
    elif pages_raw is None and title_end < limit and (block := _wrapped_block(text, number, limit)):
        # A title wrapped over several lines that ends in its page reference ("... Service" /
        # "from the ... Directorate" / "and Health Directorate (Pages 277 - 326)").
        title_end, title, pages, pages_raw = block
    elif pages_raw is None and title_end < limit:
        follow = text.line(title_end + 1)
        if follow.is_content and heading(follow) is None and part_of(follow.clean) is None:
            rest, more_pages, more_raw = _continuation(follow)
            wrapped_caps = upper_share(title) > 0.8 and upper_share(rest) > 0.8 and len(rest) < 200
            wrapped = bool(_WRAP_END.search(title.rstrip())) and len(rest) < 200 and rest[:1].isupper()
            if more_raw is not None or wrapped_caps or wrapped:
                title = f"{title.rstrip()} {rest.strip()}"
                pages, pages_raw = more_pages, more_raw
                title_end = follow.number
    title = clean_title(title)
    if not looks_like_heading(title):
        return None
    title = verbatim_value(text, title_start, title_end, title) or title
    return ItemLine(raw_number + sub, int(raw_number), sub, title, number, title_end, pages, pages_raw)
