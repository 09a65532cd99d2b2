"""Verification after the commitment (事中事后核查, R12-R14, 五(五)(六)(七)).

Every commitment gets one verification task, in the same transaction that stores it (``open_task``). The
task's plan comes from the catalogue version the applicant was shown; its due date is counted in working days
(``api.verification.calendar``). Whether an officer must check it (``selected``) follows R13, where the
applicant's credit is a factor:

1. a complaint names the commitment (R11)               -> always (``complaint``)
2. the item's plan exempts it (免予核查)                  -> never (``exempt``); 五(六) leaves those to
   ordinary 双随机、一公开 supervision
3. a repaired record (信用修复) in the applicant's file    -> always (``repaired_credit``)
4. a minor (一般) record in the file                      -> always (``credit_record``)
5. otherwise the plan's sampling rate (双随机): a keyed, reproducible draw per commitment number
   (``sampled`` / ``not_sampled``), recorded with the rate so anyone holding the key can re-draw it.

Status: the commitment keeps ``accepted`` / ``licensed`` until an officer starts the check (explicitly, or by
running the online check), and only then becomes ``under_verification``. Being drawn is not a finding: the
applicant's matter is not shown as "under verification" before anyone looks at it (R19, no discriminatory
treatment), and a licence decided on the spot (R8) stays ``licensed`` until then. 属实 -> ``verified``;
不实 -> the measures of R14, where revocation or termination of processing -> ``revoked``, and an order to
rectify keeps the task open until the deadline, when the officer records whether it was rectified.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import struct
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Sequence, Set

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.clock import china_date, china_today
from api.commitments import lifecycle
from api.commitments import sealed
from api.commitments.models import Commitment
from api.credit import service as credit
from api.credit.models import CreditRecord
from api.errors import ApiError
from api.verification import calendar
from api.verification.models import VerificationTask
from api.verification.shared_data import CommitmentFacts, Outcome, SharedDataAdapter
from bot.core import ids
from bot.core.catalogue import Item

log = logging.getLogger(__name__)

# R14 / 五(六): what the authority does about a false commitment.
MEASURES = {
    "terminate_processing": "终止办理",
    "rectify": "责令限期整改",
    "revoke": "撤销行政决定",
    "penalty": "予以行政处罚",
    "refer_judicial": "移送司法机关",
}
# A 不实 result must decide what happens to the commitment itself; a penalty or a referral comes on top.
DECIDING_MEASURES = ("terminate_processing", "rectify", "revoke")
ENDING_MEASURES = ("revoke", "terminate_processing")

SELECTION_TEXT = {
    "complaint": "有投诉举报，必须核查",
    "repaired_credit": "申请人有已修复的不良信用记录，全部核查",
    "credit_record": "申请人有一般失信记录，全部核查",
    "sampled": "按核查计划比例随机抽中",
    "not_sampled": "按核查计划比例随机抽取，未抽中",
    "exempt": "本事项免予核查",
}

# Statuses of the lifecycle (api.commitments.lifecycle) this module reads or sets.
OPEN_STATUSES = ("accepted", "licensed")
CLOSED_STATUSES = ("withdrawn", "revoked")


def today_in_china() -> date:
    return china_today()


# --- what a task needs from the signed commitment ------------------------------------------------------


def commitment_facts(commitment: Commitment) -> CommitmentFacts:
    payload = sealed.payload_of(commitment)  # P5: the IDs are sealed at rest
    created = datetime.fromisoformat(payload["created_at"])
    return CommitmentFacts(
        commitment_no=commitment.commitment_no,
        item_code=commitment.item_code,
        applicant_name=payload["applicant"]["name"],
        applicant_id=payload["applicant"]["id_number"],
        applicant_id_type=payload["applicant"]["id_type"],
        committed_on=china_date(created),
    )


def commitment_status(commitment: Commitment) -> str:
    """The lifecycle's current status; the signed ``status`` is only the status at signing."""
    return getattr(commitment, "current_status", None) or commitment.status


# --- the 双随机 draw ----------------------------------------------------------------------------------------


