"""bot/channels/message_guard.py: an over-long message is answered, not processed; lone surrogates become U+FFFD."""
from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import message_guard


async def rasa_own(processor, message):
    """Stands in for Rasa's MessageProcessor.handle_message: records what reached it."""
    processor.append(message.text)
    await message.output_channel.send_text_message(message.sender_id, "ok")
    return message.output_channel.messages


def run(text):
    seen = []
    replies = asyncio.run(message_guard.guarded(rasa_own)(seen, UserMessage(text, CollectingOutputChannel(), "citizen")))
    return seen, [r["text"] for r in replies]


def test_over_long_message_is_answered_and_not_processed():  # P4: the conversation stays where it was
    assert run("啊" * (message_guard.MAX_MESSAGE_CHARS + 1)) == ([], [message_guard.TOO_LONG])


def test_message_at_the_limit_is_processed():
    text = "啊" * message_guard.MAX_MESSAGE_CHARS
    assert run(text) == ([text], ["ok"])


def test_lone_surrogates_become_replacement_characters():  # the action server can send the text to the API
    seen, _ = run("\ud800本人承诺\udfff")
    assert seen == ["\ufffd本人承诺\ufffd"]
    seen[0].encode("utf-8")


def test_install_wraps_rasa_once():
    from rasa.core.processor import MessageProcessor

    message_guard.install()
    first = MessageProcessor.handle_message
    message_guard.install()
    assert MessageProcessor.handle_message is first and first.__name__ == "guarded_handle_message"


# --- flood control (bot/channels/flood.py) ----------------------------------------------------------------------------------

import time  # noqa: E402
import uuid  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402
from wechatpy import parse_message  # noqa: E402

from bot.channels import flood  # noqa: E402
from bot.channels.rest import ContractRestInput  # noqa: E402
from bot.channels.widget import ContractSocketIOInput  # noqa: E402
from bot.channels.wechat.channel import WeChatInput, WeChatSettings  # noqa: E402
from bot.channels.wechat.dedup import SQLiteStore  # noqa: E402
from tests.bot.test_evidence_channels import (  # noqa: E402,F401  (real Sanic servers; their fixtures)
    REDIS_URL,
    Server,
    Widget,
    eventually,
    key,
    redis_db,
    several_sanic_apps,
)

SENDER, ADDRESS = flood.Limit(per_minute=6, burst=3), flood.Limit(per_minute=60, burst=5)


@pytest.fixture
def strict(monkeypatch):
    """The process's flood guard with small limits: 3 messages per sender at once, 5 per address."""
    monkeypatch.setenv(flood.ENV_SENDER_PER_MINUTE, "6")
    monkeypatch.setenv(flood.ENV_SENDER_BURST, "3")
    monkeypatch.setenv(flood.ENV_ADDRESS_PER_MINUTE, "60")
    monkeypatch.setenv(flood.ENV_ADDRESS_BURST, "5")
    monkeypatch.delenv(flood.ENV_REDIS_URL, raising=False)
    monkeypatch.delenv(flood.ENV_TRUSTED_PROXIES, raising=False)
    flood.reset()
    yield monkeypatch
    flood.reset()


def guard_at(clock, **settings) -> flood.FloodGuard:
    values = {"sender": SENDER, "address": ADDRESS, "redis_url": "", "trusted_proxies": ()}
    values.update(settings)
    return flood.FloodGuard(flood.Settings(**values), flood.MemoryBuckets(clock=clock))


def test_a_sender_gets_its_burst_then_one_message_per_refill():
    now = [1000.0]
    guard = guard_at(lambda: now[0])
    assert [guard.admit("a") for _ in range(5)] == [True, True, True, False, False]
    assert guard.admit("b")  # another conversation has its own bucket
    now[0] += 9.9  # 6 a minute: one token every 10 s
    assert not guard.admit("a")
    now[0] += 0.2
    assert guard.admit("a") and not guard.admit("a")
    now[0] += 3600  # never more than the burst, however long the pause
    assert [guard.admit("a") for _ in range(4)] == [True, True, True, False]


