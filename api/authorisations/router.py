"""HTTP endpoints of special authorisations (特别授权).

For the action server (``X-Service-Token``), every one behind the identity gate:

- ``POST /api/v1/service/authorisations``: the principal, verified in this conversation, grants one electronically;
  the answer carries the secret code, once.
- ``POST /api/v1/service/authorisations/list``: the principal's own authorisations (the agent's name masked).
- ``POST /api/v1/service/authorisations/revoke``: the principal revokes one of their own (another's: 404).
- ``POST /api/v1/service/authorisations/check``: the agent, verified in this conversation, shows number and code
  for a principal and an item; the answer says whether a commitment may be made under it.

For staff at the hotline or a window: ``POST /api/v1/authorisations/paper`` records a paper letter of
authorisation they inspected, with its scan (PDF, JPEG or PNG, at most 5 MB), of which only the SHA-256, the
size and the type are kept.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Dict

from fastapi import APIRouter, Depends, Request

from api.audit import service as audit
from api.auth.dependencies import ServiceDep, StaffDep
from api.authorisations import form, service
from api.authorisations.schemas import (
    AuthorisationList,
    CheckBody,
    Checked,
    Granted,
    GrantBody,
    ListBody,
    ListedAuthorisation,
    Revoked,
    RevokeBody,
)
from api.clock import aware, china_date
from api.database import begin_write
from api.dependencies import IdHashKeyDep, NowDep, PlatformKeyDep, SessionDep
from api.errors import ApiError
from api.identity.deps import IdentityGateDep
from api.identity.otp import checked_id

service_router = APIRouter(prefix="/service/authorisations", tags=["service", "authorisations"])
router = APIRouter(prefix="/authorisations", tags=["authorisations"])


def _granted(granted: service.Granted) -> Granted:
    return Granted(
        number=granted.number, code=granted.code, kind=granted.kind, valid_from=granted.valid_from,
        valid_until=granted.valid_until, item_codes=granted.item_codes, agent_name=granted.agent_name,
    )


@service_router.post("", status_code=201, response_model=Granted)
def grant(
    body: GrantBody,
    session: SessionDep,
    caller: ServiceDep,
    gate: IdentityGateDep,
    key: PlatformKeyDep,
    id_hash_key: IdHashKeyDep,
    now: NowDep,
) -> Granted:
    begin_write(session)
    assurance = gate.require(session, body.assurance_id, body.principal_id, now, conversation=body.client)
    checked = service.checked_grant(
        session, principal_name=body.principal_name, principal_id=body.principal_id, agent_name=body.agent_name,
        agent_id=body.agent_id, item_codes=body.item_codes, valid_until=body.valid_until, now=now,
        id_hash_key=id_hash_key,
    )
    granted = service.store(
        session, checked, kind=service.ELECTRONIC, key=key, id_hash_key=id_hash_key, now=now, assurance=assurance,
    )
    audit.record(session, caller, "authorisation.grant", target=granted.number,
                 detail={"kind": granted.kind, "items": granted.item_codes, "assurance": assurance.assurance_id}, at=now)
    return _granted(granted)


@service_router.post("/list", response_model=AuthorisationList)
def list_own(
    body: ListBody,
    session: SessionDep,
    _caller: ServiceDep,
    gate: IdentityGateDep,
    id_hash_key: IdHashKeyDep,
    now: NowDep,
) -> AuthorisationList:
    gate.require(session, body.assurance_id, body.principal_id, now, conversation=body.client)
    rows = service.granted_by(session, body.principal_id, id_hash_key)
    return AuthorisationList(
        authorisations=[
            ListedAuthorisation(
                number=row.number, kind=row.kind, agent_name=service.masked_name(row.agent_name),
                item_codes=list(row.item_codes), valid_from=aware(row.valid_from), valid_until=row.valid_until,
                status=service.status_of(row, now),
                revoked_at=aware(row.revoked_at) if row.revoked_at is not None else None,
            )
            for row in rows
        ]
    )


@service_router.post("/revoke", response_model=Revoked)
def revoke(
    body: RevokeBody,
    session: SessionDep,
    caller: ServiceDep,
    gate: IdentityGateDep,
    id_hash_key: IdHashKeyDep,
    now: NowDep,
) -> Revoked:
    begin_write(session)
    gate.require(session, body.assurance_id, body.principal_id, now, conversation=body.client)
    row = service.revoke(session, principal_id=body.principal_id, number=body.number, now=now, id_hash_key=id_hash_key)
    audit.record(session, caller, "authorisation.revoke", target=row.number, detail={"kind": row.kind}, at=now)
    return Revoked(number=row.number, status="revoked", revoked_at=aware(row.revoked_at))


@service_router.post("/check", response_model=Checked)
def check(
    body: CheckBody,
    session: SessionDep,
    _caller: ServiceDep,
    gate: IdentityGateDep,
    id_hash_key: IdHashKeyDep,
    now: NowDep,
) -> Checked:
    # The write lock from the start: a wrong code is counted, and concurrent guesses must all count.
    begin_write(session)
    # Only a verified agent may try codes at all, so guessing needs a real person's phone, not just a number.
    gate.require(session, body.agent_assurance_id, body.agent_id, now, conversation=body.client)
    principal_id = checked_id(body.principal_id)
    # A wrong code's refusal keeps its count (``keep_changes``).
    row = service.verified(
        session, number=body.number, code=body.code, principal_id=principal_id, agent_id=body.agent_id,
        item_code=body.item_code, now=now, id_hash_key=id_hash_key,
    )
    return Checked(number=row.number, kind=row.kind, valid_until=row.valid_until, item_codes=list(row.item_codes))


# --- paper authorisations (staff) ------------------------------------------------------------------------


async def paper_form(request: Request) -> Dict[str, form.Part]:
    return form.parse(request.headers.get("content-type"), await form.read_body(request))


def _date_field(parts: Dict[str, form.Part], name: str, label: str) -> date:
    value = form.text_field(parts, name, label)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_date", f"{label}须为日期，格式如 2026-01-31。") from None


_TEXT = {"type": "string", "maxLength": 200}
PAPER_FORM = {
    "required": True,
    "content": {"multipart/form-data": {"schema": {
        "type": "object",
        "required": ["principal_id", "principal_name", "agent_id", "agent_name", "item_codes", "document_no",
                     "document_date", "valid_until", "inspected", "scan"],
        "properties": {
            "principal_id": _TEXT, "principal_name": _TEXT, "agent_id": _TEXT, "agent_name": _TEXT,
            "item_codes": {**_TEXT, "description": "comma-separated item codes, e.g. ZM001,XK001"},
            "document_no": _TEXT,
            "document_date": {"type": "string", "format": "date"},
            "valid_until": {"type": "string", "format": "date"},
            "inspected": {"type": "string", "enum": ["true"], "description": "the original letter and IDs were seen"},
            "scan": {"type": "string", "format": "binary", "description": "PDF, JPEG or PNG, at most 5 MB"},
        },
    }}},
}


@router.post("/paper", status_code=201, response_model=Granted, openapi_extra={"requestBody": PAPER_FORM})
def record_paper(
    staff: StaffDep,
    parts: Annotated[Dict[str, form.Part], Depends(paper_form)],
    session: SessionDep,
    key: PlatformKeyDep,
    id_hash_key: IdHashKeyDep,
    now: NowDep,
) -> Granted:
    """A paper letter of special authorisation the staff member inspected, with the scan of it."""
    if form.text_field(parts, "inspected", "是否已核验原件").lower() != "true":
        raise ApiError(
            422, "inspection_required", "登记纸质授权前，须核验授权委托书原件和双方身份证件，并勾选“已核验”。"
        )
    scan = parts.get("scan")
    if scan is None or scan.filename is None or not scan.data:
        raise ApiError(422, "scan_required", "请上传授权委托书的扫描件（PDF、JPEG 或 PNG）。")
    if len(scan.data) > form.MAX_SCAN_BYTES:
        raise form.too_large()
    scan_type = form.scan_type(scan.data)
    if scan_type is None:
        raise ApiError(415, "scan_type_not_allowed", "授权委托书扫描件只能是 PDF、JPEG 或 PNG 文件。")
    document_no = form.text_field(parts, "document_no", "授权委托书编号")
    if len(document_no) > 64 or any(not ch.isprintable() for ch in document_no):
        raise ApiError(422, "invalid_document_no", "授权委托书编号须为一行文字，不超过 64 个字符。")
    document_date = _date_field(parts, "document_date", "授权委托书签署日期")
    valid_until = _date_field(parts, "valid_until", "授权截止日期")
    if document_date > china_date(now):
        raise service.refuse("document_date_future")

    begin_write(session)
    checked = service.checked_grant(
        session,
        principal_name=form.text_field(parts, "principal_name", "授权人姓名（名称）"),
        principal_id=form.text_field(parts, "principal_id", "授权人证件号码"),
        agent_name=form.text_field(parts, "agent_name", "受托人姓名"),
        agent_id=form.text_field(parts, "agent_id", "受托人身份证号"),
        item_codes=[c for c in form.text_field(parts, "item_codes", "授权事项").replace("，", ",").split(",")],
        valid_until=valid_until,
        now=now,
        id_hash_key=id_hash_key,
        # A paper letter grants at most one year from the day it was signed.
        latest_from=document_date,
    )
    evidence = service.PaperEvidence(
        staff_actor=staff.actor, document_no=document_no, document_date=document_date,
        scan_sha256=hashlib.sha256(scan.data).hexdigest(), scan_size=len(scan.data), scan_type=scan_type,
    )
    granted = service.store(session, checked, kind=service.PAPER, key=key, id_hash_key=id_hash_key, now=now, paper=evidence)
    audit.record(session, staff, "authorisation.paper_record", target=granted.number, detail={
        "kind": granted.kind, "items": granted.item_codes, "document_no": document_no,
        "scan_sha256": evidence.scan_sha256, "scan_size": evidence.scan_size, "scan_type": scan_type,
    }, at=now)
    return _granted(granted)
