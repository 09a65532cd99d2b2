"""ID numbers encrypted at rest in the API's database (P5, issue 6).

Signed commitments keep their ID numbers sealed (AES-256-GCM, ``api.commitments.sealed``) while the signature
and hash stay over the plaintext record (P3); free text typed by people keeps no full ID number
(``api.personal_text``). The proof is a dump of every column of every table after a day's work through the API.
"""
from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from typing import Any, Dict, List

import pytest
from alembic import command
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from api import cli
from api.commitments import sealed
from api.config import REPO_ROOT
from api.main import create_app
from api.personal_text import mask_ids
from bot.core import sealing
from bot.core.canonical import canonical_json, sha256_hex
from tests.api.access_helpers import applicant_headers, commit, login, rows, service_headers
from tests.api.conftest import ActionServerClient
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
    cli_env,
    execute_sql,
    signed_bytes,
    signed_payload,
)
from tests.api.rasa_fake import FakeRasa
from tests.api.test_hotline_api import hotline_commitment

FULL_NUMBERS = [who[1] for who in (ZHANG_WEI, LI_NA, WANG_FANG, ZHAO_QIANG, LIU_YANG, HAOWEI, SUDA, LAOJIE)]


@pytest.fixture
def rasa(app, initialised) -> FakeRasa:
    fake = FakeRasa()
    app.state.rasa_link = fake.link(initialised.var_path / "keys" / "hotline.secret")
    return fake


def _grouped(number: str) -> str:
    # How people type a long number: in groups (6-8-4).
    return f"{number[:6]} {number[6:14]} {number[14:]}"


def dump_database(settings) -> List[str]:
    """Every value of every column of every table, as text (JSON columns as JSON text)."""
    engine = create_engine(settings.database_url)
    values: List[str] = []
    try:
        tables = inspect(engine).get_table_names()
        assert {"commitments", "complaints", "commitment_events", "handoff_messages", "verification_tasks"} <= set(tables)
        with engine.connect() as connection:
            for table in tables:
                for row in connection.execute(text(f'SELECT * FROM "{table}"')).mappings():
                    for column, value in row.items():
                        if value is None:
                            continue
                        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                        values.append(f"{table}.{column}={shown}")
    finally:
        engine.dispose()
    return values


def _clear_numbers_in(values: List[str]) -> List[str]:
    found = []
    for value in values:
        compact = re.sub(r"[ \-]", "", value)
        found += [f"{number} in {value[:80]}" for number in FULL_NUMBERS if number in value or number in compact]
    return found


def _cli_verify(settings, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", "verify", *args],
        cwd=REPO_ROOT, env=cli_env(settings), capture_output=True, text=True, timeout=120,
    )


def _row(settings, commitment_no: str) -> Dict[str, Any]:
    return rows(settings, "SELECT * FROM commitments WHERE commitment_no = :n", n=commitment_no)[0]


# --- a day's work, then the whole database dumped --------------------------------------------------------------


