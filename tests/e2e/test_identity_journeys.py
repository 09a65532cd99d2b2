"""Who acts, end to end: the login code after the ID, the signing code after the affirmation (意愿认证), read from
the SMS outbox the way the phone's owner reads it, over REST and socket.io; the proxy's electronic authorisation;
an enterprise through its legal representative's registered phone; and the hotline, where the staff member
attests the caller instead. Every transcript is checked against the contract's rules (tests/e2e/contract.py).
"""
from __future__ import annotations

import httpx
import pytest

from tests.e2e import outbox
from tests.e2e.contract import check_contract
from tests.e2e.grants import grant, typed
from tests.e2e.test_hotline import Console
from tests.e2e.test_journey import (HAOWEI, LI_NA, LIU_YANG, PHONES, REPRESENTATIVE, WANG_FANG, ZHANG_WEI,
                                    ZHAO_QIANG, read_notice, to_identity, to_notice)
from tests.e2e.test_natural_journeys import expect_ask, natural_chat, pick  # noqa: F401  (the fixture)
from tests.e2e.staff import staff_headers

pytestmark = pytest.mark.e2e


def bot_text(c) -> str:
    return " ".join(m.text for m in c.transcript.bot_messages())


def test_self_journey_with_both_codes(natural_chat):  # R7 P2 P5, REST and socket.io
    c = natural_chat()
    msgs = pick(c, "我在郑州没有自己的房子，想申请公租房", "ZM001", "就是公租房那个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("我选择告知承诺方式办理")
    expect_ask(c, msgs, "acting_as")
    msgs = c.say("是我自己办")
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say("申请人姓名：张伟")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say("我的身份证号码是410105199001011233")
    ask = expect_ask(c, msgs, "identity_code")
    assert ask["sent_to"] == "138****8000" and "13800138000" not in bot_text(c)
    login = c.sms("13800138000")
    assert login["code"] in login["text"]
    msgs = c.say(f"验证码是{login['code']}")
    expect_ask(c, msgs, "phone")
    msgs = c.say("手机号是138 0013 8000")
    request = read_notice(c, msgs, "ZM001")
    msgs = c.say("本人承诺以上内容全部属实")
    expect_ask(c, msgs, "act_code")
    assert not c.customs(msgs, "commitment_receipt")
    signing = c.sms("13800138000")
    assert signing["code"] != login["code"] and "公共租赁住房" in signing["text"]
    # The login code, typed again at the signing step, signs nothing (a login code never confirms an act).
    msgs = c.say(login["code"])
    expect_ask(c, msgs, "act_code", error="code_incorrect")
    assert not c.customs(msgs, "commitment_receipt")
    msgs = c.answer_code(msgs)
    receipt = c.one(msgs, "commitment_receipt")
    assert receipt["notice_version"] == request["notice_version"] and receipt["proxy"] is False
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True


def test_an_impostor_with_someones_id_gets_no_further_than_the_code(chat, stack):  # P5
    c = chat()
    to_identity(c, "我想申请低保", "ZM002")
    c.say(LI_NA[0])
    msgs = c.say(LI_NA[1])  # 李娜's ID, typed by someone who does not hold her phone
    expect_ask(c, msgs, "identity_code")
    real = c.sms_code(PHONES[LI_NA[1]])
    for guess in (outbox.wrong_code(real), "123456"):
        if guess == real:
            continue
        msgs = c.say(guess)
        ask = expect_ask(c, msgs, "identity_code")
        assert ask["error"] == "code_incorrect"
        assert not c.customs(msgs, "not_eligible") and not c.customs(msgs, "notice_section")
    # Nothing of her file was shown: not even the serious record that bars her (R4), nor her phone.
    assert "虚假承诺" not in bot_text(c) and "严重" not in bot_text(c) and PHONES[LI_NA[1]] not in bot_text(c)
    slots = c.tracker_slots()
    assert slots["identity_code"] is None and slots["identity_assurance"] is None
    assert slots["credit_status"] is None and slots["requested_slot"] == "identity_code"


def test_without_a_registered_phone_the_hotline_or_a_window_is_offered(chat):  # P5
    c = chat()
    to_identity(c, "我想申请低保", "ZM002")
    c.say(WANG_FANG[0])
    msgs = c.say(WANG_FANG[1])
    text = " ".join(m.text for m in msgs)
    assert "窗口" in text and ("热线" in text or "12345" in text)  # where she can be verified instead
    assert not [a for a in c.customs(msgs, "ask") if a["slot"] in ("identity_code", "phone", "notice_ack")]
    assert not c.customs(msgs, "notice_section") and not c.customs(msgs, "credit_warning")
    msgs = c.say("本人承诺")  # nothing is open: nothing is committed
    assert not c.customs(msgs, "commitment_receipt")


def test_proxy_with_an_electronic_authorisation(natural_chat, stack):  # R5 R7, REST and socket.io
    granted = grant(stack, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, ["ZM008", "ZM001"])
    assert granted["number"].startswith("SQ") and len(granted["code"]) == 8
    c = natural_chat()
    msgs = pick(c, "我爸爸到年龄了，想帮他领城乡居民养老保险", "ZM008", "养老保险那个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("愿意，用承诺吧")
    expect_ask(c, msgs, "acting_as")
    msgs = c.say("我帮我爸办")
    expect_ask(c, msgs, "agent_name")
    msgs = c.say("我叫刘洋")
    expect_ask(c, msgs, "agent_id")
    msgs = c.say("我的证件号码是410105200002291113")
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say("申请人是赵强")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say("他的身份证号是410103196208085671")
    ask = expect_ask(c, msgs, "identity_code")
    assert ask["sent_to"] == "139****5678"  # the agent's phone: the agent is who acts
    msgs = c.answer_code(msgs)
    expect_ask(c, msgs, "authorization_no")
    msgs = c.say(f"授权编号是{granted['number']}")  # the number without its code authorises nothing
    expect_ask(c, msgs, "authorization_no")
    msgs = c.say(f"他给我的{typed(granted)}")
    expect_ask(c, msgs, "phone")
    msgs = c.say("13912345678")
    request = read_notice(c, msgs, "ZM008")
    assert "赵强" in request["statement"] and "刘洋" in request["statement"]
    msgs = c.say("我受赵强特别授权，代为承诺")
    expect_ask(c, msgs, "act_code")
    assert c.code_phone(msgs) == "13912345678"
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["proxy"] is True and receipt["item_code"] == "ZM008"


def test_an_enterprise_verified_through_its_registered_phone(natural_chat, catalogue):  # R8 R9, REST and socket.io
    c = natural_chat()
    msgs = to_notice(c, "我开了家饭店，要办公共场所卫生许可证", "XK001", who=HAOWEI)  # code to 137****7000
    request = read_notice(c, msgs, "XK001")
    assert REPRESENTATIVE in request["statement"]
    msgs = c.say("本人承诺")
    expect_ask(c, msgs, "act_code")
    assert c.code_phone(msgs) == PHONES[HAOWEI[1]]
    assert "公共场所卫生许可" in c.sms(PHONES[HAOWEI[1]])["text"]
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["status"] == "licensed" and receipt["item_code"] == "XK001"


def test_a_phone_that_is_not_the_registered_one_is_refused_for_an_enterprise(chat):  # P2
    c = chat()
    msgs = to_notice(c, "我开了家饭店，要办公共场所卫生许可证", "XK001", who=HAOWEI, phone=PHONES[ZHANG_WEI[1]])
    read_notice(c, msgs, "XK001")
    msgs = c.say("本人承诺")
    # Refused once the commitment is submitted after the signing code, or straight away: never a receipt.
    if c.last_ask(msgs)["slot"] == "act_code":
        msgs = c.answer_code(msgs)
    assert not c.customs(msgs, "commitment_receipt")
    assert c.last_ask(msgs)["slot"] == "phone"


def test_hotline_journey_with_the_staff_attestation(stack, catalogue):  # R4 R6 R7 P2, no SMS on the hotline
    """王芳 has no registered phone, so no code can reach her; on the hotline the staff member checks her identity
    card on video and attests it. Her repaired record (R4) lets her commit."""
    console = Console(stack, call_id="CALL-E2E-IDENTITY", caller="13600000000")
    msgs = console.say("来电人想申请最低生活保障")
    candidates = [m.custom for m in msgs if m.stage == "item_candidates"][0]["items"]
    msgs = console.say(str([c["code"] for c in candidates].index("ZM002") + 1))
    for answer, next_slot in (("yes", "acting_as"), ("self", "applicant_name"), (WANG_FANG[0], "applicant_id"),
                              (WANG_FANG[1], "identity_code")):
        msgs = console.say(answer)
        assert console.last_ask(msgs)["slot"] == next_slot, (answer, [(m.text, m.custom) for m in msgs])
    before = outbox.count(outbox.outbox_path(stack))
    response = httpx.post(f"{stack.config.api_url}/api/v1/hotline/sessions/{console.sid}/identity",
                          json={"id_number": WANG_FANG[1], "how": "video_id_document"},
                          headers=console.headers, timeout=30)
    assert response.status_code == 201, response.text
    msgs = console.say("继续")
    assert console.last_ask(msgs)["slot"] == "phone"
    msgs = console.say("13600000000")
    sections = [m.custom for m in msgs if m.stage == "notice_section"]
    version = sections[0]["notice_version"]
    for index in range(1, 8):
        console.tick(version, index)
    msgs = console.say("已阅读")
    request = [m.custom for m in msgs if m.stage == "affirmation_request"][0]
    msgs = console.say(request["required_words"], attest=True)
    receipt = [m.custom for m in msgs if m.stage == "commitment_receipt"][0]  # no signing code on the hotline
    assert receipt["item_code"] == "ZM002" and receipt["status"] == "accepted"
    assert outbox.count(outbox.outbox_path(stack)) == before  # no SMS was sent for any of it
    proxy_items = {code: item.proxy_allowed for code, item in catalogue.items()}
    check_contract(console.transcript, stack.config.api_url, proxy_items)
    record = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{receipt['commitment_no']}",
                       headers=staff_headers(stack, "officer"), timeout=30).json()["signed_record"]
    assert record["evidence"]["channel"] == "hotline"
