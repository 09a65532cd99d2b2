from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.commitments.sealed import SealedText
from api.database import Base


class HotlineSession(Base):
    """One assisted session: a 12345 staff member runs the journey for one caller.

    The Rasa conversation is ``sender_id`` (``hotline-<session_id>``) on the hotline channel; only this
    staff member can talk in it. ``caller_phone`` is the evidence of which call it was: sealed at rest, shown
    masked (P5).
    """

    __tablename__ = "hotline_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(String(32), unique=True)
    sender_id: Mapped[str] = mapped_column(String(64), unique=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    staff_username: Mapped[str] = mapped_column(String(64))
    call_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    caller_phone: Mapped[Optional[str]] = mapped_column(SealedText("hotline_sessions.caller_phone"), nullable=True)  # P5
    status: Mapped[str] = mapped_column(String(16))  # open | ended
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    commitment_no: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)


class HotlineEvidenceEvent(Base):
    """Append-only: a "已宣读" tick of one notification section, or the staff member's attestation.

    Timestamped by the API's clock when the staff member ticks, never by the browser. A commitment's assisted
    evidence must match these rows (api/hotline/evidence.py), so a channel cannot invent ticks.
    """

    __tablename__ = "hotline_evidence_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("hotline_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # read_aloud | attestation
    notice_version: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    section_index: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    staff_username: Mapped[str] = mapped_column(String(64))
