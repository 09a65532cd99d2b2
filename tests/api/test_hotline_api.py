"""The hotline console's API (issue 5): assisted sessions for staff only, platform-stamped read-aloud ticks, the
channel token and metadata handed to Rasa's hotline channel, and the assisted evidence of a hotline commitment
checked against the session and signed with the record (R6, R7, P2, P3, P5). Rasa is a fake here
(tests/api/rasa_fake.py); tests/e2e/test_hotline.py and tests/browser/test_hotline_console.py use the real one."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any, Dict

import pytest

from api.auth.service import create_user
from api.database import make_engine, make_sessionmaker
from bot.core import assisted
from tests.api.access_helpers import applicant_headers, login, rows, service_headers
from tests.api.helpers import commitment_body
from tests.api.rasa_fake import FakeRasa

PHONE = "13912345678"
SECTIONS = 7


@pytest.fixture
def rasa(app, initialised) -> FakeRasa:
    fake = FakeRasa()
    app.state.rasa_link = fake.link(initialised.var_path / "keys" / "hotline.secret")
    return fake


@pytest.fixture
def staff(client, initialised) -> Dict[str, str]:
    return login(client, initialised, "demo_staff")


def second_staff(client, settings) -> Dict[str, str]:
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine).begin() as session:
        create_user(session, "staff_two", "staff", "another-long-password-2")
    engine.dispose()
    token = client.post("/api/v1/auth/login", json={"username": "staff_two", "password": "another-long-password-2"})
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def start(client, staff, **body) -> Dict[str, Any]:
    response = client.post("/api/v1/hotline/sessions", json=body or {"call_id": "CALL-20261127-0001", "caller_phone": PHONE}, headers=staff)
    assert response.status_code == 201, response.text
    return response.json()


def tick_all(client, staff, sid: str, version: str, total: int = SECTIONS) -> Dict[str, Any]:
    for index in range(1, total + 1):
        response = client.post(f"/api/v1/hotline/sessions/{sid}/read-aloud", json={"notice_version": version, "index": index}, headers=staff)
        assert response.status_code == 200, response.text
    return response.json()


# --- roles (P5) -----------------------------------------------------------------------------------------------


def test_only_staff_reach_the_hotline_console(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    endpoints = [
        ("POST", "/api/v1/hotline/sessions", {"call_id": "C1"}),
        ("GET", "/api/v1/hotline/sessions", None),
        ("GET", f"/api/v1/hotline/sessions/{sid}", None),
        ("POST", f"/api/v1/hotline/sessions/{sid}/messages", {"text": "你好"}),
        ("POST", f"/api/v1/hotline/sessions/{sid}/read-aloud", {"notice_version": "v", "index": 1}),
        ("POST", f"/api/v1/hotline/sessions/{sid}/end", None),
    ]
    others = {
        "applicant": applicant_headers(client),
        "officer": login(client, initialised, "demo_officer"),
        "admin": login(client, initialised, "demo_admin"),
        "service": service_headers(initialised),
    }
    for method, path, body in endpoints:
        assert client.request(method, path, json=body).status_code == 401, path
        for role, headers in others.items():
            response = client.request(method, path, json=body, headers=headers)
            assert response.status_code == 403, (role, path, response.status_code)
    assert rasa.hotline_calls == []  # nothing reached Rasa


def test_a_session_belongs_to_the_staff_member_who_started_it(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    other = second_staff(client, initialised)
    for method, path, body in (
        ("GET", f"/api/v1/hotline/sessions/{sid}", None),
        ("POST", f"/api/v1/hotline/sessions/{sid}/messages", {"text": "你好"}),
        ("POST", f"/api/v1/hotline/sessions/{sid}/read-aloud", {"notice_version": "v", "index": 1}),
    ):
        assert client.request(method, path, json=body, headers=other).status_code == 404
    assert client.get("/api/v1/hotline/sessions", headers=other).json() == []


# --- starting a session ---------------------------------------------------------------------------------------


def test_a_session_needs_the_call_id_or_the_callers_number(client, initialised, rasa, staff):
    response = client.post("/api/v1/hotline/sessions", json={}, headers=staff)
    assert response.status_code == 422 and response.json()["error"] == "call_unidentified"
    assert client.post("/api/v1/hotline/sessions", json={"caller_phone": "12345"}, headers=staff).json()["error"] == "invalid_phone"
    landline = start(client, staff, caller_phone="0371-67188888")
    assert landline["caller_phone_masked"] == "037*****8888" and landline["call_id"] is None
    view = start(client, staff, call_id="CALL-1", caller_phone="+86 139 1234 5678")
    assert view["caller_phone_masked"] == "139****5678"  # P5: never the full number in a view
    assert PHONE not in json.dumps(client.get("/api/v1/hotline/sessions", headers=staff).json())
    assert view["attestation"] == assisted.ATTESTATION and view["status"] == "open"
    audit = rows(initialised, "SELECT actor, action, detail FROM audit_events WHERE action = 'hotline.session_start'")
    assert len(audit) == 2 and all(a["actor"] == "demo_staff" for a in audit)
    assert PHONE not in json.dumps([a["detail"] for a in audit])


# --- a turn: channel token, metadata, ticks, attestation --------------------------------------------------------


def test_a_turn_carries_the_sessions_token_and_the_platforms_ticks(client, initialised, rasa, staff):
    view = start(client, staff)
    sid = view["session_id"]
    rasa.hotline_reply = lambda body: [
        {"recipient_id": "x", "text": "告知书（1/7）……"},
        {"recipient_id": "x", "custom": {"stage": "notice_section", "index": 1, "total": 7, "notice_version": "v1"}},
    ]
    first = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "我想申请公租房"}, headers=staff)
    assert first.status_code == 200, first.text
    assert first.json()["messages"] == [{"text": "告知书（1/7）……", "custom": {"stage": "notice_section", "index": 1, "total": 7, "notice_version": "v1"}}]
    headers, body = rasa.hotline_calls[-1]
    claims = assisted.verify_token((initialised.var_path / "keys" / "hotline.secret").read_bytes(), headers["x-hotline-token"])
    assert claims["sid"] == sid and claims["sender"] == f"hotline-{sid}" and claims["staff"] == "demo_staff"
    assert claims["call"] == "CALL-20261127-0001" and claims["phone"] == PHONE
    assert body == {"message": "我想申请公租房", "metadata": {"notice_version": None, "read_aloud": []}}

    before = datetime.now(timezone.utc) - timedelta(seconds=1)
    state = tick_all(client, staff, sid, "v1", total=3)
    assert state["notice_version"] == "v1" and [t["index"] for t in state["ticks"]] == [1, 2, 3]
    stamps = [datetime.fromisoformat(t["at"]) for t in state["ticks"]]
    assert all(before <= s <= datetime.now(timezone.utc) for s in stamps)  # the API's clock, not the browser's

    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "本人承诺", "attest": True}, headers=staff)
    _, body = rasa.hotline_calls[-1]
    meta = body["metadata"]
    assert meta["read_aloud"] == state["ticks"] and meta["notice_version"] == "v1"
    assert meta["attestation"] == assisted.ATTESTATION and datetime.fromisoformat(meta["attested_at"]) >= stamps[-1]
    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "重试"}, headers=staff)
    assert "attestation" not in rasa.hotline_calls[-1][1]["metadata"]  # only when ticked

    actions = [r["action"] for r in rows(initialised, "SELECT action FROM audit_events WHERE target = :t ORDER BY id", t=sid)]
    assert actions.count("hotline.read_aloud") == 3 and actions.count("hotline.message") == 3


def test_the_receipt_is_remembered_and_an_ended_session_takes_no_more_turns(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    rasa.hotline_reply = lambda body: [
        {"recipient_id": "x", "text": "承诺成功！"},
        {"recipient_id": "x", "custom": {"stage": "commitment_receipt", "commitment_no": "CN20261127-000042"}},
    ]
    result = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "本人承诺", "attest": True}, headers=staff).json()
    assert result["commitment_no"] == "CN20261127-000042"
    ended = client.post(f"/api/v1/hotline/sessions/{sid}/end", headers=staff).json()
    assert ended["status"] == "ended" and ended["commitment_no"] == "CN20261127-000042"
    response = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "你好"}, headers=staff)
    assert response.status_code == 409 and response.json()["error"] == "session_ended"


def test_rasa_down_is_a_clear_503(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    rasa.down = True
    response = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "你好"}, headers=staff)
    assert response.status_code == 503 and response.json()["error"] == "rasa_unavailable"


# --- the hotline commitment's evidence (R6, R7, P2, P3) -----------------------------------------------------------


def hotline_commitment(client, staff, rasa: FakeRasa) -> Dict[str, Any]:
    """A hotline session with every section ticked and the attestation given, and the commitment request a
    channel would send for it (evidence from the session's own record)."""
    sid = start(client, staff)["session_id"]
    body = commitment_body(client, "ZM001")
    version = body["notice_version"]
    ticks = tick_all(client, staff, sid, version)["ticks"]
    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "本人承诺", "attest": True}, headers=staff)
    attested_at = rasa.hotline_calls[-1][1]["metadata"]["attested_at"]
    body.update(channel="hotline", sender_id=f"hotline-{sid}")
    body["evidence"]["affirmation_at"] = datetime.now(timezone.utc).isoformat()
    body["evidence"]["assisted"] = {
        "staff_id": "demo_staff",
        "session_id": sid,
        "call_id": "CALL-20261127-0001",
        "caller_phone": PHONE,
        "notice_version": version,
        "read_aloud": ticks,
        "attestation": assisted.ATTESTATION,
        "attested_at": attested_at,
    }
    return body


