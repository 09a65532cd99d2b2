"""Attacks on special authorisations (特别授权, R5), as real HTTP requests against a running API server.

The attacker holds the action server's credential (as in forge.py) and can verify their own identity with their
own phone, but not anyone else's. They try to: grant an authorisation in someone else's name; reuse another
conversation's identity check; guess a code, alone or with many requests at once; tell existing numbers from
unknown ones; use a stolen number and code themselves; read or revoke another person's authorisations; and, as
staff, file something other than a scanned letter. None of it may yield a usable authorisation.

Only the API runs (its own var directory and SQLite database, started the way the stack starts it): these
attacks need no chat model. The login codes are read from the API's SMS outbox file, as the phone would get them.
"""
from __future__ import annotations

import json
import socket
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, Iterator, Optional

import httpx
import pytest

from bot.tools.stack import Stack, StackConfig
from tests.conftest import free_port
from tests.security.conftest import bearer, new_account

pytestmark = pytest.mark.e2e

PRINCIPAL = ("赵强", "410103196208085671")
AGENT = ("刘洋", "410105200002291113")
ATTACKER = ("张伟", "410105199001011233")
PRINCIPAL_CHAT, AGENT_CHAT, ATTACKER_CHAT = "rest-sec-principal", "rest-sec-agent", "rest-sec-attacker"
MAX_WRONG_CODES = 5
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def api_server(tmp_path_factory) -> Iterator[Stack]:
    config = StackConfig(
        var_dir=Path(tmp_path_factory.mktemp("proxy-attacks")), rasa_port=free_port(), action_port=free_port(),
        api_port=free_port(), profile="embedded",
    )
    server = Stack(config)
    server.prepare()
    server.start_api()
    try:
        server.wait_ready("api", timeout=120)
        yield server
    finally:
        server.stop_all()


class Api:
    def __init__(self, server: Stack) -> None:
        self.server = server
        self.url = server.config.api_url
        self.service = {"X-Service-Token": server.service_token}

    def post(self, path: str, body: dict, headers: Optional[Dict[str, str]] = None) -> httpx.Response:
        return httpx.post(self.url + path, json=body, headers=self.service if headers is None else headers, timeout=30)

    def verify(self, person: tuple, conversation: str) -> str:
        """A login assurance the honest way: code sent to the registered phone, typed back in the chat."""
        sent = self.post("/api/v1/service/identity/codes",
                         {"purpose": "login", "id_number": person[1], "client": conversation})
        assert sent.status_code == 200, sent.text
        outbox = self.server.config.var_dir / "sms-outbox.jsonl"
        code = json.loads(outbox.read_text(encoding="utf-8").splitlines()[-1])["code"]
        checked = self.post("/api/v1/service/identity/codes/verify",
                            {"purpose": "login", "id_number": person[1], "code": code})
        assert checked.status_code == 200, checked.text
        return checked.json()["assurance"]["assurance_id"]

    def grant(self, assurance: str, *, principal: tuple = PRINCIPAL, agent: tuple = AGENT,
              client: str = PRINCIPAL_CHAT) -> httpx.Response:
        until = (datetime.now(timezone(timedelta(hours=8))).date() + timedelta(days=30)).isoformat()
        return self.post("/api/v1/service/authorisations", {
            "principal_id": principal[1], "principal_name": principal[0], "assurance_id": assurance, "client": client,
            "agent_name": agent[0], "agent_id": agent[1], "item_codes": ["ZM001"], "valid_until": until,
        })

    def check(self, granted: dict, assurance: str, **changes: str) -> httpx.Response:
        body = {"number": granted["number"], "code": granted["code"], "principal_id": PRINCIPAL[1],
                "agent_id": AGENT[1], "agent_assurance_id": assurance, "client": AGENT_CHAT, "item_code": "ZM001"}
        body.update(changes)
        return self.post("/api/v1/service/authorisations/check", body)

    def stored(self, number: str) -> sqlite3.Row:
        with sqlite3.connect(self.server.config.var_dir / "api.db") as connection:
            connection.row_factory = sqlite3.Row
            return connection.execute("SELECT * FROM authorisations WHERE number = ?", (number,)).fetchone()

    def count(self) -> int:
        with sqlite3.connect(self.server.config.var_dir / "api.db") as connection:
            return connection.execute("SELECT count(*) FROM authorisations").fetchone()[0]


