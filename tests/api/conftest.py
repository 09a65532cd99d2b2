"""Fixtures for the API tests: a real database migrated by Alembic, a small catalogue, the demo credit files.

By default each test gets its own SQLite file. With GZ_TEST_DATABASE_URL set to a PostgreSQL URL
(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) each test gets its own schema in that database,
dropped afterwards, so parallel or repeated runs never see each other's rows.

``initialised`` is what ``python -m api.cli init`` leaves behind (migrated with Alembic, catalogue loaded, demo
files seeded). Doing that for every test costs more than most tests (about 0.4 s on SQLite, 1.5 s on
PostgreSQL), so it is done once per catalogue into a template, and each test gets its own copy: the database
file (SQLite), or the template schema replayed from its ``pg_dump`` into the test's schema (PostgreSQL), and the
key files and demo passwords the rows were sealed, hashed and seeded with. A test that migrates, downgrades or
seeds again still runs those steps itself, on its copy.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
import uuid
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from api import cli
from api.clock import china_today
from api.config import Settings
from api.main import create_app
from tests.api.helpers import publish_catalogue_before, write_test_catalogue

# A template's demo rows carry the time they were seeded; a fresh one is made when it is older than this (and
# on a new day in China), so "seeded just before the test" stays as true as it was when every test seeded.
TEMPLATE_MAX_AGE_SECONDS = 300


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


@pytest.fixture(autouse=True, scope="session")
def remembered_signatures() -> Iterator[None]:
    """Tests only: FastAPI reads each endpoint's and dependency's signature again (inspect.signature, with its
    string annotations evaluated) for every app it routes; the tests create one app per test, ~60 ms each when
    every route is built. A signature does not change while the process runs, so it is read once per callable.
    The analysis built from it, and everything else about the routes, is still done per app."""
    from fastapi.dependencies import utils

    read = getattr(utils, "get_typed_signature", None)
    if read is None:  # another FastAPI: nothing to remember
        yield
        return
    known: Dict[Any, Any] = {}

    def remembered(call):
        try:
            return known[call]
        except KeyError:
            signature = known[call] = read(call)
            return signature
        except TypeError:  # an unhashable callable
            return read(call)

    utils.get_typed_signature = remembered
    yield
    utils.get_typed_signature = read


def pg_base_url() -> Optional[str]:
    return os.environ.get("GZ_TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Optional[Engine]]:
    """PostgreSQL only: one autocommit connection pool for creating and dropping the tests' schemas."""
    base = pg_base_url()
    if not base:
        yield None
        return
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    yield admin
    admin.dispose()


def _in_schema(base: str, schema: str) -> str:
    return make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


def _schema_of(url: str) -> Optional[str]:
    """The schema ``_in_schema`` put in the URL; None for any other URL."""
    options = str(make_url(url).query.get("options") or "")
    return options.split("-csearch_path=", 1)[1] if options.startswith("-csearch_path=") else None


@pytest.fixture
def database_url(tmp_path: Path, pg_admin: Optional[Engine]) -> Iterator[str]:
    base = pg_base_url()
    if not base or pg_admin is None:
        yield f"sqlite:///{tmp_path / 'api.db'}"
        return
    schema = f"gz_test_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _in_schema(base, schema)
    finally:
        with pg_admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="session")
def catalogue_source(tmp_path_factory) -> Path:
    """The four items of ``write_test_catalogue``, written and checked by the loader once per session: deriving
    them (YAML parsing, dumping, loading) costs ~70 ms, paid by every API test. Each test gets a copy of the
    files in a directory of its own, which it may change."""
    directory = tmp_path_factory.mktemp("test-catalogue") / "catalogue"
    write_test_catalogue(directory)
    return directory


