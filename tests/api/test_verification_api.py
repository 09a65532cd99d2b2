"""Signatures, the hash chain and tamper detection (P3), through the API and the CLI."""
from __future__ import annotations

import base64
import json
import stat

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from bot.core.canonical import canonical_json, sha256_hex
from tests.api.helpers import (
    verify_path,
    commitment_row,
    HAOWEI,
    LIU_YANG,
    PHONE,
    ZHANG_WEI,
    ZHAO_QIANG,
    commitment_body,
    execute_sql,
    run_cli,
    run_cli_process,
    signed_bytes,
)


@pytest.fixture
def three_commitments(client):
    """A proof item, a proxy commitment and a licence: the chain has three links."""
    return [
        client.post("/api/v1/commitments", json=body).json()
        for body in (
            commitment_body(client),
            commitment_body(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG),
            commitment_body(client, "XK001", HAOWEI),
        )
    ]


def _cli_verify(settings, *args):
    return run_cli(settings, "verify", *args)


def _cli_verify_as_the_operator_runs_it(settings, *args):
    """The real entry point (``python -m api.cli``, a process of its own); the other cases run its ``main`` in
    this process (helpers.run_cli), which is the same code without the start-up."""
    return run_cli_process(settings, "verify", *args)


def test_health(client):
    assert client.get("/health").json() == {"status": "ok", "db": "ok"}


def test_platform_key_is_published_and_the_private_key_is_0600(client, initialised):
    key = client.get("/api/v1/keys/platform").json()
    assert key["algorithm"] == "Ed25519"
    assert key["key_id"].startswith("ed25519:")
    assert key["public_key_pem"].startswith("-----BEGIN PUBLIC KEY-----")
    assert stat.S_IMODE(initialised.signing_key_path.stat().st_mode) == 0o600


def test_intact_records_verify(client, initialised, three_commitments):
    for receipt in three_commitments:
        result = client.get(verify_path(client, receipt['commitment_no'])).json()
        assert result["valid"] is True
        assert result["checks"] == {"hash": True, "signature": True, "chain": True, "columns": True}
        assert result["record_hash"] == receipt["record_hash"]
        assert result["item_code"] == receipt["item_code"] and result["status"] == receipt["status"]
        # P5: the public verification carries no personal data.
        # (Whole values only: a hex hash may well contain "4101" or "138" by chance.)
        public = json.dumps(result, ensure_ascii=False)
        personal = [*ZHANG_WEI, *ZHAO_QIANG, *LIU_YANG, ZHANG_WEI[1][:6] + "*", PHONE]
        assert not any(value in public for value in personal), public
    assert client.get("/api/v1/chain/verify").json() == {"valid": True, "length": 3, "problems": []}
    result = _cli_verify_as_the_operator_runs_it(initialised)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "chain valid: 3 record(s)" in result.stdout, result.stdout
    one = _cli_verify(initialised, "--receipt", three_commitments[1]["commitment_no"])
    assert one.returncode == 0 and f"{three_commitments[1]['commitment_no']}: valid" in one.stdout, one.stdout


def test_signature_verifies_with_the_published_key_alone(client, initialised, three_commitments):
    # P3: anyone with the public key and the record can check it, without trusting the platform's code.
    public_key = load_pem_public_key(client.get("/api/v1/keys/platform").json()["public_key_pem"].encode())
    previous = "0" * 64
    for receipt in three_commitments:
        row = commitment_row(initialised, receipt["commitment_no"])
        stored = row["canonical"].encode("utf-8")
        assert canonical_json(json.loads(stored)) == stored  # stored exactly in canonical form
        # P5: the stored text has its ID numbers sealed; the signed bytes are rebuilt by opening them (the
        # holder of the data key: the platform, or an auditor it trusts), then checked with the public key only.
        data = signed_bytes(initialised, row)
        public_key.verify(base64.b64decode(row["signature"]), data)  # raises if invalid
        assert sha256_hex(data) == row["record_hash"] == receipt["record_hash"]
        assert json.loads(data)["prev_hash"] == previous
        previous = row["record_hash"]


def test_unknown_commitment_is_404(client):
    response = client.get("/api/v1/commitments/CN20990101-000001/verify")
    assert response.status_code == 404 and response.json()["error"] == "unknown_commitment"


def _flip_one_byte(value: str, at: int = 0) -> str:
    # Replace one ASCII character with another, so exactly one byte of the stored text changes.
    index = next(i for i in range(at, len(value)) if value[i].isascii() and value[i].isalnum())
    replacement = "1" if value[index] != "1" else "2"
    return value[:index] + replacement + value[index + 1 :]


