"""The lifecycle of a commitment after signing (contract stage ``commitment_status``; R13, R14, R17).

Statuses::

    accepted ──────────────┬──► under_verification ──┬──► verified ──┐
    (proof item, matter    │          ▲               │       │      │ (a complaint or new evidence
     still in process)     │          └───────────────┼───────┘      │  reopens the check)
                           ├──► verified              ├──► revoked ◄─┘
    licensed ──────────────┤                          └──► withdrawn (proof items only)
    (licence decided on    ├──► revoked
     the spot, R8)         └──► withdrawn (accepted only)

The signed row is never edited: its ``status`` is the status at signing and is covered by the signature
(P3). Every later change goes through ``transition``, which checks it against ``ALLOWED``, mirrors it in
the unsigned ``current_status`` column and appends who, when and why to ``commitment_events``.

Withdrawal (R17, 五(八) "在行政事项办结前，申请人有合理理由的，可以撤回承诺申请，撤回后应当按原程序办理"):

- ``accepted``: the proof item's matter is still in process -> may be withdrawn.
- ``under_verification`` of a proof item: checking is part of handling the matter, which is not concluded
  -> may be withdrawn (the verification task then closes: nothing is left to verify).
- ``licensed``, and anything that follows a licence: the licence decision was made on the spot (R8), so
  the matter is concluded; giving the licence up goes through that licence's own cancellation (注销) procedure.
- ``verified``: the check confirmed the commitment and the matter is concluded.
- ``revoked``: the decision was revoked after a false commitment; the matter is ended.
- ``withdrawn``: already withdrawn; a second withdrawal is refused as such.

``verified -> under_verification | revoked`` is allowed because a complaint (R11) or new evidence can show
a confirmed commitment to be false later; revoking a decision obtained by deception has no time limit
(《行政许可法》第六十九条).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Dict, FrozenSet, List, Optional

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api.clock import china_iso, utc
from api.commitments.models import STATUSES, Commitment, CommitmentEvent

ALLOWED: Dict[str, FrozenSet[str]] = {
    "accepted": frozenset({"under_verification", "verified", "withdrawn", "revoked"}),
    "licensed": frozenset({"under_verification", "verified", "revoked"}),
    "under_verification": frozenset({"verified", "revoked", "withdrawn"}),
    "verified": frozenset({"under_verification", "revoked"}),
    "withdrawn": frozenset(),
    "revoked": frozenset(),
}
assert set(ALLOWED) == set(STATUSES)

# Plain words for each status (also used by the public disclosure list, R15).
STATUS_LABELS = {
    "accepted": "已受理",
    "licensed": "已当场许可",
    "under_verification": "核查中",
    "verified": "核查属实",
    "withdrawn": "已撤回",
    "revoked": "已撤销",
}

# Who acted, as the applicant is told (usernames stay in the officer's view and the audit trail).
ROLE_WORDS = {
    "applicant": "申请人",
    "officer": "核查人员",
    "staff": "工作人员",
    "admin": "管理员",
    "service": "系统",
    "system": "系统",
}


class TransitionRefused(Exception):
    """The lifecycle does not allow this change. ``code``: ``already_withdrawn``, ``concluded`` (the matter is
    concluded, so no withdrawal), ``not_allowed`` (any other forbidden change), ``reason_required``."""

    def __init__(self, code: str, from_status: str, to_status: str, message: str) -> None:
        super().__init__(f"{code}: {from_status} -> {to_status}: {message}")
        self.code = code
        self.from_status = from_status
        self.to_status = to_status
        self.message = message


CONCLUDED_MESSAGE = {
    "licensed": "许可决定已当场作出，事项已经办结，不能撤回承诺；如需放弃这项许可，请按该许可的注销程序向实施机关申请注销。",
    "verified": "核查已确认承诺属实，事项已经办结，不能再撤回承诺。",
    "revoked": "相关决定已因承诺不实被撤销，事项已经终结，不能再撤回承诺。",
}


def is_licence(commitment: Commitment) -> bool:
    """A licence decided on the spot when it was signed (R8): its matter is concluded from that moment."""
    return commitment.status == "licensed"


def withdrawal_refusal(commitment: Commitment) -> Optional[TransitionRefused]:
    """Why this commitment cannot be withdrawn now, or None when it can (R17, module docstring)."""
    current = commitment.current_status
    if current == "withdrawn":
        return TransitionRefused("already_withdrawn", current, "withdrawn", "这份承诺已经撤回过了，不能重复撤回。")
    if is_licence(commitment) and current != "revoked":
        return TransitionRefused("concluded", current, "withdrawn", CONCLUDED_MESSAGE["licensed"])
    if "withdrawn" not in ALLOWED[current]:
        return TransitionRefused("concluded", current, "withdrawn", CONCLUDED_MESSAGE.get(current, "事项已经办结，不能撤回承诺。"))
    return None


def withdrawable(commitment: Commitment) -> bool:
    return withdrawal_refusal(commitment) is None


def _refusal(commitment: Commitment, to_status: str) -> Optional[TransitionRefused]:
    current = commitment.current_status
    if to_status == "withdrawn":
        return withdrawal_refusal(commitment)
    if to_status not in ALLOWED.get(current, frozenset()):
        return TransitionRefused(
            "not_allowed",
            current,
            to_status,
            f"承诺状态不能从“{STATUS_LABELS.get(current, current)}”变为“{STATUS_LABELS.get(to_status, to_status)}”。",
        )
    return None


def transition(
    session: Session,
    commitment: Commitment,
    to_status: str,
    *,
    actor: str,
    role: str,
    reason: str,
    at: Optional[datetime] = None,
) -> CommitmentEvent:
    """The one way a commitment's status changes. Appends the event to the caller's transaction.

    Raises ``TransitionRefused`` when the lifecycle does not allow the change. The update is conditional on
    the status the decision was based on, so two concurrent transitions cannot both succeed (the loser is
    refused with the reason that applies to the status the winner left).
    """
    if to_status not in STATUSES:
        raise ValueError(f"unknown status {to_status!r}; one of {STATUSES}")
    if not reason or not reason.strip():
        raise TransitionRefused("reason_required", commitment.current_status, to_status, "状态变更须说明理由。")
    refusal = _refusal(commitment, to_status)
    if refusal is not None:
        raise refusal
    from_status = commitment.current_status
    changed = session.execute(
        update(Commitment)
        .where(Commitment.id == commitment.id, Commitment.current_status == from_status)
        .values(current_status=to_status)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        session.refresh(commitment)
        raise _refusal(commitment, to_status) or TransitionRefused(
            "not_allowed", commitment.current_status, to_status, "承诺状态已被同时修改，请刷新后重试。"
        )
    set_committed_value(commitment, "current_status", to_status)
    event = CommitmentEvent(
        commitment_id=commitment.id,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        role=role,
        reason=reason.strip(),
        at=utc(at) if at else datetime.now(timezone.utc),
    )
    session.add(event)
    session.flush()
    return event


def events(session: Session, commitment: Commitment) -> List[CommitmentEvent]:
    return list(
        session.scalars(
            select(CommitmentEvent).where(CommitmentEvent.commitment_id == commitment.id).order_by(CommitmentEvent.id)
        )
    )


@dataclass(frozen=True)
class HistoryEntry:
    status: str
    at: str
    reason: str
    actor: str
    role: str
    from_status: Optional[str]

    def for_applicant(self) -> Dict[str, Optional[str]]:
        """The applicant's view: what, when, why, and who by role (never a staff username)."""
        return {"status": self.status, "at": self.at, "reason": self.reason, "by": ROLE_WORDS.get(self.role, self.role)}


