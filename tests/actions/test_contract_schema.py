"""Every ``custom`` the action server can emit matches docs/contract.schema.json, and the schema refuses what
breaks the contract (docs/conversation-contract.md).

Channels render by stage and field; a renamed field or a new stage that the schema does not know would break
them silently. So the payloads are built here the way the actions build them: through ``actions/messages.py``
for every item of the shipped catalogue and every reason, and by running the journey, hand-off and item-question
actions on the unit tests' fixture conversation. The end-to-end checker applies the same schema to every
transcript (tests/e2e/contract.py, rule 5).
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import backend, handoff, item_question, journey, messages
from bot.core import assisted, eligibility
from bot.core.catalogue import load_catalogue
from tests.actions.conftest import ACT_CODE, LOGIN_CODE, FakeBackend, install_backend
from tests.actions.test_journey import run, then, tracker_from
from tests.e2e.contract import SCHEMA_PATH, Transcript, check_contract, contract_schema, schema_errors

ROOT = Path(__file__).resolve().parents[2]
ITEMS = load_catalogue()
VERIFY_URL = "http://127.0.0.1:8800/api/v1/commitments/CN20261127-000001/verify"
# Emitted outside the action server: staff messages are written into the tracker by the API's hand-off queue.
NOT_FROM_ACTIONS = {"staff_message"}


def schema_stages() -> List[str]:
    return list(contract_schema()["properties"]["stage"]["enum"])


def assert_valid(custom: Dict[str, Any]) -> None:
    errors = schema_errors(custom)
    assert not errors, f"{custom}: {errors}"


def receipt(item_code: str, licensed: bool) -> Dict[str, Any]:
    item = ITEMS[item_code]
    found = {"commitment_no": "CN20261127-000001", "status": "licensed" if licensed else "accepted",
             "notice_version": item.notice_version, "covers": item.covers, "verify_url": VERIFY_URL,
             "notice_version_no": 1}
    if licensed:
        found["decision_no"] = "XK-20261127-0001"
    return found


def built_messages() -> Iterator[messages.Message]:
    """One message per stage, reason and slot, through the functions the actions call."""
    items = sorted(ITEMS.values(), key=lambda i: i.code)
    yield messages.item_candidates(items[:5])
    yield messages.item_candidates(items)  # more than five found: the payload still carries five
    yield messages.item_not_found("我想办个那个证" * 40)
    yield messages.no_journey_open("本人承诺")
    for item in items:
        yield messages.item_detail(item)
        decision = eligibility.decide(item)
        if not decision.eligible:
            yield messages.not_eligible(item, decision.reason, eligibility.explain(decision, item),
                                        decision.proofs_required)
            continue
        for reason in ("credit", "proxy_not_allowed", "declined", "withdrawn_before"):
            yield messages.not_eligible(item, reason, "不能承诺。", item.proofs_required)
        for index in range(1, len(item.notice) + 1):
            yield messages.notice_section(item, index)
        for acting_as in ("self", "proxy"):
            slots = {"acting_as": acting_as, "applicant_name": "赵强", "agent_name": "刘洋"}
            yield messages.affirmation_request(item, journey.statement_for(item, slots), journey.words_for(slots))
        yield messages.commitment_receipt(item, receipt(item.code, item.kind == "license"), proxy=item.proxy_allowed)
        yield messages.credit_warning(item, messages.GENERIC_CREDIT_WARNING)
        yield from item_question.answer(item, "not_applicable")
    for reason, text in messages.AFFIRMATION_REJECTED_TEXT.items():
        yield messages.affirmation_rejected(reason, text, "本人承诺")
    for slot in ("item", "use_commitment", "acting_as", "applicant_name", "applicant_id", "representative_name",
                 "agent_name", "agent_id", "authorization_no", "authorization_scope", "phone", "notice_ack",
                 "affirmation", "commitment_no", "withdraw_reason", "complaint_text"):
        yield messages.ask(slot)
        yield messages.ask(slot, error="not_a_choice")
    yield messages.ask("phone", error="phone_mismatch", text=messages.ASK_TEXT["phone_complaint"])
    for sent_to in ("138****8000", None):
        for error in (None, "invalid_code", "code_incorrect", "resent"):
            yield messages.identity_code_ask(sent_to, error, messages.CODE_REFUSED_TEXT if error else "")
            yield messages.act_code_ask("公共租赁住房资格申请", sent_to, error)
    yield messages.ask("identity_code", error="attestation_missing", text=messages.HOTLINE_ATTESTATION_ASK)
    yield messages.act_signing_ask("公共租赁住房资格申请", "https://id.example.gov.cn/sign?t=abc", None)
    yield messages.act_signing_ask("公共租赁住房资格申请", "https://id.example.gov.cn/sign?t=abc", "signing_pending")
    # A principal's own special authorisations (actions/authorisations.py).
    granted_items = [ITEMS["ZM001"], ITEMS["ZM002"]]
    grant = {"number": "SQ20261206-7KQ2MX", "code": "4HT8CW2P", "agent_name": "刘洋", "valid_until": "2027-03-06",
             "item_codes": ["ZM001", "ZM002"]}
    yield messages.grant_items_ask(granted_items)
    yield messages.grant_items_ask([], error="no_item_found")
    yield messages.grant_summary_ask("赵强", "刘洋", "4101**********1113", granted_items, "2027-03-06")
    yield messages.authorisation_granted(grant, granted_items)
    listed = [{**{k: v for k, v in grant.items() if k != "code"}, "agent_name": "刘*", "status": "active"}]
    names = {"ZM001": ITEMS["ZM001"].name, "ZM002": ITEMS["ZM002"].name}
    yield messages.authorisation_list(listed, names)
    yield messages.authorisation_list([], {})
    yield messages.revoke_confirmation_ask(listed[0], names)
    yield messages.authorisation_revoked({"number": "SQ20261206-7KQ2MX"})
    yield messages.already_committed("CN20261127-000001", None)
    status = {"commitment_no": "CN20261127-000001", "status": "under_verification", "item_code": "ZM001",
              "item_name": "公共租赁住房资格申请", "status_text": "核查中", "next_step": "等待核查", "due_date": "2026-12-25"}
    yield messages.commitment_status(status)
    yield messages.commitment_status({**status, "item_code": None, "due_date": None}, brief=True)
    for reason in messages.WITHDRAWAL_REFUSALS:
        yield messages.withdrawal_refused("CN20261127-000001", "licensed", reason)
    yield messages.commitment_withdrawn({"commitment_no": "CN20261127-000001", "status": "withdrawn",
                                         "proofs_required": ["家庭住房情况证明（无房证明）"]})
    yield messages.complaint_received({"ticket_no": "TS20261127-000001", "due_date": "2026-12-11"}, anonymous=True)
    records = [{"type": "虚假承诺", "severity": "严重", "occurred_on": "2025-03-01", "repaired_at": None,
                "description": "承诺不实"}]
    for status_word in messages.CREDIT_STATUS_TEXT:
        yield messages.credit_records("李娜", {"status": status_word, "records": records})
    yield messages.service_error("backend_unavailable", "承诺书提交服务")
    yield messages.service_error("internal_error", "系统处理")
    for reason in messages.HANDOFF_OPENING:
        yield messages.handoff(reason, queued=True)
        yield messages.handoff(reason, queued=False)


def domain_customs() -> List[Dict[str, Any]]:
    """The ``custom`` of every response in domain.yml (the FAQ answers)."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return [variant["custom"] for variants in domain["responses"].values() for variant in variants
            if "custom" in variant]


