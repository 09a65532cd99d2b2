"""One conversation engine for every form: the commitment journey and the flows after it.

A form is declared, not programmed: a ``FormSpec`` names the form, its steps in order, what the service is
called in a ``service_error``, what is said when the user stops, and where the outcome is kept. Each ``Step``
is one question, one slot:

- ``interpret``: the step name for ``actions.interpret.interpret``; the interpreter reads the answer into a
  ``Reading`` (bot/core/reading.py). The engine never looks at the words again to decide a value;
- ``check``: ``fn(value, state) -> error code | None``, the rule a read value must pass (check digits, a
  licence needing a credit code, the notice version still current …);
- ``ask``: ``fn(state, error) -> Message`` (or an awaitable of one), the contract's question;
- ``on_set``: ``async fn(state)`` after the value is stored (a backend call, ending the journey …);
- ``when``: ``fn(slots) -> bool``, whether the step belongs to this conversation at all (proxy questions only
  for a proxy, R5).

One validation path serves every form (``FormValidation``): the duplicate-message guard, the interruptions
(stop, a person, a policy question, small talk, the notice again), the reading and what its kind means,
counting failed answers (the third in a row goes to a person, actions/handoff.py) and asking the next
question, all in the same action call. Rasa's form has no ``action_ask_<slot>`` to call (domain.yml lists
none), so it asks nothing itself: the question a citizen sees always comes from here, exactly once.
"""
from __future__ import annotations

import inspect
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, handoff, item_question, messages
from actions.catalogue import catalogue
from actions.interpret import interpret
from bot.core import assisted, evidence, ids
from bot.core.catalogue import Item
from bot.core.reading import Context, Reading

logger = logging.getLogger(__name__)

FAQ_INTENTS = frozenset({
    "faq_what_is_commitment", "faq_liability", "faq_verification", "faq_withdrawal", "faq_credit_repair",
    "faq_proxy", "faq_disclosure", "faq_not_applicable",
})
SMALL_TALK = {"greet": "utter_greet", "thanks": "utter_thanks", "bot_capabilities": "utter_bot_capabilities"}
# How sure the model must be before an answer that is not a value is taken for an interruption. A value the
# interpreter decided is never an interruption, whatever the model heard in it.
HANDOFF_CONFIDENCE = 0.7
FAQ_CONFIDENCE = 0.7
SMALL_TALK_CONFIDENCE = 0.8
REPEAT_CONFIDENCE = 0.6
# The legal decisions (bot/core/consent.py): only their own reading may stop, refuse or accept there.
LEGAL_STEPS = frozenset({"affirmation", "notice_ack", "authorization_scope"})

# Channel evidence (bot/core/evidence.py): the deliveries of the current notice the channels reported, one per
# section; and how long a person needs at least between the last section reaching them and "已阅读". The API
# reads the same variable and refuses a faster "read", so asking here first spares the person a refusal.
DELIVERIES_SLOT = "notice_deliveries"
ENV_MIN_READING = "GZ_MIN_READING_SECONDS"
DEFAULT_MIN_READING_SECONDS = 15.0
# The answer to a legal question with no signed envelope of its own: the journey ends, and a person is offered.
NO_EVIDENCE = "no_evidence"


def min_reading_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(ENV_MIN_READING, DEFAULT_MIN_READING_SECONDS)))
    except ValueError:
        return DEFAULT_MIN_READING_SECONDS


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def say(dispatcher: CollectingDispatcher, message: messages.Message) -> None:
    text, custom = message
    dispatcher.utter_message(text=text, json_message=custom)


Hook = Callable[["State"], Awaitable[None]]


