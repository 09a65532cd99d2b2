"""Key management: the platform's Ed25519 signing key (P3) and the ID-hash key of the integrity files (P5)."""
from __future__ import annotations

from typing import Dict, List, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from api.dependencies import get_platform_key
from api.signing.service import ALGORITHM, PlatformKey, public_pem

router = APIRouter(prefix="/keys", tags=["keys"])


class PublishedKey(BaseModel):
    key_id: str
    algorithm: str
    public_key_pem: str
    status: Literal["current", "retired"]


@router.get("", response_model=List[PublishedKey])
def all_keys(key: PlatformKey = Depends(get_platform_key)) -> List[PublishedKey]:
    """Every key the platform has signed with, current first (P3): with it an auditor checks any receipt
    offline, also one signed before a key rotation (each record names its signer in ``key_id``)."""
    return [
        PublishedKey(key_id=key_id, algorithm=ALGORITHM, public_key_pem=public_pem(public_key), status=status)
        for key_id, public_key, status in key.published()
    ]


@router.get("/platform")
def platform_key(key: PlatformKey = Depends(get_platform_key)) -> Dict[str, str]:
    """The public half of the current signing key, so signatures can be checked outside the platform (P3)."""
    return {"key_id": key.key_id, "algorithm": ALGORITHM, "public_key_pem": key.public_key_pem}
