"""Reading a commitment's status and withdrawing it, for the applicant, the chat and officers (R17, P5).

Ownership: the chat proves it with the commitment number and the applicant's ID number, compared with the
ID inside the signed record; an authenticated applicant with the keyed hash of their ID
(``commitments.applicant_id_hash``). Either way a stranger's commitment looks exactly like a missing one
(404 ``not_found``), so the API never says which numbers exist.
"""
from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.auth.service import Principal
from api.catalogue import service as catalogue
from api.clock import china_iso
from api.commitments import lifecycle
from api.commitments import sealed
from api.commitments.models import Commitment
from api.credit import service as credit
from api.errors import ApiError
from bot.core import ids
from bot.core.catalogue import Item

NOT_FOUND_MESSAGE = "没有找到与该编号和证件号码对应的承诺，请核对承诺编号和证件号码。"


def not_found() -> ApiError:
    return ApiError(404, "not_found", NOT_FOUND_MESSAGE)


def payload_of(commitment: Commitment) -> Dict[str, Any]:
    # P5: the stored text has its ID numbers sealed; this is the signed payload with them opened.
    return sealed.payload_of(commitment)


def by_number(session: Session, commitment_no: str) -> Optional[Commitment]:
    return session.scalars(select(Commitment).where(Commitment.commitment_no == commitment_no.strip().upper())).first()


def checked_id(id_number: str) -> str:
    """The normalised ID, or 422 with the ``bot.core.ids`` code (saying the ID is malformed reveals nothing)."""
    normalised = credit.normalise_id(id_number)
    problem = credit.id_problem(normalised)
    if problem:
        raise ApiError(422, problem, "证件号码：" + credit.id_problem_message(problem))
    return normalised


def find_owned(session: Session, commitment_no: str, id_number: str) -> Commitment:
    """The commitment when ``id_number`` is its applicant's; otherwise 404 ``not_found`` either way."""
    normalised = checked_id(id_number)
    commitment = by_number(session, commitment_no)
    if commitment is None:
        raise not_found()
    signed_id = payload_of(commitment)["applicant"]["id_number"]
    if not hmac.compare_digest(signed_id.encode("utf-8"), normalised.encode("utf-8")):
        raise not_found()
    return commitment


def find_for_applicant(session: Session, principal: Principal, commitment_no: str) -> Commitment:
    commitment = by_number(session, commitment_no)
    if (
        commitment is None
        or principal.subject is None
        or commitment.applicant_id_hash is None
        or not hmac.compare_digest(commitment.applicant_id_hash, principal.subject)
    ):
        raise not_found()
    return commitment


def item_of(session: Session, commitment: Commitment) -> Item:
    """The item as the applicant was shown it (the version the commitment cites, P2)."""
    return catalogue.as_item(commitment.item_version)


def proofs_for_normal_procedure(session: Session, commitment: Commitment) -> List[str]:
    """R17 / 五(八) 撤回后应当按原程序办理: what the normal procedure needs today (the current catalogue
    version; the cited version if the item has since left the catalogue)."""
    current = catalogue.current_version(session, commitment.item_code)
    item = catalogue.as_item(current) if current is not None else item_of(session, commitment)
    return list(item.proofs_required)


def status_view(session: Session, commitment: Commitment) -> Dict[str, Any]:
    """The answer to "查一下我的承诺": status in plain words, what happens next, by when, and the history."""
    item = item_of(session, commitment)
    task = lifecycle.verification_task(session, commitment)
    due = lifecycle.next_due_date(session, commitment)
    words = lifecycle.describe(
        commitment,
        verification_window=bool(task is not None and task.status == "open" and task.method != "exempt"),
        rectifying=bool(task is not None and task.status == "open" and task.rectify_by is not None),
        proofs_required=proofs_for_normal_procedure(session, commitment)
        if commitment.current_status == "withdrawn"
        else [],
    )
    return {
        "commitment_no": commitment.commitment_no,
        "item_code": commitment.item_code,
        "item_name": item.name,
        "status": commitment.current_status,
        **words,
        "due_date": due.isoformat() if due else None,
        "withdrawable": lifecycle.withdrawable(commitment),
        "history": [entry.for_applicant() for entry in lifecycle.history(session, commitment)],
    }


