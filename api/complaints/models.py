from __future__ import annotations

from datetime import date, datetime
from typing import List, Optional

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.checks import one_of
from api.commitments.models import Commitment
from api.commitments.sealed import SealedText
from api.database import Base
from api.personal_text import IdMaskedText  # P5: free text keeps no full ID number

# received -> assigned (to an officer) -> in_progress (handling notes) -> closed (with a conclusion).
COMPLAINT_STATUSES = ("received", "assigned", "in_progress", "closed")


class Complaint(Base):
    """One complaint or report ticket (投诉举报), with the deadline it must be closed by (R11).

    Anonymous complaints have no phone. The complaint text is kept as written: it is the complainant's
    evidence; staff reads of it are audit-logged (P5) and nothing of it is ever public.
    """

    __tablename__ = "complaints"
    __table_args__ = (
        one_of("status", COMPLAINT_STATUSES),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_no: Mapped[str] = mapped_column(String(32), unique=True)
    # P4: the same complaint resent by a retrying channel gets the first ticket back.
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    complaint_text: Mapped[str] = mapped_column(IdMaskedText)
    commitment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("commitments.id"), nullable=True, index=True)
    # P5: sealed at rest (read back in clear by the API only, shown masked); never searched by value.
    phone: Mapped[Optional[str]] = mapped_column(SealedText("complaints.phone"), nullable=True)
    channel: Mapped[str] = mapped_column(String(32))
    sender_id: Mapped[Optional[str]] = mapped_column(String(128), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="received", index=True)
    assignee: Mapped[Optional[str]] = mapped_column(String(64), nullable=True, index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    closed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    conclusion: Mapped[Optional[str]] = mapped_column(IdMaskedText, nullable=True)

    commitment: Mapped[Optional[Commitment]] = relationship()
    actions: Mapped[List["ComplaintAction"]] = relationship(order_by="ComplaintAction.id")


class ComplaintAction(Base):
    """What was done on a ticket, by whom and when (append-only, like the audit trail)."""

    __tablename__ = "complaint_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # received | assigned | handled | closed
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(IdMaskedText, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
