"""The normaliser stays linear on hostile lines, and its fast paths match the plain regexes exactly.

quorum/normalise/lines.py routes lines longer than ``_LONG_LINE`` through
hand-written linear versions of three substitutions (and checks table rules
without a backtracking regex). These tests hold the two paths equal on
generated lines, and hold the time on lines built to make the regexes backtrack.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.normalise import lines
from quorum.normalise.lines import classify_furniture, clean_line, split_cells

#: Fragments that exercise every branch of the tag, autolink, link and table-rule patterns.
FRAGMENTS = [
    "[", "]", "(", ")", "](", "#)", "#", "<", ">", "<u>", "</u>", "<p ", "<span", "<http:", "<https://x",
    "<mailto:", " ", "\t", "a", "x y", "-", "--", "|", ":", "=", "+", "**", "~~", "__", "\xa0",
]  # fmt: skip
hostile_lines = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)

#: The table-rule regex the normaliser used before: a line of rule characters holding "--".
OLD_TABLE_RULE = re.compile(r"^[\s|:\-=+]*-{2,}[\s|:\-=+]*$")


@settings(max_examples=400, deadline=None)
@given(hostile_lines)
def test_linear_paths_equal_the_regexes(line: str) -> None:
    expected_tags = lines._HTML_TAG.sub("", line)
    expected_autolinks = lines._AUTOLINK.sub(r"\1", line)
    expected_links = lines._MD_LINK.sub(r"\1", line)
    saved = lines._LONG_LINE
    lines._LONG_LINE = -1  # force the linear paths even on short lines
    try:
        assert lines._sub_html_tags(line) == expected_tags
        assert lines._sub_autolinks(line) == expected_autolinks
        assert lines._sub_md_links(line) == expected_links
    finally:
        lines._LONG_LINE = saved


@settings(max_examples=400, deadline=None)
@given(hostile_lines)
def test_table_rule_check_equals_the_old_regex(line: str) -> None:
    clean = line.strip()
    if clean and not lines._BLANK_NOTICE.match(clean):
        assert (classify_furniture(clean) == lines.TABLE_RULE) == bool(OLD_TABLE_RULE.match(clean))


#: Lines that made the old regexes backtrack: seconds to hours on a few hundred kB.
PATHOLOGICAL = {
    "dash run": "-" * 200_000 + "x",
    "spaced dashes": "- " * 100_000 + "x",
    "open autolinks": "<http:" * 40_000,
    "open tags": "<u" * 100_000,
    "unclosed link targets": "[a](" * 50_000,
    "link targets cut by spaces": "[a](" * 50_000 + " )",
    "brackets": "[" * 100_000 + "]" + "x" * 100_000,
    "pipes": "| " * 100_000 + "x",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_lines_take_linear_time(name: str) -> None:
    line = PATHOLOGICAL[name]
    started = time.perf_counter()
    clean = clean_line(line)
    classify_furniture(clean)
    split_cells(clean)
    assert time.perf_counter() - started < 1.0, f"{name}: {len(line)} characters took too long"
