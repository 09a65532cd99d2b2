"""Action tests for the principal's own special authorisations in the chat (actions/authorisations.py, R5):
granting one, listing and revoking them. Each turn runs the form's validation action on a Tracker built from
the slots the earlier turns set, as Rasa would, with a recording fake of the API that, like the API, answers
about a principal only with an assurance this conversation verified for them (actions/identity.py)."""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import authorisations, backend, identity, lifecycle, messages
from actions.catalogue import catalogue
from actions.interpret import interpret
from bot.core import conversation
from bot.core.reading import Context

ZHANG_WEI_ID = "410105199001011233"
LI_NA_ID = "410102198505052342"  # the agent
SENDER = "grant-1"
CLIENT = conversation.key("rest", SENDER)  # what the API is told: this sender on this channel
CODE = "135790"
NUMBER = "SQ20261206-7KQ2MX"
OTHER_NUMBER = "SQ20261130-QWERTY"
SECRET = "4HT8CW2P"
PENSION = "ZM008"  # 城乡居民基本养老保险待遇领取
OPENING = "我要授权刘洋代我办理养老保险待遇领取并代为承诺"


class FakeApi:
    def __init__(self) -> None:
        self.calls: List[tuple] = []
        self.down = False
        self.refuse_grant: Optional[backend.BackendRefused] = None
        self.granted: List[Dict[str, Any]] = [
            {"number": NUMBER, "kind": "electronic", "agent_name": "刘*", "item_codes": [PENSION],
             "valid_from": "2026-12-06T02:00:00Z", "valid_until": "2027-03-06", "status": "active"},
            {"number": "SQ20260901-AAAAAA", "kind": "electronic", "agent_name": "王*", "item_codes": ["ZM001"],
             "valid_from": "2026-09-01T02:00:00Z", "valid_until": "2026-12-01", "status": "expired"},
        ]

    def gate(self, principal_id: Optional[str], assurance_id: Optional[str], client: Optional[str]) -> None:
        if self.down:
            raise backend.BackendUnavailable("down in this test")
        if not assurance_id or client != CLIENT:
            raise backend.BackendRefused(401, "identity_required", "请先核验身份。")
        if assurance_id != f"as-{principal_id[-6:]}":
            raise backend.BackendRefused(401, "identity_expired", "身份核验已过期，请重新核验。")

    async def request_code(self, id_number, client, act=None):
        self.calls.append(("code", id_number))
        return {"sent_to": "138****8000", "expires_in": 300}

    async def verify_code(self, id_number, code, client, act=None):
        self.calls.append(("verify", id_number, code))
        if code != CODE:
            raise backend.BackendRefused(422, "code_incorrect", "验证码不正确，请核对后重新输入。")
        return {"assurance": {"assurance_id": f"as-{id_number[-6:]}", "method": "sms_otp"}}

    async def current_assurance(self, id_number, client):
        self.calls.append(("current", id_number))
        return None

    async def grant_authorisation(self, payload):
        self.calls.append(("grant", payload))
        self.gate(payload["principal_id"], payload["assurance_id"], payload["client"])
        if self.refuse_grant:
            raise self.refuse_grant
        return {"number": NUMBER, "code": SECRET, "kind": "electronic", "valid_from": "2026-12-06T02:00:00Z",
                "valid_until": payload["valid_until"], "item_codes": payload["item_codes"], "agent_name": "刘洋"}

    async def list_authorisations(self, payload):
        self.calls.append(("list", payload))
        self.gate(payload["principal_id"], payload["assurance_id"], payload["client"])
        return {"authorisations": self.granted}

    async def revoke_authorisation(self, payload):
        self.calls.append(("revoke", payload))
        self.gate(payload["principal_id"], payload["assurance_id"], payload["client"])
        if payload["number"] not in [a["number"] for a in self.granted]:
            raise backend.BackendRefused(404, "authorisation_not_found", "没有找到您作出的这份授权，请核对授权编号。")
        return {"number": payload["number"], "status": "revoked", "revoked_at": "2026-12-06T03:00:00Z"}

    def names(self) -> List[str]:
        return [c[0] for c in self.calls]


