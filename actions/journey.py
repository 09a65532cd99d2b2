"""The commitment journey (R2-R9): discovery, eligibility, identity, proxy, notification, affirmation, receipt.

One form, ``commitment_form``, whose validation action decides every value with the deterministic rules of
``bot/core`` and ``actions/answers``. The model's intent only helps to recognise interruptions (a policy
question, "转人工", "算了", "再说一遍"); it never fills a value or makes a commitment. Every message follows
the conversation contract (``actions/messages``).
"""
from __future__ import annotations

import hashlib
import logging
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, backend, handoff, hotline, messages
from actions.extract import extract
from actions.catalogue import catalogue
from bot.core import affirmation, eligibility, ids
from bot.core.catalogue import Item

logger = logging.getLogger(__name__)

FORM = "commitment_form"
INTERRUPT_CONFIDENCE = 0.6
FAQ_INTENTS = {
    "faq_what_is_commitment",
    "faq_liability",
    "faq_verification",
    "faq_withdrawal",
    "faq_credit_repair",
    "faq_proxy",
    "faq_disclosure",
    "faq_not_applicable",
}
SMALL_TALK = {"greet": "utter_greet", "thanks": "utter_thanks", "bot_capabilities": "utter_bot_capabilities"}

# Slots of one journey; all are cleared when it ends (``last_receipt`` survives for retried messages).
JOURNEY_SLOTS = (
    "item",
    "use_commitment",
    "acting_as",
    "applicant_name",
    "applicant_id",
    "credit_status",
    "agent_name",
    "agent_id",
    "authorization_no",
    "authorization_scope",
    "phone",
    "notice_ack",
    "affirmation",
    "receipt",
    "journey_id",
    "journey_outcome",
    "item_candidates",
    "notice_version",
    "notice_sent_at",
    "notice_ack_at",
    "affirmation_at",
    "input_error",
    "failed_attempts",
    "processed_message",
    "assisted_evidence",  # hotline only (issue 5, actions/hotline.py)
)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def required_slots(slots: Dict[str, Any]) -> List[str]:
    """The journey's questions in order; proxy questions only for a proxy (R5)."""
    if slots.get("journey_outcome"):
        return []
    order = ["item", "use_commitment", "acting_as", "applicant_name", "applicant_id", "credit_status"]
    if slots.get("acting_as") == "proxy":
        order += ["agent_name", "agent_id", "authorization_no", "authorization_scope"]
    order += ["phone", "notice_ack", "affirmation", "receipt"]
    return order


def next_slot(slots: Dict[str, Any]) -> Optional[str]:
    return next((s for s in required_slots(slots) if slots.get(s) in (None, "", [])), None)


def say(dispatcher: CollectingDispatcher, message: messages.Message) -> None:
    text, custom = message
    dispatcher.utter_message(text=text, json_message=custom)


def statement_for(item: Item, slots: Dict[str, Any]) -> str:
    return affirmation.statement(
        item.name, slots.get("acting_as") or "self", slots.get("applicant_name") or "", slots.get("agent_name")
    )


def words_for(slots: Dict[str, Any]) -> str:
    return affirmation.required_words(slots.get("acting_as") or "self", slots.get("applicant_name") or "")


def send_notice(dispatcher: CollectingDispatcher, item: Item, only: Optional[int] = None) -> List[str]:
    """Send the written notification (R6): every section as its own message, same notice_version."""
    stamps = []
    for section in item.notice:
        if only is None or section.index == only:
            say(dispatcher, messages.notice_section(item, section.index))
            stamps.append(now_iso())
    return stamps


