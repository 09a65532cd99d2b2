"""Tokens that end when their holder signs out or changes the password, lifetimes the server caps, a password
policy beyond length, and login limits that a rotated X-Forwarded-For cannot dodge (P5)."""
from __future__ import annotations

import secrets
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Dict, Optional

import httpx
import jwt
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api import cli
from api.auth.dependencies import forwarded_client
from api.auth.passwords import password_problem
from api.config import Settings
from api.main import create_app
from tests.api.access_helpers import applicant_headers, commit, demo_password, rows, set_clock
from tests.api.helpers import PHONE, ZHANG_WEI, _as_if_codes_were_long_ago, sms_outbox

LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"


def _bearer(token: str) -> Dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _sign_in(client: TestClient, username: str, password: str) -> str:
    response = client.post(LOGIN, json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def _claims_of(settings: Settings, username: str) -> dict:
    user = rows(settings, "SELECT id, token_generation FROM staff_users WHERE username = :u", u=username)[0]
    return {"iss": "gz-api", "sub": username, "role": username.removeprefix("demo_"), "uid": user["id"],
            "gen": user["token_generation"], "jti": secrets.token_urlsafe(16)}


def _forge(settings: Settings, username: str, **claims) -> str:
    """A token signed with the real secret, as whoever holds it (or an old server version) could make one."""
    body = _claims_of(settings, username)
    body.update(claims)
    return jwt.encode(body, settings.jwt_secret_file.read_bytes(), algorithm="HS256")


# --- lifetimes the server caps ------------------------------------------------------------------------


def test_a_correctly_signed_ten_year_token_is_refused(client, initialised):
    now = int(datetime.now(timezone.utc).timestamp())
    ten_years = 10 * 365 * 24 * 3600
    # Control: the same claims with the server's own lifetime get through, so the refusals below are the cap.
    fine = _forge(initialised, "demo_admin", iat=now, exp=now + 8 * 3600)
    assert client.get(ME, headers=_bearer(fine)).status_code == 200
    for iat in (now, now - 9 * 3600, now - 400 * 24 * 3600):
        token = _forge(initialised, "demo_admin", iat=iat, exp=now + ten_years)
        response = client.get("/api/v1/audit", headers=_bearer(token))
        assert response.status_code == 401, (iat, response.text)
        assert response.json()["error"] in ("invalid_token", "token_expired")
    # A life one second longer than the server gives is already refused.
    longer = _forge(initialised, "demo_admin", iat=now, exp=now + 8 * 3600 + 1)
    assert client.get(ME, headers=_bearer(longer)).json()["error"] == "invalid_token"


def test_a_token_issued_in_the_future_or_without_an_id_is_refused(client, initialised):
    now = int(datetime.now(timezone.utc).timestamp())
    future = _forge(initialised, "demo_admin", iat=now + 3600, exp=now + 3600 + 600)
    assert client.get(ME, headers=_bearer(future)).json()["error"] == "invalid_token"
    no_id = _claims_of(initialised, "demo_admin")
    del no_id["jti"]
    no_id.update(iat=now, exp=now + 600)
    token = jwt.encode(no_id, initialised.jwt_secret_file.read_bytes(), algorithm="HS256")
    assert client.get(ME, headers=_bearer(token)).json()["error"] == "invalid_token"
    # A staff token that names no generation (issued before tokens could be revoked) is refused too.
    no_generation = _claims_of(initialised, "demo_admin")
    del no_generation["gen"]
    no_generation.update(iat=now, exp=now + 600)
    token = jwt.encode(no_generation, initialised.jwt_secret_file.read_bytes(), algorithm="HS256")
    assert client.get(ME, headers=_bearer(token)).status_code == 401


def test_an_applicant_token_lives_no_longer_than_an_applicant_sitting(client, initialised):
    from api.signing.service import load_or_create_id_hash_key
    from api.credit.service import id_hash

    subject = id_hash(ZHANG_WEI[1], load_or_create_id_hash_key(initialised.id_hash_key_path))
    now = int(datetime.now(timezone.utc).timestamp())
    secret = initialised.jwt_secret_file.read_bytes()

    def applicant(iat: int, exp: int) -> str:
        return jwt.encode({"iss": "gz-api", "sub": subject, "role": "applicant", "iat": iat, "exp": exp,
                           "jti": secrets.token_urlsafe(16)}, secret, algorithm="HS256")

    assert client.get("/api/v1/me/commitments", headers=_bearer(applicant(now, now + 3600))).status_code == 200
    # A staff-length life (8 hours) is not an applicant's (60 minutes).
    long_lived = client.get("/api/v1/me/commitments", headers=_bearer(applicant(now, now + 8 * 3600)))
    assert long_lived.status_code == 401 and long_lived.json()["error"] == "invalid_token"


# --- sign-out -----------------------------------------------------------------------------------------


def test_logout_revokes_the_presented_token_everywhere_and_only_it(client, initialised):
    password = demo_password(initialised, "demo_officer")
    first, second = _sign_in(client, "demo_officer", password), _sign_in(client, "demo_officer", password)
    assert client.get(ME, headers=_bearer(first)).status_code == 200
    out = client.post("/api/v1/auth/logout", headers=_bearer(first))
    assert out.status_code == 200 and out.json() == {"logged_out": True}
    for path in (ME, "/api/v1/complaints"):
        refused = client.get(path, headers=_bearer(first))
        assert refused.status_code == 401, path
        assert refused.json() == {"error": "token_revoked", "message": "您已退出登录，请重新登录。"}
    # Signing out twice is refused like any other use of the revoked token.
    assert client.post("/api/v1/auth/logout", headers=_bearer(first)).status_code == 401
    # Another replica (another application on the same database) refuses it too.
    replica = create_app(initialised)
    try:
        with TestClient(replica) as other:
            assert other.get(ME, headers=_bearer(first)).json()["error"] == "token_revoked"
            assert other.get(ME, headers=_bearer(second)).status_code == 200
    finally:
        replica.state.engine.dispose()
    # The officer's other session goes on; signing in again gives a working token.
    assert client.get(ME, headers=_bearer(second)).status_code == 200
    assert client.get(ME, headers=_bearer(_sign_in(client, "demo_officer", password))).status_code == 200
    revoked = rows(initialised, "SELECT actor, expires_at FROM revoked_tokens")
    assert [r["actor"] for r in revoked] == ["demo_officer"]
    events = rows(initialised, "SELECT actor, action FROM audit_events WHERE action = 'auth.logout'")
    assert events == [{"actor": "demo_officer", "action": "auth.logout"}]


def test_an_applicant_signs_out_too_and_the_service_token_cannot(client, initialised):
    token = applicant_headers(client, ZHANG_WEI)["Authorization"].split(" ", 1)[1]
    assert client.get("/api/v1/me/commitments", headers=_bearer(token)).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=_bearer(token)).status_code == 200
    assert client.get("/api/v1/me/commitments", headers=_bearer(token)).json()["error"] == "token_revoked"
    service = {"X-Service-Token": initialised.service_token_file.read_text().strip()}
    refused = client.post("/api/v1/auth/logout", headers=service)
    assert refused.status_code == 400 and refused.json()["error"] == "not_a_session"
    assert client.post("/api/v1/auth/logout").status_code == 401


