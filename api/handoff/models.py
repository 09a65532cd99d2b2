from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from api.database import Base
from api.personal_text import IdMaskedText  # P5: free text keeps no full ID number

# waiting: in the queue; active: a staff member has taken it over (the bot is paused); closed: handed back.
HANDOFF_STATUSES = ("waiting", "active", "closed")
# At most one waiting request per conversation, kept by the database itself (migration 0018): two requests
# from one conversation arriving together cannot both queue it, whatever the application checks first.
ONE_WAITING_INDEX = "ux_handoff_requests_waiting_sender"
_WAITING = text("status = 'waiting'")


class HandoffRequest(Base):
    """One conversation waiting for, or talking to, a person. At most one open per sender (at most one
    waiting is enforced by a partial unique index; ``enqueue`` returns the open one before queuing another).

    ``sender_id`` is the Rasa conversation id (a widget session, a WeChat openid, a REST sender); it is never
    shown unmasked (P5). The transcript is not copied here: it is read from Rasa's tracker when a staff member
    opens the request, so there is one record of the conversation.
    """

    __tablename__ = "handoff_requests"
    __table_args__ = (
        Index("ix_handoff_requests_status_created_at", "status", "created_at"),
        Index(ONE_WAITING_INDEX, "sender_id", unique=True, sqlite_where=_WAITING, postgresql_where=_WAITING),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    channel: Mapped[str] = mapped_column(String(32))  # one of CHANNELS below
    reason: Mapped[str] = mapped_column(String(32))  # user_request | repeated_fallback | repeated_invalid
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    asked_times: Mapped[int] = mapped_column(Integer, default=1)  # asked again while waiting
    taken_by: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    taken_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_by: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    closed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    # What the citizen last wrote before asking (and when asking again), so an agent with a long queue sees what
    # each request is about and can find one by a word of it. ID, credit-code and mobile numbers are masked before
    # it is stored (P5); ``search_text`` is the same text normalised (simplified, half-width, lower case).
    preview: Mapped[Optional[str]] = mapped_column(IdMaskedText, nullable=True)
    search_text: Mapped[Optional[str]] = mapped_column(Text, nullable=True)


class HandoffMessage(Base):
    """What a staff member wrote to the citizen, and how it went out (pushed, or queued for REST)."""

    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("handoff_requests.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    staff: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(IdMaskedText)
    delivery: Mapped[str] = mapped_column(String(16))  # pushed | next_reply


# The channels a conversation can be handed over from; staff messages are pushed to the first two.
PUSH_CHANNELS = {"socketio": "网站对话窗口", "wechat": "微信公众号"}
CHANNELS = {**PUSH_CHANNELS, "rest": "其他应用接入", "hotline": "12345热线"}
