"""Numbered minutes and the resolutions recorded under them.

A minute heading is a number and a title on a line of its own ("230. ELECTION OF
MAYOR", "101. Welcome:", "576. Community Safety, ...", ModernGov's "12.<TAB>Title",
"Minute 45: Title"). Numbered paragraphs and list items look alike, so the
headings kept are the longest run whose numbers rise by small steps - minute
numbers run on through a municipal year, list items restart at 1.

A resolution starts with its verb at the start of a line - ``RESOLVED:``,
``RESOLVED – That``, ``AGREED:``, ``RECOMMENDED:``, ``Resolved to RECOMMEND:
(to Council)``, ``It was RESOLVED that`` - and runs on, verbatim, through its
numbered sub-resolutions and any line that finishes an unfinished sentence,
stopping at the reasons for the decision, a note, the next resolution or minute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quorum.model import Access, NormalisedText, Resolution
from quorum.normalise.dates import DATE_RE
from quorum.normalise.lines import BLANK_PAGE_NOTICE
from quorum.normalise.verbatim import verbatim_value

_ITEM_RE = re.compile(
    r"^(?:minute\s+(?:no\.?\s*)?)?(?P<num>(?:[A-Z]{1,4}[/.\-]?|(?-i:[A-Z]{2,4})\s)?\d{1,4}(?:[./]\d{1,4})?[a-z]?)"
    r"(?:[.:)]|\s+[-–—])?\s+"
    r"(?P<title>\S.*)$",
    re.IGNORECASE,
)
_MONTH_START_RE = re.compile(
    r"^(?:st|nd|rd|th)?\s*(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b|^(?:a\.?m|p\.?m)\b|^(?:%|per\s?cent\b)",
    re.IGNORECASE,
)
_VERB_RE = re.compile(
    r"^(?:[-•]\s*)?(?:\(\d{1,2}\)\s*|\d{1,2}[.)]\s+)?"  # "(4) RESOLVED that", "3. RESOLVED that": a numbered paragraph
    r"(?:(?:It\s+was|and\s+it\s+was|The\s+[\w-]+(?:\s+[\w-]+)?(?:\s+therefore)?)\s+)?"
    r"(?P<verb>RESOLVED(?:\s+UNANIMOUSLY)?(?:\s+to\s+RECOMMEND)?|RESOLVED\s+TO\s+RECOMMEND|RESOLVED\s+to\s+recommend"
    r"|Resolved(?:\s+unanimously)?(?:\s+to\s+(?:RECOMMEND|recommend))?|AGREED|Agreed|RECOMMENDED|Recommended"
    r"|DECIDED|Decided|DECISION|Decision)(?P<after>(?![\w-]).*)$"
)
_TO_RE = re.compile(r"^\(?\s*to\s+(?:the\s+)?(?P<to>[A-Z][\w&' -]{1,60}?)\s*\)?\s*(?:[:\-–—]|$|\s(?=[Tt]hat\b))")
_STOP_RE = re.compile(
    r"^(?:\(?\[?\s*Notes?\s*:|\[?Note\b|Reasons?\s+for\s+(?:the\s+)?(?:Decision|Recommendation)|Alternative\s+Options"
    r"|Conflicts?\s+of\s+Interest|Dispensation|All\s+to\s+note|Call[- ]in\b|\(?CLOSE OF MEETING|Background"
    r"|Voting\b|Vote\b|For\s*(?:\(\d+\))?\s*:|Against\s*(?:\(\d+\))?\s*:|Abstain|Action\s*:|ACTION\b"
    r"|(?:RESOLVED|RECOMMENDED)\s+ITEMS|PART\s+II\b|Part\s+II\b)",
    re.IGNORECASE,
)
_LIST_ITEM_RE = re.compile(
    r"^(?:[-•▪◦·]\s*)?(?:\(?(?:[ivxlc]{1,6}|[IVXLC]{1,6}|\d{1,2}|[a-zA-Z])\)|(?:[ivxlc]{1,6}|\d{1,2}|[a-zA-Z])[.)])\s+"
    r"|^[-•▪◦·]\s+"
)
#: A planning application reference leading a minute's title ("24/01234/FUL - Land at Mill Lane").
_PLANNING_REF_RE = re.compile(r"^(?:[A-Z]{1,3}/)?\d{2,4}/\d{2,6}(?:/[A-Z]{2,6})?\b")
_EXEMPT_RE = re.compile(r"^(?:PART\s+II\b|Part\s+II\b|EXEMPT\b|CONFIDENTIAL\b|RESTRICTED\b)")
_PUBLIC_RE = re.compile(r"^(?:PART\s+I\b(?!I)|Part\s+I\b(?!I))")
_CLOSING_STOP_RE = re.compile(r"\bmeeting\b.{0,70}?\b(?:closed|ended|finished|concluded)\b", re.IGNORECASE)


@dataclass(slots=True)
class ItemHeading:
    """A numbered minute heading: its number, title and lines."""

    number: str
    title: str
    line: int
    end_line: int
    title_end_line: int
    access: Access = Access.PUBLIC


def _number_key(number: str) -> int:
    """The number minutes run on by: "230" and "CAB 12" give 230 and 12; "23/45" (year/number) gives 45."""
    slashed = re.search(r"\d+/(\d+)", number)
    if slashed:
        return int(slashed.group(1))
    digits = re.search(r"\d+", number)
    return int(digits.group(0)) if digits else -1


_TAB_NUMBER_RE = re.compile(r"(?:minute\s+)?(?:[A-Z]{1,4}[/.\-]?)?\d{1,4}[.:)]?", re.I)
_LETTER_START_RE = re.compile(r"^[A-Za-z]")
_PREFIXED_NUMBER_RE = re.compile(r"^(?:minute|[A-Z]{1,4}[/.\-]?\d|[A-Z]{2,4}\s\d)", re.I)
_WORD_SPACE_RE = re.compile(r"^[A-Za-z]+\s")
_CAPITAL_PREFIX_RE = re.compile(r"^[A-Z]{2,4}\s\d")


def _candidate(text: NormalisedText, n: int) -> tuple[str, str] | None:
    clean = text.line(n).clean.strip()
    if "\t" in clean:
        head, _, tail = clean.partition("\t")
        if "\t" in tail or not _TAB_NUMBER_RE.fullmatch(head.strip()):
            return None
        clean = f"{head.strip()} {tail.strip()}"
    match = _ITEM_RE.match(clean)
    if not match:
        return None
    number, title = match.group("num"), match.group("title").strip()
    if not title[:1].isupper() and title[:1] not in "“\"'‘" and not _PLANNING_REF_RE.match(title):
        return None
    if _LETTER_START_RE.match(number) and not _PREFIXED_NUMBER_RE.match(clean):
        return None
    if _WORD_SPACE_RE.match(number) and not _CAPITAL_PREFIX_RE.match(clean):
        return None  # "CAB 101" - a prefix apart from its number only in capitals
    if _MONTH_START_RE.match(title) or DATE_RE.match(clean) or len(title) > 200:
        return None
    words = title.split()
    if len(words) > 25 or title.endswith((";", ",")) or (title.endswith(".") and len(words) > 10):
        return None
    if _VERB_RE.match(title):
        return None
    return number.rstrip("."), title


def _best_chain(candidates: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Pick the longest run of candidates whose numbers rise by 1 to 30 each step."""
    if not candidates:
        return []
    keys = [_number_key(number) for _, number, _ in candidates]
    best = [1] * len(candidates)
    back = [-1] * len(candidates)
    for i in range(len(candidates)):
        for j in range(i):
            step = keys[i] - keys[j]
            if 0 < step <= 30 and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    end = max(range(len(candidates)), key=lambda i: (best[i], -i))
    chain: list[tuple[int, str, str]] = []
    while end >= 0:
        chain.append(candidates[end])
        end = back[end]
    return chain[::-1]


