"""The channels' signed evidence: the API checks every envelope against the request and its own catalogue, and
refuses a commitment the channels did not witness (P2). One test per refusal code, the happy paths, the letter.

Runs on SQLite and, with GZ_TEST_DATABASE_URL, on PostgreSQL (the replay column is a unique index on both).
"""
from __future__ import annotations

import copy
import hashlib
import json
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any, Dict

import pytest

from api.documents import service as documents
from api.documents.html import render_html
from bot.core import evidence as rules
from tests.api.helpers import (
    LIU_YANG,
    PHONE,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    commitment_body,
    commitment_row,
    count_commitments,
    evidence_key,
    execute_sql,
    sign_evidence,
    signed_payload,
    with_identity,
)

OPENID = "oGZ4t1kF_demo-OpenId-0123456789"


def _post(client, body: Dict[str, Any]):
    return client.post("/api/v1/commitments", json=body)


def _refused(client, settings, body: Dict[str, Any], error: str):
    response = _post(client, body)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == error, response.text
    assert response.json()["message"]  # a plain Chinese sentence for the person
    assert count_commitments(settings) == 0
    return response


def _shift(body: Dict[str, Any], delta: timedelta) -> None:
    evidence = body["evidence"]
    for name in ("affirmation_at", "notice_ack_at"):
        evidence[name] = (datetime.fromisoformat(evidence[name]) + delta).isoformat()
    evidence["notice_sections_sent_at"] = [
        (datetime.fromisoformat(t) + delta).isoformat() for t in evidence["notice_sections_sent_at"]
    ]


# --- what is accepted, and what the record keeps ---------------------------------------------------------------


def test_signed_evidence_is_accepted_and_kept_verbatim_in_the_signed_record(client, initialised):
    body = commitment_body(client)
    response = _post(client, body)
    assert response.status_code == 201, response.text
    number = response.json()["commitment_no"]
    row = commitment_row(initialised, number)
    kept = signed_payload(initialised, row)["evidence"]["channel_evidence"]
    sent = body["evidence"]["channel_evidence"]
    assert kept["affirmation"] == sent["affirmation"] and kept["notice_ack"] == sent["notice_ack"]
    assert kept["deliveries"] == sent["deliveries"] and [d["section"] for d in kept["deliveries"]] == list(range(1, 8))
    # An auditor holding the channel key can check every envelope of the record again.
    key = evidence_key(client)
    for envelope in [kept["affirmation"], kept["notice_ack"], *kept["deliveries"]]:
        rules.verify(key, envelope)
    assert row["affirmation_message_id"] == sent["affirmation"]["message_id"]
    assert client.get(response.json()["verify_url"].split("gz.example.test", 1)[1]).json()["valid"] is True


