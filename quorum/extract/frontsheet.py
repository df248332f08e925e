"""Front sheets: the meeting, its membership, contact officer and agenda.

A front sheet is the first pages of an agenda pack: the body and when and where
it meets, who sits on it (members with the chair and vice-chair, substitutes,
numbered reserves, co-opted and non-voting representatives, officers), whom to
contact, when the agenda was published, and the numbered agenda.

The sheet is found from a segmented ``agenda`` document when there is one, and
otherwise at the start of the pack: the numbered agenda is parsed first (see
:mod:`quorum.extract.agenda_items`) and everything above item 1 is the header.
A header counts as a meeting's only when it prints a meeting date, so an
annual report that happens to hold a numbered list yields no meeting.

The header is read as labelled sections in the style of UK council papers
("DATE:", "Venue:", "MEMBERSHIP (Quorum 3)", "Chair:", "Councillors:",
"Reserve Members:", "Representatives of ...:", "Officers:", "Contact:"),
with tab or pipe tables read cell by cell. Unlabelled headers ("WEDNESDAY 13
MARCH 2013 AT 6.00 PM" above a venue line) are read by position.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from quorum.extract.agenda_items import AgendaParse, parse_agenda, part_of, starts_other_document, verbatim_view
from quorum.extract.names import PersonName, parse_person, role_kind, split_name_list
from quorum.model import (
    AgendaItem,
    Contact,
    Document,
    DocumentKind,
    Line,
    Meeting,
    NormalisedText,
    PersonRef,
    ReserveMember,
    fold_whitespace,
)
from quorum.normalise.dates import FoundDate, find_date, find_time
from quorum.normalise.verbatim import verbatim_in

# ------------------------------------------------------------------ labels ---

_COLON = r"\s*(?:(?::|：|\t|\s[-–—]\s)\s*(?P<rest>.*))?$"

#: Membership section labels: kind, pattern for the label text.
_SECTION_LABELS: tuple[tuple[str, str], ...] = (
    ("vice_chair", r"vice[\s-]*chair(?:man|woman|person)?|deputy[\s-]*chair(?:man|woman|person)?"),
    ("chair", r"chair(?:man|woman|person)?"),
    ("substitutes", r"(?:named\s+)?substitute\s+members?|(?:named\s+)?substitutes"),
    ("reserves", r"reserve\s+members?|reserves"),
    (
        "coopted",
        r"co-?opted(?:\s+\w+){0,3}?\s+members?|co-?opted\s+(?:representatives?|persons?)|co-?optees?|"
        r"non[\s-]*voting(?:\s+[\w-]+){0,3}?\s+members?|advisory\s+members?|independent\s+(?:persons?|members?)|"
        r"(?:parent\s+governor|church|diocesan|faith|trade\s+union|youth)\s+representatives?|"
        r"representatives?\s+of\s+[^:\t]{3,80}?|observers?",
    ),
    ("officers", r"officers(?:\s+in\s+attendance|\s+to\s+attend)?|advisers|advisors"),
    (
        "members",
        r"(?:committee\s+|panel\s+|board\s+|sub-committee\s+|voting\s+|elected\s+|full\s+|other\s+)?members(?:hip)?"
        r"|membership|councillors|cllrs",
    ),
)
_SECTION_RES = tuple(
    (kind, re.compile(rf"^(?P<label>{pattern})\s*(?:\((?P<paren>[^)]*)\))?{_COLON}", re.IGNORECASE))
    for kind, pattern in _SECTION_LABELS
)
_CONTACT_LABEL = re.compile(
    r"^(?P<label>contact(?:\s+officer|\s+details|\s+person)?|enquiries(?:\s+to)?|"
    r"for\s+(?:further\s+)?(?:information|enquiries)(?:\s+(?:please\s+)?contact)?|clerk(?:\s+to\s+the\s+[\w\s]+?)?|"
    r"democratic\s+services\s+officer)\s*(?::|：|\t)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"^(?:date(?:\s+of\s+meeting)?|meeting\s+date|when)\s*(?::|\t)\s*(?P<rest>.*)$", re.I)
_TIME_LABEL = re.compile(r"^(?:time|start\s+time|starts?)\s*(?::|\t)\s*(?P<rest>.*)$", re.IGNORECASE)
_VENUE_LABEL = re.compile(r"^(?:venue|place|location|where|meeting\s+place)\s*(?::|\t)\s*(?P<rest>.*)$", re.I)
_BODY_LABEL = re.compile(
    r"^(?:meeting|committee|body|meeting\s+of|name\s+of\s+(?:meeting|committee))\s*(?::|\t)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w&',\- ]+?)(?:\s+(?:will|to)\s+be\s+held\b|\s+on\b|\s+at\b|[.,]|$)"
)
_MEETING_OF_LEAD = re.compile(
    r"^(?:(?:notice\s+of\s+)?(?:an?\s+)?(?:\w+\s+)?meeting\s+of|you\s+are\s+(?:hereby\s+)?summoned|"
    r"notice\s+is\s+(?:hereby\s+)?given)",
    re.IGNORECASE,
)
_QUORUM = re.compile(
    r"\bquorum\b\s*(?:is\s*|of\s*|[:=\-–]\s*)?(?P<value>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_PUBLICATION = re.compile(
    r"\b(?:publication\s+date|date\s+of\s+publication|date\s+(?:agenda\s+|summons\s+)?published|"
    r"(?:agenda|summons|notice)\s+published|published(?:\s+on)?\s*:|^published(?:\s+on)?\b|issued\s+on|"
    r"date\s+(?:of\s+)?issued?)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_DESPATCH = re.compile(
    r"\b(?:date\s+of\s+)?(?:despatch|dispatch)(?:ed)?(?:\s+date)?(?:\s+on)?\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_QUESTION_DEADLINE = re.compile(
    r"deadline\s+for\s+(?:the\s+)?(?:receipt\s+of\s+|submission\s+of\s+|submitting\s+)?(?:public\s+)?questions?"
    r"(?:\s+is|\s*:|\t)\s*(?P<value>.+)"
    r"|questions?\b[^.]*?\b(?:no\s+later\s+than|must\s+be\s+(?:received|submitted)\s+by|by\s+no\s+later\s+than)\s+"
    r"(?P<value2>.+)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\b(?:tel(?:ephone)?|phone|t|direct\s+line|dd)\b\.?\s*(?:no\.?)?\s*[:.]?\s*)"
    r"(?P<phone>\+?\(?\d[\d ()-]{6,}\d)",
    re.IGNORECASE,
)
_BARE_PHONE = re.compile(r"^(?P<phone>\+?\(?0\d[\d ()-]{7,}\d)$")

#: Lines above a body name that are not the body: pack furniture and the authority.
_NOT_BODY = re.compile(
    r"^(?:public\s+document\s+pack|(?:supplementary\s+)?agenda(?:\s+pack)?|summons(?:\s+and\s+agenda)?|"
    r"notice\s+of\s+(?:a\s+)?meeting|useful\s+information|to\s*:|dear\b|democratic\s+services|"
    r"(?:the\s+)?(?:london\s+)?borough\s+of\b.*|royal\s+borough\s+of\b.*|city\s+of\b.*|"
    r"(?!full\b|annual\b|extraordinary\b|special\b|budget\b)[\w'.&\- ]+\s+"
    r"(?:borough\s+|county\s+|district\s+|city\s+|town\s+|parish\s+|metropolitan\s+borough\s+)?council|"
    r"www\..*|https?:.*)$",
    re.IGNORECASE,
)
_BODY_SUFFIX = re.compile(
    r"\s*[-–—:,]?\s*(?:summons\s+and\s+agenda|agenda\s+and\s+summons|summons|supplementary\s+agenda|"
    r"agenda(?:\s+pack)?|notice\s+of\s+meeting|meeting)\s*$",
    re.IGNORECASE,
)
_SECTION_BREAK = re.compile(
    r"^(?:useful\s+information|meeting\s+details|agenda\b|summons\b|notes?\s*:|\(?note\b|"
    r"this\s+meeting\b|please\b|filming\b|directions\b|apologies\b|quorum\b)",
    re.IGNORECASE,
)

#: Lines whose date is not the meeting's: publication, previous minutes, deadlines.
_HEADER_SKIP_FOR_DATE = re.compile(
    r"publication|despatch|dispatch|published|issued|minutes|held\s+on|deadline|next\s+meeting",
    re.IGNORECASE,
)


# ------------------------------------------------------------ the header ---


@dataclass(slots=True)
class _Header:
    """Everything read from the lines above the agenda."""

    body: str | None = None
    date: str | None = None
    date_raw: str | None = None
    date_line: int | None = None
    time: str | None = None
    time_raw: str | None = None
    venue: str | None = None
    quorum: int | None = None
    chair: str | None = None
    vice_chair: str | None = None
    members: list[PersonRef] = field(default_factory=list)
    substitutes: list[PersonRef] = field(default_factory=list)
    reserves: list[ReserveMember] = field(default_factory=list)
    coopted: list[PersonRef] = field(default_factory=list)
    officers: list[PersonRef] = field(default_factory=list)
    contact: Contact | None = None


def _content_lines(text: NormalisedText, start: int, end: int) -> list[Line]:
    """Return the content lines (not blank, not furniture) of lines start..end."""
    return [text.lines[n - 1] for n in text.content_numbers(start, end)]


def _read_body(lines: list[Line]) -> str | None:
    """Find the body's name: a "Meeting:" label, "a meeting of the X", or the first line that is not furniture."""
    for line in lines[:40]:
        match = _BODY_LABEL.match(line.clean)
        if match:
            return _strip_body_suffix(match.group("rest").strip())
    for line in lines[:12]:
        clean = line.clean
        if _DATE_LABEL.match(clean) or _TIME_LABEL.match(clean) or _VENUE_LABEL.match(clean) or find_date(clean):
            break
        meeting_of = _MEETING_OF.search(clean)
        if meeting_of and _MEETING_OF_LEAD.match(clean):
            return _strip_body_suffix(meeting_of.group("body").strip())
        if _NOT_BODY.match(clean):
            continue
        if len(clean) > 120 or clean.endswith("."):
            return _strip_body_suffix(meeting_of.group("body").strip()) if meeting_of else None
        return _strip_body_suffix(clean)
    return None


