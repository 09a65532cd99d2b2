"""Assisted sessions of the 12345 hotline console.

A staff member starts a session for a caller and runs the very same journey (actions/journey.py) on the
hotline channel of Rasa (bot/channels/hotline.py): every message the staff member types for the caller goes through
``forward``, which mints a channel token for the session and attaches, as message metadata, the platform's
read-aloud ticks of the notification and, when ticked, the attestation. The journey refuses a hotline
affirmation without them; the signed commitment carries them (bot/core/assisted.py).

Every staff action is audited (P5) and every tick and attestation is stamped by the API's clock and kept
append-only (``HotlineEvidenceEvent``), so the evidence can be checked later (api/hotline/evidence.py).

A section cannot honestly be read aloud faster than it can be spoken: a tick sooner than the section's length at
a normal speaking rate (``Settings.hotline_read_chars_per_minute``) after the notice reached the console or the
previous tick is refused with ``read_aloud_too_fast`` until the staff member confirms it, and the confirmation is
kept beside the tick (``fast_confirmed``).
"""
from __future__ import annotations

import math
import re
import secrets
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api.audit import service as audit
from api.auth.service import Principal
from api.clock import aware, china_iso
from api.catalogue import service as catalogue_service
from api.catalogue.models import ItemVersion
from api.database import begin_write, transaction
from api.errors import ApiError
from api.handoff import transcript
from api.handoff.rasa import RasaLink, pair_messages
from api.hotline.models import HotlineEvidenceEvent, HotlineSession
from api.hotline.schemas import ReadAloudState, SessionDetail, SessionView, Tick, TurnResult
from bot.core import assisted, ids

# Landlines call 12345 too: 区号 + number, e.g. 0371-67188888.
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
# Evidence rows besides the ticks and the attestation: when the notification reached the console (the start of
# the first section's reading time) and a fast tick the staff member confirmed.
NOTICE_SHOWN = "notice_shown"
FAST_CONFIRMED = "fast_confirmed"
DEFAULT_CHARS_PER_MINUTE = 300


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


def is_mobile(value: Optional[str]) -> bool:
    return bool(value) and ids.check_phone(value) is None


def reading_seconds(title: str, text: str, chars_per_minute: int) -> int:
    """The least time reading a section aloud takes: its characters (title and body, no spaces) at the rate."""
    chars = len(re.sub(r"\s", "", title + text))
    return max(1, math.ceil(chars * 60 / max(1, chars_per_minute)))


# --- sessions ------------------------------------------------------------------------------------------


def start(session: Session, who: Principal, call_id: Optional[str], phone: Optional[str], now: datetime) -> HotlineSession:
    phone = caller_phone(phone)
    call_id = (call_id or "").strip() or None
    if not call_id and not phone:
        # The evidence must say which call it was: the call id, the caller's number, or both.
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
    session.flush()  # the session's row id, which its evidence rows refer to
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
    return row


# --- evidence: read-aloud ticks and the attestation ----------------------------------------------------


def _events(session: Session, row: HotlineSession) -> List[HotlineEvidenceEvent]:
    query = select(HotlineEvidenceEvent).where(HotlineEvidenceEvent.session_id == row.id).order_by(HotlineEvidenceEvent.id)
    return list(session.scalars(query))


def read_aloud_state(session: Session, row: HotlineSession) -> ReadAloudState:
    """The ticks of the notification version read most recently; a section ticked again keeps its latest time."""
    events = _events(session, row)
    ticks = [e for e in events if e.kind == "read_aloud"]
    if not ticks:
        return ReadAloudState(notice_version=None, ticks=[])
    version = ticks[-1].notice_version
    latest: Dict[int, datetime] = {}
    for event in ticks:
        if event.notice_version == version:
            latest[event.section_index] = event.at
    confirmed = {(e.section_index, aware(e.at)) for e in events if e.kind == FAST_CONFIRMED and e.notice_version == version}
    return ReadAloudState(
        notice_version=version,
        ticks=[Tick(index=i, at=iso(latest[i]), fast=(i, aware(latest[i])) in confirmed) for i in sorted(latest)],
    )


