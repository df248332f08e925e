"""Tables reassembled across page breaks, cells verbatim.

A table is a run of row lines (tab-separated or markdown pipe rows) that may be
interrupted by blank lines, stray page numbers, table rules and page
watermarks. Inside a run:

* a header repeated after a page break is dropped (its cells equal the header);
* a row whose first cell is empty and which fills few columns is the wrapped
  continuation of the row above (a cell split over lines) and is merged into it;
* a paragraph that holds only a page number (``<p>77</p>``) at the edge of a
  cell is page furniture and is removed.

Cells keep the document's text: the clean view of a cell is used when it is a
substring of the raw cell, otherwise the raw cell with its outer tags trimmed,
so every cell is a verbatim substring of the source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quorum.model import Document, Line, NormalisedText, Table, fold_whitespace
from quorum.normalise.lines import clean_line

#: Furniture that may sit inside a table without ending it.
_GAP_FURNITURE = {"page_number", "table_rule", "running_header"}
#: Short words printed across a page that are not content (watermarks).
_WATERMARK = re.compile(r"^(?:draft|confidential|restricted|official(?:[- ]sensitive)?|not protectively marked)$", re.I)
#: The key of the row-line index in ``NormalisedText.index_cache``.
_ROWS_KEY = "tables.row_lines"
#: How many non-row lines may separate two rows of the same table.
_MAX_GAP = 6
_EDGE_PAGE_PARA = re.compile(r"^\s*<p>\s*\d{1,3}\s*</p>\s*|\s*<p>\s*\d{1,3}\s*</p>\s*$")
#: The two branches of ``_EDGE_PAGE_PARA`` apart (see ``_drop_edge_page_para``).
_LEADING_PAGE_PARA = re.compile(r"\s*<p>\s*\d{1,3}\s*</p>\s*")
_TRAILING_PAGE_PARA = re.compile(r"<p>\s*\d{1,3}\s*</p>\s*")
_GLUED_PAGE_NUMBER = re.compile(r"^(\s*(?:<p>)?\s*)\d{1,3}\s+(?=\d{1,2}\.\s)")
_OUTER_TAGS = re.compile(r"^(?:\s*<[^>]+>)+|(?:<[^>]+>\s*)+$")
_NUMBERISH = re.compile(r"^[-+£$]?\s*\d[\d,.]*\s*%?$")
_FORM_LABEL = re.compile(r"^[A-Z][\w ,'()/&-]{0,60}[:?]$")
_FORM_START = re.compile(r"^(?:Name|Date)\s*:")
_LETTER = re.compile(r"[A-Za-z]")


def verbatim_text(raw: str) -> str:
    """Return the readable text of ``raw`` that is still a verbatim substring of it.

    Takes a raw fragment (a line or a cell); returns its clean view when that is a
    substring of the raw text (markup only at the edges), else the raw text with
    the outer markup trimmed. White space is folded in both cases. Without "<", "*", "~", "_" and "](" the clean
    view differs from the raw text only in white space, so the folded raw text is the answer.
    """
    if "<" not in raw and "*" not in raw and "~" not in raw and "_" not in raw and "](" not in raw:
        return " ".join(raw.split())  # fold_whitespace, inlined: the most common call of a table
    clean = fold_whitespace(clean_line(raw))
    folded = fold_whitespace(raw)
    if clean in folded:
        return clean
    return fold_whitespace(_OUTER_TAGS.sub("", folded))


def raw_cells(line: Line) -> list[str]:
    """Split the raw text of a row line into raw cells (tab or pipe separated)."""
    raw = line.raw
    if "\t" in raw:
        return raw.split("\t")
    body = raw.strip()
    if body.startswith("- "):
        body = body[2:].strip()
    return body.strip("|").split("|")


def _strip_page_furniture(cell: str) -> str:
    """Remove page-number paragraphs at the edges of a raw cell that also holds text."""
    if "<p>" not in cell:
        # neither pattern can match: both need a "<p>" or (after white space) a leading digit
        if not cell.lstrip()[:1].isdigit() or _LETTER.search(cell) is None:
            return cell
        return _GLUED_PAGE_NUMBER.sub(r"\1", cell)
    if _LETTER.search(cell) is None:
        return cell
    previous = None
    while previous != cell:
        previous = cell
        cell = _drop_edge_page_para(cell)
    return _GLUED_PAGE_NUMBER.sub(r"\1", cell)


def _drop_edge_page_para(cell: str) -> str:
    """Return ``_EDGE_PAGE_PARA.sub("", cell, count=1)`` without trying the pattern at every position.

    The leading branch can only match at the start. The trailing branch ends the cell with "<p> 12 </p>" (digits
    and white space inside, so its "<p>" is the last in the cell) and its leftmost match starts where the white
    space before that "<p>" begins.
    """
    leading = _LEADING_PAGE_PARA.match(cell)
    if leading:
        return cell[leading.end() :]
    last = cell.rfind("<p>")
    if last == -1 or not _TRAILING_PAGE_PARA.fullmatch(cell, last):
        return cell
    return cell[:last].rstrip()  # str.rstrip strips exactly the characters \s matches


def row_cells(line: Line) -> list[str]:
    """Return the verbatim cells of a row line, with stray page numbers removed."""
    raw = line.raw
    if "<" in raw or "*" in raw or "~" in raw or "_" in raw or "](" in raw:
        return [verbatim_text(_strip_page_furniture(cell)) for cell in raw_cells(line)]
    # No markup in the row (the common case): only a cell opening with a digit can lose a glued page number, and
    # verbatim_text folds white space and nothing else; the same result without the calls per cell.
    return [
        " ".join((_strip_page_furniture(cell) if cell.lstrip()[:1].isdigit() else cell).split())
        for cell in raw_cells(line)
    ]


def is_row_line(line: Line) -> bool:
    """True when ``line`` is a content row of a tab-separated or pipe table with two or more cells."""
    if line.furniture is not None or not line.clean:
        return False
    if line.cells is not None:
        return len(line.cells) >= 2
    return "\t" in line.raw and "\t" in line.raw.strip("\n") and "\t" not in line.raw.strip()


def _is_gap(line: Line) -> bool:
    """True for lines that may sit between two rows of one table."""
    if not line.clean:
        return True
    if line.furniture in _GAP_FURNITURE:
        return True
    return bool(_WATERMARK.match(line.clean))


@dataclass
class _Block:
    """Row lines of one table candidate, and the prose lines met inside it."""

    rows: list[Line] = field(default_factory=list)
    end: int = 0
    prose: list[Line] = field(default_factory=list)


def _row_numbers(text: NormalisedText) -> tuple[list[int], frozenset[int]]:
    """Return the numbers of every row line (:func:`is_row_line`) of ``text``, in order and as a set.

    Computed once per text (``is_row_line`` inlined: this runs over every line of a pack).
    """
    rows = text.index_cache.get(_ROWS_KEY)
    if rows is None:
        lines = text.lines
        numbers = [
            number
            for number in text.content_numbers()  # the lines with no furniture and a clean view, from the index
            if (
                len(cells) >= 2
                if (cells := lines[number - 1].cells) is not None
                else "\t" in (raw := lines[number - 1].raw) and "\t" in raw.strip("\n") and "\t" not in raw.strip()
            )
        ]
        rows = text.index_cache[_ROWS_KEY] = (numbers, frozenset(numbers))
    return rows


def _blocks(text: NormalisedText, start: int, end: int) -> list[_Block]:
    """Group the row lines of lines ``start``..``end`` into table candidates."""
    blocks: list[_Block] = []
    current: _Block | None = None
    gap = 0
    page_break = False
    rows, row_set = _row_numbers(text)
    number = start - 1
    while number < end:
        number += 1
        if current is None:
            # outside a table only a row line matters: go straight to the next one
            following = bisect.bisect_left(rows, number)
            if following == len(rows) or rows[following] > end:
                break
            number = rows[following]
        line = text.line(number)
        if number in row_set:  # is_row_line(line), from the index
            if current is not None and gap and _starts_new_table(current, line):
                current = None
            if current is None:
                current = _Block()
                blocks.append(current)
            current.rows.append(line)
            current.end = number
            gap = 0
            page_break = False
            continue
        if current is None:
            continue
        if line.furniture == "blank_page_notice":
            current = None
            continue
        gap += 1
        if not line.clean:
            if gap > 2 * _MAX_GAP:
                current = None
            continue
        if _is_gap(line) or line.clean == _title_text(text, current.rows[0].number):
            page_break = page_break or line.furniture != "table_rule"
            continue
        if page_break and _wrapped_prose(text, number, end):
            current.rows.append(line)
            gap = 1
        else:
            current = None
    return blocks


def _title_text(text: NormalisedText, first: int) -> str | None:
    """Return the clean text of the nearest non-blank line above line ``first`` (a table's title)."""
    for number in range(first - 1, max(0, first - 9), -1):
        line = text.line(number)
        if line.clean and line.furniture is None:
            return line.clean
    return None


def _starts_new_table(block: _Block, line: Line) -> bool:
    """True when a row met after a gap has a different shape from the block's rows."""
    widths = [len(raw_cells(row)) for row in block.rows if row.cells is not None]
    if not widths:
        return False
    widest = max(widths)
    cells = raw_cells(line)
    return bool(cells[0].strip()) and abs(len(cells) - widest) > 1


def _wrapped_prose(text: NormalisedText, number: int, end: int) -> bool:
    """True when a prose line inside a table run is followed closely by more rows.

    PDF conversion sometimes spills the wrapped tail of a wide cell onto a line
    of its own; such a line stays inside the table when a row follows within a
    few lines.
    """
    line = text.line(number)
    if len(line.clean) > 200 or line.clean.endswith(":") or line.clean.upper() == line.clean:
        return False
    seen = 0
    for ahead in range(number + 1, min(end, number + 4 * _MAX_GAP) + 1):
        following = text.line(ahead)
        if is_row_line(following):
            return line.clean[:1].islower() or not raw_cells(following)[0].strip()
        if following.furniture == "blank_page_notice":
            return False
        if following.clean and not _is_gap(following):
            seen += 1
            if seen > _MAX_GAP:
                return False
    return False


def _is_continuation(cells: list[str], previous: list[str]) -> bool:
    """True when a row is the wrapped tail of the row above (first cell empty, few cells filled)."""
    if cells[0] or not previous:
        return False
    filled = [i for i, cell in enumerate(cells) if cell]
    if not filled:
        return False
    if len(filled) * 2 > len(cells):
        return False
    return all(i < len(previous) and previous[i] for i in filled) or len(filled) == 1


def _source_test(text: NormalisedText, first: int, last: int) -> Callable[[str], bool]:
    """Return a test of whether a value occurs in the folded text, trying the fold of lines ``first``..``last`` first.

    The fold of a run of lines is a substring of the fold of the whole text, so a value found there is found; only
    a value not found there needs the whole text folded (once per text, cached on it).
    """
    window: list[str] = []

    def in_source(value: str) -> bool:
        if not window:
            window.append(fold_whitespace(text.raw_between(first, last)))
        return value in window[0] or text.folded_contains(value)

    return in_source


def _merge(previous: list[str], cells: list[str], in_source: Callable[[str], bool]) -> list[str]:
    """Append each filled cell of ``cells`` to the same column of ``previous`` when still verbatim."""
    merged = list(previous)
    while len(merged) < len(cells):
        merged.append("")
    for i, cell in enumerate(cells):
        if not cell:
            continue
        joined = f"{merged[i]} {cell}".strip()
        merged[i] = joined if in_source(joined) else (merged[i] or cell)
    return merged


def _attach_prose(rows: list[list[str]], row_lines: list[int], line: Line, in_source: Callable[[str], bool]) -> None:
    """Put a spilled prose line into the last filled cell of the row above, or as a row of its own."""
    previous = rows[-1]
    filled = [i for i, cell in enumerate(previous) if cell]
    column = filled[-1] if filled else 0
    text = verbatim_text(line.raw)
    joined = f"{previous[column]} {text}".strip()
    if in_source(joined):
        previous[column] = joined
        return
    row = [""] * len(previous)
    row[column] = text
    rows.append(row)
    row_lines.append(line.number)


def _looks_like_header(cells: list[str]) -> bool:
    """True when a first row reads as column headings rather than data."""
    filled = [cell for cell in cells if cell]
    if len(filled) < 2:
        return False
    return not any(_NUMBERISH.match(cell) for cell in filled)


def _is_form(rows: list[list[str]]) -> bool:
    """True for label/value blocks such as a report's header ("Exempt:\\tNo")."""
    labelled = sum(1 for row in rows if row and _FORM_LABEL.match(row[0]))
    starts = sum(1 for row in rows if row and _FORM_START.match(row[0]))
    return labelled * 2 >= len(rows) or starts * 2 >= len(rows)


def _title_above(text: NormalisedText, first: int) -> str | None:
    """Return the nearest prose line above a table (within eight lines) as its title."""
    for number in range(first - 1, max(0, first - 9), -1):
        line = text.line(number)
        if not line.clean or line.furniture is not None:
            continue
        if line.cells is not None or len(line.clean) > 160:
            return None
        return verbatim_text(line.raw)
    return None


def _repeats(row: list[str], key: list[str]) -> bool:
    """True when ``row`` repeats the header whose casefolded cells are ``key`` (``[c.casefold() for c in row] ==
    key``, stopping at the first cell that differs)."""
    return len(row) == len(key) and all(cell.casefold() == folded for cell, folded in zip(row, key, strict=True))


def _build(text: NormalisedText, block: _Block, document: int | None) -> Table | None:
    """Assemble one Table from a block of row lines, or None when it is not a table."""
    rows: list[list[str]] = []
    row_lines: list[int] = []
    in_source = _source_test(text, block.rows[0].number, block.end)
    for line in block.rows:
        if not is_row_line(line):
            if rows:
                _attach_prose(rows, row_lines, line, in_source)
            continue
        cells = row_cells(line)
        if rows and _is_continuation(cells, rows[-1]):
            rows[-1] = _merge(rows[-1], cells, in_source)
            continue
        rows.append(cells)
        row_lines.append(line.number)
    width = max(len(row) for row in rows)
    for row in rows:
        while row and len(row) > width:
            row.pop()
        row.extend([""] * (width - len(row)))
    # trim columns that are empty everywhere at the right edge
    while width > 1 and all(not row[width - 1] for row in rows):
        width -= 1
        for row in rows:
            row.pop()
    if width < 2 or len(rows) < 2 or _is_form(rows):
        return None
    header: list[str] = []
    if _looks_like_header(rows[0]):
        header = rows.pop(0)
        row_lines.pop(0)
        key = [cell.casefold() for cell in header]
        kept = [(row, n) for row, n in zip(rows, row_lines, strict=True) if not _repeats(row, key)]
        rows = [row for row, _ in kept]
        row_lines = [n for _, n in kept]
    if not rows:
        return None
    first = block.rows[0].number
    return Table(
        span=text.span(first, block.end),
        header=header,
        rows=rows,
        row_lines=row_lines,
        title=_title_above(text, first),
        document=document,
    )


def _document_ranges(text: NormalisedText, documents: list[Document]) -> list[tuple[int, int, int | None]]:
    """Return (start, end, document index) ranges covering the text, innermost documents first."""
    last = len(text.lines)
    leaves = [
        (doc.span.start_line, doc.span.end_line, index)
        for index, doc in enumerate(documents)
        if not any(other.parent == index for other in documents)
    ]
    leaves.sort()
    ranges: list[tuple[int, int, int | None]] = []
    cursor = 1
    for start, end, index in leaves:
        start = max(start, cursor)
        if start > end:
            continue
        if start > cursor:
            ranges.append((cursor, start - 1, None))
        ranges.append((start, min(end, last), index))
        cursor = min(end, last) + 1
    if cursor <= last:
        ranges.append((cursor, last, None))
    return ranges


def extract_tables(text: NormalisedText, documents: list[Document]) -> list[Table]:
    """Return every table in ``text``, in line order.

    Takes the normalised text and its documents (used to tag each table with the
    document it sits in; a table never crosses a document boundary). Returns
    tables with a header (when the first row reads as one), data rows with
    verbatim cells, and the line each row starts on.
    """
    if not text.lines:
        return []
    tables: list[Table] = []
    for start, end, index in _document_ranges(text, documents):
        for block in _blocks(text, start, end):
            table = _build(text, block, index)
            if table is not None:
                tables.append(table)
    return tables
