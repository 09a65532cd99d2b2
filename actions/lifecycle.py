"""After the commitment: status, withdrawal (R17), complaints (R11) and the applicant's own credit records (R16).

Four forms declared as step tables for the engine in ``actions/forms.py``, like the commitment journey: the
step interpreters read every answer, the intent only recognises interruptions, so a flow resumes where it
was. The backend decides everything about a commitment (ownership, status, whether a withdrawal is allowed)
through the service endpoints; the chat never reveals whether a number exists when the ID does not match (P5).

A flow shares ``applicant_id``, ``applicant_name`` and ``phone`` with the commitment journey (same meaning),
so each flow starts and ends by clearing its slots: nothing typed here reaches a later commitment, and nothing
from a finished journey is reused here.

A number and an ID are easily known to others, so status, withdrawal and one's own credit records answer only
the ID's verified holder: after the ID comes the login code (actions/identity.py), and nothing about the number
or the ID is looked up, let alone said, before it is taken. Every call then carries the assurance, and the API
checks it again. Complaints stay possible without any of this (anonymous reports, R11).
"""
from __future__ import annotations

import inspect
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, backend, identity, messages
from actions.forms import FormSpec, State, Step, error_for, retry_ask, say, validation_action
from actions.interpret import interpret
from bot.core import ids

logger = logging.getLogger(__name__)

STATUS_FORM = "status_form"
WITHDRAW_FORM = "withdraw_form"
COMPLAINT_FORM = "complaint_form"
CREDIT_FORM = "credit_record_form"

LIFECYCLE_SLOTS = (
    "commitment_no",
    "withdraw_reason",
    "complaint_text",
    "lifecycle_result",
    "lifecycle_outcome",
    "lifecycle_status",
    "lifecycle_attempts",
)
# Slots that mean the same as in the commitment journey; cleared at both ends of every flow. The identity slots
# are among them: an assurance is never carried from one request into the next by the chat (the API may still
# vouch for this conversation for a while, and actions/identity.begin asks it).
SHARED_SLOTS = ("applicant_name", "applicant_id", "agent_name", "agent_id", "phone", "input_error",
                "processed_message", "failed_attempts", *identity.SLOTS)
# The authorisation flows' own slots (actions/authorisations.py), cleared by the same two actions.
AUTHORISATION_SLOTS = ("grant_items", "grant_item_candidates", "grant_valid_until", "grant_confirmation",
                       "authorisation_action", "authorisation_list", "revoke_number", "revoke_confirmation")
RESET_SLOTS = LIFECYCLE_SLOTS + SHARED_SLOTS + AUTHORISATION_SLOTS

SKIPPED = "none"  # an optional answer declined (complaint: no commitment number, anonymous)
MAX_LOOKUPS = 3  # ownership checks that fail before the flow ends (guessing numbers is not a way in, P5)
# Why a withdrawal is refused, by status (R17: only before the matter is concluded). Whether it is refused is
# the backend's decision (``withdrawable`` in the status answer, 409 from the withdrawal call); the statuses
# here only word the refusal, and stand in when an older API does not say ``withdrawable``.
REFUSAL_BY_STATUS = {"licensed": "concluded", "verified": "concluded", "revoked": "revoked",
                     "withdrawn": "already_withdrawn"}
COMPLAINT_LEAD_RE = re.compile(r"^(我要|我想|想|要|我)?(实名|匿名)?(投诉|举报|反映|反馈)(一下|一个|个|下)?[,，:：。\s]*")
COMPLAINT_IN_OPENING_MIN_CHARS = 10


# --- shared pieces ---------------------------------------------------------------------------------------


def check_id(value: str, state: State) -> Optional[str]:
    """身份证号 or 统一社会信用代码 (an enterprise's licence), checked with its check digit."""
    return ids.check_uscc(value) if ids.id_type(value) == "uscc" else ids.check_resident_id(value)


