"""The benchmark corpus counts printed pages the way the sample packs number them."""

from __future__ import annotations

from bench.corpus import PAGE_LINES, iter_packs, pages_of, printed_pages, sample_files, sample_pages
from tests.conftest import sample_path


def test_the_council_front_sheet_cites_188_printed_pages() -> None:
    # Line 205 of the Council summons: item 20 "(Pages 181 - 188)", the last item with pages.
    assert printed_pages(sample_path("council").read_text(encoding="utf-8")) == 188


def test_a_single_page_citation_counts() -> None:
    assert printed_pages("3. MINUTES (Page 7)\n4. REPORT (Pages 8 - 12)\n5. NOTE (Page 13)") == 13
    assert printed_pages("no page ranges here") is None


def test_a_page_is_the_sample_packs_lines_over_their_printed_pages() -> None:
    # Corporate Parenting "(Pages 103 - 126)", Council "(Pages 181 - 188)",
    # O&S "(Pages 29 - 42)", partnership "(Pages 25 - 28)".
    lines = sum(
        sample_path(name).read_text(encoding="utf-8").count("\n") + 1
        for name in ("corporate_parenting", "council", "scrutiny", "partnership")
    )
    assert lines / (126 + 188 + 42 + 28) == PAGE_LINES
    assert 15 < PAGE_LINES < 18


def test_sample_pages_cover_every_line_once() -> None:
    pages = sample_pages()
    total_lines = sum(path.read_text(encoding="utf-8").count("\n") + 1 for path in sample_files())
    assert sum(page.count("\n") + 1 for page in pages) == total_lines
    assert {page.count("\n") + 1 for page in pages} <= {16, 17}


def test_packs_add_up_to_the_pages_asked_for() -> None:
    packs = list(iter_packs(500, seed=3))
    assert sum(pack.pages for pack in packs) == 500
    assert abs(sum(pages_of(pack.text) for pack in packs) - 500) < 0.1 * 500
