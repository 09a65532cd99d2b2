"""Who may call what: staff roles, applicant and service tokens, the login rate limit, the audit trail (P5)."""
from __future__ import annotations

import json
import secrets
import stat
from datetime import datetime, timedelta, timezone

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from api import cli
from api.auth.service import read_demo_accounts_file
from tests.api.access_helpers import (
    applicant_headers,
    commit,
    demo_password,
    login,
    rows,
    service_headers,
    set_clock,
    verified_as,
)
from tests.api.helpers import (
    HAOWEI,
    LI_NA,
    PHONE,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    _as_if_codes_were_long_ago,
    execute_sql,
    run_cli,
    run_cli_process,
    sms_outbox,
)

ROLES = ("staff", "officer", "admin", "applicant", "service", "anonymous")


def _headers(client, settings, role):
    if role == "anonymous":
        return {}
    if role == "service":
        return service_headers(settings)
    if role == "applicant":
        return applicant_headers(client, ZHANG_WEI)
    return login(client, settings, f"demo_{role}")


def test_staff_login_gives_a_bearer_token_for_eight_hours(client, initialised):
    # P5: staff sign in with a password; the token names the role and expires after one working day.
    response = client.post(
        "/api/v1/auth/login", json={"username": "demo_officer", "password": demo_password(initialised, "demo_officer")}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["role"] == "officer"
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(hours=7, minutes=59) < expires - datetime.now(timezone.utc) <= timedelta(hours=8)
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}).json()
    assert me == {"role": "officer", "actor": "demo_officer"}


