"""The load generator: N simulated citizens talking to a Rasa REST channel at once.

Closed loop: each of the N workers runs one whole conversation after another, sending the next message as
soon as the previous reply arrived, until the level's conversations are used up. So N is the number of
conversations in flight, and the highest N measures throughput at saturation.

The one think time is the citizen's reading time: the journey and the API refuse "已阅读" sooner than
``GZ_MIN_READING_SECONDS`` after the last notice section was delivered (REST: the reply carrying it returned),
so a citizen waits that long after the notice before answering, as a person reads it. That wait is no server
time: it is in no turn's latency, and it is counted apart (``reading_s``). The benchmark starts its stack with a
short floor (``BENCH_READING_SECONDS``, unless the variable is set) so the conversations in flight stay busy with
the servers; at one concurrent conversation the reading time still dominates the wall time, so turns/s there is
the citizen's pace rather than the servers' capacity.

Who commits proves it (actions/identity.py): the login code after the ID and the signing code after the
affirmation go to the person's registered phone, and the citizen types them back from the embedded SMS
gateway's outbox (``GZ_SMS_OUTBOX_PATH``, set before the stack starts). Only a person's newest code works and
the demo data has three clean people with a registered phone, so a citizen holds its person's lock from the
message that has a code sent until the code was typed back: at high concurrency conversations wait for each
other there. That wait is no server time either (in no turn's latency), but it lengthens the wall time.

A turn is one ``POST /webhooks/rest/webhook`` and its reply. A turn is an error when the request fails
(connection, timeout, non-200) or when the reply is not what that step of the journey must answer (checked
on the contract's ``custom`` payloads); the rest of that conversation is then abandoned, so one error never
counts twice.
"""
from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time
import uuid
import zlib
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional

import httpx

# The demo identities (docs/demo-identities.md) with a clean file and a registered (实名) phone, where their codes
# go. The API accepts any number of commitments for one identity; a citizen is one of them by its sender.
ZHANG_WEI = ("张伟", "410105199001011233")
PHONE = "13800138000"
PEOPLE = ((ZHANG_WEI[0], ZHANG_WEI[1], PHONE), ("赵强", "410103196208085671", "13800135671"),
          ("刘洋", "410105200002291113", "13912345678"))
OUTBOX_ENV = "GZ_SMS_OUTBOX_PATH"
# Limits for people, not for a load test: thousands of codes to three people within minutes (the API's limits per
# ID and phone, and its pause between two codes to one ID), and a citizen answering at once (bot/channels/flood.py).
MACHINE_SPEED = {"GZ_OTP_RESEND_SECONDS": "0", "GZ_OTP_MAX_PER_ID": "1000000", "GZ_OTP_MAX_PER_PHONE": "1000000",
                 "GZ_OTP_MAX_PER_CLIENT": "1000000", "GZ_FLOOD_SENDER_BURST": "1000",
                 "GZ_FLOOD_SENDER_PER_MINUTE": "6000"}

READING_ENV = "GZ_MIN_READING_SECONDS"
BENCH_READING_SECONDS = 1.0
NOTICE_SECTION = "notice_section"


def reading_seconds() -> float:
    """The reading floor the servers were started with (they inherit this process's environment)."""
    return float(os.environ.get(READING_ENV, BENCH_READING_SECONDS))


def use_bench_reading_floor() -> float:
    """Before our stack starts: the servers and the simulated citizens must agree on the floor, and on the
    file the SMS codes are written to."""
    os.environ.setdefault(READING_ENV, str(BENCH_READING_SECONDS))
    os.environ.setdefault(OUTBOX_ENV, str(Path(tempfile.gettempdir()) / f"gz-bench-sms-{uuid.uuid4().hex[:8]}.jsonl"))
    for name, value in MACHINE_SPEED.items():
        os.environ.setdefault(name, value)
    return reading_seconds()


