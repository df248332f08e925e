"""Officer reports on a council's report template.

A report opens with a header block of labelled fields ("REPORT FOR:",
"Date of Meeting:", "Subject:", "Responsible Officer:", "Exempt:", ...), laid
out one per line, tab-separated, or wrapped over several lines. Then come
numbered sections: the summary and recommendations, the report, statutory
officer clearance, contact details and background papers.

Reports are taken from the segmenter's ``report`` documents when there are
any; otherwise (and for template reports the segmenter missed) a report starts
at a "REPORT FOR:" / "Report of:" header block. Every field falls back to
``None`` when the template lacks it, so letter-style reports still come out.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from quorum.extract.report_papers import read_paper
from quorum.extract.report_values import parse_bool, parse_date, strip_councillor
from quorum.extract.tables import verbatim_text
from quorum.model import (
    Access,
    Clearance,
    Contact,
    Document,
    DocumentKind,
    Heading,
    NormalisedText,
    Report,
    fold_whitespace,
)

# ------------------------------------------------------------ header fields ---

#: Field name → pattern matching the label at the start of a clean line.
_FIELDS: dict[str, re.Pattern[str]] = {
    "report_for": re.compile(r"^(?:report\s+(?:for|to)|meeting|committee)\s*:", re.I),
    "date": re.compile(r"^(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|date)\s*:", re.I),
    "subject": re.compile(r"^(?:subject|title|report\s+title)\s*:", re.I),
    "officer": re.compile(r"^(?:responsible\s+officers?|report\s+of|report\s+author|lead\s+officers?)\s*:", re.I),
    "portfolio": re.compile(r"^(?:portfolio\s+holders?|cabinet\s+member|lead\s+member)\s*:", re.I),
    "scrutiny": re.compile(r"^scrutiny\s+lead\s+member\s+area\s*:", re.I),
    "key": re.compile(r"^(?:key\s+decision|is\s+this\s+a\s+key\s+decision\??)\s*[:?]?", re.I),
    "exempt": re.compile(r"^(?:exempt(?:\s+information)?|public|confidential|part\s+ii)\s*[:?]", re.I),
    "call_in": re.compile(r"^(?:decision\s+)?subject\s+to\s+call[- ]in\s*[:?]", re.I),
    "wards": re.compile(r"^wards?(?:\s+affected)?\s*:", re.I),
    "enclosures": re.compile(r"^(?:enclosures?|appendices|attachments?)\s*:", re.I),
}
_START = re.compile(r"^(?:report\s+(?:for|to)\s*:|report\s+of\s*:)", re.I)
_SECTION = re.compile(r"^(?:[Ss]ection\s+\d+(?:\.\d+)?\b|\d+(?:\.0)?\s+[A-Z][a-z])")
_RECOMMENDATIONS = re.compile(r"^recommendations?\s*:?\s*", re.I)
_CLEARANCE = re.compile(r"statutory\s+officer\s+clearance", re.I)
_CONTACT_SECTION = re.compile(r"contact\s+details", re.I)
_CONTACT = re.compile(r"^(?:contact(?:\s+officer)?|report\s+author)\s*:\s*", re.I)
_BACKGROUND = re.compile(r"^background\s+papers\s*[:\-–]?\s*", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\b(?:tel|telephone|phone)\b[.:]?\s*)?(\+?\d[\d ]{7,}\d|\b[Xx]\s?\d{4,5}\b)")
_NAME_LABEL = re.compile(r"^name\s*:\s*", re.I)
_DATE_LABEL = re.compile(r"date\s*:\s*", re.I)
#: A statutory officer's role, perhaps signed "on behalf of the*" (the asterisk is a footnote marker).
_ON_BEHALF = re.compile(
    r"(?P<behalf>on\s+behalf\s+of\s+(?:the\s*)?\*?\s*)?\*?\s*"
    r"(?P<role>(?:chief\s+financial|monitoring|s\.?\s?151|section\s+151)\s+officer|head\s+of\s+paid\s+service)",
    re.I,
)
#: Patterns tested on every line of a report, compiled once.
_SUMMARY = re.compile(r"^summary", re.I)
_SECTION_2 = re.compile(r"^section\s+2\b", re.I)
_SECTION_N = re.compile(r"^section\s+\d", re.I)
_REASON_WORD = re.compile(r"^reasons?\b", re.I)
_REASON_LABEL = re.compile(r"^reasons?\s*:?\s*(?:\(for\s+recommendations?\))?\s*", re.I)
_SECTION_OR_NUMBERED = re.compile(r"^(?:section\s+\d|\d+(?:\.0)?\s+[A-Z])", re.I)
_FOUR_CAPITALS = re.compile(r"[A-Z]{4}")
_CLEARANCE_STOP = re.compile(r"^(?:ward\s+councillors|eqia|section\s+\d)", re.I)
_TAG = re.compile(r"<[^>]+>")
_DATE_REST = re.compile(r"date\s*:\s*(.+)$", re.I)
_BEHALF_ALONE = re.compile(r"^on\s+behalf\s+of(?:\s+the)?\s*\*?$", re.I)
_DATE_LINE = re.compile(r"^date\s*:\s*(.*)$", re.I)
_CHECKLIST = re.compile(r"^if appropriate, does the report", re.I)
_NONE_ANSWER = re.compile(r"^(?:none|nil|n/a)\W*$", re.I)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}\.?|\.)\s+[A-Z][^.]*:?$")
_BULLET_OR_DIGIT = re.compile(r"^[-•*]|^\d")
_COLON_VALUE = re.compile(r":\s*\S")
_QUESTION_VALUE = re.compile(r"\?\s*\S")
_POINT_ZERO = re.compile(r"^\d+\.0\s+\S")
_BACKGROUND_WORD = re.compile(r"background", re.I)
_START_WINDOW = re.compile(r"subject|date of meeting|responsible officer|exempt", re.I)
# ------------------------------------------------------------- the report ---


#: The key in ``NormalisedText.index_cache`` of the lines' folded clean texts, filled in as reports read them.
_FOLDED_KEY = "reports.folded_clean"


@dataclass
class _Lines:
    """The clean, verbatim and raw views of a report's lines, addressed by line number."""

    text: NormalisedText
    start: int
    end: int
    #: Per line of the text (index ``number - 1``), :meth:`clean` once computed: shared by every ``_Lines`` of
    #: the text, since a report's lines are read several times over (its end, header, sections, headings).
    folded: list[str | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        folded = self.text.index_cache.get(_FOLDED_KEY)
        if folded is None:
            folded = self.text.index_cache[_FOLDED_KEY] = [None] * len(self.text.lines)
        self.folded = folded

    def clean(self, number: int) -> str:
        """Clean text of line ``number`` (empty for page furniture), white space folded."""
        value = self.folded[number - 1]
        if value is None:
            line = self.text.lines[number - 1]
            value = self.folded[number - 1] = "" if line.furniture else _fold_line(line.clean)
        return value

    def cleans(self, first: int, last: int) -> list[str]:
        """``[self.clean(n) for n in range(first, last + 1)]`` (``first`` >= 1), by a slice once computed."""
        if first < 1:  # (a slice would not wrap round as an index does)
            return [self.clean(number) for number in range(first, last + 1)]
        folded = self.folded
        out = folded[first - 1 : last]
        if None in out:
            lines = self.text.lines
            for offset, value in enumerate(out):
                if value is None:
                    line = lines[first - 1 + offset]
                    out[offset] = folded[first - 1 + offset] = "" if line.furniture else _fold_line(line.clean)
        return out  # type: ignore[return-value]  # no None is left

    def verbatim(self, number: int) -> str:
        """Readable verbatim text of line ``number``."""
        return verbatim_text(self.text.line(number).raw)

    def numbers(self) -> range:
        """The line numbers of the report."""
        return range(self.start, self.end + 1)


@functools.lru_cache(maxsize=16384)
def _fold_line(clean: str) -> str:
    """Return one line's clean text with white space folded (cached: reports read their lines many times)."""
    return fold_whitespace(clean)


def _value_after(label: re.Pattern[str], raw: str) -> str:
    """Return the verbatim value that follows a field label on a raw line."""
    text = verbatim_text(raw)
    clean = fold_whitespace(text.replace("*", " ")) if text.startswith("*") else text
    match = label.match(clean)
    if not match:
        return ""
    value = clean[match.end() :].strip()
    return value if value in text else verbatim_text(value)


#: Every field pattern as one alternation in the same order, each in a group named after its field: the first
#: branch that matches is the first pattern that matches, so one match names the field.
_FIELD_RE = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in _FIELDS.items()), re.I)


