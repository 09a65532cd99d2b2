from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class LoginRequest(BaseModel):
    model_config = _Strict
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class PasswordChangeRequest(BaseModel):
    """The old password as well as the new one: a token left on an unattended screen is not enough."""

    model_config = _Strict
    old_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


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


class LoggedOut(BaseModel):
    logged_out: bool = True


class WhoAmI(BaseModel):
    role: str
    actor: str
