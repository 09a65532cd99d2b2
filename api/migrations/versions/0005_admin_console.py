"""Admin console: model registry, activations, training jobs, inbox resolutions.

Revision ID: 0005_admin_console
Revises: 0001
Create Date: 2026-11-27
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005_admin_console"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "nlu_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("file_path", sa.String(length=500), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("data_hash", sa.String(length=64), nullable=True),
        sa.Column("fingerprint", sa.JSON(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("train_mode", sa.String(length=16), nullable=True),
        sa.Column("train_profile", sa.String(length=16), nullable=True),
        sa.Column("base_model_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("evaluation_status", sa.String(length=16), nullable=False),
        sa.Column("macro_f1", sa.Float(), nullable=True),
        sa.Column("metrics", sa.JSON(), nullable=True),
        sa.Column("confusion_matrix_path", sa.String(length=500), nullable=True),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("first_activated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["base_model_id"], ["nlu_models.id"], name=op.f("fk_nlu_models_base_model_id_nlu_models")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nlu_models")),
        sa.UniqueConstraint("name", name=op.f("uq_nlu_models_name")),
    )
    op.create_table(
        "nlu_model_activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.Integer(), nullable=False),
        sa.Column("previous_model_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("forced", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("macro_f1", sa.Float(), nullable=True),
        sa.Column("previous_macro_f1", sa.Float(), nullable=True),
        sa.Column("replicas", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["model_id"], ["nlu_models.id"], name=op.f("fk_nlu_model_activations_model_id_nlu_models")),
        sa.ForeignKeyConstraint(
            ["previous_model_id"], ["nlu_models.id"], name=op.f("fk_nlu_model_activations_previous_model_id_nlu_models")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nlu_model_activations")),
    )
    op.create_index(op.f("ix_nlu_model_activations_model_id"), "nlu_model_activations", ["model_id"])
    op.create_table(
        "nlu_training_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("train_mode", sa.String(length=16), nullable=True),
        sa.Column("train_profile", sa.String(length=16), nullable=True),
        sa.Column("base_model_id", sa.Integer(), nullable=True),
        sa.Column("model_id", sa.Integer(), nullable=True),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("log_path", sa.String(length=500), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["base_model_id"], ["nlu_models.id"], name=op.f("fk_nlu_training_jobs_base_model_id_nlu_models")),
        sa.ForeignKeyConstraint(["model_id"], ["nlu_models.id"], name=op.f("fk_nlu_training_jobs_model_id_nlu_models")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nlu_training_jobs")),
        # One job at a time, enforced by the database (slot is 1 while queued/running, NULL afterwards).
        sa.UniqueConstraint("slot", name=op.f("uq_nlu_training_jobs_slot")),
    )
    op.create_table(
        "nlu_inbox_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=True),
        sa.Column("added_text", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nlu_inbox_resolutions")),
        sa.UniqueConstraint("text_hash", name=op.f("uq_nlu_inbox_resolutions_text_hash")),
    )


def downgrade() -> None:
    op.drop_table("nlu_inbox_resolutions")
    op.drop_table("nlu_training_jobs")
    op.drop_index(op.f("ix_nlu_model_activations_model_id"), table_name="nlu_model_activations")
    op.drop_table("nlu_model_activations")
    op.drop_table("nlu_models")
