"""revocable staff and applicant tokens; login limits per address and overall

Revision ID: 0014_staff_token_revocation
Revises: 0013_identity_verification
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0014_staff_token_revocation"
down_revision: Union[str, Sequence[str], None] = "0013_identity_verification"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Each step checks what is there: a database stamped back to an earlier revision over a newer schema (the
    # way the sealing migrations are re-run over rows they already sealed) runs this again without harm.
    inspector = sa.inspect(op.get_bind())
    # Signed-out tokens, refused by their jti until they would have expired anyway.
    if not inspector.has_table("revoked_tokens"):
        op.create_table(
            "revoked_tokens",
            sa.Column("jti", sa.String(length=64), nullable=False),
            sa.Column("actor", sa.String(length=100), nullable=False),
            sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("jti", name=op.f("pk_revoked_tokens")),
        )
        op.create_index(op.f("ix_revoked_tokens_expires_at"), "revoked_tokens", ["expires_at"], unique=False)
    # A password change moves the account to the next token generation: every older token stops working.
    # Tokens issued before this revision name no generation and are refused (staff sign in once more).
    if "token_generation" not in {column["name"] for column in inspector.get_columns("staff_users")}:
        with op.batch_alter_table("staff_users") as batch:
            batch.add_column(sa.Column("token_generation", sa.Integer(), nullable=False, server_default="0"))
    indexes = {index["name"] for index in inspector.get_indexes("login_failures")}
    if "ix_login_failures_client_ip_at" not in indexes:
        op.create_index("ix_login_failures_client_ip_at", "login_failures", ["client_ip", "at"], unique=False)
    if "ix_login_failures_at" not in indexes:
        op.create_index("ix_login_failures_at", "login_failures", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index("ix_login_failures_client_ip_at", table_name="login_failures")
    # A plain ALTER (SQLite 3.35+ has DROP COLUMN): a batch copy would drop staff_users, which other tables'
    # rows refer to.
    op.drop_column("staff_users", "token_generation")
    op.drop_index(op.f("ix_revoked_tokens_expires_at"), table_name="revoked_tokens")
    op.drop_table("revoked_tokens")
