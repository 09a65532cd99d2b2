from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.catalogue.models import ItemVersion
from api.database import Base

GENESIS_HASH = "0" * 64


class Commitment(Base):
    """One written commitment (告知承诺书), signed and appended to the platform's hash chain (P3).

    ``canonical`` is the exact text that was hashed and signed; it is the legal record. The other columns
    repeat parts of it for querying, and verification checks that they still agree with it, so a change to
    any stored value is detected (P3).
    """

    __tablename__ = "commitments"
    __table_args__ = (CheckConstraint("status IN ('accepted', 'licensed')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_no: Mapped[str] = mapped_column(String(32), unique=True)
    # P4: a retried request carries the same key and gets the first answer back, never a second commitment.
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("items.code"), index=True)
    item_version_id: Mapped[int] = mapped_column(ForeignKey("item_versions.id"))
    notice_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    # R8: the on-the-spot licence decision (当场作出行政许可决定); None for proof items.
    decision_no: Mapped[Optional[str]] = mapped_column(String(32), unique=True, nullable=True)
    channel: Mapped[str] = mapped_column(String(32))
    sender_id: Mapped[str] = mapped_column(String(128))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    record_hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(64))
    canonical: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    item_version: Mapped[ItemVersion] = relationship()
