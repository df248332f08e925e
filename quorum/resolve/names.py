"""Read a person's name as printed in a council document into comparable parts.

UK committee papers print the same person many ways: "Councillor Mrs Rekha Shah
(The Worshipful the Mayor)", "Cllr Rekha Shah", "Mrs Shah", "Mr C Robertson",
"Chief Superintendent Dal Babu". :func:`parse_name` strips titles, ranks,
post-nominals and parenthesised roles, and returns the given names, family name
and a case/accent/punctuation-folded key used for matching. Role references
("the Chair", "the Portfolio Holder for Housing") are not names: see
:func:`parse_role_reference`.

Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Titles and ranks printed before a name, longest first so "Chief Superintendent"
#: wins over "Superintendent". Matched case-insensitively, with or without a dot.
HONORIFICS: tuple[str, ...] = tuple(
    sorted(
        {
            "Councillor",
            "Councillors",  # "Present: Councillors Basil Curley (Chair), ..." prints the plural before a list
            "Cllr",
            "Cllrs",
            "Clr",
            "Alderman",
            "Mr",
            "Mrs",
            "Ms",
            "Miss",
            "Mx",
            "Dr",
            "Doctor",
            "Prof",
            "Professor",
            "Reverend",
            "The Reverend",
            "Rev",
            "Revd",
            "The Revd",
            "Canon",
            "Father",
            "Rabbi",
            "Imam",
            "Sir",
            "Dame",
            "Lord",
            "Lady",
            "Baroness",
            "Baron",
            "Chief Superintendent",
            "Detective Chief Superintendent",
            "Superintendent",
            "Detective Superintendent",
            "Chief Inspector",
            "Detective Chief Inspector",
            "Detective Inspector",
            "Inspector",
            "Sergeant",
            "Detective Sergeant",
            "Police Constable",
            "PC",
            "Commander",
            "Borough Commander",
            "Chief Constable",
            "Assistant Chief Constable",
            "Station Manager",
            "Group Manager",
        },
        key=len,
        reverse=True,
    )
)

#: Titles that say nothing about gender or office, only that the person is a councillor.
COUNCILLOR_TITLES = frozenset({"councillor", "cllr", "clr", "councillors", "cllrs"})
_MALE = frozenset({"mr", "sir", "lord", "baron", "father"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "baroness"})

#: Post-nominal letters printed after a name.
POST_NOMINALS = frozenset(
    {"obe", "mbe", "cbe", "kbe", "dbe", "bem", "jp", "dl", "mp", "mep", "am", "qc", "kc", "qpm", "phd", "frsa", "esq"}
)

#: Common English short forms of given names (both directions are looked up).
NICKNAMES: dict[str, frozenset[str]] = {
    "chris": frozenset({"christopher", "christine", "christina", "christian"}),
    "mike": frozenset({"michael"}),
    "mick": frozenset({"michael"}),
    "sue": frozenset({"susan", "suzanne"}),
    "tom": frozenset({"thomas"}),
    "rob": frozenset({"robert"}),
    "bob": frozenset({"robert"}),
    "dave": frozenset({"david"}),
    "jim": frozenset({"james"}),
    "jimmy": frozenset({"james"}),
    "bill": frozenset({"william"}),
    "will": frozenset({"william"}),
    "liz": frozenset({"elizabeth"}),
    "beth": frozenset({"elizabeth", "bethany"}),
    "kate": frozenset({"katherine", "catherine", "kathryn"}),
    "cathy": frozenset({"catherine"}),
    "jo": frozenset({"joanne", "joanna", "josephine"}),
    "jon": frozenset({"jonathan"}),
    "nick": frozenset({"nicholas"}),
    "steve": frozenset({"stephen", "steven"}),
    "tony": frozenset({"anthony", "antonio"}),
    "pat": frozenset({"patricia", "patrick"}),
    "pam": frozenset({"pamela"}),
    "phil": frozenset({"philip", "phillip"}),
    "ed": frozenset({"edward"}),
    "ted": frozenset({"edward"}),
    "andy": frozenset({"andrew"}),
    "ben": frozenset({"benjamin"}),
    "dan": frozenset({"daniel"}),
    "sam": frozenset({"samuel", "samantha"}),
    "alex": frozenset({"alexander", "alexandra"}),
    "jen": frozenset({"jennifer"}),
    "jenny": frozenset({"jennifer"}),
    "maggie": frozenset({"margaret"}),
    "peggy": frozenset({"margaret"}),
    "val": frozenset({"valerie"}),
}

_PARENS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){1,3}$|^[A-Za-z]$")
_LEADING_MARKS = re.compile(r"^[\s*†‡•·\-–—>]+")
_TRAILING_PUNCT = re.compile(r"[\s,;:.]+$")


def fold(text: str) -> str:
    """Return ``text`` case-folded, accents removed, apostrophes/dashes unified and spaces folded."""
    return _fold_short(text) if len(text) <= 120 else _fold(text)


@lru_cache(maxsize=65536)  # names and keys recur in every pack; long texts are not worth keeping
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", text).strip().casefold()


@dataclass(slots=True, frozen=True)
class ParsedName:
    """A person's name split into titles, given names and family name.

    ``printed`` is the input with list marks and parenthesised roles removed;
    ``name`` is the name without any title ("Rekha Shah"). ``given`` holds
    given names or initials as printed; ``initials_only`` is True when every
    given name is an initial ("C Robertson").
    """

    printed: str
    name: str
    honorifics: tuple[str, ...]
    given: tuple[str, ...]
    family: str
    post_nominals: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The folded full name without titles (initials without dots): the natural key of a person."""
        return " ".join((*self.given_keys, self.family_key))

    @property
    def family_key(self) -> str:
        """The folded family name."""
        return fold(self.family)

    @property
    def given_keys(self) -> tuple[str, ...]:
        """The folded given names (initials without dots)."""
        return tuple(fold(g).replace(".", "") for g in self.given)

    @property
    def initials_only(self) -> bool:
        """True when the given names are all initials (or there are none)."""
        return bool(self.given) and all(_INITIALS.match(g) for g in self.given)

    @property
    def has_given(self) -> bool:
        """True when at least one given name or initial was printed."""
        return bool(self.given)

    @property
    def gender(self) -> str | None:
        """ "m" or "f" when a gendered title was printed (Mr, Mrs, Ms, ...), else None."""
        for title in self.honorifics:
            key = fold(title).rstrip(".")
            if key in _MALE:
                return "m"
            if key in _FEMALE:
                return "f"
        return None

    @property
    def is_councillor(self) -> bool:
        """True when the name was printed with "Councillor" or "Cllr"."""
        return any(fold(t).rstrip(".") in COUNCILLOR_TITLES for t in self.honorifics)