def _strip_body_suffix(text: str) -> str | None:
    stripped = _BODY_SUFFIX.sub("", text).strip(" -–—:,")
    return stripped or (text.strip() or None)


def _read_when_where(header: _Header, lines: list[Line], text: NormalisedText) -> None:
    """Fill date, time and venue from labelled lines, or from an unlabelled date line and the line after it."""
    for line in lines:
        clean = line.clean
        if header.date is None:
            match = _DATE_LABEL.match(clean)
            if match and (found := find_date(match.group("rest"))):
                header.date, header.date_raw = found.iso, found.raw
                header.date_line = line.number
                if header.time is None and (time := find_time(match.group("rest"))):
                    header.time, header.time_raw = time.hhmm, time.raw
                continue
        if header.time is None:
            match = _TIME_LABEL.match(clean)
            if match and (time := find_time(match.group("rest"))):
                header.time, header.time_raw = time.hhmm, time.raw
                continue
        if header.venue is None:
            match = _VENUE_LABEL.match(clean)
            if match:
                header.venue = _read_venue(text, line, match.group("rest"))
                continue
    if header.date is None:
        for index, line in enumerate(lines[:40]):
            if len(line.clean) > 160 or _HEADER_SKIP_FOR_DATE.search(line.clean):
                continue
            found = find_date(line.clean)
            if not found:
                continue
            header.date, header.date_raw = found.iso, found.raw
            header.date_line = line.number
            if header.time is None and (time := find_time(line.clean)):
                header.time, header.time_raw = time.hhmm, time.raw
            if header.venue is None and index + 1 < len(lines):
                header.venue = _unlabelled_venue_lines(lines, index + 1)
            break