def _field_of(clean: str) -> str | None:
    """Name the header field a clean line starts with, if any (the first of ``_FIELDS`` whose label matches)."""
    match = _FIELD_RE.match(clean)
    return match.lastgroup if match else None


def _header(lines: _Lines, stop: int) -> tuple[dict[str, tuple[str, int]], int]:
    """Read the labelled fields of a header block from ``lines.start`` up to ``stop``.

    Returns field name → (verbatim value, line) and the last line of the block.
    Values wrapped onto following unlabelled lines are joined on.
    """
    fields: dict[str, tuple[str, int]] = {}
    current: str | None = None
    last = lines.start
    blank_run = 0
    for number in range(lines.start, stop + 1):
        clean = lines.clean(number)
        if not clean:
            blank_run += 1
            if blank_run > 1 and current not in {"report_for", "officer", "portfolio", "subject"}:
                current = None
            continue
        blank_run = 0
        if _SECTION.match(clean) or _RECOMMENDATIONS.match(clean) or _SUMMARY.match(clean):
            break
        if len(clean) > 300:
            break
        name = _field_of(clean)
        if name and (name not in fields or name == current):
            label = _FIELDS[name]
            raw = lines.text.line(number).raw.replace("**", "")
            value = _value_after(label, raw)
            fields[name] = (value, number)
            current = name
            last = number
            continue
        if current is None:
            continue
        value, first = fields[current]
        extra = lines.verbatim(number)
        if current in {"report_for", "subject"}:
            # a bold value wrapped over lines goes on until its "**" closes
            opened = lines.text.raw_between(first, number - 1).count("**") % 2 == 1
            capitals = clean.upper() == clean and value.upper() == value and "**" not in lines.text.line(first).raw
            if not (opened or capitals):
                current = None
                continue
        joined = f"{value} {extra}".strip()
        if current in {"date", "key", "exempt", "call_in"} and value:
            break
        fields[current] = (joined, first)
        last = number
    return fields, last


