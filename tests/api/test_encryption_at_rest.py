"""Personal data encrypted at rest in the API's database (P5): ID numbers, names and phone numbers.

Signed commitments keep their ID numbers, the names of the people they are about and every phone number sealed
(AES-256-GCM, ``api.commitments.sealed``) while the signature and hash stay over the plaintext record (P3); so do
a complainant's call-back number and a hotline caller's number (``sealed.SealedText``); free text typed by people
keeps no full ID number (``api.personal_text``). The proof is a dump of every column of every table after a day's
work through the API, and, on SQLite, the bytes of the database file itself.
"""
from __future__ import annotations

import base64
import json
import re
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterable, List

import pytest
from alembic import command
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from api import cli
from api.commitments import sealed
from api.main import create_app
from api.personal_text import mask_ids
from bot.core import sealing
from bot.core.canonical import canonical_json, sha256_hex
from tests.api.access_helpers import applicant_headers, commit, login, rows, service_headers, verified_as
from tests.api.conftest import ActionServerClient
from tests.api.helpers import (
    verify_path,
    HAOWEI,
    HAOWEI_REPRESENTATIVE,
    INVALID_ID,
    LAOJIE,
    LI_NA,
    LIU_YANG,
    PHONE,
    REGISTERED_PHONES,
    SUDA,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    execute_sql,
    run_cli,
    signed_bytes,
    signed_payload,
)
from tests.api.rasa_fake import FakeRasa
from tests.api.test_hotline_api import hotline_commitment

FULL_NUMBERS = [who[1] for who in (ZHANG_WEI, LI_NA, WANG_FANG, ZHAO_QIANG, LIU_YANG, HAOWEI, SUDA, LAOJIE)]
# The people the day's commitments are about (an enterprise's name is public registry data, shown in full), with
# a name as typed in traditional characters, and every phone number they gave.
NAMES = [ZHANG_WEI[0], "張偉", ZHAO_QIANG[0], LIU_YANG[0], HAOWEI_REPRESENTATIVE]
COMPLAINANT_PHONE = "13700137000"
CALLER_PHONE = "13912345678"  # tests.api.test_hotline_api: the caller of a hotline session
PHONES = sorted(set(REGISTERED_PHONES.values()) | {PHONE, COMPLAINANT_PHONE, CALLER_PHONE})


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


def _clear_personal_in(values: List[str], names: Iterable[str] = NAMES, phones: Iterable[str] = PHONES) -> List[str]:
    found = []
    for value in values:
        compact = re.sub(r"[ \-]", "", value)
        found += [f"{name} in {value[:80]}" for name in names if name in value]
        found += [f"{phone} in {value[:80]}" for phone in phones if phone in compact]
    return found


def _cli_verify(settings, *args: str) -> subprocess.CompletedProcess:
    # ``python -m api.cli verify``'s main, in this process (its own process is run in test_verification_api).
    return run_cli(settings, "verify", *args)


def _chain(client) -> Dict[str, Any]:
    """The chain check's verdict (its other fields, such as the SM2 count, are the signing tests' business)."""
    body = client.get("/api/v1/chain/verify").json()
    return {key: body[key] for key in ("valid", "length", "problems")}


def _row(settings, commitment_no: str) -> Dict[str, Any]:
    return rows(settings, "SELECT * FROM commitments WHERE commitment_no = :n", n=commitment_no)[0]


# --- a day's work, then the whole database dumped --------------------------------------------------------------


