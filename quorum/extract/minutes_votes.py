"""Votes recorded in minutes: outcomes, tallies, recorded votes, movers and seconders.

Minutes say how a question was decided in sentences such as

* "Councillor Y moved, and Councillor Z seconded, an amendment ... which was put to the vote and LOST";
* "It was moved by Councillor A and seconded by Councillor B that ...";
* "Upon being put to the vote, the motion was CARRIED by 30 votes to 28";
* "(For: 30, Against: 28, Abstentions: 2)" or "30 for, 28 against and 2 abstentions";

and record named votes as "For (30): Councillors A, B and C" lists or as a table
with "For", "Against" and "Abstain" columns. A sentence that opens a vote
(moving) starts a new :class:`Vote`; later outcome, tally and name lists fill
the vote in until it is complete.
"""

from __future__ import annotations

import re

from quorum.extract.names import parse_person, split_name_list
from quorum.model import NormalisedText, Vote

_NAME = (
    r"(?:(?:Councillor|Cllr)\.?\s+(?:(?:Mrs|Ms|Mr|Miss|Dr)\.?\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
    # Kent and other county styles name members by title: "Mr Oakford", "Mrs S Chandler", "Sir Paul Carter"
    r"|(?:Mrs|Ms|Mr|Miss|Dr|Sir|Dame)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]+)?"
    r"|(?:the|The)\s+(?:Chair(?:man)?|Mayor|Leader(?:\s+of\s+the\s+Council)?|Deputy\s+Leader|Vice[- ]Chair(?:man)?))"
)
_MOVED_RE = re.compile(
    r"(?P<mover>" + _NAME + r")\s+(?:then\s+)?(?:moved|proposed)\b,?\s*"
    r"(?:and\s+(?P<seconder>" + _NAME + r")\s+(?i:seconded)\b,?)?"
)
_MOVED_BY_RE = re.compile(
    r"\b(?:moved|proposed)\s+by\s+(?P<mover>" + _NAME + r"),?\s+(?:and\s+)?seconded\s+by\s+(?P<seconder>" + _NAME + r")"
)
_SECONDED_BY_RE = re.compile(r"\bseconded\s+by\s+(?P<seconder>" + _NAME + r")")
_SECONDED_RE = re.compile(r"(?P<seconder>" + _NAME + r")\s+(?i:seconded)\b")
_LABELLED_RE = re.compile(
    r"^(?P<label>Proposer|Proposed(?:\s+by)?|Mover|Moved(?:\s+by)?|Seconder|Seconded(?:\s+by)?)\s*[:\-–]\s*(?P<who>.+)$",
    re.I,
)
_OUTCOME_RE = re.compile(
    r"\b(?:was|were|being|been|declared)\s+(?:duly\s+|therefore\s+|declared\s+|then\s+)?"
    r"(?:put\s+to\s+(?:the\s+)?(?:vote|meeting)(?:\s+of\s+the\s+\w+)?\s+and\s+(?:was\s+|were\s+)?(?:declared\s+)?)?"
    r"(?P<o>NOT\s+CARRIED|not\s+carried|CARRIED|carried|LOST|lost|DEFEATED|defeated|FELL|fell|REJECTED|rejected"
    r"|WITHDRAWN|withdrawn)\b(?!\s+(?:out|forward|over|through|into|across|on)\b)"
    r"|\b(?P<caps>CARRIED|LOST|DEFEATED)\b"
    r"|\b(?:amendment|motion|recommendation|proposal)\s+(?P<fell>fell)\b"
    # a bare verdict line: "Motion carried.", "Amendment lost.", "Substantive Motion Carried."
    r"|^(?i:(?:The\s+)?(?:substantive\s+|original\s+)?(?:amendment|motion|recommendations?|proposal)\s+"
    r"(?P<bare>carried|lost|defeated|fell|rejected|withdrawn|not\s+carried))\b",
)
_NEW_QUESTION_RE = re.compile(
    r"\b(?:recorded|named|roll[- ]call)\s+vote\b|\bvote\s+was\s+taken\b|\bsubstantive\s+(?:motion|recommendation)\b",
    re.I,
)
_UNANIMOUS_RE = re.compile(r"\bunanimous(?:ly)?\b", re.I)
_TALLY_RES = (
    re.compile(
        r"\bby\s+(?P<f>\d+)\s+votes?\s+to\s+(?P<a>\d+)(?:,?\s+(?:with\s+)?(?P<ab>\d+)\s+(?:abstentions?|abstaining))?",
        re.I,
    ),
    re.compile(
        r"\b(?P<f>\d+)\s+(?:votes?\s+)?(?:for|in\s+favour)\b,?\s+(?:and\s+|with\s+)?(?P<a>\d+)\s+(?:votes?\s+)?against"
        r"(?:,?\s+(?:and\s+|with\s+)?(?P<ab>\d+)\s+(?:abstentions?|abstaining|abstained))?",
        re.I,
    ),
    re.compile(
        r"\bFor\s*[:\-–]?\s*(?P<f>\d+)[,;\s]+Against\s*[:\-–]?\s*(?P<a>\d+)"
        r"(?:[,;\s]+(?:Abstentions?|Abstain(?:ed|ing)?)\s*[:\-–]?\s*(?P<ab>\d+))?",
        re.I,
    ),
)
_NAMED_RE = re.compile(
    r"^(?P<side>For|Against|Abstentions?|Abstain(?:ed|ing)?|In\s+favour)"
    r"(?:\s+(?:the|of\s+the)\s+(?:substantive\s+)?(?:motion|amendment|recommendations?|proposal))?"
    r"\s*(?:\((?P<n>\d+)\))?\s*[:\-–]\s*(?P<names>.*)$",
    re.I,
)
_OUTCOME_WORDS = {
    "carried": "carried",
    "not carried": "lost",
    "lost": "lost",
    "defeated": "lost",
    "fell": "lost",
    "rejected": "lost",
    "withdrawn": "withdrawn",
}
_MARK_RE = re.compile(r"^(?:x|✓|✔|√|yes|y|●|•)$", re.I)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(“\"])")


