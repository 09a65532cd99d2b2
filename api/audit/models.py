from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Optional

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.database import Base


class AuditEvent(Base):
    """Who did or read what, when, from where (P5). Append-only: the migration installs triggers that refuse
    UPDATE and DELETE on this table, so not even a careless admin with SQL access can rewrite history quietly.

    ``detail`` never holds a raw ID or phone number (``api.audit.service.scrub`` masks any that slip in).
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)  # username, "service", "applicant:<hash prefix>", "cli"
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64), index=True)  # e.g. commitment.read, complaint.assign
    target: Mapped[Optional[str]] = mapped_column(String(100), nullable=True, index=True)  # commitment or ticket no
    client_ip: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    detail: Mapped[Dict[str, Any]] = mapped_column(JSON, default=dict)
