"""``hotline_attestation``: a staff member on the 12345 line attests that they checked the caller's identity.

The attestation records who attests (the staff account), how they checked (one of ``HOW``, which sets the
level) and when, with a short note; it is audited like every staff action. The staff member is accountable for
it: the platform cannot check a phone call, so a check that proves less gives a lower level.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Dict, Optional, Protocol, Tuple

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.clock import utc
from api.errors import ApiError
from api.identity.assurance import HOTLINE_ATTESTATION, LOW, SUBSTANTIAL, IdentityAssurance, subject_hash
from api.identity.otp import checked_id
from api.identity.store import new_id, save_assurance
from api.identity.texts import MESSAGES

# How the staff member checked -> (what the record says, the level it gives).
HOW: Dict[str, Tuple[str, str]] = {
    # Called back on the 实名 number the shared data holds for the ID: the caller holds that phone.
    "callback_registered_phone": ("回拨该证件号码登记的实名手机号码，由本人接听确认", SUBSTANTIAL),
    # Saw the identity card and the caller's face on a video call and compared them.
    "video_id_document": ("视频通话中核对本人与居民身份证", SUBSTANTIAL),
    # Asked for details the platform holds (address, birth date): anyone close to the person may know them.
    "personal_details": ("核对本人登记的个人信息", LOW),
}


class Staff(Protocol):
    """What the attestation needs to know about the staff member (``api.auth.service.Principal`` fits)."""

    actor: str
    role: str
    client_ip: Optional[str]


@dataclass(frozen=True)
class Attestation:
    id_number: str
    how: str
    staff: Staff
    note: str = ""


class HotlineAttestationVerifier:
    method = HOTLINE_ATTESTATION

    def __init__(self, id_hash_key: bytes) -> None:
        self.id_hash_key = id_hash_key

    def verify(
        self, session: Session, proof: Attestation, now: datetime, client: Optional[str] = None
    ) -> IdentityAssurance:
        """Record the attestation; the caller commits (with the audit row written here)."""
        if proof.how not in HOW:
            raise ApiError(422, "hotline_how_unknown", MESSAGES["hotline_how_unknown"])
        how_text, level = HOW[proof.how]
        subject = subject_hash(checked_id(proof.id_number), self.id_hash_key)
        note = audit.scrub(proof.note.strip()[:200])  # P5: an ID or phone typed into the note is masked
        assurance = IdentityAssurance(
            assurance_id=new_id(),
            method=HOTLINE_ATTESTATION,
            level=level,
            verified_at=utc(now),
            verifier=f"staff:{proof.staff.actor}",
            subject_hash=subject,
            detail={"how": proof.how, "how_text": how_text, **({"note": note} if note else {})},
        )
        save_assurance(session, assurance, client=client)
        audit.record(
            session, proof.staff, "identity.hotline_attested", target=assurance.assurance_id,
            detail={"how": proof.how, "level": level}, at=now,
        )
        return assurance
