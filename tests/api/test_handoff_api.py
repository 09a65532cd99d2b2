"""The handoff API (issue 5): the action server queues, staff (and only staff) see the queue with waiting times,
take a conversation over (Rasa ``pause``), write to the citizen through their own channel, and hand back
(``resume`` and the journey's pending question asked again). Rasa is a fake here (tests/api/rasa_fake.py);
tests/e2e/test_handoff.py and tests/browser/test_handoff_console.py run it for real."""
from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Dict

import pytest

from api.auth.service import create_user
from api.database import make_engine, make_sessionmaker
from tests.api.access_helpers import applicant_headers, days_later, login, rows, service_headers, set_clock
from tests.api.rasa_fake import FakeRasa

WIDGET = "0f3c9a7e5b2d4c1a8e6f0b9d7c5a3e1f"
REST = "citizen-rest-42"
ASK_ID = {"stage": "ask", "slot": "applicant_id"}


@pytest.fixture
def rasa(app, initialised) -> FakeRasa:
    fake = FakeRasa()
    app.state.rasa_link = fake.link(initialised.var_path / "keys" / "hotline.secret")
    return fake


@pytest.fixture
def staff(client, initialised) -> Dict[str, str]:
    return login(client, initialised, "demo_staff")


def queue_it(client, settings, sender: str = WIDGET, channel: str = "socketio", reason: str = "user_request") -> Dict[str, Any]:
    response = client.post("/api/v1/service/handoff", json={"sender_id": sender, "channel": channel, "reason": reason},
                           headers=service_headers(settings))
    assert response.status_code == 200, response.text
    return response.json()


def a_journey(rasa: FakeRasa, sender: str = WIDGET) -> None:
    """A citizen half-way through a journey: the bot waits for the ID number; the citizen typed one."""
    rasa.conversation(sender, [
        {"event": "user", "text": "我想申请公租房", "timestamp": 1795770000.0, "input_channel": "socketio"},
        {"event": "bot", "text": "请输入申请人的18位身份证号。", "data": {"custom": ASK_ID}, "timestamp": 1795770001.0},
        {"event": "user", "text": "我的身份证是410105199001011233，怎么不对", "timestamp": 1795770002.0},
        {"event": "user", "text": "转人工", "timestamp": 1795770003.0},
    ], slots={"requested_slot": "applicant_id", "item": "ZM001"}, loop="commitment_form")


# --- roles (P5) ---------------------------------------------------------------------------------------------


def test_only_the_action_server_queues_and_only_staff_handle_the_queue(client, initialised, rasa, staff):
    body = {"sender_id": WIDGET, "channel": "socketio", "reason": "user_request"}
    others = {
        "applicant": applicant_headers(client),
        "officer": login(client, initialised, "demo_officer"),
        "admin": login(client, initialised, "demo_admin"),
    }
    assert client.post("/api/v1/service/handoff", json=body).status_code == 401
    for headers in list(others.values()) + [staff]:
        assert client.post("/api/v1/service/handoff", json=body, headers=headers).status_code == 403
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    endpoints = [
        ("GET", "/api/v1/handoff/queue", None),
        ("GET", f"/api/v1/handoff/{handoff_id}", None),
        ("POST", f"/api/v1/handoff/{handoff_id}/take", None),
        ("POST", f"/api/v1/handoff/{handoff_id}/messages", {"text": "您好"}),
        ("POST", f"/api/v1/handoff/{handoff_id}/release", None),
    ]
    for method, path, payload in endpoints:
        assert client.request(method, path, json=payload).status_code == 401, path
        for role, headers in {**others, "service": service_headers(initialised)}.items():
            response = client.request(method, path, json=payload, headers=headers)
            assert response.status_code == 403, (role, path, response.status_code)
    assert rasa.appended == []  # nobody but staff paused or wrote anything


def test_bad_requests_from_the_action_server_are_refused(client, initialised):
    headers = service_headers(initialised)
    for body in (
        {"sender_id": WIDGET, "channel": "socketio", "reason": "bored"},
        {"sender_id": WIDGET, "channel": "Socket IO", "reason": "user_request"},
        {"sender_id": "", "channel": "rest", "reason": "user_request"},
    ):
        assert client.post("/api/v1/service/handoff", json=body, headers=headers).status_code == 422


# --- the queue ------------------------------------------------------------------------------------------------