def sampling_key(id_hash_key: bytes) -> bytes:
    # Derived from the platform's ID-hash key with its own label, so the draw needs no extra secret to keep
    # and the two uses can never be confused.
    return hmac.new(id_hash_key, b"gz/verification-sampling/v1", hashlib.sha256).digest()


def sample_draw(commitment_no: str, key: bytes) -> float:
    """A number in [0, 1) fixed by the commitment number and the key: the same draw every time (auditable),
    unknowable to the applicant, and not choosable by an officer (the number is assigned by the chain)."""
    digest = hmac.new(key, commitment_no.encode("utf-8"), hashlib.sha256).digest()
    return struct.unpack(">Q", digest[:8])[0] / 2**64


@dataclass(frozen=True)
class Selection:
    selected: bool
    reason: str
    sampling_rate: Optional[float] = None
    draw: Optional[float] = None


def select_for_verification(
    *, method: str, sampling_rate: float, credit_records: Sequence[Dict[str, Any]], mandatory: bool, draw: float
) -> Selection:
    """R13: the plan and the applicant's credit decide whether a commitment is checked (order in module doc)."""
    if mandatory:
        return Selection(True, "complaint")
    if method == "exempt":
        return Selection(False, "exempt")
    if any(r.get("repaired_at") for r in credit_records):
        return Selection(True, "repaired_credit")
    if credit_records:
        return Selection(True, "credit_record")
    chosen = draw < sampling_rate
    return Selection(chosen, "sampled" if chosen else "not_sampled", sampling_rate, draw)


# --- due dates ------------------------------------------------------------------------------------------------


def due_date_for(start: date, working_days: int) -> tuple[date, bool]:
    """The due date and whether it is provisional.

    When the holiday table does not yet cover the year the deadline falls in (the State Council publishes
    the next year's arrangement late in the year), the commitment must still be stored (P4): the date is
    counted on weekdays only and marked provisional, and ``recount_provisional`` recounts it once the year
    is added. Everything else about the calendar fails loudly.
    """
    try:
        return calendar.add_working_days(start, working_days), False
    except calendar.CalendarNotCovered:
        table = calendar.default_calendar()
        day, remaining = start, working_days
        while remaining:
            day += timedelta(days=1)
            if (table.is_working_day(day) if day.year in table.years else day.weekday() < 5):
                remaining -= 1
        _warn_uncovered(day.year, day)
        return day, True


# The years whose missing holiday arrangement this process has already reported. Until the State Council's
# notice is added every commitment gets a provisional date; the tasks carry the flag and ``recount_provisional``
# fixes them, so one warning per year says all there is to say (one per commitment only costs time and noise).
_WARNED_YEARS: Set[int] = set()


def _warn_uncovered(year: int, day: date) -> None:
    if year in _WARNED_YEARS:
        return
    _WARNED_YEARS.add(year)
    log.warning("holiday table lacks %s: provisional due date %s (and for later commitments, not reported again)",
                year, day)


def recount_provisional(session: Session) -> int:
    changed = 0
    for task in session.scalars(select(VerificationTask).where(VerificationTask.due_date_provisional.is_(True))):
        if task.rectify_by is not None:
            continue  # the officer set that date by hand
        try:
            task.due_date = calendar.add_working_days(commitment_facts(task.commitment).committed_on, task.time_limit_days)
        except calendar.CalendarNotCovered:
            continue
        task.due_date_provisional = False
        changed += 1
    return changed


# --- creating the task with the commitment --------------------------------------------------------------------


def open_task(session: Session, commitment: Commitment, item: Item, id_hash_key: bytes) -> VerificationTask:
    """Called once by ``api.commitments.service.create`` in the transaction that stores the commitment."""
    plan = item.verification
    if plan is None:  # items without a plan never allow commitment (bot.core.catalogue)
        raise ValueError(f"item {item.code} has no verification plan")
    facts = commitment_facts(commitment)
    records = credit.check(session, id_hash_key, facts.applicant_id).records
    choice = select_for_verification(
        method=plan.method,
        sampling_rate=plan.sampling_rate,
        credit_records=records,
        mandatory=bool(getattr(commitment, "verification_mandatory", False)),
        draw=sample_draw(commitment.commitment_no, sampling_key(id_hash_key)),
    )
    due, provisional = due_date_for(facts.committed_on, plan.time_limit_days)
    task = VerificationTask(
        commitment_id=commitment.id,
        item_code=item.code,
        method=plan.method,
        time_limit_days=plan.time_limit_days,
        standard=plan.standard,
        due_date=due,
        due_date_provisional=provisional,
        selected=choice.selected,
        selection_reason=choice.reason,
        sampling_rate=choice.sampling_rate,
        sample_draw=choice.draw,
        status="open",
        findings="",
        created_at=datetime.now(timezone.utc),
    )
    session.add(task)
    session.flush()
    return task


