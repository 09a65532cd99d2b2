"""Request and response bodies of the special-authorisation endpoints."""
from __future__ import annotations

from datetime import date, datetime
from typing import List, Literal, Optional

from pydantic import BaseModel, Field

_ID = Field(min_length=1, max_length=40)
_NAME = Field(min_length=1, max_length=60)
_ASSURANCE = Field(min_length=1, max_length=64, description="the assurance the identity module returned")
_CLIENT = Field(min_length=1, max_length=200, description="the conversation (the channel's sender id)")
_NUMBER = Field(min_length=1, max_length=40, description="the authorisation number, SQyyyymmdd-XXXXXX")


class _Principal(BaseModel):
    principal_id: str = _ID
    assurance_id: str = _ASSURANCE
    client: str = _CLIENT


class GrantBody(_Principal):
    principal_name: str = _NAME
    agent_name: str = _NAME
    agent_id: str = _ID
    item_codes: List[str] = Field(min_length=1, max_length=20)
    valid_until: date = Field(description="the last day the authorisation may be used (at most one year ahead)")


class Granted(BaseModel):
    number: str
    code: str = Field(description="the secret code, shown this once: only its HMAC is kept")
    kind: Literal["electronic", "paper"]
    valid_from: datetime
    valid_until: date
    item_codes: List[str]
    agent_name: str


class ListBody(_Principal):
    pass


class ListedAuthorisation(BaseModel):
    number: str
    kind: Literal["electronic", "paper"]
    agent_name: str = Field(description="masked, e.g. 刘*")
    item_codes: List[str]
    valid_from: datetime
    valid_until: date
    status: Literal["active", "expired", "revoked", "locked"]
    revoked_at: Optional[datetime] = None


class AuthorisationList(BaseModel):
    authorisations: List[ListedAuthorisation]


class RevokeBody(_Principal):
    number: str = _NUMBER


class Revoked(BaseModel):
    number: str
    status: Literal["revoked"]
    revoked_at: datetime


class CheckBody(BaseModel):
    number: str = _NUMBER
    code: str = Field(min_length=1, max_length=40)
    principal_id: str = _ID
    agent_id: str = _ID
    agent_assurance_id: str = _ASSURANCE
    client: str = _CLIENT
    item_code: str = Field(min_length=1, max_length=32)


class Checked(BaseModel):
    number: str
    kind: Literal["electronic", "paper"]
    valid_until: date
    item_codes: List[str]
