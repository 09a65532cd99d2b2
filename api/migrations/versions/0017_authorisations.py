"""special authorisations granted electronically or recorded from paper

Revision ID: 0017_authorisations
Revises: 0016_receipt_check_codes

``authorisations``: special authorisations (特别授权) a principal granted electronically or staff recorded from
a paper letter (``api.authorisations``). Names and ID numbers are sealed (AES-GCM envelopes, P5), people are
found by the keyed hash of their ID number, the secret code is kept only as an HMAC, and the grant is stored as
the platform signed it (sealed), with its SHA-256 and signatures.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0017_authorisations"
down_revision: Union[str, Sequence[str], None] = "0016_receipt_check_codes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "authorisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("code_hmac", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("principal_hash", sa.String(length=64), nullable=False),
        sa.Column("principal_name", sa.Text(), nullable=False),
        sa.Column("principal_id", sa.Text(), nullable=False),
        sa.Column("agent_hash", sa.String(length=64), nullable=False),
        sa.Column("agent_name", sa.Text(), nullable=False),
        sa.Column("agent_id", sa.Text(), nullable=False),
        sa.Column("item_codes", sa.JSON(), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("principal_assurance_id", sa.String(length=32), nullable=True),
        sa.Column("staff_actor", sa.String(length=100), nullable=True),
        sa.Column("document_no", sa.String(length=64), nullable=True),
        sa.Column("document_date", sa.Date(), nullable=True),
        sa.Column("scan_sha256", sa.String(length=64), nullable=True),
        sa.Column("scan_size", sa.Integer(), nullable=True),
        sa.Column("scan_type", sa.String(length=32), nullable=True),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("sm2_signature", sa.Text(), nullable=True),
        sa.Column("sm2_key_id", sa.String(length=64), nullable=True),
        sa.Column("wrong_tries", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('electronic', 'paper')", name=op.f("ck_authorisations_kind")),
        # An electronic grant names the assurance it was made under; a paper one the staff, letter and scan.
        sa.CheckConstraint(
            "(kind = 'electronic' AND principal_assurance_id IS NOT NULL) OR "
            "(kind = 'paper' AND staff_actor IS NOT NULL AND document_no IS NOT NULL "
            "AND document_date IS NOT NULL AND scan_sha256 IS NOT NULL)",
            name=op.f("ck_authorisations_evidence"),
        ),
        sa.CheckConstraint("wrong_tries >= 0", name=op.f("ck_authorisations_wrong_tries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authorisations")),
        sa.UniqueConstraint("number", name=op.f("uq_authorisations_number")),
        sa.UniqueConstraint("record_sha256", name=op.f("uq_authorisations_record_sha256")),
    )
    op.create_index(op.f("ix_authorisations_principal_hash"), "authorisations", ["principal_hash"])
    op.create_index(op.f("ix_authorisations_agent_hash"), "authorisations", ["agent_hash"])


def downgrade() -> None:
    op.drop_index(op.f("ix_authorisations_agent_hash"), table_name="authorisations")
    op.drop_index(op.f("ix_authorisations_principal_hash"), table_name="authorisations")
    op.drop_table("authorisations")