def _read_venue(text: NormalisedText, line: Line, rest: str) -> str | None:
    """Read a labelled venue and the lines that continue it, up to a blank line or another label."""
    parts = [rest.strip()] if rest.strip() else []
    number = line.number + 1
    while number <= len(text.lines) and len(parts) < 4:
        follow = text.line(number)
        clean = follow.clean
        if not follow.is_content:
            after = _next_content_line(text, number)
            if parts and not (after is not None and len(after.clean) <= 100 and _POSTCODE.search(after.clean)):
                break
            number += 1
            continue
        if re.match(r"^[\w ]{2,30}(?::|\t)", clean) or part_of(clean) or _SECTION_BREAK.match(clean):
            break
        if any(pattern.match(clean) for _, pattern in _SECTION_RES):
            break
        parts.append(verbatim_view(follow))
        number += 1
    venue = fold_whitespace(" ".join(parts))
    return venue or None


#: A UK postcode ends an address: "Morden SM4 5DX", "HA1 2XY".
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _next_content_line(text: NormalisedText, number: int) -> Line | None:
    """Return the first content line after line ``number`` within three lines, or None."""
    for following in range(number + 1, min(number + 3, len(text.lines)) + 1):
        line = text.line(following)
        if line.is_content:
            return line
    return None


def _unlabelled_venue_lines(lines: list[Line], index: int) -> str | None:
    """Read an unlabelled venue at ``lines[index]``, joining lines while one ends with a comma."""
    first = _unlabelled_venue(lines[index])
    if first is None:
        return None
    parts = [first]
    position = index
    while parts[-1].rstrip().endswith(",") and position + 1 < len(lines) and len(parts) < 4:
        follow = lines[position + 1]
        if follow.number != lines[position].number + 1:
            break
        more = _unlabelled_venue(follow)
        if more is None:
            break
        parts.append(more)
        position += 1
    return fold_whitespace(" ".join(parts))


