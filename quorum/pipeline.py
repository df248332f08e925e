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
from quorum.model import NormalisedText, ParseResult, Source
from quorum.normalise import normalise
from quorum.segment import segment


def parse_normalised(text: NormalisedText) -> ParseResult:
    """Segment and extract everything from an already normalised source."""
    documents = segment(text)
    minutes = extract_minutes(text, documents)
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