@pytest.fixture
def offline_backend(monkeypatch) -> FakeBackend:
    """The backend as the journey tests fake it: identity, credit from the demo identities, submission recorded."""
    return install_backend(monkeypatch)


def test_the_schema_is_valid_and_names_every_stage_of_the_document():
    schema = contract_schema()  # raises when the schema is not valid draft 2020-12
    assert schema["$schema"].endswith("/draft/2020-12/schema")
    document = (ROOT / "docs" / "conversation-contract.md").read_text(encoding="utf-8")
    for stage in schema_stages():
        assert f"`{stage}`" in document, f"stage {stage} is in {SCHEMA_PATH.name} but not documented"


def test_every_message_builder_emits_valid_payloads_for_every_stage():
    seen = set()
    for text, custom in built_messages():
        assert text.strip() and "\n\n" not in text  # the text is complete and never split by Rasa
        assert_valid(custom)
        seen.add(custom["stage"])
    for custom in domain_customs():
        assert_valid(custom)
        seen.add(custom["stage"])
    assert seen == set(schema_stages()) - NOT_FROM_ACTIONS


def test_a_staff_message_payload_is_valid():
    for kind in ("connected", "text", "returned", "dismissed"):
        assert_valid({"stage": "staff_message", "kind": kind})


UNVERIFIED = {"identity_code": None, "identity_assurance": None}

