"""Reading one printed person, or a run of them, in an attendance block.

Helpers shared by the attendance reader: list markers ("* A * B † C"), people printed
role-first ("The Mayor (Councillor Ruth Adeyemi)") or with a role after a dash
("Jane Doe – Head of Planning"), the words that make a table cell a role or an
organisation rather than a name, and reserves named in a sentence ("Councillor A
attended as a reserve for Councillor B").
"""

from __future__ import annotations

import re

from quorum.extract.names import looks_like_surname, parse_person, split_name_list, split_roles, strip_marker
from quorum.model import Attendee

#: The markers of a marked attendance list ("*" present, "†" apologies by default).
MARKERS = "*†‡"

REPLACING_RE = re.compile(
    r"^(?:as\s+)?(?:(?:a\s+)?(?:reserve|substitute|sub|deputy)(?:\s+member)?\s+)?"
    r"(?:for|replacing|in\s+place\s+of|vice|substituting\s+for|deputising\s+for)\s+(?P<who>.+)$",
    re.I,
)
RESERVE_ROLE_RE = re.compile(r"^(?:as\s+)?(?:a\s+)?(?:reserve|substitute)(?:\s+member)?$", re.I)
MAYOR_RE = re.compile(
    r"^(?:the\s+)?(?:worshipful\s+)?(?:the\s+)?(?:right\s+worshipful\s+)?(?:the\s+)?(?:lord\s+)?mayor$", re.I
)
ORG_WORDS_RE = re.compile(
    r"\b(?:Council|NHS|Trust|Police|Sector|Group|Authority|Ltd|Limited|plc|LLP|Partnership|Hospital|England"
    r"|Borough|University|College|Association|Commissioning|Service|Services|Brigade|Plus|Healthwatch)\b"
)
ROLE_WORDS_RE = re.compile(
    r"\b(?:Officer|Director|Manager|Adviser|Advisor|Head|Chief|Executive|Representative|Clerk|Solicitor|Lawyer"
    r"|Assistant|Lead|Leader|Member|Holder|Commander|Coordinator|Co-ordinator|Consultant|Secretary|Minute"
    r"|Treasurer|Analyst|Specialist|Nurse|Principal|Deputy|Chair|Chairman|Mayor)\b"
)
#: A member named in a sentence: "Councillor A Khan", "Cllr Mrs Shah", or by title alone ("Mr H Lloyd").
_WHO = r"(?:(?:Councillor|Cllr)\.?\s+(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?|(?:Mrs|Mr|Ms|Miss|Dr|Sir|Dame)\.?\s+)"
_WHO_NAME = _WHO + r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
#: Each reserve pattern after the words one of which it needs (case matters): a cheap test before the pattern.
#: Every pattern opens with a member (``_WHO``: "Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir",
#: "Dame"), so ``(?=[CDMS])`` is implied and lets the engine skip other positions at once.
_RESERVE_SENTENCE_RES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("reserve", "substitute"),
        re.compile(
            r"(?=[CDMS])(?P<reserve>" + _WHO + r"[A-Z][^,;().]*?)\s+(?:attended|was\s+present|attending)\s+as\s+"
            r"(?:a\s+|the\s+)?(?:duly\s+appointed\s+)?(?:reserve|substitute)(?:\s+member)?\s+for\s+"
            r"(?P<for>" + _WHO_NAME + r")"
        ),
    ),
    (
        ("substitut", "deputis"),
        re.compile(
            r"(?=[CDMS])(?P<reserve>" + _WHO + r"[A-Z][^,;().]*?)\s+(?:substituted|substituting|deputised|deputising)"
            r"\s+for\s+(?P<for>" + _WHO_NAME + r")"
        ),
    ),
    (
        ("for", "replacing", "place"),
        re.compile(
            r"(?=[CDMS])(?P<reserve>"
            + _WHO_NAME
            + r")\s+(?:for|replacing|in\s+place\s+of)\s+(?P<for>"
            + _WHO_NAME
            + r")"
        ),
    ),
)
_ROLE_WORD = r"(?:[A-Z][\w'’&-]*|of|to|the|and|for)"
#: A job title printed before the name: "Chief Fire Officer Huw Thomas", "Treasurer Paul Morgan".
#: Ranks used as titles ("Chief Superintendent Simon Ovens", "Borough Commander ...") are not job titles here.
_ROLE_FIRST_RE = re.compile(
    r"^(?P<role>(?:" + _ROLE_WORD + r"\s+){0,4}?(?:Officer|Treasurer|Clerk|Director|Manager|Executive|Solicitor"
    r"|Accountant|Adviser|Advisor|Secretary|Engineer|Auditor|Lawyer|Planner)(?:\s+(?:to|of)\s+the\s+[A-Z]\w+)?)"
    r"\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$"
)
_ROLE_AS_NAME_RE = re.compile(
    r"^(?:the\s+)?(?:(?:right\s+)?worshipful\s+)?(?:the\s+)?(?:deputy\s+|lord\s+)?(?:mayor|chair(?:man|person)?"
    r"|vice[- ]chair(?:man|person)?|leader(?:\s+of\s+the\s+council)?)$",
    re.I,
)
SUBSTITUTED_BY_RE = re.compile(
    r"^(?:substituted\s+by|substitute[d]?\s*:?|sub\s*:|replaced\s+by|with)\s+(?P<who>.+?)"
    r"(?:\s+(?:substituting|attending))?$",
    re.I,
)