def test_no_table_keeps_a_full_id_number_in_clear(client, initialised, rasa):
    # P5: self, proxy (R5), enterprise licence (R8), individual business, hotline (issue 5).
    staff = login(client, initialised, "demo_staff")
    officer = login(client, initialised, "demo_officer")
    receipts = [
        commit(client, "ZM001", ZHANG_WEI),
        commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG),
        commit(client, "XK001", HAOWEI),
        commit(client, "XK001", LAOJIE),
    ]
    hotline = client.post("/api/v1/commitments", json=hotline_commitment(client, staff, rasa))
    assert hotline.status_code == 201, hotline.text
    receipts.append(hotline.json())
    to_withdraw = commit(client, "ZM004", ZHANG_WEI)

    # R11: a complaint that writes the numbers out, one of them in groups; the officer's note and conclusion too.
    complaint = client.post(
        "/api/v1/service/complaints",
        headers=service_headers(initialised),
        json={
            "complaint_text": f"举报{WANG_FANG[0]}（身份证{WANG_FANG[1]}）和{HAOWEI[0]}（{_grouped(HAOWEI[1])}）承诺不实，"
            f"另：{_grouped(ZHANG_WEI[1])}",
            "commitment_no": receipts[0]["commitment_no"],
            "phone": None,
            "channel": "rest",
            "sender_id": "citizen-1",
        },
    )
    assert complaint.status_code == 201, complaint.text
    ticket = complaint.json()["ticket_no"]
    assigned = client.post(f"/api/v1/complaints/{ticket}/assign", headers=officer,
                           json={"assignee": "demo_officer", "note": f"核对 {SUDA[1]} 的登记"})
    assert assigned.status_code == 200, assigned.text
    closed = client.post(f"/api/v1/complaints/{ticket}/close", headers=officer,
                         json={"conclusion": f"经核查，{LAOJIE[1]} 与本投诉无关"})
    assert closed.status_code == 200, closed.text
    # What the staff console shows is masked, and still readable.
    detail = client.get(f"/api/v1/complaints/{ticket}", headers=officer).json()
    assert "4101**********4566" in json.dumps(detail, ensure_ascii=False)

    # R17: a withdrawal reason with the applicant's own number.
    withdrawn = client.post(
        "/api/v1/service/commitments/withdraw",
        headers=service_headers(initialised),
        json={"commitment_no": to_withdraw["commitment_no"], "id_number": ZHANG_WEI[1], "reason": f"本人{ZHANG_WEI[1]}改按原程序办理"},
    )
    assert withdrawn.status_code == 200, withdrawn.text

    # R13/R14: the complaint made the check mandatory; the officer's findings quote the number.
    task = next(t for t in client.get("/api/v1/verification/tasks", headers=officer).json()["tasks"]
                if t["commitment_no"] == receipts[0]["commitment_no"])
    assert client.post(f"/api/v1/verification/tasks/{task['task_id']}/start", headers=officer).status_code == 200
    result = client.post(f"/api/v1/verification/tasks/{task['task_id']}/result", headers=officer,
                         json={"result": "属实", "findings": f"{ZHANG_WEI[1]} 名下无房，属实"})
    assert result.status_code == 200, result.text
    # The officer still sees the full identity where the work needs it (read from the sealed record, audited).
    assert client.get(f"/api/v1/verification/tasks/{task['task_id']}", headers=officer).json()["applicant_id"] == ZHANG_WEI[1]

    # R16: an objection whose grounds repeat the applicant's number.
    li = applicant_headers(client, LI_NA)
    record = client.get("/api/v1/me/credit-records", headers=li).json()["records"][0]
    objection = client.post(f"/api/v1/me/credit-records/{record['record_id']}/objections", headers=li,
                            json={"grounds": f"本人{LI_NA[1]}未作出过该承诺"})
    assert objection.status_code == 201, objection.text

    # Issue 5: a staff member writes a number to a citizen during a handoff.
    handoff = client.post("/api/v1/service/handoff", headers=service_headers(initialised),
                          json={"sender_id": "citizen-2", "channel": "socketio", "reason": "user_request"}).json()
    rasa.conversation("citizen-2", [{"event": "user", "text": "转人工"}])
    assert client.post(f"/api/v1/handoff/{handoff['handoff_id']}/take", headers=staff).status_code == 200
    sent = client.post(f"/api/v1/handoff/{handoff['handoff_id']}/messages", headers=staff,
                       json={"text": f"您填的是 {LIU_YANG[1]} 吗？"})
    assert sent.status_code == 200, sent.text
    # Delivered to the citizen as written (Rasa's tracker store seals it on its side); only our copy is masked.
    assert rasa.appended[-1][1][0]["text"] == f"您填的是 {LIU_YANG[1]} 吗？"

    # An applicant login (the rate limiter keys failures by the blind index, never the number).
    assert client.post("/api/v1/auth/applicant", json={"name": "不是本人", "id_number": ZHANG_WEI[1]}).status_code == 401

    dumped = dump_database(initialised)
    assert not _clear_numbers_in(dumped), _clear_numbers_in(dumped)
    stored = [v for v in dumped if v.startswith("commitments.canonical=")]
    assert len(stored) == 6 and all('"id_number":"gz1:' in v for v in stored)

    # P3: every receipt still verifies - endpoint, chain, CLI - and the signature checks out with the published
    # key alone over the reconstructed plaintext, which holds the full ID numbers (the legal record).
    public_key = load_pem_public_key(client.get("/api/v1/keys/platform").json()["public_key_pem"].encode())
    for receipt in receipts + [to_withdraw]:
        assert client.get(f"/api/v1/commitments/{receipt['commitment_no']}/verify").json()["valid"] is True
        row = _row(initialised, receipt["commitment_no"])
        data = signed_bytes(initialised, row)
        public_key.verify(base64.b64decode(row["signature"]), data)
        assert sha256_hex(data) == row["record_hash"] == receipt["record_hash"]
    assert signed_payload(initialised, _row(initialised, receipts[1]["commitment_no"]))["proxy"]["id_number"] == LIU_YANG[1]
    assert signed_payload(initialised, _row(initialised, receipts[2]["commitment_no"]))["applicant"] == {
        "name": HAOWEI[0], "id_type": "uscc", "id_number": HAOWEI[1]
    }
    assert client.get("/api/v1/chain/verify").json() == {"valid": True, "length": 6, "problems": []}
    assert _cli_verify(initialised).returncode == 0

    # The readers that need the opened record still work: status by number + ID, the letter, disclosure.
    status = client.post("/api/v1/service/commitments/status", headers=service_headers(initialised),
                         json={"commitment_no": receipts[1]["commitment_no"], "id_number": ZHAO_QIANG[1]})
    assert status.status_code == 200, status.text
    zhao = applicant_headers(client, ZHAO_QIANG)
    letter = client.get(f"/api/v1/commitments/{receipts[1]['commitment_no']}/letter.pdf", headers=zhao)
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
    assert client.get("/api/v1/me/commitments", headers=zhao).json()[0]["commitment_no"] == receipts[1]["commitment_no"]
    full = client.get(f"/api/v1/commitments/{receipts[1]['commitment_no']}", headers=officer)  # officer, audited
    assert full.status_code == 200 and full.json()["signed_record"]["applicant"]["id_number"] == ZHAO_QIANG[1]
    disclosed = client.get("/api/v1/public/disclosures")  # R15: the public list masks the credit code
    assert disclosed.status_code == 200 and "9141**********7L3D" in disclosed.text and HAOWEI[1] not in disclosed.text


