"""The browser's two steps of a single sign-on through the city's identity platform (统一身份认证).

``GET /identity/oidc/start`` sends the browser to the platform with a new flow kept in an encrypted cookie;
``GET /identity/oidc/callback`` is where the platform sends it back: the code is exchanged, the ID token
checked (``api.identity.oidc``) and the identity assurance stored. The answer is the assurance as JSON; handing
it to the chat widget is a later step. The cookie is cleared on every callback, so a callback works once.
"""
from __future__ import annotations

import html
import logging
from datetime import timedelta
from typing import Dict, Literal, Optional, Tuple
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from api.auth.dependencies import ServiceDep
from api.clock import utc
from api.dependencies import NowDep, SessionDep, SettingsDep
from api.errors import ApiError
from api.identity.assurance import Act, ActConfirmation, subject_hash
from api.identity.deps import IdentityGateDep
from api.identity.gate import to_confirmation
from api.identity.models import AssuranceRecord
from api.identity.oidc import PURPOSE_SIGNING, FlowSealer, OidcClient, OidcError, OidcSettings, OidcVerifier
from api.identity.otp import checked_id
from api.identity.schemas import OidcLogin
from bot.core.conversation import key as conversation_key

WIDGET_CHANNEL = "socketio"

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/identity/oidc", tags=["identity"])
# The action server: a link for signing through the platform, and the confirmation it left in the conversation.
service_router = APIRouter(prefix="/service/identity/oidc", tags=["service", "identity"])

FLOW_COOKIE = "gz_oidc_flow"
_AAD = FLOW_COOKIE.encode("ascii")
_TICKET_AAD = b"gz_oidc_signing_ticket"

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
    "subject_mismatch": (403, "登录统一身份认证平台的不是这份承诺的签署人本人，承诺没有签署。请由签署人本人登录确认。"),
}


def _settings(request: Request) -> OidcSettings:
    state = request.app.state
    if getattr(state, "oidc_settings", None) is None:
        state.oidc_settings = OidcSettings()
    return state.oidc_settings


