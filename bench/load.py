"""The load generator: N simulated citizens talking to a Rasa REST channel at once.

Closed loop: N places, each held by a conversation that sends its next message as soon as the previous reply
arrived; a conversation that ends gives its place to the next one, until the level's conversations are used up.
So N is the number of conversations talking to the servers at once, for ours as for stock, and the highest N
measures throughput at saturation.

The one think time is the citizen's reading time: the journey and the API refuse "已阅读" sooner than
``GZ_MIN_READING_SECONDS`` after the last notice section was delivered (REST: the reply carrying it returned),
so a citizen waits that long after the notice before answering, as a person reads it. That wait is no server
time: it is in no turn's latency, and it is counted apart (``reading_s``). A reading citizen sends nothing, so it
gives up its place while it reads and queues for one again to answer: otherwise N of our conversations would
offer the servers less work than N of stock's, which never pause, and the comparison would measure the reading
floor instead of the servers. The benchmark starts its stack with a short floor (``BENCH_READING_SECONDS``,
unless the variable is set); the production default is far longer and would change nothing here but the number
of conversations parked at the notice.

Who commits proves it (actions/identity.py): the login code after the ID and the signing code after the
affirmation go to the person's registered phone, and the citizen types them back from the embedded SMS
gateway's outbox (``GZ_SMS_OUTBOX_PATH``, set before the stack starts). The citizens are the benchmark's own
fictional people (``bench_people``: valid 身份证号, no integrity file, a phone of their own), registered in the
benchmark stack's throw-away database only (bench/targets.py), never in the demo data. Only a person's newest
code works, so a citizen holds its person's lock from the message that has a code sent until the code was typed
back; with ``PEOPLE_COUNT`` people, more than the highest level's conversations in flight, two conversations
rarely share a person, so that wait (no server time, in no turn's latency) hardly lengthens the wall time.

A turn is one ``POST /webhooks/rest/webhook`` and its reply. A turn is an error when the request fails
(connection, timeout, non-200) or when the reply is not what that step of the journey must answer (checked
on the contract's ``custom`` payloads); the rest of that conversation is then abandoned, so one error never
counts twice.
"""
from __future__ import annotations

import asyncio
import atexit
import json
import os
import tempfile
import time
import uuid
import zlib
from pathlib import Path
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

import httpx

from bot.core.ids import resident_id_check_char

# The benchmark's citizens, made up like the demo people (docs/demo-identities.md: any match with a real person is
# accidental) and recognisable as the benchmark's: the prefix 410100 (郑州市 as a whole, where the demo people
# carry a district's code), sequence numbers 900 and up, phones 1380099xxxx beside the demo's 1380013xxxx. Birth
# dates 1960-1988, one every 167 days: adults, all distinct. They exist only in the database of the stack the
# benchmark starts (bench/targets.py), never in the demo data every `make up` seeds. None of them has
# an integrity file, so each may commit; the API accepts any number of commitments for one identity. The names
# are common ones, none of them a demo person's (docs/demo-identities.md), so no reader takes one for the other.
PEOPLE_COUNT = 64
_SURNAMES = "王李张刘陈杨黄赵"
_GIVEN = ("明", "静", "勇", "杰", "丽", "涛", "超", "霞")
PEOPLE_FILE_NAME = "bench-people.jsonl"


def bench_people(count: int = PEOPLE_COUNT) -> Tuple[Tuple[str, str, str], ...]:
    """(name, 身份证号, 实名 phone) of ``count`` fictional people, the same on every run."""
    people = []
    for i in range(count):
        birth = date(1960, 1, 1) + timedelta(days=167 * i)
        first17 = f"410100{birth:%Y%m%d}{900 + i:03d}"
        name = _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i // len(_SURNAMES)) % len(_GIVEN)]
        people.append((name, first17 + resident_id_check_char(first17), f"1380099{i:04d}"))
    return tuple(people)


def write_people_file(path: Path, people: Tuple[Tuple[str, str, str], ...]) -> Path:
    """The JSON lines ``python -m api.cli register-phones --from`` reads (ID and phone; private from the start)."""
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        for _, id_number, phone in people:
            out.write(json.dumps({"id": id_number, "phone": phone}) + "\n")
    return path


PEOPLE = bench_people()
OUTBOX_ENV = "GZ_SMS_OUTBOX_PATH"
# Limits for people, not for a load test: thousands of codes to a few dozen people within minutes (the API's limits per
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
    if OUTBOX_ENV not in os.environ:
        # The benchmark's own outbox (its synthetic people's codes) goes when the benchmark does; one given by
        # the caller is theirs to keep.
        outbox = Path(tempfile.gettempdir()) / f"gz-bench-sms-{uuid.uuid4().hex[:8]}.jsonl"
        os.environ[OUTBOX_ENV] = str(outbox)
        atexit.register(outbox.unlink, missing_ok=True)
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
    # The same latencies by step of the journey (the step ``say`` was given), to tell which turn is slow.
    steps: Dict[str, List[float]] = field(default_factory=dict)

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
            "steps": {step: step_summary(values) for step, values in self.steps.items()},
        }


