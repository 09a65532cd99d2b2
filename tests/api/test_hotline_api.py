"""The hotline console's API: assisted sessions for staff only, platform-stamped read-aloud ticks, the
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
from tests.api.helpers import commitment_body, hotline_identity, sign_evidence, verify_path, with_identity
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
    """Every section ticked at test speed: each tick confirmed as read whole (the reading times have their own test)."""
    for index in range(1, total + 1):
        response = client.post(f"/api/v1/hotline/sessions/{sid}/read-aloud",
                               json={"notice_version": version, "index": index, "confirm_fast": True}, headers=staff)
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
    v1 = commitment_body(client, "ZM001")["notice_version"]
    rasa.hotline_reply = lambda body: [
        {"recipient_id": "x", "text": "告知书（1/7）……"},
        {"recipient_id": "x", "custom": {"stage": "notice_section", "index": 1, "total": 7, "notice_version": v1}},
    ]
    first = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "我想申请公租房"}, headers=staff)
    assert first.status_code == 200, first.text
    assert first.json()["messages"] == [{"text": "告知书（1/7）……", "custom": {"stage": "notice_section", "index": 1, "total": 7, "notice_version": v1}}]
    headers, body = rasa.hotline_calls[-1]
    claims = assisted.verify_token((initialised.var_path / "keys" / "hotline.secret").read_bytes(), headers["x-hotline-token"])
    assert claims["sid"] == sid and claims["sender"] == f"hotline-{sid}" and claims["staff"] == "demo_staff"
    assert claims["call"] == "CALL-20261127-0001" and claims["phone"] == PHONE
    assert body == {"message": "我想申请公租房", "metadata": {"notice_version": None, "read_aloud": []}}

    before = datetime.now(timezone.utc) - timedelta(seconds=1)
    state = tick_all(client, staff, sid, v1, total=3)
    assert state["notice_version"] == v1 and [t["index"] for t in state["ticks"]] == [1, 2, 3]
    stamps = [datetime.fromisoformat(t["at"]) for t in state["ticks"]]
    assert all(before <= s <= datetime.now(timezone.utc) for s in stamps)  # the API's clock, not the browser's

    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "本人承诺", "attest": True}, headers=staff)
    _, body = rasa.hotline_calls[-1]
    meta = body["metadata"]
    assert meta["read_aloud"] == [{"index": t["index"], "at": t["at"]} for t in state["ticks"]] and meta["notice_version"] == v1
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
    ticks = [{"index": t["index"], "at": t["at"]} for t in tick_all(client, staff, sid, version)["ticks"]]
    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "本人承诺", "attest": True}, headers=staff)
    attested_at = rasa.hotline_calls[-1][1]["metadata"]["attested_at"]
    body.update(channel="hotline", sender_id=f"hotline-{sid}")
    # The caller's "已阅读" and commitment follow the last tick; the hotline channel signs both messages.
    body["evidence"]["notice_ack_at"] = datetime.now(timezone.utc).isoformat()
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
    # On the phone the staff member attests who the caller is (no code is typed): that is the signer's identity.
    return hotline_identity(client, sign_evidence(client, body), staff)


def test_a_hotline_commitment_signs_the_read_aloud_evidence_and_verifies(client, initialised, rasa, staff):
    body = hotline_commitment(client, staff, rasa)
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 201, response.text
    number = response.json()["commitment_no"]
    assert client.get(verify_path(client, number)).json()["valid"] is True
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
    assert evidence["channel_evidence"]["deliveries"] == []  # the ticks above are the hotline's deliveries
    assert evidence["channel_evidence"]["affirmation"]["text"] == body["evidence"]["affirmation_text"]
    # The letter says the notice was read aloud, per section, at the tick's time; nothing "delivered" by a channel.
    from sqlalchemy import select

    from api.commitments.models import Commitment
    from api.documents import service as documents
    from api.documents.html import render_html

    with client.app.state.sessionmaker() as session:
        row = session.scalars(select(Commitment).where(Commitment.commitment_no == number)).one()
        page = render_html(documents.letter(row, "https://gz.example.test"))
    first_tick = documents._china_time(body["evidence"]["assisted"]["read_aloud"][0]["at"])
    assert "告知书第 1 部分宣读" in page and "工作人员已宣读" in page and first_tick in page
    assert "部分送达" not in page


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
    # The staff attestation vouches in the call's hotline conversation only: named as a REST conversation the
    # request is refused before its evidence is looked at.
    assert response.status_code == 401 and response.json()["error"] == "identity_required"
    # With a REST conversation's own codes, the read-aloud record still belongs to the hotline alone.
    response = client.post("/api/v1/commitments", json=with_identity(client, body))
    assert response.status_code == 422 and response.json()["error"] == "assisted_channel_mismatch", response.text


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


# --- read-aloud ticks take a section's reading time (R6) ----------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 2, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(app) -> Clock:
    from api.dependencies import get_now

    moving = Clock()
    app.dependency_overrides[get_now] = moving
    yield moving
    app.dependency_overrides.pop(get_now, None)


def reading_time(client, index: int, cpm: int = 300) -> int:
    from api.hotline.service import reading_seconds

    section = client.get("/api/v1/catalogue/items/ZM001").json()["notice"][index - 1]
    return reading_seconds(section["title"], section["text"], cpm)


def test_a_tick_sooner_than_the_section_can_be_read_asks_for_confirmation(client, initialised, rasa, staff, clock):
    view = start(client, staff)
    assert view["read_chars_per_minute"] == 300 and view["caller_mobile"] is True
    sid = view["session_id"]
    version = commitment_body(client, "ZM001")["notice_version"]
    rasa.hotline_reply = lambda body: [
        {"recipient_id": "x", "text": f"告知书（{i}/7）……"} for i in range(1, 8)
    ] + [{"recipient_id": "x", "custom": {"stage": "notice_section", "index": 7, "total": 7, "notice_version": version}}]
    clock.advance(120)  # the journey's earlier questions
    client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"text": "13912345678"}, headers=staff)  # the notice arrives
    url = f"/api/v1/hotline/sessions/{sid}/read-aloud"

    clock.advance(2)  # 0.4 s or 2 s: nobody reads a section that fast
    quick = client.post(url, json={"notice_version": version, "index": 1}, headers=staff)
    assert quick.status_code == 409 and quick.json()["error"] == "read_aloud_too_fast"
    assert f"约需{reading_time(client, 1)}秒" in quick.json()["message"] and "只过了2秒" in quick.json()["message"]
    assert client.get(f"/api/v1/hotline/sessions/{sid}", headers=staff).json()["read_aloud"]["ticks"] == []  # nothing recorded

    confirmed = client.post(url, json={"notice_version": version, "index": 1, "confirm_fast": True}, headers=staff)
    assert confirmed.status_code == 200 and confirmed.json()["ticks"][0]["fast"] is True
    # Section 2 read at a normal pace after section 1's tick: no question asked.
    clock.advance(reading_time(client, 2))
    normal = client.post(url, json={"notice_version": version, "index": 2}, headers=staff)
    assert normal.status_code == 200, normal.text
    assert [(t["index"], t["fast"]) for t in normal.json()["ticks"]] == [(1, True), (2, False)]
    # The next one a second after: too fast again, counted from the previous tick.
    clock.advance(1)
    assert client.post(url, json={"notice_version": version, "index": 3}, headers=staff).status_code == 409

    # The confirmation is kept with the evidence and the audit trail (P2, P5).
    kinds = rows(initialised, "SELECT e.kind, e.section_index FROM hotline_evidence_events e JOIN hotline_sessions s "
                              "ON s.id = e.session_id WHERE s.session_id = :s ORDER BY e.id", s=sid)
    assert [(k["kind"], k["section_index"]) for k in kinds] == [
        ("notice_shown", None), ("read_aloud", 1), ("fast_confirmed", 1), ("read_aloud", 2)]
    audit = rows(initialised, "SELECT detail FROM audit_events WHERE action = 'hotline.read_aloud' AND target = :t ORDER BY id", t=sid)
    details = [a["detail"] if isinstance(a["detail"], dict) else json.loads(a["detail"]) for a in audit]
    assert details[0]["fast_confirmed"] is True and details[0]["seconds"] == 2 and "fast_confirmed" not in details[1]


def test_the_reading_rate_is_a_setting(client, initialised, rasa, staff, clock, app):
    app.state.settings.hotline_read_chars_per_minute = 6000  # a test setting: 100 characters a second
    sid = start(client, staff)["session_id"]
    version = commitment_body(client, "ZM001")["notice_version"]
    clock.advance(reading_time(client, 1, 6000))
    response = client.post(f"/api/v1/hotline/sessions/{sid}/read-aloud", json={"notice_version": version, "index": 1}, headers=staff)
    assert response.status_code == 200 and response.json()["ticks"][0]["fast"] is False


def test_ticks_name_a_stored_notification_and_one_of_its_sections(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    url = f"/api/v1/hotline/sessions/{sid}/read-aloud"
    unknown = client.post(url, json={"notice_version": "0" * 64, "index": 1, "confirm_fast": True}, headers=staff)
    assert unknown.status_code == 422 and unknown.json()["error"] == "unknown_notice_version"
    version = commitment_body(client, "ZM001")["notice_version"]
    beyond = client.post(url, json={"notice_version": version, "index": 8, "confirm_fast": True}, headers=staff)
    assert beyond.status_code == 422 and beyond.json()["error"] == "unknown_section"


# --- the caller's own number for the journey's phone question ------------------------------------------------------


def test_the_callers_mobile_answers_the_phone_question_without_showing_it(client, initialised, rasa, staff):
    sid = start(client, staff)["session_id"]
    turn = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json={"use_caller_phone": True}, headers=staff)
    assert turn.status_code == 200, turn.text
    assert rasa.hotline_calls[-1][1]["message"] == PHONE  # the journey gets the number the caller called from
    assert PHONE not in turn.text  # the console never sees it whole
    for body in ({}, {"text": "13800138000", "use_caller_phone": True}, {"text": "  "}):
        response = client.post(f"/api/v1/hotline/sessions/{sid}/messages", json=body, headers=staff)
        assert response.status_code == 422, body
    landline = start(client, staff, caller_phone="0371-67188888")
    assert landline["caller_mobile"] is False
    refused = client.post(f"/api/v1/hotline/sessions/{landline['session_id']}/messages", json={"use_caller_phone": True}, headers=staff)
    assert refused.status_code == 422 and refused.json()["error"] == "caller_phone_not_mobile"