def newest_code(phone: str) -> str:
    """The code of the newest SMS to ``phone`` in the outbox the servers write (one JSON object per line)."""
    path = Path(os.environ[OUTBOX_ENV])
    for line in reversed(path.read_text(encoding="utf-8").splitlines()):
        sms = json.loads(line) if line.strip() else {}
        if sms.get("to") == phone:
            return sms["code"]
    raise TurnFailed("sms_missing")


_locks: Dict[tuple, asyncio.Lock] = {}


def person_lock(id_number: str) -> asyncio.Lock:
    key = (id(asyncio.get_running_loop()), id_number)
    if key not in _locks:
        _locks[key] = asyncio.Lock()
    return _locks[key]


class TurnFailed(Exception):
    """The reply to a turn was an HTTP failure or not what the journey must answer at this step."""


@dataclass
class LevelResult:
    label: str
    concurrency: int
    conversations: int
    completed: int = 0
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: Dict[str, int] = field(default_factory=dict)
    wall_s: float = 0.0
    reading_s: float = 0.0  # the simulated citizens' reading time, summed over conversations (think time)

    @property
    def turns(self) -> int:
        return len(self.latencies_ms)

    @property
    def turns_per_s(self) -> float:
        return self.turns / self.wall_s if self.wall_s else 0.0

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the successful turns' latencies, in ms."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
        return ordered[rank - 1]

    def as_dict(self) -> Dict[str, Any]:
        return {
            "label": self.label, "concurrency": self.concurrency, "conversations": self.conversations,
            "completed": self.completed, "turns": self.turns, "errors": self.errors,
            "error_kinds": self.error_kinds, "wall_s": round(self.wall_s, 2), "reading_s": round(self.reading_s, 2),
            "p50_ms": round(self.percentile(50), 1), "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1), "turns_per_s": round(self.turns_per_s, 2),
        }


class Conversation:
    """One simulated citizen: sends messages and records each successful turn's latency."""

    def __init__(self, http: httpx.AsyncClient, url: str, sender: str, result: Optional[LevelResult]):
        self.http = http
        self.url = url
        self.sender = sender
        self.result = result
        self.notice_arrived = 0.0  # time.monotonic() the last reply with a notice section arrived

    async def read_notice(self) -> None:
        """A citizen reads the notice before the next message; the servers refuse a faster "已阅读"
        (50 ms beyond the floor: the channel stamped the delivery a moment before the reply reached us)."""
        if not self.notice_arrived:
            return
        wait = reading_seconds() + 0.05 - (time.monotonic() - self.notice_arrived)
        if wait > 0:
            await asyncio.sleep(wait)
            if self.result is not None:
                self.result.reading_s += wait

    async def say(self, text: str) -> List[Dict[str, Any]]:
        await self.read_notice()
        started = time.perf_counter()
        try:
            response = await self.http.post(self.url, json={"sender": self.sender, "message": text})
        except httpx.HTTPError as exc:
            raise TurnFailed(f"http:{type(exc).__name__}") from exc
        elapsed_ms = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise TurnFailed(f"status:{response.status_code}")
        try:
            replies = response.json()
        except ValueError as exc:
            raise TurnFailed("invalid_json") from exc
        if self.result is not None:
            self.result.latencies_ms.append(elapsed_ms)
        if isinstance(replies, list) and _customs([r for r in replies if isinstance(r, dict)], NOTICE_SECTION):
            self.notice_arrived = time.monotonic()
        return replies


def _customs(replies: List[Dict[str, Any]], stage: str) -> List[Dict[str, Any]]:
    return [r["custom"] for r in replies if isinstance(r.get("custom"), dict) and r["custom"].get("stage") == stage]


def _expect_ask(replies: List[Dict[str, Any]], slot: str) -> None:
    asks = _customs(replies, "ask")
    if not asks or asks[-1].get("slot") != slot:
        raise TurnFailed(f"expected_ask:{slot}")