# --- tampering with an envelope ---------------------------------------------------------------------------------


@pytest.fixture
def two_commitments(client) -> List[Dict[str, Any]]:
    return [commit(client, "ZM001", ZHANG_WEI), commit(client, "ZM001", WANG_FANG)]


def _envelope(row: Dict[str, Any]) -> str:
    return json.loads(row["canonical"])["applicant"]["id_number"]


def _assert_detected(client, settings, target: str) -> None:
    result = client.get(f"/api/v1/commitments/{target}/verify")
    assert result.status_code == 200  # tamper is a finding, never a 500
    body = result.json()
    assert body["valid"] is False and body["checks"]["hash"] is False and body["checks"]["signature"] is False
    chain = client.get("/api/v1/chain/verify").json()
    assert chain["valid"] is False and target in {p["commitment_no"] for p in chain["problems"]}
    cli_run = _cli_verify(settings, "--receipt", target)
    assert cli_run.returncode == 1 and "INVALID" in cli_run.stdout
    # Other readers refuse clearly instead of a traceback.
    status = client.post("/api/v1/service/commitments/status", headers=service_headers(settings),
                         json={"commitment_no": target, "id_number": WANG_FANG[1]})
    assert status.status_code == 500 and status.json()["error"] == "record_unreadable"


def test_an_envelope_swapped_between_two_rows_is_detected(client, initialised, two_commitments):
    # P3 + P5: the envelope is bound to its row (associated data = the commitment number); a valid envelope
    # copied from another commitment does not open, so the record cannot be "re-pointed" at another person.
    first, second = (_row(initialised, r["commitment_no"]) for r in two_commitments)
    swapped = second["canonical"].replace(_envelope(second), _envelope(first))
    assert swapped != second["canonical"]
    execute_sql(initialised, "UPDATE commitments SET canonical = :c WHERE commitment_no = :n", c=swapped, n=second["commitment_no"])
    _assert_detected(client, initialised, second["commitment_no"])
    assert client.get(f"/api/v1/commitments/{first['commitment_no']}/verify").json()["checks"]["hash"] is True


