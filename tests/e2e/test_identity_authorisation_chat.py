"""The principal's electronic special authorisation made, listed and revoked in the chat itself, end to end.

The proxy journeys elsewhere get their authorisation straight from the API (tests/e2e/grants.py); here 赵强 gives
it in his own conversation, over REST and socket.io, the way the README tells people to: he proves who he is with
the code on his phone, names the agent, the item and the validity, and grants with his own words "确认授权". His
agent 刘洋, verified with his own phone in his own conversation, gets past the authorisation question with the
number and the code; 赵强 lists his authorisations and revokes this one; the same number and code then open
nothing. Every code is read from the SMS outbox by the phone's owner; every transcript is checked against the
contract (the shared natural_chat fixture's teardown).
"""
from __future__ import annotations

import pytest

from tests.e2e.grants import typed
from tests.e2e.test_journey import LIU_YANG, PHONES, ZHAO_QIANG, to_proxy_authorisation
from tests.e2e.test_natural_journeys import expect_ask, natural_chat  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e

PENSION = "ZM008"  # 城乡居民基本养老保险待遇领取: a proxy may commit for it
OPENING = f"我要授权{LIU_YANG[0]}代我办理养老保险待遇领取并代为承诺"  # the README's example


def prove_if_asked(c, msgs, phone: str):
    """A later request in the same conversation may be vouched for by the code typed a moment ago; otherwise
    the new code to ``phone`` is typed back."""
    asks = c.customs(msgs, "ask")
    if asks and asks[-1]["slot"] == "applicant_id":
        msgs = c.say(ZHAO_QIANG[1])
        asks = c.customs(msgs, "ask")
    if asks and asks[-1]["slot"] == "identity_code":
        assert c.code_phone(msgs) == phone
        return c.answer_code(msgs)
    return msgs


def grant_in_the_chat(c) -> dict:
    msgs = c.say(OPENING)
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say(f"我是{ZHAO_QIANG[0]}")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say(ZHAO_QIANG[1])
    ask = expect_ask(c, msgs, "identity_code")
    assert ask["sent_to"] == "138****5671"  # the principal's own registered phone
    assert not c.customs(msgs, "authorisation_list")  # nothing about him before his code
    msgs = c.answer_code(msgs)
    expect_ask(c, msgs, "agent_id")  # the agent's name came with the opening sentence
    msgs = c.say(LIU_YANG[1])
    ask = expect_ask(c, msgs, "grant_items")
    codes = [i["code"] for i in ask["items"]]
    assert PENSION in codes, ask
    msgs = c.say(str(codes.index(PENSION) + 1))
    expect_ask(c, msgs, "grant_valid_until")
    msgs = c.say("三个月")
    summary = expect_ask(c, msgs, "grant_confirmation")
    assert summary["item_codes"] == [PENSION] and summary["required_words"] == "确认授权"
    assert LIU_YANG[1] not in " ".join(m.text for m in msgs)  # the agent's ID masked in the summary
    # Anything but his own explicit words grants nothing.
    msgs = c.say("确认")
    expect_ask(c, msgs, "grant_confirmation")
    assert not c.customs(msgs, "authorisation_granted")
    msgs = c.say("确认授权")
    granted = c.one(msgs, "authorisation_granted")
    assert granted["number"].startswith("SQ") and len(granted["code"]) == 8
    assert granted["item_codes"] == [PENSION]
    return granted


def agent_uses(c, granted: dict):
    """刘洋, verified with his own phone in his own conversation, types the number and the code."""
    to_proxy_authorisation(c, "给我爸办城乡居民养老保险待遇领取", PENSION, "帮我爸爸代办")
    return c.say(typed(granted))


def test_a_principal_grants_lists_and_revokes_in_the_chat_and_the_revoked_one_opens_nothing(natural_chat):
    principal = natural_chat()
    granted = grant_in_the_chat(principal)

    # The agent gets past the authorisation question with it (the journey goes on to the phone).
    agent = natural_chat()
    msgs = agent_uses(agent, granted)
    expect_ask(agent, msgs, "phone")

    # The principal lists his authorisations in his conversation.
    msgs = prove_if_asked(principal, principal.say("我的授权"), PHONES[ZHAO_QIANG[1]])
    listed = principal.one(msgs, "authorisation_list")["authorisations"]
    mine = [a for a in listed if a["number"] == granted["number"]]
    assert len(mine) == 1 and mine[0]["status"] == "active" and mine[0]["item_codes"] == [PENSION], listed
    assert LIU_YANG[0] not in " ".join(m.text for m in msgs)  # the agent's name masked (刘*)

    # And revokes it, after an explicit confirmation.
    msgs = prove_if_asked(principal, principal.say(f"撤销授权 {granted['number']}"), PHONES[ZHAO_QIANG[1]])
    ask = expect_ask(principal, msgs, "revoke_confirmation")
    assert ask["number"] == granted["number"]
    msgs = principal.say("我想撤销")  # a wish is no confirmation
    assert not principal.customs(msgs, "authorisation_revoked")
    msgs = principal.say("确认撤销")
    assert principal.one(msgs, "authorisation_revoked")["number"] == granted["number"]

    # The same number and code, in a new conversation of the agent's: refused, asked again, nothing read out.
    late = natural_chat()
    msgs = agent_uses(late, granted)
    expect_ask(late, msgs, "authorization_no")
    assert not late.customs(msgs, "notice_section")
    assert any("撤销" in m.text for m in msgs), [m.text for m in msgs]
    # Listed again, it says revoked.
    msgs = prove_if_asked(principal, principal.say("我的授权"), PHONES[ZHAO_QIANG[1]])
    listed = principal.one(msgs, "authorisation_list")["authorisations"]
    assert [a["status"] for a in listed if a["number"] == granted["number"]] == ["revoked"]
