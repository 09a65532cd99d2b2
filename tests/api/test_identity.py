"""The identity module: SMS one-time codes, act confirmation (意愿认证), the assurance record, hotline attestation.

Real database (SQLite, or PostgreSQL with GZ_TEST_DATABASE_URL), real HMAC keys, the real outbox file, and for
the production gateway a real HTTP server on loopback. The clock is the API's ``get_now``, moved by the tests.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import stat
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

from api import cli
from api.audit.models import AuditEvent
from api.config import Settings
from api.credit.service import id_hash
from api.database import transaction
from api.dependencies import get_now
from api.identity.assurance import Act, level_at_least
from api.identity.models import AssuranceRecord, OneTimeCode
from api.identity.otp import CodeProof, SmsOtpVerifier, generate_code, load_or_create_key
from api.identity.sms import OutboxGateway
from api.identity.verifiers import default_method
from api.main import create_app
from bot.core import ids
from tests.api.access_helpers import login
from tests.api.helpers import LI_NA, PHONE, WANG_FANG, ZHANG_WEI

CODES = "/api/v1/service/identity/codes"
VERIFY = "/api/v1/service/identity/codes/verify"
ATTEST = "/api/v1/identity/hotline/attestations"
STATEMENT = hashlib.sha256("本人承诺：本人及家庭成员在本市无自有住房。".encode("utf-8")).hexdigest()
ACT = {"item_name": "公共租赁住房资格申请", "statement_sha256": STATEMENT, "item_code": "ZM001"}
OTHER_ACT = {**ACT, "statement_sha256": hashlib.sha256(b"another statement").hexdigest()}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class OnePhoneForAll:
    """A shared-data adapter under which every ID has the same registered phone (the per-phone limit)."""

    def __init__(self, **_context: Any) -> None:
        pass

    def registered_phone(self, _id_number: str) -> Optional[str]:
        return PHONE


def resident_id(serial: int) -> str:
    first17 = f"41010519900101{serial + 100:03d}"
    return first17 + ids.resident_id_check_char(first17)


@contextmanager
def identity_client(settings: Settings, clock: Clock, **changes: Any) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update=changes))
    app.dependency_overrides[get_now] = lambda: clock.now
    try:
        with TestClient(app) as client:
            client.headers.update({"X-Service-Token": app.state.service_token})
            yield client
    finally:
        app.state.engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api(initialised: Settings, clock: Clock) -> Iterator[TestClient]:
    with identity_client(initialised, clock) as client:
        yield client


def outbox_path(settings: Settings) -> Path:
    return settings.var_path / "sms-outbox.jsonl"


def outbox(settings: Settings) -> List[Dict[str, str]]:
    path = outbox_path(settings)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def request_code(http: TestClient, person: tuple = ZHANG_WEI, act: Optional[dict] = ACT, **extra: Any):
    body = {"purpose": "act" if act else "login", "id_number": person[1], **({"act": act} if act else {}), **extra}
    return http.post(CODES, json=body)


def send_code(client: TestClient, settings: Settings, person: tuple = ZHANG_WEI, act: Optional[dict] = ACT) -> str:
    response = request_code(client, person, act)
    assert response.status_code == 200, response.text
    return outbox(settings)[-1]["code"]


def verify(client: TestClient, code: str, person: tuple = ZHANG_WEI, act: Optional[dict] = ACT):
    body = {"purpose": "act" if act else "login", "id_number": person[1], "code": code, **({"act": act} if act else {})}
    return client.post(VERIFY, json=body)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


# --- sending ------------------------------------------------------------------------------------------------


def test_an_act_code_goes_to_the_registered_phone_in_a_message_naming_the_act(api, initialised, clock):
    response = request_code(api)
    assert response.status_code == 200, response.text
    assert response.json() == {"sent_to": "138****8000", "expires_in": 300}
    [message] = outbox(initialised)
    assert set(message) == {"to", "text", "code", "at"}
    assert message["to"] == PHONE
    assert re.fullmatch(r"\d{6}", message["code"])
    assert message["text"] == (
        f"您正在对『公共租赁住房资格申请』作出告知承诺，验证码{message['code']}，5分钟内有效，如非本人操作请勿告知他人"
    )
    assert parse_time(message["at"]) == clock.now
    assert stat.S_IMODE(outbox_path(initialised).stat().st_mode) == 0o600


def test_the_outbox_is_one_json_object_a_line_and_stays_private(api, initialised, clock):
    outbox_path(initialised).write_text("", encoding="utf-8")
    outbox_path(initialised).chmod(0o644)  # a looser file left behind is tightened on the next message
    send_code(api, initialised, act=None)
    clock.advance(61)
    send_code(api, initialised)
    lines = outbox_path(initialised).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["to"] == PHONE for line in lines)
    assert json.loads(lines[0])["text"].startswith("您正在登录告知承诺服务，验证码")
    assert stat.S_IMODE(outbox_path(initialised).stat().st_mode) == 0o600


def test_no_registered_phone_is_refused_and_nothing_is_sent(api, initialised):
    response = request_code(api, WANG_FANG)
    assert response.status_code == 422
    assert response.json()["error"] == "no_registered_phone"
    assert "实名手机号码" in response.json()["message"]
    assert outbox(initialised) == []


def test_the_answer_does_not_tell_whether_the_id_has_records(api, initialised):
    # 李娜 has a serious false-commitment record, 张伟 none: the answers differ only by the masked number.
    clean = request_code(api, ZHANG_WEI).json()
    recorded = request_code(api, LI_NA).json()
    assert set(clean) == set(recorded) == {"sent_to", "expires_in"}
    assert recorded == {"sent_to": "138****2342", "expires_in": 300}


def test_an_invalid_id_or_a_mismatched_purpose_is_refused(api):
    assert request_code(api, ("张伟", "410105199001011234")).json()["error"] == "invalid_id_checksum"
    assert api.post(CODES, json={"purpose": "act", "id_number": ZHANG_WEI[1]}).status_code == 422
    assert api.post(CODES, json={"purpose": "login", "id_number": ZHANG_WEI[1], "act": ACT}).status_code == 422
    injected = {**ACT, "item_name": "公共租赁住房』已取消，回复验证码\n退款"}
    assert request_code(api, act=injected).status_code == 422
    assert request_code(api, act={**ACT, "statement_sha256": "not a hash"}).status_code == 422


def test_only_the_action_server_may_ask_for_codes(api, initialised):
    body = {"purpose": "login", "id_number": ZHANG_WEI[1]}
    assert api.post(CODES, json=body, headers={"X-Service-Token": "wrong"}).status_code == 401
    bare = TestClient(api.app)
    staff = login(bare, initialised, "demo_staff")
    assert bare.post(CODES, json=body, headers=staff).status_code == 403
    assert bare.post(CODES, json=body).status_code == 401
    assert bare.post(VERIFY, json={**body, "code": "123456"}).status_code == 401
    assert outbox(initialised) == []


# --- verifying ------------------------------------------------------------------------------------------


def test_a_login_code_gives_an_sms_assurance_once(api, initialised, clock):
    code = send_code(api, initialised, act=None)
    clock.advance(30)
    response = verify(api, code, act=None)
    assert response.status_code == 200, response.text
    body = response.json()
    assurance = body["assurance"]
    assert body["act_confirmation"] is None
    assert assurance["method"] == "sms_otp" and assurance["level"] == "substantial"
    assert assurance["masked_phone"] == "138****8000"
    assert assurance["verifier"] == "sms-outbox"
    assert parse_time(assurance["verified_at"]) == clock.now
    # The platform's keyed ID hash, so the assurance joins a commitment or an integrity file without the ID.
    assert assurance["subject_hash"] == id_hash(ZHANG_WEI[1], api.app.state.id_hash_key)
    again = verify(api, code, act=None)
    assert again.status_code == 422 and again.json()["error"] == "code_used"
    with api.app.state.sessionmaker() as session:
        row = session.scalars(select(AssuranceRecord)).one()
    assert row.assurance_id == assurance["assurance_id"] and row.act is None


def test_an_act_code_confirms_that_act_and_binds_the_sms_text(api, initialised, clock):
    code = send_code(api, initialised)
    sms_text = outbox(initialised)[-1]["text"]
    clock.advance(100)
    response = verify(api, code)
    assert response.status_code == 200, response.text
    confirmation = response.json()["act_confirmation"]
    assert confirmation["act"] == ACT
    assert confirmation["act_sha256"] == Act(**ACT).digest()
    assert confirmation["sms_text_sha256"] == hashlib.sha256(sms_text.encode("utf-8")).hexdigest()
    assert parse_time(confirmation["confirmed_at"]) == clock.now
    assert confirmation["assurance"] == response.json()["assurance"]
    assert confirmation["assurance"]["detail"] == {"purpose": "act"}
    with api.app.state.sessionmaker() as session:
        row = session.scalars(select(AssuranceRecord)).one()
    assert row.sms_text_sha256 == confirmation["sms_text_sha256"] and row.act_sha256 == confirmation["act_sha256"]


def test_a_login_code_never_confirms_an_act(api, initialised):
    code = send_code(api, initialised, act=None)
    refused = verify(api, code, act=ACT)
    assert refused.status_code == 422 and refused.json()["error"] == "code_purpose_mismatch"
    with api.app.state.sessionmaker() as session:
        assert session.scalars(select(AssuranceRecord)).first() is None


def test_an_act_code_confirms_only_its_own_act_and_is_no_login(api, initialised):
    code = send_code(api, initialised, act=ACT)
    other = verify(api, code, act=OTHER_ACT)
    assert other.status_code == 422 and other.json()["error"] == "code_act_mismatch"
    renamed = verify(api, code, act={**ACT, "item_name": "律师执业申请"})
    assert renamed.json()["error"] == "code_act_mismatch"
    as_login = verify(api, code, act=None)
    assert as_login.json()["error"] == "code_purpose_mismatch"
    ok = verify(api, code, act=ACT)
    assert ok.status_code == 200 and ok.json()["act_confirmation"]["act"] == ACT


def test_another_persons_code_does_not_verify(api, initialised, clock):
    code = send_code(api, initialised, ZHANG_WEI)
    refused = verify(api, code, LI_NA)
    assert refused.status_code == 422 and refused.json()["error"] == "code_not_requested"


def test_a_code_expires_after_five_minutes(api, initialised, clock):
    code = send_code(api, initialised)
    clock.advance(299)
    assert verify(api, code).status_code == 200
    clock.advance(61)
    late_code = send_code(api, initialised)
    clock.advance(300)
    late = verify(api, late_code)
    assert late.status_code == 422 and late.json()["error"] == "code_expired"


def test_wrong_codes_are_bounded_per_code(api, initialised):
    code = send_code(api, initialised)
    for left in (4, 3, 2, 1):
        response = verify(api, wrong(code))
        assert response.status_code == 422 and response.json()["error"] == "code_incorrect"
        assert f"还可以再试{left}次" in response.json()["message"]
    fifth = verify(api, wrong(code))
    assert fifth.json()["error"] == "code_locked"
    after = verify(api, code)  # the right code no longer helps
    assert after.status_code == 422 and after.json()["error"] == "code_locked"


def test_full_width_digits_are_the_same_code(api, initialised):
    code = send_code(api, initialised)
    typed = " ".join(chr(ord(c) + 0xFEE0) for c in code)
    assert verify(api, typed).status_code == 200


def test_a_new_code_replaces_the_earlier_one(api, initialised, clock):
    first = send_code(api, initialised)
    clock.advance(61)
    second = send_code(api, initialised)
    if first != second:
        assert verify(api, first).json()["error"] == "code_incorrect"
    assert verify(api, second).status_code == 200


def test_one_code_is_used_once_even_by_concurrent_requests(api, initialised, clock):
    code = send_code(api, initialised)
    key = load_or_create_key(initialised.var_path / "keys" / "otp.key")
    verifier = SmsOtpVerifier(key, api.app.state.id_hash_key, OutboxGateway(outbox_path(initialised)), None)
    now = clock.now
    outcomes: List[str] = []
    barrier = threading.Barrier(4)

    def attempt() -> None:
        barrier.wait()
        try:
            # Each attempt in its own transaction, owned here as get_session owns a request's.
            with transaction(api.app.state.sessionmaker) as session:
                verifier.confirm_act(session, CodeProof(ZHANG_WEI[1], code, Act(**ACT)), now)
            outcomes.append("ok")
        except Exception as exc:  # ApiError: code_used
            outcomes.append(getattr(exc, "error", repr(exc)))

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["code_used"] * 3 + ["ok"]


# --- limits -----------------------------------------------------------------------------------------------


def test_one_code_per_id_per_minute(api, initialised, clock):
    send_code(api, initialised)
    clock.advance(30)
    response = request_code(api)
    assert response.status_code == 429 and response.json()["error"] == "otp_too_soon"
    assert 1 <= int(response.headers["Retry-After"]) <= 31
    assert len(outbox(initialised)) == 1
    clock.advance(31)
    assert request_code(api).status_code == 200


def test_the_act_code_does_not_wait_for_the_login_code_just_sent(api, initialised, clock):
    # A quick journey: the login code, then a minute later at most the affirmation and its act code.
    send_code(api, initialised, act=None)
    clock.advance(20)
    assert request_code(api).status_code == 200  # the act code (the default act)
    clock.advance(5)
    again = request_code(api)
    assert again.status_code == 429 and again.json()["error"] == "otp_too_soon"  # but not two act codes


def test_codes_per_id_are_limited_in_the_window(api, initialised, clock):
    for _ in range(5):
        send_code(api, initialised)
        clock.advance(61)
    refused = request_code(api)
    assert refused.status_code == 429 and refused.json()["error"] == "otp_id_limit"
    assert "分钟后再试" in refused.json()["message"]
    assert len(outbox(initialised)) == 5
    clock.advance(3600)
    assert request_code(api).status_code == 200


def test_codes_per_phone_are_limited_across_ids(initialised, clock):
    with identity_client(initialised, clock, shared_data_adapter=f"{__name__}.OnePhoneForAll") as client:
        for serial in range(5):
            assert request_code(client, ("某人", resident_id(serial)), client=f"c{serial}").status_code == 200
        refused = request_code(client, ("某人", resident_id(9)), client="c9")
    assert refused.status_code == 429 and refused.json()["error"] == "otp_phone_limit"
    assert len(outbox(initialised)) == 5


def test_codes_per_client_are_limited_across_ids(initialised, clock):
    with identity_client(
        initialised, clock, shared_data_adapter=f"{__name__}.OnePhoneForAll", otp_max_per_client=3, otp_max_per_phone=50
    ) as client:
        for serial in range(3):
            assert request_code(client, ("某人", resident_id(serial)), client="rest:attacker").status_code == 200
        refused = request_code(client, ("某人", resident_id(7)), client="rest:attacker")
        other_client = request_code(client, ("某人", resident_id(8)), client="rest:someone-else")
    assert refused.status_code == 429 and refused.json()["error"] == "otp_client_limit"
    assert other_client.status_code == 200


def test_ids_without_a_phone_count_against_the_client(initialised, clock):
    with identity_client(initialised, clock, otp_max_per_client=2) as client:
        assert request_code(client, WANG_FANG, client="x").json()["error"] == "no_registered_phone"
        assert request_code(client, ("无名", resident_id(3)), client="x").json()["error"] == "no_registered_phone"
        assert request_code(client, ZHANG_WEI, client="x").json()["error"] == "otp_client_limit"


# --- at rest ------------------------------------------------------------------------------------------------


def _standalone(code: str) -> re.Pattern:
    return re.compile(rf"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])")


def _database_text(app) -> str:
    """Every value of every row of every table, as text."""
    values: List[str] = []
    with app.state.engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                values.extend(str(value) for value in row)
    return "\n".join(values)


def _database_files(url: str) -> bytes:
    database = make_url(url).database
    if make_url(url).get_backend_name() != "sqlite" or not database:
        return b""
    return b"".join(Path(p).read_bytes() for p in (database, database + "-wal") if Path(p).exists())


def test_codes_are_stored_only_as_a_keyed_hash(api, initialised, clock):
    codes = [send_code(api, initialised, act=None)]
    verify(api, wrong(codes[0]), act=None)  # a wrong try is written too
    clock.advance(61)
    codes.append(send_code(api, initialised))
    assert verify(api, codes[1]).status_code == 200
    stored_text = _database_text(api.app)
    stored_bytes = _database_files(initialised.database_url)
    for code in codes:
        assert not _standalone(code).search(stored_text)
        assert not re.search(_standalone(code).pattern.encode(), stored_bytes)
        # The check finds a code where one is written: the outbox, the phone's stand-in, has them.
        assert _standalone(code).search(outbox_path(initialised).read_text(encoding="utf-8"))
    key_file = initialised.var_path / "keys" / "otp.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with api.app.state.sessionmaker() as session:
        row = session.scalars(select(OneTimeCode).order_by(OneTimeCode.id.desc())).first()
    expected = hmac.new(
        key_file.read_bytes(), f"code:{row.challenge_id}|act|{row.act_sha256}|{codes[1]}".encode(), hashlib.sha256
    ).hexdigest()
    assert row.code_hash == expected and row.state == "used"
    assert row.subject_hash == id_hash(ZHANG_WEI[1], api.app.state.id_hash_key)
    assert PHONE not in stored_text and ZHANG_WEI[1] not in stored_text


def test_an_edited_purpose_does_not_turn_a_login_code_into_an_act_code(api, initialised):
    code = send_code(api, initialised, act=None)
    with api.app.state.sessionmaker() as session:
        row = session.scalars(select(OneTimeCode)).one()
        row.purpose, row.act, row.act_sha256 = "act", ACT, Act(**ACT).digest()
        session.commit()
    refused = verify(api, code, act=ACT)
    assert refused.status_code == 422 and refused.json()["error"] == "code_incorrect"


# --- the production gateway over HTTP ----------------------------------------------------------------------


class _GatewayServer:
    """A tiny SMS gateway on loopback that records what it receives and answers with ``status``."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.received: List[Dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append({
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "content_type": self.headers.get("Content-Type"),
                    "json": json.loads(body),
                })
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "_GatewayServer":
        self.thread.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_http_gateway_posts_json_with_the_credential_from_a_file(initialised, clock, tmp_path):
    credentials = tmp_path / "sms-gateway.token"
    credentials.write_text("s3cret-gateway-token\n", encoding="utf-8")
    with _GatewayServer() as gateway, identity_client(
        initialised, clock, sms_gateway_url=gateway.url, sms_gateway_credentials_path=credentials
    ) as client:
        assert request_code(client).json() == {"sent_to": "138****8000", "expires_in": 300}
        [received] = gateway.received
        assert received["path"] == "/v1/sms"
        assert received["authorization"] == "Bearer s3cret-gateway-token"
        assert received["content_type"] == "application/json"
        assert set(received["json"]) == {"to", "text"} and received["json"]["to"] == PHONE
        code = re.search(r"验证码(\d{6})，", received["json"]["text"]).group(1)
        confirmed = verify(client, code)
    assert confirmed.status_code == 200
    assert confirmed.json()["assurance"]["verifier"] == "sms-http:127.0.0.1"
    assert not outbox_path(initialised).exists()