@dataclass(frozen=True)
class Step:
    slot: str
    interpret: Optional[str] = None
    check: Optional[Callable[[Any, "State"], Optional[str]]] = None
    ask: Optional[Callable[["State", Optional[str]], Any]] = None
    on_set: Optional[Hook] = None
    when: Optional[Callable[[Dict[str, Any]], bool]] = None
    # What is stored for a read value (the canonical phone number, the affirmation's exact words …).
    store: Optional[Callable[[Any, "State"], Any]] = None
    # A clear "no" to a legal question; without it the question is asked again with the reading's detail.
    on_negated: Optional[Callable[["State", Reading], Awaitable[None]]] = None
    # Steps that answer anything but a value in their own way (the affirmation's contract stage, a new search
    # for an item); question and clarify readings go there instead of the engine's re-ask.
    on_other: Optional[Callable[["State", Reading], Awaitable[None]]] = None
    # A step no interpreter reads: ``read(state)`` gives its Reading (a choice from a list) ...
    read: Optional[Callable[["State"], Awaitable[Reading]]] = None
    # ... or the step waits for a backend call after a ``service_error``: any message makes it again (P4).
    retry: Optional[Hook] = None
    free_text: bool = False  # only a bare "算了" stops the flow: a reason may well contain "不办了"
    # The answer is legal evidence (the reading statement, the commitment): it is taken only together with the
    # channel's signed envelope of this very message; without one nothing can be recorded (``no_evidence``).
    signed: bool = False
    # Why a right answer cannot be taken *yet* (the notice has not all arrived, it came moments ago): an error
    # code, and the question is asked again saying why. Not a failed answer: the person did nothing wrong.
    wait: Optional[Callable[[Any, "State"], Optional[str]]] = None
    text: Optional[str] = None  # key in messages.ASK_TEXT when not the slot's own
    custom: Dict[str, Any] = field(default_factory=dict)  # extra fields of the ask (``optional``)
    errors: Dict[str, str] = field(default_factory=dict)  # interpreter detail -> this step's contract error
    # The contract error of an unreadable answer, where the detail has no wording of its own.
    unclear_error: Optional[str] = None
    cancel_text: Optional[str] = None  # what stopping at this step says, when not the form's text


@dataclass(frozen=True)
class FormSpec:
    name: str
    steps: Sequence[Step]
    service: str  # the service named in a service_error
    outcome_slot: str  # set when the form ends early (cancelled, not eligible, refused …)
    activate: Optional[Hook] = None  # the opening message: values it already holds, or nothing to ask
    statement: Optional[Callable[["State"], Optional[str]]] = None  # the commitment text shown, if any
    # Whether the form collects the channels' delivery envelopes of the notice each turn (the journey).
    collects_deliveries: bool = False
    cancel_text: str = ""  # what stopping the form says; unset: the form's own entry in messages.CANCEL_TEXT

    def __post_init__(self) -> None:
        if not self.cancel_text:
            object.__setattr__(self, "cancel_text", messages.CANCEL_TEXT[self.name])

    def step(self, slot: Optional[str]) -> Optional[Step]:
        return next((s for s in self.steps if s.slot == slot), None)

    def required(self, slots: Dict[str, Any]) -> List[str]:
        if slots.get(self.outcome_slot):
            return []
        return [s.slot for s in self.steps if s.when is None or s.when(slots)]

    def next_slot(self, slots: Dict[str, Any]) -> Optional[str]:
        return next((s for s in self.required(slots) if slots.get(s) in (None, "", [])), None)


