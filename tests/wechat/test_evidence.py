"""The WeChat channel signs what arrives and signs a notice section as delivered only once WeChat has it.

The channel is the real one (served by a real Sanic server on a free loopback port where the passive reply
matters, else called as the webhook calls it), the customer-service API is the fake WeChat server on loopback
(real HTTP, with a configurable answer delay), and the key is a real HMAC key. Only Rasa is replaced, by a script
that utters real notice sections of the catalogue through the channel's output exactly as Rasa's processor does
(``output_channel.send_response``), so every envelope here is signed by the channel code under test.
"""
from __future__ import annotations

import asyncio
import copy
import socket
import time
import uuid
from typing import Any, Callable, Dict, List, Optional

import httpx
import pytest
import xmltodict
from rasa.core.channels.channel import UserMessage
from sanic import Sanic
from wechatpy import parse_message

from actions import messages
from bot.channels import evidence_ledger
from bot.core import evidence
from bot.core.catalogue import load_catalogue
from bot.channels.wechat.channel import WeChatInput, WeChatSettings
from bot.channels.wechat.dedup import SQLiteStore
from bot.channels.wechat.render import VOICE_UNHEARD_TEXT
from tests.wechat.conftest import signed_query
from tests.wechat.fake_wechat import FakeWeChat

APP_ID, SECRET, TOKEN = "wx_evidence_test", "secret", "evidence_token"
DEADLINE = 0.8
OPENID = "oEvidenceTest00000000000000"
ITEM = load_catalogue()["ZM001"]
TOTAL = len(ITEM.notice)


def section(index: int) -> Dict[str, Any]:
    """A notice section as Rasa's processor hands it to the output channel (BotUttered.message())."""
    text, custom = messages.notice_section(ITEM, index)
    return {"text": text, "custom": custom}


def plain(text: str) -> Dict[str, Any]:
    return {"text": text, "custom": {"stage": "ask", "slot": "notice_ack"}}


def notice_script(text: str) -> List[Dict[str, Any]]:
    if text == "13800138000":  # the whole notice: too long for one passive reply
        return [section(n) for n in range(1, TOTAL + 1)] + [plain("请您阅读以上告知书。")]
    if text == "第一部分":  # one section: fits a passive reply
        return [section(1), plain("请继续阅读。")]
    return [plain(f"收到：{text}")]


class ScriptedRasa:
    """Records the UserMessages that reached "Rasa" and answers each with ``script(text)``."""

    def __init__(self, script: Callable[[str], List[Dict[str, Any]]] = notice_script):
        self.script = script
        self.received: List[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        for reply in self.script(message.text):
            await message.output_channel.send_response(message.sender_id, copy.deepcopy(reply))

    def evidence(self, index: int = -1) -> Dict[str, Any]:
        return (self.received[index].metadata or {}).get("evidence") or {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
def fake():
    server = FakeWeChat(APP_ID, SECRET).start()
    yield server
    server.stop()


def make_channel(api_base_url: str, tmp_path) -> WeChatInput:
    settings = WeChatSettings.from_credentials(
        {"token": TOKEN, "app_id": APP_ID, "app_secret": SECRET, "api_base_url": api_base_url,
         "reply_deadline_seconds": DEADLINE},
        env={},
    )
    return WeChatInput(settings, store=SQLiteStore(tmp_path / f"wechat-{uuid.uuid4().hex[:6]}.db"))


def xml(openid: str, kind: str, body: str, msg_id: Optional[int], create_time: Optional[int] = None) -> str:
    msg_id_xml = f"<MsgId>{msg_id}</MsgId>" if msg_id else ""
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[{kind}]]></MsgType>"
        f"{body}{msg_id_xml}</xml>"
    )


def text_xml(content: str, msg_id: Optional[int], openid: str = OPENID, create_time: Optional[int] = None) -> str:
    return xml(openid, "text", f"<Content><![CDATA[{content}]]></Content>", msg_id, create_time)


def voice_xml(recognition: str, msg_id: int, openid: str = OPENID) -> str:
    body = f"<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[{recognition}]]></Recognition>"
    return xml(openid, "voice", body, msg_id)


async def say(channel: WeChatInput, rasa: ScriptedRasa, content: str, msg_id: int) -> Optional[str]:
    return await channel.answer(parse_message(text_xml(content, msg_id)), rasa, time.monotonic())


async def settled(channel: WeChatInput, timeout: float = 30.0) -> None:
    """Until the channel's background deliveries (customer-service sends and what follows them) are done."""
    deadline = time.monotonic() + timeout
    while channel._background:
        assert time.monotonic() < deadline, "customer-service delivery still running"
        await asyncio.sleep(0.05)


