"""WeChat channel fixtures: a fake WeChat API server on loopback, and the real stack (API, action server,
Rasa) started with a generated credentials file that points the channel at the fake server.

Like tests/e2e's ``stack`` fixture (same ``Stack`` class, free ports, throw-away var dir), but with its own
credentials (``StackConfig.credentials``): the token, AES key and api_base_url are the test's. In the scale
profile the channel's store is Redis, as in a deployment.
"""
from __future__ import annotations

import itertools
import os
import random
import re
import socket
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import httpx
import pytest
import xmltodict
import yaml
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from bot.tools.model import ensure_model
from bot.tools.stack import Stack, StackConfig
from bot.channels.wechat.channel import ENV_OVERRIDES, TEST_SLOW_SENDERS_ENV
from tests.conftest import build_artefacts
from tests.e2e import limits, outbox
from tests.e2e.contract import reading_seconds
from tests.wechat.fake_wechat import FakeWeChat

RUN = uuid.uuid4().hex[:8]
TOKEN = f"e2e_token_{RUN}"
APP_ID = f"wx_e2e_{RUN}"
APP_SECRET = f"e2e_secret_{RUN}"
AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
ACCOUNT = "gh_e2e_account"
# Turns of these citizens are held past the reply deadline (channel.TEST_SLOW_SENDERS_ENV).
SLOW_OPENIDS = (f"oSlowTurn{RUN}xxxxxxxxxxxxx", f"oSlowWindow{RUN}xxxxxxxxxxx")
# As in tests/e2e/conftest.py: the stack inherits this, and ``WeChatUser.say`` reads the notice that long.
os.environ.setdefault("GZ_MIN_READING_SECONDS", "1")
limits.for_machine_speed()  # codes and flood control, for journeys at machine speed (tests/e2e/limits.py)
# How a notice section reads in the chat (bot/core/evidence.py notice_section_text).
NOTICE_SECTION = re.compile(r"告知书（\d+/\d+）")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# tests/security imports these fixtures (test_wechat_undelivered.py), so pytest knows each of them twice, once per
# directory, and a session running both directories would start a second fake server and a second stack (one
# more model load). The first of the two to start them owns them and stops them; the other is handed the same.
_STARTED: Dict[str, object] = {}


@pytest.fixture(scope="session")
def fake_wechat():
    if "fake" in _STARTED:
        yield _STARTED["fake"]
        return
    server = _STARTED["fake"] = FakeWeChat(APP_ID, APP_SECRET).start()
    try:
        yield server
    finally:
        del _STARTED["fake"]
        server.stop()


def channel_credentials(config: StackConfig, fake: FakeWeChat) -> Dict:
    wechat = {
        "token": TOKEN,
        "app_id": APP_ID,
        "app_secret": APP_SECRET,
        "encoding_aes_key": AES_KEY,
        "mode": "compatible",  # plain and AES requests both (each mode's rules: tests/wechat/test_envelope.py)
        "api_base_url": fake.url,
        "store_path": str(config.var_dir / "wechat.db"),
    }
    if config.profile == "scale":
        wechat["redis_url"] = f"redis://{config.redis_host}:{config.redis_port}/2"
    return {"rest": None, "bot.channels.wechat.channel.WeChatInput": wechat}


@pytest.fixture(scope="session")
def wechat_stack(tmp_path_factory, fake_wechat) -> Stack:
    if "stack" in _STARTED:
        yield _STARTED["stack"]
        return
    build_artefacts()
    model = ensure_model()
    var_dir = Path(tmp_path_factory.mktemp("wechat_var"))
    config = StackConfig(
        var_dir=var_dir,
        rasa_port=free_port(),
        action_port=free_port(),
        api_port=free_port(),
        pg_tracker_db=f"rasa_trackers_wechat_{RUN}",
        credentials=var_dir / "credentials.yml",
    )
    config.credentials.write_text(yaml.safe_dump(channel_credentials(config, fake_wechat), allow_unicode=True))
    stack = Stack(config, model)
    stack.prepare()
    # The Rasa process inherits os.environ: set the test-only slow senders, and make sure no deployment
    # override (GZ_WECHAT_TOKEN …) replaces the test's credentials.
    saved = {name: os.environ.get(name) for name in [TEST_SLOW_SENDERS_ENV, *ENV_OVERRIDES.values()]}
    for name in ENV_OVERRIDES.values():
        os.environ.pop(name, None)
    os.environ[TEST_SLOW_SENDERS_ENV] = ",".join(SLOW_OPENIDS)
    try:
        stack.start_all()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    # The first turns load lazy parts (the model's graph in Rasa, the discovery index in the action server:
    # ~4 s here), so warm up over REST instead of letting the first test's turn miss the passive deadline.
    for text in ("你好", "我在郑州没有房子，想申请公租房"):
        httpx.post(f"{config.rasa_url}/webhooks/rest/webhook", json={"sender": f"warmup-{RUN}", "message": text}, timeout=120)
    _STARTED["stack"] = stack
    try:
        yield stack
    finally:
        del _STARTED["stack"]
        stack.stop_all()
    if os.environ.get("GZ_E2E_SHOW_LOGS"):
        for log in (var_dir / "logs").glob("*.log"):
            print(log.read_text(errors="replace")[-5000:])


def signed_query(token: str = TOKEN) -> Dict[str, str]:
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce)
    return {"signature": signer.signature, "timestamp": timestamp, "nonce": nonce}


