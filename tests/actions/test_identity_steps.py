"""Who acts (actions/identity.py): the login code before anything about an ID is looked up, and the code that
confirms the commitment itself. One message into the journey's validation action, the exact events and messages
out; the API is the recording fake of tests/actions/conftest.py, which answers only for assurances it issued."""
from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List, Tuple

import pytest
from rasa_sdk import Tracker

from actions import identity, journey, messages
from bot.core import conversation
from bot.core.catalogue import load_catalogue
from tests.actions.conftest import (ACT_CODE, BLOCKED_ID, FIXTURE_ASSURANCE, LOGIN_CODE, SENT_TO, ZHANG_WEI_ID,
                                    FakeBackend, identity_slots)
from tests.actions.test_journey import (FIXTURE_CLIENT, FIXTURES, offline_backend, run, sign,  # noqa: F401 (fixture)
                                        slot_events, stages, then)

ITEMS = load_catalogue()
VERSION = ITEMS["ZM001"].notice_version
# Everything from the applicant's ID on is still to be answered.
FROM_THE_ID = {"applicant_id": None, "identity_code": None, "identity_assurance": None, "credit_status": None,
               "phone": None, "notice_ack": None, "notice_ack_at": None, "notice_sent_at": None,
               "notice_version": None}
CODE_INCORRECT = "验证码不正确，请核对短信后重新输入（还可以再试4次）。"


def at(step: str, text: str, *, channel: str = "rest", intent: str = "inform", metadata: Dict[str, Any] = None,
       **slots: Any) -> Tracker:
    """The fixture conversation (张伟, ZM001) waiting for ``step``; ``text`` arrives on ``channel``."""
    data = json.loads((FIXTURES / "affirmation_requested.json").read_text())
    data["slots"].update(requested_slot=step, **slots)
    for event in data["events"]:
        if event["event"] == "user":
            event["input_channel"] = channel
    data["latest_message"].update(text=text, message_id=f"m-{step}-{abs(hash(text))}",
                                  intent={"name": intent, "confidence": 0.95}, metadata=metadata or {})
    sign(data)
    return Tracker(data["sender_id"], data["slots"], data["latest_message"], data["events"], False, None,
                   data["active_loop"], data["latest_action_name"])


async def turn(tracker: Tracker) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    return await run(journey.ValidateCommitmentForm(), tracker)


async def id_given(id_number: str = ZHANG_WEI_ID, **slots: Any):
    """张伟 types his ID: the login code goes out. (tracker, messages, events)"""
    tracker = at("applicant_id", id_number, **{**FROM_THE_ID, **slots})
    msgs, events = await turn(tracker)
    return tracker, msgs, events


def asked(msgs: List[Dict[str, Any]]) -> Dict[str, Any]:
    return msgs[-1]["custom"]


def mentions_credit(msgs: List[Dict[str, Any]]) -> bool:
    return any(word in (m.get("text") or "") for m in msgs for word in ("信用", "诚信", "失信"))


# --- reading a code ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,code", [
    ("246810", "246810"),
    ("验证码是246810", "246810"),
    ("２４６８１０", "246810"),  # full-width digits
    ("246 810", "246810"),
    ("246-810", "246810"),
    ("验证码 246810，就是246810", "246810"),  # the same code twice is one code
    ("我手机13800138000收到的是246810", "246810"),
    ("13800138000", None),  # a phone number is not a code
    ("12345", None),
    ("1234567", None),
    ("246810还是135790", None),  # two different codes: which one?
    ("没收到", None),
    ("", None),
])
def test_a_code_is_six_digits_standing_alone_and_only_one(text, code):
    assert identity.code_in(text) == code


@pytest.mark.parametrize("text,resend", [
    ("没收到", True), ("没有收到验证码", True), ("重新发送", True), ("再发一次", True), ("收不到短信", True),
    ("重发", True), ("246810", False), ("收到了，246810", False), ("好的", False),
])
def test_asking_for_a_new_code(text, resend):
    assert identity.wants_resend(text) is resend


# --- the login code -------------------------------------------------------------------------------------------


