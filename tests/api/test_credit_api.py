"""Integrity files and the credit check (R4, R16, P5).

The chat asks about a person's credit only for that person, verified in the conversation (``assurance_id`` and
``client``); officers ask in their duties without one. The refusals before verification are in
test_integrity_files_api.py.
"""
from __future__ import annotations

import hashlib
import hmac
import stat

import pytest
from sqlalchemy import create_engine, text

from api import cli
from bot.core.ids import resident_id_check_char
from tests.api.access_helpers import login, verified_as
from tests.api.helpers import (
    HAOWEI,
    INVALID_ID,
    LAOJIE,
    LI_NA,
    LIU_YANG,
    SUDA,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    grant_authorisation,
)


@pytest.mark.parametrize(
    "identity, status, records",
    [
        (ZHANG_WEI, "clean", []),
        (LI_NA, "blocked", [{"type": "虚假承诺", "severity": "严重", "year": "2025", "repaired": False}]),
        (WANG_FANG, "repaired", [{"type": "虚假承诺", "severity": "较重", "year": "2024", "repaired": True}]),
        (ZHAO_QIANG, "clean", []),
        (LIU_YANG, "clean", []),
        (HAOWEI, "clean", []),
        (SUDA, "blocked", [{"type": "虚假承诺", "severity": "严重", "year": "2025", "repaired": False}]),
        (LAOJIE, "clean", []),
    ],
    ids=lambda v: v[0] if isinstance(v, tuple) else None,
)
def test_credit_check_of_every_demo_identity(client, identity, status, records):
    # R4: 李娜 and 郑州速达物流 (serious, unrepaired) are blocked; 王芳 repaired her 较重 record; others clean.
    response = client.post("/api/v1/credit/check", json={"id_number": identity[1], **verified_as(client, identity)})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == status
    got = [
        {
            "type": r["type"],
            "severity": r["severity"],
            "year": r["occurred_on"][:4],
            "repaired": r["repaired_at"] is not None,
        }
        for r in body["records"]
    ]
    assert got == records


def test_unknown_valid_id_is_clean_without_records(client):
    unknown = "11010519491231002" + resident_id_check_char("11010519491231002")
    response = client.post("/api/v1/credit/check", json={"id_number": unknown, **verified_as(client, ("某某", unknown))})
    assert response.json() == {"status": "clean", "records": []}


def test_id_is_normalised_before_lookup(client):
    # P1: a full-width, spaced ID finds the same integrity file (and is the ID the assurance vouches for).
    typed = "４１０１０２ １９８５０５０５ ２３４２"
    body = {"id_number": typed, **verified_as(client, LI_NA)}
    assert client.post("/api/v1/credit/check", json=body).json()["status"] == "blocked"


def test_officers_check_credit_without_an_assurance(client, initialised):
    officer = login(client, initialised, "demo_officer")
    response = client.post("/api/v1/credit/check", json={"id_number": LI_NA[1]}, headers=officer)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "blocked"


@pytest.mark.parametrize(
    "id_number, code",
    [(INVALID_ID, "invalid_id_checksum"), ("91410100MA44XK7L3E", "invalid_uscc_checksum"), ("12345", "invalid_id_format")],
)
def test_invalid_id_is_422_with_the_ids_error_code_and_is_not_echoed(client, initialised, id_number, code):
    officer = login(client, initialised, "demo_officer")
    response = client.post("/api/v1/credit/check", json={"id_number": id_number}, headers=officer)
    assert response.status_code == 422
    assert response.json()["error"] == code
    assert id_number not in response.text  # P5


def test_credit_check_is_post_only_so_ids_stay_out_of_urls(client):
    # P5: an ID in a query string would land in access logs.
    assert client.get("/api/v1/credit/check", params={"id_number": ZHANG_WEI[1]}).status_code == 405


