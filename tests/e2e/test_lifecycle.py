"""The flows after the commitment over REST against the real servers: status, withdrawal (R17), complaints (R11),
own credit records (R16, P5) and the pre-application warning (R18). Every transcript is also checked against the
contract's rules by the ``chat`` fixture (tests/e2e/contract.py).

A number and an ID are easily known to others: status, withdrawal and one's own credit records answer only the
ID's holder, who types the login code sent to its registered phone (read from the SMS outbox). The owner comes
back in a new conversation, as a person does, so the code is always asked."""
from __future__ import annotations

import pytest

from tests.e2e.test_journey import (HAOWEI, LI_NA, PHONES, ZHANG_WEI, ZHAO_QIANG, affirm, read_notice, to_notice,
                                    verify_identity)

pytestmark = pytest.mark.e2e


def commit(c, need: str, code: str, who=ZHANG_WEI) -> dict:
    msgs = to_notice(c, need, code, who=who)
    read_notice(c, msgs, code)
    return c.one(affirm(c), "commitment_receipt")


def bot_text(c) -> str:
    return " ".join(m.text for m in c.transcript.bot_messages())


def prove_if_asked(c, msgs, phone: str):
    """A later request in the same conversation: the API may still vouch for the code typed a moment ago
    (``identity_session_seconds``), then none is sent; otherwise the new code is typed back."""
    asks = c.customs(msgs, "ask")
    if asks and asks[-1]["slot"] == "identity_code":
        return verify_identity(c, msgs, phone)
    return msgs


def test_status_after_proving_ownership(chat):  # P5
    receipt = commit(chat(), "我想申请公租房", "ZM001")
    c = chat()  # the owner comes back later
    msgs = c.say("查一下我的承诺")
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "commitment_no"}
    msgs = c.say(receipt["commitment_no"].lower())
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "applicant_id"}
    msgs = c.say(LI_NA[1])  # someone else's ID: its code goes to that person's phone, nothing is revealed
    assert not c.customs(msgs, "commitment_status")
    msgs = verify_identity(c, msgs, PHONES[LI_NA[1]])  # even that person, verified, sees nothing of it
    assert not c.customs(msgs, "commitment_status")
    ask = c.last_ask(msgs)
    assert ask["slot"] == "commitment_no" and ask["error"] == "own_commitment_not_found"
    msgs = c.say(f"编号{receipt['commitment_no']}，身份证{ZHANG_WEI[1]}")
    assert not c.customs(msgs, "commitment_status")  # a new ID: its own holder's code first
    msgs = verify_identity(c, msgs, PHONES[ZHANG_WEI[1]])
    status = c.one(msgs, "commitment_status")
    assert status["commitment_no"] == receipt["commitment_no"] and status["status"] == "accepted"
    assert "承诺已受理" in msgs[0].text and "下一步" in msgs[0].text
    assert ZHANG_WEI[1] not in bot_text(c)  # P5
    slots = c.tracker_slots()  # the flow ended and left nothing behind for a later journey
    assert slots["commitment_no"] is None and slots["applicant_id"] is None and slots["requested_slot"] is None
    assert slots["identity_assurance"] is None


def test_status_is_not_told_to_someone_who_only_knows_the_number_and_the_id(chat):  # P5
    receipt = commit(chat(), "我想申请公租房", "ZM001")
    c = chat()
    c.say("查一下我的承诺")
    c.say(receipt["commitment_no"])
    msgs = c.say(ZHANG_WEI[1])
    assert c.last_ask(msgs)["slot"] == "identity_code"
    code = c.sms_code(PHONES[ZHANG_WEI[1]])
    msgs = c.say("000000" if code != "000000" else "111111")
    ask = c.last_ask(msgs)
    assert ask["slot"] == "identity_code" and ask["error"] == "code_incorrect"
    assert not c.customs(msgs, "commitment_status") and "承诺已受理" not in bot_text(c)


def test_withdrawal_then_a_repeated_withdrawal_is_refused(chat):  # R17
    receipt = commit(chat(), "我想申请公租房", "ZM001")
    number = receipt["commitment_no"]
    c = chat()
    msgs = c.say("我要撤回承诺")
    assert c.last_ask(msgs)["slot"] == "commitment_no"
    c.say(number)
    msgs = verify_identity(c, c.say(ZHANG_WEI[1]), PHONES[ZHANG_WEI[1]])
    assert c.one(msgs, "commitment_status")["status"] == "accepted"
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "withdraw_reason"}
    msgs = c.say("嗯")  # no reason given: asked again (五(八): 有合理理由的)
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "withdraw_reason", "error": "invalid_withdraw_reason"}
    msgs = c.say("我找到房子了，不符合条件了")
    withdrawn = c.one(msgs, "commitment_withdrawn")
    assert withdrawn["commitment_no"] == number
    assert any("无房证明" in p for p in withdrawn["proofs_required"])  # the normal procedure's proof
    assert "无房证明" in msgs[0].text
    # The status now says so (the code is asked at each request: the chat carries no identity between them).
    c.say("查一下我的承诺")
    msgs = c.say(f"{number} {ZHANG_WEI[1]}")
    msgs = prove_if_asked(c, msgs, PHONES[ZHANG_WEI[1]])
    assert c.one(msgs, "commitment_status")["status"] == "withdrawn"
    # A second withdrawal gets a clear refusal, and nothing is asked for a reason.
    c.say("帮我撤回承诺")
    msgs = c.say(f"{number}，{ZHANG_WEI[1]}")
    msgs = prove_if_asked(c, msgs, PHONES[ZHANG_WEI[1]])
    refusal = c.one(msgs, "commitment_status")
    assert refusal["status"] == "withdrawn" and refusal["withdrawal"] == "refused"
    assert refusal["reason"] == "already_withdrawn" and "不能重复撤回" in msgs[0].text
    assert not c.customs(msgs, "ask")


