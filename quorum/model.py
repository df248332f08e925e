"""Typed records shared by every pipeline stage.

The records are plain dataclasses: cheap to build in the parser's hot loop and
easy to turn into the JSON contract of ``quorum parse`` with :func:`to_jsonable`.

Conventions that hold for every record:

* Line numbers are 1-based and inclusive, counted as ``text.split("\\n")``.
* ``page`` is the page of the source where it is known (PDF sources, or a page
  inferred from an agenda's page ranges), otherwise ``None``.
* Every ``str`` value that was extracted from a document is a verbatim
  substring of that document (after folding runs of white space, so that a
  heading split over two lines still counts). Normalised values (ISO dates,
  24-hour times, booleans) live in separate fields next to the raw text.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any


class DocumentKind(enum.StrEnum):
    """The kind of a typed sub-document inside a pack."""

    AGENDA = "agenda"
    MINUTES = "minutes"
    REPORT = "report"
    APPENDIX = "appendix"
    MOTION = "motion"
    COVER = "cover"
    INSPECTION_REPORT = "inspection_report"
    STRATEGY = "strategy"
    ACTION_PLAN = "action_plan"
    SCORECARD = "scorecard"
    ANNUAL_REPORT_SECTION = "annual_report_section"
    OTHER = "other"


class Access(enum.StrEnum):
    """Whether content may be published (Part I) or is exempt (Part II)."""

    PUBLIC = "public"
    EXEMPT = "exempt"


@dataclass(slots=True, frozen=True)
class Span:
    """A 1-based inclusive line range of one source, with pages where known."""

    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None

    def __post_init__(self) -> None:
        if self.start_line < 1 or self.end_line < self.start_line:
            raise ValueError(f"invalid span {self.start_line}-{self.end_line}")

    def contains(self, line: int) -> bool:
        """Return True when ``line`` lies inside this span."""
        return self.start_line <= line <= self.end_line


@dataclass(slots=True)
class Source:
    """One ingested file (or fetched document) and its fingerprint."""

    path: str
    sha256: str
    line_count: int
    kind: str = "text"  # text | pdf | moderngov
    page_count: int | None = None


@dataclass(slots=True)
class Line:
    """One line of a source: the raw text and a cleaned view side by side.

    ``furniture`` names page furniture that carries no content
    (``blank_page_notice``, ``page_number``, ``running_header``,
    ``table_rule``), or is ``None`` for content lines. ``cells`` holds the
    cleaned cells when the line is a row of a tab-separated or pipe table.
    """

    number: int
    raw: str
    clean: str
    page: int | None = None
    furniture: str | None = None
    cells: tuple[str, ...] | None = None

    @property
    def is_content(self) -> bool:
        """True when the line carries text that is not page furniture."""
        return self.furniture is None and bool(self.clean)


@dataclass(slots=True)
class Document:
    """A typed sub-document of a pack (a report, a set of minutes, ...)."""

    kind: DocumentKind
    title: str | None
    span: Span
    body: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    date_raw: str | None = None
    agenda_item: str | None = None  # the agenda item number it belongs to
    access: Access = Access.PUBLIC
    parent: int | None = None  # index of the enclosing document
    pages: tuple[int, int] | None = None  # page range in the pack, when known
    title_line: int | None = None


@dataclass(slots=True)
class PersonRef:
    """A person as printed: name without "Councillor"/"Cllr", plus context."""

    name: str
    line: int
    raw: str | None = None  # the verbatim text the name was read from
    honorific: str | None = None  # "Councillor", "Cllr", "Dr", "Chief Superintendent"
    role: str | None = None
    organisation: str | None = None


@dataclass(slots=True)
class ReserveMember:
    """A numbered reserve member from a front sheet's reserve table."""

    name: str
    order: int | None
    line: int
    column: int | None = None  # which column (political group) of the table


@dataclass(slots=True)
class Contact:
    """A contact officer with whatever details the document prints."""

    name: str | None
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    line: int | None = None


@dataclass(slots=True)
class AgendaItem:
    """One numbered item of a meeting's agenda."""

    number: str
    title: str
    line: int
    pages: tuple[int, int] | None = None
    pages_raw: str | None = None  # "Pages 9 - 22", "To Follow"
    part: str = "I"  # "I" public, "II" private
    access: Access = Access.PUBLIC
    description: str | None = None  # the text under the heading, e.g. "Report of ..."
    end_line: int | None = None