def test_integrity_files_are_keyed_by_hmac_never_the_raw_id(initialised):
    # R16 + P5: the table cannot be read back into ID numbers without the key file.
    key = initialised.id_hash_key_path.read_bytes()
    assert len(key) == 32
    assert stat.S_IMODE(initialised.id_hash_key_path.stat().st_mode) == 0o600
    engine = create_engine(initialised.database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id_hash, subject_type, display_name FROM integrity_files")).all()
    engine.dispose()
    dump = repr(rows)
    for _, id_number in (ZHANG_WEI, LI_NA, WANG_FANG, ZHAO_QIANG, LIU_YANG, HAOWEI, SUDA, LAOJIE):
        assert id_number not in dump
    expected = hmac.new(key, LI_NA[1].encode(), hashlib.sha256).hexdigest()
    by_hash = {row.id_hash: row for row in rows}
    assert by_hash[expected].subject_type == "person"
    assert by_hash[expected].display_name == "李*"
    suda = by_hash[hmac.new(key, SUDA[1].encode(), hashlib.sha256).hexdigest()]
    assert (suda.subject_type, suda.display_name) == ("enterprise", SUDA[0])


def test_seed_demo_is_idempotent(initialised):
    def counts():
        engine = create_engine(initialised.database_url)
        with engine.connect() as connection:
            result = tuple(
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("integrity_files", "credit_records")
            )
        engine.dispose()
        return result

    before = counts()
    assert before == (8, 3)
    assert cli.seed_demo(initialised) == 0
    assert counts() == before


def test_own_records_are_those_of_the_verified_id_whatever_name_is_sent(client, initialised):
    # The assurance decides whose records these are; a name (any name, or none) neither opens nor closes them.
    headers = {"X-Service-Token": initialised.service_token_file.read_text().strip()}
    identity = verified_as(client, SUDA)
    for extra in ({"name": "鄭州速達物流有限公司"}, {"name": "别的公司"}, {}):
        response = client.post("/api/v1/service/credit/records", headers=headers,
                               json={"id_number": SUDA[1], **identity, **extra})
        assert response.status_code == 200, (extra, response.text)
        assert response.json()["status"] == "blocked"
        assert [r["severity"] for r in response.json()["records"]] == ["严重"]


def test_a_file_hashed_before_names_were_compared_by_key_still_matches():
    # Files opened earlier hashed the name with NFKC and spaces removed only (a middle dot kept); the plain
    # name cannot be recovered to re-hash them, so the earlier form keeps matching.
    from api.credit import service

    key = b"k" * 32
    earlier = hmac.new(key, "name\x00阿依古丽·买买提".encode(), hashlib.sha256).hexdigest()
    assert service.name_matches(earlier, "阿依古丽·买买提", key)
    assert service.name_matches(earlier, "阿依古麗·買買提", key)  # traditional form
    assert not service.name_matches(earlier, "阿依古丽·买买", key)
    assert not service.name_matches(None, "阿依古丽·买买提", key)
    # A simplified name without a dot hashes exactly as before, so the demo files need no migration.
    assert service.name_hash("赵强", key) == hmac.new(key, "name\x00赵强".encode(), hashlib.sha256).hexdigest()
    assert service.name_hash("趙強", key) == service.name_hash("赵强", key)
    assert service.name_hash("二七区老街便利店（个体工商户）", key) == hmac.new(
        key, "name\x00二七区老街便利店(个体工商户)".encode(), hashlib.sha256).hexdigest()


def test_an_agent_asks_about_the_principal_only_under_their_authorisation(client, initialised):
    # R5 + P5: 刘洋, verified in his own conversation, may check 赵强's standing for the item 赵强 authorised
    # him to commit for; his assurance alone, or a wrong code, opens nothing of 赵强's.
    granted = grant_authorisation(client, ZHAO_QIANG, LIU_YANG, "ZM001")
    liu = verified_as(client, LIU_YANG, "chat-liu")
    proof = {"number": granted["number"], "code": granted["code"], "agent_id": LIU_YANG[1]}
    check = "/api/v1/credit/check"
    ok = client.post(check, json={"id_number": ZHAO_QIANG[1], **liu, "authorisation": proof})
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"status": "clean", "records": []}
    alone = client.post(check, json={"id_number": ZHAO_QIANG[1], **liu})
    assert alone.status_code == 403 and alone.json()["error"] == "identity_mismatch"
    wrong = client.post(check, json={"id_number": ZHAO_QIANG[1], **liu, "authorisation": {**proof, "code": "AAAAAAAA"}})
    assert wrong.status_code == 422 and wrong.json()["error"] == "authorisation_invalid"
    # The authorisation is 赵强's: it opens nobody else's file, and only for the agent it names.
    other = client.post(check, json={"id_number": LI_NA[1], **liu, "authorisation": proof})
    assert other.status_code == 422 and other.json()["error"] == "authorisation_other_principal"
    zhang = verified_as(client, ZHANG_WEI, "chat-liu")
    stranger = client.post(check, json={"id_number": ZHAO_QIANG[1], **zhang,
                                        "authorisation": {**proof, "agent_id": ZHANG_WEI[1]}})
    assert stranger.status_code == 422 and stranger.json()["error"] == "authorisation_other_agent"
    # The warning is about one item: the authorisation must cover it.
    warning = "/api/v1/service/credit/warning"
    service = {"X-Service-Token": initialised.service_token_file.read_text().strip()}
    covered = client.post(warning, headers=service,
                          json={"item_code": "ZM001", "id_number": ZHAO_QIANG[1], **liu, "authorisation": proof})
    assert covered.status_code == 200, covered.text
    elsewhere = client.post(warning, headers=service, json={"item_code": "XK001", "id_number": ZHAO_QIANG[1], **liu,
                                                            "authorisation": proof})
    assert elsewhere.status_code == 422 and elsewhere.json()["error"] == "authorisation_other_item"
