"""Taking commitments: the happy paths, idempotency and every server-side refusal (R2-R9, P2, P4, P5)."""
from __future__ import annotations

import copy
import hashlib
import logging
import re
import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text

from bot.core.conversation import key as conversation_key
from tests.api.helpers import (
    commitment_row,
    HAOWEI,
    INVALID_ID,
    LAOJIE,
    LI_NA,
    LIU_YANG,
    PHONE,
    SUDA,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    act_confirmation,
    applicant_login_headers,
    body_act,
    commitment_body,
    count_commitments,
    execute_sql,
    grant_authorisation,
    hotline_identity,
    login_assurance,
    signed_payload,
    sign_evidence,
    sms_outbox,
    statement_act,
    notice_version,
)


# --- happy paths ------------------------------------------------------------------------------------------


def test_proof_item_commitment_is_accepted_with_a_receipt(client, initialised):
    # R7 + contract stage commitment_receipt: status accepted, what it covers, a verification link.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 201, response.text
    receipt = response.json()
    created = datetime.fromisoformat(receipt["created_at"])
    assert created.utcoffset() == timedelta(hours=8)  # Zhengzhou's calendar numbers the receipts
    assert receipt["commitment_no"] == f"CN{created:%Y%m%d}-000001"
    assert receipt["status"] == "accepted"
    assert receipt["decision_no"] is None
    assert receipt["item_code"] == "ZM001"
    assert receipt["notice_version"] == notice_version(client, "ZM001")
    assert receipt["proxy"] is False
    assert receipt["covers"] == ["家庭住房情况证明（无房证明）"]
    assert receipt["verify_url"] == (
        f"https://gz.example.test/api/v1/commitments/{receipt['commitment_no']}/verify?code={receipt['check_code']}"
    )
    assert receipt["applicant_id_masked"] == "4101**********1233"
    assert re.fullmatch(r"[0-9a-f]{64}", receipt["record_hash"])

    # P2: the signed record holds the evidence exactly as delivered, and the full ID (the legal record).
    stored = commitment_row(initialised, receipt["commitment_no"])
    payload = signed_payload(initialised, stored)
    assert payload["applicant"] == {"name": "张伟", "id_type": "resident_id", "id_number": ZHANG_WEI[1]}
    assert payload["phone"] == PHONE
    assert payload["proxy"] is None
    assert payload["item"]["code"] == "ZM001" and payload["item"]["version"] == 1
    assert payload["evidence"]["affirmation_text"] == "本人承诺"
    assert payload["evidence"]["statement"] == body["evidence"]["statement"]
    assert payload["evidence"]["channel"] == "rest" and payload["evidence"]["sender_id"] == "rest-session-1"
    assert len(payload["evidence"]["notice_sections_sent_at"]) == 7
    assert payload["seq"] == 1 and payload["prev_hash"] == "0" * 64


def test_proxy_commitment_with_special_authorisation(client, initialised):
    # R5: 刘洋 commits for 赵强 on an item that allows proxy commitment, with 特别授权.
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["proxy"] is True
    payload = signed_payload(initialised, commitment_row(initialised, response.json()["commitment_no"]))
    authorisation = payload["proxy"].pop("authorisation")
    assert payload["proxy"] == {
        "name": "刘洋",
        "id_number": LIU_YANG[1],
        "authorization_no": "SQWT-2026-0001",
        "special_authorization": True,
    }
    # The authorisation the platform holds, by its number, kind and the hash of its signed record.
    assert authorisation["number"] == body["proxy"]["authorisation"]["number"]
    assert authorisation["kind"] == "electronic" and re.fullmatch(r"[0-9a-f]{64}", authorisation["record_sha256"])
    assert "code" not in authorisation  # the secret the principal passed on is not in the record
    # The one who signed is the agent, verified on the agent's own phone.
    assert payload["identity"]["assurance"]["masked_phone"] == "139****5678"
    assert payload["evidence"]["affirmation_text"] == "我受赵强特别授权，代为承诺"


