"""Performance indicators from scorecards and tables.

A table is read as a scorecard when it has a label column (a header such as
"Indicator Description", "PI Description", "Measure") or when it is a
two-column label/figure list whose figures are mostly numbers ("Harrow at a
Glance"). Each data row becomes one Indicator: the label, the latest actual
figure (verbatim, with a parsed number), its period from the column header,
the target, comparators (England, statistical neighbours, London, the previous
period) and the RAG status printed for that period.
"""

from __future__ import annotations

import re

from quorum.model import Document, Indicator, NormalisedText, Table

_LABEL = re.compile(r"\b(?:indicator|description|measure|pi\b|kpi)", re.I)
_REF = re.compile(r"^(?:ref|pi\s*ref|no\.?|ref\s*no|code)$", re.I)
_SKIP = re.compile(r"\b(?:polarity|service|commentary|comments?|direction|travel|notes?)\b", re.I)
_TARGET = re.compile(r"\btarget", re.I)
_RAG = re.compile(r"\brag\b", re.I)
_COMPARATORS = {
    "england": re.compile(r"\b(?:england|national)\b", re.I),
    "statistical_neighbours": re.compile(r"\b(?:statistical\s+neighbou?rs?|stat\.?\s+neighbou?rs?|sn)\b", re.I),
    "london": re.compile(r"\blondon\b", re.I),
}
_PERIOD = re.compile(
    r"(?:Q[1-4]\s*)?\d{4}\s*[-/]\s*\d{2,4}(?:\s*Q[1-4])?|\d{2}/\d{2}(?:\s*Q[1-4])?|Q[1-4]\s*\d{2,4}(?:[-/]\d{2,4})?"
    r"|[A-Z][a-z]{2}[- ]\d{2,4}|\b(?:19|20)\d{2}\b"
)
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_FIGURE = re.compile(r"^\s*[-£]?\d[\d,./ ]*%?\s*(?:\([^)]*\))?\s*$")
_AREA_VALUE = re.compile(r"\((England|London|National)\)\s*$", re.I)
_RAG_VALUES = {
    "green": re.compile(r"^(?:g|hg|lg|green)$", re.I),
    "amber": re.compile(r"^(?:a|amber|la|ha)$", re.I),
    "red": re.compile(r"^(?:r|hr|lr|red)$", re.I),
}


def parse_number(value: str) -> float | None:
    """Return the first number printed in ``value`` ("45,495 (74%)" → 45495.0), or None."""
    match = _NUMBER.search(value)
    if not match:
        return None
    try:
        return float(match.group(0).replace(",", ""))
    except ValueError:
        return None


def unit_of(label: str, value: str) -> str | None:
    """Name the unit of a figure: percent, rate, days or count, when the label or value says."""
    text = f"{label} {value}".lower()
    if "%" in value or re.match(r"^\s*(?:%|percentage|proportion)", label.lower()) or "(%)" in text:
        return "percent"
    if re.search(r"\brate\b|per\s+[\d,]+", text):
        return "rate"
    if re.search(r"\bdays?\b", label.lower()):
        return "days"
    if re.match(r"^\s*(?:number|no\.|total|children in borough)", label.lower()):
        return "count"
    return None


def rag_of(value: str) -> str | None:
    """Normalise a printed RAG status (HG, LG, A, HR, Red, ...) to green | amber | red."""
    for name, pattern in _RAG_VALUES.items():
        if pattern.match(value.strip()):
            return name
    return None


def _numeric_share(values: list[str]) -> float:
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    return sum(1 for v in filled if _FIGURE.match(v)) / len(filled)


def _period(header: str) -> str | None:
    match = _PERIOD.search(header)
    return match.group(0) if match else None


