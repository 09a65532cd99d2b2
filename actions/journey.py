"""The commitment journey (R2-R9): discovery, eligibility, identity, proxy, notification, affirmation, receipt.

One form, ``commitment_form``, declared as a table of steps for the engine in ``actions/forms.py``; this
module holds the table and the journey's own hooks (eligibility, the credit check, sending the notice, the
submission). Every value is read by the step interpreters (``actions/interpret.py``) and decided by the rules
of ``bot/core``; the model's intent only recognises interruptions, so the journey resumes where it was.
Every message follows the conversation contract (``actions/messages``).
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import uuid
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, backend, handoff, hotline, identity, messages
from actions.catalogue import catalogue
from actions.extract import extract
from actions.forms import (DELIVERIES_SLOT, FAQ_CONFIDENCE, FAQ_INTENTS, FormSpec, State, Step, answer_faq,
                           applicant_kind, no_evidence, offer_found_id, resident_id_not, retry_ask, say, send_notice,
                           validation_action)
from bot.core import affirmation, eligibility, ids
from bot.core.catalogue import Item
from bot.core.reading import Reading, clarify
from bot.core.reading import value as value_reading
from bot.core.textnorm import name_key

logger = logging.getLogger(__name__)

FORM = "commitment_form"

# Slots of one journey; all are cleared when it ends (``last_receipt`` survives for retried messages).
JOURNEY_SLOTS = (
    "item",
    "use_commitment",
    "acting_as",
    "applicant_name",
    "applicant_id",
    "credit_status",
    "representative_name",
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
    "assisted_evidence",  # hotline only (actions/hotline.py)
    # Channel evidence (bot/core/evidence.py), carried to the API as it came: the notice's deliveries, and the
    # signed envelopes of the reading statement and of the affirmation.
    DELIVERIES_SLOT,
    "notice_ack_evidence",
    "affirmation_evidence",
    # Who acts (actions/identity.py): the login code, the assurance the API returned for it, and the code that
    # confirmed the commitment itself; for a proxy, the authorisation the principal granted.
    *identity.SLOTS,
    "authorisation",
)

# What a reading statement and an affirmation mean once taken: undone together when the API refuses them.
READING_SLOTS = ("notice_ack", "notice_ack_at", "notice_ack_evidence")
AFFIRMATION_SLOTS = ("affirmation", "affirmation_at", "affirmation_evidence")

# Why "已阅读" is not taken yet (forms.Step.wait); also the API's refusal codes of the same name.
NOTICE_UNDELIVERED = "notice_undelivered"
READING_TOO_FAST = "reading_too_fast"
# The API found the deliveries wanting although the journey did not: the notice is sent again whole.
NOTICE_RESENT = "notice_resent"
PHONE_MISMATCH = "phone_mismatch"
# Refusals about the evidence itself: nothing the person can fix by answering again.
EVIDENCE_REFUSALS = frozenset({
    "clock_skew", "evidence_invalid", "evidence_mismatch", "evidence_replayed", "evidence_out_of_order",
    "before_publication", "channel_unknown",
})


def is_proxy(slots: Dict[str, Any]) -> bool:
    return slots.get("acting_as") == "proxy"


def signer_id(slots: Dict[str, Any]) -> Optional[str]:
    """Whose identity is verified and who signs: the agent in a proxy journey, else the applicant (an
    enterprise's 统一社会信用代码 reaches its registered legal representative's phone)."""
    return slots.get("agent_id") if is_proxy(slots) else slots.get("applicant_id")


def enterprise_in_person(slots: Dict[str, Any]) -> bool:
    """An enterprise acting for itself commits through its legal representative, who is named."""
    return slots.get("acting_as") == "self" and applicant_kind(slots) == "enterprise"


def statement_for(item: Item, slots: Dict[str, Any]) -> str:
    """The commitment text shown and signed: an enterprise acting for itself speaks through its legal
    representative, who is named in it."""
    return affirmation.statement(
        item.name, slots.get("acting_as") or "self", slots.get("applicant_name") or "", slots.get("agent_name"),
        representative=slots.get("representative_name"), applicant_kind=applicant_kind(slots),
    )


def words_for(slots: Dict[str, Any]) -> str:
    return affirmation.required_words(slots.get("acting_as") or "self", slots.get("applicant_name") or "")


def _statement(state: State) -> Optional[str]:
    item = state.item()
    return statement_for(item, state.slots) if item and state.slots.get("applicant_name") else None


def _not_eligible(state: State, item: Item, decision: eligibility.Decision, reason: Optional[str] = None) -> None:
    say(state.dispatcher, messages.not_eligible(item, reason or decision.reason, eligibility.explain(decision, item),
                                                decision.proofs_required))
    state.end("not_eligible")


# --- item: a choice among the candidates discovery showed ---------------------------------------------------


async def read_item(state: State) -> Reading:
    cands = state.slots.get("item_candidates") or []
    code = catalogue.index.resolve_choice(state.text, cands) if cands else None
    if code is not None:
        return value_reading(code)
    return clarify("not_a_choice", "序号或事项名称")


async def item_not_chosen(state: State, reading: Reading) -> None:
    """Not one of the candidates: a new description shows new candidates (no error), else ask again."""
    found = [c for c, _ in catalogue.index.search(state.text, k=5)] if state.text else []
    if found:
        state.set("item_candidates", found)
        say(state.dispatcher, messages.item_candidates([catalogue.get(c) for c in found]))
        state.reask("item")
    else:
        state.reask("item", "not_a_choice", reading.expected)


async def item_chosen(state: State) -> None:
    item = state.item()
    say(state.dispatcher, messages.item_detail(item))
    decision = eligibility.decide(item)
    if not decision.eligible:  # R2: an excluded high-risk item
        _not_eligible(state, item, decision)


# --- the applicant's choices (R3, R5) ----------------------------------------------------------------------


async def use_commitment_set(state: State) -> None:
    if state.slots.get("use_commitment") == "no":  # R3: the free choice; the normal procedure's proofs
        item = state.item()
        _not_eligible(state, item, eligibility.decide(item, use_commitment=False), "declined")


async def acting_as_set(state: State) -> None:
    item = state.item()
    decision = eligibility.decide(item, use_commitment=True, acting_as=state.slots.get("acting_as"))
    if not decision.eligible:  # R5: proxy only where the item allows it
        _not_eligible(state, item, decision)


# --- identities ------------------------------------------------------------------------------------------


applicant_name_set = offer_found_id("applicant_id")  # "我叫张伟，身份证410105199001011233": the number too


def check_applicant_id(value: str, state: State) -> Optional[str]:
    item = state.item()
    kind = ids.id_type(value)
    if item is not None and item.kind == "license":
        # R8: a licence is granted to a market entity, identified by its 统一社会信用代码.
        return "uscc_required" if kind == "resident_id" else ids.check_uscc(value)
    if kind == "uscc":
        return ids.check_uscc(value)
    error = ids.check_resident_id(value)
    # The agent is asked first now: the principal named after them cannot be the agent again.
    if error is None and is_proxy(state.slots) and ids.clean_id(value) == state.slots.get("agent_id"):
        return "agent_is_applicant"
    return error


def ask_applicant_name(state: State, error: Optional[str]) -> messages.Message:
    key = "applicant_name_proxy" if is_proxy(state.slots) else "applicant_name"
    return messages.ask("applicant_name", error=error, error_text=state.error_text(error),
                        text=messages.ASK_TEXT[key])


async def applicant_id_set(state: State) -> None:
    """Acting for oneself, the applicant proves who they are before anything about the ID is looked up."""
    if not is_proxy(state.slots):
        await identity.begin(state, state.slots["applicant_id"])
        if state.slots.get(identity.IDENTITY_SLOT) == identity.VERIFIED:
            # Already verified in this conversation (the same ID again, a staff attestation, a single sign-on):
            # the identity step is not asked, so what follows it happens here.
            await identity_verified(state)


async def agent_id_set(state: State) -> None:
    await identity.begin(state, state.slots["agent_id"])


async def identity_verified(state: State) -> None:
    """Verified: acting for oneself, the credit standing may now be looked up (R4); a proxy's principal is
    looked up once their authorisation is checked."""
    if not is_proxy(state.slots) or state.slots.get("authorization_no"):
        await check_credit(state)


def ask_applicant_id(state: State, error: Optional[str]) -> messages.Message:
    item = state.item()
    key = "applicant_id_license" if item and item.kind == "license" else (
        "applicant_id_proxy" if is_proxy(state.slots) else "applicant_id")
    return messages.ask("applicant_id", error=error, error_text=state.error_text(error), text=messages.ASK_TEXT[key])


def store_id(value: str, state: State) -> str:
    return ids.clean_id(value)


async def check_credit(state: State) -> None:
    """R4: the backend's integrity file decides. Unreachable: ``credit_status`` stays empty and is asked as a
    ``service_error``; the next message checks again."""
    item = state.item()
    try:
        result = await backend.check_credit(state.slots["applicant_id"], **identity_proof(state))
    except backend.BackendUnavailable:
        state.set("credit_status", None)
        return
    except backend.BackendRefused as refused:
        state.set("credit_status", None)
        if refused.code.startswith("identity_"):
            await reverify(state, refused)
        return
    status = result.get("status")
    # Operations trace; the ID is masked by the process's log record factory (bot/core/logmask.py, P5).
    logger.info("credit check %s: %s", state.slots["applicant_id"], status)
    state.set("credit_status", status)
    decision = eligibility.decide(item, use_commitment=True, acting_as=state.slots.get("acting_as"), credit=status)
    if not decision.eligible:
        _not_eligible(state, item, decision, "credit")


def identity_proof(state: State) -> Dict[str, Any]:
    """What a request about the applicant carries to show who asks: the verified person's assurance in this
    conversation and, for a proxy, the authorisation that lets them ask about the principal."""
    proof: Dict[str, Any] = {"assurance_id": identity.assurance_id(state.slots), "client": identity.conversation(state)}
    granted = state.slots.get("authorisation")
    if is_proxy(state.slots) and isinstance(granted, dict):
        proof["authorisation"] = {"number": granted.get("number"), "code": granted.get("code"),
                                  "agent_id": state.slots.get("agent_id")}
    return proof


async def reverify(state: State, refused: backend.BackendRefused) -> None:
    """The API no longer takes the conversation's identity (it expired, or the ID changed): verify again. What
    was read and answered stays; the commitment is confirmed again after it."""
    logger.info("identity to be verified again: %s", refused.code)
    for slot in identity.SLOTS:
        state.set(slot, None)
    for slot in AFFIRMATION_SLOTS:
        state.set(slot, None)
    if refused.message:
        state.dispatcher.utter_message(text=refused.message)
    signer = signer_id(state.slots)
    if signer:
        await identity.begin(state, signer)
        if state.slots.get(identity.IDENTITY_SLOT) == identity.VERIFIED:
            # Verified at once (a staff attestation or a platform login already in this conversation): the
            # look-ups that needed it run now, not on the next message.
            await identity_verified(state)


# --- the proxy's authorisation (R5) -----------------------------------------------------------------------

AUTHORISATION_NO_RE = re.compile(r"SQ\s*-?\s*(\d{8})\s*-?\s*([0-9A-Z]{6})")
AUTHORISATION_CODE_RE = re.compile(r"(?<![0-9A-Z])([2-9A-HJ-NP-Z]{8})(?![0-9A-Z])")


def authorisation_in(text: str) -> Optional[Tuple[str, str]]:
    """(number, code) from "授权编号SQ20261206-7KQ2MX，授权码4HT8CW2P" (full-width and lower case too)."""
    normal = unicodedata.normalize("NFKC", text or "").upper()
    number = AUTHORISATION_NO_RE.search(normal)
    if number is None:
        return None
    rest = normal[:number.start()] + " " + normal[number.end():]
    codes = set(AUTHORISATION_CODE_RE.findall(rest))
    if len(codes) != 1:
        return None
    return f"SQ{number.group(1)}-{number.group(2)}", codes.pop()


async def read_authorisation(state: State) -> Reading:
    found = authorisation_in(state.text)
    if found is None:
        return clarify("invalid_authorization", "以SQ开头的授权编号和8位授权码")
    number, code = found
    s = state.slots
    try:
        answer = await backend.check_authorisation({
            "number": number, "code": code, "principal_id": s.get("applicant_id"), "agent_id": s.get("agent_id"),
            "agent_assurance_id": identity.assurance_id(s), "client": identity.conversation(state),
            "item_code": s.get("item"),
        })
    except backend.BackendUnavailable:
        return clarify("authorisation_service_down")
    except backend.BackendRefused as refused:
        return Reading("clarify", detail=refused.code, extra={"message": refused.message})
    state.set("authorisation", {"number": number, "code": code, "kind": answer.get("kind"),
                                "valid_until": answer.get("valid_until")})
    return value_reading(number)


async def authorisation_refused(state: State, reading: Reading) -> None:
    if reading.detail.startswith("identity_"):
        await reverify(state, backend.BackendRefused(401, reading.detail, reading.extra.get("message", "")))
        return
    message = reading.extra.get("message")
    if message:
        state.dispatcher.utter_message(text=message)
    if reading.detail == "authorisation_service_down":
        state.say(messages.service_error("backend_unavailable", "授权核验服务"))
    state.reask("authorization_no", None if message else reading.detail, reading.expected,
                failed=reading.detail != "authorisation_service_down")


def check_representative(value: str, state: State) -> Optional[str]:
    """The legal representative is a natural person: not the enterprise's own name again."""
    applicant = state.slots.get("applicant_name")
    if applicant and name_key(value) == name_key(applicant):
        return "representative_is_enterprise"
    return None