def test_licence_item_is_decided_on_the_spot_and_covers_conditions_and_included_proofs(client):
    # R8: 当场作出行政许可决定 -> status licensed with a decision number.
    # R9: one commitment covers the licence conditions and the included proof item.
    response = client.post("/api/v1/commitments", json=commitment_body(client, "XK001", HAOWEI))
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["status"] == "licensed"
    assert re.fullmatch(r"XKJD-\d{4}-000001", receipt["decision_no"])
    assert receipt["covers"] == ["卫生设施与布局", "卫生管理制度", "从业人员健康合格", "从业人员健康合格证明"]
    assert receipt["applicant_id_masked"] == "9141**********7L3D"

    second = client.post("/api/v1/commitments", json=commitment_body(client, "XK001", LAOJIE)).json()
    assert second["decision_no"].endswith("-000002")
    assert second["commitment_no"].endswith("-000002")


def test_repaired_credit_may_commit_again(client):
    # R4: 王芳's 较重 record was repaired (信用修复), so commitment is open to her.
    response = client.post("/api/v1/commitments", json=commitment_body(client, "ZM001", WANG_FANG))
    assert response.status_code == 201, response.text


def test_receipt_numbers_follow_the_daily_sequence(client):
    numbers = [
        client.post("/api/v1/commitments", json=commitment_body(client)).json()["commitment_no"] for _ in range(3)
    ]
    assert [n[-6:] for n in numbers] == ["000001", "000002", "000003"]
    assert len({n[:11] for n in numbers}) == 1


# --- idempotency (P4) ---------------------------------------------------------------------------------------


def test_same_idempotency_key_returns_the_same_receipt_without_a_new_row(client, initialised):
    body = commitment_body(client, key="retry-1")
    first = client.post("/api/v1/commitments", json=body)
    again = client.post("/api/v1/commitments", json=body)
    assert first.status_code == 201 and again.status_code == 200
    assert again.content == first.content
    assert count_commitments(initialised) == 1


