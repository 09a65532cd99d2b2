"""Access (P5), commitment lifecycle (R17), complaints (R11).

Staff accounts, login rate limit and audit trail (P5); the commitment lifecycle
(current_status, commitment_events, R17); complaints (R11); the applicant key and the mandatory-verification
flag on commitments.

The signed columns of ``commitments`` are untouched: the new columns are outside the signature (P3).

Revision ID: 0002_access_lifecycle
Revises: 0001
Create Date: 2026-11-27
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002_access_lifecycle"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CURRENT_STATUSES = "('accepted', 'licensed', 'under_verification', 'verified', 'withdrawn', 'revoked')"
# History that must never be rewritten: the audit trail, the lifecycle transitions, what was done on a complaint.
APPEND_ONLY = ("audit_events", "commitment_events", "complaint_actions")


def _append_only(table: str, sqlite: bool) -> None:
    if sqlite:
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER trg_{table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        op.execute(
            f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION gz_refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION gz_refuse_change()"
        )


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"

    # --- commitments: the unsigned lifecycle columns ----------------------------------------------------
    if sqlite:
        # ALTER TABLE ADD COLUMN keeps the signed rows byte for byte (a batch copy would rebuild the table,
        # which other revisions' foreign keys point at); SQLite takes a CHECK inline.
        op.execute(
            "ALTER TABLE commitments ADD COLUMN current_status VARCHAR(24) NOT NULL DEFAULT 'accepted' "
            f"CONSTRAINT ck_commitments_current_status CHECK (current_status IN {CURRENT_STATUSES})"
        )
    else:
        op.add_column(
            "commitments", sa.Column("current_status", sa.String(length=24), nullable=False, server_default="accepted")
        )
        op.create_check_constraint(
            op.f("ck_commitments_current_status"), "commitments", f"current_status IN {CURRENT_STATUSES}"
        )
    # Every existing commitment is where it was signed: accepted, or licensed (R8).
    op.execute("UPDATE commitments SET current_status = status")
    op.add_column("commitments", sa.Column("applicant_id_hash", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_commitments_applicant_id_hash"), "commitments", ["applicant_id_hash"], unique=False)
    op.add_column(
        "commitments",
        sa.Column("verification_mandatory", sa.Boolean(), nullable=False, server_default=sa.false()),
    )

    op.create_table(
        "commitment_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=False),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"], ["commitments.id"], name=op.f("fk_commitment_events_commitment_id_commitments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_events")),
    )
    op.create_index(op.f("ix_commitment_events_commitment_id"), "commitment_events", ["commitment_id"], unique=False)

    # --- access (P5) ----------------------------------------------------------------------------------------
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('staff', 'officer', 'admin')", name=op.f("ck_staff_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_users")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_users_username")),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index(
        "ix_login_failures_username_client_ip_at", "login_failures", ["username", "client_ip", "at"], unique=False
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=True),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_at"), "audit_events", ["at"], unique=False)
    op.create_index(op.f("ix_audit_events_actor"), "audit_events", ["actor"], unique=False)
    op.create_index(op.f("ix_audit_events_action"), "audit_events", ["action"], unique=False)
    op.create_index(op.f("ix_audit_events_target"), "audit_events", ["target"], unique=False)

    # --- complaints (R11) -------------------------------------------------------------------------------------
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_no", sa.String(length=32), nullable=False),
        sa.Column("dedupe_key", sa.String(length=64), nullable=False),
        sa.Column("complaint_text", sa.Text(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("sender_id", sa.String(length=128), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assignee", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('received', 'assigned', 'in_progress', 'closed')", name=op.f("ck_complaints_status")
        ),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitments.id"], name=op.f("fk_complaints_commitment_id_commitments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("ticket_no", name=op.f("uq_complaints_ticket_no")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_complaints_dedupe_key")),
    )
    op.create_index(op.f("ix_complaints_commitment_id"), "complaints", ["commitment_id"], unique=False)
    op.create_index(op.f("ix_complaints_status"), "complaints", ["status"], unique=False)
    op.create_index(op.f("ix_complaints_assignee"), "complaints", ["assignee"], unique=False)
    op.create_index(op.f("ix_complaints_due_date"), "complaints", ["due_date"], unique=False)
    op.create_table(
        "complaint_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"], ["complaints.id"], name=op.f("fk_complaint_actions_complaint_id_complaints")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_actions")),
    )
    op.create_index(op.f("ix_complaint_actions_complaint_id"), "complaint_actions", ["complaint_id"], unique=False)

    if not sqlite:
        op.execute(
            "CREATE OR REPLACE FUNCTION gz_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$"
        )
    for table in APPEND_ONLY:
        _append_only(table, sqlite)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in APPEND_ONLY:
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_delete")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_truncate ON {table}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS gz_refuse_change()")
    op.drop_index(op.f("ix_complaint_actions_complaint_id"), table_name="complaint_actions")
    op.drop_table("complaint_actions")
    for index in ("ix_complaints_due_date", "ix_complaints_assignee", "ix_complaints_status", "ix_complaints_commitment_id"):
        op.drop_index(op.f(index), table_name="complaints")
    op.drop_table("complaints")
    for index in ("ix_audit_events_target", "ix_audit_events_action", "ix_audit_events_actor", "ix_audit_events_at"):
        op.drop_index(op.f(index), table_name="audit_events")
    op.drop_table("audit_events")
    op.drop_index("ix_login_failures_username_client_ip_at", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_table("staff_users")
    op.drop_index(op.f("ix_commitment_events_commitment_id"), table_name="commitment_events")
    op.drop_table("commitment_events")
    op.drop_index(op.f("ix_commitments_applicant_id_hash"), table_name="commitments")
    if sqlite:
        # SQLite (>= 3.35) drops a column in place; its inline CHECK goes with it.
        for column in ("verification_mandatory", "applicant_id_hash", "current_status"):
            op.execute(f"ALTER TABLE commitments DROP COLUMN {column}")
    else:
        op.drop_constraint(op.f("ck_commitments_current_status"), "commitments", type_="check")
        for column in ("verification_mandatory", "applicant_id_hash", "current_status"):
            op.drop_column("commitments", column)
