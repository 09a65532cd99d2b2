"""The load generator's places (bench/load.py ``run_level``): N conversations talk to the servers at once, and a
citizen reading the notice gives its place to another conversation meanwhile."""
from __future__ import annotations

import asyncio
import time
from typing import List, Tuple

from bench import load


def _run(concurrency: int, conversations: int, reading: float, monkeypatch,
         notice: bool = True) -> Tuple[load.LevelResult, List, int]:
    monkeypatch.setenv(load.READING_ENV, str(reading))
    timeline: List[Tuple[float, str, int]] = []
    talking = {"now": 0, "most": 0}

    async def journey(c: load.Conversation) -> None:
        number = int(c.sender.rsplit("-", 1)[1])

        async def talk(turns: int) -> None:
            # Stands for turns sent to the servers: what a place is for.
            talking["now"] += 1
            talking["most"] = max(talking["most"], talking["now"])
            await asyncio.sleep(0.02 * turns)
            talking["now"] -= 1

        timeline.append((time.monotonic(), "start", number))
        await talk(2)
        if notice:
            c.notice_arrived = time.monotonic()
        await c.read_notice()
        timeline.append((time.monotonic(), "read", number))
        await talk(2)
        timeline.append((time.monotonic(), "end", number))

    result = asyncio.run(load.run_level("http://127.0.0.1:9/unused", journey, "t", concurrency, conversations))
    return result, timeline, talking["most"]


def test_a_reading_citizen_gives_its_place_to_the_next_conversation(monkeypatch):
    result, timeline, most = _run(concurrency=1, conversations=3, reading=0.3, monkeypatch=monkeypatch)
    assert result.completed == 3 and result.errors == 0
    assert most == 1  # never more than the level's places talk at once
    at = {(kind, number): when for when, kind, number in timeline}
    # The second conversation starts while the first reads, not after it has ended.
    assert at[("start", 1)] < at[("read", 0)]
    assert result.reading_s >= 3 * 0.3


def test_the_places_bound_the_conversations_that_talk(monkeypatch):
    result, _, most = _run(concurrency=3, conversations=12, reading=0.1, monkeypatch=monkeypatch)
    assert result.completed == 12
    assert most == 3


def test_a_conversation_that_reads_nothing_keeps_its_place_to_the_end(monkeypatch):
    result, timeline, most = _run(concurrency=1, conversations=2, reading=0.3, monkeypatch=monkeypatch,
                                  notice=False)
    assert result.completed == 2 and most == 1
    at = {(kind, number): when for when, kind, number in timeline}
    assert at[("end", 0)] <= at[("start", 1)]