def test_retry_returns_the_receipt_even_if_credit_changed_since(client, initialised):
    # P4: a retry after the backend stored the commitment must not turn into a refusal.
    body = commitment_body(client, key="retry-after-change")
    first = client.post("/api/v1/commitments", json=body)
    engine = create_engine(initialised.database_url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM credit_records"))
        connection.execute(text("DELETE FROM integrity_files"))
    engine.dispose()
    again = client.post("/api/v1/commitments", json=body)
    assert again.status_code == 200 and again.json() == first.json()


def test_same_key_for_a_different_commitment_is_a_conflict(client, initialised):
    client.post("/api/v1/commitments", json=commitment_body(client, key="shared-key"))
    other = commitment_body(client, "ZM001", WANG_FANG, key="shared-key")
    response = client.post("/api/v1/commitments", json=other)
    assert response.status_code == 409
    assert response.json()["error"] == "idempotency_conflict"
    assert count_commitments(initialised) == 1


def test_concurrent_identical_requests_store_one_commitment(client, initialised):
    # P4: a channel that retries while the first request is still running gets the same receipt.
    body = commitment_body(client, key="concurrent-1")
    results = []
    barrier = threading.Barrier(8)

    def post():
        barrier.wait()
        results.append(client.post("/api/v1/commitments", json=body))

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [200] * 7 + [201]
    assert len({r.content for r in results}) == 1
    assert count_commitments(initialised) == 1


def test_concurrent_different_requests_get_distinct_numbers_and_a_valid_chain(client, initialised):
    # P3: appends are serialised, so no two commitments share a seq, a number or a prev_hash.
    bodies = [commitment_body(client) for _ in range(6)] + [commitment_body(client, "XK001", HAOWEI) for _ in range(2)]
    results = []
    barrier = threading.Barrier(len(bodies))

    def post(body):
        barrier.wait()
        results.append(client.post("/api/v1/commitments", json=body))

    threads = [threading.Thread(target=post, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [201] * len(bodies)
    assert len({r.json()["commitment_no"] for r in results}) == len(bodies)
    assert sorted(r.json()["decision_no"] for r in results if r.json()["decision_no"])[-1].endswith("-000002")
    chain = client.get("/api/v1/chain/verify").json()
    assert chain == {"valid": True, "length": len(bodies), "problems": []}


# --- refusals ---------------------------------------------------------------------------------------------


def _refused(client, settings, body, status, error):
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"] == error
    assert response.json()["message"]
    assert count_commitments(settings) == 0
    return response


def test_unknown_item(client, initialised):
    _refused(client, initialised, commitment_body(client, "ZM001", item_code="ZM099"), 404, "unknown_item")


def test_excluded_item_is_refused(client, initialised):
    # R2: high-risk items never allow commitment, whatever the client sends.
    response = _refused(client, initialised, commitment_body(client, "XK101", HAOWEI), 422, "excluded")
    assert "公共安全" in response.json()["message"]


def test_unknown_notice_version_is_a_conflict(client, initialised):
    # P2: the commitment must cite a notification text the platform published for that item.
    body = commitment_body(client, "ZM001", notice_version="f" * 64)
    _refused(client, initialised, body, 409, "unknown_notice_version")
    # ... and another item's notice does not count either.
    body = commitment_body(client, "ZM001", notice_version=notice_version(client, "ZM004"))
    _refused(client, initialised, body, 409, "unknown_notice_version")


def test_invalid_applicant_id_is_refused_and_not_echoed(client, initialised):
    response = _refused(
        client, initialised, commitment_body(client, "ZM001", ("张伟", INVALID_ID)), 422, "invalid_id_checksum"
    )
    assert INVALID_ID not in response.text  # P5


def test_licence_item_needs_a_uscc(client, initialised):
    _refused(client, initialised, commitment_body(client, "XK001", ZHANG_WEI), 422, "uscc_required")


def test_invalid_phone_is_refused(client, initialised):
    _refused(client, initialised, commitment_body(client, phone="1380013800"), 422, "invalid_phone")


def test_invalid_proxy_id_is_refused(client, initialised):
    _refused(
        client, initialised, commitment_body(client, "ZM001", ZHAO_QIANG, proxy=("刘洋", INVALID_ID)), 422, "invalid_id_checksum"
    )


@pytest.mark.parametrize("code, applicant", [("ZM001", LI_NA), ("XK001", SUDA)])
def test_blocked_credit_is_forbidden(client, initialised, code, applicant):
    # R4: serious bad credit / an unrepaired false commitment bars commitment until credit repair.
    _refused(client, initialised, commitment_body(client, code, applicant), 403, "credit_blocked")


def test_proxy_where_the_item_does_not_allow_it(client, initialised):
    # R5: ZM004 (律师执业申请) does not allow proxy commitment.
    _refused(client, initialised, commitment_body(client, "ZM004", ZHAO_QIANG, proxy=LIU_YANG), 422, "proxy_not_allowed")


def test_proxy_without_special_authorisation(client, initialised):
    # R5: the authorisation must specially cover making the commitment (特别授权).
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG, special_authorization=False)
    _refused(client, initialised, body, 422, "special_authorization_required")


@pytest.mark.parametrize("said", ["好的", "同意", "嗯嗯", "我不承诺", "承诺了会怎么样？", "本人承若"])
def test_affirmation_that_is_not_explicit(client, initialised, said):
    # R7: agreement is not the commitment; only an explicit affirmation is (bot.core.affirmation).
    _refused(client, initialised, commitment_body(client, affirmation_text=said), 422, "affirmation_not_explicit")


def test_self_words_from_a_proxy_are_not_explicit(client, initialised):
    # R5/R7: a proxy must commit as a proxy ("我受…特别授权，代为承诺"), not as if they were the applicant.
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG, affirmation_text="本人承诺")
    _refused(client, initialised, body, 422, "affirmation_not_explicit")


def test_statement_must_be_the_platforms_statement(client, initialised):
    # R7 / 五(四): the statement affirmed must be the full four-part statement for this item and applicant.
    body = commitment_body(client)
    body["evidence"]["statement"] = "本人张伟承诺：本人已知晓告知事项。"
    _refused(client, initialised, body, 422, "statement_mismatch")


def test_every_notice_section_must_have_been_sent(client, initialised):
    # R6 + contract rule 1: no commitment before every section of the notification was delivered.
    body = commitment_body(client)
    body["evidence"]["notice_sections_sent_at"] = body["evidence"]["notice_sections_sent_at"][:6]
    _refused(client, initialised, body, 422, "notice_incomplete")


def test_affirmation_before_the_notice_was_acknowledged(client, initialised):
    body = commitment_body(client)
    evidence = body["evidence"]
    evidence["affirmation_at"], evidence["notice_ack_at"] = evidence["notice_ack_at"], evidence["affirmation_at"]
    _refused(client, initialised, body, 422, "evidence_out_of_order")


def test_affirmation_in_the_future_is_refused(client, initialised):
    # P2: evidence times come from the channel; a time far ahead of the server's clock is not evidence.
    body = commitment_body(client)
    later = datetime.fromisoformat(body["evidence"]["affirmation_at"]) + timedelta(hours=1)
    body["evidence"]["affirmation_at"] = later.isoformat()
    _refused(client, initialised, body, 422, "evidence_out_of_order")


def test_timestamps_without_an_offset_are_refused(client, initialised):
    # P2: evidence times must be unambiguous.
    body = commitment_body(client)
    body["evidence"]["notice_ack_at"] = body["evidence"]["notice_ack_at"][:19]
    response = _refused(client, initialised, body, 422, "invalid_request")
    assert response.json()["fields"][0]["field"] == "evidence.notice_ack_at"


def test_validation_errors_never_echo_personal_data(client, initialised):
    # P5: a malformed request is refused without repeating the ID number it contained.
    body = commitment_body(client)
    body["applicant"]["unexpected"] = True
    response = _refused(client, initialised, body, 422, "invalid_request")
    assert ZHANG_WEI[1] not in response.text and PHONE not in response.text


def test_logs_mask_ids_and_phone_numbers(client, caplog):
    # P5: the log line of a stored commitment names the applicant only by a masked ID.
    with caplog.at_level(logging.DEBUG):
        client.post("/api/v1/commitments", json=commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG))
    logged = caplog.text
    assert "4101**********5671" in logged
    for secret in (ZHAO_QIANG[1], LIU_YANG[1], PHONE):
        assert secret not in logged


