"""Declarations of interest recorded in minutes.

Minutes record them as sentences ("Councillor Sue Anderson declared a
non-pecuniary interest in that she was a Friend of ..."), often under an
agenda-item line that names what they concern ("Item 9 – Petition – ..."),
sometimes as a list after "RESOLVED: To note that the following interests were
declared:", or as a table of member, item and interest. "There were no
declarations of interest" (and its many variants) sets ``no_declarations``.
"""

from __future__ import annotations

import re

from quorum.extract.minutes_items import ItemHeading
from quorum.extract.names import parse_person, split_name_list
from quorum.model import Declaration, NormalisedText

_DECLARATIONS_TITLE_RE = re.compile(r"declarations?\s+of\s+(?:\w+\s+){0,3}interests?|interests?\s+declared", re.I)
_DECLARED_RE = re.compile(
    r"\b(?:each\s+|both\s+|also\s+|then\s+)?(?:declared|indicated|disclosed|registered)\s+(?P<what>.+)$"
)
_INTEREST_WORDS_RE = re.compile(r"interest|pecuniary|prejudicial", re.I)
_CONTEXT_RE = re.compile(r"^(?:agenda\s+)?(?:item|minute)\s+\d+[a-z]?\b.*$", re.I)
_ITEM_REF_RE = re.compile(
    r"\b(?P<item>(?:agenda\s+)?(?:item|minute)s?\s+(?:no\.?\s*)?\d+[a-z]?(?:\s+on\s+the\s+agenda)?(?:\s*\([^)]*\))?"
    r"|(?-i:[A-Z]{2,4})[ /]\d{1,4}\b)",  # "in CAB 104", "in PL/12": a minute named by its prefixed number
    re.I,
)
_NONE_RE = re.compile(
    r"\bno\s+(?:declarations?|interests?|disclosures?)\b"
    r"|\bno\s+(?:\w+\s+){0,3}interests?\s+(?:were|was|had\s+been)\s+(?:declared|made|received)"
    r"|\bnone\s+(?:were\s+|was\s+)?declared\b|^(?:none|nil)\.?$",
    re.I,
)
_NONE_ANYWHERE_RE = re.compile(
    r"\bno\s+declarations?\s+of\s+(?:\w+\s+){0,2}interests?\b"
    r"|\bno\s+(?:\w+\s+){0,3}interests?\s+(?:were|was|had\s+been)\s+declared"
    r"|\bno\s+declarations\s+(?:were|was|had\s+been)\s+(?:made|received|declared)",
    re.I,
)


def _may_say_none(paragraph: str) -> bool:
    """False when ``paragraph`` cannot match :data:`_NONE_ANYWHERE_RE`: each of its branches needs "declaration"
    or "interest". Only ASCII text is ruled out (``str.lower`` then agrees with ``re.IGNORECASE``)."""
    if not paragraph.isascii():
        return True
    lowered = paragraph.lower()
    return "declaration" in lowered or "interest" in lowered


_ROLE_SUBJECT_RE = re.compile(r"^(?:the\s+)?(?P<role>chair(?:man|person)?|mayor|vice[- ]chair(?:man)?)$", re.I)


def _kind(what: str) -> str | None:
    lowered = what.lower()
    if re.search(r"non[\s-]*pecuniary", lowered):
        return "non-pecuniary"
    if "pecuniary" in lowered:
        return "pecuniary"
    if re.search(
        r"personal|prejudicial|other\s+registrable|registrable|non-registrable|other\s+(?:significant\s+)?interest",
        lowered,
    ):
        return "other"
    return None


def _sentence_after(text: str) -> str:
    """Cut ``text`` at the end of its first sentence (a full stop followed by a capital)."""
    match = re.search(r"\.(?=\s+[A-Z(“\"])|\.$", text)
    return text[: match.start()] if match else text


def _paragraphs(
    text: NormalisedText, start: int, end: int, headings: frozenset[int] = frozenset()
) -> list[tuple[int, str, tuple[str, ...] | None]]:
    """Group consecutive content lines into paragraphs: (first line, joined clean text, cells of a table row).

    A minute heading line (in ``headings``) stands alone: a PDF prints no gap under it."""
    out: list[tuple[int, str, tuple[str, ...] | None]] = []
    current: list[str] = []
    first = 0
    for n in range(start, min(end, len(text.lines)) + 1):
        line = text.line(n)
        if n in headings:
            if current:
                out.append((first, " ".join(current), None))
                current = []
            continue
        if line.cells is not None and line.furniture is None:
            if current:
                out.append((first, " ".join(current), None))
                current = []
            out.append((n, line.clean, line.cells))
            continue
        if not line.is_content:
            if current:
                out.append((first, " ".join(current), None))
                current = []
            continue
        if not current:
            first = n
        current.append(line.clean.strip())
    if current:
        out.append((first, " ".join(current), None))
    return out


def _members(subject: str, roles: dict[str, str]) -> list[str]:
    """Read the member(s) named before "declared": "Councillors A and B", "Mrs C", "The Chair"."""
    subject = subject.strip().strip(",")
    role = _ROLE_SUBJECT_RE.match(subject)
    if role:
        key = role.group("role").lower().replace(" ", "-")
        resolved = roles.get("chair" if key.startswith("chair") else key)
        return [resolved] if resolved else []
    names: list[str] = []
    for piece in split_name_list(subject):
        person = parse_person(piece)
        if person is not None:
            names.append(person.name)
    return names


