"""A hotline-assisted proxy commitment through the API and the real Rasa hotline channel (R5-R7, P2, P3).

No code is sent on the hotline: the staff member verifies the caller (calls back the registered phone) and
attests it through the API for this call's conversation; the journey then goes on. The staff member's console
calls the API; the API forwards each turn to Rasa's hotline channel with a channel
token and the platform-stamped read-aloud ticks; the journey refuses the affirmation until every section was
read aloud and the attestation ticked; the signed record carries the assisted evidence. The transcript the
API returned is checked against the contract's rules like every other channel's.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List

import httpx
import pytest

from tests.e2e.contract import BotMessage, Transcript, check_contract
from tests.e2e.grants import grant, typed
from tests.e2e.staff import account, staff_headers

pytestmark = pytest.mark.e2e

ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
CALLER = "13912345678"


class Console:
    """The hotline console's calls, without the browser."""

    def __init__(self, stack, call_id: str = "CALL-E2E-0001", caller: str = CALLER):
        self.stack = stack
        self.headers = staff_headers(stack)
        self.transcript = Transcript()
        session = self.post("/hotline/sessions", {"call_id": call_id, "caller_phone": caller})
        self.sid = session["session_id"]

    @property
    def conversation(self) -> str:
        """The call's Rasa conversation (the hotline channel's sender id), where an attestation vouches."""
        return f"hotline-{self.sid}"

    def attest(self, id_number: str, how: str = "callback_registered_phone") -> Dict[str, Any]:
        """The staff member checked the caller's identity and says so, for this call's conversation only."""
        return self.post("/identity/hotline/attestations",
                         {"id_number": id_number, "how": how, "conversation": self.conversation})

    def post(self, path: str, body: Any = None) -> Any:
        response = httpx.post(f"{self.stack.config.api_url}/api/v1{path}", json=body, headers=self.headers, timeout=120)
        assert response.status_code in (200, 201), response.text
        return response.json()

    def say(self, text: str, attest: bool = False) -> List[BotMessage]:
        self.transcript.add_user(text)
        result = self.post(f"/hotline/sessions/{self.sid}/messages", {"text": text, "attest": attest})
        replies: List[Dict[str, Any]] = []
        for message in result["messages"]:
            replies.append({"text": message["text"]})
            if message["custom"] is not None:
                replies.append({"custom": message["custom"]})
        return self.transcript.add_bot_replies(replies)

    def tick(self, version: str, index: int) -> Dict[str, Any]:
        # Ticked at test speed, far sooner than a section can be spoken: each one confirmed as read whole.
        return self.post(f"/hotline/sessions/{self.sid}/read-aloud",
                         {"notice_version": version, "index": index, "confirm_fast": True})

    @staticmethod
    def last_ask(messages: List[BotMessage]) -> Dict[str, Any]:
        asks = [m.custom for m in messages if m.stage == "ask"]
        assert asks, [(m.text, m.custom) for m in messages]
        return asks[-1]