def _notice_section(session: Session, notice_version: str, index: int):
    """The section ``index`` of the stored notification ``notice_version`` (any item), or an ApiError."""
    version = session.scalars(
        select(ItemVersion).where(ItemVersion.notice_version == notice_version).order_by(ItemVersion.id.desc()).limit(1)
    ).first()
    if version is None:
        raise ApiError(422, "unknown_notice_version", "没有这个版本的告知书，请刷新页面后按屏幕上的告知书宣读。")
    notice = catalogue_service.as_item(version).notice
    if not 1 <= index <= len(notice):
        raise ApiError(422, "unknown_section", f"这份告知书只有{len(notice)}部分。")
    return notice[index - 1]


def _reading_started(session: Session, row: HotlineSession, notice_version: str) -> datetime:
    """Since when the section now ticked could be read: the previous tick of this notification, or the moment it
    (or a section of it, repeated) reached the console, whichever is later; the session's start if neither."""
    moments = [
        aware(e.at) for e in _events(session, row)
        if e.notice_version == notice_version and e.kind in ("read_aloud", NOTICE_SHOWN)
    ]
    return max(moments) if moments else aware(row.created_at)


def tick(
    session: Session, who: Principal, row: HotlineSession, notice_version: str, index: int, now: datetime,
    *, confirm_fast: bool = False, chars_per_minute: int = DEFAULT_CHARS_PER_MINUTE,
) -> ReadAloudState:
    """R6 on the phone: the staff member has read section ``index`` aloud to the caller.

    Sooner than the section can be read at ``chars_per_minute``: refused (409 ``read_aloud_too_fast``, nothing
    recorded) unless ``confirm_fast``; a confirmed fast tick is recorded with its confirmation."""
    section = _notice_section(session, notice_version, index)
    at = stamp(now)
    needed = reading_seconds(section.title, section.text, chars_per_minute)
    elapsed = max(0, int((at - _reading_started(session, row, notice_version)).total_seconds()))
    fast = elapsed < needed
    if fast and not confirm_fast:
        raise ApiError(
            409, "read_aloud_too_fast",
            f"第{index}部分“{section.title}”按正常语速宣读约需{needed}秒，距上一次勾选（或告知书显示）只过了{elapsed}秒。"
            "请确认已向来电人完整宣读这一部分；没有读完请继续宣读后再勾选。",
        )
    session.add(HotlineEvidenceEvent(
        session_id=row.id, kind="read_aloud", notice_version=notice_version, section_index=index, at=at,
        staff_username=who.actor,
    ))
    detail: Dict[str, Any] = {"index": index, "notice_version": notice_version[:12]}
    if fast:
        session.add(HotlineEvidenceEvent(
            session_id=row.id, kind=FAST_CONFIRMED, notice_version=notice_version, section_index=index, at=at,
            staff_username=who.actor,
        ))
        detail.update(fast_confirmed=True, seconds=elapsed, reading_seconds=needed)
    audit.record(session, who, "hotline.read_aloud", row.session_id, detail, at=at)
    return read_aloud_state(session, row)


# --- a turn on the hotline channel ----------------------------------------------------------------------


def channel_token(rasa: RasaLink, row: HotlineSession) -> str:
    """The session's claims, signed for bot/channels/hotline.py: who may speak for whom in which conversation."""
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


