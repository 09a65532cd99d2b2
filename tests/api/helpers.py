"""Test data and helpers for the API tests (imported as ``tests.api.helpers``)."""
from __future__ import annotations

import copy
import os
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Optional

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.config import REPO_ROOT, Settings
from bot.core import affirmation, ids
from bot.core import catalogue as catalogue_rules
from bot.core.catalogue import load_catalogue

ZM001_YAML = REPO_ROOT / "data" / "catalogue" / "items" / "ZM001.yaml"

# catalogue.md, "Demo identities".
ZHANG_WEI = ("张伟", "410105199001011233")  # clean
LI_NA = ("李娜", "410102198505052342")  # serious false commitment, not repaired
WANG_FANG = ("王芳", "410184197803154566")  # 较重, repaired
ZHAO_QIANG = ("赵强", "410103196208085671")  # clean, often represented
LIU_YANG = ("刘洋", "410105200002291113")  # clean, acts as proxy
HAOWEI = ("郑州好味餐饮管理有限公司", "91410100MA44XK7L3D")  # clean enterprise
SUDA = ("郑州速达物流有限公司", "91410105MA9F0Q2W1A")  # serious false commitment, not repaired
LAOJIE = ("二七区老街便利店（个体工商户）", "92410102MA45T8UP0E")  # clean individual business
HAOWEI_REPRESENTATIVE = "王强"  # the legal representative who commits for an enterprise acting for itself
INVALID_ID = "410105199001011234"  # the canonical invalid ID (last digit wrong)
PHONE = "13800138000"


def _derived(base: Dict[str, Any], **changes: Any) -> Dict[str, Any]:
    item = copy.deepcopy(base)
    item.update(changes)
    return item


def write_test_catalogue(directory: Path) -> None:
    """Four items covering every kind the rules distinguish, derived from the shipped ZM001.

    ZM001 proof, proxy allowed; ZM004 proof, no proxy; XK001 licence with an included proof item (R9);
    XK101 excluded (R2). The tests own these facts, so catalogue edits elsewhere do not break them.
    """
    directory.mkdir(parents=True, exist_ok=True)
    zm001 = yaml.safe_load(ZM001_YAML.read_text(encoding="utf-8"))

    def shipped_section(code: str, index: int) -> Dict[str, Any]:
        # Sections 4 (承诺方式) and 7 (承诺书公开) must match proxy_allowed, kind and public; the shipped
        # item with the same flags has the wording the loader requires.
        return yaml.safe_load((ZM001_YAML.parent / f"{code}.yaml").read_text(encoding="utf-8"))["notice"][index]

    public_section = {"title": "承诺书公开", "text": catalogue_rules.disclosure_clause(catalogue_rules.DEFAULT_DISCLOSURE_DAYS)}
    zm004 = _derived(zm001, code="ZM004", name="律师执业申请", proxy_allowed=False, public=True, aliases=["律师执业"])
    zm004["notice"] = copy.deepcopy(zm001["notice"])
    zm004["notice"][0]["text"] = "律师执业申请（实施机关：郑州市司法局）。本告知书适用于以告知承诺方式替代“无犯罪记录证明”。"
    zm004["notice"][3] = shipped_section("ZM004", 3)
    zm004["notice"][6] = dict(public_section)
    xk001 = _derived(
        zm001,
        code="XK001",
        kind="license",
        name="公共场所卫生许可",
        department="市卫生健康委员会",
        aliases=["卫生许可证"],
        replaces=["卫生设施与布局", "卫生管理制度", "从业人员健康合格"],
        includes_proofs=["从业人员健康合格证明"],
        public=True,
    )
    xk001["notice"] = copy.deepcopy(zm001["notice"])
    xk001["notice"][0]["text"] = "公共场所卫生许可（实施机关：郑州市卫生健康委员会）。本告知书适用于以告知承诺方式办理许可并替代“从业人员健康合格证明”。"
    xk001["notice"][3] = shipped_section("XK001", 3)
    xk001["notice"][6] = dict(public_section)
    xk101 = {
        key: zm001[key]
        for key in ("level", "area", "proofs_required", "phrasings")
    }
    xk101.update(
        code="XK101",
        name="危险化学品经营许可",
        kind="license",
        department="市应急管理局",
        legal_basis="《危险化学品安全管理条例》",
        commitment_allowed=False,
        proxy_allowed=False,
        public=False,
        aliases=["危化品经营许可"],
        replaces=[],
        exclusion={"category": "公共安全", "reason": "危险化学品经营直接关系公共安全，须现场核查经营条件。"},
    )
    for item in (zm001, zm004, xk001, xk101):
        (directory / f"{item['code']}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")
    load_catalogue(directory)  # the fixture itself must be a valid catalogue


