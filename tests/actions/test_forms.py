"""The conversation engine (actions/forms.py) step by step: one message into a form's validation action, the
exact events and messages out. The backend is a recording fake (tests/actions/test_journey.py)."""
from __future__ import annotations

from typing import Any, Dict

import pytest

from actions import forms, journey, lifecycle, messages
from bot.core.catalogue import load_catalogue
from tests.actions.conftest import ACT_CODE, FakeBackend, identity_slots
from tests.actions.test_journey import (FIXTURE_CLIENT, confirm, offline_backend, run, stages, then,  # noqa: F401
                                        tracker_from)

ITEMS = load_catalogue()
VERSION = ITEMS["ZM001"].notice_version
HAOWEI = "郑州好味餐饮管理有限公司"
HAOWEI_USCC = "91410100MA44XK7L3D"


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def at(step: str, text: str, intent: str = "inform", confidence: float = 0.9, **slots: Any):
    """The journey waiting for ``step`` (everything before it answered), and ``text`` typed."""
    cleared = {s: None for s in ("use_commitment", "acting_as", "applicant_name", "applicant_id", "identity_code",
                                 "identity_assurance", "credit_status", "phone", "notice_ack", "notice_version",
                                 "notice_sent_at", "notice_ack_at")}
    order = [s.slot for s in journey.JOURNEY.steps]
    filled = tracker_from("affirmation_requested.json").slots
    position = {**{s: order.index(s) for s in order}, "identity_assurance": order.index("identity_code")}
    base = {s: (filled.get(s) if s in filled and position[s] < order.index(step) else None)
            for s in cleared if s in position}
    base.update(notice_version=VERSION if order.index(step) >= order.index("notice_ack") else None)
    base["notice_sent_at"] = filled["notice_sent_at"] if base["notice_version"] else None
    base.update(requested_slot=step, **slots)
    return tracker_from("affirmation_requested.json", text=text, intent={"name": intent, "confidence": confidence},
                        slots=base)


# --- value, clarify, question, cancel ---------------------------------------------------------------------------


async def test_a_value_is_set_and_the_next_question_asked_in_the_same_call(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(), at("acting_as", "我自己办"))
    s = slot_events(events)
    assert s["acting_as"] == "self" and s["requested_slot"] == "applicant_name"
    assert [m["custom"] for m in msgs] == [{"stage": "ask", "slot": "applicant_name"}]


async def test_an_unclear_answer_is_reasked_naming_the_words_that_count(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(), at("use_commitment", "嗯……让我想想"))
    s = slot_events(events)
    assert s["use_commitment"] is None and s["input_error"] and s["failed_attempts"] == 1.0
    assert msgs[-1]["custom"]["slot"] == "use_commitment" and msgs[-1]["custom"]["error"] == s["input_error"]
    assert "是" in msgs[-1]["text"] and "否" in msgs[-1]["text"]


async def test_a_policy_question_is_answered_then_the_same_question_asked_without_an_error(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(),
                             at("use_commitment", "不实承诺有什么后果？", intent="faq_liability", confidence=0.95))
    assert [m.get("response") for m in msgs[:1]] == ["utter_faq_liability"]
    assert msgs[-1]["custom"] == {"stage": "ask", "slot": "use_commitment", "options": ["yes", "no"]}
    assert slot_events(events)["input_error"] is None and not slot_events(events).get("failed_attempts")


async def test_a_policy_question_about_another_item_is_answered_for_that_item(offline_backend):  # R2
    msgs, events = await run(journey.ValidateCommitmentForm(),
                             at("acting_as", "危险化学品经营许可能承诺吗", intent="faq_not_applicable", confidence=0.9))
    refusal = msgs[0]["custom"]
    assert refusal["stage"] == "not_eligible" and refusal["item_code"] == "XK101" and refusal["reason"] == "excluded"
    assert msgs[-1]["custom"] == {"stage": "ask", "slot": "acting_as", "options": ["self", "proxy"]}
    s = slot_events(events)
    assert "item" not in s and s["requested_slot"] == "acting_as" and not s.get("journey_outcome")


