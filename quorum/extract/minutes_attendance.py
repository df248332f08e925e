"""Who was at a meeting: the attendance block at the head of a set of minutes.

The block is a run of labelled groups ("Present:", "Chair:", "Councillors:",
"Board Members:", "In attendance:", "Apologies:", "Reserve Members:") whose
people are printed in any of these layouts:

* a prose list - ``PRESENT: Councillors A Smith, B Jones and C Brown (Chair)``;
* tab-separated columns of names, each with a legend marker -
  ``* Sue Anderson<TAB>* Varsha Parmar`` where "* Denotes Member present" and
  "† Denotes apologies received";
* one line holding a whole marked list (``<ul ...> * Ghazanfar Ali * Richard Almond † Stephen Greek ...``);
* a table of ``name<TAB>role<TAB>organisation`` rows.

Markers decide the status where the block uses them: "*" present, "†"
apologies, and an unmarked name in a marked members' group was absent.
Unmarked people under "In attendance" (officers) are present as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quorum.extract.minutes_people import (
    MARKERS,
    MAYOR_RE,
    ORG_WORDS_RE,
    REPLACING_RE,
    RESERVE_ROLE_RE,
    ROLE_WORDS_RE,
    SUBSTITUTED_BY_RE,
    has_marker,
    read_person,
    reserves_in_sentence,
    split_marked,
    stands_alone,
)
from quorum.extract.names import looks_like_name, parse_person, role_kind, split_name_list, split_roles
from quorum.model import Attendee, NormalisedText

PRESENT = "present"
APOLOGIES = "apologies"
ABSENT = "absent"
RESERVE = "reserve"

_DEFAULT_LEGEND = {"*": PRESENT, "†": APOLOGIES}

_LEGEND_RE = re.compile(r"^[-•\s]*(?P<marker>[*†‡#§¥])\s*(?:\[?denotes\]?|=|–|-|indicates|means)\s*(?P<what>.+)$", re.I)
_LABEL_RE = re.compile(r"^(?:\(\d+\)\s*|\d{1,2}[.)]\s+)?(?P<label>[A-Z(][^:\t*†‡]{0,90}?)\s*:\s*(?P<rest>.*)$")
_APOLOGY_PROSE_RE = re.compile(
    r"^(?:an\s+)?apolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?\s*(?:was|were|had\s+been|have\s+been)?\s*"
    r"(?:received|submitted|given|tendered|made|noted|sent|offered)?\s*(?:from|on\s+behalf\s+of|by)\s+(?P<rest>.+)$",
    re.I,
)
_NO_APOLOGIES_RE = re.compile(r"\bno\s+apologies\b|\bapologies\b.{0,30}\bnone\b", re.I)
_STATUS_CELL_RE = re.compile(r"^(?:present|attended|apologies(?:\s+received)?|apols?\.?|absent|sent apologies)$", re.I)
_STARTS_PERSON_RE = re.compile(r"^(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Reverend|Revd|Professor)\b")
_OPEN_LIST_END_RE = re.compile(r"(?:,|;|\band|&|\bwith)\s*$")
#: "Minute 571", "Minutes 570, 571", "Item 5": which minutes a councillor in attendance spoke on - not a role.
_ITEM_REF_RE = re.compile(r"^(?:\(?(?:minutes?|items?|agenda\s+items?)\s+\d[\w.,/&\s-]*\)?)$", re.I)
_ZONE_STOP_RE = re.compile(r"^(?:PRAYERS|ACTION|RECOMMENDED ITEMS|RESOLVED ITEMS|PART I\b|MINUTES\b)")


def label_kind(label: str) -> str | None:
    """Classify an attendance label: chair, vice, present, attendance, apologies, reserves, absent or None."""
    text = " ".join(label.strip().strip("()").split()).lower()
    if not text or len(text.split()) > 10:
        return None
    if _KIND_CHAIR_RE.search(text):
        return "chair"
    if _KIND_VICE_RE.match(text):
        return "vice"
    if "apolog" in text:
        return "apologies"
    if _KIND_ABSENT_RE.search(text):
        return "absent"
    if _KIND_RESERVES_RE.search(text):
        return "reserves"
    if _KIND_ATTENDANCE_RE.search(text):
        return "attendance"
    if _KIND_PRESENT_RE.search(text):
        return "present"
    return None


#: The label patterns of :func:`label_kind`, in the order it tries them (compiled once, not looked up per call).
_KIND_CHAIR_RE = re.compile(r"\bin the chair\b|^(?:the\s+)?(?:chair(?:man|woman|person)?|presiding(?: member)?|mayor)$")
_KIND_VICE_RE = re.compile(
    r"^(?:the\s+)?(?:vice[- ]?chair(?:man|woman|person)?|deputy (?:chair(?:man|person)?|mayor))$"
)
_KIND_ABSENT_RE = re.compile(r"\babsent\b|\babsence\b")
_KIND_RESERVES_RE = re.compile(r"\breserves?\b|\bsubstitut")
_KIND_ATTENDANCE_RE = re.compile(
    r"attendance|attended|attending|\bofficers?\b|advis[eo]rs?\b|also present|^others?\b|^guests?\b"
    r"|\bobservers?\b"
)
_KIND_PRESENT_RE = re.compile(
    r"\bpresent\b|members?\b|councillors?\b|representatives?\b|co-?opt|observers?\b|\bboard\b|\bcommittee\b"
)


@dataclass(slots=True)
class _Entry:
    """One person read from the block, before their status is settled."""

    name: str
    line: int
    group: str
    label: str
    marker: str | None
    honorific: str | None = None
    roles: list[str] = field(default_factory=list)
    attrs: list[str] = field(default_factory=list)
    group_id: int = 0


@dataclass(slots=True)
class Attendance:
    """The people of one attendance block, sorted by what the minutes say of them."""

    chair: str | None = None
    chair_line: int | None = None
    present: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    reserves: list[Attendee] = field(default_factory=list)
    in_attendance: list[Attendee] = field(default_factory=list)


class _BlockReader:
    """Reads the groups of an attendance block line by line."""

    def __init__(self, text: NormalisedText) -> None:
        self.text = text
        self.entries: list[_Entry] = []
        self.legend: dict[str, str] = dict(_DEFAULT_LEGEND)
        self.group: str | None = None
        self.label = ""
        self.group_id = 0
        self.prose: list[tuple[int, str]] = []
        self.sentence_reserves: list[Attendee] = []

    def open_group(self, kind: str, label: str) -> None:
        self.flush_prose()
        self.group = kind
        self.label = label
        self.group_id += 1

    def flush_prose(self) -> None:
        """Parse the prose lines gathered for the current group as one list (names may wrap lines)."""
        if not self.prose or self.group is None:
            self.prose = []
            return
        if len(self.prose) > 1 and all(stands_alone(text) for _, text in self.prose):
            for number, text in self.prose:  # one person (or list) per line: "Simon Brown" / "Anne Whitehead"
                for piece in split_name_list(text):
                    self.add(None, piece, number)
            self.prose = []
            return
        joined = " ".join(text for _, text in self.prose)
        offsets: list[tuple[int, int]] = []
        position = 0
        for number, text in self.prose:
            offsets.append((position, number))
            position += len(text) + 1
        cursor = 0
        for piece in _split_prose_list(joined):
            found = joined.find(piece, cursor)
            cursor = found + len(piece) if found >= 0 else cursor
            line = next((number for start, number in reversed(offsets) if start <= max(found, 0)), self.prose[0][0])
            self.add(None, piece, line)
        self.prose = []

    def add(self, marker: str | None, text: str, line: int) -> _Entry | None:
        if self.group is None:
            return None
        parsed = read_person(text)
        if parsed is None:
            return None
        name, honorific, roles = parsed
        entry = _Entry(name, line, self.group, self.label, marker, honorific, roles, group_id=self.group_id)
        self.entries.append(entry)
        return entry

    def read_cells(self, cells: list[str], line: int) -> None:
        """Read one row of cells: names (marked or not) followed by their role and organisation."""
        row_marked = any(has_marker(cell) for cell in cells)
        current: _Entry | None = None
        for cell in cells:
            cell = cell.strip()
            if not cell or (cell.startswith("(") and cell.endswith(")") and current is None):
                continue
            if has_marker(cell):
                for marker, piece in split_marked(cell):
                    entry = self.add(marker, piece, line)
                    current = entry or current
                continue
            if current is None:
                current = self.add(None, cell, line)
                continue
            if not row_marked and not current.attrs and self._reads_as_person(cell):
                current = self.add(None, cell, line) or current
                continue
            if _STATUS_CELL_RE.match(cell):
                current.marker = _status_marker(cell)
                continue
            current.attrs.append(cell)

    def _reads_as_person(self, cell: str) -> bool:
        if self.group not in ("present", "chair", "vice", "apologies", "reserves") and not re.search(
            r"\bobservers?\b", self.label, re.I
        ):
            return False
        parsed = parse_person(cell)
        if parsed is None:
            return False
        return not ORG_WORDS_RE.search(cell) and not ROLE_WORDS_RE.search(cell)

    def read_content(self, clean: str, cells: tuple[str, ...] | None, line: int) -> None:
        if self.group is None:
            return
        if cells is not None and len([c for c in cells if c]) > 1:
            self.flush_prose()
            self.read_cells(list(cells), line)
            return
        text = clean.strip("\t ")
        if has_marker(text):
            self.flush_prose()
            for marker, piece in split_marked(text):
                if marker is None and self.entries and self._continues_name(piece):
                    continue
                self.add(marker, piece, line)
            return
        if self.entries and self.entries[-1].group_id == self.group_id and self._continues_name(text):
            return
        if self.prose and _STARTS_PERSON_RE.match(text) and not _OPEN_LIST_END_RE.search(self.prose[-1][1]):
            self.flush_prose()  # one person per line: "Councillor A (Mayor)" over "Councillor B (Deputy Mayor)"
        self.prose.append((line, text))

    def _continues_name(self, piece: str) -> bool:
        """Join a wrapped surname ("Marikar") onto the marked name printed on the line before."""
        last = self.entries[-1]
        words = piece.split()
        if last.marker is None or not 1 <= len(words) <= 2 or last.attrs or last.roles:
            return False
        if not all(w[:1].isupper() for w in words) or ORG_WORDS_RE.search(piece) or ROLE_WORDS_RE.search(piece):
            return False
        if not looks_like_name(f"{last.name} {piece}"):
            return False
        last.name = f"{last.name} {piece}"
        return True


#: Where a printed list runs on without a comma: a sentence end ("... and Martin Whelton. Caroline Holland")
#: or a bracketed role closing a line ("Colin Millar (Democratic Services)" / "Suresh Patel, ...").
_RUN_ON_RE = re.compile(
    r"(?<=[a-z]{2}\))\s+(?=[A-Z])|(?<!\b[A-Z][a-z])(?<!Mrs)(?<!Cllr)(?<!Revd)(?<!Prof)(?<=[a-z]{2})\.\s+(?=[A-Z])"
)


def _split_prose_list(text: str) -> list[str]:
    """Split a prose list of people (see :func:`split_name_list`), also where it runs on without a comma."""
    pieces: list[str] = []
    for part in _RUN_ON_RE.split(text):
        pieces.extend(split_name_list(part))
    return pieces


def _status_marker(cell: str) -> str:
    """Turn a status cell ("Present", "Apologies", "Absent") into the marker the legend gives that meaning."""
    lowered = cell.lower()
    if lowered.startswith(("apol", "sent")):
        return "apologies-cell"
    if lowered.startswith("absent"):
        return "absent-cell"
    return "present-cell"


def _legend_status(what: str) -> str:
    lowered = what.lower()
    if "apolog" in lowered:
        return APOLOGIES
    if "absent" in lowered:
        return ABSENT
    if "reserve" in lowered or "substitut" in lowered:
        return RESERVE
    return PRESENT


def _attributes(entry: _Entry) -> tuple[str | None, str | None]:
    """Role and organisation of an entry: bracketed role first, then the table's columns."""
    role: str | None = None
    organisation: str | None = None
    plain_roles = [r for r in entry.roles if not REPLACING_RE.match(r) and not RESERVE_ROLE_RE.match(r)]
    attrs = [a for a in entry.attrs if not _ITEM_REF_RE.match(a.strip())]
    if plain_roles:
        role = plain_roles[0]
        if len(plain_roles) > 1 and not (role_kind(plain_roles[1]) or MAYOR_RE.match(plain_roles[1])):
            organisation = plain_roles[1]
        elif attrs:
            organisation = attrs[-1] if len(attrs) > 1 or ORG_WORDS_RE.search(attrs[-1]) else None
    elif attrs:
        if len(attrs) >= 2:
            role, organisation = attrs[0], attrs[1]
        elif ORG_WORDS_RE.search(attrs[0]) and not ROLE_WORDS_RE.search(attrs[0]):
            organisation = attrs[0]
        else:
            role = attrs[0]
    if role is None and (entry.group in ("chair", "vice") or re.search(r"\bobservers?\b", entry.label, re.I)):
        role = entry.label  # "Trade Union Observers: John Royle" - the heading is their role
    return role, organisation


