"""Handoff on the WeChat channel: the staff member's messages reach the citizen as customer-service
messages (客服消息, the fake WeChat API here) without the citizen writing first, and the hand-back pushes the
journey's pending question; then the bot continues the journey."""
from __future__ import annotations

import time

import httpx
import pytest

from tests.e2e.staff import staff_headers

pytestmark = pytest.mark.e2e

# Pushes are not one reply sent in one go: the hand-back's messages come from several of Rasa's actions, with a
# call to the action server between two of them, so the wait for the last one is longer than for a reply's.
PUSH_QUIET = 1.5


def api(stack, method: str, path: str, headers, **kwargs) -> httpx.Response:
    return httpx.request(method, f"{stack.config.api_url}/api/v1{path}", headers=headers, timeout=60, **kwargs)


def test_staff_messages_are_pushed_to_wechat_and_the_bot_resumes(wechat_stack, wechat_user, fake_wechat):
    user = wechat_user()
    assert any("公共租赁住房" in t for t in user.say("我在郑州没有房子，想申请公租房"))
    assert any("工作人员接入后会直接在这里回复您" in t for t in user.say("转人工"))

    staff = staff_headers(wechat_stack)
    queue = api(wechat_stack, "GET", "/handoff/queue", staff).json()
    entry = [e for e in queue["waiting"] if e["channel"] == "wechat" and e["sender"] == f"{user.openid[:4]}…{user.openid[-4:]}"][0]
    assert entry["push"] is True and user.openid not in str(queue)  # P5: the openid is never shown

    before = len(fake_wechat.delivered(user.openid))
    assert api(wechat_stack, "POST", f"/handoff/{entry['id']}/take", staff).status_code == 200
    assert any("人工客服已接入" in t for t in fake_wechat.wait_for_delivery(user.openid, before, quiet=PUSH_QUIET))

    # While a person talks, the bot says nothing: the channel answers WeChat "success" and sends nothing.
    before = len(fake_wechat.delivered(user.openid))
    response, _ = user.send("公租房要什么条件？")
    assert user.passive_reply(response) is None
    time.sleep(1.5)
    assert len(fake_wechat.delivered(user.openid)) == before

    sent = api(wechat_stack, "POST", f"/handoff/{entry['id']}/messages", staff, json={"text": "在郑州无自有住房即可申请。"})
    assert sent.json()["delivery"] == "pushed"
    assert fake_wechat.wait_for_delivery(user.openid, before, quiet=PUSH_QUIET)[-1] == "在郑州无自有住房即可申请。"

    before = len(fake_wechat.delivered(user.openid))
    assert api(wechat_stack, "POST", f"/handoff/{entry['id']}/release", staff).status_code == 200
    pushed = "\n".join(fake_wechat.wait_for_delivery(user.openid, before, quiet=PUSH_QUIET))
    assert "人工服务已结束" in pushed and "序号" in pushed  # the pending question: choose the item
    texts = " ".join(user.say("1"))
    assert "公共租赁住房资格申请" in texts and "告知承诺" in texts  # the journey continued: item chosen
