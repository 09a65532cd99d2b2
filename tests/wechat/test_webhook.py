"""The WeChat official account channel against the running stack, spoken to the way WeChat's servers do:
signed plain and AES-encrypted XML to /webhooks/wechat/webhook, with a fake WeChat API server on loopback
for the customer-service messages."""
from __future__ import annotations

import json
import re
import threading
import time
import uuid
from datetime import datetime

import httpx
import pytest
import sqlalchemy as sa

from bot.core.catalogue import load_catalogue
from bot.channels.wechat.render import TEXT_LIMIT_BYTES, WELCOME_TEXT, utf8_len
from tests.e2e.contract import Transcript, check_contract
from tests.wechat.conftest import SLOW_OPENIDS, TOKEN, signed_query

pytestmark = pytest.mark.e2e

ZHANG_WEI = ("张伟", "410105199001011233")
PHONE = "13800138000"  # his registered (实名) number: the login and signing codes go there


def verified(user) -> None:
    """The login code after the ID, typed back from the SMS outbox as the phone's owner would."""
    texts = user.say(ZHANG_WEI[1])
    assert "验证码" in texts[-1] and "138****8000" in texts[-1], texts
    user.say(user.sms_code(PHONE))


def receipt_number_and_code(receipt: str):
    return (re.search(r"承诺编号：([A-Za-z0-9-]+)", receipt).group(1),
            re.search(r"核验码：([A-Za-z0-9]+)", receipt).group(1))


def number_of(listing: str, name: str) -> str:
    """The number the bot gave ``name`` in its numbered list ("1. 公共租赁住房资格申请（…）")."""
    match = re.search(rf"^(\d+)\. {re.escape(name)}", listing, re.M)
    assert match, f"{name} not in {listing!r}"
    return match.group(1)


def choice_number(text: str, label: str) -> str:
    match = re.search(rf"回复 (\d+) 选择：{re.escape(label)}", text)
    assert match, f"no numbered choice {label!r} in {text!r}"
    return match.group(1)


def chain_length(stack) -> int:
    return httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=10).json()["length"]


def transcript_of(user) -> Transcript:
    """The conversation as Rasa recorded it (what Rasa received after number mapping, and its contract payloads)."""
    transcript = Transcript()
    for event in user.tracker_events():
        if event["event"] == "user":
            transcript.add_user(event["text"])
        elif event["event"] == "bot" and event.get("text"):
            reply = {"text": event["text"]}
            if (event.get("data") or {}).get("custom"):
                reply["custom"] = event["data"]["custom"]
            transcript.add_bot_replies([reply])
    return transcript


def test_url_verification(wechat_stack, wechat_user):
    url = wechat_user().url
    good = httpx.get(url, params=dict(signed_query(), echostr="5936181236651458790"), timeout=10)
    assert good.status_code == 200 and good.text == "5936181236651458790"
    forged = httpx.get(url, params=dict(signed_query(token="not-our-token"), echostr="5936181236651458790"), timeout=10)
    assert forged.status_code == 403 and "5936181236651458790" not in forged.text


def test_forged_requests_get_403_and_never_reach_rasa(wechat_user):
    user = wechat_user()
    assert user.post(user.text_xml("我想申请公租房", 1), token="guessed-token").status_code == 403
    assert user.post(user.text_xml("我想申请公租房", 2), encrypted=True, forge_msg_signature=True).status_code == 403
    unsigned = user.http.post(user.url, content=user.text_xml("我想申请公租房", 3).encode())
    assert unsigned.status_code == 403
    assert user.user_events() == []


def test_plain_and_encrypted_messages_get_passive_replies(wechat_user, catalogue):
    for encrypted in (False, True):
        user = wechat_user(encrypted=encrypted)
        response, elapsed = user.send("我在郑州没有房子，想申请公租房")
        reply = user.passive_reply(response)  # decrypted and signature-checked for the encrypted user
        assert reply is not None, f"a quick turn is answered passively (took {elapsed:.1f} s)"
        assert number_of(reply, catalogue["ZM001"].name)
        assert "请回复序号" in reply
        assert user.openid not in reply