@pytest.fixture
def settings(tmp_path: Path, database_url: str, catalogue_source: Path) -> Settings:
    catalogue_dir = tmp_path / "catalogue"
    # New files (copyfile, not copy2), as if written now, like the catalogue a test writes itself.
    shutil.copytree(catalogue_source, catalogue_dir, copy_function=shutil.copyfile)
    return Settings(
        database_url=database_url,
        signing_key_path=tmp_path / "keys" / "platform_ed25519.pem",
        id_hash_key_path=tmp_path / "keys" / "id_hash.key",
        data_key_path=tmp_path / "keys" / "data.key",  # P5: never the checkout's var/keys
        public_base_url="https://gz.example.test",
        catalogue_dir=catalogue_dir,
    )


def initialise(settings: Settings) -> None:
    """Migrated with Alembic (never create_all), catalogue loaded, demo integrity files seeded."""
    assert cli.migrate(settings) == 0
    assert cli.load_catalogue(settings) == 0
    # The notices were published well before any conversation a test plays (evidence older than its version
    # is refused, before_publication).
    publish_catalogue_before(settings, datetime.now(timezone.utc) - timedelta(days=365))
    assert cli.seed_demo(settings) == 0


def seeded_files(settings: Settings) -> List[Path]:
    """The files initialising writes besides the database: the keys the rows were sealed and hashed with, and
    the demo accounts' passwords."""
    return [settings.id_hash_key_path, settings.data_key_path, settings.demo_accounts_file]


