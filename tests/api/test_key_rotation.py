"""Rotating the platform signing key without orphaning old receipts (P3).

A city replaces its signing key after a compromise or by yearly policy; an auditor reading a disputed commitment
years later must still be able to check its signature. Rotation goes through the CLI's ``main`` as an operator
runs it (in this process, helpers.run_cli; the second rotation of a key is a real ``python -m api.cli`` process);
the API is then restarted (a fresh ``create_app`` with the same settings).
"""
from __future__ import annotations

import base64
import shutil
import stat
import subprocess
from contextlib import contextmanager
from typing import Iterator

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.main import create_app
from api.signing.gm import Sm2PublicKey
from api.signing.service import RetiredKeyError, retired_file_name, sm2_key_path
from tests.api.helpers import (
    HAOWEI, ZHAO_QIANG, commitment_body, commitment_row, run_cli, run_cli_process, signed_bytes, verify_path,
)


def _cli(settings, *args: str) -> subprocess.CompletedProcess:
    return run_cli(settings, *args)




@contextmanager
def restarted(settings) -> Iterator[TestClient]:
    """The API after a restart: a new app reads the key files again."""
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            yield client
    finally:
        app.state.engine.dispose()


def _store(client: TestClient, body: dict) -> dict:
    response = client.post("/api/v1/commitments", json=body, headers={"X-Service-Token": client.app.state.service_token})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def rotated(client, initialised):
    """Two receipts signed with the first key, then ``rotate-signing-key``; returns what the test needs."""
    old_key = client.get("/api/v1/keys/platform").json()
    receipts = [_store(client, commitment_body(client)), _store(client, commitment_body(client, "XK001", HAOWEI))]
    old_private = initialised.signing_key_path.read_bytes()
    old_sm2_private = sm2_key_path(initialised.signing_key_path).read_bytes()
    result = _cli(initialised, "rotate-signing-key")
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        "old_key": old_key,
        "receipts": receipts,
        "old_private": old_private,
        "old_sm2_private": old_sm2_private,
        "output": result.stdout,
    }


def test_rotation_retires_the_public_key_first_and_replaces_the_private_key(initialised, rotated):  # P3
    old_id = rotated["old_key"]["key_id"]
    retired = initialised.retired_keys_path / retired_file_name(old_id)
    assert initialised.retired_keys_path == initialised.signing_key_path.parent / "retired"  # the default
    assert retired.read_text(encoding="ascii") == rotated["old_key"]["public_key_pem"]
    assert initialised.signing_key_path.read_bytes() != rotated["old_private"]
    assert stat.S_IMODE(initialised.signing_key_path.stat().st_mode) == 0o600
    # The SM2 key beside it rotated the same way: public half retired under its own id, private key 0600.
    old_sm2 = rotated["old_key"]["sm2_key_id"]
    retired_sm2 = initialised.retired_keys_path / retired_file_name(old_sm2)
    assert retired_sm2.name.startswith("sm2_")
    assert retired_sm2.read_text(encoding="ascii") == rotated["old_key"]["sm2_public_key_pem"]
    assert sm2_key_path(initialised.signing_key_path).read_bytes() != rotated["old_sm2_private"]
    assert stat.S_IMODE(sm2_key_path(initialised.signing_key_path).stat().st_mode) == 0o600
    assert old_sm2 in rotated["output"]
    # No temp file left beside the key.
    assert [p.name for p in initialised.signing_key_path.parent.iterdir() if p.name.startswith(".")] == []
    with restarted(initialised) as client:
        new_id = client.get("/api/v1/keys/platform").json()["key_id"]
    assert new_id != old_id
    assert old_id in rotated["output"] and new_id in rotated["output"]
    assert "restart" in rotated["output"]


