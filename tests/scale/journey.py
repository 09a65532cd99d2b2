"""Asynchronous citizens for the scale tests: many conversations at once, each turn sent to a chosen Rasa server.

Every conversation keeps the contract transcript of tests/e2e/contract.py (checked with ``check_contract``) and
what each turn answered, so a test can compare it with the events Rasa stored for the conversation.

Each citizen is one of the demo people with a registered (实名) phone and a clean file, and types back the login
and signing codes from the stack's SMS outbox (tests/e2e/outbox.py). Only a person's newest code works, and
dozens of conversations share three people, so a citizen holds its person's lock from the message that has a
code sent until the code was typed back: two conversations of one person never have a code on its way at once.
"""
from __future__ import annotations

import asyncio
import os
import re
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import httpx

from tests.e2e import limits, outbox
from tests.e2e.contract import BotMessage, Transcript

# The stack these citizens talk to inherits this (as in tests/e2e/conftest.py): the journey and the API refuse
# "已阅读" sooner than this after the last notice section arrived, and every citizen waits that long before answering.
os.environ.setdefault("GZ_MIN_READING_SECONDS", "1")
limits.for_machine_speed()  # hundreds of codes to three people within minutes (tests/e2e/limits.py)

# Demo identities of docs/demo-identities.md with a clean integrity file and a registered (实名) phone.
ZHANG_WEI = ("张伟", "410105199001011233")
PHONE = "13800138000"
PEOPLE = (
    (ZHANG_WEI[0], ZHANG_WEI[1], PHONE),
    ("赵强", "410103196208085671", "13800135671"),
    ("刘洋", "410105200002291113", "13912345678"),
)
CODE_SLOTS = ("identity_code", "act_code")
AFFIRMATION = "本人承诺"

_locks: Dict[tuple, asyncio.Lock] = {}


def person_lock(id_number: str) -> asyncio.Lock:
    """The lock of one person's codes in the running event loop (each test runs its own loop)."""
    key = (id(asyncio.get_running_loop()), id_number)
    if key not in _locks:
        _locks[key] = asyncio.Lock()
    return _locks[key]


class JourneyBroken(AssertionError):
    """A reply that the commitment journey must not give at this step."""


@dataclass
class Turn:
    rasa_url: str
    user: str
    replies: List[Dict[str, Any]]
    started: float = 0.0  # time.monotonic() around the request
    ended: float = 0.0


