"""Fixtures shared by the suites that run the whole assistant: tests/e2e (REST) and tests/browser (the widget).

``stack`` is one real stack per test session - the trained model, Rasa, the action server and the API - on
free ports with its own ``var`` directory (SQLite by default; PostgreSQL and Redis with GZ_PROFILE=scale).
Living here, it is started once even when both suites run in the same pytest session. The imports are inside
the fixture because this file is also loaded by the API venv's runs (tests/core, tests/api), which never use it.
"""
from __future__ import annotations

import os
import socket
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


@contextmanager
def environment(values: dict) -> Iterator[None]:
    """``values`` in this process's environment (which the stack's servers inherit), restored afterwards."""
    before = {name: os.environ.get(name) for name in values}
    for name, value in values.items():
        os.environ.setdefault(name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(autouse=True)
def _fresh_flood_buckets():
    """Flood buckets live as long as the process: each test starts with full ones (some reuse one sender)."""
    from bot.channels import flood

    flood.reset()
    yield


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def scratch_pg_databases(config) -> Iterator[None]:
    """Scale profile: the API database (``config.pg_db``) and the tracker database are new for this run and
    dropped afterwards. A stack's signing key lives in its throw-away var dir, so an API database shared
    between runs would hold commitments signed by keys that no longer exist and the chain could never verify."""
    if config.profile != "scale":
        yield
        return
    import sqlalchemy as sa

    admin_url = f"postgresql+psycopg2://{config.pg_user}@{config.pg_host}:{config.pg_port}/{config.pg_db}"
    run_db = f"gz_api_e2e_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{run_db}"'))
    config.pg_db = run_db
    try:
        yield
    finally:
        with admin.connect() as connection:
            for name in (run_db, config.pg_tracker_db):
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def identity_platform(var_dir: Path, api_url: str) -> Iterator[dict]:
    """The city's identity platform for the session's stack: the loopback OpenID Connect provider of
    tests/oidc_provider.py in the API's venv (it needs Authlib), and the API configured as its client through
    the GZ_OIDC_* environment the stack's processes inherit. The client secret goes to a 0600 file."""
    import json
    import subprocess
    import sys

    from bot.tools.stack import API_PY, ROOT

    callback = api_url + "/api/v1/identity/oidc/callback"
    proc = subprocess.Popen([str(API_PY), "-m", "tests.oidc_provider", callback], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=sys.stderr)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if not line:
            raise RuntimeError("the identity platform for the tests did not start")
        info = json.loads(line)
        secret = var_dir / "oidc-client.secret"
        fd = os.open(str(secret), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(info["client_secret"] + "\n")
        settings = {"GZ_OIDC_ISSUER": info["issuer"], "GZ_OIDC_CLIENT_ID": info["client_id"],
                    "GZ_OIDC_CLIENT_SECRET_FILE": str(secret), "GZ_OIDC_REDIRECT_URI": callback}
        with environment(settings):
            yield {**info, "callback": callback}
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()


def build_artefacts() -> None:
    """What Rasa needs generated from the catalogue (bot/tools/build.py), before a stack starts. `make test`
    builds them once before any of its pytest runs (GZ_TEST_ARTEFACTS_BUILT=1) and runs several side by side:
    building again here would rewrite, in place, files a run beside this one may be reading."""
    if os.environ.get("GZ_TEST_ARTEFACTS_BUILT") == "1":
        return
    from bot.tools.stack import build_artifacts

    build_artifacts()


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    from bot.tools.model import ensure_model
    from bot.tools.stack import Stack, StackConfig

    build_artefacts()
    model = ensure_model()
    var_dir = Path(tmp_path_factory.mktemp("var"))
    run_id = uuid.uuid4().hex[:8]
    config = StackConfig(
        var_dir=var_dir,
        rasa_port=free_port(),
        action_port=free_port(),
        api_port=free_port(),
        pg_tracker_db=f"rasa_trackers_e2e_{run_id}",
    )
    from tests.e2e.limits import MACHINE_SPEED  # codes and flood control, for journeys at machine speed

    with scratch_pg_databases(config), environment(MACHINE_SPEED), \
            identity_platform(var_dir, config.api_url) as platform:
        s = Stack(config, model)
        s.identity_platform = platform
        s.prepare()
        s.start_all()
        try:
            yield s
        finally:
            s.stop_all()
            if os.environ.get("GZ_E2E_SHOW_LOGS"):
                for log in (var_dir / "logs").glob("*.log"):
                    print(log.read_text(errors="replace")[-5000:])
