"""Performance indicators from scorecards and tables.

A table is read as a scorecard when it has a label column (a header such as
"Indicator Description", "PI Description", "Measure"), when its header has no
label but benchmarks ("England average", "SN Average") beside period columns
and its text column reads as measures ("Percentage of ...", "% of ..."), or
when it is a two-column label/figure list whose figures are mostly numbers
under a heading that says so ("Harrow at a Glance", "Key facts") or whose
labels read as measures ("Number of ..."). Money tables (budgets, outturn,
income and expenditure) and membership/attendance tables ("3/3") are not
scorecards. Each data row becomes one Indicator: the label, the latest actual
figure (verbatim, with a parsed number), its period from the column header,
the target (a target column, or "Target - 11%" printed in the label),
comparators (England, statistical neighbours, London, the previous period) and
the RAG status printed for that period.
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
#: Money tables: budgets, income and expenditure, outturn.
_FINANCE = re.compile(
    r"\b(?:budget|expenditure|income|outturn|spend|cost|costs|funding|contributions?|forecast|variance)\b|£", re.I
)
#: A money label: a finance word, or a total.
_MONEY_LABEL = re.compile(_FINANCE.pattern + r"|\btotal\b", re.I)
#: Every ``_MONEY_LABEL`` match in ASCII text holds one of these words, lower-cased: a cheap exact pre-check. (Under
#: ``re.IGNORECASE`` an ASCII letter also matches three non-ASCII code points, "İ", "ı", "ſ", ruled out by ``isascii``.)
_MONEY_WORDS = (
    "budget",
    "expenditure",
    "income",
    "outturn",
    "spend",
    "cost",
    "funding",
    "contribution",
    "forecast",
    "variance",
    "total",
)
_NEGATIVE_SUM = re.compile(r"^\s*-\s?£?\d")
_FRACTION = re.compile(r"^\d{1,2}\s*/\s*\d{1,2}$")
_CONTENTS_TITLE = re.compile(r"\bcontents\b|\bindex\b", re.I)
#: Membership and attendance tables ("Representing Organisation | Title | Attended").
_ATTENDANCE = re.compile(
    r"\battended\b|\bmembership\b|\bapologies\b|\b(?:board|committee|meeting|member)s?\s+attendance\b", re.I
)
#: Headings that announce a list of headline figures.
_GLANCE_TITLE = re.compile(
    r"\bat\s+a\s+glance\b|\bkey\s+(?:facts|figures|statistics|data|indicators|measures)\b|\bin\s+numbers\b"
    r"|\bheadline\s+(?:figures|data|measures)\b|\bscorecard\b|\bdashboard\b|\bprofile\b|\bperformance\b"
    r"|\bindicators?\b|\bkpis?\b",
    re.I,
)
#: Row labels that name a measure.
_MEASURE_LABEL = re.compile(
    r"^\s*(?:%|percentage|proportion|number|no\.|rate|average|total\s+number|ratio|median|mean)\b"
    r"|^\s*%|\bper\s+[\d,]+\b",
    re.I,
)
#: A target printed inside a label: "... (% with 2+ moves) Target - 11%".
_LABEL_TARGET = re.compile(r"\bTarget\s*[-–:=]\s*(?P<target>[<>≤≥]?\s*\d[\d.,]*\s*%?)", re.I)
#: A date or date range in brackets: "(31st March 2020)", "(1 st April 2019- 31 st March 2020)".
_BRACKET_PERIOD = re.compile(
    r"\((?:as\s+at\s+)?(?P<period>(?:\d{1,2}\s*(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4}"
    r"(?:\s*[-–]\s*(?:\d{1,2}\s*(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4})?)\)"
)
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
    lowered = label.lower()
    if _PERCENT_VALUE.match(value) or _PERCENT_LABEL.search(lowered):
        return "percent"
    if "%" in value and not _PERCENT_IN_BRACKETS.search(value):
        return "percent"
    if _RATE.search(text):
        return "rate"
    if _DAYS.search(lowered):
        return "days"
    if _COUNT_LABEL.match(lowered):
        return "count"
    return None


#: The patterns of :func:`unit_of`, compiled once.
_PERCENT_VALUE = re.compile(r"^\s*-?\d[\d,.]*\s*%")
_PERCENT_LABEL = re.compile(r"%|\bpercentage\b|\bproportion\b")
_PERCENT_IN_BRACKETS = re.compile(r"\d[\d,.]*\s*\(\s*\d[\d.]*\s*%\s*\)")
_RATE = re.compile(r"\brate\b|per\s+[\d,]+")
_DAYS = re.compile(r"\bdays?\b")
_COUNT_LABEL = re.compile(r"^\s*(?:number|no\.|total|children in borough)")


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


def _label_column(table: Table) -> int | None:
    """Return the label column of a scorecard: a labelled header, else the measure-text column of a benchmark table.

    A header without a label heading still makes a scorecard when it names a
    benchmark ("England average", "SN Average") and one column of the rows
    reads as measures ("Percentage of ...").
    """
    header = table.header
    labelled = next((i for i, h in enumerate(header) if _LABEL.search(h) and not _REF.match(h)), None)
    if labelled is not None:
        return labelled
    if not any(p.search(h) for h in header for p in _COMPARATORS.values()):
        return None
    best: tuple[float, int] | None = None
    for i, h in enumerate(header):
        if h:
            continue
        cells = [row[i] for row in table.rows if i < len(row) and row[i]]
        measures = sum(1 for cell in cells if _MEASURE_LABEL.search(cell))
        if cells and measures * 2 >= len(cells) and (best is None or measures > best[0]):
            best = (measures, i)
    return best[1] if best else None


def _scorecard_rows(table: Table, label_col: int) -> list[Indicator]:
    """Read a headed scorecard table row by row, labels from ``label_col``."""
    header = table.header
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
        others = [i for i in (*comparator_cols.values(), *rag_cols) if i < len(row) and row[i]]
        if not filled and not others:
            continue  # a group heading inside the table ("23 | Educational attainment of ...")
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
        else:
            printed = _LABEL_TARGET.search(label)
            indicator.target = printed.group("target").strip() if printed else None
        if rag_cols and col is not None:
            period = indicator.period
            chosen = next((i for i in rag_cols if period and period in header[i]), rag_cols[-1])
            if chosen < len(row) and row[chosen]:
                indicator.rag = rag_of(row[chosen])
        indicators.append(indicator)
    return indicators


def _glance_rows(table: Table, heading: str | None) -> list[Indicator]:
    """Read a two-column label/figure list ("Harrow at a Glance") row by row.

    A figure printed for a second area on the next row ("27/33 (London)" under
    "207/ 317(England)") is a comparator of the row above. The period is the
    date in brackets in the label, else the one in the list's heading.
    """
    indicators: list[Indicator] = []
    rows = ([table.header] if table.header else []) + table.rows
    lines = ([table.span.start_line] if table.header else []) + table.row_lines
    heading_period = _BRACKET_PERIOD.search(heading or "")
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
        period = _BRACKET_PERIOD.search(label) or heading_period
        indicator.period = period.group("period") if period else None
        indicators.append(indicator)
    return indicators


def _is_money_label(label: str) -> bool:
    """True when a row label names money (a finance word or a total): ``_MONEY_LABEL.search``, pre-checked cheaply."""
    if label.isascii():
        lowered = label.lower()
        if not (  # one of _MONEY_WORDS
            "budget" in lowered
            or "expenditure" in lowered
            or "income" in lowered
            or "outturn" in lowered
            or "spend" in lowered
            or "cost" in lowered
            or "funding" in lowered
            or "contribution" in lowered
            or "forecast" in lowered
            or "variance" in lowered
            or "total" in lowered
        ):
            return False
    return _MONEY_LABEL.search(label) is not None


def _is_finance(table: Table) -> bool:
    """True for money tables: a budget/expenditure heading, or a two-column list of money labels or negative sums."""
    if _FINANCE.search(" ".join([table.title or "", *table.header])):
        return True
    if len(table.rows[0]) != 2:
        return False
    labels = [row[0] for row in table.rows if row and row[0]]
    if not labels:
        return False
    if sum(1 for label in labels if _is_money_label(label)) * 3 >= len(labels):
        return True  # a list of money labels: the negative sums need not be counted
    negative = sum(1 for row in table.rows for cell in row[1:] if _NEGATIVE_SUM.match(cell))
    return negative * 3 >= len(table.rows)


def _is_attendance(table: Table) -> bool:
    """True for membership and attendance tables ("Attended: 3/3")."""
    if _ATTENDANCE.search(" ".join([table.title or "", *table.header])):
        return True
    cells = [cell for row in table.rows for cell in row[1:] if cell]
    fractions = sum(1 for cell in cells if _FRACTION.match(cell))
    return bool(cells) and fractions * 2 >= len(cells)


def _heading(table: Table, documents: list[Document]) -> str | None:
    """Return the heading a table sits under: its own title when it names a scorecard, else its document's title."""
    if table.title and _GLANCE_TITLE.search(table.title):
        return table.title
    if table.document is not None and 0 <= table.document < len(documents):
        title = documents[table.document].title
        if title and _GLANCE_TITLE.search(title):
            return title
    return None