def test_revocations_of_expired_tokens_are_dropped(client, initialised):
    from api.database import make_engine, make_sessionmaker
    from api.auth.models import RevokedToken

    engine = make_engine(initialised.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            session.add(RevokedToken(jti="x" * 22, actor="demo_staff", revoked_at=datetime.now(timezone.utc),
                                     expires_at=datetime.now(timezone.utc) - timedelta(minutes=1)))
    finally:
        engine.dispose()
    token = _sign_in(client, "demo_staff", demo_password(initialised, "demo_staff"))
    assert client.post("/api/v1/auth/logout", headers=_bearer(token)).status_code == 200
    assert [r["actor"] for r in rows(initialised, "SELECT actor FROM revoked_tokens")] == ["demo_staff"]
    assert rows(initialised, "SELECT jti FROM revoked_tokens")[0]["jti"] != "x" * 22


# --- passwords ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("password", [
    "aaaaaaaaaaaa", "password1234", "Password1234", "P@ssw0rd2024!", "passwordpassword", "qwertyuiop123",
    "qwerty123456", "abcdef123456", "123456789012", "1qaz2wsx3edc", "zaq12wsxcde3", "9876543210zyx",
    "abcabcabcabc", "121212121212", "iloveyou!!!!", "woaini131452", "Woaini1314520", "zhangwei1990!",
    "@dmin12345678", "ｐａｓｓｗｏｒｄ１２３４", "letmein123456", "administrator", "monkey!!8362917465",
])
def test_common_and_patterned_passwords_are_refused(password):
    assert password_problem(password) is not None


