"""A long conversation: the tracker store continues a session that grew too long in a new one
(bot/rasa/tracker_store.py, 5.), and the citizen notices nothing - the journey that follows, or that is under way
when it happens, ends in a valid receipt, and the whole conversation stays in the tracker store (P4, P7).

Two servers: the session's stack with the cap it ships with (a person asks 150 questions, then commits, the cap
falling inside the journey), and a Rasa server of the same stack started with a cap smaller than the state a
journey restates, so that once the first cap fell every later turn of the journey starts a session of its own: the
form's answers, both codes, the notice and "已阅读", the affirmation each arrive in a new session.
"""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Iterator, List

import httpx
import pytest
import sqlalchemy as sa

from bot.rasa.tracker_store import (CAP_METADATA, DEFAULT_SESSION_EVENTS, ENV_SESSION_EVENTS, key_ring,
                                    open_event_data)
from bot.core import sealing
from tests.conftest import free_port
from tests.e2e.conftest import Chat
from tests.e2e.contract import BotMessage, check_contract
from tests.e2e.test_journey import PHONES, ZHANG_WEI, affirm, read_notice, to_notice

pytestmark = pytest.mark.e2e

# Each answered by a rule of its own (data/rules.yml), whatever came before: no journey starts, no handoff.
QUESTIONS = ["你好", "什么是告知承诺制", "谢谢", "承诺不实有什么后果", "你能做什么", "告知承诺是什么意思"]
SMALL_CAP = 30


def rows(stack, sender: str) -> List[dict]:
    """The conversation's rows in the tracker store, opened: every session, in order."""
    url = stack.config.api_env()["GZ_TRACKER_DB_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    ring = key_ring(Path(stack.config.api_env()["GZ_DATA_KEY_PATH"]))
    engine = sa.create_engine(url)
    try:
        with engine.connect() as db:
            found = db.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                               {"s": sender}).all()
    finally:
        engine.dispose()
    assert all(sealing.is_sealed(r.data) for r in found)  # the rows the cap adds are sealed like the others
    return [json.loads(open_event_data(r.data, sender, ring)) for r in found]


def current_session(events: List[dict]) -> List[dict]:
    starts = [i for i, e in enumerate(events) if e["event"] == "session_started"]
    return events[starts[-1] - 1:] if starts else events  # from its action_session_start


def continued(events: List[dict]) -> int:
    """Sessions the cap started (marked in their rows' metadata)."""
    return sum(e["event"] == "session_started" and (e.get("metadata") or {}).get("session_continued")
               == CAP_METADATA["session_continued"] for e in events)


def typed(c: Chat) -> List[str]:
    return [e.user for e in c.transcript.entries if e.user is not None]


def ask(c: Chat, i: int) -> None:
    msgs = c.say(QUESTIONS[i % len(QUESTIONS)])
    assert msgs and all(m.text.strip() or m.custom for m in msgs), [(m.text, m.custom) for m in msgs]


def commit(c: Chat) -> dict:
    read_notice(c, to_notice(c, "我在郑州没有房子，想申请公租房", "ZM001"), "ZM001")
    # What Rasa reads back knows the journey's answers, whichever session they were given in.
    slots = c.tracker_slots()
    assert slots["applicant_id"] == ZHANG_WEI[1] and slots["phone"] == PHONES[ZHANG_WEI[1]]
    assert slots["notice_ack"] and slots["requested_slot"] == "affirmation"
    assert len(slots["notice_deliveries"]) == 7  # the channel's signed deliveries of the seven sections (R6)
    receipt = c.one(affirm(c), "commitment_receipt")
    assert receipt["status"] == "accepted" and receipt["item_code"] == "ZM001"
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True
    return receipt


def test_after_150_questions_the_journey_ends_in_a_receipt_and_nothing_is_lost(chat, stack):
    c = chat()
    for i in range(150):
        ask(c, i)
    # Then up to the point where the cap falls a few turns into the journey (about ten events a turn there).
    i = 150
    while len(current_session(rows(stack, c.sender))) < DEFAULT_SESSION_EVENTS - 40:
        ask(c, i)
        i += 1
    before = continued(rows(stack, c.sender))
    assert before >= 1  # 150 questions of five events each already outgrew one session
    receipt = commit(c)
    events = rows(stack, c.sender)
    assert continued(events) > before  # the journey was cut too, and still ended in a receipt
    # The whole conversation is in the table: every message the person typed, every reply, in order.
    assert [e["text"] for e in events if e["event"] == "user"] == typed(c)
    assert [e["text"] for e in events if e["event"] == "bot" and e.get("text")] == \
        [m.text for m in c.transcript.bot_messages() if m.text]
    # What Rasa reads back is the last session only.
    assert len(current_session(events)) < DEFAULT_SESSION_EVENTS + 60
    assert receipt["commitment_no"]


class ReplicaChat(Chat):
    """A citizen talking to another Rasa server of the stack."""

    def __init__(self, stack, sender: str, url: str):
        super().__init__(stack, sender)
        self.url = url

    def say(self, text: str) -> List[BotMessage]:
        time.sleep(self.transcript.reading_wait())
        self.transcript.add_user(text)
        response = self.http.post(f"{self.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text})
        response.raise_for_status()
        return self.transcript.add_bot_replies(response.json())


@pytest.fixture(scope="module")
def small_cap_rasa(stack) -> Iterator[str]:
    """A second Rasa server on the stack whose sessions are continued after a few turns; its URL."""
    port, name = free_port(), "rasa-small-sessions"
    with pytest.MonkeyPatch.context() as env:  # only this server's process inherits it
        env.setenv(ENV_SESSION_EVENTS, str(SMALL_CAP))
        stack.start_rasa(port=port, name=name)
    try:
        stack.wait_ready(name)
        yield f"http://127.0.0.1:{port}"
    finally:
        stack.stop(name)


@pytest.mark.parametrize("questions_first", [0, 3])
def test_a_journey_cut_into_several_sessions_ends_in_a_receipt(stack, small_cap_rasa, catalogue, questions_first):
    c = ReplicaChat(stack, f"e2e-long-{uuid.uuid4().hex[:10]}", small_cap_rasa)
    for i in range(questions_first):
        ask(c, i)
    commit(c)
    events = rows(stack, c.sender)
    assert continued(events) >= 6  # from the first cap on, every turn of the journey (eleven) in a new session
    last = current_session(events)
    assert [e["event"] for e in last[:2]] == ["action", "session_started"] and \
        [e["text"] for e in last if e["event"] == "user"] == typed(c)[-1:]  # the signing code's turn, alone
    assert [e["text"] for e in events if e["event"] == "user"] == typed(c)
    check_contract(c.transcript, stack.config.api_url, {code: item.proxy_allowed for code, item in catalogue.items()})
