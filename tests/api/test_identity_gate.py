"""The identity gate: an assurance vouches for one ID, in the conversation it was made in, for a while; an act
confirmation confirms exactly one act. And the two ways a conversation gets an assurance without an SMS code in
it: a staff attestation on the hotline, and a login (or a signing login) at the city's identity platform.

Real database, real keys, the real SMS outbox; the OIDC part runs the API under uvicorn against the real
loopback provider (tests/oidc_provider.py) with an httpx "browser", as tests/api/test_oidc.py does.
"""
from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any, Dict, Optional
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from api.errors import ApiError
from api.identity.assurance import Act
from api.identity.gate import IdentityGate
from tests.api.access_helpers import login
from tests.api.helpers import LI_NA, ZHANG_WEI
from tests.api.test_identity import (CODES, VERIFY, Clock, identity_client, outbox)  # noqa: F401
from tests.api.test_oidc import CALLBACK_PATH, ZHANG_WEI_ID, Site, provider, site  # noqa: F401

CURRENT = "/api/v1/service/identity/assurances/current"
STATEMENT = hashlib.sha256("本人承诺：本人及家庭成员在本市无自有住房。".encode("utf-8")).hexdigest()
ACT = {"item_name": "公共租赁住房资格申请", "statement_sha256": STATEMENT, "item_code": "ZM001"}


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api(initialised, clock):
    with identity_client(initialised, clock) as client:
        yield client


def verified(api, settings, person=ZHANG_WEI, conversation="chat-a", act: Optional[dict] = None) -> Dict[str, Any]:
    body: Dict[str, Any] = {"purpose": "act" if act else "login", "id_number": person[1], "client": conversation}
    if act:
        body["act"] = act
    sent = api.post(CODES, json=body)
    assert sent.status_code == 200, sent.text
    answer = api.post(VERIFY, json={**body, "code": outbox(settings)[-1]["code"]})
    assert answer.status_code == 200, answer.text
    return answer.json()


def gate_of(api) -> IdentityGate:
    state = api.app.state
    settings = state.settings
    from api.identity.deps import get_otp_key

    class _Request:
        app = api.app

    return IdentityGate(get_otp_key(_Request()), state.id_hash_key, settings.identity_session_seconds,
                        settings.act_confirmation_seconds)


def refused(call, code: str) -> None:
    with pytest.raises(ApiError) as caught:
        call()
    assert caught.value.error == code, caught.value.error
    assert caught.value.message  # a Chinese sentence, never only a code


def test_an_assurance_vouches_for_its_id_in_its_conversation_for_a_while(api, initialised, clock):
    assurance = verified(api, initialised)["assurance"]
    gate = gate_of(api)
    with api.app.state.sessionmaker() as session:
        found = gate.require(session, assurance["assurance_id"], ZHANG_WEI[1], clock.now, conversation="chat-a")
        assert found.method == "sms_otp" and found.masked_phone == "138****8000"
        refused(lambda: gate.require(session, assurance["assurance_id"], ZHANG_WEI[1], clock.now,
                                     conversation="chat-b"), "identity_required")
        refused(lambda: gate.require(session, assurance["assurance_id"], LI_NA[1], clock.now,
                                     conversation="chat-a"), "identity_mismatch")
        refused(lambda: gate.require(session, "0" * 32, ZHANG_WEI[1], clock.now, conversation="chat-a"),
                "identity_required")
        refused(lambda: gate.require(session, None, ZHANG_WEI[1], clock.now), "identity_required")
        later = clock.now + timedelta(seconds=initialised.identity_session_seconds + 1)
        refused(lambda: gate.require(session, assurance["assurance_id"], ZHANG_WEI[1], later,
                                     conversation="chat-a"), "identity_expired")