@pytest.fixture(scope="module")
def api(api_server) -> Api:
    return Api(api_server)


# One code per ID and minute: every person verifies once, in their own conversation, for the whole module.
@pytest.fixture(scope="module")
def principal(api) -> str:
    return api.verify(PRINCIPAL, PRINCIPAL_CHAT)


@pytest.fixture(scope="module")
def agent(api) -> str:
    return api.verify(AGENT, AGENT_CHAT)


@pytest.fixture(scope="module")
def attacker(api) -> str:
    return api.verify(ATTACKER, ATTACKER_CHAT)


def granted(api: Api, principal: str) -> dict:
    response = api.grant(principal)
    assert response.status_code == 201, response.text
    return response.json()


def wrong(code: str) -> str:
    return "23456789" if code != "23456789" else "98765432"


def test_no_grant_in_someone_elses_name(api, principal, attacker):
    before = api.count()
    # The attacker's own identity check does not vouch for the principal.
    mine = api.grant(attacker, client=ATTACKER_CHAT)
    assert mine.status_code == 403 and mine.json()["error"] == "identity_mismatch"
    # The principal's check, replayed from the attacker's conversation, vouches only where it was made.
    replayed = api.grant(principal, client=ATTACKER_CHAT)
    assert replayed.status_code == 401 and replayed.json()["error"] == "identity_required"
    invented = api.grant("f" * 32, client=ATTACKER_CHAT)
    assert invented.status_code == 401
    # Without the action server's credential nothing is reached at all.
    anonymous = api.post("/api/v1/service/authorisations", {}, headers={})
    assert anonymous.status_code == 401
    assert api.count() == before
    # Control: the principal, in their own conversation, can.
    assert api.grant(principal).status_code == 201


def test_guessing_a_code_locks_the_authorisation_even_with_requests_at_once(api, principal, agent):
    target = granted(api, principal)
    guesses = [dict(target, code=f"{n:08d}".translate(str.maketrans("01", "XY"))) for n in range(2, 14)]
    guesses = [g for g in guesses if g["code"] != target["code"]]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda guess: api.check(guess, agent), guesses))
    assert all(a.status_code == 422 for a in answers), [a.text for a in answers]
    errors = [a.json()["error"] for a in answers]
    assert set(errors) <= {"authorisation_invalid", "authorisation_locked"}
    # Every guess before the lock was counted: concurrent requests did not slip past the limit.
    assert errors.count("authorisation_invalid") == MAX_WRONG_CODES
    stored = api.stored(target["number"])
    assert stored["wrong_tries"] == MAX_WRONG_CODES and stored["locked_at"] is not None
    # Now even the right code does not open it.
    right = api.check(target, agent)
    assert right.status_code == 422 and right.json()["error"] == "authorisation_locked"


def test_an_unknown_number_and_a_wrong_code_look_the_same(api, principal, agent):
    target = granted(api, principal)
    wrong_code = api.check(target, agent, code=wrong(target["code"]))
    unknown = api.check(target, agent, number=target["number"][:-6] + ("ZZZZZZ" if not target["number"].endswith("ZZZZZZ") else "AAAAAA"))
    assert (wrong_code.status_code, wrong_code.json()) == (unknown.status_code, unknown.json())
    assert wrong_code.json()["error"] == "authorisation_invalid"
    assert api.check(target, agent).status_code == 200  # one wrong try does not lock