class State:
    """One user message inside a form: what was said, and the slot changes it causes."""

    def __init__(self, spec: FormSpec, dispatcher: CollectingDispatcher, tracker: Tracker):
        self.spec = spec
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
        self.expected = ""  # the words a clarifying re-ask names
        self.reading: Optional[Reading] = None  # the accepted reading (values found beside the answer)
        self.channel = tracker.get_latest_input_channel() if tracker is not None else None
        # What the input channel signed for this message (bot/core/evidence.py). The action server cannot check
        # a MAC; it only carries the envelopes to the API, which does.
        metadata = latest.get("metadata") if isinstance(latest.get("metadata"), dict) else {}
        signed = metadata.get("evidence") if isinstance(metadata.get("evidence"), dict) else {}
        self._envelope = signed.get("message") if isinstance(signed.get("message"), dict) else None
        given = signed.get("deliveries")
        self.incoming_deliveries: List[Dict[str, Any]] = [d for d in given if isinstance(d, dict)] if isinstance(
            given, list) else []

    # --- slots ---------------------------------------------------------------------------------------

    def set(self, slot: str, value: Any) -> None:
        self.updates[slot] = value
        self.slots[slot] = value

    def item(self) -> Optional[Item]:
        return catalogue.get(self.slots.get("item"))

    def end(self, outcome: str) -> None:
        self.set(self.spec.outcome_slot, outcome)

    def reask(self, slot: str, error: Optional[str] = None, expected: str = "", failed: bool = True) -> None:
        """The question is asked again; an error counts as a failed answer (actions/handoff.py) unless
        ``failed`` is False (the answer was right but cannot be taken yet)."""
        self.set(slot, None)
        self.set("input_error", error)
        self.expected = expected if error else ""
        if error and failed:
            self.set("failed_attempts", float(self.slots.get("failed_attempts") or 0) + 1)

    def events(self) -> List[EventType]:
        events = [SlotSet(k, v) for k, v in self.updates.items()]
        events.append(SlotSet("requested_slot", self.spec.next_slot(self.slots)))
        return events

    # --- channel evidence ------------------------------------------------------------------------------

    def envelope(self) -> Optional[Dict[str, Any]]:
        """The channel's signed envelope of this very message, or None. One that names another channel, person,
        message or text is no envelope of this message: it is never carried as if it were."""
        env = self._envelope
        if env is None or env.get("kind") != evidence.MESSAGE or not isinstance(env.get("text"), str):
            return None
        if env.get("channel") != self.channel or env.get("sender") != self.tracker.sender_id:
            return None
        if self.message_id and env.get("message_id") != self.message_id:
            return None
        if answers.clean(env["text"]) != self.text or evidence.parse_time(env.get("at")) is None:
            return None
        return dict(env)

    def deliveries(self, envelopes: Optional[List[Any]] = None) -> Dict[int, Dict[str, Any]]:
        """{section: its earliest delivery envelope} of the current item and notice version to this person on this
        channel, from ``envelopes`` (default: those kept in the slot)."""
        item = self.item()
        version = self.slots.get("notice_version")
        if item is None or not version:
            return {}
        given = self.slots.get(DELIVERIES_SLOT) if envelopes is None else envelopes
        timed = [env for env in given or [] if isinstance(env, dict) and evidence.parse_time(env.get("delivered_at"))]
        found = evidence.deliveries_for(timed, channel=self.channel, sender=self.tracker.sender_id,
                                        item_code=item.code, notice_version=version)
        return {index: dict(env) for index, env in found.items() if 1 <= index <= len(item.notice)}

    def undelivered(self) -> List[int]:
        """The notice sections of the current version no channel reported as delivered (none on the hotline:
        there the staff member's read-aloud ticks are the delivery)."""
        item = self.item()
        if item is None or not item.notice or self.channel == assisted.CHANNEL:
            return []
        return evidence.missing_sections(self.deliveries(), len(item.notice))

    def collect_deliveries(self) -> None:
        """Keep this turn's delivery envelopes of the current notice: the earliest per section, so the slot
        holds at most one per section however often a section is sent again. Others (another version, item,
        person or channel, a time that is no time) are dropped."""
        if not self.incoming_deliveries:
            return
        before = list(self.slots.get(DELIVERIES_SLOT) or [])
        kept = [env for _, env in sorted(self.deliveries(before + self.incoming_deliveries).items())]
        if kept != before:
            self.set(DELIVERIES_SLOT, kept)

    def read_too_soon(self, envelope: Dict[str, Any]) -> bool:
        """"已阅读" sooner after the last section reached the person than anyone can read it (the API's rule)."""
        times = [evidence.parse_time(env.get("delivered_at")) for env in self.deliveries().values()]
        times = [t for t in times if t is not None]
        said = evidence.parse_time(envelope.get("at"))
        if not times or said is None:
            return False
        return (said - max(times)).total_seconds() < min_reading_seconds()

    # --- reading -------------------------------------------------------------------------------------

    def say(self, message: messages.Message) -> None:
        say(self.dispatcher, message)

    def intent_is(self, names: Any, threshold: float) -> bool:
        if isinstance(names, str):
            names = {names}
        return self.intent in names and self.confidence >= threshold

    def context(self) -> Context:
        s = self.slots
        item = self.item()
        statement = None
        if self.spec.statement is not None:
            try:
                statement = self.spec.statement(self)
            except ValueError:  # not everything the statement names is known yet
                statement = None
        return Context(
            intent=self.intent,
            confidence=self.confidence,
            acting_as=s.get("acting_as") or "self",
            applicant_name=s.get("applicant_name"),
            applicant_kind=applicant_kind(s),
            agent_name=s.get("agent_name"),
            representative_name=s.get("representative_name"),
            item_kind=item.kind if item else "proof",
            statement=statement,
            notice_sections=len(item.notice) if item and item.notice else 7,
        )

    def error_text(self, error: Optional[str]) -> str:
        # The legal questions word their re-asks themselves (what the document must say, which words commit).
        if error and not messages.has_error_text(error) and self.spec.next_slot(self.slots) in LEGAL_STEPS:
            return messages.consent_text(error, self.expected)
        return messages.error_text(error, self.expected)

    async def offer(self, slot: str, value: Any, silent: bool = False) -> bool:
        """A value for ``slot`` found beside the answer to another question ("我叫张伟，身份证…"): checked and
        stored as if asked. ``silent``: an invalid one is not an error (the question was not asked yet)."""
        step = self.spec.step(slot)
        if step is None or value in (None, "") or step.signed:  # a legal answer is only ever its own message
            return False
        error = step.check(value, self) if step.check else None
        if error:
            if not silent:
                self.reask(slot, error)
            return False
        self.set(slot, step.store(value, self) if step.store else value)
        if step.on_set:
            await step.on_set(self)
        return True

    async def read_also(self, slot: str, text: Optional[str] = None, silent: bool = False) -> bool:
        """The same message read as the answer to ``slot`` too, when it holds one."""
        step = self.spec.step(slot)
        if step is None or not step.interpret:
            return False
        reading = interpret(step.interpret, self.text if text is None else text, self.context())
        if reading.kind != "value":
            return False
        return await self.offer(slot, reading.value, silent=silent)


