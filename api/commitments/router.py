from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Literal, Optional
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from api import metrics
from api.audit import service as audit
from api.auth.dependencies import ApplicantDep, OfficerDep, ServiceDep
from api.auth.service import applicant_actor
from api.commitments import evidence as channel_evidence
from api.commitments import lifecycle, service, verify_page
from api.commitments import status as lifecycle_status
from api.commitments.schemas import (
    ChainVerification,
    CommitmentReceipt,
    CommitmentRequest,
    CommitmentStatus,
    CommitmentVerification,
    OfficerCommitmentView,
    OwnCommitment,
    OwnCommitmentStatus,
    OwnershipProof,
    ServiceWithdrawalRequest,
    StaffHistoryEntry,
    Withdrawal,
    WithdrawalRequest,
)
from api.config import Settings
from api.credit.service import id_hash
from api.database import begin_write
from api.dependencies import IdHashKeyDep, NowDep, PlatformKeyDep, SessionDep, SessionmakerDep, SettingsDep
from api.errors import ApiError
from api.identity.deps import ActCodeRedeemerDep, IdentityGateDep
from api.identity.gate import IdentityGate
from api.identity.gate import refuse as refuse_identity

router = APIRouter(tags=["commitments"])


@router.post(
    "/commitments",
    status_code=201,
    response_model=CommitmentReceipt,
    responses={200: {"description": "the same idempotency_key again: the first receipt, nothing new stored (P4)"}},
)
def create_commitment(
    body: CommitmentRequest,
    response: Response,
    # Only the action server stores commitments: nobody can record a commitment the journey did not take
    # (R7). Hotline-assisted ones arrive through the same action server.
    _caller: ServiceDep,
    factory: SessionmakerDep,
    key: PlatformKeyDep,
    id_hash_key: IdHashKeyDep,
    settings: SettingsDep,
    gate: IdentityGateDep,
    redeem: ActCodeRedeemerDep,
) -> CommitmentReceipt:
    """Sign a commitment. ``identity`` names the signer's assurance and act confirmation (意愿认证); the gate's
    refusals come back as they are (401/403/422, Chinese message). The receipt carries the secret check code
    the public verification needs."""
    try:
        receipt, created = service.create(
            factory,
            key,
            id_hash_key,
            settings.public_base_url,
            body,
            policy=channel_evidence.Policy.from_settings(settings),
            shared_data_adapter=settings.shared_data_adapter,
            gate=gate,
            redeem=redeem,
        )
    except ApiError as refused:
        metrics.commitment_refused(refused.error)
        raise
    if not created:
        response.status_code = 200
    else:
        metrics.commitment_signed(body.channel, settings.channel_names)
    return receipt


def _accept_q(accept: str, media_type: str) -> float:
    """The quality the Accept header gives ``media_type`` (exact or ``type/*`` or ``*/*``), 0 when none."""
    best, best_rank = 0.0, -1
    major = media_type.split("/")[0]
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        name = fields[0].lower()
        rank = 2 if name == media_type else 1 if name == f"{major}/*" else 0 if name == "*/*" else -1
        if rank < 0 or rank < best_rank:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        best, best_rank = q, rank
    return best


def wants_html(request: Request, output: Optional[str]) -> bool:
    """A person's browser gets the page, a program the JSON: ``?format=`` decides when given, otherwise the
    Accept header, where only an explicit text/html counts (``*/*`` alone, as sent by curl and HTTP libraries,
    keeps the JSON every existing client reads)."""
    if output in ("html", "json"):
        return output == "html"
    accept = request.headers.get("accept", "")
    if "text/html" not in accept.lower():
        return False
    html_q = _accept_q(accept, "text/html")
    return html_q > 0 and html_q >= _accept_q(accept, "application/json")


def _html(body: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        body,
        status_code=status_code,
        headers={"Content-Security-Policy": verify_page.CONTENT_SECURITY_POLICY, "Vary": "Accept", "Cache-Control": "no-store"},
    )


@router.get(
    "/commitments/{commitment_no}/verify",
    response_model=CommitmentVerification,
    responses={
        200: {"content": {"text/html": {}}, "description": "JSON; a Chinese page for Accept: text/html"},
        404: {"content": {"application/json": {}, "text/html": {}}, "description": "no such commitment"},
    },
)
def verify_commitment(
    commitment_no: str,
    request: Request,
    response: Response,
    session: SessionDep,
    key: PlatformKeyDep,
    output: Optional[Literal["html", "json"]] = Query(None, alias="format"),
    code: Optional[str] = Query(None, max_length=64, description="the receipt's check code"),
) -> Any:
    """P3: anyone holding a receipt can check that its record is unchanged since signing: both signatures
    (Ed25519, SM2) and both chains (SHA-256, SM3), and apart from that the commitment's current status.

    Holding the receipt means the number and its check code (``?code=``): without the right code the answer is
    the unknown-number answer, so sequential numbers cannot be walked through."""
    result = service.verify_public(session, key, commitment_no, code)
    html = wants_html(request, output)
    if result is None:
        if html:
            return _html(verify_page.render_not_found(commitment_no), 404)
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    if html:
        base = "/api/v1"
        return _html(
            verify_page.render(
                result,
                json_url=f"{base}/commitments/{quote(result.commitment_no)}/verify?format=json&code={quote(code or '')}",
                keys_url=f"{base}/keys",
                ca_url=f"{base}/pki/ca.pem",
            )
        )
    response.headers["Vary"] = "Accept"
    return result


