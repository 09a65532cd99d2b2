"""Integrity files (诚信档案, R16), the credit check before a commitment (R4), credit repair (信用修复),
objections (异议处理) and the pre-application credit warning (R18), following 五(三)(七)(八).
"""
from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from api.clock import china_today
from api.credit.models import RECORD_TYPES, SEVERITIES, CreditObjection, CreditRecord, CreditRepair, IntegrityFile
from api.errors import ApiError
from bot.core import eligibility, ids
from bot.core.catalogue import Item
from bot.core.textnorm import name_key, to_simplified

# Callers across the API check numbers here; the rule itself is the kernel's (the identity module uses it too).
id_problem = ids.id_problem


def today_in_china() -> date:
    # Dates of records, repairs and deadlines are Zhengzhou dates (UTC+8).
    return china_today()


def normalise_id(value: str) -> str:
    """The stored form of an ID number: full-width, spaces and lower-case x undone (``bot.core.ids``)."""
    return ids.clean_id(value)


def id_problem_message(code: str) -> str:
    return ids.ERROR_MESSAGES.get(code, "证件号码（身份证号或统一社会信用代码）校验不通过，请核对后重新填写。")


def id_hash(id_number: str, key: bytes) -> str:
    """HMAC-SHA256 of the ID number: files are found by it, and a stolen table reveals no ID (P5)."""
    return hmac.new(key, normalise_id(id_number).encode("utf-8"), hashlib.sha256).hexdigest()


def normalise_name(name: str) -> str:
    """The form a name is hashed in: its comparison key (趙強 is the 赵强 on file, "张 伟" is 张伟, middle dots
    dropped), with full-width letters and brackets folded (NFKC) as every file was hashed before. For a name
    in simplified characters without a middle dot this is exactly the earlier form, so those files still match.
    """
    return unicodedata.normalize("NFKC", name_key(name))


def _earlier_form(name: str) -> str:
    # How files were hashed before names were compared by their key: NFKC, spaces removed, dots kept.
    return "".join(unicodedata.normalize("NFKC", name).split())


def _hmac_name(form: str, key: bytes) -> str:
    # A separate domain from id_hash, so a name can never collide with an ID's hash.
    return hmac.new(key, b"name\x00" + form.encode("utf-8"), hashlib.sha256).hexdigest()


def name_hash(name: str, key: bytes) -> str:
    return _hmac_name(normalise_name(name), key)


def name_matches(stored_hash: Optional[str], name: str, key: bytes) -> bool:
    """Whether ``name`` is the name an integrity file was opened with, compared by the names' key.

    A file hashed in the earlier form with a middle dot in the name (阿依古丽·买买提) matches the name typed
    with that dot, in simplified or traditional characters."""
    if not stored_hash:
        return False
    forms = {normalise_name(name), _earlier_form(name), _earlier_form(to_simplified(name))}
    return any(hmac.compare_digest(stored_hash, _hmac_name(form, key)) for form in forms)


def subject_type_of(id_number: str) -> str:
    return "enterprise" if ids.id_type(id_number) == "uscc" else "person"


def masked_name(name: str, subject_type: str) -> str:
    # An enterprise's name is public registry data; a person's name is shown as 张* (P5).
    if subject_type == "enterprise" or len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def record_view(record: Any) -> Dict[str, Any]:
    """A record as the credit check shows it; ``record`` is a ``CreditRecord`` or a row of those columns."""
    return {
        "type": record.record_type,
        "severity": record.severity,
        "occurred_on": record.occurred_on.isoformat(),
        "repaired_at": record.repaired_at.isoformat() if record.repaired_at else None,
    }


def standing_records(file: Optional[IntegrityFile]) -> List[CreditRecord]:
    """The records that count: an objection that struck a record out (annulled) removes it from every check."""
    return [r for r in file.records if r.annulled_at is None] if file is not None else []


@dataclass(frozen=True)
class CreditCheck:
    status: str  # clean | repaired | blocked (bot.core.eligibility.credit_status)
    records: List[Dict[str, Any]]


_FILE_BY_ID_HASH = select(IntegrityFile).where(IntegrityFile.id_hash == bindparam("id_hash"))

# R4 asks on every credit check and twice per commitment, so it is one query, built once (a statement built for
# each call costs SQLAlchemy more than running it): the columns ``record_view`` shows of the standing records
# (``standing_records``: not annulled) of the file with this ID hash, in the file's order (``records``, by
# date; the id breaks ties as the table's order did). No file, no rows: a clean record.
_STANDING_RECORD_VIEWS = (
    select(CreditRecord.record_type, CreditRecord.severity, CreditRecord.occurred_on, CreditRecord.repaired_at)
    .join(IntegrityFile, CreditRecord.integrity_file_id == IntegrityFile.id)
    .where(IntegrityFile.id_hash == bindparam("id_hash"), CreditRecord.annulled_at.is_(None))
    .order_by(CreditRecord.occurred_on, CreditRecord.id)
)


