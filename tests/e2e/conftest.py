"""End-to-end fixtures: the real trained model, the real Rasa server, action server and API, over HTTP.

The ``stack`` fixture (one stack per test session on free ports, with its own ``var`` directory; SQLite by
default, PostgreSQL and Redis with GZ_PROFILE=scale) lives in tests/conftest.py, shared with tests/browser.
"""
from __future__ import annotations

import os
import time
import uuid
from typing import Dict, List

import httpx
import pytest

from bot.core.catalogue import load_catalogue
from bot.tools.stack import Stack
from tests.conftest import free_port  # noqa: F401  (tests/wechat imports it from here)
from tests.e2e import limits, outbox
from tests.e2e.contract import BotMessage, Transcript, check_contract

# The servers of the session's stack inherit this: the journey and the API refuse "已阅读" sooner than this after the
# last notice section arrived. A test reads at machine speed, so it waits this long (tests/e2e/contract.py).
os.environ.setdefault("GZ_MIN_READING_SECONDS", "1")
limits.for_machine_speed()  # codes and flood control, for journeys at machine speed (tests/e2e/limits.py)

CODE_SLOTS = ("identity_code", "act_code")


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


class Chat:
    """One citizen on the REST channel. Keeps the transcript and checks the contract at the end."""

    def __init__(self, stack: Stack, sender: str):
        self.stack = stack
        self.sender = sender
        self.transcript = Transcript()
        self.http = httpx.Client(timeout=60)

    def say(self, text: str) -> List[BotMessage]:
        time.sleep(self.transcript.reading_wait())
        self.transcript.add_user(text)
        response = self.http.post(
            f"{self.stack.config.rasa_url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}
        )
        response.raise_for_status()
        return self.transcript.add_bot_replies(response.json())

    @staticmethod
    def customs(messages: List[BotMessage], stage: str) -> List[Dict]:
        return [m.custom for m in messages if m.stage == stage]

    def one(self, messages: List[BotMessage], stage: str) -> Dict:
        found = self.customs(messages, stage)
        assert len(found) == 1, f"expected one {stage}, got {[m.custom for m in messages]}"
        return found[0]

    def last_ask(self, messages: List[BotMessage]) -> Dict:
        asks = self.customs(messages, "ask")
        assert asks, f"expected an ask, got {[ (m.text, m.custom) for m in messages]}"
        return asks[-1]

    # --- the phone: one-time codes from the SMS outbox (tests/e2e/outbox.py) ---------------------------------

    def sms(self, phone: str) -> Dict:
        """The newest SMS to ``phone`` ({to, text, code, at})."""
        return outbox.newest_to(outbox.outbox_path(self.stack), phone)

    def sms_code(self, phone: str) -> str:
        """The code in the newest SMS to ``phone``, as its owner reads it."""
        return self.sms(phone)["code"]

    def code_phone(self, messages: List[BotMessage]) -> str:
        """The phone the code the last question asks for went to (its ``sent_to``, matched in the outbox)."""
        ask = self.last_ask(messages)
        assert ask["slot"] in CODE_SLOTS, f"expected a code question, got {ask} after {[m.text for m in messages]}"
        assert ask.get("sent_to"), f"no code was sent: {[m.text for m in messages]}"
        return outbox.phone_for(outbox.outbox_path(self.stack), ask["sent_to"])

    def answer_code(self, messages: List[BotMessage]) -> List[BotMessage]:
        """The last question asks for the login code (identity_code) or the signing code (act_code): type the
        newest code sent to that phone. Never called on its own by ``say``: every test types its codes."""
        return self.say(self.sms_code(self.code_phone(messages)))

    def tracker_slots(self) -> Dict:
        r = self.http.get(f"{self.stack.config.rasa_url}/conversations/{self.sender}/tracker",
                          params={"token": self.stack.config.rasa_token()})
        r.raise_for_status()
        return r.json()["slots"]


@pytest.fixture
def chat(stack, catalogue):
    chats: List[Chat] = []

    def make() -> Chat:
        c = Chat(stack, f"e2e-{uuid.uuid4().hex[:10]}")
        chats.append(c)
        return c

    yield make
    proxy_items = {code: item.proxy_allowed for code, item in catalogue.items()}
    for c in chats:
        check_contract(c.transcript, stack.config.api_url, proxy_items)