def _person_name(text: str, roles: dict[str, str]) -> str | None:
    cleaned = text.strip().strip(",.")
    role = re.match(r"^(?:the\s+)(?P<role>.+)$", cleaned, re.I)
    if role:
        key = role.group("role").lower()
        key = "chair" if key.startswith("chair") else key
        return roles.get(key, cleaned)
    person = parse_person(cleaned)
    return person.name if person else None


def _names(text: str) -> list[str]:
    out: list[str] = []
    text = re.sub(r"^\s*(?:and|&)\s+", "", text)
    for piece in split_name_list(text):
        person = parse_person(piece)
        if person is not None:
            out.append(person.name)
    return out


#: Words one of which every pattern :meth:`_VoteReader.sentence` tries needs (case ignored): "vote" for the
#: new-question and "by 30 votes to 28" patterns, "moved"/"proposed" for movers, "seconded", the outcome words,
#: "unanimous", "against" for the tallies, "substantive" for a new question.
_CUE_WORDS = (
    "vote",
    "moved",
    "proposed",
    "seconded",
    "carried",
    "lost",
    "defeated",
    "fell",
    "rejected",
    "withdrawn",
    "unanimous",
    "against",
    "substantive",
)


#: The words one of which _OUTCOME_RE needs, and the word each of _TALLY_RES needs ("by 30 votes to 28",
#: "30 for, 28 against", "For: 30, Against: 28"), lower-cased.
_OUTCOME_CUES = ("carried", "lost", "defeated", "fell", "rejected", "withdrawn")
_TALLY_CUES = ("vote", "against", "against")


def _has(lowered: str | None, *words: str) -> bool:
    """True when the lower-cased ASCII sentence ``lowered`` holds one of ``words``, or when it is None (the
    sentence is not ASCII, so ``str.lower`` may not agree with ``re.IGNORECASE``: every pattern is tried)."""
    return lowered is None or any(word in lowered for word in words)


def _may_record_a_vote(sentence: str) -> bool:
    """False when ``sentence`` holds none of :data:`_CUE_WORDS`, so no vote pattern can match it.

    Only ASCII sentences are tested (``str.lower`` then matches what ``re.IGNORECASE`` matches); any other
    sentence may hold a letter that ``re.IGNORECASE`` equates with an ASCII one ("ſ" with "s"), and is read in full.
    """
    if not sentence.isascii():
        return True
    lowered = sentence.lower()
    return (  # each of _CUE_WORDS (substring tests in a row are the quickest way to ask)
        "vote" in lowered
        or "moved" in lowered
        or "proposed" in lowered
        or "seconded" in lowered
        or "carried" in lowered
        or "lost" in lowered
        or "defeated" in lowered
        or "fell" in lowered
        or "rejected" in lowered
        or "withdrawn" in lowered
        or "unanimous" in lowered
        or "against" in lowered
        or "substantive" in lowered
    )


