from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from api.auth import service
from api.auth.dependencies import PrincipalDep, client_ip, require_roles
from api.auth.models import STAFF_ROLES
from api.auth.schemas import (
    ApplicantCodeRequest, ApplicantCodeSent, ApplicantLoginRequest, LoggedOut, LoginRequest, PasswordChangeRequest,
    TokenResponse, WhoAmI,
)
from api.clock import china_iso
from api.dependencies import NowDep, SessionDep, SettingsDep
from api.identity.router import OtpVerifierDep

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=TokenResponse)
def login(
    body: LoginRequest,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
) -> TokenResponse:
    """Staff sign-in. 401 for a wrong username or password (never which); 429 after repeated failures."""
    token, expires, user = service.staff_login(
        session, settings, request.app.state.jwt_secret, body.username, body.password, client_ip(request), now
    )
    return TokenResponse(access_token=token, role=user.role, expires_at=china_iso(expires))


@router.post("/applicant/code", response_model=ApplicantCodeSent)
def applicant_code(
    body: ApplicantCodeRequest,
    request: Request,
    session: SessionDep,
    verifier: OtpVerifierDep,
    now: NowDep,
) -> ApplicantCodeSent:
    """Step 1 of an applicant's sign-in: a login code to the ID's 实名 phone. The answer is the same whether or
    not the ID has one (P5); 429 past the limits per ID and per address."""
    message, expires_in = service.request_applicant_code(session, verifier, body.id_number, client_ip(request), now)
    return ApplicantCodeSent(message=message, expires_in=expires_in)


@router.post("/applicant", response_model=TokenResponse)
def applicant_login(
    body: ApplicantLoginRequest,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    verifier: OtpVerifierDep,
    now: NowDep,
) -> TokenResponse:
    """Step 2: the code typed back gives an applicant's token; it reaches only their own records (P5). 401
    ``invalid_code`` for any code that does not work; 429 after repeated failures."""
    token, expires = service.applicant_login(
        session, settings, request.app.state.jwt_secret, verifier, body.id_number, body.code, client_ip(request), now
    )
    return TokenResponse(access_token=token, role=service.APPLICANT, expires_at=china_iso(expires))


@router.get("/me", response_model=WhoAmI)
def who_am_i(principal: PrincipalDep) -> WhoAmI:
    return WhoAmI(role=principal.role, actor=principal.actor)


@router.post("/logout", response_model=LoggedOut)
def logout(principal: PrincipalDep, session: SessionDep, now: NowDep) -> LoggedOut:
    """Sign out: the presented token (staff or applicant) is refused from now on, on every replica."""
    service.logout(session, principal, now)
    return LoggedOut()


@router.post("/password", response_model=TokenResponse)
def change_password(
    body: PasswordChangeRequest,
    request: Request,
    principal: Annotated[service.Principal, Depends(require_roles(*STAFF_ROLES))],
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
) -> TokenResponse:
    """A staff member changes their own password. Every token of the account stops working, the presented
    one too; the answer carries a new token for this session. 403 wrong old password, 422 a weak new one."""
    token, expires, user = service.change_password(
        session, settings, request.app.state.jwt_secret, principal, body.old_password, body.new_password, now
    )
    return TokenResponse(access_token=token, role=user.role, expires_at=china_iso(expires))
