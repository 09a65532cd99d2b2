"""The records an identity check produces, typed so that a commitment record can embed them as they are.

``IdentityAssurance`` says who was identified (the keyed hash of the ID number, never the number), by which
method, at which level, when, and who vouches for it. ``ActConfirmation`` adds the act the person confirmed
(意愿认证): which act, the SHA-256 of the exact SMS text that named it, and when the code came back.

Levels follow the usual three-step scale of identity assurance: ``low`` (a claim checked against what one
can know about a person), ``substantial`` (one factor the person holds, bound to a real-name registration:
a code sent to the 实名 mobile number, a city SSO login), ``high`` (the identity document checked face to face
or through the unified identity platform with a strong factor). Only the verifier decides the level.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime
from typing import Dict, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core import ids
from bot.core.canonical import canonical_json

SMS_OTP = "sms_otp"
OIDC = "oidc"
HOTLINE_ATTESTATION = "hotline_attestation"
METHODS = (SMS_OTP, OIDC, HOTLINE_ATTESTATION)

LOW = "low"
SUBSTANTIAL = "substantial"
HIGH = "high"
LEVELS = (LOW, SUBSTANTIAL, HIGH)

Method = Literal["sms_otp", "oidc", "hotline_attestation"]
Level = Literal["low", "substantial", "high"]

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def subject_hash(id_number: str, id_hash_key: bytes) -> str:
    """HMAC-SHA256 of the normalised ID number with the platform's ID-hash key.

    The same keyed hash the rest of the platform files people under, so an assurance can be matched to a
    commitment or an integrity file without the ID number ever being stored here (P5).
    """
    return hmac.new(id_hash_key, ids.clean_id(id_number).encode("utf-8"), hashlib.sha256).hexdigest()


def level_at_least(level: str, required: str) -> bool:
    """Whether ``level`` meets ``required`` on the low < substantial < high scale."""
    return LEVELS.index(level) >= LEVELS.index(required)


class IdentityAssurance(BaseModel):
    """How the platform established that the person acting is the holder of an ID number."""

    model_config = ConfigDict(frozen=True)

    assurance_id: str = Field(description="the platform's id of this assurance, to refer to it later")
    method: Method
    level: Level
    verified_at: datetime
    verifier: str = Field(description="who vouches: the SMS gateway, the OIDC issuer, the staff member")
    subject_hash: str = Field(description="keyed hash of the ID number (never the number)")
    masked_phone: Optional[str] = Field(None, description="SMS: the number the code went to, masked")
    external_subject: Optional[str] = Field(None, description="OIDC: the provider's subject identifier")
    detail: Dict[str, str] = Field(default_factory=dict, description="method-specific facts, e.g. how staff checked")

    def record(self) -> dict:
        """The assurance as plain JSON values (times in ISO 8601), ready for a canonical signed record."""
        return self.model_dump(mode="json")


class Act(BaseModel):
    """The act a person confirms with a code: the item by name and the exact statement by its hash."""

    model_config = ConfigDict(frozen=True)

    item_name: str = Field(min_length=1, max_length=60)
    statement_sha256: str = Field(description="SHA-256 (lower-case hex) of the commitment's statement")
    item_code: Optional[str] = Field(None, pattern=r"^[A-Za-z0-9_-]{1,32}$")

    @field_validator("item_name")
    @classmethod
    def _printable_name(cls, value: str) -> str:
        value = value.strip()
        # The name is printed inside the SMS: no line breaks, control characters or quotes that would let a
        # caller make the message say something else than the act.
        if not value or any(not ch.isprintable() or ch in "『』\u2028\u2029" for ch in value):
            raise ValueError("item_name must be one line of printable text without 『』")
        return value

    @field_validator("statement_sha256")
    @classmethod
    def _hex_digest(cls, value: str) -> str:
        value = value.strip().lower()
        if not _SHA256_HEX.fullmatch(value):
            raise ValueError("statement_sha256 must be 64 hexadecimal digits")
        return value

    def digest(self) -> str:
        """SHA-256 of the act's canonical JSON: what a code for this act is bound to."""
        return hashlib.sha256(canonical_json(self.model_dump(mode="json"))).hexdigest()


class ActConfirmation(BaseModel):
    """意愿认证: the person confirmed this act with the code sent in a message naming it."""

    model_config = ConfigDict(frozen=True)

    act: Act
    act_sha256: str = Field(description="Act.digest(): the act the code was bound to")
    sms_text_sha256: Optional[str] = Field(
        None, description="SHA-256 of the exact UTF-8 text of the SMS that named the act (SMS codes only; a new "
        "login at the identity platform made for this act has none)")
    confirmed_at: datetime
    assurance: IdentityAssurance

    def record(self) -> dict:
        return self.model_dump(mode="json")
