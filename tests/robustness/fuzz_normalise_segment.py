"""Coverage-guided fuzz harness (atheris) for decode → normalise → segment → extract.

Not collected by pytest (the name does not start with ``test_``). Run it when
atheris is installed (``pip install atheris``; needs a clang-built CPython):

    python -m tests.robustness.fuzz_normalise_segment -atheris_runs=100000 [corpus_dir]

Any exception other than InputError, or a broken invariant, is a finding:
atheris stops and writes the input that caused it.
"""

from __future__ import annotations

import sys

from quorum.errors import InputError
from quorum.ingest.text import decode_text
from quorum.model import Source
from quorum.pipeline import parse_text


def check_one(data: bytes) -> None:
    """Run one fuzz input through the text pipeline and check the invariants that must always hold."""
    try:
        text = decode_text(data, "fuzz.txt")
    except InputError:
        return
    count = len(text.split("\n"))
    source = Source(path="fuzz.txt", sha256="0" * 64, line_count=count)
    result = parse_text(source, text)
    for document in result.documents:
        if not 1 <= document.span.start_line <= document.span.end_line <= count:
            raise AssertionError(f"span outside the file: {document.span}")


def main() -> None:
    """Start atheris on :func:`check_one` with the command-line arguments."""
    import atheris

    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