def _find_start_lines(text: NormalisedText, start: int, end: int) -> list[int]:
    """Return the lines in ``start``..``end`` where a report header block begins."""
    starts: list[int] = []
    # _START needs "report" once "**" is dropped: only lines holding one or the other can open a header block.
    # Lines holding "*" stand in for those holding "**" (a few more lines to test, but a one-byte search).
    candidates = text.lines_containing("report") | text.lines_containing("*")
    for number in sorted(n for n in candidates if start <= n <= end):
        clean = text.line(number).clean
        if "*" in clean:
            clean = clean.replace("**", "").strip()  # clean views are already stripped
        if _START.match(clean):
            window = " ".join(text.line(n).clean for n in range(number, min(end, number + 12) + 1))
            near = starts and number - starts[-1] <= 10
            if not near and _START_WINDOW.search(window):
                starts.append(number)
    return starts


def _is_blank_notice(text: NormalisedText, number: int) -> bool:
    return text.line(number).furniture == "blank_page_notice"


def _section_line(lines: _Lines, pattern: re.Pattern[str], after: int) -> int | None:
    """Return the first line after ``after`` whose clean text matches ``pattern`` (searched anywhere)."""
    for number, clean in enumerate(lines.cleans(after, lines.end), after):
        if clean and len(clean) < 120 and pattern.search(clean):
            return number
    return None


def _recommendations(lines: _Lines, body_start: int) -> tuple[str | None, int | None, str | None]:
    """Return (recommendations verbatim, their first line, reasons verbatim) from Section 1."""
    for number in range(body_start, lines.end + 1):
        clean = lines.clean(number)
        if not clean:
            continue
        if _SECTION_2.match(clean):
            return None, None, None
        if _RECOMMENDATIONS.match(clean) and len(clean) < 400:
            rest = _RECOMMENDATIONS.sub("", clean, count=1).strip()
            parts: list[str] = []
            first = number
            if rest:
                parts.append(_value_after(_RECOMMENDATIONS, lines.text.line(number).raw))
            end = number
            reason_line: int | None = None
            for following in range(number + 1, lines.end + 1):
                text = lines.clean(following)
                if not text:
                    continue
                if _REASON_WORD.match(text):
                    reason_line = following
                    break
                if _SECTION_OR_NUMBERED.match(text) and len(text) < 80:
                    break
                if text.upper() == text and len(text) < 60 and _FOUR_CAPITALS.search(text):
                    break
                parts.append(lines.verbatim(following))
                end = following
            del end
            recommendations = " ".join(part for part in parts if part) or None
            reasons = _reasons(lines, reason_line) if reason_line else None
            return recommendations, first, reasons
    return None, None, None