def step_summary(latencies_ms: List[float]) -> Dict[str, float]:
    """Count, p50 and max of one step's latencies (ms)."""
    ordered = sorted(latencies_ms)
    return {"n": len(ordered), "p50_ms": round(ordered[(len(ordered) - 1) // 2], 1),
            "max_ms": round(ordered[-1], 1)}


def format_steps(steps: Dict[str, Dict[str, float]]) -> str:
    """One line per step, slowest median first."""
    rows = sorted(steps.items(), key=lambda kv: -kv[1]["p50_ms"])
    return "\n".join(f"  {step:<14} n={s['n']:<4} p50 {s['p50_ms']:6.1f} ms  max {s['max_ms']:6.1f} ms"
                     for step, s in rows)


class Conversation:
    """One simulated citizen: sends messages and records each successful turn's latency."""

    def __init__(self, http: httpx.AsyncClient, url: str, sender: str, result: Optional[LevelResult],
                 person: Optional[int] = None, place: Optional[asyncio.Semaphore] = None):
        self.http = http
        self.place = place  # the level's places (run_level): given up while the citizen reads
        self.url = url
        self.sender = sender
        self.result = result
        # Which of PEOPLE this citizen is: run_level deals them in turn, so the conversations in flight together
        # are different people; without one, the sender picks.
        self.person = person
        self.notice_arrived = 0.0  # time.monotonic() the last reply with a notice section arrived

    async def read_notice(self) -> None:
        """A citizen reads the notice before the next message; the servers refuse a faster "已阅读"
        (50 ms beyond the floor: the channel stamped the delivery a moment before the reply reached us)."""
        if not self.notice_arrived:
            return
        wait = reading_seconds() + 0.05 - (time.monotonic() - self.notice_arrived)
        if wait > 0:
            if self.place is not None:
                self.place.release()
            started = time.monotonic()
            try:
                await asyncio.sleep(wait)
            finally:
                if self.place is not None:
                    await self.place.acquire()
            if self.result is not None:
                self.result.reading_s += time.monotonic() - started

    async def say(self, text: str, step: str = "") -> List[Dict[str, Any]]:
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
            self.result.steps.setdefault(step or "turn", []).append(elapsed_ms)
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
    pick = c.person if c.person is not None else zlib.crc32(c.sender.encode("utf-8"))
    name, id_number, phone = PEOPLE[pick % len(PEOPLE)]
    replies = await c.say("我在郑州没有房子，想申请公租房", "need")
    candidates = _customs(replies, "item_candidates")
    codes = [i.get("code") for i in candidates[0]["items"]] if candidates else []
    if "ZM001" not in codes:
        raise TurnFailed("item_candidates:ZM001")
    replies = await c.say(str(codes.index("ZM001") + 1), "choice")
    if not _customs(replies, "item_detail"):
        raise TurnFailed("item_detail")
    _expect_ask(replies, "use_commitment")
    _expect_ask(await c.say("是", "commitment"), "acting_as")
    _expect_ask(await c.say("本人", "self"), "applicant_name")
    _expect_ask(await c.say(name, "name"), "applicant_id")
    async with person_lock(id_number):
        _expect_ask(await c.say(id_number, "id"), "identity_code")
        _expect_ask(await c.say(newest_code(phone), "login_code"), "phone")
    replies = await c.say(phone, "phone")
    if len(_customs(replies, NOTICE_SECTION)) != 7:
        raise TurnFailed("notice_sections")
    _expect_ask(replies, "notice_ack")
    if not _customs(await c.say("已阅读", "read"), "affirmation_request"):
        raise TurnFailed("affirmation_request")
    async with person_lock(id_number):
        _expect_ask(await c.say("本人承诺", "affirmation"), "act_code")
        if not _customs(await c.say(newest_code(phone), "act_code"), "commitment_receipt"):
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
    """Run ``conversations`` journeys, ``concurrency`` of them talking to the servers at any time (a citizen
    reading the notice gives its place to another meanwhile)."""
    result = LevelResult(label=label, concurrency=concurrency, conversations=conversations)
    run_id = uuid.uuid4().hex[:6]
    places = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)  # one per place

    async with httpx.AsyncClient(timeout=timeout_s, limits=limits) as http:

        async def one(i: int) -> None:
            async with places:
                conversation = Conversation(http, url, f"bench-{label}-{concurrency}-{run_id}-{i}", result,
                                            person=i, place=places)
                try:
                    await journey(conversation)
                    result.completed += 1
                except (TurnFailed, KeyError, IndexError, TypeError) as exc:
                    kind = str(exc) if isinstance(exc, TurnFailed) else f"reply:{type(exc).__name__}"
                    result.errors += 1
                    result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(conversations)))
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