def test_the_queue_keeps_one_place_per_conversation_and_shows_the_waiting_time(app, client, initialised, rasa, staff):
    first = queue_it(client, initialised, WIDGET, "socketio", "repeated_invalid")
    assert first["status"] == "waiting" and first["position"] == 1
    again = queue_it(client, initialised, WIDGET, "socketio", "user_request")
    assert again["handoff_id"] == first["handoff_id"] and again["position"] == 1  # asking again keeps the place
    second = queue_it(client, initialised, REST, "rest", "repeated_fallback")
    assert second["position"] == 2

    set_clock(app, days_later(0) + timedelta(minutes=3))
    queue = client.get("/api/v1/handoff/queue", headers=staff).json()
    waiting = queue["waiting"]
    assert [w["id"] for w in waiting] == [first["handoff_id"], second["handoff_id"]]
    assert waiting[0]["reason"] == "repeated_invalid" and waiting[0]["asked_times"] == 2
    assert waiting[0]["reason_label"] and waiting[0]["channel_label"] == "网站对话窗口" and waiting[0]["push"] is True
    assert waiting[1]["push"] is False
    assert all(170 <= w["waited_seconds"] <= 200 for w in waiting)  # the waiting time, from the API's clock
    assert WIDGET not in json.dumps(queue) and waiting[0]["sender"] == "0f3c…3e1f"  # P5: masked
    set_clock(app, None)


def test_reading_a_request_shows_the_masked_transcript_and_is_audited(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    detail = client.get(f"/api/v1/handoff/{handoff_id}", headers=staff).json()
    assert detail["journey"] == {"active_form": "commitment_form", "requested_slot": "applicant_id", "item": "ZM001",
                                 "item_name": "公共租赁住房资格申请", "paused": False}
    texts = [e["text"] for e in detail["transcript"]]
    assert texts[-1] == "转人工" and "4101**********1233" in texts[2]
    assert "410105199001011233" not in json.dumps(detail)  # P5
    audit = rows(initialised, "SELECT actor, action, target FROM audit_events WHERE action = 'handoff.read'")
    assert audit == [{"actor": "demo_staff", "action": "handoff.read", "target": f"handoff:{handoff_id}"}]
    assert client.get("/api/v1/handoff/9999", headers=staff).status_code == 404


# --- take over, talk, hand back ---------------------------------------------------------------------------------


def test_take_over_talk_and_hand_back_on_a_push_channel(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)

    taken = client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    assert taken.status_code == 200 and taken.json()["status"] == "active" and taken.json()["taken_by"] == "demo_staff"
    sender, events, params = rasa.appended[-1]
    assert sender == WIDGET and params["output_channel"] == "socketio" and params["execute_side_effects"] == "true"
    assert events[0]["event"] == "pause" and rasa.trackers[WIDGET]["paused"] is True
    assert events[1]["event"] == "bot" and events[1]["data"]["custom"] == {"stage": "staff_message", "kind": "connected"}
    assert client.post(f"/api/v1/handoff/{handoff_id}/take", headers=login(client, initialised, "demo_staff")).status_code == 409

    sent = client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "身份证号最后一位请再核对一下。"}, headers=staff)
    assert sent.status_code == 200 and sent.json()["delivery"] == "pushed"
    _, events, params = rasa.appended[-1]
    assert params["output_channel"] == "socketio"
    assert events == [{**events[0], "event": "bot", "text": "身份证号最后一位请再核对一下。"}]
    assert events[0]["metadata"]["handoff"] == {"id": handoff_id, "from": "staff"}

    released = client.post(f"/api/v1/handoff/{handoff_id}/release", headers=staff)
    assert released.status_code == 200 and released.json()["status"] == "closed"
    _, events, _ = rasa.appended[-1]
    assert [e["event"] for e in events] == ["resume", "bot", "bot"]
    assert events[1]["data"]["custom"]["kind"] == "returned"
    assert events[2]["text"] == "请输入申请人的18位身份证号。" and events[2]["data"]["custom"] == ASK_ID  # asked again
    assert rasa.trackers[WIDGET]["paused"] is False
    assert client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "还在吗"}, headers=staff).status_code == 409

    actions = [r["action"] for r in rows(initialised, "SELECT action FROM audit_events WHERE target = :t ORDER BY id", t=f"handoff:{handoff_id}")]
    assert actions == ["handoff.take", "handoff.message", "handoff.release"]
    assert client.get("/api/v1/handoff/queue", headers=staff).json()["closed"][0]["id"] == handoff_id


