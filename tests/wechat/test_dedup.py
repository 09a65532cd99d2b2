"""dedup.py: claims are atomic and expire; per-citizen choices and owed texts (retries -> one turn)."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import uuid

import pytest

from bot.channels.wechat.dedup import (
    ANSWERED_SUCCESS,
    PROCESSING,
    CitizenState,
    MessageLedger,
    RedisStore,
    SQLiteStore,
    evidence_message_id,
    message_key,
)
from bot.channels.wechat.render import Choice, Outgoing
from wechatpy import parse_message


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", int(os.environ.get("GZ_REDIS_PORT", "6379"))), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(params=["sqlite", "redis"])
async def store(request, tmp_path):
    if request.param == "sqlite":
        yield SQLiteStore(tmp_path / "wechat.db")
        return
    if not redis_reachable():
        pytest.skip("Redis not running on 127.0.0.1")
    s = RedisStore(f"redis://127.0.0.1:{os.environ.get('GZ_REDIS_PORT', '6379')}/3", prefix=f"test:{uuid.uuid4().hex}:")
    yield s
    await s.close()


async def test_sqlite_claim_expires(tmp_path):
    clock = Clock()
    store = SQLiteStore(tmp_path / "wechat.db", clock=clock)
    assert await store.claim("dedup:msg:1", PROCESSING, ttl=600)
    assert not await store.claim("dedup:msg:1", PROCESSING, ttl=600)  # WeChat's retry
    clock.now += 599
    assert await store.get("dedup:msg:1") == PROCESSING
    assert not await store.claim("dedup:msg:1", PROCESSING, ttl=600)
    clock.now += 2  # past the expiry
    assert await store.get("dedup:msg:1") is None
    assert await store.claim("dedup:msg:1", PROCESSING, ttl=600)


async def test_sqlite_expired_rows_are_purged(tmp_path):
    clock = Clock()
    store = SQLiteStore(tmp_path / "wechat.db", clock=clock)
    for n in range(50):
        await store.claim(f"dedup:msg:{n}", PROCESSING, ttl=10)
    clock.now += 11
    await store.claim("dedup:msg:new", PROCESSING, ttl=10)
    import sqlite3

    with sqlite3.connect(tmp_path / "wechat.db") as db:
        assert db.execute("SELECT COUNT(*) FROM wechat_store").fetchone()[0] == 1


async def test_sqlite_is_shared_between_store_instances(tmp_path):
    a, b = SQLiteStore(tmp_path / "wechat.db"), SQLiteStore(tmp_path / "wechat.db")
    assert await a.claim("k", "1", ttl=60)
    assert not await b.claim("k", "1", ttl=60)


async def test_redis_claim_expires():
    if not redis_reachable():
        pytest.skip("Redis not running on 127.0.0.1")
    store = RedisStore(f"redis://127.0.0.1:{os.environ.get('GZ_REDIS_PORT', '6379')}/3", prefix=f"test:{uuid.uuid4().hex}:")
    try:
        assert await store.claim("k", PROCESSING, ttl=0.3)
        assert not await store.claim("k", PROCESSING, ttl=0.3)
        await asyncio.sleep(0.5)
        assert await store.claim("k", PROCESSING, ttl=0.3)
    finally:
        await store.close()


async def test_concurrent_claims_have_one_winner(store):
    results = await asyncio.gather(*(store.claim("dedup:msg:42", PROCESSING, ttl=60) for _ in range(10)))
    assert results.count(True) == 1


async def test_take_and_conditional_delete(store):
    await store.put("a", "1", ttl=60)
    assert await store.take("a") == "1"
    assert await store.take("a") is None
    await store.put("b", "x", ttl=60)
    assert not await store.delete("b", only_if="y")
    assert await store.delete("b", only_if="x")
    assert await store.get("b") is None


async def test_ledger_outcomes(store):
    ledger = MessageLedger(store, ttl=60)
    assert await ledger.first_arrival("msg:7")
    assert await ledger.outcome("msg:7") == (PROCESSING, None)
    assert not await ledger.first_arrival("msg:7")
    await ledger.record_passive_reply("msg:7", "您好")
    assert await ledger.outcome("msg:7") == ("passive", "您好")
    await ledger.record_answered_success("msg:7")
    assert await ledger.outcome("msg:7") == (ANSWERED_SUCCESS, None)


async def test_citizen_choices_and_owed_texts(store):
    citizens = CitizenState(store)
    await citizens.remember_choices("o1", [Choice("yes", "是"), Choice("no", "否")], keep_previous=False)
    assert [c.value for c in await citizens.choices("o1")] == ["yes", "no"]
    await citizens.remember_choices("o1", None, keep_previous=True)
    assert [c.value for c in await citizens.choices("o1")] == ["yes", "no"]
    await citizens.remember_choices("o1", None, keep_previous=False)
    assert await citizens.choices("o1") is None
    await citizens.owe("o1", ["第一段"])
    notice = {"text": "告知书（1/7）一：内容", "custom": {"stage": "notice_section", "index": 1}, "sent_at": "t"}
    await citizens.owe("o1", [Outgoing("第二段"), Outgoing("告知书（1/7）一：内容", notice)])
    assert await citizens.take_owed("o1") == [Outgoing("第一段"), Outgoing("第二段"), Outgoing("告知书（1/7）一：内容", notice)]
    assert await citizens.take_owed("o1") == []


async def test_outbox_of_plain_texts_is_still_read(store):
    await store.put("outbox:o2", json.dumps(["旧的一段"], ensure_ascii=False), ttl=60)
    assert await CitizenState(store).take_owed("o2") == [Outgoing("旧的一段")]


async def test_passive_notices_outlive_the_first_read(store):
    ledger = MessageLedger(store, ttl=60)
    assert await ledger.passive_notices("msg:9") == []
    notices = [{"text": "告知书（1/1）一：内容", "custom": {"stage": "notice_section"}, "sent_at": "t"}]
    await ledger.record_passive_notices("msg:9", notices)
    assert await ledger.passive_notices("msg:9") == notices
    assert await ledger.passive_notices("msg:9") == notices  # a second retry returns the same reply


def test_message_keys():
    text = parse_message(
        "<xml><ToUserName>gh</ToUserName><FromUserName>oA</FromUserName><CreateTime>1700000000</CreateTime>"
        "<MsgType>text</MsgType><Content>hi</Content><MsgId>1234567890123456</MsgId></xml>"
    )
    assert message_key(text) == "msg:1234567890123456"
    event = parse_message(
        "<xml><ToUserName>gh</ToUserName><FromUserName>oA</FromUserName><CreateTime>1700000000</CreateTime>"
        "<MsgType>event</MsgType><Event>subscribe</Event></xml>"
    )
    assert message_key(event) == "evt:oA:1700000000:subscribe"  # events have no MsgId
    assert evidence_message_id(text) == "1234567890123456"


def _text_without_msg_id(openid: str, create_time: int, content: str = "hi"):
    return parse_message(
        f"<xml><ToUserName>gh</ToUserName><FromUserName>{openid}</FromUserName><CreateTime>{create_time}</CreateTime>"
        f"<MsgType>text</MsgType><Content>{content}</Content></xml>"
    )


def test_messages_without_msg_id_are_keyed_by_sender_and_time():
    a, b = _text_without_msg_id("oA", 1700000000), _text_without_msg_id("oB", 1700000000)
    assert message_key(a) != message_key(b)  # two citizens at the same second are two messages
    assert message_key(a) == message_key(_text_without_msg_id("oA", 1700000000, "hi"))  # WeChat's retry
    assert message_key(a) != message_key(_text_without_msg_id("oA", 1700000001))
    # The signed message id is stable across retries, differs per citizen and does not show the openid.
    assert evidence_message_id(a) == evidence_message_id(_text_without_msg_id("oA", 1700000000))
    assert evidence_message_id(a) != evidence_message_id(b)
    assert "oA" not in evidence_message_id(a) and evidence_message_id(a).startswith("wx-")