@pytest.mark.parametrize("password", [
    "another-long-password-2", "a-long-enough-pw", "correct horse battery staple", "dragon-7f3k9x2q",
    "Tr0ub4dor&3xyz", "门前大桥下游过一群鸭子快来数一数", "v8N_kq2Lw9xZ",
])
def test_passwords_nobody_guesses_first_are_accepted(password):
    assert password_problem(password) is None


def test_a_password_may_not_contain_the_username():
    assert password_problem("li.officer-2024-pw", "li.officer") == "username"
    assert password_problem("a-quiet-harbour-lamp", "demo_admin") is None


def test_the_demo_accounts_get_passwords_the_policy_accepts(initialised):
    from api.auth.service import read_demo_accounts_file

    accounts = read_demo_accounts_file(initialised.demo_accounts_file)
    assert len(accounts) == 3
    for username, password in accounts.items():
        assert password_problem(password, username) is None


# --- changing the password ----------------------------------------------------------------------------


def _change(client: TestClient, token: str, old: str, new: str):
    return client.post("/api/v1/auth/password", headers=_bearer(token), json={"old_password": old, "new_password": new})


def test_changing_the_password_signs_out_every_token_of_the_account(client, initialised):
    old = demo_password(initialised, "demo_admin")
    new = "a-fresh-harbour-lantern-42"
    here, elsewhere = _sign_in(client, "demo_admin", old), _sign_in(client, "demo_admin", old)
    someone_else = _sign_in(client, "demo_staff", demo_password(initialised, "demo_staff"))
    changed = _change(client, here, old, new)
    assert changed.status_code == 200, changed.text
    fresh = changed.json()["access_token"]
    assert changed.json()["role"] == "admin"
    for token in (here, elsewhere):
        refused = client.get("/api/v1/audit", headers=_bearer(token))
        assert refused.status_code == 401 and refused.json()["error"] == "token_revoked"
    assert client.get("/api/v1/audit", headers=_bearer(fresh)).status_code == 200
    assert client.get(ME, headers=_bearer(someone_else)).status_code == 200  # other accounts are untouched
    assert client.post(LOGIN, json={"username": "demo_admin", "password": old}).status_code == 401
    assert client.get(ME, headers=_bearer(_sign_in(client, "demo_admin", new))).status_code == 200
    stored = rows(initialised, "SELECT password_hash, token_generation FROM staff_users WHERE username = :u",
                  u="demo_admin")[0]
    assert stored["token_generation"] == 1 and new not in stored["password_hash"]
    events = rows(initialised, "SELECT action FROM audit_events WHERE actor = 'demo_admin'")
    assert {"action": "auth.password_changed"} in events


def test_a_weak_or_unchanged_new_password_is_refused_and_nothing_changes(client, initialised):
    old = demo_password(initialised, "demo_staff")
    token = _sign_in(client, "demo_staff", old)
    refusals = (("password1234", "weak_password"), ("short", "weak_password"), ("aaaaaaaaaaaa", "weak_password"),
                (old, "same_password"))
    for weak, error in refusals:
        refused = _change(client, token, old, weak)
        assert refused.status_code == 422 and refused.json()["error"] == error, (weak, refused.text)
    assert _change(client, token, old, "password1234").json()["message"] == "该密码过于常见，很容易被猜中，请换一个。"
    assert client.get(ME, headers=_bearer(token)).status_code == 200  # nothing changed: the token still works
    assert _sign_in(client, "demo_staff", old)