async def test_the_id_sends_a_code_to_the_registered_phone_and_nothing_about_the_id_is_said(offline_backend):
    _, msgs, events = await id_given()
    s = slot_events(events)
    assert offline_backend["request_code"] == [{"id_number": ZHANG_WEI_ID, "client": FIXTURE_CLIENT, "act": None}]
    assert s["applicant_id"] == ZHANG_WEI_ID and s["identity_code_sent"] == {"to": SENT_TO, "expires_in": 300}
    assert s["requested_slot"] == "identity_code" and s.get("credit_status") is None
    assert asked(msgs) == {"stage": "ask", "slot": "identity_code", "sent_to": SENT_TO}
    assert SENT_TO in msgs[-1]["text"] and ZHANG_WEI_ID not in msgs[-1]["text"]
    assert not offline_backend["credit"] and not offline_backend["warning"] and not mentions_credit(msgs)


async def test_credit_is_looked_up_only_after_the_code_was_verified_with_the_assurance_it_made(offline_backend):
    tracker, _, events = await id_given(BLOCKED_ID, applicant_name="李娜", item="ZM002")
    tracker = then(tracker, events, "123456")  # wrong
    msgs, events = await turn(tracker)
    assert not offline_backend["credit"] and not mentions_credit(msgs)
    msgs, events = await turn(then(tracker, events, f"验证码是{LOGIN_CODE}"))
    assert [v["code"] for v in offline_backend["verify_code"]] == ["123456", LOGIN_CODE]
    s = slot_events(events)
    assert s["identity_code"] == "verified"
    assert s["identity_assurance"]["id"] == "4101**********2342" and BLOCKED_ID not in json.dumps(s["identity_assurance"])
    (credit,) = offline_backend["credit"]
    assert credit == {"id_number": BLOCKED_ID, "assurance_id": s["identity_assurance"]["assurance_id"],
                      "client": FIXTURE_CLIENT, "authorisation": None}
    assert stages(msgs) == ["not_eligible"] and s["journey_outcome"] == "not_eligible"


async def test_the_same_sender_on_another_channel_is_another_conversation(offline_backend):
    """Rasa keys a conversation by the sender id alone, and a REST client chooses its own: every identity call
    names the channel as well, so what was verified on one channel vouches on no other."""
    await turn(at("applicant_id", ZHANG_WEI_ID, **FROM_THE_ID))
    tracker = at("applicant_id", ZHANG_WEI_ID, channel="socketio", **FROM_THE_ID)  # the widget's channel
    assert tracker.sender_id == "fixture-1" and tracker.get_latest_input_channel() == "socketio"
    _, events = await turn(tracker)
    msgs, events = await turn(then(tracker, events, LOGIN_CODE))
    assert slot_events(events)["identity_code"] == "verified"
    on_rest, on_widget = offline_backend["request_code"]
    assert on_rest["client"] == FIXTURE_CLIENT == conversation.key("rest", "fixture-1")
    widget = conversation.key("socketio", "fixture-1")
    assert on_widget["client"] == widget != FIXTURE_CLIENT
    # Everything asked in the widget's conversation names the widget's: the code, and the credit it unlocks.
    (verified,) = offline_backend["verify_code"]
    (credit,) = offline_backend["credit"]
    assert verified["client"] == widget and credit["client"] == widget
    # An assurance already held is looked up under each conversation's own key, and no other.
    assert {c["client"] for c in offline_backend["current_assurance"]} == {FIXTURE_CLIENT, widget}


@pytest.mark.parametrize("text,error", [
    ("13800138000", "invalid_code"),  # a phone number
    ("246810或者135790", "invalid_code"),  # two codes
    ("我不知道", "invalid_code"),
])
async def test_no_single_code_is_asked_again_and_nothing_is_checked(offline_backend, text, error):
    tracker, _, events = await id_given()
    msgs, events = await turn(then(tracker, events, text))
    s = slot_events(events)
    assert s["identity_code"] is None and s["input_error"] == error and s["failed_attempts"] == 1.0
    assert asked(msgs)["slot"] == "identity_code" and asked(msgs)["error"] == error
    assert "6位数字" in msgs[-1]["text"]
    assert not offline_backend["verify_code"] and not offline_backend["credit"]


