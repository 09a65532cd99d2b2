"""The supervised stack heals itself (bot/tools/stack.py ``Supervisor``, what ``make up`` runs): each of the three
servers is SIGKILLed in the middle of a journey, the supervisor starts it again, and the same conversation goes
on to its receipt - exactly one commitment for it, whose receipt verifies with its check code.

The stack is this module's own: killing servers under the session's shared stack would disturb other tests, and
its supervisor would fight test_resilience.py, which restarts servers by hand.

Where the kill lands: the API and the action server die after the notice was read and before the affirmation;
Rasa dies after the notice was delivered and before "已阅读", so that the deliveries waiting in its memory
(bot/channels/evidence_ledger.py, embedded profile) are lost with it. The bot must then send the missing
sections again rather than take "已阅读" without evidence of them.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import httpx
import pytest

from bot.tools.stack import Stack, StackConfig, Supervisor
from tests.conftest import environment, free_port
from tests.e2e.conftest import Chat
from tests.e2e.contract import check_contract
from tests.e2e.limits import MACHINE_SPEED
from tests.e2e.test_journey import affirm, read_notice, to_notice

pytestmark = pytest.mark.e2e

# Seconds a killed server may take to serve again: the pause before the restart plus the start (Rasa loads the
# model, which takes longest).
COMEBACK_SECONDS = 240


@pytest.fixture(scope="module")
def healing(tmp_path_factory) -> Iterator[Tuple[Stack, Supervisor, Dict[str, float]]]:
    from bot.tools.model import ensure_model
    from tests.conftest import build_artefacts

    build_artefacts()
    model = ensure_model()
    var_dir = Path(tmp_path_factory.mktemp("var-healing"))
    config = StackConfig(var_dir=var_dir, rasa_port=free_port(), action_port=free_port(), api_port=free_port())
    if config.profile != "embedded":
        pytest.skip("the self-healing journey runs on the embedded profile (its own SQLite files)")
    with environment(MACHINE_SPEED):
        stack = Stack(config, model)
        stack.prepare()
        stack.start_all()
        supervisor = stack.supervisor(echo=False)
        outcome: List[str] = []
        thread = threading.Thread(target=lambda: outcome.append(supervisor.run()), daemon=True)
        thread.start()
        took: Dict[str, float] = {}
        try:
            yield stack, supervisor, took
        finally:
            supervisor.request_stop()
            thread.join(60)
            stack.stop_all()
            if took:
                print("\nkill -> serving again: " + ", ".join(f"{n} {s:.1f} s" for n, s in took.items()))
    assert outcome == ["stopped"], outcome  # it never gave up


def kill_and_await_comeback(stack: Stack, supervisor: Supervisor, server: str) -> float:
    """SIGKILL ``server`` (no chance to clean up), then wait for the supervisor to report it serving again."""
    victim = stack.procs[server]
    before = len(supervisor.restarts)
    os.kill(victim.pid, signal.SIGKILL)
    killed = time.monotonic()
    deadline = killed + COMEBACK_SECONDS
    while not [n for n, _ in supervisor.restarts[before:] if n == server]:
        assert time.monotonic() < deadline, f"{server} was not restarted: {supervisor_log(stack)}"
        time.sleep(0.2)
    assert victim.returncode == -signal.SIGKILL
    assert stack.procs[server] is not victim and stack.procs[server].poll() is None
    return time.monotonic() - killed


def supervisor_log(stack: Stack) -> str:
    path = stack.logs / "supervisor.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def commitments_of(stack: Stack, sender: str) -> List[str]:
    """The commitment numbers the API's database holds for this conversation (read-only)."""
    db = stack.config.api_db_path or stack.config.var_dir / "api.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT commitment_no FROM commitments WHERE sender_id = ?", (sender,)).fetchall()
    return [row[0] for row in rows]


def chain(stack: Stack) -> Dict:
    return httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=30).json()


def redelivered_after_restart(c: Chat, msgs) -> Dict:
    """"已阅读" after Rasa lost the pending deliveries: not taken; the sections are sent again; read, then taken."""
    ask = c.last_ask(msgs)
    assert ask["slot"] == "notice_ack" and ask.get("error") == "notice_undelivered", [m.text for m in msgs]
    assert not c.customs(msgs, "affirmation_request")
    sections = c.customs(msgs, "notice_section")
    assert sections and [s["index"] for s in sections] == sorted({s["index"] for s in sections})
    msgs = c.say("已阅读")
    return c.one(msgs, "affirmation_request")


@pytest.mark.parametrize("server", ["api", "actions", "rasa"])
def test_a_server_killed_mid_journey_comes_back_and_the_journey_ends_in_one_receipt(healing, catalogue, server):
    stack, supervisor, took = healing
    c = Chat(stack, f"e2e-heal-{server}-{uuid.uuid4().hex[:8]}")
    length_before = chain(stack)["length"]
    msgs = to_notice(c, "我在郑州没有房子，想申请公租房", "ZM001")
    if server == "rasa":
        took[server] = kill_and_await_comeback(stack, supervisor, server)
        request = redelivered_after_restart(c, c.say("已阅读"))
    else:
        request = read_notice(c, msgs, "ZM001")
        took[server] = kill_and_await_comeback(stack, supervisor, server)
    assert request["statement"].startswith("本人张伟")
    receipt = c.one(affirm(c), "commitment_receipt")
    assert receipt["item_code"] == "ZM001" and receipt["notice_version"] == request["notice_version"]

    # The receipt verifies with the check code printed on it.
    assert f"code={receipt['check_code']}" in receipt["verify_url"]
    assert httpx.get(receipt["verify_url"], timeout=30).json()["valid"] is True
    # Nothing lost, nothing twice: one commitment for this conversation, one more link in a chain that verifies.
    assert commitments_of(stack, c.sender) == [receipt["commitment_no"]]
    after = chain(stack)
    assert after["valid"] is True and after["length"] == length_before + 1
    # Saying it again after the restart records nothing new either.
    msgs = c.say("本人承诺")
    assert not c.customs(msgs, "commitment_receipt")
    assert commitments_of(stack, c.sender) == [receipt["commitment_no"]]

    asked = [m.custom.get("slot") for m in c.transcript.bot_messages() if m.stage == "ask"]
    assert asked.count("applicant_name") == 1 and asked.count("applicant_id") == 1  # nothing asked twice
    assert asked.count("identity_code") == 1
    log = supervisor_log(stack)
    assert f"supervisor: {server} killed by SIGKILL" in log and f"supervisor: {server} restarted" in log
    check_contract(c.transcript, stack.config.api_url, {code: item.proxy_allowed for code, item in catalogue.items()})