def _unlabelled_venue(line: Line) -> str | None:
    """Take the line after an unlabelled date line as the venue when it reads like a place."""
    clean = line.clean
    if len(clean) > 150 or clean.endswith(".") or ":" in clean or _SECTION_BREAK.match(clean):
        return None
    if find_date(clean) or part_of(clean) or any(pattern.match(clean) for _, pattern in _SECTION_RES):
        return None
    return verbatim_view(line)


def _may_hold(text: str, *words: str) -> bool:
    """False only when ``text`` is ASCII and holds none of the lower-case ``words`` in any case.

    A case-insensitive pattern that needs one of the words (as ``_QUORUM`` needs "quorum") then cannot match:
    for ASCII text ``str.lower`` agrees with ``re.IGNORECASE`` (which also folds a few non-ASCII letters, such as
    the long s and the dotless i, onto ASCII ones, hence the test only rules out ASCII text).
    """
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def _read_quorum(lines: list[Line]) -> int | None:
    for line in lines:
        match = _QUORUM.search(line.clean) if _may_hold(line.clean, "quorum") else None
        if match:
            value = match.group("value").lower()
            return int(value) if value.isdigit() else _WORD_NUMBERS[value]
    return None


# ------------------------------------------------------------ membership ---


def _match_section(clean: str) -> tuple[str, str, str] | None:
    """Return (kind, label, inline rest) when ``clean`` opens a membership section."""
    for kind, pattern in _SECTION_RES:
        match = pattern.match(clean)
        if match:
            return kind, match.group("label"), (match.group("rest") or "").strip()
    return None


def _person_ref(person: PersonName, line: int, role: str | None = None, organisation: str | None = None) -> PersonRef:
    """Build a PersonRef; bracketed roles fill role (a chair role first) and organisation when not given."""
    roles = person.roles
    if role is None and roles:
        chair_roles = [r for r in roles if role_kind(r)]
        if chair_roles:
            role = chair_roles[0]
        else:
            role = roles[0]
            if organisation is None and len(roles) > 1:
                organisation = roles[1]
    return PersonRef(
        name=person.name,
        line=line,
        raw=person.raw,
        honorific=person.honorific,
        role=role,
        organisation=organisation,
    )


