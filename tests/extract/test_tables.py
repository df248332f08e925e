"""Tables: reassembly across page breaks and the PDF-conversion traps (line numbers cite the source)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.extract import tables
from quorum.extract.tables import extract_tables, verbatim_text
from quorum.model import Document, DocumentKind, Source, fold_whitespace
from quorum.normalise import normalise
from tests.conftest import sample_text


def _tables(name: str):
    text = sample_text(name)
    return extract_tables(text, [Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, len(text.lines)))])


def _table_at(name: str, line: int):
    return next(t for t in _tables(name) if t.span.contains(line))


def test_appointments_table_repeated_headers_dropped() -> None:
    table = _table_at("council", 351)
    assert table.header[0] == "Name of body"  # line 351
    assert table.span.start_line == 351 and table.span.end_line == 410
    assert all(row[0] != "Name of body" for row in table.rows)  # repeats at 363, 373, 389, 405
    assert 363 not in table.row_lines and 373 not in table.row_lines
    assert table.rows[0][0] == "(Brent and Harrow) Trading Standards Joint Advisory Board"  # line 352
    assert table.rows[-1][0] == "West London Waste Authority"  # line 410
    assert len(table.rows) == 51  # 56 row lines minus 5 headers
    assert table.title == "APPOINTMENTS TO OUTSIDE BODIES 2017/18"  # line 349


def test_action_plan_spans_page_numbers() -> None:
    table = _table_at("council", 1101)
    assert table.span.end_line == 1146  # one table despite "08" (1115), "181" (1122), "83", "84"
    firsts = [row[0] for row in table.rows]
    assert not any(cell in {"08", "181", "83", "84", "DRAFT"} for row in table.rows for cell in row)
    assert firsts[0].startswith("1. Ensure that all children")  # line 1102, "<p>77</p>" removed
    assert not firsts[0].endswith("77")
    assert any(cell.startswith("4. Ensure that strategy") for cell in firsts)  # line 1109, "<p>79</p>" removed
    assert any(cell.startswith("10. Improve the functioning") for cell in firsts)  # line 1146
    assert table.rows[0][4].endswith("management meeting")  # wrapped cell, line 1104


def test_header_split_over_lines_is_rejoined() -> None:
    table = _table_at("council", 1328)
    assert table.header[0] == "Total offences"  # line 1328
    assert table.rows[0][4] == "Rate (per 1,000)"  # "Rate (per" line 1329 + "1,000)" line 1331
    assert table.rows[1] == ["Hillingdon", "21921", "73.63", "22415", "75.29", "2%"]  # line 1332
    assert table.row_lines[-1] == 1337


def test_scorecard_is_one_table_across_pages() -> None:
    table = _table_at("scrutiny", 676)
    assert table.span.start_line == 675 and table.span.end_line == 718
    assert [row[0] for row in table.rows][:2] == ["TS1", "TS2"]  # lines 676-677
    assert "25" not in [row[0] for row in table.rows]  # page number at line 706
    assert len(table.rows) == 30  # 33 row lines minus 3 repeated headers


def test_cells_are_verbatim() -> None:
    text = sample_text("council")
    source = fold_whitespace(text.text)
    for table in _tables("council"):
        for row in [table.header, *table.rows]:
            for cell in row:
                assert fold_whitespace(cell) in source, cell


def test_verbatim_text_keeps_markup_only_when_needed() -> None:
    assert verbatim_text("**Bold title**") == "Bold title"
    assert verbatim_text("<p>One.</p> <p>Two</p>") == "One.</p> <p>Two"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\t|<p>-\n")), max_size=300))
def test_arbitrary_text_never_crashes(raw: str) -> None:
    text = normalise(Source(path="x", sha256="0", line_count=raw.count("\n") + 1), raw)
    for table in extract_tables(text, []):
        assert 1 <= table.span.start_line <= table.span.end_line <= len(text.lines)
        assert all(table.span.contains(n) for n in table.row_lines)


_ROW_PIECES = ["\t", "|", " ", "12 ", "3. ", "<p>7</p>", "<u>", "**", "~", "_", "](x)", "[a", "Name", "\n", "-- "]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ROW_PIECES), max_size=30).map("".join))
def test_row_index_and_fast_cells_agree_with_the_plain_definitions(raw: str) -> None:
    text = normalise(Source("t.txt", "0", 0), raw)
    rows, row_set = tables._row_numbers(text)
    assert rows == [line.number for line in text.lines if tables.is_row_line(line)]
    assert row_set == frozenset(rows)
    for line in text.lines:
        plain = [verbatim_text(tables._strip_page_furniture(cell)) for cell in tables.raw_cells(line)]
        assert tables.row_cells(line) == plain


def test_row_index_on_the_samples() -> None:
    for name in ("council", "annual_report", "scrutiny"):
        text = sample_text(name)
        assert tables._row_numbers(text)[0] == [line.number for line in text.lines if tables.is_row_line(line)]
    # council 351 "Name of body<TAB>..." heads the appointments table: a row line
    assert 351 in tables._row_numbers(sample_text("council"))[1]


_CELL_PIECES = ["<p>", "</p>", "12", "7", "1234", " ", "\t", "\n", "a", "Text.", "<p>25</p>", "<u>", "\u2009"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_CELL_PIECES), max_size=12).map("".join))
def test_edge_page_paragraphs_are_dropped_as_the_pattern_drops_them(cell: str) -> None:
    assert tables._drop_edge_page_para(cell) == tables._EDGE_PAGE_PARA.sub("", cell, count=1)


def test_page_number_paragraph_at_the_end_of_a_cell_is_dropped() -> None:
    cell = "<p>1. Ensure that all children are able to receive this.</p> <p>25</p>"  # a <p> cell with its page number
    assert tables._strip_page_furniture(cell) == "<p>1. Ensure that all children are able to receive this.</p>"


@given(st.lists(st.sampled_from(["A", "a", "ß", "SS", "x", ""]), min_size=1, max_size=4), st.data())
def test_a_repeated_header_row_is_told_as_the_casefolded_lists_tell_it(row: list[str], data: st.DataObject) -> None:
    header = data.draw(st.lists(st.sampled_from(["A", "a", "ß", "SS", "x", ""]), min_size=1, max_size=4))
    key = [cell.casefold() for cell in header]
    assert tables._repeats(row, key) == ([cell.casefold() for cell in row] == key)
