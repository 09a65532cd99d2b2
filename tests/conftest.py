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
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    from bot.model import ensure_model
    from bot.stack import Stack, StackConfig, build_artifacts

    build_artifacts()
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
    s = Stack(config, model)
    s.prepare()
    s.start_all()
    yield s
    s.stop_all()
    if os.environ.get("GZ_E2E_SHOW_LOGS"):
        for log in (var_dir / "logs").glob("*.log"):
            print(log.read_text(errors="replace")[-5000:])
