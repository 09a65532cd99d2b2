"""The commitment journey over REST against the real servers. Every test's transcript is also checked
against the contract's rules by the ``chat`` fixture (tests/e2e/contract.py)."""
from __future__ import annotations

import httpx
import pytest

from tests.e2e.grants import grant, typed

pytestmark = pytest.mark.e2e

ZHANG_WEI = ("张伟", "410105199001011233")
LI_NA = ("李娜", "410102198505052342")
WANG_FANG = ("王芳", "410184197803154566")
ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
HAOWEI = ("郑州好味餐饮管理有限公司", "91410100MA44XK7L3D")
REPRESENTATIVE = "王强"  # 郑州好味's legal representative, who commits for the enterprise
# The real-name (实名) mobile numbers the shared data holds (docs/demo-identities.md); 王芳 has none.
PHONES = {
    ZHANG_WEI[1]: "13800138000", LI_NA[1]: "13800132342", ZHAO_QIANG[1]: "13800135671", LIU_YANG[1]: "13912345678",
    HAOWEI[1]: "13700137000",
}


def choose_item(c, need: str, code: str):
    msgs = c.say(need)
    candidates = c.one(msgs, "item_candidates")
    codes = [i["code"] for i in candidates["items"]]
    assert code in codes[:3], f"{code} not in top 3 of {codes} for {need!r}"
    assert c.last_ask(msgs)["slot"] == "item"
    msgs = c.say(str(codes.index(code) + 1))
    detail = c.one(msgs, "item_detail")
    assert detail["item"]["code"] == code
    return msgs


def to_identity(c, need: str, code: str, acting: str = "本人"):
    msgs = choose_item(c, need, code)
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "use_commitment", "options": ["yes", "no"]}
    msgs = c.say("是")
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "acting_as", "options": ["self", "proxy"]}
    msgs = c.say(acting)
    return msgs


def verify_identity(c, msgs, phone: str):
    """The login code went to the ID's registered phone (masked in the question); its owner types it back."""
    ask = c.last_ask(msgs)
    assert ask["slot"] == "identity_code", [m.text for m in msgs]
    assert ask["sent_to"] == f"{phone[:3]}****{phone[-4:]}" and phone not in msgs[-1].text  # P5: masked
    assert c.code_phone(msgs) == phone
    return c.answer_code(msgs)


def to_notice(c, need, code, who=ZHANG_WEI, phone=None):
    msgs = to_identity(c, need, code)
    assert c.last_ask(msgs)["slot"] == "applicant_name"
    msgs = c.say(who[0])
    assert c.last_ask(msgs)["slot"] == "applicant_id"
    msgs = c.say(who[1])
    msgs = verify_identity(c, msgs, PHONES[who[1]])
    if who == HAOWEI:  # an enterprise acting for itself names its legal representative
        assert c.last_ask(msgs)["slot"] == "representative_name"
        msgs = c.say(REPRESENTATIVE)
    assert c.last_ask(msgs)["slot"] == "phone"
    return c.say(phone or PHONES[who[1]])


def affirm(c, words: str = "本人承诺"):
    """The explicit affirmation, then the signing code (意愿认证) that names the item; returns the reply to it."""
    msgs = c.say(words)
    assert not c.customs(msgs, "commitment_receipt"), "a receipt before the signing code"
    assert c.last_ask(msgs)["slot"] == "act_code", [m.text for m in msgs]
    return c.answer_code(msgs)


def read_notice(c, msgs, code):
    sections = c.customs(msgs, "notice_section")
    assert [s["index"] for s in sections] == [1, 2, 3, 4, 5, 6, 7]  # R6: all seven, one message each
    assert len({s["notice_version"] for s in sections}) == 1
    assert all(s["item_code"] == code and s["total"] == 7 for s in sections)
    assert c.last_ask(msgs) == {"stage": "ask", "slot": "notice_ack", "options": ["yes", "repeat"]}
    msgs = c.say("已阅读")
    request = c.one(msgs, "affirmation_request")
    assert request["notice_version"] == sections[0]["notice_version"]
    return request


