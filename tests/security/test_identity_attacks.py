"""Who acts, attacked: every attempt is a real HTTP request against running servers, and none may yield a receipt.

The attacker knows 张伟's name and ID number (as many people do) and holds the action server's credential, so
they can send any request body the action server could. They do not hold 张伟's phone. They try to:

- commit in 张伟's name in the chat, with a made-up name and his ID number, guessing the code sent to his phone;
- submit a commitment straight to the API with no assurance, with an assurance of another ID, with an assurance
  made in another conversation, with a login only, with a stale act confirmation, with an act confirmation of
  another statement, and with one act confirmation for two commitments;
- walk through receipt numbers at the public verification without the receipts' check codes;
- commit as a proxy without the special authorisation the platform holds.

Each refusal must carry its code and leave the chain of signed commitments as long as it was; a control of the
same shape, made the honest way, is accepted, so the refusals come from the identity checks and not from a
malformed request. The envelopes are signed with the stack's own channel key (tests/security/forge.py): what
the channels would sign is right, only who acts is wrong.

The chat attack needs the trained model and uses the session's stack; the others need only the API, started
alone the way the stack starts it (``bot.tools.stack.Stack``), one of them with a two-second act confirmation window
(``GZ_ACT_CONFIRMATION_SECONDS``), because a running server's clock cannot be moved.
"""
from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import httpx
import pytest

from bot.core.conversation import key as conversation_key
from bot.core.affirmation import statement
from bot.core.catalogue import Item, load_catalogue
from bot.tools.stack import Stack, StackConfig
from tests.conftest import free_port, scratch_pg_databases
from tests.e2e import outbox
from tests.e2e.grants import grant
from tests.e2e.test_journey import to_identity
from tests.security.forge import (ZHANG_WEI, Timeline, chain_length, channel_key, commitment_request, error_code,
                                  message_envelope, now, service_headers, submit)

pytestmark = pytest.mark.e2e

ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
PHONES = {ZHANG_WEI[1]: "13800138000", ZHAO_QIANG[1]: "13800135671", LIU_YANG[1]: "13912345678"}
MAX_WRONG_CODES = 5  # GZ_OTP_MAX_WRONG_TRIES, the API's default
SHORT_ACT_SECONDS = 2
PROXY_WORDS = f"我受{ZHAO_QIANG[0]}特别授权，代为承诺"
# Evidence of a forged conversation starts a few seconds back (forge.Timeline.plausible); a notice version
# published by `api.cli init` later than that is refused as before_publication, which is not what is tested.
SETTLE_SECONDS = 4.0


# --- the API alone -----------------------------------------------------------------------------------------


@dataclass
class ApiOnlyConfig(StackConfig):
    """A stack configuration whose API gets some settings of its own (only the API is started)."""

    api_extra_env: Dict[str, str] = field(default_factory=dict)

    def api_env(self) -> Dict[str, str]:
        return {**super().api_env(), **self.api_extra_env}


def _api_alone(tmp_path_factory, name: str, extra_env: Dict[str, str]) -> Iterator[Stack]:
    config = ApiOnlyConfig(
        var_dir=Path(tmp_path_factory.mktemp(name)), rasa_port=free_port(), action_port=free_port(),
        api_port=free_port(), pg_tracker_db=f"rasa_trackers_ia_{uuid.uuid4().hex[:8]}", api_extra_env=extra_env,
    )
    with scratch_pg_databases(config):
        server = Stack(config)
        server.prepare()
        prepared = time.monotonic()
        server.start_api()
        try:
            server.wait_ready("api", timeout=120)
            time.sleep(max(0.0, SETTLE_SECONDS - (time.monotonic() - prepared)))
            yield server
        finally:
            server.stop_all()


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Stack]:
    yield from _api_alone(tmp_path_factory, "identity-attacks", {})


@pytest.fixture(scope="module")
def short_act_api(tmp_path_factory) -> Iterator[Stack]:
    yield from _api_alone(tmp_path_factory, "identity-attacks-short-act",
                          {"GZ_ACT_CONFIRMATION_SECONDS": str(SHORT_ACT_SECONDS)})