JOURNEY_TURNS = [
    # (what the user says, slots changed in the fixture, the stages the validation answers with)
    ("本人承诺", {}, ["ask"]),  # the confirming code is sent, and asked for
    ("好的", {}, ["affirmation_rejected", "ask"]),
    ("我不承诺", {}, ["affirmation_rejected", "ask"]),
    ("会坐牢吗？", {}, None),
    ("😀", {}, None),
    ("410105199001011234", {"requested_slot": "applicant_id", "applicant_id": None, "credit_status": None,
                            "phone": None, "notice_ack": None, "notice_sent_at": None, **UNVERIFIED}, ["ask"]),
    ("410102198505052342", {"requested_slot": "applicant_id", "applicant_id": None, "credit_status": None,
                            "applicant_name": "李娜", "item": "ZM002", **UNVERIFIED}, ["ask"]),
    ("验证码没收到", {"requested_slot": "identity_code", **UNVERIFIED}, ["ask"]),
    ("12345", {"requested_slot": "identity_code", **UNVERIFIED}, ["ask"]),
    ("13800138000", {"requested_slot": "phone", "phone": None, "notice_ack": None, "notice_version": None,
                     "notice_sent_at": None}, ["notice_section"] * 7 + ["ask"]),
    ("第五条再说一遍", {"requested_slot": "notice_ack", "notice_ack": None}, ["notice_section", "ask"]),
]


@pytest.mark.parametrize("text,slots,expected", JOURNEY_TURNS)
async def test_the_journey_emits_valid_payloads(offline_backend, text, slots, expected):
    version = ITEMS[slots.get("item") or "ZM001"].notice_version
    tracker = tracker_from("affirmation_requested.json", text=text, intent={"name": "inform", "confidence": 0.9},
                           slots={"notice_version": version, **slots})
    sent, _ = await run(journey.ValidateCommitmentForm(), tracker)
    customs = [m["custom"] for m in sent if m.get("custom")]
    assert customs
    if expected is not None:
        assert [c["stage"] for c in customs] == expected
    for custom in customs:
        assert_valid(custom)


@pytest.mark.parametrize("code,expected", [(LOGIN_CODE, ["not_eligible"]), ("654321", ["ask"])])
async def test_the_identity_code_turn_emits_valid_payloads(offline_backend, code, expected):
    tracker = tracker_from("affirmation_requested.json", text="410102198505052342",
                           intent={"name": "inform", "confidence": 0.9},
                           slots={"requested_slot": "applicant_id", "applicant_id": None, "credit_status": None,
                                  "applicant_name": "李娜", "item": "ZM002", **UNVERIFIED})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    sent, _ = await run(journey.ValidateCommitmentForm(), then(tracker, events, code))
    customs = [m["custom"] for m in sent if m.get("custom")]
    assert [c["stage"] for c in customs] == expected
    for custom in customs:
        assert_valid(custom)


async def test_a_submission_during_an_outage_emits_a_valid_service_error(offline_backend):
    offline_backend.down.add("submit")
    tracker = tracker_from("affirmation_requested.json", slots={"notice_version": ITEMS["ZM001"].notice_version})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    sent, _ = await run(journey.ValidateCommitmentForm(), then(tracker, events, ACT_CODE))
    customs = [m["custom"] for m in sent if m.get("custom")]
    assert [c["stage"] for c in customs] == ["service_error"]
    assert_valid(customs[0])