agent_name_set = offer_found_id("agent_id")
check_agent_id = resident_id_not("applicant_id", "agent_is_applicant")


def check_phone(value: str, state: State) -> Optional[str]:
    return ids.check_phone(value)


def store_phone(value: str, state: State) -> Optional[str]:
    return ids.canonical_phone(value)


# --- the notification (R6, R18) and the affirmation (R7) ----------------------------------------------------


async def pre_application_warning(dispatcher: CollectingDispatcher, item: Item, id_number: Optional[str],
                                  proof: Dict[str, Any]) -> None:
    """R18 / 五(八): before the notification of a high-value item, the applicant's credit standing and what a
    false commitment would do. The backend words it; if it cannot be asked, the general warning is shown."""
    if not item.high_value:
        return
    result: Dict[str, Any] = {"show": True, "text": messages.GENERIC_CREDIT_WARNING}
    if id_number:
        try:
            result = await backend.credit_warning(item.code, id_number, **proof)
        except (backend.BackendUnavailable, backend.BackendRefused) as exc:
            logger.warning("credit warning for %s unavailable: %s", item.code, type(exc).__name__)
    if result.get("show"):
        say(dispatcher, messages.credit_warning(item, result.get("text") or messages.GENERIC_CREDIT_WARNING))


async def ask_notice_ack(state: State, error: Optional[str]) -> messages.Message:
    """The whole notification once per journey and version (contract rule 1), then the question."""
    item = state.item()
    if state.slots.get("notice_version") != item.notice_version or not state.slots.get("notice_sent_at"):
        await pre_application_warning(state.dispatcher, item, state.slots.get("applicant_id"),
                                      identity_proof(state))  # R18, before R6
        state.set("notice_sent_at", send_notice(state.dispatcher, item))
        state.set("notice_version", item.notice_version)
    if error == NOTICE_UNDELIVERED:
        missing = state.undelivered()
        if missing:
            # Which parts, in words, and those parts again at once: a person cannot tell whether a message was
            # lost on the way, and a lost delivery must not leave them answering "已阅读" in a loop.
            state.dispatcher.utter_message(text=messages.notice_undelivered(missing, len(item.notice)))
            send_notice(state.dispatcher, item, only=missing)
            return messages.ask("notice_ack", error=error, text=messages.NOTICE_RESENT_ASK)
        error = None
    return messages.ask("notice_ack", error=error, error_text=state.error_text(error))


