"""one waiting handoff per conversation

Revision ID: 0018_one_waiting_handoff
Revises: 0017_authorisations

``enqueue`` looked for the conversation's open request and inserted one when it found none: two requests from
one conversation arriving together (a double click in the widget, a retried call from the action server) could
both find none and queue the conversation twice, and two agents could then take the same citizen. A partial
unique index on ``sender_id`` over the waiting rows makes the database refuse the second one (SQLite and
PostgreSQL both have partial indexes); ``enqueue`` then returns the request that won.

Rows that already break the rule are closed first, keeping the conversation's oldest waiting request (its place
in the queue): ``closed_by`` ``system`` marks them, and the extra askings are added to the kept request's count.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0018_one_waiting_handoff"
down_revision: Union[str, Sequence[str], None] = "0017_authorisations"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEX = "ux_handoff_requests_waiting_sender"
WAITING = sa.text("status = 'waiting'")


def upgrade() -> None:
    bind = op.get_bind()
    handoff = sa.table(
        "handoff_requests",
        sa.column("id", sa.Integer), sa.column("sender_id", sa.String), sa.column("status", sa.String),
        sa.column("asked_times", sa.Integer), sa.column("closed_by", sa.String),
        sa.column("closed_at", sa.DateTime(timezone=True)),
    )
    rows = bind.execute(
        sa.select(handoff.c.id, handoff.c.sender_id, handoff.c.asked_times)
        .where(handoff.c.status == "waiting").order_by(handoff.c.sender_id, handoff.c.id)
    ).all()
    kept: dict = {}
    extra_askings: dict = {}
    duplicates = []
    for request_id, sender_id, asked_times in rows:
        if sender_id not in kept:
            kept[sender_id] = request_id
            continue
        duplicates.append(request_id)
        extra_askings[kept[sender_id]] = extra_askings.get(kept[sender_id], 0) + (asked_times or 1)
    if duplicates:
        bind.execute(
            handoff.update().where(handoff.c.id.in_(duplicates))
            .values(status="closed", closed_by="system", closed_at=datetime.now(timezone.utc))
        )
    for request_id, extra in extra_askings.items():
        bind.execute(
            handoff.update().where(handoff.c.id == request_id).values(asked_times=handoff.c.asked_times + extra)
        )
    op.create_index(
        INDEX, "handoff_requests", ["sender_id"], unique=True, sqlite_where=WAITING, postgresql_where=WAITING,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="handoff_requests")
