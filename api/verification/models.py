from __future__ import annotations

from datetime import date, datetime
from typing import Any, List, Optional

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.checks import one_of
from api.commitments.models import Commitment
from api.database import Base
from api.personal_text import IdMaskedJSON, IdMaskedText  # P5: free text keeps no full ID number

METHODS = ("online", "onsite", "exempt")
TASK_STATUSES = ("open", "done")
RESULTS = ("属实", "不实")
# Why a task is, or is not, in an officer's worklist (R13, 五(六)): recorded so every selection is explainable.
SELECTION_REASONS = (
    "complaint",  # a complaint names the commitment (R11): always checked
    "repaired_credit",  # the applicant's record was repaired (信用修复): always checked
    "credit_record",  # a minor (一般) record on file: always checked
    "sampled",  # clean credit, drawn by the plan's sampling rate (双随机)
    "not_sampled",  # clean credit, not drawn
    "exempt",  # the plan exempts the item from verification (免予核查)
)
SHARED_DATA_SOURCES = ("housing_ownership", "household_registration", "social_insurance", "enterprise_registration")


class VerificationTask(Base):
    """核查任务: one per commitment, created with it, from the item's verification plan (R12-R14, 五(六)).

    ``selected`` says whether an officer must check it; ``selection_reason`` and, for a sampled commitment,
    ``sample_draw`` and ``sampling_rate`` say why, so the 双随机 draw can be audited afterwards.
    """

    __tablename__ = "verification_tasks"
    __table_args__ = (
        one_of("status", TASK_STATUSES),
        one_of("method", METHODS),
        one_of("result", RESULTS, nullable=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # CASCADE: a task means nothing without its commitment. Commitments are never deleted by the product; if
    # someone deletes one behind its back, the chain check reports the gap (P3) instead of the FK hiding it.
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), unique=True)
    item_code: Mapped[str] = mapped_column(String(16), index=True)
    method: Mapped[str] = mapped_column(String(8))
    time_limit_days: Mapped[int] = mapped_column(Integer)
    standard: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date] = mapped_column(Date, index=True)
    # True while the holiday table did not cover the due date's year: counted on weekdays only, recounted
    # as soon as the State Council's arrangement is added (api.verification.service.recount_provisional).
    due_date_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    selected: Mapped[bool] = mapped_column(Boolean, index=True)
    selection_reason: Mapped[str] = mapped_column(String(32))
    sampling_rate: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    sample_draw: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    started_by: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    # The latest online check (R12 在线核查): the adapter's answer and the evidence it cited.
    online_outcome: Mapped[Optional[str]] = mapped_column(String(8), nullable=True)
    online_evidence: Mapped[Optional[Any]] = mapped_column(IdMaskedJSON, nullable=True)
    online_adapter: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    online_checked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    result: Mapped[Optional[str]] = mapped_column(String(4), nullable=True)
    findings: Mapped[str] = mapped_column(IdMaskedText, default="")
    # R14: the measures taken on a 不实 result, e.g. [{"code": "revoke", "detail": "..."}].
    measures: Mapped[Optional[List[Any]]] = mapped_column(JSON, nullable=True)
    # 责令限期整改: the task stays open until this date, when the officer records whether it was rectified.
    rectify_by: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    decided_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_by: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    commitment: Mapped[Commitment] = relationship()


class SharedDataRecord(Base):
    """A local copy of what a data-sharing source says about one person or enterprise (R12, 五(五)).

    The shipped ``LocalSharedDataAdapter`` verifies against these rows; a deployment connected to the city's
    data-sharing platform swaps the adapter (GZ_SHARED_DATA_ADAPTER) and leaves this table empty. Subjects are
    keyed by the same HMAC as integrity files, never by the raw ID (P5).
    """

    __tablename__ = "shared_data_records"
    __table_args__ = (
        UniqueConstraint("source", "subject_hash"),
        CheckConstraint(
            "source IN ('housing_ownership', 'household_registration', 'social_insurance', 'enterprise_registration')",
            name="source",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    subject_hash: Mapped[str] = mapped_column(String(64), index=True)
    facts: Mapped[Any] = mapped_column(JSON)
    provider: Mapped[str] = mapped_column(String(100))  # the department whose data it is (数据提供部门)
    as_of: Mapped[date] = mapped_column(Date)


class RegisteredPhone(Base):
    """The real-name (实名) mobile number the data-sharing platform holds for one person (local demo copy).

    A commitment's phone must be this number where one is held (api/commitments/service.py). Keyed by the ID's
    keyed hash like every shared-data row; the number itself is sealed with the data key ring (P5), bound to the
    subject, so the table shows no phone number in clear."""

    __tablename__ = "registered_phones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_hash: Mapped[str] = mapped_column(String(64), unique=True)
    phone_sealed: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(String(100))
    as_of: Mapped[date] = mapped_column(Date)