def test_new_sender_ids_from_one_address_stop_at_the_address_limit_and_a_refusal_costs_nothing():
    now = [0.0]
    guard = guard_at(lambda: now[0])
    assert [guard.admit(f"s{n}", "198.51.100.7") for n in range(7)] == [True] * 5 + [False] * 2
    assert guard.admit("s0", "198.51.100.8")  # another address; s0 still had tokens
    # The refused messages took nothing from their senders: once the address refills, s5 has its whole burst.
    now[0] += 60
    assert [guard.admit("s5", "198.51.100.7") for _ in range(4)] == [True, True, True, False]


def test_this_machine_and_a_proxy_naming_nobody_have_no_address_bucket():
    guard = guard_at(lambda: 0.0, trusted_proxies=flood.parse_networks("10.0.0.0/8"))
    for address in ("127.0.0.1", "::1", "10.1.2.3"):
        assert all(guard.admit(f"{address}-{n}", address) for n in range(20)), address
    assert [guard.admit(f"x{n}", "203.0.113.9") for n in range(6)] == [True] * 5 + [False]


def test_a_limit_of_zero_switches_that_bucket_off():
    guard = guard_at(lambda: 0.0, sender=flood.Limit(0, 3))
    assert all(guard.admit("a") for _ in range(50))


def test_forwarded_for_is_read_from_the_right_and_only_from_trusted_proxies():
    proxies = flood.parse_networks("127.0.0.1, 10.0.0.0/8")
    assert flood.client_address("203.0.113.5", "1.2.3.4", proxies) == "203.0.113.5"  # peer not a proxy
    assert flood.client_address("127.0.0.1", None, proxies) == "127.0.0.1"
    assert flood.client_address("127.0.0.1", "198.51.100.7", proxies) == "198.51.100.7"
    # What the client wrote itself is left of what the proxies appended: never reached.
    assert flood.client_address("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", proxies) == "198.51.100.7"
    assert flood.client_address("127.0.0.1", "unknown, 10.0.0.2", proxies) == "10.0.0.2"
    assert flood.client_address("127.0.0.1", "1.1.1.1", ()) == "127.0.0.1"  # nothing trusted: nothing read


def test_unusable_settings_stop_the_start():
    for name, value in ((flood.ENV_SENDER_BURST, "many"), (flood.ENV_ADDRESS_PER_MINUTE, "-1"),
                        (flood.ENV_TRUSTED_PROXIES, "10.0.0.0/33"), (flood.ENV_SENDER_PER_MINUTE, "nan")):
        with pytest.raises(flood.ConfigError):
            flood.Settings.from_env({name: value})
    defaults = flood.Settings.from_env({})
    assert (defaults.sender, defaults.address) == (flood.Limit(20, 8), flood.Limit(120, 40))


def test_memory_buckets_are_bounded():
    buckets = flood.MemoryBuckets(clock=lambda: 0.0, max_buckets=100)
    guard = flood.FloodGuard(flood.Settings(SENDER, ADDRESS, "", ()), buckets)
    for n in range(1000):
        guard.admit(f"s{n}")
    assert len(buckets) == 100


def test_replicas_share_the_buckets_in_redis(redis_db):
    settings = flood.Settings(SENDER, ADDRESS, REDIS_URL, ())
    replicas = [flood.FloodGuard(settings), flood.FloodGuard(settings)]
    answers = [replicas[n % 2].admit("citizen-x", "198.51.100.7") for n in range(5)]
    assert answers == [True, True, True, False, False]
    assert [replicas[n % 2].admit(f"other{n}", "198.51.100.7") for n in range(4)] == [True, True, False, False]
    keys = [k.decode() for k in redis_db.keys("*")]
    assert keys and all(k.startswith(flood.REDIS_PREFIX) for k in keys)
    assert not any("citizen-x" in k or "198.51.100.7" in k for k in keys)  # digests, not the sender or address
    assert all(0 < redis_db.ttl(k) <= 61 for k in keys)  # gone once the bucket would be full again


