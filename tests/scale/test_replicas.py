"""Two Rasa servers and two action servers sharing the stores, 50 conversations at once (P4).

The session's stack (tests/conftest.py) is the first replica pair: Rasa ``rasa`` → action server ``actions``.
This module adds ``rasa2`` → ``actions2`` on other ports, with the same PostgreSQL tracker store, the same Redis
lock store and the same API. Each conversation's turns alternate between the two Rasa servers (so between the two
action servers too): a turn must find everything the previous one stored on the other replica.

Scale profile only: the embedded profile's SQLite tracker store and in-memory lock store belong to one process.
"""
from __future__ import annotations

import asyncio
import os
import uuid

import httpx
import pytest

from bot.core.catalogue import load_catalogue
from tests.conftest import free_port
from tests.e2e.contract import check_contract
from tests.e2e.outbox import outbox_path
from tests.scale.journey import (
    LOCK_TROUBLE,
    Citizen,
    commitment_journey,
    log_lines_since,
    log_offsets,
    tracker_turns,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("GZ_PROFILE") != "scale",
        reason="replicas share a PostgreSQL tracker store and a Redis lock store: scale profile only (GZ_PROFILE=scale)",
    ),
]

CONVERSATIONS = 50


@pytest.fixture(scope="module")
def replicas(stack):
    """A second action server and a second Rasa server (pointing at it) beside the session's stack."""
    rasa2_port, actions2_port = free_port(), free_port()
    stack.start_actions(port=actions2_port, name="actions2")
    stack.wait_ready("actions2")
    stack.start_rasa(port=rasa2_port, name="rasa2", action_port=actions2_port)
    try:
        stack.wait_ready("rasa2", timeout=300)
        yield [stack.config.rasa_url, f"http://127.0.0.1:{rasa2_port}"]
    finally:
        stack.stop("rasa2")
        stack.stop("actions2")


def chain(stack) -> dict:
    return httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=60).json()


def test_fifty_conversations_alternating_between_two_replicas(stack, replicas):  # P3 P4 contract rules 1-5
    offsets = log_offsets(stack.logs)
    before = chain(stack)
    assert before["valid"] is True
    run = uuid.uuid4().hex[:6]

    async def drive():
        limits = httpx.Limits(max_connections=2 * CONVERSATIONS, max_keepalive_connections=2 * CONVERSATIONS)
        async with httpx.AsyncClient(timeout=180, limits=limits) as http:
            citizens = [
                # Conversation i starts on replica i % 2 and then changes replica at every turn.
                Citizen(http, f"replica-{run}-{i}", route=lambda k, i=i: replicas[(i + k) % 2], outbox=outbox_path(stack))
                for i in range(CONVERSATIONS)
            ]
            outcomes = await asyncio.gather(*(commitment_journey(c) for c in citizens), return_exceptions=True)
            return citizens, outcomes

    citizens, outcomes = asyncio.run(drive())
    failed = [(c.sender, repr(o)) for c, o in zip(citizens, outcomes) if isinstance(o, BaseException)]
    assert not failed, f"{len(failed)} conversations did not complete: {failed[:5]}"

    # Every turn really alternated, and both replicas served every conversation.
    for c in citizens:
        assert all(a.rasa_url != b.rasa_url for a, b in zip(c.turns, c.turns[1:]))

    proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
    token = stack.config.rasa_token()
    with httpx.Client(timeout=60) as http:
        for n, c in enumerate(citizens):
            # Contract rules 1-5 on what the citizen saw (rule 3 verifies the receipt against the API).
            check_contract(c.transcript, stack.config.api_url, proxy_items)
            # The stored events, read back through the *other* replica than the last turn used: every user
            # message once, in the order sent, each followed by exactly the bot messages that turn answered.
            reader = replicas[(n + 1) % 2]
            events = http.get(f"{reader}/conversations/{c.sender}/tracker", params={"token": token}).json()["events"]
            stamps = [e["timestamp"] for e in events]
            assert stamps == sorted(stamps), f"{c.sender}: events out of order"
            stored = tracker_turns(events)
            assert [u for u, _ in stored] == [t.user for t in c.turns], f"{c.sender}: user messages lost or reordered"
            for (user, bot_texts), turn in zip(stored, c.turns):
                answered = [r["text"] for r in turn.replies if "text" in r]
                assert bot_texts == answered, f"{c.sender}: stored replies to {user!r} differ from what was answered"

    # Exactly one commitment per conversation: 50 distinct receipts, the chain grew by 50 and still verifies.
    numbers = {c.receipt["commitment_no"] for c in citizens}
    assert len(numbers) == CONVERSATIONS
    after = chain(stack)
    assert after["valid"] is True
    assert after["length"] - before["length"] == CONVERSATIONS

    # No lock trouble (Redis lock store) and no crash in any of the four servers while they shared the stores.
    written = log_lines_since(stack.logs, offsets)
    for name in ("rasa.log", "rasa2.log", "actions.log", "actions2.log"):
        trouble = [line for line in written.get(name, []) if LOCK_TROUBLE.search(line) or "Traceback" in line]
        assert not trouble, f"{name}: {trouble[:5]}"
