"""The action server's client for the backend API (api/).

One pooled async HTTP client per process. Every failure that is not the backend's own refusal becomes
``BackendUnavailable`` so the journey can answer with ``service_error`` and keep what the user gave (P4).
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Optional

import httpx

logger = logging.getLogger(__name__)

API_URL = os.environ.get("GZ_API_URL", "http://127.0.0.1:8800").rstrip("/")
TIMEOUT = httpx.Timeout(float(os.environ.get("GZ_API_TIMEOUT", "6")), connect=2.0)

_client: Optional[httpx.AsyncClient] = None


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


async def _request(method: str, path: str, **kwargs: Any) -> Any:
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
        detail = body.get("detail") if isinstance(body.get("detail"), dict) else body
        raise BackendRefused(
            response.status_code, str(detail.get("error", "refused")), str(detail.get("message", ""))
        )
    return response.json()


async def fetch_catalogue() -> List[Dict[str, Any]]:
    return await _request("GET", "/api/v1/catalogue/items")


async def check_credit(id_number: str) -> Dict[str, Any]:
    # POST, so the ID number never appears in a URL or an access log (P5).
    return await _request("POST", "/api/v1/credit/check", json={"id_number": id_number})


async def submit_commitment(payload: Dict[str, Any]) -> Dict[str, Any]:
    return await _request("POST", "/api/v1/commitments", json=payload)
