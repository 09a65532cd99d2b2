"""After the commitment: status, withdrawal (R17), complaints (R11) and the applicant's own credit records (R16),
plus the pre-application credit warning (R18) the journey shows before a high-value item's notification.

Four forms built like ``commitment_form`` (actions/journey.py): every slot has a custom mapping, and the form's
validation action decides each value with ``bot/core/ids`` and ``actions/answers``; the intent only recognises
interruptions (a policy question, "转人工", "算了"), so a flow resumes where it was. The backend decides
everything about a commitment (ownership, status, whether a withdrawal is allowed) through the service
endpoints; the chat never reveals whether a number exists when the ID does not match (P5).

A flow shares ``applicant_id``, ``applicant_name`` and ``phone`` with the commitment journey (same meaning),
so each flow starts and ends by clearing its slots: nothing typed here reaches a later commitment, and nothing
from a finished journey is reused here.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, backend, handoff, messages
from actions.extract import extract
from actions.journey import FAQ_INTENTS, SMALL_TALK, Turn, say
from bot.core import ids
from bot.core.catalogue import Item

logger = logging.getLogger(__name__)

STATUS_FORM = "status_form"
WITHDRAW_FORM = "withdraw_form"
COMPLAINT_FORM = "complaint_form"
CREDIT_FORM = "credit_record_form"

# Each flow's questions in order; ``lifecycle_result`` is asked (as ``service_error``) only while the backend
# call is outstanding, like ``receipt`` in the commitment journey (P4: nothing the user gave is lost).
FLOWS: Dict[str, Tuple[str, ...]] = {
    STATUS_FORM: ("commitment_no", "applicant_id", "lifecycle_result"),
    WITHDRAW_FORM: ("commitment_no", "applicant_id", "withdraw_reason", "lifecycle_result"),
    COMPLAINT_FORM: ("complaint_text", "commitment_no", "phone", "lifecycle_result"),
    CREDIT_FORM: ("applicant_name", "applicant_id", "lifecycle_result"),
}

LIFECYCLE_SLOTS = (
    "commitment_no",
    "withdraw_reason",
    "complaint_text",
    "lifecycle_result",
    "lifecycle_outcome",
    "lifecycle_status",
    "lifecycle_attempts",
)
# Slots that mean the same as in the commitment journey; cleared at both ends of every flow.
SHARED_SLOTS = ("applicant_name", "applicant_id", "phone", "input_error", "processed_message")
RESET_SLOTS = LIFECYCLE_SLOTS + SHARED_SLOTS

SKIPPED = "none"  # an optional answer declined (complaint: no commitment number, anonymous)
MAX_LOOKUPS = 3  # ownership checks that fail before the flow ends (guessing numbers is not a way in, P5)
# Why a withdrawal is refused, by status (R17: only before the matter is concluded). Whether it is refused is
# the backend's decision (``withdrawable`` in the status answer, 409 from the withdrawal call); the statuses
# here only word the refusal, and stand in when an older API does not say ``withdrawable``.
REFUSAL_BY_STATUS = {"licensed": "concluded", "verified": "concluded", "revoked": "revoked",
                     "withdrawn": "already_withdrawn"}

SERVICE_NAMES = {
    STATUS_FORM: "承诺查询服务",
    WITHDRAW_FORM: "承诺撤回服务",
    COMPLAINT_FORM: "投诉受理服务",
    CREDIT_FORM: "诚信档案查询服务",
}
CANCEL_TEXT = {
    STATUS_FORM: "好的，不查了。需要时随时说“查一下我的承诺”。",
    WITHDRAW_FORM: "好的，没有撤回，您的承诺保持不变。",
    COMPLAINT_FORM: "好的，投诉没有提交。需要时随时说“我要投诉”，也可以拨打12345政务服务便民热线。",
    CREDIT_FORM: "好的，已结束查询。",
}
FREE_TEXT_SLOTS = ("withdraw_reason", "complaint_text")
COMPLAINT_LEAD_RE = re.compile(r"^(我要|我想|想|要|我)?(实名|匿名)?(投诉|举报|反映|反馈)(一下|一个|个|下)?[,，:：。\s]*")


class Step(Turn):
    """One user message inside a lifecycle form (the journey's ``Turn`` with this flow's slots)."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker, form: str):
        super().__init__(dispatcher, tracker)
        self.form = form

    def found(self, key: str) -> Optional[str]:
        # A commitment number (CN20261127-000001) must not be read as a malformed credit code.
        if self._found is None:
            self._found = extract(answers.COMMITMENT_NO_RE.sub(" ", self.text))
        return super().found(key)

    def end(self, outcome: str) -> None:
        self.set("lifecycle_outcome", outcome)

    def reask(self, slot: str, error: Optional[str] = None) -> None:
        self.set(slot, None)
        self.set("input_error", error)

    def next_slot(self) -> Optional[str]:
        if self.slots.get("lifecycle_outcome"):
            return None
        return next((s for s in FLOWS[self.form] if self.slots.get(s) in (None, "")), None)

    def events(self) -> List[EventType]:
        events: List[EventType] = [SlotSet(k, v) for k, v in self.updates.items()]
        events.append(SlotSet("requested_slot", self.next_slot()))
        return events


