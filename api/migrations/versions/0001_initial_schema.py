"""Initial schema: versioned catalogue (R1), integrity files (R4, R16), signed commitment chain (P2, P3, P4).

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    # items and item_versions reference each other. SQLite accepts a reference to a table created later
    # (and cannot add a constraint afterwards); PostgreSQL needs the table first, so it gets ALTER TABLE.
    current_version_fk = (
        [sa.ForeignKeyConstraint(["current_version_id"], ["item_versions.id"], name="fk_items_current_version_id_item_versions")]
        if sqlite
        else []
    )
    op.create_table(
        "items",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("current_version_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_items")),
        *current_version_fk,
    )
    op.create_table(
        "item_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("notice_version", sa.String(length=64), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["item_code"], ["items.code"], name=op.f("fk_item_versions_item_code_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_versions")),
        sa.UniqueConstraint("item_code", "version", name=op.f("uq_item_versions_item_code_version")),
    )
    op.create_index(op.f("ix_item_versions_item_code"), "item_versions", ["item_code"], unique=False)
    op.create_index(op.f("ix_item_versions_notice_version"), "item_versions", ["notice_version"], unique=False)
    if not sqlite:
        op.create_foreign_key(
            "fk_items_current_version_id_item_versions", "items", "item_versions", ["current_version_id"], ["id"]
        )

    op.create_table(
        "integrity_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("subject_type IN ('person', 'enterprise')", name=op.f("ck_integrity_files_subject_type")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrity_files")),
        sa.UniqueConstraint("id_hash", name=op.f("uq_integrity_files_id_hash")),
    )
    op.create_table(
        "credit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("integrity_file_id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("repaired_at", sa.Date(), nullable=True),
        sa.CheckConstraint("severity IN ('一般', '较重', '严重')", name=op.f("ck_credit_records_severity")),
        sa.ForeignKeyConstraint(
            ["integrity_file_id"], ["integrity_files.id"], name=op.f("fk_credit_records_integrity_file_id_integrity_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_records")),
    )
    op.create_index(op.f("ix_credit_records_integrity_file_id"), "credit_records", ["integrity_file_id"], unique=False)

    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_no", sa.String(length=32), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("item_version_id", sa.Integer(), nullable=False),
        sa.Column("notice_version", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decision_no", sa.String(length=32), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("sender_id", sa.String(length=128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("record_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('accepted', 'licensed')", name=op.f("ck_commitments_status")),
        sa.ForeignKeyConstraint(["item_code"], ["items.code"], name=op.f("fk_commitments_item_code_items")),
        sa.ForeignKeyConstraint(
            ["item_version_id"], ["item_versions.id"], name=op.f("fk_commitments_item_version_id_item_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
        sa.UniqueConstraint("commitment_no", name=op.f("uq_commitments_commitment_no")),
        sa.UniqueConstraint("decision_no", name=op.f("uq_commitments_decision_no")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_commitments_idempotency_key")),
        sa.UniqueConstraint("record_hash", name=op.f("uq_commitments_record_hash")),
        sa.UniqueConstraint("seq", name=op.f("uq_commitments_seq")),
    )
    op.create_index(op.f("ix_commitments_item_code"), "commitments", ["item_code"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_commitments_item_code"), table_name="commitments")
    op.drop_table("commitments")
    op.drop_index(op.f("ix_credit_records_integrity_file_id"), table_name="credit_records")
    op.drop_table("credit_records")
    op.drop_table("integrity_files")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_items_current_version_id_item_versions", "items", type_="foreignkey")
    op.drop_index(op.f("ix_item_versions_notice_version"), table_name="item_versions")
    op.drop_index(op.f("ix_item_versions_item_code"), table_name="item_versions")
    op.drop_table("item_versions")
    op.drop_table("items")