class Turn:
    """One user message inside the form: what was said, and the slot changes it causes."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker):
        self.dispatcher = dispatcher
        self.tracker = tracker
        self.slots: Dict[str, Any] = dict(tracker.slots)
        self.updates: Dict[str, Any] = {}
        latest = tracker.latest_message or {}
        self.text = answers.clean(latest.get("text") or "")
        intent = latest.get("intent") or {}
        self.intent = intent.get("name")
        self.confidence = float(intent.get("confidence") or 0.0)
        self.message_id = latest.get("message_id") or ""
        self._found: Optional[Dict[str, List[str]]] = None

    def found(self, key: str) -> Optional[str]:
        """The first number of a kind in the message (spaCy rules, actions/extract), a valid one first."""
        if self._found is None:
            self._found = extract(self.text)
        values = self._found[key]
        check = {"resident_ids": ids.check_resident_id, "usccs": ids.check_uscc, "phones": ids.check_phone}[key]
        valid = [v for v in values if check(v) is None]
        return (valid or values or [None])[0]

    def set(self, slot: str, value: Any) -> None:
        self.updates[slot] = value
        self.slots[slot] = value

    def item(self) -> Optional[Item]:
        return catalogue.get(self.slots.get("item"))

    def intent_is(self, names: Any, threshold: float = INTERRUPT_CONFIDENCE) -> bool:
        if isinstance(names, str):
            names = {names}
        return self.intent in names and self.confidence >= threshold

    def end(self, outcome: str) -> None:
        self.set("journey_outcome", outcome)

    def reask(self, slot: str, error: Optional[str] = None) -> None:
        self.set(slot, None)
        self.set("input_error", error)
        if error:
            self.set("failed_attempts", float(self.slots.get("failed_attempts") or 0) + 1)

    def events(self) -> List[EventType]:
        events = [SlotSet(k, v) for k, v in self.updates.items()]
        events.append(SlotSet("requested_slot", next_slot(self.slots)))
        return events


class ValidateCommitmentForm(Action):
    def name(self) -> Text:
        return f"validate_{FORM}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await catalogue.ensure()
        turn = Turn(dispatcher, tracker)
        requested = tracker.get_slot("requested_slot")
        if requested is None:
            # Activation right after discovery: nothing was asked yet. No candidates ends the form at once.
            # Not asked here: on activation with pre-filled slots Rasa runs this validation twice (FormAction
            # .activate, then .do), and both would ask. The form's action_ask_<slot> asks, once.
            if not turn.slots.get("item_candidates") and not turn.slots.get("item"):
                turn.end("not_found")
            return turn.events()
        if turn.message_id and turn.message_id == turn.slots.get("processed_message"):
            return turn.events()  # the same message seen again (re-validation): nothing new to decide
        turn.set("processed_message", turn.message_id or None)
        turn.set("input_error", None)
        try:
            await self.handle(turn, requested)
        except Exception:  # never crash a journey: keep everything and re-ask (P4)
            logger.exception("journey step failed at %s", requested)
            say(dispatcher, messages.service_error("internal_error", "系统处理"))
            turn.set(requested, None)
        # Issue 5: the third failed answer in a row to one question queues the conversation for a person.
        await handoff.after_validation(turn, requested)
        return turn.events() + await ask_next(turn)

    async def handle(self, turn: Turn, requested: str) -> None:
        d = turn.dispatcher
        text = turn.text
        if requested == "affirmation":
            await self.step_affirmation(turn)
            return
        if answers.is_cancel(text) or (turn.intent_is("cancel", 0.8) and not self._looks_like_value(turn, requested)):
            d.utter_message(text="好的，已结束本次办理，您填写的信息不会提交。需要时随时可以重新开始；也可以按一般程序提交证明办理。")
            turn.end("cancelled")
            return
        if turn.intent_is("handoff", 0.7) and not self._looks_like_value(turn, requested):
            await handoff.announce(d, turn.tracker, "user_request")  # issue 5: queued for a person
            turn.reask(requested)
            return
        if turn.intent_is(FAQ_INTENTS, 0.7) and not self._looks_like_value(turn, requested):
            d.utter_message(response=f"utter_{turn.intent}")
            turn.reask(requested)
            return
        if turn.intent_is(set(SMALL_TALK), 0.8) and not self._looks_like_value(turn, requested):
            d.utter_message(response=SMALL_TALK[turn.intent])
            turn.reask(requested)
            return
        if requested != "notice_ack" and turn.slots.get("notice_sent_at") and answers.REPEAT_RE.search(text):
            self._repeat_notice(turn)
            turn.reask(requested)
            return
        step = getattr(self, f"step_{requested}")
        await step(turn)

    @staticmethod
    def _looks_like_value(turn: Turn, slot: str) -> bool:
        """A message that is clearly an answer to the question asked is never an interruption."""
        t = turn.text
        if slot in ("applicant_id", "agent_id"):
            return bool(turn.found("resident_ids") or turn.found("usccs"))
        if slot == "phone":
            return bool(turn.found("phones"))
        if slot in ("applicant_name", "agent_name"):
            return not answers.is_question(t) and answers.parse_name(t) is not None and len(t) <= 6
        if slot in ("use_commitment", "authorization_scope"):
            return answers.parse_yes_no(t) is not None
        if slot == "acting_as":
            return answers.parse_acting_as(t) is not None
        if slot == "notice_ack":
            return answers.parse_notice_reply(t)[0] is not None
        if slot == "item":
            cands = turn.slots.get("item_candidates") or []
            return catalogue.index.resolve_choice(t, cands) is not None
        return False

    # --- the steps, in journey order -----------------------------------------------------------------

    async def step_item(self, turn: Turn) -> None:
        cands = turn.slots.get("item_candidates") or []
        code = catalogue.index.resolve_choice(turn.text, cands) if cands else None
        if code is None:
            found = [c for c, _ in catalogue.index.search(turn.text, k=5)]
            if found:
                # A new description: show the new candidates and ask again (mission step 1).
                turn.set("item_candidates", found)
                say(turn.dispatcher, messages.item_candidates([catalogue.get(c) for c in found]))
                turn.reask("item")
            else:
                turn.reask("item", "not_a_choice")
            return
        item = catalogue.get(code)
        turn.set("item", code)
        say(turn.dispatcher, messages.item_detail(item))
        decision = eligibility.decide(item)
        if not decision.eligible:  # R2: excluded high-risk item
            say(turn.dispatcher, messages.not_eligible(item, decision.reason, eligibility.explain(decision, item), decision.proofs_required))
            turn.end("not_eligible")

    async def step_use_commitment(self, turn: Turn) -> None:
        answer = answers.parse_yes_no(turn.text)
        if answer is None and turn.intent_is("affirm", 0.8) and not answers.is_question(turn.text):
            answer = "yes"
        elif answer is None and turn.intent_is("deny", 0.8) and not answers.is_question(turn.text):
            answer = "no"
        if answer is None:
            turn.reask("use_commitment", "not_a_choice")
            return
        turn.set("use_commitment", answer)
        if answer == "no":  # R3: the applicant's free choice; list the proofs of the normal procedure
            item = turn.item()
            decision = eligibility.decide(item, use_commitment=False)
            say(turn.dispatcher, messages.not_eligible(item, "declined", eligibility.explain(decision, item), decision.proofs_required))
            turn.end("declined")

    async def step_acting_as(self, turn: Turn) -> None:
        answer = answers.parse_acting_as(turn.text)
        if answer is None:
            turn.reask("acting_as", "not_a_choice")
            return
        item = turn.item()
        decision = eligibility.decide(item, use_commitment=True, acting_as=answer)
        turn.set("acting_as", answer)
        if not decision.eligible:  # R5: proxy only where the item allows it
            say(turn.dispatcher, messages.not_eligible(item, decision.reason, eligibility.explain(decision, item), decision.proofs_required))
            turn.end("not_eligible")

    async def step_applicant_name(self, turn: Turn) -> None:
        name = answers.parse_name(turn.text)
        if not name:
            turn.reask("applicant_name", "invalid_name")
            return
        turn.set("applicant_name", name)
        # "我叫张伟，身份证410105199001011233": take the number too when it is there.
        if turn.found("resident_ids") or turn.found("usccs"):
            await self.step_applicant_id(turn, quiet_if_missing=True)

    async def step_applicant_id(self, turn: Turn, quiet_if_missing: bool = False) -> None:
        item = turn.item()
        uscc, resident_id = turn.found("usccs"), turn.found("resident_ids")
        if item.kind == "license":
            # R8: a licence is granted to a market entity, identified by its 统一社会信用代码.
            value = uscc or resident_id
            error = ids.check_uscc(value) if uscc else ("uscc_required" if resident_id else None)
        else:
            value = resident_id or uscc
            error = ids.check_resident_id(value) if resident_id else (ids.check_uscc(value) if uscc else None)
        if not value:
            if not quiet_if_missing:
                turn.reask("applicant_id", "invalid_id_format")
            return
        if error:
            turn.reask("applicant_id", error)
            return
        turn.set("applicant_id", value)
        await self.check_credit(turn)

    async def check_credit(self, turn: Turn) -> None:
        """R4: the backend's integrity file decides."""
        item = turn.item()
        try:
            result = await backend.check_credit(turn.slots["applicant_id"])
        except (backend.BackendUnavailable, backend.BackendRefused):
            turn.set("credit_status", None)  # asked again via action_ask_credit_status (service_error)
            return
        status = result.get("status")
        # Operations trace; the ID is masked by the process's log record factory (bot/core/logmask.py, P5).
        logger.info("credit check %s: %s", turn.slots["applicant_id"], status)
        decision = eligibility.decide(item, use_commitment=True, acting_as=turn.slots.get("acting_as"), credit=status)
        if not decision.eligible:
            say(turn.dispatcher, messages.not_eligible(item, "credit", eligibility.explain(decision, item), decision.proofs_required))
            turn.set("credit_status", status)
            turn.end("not_eligible")
            return
        turn.set("credit_status", status)

    async def step_credit_status(self, turn: Turn) -> None:
        await self.check_credit(turn)
        if turn.slots.get("credit_status") is None:
            turn.reask("credit_status")

    async def step_agent_name(self, turn: Turn) -> None:
        name = answers.parse_name(turn.text)
        if not name:
            turn.reask("agent_name", "invalid_name")
            return
        turn.set("agent_name", name)
        if turn.found("resident_ids"):
            await self.step_agent_id(turn)

    async def step_agent_id(self, turn: Turn) -> None:
        value = turn.found("resident_ids")
        error = ids.check_resident_id(value) if value else "invalid_id_format"
        if error is None and value == turn.slots.get("applicant_id"):
            error = "agent_is_applicant"
        if error:
            turn.reask("agent_id", error)
            return
        turn.set("agent_id", value)

    async def step_authorization_no(self, turn: Turn) -> None:
        number = answers.parse_authorization_no(turn.text)
        if not number:
            turn.reask("authorization_no", "invalid_authorization_no")
            return
        turn.set("authorization_no", number)

    async def step_authorization_scope(self, turn: Turn) -> None:
        answer = answers.parse_yes_no(turn.text)
        if answer == "yes":  # R5: the authorisation specially covers making the commitment
            turn.set("authorization_scope", "yes")
        elif answer == "no":
            turn.reask("authorization_scope", "special_authorization_required")
        else:
            turn.reask("authorization_scope", "not_a_choice")

    async def step_phone(self, turn: Turn) -> None:
        value = turn.found("phones")
        error = ids.check_phone(value) if value else "invalid_phone"
        if error:
            turn.reask("phone", error)
            return
        turn.set("phone", ids.canonical_phone(value))

    async def step_notice_ack(self, turn: Turn) -> None:
        item = turn.item()
        reply, section = answers.parse_notice_reply(turn.text, len(item.notice))
        if reply is None and turn.intent_is("repeat"):
            reply, section = "repeat", answers.parse_section_number(turn.text, len(item.notice))
        if reply == "repeat":
            self._repeat_notice(turn, section)
            turn.reask("notice_ack")
        elif reply == "yes" and turn.slots.get("notice_version") == item.notice_version:
            turn.set("notice_ack", "yes")
            turn.set("notice_ack_at", now_iso())
        else:
            turn.reask("notice_ack", "not_a_choice")

    def _repeat_notice(self, turn: Turn, section: Optional[int] = None) -> None:
        item = turn.item()
        if section is None:
            section = answers.parse_section_number(turn.text, len(item.notice))
        send_notice(turn.dispatcher, item, only=section)

    async def step_affirmation(self, turn: Turn) -> None:
        """R7: only an explicit affirmation of this very notification commits (affirmation.classify)."""
        item = turn.item()
        slots = turn.slots
        words = words_for(slots)
        verdict = affirmation.classify(
            turn.text,
            acting_as=slots.get("acting_as") or "self",
            applicant_name=slots.get("applicant_name"),
            statement=statement_for(item, slots),
        )
        if verdict.kind == "cancel":
            turn.dispatcher.utter_message(text="好的，已结束本次办理，承诺没有提交。您随时可以按一般程序提交证明办理。")
            turn.end("cancelled")
            return
        if verdict.kind != "explicit":
            if turn.intent_is("repeat") or (answers.REPEAT_RE.search(turn.text) and not answers.is_question(turn.text)):
                self._repeat_notice(turn)
                turn.reask("affirmation")
                return
            say(turn.dispatcher, messages.affirmation_rejected(verdict.kind, verdict.explanation, words))
            if verdict.kind == "question" and turn.intent_is(FAQ_INTENTS, 0.7):
                turn.dispatcher.utter_message(response=f"utter_{turn.intent}")
            turn.reask("affirmation", verdict.kind)
            return
        if hotline.is_hotline(turn.tracker):
            # Issue 5: on the hotline the caller's words count only with every section read aloud and the
            # staff member's attestation (bot/core/assisted.py); they become the record's assisted evidence.
            problem, evidence = hotline.affirmation_evidence(turn.tracker, item, slots)
            if problem:
                turn.reask("affirmation", problem)
                return
            turn.set("assisted_evidence", evidence)
        turn.set("affirmation", turn.text)
        turn.set("affirmation_at", now_iso())
        await self.submit(turn)

    async def step_receipt(self, turn: Turn) -> None:
        if answers.is_cancel(turn.text):
            turn.dispatcher.utter_message(text="好的，已结束本次办理，承诺没有提交。")
            turn.end("cancelled")
            return
        await self.submit(turn)

    async def submit(self, turn: Turn) -> None:
        """Hand the commitment to the backend (R7-R9, P2-P4). Idempotent per journey and notice version."""
        item = turn.item()
        s = turn.slots
        proxy = s.get("acting_as") == "proxy"
        key_source = f"{turn.tracker.sender_id}|{s.get('journey_id')}|{item.code}|{s.get('notice_version')}"
        payload = {
            "idempotency_key": hashlib.sha256(key_source.encode("utf-8")).hexdigest(),
            "item_code": item.code,
            "notice_version": s.get("notice_version"),
            "channel": turn.tracker.get_latest_input_channel() or "rest",
            "sender_id": turn.tracker.sender_id,
            "applicant": {"name": s.get("applicant_name"), "id_number": s.get("applicant_id")},
            "phone": s.get("phone"),
            "proxy": {
                "name": s.get("agent_name"),
                "id_number": s.get("agent_id"),
                "authorization_no": s.get("authorization_no"),
                "special_authorization": s.get("authorization_scope") == "yes",
            }
            if proxy
            else None,
            "evidence": {
                "affirmation_text": s.get("affirmation"),
                "affirmation_at": s.get("affirmation_at"),
                "statement": statement_for(item, s),
                "notice_sections_sent_at": list(s.get("notice_sent_at") or []),
                "notice_ack_at": s.get("notice_ack_at"),
            },
        }
        if s.get("assisted_evidence"):  # hotline (issue 5): staff, call and read-aloud ticks, signed with the record
            payload["evidence"]["assisted"] = s["assisted_evidence"]
        try:
            receipt = await backend.submit_commitment(payload)
        except backend.BackendUnavailable:
            turn.set("receipt", None)  # asked again via action_ask_receipt (service_error); nothing lost
            return
        except backend.BackendRefused as refused:
            self._refused(turn, item, refused)
            return
        turn.set("receipt", receipt["commitment_no"])
        turn.set(
            "last_receipt",
            {"commitment_no": receipt["commitment_no"], "status": receipt.get("status"), "item_code": item.code},
        )
        say(turn.dispatcher, messages.commitment_receipt(item, receipt, proxy))

    def _refused(self, turn: Turn, item: Item, refused: backend.BackendRefused) -> None:
        logger.warning("backend refused commitment: %s", refused.code)
        if refused.code == "credit_blocked":
            decision = eligibility.decide(item, use_commitment=True, credit="blocked")
            say(turn.dispatcher, messages.not_eligible(item, "credit", eligibility.explain(decision, item), decision.proofs_required))
            turn.end("not_eligible")
        elif refused.code == "unknown_notice_version":
            # The catalogue changed while the user was reading: notify the current version again (R6, P2).
            turn.dispatcher.utter_message(text="这个事项的告知内容刚刚更新了，请阅读更新后的告知书后再作承诺。")
            for slot in ("notice_ack", "notice_ack_at", "affirmation", "affirmation_at", "notice_sent_at", "notice_version"):
                turn.set(slot, None)
        else:
            turn.dispatcher.utter_message(text=f"抱歉，承诺没有被受理：{refused.message or refused.code}。您可以拨打12345咨询。")
            turn.end("refused")