def find_file(session: Session, key: bytes, id_number: str) -> Optional[IntegrityFile]:
    return session.scalars(_FILE_BY_ID_HASH, {"id_hash": id_hash(id_number, key)}).first()


def check(session: Session, key: bytes, id_number: str) -> CreditCheck:
    """R4: the applicant's credit status; an ID without an integrity file has a clean record."""
    rows = session.execute(_STANDING_RECORD_VIEWS, {"id_hash": id_hash(id_number, key)})
    records = [record_view(row) for row in rows]
    return CreditCheck(status=eligibility.credit_status(records), records=records)


def find_or_create_file(session: Session, key: bytes, id_number: str, name: str) -> IntegrityFile:
    """Every applicant has one integrity file (R16); it is opened the first time something is recorded."""
    file = find_file(session, key, id_number)
    if file is None:
        subject_type = subject_type_of(id_number)
        file = IntegrityFile(
            id_hash=id_hash(id_number, key),
            subject_type=subject_type,
            display_name=masked_name(name, subject_type),
            name_hash=name_hash(name, key),
            created_at=datetime.now(timezone.utc),
        )
        session.add(file)
        session.flush()
    elif file.name_hash is None:
        file.name_hash = name_hash(name, key)
    return file


def add_record(
    session: Session,
    key: bytes,
    *,
    id_number: str,
    name: str,
    record_type: str,
    severity: str,
    occurred_on: date,
    description: str,
    authority: str,
    commitment_id: Optional[int] = None,
) -> CreditRecord:
    """Write a record into the applicant's integrity file (R14: every false commitment found; R16: graded)."""
    if severity not in SEVERITIES:
        raise ApiError(422, "invalid_severity", f"失信程度须为{'、'.join(SEVERITIES)}之一。")
    if record_type not in RECORD_TYPES:
        raise ApiError(422, "invalid_record_type", f"记录类型须为{'、'.join(RECORD_TYPES)}之一。")
    file = find_or_create_file(session, key, id_number, name)
    record = CreditRecord(
        record_type=record_type,
        severity=severity,
        occurred_on=occurred_on,
        description=description,
        authority=authority,
        commitment_id=commitment_id,
        created_at=datetime.now(timezone.utc),
    )
    file.records.append(record)
    session.flush()
    return record


def own_records(session: Session, key: bytes, id_number: str) -> Dict[str, Any]:
    """The standing records of ``id_number``'s file, with their descriptions, for its verified holder (P5).

    The caller has established who is asking (``api.identity``); an ID without an integrity file has no
    records and gets an empty, clean answer.
    """
    records = standing_records(find_file(session, key, id_number))
    return {
        "status": eligibility.credit_status([record_view(r) for r in records]),
        "records": [{**record_view(r), "description": r.description} for r in records],
    }


# --- the applicant's view ---------------------------------------------------------------------------------

REPAIR_STATUS_TEXT = {"pending": "审核中", "approved": "已修复", "refused": "未通过"}
OBJECTION_STATUS_TEXT = {"pending": "处理中", "upheld": "维持原记录", "corrected": "已更正"}


def full_record_view(record: CreditRecord) -> Dict[str, Any]:
    """A record as its owner (or an officer) sees it: with the id to act on and its repairs and objections."""
    return {
        "record_id": record.id,
        **record_view(record),
        "description": record.description,
        "authority": record.authority,
        "annulled_at": record.annulled_at.isoformat() if record.annulled_at else None,
        "repairs": [repair_view(r) for r in record.repairs],
        "objections": [objection_view(o) for o in record.objections],
    }


def repair_view(repair: CreditRepair) -> Dict[str, Any]:
    """A repair application as its applicant sees it (``RepairOut``)."""
    return {"repair_id": repair.id, "status": repair.status, "status_text": REPAIR_STATUS_TEXT[repair.status],
            "applied_at": repair.applied_at.isoformat(), "decision_note": repair.decision_note}


def objection_view(objection: CreditObjection) -> Dict[str, Any]:
    """An objection as its applicant sees it (``ObjectionOut``)."""
    return {"objection_id": objection.id, "status": objection.status,
            "status_text": OBJECTION_STATUS_TEXT[objection.status], "due_date": objection.due_date.isoformat(),
            "decision_note": objection.decision_note}


def own_record(file: Optional[IntegrityFile], record_id: int) -> CreditRecord:
    # An applicant reaches only records of their own file; another file's id is simply not found (P5).
    for record in file.records if file is not None else []:
        if record.id == record_id:
            return record
    raise ApiError(404, "not_found", "没有找到这条信用记录。")