def verified(key: bytes, signed: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [evidence.verify(key, envelope) for envelope in signed.get("deliveries") or []]


def check_section_delivery(delivery: Dict[str, Any], how: str, message_at: str) -> None:
    index = delivery["section"]
    assert (delivery["channel"], delivery["sender"], delivery["how"]) == ("wechat", OPENID, how)
    assert (delivery["item_code"], delivery["notice_version"], delivery["total"]) == (ITEM.code, ITEM.notice_version, TOTAL)
    title, text = ITEM.notice[index - 1].title, ITEM.notice[index - 1].text
    assert delivery["text_sha256"] == evidence.text_sha256(evidence.notice_section_text(index, TOTAL, title, text))
    sent_at, delivered_at = evidence.parse_time(delivery["sent_at"]), evidence.parse_time(delivery["delivered_at"])
    assert sent_at <= delivered_at <= evidence.parse_time(message_at)


# --- customer-service messages ------------------------------------------------------------------------------


async def test_sections_count_as_delivered_only_once_wechat_accepted_them(key, fake, tmp_path):
    fake.accept_delay = 0.4  # WeChat answers each customer-service send only after this long
    channel, rasa = make_channel(fake.url, tmp_path), ScriptedRasa()
    assert await say(channel, rasa, "13800138000", 101) is None  # "success": the notice follows as kf messages
    await settled(channel)
    accepted = [m for m in fake.sent if m.touser == OPENID and m.errcode == 0]
    assert 2 <= len(accepted) <= 5

    await say(channel, rasa, "已阅读", 102)
    signed = rasa.evidence()
    message = evidence.verify(key, signed["message"])
    assert (message["channel"], message["sender"], message["message_id"], message["text"]) == ("wechat", OPENID, "102", "已阅读")
    assert rasa.received[-1].message_id == "102"  # Rasa's user event carries the id that was signed
    deliveries = verified(key, signed)
    assert sorted(d["section"] for d in deliveries) == list(range(1, TOTAL + 1))
    for delivery in deliveries:
        check_section_delivery(delivery, "customer_service_api", message["at"])
        sent_at, delivered_at = evidence.parse_time(delivery["sent_at"]), evidence.parse_time(delivery["delivered_at"])
        assert (delivered_at - sent_at).total_seconds() >= fake.accept_delay
        # Not before WeChat answered the send that carried the section's last words.
        tail = ITEM.notice[delivery["section"] - 1].text[-12:]
        carrier = next(m for m in accepted if tail in m.content.replace("\n", ""))
        assert delivered_at.timestamp() >= carrier.at - 0.01

    await say(channel, rasa, "好", 103)
    assert rasa.evidence()["deliveries"] == []  # each delivery travels once


@pytest.mark.parametrize("failure", ["unreachable", 45015, 45047, 40003])
async def test_refused_or_unreachable_sends_record_no_delivery(key, fake, tmp_path, failure):
    if failure == "unreachable":
        channel = make_channel(f"http://127.0.0.1:{free_port()}", tmp_path)  # nothing listens there
    else:
        channel = make_channel(fake.url, tmp_path)
        fake.fail_next(failure, times=1 if failure in (45015, 45047) else 2)  # other codes are retried once
    rasa = ScriptedRasa()
    assert await say(channel, rasa, "13800138000", 201) is None
    await settled(channel)
    assert fake.delivered(OPENID) == []

    # The conversation goes on, but the next message carries no delivery: nothing reached the citizen.
    await say(channel, rasa, "已阅读", 202)
    assert evidence.verify(key, rasa.evidence()["message"])["text"] == "已阅读"
    assert rasa.evidence()["deliveries"] == []
    await settled(channel)

    # The kept sections led that reply; once WeChat accepts them, they are signed as delivered, then.
    await say(channel, rasa, "好", 203)
    deliveries = verified(key, rasa.evidence())
    if failure == "unreachable":
        assert deliveries == []
        return
    assert sorted(d["section"] for d in deliveries) == list(range(1, TOTAL + 1))
    first_attempt = min(m.at for m in fake.attempts(OPENID))
    for delivery in deliveries:
        check_section_delivery(delivery, "customer_service_api", evidence.verify(key, rasa.evidence()["message"])["at"])
        assert evidence.parse_time(delivery["delivered_at"]).timestamp() > first_attempt


async def test_a_section_pushed_outside_a_turn_is_signed_once_accepted(key, fake, tmp_path):
    channel, rasa = make_channel(fake.url, tmp_path), ScriptedRasa()
    push = channel.get_output_channel()
    await push.send_response(OPENID, section(2))  # as Rasa's processor hands over a bot event
    await push.send_response(OPENID, {"text": "人工服务已结束。"})
    assert fake.delivered(OPENID) == [section(2)["text"], "人工服务已结束。"]
    fake.fail_next(45015)
    await push.send_response(OPENID, section(3))  # refused: kept for the next reply, not signed
    await say(channel, rasa, "好", 501)
    signed = rasa.evidence()
    deliveries = verified(key, signed)
    assert [d["section"] for d in deliveries] == [2]
    check_section_delivery(deliveries[0], "customer_service_api", evidence.verify(key, signed["message"])["at"])


# --- the webhook on a real server: passive replies, messages without MsgId, voice --------------------------------


@pytest.fixture(autouse=True)
def several_sanic_apps(monkeypatch):
    # Sanic rewrites its own methods when the first app starts; in test mode it keeps the originals, so that
    # several apps can be started (and stopped) in one process.
    monkeypatch.setattr(Sanic, "test_mode", True)


class Webhook:
    """The channel's blueprint served by a real Sanic server, spoken to the way WeChat's servers do."""

    def __init__(self, channel: WeChatInput, rasa: ScriptedRasa):
        self.app = Sanic(f"wechat_evidence_{uuid.uuid4().hex}")
        self.app.blueprint(channel.blueprint(rasa), url_prefix="/webhooks/wechat")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/webhooks/wechat/webhook"
        self.http = httpx.AsyncClient(timeout=30)

    async def __aenter__(self) -> "Webhook":
        self.server = await self.app.create_server(
            host="127.0.0.1", port=self.port, return_asyncio_server=True, access_log=False
        )
        await self.server.startup()
        await self.server.before_start()
        await self.server.after_start()
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.http.aclose()
        await self.server.before_stop()
        self.server.close()
        await self.server.wait_closed()
        await self.server.after_stop()

    async def post(self, body: str) -> Optional[str]:
        """The passive reply's text, or None for "success"."""
        response = await self.http.post(self.url, params=signed_query(TOKEN), content=body.encode("utf-8"))
        assert response.status_code == 200, response.text
        if response.text == "success":
            return None
        return xmltodict.parse(response.text)["xml"]["Content"]


async def test_a_passive_reply_delivers_its_section_when_the_response_is_returned(key, fake, tmp_path):
    channel, rasa = make_channel(fake.url, tmp_path), ScriptedRasa()
    async with Webhook(channel, rasa) as hook:
        started = evidence.now_iso()
        reply = await hook.post(text_xml("第一部分", 301))
        assert reply is not None and section(1)["text"] in reply  # one passive reply, no kf message
        returned = evidence.now_iso()
        assert fake.sent == []
        await hook.post(text_xml("已阅读", 302))
    signed = rasa.evidence()
    deliveries = verified(key, signed)
    assert [d["section"] for d in deliveries] == [1]
    check_section_delivery(deliveries[0], "response_returned", evidence.verify(key, signed["message"])["at"])
    assert started <= deliveries[0]["sent_at"] <= deliveries[0]["delivered_at"] <= returned


async def test_messages_without_msg_id_are_told_apart_by_sender_and_time(key, fake, tmp_path):
    channel, rasa = make_channel(fake.url, tmp_path), ScriptedRasa()
    other = "oEvidenceOther0000000000000"
    moment = int(time.time())
    async with Webhook(channel, rasa) as hook:
        first = await hook.post(text_xml("你好", None, OPENID, moment))
        second = await hook.post(text_xml("你好", None, other, moment))  # another citizen, the same second
        retry = await hook.post(text_xml("你好", None, OPENID, moment))  # WeChat's retry of the first
    assert first == second == retry == "收到：你好"
    assert [(m.sender_id, m.text) for m in rasa.received] == [(OPENID, "你好"), (other, "你好")]
    ids = [evidence.verify(key, rasa.evidence(n)["message"])["message_id"] for n in (0, 1)]
    assert ids == [m.message_id for m in rasa.received] and ids[0] != ids[1]
    assert all(OPENID not in i and other not in i for i in ids)


async def test_voice_with_recognition_is_handled_as_its_text(key, fake, tmp_path):
    channel, rasa = make_channel(fake.url, tmp_path), ScriptedRasa()
    async with Webhook(channel, rasa) as hook:
        reply = await hook.post(voice_xml("我想申请公租房。", 401))
        unheard = await hook.post(voice_xml("", 402))
    assert reply == "收到：我想申请公租房。"
    assert unheard == VOICE_UNHEARD_TEXT  # nothing was recognised: asked again, and Rasa never saw it
    assert [m.text for m in rasa.received] == ["我想申请公租房。"]
    signed = evidence.verify(key, rasa.evidence()["message"])
    assert (signed["text"], signed["message_id"]) == ("我想申请公租房。", "401")
    assert rasa.received[0].metadata["wechat_msg_type"] == "voice"
