from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session, sessionmaker

from api.commitments import service
from api.commitments.schemas import ChainVerification, CommitmentReceipt, CommitmentRequest, CommitmentVerification
from api.config import Settings
from api.dependencies import get_id_hash_key, get_platform_key, get_session, get_sessionmaker, get_settings
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
