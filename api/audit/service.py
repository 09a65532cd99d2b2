"""Writing and reading the audit trail (P5).

Every staff action and every read of personal data by staff calls ``record`` in the same transaction as the
action itself, so an action that is committed is always audited and an audit row never describes something
that was rolled back. A read whose only write is its audit row commits that row under a fresh write lock on
SQLite (``api.database.READ_LOG_TABLES``), so officers reading at the same moment never fail on a stale snapshot.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, List, Optional, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEvent
from api.clock import utc
from bot.core import ids

# P5: the audit trail itself must not become a list of ID and phone numbers. Anything that looks like a
# 身份证号, 统一社会信用代码 or mobile number is masked before it is stored, whoever called ``record``.
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_USCC = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


class Actor(Protocol):
    """What the audit needs to know about whoever acts (``api.auth.service.Principal`` fits)."""

    actor: str
    role: str
    client_ip: Optional[str]


def _scrub_text(text: str) -> str:
    text = _RESIDENT_ID.sub(lambda m: ids.mask_id(m.group(0)), text)
    text = _USCC.sub(lambda m: ids.mask_id(m.group(0)), text)
    return _MOBILE.sub(lambda m: ids.mask_phone(m.group(0)), text)


def scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _scrub_text(value)
    if isinstance(value, dict):
        return {str(k): scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    return value


def record(
    session: Session,
    who: Actor,
    action: str,
    target: Optional[str] = None,
    detail: Optional[dict] = None,
    *,
    at: Optional[datetime] = None,
) -> AuditEvent:
    """Append one audit row to the caller's transaction (the caller commits)."""
    event = AuditEvent(
        at=utc(at) if at else datetime.now(timezone.utc),
        actor=who.actor,
        role=who.role,
        action=action,
        target=scrub(target) if target else None,
        client_ip=who.client_ip,
        detail=scrub(detail or {}),
    )
    session.add(event)
    return event


def events(
    session: Session,
    *,
    action: Optional[str] = None,
    actor: Optional[str] = None,
    target: Optional[str] = None,
    before_id: Optional[int] = None,
    limit: int = 100,
) -> List[AuditEvent]:
    """Newest first; ``before_id`` pages backwards."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if target:
        query = query.where(AuditEvent.target == target)
    if before_id:
        query = query.where(AuditEvent.id < before_id)
    return list(session.scalars(query))