def test_self_happy_path_on_a_proof_item(chat, stack):  # R3 R6 R7 R8 P2 P3
    c = chat()
    msgs = to_notice(c, "我在郑州没有房子，想申请公租房", "ZM001")
    request = read_notice(c, msgs, "ZM001")
    for part in ("已知晓", "符合", "法律责任", "真实"):
        assert part in request["statement"]  # R7: the four parts
    msgs = c.say("本人承诺")
    ask = c.last_ask(msgs)
    assert ask["slot"] == "act_code" and not c.customs(msgs, "commitment_receipt")  # 意愿认证: the code signs
    sms = c.sms(c.code_phone(msgs))
    assert "公共租赁住房" in sms["text"] and sms["code"] in sms["text"]  # the SMS names what the code signs
    msgs = c.answer_code(msgs)
    receipt = c.one(msgs, "commitment_receipt")
    assert receipt["status"] == "accepted" and receipt["proxy"] is False
    assert receipt["notice_version"] == request["notice_version"]
    assert any("无房证明" in x for x in receipt["covers"])
    assert "410105199001011233" not in " ".join(m.text for m in c.transcript.bot_messages())  # P5
    verify = httpx.get(receipt["verify_url"], timeout=10).json()
    assert verify["valid"] is True
    assert f"code={receipt['check_code']}" in receipt["verify_url"]
    # The number alone is not the receipt: without its check code nothing is said about it (P3, P5).
    bare = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{receipt['commitment_no']}/verify", timeout=10)
    assert bare.status_code == 404


def wrong_authorisation_code(code: str) -> str:
    """Another code of the same alphabet (no 0, 1, I or O)."""
    return ("Z" if code[0] != "Z" else "Y") + code[1:]


def to_proxy_authorisation(c, need: str, code: str, acting: str):
    """A proxy says who they are and proves it, then names the principal: the authorisation question."""
    msgs = to_identity(c, need, code, acting=acting)
    assert c.last_ask(msgs)["slot"] == "agent_name"  # the agent first: the one who acts is verified
    msgs = c.say(f"我叫{LIU_YANG[0]}")
    assert c.last_ask(msgs)["slot"] == "agent_id"
    msgs = c.say(LIU_YANG[1])
    assert c.last_ask(msgs)["slot"] == "applicant_name"
    msgs = c.say(f"申请人是{ZHAO_QIANG[0]}")
    assert c.last_ask(msgs)["slot"] == "applicant_id"
    msgs = c.say(ZHAO_QIANG[1])
    msgs = verify_identity(c, msgs, PHONES[LIU_YANG[1]])  # the agent's own phone, not the principal's
    assert c.last_ask(msgs)["slot"] == "authorization_no"
    return msgs


def test_proxy_happy_path(chat, stack):  # R5 R7
    granted = grant(stack, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, ["ZM008"])
    c = chat()
    to_proxy_authorisation(c, "给我爸办城乡居民养老保险待遇领取", "ZM008", "帮我爸爸代办")
    msgs = c.say("委托书编号是SQ2026-0012")  # R5: a number alone authorises nothing; asked again
    assert c.last_ask(msgs)["slot"] == "authorization_no"
    msgs = c.say(f"授权编号{granted['number']} 授权码{wrong_authorisation_code(granted['code'])}")
    assert c.last_ask(msgs)["slot"] == "authorization_no"  # the number without its secret code is refused
    msgs = c.say(typed(granted))
    assert c.last_ask(msgs)["slot"] == "phone"
    msgs = c.say(PHONES[LIU_YANG[1]])
    request = read_notice(c, msgs, "ZM008")
    assert "赵强" in request["statement"] and "刘洋" in request["statement"]
    msgs = c.say("本人承诺")  # a proxy must say it acts under the special authorisation
    assert c.one(msgs, "affirmation_rejected")["reason"] == "unclear"
    msgs = c.say("我受赵强特别授权，代为承诺")
    assert c.code_phone(msgs) == PHONES[LIU_YANG[1]]  # the agent signs, with a code to the agent's phone
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["proxy"] is True and receipt["item_code"] == "ZM008"


def test_proxy_with_an_authorisation_for_another_item_is_refused(chat, stack):  # R5
    granted = grant(stack, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, ["ZM001"])
    c = chat()
    to_proxy_authorisation(c, "给我爸办城乡居民养老保险待遇领取", "ZM008", "帮我爸爸代办")
    msgs = c.say(typed(granted))
    assert c.last_ask(msgs)["slot"] == "authorization_no" and not c.customs(msgs, "notice_section")