def test_only_the_action_server_may_store_a_commitment(client):  # R7: nobody records a commitment the journey did not take
    body = commitment_body(client, "ZM001")
    assert client.post("/api/v1/commitments", json=body, headers={}).status_code == 401
    applicant = applicant_login_headers(client, ZHANG_WEI)
    refused = client.post("/api/v1/commitments", json=body, headers=applicant)
    assert refused.status_code == 403
    forged = client.post("/api/v1/commitments", json=body, headers={"X-Service-Token": "guess"})
    assert forged.status_code == 401
    assert client.get("/api/v1/chain/verify").json()["length"] == 0


def test_credit_status_is_not_public(client):  # P5
    assert client.post("/api/v1/credit/check", json={"id_number": "410102198505052342"}, headers={}).status_code == 401


# --- enterprises: the natural person who commits ------------------------------------------------------------


def test_enterprise_commits_through_its_legal_representative_named_in_the_signed_record(client, initialised):
    body = commitment_body(client, "XK001", HAOWEI, representative="王强")
    assert body["representative"] == {"name": "王强", "role": "legal_representative"}
    statement = body["evidence"]["statement"]
    assert "王强" in statement and not statement.startswith(f"本人{HAOWEI[0]}承诺")  # a person speaks, not a name
    response = client.post("/api/v1/commitments", json=body)
    assert response.status_code == 201, response.text
    payload = signed_payload(initialised, commitment_row(initialised, response.json()["commitment_no"]))
    assert payload["representative"] == {"name": "王强", "role": "legal_representative"}
    assert payload["proxy"] is None and payload["evidence"]["statement"] == statement
    assert client.get(response.json()["verify_url"].split("gz.example.test")[1]).json()["valid"] is True


def test_a_person_or_a_proxy_record_carries_no_representative(client, initialised):
    for body in (commitment_body(client, "ZM001", ZHANG_WEI), commitment_body(client, "XK001", HAOWEI, proxy=LIU_YANG)):
        response = client.post("/api/v1/commitments", json=body)
        assert response.status_code == 201, response.text
        assert "representative" not in signed_payload(initialised, commitment_row(initialised, response.json()["commitment_no"]))


def test_enterprise_acting_for_itself_without_a_representative_is_refused(client, initialised):
    body = commitment_body(client, "XK001", HAOWEI, representative="")
    assert "representative" not in body
    _refused(client, initialised, body, 422, "representative_required")


