"""Loading the catalogue YAML into versioned rows (R1) and reading items back as ``bot.core`` objects."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from api.catalogue.models import CatalogueItem, ItemVersion
from api.jsonmap import map_leaves
from bot.core.canonical import canonical_json, sha256_hex
from bot.core.catalogue import Item, load_catalogue, parse_item


def _without_floats(value: Any) -> Any:
    # canonical_json refuses floats (P3); the only float in an item is the verification sampling rate,
    # and for change detection its decimal text is as good as its value.
    return map_leaves(value, lambda leaf: repr(leaf) if isinstance(leaf, float) else leaf)


def content_hash(content: Dict[str, Any]) -> str:
    return sha256_hex(canonical_json(_without_floats(content)))


@dataclass
class LoadReport:
    new_versions: List[str] = field(default_factory=list)  # "ZM001 v2"
    unchanged: List[str] = field(default_factory=list)
    deactivated: List[str] = field(default_factory=list)


def load_into_database(session: Session, directory: Path) -> LoadReport:
    """Validate the whole catalogue first (a bad file changes nothing), then version what changed (R1).

    Raises ``bot.core.catalogue.CatalogueError`` with the loader's message when a file is bad.
    """
    items = load_catalogue(directory)
    report = LoadReport()
    now = datetime.now(timezone.utc)
    for code, item in sorted(items.items()):
        content = item.to_dict()
        digest = content_hash(content)
        row = session.get(CatalogueItem, code)
        if row is None:
            row = CatalogueItem(code=code, active=True)
            session.add(row)
            session.flush()
        current = row.current_version
        if current is not None and current.content_hash == digest:
            row.active = True
            report.unchanged.append(code)
            continue
        last = session.scalar(select(func.max(ItemVersion.version)).where(ItemVersion.item_code == code)) or 0
        version = ItemVersion(
            item_code=code,
            version=last + 1,
            notice_version=item.notice_version,
            content_hash=digest,
            content=content,
            created_at=now,
        )
        session.add(version)
        session.flush()
        row.current_version_id = version.id
        row.active = True
        report.new_versions.append(f"{code} v{version.version}")
    for row in session.scalars(select(CatalogueItem).where(CatalogueItem.active.is_(True))):
        if row.code not in items:
            row.active = False
            report.deactivated.append(row.code)
    session.flush()
    return report


def as_item(version: ItemVersion) -> Item:
    """The stored snapshot as a ``bot.core.catalogue.Item`` (``to_dict`` round-trips through ``parse_item``).

    A stored version is what an applicant was shown: it is read back as it was, even if the rules that
    tie a new notice's promises to the data have tightened since (they are applied when a version is made).
    """
    return parse_item(version.content, source=f"item_versions#{version.id}", check_promises=False)


def public_view(version: ItemVersion) -> Dict[str, Any]:
    return {**version.content, "notice_version": version.notice_version, "version": version.version}


def active_items(session: Session) -> List[ItemVersion]:
    rows = session.scalars(
        select(CatalogueItem).where(CatalogueItem.active.is_(True)).order_by(CatalogueItem.code)
    ).all()
    return [row.current_version for row in rows if row.current_version is not None]


# Read on every turn that names an item and twice per commitment, so built once: a statement built anew for
# each call costs SQLAlchemy more (construction and its cache key) than running it. The item row and its current
# version come in one query, where reading the row and then its ``current_version`` took two.
_CURRENT_VERSION = (
    select(ItemVersion)
    .join(CatalogueItem, CatalogueItem.current_version_id == ItemVersion.id)
    .where(CatalogueItem.code == bindparam("code"), CatalogueItem.active.is_(True))
)
_VERSION_BY_NOTICE = (
    select(ItemVersion)
    .where(ItemVersion.item_code == bindparam("code"), ItemVersion.notice_version == bindparam("notice_version"))
    .order_by(ItemVersion.version.desc())
    .limit(1)
)


def current_version(session: Session, code: str) -> Optional[ItemVersion]:
    """The version an active item currently publishes; None for an unknown or deactivated item."""
    return session.scalars(_CURRENT_VERSION, {"code": code}).first()


def version_by_notice(session: Session, code: str, notice_version: str) -> Optional[ItemVersion]:
    """The latest stored version of ``code`` whose notification hash is ``notice_version``."""
    return session.scalars(_VERSION_BY_NOTICE, {"code": code, "notice_version": notice_version}).first()
