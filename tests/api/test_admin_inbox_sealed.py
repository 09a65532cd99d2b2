"""The admin inbox opens the tracker store's sealed events (P5, api/admin/inbox.py, bot/rasa/tracker_store.py).

Rows are written as Rasa's SQL tracker store writes them: sealed with the shared data key ring and the sender as
associated data, or clear JSON for rows from before encryption at rest."""
from __future__ import annotations

import json
import logging

from sqlalchemy import create_engine, text

from api.admin import inbox
from bot.core import sealing
from bot.rasa.tracker_store import seal_event_data


def user_event(text_: str, intent: str, confidence: float) -> str:
    parse = {"text": text_, "intent": {"name": intent, "confidence": confidence},
             "intent_ranking": [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.1}]}
    return json.dumps({"event": "user", "timestamp": 1_800_000_000.0, "text": text_, "parse_data": parse})


def test_the_inbox_lists_sealed_and_clear_rows_and_leaves_out_rows_that_do_not_open(tmp_path, caplog):  # P5
    key = tmp_path / "data.key"
    ring = sealing.load_or_create(key)
    engine = create_engine(f"sqlite:///{tmp_path / 'rasa_tracker.db'}")
    rows = [
        ("s1", seal_event_data(user_event("阿拉来咨询一下", "greet", 0.41), "s1", ring)),  # sealed, unsure
        ("s2", user_event("瞅瞅", "nlu_fallback", 0.45)),  # written before encryption: clear JSON
        ("s3", seal_event_data(user_event("别人的话", "greet", 0.2), "s4", ring)),  # moved to another conversation
        ("s5", seal_event_data(user_event("被改过", "greet", 0.2), "s5", ring)[:-4] + "AAAA"),  # altered
    ]
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
                                "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
                                "action_name VARCHAR(255), data TEXT)"))
        for sender, data in rows:
            connection.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                                    "VALUES (:s, 'user', 1800000000.0, :d)"), {"s": sender, "d": data})
    with caplog.at_level(logging.WARNING):
        entries = inbox.scan(engine, limit=100, threshold=0.6, resolved=set(), key_path=key)
    assert sorted((e["text"], e["reasons"][0]) for e in entries) == [("瞅瞅", "nlu_fallback"),
                                                                      ("阿拉来咨询一下", "low_confidence")]
    assert "2 tracker event(s) did not open" in caplog.text
    engine.dispose()


def test_the_kernel_and_the_tracker_store_seal_and_open_rows_alike(tmp_path):  # P5: one definition of a sealed row
    from bot.core import tracker_events
    from bot.rasa import tracker_store

    ring = sealing.load_or_create(tmp_path / "data.key")
    event = user_event("我想办低保", "describe_need", 0.97)
    by_rasa = tracker_store.seal_event_data(event, "s1", ring)
    by_kernel = tracker_events.seal_event_data(event, "s1", ring)
    assert by_rasa != event and by_kernel != event
    assert tracker_events.open_event_data(by_rasa, "s1", ring) == event
    assert tracker_store.open_event_data(by_kernel, "s1", ring) == event
    assert tracker_events.open_event_data(event, "s1", ring) == event  # written before encryption at rest
    for sealed in (by_rasa, by_kernel):
        try:
            tracker_events.open_event_data(sealed, "s2", ring)
        except sealing.SealingError:
            pass
        else:
            raise AssertionError("a row moved to another conversation opened")