TAMPERINGS = {
    # column -> (how to change it, the checks that must then fail)
    "canonical": (lambda row: _flip_one_byte(row["canonical"], row["canonical"].index('"phone":"') + 9), {"hash", "signature"}),
    "status": (lambda row: "licensed" if row["status"] == "accepted" else "accepted", {"columns"}),
    "item_code": (lambda row: "ZM004", {"columns"}),
    "signature": (lambda row: _flip_one_byte(row["signature"], 5), {"signature"}),
    "prev_hash": (lambda row: _flip_one_byte(row["prev_hash"]), {"chain", "columns"}),
    "record_hash": (lambda row: _flip_one_byte(row["record_hash"]), {"hash"}),
    "key_id": (lambda row: row["key_id"][:-1] + ("0" if row["key_id"][-1] != "0" else "1"), {"signature"}),
    "sender_id": (lambda row: row["sender_id"] + "x", {"columns"}),
    # The SM2/SM3 side, stored beside (migration 0011).
    "sm2_signature": (lambda row: _flip_one_byte(row["sm2_signature"], 5), {"sm2_signature"}),
    "sm3_hash": (lambda row: _flip_one_byte(row["sm3_hash"]), {"sm3_hash"}),
    "sm3_prev_hash": (lambda row: _flip_one_byte(row["sm3_prev_hash"]), {"sm3_chain", "columns"}),
    "sm2_key_id": (lambda row: row["sm2_key_id"][:-1] + ("0" if row["sm2_key_id"][-1] != "0" else "1"), {"sm2_signature"}),
}


@pytest.mark.parametrize("column", sorted(TAMPERINGS))
def test_changing_a_stored_value_is_detected(client, initialised, three_commitments, column):
    # P3 (Electronic Signature Law art. 13 (3)(4)): any change after signing is detectable.
    target = three_commitments[1]["commitment_no"]
    row = commitment_row(initialised, target)
    change, must_fail = TAMPERINGS[column]
    if column == "item_code":
        # The other item exists, so only the comparison with the signed text can notice.
        execute_sql(initialised, "UPDATE commitments SET item_code = :v WHERE commitment_no = :no", v="ZM004", no=target)
    else:
        execute_sql(initialised, f"UPDATE commitments SET {column} = :v WHERE commitment_no = :no", v=change(row), no=target)

    result = client.get(verify_path(client, target)).json()
    assert result["valid"] is False and result["integrity"]["valid"] is False
    failed = {name for name, outcome in result["integrity"]["checks"].items() if outcome == "invalid"}
    assert must_fail <= failed, failed
    # The legacy booleans agree with the full result.
    assert {name for name, ok in result["checks"].items() if not ok} == failed & set(result["checks"])

    chain = client.get("/api/v1/chain/verify").json()
    assert chain["valid"] is False and chain["length"] == 3
    assert {p["commitment_no"] for p in chain["problems"]} >= {target}

    cli = _cli_verify(initialised)
    assert cli.returncode == 1
    assert target in cli.stdout
    receipt_cli = _cli_verify(initialised, "--receipt", target)
    assert receipt_cli.returncode == 1 and "INVALID" in receipt_cli.stdout
    # The untouched first record's own content still verifies (its link to the next may be what broke).
    first = client.get(verify_path(client, three_commitments[0]['commitment_no'])).json()["checks"]
    assert first["hash"] and first["signature"] and first["columns"]


def test_record_hash_rewritten_to_match_edited_text_is_still_caught(client, initialised, three_commitments):
    # An intruder who edits the text and recomputes its hash still cannot forge the signature or the link.
    target = three_commitments[1]["commitment_no"]
    row = commitment_row(initialised, target)
    edited = row["canonical"].replace('"accepted"', '"licensed"')
    execute_sql(
        initialised,
        "UPDATE commitments SET canonical = :c, record_hash = :h, status = 'licensed' WHERE commitment_no = :no",
        c=edited,
        h=sha256_hex(edited),
        no=target,
    )
    result = client.get(verify_path(client, target)).json()
    checks = result["checks"]
    assert checks["signature"] is False
    assert checks["chain"] is False  # the next record still points at the original hash
    assert result["integrity"]["checks"]["sm2_signature"] == "invalid"
    assert result["integrity"]["checks"]["sm3_hash"] == "invalid"


def test_deleting_a_record_breaks_the_chain(client, initialised, three_commitments):
    execute_sql(initialised, "DELETE FROM commitments WHERE commitment_no = :no", no=three_commitments[1]["commitment_no"])
    chain = client.get("/api/v1/chain/verify").json()
    assert chain["valid"] is False
    assert {"commitment_no": three_commitments[2]["commitment_no"], "check": "chain"} in chain["problems"]
    assert {"commitment_no": three_commitments[2]["commitment_no"], "check": "sm3_chain"} in chain["problems"]
    assert client.get(verify_path(client, three_commitments[2]['commitment_no'])).json()["valid"] is False
    assert _cli_verify(initialised).returncode == 1


def test_cli_verify_unknown_receipt_fails(initialised):
    result = _cli_verify(initialised, "--receipt", "CN20990101-000001")
    assert result.returncode == 1