def _replacing(entry: _Entry) -> str | None:
    for role in entry.roles:
        match = REPLACING_RE.match(role)
        if match:
            person = parse_person(match.group("who"))
            return person.name if person else match.group("who").strip()
    return None


def _is_chair(entry: _Entry, role: str | None) -> bool:
    if entry.group == "chair":
        return True
    if any(role_kind(r) == "chair" or bool(MAYOR_RE.match(r.strip())) for r in entry.roles):
        return True
    # a role column that says so: "Leader of the Council (Chair)", "Chairman"
    for attr in entry.attrs:
        _, attr_roles = split_roles(attr)
        if role_kind(attr) == "chair" or any(role_kind(r) == "chair" for r in attr_roles):
            return True
    return False


def read_attendance(text: NormalisedText, start: int, end: int) -> Attendance:
    """Read the attendance block found between lines ``start`` and ``end`` (inclusive).

    Lines before the first attendance label (the heading) are skipped; the
    block stops at the first unlabelled section heading ("PRAYERS", "ACTION")
    or running prose. Returns the present, apologies, reserves and in-attendance
    lists and the chair, all as printed.
    """
    reader = _BlockReader(text)
    reader.legend.update({"absent-cell": ABSENT, "apologies-cell": APOLOGIES, "present-cell": PRESENT})
    for n in range(start, min(end, len(text.lines)) + 1):
        line = text.line(n)
        if not line.is_content:
            if line.furniture is None:
                reader.flush_prose()  # a blank line ends a prose list
            continue
        clean = line.clean.strip()
        legend = _LEGEND_RE.match(clean)
        if legend:
            reader.flush_prose()
            reader.legend[legend.group("marker")] = _legend_status(legend.group("what"))
            reader.group = None
            continue
        sentence_reserves = reserves_in_sentence(clean, n)
        if sentence_reserves:
            reader.flush_prose()
            reader.sentence_reserves.extend(sentence_reserves)
            continue
        apology = _APOLOGY_PROSE_RE.match(clean)
        if apology:
            reader.open_group("apologies", "Apologies")
            reader.read_content(apology.group("rest").rstrip("."), None, n)
            continue
        if clean.startswith("|") and line.cells:
            cells = [c for c in line.cells if c]
            first = _LABEL_RE.match(cells[0]) if cells else None
            first_kind = label_kind(first.group("label")) if first else None
            if first and first_kind:  # "| Councillors: | * A | * B |" - the label in the first cell of a pipe row
                reader.open_group(first_kind, first.group("label").strip())
                reader.read_content(clean, (first.group("rest"), *cells[1:]), n)
                continue
        label = _LABEL_RE.match(clean)
        kind = label_kind(label.group("label")) if label else None
        if label and kind:
            reader.open_group(kind, label.group("label").strip())
            rest = label.group("rest").strip()
            if rest:
                rest_cells = tuple(c.strip() for c in rest.split("\t")) if "\t" in rest else None
                reader.read_content(rest, rest_cells, n)
            continue
        bare = len(clean) <= 60 and "\t" not in clean and "," not in clean and not has_marker(clean)
        bare = bare and clean.count("(") == clean.count(")")  # not the end of a role wrapped over lines
        bare_kind = label_kind(clean) if bare else None
        if bare_kind and (bare_kind != "present" or re.search(r"\b(?:present|councillors|members)\b", clean, re.I)):
            reader.open_group(bare_kind, clean)
            continue
        if reader.group_id == 0:
            continue
        if _ZONE_STOP_RE.match(clean) or _is_heading_or_prose(clean, line.cells):
            reader.flush_prose()
            if _NO_APOLOGIES_RE.search(clean):
                continue
            break
        reader.read_content(clean, line.cells, n)
    reader.flush_prose()
    return _settle(reader)


