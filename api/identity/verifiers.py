"""The verifier protocol: every way of identifying a person ends in one ``IdentityAssurance``.

Methods differ in what they take (a code typed back, an ID token from the city's identity platform, a staff
member's attestation), so the protocol is generic in its proof; what they share is the result and that it is
stored (``identity_assurances``) so a later step, such as signing a commitment, can refer to it by id.

Which method a channel uses by default: the chat channels and WeChat have the person's 实名 mobile number
through the shared data, so ``sms_otp``; the hotline has a staff member on the line, so
``hotline_attestation``; a browser session that came through the city's single sign-on uses ``oidc``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Dict, Protocol, TypeVar

from sqlalchemy.orm import Session

from api.identity.assurance import HOTLINE_ATTESTATION, SMS_OTP, IdentityAssurance

ProofT = TypeVar("ProofT", contravariant=True)


class Verifier(Protocol[ProofT]):
    """One identification method. ``verify`` checks the proof, stores the assurance and returns it, or raises
    ``api.errors.ApiError`` with a Chinese message; it never returns an assurance it could not establish."""

    method: str

    def verify(self, session: Session, proof: ProofT, now: datetime) -> IdentityAssurance:
        ...


DEFAULT_METHOD_BY_CHANNEL: Dict[str, str] = {
    "rest": SMS_OTP,
    "socketio": SMS_OTP,
    "wechat": SMS_OTP,
    "hotline": HOTLINE_ATTESTATION,
}


def default_method(channel: str) -> str:
    """The method a channel identifies people with unless told otherwise (SMS codes for any other channel)."""
    return DEFAULT_METHOD_BY_CHANNEL.get(channel, SMS_OTP)