def test_withdrawal_of_a_licence_decided_on_the_spot_is_refused(chat):  # R17 R8
    receipt = commit(chat(), "我开了家饭店，要办公共场所卫生许可证", "XK001", who=HAOWEI)
    assert receipt["status"] == "licensed"
    c = chat()
    msgs = c.say(f"撤回承诺{receipt['commitment_no']}")
    assert c.last_ask(msgs)["slot"] == "applicant_id"
    msgs = verify_identity(c, c.say(HAOWEI[1]), PHONES[HAOWEI[1]])  # the legal representative's phone
    refusal = c.one(msgs, "commitment_status")
    assert refusal["status"] == "licensed" and refusal["reason"] == "concluded"
    assert "注销" in msgs[0].text
    assert not c.customs(msgs, "commitment_withdrawn")
    c.say("查一下我的承诺")
    msgs = prove_if_asked(c, c.say(f"{receipt['commitment_no']} {HAOWEI[1]}"), PHONES[HAOWEI[1]])
    assert c.one(msgs, "commitment_status")["status"] == "licensed"  # unchanged


def test_an_anonymous_complaint_about_a_commitment(chat):  # R11
    c = chat()
    receipt = commit(c, "我想申请低保", "ZM002", who=ZHAO_QIANG)
    msgs = c.say("我要投诉")
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "complaint_text"}
    msgs = c.say("我邻居家里有两套房还有车，却承诺家庭收入困难申请了低保，情况不实")
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "commitment_no", "optional": True}
    msgs = c.say(receipt["commitment_no"])
    ask = c.last_ask(msgs)
    assert ask["slot"] == "phone" and ask["optional"] is True
    msgs = c.say("匿名")
    ticket = c.one(msgs, "complaint_received")
    assert ticket["ticket_no"] and ticket["due_date"]
    assert "匿名" in msgs[0].text
    assert c.tracker_slots()["complaint_text"] is None


def test_a_complaint_in_one_sentence_with_a_phone(chat):  # R11
    c = chat()
    msgs = c.say("我要投诉，窗口工作人员明明可以告知承诺，还非让我回老家开证明")
    assert c.last_ask(msgs)["slot"] == "commitment_no"
    msgs = c.say("没有")
    assert c.last_ask(msgs)["slot"] == "phone"
    msgs = c.say("13800138000")
    assert c.one(msgs, "complaint_received")["ticket_no"]
    assert "13800138000" not in bot_text(c)


def test_own_credit_records_only_to_their_verified_holder(chat):  # R16 P5
    c = chat()
    msgs = c.say("我的信用记录")
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "applicant_name"}
    msgs = c.say(LI_NA[0])
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "applicant_id"}
    msgs = c.say(LI_NA[1])
    assert not c.customs(msgs, "credit_records")  # nothing before the code
    assert c.last_ask(msgs)["slot"] == "identity_code"
    code = c.sms_code(PHONES[LI_NA[1]])
    msgs = c.say("000000" if code != "000000" else "111111")  # someone who knows her ID, not her phone
    assert not c.customs(msgs, "credit_records") and c.last_ask(msgs)["error"] == "code_incorrect"
    assert "虚假承诺" not in bot_text(c) and "严重" not in bot_text(c)  # nothing of 李娜's file was shown
    msgs = c.answer_code(msgs)  # 李娜 herself, with her phone
    records = c.one(msgs, "credit_records")
    assert records["status"] == "blocked"
    assert [(r["type"], r["severity"]) for r in records["records"]] == [("虚假承诺", "严重")]
    assert "虚假承诺" in msgs[0].text and LI_NA[1] not in bot_text(c)
    slots = c.tracker_slots()
    assert slots["applicant_name"] is None and slots["applicant_id"] is None
    assert slots["identity_assurance"] is None


def test_pre_application_warning_before_a_high_value_notification(chat, catalogue):  # R18 R6
    c = chat()
    assert catalogue["ZM012"].high_value
    msgs = to_notice(c, "我想注册公司", "ZM012")
    stages = [m.stage for m in msgs]
    assert "credit_warning" in stages
    assert stages.index("credit_warning") < stages.index("notice_section")
    warning = c.one(msgs, "credit_warning")
    assert warning["item_code"] == "ZM012"
    text = next(m.text for m in msgs if m.stage == "credit_warning")
    # Neutral words (they may be read on a shared screen): what the person may do, not what their file holds.
    assert "信用" in text and "可以以告知承诺方式办理" in text
    read_notice(c, msgs, "ZM012")
    assert c.one(affirm(c), "commitment_receipt")["item_code"] == "ZM012"


def test_no_warning_for_an_ordinary_item(chat, catalogue):  # R18
    c = chat()
    assert not catalogue["ZM001"].high_value
    msgs = to_notice(c, "我想申请公租房", "ZM001")
    assert not c.customs(msgs, "credit_warning")