def forward(
    session: Session, factory: sessionmaker[Session], rasa: RasaLink, who: Principal, row: HotlineSession,
    text: Optional[str], attest: bool, now: datetime, *, use_caller_phone: bool = False,
) -> TurnResult:
    """One turn of the call. ``session`` is the request's transaction; ``factory`` makes the one transaction that
    must be committed before the turn (the attestation and the audit row of the message)."""
    if use_caller_phone:
        # The caller confirmed the number they call from; the staff member never sees it whole (P5).
        if not is_mobile(row.caller_phone):
            raise ApiError(422, "caller_phone_not_mobile", "来电号码不是手机号，不能用于接收短信，请询问来电人的手机号。")
        text = row.caller_phone
    text = (text or "").strip()
    if not text:
        raise ApiError(422, "invalid_request", "请录入来电人的回答。")
    state = read_aloud_state(session, row)
    metadata: Dict[str, Any] = {
        "notice_version": state.notice_version,
        "read_aloud": [{"index": t.index, "at": t.at} for t in state.ticks],
    }
    # Committed before the turn, in a transaction of their own: the journey's commitment reaches the API (and its
    # evidence check, which reads the attestation) inside the turn, in another request. Nothing else is written
    # before the turn, so the request's own transaction holds no lock the commitment would wait for.
    with transaction(factory) as before_turn:
        if attest:
            # R7 on the phone: the staff member's attestation of the caller's spoken commitment, stamped here.
            at = stamp(now)
            before_turn.add(HotlineEvidenceEvent(session_id=row.id, kind="attestation", at=at, staff_username=who.actor))
            metadata.update(attestation=assisted.ATTESTATION, attested_at=iso(at))
        audit.record(before_turn, who, "hotline.message", row.session_id,
                     {"attested": attest, "chars": len(text), "caller_phone": use_caller_phone}, at=now)
    messages = pair_messages(rasa.hotline_message(channel_token(rasa, row), text, metadata))
    shown = {(m["custom"] or {}).get("notice_version") for m in messages if (m["custom"] or {}).get("stage") == "notice_section"}
    receipt = next((m["custom"] for m in messages if (m["custom"] or {}).get("stage") == "commitment_receipt"), None)
    committed_now = bool(receipt) and row.commitment_no != receipt.get("commitment_no")
    if shown or committed_now:
        # The turn wrote (in other requests) since this transaction read: write on under the lock, not on the
        # snapshot read before the turn.
        begin_write(session)
    for version in sorted(v for v in shown if isinstance(v, str) and v):
        # The notification (or a section of it) is on the staff member's screen from now: its reading starts.
        session.add(HotlineEvidenceEvent(session_id=row.id, kind=NOTICE_SHOWN, notice_version=version[:64],
                                         at=stamp(now), staff_username=who.actor))
    if committed_now:
        row.commitment_no = receipt.get("commitment_no")
        audit.record(session, who, "hotline.commitment", row.session_id, {"commitment_no": row.commitment_no}, at=now)
    return TurnResult(messages=messages, read_aloud=read_aloud_state(session, row), commitment_no=row.commitment_no)


# --- views ----------------------------------------------------------------------------------------------


def view(session: Session, row: HotlineSession, chars_per_minute: int = DEFAULT_CHARS_PER_MINUTE) -> SessionView:
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
        caller_mobile=is_mobile(row.caller_phone),
        read_chars_per_minute=chars_per_minute,
    )


def detail(
    session: Session, rasa: RasaLink, who: Principal, row: HotlineSession, now: datetime,
    chars_per_minute: int = DEFAULT_CHARS_PER_MINUTE,
) -> SessionDetail:
    """The session with its conversation so far (masked), e.g. after the console was reloaded; audited (P5).

    Only the audit row is written, after Rasa answers: at commit it goes in under the write lock, not on the
    snapshot read before the call (``api.database``: audited reads on SQLite)."""
    try:
        tracker = rasa.tracker(row.sender_id)
    except ApiError:
        tracker = {"events": []}  # the console still shows the session; the transcript comes back with Rasa
    audit.record(session, who, "hotline.read", row.session_id, {}, at=now)
    return SessionDetail(**view(session, row, chars_per_minute).model_dump(), transcript=transcript.entries(tracker))
