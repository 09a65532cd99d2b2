"""Action tests for the flows after the commitment (actions/lifecycle.py): status, withdrawal (R17), complaints
(R11), own credit records (R16) and the pre-application warning (R18). A Tracker is built for one message, the
validation or ask action runs with a CollectingDispatcher, and the exact events and messages are asserted. The
backend is a recording fake here that, like the API, answers about a person only with an assurance that this
conversation verified that person (actions/identity.py); tests/e2e/test_lifecycle.py runs the same flows
against the real API."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, backend, identity, journey, lifecycle, messages
from actions.catalogue import catalogue
from actions.interpret import interpret
from bot.core import conversation
from bot.core.catalogue import load_catalogue

ITEMS = load_catalogue()
ZHANG_WEI_ID = "410105199001011233"
LI_NA_ID = "410102198505052342"
HAOWEI_USCC = "91410100MA44XK7L3D"
NO = "CN20261127-000001"
LICENSED_NO = "CN20261127-000002"
WITHDRAWN_NO = "CN20261127-000003"
VERIFIED_NO = "CN20261127-000004"
SENDER = "lifecycle-1"
CLIENT = conversation.key("rest", SENDER)  # what the API is told: this sender on this channel
CODE = "246810"  # the code the fake SMS carries


def tracker(form: Optional[str], requested: Optional[str], text: str = "", *, slots: Optional[Dict[str, Any]] = None,
            intent: str = "inform", confidence: float = 0.95, message_id: Optional[str] = None) -> Tracker:
    values: Dict[str, Any] = {s: None for s in lifecycle.RESET_SLOTS}
    values.update({"requested_slot": requested, "lifecycle_attempts": 0.0})
    values.update(slots or {})
    latest = {"text": text, "message_id": message_id or f"m-{abs(hash((text, requested)))}",
              "intent": {"name": intent, "confidence": confidence}, "entities": []}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {"intent": latest["intent"]}, "input_channel": "rest",
               "message_id": latest["message_id"]}]
    return Tracker(SENDER, values, latest, events, False, None, {"name": form} if form else {}, "action_listen")


def assurance_for(id_number: str) -> str:
    return f"as-{id_number[-6:]}"


def verified(id_number: str) -> Dict[str, Any]:
    """The slots of a conversation whose person typed the code for ``id_number``."""
    return {"applicant_id": id_number, identity.IDENTITY_SLOT: identity.VERIFIED,
            identity.ASSURANCE_SLOT: identity.masked_assurance({"assurance_id": assurance_for(id_number),
                                                                "method": "sms_otp"}, id_number)}


def code_sent() -> Dict[str, Any]:
    return {identity.SENT_SLOT: {"to": "138****8000", "expires_in": 300}}


class FakeBackend:
    """What the service endpoints answer for the demo data (the service endpoints the chat flows call)."""

    def __init__(self) -> None:
        self.calls: List[tuple] = []
        self.down = False
        self.withdraw_refusal: Optional[str] = None
        self.statuses = {NO: "accepted", LICENSED_NO: "licensed", WITHDRAWN_NO: "withdrawn", VERIFIED_NO: "verified"}
        self.owners = {NO: ZHANG_WEI_ID, LICENSED_NO: HAOWEI_USCC, WITHDRAWN_NO: ZHANG_WEI_ID, VERIFIED_NO: ZHANG_WEI_ID}

    def _check(self, id_number=None, assurance_id=None, client=None) -> None:
        if self.down:
            raise backend.BackendUnavailable("down in this test")
        if id_number is not None:
            # What the API's identity gate does: no assurance, or one of another person or conversation, is refused.
            if not assurance_id or client != CLIENT:
                raise backend.BackendRefused(401, "identity_required", "请先核验身份。")
            if assurance_id != assurance_for(id_number):
                raise backend.BackendRefused(403, "identity_mismatch", "核验的身份与证件号码不一致。")

    # --- identity (the login code) ---

    async def request_code(self, id_number, client, act=None):
        self.calls.append(("code", id_number))
        self._check()
        return {"sent_to": "138****8000", "expires_in": 300}

    async def verify_code(self, id_number, code, client, act=None):
        self.calls.append(("verify", id_number, code))
        self._check()
        if code != CODE:
            raise backend.BackendRefused(422, "code_incorrect", "验证码不正确，请核对后重新输入。")
        return {"assurance": {"assurance_id": assurance_for(id_number), "method": "sms_otp",
                              "masked_phone": "138****8000"}}

    async def current_assurance(self, id_number, client):
        self.calls.append(("current", id_number))
        return None

    # --- the flows ---

    async def commitment_status(self, no, id_number, *, assurance_id, client):
        self.calls.append(("status", no, id_number))
        self._check(id_number, assurance_id, client)
        if self.owners.get(no) != id_number:
            raise backend.BackendRefused(404, "not_found", "没有找到")
        return {"commitment_no": no, "item_code": "ZM001", "item_name": "公共租赁住房资格申请",
                "status": self.statuses[no], "status_text": "承诺已受理，等待核查", "next_step": "住房保障部门将在线核查您的住房情况",
                "due_date": "2026-12-25", "withdrawable": self.statuses[no] in ("accepted", "under_verification"),
                "history": []}

    async def withdraw_commitment(self, no, id_number, reason, *, assurance_id, client):
        self.calls.append(("withdraw", no, id_number, reason))
        self._check(id_number, assurance_id, client)
        if self.withdraw_refusal:
            raise backend.BackendRefused(409, self.withdraw_refusal, "")
        return {"commitment_no": no, "status": "withdrawn", "proofs_required": ["家庭住房情况证明（无房证明）"]}

    async def file_complaint(self, payload):
        self.calls.append(("complaint", payload))
        self._check()
        return {"ticket_no": "TS20261127-000001", "due_date": "2026-12-11"}

    async def credit_records(self, name, id_number, *, assurance_id, client):
        self.calls.append(("records", name, id_number))
        self._check(id_number, assurance_id, client)
        if id_number != LI_NA_ID:
            return {"status": "clean", "records": []}
        return {"status": "blocked", "records": [{"type": "虚假承诺", "severity": "严重", "occurred_on": "2025-03-18",
                                                   "repaired_at": None, "description": "2025年在居住证申领中作出虚假承诺（演示数据）"}]}

    async def credit_warning(self, item_code, id_number, *, assurance_id, client, authorisation=None):
        self.calls.append(("warning", item_code, id_number))
        self._check(id_number, assurance_id, client)
        return {"show": True, "text": "事前信用预警：您目前信用状况良好。作出不实承诺将撤销许可并记入诚信档案。"}


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    f = FakeBackend()
    for name in ("commitment_status", "withdraw_commitment", "file_complaint", "credit_records", "credit_warning",
                 "request_code", "verify_code", "current_assurance"):
        monkeypatch.setattr(backend, name, getattr(f, name))

    async def no_api():
        raise backend.BackendUnavailable("offline in unit tests")

    monkeypatch.setattr(backend, "fetch_catalogue", no_api)
    catalogue.items, catalogue.index = {}, None
    return f


async def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return dispatcher.messages, events


def stages(msgs):
    return [(m.get("custom") or {}).get("stage") for m in msgs]


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answers_only(msgs):
    """The messages of a turn without the next question (the validation asks it in the same call)."""
    return [m for m in msgs if (m.get("custom") or {}).get("stage") != "ask"]


def asked(msgs) -> Optional[Dict[str, Any]]:
    return next((m for m in msgs if (m.get("custom") or {}).get("stage") == "ask"), None)


def transcript_text(msgs) -> str:
    return " ".join(m.get("text") or "" for m in msgs)


# --- parsers (actions/answers.py) ---------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("CN20261127-000001", NO), ("cn20261127 000001", NO), ("承诺编号：ＣＮ２０２６１１２７－００００１２", "CN20261127-000012"),
    ("编号是CN20261127—000001号", NO), ("CN2026112700001", None), ("查一下我的承诺", None),
])
def test_commitment_numbers_are_read_as_people_type_them(text, expected):
    assert answers.parse_commitment_no(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("没有", True), ("匿名", True), ("不留了", True), ("不知道编号", True), ("有的", False), ("没有编号吗？", False),
])
def test_optional_answers_may_be_declined(text, expected):  # R11: anonymous complaints
    assert answers.is_skip(text) is expected


@pytest.mark.parametrize("text,kind", [
    ("算了", "cancel"), ("不撤了。", "cancel"), ("我不办了，想按一般程序交证明", "value"), ("取消这个承诺是因为我搬家了", "value"),
])
def test_only_a_bare_stop_cancels_where_free_text_is_asked(text, kind):
    assert interpret("withdraw_reason", text).kind == kind


@pytest.mark.parametrize("text,expected", [("搬家了", "搬家了"), ("是", None), ("好的", None), ("😀", None), ("a", None)])
def test_free_text_needs_content(text, expected):
    assert answers.parse_free_text(text) == expected


# --- status ------------------------------------------------------------------------------------------


async def test_status_activation_asks_for_the_number_first(fake):
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", None, "查一下我的承诺", intent="check_status"))
    assert answers_only(msgs) == [] and slot_events(events)["requested_slot"] == "commitment_no"
    assert msgs[0]["custom"] == {"stage": "ask", "slot": "commitment_no"}
    assert not fake.calls


async def test_nothing_is_looked_up_before_the_code_and_the_status_comes_after_it(fake):  # P5
    t = tracker("status_form", "applicant_id", ZHANG_WEI_ID, slots={"commitment_no": NO})
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    assert fake.calls == [("current", ZHANG_WEI_ID), ("code", ZHANG_WEI_ID)]  # a code, and nothing else
    assert answers_only(msgs) == [] and asked(msgs)["custom"]["slot"] == "identity_code"
    assert "accepted" not in str(msgs) and "公共租赁住房" not in transcript_text(msgs)
    s = slot_events(events)
    assert s["requested_slot"] == "identity_code" and s[identity.SENT_SLOT]["to"] == "138****8000"

    fake.calls.clear()
    slots = {"commitment_no": NO, "applicant_id": ZHANG_WEI_ID, **code_sent()}
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "identity_code", f"验证码{CODE}", slots=slots))
    assert fake.calls == [("verify", ZHANG_WEI_ID, CODE), ("status", NO, ZHANG_WEI_ID)]
    assert stages(msgs) == ["commitment_status"]
    custom = msgs[0]["custom"]
    assert custom["commitment_no"] == NO and custom["status"] == "accepted" and custom["due_date"] == "2026-12-25"
    text = msgs[0]["text"]
    assert "承诺已受理" in text and "下一步" in text and "2026年12月25日" in text
    assert ZHANG_WEI_ID not in text  # P5
    s = slot_events(events)
    assert s["requested_slot"] is None and s[identity.ASSURANCE_SLOT]["assurance_id"] == assurance_for(ZHANG_WEI_ID)


async def test_a_wrong_code_reveals_nothing_and_is_asked_again(fake):  # P5
    slots = {"commitment_no": NO, "applicant_id": ZHANG_WEI_ID, **code_sent()}
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "identity_code", "111111", slots=slots))
    assert [c[0] for c in fake.calls] == ["verify"]
    assert stages(msgs) == ["ask"] and msgs[0]["custom"]["slot"] == "identity_code"
    assert msgs[0]["custom"]["error"] == "code_incorrect" and "验证码不正确" in msgs[0]["text"]
    assert "accepted" not in str(msgs) and "公共租赁住房" not in transcript_text(msgs)
    s = slot_events(events)
    assert s["requested_slot"] == "identity_code" and s["failed_attempts"] == 1.0


async def test_status_number_and_id_in_the_opening_message_send_the_code_first(fake):
    t = tracker("status_form", None, f"查一下{NO}，身份证{ZHANG_WEI_ID}", intent="check_status")
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    assert [c[0] for c in fake.calls] == ["current", "code"]
    assert stages(msgs) == ["ask"] and msgs[0]["custom"]["slot"] == "identity_code"
    s = slot_events(events)
    assert s["commitment_no"] == NO and s["applicant_id"] == ZHANG_WEI_ID and s["requested_slot"] == "identity_code"


async def test_an_assurance_the_conversation_already_holds_needs_no_new_code(fake):  # hotline / single sign-on
    async def held(id_number, client):
        fake.calls.append(("current", id_number))
        return {"assurance_id": assurance_for(id_number), "method": "hotline_attestation"}

    fake.current_assurance = held
    backend.current_assurance = held
    t = tracker("status_form", "applicant_id", ZHANG_WEI_ID, slots={"commitment_no": NO})
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    assert [c[0] for c in fake.calls] == ["current", "status"] and stages(msgs) == ["commitment_status"]


async def test_an_unreadable_number_is_reasked_with_an_error(fake):
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "commitment_no", "我不记得了123"))
    slots = slot_events(events)
    assert slots["input_error"] == "invalid_commitment_no" and slots["requested_slot"] == "commitment_no"
    assert msgs[0]["custom"] == {"stage": "ask", "slot": "commitment_no", "error": "invalid_commitment_no"}
    assert "CN" in msgs[0]["text"]


async def test_someone_elses_number_reveals_nothing_and_ends_after_three_tries(fake):  # P5
    # Li Na is verified, and asks about Zhang Wei's commitment: the same answer as for a number that does not exist.
    for attempt in (1, 2):
        slots = {**verified(LI_NA_ID), "lifecycle_attempts": attempt - 1.0}
        msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "commitment_no", NO, slots=slots))
        assert answers_only(msgs) == [] and asked(msgs)["custom"]["error"] == "own_commitment_not_found"
        s = slot_events(events)
        assert s["commitment_no"] is None and "applicant_id" not in s  # the verified ID stays
        assert s["input_error"] == "own_commitment_not_found" and s["requested_slot"] == "commitment_no"
        assert s["lifecycle_attempts"] == float(attempt)
    slots = {**verified(LI_NA_ID), "lifecycle_attempts": 2.0}
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "commitment_no", NO, slots=slots))
    assert "12345" in msgs[0]["text"] and "accepted" not in str(msgs)
    s = slot_events(events)
    assert s["lifecycle_outcome"] == "not_found" and s["requested_slot"] is None


async def test_an_expired_identity_is_verified_again_and_the_status_follows(fake):
    slots = {"commitment_no": NO, **verified(ZHANG_WEI_ID)}
    slots[identity.ASSURANCE_SLOT] = {**slots[identity.ASSURANCE_SLOT], "assurance_id": "as-stale"}
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "commitment_no", NO, slots=slots))
    assert [c[0] for c in fake.calls] == ["status", "current", "code"]
    assert "accepted" not in str(msgs) and asked(msgs)["custom"]["slot"] == "identity_code"
    s = slot_events(events)
    assert s[identity.IDENTITY_SLOT] is None and s["requested_slot"] == "identity_code"


async def test_backend_down_keeps_the_answers_and_retry_works(fake):  # P4
    fake.down = True
    t = tracker("status_form", "commitment_no", NO, slots=verified(ZHANG_WEI_ID))
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    s = slot_events(events)
    assert s["commitment_no"] == NO and s["requested_slot"] == "lifecycle_result"
    assert stages(msgs) == ["service_error"] and msgs[0]["custom"]["code"] == "backend_unavailable"
    fake.down = False
    t = tracker("status_form", "lifecycle_result", "重试", intent="retry", slots={"commitment_no": NO, **verified(ZHANG_WEI_ID)})
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    assert stages(msgs) == ["commitment_status"] and slot_events(events)["requested_slot"] is None


async def test_a_policy_question_inside_a_flow_is_answered_and_the_question_repeated(fake):
    t = tracker("status_form", "commitment_no", "核查要多长时间", intent="faq_verification")
    msgs, events = await run(lifecycle.ValidateStatusForm(), t)
    assert [m.get("response") for m in answers_only(msgs)] == ["utter_faq_verification"]
    assert asked(msgs)["custom"] == {"stage": "ask", "slot": "commitment_no"}
    assert slot_events(events)["requested_slot"] == "commitment_no"
    msgs, events = await run(lifecycle.ValidateStatusForm(), tracker("status_form", "commitment_no", "转人工", intent="handoff"))
    assert stages(msgs) == ["handoff", "ask"] and slot_events(events)["requested_slot"] == "commitment_no"


# --- withdrawal (R17) -----------------------------------------------------------------------------------


async def test_withdrawal_checks_ownership_after_the_code_then_asks_the_reason(fake):  # R17
    t = tracker("withdraw_form", "applicant_id", ZHANG_WEI_ID, slots={"commitment_no": NO})
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), t)
    assert [c[0] for c in fake.calls] == ["current", "code"] and answers_only(msgs) == []
    assert slot_events(events)["requested_slot"] == "identity_code"
    slots = {"commitment_no": NO, "applicant_id": ZHANG_WEI_ID, **code_sent()}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "identity_code", CODE, slots=slots))
    assert stages(msgs) == ["commitment_status", "ask"] and "公共租赁住房资格申请" in msgs[0]["text"]
    assert slot_events(events)["requested_slot"] == "withdraw_reason"
    assert msgs[1]["custom"] == {"stage": "ask", "slot": "withdraw_reason"} and "一般程序" in msgs[1]["text"]


async def test_withdrawal_records_the_reason_and_lists_the_proofs(fake):  # R17
    slots = {"commitment_no": NO, **verified(ZHANG_WEI_ID), "lifecycle_status": "accepted"}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "withdraw_reason", "好", slots=slots))
    assert slot_events(events)["input_error"] == "invalid_withdraw_reason" and not fake.calls
    reason = "我不办了，想按一般程序交证明"  # contains 不办了, but here it is a reason, not a cancellation
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "withdraw_reason", reason, slots=slots))
    assert fake.calls == [("withdraw", NO, ZHANG_WEI_ID, answers.clean(reason))]  # NFKC, as every answer
    assert stages(msgs) == ["commitment_withdrawn"]
    assert msgs[0]["custom"]["commitment_no"] == NO and msgs[0]["custom"]["proofs_required"] == ["家庭住房情况证明（无房证明）"]
    assert "无房证明" in msgs[0]["text"]
    assert slot_events(events)["requested_slot"] is None


async def test_a_withdrawal_without_a_verified_identity_is_never_made(fake):
    # An assurance of another conversation (or none) is refused by the API: the code is asked, nothing withdrawn.
    slots = {"commitment_no": NO, "applicant_id": ZHANG_WEI_ID, "lifecycle_status": "accepted",
             identity.IDENTITY_SLOT: identity.VERIFIED, identity.ASSURANCE_SLOT: None}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(),
                             tracker("withdraw_form", "withdraw_reason", "情况有变化", slots=slots))
    assert [c[0] for c in fake.calls] == ["withdraw", "current", "code"]
    assert "commitment_withdrawn" not in stages(msgs) and asked(msgs)["custom"]["slot"] == "identity_code"
    s = slot_events(events)
    assert s["requested_slot"] == "identity_code" and s["withdraw_reason"] == "情况有变化"  # the reason is kept
    fake.calls.clear()
    slots = {"commitment_no": NO, "applicant_id": ZHANG_WEI_ID, "withdraw_reason": "情况有变化", **code_sent()}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "identity_code", CODE, slots=slots))
    assert [c[0] for c in fake.calls] == ["verify", "withdraw"] and stages(msgs) == ["commitment_withdrawn"]


@pytest.mark.parametrize("number,owner,reason", [
    (LICENSED_NO, HAOWEI_USCC, "concluded"), (VERIFIED_NO, ZHANG_WEI_ID, "concluded"),
    (WITHDRAWN_NO, ZHANG_WEI_ID, "already_withdrawn"),
])
async def test_withdrawal_of_a_concluded_or_withdrawn_commitment_is_refused_at_once(fake, number, owner, reason):  # R17
    t = tracker("withdraw_form", "commitment_no", number, slots=verified(owner))
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), t)
    assert stages(msgs) == ["commitment_status"]
    assert msgs[0]["custom"]["withdrawal"] == "refused" and msgs[0]["custom"]["reason"] == reason
    assert [c[0] for c in fake.calls] == ["status"]  # nothing withdrawn
    s = slot_events(events)
    assert s["lifecycle_outcome"] == "refused" and s["requested_slot"] is None
    if reason == "concluded":
        assert "办结" in msgs[0]["text"] and "注销" in msgs[0]["text"]
    else:
        assert "不能重复撤回" in msgs[0]["text"]


@pytest.mark.parametrize("code", ["concluded", "already_withdrawn"])
async def test_the_backend_refusing_a_withdrawal_is_explained(fake, code):  # R17: the API decides in the end
    fake.withdraw_refusal = code
    slots = {"commitment_no": NO, **verified(ZHANG_WEI_ID), "lifecycle_status": "verified"}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "withdraw_reason", "情况有变化", slots=slots))
    assert stages(msgs) == ["commitment_status"] and msgs[0]["custom"]["reason"] == code
    assert slot_events(events)["lifecycle_outcome"] == "refused"


async def test_a_bare_stop_cancels_a_withdrawal(fake):
    slots = {"commitment_no": NO, **verified(ZHANG_WEI_ID)}
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "withdraw_reason", "算了", intent="cancel", slots=slots))
    assert "没有撤回" in msgs[0]["text"] and slot_events(events)["lifecycle_outcome"] == "cancelled"
    assert not fake.calls


# --- complaints (R11) -------------------------------------------------------------------------------------


async def test_an_anonymous_complaint(fake):  # R11
    text = "窗口工作人员明明可以承诺，还非让我回老家开无房证明"
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", "complaint_text", text))
    assert slot_events(events)["requested_slot"] == "commitment_no"
    assert msgs[0]["custom"] == {"stage": "ask", "slot": "commitment_no", "optional": True}
    msgs, events = await run(lifecycle.ValidateComplaintForm(),
                             tracker("complaint_form", "commitment_no", "没有", slots={"complaint_text": text}))
    assert slot_events(events)["commitment_no"] == lifecycle.SKIPPED and slot_events(events)["requested_slot"] == "phone"
    slots = {"complaint_text": text, "commitment_no": lifecycle.SKIPPED}
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", "phone", "1380013", slots=slots))
    assert slot_events(events)["input_error"] == "invalid_phone"
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", "phone", "匿名", slots=slots))
    (call,) = fake.calls
    assert call[1] == {"complaint_text": text, "commitment_no": None, "phone": None, "channel": "rest", "sender_id": "lifecycle-1"}
    assert stages(msgs) == ["complaint_received"] and msgs[0]["custom"]["ticket_no"] == "TS20261127-000001"
    assert "匿名" in msgs[0]["text"] and slot_events(events)["requested_slot"] is None


async def test_a_complaint_about_a_commitment_with_a_phone(fake):  # R11
    opening = f"我要举报，{NO}这个承诺是假的，他家根本不是这个情况"
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", None, opening, intent="complain"))
    s = slot_events(events)
    assert s["complaint_text"].startswith(NO) and s["commitment_no"] == NO and s["requested_slot"] == "phone"
    msgs, events = await run(lifecycle.ValidateComplaintForm(),
                             tracker("complaint_form", "phone", "手机13800138000", slots={"complaint_text": s["complaint_text"], "commitment_no": NO}))
    payload = fake.calls[0][1]
    assert payload["commitment_no"] == NO and payload["phone"] == "13800138000"
    assert stages(msgs) == ["complaint_received"] and "13800138000" not in msgs[0]["text"]


async def test_a_bare_complaint_request_asks_for_the_content(fake):
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", None, "我要投诉", intent="complain"))
    assert stages(msgs) == ["ask"] and slot_events(events)["requested_slot"] == "complaint_text"
    msgs, events = await run(lifecycle.ValidateComplaintForm(), tracker("complaint_form", "complaint_text", "差"))
    assert slot_events(events)["input_error"] == "complaint_too_short"


# --- own credit records (R16, P5) ---------------------------------------------------------------------------


async def test_own_credit_records_are_shown_only_to_the_verified_holder(fake):  # R16 P5
    msgs, events = await run(lifecycle.ValidateCreditRecordForm(), tracker("credit_record_form", "applicant_name", "李娜"))
    assert slot_events(events)["requested_slot"] == "applicant_id"
    msgs, events = await run(lifecycle.ValidateCreditRecordForm(),
                             tracker("credit_record_form", "applicant_id", LI_NA_ID, slots={"applicant_name": "李娜"}))
    assert [c[0] for c in fake.calls] == ["current", "code"]  # nothing about the ID before the code
    assert answers_only(msgs) == [] and "虚假承诺" not in transcript_text(msgs)
    assert slot_events(events)["requested_slot"] == "identity_code"
    fake.calls.clear()
    slots = {"applicant_name": "李娜", "applicant_id": LI_NA_ID, **code_sent()}
    msgs, events = await run(lifecycle.ValidateCreditRecordForm(), tracker("credit_record_form", "identity_code", CODE, slots=slots))
    assert fake.calls == [("verify", LI_NA_ID, CODE), ("records", "李娜", LI_NA_ID)]
    assert stages(msgs) == ["credit_records"]
    assert msgs[0]["custom"]["status"] == "blocked" and msgs[0]["custom"]["records"][0]["severity"] == "严重"
    assert "虚假承诺" in msgs[0]["text"] and "尚未修复" in msgs[0]["text"] and LI_NA_ID not in msgs[0]["text"]
    assert slot_events(events)["requested_slot"] is None


async def test_a_name_and_someone_elses_id_see_nothing_without_that_persons_code(fake):  # P5
    msgs, events = await run(lifecycle.ValidateCreditRecordForm(),
                             tracker("credit_record_form", "applicant_name", f"我叫张伟，身份证{LI_NA_ID}"))
    assert answers_only(msgs) == [] and "虚假承诺" not in transcript_text(msgs)
    assert "records" not in [c[0] for c in fake.calls]
    s = slot_events(events)
    assert s["applicant_id"] == LI_NA_ID and s["requested_slot"] == "identity_code"
    slots = {"applicant_name": "张伟", "applicant_id": LI_NA_ID, **code_sent()}
    for guess in ("000000", "123456"):
        msgs, events = await run(lifecycle.ValidateCreditRecordForm(),
                                 tracker("credit_record_form", "identity_code", guess, slots=slots))
        assert "虚假承诺" not in transcript_text(msgs) and slot_events(events)["requested_slot"] == "identity_code"
    assert "records" not in [c[0] for c in fake.calls]


# --- entering and leaving: no values cross into or out of a commitment journey -------------------------------


async def test_start_and_finish_clear_the_shared_slots(fake):
    t = tracker(None, None, "查一下我的承诺", slots={**verified(ZHANG_WEI_ID), "applicant_name": "张伟", "phone": "13800138000",
                                             "commitment_no": NO, "lifecycle_result": "accepted", "lifecycle_attempts": 2.0})
    for action in (lifecycle.StartLifecycle(), lifecycle.FinishLifecycle()):
        _, events = await run(action, t)
        s = slot_events(events)
        for slot in ("applicant_id", "applicant_name", "phone", "commitment_no", "lifecycle_result", "lifecycle_attempts",
                     identity.IDENTITY_SLOT, identity.ASSURANCE_SLOT):
            assert s[slot] is None
        assert s["requested_slot"] is None
    assert set(lifecycle.SHARED_SLOTS) <= set(journey.JOURNEY_SLOTS)  # the journey clears them too


# --- R18: pre-application warning -----------------------------------------------------------------------------


def _notice_tracker(code: str) -> Tracker:
    """The phone answer: the notice (and before it, the warning) follows in the same call."""
    slots = {"item": code, "use_commitment": "yes", "acting_as": "self", "applicant_name": "郑州好味餐饮管理有限公司",
             **verified(HAOWEI_USCC), "credit_status": "clean", "representative_name": "王建国",
             "notice_version": None, "notice_sent_at": None, "notice_ack": None, "phone": None}
    return tracker("commitment_form", "phone", "13800138000", slots=slots)


async def test_a_high_value_item_shows_the_warning_before_the_notification(fake):  # R18 R6
    code = next(c for c, i in ITEMS.items() if i.high_value and i.commitment_allowed)
    msgs, events = await run(journey.ValidateCommitmentForm(), _notice_tracker(code))
    assert stages(msgs) == ["credit_warning"] + ["notice_section"] * 7 + ["ask"]
    assert msgs[0]["custom"] == {"stage": "credit_warning", "item_code": code} and "不实承诺" in msgs[0]["text"]
    assert fake.calls == [("warning", code, HAOWEI_USCC)]


async def test_other_items_show_no_warning_and_the_backend_is_not_asked(fake):  # R18
    msgs, _ = await run(journey.ValidateCommitmentForm(), _notice_tracker("ZM001"))
    assert stages(msgs) == ["notice_section"] * 7 + ["ask"] and not fake.calls


async def test_the_general_warning_is_shown_when_the_backend_cannot_be_asked(fake):  # R18 P4
    fake.down = True
    item = next(i for i in ITEMS.values() if i.high_value and i.commitment_allowed)
    dispatcher = CollectingDispatcher()
    await journey.pre_application_warning(dispatcher, item, HAOWEI_USCC,
                                          {"assurance_id": assurance_for(HAOWEI_USCC), "client": CLIENT})
    assert [m["text"] for m in dispatcher.messages] == [messages.GENERIC_CREDIT_WARNING]


# --- the service credential (backend.py) -------------------------------------------------------------------------


async def test_service_calls_carry_the_service_token_and_a_refused_token_is_an_outage(monkeypatch):
    seen: List[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("X-Service-Token") != "s3cret":
            return httpx.Response(401, json={"error": "unauthorized", "message": ""})
        return httpx.Response(200, json={"show": False, "text": ""})

    monkeypatch.setattr(backend, "_client", httpx.AsyncClient(base_url="http://api", transport=httpx.MockTransport(handler)))
    real = backend._request  # the fixture fakes the endpoint functions, not the transport underneath
    monkeypatch.setenv("GZ_SERVICE_TOKEN", "s3cret")
    assert await real("POST", "/api/v1/service/credit/warning", json={}) == {"show": False, "text": ""}
    assert seen[-1].headers["X-Service-Token"] == "s3cret"
    monkeypatch.setenv("GZ_SERVICE_TOKEN", "wrong")
    with pytest.raises(backend.BackendUnavailable):
        await real("POST", "/api/v1/service/credit/warning", json={})


async def test_no_number_at_hand_says_where_to_find_it(fake):
    msgs, events = await run(lifecycle.ValidateWithdrawForm(), tracker("withdraw_form", "commitment_no", "不知道编号"))
    assert "回执" in msgs[0]["text"] and "12345" in msgs[0]["text"]
    s = slot_events(events)
    assert s["lifecycle_outcome"] == "no_number" and s["requested_slot"] is None and not fake.calls
