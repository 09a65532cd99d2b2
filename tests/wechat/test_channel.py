"""WeChatInput.answer with a scripted stand-in for Rasa's message handler and the fake WeChat API server:
the 5-second rule's branches with a short deadline, retries during a turn, a hung-up request, overflow
and "继续", numbers mapped back to option values."""
from __future__ import annotations

import asyncio
import time
from typing import Callable, List

import pytest
from wechatpy import parse_message

from bot.channels.wechat.channel import WeChatInput, WeChatSettings
from bot.channels.wechat.dedup import SQLiteStore
from bot.channels.wechat.render import CONTINUE_HINT, TEXT_LIMIT_BYTES, utf8_len
from rasa.core.channels.channel import UserMessage
from tests.wechat.fake_wechat import FakeWeChat

APP_ID, SECRET = "wx_channel_test", "secret"
DEADLINE = 0.6
OPENID = "oChannelTest000000000000000"


@pytest.fixture
def fake():
    server = FakeWeChat(APP_ID, SECRET).start()
    yield server
    server.stop()


@pytest.fixture
def channel(fake, tmp_path):
    settings = WeChatSettings.from_credentials(
        {"token": "t", "app_id": APP_ID, "app_secret": SECRET, "api_base_url": fake.url, "reply_deadline_seconds": DEADLINE},
        env={},
    )
    return WeChatInput(settings, store=SQLiteStore(tmp_path / "wechat.db"))


class ScriptedRasa:
    """Records what reached "Rasa" and answers with ``reply(text)`` after ``delay`` seconds."""

    def __init__(self, reply: Callable[[str], List[dict]], delay: float = 0.0):
        self.reply = reply
        self.delay = delay
        self.received: List[str] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message.text)
        await asyncio.sleep(self.delay)
        for m in self.reply(message.text):
            if "text" in m:
                await message.output_channel.send_text_message(message.sender_id, m["text"])
            if "custom" in m:
                await message.output_channel.send_custom_json(message.sender_id, m["custom"])


