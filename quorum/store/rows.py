"""Bulk row writing for the store: rows as dicts, ids given out before the insert, one executemany per table.

The writer queues a source's fact rows in a :class:`RowBatch` instead of
creating an ORM object per row. A row that other rows point at gets a
:class:`Ref`; when the batch is written every table's ids are given out first
(:func:`allocate_ids`: past the table's largest id on SQLite, whose write
lock the transaction already holds; from the id sequence on PostgreSQL), the
references are filled in, and each table goes in as one executemany, parents
before children. Ids come out as the database would have numbered the rows
inserted one by one in the same order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Column, Table
from sqlalchemy.orm import Session


class Ref:
    """The id of a queued row, known once its batch is written (``id`` is None until then)."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        self.id: int | None = None


def allocate_ids(session: Session, counts: dict[Table, int]) -> dict[Table, list[int]]:
    """Return new ids for ``counts[table]`` rows of each table, in increasing order, with one query.

    On SQLite the ids follow each table's largest id (the caller's
    transaction must already have written, so it holds the database's write
    lock and no one else can take them). On PostgreSQL they are drawn from
    each id column's sequence. Other databases are not supported.
    """
    wanted = [(table, count) for table, count in counts.items() if count > 0]
    if not wanted:
        return {table: [] for table in counts}
    connection = session.connection()
    out: dict[Table, list[int]] = {table: [] for table in counts}
    if connection.dialect.name == "sqlite":
        largest = connection.exec_driver_sql(
            "SELECT " + ", ".join(f'(SELECT max(id) FROM "{table.name}")' for table, _ in wanted)
        ).one()
        for (table, count), top in zip(wanted, largest, strict=True):
            out[table] = list(range((top or 0) + 1, (top or 0) + 1 + count))
        return out
    if connection.dialect.name == "postgresql":
        parts = [
            f"SELECT {index} AS k, nextval(q.seq) AS id "
            f"FROM (SELECT pg_get_serial_sequence(%(t{index})s, 'id')::regclass AS seq) q, "
            f"generate_series(1, %(n{index})s)"
            for index in range(len(wanted))
        ]
        params: dict[str, Any] = {}
        for index, (table, count) in enumerate(wanted):
            params[f"t{index}"] = f'"{table.name}"'
            params[f"n{index}"] = count
        for index, new_id in connection.exec_driver_sql(" UNION ALL ".join(parts), params):
            out[wanted[index][0]].append(new_id)
        for ids in out.values():
            ids.sort()
        return out
    raise NotImplementedError(f"bulk ids are not supported on {connection.dialect.name}")


def _column_default(column: Column[Any]) -> Any:
    """The Python-side scalar default of ``column`` (None when it has none)."""
    default = column.default
    return default.arg if default is not None and getattr(default, "is_scalar", False) else None  # type: ignore[attr-defined]