def check_notice_read(value: str, state: State) -> Optional[str]:
    """"Read" counts only for the version that was sent whole; on the hotline only once every section was
    ticked as read aloud (bot/core/assisted.py), whoever typed "已阅读"."""
    item = state.item()
    if state.slots.get("notice_version") != item.notice_version:
        return "not_a_choice"
    return hotline.read_aloud_problem(state.tracker, item, state.slots) if hotline.is_hotline(state.tracker) else None


def notice_not_yet(value: str, state: State) -> Optional[str]:
    """"Read" is not taken while a section has not reached the person on this channel, nor sooner after the last
    one arrived than anyone can read it (the API refuses both; R6). Neither is the person's fault."""
    if hotline.is_hotline(state.tracker):
        return None  # the read-aloud ticks (check_notice_read) are the delivery, and the reading
    if state.undelivered():
        return NOTICE_UNDELIVERED
    if state.read_too_soon(state.envelope() or {}):
        return READING_TOO_FAST
    return None


async def notice_read(state: State) -> None:
    """The time of the reading statement is the channel's, from its envelope: what the API checks it against."""
    envelope = state.envelope()
    state.set("notice_ack_evidence", envelope)
    state.set("notice_ack_at", envelope["at"])


def ask_affirmation(state: State, error: Optional[str]) -> messages.Message:
    item = state.item()
    words = words_for(state.slots)
    if error:
        return messages.ask("affirmation", error=error, error_text=state.error_text(error),
                            text=f"请输入“{words}”完成承诺。")
    return messages.affirmation_request(item, statement_for(item, state.slots), words)


