"""The numbered items of an agenda front sheet, for the Meeting record.

The parser itself lives in :mod:`quorum.segment.agenda` (segmentation runs
first and links documents to the same items); this module supplies what only
the extract stage knows: telling a numbered list of people (a reserve list)
from a list of agenda items by reading names with :mod:`quorum.extract.names`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from quorum.extract.names import looks_like_name, parse_person
from quorum.model import NormalisedText
from quorum.segment.agenda import AgendaParse, starts_other_document, verbatim_view
from quorum.segment.agenda import parse_agenda as _parse_agenda
from quorum.segment.agenda_lines import part_of

__all__ = ["AgendaParse", "is_person", "parse_agenda", "part_of", "starts_other_document", "verbatim_view"]


@functools.lru_cache(maxsize=4096)
def is_person(title: str) -> bool:
    """True when a numbered line's title is a person's name ("1. Sue Anderson" in a reserve list).

    Answered once per title (the agenda of a front sheet is followed more than once, see ``extract.frontsheet``).
    """
    return bool(parse_person(title) or looks_like_name(title))


def parse_agenda(
    text: NormalisedText,
    start: int,
    limit: int,
    body: str | None = None,
    is_body_divider: Callable[[str, str], bool] | None = None,
) -> AgendaParse | None:
    """Parse the numbered agenda in lines ``start``..``limit`` (see :func:`quorum.segment.agenda.parse_agenda`).

    Returns the items with parts, descriptions and the sheet's extent, or None
    when no sequence starting at item 1 is found.
    """
    return _parse_agenda(text, start, limit, body, is_body_divider, is_person)
