"""The ModernGov XML readers under hostile responses: a ModernGovError or plain records, nothing else.

Entity bombs and external entities must be refused (never expanded, never
read from disk); broken or foreign documents get a one-line error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

xml = pytest.importorskip("quorum.ingest.moderngov_xml", reason="the ModernGov client is not built yet")

from quorum.errors import QuorumError  # noqa: E402
from quorum.model import to_jsonable  # noqa: E402
from tests.robustness.hostile_files import HOSTILE_DIR  # noqa: E402

PARSERS: dict[str, Callable[[bytes], object]] = {
    "committees": xml.parse_committees,
    "meetings": xml.parse_meetings,
    "meeting": xml.parse_meeting,
    "councillors": xml.parse_councillors,
}

DEEP = b"<a>" * 100_000 + b"</a>" * 100_000
HOSTILE_RESPONSES: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b" \n\t ",
    "noise": (HOSTILE_DIR / "noise.bin").read_bytes(),
    "malformed": (HOSTILE_DIR / "malformed.xml").read_bytes(),
    "billion laughs": (HOSTILE_DIR / "billion-laughs.xml").read_bytes(),
    "external entity": (HOSTILE_DIR / "external-entity.xml").read_bytes(),
    "html error page": b"<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>",
    "json": b'{"error": "blocked"}',
    "pdf": (HOSTILE_DIR / "valid.pdf").read_bytes(),
    "deeply nested": DEEP,
    "wrong declared encoding": b'<?xml version="1.0" encoding="utf-8"?><x>caf\xe9</x>',
    "utf-16 without declaration": "<x>text</x>".encode("utf-16"),
    "truncated": b'<?xml version="1.0"?><GetMeetingResult><meeting><title>Cab',
    "control characters": b"<x>\x01\x02\x1b</x>",
    "processing instruction only": b'<?xml version="1.0"?>',
}
#: What an XML reader may raise for bad input: a QuorumError subclass with a one-line message.
ALLOWED = (QuorumError,)


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("name", sorted(HOSTILE_RESPONSES))
def test_hostile_response_is_an_error_or_records(parser: str, name: str) -> None:
    data = HOSTILE_RESPONSES[name]
    try:
        result = PARSERS[parser](data)
    except ALLOWED as error:
        assert "\n" not in str(error).strip(), str(error)
        return
    except RecursionError:
        pytest.fail(f"{parser}: {name} overflowed the stack")
    assert name not in {"billion laughs", "external entity"}, "entity tricks must be refused"
    assert "root:" not in repr(to_jsonable(result))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: f"<x>{t}</x>".encode()))
def test_generated_responses_never_raise_anything_else(data: bytes) -> None:
    for parse in PARSERS.values():
        with contextlib.suppress(*ALLOWED):
            parse(data)
