"""Withdrawing someone's commitment from one new conversation after another, against a running API.

A withdrawal needs the ID holder's login code, typed back in the conversation that asked for it. An attacker who
knows 张伟's receipt number and ID number, but not his phone, opens one new chat after another (a new sender id
costs nothing) hoping each brings a fresh allowance: a new code with fresh wrong tries, or a withdrawal counter
of its own. The limits that stop the guessing are kept per ID, per phone and per code, whatever the sender:

- with the production limits, a second code to the same ID within the minute is refused to every new sender, and
  wrong guesses from any of them count against the one code on the phone until it locks;
- with the one-minute pause switched off, each new sender gets at most a new code until the ID's hourly count is
  spent, each code locks after its five wrong tries, and then no sender gets a code at all.

Nothing is ever withdrawn, and the receipt's public verification still says "accepted". The API runs alone, the
way the stack starts it, with its code limits set here: the session's stack loosens them for journeys at machine
speed (tests/e2e/limits.py), and those loosened values must not be what is tested.
"""
from __future__ import annotations

import uuid
from typing import Any, Dict, Iterator, List, Optional

import httpx
import pytest

from bot.core.conversation import key as conversation_key
from bot.core.catalogue import load_catalogue
from bot.tools.stack import Stack
from tests.e2e import outbox
from tests.security.forge import ZHANG_WEI, error_code, service_headers
from tests.security.test_identity_attacks import _api_alone, accepted, honest

pytestmark = pytest.mark.e2e

PHONE = "13800138000"  # 张伟's registered (实名) number, which the attacker does not hold
MAX_WRONG_TRIES = 5
MAX_PER_ID = 5
# api/config.py's defaults, set explicitly: the servers of a test session inherit looser ones.
PRODUCTION_LIMITS = {
    "GZ_OTP_TTL_SECONDS": "300", "GZ_OTP_MAX_WRONG_TRIES": str(MAX_WRONG_TRIES), "GZ_OTP_RESEND_SECONDS": "60",
    "GZ_OTP_WINDOW_SECONDS": "3600", "GZ_OTP_MAX_PER_ID": str(MAX_PER_ID), "GZ_OTP_MAX_PER_PHONE": "5",
    "GZ_OTP_MAX_PER_CLIENT": "20",
}
NO_PAUSE = {**PRODUCTION_LIMITS, "GZ_OTP_RESEND_SECONDS": "0"}


@pytest.fixture(scope="module")
def production_api(tmp_path_factory) -> Iterator[Stack]:
    yield from _api_alone(tmp_path_factory, "rotating-senders", PRODUCTION_LIMITS)


@pytest.fixture(scope="module")
def no_pause_api(tmp_path_factory) -> Iterator[Stack]:
    yield from _api_alone(tmp_path_factory, "rotating-senders-no-pause", NO_PAUSE)


def _post(server: Stack, path: str, body: Dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.config.api_url}{path}", json=body, headers=service_headers(server), timeout=30)


def new_sender() -> str:
    """A conversation the attacker just opened, named as the action server names it (channel and sender)."""
    return conversation_key("rest", f"rot-{uuid.uuid4().hex[:10]}")


def ask_code(server: Stack, sender: str) -> httpx.Response:
    return _post(server, "/api/v1/service/identity/codes",
                 {"purpose": "login", "id_number": ZHANG_WEI[1], "client": sender})


def type_code(server: Stack, sender: str, code: str) -> httpx.Response:
    return _post(server, "/api/v1/service/identity/codes/verify",
                 {"purpose": "login", "id_number": ZHANG_WEI[1], "code": code, "client": sender})


def withdraw(server: Stack, sender: str, number: str, assurance_id: Optional[str] = None) -> httpx.Response:
    body = {"commitment_no": number, "id_number": ZHANG_WEI[1], "reason": "我找到房子了，不符合条件了", "client": sender}
    if assurance_id:
        body["assurance_id"] = assurance_id
    return _post(server, "/api/v1/service/commitments/withdraw", body)


def guesses(avoid: str, count: int, start: int) -> List[str]:
    """``count`` six-digit codes, none of them ``avoid`` (the one on 张伟's phone)."""
    found: List[str] = []
    n = start
    while len(found) < count:
        guess = f"{(int(avoid) + 104729 * n) % 1_000_000:06d}"
        n += 1
        if guess != avoid and guess not in found:
            found.append(guess)
    return found


