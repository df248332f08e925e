"""Papers that are not on the council's report template: letters and cover-block papers.

Two layouts come up beside the template report in agenda packs:

* a letter on a partner's letterhead (a clinic's name, address, "Tel:",
  "Email:", then the letter's date on a line of its own), signed off at the
  end with "Report by Emma Hedley – Designated Nurse ..." and a date;
* a partnership paper whose cover block names the body, the title and the
  meeting date on short lines of their own ("HARROW STRATEGIC PARTNERSHIP
  BOARD" / "Safer Harrow - Update" / "13th March 2013"), then asks the body to
  act under a heading such as "What are you asking the Partnership Board to do".

The functions here read what such papers print; everything else stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quorum.extract.report_values import parse_date
from quorum.extract.tables import verbatim_text
from quorum.model import Contact, NormalisedText, fold_whitespace

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TEL = re.compile(r"^(?:tel|telephone|phone)\b\.?\s*:?\s*(?P<phone>\+?\d[\d ]{6,}\d)", re.I)
_SIGN_OFF = re.compile(r"^(?:report\s+(?:by|of|from|prepared\s+by)|author|written\s+by)\s*:?\s+(?P<who>\S.*)$", re.I)
_ASK = re.compile(
    r"^(?:what\s+(?:are\s+you|is\s+the\s+\w+)\s+asking\b.*|proposed\s+action|action\s+required|decision\s+required"
    r"|the\s+\w+(?:\s+\w+)?\s+is\s+(?:asked|requested)\s+to)\s*:?$",
    re.I,
)
#: Address, phone and web lines of a letterhead.
_LETTERHEAD = re.compile(
    r"@|\bwww\.|^(?:tel|telephone|fax|phone|e-?mail)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b", re.I
)


@dataclass
class Paper:
    """What an untemplated paper prints: cover-block fields, letterhead contact, sign-off and the ask."""

    body_start: int
    report_for: str | None = None
    subject: str | None = None
    meeting_date: str | None = None
    meeting_date_raw: str | None = None
    officers: list[str] = field(default_factory=list)
    contact: Contact | None = None
    recommendations: str | None = None
    recommendations_line: int | None = None


def _content(text: NormalisedText, start: int, end: int) -> list[int]:
    """Return the numbers of the content lines (not blank, not page furniture) in ``start``..``end``."""
    return text.content_numbers(start, end)


def _date_only(clean: str) -> tuple[str | None, str | None]:
    """Return (ISO, raw) when a line is nothing but a date ("18.05.17", "13th March 2013")."""
    iso, raw = parse_date(clean)
    if iso and raw and len(clean.strip(" .,")) <= len(raw) + 2:
        return iso, raw
    return None, None


def _letterhead(text: NormalisedText, lines: list[int], paper: Paper) -> None:
    """Read a letterhead (short lines down to a date line) into the paper's contact and body start."""
    for position, number in enumerate(lines[:20]):
        clean = fold_whitespace(text.line(number).clean)
        if len(clean.split()) > 8:
            return
        iso, _ = _date_only(clean)
        if iso is None:
            continue
        head = lines[:position]
        if not any(_LETTERHEAD.search(fold_whitespace(text.line(n).clean)) for n in head):
            return
        contact = Contact(name=None, line=head[0] if head else number)
        for line in head:
            verbatim = verbatim_text(text.line(line).raw)
            email = _EMAIL.search(verbatim)
            phone = _TEL.match(verbatim)
            if email and contact.email is None:
                contact.email = email.group(0)
            if phone and contact.phone is None:
                contact.phone = phone.group("phone").strip()
        paper.contact = contact
        paper.body_start = number + 1
        return


def _sign_off(text: NormalisedText, lines: list[int], paper: Paper) -> None:
    """Read "Report by <name> – <role>" near the end of a paper as its author and contact."""
    for number in reversed(lines[-6:]):
        verbatim = verbatim_text(text.line(number).raw)
        match = _SIGN_OFF.match(verbatim)
        if not match:
            continue
        who = match.group("who").strip().rstrip(".").strip()
        paper.officers = [who]
        parts = re.split(r"\s+[–-]\s+|,\s+", who, maxsplit=1)
        name, role = parts[0], parts[1] if len(parts) > 1 else ""
        contact = paper.contact or Contact(name=None)
        contact.name = name.strip() or None
        contact.role = role.strip() or None
        contact.line = number
        paper.contact = contact
        return


def _cover_block(text: NormalisedText, lines: list[int], paper: Paper) -> None:
    """Read a cover block: an upper-case body name, the title, and a date line, each on a line of its own."""
    if len(lines) < 3:
        return
    first, second, third = (fold_whitespace(text.line(n).clean) for n in lines[:3])
    if not (first.isupper() and len(first.split()) <= 8 and len(second.split()) <= 16):
        return
    iso, raw = _date_only(third)
    if iso is None:
        return
    paper.report_for = verbatim_text(text.line(lines[0]).raw)
    paper.subject = verbatim_text(text.line(lines[1]).raw)
    paper.meeting_date, paper.meeting_date_raw = iso, raw
    paper.body_start = lines[2] + 1


def _ask(text: NormalisedText, start: int, end: int, paper: Paper) -> None:
    """Read what the body is asked to do, from the paragraph under a heading such as "Proposed Action"."""
    found: list[tuple[int, str]] = []
    for number in range(start, end + 1):
        clean = fold_whitespace(text.line(number).clean)
        if not _ASK.match(clean):
            continue
        parts: list[str] = []
        first = None
        for following in range(number + 1, min(end, number + 12) + 1):
            line = text.line(following)
            if not line.is_content:
                if parts:
                    break
                continue
            if _ASK.match(fold_whitespace(line.clean)):
                break
            first = first or following
            parts.append(verbatim_text(line.raw))
        if parts and first is not None:
            found.append((number, " ".join(parts)))
        if len(found) == 2:
            break
    if found:
        # "What are you asking the Board to do" is the ask; "Proposed Action" stands in when it is missing
        asks = [f for f in found if re.match(r"^what\b", fold_whitespace(text.line(f[0]).clean), re.I)]
        paper.recommendations_line, paper.recommendations = (asks or found)[0]


def read_paper(text: NormalisedText, start: int, end: int) -> Paper:
    """Read an untemplated paper on lines ``start``..``end``.

    Takes the normalised text and the paper's line range. Returns a Paper with
    the cover-block fields, the letterhead contact, the sign-off author and
    the ask, whichever are printed, and the first line of the body.
    """
    paper = Paper(body_start=start)
    lines = _content(text, start, end)
    if not lines:
        return paper
    _letterhead(text, lines, paper)
    if paper.contact is None:
        _cover_block(text, lines, paper)
    _sign_off(text, lines, paper)
    _ask(text, paper.body_start, end, paper)
    return paper