# --- asking ---------------------------------------------------------------------------------------

# Issue 6 (performance): the validation action asks the next question itself, in the same action-server call,
# and names the slot it asked for in ``asked_slot``. Rasa's form then skips its own ``action_ask_<slot>`` call
# for that slot (bot/rasa_server.py ``ask_in_validation``): one action-server round trip per turn instead of
# two, each of which sends the whole tracker. The ``action_ask_<slot>`` actions stay: Rasa still calls them when
# the form asks without a fresh validation (coming back to the form after a rule or story interrupted it).
ASKED_SLOT = "asked_slot"


class SlotView:
    """What an ask needs of a tracker: the slots as this turn has just decided them."""

    def __init__(self, slots: Dict[str, Any]):
        self.slots = slots

    def get_slot(self, name: str) -> Any:
        return self.slots.get(name)


async def ask_next(turn: Turn) -> List[EventType]:
    slot = next_slot(turn.slots)
    asker = ASKERS.get(slot or "")
    if asker is None:
        return []
    events = await asker.ask(turn.dispatcher, SlotView(turn.slots), turn.slots.get("input_error"))
    return [*events, SlotSet(ASKED_SLOT, slot)]


class AskAction(Action):
    """``action_ask_<slot>``: the contract's ``ask`` message, with ``error`` when re-asking."""

    slot = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await catalogue.ensure()
        return await self.ask(dispatcher, tracker, tracker.get_slot("input_error"))

    async def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, error: Optional[str]) -> List[EventType]:
        error_text = ids.ERROR_MESSAGES.get(error, "") if error else ""
        say(dispatcher, messages.ask(self.slot, error=error, error_text=error_text))
        return []