def cli_env(settings: Settings) -> Dict[str, str]:
    """The environment that points ``python -m api.cli`` at the test's database and keys."""
    env = dict(os.environ)
    env.update(
        GZ_DATABASE_URL=settings.database_url,
        GZ_SIGNING_KEY_PATH=str(settings.signing_key_path),
        GZ_ID_HASH_KEY_PATH=str(settings.id_hash_key_path),
        GZ_DATA_KEY_PATH=str(settings.data_key_path),
        GZ_CATALOGUE_DIR=str(settings.catalogue_dir),
        GZ_PUBLIC_BASE_URL=settings.public_base_url,
    )
    return env


def signed_payload(settings: Settings, row: Any) -> Dict[str, Any]:
    """The signed payload of a raw ``commitments`` row, its sealed ID numbers opened with the test's data key
    ring (P5: ``commitments.canonical`` stores them encrypted; ``api.commitments.sealed`` reconstructs)."""
    from api.commitments import sealed
    from bot.core import sealing

    return sealed.open_payload(row["canonical"], sealing.load(settings.data_key_path), sealed.aad_for(row["commitment_no"]))


def signed_bytes(settings: Settings, row: Any) -> bytes:
    """The exact bytes that were hashed and signed (P3), rebuilt from a raw ``commitments`` row."""
    from bot.core.canonical import canonical_json

    return canonical_json(signed_payload(settings, row))


def notice_version(client: TestClient, code: str) -> str:
    return client.get(f"/api/v1/catalogue/items/{code}").json()["notice_version"]


def commitment_body(
    client: TestClient,
    code: str = "ZM001",
    applicant: tuple = ZHANG_WEI,
    proxy: Optional[tuple] = None,
    *,
    key: Optional[str] = None,
    affirmation_text: Optional[str] = None,
    special_authorization: bool = True,
    representative: Optional[str] = None,
    **overrides: Any,
) -> Dict[str, Any]:
    """A request the way a channel sends it after a complete, correct journey (contract rules 1-4).

    An enterprise acting for itself commits through its legal representative (``representative``, by default
    HAOWEI_REPRESENTATIVE; ``representative=""`` leaves it out)."""
    item = client.get(f"/api/v1/catalogue/items/{code}").json()
    name, id_number = applicant
    acting_as = "proxy" if proxy else "self"
    enterprise = ids.id_type(ids.clean_id(id_number)) == "uscc"
    if representative is None:
        representative = HAOWEI_REPRESENTATIVE if enterprise and not proxy else ""
    if enterprise and (representative or proxy):  # without either, what a client unaware of enterprises sent
        statement = affirmation.statement(item["name"], acting_as, name, proxy[0] if proxy else None,
                                          representative=representative or None, applicant_kind="enterprise")
    else:
        statement = affirmation.statement(item["name"], acting_as, name, proxy[0] if proxy else None)
    now = datetime.now(timezone(timedelta(hours=8))).replace(microsecond=0)
    sections = len(item["notice"]) or 7
    sent = [now - timedelta(minutes=5) + timedelta(seconds=10 * i) for i in range(sections)]
    body: Dict[str, Any] = {
        "idempotency_key": key or uuid.uuid4().hex,
        "item_code": code,
        "notice_version": item["notice_version"] or "0" * 64,
        "channel": "web",
        "sender_id": "web-session-1",
        "applicant": {"name": name, "id_number": id_number},
        "phone": PHONE,
        "proxy": None
        if not proxy
        else {
            "name": proxy[0],
            "id_number": proxy[1],
            "authorization_no": "SQWT-2026-0001",
            "special_authorization": special_authorization,
        },
        **({"representative": {"name": representative, "role": "legal_representative"}} if representative else {}),
        "evidence": {
            "affirmation_text": affirmation_text or affirmation.required_words(acting_as, name),
            "affirmation_at": (now - timedelta(seconds=30)).isoformat(),
            "statement": statement,
            "notice_sections_sent_at": [t.isoformat() for t in sent],
            "notice_ack_at": (now - timedelta(minutes=1)).isoformat(),
        },
    }
    body.update(overrides)
    return body


def count_commitments(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM commitments")).scalar_one()
    finally:
        engine.dispose()


def execute_sql(settings: Settings, statement: str, **params: Any) -> None:
    """Change the database behind the application's back, as an intruder or a careless admin would."""
    engine = create_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            assert result.rowcount == 1, "the tampering statement must hit exactly one row"
    finally:
        engine.dispose()


def commitment_row(settings, commitment_no: str) -> Dict[str, Any]:
    """The stored commitments row, read with plain SQL (what an auditor or an attacker sees in the database)."""
    engine = create_engine(settings.database_url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT * FROM commitments WHERE commitment_no = :no"), {"no": commitment_no}
        ).mappings().one()
    engine.dispose()
    return dict(row)