def test_a_gateway_failure_sends_nothing_usable(initialised, clock, tmp_path):
    credentials = tmp_path / "sms-gateway.token"
    credentials.write_text("token", encoding="utf-8")
    with _GatewayServer(status=500) as gateway, identity_client(
        initialised, clock, sms_gateway_url=gateway.url, sms_gateway_credentials_path=credentials
    ) as client:
        failed = request_code(client)
        assert failed.status_code == 503 and failed.json()["error"] == "sms_unavailable"
        code = re.search(r"验证码(\d{6})，", gateway.received[0]["json"]["text"]).group(1)
        assert verify(client, code).json()["error"] == "code_not_requested"
        gateway.status = 200
        assert request_code(client).status_code == 200  # a failed send counts against no limit


def test_an_unreachable_gateway_is_a_clear_refusal(initialised, clock, tmp_path):
    credentials = tmp_path / "sms-gateway.token"
    credentials.write_text("token", encoding="utf-8")
    with _GatewayServer() as gateway:
        url = gateway.url  # closed again: nothing listens there any more
    with identity_client(
        initialised, clock, sms_gateway_url=url, sms_gateway_credentials_path=credentials,
        sms_gateway_timeout_seconds=2.0,
    ) as client:
        response = request_code(client)
    assert response.status_code == 503 and response.json()["error"] == "sms_unavailable"


