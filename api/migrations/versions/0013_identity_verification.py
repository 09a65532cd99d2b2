"""one-time codes, identity assurances and act confirmations

Revision ID: 0013_identity_verification
Revises: 0012_seal_names_phones

``identity_codes``: SMS one-time codes (``api.identity.otp``), each stored only as an HMAC over the code and
what it is bound to; the ID, phone and client only as keyed hashes. ``identity_assurances``: every identity
assurance the verifiers established (SMS code, OIDC, hotline attestation), with the act an act code confirmed.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013_identity_verification"
down_revision: Union[str, Sequence[str], None] = "0012_seal_names_phones"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "identity_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("challenge_id", sa.String(length=32), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("phone_hash", sa.String(length=64), nullable=False),
        sa.Column("client_hash", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=8), nullable=False),
        sa.Column("act", sa.JSON(), nullable=True),
        sa.Column("act_sha256", sa.String(length=64), nullable=True),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("masked_phone", sa.String(length=16), nullable=False),
        sa.Column("text_before_code", sa.Text(), nullable=False),
        sa.Column("text_after_code", sa.Text(), nullable=False),
        sa.Column("gateway", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wrong_tries", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("purpose IN ('login', 'act')", name=op.f("ck_identity_codes_purpose")),
        sa.CheckConstraint(
            "state IN ('active', 'used', 'superseded', 'locked', 'void')", name=op.f("ck_identity_codes_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_codes")),
        sa.UniqueConstraint("challenge_id", name=op.f("uq_identity_codes_challenge_id")),
    )
    op.create_index("ix_identity_codes_subject_hash_created_at", "identity_codes", ["subject_hash", "created_at"])
    op.create_index("ix_identity_codes_phone_hash_created_at", "identity_codes", ["phone_hash", "created_at"])
    op.create_index("ix_identity_codes_client_hash_created_at", "identity_codes", ["client_hash", "created_at"])
    op.create_index(op.f("ix_identity_codes_created_at"), "identity_codes", ["created_at"])
    op.create_table(
        "identity_assurances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assurance_id", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("verifier", sa.String(length=200), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("masked_phone", sa.String(length=16), nullable=True),
        sa.Column("external_subject", sa.String(length=200), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("act", sa.JSON(), nullable=True),
        sa.Column("act_sha256", sa.String(length=64), nullable=True),
        sa.Column("sms_text_sha256", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "method IN ('sms_otp', 'oidc', 'hotline_attestation')", name=op.f("ck_identity_assurances_method")
        ),
        sa.CheckConstraint("level IN ('low', 'substantial', 'high')", name=op.f("ck_identity_assurances_level")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_assurances")),
        sa.UniqueConstraint("assurance_id", name=op.f("uq_identity_assurances_assurance_id")),
    )
    op.create_index(op.f("ix_identity_assurances_subject_hash"), "identity_assurances", ["subject_hash"])


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_assurances_subject_hash"), table_name="identity_assurances")
    op.drop_table("identity_assurances")
    op.drop_index(op.f("ix_identity_codes_created_at"), table_name="identity_codes")
    op.drop_index("ix_identity_codes_client_hash_created_at", table_name="identity_codes")
    op.drop_index("ix_identity_codes_phone_hash_created_at", table_name="identity_codes")
    op.drop_index("ix_identity_codes_subject_hash_created_at", table_name="identity_codes")
    op.drop_table("identity_codes")