def test_wrong_password_and_unknown_user_get_the_same_answer(client, initialised):
    # Never tell which usernames exist.
    wrong = client.post("/api/v1/auth/login", json={"username": "demo_admin", "password": "not-the-password"})
    unknown = client.post("/api/v1/auth/login", json={"username": "nobody_here", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"error": "invalid_credentials", "message": "用户名或密码不正确。"}
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


def test_login_is_rate_limited_per_username_and_client_address(app, client, initialised):
    # P5: 5 failures within 5 minutes from one address block that username there (429), even with the
    # right password; another address and another username are unaffected; the block ends with the window.
    password = demo_password(initialised, "demo_admin")
    for _ in range(5):
        assert client.post("/api/v1/auth/login", json={"username": "demo_admin", "password": "wrong"}).status_code == 401
    blocked = client.post("/api/v1/auth/login", json={"username": "demo_admin", "password": password})
    assert blocked.status_code == 429
    assert blocked.json()["error"] == "too_many_attempts"
    assert 0 < int(blocked.headers["Retry-After"]) <= 300
    # The same username from another address, and another username from this one, still sign in.
    with TestClient(app, client=("203.0.113.9", 40000)) as elsewhere:
        assert elsewhere.post("/api/v1/auth/login", json={"username": "demo_admin", "password": password}).status_code == 200
    assert client.post(
        "/api/v1/auth/login", json={"username": "demo_staff", "password": demo_password(initialised, "demo_staff")}
    ).status_code == 200
    # After the window the right password works again.
    set_clock(app, datetime.now(timezone.utc) + timedelta(seconds=301))
    assert client.post("/api/v1/auth/login", json={"username": "demo_admin", "password": password}).status_code == 200
    # Failed and successful sign-ins are in the audit trail, without the password.
    events = rows(initialised, "SELECT actor, action, detail FROM audit_events WHERE actor = 'demo_admin'")
    assert {e["action"] for e in events} >= {"auth.login_failed", "auth.login"}
    assert password not in json.dumps(events, default=str)


ENDPOINTS = {
    # (method, path) -> roles that get through; every other role is refused (401 anonymous, 403 the rest).
    ("GET", "/api/v1/audit"): {"admin"},
    ("GET", "/api/v1/complaints"): {"officer"},
    ("GET", "/api/v1/complaints/TS20260101-000001"): {"officer"},
    ("GET", "/api/v1/commitments/{no}"): {"officer"},
    ("GET", "/api/v1/commitments/{no}/history"): {"officer"},
    ("GET", "/api/v1/me/commitments"): {"applicant"},
    ("POST", "/api/v1/service/commitments/status"): {"service"},
    ("POST", "/api/v1/service/commitments/withdraw"): {"service"},
    ("POST", "/api/v1/service/complaints"): {"service"},
    ("POST", "/api/v1/complaints"): {"staff", "officer"},
}


@pytest.mark.parametrize("role", ROLES)
def test_roles_are_separated(client, initialised, role):
    # P5: each endpoint serves only its roles; staff cannot reach admin endpoints; an applicant token reaches
    # nothing but the applicant's own records; no credentials -> 401, a wrong role -> 403.
    receipt = commit(client)
    headers = _headers(client, initialised, role)
    # The chat's calls about one person carry that person's verified identity (the gate has its own tests).
    verified = verified_as(client, ZHANG_WEI, "t")
    bodies = {
        "/api/v1/service/commitments/status": {
            "commitment_no": receipt["commitment_no"], "id_number": ZHANG_WEI[1], **verified},
        "/api/v1/service/commitments/withdraw": {
            "commitment_no": receipt["commitment_no"], "id_number": ZHANG_WEI[1], "reason": "测试", **verified},
        "/api/v1/service/complaints": {"complaint_text": "权限测试", "channel": "rest", "sender_id": "t"},
        "/api/v1/complaints": {"complaint_text": "权限测试"},
    }
    for (method, path), allowed in ENDPOINTS.items():
        url = path.replace("{no}", receipt["commitment_no"])
        response = client.request(method, url, headers=headers, json=bodies.get(path))
        if role in allowed:
            assert response.status_code not in (401, 403), (role, url, response.text)
        else:
            expected = 401 if role == "anonymous" else 403
            assert response.status_code == expected, (role, url, response.status_code)
            assert response.json()["error"] == ("unauthenticated" if role == "anonymous" else "forbidden")


def test_public_endpoints_need_no_credentials(client):
    receipt = commit(client)
    assert client.get("/api/v1/public/disclosures").status_code == 200
    assert client.get("/public/disclosures").status_code == 200
    assert client.get(f"/api/v1/commitments/{receipt['commitment_no']}/verify",
                      params={"code": receipt["check_code"]}).status_code == 200


def _token(secret: bytes, **claims):
    now = int(datetime.now(timezone.utc).timestamp())
    base = {"iss": "gz-api", "sub": "demo_admin", "role": "admin", "iat": now, "exp": now + 600, "uid": 3,
            "jti": secrets.token_urlsafe(16), "gen": 0}
    base.update(claims)
    return jwt.encode(base, secret, algorithm="HS256")


@pytest.mark.parametrize(
    "forge, error",
    [
        (lambda secret: _token(b"x" * 32), "invalid_token"),  # signed with another key
        (lambda secret: _token(secret, exp=int(datetime.now(timezone.utc).timestamp()) - 5), "token_expired"),
        (lambda secret: _token(secret, role="superuser"), "invalid_token"),
        (lambda secret: _token(secret, iss="someone-else"), "invalid_token"),
        (lambda secret: jwt.encode({"sub": "demo_admin", "role": "admin"}, None, algorithm="none"), "invalid_token"),
        (lambda secret: _token(secret) + "x", "invalid_token"),
    ],
    ids=["other_key", "expired", "unknown_role", "other_issuer", "alg_none", "tampered"],
)
def test_forged_or_expired_tokens_are_refused(client, initialised, forge, error):
    secret = initialised.jwt_secret_file.read_bytes()
    response = client.get("/api/v1/audit", headers={"Authorization": f"Bearer {forge(secret)}"})
    assert response.status_code == 401
    assert response.json()["error"] == error


def test_a_token_for_a_username_with_another_role_is_refused(client, initialised):
    # The role comes from the account, not from what a token claims.
    secret = initialised.jwt_secret_file.read_bytes()
    officer_id = rows(initialised, "SELECT id FROM staff_users WHERE username = 'demo_officer'")[0]["id"]
    forged = _token(secret, sub="demo_officer", role="admin", uid=officer_id)
    assert client.get("/api/v1/audit", headers={"Authorization": f"Bearer {forged}"}).status_code == 401


def test_disabling_an_account_cuts_off_its_tokens_at_once(client, initialised):
    headers = login(client, initialised, "demo_admin")
    assert client.get("/api/v1/audit", headers=headers).status_code == 200
    execute_sql(initialised, "UPDATE staff_users SET active = :f WHERE username = 'demo_admin'", f=False)
    response = client.get("/api/v1/audit", headers=headers)
    assert response.status_code == 401 and response.json()["error"] == "invalid_token"


def test_a_wrong_service_token_is_refused(client):
    response = client.post(
        "/api/v1/service/commitments/status",
        headers={"X-Service-Token": "not-the-token-" + "x" * 30},
        json={"commitment_no": "CN20260101-000001", "id_number": ZHANG_WEI[1]},
    )
    assert response.status_code == 401 and response.json()["error"] == "invalid_token"


def test_token_secret_and_service_token_are_0600_files(app, initialised):
    for path in (initialised.jwt_secret_file, initialised.service_token_file):
        assert path.parent == initialised.signing_key_path.parent  # var/keys, next to the signing key
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


APPLICANT_CODE = "/api/v1/auth/applicant/code"
APPLICANT_LOGIN = "/api/v1/auth/applicant"
NO_PHONE_ID = "110101199003074514"  # valid, unknown to the platform, no registered phone


def _code_for(client, phone: str = PHONE) -> str:
    return [m for m in sms_outbox(client) if m["to"] == phone][-1]["code"]


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_name_and_an_id_number_no_longer_give_a_token(client):
    # P5: both are easily known to others. Without the code from the registered phone there is no token,
    # for the demo people too, whatever name is typed.
    commit(client, "ZM001", ZHANG_WEI)
    for person in (ZHANG_WEI, LI_NA, ZHAO_QIANG):
        bare = client.post(APPLICANT_LOGIN, json={"name": person[0], "id_number": person[1]})
        assert bare.status_code == 422 and "access_token" not in bare.text
        made_up = client.post(APPLICANT_LOGIN, json={"name": person[0], "id_number": person[1], "code": "123456"})
        assert made_up.status_code == 401 and made_up.json()["error"] == "invalid_code"
        assert "access_token" not in made_up.text
    invalid = client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1][:-1] + "4"})
    assert invalid.status_code == 422 and invalid.json()["error"] == "invalid_id_checksum"
    assert ZHANG_WEI[1][:-1] not in invalid.text  # P5: the ID is not echoed


