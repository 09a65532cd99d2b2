"""SM2 signatures and the SM3 chain beside Ed25519 and SHA-256

Four nullable columns: a record signed before this revision has none of them and keeps verifying with Ed25519
and SHA-256 alone (its SM2 result is "absent", not invalid). Nothing is backfilled: signing an old record now
would be the platform vouching today for something it did not sign then.

Revision ID: 0011_sm2_signatures
Revises: 0010_channel_evidence
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011_sm2_signatures"
down_revision: Union[str, Sequence[str], None] = "0010_channel_evidence"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    # SM3 of the signed bytes (the same canonical JSON the SHA-256 record_hash is over).
    ("sm3_hash", sa.String(length=64)),
    # SM3 link to the previous record; also inside the signed JSON, so both signatures cover both chains.
    ("sm3_prev_hash", sa.String(length=64)),
    # Base64 of r || s: SM2 with SM3 and the default user id (GM/T 0003, GM/T 0009).
    ("sm2_signature", sa.Text()),
    ("sm2_key_id", sa.String(length=64)),
)


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default): SQLite and PostgreSQL do it in place, without copying the table.
    for name, column_type in COLUMNS:
        op.add_column("commitments", sa.Column(name, column_type, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(COLUMNS):
        if op.get_bind().dialect.name == "sqlite":
            # A plain DROP COLUMN (SQLite 3.35+), not a table rebuild: see 0010's downgrade.
            op.execute(f"ALTER TABLE commitments DROP COLUMN {name}")
        else:
            op.drop_column("commitments", name)
