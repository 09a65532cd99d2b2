"""Integrity files (R4, R16, R18, P5): the credit check, the chat's service calls, the applicant's own file
with repair applications and objections, and the officers who decide them."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.authorisations import service as authorisations
from api.auth.dependencies import ApplicantDep, Call, OfficerCall, OfficerDep, ServiceDep, require_roles
from api.auth.service import Principal
from api.catalogue import service as catalogue
from api.clock import china_date
from api.credit import service
from api.credit.models import CreditObjection, CreditRepair
from api.credit.schemas import (
    AuthorisationProof,
    CreditCheckRequest,
    CreditCheckResponse,
    MyIntegrityFile,
    ObjectionCases,
    ObjectionDecision,
    ObjectionOut,
    ObjectionRequest,
    OwnerRecordsRequest,
    OwnerRecordsResponse,
    RepairCases,
    RepairDecision,
    RepairOut,
    RepairRequest,
    WarningRequest,
    WarningResponse,
)
from api.dependencies import IdHashKeyDep, NowDep, SessionDep, SettingsDep
from api.errors import ApiError
from api.identity.deps import IdentityGateDep
from api.identity.gate import IdentityGate, refuse

router = APIRouter(tags=["credit"])


def require_verified(
    session: Session, gate: IdentityGate, id_number: str, assurance_id: Optional[str], client: Optional[str],
    now: datetime, *, authorisation: Optional[AuthorisationProof] = None, item_code: Optional[str] = None,
    id_hash_key: Optional[bytes] = None,
) -> None:
    """P5: the chat asks about a person only for that person, verified in this conversation, and this is
    checked before anything is looked up, so a refusal is the same whether or not the ID has any records.

    ``client`` (the chat's sender id) is required: without it an assurance made in one conversation could be
    replayed from another. With ``authorisation`` the one verified is the agent, and the principal's special
    authorisation must name them (for ``item_code`` when the question is about one item)."""
    if not client:
        raise refuse("identity_required", 401)
    if authorisation is None:
        gate.require(session, assurance_id, id_number, now, conversation=client)
        return
    gate.require(session, assurance_id, authorisation.agent_id, now, conversation=client)
    try:
        authorisations.verified(
            session, number=authorisation.number, code=authorisation.code, principal_id=id_number,
            agent_id=authorisation.agent_id, item_code=item_code or "", now=now, id_hash_key=id_hash_key or b"",
        )
    except ApiError as refused:
        # A wrong code's refusal keeps its count towards the authorisation's lock (``keep_changes``).
        # The credit check is not about one item: every other condition held, which is what is asked.
        if item_code is None and refused.error == "authorisation_other_item":
            return
        raise


def _valid_id(id_number: str) -> str:
    id_number = service.normalise_id(id_number)
    problem = service.id_problem(id_number)
    if problem:
        raise ApiError(422, problem, service.id_problem_message(problem))
    return id_number


@router.post("/credit/check", response_model=CreditCheckResponse)
def credit_check(
    body: CreditCheckRequest,
    session: SessionDep,
    key: IdHashKeyDep,
    # P5: whether an ID has a bad-credit record is personal data; the journey (service) and officers ask.
    caller: Annotated[Principal, Depends(require_roles("service", "officer", "admin"))],
    gate: IdentityGateDep,
    now: NowDep,
) -> CreditCheckResponse:
    """R4 / R18: whether this applicant may use commitment, and the records that decide it. The chat asks
    only for the person it has verified (``assurance_id`` + ``client``); officers ask in their duties."""
    if caller.role == "service":
        require_verified(session, gate, body.id_number, body.assurance_id, body.client, now,
                         authorisation=body.authorisation, id_hash_key=key)
    result = service.check(session, key, _valid_id(body.id_number))
    return CreditCheckResponse(status=result.status, records=result.records)


# --- the chat (action server, X-Service-Token) ----------------------------------------------------------------


@router.post("/service/credit/records", response_model=OwnerRecordsResponse)
def owner_records(
    body: OwnerRecordsRequest,
    session: SessionDep,
    key: IdHashKeyDep,
    _caller: ServiceDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> OwnerRecordsResponse:
    """"我的信用记录": the applicant's own records, once the person is verified as the ID's holder (P5). A
    name and an ID number alone are not enough: both are easily known to others."""
    require_verified(session, gate, body.id_number, body.assurance_id, body.client, now)
    return OwnerRecordsResponse.model_validate(service.own_records(session, key, _valid_id(body.id_number)))


@router.post("/service/credit/warning", response_model=WarningResponse)
def credit_warning(
    body: WarningRequest,
    session: SessionDep,
    key: IdHashKeyDep,
    _caller: ServiceDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> WarningResponse:
    """R18 / 五(八) 事前信用预警: for items flagged high_value, the standing and the stakes, before the notice;
    only for the verified holder of the ID or their authorised agent (the standing is personal data, P5)."""
    require_verified(session, gate, body.id_number, body.assurance_id, body.client, now,
                     authorisation=body.authorisation, item_code=body.item_code, id_hash_key=key)
    version = catalogue.current_version(session, body.item_code)
    if version is None:
        raise ApiError(404, "unknown_item", f"清单中没有编号为 {body.item_code} 的事项。")
    result = service.warning(session, key, catalogue.as_item(version), _valid_id(body.id_number))
    return WarningResponse(show=result["show"], text=result["text"])


# --- the applicant's own file (/me, applicant token) -----------------------------------------------------------


@router.get("/me/credit-records", response_model=MyIntegrityFile)
def my_records(session: SessionDep, principal: ApplicantDep) -> MyIntegrityFile:
    """R16: every record of the caller's own integrity file, with its repairs and objections."""
    return MyIntegrityFile.model_validate(service.own_file_view(service.file_by_subject(session, principal.subject)))


@router.post("/me/credit-records/{record_id}/repairs", status_code=201, response_model=RepairOut)
def apply_for_repair(record_id: int, body: RepairRequest, session: SessionDep, principal: ApplicantDep) -> RepairOut:
    """信用修复 (R4, R16): an application with reasons; an officer approves or refuses it."""
    record = service.own_record(service.file_by_subject(session, principal.subject), record_id)
    repair = service.apply_for_repair(session, record, body.reasons)
    session.flush()  # the application's id, for the answer
    return RepairOut.model_validate(service.repair_view(repair))


@router.post("/me/credit-records/{record_id}/objections", status_code=201, response_model=ObjectionOut)
def file_objection(
    record_id: int,
    body: ObjectionRequest,
    session: SessionDep,
    principal: ApplicantDep,
    settings: SettingsDep,
    now: NowDep,
) -> ObjectionOut:
    """异议处理 (R16): the applicant disputes a record; the answer is due within N working days."""
    record = service.own_record(service.file_by_subject(session, principal.subject), record_id)
    objection = service.file_objection(
        session, record, body.grounds, working_days=settings.objection_working_days, today=china_date(now)
    )
    session.flush()  # the objection's id, for the answer
    return ObjectionOut.model_validate(service.objection_view(objection))


# --- officers ----------------------------------------------------------------------------------------------------


@router.get("/credit/repairs", response_model=RepairCases)
def repair_cases(
    session: SessionDep,
    principal: OfficerDep,
    status: Optional[Literal["pending", "approved", "refused"]] = Query(None),
) -> RepairCases:
    result = service.repair_cases(session, status)
    audit.record(session, principal, "credit.repairs.list", None, {"status": status, "count": len(result["cases"])})
    return RepairCases.model_validate(result)


def _case(call: Call, model: Any, case_id: int, missing: str) -> Any:
    found = call.session.get(model, case_id)
    if found is None:
        raise ApiError(404, "not_found", missing)
    return found


@router.post("/credit/repairs/{repair_id}/decision", response_model=RepairCases)
def decide_repair(repair_id: int, body: RepairDecision, call: OfficerCall) -> RepairCases:
    session, principal = call.session, call.principal
    repair = _case(call, CreditRepair, repair_id, "没有这份信用修复申请。")
    service.decide_repair(session, repair, approve=body.approve, note=body.note, actor=principal.actor,
                          today=china_date(call.now))
    audit.record(session, principal, "credit.repair.decide", f"credit_repair:{repair.id}",
                 {"approve": body.approve, "record_id": repair.credit_record_id})
    result = service.repair_cases(session, None)
    result["cases"] = [c for c in result["cases"] if c["repair_id"] == repair.id]
    return RepairCases.model_validate(result)


@router.get("/credit/objections", response_model=ObjectionCases)
def objection_cases(
    call: OfficerCall, status: Optional[Literal["pending", "upheld", "corrected"]] = Query(None)
) -> ObjectionCases:
    """Objections by deadline; ``counts.overdue`` are pending past their due date."""
    result = service.objection_cases(call.session, status, china_date(call.now))
    audit.record(call.session, call.principal, "credit.objections.list", None,
                 {"status": status, "count": len(result["cases"])})
    return ObjectionCases.model_validate(result)


@router.post("/credit/objections/{objection_id}/decision", response_model=ObjectionCases)
def decide_objection(objection_id: int, body: ObjectionDecision, call: OfficerCall) -> ObjectionCases:
    session, principal, today = call.session, call.principal, china_date(call.now)
    objection = _case(call, CreditObjection, objection_id, "没有这项异议。")
    service.decide_objection(
        session,
        objection,
        outcome=body.outcome,
        note=body.note,
        actor=principal.actor,
        changes={"severity": body.severity, "record_type": body.record_type, "description": body.description},
        annul=body.annul,
        today=today,
    )
    audit.record(session, principal, "credit.objection.decide", f"credit_objection:{objection.id}",
                 {"outcome": body.outcome, "annul": body.annul, "record_id": objection.credit_record_id})
    result = service.objection_cases(session, None, today)
    result["cases"] = [c for c in result["cases"] if c["objection_id"] == objection.id]
    return ObjectionCases.model_validate(result)
