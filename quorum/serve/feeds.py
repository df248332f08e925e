"""Feed builders: iCalendar (RFC 5545) for meetings and Atom (RFC 4287) for new items.

iCalendar output uses the ``icalendar`` library (folding, escaping and TZID rules are fiddly);
Atom is a handful of elements, written with the standard library's ElementTree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import icalendar

ATOM_NS = "http://www.w3.org/2005/Atom"
#: Council meetings are in UK local time.
LONDON = "Europe/London"
#: Assumed length of a meeting when the pack does not print an end time.
DEFAULT_DURATION = dt.timedelta(hours=2)


@dataclass(slots=True)
class CalendarEvent:
    """One meeting as a calendar event: date, optional start time, where and a link."""

    uid: str
    summary: str
    date: dt.date
    time: dt.time | None = None
    location: str | None = None
    url: str | None = None
    description: str | None = None


@dataclass(slots=True)
class FeedEntry:
    """One entry of an Atom feed."""

    id: str
    title: str
    updated: dt.datetime
    link: str
    summary: str | None = None
    categories: list[str] = field(default_factory=list)


def build_ical(name: str, events: Iterable[CalendarEvent], now: dt.datetime | None = None) -> bytes:
    """Return an iCalendar file (bytes) named ``name`` holding ``events``.

    Timed events are read as Europe/London local time and written in UTC (so no VTIMEZONE
    block is needed); events without a time are all-day.
    """
    tz = ZoneInfo(LONDON)
    events = list(events)
    stamp = now or dt.datetime.now(dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Quorum//council meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.time is not None:
            start = dt.datetime.combine(item.date, item.time, tzinfo=tz).astimezone(dt.UTC)
            event.add("dtstart", start)
            event.add("dtend", start + DEFAULT_DURATION)
        else:
            event.add("dtstart", item.date)
            event.add("dtend", item.date + dt.timedelta(days=1))
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    return calendar.to_ical()


def _atom_time(value: dt.datetime) -> str:
    """Return an RFC 3339 timestamp (UTC when ``value`` is naive)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat(timespec="seconds")


def build_atom(feed_id: str, title: str, self_url: str, alternate_url: str, entries: Iterable[FeedEntry]) -> bytes:
    """Return an Atom feed document (UTF-8 bytes) with the given entries, newest first as given."""
    ElementTree.register_namespace("", ATOM_NS)
    entries = list(entries)

    def sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attrs: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ElementTree.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    updated = max((e.updated for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    sub(feed, "updated", _atom_time(updated))
    sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=alternate_url, type="text/html")
    author = sub(feed, "author")
    sub(author, "name", "Quorum")
    sub(feed, "generator", "Quorum")
    for item in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title)
        sub(entry, "updated", _atom_time(item.updated))
        sub(entry, "link", rel="alternate", href=item.link, type="text/html")
        for category in item.categories:
            sub(entry, "category", term=category)
        if item.summary:
            sub(entry, "summary", item.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(
        feed, encoding="utf-8", xml_declaration=False
    )