def test_a_hotline_commitment_signs_the_read_aloud_evidence_and_verifies(client, initialised, rasa, staff):
    body = hotline_commitment(client, staff, rasa)
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 201, response.text
    number = response.json()["commitment_no"]
    assert client.get(f"/api/v1/commitments/{number}/verify").json()["valid"] is True
    record = client.get(f"/api/v1/commitments/{number}", headers=login(client, initialised, "demo_officer")).json()["signed_record"]
    evidence = record["evidence"]
    assert evidence["channel"] == "hotline"
    assisted_record = evidence["assisted"]
    assert assisted_record["staff_id"] == "demo_staff" and assisted_record["call_id"] == "CALL-20261127-0001"
    assert [t["index"] for t in assisted_record["read_aloud"]] == list(range(1, SECTIONS + 1))
    assert [datetime.fromisoformat(t["at"]) for t in assisted_record["read_aloud"]] == [
        datetime.fromisoformat(t["at"]) for t in body["evidence"]["assisted"]["read_aloud"]
    ]
    assert assisted_record["attestation"] == assisted.ATTESTATION


def test_other_channels_keep_their_canonical_record(client, initialised, rasa):
    response = client.post("/api/v1/commitments", json=commitment_body(client, "ZM001"))
    assert response.status_code == 201
    canonical = rows(initialised, "SELECT canonical FROM commitments WHERE commitment_no = :n", n=response.json()["commitment_no"])[0]["canonical"]
    assert "assisted" not in json.loads(canonical)["evidence"]


