"""Split a source into lines and recognise page furniture, keeping the raw text.

The clean view of a line drops markup debris left by PDF-to-text conversion
(``<u>``, ``<p>``, ``**``, ``~~``, ``[text](#)``, autolink brackets) but never
drops words. Furniture (blank-page notices, stray page numbers, table rules,
repeated running headers) is flagged, not deleted, so every line number still
points at the raw file.
"""

from __future__ import annotations

import re
from collections import Counter

from quorum.model import Line, NormalisedText, Source

BLANK_PAGE_NOTICE = "blank_page_notice"
PAGE_NUMBER = "page_number"
RUNNING_HEADER = "running_header"
TABLE_RULE = "table_rule"

_HTML_TAG = re.compile(
    r"</?(?:u|i|b|p|em|strong|span|div|ul|ol|li|br|sup|sub|table|tr|td|th|font)\b[^>]*>",
    re.IGNORECASE,
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:#|[^)\s]*)\)")
_EMPHASIS = re.compile(r"\*\*|~~|__")
_BLANK_NOTICE = re.compile(r"^\W*this page (?:is |has been )?(?:intentionally|deliberately) (?:left )?blank\W*$", re.I)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:\d{1,3}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)(?:\s*-)?$", re.I)
#: A table rule is made only of these characters and holds "--" somewhere. Checked as a character-class
#: fullmatch plus a substring test: the equivalent single regex backtracks cubically on long runs of dashes.
_TABLE_RULE_CHARS = re.compile(r"[\s|:\-=+]*")
_PIPE_ROW = re.compile(r"^(?:-\s+)?\|.*\|\s*$")
#: The letters furniture can open with ("This page is intentionally left blank", "Page 3"); a line opening with any
#: other letter is content. (No other character matches "t" or "p" under ``re.IGNORECASE``: checked.)
_FURNITURE_INITIALS = frozenset("tTpP")

#: Lines longer than this go through linear-time versions of the tag and link substitutions, whose
#: regexes backtrack quadratically on hostile lines (40 kB of "<http:" took 47 s). Results are identical.
_LONG_LINE = 2048
_AUTOLINK_TOKEN = re.compile(r"[^\s>]+>?|>|\s+")
_LINK_TARGET_STOP = re.compile(r"[)\s]")


def _sub_html_tags(text: str) -> str:
    """Remove HTML tags, as ``_HTML_TAG.sub("", text)``, in linear time on long lines."""
    if len(text) <= _LONG_LINE:
        return _HTML_TAG.sub("", text)
    end = text.rfind(">") + 1  # every tag ends at a ">": nothing after the last one can match
    return _HTML_TAG.sub("", text[:end]) + text[end:]


def _sub_autolinks(text: str) -> str:
    """Unwrap ``<https://...>`` autolinks, as ``_AUTOLINK.sub``, in linear time on long lines."""
    if len(text) <= _LONG_LINE:
        return _AUTOLINK.sub(r"\1", text)
    # An autolink holds no white space and ends at the first ">" after its "<": it lies inside one token.
    return "".join(
        _AUTOLINK.sub(r"\1", token) if token[-1] == ">" and "<" in token else token
        for token in _AUTOLINK_TOKEN.findall(text)
    )


def _sub_md_links(text: str) -> str:
    """Replace ``[text](target)`` by its text, as ``_MD_LINK.sub``, in linear time on long lines."""
    if len(text) <= _LONG_LINE:
        return _MD_LINK.sub(r"\1", text)
    out: list[str] = []
    done = 0
    close = stop = -1  # the last "]" and the last ")" or space found: reused while still ahead
    start = text.find("[")
    while start != -1:
        if close <= start:
            close = text.find("]", start + 1)
            if close == -1:
                break
        end = -1
        if text.startswith("](", close):
            target = close + 2
            if text.startswith("#)", target):
                end = target + 2
            else:
                if stop < target:
                    found = _LINK_TARGET_STOP.search(text, target)
                    stop = found.start() if found else len(text)
                if stop < len(text) and text[stop] == ")":
                    end = stop + 1
        if end == -1:
            start = text.find("[", start + 1)
            continue
        out.append(text[done:start])
        out.append(text[start + 1 : close])
        done = end
        start = text.find("[", end)
    out.append(text[done:])
    return "".join(out)


def clean_line(raw: str) -> str:
    """Return the clean view of one raw line: markup removed, words kept, ends trimmed."""
    text = _sub_html_tags(raw) if "<" in raw else raw
    if "<" in text:
        text = _sub_autolinks(text)
    if "](" in text:
        text = _sub_md_links(text)
    if "*" in text or "~" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = text.replace("\xa0", " ")
    return text.strip()


