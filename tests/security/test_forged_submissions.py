"""Forged commitment requests sent straight to the API with the action server's service token.

Whoever holds the service token (the action server, or anyone who broke into it) can send any request body. The
API must recompute the channels' MACs and check the story the evidence tells (api/commitments/evidence.py), so
each forgery here is refused with HTTP 422 and its code, and the chain of signed commitments does not grow.

Each attack runs with envelopes the attacker can make (unsigned, or signed with a key of their own) and, where
that is what the check is about, with envelopes signed by the stack's real channel key: with a stolen key the
MACs are right, and the API's checks of times, channel, phone and replay must still refuse.

Who signs is checked before any of that (api/identity/gate.py): a request without the signer's login assurance
and signing code (意愿认证) made in its conversation is refused as ``identity_required`` whatever its evidence.
So that each test reaches the check it is about, the signer here really proves who they are: the codes go to
the applicant's registered phone and are read from the SMS outbox (the attacker of these tests holds the
phone too). What the identity layer refuses on its own is tested in tests/security/test_proxy_attacks.py and
tests/api/test_identity.py.
"""
from __future__ import annotations

import copy
import hashlib
import uuid
from datetime import datetime, timedelta, timezone
from typing import Optional

import httpx
import pytest

from bot.core.conversation import key as conversation_key
from bot.core import evidence
from bot.core.affirmation import statement
from bot.core.catalogue import load_catalogue
from tests.e2e import outbox
from tests.e2e.conftest import Chat
from tests.e2e.grants import service_post, verified_assurance
from tests.e2e.test_journey import PHONES, ZHAO_QIANG, affirm, read_notice, to_notice
from tests.security import forge
from tests.security.conftest import bearer, new_account
from tests.security.forge import Timeline, chain_length, commitment_request, error_code, submit

pytestmark = pytest.mark.e2e

ITEM = "ZM001"
STRANGER_PHONE = "13311112222"  # nobody's registered number, certainly not the demo applicant's
CHINA = timezone(timedelta(hours=8))

# What an attacker without the channel key can send: unsigned envelopes (a random MAC) or self-signed ones.
FORGED_KEYS = ("unsigned", "attacker")


def forged_key(which: str) -> Optional[bytes]:
    return None if which == "unsigned" else forge.attacker_key()


def with_identity(stack, body, who=forge.ZHANG_WEI) -> dict:
    """The signer's login assurance and the signing code for exactly this statement, both made in the request's
    conversation (its ``sender_id``) after the affirmation it claims, as the journey makes them."""
    # The conversation as the action server names it: channel and sender (bot/core/conversation.py).
    client, phone = conversation_key(body["channel"], body["sender_id"]), PHONES[who[1]]
    item_name = load_catalogue()[body["item_code"]].name
    act = {"item_name": item_name, "item_code": body["item_code"],
           "statement_sha256": hashlib.sha256(body["evidence"]["statement"].encode("utf-8")).hexdigest()}
    assurance = verified_assurance(stack, who[1], phone, client)
    sent = service_post(stack, "/api/v1/service/identity/codes",
                        {"purpose": "act", "id_number": who[1], "act": act, "client": client})
    assert sent.status_code == 200, sent.text
    code = outbox.newest_code(outbox.outbox_path(stack), phone)
    confirmed = service_post(stack, "/api/v1/service/identity/codes/verify",
                             {"purpose": "act", "id_number": who[1], "act": act, "code": code, "client": client})
    assert confirmed.status_code == 200, confirmed.text
    body["identity"] = {"assurance_id": assurance,
                        "act_confirmation_id": confirmed.json()["act_confirmation"]["assurance"]["assurance_id"]}
    return body


def refused(stack, body, *codes: str) -> str:
    """Submit ``body`` (its signer verified, unless a test set ``identity`` itself): it must be refused with one
    of ``codes``, and no commitment may be signed."""
    if "identity" not in body:
        with_identity(stack, body)
    before = chain_length(stack)
    response = submit(stack, body)
    assert response.status_code == 422, (response.status_code, response.text)
    code = error_code(response)
    assert code in codes, (code, response.text)
    assert "commitment_no" not in response.text
    assert chain_length(stack) == before
    return code


# --- the four forgeries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("which", FORGED_KEYS)
def test_affirmation_dated_2019_without_the_channel_key(stack, catalogue, which):
    timeline = Timeline.plausible(end=datetime(2019, 1, 1, 10, 0, tzinfo=CHINA))
    body = commitment_request(forged_key(which), catalogue[ITEM], timeline=timeline)
    refused(stack, body, "evidence_invalid", "clock_skew", "before_publication")


def test_affirmation_dated_2019_with_the_channel_key(stack, catalogue):
    timeline = Timeline.plausible(end=datetime(2019, 1, 1, 10, 0, tzinfo=CHINA))
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM], timeline=timeline)
    refused(stack, body, "clock_skew", "before_publication")


@pytest.mark.parametrize("which", FORGED_KEYS)
def test_counter_desk_channel_and_a_sender_who_never_chatted(stack, catalogue, which):
    body = commitment_request(forged_key(which), catalogue[ITEM], channel="counter-desk", sender="never-chatted")
    refused(stack, body, "evidence_invalid", "channel_unknown")


def test_counter_desk_channel_with_the_channel_key(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM], channel="counter-desk",
                              sender="never-chatted")
    refused(stack, body, "channel_unknown")


@pytest.mark.parametrize("which", FORGED_KEYS)
def test_sections_reading_and_affirmation_in_the_same_millisecond(stack, catalogue, which):
    body = commitment_request(forged_key(which), catalogue[ITEM], timeline=Timeline.same_instant())
    refused(stack, body, "evidence_invalid", "reading_too_fast")