@dataclass(slots=True)
class Meeting:
    """A meeting as described by a pack's front sheet."""

    body: str | None
    date: str | None
    span: Span
    date_raw: str | None = None
    time: str | None = None  # HH:MM, 24-hour
    time_raw: str | None = None
    venue: str | None = None
    quorum: int | None = None
    chair: str | None = None
    vice_chair: str | None = None
    members: list[PersonRef] = field(default_factory=list)
    substitutes: list[PersonRef] = field(default_factory=list)
    reserves: list[ReserveMember] = field(default_factory=list)
    coopted: list[PersonRef] = field(default_factory=list)
    officers: list[PersonRef] = field(default_factory=list)
    contact: Contact | None = None
    publication_date: str | None = None
    publication_date_raw: str | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    document: int | None = None  # index of the front-sheet document
    public_question_deadline: str | None = None
    public_question_address: str | None = None


# ---------------------------------------------------------------- minutes ---


@dataclass(slots=True)
class Attendee:
    """A person recorded in minutes as present, apologising, reserve, etc."""

    name: str
    line: int
    role: str | None = None
    organisation: str | None = None
    replacing: str | None = None  # for a reserve: the member they replaced
    honorific: str | None = None
    unmarked: bool = False  # listed without the list's "present" marker (*): the record does not say they attended


@dataclass(slots=True)
class Declaration:
    """A declaration of interest recorded in minutes."""

    member: str
    line: int
    item: str | None = None
    interest: str | None = None  # the verbatim description of the interest
    kind: str | None = None  # pecuniary | non-pecuniary | other, when printed


@dataclass(slots=True)
class Resolution:
    """A RESOLVED / AGREED / RECOMMENDED text, verbatim and complete."""

    text: str
    line: int
    end_line: int | None = None
    verb: str | None = None  # RESOLVED | AGREED | RECOMMENDED | ...
    recommended_to: str | None = None  # "Council", "Cabinet" when recommended on


@dataclass(slots=True)
class Vote:
    """How a question was decided, where the minutes say."""

    outcome: str | None = None  # carried | lost | ...
    for_count: int | None = None
    against_count: int | None = None
    abstentions: int | None = None
    for_names: list[str] = field(default_factory=list)
    against_names: list[str] = field(default_factory=list)
    abstain_names: list[str] = field(default_factory=list)
    mover: str | None = None
    seconder: str | None = None
    line: int | None = None
    raw: str | None = None


@dataclass(slots=True)
class MinuteItem:
    """One numbered minute with its resolutions."""

    number: str
    title: str
    line: int
    end_line: int | None = None
    resolutions: list[Resolution] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    access: Access = Access.PUBLIC
    text: str | None = None  # verbatim body, when wanted


@dataclass(slots=True)
class Minutes:
    """One set of minutes: attendance, declarations and numbered items."""

    body: str | None
    date: str | None
    span: Span
    date_raw: str | None = None
    chair: str | None = None
    present: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    reserves: list[Attendee] = field(default_factory=list)
    in_attendance: list[Attendee] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    no_declarations: bool = False
    items: list[MinuteItem] = field(default_factory=list)
    start_time: str | None = None
    end_time: str | None = None
    document: int | None = None
    meeting_type: str | None = None  # as printed by the body's name: "ANNUAL", "EXTRAORDINARY", "Special"


@dataclass(slots=True)
class Motion:
    """A notice of motion in a summons."""

    title: str
    line: int
    end_line: int
    mover: str | None = None
    seconder: str | None = None
    text: str | None = None
    number: str | None = None
    agenda_item: str | None = None


# ---------------------------------------------------------------- reports ---


@dataclass(slots=True)
class Clearance:
    """A statutory officer's sign-off on a report."""

    role: str | None
    name: str | None
    date: str | None = None
    date_raw: str | None = None
    line: int | None = None
    on_behalf: bool | None = None  # signed "on behalf of" the officer named in ``role``


@dataclass(slots=True)
class Heading:
    """A section heading inside a document."""

    text: str
    line: int
    level: int = 1


@dataclass(slots=True)
class RecommendationLink:
    """A report's recommendations traced to the minute that decided them."""

    report: int  # index into reports
    minutes: int  # index into minutes
    item: str  # minute number
    outcome: str  # agreed | amended | deferred | noted | recommended
    recommended_to: str | None = None
    line: int | None = None
    agenda_item: str | None = None  # item of this pack's receiving meeting that takes the recommendation on
    next_report: int | None = None  # index into reports: the report to the receiving body on it
    chain: int | None = None  # the DecisionStep chain this link is part of