def task_of(session: Session, commitment_id: int) -> Optional[VerificationTask]:
    return session.scalars(select(VerificationTask).where(VerificationTask.commitment_id == commitment_id)).first()


def make_mandatory(session: Session, commitment: Commitment) -> bool:
    """A complaint names this commitment (R11): its verification becomes mandatory. Returns True if that changed
    anything; a task already concluded stays concluded (the complaint is then handled on its own)."""
    task = task_of(session, commitment.id)
    if task is None or task.status != "open" or task.selection_reason == "complaint":
        return False
    task.selected = True
    task.selection_reason = "complaint"
    session.flush()
    return True


def reconcile(session: Session) -> None:
    """Bring tasks in line with what happened elsewhere before officers see them.

    - A complaint flagged the commitment (``verification_mandatory``) without calling ``make_mandatory``.
    - The applicant withdrew (R17) or the decision was revoked elsewhere: nothing is left to verify.
    - The holiday table now covers a provisional due date's year.
    """
    if hasattr(Commitment, "verification_mandatory"):
        flagged = session.scalars(
            select(VerificationTask)
            .join(Commitment, VerificationTask.commitment_id == Commitment.id)
            .where(
                Commitment.verification_mandatory.is_(True),
                VerificationTask.status == "open",
                VerificationTask.selection_reason != "complaint",
            )
        ).all()
        for task in flagged:
            task.selected = True
            task.selection_reason = "complaint"
    for task in session.scalars(select(VerificationTask).where(VerificationTask.status == "open")).all():
        status = commitment_status(task.commitment)
        if status in CLOSED_STATUSES:
            task.status = "done"
            task.findings = task.findings or ("申请人已撤回承诺，无需核查。" if status == "withdrawn" else "行政决定已撤销。")
    recount_provisional(session)
    session.flush()


# --- the officer's worklist -------------------------------------------------------------------------------------


def worklist(session: Session, today: date, scope: str = "open") -> Dict[str, Any]:
    """Selected, open tasks by due date, with overdue ones marked and counted (R13: time limits are kept)."""
    reconcile(session)
    tasks = session.scalars(
        select(VerificationTask)
        .where(VerificationTask.selected.is_(True), VerificationTask.status == "open")
        .order_by(VerificationTask.due_date, VerificationTask.id)
    ).all()
    overdue = [t for t in tasks if t.due_date < today]
    due_today = [t for t in tasks if t.due_date == today]
    shown = {"open": tasks, "overdue": overdue, "due": [t for t in tasks if t.due_date >= today]}[scope]
    return {
        "today": today.isoformat(),
        "counts": {"open": len(tasks), "overdue": len(overdue), "due_today": len(due_today)},
        "tasks": [task_summary(t, today) for t in shown],
    }


def task_summary(task: VerificationTask, today: date) -> Dict[str, Any]:
    """The list view: masked identity (P5); the full identity is in the audited detail view."""
    facts = commitment_facts(task.commitment)
    days_late = 0
    if task.status == "open" and task.due_date < today:
        try:
            days_late = calendar.working_days_between(task.due_date, today)
        except calendar.CalendarNotCovered:
            days_late = (today - task.due_date).days
    return {
        "task_id": task.id,
        "commitment_no": task.commitment.commitment_no,
        "item_code": task.item_code,
        "item_name": task.commitment.item_version.content.get("name", task.item_code),
        "commitment_status": commitment_status(task.commitment),
        "applicant_masked": credit.masked_name(facts.applicant_name, credit.subject_type_of(facts.applicant_id)),
        "applicant_id_masked": ids.mask_id(facts.applicant_id),
        "method": task.method,
        "due_date": task.due_date.isoformat(),
        "due_date_provisional": task.due_date_provisional,
        "overdue": task.status == "open" and task.due_date < today,
        "working_days_overdue": days_late,
        "selected": task.selected,
        "selection_reason": task.selection_reason,
        "selection_text": SELECTION_TEXT[task.selection_reason],
        "status": task.status,
        "result": task.result,
        "rectify_by": task.rectify_by.isoformat() if task.rectify_by else None,
    }


