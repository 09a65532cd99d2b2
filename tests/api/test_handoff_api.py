"""The handoff API: the action server queues, staff (and only staff) see the queue with waiting times,
take a conversation over (Rasa ``pause``), write to the citizen through their own channel, and hand back
(``resume`` and the journey's pending question asked again). Rasa is a fake here (tests/api/rasa_fake.py);
tests/e2e/test_handoff.py and tests/browser/test_handoff_console.py run it for real."""
from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Dict, List

import pytest
from sqlalchemy import text

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
        {"sender_id": "", "channel": "rest", "reason": "user_request"},
    ):
        assert client.post("/api/v1/service/handoff", json=body, headers=headers).status_code == 422


def test_only_real_channels_are_queued_and_refused_with_their_own_code(client, initialised, rasa, staff):
    headers = service_headers(initialised)
    for junk in ("0000000000000000000000000000000", "Socket IO", "cmdline", "REST", "<script>"):
        response = client.post("/api/v1/service/handoff", headers=headers,
                               json={"sender_id": WIDGET, "channel": junk, "reason": "user_request"})
        assert response.status_code == 422 and response.json()["error"] == "unknown_channel", junk
        assert junk not in response.text
    for channel, label in (("socketio", "网站对话窗口"), ("wechat", "微信公众号"), ("rest", "其他应用接入"),
                           ("hotline", "12345热线")):
        queue_it(client, initialised, f"sender-{channel}", channel)
        shown = client.get("/api/v1/handoff/requests", params={"channel": channel}, headers=staff).json()["items"]
        assert [e["channel_label"] for e in shown] == [label]
    assert client.get("/api/v1/handoff/requests", params={"channel": "junk"}, headers=staff).json()["error"] == "unknown_channel"
    labels = client.get("/api/v1/handoff/labels", headers=staff).json()
    assert [c["value"] for c in labels["channels"]] == ["socketio", "wechat", "rest", "hotline"]
    assert {r["value"] for r in labels["reasons"]} == {"user_request", "repeated_fallback", "repeated_invalid"}


