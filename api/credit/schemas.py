from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class CreditCheckRequest(BaseModel):
    """POST, so the ID number never appears in a URL or an access log (P5)."""

    model_config = ConfigDict(extra="forbid")
    id_number: str = Field(min_length=1, max_length=40)


class CreditRecordOut(BaseModel):
    type: str
    severity: str
    occurred_on: str
    repaired_at: Optional[str]


class CreditCheckResponse(BaseModel):
    status: str
    records: List[CreditRecordOut]


# --- the chat's service calls (X-Service-Token; ownership proved by name + ID, P5) -------------------------


class OwnerRecordsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)
    id_number: str = Field(min_length=1, max_length=40)


class OwnerRecordOut(CreditRecordOut):
    description: str


class OwnerRecordsResponse(BaseModel):
    status: str
    records: List[OwnerRecordOut]


class WarningRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_code: str = Field(min_length=1, max_length=16)
    id_number: str = Field(min_length=1, max_length=40)


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