def test_same_millisecond_with_the_channel_key(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM], timeline=Timeline.same_instant())
    refused(stack, body, "reading_too_fast")


@pytest.mark.parametrize("which", FORGED_KEYS)
def test_demo_applicant_with_a_strangers_phone(stack, catalogue, which):
    body = commitment_request(forged_key(which), catalogue[ITEM], phone=STRANGER_PHONE)
    refused(stack, body, "evidence_invalid", "phone_mismatch")


def test_strangers_phone_with_the_channel_key(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM], phone=STRANGER_PHONE)
    refused(stack, body, "phone_mismatch")


# --- the evidence must tell one story ------------------------------------------------------------------------


def test_envelopes_of_another_sender(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM])
    body["sender_id"] = f"someone-else-{uuid.uuid4().hex[:8]}"
    refused(stack, body, "evidence_mismatch")


def test_affirmation_text_changed_after_signing(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM])
    body["evidence"]["channel_evidence"]["affirmation"]["text"] = "本人承诺以上内容属实"
    body["evidence"]["affirmation_text"] = "本人承诺以上内容属实"
    refused(stack, body, "evidence_invalid")


def test_affirmation_time_differs_from_its_envelope(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM])
    signed = datetime.fromisoformat(body["evidence"]["affirmation_at"])
    body["evidence"]["affirmation_at"] = forge.iso(signed - timedelta(seconds=1))  # still after "已阅读"
    refused(stack, body, "evidence_mismatch")


def test_a_section_never_delivered(stack, catalogue):
    body = commitment_request(forge.channel_key(stack), catalogue[ITEM])
    deliveries = body["evidence"]["channel_evidence"]["deliveries"]
    body["evidence"]["channel_evidence"]["deliveries"] = [d for d in deliveries if d["section"] != 5]
    refused(stack, body, "notice_undelivered")


def test_a_delivery_of_other_words(stack, catalogue):
    """Signed by the channel, but for a text that is not the API's own catalogue text of that section."""
    item = catalogue[ITEM]
    key = forge.channel_key(stack)
    body = commitment_request(key, item)
    first = body["evidence"]["channel_evidence"]["deliveries"][0]
    custom = {"item_code": item.code, "notice_version": item.notice_version, "index": 1, "total": len(item.notice)}
    body["evidence"]["channel_evidence"]["deliveries"][0] = evidence.sign_delivery(
        key, channel=first["channel"], sender=first["sender"], custom=custom, text="告知书（1/7）事项名称：无",
        sent_at=first["sent_at"], delivered_at=first["delivered_at"])
    refused(stack, body, "notice_undelivered")


# --- the control: a well-signed request is accepted once, and its affirmation cannot be used again -----------


def test_channel_signed_request_is_accepted_once_then_replay_is_refused(stack, catalogue):
    """Shows that the refusals above come from their checks: the same kind of request, right in every respect,
    is signed (so the channel key is the root of trust, docs/threat-model.md); its affirmation envelope sent
    again under a new idempotency key is a replay."""
    item = catalogue[ITEM]
    key = forge.channel_key(stack)
    body = with_identity(stack, commitment_request(key, item))
    before = chain_length(stack)
    response = submit(stack, body)
    assert response.status_code == 201, response.text
    assert chain_length(stack) == before + 1

    again = copy.deepcopy(body)
    again["idempotency_key"] = uuid.uuid4().hex
    del again["identity"]  # a fresh signing code: the affirmation's own replay is what must refuse
    refused(stack, again, "evidence_replayed")

    # The same affirmation in a fresh, well-signed request of another journey of the same sender.
    affirmation = body["evidence"]["channel_evidence"]["affirmation"]
    other = commitment_request(key, item, sender=body["sender_id"], affirmation_id=affirmation["message_id"])
    refused(stack, other, "evidence_replayed")


def test_envelopes_read_from_a_genuine_record_cannot_sign_another_commitment(stack, catalogue):
    """An insider copies the envelopes of a genuine commitment (an officer sees the signed record, MACs included)
    and sends them at once for another applicant: correctly signed, but that affirmation already signed one."""
    c = Chat(stack, f"sec-replay-{uuid.uuid4().hex[:8]}")
    read_notice(c, to_notice(c, "我想申请公租房", ITEM), ITEM)
    number = c.one(affirm(c, forge.AFFIRMATION), "commitment_receipt")["commitment_no"]
    officer = bearer(stack, new_account(stack, "officer"))
    response = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{number}", headers=officer, timeout=30)
    record = response.json()["signed_record"]
    signed = record["evidence"]["channel_evidence"]
    body = {
        "idempotency_key": uuid.uuid4().hex,
        "item_code": ITEM,
        "notice_version": record["item"]["notice_version"],
        "channel": record["evidence"]["channel"],
        "sender_id": record["evidence"]["sender_id"],
        "applicant": {"name": ZHAO_QIANG[0], "id_number": ZHAO_QIANG[1]},
        "phone": PHONES[ZHAO_QIANG[1]],  # his own registered number: the phone check cannot be what refuses
        "evidence": {
            "affirmation_text": signed["affirmation"]["text"],
            "affirmation_at": signed["affirmation"]["at"],
            "statement": statement(catalogue[ITEM].name, "self", ZHAO_QIANG[0], None),
            "notice_sections_sent_at": record["evidence"]["notice_sections_sent_at"],
            "notice_ack_at": signed["notice_ack"]["at"],
            "channel_evidence": signed,
        },
    }
    # 赵强 proves who he is in that conversation, so only the copied affirmation can be what refuses.
    refused(stack, with_identity(stack, body, who=ZHAO_QIANG), "evidence_replayed")
