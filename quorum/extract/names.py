"""Person names as printed in UK council documents: titles, roles and lists.

Council papers print people in a handful of ways that every extractor meets:

* ``Councillor Thaya Idaikkadar (Chairman)`` - a councillor's title, the name,
  and a role in parentheses;
* ``Mrs J Rammelt / Reverend P Reece`` - several people on one line;
* ``Councillors: A Smith, B Jones and C Brown (Chair)`` - a labelled list;
* ``* Simon Brown`` / ``† Janet Mote`` - list markers that mean present or
  apologies in minutes;
* ``Mrs A Khan/1 Vacancy`` - a vacancy, which is not a person.

The helpers here never invent text: every string they return is a slice of the
string they were given (white space trimmed), so callers can keep extracted
values verbatim. The rule of the house is that a person's ``name`` is printed
without "Councillor"/"Cllr" but keeps other titles ("Mrs", "Dr", "Reverend",
"Chief Superintendent"); :func:`parse_person` returns the titles it saw in
``honorific``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Titles that mark an elected member; dropped from a printed name.
COUNCILLOR_TITLES: tuple[str, ...] = (
    "Councillors",
    "Councillor",
    "Councilors",
    "Councilor",
    "Cllrs",
    "Cllr",
    "Cr",
)

#: Titles kept in a printed name (longest first so multi-word ranks win).
PERSONAL_TITLES: tuple[str, ...] = (
    "Detective Chief Superintendent",
    "Chief Superintendent",
    "Detective Superintendent",
    "Detective Chief Inspector",
    "Detective Inspector",
    "Chief Inspector",
    "Superintendent",
    "Inspector",
    "Sergeant",
    "Borough Commander",
    "Station Manager",
    "Group Manager",
    "The Right Honourable",
    "Right Honourable",
    "The Reverend",
    "The Revd",
    "The Rev",
    "Rt Hon",
    "Reverend",
    "Revd",
    "Rev",
    "Professor",
    "Prof",
    "Doctor",
    "Dr",
    "Mrs",
    "Miss",
    "Ms",
    "Mr",
    "Mx",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Canon",
    "Father",
    "Rabbi",
    "Imam",
    "Alderman",
)

_COUNCILLOR_RE = re.compile(
    r"^(?:" + "|".join(re.escape(t) for t in COUNCILLOR_TITLES) + r")\.?(?=\s|$)\s*",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in PERSONAL_TITLES) + r")\.?(?=\s)",
)

#: Role words that mean the chair or the vice-chair of a meeting.
_CHAIR_RE = re.compile(
    r"^(?:the\s+)?(?:(?:independent|acting|interim)\s+)?(?:chair(?:man|woman|person)?|presiding|in the chair)$",
    re.IGNORECASE,
)
_VICE_CHAIR_RE = re.compile(
    r"^(?:the\s+)?(?:vc|v\.c\.|vice[\s-]*chair(?:man|woman|person)?|deputy[\s-]*chair(?:man|woman|person)?)$",
    re.IGNORECASE,
)

_VACANCY_RE = re.compile(r"^(?:\d+\s+|one\s+|two\s+|three\s+)?(?:vacanc(?:y|ies)|vacant)(?:\s+\w+)?$", re.IGNORECASE)

#: Leading list markers: bullets, the "*" of "present" and the "†" of "apologies".
_MARKER_RE = re.compile(r"^(?:[-*•·▪◦†‡#]+|\(\w\)|\d{1,2}[.)])\s*(?=\S)")

#: Words that make a string a job, body or place rather than a person's name.
_NOT_NAME_WORDS = frozenset(
    """
    representative representatives council councils committee committees board boards panel panels
    parliament officer officers director directors manager managers service services sector group groups
    member members department team vacancy vacancies vacant portfolio holder chief executive
    authority trust school schools governor governors association meeting meetings agenda minutes report
    reports item items pages note notes contact tel telephone email e-mail fax rooms centre
    civic chamber london borough municipal year quorum substitute substitutes
    reserve reserves apologies present absent attendance declarations interest interests motion motions
    information public private part none nil tbc tba secretary observer observers
    police nhs ccg youth community voluntary faith diocese diocesan
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

