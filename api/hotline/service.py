"""Assisted sessions of the 12345 hotline console (issue 5).

A staff member starts a session for a caller and runs the very same journey (actions/journey.py) on the
hotline channel of Rasa (bot/hotline.py): every message the staff member types for the caller goes through
``forward``, which mints a channel token for the session and attaches, as message metadata, the platform's
read-aloud ticks of the notification and, when ticked, the attestation. The journey refuses a hotline
affirmation without them; the signed commitment carries them (bot/core/assisted.py).

Every staff action is audited (P5) and every tick and attestation is stamped by the API's clock and kept
append-only (``HotlineEvidenceEvent``), so the evidence can be checked later (api/hotline/evidence.py).
"""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.auth.service import Principal
from api.clock import aware, china_iso
from api.errors import ApiError
from api.handoff import transcript
from api.handoff.rasa import RasaLink, pair_messages
from api.hotline.models import HotlineEvidenceEvent, HotlineSession
from api.hotline.schemas import ReadAloudState, SessionDetail, SessionView, Tick, TurnResult
from bot.core import assisted, ids

# Landlines call 12345 too: 区号 + number, e.g. 0371-67188888.
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def stamp(now: Optional[datetime] = None) -> datetime:
    """The API's clock to the millisecond, so a stamp survives an ISO round trip exactly."""
    now = now or datetime.now(timezone.utc)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def iso(value: datetime) -> str:
    return aware(value).isoformat(timespec="milliseconds")


def caller_phone(value: Optional[str]) -> Optional[str]:
    if value is None or not value.strip():
        return None
    mobile = ids.canonical_phone(value)
    if mobile:
        return mobile
    compact = re.sub(r"[\s()（）]", "", value.strip())
    if _LANDLINE.fullmatch(compact):
        return compact.replace("-", "")
    raise ApiError(422, "invalid_phone", "来电号码应为11位手机号或带区号的固定电话（如0371-67188888）。")


def mask_phone(value: Optional[str]) -> Optional[str]:
    return ids.mask_phone(value) if value else None


# --- sessions ------------------------------------------------------------------------------------------


def start(session: Session, who: Principal, call_id: Optional[str], phone: Optional[str], now: datetime) -> HotlineSession:
    phone = caller_phone(phone)
    call_id = (call_id or "").strip() or None
    if not call_id and not phone:
        # The evidence must say which call it was (issue 5: "the call id or phone number").
        raise ApiError(422, assisted.CALL_UNIDENTIFIED, "请填写通话编号或来电号码（至少一项）。")
    sid = secrets.token_hex(16)
    row = HotlineSession(
        session_id=sid,
        sender_id=assisted.SENDER_PREFIX + sid,
        staff_user_id=who.user_id,
        staff_username=who.actor,
        call_id=call_id,
        caller_phone=phone,
        status="open",
        created_at=now,
    )
    session.add(row)
    audit.record(session, who, "hotline.session_start", sid, {"call_id": call_id, "caller_phone": mask_phone(phone)}, at=now)
    session.commit()
    return row


def own(session: Session, who: Principal, session_id: str, *, open_only: bool = False) -> HotlineSession:
    """The staff member's own session; another's looks missing (never reveal whose calls exist)."""
    row = session.scalars(select(HotlineSession).where(HotlineSession.session_id == session_id)).first()
    if row is None or row.staff_user_id != who.user_id:
        raise ApiError(404, "unknown_session", "没有这个电话办理会话。")
    if open_only and row.status != "open":
        raise ApiError(409, "session_ended", "这个电话办理会话已经结束，请为新的来电开始新的会话。")
    return row