class ValidateLifecycleForm(Action):
    """The shared part of the four validation actions: interruptions, then ``step_<slot>``."""

    form = ""

    def name(self) -> Text:
        return f"validate_{self.form}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        step = Step(dispatcher, tracker, self.form)
        requested = tracker.get_slot("requested_slot")
        if requested is None:
            # Activation: the request itself may already carry a value ("查一下CN20261127-000001").
            step.set("processed_message", step.message_id or None)
            try:
                await self.prefill(step)
            except Exception:  # never crash a flow (P4)
                logger.exception("%s: activation failed", self.form)
            return step.events()
        if step.message_id and step.message_id == step.slots.get("processed_message"):
            return step.events()  # the same message seen again: nothing new to decide
        step.set("processed_message", step.message_id or None)
        step.set("input_error", None)
        try:
            await self.handle(step, requested)
        except Exception:
            logger.exception("%s step failed at %s", self.form, requested)
            say(dispatcher, messages.service_error("internal_error", "系统处理"))
            step.set(requested, None)
        return step.events()

    async def prefill(self, step: Step) -> None:
        """Values the opening message already contains; overridden per flow."""

    async def handle(self, step: Step, requested: str) -> None:
        d = step.dispatcher
        text = step.text
        value = self._looks_like_value(step, requested)
        if requested in FREE_TEXT_SLOTS:
            # A reason or a complaint may well contain "不办了"; only a bare "算了" stops the flow here.
            cancel = answers.is_cancel_only(text)
        else:
            cancel = answers.is_cancel(text) or (step.intent_is("cancel", 0.8) and not value)
        if cancel:
            d.utter_message(text=CANCEL_TEXT[self.form])
            step.end("cancelled")
            return
        if step.intent_is("handoff", 0.7) and not value:
            await handoff.announce(d, step.tracker, "user_request")  # issue 5: queued for a person
            step.reask(requested)
            return
        if step.intent_is(FAQ_INTENTS, 0.7) and not value:
            d.utter_message(response=f"utter_{step.intent}")
            step.reask(requested)
            return
        if step.intent_is(set(SMALL_TALK), 0.8) and not value:
            d.utter_message(response=SMALL_TALK[step.intent])
            step.reask(requested)
            return
        await getattr(self, f"step_{requested}")(step)

    @staticmethod
    def _looks_like_value(step: Step, slot: str) -> bool:
        """A message that clearly answers the question asked is never an interruption."""
        t = step.text
        if slot == "commitment_no":
            return answers.parse_commitment_no(t) is not None
        if slot == "applicant_id":
            return bool(step.found("resident_ids") or step.found("usccs"))
        if slot == "applicant_name":
            return not answers.is_question(t) and answers.parse_name(t) is not None and len(t) <= 6
        if slot == "phone":
            return bool(step.found("phones"))
        if slot in FREE_TEXT_SLOTS:
            # Long free text is the answer even when the model hears a policy question in it.
            return len(t) > 20 or (len(t) > 8 and not answers.is_question(t))
        return False

    # --- shared steps --------------------------------------------------------------------------------

    @staticmethod
    def take_id(step: Step, quiet: bool = False, silent: bool = False) -> bool:
        """身份证号 or 统一社会信用代码 (an enterprise's licence), checked with its check digit.

        ``quiet``: no number in the message is not an error; ``silent``: an invalid one is not either (the
        opening message, where the question has not been asked yet)."""
        resident_id, uscc = step.found("resident_ids"), step.found("usccs")
        value = resident_id or uscc
        if not value:
            if not (quiet or silent):
                step.reask("applicant_id", "invalid_id_format")
            return False
        error = ids.check_resident_id(value) if resident_id else ids.check_uscc(value)
        if error:
            if not silent:
                step.reask("applicant_id", error)
            return False
        step.set("applicant_id", value)
        return True

    async def step_applicant_id(self, step: Step) -> None:
        if self.take_id(step):
            await self.identified(step)

    async def identified(self, step: Step) -> None:
        """Everything needed to ask the backend about the applicant is there."""
        await self.call(step)

    def lookup_failed(self, step: Step, first_slot: str, error: str) -> None:
        """The backend did not match the identity: ask again from the start, a limited number of times."""
        attempts = float(step.slots.get("lifecycle_attempts") or 0) + 1
        step.set("lifecycle_attempts", attempts)
        for slot in FLOWS[self.form]:
            if slot in ("commitment_no", "applicant_id", "applicant_name"):
                step.set(slot, None)
        if attempts >= MAX_LOOKUPS:
            step.dispatcher.utter_message(
                text=f"{messages.ERROR_TEXT[error]}已核对{int(attempts)}次仍未通过，本次查询结束。"
                "请带上身份证件到办事窗口，或拨打12345政务服务便民热线咨询。"
            )
            step.end("not_found")
            return
        step.reask(first_slot, error)

    def refused(self, step: Step, refusal: backend.BackendRefused) -> None:
        logger.warning("%s: backend refused: %s", self.form, refusal.code)
        step.dispatcher.utter_message(
            text=f"抱歉，没有办成：{refusal.message or refusal.code}。您可以拨打12345政务服务便民热线咨询。"
        )
        step.end("refused")

    async def step_lifecycle_result(self, step: Step) -> None:
        """After a ``service_error``: any message ("重试") makes the same call again with what was given."""
        await self.call(step)

    async def call(self, step: Step) -> None:
        raise NotImplementedError


