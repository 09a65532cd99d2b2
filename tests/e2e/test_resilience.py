"""Nothing is lost when a server dies mid-journey (P4): the tracker store keeps the journey, so after a restart
the conversation continues where it was, without asking again for anything already given."""
from __future__ import annotations

import signal

import pytest

from tests.e2e.test_journey import PHONES, ZHANG_WEI, affirm, read_notice, to_identity, verify_identity

pytestmark = pytest.mark.e2e


def _given_name_and_id(c):
    to_identity(c, "公租房", "ZM001")
    c.say("张伟")
    msgs = verify_identity(c, c.say("410105199001011233"), PHONES[ZHANG_WEI[1]])
    assert c.last_ask(msgs)["slot"] == "phone"


@pytest.mark.parametrize("server", ["actions", "rasa"])
def test_a_server_killed_mid_journey_loses_nothing(chat, stack, server):  # P4
    c = chat()
    _given_name_and_id(c)
    stack.stop(server, sig=signal.SIGKILL)
    {"actions": stack.start_actions, "rasa": stack.start_rasa}[server]()
    stack.wait_ready(server)
    msgs = c.say("13800138000")  # continues with the next question: the notification
    request = read_notice(c, msgs, "ZM001")
    assert request["statement"].startswith("本人张伟")
    receipt = c.one(affirm(c), "commitment_receipt")
    assert receipt["item_code"] == "ZM001"
    asked = [m.custom.get("slot") for m in c.transcript.bot_messages() if m.stage == "ask"]
    assert asked.count("applicant_name") == 1 and asked.count("applicant_id") == 1  # nothing asked twice
    assert asked.count("identity_code") == 1  # nor a second login code
