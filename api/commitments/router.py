from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session, sessionmaker

from api.audit import service as audit
from api.auth.dependencies import require_roles
from api.auth.service import Principal, applicant_actor
from api.commitments import lifecycle, service
from api.commitments import status as lifecycle_status
from api.commitments.schemas import (
    ChainVerification,
    CommitmentReceipt,
    CommitmentRequest,
    CommitmentStatus,
    CommitmentVerification,
    OwnCommitment,
    OwnershipProof,
    ServiceWithdrawalRequest,
    Withdrawal,
    WithdrawalRequest,
)
from api.config import Settings
from api.credit.service import id_hash
from api.dependencies import get_id_hash_key, get_now, get_platform_key, get_session, get_sessionmaker, get_settings
from api.errors import ApiError
from api.signing.service import PlatformKey

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
    _caller: Principal = Depends(require_roles("service")),
    factory: sessionmaker[Session] = Depends(get_sessionmaker),
    key: PlatformKey = Depends(get_platform_key),
    id_hash_key: bytes = Depends(get_id_hash_key),
    settings: Settings = Depends(get_settings),
) -> CommitmentReceipt:
    receipt, created = service.create(factory, key, id_hash_key, settings.public_base_url, body)
    if not created:
        response.status_code = 200
    return receipt


@router.get("/commitments/{commitment_no}/verify", response_model=CommitmentVerification)
def verify_commitment(
    commitment_no: str, session: Session = Depends(get_session), key: PlatformKey = Depends(get_platform_key)
) -> CommitmentVerification:
    """P3: anyone holding a receipt can check that its record is unchanged since signing."""
    result = service.verify_one(session, key, commitment_no)
    if result is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    return result


@router.get("/chain/verify", response_model=ChainVerification)
def verify_chain(
    session: Session = Depends(get_session), key: PlatformKey = Depends(get_platform_key)
) -> ChainVerification:
    return service.verify_chain(session, key)


# --- after the signature: status, history, withdrawal (R17, P5) -----------------------------------------

service_router = APIRouter(prefix="/service/commitments", tags=["service"])
me_router = APIRouter(prefix="/me/commitments", tags=["applicant"])


@service_router.post("/status", response_model=CommitmentStatus)
def service_status(
    body: OwnershipProof,
    session: Session = Depends(get_session),
    _service: Principal = Depends(require_roles("service")),
) -> Dict[str, Any]:
    """The chat's "查一下我的承诺" (contract stage commitment_status); 404 not_found for an unknown number
    and for someone else's alike."""
    commitment = lifecycle_status.find_owned(session, body.commitment_no, body.id_number)
    return lifecycle_status.status_view(session, commitment)


@service_router.post("/withdraw", response_model=Withdrawal)
def service_withdraw(
    body: ServiceWithdrawalRequest,
    session: Session = Depends(get_session),
    service_caller: Principal = Depends(require_roles("service")),
    id_hash_key: bytes = Depends(get_id_hash_key),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """R17 through the chat: the applicant (proved by number + ID) withdraws with a reason."""
    lifecycle_status.begin_write(session)
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
    session.commit()
    return result


@me_router.get("", response_model=List[OwnCommitment])
def my_commitments(
    session: Session = Depends(get_session), applicant: Principal = Depends(require_roles("applicant"))
) -> List[Dict[str, Any]]:
    """P5: an applicant sees their own commitments and nobody else's."""
    return [lifecycle_status.summary_view(session, c) for c in lifecycle_status.for_applicant(session, applicant.subject or "")]


@me_router.get("/{commitment_no}", response_model=CommitmentStatus)
def my_commitment(
    commitment_no: str,
    session: Session = Depends(get_session),
    applicant: Principal = Depends(require_roles("applicant")),
) -> Dict[str, Any]:
    commitment = lifecycle_status.find_for_applicant(session, applicant, commitment_no)
    return lifecycle_status.status_view(session, commitment)


@me_router.post("/{commitment_no}/withdraw", response_model=Withdrawal)
def withdraw_my_commitment(
    commitment_no: str,
    body: WithdrawalRequest,
    session: Session = Depends(get_session),
    applicant: Principal = Depends(require_roles("applicant")),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    lifecycle_status.begin_write(session)
    commitment = lifecycle_status.find_for_applicant(session, applicant, commitment_no)
    result = lifecycle_status.withdraw(
        session, commitment, reason=body.reason, actor=applicant.actor, role="applicant", at=now
    )
    session.commit()
    return result


@router.get("/commitments/{commitment_no}")
def read_commitment(
    commitment_no: str,
    session: Session = Depends(get_session),
    officer: Principal = Depends(require_roles("officer")),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """An officer reads one commitment in full (signed record, lifecycle with actors); audit-logged (P5)."""
    commitment = lifecycle_status.by_number(session, commitment_no)
    if commitment is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    view = lifecycle_status.officer_view(session, commitment)
    lifecycle_status.audit_read(session, officer, "commitment.read", commitment)
    session.commit()
    return view


@router.get("/commitments/{commitment_no}/history")
def commitment_history(
    commitment_no: str,
    session: Session = Depends(get_session),
    officer: Principal = Depends(require_roles("officer")),
) -> List[Dict[str, Any]]:
    """Who changed the status, when and why (issue 3 item 1); audit-logged (P5)."""
    commitment = lifecycle_status.by_number(session, commitment_no)
    if commitment is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    entries = [lifecycle_status.history_entry_for_staff(e) for e in lifecycle.history(session, commitment)]
    lifecycle_status.audit_read(session, officer, "commitment.history", commitment)
    session.commit()
    return entries