def find_item_headings(text: NormalisedText, start: int, end: int) -> list[ItemHeading]:
    """Return the numbered minute headings between lines ``start`` and ``end`` (inclusive), in order."""
    last = min(end, len(text.lines))
    candidates: list[tuple[int, str, str]] = []
    for n in range(max(1, start), last + 1):
        if not text.line(n).is_content:
            continue
        found = _candidate(text, n)
        if found:
            candidates.append((n, found[0], found[1]))
    chain = _best_chain(candidates)
    headings: list[ItemHeading] = []
    access = Access.PUBLIC
    chain_lines = [n for n, _, _ in chain]
    for index, (n, number, title) in enumerate(chain):
        previous = chain_lines[index - 1] if index else start
        for m in range(previous, n):
            clean = text.line(m).clean
            if _EXEMPT_RE.match(clean):
                access = Access.EXEMPT
            elif _PUBLIC_RE.match(clean):
                access = Access.PUBLIC
        title_end = n
        following = n + 1
        if title == title.upper() and following <= last:
            nxt = text.line(following)
            nxt_clean = nxt.clean.strip()
            if (
                nxt.is_content
                and nxt_clean == nxt_clean.upper()
                and any(ch.isalpha() for ch in nxt_clean)
                and len(nxt_clean) <= 80
                and "\t" not in nxt_clean
                and _candidate(text, following) is None
                and not _VERB_RE.match(nxt_clean)
            ):
                title = f"{title} {nxt_clean}"
                title_end = following
        if title_end == n:
            title, title_end = _wrapped_title(
                text, n, title, chain_lines[index + 1] if index + 1 < len(chain) else last
            )
        stop = chain_lines[index + 1] - 1 if index + 1 < len(chain) else last
        while stop > n and not text.line(stop).is_content:
            stop -= 1
        title = title.rstrip(":").strip()
        title = verbatim_value(text, n, title_end, title) or title
        headings.append(ItemHeading(number, title, n, stop, title_end, access))
    return headings


