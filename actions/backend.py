"""The action server's client for the backend API (api/).

One pooled async HTTP client per process. Every failure that is not the backend's own refusal becomes
``BackendUnavailable`` so the journey can answer with ``service_error`` and keep what the user gave (P4).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx

logger = logging.getLogger(__name__)

API_URL = os.environ.get("GZ_API_URL", "http://127.0.0.1:8800").rstrip("/")
TIMEOUT = httpx.Timeout(float(os.environ.get("GZ_API_TIMEOUT", "6")), connect=2.0)

_client: Optional[httpx.AsyncClient] = None
_file_token: Optional[str] = None


class BackendUnavailable(Exception):
    """The API could not be reached or failed on its side; the user's data stays in the tracker."""


class BackendRefused(Exception):
    """The API refused the request for a reason of its own (e.g. credit blocked, unknown notice version)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def client() -> httpx.AsyncClient:
    global _client
    if _client is None or _client.is_closed:
        _client = httpx.AsyncClient(
            base_url=API_URL,
            timeout=TIMEOUT,
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
        )
    return _client


def service_token() -> str:
    """The action server's service credential (header X-Service-Token). GZ_SERVICE_TOKEN, set by bot/stack.py,
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
    if response.status_code in (401, 403):
        # Our own service credential was refused: a configuration fault of the server side, not the user's
        # answer; treated like an outage so the user keeps what they entered (P4).
        logger.error("backend %s %s refused the service credential (%s)", method, path, response.status_code)
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
        code = detail.get("error") or detail.get("code") or "refused"
        raise BackendRefused(response.status_code, str(code), str(detail.get("message", "")))
    return response.json()


async def fetch_catalogue() -> List[Dict[str, Any]]:
    return await _request("GET", "/api/v1/catalogue/items")


async def check_credit(id_number: str) -> Dict[str, Any]:
    # POST, so the ID number never appears in a URL or an access log (P5).
    return await _request("POST", "/api/v1/credit/check", json={"id_number": id_number})


async def submit_commitment(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/commitments", json=payload)


# --- service endpoints of the chat flows after the commitment (ownership proof in the body, P5) ---------


async def commitment_status(commitment_no: str, id_number: str) -> Dict[str, Any]:
    return await _request(
        "POST", "/api/v1/service/commitments/status", json={"commitment_no": commitment_no, "id_number": id_number}
    )


async def withdraw_commitment(commitment_no: str, id_number: str, reason: str) -> Dict[str, Any]:
    return await _request(
        "POST",
        "/api/v1/service/commitments/withdraw",
        json={"commitment_no": commitment_no, "id_number": id_number, "reason": reason},
    )


async def file_complaint(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/complaints", json=payload)


async def credit_records(name: str, id_number: str) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/credit/records", json={"name": name, "id_number": id_number})


async def credit_warning(item_code: str, id_number: str) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/service/credit/warning", json={"item_code": item_code, "id_number": id_number})