def _ask_class(slot_name: str) -> type:
    return type(f"AskAction_{slot_name}", (AskAction,), {"slot": slot_name})


AskUseCommitment = _ask_class("use_commitment")
AskActingAs = _ask_class("acting_as")
AskApplicantName = _ask_class("applicant_name")
AskAgentName = _ask_class("agent_name")
AskAgentId = _ask_class("agent_id")
AskAuthorizationNo = _ask_class("authorization_no")
AskAuthorizationScope = _ask_class("authorization_scope")
AskPhone = _ask_class("phone")


class AskItem(AskAction):
    slot = "item"


class AskApplicantId(AskAction):
    slot = "applicant_id"

    async def ask(self, dispatcher, tracker, error):
        item = catalogue.get(tracker.get_slot("item"))
        text = messages.ASK_TEXT["applicant_id_license" if item and item.kind == "license" else "applicant_id"]
        error_text = ids.ERROR_MESSAGES.get(error, "") or messages.ERROR_TEXT.get(error, "") if error else ""
        say(dispatcher, messages.ask(self.slot, error=error, error_text=error_text, text=text))
        return []


class AskCreditStatus(AskAction):
    slot = "credit_status"

    async def ask(self, dispatcher, tracker, error):
        say(dispatcher, messages.service_error("backend_unavailable", "诚信档案核验服务"))
        return []