def test_rest_gets_staff_messages_with_its_next_reply(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised, REST, "rest")["handoff_id"]
    rasa.conversation(REST, [{"event": "user", "text": "转人工"}])
    client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    sent = client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "您好"}, headers=staff).json()
    assert sent["delivery"] == "next_reply"
    # Appended to the tracker all the same (bot/rest_channel.py returns it with the next REST reply).
    assert rasa.appended[-1][1][0]["metadata"]["handoff"]["from"] == "staff"
    # No question pending: the hand-back says so and asks nothing.
    client.post(f"/api/v1/handoff/{handoff_id}/release", headers=staff)
    assert [e["event"] for e in rasa.appended[-1][1]] == ["resume", "bot"]


def test_only_the_staff_member_who_took_it_talks_and_hands_back(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    assert client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "您好"}, headers=staff).status_code == 409
    client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    engine = make_engine(initialised.database_url)
    with make_sessionmaker(engine).begin() as session:
        create_user(session, "staff_two", "staff", "another-long-password-2")
    engine.dispose()
    token = client.post("/api/v1/auth/login", json={"username": "staff_two", "password": "another-long-password-2"}).json()
    other = {"Authorization": f"Bearer {token['access_token']}"}
    assert client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "您好"}, headers=other).status_code == 403
    assert client.post(f"/api/v1/handoff/{handoff_id}/release", headers=other).status_code == 403


def test_a_waiting_request_can_be_dismissed_and_the_citizen_is_told(client, initialised, rasa, staff):
    # A hotline agent with a queue closes a request whose citizen has left, without pausing the bot.
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    assert client.post(f"/api/v1/handoff/{handoff_id}/dismiss", json={"reason": "maybe"}, headers=staff).status_code == 422
    assert client.post(f"/api/v1/handoff/{handoff_id}/dismiss", json={"reason": "left"},
                       headers=applicant_headers(client)).status_code == 403
    dismissed = client.post(f"/api/v1/handoff/{handoff_id}/dismiss", json={"reason": "left"}, headers=staff)
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "closed"
    sender, events, params = rasa.appended[-1]
    assert sender == WIDGET and params["output_channel"] == "socketio"
    assert [e["event"] for e in events] == ["bot"] and events[0]["data"]["custom"] == {"stage": "staff_message", "kind": "dismissed"}
    assert "12345" in events[0]["text"] and rasa.trackers[WIDGET]["paused"] is False  # the bot was never paused
    # Closed: it can be neither taken nor dismissed again, and it left the waiting queue.
    assert client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff).status_code == 409
    assert client.post(f"/api/v1/handoff/{handoff_id}/dismiss", json={}, headers=staff).status_code == 409
    assert client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"] == []
    audit = rows(initialised, "SELECT action, detail FROM audit_events WHERE target = :t ORDER BY id", t=f"handoff:{handoff_id}")
    assert [a["action"] for a in audit] == ["handoff.dismiss"] and "left" in str(audit[0]["detail"])


def test_rasa_down_at_dismissal_leaves_the_request_waiting(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    rasa.down = True
    response = client.post(f"/api/v1/handoff/{handoff_id}/dismiss", json={"reason": "resolved"}, headers=staff)
    assert response.status_code == 503
    rasa.down = False
    assert [w["id"] for w in client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"]] == [handoff_id]


def test_rasa_down_at_take_over_leaves_the_request_waiting(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    rasa.down = True
    response = client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    assert response.status_code == 503 and response.json()["error"] == "rasa_unavailable"
    rasa.down = False
    waiting = client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"]
    assert [w["id"] for w in waiting] == [handoff_id] and waiting[0]["taken_by"] is None


def test_others_writing_while_rasa_works_do_not_break_take_talk_and_hand_back(client, initialised, rasa, staff):
    """The console polls (and each poll is audited) while a take-over, a message or a hand-back waits for Rasa;
    on SQLite a transaction that read before such a write could not write afterwards."""
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    engine = make_engine(initialised.database_url)

    def another_writer():
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO audit_events (at, actor, role, action, detail) VALUES (CURRENT_TIMESTAMP, 'x', 'staff', 'poll', '{}')"
            )

    rasa.on_call = another_writer
    try:
        assert client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff).status_code == 200
        assert client.get(f"/api/v1/handoff/{handoff_id}", headers=staff).status_code == 200
        assert client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "您好"}, headers=staff).status_code == 200
        released = client.post(f"/api/v1/handoff/{handoff_id}/release", headers=staff)
        assert released.status_code == 200 and released.json()["status"] == "closed"
    finally:
        engine.dispose()
