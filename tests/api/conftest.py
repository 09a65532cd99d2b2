"""Fixtures for the API tests: a real database migrated by Alembic, a small catalogue, the demo credit files.

By default each test gets its own SQLite file. With GZ_TEST_DATABASE_URL set to a PostgreSQL URL
(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) each test gets its own schema in that database,
dropped afterwards, so parallel or repeated runs never see each other's rows.
"""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api import cli
from api.config import Settings
from api.main import create_app
from tests.api.helpers import publish_catalogue_before, write_test_catalogue


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Tests only: argon2id at its smallest cost. The product's parameters (api/auth/service.py) cost tens of
    milliseconds per hash by design, and every test seeds three demo accounts and logs in: minutes per suite
    run. Same algorithm, same code paths, same stored format ($argon2id$, checked in test_auth_api);
    test_the_product_hashes_passwords_at_full_cost checks the real parameters."""
    from argon2 import PasswordHasher

    from api.auth import service

    product = service._hasher
    service._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    service._hasher = product


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    base = os.environ.get("GZ_TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'api.db'}"
        return
    schema = f"gz_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    catalogue_dir = tmp_path / "catalogue"
    write_test_catalogue(catalogue_dir)
    return Settings(
        database_url=database_url,
        signing_key_path=tmp_path / "keys" / "platform_ed25519.pem",
        id_hash_key_path=tmp_path / "keys" / "id_hash.key",
        data_key_path=tmp_path / "keys" / "data.key",  # P5: never the checkout's var/keys
        public_base_url="https://gz.example.test",
        catalogue_dir=catalogue_dir,
    )


@pytest.fixture
def initialised(settings: Settings) -> Settings:
    """Migrated with Alembic (never create_all), catalogue loaded, demo integrity files seeded."""
    assert cli.migrate(settings) == 0
    assert cli.load_catalogue(settings) == 0
    # The notices were published well before any conversation a test plays (evidence older than its version
    # is refused, before_publication).
    publish_catalogue_before(settings, datetime.now(timezone.utc) - timedelta(days=365))
    assert cli.seed_demo(settings) == 0
    return settings


@pytest.fixture
def app(initialised: Settings):
    application = create_app(initialised)
    yield application
    application.state.engine.dispose()


# Endpoints only the action server may call. The tests act as the action server there unless they pass
# their own headers (the refusals are tested with explicit headers in test_commitments_api.py).
SERVICE_ONLY = ("/api/v1/commitments", "/api/v1/credit/check")


class ActionServerClient(TestClient):
    def post(self, url, *args, **kwargs):
        if url in SERVICE_ONLY and "headers" not in kwargs:
            kwargs["headers"] = {"X-Service-Token": self.app.state.service_token}
        return super().post(url, *args, **kwargs)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with ActionServerClient(app) as test_client:
        yield test_client