def _standing(session: Session, commitment: Commitment) -> Dict[str, Any]:
    """Which commitment, and where it stands now: what the applicant's list and the officer's view both show."""
    due = lifecycle.next_due_date(session, commitment)
    return {
        "commitment_no": commitment.commitment_no,
        "item_code": commitment.item_code,
        "status": commitment.current_status,
        "status_label": lifecycle.STATUS_LABELS[commitment.current_status],
        "due_date": due.isoformat() if due else None,
    }


def summary_view(session: Session, commitment: Commitment) -> Dict[str, Any]:
    """One line of an applicant's own list."""
    return {
        **_standing(session, commitment),
        "item_name": item_of(session, commitment).name,
        "created_at": china_iso(commitment.created_at),
    }


def for_applicant(session: Session, id_hash: str) -> List[Commitment]:
    return list(
        session.scalars(
            select(Commitment).where(Commitment.applicant_id_hash == id_hash).order_by(Commitment.seq.desc())
        )
    )


def withdraw(
    session: Session, commitment: Commitment, *, reason: str, actor: str, role: str, at: datetime
) -> Dict[str, Any]:
    """R17: record the reason, set ``withdrawn``, and say what the normal procedure now needs.

    409 ``already_withdrawn`` for a second withdrawal, 409 ``concluded`` once the matter is concluded
    (a licence decided on the spot, a verified or a revoked commitment). The caller commits.
    """
    try:
        lifecycle.transition(session, commitment, "withdrawn", actor=actor, role=role, reason=reason, at=at)
    except lifecycle.TransitionRefused as refused:
        status = 422 if refused.code == "reason_required" else 409
        raise ApiError(status, refused.code, refused.message) from None
    return {
        "commitment_no": commitment.commitment_no,
        "status": "withdrawn",
        "proofs_required": proofs_for_normal_procedure(session, commitment),
    }


def officer_view(session: Session, commitment: Commitment) -> Dict[str, Any]:
    """Everything about one commitment for an officer: the signed record in full, the lifecycle with actors.
    The caller writes the audit row (P5: every staff read of personal data)."""
    task = lifecycle.verification_task(session, commitment)
    return {
        **_standing(session, commitment),
        "status_at_signing": commitment.status,
        "decision_no": commitment.decision_no,
        "verification_mandatory": commitment.verification_mandatory,
        "verification_task": None
        if task is None
        else {"status": task.status, "selected": task.selected, "due_date": task.due_date.isoformat()},
        "record_hash": commitment.record_hash,
        "signed_record": payload_of(commitment),
        "history": [history_entry_for_staff(e) for e in lifecycle.history(session, commitment)],
    }


def history_entry_for_staff(entry: lifecycle.HistoryEntry) -> Dict[str, Any]:
    return {
        "status": entry.status,
        "from_status": entry.from_status,
        "at": entry.at,
        "reason": entry.reason,
        "actor": entry.actor,
        "role": entry.role,
    }


def audit_read(session: Session, principal: Principal, action: str, commitment: Commitment) -> None:
    audit.record(
        session,
        principal,
        action,
        target=commitment.commitment_no,
        detail={"item_code": commitment.item_code, "applicant_id": ids.mask_id(payload_of(commitment)["applicant"]["id_number"])},
    )


def fill_applicant_hashes(session: Session, id_hash_key: bytes) -> int:
    """Key commitments signed before ``applicant_id_hash`` existed (or by a writer that did not set it)."""
    filled = 0
    for commitment in session.scalars(select(Commitment).where(Commitment.applicant_id_hash.is_(None))):
        commitment.applicant_id_hash = credit.id_hash(payload_of(commitment)["applicant"]["id_number"], id_hash_key)
        filled += 1
    session.flush()
    return filled
