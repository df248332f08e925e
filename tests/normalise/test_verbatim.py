"""Verbatim checks: a value stands in the raw text, or runs across page furniture."""

from __future__ import annotations

from quorum.model import Source
from quorum.normalise import normalise
from quorum.normalise.verbatim import is_verbatim, verbatim_in


def _text(raw: str):
    return normalise(Source(path="t.txt", sha256="", line_count=raw.count("\n") + 1), raw)


def test_a_value_may_run_across_a_page_number_but_not_invent_words() -> None:
    # A recommendation continued over a page break: "12" is the page number between its halves.
    text = _text("That the report be noted\n12\nand the action plan agreed.")
    assert is_verbatim("That the report be noted and the action plan agreed.", text)
    assert is_verbatim("the report be noted 12 and", text)
    assert not is_verbatim("That the report be agreed", text)


def test_markup_inside_a_value_gives_back_the_raw_slice() -> None:
    # Partnership pack line 57 bolds an agenda title: "3. **Minutes:** (Pages 1 - 6)".
    assert verbatim_in("5. <u>Safer</u> Harrow - Update: (Pages 7 - 12)", "Safer Harrow - Update") == (
        "<u>Safer</u> Harrow - Update"
    )
    assert verbatim_in("no such words here", "Safer Harrow") is None