def test_old_receipts_still_verify_after_a_restart_and_new_ones_use_the_new_key(client, initialised, rotated):
    # P3: a rotation must not invalidate a single receipt.
    old_id = rotated["old_key"]["key_id"]
    # Until restarted, the running process still signs with the retired key; that record verifies too.
    signed_late = _store(client, commitment_body(client, "ZM001", ZHAO_QIANG))
    with restarted(initialised) as fresh:
        new_id = fresh.get("/api/v1/keys/platform").json()["key_id"]
        for receipt in rotated["receipts"] + [signed_late]:
            result = fresh.get(verify_path(fresh, receipt['commitment_no'])).json()
            assert result["valid"] is True, result
            assert result["key_id"] == old_id
        newer = _store(fresh, commitment_body(fresh, "ZM004"))
        result = fresh.get(verify_path(fresh, newer['commitment_no'])).json()
        assert result["valid"] is True and result["key_id"] == new_id
        assert fresh.get("/api/v1/chain/verify").json() == {"valid": True, "length": 4, "problems": []}
        # The SM2 key rotated with the Ed25519 one: old records name the retired SM2 key, which still verifies.
        old_sm2 = rotated["old_key"]["sm2_key_id"]
        new_sm2 = fresh.get("/api/v1/keys/platform").json()["sm2_key_id"]
        assert old_sm2 != new_sm2
        for receipt in rotated["receipts"] + [signed_late]:
            result = fresh.get(verify_path(fresh, receipt['commitment_no'])).json()
            assert result["sm2_key_id"] == old_sm2 and result["integrity"]["checks"]["sm2_signature"] == "valid"
        assert fresh.get(verify_path(fresh, newer['commitment_no'])).json()["sm2_key_id"] == new_sm2

    chain = _cli(initialised, "verify")
    assert chain.returncode == 0, chain.stdout + chain.stderr
    one = _cli(initialised, "verify", "--receipt", rotated["receipts"][0]["commitment_no"])
    assert one.returncode == 0 and "valid" in one.stdout, one.stdout + one.stderr


def test_every_key_is_published_and_an_old_signature_verifies_with_the_listed_key_alone(initialised, rotated):
    # P3: an auditor checks any receipt offline, with the published public key named by the record.
    with restarted(initialised) as fresh:
        listed = fresh.get("/api/v1/keys").json()
        current = fresh.get("/api/v1/keys/platform").json()
    assert [(k["key_id"], k["algorithm"], k["status"]) for k in listed] == [
        (current["key_id"], "Ed25519", "current"),
        (rotated["old_key"]["key_id"], "Ed25519", "retired"),
        (current["sm2_key_id"], "SM2", "current"),
        (rotated["old_key"]["sm2_key_id"], "SM2", "retired"),
    ]
    assert listed[0]["public_key_pem"] == current["public_key_pem"]
    assert listed[2]["public_key_pem"] == current["sm2_public_key_pem"]
    by_id = {k["key_id"]: k["public_key_pem"] for k in listed}
    for receipt in rotated["receipts"]:
        row = commitment_row(initialised, receipt["commitment_no"])
        data = signed_bytes(initialised, row)
        public_key = load_pem_public_key(by_id[row["key_id"]].encode("ascii"))
        public_key.verify(base64.b64decode(row["signature"]), data)  # raises if invalid
        sm2_key = Sm2PublicKey.from_pem(by_id[row["sm2_key_id"]])
        assert sm2_key.verify(data, base64.b64decode(row["sm2_signature"]))


def test_rotating_twice_keeps_every_retired_key(initialised, rotated):  # P3
    second = run_cli_process(initialised, "rotate-signing-key")
    assert second.returncode == 0, second.stdout + second.stderr
    assert stat.S_IMODE(initialised.signing_key_path.stat().st_mode) == 0o600
    with restarted(initialised) as fresh:
        statuses = [(k["algorithm"], k["status"]) for k in fresh.get("/api/v1/keys").json()]
        assert statuses == [("Ed25519", s) for s in ("current", "retired", "retired")] + [
            ("SM2", s) for s in ("current", "retired", "retired")
        ]
        for receipt in rotated["receipts"]:
            assert fresh.get(verify_path(fresh, receipt['commitment_no'])).json()["valid"] is True


