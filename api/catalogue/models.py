from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.database import Base


class CatalogueItem(Base):
    """One item of the catalogue (事项), identified by its code; its content lives in versions."""

    __tablename__ = "items"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    # use_alter: items and item_versions reference each other.
    current_version_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("item_versions.id", use_alter=True), nullable=True
    )
    # 动态调整 (R1): an item removed from the catalogue files stays for the commitments that cite it.
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    current_version: Mapped[Optional["ItemVersion"]] = relationship(foreign_keys=[current_version_id])


class ItemVersion(Base):
    """An immutable snapshot of an item (R1); commitments cite the version whose notification they were shown (P2)."""

    __tablename__ = "item_versions"
    __table_args__ = (UniqueConstraint("item_code", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("items.code"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    # SHA-256 of the notification text (bot.core.catalogue.notice_version); None for excluded items (R2).
    notice_version: Mapped[Optional[str]] = mapped_column(String(64), nullable=True, index=True)
    # SHA-256 of the canonical JSON of the whole item, to tell whether anything changed.
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