class _VoteReader:
    def __init__(self, roles: dict[str, str]) -> None:
        self.roles = roles
        self.votes: list[Vote] = []
        self.current: Vote | None = None
        self.named_side: str | None = None
        self.table: list[str | None] | None = None

    def new(self, line: int, raw: str) -> Vote:
        self.current = Vote(line=line, raw=raw)
        self.votes.append(self.current)
        return self.current

    def sentence(self, sentence: str, line: int) -> None:
        if not _may_record_a_vote(sentence):
            return  # none of the patterns below can match: nothing to do
        touched: Vote | None = None
        # each pattern below is tried only when a word it needs is present (see _CUE_WORDS)
        lowered = sentence.lower() if sentence.isascii() else None
        if (
            _has(lowered, "vote", "substantive")
            and _NEW_QUESTION_RE.search(sentence)
            and self.current is not None
            and self.current.outcome is not None
        ):
            self.current = None  # "A recorded vote was taken on the substantive motion" - a new question
        moved = (
            (_MOVED_BY_RE.search(sentence) or _MOVED_RE.search(sentence))
            if "moved" in sentence or "proposed" in sentence  # both patterns need one, in lower case
            else None
        )
        if moved and re.search(r"amendment|motion|recommendation|proposal|that\b|moved,|seconded\b", sentence, re.I):
            vote = touched = self.new(line, sentence)
            vote.mover = _person_name(moved.group("mover"), self.roles)
            if moved.group("seconder"):
                vote.seconder = _person_name(moved.group("seconder"), self.roles)
            else:  # "Mr Patel moved, seconded by Ms O'Neill, the following amendment"
                seconded_by = _SECONDED_BY_RE.search(sentence, moved.end())
                if seconded_by:
                    vote.seconder = _person_name(seconded_by.group("seconder"), self.roles)
        elif self.current is not None and self.current.seconder is None and self.current.mover:
            seconded = _SECONDED_RE.search(sentence) if _has(lowered, "seconded") else None
            if seconded:
                self.current.seconder = _person_name(seconded.group("seconder"), self.roles)
        outcome = _OUTCOME_RE.search(sentence) if _has(lowered, *_OUTCOME_CUES) else None
        if outcome:
            word = (
                outcome.group("o") or outcome.group("caps") or outcome.group("fell") or outcome.group("bare") or ""
            ).lower()
            word = " ".join(word.split())
            vote = self.current
            if vote is None or vote.outcome is not None:
                vote = self.new(line, sentence)
            vote.outcome = _OUTCOME_WORDS.get(word, word)
            touched = vote
        elif (
            _has(lowered, "unanimous")
            and _UNANIMOUS_RE.search(sentence)
            and re.search(r"\b(?:vote|voted|agreed|resolved|carried)\b", sentence, re.I)
        ):
            vote = self.current if self.current is not None and self.current.outcome is None else None
            if vote is None:
                vote = self.new(line, sentence)
            vote.outcome = "carried"
            touched = vote
        for cue, pattern in zip(_TALLY_CUES, _TALLY_RES, strict=True):
            tally = pattern.search(sentence) if _has(lowered, cue) else None
            if tally:
                vote = self.current
                if vote is None or (vote is not touched and (vote.for_count is not None or vote.outcome is not None)):
                    vote = self.new(line, sentence)
                vote.for_count = int(tally.group("f"))
                vote.against_count = int(tally.group("a"))
                if tally.group("ab"):
                    vote.abstentions = int(tally.group("ab"))
                break

    def labelled(self, label: str, who: str, line: int, raw: str) -> None:
        name = _person_name(who, self.roles)
        if label.lower().startswith(("second",)):
            if self.current is None or self.current.seconder is not None:
                self.new(line, raw)
            assert self.current is not None
            self.current.seconder = name
        else:
            self.new(line, raw).mover = name

    def named(self, side: str, count: str | None, names_text: str, line: int, raw: str) -> None:
        vote = self.current
        key = _side(side)
        started = vote is not None and (vote.for_names or vote.against_names or vote.abstain_names)
        if vote is None or getattr(vote, f"{key}_names") or (vote.outcome is not None and not started):
            vote = self.new(line, raw)
        getattr(vote, f"{key}_names").extend(_names(names_text))
        if count:
            attribute = {"for": "for_count", "against": "against_count", "abstain": "abstentions"}[key]
            if getattr(vote, attribute) is None:
                setattr(vote, attribute, int(count))
        self.named_side = key

    def table_row(self, cells: tuple[str, ...], line: int, raw: str) -> bool:
        sides = [_side(c) if _NAMED_HEADER_RE.match(c.strip()) else None for c in cells]
        if sum(1 for s in sides if s) >= 2:
            self.table = sides
            if self.current is None or self.current.for_names or self.current.against_names:
                self.new(line, raw)
            return True
        if self.table is None or self.current is None:
            return False
        name_cell = cells[0].strip() if cells else ""
        for index, cell in enumerate(cells):
            side = self.table[index] if index < len(self.table) else None
            if side is None or not cell.strip():
                continue
            if _MARK_RE.match(cell.strip()):
                person = parse_person(name_cell)
                if person:
                    getattr(self.current, f"{side}_names").append(person.name)
            else:
                getattr(self.current, f"{side}_names").extend(_names(cell))
        return True


