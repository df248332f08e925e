"""Canonical passages: only the first appearance of a republished document is in the full-text index.

``text_chunks.canonical`` is false for passages of a document's later
appearances. On SQLite the FTS5 triggers index canonical rows only (and follow
changes of the flag); on PostgreSQL the GIN index becomes partial.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 22:14:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSERT = "INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
_DELETE = "INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"

SQLITE_TRIGGERS = (
    f"CREATE TRIGGER text_chunks_ai AFTER INSERT ON text_chunks WHEN new.canonical BEGIN {_INSERT} END",
    f"CREATE TRIGGER text_chunks_ad AFTER DELETE ON text_chunks WHEN old.canonical BEGIN {_DELETE} END",
    f"CREATE TRIGGER text_chunks_au_old AFTER UPDATE ON text_chunks WHEN old.canonical BEGIN {_DELETE} END",
    f"CREATE TRIGGER text_chunks_au_new AFTER UPDATE ON text_chunks WHEN new.canonical BEGIN {_INSERT} END",
)
OLD_SQLITE_TRIGGERS = (
    f"CREATE TRIGGER text_chunks_ai AFTER INSERT ON text_chunks BEGIN {_INSERT} END",
    f"CREATE TRIGGER text_chunks_ad AFTER DELETE ON text_chunks BEGIN {_DELETE} END",
    f"CREATE TRIGGER text_chunks_au AFTER UPDATE ON text_chunks BEGIN {_DELETE} {_INSERT} END",
)
ALL_TRIGGERS = ("text_chunks_ai", "text_chunks_ad", "text_chunks_au", "text_chunks_au_old", "text_chunks_au_new")


def upgrade() -> None:
    """Add the flag; index canonical passages only."""
    dialect = op.get_bind().dialect.name
    op.add_column("text_chunks", sa.Column("canonical", sa.Boolean(), server_default=sa.true(), nullable=False))
    if dialect == "sqlite":
        for trigger in ALL_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_text_chunks_search_vector")
        op.execute("CREATE INDEX ix_text_chunks_search_vector ON text_chunks USING gin (search_vector) WHERE canonical")


def downgrade() -> None:
    """Index every passage again and drop the flag."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ALL_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, text, content='text_chunks', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        with op.batch_alter_table("text_chunks") as batch_op:
            batch_op.drop_column("canonical")
        for statement in OLD_SQLITE_TRIGGERS:
            op.execute(statement)
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        op.execute("DROP INDEX IF EXISTS ix_text_chunks_search_vector")
        op.drop_column("text_chunks", "canonical")
        if dialect == "postgresql":
            op.execute("CREATE INDEX ix_text_chunks_search_vector ON text_chunks USING gin (search_vector)")
