"""Find the sets of minutes in a pack: where each starts and ends, its body and date.

UK minutes open with a heading block in one of a few shapes:

* ``COUNCIL (ANNUAL) MINUTES`` / ``HEALTH AND WELLBEING BOARD MINUTES`` - body and "MINUTES" on one line;
* ``PENSION FUND COMMITTEE`` then ``MINUTES`` then ``28 JUNE 2017`` - body, "MINUTES" and date on lines of their own;
* ``Minutes of the meeting of the Planning Committee held on Tuesday, 14 January 2025 at 7.00 pm``
  (the ModernGov shape), or ``HARROW PARTNERSHIP BOARD`` over ``Minutes of the meeting held on ...``;
* ``CABINET`` / ``13 JULY 2017`` / ``Record of decisions taken at the meeting held on ...``;
* a bare ``Present:`` block under a body and date line.

A heading only counts when an attendance block ("Present:", "Chair:", "Councillors:", ...)
or, for the unmistakable "Minutes of the meeting ..." headings, a numbered minute follows
soon after: that keeps out cover sheets ("COUNCIL 28 SEPTEMBER 2017 / MINUTES / This page is
intentionally left blank") and agenda items ("1. COUNCIL MINUTES (Pages 9 - 22)").

A set ends at the closing line ("The meeting finished at 9.10 pm", "(CLOSE OF MEETING: ...)")
plus any signature lines, at a blank-page notice, at the next set, or where another document
plainly begins (a cover block of body and date, a multi-line bold title, "REPORT FOR:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quorum.model import NormalisedText
from quorum.normalise.dates import find_date, is_date_only, parse_time
from quorum.normalise.lines import BLANK_PAGE_NOTICE

# ------------------------------------------------------------- patterns ---

_BODY_MINUTES_RE = re.compile(r"^(?P<body>[A-Z][^\d:;.!?\t]{1,90}?)\s*[-–—:]?\s+(?:MINUTES|Minutes)$")
_MINUTES_ALONE_RE = re.compile(r"^(?:MINUTES|Minutes)\s*:?$")
_MINUTES_OF_RE = re.compile(
    r"^(?:(?:draft|confirmed|unconfirmed|approved|signed)\s+)?minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_MEETING_OF_RE = re.compile(
    r"^(?:(?:annual|extraordinary|special|ordinary|adjourned|reconvened|virtual|remote|hybrid|inaugural)\s+)*"
    r"(?:meeting|proceedings)(?:\s+of\s+(?:the\s+)?(?P<body>.+?))?(?=\s+(?:held|on|at|in|which)\b|,|\s*$)",
    re.IGNORECASE,
)
_BODY_HELD_RE = re.compile(r"^(?P<body>.+?)(?:\s+meeting)?(?=\s+(?:held|on)\b|,|\s*$)", re.IGNORECASE)
_RECORD_RE = re.compile(r"^(?:record|schedule|summary)\s+of\s+(?:the\s+)?decisions?\b", re.IGNORECASE)
_PRESENT_RE = re.compile(
    r"^(?:\(\d+\)\s*)?(?:members\s+|councillors\s+)?present(?:\s+in\s+person)?\s*(?::|$)|^present\s*:",
    re.IGNORECASE,
)

#: Labels that open an attendance block, the proof that a heading opens minutes.
ATTENDANCE_LABEL_RE = re.compile(
    r"^(?:\(\d+\)\s*)?(?:"
    r"(?:members\s+|councillors\s+)?present"
    r"|(?:vice[- ]?chair(?:man)?\s+)?in\s+the\s+chair|chair(?:man|person)?|mayor"
    r"|councillors|members|attendance|attendees|in\s+attendance|apologies(?:\s+for\s+absence)?"
    r")\b\s*(?::|$)",
    re.IGNORECASE,
)

_QUALIFIER_RE = re.compile(
    r"^(?:the\s+)?(?:(?:annual|extraordinary|special|ordinary|adjourned|reconvened|inaugural)\s+)+"
    r"|(?:\s+\(?(?:annual|extraordinary|special|ordinary|adjourned|reconvened|inaugural)\)?)+$"
    r"|\s+meeting$",
    re.IGNORECASE,
)
_REJECT_BODY_WORDS = re.compile(
    r"\b(?:of|the|previous|last|draft|approval|approve|confirm|confirmation|signing)$", re.I
)

CLOSING_RE = re.compile(
    r"close\s+of\s+meeting|time\s+of\s+(?:conclusion|closure|finish)|meeting\s+(?:ended|closed|finished)\s*:"
    r"|\bmeeting\b.{0,70}?\b(?:closed|ended|finished|concluded|terminated|rose|closing)\b"
    r"|^\(?\s*(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated)\b",
    re.IGNORECASE,
)


def is_closing_line(clean: str) -> bool:
    """True when ``clean`` is a closing note: ``CLOSING_RE.search(clean)``, with an exact cheap test first.

    Every branch of the pattern needs "meeting" with a word of ending ("clos...", "ended", "finished",
    "concluded", "terminated", "rose") or "time" with "conclusion", "closure" or "finish". For ASCII text
    ``str.lower`` agrees with ``re.IGNORECASE``, so a line holding none of those pairs is told at once.
    """
    if clean.isascii():
        lowered = clean.lower()
        if "meeting" in lowered:
            if not (
                "clos" in lowered
                or "ended" in lowered
                or "finished" in lowered
                or "concluded" in lowered
                or "terminated" in lowered
                or "rose" in lowered
                or ("time" in lowered and ("conclusion" in lowered or "finish" in lowered))
            ):
                return False  # ("closure" holds "clos")
        elif "time" not in lowered or not ("conclusion" in lowered or "closure" in lowered or "finish" in lowered):
            return False
    return CLOSING_RE.search(clean) is not None


_SIGNATURE_RE = re.compile(
    r"^\(?signed\)?|^(?:the\s+)?(?:vice[- ]?)?chair(?:man|person)?\b|^mayor\b|^date[d]?\s*:?\s*$|^[_.]{4,}",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(
    r"^(?:REPORT FOR\s*:|Report for\s*:|Report to\s*:|Date of Meeting\s*:|Contents$|CONTENTS$|Table of Contents$"
    r"|APPENDIX\s+[A-Z0-9]{1,3}$|Appendix\s+[A-Z0-9]{1,3}$|Document is Restricted$)"
)
#: The letters _BREAK_RE's headings open with (it is case-sensitive).
_BREAK_INITIALS = "RDCTA"
_COVER_CAPS_DATE_RE = re.compile(r"^[A-Z][A-Z &,'()\-]{2,60}\s+\d{1,2}\s+[A-Z]{3,9}\s+\d{4}$")
_RESOLUTION_START_RE = re.compile(r"^(?:RESOLVED|AGREED|RECOMMENDED|DECIDED|Resolved|Agreed)\b")
_NUMBERED_RE = re.compile(
    r"^\d{1,4}[.:)]?\s+(?!(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?,?\s+\d{4})[A-Z]"
)


@dataclass(slots=True)
class MinutesSpan:
    """Where one set of minutes lies, with what its heading says.

    ``header_line`` is the line that marks the set (the "MINUTES" line, the
    "Minutes of the meeting ..." line, "Record of decisions ..." or "Present:");
    ``start_line`` may lie above it (the body and date lines).
    """

    start_line: int
    end_line: int
    header_line: int
    body: str | None = None
    date: str | None = None
    date_raw: str | None = None
    start_time: str | None = None
    document: int | None = None
    meeting_type: str | None = None


_MEETING_TYPE_RE = re.compile(
    r"\b(?P<type>annual|extraordinary|special|adjourned|reconvened|inaugural|budget)\b(?=\W*(?:meeting\b|\)|$))"
    r"|^(?:the\s+)?(?P<lead>annual|extraordinary|special|adjourned|reconvened|inaugural)\b",
    re.IGNORECASE,
)


def meeting_type(heading: str | None) -> str | None:
    """Return the meeting-type word a minutes heading prints beside its body, as printed, or None.

    "COUNCIL (ANNUAL)" gives "ANNUAL"; "COUNCIL EXTRAORDINARY" gives "EXTRAORDINARY";
    "Special Meeting of the Licensing Committee" gives "Special"; "CABINET" gives None.
    """
    if not heading:
        return None
    match = _MEETING_TYPE_RE.search(heading.strip().strip("*"))
    if match is None:
        return None
    return match.group("type") or match.group("lead")


def clean_body(body: str) -> str:
    """Drop meeting-type words from a heading's body: "COUNCIL (ANNUAL)" gives "COUNCIL".

    Returns the body unchanged when nothing would be left.
    """
    stripped = body.strip().strip("*").strip(" -–:,")
    previous = None
    while previous != stripped:
        previous = stripped
        stripped = _QUALIFIER_RE.sub("", stripped).strip(" -–:,")
    if not stripped or stripped.lower() in ("meeting", "minutes", "the meeting"):
        return body.strip()
    return stripped


def _next_content(text: NormalisedText, line: int, limit: int, count: int) -> list[int]:
    out: list[int] = []
    lines = text.lines
    n = line + 1
    while n <= limit and len(out) < count:
        current = lines[n - 1]
        if current.furniture is None:
            if current.clean:  # Line.is_content
                out.append(n)
        elif current.furniture == BLANK_PAGE_NOTICE:
            break
        n += 1
    return out


def _is_body_line(clean: str) -> bool:
    """True when a line reads as a heading naming a body ("CABINET", "HARROW PARTNERSHIP BOARD")."""
    if not clean or len(clean) > 90 or "\t" in clean:
        return False
    if clean[0].isdigit() or clean.endswith((".", ";", ",", ":")) or is_date_only(clean):
        return False
    if re.match(r"^(?:appendix|annex|item|page|agenda|public document pack)\b", clean, re.I):
        return False
    words = clean.split()
    return 1 <= len(words) <= 12 and clean[0].isupper()


@dataclass(slots=True)
class _Header:
    line: int
    strong: bool
    body: str | None
    date_line_text: str | None = None


def _header_at(text: NormalisedText, n: int) -> _Header | None:
    if n not in text.lines_containing("minutes", "decision"):
        return None  # every heading shape below needs one of the two words
    clean = text.line(n).clean.strip().strip("*").strip()
    if not clean or len(clean) > 250:
        return None
    match = _BODY_MINUTES_RE.match(clean)
    if match and not _REJECT_BODY_WORDS.search(match.group("body")):
        return _Header(n, strong=False, body=match.group("body"))
    if _MINUTES_ALONE_RE.match(clean):
        return _Header(n, strong=False, body=None)
    match = _MINUTES_OF_RE.match(clean)
    if match:
        rest = match.group("rest")
        if re.match(r"(?:previous|last|earlier)\b", rest, re.I):
            return None
        body: str | None = None
        meeting = _MEETING_OF_RE.match(rest)
        if meeting:
            body = meeting.group("body")
        else:
            held = _BODY_HELD_RE.match(rest)
            if held:
                body = held.group("body")
        return _Header(n, strong=True, body=body.strip() if body else None, date_line_text=clean)
    if _RECORD_RE.match(clean):
        return _Header(n, strong=True, body=None, date_line_text=clean)
    return None


def _validated(text: NormalisedText, header: _Header, limit: int) -> bool:
    """True when an attendance block (or, for strong headings, a numbered minute) follows the heading."""
    following = _next_content(text, header.line, limit, 25)
    for n in following:
        clean = text.line(n).clean
        if n != header.line and _header_at(text, n) is not None:
            return False
        if ATTENDANCE_LABEL_RE.match(clean) or _PRESENT_RE.match(clean):
            return True
        if header.strong and (_NUMBERED_RE.match(clean) or _RESOLUTION_START_RE.match(clean)):
            return True
    return False


def _same_heading_block(text: NormalisedText, previous: int, line: int, within: int) -> bool:
    """True when ``line`` lies within ``within`` lines under the heading at ``previous``, before any minute."""
    if line - previous > within:
        return False
    for m in range(previous + 1, line):
        current = text.line(m)
        if current.furniture == BLANK_PAGE_NOTICE or (current.is_content and _NUMBERED_RE.match(current.clean)):
            return False
    return True


def _walk_back(text: NormalisedText, line: int, floor: int) -> tuple[int, str | None, int | None, int | None]:
    """Look above a heading for its body and date lines.

    Returns ``(start_line, body, body_line, date_line)``.
    """
    start = line
    body: str | None = None
    body_line: int | None = None
    date_line: int | None = None
    n = line - 1
    seen = 0
    while n >= floor and seen < 3:
        current = text.line(n)
        if current.furniture == BLANK_PAGE_NOTICE:
            break
        if not current.is_content:
            n -= 1
            continue
        seen += 1
        clean = current.clean.strip().strip("*").strip()
        if is_date_only(clean) and date_line is None:
            date_line = n
            start = n
        elif _is_body_line(clean) and not CLOSING_RE.search(clean):
            body, body_line, start = clean, n, n
            break
        else:
            break
        n -= 1
    return start, body, body_line, date_line


def _is_document_break(text: NormalisedText, n: int, limit: int, business: bool | None = None) -> bool:
    """True when line ``n`` plainly starts another document inside a pack.

    ``business`` may pass on whether the stripped clean line opens a numbered minute or a resolution, when the
    caller has already tested it.
    """
    line = text.lines[n - 1]
    clean = line.clean.strip()
    first = clean[:1]
    if first in _BREAK_INITIALS and first and _BREAK_RE.match(clean):
        return True
    if business is None:
        business = bool(_NUMBERED_RE.match(clean) or _RESOLUTION_START_RE.match(clean))
    if business:
        return False
    if "**" in line.raw:  # (the stripped raw line can only open with "**" then)
        raw = line.raw.strip()
        if raw.startswith("**") and raw.count("**") == 1 and len(clean) <= 80:
            return True
    if "A" <= first <= "Z" and _COVER_CAPS_DATE_RE.match(clean):
        return True
    if (
        len(clean) <= 60
        and clean == clean.upper()
        and any(ch.isalpha() for ch in clean)
        and not clean.endswith((".", ":", ";", ","))
        and not re.search(r"MEETING|NEXT|DATE|ITEMS|PART\b", clean)
    ):
        following = _next_content(text, n, limit, 2)
        if following and any(is_date_only(text.line(m).clean) for m in following[:2]):
            return True
    return False


def _find_end(text: NormalisedText, header_line: int, limit: int) -> int:
    last = header_line
    seen_business = False
    lines = text.lines
    n = header_line + 1
    while n <= limit:
        line = lines[n - 1]
        if line.furniture is not None:
            if line.furniture == BLANK_PAGE_NOTICE:
                break
            n += 1  # other furniture is not content
            continue
        clean = line.clean
        if not clean:
            n += 1
            continue
        business = bool(_NUMBERED_RE.match(clean) or _RESOLUTION_START_RE.match(clean))
        stripped = clean.strip()
        if stripped is not clean:  # (clean views are stripped already: this is for lines built by hand)
            stripped_business = bool(_NUMBERED_RE.match(stripped) or _RESOLUTION_START_RE.match(stripped))
        else:
            stripped_business = business
        if seen_business and _is_document_break(text, n, limit, stripped_business):
            break
        if business:
            seen_business = True
        last = n
        if is_closing_line(clean) and parse_time(clean):
            for m in _next_content(text, n, limit, 3):
                candidate = text.line(m).clean
                if len(candidate) <= 80 and _SIGNATURE_RE.match(candidate.strip("*").strip()):
                    last = m
                else:
                    break
            return last
        n += 1
    return last


def _date_near(text: NormalisedText, header: _Header, limit: int) -> tuple[str | None, str | None]:
    if header.date_line_text:
        found = find_date(header.date_line_text)
        if found:
            return found.iso, found.raw
        following = _next_content(text, header.line, limit, 1)
        if following:
            found = find_date(text.line(following[0]).clean)
            if found:
                return found.iso, found.raw
    for n in _next_content(text, header.line, limit, 3):
        clean = text.line(n).clean.strip().strip("*").strip()
        if is_date_only(clean):
            found = find_date(clean)
            if found:
                return found.iso, found.raw
    return None, None


def _header_time(header: _Header, date_end_text: str | None) -> str | None:
    if not header.date_line_text:
        return None
    found = find_date(header.date_line_text)
    tail = header.date_line_text[found.end :] if found else ""
    match = re.match(r"^\s*(?:,\s*)?(?:at|commencing at|from)\s+(.{1,20})", tail, re.I)
    return parse_time(match.group(1)) if match else None


def find_minutes_spans(text: NormalisedText, start: int = 1, end: int | None = None) -> list[MinutesSpan]:
    """Find every set of minutes between lines ``start`` and ``end`` (inclusive) of ``text``.

    Returns spans in line order, each with the body and date its heading prints
    (verbatim; ``date`` normalised to ISO). Never raises on odd input.
    """
    last_line = len(text.lines) if end is None else min(end, len(text.lines))
    headers: list[_Header] = []
    # only lines holding "minutes", "decision" (a heading) or "present" (an orphan attendance block) can open a set
    candidates = text.lines_containing("minutes", "decision") | text.lines_containing("present")
    lines = text.lines
    for n in sorted(candidates):  # the content lines among them in start..last_line, in order
        if n < start or n > last_line or lines[n - 1].furniture is not None or not lines[n - 1].clean:
            continue
        header = _header_at(text, n)
        orphan = False
        if header is None and _PRESENT_RE.match(text.line(n).clean):
            orphan = True
            header = _Header(n, strong=False, body=None)
            if not any(_NUMBERED_RE.match(text.line(m).clean) for m in _next_content(text, n, last_line, 80)):
                header = None
        if header is None or not _validated(text, header, last_line):
            continue
        if headers and _same_heading_block(text, headers[-1].line, n, within=40 if orphan else 8):
            # a second heading line (or the attendance block) under a heading already taken
            previous = headers[-1]
            if previous.date_line_text is None and header.date_line_text is not None:
                previous.date_line_text = header.date_line_text
            if previous.body is None and header.body is not None:
                previous.body = header.body
            continue
        headers.append(header)
    spans: list[MinutesSpan] = []
    starts: list[tuple[_Header, int, str | None, int | None]] = []
    floor = start
    for header in headers:
        if header.body is None:
            begin, body_above, _, date_line = _walk_back(text, header.line, floor)
        else:  # the heading names the body itself: the lines above belong to something else
            begin, body_above, date_line = header.line, None, None
        body = header.body or body_above
        starts.append((header, begin, body, date_line))
        floor = header.line + 1
    for index, (header, begin, body, date_line) in enumerate(starts):
        limit = starts[index + 1][1] - 1 if index + 1 < len(starts) else last_line
        finish = max(header.line, _find_end(text, header.line, limit))
        date, date_raw = _date_near(text, header, limit)
        if date is None and date_line is not None:
            found = find_date(text.line(date_line).clean)
            if found:
                date, date_raw = found.iso, found.raw
        spans.append(
            MinutesSpan(
                start_line=begin,
                end_line=finish,
                header_line=header.line,
                body=clean_body(body) if body else None,
                meeting_type=meeting_type(body),
                date=date,
                date_raw=date_raw,
                start_time=_header_time(header, date_raw),
            )
        )
    return spans
