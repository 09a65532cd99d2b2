"""The action server's client for the backend API (api/).

One pooled async HTTP client per process. Every failure that is not the backend's own refusal becomes
``BackendUnavailable`` so the journey can answer with ``service_error`` and keep what the user gave (P4).

The client is httpx's, and its requests go over aiohttp's connection pool (``AiohttpTransport``): httpx's own
HTTP/1.1 stack (httpcore, h11 in pure Python, anyio streams) cost about 1 ms more per request than aiohttp's, on
the action server's event loop, and the slowest turns of a journey make two API calls each. The answer is the
same: the same requests (method, URL, headers, body) and the same responses as httpx objects, aiohttp's
failures raised as the httpx errors of the same kind. With a proxy configured in the environment (which httpx
honours and this transport would not), the client keeps httpx's own transport.
"""
from __future__ import annotations

import asyncio
import logging
import os
import weakref
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp
import httpx

logger = logging.getLogger(__name__)

API_URL = os.environ.get("GZ_API_URL", "http://127.0.0.1:8800").rstrip("/")
TIMEOUT = httpx.Timeout(float(os.environ.get("GZ_API_TIMEOUT", "6")), connect=2.0)

_client: Optional[httpx.AsyncClient] = None
_file_token: Optional[str] = None


# 401/403 refusals about the person (not yet verified, verified as someone else, a code or an authorisation that
# does not hold), as opposed to the API refusing the action server's own credential.
PERSON_REFUSALS = ("identity_", "act_confirmation_", "authorisation_", "code_", "oidc_")


class BackendUnavailable(Exception):
    """The API could not be reached or failed on its side; the user's data stays in the tracker."""


class BackendRefused(Exception):
    """The API refused the request for a reason of its own (e.g. credit blocked, unknown notice version)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


MAX_CONNECTIONS = 50
# Below uvicorn's keep-alive timeout (5 s), as httpx's keep-alive expiry is: a connection the API is about to
# close is not picked for the next request.
KEEPALIVE_SECONDS = 4.0
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx requests sent with an aiohttp session (module docstring). The session belongs to the event loop that
    made it; a request on another loop (a test's) gets a new one."""

    def __init__(self, timeout: httpx.Timeout = TIMEOUT, max_connections: int = MAX_CONNECTIONS) -> None:
        self.timeout = timeout
        self.max_connections = max_connections
        # [session, its loop]; closed without a loop at exit, so no "unclosed session" noise after the loop ended.
        self._held: List[Any] = [None, None]
        weakref.finalize(self, _discard, self._held)

    def _session_for(self, loop: asyncio.AbstractEventLoop) -> aiohttp.ClientSession:
        session, owner = self._held
        if session is None or session.closed or owner is not loop:
            _discard(self._held)
            connector = aiohttp.TCPConnector(limit=self.max_connections, keepalive_timeout=KEEPALIVE_SECONDS)
            timeout = aiohttp.ClientTimeout(total=None, connect=self.timeout.pool, sock_connect=self.timeout.connect,
                                            sock_read=self.timeout.read)
            # No decompression, no cookies, no redirects here: httpx does what it does with the raw answer.
            session = aiohttp.ClientSession(connector=connector, timeout=timeout, auto_decompress=False,
                                            cookie_jar=aiohttp.DummyCookieJar(), trust_env=False)
            self._held[:] = [session, loop]
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session_for(asyncio.get_running_loop())
        body = await request.aread()
        # The header names as httpx writes them (``raw`` keeps their case), nothing added by aiohttp.
        headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw]
        try:
            async with session.request(
                request.method, str(request.url), data=body or None, headers=headers,
                allow_redirects=False, skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
            ) as answer:
                content = await answer.read()
                answered = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in answer.raw_headers]
                status = answer.status
        except asyncio.TimeoutError as exc:
            raise httpx.TimeoutException(type(exc).__name__, request=request) from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        except aiohttp.ClientError as exc:
            raise httpx.NetworkError(f"{type(exc).__name__}: {exc}", request=request) from exc
        return httpx.Response(status, headers=answered, content=content, request=request,
                              extensions={"http_version": b"HTTP/1.1"})

    async def aclose(self) -> None:
        session = self._held[0]
        self._held[:] = [None, None]
        if session is not None and not session.closed:
            await session.close()


def _discard(held: List[Any]) -> None:
    """Close a session without awaiting (its loop may be gone): its connections closed, the session detached."""
    session = held[0]
    held[:] = [None, None]
    if session is None or session.closed:
        return
    connector = session.connector
    session.detach()
    if connector is not None:
        connector._close()  # the synchronous part of ``await connector.close()``; safe on a closed loop


def _proxy_configured(env=os.environ) -> bool:
    return any(env.get(name) or env.get(name.upper()) for name in _PROXY_VARIABLES)


def client() -> httpx.AsyncClient:
    global _client
    if _client is None or _client.is_closed:
        _client = httpx.AsyncClient(
            base_url=API_URL,
            timeout=TIMEOUT,
            limits=httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=20),
            transport=None if _proxy_configured() else AiohttpTransport(),
        )
    return _client


def service_token() -> str:
    """The action server's service credential (header X-Service-Token). GZ_SERVICE_TOKEN, set by bot/tools/stack.py,
    wins; otherwise the token file the API creates (GZ_SERVICE_TOKEN_PATH) when both run on one machine."""
    global _file_token
    token = os.environ.get("GZ_SERVICE_TOKEN", "").strip()
    if token:
        return token
    if not _file_token:
        try:
            _file_token = Path(os.environ.get("GZ_SERVICE_TOKEN_PATH", "var/keys/service.token")).read_text().strip()
        except OSError:
            return ""
    return _file_token


