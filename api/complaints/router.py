from __future__ import annotations

from typing import Annotated, Any, Dict, Optional

from fastapi import APIRouter, Depends, Query, Response

from api.audit import service as audit
from api.auth.dependencies import Call, OfficerCall, ServiceDep, require_roles
from api.auth.service import Principal
from api.clock import china_date
from api.complaints import service
from api.complaints.models import COMPLAINT_STATUSES
from api.complaints.schemas import (
    AssignRequest, CloseRequest, ComplaintDetail, ComplaintList, ComplaintReceipt, ComplaintRequest, NoteRequest,
    StaffComplaintRequest,
)
from api.commitments import status as commitments
from api.dependencies import NowDep, SessionDep, SettingsDep
from api.errors import ApiError
from api.identity.deps import IdentityGateDep
from api.identity.gate import refuse as refuse_identity
from bot.core.conversation import key as conversation_key

service_router = APIRouter(prefix="/service/complaints", tags=["service"])
router = APIRouter(prefix="/complaints", tags=["complaints"])

# A number the complainant named that no commitment has: kept for the officer, with the complaint's own words.
UNKNOWN_NUMBER_NOTE = "{text}\n（投诉举报所称承诺编号：{number}，系统中未找到该编号。）"

_RESENT = {200: {"description": "the same complaint again (a retry): the first ticket, nothing new stored (P4)"}}


def _receipt(complaint) -> ComplaintReceipt:
    return ComplaintReceipt(ticket_no=complaint.ticket_no, due_date=complaint.due_date.isoformat())


@service_router.post("", status_code=201, response_model=ComplaintReceipt, responses=_RESENT)
def file_from_chat(
    body: ComplaintRequest,
    response: Response,
    session: SessionDep,
    caller: ServiceDep,
    settings: SettingsDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> ComplaintReceipt:
    """R11: the chat's complaint flow (contract stage complaint_received); anonymous when no phone is given.

    P5, what a complaint may tell the complainant about a commitment: nothing, unless it is their own.

    - A number alone is a complaint about it (a report may concern anyone's commitment). It is accepted with
      the same answer whether the number exists or not: a number that exists is linked to the ticket (and its
      verification made mandatory); one that does not is kept in the ticket's text for the officer.
    - A number with ``id_number`` and ``assurance_id`` is the complainant's own: they are verified first
      (``api.identity``, in this conversation), then the number must be one of theirs, else 404 ``not_found``
      for an unknown number and someone else's alike, so a mistyped number can be corrected.
    """
    number = body.commitment_no.strip().upper() if body.commitment_no and body.commitment_no.strip() else None
    text = body.complaint_text
    own = body.id_number is not None or body.assurance_id is not None
    if own:
        if not body.id_number or not body.sender_id:
            raise refuse_identity("identity_required", 401)
        gate.require(session, body.assurance_id, body.id_number, now,
                     conversation=conversation_key(body.channel, body.sender_id))
        if number:
            commitments.find_owned(session, number, body.id_number)
    elif number and commitments.by_number(session, number) is None:
        text = UNKNOWN_NUMBER_NOTE.format(text=body.complaint_text.strip(), number=number)
        number = None
    complaint, created = service.file_complaint(
        session,
        caller,
        complaint_text=text,
        commitment_no=number,
        phone=body.phone,
        channel=body.channel,
        sender_id=body.sender_id,
        now=now,
        due_working_days=settings.complaint_due_working_days,
    )
    if own and created:
        audit.record(session, caller, "complaint.own_commitment", target=complaint.ticket_no,
                     detail={"commitment_no": number}, at=now)
    if not created:
        response.status_code = 200
    receipt = _receipt(complaint)
    receipt.own_commitment = own and number is not None
    return receipt


@router.post("", status_code=201, response_model=ComplaintReceipt, responses=_RESENT)
def file_by_staff(
    body: StaffComplaintRequest,
    response: Response,
    session: SessionDep,
    agent: Annotated[Principal, Depends(require_roles("staff", "officer"))],
    settings: SettingsDep,
    now: NowDep,
) -> ComplaintReceipt:
    """R11: a complaint taken on the 12345 hotline (or at a service window) by a staff member."""
    complaint, created = service.file_complaint(
        session,
        agent,
        complaint_text=body.complaint_text,
        commitment_no=body.commitment_no,
        phone=body.phone,
        channel="hotline" if agent.role == "staff" else "counter",
        sender_id=None,
        now=now,
        due_working_days=settings.complaint_due_working_days,
    )
    if not created:
        response.status_code = 200
    return _receipt(complaint)


@router.get("", response_model=ComplaintList)
def list_complaints(
    call: OfficerCall,
    status: Optional[str] = Query(None),
    overdue: bool = Query(False, description="only tickets past their deadline"),
    assignee: Optional[str] = Query(None),
) -> Dict[str, Any]:
    if status is not None and status not in COMPLAINT_STATUSES:
        raise ApiError(422, "invalid_request", f"status 须为 {', '.join(COMPLAINT_STATUSES)} 之一。")
    result = service.listing(call.session, china_date(call.now), status=status, overdue_only=overdue, assignee=assignee)
    audit.record(call.session, call.principal, "complaint.list", detail={"status": status, "overdue": overdue},
                 at=call.now)
    return result


def _detail(call: Call, ticket_no: str) -> Dict[str, Any]:
    call.session.flush()  # an action just taken, so the answer reads the ticket's new state back
    complaint = service.by_ticket(call.session, ticket_no)
    call.session.expire(complaint)  # the actions just written
    return service.detail(complaint, china_date(call.now))


def _ticket(call: Call, ticket_no: str) -> Any:
    return service.by_ticket(call.session, ticket_no)


@router.get("/{ticket_no}", response_model=ComplaintDetail)
def read_complaint(ticket_no: str, call: OfficerCall) -> Dict[str, Any]:
    """The whole ticket, with the complainant's phone; audit-logged (P5)."""
    view = _detail(call, ticket_no)
    audit.record(call.session, call.principal, "complaint.read", target=view["ticket_no"], at=call.now)
    return view


@router.post("/{ticket_no}/assign", response_model=ComplaintDetail)
def assign_complaint(ticket_no: str, body: AssignRequest, call: OfficerCall) -> Dict[str, Any]:
    service.assign(call.session, call.principal, _ticket(call, ticket_no), body.assignee, body.note, call.now)
    return _detail(call, ticket_no)


@router.post("/{ticket_no}/handle", response_model=ComplaintDetail)
def handle_complaint(ticket_no: str, body: NoteRequest, call: OfficerCall) -> Dict[str, Any]:
    service.handle(call.session, call.principal, _ticket(call, ticket_no), body.note, call.now)
    return _detail(call, ticket_no)


@router.post("/{ticket_no}/close", response_model=ComplaintDetail)
def close_complaint(ticket_no: str, body: CloseRequest, call: OfficerCall) -> Dict[str, Any]:
    service.close(call.session, call.principal, _ticket(call, ticket_no), body.conclusion, call.now)
    return _detail(call, ticket_no)