def test_without_redis_messages_are_admitted():
    guard = flood.FloodGuard(flood.Settings(SENDER, ADDRESS, "redis://127.0.0.1:9/0", ()))
    assert all(guard.admit("a") for _ in range(10))


# --- the channels, over real HTTP and socket.io ----------------------------------------------------------------------


async def test_rest_answers_a_flood_politely_and_hands_none_of_it_to_rasa(key, strict):
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        url = "/webhooks/rest/webhook"
        answers = [(await http.post(url, json={"sender": "c", "message": f"第{n}条"})).json() for n in range(5)]
        assert [m["text"] for a in answers[:3] for m in a if "text" in m] == ["好的"] * 3
        assert answers[3:] == [[{"recipient_id": "c", "text": message_guard.FLOOD_TEXT}]] * 2
        assert [m.text for m in server.agent.received] == ["第0条", "第1条", "第2条"]  # not processed, not signed
        assert (await http.post(url, json={"sender": "d", "message": "你好"})).json()[0]["text"] == "好的"


async def test_rest_rotating_forwarded_for_gets_no_fresh_address_bucket(key, strict):
    strict.setenv(flood.ENV_TRUSTED_PROXIES, "127.0.0.1")  # the test client plays the reverse proxy
    flood.reset()
    async with Server([ContractRestInput()]) as server, httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        url = "/webhooks/rest/webhook"
        texts = []
        for n in range(7):  # a new sender every time, and a new address written into the header by the client
            forwarded = f"192.0.2.{n}, 198.51.100.7"  # the proxy appended the address it really saw
            reply = await http.post(url, json={"sender": uuid.uuid4().hex, "message": "你好"},
                                    headers={"X-Forwarded-For": forwarded})
            texts.append(reply.json()[0]["text"])
        assert texts == ["好的"] * 5 + [message_guard.FLOOD_TEXT] * 2
        other = await http.post(url, json={"sender": "e", "message": "你好"}, headers={"X-Forwarded-For": "198.51.100.8"})
        assert other.json()[0]["text"] == "好的"


async def test_socketio_answers_a_flood_on_its_socket_and_hands_none_of_it_to_rasa(key, strict):
    channel = ContractSocketIOInput(session_persistence=True)
    server = Server([channel])
    channel.sio.eio.ping_interval, channel.sio.eio.ping_timeout = 0.5, 2
    async with server:
        async with Widget(server.url) as widget:
            for n in range(5):
                await widget.say(f"第{n}条")
            await eventually(lambda: [m for m in widget.inbox if m.get("text") == message_guard.FLOOD_TEXT][1:])
            await eventually(lambda: len(server.agent.received) >= 3)
            await asyncio.sleep(0.3)  # nothing more arrives late
            assert [m.text for m in server.agent.received] == ["第0条", "第1条", "第2条"]


def wechat_text(openid: str, content: str, msg_id: int):
    return parse_message(
        f"<xml><ToUserName>gh</ToUserName><FromUserName>{openid}</FromUserName><CreateTime>{int(time.time())}</CreateTime>"
        f"<MsgType>text</MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


async def test_wechat_answers_a_flood_with_a_passive_reply_and_its_retry_alike(key, strict, tmp_path):
    settings = WeChatSettings.from_credentials({"token": "t", "app_id": "wx_flood", "app_secret": "s"}, env={})
    channel = WeChatInput(settings, store=SQLiteStore(tmp_path / "wechat.db"))
    received = []

    async def rasa(message):
        received.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "好的。")

    openid = "oFloodTest0000000000000000"
    replies = [await channel.answer(wechat_text(openid, f"第{n}条", n), rasa, time.monotonic()) for n in range(5)]
    assert replies == ["好的。"] * 3 + [message_guard.FLOOD_TEXT] * 2
    assert received == ["第0条", "第1条", "第2条"]
    # WeChat retries a message it got no answer to: the retry gets the same reply and takes no token.
    assert await channel.answer(wechat_text(openid, "第4条", 4), rasa, time.monotonic()) == message_guard.FLOOD_TEXT
    assert received == ["第0条", "第1条", "第2条"]