@pytest.mark.parametrize("text", ["没收到验证码", "麻烦重新发送一下"])
async def test_resend_words_send_a_new_code_and_are_not_a_failed_answer(offline_backend, text):
    tracker, _, events = await id_given()
    msgs, events = await turn(then(tracker, events, text))
    s = slot_events(events)
    assert len(offline_backend["request_code"]) == 2 and not offline_backend["verify_code"]
    assert s["identity_code"] is None and not s.get("failed_attempts") and s["requested_slot"] == "identity_code"
    assert asked(msgs)["slot"] == "identity_code" and asked(msgs)["sent_to"] == SENT_TO


async def test_a_wrong_code_is_asked_again_in_the_apis_words(offline_backend):
    tracker, _, events = await id_given()
    msgs, events = await turn(then(tracker, events, "111111"))
    s = slot_events(events)
    assert s["identity_code"] is None and s["input_error"] == "code_incorrect" and s["failed_attempts"] == 1.0
    assert msgs[-1]["text"].startswith(CODE_INCORRECT)  # how many tries are left, as the API counts them
    assert asked(msgs)["error"] == "code_incorrect"
    assert len(offline_backend["request_code"]) == 1 and not offline_backend["credit"]


@pytest.mark.parametrize("code,said", [
    ("code_expired", "验证码已过期，请重新获取。"),
    ("code_locked", "验证码输错次数过多，已经失效，请重新获取。"),
    ("code_used", "该验证码已经使用过，每个验证码只能使用一次，请重新获取。"),
])
async def test_a_code_that_cannot_be_used_any_more_brings_a_new_one(offline_backend, code, said):
    tracker, _, events = await id_given()
    offline_backend.refuse["verify_code"] = (422, code, said)
    msgs, events = await turn(then(tracker, events, LOGIN_CODE))
    s = slot_events(events)
    assert len(offline_backend["request_code"]) == 2  # a new code is on its way
    assert msgs[-1]["text"].startswith(said + "已为您重新发送验证码。")
    assert s["identity_code"] is None and not s.get("failed_attempts") and not offline_backend["credit"]


async def test_no_registered_phone_ends_the_journey_with_the_apis_message(offline_backend):
    said = "该证件号码没有登记实名手机号码，无法发送短信验证码。请到政务服务窗口现场办理，或拨打热线由工作人员核验身份后办理。"
    offline_backend.refuse["request_code"] = (422, "no_registered_phone", said)
    _, msgs, events = await id_given()
    s = slot_events(events)
    assert [m["text"] for m in msgs] == [said]
    assert s["journey_outcome"] == "identity_unavailable" and s["requested_slot"] is None
    assert not offline_backend["credit"] and not offline_backend["verify_code"]


async def test_the_code_service_down_keeps_everything_and_sends_the_code_when_it_is_back(offline_backend):
    offline_backend.down.add("request_code")
    tracker, msgs, events = await id_given()
    s = slot_events(events)
    assert s["applicant_id"] == ZHANG_WEI_ID and s["identity_code_sent"] is None
    assert msgs[-1]["text"].startswith(messages.CODE_SERVICE_DOWN_TEXT)
    assert asked(msgs) == {"stage": "ask", "slot": "identity_code"}  # no number a code went to
    offline_backend.down.clear()
    # A code typed now cannot be one that was sent: it is not checked; a code is sent instead.
    tracker = then(tracker, events, "246810")
    msgs, events = await turn(tracker)
    s = slot_events(events)
    assert not offline_backend["verify_code"] and s["identity_code_sent"] == {"to": SENT_TO, "expires_in": 300}
    assert asked(msgs)["sent_to"] == SENT_TO and not s.get("failed_attempts")
    msgs, events = await turn(then(tracker, events, LOGIN_CODE))
    assert slot_events(events)["identity_code"] == "verified" and len(offline_backend["credit"]) == 1


async def test_the_check_service_down_keeps_the_code_sent_and_the_answers(offline_backend):
    tracker, _, events = await id_given()
    offline_backend.down.add("verify_code")
    tracker = then(tracker, events, LOGIN_CODE)
    msgs, events = await turn(tracker)
    s = {**tracker.slots, **slot_events(events)}
    assert s["applicant_id"] == ZHANG_WEI_ID and s["identity_code_sent"] and s["identity_code"] is None
    assert msgs[-1]["text"].startswith(messages.CODE_SERVICE_DOWN_TEXT) and not s.get("failed_attempts")
    offline_backend.down.clear()
    _, events = await turn(then(tracker, events, LOGIN_CODE))
    assert slot_events(events)["identity_code"] == "verified"


