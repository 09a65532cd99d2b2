"""Tables of the identity module: one-time codes (only their keyed hash) and the assurances they produced."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Optional

from sqlalchemy import JSON, CheckConstraint, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.checks import one_of
from api.database import Base
from api.identity.assurance import LEVELS, METHODS

CODE_STATES = ("active", "used", "superseded", "locked", "void")


class OneTimeCode(Base):
    """A code sent by SMS. The code itself is never stored: ``code_hash`` is an HMAC over the code and what it
    is bound to (this row's ``challenge_id``, the purpose, the act), so neither a copy of the table nor an
    edit of its purpose or act turns into a usable code. The ID, phone and client appear only as keyed hashes.
    """

    __tablename__ = "identity_codes"
    __table_args__ = (
        CheckConstraint("purpose IN ('login', 'act')", name="purpose"),
        one_of("state", CODE_STATES),
        Index("ix_identity_codes_subject_hash_created_at", "subject_hash", "created_at"),
        Index("ix_identity_codes_phone_hash_created_at", "phone_hash", "created_at"),
        Index("ix_identity_codes_client_hash_created_at", "client_hash", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    challenge_id: Mapped[str] = mapped_column(String(32), unique=True)
    subject_hash: Mapped[str] = mapped_column(String(64))
    phone_hash: Mapped[str] = mapped_column(String(64))
    client_hash: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(8))
    # The act (item name, statement hash) and its digest; NULL for a login code.
    act: Mapped[Optional[Dict[str, Any]]] = mapped_column(JSON, nullable=True)
    act_sha256: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    masked_phone: Mapped[str] = mapped_column(String(16))
    # The SMS text before and after the code: with the code typed back they give the exact text that was sent.
    text_before_code: Mapped[str] = mapped_column(Text)
    text_after_code: Mapped[str] = mapped_column(Text)
    gateway: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    wrong_tries: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(12), default="active")
    used_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class AssuranceRecord(Base):
    """One identity assurance (``api.identity.assurance.IdentityAssurance``), and for an act code the act
    confirmation, as established; a later step refers to it by ``assurance_id``."""

    __tablename__ = "identity_assurances"
    __table_args__ = (
        one_of("method", METHODS),
        one_of("level", LEVELS),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assurance_id: Mapped[str] = mapped_column(String(32), unique=True)
    method: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))
    subject_hash: Mapped[str] = mapped_column(String(64), index=True)
    verifier: Mapped[str] = mapped_column(String(200))
    verified_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    masked_phone: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    external_subject: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    detail: Mapped[Dict[str, Any]] = mapped_column(JSON, default=dict)
    # The conversation (chat sender, hotline session, browser login) the assurance was made in, as a keyed hash
    # (``api.identity.store.client_hash``): an assurance vouches for a person in that conversation only.
    client_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True, index=True)
    # Act confirmations (意愿认证) only.
    act: Mapped[Optional[Dict[str, Any]]] = mapped_column(JSON, nullable=True)
    act_sha256: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    sms_text_sha256: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
