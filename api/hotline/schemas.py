from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

_Strict = ConfigDict(extra="forbid")


class SessionStart(BaseModel):
    """A call comes in: the call id of the telephony system, the caller's number if shown (either, or both)."""

    model_config = _Strict
    call_id: Optional[str] = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
    caller_phone: Optional[str] = Field(default=None, max_length=32)


class StaffTurn(BaseModel):
    """What the staff member types for the caller; ``attest`` ticks the attestation (only for the affirmation).

    ``use_caller_phone``: the caller agreed to be reached on the number they are calling from; the API answers
    with the session's own number, which the console only ever shows masked (no needless question, P5)."""

    model_config = _Strict
    text: Optional[str] = Field(default=None, min_length=1, max_length=500)
    attest: bool = False
    use_caller_phone: bool = False

    @model_validator(mode="after")
    def _one_answer(self) -> "StaffTurn":
        if self.use_caller_phone == bool(self.text and self.text.strip()):
            raise ValueError("either text or use_caller_phone")
        return self


class ReadAloud(BaseModel):
    """One "已宣读" tick. ``confirm_fast``: the staff member confirms a section ticked sooner than it can be read at
    a normal speaking rate was read whole (asked by a 409 ``read_aloud_too_fast``)."""

    model_config = _Strict
    notice_version: str = Field(min_length=1, max_length=64)
    index: int = Field(ge=1, le=50)
    confirm_fast: bool = False


class Tick(BaseModel):
    index: int
    at: str
    fast: bool = False  # ticked sooner than the section's reading time, confirmed by the staff member


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
    caller_mobile: bool = False  # the caller's number is a mobile: the journey's phone can be that number
    read_chars_per_minute: int = 300  # the speaking rate behind each section's minimum reading time


class TurnResult(BaseModel):
    messages: List[Dict[str, Any]]  # [{text, custom}] as the contract pairs them
    read_aloud: ReadAloudState
    commitment_no: Optional[str]


class SessionDetail(SessionView):
    transcript: List[Dict[str, Any]]


class CallerIdentity(BaseModel):
    """The staff member attests that they checked the caller's identity, and how (api/identity/hotline.py)."""

    model_config = _Strict
    id_number: str = Field(min_length=1, max_length=40)
    how: Literal["callback_registered_phone", "video_id_document", "personal_details"]
    note: str = Field("", max_length=200)