def store_id(value: str, state: State) -> str:
    return ids.clean_id(value)


def without_commitment_no(text: str) -> str:
    """A commitment number (CN20261127-000001) must not be read as a malformed credit code."""
    return answers.COMMITMENT_NO_RE.sub(" ", text)


def lookup_failed(state: State, first_slot: str, error: str) -> None:
    """No such commitment for the verified person: the number is asked again, a limited number of times. The
    ID stays: its holder proved who they are, and another ID would need its own holder's code. The count lives
    in the conversation and only grows within it; a new conversation also needs a new code to the real phone,
    so trying numbers stays slow either way."""
    attempts = float(state.slots.get("lifecycle_attempts") or 0) + 1
    state.set("lifecycle_attempts", attempts)
    state.set(first_slot, None)
    if attempts >= MAX_LOOKUPS:
        state.dispatcher.utter_message(text=messages.lookups_exhausted(error, int(attempts)))
        state.end("not_found")
        return
    state.set("input_error", error)


def refused(state: State, refusal: backend.BackendRefused) -> None:
    logger.warning("%s: backend refused: %s", state.spec.name, refusal.code)
    state.dispatcher.utter_message(text=messages.lifecycle_refused(refusal.message or refusal.code))
    state.end("refused")


# --- who asks: the ID's holder, verified in this conversation (actions/identity.py) ---------------------


def verified(state: State) -> bool:
    return state.slots.get(identity.IDENTITY_SLOT) == identity.VERIFIED


def proof(state: State) -> Dict[str, Any]:
    """What every call about the person carries: the assurance of this conversation, and the conversation."""
    return {"assurance_id": identity.assurance_id(state.slots), "client": identity.conversation(state)}


def applicant_subject(slots: Dict[str, Any]) -> Optional[str]:
    return slots.get("applicant_id")


async def reverify(state: State, refusal: backend.BackendRefused) -> None:
    """The API no longer takes the conversation's identity (it expired, or it names another ID): the code
    step again, with the API's own words; what was given stays, and the call is made once verified."""
    logger.info("%s: identity to be verified again: %s", state.spec.name, refusal.code)
    for slot in identity.SLOTS:
        state.set(slot, None)
    state.set("lifecycle_result", None)
    if refusal.message:
        state.dispatcher.utter_message(text=refusal.message)
    if state.slots.get("applicant_id"):
        await identity.begin(state, state.slots["applicant_id"])


async def refused_or_reverify(state: State, refusal: backend.BackendRefused) -> None:
    """A refusal of the conversation's identity asks for the code again; any other is said and ends the form."""
    if refusal.code.startswith("identity_"):
        await reverify(state, refusal)
    else:
        refused(state, refusal)


async def answer(
    state: State,
    call: Awaitable[Dict[str, Any]],
    on_refused: Callable[[State, backend.BackendRefused], Any],
    *,
    retry: bool = True,
) -> Optional[Dict[str, Any]]:
    """The API's answer to ``call``, or None when there is nothing to show: it was unavailable (with ``retry``
    the result slot is cleared, so the step asks again as service_error and nothing is lost) or it refused
    (``on_refused`` has told the person)."""
    try:
        return await call
    except backend.BackendUnavailable:
        if retry:
            state.set("lifecycle_result", None)
        return None
    except backend.BackendRefused as refusal:
        handled = on_refused(state, refusal)
        if inspect.isawaitable(handled):
            await handled
        return None


async def status_refused(state: State, refusal: backend.BackendRefused) -> None:
    """The status lookup refused: an unknown (or not one's own) number is asked again, as a lookup that failed."""
    if refusal.code == "not_found":
        lookup_failed(state, "commitment_no", "own_commitment_not_found")
    else:
        await refused_or_reverify(state, refusal)


