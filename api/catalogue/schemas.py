"""Response schemas of the public catalogue endpoints."""
from __future__ import annotations

from typing import List, Optional

from pydantic import BaseModel, ConfigDict


class NoticeSectionText(BaseModel):
    title: str
    text: str


class CatalogueItemView(BaseModel):
    """One stored version of an item: ``bot.core.catalogue.Item.to_dict`` as it was when the version was made,
    with its notice version and version number.

    The fields every version has are declared; the rest of the item (verification, exclusion, aliases and
    whatever fields later rules added) passes through as it was stored, because an applicant holding an old
    receipt must read that version exactly as it was (P2), not as today's model would reshape it."""

    model_config = ConfigDict(extra="allow")

    code: str
    name: str
    kind: str
    department: str
    commitment_allowed: bool
    proxy_allowed: bool
    notice: List[NoticeSectionText]
    notice_version: Optional[str]
    version: int
