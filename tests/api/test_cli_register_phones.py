"""``python -m api.cli register-phones --from FILE``: people's real-name (实名) mobile numbers, held sealed.

Real database and keys (the ``initialised`` fixture); the login code is requested through the service API and
read from the real outbox file, as the identity tests do.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
from sqlalchemy import func, select

from api import cli
from api.audit.models import AuditEvent
from api.config import Settings
from api.database import make_engine, make_sessionmaker
from api.verification.models import RegisteredPhone
from bot.core import ids
from tests.api.helpers import run_cli
from tests.api.test_encryption_at_rest import dump_database
from tests.api.test_identity import Clock, identity_client, outbox, request_code

PEOPLE: List[Tuple[str, str]] = []
for serial, phone in ((901, "13800990001"), (902, "13800990002"), (903, "13800990003")):
    first17 = f"41010019750301{serial:03d}"
    PEOPLE.append((first17 + ids.resident_id_check_char(first17), phone))


def write_lines(path: Path, people, extra: str = "") -> Path:
    path.write_text("".join(json.dumps({"id": i, "phone": p}) + "\n" for i, p in people) + extra, encoding="utf-8")
    return path


def count_rows(settings: Settings, model) -> int:
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        engine.dispose()


@pytest.fixture
def api(initialised: Settings) -> Iterator:
    with identity_client(initialised, Clock()) as client:
        yield client


def test_registers_each_person_and_a_login_code_then_goes_to_that_phone(initialised, tmp_path, api, capsys):
    before = count_rows(initialised, RegisteredPhone)
    # Unknown before: no phone, no code.
    assert request_code(api, ("某人", PEOPLE[0][0]), None).json()["error"] == "no_registered_phone"

    assert cli.register_phones(initialised, write_lines(tmp_path / "people.jsonl", PEOPLE)) == 0
    assert "3 added, 0 already held" in capsys.readouterr().out
    assert count_rows(initialised, RegisteredPhone) == before + 3

    for id_number, phone in PEOPLE:
        response = request_code(api, ("某人", id_number), None)
        assert response.status_code == 200, response.text
        assert outbox(initialised)[-1]["to"] == phone


def test_running_it_again_adds_nothing(initialised, tmp_path, capsys):
    path = write_lines(tmp_path / "people.jsonl", PEOPLE)
    assert cli.register_phones(initialised, path) == 0
    rows, audits = count_rows(initialised, RegisteredPhone), count_rows(initialised, AuditEvent)
    capsys.readouterr()
    assert cli.register_phones(initialised, path) == 0
    assert "0 added, 3 already held" in capsys.readouterr().out
    assert count_rows(initialised, RegisteredPhone) == rows
    assert count_rows(initialised, AuditEvent) == audits  # nothing changed, nothing to record


def test_the_phone_is_sealed_not_in_clear_in_the_table(initialised, tmp_path):
    assert cli.register_phones(initialised, write_lines(tmp_path / "people.jsonl", PEOPLE)) == 0
    dump = "\n".join(dump_database(initialised))
    for id_number, phone in PEOPLE:
        assert phone not in dump
        assert id_number not in dump


def test_another_number_for_a_person_already_held_changes_nothing(initialised, tmp_path, api, capsys):
    assert cli.register_phones(initialised, write_lines(tmp_path / "first.jsonl", PEOPLE[:1])) == 0
    rows = count_rows(initialised, RegisteredPhone)
    # A new person and a changed number in one file: the whole file is refused, the new person too.
    changed = [PEOPLE[1], (PEOPLE[0][0], "13800990099")]
    assert cli.register_phones(initialised, write_lines(tmp_path / "changed.jsonl", changed)) == 2
    err = capsys.readouterr().err
    assert "nothing changed" in err and "13800990099" not in err and PEOPLE[0][0] not in err
    assert count_rows(initialised, RegisteredPhone) == rows
    assert request_code(api, ("某人", PEOPLE[0][0]), None).status_code == 200
    assert outbox(initialised)[-1]["to"] == PEOPLE[0][1]


@pytest.mark.parametrize("bad", [
    '{"id": "410105199001011234", "phone": "13800990001"}',  # check digit wrong
    '{"id": "%s", "phone": "12345"}' % PEOPLE[0][0],
    '{"id": "%s"}' % PEOPLE[0][0],
    "not json",
])
def test_an_invalid_line_refuses_the_whole_file(initialised, tmp_path, bad, capsys):
    rows = count_rows(initialised, RegisteredPhone)
    assert cli.register_phones(initialised, write_lines(tmp_path / "bad.jsonl", PEOPLE, bad + "\n")) == 2
    assert "line 4" in capsys.readouterr().err
    assert count_rows(initialised, RegisteredPhone) == rows


def test_the_command_line_takes_a_file_path(initialised, tmp_path):
    path = write_lines(tmp_path / "people.jsonl", PEOPLE)
    done = run_cli(initialised, "register-phones", "--from", str(path))  # main, as ``python -m api.cli`` runs it
    assert done.returncode == 0, done.stderr
    assert "3 added" in done.stdout
    assert not any(p in done.stdout + done.stderr for _, p in PEOPLE)