def test_a_flipped_byte_inside_an_envelope_is_detected(client, initialised, two_commitments):
    row = _row(initialised, two_commitments[1]["commitment_no"])
    envelope = _envelope(row)
    at = len(envelope) - 10
    flipped = envelope[:at] + ("A" if envelope[at] != "A" else "B") + envelope[at + 1:]
    execute_sql(initialised, "UPDATE commitments SET canonical = :c WHERE commitment_no = :n",
                c=row["canonical"].replace(envelope, flipped), n=row["commitment_no"])
    _assert_detected(client, initialised, row["commitment_no"])


def test_an_id_put_back_in_clear_is_detected(client, initialised, two_commitments):
    # Whoever edits the table cannot undo the sealing quietly: a clear ID where an envelope belongs is tamper,
    # even though the plaintext (and so the hash) would match.
    row = _row(initialised, two_commitments[1]["commitment_no"])
    clear = row["canonical"].replace(_envelope(row), WANG_FANG[1])
    execute_sql(initialised, "UPDATE commitments SET canonical = :c WHERE commitment_no = :n", c=clear, n=row["commitment_no"])
    _assert_detected(client, initialised, row["commitment_no"])


# --- key rotation -----------------------------------------------------------------------------------------------


def test_rotation_old_rows_open_new_rows_use_the_new_key(app, client, initialised):
    old = commit(client, "ZM001", ZHANG_WEI)
    old_id = sealing.load(initialised.data_key_path).active_id
    assert (initialised.data_key_path.stat().st_mode & 0o777) == 0o600
    # The operator puts a new key first and restarts (bot/core/sealing.py).
    initialised.data_key_path.write_text(sealing.KeyRing.new_line("k2026b") + initialised.data_key_path.read_text())
    app.state.engine.dispose()
    restarted = create_app(initialised)
    try:
        with ActionServerClient(restarted) as again:
            new = commit(again, "ZM004", WANG_FANG)
            assert _envelope(_row(initialised, old["commitment_no"])).startswith(f"gz1:{old_id}:")
            assert _envelope(_row(initialised, new["commitment_no"])).startswith("gz1:k2026b:")
            assert again.get("/api/v1/chain/verify").json() == {"valid": True, "length": 2, "problems": []}
            status = again.post("/api/v1/service/commitments/status", headers=service_headers(initialised),
                                json={"commitment_no": old["commitment_no"], "id_number": ZHANG_WEI[1]})
            assert status.status_code == 200, status.text
    finally:
        restarted.state.engine.dispose()
    assert _cli_verify(initialised).returncode == 0
    # Without the old key the old row no longer opens: the ring really is what protects it.
    initialised.data_key_path.write_text(initialised.data_key_path.read_text().splitlines()[0] + "\n")
    assert _cli_verify(initialised, "--receipt", old["commitment_no"]).returncode == 1
    assert _cli_verify(initialised, "--receipt", new["commitment_no"]).returncode == 0


# --- the data migration -----------------------------------------------------------------------------------------


def _alembic(settings):
    return cli.alembic_config(settings.database_url, settings.data_key_path)