class AskReceipt(AskAction):
    slot = "receipt"

    async def ask(self, dispatcher, tracker, error):
        say(dispatcher, messages.service_error("backend_unavailable", "承诺书提交服务"))
        return []


class AskNoticeAck(AskAction):
    """Sends the whole notification once per journey and version (contract rule 1), then asks."""

    slot = "notice_ack"

    async def ask(self, dispatcher, tracker, error):
        item = catalogue.get(tracker.get_slot("item"))
        events: List[EventType] = []
        if tracker.get_slot("notice_version") != item.notice_version or not tracker.get_slot("notice_sent_at"):
            from actions.lifecycle import pre_application_warning  # here: lifecycle imports this module

            await pre_application_warning(dispatcher, item, tracker.get_slot("applicant_id"))  # R18, before R6
            stamps = send_notice(dispatcher, item)
            events = [SlotSet("notice_version", item.notice_version), SlotSet("notice_sent_at", stamps)]
        say(dispatcher, messages.ask(self.slot, error=error))
        return events


class AskAffirmation(AskAction):
    slot = "affirmation"

    async def ask(self, dispatcher, tracker, error):
        item = catalogue.get(tracker.get_slot("item"))
        slots = dict(tracker.slots)
        if error:
            say(dispatcher, messages.ask(self.slot, error=error, text=f"请输入“{words_for(slots)}”完成承诺。"))
        else:
            say(dispatcher, messages.affirmation_request(item, statement_for(item, slots), words_for(slots)))
        return []