def task_detail(task: VerificationTask, today: date) -> Dict[str, Any]:
    """Everything the officer needs to check, including the full identity (the caller audits the read, P5)."""
    facts = commitment_facts(task.commitment)
    return {
        **task_summary(task, today),
        "applicant_name": facts.applicant_name,
        "applicant_id": facts.applicant_id,
        "committed_on": facts.committed_on.isoformat(),
        "covers": sealed.payload_of(task.commitment).get("covers", []),
        "time_limit_days": task.time_limit_days,
        "standard": task.standard,
        "sampling_rate": task.sampling_rate,
        "sample_draw": task.sample_draw,
        "started_at": task.started_at.isoformat() if task.started_at else None,
        "online_check": None
        if task.online_outcome is None
        else {
            "verdict": task.online_outcome,
            "evidence": task.online_evidence,
            "adapter": task.online_adapter,
            "checked_at": task.online_checked_at.isoformat() if task.online_checked_at else None,
        },
        "findings": task.findings,
        "measures": task.measures or [],
        "decided_at": task.decided_at.isoformat() if task.decided_at else None,
    }


def get_task(session: Session, task_id: int) -> VerificationTask:
    task = session.get(VerificationTask, task_id)
    if task is None:
        raise ApiError(404, "not_found", "没有这个核查任务。")
    return task


# --- the officer's actions --------------------------------------------------------------------------------------


def _transition(session: Session, commitment: Commitment, to_status: str, *, actor: str, role: str, reason: str) -> None:
    # api.commitments.lifecycle is the one place that changes a commitment's status.
    try:
        lifecycle.transition(session, commitment, to_status, actor=actor, role=role, reason=reason)
    except lifecycle.TransitionRefused as refused:
        raise ApiError(409, refused.code, refused.message) from refused


def _require_workable(task: VerificationTask) -> None:
    if task.status != "open":
        raise ApiError(409, "task_closed", "这个核查任务已经办结。")
    if not task.selected:
        # R19 / 五(六): no discriminatory checks - only commitments drawn or made mandatory are checked.
        raise ApiError(409, "not_selected", "这份承诺未被抽中核查，不能单独对其开展核查（不得采取歧视性监管措施）。")
    if commitment_status(task.commitment) in CLOSED_STATUSES:
        raise ApiError(409, "commitment_closed", "这份承诺已撤回或已撤销，无需核查。")


def start(session: Session, task: VerificationTask, *, actor: str, role: str) -> VerificationTask:
    _require_workable(task)
    if task.started_at is None:
        task.started_at = datetime.now(timezone.utc)
        task.started_by = actor
    if commitment_status(task.commitment) in OPEN_STATUSES:
        _transition(
            session, task.commitment, "under_verification", actor=actor, role=role,
            reason=f"开始核查：{SELECTION_TEXT[task.selection_reason]}",
        )
    session.flush()
    return task


def run_online_check(
    session: Session, task: VerificationTask, adapter: SharedDataAdapter, item: Item, *, actor: str, role: str
) -> Outcome:
    """R12: check online first, whatever the plan's method; the adapter's answer is evidence, not the result."""
    start(session, task, actor=actor, role=role)
    outcome = adapter.check(commitment_facts(task.commitment), item)
    task.online_outcome = outcome.verdict
    task.online_evidence = {"summary": outcome.summary, "items": outcome.evidence}
    task.online_adapter = f"{type(adapter).__module__}.{type(adapter).__qualname__}"
    task.online_checked_at = datetime.now(timezone.utc)
    session.flush()
    return outcome


