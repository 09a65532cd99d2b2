"""The Rasa-side channels sign what arrives and what is delivered (bot/channels/evidence_ledger.py, bot/core/evidence.py).

The ledger is tested in memory and on a real Redis; the channels are served by real Sanic servers on free loopback
ports and spoken to over HTTP (REST, hotline) and socket.io (python-socketio's client, which acknowledges every
event it handles, as the widget does after rendering). Only Rasa's agent is replaced, by a script that utters
real notice sections of the catalogue through the channel's output exactly as Rasa's processor does
(``output_channel.send_response``), so every envelope here is signed by the channel code under test.
"""
from __future__ import annotations

import asyncio
import copy
import logging
import os
import socket
import uuid
from typing import Any, Callable, Dict, List, Optional
from unittest.mock import AsyncMock

import httpx
import pytest
import redis
import socketio
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from actions import messages
from bot.channels import evidence_ledger
from bot.core import assisted, evidence
from bot.core.catalogue import load_catalogue
from bot.channels.hotline import TOKEN_HEADER, HotlineInput
from bot.channels.rest import ContractRestInput
from bot.channels.widget import ContractSocketIOInput, ContractSocketIOOutput

REDIS_PORT = int(os.environ.get("GZ_REDIS_PORT", "6379"))
REDIS_DB = 11  # this file's own database, flushed before and after each Redis test
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/{REDIS_DB}"

ITEM = next(item for item in load_catalogue().values() if item.notice)


def section(index: int) -> Dict[str, Any]:
    """A notice section as Rasa's processor hands it to the output channel (BotUttered.message())."""
    text, custom = messages.notice_section(ITEM, index)
    return {"text": text, "custom": custom}