def _processor(column: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """The bind processing Core would apply to ``column``'s values on ``dialect`` (None when there is none).

    Booleans need none: SQLite's driver stores True and False as 1 and 0, psycopg sends them as booleans.
    """
    if isinstance(column.type, Boolean):
        return None
    return column.type._cached_bind_processor(dialect)  # type: ignore[no-any-return]


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]], *, one_statement: bool = False) -> None:
    """Insert ``rows`` (dicts of column values; keys may vary between rows) into ``table``.

    Columns no row names are left to the database's defaults; a row without a
    column another row has gets the column's Python default (else NULL). Each
    column's bind processing (JSON, datetimes) is applied as Core would, then
    the rows go straight to the driver (SQLAlchemy's per-row parameter handling
    cost as much as the database's own insert): an executemany on SQLite,
    ``COPY ... FROM STDIN`` on PostgreSQL (one round trip, no SQL to parse per
    row), a Core executemany elsewhere.

    ``one_statement`` (SQLite) inserts the rows with multi-row ``VALUES``
    statements instead of one statement per row: an FTS5 index fed by an
    insert trigger flushes what it holds in memory at every statement, so
    per-row statements leave it one segment per row to merge.
    """
    if not rows:
        return
    names: dict[str, None] = dict.fromkeys(rows[0])
    keys = names.keys()
    uniform = True
    for row in rows:
        if row.keys() != keys:
            names.update(dict.fromkeys(row))
            uniform = False
    if not uniform:
        uniform = all(len(row) == len(names) for row in rows)
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name not in {"sqlite", "postgresql"}:
        if not uniform:
            defaults = {name: _column_default(table.c[name]) for name in names}
            rows = [{**defaults, **row} for row in rows]
        session.execute(table.insert(), rows)
        return
    defaults, processed = _spec(table, tuple(names), dialect)
    if uniform:
        pick = itemgetter(*names)
        params = [pick(row) for row in rows] if len(names) > 1 else [(pick(row),) for row in rows]
    else:
        params = [tuple(row.get(name, default) for name, default in defaults) for row in rows]
    if processed:
        converted = []
        for values in params:
            out = list(values)
            for index, process in processed:
                out[index] = process(out[index])
            converted.append(tuple(out))
        params = converted
    quoted = ", ".join(f'"{name}"' for name in names)
    if dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for values in params:
                copy.write_row(values)
        return
    placeholders = "(" + ", ".join("?" * len(names)) + ")"
    insert = f'INSERT INTO "{table.name}" ({quoted}) VALUES '
    if not one_statement:
        connection.exec_driver_sql(insert + placeholders, params)
        return
    per_statement = max(1, _variable_limit(connection) // len(names))
    for start in range(0, len(params), per_statement):
        part = params[start : start + per_statement]
        flat = tuple(value for row in part for value in row)
        connection.exec_driver_sql(insert + ", ".join([placeholders] * len(part)), flat)


@lru_cache(maxsize=256)
def _spec(
    table: Table, names: tuple[str, ...], dialect: Any
) -> tuple[list[tuple[str, Any]], list[tuple[int, Callable[[Any], Any]]]]:
    """For inserting ``names`` into ``table``: each column's (name, Python default), and (position, bind processor)
    of the columns whose values need processing on ``dialect``."""
    columns = [table.c[name] for name in names]
    defaults = [(column.name, _column_default(column)) for column in columns]
    processed = [
        (index, process) for index, column in enumerate(columns) if (process := _processor(column, dialect)) is not None
    ]
    return defaults, processed


def _variable_limit(connection: Any) -> int:
    """The most bound parameters one SQLite statement may have (999 where the driver cannot say)."""
    driver = connection.connection.dbapi_connection
    try:
        return int(driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        return 999


#: Inserts rows into a table: ``inserter(session, table, rows)``.
Inserter = Callable[[Session, Table, list[dict[str, Any]]], None]


class RowBatch:
    """Rows queued for the current transaction, by table, written by :meth:`write` parents first.

    ``ref_columns`` names, per table, the columns whose values may be a
    :class:`Ref` to a queued row of another table (or of the same table, for
    a row queued earlier). ``inserters`` (optional) replaces :func:`insert_rows`
    for some tables, by name; rows of the tables named in ``numbered`` always
    get their ids before they are inserted.
    """

    def __init__(
        self,
        session: Session,
        ref_columns: dict[str, tuple[str, ...]] | None = None,
        inserters: dict[str, Inserter] | None = None,
        numbered: frozenset[str] = frozenset(),
    ) -> None:
        self.session = session
        self.numbered = numbered
        self.ref_columns = ref_columns or {}
        self.inserters = inserters or {}
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self.refs: dict[Table, list[tuple[int, Ref]]] = {}

    def add(self, table: Table, row: dict[str, Any], ref: Ref | None = None) -> None:
        """Queue ``row`` for ``table``; ``ref`` (optional) receives its id when the batch is written."""
        rows = self.rows.setdefault(table, [])
        if ref is not None:
            self.refs.setdefault(table, []).append((len(rows), ref))
        rows.append(row)

    def write(self, tables: Iterable[Table] | None = None) -> None:
        """Insert the queued rows (of ``tables`` only, when given) and forget them.

        Ids of tables with references (or ``numbered``) are given out first (:func:`allocate_ids`),
        then references are filled in and every table is inserted with one
        executemany, in foreign-key order. Writing a subset of tables needs
        every reference they hold to be known already.
        """
        chosen = [t for t in self.rows if tables is None or t in set(tables)]
        chosen.sort(key=_table_rank)
        numbered = [t for t in chosen if t in self.refs or t.name in self.numbered]
        allocated = allocate_ids(self.session, {table: len(self.rows[table]) for table in numbered})
        for table, ids in allocated.items():
            for row, new_id in zip(self.rows[table], ids, strict=True):
                row["id"] = new_id
            for index, ref in self.refs.pop(table, ()):
                ref.id = ids[index]
        for table in chosen:
            rows = self.rows.pop(table)
            for column in self.ref_columns.get(table.name, ()):
                for row in rows:
                    value = row.get(column)
                    if type(value) is Ref:
                        if value.id is None:
                            raise ValueError(f"{table.name}.{column} refers to a row that is not written yet")
                        row[column] = value.id
            self.inserters.get(table.name, insert_rows)(self.session, table, rows)

    def clear(self) -> None:
        """Forget every queued row (the transaction is being rolled back)."""
        self.rows.clear()
        self.refs.clear()


def _table_rank(table: Table) -> int:
    """The position of ``table`` in its metadata's foreign-key order (parents first)."""
    ranks = _RANKS.get(id(table.metadata))
    if ranks is None:
        ranks = _RANKS[id(table.metadata)] = {t: i for i, t in enumerate(table.metadata.sorted_tables)}
    return ranks.get(table, len(ranks))


_RANKS: dict[int, dict[Table, int]] = {}
