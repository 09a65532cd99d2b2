from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class HandoffServiceRequest(BaseModel):
    """From the action server: put this conversation in the waiting queue."""

    model_config = _Strict
    sender_id: str = Field(min_length=1, max_length=128)
    channel: str = Field(min_length=1, max_length=32, pattern=r"^[a-z0-9_]+$")
    reason: str = Field(pattern=r"^(user_request|repeated_fallback|repeated_invalid)$")


class HandoffQueued(BaseModel):
    handoff_id: int
    status: str
    position: int  # place in the waiting queue (1 = next); 0 when a person is already talking


class StaffMessage(BaseModel):
    model_config = _Strict
    text: str = Field(min_length=1, max_length=1000)


class DismissRequest(BaseModel):
    """Why a waiting request is closed without being taken (kept in the audit trail)."""

    model_config = _Strict
    reason: str = Field(default="other", pattern=r"^(resolved|left|duplicate|other)$")
