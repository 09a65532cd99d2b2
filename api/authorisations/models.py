"""The ``authorisations`` table: one special authorisation (特别授权) per row, signed by the platform."""
from __future__ import annotations

from datetime import date, datetime
from typing import List, Optional

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.checks import one_of
from api.commitments.sealed import SealedText
from api.database import Base

KINDS = ("electronic", "paper")


class Authorisation(Base):
    """A principal's special authorisation for an agent to make commitments (代为作出告知承诺) for them.

    ``canonical`` is the grant as it was signed, with the names, ID numbers and the statement naming them
    sealed (P5); ``record_sha256`` and the signatures are over the plaintext canonical JSON. People are found
    by the keyed hash of their ID number (``api.identity.assurance.subject_hash``), never by the number.

    The secret code is stored only as an HMAC (``api.authorisations.service.code_hmac``). Wrong codes are
    counted per number; at ``MAX_WRONG_CODES`` the authorisation is locked for use, while the principal can
    still see and revoke it.
    """

    __tablename__ = "authorisations"
    __table_args__ = (
        one_of("kind", KINDS),
        CheckConstraint(
            "(kind = 'electronic' AND principal_assurance_id IS NOT NULL) OR "
            "(kind = 'paper' AND staff_actor IS NOT NULL AND document_no IS NOT NULL "
            "AND document_date IS NOT NULL AND scan_sha256 IS NOT NULL)",
            name="evidence",
        ),
        CheckConstraint("wrong_tries >= 0", name="wrong_tries"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    code_hmac: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(12))
    principal_hash: Mapped[str] = mapped_column(String(64), index=True)
    principal_name: Mapped[str] = mapped_column(SealedText("authorisations.principal_name"))
    principal_id: Mapped[str] = mapped_column(SealedText("authorisations.principal_id"))
    agent_hash: Mapped[str] = mapped_column(String(64), index=True)
    agent_name: Mapped[str] = mapped_column(SealedText("authorisations.agent_name"))
    agent_id: Mapped[str] = mapped_column(SealedText("authorisations.agent_id"))
    item_codes: Mapped[List[str]] = mapped_column(JSON)
    scope: Mapped[List[str]] = mapped_column(JSON)
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    # Electronic: the identity assurance the principal granted it under.
    principal_assurance_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    # Paper: who recorded it, the letter's own number and date, and the scan only by its digest, size and type.
    staff_actor: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    document_no: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    document_date: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    scan_sha256: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    scan_size: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    scan_type: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    # The signed grant (sealed at rest), its SHA-256 and the platform's signatures (Ed25519, and SM2 if present).
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(64))
    sm2_signature: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    sm2_key_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    wrong_tries: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