@pytest.mark.parametrize(
    "applicant, proxy, name, error",
    [
        (ZHANG_WEI, None, "王强", "representative_not_applicable"),  # a person has no legal representative
        (HAOWEI, LIU_YANG, "王强", "representative_with_proxy"),  # one person acts: the proxy
        (HAOWEI, None, "郑州好味餐饮管理有限公司", "representative_is_applicant"),
        (HAOWEI, None, "鄭州好味餐飲管理有限公司", "representative_is_applicant"),  # the same name, traditional
    ],
)
def test_representative_that_does_not_fit_is_refused(client, initialised, applicant, proxy, name, error):
    code = "XK001" if applicant is HAOWEI else "ZM001"
    body = commitment_body(client, code, applicant, proxy=proxy)
    body["representative"] = {"name": name, "role": "legal_representative"}
    _refused(client, initialised, body, 422, error)


def test_representative_role_is_only_legal_representative(client, initialised):
    body = commitment_body(client, "XK001", HAOWEI)
    body["representative"]["role"] = "manager"
    assert client.post("/api/v1/commitments", json=body).status_code == 422
    assert count_commitments(initialised) == 0


def test_an_enterprise_statement_naming_no_person_is_refused(client, initialised):
    # "本人<企业名称>承诺" names nobody: the statement must be the representative's.
    body = commitment_body(client, "XK001", HAOWEI)
    item = client.get("/api/v1/catalogue/items/XK001").json()
    from bot.core import affirmation

    body["evidence"]["statement"] = affirmation.statement(item["name"], "self", HAOWEI[0], None)
    _refused(client, initialised, body, 422, "statement_mismatch")


def test_the_same_key_with_another_representative_is_a_conflict(client, initialised):
    body = commitment_body(client, "XK001", HAOWEI, key="rep-1")
    assert client.post("/api/v1/commitments", json=body).status_code == 201
    other = commitment_body(client, "XK001", HAOWEI, key="rep-1", representative="李明")
    other["evidence"]["affirmation_text"] = body["evidence"]["affirmation_text"]
    assert client.post("/api/v1/commitments", json=other).json()["error"] == "idempotency_conflict"


def test_receipt_names_the_notice_edition_number_as_the_letter_does(client, initialised):
    receipt = client.post("/api/v1/commitments", json=commitment_body(client)).json()
    assert receipt["notice_version_no"] == 1  # 第 1 版, as printed on the letter; notice_version is its hash
    assert re.fullmatch(r"[0-9a-f]{64}", receipt["notice_version"])


# --- who signs: the verified identity and the act confirmation ------------------------------------------------


def _post(client, body):
    return client.post("/api/v1/commitments", json=body)


def _refused_as(client, settings, body, status, error):
    response = _refused(client, settings, body, status, error)
    assert re.search(r"[\u4e00-\u9fff]", response.json()["message"])  # said in Chinese
    return response


def test_an_impostor_with_a_real_id_but_no_assurance_is_refused(client, initialised):
    # Typing someone's name and real ID number is not signing as them.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    del body["identity"]
    _refused_as(client, initialised, body, 401, "identity_required")
    body["identity"] = {"assurance_id": "0" * 32, "act_confirmation_id": "0" * 32}
    _refused_as(client, initialised, body, 401, "identity_required")


def test_an_assurance_for_another_id_is_refused(client, initialised):
    # 李娜 verified her own phone; that does not let her sign as 张伟.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["assurance_id"] = login_assurance(client, LI_NA[1])
    _refused_as(client, initialised, body, 403, "identity_mismatch")
    # ... nor does an act code she confirmed for 张伟's statement on her phone.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["act_confirmation_id"] = act_confirmation(client, LI_NA[1], body_act(client, body))
    _refused_as(client, initialised, body, 403, "identity_mismatch")


def test_an_assurance_from_another_conversation_is_refused(client, initialised):
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["assurance_id"] = login_assurance(client, ZHANG_WEI[1], conversation="someone-elses-chat")
    _refused_as(client, initialised, body, 401, "identity_required")
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["act_confirmation_id"] = act_confirmation(
        client, ZHANG_WEI[1], body_act(client, body), conversation="someone-elses-chat"
    )
    _refused_as(client, initialised, body, 401, "identity_required")