def when_ready(call: Callable[[State], Any]) -> Callable[[State], Any]:
    """The backend is asked once the person is verified and everything it needs is there."""
    async def hook(state: State) -> None:
        if state.slots.get(state.spec.outcome_slot) or not verified(state):
            return
        if all(state.slots.get(s) for s in ("commitment_no", "applicant_name") if state.spec.step(s)):
            await call(state)
    return hook


def call_when_identified(call: Callable[[State], Any]) -> Callable[[State], Any]:
    """``applicant_id`` set: its holder is verified first (a code to the registered phone, or an assurance
    this conversation already holds); the backend is asked only after that."""
    async def hook(state: State) -> None:
        await identity.begin(state, state.slots["applicant_id"])
        await when_ready(call)(state)
    return hook


def identity_code_step(call: Callable[[State], Any]) -> Step:
    return identity.identity_step(applicant_subject, on_verified=when_ready(call))


def commitment_no_set(identified: Callable[[State], Any]) -> Callable[[State], Any]:
    async def hook(state: State) -> None:
        if await state.read_also("applicant_id", without_commitment_no(state.text)):
            return  # "CN20261127-000001，身份证410105199001011233" answers both (and the ID's hook ran)
        if state.slots.get("applicant_id"):
            await when_ready(identified)(state)  # the ID came first (and was verified), or a lookup failed
    return hook


async def no_number(state: State, reading: Any) -> None:
    """"不知道编号": say where to find it instead of asking again and again."""
    if answers.is_skip(state.text):
        state.dispatcher.utter_message(text=messages.NO_NUMBER_TEXT)
        state.end("no_number")
        return
    state.reask("commitment_no", error_for(state.spec.step("commitment_no"), reading), reading.expected)


def prefill_commitment_identity(identified: Callable[[State], Any]) -> Callable[[State], Any]:
    """Status and withdrawal: a number and an ID in the opening message are taken as if asked."""
    async def activate(state: State) -> None:
        number = answers.parse_commitment_no(state.text)
        if number:
            state.set("commitment_no", number)
        id_reading = interpret("applicant_id", without_commitment_no(state.text), state.context())
        if id_reading.kind == "value" and not check_id(id_reading.value, state):
            state.set("applicant_id", ids.clean_id(id_reading.value))
            await call_when_identified(identified)(state)  # the code first; nothing is looked up before it
    return activate


# --- status ----------------------------------------------------------------------------------------------


async def status_call(state: State) -> None:
    s = state.slots
    result = await answer(state, backend.commitment_status(s["commitment_no"], s["applicant_id"], **proof(state)),
                          status_refused)
    if result is not None:
        say(state.dispatcher, messages.commitment_status(result))
        state.set("lifecycle_result", result["status"])


def commitment_no_step(identified: Callable[[State], Any]) -> Step:
    return Step("commitment_no", interpret="commitment_no", on_set=commitment_no_set(identified), on_other=no_number,
                unclear_error="invalid_commitment_no")


def owner_id_step(identified: Callable[[State], Any]) -> Step:
    return Step("applicant_id", interpret="applicant_id", check=check_id, store=store_id,
                on_set=call_when_identified(identified), text="applicant_id_owner")


def own_commitment_steps(identified: Callable[[State], Any], verified: Callable[[State], Any]) -> Tuple[Step, ...]:
    """The opening of a form about one's own commitment: its number, the holder's ID, the identity code.
    ``identified`` is the number's and the ID's hook, ``verified`` the code step's."""
    return commitment_no_step(identified), owner_id_step(identified), identity_code_step(verified)


STATUS = FormSpec(
    name=STATUS_FORM, service="承诺查询服务", outcome_slot="lifecycle_outcome",
    activate=prefill_commitment_identity(status_call),
    steps=(
        *own_commitment_steps(status_call, status_call),
        Step("lifecycle_result", retry=status_call, ask=retry_ask("承诺查询服务")),
    ),
)


# --- withdrawal (R17 / 五(八)) ------------------------------------------------------------------------------