@pytest.fixture(scope="module")
def items() -> Dict[str, Item]:
    catalogue = load_catalogue()
    return {code: catalogue[code] for code in ("ZM001", "ZM002", "ZM008")}


# --- what a person does with their own phone -----------------------------------------------------------------


def _post(server: Stack, path: str, body: Dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.config.api_url}{path}", json=body, headers=service_headers(server), timeout=30)


def _code(server: Stack, person: Tuple[str, str], conversation: str, act: Optional[Dict[str, str]] = None) -> Dict:
    """``person`` asks for a code in ``conversation`` (a REST sender, named as the action server names it:
    channel and sender), reads it on their own phone and types it back."""
    conversation = conversation_key("rest", conversation)
    path = outbox.outbox_path(server)
    since = outbox.count(path)
    purpose = {"purpose": "act", "act": act} if act else {"purpose": "login"}
    sent = _post(server, "/api/v1/service/identity/codes", {**purpose, "id_number": person[1], "client": conversation})
    assert sent.status_code == 200, sent.text
    code = outbox.newest_code(path, PHONES[person[1]], since)
    verified = _post(server, "/api/v1/service/identity/codes/verify",
                     {**purpose, "id_number": person[1], "code": code, "client": conversation})
    assert verified.status_code == 200, verified.text
    return verified.json()


def login(server: Stack, person: Tuple[str, str], conversation: str) -> str:
    return _code(server, person, conversation)["assurance"]["assurance_id"]


def act_of(item: Item, body: Dict[str, Any]) -> Dict[str, str]:
    """The act a commitment request's statement is confirmed as (``api.identity.gate.statement_act``)."""
    words = body["evidence"]["statement"]
    return {"item_name": item.name, "item_code": item.code,
            "statement_sha256": hashlib.sha256(words.encode("utf-8")).hexdigest()}


def confirm(server: Stack, person: Tuple[str, str], conversation: str, item: Item, body: Dict[str, Any]) -> str:
    """The act confirmation (意愿认证) of ``body``'s statement by ``person``, typed back in ``conversation``."""
    return _code(server, person, conversation, act_of(item, body))["act_confirmation"]["assurance"]["assurance_id"]


def conversation_of(prefix: str) -> str:
    return f"ia-{prefix}-{uuid.uuid4().hex[:10]}"


def zhang_request(server: Stack, item: Item, conversation: str, timeline: Optional[Timeline] = None) -> Dict:
    """张伟's commitment request as the action server would send it from ``conversation`` (no identity yet)."""
    return commitment_request(channel_key(server), item, channel="rest", sender=conversation, timeline=timeline)


def honest(server: Stack, item: Item, prefix: str = "honest") -> Dict[str, Any]:
    """张伟 commits the honest way: his login code, then the act code for the statement, in his conversation."""
    conversation = conversation_of(prefix)
    body = zhang_request(server, item, conversation)
    body["identity"] = {"assurance_id": login(server, ZHANG_WEI, conversation),
                        "act_confirmation_id": confirm(server, ZHANG_WEI, conversation, item, body)}
    return body


def refused(server: Stack, body: Dict[str, Any], status: int, code: str) -> None:
    """The request is refused with ``status`` and ``code``, in Chinese, and nothing is signed."""
    before = chain_length(server)
    response = submit(server, body)
    assert (response.status_code, error_code(response)) == (status, code), response.text
    assert "commitment_no" not in response.json() and "check_code" not in response.json()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json().get("message", "")), response.text
    assert chain_length(server) == before


def accepted(server: Stack, body: Dict[str, Any]) -> Dict[str, Any]:
    before = chain_length(server)
    response = submit(server, body)
    assert response.status_code == 201, response.text
    assert chain_length(server) == before + 1
    return response.json()


# --- the chat: an impostor with a real ID number ------------------------------------------------------------


def _bot_text(c) -> str:
    return " ".join(m.text for m in c.transcript.bot_messages())


def _guesses(real: str, count: int) -> list:
    """``count`` different six-digit codes, none of them the one on the phone."""
    found = []
    for n in range(1, count + 2):
        guess = f"{(int(real) + 7919 * n) % 1_000_000:06d}"
        if guess != real and guess not in found:
            found.append(guess)
    return found[:count]