def test_proxy_on_an_item_that_forbids_it(chat):  # R5
    c = chat()
    msgs = to_identity(c, "律师执业申请要无犯罪记录证明吗", "ZM004", acting="代办")
    refusal = c.one(msgs, "not_eligible")
    assert refusal["reason"] == "proxy_not_allowed" and refusal["item_code"] == "ZM004"
    assert refusal["proofs_required"]
    assert c.tracker_slots()["item"] is None  # the journey ended


def test_credit_block(chat):  # R4
    c = chat()
    msgs = to_identity(c, "我想申请低保", "ZM002")
    c.say(LI_NA[0])
    msgs = c.say(LI_NA[1])
    assert not c.customs(msgs, "not_eligible")  # nothing about the ID is said before its holder is verified
    msgs = verify_identity(c, msgs, PHONES[LI_NA[1]])
    refusal = c.one(msgs, "not_eligible")
    assert refusal["reason"] == "credit" and refusal["proofs_required"]
    assert "信用修复" in msgs[-1].text or any("信用修复" in m.text for m in msgs)


def test_excluded_item(chat):  # R2
    c = chat()
    msgs = choose_item(c, "我要开个店卖危险化学品，要办什么许可", "XK101")
    assert c.one(msgs, "item_detail")["item"]["commitment_allowed"] is False
    refusal = c.one(msgs, "not_eligible")
    assert refusal["reason"] == "excluded" and refusal["proofs_required"]
    assert "公共安全" in " ".join(m.text for m in msgs)


def test_declined_commitment_lists_proofs(chat):  # R3
    c = chat()
    choose_item(c, "申请法律援助", "ZM003")
    msgs = c.say("不用了，我还是按普通程序提交证明")
    refusal = c.one(msgs, "not_eligible")
    assert refusal["reason"] == "declined" and refusal["proofs_required"]


def test_licence_decided_on_the_spot_with_r9_covers(chat, catalogue):  # R8 R9
    c = chat()
    msgs = to_notice(c, "我开了家饭店，要办公共场所卫生许可证", "XK001", who=HAOWEI)
    request = read_notice(c, msgs, "XK001")
    assert REPRESENTATIVE in request["statement"]  # the natural person who commits for the enterprise
    msgs = affirm(c)
    receipt = c.one(msgs, "commitment_receipt")
    assert receipt["status"] == "licensed" and receipt.get("decision_no")
    item = catalogue["XK001"]
    assert set(receipt["covers"]) == set(item.replaces) | set(item.includes_proofs)
    assert "从业人员健康合格证明" in receipt["covers"]


def test_licence_needs_a_credit_code_not_a_person_id(chat):  # R8
    c = chat()
    to_identity(c, "食品经营许可新办", "XK002")
    c.say(HAOWEI[0])
    msgs = c.say(ZHANG_WEI[1])
    assert c.last_ask(msgs)["error"] == "uscc_required"