def offer_found_id(slot: str) -> Hook:
    """The on-set hook of a name step: "我叫张伟，身份证…" gives the ID number for ``slot`` too."""
    async def hook(state: State) -> None:
        found = state.reading.extra.get("id_number") if state.reading else None
        if found:
            await state.offer(slot, found)
    return hook


def resident_id_not(other_slot: str, error: str) -> Callable[[Any, State], Optional[str]]:
    """The check of an agent's 身份证号: valid, and not the ID already given for ``other_slot`` (an agent acts for
    someone else)."""
    def check(value: Any, state: State) -> Optional[str]:
        problem = ids.check_resident_id(value)
        if problem is None and ids.clean_id(value) == state.slots.get(other_slot):
            return error
        return problem
    return check


def applicant_kind(slots: Dict[str, Any]) -> str:
    """``enterprise`` when the applicant identified with a 统一社会信用代码, else ``person``."""
    value = slots.get("applicant_id")
    return "enterprise" if value and ids.id_type(value) == "uscc" else "person"


# --- asking --------------------------------------------------------------------------------------------


def default_ask(step: Step) -> Callable[[State, Optional[str]], messages.Message]:
    def ask(state: State, error: Optional[str]) -> messages.Message:
        text, custom = messages.ask(step.slot, error=error, error_text=state.error_text(error),
                                    text=messages.ASK_TEXT[step.text or step.slot])
        return text, {**custom, **step.custom}
    return ask


async def ask_next(state: State) -> List[EventType]:
    """The next question of the form, with the error of the answer just refused."""
    step = state.spec.step(state.spec.next_slot(state.slots))
    if step is None:
        return []
    before = dict(state.updates)
    asked = (step.ask or default_ask(step))(state, state.slots.get("input_error"))
    if inspect.isawaitable(asked):
        asked = await asked
    if asked is not None:
        state.say(asked)
    # Slots an ask sets (the notice's version and send times) go out with this turn's events.
    return [SlotSet(k, v) for k, v in state.updates.items() if k not in before or before[k] is not v]


# --- the validation action -------------------------------------------------------------------------------


