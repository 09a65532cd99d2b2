"""identity assurances name the conversation they were made in

Revision ID: 0015_identity_conversation
Revises: 0014_staff_token_revocation
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0015_identity_conversation"
down_revision: Union[str, Sequence[str], None] = "0014_staff_token_revocation"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    columns = {column["name"] for column in inspector.get_columns("identity_assurances")}
    if "client_hash" not in columns:
        with op.batch_alter_table("identity_assurances") as batch:
            batch.add_column(sa.Column("client_hash", sa.String(length=64), nullable=True))
        op.create_index(op.f("ix_identity_assurances_client_hash"), "identity_assurances", ["client_hash"])


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_assurances_client_hash"), table_name="identity_assurances")
    with op.batch_alter_table("identity_assurances") as batch:
        batch.drop_column("client_hash")