ASKERS: Dict[str, AskAction] = {
    cls.slot: cls()
    for cls in (
        AskItem, AskUseCommitment, AskActingAs, AskApplicantName, AskApplicantId, AskCreditStatus, AskAgentName,
        AskAgentId, AskAuthorizationNo, AskAuthorizationScope, AskPhone, AskNoticeAck, AskAffirmation, AskReceipt,
    )
}


# --- outside the form -------------------------------------------------------------------------------


class DiscoverItem(Action):
    """Mission step 1: rank catalogue items from free text."""

    def name(self) -> Text:
        return "action_discover_item"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await catalogue.ensure()
        text = answers.clean((tracker.latest_message or {}).get("text") or "")
        # Items named outright (spaCy phrase rules from the catalogue) first, then the ranked search.
        named = extract(text)["item_codes"] if text else []
        ranked = [c for c, _ in catalogue.index.search(text, k=5)] if text else []
        found = [c for c in named + ranked if catalogue.get(c)]
        found = list(dict.fromkeys(found))[:5]
        events: List[EventType] = [SlotSet(s, None) for s in JOURNEY_SLOTS if tracker.get_slot(s) is not None]
        events += [SlotSet("journey_id", uuid.uuid4().hex), SlotSet("item_candidates", found)]
        if found:
            say(dispatcher, messages.item_candidates([catalogue.get(c) for c in found]))
        else:
            say(dispatcher, messages.item_not_found(text))
            await handoff.after_fallback(dispatcher, tracker)  # issue 5: the second in a row goes to a person
        return events


