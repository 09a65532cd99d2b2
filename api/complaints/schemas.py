from __future__ import annotations

from typing import List, Optional

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class ComplaintRequest(BaseModel):
    """A complaint or report (R11). Anonymous is allowed: no name, and the phone is optional.

    ``commitment_no`` alone: a complaint ABOUT that number (anyone may report a commitment); the answer is the
    same whether the number exists or not. With ``id_number`` and ``assurance_id`` as well, the complainant
    says the commitment is their own: they must be verified as that ID's holder in this conversation
    (``sender_id``), and the number must be one of their commitments."""

    model_config = _Strict
    complaint_text: str = Field(min_length=1, max_length=2000)
    commitment_no: Optional[str] = Field(default=None, max_length=32)
    phone: Optional[str] = Field(default=None, max_length=32)
    channel: str = Field(min_length=1, max_length=32)
    sender_id: Optional[str] = Field(default=None, max_length=128)
    id_number: Optional[str] = Field(default=None, max_length=40)
    assurance_id: Optional[str] = Field(default=None, max_length=64)


class StaffComplaintRequest(BaseModel):
    """A complaint taken by a 12345 hotline agent on the phone."""

    model_config = _Strict
    complaint_text: str = Field(min_length=1, max_length=2000)
    commitment_no: Optional[str] = Field(default=None, max_length=32)
    phone: Optional[str] = Field(default=None, max_length=32)


class ComplaintReceipt(BaseModel):
    ticket_no: str
    due_date: str
    # True only for a verified complainant's own commitment; never says anything about anyone else's.
    own_commitment: bool = False


class AssignRequest(BaseModel):
    model_config = _Strict
    assignee: str = Field(min_length=1, max_length=64)
    note: str = Field(default="", max_length=2000)


class NoteRequest(BaseModel):
    model_config = _Strict
    note: str = Field(min_length=1, max_length=4000)


class CloseRequest(BaseModel):
    model_config = _Strict
    conclusion: str = Field(min_length=1, max_length=4000)


class ComplaintActionOut(BaseModel):
    action: str
    actor: str
    role: str
    note: str
    at: str


class ComplaintSummary(BaseModel):
    ticket_no: str
    status: str
    channel: str
    commitment_no: Optional[str]
    assignee: Optional[str]
    received_at: str
    due_date: str
    # Past the deadline: still open after it, or closed after it (R11: handled in time).
    overdue: bool
    anonymous: bool
    phone_masked: Optional[str]


class ComplaintDetail(ComplaintSummary):
    complaint_text: str
    phone: Optional[str]
    closed_at: Optional[str]
    conclusion: Optional[str]
    actions: List[ComplaintActionOut]


class ComplaintList(BaseModel):
    today: str
    counts: dict
    complaints: List[ComplaintSummary]
