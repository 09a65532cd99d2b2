"""Request and response bodies of the identity endpoints."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field, model_validator

from api.identity.assurance import Act, ActConfirmation, IdentityAssurance


class _ForPurpose(BaseModel):
    purpose: Literal["login", "act"]
    id_number: str = Field(min_length=1, max_length=40)
    act: Optional[Act] = Field(None, description="the act to confirm; required for purpose act, absent for login")
    client: Optional[str] = Field(
        None, max_length=200,
        description="the citizen's address or conversation as the channel knows it (rate limit per client); "
        "unset: the caller's address",
    )

    @model_validator(mode="after")
    def _act_matches_purpose(self) -> "_ForPurpose":
        if (self.purpose == "act") != (self.act is not None):
            raise ValueError("act is required for purpose act and not allowed for purpose login")
        return self


class CodeRequestBody(_ForPurpose):
    pass


class CodeSentResponse(BaseModel):
    sent_to: str = Field(description="the masked number the code went to, e.g. 138****8000")
    expires_in: int = Field(description="seconds the code stays valid")


class CodeVerifyBody(_ForPurpose):
    code: str = Field(min_length=1, max_length=20)


class CodeVerifiedResponse(BaseModel):
    assurance: IdentityAssurance
    act_confirmation: Optional[ActConfirmation] = None


class HotlineAttestationBody(BaseModel):
    id_number: str = Field(min_length=1, max_length=40)
    how: Literal["callback_registered_phone", "video_id_document", "personal_details"]
    note: str = Field("", max_length=200)
    conversation: Optional[str] = Field(
        None, max_length=200, description="the hotline session's conversation the attestation vouches in")


class CurrentAssuranceBody(BaseModel):
    id_number: str = Field(min_length=1, max_length=40)
    client: str = Field(min_length=1, max_length=200, description="the conversation (the channel's sender id)")


class OidcLogin(BaseModel):
    """The JSON answer of the identity platform's callback (a browser asking for text/html gets a page)."""

    assurance: IdentityAssurance