class FormValidation:
    """``validate_<form>``: the one path every message inside a form takes. Mixed into an ``Action`` by
    ``validation_action`` (the mixin alone is not an action the SDK registers)."""

    spec: FormSpec

    def name(self) -> Text:
        return f"validate_{self.spec.name}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await catalogue.ensure()
        state = State(self.spec, dispatcher, tracker)
        if self.spec.collects_deliveries:
            state.collect_deliveries()
        requested = tracker.get_slot("requested_slot")
        if requested is None:
            # Activation: the opening message may already hold values, or leave nothing to ask.
            state.set("processed_message", state.message_id or None)
            state.set("input_error", None)
            if self.spec.activate:
                try:
                    await self.spec.activate(state)
                except Exception:  # never crash a conversation (P4)
                    logger.exception("%s: activation failed", self.spec.name)
            return await self._finish(state)
        if state.message_id and state.message_id == state.slots.get("processed_message"):
            # The same message seen again (Rasa coming back to the form): nothing new to decide, but the
            # pending question is still this action's to ask.
            state.set("processed_message", state.message_id)
            return await self._finish(state)
        state.set("processed_message", state.message_id or None)
        state.set("input_error", None)
        step = self.spec.step(requested)
        try:
            if step is None:
                raise LookupError(f"{self.spec.name} has no step {requested}")
            await self.handle(state, step)
        except Exception:  # never crash a conversation: keep everything and ask again (P4)
            logger.exception("%s step failed at %s", self.spec.name, requested)
            state.say(messages.service_error("internal_error", "系统处理"))
            state.set(requested, None)
        # The third failed answer in a row to one question goes to a person.
        await handoff.after_validation(state, requested)
        return await self._finish(state)

    @staticmethod
    async def _finish(state: State) -> List[EventType]:
        asked = await ask_next(state)
        return state.events() + asked

    async def handle(self, state: State, step: Step) -> None:
        if step.retry is not None:
            if not await self.interrupted(state, step, None):
                await step.retry(state)  # "重试" or anything else: the same call with what was given
            return
        if step.read is not None:
            reading = await step.read(state)
        else:
            reading = interpret(step.interpret or step.slot, state.text, state.context())
        if reading.kind == "value":
            await self.accept(state, step, reading)
            return
        if await self.interrupted(state, step, reading):
            return
        if reading.kind == "negated":
            if step.on_negated:
                await step.on_negated(state, reading)
            else:
                state.reask(step.slot, error_for(step, reading))
            return
        if step.on_other:
            await step.on_other(state, reading)
            return
        if reading.kind == "question":
            self.answer_question(state, reading)
            state.reask(step.slot)
            return
        # clarify: ask again, naming the words that count.
        state.reask(step.slot, error_for(step, reading), reading.expected)

    @staticmethod
    async def accept(state: State, step: Step, reading: Reading) -> None:
        error = step.check(reading.value, state) if step.check else None
        if error:
            state.reask(step.slot, error)
            return
        if step.signed and state.envelope() is None:
            no_evidence(state)
            return
        pending = step.wait(reading.value, state) if step.wait else None
        if pending:
            state.reask(step.slot, pending, failed=False)
            return
        state.set(step.slot, step.store(reading.value, state) if step.store else reading.value)
        state.reading = reading
        if step.on_set:
            await step.on_set(state)

    async def interrupted(self, state: State, step: Step, reading: Optional[Reading]) -> bool:
        """Stop, a person, a policy question, small talk or the notice again, instead of an answer."""
        kind = reading.kind if reading else None
        own_decision = step.free_text or step.interpret in LEGAL_STEPS
        # (the rules' words for a stop, never the model's "cancel" alone: see actions/interpret.py)
        if kind == "cancel" or (not own_decision and answers.is_cancel(state.text)):
            state.dispatcher.utter_message(text=step.cancel_text or self.spec.cancel_text)
            state.end("cancelled")
            return True
        if kind == "repeat" or (state.slots.get("notice_sent_at") and kind != "question"
                                and state.intent_is("repeat", REPEAT_CONFIDENCE)):
            self.repeat_notice(state, reading.section if reading else None)
            state.reask(step.slot)
            return True
        if state.intent_is("handoff", HANDOFF_CONFIDENCE) or (kind == "question" and reading.detail == "handoff"):
            await handoff.announce(state.dispatcher, state.tracker, "user_request")
            state.reask(step.slot)
            return True
        # A refusal the reader decided takes the step's own refusal path: a confident FAQ or small-talk intent
        # on the same words ("我不承诺，后果太严重了" reads like the FAQ on liability) does not turn it into a
        # policy answer and a re-ask. So does a legal answer the reader turned down for a reason it names
        # ("如果没问题我就承诺": conditional), which the person is told; only where the reader would have taken it and
        # the model alone disagrees (nlu_disagrees), or found nothing it could name, may the model's question be answered.
        reason_named = step.interpret in LEGAL_STEPS and kind == "clarify" and reading is not None \
            and reading.detail not in (None, "", "nlu_disagrees", "unclear")
        if kind == "negated" or reason_named:
            return False
        # A policy question at a legal step is part of that step's own refusal (the affirmation's contract
        # stage comes first, then the answer).
        legal_refusal = step.on_other is not None and step.interpret in LEGAL_STEPS and kind == "question"
        if not legal_refusal and state.intent_is(FAQ_INTENTS, FAQ_CONFIDENCE):
            answer_faq(state, state.intent)
            state.reask(step.slot)
            return True
        if state.intent_is(set(SMALL_TALK), SMALL_TALK_CONFIDENCE):
            state.dispatcher.utter_message(response=SMALL_TALK[state.intent])
            state.reask(step.slot)
            return True
        return False

    @staticmethod
    def answer_question(state: State, reading: Reading) -> None:
        """A question instead of an answer: the policy's answer when it is known which, else how to ask."""
        topic = reading.detail if reading.detail in FAQ_INTENTS else (
            state.intent if state.intent_is(FAQ_INTENTS, FAQ_CONFIDENCE) else None)
        if topic:
            answer_faq(state, topic)
        elif reading.detail in SMALL_TALK:
            state.dispatcher.utter_message(response=SMALL_TALK[reading.detail])
        elif not answer_item_question(state):
            state.dispatcher.utter_message(text=messages.QUESTION_HELP)

    @staticmethod
    def repeat_notice(state: State, section: Optional[int]) -> None:
        """The notice again: the section asked for; else the sections that did not reach the person ("重新发送"),
        or the whole notice when all did."""
        item = state.item()
        if item is None or not state.slots.get("notice_sent_at"):
            return
        missing = state.undelivered() if section is None and state.spec.collects_deliveries else []
        send_notice(state.dispatcher, item, only=missing or section)


