"""Cursor pagination: opaque cursors that carry the sort key of the last item served.

A cursor is the URL-safe base64 of a small JSON list (the sort key of the last item on the
previous page). Keyset pagination keeps pages stable while rows are added, unlike offsets.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: Page sizes the API accepts.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class CursorError(ValueError):
    """Raised when a cursor string cannot be decoded."""


def encode_cursor(key: Sequence[Any]) -> str:
    """Return the opaque cursor string for a sort key (a list of JSON scalars)."""
    data = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """Return the sort key inside ``cursor``; raises CursorError when it is malformed."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError) as error:
        raise CursorError(f"invalid cursor: {cursor!r}") from error
    if not isinstance(value, list) or not all(isinstance(v, str | int | float | None) for v in value):
        raise CursorError(f"invalid cursor: {cursor!r}")
    return value


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of results and the cursor of the next page (None on the last page)."""

    items: list[T]
    next_cursor: str | None


def _comparable(key: Sequence[Any]) -> tuple[Any, ...]:
    """Return a key that sorts None before everything else, so mixed keys compare safely."""
    return tuple((value is not None, value if value is not None else 0) for value in key)


def paginate(
    items: Sequence[T], key: Callable[[T], Sequence[Any]], cursor: str | None, limit: int = DEFAULT_LIMIT
) -> Page[T]:
    """Return the page of ``items`` after ``cursor``, ``limit`` long.

    Items are served in ascending ``key`` order; keys must be unique (end the key with the row
    id). Raises CursorError for a malformed cursor.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    items = sorted(items, key=lambda item: _comparable(list(key(item))))
    start = 0
    if cursor:
        after = _comparable(decode_cursor(cursor))
        try:
            start = next(i for i, item in enumerate(items) if _comparable(list(key(item))) > after)
        except StopIteration:
            start = len(items)
        except TypeError as error:
            raise CursorError(f"invalid cursor: {cursor!r}") from error
    page = list(items[start : start + limit])
    more = start + limit < len(items)
    next_cursor = encode_cursor(list(key(page[-1]))) if page and more else None
    return Page(items=page, next_cursor=next_cursor)
