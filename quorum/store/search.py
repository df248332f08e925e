"""Full-text search over everything stored: ranked hits with highlighted snippets and citations.

The user's query is never handed to the database's query parser as typed.
:func:`parse_query` reads it into terms (words, "quoted phrases", prefix*
words, -excluded terms, OR between terms) and the terms are rendered by us:
as quoted FTS5 strings on SQLite (``MATCH`` with ``bm25()`` and
``snippet()``), and as bound parameters to ``websearch_to_tsquery`` /
``to_tsquery`` combined with tsquery operators on PostgreSQL (``ts_rank_cd``
and ``ts_headline``). Only word characters reach either parser, so quotes,
``*``, ``NEAR(``, ``' OR 1=1 --`` and the like are harmless.

Ranking is FTS5's ``bm25()`` on SQLite, except when a query has a very common
term (one found in more than :data:`COMMON_TERM_ROWS` passages): ``bm25()``
weighs each term by counting every passage that holds it, which costs about a
tenth of a second per million matches and grows with the store. Such a query
takes the :data:`RANK_WINDOW` most recently stored matches (a seek from the end
of the index) and ranks them in SQL by a BM25-style score of the query terms'
counts in each passage's title and text (:func:`_window_score_sql`). So search
answers in tens of milliseconds at a million pages, and a common word finds the
latest papers first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from quorum.resolve.bodies import body_key
from quorum.resolve.names import fold, parse_name
from quorum.store import schema as s

#: Markers around highlighted words in snippets (control characters never found in documents).
MARK_START = "\x02"
MARK_END = "\x03"
MAX_TERMS = 32
#: A term in more passages than this makes a SQLite search rank only its newest matches.
COMMON_TERM_ROWS = 50_000
#: How many of the newest matches such a search ranks.
RANK_WINDOW = 1000
#: BM25's term-frequency saturation and length normalisation, as FTS5's bm25() sets them.
_K1, _B = 1.2, 0.75

_TOKEN = re.compile(r'-?"[^"]*(?:"|$)|\S+')
_WORD = re.compile(r"\w+")


@dataclass(slots=True, frozen=True)
class Term:
    """One search term: a word or a phrase of words; ``prefix`` matches the last word as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(slots=True, frozen=True)
class Query:
    """A parsed query: every group must match (a group matches when any of its terms does), no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is nothing positive to search for."""
        return not self.groups

    def and_also(self, group: tuple[Term, ...]) -> Query:
        """Return this query with one more required group."""
        return Query((*self.groups, group), self.excluded) if group else self


def _term(token: str) -> Term | None:
    quoted = token.startswith('"')
    body = token.strip('"') if quoted else token
    prefix = body.endswith("*") and not quoted
    words = tuple(w.casefold() for w in _WORD.findall(body))
    if not words:
        return None
    return Term(words, prefix)


def parse_query(query: str) -> Query:
    """Read a user's query: words, "phrases", prefix*, -exclusions and OR. Never raises.

    Terms are ANDed; ``a OR b`` makes one group of alternatives. Only word
    characters are kept, so the result is safe to render for any engine.
    """
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for token in _TOKEN.findall(query or ""):
        if token == "OR":
            join_next = bool(groups)
            continue
        negative = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if negative else token)
        if term is None:
            continue
        if negative:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
        if len(groups) + len(excluded) >= MAX_TERMS:
            break
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def _fts5_term(term: Term) -> str:
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
    return quoted + ("*" if term.prefix else "")


def to_fts5(query: Query) -> str | None:
    """Render a parsed query as an SQLite FTS5 MATCH expression (None when there is nothing to match)."""
    if query.empty:
        return None
    parts = []
    for group in query.groups:
        rendered = [_fts5_term(t) for t in group]
        parts.append(rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")")
    expression = " AND ".join(parts)
    if query.excluded:
        expression = f"({expression}) NOT (" + " OR ".join(_fts5_term(t) for t in query.excluded) + ")"
    return expression


