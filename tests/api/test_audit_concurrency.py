"""Officers' audited reads under concurrency (P5): every read writes its audit row, and none fails.

A read that is audited reads first and writes its audit row afterwards. On SQLite a transaction that began
reading cannot start writing once another connection has committed since (its snapshot is stale): that came
back as 503 ``db_unavailable`` ("database is locked") as soon as two officers worked at once. These tests send
real parallel HTTP requests to a real uvicorn serving a temporary database and count every answer and every
audit row.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Dict, List, Tuple

import httpx
import pytest
import uvicorn
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from api.audit.models import AuditEvent
from api.auth.models import StaffUser
from api.database import make_engine, make_sessionmaker
from tests.api.access_helpers import commit, login, rows, service_headers
from tests.api.helpers import WANG_FANG, ZHANG_WEI, ZHAO_QIANG, commitment_body


class LiveServer:
    """The application behind a real uvicorn on a free loopback port, in a thread of this process."""

    def __init__(self, app) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            assert self._thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()


@pytest.fixture
def officer_reads(client, initialised) -> List[Tuple[str, Dict[str, str]]]:
    """The audited reads an officer (and an administrator) makes on a working day, over real records."""
    officer = login(client, initialised, "demo_officer")
    admin = login(client, initialised, "demo_admin")
    receipts = [commit(client, "ZM001", ZHANG_WEI), commit(client, "ZM001", ZHAO_QIANG), commit(client, "ZM004", WANG_FANG)]
    complaint = client.post(
        "/api/v1/service/complaints",
        headers=service_headers(initialised),
        json={"complaint_text": "举报承诺不实", "commitment_no": receipts[0]["commitment_no"], "phone": None,
              "channel": "rest", "sender_id": "citizen-1"},
    )
    assert complaint.status_code == 201, complaint.text
    tasks = client.get("/api/v1/verification/tasks", headers=officer).json()["tasks"]
    assert tasks
    reads = [
        ("/api/v1/verification/tasks", officer),
        (f"/api/v1/verification/tasks/{tasks[0]['task_id']}", officer),
        ("/api/v1/complaints", officer),
        (f"/api/v1/complaints/{complaint.json()['ticket_no']}", officer),
        (f"/api/v1/commitments/{receipts[1]['commitment_no']}", officer),
        ("/api/v1/credit/repairs", officer),
        ("/api/v1/credit/objections", officer),
        ("/api/v1/audit?limit=5", admin),
    ]
    for url, headers in reads:  # each works alone
        assert client.get(url, headers=headers).status_code == 200, url
    return reads


def _audit_rows(settings) -> int:
    return rows(settings, "SELECT count(*) AS n FROM audit_events")[0]["n"]


def _hammer(url: str, reads: List[Tuple[str, Dict[str, str]]], total: int, parallel: int) -> Counter:
    """``total`` requests from ``parallel`` clients at once, cycling through ``reads``; the status codes seen.
    A request that gets no answer at all is missing from the count."""
    numbers = iter(range(total))
    statuses: Counter = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(parallel)

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            barrier.wait(timeout=30)  # every client starts at the same moment
            while True:
                with lock:
                    number = next(numbers, None)
                if number is None:
                    return
                path, headers = reads[number % len(reads)]
                status = http.get(path, headers=headers).status_code
                with lock:
                    statuses[status] += 1

    threads = [threading.Thread(target=worker) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return statuses


@pytest.mark.parametrize("total, parallel", [(20, 2), (40, 4)])
def test_parallel_audited_reads_never_fail(app, initialised, officer_reads, total, parallel):
    before = _audit_rows(initialised)
    with LiveServer(app) as server:
        statuses = _hammer(server.url, officer_reads, total, parallel)
    assert statuses == Counter({200: total}), statuses
    # Every read was audited: one row per request, none lost, none doubled.
    assert _audit_rows(initialised) == before + total


def test_parallel_reads_beside_writes_of_the_chain(app, client, initialised, officer_reads):
    # The same reads while commitments are appended to the chain (the action server's writes) in between.
    before = _audit_rows(initialised)
    bodies = [commitment_body(client, "ZM001", applicant) for applicant in (ZHANG_WEI, ZHAO_QIANG, WANG_FANG, ZHANG_WEI)]
    service = {"X-Service-Token": app.state.service_token}
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as writer:
        with ThreadPoolExecutor(max_workers=1) as pool:
            written = pool.submit(lambda: [writer.post("/api/v1/commitments", json=b, headers=service).status_code
                                           for b in bodies])
            statuses = _hammer(server.url, officer_reads, 40, 4)
            assert written.result(timeout=120) == [201] * 4
    assert statuses == Counter({200: 40}), statuses
    assert _audit_rows(initialised) == before + 40


# --- the mechanism, on one SQLite file with two connections -------------------------------------------------------


def _audit_row(note: str) -> AuditEvent:
    return AuditEvent(at=datetime.now(timezone.utc), actor="demo_officer", role="officer", action="test.read",
                      target=note, detail={})


def _read_then_someone_else_commits(factory, reader: Session) -> StaffUser:
    officer = reader.scalars(select(StaffUser).where(StaffUser.username == "demo_officer")).one()
    with factory.begin() as other:
        other.add(_audit_row("written meanwhile"))
    return officer


@pytest.mark.skipif(bool(os.environ.get("GZ_TEST_DATABASE_URL")), reason="SQLite's snapshot rule")
def test_an_audit_row_after_a_stale_read_is_written_and_a_change_is_still_refused(initialised):
    engine = make_engine(initialised.database_url)
    try:
        # Without the rule (a bare sessionmaker): the stale reader cannot write even its audit row.
        bare = sessionmaker(bind=engine, expire_on_commit=False)
        with bare() as reader:
            _read_then_someone_else_commits(bare, reader)
            reader.add(_audit_row("bare"))
            with pytest.raises(OperationalError, match="locked"):
                reader.commit()

        factory = make_sessionmaker(engine)
        with factory() as reader:
            _read_then_someone_else_commits(factory, reader)
            reader.add(_audit_row("audited read"))
            reader.commit()
        # A transaction that changes a row it read keeps its snapshot and fails as before: nothing half-applied,
        # no update computed from what another officer has since changed.
        with factory() as reader:
            officer = _read_then_someone_else_commits(factory, reader)
            officer.active = False
            reader.add(_audit_row("a change"))
            with pytest.raises(OperationalError, match="locked"):
                reader.commit()
    finally:
        engine.dispose()
    targets = [r["target"] for r in rows(initialised, "SELECT target FROM audit_events WHERE action = 'test.read'")]
    assert sorted(targets) == ["audited read"] + ["written meanwhile"] * 3
    assert rows(initialised, "SELECT active FROM staff_users WHERE username = 'demo_officer'")[0]["active"] in (1, True)
