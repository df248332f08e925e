"""Search vectors for canonical passages only (PostgreSQL).

``text_chunks.search_vector`` was computed for every passage although only
canonical ones are searched (0004 made the GIN index partial): a republished
document's passages paid ``to_tsvector`` twice per row for nothing, and
that was most of the cost of writing passages. The generated column is now
NULL unless the passage is canonical; PostgreSQL recomputes it when the flag
changes (a document's first appearance replaced). SQLite is unchanged: its
FTS5 triggers already index canonical passages only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 00:10:00

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VECTOR = "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')"
_INDEX = "CREATE INDEX ix_text_chunks_search_vector ON text_chunks USING gin (search_vector) WHERE canonical"


def _recreate(expression: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_text_chunks_search_vector")
    op.execute("ALTER TABLE text_chunks DROP COLUMN IF EXISTS search_vector")
    op.execute(f"ALTER TABLE text_chunks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED")
    op.execute(_INDEX)


def upgrade() -> None:
    """Compute the search vector of canonical passages only."""
    if op.get_bind().dialect.name == "postgresql":
        _recreate(f"CASE WHEN canonical THEN {_VECTOR} END")


def downgrade() -> None:
    """Compute the search vector of every passage again."""
    if op.get_bind().dialect.name == "postgresql":
        _recreate(_VECTOR)