def test_a_row_queued_before_channels_were_checked_shows_no_junk(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    engine = make_engine(initialised.database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE handoff_requests SET channel = '0000000000000000000000000000000' WHERE id = :id"),
                           {"id": handoff_id})
    engine.dispose()
    queue = client.get("/api/v1/handoff/queue", headers=staff).json()
    assert queue["waiting"][0]["channel_label"] == "未知渠道"


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
    assert [w["id"] for w in waiting] == [second["handoff_id"], first["handoff_id"]]  # newest first
    assert queue["counts"] == {"waiting": 2, "active": 0}
    assert waiting[1]["reason"] == "repeated_invalid" and waiting[1]["asked_times"] == 2
    assert waiting[1]["reason_label"] and waiting[1]["channel_label"] == "网站对话窗口" and waiting[1]["push"] is True
    assert waiting[0]["push"] is False
    assert all(170 <= w["waited_seconds"] <= 200 for w in waiting)  # the waiting time, from the API's clock
    assert WIDGET not in json.dumps(queue) and waiting[1]["sender"] == "0f3c…3e1f"  # P5: masked
    set_clock(app, None)


# --- the queue at volume ------------------------------------------------------------------------------


def test_the_preview_shows_the_citizens_last_words_with_numbers_masked(client, initialised, rasa, staff):
    message = "我想申请公租房 / 我的身份证410105199001011233，电话13812345678 / 转人工"
    queued = client.post("/api/v1/service/handoff", headers=service_headers(initialised),
                         json={"sender_id": WIDGET, "channel": "socketio", "reason": "user_request", "message": message})
    assert queued.status_code == 200, queued.text
    entry = client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"][0]
    assert entry["preview"].startswith("我想申请公租房") and entry["preview"].endswith("转人工")
    assert "4101**********1233" in entry["preview"] and "138****5678" in entry["preview"]
    stored = json.dumps(rows(initialised, "SELECT preview, search_text FROM handoff_requests"))
    assert "410105199001011233" not in stored and "13812345678" not in stored  # P5, at rest too
    # Asking again brings it up to date; a huge message is cut to the latest words, control characters dropped.
    client.post("/api/v1/service/handoff", headers=service_headers(initialised),
                json={"sender_id": WIDGET, "channel": "socketio", "reason": "user_request",
                      "message": "啊" * 3000 + "\x00\u202e还是没人回复吗"})
    entry = client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"][0]
    assert len(entry["preview"]) == 200 and entry["preview"].endswith("还是没人回复吗") and "\x00" not in entry["preview"]
    assert client.post("/api/v1/service/handoff", headers=service_headers(initialised),
                       json={"sender_id": WIDGET, "channel": "socketio", "reason": "user_request",
                             "message": "x" * 4001}).status_code == 422


def seed(client, settings, n: int) -> List[int]:
    ids = []
    channels = ("socketio", "wechat", "rest")
    reasons = ("user_request", "repeated_fallback", "repeated_invalid")
    for i in range(n):
        body = {"sender_id": f"seed-{i:04d}", "channel": channels[i % 3], "reason": reasons[i % 3],
                "message": f"第{i}号用户：想问问{'营业执照' if i % 10 == 7 else '公租房'}的事 / 转人工"}
        ids.append(client.post("/api/v1/service/handoff", json=body, headers=service_headers(settings)).json()["handoff_id"])
    return ids


def test_pages_newest_first_filtered_by_channel_and_reason_and_searched_by_a_word(app, client, initialised, rasa, staff):
    ids = seed(client, initialised, 30)
    page = client.get("/api/v1/handoff/requests", params={"limit": 10}, headers=staff).json()
    assert page["total"] == 30 and page["counts"] == {"waiting": 30, "active": 0} and len(page["items"]) == 10
    assert [e["id"] for e in page["items"]] == ids[::-1][:10]
    second = client.get("/api/v1/handoff/requests", params={"limit": 10, "offset": 10}, headers=staff).json()
    assert [e["id"] for e in second["items"]] == ids[::-1][10:20]

    wechat = client.get("/api/v1/handoff/requests", params={"channel": "wechat", "limit": 100}, headers=staff).json()
    assert wechat["total"] == 10 and {e["channel"] for e in wechat["items"]} == {"wechat"}
    both = client.get("/api/v1/handoff/requests", params={"channel": "wechat", "reason": "repeated_fallback"},
                      headers=staff).json()
    assert both["total"] == 10 and {e["reason"] for e in both["items"]} == {"repeated_fallback"}
    none = client.get("/api/v1/handoff/requests", params={"channel": "wechat", "reason": "user_request"}, headers=staff)
    assert none.json()["total"] == 0

    found = client.get("/api/v1/handoff/requests", params={"q": "营业执照"}, headers=staff).json()
    assert [e["id"] for e in found["items"]] == [ids[27], ids[17], ids[7]]
    # Words in any order, traditional or full-width as typed by the agent; LIKE wildcards are literal.
    assert client.get("/api/v1/handoff/requests", params={"q": "執照 第17号"}, headers=staff).json()["total"] == 1
    assert client.get("/api/v1/handoff/requests", params={"q": "%"}, headers=staff).json()["total"] == 0
    assert client.get("/api/v1/handoff/requests", params={"q": "_"}, headers=staff).json()["total"] == 0
    for bad in ({"status": "gone"}, {"limit": 0}, {"limit": 201}, {"offset": -1}, {"reason": "bored"}, {"q": "x" * 101}):
        assert client.get("/api/v1/handoff/requests", params=bad, headers=staff).status_code == 422, bad
    assert client.get("/api/v1/handoff/requests", headers=applicant_headers(client)).status_code == 403


def test_claiming_the_oldest_takes_the_longest_waiting_one_among_the_filtered(app, client, initialised, rasa, staff):
    ids = seed(client, initialised, 9)
    claimed = client.post("/api/v1/handoff/claim", json={}, headers=staff)
    assert claimed.status_code == 200 and claimed.json()["id"] == ids[0] and claimed.json()["status"] == "active"
    assert rasa.appended[-1][0] == "seed-0000" and rasa.appended[-1][1][0]["event"] == "pause"
    wechat = client.post("/api/v1/handoff/claim", json={"channel": "wechat"}, headers=staff).json()
    assert wechat["id"] == ids[1]
    searched = client.post("/api/v1/handoff/claim", json={"q": "营业执照"}, headers=staff).json()
    assert searched["id"] == ids[7]
    assert client.post("/api/v1/handoff/claim", json={"q": "营业执照"}, headers=staff).json()["error"] == "queue_empty"
    assert client.post("/api/v1/handoff/claim", json={"channel": "junk"}, headers=staff).json()["error"] == "unknown_channel"
    audit = rows(initialised, "SELECT target FROM audit_events WHERE action = 'handoff.take' ORDER BY id")
    assert [a["target"] for a in audit] == [f"handoff:{i}" for i in (ids[0], ids[1], ids[7])]
    # Rasa down: nothing is taken.
    rasa.down = True
    assert client.post("/api/v1/handoff/claim", json={}, headers=staff).status_code == 503
    rasa.down = False
    assert client.get("/api/v1/handoff/queue", headers=staff).json()["counts"] == {"waiting": 6, "active": 3}


def test_several_waiting_requests_are_closed_at_once_each_citizen_told_and_audited(client, initialised, rasa, staff):
    ids = seed(client, initialised, 5)
    client.post(f"/api/v1/handoff/{ids[1]}/take", headers=staff)
    result = client.post("/api/v1/handoff/dismiss", json={"ids": [ids[0], ids[1], ids[2], ids[2], 99999], "reason": "left"},
                         headers=staff)
    assert result.status_code == 200, result.text
    body = result.json()
    assert body["closed"] == [ids[0], ids[2]]
    assert [(r["id"], r["error"]) for r in body["refused"]] == [(ids[1], "not_waiting"), (99999, "unknown_handoff")]
    told = [sender for sender, events, _ in rasa.appended if events[0].get("data", {}).get("custom", {}).get("kind") == "dismissed"]
    assert told == ["seed-0000", "seed-0002"]
    audit = rows(initialised, "SELECT target, detail FROM audit_events WHERE action = 'handoff.dismiss' ORDER BY id")
    assert [a["target"] for a in audit] == [f"handoff:{ids[0]}", f"handoff:{ids[2]}"] and "left" in str(audit[0]["detail"])
    for bad in ({"ids": []}, {"ids": list(range(101))}, {"ids": [ids[3]], "reason": "bored"}):
        assert client.post("/api/v1/handoff/dismiss", json=bad, headers=staff).status_code == 422
    # Rasa unreachable half-way: what was not closed stays waiting and is reported.
    rasa.down = True
    down = client.post("/api/v1/handoff/dismiss", json={"ids": [ids[3], ids[4]]}, headers=staff).json()
    rasa.down = False
    assert down["closed"] == [] and [r["error"] for r in down["refused"]] == ["rasa_unavailable"] * 2
    assert {e["id"] for e in client.get("/api/v1/handoff/queue", headers=staff).json()["waiting"]} == {ids[3], ids[4]}
    assert client.post("/api/v1/handoff/dismiss", json={"ids": [ids[3]]}, headers=applicant_headers(client)).status_code == 403


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
    # Appended to the tracker all the same (bot/channels/rest.py returns it with the next REST reply).
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


# --- a question asked during the takeover is answered before hand-back -------------------------------


def test_a_question_to_the_person_is_answered_before_the_bot_takes_over(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    rasa.trackers[WIDGET]["events"].append({"event": "user", "text": "代办需要带什么材料？", "timestamp": 1795770010.0})
    detail = client.get(f"/api/v1/handoff/{handoff_id}", headers=staff).json()
    assert [(m["text"], m["question"]) for m in detail["unanswered"]] == [("代办需要带什么材料？", True)]

    refused = client.post(f"/api/v1/handoff/{handoff_id}/release", headers=staff)
    assert refused.status_code == 409 and refused.json()["error"] == "unanswered_question"
    assert "代办需要带什么材料" in refused.json()["message"] and rasa.trackers[WIDGET]["paused"] is True

    client.post(f"/api/v1/handoff/{handoff_id}/messages", json={"text": "需要授权委托书。"}, headers=staff)
    rasa.trackers[WIDGET]["events"].append({"event": "user", "text": "好的谢谢", "timestamp": 1795770020.0})
    detail = client.get(f"/api/v1/handoff/{handoff_id}", headers=staff).json()
    assert [(m["text"], m["question"]) for m in detail["unanswered"]] == [("好的谢谢", False)]  # shown, not a question
    released = client.post(f"/api/v1/handoff/{handoff_id}/release", headers=staff)
    assert released.status_code == 200 and rasa.trackers[WIDGET]["paused"] is False


def test_the_agent_may_hand_back_a_question_that_needs_no_reply_and_the_audit_says_so(client, initialised, rasa, staff):
    handoff_id = queue_it(client, initialised)["handoff_id"]
    a_journey(rasa)
    client.post(f"/api/v1/handoff/{handoff_id}/take", headers=staff)
    rasa.trackers[WIDGET]["events"].append({"event": "user", "text": "我的号码是410105199001011233对吗", "timestamp": 1795770010.0})
    refused = client.post(f"/api/v1/handoff/{handoff_id}/release", json={}, headers=staff)
    assert refused.status_code == 409 and "410105199001011233" not in refused.text  # P5: masked in the message too
    assert client.post(f"/api/v1/handoff/{handoff_id}/release", json={"no_reply_needed": "maybe"}, headers=staff).status_code == 422
    released = client.post(f"/api/v1/handoff/{handoff_id}/release", json={"no_reply_needed": True}, headers=staff)
    assert released.status_code == 200
    audit = rows(initialised, "SELECT detail FROM audit_events WHERE action = 'handoff.release'")
    assert "unanswered_questions" in str(audit[0]["detail"])


@pytest.mark.parametrize("text, question", [
    ("代办需要带什么材料？", True), ("要几天能办好", True), ("可以代办吗", True), ("怎么弄", True), ("这个对不对", True),
    ("好的谢谢", False), ("有的，是我爸爸签的", False), ("嗯", False), ("410105199001011233", False),
])
def test_what_counts_as_a_question(text, question):
    from api.handoff.transcript import looks_like_question

    assert looks_like_question(text) is question


# --- one waiting request per conversation ---------------------------------------------------------------------


def test_asking_again_while_waiting_returns_the_same_request_and_says_so(client, initialised, rasa, staff):
    first = queue_it(client, initialised)
    assert first["already_waiting"] is False and first["asked_times"] == 1
    again = queue_it(client, initialised, reason="repeated_fallback")
    assert again["handoff_id"] == first["handoff_id"] and again["already_waiting"] is True
    assert again["status"] == "waiting" and again["asked_times"] == 2 and again["position"] == 1
    # Taken over: asking again returns the request a person already has; it is not waiting any more.
    a_journey(rasa)
    assert client.post(f"/api/v1/handoff/{first['handoff_id']}/take", headers=staff).status_code == 200
    during = queue_it(client, initialised)
    assert (during["handoff_id"], during["status"], during["already_waiting"], during["position"]) == (
        first["handoff_id"], "active", False, 0)
    # Handed back: the next request is a new one, waiting again.
    assert client.post(f"/api/v1/handoff/{first['handoff_id']}/release", json={"no_reply_needed": True},
                       headers=staff).status_code == 200
    later = queue_it(client, initialised)
    assert later["handoff_id"] != first["handoff_id"] and later["already_waiting"] is False
    assert rows(initialised, "SELECT count(*) AS n FROM handoff_requests WHERE status = 'waiting'")[0]["n"] == 1


@pytest.mark.parametrize("parallel", [2, 8])
def test_concurrent_requests_from_one_conversation_queue_it_once(app, initialised, parallel):
    import threading

    import httpx

    from tests.api.test_audit_concurrency import LiveServer

    headers = service_headers(initialised)
    body = {"sender_id": WIDGET, "channel": "socketio", "reason": "user_request", "message": "转人工"}
    answers: List[Dict[str, Any]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(parallel)

    def ask(url: str) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            barrier.wait(timeout=30)  # every request leaves at the same moment
            response = http.post("/api/v1/service/handoff", json=body, headers=headers)
        with lock:
            answers.append({"http": response.status_code, **response.json()})

    with LiveServer(app) as server:
        threads = [threading.Thread(target=ask, args=(server.url,)) for _ in range(parallel)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert [a["http"] for a in answers] == [200] * parallel, answers
    assert len({a["handoff_id"] for a in answers}) == 1, answers
    assert sorted(a["already_waiting"] for a in answers) == [False] + [True] * (parallel - 1)
    stored = rows(initialised, "SELECT id, status, asked_times FROM handoff_requests WHERE sender_id = :s", s=WIDGET)
    assert [(r["status"], r["asked_times"]) for r in stored] == [("waiting", parallel)]  # no asking lost


def test_the_database_itself_refuses_a_second_waiting_request(client, initialised):
    from sqlalchemy.exc import IntegrityError

    queue_it(client, initialised)
    engine = make_engine(initialised.database_url)
    insert = text("INSERT INTO handoff_requests (sender_id, channel, reason, status, created_at, asked_times) "
                  "VALUES (:sender, 'socketio', 'user_request', :status, CURRENT_TIMESTAMP, 1)")
    try:
        with pytest.raises(IntegrityError):
            with engine.begin() as connection:
                connection.execute(insert, {"sender": WIDGET, "status": "waiting"})
        with engine.begin() as connection:  # closed ones are history: any number of them
            connection.execute(insert, {"sender": WIDGET, "status": "closed"})
            connection.execute(insert, {"sender": WIDGET, "status": "closed"})
            connection.execute(insert, {"sender": REST, "status": "waiting"})  # another conversation
    finally:
        engine.dispose()


def test_the_migration_closes_duplicates_keeping_the_first_place_and_goes_down_and_up(initialised):
    from alembic import command

    from api import cli

    config = cli.alembic_config(initialised.database_url, initialised.data_key_path)
    command.downgrade(config, "0017_authorisations")
    engine = make_engine(initialised.database_url)
    insert = text("INSERT INTO handoff_requests (sender_id, channel, reason, status, created_at, asked_times) "
                  "VALUES (:sender, 'socketio', 'user_request', :status, CURRENT_TIMESTAMP, :asked)")
    try:
        with engine.begin() as connection:  # what the race could leave behind before the index existed
            for sender, status, asked in ((WIDGET, "waiting", 1), (WIDGET, "waiting", 2), (REST, "waiting", 1),
                                          (WIDGET, "closed", 1), (WIDGET, "waiting", 1)):
                connection.execute(insert, {"sender": sender, "status": status, "asked": asked})
    finally:
        engine.dispose()
    command.upgrade(config, "heads")
    found = rows(initialised, "SELECT id, sender_id, status, asked_times, closed_by FROM handoff_requests ORDER BY id")
    assert [(r["sender_id"], r["status"], r["asked_times"], r["closed_by"]) for r in found] == [
        (WIDGET, "waiting", 4, None),  # the oldest keeps its place and counts the askings of the others
        (WIDGET, "closed", 2, "system"),
        (REST, "waiting", 1, None),
        (WIDGET, "closed", 1, None),
        (WIDGET, "closed", 1, "system"),
    ]