def test_a_wrong_old_password_is_refused_and_counts_towards_the_login_limit(client, initialised):
    password = demo_password(initialised, "demo_staff")
    token = _sign_in(client, "demo_staff", password)
    for _ in range(initialised.login_max_failures):
        wrong = _change(client, token, "not-the-old-password", "a-fresh-harbour-lantern-42")
        assert wrong.status_code == 403 and wrong.json() == {"error": "wrong_password", "message": "原密码不正确。"}
    # Guessing through the change form stops like guessing at the sign-in form, even with the right password.
    assert _change(client, token, password, "a-fresh-harbour-lantern-42").status_code == 429
    assert client.post(LOGIN, json={"username": "demo_staff", "password": password}).status_code == 429
    assert client.get(ME, headers=_bearer(token)).status_code == 200


def test_only_staff_change_passwords_here(client, initialised):
    headers = applicant_headers(client, ZHANG_WEI)
    body = {"old_password": "whatever-it-was", "new_password": "a-fresh-harbour-lantern-42"}
    assert client.post("/api/v1/auth/password", headers=headers, json=body).status_code == 403
    assert client.post("/api/v1/auth/password", json=body).status_code == 401


# --- rate limits --------------------------------------------------------------------------------------


@pytest.fixture
def limited(initialised: Settings):
    """Applications with small limits, so each scope is reached in a few requests."""
    made = []

    def factory(**overrides):
        values = dict(login_max_failures=3, login_account_max_failures=6, login_address_max_failures=8,
                      login_global_max_failures=12)
        values.update(overrides)
        made.append(create_app(initialised.model_copy(update=values)))
        return made[-1]

    yield factory
    for app in made:
        app.state.engine.dispose()


def _from(app, address: str) -> TestClient:
    return TestClient(app, client=(address, 41000))


def _fail(app, address: str, username: str, headers: Optional[Dict[str, str]] = None) -> int:
    with _from(app, address) as client:
        return client.post(LOGIN, json={"username": username, "password": "not-the-password-9"},
                           headers=headers or {}).status_code


def _right(app, address: str, settings: Settings, username: str, headers: Optional[Dict[str, str]] = None):
    with _from(app, address) as client:
        return client.post(LOGIN, json={"username": username, "password": demo_password(settings, username)},
                           headers=headers or {})


def test_rotating_x_forwarded_for_does_not_reset_the_limit_without_a_trusted_proxy(limited, initialised):
    app = limited()
    for n in range(3):
        assert _fail(app, "198.51.100.20", "demo_admin", {"X-Forwarded-For": f"203.0.113.{n + 1}"}) == 401
    for claimed in ("203.0.113.77", "192.0.2.1, 10.0.0.1", "127.0.0.1"):
        response = _right(app, "198.51.100.20", initialised, "demo_admin", {"X-Forwarded-For": claimed})
        assert response.status_code == 429 and "access_token" not in response.text
    addresses = {r["client_ip"] for r in rows(initialised, "SELECT client_ip FROM login_failures")}
    assert addresses == {"198.51.100.20"}


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_cannot_be_forged(limited, initialised):
    app = limited(trusted_proxies="10.0.0.0/24")
    # Through the proxy: the address it appended is the client's. Whatever the client wrote itself (left of
    # it) is not read, so a forged first entry gives no fresh count.
    for n in range(3):
        assert _fail(app, "10.0.0.5", "demo_admin", {"X-Forwarded-For": f"192.0.2.{n}, 203.0.113.50"}) == 401
    assert _right(app, "10.0.0.5", initialised, "demo_admin", {"X-Forwarded-For": "203.0.113.50"}).status_code == 429
    # Another real client behind the same proxy is another address.
    assert _right(app, "10.0.0.5", initialised, "demo_admin", {"X-Forwarded-For": "203.0.113.51"}).status_code == 200
    # A peer that is not a trusted proxy cannot claim to be one.
    for n in range(3):
        assert _fail(app, "198.51.100.30", "demo_staff", {"X-Forwarded-For": f"203.0.113.{60 + n}"}) == 401
    forged = _right(app, "198.51.100.30", initialised, "demo_staff", {"X-Forwarded-For": "203.0.113.99"})
    assert forged.status_code == 429
    failures = rows(initialised, "SELECT username, client_ip FROM login_failures")
    assert {(f["username"], f["client_ip"]) for f in failures} == {("demo_admin", "203.0.113.50"),
                                                                 ("demo_staff", "198.51.100.30")}
    audited = rows(initialised, "SELECT client_ip FROM audit_events WHERE action = 'auth.login' AND actor = :a",
                   a="demo_admin")
    assert audited == [{"client_ip": "203.0.113.51"}]


