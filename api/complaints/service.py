"""Taking and handling complaints and reports (投诉举报, R11; 五(四) "对有关告知承诺制的投诉举报要及时处理").

A ticket is due ``complaint_due_working_days`` working days (default 15) after the day it was received,
counted with the working-day calendar of api.verification.calendar (Chinese public holidays and 调休).
It moves received -> assigned -> in_progress -> closed; every step is a ``complaint_actions`` row and an
audit row. A complaint that names a commitment sets ``commitments.verification_mandatory``: api.verification
reads that flag and makes the commitment's verification task mandatory (selection reason ``complaint``),
whatever the 双随机 draw said.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta
from typing import Any, Dict, Optional, Tuple

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.auth.models import StaffUser
from api.auth.service import Principal
from api.clock import china_date, china_iso, utc
from api.commitments import status as commitments
from api.commitments.models import Commitment
from api.complaints.models import Complaint, ComplaintAction
from api.errors import ApiError
from api.verification import calendar
from bot.core import ids


def due_date_for(received_on: date, working_days: int) -> date:
    """The ticket's deadline in working days. A year the holiday table does not cover yet is counted on
    weekdays alone (the table is extended each December from the State Council's notice)."""
    try:
        return calendar.add_working_days(received_on, working_days)
    except calendar.CalendarNotCovered:
        day, remaining = received_on, working_days
        while remaining:
            day += timedelta(days=1)
            if day.weekday() < 5:
                remaining -= 1
        return day


def _dedupe_key(channel: str, origin: str, text: str, commitment_no: Optional[str], phone: Optional[str]) -> str:
    return hashlib.sha256(
        json.dumps([channel, origin, text, commitment_no, phone], ensure_ascii=False).encode("utf-8")
    ).hexdigest()


def _next_ticket_no(session: Session, received_on: date) -> str:
    prefix = f"TS{received_on:%Y%m%d}-"
    last = session.scalar(select(func.max(Complaint.ticket_no)).where(Complaint.ticket_no.like(prefix + "%")))
    return f"{prefix}{(int(last[len(prefix):]) + 1 if last else 1):06d}"


def _action(session: Session, complaint: Complaint, who: Principal, action: str, note: str, at: datetime) -> None:
    session.add(
        ComplaintAction(complaint_id=complaint.id, action=action, actor=who.actor, role=who.role, note=note, at=utc(at))
    )


def file_complaint(
    session: Session,
    who: Principal,
    *,
    complaint_text: str,
    commitment_no: Optional[str],
    phone: Optional[str],
    channel: str,
    sender_id: Optional[str],
    now: datetime,
    due_working_days: int,
) -> Tuple[Complaint, bool]:
    """Record a complaint; returns the ticket and whether it is new (False: the same complaint resent, P4).

    404 ``not_found`` when a commitment number is given that does not exist (the chat asks again). The
    caller commits.
    """
    now = utc(now)
    text = complaint_text.strip()
    if len(text) < 2:
        raise ApiError(422, "complaint_too_short", "请具体说明投诉举报的内容。")
    canonical_phone = None
    if phone:
        canonical_phone = ids.canonical_phone(phone)
        if canonical_phone is None:
            raise ApiError(422, "invalid_phone", ids.ERROR_MESSAGES["invalid_phone"])
    commitment: Optional[Commitment] = None
    number = commitment_no.strip().upper() if commitment_no and commitment_no.strip() else None
    if number:
        commitment = commitments.by_number(session, number)
        if commitment is None:
            raise ApiError(404, "not_found", f"没有找到编号为 {number} 的承诺，请核对编号；也可以不提供编号直接投诉。")
    received_on = china_date(now)
    # A chat session resending the same complaint is a retry; a hotline agent typing the same complaint twice
    # on the same day is a slip. Either way one ticket.
    origin = f"{channel}:{sender_id}" if sender_id else f"{who.actor}:{received_on.isoformat()}"
    key = _dedupe_key(channel, origin, text, number, canonical_phone)
    earlier = session.scalars(select(Complaint).where(Complaint.dedupe_key == key)).first()
    if earlier is not None:
        return earlier, False

    for attempt in range(5):
        complaint = Complaint(
            ticket_no=_next_ticket_no(session, received_on),
            dedupe_key=key,
            complaint_text=text,
            commitment_id=commitment.id if commitment is not None else None,
            phone=canonical_phone,
            channel=channel,
            sender_id=sender_id,
            status="received",
            received_at=now,
            due_date=due_date_for(received_on, due_working_days),
        )
        try:
            with session.begin_nested():
                session.add(complaint)
                session.flush()
            break
        except IntegrityError:
            # Another replica numbered a ticket at the same moment (PostgreSQL); or the same complaint won.
            earlier = session.scalars(select(Complaint).where(Complaint.dedupe_key == key)).first()
            if earlier is not None:
                return earlier, False
            if attempt == 4:
                raise
    _action(session, complaint, who, "received", "", now)
    if commitment is not None and not commitment.verification_mandatory:
        # R11 + R13: a complaint about a commitment makes its verification mandatory.
        session.execute(
            update(Commitment)
            .where(Commitment.id == commitment.id)
            .values(verification_mandatory=True)
            .execution_options(synchronize_session=False)
        )
        session.refresh(commitment)
    audit.record(
        session,
        who,
        "complaint.file",
        target=complaint.ticket_no,
        detail={"commitment_no": number, "channel": channel, "anonymous": canonical_phone is None},
        at=now,
    )
    session.flush()
    return complaint, True


# --- officers ----------------------------------------------------------------------------------------


def is_overdue(complaint: Complaint, today: date) -> bool:
    """Past its deadline: still open after the due date, or closed after it."""
    finished = china_date(complaint.closed_at) if complaint.closed_at is not None else today
    return finished > complaint.due_date


def summary(complaint: Complaint, today: date) -> Dict[str, Any]:
    return {
        "ticket_no": complaint.ticket_no,
        "status": complaint.status,
        "channel": complaint.channel,
        "commitment_no": complaint.commitment.commitment_no if complaint.commitment is not None else None,
        "assignee": complaint.assignee,
        "received_at": china_iso(complaint.received_at),
        "due_date": complaint.due_date.isoformat(),
        "overdue": is_overdue(complaint, today),
        "anonymous": complaint.phone is None,
        "phone_masked": ids.mask_phone(complaint.phone) if complaint.phone else None,
    }


def detail(complaint: Complaint, today: date) -> Dict[str, Any]:
    """Everything on one ticket, including the text and the phone (the caller audits the read, P5)."""
    return {
        **summary(complaint, today),
        "complaint_text": complaint.complaint_text,
        "phone": complaint.phone,
        "closed_at": china_iso(complaint.closed_at) if complaint.closed_at else None,
        "conclusion": complaint.conclusion,
        "actions": [
            {"action": a.action, "actor": a.actor, "role": a.role, "note": a.note, "at": china_iso(a.at)}
            for a in complaint.actions
        ],
    }


def listing(
    session: Session, today: date, *, status: Optional[str], overdue_only: bool, assignee: Optional[str]
) -> Dict[str, Any]:
    """The officer's list by deadline, with overdue tickets marked and counted (R11: handled in time)."""
    query = select(Complaint).order_by(Complaint.due_date, Complaint.id)
    if status:
        query = query.where(Complaint.status == status)
    if assignee:
        query = query.where(Complaint.assignee == assignee)
    rows = list(session.scalars(query))
    every = list(session.scalars(select(Complaint)))
    open_ones = [c for c in every if c.status != "closed"]
    shown = [c for c in rows if is_overdue(c, today)] if overdue_only else rows
    return {
        "today": today.isoformat(),
        "counts": {
            "open": len(open_ones),
            "overdue": sum(1 for c in open_ones if is_overdue(c, today)),
            "closed": len(every) - len(open_ones),
            "closed_late": sum(1 for c in every if c.status == "closed" and is_overdue(c, today)),
        },
        "complaints": [summary(c, today) for c in shown],
    }


def by_ticket(session: Session, ticket_no: str) -> Complaint:
    complaint = session.scalars(select(Complaint).where(Complaint.ticket_no == ticket_no.strip().upper())).first()
    if complaint is None:
        raise ApiError(404, "unknown_ticket", f"没有受理编号为 {ticket_no} 的投诉举报。")
    return complaint


def _open(complaint: Complaint) -> None:
    if complaint.status == "closed":
        raise ApiError(409, "closed", f"投诉举报 {complaint.ticket_no} 已办结，不能再变更。")


def assign(session: Session, who: Principal, complaint: Complaint, assignee: str, note: str, now: datetime) -> None:
    _open(complaint)
    officer = session.scalars(select(StaffUser).where(StaffUser.username == assignee.strip().lower())).first()
    if officer is None or not officer.active or officer.role != "officer":
        raise ApiError(422, "unknown_officer", "只能分派给在岗的核查人员账号。")
    complaint.assignee = officer.username
    if complaint.status == "received":
        complaint.status = "assigned"
    _action(session, complaint, who, "assigned", f"→ {officer.username}" + (f"：{note.strip()}" if note.strip() else ""), now)
    audit.record(session, who, "complaint.assign", target=complaint.ticket_no, detail={"assignee": officer.username}, at=now)


def handle(session: Session, who: Principal, complaint: Complaint, note: str, now: datetime) -> None:
    _open(complaint)
    if complaint.assignee is None:
        raise ApiError(409, "not_assigned", "请先把投诉举报分派给承办的核查人员。")
    complaint.status = "in_progress"
    _action(session, complaint, who, "handled", note.strip(), now)
    audit.record(session, who, "complaint.handle", target=complaint.ticket_no, at=now)


def close(session: Session, who: Principal, complaint: Complaint, conclusion: str, now: datetime) -> None:
    _open(complaint)
    if complaint.assignee is None:
        raise ApiError(409, "not_assigned", "请先把投诉举报分派给承办的核查人员。")
    complaint.status = "closed"
    complaint.closed_at = utc(now)
    complaint.conclusion = conclusion.strip()
    _action(session, complaint, who, "closed", conclusion.strip(), now)
    audit.record(
        session,
        who,
        "complaint.close",
        target=complaint.ticket_no,
        detail={"overdue": is_overdue(complaint, china_date(now))},
        at=now,
    )
