"""the handoff queue at volume: a preview of the citizen's last words, searchable

Revision ID: 0009_handoff_queue_preview
Revises: 0008_seal_id_numbers

Two nullable columns on ``handoff_requests``: ``preview`` (what the citizen last wrote, numbers masked) and
``search_text`` (the same, normalised, for the agent's search). Requests queued before have neither; the
console shows them without a preview.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009_handoff_queue_preview"
down_revision: Union[str, Sequence[str], None] = "0008_seal_id_numbers"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("handoff_requests") as batch:
        batch.add_column(sa.Column("preview", sa.Text(), nullable=True))
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoff_requests") as batch:
        batch.drop_column("search_text")
        batch.drop_column("preview")
