"""Who is acting (实名) and that they mean this act now (意愿): the identity steps every form shares.

A commitment, a withdrawal, one's own credit records: none of it may rest on a name and an ID number anyone can
type. Before any of it, the person proves they hold the real-name (实名) mobile number the city's shared data
holds for that ID: the API sends a one-time code there and this step takes it back. What the API returns, an
assurance id, is all the action server keeps; every later request carries it and the API checks it against its
own records (api/identity/gate.py), so nothing here is trusted for what it says about a person.

- ``identity_step``: the login code for an ID (the applicant's own, or the agent's in a proxy journey). On the
  hotline the staff member attests the caller's identity in the console instead; a browser that signed in
  through the city's identity platform already has an assurance in this conversation, and no code is sent.
- ``act_step``: the fresh code that confirms the commitment itself. Its SMS names the item, so a code read out
  by someone tricked into it says what it would sign; a login code never signs.

Until a person is verified the chat reveals nothing about the ID: no credit standing, no records, not even
whether a phone is registered beyond what the SMS answer must say.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from typing import Any, Awaitable, Callable, Dict, Optional

from actions import backend, hotline, messages
from actions.forms import State, Step
from bot.core import ids
from bot.core.conversation import key as conversation_key
from bot.core.reading import Reading, clarify
from bot.core.reading import value as value_reading

logger = logging.getLogger(__name__)

IDENTITY_SLOT = "identity_code"
ASSURANCE_SLOT = "identity_assurance"
SENT_SLOT = "identity_code_sent"
ACT_SLOT = "act_code"
ACT_SENT_SLOT = "act_code_sent"
CONFIRMATION_SLOT = "act_confirmation"
SLOTS = (IDENTITY_SLOT, ASSURANCE_SLOT, SENT_SLOT, ACT_SLOT, ACT_SENT_SLOT, CONFIRMATION_SLOT)
ACT_SLOTS = (ACT_SLOT, ACT_SENT_SLOT, CONFIRMATION_SLOT)

VERIFIED = "verified"
CODE_DIGITS = 6
# Six digits standing alone; people type them with spaces or dashes between groups ("123 456", "123-456").
_CODE_RE = re.compile(r"(?<![0-9])([0-9](?:[\s\-]?[0-9]){5})(?![0-9])")
_RESEND_RE = re.compile(r"(重新|再)(发|发送|获取|来)|没(有)?收到|收不到|重发|没短信|没有短信")
_HOTLINE_DONE_RE = re.compile(r"核验|已核|验证|完成|好了|可以了|确认")

# Refusals of a code typed back: the person can do something about it (type it again, ask for a new one).
RETRY_CODES = frozenset({"code_incorrect"})
RESEND_CODES = frozenset({"code_expired", "code_used", "code_locked", "code_not_requested", "code_purpose_mismatch",
                          "code_act_mismatch"})
# Refusals of sending a code that end the attempt in this channel: the person is told where else to go.
UNREACHABLE = frozenset({"no_registered_phone"})

Subject = Callable[[Dict[str, Any]], Optional[str]]
Hook = Callable[[State], Awaitable[None]]


def conversation(state: State) -> str:
    """The conversation an assurance vouches in: this channel and this sender (bot/core/conversation.py)."""
    return conversation_key(state.channel, state.tracker.sender_id)


def code_in(text: str) -> Optional[str]:
    """The 6-digit code in an answer ("验证码是 123 456"), full-width digits too; None when there is none or
    more than one candidate (a phone number is not a code)."""
    normal = unicodedata.normalize("NFKC", text or "")
    found = [re.sub(r"[\s\-]", "", m) for m in _CODE_RE.findall(normal)]
    found = [f for f in found if len(f) == CODE_DIGITS]
    return found[0] if len(set(found)) == 1 else None


def wants_resend(text: str) -> bool:
    return bool(_RESEND_RE.search(unicodedata.normalize("NFKC", text or "")))


def masked_assurance(answer: Dict[str, Any], id_number: str) -> Dict[str, Any]:
    """What the conversation keeps of an assurance: its id (what the API checks), the method and masked facts."""
    return {
        "assurance_id": answer.get("assurance_id"),
        "method": answer.get("method"),
        "masked_phone": answer.get("masked_phone"),
        "id": ids.mask_id(id_number),
        "subject": hashlib.sha256(ids.clean_id(id_number).encode("utf-8")).hexdigest()[:16],
    }


def verified_for(slots: Dict[str, Any], id_number: Optional[str]) -> bool:
    """Whether the conversation holds an assurance for this very ID (a corrected ID needs a new one)."""
    held = slots.get(ASSURANCE_SLOT)
    if not isinstance(held, dict) or not id_number or not held.get("assurance_id"):
        return False
    return held.get("subject") == hashlib.sha256(ids.clean_id(id_number).encode("utf-8")).hexdigest()[:16]


def assurance_id(slots: Dict[str, Any]) -> Optional[str]:
    held = slots.get(ASSURANCE_SLOT)
    return held.get("assurance_id") if isinstance(held, dict) else None


# --- sending ----------------------------------------------------------------------------------------------


def _note(state: State, text: str) -> None:
    """A sentence the next question starts with (the API's own words about a code)."""
    setattr(state, "identity_note", text)


async def send_code(state: State, id_number: str, act: Optional[Dict[str, Any]] = None) -> bool:
    """Ask the API to send a code; True when one is on its way. The reason it is not, in the API's words."""
    sent_slot = ACT_SENT_SLOT if act else SENT_SLOT
    try:
        sent = await backend.request_code(id_number, conversation(state), act)
    except backend.BackendUnavailable:
        state.set(sent_slot, None)
        _note(state, messages.CODE_SERVICE_DOWN_TEXT)
        return False
    except backend.BackendRefused as refused:
        logger.info("%s: code not sent: %s", state.spec.name, refused.code)
        if refused.code in UNREACHABLE:
            state.dispatcher.utter_message(text=refused.message or messages.NO_REGISTERED_PHONE_TEXT)
            state.end("identity_unavailable")
            return False
        _note(state, refused.message or messages.CODE_NOT_SENT_TEXT)
        return False
    state.set(sent_slot, {"to": sent.get("sent_to"), "expires_in": sent.get("expires_in")})
    return True


async def begin(state: State, id_number: str) -> None:
    """The ID whose holder must be verified is known: use an assurance this conversation already has (a staff
    attestation on the hotline, a single sign-on in the browser), else send a code to its registered phone."""
    if verified_for(state.slots, id_number):
        state.set(IDENTITY_SLOT, VERIFIED)
        return
    for slot in (IDENTITY_SLOT, ASSURANCE_SLOT, SENT_SLOT):
        state.set(slot, None)
    try:
        held = await backend.current_assurance(id_number, conversation(state))
    except (backend.BackendUnavailable, backend.BackendRefused):
        held = None
    if held:
        state.set(ASSURANCE_SLOT, masked_assurance(held, id_number))
        state.set(IDENTITY_SLOT, VERIFIED)
        return
    if hotline.is_hotline(state.tracker):
        return  # the staff member attests in the console; the step asks them to
    await send_code(state, id_number)


async def _answer(state: State, call: Awaitable[Any]) -> Any:
    """The API's answer to ``call``, or the Reading that asks again (its refusal in its own words)."""
    try:
        return await call
    except backend.BackendUnavailable:
        _note(state, messages.CODE_SERVICE_DOWN_TEXT)
        return clarify("service_down")
    except backend.BackendRefused as refused:
        _note(state, refused.message or messages.CODE_REFUSED_TEXT)
        return clarify(refused.code)


async def _checked(state: State, id_number: str, code: str) -> Any:
    """The API's answer to a login code typed back, or the Reading that asks again. (An act code is not checked
    here: it goes with the commitment, see ``act_step``.)"""
    return await _answer(state, backend.verify_code(id_number, code, conversation(state)))


# --- the login step -----------------------------------------------------------------------------------------


def identity_step(subject: Subject, on_verified: Optional[Hook] = None,
                  when: Optional[Callable[[Dict[str, Any]], bool]] = None) -> Step:
    """The step that takes the login code for ``subject(slots)`` (the ID number whose holder acts)."""

    async def read(state: State) -> Reading:
        id_number = subject(state.slots)
        if not id_number:
            return clarify("identity_unknown")
        if hotline.is_hotline(state.tracker):
            held = None
            try:
                held = await backend.current_assurance(id_number, conversation(state))
            except (backend.BackendUnavailable, backend.BackendRefused):
                _note(state, messages.CODE_SERVICE_DOWN_TEXT)
            if held:
                return value_reading(masked_assurance(held, id_number))
            return clarify("attestation_missing")
        if wants_resend(state.text):
            return clarify("resent" if await send_code(state, id_number) else "not_resent")
        code = code_in(state.text)
        if code is None:
            # "已完成" after signing in at the identity platform in this conversation (the widget's button).
            try:
                held = await backend.current_assurance(id_number, conversation(state))
            except (backend.BackendUnavailable, backend.BackendRefused):
                held = None
            if held:
                return value_reading(masked_assurance(held, id_number))
            return clarify("invalid_code", "短信里的6位数字验证码")
        if not state.slots.get(SENT_SLOT):
            # No code is known to be on its way (the send failed): send one now instead of checking a guess.
            return clarify("resent" if await send_code(state, id_number) else "not_resent")
        answer = await _checked(state, id_number, code)
        if isinstance(answer, Reading):
            return answer
        return value_reading(masked_assurance(answer.get("assurance") or {}, id_number))

    async def other(state: State, reading: Reading) -> None:
        # A new code on its way, or a service that cannot be reached, is not the person's failed answer.
        failed = reading.detail in RETRY_CODES or reading.detail in ("invalid_code", "attestation_missing")
        state.reask(IDENTITY_SLOT, reading.detail, reading.expected, failed=failed)
        if reading.detail in RESEND_CODES:
            id_number = subject(state.slots)
            if id_number and await send_code(state, id_number):
                _note(state, f"{getattr(state, 'identity_note', '')}已为您重新发送验证码。")

    async def stored(state: State) -> None:
        state.set(ASSURANCE_SLOT, state.reading.value if state.reading else None)
        if on_verified is not None:
            await on_verified(state)

    def ask(state: State, error: Optional[str]) -> messages.Message:
        note = getattr(state, "identity_note", "")
        if hotline.is_hotline(state.tracker):
            return messages.ask(IDENTITY_SLOT, error=error, error_text=note,
                                text=messages.HOTLINE_ATTESTATION_ASK)
        sent = state.slots.get(SENT_SLOT) or {}
        return messages.identity_code_ask(sent.get("to"), error, note)

    return Step(IDENTITY_SLOT, read=read, on_other=other, on_set=stored, ask=ask, when=when,
                store=lambda value, state: VERIFIED)


# --- the act (意愿认证) -----------------------------------------------------------------------------------


def act_for(item_name: str, item_code: str, statement: str) -> Dict[str, Any]:
    """The act an act code confirms: the item by name and code, the statement by its SHA-256 (the API
    computes the same from the statement it is sent, and refuses a confirmation of anything else)."""
    return {"item_name": item_name, "item_code": item_code,
            "statement_sha256": hashlib.sha256(statement.encode("utf-8")).hexdigest()}


async def act_code_refused(state: State, signer: Subject, act: Callable[[State], Dict[str, Any]], detail: str,
                           expected: str = "") -> None:
    """The act code asked for again after its refusal (``detail``): a wrong one counts as a failed answer, a spent
    or stale one brings a new code."""
    failed = detail in RETRY_CODES or detail in ("invalid_code", "signing_pending")
    state.set(CONFIRMATION_SLOT, None)
    state.reask(ACT_SLOT, detail, expected, failed=failed)
    if detail in RESEND_CODES:
        id_number = signer(state.slots)
        if id_number and await send_code(state, id_number, act(state)):
            _note(state, f"{getattr(state, 'identity_note', '')}已为您重新发送确认验证码。")


async def code_refused_by_commitment(state: State, signer: Subject, act: Callable[[State], Dict[str, Any]],
                                     refused: "backend.BackendRefused") -> bool:
    """The commitment carried the act code typed back and the API refused the code (``code_*``): asked for
    again in the API's words, as if it had been checked in a call of its own. False for any other refusal."""
    if not refused.code.startswith("code_"):
        return False
    _note(state, refused.message or messages.CODE_REFUSED_TEXT)
    await act_code_refused(state, signer, act, refused.code)
    return True


def act_step(signer: Subject, act: Callable[[State], Dict[str, Any]], on_confirmed: Hook,
             when: Optional[Callable[[Dict[str, Any]], bool]] = None) -> Step:
    """The step that takes the code confirming ``act(state)`` for ``signer(slots)``; then ``on_confirmed``.

    A code typed back is not checked here: ``on_confirmed`` sends it with the commitment (``act_code``), and the
    API redeems it in that request with the same rules as its verify endpoint, one round trip fewer on the turn
    that signs. Its refusal comes back through ``code_refused_by_commitment``. A confirmation from the identity
    platform (a signing login) is an id, checked the same way."""

    async def read(state: State) -> Reading:
        id_number = signer(state.slots)
        if not id_number:
            return clarify("identity_unknown")
        sent = state.slots.get(ACT_SENT_SLOT) or {}
        if wants_resend(state.text) or (sent.get("signing_url") and _SMS_RE.search(state.text or "")):
            # "重新发送", or a person signed in through the platform asking for the SMS instead.
            return clarify("resent" if await send_code(state, id_number, act(state)) else "not_resent")
        if sent.get("signing_url") and code_in(state.text) is None:
            return await _platform_confirmation(state, id_number, act(state))
        code = code_in(state.text)
        if code is None:
            return clarify("invalid_code", "确认短信里的6位数字验证码")
        if not state.slots.get(ACT_SENT_SLOT):
            return clarify("resent" if await send_code(state, id_number, act(state)) else "not_resent")
        return value_reading({"code": code})

    async def other(state: State, reading: Reading) -> None:
        await act_code_refused(state, signer, act, reading.detail, reading.expected)

    async def stored(state: State) -> None:
        state.set(CONFIRMATION_SLOT, state.reading.value if state.reading else None)
        await on_confirmed(state)

    def ask(state: State, error: Optional[str]) -> messages.Message:
        sent = state.slots.get(ACT_SENT_SLOT) or {}
        item = state.item()
        if sent.get("signing_url"):
            return messages.act_signing_ask(item.name if item else "", sent["signing_url"], error,
                                            getattr(state, "identity_note", ""))
        return messages.act_code_ask(item.name if item else "", sent.get("to"), error,
                                     getattr(state, "identity_note", ""))

    return Step(ACT_SLOT, read=read, on_other=other, on_set=stored, ask=ask, when=when,
                store=lambda value, state: VERIFIED, cancel_text=messages.CANCEL_TEXT["affirmation"])


_SMS_RE = re.compile(r"短信|验证码")


async def _platform_confirmation(state: State, id_number: str, act: Dict[str, Any]) -> Reading:
    """"已完成" after the signing login at the identity platform: the confirmation it left, if it did."""
    confirmation = await _answer(state, backend.oidc_act_confirmation(id_number, conversation(state), act))
    if isinstance(confirmation, Reading):
        return confirmation
    if not confirmation:
        return clarify("signing_pending")
    assurance = confirmation.get("assurance") or {}
    if not assurance.get("assurance_id"):
        return clarify("service_down")
    return value_reading({"confirmation_id": assurance["assurance_id"], "confirmed_at": confirmation.get("confirmed_at"),
                          "method": "oidc"})


async def request_act_code(state: State, id_number: str, act: Dict[str, Any]) -> None:
    """Ask for the act's confirmation: by a new login at the identity platform when the person came in through
    it (their browser is there), else by an SMS code naming the act."""
    for slot in ACT_SLOTS:
        state.set(slot, None)
    held = state.slots.get(ASSURANCE_SLOT) or {}
    if held.get("method") == "oidc":
        try:
            link = await backend.oidc_signing_link(id_number, conversation(state), act)
        except (backend.BackendUnavailable, backend.BackendRefused) as exc:
            logger.info("%s: no platform signing (%s); SMS instead", state.spec.name, type(exc).__name__)
        else:
            state.set(ACT_SENT_SLOT, {"signing_url": link.get("url"), "expires_in": link.get("expires_in")})
            return
    await send_code(state, id_number, act)