def check_affirmation(value: Any, state: State) -> Optional[str]:
    """On the hotline the caller's words count only with every section read aloud and the staff member's
    attestation (bot/core/assisted.py)."""
    if not hotline.is_hotline(state.tracker):
        return None
    problem, _ = hotline.affirmation_evidence(state.tracker, state.item(), state.slots)
    return problem


def store_affirmation(value: Any, state: State) -> str:
    return state.envelope()["text"]  # the exact words as the channel received and signed them are the evidence (P2)


def act_of(state: State) -> Dict[str, Any]:
    """The act the confirming code names: this item and this statement (its hash), as the API will check."""
    item = state.item()
    return identity.act_for(item.name, item.code, statement_for(item, state.slots))


async def affirmed(state: State) -> None:
    """The words are the affirmation; the code sent now confirms it is the verified person's will to sign this
    very statement (意愿认证). On the hotline the staff attestation and the read-aloud ticks stand for it."""
    envelope = state.envelope()
    state.set("affirmation_evidence", envelope)
    state.set("affirmation_at", envelope["at"])
    if channel_evidence(state) is None:
        no_evidence(state)  # nothing could prove this commitment: no code is sent to confirm it
        return
    if hotline.is_hotline(state.tracker):
        _, evidence = hotline.affirmation_evidence(state.tracker, state.item(), state.slots)
        state.set("assisted_evidence", evidence)
        state.set(identity.ACT_SLOT, "hotline")
        await submit(state)
        return
    await identity.request_act_code(state, signer_id(state.slots), act_of(state))