_NAMED_HEADER_RE = re.compile(r"^(?:For|Against|Abstentions?|Abstain(?:ed|ing)?|In\s+favour)(?:\s*\(\d+\))?$", re.I)


#: Paragraphs of a decision record that report options and reasons, not how a question was decided.
_NOT_A_VOTE_RE = re.compile(r"^(?:Alternative\s+options|Other\s+options|Options\s+considered|Reasons?\s+for)\b", re.I)


def _side(text: str) -> str:
    lowered = text.strip().lower()
    if lowered.startswith("against"):
        return "against"
    if lowered.startswith("abst"):
        return "abstain"
    return "for"


#: A named-vote heading printed alone, its names in the paragraph below: "For (57)", "Against (0)", "Abstain:".
_NAMED_HEADING_RE = re.compile(
    r"^(?P<side>For|Against|Abstentions?|Abstain(?:ed|ing)?|In\s+favour)\s*(?:\((?P<n>\d+)\)|(?P<m>\d+))?\s*:?$", re.I
)


def _read_heading_list(text: NormalisedText, n: int, last: int) -> tuple[list[str], int]:
    """Read the names printed under a named-vote heading at line ``n``, as one paragraph (a name may
    wrap: "... Mr" / "Booth, ..."). Returns the names and the last line read."""
    pieces: list[str] = []
    end = n
    for m in range(n + 1, last + 1):
        line = text.line(m)
        clean = line.clean.strip()
        if line.furniture is not None:
            continue
        if not clean:
            if pieces:
                break
            continue
        if _NAMED_HEADING_RE.match(clean) or _NAMED_RE.match(clean) or _OUTCOME_RE.search(clean):
            break
        if not pieces and not _names(clean):
            break
        pieces.append(clean)
        end = m
    return _names(" ".join(pieces)), end


def read_votes(text: NormalisedText, start: int, end: int, roles: dict[str, str] | None = None) -> list[Vote]:
    """Read the votes recorded between lines ``start`` and ``end`` (inclusive), in order."""
    reader = _VoteReader(roles or {})
    last = min(end, len(text.lines))
    skip_to = 0
    for n in range(max(1, start), last + 1):
        if n <= skip_to:
            continue
        line = text.line(n)
        if not line.is_content:
            if line.furniture is None:
                reader.named_side = None
                reader.table = None
            continue
        heading = _NAMED_HEADING_RE.match(line.clean.strip()) if line.cells is None else None
        if heading:
            names, skip_to = _read_heading_list(text, n, last)
            count = heading.group("n") or heading.group("m")
            reader.named(heading.group("side"), count, "", n, line.clean.strip())
            assert reader.current is not None
            getattr(reader.current, f"{_side(heading.group('side'))}_names").extend(names)
            reader.named_side = None
            continue
        clean = line.clean.strip()
        if line.cells is not None and reader.table_row(line.cells, n, clean):
            continue
        labelled = _LABELLED_RE.match(clean)
        if labelled:
            reader.labelled(labelled.group("label"), labelled.group("who"), n, clean)
            continue
        named = _NAMED_RE.match(clean)
        if named and (named.group("names") or named.group("n")):
            reader.named(named.group("side"), named.group("n"), named.group("names"), n, clean)
            continue
        if reader.named_side and reader.current is not None and not re.search(r"[.:]$", clean) and _names(clean):
            getattr(reader.current, f"{reader.named_side}_names").extend(_names(clean))
            continue
        reader.named_side = None
        if _NOT_A_VOTE_RE.match(clean):
            continue  # "Alternative options considered: To freeze charges, which was rejected ..."
        if not _may_record_a_vote(clean):
            continue  # no sentence of the line can record a vote: skip splitting it
        for sentence in _SENTENCE_SPLIT_RE.split(clean):
            reader.sentence(sentence, n)
    return reader.votes
