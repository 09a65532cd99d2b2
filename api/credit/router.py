from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from api.credit import service
from api.credit.schemas import CreditCheckRequest, CreditCheckResponse
from api.dependencies import get_id_hash_key, get_session
from api.errors import ApiError

router = APIRouter(prefix="/credit", tags=["credit"])


@router.post("/check", response_model=CreditCheckResponse)
def credit_check(
    body: CreditCheckRequest, session: Session = Depends(get_session), key: bytes = Depends(get_id_hash_key)
) -> CreditCheckResponse:
    """R4 / R18: whether this applicant may use commitment, and the records that decide it."""
    id_number = service.normalise_id(body.id_number)
    problem = service.id_problem(id_number)
    if problem:
        raise ApiError(422, problem, service.id_problem_message(problem))
    result = service.check(session, key, id_number)
    return CreditCheckResponse(status=result.status, records=result.records)