async def test_a_corrected_id_needs_a_new_verification(offline_backend):
    verified = identity_slots(ZHANG_WEI_ID, FIXTURE_ASSURANCE)
    # Another ID than the one verified: the assurance does not carry over, a code goes to the new ID's phone.
    _, msgs, events = await id_given(BLOCKED_ID, **verified)
    s = slot_events(events)
    assert s["applicant_id"] == BLOCKED_ID and s["identity_code"] is None and s["identity_assurance"] is None
    assert [c["id_number"] for c in offline_backend["request_code"]] == [BLOCKED_ID]
    assert asked(msgs)["slot"] == "identity_code" and not offline_backend["credit"]


async def test_the_same_id_again_keeps_its_verification(offline_backend):
    _, msgs, events = await id_given(ZHANG_WEI_ID, **identity_slots(ZHANG_WEI_ID, FIXTURE_ASSURANCE))
    s = slot_events(events)
    assert s["identity_code"] == "verified" and not offline_backend["request_code"]
    assert offline_backend["credit"][0]["assurance_id"] == FIXTURE_ASSURANCE and asked(msgs)["slot"] == "phone"


async def test_an_assurance_the_api_no_longer_takes_is_verified_again(offline_backend):
    # The credit check comes back "identity_required" (the assurance expired): the person verifies again.
    del offline_backend.issued[FIXTURE_ASSURANCE]
    tracker = at("credit_status", "重试", intent="retry", credit_status=None, phone=None, notice_ack=None)
    msgs, events = await turn(tracker)
    s = slot_events(events)
    assert s["identity_code"] is None and s["identity_assurance"] is None and s["credit_status"] is None
    assert s["requested_slot"] == "identity_code" and msgs[0]["text"] == "请先核验身份。"
    assert [c["id_number"] for c in offline_backend["request_code"]] == [ZHANG_WEI_ID]
    msgs, events = await turn(then(tracker, events, LOGIN_CODE))
    s = slot_events(events)
    assert s["credit_status"] == "clean" and offline_backend["credit"][-1]["assurance_id"] != FIXTURE_ASSURANCE


async def test_a_proxy_proves_who_they_are_and_nothing_is_looked_up_about_the_principal(offline_backend):
    agent = "410105200002291113"
    tracker = at("agent_id", agent, acting_as="proxy", agent_name="刘洋", agent_id=None, applicant_name=None,
                 **FROM_THE_ID)
    msgs, events = await turn(tracker)
    assert [c["id_number"] for c in offline_backend["request_code"]] == [agent]
    assert slot_events(events)["requested_slot"] == "applicant_name"  # the code is typed after the principal
    tracker = then(tracker, events, "赵强")
    msgs, events = await turn(tracker)
    tracker = then(tracker, events, "410103196208085671")
    msgs, events = await turn(tracker)
    assert asked(msgs)["slot"] == "identity_code" and len(offline_backend["request_code"]) == 1
    msgs, events = await turn(then(tracker, events, LOGIN_CODE))
    s = slot_events(events)
    assert offline_backend["verify_code"][0]["id_number"] == agent and s["identity_code"] == "verified"
    assert s["identity_assurance"]["id"] == "4101**********1113"
    # The principal's credit waits for the authorisation (tests/actions/test_forms.py).
    assert not offline_backend["credit"] and asked(msgs)["slot"] == "authorization_no"


# --- the hotline: the staff member attests the caller ----------------------------------------------------------