def platform_configured(request: Request) -> bool:
    """Whether the city's identity platform is configured (the portal's widget then offers signing in there)."""
    return _settings(request).enabled


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
    now: NowDep,
    purpose: Literal["login", "signing"] = Query("login", description="signing: a new login, at most max_age old"),
    conversation: Optional[str] = Query(None, max_length=200, description="the chat conversation it vouches in"),
    ticket: Optional[str] = Query(None, max_length=4000, description="signing: the act's sealed ticket"),
) -> Response:
    """Send the browser to the identity platform. ``purpose=signing`` asks for a new login (``prompt=login``,
    ``max_age``) so a commitment is signed right after the person proved who they are; with the chat's
    ``ticket`` that login confirms the act the ticket names (意愿认证)."""
    settings = _settings(request)
    try:
        if ticket is not None:
            if purpose != PURPOSE_SIGNING:
                raise OidcError("bad_request", "a ticket is for signing")
            conversation = _sealer(request).open_ticket(ticket, _TICKET_AAD, now.timestamp())["conversation"]
        elif conversation is not None:
            # The widget names its socket.io session: the login vouches in that conversation of that channel.
            conversation = conversation_key(WIDGET_CHANNEL, conversation)
        url, flow = await _client(request).start(purpose, now.timestamp(), conversation, ticket)
    except OidcError as exc:
        raise _refusal(exc) from exc
    response = RedirectResponse(url, status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.set_cookie(
        FLOW_COOKIE, _sealer(request).seal(flow, _AAD), max_age=settings.flow_seconds, **_cookie_options(settings)
    )
    return response


@router.get("/callback", response_model=OidcLogin, responses={
    200: {"description": "the stored assurance; a browser asking for text/html gets a one-sentence page instead",
          "content": {"text/html": {}}}})
async def callback(
    request: Request,
    session: SessionDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> Response:
    """Finish the login: state, code exchange with PKCE, ID token checks; then store the assurance."""
    settings = _settings(request)
    params = dict(request.query_params)
    wants_page = "text/html" in request.headers.get("accept", "")
    try:
        flow = _sealer(request).open(request.cookies.get(FLOW_COOKIE), _AAD, now.timestamp())
        login = await _client(request).finish(flow, params, now.timestamp())
        act, client = None, None
        if flow.conversation:
            client = gate.conversation_hash(flow.conversation)
        if flow.ticket:
            ticket = _sealer(request).open_ticket(flow.ticket, _TICKET_AAD, now.timestamp())
            # Only the signer the chat named may confirm: a login by anyone else confirms nothing.
            if subject_hash(login.id_number, request.app.state.id_hash_key) != ticket["subject"]:
                raise OidcError("subject_mismatch", "the platform login is another person than the signer")
            act = Act(**ticket["act"])
        assurance = OidcVerifier(settings, request.app.state.id_hash_key).verify(
            session, login, now, client=client, act=act)
    except OidcError as exc:
        error = _refusal(exc)
        response: Response = (
            _page(error.message, ok=False, status=error.status_code) if wants_page else
            JSONResponse({"error": error.error, "message": error.message}, status_code=error.status_code))
    else:
        if wants_page:
            done = "已确认签署，请回到对话窗口，回复“已完成”。" if flow.ticket else "登录成功，请回到对话窗口继续办理。"
            response = _page(done, ok=True)
        else:
            response = JSONResponse({"assurance": assurance.record()})
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(FLOW_COOKIE, **_cookie_options(settings))
    return response


def _page(message: str, *, ok: bool, status: int = 200) -> HTMLResponse:
    """What a person's browser shows after the platform: one sentence, and the chat window is told (the widget
    opened this page and listens for it)."""
    text = html.escape(message)
    body = (
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>统一身份认证</title>"
        f"<main><p role=\"status\" style=\"font-size:1.25rem\">{text}</p></main>"
        "<script>try{if(window.opener){window.opener.postMessage({gz_identity:%s},window.location.origin);}}"
        "catch(e){}</script></html>" % ("true" if ok else "false")
    )
    return HTMLResponse(body, status_code=status)


# --- the action server's side ---------------------------------------------------------------------------------


class SigningRequest(BaseModel):
    id_number: str = Field(min_length=1, max_length=40)
    client: str = Field(min_length=1, max_length=200, description="the chat conversation (sender id)")
    act: Act


class SigningLink(BaseModel):
    url: str = Field(description="where the person's browser confirms the act with a new platform login")
    expires_in: int


class ActLookup(BaseModel):
    id_number: str = Field(min_length=1, max_length=40)
    client: str = Field(min_length=1, max_length=200)
    act: Act


@service_router.post("/signing", response_model=SigningLink)
def signing_link(
    body: SigningRequest,
    request: Request,
    _caller: ServiceDep,
    settings: SettingsDep,
    now: NowDep,
) -> SigningLink:
    """A link that confirms ``act`` for the holder of ``id_number`` in this conversation through a new login
    at the identity platform, instead of an SMS code. The ticket is sealed: nobody can change what it names."""
    oidc = _settings(request)
    if not oidc.enabled:
        raise ApiError(404, "oidc_not_configured", MESSAGES["not_configured"][1])
    ticket = _sealer(request).seal_ticket({
        "conversation": body.client,
        "subject": subject_hash(checked_id(body.id_number), request.app.state.id_hash_key),
        "act": body.act.model_dump(mode="json"),
        "issued_at": now.timestamp(),
    }, _TICKET_AAD)
    base = settings.public_base_url.rstrip("/")
    url = f"{base}/api/v1/identity/oidc/start?" + urlencode({"purpose": PURPOSE_SIGNING, "ticket": ticket})
    return SigningLink(url=url, expires_in=oidc.flow_seconds)


@service_router.post("/acts/current", response_model=ActConfirmation)
def current_act(
    body: ActLookup,
    session: SessionDep,
    _caller: ServiceDep,
    gate: IdentityGateDep,
    now: NowDep,
) -> ActConfirmation:
    """The newest confirmation of exactly ``act`` for this ID made in this conversation and still fresh, if
    any (404 otherwise): what a signing login at the platform left for the chat to carry on with."""
    since = utc(now) - timedelta(seconds=gate.act_seconds)
    row = session.scalars(
        select(AssuranceRecord)
        .where(
            AssuranceRecord.client_hash == gate.conversation_hash(body.client),
            AssuranceRecord.subject_hash == subject_hash(checked_id(body.id_number), gate.id_hash_key),
            AssuranceRecord.act_sha256 == body.act.digest(),
            AssuranceRecord.verified_at >= since,
        )
        .order_by(AssuranceRecord.verified_at.desc(), AssuranceRecord.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise ApiError(404, "act_confirmation_required", "还没有收到您在统一身份认证平台的签署确认。")
    return to_confirmation(row)
