"""A website visitor who signed in through the city's identity platform (统一身份认证) commits without any SMS code.

The whole path is real: the widget's socket.io conversation with the trained model, the action server and the API,
and a loopback OpenID Connect provider (tests/oidc_provider.py, started with the session's stack) that the API
is configured against. The "browser" is an httpx client following the redirects: it signs in for this very
conversation, and at the end confirms the commitment with a new login the platform asks for (prompt=login,
max_age), which is the act confirmation (意愿认证) in place of the SMS code.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional

import httpx
import pytest

from tests.e2e.test_natural_journeys import SocketChat

pytestmark = pytest.mark.e2e

ZHANG_WEI = ("张伟", "410105199001011233")  # the platform's demo user (tests/oidc_provider.py)


def outbox_lines(stack) -> int:
    path = Path(stack.config.var_dir) / "sms-outbox.jsonl"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def platform(browser: httpx.Client, url: str, params: Optional[Dict[str, str]] = None) -> httpx.Response:
    """Follow one sign-in through the platform, typing the password when it asks, back to the API's page."""
    started = browser.get(url, params=params)
    assert started.status_code == 302, started.text
    authorize = started.headers["location"]
    answer = browser.get(authorize)
    if answer.status_code == 200:  # the platform's login form
        answer = browser.post(authorize, data={"username": "zhangwei", "password": "correct horse"})
    assert answer.status_code == 302, answer.text
    return browser.get(answer.headers["location"], headers={"Accept": "text/html"})


@pytest.fixture
def socket_chat(stack):
    if stack.config.sanic_workers() > 1:
        pytest.skip("socket.io long-polling needs one Sanic worker per port (sticky sessions)")
    made = []

    def make() -> SocketChat:
        made.append(SocketChat(stack))
        return made[-1]

    yield make
    for c in made:
        c.close()


def asks(c: SocketChat, msgs) -> list:
    return [a["slot"] for a in c.customs(msgs, "ask")]


def test_a_widget_session_signed_in_at_the_platform_commits_with_no_sms_code(stack, socket_chat):
    c = socket_chat()
    sms_before = outbox_lines(stack)
    with httpx.Client(follow_redirects=False, timeout=30) as browser:
        signed_in = platform(browser, f"{stack.config.api_url}/api/v1/identity/oidc/start",
                             {"purpose": "login", "conversation": c.sender})
        assert signed_in.status_code == 200 and "回到对话窗口" in signed_in.text

        msgs = c.say("我想申请公租房")
        codes = [i["code"] for i in c.one(msgs, "item_candidates")["items"]]
        msgs = c.say(str(codes.index("ZM001") + 1))
        assert c.last_ask(msgs)["slot"] == "use_commitment"
        c.say("是")
        c.say("本人")
        c.say(ZHANG_WEI[0])
        msgs = c.say(ZHANG_WEI[1])
        # Verified by the platform login in this conversation: no code is asked for, none is sent.
        assert "identity_code" not in asks(c, msgs), [m.text for m in msgs]
        assert c.last_ask(msgs)["slot"] == "phone"
        msgs = c.say("13800138000")
        assert len(c.customs(msgs, "notice_section")) == 7
        msgs = c.say("已阅读")
        assert c.customs(msgs, "affirmation_request")
        msgs = c.say("本人承诺")
        ask = c.last_ask(msgs)
        assert ask["slot"] == "act_code" and ask["signing_url"].startswith(stack.config.api_url), ask
        assert not c.customs(msgs, "commitment_receipt")

        # Saying it is done before it is: nothing is signed.
        msgs = c.say("已完成")
        assert not c.customs(msgs, "commitment_receipt")
        assert c.last_ask(msgs).get("error") == "signing_pending"

        logins = platform(browser, ask["signing_url"])
        assert logins.status_code == 200 and "已确认签署" in logins.text
        msgs = c.say("已完成")
        receipt = c.one(msgs, "commitment_receipt")
    assert receipt["commitment_no"]
    assert outbox_lines(stack) == sms_before  # not one SMS for this whole journey