def handoff_tracker(channel: str) -> Tracker:
    events = [{"event": "user", "text": "转人工", "input_channel": channel, "parse_data": {}}]
    return Tracker("s1", {}, {"text": "转人工", "intent": {"name": "handoff"}}, events, False, None, {}, None)


@pytest.mark.parametrize("channel,queue_up", [("rest", True), ("rest", False), (assisted.CHANNEL, True)])
async def test_the_handoff_emits_valid_payloads(monkeypatch, channel, queue_up):
    async def queue(*_: Any, **__: Any) -> Dict[str, Any]:
        if not queue_up:
            raise backend.BackendUnavailable("queue down")
        return {}

    monkeypatch.setattr(backend, "_request", queue)
    dispatcher = CollectingDispatcher()
    await handoff.announce(dispatcher, handoff_tracker(channel), "user_request")
    customs = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert [c["stage"] for c in customs] == ["handoff"]
    assert_valid(customs[0])


def valid_receipt() -> Dict[str, Any]:
    return messages.commitment_receipt(ITEMS["ZM001"], receipt("ZM001", licensed=False), proxy=False)[1]


BROKEN = {
    "unknown stage": {"stage": "commitment_done", "commitment_no": "CN20261127-000001"},
    "no stage": {"slot": "phone"},
    "renamed field": {**{k: v for k, v in valid_receipt().items() if k != "commitment_no"},
                      "commitment_number": "CN20261127-000001"},
    "receipt without its notice version": {k: v for k, v in valid_receipt().items() if k != "notice_version"},
    "notice version that is no hash": {**valid_receipt(), "notice_version": "v1"},
    "receipt status that is no signing status": {**valid_receipt(), "status": "verified"},
    "proxy as a word": {**valid_receipt(), "proxy": "yes"},
    "unknown slot": {"stage": "ask", "slot": "favourite_colour"},
    "a choice without its options": {"stage": "ask", "slot": "acting_as"},
    "changed option values": {"stage": "ask", "slot": "notice_ack", "options": ["yes", "no"]},
    "options on a free answer": {"stage": "ask", "slot": "phone", "options": ["yes", "no"]},
    "error that is a sentence": {"stage": "ask", "slot": "phone", "error": "号码不对"},
    "unknown rejection reason": {"stage": "affirmation_rejected", "reason": "maybe"},
    "section number zero": {**messages.notice_section(ITEMS["ZM001"], 1)[1], "index": 0},
    "unknown item code": {"stage": "credit_warning", "item_code": "zm001"},
    "six candidates": {"stage": "item_candidates",
                       "items": [{"code": "ZM001", "name": "公租房", "commitment_allowed": True}] * 6},
    "refused withdrawal without a reason": {"stage": "commitment_status", "commitment_no": "CN20261127-000001",
                                            "status": "licensed", "withdrawal": "refused"},
    "unknown faq topic": {"stage": "faq", "topic": "weather"},
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_schema_refuses_what_breaks_the_contract(name):
    assert schema_errors(BROKEN[name]), f"{name} was accepted"


def test_the_e2e_checker_fails_a_transcript_with_an_invalid_payload():
    good = Transcript()
    good.add_user("我想申请公租房")
    good.add_bot_replies([{"text": t, "custom": c} for t, c in (messages.item_detail(ITEMS["ZM001"]),
                                                                messages.ask("use_commitment"))])
    check_contract(good, api_url="http://127.0.0.1:9", proxy_items={})  # no receipt: no request is made

    bad = copy.deepcopy(good)
    bad.add_bot_replies([{"text": "请问您是本人办理，还是代他人办理？", "custom": {"stage": "ask", "slot": "acting_as",
                                                                   "options": ["self", "agent"]}}])
    with pytest.raises(AssertionError, match="contract.schema.json"):
        check_contract(bad, api_url="http://127.0.0.1:9", proxy_items={})
