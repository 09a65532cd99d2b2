"""Staff tokens under attack, against the running API of the session's stack (tests/api/test_auth_tokens.py covers
the same rules in-process): a token correctly signed with the server's own secret but made to live ten years, a
token used after its holder signed out, guessing the old password through the change form under rotated
forwarding headers, and weak new passwords."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Dict

import httpx
import jwt
import pytest

from tests.security.conftest import new_account

pytestmark = pytest.mark.e2e

MAX_FAILURES = 5  # GZ_LOGIN_MAX_FAILURES, default of the stack
TEN_YEARS = 10 * 365 * 24 * 3600


def _url(stack, path: str) -> str:
    return f"{stack.config.api_url}/api/v1{path}"


def _sign_in(stack, account: Dict[str, str]) -> str:
    response = httpx.post(_url(stack, "/auth/login"), json=account, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def _bearer(token: str) -> Dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _me(stack, token: str) -> httpx.Response:
    return httpx.get(_url(stack, "/auth/me"), headers=_bearer(token), timeout=30)


def _jwt_secret(stack) -> bytes:
    """The stack's own signing secret (api.config: GZ_JWT_SECRET_PATH, else keys/ of its var dir): what an
    insider, a leaked backup or an old server version could sign with."""
    path = os.environ.get("GZ_JWT_SECRET_PATH") or stack.config.var_dir / "keys" / "jwt.secret"
    return Path(path).read_bytes()


def test_a_correctly_signed_ten_year_staff_token_is_refused(stack):
    account = new_account(stack, "admin")
    genuine = _sign_in(stack, account)
    claims = jwt.decode(genuine, options={"verify_signature": False})
    now = int(time.time())
    secret = _jwt_secret(stack)
    # Control: the genuine claims re-signed with the same secret and the server's own lifetime get through, so
    # the refusals below are the server capping the lifetime, not a bad signature.
    assert _me(stack, jwt.encode({**claims, "iat": now, "exp": int(claims["exp"])}, secret, algorithm="HS256")
               ).status_code == 200
    for iat in (now, now - 9 * 3600, now - 400 * 24 * 3600):
        forged = jwt.encode({**claims, "iat": iat, "exp": now + TEN_YEARS}, secret, algorithm="HS256")
        for path in ("/auth/me", "/audit"):
            response = httpx.get(_url(stack, path), headers=_bearer(forged), timeout=30)
            assert response.status_code == 401, (iat, path, response.text)
            assert response.json()["error"] in ("invalid_token", "token_expired")


def test_a_signed_out_staff_token_is_refused_and_only_that_one(stack):
    account = new_account(stack, "staff")
    leaked, other = _sign_in(stack, account), _sign_in(stack, account)
    assert _me(stack, leaked).status_code == 200
    out = httpx.post(_url(stack, "/auth/logout"), headers=_bearer(leaked), timeout=30)
    assert out.status_code == 200, out.text
    for path in ("/auth/me", "/handoff/queue"):
        refused = httpx.get(_url(stack, path), headers=_bearer(leaked), timeout=30)
        assert refused.status_code == 401 and refused.json()["error"] == "token_revoked", (path, refused.text)
    # Signing out again with it, or with its signature cut off and re-attached, changes nothing.
    assert httpx.post(_url(stack, "/auth/logout"), headers=_bearer(leaked), timeout=30).status_code == 401
    head, body, _ = leaked.split(".")
    assert _me(stack, f"{head}.{body}.").status_code == 401
    assert _me(stack, other).status_code == 200  # the same account's other sitting is untouched


def test_guessing_the_old_password_under_rotated_forwarding_headers_stops_at_the_limit(stack):
    # tests/security/test_access.py rotates X-Forwarded-For at the sign-in form; the password change form with a
    # valid token is another door to the same guess, and must count towards the same limit whatever is claimed.
    account = new_account(stack, "staff")
    token = _sign_in(stack, account)
    claims = ("203.0.113.7", "198.51.100.1, 10.0.0.1", "127.0.0.2", "::1", "192.0.2.44")
    for attempt, claimed in enumerate(claims[:MAX_FAILURES]):
        wrong = httpx.post(_url(stack, "/auth/password"), timeout=30,
                           headers={**_bearer(token), "X-Forwarded-For": claimed, "X-Real-IP": claimed,
                                    "Forwarded": f'for="{claimed}"'},
                           json={"old_password": f"guess-{attempt}-harbour", "new_password": "a-fresh-harbour-lantern-42"})
        assert wrong.status_code == 403 and wrong.json()["error"] == "wrong_password", (attempt, wrong.text)
    for claimed in ("203.0.113.250", "127.0.0.1"):
        blocked = httpx.post(_url(stack, "/auth/password"), timeout=30,
                             headers={**_bearer(token), "X-Forwarded-For": claimed},
                             json={"old_password": account["password"], "new_password": "a-fresh-harbour-lantern-42"})
        assert blocked.status_code == 429, (claimed, blocked.text)
        login = httpx.post(_url(stack, "/auth/login"), json=account, headers={"X-Forwarded-For": claimed}, timeout=30)
        assert login.status_code == 429 and "access_token" not in login.text, (claimed, login.text)
    assert _me(stack, token).status_code == 200  # the password never changed: the sitting goes on


@pytest.mark.parametrize("weak", ["password1234", "12345678abcd", "qwertyuiop12", "aaaaaaaaaaaaaaaa", "short1"])
def test_weak_new_passwords_are_refused_and_nothing_changes(stack, weak):
    account = new_account(stack, "staff")
    token = _sign_in(stack, account)
    refused = httpx.post(_url(stack, "/auth/password"), headers=_bearer(token), timeout=30,
                         json={"old_password": account["password"], "new_password": weak})
    assert refused.status_code == 422 and refused.json()["error"] == "weak_password", refused.text
    assert weak not in refused.text
    assert _me(stack, token).status_code == 200  # still signed in: nothing changed
    assert _sign_in(stack, account)  # the old password still works