def current_status(server: Stack, receipt: Dict[str, Any]) -> str:
    answer = httpx.get(f"{server.config.api_url}/api/v1/commitments/{receipt['commitment_no']}/verify",
                       params={"code": receipt["check_code"]}, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["current_status"]


def test_new_senders_get_no_second_code_within_the_minute_and_share_the_codes_wrong_tries(production_api):
    path = outbox.outbox_path(production_api)
    first = new_sender()
    since = outbox.count(path)
    assert ask_code(production_api, first).status_code == 200
    real = outbox.newest_code(path, PHONE, since)
    sent = outbox.count(path)
    # Every new conversation asks again at once: no new code, whoever asks, and the wait is said.
    for _ in range(4):
        again = ask_code(production_api, new_sender())
        assert again.status_code == 429 and error_code(again) == "otp_too_soon", again.text
        assert int(again.headers["Retry-After"]) > 0
    assert outbox.count(path) == sent  # not one more SMS to 张伟's phone
    # Guesses typed in ever new conversations all count against the one code on the phone.
    answers = [error_code(type_code(production_api, new_sender(), g)) for g in guesses(real, MAX_WRONG_TRIES, 1)]
    assert answers == ["code_incorrect"] * (MAX_WRONG_TRIES - 1) + ["code_locked"], answers
    locked = type_code(production_api, new_sender(), real)
    assert locked.status_code == 422 and error_code(locked) == "code_locked", locked.text
    assert "assurance" not in locked.json()


def test_rotating_senders_never_withdraw_and_the_guesses_stop_at_the_ids_limit(no_pause_api):
    item = load_catalogue()["ZM001"]
    # 张伟 commits the honest way (his login code and his act code: two of his codes this hour).
    receipt = accepted(no_pause_api, honest(no_pause_api, item, "rot-owner"))
    number = receipt["commitment_no"]
    path = outbox.outbox_path(no_pause_api)
    codes_left = MAX_PER_ID - 2

    tried, wrong_answers, codes_sent = 0, [], 0
    for n in range(codes_left + 3):
        sender = new_sender()
        # The number and the ID, from a conversation that verified nobody: refused, whatever the sender.
        bare = withdraw(no_pause_api, sender, number)
        assert bare.status_code == 401 and error_code(bare) == "identity_required", bare.text
        made_up = withdraw(no_pause_api, sender, number, uuid.uuid4().hex)
        assert made_up.status_code == 401 and error_code(made_up) == "identity_required", made_up.text

        since = outbox.count(path)
        asked = ask_code(no_pause_api, sender)
        if n < codes_left:
            # A new code goes to 张伟's phone, never to the conversation: the answer holds the masked number only.
            assert asked.status_code == 200, asked.text
            assert asked.json()["sent_to"] == "138****8000" and PHONE not in asked.text
            real = outbox.newest_code(path, PHONE, since)
            assert real not in asked.text
            codes_sent += 1
            for guess in guesses(real, MAX_WRONG_TRIES, 1 + MAX_WRONG_TRIES * n):
                answer = type_code(no_pause_api, sender, guess)
                tried += 1
                assert answer.status_code == 422 and "assurance" not in answer.json(), answer.text
                wrong_answers.append(error_code(answer))
            # Locked: the code on the phone, had the attacker guessed it at last, opens nothing now.
            assert error_code(type_code(no_pause_api, sender, real)) == "code_locked"
        else:
            # The ID's hourly count is spent: no sender, however new, gets a code, and no SMS is sent.
            assert asked.status_code == 429 and error_code(asked) == "otp_id_limit", asked.text
            assert int(asked.headers["Retry-After"]) > 0
            assert outbox.count(path) == since
            # Nor are there fresh tries: the last code stays locked for every new sender.
            late = type_code(no_pause_api, sender, guesses("000000", 1, n)[0])
            assert late.status_code == 422 and error_code(late) == "code_locked", late.text

    assert codes_sent == codes_left
    assert tried == codes_left * MAX_WRONG_TRIES
    assert wrong_answers == (["code_incorrect"] * (MAX_WRONG_TRIES - 1) + ["code_locked"]) * codes_left
    # Nothing was withdrawn: the receipt's public verification still says accepted.
    assert current_status(no_pause_api, receipt) == "accepted"