def _is_glance(table: Table, heading: str | None) -> bool:
    """True for a two-column list of headline figures under a scorecard heading, or of measures."""
    width = len(table.rows[0]) if table.rows else 0
    if width != 2 or len(table.rows) < 3:
        return False
    if _numeric_share([row[1] for row in table.rows]) < 0.7:
        return False
    if heading is not None:
        return True
    labels = [row[0] for row in table.rows if row[0]]
    return bool(labels) and sum(1 for label in labels if _MEASURE_LABEL.search(label)) * 2 >= len(labels)


def extract_indicators(text: NormalisedText, documents: list[Document], tables: list[Table]) -> list[Indicator]:
    """Return the performance figures found in ``tables``.

    Takes the normalised text, its documents (whose titles name the section a
    table sits in, e.g. "Harrow at a Glance") and the tables already extracted;
    returns one Indicator per scorecard row, in line order. Money tables and
    membership/attendance tables are skipped.
    """
    del text
    indicators: list[Indicator] = []
    for table in tables:
        if table.title and _CONTENTS_TITLE.search(table.title):
            continue
        if not table.rows or _is_finance(table) or _is_attendance(table):
            continue
        cells = [cell for row in table.rows for cell in row[1:]]
        label_col = _label_column(table) if table.header else None
        if label_col is not None and _numeric_share(cells) >= 0.3:
            indicators.extend(_scorecard_rows(table, label_col))
            continue
        heading = _heading(table, documents)
        if _is_glance(table, heading):
            indicators.extend(_glance_rows(table, heading))
    indicators.sort(key=lambda indicator: indicator.line)
    return indicators
