from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.catalogue.models import ItemVersion
from api.database import Base
from api.personal_text import IdMaskedText  # P5: free text keeps no full ID number

GENESIS_HASH = "0" * 64

# The lifecycle of a commitment (contract stage ``commitment_status``); transitions in api.commitments.lifecycle.
STATUSES = ("accepted", "licensed", "under_verification", "verified", "withdrawn", "revoked")


def _status_at_signing(context) -> str:
    # A new commitment's current status is the status it was signed with (accepted, or licensed for R8).
    return context.get_current_parameters()["status"]


class Commitment(Base):
    """One written commitment (告知承诺书), signed and appended to the platform's hash chain (P3).

    ``canonical`` is the exact text that was hashed and signed; it is the legal record. The other columns
    repeat parts of it for querying, and verification checks that they still agree with it, so a change to
    any stored value is detected (P3).
    """

    __tablename__ = "commitments"
    __table_args__ = (
        CheckConstraint("status IN ('accepted', 'licensed')", name="status"),
        CheckConstraint(
            "current_status IN ('accepted', 'licensed', 'under_verification', 'verified', 'withdrawn', 'revoked')",
            name="current_status",
        ),
    )

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
    # The same record in the Chinese algorithms (migration 0011): SM3 of the signed bytes, the SM3 chain link
    # (also inside the signed JSON), SM2 signature (base64 of r || s) and its key. None on records signed
    # before, which verify with Ed25519 and SHA-256 alone and report SM2 as "absent".
    sm3_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    sm3_prev_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    sm2_signature: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    sm2_key_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)

    # --- not signed: what happened after signing ------------------------------------------------------
    # ``status`` above is the status at signing and is covered by the signature; the lifecycle moves on in
    # ``current_status``, changed only by api.commitments.lifecycle.transition, which appends the reason for
    # every change to ``commitment_events``. Verification (P3) does not read these columns.
    current_status: Mapped[str] = mapped_column(String(24), default=_status_at_signing)
    # HMAC of the applicant's ID (the integrity-file key, api.credit.service.id_hash): how an authenticated
    # applicant finds their own commitments without the platform searching by raw ID (P5).
    applicant_id_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True, index=True)
    # R11 / 五(四): a complaint names this commitment, so it must be verified whatever the sampling drew.
    # Set by api.complaints.service; read by api.verification (task selection reason "complaint").
    verification_mandatory: Mapped[bool] = mapped_column(Boolean, default=False)
    # The channel's id of the user message that affirmed this commitment (signed in the record's channel
    # evidence): unique, so one signed affirmation can never make a second commitment (replay).
    affirmation_message_id: Mapped[Optional[str]] = mapped_column(String(200), nullable=True, unique=True, index=True)
    # The act confirmation (意愿认证, an act code sent to the signer's 实名 phone) that signed this commitment,
    # also inside the signed record: unique, so one confirmation can never sign a second commitment. NULL for
    # the hotline (the staff attestation and the read-aloud ticks are the will there) and for earlier records.
    act_confirmation_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True, unique=True, index=True)
    # The receipt's secret check code (not signed: a secret has no place in a record officers read). Receipt
    # numbers are sequential and guessable; the public verification answers only number and code together.
    # Set for every commitment (migration 0016 gave earlier ones theirs).
    check_code: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)

    item_version: Mapped[ItemVersion] = relationship()


class CommitmentEvent(Base):
    """One transition of a commitment's lifecycle: who, when, why (R17). Append-only: the migration
    installs triggers that refuse UPDATE and DELETE."""

    __tablename__ = "commitment_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(100))  # username, "applicant:<hash prefix>", "system"
    role: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(IdMaskedText)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