async def test_a_policy_question_about_an_allowed_item_does_not_invite_to_switch(offline_backend):  # R1
    msgs, _ = await run(journey.ValidateCommitmentForm(),
                        at("phone", "食品经营许可可以告知承诺吗", intent="faq_what_is_commitment", confidence=0.9))
    stages_ = [m["custom"]["stage"] for m in msgs]
    assert stages_[:2] == ["item_detail", "faq"] and msgs[0]["custom"]["item"]["code"] == "XK002"
    assert "我要办理" not in msgs[1]["text"]
    assert msgs[-1]["custom"]["slot"] == "phone"


async def test_a_question_the_model_took_for_a_need_is_still_answered_for_the_item_it_names(offline_backend):
    # The model hears the item's name and nothing else; the interpreter heard a question.
    msgs, events = await run(journey.ValidateCommitmentForm(),
                             at("use_commitment", "危险化学品经营许可能承诺吗", intent="describe_need", confidence=1.0))
    assert msgs[0]["custom"]["stage"] == "not_eligible" and msgs[0]["custom"]["item_code"] == "XK101"
    assert msgs[-1]["custom"]["slot"] == "use_commitment" and not slot_events(events).get("use_commitment")


async def test_a_policy_question_naming_no_item_gets_the_general_answer(offline_backend):
    msgs, _ = await run(journey.ValidateCommitmentForm(),
                        at("phone", "哪些事项不能承诺？", intent="faq_not_applicable", confidence=0.9))
    assert msgs[0].get("response") == "utter_faq_not_applicable" and msgs[-1]["custom"]["slot"] == "phone"


async def test_a_question_nobody_can_place_gets_help_and_the_question_again(offline_backend):
    msgs, _ = await run(journey.ValidateCommitmentForm(), at("use_commitment", "这个要多久？", intent="nlu_fallback",
                                                              confidence=0.3))
    assert msgs[0]["text"] == messages.QUESTION_HELP and msgs[-1]["custom"]["slot"] == "use_commitment"


async def test_stopping_ends_the_journey_and_submits_nothing(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(), at("phone", "算了，不办了", intent="cancel"))
    assert msgs[0]["text"] == messages.CANCEL_TEXT["commitment_form"]
    s = slot_events(events)
    assert s["journey_outcome"] == "cancelled" and s["requested_slot"] is None
    assert not offline_backend["submit"]


async def test_the_models_cancel_alone_does_not_end_the_journey(offline_backend):
    # "号码换了" (my number changed) read by the model as a stop: nothing given is lost, the question is asked again.
    msgs, events = await run(journey.ValidateCommitmentForm(), at("phone", "号码换了", intent="cancel", confidence=0.99))
    s = slot_events(events)
    assert not s.get("journey_outcome") and s["requested_slot"] == "phone"
    assert msgs[-1]["custom"]["slot"] == "phone"


async def test_an_interpreter_value_is_never_an_interruption(offline_backend):
    # The model hears small talk in "您好，13800138000"; the interpreter read a phone number: it is the answer.
    msgs, events = await run(journey.ValidateCommitmentForm(), at("phone", "13800138000", intent="greet",
                                                                   confidence=0.95))
    assert slot_events(events)["phone"] == "13800138000"
    assert "utter_greet" not in [m.get("response") for m in msgs]


# --- the same message twice, failures, a person ------------------------------------------------------------------


async def test_the_same_message_seen_again_decides_nothing_but_asks_the_pending_question(offline_backend):
    tracker = at("phone", "13800138000", processed_message="m-again")
    tracker.latest_message["message_id"] = "m-again"
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert "phone" not in s and s["requested_slot"] == "phone"
    assert [m["custom"]["slot"] for m in msgs] == ["phone"]


