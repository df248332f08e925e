"""Lookup indexes: foreign keys that deletes follow, and the role lookup of "the Chair".

Replacing a source deletes its document appearances and (through garbage
collection) people; every ``ON DELETE SET NULL`` foreign key without an index
made the database scan the whole referring table once per deleted row, so
re-ingesting a changed pack got slower as the store grew. Role references
("the Portfolio Holder") look up the latest membership with a role.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 23:20:00

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (index name, table, columns)
INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_document_appearances_parent_id", "document_appearances", ["parent_id"]),
    ("ix_reports_appearance_id", "reports", ["appearance_id"]),
    ("ix_data_tables_appearance_id", "data_tables", ["appearance_id"]),
    ("ix_indicators_appearance_id", "indicators", ["appearance_id"]),
    ("ix_attendance_replacing_person_id", "attendance", ["replacing_person_id"]),
    ("ix_votes_mover_id", "votes", ["mover_id"]),
    ("ix_votes_seconder_id", "votes", ["seconder_id"]),
    ("ix_motions_mover_id", "motions", ["mover_id"]),
    ("ix_motions_seconder_id", "motions", ["seconder_id"]),
    ("ix_memberships_role_observed", "memberships", ["role", "observed_on"]),
)


def upgrade() -> None:
    """Create the indexes."""
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    """Drop the indexes."""
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
