"""Hotline console and human handoff: assisted sessions, their read-aloud evidence, the handoff queue.

Revision ID: 0006_hotline_handoff
Revises: 0001
Create Date: 2026-11-27
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006_hotline_handoff"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
# staff_users comes from the access revision.
depends_on: Union[str, Sequence[str], None] = ("0002_access_lifecycle",)


def upgrade() -> None:
    op.create_table(
        "hotline_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("sender_id", sa.String(length=64), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=False),
        sa.Column("staff_username", sa.String(length=64), nullable=False),
        sa.Column("call_id", sa.String(length=64), nullable=True),
        sa.Column("caller_phone", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("commitment_no", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_user_id"], ["staff_users.id"], name=op.f("fk_hotline_sessions_staff_user_id_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hotline_sessions")),
        sa.UniqueConstraint("session_id", name=op.f("uq_hotline_sessions_session_id")),
        sa.UniqueConstraint("sender_id", name=op.f("uq_hotline_sessions_sender_id")),
    )
    op.create_index(op.f("ix_hotline_sessions_staff_user_id"), "hotline_sessions", ["staff_user_id"])
    op.create_table(
        "hotline_evidence_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("notice_version", sa.String(length=64), nullable=True),
        sa.Column("section_index", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["hotline_sessions.id"], name=op.f("fk_hotline_evidence_events_session_id_hotline_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hotline_evidence_events")),
    )
    op.create_index(op.f("ix_hotline_evidence_events_session_id"), "hotline_evidence_events", ["session_id"])
    op.create_table(
        "handoff_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("asked_times", sa.Integer(), nullable=False),
        sa.Column("taken_by", sa.String(length=64), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoff_requests")),
    )
    op.create_index(op.f("ix_handoff_requests_sender_id"), "handoff_requests", ["sender_id"])
    op.create_index("ix_handoff_requests_status_created_at", "handoff_requests", ["status", "created_at"])
    op.create_table(
        "handoff_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("delivery", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["handoff_requests.id"], name=op.f("fk_handoff_messages_request_id_handoff_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoff_messages")),
    )
    op.create_index(op.f("ix_handoff_messages_request_id"), "handoff_messages", ["request_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_handoff_messages_request_id"), table_name="handoff_messages")
    op.drop_table("handoff_messages")
    op.drop_index("ix_handoff_requests_status_created_at", table_name="handoff_requests")
    op.drop_index(op.f("ix_handoff_requests_sender_id"), table_name="handoff_requests")
    op.drop_table("handoff_requests")
    op.drop_index(op.f("ix_hotline_evidence_events_session_id"), table_name="hotline_evidence_events")
    op.drop_table("hotline_evidence_events")
    op.drop_index(op.f("ix_hotline_sessions_staff_user_id"), table_name="hotline_sessions")
    op.drop_table("hotline_sessions")
