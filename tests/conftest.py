"""Shared fixtures: the bundled Harrow samples, read and normalised once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from quorum.ingest.text import read_text_source
from quorum.model import NormalisedText, ParseResult
from quorum.normalise import normalise
from quorum.pipeline import parse_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "harrow"

#: Short names for the five sample packs, used across the tests.
SAMPLE_FILES = {
    "council": "council-2017-09-28-summons.txt",
    "annual_report": "safeguarding-annual-report-2019-20.txt",
    "partnership": "partnership-board-2013-03-13-agenda.txt",
    "corporate_parenting": "corporate-parenting-panel-2017-06-14-agenda.txt",
    "scrutiny": "overview-and-scrutiny-2014-12-09-agenda.txt",
}

_normalised: dict[str, NormalisedText] = {}
_parsed: dict[str, ParseResult] = {}


def sample_path(name: str) -> Path:
    """Return the path of a sample pack by its short name."""
    return SAMPLES / SAMPLE_FILES[name]


def sample_text(name: str) -> NormalisedText:
    """Return the normalised text of a sample pack (cached)."""
    if name not in _normalised:
        source, raw = read_text_source(sample_path(name))
        _normalised[name] = normalise(source, raw)
    return _normalised[name]


def sample_result(name: str) -> ParseResult:
    """Return the full parse result of a sample pack (cached)."""
    if name not in _parsed:
        _parsed[name] = parse_path(sample_path(name))
    return _parsed[name]


@pytest.fixture(params=sorted(SAMPLE_FILES))
def any_sample(request: pytest.FixtureRequest) -> str:
    """Each sample's short name in turn."""
    return request.param
