from __future__ import annotations

from datetime import date, datetime
from typing import List, Optional

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.checks import one_of
from api.database import Base
from api.personal_text import IdMaskedJSON, IdMaskedText  # P5: free text keeps no full ID number

SEVERITIES = ("一般", "较重", "严重")  # R16: false commitments are graded by severity
# R16 / 五(七): what kind of breach a record is about.
RECORD_TYPES = ("虚假承诺", "未履行承诺")
REPAIR_STATUSES = ("pending", "approved", "refused")
OBJECTION_STATUSES = ("pending", "upheld", "corrected")


class IntegrityFile(Base):
    """诚信档案 of one applicant (R16), keyed by an HMAC of the ID number, never the number itself (P5)."""

    __tablename__ = "integrity_files"
    __table_args__ = (CheckConstraint("subject_type IN ('person', 'enterprise')", name="subject_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_hash: Mapped[str] = mapped_column(String(64), unique=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))  # a person's name masked (张*), an enterprise's in full
    # HMAC of the full name: "name and ID must match" (P5) is checked without storing the name in clear.
    name_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    records: Mapped[List["CreditRecord"]] = relationship(
        back_populates="integrity_file", order_by="CreditRecord.occurred_on"
    )


class CreditRecord(Base):
    """One entry of an integrity file: e.g. a false commitment (虚假承诺), its severity and its repair (信用修复)."""

    __tablename__ = "credit_records"
    __table_args__ = (one_of("severity", SEVERITIES),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    integrity_file_id: Mapped[int] = mapped_column(ForeignKey("integrity_files.id"), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(8))
    occurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(IdMaskedText, default="")
    repaired_at: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    # The commitment whose verification found it (R14); None for records brought in from elsewhere (demo data).
    # SET NULL: the record is the legal consequence and outlives the commitment row (the description names it).
    commitment_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("commitments.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The authority that made the record (认定部门), the one a repair or an objection is addressed to.
    authority: Mapped[str] = mapped_column(String(100), default="")
    # An objection found the record wrong and it was struck out (异议处理, R16): it stays for the audit trail
    # but no longer counts anywhere.
    annulled_at: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    created_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)

    integrity_file: Mapped[IntegrityFile] = relationship(back_populates="records")
    repairs: Mapped[List["CreditRepair"]] = relationship(back_populates="record", order_by="CreditRepair.id")
    objections: Mapped[List["CreditObjection"]] = relationship(back_populates="record", order_by="CreditObjection.id")


class _DecidedCase:
    """What a repair application and an objection both are: a request about one record, pending until an
    officer decides it. Columns only; each table keeps its own name, check and relationship."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    credit_record_id: Mapped[int] = mapped_column(ForeignKey("credit_records.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    decided_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_by: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    decision_note: Mapped[str] = mapped_column(IdMaskedText, default="")


class CreditRepair(_DecidedCase, Base):
    """信用修复: the applicant asks, with reasons, that a record stop counting; an officer approves or refuses (R16).

    Approval sets the record's ``repaired_at``: a repaired record no longer bars commitment (R4), but the
    applicant's later commitments are always verified (R13, 五(六) credit as a factor of the plan).
    """

    __tablename__ = "credit_repairs"
    __table_args__ = (one_of("status", REPAIR_STATUSES),)

    reasons: Mapped[str] = mapped_column(IdMaskedText)
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    record: Mapped[CreditRecord] = relationship(back_populates="repairs")


class CreditObjection(_DecidedCase, Base):
    """异议: the applicant disputes a record; an officer upholds it or corrects it by ``due_date`` (R16, 五(七))."""

    __tablename__ = "credit_objections"
    __table_args__ = (one_of("status", OBJECTION_STATUSES),)

    grounds: Mapped[str] = mapped_column(IdMaskedText)
    filed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    due_date: Mapped[date] = mapped_column(Date)  # working days from filing (api.verification.calendar)
    # What a correction changed: {"before": {...}, "after": {...}}, so the record's history stays readable.
    correction: Mapped[Optional[dict]] = mapped_column(IdMaskedJSON, nullable=True)

    record: Mapped[CreditRecord] = relationship(back_populates="objections")