def test_a_login_is_no_act_confirmation_and_an_act_confirmation_is_no_login(api, initialised, clock):
    login_assurance = verified(api, initialised)["assurance"]
    clock.advance(61)  # one code per ID a minute
    act_answer = verified(api, initialised, act=ACT)
    confirmation_id = act_answer["act_confirmation"]["assurance"]["assurance_id"]
    gate = gate_of(api)
    act = Act(**ACT)
    other = Act(**{**ACT, "statement_sha256": hashlib.sha256(b"another statement").hexdigest()})
    with api.app.state.sessionmaker() as session:
        found = gate.act(session, confirmation_id, ZHANG_WEI[1], act, clock.now, conversation="chat-a")
        assert found.act_sha256 == act.digest() and found.sms_text_sha256
        refused(lambda: gate.act(session, login_assurance["assurance_id"], ZHANG_WEI[1], act, clock.now,
                                 conversation="chat-a"), "act_confirmation_required")
        refused(lambda: gate.require(session, confirmation_id, ZHANG_WEI[1], clock.now, conversation="chat-a"),
                "identity_required")
        refused(lambda: gate.act(session, confirmation_id, ZHANG_WEI[1], other, clock.now, conversation="chat-a"),
                "act_confirmation_mismatch")
        refused(lambda: gate.act(session, confirmation_id, ZHANG_WEI[1], act, clock.now, conversation="chat-b"),
                "identity_required")
        stale = clock.now + timedelta(seconds=initialised.act_confirmation_seconds + 1)
        refused(lambda: gate.act(session, confirmation_id, ZHANG_WEI[1], act, stale, conversation="chat-a"),
                "act_confirmation_stale")
        # The code came back before the words it would confirm: it confirms nothing said after it.
        refused(lambda: gate.act(session, confirmation_id, ZHANG_WEI[1], act, clock.now, conversation="chat-a",
                                 not_before=clock.now + timedelta(seconds=5)), "act_confirmation_stale")


def test_the_current_assurance_is_found_only_in_its_own_conversation(api, initialised):
    verified(api, initialised, conversation="chat-a")
    mine = api.post(CURRENT, json={"id_number": ZHANG_WEI[1], "client": "chat-a"})
    assert mine.status_code == 200 and mine.json()["method"] == "sms_otp"
    for other in ({"id_number": ZHANG_WEI[1], "client": "chat-b"}, {"id_number": LI_NA[1], "client": "chat-a"}):
        answer = api.post(CURRENT, json=other)
        assert answer.status_code == 404 and answer.json()["error"] == "identity_required"


def test_a_hotline_attestation_vouches_in_the_call_it_was_made_in(api, initialised):
    service_token = api.headers.pop("X-Service-Token")  # the staff member's own token, and nothing else
    staff = login(api, initialised, "demo_staff")
    started = api.post("/api/v1/hotline/sessions", json={"call_id": "CALL-1", "caller_phone": "13800138000"},
                       headers=staff)
    assert started.status_code == 201, started.text
    sid = started.json()["session_id"]
    attested = api.post(f"/api/v1/hotline/sessions/{sid}/identity",
                        json={"id_number": ZHANG_WEI[1], "how": "callback_registered_phone"},
                        headers=staff)
    assert attested.status_code == 201, attested.text
    assert attested.json()["method"] == "hotline_attestation" and attested.json()["verifier"].startswith("staff:")
    conversation = f"hotline:hotline-{sid}"  # the call's channel and Rasa sender (bot/core/conversation.py)
    api.headers["X-Service-Token"] = service_token
    found = api.post(CURRENT, json={"id_number": ZHANG_WEI[1], "client": conversation})
    assert found.status_code == 200, found.text
    assert found.json()["assurance_id"] == attested.json()["assurance_id"]
    assert api.post(CURRENT, json={"id_number": ZHANG_WEI[1], "client": "chat-a"}).status_code == 404
    # Without a staff token nobody attests: the action server's service token is no staff member.
    assert api.post(f"/api/v1/hotline/sessions/{sid}/identity",
                    json={"id_number": ZHANG_WEI[1], "how": "callback_registered_phone"}).status_code in (401, 403)


# --- through the identity platform ------------------------------------------------------------------------