def test_forwarded_for_is_read_from_the_right_and_only_from_trusted_proxies():
    proxies = Settings(trusted_proxies="10.0.0.0/8, 192.0.2.7").trusted_proxy_networks
    assert forwarded_client("198.51.100.1", "203.0.113.5", ()) == "198.51.100.1"
    assert forwarded_client("198.51.100.1", "203.0.113.5", proxies) == "198.51.100.1"
    assert forwarded_client("10.1.2.3", "203.0.113.5", proxies) == "203.0.113.5"
    assert forwarded_client("10.1.2.3", "1.1.1.1, 203.0.113.5, 192.0.2.7", proxies) == "203.0.113.5"
    assert forwarded_client("10.1.2.3", "10.9.9.9, 10.8.8.8", proxies) == "10.9.9.9"
    assert forwarded_client("10.1.2.3", "203.0.113.5, not-an-address", proxies) == "10.1.2.3"
    assert forwarded_client("10.1.2.3", None, proxies) == "10.1.2.3"
    with pytest.raises(ValueError):
        Settings(trusted_proxies="10.0.0.0/8, not-a-network")


@pytest.mark.parametrize("variable, wrong, right", [
    ("GZ_LOGIN_MAX_FAILURES", "0", "3"), ("GZ_LOGIN_GLOBAL_MAX_FAILURES", "-1", "1000"),
    ("GZ_OTP_MAX_PER_ID", "0", "10"), ("GZ_OTP_TTL_SECONDS", "86400", "600"), ("GZ_OTP_MAX_WRONG_TRIES", "0", "3"),
    ("GZ_STAFF_TOKEN_HOURS", "8760", "12"), ("GZ_APPLICANT_TOKEN_MINUTES", "0", "30"),
    ("GZ_OTP_WINDOW_SECONDS", "0", "7200"),
])
def test_a_limit_that_would_switch_a_protection_off_stops_the_start(monkeypatch, variable, wrong, right):
    monkeypatch.setenv(variable, wrong)
    with pytest.raises(ValueError, match=variable[3:].lower()):
        Settings()
    monkeypatch.setenv(variable, right)
    assert getattr(Settings(), variable[3:].lower()) == int(right)


def test_guesses_at_one_account_from_many_addresses_stop_at_the_account_limit(limited, initialised):
    app = limited()
    for n in range(6):
        assert _fail(app, f"203.0.113.{n + 1}", "demo_officer") == 401
    # A seventh address, the right password: the account is closed to sign-in for the window.
    blocked = _right(app, "203.0.113.200", initialised, "demo_officer")
    assert blocked.status_code == 429 and blocked.json()["error"] == "too_many_attempts"
    assert 0 < int(blocked.headers["Retry-After"]) <= initialised.login_window_seconds
    # Other accounts sign in as usual.
    assert _right(app, "203.0.113.200", initialised, "demo_staff").status_code == 200


def test_one_address_guessing_many_usernames_stops_at_the_address_limit(limited, initialised):
    app = limited()
    for n in range(8):
        assert _fail(app, "198.51.100.44", f"user{n}") == 401
    assert _right(app, "198.51.100.44", initialised, "demo_staff").status_code == 429
    assert _right(app, "198.51.100.45", initialised, "demo_staff").status_code == 200


def test_a_spread_out_campaign_stops_at_the_global_limit_until_the_window_passes(limited, initialised):
    app = limited()
    for n in range(12):  # twelve addresses, twelve usernames: no narrower scope is reached
        assert _fail(app, f"192.0.2.{n + 1}", f"sprayed{n}") == 401
    blocked = _right(app, "203.0.113.250", initialised, "demo_admin")
    assert blocked.status_code == 429
    retry = int(blocked.headers["Retry-After"])
    assert 0 < retry <= initialised.login_window_seconds
    set_clock(app, datetime.now(timezone.utc) + timedelta(seconds=retry + 1))
    assert _right(app, "203.0.113.250", initialised, "demo_admin").status_code == 200


