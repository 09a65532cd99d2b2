"""Merge the branches of the lifecycle, verification, admin console and hotline/handoff revisions

Revision ID: 0007_merge_heads
Revises: 0002_access_lifecycle, 0004_verification, 0005_admin_console, 0006_hotline_handoff
Create Date: 2026-11-27 12:13:20.777051
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007_merge_heads'
down_revision: Union[str, Sequence[str], None] = ('0004_verification', '0005_admin_console', '0006_hotline_handoff')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
