"""Search: ranked hits with snippets and citations; user input can never break the query syntax."""

from __future__ import annotations

import importlib
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from quorum.store import queries
from quorum.store.ingest import ingest_paths
from quorum.store.search import MARK_END, MARK_START, Filters, Term, parse_query, search, to_fts5, to_tsquery_sql
from tests.conftest import sample_path
from tests.store import packs
from tests.store.conftest import store_hand_built

search_module = importlib.import_module("quorum.store.search")

HOSTILE = [
    '"',
    "*",
    "NEAR(",
    "' OR 1=1 --",
    '"unclosed phrase',
    "a AND",
    "OR",
    "-",
    "title:foo",
    "(((",
    "^",
    "a' ; DROP TABLE sources; --",
]


@pytest.fixture(scope="module")
def store(module_engine: Engine) -> Engine:
    """Hand-built Corporate Parenting and Council packs plus the real Partnership pack."""
    store_hand_built(module_engine, "corporate_parenting", packs.corporate_parenting())
    store_hand_built(module_engine, "council", packs.council())
    ingest_paths(module_engine, [sample_path("partnership")], workers=1)
    return module_engine


def test_query_language() -> None:
    parsed = parse_query('"looked after" child* -ofsted fostering OR adoption')
    assert parsed.groups == (
        (Term(("looked", "after")),),
        (Term(("child",), prefix=True),),
        (Term(("fostering",)), Term(("adoption",))),
    )
    assert parsed.excluded == (Term(("ofsted",)),)
    assert to_fts5(parsed) == '("looked after" AND "child"* AND ("fostering" OR "adoption")) NOT ("ofsted")'


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_rendered_safely(query: str) -> None:
    rendered = to_fts5(parse_query(query))
    if rendered is not None:  # only quoted word strings and our own operators remain
        assert re.fullmatch(r"(?:\s|AND|OR|NOT|\(|\)|\"[\w ]+\"\*?)+", rendered), rendered
    pg = to_tsquery_sql(parse_query(query))
    if pg is not None:
        sql, params = pg
        assert "'" not in sql.replace("'english'", "")
        assert all(
            value.replace(" ", "").replace('"', "").replace("<->", "").replace(":*", "").isalnum()
            for value in params.values()
        )


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_input_is_a_valid_fts5_expression(query: str) -> None:
    rendered = to_fts5(parse_query(query))
    if rendered is None:
        return
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    connection.execute("INSERT INTO t VALUES ('the panel noted the report')")
    connection.execute("SELECT * FROM t WHERE t MATCH ?", (rendered,)).fetchall()


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_run_on_the_database(store: Engine, query: str) -> None:
    with Session(store) as session:
        hits = search(session, query)
        assert isinstance(hits, list)
        for filters in (Filters(body=query), Filters(person=query), Filters(kind=query, date_from=query)):
            assert isinstance(search(session, "panel", filters), list)


def test_hit_cites_the_lines_it_came_from(store: Engine) -> None:
    with Session(store) as session:
        hits = search(session, "Patient Advice and Liaison")
        assert hits
        hit = hits[0]
        assert hit.source_path.endswith("corporate-parenting-panel-2017-06-14-agenda.txt")
        assert hit.start_line <= 179 <= hit.end_line  # the declaration, line 179
        assert MARK_START in hit.snippet
        assert MARK_END in hit.snippet
        assert "line" in hit.citation


def test_phrase_prefix_and_exclusion(store: Engine) -> None:
    with Session(store) as session:
        phrase = search(session, '"JobCentre Plus"', limit=50)
        assert phrase
        assert all("jobcentre plus" in h.text.casefold() for h in phrase)
        prefix = search(session, "Meghj*", limit=50)
        for line in (36, 92):  # partnership lines 36 "Romzin Meghjee" and 92 "Rozmin Meghjee"
            assert any(h.start_line <= line <= h.end_line for h in prefix)
        excluded = search(session, "Meghj* -Romzin", limit=50)
        assert excluded
        assert all("romzin" not in h.text.casefold() for h in excluded)


def test_resolutions_are_found_as_decisions_with_filters(store: Engine) -> None:
    with Session(store) as session:
        hits = queries.decisions(session, "Deputy Mayor")
        assert [h.start_line for h in hits] == [250]  # council line 250
        assert hits[0].kind == "resolution"
        assert hits[0].body == "Council"
        assert hits[0].date == "2017-05-18"
        assert queries.decisions(session, "Deputy Mayor", Filters(body="Corporate Parenting Panel")) == []
        assert queries.decisions(session, "Deputy Mayor", Filters(date_from="2017-06-01")) == []
        assert queries.decisions(session, "Deputy Mayor", Filters(date_to="2017-05-18"))


def test_person_filter_finds_passages_naming_them(store: Engine) -> None:
    with Session(store) as session:
        hits = search(session, "interest", Filters(person="Kairul Kareema Marikar"), limit=50)
        assert any(h.start_line <= 179 <= h.end_line for h in hits)
        assert all("marikar" in h.text.casefold() for h in hits)


def test_republished_text_is_one_hit(store: Engine) -> None:
    with Session(store) as session:
        # Ofsted report paragraph 58 is printed in both packs (CPP line 848, council line 920).
        hits = search(session, '"just one foster for adoption placement"', limit=10)
        assert len(hits) == 1
        assert hits[0].also_in


def test_a_very_common_word_is_ranked_among_its_newest_matches(store: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    if store.dialect.name != "sqlite":
        pytest.skip("the rank window is SQLite's (FTS5 seeks by rowid)")
    with Session(store) as session:
        every = search(session, "panel", limit=1000)  # bm25 over every match: "panel" is in few passages here
        newest = session.execute(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"panel\"' ORDER BY rowid DESC LIMIT 5")
        ).scalars()
        newest_ids = {int(row) for row in newest}
        assert len(every) > 5
        rare = search(session, "Meghjee", limit=50)  # partnership lines 36 and 92 (and line 92's passage)
        assert 0 < len(rare) <= 5
        monkeypatch.setattr(search_module, "COMMON_TERM_ROWS", 5)
        monkeypatch.setattr(search_module, "RANK_WINDOW", 5)
        windowed = search(session, "panel", limit=1000)
        assert {hit.chunk_id for hit in windowed} == newest_ids
        assert all("panel" in (hit.text + (hit.title or "")).casefold() for hit in windowed)
        assert all(MARK_START in hit.snippet for hit in windowed)
        ranks = [hit.rank for hit in windowed]
        assert ranks == sorted(ranks, reverse=True)
        # A rare word is still ranked by bm25 over all its matches.
        assert [(hit.chunk_id, hit.rank) for hit in search(session, "Meghjee", limit=50)] == [
            (hit.chunk_id, hit.rank) for hit in rare
        ]
        filtered = search(session, "panel", Filters(kind="text"), limit=1000)
        assert {hit.chunk_id for hit in filtered} <= {hit.chunk_id for hit in every}
        assert all(hit.kind == "text" for hit in filtered)
        assert 0 < len(filtered) <= 5
