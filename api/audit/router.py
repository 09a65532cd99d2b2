from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from api.audit import service
from api.audit.schemas import AuditEventOut, AuditPage
from api.auth.dependencies import AdminDep
from api.clock import china_iso
from api.dependencies import SessionDep

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=AuditPage)
def read_audit(
    principal: AdminDep,
    session: SessionDep,
    action: Optional[str] = None,
    actor: Optional[str] = None,
    target: Optional[str] = None,
    before_id: Optional[int] = Query(None, ge=1),
    limit: int = Query(100, ge=1, le=500),
) -> AuditPage:
    """P5: administrators read who did and read what; newest first."""
    rows = service.events(session, action=action, actor=actor, target=target, before_id=before_id, limit=limit)
    page = AuditPage(
        events=[
            AuditEventOut(
                id=row.id,
                at=china_iso(row.at),
                actor=row.actor,
                role=row.role,
                action=row.action,
                target=row.target,
                client_ip=row.client_ip,
                detail=row.detail or {},
            )
            for row in rows
        ],
        next_before_id=rows[-1].id if len(rows) == limit else None,
    )
    # Reading the trail is itself a staff action.
    service.record(session, principal, "audit.read", detail={"filters": {"action": action, "actor": actor, "target": target}})
    return page