def _people_from_line(line: Line, text: str | None = None) -> list[PersonRef]:
    """Read the people printed on one line: a table row (name, role, organisation) or a list of names."""
    if text is None and line.cells and len([c for c in line.cells if c]) >= 2:
        cells = [cell for cell in line.cells if cell]
        people = [parse_person(cell) for cell in cells]
        if all(people):
            return [_person_ref(person, line.number) for person in people if person]
        first = people[0]
        if first is None:
            return []
        role = cells[1] if len(cells) > 1 else None
        organisation = cells[2] if len(cells) > 2 else None
        return [_person_ref(first, line.number, role, organisation)]
    source = text if text is not None else line.clean
    out: list[PersonRef] = []
    for piece in split_name_list(source):
        person = parse_person(piece)
        if person is not None:
            out.append(_person_ref(person, line.number))
    return out


_RESERVE_CELL = re.compile(r"^(?P<order>\d{1,2})[.)]?\s+(?P<name>\S.*)$")


def _reserves_from_line(line: Line, text: str | None = None) -> list[ReserveMember]:
    """Read numbered reserves from a row of a reserve table ("| 1. Sue Anderson | 1. Ameet Jogia |") or a list."""
    out: list[ReserveMember] = []
    if text is None and line.cells:
        for column, cell in enumerate(line.cells, start=1):
            out.extend(_reserve_entries(cell, line.number, column))
        return out
    return _reserve_entries(text if text is not None else line.clean, line.number, None)


def _reserve_entries(text: str, line: int, column: int | None) -> list[ReserveMember]:
    if not text.strip():
        return []
    match = _RESERVE_CELL.match(text.strip())
    if match:
        person = parse_person(match.group("name"))
        return (
            [ReserveMember(name=person.name, order=int(match.group("order")), line=line, column=column)]
            if (person)
            else []
        )
    out: list[ReserveMember] = []
    for piece in split_name_list(text):
        person = parse_person(piece)
        if person is not None:
            out.append(ReserveMember(name=person.name, order=None, line=line, column=column))
    return out


def _is_prose(clean: str) -> bool:
    words = clean.split()
    return len(words) > 12 or (clean.endswith(".") and len(words) > 5) or clean.startswith("(")


def _add_member(header: _Header, person: PersonRef) -> None:
    """Add a member unless already listed (the chair printed both as "Chair:" and in the list)."""
    for existing in header.members:
        if existing.name == person.name:
            if existing.role is None:
                existing.role = person.role
            return
    header.members.append(person)


def _read_membership(header: _Header, lines: list[Line]) -> None:
    """Walk the header's labelled sections and fill members, reserves, co-optees, officers and the chairs."""
    section: str | None = None
    section_label: str | None = None
    for line in lines:
        clean = line.clean
        opened = _match_section(clean)
        if opened is not None:
            kind, label, rest = opened
            section, section_label = kind, label
            if rest:
                _read_section_entries(header, section, section_label, line, rest)
                if kind in ("chair", "vice_chair"):
                    section = "members"
            elif kind in ("chair", "vice_chair"):
                section = kind
            continue
        if _CONTACT_LABEL.match(clean):
            section = None
            continue
        if section is None:
            continue
        if _SECTION_BREAK.match(clean) or part_of(clean) or (clean.endswith(":") and not line.cells):
            section = None
            continue
        if _is_prose(clean) and not line.cells:
            section = None
            continue
        _read_section_entries(header, section, section_label, line, None)
        if section in ("chair", "vice_chair"):
            section = "members"


