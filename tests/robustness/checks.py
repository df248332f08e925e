"""Invariants every parse result must keep, whatever the input was."""

from __future__ import annotations

from quorum.model import ParseResult, Source, to_jsonable
from quorum.normalise import normalise
from quorum.normalise.verbatim import content_folded, is_verbatim
from tests.test_verbatim import string_values


def assert_result_sane(result: ParseResult, text: str) -> None:
    """Check ``result`` against its decoded ``text``: line count, spans inside the file, verbatim strings."""
    line_count = len(text.split("\n"))
    assert result.source.line_count == line_count
    for index, document in enumerate(result.documents):
        assert 1 <= document.span.start_line <= document.span.end_line <= line_count, document
        if document.parent is not None:
            assert 0 <= document.parent < len(result.documents), document
            assert document.parent != index, document
    data = to_jsonable(result)
    for key, value in data.items():
        if key in {"source", "warnings"}:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                for line_key in ("line", "start_line", "end_line", "title_line"):
                    number = item.get(line_key)
                    if isinstance(number, int):
                        assert 1 <= number <= line_count, (key, line_key, item)
    data.pop("source")
    data.pop("warnings", None)
    source = normalise(Source(path="check", sha256="", line_count=line_count), text)
    content = content_folded(source)
    missing = [(k, v) for k, v in string_values(data) if not is_verbatim(v, source, content)]
    assert not missing, missing[:5]
