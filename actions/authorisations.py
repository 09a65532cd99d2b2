"""The principal's own special authorisations (R5), granted, listed and revoked in the chat.

A proxy may commit for someone only with that person's special authorisation. Here the principal gives it
themselves: they prove who they are with the login code (actions/identity.py), name the agent and the items,
choose how long it lasts (at most a year), read a summary and grant it with their own explicit words
("确认授权", read on the whole answer like the legal steps: a wish, a hedge, a condition, a question or
someone else said to do it never grants). The API keeps the authorisation and shows its secret code once; the
principal gives the number and the code to the agent, who uses them in the commitment journey.

"我的授权" lists what the principal granted; "撤销授权 SQ…" revokes one after a confirmation. Both answer only
the verified principal: nothing about an ID is looked up before its holder typed the code.

Both forms share the lifecycle flows' outcome and result slots and their start and finish actions
(actions/lifecycle.py), so nothing typed here reaches a commitment journey, and nothing from one is reused.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from actions import answers, backend, handoff, identity, lifecycle, messages
from actions.catalogue import catalogue
from actions.extract import extract
from actions.forms import (FormSpec, FormValidation, State, Step, offer_found_id, resident_id_not, retry_ask, say,
                           validation_action)
from actions.interpret import EXPECT_GRANT, EXPECT_REVOKE, interpret
from bot.core import eligibility, ids
from bot.core.catalogue import Item
from bot.core.reading import Reading, clarify
from bot.core.reading import value as value_reading

logger = logging.getLogger(__name__)

GRANT_FORM = "authorisation_grant_form"
MANAGE_FORM = "authorisation_manage_form"
OUTCOME = "lifecycle_outcome"
RESULT = "lifecycle_result"

DEFAULT_MONTHS = 3
MAX_CANDIDATES = 5
CHINA = timezone(timedelta(hours=8))  # the authorisation's days are the city's days, as the API counts them

NUMBER_RE = re.compile(r"SQ\s*-?\s*(\d{8})\s*-?\s*([A-Z2-7]{6})")
# "我要授权刘洋代我办理…", "委托我儿子李明帮我领养老金": the agent named in the opening request.
_AGENT_IN_OPENING = re.compile(
    r"(?:授权|委托|让|请)(?:给)?(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:代我|代为|替我|帮我|为我|代办|代理|去办|来办|办理)"
)
_OPENING_WORDS = re.compile(r"我要|我想|想要|特别|授权|委托|代我|代为|替我|帮我|为我|代办|代理|办理|并|承诺|给")
_PICK_SPLIT = re.compile(r"[和、,，及与跟/]+|还有|以及|\s+")
_ALL = re.compile(r"^(?:都要|全部|全选|都选|都|所有|全都要|全部都要|这几个都要|都可以)(?:的|了|吧)?$")
_CN_NUMBER = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_COUNT = r"(?<![0-9一二两三四五六七八九十])([0-9]{1,3}|[一二两三四五六七八九]?十?[一二两三四五六七八九]?)"
_MONTHS = re.compile(_COUNT + r"\s*个\s*月|" + _COUNT + r"\s*月(?![0-9]|[一二三四五六七八九十]*[日号])")
_YEARS = re.compile(r"(?<![0-9一二两三四五六七八九十])(?:一|1)\s*年(?![0-9])|一整年|全年")
_MANY_YEARS = re.compile(_COUNT + r"\s*年(?![0-9])")
_HALF_YEAR = re.compile(r"半年|六个月|6个月")
_DAYS = re.compile(r"([0-9]{1,3})\s*(天|日)(?![0-9])")
_DATE = re.compile(r"(20[0-9]{2})\s*[年\-/.]\s*([0-9]{1,2})\s*[月\-/.]\s*([0-9]{1,2})\s*[日号]?")
_DEFAULT_OK = re.compile(r"^(?:好|好的|可以|行|嗯|嗯嗯|是|是的|对|ok|默认|就这样|没问题|按默认|按三个月|就三个月)(?:的|了|吧|啊)?$")


# --- small helpers ------------------------------------------------------------------------------------------


def today() -> date:
    return datetime.now(CHINA).date()


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError("no such day")


def one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def count(raw: str) -> int:
    """"3", "三", "十二", "二十四" → the number; 0 when it is none."""
    if raw.isdigit():
        return int(raw)
    if not raw or any(c not in _CN_NUMBER for c in raw):
        return 0
    if "十" not in raw:
        return _CN_NUMBER[raw] if len(raw) == 1 else 0
    tens, _, ones = raw.partition("十")
    return (_CN_NUMBER.get(tens, 0) if tens else 1) * 10 + (_CN_NUMBER.get(ones, 0) if ones else 0)


def number_in(text: str) -> Optional[str]:
    found = NUMBER_RE.search(unicodedata.normalize("NFKC", text or "").upper())
    return f"SQ{found.group(1)}-{found.group(2)}" if found else None


def proxy_allowed(item: Optional[Item]) -> bool:
    return item is not None and eligibility.decide(item, use_commitment=True, acting_as="proxy").eligible


def items_of(codes: Optional[List[str]]) -> List[Item]:
    return [i for i in (catalogue.get(c) for c in codes or []) if i is not None]


def names_of(listed: List[Dict[str, Any]]) -> Dict[str, str]:
    found = {}
    for entry in listed:
        for code in entry.get("item_codes") or []:
            item = catalogue.get(code)
            if item is not None:
                found[code] = item.name
    return found


def principal_proof(state: State) -> Dict[str, Any]:
    return {"principal_id": state.slots.get("applicant_id"), **lifecycle.proof(state)}


async def reverify(state: State, refusal: backend.BackendRefused, *undo: str) -> None:
    """The API no longer takes the conversation's identity: the code again; the decision that was to be sent
    (``undo``) is asked again after it, never carried over unseen."""
    for slot in undo:
        state.set(slot, None)
    await lifecycle.reverify(state, refusal)


def search_items(text: str) -> Tuple[List[str], List[Item]]:
    """(codes a proxy may commit for, items found that a proxy may not), best first."""
    if not text:
        return [], []
    named = extract(text)["item_codes"]
    ranked = [c for c, _ in catalogue.index.search(text, k=MAX_CANDIDATES)] if catalogue.index else []
    found = [c for c in dict.fromkeys(named + ranked) if catalogue.get(c)]
    allowed = [c for c in found if proxy_allowed(catalogue.get(c))][:MAX_CANDIDATES]
    refused = [catalogue.get(c) for c in found if not proxy_allowed(catalogue.get(c))]
    return allowed, refused


# --- granting ---------------------------------------------------------------------------------------------


# What a message that opens an authorisation flow speaks of. The model routes the opening; a message that
# speaks of none of this (keyboard mash the model happened to place here) is not taken for a wish to grant or
# revoke anything: it is answered like any message nothing was found for.
_ABOUT_AUTHORISATION = re.compile(r"授权|委托|代办|代理|代为|代我|替我|帮我办|SQ\s*-?\s*\d{8}", re.IGNORECASE)


async def misrouted(state: State) -> bool:
    if _ABOUT_AUTHORISATION.search(unicodedata.normalize("NFKC", state.text or "")):
        return False
    logger.info("%s: opening speaks of no authorisation; answered as not understood", state.spec.name)
    say(state.dispatcher, messages.item_not_found(state.text))
    await handoff.after_fallback(state.dispatcher, state.tracker)  # the second in a row goes to a person
    state.end("not_understood")
    return True


async def grant_opening(state: State) -> None:
    """"我要授权刘洋代我办理养老保险待遇领取并代为承诺": the agent's name and the items it names are kept for
    their questions; the principal is asked who they are first."""
    if await misrouted(state):
        return
    text = state.text
    found = _AGENT_IN_OPENING.search(text)
    rest = text
    if found:
        reading = interpret("agent_name", found.group("name"), state.context())
        if reading.kind == "value":
            state.set("agent_name", reading.value)
            rest = text[:found.start("name")] + " " + text[found.end("name"):]
    allowed, _ = search_items(_OPENING_WORDS.sub(" ", rest))
    if allowed:
        state.set("grant_item_candidates", allowed)


principal_name_set = offer_found_id("applicant_id")  # "我叫张伟，身份证…"


async def principal_id_set(state: State) -> None:
    await identity.begin(state, state.slots["applicant_id"])


agent_name_set = offer_found_id("agent_id")
check_agent_id = resident_id_not("applicant_id", "agent_is_principal")


def picked(text: str, candidates: List[str]) -> Optional[List[str]]:
    """The candidates chosen: one ("第二个", "公租房那个"), several ("1和3", "一、二"), or all ("都要")."""
    compact = re.sub(r"\s+", "", text)
    if _ALL.match(compact):
        return list(candidates)
    single = catalogue.index.resolve_choice(text, candidates)
    parts = [p for p in _PICK_SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        chosen = [catalogue.index.resolve_choice(p, candidates) for p in parts]
        if all(chosen):
            return list(dict.fromkeys(chosen))
    return [single] if single else None


async def read_items(state: State) -> Reading:
    candidates = state.slots.get("grant_item_candidates") or []
    chosen = picked(state.text, candidates) if candidates else None
    if chosen:
        return value_reading(chosen)
    return clarify("no_grant_items", "序号或事项名称")


async def items_not_chosen(state: State, reading: Reading) -> None:
    """Not one of the candidates: a description shows new candidates; an item no proxy may commit for is
    explained; otherwise the question again."""
    allowed, not_allowed = search_items(state.text)
    if allowed:
        state.set("grant_item_candidates", allowed)
        state.reask("grant_items")
        return
    if not_allowed:
        item = not_allowed[0]
        decision = eligibility.decide(item, use_commitment=True, acting_as="proxy")
        state.dispatcher.utter_message(text=eligibility.explain(decision, item))
        state.reask("grant_items", "item_not_for_proxy")
        return
    state.reask("grant_items", "no_grant_items" if state.slots.get("grant_item_candidates") else "no_item_found")


def ask_items(state: State, error: Optional[str]) -> messages.Message:
    items = items_of(state.slots.get("grant_item_candidates"))
    return messages.grant_items_ask(items, messages.error_text(error) if error else "", error)


def valid_until_in(text: str, start: date) -> Tuple[Optional[date], Optional[str]]:
    """The last day the authorisation may be used, from "三个月" / "半年" / "一年" / "2027年3月31日" / "90天", or the
    default on a plain yes; (None, error) when unreadable, past, or more than a year ahead."""
    normal = unicodedata.normalize("NFKC", text or "").strip().lower()
    compact = re.sub(r"[\s,，。.!！~]", "", normal)
    latest = one_year_after(start)
    day: Optional[date] = None
    dated = _DATE.search(normal)
    if dated:
        try:
            day = date(int(dated.group(1)), int(dated.group(2)), int(dated.group(3)))
        except ValueError:
            return None, "invalid_valid_until"
    elif re.search(r"20[0-9]{2}\s*[年\-/.]", normal):
        return None, "invalid_valid_until"  # a year and a month without the day: the day is asked, not guessed
    elif _HALF_YEAR.search(compact):
        day = add_months(start, 6)
    elif _YEARS.search(compact) or re.search(r"十二个?月|12个?月", compact):
        day = latest
    elif _MANY_YEARS.search(compact) and count(next(g for g in _MANY_YEARS.search(compact).groups() if g)) > 1:
        return None, "valid_until_too_long"
    elif _MONTHS.search(compact):
        found = _MONTHS.search(compact)
        months = count(next((g for g in found.groups() if g), ""))
        if months <= 0:
            return None, "invalid_valid_until"
        if months > 12:
            return None, "valid_until_too_long"
        day = add_months(start, months)
    elif _DAYS.search(compact):
        day = start + timedelta(days=int(_DAYS.search(compact).group(1)))
    elif _DEFAULT_OK.match(compact):
        day = add_months(start, DEFAULT_MONTHS)
    if day is None:
        return None, "invalid_valid_until"
    if day <= start:
        return None, "valid_until_past"
    if day > latest:
        return None, "valid_until_too_long"
    return day, None


async def read_valid_until(state: State) -> Reading:
    if answers.is_cancel(state.text):
        return Reading("cancel")
    day, error = valid_until_in(state.text, today())
    if error:
        return clarify(error)
    return value_reading(day.isoformat())


async def valid_until_unclear(state: State, reading: Reading) -> None:
    state.reask("grant_valid_until", reading.detail or "invalid_valid_until")


def ask_confirmation(state: State, error: Optional[str]) -> messages.Message:
    s = state.slots
    return messages.grant_summary_ask(
        s.get("applicant_name") or "", s.get("agent_name") or "", ids.mask_id(s.get("agent_id") or ""),
        items_of(s.get("grant_items")), s.get("grant_valid_until") or "",
        messages.confirmation_text(error, EXPECT_GRANT), error)


async def not_granted(state: State, reading: Reading) -> None:
    state.dispatcher.utter_message(text=messages.NOT_GRANTED_TEXT)
    state.end("not_granted")


def _confirmation_unclear(slot: str) -> Callable[[State, Reading], Awaitable[None]]:
    """Anything but the confirming words is never a yes: a question is answered, and the summary is shown again."""

    async def unclear(state: State, reading: Reading) -> None:
        if reading.kind == "question":
            FormValidation.answer_question(state, reading)
            state.reask(slot)
            return
        state.reask(slot, reading.detail or "unclear", reading.expected)

    return unclear


confirmation_unclear = _confirmation_unclear("grant_confirmation")


async def grant_call(state: State) -> None:
    s = state.slots
    payload = {
        **principal_proof(state),
        "principal_name": s.get("applicant_name"),
        "agent_name": s.get("agent_name"),
        "agent_id": s.get("agent_id"),
        "item_codes": list(s.get("grant_items") or []),
        "valid_until": s.get("grant_valid_until"),
    }
    try:
        result = await backend.grant_authorisation(payload)
    except backend.BackendUnavailable:
        state.set(RESULT, None)  # "重试" grants with what was confirmed; nothing lost (P4)
        return
    except backend.BackendRefused as refusal:
        code = refusal.code
        if code.startswith("identity_"):
            await reverify(state, refusal, "grant_confirmation")
        elif code == "agent_is_principal":
            state.set("grant_confirmation", None)
            state.reask("agent_id", code)
        elif code in ("valid_until_past", "valid_until_too_long"):
            state.set("grant_confirmation", None)
            if refusal.message:
                state.dispatcher.utter_message(text=refusal.message)
            state.reask("grant_valid_until", code)
        elif code in ("unknown_item", "no_items", "too_many_items") or code in eligibility.REASONS:
            state.set("grant_confirmation", None)
            if refusal.message:
                state.dispatcher.utter_message(text=refusal.message)
            state.set("grant_item_candidates", None)
            state.reask("grant_items")
        else:
            lifecycle.refused(state, refusal)
        return
    say(state.dispatcher, messages.authorisation_granted(result, items_of(result.get("item_codes") or s.get("grant_items"))))
    state.set(RESULT, result.get("number") or "granted")


GRANT = FormSpec(
    name=GRANT_FORM, service="授权服务", outcome_slot=OUTCOME, activate=grant_opening,
    steps=(
        Step("applicant_name", interpret="applicant_name", on_set=principal_name_set, text="applicant_name_grant"),
        Step("applicant_id", interpret="applicant_id", check=lifecycle.check_id, store=lifecycle.store_id,
             on_set=principal_id_set, text="applicant_id_grant"),
        identity.identity_step(lifecycle.applicant_subject),
        Step("agent_name", interpret="agent_name", on_set=agent_name_set, text="agent_name_grant"),
        Step("agent_id", interpret="agent_id", check=check_agent_id, store=lifecycle.store_id, text="agent_id_grant"),
        Step("grant_items", read=read_items, on_other=items_not_chosen, ask=ask_items),
        Step("grant_valid_until", read=read_valid_until, on_other=valid_until_unclear),
        Step("grant_confirmation", interpret="grant_confirmation", ask=ask_confirmation, on_set=grant_call,
             on_negated=not_granted, on_other=confirmation_unclear),
        Step(RESULT, retry=grant_call, ask=retry_ask("授权服务")),
    ),
)


# --- listing and revoking ---------------------------------------------------------------------------------

_REVOKE_WORDS = re.compile(r"撤销|撤回|取消|作废|收回|解除")


def revoking(slots: Dict[str, Any]) -> bool:
    return slots.get("authorisation_action") == "revoke"


def listed_of(slots: Dict[str, Any]) -> List[Dict[str, Any]]:
    held = slots.get("authorisation_list")
    return list(held.get("authorisations") or []) if isinstance(held, dict) else []


def active_of(slots: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [a for a in listed_of(slots) if a.get("status") == "active"]


async def manage_opening(state: State) -> None:
    """"撤销授权 SQ20261206-7KQ2MX" / "我的授权": what is wanted, and a number or an ID already given."""
    if await misrouted(state):
        return
    wants_revoke = bool(_REVOKE_WORDS.search(state.text))
    state.set("authorisation_action", "revoke" if wants_revoke else "list")
    number = number_in(state.text)
    if number and wants_revoke:
        state.set("revoke_number", number)  # taken only once the list shows it is the principal's own
    rest = NUMBER_RE.sub(" ", unicodedata.normalize("NFKC", state.text).upper())
    reading = interpret("applicant_id", rest, state.context())
    if reading.kind == "value" and not lifecycle.check_id(reading.value, state):
        state.set("applicant_id", ids.clean_id(reading.value))
        await manage_id_set(state)


async def manage_id_set(state: State) -> None:
    await identity.begin(state, state.slots["applicant_id"])
    if lifecycle.verified(state):
        await list_call(state)


async def list_call(state: State) -> None:
    if state.slots.get(OUTCOME):
        return
    try:
        result = await backend.list_authorisations(principal_proof(state))
    except backend.BackendUnavailable:
        state.set("authorisation_list", None)
        return
    except backend.BackendRefused as refusal:
        await lifecycle.refused_or_reverify(state, refusal)
        return
    listed = [a for a in (result.get("authorisations") or []) if isinstance(a, dict) and a.get("number")]
    state.set("authorisation_list", {"authorisations": listed})
    names = names_of(listed)
    if not revoking(state.slots):
        say(state.dispatcher, messages.authorisation_list(listed, names))
        state.end("listed")
        return
    active = active_of(state.slots)
    if not active:
        if listed:
            say(state.dispatcher, messages.authorisation_list(listed, names, revoking=True))
        state.dispatcher.utter_message(text=messages.NOTHING_TO_REVOKE_TEXT)
        state.end("nothing_to_revoke")
        return
    wanted = state.slots.get("revoke_number")
    if wanted and any(a["number"] == wanted for a in active):
        return  # straight to the confirmation, which names it
    say(state.dispatcher, messages.authorisation_list(active, names, revoking=True))
    if wanted:
        state.reask("revoke_number", "unknown_authorisation")


async def read_revoke_number(state: State) -> Reading:
    active = active_of(state.slots)
    number = number_in(state.text)
    if number:
        if any(a["number"] == number for a in active):
            return value_reading(number)
        return clarify("unknown_authorisation")
    if answers.is_skip(state.text):
        return Reading("negated", detail="not_revoked")
    choice = re.fullmatch(r"(?:第)?\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*(?:个|份|项|条)?", re.sub(r"\s", "", state.text))
    if choice:
        raw = choice.group(1)
        n = int(raw) if raw.isdigit() else _CN_NUMBER.get(raw, 0)
        if 1 <= n <= len(active):
            return value_reading(active[n - 1]["number"])
    return clarify("unknown_authorisation", "以SQ开头的授权编号")


async def number_unclear(state: State, reading: Reading) -> None:
    state.reask("revoke_number", reading.detail or "unknown_authorisation", reading.expected)


async def not_revoked(state: State, reading: Reading) -> None:
    state.dispatcher.utter_message(text=messages.NOT_REVOKED_TEXT)
    state.end("not_revoked")


def revoke_entry(slots: Dict[str, Any]) -> Dict[str, Any]:
    number = slots.get("revoke_number")
    return next((a for a in active_of(slots) if a.get("number") == number), {"number": number or ""})


def ask_revoke_confirmation(state: State, error: Optional[str]) -> messages.Message:
    entry = revoke_entry(state.slots)
    return messages.revoke_confirmation_ask(entry, names_of([entry]), messages.confirmation_text(error, EXPECT_REVOKE),
                                            error)


revoke_unclear = _confirmation_unclear("revoke_confirmation")


async def revoke_call(state: State) -> None:
    s = state.slots
    try:
        result = await backend.revoke_authorisation({**principal_proof(state), "number": s.get("revoke_number")})
    except backend.BackendUnavailable:
        state.set(RESULT, None)
        return
    except backend.BackendRefused as refusal:
        if refusal.code.startswith("identity_"):
            await reverify(state, refusal, "revoke_confirmation", "authorisation_list")
        elif refusal.code in ("authorisation_not_found", "not_found"):
            state.set("revoke_confirmation", None)
            state.reask("revoke_number", "unknown_authorisation")
        else:
            lifecycle.refused(state, refusal)
        return
    say(state.dispatcher, messages.authorisation_revoked({**result, "number": result.get("number") or s.get("revoke_number")}))
    state.set(RESULT, "revoked")


MANAGE = FormSpec(
    name=MANAGE_FORM, service="授权查询服务", outcome_slot=OUTCOME, activate=manage_opening,
    steps=(
        Step("applicant_id", interpret="applicant_id", check=lifecycle.check_id, store=lifecycle.store_id,
             on_set=manage_id_set, text="applicant_id_manage"),
        identity.identity_step(lifecycle.applicant_subject, on_verified=list_call),
        Step("authorisation_list", retry=list_call, ask=retry_ask("授权查询服务")),
        Step("revoke_number", read=read_revoke_number, on_negated=not_revoked, when=revoking,
             on_other=number_unclear),
        Step("revoke_confirmation", interpret="revoke_confirmation", ask=ask_revoke_confirmation, on_set=revoke_call,
             on_negated=not_revoked, on_other=revoke_unclear, when=revoking),
        Step(RESULT, retry=revoke_call, ask=retry_ask("授权撤销服务"), when=revoking),
    ),
)


FORMS = {spec.name: spec for spec in (GRANT, MANAGE)}
ValidateAuthorisationGrantForm = validation_action(GRANT)
ValidateAuthorisationManageForm = validation_action(MANAGE)
