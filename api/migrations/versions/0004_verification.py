"""Verification tasks and shared data (R12-R14); integrity files with repair and objections (R4, R16, R18).

Revision ID: 0004_verification
Revises: 0001
Create Date: 2026-11-27
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004_verification"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "verification_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("time_limit_days", sa.Integer(), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("due_date_provisional", sa.Boolean(), nullable=False),
        sa.Column("selected", sa.Boolean(), nullable=False),
        sa.Column("selection_reason", sa.String(length=32), nullable=False),
        sa.Column("sampling_rate", sa.Float(), nullable=True),
        sa.Column("sample_draw", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_by", sa.String(length=100), nullable=True),
        sa.Column("online_outcome", sa.String(length=8), nullable=True),
        sa.Column("online_evidence", sa.JSON(), nullable=True),
        sa.Column("online_adapter", sa.String(length=200), nullable=True),
        sa.Column("online_checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result", sa.String(length=4), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("measures", sa.JSON(), nullable=True),
        sa.Column("rectify_by", sa.Date(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('open', 'done')", name=op.f("ck_verification_tasks_status")),
        sa.CheckConstraint("method IN ('online', 'onsite', 'exempt')", name=op.f("ck_verification_tasks_method")),
        sa.CheckConstraint("result IS NULL OR result IN ('属实', '不实')", name=op.f("ck_verification_tasks_result")),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_verification_tasks_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_tasks")),
        sa.UniqueConstraint("commitment_id", name=op.f("uq_verification_tasks_commitment_id")),
    )
    op.create_index(op.f("ix_verification_tasks_item_code"), "verification_tasks", ["item_code"], unique=False)
    op.create_index(op.f("ix_verification_tasks_due_date"), "verification_tasks", ["due_date"], unique=False)
    op.create_index(op.f("ix_verification_tasks_selected"), "verification_tasks", ["selected"], unique=False)
    op.create_index(op.f("ix_verification_tasks_status"), "verification_tasks", ["status"], unique=False)

    op.create_table(
        "shared_data_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "source IN ('housing_ownership', 'household_registration', 'social_insurance', 'enterprise_registration')",
            name=op.f("ck_shared_data_records_source"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_data_records")),
        sa.UniqueConstraint("source", "subject_hash", name=op.f("uq_shared_data_records_source_subject_hash")),
    )
    op.create_index(op.f("ix_shared_data_records_subject_hash"), "shared_data_records", ["subject_hash"], unique=False)

    with op.batch_alter_table("integrity_files") as batch:
        batch.add_column(sa.Column("name_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("credit_records") as batch:
        batch.add_column(sa.Column("commitment_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("authority", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("annulled_at", sa.Date(), nullable=True))
        batch.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            op.f("fk_credit_records_commitment_id_commitments"),
            "commitments",
            ["commitment_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_credit_records_commitment_id"), ["commitment_id"], unique=False)

    op.create_table(
        "credit_repairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_record_id", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'approved', 'refused')", name=op.f("ck_credit_repairs_status")),
        sa.ForeignKeyConstraint(
            ["credit_record_id"], ["credit_records.id"], name=op.f("fk_credit_repairs_credit_record_id_credit_records")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_repairs")),
    )
    op.create_index(op.f("ix_credit_repairs_credit_record_id"), "credit_repairs", ["credit_record_id"], unique=False)
    op.create_table(
        "credit_objections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_record_id", sa.Integer(), nullable=False),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("correction", sa.JSON(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'upheld', 'corrected')", name=op.f("ck_credit_objections_status")),
        sa.ForeignKeyConstraint(
            ["credit_record_id"],
            ["credit_records.id"],
            name=op.f("fk_credit_objections_credit_record_id_credit_records"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_objections")),
    )
    op.create_index(
        op.f("ix_credit_objections_credit_record_id"), "credit_objections", ["credit_record_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_credit_objections_credit_record_id"), table_name="credit_objections")
    op.drop_table("credit_objections")
    op.drop_index(op.f("ix_credit_repairs_credit_record_id"), table_name="credit_repairs")
    op.drop_table("credit_repairs")
    with op.batch_alter_table("credit_records") as batch:
        batch.drop_index(op.f("ix_credit_records_commitment_id"))
        batch.drop_constraint(op.f("fk_credit_records_commitment_id_commitments"), type_="foreignkey")
        batch.drop_column("created_at")
        batch.drop_column("annulled_at")
        batch.drop_column("authority")
        batch.drop_column("commitment_id")
    with op.batch_alter_table("integrity_files") as batch:
        batch.drop_column("name_hash")
    op.drop_index(op.f("ix_shared_data_records_subject_hash"), table_name="shared_data_records")
    op.drop_table("shared_data_records")
    op.drop_index(op.f("ix_verification_tasks_status"), table_name="verification_tasks")
    op.drop_index(op.f("ix_verification_tasks_selected"), table_name="verification_tasks")
    op.drop_index(op.f("ix_verification_tasks_due_date"), table_name="verification_tasks")
    op.drop_index(op.f("ix_verification_tasks_item_code"), table_name="verification_tasks")
    op.drop_table("verification_tasks")