# --- credit repair (信用修复, R4, R16) ----------------------------------------------------------------------


def apply_for_repair(session: Session, record: CreditRecord, reasons: str) -> CreditRepair:
    if record.annulled_at is not None:
        raise ApiError(409, "record_annulled", "这条记录已经因异议更正而撤销，不需要修复。")
    if record.repaired_at is not None:
        raise ApiError(409, "already_repaired", "这条记录已经完成信用修复。")
    if any(r.status == "pending" for r in record.repairs):
        raise ApiError(409, "repair_pending", "这条记录已有一份信用修复申请正在审核。")
    repair = CreditRepair(reasons=reasons.strip(), status="pending", applied_at=datetime.now(timezone.utc))
    record.repairs.append(repair)
    session.flush()
    return repair


def decide_repair(
    session: Session, repair: CreditRepair, *, approve: bool, note: str, actor: str, today: Optional[date] = None
) -> CreditRepair:
    """An officer approves (the record gets ``repaired_at``) or refuses, giving reasons either way."""
    if repair.status != "pending":
        raise ApiError(409, "already_decided", "这份信用修复申请已经处理。")
    repair.status = "approved" if approve else "refused"
    repair.decided_at = datetime.now(timezone.utc)
    repair.decided_by = actor
    repair.decision_note = note.strip()
    if approve:
        # R4: a repaired record no longer bars commitment; R13: it still makes every later commitment checked.
        repair.record.repaired_at = today or today_in_china()
    session.flush()
    return repair


# --- objections (异议处理, R16) -------------------------------------------------------------------------------

CORRECTABLE = ("severity", "record_type", "description")


def file_objection(
    session: Session, record: CreditRecord, grounds: str, *, working_days: int, today: Optional[date] = None
) -> CreditObjection:
    from api.verification.calendar import add_working_days  # the one working-day calendar

    if record.annulled_at is not None:
        raise ApiError(409, "record_annulled", "这条记录已经撤销。")
    if any(o.status == "pending" for o in record.objections):
        raise ApiError(409, "objection_pending", "这条记录已有一项异议正在处理。")
    filed = today or today_in_china()
    objection = CreditObjection(
        grounds=grounds.strip(),
        status="pending",
        filed_at=datetime.now(timezone.utc),
        due_date=add_working_days(filed, working_days),
    )
    record.objections.append(objection)
    session.flush()
    return objection


def decide_objection(
    session: Session,
    objection: CreditObjection,
    *,
    outcome: str,
    note: str,
    actor: str,
    changes: Optional[Dict[str, Any]] = None,
    annul: bool = False,
    today: Optional[date] = None,
) -> CreditObjection:
    """``upheld``: the record stands. ``corrected``: its grade, type or text is changed, or it is struck out."""
    if objection.status != "pending":
        raise ApiError(409, "already_decided", "这项异议已经处理。")
    record = objection.record
    if outcome == "corrected":
        changes = {k: v for k, v in (changes or {}).items() if v is not None}
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise ApiError(422, "invalid_correction", f"只能更正：{'、'.join(CORRECTABLE)}。")
        if not changes and not annul:
            raise ApiError(422, "empty_correction", "更正须说明改了什么，或者撤销这条记录。")
        if "severity" in changes and changes["severity"] not in SEVERITIES:
            raise ApiError(422, "invalid_severity", f"失信程度须为{'、'.join(SEVERITIES)}之一。")
        if "record_type" in changes and changes["record_type"] not in RECORD_TYPES:
            raise ApiError(422, "invalid_record_type", f"记录类型须为{'、'.join(RECORD_TYPES)}之一。")
        before = {k: getattr(record, k) for k in CORRECTABLE}
        for k, v in changes.items():
            setattr(record, k, v)
        if annul:
            record.annulled_at = today or today_in_china()
        objection.correction = {
            "before": before,
            "after": {k: getattr(record, k) for k in CORRECTABLE},
            "annulled": annul,
        }
    elif outcome != "upheld":
        raise ApiError(422, "invalid_outcome", "异议处理结果须为 upheld（维持）或 corrected（更正）。")
    objection.status = outcome
    objection.decided_at = datetime.now(timezone.utc)
    objection.decided_by = actor
    objection.decision_note = note.strip()
    session.flush()
    return objection


# --- the pre-application credit warning (事前信用预警, R18, 五(八)) -------------------------------------------

FALSE_COMMITMENT_CONSEQUENCES = (
    "如果作出虚假承诺，行政机关将依法终止办理、责令限期整改、撤销行政决定或者予以行政处罚；"
    "虚假承诺记入您的诚信档案，在信用修复完成前不能再使用告知承诺方式办理；涉嫌犯罪的，依法移送司法机关。"
)


