"""Rasa's tracker store keeps no ID number or phone number in clear (P5, bot/rasa/tracker_store.py), in both profiles.

A full commitment journey is typed over REST with the demo identity; then the tracker database is read raw - every
column of every row and, in the embedded profile, the SQLite file and its WAL byte for byte - and neither the ID
number nor the phone number appears. The conversation still reads (Rasa's HTTP API, the admin inbox), and a
stored event altered on disk fails the turn with ``service_error`` instead of starting a new conversation.
"""
from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from bot.core.sealing import is_sealed
from tests.e2e.staff import staff_headers
from tests.e2e.test_journey import ZHANG_WEI, affirm, read_notice, to_identity, to_notice

pytestmark = pytest.mark.e2e

PHONE = "13800138000"
NAME_AS_STORED = json.dumps(ZHANG_WEI[0])[1:-1]  # Rasa's JSON escapes Chinese: "\u5f20\u4f1f"
A_NAME = re.compile(r"^[a-z][a-z0-9_]*$")  # an intent, action, form or slot name - never a value


def tracker_db(stack) -> sa.engine.Engine:
    url = stack.config.api_env()["GZ_TRACKER_DB_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    return sa.create_engine(url)


def rows_of(engine, sender=None):
    query = "SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data FROM events"
    with engine.connect() as db:
        if sender is None:
            return db.execute(sa.text(query)).all()
        return db.execute(sa.text(query + " WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()


def test_a_full_journey_leaves_no_id_or_phone_in_clear_in_the_tracker_store(chat, stack):  # P5
    c = chat()
    request = read_notice(c, to_notice(c, "公租房", "ZM001", who=ZHANG_WEI, phone=PHONE), "ZM001")
    assert request["statement"].startswith("本人张伟")
    assert c.one(affirm(c), "commitment_receipt")["item_code"] == "ZM001"
    misunderstood = f"qwertyuiop{uuid.uuid4().hex[:6]}"  # the model cannot place it
    c.say(misunderstood)
    # Followed by "转人工", the message is listed whatever confidence the model happened to give the nonsense
    # (a random suffix once scored above the inbox threshold): the inbox lists what preceded a hand-off.
    c.say("转人工")

    engine = tracker_db(stack)
    try:
        mine = rows_of(engine, c.sender)
        assert len(mine) > 30 and {"user", "bot", "slot"} <= {r.type_name for r in mine}
        assert all(is_sealed(r.data) for r in mine)
        # Every row of the store (all conversations of this run), every column, as the database returns it.
        everything = repr(rows_of(engine))
        for secret in (ZHANG_WEI[1], PHONE, NAME_AS_STORED):
            assert secret not in everything
        # The clear columns hold names only: the slot events name applicant_id and phone, not their values.
        assert all(A_NAME.match(v) for r in mine for v in (r.intent_name, r.action_name) if v)
        assert {"applicant_id", "phone"} <= {r.action_name for r in mine if r.type_name == "slot"}
    finally:
        engine.dispose()
    if stack.config.profile != "scale":  # the file itself, free pages and the write-ahead log included
        files = list(Path(stack.config.var_dir).glob("rasa_tracker.db*"))
        assert files
        for path in files:
            raw = path.read_bytes()
            assert ZHANG_WEI[1].encode() not in raw and PHONE.encode() not in raw, path

    # The conversation still reads: Rasa opens what it sealed (the journey cleared its slots after the receipt).
    tracker = httpx.get(f"{stack.config.rasa_url}/conversations/{c.sender}/tracker",
                        params={"token": stack.config.rasa_token()}, timeout=30).json()
    typed = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    assert ZHANG_WEI[1] in typed and PHONE in typed and typed[-2:] == [misunderstood, "转人工"]
    # The admin inbox (the API reads the events table itself) opens the rows with the same key ring.
    inbox = httpx.get(f"{stack.config.api_url}/api/v1/admin/inbox", headers=staff_headers(stack, "admin"), timeout=60)
    assert inbox.status_code == 200, inbox.text
    entries = {e["text"]: e for e in inbox.json()["entries"]}
    assert {"nlu_fallback", "low_confidence", "handoff"} & set(entries[misunderstood]["reasons"])
    assert not any(ZHANG_WEI[1] in t or PHONE in t for t in entries)


def test_an_event_altered_on_disk_fails_the_turn_and_the_journey_continues_once_restored(stack):  # P5 P4
    sender = f"e2e-tamper-{uuid.uuid4().hex[:8]}"
    url = f"{stack.config.rasa_url}/webhooks/rest/webhook"

    def say(text: str):
        response = httpx.post(url, json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return [m["custom"] for m in response.json() if "custom" in m]

    class Chat:  # to_identity's view of a conversation, without the contract checker (service_error is expected)
        @staticmethod
        def say(text):
            return say(text)

        @staticmethod
        def one(customs, stage):
            found = [m for m in customs if m.get("stage") == stage]
            assert len(found) == 1, customs
            return found[0]

        @staticmethod
        def last_ask(customs):
            return [m for m in customs if m.get("stage") == "ask"][-1]

    assert Chat.last_ask(to_identity(Chat, "公租房", "ZM001"))["slot"] == "applicant_name"
    assert Chat.last_ask(say(ZHANG_WEI[0]))["slot"] == "applicant_id"

    engine = tracker_db(stack)
    try:
        stored = rows_of(engine, sender)
        row = [r for r in stored if r.type_name == "user"][-1]
        altered = row.data[:-6] + ("A" if row.data[-6] != "A" else "B") + row.data[-5:]
        with engine.begin() as db:
            db.execute(sa.text("UPDATE events SET data = :d WHERE id = :i"), {"d": altered, "i": row.id})
        customs = say(ZHANG_WEI[1])
        assert [m["stage"] for m in customs] == ["service_error"]  # not a greeting of a new, empty conversation
        assert len(rows_of(engine, sender)) == len(stored)  # the failed turn stored nothing
        with engine.begin() as db:
            db.execute(sa.text("UPDATE events SET data = :d WHERE id = :i"), {"d": row.data, "i": row.id})
    finally:
        engine.dispose()
    # The citizen sends the message again and the journey goes on where it was.
    assert Chat.last_ask(say(ZHANG_WEI[1]))["slot"] == "identity_code"