async def test_on_the_hotline_no_code_is_sent_and_the_journey_waits_for_the_attestation(offline_backend):
    tracker = at("applicant_id", ZHANG_WEI_ID, channel="hotline", **FROM_THE_ID)
    msgs, events = await turn(tracker)
    assert not offline_backend["request_code"] and not offline_backend["credit"]
    assert asked(msgs)["slot"] == "identity_code" and msgs[-1]["text"] == messages.HOTLINE_ATTESTATION_ASK
    # "已核验" typed before the staff member attested in the console: nothing is taken.
    tracker = then(tracker, events, "已核验")
    msgs, events = await turn(tracker)
    s = slot_events(events)
    assert s["identity_code"] is None and s["input_error"] == "attestation_missing"
    assert not offline_backend["credit"] and not offline_backend["request_code"] and not offline_backend["verify_code"]
    assert messages.HOTLINE_ATTESTATION_ASK in msgs[-1]["text"]
    # The staff member attests; the same words now go on, and credit is looked up under the attestation.
    held = offline_backend.attest(ZHANG_WEI_ID)
    msgs, events = await turn(then(tracker, events, "已核验"))
    s = slot_events(events)
    assert s["identity_code"] == "verified" and s["identity_assurance"]["assurance_id"] == held["assurance_id"]
    assert s["identity_assurance"]["method"] == "hotline_attestation"
    assert offline_backend["credit"][0]["assurance_id"] == held["assurance_id"] and asked(msgs)["slot"] == "phone"
    assert not offline_backend["request_code"]


async def test_an_attestation_made_before_the_id_is_used_at_once(offline_backend):
    held = offline_backend.attest(ZHANG_WEI_ID)
    msgs, events = await turn(at("applicant_id", ZHANG_WEI_ID, channel="hotline", **FROM_THE_ID))
    s = slot_events(events)
    assert s["identity_code"] == "verified" and s["identity_assurance"]["assurance_id"] == held["assurance_id"]
    assert not offline_backend["request_code"] and asked(msgs)["slot"] == "phone"


# --- the code that confirms the commitment (意愿认证) -------------------------------------------------------------


def statement_hash(slots: Dict[str, Any], item_code: str = "ZM001") -> str:
    statement = journey.statement_for(ITEMS[item_code], slots)
    return hashlib.sha256(statement.encode("utf-8")).hexdigest()


async def affirmed(words: str = "本人承诺", **slots: Any):
    tracker = at("affirmation", words, notice_version=VERSION, **slots)
    msgs, events = await turn(tracker)
    return tracker, msgs, events


async def test_the_act_code_names_the_item_and_the_statement_shown(offline_backend):
    tracker, msgs, events = await affirmed()
    (sent,) = offline_backend["request_code"]
    assert sent["act"] == {"item_name": "公共租赁住房资格申请", "item_code": "ZM001",
                           "statement_sha256": statement_hash(tracker.slots)}
    assert sent["id_number"] == ZHANG_WEI_ID
    assert asked(msgs) == {"stage": "ask", "slot": "act_code", "sent_to": SENT_TO}
    assert "『公共租赁住房资格申请』" in msgs[-1]["text"] and not offline_backend["submit"]


async def test_a_proxys_act_code_goes_to_the_agent_and_names_the_proxy_statement(offline_backend):
    agent = "410105200002291113"
    offline_backend.issued["as-agent"] = agent
    slots = {"acting_as": "proxy", "agent_name": "刘洋", "agent_id": agent, "applicant_name": "赵强",
             "applicant_id": "410103196208085671", "authorization_no": "SQ20261206-7KQ2MX",
             "authorisation": {"number": "SQ20261206-7KQ2MX", "code": "4HT8CW2P"},
             **identity_slots(agent, "as-agent")}
    tracker, msgs, events = await affirmed("我受赵强特别授权，代为承诺", **slots)
    (sent,) = offline_backend["request_code"]
    assert sent["id_number"] == agent and sent["act"]["statement_sha256"] == statement_hash(tracker.slots)
    assert sent["act"]["statement_sha256"] != statement_hash({**tracker.slots, "acting_as": "self"})
    await turn(then(tracker, events, ACT_CODE))
    (payload,) = offline_backend["submit"]
    assert payload["identity"]["assurance_id"] == "as-agent"
    assert payload["proxy"]["authorisation"] == {"number": "SQ20261206-7KQ2MX", "code": "4HT8CW2P"}