def test_events_and_unsupported_messages(wechat_user):
    user = wechat_user()
    assert user.passive_reply(user.post(user.event_xml("subscribe"))) == WELCOME_TEXT
    for kind, name in (("voice", "语音"), ("image", "图片"), ("location", "位置")):
        reply = user.passive_reply(user.post(user.media_xml(kind, int(time.time() * 1000) + len(kind))))
        assert name in reply and "文字" in reply
    assert user.passive_reply(user.post(user.event_xml("unsubscribe"))) is None  # logged, answered 'success'
    assert user.user_events() == []  # none of these is a conversation turn


def test_retried_message_is_one_turn(wechat_user):  # contract rule 3
    user = wechat_user()
    msg_id = 7_000_000_000_000_000 + int(uuid.uuid4().int % 10**12)
    first, _ = user.send("我想申请公租房", msg_id)
    again, _ = user.send("我想申请公租房", msg_id)  # WeChat's retry: same MsgId
    assert user.passive_reply(again) == user.passive_reply(first)

    # Three copies arriving together (a retry while the first is still being handled).
    concurrent_id = msg_id + 1
    replies = []
    threads = [threading.Thread(target=lambda: replies.append(user.send("我想申请低保", concurrent_id)[0])) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.status_code == 200 for r in replies)
    turns = [e for e in user.user_events() if (e.get("metadata") or {}).get("wechat_msg_id") in (str(msg_id), str(concurrent_id))]
    assert [e["text"] for e in turns] == ["我想申请公租房", "我想申请低保"]


def test_slow_turn_takes_the_customer_service_path(wechat_user, fake_wechat, catalogue):
    user = wechat_user(openid=SLOW_OPENIDS[0])
    before = len(fake_wechat.delivered(user.openid))
    response, elapsed = user.send("我在郑州没有房子，想申请公租房")
    assert user.passive_reply(response) is None  # "success" before WeChat's 5 s run out
    assert elapsed < 5.0
    delivered = fake_wechat.wait_for_delivery(user.openid, before)
    assert 1 <= len(delivered) <= 5
    assert all(utf8_len(m) <= TEXT_LIMIT_BYTES for m in delivered)
    number = number_of(delivered[0], catalogue["ZM001"].name)
    # The number still means the item after a customer-service turn.
    texts = user.say(number)
    assert any(catalogue["ZM001"].name in t for t in texts)
    assert [e["text"] for e in user.user_events()][-1] == "ZM001"


def test_refused_message_45015_leads_the_next_reply(wechat_user, fake_wechat, catalogue):
    user = wechat_user(openid=SLOW_OPENIDS[1])
    fake_wechat.fail_next(45015)
    response, _ = user.send("我在郑州没有房子，想申请公租房")
    assert user.passive_reply(response) is None
    deadline = time.monotonic() + 60
    while not any(a.errcode == 45015 for a in fake_wechat.attempts(user.openid)):
        assert time.monotonic() < deadline, "the customer-service message was never attempted"
        time.sleep(0.1)
    assert fake_wechat.delivered(user.openid) == []
    texts = user.say("1")
    joined = "\n".join(texts)
    assert catalogue["ZM001"].name in joined
    assert joined.index("为您找到以下可能相关的事项") < joined.index("【")  # the owed list first, then the new answer


