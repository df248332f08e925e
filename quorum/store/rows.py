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
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Column, Table, func, select
from sqlalchemy.orm import Session


class Ref:
    """The id of a queued row, known once its batch is written (``id`` is None until then)."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        self.id: int | None = None


def allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    """Return ``count`` new ids for rows of ``table``, in increasing order.

    On SQLite the ids follow the table's largest id (the caller's transaction
    must already have written, so it holds the database's write lock and no
    one else can take them). On PostgreSQL they are drawn from the column's
    sequence in one round trip. Other databases are not supported.
    """
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        largest = connection.execute(select(func.max(table.c.id))).scalar() or 0
        return list(range(largest + 1, largest + 1 + count))
    if connection.dialect.name == "postgresql":
        ids = connection.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%(table)s, 'id')) FROM generate_series(1, %(count)s)",
            {"table": table.name, "count": count},
        ).scalars()
        return sorted(ids)
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
    columns = [table.c[name] for name in names]
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect not in {"sqlite", "postgresql"}:
        if not uniform:
            defaults = {column.name: _column_default(column) for column in columns}
            rows = [{**defaults, **row} for row in rows]
        session.execute(table.insert(), rows)
        return
    processors = [_processor(column, connection.dialect) for column in columns]
    if uniform and not any(processors):
        pick = itemgetter(*names)
        params = [pick(row) for row in rows] if len(names) > 1 else [(pick(row),) for row in rows]
    else:
        spec = [
            (column.name, _column_default(column), process) for column, process in zip(columns, processors, strict=True)
        ]
        params = [
            tuple(
                (process(row.get(name, default)) if process is not None else row.get(name, default))
                for name, default, process in spec
            )
            for row in rows
        ]
    quoted = ", ".join(f'"{name}"' for name in names)
    if dialect == "postgresql":
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
    for some tables, by name.
    """

    def __init__(
        self,
        session: Session,
        ref_columns: dict[str, tuple[str, ...]] | None = None,
        inserters: dict[str, Inserter] | None = None,
    ) -> None:
        self.session = session
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

        Ids of tables with references are given out first (:func:`allocate_ids`),
        then references are filled in and every table is inserted with one
        executemany, in foreign-key order. Writing a subset of tables needs
        every reference they hold to be known already.
        """
        chosen = [t for t in self.rows if tables is None or t in set(tables)]
        chosen.sort(key=_table_rank)
        for table in chosen:
            refs = self.refs.pop(table, None)
            if refs:
                rows = self.rows[table]
                ids = allocate_ids(self.session, table, len(rows))
                for row, new_id in zip(rows, ids, strict=True):
                    row["id"] = new_id
                for index, ref in refs:
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
