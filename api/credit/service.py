"""Integrity files (诚信档案, R16) and the credit check before a commitment (R4)."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.credit.models import CreditRecord, IntegrityFile
from bot.core import eligibility, ids


def normalise_id(value: str) -> str:
    """The stored form of an ID number: full-width, spaces and lower-case x undone (``bot.core.ids``)."""
    return ids.clean_id(value)


def id_problem(value: str) -> Optional[str]:
    """``None`` for a valid 身份证号 or 统一社会信用代码, else the ``bot.core.ids`` error code of the kind it looks like."""
    kind = ids.id_type(value)
    if kind == "resident_id":
        return ids.check_resident_id(value)
    if kind == "uscc":
        return ids.check_uscc(value)
    return "invalid_id_format" if ids.clean_id(value).isdigit() else ids.check_uscc(value)


def id_problem_message(code: str) -> str:
    return ids.ERROR_MESSAGES.get(code, "证件号码（身份证号或统一社会信用代码）校验不通过，请核对后重新填写。")


def id_hash(id_number: str, key: bytes) -> str:
    """HMAC-SHA256 of the ID number: files are found by it, and a stolen table reveals no ID (P5)."""
    return hmac.new(key, normalise_id(id_number).encode("utf-8"), hashlib.sha256).hexdigest()


def masked_name(name: str, subject_type: str) -> str:
    # An enterprise's name is public registry data; a person's name is shown as 张* (P5).
    if subject_type == "enterprise" or len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def record_view(record: CreditRecord) -> Dict[str, Any]:
    return {
        "type": record.record_type,
        "severity": record.severity,
        "occurred_on": record.occurred_on.isoformat(),
        "repaired_at": record.repaired_at.isoformat() if record.repaired_at else None,
    }


@dataclass(frozen=True)
class CreditCheck:
    status: str  # clean | repaired | blocked (bot.core.eligibility.credit_status)
    records: List[Dict[str, Any]]


def find_file(session: Session, key: bytes, id_number: str) -> Optional[IntegrityFile]:
    return session.scalars(select(IntegrityFile).where(IntegrityFile.id_hash == id_hash(id_number, key))).first()


def check(session: Session, key: bytes, id_number: str) -> CreditCheck:
    """R4: the applicant's credit status; an ID without an integrity file has a clean record."""
    file = find_file(session, key, id_number)
    records = [record_view(r) for r in file.records] if file is not None else []
    return CreditCheck(status=eligibility.credit_status(records), records=records)


# --- demo data (catalogue.md, "Demo identities"; synthetic, check digits valid) -------------------------

DEMO_IDENTITIES: List[Dict[str, Any]] = [
    {"name": "张伟", "id": "410105199001011233", "records": []},
    {
        "name": "李娜",
        "id": "410102198505052342",
        # A serious false commitment, not repaired: may not commit (R4).
        "records": [
            {
                "type": "虚假承诺",
                "severity": "严重",
                "occurred_on": date(2025, 3, 18),
                "description": "2025年在居住证申领中作出虚假承诺（演示数据）",
                "repaired_at": None,
            }
        ],
    },
    {
        "name": "王芳",
        "id": "410184197803154566",
        # A 较重 record with credit repair completed: may commit again (R4, R16).
        "records": [
            {
                "type": "虚假承诺",
                "severity": "较重",
                "occurred_on": date(2024, 6, 12),
                "description": "2024年在失业保险金申领中作出不实承诺，已完成信用修复（演示数据）",
                "repaired_at": date(2024, 12, 20),
            }
        ],
    },
    {"name": "赵强", "id": "410103196208085671", "records": []},
    {"name": "刘洋", "id": "410105200002291113", "records": []},
    {"name": "郑州好味餐饮管理有限公司", "id": "91410100MA44XK7L3D", "records": []},
    {
        "name": "郑州速达物流有限公司",
        "id": "91410105MA9F0Q2W1A",
        "records": [
            {
                "type": "虚假承诺",
                "severity": "严重",
                "occurred_on": date(2025, 5, 9),
                "description": "在道路货物运输经营许可中对车辆和驾驶人员条件作出虚假承诺（演示数据）",
                "repaired_at": None,
            }
        ],
    },
    {"name": "二七区老街便利店（个体工商户）", "id": "92410102MA45T8UP0E", "records": []},
]


def seed_demo(session: Session, key: bytes) -> List[str]:
    """Create the demo integrity files; running it again adds nothing (idempotent). Returns what it added."""
    added: List[str] = []
    now = datetime.now(timezone.utc)
    for identity in DEMO_IDENTITIES:
        subject_type = "enterprise" if ids.id_type(identity["id"]) == "uscc" else "person"
        file = find_file(session, key, identity["id"])
        if file is None:
            file = IntegrityFile(
                id_hash=id_hash(identity["id"], key),
                subject_type=subject_type,
                display_name=masked_name(identity["name"], subject_type),
                created_at=now,
            )
            session.add(file)
            session.flush()
            added.append(f"integrity file {file.display_name}")
        existing = {(r.record_type, r.severity, r.occurred_on) for r in file.records}
        for spec in identity["records"]:
            if (spec["type"], spec["severity"], spec["occurred_on"]) in existing:
                continue
            file.records.append(
                CreditRecord(
                    record_type=spec["type"],
                    severity=spec["severity"],
                    occurred_on=spec["occurred_on"],
                    description=spec["description"],
                    repaired_at=spec["repaired_at"],
                )
            )
            added.append(f"credit record {spec['severity']} {spec['type']} for {file.display_name}")
    session.flush()
    return added
