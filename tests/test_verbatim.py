"""Every extracted string is a verbatim substring of its source (white space folded).

On the samples the check is strict: every value stands in the raw text. Arbitrary input is held to
quorum.normalise.verbatim.is_verbatim, which also allows a value to run across page furniture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quorum.model import fold_whitespace, to_jsonable
from tests.conftest import sample_result, sample_text

#: Keys whose values are normalised or chosen by Quorum, not copied from the document.
NORMALISED_KEYS = {
    "path",
    "sha256",
    "kind",
    "access",
    "part",
    "date",
    "time",
    "publication_date",
    "meeting_date",
    "start_time",
    "end_time",
    "outcome",
    "verb",
    "warnings",
    "unit",
    "rag",
    "level",
    "recommended_to_kind",
}


def string_values(value: Any, key: str | None = None) -> Iterator[tuple[str | None, str]]:
    """Yield (key, value) for every string in a JSON-ready value, skipping normalised keys."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in NORMALISED_KEYS:
                yield from string_values(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from string_values(v, key)
    elif isinstance(value, str):
        yield key, value


def test_every_extracted_string_is_verbatim(any_sample: str) -> None:
    source = fold_whitespace(sample_text(any_sample).text)
    data = to_jsonable(sample_result(any_sample))
    data.pop("source")
    missing = [(k, v) for k, v in string_values(data) if fold_whitespace(v) not in source]
    assert not missing, missing[:10]