async def _request(method: str, path: str, **kwargs: Any) -> Any:
    token = service_token()
    if token:
        kwargs["headers"] = {**kwargs.get("headers", {}), "X-Service-Token": token}
    try:
        response = await client().request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        logger.warning("backend %s %s unreachable: %s", method, path, type(exc).__name__)
        raise BackendUnavailable(str(exc)) from exc
    if response.status_code >= 500:
        raise BackendUnavailable(f"{response.status_code} from {path}")
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        detail = body.get("detail") if isinstance(body.get("detail"), dict) else body
        # The API's errors say ``error``; a refusal of the channel evidence may say ``code``: both are the code.
        code = str(detail.get("error") or detail.get("code") or "refused")
        if response.status_code in (401, 403) and not code.startswith(PERSON_REFUSALS):
            # Our own service credential was refused: a configuration fault of the server side, not the user's
            # answer; treated like an outage so the user keeps what they entered (P4).
            logger.error("backend %s %s refused the service credential (%s)", method, path, response.status_code)
            raise BackendUnavailable(f"{response.status_code} from {path}")
        raise BackendRefused(response.status_code, code, str(detail.get("message", "")))
    return response.json()


async def fetch_catalogue() -> List[Dict[str, Any]]:
    return await _request("GET", "/api/v1/catalogue/items")


async def check_credit(id_number: str, *, assurance_id: Optional[str], client: str,
                       authorisation: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """POST, so the ID number never appears in a URL or an access log (P5). The API answers only for a person
    verified in this conversation, or their agent holding an authorisation (actions/identity.py)."""
    body: Dict[str, Any] = {"id_number": id_number, "assurance_id": assurance_id, "client": client}
    if authorisation:
        body["authorisation"] = authorisation
    return await _request("POST", "/api/v1/credit/check", json=body)


async def submit_commitment(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/commitments", json=payload)


# --- service endpoints of the chat flows after the commitment (ownership proof in the body, P5) ---------


async def commitment_status(commitment_no: str, id_number: str, *, assurance_id: Optional[str],
                            client: str) -> Dict[str, Any]:
    """The API answers only the applicant verified in this conversation (``assurance_id`` from
    actions/identity.py, ``client`` the chat's sender id); identity_* refusals come back as BackendRefused."""
    return await _request(
        "POST", "/api/v1/service/commitments/status",
        json={"commitment_no": commitment_no, "id_number": id_number, "assurance_id": assurance_id, "client": client},
    )


async def withdraw_commitment(commitment_no: str, id_number: str, reason: str, *, assurance_id: Optional[str],
                              client: str) -> Dict[str, Any]:
    return await _request(
        "POST",
        "/api/v1/service/commitments/withdraw",
        json={"commitment_no": commitment_no, "id_number": id_number, "reason": reason,
              "assurance_id": assurance_id, "client": client},
    )


async def file_complaint(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/complaints", json=payload)


async def credit_records(name: str, id_number: str, *, assurance_id: Optional[str], client: str) -> Dict[str, Any]:
    """One's own integrity file: the verified identity decides whose it is; the name only words the answer."""
    return await _request("POST", "/api/v1/service/credit/records",
                          json={"name": name, "id_number": id_number, "assurance_id": assurance_id, "client": client})


async def credit_warning(item_code: str, id_number: str, *, assurance_id: Optional[str], client: str,
                         authorisation: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    body: Dict[str, Any] = {"item_code": item_code, "id_number": id_number, "assurance_id": assurance_id,
                            "client": client}
    if authorisation:
        body["authorisation"] = authorisation
    return await _request("POST", "/api/v1/service/credit/warning", json=body)


# --- identity (api/identity): codes to the 实名 phone, and assurances made in this conversation -------------


async def request_code(id_number: str, client: str, act: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Send a login code (or, with ``act``, a code that confirms that act) to the ID's registered phone."""
    body: Dict[str, Any] = {"purpose": "act" if act else "login", "id_number": id_number, "client": client}
    if act:
        body["act"] = act
    return await _request("POST", "/api/v1/service/identity/codes", json=body)


async def verify_code(id_number: str, code: str, client: str, act: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    body: Dict[str, Any] = {"purpose": "act" if act else "login", "id_number": id_number, "code": code,
                            "client": client}
    if act:
        body["act"] = act
    return await _request("POST", "/api/v1/service/identity/codes/verify", json=body)


async def current_assurance(id_number: str, client: str) -> Optional[Dict[str, Any]]:
    """The assurance a staff attestation or a single sign-on made for this ID in this conversation, or None."""
    try:
        return await _request("POST", "/api/v1/service/identity/assurances/current",
                              json={"id_number": id_number, "client": client})
    except BackendRefused as refused:
        if refused.status == 404:
            return None
        raise


# --- special authorisations (api/authorisations) ----------------------------------------------------------


async def check_authorisation(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/authorisations/check", json=payload)


async def grant_authorisation(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/authorisations", json=payload)


async def list_authorisations(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/authorisations/list", json=payload)


async def revoke_authorisation(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/authorisations/revoke", json=payload)


async def oidc_signing_link(id_number: str, client: str, act: Dict[str, Any]) -> Dict[str, Any]:
    """A link where the person confirms the act with a new login at the city's identity platform."""
    return await _request("POST", "/api/v1/service/identity/oidc/signing",
                          json={"id_number": id_number, "client": client, "act": act})


async def oidc_act_confirmation(id_number: str, client: str, act: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The confirmation such a login left in this conversation for exactly this act, or None (not yet)."""
    try:
        return await _request("POST", "/api/v1/service/identity/oidc/acts/current",
                              json={"id_number": id_number, "client": client, "act": act})
    except BackendRefused as refused:
        if refused.status == 404:
            return None
        raise
