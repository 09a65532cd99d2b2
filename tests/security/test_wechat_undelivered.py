"""A WeChat notice that never arrived cannot be "read" or committed to.

WeChat's customer-service API refuses the messages carrying the notice (45015: the reply window is closed), so no
section reaches the citizen and the channel signs no delivery. The citizen (or someone typing for them) still
says "已阅读" and "本人承诺": the journey does not move on, no receipt is issued and the chain does not grow. Once
the sections are sent again and arrive, the same journey ends in a receipt (after the signing code the SMS
outbox holds), which shows that what refused it was the missing delivery.

Runs on tests/wechat's stack (the real Rasa, action server and API, with the channel pointed at the fake WeChat
API server on loopback).
"""
from __future__ import annotations

import re
import time
from typing import Any, Dict, List

import pytest

from tests.security.forge import chain_length, min_reading_seconds
from tests.wechat.conftest import fake_wechat, wechat_stack, wechat_user  # noqa: F401  (fixtures)
from tests.wechat.fake_wechat import QUIET

pytestmark = pytest.mark.e2e

ZHANG_WEI = ("张伟", "410105199001011233")
PHONE = "13800138000"  # his registered (实名) number: the codes go there


def number_of(listing: str, name: str) -> str:
    match = re.search(rf"^(\d+)\. {re.escape(name)}", listing, re.M)
    assert match, f"{name} not in {listing!r}"
    return match.group(1)


def choice_number(text: str, label: str) -> str:
    match = re.search(rf"回复 (\d+) 选择：{re.escape(label)}", text)
    assert match, f"no numbered choice {label!r} in {text!r}"
    return match.group(1)


def turn(user, text: str, timeout: float = 60.0) -> List[Dict[str, Any]]:
    """Send ``text`` and wait until Rasa finished the turn; the bot events of that turn (what the bot *said*,
    whether or not WeChat delivered it)."""
    seen = len(user.tracker_events())
    response, elapsed = user.send(text)
    assert response.status_code == 200 and elapsed < 5.0, (response.status_code, elapsed)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = user.tracker_events()[seen:]
        users = [i for i, e in enumerate(events) if e["event"] == "user"]
        if users and any(e["event"] == "action" and e.get("name") == "action_listen" for e in events[users[-1]:]):
            return [e for e in events[users[-1]:] if e["event"] == "bot"]
        time.sleep(0.2)
    raise TimeoutError(f"the turn {text!r} did not finish")


def stages(bot_events: List[Dict[str, Any]]) -> List[str]:
    return [((e.get("data") or {}).get("custom") or {}).get("stage") for e in bot_events]


def settle(fake, openid: str, quiet: float = QUIET, timeout: float = 30.0) -> None:
    """Wait until the customer-service calls for ``openid`` stop coming: none is being answered and none came for
    ``quiet`` seconds, counted from this call too (the turn is over, its sends begin at once)."""
    deadline = time.monotonic() + timeout
    since = time.monotonic()
    while time.monotonic() < deadline and not (time.monotonic() - since >= quiet and fake.settled(openid, quiet)):
        time.sleep(0.05)



def test_undelivered_wechat_notice_cannot_be_read_nor_committed(wechat_stack, wechat_user, fake_wechat, catalogue):
    user = wechat_user()
    item = catalogue["ZM001"]
    listing = "\n".join(user.say("我在郑州没有房子，想申请公租房"))
    texts = user.say(number_of(listing, item.name))
    texts = user.say(choice_number(texts[-1], "采用告知承诺"))
    texts = user.say(choice_number(texts[-1], "本人办理"))
    user.say(ZHANG_WEI[0])
    texts = user.say(ZHANG_WEI[1])
    assert "验证码" in texts[-1] and "138****8000" in texts[-1]  # the login code went to his registered phone
    texts = user.say(user.sms_code(PHONE))
    assert "手机号" in texts[-1], texts

    # The first customer-service message of the notice's turn is refused (45015); the channel sends nothing
    # after a refusal, so nothing of the notice reaches the citizen.
    delivered_before = len(fake_wechat.delivered(user.openid))
    fake_wechat.fail_next(45015)
    said = turn(user, PHONE)
    assert stages(said).count("notice_section") == len(item.notice)  # the bot sent it ...
    settle(fake_wechat, user.openid)
    assert any(a.errcode == 45015 for a in fake_wechat.attempts(user.openid))
    assert len(fake_wechat.delivered(user.openid)) == delivered_before  # ... and none of it arrived

    length_before = chain_length(wechat_stack)
    said = turn(user, "已阅读")
    assert "affirmation_request" not in stages(said), said
    asks = [((e.get("data") or {}).get("custom") or {}) for e in said]
    assert any(a.get("stage") == "ask" and a.get("slot") == "notice_ack" and a.get("error") == "notice_undelivered"
               for a in asks), asks
    settle(fake_wechat, user.openid)

    said = turn(user, "本人承诺")
    assert "commitment_receipt" not in stages(said), said
    settle(fake_wechat, user.openid)
    assert chain_length(wechat_stack) == length_before

    # The control: sent again, the sections arrive, and after reading the same journey may end in a receipt.
    said = turn(user, "重新发送")
    assert "notice_section" in stages(said)
    settle(fake_wechat, user.openid)
    time.sleep(min_reading_seconds() + 1.0)
    said = turn(user, "已阅读")
    assert "affirmation_request" in stages(said), said
    settle(fake_wechat, user.openid)
    said = turn(user, "本人承诺")
    assert "commitment_receipt" not in stages(said), said  # the signing code (意愿认证) comes first
    assert any(((e.get("data") or {}).get("custom") or {}).get("slot") == "act_code" for e in said), said
    settle(fake_wechat, user.openid)
    said = turn(user, user.sms_code(PHONE))
    assert "commitment_receipt" in stages(said), said
    assert chain_length(wechat_stack) == length_before + 1
