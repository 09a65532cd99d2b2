"""A widget that never shows the notice cannot be "read" or committed to.

The website widget acknowledges each bot message once it has rendered it (socket.io's ack), and only an
acknowledged notice section is signed as delivered. This client withholds the acknowledgements of the turn that
carries the notice - as a closed tab, a broken page or a script would - then says "已阅读" and "本人承诺": the
journey names what did not arrive, no receipt is issued and the chain does not grow. Sent again and acknowledged,
the same journey ends in a receipt.
"""
from __future__ import annotations

import time

import pytest

from tests.e2e.test_journey import PHONES, ZHANG_WEI, to_identity, verify_identity
from tests.e2e.test_natural_journeys import SocketChat
from tests.security.forge import chain_length, min_reading_seconds

pytestmark = pytest.mark.e2e


class UnreadingSocketChat(SocketChat):
    """The widget's protocol, but acknowledgements are withheld while ``reading`` is False."""

    def __init__(self, stack):
        super().__init__(stack)
        self.reading = True
        handle = self.client._handle_event

        def handle_event(namespace, id, data):  # noqa: A002  (python-socketio's own parameter name)
            if self.reading or data[0] != "bot_uttered":
                return handle(namespace, id, data)
            # Received, never acknowledged: the handler still sees it, the server gets no ack.
            return handle(namespace, None, data)

        # python-socketio sends the ack from Client._handle_event; the instance attribute takes its place.
        self.client._handle_event = handle_event



@pytest.fixture
def socket_chat(stack):
    if stack.config.sanic_workers() > 1:
        pytest.skip("socket.io long-polling needs one Sanic worker per port (sticky sessions)")
    made = []

    def make() -> UnreadingSocketChat:
        made.append(UnreadingSocketChat(stack))
        return made[-1]

    yield make
    for c in made:
        c.close()


def test_unacknowledged_notice_cannot_be_read_nor_committed(stack, socket_chat):
    c = socket_chat()
    msgs = to_identity(c, "我想申请公租房", "ZM001")
    assert c.last_ask(msgs)["slot"] == "applicant_name"
    c.say(ZHANG_WEI[0])
    verify_identity(c, c.say(ZHANG_WEI[1]), PHONES[ZHANG_WEI[1]])
    c.reading = False
    msgs = c.say("13800138000")
    assert [s["index"] for s in c.customs(msgs, "notice_section")] == [1, 2, 3, 4, 5, 6, 7]
    c.reading = True

    length_before = chain_length(stack)
    msgs = c.say("已阅读")
    assert not c.customs(msgs, "affirmation_request")
    ask = c.last_ask(msgs)
    assert ask["slot"] == "notice_ack" and ask.get("error") == "notice_undelivered", ask
    msgs = c.say("本人承诺")
    assert not c.customs(msgs, "commitment_receipt")
    assert not [a for a in c.customs(msgs, "ask") if a["slot"] == "act_code"]  # not even a signing code is sent
    assert chain_length(stack) == length_before

    # The control: sent again and acknowledged, then read, the same journey ends in a receipt.
    msgs = c.say("重新发送")
    assert c.customs(msgs, "notice_section")
    time.sleep(min_reading_seconds() + 1.0)
    msgs = c.say("已阅读")
    assert c.customs(msgs, "affirmation_request"), [m.text for m in msgs]
    msgs = c.say("本人承诺")
    assert c.last_ask(msgs)["slot"] == "act_code"
    assert c.one(c.answer_code(msgs), "commitment_receipt")
    assert chain_length(stack) == length_before + 1