def _scorecard_rows(table: Table) -> list[Indicator]:
    """Read a headed scorecard table row by row."""
    header = table.header
    label_col = next((i for i, h in enumerate(header) if _LABEL.search(h) and not _REF.match(h)), None)
    if label_col is None:
        return []
    value_cols: list[int] = []
    target_col = None
    rag_cols: list[int] = []
    comparator_cols: dict[str, int] = {}
    for i, h in enumerate(header):
        if i == label_col or _REF.match(h) or _SKIP.search(h) or (not h and i < label_col):
            continue
        if _TARGET.search(h):
            target_col = i
        elif _RAG.search(h):
            rag_cols.append(i)
        elif any(p.search(h) for p in _COMPARATORS.values()) and not re.search(r"\bharrow\b|\bactual\b", h, re.I):
            for name, pattern in _COMPARATORS.items():
                if pattern.search(h):
                    comparator_cols.setdefault(name, i)
                    break
        elif h or i > label_col:
            value_cols.append(i)
    indicators: list[Indicator] = []
    for row, line in zip(table.rows, table.row_lines, strict=False):
        label = row[label_col] if label_col < len(row) else ""
        if not label:
            continue
        filled = [i for i in value_cols if i < len(row) and row[i]]
        value = row[filled[-1]] if filled else ""
        col = filled[-1] if filled else None
        indicator = Indicator(label=label, value=value, line=line, document=table.document)
        indicator.value_number = parse_number(value) if value else None
        indicator.unit = unit_of(label, value)
        if col is not None:
            indicator.period = _period(header[col]) or (header[col] or None)
        if len(filled) > 1:
            indicator.comparators["previous_period"] = row[filled[-2]]
        for name, i in comparator_cols.items():
            if i < len(row) and row[i]:
                indicator.comparators[name] = row[i]
        if target_col is not None and target_col < len(row) and row[target_col]:
            indicator.target = row[target_col]
        if rag_cols and col is not None:
            period = indicator.period
            chosen = next((i for i in rag_cols if period and period in header[i]), rag_cols[-1])
            if chosen < len(row) and row[chosen]:
                indicator.rag = rag_of(row[chosen])
        indicators.append(indicator)
    return indicators


def _glance_rows(table: Table) -> list[Indicator]:
    """Read a two-column label/figure list ("Harrow at a Glance") row by row."""
    indicators: list[Indicator] = []
    rows = ([table.header] if table.header else []) + table.rows
    lines = ([table.span.start_line] if table.header else []) + table.row_lines
    for row, line in zip(rows, lines, strict=False):
        label, value = row[0], row[1] if len(row) > 1 else ""
        area = _AREA_VALUE.search(value)
        previous = indicators[-1] if indicators else None
        if area and previous is not None:
            prev_area = _AREA_VALUE.search(previous.value)
            if prev_area and prev_area.group(1).lower() != area.group(1).lower():
                previous.comparators[area.group(1).lower()] = value
                continue
        if not label:
            continue
        indicator = Indicator(label=label, value=value, line=line, document=table.document)
        indicator.value_number = parse_number(value) if value else None
        indicator.unit = unit_of(label, value)
        indicators.append(indicator)
    return indicators


def extract_indicators(text: NormalisedText, documents: list[Document], tables: list[Table]) -> list[Indicator]:
    """Return the performance figures found in ``tables`` and the text of ``documents``.

    Takes the normalised text, its documents and the tables already extracted;
    returns one Indicator per scorecard row, in line order.
    """
    del text, documents
    indicators: list[Indicator] = []
    for table in tables:
        if table.title and re.search(r"\bcontents\b|\bindex\b", table.title, re.I):
            continue
        cells = [cell for row in table.rows for cell in row[1:]]
        if table.header and any(_LABEL.search(h) for h in table.header) and _numeric_share(cells) >= 0.3:
            indicators.extend(_scorecard_rows(table))
            continue
        width = len(table.rows[0]) if table.rows else 0
        if width == 2 and _numeric_share([row[1] for row in table.rows]) >= 0.7 and len(table.rows) >= 3:
            indicators.extend(_glance_rows(table))
    indicators.sort(key=lambda indicator: indicator.line)
    return indicators