def _reasons(lines: _Lines, start: int) -> str | None:
    """Return the reasons for recommendations that follow a "Reason:" line, up to Section 2."""
    parts: list[str] = []
    rest = _value_after(_REASON_LABEL, lines.text.line(start).raw)
    if rest:
        parts.append(rest)
    for number in range(start + 1, lines.end + 1):
        clean = lines.clean(number)
        if not clean:
            continue
        if _SECTION_N.match(clean) or _SECTION.match(clean):
            break
        if clean.upper() == clean and len(clean) < 60 and _FOUR_CAPITALS.search(clean):
            break  # "FOR INFORMATION"
        parts.append(lines.verbatim(number))
    return " ".join(parts) or None


def _clearance_name(rest: str) -> str | None:
    """Return the officer's name from the text after "Name:" (without role, date, dots or job title)."""
    role_match = _ON_BEHALF.search(rest)
    name = rest[: role_match.start()] if role_match else rest
    name = _DATE_LABEL.split(name)[0]
    name = re.sub(r"\s*on\s+behalf\s+of(?:\s+the)?\*?\s*$", "", name, flags=re.I)
    name = re.sub(r"^[\s.]+", "", name)
    name = re.sub(r"\.{2,}.*$", "", name.strip(" \t-")).strip(" .")
    # "Jo Frost, Finance Business Partner -" : the job title after the comma is not the name
    name = name.split(",")[0].strip(" -–")
    return name or None


def _set_role(clearance: Clearance, match: re.Match[str], pending_behalf: bool) -> None:
    """Set the statutory role (as printed, without "on behalf of the*") and whether it was signed on behalf."""
    clearance.role = fold_whitespace(match.group("role"))
    clearance.on_behalf = bool(match.group("behalf")) or pending_behalf


def _clearances(lines: _Lines, start: int, stop: int) -> list[Clearance]:
    """Read "Name: ... on behalf of the* Chief Financial Officer ... Date: ..." sign-offs.

    Takes the report's lines, the line of the clearance heading and the last
    line to read. Returns one Clearance per "Name:" with the statutory role as
    printed (the footnote asterisk and "on behalf of the" dropped, recorded in
    ``on_behalf``), the name without job title, and the date (ISO and raw).
    """
    clearances: list[Clearance] = []
    current: Clearance | None = None
    pending_behalf = False
    for number in range(start + 1, stop + 1):
        clean = lines.clean(number)
        if not clean:
            continue
        if _CLEARANCE_STOP.match(clean):
            break
        text = lines.verbatim(number)
        plain = fold_whitespace(_TAG.sub(" ", text))
        name_match = _NAME_LABEL.match(plain)
        if name_match:
            rest = plain[name_match.end() :]
            current = Clearance(role=None, name=_clearance_name(rest), line=number)
            role_match = _ON_BEHALF.search(rest)
            if role_match:
                _set_role(current, role_match, pending_behalf)
                pending_behalf = False
            date_match = _DATE_REST.search(plain)
            if date_match:
                _set_date(current, _ON_BEHALF.split(date_match.group(1))[0])
            clearances.append(current)
            continue
        if _BEHALF_ALONE.match(plain):
            pending_behalf = True
            continue
        role_match = _ON_BEHALF.search(plain)
        if current is None:
            if role_match and not clearances:
                current = Clearance(role=None, name=None, line=number)
                _set_role(current, role_match, pending_behalf)
                pending_behalf = False
                clearances.append(current)
            continue
        date_match = _DATE_LINE.match(plain)
        if date_match:
            _set_date(current, date_match.group(1))
            continue
        if role_match and current.role is None:
            _set_role(current, role_match, pending_behalf)
            pending_behalf = False
            continue
        if current.name is None:
            current.name = _clearance_name(plain)
    return clearances