# --- hotline attestation ------------------------------------------------------------------------------------


def test_staff_attest_a_callers_identity_and_how(api, initialised, clock):
    staff = login(api, initialised, "demo_staff")
    body = {"id_number": ZHANG_WEI[1], "how": "callback_registered_phone", "note": "回拨13800138000本人接听"}
    response = TestClient(api.app).post(ATTEST, json=body, headers=staff)
    assert response.status_code == 201, response.text
    assurance = response.json()
    assert assurance["method"] == "hotline_attestation" and assurance["level"] == "substantial"
    assert assurance["verifier"] == "staff:demo_staff"
    assert assurance["detail"]["how"] == "callback_registered_phone"
    assert PHONE not in assurance["detail"]["note"]  # masked like every personal number an officer types
    with api.app.state.sessionmaker() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "identity.hotline_attested")).one()
    assert event.actor == "demo_staff" and event.target == assurance["assurance_id"]
    weak = TestClient(api.app).post(ATTEST, json={**body, "how": "personal_details"}, headers=staff)
    assert weak.json()["level"] == "low"
    assert TestClient(api.app).post(ATTEST, json={**body, "how": "guessed"}, headers=staff).status_code == 422
    assert TestClient(api.app).post(ATTEST, json=body).status_code == 401
    assert api.post(ATTEST, json=body).status_code == 403  # the action server attests nobody
    officer = login(api, initialised, "demo_officer")
    assert TestClient(api.app).post(ATTEST, json=body, headers=officer).status_code == 403