def test_the_same_request_again_returns_the_same_receipt_not_a_replay(client, initialised):
    body = commitment_body(client, key="retry-evidence")
    first = _post(client, body)
    again = _post(client, body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert count_commitments(initialised) == 1


# --- one test per refusal ----------------------------------------------------------------------------------


def test_a_request_without_channel_evidence_is_refused(client, initialised):
    body = commitment_body(client)
    del body["evidence"]["channel_evidence"]
    _refused(client, initialised, body, "evidence_invalid")


@pytest.mark.parametrize("forgery", ["other_key", "edited_text", "edited_delivery", "extra_field", "missing_field", "kind_swapped"])
def test_forged_or_altered_envelopes_are_refused(client, initialised, forgery):
    body = commitment_body(client)
    signed = body["evidence"]["channel_evidence"]
    if forgery == "other_key":  # what the action server could make: it never has the channels' key
        sign_evidence(client, body, key=secrets.token_bytes(32))
    elif forgery == "edited_text":
        signed["notice_ack"]["text"] = "已阅读并同意"
    elif forgery == "edited_delivery":
        signed["deliveries"][3]["delivered_at"] = signed["deliveries"][3]["sent_at"]
    elif forgery == "extra_field":
        signed["affirmation"]["note"] = "x"
    elif forgery == "missing_field":
        del signed["affirmation"]["at"]
    elif forgery == "kind_swapped":
        signed["affirmation"] = signed["deliveries"][0]
    _refused(client, initialised, body, "evidence_invalid")


def test_a_channel_the_platform_does_not_run_is_refused(client, initialised):
    body = sign_evidence(client, commitment_body(client, channel="fax"))
    _refused(client, initialised, body, "channel_unknown")


@pytest.mark.parametrize("change", ["sender", "affirmation_text", "affirmation_at", "notice_ack_at", "other_channel"])
def test_envelopes_telling_another_story_than_the_request_are_refused(client, initialised, change):
    body = commitment_body(client)
    evidence = body["evidence"]
    if change == "sender":  # another conversation's envelopes (the person verified in the request's own)
        body["sender_id"] = "rest-session-2"
        with_identity(client, body)
    elif change == "affirmation_text":  # the action server's words, not what the person typed
        evidence["affirmation_text"] = "我承诺"
    elif change == "affirmation_at":
        evidence["affirmation_at"] = (datetime.fromisoformat(evidence["affirmation_at"]) - timedelta(seconds=1)).isoformat()
    elif change == "notice_ack_at":
        evidence["notice_ack_at"] = (datetime.fromisoformat(evidence["notice_ack_at"]) + timedelta(seconds=1)).isoformat()
    elif change == "other_channel":  # the person verified on the channel the request names
        body["channel"] = "socketio"
        with_identity(client, body)
    _refused(client, initialised, body, "evidence_mismatch")


@pytest.mark.parametrize("gap", ["missing_section", "other_text", "other_version"])
def test_a_notice_not_wholly_delivered_is_refused(client, initialised, gap):
    body = commitment_body(client)
    signed = body["evidence"]["channel_evidence"]
    key = evidence_key(client)
    item = client.get("/api/v1/catalogue/items/ZM001").json()
    if gap == "missing_section":
        del signed["deliveries"][6]
    else:
        section = item["notice"][2]
        custom = {"item_code": "ZM001", "notice_version": body["notice_version"], "index": 3, "total": 7}
        text = rules.notice_section_text(3, 7, section["title"], section["text"])
        if gap == "other_text":  # a section that said something else than the published version
            text = text.replace("。", "，", 1) + "（删节）"
        else:
            custom["notice_version"] = "f" * 64
        signed["deliveries"][2] = rules.sign_delivery(
            key, channel="rest", sender=body["sender_id"], custom=custom, text=text,
            sent_at=signed["deliveries"][2]["sent_at"], delivered_at=signed["deliveries"][2]["delivered_at"],
        )
    _refused(client, initialised, body, "notice_undelivered")


def test_a_delivery_after_the_read_statement_is_out_of_order(client, initialised):
    # Section 7 "arrived" five minutes after the person said 已阅读: they cannot have read it.
    body = sign_evidence(client, commitment_body(client), delivered_after=timedelta(minutes=5))
    _refused(client, initialised, body, "evidence_out_of_order")


def test_an_old_affirmation_is_refused_for_clock_skew(client, initialised):
    # A captured envelope submitted much later (or a channel clock far off) is not evidence of now.
    body = commitment_body(client)
    _shift(body, -timedelta(minutes=10))
    _refused(client, initialised, sign_evidence(client, body), "clock_skew")


def test_evidence_older_than_the_notice_version_is_refused(client, initialised):
    # The notice version was published after the channel says it delivered it.
    body = commitment_body(client)
    published = datetime.now(timezone.utc) - timedelta(minutes=2)
    execute_sql(
        initialised,
        "UPDATE item_versions SET created_at = :at WHERE item_code = 'ZM001'",
        at=published.replace(tzinfo=None) if initialised.database_url.startswith("sqlite") else published,
    )
    _refused(client, initialised, body, "before_publication")


def test_reading_seven_sections_in_seconds_is_refused(client, initialised):
    body = commitment_body(client)
    evidence = body["evidence"]
    last_sent = datetime.fromisoformat(evidence["notice_sections_sent_at"][-1])
    evidence["notice_ack_at"] = (last_sent + timedelta(seconds=5)).isoformat()
    _refused(client, initialised, sign_evidence(client, body), "reading_too_fast")


def test_one_affirmation_message_signs_one_commitment(client, initialised):
    body = commitment_body(client)
    assert _post(client, body).status_code == 201
    replay = copy.deepcopy(body)
    replay["idempotency_key"] = "another-key"
    response = _post(client, replay)
    assert response.status_code == 422 and response.json()["error"] == "evidence_replayed", response.text
    assert count_commitments(initialised) == 1


def test_a_phone_other_than_the_registered_one_is_refused(client, initialised):
    _refused(client, initialised, commitment_body(client, phone="13912345678"), "phone_mismatch")


def test_phone_rules_where_a_number_is_registered_or_not(client, initialised):
    # 王芳 has no registered number in the demo data, so no code can reach her and she cannot sign in the chat.
    no_phone = client.post("/api/v1/service/identity/codes", json={"purpose": "login", "id_number": WANG_FANG[1]},
                           headers={"X-Service-Token": client.app.state.service_token})
    assert no_phone.status_code == 422 and no_phone.json()["error"] == "no_registered_phone"
    # Once the shared data holds one (the helper registers the phone she gives), she signs with that number.
    # A proxy may give their own registered number.
    assert _post(client, commitment_body(client, "ZM001", WANG_FANG, phone="13912340000")).status_code == 201
    assert _post(client, commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG, phone="13912345678")).status_code == 201
    assert _post(client, commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG, phone="13800135671")).status_code == 201
    assert _post(client, commitment_body(client, "ZM001", ZHANG_WEI, phone=PHONE)).status_code == 201


