"""seal the ID numbers of earlier commitments; mask ID numbers in stored free text (P5)

Revision ID: 0008_seal_id_numbers
Revises: 0007_merge_heads

A data migration, no schema change:

- ``commitments.canonical``: every ``id_number`` value of the stored JSON, and any other string in it that holds
  an ID number, becomes an AES-256-GCM envelope (``api.commitments.sealed``; associated data
  ``commitment:<commitment_no>``). Rows already sealed are left
  alone, so running it over a half-sealed table is safe. ``record_hash`` and the signature are over the
  plaintext and do not change. The ``commitments`` table has no append-only trigger (its lifecycle column is
  updated), so a plain UPDATE works on SQLite and PostgreSQL.
- free-text columns (``api.personal_text``): valid ID numbers and 统一社会信用代码 are masked. Two of those tables
  are append-only (``commitment_events``, ``complaint_actions``, migration 0002); their triggers are lifted for
  the update and put back in the same transaction, only when a row actually needs masking.

The data key ring: ``api.cli migrate`` hands over ``Settings.data_key_path`` (GZ_DATA_KEY_PATH); plain
``alembic upgrade`` reads the same setting. The file is created (0600) when missing, as the API does.

Downgrade opens the envelopes again (the key ring must still hold their keys). Masking cannot be undone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import context, op

from api.commitments import sealed
from api.personal_text import mask_ids
from bot.core import sealing
from bot.core.canonical import canonical_json

revision: str = "0008_seal_id_numbers"
down_revision: Union[str, Sequence[str], None] = "0007_merge_heads"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (table, column) of free text typed by people; the tables are append-only when marked True (migration 0002).
FREE_TEXT = (
    ("complaints", "complaint_text", False),
    ("complaints", "conclusion", False),
    ("complaint_actions", "note", True),
    ("commitment_events", "reason", True),
    ("credit_records", "description", False),
    ("credit_repairs", "reasons", False),
    ("credit_repairs", "decision_note", False),
    ("credit_objections", "grounds", False),
    ("credit_objections", "decision_note", False),
    ("verification_tasks", "findings", False),
    ("handoff_messages", "text", False),
)


def _ring() -> sealing.KeyRing:
    path = context.config.attributes.get("data_key_path")
    if path is None:
        from api.config import Settings

        path = Settings().data_key_path
    return sealing.load_or_create(Path(path))


def _rows(bind, table: str, columns: str):
    return bind.execute(sa.text(f"SELECT id, {columns} FROM {table} ORDER BY id")).fetchall()


def upgrade() -> None:
    bind = op.get_bind()
    ring = None
    for row_id, number, stored in _rows(bind, "commitments", "commitment_no, canonical"):
        ring = ring or _ring()
        # IDs only: names and phone numbers are sealed by 0012, which this revision precedes.
        new = canonical_json(sealed.seal_ids(_json(stored), ring, sealed.aad_for(number))).decode("utf-8")
        if new != stored:
            bind.execute(sa.text("UPDATE commitments SET canonical = :c WHERE id = :i"), {"c": new, "i": row_id})
    for table, column, append_only in FREE_TEXT:
        changes = [
            (row_id, mask_ids(value))
            for row_id, value in _rows(bind, table, column)
            if isinstance(value, str) and mask_ids(value) != value
        ]
        if not changes:
            continue
        if append_only:
            _lift_append_only(bind, table)
        for row_id, value in changes:
            bind.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :i"), {"v": value, "i": row_id})
        if append_only:
            _restore_append_only(bind, table)


def downgrade() -> None:
    bind = op.get_bind()
    ring = None
    for row_id, number, stored in _rows(bind, "commitments", "commitment_no, canonical"):
        ring = ring or _ring()
        if not sealed.has_sealed_value(_json(stored)):
            continue
        clear = canonical_json(sealed.open_all(_json(stored), ring, sealed.aad_for(number))).decode("utf-8")
        bind.execute(sa.text("UPDATE commitments SET canonical = :c WHERE id = :i"), {"c": clear, "i": row_id})


def _json(text: str):
    import json

    return json.loads(text)


# The append-only triggers of migration 0002, by name; lifted only for the masking update above.
def _lift_append_only(bind, table: str) -> None:
    if bind.dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
    else:
        op.execute(f"ALTER TABLE {table} DISABLE TRIGGER trg_{table}_append_only")


def _restore_append_only(bind, table: str) -> None:
    if bind.dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER trg_{table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
    else:
        op.execute(f"ALTER TABLE {table} ENABLE TRIGGER trg_{table}_append_only")
