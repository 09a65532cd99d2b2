"""names and phone numbers sealed at rest like ID numbers

Revision ID: 0012_seal_names_phones
Revises: 0011_sm2_signatures

A data migration, plus a wider type for two columns on PostgreSQL:

- ``commitments.canonical``: the names of the people a record is about (applicant, proxy, legal
  representative), every phone number, and every other string of the stored JSON that mentions one of them (the
  statement, the affirmation as typed) become AES-256-GCM envelopes (``api.commitments.sealed``; associated data
  ``commitment:<commitment_no>``, as for the ID numbers 0008 sealed). Values already sealed are kept, so rows
  already sealed are left alone and running it over a half-sealed table is safe. ``record_hash`` and the
  signatures are over the plaintext and do not change.
- ``complaints.phone`` and ``hotline_sessions.caller_phone``: sealed in place (``sealed.SealedText``, associated
  data ``column:<table>.<column>``). An envelope is longer than the 32 characters those columns were declared
  with: PostgreSQL gets TEXT; SQLite does not enforce a declared length, and rebuilding the tables for it is not
  worth the risk.

SQLite zeroes what the update overwrites (``PRAGMA secure_delete``, set on every connection by
``api.database.make_engine``), so the clear values do not linger in free pages of the file.

The data key ring: ``api.cli migrate`` hands over ``Settings.data_key_path`` (GZ_DATA_KEY_PATH); plain
``alembic upgrade`` reads the same setting. The file is created (0600) when missing, as the API does.

Downgrade opens the names and phone numbers again and keeps the ID numbers sealed (the state after 0011).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Sequence, Union

import sqlalchemy as sa
from alembic import context, op

from api.commitments import sealed
from bot.core import sealing
from bot.core.canonical import canonical_json

revision: str = "0012_seal_names_phones"
down_revision: Union[str, Sequence[str], None] = "0011_sm2_signatures"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (table, column) holding one phone number, sealed whole (api.commitments.sealed.SealedText).
SEALED_COLUMNS = (("complaints", "phone"), ("hotline_sessions", "caller_phone"))
OLD_LENGTH = 32


def _ring() -> sealing.KeyRing:
    path = context.config.attributes.get("data_key_path")
    if path is None:
        from api.config import Settings

        path = Settings().data_key_path
    return sealing.load_or_create(Path(path))


def _rewrite_commitments(bind, change: Callable[[dict, sealing.KeyRing, bytes], dict]) -> None:
    ring = None
    rows = bind.execute(sa.text("SELECT id, commitment_no, canonical FROM commitments ORDER BY id")).fetchall()
    for row_id, number, stored in rows:
        ring = ring or _ring()
        new = canonical_json(change(json.loads(stored), ring, sealed.aad_for(number))).decode("utf-8")
        if new != stored:
            bind.execute(sa.text("UPDATE commitments SET canonical = :c WHERE id = :i"), {"c": new, "i": row_id})


def _rewrite_column(bind, table: str, column: str, change: Callable[[str, sealing.KeyRing, bytes], str]) -> None:
    ring = None
    aad = sealed.column_aad(f"{table}.{column}")
    rows = bind.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY id")).fetchall()
    for row_id, value in rows:
        ring = ring or _ring()
        new = change(value, ring, aad)
        if new != value:
            bind.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :i"), {"v": new, "i": row_id})


def _seal_value(value: str, ring: sealing.KeyRing, aad: bytes) -> str:
    return value if sealing.is_sealed(value) else ring.seal(value, aad)


def _open_value(value: str, ring: sealing.KeyRing, aad: bytes) -> str:
    return ring.open(value, aad) if sealing.is_sealed(value) else value


def _back_to_ids_only(stored: dict, ring: sealing.KeyRing, aad: bytes) -> dict:
    return sealed.seal_ids(sealed.open_all(stored, ring, aad), ring, aad)


def upgrade() -> None:
    bind = op.get_bind()
    _rewrite_commitments(bind, sealed.seal_payload)
    for table, column in SEALED_COLUMNS:
        if bind.dialect.name != "sqlite":
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(OLD_LENGTH), existing_nullable=True)
        _rewrite_column(bind, table, column, _seal_value)


def downgrade() -> None:
    bind = op.get_bind()
    _rewrite_commitments(bind, _back_to_ids_only)
    for table, column in SEALED_COLUMNS:
        _rewrite_column(bind, table, column, _open_value)
        if bind.dialect.name != "sqlite":
            op.alter_column(table, column, type_=sa.String(OLD_LENGTH), existing_type=sa.Text(), existing_nullable=True)