class ValidateStatusForm(ValidateLifecycleForm):
    """"查一下我的承诺": commitment number, then the ID that proves it is the user's own."""

    form = STATUS_FORM

    async def prefill(self, step: Step) -> None:
        await prefill_commitment_identity(self, step)

    async def step_commitment_no(self, step: Step) -> None:
        await take_commitment_no(self, step)

    async def call(self, step: Step) -> None:
        s = step.slots
        try:
            result = await backend.commitment_status(s["commitment_no"], s["applicant_id"])
        except backend.BackendUnavailable:
            step.set("lifecycle_result", None)  # asked again as service_error; nothing lost
            return
        except backend.BackendRefused as refusal:
            if refusal.code == "not_found":
                self.lookup_failed(step, "commitment_no", "commitment_not_found")
            else:
                self.refused(step, refusal)
            return
        say(step.dispatcher, messages.commitment_status(result))
        step.set("lifecycle_result", result["status"])


class ValidateWithdrawForm(ValidateLifecycleForm):
    """R17 / 五(八): withdrawal before the matter is concluded, with a reason; the normal procedure follows."""

    form = WITHDRAW_FORM

    async def prefill(self, step: Step) -> None:
        await prefill_commitment_identity(self, step)

    async def step_commitment_no(self, step: Step) -> None:
        await take_commitment_no(self, step)

    async def identified(self, step: Step) -> None:
        """Ownership and state before the reason is asked, so a refusal comes at once (R17)."""
        s = step.slots
        try:
            result = await backend.commitment_status(s["commitment_no"], s["applicant_id"])
        except backend.BackendUnavailable:
            return  # ask the reason anyway: the withdrawal call checks everything again
        except backend.BackendRefused as refusal:
            if refusal.code == "not_found":
                self.lookup_failed(step, "commitment_no", "commitment_not_found")
            else:
                self.refused(step, refusal)
            return
        status = result["status"]
        step.set("lifecycle_status", status)
        withdrawable = result.get("withdrawable")
        if withdrawable is None:
            withdrawable = status not in REFUSAL_BY_STATUS
        if not withdrawable:
            reason = REFUSAL_BY_STATUS.get(status, "concluded")
            say(step.dispatcher, messages.withdrawal_refused(s["commitment_no"], status, reason))
            step.end("refused")
            return
        say(step.dispatcher, messages.commitment_status(result, brief=True))

    @staticmethod
    async def current_status(step: Step) -> Optional[str]:
        try:
            result = await backend.commitment_status(step.slots["commitment_no"], step.slots["applicant_id"])
        except (backend.BackendUnavailable, backend.BackendRefused):
            return None
        return result.get("status")

    async def step_withdraw_reason(self, step: Step) -> None:
        reason = answers.parse_free_text(step.text, min_chars=2, limit=500)
        if reason is None or (answers.is_question(reason) and len(reason) <= 12):
            step.reask("withdraw_reason", "invalid_withdraw_reason")
            return
        step.set("withdraw_reason", reason)
        await self.call(step)

    async def call(self, step: Step) -> None:
        s = step.slots
        no = s["commitment_no"]
        try:
            result = await backend.withdraw_commitment(no, s["applicant_id"], s["withdraw_reason"])
        except backend.BackendUnavailable:
            step.set("lifecycle_result", None)
            return
        except backend.BackendRefused as refusal:
            if refusal.code == "concluded":
                status = s.get("lifecycle_status") or await self.current_status(step) or "licensed"
                say(step.dispatcher, messages.withdrawal_refused(no, status, REFUSAL_BY_STATUS.get(status, "concluded")))
                step.end("refused")
            elif refusal.code == "already_withdrawn":
                say(step.dispatcher, messages.withdrawal_refused(no, "withdrawn", "already_withdrawn"))
                step.end("refused")
            elif refusal.code == "not_found":
                self.lookup_failed(step, "commitment_no", "commitment_not_found")
                step.set("withdraw_reason", None)
            else:
                self.refused(step, refusal)
            return
        say(step.dispatcher, messages.commitment_withdrawn({**result, "commitment_no": result.get("commitment_no") or no}))
        step.set("lifecycle_result", "withdrawn")


