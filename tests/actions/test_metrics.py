"""``GET /metrics`` on the action server: its own bearer token (never the action secret), and the turns, their
latency and the notice-delivery failures counted from real action calls over HTTP - the real application
(actions/server.py create_app) in this process with the API faked, and the real entry point in a subprocess with
two Sanic workers whose counts every scrape must merge."""
from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import time
from pathlib import Path
from typing import Any, Dict, Optional

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from actions import metrics
from actions.server import SECRET_HEADER, create_app
from tests.actions.test_channel_evidence import SENDER, delivered, turn
from tests.actions.test_journey import offline_backend  # noqa: F401 (fixture: the API, faked)
from bot.tools.stack import RASA_PY, ROOT
from tests.conftest import free_port

SECRET = "s" * 40
TOKEN = "metrics-token-for-the-action-tests-0123456789"


def value(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return 0.0


def call(tracker, action: str = "validate_commitment_form") -> Dict[str, Any]:
    return {"next_action": action, "sender_id": tracker.sender_id, "tracker": tracker.current_state(), "domain": {},
            "version": "3.6.2"}


@pytest.fixture
async def server(monkeypatch):
    """The action server's real Sanic application on a loopback port of this test's event loop."""
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)  # several tests build the same app name
    app = create_app(SECRET.encode(), "actions", metrics_token=TOKEN)
    port = free_port()
    running = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await running.startup()
    await running.before_start()
    await running.after_start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        await running.before_stop()
        await running.close()
        await running.after_stop()


async def scrape(client: httpx.AsyncClient) -> str:
    answer = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return answer.text