def test_implicit_negated_and_question_affirmations_are_rejected(chat):  # R7
    c = chat()
    msgs = to_notice(c, "公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    for text, reason in (("好的", "implicit"), ("嗯", "implicit"), ("我不承诺", "negated"), ("不实承诺会坐牢吗", "question")):
        msgs = c.say(text)
        rejected = c.one(msgs, "affirmation_rejected")
        assert rejected["reason"] == reason, (text, rejected)
        assert "本人承诺" in msgs[0].text
        assert not c.customs(msgs, "commitment_receipt")
    assert c.one(affirm(c), "commitment_receipt")


def test_cancel_at_affirmation_ends_politely(chat):  # R3 R7
    c = chat()
    msgs = to_notice(c, "公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    msgs = c.say("算了不办了")
    assert not c.customs(msgs, "commitment_receipt")
    assert c.tracker_slots()["item"] is None


def test_bad_id_is_reasked_and_nothing_is_lost(chat):  # P1 P4
    c = chat()
    to_identity(c, "公租房", "ZM001")
    msgs = c.say("我叫张伟，身份证410105199001011234")
    ask = c.last_ask(msgs)
    assert ask["slot"] == "applicant_id" and ask["error"] == "invalid_id_checksum"
    assert "校验码" in msgs[-1].text
    assert c.tracker_slots()["applicant_name"] == "张伟"
    for junk in ("😀😀😀", "'; DROP TABLE commitments; --"):
        msgs = c.say(junk)
        assert c.last_ask(msgs)["slot"] == "applicant_id"
    msgs = c.say("啊" * 5000)  # the message guard answers a huge message politely without processing it
    assert "太长" in msgs[0].text and c.tracker_slots()["requested_slot"] == "applicant_id"
    msgs = c.say("４１０１０５１９９００１０１１２３３")  # full-width digits
    assert c.last_ask(msgs)["slot"] == "identity_code"
    slots = c.tracker_slots()
    assert slots["applicant_name"] == "张伟" and slots["applicant_id"] == "410105199001011233"


def test_notice_repeat_and_policy_question_resume_the_journey(chat):  # R6
    c = chat()
    msgs = to_notice(c, "公租房", "ZM001")
    version = c.customs(msgs, "notice_section")[0]["notice_version"]
    msgs = c.say("第五条再说一遍")
    assert [s["index"] for s in c.customs(msgs, "notice_section")] == [5]
    msgs = c.say("不实承诺会坐牢吗")
    assert c.one(msgs, "faq")["topic"] == "liability"
    assert c.last_ask(msgs)["slot"] == "notice_ack"
    msgs = c.say("再说一遍")
    sections = c.customs(msgs, "notice_section")
    assert [s["index"] for s in sections] == [1, 2, 3, 4, 5, 6, 7]
    assert {s["notice_version"] for s in sections} == {version}
    msgs = c.say("已阅读")
    assert c.one(msgs, "affirmation_request")["notice_version"] == version


def test_a_question_about_another_item_inside_a_journey_is_answered_for_it(chat):  # R2
    c = chat()
    choose_item(c, "我在郑州没有房子，想申请公租房", "ZM001")
    msgs = c.say("危险化学品经营许可能承诺吗")
    refusal = c.one(msgs, "not_eligible")
    assert refusal["item_code"] == "XK101" and refusal["reason"] == "excluded"
    assert c.last_ask(msgs)["slot"] == "use_commitment"  # the journey resumes where it was
    msgs = c.say("是")
    assert c.last_ask(msgs)["slot"] == "acting_as"
    assert c.tracker_slots()["item"] == "ZM001"


def test_retried_message_creates_no_duplicate(chat, stack):  # P4 contract rule 3
    c = chat()
    msgs = to_notice(c, "公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    receipt = c.one(affirm(c), "commitment_receipt")
    before = httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=10).json()["length"]
    msgs = c.say("本人承诺")
    assert not c.customs(msgs, "commitment_receipt")
    assert c.one(msgs, "commitment_status")["commitment_no"] == receipt["commitment_no"]
    after = httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=10).json()["length"]
    assert after == before


def test_api_down_at_the_signing_code_then_recovery(chat, stack):  # P4
    c = chat()
    msgs = to_notice(c, "公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    stack.stop("api")
    try:
        # The signing code cannot be sent: said so, and the affirmation is kept; nothing is submitted.
        msgs = c.say("本人承诺")
        ask = c.last_ask(msgs)
        assert ask["slot"] == "act_code" and "sent_to" not in ask, ask
        assert not c.customs(msgs, "commitment_receipt")
        assert "连接不上" in " ".join(m.text for m in msgs)
        msgs = c.say("重新发送")  # still down: the same answer, nothing lost
        ask = c.last_ask(msgs)
        assert ask["slot"] == "act_code" and "sent_to" not in ask, ask
    finally:
        stack.start_api()
        stack.wait_ready("api")
    slots = c.tracker_slots()
    assert slots["applicant_id"] == ZHANG_WEI[1] and slots["affirmation"] == "本人承诺"
    msgs = c.say("重新发送")
    assert c.last_ask(msgs)["sent_to"] == "138****8000"
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True


def test_small_talk_faq_handoff_and_not_found(chat):
    c = chat()
    assert "告知承诺" in c.say("你好")[0].text
    assert c.say("你能做什么")[0].text
    assert c.one(c.say("什么是告知承诺制"), "faq")["topic"] == "what_is_commitment"
    assert c.one(c.say("承诺了还能撤回吗"), "faq")["topic"] == "withdrawal"
    assert c.one(c.say("转人工"), "handoff")["reason"]
    msgs = c.say("qwertyuiop")
    assert c.one(msgs, "item_not_found")
    msgs = c.say("本人承诺")  # nothing is open: nothing is committed
    assert not c.customs(msgs, "commitment_receipt")