def test_a_stolen_number_and_code_do_not_work_for_the_thief(api, principal, agent, attacker):
    target = granted(api, principal)
    # The thief, verified as themselves, names themselves as agent: it is not theirs.
    own = api.check(target, attacker, agent_id=ATTACKER[1], client=ATTACKER_CHAT)
    assert own.status_code == 422 and own.json()["error"] == "authorisation_other_agent"
    # Claiming to be the agent needs the agent's identity check, and it vouches only in the agent's conversation.
    claimed = api.check(target, attacker, client=ATTACKER_CHAT)
    assert claimed.status_code == 403 and claimed.json()["error"] == "identity_mismatch"
    replayed = api.check(target, agent, client=ATTACKER_CHAT)
    assert replayed.status_code == 401 and replayed.json()["error"] == "identity_required"
    # Control: the real agent in their conversation.
    assert api.check(target, agent).status_code == 200


def test_another_persons_authorisations_can_be_neither_read_nor_revoked(api, principal, agent, attacker):
    target = granted(api, principal)
    listed = api.post("/api/v1/service/authorisations/list",
                      {"principal_id": PRINCIPAL[1], "assurance_id": attacker, "client": ATTACKER_CHAT})
    assert listed.status_code == 403 and target["number"] not in listed.text
    own_list = api.post("/api/v1/service/authorisations/list",
                        {"principal_id": ATTACKER[1], "assurance_id": attacker, "client": ATTACKER_CHAT})
    assert own_list.status_code == 200 and target["number"] not in own_list.text
    revoked = api.post("/api/v1/service/authorisations/revoke", {
        "principal_id": ATTACKER[1], "assurance_id": attacker, "client": ATTACKER_CHAT, "number": target["number"]})
    assert revoked.status_code == 404
    assert api.stored(target["number"])["revoked_at"] is None
    assert api.check(target, agent).status_code == 200


def test_paper_authorisations_take_only_a_scanned_letter_from_staff(api, api_server):
    fields = {
        "principal_id": PRINCIPAL[1], "principal_name": PRINCIPAL[0], "agent_id": AGENT[1], "agent_name": AGENT[0],
        "item_codes": "ZM001", "document_no": "WT-SEC-1",
        "document_date": datetime.now(timezone(timedelta(hours=8))).date().isoformat(),
        "valid_until": (datetime.now(timezone(timedelta(hours=8))).date() + timedelta(days=30)).isoformat(),
        "inspected": "true",
    }
    url = api.url + "/api/v1/authorisations/paper"
    before = api.count()
    # The action server's credential is not a staff member's.
    as_service = httpx.post(url, data=fields, files={"scan": ("a.pdf", PDF, "application/pdf")}, headers=api.service)
    assert as_service.status_code == 403
    staff = bearer(api_server, new_account(api_server, "staff"))
    for name, data in (
        ("letter.pdf", b"<html><script>alert(1)</script></html>"),  # a page that calls itself a PDF
        ("letter.pdf", b"MZ\x90\x00\x03"),  # an executable
        ("letter.png", b"\x89PNX\r\n\x1a\n"),  # almost a PNG
    ):
        response = httpx.post(url, data=fields, files={"scan": (name, data, "application/pdf")}, headers=staff, timeout=30)
        assert response.status_code == 415, response.text
    # A body announced as larger than the limit is refused before it is sent, let alone read.
    host, port = api_server.config.api_url.rsplit("/", 1)[-1].split(":")
    head = (
        f"POST /api/v1/authorisations/paper HTTP/1.1\r\nHost: {host}\r\nAuthorization: {staff['Authorization']}\r\n"
        f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {6 * 1024 * 1024}\r\n\r\n--b\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(head.encode("ascii"))
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert api.count() == before
    # Control: the letter itself.
    accepted = httpx.post(url, data=fields, files={"scan": ("a.pdf", PDF, "application/pdf")}, headers=staff, timeout=30)
    assert accepted.status_code == 201, accepted.text
    assert api.stored(accepted.json()["number"])["scan_type"] == "application/pdf"