class ValidateComplaintForm(ValidateLifecycleForm):
    """R11 / 五(四): a complaint or report, optionally about one commitment, anonymous if the user wishes."""

    form = COMPLAINT_FORM

    async def prefill(self, step: Step) -> None:
        # "我要投诉，窗口明明可以承诺还让我开证明": the opening message already is the complaint.
        content = COMPLAINT_LEAD_RE.sub("", step.text)
        if content != step.text and answers.parse_free_text(content, min_chars=10):
            await self.step_complaint_text(step, content)
            if step.slots.get("complaint_text"):
                step.dispatcher.utter_message(text="已记下您反映的情况。")

    async def step_complaint_text(self, step: Step, text: Optional[str] = None) -> None:
        complaint = answers.parse_free_text(text or step.text, min_chars=5, limit=2000)
        if complaint is None:
            step.reask("complaint_text", "complaint_too_short")
            return
        step.set("complaint_text", complaint)
        number = answers.parse_commitment_no(complaint)
        if number:
            step.set("commitment_no", number)

    async def step_commitment_no(self, step: Step) -> None:
        number = answers.parse_commitment_no(step.text)
        if number:
            step.set("commitment_no", number)
        elif answers.is_skip(step.text):
            step.set("commitment_no", SKIPPED)
        else:
            step.reask("commitment_no", "invalid_commitment_no")

    async def step_phone(self, step: Step) -> None:
        value = step.found("phones")
        if value and ids.check_phone(value) is None:
            step.set("phone", ids.canonical_phone(value))
        elif answers.is_skip(step.text):
            step.set("phone", SKIPPED)  # anonymous (R11)
        else:
            step.reask("phone", ids.check_phone(value) if value else "invalid_phone")
            return
        await self.call(step)

    async def call(self, step: Step) -> None:
        s = step.slots
        number = s.get("commitment_no") if s.get("commitment_no") != SKIPPED else None
        phone = s.get("phone") if s.get("phone") != SKIPPED else None
        payload = {
            "complaint_text": s["complaint_text"],
            "commitment_no": number,
            "phone": phone,
            "channel": step.tracker.get_latest_input_channel() or "rest",
            "sender_id": step.tracker.sender_id,
        }
        try:
            result = await backend.file_complaint(payload)
        except backend.BackendUnavailable:
            step.set("lifecycle_result", None)
            return
        except backend.BackendRefused as refusal:
            if refusal.code == "not_found" and number:
                step.reask("commitment_no", "complaint_commitment_unknown")
            else:
                self.refused(step, refusal)
            return
        say(step.dispatcher, messages.complaint_received(result, anonymous=phone is None))
        step.set("lifecycle_result", result["ticket_no"])