async def withdrawal_identified(state: State) -> None:
    """Ownership and state before the reason is asked, so a refusal comes at once (R17)."""
    s = state.slots
    # Unavailable: the reason is asked anyway, the withdrawal call checks everything again.
    result = await answer(state, backend.commitment_status(s["commitment_no"], s["applicant_id"], **proof(state)),
                          status_refused, retry=False)
    if result is None:
        return
    status = result["status"]
    state.set("lifecycle_status", status)
    withdrawable = result.get("withdrawable")
    if withdrawable is None:
        withdrawable = status not in REFUSAL_BY_STATUS
    if not withdrawable:
        say(state.dispatcher, messages.withdrawal_refused(s["commitment_no"], status,
                                                          REFUSAL_BY_STATUS.get(status, "concluded")))
        state.end("refused")
        return
    say(state.dispatcher, messages.commitment_status(result, brief=True))


async def _current_status(state: State) -> Optional[str]:
    try:
        result = await backend.commitment_status(state.slots["commitment_no"], state.slots["applicant_id"],
                                                 **proof(state))
    except (backend.BackendUnavailable, backend.BackendRefused):
        return None
    return result.get("status")


async def withdraw_call(state: State) -> None:
    s = state.slots
    no = s["commitment_no"]

    async def refused_withdrawal(state: State, refusal: backend.BackendRefused) -> None:
        if refusal.code == "concluded":
            status = s.get("lifecycle_status") or await _current_status(state) or "licensed"
            say(state.dispatcher, messages.withdrawal_refused(no, status, REFUSAL_BY_STATUS.get(status, "concluded")))
            state.end("refused")
        elif refusal.code == "already_withdrawn":
            say(state.dispatcher, messages.withdrawal_refused(no, "withdrawn", "already_withdrawn"))
            state.end("refused")
        else:
            await status_refused(state, refusal)
            if refusal.code == "not_found":
                state.set("withdraw_reason", None)

    call = backend.withdraw_commitment(no, s["applicant_id"], s["withdraw_reason"], **proof(state))
    result = await answer(state, call, refused_withdrawal)
    if result is None:
        return
    say(state.dispatcher, messages.commitment_withdrawn({**result, "commitment_no": result.get("commitment_no") or no}))
    state.set("lifecycle_result", "withdrawn")


async def withdrawal_verified(state: State) -> None:
    """Verified (again): with the reason already given (the API asked for a new code at the withdrawal itself)
    the withdrawal is made; otherwise ownership and state are checked before the reason is asked."""
    if state.slots.get("withdraw_reason"):
        await withdraw_call(state)
    else:
        await withdrawal_identified(state)


WITHDRAW = FormSpec(
    name=WITHDRAW_FORM, service="承诺撤回服务", outcome_slot="lifecycle_outcome",
    activate=prefill_commitment_identity(withdrawal_identified),
    steps=(
        *own_commitment_steps(withdrawal_identified, withdrawal_verified),
        Step("withdraw_reason", interpret="withdraw_reason", on_set=withdraw_call, free_text=True,
             unclear_error="invalid_withdraw_reason"),
        Step("lifecycle_result", retry=withdraw_call, ask=retry_ask("承诺撤回服务")),
    ),
)


# --- complaints (R11 / 五(四)) -------------------------------------------------------------------------------


async def complaint_text_set(state: State) -> None:
    number = answers.parse_commitment_no(state.slots["complaint_text"])
    if number:
        state.set("commitment_no", number)


async def complaint_opening(state: State) -> None:
    """"我要投诉，窗口明明可以承诺还让我开证明": the opening message already is the complaint."""
    content = COMPLAINT_LEAD_RE.sub("", state.text)
    if content == state.text or not answers.parse_free_text(content, min_chars=COMPLAINT_IN_OPENING_MIN_CHARS):
        return
    reading = interpret("complaint_text", content, state.context())
    if reading.kind == "value" and await state.offer("complaint_text", reading.value, silent=True):
        state.dispatcher.utter_message(text=messages.COMPLAINT_NOTED_TEXT)