def test_full_commitment_journey_over_encrypted_wechat(wechat_stack, wechat_user, fake_wechat, catalogue):  # R6 R7 P2 P3
    user = wechat_user(encrypted=True)
    item = catalogue["ZM001"]
    listing = "\n".join(user.say("我在郑州没有房子，想申请公租房"))
    texts = user.say(number_of(listing, item.name))
    assert item.name in texts[0]
    texts = user.say(choice_number(texts[-1], "采用告知承诺"))
    texts = user.say(choice_number(texts[-1], "本人办理"))
    user.say(ZHANG_WEI[0])
    verified(user)
    before = len(fake_wechat.delivered(user.openid))
    notice = user.say(PHONE)
    # The whole notification (seven sections, R6) reaches the user within WeChat's limits.
    assert len(notice) <= 5 and all(utf8_len(m) <= TEXT_LIMIT_BYTES for m in notice)
    joined = "\n".join(notice)
    positions = [joined.index(f"告知书（{n}/7）{section.title}") for n, section in enumerate(item.notice, start=1)]
    assert positions == sorted(positions)
    for section in item.notice:
        assert section.text in joined.replace("\n", "")
    if len(fake_wechat.delivered(user.openid)) > before:
        assert notice == fake_wechat.delivered(user.openid)[before:]
    texts = user.say(choice_number(notice[-1], "已阅读"))
    assert "请确认以下承诺书内容" in "".join(texts)

    length_before = chain_length(wechat_stack)
    texts = user.say("本人承诺")
    assert "验证码" in "".join(texts) and chain_length(wechat_stack) == length_before  # the signing code first
    code = user.sms_code(PHONE)
    code_id = 8_000_000_000_000_000 + int(uuid.uuid4().int % 10**12)
    receipt_texts = user.say(code, msg_id=code_id)
    receipt = "".join(receipt_texts)
    number, check_code = receipt_number_and_code(receipt)
    verify = httpx.get(f"{wechat_stack.config.api_url}/api/v1/commitments/{number}/verify",
                       params={"code": check_code}, timeout=10).json()
    assert verify["valid"] is True
    assert chain_length(wechat_stack) == length_before + 1

    # WeChat retries the message that signed: no second turn, no second commitment (contract rule 3).
    retry, _ = user.send(code, code_id)
    assert user.passive_reply(retry) in (None, receipt)  # the same passive reply again, or "success"
    time.sleep(1.0)
    assert chain_length(wechat_stack) == length_before + 1
    assert [e["text"] for e in user.user_events()].count(code) == 1

    # The same conversation, as Rasa recorded it, satisfies the contract's rules.
    proxy_items = {code: i.proxy_allowed for code, i in load_catalogue().items()}
    check_contract(transcript_of(user), wechat_stack.config.api_url, proxy_items)
    assert all(user.openid not in text for text in user.seen)  # the openid is shown nowhere
    logs = (wechat_stack.config.var_dir / "logs" / "rasa.log").read_text(errors="replace")
    assert user.openid not in logs


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


def test_commitment_records_when_wechat_accepted_each_section(wechat_stack, wechat_user, fake_wechat, catalogue):  # P2
    # A slow WeChat: each customer-service message is accepted only after a delay. The signed record must carry,
    # per section, the moment WeChat accepted the message that carried it, not the moment it was queued.
    delay = 0.6
    user = wechat_user()
    item = catalogue["ZM001"]
    listing = "\n".join(user.say("我在郑州没有房子，想申请公租房"))
    texts = user.say(number_of(listing, item.name))
    texts = user.say(choice_number(texts[-1], "采用告知承诺"))
    texts = user.say(choice_number(texts[-1], "本人办理"))
    user.say(ZHANG_WEI[0])
    verified(user)
    fake_wechat.accept_delay = delay
    try:
        notice = user.say(PHONE)
        texts = user.say(choice_number(notice[-1], "已阅读"))
        assert "请确认以下承诺书内容" in "".join(texts)
        user.say("本人承诺")
        receipt = "".join(user.say(user.sms_code(PHONE)))
    finally:
        fake_wechat.accept_delay = 0.0
    number, _ = receipt_number_and_code(receipt)

    url = wechat_stack.config.api_env()["GZ_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as db:
            canonical = db.execute(sa.text("SELECT canonical FROM commitments WHERE commitment_no = :n"),
                                   {"n": number}).scalar_one()
    finally:
        engine.dispose()
    deliveries = json.loads(canonical)["evidence"]["channel_evidence"]["deliveries"]
    assert sorted(d["section"] for d in deliveries) == list(range(1, len(item.notice) + 1))
    accepted = [m for m in fake_wechat.attempts(user.openid) if m.errcode == 0]
    by_customer_service = [d for d in deliveries if d["how"] == "customer_service_api"]
    assert by_customer_service, "the notice should have gone out (at least partly) as customer-service messages"
    for delivery in by_customer_service:
        marker = f"告知书（{delivery['section']}/{len(item.notice)}）"
        carriers = [m for m in accepted if marker in m.content]
        assert carriers, marker
        delivered = datetime.fromisoformat(delivery["delivered_at"]).timestamp()
        sent = datetime.fromisoformat(delivery["sent_at"]).timestamp()
        assert delivered - sent >= delay - 0.05  # not the moment it was queued
        assert min(abs(delivered - m.at) for m in carriers) < 0.5  # the moment WeChat answered
