"""The parse pipeline: ingest → normalise → segment → extract, for one source."""

from __future__ import annotations

from pathlib import Path

from quorum.extract.frontsheet import extract_meetings
from quorum.extract.indicators import extract_indicators
from quorum.extract.links import trace_decisions
from quorum.extract.minutes import extract_minutes
from quorum.extract.motions import extract_motions
from quorum.extract.reports import extract_reports
from quorum.extract.tables import extract_tables
from quorum.ingest import ingest_source
from quorum.model import Document, DocumentKind, Minutes, NormalisedText, ParseResult, Source
from quorum.normalise import normalise
from quorum.segment import segment


def align_minutes_documents(documents: list[Document], minutes: list[Minutes]) -> None:
    """Make each set of minutes and the document it was read from agree; takes and updates both lists.

    The minutes reader reads a set's heading more closely than the segmenter
    (which sees "MINUTES OF THE MEETING OF THE COUNCIL HELD ON ..." and then
    "PRESENT:"), so a minutes document takes the body the reader found when the
    two differ beyond case; a set found in a document of kind ``other`` that
    starts where the set does makes that document a minutes document.
    """
    for record in minutes:
        if record.document is None:
            record.document = next(
                (
                    index
                    for index, document in enumerate(documents)
                    if document.kind == DocumentKind.OTHER
                    and abs(document.span.start_line - record.span.start_line) <= 3
                ),
                None,
            )
            if record.document is None:
                continue
            documents[record.document].kind = DocumentKind.MINUTES
        document = documents[record.document]
        if document.kind != DocumentKind.MINUTES or not record.body:
            continue
        if (document.body or "").casefold() != record.body.casefold():
            document.body = record.body
        if document.date is None and record.date:
            document.date, document.date_raw = record.date, record.date_raw


def parse_normalised(text: NormalisedText) -> ParseResult:
    """Segment and extract everything from an already normalised source."""
    documents = segment(text)
    minutes = extract_minutes(text, documents)
    align_minutes_documents(documents, minutes)
    reports = extract_reports(text, documents)
    tables = extract_tables(text, documents)
    meetings = extract_meetings(text, documents)
    links, decision_steps = trace_decisions(reports, minutes, documents, meetings)
    return ParseResult(
        source=text.source,
        documents=documents,
        meetings=meetings,
        minutes=minutes,
        motions=extract_motions(text, documents),
        reports=reports,
        links=links,
        tables=tables,
        indicators=extract_indicators(text, documents, tables),
        decision_steps=decision_steps,
    )


def parse_text(source: Source, raw: str, pages: list[int | None] | None = None) -> ParseResult:
    """Parse decoded text of ``source`` (with optional per-line pages) into a ParseResult."""
    return parse_normalised(normalise(source, raw, pages))


def parse_path(path: str | Path) -> ParseResult:
    """Read the file at ``path`` (text or PDF, by suffix) and parse it; raises InputError for unreadable input."""
    ingested = ingest_source(path)
    result = parse_text(ingested.source, ingested.text, ingested.pages)
    result.warnings[:0] = ingested.warnings
    return result