def to_tsquery_sql(query: Query) -> tuple[str, dict[str, str]] | None:
    """Render a parsed query as a PostgreSQL tsquery SQL expression with bound parameters."""
    if query.empty:
        return None
    params: dict[str, str] = {}

    def term_sql(term: Term) -> str:
        name = f"q{len(params)}"
        if term.prefix:
            params[name] = " <-> ".join((*term.words[:-1], f"{term.words[-1]}:*"))
            return f"to_tsquery('english', :{name})"
        params[name] = '"' + " ".join(term.words) + '"'
        return f"websearch_to_tsquery('english', :{name})"

    groups = ["(" + " || ".join(term_sql(t) for t in group) + ")" for group in query.groups]
    expression = " && ".join(groups)
    for term in query.excluded:
        expression = f"({expression}) && !!({term_sql(term)})"
    return expression, params


# ---------------------------------------------------------------- search ---


@dataclass(slots=True)
class Hit:
    """One search result with its citation."""

    chunk_id: int
    kind: str
    snippet: str  # with MARK_START / MARK_END around matched words
    text: str
    rank: float
    source_path: str
    start_line: int
    end_line: int
    page: int | None = None
    date: str | None = None
    body: str | None = None
    title: str | None = None
    document_kind: str | None = None
    meeting_id: int | None = None
    ref_id: int | None = None
    also_in: list[str] = field(default_factory=list)

    @property
    def citation(self) -> str:
        """ "path, page N, lines a-b" (page only when known)."""
        page = f", page {self.page}" if self.page is not None else ""
        lines = (
            f"line {self.start_line}"
            if self.start_line == self.end_line
            else f"lines {self.start_line}-{self.end_line}"
        )
        return f"{self.source_path}{page}, {lines}"


@dataclass(slots=True)
class Filters:
    """Search filters: body name, date range (ISO), passage kind, person (id or name)."""

    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    person: str | int | None = None


def person_terms(session: Session, person: str | int) -> tuple[Term, ...]:
    """Return phrase terms for every name a person was printed as (for the --person filter)."""
    ids = find_person_ids(session, person)
    names = set(
        session.scalars(select(s.Person.name).where(s.Person.id.in_(ids))).all()
        + session.scalars(select(s.PersonName.name).where(s.PersonName.person_id.in_(ids))).all()
    )
    terms: set[Term] = set()
    for name in names:
        parsed = parse_name(name)
        words = tuple(w.casefold() for w in _WORD.findall(parsed.name))
        if len(words) >= 2:
            terms.add(Term(words))
    return tuple(sorted(terms, key=lambda t: t.words))


def find_person_ids(session: Session, person: str | int) -> list[int]:
    """Return ids of people matching an id or a name as printed (full name, or family name alone)."""
    if isinstance(person, int) or (isinstance(person, str) and person.isdigit()):
        return [int(person)]
    parsed = parse_name(str(person))
    ids = list(
        session.scalars(
            select(s.PersonName.person_id)
            .where(s.PersonName.key == parsed.key)
            .distinct()
            .order_by(s.PersonName.person_id)
        )
    )
    ids += [i for i in session.scalars(select(s.Person.id).where(s.Person.key == parsed.key)) if i not in ids]
    if not ids and not parsed.given:
        ids = list(session.scalars(select(s.Person.id).where(s.Person.family_key == parsed.family_key)))
    return ids


#: Longest body key the store holds (the width of ``organizations.key``).
KEY_LENGTH: int = s.Organization.__table__.c.key.type.length or 255


def find_organization_ids(session: Session, body: str) -> list[int]:
    """Return ids of bodies matching a name (by natural key, else by a case-insensitive substring).

    A name longer than the key column cannot be part of any key: it is never
    looked for as a substring (SQLite's LIKE refuses patterns over 50,000 bytes).
    """
    ids = list(session.scalars(select(s.Organization.id).where(s.Organization.key == body_key(body))))
    folded = fold(body)
    if not ids and len(folded) <= KEY_LENGTH:
        pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids = list(session.scalars(select(s.Organization.id).where(s.Organization.key.like(pattern, escape="\\"))))
    return ids