def test_registered_phones_are_sealed_at_rest(client, initialised):
    from sqlalchemy import create_engine, text

    engine = create_engine(initialised.database_url)
    with engine.connect() as connection:
        stored = json.dumps([list(r) for r in connection.execute(text("SELECT * FROM registered_phones")).all()], default=str)
    engine.dispose()
    # The four demo people and the three demo enterprises with a registered number.
    assert len(json.loads(stored)) == 7
    for number in ("13800138000", "13912345678", "13800135671", "13800132342", "13700137000", "13700130001", "13700130002"):
        assert number not in stored


# --- the letter -------------------------------------------------------------------------------------------


def _letter_html(client, number: str) -> str:
    from sqlalchemy import select

    from api.commitments.models import Commitment

    with client.app.state.sessionmaker() as session:
        row = session.scalars(select(Commitment).where(Commitment.commitment_no == number)).one()
        return render_html(documents.letter(row, "https://gz.example.test"))


def test_the_letter_separates_sent_from_delivered_and_never_shows_an_openid(client, initialised):
    body = sign_evidence(client, commitment_body(client, channel="wechat", sender_id=OPENID), delivered_after=timedelta(seconds=2))
    response = _post(client, body)
    assert response.status_code == 201, response.text
    page = _letter_html(client, response.json()["commitment_no"])
    assert OPENID not in page
    assert f"标识摘要 {hashlib.sha256(OPENID.encode()).hexdigest()[:12]}" in page
    assert "告知书第 1 部分发送" in page and "告知书第 7 部分送达" in page
    assert rules.DELIVERED_BY_TEXT["customer_service_api"] in page
    first = body["evidence"]["channel_evidence"]["deliveries"][0]
    sent = documents._china_time(first["sent_at"])
    delivered = documents._china_time(first["delivered_at"])
    assert sent != delivered and sent in page and delivered in page  # real, distinct times (China time)
    pdf = client.get(f"/api/v1/commitments/{response.json()['commitment_no']}/letter.pdf",
                     headers={"X-Service-Token": client.app.state.service_token})
    assert pdf.status_code == 200 and OPENID.encode() not in pdf.content