def platform_login(site: Site, browser: httpx.Client, start: Dict[str, str], user: str = "zhangwei",
                   page: bool = False) -> httpx.Response:
    started = browser.get(f"{site.base}/api/v1/identity/oidc/start", params=start)
    assert started.status_code == 302, started.text
    authorize = started.headers["location"]
    answer = browser.get(authorize)
    if answer.status_code == 200:
        answer = browser.post(authorize, data={"username": user, "password": "correct horse"})
    assert answer.status_code == 302, answer.text
    headers = {"Accept": "text/html"} if page else {}
    return browser.get(answer.headers["location"], headers=headers)


def service(site: Site) -> httpx.Client:
    return httpx.Client(base_url=site.base, timeout=10, headers={"X-Service-Token": site.app.state.service_token})


def test_a_platform_login_in_the_widget_verifies_the_chat_conversation(site):  # noqa: F811
    with site.browser() as browser, service(site) as api:
        done = platform_login(site, browser, {"purpose": "login", "conversation": "widget-1"}, page=True)
        assert done.status_code == 200 and "回到对话窗口" in done.text and "gz_identity" in done.text
        # The widget names its socket.io session; the login vouches there, and on no other channel.
        found = api.post(CURRENT, json={"id_number": ZHANG_WEI_ID, "client": "socketio:widget-1"})
        assert found.status_code == 200, found.text
        assert found.json()["method"] == "oidc"
        for other in ("socketio:widget-2", "rest:widget-1", "widget-1"):
            assert api.post(CURRENT, json={"id_number": ZHANG_WEI_ID, "client": other}).status_code == 404


def test_a_signing_login_confirms_exactly_the_act_of_its_ticket(site):  # noqa: F811
    with site.browser() as browser, service(site) as api:
        link = api.post("/api/v1/service/identity/oidc/signing",
                        json={"id_number": ZHANG_WEI_ID, "client": "widget-1", "act": ACT})
        assert link.status_code == 200, link.text
        query = parse_qs(urlsplit(link.json()["url"]).query)
        assert query["purpose"] == ["signing"]
        pending = api.post("/api/v1/service/identity/oidc/acts/current",
                           json={"id_number": ZHANG_WEI_ID, "client": "widget-1", "act": ACT})
        assert pending.status_code == 404
        done = platform_login(site, browser, {"purpose": "signing", "ticket": query["ticket"][0]})
        assert done.status_code == 200, done.text
        asked = site.provider.authorize_requests[-1]
        assert asked["prompt"] == "login" and asked["max_age"]  # a new login, made for this act
        confirmed = api.post("/api/v1/service/identity/oidc/acts/current",
                             json={"id_number": ZHANG_WEI_ID, "client": "widget-1", "act": ACT})
        assert confirmed.status_code == 200, confirmed.text
        body = confirmed.json()
        assert body["act_sha256"] == Act(**ACT).digest() and body["assurance"]["method"] == "oidc"
        assert body["sms_text_sha256"] is None
        other = {**ACT, "statement_sha256": hashlib.sha256(b"another statement").hexdigest()}
        assert api.post("/api/v1/service/identity/oidc/acts/current",
                        json={"id_number": ZHANG_WEI_ID, "client": "widget-1", "act": other}).status_code == 404
        assert api.post("/api/v1/service/identity/oidc/acts/current",
                        json={"id_number": ZHANG_WEI_ID, "client": "widget-2", "act": ACT}).status_code == 404


def test_a_signing_ticket_for_another_person_confirms_nothing(site):  # noqa: F811
    with site.browser() as browser, service(site) as api:
        link = api.post("/api/v1/service/identity/oidc/signing",
                        json={"id_number": LI_NA[1], "client": "widget-1", "act": ACT})
        ticket = parse_qs(urlsplit(link.json()["url"]).query)["ticket"][0]
        done = platform_login(site, browser, {"purpose": "signing", "ticket": ticket})  # 张伟 logs in
        assert done.status_code == 403 and done.json()["error"] == "oidc_subject_mismatch"
        assert api.post("/api/v1/service/identity/oidc/acts/current",
                        json={"id_number": LI_NA[1], "client": "widget-1", "act": ACT}).status_code == 404
        # A ticket somebody edited does not open.
        bad = browser.get(f"{site.base}/api/v1/identity/oidc/start",
                          params={"purpose": "signing", "ticket": ticket[:-4] + "AAAA"})
        assert bad.status_code == 400