async def test_metrics_need_the_metrics_token_and_nothing_else_opens_them(server):
    assert (await server.get("/metrics")).status_code == 401
    assert (await server.get("/metrics", headers={SECRET_HEADER: SECRET})).status_code == 401
    assert (await server.get("/metrics", headers={"Authorization": f"Bearer {SECRET}"})).status_code == 401
    assert (await server.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"})).status_code == 401
    assert (await server.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}x"})).status_code == 401
    assert (await server.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200
    # The metrics token runs no action: the webhook still wants the action secret.
    webhook = await server.post("/webhook", json={}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert webhook.status_code == 401


async def test_a_turn_with_a_notice_not_wholly_delivered_is_counted_by_channel(server, offline_backend):
    before = await scrape(server)
    tracker = turn("notice_ack", "已阅读", channel="socketio", slots={"notice_deliveries": delivered([1, 2, 4, 6, 7])})
    answer = await server.post("/webhook", json=call(tracker), headers={SECRET_HEADER: SECRET})
    assert answer.status_code == 200, answer.text
    assert answer.json()["responses"][-1]["custom"]["error"] == "notice_undelivered"
    # The same message's next call (a form validated again in the same turn) is no new turn.
    again = await server.post("/webhook", json=call(tracker), headers={SECRET_HEADER: SECRET})
    assert again.status_code == 200
    after = await scrape(server)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("gz_action_turns_total", channel="socketio") == 1
    assert moved("gz_action_duration_seconds_count", channel="socketio") == 2
    assert moved("gz_action_calls_total", channel="socketio", action="validate_commitment_form", outcome="ok") == 2
    assert moved("gz_notice_delivery_failures_total", channel="socketio", found_by="journey") == 2
    assert moved("gz_notice_delivery_failures_total", channel="socketio", found_by="api") == 0

    for secret in (SENDER, "410105199001011233", "张伟", "13800138000", "已阅读"):
        assert secret not in after
    for family in text_string_to_metric_families(after):
        for s in family.samples:
            for label in s.labels.values():
                assert re.fullmatch(r"[A-Za-z0-9_.+]{0,32}", label), (s.name, label)


async def test_the_apis_refusal_for_an_undelivered_notice_is_counted_as_found_by_the_api(server, offline_backend):
    from actions import journey
    from tests.actions.conftest import ACT_CODE
    from tests.actions.test_channel_evidence import affirmation_turn
    from tests.actions.test_journey import run, then

    offline_backend.refuse["submit"] = (422, "notice_undelivered", "渠道记录显示告知书还有部分未送达。")
    said = affirmation_turn()
    _, events = await run(journey.ValidateCommitmentForm(), said)  # "本人承诺": the act code is sent
    confirming = then(said, events, ACT_CODE)  # the code typed back: the turn that submits
    before = await scrape(server)
    answer = await server.post("/webhook", json=call(confirming), headers={SECRET_HEADER: SECRET})
    assert answer.status_code == 200, answer.text
    assert len(offline_backend["submit"]) == 1
    assert answer.json()["responses"][-1]["custom"]["error"] == "notice_resent"
    after = await scrape(server)
    channel = metrics.channel_label(confirming.current_state())
    found = {"channel": channel, "found_by": "api"}
    assert value(after, "gz_notice_delivery_failures_total", **found) - value(
        before, "gz_notice_delivery_failures_total", **found) == 1


async def test_calls_after_the_first_of_a_turn_and_unknown_actions_are_not_turns(server, offline_backend):
    tracker = turn("notice_ack", "已阅读", channel="wechat", slots={"notice_deliveries": delivered()})
    state = tracker.current_state()
    # The journey already answered this message (a bot event after it): a later action of the same turn.
    state["events"] = state["events"] + [{"event": "action", "name": "commitment_form"},
                                         {"event": "bot", "text": "……"}]
    state["latest_message"] = dict(state["latest_message"], message_id="m-later")
    before = await scrape(server)
    later = {"next_action": "validate_commitment_form", "sender_id": SENDER, "tracker": state, "domain": {},
             "version": "3.6.2"}
    assert (await server.post("/webhook", json=later, headers={SECRET_HEADER: SECRET})).status_code == 200
    unknown = dict(later, next_action="action_someone_made_up_" + SENDER)
    assert (await server.post("/webhook", json=unknown, headers={SECRET_HEADER: SECRET})).status_code == 404
    after = await scrape(server)
    assert value(after, "gz_action_turns_total", channel="wechat") == value(before, "gz_action_turns_total", channel="wechat")
    assert value(after, "gz_action_calls_total", channel="wechat", action="other", outcome="rejected") - value(
        before, "gz_action_calls_total", channel="wechat", action="other", outcome="rejected") == 1
    assert "made_up" not in after


def test_a_channel_outside_the_known_set_is_other_and_none_when_absent():
    assert metrics.channel_label({"latest_input_channel": "socketio"}) == "socketio"
    assert metrics.channel_label({"latest_input_channel": "citizen-4101051990"}) == "other"
    assert metrics.channel_label({"latest_input_channel": None}) == "none"


# --- the real entry point --------------------------------------------------------------------------------------


def _env(tmp_path: Path, **extra: str) -> Dict[str, str]:
    secret = tmp_path / "action.secret"
    secret.write_text(SECRET + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GZ_") and k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", GZ_ACTION_SECRET_PATH=str(secret), **extra)
    return env


def _wait(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(log.read_text()[-3000:])


def test_the_entry_point_creates_a_private_token_and_merges_its_workers_counts(tmp_path):
    token_file = tmp_path / "keys" / "metrics.token"
    multiproc = tmp_path / "prom"
    multiproc.mkdir()
    (multiproc / "counter_999999.db").write_bytes(b"left over from an earlier run")
    port = free_port()
    log = tmp_path / "actions.log"
    env = _env(tmp_path, GZ_METRICS_TOKEN_PATH=str(token_file), ACTION_SERVER_SANIC_WORKERS="2",
               PROMETHEUS_MULTIPROC_DIR=str(multiproc))
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(RASA_PY), "-m", "actions.server", "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(port, proc, log)
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        token = token_file.read_text().strip()
        assert len(token) >= 32
        assert not (multiproc / "counter_999999.db").exists()  # an earlier run's counts are not this one's
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/metrics", timeout=10).status_code == 401
        calls = 12
        for n in range(calls):
            # Rasa's call for an action this server does not have: answered 404, counted, never a label value.
            body = {"next_action": f"action_unknown_{n}", "sender_id": f"s{n}", "domain": {}, "version": "3.6.2",
                    "tracker": {"sender_id": f"s{n}", "latest_input_channel": "rest", "events": [], "slots": {},
                                "latest_message": {}}}
            with httpx.Client(base_url=base, timeout=10) as fresh:  # a new connection each: any worker answers
                assert fresh.post("/webhook", json=body, headers={SECRET_HEADER: SECRET}).status_code == 404
        # Multiprocess mode: the workers wrote their counts to the shared directory, not to their own memory.
        assert list(multiproc.glob("counter_*.db")) and list(multiproc.glob("histogram_*.db"))
        for _ in range(4):
            with httpx.Client(base_url=base, timeout=10) as fresh:
                text = fresh.get("/metrics", headers={"Authorization": f"Bearer {token}"}).text
            assert value(text, "gz_action_calls_total", channel="rest", action="other", outcome="rejected") == calls
            assert value(text, "gz_action_duration_seconds_count", channel="rest") == calls
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


async def test_without_a_metrics_token_there_is_no_metrics_route(monkeypatch):
    """A deployment that gives the action server no token file (GZ_METRICS_TOKEN_PATH unset) runs as before."""
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)
    app = create_app(SECRET.encode(), "actions")
    port = free_port()
    running = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await running.startup()
    await running.before_start()
    await running.after_start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            # No route, and nothing opened: the path is behind the action secret like any other.
            assert (await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 401
            assert (await client.get("/metrics")).status_code == 401
            assert (await client.get("/actions", headers={SECRET_HEADER: SECRET})).status_code == 200
            assert (await client.get("/actions")).status_code == 401
    finally:
        await running.before_stop()
        await running.close()
        await running.after_stop()


def test_the_first_action_after_a_message_opens_its_turn_and_later_ones_do_not():
    user = {"event": "user", "text": "已阅读", "message_id": "m1", "input_channel": "rest"}
    start = [{"event": "action", "name": "action_listen"}, user]
    assert metrics.turn_opened_by({"events": start}) == user
    assert metrics.turn_opened_by({"events": start + [{"event": "action", "name": "action_extract_slots"},
                                                      {"event": "slot", "name": "notice_ack", "value": "yes"}]}) == user
    assert metrics.turn_opened_by({"events": start + [{"event": "action", "name": "action_discover_item"}]}) is None
    assert metrics.turn_opened_by({"events": start + [{"event": "bot", "text": "……"}]}) is None
    assert metrics.turn_opened_by({"events": [{"event": "action", "name": "action_session_start"}]}) is None
    memory = metrics.TurnMemory(size=2)
    assert memory.first_time("s", "m1") and not memory.first_time("s", "m1")
    assert memory.first_time("s", "m2") and memory.first_time("s", "m3")
    assert memory.first_time("s", "m1")  # forgotten beyond its size: memory stays bounded
    assert all(SENDER not in key and "m1" not in key for key in memory.seen)


def test_a_deflated_call_is_read_as_rasa_sdk_reads_it():
    import json
    import zlib

    body = json.dumps({"next_action": "action_handoff", "tracker": {"latest_input_channel": "wechat"}}).encode()
    assert metrics.read_call("deflate", zlib.compress(body))["next_action"] == "action_handoff"
    assert metrics.read_call(None, body)["tracker"]["latest_input_channel"] == "wechat"
    assert metrics.read_call("deflate", b"not deflated") is None and metrics.read_call(None, b"{") is None