def test_a_rotation_interrupted_after_retiring_lists_the_current_key_once(client, initialised):
    # A crash between the two steps of rotate leaves the current public key in the retired directory too.
    current = client.get("/api/v1/keys/platform").json()
    initialised.retired_keys_path.mkdir(parents=True)
    (initialised.retired_keys_path / retired_file_name(current["key_id"])).write_text(current["public_key_pem"])
    with restarted(initialised) as fresh:
        assert [(k["key_id"], k["status"]) for k in fresh.get("/api/v1/keys").json()] == [
            (current["key_id"], "current"),
            (current["sm2_key_id"], "current"),
        ]


def test_without_the_retired_key_the_old_signature_fails_cleanly(initialised, rotated):  # P3
    # The signature check depends on the published key: take it away and the receipt no longer verifies -
    # reported as a failed check, never a server error.
    shutil.rmtree(initialised.retired_keys_path)
    with restarted(initialised) as fresh:
        response = fresh.get(verify_path(fresh, rotated['receipts'][0]['commitment_no']))
        assert response.status_code == 200
        result = response.json()
        assert result["valid"] is False
        assert result["checks"] == {"hash": True, "signature": False, "chain": True, "columns": True}
        assert result["integrity"]["checks"]["sm2_signature"] == "invalid"
        assert result["integrity"]["checks"]["sm3_hash"] == "valid"
        chain = fresh.get("/api/v1/chain/verify").json()
        assert chain["valid"] is False
        assert {(p["commitment_no"], p["check"]) for p in chain["problems"]} == {
            (r["commitment_no"], check) for r in rotated["receipts"] for check in ("signature", "sm2_signature")
        }
        assert [k["status"] for k in fresh.get("/api/v1/keys").json()] == ["current", "current"]
    result = _cli(initialised, "verify")
    assert result.returncode == 1 and "signature" in result.stdout


def test_a_retired_file_not_named_after_its_key_is_refused_at_start_up(initialised, rotated):  # P3
    # Filed under another id, a key could vouch for records it never signed: refuse, naming the file.
    retired = initialised.retired_keys_path / retired_file_name(rotated["old_key"]["key_id"])
    wrong = retired.with_name("ed25519_0123456789abcdef.pem")
    retired.rename(wrong)
    with pytest.raises(RetiredKeyError, match=wrong.name):
        create_app(initialised)
    result = _cli(initialised, "verify")
    assert result.returncode == 2 and wrong.name in result.stderr
    # Nor does a rotation add to a directory the API would refuse.
    before = initialised.signing_key_path.read_bytes()
    result = _cli(initialised, "rotate-signing-key")
    assert result.returncode == 2 and wrong.name in result.stderr
    assert initialised.signing_key_path.read_bytes() == before


def test_a_retired_file_that_is_not_a_public_key_is_refused(initialised, rotated):
    junk = initialised.retired_keys_path / "ed25519_00000000000000.pem"
    junk.write_text("not a key\n")
    with pytest.raises(RetiredKeyError, match=junk.name):
        create_app(initialised)


def test_a_retired_sm2_file_not_named_after_its_key_is_refused(initialised, rotated):
    # The same rule for SM2: a key filed under another id could vouch for records it never signed.
    retired = initialised.retired_keys_path / retired_file_name(rotated["old_key"]["sm2_key_id"])
    wrong = retired.with_name("sm2_0123456789abcdef.pem")
    retired.rename(wrong)
    with pytest.raises(RetiredKeyError, match=wrong.name):
        create_app(initialised)
    wrong.write_text("not a key\n")
    with pytest.raises(RetiredKeyError, match=wrong.name):
        create_app(initialised)


def test_rotation_without_a_key_refuses(settings):
    result = _cli(settings, "rotate-signing-key")
    assert result.returncode == 2 and str(settings.signing_key_path) in result.stderr
    assert not settings.signing_key_path.exists()