_msg_ids = itertools.count(random.randint(10**15, 9 * 10**15))


class WeChatUser:
    """One citizen on the official account, talking the way WeChat's servers do: signed XML POSTs."""

    def __init__(self, stack: Stack, fake: FakeWeChat, openid: Optional[str] = None, encrypted: bool = False):
        self.stack = stack
        self.fake = fake
        self.openid = openid or "o" + uuid.uuid4().hex[:27]  # real openids are 28 characters
        self.encrypted = encrypted
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APP_ID)
        self.url = f"{stack.config.rasa_url}/webhooks/wechat/webhook"
        self.http = httpx.Client(timeout=60)
        self.seen: List[str] = []  # every text this citizen received, in order
        self.notice_arrived = 0.0  # time.monotonic() this citizen last saw a notice section

    # --- requests ----------------------------------------------------------------------------------------
    def text_xml(self, content: str, msg_id: int) -> str:
        return (
            f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{self.openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
        )

    def event_xml(self, event: str, create_time: Optional[int] = None) -> str:
        return (
            f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{self.openid}]]></FromUserName>"
            f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            f"<Event><![CDATA[{event}]]></Event></xml>"
        )

    def media_xml(self, kind: str, msg_id: int) -> str:
        fields = {
            "voice": "<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format>",
            "image": "<PicUrl><![CDATA[http://example.invalid/p.jpg]]></PicUrl><MediaId><![CDATA[m2]]></MediaId>",
            "location": "<Location_X>34.75</Location_X><Location_Y>113.62</Location_Y><Scale>15</Scale><Label><![CDATA[郑州市]]></Label>",
        }[kind]
        return (
            f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{self.openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{kind}]]></MsgType>{fields}<MsgId>{msg_id}</MsgId></xml>"
        )

    def post(self, xml: str, *, token: str = TOKEN, encrypted: Optional[bool] = None, forge_msg_signature: bool = False) -> httpx.Response:
        encrypted = self.encrypted if encrypted is None else encrypted
        query = dict(signed_query(token), openid=self.openid)
        body = xml
        if encrypted:
            sealed = xmltodict.parse(self.crypto.encrypt_message(xml, query["nonce"], query["timestamp"]))["xml"]
            query.update(encrypt_type="aes", msg_signature="0" * 40 if forge_msg_signature else sealed["MsgSignature"])
            body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt></xml>"
        return self.http.post(self.url, params=query, content=body.encode("utf-8"), headers={"Content-Type": "text/xml"})

    def passive_reply(self, response: httpx.Response, encrypted: Optional[bool] = None) -> Optional[str]:
        """The passive reply's text, checked like WeChat does (decrypt + signature); None for 'success'."""
        assert response.status_code == 200, (response.status_code, response.text)
        if response.text == "success":
            return None
        xml = response.text
        if self.encrypted if encrypted is None else encrypted:
            outer = xmltodict.parse(xml)["xml"]
            xml = self.crypto.decrypt_message(xml, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
        reply = xmltodict.parse(xml)["xml"]
        assert reply["ToUserName"] == self.openid and reply["FromUserName"] == ACCOUNT and reply["MsgType"] == "text"
        return reply["Content"]

    def send(self, content: str, msg_id: Optional[int] = None) -> Tuple[httpx.Response, float]:
        started = time.monotonic()
        response = self.post(self.text_xml(content, msg_id or next(_msg_ids)))
        return response, time.monotonic() - started

    def say(self, content: str, msg_id: Optional[int] = None) -> List[str]:
        """What the citizen sees: the passive reply, or the customer-service messages that follow 'success'.
        After a notice the citizen reads it first: the journey refuses "已阅读" sooner than ``reading_seconds()``
        after the last section was delivered (a customer-service message: once WeChat accepted it; those are
        only returned once they stopped coming, so the wait counts from later than the delivery)."""
        if self.notice_arrived:
            time.sleep(max(0.0, reading_seconds() + 0.05 - (time.monotonic() - self.notice_arrived)))
        before = len(self.fake.delivered(self.openid))
        response, elapsed = self.send(content, msg_id)
        assert elapsed < 5.0, f"WeChat gives up after 5 s; the channel answered after {elapsed:.1f} s"
        text = self.passive_reply(response)
        texts = [text] if text is not None else self.fake.wait_for_delivery(self.openid, before)
        self.seen.extend(texts)
        if any(NOTICE_SECTION.search(t) for t in texts):
            self.notice_arrived = time.monotonic()
        return texts

    def sms_code(self, phone: str) -> str:
        """The code in the newest SMS to ``phone`` (the stack's SMS outbox), as the phone's owner reads it."""
        return outbox.newest_code(outbox.outbox_path(self.stack), phone)

    # --- what Rasa recorded ---------------------------------------------------------------------------------
    def tracker_events(self) -> List[Dict]:
        response = self.http.get(
            f"{self.stack.config.rasa_url}/conversations/{self.openid}/tracker",
            params={"token": self.stack.config.rasa_token()},
        )
        response.raise_for_status()
        return response.json()["events"]

    def user_events(self) -> List[Dict]:
        return [e for e in self.tracker_events() if e["event"] == "user"]


@pytest.fixture
def wechat_user(wechat_stack, fake_wechat):
    def make(openid: Optional[str] = None, encrypted: bool = False) -> WeChatUser:
        return WeChatUser(wechat_stack, fake_wechat, openid, encrypted)

    return make
