"""schemathesis against the API's own OpenAPI schema (P5): generated requests, valid and invalid, to
every operation in-process (ASGI), on a temporary database migrated by Alembic with the real catalogue and the
demo data. Checks: never a 5xx, and every response conforms to the schema (body, content type, headers).

Each operation is called as the principal it serves (the action server's service token, an applicant, an
officer, an administrator), so the generated data reaches the handlers instead of stopping at 401.

Left out, and why: /api/v1/admin/* (hot-swaps models on real Rasa servers, reads Rasa's tracker store, starts
training and evaluation jobs, and writes the repository's training data and catalogue files), /api/v1/hotline/*
and /api/v1/handoff/* and /api/v1/service/handoff (they talk to a running Rasa server), /api/v1/auth/logout (it
would sign out the token every later operation is called with; tests/api/test_auth_tokens.py covers it). Not
checked: the status code against the schema's list, because the routers do not declare their error answers
(401/403/404/409/503) in the schema; a 5xx is still a failure.

API virtualenv only (schemathesis needs jsonschema >= 4.18, Rasa 3.6 pins < 4.18). With GZ_TEST_DATABASE_URL set
(scale profile) it runs on PostgreSQL, in a schema of its own.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is installed in the API venv (.venv-api)")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode, checks  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from api import cli  # noqa: E402
from api.auth.service import read_demo_accounts_file  # noqa: E402
from api.config import REPO_ROOT, Settings  # noqa: E402
from api.main import create_app  # noqa: E402

EXCLUDED = r"^/api/v1/(admin|hotline|handoff|service/handoff|auth/logout)(/|$)"
ZHANG_WEI = ("张伟", "410105199001011233")


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz-api")
    base = os.environ.get("GZ_TEST_DATABASE_URL")
    schema_name = None
    if base:
        schema_name = f"gz_fuzz_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema_name}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema_name}"}).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp / 'api.db'}"
    settings_ = Settings(
        database_url=url, signing_key_path=tmp / "keys" / "platform_ed25519.pem",
        id_hash_key_path=tmp / "keys" / "id_hash.key", data_key_path=tmp / "keys" / "data.key",
        public_base_url="https://gz.example.test",
        catalogue_dir=REPO_ROOT / "data" / "catalogue" / "items",
    )
    assert cli.migrate(settings_) == 0 and cli.load_catalogue(settings_) == 0 and cli.seed_demo(settings_) == 0
    app = create_app(settings_)
    yield app
    app.state.engine.dispose()
    if schema_name:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema_name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def principals(fuzz_app):
    """Request headers per principal, obtained the way real clients get them."""
    from fastapi.testclient import TestClient

    accounts = read_demo_accounts_file(fuzz_app.state.settings.demo_accounts_file)
    with TestClient(fuzz_app) as client:
        def bearer(username: str) -> dict:
            r = client.post("/api/v1/auth/login", json={"username": username, "password": accounts[username]})
            r.raise_for_status()
            return {"Authorization": f"Bearer {r.json()['access_token']}"}

        from tests.api.access_helpers import applicant_headers

        return {
            "service": {"X-Service-Token": fuzz_app.state.service_token},
            # A login code to the applicant's 实名 phone, read from the SMS outbox, as a person signs in.
            "applicant": applicant_headers(client, ZHANG_WEI),
            "officer": bearer("demo_officer"),
            "staff": bearer("demo_staff"),
            "admin": bearer("demo_admin"),
        }


def principal_for(method: str, path: str) -> str:
    if path.startswith("/api/v1/service/") or path in ("/api/v1/credit/check",) or (
        method == "POST" and path == "/api/v1/commitments"
    ):
        return "service"
    if path.startswith("/api/v1/me/"):
        return "applicant"
    if path.startswith(("/api/v1/verification", "/api/v1/credit/repairs", "/api/v1/credit/objections")):
        return "officer"
    if path.startswith("/api/v1/complaints"):
        return "staff"
    return "admin"


CHECKS = [
    checks.not_a_server_error,
    checks.response_schema_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
]
EXAMPLES = int(os.environ.get("GZ_FUZZ_EXAMPLES", "20"))


def test_every_operation_with_generated_requests(fuzz_app, principals):  # P5: hostile input never breaks the API
    # schemathesis' own pytest integration (from_fixture) does not run under pytest 9, so the operations are
    # walked here; each gets Hypothesis' examples of valid (positive) and invalid (negative) requests.
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app).exclude(path_regex=EXCLUDED)
    failures = {}
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        headers = principals[principal_for(operation.method.upper(), operation.path)]
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                      derandomize=True, database=None, phases=[Phase.explicit, Phase.generate, Phase.shrink])
            def call(case):
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                call()
            except Unsatisfiable:
                pass  # nothing invalid to send (an operation without parameters or body): nothing to test
            except Exception as exc:  # noqa: BLE001 - collected per operation, reported together below
                failures[f"{operation.method.upper()} {operation.path} ({mode.value})"] = str(exc)[:1500]
    assert operations >= 40, f"only {operations} operations in the schema"
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