@dataclass
class Citizen:
    """One conversation. ``route(k)`` names the Rasa server (base URL) of the k-th turn."""

    http: httpx.AsyncClient
    sender: str
    route: Callable[[int], str]
    transcript: Transcript = field(default_factory=Transcript)
    turns: List[Turn] = field(default_factory=list)
    attempts: List[tuple] = field(default_factory=list)  # (started, ended) of every request, failed ones too
    receipt: Optional[Dict[str, Any]] = None
    outbox: Optional[Path] = None  # the stack's SMS outbox, where this citizen's phone receives its codes

    @property
    def person(self) -> tuple:
        """(name, ID number, registered phone): the same person for the same sender."""
        return PEOPLE[zlib.crc32(self.sender.encode("utf-8")) % len(PEOPLE)]

    def code(self) -> str:
        assert self.outbox is not None, "a Citizen that is asked for codes needs the stack's outbox"
        return outbox.newest_code(self.outbox, self.person[2])

    async def say(self, text: str) -> List[BotMessage]:
        # The citizen reads the notice before answering (think time, outside the measured request).
        await asyncio.sleep(self.transcript.reading_wait())
        url = self.route(len(self.turns))
        started = time.monotonic()
        try:
            response = await self.http.post(f"{url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text})
        finally:
            self.attempts.append((started, time.monotonic()))
        response.raise_for_status()
        replies = response.json()
        self.turns.append(Turn(url, text, replies, started, time.monotonic()))
        self.transcript.add_user(text)
        return self.transcript.add_bot_replies(replies)


def customs(messages: Sequence[BotMessage], stage: str) -> List[Dict[str, Any]]:
    return [m.custom for m in messages if m.stage == stage]


def expect_ask(messages: Sequence[BotMessage], slot: str) -> None:
    asks = customs(messages, "ask")
    if not asks or asks[-1].get("slot") != slot:
        raise JourneyBroken(f"expected the question for {slot}, got {[(m.text[:40], m.custom) for m in messages]}")


async def commitment_journey(c: Citizen, code: str = "ZM001", need: str = "我在郑州没有房子，想申请公租房") -> Dict[str, Any]:
    """The whole self-applicant journey (R3, R6, R7): item, commitment, identity, notice, affirmation, receipt."""
    msgs = await c.say(need)
    candidates = customs(msgs, "item_candidates")
    codes = [i["code"] for i in candidates[0]["items"]] if candidates else []
    if code not in codes:
        raise JourneyBroken(f"{code} not offered: {codes}")
    msgs = await c.say(str(codes.index(code) + 1))
    expect_ask(msgs, "use_commitment")
    expect_ask(await c.say("是"), "acting_as")
    name, id_number, phone = c.person
    expect_ask(await c.say("本人"), "applicant_name")
    expect_ask(await c.say(name), "applicant_id")
    async with person_lock(id_number):
        expect_ask(await c.say(id_number), "identity_code")
        expect_ask(await c.say(c.code()), "phone")
    msgs = await c.say(phone)
    if [s["index"] for s in customs(msgs, "notice_section")] != [1, 2, 3, 4, 5, 6, 7]:
        raise JourneyBroken("the seven notice sections were not sent in order (R6)")
    expect_ask(msgs, "notice_ack")
    if not customs(await c.say("已阅读"), "affirmation_request"):
        raise JourneyBroken("no affirmation request")
    async with person_lock(id_number):
        msgs = await c.say(AFFIRMATION)
        if customs(msgs, "commitment_receipt"):
            raise JourneyBroken("a receipt before the signing code (意愿认证)")
        expect_ask(msgs, "act_code")
        receipts = customs(await c.say(c.code()), "commitment_receipt")
    if len(receipts) != 1:
        raise JourneyBroken("no receipt after the explicit affirmation and its signing code")
    c.receipt = receipts[0]
    return c.receipt


def tracker_turns(events: List[Dict[str, Any]]) -> List[tuple]:
    """(user text, [bot texts]) per user message, from a tracker's events in stored order."""
    turns: List[tuple] = []
    for event in events:
        if event.get("event") == "user":
            turns.append((event.get("text"), []))
        elif event.get("event") == "bot" and turns:
            turns[-1][1].append(event.get("text"))
    return turns


def log_offsets(logs: Path) -> Dict[str, int]:
    return {p.name: p.stat().st_size for p in logs.glob("*.log")}


def log_lines_since(logs: Path, offsets: Dict[str, int]) -> Dict[str, List[str]]:
    """Each log file's lines written after ``offsets`` (a file new since then: all of it)."""
    found: Dict[str, List[str]] = {}
    for path in sorted(logs.glob("*.log")):
        with path.open("rb") as f:
            f.seek(offsets.get(path.name, 0))
            found[path.name] = f.read().decode("utf-8", errors="replace").splitlines()
    return found


LOCK_TROUBLE = re.compile(r"LockError|Could not acquire lock|Error while acquiring lock|lock.{0,40}(?:timed out|expired)", re.I)


@dataclass
class Outage:
    """What one conversation saw while a part of the system was failing."""

    failed_turns: List[str] = field(default_factory=list)  # kind of each turn that did not move the journey on


def answers(c: Citizen) -> Dict[str, str]:
    name, id_number, phone = c.person
    return {
        "use_commitment": "是",
        "acting_as": "本人",
        "applicant_name": name,
        "applicant_id": id_number,
        "phone": phone,
        "notice_ack": "已阅读",
        "affirmation": AFFIRMATION,
    }


async def journey_through_failures(
    c: Citizen, outage: Outage, deadline: float, code: str = "ZM001", need: str = "我在郑州没有房子，想申请公租房",
) -> str:
    """The self-applicant journey driven by what the bot asks, so it can ride out failures: a turn that gets no
    usable answer (an HTTP error, an empty reply, a ``service_error``) is sent again a moment later, the way a
    citizen would; any other answer is a question the bot asks now. A code question is answered with the newest
    code on the phone, or "重新发送" when none was sent (the code service was failing too). Returns the
    commitment number."""
    given = answers(c)
    lock = person_lock(c.person[1])
    held = False  # this citizen holds its person's lock: a code of this conversation is on its way
    sends_code = (given["applicant_id"], given["affirmation"], "重新发送", "重试")
    text = need
    try:
        while time.monotonic() < deadline:
            if text in sends_code and not held:
                await lock.acquire()
                held = True
            try:
                msgs = await c.say(text)
            except httpx.HTTPStatusError as exc:
                outage.failed_turns.append(f"http_{exc.response.status_code}")
                await asyncio.sleep(1)
                continue
            except httpx.TransportError as exc:
                outage.failed_turns.append(type(exc).__name__)
                await asyncio.sleep(1)
                continue
            asks = customs(msgs, "ask")
            slot = asks[-1].get("slot") if asks else None
            if held and msgs and not customs(msgs, "service_error") and slot not in CODE_SLOTS:
                lock.release()  # no code of this conversation is waiting any more
                held = False
            receipts = customs(msgs, "commitment_receipt")
            if receipts:
                c.receipt = receipts[0]
                return receipts[0]["commitment_no"]
            if not msgs or customs(msgs, "service_error"):
                outage.failed_turns.append("service_error" if msgs else "empty_reply")
                await asyncio.sleep(1)
                text = "重试" if text == given["affirmation"] or text == "重试" else text
                continue
            if customs(msgs, "affirmation_request") or customs(msgs, "affirmation_rejected"):
                # A retry word after a failure that lost the affirmation itself is not an affirmation (R7).
                text = given["affirmation"]
                continue
            statuses = customs(msgs, "commitment_status")
            if statuses and (text in (given["affirmation"], "重试") or text.isdigit()):
                # The commitment was stored but its receipt never reached us; the journey answers with its status.
                return statuses[0]["commitment_no"]
            candidates = customs(msgs, "item_candidates")
            if candidates:
                codes = [i["code"] for i in candidates[-1]["items"]]
                text = str(codes.index(code) + 1)
                continue
            if slot in CODE_SLOTS:
                if asks[-1].get("sent_to"):
                    text = c.code()
                else:  # the code service was failing too: ask for one again
                    outage.failed_turns.append("code_not_sent")
                    await asyncio.sleep(1)
                    text = "重新发送"
                continue
            if slot not in given:
                raise JourneyBroken(f"unexpected answer to {text!r}: {[(m.text[:60], m.custom) for m in msgs]}")
            text = given[slot]
        raise JourneyBroken(f"{c.sender}: no receipt before the deadline; failed turns {outage.failed_turns}")
    finally:
        if held:
            lock.release()
