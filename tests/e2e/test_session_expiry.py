"""Conversation sessions expire (domain.yml session_config): a journey can be resumed for a day; after a
day of silence a new session starts, the answers given so far are carried over, but nothing left open yesterday
can be committed today without the notice being read and affirmed again (R6, R7).

The day is made to pass by moving the conversation's stored events back in time in the tracker store (the
``timestamp`` column and the event JSON Rasa reads them from), SQLite or PostgreSQL alike.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.rasa.tracker_store import key_ring, open_event_data, seal_event_data
from tests.e2e.test_journey import PHONES, ZHANG_WEI, affirm, read_notice, to_identity, to_notice, verify_identity

pytestmark = pytest.mark.e2e


def move_back(stack, sender: str, hours: float) -> None:
    url = stack.config.api_env()["GZ_TRACKER_DB_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    ring = key_ring(Path(stack.config.api_env()["GZ_DATA_KEY_PATH"]))  # the events are sealed at rest (P5)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as db:
            rows = db.execute(sa.text("SELECT id, timestamp, data FROM events WHERE sender_id = :s"), {"s": sender}).all()
            assert rows
            for row in rows:
                data = json.loads(open_event_data(row.data, sender, ring))
                data["timestamp"] = data["timestamp"] - hours * 3600
                db.execute(sa.text("UPDATE events SET timestamp = :t, data = :d WHERE id = :i"),
                           {"t": row.timestamp - hours * 3600, "d": seal_event_data(json.dumps(data), sender, ring),
                            "i": row.id})
    finally:
        engine.dispose()


def test_a_journey_resumes_within_a_day(chat, stack):  # P4
    c = chat()
    read_notice(c, to_notice(c, "公租房", "ZM001"), "ZM001")
    move_back(stack, c.sender, hours=23)
    assert c.one(affirm(c), "commitment_receipt")["item_code"] == "ZM001"


def test_after_a_day_a_new_session_keeps_the_answers_but_commits_nothing(chat, stack):  # P4 R6 R7
    c = chat()
    read_notice(c, to_notice(c, "公租房", "ZM001"), "ZM001")
    move_back(stack, c.sender, hours=25)
    msgs = c.say("本人承诺")
    assert not c.customs(msgs, "commitment_receipt")
    assert msgs and all(m.text.strip() for m in msgs)
    slots = c.tracker_slots()
    assert slots["applicant_name"] == "张伟" and slots["applicant_id"] == "410105199001011233"  # carried over
    # Starting again works as on the first day: the notice is read again and affirmed again. Who acts is
    # proven again unless the API still vouches for the code typed in this conversation (its own clock decides,
    # not the conversation's: identity_session_seconds).
    to_identity(c, "公租房", "ZM001")
    c.say(ZHANG_WEI[0])
    msgs = c.say(ZHANG_WEI[1])
    if c.last_ask(msgs)["slot"] == "identity_code":
        msgs = verify_identity(c, msgs, PHONES[ZHANG_WEI[1]])
    assert c.last_ask(msgs)["slot"] == "phone"
    read_notice(c, c.say(PHONES[ZHANG_WEI[1]]), "ZM001")
    assert c.one(affirm(c), "commitment_receipt")["item_code"] == "ZM001"
