"""SM2 signatures and the SM3 chain beside Ed25519 and SHA-256

Revision ID: 0011_sm2_signatures
Revises: 0010_channel_evidence
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = "0011_sm2_signatures"
down_revision: Union[str, Sequence[str], None] = "0010_channel_evidence"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
