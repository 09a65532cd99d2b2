from __future__ import annotations

from datetime import date, datetime
from typing import List, Optional

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.database import Base

SEVERITIES = ("一般", "较重", "严重")  # R16: false commitments are graded by severity


class IntegrityFile(Base):
    """诚信档案 of one applicant (R16), keyed by an HMAC of the ID number, never the number itself (P5)."""

    __tablename__ = "integrity_files"
    __table_args__ = (CheckConstraint("subject_type IN ('person', 'enterprise')", name="subject_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_hash: Mapped[str] = mapped_column(String(64), unique=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))  # a person's name masked (张*), an enterprise's in full
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    records: Mapped[List["CreditRecord"]] = relationship(
        back_populates="integrity_file", order_by="CreditRecord.occurred_on"
    )


class CreditRecord(Base):
    """One entry of an integrity file: e.g. a false commitment (虚假承诺), its severity and its repair (信用修复)."""

    __tablename__ = "credit_records"
    __table_args__ = (CheckConstraint("severity IN ('一般', '较重', '严重')", name="severity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    integrity_file_id: Mapped[int] = mapped_column(ForeignKey("integrity_files.id"), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(8))
    occurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    repaired_at: Mapped[Optional[date]] = mapped_column(Date, nullable=True)

    integrity_file: Mapped[IntegrityFile] = relationship(back_populates="records")
