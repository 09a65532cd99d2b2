"""tokens.py and client.py against the fake WeChat API server: one access token shared by every process,
token refresh on 40001, 45015 leaves the message undelivered for later."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.channels.wechat.client import CustomerServiceClient, ReplyWindowClosed
from bot.channels.wechat.dedup import SQLiteStore
from bot.channels.wechat.tokens import AccessTokenCache
from tests.wechat.fake_wechat import FakeWeChat

ROOT = Path(__file__).resolve().parents[2]
APP_ID, SECRET = "wx_client_test", "s3cret"


@pytest.fixture
def fake():
    server = FakeWeChat(APP_ID, SECRET).start()
    yield server
    server.stop()


def make_client(fake: FakeWeChat, tmp_path: Path, secret: str = SECRET) -> CustomerServiceClient:
    return CustomerServiceClient(
        api_base_url=fake.url, app_id=APP_ID, app_secret=secret, store=SQLiteStore(tmp_path / "wechat.db")
    )


async def test_messages_are_sent_with_one_token(fake, tmp_path):
    client = make_client(fake, tmp_path)
    try:
        assert await client.deliver("oUser1", ["第一条", "第二条", "第三条"]) == []
    finally:
        await client.close()
    assert fake.delivered("oUser1") == ["第一条", "第二条", "第三条"]
    assert fake.token_calls == 1


async def test_invalid_token_is_refreshed_once(fake, tmp_path):
    client = make_client(fake, tmp_path)
    try:
        await client.send_text("oUser1", "一")
        fake.revoke_token()
        await client.send_text("oUser1", "二")  # 40001 -> drop the cached token, fetch, retry
    finally:
        await client.close()
    assert fake.delivered("oUser1") == ["一", "二"]
    assert fake.token_calls == 2


async def test_45015_stops_delivery_and_returns_the_rest(fake, tmp_path):
    client = make_client(fake, tmp_path)
    fake.fail_next(45015)
    try:
        with pytest.raises(ReplyWindowClosed):
            await client.send_text("oUser1", "一")
        fake.fail_next(45015)
        assert await client.deliver("oUser1", ["甲", "乙", "丙"]) == ["甲", "乙", "丙"]
        assert await client.deliver("oUser1", ["甲", "乙"]) == []  # only once: now it goes through
    finally:
        await client.close()
    assert fake.delivered("oUser1") == ["甲", "乙"]


async def test_wrong_secret_is_an_error_not_a_hang(fake, tmp_path):
    client = make_client(fake, tmp_path, secret="wrong")
    try:
        assert await client.deliver("oUser1", ["一"]) == ["一"]
    finally:
        await client.close()
    assert fake.delivered("oUser1") == []


async def test_concurrent_callers_in_one_process_fetch_once(tmp_path):
    calls = []

    async def fetch():
        calls.append(1)
        await asyncio.sleep(0.2)
        return f"token-{len(calls)}", 7200

    store = SQLiteStore(tmp_path / "wechat.db")
    caches = [AccessTokenCache(store, APP_ID, fetch) for _ in range(3)]  # as if three processes
    tokens = await asyncio.gather(*(c.get() for c in caches for _ in range(4)))
    assert set(tokens) == {"token-1"} and len(calls) == 1


async def test_token_is_refreshed_before_it_expires(tmp_path):
    now = [1000.0]
    calls = []

    async def fetch():
        calls.append(1)
        return f"token-{len(calls)}", 7200

    store = SQLiteStore(tmp_path / "wechat.db", clock=lambda: now[0])
    cache = AccessTokenCache(store, APP_ID, fetch, clock=lambda: now[0])
    assert await cache.get() == "token-1"
    now[0] += 7200 - 301  # still inside the 5-minute margin
    assert await cache.get() == "token-1"
    now[0] += 2
    assert await cache.get() == "token-2"


async def test_a_token_stored_between_the_look_and_the_claim_is_used(tmp_path):
    """Another process fetched and let its lease go between this one's look at the cache and its claim: the
    token it stored is used, and WeChat is not asked again (a second fetch would knock that token out)."""
    store = SQLiteStore(tmp_path / "wechat.db")
    fetched = []

    async def fetch():
        fetched.append(1)
        return "token-mine", 7200

    cache = AccessTokenCache(store, APP_ID, fetch)
    claim = store.claim

    async def claim_after_the_other_process(key, value, ttl):
        await store.put(cache.key, json.dumps({"token": "token-other", "refresh_at": time.time() + 6000}), 6000)
        return await claim(key, value, ttl)

    store.claim = claim_after_the_other_process
    assert await cache.get() == "token-other"
    assert fetched == []


def test_processes_share_one_token(fake, tmp_path):
    """Four Rasa-like processes start at once against one SQLite file: WeChat is asked for one token."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        from bot.channels.wechat.client import CustomerServiceClient
        from bot.channels.wechat.dedup import SQLiteStore

        async def main():
            client = CustomerServiceClient(api_base_url={fake.url!r}, app_id={APP_ID!r}, app_secret={SECRET!r},
                                           store=SQLiteStore(Path({str(tmp_path / 'shared.db')!r})))
            undelivered = await client.deliver("oProc" + sys.argv[1], ["来自进程" + sys.argv[1]])
            await client.close()
            sys.exit(1 if undelivered else 0)

        asyncio.run(main())
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)], cwd=ROOT) for n in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert fake.token_calls == 1
    assert sorted(m for n in range(4) for m in fake.delivered(f"oProc{n}")) == [f"来自进程{n}" for n in range(4)]