async def test_activation_asks_the_first_question_itself(offline_backend):
    tracker = tracker_from("affirmation_requested.json", text="我想申请公租房", slots={
        "requested_slot": None, "item": None, "item_candidates": ["ZM001", "ZM002"]})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert [m["custom"] for m in msgs] == [{"stage": "ask", "slot": "item"}]
    assert slot_events(events)["requested_slot"] == "item"


async def test_activation_without_candidates_ends_the_form_and_asks_nothing(offline_backend):
    tracker = tracker_from("affirmation_requested.json", text="qwerty", slots={
        "requested_slot": None, "item": None, "item_candidates": []})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert msgs == [] and slot_events(events)["journey_outcome"] == "not_found"


async def test_a_crashing_step_keeps_everything_and_asks_again(offline_backend, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("interpreter bug")

    monkeypatch.setattr(forms, "interpret", boom)
    msgs, events = await run(journey.ValidateCommitmentForm(), at("phone", "13800138000"))
    assert stages(msgs) == ["service_error", "ask"] and msgs[0]["custom"]["code"] == "internal_error"
    assert slot_events(events)["requested_slot"] == "phone"


# --- the notice and the affirmation ---------------------------------------------------------------------------


async def test_a_bare_yes_does_not_count_as_having_read_the_notice(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(), at("notice_ack", "好"))
    s = slot_events(events)
    assert s["notice_ack"] is None and s["input_error"] and msgs[-1]["custom"]["slot"] == "notice_ack"
    assert "notice_section" not in stages(msgs)  # the notice is not sent again unasked


async def test_reading_the_notice_is_recorded_and_the_statement_shown(offline_backend):
    msgs, events = await run(journey.ValidateCommitmentForm(), at("notice_ack", "已阅读"))
    s = slot_events(events)
    assert s["notice_ack"] == "yes" and s["notice_ack_at"]
    assert stages(msgs) == ["affirmation_request"] and msgs[0]["custom"]["notice_version"] == VERSION


async def test_the_backend_down_at_submission_loses_nothing_and_a_retry_submits(offline_backend):
    offline_backend.down.add("submit")
    tracker = tracker_from("affirmation_requested.json", slots={"notice_version": VERSION})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert [m["custom"]["slot"] for m in msgs] == ["act_code"]
    tracker = then(tracker, events, ACT_CODE)
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = {**tracker.slots, **slot_events(events)}
    assert stages(msgs) == ["service_error"] and s["affirmation"] == "本人承诺" and s["requested_slot"] == "receipt"
    assert s["act_confirmation"] == {"code": ACT_CODE}  # the code is kept for the retry: no new one
    offline_backend.down.clear()
    offline_backend["submit"].clear()
    retry = then(tracker, events, "重试", intent="retry")
    msgs, events = await run(journey.ValidateCommitmentForm(), retry)
    assert stages(msgs) == ["commitment_receipt"]
    (payload,) = offline_backend["submit"]
    assert payload["evidence"]["affirmation_text"] == "本人承诺"
    assert payload["identity"]["act_code"] == ACT_CODE
    assert len(offline_backend["request_code"]) == 1 and not offline_backend["verify_code"]
    # The retry carries the envelope of the affirmation itself, not of "重试" (contract rule 2, P4).
    assert payload["evidence"]["channel_evidence"]["affirmation"] == s["affirmation_evidence"]
    assert s["affirmation_evidence"]["text"] == "本人承诺"


# --- proxy and enterprise paths ---------------------------------------------------------------------------------

AGENT_ID = "410105200002291113"  # 刘洋, the agent
PRINCIPAL_ID = "410103196208085671"  # 赵强, who granted the authorisation
NUMBER, CODE = "SQ20261206-7KQ2MX", "4HT8CW2P"


def at_authorisation(offline_backend, text: str, **slots: Any):
    """A proxy journey whose agent 刘洋 has verified his identity, waiting for the authorisation of 赵强."""
    offline_backend.issued["as-agent"] = AGENT_ID
    offline_backend.grants[(NUMBER, CODE)] = {"principal_id": PRINCIPAL_ID, "agent_id": AGENT_ID,
                                              "items": ["ZM001"]}
    return at("authorization_no", text, acting_as="proxy", agent_name="刘洋", agent_id=AGENT_ID,
              applicant_name="赵强", applicant_id=PRINCIPAL_ID, **identity_slots(AGENT_ID, "as-agent"), **slots)


@pytest.mark.parametrize("text", [
    f"授权编号{NUMBER}，授权码{CODE}",
    "编号是ｓｑ２０２６１２０６－７ｋｑ２ｍｘ 授权码是４ｈｔ８ｃｗ２ｐ",  # full width, lower case
    f"授权码{CODE}，编号 SQ 20261206 7KQ2MX",
])
async def test_the_authorisation_is_read_from_a_sentence_and_checked_by_the_api(offline_backend, text):  # R5
    msgs, events = await run(journey.ValidateCommitmentForm(), at_authorisation(offline_backend, text))
    s = slot_events(events)
    (checked,) = offline_backend["check_authorisation"]
    assert checked == {"number": NUMBER, "code": CODE, "principal_id": PRINCIPAL_ID, "agent_id": AGENT_ID,
                       "agent_assurance_id": "as-agent", "client": FIXTURE_CLIENT, "item_code": "ZM001"}
    assert s["authorization_no"] == NUMBER and s["authorisation"]["code"] == CODE
    # Only now may the principal's credit be looked up, by the agent showing the authorisation.
    (credit,) = offline_backend["credit"]
    assert credit["id_number"] == PRINCIPAL_ID and credit["assurance_id"] == "as-agent"
    assert credit["authorisation"] == {"number": NUMBER, "code": CODE, "agent_id": AGENT_ID}
    assert s["credit_status"] == "clean" and msgs[-1]["custom"]["slot"] == "phone"


@pytest.mark.parametrize("text", [
    "没有，就是普通的委托书",  # the old question's answer: no number, no code
    f"授权编号{NUMBER}",  # a number without its code
    f"授权码{CODE}",
    f"授权编号{NUMBER}，授权码{CODE}或者4HT8CW2Q",  # two codes: which one?
])
async def test_without_a_number_and_one_code_nothing_is_checked_or_taken(offline_backend, text):
    msgs, events = await run(journey.ValidateCommitmentForm(), at_authorisation(offline_backend, text))
    s = slot_events(events)
    assert s["authorization_no"] is None and s["input_error"] == "invalid_authorization"
    assert s["failed_attempts"] == 1.0
    assert "授权编号" in msgs[-1]["text"] and msgs[-1]["custom"]["slot"] == "authorization_no"
    assert not offline_backend["check_authorisation"] and not offline_backend["credit"]


@pytest.mark.parametrize("grant,code", [
    ({"principal_id": PRINCIPAL_ID, "agent_id": AGENT_ID, "items": ["ZM002"]}, "authorisation_other_item"),
    ({"principal_id": "410105199001011233", "agent_id": AGENT_ID, "items": ["ZM001"]},
     "authorisation_other_principal"),
    ({"principal_id": PRINCIPAL_ID, "agent_id": "410105199001011233", "items": ["ZM001"]},
     "authorisation_other_agent"),
    (None, "authorisation_invalid"),
])
async def test_the_apis_refusal_of_an_authorisation_is_passed_on_and_nothing_taken(offline_backend, grant, code):
    tracker = at_authorisation(offline_backend, f"授权编号{NUMBER}，授权码{CODE}")
    if grant is None:
        offline_backend.grants.clear()
    else:
        offline_backend.grants[(NUMBER, CODE)] = grant
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["authorization_no"] is None and not s.get("authorisation") and s["requested_slot"] == "authorization_no"
    assert len(offline_backend["check_authorisation"]) == 1 and not offline_backend["credit"]
    assert msgs[0]["text"] == FakeBackend.AUTHORISATION_REFUSALS[code]  # the API's own words, first
    assert msgs[-1]["custom"]["slot"] == "authorization_no" and code not in msgs[-1]["text"]


async def test_an_authorisation_is_never_taken_while_the_api_cannot_check_it(offline_backend):
    tracker = at_authorisation(offline_backend, f"授权编号{NUMBER}，授权码{CODE}")
    offline_backend.down.add("check_authorisation")
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["authorization_no"] is None and not s.get("authorisation") and not s.get("failed_attempts")
    assert stages(msgs)[0] == "service_error" and msgs[-1]["custom"]["slot"] == "authorization_no"
    assert not offline_backend["credit"]


async def test_an_unverified_agent_is_sent_to_verify_again_not_taken(offline_backend):
    # The API no longer knows the agent's assurance (it expired): the agent proves who they are again.
    tracker = at_authorisation(offline_backend, f"授权编号{NUMBER}，授权码{CODE}")
    del offline_backend.issued["as-agent"]
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s.get("authorization_no") is None and s["identity_code"] is None and s["identity_assurance"] is None
    assert not s.get("authorisation")
    assert s["requested_slot"] == "identity_code" and msgs[-1]["custom"]["slot"] == "identity_code"
    assert sum(m["text"].count("请先核验身份") for m in msgs) == 1  # the API's reason, said once
    assert [c["id_number"] for c in offline_backend["request_code"]] == [AGENT_ID]
    assert not offline_backend["credit"]


async def test_a_proxy_cannot_name_themselves_as_the_principal(offline_backend):
    tracker = at("applicant_id", AGENT_ID, acting_as="proxy", agent_name="刘洋", agent_id=AGENT_ID,
                 applicant_name="赵强", **identity_slots(AGENT_ID, "as-agent"))
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["applicant_id"] is None and s["input_error"] == "agent_is_applicant"
    assert msgs[-1]["text"].startswith(messages.ERROR_TEXT["agent_is_applicant"])
    assert not offline_backend["credit"] and not offline_backend["request_code"]
    # The principal's own ID is taken, and nothing is looked up about them before the authorisation.
    msgs, events = await run(journey.ValidateCommitmentForm(), at(
        "applicant_id", PRINCIPAL_ID, acting_as="proxy", agent_name="刘洋", agent_id=AGENT_ID, applicant_name="赵强",
        **identity_slots(AGENT_ID, "as-agent")))
    s = slot_events(events)
    assert s["applicant_id"] == PRINCIPAL_ID and s["requested_slot"] == "authorization_no"
    assert not offline_backend["credit"] and not offline_backend["request_code"]


async def test_proxy_questions_come_only_for_a_proxy():
    base = {"item": "ZM001", "use_commitment": "yes", "applicant_name": "赵强", "applicant_id": "410103196208085671",
            "credit_status": "clean"}
    assert journey.JOURNEY.next_slot({**base, "acting_as": "proxy"}) == "agent_name"
    assert journey.JOURNEY.next_slot({**base, "acting_as": "self"}) == "identity_code"
    verified = {**base, **identity_slots(base["applicant_id"], "as-1")}
    assert journey.JOURNEY.next_slot({**verified, "acting_as": "self"}) == "phone"
    proxy = {**verified, "acting_as": "proxy", "agent_name": "刘洋", "agent_id": AGENT_ID}
    assert journey.JOURNEY.next_slot(proxy) == "authorization_no"
    assert "authorization_scope" not in journey.JOURNEY.required(proxy)  # the number and code replaced it
    assert journey.JOURNEY.required(proxy)[:8] == ["item", "use_commitment", "acting_as", "agent_name", "agent_id",
                                                   "applicant_name", "applicant_id", "identity_code"]


async def test_an_enterprise_acting_for_itself_names_its_legal_representative(offline_backend):
    slots = {"item": "ZM001", "use_commitment": "yes", "acting_as": "self", "applicant_name": HAOWEI,
             "applicant_id": HAOWEI_USCC, "credit_status": "clean", **identity_slots(HAOWEI_USCC, "as-haowei")}
    assert journey.JOURNEY.next_slot(slots) == "representative_name"
    assert journey.JOURNEY.next_slot({**slots, "acting_as": "proxy"}) == "agent_name"
    tracker = at("representative_name", "王建国", **{k: v for k, v in slots.items()})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert slot_events(events)["representative_name"] == "王建国" and msgs[-1]["custom"]["slot"] == "phone"
    # Not the enterprise's own name again: a natural person signs.
    msgs, events = await run(journey.ValidateCommitmentForm(), at("representative_name", HAOWEI, **slots))
    s = slot_events(events)
    assert s["representative_name"] is None and s["input_error"] in ("representative_is_enterprise", "invalid_name")
    assert journey.check_representative(HAOWEI, forms.State(journey.JOURNEY, None, tracker)) == \
        "representative_is_enterprise"
    # Someone who says they are not the legal representative is told why before the question comes again; the
    # record would otherwise name the accountant as the one who commits for the enterprise.
    msgs, events = await run(journey.ValidateCommitmentForm(), at("representative_name", "我是公司的会计，叫王芳", **slots))
    s = slot_events(events)
    assert s["representative_name"] is None and s["input_error"] == "not_representative"
    assert msgs[-1]["text"].startswith(messages.ERROR_TEXT["not_representative"])
    assert "算了" in msgs[-1]["text"] and msgs[-1]["custom"]["slot"] == "representative_name"


async def test_the_submission_carries_the_legal_representative(offline_backend):
    tracker = tracker_from("affirmation_requested.json", slots={
        "notice_version": VERSION, "applicant_name": HAOWEI, "applicant_id": HAOWEI_USCC,
        "representative_name": "王建国", **identity_slots(HAOWEI_USCC, "as-haowei")})
    offline_backend.issued["as-haowei"] = HAOWEI_USCC
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    # The enterprise's code goes to its legal representative's registered phone, naming the enterprise's statement.
    (sent,) = offline_backend["request_code"]
    assert sent["id_number"] == HAOWEI_USCC and sent["act"]["item_code"] == "ZM001"
    msgs, _ = await confirm(tracker, events)
    (payload,) = offline_backend["submit"]
    assert payload["representative"] == {"name": "王建国", "role": "legal_representative"}
    assert payload["applicant"] == {"name": HAOWEI, "id_number": HAOWEI_USCC}
    assert "王建国" in payload["evidence"]["statement"] and HAOWEI in payload["evidence"]["statement"]
    assert payload["identity"]["assurance_id"] == "as-haowei"


async def test_a_person_submits_no_representative_field(offline_backend):
    tracker = tracker_from("affirmation_requested.json", slots={"notice_version": VERSION})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    await confirm(tracker, events)
    assert "representative" not in offline_backend["submit"][0]


@pytest.mark.parametrize("slots,kind", [
    ({"applicant_id": HAOWEI_USCC}, "enterprise"), ({"applicant_id": "410105199001011233"}, "person"), ({}, "person"),
])
def test_the_context_knows_an_enterprise_applicant(slots, kind):
    assert forms.applicant_kind(slots) == kind


# --- the lifecycle forms run on the same engine -------------------------------------------------------------------


def test_every_form_is_a_step_table_of_the_one_engine():
    specs = [journey.JOURNEY, *lifecycle.FORMS.values()]
    assert {s.name for s in specs} == {"commitment_form", "status_form", "withdraw_form", "complaint_form",
                                       "credit_record_form"}
    for spec in specs:
        assert all(isinstance(step, forms.Step) for step in spec.steps)
    for action in (journey.ValidateCommitmentForm, lifecycle.ValidateStatusForm, lifecycle.ValidateWithdrawForm,
                   lifecycle.ValidateComplaintForm, lifecycle.ValidateCreditRecordForm):
        assert issubclass(action, forms.FormValidation)