def test_an_act_code_confirmed_before_the_affirmation_is_stale(client, initialised):
    # The code must confirm the commitment the person has just made, not an earlier attempt.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    confirmed_before = body["identity"]["act_confirmation_id"]
    body["evidence"]["affirmation_at"] = (datetime.now(timezone.utc) + timedelta(seconds=20)).isoformat()
    body = sign_evidence(client, body)
    body["identity"]["act_confirmation_id"] = confirmed_before
    _refused_as(client, initialised, body, 422, "act_confirmation_stale")


def test_an_act_code_older_than_its_lifetime_is_stale(initialised):
    import time

    from api.main import create_app
    from tests.api.conftest import ActionServerClient

    app = create_app(initialised.model_copy(update={"act_confirmation_seconds": 1}))
    try:
        with ActionServerClient(app) as client:
            body = commitment_body(client, "ZM001", ZHANG_WEI)
            time.sleep(2.1)
            _refused_as(client, initialised, body, 422, "act_confirmation_stale")
    finally:
        app.state.engine.dispose()


def test_an_act_code_for_another_statement_is_refused(client, initialised):
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    other = statement_act("公共租赁住房资格申请", "ZM001", body["evidence"]["statement"] + "（另一份）")
    body["identity"]["act_confirmation_id"] = act_confirmation(client, ZHANG_WEI[1], other)
    _refused_as(client, initialised, body, 422, "act_confirmation_mismatch")
    # Another item's statement, confirmed by the same person, does not sign this one either.
    licence = commitment_body(client, "XK001", ZHANG_WEI)
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["act_confirmation_id"] = act_confirmation(client, ZHANG_WEI[1], body_act(client, licence))
    _refused_as(client, initialised, body, 422, "act_confirmation_mismatch")


def test_a_login_alone_never_stands_in_for_an_act_confirmation(client, initialised):
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    del body["identity"]["act_confirmation_id"]
    _refused_as(client, initialised, body, 422, "act_confirmation_required")
    body["identity"]["act_confirmation_id"] = body["identity"]["assurance_id"]
    _refused_as(client, initialised, body, 422, "act_confirmation_required")
    # ... and an act confirmation is no login.
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    body["identity"]["assurance_id"] = body["identity"]["act_confirmation_id"]
    _refused_as(client, initialised, body, 401, "identity_required")


def test_one_act_confirmation_signs_one_commitment(client, initialised):
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    assert _post(client, body).status_code == 201
    # The same confirmation with a fresh affirmation message (what an attacker holding it would send).
    again = copy.deepcopy(body)
    again["idempotency_key"] = "another-key"
    again = sign_evidence(client, again)
    response = _post(client, again)
    assert response.status_code == 422 and response.json()["error"] == "act_confirmation_used", response.text
    assert count_commitments(initialised) == 1