def list_own(session: Session, who: Principal, limit: int = 20) -> List[HotlineSession]:
    query = (
        select(HotlineSession)
        .where(HotlineSession.staff_user_id == who.user_id)
        .order_by(HotlineSession.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def end(session: Session, who: Principal, row: HotlineSession, now: datetime) -> HotlineSession:
    if row.status == "open":
        row.status = "ended"
        row.ended_at = now
        audit.record(session, who, "hotline.session_end", row.session_id, {"commitment_no": row.commitment_no}, at=now)
        session.commit()
    return row


# --- evidence: read-aloud ticks and the attestation ----------------------------------------------------


def _events(session: Session, row: HotlineSession) -> List[HotlineEvidenceEvent]:
    query = select(HotlineEvidenceEvent).where(HotlineEvidenceEvent.session_id == row.id).order_by(HotlineEvidenceEvent.id)
    return list(session.scalars(query))


def read_aloud_state(session: Session, row: HotlineSession) -> ReadAloudState:
    """The ticks of the notification version read most recently; a section ticked again keeps its latest time."""
    ticks = [e for e in _events(session, row) if e.kind == "read_aloud"]
    if not ticks:
        return ReadAloudState(notice_version=None, ticks=[])
    version = ticks[-1].notice_version
    latest: Dict[int, datetime] = {}
    for event in ticks:
        if event.notice_version == version:
            latest[event.section_index] = event.at
    return ReadAloudState(
        notice_version=version, ticks=[Tick(index=i, at=iso(latest[i])) for i in sorted(latest)]
    )


def tick(session: Session, who: Principal, row: HotlineSession, notice_version: str, index: int, now: datetime) -> ReadAloudState:
    """R6 on the phone: the staff member has read section ``index`` aloud to the caller."""
    at = stamp(now)
    session.add(HotlineEvidenceEvent(
        session_id=row.id, kind="read_aloud", notice_version=notice_version, section_index=index, at=at,
        staff_username=who.actor,
    ))
    audit.record(session, who, "hotline.read_aloud", row.session_id, {"index": index, "notice_version": notice_version[:12]}, at=at)
    session.commit()
    return read_aloud_state(session, row)


# --- a turn on the hotline channel ----------------------------------------------------------------------


def channel_token(rasa: RasaLink, row: HotlineSession) -> str:
    """The session's claims, signed for bot/hotline.py: who may speak for whom in which conversation."""
    return assisted.sign_token(
        rasa.hotline_secret,
        {
            "sid": row.session_id,
            "sender": row.sender_id,
            "staff": row.staff_username,
            "call": row.call_id,
            "phone": row.caller_phone,
        },
    )


def forward(session: Session, rasa: RasaLink, who: Principal, row: HotlineSession, text: str, attest: bool, now: datetime) -> TurnResult:
    state = read_aloud_state(session, row)
    metadata: Dict[str, Any] = {
        "notice_version": state.notice_version,
        "read_aloud": [t.model_dump() for t in state.ticks],
    }
    if attest:
        # R7 on the phone: the staff member's attestation of the caller's spoken commitment, stamped here.
        at = stamp(now)
        session.add(HotlineEvidenceEvent(session_id=row.id, kind="attestation", at=at, staff_username=who.actor))
        metadata.update(attestation=assisted.ATTESTATION, attested_at=iso(at))
    audit.record(session, who, "hotline.message", row.session_id, {"attested": attest, "chars": len(text)}, at=now)
    # Committed before the turn: the journey's commitment reaches the API (and its evidence check) inside it.
    session.commit()
    messages = pair_messages(rasa.hotline_message(channel_token(rasa, row), text, metadata))
    receipt = next((m["custom"] for m in messages if (m["custom"] or {}).get("stage") == "commitment_receipt"), None)
    if receipt and row.commitment_no != receipt.get("commitment_no"):
        row.commitment_no = receipt.get("commitment_no")
        audit.record(session, who, "hotline.commitment", row.session_id, {"commitment_no": row.commitment_no}, at=now)
        session.commit()
    return TurnResult(messages=messages, read_aloud=read_aloud_state(session, row), commitment_no=row.commitment_no)


# --- views ----------------------------------------------------------------------------------------------


def view(session: Session, row: HotlineSession) -> SessionView:
    return SessionView(
        session_id=row.session_id,
        call_id=row.call_id,
        caller_phone_masked=mask_phone(row.caller_phone),
        status=row.status,
        created_at=china_iso(row.created_at),
        ended_at=china_iso(row.ended_at) if row.ended_at else None,
        commitment_no=row.commitment_no,
        read_aloud=read_aloud_state(session, row),
        attestation=assisted.ATTESTATION,
    )


def detail(session: Session, rasa: RasaLink, who: Principal, row: HotlineSession, now: datetime) -> SessionDetail:
    """The session with its conversation so far (masked), e.g. after the console was reloaded; audited (P5)."""
    session.commit()  # end the read before calling Rasa (SQLite WAL: a stale reader cannot write afterwards)
    try:
        tracker = rasa.tracker(row.sender_id)
    except ApiError:
        tracker = {"events": []}  # the console still shows the session; the transcript comes back with Rasa
    audit.record(session, who, "hotline.read", row.session_id, {}, at=now)
    session.commit()
    return SessionDetail(**view(session, row).model_dump(), transcript=transcript.entries(tracker))
