"""The API's own record of an assisted session against a hotline commitment's evidence (P2).

The action server hands the commitment over; the evidence it carries about the call (staff, call id or
phone, read-aloud ticks, attestation) came from the hotline channel's metadata. The API minted that channel's
token and timestamped every tick itself, so it checks the evidence against its rows instead of trusting it.
"""
from __future__ import annotations

from datetime import datetime
from typing import Set, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.clock import aware
from api.errors import ApiError
from api.hotline.models import HotlineEvidenceEvent, HotlineSession

MISMATCH = "assisted_evidence_mismatch"


def _mismatch(what: str) -> ApiError:
    return ApiError(422, MISMATCH, f"电话办理记录与本次承诺不一致：{what}。")


def check_against_session(session: Session, sender_id: str, assisted) -> None:
    """Raise unless ``assisted`` (``AssistedEvidence``) is what the session ``sender_id`` recorded."""
    row = session.scalars(select(HotlineSession).where(HotlineSession.sender_id == sender_id)).first()
    if row is None or row.session_id != assisted.session_id:
        raise _mismatch("没有对应的电话办理会话")
    if row.staff_username != assisted.staff_id:
        raise _mismatch("工作人员")
    if (row.call_id or None) != (assisted.call_id or None) or (row.caller_phone or None) != (assisted.caller_phone or None):
        raise _mismatch("通话编号或来电号码")
    events = session.scalars(select(HotlineEvidenceEvent).where(HotlineEvidenceEvent.session_id == row.id)).all()
    ticks: Set[Tuple[int, datetime]] = {
        (e.section_index, aware(e.at))
        for e in events
        if e.kind == "read_aloud" and e.notice_version == assisted.notice_version
    }
    for tick in assisted.read_aloud:
        if (tick.index, tick.at) not in ticks:
            raise _mismatch(f"第{tick.index}部分的宣读记录")
    attestations = {aware(e.at) for e in events if e.kind == "attestation"}
    if assisted.attested_at not in attestations:
        raise _mismatch("工作人员的如实记录确认")