def test_an_applicant_signs_in_with_the_code_sent_to_the_registered_phone(client):
    receipt = commit(client, "ZM001", ZHANG_WEI)
    _as_if_codes_were_long_ago(client)
    sent = client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1]})
    assert sent.status_code == 200, sent.text
    assert "如该证件号码登记了实名手机号码，验证码已发送" in sent.json()["message"]
    assert PHONE not in sent.text and "8000" not in sent.text  # not even the masked number
    message = [m for m in sms_outbox(client) if m["to"] == PHONE][-1]
    assert "登录" in message["text"]
    # Someone else's ID with this code opens nothing.
    assert client.post(APPLICANT_LOGIN, json={"id_number": LI_NA[1], "code": message["code"]}).status_code == 401
    token = client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": message["code"]})
    assert token.status_code == 200 and token.json()["role"] == "applicant"
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    mine = client.get("/api/v1/me/commitments", headers=headers).json()
    assert [c["commitment_no"] for c in mine] == [receipt["commitment_no"]]
    # A code is used once; the name, when sent, changes nothing.
    again = client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": message["code"], "name": "张伟"})
    assert again.status_code == 401 and again.json()["error"] == "invalid_code"


def test_the_code_request_and_a_wrong_code_say_nothing_about_the_id(client):
    # An ID with a registered phone (张伟), a demo person without one (王芳) and an ID the platform has never
    # seen get the same answers: to the request, to the request repeated too soon, and to a wrong code.
    _as_if_codes_were_long_ago(client)
    people = (ZHANG_WEI[1], WANG_FANG[1], NO_PHONE_ID)
    first = [client.post(APPLICANT_CODE, json={"id_number": p}) for p in people]
    assert [r.status_code for r in first] == [200, 200, 200]
    assert first[0].json() == first[1].json() == first[2].json()
    assert len(sms_outbox(client)) == 1  # only 张伟's phone got a message
    soon = [client.post(APPLICANT_CODE, json={"id_number": p}) for p in people]
    assert [r.status_code for r in soon] == [429, 429, 429]
    assert soon[0].json() == soon[1].json() == soon[2].json() and soon[0].json()["error"] == "otp_too_soon"
    wrong = [client.post(APPLICANT_LOGIN, json={"id_number": p, "code": _wrong(_code_for(client))}) for p in people]
    assert [r.status_code for r in wrong] == [401, 401, 401]
    assert wrong[0].json() == wrong[1].json() == wrong[2].json()