_MARKER_RE = re.compile(r"(?:^|(?<=\s))([" + MARKERS + r"])\s*")
_MARKER_CHARS = frozenset(MARKERS)
_MARKED_WORD_RE = re.compile(r"(?:^|\s)[" + MARKERS + r"]\s*\S")


def split_marked(text: str) -> list[tuple[str | None, str]]:
    """Split "* A * B † C" into (marker, text) pairs; text before the first marker comes unmarked."""
    out: list[tuple[str | None, str]] = []
    positions = [(m.start(1), m.end(), m.group(1)) for m in _MARKER_RE.finditer(text)]
    if not positions:
        return [(None, text.strip())]
    lead = text[: positions[0][0]].strip(" -•\t")
    if lead:
        out.append((None, lead))
    for index, (_, body_start, marker) in enumerate(positions):
        stop = positions[index + 1][0] if index + 1 < len(positions) else len(text)
        piece = text[body_start:stop].strip()
        if piece:
            out.append((marker, piece))
    return out


def has_marker(text: str) -> bool:
    """True when ``text`` holds an attendance marker ("*", "†", "‡") in front of a word."""
    if _MARKER_CHARS.isdisjoint(text):
        return False  # no marker at all (most lines): skip the pattern
    return _MARKED_WORD_RE.search(text) is not None


def read_person(text: str) -> tuple[str, str | None, list[str]] | None:
    """Read one printed person as (name, honorific, bracketed roles), or None.

    Also reads "The Mayor (Councillor Ruth Adeyemi)" (the role first, the name in brackets) and
    "Jane Doe – Head of Planning" (a role after a dash).
    """
    base, roles = split_roles(strip_marker(text)[1])
    role_first = _ROLE_FIRST_RE.match(base.strip())
    if role_first and not roles:
        person = parse_person(role_first.group("name"))
        if person is not None:  # "Chief Fire Officer Huw Thomas", "Clerk to the Authority Anwen Lewis"
            return person.name, person.honorific, [role_first.group("role")]
    named = [r for r in roles if re.match(r"^(?:Councillors?|Cllrs?)\b", r)]
    if named and _ROLE_AS_NAME_RE.match(base.strip()):
        inner = parse_person(named[0])
        if inner is not None:
            others = [r for r in roles if r is not named[0]]
            return inner.name, inner.honorific, [base.strip(), *others]
    person = parse_person(text)
    if person is not None:
        return person.name, person.honorific, list(person.roles)
    if roles and looks_like_surname(base) and not _ROLE_AS_NAME_RE.match(base.strip()):
        return base.strip(), None, list(roles)  # a surname alone with its role: "McKay (Acting Chief Accountant)"
    dashed = re.match(r"^(?P<name>[^–—]+?)\s+[-–—]\s+(?P<role>\S.*)$", text.strip())
    if dashed:
        person = parse_person(dashed.group("name"))
        if person is not None:
            return person.name, person.honorific, [*person.roles, dashed.group("role").strip()]
    return None


def stands_alone(line: str) -> bool:
    """True when every piece of a prose line reads as a person (so the line needs no neighbour)."""
    pieces = split_name_list(line)
    return bool(pieces) and all(read_person(piece) is not None for piece in pieces)


def reserves_in_sentence(clean: str, line: int) -> list[Attendee]:
    """Read reserves from a sentence: "Councillor A attended as a reserve for Councillor B", "A substituted for B".

    Returns one :class:`Attendee` per reserve, with ``replacing`` set to the member replaced.
    """
    out: list[Attendee] = []
    for needs, pattern in _RESERVE_SENTENCE_RES:
        if not any(word in clean for word in needs):
            continue  # the pattern needs one of these words
        for match in pattern.finditer(clean):
            reserve = parse_person(match.group("reserve"))
            replaced = parse_person(match.group("for"))
            if reserve and all(a.name != reserve.name for a in out):
                out.append(
                    Attendee(
                        reserve.name,
                        line,
                        replacing=replaced.name if replaced else None,
                        honorific=reserve.honorific,
                    )
                )
    return out
