"""A canonical dump of a SQLite store, for comparing stores by content.

Row ids, foreign-key ids and timestamps are dropped (they depend on the order
and moment of writing, not on what was stored); the FTS index's internal
shadow tables are skipped (their layout depends on merge history), so search
is compared by its results instead.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

#: Tables that are bookkeeping or index internals, not stored facts.
SKIPPED_PREFIXES = ("sqlite_", "alembic_", "search_fts")


def _noise(column: str) -> bool:
    """True for columns that hold ids or timestamps rather than content."""
    return column == "id" or column.endswith("_id") or column.endswith("_at") or column in {"rowid"}


def table_names(db: Path) -> list[str]:
    """Return the store's content tables, in name order."""
    with sqlite3.connect(db) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return sorted(name for name in names if not name.startswith(SKIPPED_PREFIXES))


def dump(db: Path) -> dict[str, Counter[tuple]]:
    """Return ``{table: multiset of rows}`` with id and timestamp columns left out."""
    out: dict[str, Counter[tuple]] = {}
    connection = sqlite3.connect(db)
    try:
        for table in table_names(db):
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            kept = [c for c in columns if not _noise(c)]
            if not kept:
                out[table] = Counter({(): connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]})
                continue
            select = ", ".join(f'"{c}"' for c in kept)
            out[table] = Counter(tuple(row) for row in connection.execute(f'SELECT {select} FROM "{table}"'))
    finally:
        connection.close()
    return out


def row_counts(db: Path) -> dict[str, int]:
    """Return the number of rows in each content table."""
    return {table: sum(rows.values()) for table, rows in dump(db).items()}