def _filter_sql(session: Session, filters: Filters, params: dict[str, Any]) -> list[str] | None:
    clauses: list[str] = []
    if filters.body:
        org_ids = find_organization_ids(session, filters.body)
        if not org_ids:
            return None
        clauses.append("c.organization_id IN (" + ", ".join(str(int(i)) for i in org_ids) + ")")
    if filters.date_from:
        params["date_from"] = filters.date_from
        clauses.append("c.date >= :date_from")
    if filters.date_to:
        params["date_to"] = filters.date_to
        clauses.append("c.date <= :date_to")
    if filters.kind:
        params["kind"] = filters.kind
        clauses.append("(c.kind = :kind OR c.document_kind = :kind)")
    return clauses


_COLUMNS = (
    "c.id, c.kind, c.text, c.source_id, c.start_line, c.end_line, c.page, c.date, c.title, "
    "c.document_kind, c.meeting_id, c.ref_id, c.organization_id, c.document_id"
)


def search(
    session: Session,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 20,
) -> list[Hit]:
    """Search every stored passage for ``query``; return up to ``limit`` hits, best first.

    Works on SQLite (FTS5) and PostgreSQL (tsvector); see the module docstring
    for the query language. An empty or all-punctuation query returns [].
    """
    filters = filters or Filters()
    parsed = parse_query(query)
    if filters.person is not None:
        names = person_terms(session, filters.person)
        if not names:
            return []
        parsed = parsed.and_also(names)
    if parsed.empty:
        return []
    params: dict[str, Any] = {"limit": max(1, min(int(limit), 1000))}
    clauses = _filter_sql(session, filters, params)
    if clauses is None:
        return []
    where = "".join(f" AND {clause}" for clause in clauses)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        rendered = to_tsquery_sql(parsed)
        if rendered is None:
            return []
        tsquery, query_params = rendered
        params.update(query_params)
        params["headline"] = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        # Rank the matches, then build headlines for the top rows only.
        sql = (
            f"WITH q AS (SELECT {tsquery} AS query), "
            "top AS (SELECT c.id, ts_rank_cd(c.search_vector, q.query) AS rank FROM text_chunks c, q "
            f"WHERE c.canonical AND c.search_vector @@ q.query{where} ORDER BY rank DESC, c.id LIMIT :limit) "
            f"SELECT {_COLUMNS}, ts_headline('english', c.text, q.query, :headline) AS snip, top.rank AS rank "
            "FROM top JOIN text_chunks c ON c.id = top.id, q ORDER BY top.rank DESC, c.id"
        )
    else:
        match = to_fts5(parsed)
        if match is None:
            return []
        params["match"] = match
        snippet = "snippet(search_fts, -1, char(2), char(3), ' … ', 20) AS snip"
        join = f"JOIN text_chunks c ON c.id = search_fts.rowid WHERE search_fts MATCH :match{where}"
        if _has_common_term(session, parsed):
            params["window"] = RANK_WINDOW
            top = (
                "SELECT id, -1.0 * (" + _window_score_sql(parsed, params) + ") AS rank FROM ("
                "SELECT c.id AS id, lower(c.text) AS low, lower(coalesce(c.title, '')) AS tl, length(c.text) AS n, "
                f"avg(length(c.text)) OVER () AS mean FROM (SELECT search_fts.rowid AS id FROM search_fts {join} "
                "ORDER BY search_fts.rowid DESC LIMIT :window) newest JOIN text_chunks c ON c.id = newest.id) "
                "ORDER BY rank, id DESC LIMIT :limit"
            )
        elif where:
            top = (
                f"SELECT search_fts.rowid AS id, bm25(search_fts, 2.0, 1.0) AS rank FROM search_fts {join} "
                "ORDER BY rank, search_fts.rowid LIMIT :limit"
            )
        else:  # rank inside the index alone, then join the few top rows
            top = (
                "SELECT rowid AS id, bm25(search_fts, 2.0, 1.0) AS rank FROM search_fts "
                "WHERE search_fts MATCH :match ORDER BY rank, rowid LIMIT :limit"
            )
        sql = (
            f"WITH top AS MATERIALIZED ({top}) SELECT {_COLUMNS}, {snippet}, top.rank AS rank "
            "FROM top JOIN search_fts ON search_fts.rowid = top.id JOIN text_chunks c ON c.id = top.id "
            "WHERE search_fts MATCH :match ORDER BY top.rank, c.id"
        )
    rows = session.execute(text(sql), params).mappings().all()
    return _hits(session, rows, postgres=dialect == "postgresql")


