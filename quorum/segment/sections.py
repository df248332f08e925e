"""Split a long stand-alone document (an annual report) into sections by its index and headings.

Used when a source is not an agenda pack: the document's own INDEX/CONTENTS
block supplies the vocabulary of its section titles, and page-top or
upper-case headings that echo that vocabulary start new sections.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from quorum.model import Document, DocumentKind, NormalisedText
from quorum.normalise.verbatim import verbatim_join
from quorum.segment.signals import APPENDIX_HEADING, CONTENTS, is_caps_heading, is_heading_like

_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # a full stop between sentences, not "1. Mental Wellbeing"
_NUMBERED_CAPS = re.compile(r"(?:^|\s)\d{1,2}\.\s+[A-Z]{3,}")
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ROMAN = re.compile(r"[IVX]+")
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens with '&' read as 'and' and possessives dropped.

    Read once per text (a heading is matched against the index several ways); a tuple, as it is shared.
    """
    return tuple(_TOKEN.findall(text.lower().replace("&", " and ").replace("'s", "").replace("’s", "")))


def _index_block(text: NormalisedText, lines: list[int]) -> tuple[int, int] | None:
    """Find the INDEX/CONTENTS heading near the top and the last line of its listing.

    The listing runs on while its lines carry page numbers (or tab-separated
    cells), with at most two blank lines between them, and over entries
    printed directly under the line before (no blank line) that read as
    titles, not sentences: a PDF gives no tabs and may print an entry with its
    page number on another line or not at all.
    """
    for position, number in enumerate(lines[:80]):
        if not CONTENTS.match(text.line(number).clean):
            continue
        end = number
        for other in lines[position + 1 : position + 80]:
            clean = text.line(other).clean
            numbered = bool(_DIGIT.search(clean) or "\t" in text.line(other).raw)
            entry = other == end + 1 and end != number and clean[-1] not in ".:;," and not _SENTENCE.search(clean)
            if other - end > 3 or not (numbered or entry):
                break
            end = other
        return number, end
    return None