def _set_date(clearance: Clearance, raw: str) -> None:
    raw = raw.strip(" .")
    raw = re.sub(r"\.{2,}.*$", "", raw).strip()
    iso, _ = parse_date(raw)
    clearance.date = iso
    clearance.date_raw = raw or None


def _contact(lines: _Lines, start: int, stop: int) -> tuple[Contact | None, str | None]:
    """Read the contact officer and background papers of Section 4."""
    contact: Contact | None = None
    papers: list[str] = []
    in_papers = False
    in_contact = False
    for number in range(start + 1, stop + 1):
        clean = lines.clean(number)
        if not clean:
            continue
        if _is_blank_notice(lines.text, number):
            break
        text = lines.verbatim(number)
        if _BACKGROUND.match(clean):
            in_papers, in_contact = True, False
            rest = _value_after(_BACKGROUND, lines.text.line(number).raw)
            if rest:
                papers.append(rest)
            continue
        if _CONTACT.match(clean):
            in_papers, in_contact = False, True
            rest = _value_after(_CONTACT, lines.text.line(number).raw)
            contact = Contact(name=None, line=number)
            if rest:
                _fill_contact(contact, rest)
            continue
        if _CHECKLIST.match(clean):
            break
        if in_contact and contact is not None and len(clean) < 300:
            _fill_contact(contact, text)
            continue
        if in_papers:
            if (
                (papers and _NONE_ANSWER.match(papers[0]))
                or len(papers) >= 5
                or (clean.upper() == clean and _FOUR_CAPITALS.search(clean))
            ):
                break
            papers.append(text)
    background = " ".join(papers) or None
    # the fold of the section's lines is a substring of the whole text's fold: try it first, fold the pack if needed
    local = fold_whitespace(lines.text.raw_between(start, stop)) if background else ""
    if background and background not in local and not lines.text.folded_contains(background):
        background = papers[0]
    return contact, background


def _fill_contact(contact: Contact, text: str) -> None:
    """Fill the contact's name, role, email and phone from one verbatim fragment."""
    email = _EMAIL.search(text)
    if email and contact.email is None:
        contact.email = email.group(0)
    phone_match = _PHONE.search(text)
    if phone_match and contact.phone is None and (phone_match.group(1).count(" ") < 4):
        contact.phone = phone_match.group(1).strip()
    rest = text
    for found in (email.group(0) if email else None, phone_match.group(0) if phone_match else None):
        if found:
            rest = rest.replace(found, "\t")
    rest = re.sub(r"(?i)\b(?:e-?mail|tel(?:ephone)?|phone|mobile)\b\.?\s*:?", "\t", rest)
    chunks = [c.strip(" ,.;:-–") for c in rest.split("\t")]
    chunks = [c for c in chunks if c and re.search(r"[A-Za-z]", c)]
    if not chunks:
        return
    first = chunks[0]
    if contact.name is None:
        # "Caroline Eccles, Senior Lawyer, Employment and Governance": the name, then the role as printed
        name, _, role = first.partition(",")
        contact.name = name.strip(" -–") or None
        if role.strip(" ,.;:-–") and contact.role is None:
            contact.role = role.strip(" ,.;:-–")
        return
    if contact.role is None:
        contact.role = first


