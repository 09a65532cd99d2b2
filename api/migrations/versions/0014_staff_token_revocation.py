"""revocable staff tokens and password history

Revision ID: 0014_staff_token_revocation
Revises: 0013_identity_verification
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = "0014_staff_token_revocation"
down_revision: Union[str, Sequence[str], None] = "0013_identity_verification"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
