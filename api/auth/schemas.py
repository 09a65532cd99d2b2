from __future__ import annotations

from typing import Optional

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


class ApplicantCodeRequest(BaseModel):
    """Step 1 of an applicant's sign-in: send a login code to the ID's real-name (实名) phone. POST, so the ID
    never appears in a URL (P5)."""

    model_config = _Strict
    id_number: str = Field(min_length=1, max_length=40)


class ApplicantCodeSent(BaseModel):
    """The same for every ID, whether or not it has a registered phone."""

    message: str
    expires_in: int


class ApplicantLoginRequest(BaseModel):
    """Step 2: the ID number and the code from the SMS. ``name`` is accepted and not used: a name proves
    nothing, the code does."""

    model_config = _Strict
    id_number: str = Field(min_length=1, max_length=40)
    code: str = Field(min_length=1, max_length=20)
    name: Optional[str] = Field(default=None, max_length=200)


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