def test_an_impostor_with_zhang_weis_id_in_the_chat_is_stopped_at_the_code_and_locked_out(chat, stack):
    before = chain_length(stack)
    path = outbox.outbox_path(stack)
    phone = PHONES[ZHANG_WEI[1]]
    c = chat()
    msgs = to_identity(c, "我想申请公租房", "ZM001")
    assert c.last_ask(msgs)["slot"] == "applicant_name"
    msgs = c.say("李明")  # a made-up name
    assert c.last_ask(msgs)["slot"] == "applicant_id"
    since = outbox.count(path)
    msgs = c.say(ZHANG_WEI[1])
    ask = c.last_ask(msgs)
    # The code goes to the phone on file for the ID, whoever typed it; the chat shows the number masked only.
    assert ask["slot"] == "identity_code" and ask["sent_to"] == "138****8000", ask
    real = outbox.newest_code(path, phone, since)  # on 张伟's phone, which the impostor does not hold

    # Skipping ahead is no way round the code.
    msgs = c.say("本人承诺")
    assert c.last_ask(msgs)["slot"] == "identity_code"
    for n, guess in enumerate(_guesses(real, MAX_WRONG_CODES), 1):
        since = outbox.count(path)
        msgs = c.say(guess)
        ask = c.last_ask(msgs)
        assert ask["slot"] == "identity_code", ask
        assert not c.customs(msgs, "notice_section") and not c.customs(msgs, "commitment_receipt")
        if n < MAX_WRONG_CODES:
            assert ask["error"] == "code_incorrect", (n, ask)
        else:
            # The fifth wrong code locks the one on the phone; a new one goes to 张伟's phone, not to the chat.
            assert ask["error"] == "code_locked", ask
            assert any("次数过多" in m.text for m in msgs), [m.text for m in msgs]
            resent = outbox.newest_to(path, phone, since)
            assert resent["code"] not in _bot_text(c)
    # The code that was on 张伟's phone before the lock opens nothing now either.
    msgs = c.say(real)
    assert c.last_ask(msgs)["slot"] == "identity_code" and not c.customs(msgs, "notice_section")

    # Nothing of 张伟 was shown or kept: no name, no phone, no credit standing, no assurance, no receipt.
    text = _bot_text(c)
    assert ZHANG_WEI[0] not in text and phone not in text
    slots = c.tracker_slots()
    assert slots["identity_assurance"] is None and slots["identity_code"] is None
    assert slots["credit_status"] is None and slots["requested_slot"] == "identity_code"
    assert not any(m.stage == "commitment_receipt" for m in c.transcript.bot_messages())
    assert chain_length(stack) == before


# --- forged submissions straight to the API, with the action server's credential ------------------------------


def test_a_forged_submission_without_an_assurance_is_refused(api, items):
    item = items["ZM001"]
    body = zhang_request(api, item, conversation_of("none"))
    refused(api, body, 401, "identity_required")
    body["identity"] = {"assurance_id": uuid.uuid4().hex}  # a made-up id
    refused(api, body, 401, "identity_required")
    # The action server's credential is what lets the request in at all.
    anonymous = httpx.post(f"{api.config.api_url}/api/v1/commitments", json=body, timeout=30)
    assert anonymous.status_code == 401 and "commitment_no" not in anonymous.text


def test_an_assurance_of_another_id_does_not_sign(api, items):
    item = items["ZM001"]
    conversation = conversation_of("other-id")
    body = zhang_request(api, item, conversation)
    # 赵强 verifies himself, with his own phone, in the very conversation, then signs as 张伟.
    zhao_login = login(api, ZHAO_QIANG, conversation)
    zhao_act = confirm(api, ZHAO_QIANG, conversation, item, body)
    body["identity"] = {"assurance_id": zhao_login, "act_confirmation_id": zhao_act}
    refused(api, body, 403, "identity_mismatch")
    # 张伟's login with 赵强's act code for the same words: the act is confirmed by the wrong person.
    body["identity"] = {"assurance_id": login(api, ZHANG_WEI, conversation), "act_confirmation_id": zhao_act}
    refused(api, body, 403, "identity_mismatch")
    # Control: 张伟's own act code.
    body["identity"]["act_confirmation_id"] = confirm(api, ZHANG_WEI, conversation, item, body)
    accepted(api, body)