NEUTRAL_REFUSAL = "根据诚信档案，您暂不能以告知承诺方式办理此事项，可按一般程序提交证明材料办理。"


def warning(session: Session, key: bytes, item: Item, id_number: str) -> Dict[str, Any]:
    """What a high-value item's applicant is told before the notification: their standing and the stakes."""
    if not item.high_value or not item.commitment_allowed:
        return {"show": False, "text": ""}
    status = check(session, key, id_number).status
    # Plain and neutral: the words may be read on a shared screen or aloud by a helper, so they say what the
    # person may do, not what their file holds (they can read their own records after verifying themselves).
    standing = {
        "clean": "根据诚信档案，您可以以告知承诺方式办理此事项。",
        "repaired": "根据诚信档案，您可以以告知承诺方式办理此事项；本次承诺办理后将全部接受核查。",
        "blocked": NEUTRAL_REFUSAL,
    }[status]
    return {
        "show": True,
        "text": f"“{item.name}”涉及的经济利益较大，办理前请了解您的信用状况。{standing}{FALSE_COMMITMENT_CONSEQUENCES}",
        "credit_status": status,
    }


# --- demo data (docs/demo-identities.md; fictional, check digits valid) ---------------------------------

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
                "authority": "市公安局",
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
                "authority": "市人力资源和社会保障局",
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
                "authority": "市交通运输局",
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
                name_hash=name_hash(identity["name"], key),
                created_at=now,
            )
            session.add(file)
            session.flush()
            added.append(f"integrity file {file.display_name}")
        elif file.name_hash is None:
            # Files seeded before names were hashed get the hash now (the credit-records service needs it, P5).
            file.name_hash = name_hash(identity["name"], key)
            added.append(f"name check for {file.display_name}")
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
                    authority=spec["authority"],
                    created_at=now,
                )
            )
            added.append(f"credit record {spec['severity']} {spec['type']} for {file.display_name}")
    session.flush()
    return added


# --- officers' case lists ---------------------------------------------------------------------------------------


def case_record(record: CreditRecord) -> Dict[str, Any]:
    return {
        "record_id": record.id,
        "display_name": record.integrity_file.display_name,
        **record_view(record),
        "annulled_at": record.annulled_at.isoformat() if record.annulled_at else None,
        "description": record.description,
        "authority": record.authority,
    }


def _iso(value: Optional[datetime]) -> Optional[str]:
    return value.isoformat() if value is not None else None


def repair_cases(session: Session, status: Optional[str]) -> Dict[str, Any]:
    rows = session.scalars(select(CreditRepair).order_by(CreditRepair.applied_at, CreditRepair.id)).all()
    return {
        "counts": {s: sum(1 for r in rows if r.status == s) for s in ("pending", "approved", "refused")},
        "cases": [
            {
                "repair_id": r.id,
                "status": r.status,
                "reasons": r.reasons,
                "applied_at": r.applied_at.isoformat(),
                "decided_at": _iso(r.decided_at),
                "decided_by": r.decided_by,
                "decision_note": r.decision_note,
                "record": case_record(r.record),
            }
            for r in rows
            if status is None or r.status == status
        ],
    }


def objection_cases(session: Session, status: Optional[str], today: date) -> Dict[str, Any]:
    """Objections by deadline; a pending one past its due date is overdue (R16: handled within a time limit)."""
    rows = session.scalars(select(CreditObjection).order_by(CreditObjection.due_date, CreditObjection.id)).all()
    overdue = [o for o in rows if o.status == "pending" and o.due_date < today]
    return {
        "counts": {
            **{s: sum(1 for o in rows if o.status == s) for s in ("pending", "upheld", "corrected")},
            "overdue": len(overdue),
        },
        "cases": [
            {
                "objection_id": o.id,
                "status": o.status,
                "grounds": o.grounds,
                "filed_at": o.filed_at.isoformat(),
                "due_date": o.due_date.isoformat(),
                "overdue": o in overdue,
                "decided_at": _iso(o.decided_at),
                "decided_by": o.decided_by,
                "decision_note": o.decision_note,
                "correction": o.correction,
                "record": case_record(o.record),
            }
            for o in rows
            if status is None or o.status == status
        ],
    }


def file_by_subject(session: Session, subject: str) -> Optional[IntegrityFile]:
    """The applicant token's subject is the keyed hash of the ID (api.auth), i.e. the file's key."""
    return session.scalars(select(IntegrityFile).where(IntegrityFile.id_hash == subject)).first()


def own_file_view(file: Optional[IntegrityFile]) -> Dict[str, Any]:
    records = file.records if file is not None else []
    standing = [record_view(r) for r in standing_records(file)]
    return {
        "display_name": file.display_name if file is not None else None,
        "status": eligibility.credit_status(standing),
        "records": [full_record_view(r) for r in records],
    }
