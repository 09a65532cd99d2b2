"""Response schemas of the key endpoints."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel


class CurrentPlatformKey(BaseModel):
    """The public halves of the current signing keys. The SM2 fields are null when no SM2 key is configured."""

    key_id: str
    algorithm: str
    public_key_pem: str
    sm2_key_id: Optional[str]
    sm2_algorithm: Optional[str]
    sm2_public_key_pem: Optional[str]
    sm2_user_id: Optional[str]
