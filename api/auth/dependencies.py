"""``current_principal`` and ``require_roles``: every protected endpoint names the roles it serves (P5)."""
from __future__ import annotations

from typing import Callable, Optional

import jwt
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from api.auth.models import StaffUser
from api.auth.service import APPLICANT, SERVICE, Principal, applicant_actor, decode_token, service_token_matches
from api.dependencies import get_session
from api.errors import ApiError

SERVICE_TOKEN_HEADER = "X-Service-Token"


def client_ip(request: Request) -> str:
    # The direct peer. Behind a reverse proxy, run uvicorn with --proxy-headers --forwarded-allow-ips so that
    # this is the citizen's address and the login rate limit counts per real client.
    return request.client.host if request.client else "unknown"


def _unauthenticated(message: str = "请先登录。", error: str = "unauthenticated") -> ApiError:
    return ApiError(401, error, message, headers={"WWW-Authenticate": "Bearer"})


def _bearer(request: Request) -> Optional[str]:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def current_principal(request: Request, session: Session = Depends(get_session)) -> Principal:
    """The caller: the action server (X-Service-Token), a staff member or an applicant (Bearer JWT).

    401 without valid credentials. A staff token is good only while its account is active and has the
    role the token names, so disabling an account cuts its tokens off at once.
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
    try:
        claims = decode_token(request.app.state.jwt_secret, token)
    except jwt.ExpiredSignatureError:
        raise _unauthenticated("登录已过期，请重新登录。", "token_expired") from None
    except jwt.PyJWTError:
        raise _unauthenticated("登录凭证无效，请重新登录。", "invalid_token") from None
    if claims["role"] == APPLICANT:
        return Principal(role=APPLICANT, actor=applicant_actor(claims["sub"]), subject=claims["sub"], client_ip=ip)
    user = session.get(StaffUser, claims.get("uid")) if isinstance(claims.get("uid"), int) else None
    if user is None or not user.active or user.role != claims["role"] or user.username != claims["sub"]:
        raise _unauthenticated("账号已停用或权限已变更，请重新登录。", "invalid_token")
    return Principal(role=user.role, actor=user.username, client_ip=ip, user_id=user.id)


def require_roles(*roles: str) -> Callable[..., Principal]:
    """A dependency that lets only the named roles through: 401 without credentials, 403 for another role."""
    allowed = frozenset(roles)

    def _dependency(principal: Principal = Depends(current_principal)) -> Principal:
        if principal.role not in allowed:
            raise ApiError(403, "forbidden", "当前身份无权进行此操作。")
        return principal

    _dependency.__name__ = f"require_roles_{'_'.join(sorted(allowed))}"
    return _dependency
