"""one-time codes, identity assurances and act confirmations

Revision ID: 0013_identity_verification
Revises: 0012_seal_names_phones
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = "0013_identity_verification"
down_revision: Union[str, Sequence[str], None] = "0012_seal_names_phones"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