@router.get("/commitments/{commitment_no}/notice", response_class=HTMLResponse)
def commitment_notice(
    commitment_no: str,
    session: SessionDep,
    code: Optional[str] = Query(None, max_length=64, description="the receipt's check code"),
) -> HTMLResponse:
    """The notification (告知书) exactly in the version the commitment cites, readable by anyone who holds the
    receipt - its number and check code (P2): the catalogue text, no personal data."""
    row = service.find_public(session, commitment_no, code)
    if row is None or row.item_version is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    from api.documents import service as documents
    from api.documents.html import render_html

    return HTMLResponse(render_html(documents.template(row.item_version)), headers={"Cache-Control": "public, max-age=300"})


@router.get("/chain/verify", response_model=ChainVerification)
def verify_chain(
    session: SessionDep, key: PlatformKeyDep
) -> ChainVerification:
    return service.verify_chain(session, key)


# --- after the signature: status, history, withdrawal (R17, P5) -----------------------------------------

service_router = APIRouter(prefix="/service/commitments", tags=["service"])
me_router = APIRouter(prefix="/me/commitments", tags=["applicant"])


def _verified_owner(session: Session, gate: IdentityGate, body: OwnershipProof, now: datetime) -> None:
    # P5: before the number is looked up, so a refusal says nothing about whether it exists or whose it is. The
    # conversation is required: an assurance made in one conversation does not vouch in another.
    if not body.client:
        raise refuse_identity("identity_required", 401)
    gate.require(session, body.assurance_id, body.id_number, now, conversation=body.client)


@service_router.post("/status", response_model=CommitmentStatus)
def service_status(
    body: OwnershipProof,
    session: SessionDep,
    _service: ServiceDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> Dict[str, Any]:
    """The chat's "查一下我的承诺" (contract stage commitment_status), for the applicant verified in this
    conversation, checked before the number is looked up; then 404 not_found for an unknown number and for
    someone else's alike."""
    _verified_owner(session, gate, body, now)
    commitment = lifecycle_status.find_owned(session, body.commitment_no, body.id_number)
    return lifecycle_status.status_view(session, commitment)


@service_router.post("/withdraw", response_model=Withdrawal)
def service_withdraw(
    body: ServiceWithdrawalRequest,
    session: SessionDep,
    service_caller: ServiceDep,
    id_hash_key: IdHashKeyDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> Dict[str, Any]:
    """R17 through the chat: the applicant, verified in this conversation, withdraws their own commitment
    with a reason."""
    _verified_owner(session, gate, body, now)
    begin_write(session)
    commitment = lifecycle_status.find_owned(session, body.commitment_no, body.id_number)
    result = lifecycle_status.withdraw(
        session,
        commitment,
        reason=body.reason,
        actor=applicant_actor(id_hash(body.id_number, id_hash_key)),
        role="applicant",
        at=now,
    )
    audit.record(
        session, service_caller, "commitment.withdraw", target=commitment.commitment_no,
        detail={"item_code": commitment.item_code, "via": "chat"}, at=now,
    )
    return result


@me_router.get("", response_model=List[OwnCommitment])
def my_commitments(session: SessionDep, applicant: ApplicantDep, settings: SettingsDep) -> List[Dict[str, Any]]:
    """P5: an applicant sees their own commitments and nobody else's, each with its receipt's check code."""
    return [
        {**lifecycle_status.summary_view(session, c), **_own_receipt(c, settings)}
        for c in lifecycle_status.for_applicant(session, applicant.subject or "")
    ]


def _own_receipt(commitment: Any, settings: Settings) -> Dict[str, Any]:
    code = commitment.check_code
    url = settings.public_base_url.rstrip("/") + service.verify_path(commitment.commitment_no, code) if code else None
    return {"check_code": code, "verify_url": url}


@me_router.get("/{commitment_no}", response_model=OwnCommitmentStatus)
def my_commitment(
    commitment_no: str,
    session: SessionDep,
    applicant: ApplicantDep,
    settings: SettingsDep,
) -> Dict[str, Any]:
    commitment = lifecycle_status.find_for_applicant(session, applicant, commitment_no)
    return {**lifecycle_status.status_view(session, commitment), **_own_receipt(commitment, settings)}


@me_router.post("/{commitment_no}/withdraw", response_model=Withdrawal)
def withdraw_my_commitment(
    commitment_no: str,
    body: WithdrawalRequest,
    session: SessionDep,
    applicant: ApplicantDep,
    now: NowDep,
) -> Dict[str, Any]:
    begin_write(session)
    commitment = lifecycle_status.find_for_applicant(session, applicant, commitment_no)
    result = lifecycle_status.withdraw(
        session, commitment, reason=body.reason, actor=applicant.actor, role="applicant", at=now
    )
    return result


@router.get("/commitments/{commitment_no}", response_model=OfficerCommitmentView)
def read_commitment(commitment_no: str, session: SessionDep, officer: OfficerDep, now: NowDep) -> Dict[str, Any]:
    """An officer reads one commitment in full (signed record, lifecycle with actors); audit-logged (P5)."""
    commitment = lifecycle_status.by_number(session, commitment_no)
    if commitment is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    view = lifecycle_status.officer_view(session, commitment)
    lifecycle_status.audit_read(session, officer, "commitment.read", commitment)
    return view


@router.get("/commitments/{commitment_no}/history", response_model=List[StaffHistoryEntry])
def commitment_history(commitment_no: str, session: SessionDep, officer: OfficerDep) -> List[Dict[str, Any]]:
    """Who changed the status, when and why; audit-logged (P5)."""
    commitment = lifecycle_status.by_number(session, commitment_no)
    if commitment is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    entries = [lifecycle_status.history_entry_for_staff(e) for e in lifecycle.history(session, commitment)]
    lifecycle_status.audit_read(session, officer, "commitment.history", commitment)
    return entries