def sqlite_file(settings: Settings) -> Optional[Path]:
    url = make_url(settings.database_url)
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def catalogue_fingerprint(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Template:
    """An initialised database and its files, in a directory of its own; each test gets a copy."""

    settings: Settings
    made: float  # time.monotonic()
    day: date  # in China
    schema: Optional[str] = None  # PostgreSQL: the template's schema, and its dump to replay
    dump: str = ""


def _libpq_dsn(base: str) -> str:
    return make_url(base).set(drivername="postgresql").set(query={}).render_as_string(hide_password=False)


def _pg_dump_schema(base: str, schema: str) -> str:
    """The schema's tables, sequences, functions, triggers and rows as SQL; "" without PostgreSQL's client
    programs (each test is then initialised step by step)."""
    if not shutil.which("pg_dump"):
        warnings.warn("no pg_dump: every API test is migrated and seeded step by step (slower)")
        return ""
    url = make_url(base)
    # A password goes in the environment, not on the command line (any local user can read those).
    env = dict(os.environ, **({"PGPASSWORD": str(url.password)} if url.password else {}))
    where = [f"--{option}={value}" for option, value in
             (("host", url.host), ("port", url.port), ("username", url.username), ("dbname", url.database)) if value]
    done = subprocess.run(
        ["pg_dump", *where, "--schema", schema, "--inserts", "--rows-per-insert=1000", "--no-owner",
         "--no-privileges", "--no-comments"],
        capture_output=True, text=True, env=env,
    )
    if done.returncode:  # e.g. a pg_dump older than the server
        warnings.warn(f"pg_dump failed, every API test is migrated and seeded step by step: {done.stderr.strip()}")
        return ""
    out = done.stdout
    # Recent pg_dump brackets its output with psql meta-commands (\restrict KEY ... \unrestrict KEY); the
    # server does not know them.
    return re.sub(r"^\\(un)?restrict \S+$", "", out, flags=re.MULTILINE)


@dataclass
class Templates:
    """The initialised templates of this session, one per catalogue (some modules add items of their own)."""

    root: Path
    admin: Optional[Engine]
    made: Dict[str, Template] = field(default_factory=dict)
    retired: List[Template] = field(default_factory=list)

    def for_settings(self, settings: Settings) -> Template:
        key = catalogue_fingerprint(settings.catalogue_path)
        template = self.made.get(key)
        if template is not None and (time.monotonic() - template.made > TEMPLATE_MAX_AGE_SECONDS
                                     or template.day != china_today()):
            self.retired.append(self.made.pop(key))
            template = None
        if template is None:
            template = self.made[key] = self.build(settings)
        return template

    def build(self, settings: Settings) -> Template:
        directory = self.root / f"template-{uuid.uuid4().hex[:8]}"
        shutil.copytree(settings.catalogue_path, directory / "catalogue")
        schema = None
        base = pg_base_url()
        if self.admin is not None and base:
            # A name that occurs nowhere else in the dump, so that replaying it elsewhere renames only it.
            schema = f"gz_template_{uuid.uuid4().hex[:12]}"
            with self.admin.connect() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = _in_schema(base, schema)
        else:
            url = f"sqlite:///{directory / 'api.db'}"
        template = Template(
            settings.model_copy(update=dict(
                database_url=url,
                var_dir=directory,
                signing_key_path=directory / "keys" / "platform_ed25519.pem",
                id_hash_key_path=directory / "keys" / "id_hash.key",
                data_key_path=directory / "keys" / "data.key",
                catalogue_dir=directory / "catalogue",
            )),
            time.monotonic(), china_today(), schema,
        )
        initialise(template.settings)
        # Everything the steps wrote must be copied to each test; a file this fixture does not know of would be
        # missing from the copies, so it stops here instead.
        known = {*seeded_files(template.settings), sqlite_file(template.settings)}
        unknown = [p for p in directory.rglob("*") if p.is_file() and p not in known
                   and (directory / "catalogue") not in p.parents]
        assert not unknown, f"initialising wrote files the template does not copy: {unknown}"
        if schema is not None and base:
            dump = _pg_dump_schema(base, schema)
            create = f"CREATE SCHEMA {schema};\n"
            assert not dump or dump.count(create) == 1, "the dump does not create its schema once"
            template.dump = dump.replace(create, "")  # each test's schema exists already (database_url)
        return template

    def copy_into(self, template: Template, settings: Settings) -> bool:
        """The template's database and files as ``settings``'s own; False (nothing done) when the test already
        has any of them, e.g. a fixture wrote a key first: such a test is initialised step by step instead."""
        targets = list(zip(seeded_files(template.settings), seeded_files(settings)))
        if any(target.exists() for _, target in targets):
            return False
        source_db, target_db = sqlite_file(template.settings), sqlite_file(settings)
        if (source_db is None) != (target_db is None):
            return False
        if target_db is not None:
            if any(target_db.parent.glob(target_db.name + "*")):
                return False
            targets.append((source_db, target_db))
        else:
            schema = _schema_of(settings.database_url)
            if self.admin is None or template.schema is None or not template.dump or schema is None:
                return False
            with self.admin.connect() as connection:
                if connection.execute(text(
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = :schema"), {"schema": schema}).scalar_one():
                    return False  # something is in the test's schema already
            import psycopg

            # Its own connection, one transaction: the dump sets the connection's search path as it goes.
            with psycopg.connect(_libpq_dsn(pg_base_url() or "")) as connection:
                connection.execute(template.dump.replace(template.schema, schema).encode())
        for source, target in targets:
            if not target.parent.exists():
                target.parent.mkdir(parents=True)
                shutil.copymode(source.parent, target.parent)  # keys/ is 0700
            shutil.copy2(source, target)  # with its mode: the keys and the passwords are 0600
        return True

    def drop(self) -> None:
        if self.admin is None:
            return
        for template in [*self.made.values(), *self.retired]:
            if template.schema:
                with self.admin.connect() as connection:
                    connection.execute(text(f'DROP SCHEMA IF EXISTS "{template.schema}" CASCADE'))


@pytest.fixture(scope="session")
def initialised_templates(tmp_path_factory, pg_admin: Optional[Engine]) -> Iterator[Templates]:
    templates = Templates(tmp_path_factory.mktemp("initialised"), pg_admin)
    yield templates
    templates.drop()


@pytest.fixture
def initialised(settings: Settings, initialised_templates: Templates) -> Settings:
    """Migrated with Alembic (never create_all), catalogue loaded, demo integrity files seeded: a copy of the
    session's template for this catalogue (see the module's docstring)."""
    if not initialised_templates.copy_into(initialised_templates.for_settings(settings), settings):
        initialise(settings)
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
