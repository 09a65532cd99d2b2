"""Sign-in and audited reads under attack: a rotated X-Forwarded-For does not reset the login rate limit, and
officers reading at once are all served (each read writes an audit row; SQLite must not answer 503)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import List

import httpx
import pytest

from tests.security.conftest import bearer, new_account

pytestmark = pytest.mark.e2e

MAX_FAILURES = 5  # GZ_LOGIN_MAX_FAILURES, default of the stack


def _login(stack, account, forwarded_for: str) -> httpx.Response:
    return httpx.post(f"{stack.config.api_url}/api/v1/auth/login", json=account,
                      headers={"X-Forwarded-For": forwarded_for, "X-Real-IP": forwarded_for}, timeout=30)


def test_rotating_x_forwarded_for_does_not_reset_the_login_limit(stack):
    account = new_account(stack, "staff")
    wrong = {"username": account["username"], "password": "not-the-password-1"}
    for attempt in range(MAX_FAILURES):
        response = _login(stack, wrong, f"203.0.113.{attempt + 1}")
        assert response.status_code == 401, (attempt, response.status_code, response.text)
    # Another claimed address each time: the limit must still hold, even for the right password.
    for attempt, claimed in enumerate(("198.51.100.7", "192.0.2.99, 10.0.0.1", "127.0.0.1")):
        response = _login(stack, account, claimed)
        assert response.status_code == 429, (attempt, claimed, response.status_code, response.text)
        assert "access_token" not in response.text
    # The addresses a client claims are not what the audit trail records either.
    admin = bearer(stack, new_account(stack, "admin"))
    events = httpx.get(f"{stack.config.api_url}/api/v1/audit", headers=admin, timeout=30,
                       params={"action": "auth.login_failed", "actor": account["username"]}).json()["events"]
    assert len(events) == MAX_FAILURES
    assert {e["client_ip"] for e in events} == {"127.0.0.1"}


def _read_many(stack, headers, number: str, requests: int, workers: int) -> List[int]:
    url = f"{stack.config.api_url}/api/v1/commitments/{number}"
    with httpx.Client(timeout=60, headers=headers) as http, ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda _: http.get(url).status_code, range(requests)))


@pytest.mark.parametrize("requests, workers", [(20, 2), (40, 4)])
def test_concurrent_audited_reads_are_all_served_and_audited(stack, genuine_receipt, requests, workers):
    officer_account = new_account(stack, "officer")
    officer = bearer(stack, officer_account)
    statuses = _read_many(stack, officer, genuine_receipt.commitment_no, requests, workers)
    assert statuses.count(503) == 0, statuses
    assert statuses == [200] * requests, statuses
    admin = bearer(stack, new_account(stack, "admin"))
    events = httpx.get(f"{stack.config.api_url}/api/v1/audit", headers=admin, timeout=30, params={
        "action": "commitment.read", "actor": officer_account["username"], "target": genuine_receipt.commitment_no,
        "limit": 500,
    }).json()["events"]
    assert len(events) == requests  # every read left its trace: none was served unaudited