# --- the migration --------------------------------------------------------------------------------------


def test_the_migration_goes_down_and_up_again(initialised):
    config = cli.alembic_config(initialised.database_url, initialised.data_key_path)
    command.downgrade(config, "0012_seal_names_phones")
    app = create_app(initialised)
    try:
        with app.state.engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
        assert "identity_codes" not in names and "identity_assurances" not in names
    finally:
        app.state.engine.dispose()
    command.upgrade(config, "heads")
    app = create_app(initialised)
    try:
        with app.state.engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
        assert {"identity_codes", "identity_assurances"} <= names
    finally:
        app.state.engine.dispose()


# --- the small pieces -------------------------------------------------------------------------------------


def test_codes_are_six_random_digits():
    codes = {generate_code() for _ in range(2000)}
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert len(codes) > 1990  # 2000 draws from a million: a repeat or two at most, never a pattern
    assert any(code.startswith("0") for code in codes)  # leading zeros are kept


def test_channels_default_to_sms_codes_and_the_hotline_to_staff_attestation():
    assert default_method("rest") == default_method("wechat") == default_method("socketio") == "sms_otp"
    assert default_method("hotline") == "hotline_attestation"
    assert level_at_least("substantial", "low") and level_at_least("high", "substantial")
    assert not level_at_least("low", "substantial")