@pytest.mark.parametrize(
    "change, error",
    [
        ({"read_aloud": "drop_last"}, "read_aloud_incomplete"),
        ({"attestation": "来电人同意"}, "attestation_required"),
        ({"staff_id": "demo_admin"}, "assisted_evidence_mismatch"),
        ({"call_id": "CALL-OTHER"}, "assisted_evidence_mismatch"),
        ({"read_aloud": "forge_time"}, "assisted_evidence_mismatch"),
        ({"attested_at": "shift"}, "assisted_evidence_mismatch"),
    ],
)
def test_a_hotline_commitment_without_proper_evidence_is_refused(client, initialised, rasa, staff, change, error):
    body = hotline_commitment(client, staff, rasa)
    assisted_evidence = body["evidence"]["assisted"]
    key, value = next(iter(change.items()))
    if value == "drop_last":
        assisted_evidence["read_aloud"] = assisted_evidence["read_aloud"][:-1]
    elif value == "forge_time":
        forged = datetime.fromisoformat(assisted_evidence["read_aloud"][2]["at"]) + timedelta(seconds=1)
        assisted_evidence["read_aloud"][2]["at"] = forged.isoformat()
    elif value == "shift":
        assisted_evidence["attested_at"] = (datetime.fromisoformat(assisted_evidence["attested_at"]) - timedelta(seconds=2)).isoformat()
    else:
        assisted_evidence[key] = value
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 422 and response.json()["error"] == error, response.text


def test_hotline_channel_and_assisted_evidence_go_together(client, initialised, rasa, staff):
    body = hotline_commitment(client, staff, rasa)
    without = json.loads(json.dumps(body))
    del without["evidence"]["assisted"]
    response = client.post("/api/v1/commitments", json=without)
    assert response.status_code == 422 and response.json()["error"] == "assisted_evidence_required"
    body["channel"] = "rest"
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 422 and response.json()["error"] == "assisted_channel_mismatch"


def test_reopening_a_session_shows_its_masked_transcript_and_is_audited(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    rasa.conversation(f"hotline-{sid}", [
        {"event": "user", "text": "410103196208085671", "timestamp": 1795770000.0, "input_channel": "hotline"},
        {"event": "bot", "text": "请输入代办人的身份证号。", "data": {"custom": {"stage": "ask", "slot": "agent_id"}}},
    ])
    detail = client.get(f"/api/v1/hotline/sessions/{sid}", headers=staff).json()
    assert [e["text"] for e in detail["transcript"]] == ["4101**********5671", "请输入代办人的身份证号。"]
    assert detail["transcript"][1]["custom"] == {"stage": "ask", "slot": "agent_id"}
    assert rows(initialised, "SELECT actor FROM audit_events WHERE action = 'hotline.read' AND target = :t", t=sid) == [
        {"actor": "demo_staff"}
    ]