def test_the_migration_seals_rows_stored_in_clear_and_masks_free_text(client, initialised):
    receipt = commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    number = receipt["commitment_no"]
    sealed_before = _row(initialised, number)["canonical"]

    # Back to how the database looked before 0008: downgrade opens the envelopes.
    command.downgrade(_alembic(initialised), "0007_merge_heads")
    clear = _row(initialised, number)["canonical"]
    assert ZHAO_QIANG[1] in clear and LIU_YANG[1] in clear and "gz1:" not in clear
    assert sha256_hex(clear) == receipt["record_hash"]  # the old format: stored text = signed text
    # Free text written before 0008 by code that did not mask (raw SQL: the models would mask it).
    execute_sql(initialised, "INSERT INTO commitment_events (commitment_id, from_status, to_status, actor, role, reason, at) "
                "SELECT id, 'accepted', 'accepted', 'x', 'system', :r, created_at FROM commitments WHERE commitment_no = :n",
                r=f"旧记录 {ZHAO_QIANG[1]}", n=number)

    assert cli.migrate(initialised) == 0  # upgrade heads: 0008 seals and masks
    resealed = _row(initialised, number)["canonical"]
    assert resealed != clear and resealed != sealed_before  # fresh nonces
    assert ZHAO_QIANG[1] not in resealed and LIU_YANG[1] not in resealed
    assert canonical_json(signed_payload(initialised, _row(initialised, number))) == clear.encode("utf-8")
    assert not _clear_numbers_in(dump_database(initialised))
    assert client.get(f"/api/v1/commitments/{number}/verify").json()["valid"] is True
    assert _cli_verify(initialised).returncode == 0

    # The append-only trigger lifted for the masking is back.
    with pytest.raises(Exception, match="append-only"):
        execute_sql(initialised, "UPDATE commitment_events SET reason = 'x' WHERE reason LIKE '旧记录%'")
    # Running it again changes nothing (already sealed rows are skipped).
    command.downgrade(_alembic(initialised), "0007_merge_heads")
    command.upgrade(_alembic(initialised), "heads")
    command.upgrade(_alembic(initialised), "heads")
    assert client.get("/api/v1/chain/verify").json()["valid"] is True


# --- free text --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        (f"身份证{ZHANG_WEI[1]}，谢谢", "身份证4101**********1233，谢谢"),
        (f"号码 {_grouped(ZHANG_WEI[1])} 的", "号码 4101**********1233 的"),
        (f"{HAOWEI[1].lower()} 公司", "9141**********7L3D 公司"),
        (f"信用代码：{SUDA[1]}", "信用代码：9141**********2W1A"),
        ("4101-0519-9001-0112-33", "4101**********1233"),
    ],
)
def test_free_text_masks_valid_ids_and_credit_codes(typed, stored):
    # P5: free text keeps the first and last four characters, like every masked ID staff see.
    assert mask_ids(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        f"写错了：{INVALID_ID}",  # fails the check digit: not an ID number
        "回拨 13800138000",  # a phone number to call back stays usable
        "案号 2026豫0105行初123号，金额 1234567890123456789 元",  # a 19-digit amount is no ID
        "",
    ],
)
def test_free_text_leaves_what_is_not_an_id(typed):
    assert mask_ids(typed) == typed


def test_sealed_payload_round_trip_and_aad():
    ring = sealing.KeyRing.parse(sealing.KeyRing.new_line("k1"))
    payload = {"applicant": {"id_number": ZHANG_WEI[1], "name": "张伟"}, "proxy": {"id_number": LIU_YANG[1]}, "seq": 1}
    stored = sealed.sealed_text(payload, ring, sealed.aad_for("CN20261127-000001"))
    assert ZHANG_WEI[1] not in stored and LIU_YANG[1] not in stored
    assert sealed.open_payload(stored, ring, sealed.aad_for("CN20261127-000001")) == payload
    with pytest.raises(sealing.SealingError):
        sealed.open_payload(stored, ring, sealed.aad_for("CN20261127-000002"))

    # Any other string of the signed record that holds an ID is sealed whole (it cannot be masked: signed).
    typed = {"evidence": {"affirmation_text": f"本人承诺，证件{ZHANG_WEI[1]}", "channel": "web"}, "proxy": None}
    stored = sealed.sealed_text(typed, ring, sealed.aad_for("CN20261127-000003"))
    assert ZHANG_WEI[1] not in stored and '"channel":"web"' in stored
    assert sealed.open_payload(stored, ring, sealed.aad_for("CN20261127-000003")) == typed
    assert sealed.has_sealed_value(json.loads(stored))


def test_json_evidence_and_corrections_are_masked():
    from api.personal_text import mask_ids_in

    evidence = [{"source": "housing_ownership", "finding": f"{WANG_FANG[1]} 名下住房 1 套", "count": 1}]
    assert mask_ids_in(evidence) == [{"source": "housing_ownership", "finding": "4101**********4566 名下住房 1 套", "count": 1}]