REJECTION_REASONS = {"negated": "negated", "question": "question"}
IMPLICIT_DETAILS = frozenset({"implicit", "bare_yes", "agreement"})


async def not_affirmed(state: State, reading: Reading) -> None:
    """R7: anything but an explicit affirmation of this very notification is refused, saying why."""
    words = words_for(state.slots)
    reason = reading.extra.get("reason") or REJECTION_REASONS.get(reading.kind) or (
        "implicit" if reading.detail in IMPLICIT_DETAILS else "unclear")
    explanation = reading.extra.get("explanation") or messages.AFFIRMATION_REJECTED_TEXT[reason]
    say(state.dispatcher, messages.affirmation_rejected(reason, explanation, words))
    if reading.kind == "question" and state.intent_is(FAQ_INTENTS, FAQ_CONFIDENCE):
        answer_faq(state, state.intent)
    state.reask("affirmation", reason)


# --- the submission (R7-R9, P2-P4) ---------------------------------------------------------------------------


def channel_evidence(state: State) -> Optional[Dict[str, Any]]:
    """The envelopes the API checks (bot/core/evidence.py): the reading statement, the affirmation and one
    delivery per notice section (none on the hotline, where the API has the read-aloud ticks). None when any is
    missing: then there is nothing that could prove the commitment, and nothing is sent."""
    s = state.slots
    ack, said = s.get("notice_ack_evidence"), s.get("affirmation_evidence")
    if not isinstance(ack, dict) or not isinstance(said, dict):
        return None
    if state.undelivered():
        return None
    deliveries = [] if hotline.is_hotline(state.tracker) else [env for _, env in sorted(state.deliveries().items())]
    return {"notice_ack": ack, "affirmation": said, "deliveries": deliveries}