def _has_common_term(session: Session, query: Query) -> bool:
    """True when a term of ``query`` is in more than :data:`COMMON_TERM_ROWS` indexed passages (SQLite).

    Each probe skips that many of the term's newest matches in the index and
    stops, so it costs little whatever the term's frequency.
    """
    for term in (term for group in query.groups for term in group):
        probe = session.execute(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH :term ORDER BY rowid DESC LIMIT 1 OFFSET :skip"),
            {"term": _fts5_term(term), "skip": COMMON_TERM_ROWS},
        ).first()
        if probe is not None:
            return True
    return False


def _window_score_sql(query: Query, params: dict[str, Any]) -> str:
    """Return a SQL expression scoring one passage (columns low, tl, n, mean) for ``query``, higher is better.

    Per group of ``query``: the count of its terms in the lower-cased text, plus
    twice their count in the title (FTS5 ranks with the same 2:1 weights), at
    least 1 (the passage matched, perhaps through a stemmed form), saturated and
    length-normalised as BM25 does. The groups' scores add up. Term strings go
    into ``params`` as bound parameters.
    """
    scores = []
    for g, group in enumerate(query.groups):
        counts = []
        for t, term in enumerate(group):
            key = f"w{g}_{t}"
            params[key] = " ".join(term.words)
            counts.append(
                f"(length(low) - length(replace(low, :{key}, ''))) / length(:{key}) "
                f"+ 2 * ((length(tl) - length(replace(tl, :{key}, ''))) / length(:{key}))"
            )
        tf = f"max(1.0, {' + '.join(counts)})"
        scores.append(f"({tf}) * {_K1 + 1} / (({tf}) + {_K1} * ({1 - _B} + {_B} * n / max(mean, 1)))")
    return " + ".join(scores)


def _hits(session: Session, rows: Any, *, postgres: bool) -> list[Hit]:
    source_ids = {row["source_id"] for row in rows}
    org_ids = {row["organization_id"] for row in rows if row["organization_id"] is not None}
    paths = dict(session.execute(select(s.Source.id, s.Source.path).where(s.Source.id.in_(source_ids))).all())
    bodies = dict(
        session.execute(select(s.Organization.id, s.Organization.name).where(s.Organization.id.in_(org_ids))).all()
    )
    doc_ids = {row["document_id"] for row in rows if row["document_id"] is not None}
    also: dict[int, list[str]] = {}
    if doc_ids:
        for doc_id, path, start in session.execute(
            select(s.DocumentAppearance.document_id, s.Source.path, s.DocumentAppearance.start_line)
            .join(s.Source, s.Source.id == s.DocumentAppearance.source_id)
            .where(s.DocumentAppearance.document_id.in_(doc_ids))
            .order_by(s.DocumentAppearance.id)
        ):
            also.setdefault(doc_id, []).append(f"{path}, line {start}")
    hits = []
    for row in rows:
        rank = float(row["rank"] or 0.0)
        others = also.get(row["document_id"], [])[1:] if row["document_id"] is not None else []
        hits.append(
            Hit(
                chunk_id=row["id"],
                kind=row["kind"],
                snippet=row["snip"] or row["text"][:200],
                text=row["text"],
                rank=rank if postgres else -rank,
                source_path=paths.get(row["source_id"], "?"),
                start_line=row["start_line"],
                end_line=row["end_line"],
                page=row["page"],
                date=row["date"],
                body=bodies.get(row["organization_id"]),
                title=row["title"],
                document_kind=row["document_kind"],
                meeting_id=row["meeting_id"],
                ref_id=row["ref_id"],
                also_in=others,
            )
        )
    return hits
