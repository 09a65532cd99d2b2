"""The browser's two steps of a single sign-on through the city's identity platform (统一身份认证).

``GET /identity/oidc/start`` sends the browser to the platform with a new flow kept in an encrypted cookie;
``GET /identity/oidc/callback`` is where the platform sends it back: the code is exchanged, the ID token
checked (``api.identity.oidc``) and the identity assurance stored. The answer is the assurance as JSON; handing
it to the chat widget is a later step. The cookie is cleared on every callback, so a callback works once.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Dict, Literal, Tuple
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from api.dependencies import get_now, get_session
from api.errors import ApiError
from api.identity.oidc import FlowSealer, OidcClient, OidcError, OidcSettings, OidcVerifier

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/identity/oidc", tags=["identity"])

FLOW_COOKIE = "gz_oidc_flow"
_AAD = FLOW_COOKIE.encode("ascii")

# reason -> (HTTP status, what the citizen reads). Every refusal ends the login: the citizen starts again.
MESSAGES: Dict[str, Tuple[int, str]] = {
    # 404: on a deployment without the platform the endpoints are simply not there for the browser.
    "not_configured": (404, "统一身份认证登录暂未开通，请使用短信验证码核验身份。"),
    "provider_unavailable": (502, "统一身份认证平台暂时无法访问，请稍后再试，或使用短信验证码核验身份。"),
    "provider_error": (502, "统一身份认证平台未能完成登录，请重新登录。"),
    "denied": (401, "您没有在统一身份认证平台完成登录，身份未核验。"),
    "bad_request": (400, "登录请求不完整，请重新发起登录。"),
    "flow_missing": (400, "没有找到本浏览器发起的登录，可能已经用过或不是在本浏览器发起的，请重新登录。"),
    "flow_expired": (400, "登录等待时间过长，已失效，请重新登录。"),
    "state_mismatch": (400, "登录回调与本浏览器发起的登录不一致，为保护您的安全已拒绝，请重新登录。"),
    "issuer_mismatch": (401, "登录结果不是来自统一身份认证平台，已拒绝，请重新登录。"),
    "signature_invalid": (401, "登录凭证的签名无法验证，已拒绝，请重新登录。"),
    "audience_invalid": (401, "登录凭证不是签发给本平台的，已拒绝，请重新登录。"),
    "nonce_invalid": (401, "登录凭证与本次登录不匹配，已拒绝，请重新登录。"),
    "token_expired": (401, "登录凭证已过期，请重新登录。"),
    "token_invalid": (401, "登录凭证无效，已拒绝，请重新登录。"),
    "not_fresh": (401, "签署承诺前需要您刚刚重新登录过统一身份认证平台，请重新登录后再签署。"),
    "id_number_missing": (401, "统一身份认证平台没有提供您的身份证号码，无法核验身份，请使用短信验证码核验。"),
    "id_number_invalid": (401, "统一身份认证平台提供的身份证号码无法通过校验，身份未核验，请联系平台或使用短信验证码核验。"),
}


def _settings(request: Request) -> OidcSettings:
    state = request.app.state
    if getattr(state, "oidc_settings", None) is None:
        state.oidc_settings = OidcSettings()
    return state.oidc_settings


def _client(request: Request) -> OidcClient:
    state = request.app.state
    settings = _settings(request)
    client = getattr(state, "oidc_client", None)
    if client is None or client.settings is not settings:
        client = state.oidc_client = OidcClient(settings)
    return client


def _sealer(request: Request) -> FlowSealer:
    return FlowSealer(request.app.state.jwt_secret, _settings(request).flow_seconds)


def _refusal(exc: OidcError) -> ApiError:
    status, message = MESSAGES.get(exc.reason, MESSAGES["token_invalid"])
    # The detail may name a claim or the platform's answer; it goes to the log, not to the browser.
    logger.warning("OIDC login refused: %s (%s)", exc.reason, exc.detail)
    return ApiError(status, f"oidc_{exc.reason}", message)


def _cookie_options(settings: OidcSettings) -> dict:
    redirect = urlsplit(settings.redirect_uri)
    return {
        # Only the callback reads it. SameSite=Lax: the platform's redirect back is a top-level GET, which Lax
        # lets through, while a cross-site POST or an embedded request does not carry it.
        "path": redirect.path or "/",
        "secure": redirect.scheme == "https",
        "httponly": True,
        "samesite": "lax",
    }


@router.get("/start", response_class=RedirectResponse, status_code=302)
async def start(
    request: Request,
    purpose: Literal["login", "signing"] = Query("login", description="signing: a new login, at most max_age old"),
    now: datetime = Depends(get_now),
) -> Response:
    """Send the browser to the identity platform. ``purpose=signing`` asks for a new login (``prompt=login``,
    ``max_age``) so a commitment is signed right after the person proved who they are."""
    settings = _settings(request)
    try:
        url, flow = await _client(request).start(purpose, now.timestamp())
    except OidcError as exc:
        raise _refusal(exc) from exc
    response = RedirectResponse(url, status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.set_cookie(
        FLOW_COOKIE, _sealer(request).seal(flow, _AAD), max_age=settings.flow_seconds, **_cookie_options(settings)
    )
    return response


@router.get("/callback")
async def callback(
    request: Request,
    session: Session = Depends(get_session),
    now: datetime = Depends(get_now),
) -> Response:
    """Finish the login: state, code exchange with PKCE, ID token checks; then store the assurance."""
    settings = _settings(request)
    params = dict(request.query_params)
    try:
        flow = _sealer(request).open(request.cookies.get(FLOW_COOKIE), _AAD, now.timestamp())
        login = await _client(request).finish(flow, params, now.timestamp())
        assurance = OidcVerifier(settings, request.app.state.id_hash_key).verify(session, login, now)
        session.commit()
    except OidcError as exc:
        error = _refusal(exc)
        response: Response = JSONResponse(
            {"error": error.error, "message": error.message}, status_code=error.status_code
        )
    else:
        response = JSONResponse({"assurance": assurance.record()})
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(FLOW_COOKIE, **_cookie_options(settings))
    return response
