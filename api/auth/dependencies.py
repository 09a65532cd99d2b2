"""``current_principal`` and ``require_roles``: every protected endpoint names the roles it serves (P5)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from ipaddress import ip_address
from typing import Annotated, Callable, Optional, Sequence

import jwt
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from api.auth.models import StaffUser
from api.auth.service import (
    APPLICANT,
    SERVICE,
    Principal,
    applicant_actor,
    decode_token,
    is_revoked,
    service_token_matches,
    token_expiry,
)
from api.config import IPNetwork
from api.dependencies import NowDep, SessionDep
from api.errors import ApiError

SERVICE_TOKEN_HEADER = "X-Service-Token"


def _trusted(address: str, proxies: Sequence[IPNetwork]) -> bool:
    try:
        parsed = ip_address(address.strip())
    except ValueError:
        return False
    return any(parsed in network for network in proxies)


def forwarded_client(peer: str, forwarded_for: Optional[str], proxies: Sequence[IPNetwork]) -> str:
    """The client address: the socket peer, unless the peer is a trusted proxy.

    Behind trusted proxies, X-Forwarded-For is read from the right (each proxy appends the address it got
    the request from) and the first address that is not itself a trusted proxy is the client. Whatever a
    client writes into the header itself is further left and never reached, so rotating it cannot give a
    fresh login limit. Nothing trusted (the default), nothing is read.
    """
    if not proxies or not forwarded_for or not _trusted(peer, proxies):
        return peer
    client = peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        try:
            hop = str(ip_address(hop))
        except ValueError:
            # Not an address (a proxy misconfigured, or "unknown"): the last address a trusted hop vouched for.
            return client
        client = hop
        if not _trusted(hop, proxies):
            return hop
    return client


def client_ip(request: Request) -> str:
    peer = request.client.host if request.client else "unknown"
    proxies = request.app.state.settings.trusted_proxy_networks
    return forwarded_client(peer, request.headers.get("X-Forwarded-For"), proxies)


def _unauthenticated(message: str = "请先登录。", error: str = "unauthenticated") -> ApiError:
    return ApiError(401, error, message, headers={"WWW-Authenticate": "Bearer"})


def _bearer(request: Request) -> Optional[str]:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def current_principal(request: Request, session: SessionDep) -> Principal:
    """The caller: the action server (X-Service-Token), a staff member or an applicant (Bearer JWT).

    401 without valid credentials. A token is good only until it was signed out (``revoked_tokens``) and
    never longer than the server's lifetime for its role. A staff token is good only while its account is
    active, has the role the token names and is still in the token's generation (a password change ends
    every older token), so disabling an account cuts its tokens off at once.
    """
    ip = client_ip(request)
    presented = request.headers.get(SERVICE_TOKEN_HEADER)
    if presented is not None:
        if not service_token_matches(request.app.state.service_token, presented):
            raise _unauthenticated("服务凭证无效。", "invalid_token")
        return Principal(role=SERVICE, actor=SERVICE, client_ip=ip)
    token = _bearer(request)
    if token is None:
        raise _unauthenticated()
    settings = request.app.state.settings
    try:
        claims = decode_token(request.app.state.jwt_secret, token, settings, datetime.now(timezone.utc))
    except jwt.ExpiredSignatureError:
        raise _unauthenticated("登录已过期，请重新登录。", "token_expired") from None
    except jwt.PyJWTError:
        raise _unauthenticated("登录凭证无效，请重新登录。", "invalid_token") from None
    if is_revoked(session, claims["jti"]):
        raise _unauthenticated("您已退出登录，请重新登录。", "token_revoked")
    session_of = {"token_id": claims["jti"], "token_expires": token_expiry(settings, claims), "client_ip": ip}
    if claims["role"] == APPLICANT:
        return Principal(role=APPLICANT, actor=applicant_actor(claims["sub"]), subject=claims["sub"], **session_of)
    user = session.get(StaffUser, claims.get("uid")) if isinstance(claims.get("uid"), int) else None
    if user is None or not user.active or user.role != claims["role"] or user.username != claims["sub"]:
        raise _unauthenticated("账号已停用或权限已变更，请重新登录。", "invalid_token")
    if claims.get("gen") != user.token_generation or isinstance(claims.get("gen"), bool):
        raise _unauthenticated("密码已更改，请用新密码重新登录。", "token_revoked")
    return Principal(role=user.role, actor=user.username, user_id=user.id, **session_of)


def require_roles(*roles: str) -> Callable[..., Principal]:
    """A dependency that lets only the named roles through: 401 without credentials, 403 for another role."""
    allowed = frozenset(roles)

    async def _dependency(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.role not in allowed:
            raise ApiError(403, "forbidden", "当前身份无权进行此操作。")
        return principal

    _dependency.__name__ = f"require_roles_{'_'.join(sorted(allowed))}"
    return _dependency


# The caller, whoever it is (401 without valid credentials): ``def route(caller: PrincipalDep)``.
PrincipalDep = Annotated[Principal, Depends(current_principal)]
# One role each, as parameter types. Several roles at once: ``Annotated[Principal, Depends(require_roles(...))]``.
ServiceDep = Annotated[Principal, Depends(require_roles(SERVICE))]
StaffDep = Annotated[Principal, Depends(require_roles("staff"))]
OfficerDep = Annotated[Principal, Depends(require_roles("officer"))]
AdminDep = Annotated[Principal, Depends(require_roles("admin"))]
ApplicantDep = Annotated[Principal, Depends(require_roles(APPLICANT))]


@dataclass(frozen=True)
class Call:
    """What a protected route mostly works with, as one parameter: the request's transaction, the caller
    (already let through by role) and the request's time."""

    session: Session
    principal: Principal
    now: datetime


async def _officer_call(session: SessionDep, principal: OfficerDep, now: NowDep) -> Call:
    return Call(session, principal, now)


async def _service_call(session: SessionDep, principal: ServiceDep, now: NowDep) -> Call:
    return Call(session, principal, now)


async def _staff_call(session: SessionDep, principal: StaffDep, now: NowDep) -> Call:
    return Call(session, principal, now)


# These wrappers only combine what other dependencies resolved, so they are ``async``: FastAPI would run a plain
# ``def`` in its thread pool, a hop there and back on every request (as in api/dependencies.py).
# ``def route(call: OfficerCall)`` instead of a session, an ``OfficerDep`` and a ``NowDep``; likewise the others.
OfficerCall = Annotated[Call, Depends(_officer_call)]
ServiceCall = Annotated[Call, Depends(_service_call)]
StaffCall = Annotated[Call, Depends(_staff_call)]
