"""Split a pack into typed sub-documents with line spans, agenda items, parents and pages.

The segmenter walks the content lines once. A new document starts where the
pack itself says so: after a "This page is intentionally left blank" notice, at
a "REPORT FOR:" header, at a minutes heading (body, date and MINUTES / "Minutes
of the meeting" / "Record of decisions"), at a divider (cover) sheet, at a
ModernGov "Agenda Item N" marker, at an Ofsted title block, at a titled
enclosure with its own CONTENTS, at an appendix heading or enclosure title
inside a report, and after a minutes' closing line. Documents are then linked to
the front sheet's agenda items (by title, then in order) to get item numbers and
pack page ranges. Stand-alone reports with an index are split into sections.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from quorum.model import Access, AgendaItem, Document, DocumentKind, NormalisedText
from quorum.normalise.dates import find_date
from quorum.normalise.verbatim import verbatim_in, verbatim_join
from quorum.segment import signals as sig
from quorum.segment.agenda import FrontSheet, parse_front_sheet
from quorum.segment.sections import split_sections

BLANK = "blank_page_notice"
_BODY_WORD = re.compile(
    r"\b(?:BOARD|COMMITTEE|COUNCIL|PANEL|CABINET|PARTNERSHIP|GROUP|FORUM|EXECUTIVE|COMMISSION|AUTHORITY)\b"
)
_MATCH = 0.6


@dataclass(slots=True)
class _Draft:
    """A document being built during the scan."""

    start: int
    reason: str
    kind: DocumentKind = DocumentKind.OTHER
    parent: int | None = None
    child: bool = False
    lines: list[int] = field(default_factory=list)
    header_done: bool = True
    background_done: bool = False
    enclosures: list[str] = field(default_factory=list)
    closed: bool = False
    restricted: bool = False
    meeting_date: str | None = None
    item: AgendaItem | None = None
    span_start: int | None = None  # where the span starts when a heading line above was absorbed


def segment(text: NormalisedText) -> list[Document]:
    """Return the typed sub-documents of ``text`` in line order.

    Takes a normalised source; returns at least one document. Spans lie inside
    the file, are ordered and do not overlap; ``parent`` indexes an earlier
    document of the returned list.
    """
    last = len(text.lines)
    content = sig.content_lines(text, 1, last)
    if not content:
        return [Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, last))]
    return _Segmenter(text, content).run()


_HEADER_END = re.compile(r"^(?:Section\s*1\b|1\.0\s|Summary\b)", re.I)
_ENCLOSURES = re.compile(r"^Enclosures?\s*:", re.I)
_BACKGROUND = re.compile(r"^(?:Background Papers|Section \d+\s*[-–]\s*Contact Details)", re.I)
_INSPECTION_DATES = re.compile(r"^Inspection dates?\s*:", re.I)
_LABEL = re.compile(r"^[A-Z][\w ]{1,30}:")
_PRESENT = re.compile(r"^PRESENT\b", re.I)
_MINUTES_ANY_CASE = re.compile(r"\bMINUTES\b", re.I)
_MOTIONS = re.compile(r"\bMOTIONS?\b")
_PROCEDURAL = re.compile(r"PROCEDURAL", re.I)
_MOTION_START = re.compile(r"^\d{1,2}\.\s*[“\"]")
_SUBJECT = re.compile(r"^Subject\s*:\s*(.*)$", re.I)
_INSPECTION_DATES_ANYWHERE = re.compile(r"^Inspection dates?\s*:|\bInspection dates?\s*:")
_ACTION_PLAN = re.compile(r"\baction plan\b", re.I)
_SCORECARD = re.compile(r"scorecard|key (?:performance )?indicators|performance indicators", re.I)
_STRATEGY = re.compile(r"\bstrategy\b", re.I)
_YES = re.compile(r"^yes\b", re.I)
_NOT_FOR_PUBLICATION = re.compile(r"\bNOT FOR PUBLICATION\b|^\s*(?:PART II|EXEMPT)\b", re.I)
#: Every case-insensitive line pattern the scan tries at the start of each line, as one pattern: a line it does
#: not match matches none of them, so the scan tries them one by one only on the few lines it matches.
_LEAD_PATTERNS = (sig.AGENDA_ITEM_MARKER, sig.REPORT_FOR, sig.MINUTES_OF, _ENCLOSURES, _BACKGROUND, sig.MINUTES_CLOSE)
assert all(pattern.flags & re.IGNORECASE for pattern in _LEAD_PATTERNS)
_ANY_LEAD = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _LEAD_PATTERNS), re.IGNORECASE)
#: ``sig.CONTENTS`` (case as written) or ``_INSPECTION_DATES`` (any case): the lines that can end a title block.
_TITLE_BLOCK_END = re.compile(f"(?:{sig.CONTENTS.pattern})|(?i:{_INSPECTION_DATES.pattern})")
#: ``_ANY_LEAD`` (group "lead") or ``_TITLE_BLOCK_END``, in one pass over the lines: no line matches both (their
#: patterns open with different words), so the group that matched says which.
_LINE_MARK = re.compile(f"(?i:(?P<lead>{_ANY_LEAD.pattern}))|{_TITLE_BLOCK_END.pattern}")


class _Segmenter:
    """One segmentation run over one source."""

    def __init__(self, text: NormalisedText, content: list[int]) -> None:
        self.text = text
        self.content = content
        self.first = content[0]
        lines = text.lines
        self.blank_notices = [line.number for line in lines if line.furniture == BLANK]
        self.front: FrontSheet | None = None
        self.drafts: list[_Draft] = []
        self.active_report: int | None = None
        self.paged: list[AgendaItem] = []
        self.current = -1
        self.main_since_cover = False
        #: Per-line facts the detectors ask for again and again (both the front sheet's end and the scan ask):
        #: ``upper_ratio`` (see :meth:`_upper`), the content lines ``_ANY_LEAD`` matches (only those can match a
        #: pattern it combines) and those that pass :meth:`_may_open_headings`, and the answers of the cover and
        #: minutes-heading detectors. ``block_ends`` are the positions in ``content`` of the lines that may end a
        #: title block ("CONTENTS", "Inspection dates:").
        self.ratios: list[float | None] = [None] * (len(lines) + 1)
        self.leads: set[int] = set()
        block_ends: list[int] = []
        for position, number in enumerate(content):
            marked = _LINE_MARK.match(lines[number - 1].clean)
            if marked is not None:
                if marked.group("lead") is not None:
                    self.leads.add(number)
                else:
                    block_ends.append(position)
        self.may_open = self._may_open_headings()
        self.covers: dict[int, bool] = {}
        self.minutes_starts: dict[int, bool] = {}
        self.titled_starts = self._titled_starts(block_ends)
        self.inspection_starts = self._inspection_starts(block_ends)

    # ------------------------------------------------------------------ run --

    def run(self) -> list[Document]:
        """Scan, link and build the documents."""
        front_end = self._first_boundary()
        self.front = parse_front_sheet(self.text, self.first, front_end)
        self.paged = [i for i in self.front.items if i.pages] if self.front else []
        first_kind = DocumentKind.AGENDA if self.front else DocumentKind.OTHER
        self.drafts.append(_Draft(self.first, "front", kind=first_kind))
        self._scan()
        headed = any(d.reason in ("report", "minutes", "cover", "marker") for d in self.drafts)
        if self.front is None and not headed:
            sections = split_sections(self.text)
            if sections:
                return sections
        self._absorb_letterhead()
        motions = self._motions()
        shift = len(motions)
        for draft in self.drafts[1:]:
            if draft.parent is not None and draft.parent > 0:
                draft.parent += shift
        self.drafts[1:1] = motions
        return self._build()

    def _absorb_letterhead(self) -> None:
        """Fold a lone heading above the first document into it ("KENT COUNTY COUNCIL" over "CABINET" minutes).

        Without a front sheet, one or two short heading lines before the first real
        document (minutes, a report) on the same page are that document's letterhead,
        not a document of their own. The absorbed lines join the span; the title and
        body still come from the document's own heading.
        """
        if self.front is not None or len(self.drafts) < 2:
            return
        head, following = self.drafts[0], self.drafts[1]
        if head.kind != DocumentKind.OTHER or len(head.lines) > 2 or following.reason not in ("minutes", "report"):
            return
        if any(len(self._line(n)) > 80 for n in head.lines):
            return
        between = self.text.lines[head.start - 1 : following.start - 1]
        if any(line.furniture == BLANK for line in between):
            return
        following.span_start = head.start
        following.lines[:0] = head.lines
        del self.drafts[0]
        for draft in self.drafts:
            if draft.parent is not None:
                draft.parent -= 1

    def _line(self, number: int) -> str:
        return self.text.lines[number - 1].clean

    def _upper(self, number: int) -> float:
        """Return ``upper_ratio`` of line ``number``'s clean text, computed once per line."""
        ratio = self.ratios[number]
        if ratio is None:
            ratio = self.ratios[number] = sig.upper_ratio(self.text.lines[number - 1].clean)
        return ratio

    def _may_open_headings(self) -> set[int]:
        """The content lines that pass a cheap test every cover, minutes heading or page-top minutes heading passes.

        Each of them needs a line of at most 100 characters with at least 60% upper-case letters (see their
        detectors), except a minutes heading that opens "Minutes of the ... meeting" / "Record of decisions taken".
        """
        lines, ratios = self.text.lines, self.ratios
        short = [number for number in self.content if len(lines[number - 1].clean) <= 100]
        found: set[int] = set()
        for number, ratio in zip(short, sig.upper_ratios([lines[n - 1].clean for n in short]), strict=True):
            ratios[number] = ratio
            if ratio >= 0.6:
                found.add(number)
        for number in self.leads:
            if number not in found and sig.MINUTES_OF.match(lines[number - 1].clean):
                found.add(number)
        return found

    def _next_content(self, number: int, count: int) -> list[int]:
        """Return up to ``count`` content lines after ``number``, stopping at a blank-page notice."""
        position = bisect.bisect_right(self.content, number)
        found = self.content[position : position + count]
        notice = bisect.bisect_right(self.blank_notices, number)
        if notice < len(self.blank_notices) and found and found[-1] > self.blank_notices[notice]:
            found = [n for n in found if n < self.blank_notices[notice]]
        return found

    # ------------------------------------------------------------ detectors --

    def _first_boundary(self) -> int:
        """Return the line before which the front sheet must end."""
        for number in self.content[1:]:
            if number in self.leads and sig.REPORT_FOR.match(self._line(number)):
                return number - 1
            if number in self.may_open and (
                self._is_cover(number) or self._is_minutes_start(number) or self._is_page_minutes(number, None)
            ):
                return number - 1
        for line in self.text.lines[self.first :]:
            if line.furniture == BLANK:
                return line.number
        return len(self.text.lines)

    def _is_cover(self, number: int) -> bool:
        """A divider sheet: a few short upper-case lines with a date, then a blank page (answered once per line)."""
        found = self.covers.get(number)
        if found is None:
            found = self.covers[number] = self._find_cover(number)
        return found

    def _find_cover(self, number: int) -> bool:
        clean = self._line(number)
        if not clean or len(clean) > 60 or self._upper(number) < 0.8 or sig.BULLET.match(clean):
            return False
        # The block must end at a blank-page notice with at most 11 content lines between (see the walk below).
        notice = bisect.bisect_right(self.blank_notices, number)
        if notice == len(self.blank_notices):
            return False
        first_after = bisect.bisect_right(self.content, number)
        if bisect.bisect_left(self.content, self.blank_notices[notice]) - first_after >= 12:
            return False
        block = [number]
        n = number + 1
        while n <= len(self.text.lines):
            line = self.text.lines[n - 1]
            if line.furniture == BLANK:
                break
            if line.is_content:
                if len(line.clean) > 80 or len(block) >= 12 or line.clean[:1].islower():
                    return False
                block.append(n)
            n += 1
        else:
            return False
        head = " ".join(self._line(k) for k in block[:3])
        return sig.find_date(head, numeric=False) is not None and len(block) >= 2

    def _is_minutes_start(self, number: int) -> bool:
        """A minutes heading: body (or MINUTES) line, a date and a minutes marker within four lines (answered once)."""
        found = self.minutes_starts.get(number)
        if found is None:
            found = self.minutes_starts[number] = self._find_minutes_start(number)
        return found

    def _find_minutes_start(self, number: int) -> bool:
        clean = self._line(number)
        heading = len(clean) <= 80 and self._upper(number) >= 0.6 and sig.is_heading_like(clean, max_chars=80)
        if not heading and not sig.MINUTES_OF.match(clean):
            return False
        window = [number, *self._next_content(number, 3)]
        texts = [self._line(k) for k in window]
        marker = any(
            sig.MINUTES_OF.match(t)
            or (len(t) <= 60 and "MINUTES" in t and not t[0].isdigit() and sig.MINUTES_WORD.search(t))
            for t in texts
        )
        if not marker:
            return False
        return any(sig.find_date(t, numeric=False) for t in texts)

    def _page_top(self, number: int) -> bool:
        """True when ``number`` is the first content line of a source (PDF) page."""
        page = self.text.lines[number - 1].page
        if page is None:
            return False
        for back in range(number - 1, 0, -1):
            line = self.text.lines[back - 1]
            if line.is_content:
                return line.page != page
        return True

    def _is_page_minutes(self, number: int, cur: _Draft | None) -> bool:
        """Minutes printed without the word MINUTES: a page-top body heading, a date line, and minutes signs.

        ModernGov packs reprint earlier minutes as "AUDIT COMMITTEE" / "24 SEPTEMBER 2009" at a page
        top, with "All minutes are draft ..." as the page's running header. The heading must not
        repeat the current document's own first line (a continuation page), the date must not be
        the pack's meeting date, and either a PRESENT: list follows or the page furniture names minutes.
        """
        clean = self._line(number)
        if len(clean) > 100 or self._upper(number) < 0.8 or not self._page_top(number):
            return False
        if cur is not None and self._line(cur.start).casefold() == clean.casefold():
            return False
        following = self._next_content(number, 8)
        if not following:
            return False
        date_line = self._line(following[0])
        found = sig.find_date(date_line, numeric=False)
        if found is None or len(date_line) > 40:
            return False
        if self.front is not None and self.front.date == found[0]:
            return False
        if any(_PRESENT.match(self._line(k)) for k in following[1:]):
            return True
        page = self.text.lines[number - 1].page
        return any(
            line.page == page and line.furniture is not None and sig.MINUTES_WORD.search(line.clean.upper())
            for line in self.text.lines[max(0, number - 6) : number - 1]
        )

    def _titled_starts(self, block_ends: list[int]) -> set[int]:
        """Start lines of title blocks that a CONTENTS/INDEX line follows (an enclosed document).

        ``block_ends`` holds the positions in ``content`` of the lines ``_TITLE_BLOCK_END`` matches.
        """
        starts: set[int] = set()
        for position in block_ends:
            number = self.content[position]
            if not sig.CONTENTS.match(self._line(number)):
                continue
            start = None
            for back in reversed(self.content[max(0, position - 8) : position]):
                line = self.text.lines[back - 1]
                clean = line.clean
                if len(clean) > 80 or ":" in clean or sig.URL.search(clean) or line.cells:
                    break
                if any(self.text.lines[k - 1].furniture == BLANK for k in range(back, number)):
                    break
                start = back
            if start is not None:
                starts.add(start)
        return starts

    def _inspection_starts(self, block_ends: list[int]) -> set[int]:
        """Start lines of inspection-report title blocks (found from their "Inspection dates:" line).

        ``block_ends`` holds the positions in ``content`` of the lines ``_TITLE_BLOCK_END`` matches.
        """
        starts: set[int] = set()
        for position in block_ends:
            number = self.content[position]
            if not _INSPECTION_DATES.match(self._line(number)):
                continue
            start = number
            for back in reversed(self.content[max(0, position - 6) : position]):
                line = self.text.lines[back - 1]
                clean = line.clean
                if len(clean) > 140 or sig.URL.search(clean) or clean.upper().startswith("NOTE"):
                    break
                if any(self.text.lines[k - 1].furniture == BLANK for k in range(back, number)):
                    break
                start = back
            starts.add(start)
        return starts

    # ----------------------------------------------------------------- scan --

    def _scan(self) -> None:
        """Walk the content lines once, opening a new draft at every boundary."""
        lines = self.text.lines
        # The content lines that come after a blank-page notice (with no content line between).
        after_blank_notice: set[int] = set()
        for notice in self.blank_notices:
            position = bisect.bisect_right(self.content, notice)
            if notice > self.first and position < len(self.content):
                after_blank_notice.add(self.content[position])
        leads = self.leads
        block_starts = self.inspection_starts | self.titled_starts
        for number in self.content[1:]:
            clean = lines[number - 1].clean
            lead = number in leads
            after_blank = number in after_blank_notice
            if len(clean) > 120 and not lead and not after_blank and number not in block_starts:
                reason = None  # only a lead pattern, a blank page above or a title block opens on a line this long
            else:
                reason = self._boundary(number, clean, lead, after_blank)
            cur = self.drafts[-1]
            if reason and cur.reason == "marker" and len(cur.lines) <= 3:
                cur.reason = reason  # "Agenda Item N" furniture absorbed into the document it announces
                self._classify(len(self.drafts) - 1)
                reason = None
            if reason:
                self._open(number, reason)
            self._observe(number, clean, lead)

    def _boundary(self, number: int, clean: str, lead: bool, after_blank: bool) -> str | None:
        """Name the reason a new document starts at line ``number``, or None.

        ``clean`` is the line's clean text and ``lead`` whether ``_ANY_LEAD`` matches it (else none of the
        line patterns it combines can). Every other test needs a line of at most 120 characters (``may_open``
        one of at most 100 unless it opens with "Minutes of", a child heading at most 120, a caps heading at
        most 100): :meth:`_scan` relies on that to skip longer lines.
        """
        cur = self.drafts[-1]
        if cur.restricted and sig.RESTRICTED.search(clean):
            return None
        if lead and sig.AGENDA_ITEM_MARKER.match(clean):
            return "marker"
        if lead and sig.REPORT_FOR.match(clean):
            return "report"
        in_cover = cur.kind == DocumentKind.COVER and not after_blank
        if not in_cover and number in self.may_open:
            if self._is_cover(number):
                return "cover"
            recent_minutes = cur.kind == DocumentKind.MINUTES and number - cur.start <= 8
            if not recent_minutes and self._is_minutes_start(number):
                return "minutes"
            if self._is_page_minutes(number, cur):
                return "minutes"
        if after_blank:
            return "page"
        if clean == "Document is Restricted":
            return "restricted"
        if number in self.inspection_starts and number > cur.start:
            return "inspection"
        if number in self.titled_starts and number - cur.start > 5:
            return "titled"
        if (
            len(clean) <= 120
            and len(cur.lines) > 3
            and self._report_family(cur)
            and self._report_child(number, clean, cur)
        ):
            return "child"
        if cur.kind == DocumentKind.MINUTES and cur.closed and sig.is_caps_heading(clean):
            return "minutes_appendix"
        return None

    def _report_family(self, draft: _Draft) -> bool:
        """True for a report, or an appendix-like enclosure of the active report (not a strategy or plan)."""
        if draft.kind == DocumentKind.REPORT:
            return True
        enclosure_kinds = (DocumentKind.APPENDIX, DocumentKind.SCORECARD)
        return draft.child and self.active_report is not None and draft.kind in enclosure_kinds

    def _report_child(self, number: int, clean: str, cur: _Draft) -> bool:
        """Inside a report: an appendix heading, an enclosure's title, or a heading after the background papers.

        Only a line of at most 120 characters can be one (the appendix heading's limit and ``is_heading_like``'s).
        """
        report = self.drafts[self.active_report] if self.active_report is not None else cur
        if not cur.header_done:
            return False
        if sig.APPENDIX_HEADING.match(clean) and len(clean) <= 120 and not clean.endswith("."):
            return True
        if not sig.is_heading_like(clean) or sig.blank_lines_before(self.text, number) < 1:
            return False
        if _LABEL.match(clean):
            return False
        if report.enclosures and self._next_content(number, 1):  # followed by a content line
            for enclosure in report.enclosures:
                if _enclosure_match(enclosure, clean):
                    return True
        if cur.background_done and (sig.is_caps_heading(clean) or sig.blank_lines_before(self.text, number) >= 2):
            return len(clean.split()) >= 2
        return False

    # ---------------------------------------------------------------- drafts --

    def _open(self, number: int, reason: str) -> None:
        self.drafts.append(_Draft(number, reason))
        self._classify(len(self.drafts) - 1)

    def _head_text(self, draft: _Draft, count: int = 6) -> str:
        numbers = [draft.start, *self._next_content(draft.start, count - 1)]
        return " ".join(self._line(n) for n in numbers if len(self._line(n)) <= 200)

    def _classify(self, index: int) -> None:
        """Set kind, role, parent and agenda item of a freshly opened draft."""
        self._classify_kind(index)
        draft = self.drafts[index]
        if draft.child and draft.parent is not None:
            draft.item = self.drafts[draft.parent].item
        elif self.paged:
            self._assign_item(index)

    def _classify_kind(self, index: int) -> None:
        """Set kind, child/top-level role and parent of a freshly opened draft."""
        draft = self.drafts[index]
        if self.active_report is not None and self.active_report >= index:
            self.active_report = None
        draft.child, draft.parent = False, None
        reason = draft.reason
        head = self._head_text(draft)
        first = self._line(draft.start)
        if reason == "report":
            draft.kind = DocumentKind.REPORT
            draft.header_done = False
            found = _field_date(self.text, draft.start)
            draft.meeting_date = found
            pack_date = self.front.date if self.front else None
            if self.active_report is not None and found and pack_date and found != pack_date:
                self._make_child(index)
            else:
                self.active_report = index
            return
        if reason == "cover":
            draft.kind = DocumentKind.COVER
            self.active_report = None
            return
        if reason == "minutes":
            draft.kind = DocumentKind.MINUTES
            if sig.APPENDIX_HEADING.match(first) and self.active_report is not None:
                self._make_child(index)
            else:
                self.active_report = None
            return
        if reason == "restricted" or first == "Document is Restricted":
            draft.kind = DocumentKind.REPORT
            draft.restricted = True
            self.active_report = index
            return
        if reason == "minutes_appendix":
            draft.kind = DocumentKind.APPENDIX
            draft.child = True
            draft.parent = index - 1 if self.drafts[index - 1].kind == DocumentKind.MINUTES else None
            return
        kind = _content_kind(first, head, reason)
        draft.kind = kind
        attached = kind in (DocumentKind.INSPECTION_REPORT, DocumentKind.ACTION_PLAN, DocumentKind.SCORECARD)
        later_item = not attached and self._matches_later_item(head)
        if self.active_report is not None and (reason == "child" or not later_item):
            self._make_child(index)
            if kind == DocumentKind.OTHER:
                draft.kind = DocumentKind.APPENDIX
            return
        if kind in (DocumentKind.OTHER, DocumentKind.APPENDIX):
            draft.kind = DocumentKind.REPORT
        self.active_report = index if draft.kind == DocumentKind.REPORT else None

    def _assign_item(self, index: int) -> None:
        """Link a top-level draft to an agenda item: by title first, else the next item with pages."""
        if self.front is None:
            return
        draft = self.drafts[index]
        paged = self.paged
        head = self._head_text(draft, 5)
        if draft.kind == DocumentKind.REPORT and draft.reason == "report":
            head = self._title(draft, draft.start + 20)[0] or head
        best, score = None, 0.0
        for position in range(max(self.current, 0), len(paged)):
            value = sig.title_similarity(paged[position].title, head)
            if draft.kind == DocumentKind.MINUTES and _MINUTES_ANY_CASE.search(paged[position].title):
                value = max(value, 1.0)
            if value > score + 1e-9 and value >= _MATCH:
                best, score = position, value
        if best is not None:
            self.current = best
        elif self.current < 0 or draft.kind == DocumentKind.COVER or self.main_since_cover:
            self.current = min(self.current + 1, len(paged) - 1)
        if self.current >= 0:
            draft.item = paged[self.current]
        self.main_since_cover = draft.kind != DocumentKind.COVER

    def _make_child(self, index: int) -> None:
        draft = self.drafts[index]
        draft.child = True
        draft.parent = self.active_report

    def _matches_later_item(self, head: str) -> bool:
        """True when the opening lines name an agenda item not yet reached."""
        for item in self.paged[self.current + 1 :]:
            if sig.title_similarity(item.title, head) >= _MATCH and len(sig.significant_words(item.title)) >= 2:
                return True
        return False

    def _observe(self, number: int, clean: str, lead: bool) -> None:
        """Update the current draft's state with one of its lines (``clean`` and ``lead`` as for :meth:`_boundary`)."""
        draft = self.drafts[-1]
        draft.lines.append(number)
        if not draft.header_done and (_HEADER_END.match(clean) or len(draft.lines) > 30):
            draft.header_done = True
        if lead and _ENCLOSURES.match(clean):
            value = clean.split(":", 1)[1]
            draft.enclosures.extend(_split_enclosures(value))
        elif draft.enclosures and not draft.header_done and sig.APPENDIX_HEADING.match(clean):
            draft.enclosures.extend(_split_enclosures(clean))
        if lead and _BACKGROUND.match(clean):
            draft.background_done = True
        if lead and sig.MINUTES_CLOSE.match(clean):
            draft.closed = True
        if number - draft.start < 3 and sig.RESTRICTED.search(clean):
            draft.restricted = True

    # --------------------------------------------------------------- motions --

    def _motions(self) -> list[_Draft]:
        """Return one motion draft per notice of motion listed under the front sheet's MOTIONS item."""
        found: list[_Draft] = []
        if self.front is None:
            return found
        end = self.drafts[1].start - 1 if len(self.drafts) > 1 else len(self.text.lines)
        items = self.front.items
        for position, item in enumerate(items):
            if not _MOTIONS.search(item.title) or _PROCEDURAL.search(item.title):
                continue
            stop = items[position + 1].line - 1 if position + 1 < len(items) else end
            starts = [
                n for n in sig.content_lines(self.text, item.line + 1, stop) if _MOTION_START.match(self._line(n))
            ]
            for k, start in enumerate(starts):
                motion_end = starts[k + 1] - 1 if k + 1 < len(starts) else stop
                motion = _Draft(start, "motion", kind=DocumentKind.MOTION, parent=0, child=True)
                motion.lines = sig.content_lines(self.text, start, motion_end)
                motion.item = item
                found.append(motion)
        return found

    # ----------------------------------------------------------------- build --

    def _build(self) -> list[Document]:
        """Compute spans, items, pages, titles and metadata and return the documents."""
        drafts = self.drafts
        ends = self._ends()
        pages = _line_pages(self.text)
        documents: list[Document] = []
        for index, draft in enumerate(drafts):
            end = ends[index]
            parent = draft.parent
            documents.append(self._document(draft, end, parent, pages))
        self._cover_parents(documents)
        self._item_pages(documents, pages)
        return documents

    def _ends(self) -> list[int]:
        """End line of each draft: its last content line before the next top-level or sibling start."""
        ends: list[int] = []
        starts = [d.start for d in self.drafts]
        for draft in self.drafts:
            if draft.reason == "motion":
                ends.append(draft.lines[-1] if draft.lines else draft.start)
                continue
            following = [s for k, s in enumerate(starts) if s > draft.start and self.drafts[k].reason != "motion"]
            stop = following[0] if following else len(self.text.lines) + 1
            last = bisect.bisect_left(self.content, stop) - 1  # the last content line before ``stop``
            ends.append(self.content[last] if last >= 0 and self.content[last] >= draft.start else draft.start)
        return ends

    def _document(self, draft: _Draft, end: int, parent: int | None, pages: list[int | None] | None) -> Document:
        """Build one Document from a draft."""
        title, title_line = self._title(draft, end)
        body, date_iso, date_raw = self._body_and_date(draft)
        access = Access.PUBLIC
        exempt_item = draft.item is not None and draft.item.access == Access.EXEMPT
        if draft.restricted or exempt_item or _exempt_field(self.text, draft):
            access = Access.EXEMPT
        span_pages = None
        first = draft.span_start or draft.start
        if pages is not None and pages[first - 1] is not None and pages[end - 1] is not None:
            span_pages = (pages[first - 1], pages[end - 1])
        return Document(
            kind=draft.kind,
            title=title,
            span=self.text.span(draft.span_start or draft.start, max(end, draft.start)),
            body=body,
            date=date_iso,
            date_raw=date_raw,
            agenda_item=draft.item.number if draft.item else None,
            access=access,
            parent=parent,
            pages=span_pages,  # type: ignore[arg-type]
            title_line=title_line,
        )

    def _title(self, draft: _Draft, end: int) -> tuple[str | None, int | None]:
        """Pick the verbatim title of a draft and the line it starts on."""
        text = self.text
        start = draft.start
        first = self._line(start)
        nxt = self._next_content(start, 6)
        if draft.kind == DocumentKind.MOTION:
            match = re.match(r"^\d{1,2}\.\s*[“\"]?(.+?)[”\"]?$", first)
            if match and match.group(1) in text.lines[start - 1].raw:
                return match.group(1), start
        if draft.kind == DocumentKind.REPORT and draft.reason in ("report", "marker"):
            for n in [start, *self._next_content(start, 14)]:
                match = _SUBJECT.match(self._line(n))
                if match:
                    lines = [n, *self._continuation(n)]
                    joined = verbatim_join(text, lines)
                    value = re.sub(r"^Subject\s*:\s*", "", joined or "", flags=re.I).strip()
                    return (value or None), n
        if draft.kind == DocumentKind.COVER:
            block: list[int] = []
            for n in sig.content_lines(text, start, end):
                if block and n - block[-1] > 1:
                    block = []
                block.append(n)
            return verbatim_join(text, block), (block[0] if block else start)
        if draft.kind == DocumentKind.MINUTES:
            lines = [start]
            if (sig.APPENDIX_HEADING.match(first) and nxt) or (nxt and self._line(nxt[0]).strip().upper() == "MINUTES"):
                lines = [start, nxt[0]]
            return verbatim_join(text, lines), start
        if draft.kind == DocumentKind.INSPECTION_REPORT:
            for n in [start, *nxt]:
                if re.match(r"^Inspection of\b", self._line(n)):
                    return verbatim_join(text, [n]), n
        if re.fullmatch(r"(?:APPENDIX|Appendix)\s+\S+", first) and nxt:
            return verbatim_join(text, [start, nxt[0]]), start
        if draft.kind == DocumentKind.REPORT and sig.is_caps_heading(first) and nxt:
            second = self._line(nxt[0])
            if sig.is_heading_like(second) and sig.upper_ratio(second) < 0.8:
                return verbatim_join(text, [nxt[0]]), nxt[0]
        block = [start]
        for n in nxt:
            if n != block[-1] + 1 or len(self._line(n)) > 60 or len(first) > 60 or self._line(n).endswith(":"):
                break
            block.append(n)
        return verbatim_join(text, block), start

    def _continuation(self, number: int) -> list[int]:
        """Lines directly below a header field that continue its value (no blank line between)."""
        found: list[int] = []
        n = number + 1
        while n <= len(self.text.lines) and len(found) < 4:
            clean = self._line(n)
            if not clean or re.match(r"^[A-Z][A-Za-z /-]{2,40}:", clean) or "\t" in self.text.lines[n - 1].raw:
                break
            found.append(n)
            n += 1
        return found

    def _body_and_date(self, draft: _Draft) -> tuple[str | None, str | None, str | None]:
        """Return (body, ISO date, raw date) of a draft, inheriting from the parent or front sheet."""
        text = self.text
        if draft.kind == DocumentKind.AGENDA and self.front:
            return self.front.body, self.front.date, self.front.date_raw
        if draft.kind == DocumentKind.MOTION and self.front:
            return self.front.body, None, None
        head = [draft.start, *self._next_content(draft.start, 4)]
        if draft.reason == "report" or (draft.kind == DocumentKind.REPORT and draft.reason == "marker"):
            body = None
            match = sig.REPORT_FOR.match(self._line(draft.start))
            if match:
                more = []
                for n in self._continuation(draft.start):
                    line = self._line(n)
                    if sig.upper_ratio(line) < 0.8 and (len(line.split()) > 3 or ":" in line):
                        break
                    more.append(n)
                lines = [draft.start, *more]
                joined = verbatim_join(text, lines) or ""
                body = re.sub(r"^REPORT\s+FOR\s*:?\s*", "", joined, flags=re.I).strip() or None
            date_line = _field_line(text, draft.start, r"Date(?: of Meeting)?")
            found = sig.line_date(self.text.line(date_line)) if date_line else None
            return body, (found[0] if found else None), (found[1] if found else None)
        if draft.kind in (DocumentKind.MINUTES, DocumentKind.COVER):
            body = None
            for n in head:
                clean = self._line(n)
                if (
                    sig.APPENDIX_HEADING.match(clean)
                    or sig.find_date(clean, numeric=False)
                    or clean.upper() == "MINUTES"
                ):
                    continue
                if sig.MINUTES_OF.match(clean):
                    continue
                stripped = re.sub(
                    r"\s*(?:\((?:ANNUAL|SPECIAL|EXTRAORDINARY|BUDGET)\)\s*)?(?:EXTRAORDINARY\s+)?MINUTES$", "", clean
                ).strip()
                if stripped and sig.upper_ratio(stripped) > 0.6 and stripped in text.lines[n - 1].raw:
                    body = stripped
                    break
            found = None
            for n in head:
                found = sig.line_date(self.text.line(n))
                if found:
                    break
            return body, (found[0] if found else None), (found[1] if found else None)
        if draft.kind == DocumentKind.REPORT and not draft.child and draft.reason != "restricted":
            return self._headed_paper(draft)
        return None, None, None

    def _headed_paper(self, draft: _Draft) -> tuple[str | None, str | None, str | None]:
        """Body and date of a paper without a "REPORT FOR:" header, read from its opening block.

        Partnership papers print "HARROW STRATEGIC PARTNERSHIP BOARD" / title / "13th March 2013";
        letters print a letterhead and then the date alone on a line ("18.05.17"). The body is an
        upper-case first line naming a board, committee, panel or the like; the date is the first
        line among the opening ten that is nothing but a date.
        """
        opening = [draft.start, *self._next_content(draft.start, 9)]
        body = None
        first = self.text.line(draft.start)
        if sig.upper_ratio(first.clean) >= 0.8 and len(first.clean) <= 80 and _BODY_WORD.search(first.clean):
            body = verbatim_in(first.raw, first.clean)
        for n in opening:
            line = self.text.line(n)
            stripped = line.clean.strip(" *")
            found = find_date(stripped)
            if found is not None and found.start == 0 and found.end == len(stripped.rstrip(".")):
                raw = verbatim_in(line.raw, found.raw)
                if raw:
                    return body, found.iso, raw
        return body, None, None

    def _cover_parents(self, documents: list[Document]) -> None:
        """Top-level documents that follow a cover sheet of the same agenda item hang under that cover."""
        cover: int | None = None
        for index, doc in enumerate(documents):
            if doc.kind == DocumentKind.COVER:
                cover = index
                continue
            if doc.parent is not None or index == 0 or doc.kind == DocumentKind.MOTION:
                continue
            if cover is not None and doc.agenda_item is not None and documents[cover].agenda_item == doc.agenda_item:
                doc.parent = cover
            else:
                cover = None

    def _item_pages(self, documents: list[Document], pages: list[int | None] | None) -> None:
        """Give top-level documents the page range their agenda item prints, where that is unambiguous."""
        if self.front is None or pages is not None:
            return
        by_item: dict[str, list[int]] = {}
        for index, doc in enumerate(documents):
            under_cover = doc.parent is None or documents[doc.parent].kind == DocumentKind.COVER
            if doc.agenda_item is not None and under_cover and doc.kind != DocumentKind.MOTION:
                by_item.setdefault(doc.agenda_item, []).append(index)
        item_pages = {i.number: i.pages for i in self.front.items if i.pages}
        for number, indexes in by_item.items():
            low_high = item_pages.get(number)
            if low_high is None:
                continue
            low, high = low_high
            covers = [k for k in indexes if documents[k].kind == DocumentKind.COVER]
            others = [k for k in indexes if documents[k].kind != DocumentKind.COVER]
            if covers:
                cover = documents[covers[0]]
                blank_after = any(
                    line.furniture == BLANK for line in self.text.lines[cover.span.end_line : cover.span.end_line + 3]
                )
                cover.pages = (low, low + 1 if blank_after else low)
                low = cover.pages[1] + 1
            if len(others) == 1 and low <= high:
                documents[others[0]].pages = (low, high)


