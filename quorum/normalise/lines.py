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
_TABLE_RULE = re.compile(r"^[\s|:\-=+]*-{2,}[\s|:\-=+]*$")
_PIPE_ROW = re.compile(r"^(?:-\s+)?\|.*\|\s*$")


def clean_line(raw: str) -> str:
    """Return the clean view of one raw line: markup removed, words kept, ends trimmed."""
    text = _HTML_TAG.sub("", raw) if "<" in raw else raw
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "~" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = text.replace("\xa0", " ")
    return text.strip()


def split_cells(clean: str) -> tuple[str, ...] | None:
    """Return the cells of a tab-separated or pipe-table row, or None for prose."""
    if _PIPE_ROW.match(clean):
        body = clean[clean.index("|") :].strip()
        return tuple(cell.strip() for cell in body.strip("|").split("|"))
    if "\t" in clean:
        return tuple(cell.strip() for cell in clean.split("\t"))
    return None


def classify_furniture(clean: str) -> str | None:
    """Name the kind of page furniture a clean line is, or None for content."""
    if not clean:
        return None
    if _BLANK_NOTICE.match(clean):
        return BLANK_PAGE_NOTICE
    if _TABLE_RULE.match(clean):
        return TABLE_RULE
    if _PAGE_NUMBER.match(clean):
        return PAGE_NUMBER
    return None


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
    for index, raw in enumerate(raw_lines):
        clean = clean_line(raw)
        furniture = classify_furniture(clean)
        cells = split_cells(clean) if furniture is None else None
        lines.append(
            Line(
                number=index + 1,
                raw=raw,
                clean=clean,
                page=pages[index] if pages is not None else None,
                furniture=furniture,
                cells=cells,
            )
        )
    if pages is not None:
        _mark_running_headers(lines)
    return NormalisedText(source=source, text=text, lines=lines)
