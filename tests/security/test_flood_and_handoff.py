"""Flooding the chat and queueing one conversation twice, against the running servers.

The flood goes to a Rasa server of the session's stack started with small limits of its own (same model, action
server, API and tracker store as the rest of the stack), so the test neither depends on the limits the session
runs with nor drains buckets other tests need. Two handoff requests from one conversation are made through the
whole chain (REST, Rasa, the action server, the API) and straight at the API from several threads at once.
"""
from __future__ import annotations

import threading
import time
import uuid
from typing import Any, Dict, Iterator, List

import httpx
import pytest

from bot.channels import flood
from bot.channels.message_guard import FLOOD_TEXT
from tests.conftest import free_port
from tests.e2e.conftest import Chat
from tests.e2e.staff import staff_headers

pytestmark = pytest.mark.e2e

BURST, PER_MINUTE = 4, 30  # the flood server's sender limit: 4 at once, then one every 2 s


@pytest.fixture(scope="module")
def flood_rasa(stack) -> Iterator[str]:
    """A second Rasa server on the stack with a small per-sender flood limit; its URL."""
    port, name = free_port(), "rasa-flood"
    with pytest.MonkeyPatch.context() as env:  # only this server's process inherits these
        env.setenv(flood.ENV_SENDER_BURST, str(BURST))
        env.setenv(flood.ENV_SENDER_PER_MINUTE, str(PER_MINUTE))
        env.delenv(flood.ENV_REDIS_URL, raising=False)
        stack.start_rasa(port=port, name=name)
    try:
        stack.wait_ready(name)
        yield f"http://127.0.0.1:{port}"
    finally:
        stack.stop(name)


def _say(http: httpx.Client, url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    response = http.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text})
    response.raise_for_status()
    return response.json()


def _tracker(stack, url: str, sender: str) -> Dict[str, Any]:
    response = httpx.get(f"{url}/conversations/{sender}/tracker", params={"token": stack.config.rasa_token()}, timeout=30)
    response.raise_for_status()
    return response.json()


def test_a_flood_to_one_sender_is_cut_off_and_the_conversation_stays_where_it_was(stack, flood_rasa):
    sender = f"sec-flood-{uuid.uuid4().hex[:8]}"
    with httpx.Client(timeout=60) as http:
        started = _say(http, flood_rasa, sender, "我想申请公租房")
        assert started and FLOOD_TEXT not in [m.get("text") for m in started]
        before = _tracker(stack, flood_rasa, sender)

        answers = [_say(http, flood_rasa, sender, f"第{n}条消息") for n in range(25)]
        refused = [a for a in answers if a == [{"recipient_id": sender, "text": FLOOD_TEXT}]]
        processed = [a for a in answers if FLOOD_TEXT not in [m.get("text") for m in a]]
        assert len(refused) + len(processed) == len(answers)  # every message answered, one way or the other
        assert len(refused) >= 15 and 1 <= len(processed) <= BURST + 3, (len(refused), len(processed))

        # Another conversation is not affected by this one's flood.
        other = _say(http, flood_rasa, f"sec-flood-{uuid.uuid4().hex[:8]}", "你好")
        assert other and FLOOD_TEXT not in [m.get("text") for m in other]

    after = _tracker(stack, flood_rasa, sender)
    said = [e["text"] for e in after["events"] if e["event"] == "user"]
    # Only the admitted messages reached the conversation; the refused ones were neither processed nor stored.
    assert said[0] == "我想申请公租房" and len(said) == 1 + len(processed), said
    assert not any(FLOOD_TEXT == e.get("text") for e in after["events"] if e["event"] == "bot")
    # What was answered before the flood is still there, in order.
    first_answers = [e["text"] for e in before["events"] if e["event"] == "bot"]
    assert [e["text"] for e in after["events"] if e["event"] == "bot"][:len(first_answers)] == first_answers

    # Once the bucket has refilled, the citizen goes on.
    time.sleep(60 / PER_MINUTE + 0.5)
    with httpx.Client(timeout=60) as http:
        resumed = _say(http, flood_rasa, sender, "你好")
    assert resumed and FLOOD_TEXT not in [m.get("text") for m in resumed]


def _waiting_for(stack, staff: Dict[str, str], word: str) -> List[Dict[str, Any]]:
    response = httpx.get(f"{stack.config.api_url}/api/v1/handoff/requests", headers=staff, timeout=30,
                         params={"status": "waiting", "q": word, "limit": 200})
    response.raise_for_status()
    return response.json()["items"]


def test_asking_for_a_person_twice_in_one_conversation_queues_it_once(stack):
    word = f"旧住址{uuid.uuid4().hex[:6]}"  # found again in the queue's preview by the agent's search
    c = Chat(stack, f"sec-handoff-{uuid.uuid4().hex[:8]}")
    c.say("我想申请公租房")
    c.say(f"我想问问{word}的事")
    first = c.one(c.say("转人工"), "handoff")
    second = c.one(c.say("转人工"), "handoff")
    assert first["status"] == second["status"] == "waiting"
    staff = staff_headers(stack)
    waiting = _waiting_for(stack, staff, word)
    assert len(waiting) == 1, waiting
    assert waiting[0]["asked_times"] == 2 and waiting[0]["channel"] == "rest"


def test_concurrent_requests_for_one_conversation_give_one_waiting_request(stack):
    sender = f"sec-race-{uuid.uuid4().hex[:8]}"
    word = f"并发{uuid.uuid4().hex[:6]}"
    body = {"sender_id": sender, "channel": "rest", "reason": "user_request", "message": f"{word} / 转人工"}
    headers = {"X-Service-Token": stack.service_token}
    parallel = 6
    barrier = threading.Barrier(parallel)
    answers: List[Dict[str, Any]] = []
    lock = threading.Lock()

    def ask() -> None:
        with httpx.Client(timeout=60) as http:
            barrier.wait(timeout=30)
            response = http.post(f"{stack.config.api_url}/api/v1/service/handoff", json=body, headers=headers)
        with lock:
            answers.append({"http": response.status_code, **response.json()})

    threads = [threading.Thread(target=ask) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [a["http"] for a in answers] == [200] * parallel, answers
    assert len({a["handoff_id"] for a in answers}) == 1
    assert sorted(a["already_waiting"] for a in answers) == [False] + [True] * (parallel - 1)
    waiting = _waiting_for(stack, staff_headers(stack), word)
    assert [(w["id"], w["asked_times"]) for w in waiting] == [(answers[0]["handoff_id"], parallel)]