def test_applicant_code_guesses_at_one_id_from_many_addresses_stop_at_the_id_limit(limited, initialised, client):
    commit(client, "ZM001", ZHANG_WEI)
    app = limited()
    start = datetime.now(timezone.utc)
    set_clock(app, start)
    _as_if_codes_were_long_ago(client)
    with _from(app, "203.0.113.200") as holder:
        assert holder.post("/api/v1/auth/applicant/code", json={"id_number": ZHANG_WEI[1]}).status_code == 200
    code = [m for m in sms_outbox(client) if m["to"] == PHONE][-1]["code"]
    for n in range(6):  # login_account_max_failures
        with _from(app, f"203.0.113.{n + 1}") as guesser:
            guess = guesser.post("/api/v1/auth/applicant",
                                 json={"id_number": ZHANG_WEI[1], "code": f"{(int(code) + n + 1) % 1_000_000:06d}"})
            assert guess.status_code == 401 and guess.json()["error"] == "invalid_code"
    # The holder gets a new code (the guessed one is locked by now), and still waits out the ID's limit.
    set_clock(app, start + timedelta(seconds=61))
    with _from(app, "203.0.113.100") as holder:
        assert holder.post("/api/v1/auth/applicant/code", json={"id_number": ZHANG_WEI[1]}).status_code == 200
        fresh = [m for m in sms_outbox(client) if m["to"] == PHONE][-1]["code"]
        right = holder.post("/api/v1/auth/applicant", json={"id_number": ZHANG_WEI[1], "code": fresh})
        assert right.status_code == 429 and "access_token" not in right.text


# --- over real HTTP -----------------------------------------------------------------------------------


class _Served:
    """The application behind a real uvicorn on a free loopback port, started the way the stack starts it:
    without uvicorn's own proxy-header handling, so the API alone decides what X-Forwarded-For is worth."""

    def __init__(self, app) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on", proxy_headers=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> "_Served":
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            assert self._thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


def test_over_http_a_signed_out_token_is_refused_and_a_forged_address_counts_for_nothing(limited, initialised):
    password = demo_password(initialised, "demo_officer")
    with _Served(limited()) as served, httpx.Client(base_url=served.url, timeout=30) as http:
        token = http.post(LOGIN, json={"username": "demo_officer", "password": password}).json()["access_token"]
        assert http.get(ME, headers=_bearer(token)).status_code == 200
        assert http.post("/api/v1/auth/logout", headers=_bearer(token)).status_code == 200
        assert http.get(ME, headers=_bearer(token)).json()["error"] == "token_revoked"
        codes = [http.post(LOGIN, json={"username": "demo_officer", "password": "not-the-password-9"},
                           headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(5)]
        assert codes == [401, 401, 401, 429, 429]
    recorded = {r["client_ip"] for r in rows(initialised, "SELECT client_ip FROM login_failures")}
    assert recorded == {"127.0.0.1"}


def test_over_http_a_trusted_proxy_names_the_client(limited, initialised):
    app = limited(trusted_proxies="127.0.0.1/32")
    with _Served(app) as served, httpx.Client(base_url=served.url, timeout=30) as http:
        for n in range(3):
            response = http.post(LOGIN, json={"username": "demo_admin", "password": "not-the-password-9"},
                                 headers={"X-Forwarded-For": f"192.0.2.{n + 1}"})
            assert response.status_code == 401
    recorded = sorted(r["client_ip"] for r in rows(initialised, "SELECT client_ip FROM login_failures"))
    assert recorded == ["192.0.2.1", "192.0.2.2", "192.0.2.3"]


# --- the migration ------------------------------------------------------------------------------------


def test_the_revocation_migration_goes_down_and_up_again(initialised):
    from alembic import command

    config = cli.alembic_config(initialised.database_url, initialised.data_key_path)
    command.downgrade(config, "0013_identity_verification")
    assert "token_generation" not in rows(initialised, "SELECT * FROM staff_users")[0]
    command.upgrade(config, "heads")
    assert rows(initialised, "SELECT token_generation FROM staff_users")[0]["token_generation"] == 0
    assert rows(initialised, "SELECT * FROM revoked_tokens") == []
