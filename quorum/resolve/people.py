"""Decide whether a printed name is a person we already know, and how sure we are.

The policy is conservative: a shared family name is never enough. Two
mentions become one person when their full names fold to the same key
("Councillor Sue Anderson" / "Sue Anderson"), or when a weaker match
(a spelling variant, a nickname, initials, a family name alone) is
corroborated by context (the same organisation, or the only person of that
name in the same source) and nothing contradicts it (different gendered
titles, both names listed side by side in one roster). Every weaker match
that is not merged is returned as a :class:`Candidate` so a person can review
it.

Pure functions: no database, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quorum.resolve.names import NICKNAMES, ParsedName, fold

#: Scores returned by :func:`compare_names`, strongest first.
SAME_NAME = 1.0
MIDDLE_NAME = 0.9
INITIALS = 0.8
NICKNAME = 0.75
SPELLING = 0.7
FAMILY_ONLY = 0.5


def edit_distance(a: str, b: str) -> int:
    """Return the optimal-string-alignment distance (Levenshtein plus adjacent transpositions).

    Hand-written (a dozen lines) rather than a dependency: names are short.
    """
    if a == b:
        return 0
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _nicknames_match(a: str, b: str) -> bool:
    return b in NICKNAMES.get(a, frozenset()) or a in NICKNAMES.get(b, frozenset())


def _initials_match(initials: tuple[str, ...], given: tuple[str, ...]) -> bool:
    letters = "".join(initials).replace(".", "")
    firsts = "".join(g[0] for g in given if g)
    return bool(letters) and firsts.startswith(letters)


def compare_names(a: ParsedName, b: ParsedName) -> tuple[float, str]:
    """Score how likely two printed names are one person, from the names alone.

    Returns ``(score, reason)`` with score 0 when they cannot be the same
    person (different family names, different given names, conflicting
    titles such as Mr / Mrs).
    """
    if not a.family or not b.family:
        return 0.0, "no family name"
    if a.gender and b.gender and a.gender != b.gender:
        return 0.0, "conflicting titles"
    family_a, family_b = a.family_key, b.family_key
    ga, gb = a.given_keys, b.given_keys
    if family_a != family_b:
        if ga and ga == gb and min(len(family_a), len(family_b)) >= 5 and edit_distance(family_a, family_b) == 1:
            return SPELLING, "family-name spelling variant"
        return 0.0, "different family names"
    if not ga or not gb:
        return FAMILY_ONLY, "family name only"
    if ga == gb:
        return SAME_NAME, "same name"
    if a.initials_only or b.initials_only:
        initials, full = (ga, gb) if a.initials_only else (gb, ga)
        if b.initials_only and a.initials_only:
            return (INITIALS, "same initials") if initials[0][0] == full[0][0] else (0.0, "different initials")
        return (INITIALS, "initials match") if _initials_match(initials, full) else (0.0, "different initials")
    if ga[0] == gb[0]:
        return MIDDLE_NAME, "same first name, middle names differ"
    if _nicknames_match(ga[0], gb[0]):
        return NICKNAME, "short form of the given name"
    if min(len(ga[0]), len(gb[0])) >= 4 and edit_distance(ga[0], gb[0]) == 1:
        return SPELLING, "given-name spelling variant"
    return 0.0, "different given names"


@dataclass(slots=True, frozen=True)
class KnownPerson:
    """A person already in the store: every name they were printed as, and context."""

    id: int
    names: tuple[ParsedName, ...]
    organisations: frozenset[str] = frozenset()  # folded organisation names seen with them
    sources: frozenset[int] = frozenset()  # ids of sources that mention them


@dataclass(slots=True, frozen=True)
class Candidate:
    """A possible but unconfirmed match between a mention and a known person."""

    person_id: int
    score: float
    reason: str


@dataclass(slots=True, frozen=True)
class Match:
    """The decision for one mention: attach to ``person_id``, or create a new person (None)."""

    person_id: int | None
    score: float
    reason: str
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


def _best(mention: ParsedName, person: KnownPerson) -> tuple[float, str]:
    best = (0.0, "no match")
    for name in person.names:
        scored = compare_names(mention, name)
        if scored[0] > best[0]:
            best = scored
    return best


def match_person(
    mention: ParsedName,
    known: Iterable[KnownPerson],
    *,
    organisation: str | None = None,
    source: int | None = None,
    distinct: frozenset[int] = frozenset(),
) -> Match:
    """Resolve one printed name against ``known`` people.

    ``organisation`` is the organisation printed with the mention (used to
    corroborate a spelling variant); ``source`` is the id of the source being
    read (a family name alone is resolved only to the single person of that
    name in the same source); ``distinct`` holds people who cannot be this
    mention (listed beside it in the same roster). Returns a :class:`Match`.
    """
    if not mention.family:
        return Match(None, 0.0, "no name")
    people = [p for p in known if p.id not in distinct]
    for person in people:
        if mention.has_given and any(n.has_given and n.key == mention.key for n in person.names):
            return Match(person.id, SAME_NAME, "same name")
    scored = sorted(
        ((score, reason, person) for person in people for score, reason in [_best(mention, person)] if score > 0),
        key=lambda item: (-item[0], item[2].id),
    )
    candidates = tuple(Candidate(person.id, score, reason) for score, reason, person in scored)
    if not scored:
        return Match(None, 0.0, "new person")
    score, reason, person = scored[0]
    unique = len(scored) == 1 or scored[1][0] < score
    org_key = fold(organisation) if organisation else None
    same_org = org_key is not None and org_key in person.organisations
    same_source = source is not None and source in person.sources
    if unique:
        if score >= MIDDLE_NAME:
            return Match(person.id, score, reason, candidates[1:])
        if score >= SPELLING and same_org and len(scored) == 1:
            return Match(person.id, score, f"{reason}, same organisation", ())
        if score >= INITIALS and same_source and len(scored) == 1:
            return Match(person.id, score, f"{reason}, only such person in the source", ())
    if not mention.has_given and source is not None:
        in_source = [p for _, _, p in scored if source in p.sources]
        if len(in_source) == 1:
            chosen = in_source[0]
            others = tuple(c for c in candidates if c.person_id != chosen.id)
            return Match(chosen.id, FAMILY_ONLY, "family name only, the only such person in the source", others)
    return Match(None, 0.0, "new person", candidates)