def test_wrong_codes_lock_the_code_and_count_towards_the_login_limit(app, client, initialised):
    now = datetime.now(timezone.utc)
    set_clock(app, now)
    _as_if_codes_were_long_ago(client)
    assert client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1]}).status_code == 200
    code = _code_for(client)
    for _ in range(5):
        assert client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": _wrong(code)}).status_code == 401
    # Five failures for this ID from this address: even the right code is refused now (429), and once the
    # window has passed the code itself is spent (locked after five wrong tries).
    blocked = client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": code})
    assert blocked.status_code == 429 and blocked.json()["error"] == "too_many_attempts"
    set_clock(app, now + timedelta(seconds=301))
    locked = client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": code})
    assert locked.status_code == 401 and locked.json()["error"] == "invalid_code"
    # A new code works.
    assert client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1]}).status_code == 200
    fresh = client.post(APPLICANT_LOGIN, json={"id_number": ZHANG_WEI[1], "code": _code_for(client)})
    assert fresh.status_code == 200, fresh.text


def test_code_requests_are_limited_per_id_and_per_address(app, client, initialised):
    # The identity module's limits hold here: at most 5 codes per ID and 20 per address an hour.
    start = datetime.now(timezone.utc)
    _as_if_codes_were_long_ago(client)
    for n in range(5):
        set_clock(app, start + timedelta(seconds=61 * n))
        assert client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1]}).status_code == 200
    set_clock(app, start + timedelta(seconds=61 * 5))
    too_many = client.post(APPLICANT_CODE, json={"id_number": ZHANG_WEI[1]})
    assert too_many.status_code == 429 and too_many.json()["error"] == "otp_id_limit"
    # One address walking through ID numbers stops at the address limit, phone or no phone.
    from bot.core import ids

    answers = []
    for serial in range(20):
        first17 = f"41010519800101{serial + 200:03d}"
        answers.append(client.post(APPLICANT_CODE, json={"id_number": first17 + ids.resident_id_check_char(first17)}))
    assert [r.status_code for r in answers[:15]] == [200] * 15
    assert answers[-1].status_code == 429 and answers[-1].json()["error"] == "otp_client_limit"


def test_admin_reads_the_audit_trail_and_it_holds_no_raw_ids(client, initialised):
    # P5: every staff read of personal data is audit-logged; the trail itself never stores a full ID or phone.
    receipts = [commit(client, "ZM001", ZHANG_WEI), commit(client, "ZM001", ZHAO_QIANG), commit(client, "XK001", HAOWEI)]
    officer = login(client, initialised, "demo_officer")
    for receipt in receipts:
        assert client.get(f"/api/v1/commitments/{receipt['commitment_no']}", headers=officer).status_code == 200
    admin = login(client, initialised, "demo_admin")
    page = client.get("/api/v1/audit", params={"action": "commitment.read"}, headers=admin).json()
    reads = page["events"]
    assert [e["target"] for e in reads] == [r["commitment_no"] for r in reversed(receipts)]
    assert all(e["actor"] == "demo_officer" and e["role"] == "officer" for e in reads)
    assert reads[-1]["detail"]["applicant_id"] == "4101**********1233"
    everything = json.dumps(rows(initialised, "SELECT * FROM audit_events"), default=str, ensure_ascii=False)
    for id_number in (ZHANG_WEI[1], ZHAO_QIANG[1], HAOWEI[1], "13800138000"):
        assert id_number not in everything
    # Reading the trail is itself audited.
    assert client.get("/api/v1/audit", params={"action": "audit.read"}, headers=admin).json()["events"]