def _is_heading_or_prose(clean: str, cells: tuple[str, ...] | None) -> bool:
    if cells is not None or has_marker(clean):
        return False
    if clean == clean.upper() and len(clean.split()) <= 6 and any(ch.isalpha() for ch in clean):
        return True
    return clean.endswith(".") and len(clean.split()) > 12


def _settle(reader: _BlockReader) -> Attendance:
    """Decide each entry's status from its group and marker, and find the chair."""
    result = Attendance()
    marked_groups = {e.group_id for e in reader.entries if e.marker and e.marker in MARKERS}
    block_marked = bool(marked_groups)
    seen: dict[str, set[str]] = {"present": set(), "apologies": set(), "reserves": set(), "attendance": set()}

    def put(bucket: list[Attendee], key: str, attendee: Attendee) -> None:
        if attendee.name not in seen[key]:
            seen[key].add(attendee.name)
            bucket.append(attendee)

    for entry in reader.entries:
        status = reader.legend.get(entry.marker, PRESENT) if entry.marker else None
        role, organisation = _attributes(entry)
        attendee = Attendee(
            name=entry.name, line=entry.line, role=role, organisation=organisation, honorific=entry.honorific
        )
        if entry.group == "apologies" or status == APOLOGIES:
            attendee.role = attendee.role if not SUBSTITUTED_BY_RE.match(attendee.role or "") else None
            put(result.apologies, "apologies", attendee)
            for role in entry.roles:
                substitute = SUBSTITUTED_BY_RE.match(role)
                person = parse_person(substitute.group("who")) if substitute else None
                if person is not None:
                    reserve = Attendee(person.name, entry.line, replacing=entry.name, honorific=person.honorific)
                    put(result.reserves, "reserves", reserve)
            continue
        if entry.group == "absent" or status == ABSENT:
            continue
        if status is None and (
            entry.group_id in marked_groups
            or (block_marked and entry.group in ("present", "chair", "vice", "reserves", "attendance"))
        ):
            # unmarked in a marked list: kept as printed under its heading, flagged, as the key does not say
            # they attended ("Trade Union Observers: John Royle", a non-voting member without a "*")
            attendee.unmarked = True
            if entry.group == "attendance":
                put(result.in_attendance, "attendance", attendee)
            elif entry.group in ("present", "chair", "vice"):
                put(result.present, "present", attendee)
            continue
        replacing = _replacing(entry)
        if (
            entry.group == "reserves"
            or status == RESERVE
            or replacing
            or any(RESERVE_ROLE_RE.match(r) for r in entry.roles)
        ):
            reserve = Attendee(
                name=entry.name,
                line=entry.line,
                role=role,
                organisation=organisation,
                replacing=replacing,
                honorific=entry.honorific,
            )
            put(result.reserves, "reserves", reserve)
            if entry.group != "reserves":
                put(result.present, "present", attendee)
            continue
        if entry.group == "attendance":
            put(result.in_attendance, "attendance", attendee)
            continue
        put(result.present, "present", attendee)
        if result.chair is None and _is_chair(entry, role):
            result.chair = entry.name
            result.chair_line = entry.line
    for reserve in reader.sentence_reserves:
        put(result.reserves, "reserves", reserve)
    return result