def test_an_assurance_made_in_another_conversation_does_not_sign(api, items):
    item = items["ZM001"]
    victims, attackers = conversation_of("victim"), conversation_of("attacker")
    # 张伟 verified himself and confirmed these very words in his own chat; the ids leak to another one.
    genuine = zhang_request(api, item, victims)
    leaked = {"assurance_id": login(api, ZHANG_WEI, victims),
              "act_confirmation_id": confirm(api, ZHANG_WEI, victims, item, genuine)}
    body = zhang_request(api, item, attackers)
    body["identity"] = dict(leaked)
    refused(api, body, 401, "identity_required")
    # A login of the attacker's conversation (张伟 was tricked into reading one code out) does not carry the act
    # confirmation made elsewhere.
    body["identity"]["assurance_id"] = login(api, ZHANG_WEI, attackers)
    refused(api, body, 401, "identity_required")
    # Control: in the conversation where they were made, the same ids sign.
    genuine["identity"] = leaked
    accepted(api, genuine)


def test_a_login_alone_signs_nothing(api, items):
    item = items["ZM001"]
    conversation = conversation_of("login-only")
    body = zhang_request(api, item, conversation)
    assurance = login(api, ZHANG_WEI, conversation)
    body["identity"] = {"assurance_id": assurance}
    refused(api, body, 422, "act_confirmation_required")
    # The login assurance offered as the act confirmation is still no act confirmation.
    body["identity"] = {"assurance_id": assurance, "act_confirmation_id": assurance}
    refused(api, body, 422, "act_confirmation_required")
    # Nor is an act confirmation a login.
    act = confirm(api, ZHANG_WEI, conversation, item, body)
    body["identity"] = {"assurance_id": act, "act_confirmation_id": act}
    refused(api, body, 401, "identity_required")
    body["identity"] = {"assurance_id": assurance, "act_confirmation_id": act}
    accepted(api, body)


def test_an_act_confirmation_older_than_its_window_is_refused(short_act_api, items):
    item = items["ZM001"]
    # Control on the same server: confirmed and submitted at once, well inside the two seconds.
    accepted(short_act_api, honest(short_act_api, item, "short-act-control"))
    conversation = conversation_of("stale")
    body = zhang_request(short_act_api, item, conversation)
    body["identity"] = {"assurance_id": login(short_act_api, ZHANG_WEI, conversation),
                        "act_confirmation_id": confirm(short_act_api, ZHANG_WEI, conversation, item, body)}
    time.sleep(SHORT_ACT_SECONDS + 1.5)
    refused(short_act_api, body, 422, "act_confirmation_stale")


def test_an_act_confirmation_made_before_the_affirmation_is_refused(api, items):
    item = items["ZM001"]
    conversation = conversation_of("early-act")
    # A code for these exact words typed before the person affirmed them: it cannot confirm an affirmation
    # that came after it (an act code read out to someone, then an affirmation forged in the person's name).
    early = zhang_request(api, item, conversation)
    act = confirm(api, ZHANG_WEI, conversation, item, early)
    time.sleep(0.2)
    body = zhang_request(api, item, conversation, Timeline.plausible(now()))
    assert body["evidence"]["statement"] == early["evidence"]["statement"]
    body["identity"] = {"assurance_id": login(api, ZHANG_WEI, conversation), "act_confirmation_id": act}
    refused(api, body, 422, "act_confirmation_stale")