def text_message(content: str, msg_id: int) -> object:
    return parse_message(
        f"<xml><ToUserName>gh</ToUserName><FromUserName>{OPENID}</FromUserName><CreateTime>{int(time.time())}</CreateTime>"
        f"<MsgType>text</MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


async def answer(channel, rasa, content, msg_id):
    return await channel.answer(text_message(content, msg_id), rasa, time.monotonic())


async def wait_delivered(fake, count, timeout=10.0, quiet=0.5):
    """All messages delivered so far, once there are at least ``count`` and no more come for ``quiet`` s."""
    deadline = time.monotonic() + timeout
    seen, since = -1, time.monotonic()
    while True:
        assert time.monotonic() < deadline, f"only {fake.delivered(OPENID)}"
        now = len(fake.delivered(OPENID))
        if now != seen:
            seen, since = now, time.monotonic()
        elif now >= count and time.monotonic() - since >= quiet:
            return fake.delivered(OPENID)
        await asyncio.sleep(0.05)


async def test_quick_turn_is_one_passive_reply_merging_the_texts(channel, fake):
    rasa = ScriptedRasa(lambda t: [{"text": "第一句。"}, {"text": "第二句。"}])
    assert await answer(channel, rasa, "你好", 1) == "第一句。\n\n第二句。"
    assert await answer(channel, rasa, "你好", 1) == "第一句。\n\n第二句。"  # WeChat's retry: same reply
    assert rasa.received == ["你好"] and fake.sent == []


async def test_slow_turn_answers_success_then_customer_service(channel, fake):
    rasa = ScriptedRasa(lambda t: [{"text": "慢慢来的回答。"}], delay=DEADLINE + 0.5)
    started = time.monotonic()
    assert await answer(channel, rasa, "你好", 2) is None
    assert time.monotonic() - started < DEADLINE + 0.3
    assert await wait_delivered(fake, 1) == ["慢慢来的回答。"]
    assert await answer(channel, rasa, "你好", 2) is None  # a late retry: no second turn, no second message
    await asyncio.sleep(DEADLINE + 0.8)
    assert rasa.received == ["你好"] and fake.delivered(OPENID) == ["慢慢来的回答。"]


async def test_retry_during_the_turn_waits_for_the_same_reply(channel, fake):
    rasa = ScriptedRasa(lambda t: [{"text": "好的。"}], delay=DEADLINE / 3)
    first, retry = await asyncio.gather(answer(channel, rasa, "你好", 3), answer(channel, rasa, "你好", 3))
    assert first == retry == "好的。"
    assert rasa.received == ["你好"]


async def test_hung_up_request_is_still_answered(channel, fake):
    rasa = ScriptedRasa(lambda t: [{"text": "挂断后也送达。"}], delay=0.3)
    request = asyncio.ensure_future(answer(channel, rasa, "你好", 4))
    await asyncio.sleep(0.1)
    request.cancel()  # WeChat (or a proxy) dropped the connection mid-turn
    with pytest.raises(asyncio.CancelledError):
        await request
    assert await wait_delivered(fake, 1) == ["挂断后也送达。"]
    assert rasa.received == ["你好"]


async def test_long_quick_turn_goes_out_as_at_most_five_messages(channel, fake):
    sections = [f"告知书（{n}/7）" + "本条内容较长。" * 60 for n in range(1, 8)]  # 7 x ~1290 bytes
    rasa = ScriptedRasa(lambda t: [{"text": s} for s in sections])
    assert await answer(channel, rasa, "13800138000", 5) is None  # too long for one passive reply
    delivered = await wait_delivered(fake, 5)
    assert len(delivered) == 5 and all(utf8_len(m) <= TEXT_LIMIT_BYTES for m in delivered)
    joined = "".join(delivered)
    assert [joined.index(f"告知书（{n}/7）") for n in range(1, 8)] == sorted(joined.index(f"告知书（{n}/7）") for n in range(1, 8))
    assert CONTINUE_HINT not in joined


async def test_overflow_is_kept_and_continue_delivers_it_without_a_turn(channel, fake):
    texts = [f"第{n}段。" + "句子。" * 300 for n in range(1, 9)]  # ~21600 bytes: more than 5 x 2048
    rasa = ScriptedRasa(lambda t: [{"text": x} for x in texts])
    assert await answer(channel, rasa, "再说一遍", 6) is None
    first = await wait_delivered(fake, 5)
    assert first[-1].endswith(CONTINUE_HINT)
    delivered = first
    for msg_id in range(7, 10):  # 21600 bytes: two more "继续" (5 messages each at most)
        if not delivered[-1].endswith(CONTINUE_HINT):
            break
        passive = await answer(channel, rasa, "继续", msg_id)
        if passive:  # the last part fits one passive reply
            delivered = delivered + [passive]
            break
        delivered = await wait_delivered(fake, len(delivered) + 1)
    assert not delivered[-1].endswith(CONTINUE_HINT) and 10 < len(delivered) <= 15
    assert rasa.received == ["再说一遍"]  # "继续" never reached Rasa
    whole = "".join(delivered).replace(CONTINUE_HINT, "").replace("\n", "")
    assert whole == "".join(texts)


async def test_number_is_mapped_to_the_last_options(channel, fake):
    def bot(text):
        if text == "开始":
            return [{"text": "请问您是本人办理，还是代他人办理？"}, {"custom": {"stage": "ask", "slot": "acting_as", "options": ["self", "proxy"]}}]
        return [{"text": "请告诉我申请人的姓名。"}, {"custom": {"stage": "ask", "slot": "applicant_name"}}]

    rasa = ScriptedRasa(bot)
    reply = await answer(channel, rasa, "开始", 8)
    assert "回复 2 选择：代他人办理" in reply
    await answer(channel, rasa, "２", 9)
    await answer(channel, rasa, "2", 10)  # no options pending any more: passes through as typed
    assert rasa.received == ["开始", "proxy", "2"]


async def test_rasa_failure_gets_a_polite_text(channel, fake):
    async def broken(message):
        raise RuntimeError("tracker store down")

    reply = await channel.answer(text_message("你好", 11), broken, time.monotonic())
    assert "繁忙" in reply and "保存" in reply
