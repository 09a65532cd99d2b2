"""Staff sign-in against a running stack, for the e2e and browser tests of the consoles (issue 5).

``api.cli init`` (run by ``Stack.prepare``) seeds one account per role and keeps their passwords in
``<var>/demo_accounts.txt`` (mode 0600), the file the set-up command prints them from.
"""
from __future__ import annotations

from typing import Dict

import httpx


def demo_password(stack, username: str) -> str:
    for line in (stack.config.var_dir / "demo_accounts.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#") and parts[0] == username:
            return parts[2]
    raise KeyError(username)


def staff_headers(stack, username: str = "demo_staff") -> Dict[str, str]:
    response = httpx.post(
        f"{stack.config.api_url}/api/v1/auth/login",
        json={"username": username, "password": demo_password(stack, username)},
        timeout=30,
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
