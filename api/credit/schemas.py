from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class VerifiedRequest(BaseModel):
    """What the chat sends with every request about one person: the ID number, and the assurance
    (``api.identity``) that the person in this conversation (``client``, the chat's sender id) was verified as
    its holder. POST bodies, so the ID number never appears in a URL or an access log (P5)."""

    model_config = ConfigDict(extra="forbid")
    id_number: str = Field(min_length=1, max_length=40)
    assurance_id: Optional[str] = Field(default=None, max_length=64)
    client: Optional[str] = Field(default=None, max_length=200)


class AuthorisationProof(BaseModel):
    """A proxy asks about the principal (``id_number``) under the special authorisation the principal granted
    (``api.authorisations``); ``assurance_id`` is then the agent's, made in this conversation."""

    model_config = ConfigDict(extra="forbid")
    number: str = Field(min_length=1, max_length=40)
    code: str = Field(min_length=1, max_length=40)
    agent_id: str = Field(min_length=1, max_length=40)


class CreditCheckRequest(VerifiedRequest):
    """The chat must send ``assurance_id`` and ``client`` (and, for a proxy, ``authorisation``); officers and
    administrators need none of them."""

    authorisation: Optional[AuthorisationProof] = None


class CreditRecordOut(BaseModel):
    type: str
    severity: str
    occurred_on: str
    repaired_at: Optional[str]


class CreditCheckResponse(BaseModel):
    status: str
    records: List[CreditRecordOut]


# --- the chat's service calls (X-Service-Token; the person verified through api.identity, P5) ----------------


class OwnerRecordsRequest(VerifiedRequest):
    # Accepted for the chat's older calls; the verified identity decides, never the name.
    name: Optional[str] = Field(default=None, max_length=100)


class OwnerRecordOut(CreditRecordOut):
    description: str


class OwnerRecordsResponse(BaseModel):
    status: str
    records: List[OwnerRecordOut]


class WarningRequest(VerifiedRequest):
    item_code: str = Field(min_length=1, max_length=16)
    authorisation: Optional[AuthorisationProof] = None


class WarningResponse(BaseModel):
    show: bool
    text: str


# --- the applicant's own integrity file (/api/v1/me/..., applicant token) ------------------------------------


class RepairOut(BaseModel):
    repair_id: int
    status: str
    status_text: str
    applied_at: str
    decision_note: str


class ObjectionOut(BaseModel):
    objection_id: int
    status: str
    status_text: str
    due_date: str
    decision_note: str


class FullRecordOut(CreditRecordOut):
    record_id: int
    description: str
    authority: str
    annulled_at: Optional[str]
    repairs: List[RepairOut]
    objections: List[ObjectionOut]


class MyIntegrityFile(BaseModel):
    display_name: Optional[str]
    status: str
    records: List[FullRecordOut]


class RepairRequest(BaseModel):
    """信用修复申请: why the record should stop counting (the breach corrected, the consequences borne)."""

    model_config = ConfigDict(extra="forbid")
    reasons: str = Field(min_length=5, max_length=2000)


class ObjectionRequest(BaseModel):
    """异议申请: why the record is wrong."""

    model_config = ConfigDict(extra="forbid")
    grounds: str = Field(min_length=5, max_length=2000)


# --- officers ----------------------------------------------------------------------------------------------


class CaseRecord(BaseModel):
    """The record a repair or objection is about, with the file's display name (张*, P5)."""

    record_id: int
    display_name: str
    type: str
    severity: str
    occurred_on: str
    repaired_at: Optional[str]
    annulled_at: Optional[str]
    description: str
    authority: str


class RepairCase(BaseModel):
    repair_id: int
    status: str
    reasons: str
    applied_at: str
    decided_at: Optional[str]
    decided_by: Optional[str]
    decision_note: str
    record: CaseRecord


class ObjectionCase(BaseModel):
    objection_id: int
    status: str
    grounds: str
    filed_at: str
    due_date: str
    overdue: bool
    decided_at: Optional[str]
    decided_by: Optional[str]
    decision_note: str
    correction: Optional[dict]
    record: CaseRecord


class RepairCases(BaseModel):
    counts: dict
    cases: List[RepairCase]


class ObjectionCases(BaseModel):
    counts: dict
    cases: List[ObjectionCase]


class RepairDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    approve: bool
    note: str = Field(min_length=2, max_length=2000)


class ObjectionDecision(BaseModel):
    """``upheld``: the record stands. ``corrected``: change its grade, type or text, or strike it out (annul)."""

    model_config = ConfigDict(extra="forbid")
    outcome: Literal["upheld", "corrected"]
    note: str = Field(min_length=2, max_length=2000)
    severity: Optional[Literal["一般", "较重", "严重"]] = None
    record_type: Optional[Literal["虚假承诺", "未履行承诺"]] = None
    description: Optional[str] = Field(default=None, max_length=2000)
    annul: bool = False
