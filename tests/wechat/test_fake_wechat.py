"""The fake WeChat API server's wait for a reply's customer-service messages (tests/wechat/fake_wechat.py): it must
not end while WeChat is still answering one of them, however slowly, nor before the first one came."""
from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.wechat.fake_wechat import FakeWeChat

OPENID = "o" + "f" * 27


@pytest.fixture
def fake():
    server = FakeWeChat("wx_fake_test", "fake_secret").start()
    yield server
    server.stop()


def send_in_order(fake: FakeWeChat, texts) -> None:
    """As the channel sends one reply: one message after the other, each once the one before was answered."""
    with httpx.Client(base_url=fake.url, timeout=30) as http:
        token = http.get("/cgi-bin/token", params={"grant_type": "client_credential", "appid": fake.app_id,
                                                   "secret": fake.app_secret}).json()["access_token"]
        for text in texts:
            answer = http.post("/cgi-bin/message/custom/send", params={"access_token": token},
                               json={"touser": OPENID, "msgtype": "text", "text": {"content": text}}).json()
            assert answer["errcode"] == 0


def test_a_reply_answered_slower_than_the_quiet_wait_is_awaited_to_its_last_message(fake):
    fake.accept_delay = 0.5  # each answer takes longer than the quiet wait below
    sender = threading.Thread(target=send_in_order, args=(fake, ["一", "二", "三"]))
    sender.start()
    try:
        assert fake.wait_for_delivery(OPENID, 0, quiet=0.2, timeout=30) == ["一", "二", "三"]
    finally:
        sender.join()


def test_the_wait_ends_only_after_the_first_message_arrived(fake):
    send_in_order(fake, ["早先的"])
    sender = threading.Timer(0.5, send_in_order, args=(fake, ["这一轮的"]))
    sender.start()
    try:
        # The earlier message was answered long before; the wait is for what comes after it.
        time.sleep(0.3)
        assert fake.wait_for_delivery(OPENID, 1, quiet=0.2, timeout=30) == ["这一轮的"]
    finally:
        sender.join()


def test_settled_is_false_while_a_send_is_being_answered(fake):
    fake.accept_delay = 1.0
    sender = threading.Thread(target=send_in_order, args=(fake, ["慢"]))
    sender.start()
    try:
        deadline = time.monotonic() + 10
        while not fake._in_flight.get(OPENID):
            assert time.monotonic() < deadline, "the send never reached the fake"
            time.sleep(0.01)
        assert not fake.settled(OPENID, quiet=0.0)
    finally:
        sender.join()
    assert fake.settled(OPENID, quiet=0.0)