def test_audit_detail_is_scrubbed_whoever_writes_it(initialised):
    from api.audit import service as audit
    from api.auth.service import Principal
    from api.database import make_engine, make_sessionmaker

    engine = make_engine(initialised.database_url)
    with make_sessionmaker(engine).begin() as session:
        audit.record(
            session,
            Principal(role="officer", actor="o1"),
            "note",
            target=LI_NA[1],
            detail={"text": f"申请人{LI_NA[1]}，电话13800138000", "list": [HAOWEI[1]]},
        )
    engine.dispose()
    row = rows(initialised, "SELECT target, detail FROM audit_events WHERE action = 'note'")[0]
    dumped = json.dumps(row, default=str, ensure_ascii=False)
    assert LI_NA[1] not in dumped and HAOWEI[1] not in dumped and "13800138000" not in dumped
    assert "4101**********2342" in dumped and "138****8000" in dumped


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET actor = 'someone'", "DELETE FROM audit_events"])
def test_audit_trail_is_append_only_in_the_database(client, initialised, statement):
    login(client, initialised, "demo_admin")  # writes an auth.login row
    engine = create_engine(initialised.database_url)
    try:
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()
    assert rows(initialised, "SELECT actor FROM audit_events")[0]["actor"] == "demo_admin"


def _cli(settings, *args, stdin: str = None):
    return run_cli(settings, *args, stdin=stdin)


def _create_user(settings, username: str, role: str, password: str, cli=_cli):
    """The operator's way: the password piped on standard input, never an argument (ps would show it)."""
    return cli(settings, "create-user", "--username", username, "--role", role, "--password-stdin", stdin=password + "\n")


def test_create_user_from_the_command_line(client, initialised):
    # The first account through the real entry point, a process of its own (hashing at the product's full cost);
    # the other calls run the same ``main`` in this process (helpers.run_cli).
    made = _create_user(initialised, "li.officer", "officer", "a-long-enough-pw", cli=run_cli_process)
    assert made.returncode == 0, made.stderr
    response = client.post("/api/v1/auth/login", json={"username": "li.officer", "password": "a-long-enough-pw"})
    assert response.status_code == 200 and response.json()["role"] == "officer"
    taken = _create_user(initialised, "li.officer", "admin", "an-other-long-pw")
    assert taken.returncode == 2 and "exists" in taken.stderr
    short = _create_user(initialised, "wang", "staff", "short")
    assert short.returncode == 2 and "at least 12" in short.stderr
    # Long enough is not enough: the operator command applies the whole policy (api.auth.passwords).
    for weak, why in (("password1234", "commonly used"), ("aaaaaaaaaaaa", "repeated"), ("abcdef123456", "run of")):
        refused = _create_user(initialised, "wang", "staff", weak)
        assert refused.returncode == 2 and why in refused.stderr, (weak, refused.stderr)
    assert not rows(initialised, "SELECT id FROM staff_users WHERE username = 'wang'")
    stored = rows(initialised, "SELECT password_hash FROM staff_users WHERE username = 'li.officer'")[0]["password_hash"]
    assert stored.startswith("$argon2id$") and "a-long-enough-pw" not in stored
    # No password on the command line at all: the option is gone, and without a terminal nothing is prompted.
    on_the_line = _cli(initialised, "create-user", "--username", "zhao", "--role", "staff", "--password", "a-long-enough-pw")
    assert on_the_line.returncode == 2 and "unrecognized arguments" in on_the_line.stderr
    no_terminal = _cli(initialised, "create-user", "--username", "zhao", "--role", "staff", stdin="")
    assert no_terminal.returncode == 2 and "no terminal" in no_terminal.stderr
    assert not rows(initialised, "SELECT id FROM staff_users WHERE username = 'zhao'")
    created = rows(initialised, "SELECT actor, target FROM audit_events WHERE action = 'user.create'")
    assert created == [{"actor": "cli", "target": "li.officer"}]


def test_demo_accounts_one_per_role_in_a_0600_file_and_seeding_again_adds_none(client, initialised):
    path = initialised.demo_accounts_file
    assert path.parent == initialised.signing_key_path.parent.parent  # the var dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = read_demo_accounts_file(path)
    assert set(before) == {"demo_staff", "demo_officer", "demo_admin"}
    assert cli.seed_demo(initialised) == 0
    assert read_demo_accounts_file(path) == before
    assert len(rows(initialised, "SELECT id FROM staff_users")) == 3
    for username in before:
        assert login(client, initialised, username)


def test_the_product_hashes_passwords_at_full_cost():
    # tests/api/conftest.py swaps in a cheap hasher for speed; the product's own stays at OWASP's argon2id minimum.
    import subprocess
    import sys

    from api.config import REPO_ROOT

    out = subprocess.run([sys.executable, "-c", "from api.auth.service import hash_password; print(hash_password('x' * 16))"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("$argon2id$v=19$m=19456,t=2,p=1$"), out