def check_optional_phone(value: str, state: State) -> Optional[str]:
    return None if value == SKIPPED else ids.check_phone(value)


def store_optional_phone(value: str, state: State) -> str:
    return SKIPPED if value == SKIPPED else ids.canonical_phone(value)


async def complaint_call(state: State) -> None:
    s = state.slots
    number = s.get("commitment_no") if s.get("commitment_no") != SKIPPED else None
    phone = s.get("phone") if s.get("phone") != SKIPPED else None
    payload = {
        "complaint_text": s["complaint_text"],
        "commitment_no": number,
        "phone": phone,
        "channel": state.tracker.get_latest_input_channel() or "rest",
        "sender_id": state.tracker.sender_id,
    }

    def complaint_refused(state: State, refusal: backend.BackendRefused) -> None:
        if refusal.code == "not_found" and number:
            state.reask("commitment_no", "complaint_commitment_unknown")
        else:
            refused(state, refusal)

    result = await answer(state, backend.file_complaint(payload), complaint_refused)
    if result is None:
        return
    say(state.dispatcher, messages.complaint_received(result, anonymous=phone is None))
    state.set("lifecycle_result", result["ticket_no"])


COMPLAINT = FormSpec(
    name=COMPLAINT_FORM, service="投诉受理服务", outcome_slot="lifecycle_outcome", activate=complaint_opening,
    steps=(
        Step("complaint_text", interpret="complaint_text", on_set=complaint_text_set, free_text=True,
             unclear_error="complaint_too_short"),
        Step("commitment_no", interpret="complaint_commitment_no", text="commitment_no_complaint",
             custom={"optional": True}, unclear_error="invalid_commitment_no"),
        Step("phone", interpret="complaint_phone", check=check_optional_phone, store=store_optional_phone,
             on_set=complaint_call, text="phone_complaint", custom={"optional": True}),
        Step("lifecycle_result", retry=complaint_call, ask=retry_ask("投诉受理服务")),
    ),
)


# --- own credit records (R16, P5) ----------------------------------------------------------------------------


async def credit_call(state: State) -> None:
    s = state.slots
    result = await answer(state, backend.credit_records(s["applicant_name"], s["applicant_id"], **proof(state)),
                          refused_or_reverify)
    if result is not None:
        say(state.dispatcher, messages.credit_records(s["applicant_name"], result))
        state.set("lifecycle_result", result.get("status") or "shown")


async def credit_name_set(state: State) -> None:
    found = state.reading.extra.get("id_number") if state.reading else None
    if found:
        await state.offer("applicant_id", found)  # "我叫李娜，身份证…"
    elif state.slots.get("applicant_id"):
        await when_ready(credit_call)(state)  # the ID came in the opening message (and its code was sent)


async def credit_opening(state: State) -> None:
    """"查信用记录，身份证…": the name is asked next (the code is already on its way)."""
    await state.read_also("applicant_id", silent=True)


CREDIT = FormSpec(
    name=CREDIT_FORM, service="诚信档案查询服务", outcome_slot="lifecycle_outcome", activate=credit_opening,
    steps=(
        Step("applicant_name", interpret="applicant_name", on_set=credit_name_set, text="applicant_name_credit"),
        Step("applicant_id", interpret="applicant_id", check=check_id, store=store_id,
             on_set=call_when_identified(credit_call), text="applicant_id_credit"),
        identity_code_step(credit_call),
        Step("lifecycle_result", retry=credit_call, ask=retry_ask("诚信档案查询服务")),
    ),
)

FORMS = {spec.name: spec for spec in (STATUS, WITHDRAW, COMPLAINT, CREDIT)}
ValidateStatusForm = validation_action(STATUS)
ValidateWithdrawForm = validation_action(WITHDRAW)
ValidateComplaintForm = validation_action(COMPLAINT)
ValidateCreditRecordForm = validation_action(CREDIT)


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
