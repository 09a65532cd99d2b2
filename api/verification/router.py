"""Officers' verification endpoints (R12-R14, P5): the worklist, the online check, the result."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from api.audit import service as audit
from api.auth.dependencies import Call, OfficerCall, OfficerDep
from api.catalogue.service import as_item
from api.clock import china_date
from api.dependencies import IdHashKeyDep, NowDep, SessionDep, SettingsDep
from api.verification import service
from api.verification.models import VerificationTask
from api.verification.schemas import (
    CreditRecordWritten, OnlineCheckResponse, ResultRequest, ResultResponse, TaskDetail, Worklist,
)
from api.verification.shared_data import load_adapter

router = APIRouter(prefix="/verification", tags=["verification"])


@router.get("/tasks", response_model=Worklist)
def list_tasks(
    call: OfficerCall,
    scope: Literal["open", "due", "overdue"] = Query("open", description="open: all; due: not yet late; overdue: late"),
) -> Worklist:
    """Selected tasks still open, earliest due first; ``counts.overdue`` is how many are past their date."""
    result = service.worklist(call.session, china_date(call.now), scope)
    audit.record(call.session, call.principal, "verification.tasks.list", None,
                 {"scope": scope, "count": len(result["tasks"])})
    return Worklist.model_validate(result)


def _audit(call: Call, task: VerificationTask, action: str) -> None:
    audit.record(call.session, call.principal, f"verification.task.{action}", f"verification_task:{task.id}",
                 {"commitment_no": task.commitment.commitment_no})


@router.get("/tasks/{task_id}", response_model=TaskDetail)
def read_task(task_id: int, call: OfficerCall) -> TaskDetail:
    task = service.get_task(call.session, task_id)
    detail = service.task_detail(task, china_date(call.now))
    _audit(call, task, "read")  # P5: the officer reads the applicant's full identity; that read is audited.
    return TaskDetail.model_validate(detail)


@router.post("/tasks/{task_id}/start", response_model=TaskDetail)
def start_task(task_id: int, call: OfficerCall) -> TaskDetail:
    task = service.get_task(call.session, task_id)
    service.start(call.session, task, actor=call.principal.actor, role=call.principal.role)
    _audit(call, task, "start")
    return TaskDetail.model_validate(service.task_detail(task, china_date(call.now)))


@router.post("/tasks/{task_id}/online-check", response_model=OnlineCheckResponse)
def online_check(
    task_id: int,
    session: SessionDep,
    principal: OfficerDep,
    settings: SettingsDep,
    key: IdHashKeyDep,
    now: NowDep,
) -> OnlineCheckResponse:
    """R12: ask the shared-data adapter (GZ_SHARED_DATA_ADAPTER); its answer is evidence for the officer."""
    task = service.get_task(session, task_id)
    adapter = load_adapter(settings.shared_data_adapter, session=session, id_hash_key=key)
    outcome = service.run_online_check(
        session, task, adapter, as_item(task.commitment.item_version), actor=principal.actor, role=principal.role
    )
    audit.record(session, principal, "verification.task.online_check", f"verification_task:{task.id}",
                 {"commitment_no": task.commitment.commitment_no, "verdict": outcome.verdict})
    return OnlineCheckResponse(
        verdict=outcome.verdict,
        summary=outcome.summary,
        evidence=outcome.evidence,
        task=TaskDetail.model_validate(service.task_detail(task, china_date(now))),
    )


@router.post("/tasks/{task_id}/result", response_model=ResultResponse)
def record_result(
    task_id: int,
    body: ResultRequest,
    session: SessionDep,
    principal: OfficerDep,
    key: IdHashKeyDep,
    now: NowDep,
) -> ResultResponse:
    """属实 -> verified; 不实 -> R14 measures (revocation -> revoked) and a graded integrity-file record."""
    task = service.get_task(session, task_id)
    today = china_date(now)
    recorded = service.record_result(
        session,
        task,
        as_item(task.commitment.item_version),
        key,
        result=body.result,
        findings=body.findings,
        measures=[m.model_dump() for m in body.measures],
        severity=body.severity,
        rectify_by=body.rectify_by,
        actor=principal.actor,
        role=principal.role,
        today=today,
    )
    audit.record(
        session,
        principal,
        "verification.task.result",
        f"verification_task:{task.id}",
        {
            "commitment_no": task.commitment.commitment_no,
            "result": body.result,
            "measures": [m.code for m in body.measures],
            "severity": body.severity,
        },
    )
    session.flush()  # the credit record's id, for the answer
    written = recorded.credit_record
    record = (
        None
        if written is None
        else CreditRecordWritten(record_id=written.id, type=written.record_type, severity=written.severity)
    )
    return ResultResponse(
        task=TaskDetail.model_validate(service.task_detail(task, today)),
        commitment_status=service.commitment_status(task.commitment),
        credit_record=record,
    )
