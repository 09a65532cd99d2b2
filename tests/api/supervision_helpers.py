"""Helpers for the verification and integrity-file tests: extra catalogue items, a movable clock, tokens.

Imported as ``tests.api.supervision_helpers``.
"""
from __future__ import annotations

import copy
import secrets
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.auth.service import create_user
from api.commitments import service as commitments_service
from api.config import Settings
from api.database import make_engine, make_sessionmaker
from api.dependencies import get_now
from bot.core import catalogue as rules
from tests.api.helpers import ZM001_YAML, commitment_body, sign_evidence, with_identity

CHINA = timezone(timedelta(hours=8))


def write_supervision_items(directory: Path) -> None:
    """Items whose plans the rules distinguish, next to the four of ``write_test_catalogue``.

    ZM007 失业保险金申领: online, 10 working days, sampling 0.5 (the adapter checks social insurance).
    ZM010 居住证申领: online, sampling 0.0, so a clean applicant is never drawn and credit alone decides.
    ZM006 护士执业注册: exempt (免予核查).
    XK007 劳务派遣经营许可: high_value (R18), online, 30 working days.
    """
    base = yaml.safe_load(ZM001_YAML.read_text(encoding="utf-8"))
    shipped = {code: yaml.safe_load((ZM001_YAML.parent / f"{code}.yaml").read_text(encoding="utf-8")) for code in ("XK001", "ZM004")}

    def derived(code: str, name: str, verification: Dict[str, Any], **changes: Any) -> Dict[str, Any]:
        item = copy.deepcopy(base)
        item.update(code=code, name=name, aliases=[name], **changes)
        item["verification"] = {**item["verification"], **verification}
        item["notice"][0]["text"] = f"{name}（实施机关：郑州市有关部门）。本告知书适用于以告知承诺方式替代证明。"
        # Section 6 must state this plan (who is checked, how, within how many working days), section 4 the
        # words accepted for this item's proxy rule and kind: the loader refuses a notice promising otherwise.
        plan = item["verification"]
        item["notice"][5]["text"] = (
            f"郑州市有关部门有权对您的承诺进行核查。核查范围：{rules.verification_scope_clause(plan['method'], plan['sampling_rate'])}。"
            f"核查方式：{rules.verification_time_clause(plan['time_limit_days'])}，{rules.METHOD_WORDS[plan['method']]}。"
        )
        if item.get("kind") == "license":
            item["notice"][3] = copy.deepcopy(shipped["XK001"]["notice"][3])
        elif item.get("proxy_allowed") is False:
            item["notice"][3] = copy.deepcopy(shipped["ZM004"]["notice"][3])
        return item

    items = [
        derived("ZM007", "失业保险金申领", {"method": "online", "time_limit_days": 10, "sampling_rate": 0.5},
                replaces=["解除或终止劳动关系证明"]),
        derived("ZM010", "居住证申领", {"method": "online", "time_limit_days": 10, "sampling_rate": 0.0},
                replaces=["合法稳定住所证明"]),
        derived("ZM006", "护士执业注册", {"method": "exempt", "time_limit_days": 20, "sampling_rate": 0.0},
                replaces=["健康体检证明"], proxy_allowed=False),
        derived("XK007", "劳务派遣经营许可", {"method": "online", "time_limit_days": 30, "sampling_rate": 1.0},
                kind="license", department="市人力资源和社会保障局", replaces=["注册资本", "经营场所", "管理制度"],
                high_value=True),
    ]
    for item in items:
        (directory / f"{item['code']}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")


class _FrozenDatetime(datetime):
    frozen: datetime

    @classmethod
    def now(cls, tz=None):  # noqa: D401 - the stand-in for datetime.now
        return cls.frozen.astimezone(tz) if tz else cls.frozen.replace(tzinfo=None)


@contextmanager
def commitments_signed_on(day: date) -> Iterator[datetime]:
    """Sign commitments as if on ``day`` at 10:00 Zhengzhou time (the chain takes its date from its clock)."""
    frozen = datetime.combine(day, time(10, 0), tzinfo=CHINA)
    original = commitments_service.datetime
    commitments_service.datetime = type("FrozenDatetime", (_FrozenDatetime,), {"frozen": frozen})
    try:
        yield frozen
    finally:
        commitments_service.datetime = original


def body_at(client: TestClient, moment: datetime, *args: Any, **kwargs: Any) -> Dict[str, Any]:
    """``commitment_body`` with its evidence timestamps moved so they end just before ``moment``."""
    body = commitment_body(client, *args, **kwargs)
    shift = datetime.now(timezone.utc) - moment
    evidence = body["evidence"]

    def moved(value: str) -> str:
        return (datetime.fromisoformat(value) - shift).isoformat()

    evidence["affirmation_at"] = moved(evidence["affirmation_at"])
    evidence["notice_ack_at"] = moved(evidence["notice_ack_at"])
    evidence["notice_sections_sent_at"] = [moved(t) for t in evidence["notice_sections_sent_at"]]
    # The channel signed the moved times, and the codes were typed back on that day too.
    return with_identity(client, sign_evidence(client, body), at=moment)


def commit_on(client: TestClient, day: date, *args: Any, expect: int = 201, **kwargs: Any) -> Dict[str, Any]:
    """Commit (``commitment_body`` arguments) as if on ``day``; the tests do not depend on the real date."""
    with commitments_signed_on(day) as moment:
        response = client.post("/api/v1/commitments", json=body_at(client, moment, *args, **kwargs))
    assert response.status_code == expect, response.text
    return response.json()


@contextmanager
def today_is(client: TestClient, day: date) -> Iterator[None]:
    """Move the API's clock (``api.dependencies.get_now``) to noon of ``day``, Zhengzhou time."""
    app = client.app
    app.dependency_overrides[get_now] = lambda: datetime.combine(day, time(12, 0), tzinfo=CHINA).astimezone(timezone.utc)
    try:
        yield
    finally:
        app.dependency_overrides.pop(get_now, None)


def staff_headers(client: TestClient, settings: Settings, role: str = "officer", username: Optional[str] = None) -> Dict[str, str]:
    username = username or f"{role}_{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            create_user(session, username, role, password)
    finally:
        engine.dispose()
    response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def applicant_headers(client: TestClient, identity: tuple) -> Dict[str, str]:
    from tests.api import access_helpers

    return access_helpers.applicant_headers(client, identity)


def service_headers(client: TestClient) -> Dict[str, str]:
    return {"X-Service-Token": client.app.state.service_token}


def task_for(client: TestClient, headers: Dict[str, str], commitment_no: str) -> Dict[str, Any]:
    """The open task of a commitment, from the officer's worklist."""
    tasks = client.get("/api/v1/verification/tasks", headers=headers).json()["tasks"]
    matching = [t for t in tasks if t["commitment_no"] == commitment_no]
    assert matching, f"{commitment_no} is not in the worklist"
    return matching[0]


def stored_task(settings: Settings, commitment_no: str) -> Dict[str, Any]:
    """The task row as stored, selected or not (unselected tasks are in no worklist)."""
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT t.* FROM verification_tasks t JOIN commitments c ON c.id = t.commitment_id "
                    "WHERE c.commitment_no = :no"
                ),
                {"no": commitment_no},
            ).mappings().one()
    finally:
        engine.dispose()
    return dict(row)