def split_cells(clean: str) -> tuple[str, ...] | None:
    """Return the cells of a tab-separated or pipe-table row, or None for prose."""
    if "|" in clean and _PIPE_ROW.match(clean):
        body = clean[clean.index("|") :].strip()
        return tuple(cell.strip() for cell in body.strip("|").split("|"))
    if "\t" in clean:
        return tuple(cell.strip() for cell in clean.split("\t"))
    return None


def classify_furniture(clean: str) -> str | None:
    """Name the kind of page furniture a clean line is, or None for content."""
    if not clean:
        return None
    first = clean[0]
    if first.isalpha() and first not in _FURNITURE_INITIALS:
        return None  # a notice opens with "this" (or non-word characters), a page number with a digit, "-" or "page"
    if _BLANK_NOTICE.match(clean):
        return BLANK_PAGE_NOTICE
    if "--" in clean and _TABLE_RULE_CHARS.fullmatch(clean):
        return TABLE_RULE
    if _PAGE_NUMBER.match(clean):
        return PAGE_NUMBER
    return None


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def upper_ratio(text: str) -> float:
    """Return the share of cased letters in ``text`` that are upper case (0.0 when there are none).

    Counts as ``str.isupper``/``str.islower`` do, character by character; ASCII text (nearly every line) is
    counted by deleting letter ranges from its bytes, about seven times faster than testing each character.
    """
    if text.isascii():
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        cased = upper + len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        upper = sum(map(str.isupper, text))
        cased = upper + sum(map(str.islower, text))
    return upper / cased if cased else 0.0


def _mark_running_headers(lines: list[Line]) -> None:
    """Flag lines repeated at the top or bottom of many pages (PDF sources only)."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.page is not None and line.clean:
            pages.setdefault(line.page, []).append(line)
    if len(pages) < 3:
        return
    edge_counts: Counter[str] = Counter()
    for page_lines in pages.values():
        edges = {line.clean for line in page_lines[:2] + page_lines[-2:]}
        edge_counts.update(edges)
    threshold = max(3, int(len(pages) * 0.3))
    repeated = {text for text, count in edge_counts.items() if count >= threshold and len(text) <= 120}
    if not repeated:
        return
    for page_lines in pages.values():
        for line in page_lines[:2] + page_lines[-2:]:
            if line.clean in repeated and line.furniture is None:
                line.furniture = RUNNING_HEADER


def normalise(source: Source, text: str, pages: list[int | None] | None = None) -> NormalisedText:
    """Split ``text`` into :class:`Line` records with clean views and furniture flags.

    ``pages``, when given (PDF sources), holds the page number of each line.
    Returns a :class:`NormalisedText` whose ``lines[0]`` is line 1.
    """
    raw_lines = text.split("\n")
    if pages is not None and len(pages) != len(raw_lines):
        raise ValueError(f"pages has {len(pages)} entries for {len(raw_lines)} lines")
    lines: list[Line] = []
    append = lines.append
    page: int | None = None
    for index, raw in enumerate(raw_lines):
        if pages is not None:
            page = pages[index]
        if not raw or raw.isspace():
            append(Line(index + 1, raw, "", page, None, None))  # what the general path gives a blank line
            continue
        # clean_line, classify_furniture and split_cells, with their common outcomes inlined (this runs per line)
        if "<" in raw or "](" in raw or "*" in raw or "~" in raw or "_" in raw or "\xa0" in raw:
            clean = clean_line(raw)
        else:
            clean = raw.strip()  # no markup and no no-break space: what clean_line gives
        first = clean[:1]
        if not first.isalpha():
            furniture = classify_furniture(clean)
        elif first not in _FURNITURE_INITIALS:
            furniture = None  # what classify_furniture says of a line opening with such a letter
        elif first in "tT":  # of classify_furniture's patterns only the blank-page notice can open with "t"
            furniture = BLANK_PAGE_NOTICE if _BLANK_NOTICE.match(clean) else None
        else:  # and only "Page 3" with "p"
            furniture = PAGE_NUMBER if _PAGE_NUMBER.match(clean) else None
        # split_cells finds no cells without a "|" or a tab
        cells = split_cells(clean) if furniture is None and ("|" in clean or "\t" in clean) else None
        append(Line(index + 1, raw, clean, page, furniture, cells))
    if pages is not None:
        _mark_running_headers(lines)
    return NormalisedText(source=source, text=text, lines=lines)
