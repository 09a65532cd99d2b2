"""The act code sent with the commitment (``identity.act_code``) instead of confirmed in a call of its own: the same
redemption as ``POST /service/identity/codes/verify``, in the commitment's own checks, and every check of the act
confirmation after it."""
from __future__ import annotations

from typing import Any, Dict

from tests.api.helpers import (
    CODES,
    _as_if_codes_were_long_ago,
    CODES_VERIFY,
    body_act,
    commitment_body,
    count_commitments,
    registered_phone,
    service_token,
    signer_of,
    sms_outbox,
)
from bot.core.conversation import key as conversation_key

COMMITMENTS = "/api/v1/commitments"


def _send_act_code(client, body: Dict[str, Any], act: Dict[str, Any] = None) -> str:
    """Ask for the act code of ``body``'s statement (or of ``act``) in its conversation; the code the phone got."""
    signer = signer_of(body)
    conversation = conversation_key(body["channel"], body["sender_id"])
    _as_if_codes_were_long_ago(client)  # commitment_body confirmed an act code a moment ago
    sent = client.post(CODES, json={"purpose": "act", "act": act or body_act(client, body), "id_number": signer,
                                    "client": conversation}, headers=service_token(client))
    assert sent.status_code == 200, sent.text
    phone = registered_phone(client, signer)
    return [m for m in sms_outbox(client) if m["to"] == phone][-1]["code"]


def _with_code(client, body: Dict[str, Any], code: str = None) -> Dict[str, Any]:
    code = code or _send_act_code(client, body)
    body["identity"] = {"assurance_id": body["identity"]["assurance_id"], "act_code": code}
    return body


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_act_code_signs_with_the_commitment_and_is_used_up(client, settings):
    body = _with_code(client, commitment_body(client))
    stored = client.post(COMMITMENTS, json=body, headers=service_token(client))
    assert stored.status_code == 201, stored.text
    number = stored.json()["commitment_no"]
    record = client.get(f"/api/v1/commitments/{number}", headers=service_token(client))
    if record.status_code == 200:  # the record names the act confirmation the code made
        assert "act_code" not in record.text
    # The code was redeemed: typed again anywhere, it is refused as used.
    again = client.post(CODES_VERIFY, json={"purpose": "act", "act": body_act(client, body),
                                            "id_number": signer_of(body), "code": body["identity"]["act_code"]},
                        headers=service_token(client))
    assert again.status_code == 422 and again.json()["error"] == "code_used"


def test_a_retry_of_the_same_request_gets_the_same_receipt(client):
    body = _with_code(client, commitment_body(client))
    first = client.post(COMMITMENTS, json=body, headers=service_token(client))
    assert first.status_code == 201, first.text
    retry = client.post(COMMITMENTS, json=body, headers=service_token(client))
    assert retry.status_code == 200 and retry.json()["commitment_no"] == first.json()["commitment_no"]


def test_a_wrong_code_is_refused_counted_and_stores_nothing_then_the_right_one_signs(client, settings):
    body = commitment_body(client)
    code = _send_act_code(client, body)
    before = count_commitments(settings)
    refused = client.post(COMMITMENTS, json=_with_code(client, body, _wrong(code)), headers=service_token(client))
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == "code_incorrect"
    assert "还可以再试" in refused.json()["message"]  # the wrong try was kept with the refusal
    assert count_commitments(settings) == before
    signed = client.post(COMMITMENTS, json=_with_code(client, body, code), headers=service_token(client))
    assert signed.status_code == 201, signed.text


def test_a_code_sent_for_another_statement_does_not_sign_this_one(client):
    body = commitment_body(client)
    other = {**body_act(client, body), "statement_sha256": "0" * 64}
    code = _send_act_code(client, body, act=other)
    refused = client.post(COMMITMENTS, json=_with_code(client, body, code), headers=service_token(client))
    assert refused.status_code == 422
    assert refused.json()["error"] == "code_act_mismatch"


def test_a_request_refused_before_its_act_is_checked_leaves_the_code_unused(client):
    body = commitment_body(client)
    code = _send_act_code(client, body)
    bad = _with_code(client, dict(body, phone="1390000"), code)  # no phone number at all: refused first
    refused = client.post(COMMITMENTS, json=bad, headers=service_token(client))
    assert refused.status_code == 422 and refused.json()["error"] != "code_used", refused.text
    signed = client.post(COMMITMENTS, json=_with_code(client, body, code), headers=service_token(client))
    assert signed.status_code == 201, signed.text


def test_a_code_and_a_confirmation_together_are_refused(client):
    body = commitment_body(client)
    body["identity"]["act_code"] = "123456"
    refused = client.post(COMMITMENTS, json=body, headers=service_token(client))
    assert refused.status_code == 422


def test_without_a_code_or_a_confirmation_the_act_is_still_required(client):
    body = commitment_body(client)
    body["identity"] = {"assurance_id": body["identity"]["assurance_id"]}
    refused = client.post(COMMITMENTS, json=body, headers=service_token(client))
    assert refused.status_code == 422 and refused.json()["error"] == "act_confirmation_required"


def test_guessing_the_act_code_through_the_commitment_locks_it_as_the_verify_endpoint_does(client, settings):
    body = commitment_body(client)
    code = _send_act_code(client, body)
    answers = []
    for _ in range(settings.otp_max_wrong_tries):
        refused = client.post(COMMITMENTS, json=_with_code(client, body, _wrong(code)), headers=service_token(client))
        answers.append(refused.json()["error"])
    assert answers[-1] == "code_locked" and set(answers[:-1]) == {"code_incorrect"}, answers
    # Locked: the right code no longer signs either, and nothing was stored.
    late = client.post(COMMITMENTS, json=_with_code(client, body, code), headers=service_token(client))
    assert late.status_code == 422 and late.json()["error"] == "code_locked"