#: Lower-case particles allowed inside a name ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset("van von der de da du del della di le la bin binti al el ben ap y st".split())  # noqa: SIM905

_NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.?|O'[A-Z][\w'-]*|Mac[\w'-]*|Mc[\w'-]*)$")


@dataclass(slots=True, frozen=True)
class PersonName:
    """A person as printed, split into name, titles and bracketed roles.

    ``name`` excludes "Councillor"/"Cllr" but keeps other titles;
    ``honorific`` holds every leading title as printed ("Councillor",
    "Mrs", "Councillor Mrs", "Chief Superintendent") or ``None``;
    ``roles`` holds the texts of trailing parentheses ("Chairman", "VC");
    ``raw`` is the trimmed input.
    """

    name: str
    honorific: str | None
    roles: tuple[str, ...]
    raw: str


def strip_marker(text: str) -> tuple[str | None, str]:
    """Split a leading list marker ("-", "*", "†", "(a)", "1.") from ``text``.

    Returns ``(marker, rest)``; ``marker`` is ``None`` when there is none.
    """
    stripped = text.strip()
    match = _MARKER_RE.match(stripped)
    if not match:
        return None, stripped
    return match.group(0).strip(), stripped[match.end() :].strip()


def strip_councillor(text: str) -> tuple[str, str | None]:
    """Drop a leading "Councillor"/"Cllr" from ``text``.

    Returns ``(rest, title)`` where ``title`` is the title as printed, or
    ``None`` when ``text`` does not start with one.
    """
    stripped = text.strip()
    match = _COUNCILLOR_RE.match(stripped)
    if not match:
        return stripped, None
    rest = stripped[match.end() :].strip()
    if not rest:
        return stripped, None
    return rest, stripped[: match.end()].strip()


def leading_title(name: str) -> str | None:
    """Return the personal title(s) a name starts with ("Mrs", "The Reverend"), or None.

    Titles are matched case-sensitively as printed and must be followed by
    more of the name; several titles in a row ("Rt Hon Dr") are returned together.
    """
    position = 0
    stripped = name.strip()
    while True:
        match = _TITLE_RE.match(stripped[position:])
        if not match:
            break
        end = position + match.end()
        if not stripped[end:].strip():
            break
        position = end
        while position < len(stripped) and stripped[position].isspace():
            position += 1
    if position == 0:
        return None
    return stripped[:position].strip()


def split_roles(text: str) -> tuple[str, tuple[str, ...]]:
    """Split trailing parenthesised roles from a printed name.

    ``"Paul Osborn (VC)"`` gives ``("Paul Osborn", ("VC",))``;
    ``"Rob Larkman (Accountable Officer) (NHS Harrow)"`` gives both roles.
    Text without trailing parentheses is returned unchanged with no roles.
    """
    rest = text.strip()
    roles: list[str] = []
    while rest.endswith(")"):
        depth = 0
        start = -1
        for index in range(len(rest) - 1, -1, -1):
            char = rest[index]
            if char == ")":
                depth += 1
            elif char == "(":
                depth -= 1
                if depth == 0:
                    start = index
                    break
        if start <= 0:
            break
        role = rest[start + 1 : -1].strip()
        rest = rest[:start].rstrip(" ,;")
        if role:
            roles.insert(0, role)
    return rest.strip(), tuple(roles)


def role_kind(role: str | None) -> str | None:
    """Classify a printed role: ``"chair"``, ``"vice_chair"`` or ``None`` for anything else."""
    if not role:
        return None
    cleaned = role.strip().strip(".:;,").strip()
    if _VICE_CHAIR_RE.match(cleaned):
        return "vice_chair"
    if _CHAIR_RE.match(cleaned):
        return "chair"
    return None


def is_vacancy(text: str) -> bool:
    """True when ``text`` announces a vacancy ("Vacancy", "1 Vacancy", "2 vacancies")."""
    cleaned = text.strip().strip("().,;:").strip()
    return bool(_VACANCY_RE.match(cleaned))