def test_no_table_keeps_an_id_number_a_name_or_a_phone_in_clear(client, initialised, rasa):
    # P5: self (the name typed in traditional characters), proxy (R5), enterprise licence through its legal
    # representative (R8), individual business, hotline.
    staff = login(client, initialised, "demo_staff")
    officer = login(client, initialised, "demo_officer")
    receipts = [
        commit(client, "ZM001", ZHANG_WEI, affirmation_text="我張偉承诺"),
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
            "phone": COMPLAINANT_PHONE,
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
    assert detail["phone"] == COMPLAINANT_PHONE  # the officer calls back: opened for the audited read only

    # R17: a withdrawal reason with the applicant's own number.
    withdrawn = client.post(
        "/api/v1/service/commitments/withdraw",
        headers=service_headers(initialised),
        json={"commitment_no": to_withdraw["commitment_no"], "id_number": ZHANG_WEI[1], "reason": f"本人{ZHANG_WEI[1]}改按原程序办理",
              **verified_as(client, ZHANG_WEI)},
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

    # During a handoff a staff member writes a number to a citizen during a handoff.
    handoff = client.post("/api/v1/service/handoff", headers=service_headers(initialised),
                          json={"sender_id": "citizen-2", "channel": "socketio", "reason": "user_request"}).json()
    rasa.conversation("citizen-2", [{"event": "user", "text": "转人工"}])
    assert client.post(f"/api/v1/handoff/{handoff['handoff_id']}/take", headers=staff).status_code == 200
    sent = client.post(f"/api/v1/handoff/{handoff['handoff_id']}/messages", headers=staff,
                       json={"text": f"您填的是 {LIU_YANG[1]} 吗？"})
    assert sent.status_code == 200, sent.text
    # Delivered to the citizen as written (Rasa's tracker store seals it on its side); only our copy is masked.
    assert rasa.appended[-1][1][0]["text"] == f"您填的是 {LIU_YANG[1]} 吗？"

    # A failed applicant login (the rate limiter keys failures by the blind index, never the number).
    assert client.post("/api/v1/auth/applicant", json={"id_number": ZHANG_WEI[1], "code": "000000"}).status_code == 401

    dumped = dump_database(initialised)
    assert not _clear_numbers_in(dumped), _clear_numbers_in(dumped)
    assert not _clear_personal_in(dumped), _clear_personal_in(dumped)
    stored = [v for v in dumped if v.startswith("commitments.canonical=")]
    assert len(stored) == 6 and all('"id_number":"gz1:' in v and '"phone":"gz1:' in v for v in stored)
    assert all('"applicant":{"id_number":"gz1:' in v and '"name":"gz1:' in v for v in stored)

    # P3: every receipt still verifies - endpoint, chain, CLI - and the signature checks out with the published
    # key alone over the reconstructed plaintext, which holds the full ID numbers (the legal record).
    public_key = load_pem_public_key(client.get("/api/v1/keys/platform").json()["public_key_pem"].encode())
    for receipt in receipts + [to_withdraw]:
        assert client.get(verify_path(client, receipt['commitment_no'])).json()["valid"] is True
        row = _row(initialised, receipt["commitment_no"])
        data = signed_bytes(initialised, row)
        public_key.verify(base64.b64decode(row["signature"]), data)
        assert sha256_hex(data) == row["record_hash"] == receipt["record_hash"]
    assert signed_payload(initialised, _row(initialised, receipts[1]["commitment_no"]))["proxy"]["id_number"] == LIU_YANG[1]
    assert signed_payload(initialised, _row(initialised, receipts[2]["commitment_no"]))["applicant"] == {
        "name": HAOWEI[0], "id_type": "uscc", "id_number": HAOWEI[1]
    }
    assert _chain(client) == {"valid": True, "length": 6, "problems": []}
    assert _cli_verify(initialised).returncode == 0
    # The names, the phone and the words as typed are the signed record's, in clear once opened.
    first = signed_payload(initialised, _row(initialised, receipts[0]["commitment_no"]))
    assert first["applicant"]["name"] == ZHANG_WEI[0] and first["phone"] == PHONE
    assert first["evidence"]["affirmation_text"] == "我張偉承诺"
    assert signed_payload(initialised, _row(initialised, receipts[2]["commitment_no"]))["representative"]["name"] == HAOWEI_REPRESENTATIVE
    assert signed_payload(initialised, _row(initialised, hotline.json()["commitment_no"]))["evidence"]["assisted"]["caller_phone"] == CALLER_PHONE

    # The readers that need the opened record still work: status by number + ID, the letter, disclosure.
    status = client.post("/api/v1/service/commitments/status", headers=service_headers(initialised),
                         json={"commitment_no": receipts[1]["commitment_no"], "id_number": ZHAO_QIANG[1],
                               **verified_as(client, ZHAO_QIANG)})
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
    result = client.get(verify_path(client, target))
    assert result.status_code == 200  # tamper is a finding, never a 500
    body = result.json()
    assert body["valid"] is False and body["checks"]["hash"] is False and body["checks"]["signature"] is False
    chain = client.get("/api/v1/chain/verify").json()
    assert chain["valid"] is False and target in {p["commitment_no"] for p in chain["problems"]}
    cli_run = _cli_verify(settings, "--receipt", target)
    assert cli_run.returncode == 1 and "INVALID" in cli_run.stdout
    # Other readers refuse clearly instead of a traceback.
    status = client.post("/api/v1/service/commitments/status", headers=service_headers(settings),
                         json={"commitment_no": target, "id_number": WANG_FANG[1], **verified_as(client, WANG_FANG)})
    assert status.status_code == 500 and status.json()["error"] == "record_unreadable"


def test_an_envelope_swapped_between_two_rows_is_detected(client, initialised, two_commitments):
    # P3 + P5: the envelope is bound to its row (associated data = the commitment number); a valid envelope
    # copied from another commitment does not open, so the record cannot be "re-pointed" at another person.
    first, second = (_row(initialised, r["commitment_no"]) for r in two_commitments)
    swapped = second["canonical"].replace(_envelope(second), _envelope(first))
    assert swapped != second["canonical"]
    execute_sql(initialised, "UPDATE commitments SET canonical = :c WHERE commitment_no = :n", c=swapped, n=second["commitment_no"])
    _assert_detected(client, initialised, second["commitment_no"])
    assert client.get(verify_path(client, first['commitment_no'])).json()["checks"]["hash"] is True


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


@pytest.mark.parametrize("where", [("applicant", "name"), ("phone",), ("evidence", "statement")])
def test_a_name_a_phone_or_a_statement_put_back_in_clear_is_detected(client, initialised, two_commitments, where):
    # The same for what names a person: their name, their number, and the statement that spells the name out.
    row = _row(initialised, two_commitments[1]["commitment_no"])
    envelope, clear_value = json.loads(row["canonical"]), signed_payload(initialised, row)
    for key in where:
        envelope, clear_value = envelope[key], clear_value[key]
    assert sealing.is_sealed(envelope) and WANG_FANG[0] in json.dumps(clear_value, ensure_ascii=False) or where == ("phone",)
    clear = row["canonical"].replace(json.dumps(envelope), json.dumps(clear_value, ensure_ascii=False))
    assert clear != row["canonical"]
    execute_sql(initialised, "UPDATE commitments SET canonical = :c WHERE commitment_no = :n", c=clear, n=row["commitment_no"])
    _assert_detected(client, initialised, row["commitment_no"])


# --- the file itself --------------------------------------------------------------------------------------------


def _database_bytes(settings) -> bytes:
    """Every byte SQLite keeps for the database: the file, its write-ahead log and the log's index."""
    path = Path(make_url(settings.database_url).database)
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def test_a_commitment_leaves_no_name_or_phone_in_clear_in_the_database(client, initialised, rasa):
    # What an intruder with a copy of the database sees after a day of commitments, a complaint with a number to
    # call back and a hotline call: on SQLite the raw bytes of the file (and its log), on PostgreSQL every row.
    staff = login(client, initialised, "demo_staff")
    commit(client, "ZM001", ZHANG_WEI, affirmation_text="我張偉承诺")
    commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    commit(client, "XK001", HAOWEI)
    hotline = client.post("/api/v1/commitments", json=hotline_commitment(client, staff, rasa))
    assert hotline.status_code == 201, hotline.text
    complaint = client.post(
        "/api/v1/service/complaints",
        headers=service_headers(initialised),
        json={"complaint_text": "举报承诺不实", "commitment_no": hotline.json()["commitment_no"], "phone": COMPLAINANT_PHONE,
              "channel": "rest", "sender_id": "citizen-3"},
    )
    assert complaint.status_code == 201, complaint.text

    if make_url(initialised.database_url).get_backend_name() == "sqlite":
        data = _database_bytes(initialised)
        assert b'"id_number":"gz1:' in data  # the file is readable as it is: what is not there is not there
        found = [name for name in NAMES if name.encode("utf-8") in data]
        found += [phone for phone in PHONES if phone.encode("ascii") in data]
        assert not found, found
    dumped = dump_database(initialised)
    assert not _clear_personal_in(dumped), _clear_personal_in(dumped)
    assert _chain(client) == {"valid": True, "length": 4, "problems": []}


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
            assert _chain(again) == {"valid": True, "length": 2, "problems": []}
            status = again.post("/api/v1/service/commitments/status", headers=service_headers(initialised),
                                json={"commitment_no": old["commitment_no"], "id_number": ZHANG_WEI[1],
                                      **verified_as(again, ZHANG_WEI)})
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


def _commitment_rows(settings) -> Dict[str, Dict[str, Any]]:
    return {r["commitment_no"]: r for r in rows(settings, "SELECT * FROM commitments")}


def _put_back_dropped_columns(settings, saved: Dict[str, Dict[str, Any]]) -> None:
    """A downgrade below 0011 drops the columns later revisions added (the SM2 signature, the affirmation's
    message id) and the upgrade adds them back empty: put their values back, as in a database that never went
    down, so that what is compared is the sealing alone."""
    for number, before in saved.items():
        now = _row(settings, number)
        lost = {k: v for k, v in before.items() if k in now and now[k] is None and v is not None}
        if lost:
            execute_sql(settings, "UPDATE commitments SET " + ", ".join(f"{k} = :{k}" for k in lost)
                        + " WHERE commitment_no = :commitment_no_", commitment_no_=number, **lost)


def _rerun_0012(settings) -> None:
    """Run 0012 alone once more, then mark the later revisions as applied: they create tables that exist."""
    command.upgrade(_alembic(settings), "0012_seal_names_phones")
    command.stamp(_alembic(settings), "heads")


def test_the_migration_seals_rows_stored_in_clear_and_masks_free_text(client, initialised):
    receipt = commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    number = receipt["commitment_no"]
    sealed_before = _row(initialised, number)["canonical"]
    saved = _commitment_rows(initialised)

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
    _put_back_dropped_columns(initialised, saved)
    resealed = _row(initialised, number)["canonical"]
    assert resealed != clear and resealed != sealed_before  # fresh nonces
    assert ZHAO_QIANG[1] not in resealed and LIU_YANG[1] not in resealed
    assert canonical_json(signed_payload(initialised, _row(initialised, number))) == clear.encode("utf-8")
    assert not _clear_numbers_in(dump_database(initialised))
    assert client.get(verify_path(client, number)).json()["valid"] is True
    assert _cli_verify(initialised).returncode == 0

    # The append-only trigger lifted for the masking is back.
    with pytest.raises(Exception, match="append-only"):
        execute_sql(initialised, "UPDATE commitment_events SET reason = 'x' WHERE reason LIKE '旧记录%'")
    # Running it again changes nothing (already sealed rows are skipped).
    command.downgrade(_alembic(initialised), "0011_sm2_signatures")
    command.upgrade(_alembic(initialised), "heads")
    again = _row(initialised, number)["canonical"]
    assert again != resealed  # the names went back to clear and were sealed again, with fresh nonces
    command.stamp(_alembic(initialised), "0011_sm2_signatures")  # 0012 runs over rows it already sealed
    _rerun_0012(initialised)
    assert _row(initialised, number)["canonical"] == again
    assert client.get("/api/v1/chain/verify").json()["valid"] is True


def test_the_migration_seals_names_and_phones_stored_before_it(client, initialised, rasa):
    # Records, complaints and hotline sessions written before names and phone numbers were sealed: 0012 seals
    # them, the records keep verifying, and nothing of the clear values is left in the file.
    staff = login(client, initialised, "demo_staff")
    proxy = commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    enterprise = commit(client, "XK001", HAOWEI)
    hotline = client.post("/api/v1/commitments", json=hotline_commitment(client, staff, rasa))
    assert hotline.status_code == 201, hotline.text
    ticket = client.post(
        "/api/v1/service/complaints",
        headers=service_headers(initialised),
        json={"complaint_text": "举报", "commitment_no": proxy["commitment_no"], "phone": COMPLAINANT_PHONE,
              "channel": "rest", "sender_id": "citizen-4"},
    ).json()["ticket_no"]
    numbers = [r["commitment_no"] for r in (proxy, enterprise, hotline.json())]
    names, phones = [ZHAO_QIANG[0], LIU_YANG[0], HAOWEI_REPRESENTATIVE], [REGISTERED_PHONES[LIU_YANG[1]], PHONE]

    # Back to how the database looked before 0012: names and phone numbers in clear, ID numbers still sealed.
    command.downgrade(_alembic(initialised), "0011_sm2_signatures")
    before = {n: _row(initialised, n)["canonical"] for n in numbers}
    assert all(name in before[numbers[0]] for name in (ZHAO_QIANG[0], LIU_YANG[0]))
    assert HAOWEI_REPRESENTATIVE in before[numbers[1]] and CALLER_PHONE in before[numbers[2]]
    assert ZHAO_QIANG[1] not in before[numbers[0]] and '"id_number":"gz1:' in before[numbers[0]]
    assert rows(initialised, "SELECT phone FROM complaints")[0]["phone"] == COMPLAINANT_PHONE
    assert rows(initialised, "SELECT caller_phone FROM hotline_sessions")[0]["caller_phone"] == CALLER_PHONE
    assert _clear_personal_in(dump_database(initialised), names, phones + [COMPLAINANT_PHONE, CALLER_PHONE])

    assert cli.migrate(initialised) == 0  # upgrade heads: 0012 seals
    after = {n: _row(initialised, n) for n in numbers}
    for number in numbers:
        assert sha256_hex(signed_bytes(initialised, after[number])) == after[number]["record_hash"]
        assert client.get(verify_path(client, number)).json()["valid"] is True
    assert _chain(client) == {"valid": True, "length": 3, "problems": []}
    assert _cli_verify(initialised).returncode == 0
    assert not _clear_personal_in(dump_database(initialised), names, phones + [COMPLAINANT_PHONE, CALLER_PHONE])
    # The readers open them again: the officer's ticket, the staff member's session (masked), the letter.
    officer = login(client, initialised, "demo_officer")
    assert client.get(f"/api/v1/complaints/{ticket}", headers=officer).json()["phone"] == COMPLAINANT_PHONE
    sessions = client.get("/api/v1/hotline/sessions", headers=staff).json()
    assert [s["caller_phone_masked"] for s in sessions] == ["139****5678"]
    zhao = applicant_headers(client, ZHAO_QIANG)
    assert client.get(f"/api/v1/commitments/{numbers[0]}/letter.pdf", headers=zhao).status_code == 200

    if make_url(initialised.database_url).get_backend_name() == "sqlite":
        # The rows were rewritten; what they held before is zeroed (secure_delete), once the log is folded in.
        engine = create_engine(initialised.database_url)
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        data = _database_bytes(initialised)
        found = [n for n in names if n.encode("utf-8") in data] + [p for p in phones if p.encode("ascii") in data]
        assert not found, found

    # Running it again over sealed rows changes nothing.
    sealed_now = {n: _row(initialised, n)["canonical"] for n in numbers}
    command.stamp(_alembic(initialised), "0011_sm2_signatures")
    _rerun_0012(initialised)
    assert {n: _row(initialised, n)["canonical"] for n in numbers} == sealed_now


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


def test_names_phones_and_the_strings_that_mention_them_are_sealed():
    ring = sealing.KeyRing.parse(sealing.KeyRing.new_line("k1"))
    aad = sealed.aad_for("CN20261127-000009")
    statement = "本人刘洋受赵强特别授权，代为承诺：……"
    payload = {
        "item": {"code": "ZM001", "name": "公共租赁住房资格申请"},
        "applicant": {"name": "赵强", "id_type": "resident_id", "id_number": ZHAO_QIANG[1]},
        "proxy": {"name": "刘洋", "id_number": LIU_YANG[1], "authorization_no": "SQWT-1", "special_authorization": True},
        "phone": "13912345678",
        "evidence": {
            "statement": statement,
            "affirmation_text": "我受趙強特别授权，代为承诺",  # the name in traditional characters
            "channel_evidence": {"affirmation": {"text": "我受趙強特别授权，代为承诺", "sender": "rest-1"}},
            "note": "回拨 139-1234-5678",  # the number written in groups
            "channel": "rest",
            "assisted": {"caller_phone": "0371-67188888", "read_aloud": [{"index": 1, "at": "2026-11-27T10:00:00+08:00"}]},
        },
        "seq": 1,
    }
    stored = sealed.sealed_text(payload, ring, aad)
    for clear in ("赵强", "趙強", "刘洋", "13912345678", "1234-5678", "67188888", ZHAO_QIANG[1], LIU_YANG[1]):
        assert clear not in stored, clear
    # What names no one stays readable: the item, the channel, the times, the sender id.
    for kept in ('"name":"公共租赁住房资格申请"', '"channel":"rest"', '"sender":"rest-1"', '"authorization_no":"SQWT-1"',
                 '"at":"2026-11-27T10:00:00+08:00"', '"special_authorization":true'):
        assert kept in stored, kept
    assert sealed.open_payload(stored, ring, aad) == payload
    # Sealing the stored form again changes nothing (the migration skips sealed rows).
    assert sealed.seal_payload(json.loads(stored), ring, aad) == json.loads(stored)
    # The stored form between 0008 and 0012: the IDs only.
    ids_only = canonical_json(sealed.seal_ids(payload, ring, aad)).decode("utf-8")
    assert "赵强" in ids_only and ZHAO_QIANG[1] not in ids_only
    with pytest.raises(sealing.SealingError, match="name or phone"):
        sealed.open_payload(ids_only, ring, aad)
    assert sealed.open_all(json.loads(ids_only), ring, aad) == payload


def test_json_evidence_and_corrections_are_masked():
    from api.personal_text import mask_ids_in

    evidence = [{"source": "housing_ownership", "finding": f"{WANG_FANG[1]} 名下住房 1 套", "count": 1}]
    assert mask_ids_in(evidence) == [{"source": "housing_ownership", "finding": "4101**********4566 名下住房 1 套", "count": 1}]