@pytest.fixture(autouse=True)
def api(monkeypatch):
    fake = FakeApi()
    for name in ("request_code", "verify_code", "current_assurance", "grant_authorisation", "list_authorisations",
                 "revoke_authorisation"):
        monkeypatch.setattr(backend, name, getattr(fake, name))

    async def no_api():
        raise backend.BackendUnavailable("offline in unit tests")

    monkeypatch.setattr(backend, "fetch_catalogue", no_api)
    catalogue.items, catalogue.index = {}, None
    monkeypatch.setattr(authorisations, "today", lambda: date(2026, 12, 6))
    return fake


class Chat:
    """One conversation with one form: each ``say`` is a user message, the slots carry over like Rasa's."""

    def __init__(self, action, form: str, slots: Optional[Dict[str, Any]] = None):
        self.action = action
        self.form = form
        self.slots: Dict[str, Any] = {s: None for s in lifecycle.RESET_SLOTS}
        self.slots.update({"requested_slot": None, "lifecycle_attempts": 0.0})
        self.slots.update(slots or {})
        self.turn = 0
        self.messages: List[Dict[str, Any]] = []

    async def say(self, text: str, intent: str = "inform", confidence: float = 0.95) -> List[Dict[str, Any]]:
        self.turn += 1
        latest = {"text": text, "message_id": f"m{self.turn}", "intent": {"name": intent, "confidence": confidence},
                  "entities": []}
        events = [{"event": "action", "name": "action_listen"},
                  {"event": "user", "text": text, "parse_data": {"intent": latest["intent"]}, "input_channel": "rest",
                   "message_id": latest["message_id"]}]
        tracker = Tracker(SENDER, dict(self.slots), latest, events, False, None, {"name": self.form}, "action_listen")
        dispatcher = CollectingDispatcher()
        for event in await self.action.run(dispatcher, tracker, {}):
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
        self.messages = dispatcher.messages
        return dispatcher.messages

    @property
    def asked(self) -> Optional[str]:
        return self.slots.get("requested_slot")

    @property
    def text(self) -> str:
        return " ".join(m.get("text") or "" for m in self.messages)

    def stages(self) -> List[Optional[str]]:
        return [(m.get("custom") or {}).get("stage") for m in self.messages]

    def custom(self, stage: str) -> Dict[str, Any]:
        return next((m.get("custom") or {}) for m in self.messages if (m.get("custom") or {}).get("stage") == stage)


def grant_chat() -> Chat:
    return Chat(authorisations.ValidateAuthorisationGrantForm(), authorisations.GRANT_FORM)


def manage_chat() -> Chat:
    return Chat(authorisations.ValidateAuthorisationManageForm(), authorisations.MANAGE_FORM)


async def up_to_confirmation(api: FakeApi) -> Chat:
    chat = grant_chat()
    await chat.say(OPENING, intent="grant_authorisation")
    await chat.say("张伟")
    await chat.say(ZHANG_WEI_ID)
    await chat.say(CODE)
    await chat.say(LI_NA_ID)
    await chat.say("1")
    await chat.say("好的")
    assert chat.asked == "grant_confirmation"
    api.calls.clear()
    return chat


# --- granting ------------------------------------------------------------------------------------------------


