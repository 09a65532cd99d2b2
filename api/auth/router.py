from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session

from api.auth import service
from api.auth.dependencies import client_ip, current_principal
from api.auth.schemas import ApplicantLoginRequest, LoginRequest, TokenResponse, WhoAmI
from api.clock import china_iso
from api.config import Settings
from api.dependencies import get_id_hash_key, get_now, get_session, get_settings

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=TokenResponse)
def login(
    body: LoginRequest,
    request: Request,
    session: Session = Depends(get_session),
    settings: Settings = Depends(get_settings),
    now: datetime = Depends(get_now),
) -> TokenResponse:
    """Staff sign-in. 401 for a wrong username or password (never which); 429 after repeated failures."""
    token, expires, user = service.staff_login(
        session, settings, request.app.state.jwt_secret, body.username, body.password, client_ip(request), now
    )
    return TokenResponse(access_token=token, role=user.role, expires_at=china_iso(expires))


@router.post("/applicant", response_model=TokenResponse)
def applicant_login(
    body: ApplicantLoginRequest,
    request: Request,
    session: Session = Depends(get_session),
    settings: Settings = Depends(get_settings),
    id_hash_key: bytes = Depends(get_id_hash_key),
    now: datetime = Depends(get_now),
) -> TokenResponse:
    """An applicant's token (stand-in for the city's real-name SSO); it reaches only their own records (P5)."""
    token, expires = service.applicant_login(
        session, settings, request.app.state.jwt_secret, id_hash_key, body.name, body.id_number, client_ip(request), now
    )
    return TokenResponse(access_token=token, role=service.APPLICANT, expires_at=china_iso(expires))


@router.get("/me", response_model=WhoAmI)
def who_am_i(principal: service.Principal = Depends(current_principal)) -> WhoAmI:
    return WhoAmI(role=principal.role, actor=principal.actor)