def _officers(value: str) -> list[str]:
    """Split a "Responsible Officer(s)" value into officers as printed (name plus title)."""
    cut = re.search(r"[\w.+-]+@|\b0\d{3,4}\s?\d{3}", value)
    if cut:
        value = value[: cut.start()]
    value = value.strip().rstrip(",").strip()
    if not value:
        return []
    # "Chris Spencer – Director of ... Chris Hogan – Independent Chair ...": one officer per "Name –"
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=\s))[A-Z][a-z]+\s+[A-Z][a-z'-]+\s+[–-]\s", value)]
    if len(starts) > 1 and starts[0] == 0:
        bounds = [*starts, len(value)]
        return [value[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return [value]


#: Lines that answer a template question rather than head a section.
_ANSWER = re.compile(
    r"^(?:none|nil|not\s|no\b|yes\b|n/a|update\s+report|delete\s+as|for\s+information$|information\s+report$)", re.I
)
_CONTACT_LINE = re.compile(
    r"@|\bwww\.|\b(?:tel|telephone|fax|phone|e-?mail)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b", re.I
)


def _is_subheading(lines: _Lines, number: int, clean: str) -> bool:
    """True when a short line stands alone between blank lines and reads as a section heading."""
    if number > lines.start and lines.clean(number - 1):
        return False  # a line above: not standing alone
    if number < lines.end and lines.clean(number + 1):
        return False  # a line below
    # "15. Risk Management Implications", "2.1 Introduction"
    numbered = _NUMBERED_HEADING.match(clean) is not None
    if not (clean[0].isupper() or numbered) or len(clean.split()) > 8:
        return False
    if clean.endswith((".", ",", ";")) or (clean.endswith(":") and not numbered):
        return False
    if lines.text.line(number).cells is not None or (_BULLET_OR_DIGIT.match(clean) and not numbered):
        return False
    if _field_of(clean) is not None or _ANSWER.match(clean) or _CONTACT_LINE.search(clean):
        return False
    if _COLON_VALUE.search(clean) or _QUESTION_VALUE.search(clean):
        return False  # "Name: Jo Frost", "Risk included on Directorate risk register? Yes"
    clean_of = lines.clean
    previous = next(filter(None, map(clean_of, range(number - 1, lines.start - 1, -1))), "")
    following = next(filter(None, map(clean_of, range(number + 1, lines.end + 1))), "")
    if previous.endswith(":") and len(previous) <= 60:
        return False  # the answer to "Key Judgement 3:"
    return not following[:1].islower()  # "... vision:" / "<theme>" / "and meets the Ambition Plan theme:"


def _headings(lines: _Lines, start: int, stop: int | None = None) -> list[Heading]:
    """Return the section headings of a report body from ``start`` (to ``stop``, default the end).

    Level 1 are numbered sections ("Section 2 – Report", "3.0 Statutory Officer
    Clearance"); level 2 are short lines standing alone that read as headings
    ("Legal Implications"). Template answers, contact lines and lines that finish
    a sentence ending in a colon are not headings, nor is anything inside the
    statutory officer clearance or the contact details once those sections begin.
    """
    headings: list[Heading] = []
    in_contact = False
    contact = lines.text.lines_containing("contact")  # _CONTACT_SECTION needs the word
    cleans = lines.cleans(start, stop or lines.end)
    last = len(cleans) - 1
    for offset, clean in enumerate(cleans):
        if not clean or len(clean) > 90:
            continue
        number = start + offset
        if _SECTION_N.match(clean) or _POINT_ZERO.match(clean):
            headings.append(Heading(text=lines.verbatim(number), line=number, level=1))
            in_contact = bool((number in contact and _CONTACT_SECTION.search(clean)) or _CLEARANCE.search(clean))
        elif number in contact and _CONTACT_SECTION.search(clean) and _BACKGROUND_WORD.search(clean):
            headings.append(Heading(text=lines.verbatim(number), line=number, level=1))
            in_contact = True
        elif not in_contact:
            # _is_subheading refuses a line with a line above or below it at once: read that from the list here
            if offset > 0 and number > lines.start and cleans[offset - 1]:
                continue
            if offset < last and number < lines.end and cleans[offset + 1]:
                continue
            if _is_subheading(lines, number, clean):
                headings.append(Heading(text=lines.verbatim(number), line=number, level=2))
    return headings


def _report_end(text: NormalisedText, start: int, limit: int) -> int:
    """Return the last line of a report that starts at ``start`` within ``start``..``limit``.

    The report ends before a blank-page notice, or after its contact details and
    background papers when another document follows straight on.
    """
    lines = _Lines(text, start, limit)
    contact_lines = text.lines_containing("contact")  # _CONTACT_SECTION needs the word
    contact_section = None
    for number in range(start, limit + 1):
        if text.lines[number - 1].furniture == "blank_page_notice" and number > start + 3:  # _is_blank_notice
            limit = number - 1
            break
        if number not in contact_lines:
            continue
        clean = lines.clean(number)
        if clean and len(clean) < 100 and _CONTACT_SECTION.search(clean) and _BACKGROUND_WORD.search(clean):
            contact_section = number
    if contact_section is not None:
        contact, papers = _contact(_Lines(text, start, limit), contact_section, limit)
        del contact, papers
        end = _section4_end(_Lines(text, start, limit), contact_section, limit)
        limit = min(limit, end)
    while limit > start and not text.line(limit).clean:
        limit -= 1
    return limit


def _section4_end(lines: _Lines, start: int, stop: int) -> int:
    """Return the last line of the contact/background papers section that starts at ``start``."""
    last = start
    in_papers = False
    count = 0
    for number in range(start + 1, stop + 1):
        clean = lines.clean(number)
        if not clean:
            continue
        if _BACKGROUND.match(clean):
            in_papers = True
            last = number
            continue
        if in_papers:
            count += 1
            if count > 5 or (clean.upper() == clean and _FOUR_CAPITALS.search(clean) and "@" not in clean):
                break
            if _CHECKLIST.match(clean):
                break
        last = number
    # a trailing checklist ("If appropriate, does the report include ...") belongs to the report
    for number in range(last + 1, min(stop, last + 8) + 1):
        if _CHECKLIST.match(lines.clean(number)):
            last = number
            for follow in range(number + 1, min(stop, number + 10) + 1):
                if lines.text.line(follow).cells is not None:
                    last = follow
            break
    return last


def _template_fields(report: Report, lines: _Lines, fields: dict[str, tuple[str, int]]) -> None:
    """Copy the header block's labelled fields into ``report`` (normalised values beside the raw text)."""
    text = lines.text
    if "report_for" in fields:
        report.report_for = fields["report_for"][0] or None
    if "date" in fields:
        iso, raw = parse_date(fields["date"][0])
        report.meeting_date = iso
        report.meeting_date_raw = raw or (fields["date"][0] or None)
    if "subject" in fields:
        report.subject = fields["subject"][0] or None
    if "officer" in fields:
        report.responsible_officers = _officers(fields["officer"][0])
    if "portfolio" in fields:
        first_line = strip_councillor(_value_after(_FIELDS["portfolio"], text.line(fields["portfolio"][1]).raw))
        report.portfolio_holder = first_line.split(",")[0].strip() or None
    if "scrutiny" in fields:
        report.scrutiny_lead = fields["scrutiny"][0] or None
    if "key" in fields:
        report.key_decision_raw = fields["key"][0] or None
        report.key_decision = parse_bool(fields["key"][0])
    if "exempt" in fields:
        value, number = fields["exempt"]
        report.exempt_raw = value or None
        flag = parse_bool(value)
        label = lines.clean(number).lower()
        if flag is not None and label.startswith("public"):
            flag = not flag
        report.exempt = flag
    if "call_in" in fields:
        report.call_in_raw = fields["call_in"][0] or None
        report.call_in = parse_bool(fields["call_in"][0])
    if "wards" in fields:
        report.wards_affected = fields["wards"][0] or None
    if "enclosures" in fields:
        report.enclosures = _enclosures(fields["enclosures"][0])


def _paper_fields(report: Report, text: NormalisedText, start: int, end: int) -> int:
    """Fill ``report`` from an untemplated paper (letter or cover block); return the first line of its body."""
    paper = read_paper(text, start, end)
    report.report_for, report.subject = paper.report_for, paper.subject
    report.meeting_date, report.meeting_date_raw = paper.meeting_date, paper.meeting_date_raw
    report.responsible_officers = paper.officers
    report.contact = paper.contact
    report.recommendations, report.recommendations_line = paper.recommendations, paper.recommendations_line
    return paper.body_start


def _build(text: NormalisedText, start: int, end: int, document: int | None, item: str | None) -> Report:
    """Read every template field of the report on lines ``start``..``end``.

    A paper without the template's header block is read for what it prints
    instead (letterhead, cover block, sign-off); the rest stays ``None``.
    """
    lines = _Lines(text, start, end)
    report = Report(span=text.span(start, end), document=document, agenda_item=item)
    fields, header_end = _header(lines, min(end, start + 60))
    if fields:
        body_start = header_end + 1
        _template_fields(report, lines, fields)
        report.recommendations, report.recommendations_line, report.reasons = _recommendations(lines, body_start)
    else:
        body_start = _paper_fields(report, text, start, end)
    clearance_line = _section_line(lines, _CLEARANCE, body_start)
    contact_line = None
    contact_lines = text.lines_containing("contact")  # _CONTACT_SECTION needs the word
    for number in lines.numbers():
        if number not in contact_lines:
            continue
        clean = lines.clean(number)
        if clean and len(clean) < 100 and _CONTACT_SECTION.search(clean):
            contact_line = number
    if clearance_line is None:
        # templates that print the sign-off block without its heading
        for number in range(body_start, end + 1):
            if _NAME_LABEL.match(lines.clean(number)) and _ON_BEHALF.search(
                " ".join(lines.clean(n) for n in range(number, min(end, number + 6) + 1))
            ):
                clearance_line = number - 1
                break
    if clearance_line is not None:
        report.clearances = _clearances(lines, clearance_line, contact_line or end)
    if contact_line is None and fields:
        for number in range(body_start, end + 1):
            if _CONTACT.match(lines.clean(number)) or _BACKGROUND.match(lines.clean(number)):
                contact_line = number - 1
                break
    if contact_line is not None:
        report.contact, report.background_papers = _contact(lines, contact_line, end)
    report.headings = _headings(lines, body_start)
    return report


_NONE_LIKE = re.compile(
    r"^(?:none|no|nil|n/?a|not\s+applicable|no\s+(?:additional\s+)?(?:papers|enclosures)\b.*)\W*$", re.I
)


def _enclosures(value: str) -> list[str]:
    """Split an enclosures value into the enclosures it lists ("Appendix 1 – ... Appendix 2 – ...")."""
    if not value or _NONE_LIKE.match(value):
        return []
    parts = [part.strip() for part in re.split(r"\s+(?=(?:Appendix|Annex|Enclosure)\s+[\dA-Z]+\b)", value)]
    parts = [part for part in parts if part]
    if len(parts) == 1:
        numbered = [p.strip() for p in re.split(r"\s+(?=\d\.\s)", value) if p.strip()]
        if len(numbered) > 1 and all(re.match(r"^\d\.\s", p) for p in numbered):
            return numbered
    return parts


def _agenda_item_for(documents: list[Document], start: int) -> tuple[int | None, str | None]:
    """Return (index, agenda item) of the innermost document holding line ``start``."""
    best: tuple[int | None, str | None] = (None, None)
    best_size = None
    for index, doc in enumerate(documents):
        if doc.span.contains(start):
            size = doc.span.end_line - doc.span.start_line
            if best_size is None or size <= best_size:
                best, best_size = (index, doc.agenda_item), size
    return best


def extract_reports(text: NormalisedText, documents: list[Document]) -> list[Report]:
    """Return one Report for each officer report among ``documents``.

    Takes the normalised text and the segmenter's documents. Uses documents of
    kind ``report`` where present (their spans bound each report), and also finds
    template reports by their "REPORT FOR:" header block outside them, so the
    extractor works before (or despite) segmentation. Returns reports in line order.
    """
    if not text.lines:
        return []
    last = len(text.lines)
    spans: list[tuple[int, int, int | None, str | None]] = []
    for index, doc in enumerate(documents):
        if doc.kind == DocumentKind.REPORT:
            spans.append((doc.span.start_line, min(doc.span.end_line, last), index, doc.agenda_item))
    starts = _find_start_lines(text, 1, last)
    for position, start in enumerate(starts):
        if any(s <= start <= e for s, e, _, _ in spans):
            continue
        limit = starts[position + 1] - 1 if position + 1 < len(starts) else last
        for s, _, _, _ in spans:
            if start < s <= limit:
                limit = s - 1
        end = _report_end(text, start, limit)
        index, item = _agenda_item_for(documents, start)
        spans.append((start, end, index, item))
    spans.sort()
    reports: list[Report] = []
    for start, end, index, item in spans:
        head = start
        for candidate in starts:
            if start <= candidate <= min(end, start + 40):
                head = candidate
                break
        report = _build(text, head, end, index, item)
        report.span = text.span(start, end)
        if report.exempt is None and index is not None and documents[index].access == Access.EXEMPT:
            report.exempt = True  # a Part II item whose report is withheld ("Document is Restricted")
        reports.append(report)
    return reports