#: Characters no printed name holds.
_NOT_IN_NAMES = frozenset(":;()[]{}<>|/\\=+*#%&_")
_ASCII_DIGIT_RE = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``: by one pattern search when ``text`` is ASCII (nearly always)."""
    if text.isascii():
        return _ASCII_DIGIT_RE.search(text) is not None
    return any(ch.isdigit() for ch in text)


def looks_like_name(text: str) -> bool:
    """True when ``text`` (titles and roles already removed) reads as a person's name.

    A name has two to six tokens, each capitalised or an initial, apart from
    name particles ("de", "van"); it carries no digits, no "@", and none of the
    words that mark a job, a body or a place ("Officer", "Council", "Sector").
    Titles such as "Mrs" or "Dr" may lead.
    """
    candidate = text.strip()
    title = leading_title(candidate)
    if title:
        candidate = candidate[len(title) :].strip()
    if not candidate or _has_digit(candidate) or "@" in candidate:
        return False
    if not _NOT_IN_NAMES.isdisjoint(candidate):
        return False
    tokens = candidate.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if len(tokens) == 1 and not title:
        return False
    for token in tokens:
        bare = token.strip(",.")
        if not bare:
            return False
        if bare.lower() in _NOT_NAME_WORDS:
            return False
        if bare.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN_RE.match(bare):
            return False
    return tokens[-1].lower() not in _NAME_PARTICLES


def split_name_list(text: str) -> list[str]:
    """Split a printed list of people into the text of each person.

    Separators are commas, semicolons, slashes, tabs, "and"/"&" and the list
    markers "*", "•", "†" between names; nothing inside parentheses is split.
    Each returned piece is a trimmed slice of ``text`` (markers dropped).
    ``"Mrs A Khan/1 Vacancy"`` gives ``["Mrs A Khan", "1 Vacancy"]``.
    """
    pieces: list[str] = []
    depth = 0
    start = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            cut = 0
            star = char == "*" and (index == 0 or text[index - 1].isspace())
            ampersand = char == "&" and index > 0 and text[index - 1] == " "
            if char in ",;/\t•†‡" or star or ampersand:
                cut = 1
            elif text.startswith(" and ", index):
                cut = 5
            if cut:
                pieces.append(text[start:index])
                start = index + cut
                index += cut
                continue
        index += 1
    pieces.append(text[start:])
    out: list[str] = []
    for piece in pieces:
        _, rest = strip_marker(piece)
        rest = rest.strip(" \t.,;")
        if rest:
            out.append(rest)
    return out


def parse_person(text: str) -> PersonName | None:
    """Read one printed person: "Councillor Mrs Rekha Shah (The Worshipful the Mayor)".

    Returns a :class:`PersonName` whose name is printed without the
    councillor title, or ``None`` when the text is a vacancy or does not look
    like a name (see :func:`looks_like_name`).
    """
    _, raw = strip_marker(text)
    raw = raw.strip().rstrip(",;")
    if not raw or is_vacancy(raw):
        return None
    base, roles = split_roles(raw)
    rest, councillor = strip_councillor(base)
    rest = rest.strip().rstrip(",.;:").strip()
    if not looks_like_name(rest):
        return None
    title = leading_title(rest)
    # "Councillor Mrs Rekha Shah": both titles, as printed.
    honorific = base[: base.index(rest) + len(title)].strip() if councillor and title else councillor or title
    return PersonName(name=rest, honorific=honorific, roles=roles, raw=raw)


def looks_like_surname(text: str) -> bool:
    """True when ``text`` is one capitalised word that could be a surname printed alone ("McKay").

    Only safe where the context says a person is meant (a list of people, a role in brackets beside it);
    words that mark a job, body or place ("Council", "Officer") are refused.
    """
    bare = text.strip().strip(",.")
    if not bare or " " in bare or any(ch.isdigit() for ch in bare) or len(bare) < 2:
        return False
    return bool(_NAME_TOKEN_RE.match(bare)) and bare.lower() not in _NOT_NAME_WORDS and not bare.isupper()
