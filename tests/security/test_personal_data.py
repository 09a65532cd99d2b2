"""Nothing personal before verification: against a running API, whoever holds the action server's credential (or
no credential at all) and types a name, an ID number or a receipt number learns nothing about that person, and
can neither sign in as them nor withdraw their commitment, until the person has typed back the code sent to
the ID's real-name (实名) phone, in this very conversation.

Only the API is needed for these attacks, so the module starts the API alone, the way the security suite's
stack starts it (``bot.tools.stack.Stack``: migrated, seeded with the demo people, its own var directory, SQLite or
the scale profile's PostgreSQL), and reads the SMS the way a person reads their phone (tests/e2e/outbox.py).
"""
from __future__ import annotations

import hashlib
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import httpx
import pytest

from bot.core.conversation import key as conversation_key
from bot.core.catalogue import load_catalogue
from tests.conftest import free_port, scratch_pg_databases
from tests.e2e import outbox
from tests.security.forge import ZHANG_WEI, channel_key, commitment_request, min_reading_seconds, service_headers, submit

pytestmark = pytest.mark.e2e

LI_NA = ("李娜", "410102198505052342")  # a serious, unrepaired credit record
ZHAO_QIANG = ("赵强", "410103196208085671")
PHONES = {ZHANG_WEI[1]: "13800138000", LI_NA[1]: "13800132342", ZHAO_QIANG[1]: "13800135671"}
MADE_UP_NO = "CN20990101-000001"


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Any]:
    from bot.tools.stack import Stack, StackConfig

    config = StackConfig(
        var_dir=Path(tmp_path_factory.mktemp("personal-data-var")),
        rasa_port=free_port(), action_port=free_port(), api_port=free_port(),
        pg_tracker_db=f"rasa_trackers_pd_{uuid.uuid4().hex[:8]}",
    )
    with scratch_pg_databases(config):
        stack = Stack(config)
        stack.prepare()  # publishes the notice versions (api.cli init)
        prepared = time.monotonic()
        stack.start_api()
        try:
            stack.wait_ready("api")
            # Forged evidence begins a reading time back (forge.Timeline.plausible): were the notice published
            # later than that, the request would be refused as before_publication, which is not what is tested.
            time.sleep(max(0.0, min_reading_seconds() + 3.0 - (time.monotonic() - prepared)))
            yield stack
        finally:
            stack.stop_all()


def post(stack, path: str, body: Dict[str, Any], headers: Optional[Dict[str, str]] = None) -> httpx.Response:
    return httpx.post(f"{stack.config.api_url}{path}", json=body, headers=headers or {}, timeout=30)


