"""People the minutes' text shows attending and speaking who are in no attendance list.

Minutes often list only members in the attendance block and name the officers
and guests where they speak: "Emma Hedley, Designated Nurse for Children Looked
After (CLA), introduced the report", "Dipika Patel (Business Intelligence
Partner, ...) added that ...", "John Betts (Interim Corporate Director Finance)
was in attendance for this item". A careful reader records them as in
attendance, with the role printed beside the name.

Only a full name (a first name and a surname, optionally after a title) with a
role beside it and a verb of speaking or attending counts: a bare "Mr Hewitt
reported" or "Councillor Robson asked" refers back to someone already listed,
and people already listed (matched by surname and first initial, so "John
Betts" is "Mr J Betts") are not added again.
"""

from __future__ import annotations

import re

from quorum.extract.names import looks_like_name, parse_person
from quorum.extract.paragraphs import paragraphs
from quorum.model import Attendee, NormalisedText

_VERBS = (
    r"introduced|outlined|reported|informed|advised|explained|presented|confirmed|responded|stated|updated"
    r"|summarised|summarized|added|highlighted|gave|provided|set\s+out|drew|spoke|addressed|answered|replied"
    r"|clarified|noted|commented|emphasised|emphasized|underlined|took|delivered|attended|was\s+in\s+attendance"
    r"|were\s+in\s+attendance|was\s+present|were\s+present"
)
_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Revd|Reverend)\.?\s+)?[A-Z][a-z'’]+(?:[- ][A-Z][\w'’-]+){1,3}"
#: "Name, Role, verb" (the role may hold commas: "Divisional Director, Children and Young People Services").
#: Both patterns open with ``(?=[A-Z])``: a name starts with a capital (implied by ``_NAME``), and the engine then
#: skips the other positions without trying each anchor and look-behind there (three times faster).
_COMMA_RE = re.compile(
    r"(?=[A-Z])(?:^|(?<=[,;:(]\s)|(?<=\.\s)|(?<=\band\s))(?P<name>"
    + _NAME
    + r"),\s+(?P<role>(?:the\s+)?[A-Z][^.;:,]{2,80}?(?:,\s+[A-Z][^.;:,]{1,60}?){0,2})"
    r",?\s+(?:(?:then|also|briefly|further)\s+)?(?P<verb>" + _VERBS + r")\b"
)
#: "Name (Role) verb", "Name(Role) and Name (Role) were in attendance".
_BRACKET_RE = re.compile(
    r"(?=[A-Z])(?:^|(?<=[,;:]\s)|(?<=\.\s)|(?<=\band\s))(?P<name>" + _NAME + r")\s*\((?P<role>[^()]{3,120})\)"
    r"(?=(?:,?\s+and\s+"
    + _NAME
    + r"\s*\([^()]{3,120}\)){0,4},?\s+(?:(?:then|also|briefly|further)\s+)?(?:"
    + _VERBS
    + r")\b)"
)

_VERB_RE = re.compile(r"\b(?:" + _VERBS + r")\b")
_NAME_START_RE = re.compile(r"[A-Z][a-z'’]+[- ][A-Z][\w'’-]+\s*[,(]")


def _key(name: str) -> tuple[str, str]:
    """(surname, first initial) of a printed name, titles dropped: "Mr J Betts" and "John Betts" agree."""
    tokens = name.split()  # the white-space runs ``\s+`` splits at (\s is exactly str.isspace), no empty pieces
    while tokens and tokens[0].rstrip(".") in (
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Professor",
        "Prof",
        "Revd",
        "Reverend",
    ):
        tokens = tokens[1:]
    if not tokens:
        return ("", "")
    return (tokens[-1].lower(), tokens[0][0].lower() if len(tokens) > 1 else "")


def _known(keys: set[tuple[str, str]], name: str) -> bool:
    surname, initial = _key(name)
    return any(s == surname and (not i or not initial or i == initial) for s, i in keys)


def speakers_in_text(
    text: NormalisedText, start: int, end: int, listed: list[str], skip: frozenset[int] = frozenset()
) -> list[Attendee]:
    """Return the people named with a role as speaking or attending between lines ``start`` and ``end``.

    ``listed`` holds the names already recorded (present, apologies, in attendance): they are not
    returned again. Lines in ``skip`` (minute headings) are not read. Returns one :class:`Attendee`
    per new person, in order, with the role as printed beside the name.
    """
    keys = {_key(name) for name in listed}
    out: list[Attendee] = []
    for starts, paragraph in paragraphs(text, start, end, split_at_table_rows=True):
        if starts and starts[0][1] in skip:
            continue
        if not _NAME_START_RE.search(paragraph) or not _VERB_RE.search(paragraph):
            continue  # a cheap test first: most paragraphs name nobody speaking
        found: list[tuple[int, str, str]] = []
        for pattern in (_COMMA_RE, _BRACKET_RE):
            for match in pattern.finditer(paragraph):
                found.append((match.start("name"), match.group("name"), match.group("role")))
        for offset, raw_name, role in sorted(found):
            person = parse_person(raw_name)
            if person is None or not looks_like_name(raw_name) or re.match(r"^(?:The|This|That|In|At)\b", raw_name):
                continue
            if _known(keys, person.name) or re.match(r"^(?:Councillors?|Cllrs?)\b", raw_name):
                continue
            if not _key(person.name)[1]:
                continue  # "Dr Gosh (Director of Public Health)": a title and surname refer back to someone listed
            keys.add(_key(person.name))
            line = next(number for position, number in reversed(starts) if position <= offset)
            out.append(Attendee(person.name, line, role=" ".join(role.split()).strip(" ,"), honorific=person.honorific))
    return out