def _read_section_entries(header: _Header, section: str, label: str | None, line: Line, rest: str | None) -> None:
    if section == "reserves":
        header.reserves.extend(_reserves_from_line(line, rest))
        return
    people = _people_from_line(line, rest)
    if section in ("chair", "vice_chair"):
        for person in people[:1]:
            if person.role is None and label:
                person.role = label
            if section == "chair" and header.chair is None:
                header.chair = person.name
            if section == "vice_chair" and header.vice_chair is None:
                header.vice_chair = person.name
            _add_member(header, person)
        return
    if section == "coopted":
        for person in people:
            if person.role is None and label:
                person.role = label
            header.coopted.append(person)
        return
    if section == "members":
        for person in people:
            kind = role_kind(person.role) or next(
                (role_kind(r) for r in _paren_roles(person) if role_kind(r)),
                None,
            )
            if kind == "chair" and header.chair is None:
                header.chair = person.name
            elif kind == "vice_chair" and header.vice_chair is None:
                header.vice_chair = person.name
            _add_member(header, person)
        return
    target = header.substitutes if section == "substitutes" else header.officers
    target.extend(people)


def _paren_roles(person: PersonRef) -> tuple[str, ...]:
    """Return the parenthesised roles printed in a person's raw text ("(Chairman)" in a table row)."""
    if not person.raw:
        return ()
    found = parse_person(person.raw)
    return found.roles if found else ()


# --------------------------------------------------------------- contact ---