class ValidateCreditRecordForm(ValidateLifecycleForm):
    """"我的信用记录": the applicant's own integrity file (R16), only when name and ID match it (P5)."""

    form = CREDIT_FORM

    async def prefill(self, step: Step) -> None:
        self.take_id(step, silent=True)  # "查信用记录，身份证…": the name is asked next

    async def step_applicant_name(self, step: Step) -> None:
        name = answers.parse_name(step.text)
        if not name:
            step.reask("applicant_name", "invalid_name")
            return
        step.set("applicant_name", name)
        if step.found("resident_ids") or step.found("usccs"):
            self.take_id(step)  # "我叫李娜，身份证…"
        if step.slots.get("applicant_id"):
            await self.identified(step)

    async def call(self, step: Step) -> None:
        s = step.slots
        try:
            result = await backend.credit_records(s["applicant_name"], s["applicant_id"])
        except backend.BackendUnavailable:
            step.set("lifecycle_result", None)
            return
        except backend.BackendRefused as refusal:
            if refusal.code == "not_found":
                self.lookup_failed(step, "applicant_name", "identity_mismatch")
            else:
                self.refused(step, refusal)
            return
        say(step.dispatcher, messages.credit_records(s["applicant_name"], result))
        step.set("lifecycle_result", result.get("status") or "shown")


async def prefill_commitment_identity(form: ValidateLifecycleForm, step: Step) -> None:
    """Status and withdrawal: a number and an ID in the opening message are taken as if asked."""
    number = answers.parse_commitment_no(step.text)
    if number:
        step.set("commitment_no", number)
    if form.take_id(step, silent=True) and number:
        await form.identified(step)


async def take_commitment_no(form: ValidateLifecycleForm, step: Step) -> None:
    number = answers.parse_commitment_no(step.text)
    if not number and answers.is_skip(step.text):
        # "不知道编号": say where to find it instead of asking again and again.
        step.dispatcher.utter_message(text=messages.NO_NUMBER_TEXT)
        step.end("no_number")
        return
    if not number:
        step.reask("commitment_no", "invalid_commitment_no")
        return
    step.set("commitment_no", number)
    if step.found("resident_ids") or step.found("usccs"):
        await form.step_applicant_id(step)  # "CN20261127-000001，身份证410105199001011233" answers both
    elif step.slots.get("applicant_id"):
        await form.identified(step)  # the ID came first (in the opening message, or after a failed lookup)


# --- asking ----------------------------------------------------------------------------------------