def no_evidence(state: State) -> None:
    """A legal answer on a channel that signs nothing (a developer shell, a channel without the key): nothing can
    be recorded, so the journey ends here and says so plainly. Never a receipt. A person is offered, not queued:
    the staff queue knows only the reasons a citizen gives it ("转人工" then queues as the citizen's own request)."""
    logger.warning("%s: no channel evidence on channel %s; nothing recorded", state.spec.name, state.channel)
    state.dispatcher.utter_message(text=messages.NO_EVIDENCE_TEXT)
    state.end(NO_EVIDENCE)


def answer_faq(state: State, intent: str) -> None:
    """A policy question asked in the middle of a form. When it names one item ("危险化学品经营许可能承诺吗"
    while applying for a public rental flat) it is answered for that item, as outside a form, but without
    inviting to apply for it now; otherwise the general answer. The form then asks its question again."""
    named = item_question.answer_named(state.text, intent, invite=False)
    for message in named:
        state.say(message)
    if not named:
        state.dispatcher.utter_message(response=f"utter_{intent}")


def answer_item_question(state: State) -> bool:
    """"危险化学品经营许可能承诺吗": the model may hear an item's name and no policy question in it, but a
    question about commitment that names one item is answered for that item. True when it was."""
    if "承诺" not in state.text:
        return False
    named = item_question.answer_named(state.text, "faq_not_applicable", invite=False)
    for message in named:
        state.say(message)
    return bool(named)


def error_for(step: Step, reading: Reading) -> str:
    """The contract's ``error`` of a re-ask: the interpreter's detail, unless the step words it its own way."""
    detail = reading.detail or "not_a_choice"
    error = step.errors.get(detail, detail)
    if step.unclear_error and not messages.has_error_text(error):
        return step.unclear_error
    return error


def validation_action(spec: FormSpec) -> type:
    """The SDK action ``validate_<form>`` for one form."""
    from rasa_sdk import Action

    return type(f"Validate_{spec.name}", (FormValidation, Action), {"spec": spec, "__module__": __name__})


def send_notice(dispatcher: CollectingDispatcher, item: Item, only: Any = None) -> List[str]:
    """The written notification (R6): every section as its own message, one notice_version; send times.
    ``only``: one section's number, or a list of them."""
    wanted = None if only is None else ({only} if isinstance(only, int) else set(only))
    stamps = []
    for section in item.notice:
        if wanted is None or section.index in wanted:
            say(dispatcher, messages.notice_section(item, section.index))
            stamps.append(now_iso())
    return stamps


def retry_ask(service: str) -> Callable[[State, Optional[str]], messages.Message]:
    """The ask of a step waiting for the backend: ``service_error``, nothing lost, "重试" continues (P4)."""
    def ask(state: State, error: Optional[str]) -> messages.Message:
        return messages.service_error("backend_unavailable", service)
    return ask