class _Index:
    """The words and phrases of a document's index, for matching headings against it."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        #: The index's words and adjacent word pairs: a phrase whose words or pairs are not all here cannot occur in
        #: ``joined`` (a cheap test before searching the whole index text).
        self.token_set = frozenset(self.tokens)
        self.pairs = frozenset(itertools.pairwise(self.tokens))
        self.joined = " " + " ".join(self.tokens) + " "
        self.acronyms = {a for a in set(_ACRONYM.findall(text)) if not _ROMAN.fullmatch(a)}
        self.appendix_titles = [
            _tokens(m.group(1))
            for m in re.finditer(
                r"\bAppendix\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z])\s*[–-]\s*(.+?)(?=\s+Appendix\b|\s+\d|$)", text
            )
        ]
        #: Each non-empty appendix title as the set of its words without a plural "s", for :meth:`names_appendix`.
        self.appendix_word_sets = {frozenset(t.rstrip("s") for t in title) for title in self.appendix_titles if title}

    def follows(self, heading: str, following: str) -> bool:
        """True when the index prints ``following`` straight after ``heading`` (one entry: "M and E – Managing ...")."""
        after = _tokens(following)
        words = _tokens(heading) + after
        return bool(after) and self._may_occur(words) and f" {' '.join(words)} " in self.joined

    def within_entry(self, section: str, heading: str, reach: int = 16) -> bool:
        """True when ``heading`` is a topic the index lists inside the entry that ``section`` opens.

        ("CHILD ABDUCTION WARNING NOTICES (CAWNS)" under "Contextual Safeguarding – MACE, ..., Missing
        Children and CAWNS"): its bracketed acronym, or two of its words, occur within ``reach`` words
        after the section's phrase in the index.
        """
        lead = _tokens(section)
        if not lead:
            return False
        phrase = f" {' '.join(lead)} "
        at = self.joined.find(phrase)
        words = _tokens(heading)
        acronyms = {a.lower() for a in _BRACKETED_ACRONYM.findall(heading)}
        while at != -1:
            window = set(self.joined[at + len(phrase) :].split()[:reach])
            if acronyms & window or len({w for w in words if len(w) > 3} & window) >= 2:
                return True
            at = self.joined.find(phrase, at + 1)
        return False

    def spells_acronym(self, heading: str) -> bool:
        """True when consecutive capitalised words of ``heading`` spell an index acronym ("Health Visitor": HV)."""
        words = re.findall(r"[A-Za-z][\w'’-]*", heading)
        runs = "".join(w[0] if w[0].isupper() else " " for w in words).split()
        return any(acronym in run for acronym in self.acronyms for run in runs)

    def names_appendix(self, heading: str) -> bool:
        """True when a heading names the title of an index entry "Appendix II – Budgets" (singular or plural)."""
        words = {w.rstrip("s") for w in _tokens(heading)}
        return any(title <= words for title in self.appendix_word_sets)

    def full_match(self, heading: str) -> bool:
        """True when the whole heading occurs as a phrase of the index."""
        words = _tokens(heading)
        return bool(words) and self._may_occur(words) and f" {' '.join(words)} " in self.joined

    def _may_occur(self, words: tuple[str, ...]) -> bool:
        """False when ``words`` cannot occur as a phrase of the index: a word or an adjacent pair is not in it."""
        if not self.token_set.issuperset(words):
            return False
        return all(pair in self.pairs for pair in itertools.pairwise(words))

    def prefix_match(self, heading: str) -> bool:
        """True when the heading (or a leading part of it covering 3+ words or half of it) is an index phrase.

        Where the first ``k`` words occur as a phrase, so do the first ``j < k`` (at the same place), so the
        longest leading phrase is found by growing it one word at a time until it no longer occurs.
        """
        words = _tokens(heading)
        size = 0
        phrase = " "
        while size < len(words):
            word = words[size]
            if word not in self.token_set or (size and (words[size - 1], word) not in self.pairs):
                break
            longer = f"{phrase}{word} "
            if longer not in self.joined:
                break
            phrase = longer
            size += 1
        if size == 0:
            return False
        return size == len(words) or size >= 3 or (size * 2 >= len(words) and size >= 2)


def split_sections(text: NormalisedText) -> list[Document] | None:
    """Return the sections of a stand-alone report with an index, or None when it has none."""
    lines = [
        line.number
        for line in text.lines
        if line.clean and line.furniture in (None, "running_header")  # PDF page-top headings repeat
    ]
    block = _index_block(text, lines)
    if block is None:
        return None
    index_start, index_end = block
    index = _Index(" ".join(text.line(n).clean for n in range(index_start, index_end + 1)))
    starts: list[tuple[int, str]] = []
    if lines[0] < index_start:
        starts.append((lines[0], "cover"))
    starts.append((index_start, "index"))
    body = [n for n in lines if n > index_end]
    heading_at = index_start
    repeats: set[int] = set()  # a section's heading printed again at the top of its next page
    heading_text = ""
    for position, number in enumerate(body):
        clean = text.line(number).clean
        first_heading = len(starts) == 1 + (lines[0] < index_start) and is_heading_like(clean)
        if not first_heading and not _is_section_heading(text, number, clean, index):
            continue
        following = [text.line(n).clean for n in body[position + 1 : position + 4]]
        if any("continued" in f.lower() for f in following) or "continued" in clean.lower():
            continue
        since = position - bisect.bisect_right(body, heading_at, 0, position)  # body lines since the last heading
        under_heading = starts[-1][0] == heading_at or heading_at in repeats
        if since <= 2 and under_heading and heading_at > index_end:
            continue  # a sub-heading directly under the section heading
        repeated = clean.lower() == heading_text.lower() or _shared_start(clean, heading_text)
        renewed = any(_NUMBERED_CAPS.search(f) for f in following) or bool(
            following and index.follows(clean, following[0])
        )
        if repeated and not renewed:
            heading_at = number
            repeats.add(number)
            continue
        listed = index.prefix_match(clean) or index.full_match(clean)
        if not (renewed or listed or _page_top(text, number)) and index.within_entry(heading_text, clean):
            continue  # a topic of the current index entry printed as its own heading on the same page
        starts.append((number, "section"))
        heading_at = number
        heading_text = clean
    return _build(text, lines, starts)


def _title_case(clean: str) -> bool:
    """True for a short title whose words are mostly capitalised ("HSCB Budget & Expenditure 2019-20")."""
    words = [w for w in clean.split() if w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _shared_start(one: str, two: str) -> bool:
    """True when two headings begin with the same three words (e.g. two halves of one topic)."""
    first, second = _tokens(one)[:3], _tokens(two)[:3]
    return len(first) == 3 and first == second


def _page_top(text: NormalisedText, number: int) -> bool:
    """True when the line opens a page: two or more empty lines, or a page number, above it."""
    n = number - 1
    empty = 0
    page = text.line(number).page
    if page is not None:
        while n >= 1 and not text.line(n).clean:
            n -= 1
        if n < 1 or text.line(n).page != page:
            return True
        n = number - 1
    while n >= 1 and not text.line(n).is_content:
        if text.line(n).furniture == "page_number":
            return True
        empty += 0 if text.line(n).clean else 1
        n -= 1
    return empty >= 2 or n < 1


def _is_section_heading(text: NormalisedText, number: int, clean: str, index: _Index) -> bool:
    """Decide whether a body line opens a new section of the report."""
    if APPENDIX_HEADING.match(clean) and len(clean) <= 120:
        return True
    if not is_heading_like(clean, max_chars=130, max_words=16) or not clean[0].isascii():
        return False
    page_top = _page_top(text, number)
    if is_caps_heading(clean):
        return True
    if index.prefix_match(clean) and (page_top or text.line(number).raw.lstrip().startswith("<u>")):
        return True
    if index.full_match(clean) and (len(_tokens(clean)) >= 2 or page_top):
        return True
    acronyms = {a.lower() for a in _BRACKETED_ACRONYM.findall(clean)}
    if page_top and (acronyms & index.token_set or index.spells_acronym(clean)):
        return True
    return _title_case(clean) and index.names_appendix(clean)


def _build(text: NormalisedText, lines: list[int], starts: list[tuple[int, str]]) -> list[Document]:
    """Turn section start lines into documents ending at the last content line before the next."""
    documents: list[Document] = []
    for position, (start, role) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(text.lines) + 1
        inside = lines[bisect.bisect_left(lines, start) : bisect.bisect_left(lines, stop)]  # ``lines`` is sorted
        end = inside[-1] if inside else start
        kind = DocumentKind.COVER if role == "cover" else DocumentKind.ANNUAL_REPORT_SECTION
        title_lines = [start]
        if role == "cover":
            title_lines = [n for n in inside if is_caps_heading(text.line(n).clean)][:2] or [start]
        documents.append(
            Document(
                kind=kind,
                title=verbatim_join(text, title_lines),
                span=text.span(start, end),
                title_line=title_lines[0],
            )
        )
    return documents
