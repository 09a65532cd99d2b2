"""channel evidence of each commitment: which user message affirmed it

Revision ID: 0010_channel_evidence
Revises: 0009_handoff_queue_preview

``commitments.affirmation_message_id``: the channel's id of the signed user message that affirmed the
commitment, unique, so one signed affirmation makes one commitment. Rows written before have none (NULL, which a
unique index allows many times). ``registered_phones``: the real-name mobile number the shared-data platform
holds for a person (sealed), which a commitment's phone must match.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010_channel_evidence"
down_revision: Union[str, Sequence[str], None] = "0009_handoff_queue_preview"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A plain ADD COLUMN and a unique index: no rebuild of the signed table on SQLite.
    op.add_column("commitments", sa.Column("affirmation_message_id", sa.String(length=200), nullable=True))
    op.create_index(
        op.f("ix_commitments_affirmation_message_id"), "commitments", ["affirmation_message_id"], unique=True
    )
    op.create_table(
        "registered_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("phone_sealed", sa.Text(), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registered_phones")),
        sa.UniqueConstraint("subject_hash", name=op.f("uq_registered_phones_subject_hash")),
    )


def downgrade() -> None:
    op.drop_table("registered_phones")
    op.drop_index(op.f("ix_commitments_affirmation_message_id"), table_name="commitments")
    if op.get_bind().dialect.name == "sqlite":
        # A plain DROP COLUMN (SQLite 3.35+): rebuilding the table would drop it while foreign keys are on, and
        # cascade away (or refuse for) the rows that refer to commitments (events, verification tasks).
        op.execute("ALTER TABLE commitments DROP COLUMN affirmation_message_id")
    else:
        op.drop_column("commitments", "affirmation_message_id")