def _content_kind(first: str, head: str, reason: str) -> DocumentKind:
    """Guess the kind of a document without a report or minutes header from its opening lines."""
    if reason == "inspection" or _INSPECTION_DATES_ANYWHERE.search(head):
        return DocumentKind.INSPECTION_REPORT
    if _ACTION_PLAN.search(first):
        return DocumentKind.ACTION_PLAN
    if _SCORECARD.search(head):
        return DocumentKind.SCORECARD
    if _STRATEGY.search(first) or (reason == "titled" and _STRATEGY.search(head[:200])):
        return DocumentKind.STRATEGY
    if sig.APPENDIX_HEADING.match(first):
        return DocumentKind.APPENDIX
    return DocumentKind.OTHER


def _split_enclosures(value: str) -> list[str]:
    """Split an "Enclosures:" value into separate titles (numbered or "Appendix X:" lists)."""
    value = value.replace("**", " ")
    parts = re.split(r"(?:^|\s)(?:\d{1,2}\.|(?:Appendix|Annex)\s+\w+\s*[:–-])\s*", value)
    return [p.strip() for p in parts if len(sig.significant_words(p)) >= 2]


def _enclosure_match(enclosure: str, heading: str) -> bool:
    """True when a heading names an enclosure (most of the shorter title's words shared)."""
    one, two = sig.significant_words(enclosure), sig.significant_words(heading)
    shared = one & two
    if len(shared) < 2:
        return False
    return len(shared) >= _MATCH * max(len(one), len(two))