async def test_granting_from_the_opening_sentence_to_the_number_and_code(api):  # R5
    chat = grant_chat()
    await chat.say(OPENING, intent="grant_authorisation")
    # The agent and the item from the opening sentence are kept; the principal is asked who they are first.
    assert chat.slots["agent_name"] == "刘洋" and PENSION in chat.slots["grant_item_candidates"]
    assert chat.asked == "applicant_name" and chat.stages() == ["ask"] and "授权人" in chat.text
    assert api.calls == []

    await chat.say("张伟")
    assert chat.asked == "applicant_id"
    await chat.say(ZHANG_WEI_ID)
    assert chat.asked == "identity_code" and api.names() == ["current", "code"]
    assert "138****8000" in chat.text and chat.custom("ask")["slot"] == "identity_code"

    await chat.say(f"验证码是{CODE}")
    # Verified; the agent's name came with the request, so their ID is asked next.
    assert chat.slots[identity.IDENTITY_SLOT] == identity.VERIFIED and chat.asked == "agent_id"
    await chat.say(ZHANG_WEI_ID)  # the principal's own ID: nobody authorises themself
    assert chat.asked == "agent_id" and chat.custom("ask")["error"] == "agent_is_principal"
    await chat.say(LI_NA_ID)
    assert chat.asked == "grant_items"
    items = chat.custom("ask")["items"]
    assert items[0]["code"] == PENSION and "城乡居民基本养老保险待遇领取" in chat.text

    await chat.say("1")
    assert chat.slots["grant_items"] == [PENSION] and chat.asked == "grant_valid_until"
    assert "三个月" in chat.text and "最长一年" in chat.text
    await chat.say("两年")
    assert chat.asked == "grant_valid_until" and chat.custom("ask")["error"] == "valid_until_too_long"
    await chat.say("好的")  # the default offered: three months
    assert chat.slots["grant_valid_until"] == "2027-03-06" and chat.asked == "grant_confirmation"
    summary = chat.custom("ask")
    assert summary["slot"] == "grant_confirmation" and summary["required_words"] == "确认授权"
    assert "刘洋" in chat.text and "代为作出告知承诺" in chat.text and "2027年3月6日" in chat.text
    assert LI_NA_ID not in chat.text and "4101**********2342" in chat.text  # P5: the agent's ID masked
    assert "grant" not in api.names()

    await chat.say("确认授权")
    (call,) = [c for c in api.calls if c[0] == "grant"]
    assert call[1] == {"principal_id": ZHANG_WEI_ID, "principal_name": "张伟", "assurance_id": "as-011233",
                       "client": CLIENT, "agent_name": "刘洋", "agent_id": LI_NA_ID, "item_codes": [PENSION],
                       "valid_until": "2027-03-06"}
    granted = chat.custom("authorisation_granted")
    assert granted["number"] == NUMBER and granted["code"] == SECRET and granted["item_codes"] == [PENSION]
    assert NUMBER in chat.text and SECRET in chat.text and "受托人" in chat.text and "撤销授权" in chat.text
    assert chat.asked is None and chat.slots["lifecycle_result"] == NUMBER


@pytest.mark.parametrize("answer", [
    "应该可以吧", "好像确认授权", "确认授权吗？", "授权以后还能撤销吗", "如果他不乱用就确认授权", "确认授权，但是只限下个月",
    "我儿子确认授权", "刘洋确认授权", "让他确认授权", "确认", "好的", "是", "我想授权", "我愿意授权", "哈哈确认授权",
    "不是不授权",
])
async def test_anything_but_the_principals_own_explicit_grant_never_grants(api, answer):  # R5
    chat = await up_to_confirmation(api)
    await chat.say(answer)
    assert "grant" not in api.names() and "authorisation_granted" not in chat.stages()
    assert chat.asked == "grant_confirmation" and not chat.slots.get("grant_confirmation")
    assert "确认授权" in chat.text  # the words that count are named again


@pytest.mark.parametrize("answer", ["不授权", "先不授权了", "我不确认", "不"])
async def test_a_clear_no_ends_without_granting(api, answer):
    chat = await up_to_confirmation(api)
    await chat.say(answer, intent="deny")
    assert "grant" not in api.names() and chat.text == messages.NOT_GRANTED_TEXT
    assert chat.slots["lifecycle_outcome"] == "not_granted" and chat.asked is None


async def test_nothing_is_asked_of_the_api_about_the_principal_before_the_code(api):  # P5
    chat = grant_chat()
    await chat.say("我要给别人授权", intent="grant_authorisation")
    await chat.say(f"我叫张伟，身份证{ZHANG_WEI_ID}")
    assert chat.asked == "identity_code" and api.names() == ["current", "code"]
    await chat.say("000000")
    assert chat.asked == "identity_code" and chat.custom("ask")["error"] == "code_incorrect"
    await chat.say("刘洋")  # no code: the question stands, nothing skipped
    assert chat.asked == "identity_code" and chat.slots.get("agent_name") is None
    assert all(c[0] in ("current", "code", "verify") for c in api.calls)


