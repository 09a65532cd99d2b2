from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class TaskSummary(BaseModel):
    task_id: int
    commitment_no: str
    item_code: str
    item_name: str
    commitment_status: str
    applicant_masked: str
    applicant_id_masked: str
    method: str
    due_date: str
    due_date_provisional: bool
    overdue: bool
    working_days_overdue: int
    selected: bool
    selection_reason: str
    selection_text: str
    status: str
    result: Optional[str]
    rectify_by: Optional[str]


class WorklistCounts(BaseModel):
    open: int
    overdue: int
    due_today: int


class Worklist(BaseModel):
    today: str
    counts: WorklistCounts
    tasks: List[TaskSummary]


class OnlineCheck(BaseModel):
    verdict: str
    evidence: Any
    adapter: Optional[str]
    checked_at: Optional[str]


class TaskDetail(TaskSummary):
    applicant_name: str
    applicant_id: str
    committed_on: str
    covers: List[str]
    time_limit_days: int
    standard: str
    sampling_rate: Optional[float]
    sample_draw: Optional[float]
    started_at: Optional[str]
    online_check: Optional[OnlineCheck]
    findings: str
    measures: List[Dict[str, Any]]
    decided_at: Optional[str]


class OnlineCheckResponse(BaseModel):
    verdict: Literal["true", "false", "unknown"]
    summary: str
    evidence: List[Dict[str, Any]]
    task: TaskDetail


class Measure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: Literal["terminate_processing", "rectify", "revoke", "penalty", "refer_judicial"]
    detail: str = Field(default="", max_length=500)


class ResultRequest(BaseModel):
    """R14: 属实, or 不实 with the measures taken and the severity written into the integrity file."""

    model_config = ConfigDict(extra="forbid")
    result: Literal["属实", "不实"]
    findings: str = Field(min_length=2, max_length=2000)
    measures: List[Measure] = Field(default_factory=list)
    severity: Optional[Literal["一般", "较重", "严重"]] = None
    rectify_by: Optional[date] = None


class CreditRecordWritten(BaseModel):
    record_id: int
    type: str
    severity: str


class ResultResponse(BaseModel):
    task: TaskDetail
    commitment_status: str
    credit_record: Optional[CreditRecordWritten]
