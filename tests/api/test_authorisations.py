"""Special authorisations (特别授权): granted electronically by a verified principal, or recorded by staff from a
paper letter; listed and revoked by the principal; checked for and used by the verified agent (R5).

Real HTTP requests through the real app and database; identities are verified the real way, with the login code
read from the SMS outbox file. The clock is the API's ``get_now``, moved by the tests.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, Iterator, Optional

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.audit.models import AuditEvent
from api.authorisations import service
from api.authorisations.models import Authorisation
from api.clock import china_date
from api.config import Settings
from api.dependencies import get_now
from api.errors import ApiError
from api.identity.assurance import subject_hash
from api.main import create_app
from bot.core import sealing
from bot.core.canonical import canonical_json, sha256_hex
from tests.api.access_helpers import login
from tests.api.helpers import LI_NA, LIU_YANG, ZHANG_WEI, ZHAO_QIANG

GRANT = "/api/v1/service/authorisations"
LIST = "/api/v1/service/authorisations/list"
REVOKE = "/api/v1/service/authorisations/revoke"
CHECK = "/api/v1/service/authorisations/check"
PAPER = "/api/v1/authorisations/paper"
CODES = "/api/v1/service/identity/codes"
VERIFY = "/api/v1/service/identity/codes/verify"

PRINCIPAL = ZHAO_QIANG  # clean, often represented
AGENT = LIU_YANG  # acts as proxy
PRINCIPAL_CHAT = "rest-principal-1"
AGENT_CHAT = "rest-agent-1"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api(initialised: Settings, clock: Clock) -> Iterator[TestClient]:
    app = create_app(initialised)
    app.dependency_overrides[get_now] = lambda: clock.now
    try:
        with TestClient(app) as client:
            client.headers.update({"X-Service-Token": app.state.service_token})
            yield client
    finally:
        app.state.engine.dispose()


def verified(api: TestClient, settings: Settings, clock: Clock, person: tuple, conversation: str) -> str:
    """A login assurance for ``person`` made in ``conversation``, the way the action server gets one."""
    clock.advance(seconds=61)  # one code per ID per minute
    sent = api.post(CODES, json={"purpose": "login", "id_number": person[1], "client": conversation})
    assert sent.status_code == 200, sent.text
    outbox = (settings.var_path / "sms-outbox.jsonl").read_text(encoding="utf-8").splitlines()
    code = json.loads(outbox[-1])["code"]
    checked = api.post(VERIFY, json={"purpose": "login", "id_number": person[1], "code": code})
    assert checked.status_code == 200, checked.text
    return checked.json()["assurance"]["assurance_id"]


def today(clock: Clock) -> date:
    return china_date(clock.now)


def grant(
    api: TestClient, assurance: str, *, principal: tuple = PRINCIPAL, agent: tuple = AGENT,
    items=("ZM001",), valid_until: Optional[date] = None, client: str = PRINCIPAL_CHAT, clock: Optional[Clock] = None,
):
    return api.post(GRANT, json={
        "principal_id": principal[1], "principal_name": principal[0], "assurance_id": assurance, "client": client,
        "agent_name": agent[0], "agent_id": agent[1], "item_codes": list(items),
        "valid_until": (valid_until or (today(clock) + timedelta(days=90))).isoformat(),
    })


def check(api: TestClient, granted: Dict[str, Any], agent_assurance: str, **changes: Any):
    body = {
        "number": granted["number"], "code": granted["code"], "principal_id": PRINCIPAL[1], "agent_id": AGENT[1],
        "agent_assurance_id": agent_assurance, "client": AGENT_CHAT, "item_code": "ZM001",
    }
    body.update(changes)
    return api.post(CHECK, json=body)


@pytest.fixture
def principal_assurance(api, initialised, clock) -> str:
    return verified(api, initialised, clock, PRINCIPAL, PRINCIPAL_CHAT)


@pytest.fixture
def granted(api, principal_assurance, clock) -> Dict[str, Any]:
    response = grant(api, principal_assurance, clock=clock)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def agent_assurance(api, initialised, clock, granted) -> str:
    return verified(api, initialised, clock, AGENT, AGENT_CHAT)


def row(api: TestClient, number: str) -> Authorisation:
    with api.app.state.sessionmaker() as session:
        found = session.scalars(select(Authorisation).where(Authorisation.number == number)).one()
        session.expunge(found)
        return found


def use(api: TestClient, granted: Dict[str, Any], clock: Clock, **changes: Any) -> service.AuthorisationUse:
    arguments = dict(
        number=granted["number"], code=granted["code"], principal_id=PRINCIPAL[1], agent_id=AGENT[1],
        item_code="ZM001", now=clock.now, id_hash_key=api.app.state.id_hash_key,
    )
    arguments.update(changes)
    with api.app.state.sessionmaker() as session:
        return service.use_for_commitment(session, **arguments)


def refusal(response) -> str:
    assert response.status_code == 422, response.text
    return response.json()["error"]


# --- grant, check, use -------------------------------------------------------------------------------------


def test_grant_check_and_use(api, initialised, clock, granted, agent_assurance):
    assert granted["number"].startswith(f"SQ{today(clock):%Y%m%d}-") and len(granted["number"]) == 17
    assert len(granted["code"]) == 8 and set(granted["code"]) <= set(service.CODE_ALPHABET)
    assert granted["kind"] == "electronic" and granted["item_codes"] == ["ZM001"] and granted["agent_name"] == "刘洋"

    checked = check(api, granted, agent_assurance)
    assert checked.status_code == 200, checked.text
    assert checked.json() == {
        "number": granted["number"], "kind": "electronic", "valid_until": granted["valid_until"], "item_codes": ["ZM001"],
    }
    # The code is typed by hand: lower case, spaces and a hyphen between groups are the same code.
    spaced = granted["code"][:4].lower() + " - " + granted["code"][4:].lower()
    assert check(api, granted, agent_assurance, code=spaced).status_code == 200

    used = use(api, granted, clock)
    stored = row(api, granted["number"])
    assert used == service.AuthorisationUse(
        number=granted["number"], kind="electronic", record_sha256=stored.record_sha256,
        valid_until=date.fromisoformat(granted["valid_until"]),
    )


def test_the_record_is_signed_sealed_and_says_it_covers_committing(api, initialised, clock, granted):
    stored = row(api, granted["number"])
    key_hash = api.app.state.id_hash_key
    # P5: nothing personal in clear, neither in the columns nor in the stored grant; the code only as an HMAC.
    assert PRINCIPAL[1] not in stored.canonical and AGENT[1] not in stored.canonical and "刘洋" not in stored.canonical
    assert stored.principal_hash == subject_hash(PRINCIPAL[1], key_hash)
    assert stored.agent_hash == subject_hash(AGENT[1], key_hash)
    assert stored.code_hmac == service.code_hmac(key_hash, granted["number"], granted["code"])
    assert granted["code"] not in stored.canonical
    with api.app.state.engine.connect() as connection:
        raw = connection.exec_driver_sql(
            "SELECT principal_name, principal_id, agent_name, agent_id FROM authorisations").one()
    assert all(sealing.is_sealed(value) for value in raw)

    with api.app.state.sessionmaker() as session:
        fresh = session.scalars(select(Authorisation).where(Authorisation.number == granted["number"])).one()
        payload = service.payload_of(fresh)
        assert service.verify_record(fresh, api.app.state.platform_key)
        assert (fresh.principal_name, fresh.principal_id, fresh.agent_id) == (PRINCIPAL[0], PRINCIPAL[1], AGENT[1])
    data = canonical_json(payload)
    assert sha256_hex(data) == stored.record_sha256
    assert api.app.state.platform_key.verify_as(stored.key_id, data, stored.signature)
    assert payload["scope"] == ["代为作出告知承诺"] and "代为作出告知承诺" in payload["statement"]
    assert payload["principal"] == {"name": PRINCIPAL[0], "id_type": "resident_id", "id_number": PRINCIPAL[1]}
    assert payload["agent"]["id_number"] == AGENT[1]
    assert payload["principal_assurance"]["subject_hash"] == stored.principal_hash
    assert payload["principal_assurance"]["assurance_id"] == stored.principal_assurance_id
    assert payload["items"] == [{"code": "ZM001", "name": "公共租赁住房资格申请"}]

    # An edited column no longer matches what was signed.
    with api.app.state.sessionmaker() as session:
        fresh = session.scalars(select(Authorisation).where(Authorisation.number == granted["number"])).one()
        fresh.canonical = fresh.canonical.replace("ZM001", "ZM004")
        assert not service.verify_record(fresh, api.app.state.platform_key)


# --- refusals of check and use -------------------------------------------------------------------------------


def test_an_expired_authorisation_is_refused(api, initialised, clock, principal_assurance):
    response = grant(api, principal_assurance, valid_until=today(clock) + timedelta(days=2))
    assert response.status_code == 201, response.text
    granted = response.json()
    clock.advance(days=2)
    assert use(api, granted, clock).number == granted["number"]  # the last day still counts
    clock.advance(days=1)
    agent = verified(api, initialised, clock, AGENT, AGENT_CHAT)
    assert refusal(check(api, granted, agent)) == "authorisation_expired"
    with pytest.raises(ApiError) as raised:
        use(api, granted, clock)
    assert raised.value.error == "authorisation_expired"


def test_a_revoked_authorisation_is_refused(api, initialised, clock, granted, principal_assurance, agent_assurance):
    revoked = api.post(REVOKE, json={
        "principal_id": PRINCIPAL[1], "assurance_id": principal_assurance, "client": PRINCIPAL_CHAT,
        "number": granted["number"],
    })
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["status"] == "revoked"
    assert refusal(check(api, granted, agent_assurance)) == "authorisation_revoked"
    with pytest.raises(ApiError) as raised:
        use(api, granted, clock)
    assert raised.value.error == "authorisation_revoked"


def test_another_item_agent_or_principal_is_refused(api, initialised, clock, granted, agent_assurance):
    assert refusal(check(api, granted, agent_assurance, item_code="XK001")) == "authorisation_other_item"
    assert refusal(check(api, granted, agent_assurance, principal_id=ZHANG_WEI[1])) == "authorisation_other_principal"
    # Another verified person holding the number and code is still not the agent.
    other = verified(api, initialised, clock, ZHANG_WEI, "rest-someone-else")
    response = check(api, granted, other, agent_id=ZHANG_WEI[1], client="rest-someone-else")
    assert refusal(response) == "authorisation_other_agent"
    for changes, error in (
        ({"item_code": "XK001"}, "authorisation_other_item"),
        ({"agent_id": ZHANG_WEI[1]}, "authorisation_other_agent"),
        ({"principal_id": LI_NA[1]}, "authorisation_other_principal"),
    ):
        with pytest.raises(ApiError) as raised:
            use(api, granted, clock, **changes)
        assert raised.value.error == error and raised.value.status_code == 422
    # None of these was a wrong code.
    assert row(api, granted["number"]).wrong_tries == 0


def test_a_wrong_code_gets_the_same_answer_as_an_unknown_number(api, initialised, clock, granted, agent_assurance):
    wrong_code = "2" * 8 if granted["code"] != "2" * 8 else "3" * 8
    wrong = check(api, granted, agent_assurance, code=wrong_code)
    unknown = check(api, granted, agent_assurance, number="SQ20261207-ZZZZZZ")
    malformed = check(api, granted, agent_assurance, number="not-a-number")
    assert wrong.status_code == unknown.status_code == malformed.status_code == 422
    assert wrong.json() == unknown.json() == malformed.json()
    assert wrong.json()["error"] == "authorisation_invalid"
    assert row(api, granted["number"]).wrong_tries == 1


def test_five_wrong_codes_lock_it_for_use_but_not_for_the_principal(
    api, initialised, clock, granted, principal_assurance, agent_assurance,
):
    wrong_code = "2" * 8 if granted["code"] != "2" * 8 else "3" * 8
    for _ in range(service.MAX_WRONG_CODES):
        assert refusal(check(api, granted, agent_assurance, code=wrong_code)) == "authorisation_invalid"
    assert refusal(check(api, granted, agent_assurance)) == "authorisation_locked"
    with pytest.raises(ApiError) as raised:
        use(api, granted, clock)
    assert raised.value.error == "authorisation_locked"
    stored = row(api, granted["number"])
    assert stored.wrong_tries == service.MAX_WRONG_CODES and stored.locked_at is not None

    own = {"principal_id": PRINCIPAL[1], "assurance_id": principal_assurance, "client": PRINCIPAL_CHAT}
    listed = api.post(LIST, json=own).json()["authorisations"]
    assert [(a["number"], a["status"]) for a in listed] == [(granted["number"], "locked")]
    assert api.post(REVOKE, json={**own, "number": granted["number"]}).status_code == 200


def test_wrong_codes_through_use_for_commitment_are_counted(api, initialised, clock, granted):
    with api.app.state.sessionmaker() as session:
        with pytest.raises(ApiError) as raised:
            service.use_for_commitment(
                session, number=granted["number"], code="WRONGCOD", principal_id=PRINCIPAL[1], agent_id=AGENT[1],
                item_code="ZM001", now=clock.now, id_hash_key=api.app.state.id_hash_key,
            )
        assert raised.value.error == "authorisation_invalid"
        session.commit()  # what the caller does to keep the count
    assert row(api, granted["number"]).wrong_tries == 1


def test_check_needs_the_agent_verified_in_this_conversation(api, initialised, clock, granted, agent_assurance):
    assert check(api, granted, "no-such-assurance").status_code == 401
    elsewhere = check(api, granted, agent_assurance, client="rest-another-chat")
    assert elsewhere.status_code == 401 and elsewhere.json()["error"] == "identity_required"
    # The principal's assurance does not vouch for the agent.
    mismatch = check(api, granted, agent_assurance, agent_id=PRINCIPAL[1])
    assert mismatch.status_code == 403 and mismatch.json()["error"] == "identity_mismatch"
    assert row(api, granted["number"]).wrong_tries == 0


# --- the principal's list and revocation --------------------------------------------------------------------


def test_the_list_shows_only_ones_own(api, initialised, clock, granted, principal_assurance):
    other_assurance = verified(api, initialised, clock, ZHANG_WEI, "rest-zhang")
    other = grant(api, other_assurance, principal=ZHANG_WEI, client="rest-zhang", clock=clock)
    assert other.status_code == 201, other.text

    listed = api.post(LIST, json={"principal_id": PRINCIPAL[1], "assurance_id": principal_assurance,
                                  "client": PRINCIPAL_CHAT})
    assert listed.status_code == 200, listed.text
    (entry,) = listed.json()["authorisations"]
    assert entry["number"] == granted["number"] and entry["number"] != other.json()["number"]
    assert entry["agent_name"] == "刘*" and entry["status"] == "active" and entry["item_codes"] == ["ZM001"]
    assert AGENT[1] not in listed.text and "刘洋" not in listed.text

    # Someone else's assurance cannot read this principal's list.
    stolen = api.post(LIST, json={"principal_id": PRINCIPAL[1], "assurance_id": other_assurance, "client": "rest-zhang"})
    assert stolen.status_code == 403 and stolen.json()["error"] == "identity_mismatch"


def test_revoking_another_principals_authorisation_is_not_found(api, initialised, clock, granted, agent_assurance):
    other_assurance = verified(api, initialised, clock, ZHANG_WEI, "rest-zhang")
    response = api.post(REVOKE, json={
        "principal_id": ZHANG_WEI[1], "assurance_id": other_assurance, "client": "rest-zhang",
        "number": granted["number"],
    })
    assert response.status_code == 404 and response.json()["error"] == "authorisation_not_found"
    unknown = api.post(REVOKE, json={
        "principal_id": ZHANG_WEI[1], "assurance_id": other_assurance, "client": "rest-zhang",
        "number": "SQ20261207-ZZZZZZ",
    })
    assert unknown.status_code == 404 and unknown.json() == response.json()
    assert row(api, granted["number"]).revoked_at is None
    assert check(api, granted, agent_assurance).status_code == 200


# --- grant refusals -----------------------------------------------------------------------------------------


def test_a_grant_without_a_verified_principal_is_refused(api, initialised, clock):
    unknown = grant(api, "0" * 32, clock=clock)
    assert unknown.status_code == 401 and unknown.json()["error"] == "identity_required"
    # The agent's own assurance cannot grant in the principal's name.
    agent = verified(api, initialised, clock, AGENT, PRINCIPAL_CHAT)
    forged = grant(api, agent, clock=clock)
    assert forged.status_code == 403 and forged.json()["error"] == "identity_mismatch"
    # An assurance made in another conversation does not vouch here.
    principal = verified(api, initialised, clock, PRINCIPAL, "rest-elsewhere")
    elsewhere = grant(api, principal, clock=clock)
    assert elsewhere.status_code == 401 and elsewhere.json()["error"] == "identity_required"
    # Nor one that is too old.
    fresh = verified(api, initialised, clock, PRINCIPAL, PRINCIPAL_CHAT)
    clock.advance(seconds=initialised.identity_session_seconds + 1)
    stale = grant(api, fresh, clock=clock)
    assert stale.status_code == 401 and stale.json()["error"] == "identity_expired"
    with api.app.state.sessionmaker() as session:
        assert session.scalars(select(Authorisation)).first() is None


def test_a_grant_is_checked(api, initialised, clock, principal_assurance):
    cases = [
        ({"items": ("ZM004",)}, "proxy_not_allowed"),  # the law wants the applicant in person
        ({"items": ("XK101",)}, "excluded"),
        ({"items": ("ZM999",)}, "unknown_item"),
        ({"agent": PRINCIPAL}, "agent_is_principal"),
        ({"agent": ("某公司", "91410100MA44XK7L3D")}, "invalid_id_format"),  # an agent is a natural person
        ({"valid_until": today(clock)}, "valid_until_past"),
        ({"valid_until": today(clock) + timedelta(days=367)}, "valid_until_too_long"),
    ]
    for changes, error in cases:
        response = grant(api, principal_assurance, clock=clock, **changes)
        assert response.status_code == 422, (changes, response.text)
        assert response.json()["error"] == error, (changes, response.text)
    one_year = grant(api, principal_assurance, clock=clock, valid_until=date(2027, 12, 7), items=("ZM001", "XK001"))
    assert one_year.status_code == 201, one_year.text
    assert one_year.json()["item_codes"] == ["ZM001", "XK001"]


# --- paper authorisations -----------------------------------------------------------------------------------


@pytest.fixture
def desk(api) -> TestClient:
    """The staff console's client: a bearer token only (the action server's token would be taken first)."""
    return TestClient(api.app)


def paper_fields(clock: Clock, **changes: str) -> Dict[str, str]:
    fields = {
        "principal_id": PRINCIPAL[1], "principal_name": PRINCIPAL[0], "agent_id": AGENT[1], "agent_name": AGENT[0],
        "item_codes": "ZM001，XK001", "document_no": "WT-2026-0042",
        "document_date": (today(clock) - timedelta(days=3)).isoformat(),
        "valid_until": (today(clock) + timedelta(days=60)).isoformat(), "inspected": "true",
    }
    fields.update(changes)
    return fields


def test_staff_record_a_paper_authorisation(api, desk, initialised, clock):
    staff = login(desk, initialised, "demo_staff")
    response = desk.post(PAPER, headers=staff, data=paper_fields(clock), files={"scan": ("letter.pdf", PDF, "application/pdf")})
    assert response.status_code == 201, response.text
    granted = response.json()
    assert granted["kind"] == "paper" and granted["item_codes"] == ["ZM001", "XK001"] and len(granted["code"]) == 8

    stored = row(api, granted["number"])
    assert (stored.scan_sha256, stored.scan_size, stored.scan_type) == (hashlib.sha256(PDF).hexdigest(), len(PDF), "application/pdf")
    assert stored.staff_actor == "demo_staff" and stored.document_no == "WT-2026-0042"
    assert stored.principal_assurance_id is None
    with api.app.state.sessionmaker() as session:
        fresh = session.scalars(select(Authorisation).where(Authorisation.number == granted["number"])).one()
        payload = service.payload_of(fresh)
        assert service.verify_record(fresh, api.app.state.platform_key)
        audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "authorisation.paper_record")).one()
    assert payload["paper"]["scan"]["sha256"] == stored.scan_sha256 and payload["paper"]["inspected"] is True
    assert audited.actor == "demo_staff" and audited.target == granted["number"]
    assert PRINCIPAL[1] not in json.dumps(audited.detail, ensure_ascii=False)

    # The agent uses it like an electronic one.
    agent = verified(api, initialised, clock, AGENT, AGENT_CHAT)
    checked = check(api, granted, agent, item_code="XK001")
    assert checked.status_code == 200 and checked.json()["kind"] == "paper"


def test_a_paper_scan_of_another_type_is_refused(api, desk, initialised, clock):
    staff = login(desk, initialised, "demo_staff")
    for name, data in (("letter.pdf", b"MZ\x90\x00 an executable named like a PDF"), ("letter.gif", b"GIF89a....")):
        response = desk.post(PAPER, headers=staff, data=paper_fields(clock), files={"scan": (name, data, "application/pdf")})
        assert response.status_code == 415 and response.json()["error"] == "scan_type_not_allowed", response.text
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    too_big = b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024)
    assert desk.post(PAPER, headers=staff, data=paper_fields(clock), files={"scan": ("a.jpg", too_big, "image/jpeg")}).status_code == 413
    not_inspected = desk.post(PAPER, headers=staff, data=paper_fields(clock, inspected="false"),
                             files={"scan": ("a.png", png, "image/png")})
    assert not_inspected.status_code == 422 and not_inspected.json()["error"] == "inspection_required"
    no_scan = desk.post(PAPER, headers=staff, data=paper_fields(clock), files={"other": ("a.png", png, "image/png")})
    assert no_scan.status_code == 422 and no_scan.json()["error"] == "scan_required"
    too_long = desk.post(PAPER, headers=staff, files={"scan": ("a.png", png, "image/png")}, data=paper_fields(
        clock, document_date=(today(clock) - timedelta(days=300)).isoformat(),
        valid_until=(today(clock) + timedelta(days=100)).isoformat()))
    assert too_long.status_code == 422 and too_long.json()["error"] == "valid_until_too_long"
    as_json = desk.post(PAPER, headers=staff, json=paper_fields(clock))
    assert as_json.status_code == 415
    with api.app.state.sessionmaker() as session:
        assert session.scalars(select(Authorisation)).first() is None
    accepted = desk.post(PAPER, headers=staff, data=paper_fields(clock), files={"scan": ("a.png", png, "image/png")})
    assert accepted.status_code == 201 and row(api, accepted.json()["number"]).scan_type == "image/png"


def test_only_staff_record_paper_authorisations(api, desk, initialised, clock):
    files = {"scan": ("letter.pdf", PDF, "application/pdf")}
    # The action server's token is not staff.
    assert api.post(PAPER, data=paper_fields(clock), files=files).status_code == 403
    officer = login(desk, initialised, "demo_officer")
    assert desk.post(PAPER, headers=officer, data=paper_fields(clock), files=files).status_code == 403
    assert desk.post(PAPER, data=paper_fields(clock), files=files).status_code == 401
    with api.app.state.sessionmaker() as session:
        assert session.scalars(select(Authorisation)).first() is None