async def test_an_item_no_proxy_may_commit_for_is_explained_and_not_offered(api):  # R5
    chat = grant_chat()
    await chat.say("我要授权", intent="grant_authorisation")
    for answer in ("张伟", ZHANG_WEI_ID, CODE, "刘洋", LI_NA_ID):
        await chat.say(answer)
    assert chat.asked == "grant_items" and "items" not in chat.custom("ask")
    await chat.say("律师执业申请")
    assert chat.asked == "grant_items" and chat.custom("ask")["error"] == "item_not_for_proxy"
    assert "律师执业申请" in chat.text
    await chat.say("申请公租房")
    assert chat.asked == "grant_items" and chat.custom("ask")["items"][0]["code"] == "ZM001"
    await chat.say("1")
    assert chat.slots["grant_items"] == ["ZM001"]


async def test_an_expired_identity_at_the_grant_asks_for_the_code_and_the_confirmation_again(api):
    chat = await up_to_confirmation(api)
    chat.slots[identity.ASSURANCE_SLOT] = {**chat.slots[identity.ASSURANCE_SLOT], "assurance_id": "as-old"}
    await chat.say("确认授权")
    assert api.names() == ["grant", "current", "code"] and "authorisation_granted" not in chat.stages()
    assert "重新核验" in chat.text and chat.asked == "identity_code" and chat.slots["grant_confirmation"] is None
    await chat.say(CODE)
    assert chat.asked == "grant_confirmation"  # confirmed again, never carried over unseen
    await chat.say("确认授权")
    assert chat.custom("authorisation_granted")["number"] == NUMBER


async def test_the_api_down_keeps_the_grant_and_retry_makes_it(api):  # P4
    chat = await up_to_confirmation(api)
    api.down = True
    await chat.say("确认授权")
    assert chat.stages() == ["service_error"] and chat.asked == "lifecycle_result"
    api.down = False
    await chat.say("重试", intent="retry")
    assert chat.custom("authorisation_granted")["code"] == SECRET and chat.asked is None


@pytest.mark.parametrize("text,expected", [
    ("三个月", date(2027, 3, 6)), ("半年", date(2027, 6, 6)), ("一年", date(2027, 12, 6)), ("好的", date(2027, 3, 6)),
    ("2027年3月31日", date(2027, 3, 31)), ("到2027-01-15", date(2027, 1, 15)), ("90天", date(2027, 3, 6)),
])
def test_validity_is_read_as_people_say_it(text, expected):
    assert authorisations.valid_until_in(text, date(2026, 12, 6)) == (expected, None)


@pytest.mark.parametrize("text,error", [
    ("两年", "valid_until_too_long"), ("2028年1月1日", "valid_until_too_long"), ("十五个月", "valid_until_too_long"),
    ("2026年12月1日", "valid_until_past"), ("随便", "invalid_valid_until"),
])
def test_validity_beyond_a_year_or_in_the_past_is_refused(text, error):
    day, found = authorisations.valid_until_in(text, date(2026, 12, 6))
    assert day is None and found in (error, "valid_until_too_long", "invalid_valid_until")
    if error != "invalid_valid_until":
        assert found == error


@pytest.mark.parametrize("text,kind", [
    ("确认授权", "value"), ("好的，确认授权", "value"), ("本人确认授权刘洋代我办理", "value"), ("同意授权", "value"),
    ("确认", "clarify"), ("我想授权", "clarify"), ("可能确认授权吧", "clarify"), ("确认授权吗", "question"),
    ("要是他靠谱就授权", "clarify"), ("我老婆确认授权", "clarify"), ("不授权", "negated"), ("不是不授权", "clarify"),
])
def test_the_grant_is_decided_on_the_whole_answer(text, kind):
    assert interpret("grant_confirmation", text, Context(agent_name="刘洋")).kind == kind


# --- listing and revoking ------------------------------------------------------------------------------------


async def test_my_authorisations_are_listed_only_after_the_code(api):  # P5
    chat = manage_chat()
    await chat.say("我的授权", intent="manage_authorisation")
    assert chat.asked == "applicant_id" and api.calls == []
    await chat.say(ZHANG_WEI_ID)
    assert chat.asked == "identity_code" and api.names() == ["current", "code"] and NUMBER not in chat.text
    await chat.say(CODE)
    listed = chat.custom("authorisation_list")["authorisations"]
    assert [a["number"] for a in listed] == [NUMBER, "SQ20260901-AAAAAA"]
    assert "刘*" in chat.text and "刘洋" not in chat.text and "有效" in chat.text and "已过期" in chat.text
    assert "撤销授权" in chat.text
    assert chat.slots["lifecycle_outcome"] == "listed" and chat.asked is None
    assert [c[0] for c in api.calls if c[0] in ("revoke", "grant")] == []


