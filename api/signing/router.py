from __future__ import annotations

from typing import Dict

from fastapi import APIRouter, Depends

from api.dependencies import get_platform_key
from api.signing.service import ALGORITHM, PlatformKey

router = APIRouter(prefix="/keys", tags=["keys"])


@router.get("/platform")
def platform_key(key: PlatformKey = Depends(get_platform_key)) -> Dict[str, str]:
    """The public half of the signing key, so signatures can be checked outside the platform (P3)."""
    return {"key_id": key.key_id, "algorithm": ALGORITHM, "public_key_pem": key.public_key_pem}