def test_one_act_confirmation_signs_one_commitment_under_concurrency(client, initialised):
    first = commitment_body(client, "ZM001", ZHANG_WEI)
    bodies = [first]
    for n in range(3):
        other = copy.deepcopy(first)
        other["idempotency_key"] = f"concurrent-act-{n}"
        bodies.append(sign_evidence(client, other))
    results = []
    barrier = threading.Barrier(len(bodies))

    def post(body):
        barrier.wait()
        results.append(_post(client, body))

    threads = [threading.Thread(target=post, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [201] + [422] * 3
    assert {r.json()["error"] for r in results if r.status_code == 422} == {"act_confirmation_used"}
    assert count_commitments(initialised) == 1


def test_the_signed_record_binds_the_identity_and_the_act(client, initialised):
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    response = _post(client, body)
    assert response.status_code == 201, response.text
    stored = commitment_row(initialised, response.json()["commitment_no"])
    identity = signed_payload(initialised, stored)["identity"]
    assurance, confirmation = identity["assurance"], identity["act_confirmation"]
    assert assurance["assurance_id"] == body["identity"]["assurance_id"]
    assert assurance["method"] == "sms_otp" and assurance["level"] == "substantial"
    assert assurance["masked_phone"] == "138****8000" and ZHANG_WEI[1] not in str(identity)
    assert confirmation["assurance_id"] == body["identity"]["act_confirmation_id"]
    assert confirmation["act"] == body_act(client, body)
    assert re.fullmatch(r"[0-9a-f]{64}", confirmation["act_sha256"])
    sms = [m for m in sms_outbox(client) if "作出告知承诺" in m["text"]][-1]["text"]
    assert confirmation["sms_text_sha256"] == hashlib.sha256(sms.encode("utf-8")).hexdigest()
    assert datetime.fromisoformat(confirmation["confirmed_at"]) >= datetime.fromisoformat(body["evidence"]["affirmation_at"])
    assert stored["act_confirmation_id"] == confirmation["assurance_id"]
    # The column must say what the signed record says.
    execute_sql(initialised, "UPDATE commitments SET act_confirmation_id = NULL WHERE commitment_no = :n",
                n=response.json()["commitment_no"])
    assert client.get("/api/v1/chain/verify").json()["problems"] == [
        {"commitment_no": response.json()["commitment_no"], "check": "columns"}
    ]


# --- the hotline: the staff member's attestation ----------------------------------------------------------


@pytest.fixture
def hotline(app, client, initialised):
    from tests.api.access_helpers import login
    from tests.api.rasa_fake import FakeRasa

    fake = FakeRasa()
    app.state.rasa_link = fake.link(initialised.var_path / "keys" / "hotline.secret")
    return fake, login(client, initialised, "demo_staff")


def test_a_hotline_commitment_is_signed_on_the_staff_attestation_without_an_act_code(client, initialised, hotline):
    from tests.api.test_hotline_api import hotline_commitment

    rasa, staff = hotline
    body = hotline_commitment(client, staff, rasa)
    assert "act_confirmation_id" not in body["identity"]
    response = _post(client, body)
    assert response.status_code == 201, response.text
    stored = commitment_row(initialised, response.json()["commitment_no"])
    identity = signed_payload(initialised, stored)["identity"]
    assert identity["assurance"]["method"] == "hotline_attestation"
    assert identity["assurance"]["verifier"] == "staff:demo_staff"
    assert identity["assurance"]["detail"]["how"] == "callback_registered_phone"
    assert identity["act_confirmation"] is None and stored["act_confirmation_id"] is None


def test_a_hotline_commitment_without_the_staff_attestation_is_refused(client, initialised, hotline):
    from tests.api.test_hotline_api import hotline_commitment

    rasa, staff = hotline
    body = hotline_commitment(client, staff, rasa)
    del body["identity"]
    _refused_as(client, initialised, body, 401, "identity_required")
    # A code typed in the hotline conversation is not the staff member's attestation.
    body["identity"] = {"assurance_id": login_assurance(
        client, ZHANG_WEI[1], conversation=conversation_key(body["channel"], body["sender_id"]))}
    _refused_as(client, initialised, body, 403, "hotline_attestation_required")
    # Details anyone close to the caller may know are too weak to sign on.
    hotline_identity(client, body, staff, how="personal_details")
    _refused_as(client, initialised, body, 403, "identity_level")
    # Only the staff member who read the notice to this caller and took the commitment attests for it.
    from tests.api.test_hotline_api import second_staff

    hotline_identity(client, body, second_staff(client, initialised))
    _refused_as(client, initialised, body, 403, "hotline_attestation_required")


# --- a proxy: the special authorisation the platform holds ------------------------------------------------------


def test_a_proxy_without_the_platforms_authorisation_is_refused(client, initialised):
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    del body["proxy"]["authorisation"]  # the 授权委托书编号 and the tick alone
    _refused_as(client, initialised, body, 422, "authorisation_required")
    body["proxy"]["authorisation"] = {"number": "SQ20260101-AAAAAA", "code": "AAAAAAAA"}
    _refused_as(client, initialised, body, 422, "authorisation_invalid")


def test_an_authorisation_for_another_agent_does_not_sign(client, initialised):
    # 赵强 authorised 张伟, not 刘洋: 刘洋 cannot use it, even verified as himself.
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    body["proxy"]["authorisation"] = grant_authorisation(client, ZHAO_QIANG, ZHANG_WEI, "ZM001")
    _refused_as(client, initialised, body, 422, "authorisation_other_agent")


def test_the_agent_signs_with_their_own_identity(client, initialised):
    # The one who signs for 赵强 is 刘洋: 赵强's own codes do not sign the agent's statement.
    body = commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    body["identity"]["assurance_id"] = login_assurance(client, ZHAO_QIANG[1])
    _refused_as(client, initialised, body, 403, "identity_mismatch")


# --- the receipt's check code -------------------------------------------------------------------------------


def test_the_receipt_carries_a_secret_check_code_the_verification_needs(client, initialised):
    receipt = _post(client, commitment_body(client)).json()
    code = receipt["check_code"]
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", code)
    assert receipt["verify_url"].endswith(f"/verify?code={code}")
    assert commitment_row(initialised, receipt["commitment_no"])["check_code"] == code
    url = f"/api/v1/commitments/{receipt['commitment_no']}/verify"
    assert client.get(url, params={"code": code}).json()["valid"] is True
    assert client.get(url, params={"code": code.lower()}).status_code == 200  # as a person may type it
    unknown = client.get("/api/v1/commitments/CN20000101-000001/verify", params={"code": code})
    assert unknown.status_code == 404
    wrong = "".join("2" if c != "2" else "3" for c in code)
    for answer in (client.get(url), client.get(url, params={"code": wrong}), client.get(url, params={"code": ""})):
        assert answer.status_code == 404
        assert answer.json() == {**unknown.json(), "message": unknown.json()["message"].replace("CN20000101-000001", receipt["commitment_no"])}
    # The notice it cites, likewise.
    notice = f"/api/v1/commitments/{receipt['commitment_no']}/notice"
    assert client.get(notice, params={"code": code}).status_code == 200
    assert client.get(notice).status_code == 404 and client.get(notice, params={"code": wrong}).status_code == 404


def test_walking_through_the_numbers_finds_nothing(client, initialised):
    receipts = [_post(client, commitment_body(client)).json() for _ in range(3)]
    prefix = receipts[0]["commitment_no"][:-6]
    answers = [client.get(f"/api/v1/commitments/{prefix}{n:06d}/verify", params={"code": "ABCDEFGH"}) for n in range(1, 6)]
    assert [a.status_code for a in answers] == [404] * 5
    assert len({a.json()["error"] for a in answers}) == 1
    bare = [client.get(f"/api/v1/commitments/{prefix}{n:06d}/verify") for n in range(1, 6)]
    assert [a.status_code for a in bare] == [404] * 5
    # Each receipt's own code opens its own record only.
    first, second = receipts[0], receipts[1]
    crossed = client.get(f"/api/v1/commitments/{first['commitment_no']}/verify", params={"code": second["check_code"]})
    assert crossed.status_code == 404 or first["check_code"] == second["check_code"]


def test_the_applicant_sees_their_own_check_codes(client, initialised):
    receipt = _post(client, commitment_body(client)).json()
    headers = applicant_login_headers(client, ZHANG_WEI)
    [own] = client.get("/api/v1/me/commitments", headers=headers).json()
    assert own["check_code"] == receipt["check_code"] and own["verify_url"] == receipt["verify_url"]
    one = client.get(f"/api/v1/me/commitments/{receipt['commitment_no']}", headers=headers).json()
    assert one["check_code"] == receipt["check_code"]
    stranger = applicant_login_headers(client, ZHAO_QIANG)
    assert client.get("/api/v1/me/commitments", headers=stranger).json() == []


def test_the_migration_goes_down_and_up_again_and_records_keep_verifying(client, initialised):
    from alembic import command

    from api import cli

    number = _post(client, commitment_body(client)).json()["commitment_no"]
    config = cli.alembic_config(initialised.database_url, initialised.data_key_path)
    command.downgrade(config, "0015_identity_conversation")
    assert "check_code" not in commitment_row(initialised, number)
    command.upgrade(config, "heads")
    row = commitment_row(initialised, number)
    # A new code for the earlier receipt; the act confirmation column again says what the record says.
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", row["check_code"])
    assert row["act_confirmation_id"] == signed_payload(initialised, row)["identity"]["act_confirmation"]["assurance_id"]
    result = client.get(f"/api/v1/commitments/{number}/verify", params={"code": row["check_code"]})
    assert result.status_code == 200 and result.json()["valid"] is True
    assert client.get("/api/v1/chain/verify").json()["valid"] is True
