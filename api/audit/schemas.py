from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import BaseModel


class AuditEventOut(BaseModel):
    id: int
    at: str
    actor: str
    role: str
    action: str
    target: Optional[str]
    client_ip: Optional[str]
    detail: Dict[str, Any]


class AuditPage(BaseModel):
    events: List[AuditEventOut]
    # Pass as before_id to read the next (older) page; None when this page reaches the first event.
    next_before_id: Optional[int]