@functools.lru_cache(maxsize=64)
def _field_pattern(name: str) -> re.Pattern[str]:
    """The pattern of a "Name:" header field line, compiled once per name."""
    return re.compile(rf"^{name}\s*:", re.I)


def _field_line(text: NormalisedText, start: int, name: str) -> int | None:
    """Find a "Name:" header field line within the first 25 lines of a document."""
    pattern = _field_pattern(name)
    for n in range(start, min(start + 25, len(text.lines)) + 1):
        if pattern.match(text.lines[n - 1].clean):
            return n
    return None


def _field_value(text: NormalisedText, start: int, name: str) -> str | None:
    """Return the value of a header field (e.g. Subject) or None."""
    number = _field_line(text, start, name)
    if number is None:
        return None
    return text.lines[number - 1].clean.split(":", 1)[1].strip()


def _field_date(text: NormalisedText, start: int) -> str | None:
    """Return the ISO date of a report's "Date of Meeting:" field."""
    number = _field_line(text, start, r"Date(?: of Meeting)?")
    if number is None:
        return None
    found = sig.find_date(text.lines[number - 1].clean, numeric=False)
    return found[0] if found else None


def _exempt_field(text: NormalisedText, draft: _Draft) -> bool:
    """True when a report header says "Exempt: Yes" or the opening lines say not for publication."""
    value = _field_value(text, draft.start, "Exempt") if draft.kind == DocumentKind.REPORT else None
    if value and _YES.match(value):
        return True
    opening = " ".join(text.lines[n - 1].clean for n in range(draft.start, min(draft.start + 6, len(text.lines)) + 1))
    return bool(_NOT_FOR_PUBLICATION.search(opening))


def _line_pages(text: NormalisedText) -> list[int | None] | None:
    """Page of every line: from the source (PDF) when known, else from printed "Page N" footers."""
    pages = [line.page for line in text.lines]
    if pages.count(None) < len(pages):
        return pages
    markers = [
        (line.number, int(m.group(1)))
        for line in text.lines
        if line.clean.startswith(("P", "p")) and (m := sig.PAGE_MARKER.match(line.clean))
    ]
    if len(markers) < 2 or any(b[1] <= a[1] for a, b in itertools.pairwise(markers)):
        return None
    pages = []
    position = 0
    for line in text.lines:
        while position < len(markers) and markers[position][0] < line.number:
            position += 1
        pages.append(markers[position][1] if position < len(markers) else markers[-1][1] + 1)
    return pages