def _strip_honorific(text: str) -> tuple[str | None, str]:
    """Split one leading honorific off ``text``; return (honorific or None, rest)."""
    lowered = text.casefold()
    for title in HONORIFICS:
        t = title.casefold()
        if lowered.startswith(t):
            rest = text[len(t) :]
            if rest.startswith("."):
                rest = rest[1:]
            if not rest or rest[0] == " ":
                return text[: len(t)], rest.strip()
    return None, text


@lru_cache(maxsize=65536)  # pure, and the result is frozen: the same printed names recur in every pack
def parse_name(printed: str) -> ParsedName:
    """Parse a name as printed ("Councillor Mrs Rekha Shah (The Worshipful the Mayor)").

    Returns a :class:`ParsedName`; never raises. Parenthesised text becomes
    ``roles``; leading titles become ``honorifics``; trailing post-nominals are
    split off; the last remaining word is the family name.
    """
    text = printed.translate(_APOSTROPHES)
    text = _LEADING_MARKS.sub("", text)
    roles = tuple(r.strip(" ()[]") for r in re.findall(r"[\(\[][^\)\]]*[\)\]]", text))
    text = _PARENS.sub(" ", text)
    if "," in text:  # "Emma Hedley, Designated Nurse" → the part before the comma is the name
        text = text.split(",", 1)[0]
    text = _TRAILING_PUNCT.sub("", _SEPARATORS.sub(" ", text).strip())
    text = _POSSESSIVE.sub("", text)
    honorifics: list[str] = []
    while True:
        title, rest = _strip_honorific(text)
        if title is None or not rest:
            break
        honorifics.append(title)
        text = rest
    words = text.split(" ") if text else []
    post: list[str] = []
    while len(words) > 1 and fold(words[-1]).replace(".", "") in POST_NOMINALS:
        post.insert(0, words.pop())
    name = " ".join(words)
    family = words[-1] if words else ""
    given = tuple(words[:-1])
    return ParsedName(
        printed=_SEPARATORS.sub(" ", _PARENS.sub(" ", printed)).strip(" *†‡•-"),
        name=name,
        honorifics=tuple(honorifics),
        given=given,
        family=family,
        post_nominals=tuple(post),
        roles=roles,
    )


# ------------------------------------------------------------ role references ---