async def test_revoking_a_named_authorisation_after_a_confirmation(api):
    chat = manage_chat()
    await chat.say(f"撤销授权 {NUMBER}", intent="manage_authorisation")
    assert chat.slots["authorisation_action"] == "revoke" and chat.asked == "applicant_id"
    await chat.say(ZHANG_WEI_ID)
    await chat.say(CODE)
    assert chat.asked == "revoke_confirmation" and NUMBER in chat.text and "确认撤销" in chat.text
    assert "revoke" not in api.names()
    await chat.say("确认撤销")
    (call,) = [c for c in api.calls if c[0] == "revoke"]
    assert call[1] == {"principal_id": ZHANG_WEI_ID, "assurance_id": "as-011233", "client": CLIENT, "number": NUMBER}
    assert chat.custom("authorisation_revoked")["number"] == NUMBER and chat.asked is None


@pytest.mark.parametrize("answer", ["不用了", "算了", "撤销吗？", "我想撤销", "让他撤销"])
async def test_revoking_needs_an_explicit_confirmation(api, answer):
    chat = manage_chat()
    await chat.say(f"撤销授权 {NUMBER}", intent="manage_authorisation")
    await chat.say(ZHANG_WEI_ID)
    await chat.say(CODE)
    await chat.say(answer)
    assert "revoke" not in api.names() and "authorisation_revoked" not in chat.stages()


async def test_revoking_without_a_number_lists_the_active_ones_and_takes_a_pick(api):
    chat = manage_chat()
    await chat.say("我要撤销授权", intent="manage_authorisation")
    await chat.say(ZHANG_WEI_ID)
    await chat.say(CODE)
    listed = chat.custom("authorisation_list")["authorisations"]
    assert [a["number"] for a in listed] == [NUMBER] and chat.asked == "revoke_number"  # only what can be revoked
    await chat.say(OTHER_NUMBER)
    assert chat.asked == "revoke_number" and chat.custom("ask")["error"] == "unknown_authorisation"
    await chat.say("第一个")
    assert chat.slots["revoke_number"] == NUMBER and chat.asked == "revoke_confirmation"
    await chat.say("确认撤销")
    assert chat.custom("authorisation_revoked")["number"] == NUMBER


async def test_someone_elses_number_is_not_revoked_or_described(api):  # P5
    chat = manage_chat()
    await chat.say(f"撤销授权{OTHER_NUMBER}，身份证{ZHANG_WEI_ID}", intent="manage_authorisation")
    assert chat.asked == "identity_code" and api.names() == ["current", "code"]
    await chat.say(CODE)
    assert chat.asked == "revoke_number" and chat.custom("ask")["error"] == "unknown_authorisation"
    assert OTHER_NUMBER not in chat.text and "revoke" not in api.names()


async def test_nothing_to_revoke_ends_the_flow(api):
    api.granted = [a for a in api.granted if a["status"] != "active"]
    chat = manage_chat()
    await chat.say("撤销授权", intent="manage_authorisation")
    await chat.say(ZHANG_WEI_ID)
    await chat.say(CODE)
    assert messages.NOTHING_TO_REVOKE_TEXT in chat.text and chat.slots["lifecycle_outcome"] == "nothing_to_revoke"
    assert chat.asked is None


async def test_start_and_finish_clear_the_authorisation_slots(api):
    slots = {"agent_name": "刘洋", "agent_id": LI_NA_ID, "grant_items": [PENSION], "grant_valid_until": "2027-03-06",
             "grant_confirmation": "granted", "revoke_number": NUMBER, identity.IDENTITY_SLOT: identity.VERIFIED}
    values = {s: None for s in lifecycle.RESET_SLOTS}
    values.update(slots)
    t = Tracker(SENDER, values, {"text": "我的授权"}, [], False, None, {}, "action_listen")
    for action in (lifecycle.StartLifecycle(), lifecycle.FinishLifecycle()):
        events = await action.run(CollectingDispatcher(), t, {})
        cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
        assert set(slots) <= cleared
