"""Human handoff over REST against the real servers: the three triggers, a staff member taking the
conversation over (the bot paused), staff messages delivered with the next REST reply (REST has no push), and
the hand-back after which the bot continues the journey where it was. Transcripts are contract-checked."""
from __future__ import annotations

from typing import Dict, List

import httpx
import pytest

from tests.e2e.staff import account, staff_headers

pytestmark = pytest.mark.e2e


def api(stack, method: str, path: str, headers: Dict[str, str], **kwargs) -> httpx.Response:
    return httpx.request(method, f"{stack.config.api_url}/api/v1{path}", headers=headers, timeout=60, **kwargs)


def masked(sender: str) -> str:
    return f"{sender[:4]}…{sender[-4:]}"


def queued_entry(stack, headers, sender: str) -> Dict:
    queue = api(stack, "GET", "/handoff/queue", headers).json()
    found = [e for e in queue["waiting"] + queue["active"] if e["sender"] == masked(sender)]
    assert len(found) == 1, queue
    return found[0]


def tracker(stack, sender: str) -> Dict:
    response = httpx.get(f"{stack.config.rasa_url}/conversations/{sender}/tracker",
                         params={"token": stack.config.rasa_token()}, timeout=30)
    response.raise_for_status()
    return response.json()


def stages(messages) -> List[str]:
    return [m.stage for m in messages]


def test_handoff_to_staff_and_back_over_rest(chat, stack):  # handoff, REST delivery, resume
    c = chat()
    c.say("我想申请公租房")
    msgs = c.say("1")
    assert c.last_ask(msgs)["slot"] == "use_commitment"
    msgs = c.say("是")
    assert c.last_ask(msgs)["slot"] == "acting_as"

    msgs = c.say("转人工")
    handoff = c.one(msgs, "handoff")
    assert handoff == {"stage": "handoff", "reason": "user_request", "status": "waiting", "hotline": "12345"}
    assert "工作人员" in msgs[0].text
    assert c.last_ask(msgs)["slot"] == "acting_as"  # the journey waits where it was

    staff = staff_headers(stack)
    entry = queued_entry(stack, staff, c.sender)
    assert entry["status"] == "waiting" and entry["channel"] == "rest" and entry["reason"] == "user_request"
    assert entry["waited_seconds"] >= 0 and entry["push"] is False
    detail = api(stack, "GET", f"/handoff/{entry['id']}", staff).json()
    assert detail["journey"] == {"active_form": "commitment_form", "requested_slot": "acting_as", "item": "ZM001",
                                 "item_name": "公共租赁住房资格申请", "paused": False}
    assert [e["text"] for e in detail["transcript"] if e["from"] == "citizen"][-1] == "转人工"

    taken = api(stack, "POST", f"/handoff/{entry['id']}/take", staff)
    assert taken.status_code == 200, taken.text
    assert taken.json()["status"] == "active" and taken.json()["taken_by"] == account(stack)[0]
    assert tracker(stack, c.sender)["paused"] is True
    # A second take is refused: one person per conversation.
    assert api(stack, "POST", f"/handoff/{entry['id']}/take", staff).status_code == 409

    # REST has no push: what the staff member wrote comes with the citizen's next reply; the bot says nothing.
    msgs = c.say("在吗")
    assert stages(msgs) == ["staff_message"] and msgs[0].custom["kind"] == "connected"
    sent = api(stack, "POST", f"/handoff/{entry['id']}/messages", staff, json={"text": "您好，代办需要申请人签的授权委托书，您有吗？"})
    assert sent.status_code == 200 and sent.json()["delivery"] == "next_reply"
    msgs = c.say("有的，是我爸爸签的")
    assert [(m.stage, m.text) for m in msgs] == [("staff_message", "您好，代办需要申请人签的授权委托书，您有吗？")]
    msgs = c.say("好的谢谢")
    assert msgs == []  # nothing pending, and the bot is paused

    released = api(stack, "POST", f"/handoff/{entry['id']}/release", staff)
    assert released.status_code == 200 and released.json()["status"] == "closed"
    assert tracker(stack, c.sender)["paused"] is False
    msgs = c.say("代办")
    # The hand-back notice and the journey's pending question, then the bot's answer: it continued the journey.
    assert msgs[0].custom == {"stage": "staff_message", "kind": "returned"}
    assert msgs[1].custom["stage"] == "ask" and msgs[1].custom["slot"] == "acting_as"
    assert c.last_ask(msgs)["slot"] == "agent_name"  # a proxy first says who they are
    assert c.tracker_slots()["acting_as"] == "proxy" and c.tracker_slots()["item"] == "ZM001"
    assert api(stack, "POST", f"/handoff/{entry['id']}/messages", staff, json={"text": "还在吗"}).status_code == 409


def test_two_fallbacks_in_a_row_hand_off(chat, stack):  # repeated_fallback
    c = chat()
    msgs = c.say("qwertyuiop")
    assert c.one(msgs, "item_not_found") and not c.customs(msgs, "handoff")
    msgs = c.say("asdfghjkl zxcv")
    assert c.one(msgs, "item_not_found")
    assert c.one(msgs, "handoff")["reason"] == "repeated_fallback"
    entry = queued_entry(stack, staff_headers(stack), c.sender)
    assert entry["reason"] == "repeated_fallback"


def test_three_invalid_answers_to_one_question_hand_off(chat, stack):  # repeated_invalid
    c = chat()
    c.say("我想申请公租房")
    c.say("1")
    c.say("是")
    c.say("本人")
    msgs = c.say("张伟")
    assert c.last_ask(msgs)["slot"] == "applicant_id"
    for attempt in range(2):
        msgs = c.say("410105199001011234")
        assert c.last_ask(msgs)["error"] == "invalid_id_checksum" and not c.customs(msgs, "handoff")
    msgs = c.say("410105199001011234")
    assert c.one(msgs, "handoff")["reason"] == "repeated_invalid"
    assert c.last_ask(msgs)["slot"] == "applicant_id"  # asked again: the citizen may go on meanwhile
    msgs = c.say("410105199001011233")
    assert c.last_ask(msgs)["slot"] == "identity_code"  # the journey goes on: the login code comes next
    assert queued_entry(stack, staff_headers(stack), c.sender)["reason"] == "repeated_invalid"


def test_rest_cannot_speak_for_the_hotline(stack):  # hotline conversations belong to the hotline channel
    url = f"{stack.config.rasa_url}/webhooks/rest/webhook"
    assert httpx.post(url, json={"sender": "hotline-" + "0" * 32, "message": "你好"}, timeout=30).status_code == 403
    # Without a channel token the hotline webhook answers nothing.
    hotline = f"{stack.config.rasa_url}/webhooks/hotline/webhook"
    assert httpx.post(hotline, json={"message": "你好"}, timeout=30).status_code == 401
    assert httpx.post(hotline, json={"message": "你好"}, headers={"X-Hotline-Token": "x.y"}, timeout=30).status_code == 401