def history(session: Session, commitment: Commitment, signed_by: str = "applicant") -> List[HistoryEntry]:
    """The full history: the signing itself, then every transition in order."""
    signing = HistoryEntry(
        status=commitment.status,
        at=china_iso(commitment.created_at),
        reason="签署告知承诺书，许可决定当场作出" if is_licence(commitment) else "签署告知承诺书，承诺已受理",
        actor=signed_by,
        role="applicant",
        from_status=None,
    )
    return [signing] + [
        HistoryEntry(
            status=e.to_status, at=china_iso(e.at), reason=e.reason, actor=e.actor, role=e.role, from_status=e.from_status
        )
        for e in events(session, commitment)
    ]


# --- what the applicant is told ----------------------------------------------------------------------


def verification_task(session: Session, commitment: Commitment):
    """The commitment's verification task (api.verification), or None."""
    from api.verification.models import VerificationTask  # the verification domain reads commitments, not vice versa

    return session.scalars(select(VerificationTask).where(VerificationTask.commitment_id == commitment.id)).first()


def next_due_date(session: Session, commitment: Commitment) -> Optional[date]:
    """By when the next thing happens, for the applicant's status answer.

    While the commitment is open: the end of its verification window, the task's due date (counted in working
    days by api.verification.calendar, as notice section 6 announced); during an order to rectify (责令限期整改,
    R14): the rectification deadline. None when nothing is pending (an exempt item, a closed task, a
    concluded matter).

    Whether the 双随机 draw selected the commitment is deliberately not told: an applicant who learnt that
    they will not be checked would lose the reason to keep the promise, so a drawn and an undrawn commitment
    show the same window.
    """
    if commitment.current_status not in ("accepted", "licensed", "under_verification"):
        return None
    task = verification_task(session, commitment)
    if task is None or task.status != "open":
        return None
    if task.rectify_by is not None:
        return task.rectify_by
    return None if task.method == "exempt" else task.due_date