def test_an_act_confirmation_of_another_statement_is_refused(api, items):
    housing, allowance = items["ZM001"], items["ZM002"]
    conversation = conversation_of("other-act")
    body = zhang_request(api, housing, conversation)
    assurance = login(api, ZHANG_WEI, conversation)
    # 张伟 confirmed a commitment for 最低生活保障, and that confirmation is put under 公共租赁住房.
    other = zhang_request(api, allowance, conversation)
    body["identity"] = {"assurance_id": assurance,
                        "act_confirmation_id": confirm(api, ZHANG_WEI, conversation, allowance, other)}
    refused(api, body, 422, "act_confirmation_mismatch")
    # The same item, other words (a proxy's statement): the SMS named the item, but not these words.
    proxy_words = dict(body, evidence=dict(body["evidence"], statement=statement(housing.name, "proxy", ZHANG_WEI[0],
                                                                                  LIU_YANG[0])))
    body["identity"]["act_confirmation_id"] = confirm(api, ZHANG_WEI, conversation, housing, proxy_words)
    refused(api, body, 422, "act_confirmation_mismatch")
    body["identity"]["act_confirmation_id"] = confirm(api, ZHANG_WEI, conversation, housing, body)
    accepted(api, body)


def test_one_act_confirmation_signs_one_commitment_only(api, items):
    item = items["ZM001"]
    conversation = conversation_of("twice")
    # Two requests with the same words, each with its own messages and idempotency key, then one act code.
    first, second = zhang_request(api, item, conversation), zhang_request(api, item, conversation)
    identity = {"assurance_id": login(api, ZHANG_WEI, conversation),
                "act_confirmation_id": confirm(api, ZHANG_WEI, conversation, item, second)}
    first["identity"], second["identity"] = dict(identity), dict(identity)
    accepted(api, first)
    refused(api, second, 422, "act_confirmation_used")


# --- receipt numbers --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def receipt(api, items) -> Dict[str, Any]:
    return accepted(api, honest(api, items["ZM001"], "receipt"))


def _same_answer(answer: httpx.Response, reference: httpx.Response, number: str, reference_number: str) -> None:
    assert answer.status_code == reference.status_code == 404, (number, answer.text)
    assert answer.text.replace(number, "N") == reference.text.replace(reference_number, "N"), number


def test_receipt_numbers_cannot_be_walked_through_without_their_check_codes(api, receipt):
    number, code = receipt["commitment_no"], receipt["check_code"]
    base = f"{api.config.api_url}/api/v1/commitments"
    opened = httpx.get(f"{base}/{number}/verify", params={"code": code}, timeout=30)
    assert opened.status_code == 200 and opened.json()["valid"] is True  # control: the receipt itself
    prefix, sequence = number[:-6], int(number[-6:])
    made_up = f"{prefix[:2]}20990101-{sequence:06d}"
    wrong = "".join("2" if ch != "2" else "3" for ch in code)
    around = [f"{prefix}{n:06d}" for n in range(max(1, sequence - 3), sequence + 4) if n != sequence]
    for accept in ("application/json", "text/html"):
        headers = {"Accept": accept}
        reference = httpx.get(f"{base}/{made_up}/verify", params={"code": code}, headers=headers, timeout=30)
        assert reference.status_code == 404
        tries = [(number, {}), (number, {"code": ""}), (number, {"code": wrong}), (number, {"code": code[:-1]})]
        tries += [(other, {"code": code}) for other in around] + [(other, {}) for other in around]
        for other, params in tries:
            answer = httpx.get(f"{base}/{other}/verify", params=params, headers=headers, timeout=30)
            _same_answer(answer, reference, other, made_up)
            assert code not in answer.text and (accept != "application/json" or "valid" not in answer.json())
    # The notice a receipt cites answers only with the code too.
    assert httpx.get(f"{base}/{number}/notice", params={"code": code}, timeout=30).status_code == 200
    reference = httpx.get(f"{base}/{made_up}/notice", params={"code": code}, timeout=30)
    for other, params in [(number, {}), (number, {"code": wrong})] + [(o, {"code": code}) for o in around]:
        _same_answer(httpx.get(f"{base}/{other}/notice", params=params, timeout=30), reference, other, made_up)


# --- a proxy without the platform's special authorisation --------------------------------------------------------


