"""Staff accounts and sign-in against a running stack, for the e2e, WeChat and browser tests of the consoles.

Each stack gets its own accounts, made with the operator command (``python -m api.cli create-user``) in the
stack's environment: the demo accounts' passwords are written to ``<var>/demo_accounts.txt`` only when the
set-up creates them, which is not the case on a reused PostgreSQL database (scale profile).
"""
from __future__ import annotations

import os
import secrets
import subprocess
import uuid
from typing import Dict, Tuple

import httpx

from bot.tools.stack import API_PY, ROOT

_accounts: Dict[Tuple[str, str], Tuple[str, str]] = {}


def account(stack, role: str = "staff") -> Tuple[str, str]:
    """(username, password) of a ``role`` account for this stack, created on first use."""
    key = (str(stack.config.var_dir), role)
    if key not in _accounts:
        username, password = f"t{role}_{uuid.uuid4().hex[:8]}", secrets.token_urlsafe(18)
        subprocess.run(
            [str(API_PY), "-m", "api.cli", "create-user", "--username", username, "--role", role, "--password-stdin"],
            cwd=ROOT, env=dict(os.environ, **stack.config.api_env()), check=True, capture_output=True, input=f"{password}\n", text=True,
        )
        _accounts[key] = (username, password)
    return _accounts[key]


def staff_headers(stack, role: str = "staff") -> Dict[str, str]:
    username, password = account(stack, role)
    response = httpx.post(
        f"{stack.config.api_url}/api/v1/auth/login", json={"username": username, "password": password}, timeout=30
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
