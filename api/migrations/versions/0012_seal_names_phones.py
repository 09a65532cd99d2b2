"""names and phone numbers sealed at rest like ID numbers

Revision ID: 0012_seal_names_phones
Revises: 0011_sm2_signatures
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = "0012_seal_names_phones"
down_revision: Union[str, Sequence[str], None] = "0011_sm2_signatures"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
