"""The API's database cannot be written - the disk is full, or the file system is read-only - when a citizen
commits, that is when the signing code (意愿认证) is typed back (P3, P4). The citizen is told clearly that the
service cannot be reached, nothing they entered is lost, nothing is half written: once the file system is
writable again the same code confirms the same affirmation, the receipt verifies and the chain and the SQLite
file are intact.

How the fault is made, honestly: the API's SQLite file lives on a small tmpfs mounted for this test.
- Disk full: a filler file takes every free byte, so SQLite's next append gets ENOSPC from the kernel
  ("database or disk is full"). The WAL is checkpointed and truncated first, otherwise SQLite could overwrite
  WAL pages it already owns and - correctly - need no new space.
- Read-only: the tmpfs is remounted read-only (EROFS). Linux refuses that while a process has a file open for
  writing on it, so the API is stopped, the file system remounted, and the API started on it.
``chmod`` does not stop root, ``chattr +i`` does not stop a process that already has the file open, and
``PRAGMA query_only`` is SQLite refusing politely rather than the file system failing: none of them is the fault.
Mounting needs root (CAP_SYS_ADMIN); elsewhere the test is skipped and says so. Embedded profile only (in the
scale profile the API's database is PostgreSQL: tests/scale/test_pg_restart.py).
"""
from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

import httpx
import pytest

from bot.core.catalogue import load_catalogue
from tests.conftest import free_port
from tests.e2e.conftest import Chat
from tests.e2e.contract import check_contract
from tests.e2e.logscan import scan_logs
from tests.e2e.test_journey import read_notice, to_notice

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("GZ_PROFILE", "embedded") != "embedded",
        reason="the API's SQLite file: embedded profile only (scale: tests/scale/test_pg_restart.py)",
    ),
]


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def small_fs(tmp_path_factory):
    point = tmp_path_factory.mktemp("api-db-fs")
    mounted = _mount("-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(point))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs for the API's database (needs root with CAP_SYS_ADMIN): "
                    f"{mounted.stderr.strip()}")
    yield point
    if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture(scope="module")
def db_stack(small_fs, tmp_path_factory):
    from bot.tools.model import ensure_model
    from bot.tools.stack import Stack, StackConfig

    config = StackConfig(
        var_dir=tmp_path_factory.mktemp("var-disk"), rasa_port=free_port(), action_port=free_port(),
        api_port=free_port(), profile="embedded", api_db_path=small_fs / "api.db",
    )
    stack = Stack(config, ensure_model())
    stack.prepare()
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop_all()
        # P5: the failures' tracebacks logged no full ID or phone number either.
        leaks = scan_logs(stack.logs)
        assert leaks == {}, leaks


def _chat(stack) -> Chat:
    return Chat(stack, f"disk-{uuid.uuid4().hex[:10]}")


def _chain(stack) -> dict:
    return httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=30).json()


def _integrity(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def _to_signing_code(c: Chat) -> str:
    """Up to the signing code (意愿认证): the affirmation given and its code on the phone; the code."""
    read_notice(c, to_notice(c, "公租房", "ZM001"), "ZM001")
    msgs = c.say("本人承诺")
    assert c.last_ask(msgs)["slot"] == "act_code"
    return c.sms_code(c.code_phone(msgs))


def _refused_while_broken(c: Chat, code: str) -> None:
    """The code typed while the database cannot be written: nothing stored, and the person is told so and asked to
    retry; what they gave (the code too) is kept for the retry."""
    msgs = c.say(code)
    assert not c.customs(msgs, "commitment_receipt")
    (error,) = c.customs(msgs, "service_error")
    assert error["code"] == "backend_unavailable", error
    assert "连接不上" in " ".join(m.text for m in msgs)


def _check(stack, c: Chat, api_log_from: int) -> None:
    proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
    check_contract(c.transcript, stack.config.api_url, proxy_items)
    # The API said so clearly: a 503 db_unavailable and one log line, not an unhandled exception (api/errors.py).
    with (stack.logs / "api.log").open("rb") as log:
        log.seek(api_log_from)
        written = log.read().decode("utf-8", errors="replace")
    # The signing step makes one request, the commitment with its act code: its first write (the code marked
    # used) is where the database is found unavailable, and nothing of it is kept.
    assert "database unavailable on POST /api/v1/commitments" in written
    assert "Exception in ASGI application" not in written and "Traceback" not in written


def _api_log_size(stack) -> int:
    return (stack.logs / "api.log").stat().st_size


def test_disk_full_at_submission(db_stack, small_fs):  # P3 P4
    stack, db = db_stack, small_fs / "api.db"
    c = _chat(stack)
    code = _to_signing_code(c)
    before, log_from = _chain(stack), _api_log_size(stack)
    with sqlite3.connect(db) as connection:  # nothing left in the WAL that SQLite could reuse
        assert connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    filler = small_fs / "filler"
    try:
        # Unbuffered: the write that finds no space raises here, and nothing is left for close() to flush.
        with filler.open("wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        _refused_while_broken(c, code)
        assert _chain(stack)["length"] == before["length"]  # nothing stored, reads still work
    finally:
        filler.unlink()
    msgs = c.say(code)  # P4: the same code (its use was not stored either), nothing re-entered
    receipt = c.one(msgs, "commitment_receipt")
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True
    after = _chain(stack)
    assert after["valid"] is True and after["length"] == before["length"] + 1
    assert _integrity(db) == "ok"
    _check(stack, c, log_from)


def test_read_only_file_system_at_submission(db_stack, small_fs):  # P3 P4
    stack, db = db_stack, small_fs / "api.db"
    c = _chat(stack)
    code = _to_signing_code(c)
    before, log_from = _chain(stack), _api_log_size(stack)
    stack.stop("api")
    assert _mount("-o", "remount,ro", str(small_fs)).returncode == 0
    try:
        stack.start_api()
        _wait_for_http(f"{stack.config.api_url}/health")
        health = httpx.get(f"{stack.config.api_url}/health", timeout=10)
        _refused_while_broken(c, code)
        assert health.status_code in (200, 503), health.text
        if health.status_code == 503:
            assert health.json()["error"] == "db_unavailable"
    finally:
        stack.stop("api")
        assert _mount("-o", "remount,rw", str(small_fs)).returncode == 0
        stack.start_api()
        stack.wait_ready("api")
    assert _chain(stack)["length"] == before["length"]
    receipt = c.one(c.say(code), "commitment_receipt")
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True
    after = _chain(stack)
    assert after["valid"] is True and after["length"] == before["length"] + 1
    assert _integrity(db) == "ok"
    _check(stack, c, log_from)


def _wait_for_http(url: str, timeout: float = 60) -> None:
    """Until the server answers at all (its /health may well say the database is unavailable)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise TimeoutError(url)