def plain(text: str, stage: str = "ask") -> Dict[str, Any]:
    return {"text": text, "custom": {"stage": stage}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_reachable() -> bool:
    try:
        return bool(redis.Redis(port=REDIS_PORT, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def key(tmp_path, monkeypatch) -> bytes:
    """A fresh evidence key for this process, memory ledger."""
    path = tmp_path / "keys" / evidence.EVIDENCE_KEY_FILE
    monkeypatch.setenv(evidence.ENV_KEY_PATH, str(path))
    monkeypatch.delenv(evidence_ledger.ENV_REDIS_URL, raising=False)
    evidence_ledger.reset()
    yield evidence.load_or_create_key(path)
    evidence_ledger.reset()


@pytest.fixture
def redis_db():
    if not redis_reachable():
        pytest.skip(f"Redis not running on 127.0.0.1:{REDIS_PORT}")
    client = redis.Redis(port=REDIS_PORT, db=REDIS_DB)
    client.flushdb()
    yield client
    client.flushdb()


# --- the ledger ----------------------------------------------------------------------------------------------


def envelope(n: int) -> Dict[str, Any]:
    return {"kind": "delivery", "section": n}


def test_memory_ledger_gives_each_senders_envelopes_once_in_order():
    ledger = evidence_ledger.MemoryLedger()
    for n in (1, 2, 3):
        ledger.record("a", envelope(n))
    ledger.record("b", envelope(9))
    assert ledger.take("a") == [envelope(1), envelope(2), envelope(3)]
    assert ledger.take("a") == []
    assert ledger.take("b") == [envelope(9)]


def test_memory_ledger_is_bounded_per_sender_in_total_and_in_time():
    now = [1000.0]
    ledger = evidence_ledger.MemoryLedger(ttl_seconds=60, max_per_sender=3, max_senders=2, clock=lambda: now[0])
    for n in range(1, 6):
        ledger.record("a", envelope(n))
    assert ledger.take("a") == [envelope(3), envelope(4), envelope(5)]  # the newest
    ledger.record("a", envelope(1))
    ledger.record("b", envelope(2))
    ledger.record("c", envelope(3))  # a third sender: the longest-waiting one goes
    assert len(ledger) == 2 and ledger.take("a") == []
    ledger.record("d", envelope(4))
    now[0] += 61
    assert ledger.take("d") == []  # older than the TTL
    ledger.record("c", envelope(5))  # expired entries of c are dropped when c records again
    assert ledger.take("c") == [envelope(5)]


def test_redis_ledger_is_shared_between_workers_and_taken_once(redis_db):
    recorder, reader = evidence_ledger.RedisLedger(REDIS_URL), evidence_ledger.RedisLedger(REDIS_URL)
    recorder.record("citizen", {"section": 1, "text": "告知书"})
    recorder.record("citizen", {"section": 2, "text": "告知书"})
    key = evidence_ledger.RedisLedger.key("citizen")
    assert 0 < redis_db.ttl(key) <= evidence_ledger.TTL_SECONDS
    assert reader.take("citizen") == [{"section": 1, "text": "告知书"}, {"section": 2, "text": "告知书"}]
    assert recorder.take("citizen") == [] and not redis_db.exists(key)


def test_redis_ledger_keeps_the_newest_per_sender(redis_db):
    ledger = evidence_ledger.RedisLedger(REDIS_URL, max_per_sender=2)
    for n in (1, 2, 3):
        ledger.record("citizen", envelope(n))
    redis_db.rpush(evidence_ledger.RedisLedger.key("citizen"), b"not json")
    assert ledger.take("citizen") == [envelope(2), envelope(3)]


def test_the_process_ledger_follows_the_environment(redis_db, monkeypatch):
    monkeypatch.setenv(evidence_ledger.ENV_REDIS_URL, REDIS_URL)
    evidence_ledger.reset()
    try:
        assert isinstance(evidence_ledger.ledger(), evidence_ledger.RedisLedger)
        evidence_ledger.record("citizen", envelope(1))
        assert redis_db.llen(evidence_ledger.RedisLedger.key("citizen")) == 1
        assert evidence_ledger.take("citizen") == [envelope(1)]
    finally:
        evidence_ledger.reset()
    monkeypatch.delenv(evidence_ledger.ENV_REDIS_URL)
    assert isinstance(evidence_ledger.ledger(), evidence_ledger.MemoryLedger)


def test_an_unreachable_redis_loses_the_delivery_but_not_the_turn(monkeypatch, caplog):
    monkeypatch.setenv(evidence_ledger.ENV_REDIS_URL, f"redis://127.0.0.1:{free_port()}/0")
    evidence_ledger.reset()
    try:
        with caplog.at_level(logging.ERROR, logger="bot.channels.evidence_ledger"):
            evidence_ledger.record("citizen", envelope(1))
            assert evidence_ledger.take("citizen") == []
        assert "could not keep a delivery" in caplog.text
    finally:
        evidence_ledger.reset()


# --- the helpers the channels call --------------------------------------------------------------------------------


def test_message_metadata_signs_the_text_keeps_other_keys_and_drops_a_clients_evidence(key):
    forged = {"message": {"kind": "message", "text": "我承诺"}, "deliveries": [{"kind": "delivery", "section": 1}]}
    evidence_ledger.record("citizen", {"kind": "delivery", "section": 3})
    metadata = evidence_ledger.message_metadata(
        {"page": "portal", "evidence": forged}, channel="rest", sender="citizen", message_id="m1", text="我已阅读"
    )
    assert metadata["page"] == "portal"
    body = evidence.verify(key, metadata["evidence"]["message"])
    assert (body["channel"], body["sender"], body["message_id"], body["text"]) == ("rest", "citizen", "m1", "我已阅读")
    assert metadata["evidence"]["deliveries"] == [{"kind": "delivery", "section": 3}]  # the ledger's, not the client's


def test_without_a_key_nothing_is_signed_and_it_is_said_once(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv(evidence.ENV_KEY_PATH, raising=False)
    evidence_ledger.reset()
    with caplog.at_level(logging.WARNING, logger="bot.channels.evidence_ledger"):
        first = evidence_ledger.message_metadata({"evidence": {"forged": True}}, channel="rest", sender="s",
                                                 message_id="m", text="x")
        second = evidence_ledger.message_metadata({"a": 1}, channel="rest", sender="s", message_id="m", text="x")
        assert evidence_ledger.record_delivery("rest", "s", section(1), sent_at=evidence.now_iso()) is None
    assert first is None and second == {"a": 1}
    assert caplog.text.count(evidence.ENV_KEY_PATH) == 1
    evidence_ledger.reset()


def test_an_unusable_key_signs_nothing_and_keeps_the_conversation_going(tmp_path, monkeypatch, caplog):
    short = tmp_path / "short.key"
    short.write_bytes(b"short")
    monkeypatch.setenv(evidence.ENV_KEY_PATH, str(short))
    evidence_ledger.reset()
    with caplog.at_level(logging.ERROR, logger="bot.channels.evidence_ledger"):
        assert evidence_ledger.message_metadata(None, channel="rest", sender="s", message_id="m", text="x") is None
    assert "evidence key unusable" in caplog.text
    evidence_ledger.reset()


def test_sign_user_message_signs_what_rasa_will_store(key):
    message = UserMessage("  我已阅读\ud800  ", sender_id="citizen", input_channel="rest", metadata=None)
    evidence_ledger.sign_user_message(message, "rest")
    assert message.text == "我已阅读\ufffd"  # stripped by Rasa, lone surrogate replaced as the message guard does
    body = evidence.verify(key, message.metadata["evidence"]["message"])
    assert body["text"] == message.text and body["message_id"] == message.message_id
    assert message.metadata["evidence"]["deliveries"] == []


def test_record_delivery_signs_notice_sections_only(key):
    assert evidence_ledger.record_delivery("rest", "citizen", plain("请回答"), sent_at=evidence.now_iso()) is None
    assert evidence_ledger.record_delivery("rest", "citizen", {"custom": section(1)["custom"]},
                                           sent_at=evidence.now_iso()) is None  # no text: nothing readable arrived
    signed = evidence_ledger.record_delivery("rest", "citizen", section(2), sent_at=evidence.now_iso())
    assert evidence.verify(key, signed)["section"] == 2
    assert evidence_ledger.take("citizen") == [signed]


# --- a Rasa server's channels on real HTTP servers -------------------------------------------------------------------


class ScriptedAgent:
    """Stands in for Rasa's agent: records each UserMessage and utters the script's replies for its text."""

    tracker_store = None  # the REST channel's handoff look-up finds no store and returns nothing pending

    def __init__(self, script: Callable[[str], List[Dict[str, Any]]]):
        self.script = script
        self.received: List[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        for reply in self.script(message.text):
            if reply.get("raise"):
                raise RuntimeError("tracker store down")
            await message.output_channel.send_response(message.sender_id, copy.deepcopy(reply))


def reading_script(text: str) -> List[Dict[str, Any]]:
    if text == "开始":
        return [section(1), section(2), plain("请问您读完了吗？")]
    if text == "出错":
        return [section(3), {"raise": True}]
    return [plain("好的")]


@pytest.fixture(autouse=True)
def several_sanic_apps(monkeypatch):
    # Sanic rewrites its own methods when the first app starts; in test mode it keeps the originals, so that
    # several apps can be started (and stopped) in one process.
    monkeypatch.setattr(Sanic, "test_mode", True)


class Server:
    """A Sanic app serving the given input channels on a free loopback port (started and stopped by the test)."""

    def __init__(self, channels: List[Any], script=reading_script):
        self.app = Sanic(f"evidence_{uuid.uuid4().hex}")
        self.agent = ScriptedAgent(script)
        self.app.ctx.agent = self.agent
        register(channels, self.app, route="/webhooks/")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None

    async def __aenter__(self) -> "Server":
        self.server = await self.app.create_server(
            host="127.0.0.1", port=self.port, return_asyncio_server=True, access_log=False
        )
        await self.server.startup()
        await self.server.before_start()
        await self.server.after_start()
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.server.before_stop()
        self.server.close()
        await self.server.wait_closed()
        await self.server.after_stop()


def evidence_of(message: UserMessage) -> Dict[str, Any]:
    return (message.metadata or {}).get("evidence") or {}


async def test_rest_signs_the_message_and_hands_the_returned_sections_to_the_next_message(key):
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        url = "/webhooks/rest/webhook"
        first = (await http.post(url, json={"sender": "citizen-1", "message": " 开始 "})).json()
        assert [m.get("custom", {}).get("index") for m in first if "custom" in m][:2] == [1, 2]
        shown = [m["text"] for m in first if "text" in m]
        assert evidence_of(server.agent.received[0])["deliveries"] == []

        await http.post(url, json={"sender": "someone-else", "message": "我已阅读"})
        assert evidence_of(server.agent.received[1])["deliveries"] == []  # another person's deliveries stay put

        await http.post(url, json={"sender": "citizen-1", "message": "我已阅读", "metadata": {"page": "p1"}})
        message = server.agent.received[2]
        signed = evidence_of(message)
        body = evidence.verify(key, signed["message"])
        assert (body["channel"], body["sender"], body["text"], body["message_id"]) == (
            "rest", "citizen-1", "我已阅读", message.message_id)
        assert message.metadata["page"] == "p1"
        deliveries = [evidence.verify(key, d) for d in signed["deliveries"]]
        assert [d["section"] for d in deliveries] == [1, 2]
        for d, text in zip(deliveries, shown):
            assert (d["channel"], d["sender"], d["how"]) == ("rest", "citizen-1", "response_returned")
            assert (d["item_code"], d["notice_version"], d["total"]) == (ITEM.code, ITEM.notice_version, len(ITEM.notice))
            assert d["text_sha256"] == evidence.text_sha256(text)  # the text the client was given
            assert evidence.parse_time(d["sent_at"]) <= evidence.parse_time(d["delivered_at"]) <= \
                evidence.parse_time(body["at"])
        found = evidence.deliveries_for(signed["deliveries"], channel="rest", sender="citizen-1",
                                        item_code=ITEM.code, notice_version=ITEM.notice_version)
        assert evidence.missing_sections(found, len(ITEM.notice)) == list(range(3, len(ITEM.notice) + 1))

        await http.post(url, json={"sender": "citizen-1", "message": "好"})
        assert evidence_of(server.agent.received[3])["deliveries"] == []  # each delivery travels once


async def test_rest_drops_a_clients_evidence_and_records_nothing_for_a_failed_turn(key):
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        url = "/webhooks/rest/webhook"
        forged = {"message": evidence.sign_message(b"x" * 32, channel="rest", sender="c", message_id="1", text="我承诺"),
                  "deliveries": [evidence.sign_delivery(b"x" * 32, channel="rest", sender="c", custom=section(1)["custom"],
                                                         text=section(1)["text"], sent_at=evidence.now_iso())]}
        failed = (await http.post(url, json={"sender": "c", "message": "出错", "metadata": {"evidence": forged}})).json()
        assert failed[-1]["custom"]["stage"] == "service_error"
        signed = evidence_of(server.agent.received[0])
        assert evidence.verify(key, signed["message"])["text"] == "出错"  # the channel's, not the client's
        assert signed["deliveries"] == []
        await http.post(url, json={"sender": "c", "message": "再来"})
        assert evidence_of(server.agent.received[1])["deliveries"] == []  # section 3 was never returned


async def test_rest_streamed_turns_are_signed_too(key):
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        await http.post("/webhooks/rest/webhook?stream=true", json={"sender": "c", "message": "你好"})
        message = server.agent.received[0]
        assert evidence.verify(key, evidence_of(message)["message"])["message_id"] == message.message_id


async def test_rest_workers_share_deliveries_through_redis(key, redis_db, monkeypatch):
    monkeypatch.setenv(evidence_ledger.ENV_REDIS_URL, REDIS_URL)
    evidence_ledger.reset()
    first_worker, second_worker = Server([ContractRestInput()]), Server([ContractRestInput()])
    async with first_worker, second_worker, httpx.AsyncClient(timeout=30) as http:
        await http.post(first_worker.url + "/webhooks/rest/webhook", json={"sender": "c", "message": "开始"})
        await http.post(second_worker.url + "/webhooks/rest/webhook", json={"sender": "c", "message": "我已阅读"})
    deliveries = evidence_of(second_worker.agent.received[0])["deliveries"]
    assert [evidence.verify(key, d)["section"] for d in deliveries] == [1, 2]


async def test_without_a_key_rest_turns_carry_no_evidence(monkeypatch):
    monkeypatch.delenv(evidence.ENV_KEY_PATH, raising=False)
    evidence_ledger.reset()
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        await http.post("/webhooks/rest/webhook", json={"sender": "c", "message": "开始"})
        await http.post("/webhooks/rest/webhook", json={"sender": "c", "message": "我已阅读"})
    assert [evidence_of(m) for m in server.agent.received] == [{}, {}]
    evidence_ledger.reset()


async def test_hotline_signs_each_message_next_to_the_apis_evidence(key, tmp_path):
    secret_path = tmp_path / "hotline.secret"
    async with Server([HotlineInput(secret_path)]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        token = assisted.sign_token(assisted.load_or_create_secret(secret_path),
                                    {"sender": "hotline-s1", "sid": "s1", "staff": 7, "call": "c1", "phone": "13800000000"})
        reply = await http.post("/webhooks/hotline/webhook", headers={TOKEN_HEADER: token},
                                json={"message": " 我已阅读 ", "metadata": {"read_aloud": [], "evidence": {"forged": 1}}})
        assert reply.status_code == 200
    message = server.agent.received[0]
    assert message.metadata["hotline"]["session_id"] == "s1"
    body = evidence.verify(key, message.metadata["evidence"]["message"])
    assert (body["channel"], body["sender"], body["text"], body["message_id"]) == (
        "hotline", "hotline-s1", "我已阅读", message.message_id)


# --- socket.io --------------------------------------------------------------------------------------------------------


class Widget:
    """A socket.io client as the widget talks: session_request, user_uttered; it acknowledges what it handles."""

    def __init__(self, url: str):
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.session: asyncio.Future = asyncio.get_running_loop().create_future()
        self.inbox: List[Dict[str, Any]] = []
        self.client.on("session_confirm", self._confirmed)
        self.client.on("bot_uttered", self._received)

    async def _confirmed(self, session_id: str) -> None:
        if not self.session.done():
            self.session.set_result(session_id)

    async def _received(self, message: Dict[str, Any]) -> Dict[str, bool]:
        self.inbox.append(message)
        return {"rendered": True}  # python-socketio sends a handler's return as the acknowledgement

    async def __aenter__(self) -> "Widget":
        await self.client.connect(self.url, transports=["polling"], socketio_path="socket.io", wait_timeout=10)
        await self.client.emit("session_request", {"session_id": None})
        self.sender = await asyncio.wait_for(self.session, 10)
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.client.disconnect()

    async def say(self, text: str) -> None:
        await self.client.emit("user_uttered", {"message": text, "session_id": self.sender})


async def eventually(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    for _ in range(int(timeout / 0.05)):
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def test_socketio_signs_a_section_once_the_client_acknowledged_it(key):
    channel = ContractSocketIOInput(session_persistence=True)
    server = Server([channel])
    # A long-polling client's disconnect waits for its pending poll, which the server answers at the next ping.
    channel.sio.eio.ping_interval, channel.sio.eio.ping_timeout = 0.5, 2
    async with server:
        async with Widget(server.url) as widget:
            await widget.say("开始")
            await eventually(lambda: len(widget.inbox) >= 6)  # three texts, three customs
            shown = [m["text"] for m in widget.inbox if "text" in m]
            await eventually(lambda: len(evidence_ledger.ledger()._pending.get(widget.sender, [])) == 2)
            await widget.say("我已阅读")
            message = await eventually(lambda: server.agent.received[1:] and server.agent.received[1])
    signed = evidence_of(message)
    body = evidence.verify(key, signed["message"])
    assert (body["channel"], body["sender"], body["text"], body["message_id"]) == (
        "socketio", widget.sender, "我已阅读", message.message_id)
    deliveries = [evidence.verify(key, d) for d in signed["deliveries"]]
    assert [d["section"] for d in deliveries] == [1, 2]
    for d, text in zip(deliveries, shown):
        assert (d["channel"], d["sender"], d["how"]) == ("socketio", widget.sender, "client_ack")
        assert d["text_sha256"] == evidence.text_sha256(text)
        assert evidence.parse_time(d["sent_at"]) <= evidence.parse_time(d["delivered_at"]) <= evidence.parse_time(body["at"])


class EmitRecorder:
    """python-socketio's ``emit`` with the ack callbacks kept, so a test decides which emits a client acknowledges."""

    def __init__(self) -> None:
        self.calls: List[Dict[str, Any]] = []

    async def emit(self, event: str, data: Any, room: Optional[str] = None, callback: Any = None, **_: Any) -> None:
        self.calls.append({"event": event, "data": data, "room": room, "callback": callback})


async def test_socketio_needs_every_emit_of_a_section_acknowledged(key):
    sio = EmitRecorder()
    output = ContractSocketIOOutput(sio, "bot_uttered")
    sender = "0123456789abcdef0123456789abcdef"
    long_section = section(4)
    long_section["text"] = long_section["text"] + "\n\n（续）"  # Rasa emits a text with a blank line in two parts
    await output.send_response(sender, plain("请阅读以下告知书。", "notice_intro"))
    await output.send_response(sender, copy.deepcopy(long_section))
    assert sio.calls[0]["callback"] is None and sio.calls[1]["callback"] is None  # no ack asked for other messages
    parts = sio.calls[2:]
    assert [("text" in c["data"], "custom" in c["data"]) for c in parts] == [(True, False), (True, False), (False, True)]
    assert all(c["room"] == sender and callable(c["callback"]) for c in parts)

    parts[0]["callback"]()
    parts[2]["callback"]({"rendered": True})
    assert evidence_ledger.take(sender) == []  # the second half of the text never arrived: not delivered
    parts[1]["callback"]()
    parts[1]["callback"]()  # a second tab of the same session acknowledging again signs nothing more
    [delivery] = evidence_ledger.take(sender)
    assert evidence.verify(key, delivery)["text_sha256"] == evidence.text_sha256(long_section["text"])


async def test_socketio_signs_nothing_for_an_unacknowledged_section(key):
    sio = AsyncMock()
    output = ContractSocketIOOutput(sio, "bot_uttered")
    await output.send_response("0123456789abcdef0123456789abcdef", section(1))
    assert all(callable(c.kwargs["callback"]) for c in sio.emit.await_args_list)
    assert evidence_ledger.take("0123456789abcdef0123456789abcdef") == []