#: "(Item 5)", "(Agenda Item 5)", "(Agenda item 5a)": the agenda reference printed under a minute heading.
_ITEM_REF_LINE_RE = re.compile(r"^\((?:agenda\s+)?item\s+(?:no\.?\s*)?[\w.]{1,6}\)$", re.I)


def _wrapped_title(text: NormalisedText, n: int, title: str, limit: int) -> tuple[str, int]:
    """Join the lines a heading's title wraps onto, and an "(Item 5)" reference line under it.

    A PDF prints a long title over two or three lines with no gap and leaves a
    gap before the minute's text, so lines printed directly under the heading,
    up to the gap, are the rest of the title when they read as one (no
    resolution, list item or sentence end on the way). Returns the title and its last line.
    """
    parts = [title]
    end = n
    for m in range(n + 1, min(n + 5, limit)):
        line = text.line(m)
        clean = line.clean.strip()
        if line.furniture is not None:
            continue
        if not clean:
            break
        if _ITEM_REF_LINE_RE.match(clean):
            return " ".join(parts), m
        if (
            m - n > 3
            or (title.isupper() and not clean.isupper())  # a title in capitals goes on in capitals
            or _ends_sentence(clean)  # a title has no full stop: this is the minute's first sentence
            or "\t" in clean
            or _ends_sentence(parts[-1])
            or parts[-1].endswith(":")
            or resolution_start(clean)
            or _LIST_ITEM_RE.match(clean)
            or _STOP_RE.match(clean)
            or _candidate(text, m) is not None
        ):
            return title, n
        parts.append(clean)
        end = m
    if end == n or len(" ".join(parts).split()) > 30:
        return title, n
    following = text.line(end + 1) if end + 1 <= len(text.lines) else None
    if following is not None and following.is_content:
        return title, n  # the heading runs straight into a paragraph: not a wrapped title
    return " ".join(parts), end


def _ends_sentence(clean: str) -> bool:
    stripped = clean.rstrip("*”\"’'] ").rstrip()
    return stripped.endswith((".", "!", "?"))


def _canonical_verb(verb: str) -> str:
    lowered = verb.lower()
    if "recommend" in lowered:
        return "RECOMMENDED"
    if lowered.startswith("agreed"):
        return "AGREED"
    if lowered.startswith(("decided", "decision")):
        return "DECIDED"
    return "RESOLVED"


