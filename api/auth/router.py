from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session

from api.auth import service
from api.auth.dependencies import client_ip, current_principal, require_roles
from api.auth.models import STAFF_ROLES
from api.auth.schemas import (
    ApplicantLoginRequest,
    LoggedOut,
    LoginRequest,
    PasswordChangeRequest,
    TokenResponse,
    WhoAmI,
)
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


@router.post("/logout", response_model=LoggedOut)
def logout(
    principal: service.Principal = Depends(current_principal),
    session: Session = Depends(get_session),
    now: datetime = Depends(get_now),
) -> LoggedOut:
    """Sign out: the presented token (staff or applicant) is refused from now on, on every replica."""
    service.logout(session, principal, now)
    return LoggedOut()


@router.post("/password", response_model=TokenResponse)
def change_password(
    body: PasswordChangeRequest,
    request: Request,
    principal: service.Principal = Depends(require_roles(*STAFF_ROLES)),
    session: Session = Depends(get_session),
    settings: Settings = Depends(get_settings),
    now: datetime = Depends(get_now),
) -> TokenResponse:
    """A staff member changes their own password. Every token of the account stops working, the presented
    one too; the answer carries a new token for this session. 403 wrong old password, 422 a weak new one."""
    token, expires, user = service.change_password(
        session, settings, request.app.state.jwt_secret, principal, body.old_password, body.new_password, now
    )
    return TokenResponse(access_token=token, role=user.role, expires_at=china_iso(expires))
