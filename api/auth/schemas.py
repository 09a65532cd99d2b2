from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class LoginRequest(BaseModel):
    model_config = _Strict
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class ApplicantLoginRequest(BaseModel):
    """Stand-in for the city's real-name SSO (统一身份认证): name and ID number, checked as described in
    ``api.auth.service.applicant_login``. POST, so the ID never appears in a URL (P5)."""

    model_config = _Strict
    name: str = Field(min_length=1, max_length=200)
    id_number: str = Field(min_length=1, max_length=40)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    role: str
    expires_at: str


class WhoAmI(BaseModel):
    role: str
    actor: str