def resolution_start(clean: str) -> re.Match[str] | None:
    """Match a line that opens a resolution ("RESOLVED: That ..."), or return None."""
    match = _VERB_RE.match(clean.strip())
    if not match:
        return None
    verb, after = match.group("verb"), match.group("after")
    if re.match(r"^\s+ITEMS?\b", after):
        return None
    # sentence case ("Resolved", "Agreed") must be followed by a separator or "that"/"to"
    if (
        verb[:1].isupper()
        and verb[1:2].islower()
        and not re.match(r"^\s*(?:[:\-–—]|\(|that\b|to\b|unanimously\b)", after, re.IGNORECASE)
    ):
        return None
    # "Decision:" labels a decision; "Decision - 24/00097 - Special School Review" names one in a sentence
    if verb.upper() in ("DECISION",) and not re.match(r"^\s*(?:[:\-–—]\s*(?:[A-Z(“\"‘']|$))", after):
        return None
    return match


def _subheading_before_list(text: NormalisedText, n: int, last: int, clean: str) -> bool:
    """True when line ``n`` is a short group heading inside a resolution's list ("2025-26 Council Tax",
    "In addition:"): it ends no sentence and the next content line is a list item."""
    if len(clean.split()) > 12 or clean.rstrip().endswith((".", ";", ",")):
        return False
    for m in range(n + 1, min(n + 4, last + 1)):
        following = text.line(m)
        if following.is_content:
            return bool(_LIST_ITEM_RE.match(following.clean.strip()))
    return False


def _raw_tail(raw: str, clean_tail: str) -> str:
    """Return ``clean_tail`` as printed in ``raw`` (with any markup inside it), when it can be found."""
    if not clean_tail:
        return ""
    index = raw.find(clean_tail[:20])
    return raw[index:].strip() if index >= 0 else clean_tail


def read_resolutions(text: NormalisedText, start: int, end: int, item_lines: set[int]) -> list[Resolution]:
    """Read every resolution between lines ``start`` and ``end`` (inclusive), text verbatim and complete."""
    resolutions: list[Resolution] = []
    last = min(end, len(text.lines))
    n = start
    while n <= last:
        line = text.line(n)
        match = resolution_start(line.clean) if line.is_content else None
        if not match:
            n += 1
            continue
        verb = match.group("verb")
        after = match.group("after")
        after = re.sub(r"^\s*\(?unanimously\)?", "", after, flags=re.I)
        after = re.sub(r"^\s*\*+", "", after)
        after = after.lstrip(" :–—-\t")
        recommended_to: str | None = None
        to_match = _TO_RE.match(after)
        if "recommend" in verb.lower() and to_match:
            recommended_to = to_match.group("to").strip()
            after = after[to_match.end() :].lstrip(" :–—-\t)")
        if after.startswith("(") and "recommend" in verb.lower():
            after = after.lstrip("( ")
        pieces = [_raw_tail(line.raw, after)] if after else []
        open_sentence = not after or not _ends_sentence(after)
        list_mode = (
            not after
            or after.rstrip("*").rstrip().endswith(":")
            or after.lower().rstrip("*: ") == "that"
            or bool(_LIST_ITEM_RE.match(after))  # "RESOLVED: (A) That ..." - (B) follows
        )
        end_line = n
        m = n + 1
        while m <= last:
            following = text.line(m)
            if following.furniture == BLANK_PAGE_NOTICE:
                break
            if not following.is_content:
                m += 1
                continue
            clean = following.clean.strip()
            if m in item_lines or resolution_start(clean) or _STOP_RE.match(clean) or _CLOSING_STOP_RE.search(clean):
                break
            if _LIST_ITEM_RE.match(clean) and (list_mode or open_sentence):
                list_mode = True
            elif list_mode and (following.cells is not None or _subheading_before_list(text, m, last, clean)):
                pass  # a table row, or a group heading ("2025-26 Council Tax") between the list's items
            elif not open_sentence:
                break
            pieces.append(following.raw.strip())
            open_sentence = not _ends_sentence(clean)
            if clean.rstrip("*").rstrip().endswith(":"):
                list_mode = True
            end_line = m
            m += 1
        body = "\n".join(p for p in pieces if p).strip().strip("*").strip()
        if body:
            resolutions.append(
                Resolution(
                    text=body,
                    line=n,
                    end_line=end_line,
                    verb=_canonical_verb(verb),
                    recommended_to=recommended_to,
                )
            )
        n = end_line + 1
    return resolutions