@dataclass(slots=True)
class DecisionStep:
    """One body's step in a decision passed between bodies (Panel → Cabinet → Council).

    Steps of one decision share ``chain`` and are ordered by ``order`` (0 first).
    A step is evidenced by a minute (``minutes``/``item``), a report to the body
    (``report``), an agenda item of this pack's meeting (``meeting``/``agenda_item``)
    or a mention such as "as recommended by the Panel on 14 June 2017" (``line``).
    """

    chain: int
    order: int
    body: str  # the body as printed
    line: int
    outcome: str  # recommended | decided | pending (on the agenda, not yet decided in this pack)
    date: str | None = None  # ISO YYYY-MM-DD
    date_raw: str | None = None
    minutes: int | None = None  # index into minutes
    item: str | None = None  # minute number
    report: int | None = None  # index into reports
    meeting: int | None = None  # index into meetings
    agenda_item: str | None = None  # agenda item number of that meeting
    recommended_to: str | None = None  # the next body, as printed
    text: str | None = None  # the recommendation or resolution, verbatim


@dataclass(slots=True)
class Report:
    """An officer report with the fields of the council's report template."""

    span: Span
    report_for: str | None = None
    meeting_date: str | None = None
    meeting_date_raw: str | None = None
    subject: str | None = None
    responsible_officers: list[str] = field(default_factory=list)
    portfolio_holder: str | None = None
    scrutiny_lead: str | None = None
    key_decision: bool | None = None
    key_decision_raw: str | None = None
    exempt: bool | None = None
    exempt_raw: str | None = None
    call_in: bool | None = None
    call_in_raw: str | None = None
    wards_affected: str | None = None
    enclosures: list[str] = field(default_factory=list)
    recommendations: str | None = None
    recommendations_line: int | None = None
    reasons: str | None = None
    clearances: list[Clearance] = field(default_factory=list)
    contact: Contact | None = None
    background_papers: str | None = None
    headings: list[Heading] = field(default_factory=list)
    agenda_item: str | None = None
    document: int | None = None


@dataclass(slots=True)
class Table:
    """A table reassembled from the source, cells verbatim."""

    span: Span
    header: list[str]
    rows: list[list[str]]
    row_lines: list[int] = field(default_factory=list)
    title: str | None = None
    document: int | None = None


@dataclass(slots=True)
class Indicator:
    """A performance figure from a scorecard or report text."""

    label: str
    value: str
    line: int
    value_number: float | None = None
    unit: str | None = None
    period: str | None = None
    target: str | None = None
    comparators: dict[str, str] = field(default_factory=dict)
    rag: str | None = None
    document: int | None = None


# ------------------------------------------------------------ the result ---


@dataclass(slots=True)
class ParseResult:
    """Everything ``quorum parse`` extracts from one source."""

    source: Source
    documents: list[Document] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    minutes: list[Minutes] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    links: list[RecommendationLink] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    decision_steps: list[DecisionStep] = field(default_factory=list)


def to_jsonable(value: Any) -> Any:
    """Turn a record (or list/dict of records) into JSON-ready Python values.

    Spans are flattened into ``start_line``/``end_line`` (and pages) keys of
    the enclosing object, enums become their values and tuples become lists.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if isinstance(item, Span) and f.name == "span":
                out["start_line"] = item.start_line
                out["end_line"] = item.end_line
                if item.start_page is not None:
                    out["start_page"] = item.start_page
                    out["end_page"] = item.end_page
            else:
                out[f.name] = to_jsonable(item)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def fold_whitespace(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends.

    Same result as ``re.sub(r"\\s+", " ", text).strip()`` (``str.split`` and ``\\s`` agree on what white space
    is, every Unicode code point checked) at a fifth of the cost on short strings.
    """
    return " ".join(text.split())


_WHITESPACE = re.compile(r"\s+")
#: What ``str.encode("ascii", "replace")`` writes for a non-ASCII character.
_NOT_ASCII = "?"
#: How many places of a value's first word :meth:`NormalisedText.folded_contains` tries before folding the text.
_FOLDED_SEARCH_LIMIT = 200
#: The non-ASCII code points that ``re.IGNORECASE`` matches to an ASCII letter, and that letter.
_IGNORECASE_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def _words_after(text: str, end: int, words: list[str]) -> bool:
    """True when ``words`` follow ``text[end:]`` in order, each after a run of white space."""
    for word in words:
        gap = _WHITESPACE.match(text, end)
        if gap is None or not text.startswith(word, gap.end()):
            return False
        end = gap.end() + len(word)
    return True