async def commitment_journey(c: Conversation) -> None:
    """Our full journey: a self-applicant commits to ZM001 (公租房) and gets a receipt. Eleven turns, two of them
    the codes; the citizen reads the notice before "已阅读" (``Conversation.read_notice``)."""
    name, id_number, phone = PEOPLE[zlib.crc32(c.sender.encode("utf-8")) % len(PEOPLE)]
    replies = await c.say("我在郑州没有房子，想申请公租房")
    candidates = _customs(replies, "item_candidates")
    codes = [i.get("code") for i in candidates[0]["items"]] if candidates else []
    if "ZM001" not in codes:
        raise TurnFailed("item_candidates:ZM001")
    replies = await c.say(str(codes.index("ZM001") + 1))
    if not _customs(replies, "item_detail"):
        raise TurnFailed("item_detail")
    _expect_ask(replies, "use_commitment")
    _expect_ask(await c.say("是"), "acting_as")
    _expect_ask(await c.say("本人"), "applicant_name")
    _expect_ask(await c.say(name), "applicant_id")
    async with person_lock(id_number):
        _expect_ask(await c.say(id_number), "identity_code")
        _expect_ask(await c.say(newest_code(phone)), "phone")
    replies = await c.say(phone)
    if len(_customs(replies, NOTICE_SECTION)) != 7:
        raise TurnFailed("notice_sections")
    _expect_ask(replies, "notice_ack")
    if not _customs(await c.say("已阅读"), "affirmation_request"):
        raise TurnFailed("affirmation_request")
    async with person_lock(id_number):
        _expect_ask(await c.say("本人承诺"), "act_code")
        if not _customs(await c.say(newest_code(phone)), "commitment_receipt"):
            raise TurnFailed("commitment_receipt")


JOURNEY_TURNS = 11

# The `rasa init` bot's own stories and rules (happy path, sad path 1, sad path 2, say goodbye, then the happy
# path once more), chained into one conversation of the same number of turns as our journey.
STOCK_MESSAGES = ["hello", "I am great", "hi", "I am sad", "yes", "hey there", "very sad", "no", "goodbye",
                  "hello", "I am great"]
assert len(STOCK_MESSAGES) == JOURNEY_TURNS


async def stock_conversation(c: Conversation) -> None:
    # Only the transport is checked: the init bot's default pipeline trains without a fixed seed, so one
    # training may answer a turn with nothing (it predicts action_listen) where another answers; that is
    # the stock bot's behaviour, not a failure of the server under load.
    for text in STOCK_MESSAGES:
        replies = await c.say(text)
        if not isinstance(replies, list):
            raise TurnFailed("reply_not_a_list")


Journey = Callable[[Conversation], Awaitable[None]]


async def run_level(
    url: str, journey: Journey, label: str, concurrency: int, conversations: int, timeout_s: float = 60.0
) -> LevelResult:
    """Run ``conversations`` journeys with ``concurrency`` of them in flight at any time."""
    result = LevelResult(label=label, concurrency=concurrency, conversations=conversations)
    run_id = uuid.uuid4().hex[:6]
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(conversations):
        queue.put_nowait(i)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as http:

        async def worker() -> None:
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                conversation = Conversation(http, url, f"bench-{label}-{concurrency}-{run_id}-{i}", result)
                try:
                    await journey(conversation)
                    result.completed += 1
                except (TurnFailed, KeyError, IndexError, TypeError) as exc:
                    kind = str(exc) if isinstance(exc, TurnFailed) else f"reply:{type(exc).__name__}"
                    result.errors += 1
                    result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - started
    return result


async def warm_up(url: str, journey: Journey, conversations: int = 2) -> None:
    """Unrecorded conversations first: TensorFlow traces its graphs on the first predictions."""
    async with httpx.AsyncClient(timeout=120) as http:
        for i in range(conversations):
            try:
                await journey(Conversation(http, url, f"bench-warmup-{uuid.uuid4().hex[:6]}-{i}", None))
            except TurnFailed:
                pass  # the measured runs count it
