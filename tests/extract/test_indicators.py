"""Indicators: scorecard rows read from the samples (line numbers cite the source)."""

from __future__ import annotations

from quorum.extract.indicators import extract_indicators, parse_number, rag_of
from quorum.extract.tables import extract_tables
from quorum.model import Document, DocumentKind
from tests.conftest import sample_text


def _indicators(name: str):
    text = sample_text(name)
    docs = [Document(kind=DocumentKind.OTHER, title=None, span=text.span(1, len(text.lines)))]
    return extract_indicators(text, docs, extract_tables(text, docs))


def test_childrens_services_scorecard_rows() -> None:
    rows = [i for i in _indicators("scrutiny") if 675 <= i.line <= 718]
    assert len(rows) == 30  # TS1..EIS31, lines 676-718, headers repeated at 689, 703, 715
    ts1 = rows[0]  # line 676
    assert ts1.label == "% of Re-referrals that are repeat within 12 months (YTD)"
    assert (ts1.value, ts1.value_number, ts1.target) == ("11.1", 11.1, "15")
    assert ts1.comparators["england"] == "24.9" and ts1.comparators["statistical_neighbours"] == "17.5"
    assert ts1.comparators["previous_period"] == "7.6"
    assert ts1.period == "Q2 2014-15" and ts1.rag == "green"  # "HG"
    ts2 = rows[1]  # line 677, RAG Q2 "A"
    assert ts2.rag == "amber"


def test_corporate_parenting_kpis() -> None:
    rows = {i.line: i for i in _indicators("corporate_parenting")}
    cla_rate = rows[2082]  # "Rate of CLA per 10,000 population" ... Q4 37.0
    assert cla_rate.value == "37.0" and cla_rate.comparators["england"] == "60.0"
    assert cla_rate.comparators["statistical_neighbours"] == "41.0"
    assert rows[2089].value == "27.3"  # care leavers NEET, Q4


def test_harrow_at_a_glance_rows() -> None:
    rows = {i.line: i for i in _indicators("annual_report") if 174 <= i.line <= 198}
    assert rows[188].label == "Children in Borough" and rows[188].value_number == 61480  # line 188
    assert rows[189].value == "45,495 (74%)"  # line 189
    assert rows[175].value == "207/ 317(England)" and rows[175].comparators["london"] == "27/33 (London)"  # 175-176
    assert 176 not in rows
    assert rows[198].value == "1,840"  # Education Healthcare Plans


def test_helpers() -> None:
    assert parse_number("45,495 (74%)") == 45495
    assert parse_number("tbc") is None
    assert rag_of("HR") == "red" and rag_of("LG") == "green" and rag_of("A") == "amber"
