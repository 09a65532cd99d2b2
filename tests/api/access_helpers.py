"""Helpers for the access, lifecycle, complaint and disclosure tests (imported as ``tests.api.access_helpers``)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.auth.service import read_demo_accounts_file
from api.commitments import lifecycle
from api.commitments.models import Commitment
from api.config import Settings
from api.database import make_engine, make_sessionmaker
from api.dependencies import get_now
from tests.api.helpers import ZHANG_WEI, commitment_body


def demo_password(settings: Settings, username: str) -> str:
    return read_demo_accounts_file(settings.demo_accounts_file)[username]


def login(client: TestClient, settings: Settings, username: str) -> Dict[str, str]:
    response = client.post(
        "/api/v1/auth/login", json={"username": username, "password": demo_password(settings, username)}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def service_headers(settings: Settings) -> Dict[str, str]:
    return {"X-Service-Token": settings.service_token_file.read_text().strip()}


def applicant_headers(client: TestClient, applicant: tuple = ZHANG_WEI) -> Dict[str, str]:
    """An applicant's token the way a person gets one: a login code to the ID's 实名 phone (read from the SMS
    outbox), typed back. An applicant without a phone in the demo data gets one registered first."""
    from tests.api.helpers import _as_if_codes_were_long_ago, register_phone, registered_phone, sms_outbox

    moved = client.app.dependency_overrides.pop(get_now, None)  # codes run on the real clock, like the chat's
    try:
        phone = registered_phone(client, applicant[1])
        if phone is None:
            phone = "13800130000"
            register_phone(client, applicant[1], phone)
        _as_if_codes_were_long_ago(client)
        sent = client.post("/api/v1/auth/applicant/code", json={"id_number": applicant[1]})
        assert sent.status_code == 200, sent.text
        code = [m for m in sms_outbox(client) if m["to"] == phone][-1]["code"]
        response = client.post("/api/v1/auth/applicant", json={"id_number": applicant[1], "code": code})
    finally:
        if moved is not None:
            client.app.dependency_overrides[get_now] = moved
    assert response.status_code == 200, response.text
    assert response.json()["role"] == "applicant"
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def verified_as(client: TestClient, person: tuple, conversation: str = "rest-session-1") -> Dict[str, str]:
    """What the chat sends once the person in ``conversation`` has typed back the login code sent to the ID's
    实名 phone: ``{"assurance_id", "client"}``. A person without a phone in the demo data gets one registered."""
    from tests.api.helpers import login_assurance, register_phone, registered_phone

    if registered_phone(client, person[1]) is None:
        register_phone(client, person[1], "13800130000")
    return {"assurance_id": login_assurance(client, person[1], conversation), "client": conversation}


def commit(client: TestClient, code: str = "ZM001", applicant: tuple = ZHANG_WEI, **kwargs: Any) -> Dict[str, Any]:
    response = client.post("/api/v1/commitments", json=commitment_body(client, code, applicant, **kwargs))
    assert response.status_code == 201, response.text
    return response.json()


def move_to(
    settings: Settings,
    commitment_no: str,
    to_status: str,
    *,
    actor: str = "demo_officer",
    role: str = "officer",
    reason: str = "核查人员开始核查",
) -> None:
    """A transition the way the verification domain makes one: through ``lifecycle.transition``."""
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            commitment = session.query(Commitment).filter_by(commitment_no=commitment_no).one()
            lifecycle.transition(session, commitment, to_status, actor=actor, role=role, reason=reason)
    finally:
        engine.dispose()


def rows(settings: Settings, statement: str, **params: Any) -> List[Dict[str, Any]]:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return [dict(r) for r in connection.execute(text(statement), params).mappings()]
    finally:
        engine.dispose()


def set_clock(app, moment: Optional[datetime]) -> None:
    """Move the API's clock (``get_now``); None puts the real clock back."""
    if moment is None:
        app.dependency_overrides.pop(get_now, None)
    else:
        app.dependency_overrides[get_now] = lambda: moment


def days_later(days: float) -> datetime:
    return datetime.now(timezone.utc) + timedelta(days=days)
