"""A principal's electronic special authorisation (特别授权), granted through the API as the chat's own grant flow
does: the principal proves who they are with a login code to their registered phone, then grants with that
assurance in the same conversation. The agent later types the number and the code at ``authorization_no``.
"""
from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any, Dict, List, Tuple

import httpx

from tests.e2e import outbox

CODES = "/api/v1/service/identity/codes"
VERIFY = "/api/v1/service/identity/codes/verify"
GRANT = "/api/v1/service/authorisations"


def service_post(stack: Any, path: str, body: Dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{stack.config.api_url}{path}", json=body, headers={"X-Service-Token": stack.service_token},
                      timeout=30)


def verified_assurance(stack: Any, id_number: str, phone: str, client: str) -> str:
    """A login code to ``phone`` for ``id_number``, typed back in conversation ``client``: the assurance id."""
    sent = service_post(stack, CODES, {"purpose": "login", "id_number": id_number, "client": client})
    assert sent.status_code == 200, sent.text
    code = outbox.newest_code(outbox.outbox_path(stack), phone)
    verified = service_post(stack, VERIFY, {"purpose": "login", "id_number": id_number, "code": code, "client": client})
    assert verified.status_code == 200, verified.text
    return verified.json()["assurance"]["assurance_id"]


def grant(stack: Any, principal: Tuple[str, str], principal_phone: str, agent: Tuple[str, str],
          item_codes: List[str], days: int = 30) -> Dict[str, Any]:
    """The principal grants the agent a special authorisation for ``item_codes``: the API's answer (number, code)."""
    client = f"e2e-grant-{uuid.uuid4().hex[:10]}"
    assurance = verified_assurance(stack, principal[1], principal_phone, client)
    response = service_post(stack, GRANT, {
        "principal_id": principal[1], "principal_name": principal[0], "assurance_id": assurance, "client": client,
        "agent_name": agent[0], "agent_id": agent[1], "item_codes": item_codes,
        "valid_until": (date.today() + timedelta(days=days)).isoformat(),
    })
    assert response.status_code == 201, response.text
    return response.json()


def typed(granted: Dict[str, Any]) -> str:
    """How the agent types what the principal passed on."""
    return f"授权编号{granted['number']} 授权码{granted['code']}"
