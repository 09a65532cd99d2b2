"""Security tests: every attack is a real request against the running servers, and none may yield a receipt.

They share the one stack of the session (``stack`` in tests/conftest.py, the same the e2e suite uses) and its
``chat``/``catalogue`` fixtures; the WeChat attack uses tests/wechat's stack with the fake WeChat API server. The
threat each test covers is listed in docs/threat-model.md.
"""
from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass
from typing import Dict

import httpx
import pytest

from bot.tools.stack import API_PY, ROOT
from tests.e2e.conftest import Chat, catalogue, chat  # noqa: F401  (the e2e fixtures, reused)
from tests.e2e.test_journey import affirm, read_notice, to_notice


@dataclass(frozen=True)
class GenuineReceipt:
    """A commitment made the honest way, over REST: the control that shows the refusals are not blanket ones."""

    commitment_no: str
    sender: str


@pytest.fixture(scope="session")
def genuine_receipt(stack) -> GenuineReceipt:
    c = Chat(stack, f"sec-genuine-{uuid.uuid4().hex[:8]}")
    msgs = to_notice(c, "我想申请公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    receipt = c.one(affirm(c), "commitment_receipt")
    return GenuineReceipt(receipt["commitment_no"], c.sender)


def new_account(stack, role: str) -> Dict[str, str]:
    """A fresh staff account of ``role`` made with the operator command: {"username", "password"}."""
    username, password = f"sec{role}_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    subprocess.run(
        [str(API_PY), "-m", "api.cli", "create-user", "--username", username, "--role", role, "--password-stdin"],
        cwd=ROOT, env=dict(os.environ, **stack.config.api_env()), check=True, capture_output=True, input=f"{password}\n", text=True,
    )
    return {"username": username, "password": password}


def bearer(stack, account: Dict[str, str]) -> Dict[str, str]:
    response = httpx.post(f"{stack.config.api_url}/api/v1/auth/login", json=account, timeout=30)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