async def test_a_wrong_act_code_signs_nothing_and_asks_again(offline_backend):
    tracker, _, events = await affirmed()
    # The login code is no confirmation of the commitment either.
    for wrong in ("111111", LOGIN_CODE):
        msgs, wrong_events = await turn(then(tracker, events, wrong))
        s = slot_events(wrong_events)
        assert s["act_code"] is None and s["input_error"] == "code_incorrect" and not s.get("receipt")
        assert s["act_confirmation"] is None and s["requested_slot"] == "act_code"
        assert msgs[-1]["text"].startswith(CODE_INCORRECT) and asked(msgs)["slot"] == "act_code"
        assert "commitment_receipt" not in stages(msgs)
    assert [p["identity"]["act_code"] for p in offline_backend["submit"]] == ["111111", LOGIN_CODE]
    msgs, _ = await turn(then(tracker, events, ACT_CODE))  # the right one still signs
    assert stages(msgs) == ["commitment_receipt"]


async def test_an_act_code_for_another_statement_brings_a_new_one(offline_backend):
    tracker, _, events = await affirmed()
    said = "这个验证码是为另一项承诺发送的，只能确认短信里写明的那一项承诺。请重新获取。"
    offline_backend.refuse["submit"] = (422, "code_act_mismatch", said)
    msgs, events = await turn(then(tracker, events, ACT_CODE))
    assert "commitment_receipt" not in stages(msgs) and len(offline_backend["request_code"]) == 2
    assert offline_backend["request_code"][1]["act"] == offline_backend["request_code"][0]["act"]
    assert msgs[-1]["text"].startswith(said + "已为您重新发送确认验证码。")


async def test_the_act_code_not_the_login_assurance_confirms(offline_backend):
    tracker, _, events = await affirmed()
    msgs, events = await turn(then(tracker, events, ACT_CODE))
    (payload,) = offline_backend["submit"]
    # The code typed back goes with the commitment; the API redeems it there (no verify call of its own).
    assert payload["identity"] == {"assurance_id": FIXTURE_ASSURANCE, "act_code": ACT_CODE}
    assert not offline_backend["verify_code"] and stages(msgs) == ["commitment_receipt"]


@pytest.mark.parametrize("code", ["code_expired", "code_used", "code_locked"])
async def test_a_spent_or_stale_act_code_brings_a_new_one(offline_backend, code):
    tracker, _, events = await affirmed()
    said = "确认验证码已失效，请重新获取。"
    offline_backend.refuse["submit"] = (422, code, said)
    msgs, events = await turn(then(tracker, events, ACT_CODE))
    s = slot_events(events)
    assert s["act_code"] is None and s["input_error"] == code and s["requested_slot"] == "act_code"
    assert len(offline_backend["request_code"]) == 2
    assert msgs[-1]["text"].startswith(said + "已为您重新发送确认验证码。")


async def test_a_used_confirmation_is_replaced_by_a_new_code_not_sent_again(offline_backend):
    tracker, _, events = await affirmed()
    said = "这个确认验证码已经用于另一份承诺，不能重复使用。请重新获取确认验证码。"
    offline_backend.refuse["submit"] = (409, "act_confirmation_used", said)
    msgs, events = await turn(then(tracker, events, ACT_CODE))
    s = slot_events(events)
    assert len(offline_backend["submit"]) == 1 and len(offline_backend["request_code"]) == 2
    assert s["act_confirmation"] is None and s["requested_slot"] == "act_code" and s.get("receipt") is None
    assert msgs[0]["text"] == said and asked(msgs)["slot"] == "act_code"


async def test_on_the_hotline_the_commitment_is_submitted_without_a_code(offline_backend):
    from tests.actions.test_handoff_and_hotline import hotline_affirmation

    msgs, events = await turn(hotline_affirmation())
    assert stages(msgs) == ["commitment_receipt"] and not offline_backend["request_code"]
    assert offline_backend["submit"][0]["identity"]["act_confirmation_id"] is None


def test_the_fake_refuses_credit_without_an_assurance_it_issued():
    """The fake's gate is what makes "no credit before verification" testable: it must refuse."""
    import asyncio

    fake = FakeBackend()
    for assurance in (None, "as-made-up"):
        with pytest.raises(Exception) as refused:
            asyncio.run(fake.check_credit(ZHANG_WEI_ID, assurance_id=assurance, client="c"))
        assert getattr(refused.value, "code", None) == "identity_required"
    with pytest.raises(Exception) as refused:
        asyncio.run(fake.check_credit(BLOCKED_ID, assurance_id=FIXTURE_ASSURANCE, client="c"))
    assert getattr(refused.value, "code", None) == "identity_mismatch"
