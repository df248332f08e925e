"""Unit tests of the serve helpers: cursors, ETags, the SVG chart and the feed builders."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.serve.app import long_date
from quorum.serve.chart import Point, Reference, line_chart
from quorum.serve.etag import etag_for, etag_matches
from quorum.serve.feeds import ATOM_NS, CalendarEvent, FeedEntry, build_atom, build_ical
from quorum.serve.filters import Filters
from quorum.serve.pagination import CursorError, decode_cursor, encode_cursor, paginate


@given(st.lists(st.one_of(st.integers(), st.text(max_size=20), st.none()), max_size=4))
def test_cursor_round_trip(key: list) -> None:
    assert decode_cursor(encode_cursor(key)) == key


@pytest.mark.parametrize("bad", ["!!!", "bm90IGpzb24", "eyJhIjoxfQ", "W1tdXQ"])  # garbage, "not json", {"a":1}, [[]]
def test_malformed_cursor_is_refused(bad: str) -> None:
    with pytest.raises(CursorError):
        decode_cursor(bad)


@given(st.lists(st.integers(0, 1000), unique=True, max_size=60).map(sorted), st.integers(1, 25))
def test_paging_through_every_page_yields_each_item_once(ids: list[int], limit: int) -> None:
    seen: list[int] = []
    cursor = None
    for _ in range(len(ids) + 2):
        page = paginate(ids, lambda i: [i], cursor, limit)
        seen.extend(page.items)
        assert len(page.items) <= limit
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ids


def test_etag_matching_follows_weak_comparison() -> None:
    tag = etag_for(b"hello")
    assert tag.startswith('"') and tag.endswith('"')
    assert etag_matches(tag, tag)
    assert etag_matches(f'"x", W/{tag}', tag)
    assert etag_matches("*", tag)
    assert not etag_matches('"other"', tag)
    assert etag_for(b"hello") != etag_for(b"hello!")


def test_chart_escapes_labels_and_describes_the_series() -> None:
    svg = line_chart("A <b> & c", [Point("2021/22", 412), Point("2022/23", 455)], [Reference("Target", 500, "target")])
    root = ElementTree.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    assert "A &lt;b&gt; &amp; c" in svg
    assert "2021/22: 412; 2022/23: 455" in svg
    assert svg.count("<circle") == 2
    assert 'class="ref target"' in svg
    assert line_chart("empty", []) == ""


def test_ical_has_one_event_per_meeting_in_utc() -> None:
    events = [
        CalendarEvent("m1@quorum", "Council", dt.date(2017, 9, 28), dt.time(19, 30), "Council Chamber", "http://x/1"),
        CalendarEvent("m2@quorum", "Panel", dt.date(2017, 1, 10)),
    ]
    calendar = icalendar.Calendar.from_ical(build_ical("Council", events))
    parsed = list(calendar.walk("VEVENT"))
    assert [str(e["uid"]) for e in parsed] == ["m1@quorum", "m2@quorum"]
    start = parsed[0].decoded("dtstart")
    assert start == dt.datetime(2017, 9, 28, 18, 30, tzinfo=dt.UTC)  # 19:30 BST
    assert parsed[1].decoded("dtstart") == dt.date(2017, 1, 10)  # all-day
    assert str(parsed[0]["location"]) == "Council Chamber"


def test_atom_is_well_formed_and_escaped() -> None:
    entry = FeedEntry("urn:1", "Fish & <chips>", dt.datetime(2024, 3, 14, tzinfo=dt.UTC), "http://x/1", "s & t")
    root = ElementTree.fromstring(build_atom("urn:feed", "Feed", "http://x/f", "http://x/", [entry]))
    assert root.tag == f"{{{ATOM_NS}}}feed"
    entries = root.findall(f"{{{ATOM_NS}}}entry")
    assert entries[0].findtext(f"{{{ATOM_NS}}}title") == "Fish & <chips>"
    assert root.findtext(f"{{{ATOM_NS}}}updated") == "2024-03-14T00:00:00+00:00"


def test_filters_date_range_and_text() -> None:
    window = Filters(date_from=dt.date(2017, 1, 1), date_to="2017-12-31", q="Ofsted")
    assert window.date_ok("2017-09-28") and not window.date_ok("2018-01-01") and not window.date_ok(None)
    assert Filters().date_ok(None)
    assert window.text_ok("the OFSTED report") and not window.text_ok("housing", None)


def test_long_date() -> None:
    assert long_date("2017-09-28") == "Thursday 28 September 2017"
    assert long_date(None) == "Date not known"
    assert long_date("sometime") == "sometime"