@dataclass(frozen=True)
class ResultRecorded:
    task: VerificationTask
    credit_record: Optional[CreditRecord]


def record_result(
    session: Session,
    task: VerificationTask,
    item: Item,
    id_hash_key: bytes,
    *,
    result: str,
    findings: str,
    measures: Sequence[Dict[str, str]] = (),
    severity: Optional[str] = None,
    rectify_by: Optional[date] = None,
    actor: str,
    role: str,
    today: Optional[date] = None,
) -> ResultRecorded:
    """属实 -> verified. 不实 -> R14's measures, and always a graded record in the integrity file (R16)."""
    today = today or today_in_china()
    start(session, task, actor=actor, role=role)
    commitment = task.commitment
    # An earlier 不实 with an order to rectify: this result says whether the applicant rectified in time.
    rectification = task.result == "不实" and task.rectify_by is not None
    task.decided_at = datetime.now(timezone.utc)
    task.decided_by = actor
    note = findings.strip()
    task.findings = f"{task.findings}\n{note}".strip() if rectification else note

    if result == "属实":
        if measures:
            raise ApiError(422, "measures_without_finding", "核查属实时不采取处置措施。")
        task.result = "属实"
        task.status = "done"
        _transition(
            session, commitment, "verified", actor=actor, role=role,
            reason="限期整改到位，核查通过" if rectification else "核查属实",
        )
        session.flush()
        return ResultRecorded(task, None)

    if result != "不实":
        raise ApiError(422, "invalid_result", "核查结果须为“属实”或“不实”。")
    codes = [m["code"] for m in measures]
    unknown = [c for c in codes if c not in MEASURES]
    if unknown or len(set(codes)) != len(codes):
        raise ApiError(422, "invalid_measures", f"处置措施须为：{'、'.join(MEASURES)}，每项最多一次。")
    if not set(codes) & set(DECIDING_MEASURES):
        raise ApiError(
            422,
            "measure_required",
            "核查不实须决定承诺本身如何处理：终止办理、责令限期整改或撤销行政决定（可同时予以行政处罚或移送司法机关）。",
        )
    if "terminate_processing" in codes and commitment.status == "licensed":
        # R8: a licence decided on the spot has concluded; what remains is revoking the decision.
        raise ApiError(422, "already_decided", "许可已当场作出，不能终止办理；如需撤销，请选择撤销行政决定。")
    ending = [c for c in codes if c in ENDING_MEASURES]
    if "rectify" in codes and not ending:
        if rectify_by is None or rectify_by <= today:
            raise ApiError(422, "rectify_by_required", "责令限期整改须给出晚于今天的整改期限。")
    if severity is None:
        raise ApiError(422, "severity_required", "核查不实须确定失信程度（一般、较重、严重），记入诚信档案。")

    facts = commitment_facts(commitment)
    taken = "、".join(MEASURES[c] for c in codes)
    record = credit.add_record(
        session,
        id_hash_key,
        id_number=facts.applicant_id,
        name=facts.applicant_name,
        # 未履行承诺: the applicant was ordered to rectify a false commitment and did not.
        record_type="未履行承诺" if rectification else "虚假承诺",
        severity=severity,
        occurred_on=today,
        description=f"{item.name}（承诺书编号 {commitment.commitment_no}）核查不实：{note}。处置：{taken}。",
        authority=item.department,
        commitment_id=commitment.id,
    )
    task.result = "不实"
    task.measures = [{"code": m["code"], "name": MEASURES[m["code"]], "detail": m.get("detail", "")} for m in measures]
    if ending:
        task.status = "done"
        task.rectify_by = None
        _transition(
            session, commitment, "revoked", actor=actor, role=role,
            reason=f"核查不实：{'、'.join(MEASURES[c] for c in ending)}",
        )
    else:
        # 责令限期整改: the task waits for the deadline; the commitment stays under verification.
        task.rectify_by = rectify_by
        task.due_date = rectify_by
        task.due_date_provisional = False
    if "refer_judicial" in codes:
        log.warning("verification task %s: referred to judicial organs (移送司法机关)", task.id)
    session.flush()
    return ResultRecorded(task, record)