def describe(
    commitment: Commitment,
    *,
    verification_window: bool,
    rectifying: bool,
    proofs_required: List[str],
) -> Dict[str, str]:
    """``status_text`` and ``next_step`` in plain Chinese for the applicant (P1)."""
    status = commitment.current_status
    may_withdraw = withdrawable(commitment)
    withdraw_hint = "事项办结前如有合理理由，可以申请撤回承诺，撤回后按原程序提交证明材料办理。" if may_withdraw else ""
    normal = "、".join(proofs_required) if proofs_required else "原程序要求的证明材料"
    if status == "accepted":
        text = "承诺已受理，事项正在办理中，无需再提交承诺替代的证明"
        step = (
            "实施机关会在核查期限内按核查计划核查您承诺的内容，请保持电话畅通并配合核查。"
            if verification_window
            else "本事项免予核查，等待实施机关办结即可。"
        )
        step += withdraw_hint
    elif status == "licensed":
        text = f"许可决定已当场作出（决定书编号 {commitment.decision_no}）" if commitment.decision_no else "许可决定已当场作出"
        step = "可以按许可内容开展经营，并持续符合所承诺的许可条件。"
        if verification_window:
            step += "实施机关会在核查期限内按核查计划核查所承诺的条件，请配合核查。"
        step += "许可已经作出，不能撤回承诺；如需放弃许可，请按该许可的注销程序申请注销。"
    elif status == "under_verification":
        text = "实施机关正在核查您承诺的内容"
        step = "请在整改期限内完成整改，并向实施机关报告整改情况。" if rectifying else "请保持电话畅通，按要求配合核查。"
        step += withdraw_hint
    elif status == "verified":
        text = "核查已完成，承诺内容属实"
        step = "无需再做什么，事项已经办结。"
    elif status == "withdrawn":
        text = "承诺已撤回，事项按原程序办理"
        step = f"请按原程序提交：{normal}。"
    else:  # revoked
        text = "经核查承诺不实，相关决定已被撤销"
        step = "不实承诺已记入诚信档案。对核查结论有异议的，可以申请异议处理；纠正失信行为后，可以申请信用修复。"
    return {"status_text": text, "next_step": step}
