"""The demo identities the README prints, typed by anyone: each request a real one against a running API.

The README and docs/demo-identities.md publish names and ID numbers (or credit codes) so that people can try the
assistant, which makes them exactly what an attacker knows. For every one of them, a name and a number, with the
action server's credential or with none, give no applicant token, no credit standing, no records, no warning that
tells one file from another, no commitment status and no list of authorisations; someone verified as another
demo person gets nothing of theirs either. The answers are the same for a clean file and a serious one, so not
even "has records" can be read off them. The control: the person themselves, after the code on their phone.

The identities are read from the two documents, so a demo person added there is attacked here too.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import httpx
import pytest

from bot.core.conversation import key as conversation_key
from bot.tools.stack import ROOT, Stack
from tests.e2e import outbox
from tests.security.forge import error_code, service_headers
from tests.security.test_identity_attacks import _api_alone

pytestmark = pytest.mark.e2e

# "张伟 410105199001011233" in the README's prose; "| 张伟 | 410105199001011233 |" in the docs' table.
PAIR = re.compile(r"([\u4e00-\u9fff（）]{2,30})\s*\|?\s*(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})(?![0-9A-Z])")
MADE_UP_NO = "CN20990101-000001"
ATTACKER = ("刘洋", "410105200002291113")
ATTACKER_PHONE = "13912345678"
LI_NA = ("李娜", "410102198505052342")  # a serious record
LI_NA_PHONE = "13800132342"


def published_identities() -> List[Tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("Demo identities")
    found = PAIR.findall(readme[start:readme.index("\n\n", start)])
    table = (ROOT / "docs" / "demo-identities.md").read_text(encoding="utf-8")
    found += PAIR.findall(table[table.index("## People"):table.index("## Staff")])
    unique: Dict[str, str] = {}
    for name, number in found:
        unique.setdefault(number, name)
    return [(name, number) for number, name in unique.items()]


IDENTITIES = published_identities()


def test_the_documents_publish_the_demo_people_this_module_attacks():
    numbers = {number for _, number in IDENTITIES}
    # The README's own list, and the enterprises of the docs' table, are all found.
    assert {"410105199001011233", "410102198505052342", "410184197803154566", "410103196208085671",
            "410105200002291113", "91410100MA44XK7L3D", "91410105MA9F0Q2W1A"} <= numbers, IDENTITIES
    assert len(IDENTITIES) >= 8


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Stack]:
    yield from _api_alone(tmp_path_factory, "demo-identities", {})


def _post(server: Stack, path: str, body: Dict[str, Any], headers: Optional[Dict[str, str]] = None) -> httpx.Response:
    return httpx.post(f"{server.config.api_url}{path}", json=body, headers=headers or {}, timeout=30)


def _login(server: Stack, person: Tuple[str, str], phone: str, conversation: str) -> str:
    path = outbox.outbox_path(server)
    since = outbox.count(path)
    sent = _post(server, "/api/v1/service/identity/codes",
                 {"purpose": "login", "id_number": person[1], "client": conversation}, service_headers(server))
    assert sent.status_code == 200, sent.text
    code = outbox.newest_code(path, phone, since)
    verified = _post(server, "/api/v1/service/identity/codes/verify",
                     {"purpose": "login", "id_number": person[1], "code": code, "client": conversation},
                     service_headers(server))
    assert verified.status_code == 200, verified.text
    return verified.json()["assurance"]["assurance_id"]


def _personal_requests(person: Tuple[str, str], proof: Dict[str, str]) -> List[Tuple[str, Dict[str, Any]]]:
    """Every service request that would say something about ``person``, with ``proof`` (perhaps none)."""
    name, number = person
    return [
        ("/api/v1/credit/check", {"id_number": number, **proof}),
        ("/api/v1/service/credit/records", {"id_number": number, "name": name, **proof}),
        ("/api/v1/service/credit/warning", {"id_number": number, "item_code": "XK007", **proof}),
        ("/api/v1/service/commitments/status", {"commitment_no": MADE_UP_NO, "id_number": number, **proof}),
        ("/api/v1/service/authorisations/list", {"principal_id": number, **proof}),
    ]


def _strip(answer: httpx.Response) -> Tuple[int, Any]:
    return answer.status_code, answer.json()


def test_a_published_name_and_number_give_no_applicant_token(api):
    for name, number in IDENTITIES:
        for body in ({"name": name, "id_number": number}, {"name": name, "id_number": number, "code": "000000"}):
            answer = _post(api, "/api/v1/auth/applicant", body)
            assert answer.status_code in (401, 422), (name, body, answer.text)
            assert "access_token" not in answer.text, (name, answer.text)


def test_a_published_name_and_number_open_nothing_and_all_look_alike(api):
    headers = service_headers(api)
    seen: Dict[str, set] = {}
    for person in IDENTITIES:
        conversation = conversation_key("rest", f"demo-{uuid.uuid4().hex[:8]}")
        for proof in ({"client": conversation}, {"client": conversation, "assurance_id": uuid.uuid4().hex}):
            for path, body in _personal_requests(person, proof):
                answer = _post(api, path, body, headers)
                # Refused for want of a verified identity (or, where the proof is a required field, for want of
                # the field): never an answer about the person.
                refusal = (answer.status_code, error_code(answer))
                assert refusal in ((401, "identity_required"), (422, "invalid_request")), (person, path, answer.text)
                assert refusal == (401, "identity_required") or "assurance_id" not in proof, (person, path)
                for secret in ("records", "blocked", "clean", "repaired", "严重", "虚假承诺", "authorisations"):
                    assert secret not in answer.text, (person, path, secret, answer.text)
                seen.setdefault(f"{path} {sorted(proof)}", set()).add(repr(_strip(answer)))
            # Without the action server's credential nothing is reached at all.
            for path, body in _personal_requests(person, proof):
                assert _post(api, path, body).status_code == 401, (person, path)
    # One and the same answer for every published person: a clean file and a serious one look alike.
    assert {request: len(answers) for request, answers in seen.items()} == dict.fromkeys(seen, 1), seen


def test_someone_verified_as_another_demo_person_gets_nothing_of_theirs(api):
    conversation = conversation_key("rest", f"demo-attacker-{uuid.uuid4().hex[:8]}")
    proof = {"client": conversation, "assurance_id": _login(api, ATTACKER, ATTACKER_PHONE, conversation)}
    headers = service_headers(api)
    seen: Dict[str, set] = {}
    for person in IDENTITIES:
        if person[1] == ATTACKER[1]:
            continue
        for path, body in _personal_requests(person, proof):
            answer = _post(api, path, body, headers)
            assert answer.status_code == 403 and error_code(answer) == "identity_mismatch", (person, path, answer.text)
            assert "严重" not in answer.text and "虚假承诺" not in answer.text and "records" not in answer.text
            seen.setdefault(path, set()).add(repr(_strip(answer)))
    assert {request: len(answers) for request, answers in seen.items()} == dict.fromkeys(seen, 1), seen


def test_control_the_person_with_their_phone_sees_their_own_file(api):
    conversation = conversation_key("rest", f"demo-li-{uuid.uuid4().hex[:8]}")
    proof = {"client": conversation, "assurance_id": _login(api, LI_NA, LI_NA_PHONE, conversation)}
    records = _post(api, "/api/v1/service/credit/records", {"id_number": LI_NA[1], "name": LI_NA[0], **proof},
                    service_headers(api))
    assert records.status_code == 200 and [r["severity"] for r in records.json()["records"]] == ["严重"]
