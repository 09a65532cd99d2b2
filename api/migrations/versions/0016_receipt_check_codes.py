"""commitments bind the signer's identity and act confirmation; receipts carry a secret check code

Revision ID: 0016_receipt_check_codes
Revises: 0015_identity_conversation

``commitments.check_code``: the receipt's secret check code, which the public verification asks for besides
the (sequential) number. Rows signed before get one now, so their holders can be given it by the applicant's
own pages and letters. ``commitments.act_confirmation_id``: the act confirmation (意愿认证) that signed the
commitment, unique, so one confirmation signs one commitment; NULL for earlier rows and for the hotline, whose
staff attestation is not an act code.
"""
from __future__ import annotations

import json
import secrets
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0016_receipt_check_codes"
down_revision: Union[str, Sequence[str], None] = "0015_identity_conversation"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The same alphabet and length as api.commitments.service.new_check_code (no 0/O, 1/I/L to misread).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def upgrade() -> None:
    bind = op.get_bind()
    columns = {column["name"] for column in sa.inspect(bind).get_columns("commitments")}
    # Plain ADD COLUMNs and a unique index: no rebuild of the signed table on SQLite.
    if "check_code" not in columns:
        op.add_column("commitments", sa.Column("check_code", sa.String(length=16), nullable=True))
    if "act_confirmation_id" not in columns:
        op.add_column("commitments", sa.Column("act_confirmation_id", sa.String(length=64), nullable=True))
        op.create_index(
            op.f("ix_commitments_act_confirmation_id"), "commitments", ["act_confirmation_id"], unique=True
        )
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM commitments WHERE check_code IS NULL"))]
    for row_id in ids:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        bind.execute(sa.text("UPDATE commitments SET check_code = :c WHERE id = :i"), {"c": code, "i": row_id})
    # Records signed with an act confirmation before a downgrade name it in their signed text: the column must
    # say the same again, or verification would report the row as edited.
    rows = bind.execute(sa.text("SELECT id, canonical FROM commitments WHERE act_confirmation_id IS NULL")).all()
    for row_id, canonical in rows:
        confirmation_id = _signed_confirmation_id(canonical)
        if confirmation_id is not None:
            bind.execute(
                sa.text("UPDATE commitments SET act_confirmation_id = :a WHERE id = :i"), {"a": confirmation_id, "i": row_id}
            )


def _signed_confirmation_id(canonical: str):
    try:
        payload = json.loads(canonical)
    except ValueError:
        return None
    identity = payload.get("identity") if isinstance(payload, dict) else None
    confirmation = identity.get("act_confirmation") if isinstance(identity, dict) else None
    value = confirmation.get("assurance_id") if isinstance(confirmation, dict) else None
    return value if isinstance(value, str) else None


def downgrade() -> None:
    op.drop_index(op.f("ix_commitments_act_confirmation_id"), table_name="commitments")
    for column in ("act_confirmation_id", "check_code"):
        if op.get_bind().dialect.name == "sqlite":
            # A plain DROP COLUMN (SQLite 3.35+): rebuilding the table would trip the foreign keys of the rows
            # that refer to commitments (events, verification tasks).
            op.execute(f"ALTER TABLE commitments DROP COLUMN {column}")
        else:
            op.drop_column("commitments", column)