def sms_code(stack, person: Tuple[str, str], conversation: str, act: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    """The person in ``conversation`` asks for a code, reads it on their phone and types it back."""
    path = outbox.outbox_path(stack)
    since = outbox.count(path)
    purpose = {"purpose": "act", "act": act} if act else {"purpose": "login"}
    sent = post(stack, "/api/v1/service/identity/codes", {**purpose, "id_number": person[1], "client": conversation},
                service_headers(stack))
    assert sent.status_code == 200, sent.text
    code = outbox.newest_code(path, PHONES[person[1]], since)
    verified = post(stack, "/api/v1/service/identity/codes/verify", {**purpose, "id_number": person[1], "code": code},
                    service_headers(stack))
    assert verified.status_code == 200, verified.text
    return verified.json()


def verified(stack, person: Tuple[str, str], conversation: str) -> Dict[str, str]:
    return {"assurance_id": sms_code(stack, person, conversation)["assurance"]["assurance_id"], "client": conversation}


@pytest.fixture(scope="module")
def zhang_receipt(api) -> Dict[str, Any]:
    """张伟's commitment, made the honest way: signed after his login code and the act code for its statement."""
    item = load_catalogue()["ZM001"]
    conversation = f"pd-zhang-{uuid.uuid4().hex[:8]}"
    body = commitment_request(channel_key(api), item, channel="rest", sender=conversation)
    statement = body["evidence"]["statement"]
    act = {"item_name": item.name, "item_code": item.code,
           "statement_sha256": hashlib.sha256(statement.encode("utf-8")).hexdigest()}
    # The action server names the conversation by its channel and sender (bot/core/conversation.py).
    chat = conversation_key("rest", conversation)
    login = sms_code(api, ZHANG_WEI, chat)["assurance"]["assurance_id"]
    confirmed = sms_code(api, ZHANG_WEI, chat, act)["act_confirmation"]["assurance"]["assurance_id"]
    body["identity"] = {"assurance_id": login, "act_confirmation_id": confirmed}
    response = submit(api, body)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_name_and_an_id_number_give_no_applicant_token(api):
    for person in (ZHANG_WEI, LI_NA):
        bare = post(api, "/api/v1/auth/applicant", {"name": person[0], "id_number": person[1]})
        assert bare.status_code == 422 and "access_token" not in bare.text
        guessed = post(api, "/api/v1/auth/applicant", {"name": person[0], "id_number": person[1], "code": "000000"})
        assert guessed.status_code == 401 and "access_token" not in guessed.text


def test_the_applicant_token_comes_from_the_code_on_the_registered_phone(api, zhang_receipt):
    path = outbox.outbox_path(api)
    since = outbox.count(path)
    sent = post(api, "/api/v1/auth/applicant/code", {"id_number": ZHANG_WEI[1]})
    assert sent.status_code == 200, sent.text
    assert "138" not in sent.text  # not even the masked number: the answer is the same for every ID
    code = outbox.newest_code(path, PHONES[ZHANG_WEI[1]], since)
    token = post(api, "/api/v1/auth/applicant", {"id_number": ZHANG_WEI[1], "code": code})
    assert token.status_code == 200, token.text
    mine = httpx.get(f"{api.config.api_url}/api/v1/me/commitments", timeout=30,
                     headers={"Authorization": f"Bearer {token.json()['access_token']}"})
    assert [c["commitment_no"] for c in mine.json()] == [zhang_receipt["commitment_no"]]


def test_no_credit_standing_or_records_before_verification(api):
    # The same refusal for 李娜 (a serious record) and 张伟 (none): nothing to tell them apart.
    headers = service_headers(api)
    for path, extra in (("/api/v1/credit/check", {}), ("/api/v1/service/credit/records", {"name": "李娜"}),
                        ("/api/v1/service/credit/warning", {"item_code": "XK007"})):
        answers = []
        for person in (LI_NA, ZHANG_WEI):
            response = post(api, path, {"id_number": person[1], "client": "pd-attacker", **extra}, headers)
            assert response.status_code == 401, (path, response.text)
            assert "records" not in response.json() and "blocked" not in response.text and "严重" not in response.text
            answers.append(response.json())
        assert answers[0] == answers[1], path
        assert answers[0]["error"] == "identity_required"


def test_the_verified_person_sees_their_own_standing(api):
    conversation = f"pd-li-{uuid.uuid4().hex[:8]}"
    li = verified(api, LI_NA, conversation)
    check = post(api, "/api/v1/credit/check", {"id_number": LI_NA[1], **li}, service_headers(api))
    assert check.status_code == 200 and check.json()["status"] == "blocked"
    records = post(api, "/api/v1/service/credit/records", {"id_number": LI_NA[1], **li}, service_headers(api))
    assert records.status_code == 200 and [r["severity"] for r in records.json()["records"]] == ["严重"]
    # Her assurance is no key to another person's file, nor good in another conversation.
    other = post(api, "/api/v1/credit/check", {"id_number": ZHANG_WEI[1], **li}, service_headers(api))
    assert other.status_code == 403 and other.json()["error"] == "identity_mismatch"
    elsewhere = post(api, "/api/v1/service/credit/records", {"id_number": LI_NA[1], **li, "client": "pd-elsewhere"},
                     service_headers(api))
    assert elsewhere.status_code == 401 and "严重" not in elsewhere.text


def test_number_and_id_neither_show_nor_withdraw_a_commitment(api, zhang_receipt):
    headers = service_headers(api)
    number = zhang_receipt["commitment_no"]
    for path, extra in (("/api/v1/service/commitments/status", {}),
                        ("/api/v1/service/commitments/withdraw", {"reason": "冒名撤回"})):
        real = post(api, path, {"commitment_no": number, "id_number": ZHANG_WEI[1], "client": "pd-x", **extra}, headers)
        made_up = post(api, path, {"commitment_no": MADE_UP_NO, "id_number": ZHANG_WEI[1], "client": "pd-x", **extra},
                       headers)
        assert real.status_code == made_up.status_code == 401, (path, real.text)
        assert real.json() == made_up.json()
    # Someone verified as themselves (赵强) in their own conversation gets nothing of 张伟's either.
    conversation = f"pd-zhao-{uuid.uuid4().hex[:8]}"
    zhao = verified(api, ZHAO_QIANG, conversation)
    for id_number, status in ((ZHANG_WEI[1], 403), (ZHAO_QIANG[1], 404)):
        response = post(api, "/api/v1/service/commitments/withdraw",
                        {"commitment_no": number, "id_number": id_number, "reason": "冒名撤回", **zhao}, headers)
        assert response.status_code == status, (id_number, response.text)


def test_the_verified_owner_reads_and_withdraws_in_their_conversation_only(api, zhang_receipt):
    headers = service_headers(api)
    number = zhang_receipt["commitment_no"]
    zhang = verified(api, ZHANG_WEI, f"pd-zhang-own-{uuid.uuid4().hex[:8]}")
    replayed = {**zhang, "client": "pd-somewhere-else"}
    refused = post(api, "/api/v1/service/commitments/withdraw",
                   {"commitment_no": number, "id_number": ZHANG_WEI[1], "reason": "改按原程序办理", **replayed}, headers)
    assert refused.status_code == 401
    status = post(api, "/api/v1/service/commitments/status", {"commitment_no": number, "id_number": ZHANG_WEI[1], **zhang},
                  headers)
    assert status.status_code == 200 and status.json()["status"] == "accepted"
    done = post(api, "/api/v1/service/commitments/withdraw",
                {"commitment_no": number, "id_number": ZHANG_WEI[1], "reason": "改按原程序办理", **zhang}, headers)
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"


def test_a_report_about_a_number_says_nothing_about_it(api, zhang_receipt):
    headers = service_headers(api)
    answers = []
    for number in (zhang_receipt["commitment_no"], MADE_UP_NO):
        response = post(api, "/api/v1/service/complaints", {
            "complaint_text": "这份承诺的申请人实际有住房，承诺不实。", "commitment_no": number,
            "channel": "rest", "sender_id": f"pd-reporter-{number}"}, headers)
        assert response.status_code == 201, response.text
        answers.append(set(response.json().items()) - {("ticket_no", response.json()["ticket_no"])})
    assert answers[0] == answers[1]
    claimed = post(api, "/api/v1/service/complaints", {
        "complaint_text": "我的承诺一直没有结果。", "commitment_no": zhang_receipt["commitment_no"],
        "id_number": ZHANG_WEI[1], "channel": "rest", "sender_id": "pd-claimer"}, headers)
    assert claimed.status_code == 401 and claimed.json()["error"] == "identity_required"