async def submit(state: State) -> None:
    """Hand the commitment to the backend. Idempotent per journey and notice version."""
    item = state.item()
    s = state.slots
    tracker = state.tracker
    proxy = is_proxy(s)
    signed = channel_evidence(state)
    if signed is None:
        no_evidence(state)
        return
    key_source = f"{tracker.sender_id}|{s.get('journey_id')}|{item.code}|{s.get('notice_version')}"
    payload: Dict[str, Any] = {
        "idempotency_key": hashlib.sha256(key_source.encode("utf-8")).hexdigest(),
        "item_code": item.code,
        "notice_version": s.get("notice_version"),
        "channel": tracker.get_latest_input_channel() or "rest",
        "sender_id": tracker.sender_id,
        "applicant": {"name": s.get("applicant_name"), "id_number": s.get("applicant_id")},
        "phone": s.get("phone"),
        "proxy": {
            "name": s.get("agent_name"),
            "id_number": s.get("agent_id"),
            "authorization_no": s.get("authorization_no"),
            "special_authorization": True,
            "authorisation": {"number": (s.get("authorisation") or {}).get("number"),
                              "code": (s.get("authorisation") or {}).get("code")},
        }
        if proxy
        else None,
        # Who signs, as the API's own records know it: the assurance of this conversation and the code that
        # confirmed this statement (none on the hotline, where the staff attested the caller).
        "identity": {
            "assurance_id": identity.assurance_id(s),
            "act_confirmation_id": (s.get(identity.CONFIRMATION_SLOT) or {}).get("confirmation_id"),
        },
        "evidence": {
            "affirmation_text": s.get("affirmation"),
            "affirmation_at": s.get("affirmation_at"),
            "statement": statement_for(item, s),
            "notice_sections_sent_at": list(s.get("notice_sent_at") or []),
            "notice_ack_at": s.get("notice_ack_at"),
            "channel_evidence": signed,
        },
    }
    confirmed = s.get(identity.CONFIRMATION_SLOT) or {}
    if confirmed.get("code"):
        # The act code as typed back, redeemed by the API with the commitment (identity.act_step).
        payload["identity"] = {"assurance_id": identity.assurance_id(s), "act_code": confirmed["code"]}
    if s.get("representative_name") and enterprise_in_person(s):
        # The natural person who commits for the enterprise (left out when there is none: older APIs
        # refuse fields they do not know).
        payload["representative"] = {"name": s["representative_name"], "role": "legal_representative"}
    if s.get("assisted_evidence"):  # hotline: staff, call and read-aloud ticks, signed with the record
        payload["evidence"]["assisted"] = s["assisted_evidence"]
    try:
        receipt = await backend.submit_commitment(payload)
    except backend.BackendUnavailable:
        state.set("receipt", None)  # asked again as a service_error; nothing lost
        return
    except backend.BackendRefused as refused:
        await _refused(state, item, refused)
        return
    state.set("receipt", receipt["commitment_no"])
    state.set("last_receipt",
              {"commitment_no": receipt["commitment_no"], "status": receipt.get("status"), "item_code": item.code})
    say(state.dispatcher, messages.commitment_receipt(item, receipt, proxy))


def _clear(state: State, *slots: str) -> None:
    for slot in slots:
        state.set(slot, None)


async def _refused(state: State, item: Item, refused: backend.BackendRefused) -> None:
    logger.warning("backend refused commitment: %s", refused.code)
    code = refused.code
    if code == "credit_blocked":
        _not_eligible(state, item, eligibility.decide(item, use_commitment=True, credit="blocked"), "credit")
    elif code in ("unknown_notice_version", NOTICE_UNDELIVERED):
        # The catalogue changed while the user was reading, or the API holds no proof that every section of this
        # version reached the person: the current version is sent again whole and read again (R6, P2).
        if code == "unknown_notice_version":
            state.dispatcher.utter_message(text=messages.NOTICE_UPDATED_TEXT)
        _clear(state, *READING_SLOTS, *AFFIRMATION_SLOTS, *identity.ACT_SLOTS, "notice_sent_at", "notice_version",
               DELIVERIES_SLOT)
        if code == NOTICE_UNDELIVERED:
            state.reask("notice_ack", NOTICE_RESENT, failed=False)
    elif code == READING_TOO_FAST:
        # Read again, then say so again; the affirmation comes after that, never before.
        _clear(state, *READING_SLOTS, *AFFIRMATION_SLOTS, *identity.ACT_SLOTS)
        state.reask("notice_ack", READING_TOO_FAST, failed=False)
    elif code == PHONE_MISMATCH:
        # The reading stands; the phone is asked again, and the commitment after it (contract rule 2: the
        # receipt follows the person's own affirmation, not a phone number).
        _clear(state, *AFFIRMATION_SLOTS, *identity.ACT_SLOTS)
        state.reask("phone", PHONE_MISMATCH)
    elif await identity.code_refused_by_commitment(state, signer_id, act_of, refused):
        pass  # the act code typed back was wrong, spent or stale: asked for again in the API's words
    elif code.startswith("identity_"):
        await reverify(state, refused)
    elif code.startswith("act_confirmation_"):
        # The confirming code is stale or was for something else: a new one, naming this statement.
        if refused.message:
            state.dispatcher.utter_message(text=refused.message)
        await identity.request_act_code(state, signer_id(state.slots), act_of(state))
    elif code.startswith("authorisation_"):
        _clear(state, "authorization_no", "authorisation", "credit_status", *AFFIRMATION_SLOTS, *identity.ACT_SLOTS)
        if refused.message:
            state.dispatcher.utter_message(text=refused.message)
    elif code in EVIDENCE_REFUSALS:
        # The record could not be proven: nothing was stored. The code is for the operators' log only.
        # A person is offered in words (forms.no_evidence says why it is not queued here).
        logger.error("commitment not recorded: the API refused the channel evidence (%s)", code)
        state.dispatcher.utter_message(text=messages.EVIDENCE_REFUSED_TEXT)
        state.end("refused")
    else:
        state.dispatcher.utter_message(text=messages.commitment_refused(refused.message or refused.code))
        state.end("refused")