def test_hotline_assisted_proxy_commitment(stack, catalogue):  # R5 R6 R7 P2 P3
    granted = grant(stack, ZHAO_QIANG, "13800135671", LIU_YANG, ["ZM008"])
    console = Console(stack)
    msgs = console.say("来电人要帮父亲申请城乡居民养老保险待遇领取")
    candidates = [m.custom for m in msgs if m.stage == "item_candidates"][0]["items"]
    msgs = console.say(str([c["code"] for c in candidates].index("ZM008") + 1))
    assert console.last_ask(msgs)["slot"] == "use_commitment"
    for answer, next_slot in (
        ("yes", "acting_as"), ("proxy", "agent_name"), (LIU_YANG[0], "agent_id"), (LIU_YANG[1], "applicant_name"),
        (ZHAO_QIANG[0], "applicant_id"), (ZHAO_QIANG[1], "identity_code"),
    ):
        msgs = console.say(answer)
        assert console.last_ask(msgs)["slot"] == next_slot, (answer, [(m.text, m.custom) for m in msgs])
    assert "sent_to" not in console.last_ask(msgs)  # no code on the hotline: the staff member verifies
    msgs = console.say("继续")  # said before the attestation was made: asked again, saying why; nothing goes on
    assert console.last_ask(msgs)["slot"] == "identity_code", [(m.text, m.custom) for m in msgs]
    assert console.last_ask(msgs).get("error") == "attestation_missing"
    console.attest(ZHAO_QIANG[1])  # the principal is not who acts here: it vouches for nothing in this journey
    msgs = console.say("继续")
    assert console.last_ask(msgs)["slot"] == "identity_code"
    assurance = console.attest(LIU_YANG[1])  # the agent (the caller) was called back on their registered phone
    assert assurance["method"] == "hotline_attestation"
    msgs = console.say("继续")
    assert console.last_ask(msgs)["slot"] == "authorization_no"
    msgs = console.say(typed(granted))
    assert console.last_ask(msgs)["slot"] == "phone"
    msgs = console.say(CALLER)
    sections = [m.custom for m in msgs if m.stage == "notice_section"]
    assert [s["index"] for s in sections] == [1, 2, 3, 4, 5, 6, 7]
    version = sections[0]["notice_version"]

    # "Heard it all" does not pass the notification on the phone while no section was ticked as read aloud.
    msgs = console.say("yes")
    ask = console.last_ask(msgs)
    assert ask["slot"] == "notice_ack" and ask["error"] == "read_aloud_incomplete"
    for index in range(1, 7):
        console.tick(version, index)
    msgs = console.say("已阅读")
    assert console.last_ask(msgs)["error"] == "read_aloud_incomplete"  # six of seven is not the whole notice (R6)
    ticks = console.tick(version, 7)["ticks"]
    assert [t["index"] for t in ticks] == list(range(1, 8))
    msgs = console.say("yes")  # the caller has heard the notification
    request = [m.custom for m in msgs if m.stage == "affirmation_request"][0]
    words = request["required_words"]
    # Every section read, but the staff member has not attested the spoken commitment.
    msgs = console.say(words)
    assert console.last_ask(msgs)["error"] == "attestation_required"
    # An implicit answer stays an implicit answer (the same explicit-affirmation rule, R7).
    msgs = console.say("嗯嗯", attest=True)
    assert [m.custom for m in msgs if m.stage == "affirmation_rejected"]

    msgs = console.say(words, attest=True)
    receipt = [m.custom for m in msgs if m.stage == "commitment_receipt"][0]
    assert receipt["proxy"] is True and receipt["item_code"] == "ZM008" and receipt["notice_version"] == version
    proxy_items = {code: item.proxy_allowed for code, item in catalogue.items()}
    check_contract(console.transcript, stack.config.api_url, proxy_items)

    verify = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{receipt['commitment_no']}/verify",
                       params={"code": receipt["check_code"]}, timeout=30).json()
    assert verify["valid"] is True
    record = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{receipt['commitment_no']}",
                       headers=staff_headers(stack, "officer"), timeout=30).json()["signed_record"]
    evidence = record["evidence"]
    assert evidence["channel"] == "hotline" and evidence["sender_id"] == f"hotline-{console.sid}"
    assisted = evidence["assisted"]
    assert assisted["staff_id"] == account(stack)[0] and assisted["call_id"] == "CALL-E2E-0001"
    assert assisted["caller_phone"] == CALLER and assisted["attestation"] == "来电人已口头明确作出上述承诺，本人如实记录"
    assert [(t["index"], datetime.fromisoformat(t["at"])) for t in assisted["read_aloud"]] == [
        (t["index"], datetime.fromisoformat(t["at"])) for t in ticks
    ]
    sent = [datetime.fromisoformat(t) for t in evidence["notice_sections_sent_at"]]
    assert all(datetime.fromisoformat(t["at"]) >= sent[t["index"] - 1] for t in assisted["read_aloud"])

    session = httpx.get(f"{stack.config.api_url}/api/v1/hotline/sessions/{console.sid}", headers=console.headers, timeout=30).json()
    assert session["commitment_no"] == receipt["commitment_no"] and session["caller_phone_masked"] == "139****5678"