def proxy_request(server: Stack, item: Item, conversation: str) -> Dict[str, Any]:
    """刘洋 commits for 赵强 from ``conversation``, naming a 授权委托书 and ticking 特别授权: all the old journey
    asked for. The affirmation is the proxy's own words; every envelope is signed by the channel key."""
    key, timeline = channel_key(server), Timeline.plausible()
    body = commitment_request(key, item, channel="rest", sender=conversation, who=ZHAO_QIANG,
                              phone=PHONES[LIU_YANG[1]], timeline=timeline)
    affirmation = message_envelope(key, channel="rest", sender=conversation, text=PROXY_WORDS,
                                   at=timeline.affirmation_at)
    body["evidence"].update(affirmation_text=affirmation["text"], affirmation_at=affirmation["at"],
                            statement=statement(item.name, "proxy", ZHAO_QIANG[0], LIU_YANG[0]))
    body["evidence"]["channel_evidence"]["affirmation"] = affirmation
    body["proxy"] = {"name": LIU_YANG[0], "id_number": LIU_YANG[1], "authorization_no": "SQWT-2026-0012",
                     "special_authorization": True}
    return body


def test_a_proxy_commitment_without_the_platforms_authorisation_is_refused(api, items):
    # The other proxy attacks (someone else's grant, a stolen number and code, guessing codes, another agent)
    # are in tests/security/test_proxy_attacks.py.
    item = items["ZM008"]
    conversation = conversation_of("agent")
    body = proxy_request(api, item, conversation)
    # The agent proves who he is and confirms the words with codes to his own phone: all but the authorisation.
    body["identity"] = {"assurance_id": login(api, LIU_YANG, conversation),
                        "act_confirmation_id": confirm(api, LIU_YANG, conversation, item, body)}
    refused(api, body, 422, "authorisation_required")
    body["proxy"]["authorisation"] = {"number": "SQ20260101-AAAAAA", "code": "AAAAAAAA"}  # made up
    refused(api, body, 422, "authorisation_invalid")
    # Control: 赵强 grants it in his own conversation and passes on the number and the code.
    granted = grant(api, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, [item.code])
    body["proxy"]["authorisation"] = {"number": granted["number"], "code": granted["code"]}
    signed = accepted(api, body)
    assert signed["proxy"] is True


def test_a_proxy_commitment_under_an_authorisation_for_another_item_or_agent_is_refused(api, items):
    item = items["ZM008"]
    conversation = conversation_of("agent-elsewhere")
    body = proxy_request(api, item, conversation)
    body["identity"] = {"assurance_id": login(api, LIU_YANG, conversation),
                        "act_confirmation_id": confirm(api, LIU_YANG, conversation, item, body)}
    # 赵强 authorised 刘洋 for 公共租赁住房 only, and authorised 张伟 (not 刘洋) for this very item.
    for agent, codes, error in ((LIU_YANG, ["ZM001"], "authorisation_other_item"),
                                (ZHANG_WEI, [item.code], "authorisation_other_agent")):
        granted = grant(api, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], agent, codes)
        body["proxy"]["authorisation"] = {"number": granted["number"], "code": granted["code"]}
        refused(api, body, 422, error)


def _database(server: Stack):
    import sqlalchemy as sa

    url = server.config.api_env()["GZ_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    return sa.create_engine(url)


def test_a_proxy_commitment_under_an_expired_authorisation_is_refused(api, items):
    import sqlalchemy as sa

    item = items["ZM008"]
    conversation = conversation_of("agent-late")
    body = proxy_request(api, item, conversation)
    body["identity"] = {"assurance_id": login(api, LIU_YANG, conversation),
                        "act_confirmation_id": confirm(api, LIU_YANG, conversation, item, body)}
    granted = grant(api, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, [item.code])
    body["proxy"]["authorisation"] = {"number": granted["number"], "code": granted["code"]}
    # A running server's clock cannot be moved on by months: the grant's period is put in the past where the
    # server keeps it, as if its last day had gone by (the signed record keeps what was granted).
    engine = _database(api)
    try:
        with engine.begin() as db:
            db.execute(sa.text("UPDATE authorisations SET valid_until = :day WHERE number = :n"),
                       {"day": "2026-01-01", "n": granted["number"]})
    finally:
        engine.dispose()
    refused(api, body, 422, "authorisation_expired")