@dataclass(slots=True, frozen=True)
class RoleReference:
    """A reference to whoever holds a post: "the Chair", "the Portfolio Holder for Housing"."""

    role: str  # chair | vice-chair | leader | deputy leader | mayor | deputy mayor | portfolio holder | officer
    qualifier: str | None = None  # "Housing" in "the Portfolio Holder for Housing"
    printed: str = ""


_ROLE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:the\s+)?vice[\s-]*chair(?:man|woman|person)?$", re.I), "vice-chair"),
    (re.compile(r"^(?:the\s+)?chair(?:man|woman|person)?(?:\s+of\s+the\s+(?P<q>.+))?$", re.I), "chair"),
    (re.compile(r"^(?:the\s+)?deputy\s+leader(?:\s+of\s+the\s+(?P<q>.+))?$", re.I), "deputy leader"),
    (re.compile(r"^(?:the\s+)?leader(?:\s+of\s+the\s+(?P<q>.+))?$", re.I), "leader"),
    (re.compile(r"^(?:the\s+)?(?:worshipful\s+the\s+)?deputy\s+mayor$", re.I), "deputy mayor"),
    (re.compile(r"^(?:the\s+)?(?:worshipful\s+the\s+)?(?:lord\s+)?mayor$", re.I), "mayor"),
    (re.compile(r"^(?:the\s+)?portfolio\s+holder\s+for\s+(?P<q>.+)$", re.I), "portfolio holder"),
    (re.compile(r"^(?:the\s+)?(?P<q>.+?)\s+portfolio\s+holder$", re.I), "portfolio holder"),
    (re.compile(r"^(?:the\s+)?cabinet\s+member\s+for\s+(?P<q>.+)$", re.I), "portfolio holder"),
    (
        re.compile(
            r"^the\s+(?P<q>(?:corporate\s+|interim\s+|acting\s+|divisional\s+|assistant\s+|executive\s+)*"
            r"(?:director|chief\s+executive|monitoring\s+officer|head|treasurer|clerk)\b.*)$",
            re.I,
        ),
        "officer",
    ),
)


def parse_role_reference(text: str) -> RoleReference | None:
    """Return the post ``text`` refers to ("the Chair" → chair), or None when it is a name."""
    cleaned = _SEPARATORS.sub(" ", text.translate(_APOSTROPHES)).strip(" .,;:")
    cleaned = _POSSESSIVE.sub("", cleaned)
    for pattern, role in _ROLE_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            qualifier = match.groupdict().get("q")
            return RoleReference(role=role, qualifier=qualifier.strip() if qualifier else None, printed=text.strip())
    return None


#: Printed role wording → membership role, most specific first.
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("deputy mayor", "deputy mayor"),
    ("mayor", "mayor"),
    ("vice-chair", "vice-chair"),
    ("vice chair", "vice-chair"),
    ("deputy chair", "vice-chair"),
    ("chair", "chair"),
    ("deputy leader", "deputy leader"),
    ("leader", "leader"),
    ("portfolio holder", "portfolio holder"),
    ("cabinet member", "portfolio holder"),
    ("co-opt", "co-optee"),
    ("coopt", "co-optee"),
    ("reserve", "reserve"),
    ("substitute", "substitute"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("advisory member", "adviser"),
)
_ABBREVIATIONS = {"vc": "vice-chair", "c": "chair"}


def roles_of(text: str | None) -> list[str]:
    """Classify a printed role into membership roles, in printed order.

    "Deputy Leader, Adult Social Care, Health and Wellbeing Portfolio Holder"
    → ["deputy leader", "portfolio holder"]; "Vice-Chair in the Chair" →
    ["chair"]; "(VC)" → ["vice-chair"]. Party group offices ("Leader of the
    Conservative Group") are not posts of the council and give [].
    """
    if not text:
        return []
    key = fold(text).strip(" ()")
    if key in _ABBREVIATIONS:
        return [_ABBREVIATIONS[key]]
    if "in the chair" in key:
        return ["chair"]
    roles: list[str] = []
    for part in re.split(r"[,;/]| and (?=(?:deputy |vice )?(?:leader|chair|mayor|portfolio))", key):
        part = part.strip()
        if re.search(r"\bgroup\b", part):
            continue
        for needle, role in _ROLE_WORDS:
            if needle in part:
                if role not in roles:
                    roles.append(role)
                break
    return roles


def role_of(text: str | None) -> str | None:
    """Classify a printed role ("The Deputy Mayor", "Vice-Chair in the Chair") as one membership role, or None."""
    roles = roles_of(text)
    return roles[0] if roles else None