#: Where the interest ends and what the member did about it begins: "... and would leave the Chamber".
_WHAT_THEY_DID_RE = re.compile(
    r",?\s+and\s+(?=(?:would|will|did|then|therefore|so|left|remained|withdrew|took|was\s+not|would\s+not)\b)"
)
#: A sentence boundary inside a paragraph of numbered declarations: "... a carer. (3) Miss Carey declared ...".
_SENTENCE_RE = re.compile(r"(?<=[.;])\s+(?=(?:\(\w{1,4}\)\s*|\d{1,2}[.)]\s+)?[A-Z])")


def _line_at(text: NormalisedText, first: int, offset: int) -> int:
    """The line of a paragraph starting at ``first`` that holds character ``offset`` of its joined text."""
    n, position = first, 0
    while n < len(text.lines):
        line = text.line(n)
        length = len(line.clean.strip()) + 1 if line.is_content else 0
        if position + length > offset:
            return n
        position += length
        n += 1
    return first


#: The verbs :data:`_DECLARED_RE` needs (it is case-sensitive): a paragraph without one declares nothing.
_DECLARED_VERBS = ("declared", "indicated", "disclosed", "registered")


def _declared_sentences(paragraph: str) -> list[tuple[str, re.Match[str]]]:
    """Each sentence of ``paragraph`` that says someone "declared", with its match."""
    out: list[tuple[str, re.Match[str]]] = []
    if not (  # one of _DECLARED_VERBS
        "declared" in paragraph or "indicated" in paragraph or "disclosed" in paragraph or "registered" in paragraph
    ):
        return out  # no sentence can match: skip splitting the paragraph
    for sentence in _SENTENCE_RE.split(paragraph):
        match = _DECLARED_RE.search(sentence)
        if match:
            out.append((sentence, match))
    return out


def _subject_before(text: str, index: int) -> str:
    head = text[:index]
    cut = max(head.rfind(". "), head.rfind(": "), head.rfind("; "))
    return head[cut + 2 :] if cut >= 0 else head


def read_declarations(
    text: NormalisedText,
    start: int,
    end: int,
    items: list[ItemHeading],
    roles: dict[str, str] | None = None,
) -> tuple[list[Declaration], bool]:
    """Read the declarations of interest between lines ``start`` and ``end``.

    ``items`` are the set's minute headings (to know which minute is about
    declarations); ``roles`` maps "chair"/"mayor" to names for subjects printed
    as a role. Returns the declarations and whether the minutes say that none
    were made.
    """
    roles = roles or {}
    declarations: list[Declaration] = []
    no_declarations = False
    declaration_items = [item for item in items if _DECLARATIONS_TITLE_RE.search(item.title)]

    def item_for(line: int) -> ItemHeading | None:
        for item in items:
            if item.line <= line <= item.end_line:
                return item
        return None

    context: str | None = None
    context_item: ItemHeading | None = None
    heading_lines = frozenset(n for item in items for n in range(item.line, item.title_end_line + 1))
    for first, paragraph, cells in _paragraphs(text, start, end, heading_lines):
        owner = item_for(first)
        if owner is not context_item:
            context, context_item = None, owner
        in_declarations = owner is not None and owner in declaration_items
        if cells is not None:
            declarations.extend(_from_row(cells, first, owner))
            continue
        if in_declarations and _CONTEXT_RE.match(paragraph) and "declared" not in paragraph:
            context = paragraph.rstrip(":").strip()
            continue
        if (in_declarations and _NONE_RE.search(paragraph)) or (
            _may_say_none(paragraph) and _NONE_ANYWHERE_RE.search(paragraph)
        ):
            no_declarations = True
        for sentence, match in _declared_sentences(paragraph):
            what = _sentence_after(match.group("what")).strip()
            what = _WHAT_THEY_DID_RE.split(what, maxsplit=1)[0].strip()
            if not _INTEREST_WORDS_RE.search(what):
                continue
            members = _members(_subject_before(sentence, match.start()), roles)
            reference = _ITEM_REF_RE.search(what)
            if reference:
                item_text: str | None = reference.group("item").strip()
            elif context:
                item_text = context
            elif owner is not None and owner not in declaration_items:
                item_text = owner.number
            else:
                item_text = None
            at = _line_at(text, first, paragraph.find(sentence))
            for member in members:
                declarations.append(
                    Declaration(member=member, line=at, item=item_text, interest=what, kind=_kind(what))
                )
    if declarations:
        no_declarations = False
    return declarations, no_declarations


def _from_row(cells: tuple[str, ...], line: int, owner: ItemHeading | None) -> list[Declaration]:
    """Read a table row of a declarations table: a member, an item reference and an interest."""
    member: str | None = None
    item_text: str | None = None
    interest: str | None = None
    for cell in cells:
        if not cell:
            continue
        if member is None and re.match(r"^(?:Councillors?|Cllrs?)\b", cell):
            person = parse_person(cell)
            member = person.name if person else None
        elif item_text is None and re.match(
            r"^(?:agenda\s+)?(?:item|minute)?\s*(?:[A-Z]{1,4}[/.\-]?)?\d+[a-z]?\b", cell, re.I
        ):
            item_text = cell
        elif interest is None and _INTEREST_WORDS_RE.search(cell):
            interest = cell
    if member and interest:
        return [Declaration(member=member, line=line, item=item_text, interest=interest, kind=_kind(interest))]
    return []
