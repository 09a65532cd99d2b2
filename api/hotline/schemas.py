from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class SessionStart(BaseModel):
    """A call comes in: the call id of the telephony system, the caller's number if shown (either, or both)."""

    model_config = _Strict
    call_id: Optional[str] = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
    caller_phone: Optional[str] = Field(default=None, max_length=32)


class StaffTurn(BaseModel):
    """What the staff member types for the caller; ``attest`` ticks the attestation (only for the affirmation)."""

    model_config = _Strict
    text: str = Field(min_length=1, max_length=500)
    attest: bool = False


class ReadAloud(BaseModel):
    model_config = _Strict
    notice_version: str = Field(min_length=1, max_length=64)
    index: int = Field(ge=1, le=50)


class Tick(BaseModel):
    index: int
    at: str


class ReadAloudState(BaseModel):
    notice_version: Optional[str]
    ticks: List[Tick]


class SessionView(BaseModel):
    session_id: str
    call_id: Optional[str]
    caller_phone_masked: Optional[str]
    status: str
    created_at: str
    ended_at: Optional[str]
    commitment_no: Optional[str]
    read_aloud: ReadAloudState
    attestation: str  # the exact sentence the staff member ticks (bot/core/assisted.ATTESTATION)


class TurnResult(BaseModel):
    messages: List[Dict[str, Any]]  # [{text, custom}] as the contract pairs them
    read_aloud: ReadAloudState
    commitment_no: Optional[str]


class SessionDetail(SessionView):
    transcript: List[Dict[str, Any]]