def _words_before(text: str, start: int, words: list[str]) -> bool:
    """True when ``words`` end just before ``text[start:]`` in order, each followed by a run of white space."""
    for word in reversed(words):
        end = start
        while end and text[end - 1].isspace():
            end -= 1
        if end == start or not text.endswith(word, 0, end):
            return False
        start = end - len(word)
    return True


@dataclass(slots=True)
class NormalisedText:
    """A source read into lines: raw and clean views side by side.

    ``lines[0]`` is line 1. ``text`` is the raw text exactly as read.
    """

    source: Source
    text: str
    lines: list[Line]
    #: ``fold_whitespace(text)``, computed on first use by :meth:`folded` (extractors test verbatim values against it).
    folded_cache: str | None = field(default=None, repr=False, compare=False)
    #: Derived per-text indexes built on first use: see :meth:`content_numbers` and :meth:`lines_containing`.
    index_cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def line(self, number: int) -> Line:
        """Return the line with the given 1-based number."""
        return self.lines[number - 1]

    def folded(self) -> str:
        """Return the whole text with white space folded, computed once per text and then cached."""
        if self.folded_cache is None:
            self.folded_cache = fold_whitespace(self.text)
        return self.folded_cache

    def folded_contains(self, value: str) -> bool:
        """Return ``value in self.folded()``, without folding the whole text when ``value`` is already folded.

        A folded value (single spaces, no spaces at the ends) occurs in the folded text exactly where the raw text
        holds its words in order with a run of white space between each two: that is looked for around each place
        its longest word occurs, or, when that word occurs very often, by one search of the raw text for the words
        joined by ``\\s+`` (``\\s`` is exactly ``str.isspace``, which ``str.split`` folds on: checked over every code
        point). A value with other white space falls back to folding the whole text once (then cached). Each
        answer is kept per text and value (extractors ask again: one table cell merge is tried in several tables).
        """
        key = ("folded_contains", value)
        found = self.index_cache.get(key)
        if found is None:
            found = self.index_cache[key] = self._folded_contains(value)
        return found

    def _folded_contains(self, value: str) -> bool:
        """The search of :meth:`folded_contains`, uncached."""
        if self.folded_cache is not None or not value or value != fold_whitespace(value):
            return value in self.folded()
        words = value.split(" ")
        anchor = max(range(len(words)), key=lambda index: len(words[index]))
        text = self.text
        position = text.find(words[anchor])
        for _ in range(_FOLDED_SEARCH_LIMIT):
            if position == -1:
                return False
            if _words_before(text, position, words[:anchor]) and _words_after(
                text, position + len(words[anchor]), words[anchor + 1 :]
            ):
                return True
            position = text.find(words[anchor], position + 1)
        return re.search(r"\s+".join(map(re.escape, words)), text) is not None

    def content_numbers(self, start: int = 1, end: int | None = None) -> list[int]:
        """Return the numbers of the content lines (``Line.is_content``) in ``start``..``end``, in order.

        The same list as ``[n for n in range(start, end + 1) if self.line(n).is_content]`` (``end`` defaults to
        the last line and is clipped to it), from an index built once per text: a slice, not a scan.
        """
        numbers = self.index_cache.get("content")
        if numbers is None:
            # Line.is_content, inlined: this runs over every line of the text
            numbers = self.index_cache["content"] = [
                line.number for line in self.lines if line.furniture is None and line.clean
            ]
        last = len(self.lines) if end is None else min(end, len(self.lines))
        return numbers[bisect.bisect_left(numbers, start) : bisect.bisect_right(numbers, last)]

    def lines_containing(self, *words: str) -> frozenset[int]:
        """Return the numbers of the lines whose clean text contains one of ``words``, ignoring case.

        Case is ignored exactly as ``re.IGNORECASE`` ignores it, so a line outside the set can never match a
        case-insensitive (or case-sensitive) pattern that needs one of the words: callers test only the lines in
        the set instead of every line. Built once per text and distinct ``words`` (a few substring searches of the
        whole text, not a pass over its lines), then cached. Assumes the lines are not changed after normalising.
        """
        key = ("containing", words)
        found = self.index_cache.get(key)
        if found is None:
            if any("\n" in word for word in words):
                raise ValueError("a clean line holds no newline")
            if all(word.isascii() and _NOT_ASCII not in word for word in words):
                found = self._lines_with_ascii_words(words)
            else:
                found = self._lines_with_pattern(re.compile("|".join(map(re.escape, words)), re.IGNORECASE))
            self.index_cache[key] = found
        return found

    def _lines_with_ascii_words(self, words: tuple[str, ...]) -> frozenset[int]:
        """Lines holding one of the ASCII ``words`` as ``re.IGNORECASE`` matches them, by a byte search.

        Under ``re.IGNORECASE`` an ASCII letter matches its two cases and only four other code points ("İ" and
        "ı" match "i", "ſ" matches "s", the Kelvin sign matches "k"; checked over every code point). With those
        four mapped and every other non-ASCII character written as "?" (no word here holds one), the ASCII bytes
        lower-cased hold a word exactly where the text holds a re.IGNORECASE match of it.
        """
        found = [self._lines_with_ascii_word(word.lower().encode("ascii")) for word in words]
        return found[0] if len(found) == 1 else frozenset().union(*found)

    def _lines_with_ascii_word(self, word: bytes) -> frozenset[int]:
        """Lines holding the lower-cased ASCII ``word`` (see :meth:`_lines_with_ascii_words`); cached per word, so
        a word asked for beside different others ("meeting" with "time", then with "commencement") is searched
        for once."""
        key = ("containing-word", word)
        found = self.index_cache.get(key)
        if found is None:
            folded, starts = self._ascii_folded_clean()
            numbers: set[int] = set()
            position = folded.find(word)
            while position != -1:
                number = bisect.bisect_right(starts, position)  # 1-based: starts[0] == 0 is line 1
                numbers.add(number)
                if number >= len(starts):
                    break
                position = folded.find(word, starts[number])  # on to the next line
            found = self.index_cache[key] = frozenset(numbers)
        return found

    def _lines_with_pattern(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Lines where ``pattern`` (which cannot match a newline) finds a match, by one scan of the joined text."""
        joined = self._joined_clean()
        starts = [0, *itertools.accumulate(len(line.clean) + 1 for line in self.lines[:-1])]
        numbers: set[int] = set()
        position = 0
        while (match := pattern.search(joined, position)) is not None:
            number = bisect.bisect_right(starts, match.start())
            numbers.add(number)
            if number >= len(starts):
                break
            position = starts[number]
        return frozenset(numbers)

    def _joined_clean(self) -> str:
        """Return the clean lines joined by newlines (line ``n`` follows the ``n - 1``-th newline)."""
        joined = self.index_cache.get("joined")
        if joined is None:
            joined = self.index_cache["joined"] = "\n".join([line.clean for line in self.lines])
        return joined

    def _ascii_folded_clean(self) -> tuple[bytes, list[int]]:
        """Return the joined clean lines as ASCII bytes, case folded as by ``re.IGNORECASE``, and line start offsets.

        Each character is one byte (a non-ASCII one is written as "?"), so the offsets are those of the joined
        text: summed line lengths, without a pass over the bytes.
        """
        folded = self.index_cache.get("ascii_folded")
        if folded is None:
            cleans = [line.clean for line in self.lines]
            joined = self.index_cache.get("joined")
            if joined is None:
                joined = self.index_cache["joined"] = "\n".join(cleans)
            if any(char in joined for char in _IGNORECASE_ASCII):
                for char, letter in _IGNORECASE_ASCII.items():
                    joined = joined.replace(char, letter)  # one character for one: the offsets hold
            data = joined.encode("ascii", "replace").lower()
            starts = [0, *itertools.accumulate(map(operator.add, map(len, cleans[:-1]), itertools.repeat(1)))]
            folded = self.index_cache["ascii_folded"] = (data, starts)
        return folded

    def raw_between(self, start: int, end: int) -> str:
        """Return the raw text of lines ``start``..``end`` (inclusive), joined by newlines."""
        return "\n".join(line.raw for line in self.lines[start - 1 : end])

    def span(self, start: int, end: int) -> Span:
        """Build a span for lines ``start``..``end`` with the pages the lines carry."""
        return Span(start, end, self.lines[start - 1].page, self.lines[end - 1].page)
