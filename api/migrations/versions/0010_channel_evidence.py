"""channel evidence of each commitment: which user message affirmed it

Revision ID: 0010_channel_evidence
Revises: 0009_handoff_queue_preview
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = "0010_channel_evidence"
down_revision: Union[str, Sequence[str], None] = "0009_handoff_queue_preview"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
