"""Decide which body (council, committee, board, panel...) a printed name refers to.

Front sheets and minutes print one body many ways: "Overview and Scrutiny
Committee", "OVERVIEW AND SCRUTINY COMMITTEE", "Overview and Scrutiny";
"Council (Annual)" and "COUNCIL 28 SEPTEMBER 2017" are meetings of the
Council; "HARROW PARTNERSHIP BOARD MEETING" is the Harrow Partnership Board.
:func:`body_key` folds those to one natural key. Local Safeguarding Children
Boards (LSCB, "HSCB" for Harrow's) were replaced nationally in 2019 by
safeguarding children partnerships; the key treats the board and its successor
as one body so its record continues across the change.

Pure functions: no database, no I/O.
"""

from __future__ import annotations

import re

from quorum.resolve.names import fold

_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DATE = re.compile(
    rf"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}\b"
    rf"|\b{_MONTHS}\s+\d{{4}}\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
_SUFFIXES = re.compile(
    r"(?:\s+(?:summons(?:\s+and\s+agenda)?|agenda(?:\s+pack)?|minutes|meeting|supplemental(?:\s+agenda)?|"
    r"special|extraordinary|annual|budget))+$"
)
_GENERIC_TAIL = re.compile(r"\s+committee$")
_SAFEGUARDING_ABBREVIATION = re.compile(r"^[a-z]?scb$")
#: "Harrow Council", "Harrow London Borough Council", "London Borough of Harrow": the council itself.
_THE_COUNCIL = re.compile(
    r"^(?!(?:youth|care|school|parish|town)\b)[a-z'-]+(?: london)?(?: borough| city| county| district)? council$"
    r"|^london borough of [a-z'-]+$"
)

#: Occasions printed next to a body's name that do not change the body.
OCCASIONS = ("annual", "extraordinary", "special", "budget", "reconvened", "adjourned", "ordinary")


def _is_children_safeguarding(key: str) -> bool:
    if _SAFEGUARDING_ABBREVIATION.match(key):
        return True
    if "safeguarding" not in key or "adult" in key:
        return False
    return "child" in key or key.endswith("safeguarding partnership")


def body_key(name: str) -> str:
    """Return the natural key of the body named ``name`` (folded, occasion and dates removed).

    "Council (Annual)" → "council"; "OVERVIEW AND SCRUTINY COMMITTEE" →
    "overview and scrutiny"; "Local Safeguarding Children Board (LSCB)",
    "HSCB" and "Harrow Safeguarding Partnership" → "safeguarding children partnership".
    """
    key = fold(name).replace("&", " and ")
    abbreviation = re.search(r"\(([a-z]{2,6})\)\s*$", key)
    key = _PARENS.sub(" ", key)
    key = _DATE.sub(" ", key)
    key = re.sub(r"[^\w' -]+", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    if _THE_COUNCIL.match(key):
        return "council"
    key = re.sub(r"^(?:the|london borough of [a-z'-]+|[a-z]+ council's)\s+", "", key)
    key = _SUFFIXES.sub("", key).strip()
    if _is_children_safeguarding(key) or (abbreviation and _SAFEGUARDING_ABBREVIATION.match(abbreviation.group(1))):
        return "safeguarding children partnership"
    if _THE_COUNCIL.match(key):
        return "council"
    key = _GENERIC_TAIL.sub("", key).strip()
    return key or fold(name)


def occasion(name: str) -> str | None:
    """Return the occasion printed with a body's name ("Council (Annual)" → "annual"), or None."""
    key = fold(name)
    for word in OCCASIONS:
        if re.search(rf"\b{word}\b", key):
            return word
    return None


_CLASSES = (
    ("sub-committee", re.compile(r"\bsub[\s-]?committee\b")),
    ("cabinet", re.compile(r"\bcabinet\b(?!.*\b(?:panel|committee|forum)\b)")),
    ("committee", re.compile(r"\bcommittee\b")),
    ("panel", re.compile(r"\bpanel\b")),
    ("board", re.compile(r"\bboard\b|^[a-z]?scb$")),
    ("partnership", re.compile(r"\bpartnership\b")),
    ("forum", re.compile(r"\bforum\b")),
    ("council", re.compile(r"^council$|\bcouncil$")),
)


def classify_body(name: str) -> str:
    """Return a Popolo-style classification for a body's name.

    One of council, cabinet, committee, sub-committee, panel, board,
    partnership, forum, or "body" when the name does not say.
    """
    key = fold(name)
    key = _PARENS.sub(" ", key).strip()
    key = _SUFFIXES.sub("", _DATE.sub(" ", key)).strip()
    for label, pattern in _CLASSES:
        if pattern.search(key):
            return label
    if key in {"overview and scrutiny", "planning", "licensing", "audit"}:
        return "committee"
    return "body"


def display_name(name: str) -> str:
    """Return a readable display form of a printed body name: occasion, dates and shouting removed."""
    text = _PARENS.sub(" ", name)
    text = re.sub(r"\s+", " ", text).strip()
    text = _DATE.sub(" ", text) if not _DATE.fullmatch(text.casefold()) else text
    text = re.sub(r"(?:\s+(?:summons(?:\s+and\s+agenda)?|agenda|minutes|meeting))+\s*$", "", text, flags=re.I).strip(
        " -,"
    )
    if text.isupper() and (" " in text or len(text) > 5):
        small = {"and", "of", "the", "for", "in", "on"}
        text = " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(text.split()))
    return text or name.strip()