class FinishJourney(Action):
    def name(self) -> Text:
        return "action_finish_journey"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        return [SlotSet(s, None) for s in JOURNEY_SLOTS if tracker.get_slot(s) is not None] + [
            SlotSet("failed_attempts", 0.0)
        ]


class OutsideJourney(Action):
    """A journey message with no journey open: a retried "本人承诺" never commits twice (rule 3)."""

    def name(self) -> Text:
        return "action_outside_journey"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        last = tracker.get_slot("last_receipt")
        if intent in ("commit", "retry", "affirm") and last:
            dispatcher.utter_message(
                text=f"您的承诺已经提交成功，承诺编号 {last['commitment_no']}，无需重复提交。如要办理其他事项，请直接告诉我。",
                json_message={"stage": "commitment_status", "commitment_no": last["commitment_no"], "status": last.get("status") or "accepted"},
            )
        else:
            text = answers.clean((tracker.latest_message or {}).get("text") or "")
            dispatcher.utter_message(
                text="目前没有正在办理的事项，不会提交任何承诺。请告诉我您想办理什么，例如“我想申请公租房”；"
                "也可以拨打12345政务服务便民热线咨询。",
                json_message={"stage": "item_not_found", "query": text[:200]},
            )
            await handoff.after_fallback(dispatcher, tracker)  # issue 5: the second in a row goes to a person
        return []


class Handoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await handoff.announce(dispatcher, tracker, "user_request")  # issue 5: queued for a person
        return []


class DefaultFallback(Action):
    """Rasa's core fallback, in plain words, pointing to what the assistant can do."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        dispatcher.utter_message(
            text="抱歉，我没太明白。您可以直接说想办理的事项，例如“我想申请公租房”；也可以问“什么是告知承诺制”。"
            "需要人工帮助请说“转人工”或拨打12345。"
        )
        await handoff.after_fallback(dispatcher, tracker)  # issue 5: the second in a row goes to a person
        return [UserUtteranceReverted()]
