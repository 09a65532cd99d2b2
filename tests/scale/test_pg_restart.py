"""PostgreSQL restarted while citizens are in the middle of their journeys (P3, P4).

A stack of its own (API, action server, Rasa with the SQL tracker store) on a private PostgreSQL server
(tests/scale/pgcluster.py explains why not the machine's shared one), 20 conversations at once. The server is
restarted twice: once when every conversation is in the middle of the form, once when some are submitting their
commitment. Requests during a restart may fail, but only cleanly: a ``service_error`` or an empty reply from
Rasa (the tracker store could not be read), never a crashed process or a refused connection; the conversations
then finish. Afterwards there is exactly one commitment per conversation, each with a valid signature, and the
chain verifies: nothing was half written.
"""
from __future__ import annotations

import asyncio
import os
import time
import uuid

import httpx
import pytest

from bot.core.catalogue import load_catalogue
from tests.conftest import free_port
from tests.e2e.contract import check_contract
from tests.e2e.outbox import outbox_path
from tests.e2e.logscan import scan_logs
from tests.scale.journey import Citizen, Outage, customs, journey_through_failures
from tests.scale.pgcluster import PrivatePostgres, postgres_bindir

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("GZ_PROFILE") != "scale",
        reason="restarts PostgreSQL under the API and Rasa's tracker store: scale profile only (GZ_PROFILE=scale)",
    ),
]

CONVERSATIONS = 20
# What a citizen may meet while the database restarts: a turn answered with the service-error message, no reply,
# a plain HTTP error, or a code question saying the code was not sent ("请回复“重新发送”…"), which the
# journey answers by asking for the code again. Anything else (a wrong value, a crash) is not clean.
CLEAN_FAILURES = {"service_error", "empty_reply", "code_not_sent", "http_500", "http_502", "http_503"}


@pytest.fixture(scope="module")
def pg_stack(tmp_path_factory):
    from bot.tools.model import ensure_model
    from bot.tools.stack import Stack, StackConfig

    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    server = PrivatePostgres(free_port(), bindir)
    try:
        server.start()
        server.psql("CREATE DATABASE gz_api")
        config = StackConfig(
            var_dir=tmp_path_factory.mktemp("var-pg-restart"), rasa_port=free_port(), action_port=free_port(),
            api_port=free_port(), profile="scale", pg_port=server.port, pg_db="gz_api", pg_tracker_db="rasa_trackers",
        )
        stack = Stack(config, ensure_model())
        stack.prepare()
        try:
            stack.start_all()
            yield stack, server
        finally:
            stack.stop_all()
    finally:
        server.stop()


def test_postgresql_restarted_under_load(pg_stack):  # P3 P4
    stack, server = pg_stack
    url = stack.config.rasa_url
    restarts = []  # (started, ended) of each restart
    run = uuid.uuid4().hex[:6]

    async def restart() -> None:
        started = time.monotonic()
        await asyncio.to_thread(server.restart)
        restarts.append((started, time.monotonic()))

    async def drive():
        deadline = time.monotonic() + 420
        async with httpx.AsyncClient(timeout=120) as http:
            citizens = [Citizen(http, f"pgr-{run}-{i}", route=lambda k: url, outbox=outbox_path(stack))
                        for i in range(CONVERSATIONS)]
            outages = [Outage() for _ in citizens]
            journeys = asyncio.gather(
                *(journey_through_failures(c, o, deadline) for c, o in zip(citizens, outages)), return_exceptions=True
            )

            async def conductor() -> None:
                # 1. every conversation is in the form (name, ID, phone being asked): restart.
                while min(len(c.turns) for c in citizens) < 3 and not journeys.done():
                    await asyncio.sleep(0.1)
                await restart()
                # 2. a quarter of the conversations have been asked for their commitment: restart again.
                def asked(c: Citizen) -> bool:
                    return bool(customs(c.transcript.bot_messages(), "affirmation_request"))

                while not journeys.done() and sum(map(asked, citizens)) < CONVERSATIONS // 4:
                    await asyncio.sleep(0.1)
                await restart()

            await asyncio.gather(conductor(), journeys)
            return citizens, outages, journeys.result()

    citizens, outages, results = asyncio.run(drive())
    broken = [(c.sender, repr(r)) for c, r in zip(citizens, results) if isinstance(r, BaseException)]
    failures = [kind for o in outages for kind in o.failed_turns]
    print(f"\nPostgreSQL restarts took {[round(b - a, 1) for a, b in restarts]} s; failed turns: "
          f"{ {k: failures.count(k) for k in set(failures)} } of {sum(len(c.attempts) for c in citizens)} requests")

    assert not broken, broken[:3]  # every conversation finished (one receipt each, checked below)
    # The restarts really happened under load: requests were in flight during each of them.
    assert len(restarts) == 2
    for started, ended in restarts:
        assert any(a < ended and b > started for c in citizens for a, b in c.attempts), "no request during a restart"
    # Clean failures only, and no process died.
    assert set(failures) <= CLEAN_FAILURES, failures
    assert all(proc.poll() is None for proc in stack.procs.values()), "a server crashed"
    numbers = set(results)
    assert len(numbers) == CONVERSATIONS

    api = stack.config.api_url
    proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
    for c in citizens:
        check_contract(c.transcript, api, proxy_items)  # rule 3 checks each receipt shown against the API
    for c in citizens:  # each receipt verifies with the check code printed on it
        verdict = httpx.get(f"{api}/api/v1/commitments/{c.receipt['commitment_no']}/verify",
                            params={"code": c.receipt["check_code"]}, timeout=30).json()
        assert verdict["valid"] is True, verdict
    # Nothing half written: the database holds exactly these commitments, each signed, the chain intact.
    chain = httpx.get(f"{api}/api/v1/chain/verify", timeout=60).json()
    assert chain["valid"] is True, chain["problems"][:5]
    assert chain["length"] == CONVERSATIONS
    assert int(server.psql("SELECT count(*) FROM commitments", db="gz_api")) == CONVERSATIONS
    # P5: the failure paths (tracebacks of the database errors) logged no full ID or phone number either.
    assert scan_logs(stack.logs) == {}