class LifecycleAsk(Action):
    """``action_ask_[<form>_]<slot>``: the contract's ``ask`` for this flow, with ``error`` when re-asking."""

    action = ""
    slot = ""
    text_key = ""
    extra: Dict[str, Any] = {}

    def name(self) -> Text:
        return self.action

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        error = tracker.get_slot("input_error")
        error_text = ids.ERROR_MESSAGES.get(error, "") if error else ""
        text, custom = messages.ask(self.slot, error=error, error_text=error_text, text=messages.ASK_TEXT[self.text_key])
        dispatcher.utter_message(text=text, json_message={**custom, **self.extra})
        return []


class LifecycleServiceError(Action):
    """``action_ask_<form>_lifecycle_result``: the backend did not answer; say so and wait for "重试" (P4)."""

    form = ""

    def name(self) -> Text:
        return f"action_ask_{self.form}_lifecycle_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        say(dispatcher, messages.service_error("backend_unavailable", SERVICE_NAMES[self.form]))
        return []


_ASKS = (
    # action name, contract slot, text key, extra fields
    ("action_ask_commitment_no", "commitment_no", "commitment_no", {}),
    ("action_ask_complaint_form_commitment_no", "commitment_no", "commitment_no_complaint", {"optional": True}),
    ("action_ask_status_form_applicant_id", "applicant_id", "applicant_id_owner", {}),
    ("action_ask_withdraw_form_applicant_id", "applicant_id", "applicant_id_owner", {}),
    ("action_ask_credit_record_form_applicant_name", "applicant_name", "applicant_name_credit", {}),
    ("action_ask_credit_record_form_applicant_id", "applicant_id", "applicant_id_credit", {}),
    ("action_ask_complaint_form_phone", "phone", "phone_complaint", {"optional": True}),
    ("action_ask_withdraw_reason", "withdraw_reason", "withdraw_reason", {}),
    ("action_ask_complaint_text", "complaint_text", "complaint_text", {}),
)
for _action, _slot, _key, _extra in _ASKS:
    globals()[f"Ask_{_action}"] = type(
        f"Ask_{_action}", (LifecycleAsk,), {"action": _action, "slot": _slot, "text_key": _key, "extra": _extra}
    )
for _form in FLOWS:
    globals()[f"ServiceError_{_form}"] = type(f"ServiceError_{_form}", (LifecycleServiceError,), {"form": _form})


# --- entering and leaving a flow ---------------------------------------------------------------------


def _clear(tracker: Tracker) -> List[EventType]:
    events: List[EventType] = [SlotSet(s, None) for s in RESET_SLOTS if tracker.get_slot(s) not in (None, 0, 0.0)]
    return events + [SlotSet("requested_slot", None)]


class StartLifecycle(Action):
    """Before a lifecycle form: nothing left over from an earlier journey or flow is reused."""

    def name(self) -> Text:
        return "action_start_lifecycle"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        return _clear(tracker)


class FinishLifecycle(Action):
    """After a lifecycle form: nothing typed here reaches a later commitment journey."""

    def name(self) -> Text:
        return "action_finish_lifecycle"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        return _clear(tracker)


# --- R18: pre-application credit warning -------------------------------------------------------------


async def pre_application_warning(dispatcher: CollectingDispatcher, item: Item, id_number: Optional[str]) -> None:
    """R18 / 五(八): before the notification of a high-value item, the applicant's credit standing and what a
    false commitment would do. The backend words it; if it cannot be asked, the general warning is shown."""
    if not item.high_value:
        return
    result: Dict[str, Any] = {"show": True, "text": messages.GENERIC_CREDIT_WARNING}
    if id_number:
        try:
            result = await backend.credit_warning(item.code, id_number)
        except (backend.BackendUnavailable, backend.BackendRefused) as exc:
            logger.warning("credit warning for %s unavailable: %s", item.code, type(exc).__name__)
    if result.get("show"):
        say(dispatcher, messages.credit_warning(item, result.get("text") or messages.GENERIC_CREDIT_WARNING))