async def activate(state: State) -> None:
    """Right after discovery: no candidates ends the form at once (the user may rephrase)."""
    if not state.slots.get("item_candidates") and not state.slots.get("item"):
        state.end("not_found")


JOURNEY = FormSpec(
    name=FORM, service="承诺书提交服务", outcome_slot="journey_outcome", activate=activate,
    statement=_statement,
    collects_deliveries=True,
    steps=(
        Step("item", read=read_item, on_other=item_not_chosen, on_set=item_chosen),
        Step("use_commitment", interpret="use_commitment", on_set=use_commitment_set),
        Step("acting_as", interpret="acting_as", on_set=acting_as_set),
        # A proxy first says who they are and proves it; then whom they act for.
        Step("agent_name", interpret="agent_name", on_set=agent_name_set, when=is_proxy),
        Step("agent_id", interpret="agent_id", check=check_agent_id, store=store_id, on_set=agent_id_set,
             when=is_proxy),
        Step("applicant_name", interpret="applicant_name", on_set=applicant_name_set, ask=ask_applicant_name),
        Step("applicant_id", interpret="applicant_id", check=check_applicant_id, store=store_id,
             ask=ask_applicant_id, on_set=applicant_id_set),
        identity.identity_step(signer_id, on_verified=identity_verified),
        Step("representative_name", interpret="representative_name", check=check_representative,
             when=enterprise_in_person),
        Step("authorization_no", read=read_authorisation, on_other=authorisation_refused, on_set=check_credit,
             when=is_proxy),
        Step("credit_status", retry=check_credit, ask=retry_ask("诚信档案核验服务")),
        Step("phone", interpret="phone", check=check_phone, store=store_phone),
        Step("notice_ack", interpret="notice_ack", check=check_notice_read, ask=ask_notice_ack, on_set=notice_read,
             signed=True, wait=notice_not_yet),
        Step("affirmation", interpret="affirmation", check=check_affirmation, store=store_affirmation,
             ask=ask_affirmation, on_set=affirmed, on_negated=not_affirmed, on_other=not_affirmed,
             cancel_text=messages.CANCEL_TEXT["affirmation"], signed=True),
        identity.act_step(signer_id, act=act_of, on_confirmed=submit),
        Step("receipt", retry=submit, ask=retry_ask("承诺书提交服务"), cancel_text=messages.CANCEL_TEXT["receipt"]),
    ),
)


ValidateCommitmentForm = validation_action(JOURNEY)


# --- outside the form ---------------------------------------------------------------------------------------


class DiscoverItem(Action):
    """The journey's first step: rank catalogue items from free text."""

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
            await handoff.after_fallback(dispatcher, tracker)  # the second in a row goes to a person
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
            say(dispatcher, messages.already_committed(last["commitment_no"], last.get("status")))
        else:
            text = answers.clean((tracker.latest_message or {}).get("text") or "")
            say(dispatcher, messages.no_journey_open(text))
            await handoff.after_fallback(dispatcher, tracker)  # the second in a row goes to a person
        return []


class Handoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        await handoff.announce(dispatcher, tracker, "user_request")
        return []


class DefaultFallback(Action):
    """Rasa's core fallback, in plain words, pointing to what the assistant can do."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        dispatcher.utter_message(text=messages.FALLBACK_TEXT)
        await handoff.after_fallback(dispatcher, tracker)  # the second in a row goes to a person
        return [UserUtteranceReverted()]