_ASK_FOR = re.compile(r"\bAsk\s+for\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
_DETAIL_LABEL = re.compile(r"^(?:tel(?:ephone)?|phone|e-?mail)\s*:", re.IGNORECASE)


def _read_ask_for(text: NormalisedText, lines: list[Line]) -> Contact | None:
    """Read a county-style "Ask for: Name" set beside the meeting details, with the Telephone:/Email: lines below."""
    for line in lines:
        match = _ASK_FOR.search(line.clean) if _may_hold(line.clean, "ask") else None
        if not match or verbatim_in(line.raw, match.group("rest").strip()) is None:
            continue
        block = [match.group("rest").strip()]
        for number in range(line.number + 1, min(line.number + 6, len(text.lines)) + 1):
            follow = text.line(number)
            if follow.is_content and _DETAIL_LABEL.match(follow.clean):
                block.append(verbatim_view(follow))
        return _parse_contact(block, line.number)
    return None


def _read_contact(text: NormalisedText, lines: list[Line]) -> Contact | None:
    """Read the first "Contact:" block: name, role, telephone and e-mail over up to four lines."""
    asked = _read_ask_for(text, lines)
    if asked is not None:
        return asked
    for line in lines:
        match = _CONTACT_LABEL.match(line.clean)
        if not match:
            continue
        block = [match.group("rest").strip()]
        number = line.number + 1
        while number <= len(text.lines) and len(block) < 5:
            follow = text.line(number)
            if not follow.is_content or _match_section(follow.clean) or part_of(follow.clean):
                break
            block.append(verbatim_view(follow))
            number += 1
        return _parse_contact(block, line.number)
    return None


def _parse_contact(block: list[str], line: int) -> Contact | None:
    joined = " ".join(part for part in block if part)
    email_match = _EMAIL.search(joined)
    phone_match = _PHONE.search(joined)
    phone = phone_match.group("phone").strip() if phone_match else None
    if phone is None:
        for part in block:
            bare = _BARE_PHONE.match(part.strip())
            if bare:
                phone = bare.group("phone")
                break
    name: str | None = None
    role: str | None = None
    first = block[0] if block and block[0] else (block[1] if len(block) > 1 else "")
    segments = [segment.strip() for segment in re.split(r",|\t|\s[-–]\s", first) if segment.strip()]
    if segments and _is_detail(segments[0]) is False:
        person = parse_person(segments[0])
        if person is not None:
            name = person.name
            role_parts: list[str] = []
            for segment in segments[1:]:
                if _is_detail(segment):
                    break
                role_parts.append(segment)
            if role_parts:
                joined_role = ", ".join(role_parts)
                role = _cut_detail(joined_role if joined_role in first else role_parts[0])
    if name is not None and role is None:
        index = block.index(first) + 1
        if index < len(block) and block[index] and not _is_detail(block[index]) and len(block[index]) < 100:
            role = block[index]
    if name is None and email_match is None and phone is None:
        return None
    return Contact(
        name=name,
        role=role or None,
        phone=phone,
        email=email_match.group(0).rstrip(".") if email_match else None,
        line=line,
    )


def _is_detail(segment: str) -> bool:
    """True when a contact segment is a telephone number, an e-mail or a label for one."""
    lowered = segment.lower()
    return bool(
        _EMAIL.search(segment)
        or _PHONE.search(segment)
        or re.match(r"^(?:tel|telephone|phone|e-?mail|fax|mobile|direct)\b", lowered)
        or sum(ch.isdigit() for ch in segment) >= 6
    )


def _cut_detail(role: str) -> str:
    """Drop a telephone/e-mail tail that shares the role's segment."""
    match = re.search(r"\s(?:tel|telephone|phone|e-?mail)\b", role, re.IGNORECASE)
    return role[: match.start()].strip() if match else role


# ---------------------------------------------------- dates and questions ---


def _read_publication(lines: list[Line]) -> FoundDate | None:
    """Return the publication date; a "publication date" label beats a despatch date."""
    despatch: FoundDate | None = None
    for line in lines:
        if len(line.clean) > 200:
            continue
        match = _PUBLICATION.search(line.clean) if _may_hold(line.clean, "publi", "issue") else None
        if match and (found := find_date(match.group("rest"))):
            return found
        match = _DESPATCH.search(line.clean) if _may_hold(line.clean, "spatch") else None
        if match and despatch is None and (found := find_date(match.group("rest"))):
            despatch = found
    return despatch


def _read_question_deadline(lines: list[Line]) -> tuple[str | None, str | None]:
    """Return the public question deadline as printed and the address questions go to, where given."""
    for index, line in enumerate(lines):
        source = verbatim_view(line)
        match = _QUESTION_DEADLINE.search(source) if _may_hold(source, "question") else None
        if not match:
            continue
        value = match.group("value") or match.group("value2") or ""
        value = re.split(r"\.\s|\.$|\.\]|\t", value.strip())[0].strip(" .,;[]")
        if not value:
            continue
        address: str | None = None
        for follow in lines[index : index + 4]:
            email = _EMAIL.search(follow.clean)
            if email and re.search(r"sent|submit|e-?mail|to\b", follow.clean, re.IGNORECASE):
                address = email.group(0).rstrip(".")
                break
        return value, address
    return None, None


# ----------------------------------------------------------- the sheets ---


def _is_body_divider(clean: str, body: str) -> bool:
    """True when ``clean`` repeats the body's name, alone or followed by a date (a divider or minutes heading)."""
    folded = clean.casefold()
    name = body.casefold()
    if not folded.startswith(name):
        return False
    rest = clean[len(body) :].strip(" -–—:,")
    if not rest:
        return True
    found = find_date(rest)
    return found is not None and len(rest) <= len(found.raw) + 4


def _regions(text: NormalisedText, documents: list[Document]) -> list[tuple[int, int, int | None]]:
    """Return (start, limit, document index) for each place a front sheet may lie.

    A run of adjacent ``cover``/``agenda`` documents holding an agenda is one
    region (a cover page split off in front of the agenda still belongs to the
    sheet). Without agenda documents the region is the whole pack from its
    first document.
    """
    last = len(text.lines)
    if not text.lines:
        return []
    kinds = (DocumentKind.AGENDA, DocumentKind.COVER)
    regions: list[tuple[int, int, int | None]] = []
    index = 0
    while index < len(documents):
        if documents[index].kind not in kinds:
            index += 1
            continue
        run_end = index
        while run_end + 1 < len(documents) and documents[run_end + 1].kind in kinds:
            run_end += 1
        run = documents[index : run_end + 1]
        agenda_at = next((i for i in range(index, run_end + 1) if documents[i].kind == DocumentKind.AGENDA), None)
        if agenda_at is not None:
            start = max(1, min(doc.span.start_line for doc in run))
            limit = min(last, max(doc.span.end_line for doc in run))
            regions.append((start, max(start, limit), agenda_at))
        index = run_end + 1
    if regions or (documents and documents[0].kind not in (DocumentKind.OTHER, DocumentKind.COVER)):
        return regions
    start = documents[0].span.start_line if documents else 1
    return [(max(1, min(start, last)), last, 0 if documents else None)]


def _meeting_from_region(text: NormalisedText, start: int, limit: int, document: int | None) -> Meeting | None:
    first_content = next((n for n in range(start, limit + 1) if text.line(n).is_content), None)
    if first_content is None or starts_other_document(text.line(first_content).clean):
        return None
    probe = parse_agenda(text, first_content, limit)
    header_end = (probe.first_line - 1) if probe else min(limit, first_content + 80)
    header_lines = _content_lines(text, first_content, header_end)
    header = _Header()
    header.body = _read_body(header_lines)
    _read_when_where(header, header_lines, text)
    if header.date is None:
        return None
    if probe is None and not any(_match_section(line.clean) for line in header_lines):
        return None
    agenda: AgendaParse | None = probe
    if header.body:
        agenda = parse_agenda(text, first_content, limit, header.body, _is_body_divider) or probe
    end = agenda.last_line if agenda else header_end
    end = max(end, first_content)
    sheet_lines = _content_lines(text, first_content, end)
    header.quorum = _read_quorum(header_lines)
    _read_membership(header, header_lines)
    header.contact = _read_contact(text, header_lines)
    publication = _read_publication(sheet_lines)
    deadline, address = _read_question_deadline(sheet_lines)
    return Meeting(
        body=header.body,
        date=header.date,
        span=text.span(first_content, end),
        date_raw=header.date_raw,
        time=header.time,
        time_raw=header.time_raw,
        venue=header.venue,
        quorum=header.quorum,
        chair=header.chair,
        vice_chair=header.vice_chair,
        members=header.members,
        substitutes=header.substitutes,
        reserves=header.reserves,
        coopted=header.coopted,
        officers=header.officers,
        contact=header.contact,
        publication_date=publication.iso if publication else None,
        publication_date_raw=publication.raw if publication else None,
        agenda=agenda.items if agenda else [],
        document=document,
        public_question_deadline=deadline,
        public_question_address=address,
    )


#: Fields that hold normalised values, not text copied from the sheet.
_NORMALISED_FIELDS = frozenset({"date", "time", "publication_date", "part", "access"})
_TEXT_RECORDS = (Meeting, PersonRef, ReserveMember, Contact, AgendaItem)


@functools.cache
def _fields(record_type: type) -> tuple[dataclasses.Field[Any], ...]:
    """Return ``dataclasses.fields`` of a record type, read once per type."""
    return dataclasses.fields(record_type)


def _verbatim_strings(record: Any, raw: str) -> None:
    """Make every text field of a meeting (and its people, contact and items) verbatim in ``raw``.

    Values are read from clean views; where markup sat inside one
    ("Councillor <u>Aneka</u> Shah-Levy") the raw slice that spells it replaces
    it. An optional value that cannot be found in the raw text is dropped.
    """
    for f in _fields(type(record)):
        value = getattr(record, f.name)
        if isinstance(value, str) and f.name not in _NORMALISED_FIELDS:
            found = verbatim_in(raw, value)
            if found is not None:
                setattr(record, f.name, found)
            elif f.default is None:
                setattr(record, f.name, None)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, _TEXT_RECORDS):
                    _verbatim_strings(item, raw)
        elif isinstance(value, _TEXT_RECORDS):
            _verbatim_strings(value, raw)


def extract_meetings(text: NormalisedText, documents: list[Document]) -> list[Meeting]:
    """Return one Meeting for each agenda front sheet among ``documents``.

    Uses the documents of kind ``agenda`` when segmentation found any, else
    looks for a front sheet at the start of the pack. A pack without a front
    sheet (an annual report, a set of minutes) gives an empty list.
    """
    meetings: list[Meeting] = []
    for start, limit, document in _regions(text, documents):
        if start > limit:
            continue
        meeting = _meeting_from_region(text, start, limit, document)
        if meeting is not None:
            _verbatim_strings(meeting, text.raw_between(meeting.span.start_line, meeting.span.end_line))
            meetings.append(meeting)
    return meetings
