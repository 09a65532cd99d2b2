"""Key management: the platform's signing keys (Ed25519 and SM2, P3), the ID-hash key of the integrity files
(P5), and the root certificate of the CA behind the letters' PDF signatures."""
from __future__ import annotations

from typing import Annotated, Dict, List, Literal, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api.dependencies import PlatformKeyDep
from api.signing import gm
from api.signing.pades import LetterSigner, letter_signer_for
from api.signing.schemas import CurrentPlatformKey
from api.signing.service import ALGORITHM, public_pem

router = APIRouter(tags=["keys"])


class PublishedKey(BaseModel):
    key_id: str
    algorithm: str
    public_key_pem: str
    status: Literal["current", "retired"]


@router.get("/keys", response_model=List[PublishedKey])
def all_keys(key: PlatformKeyDep) -> List[PublishedKey]:
    """Every key the platform has signed with, current first, Ed25519 then SM2 (P3): with it an auditor checks
    any receipt offline, also one signed before a key rotation (each record names its signers in ``key_id``
    and ``sm2_key_id``)."""
    keys = [
        PublishedKey(key_id=key_id, algorithm=ALGORITHM, public_key_pem=public_pem(public_key), status=status)
        for key_id, public_key, status in key.published()
    ]
    keys += [
        PublishedKey(key_id=key_id, algorithm=gm.ALGORITHM, public_key_pem=public_key.pem(), status=status)
        for key_id, public_key, status in key.published_sm2()
    ]
    return keys


@router.get("/keys/platform", response_model=CurrentPlatformKey)
def platform_key(key: PlatformKeyDep) -> Dict[str, Optional[str]]:
    """The public halves of the current signing keys, so signatures can be checked outside the platform (P3).
    SM2 signatures are over SM3(Z || record) with the default user id 1234567812345678 (GM/T 0009)."""
    sm2 = key.sm2.public if key.sm2 is not None else None
    return {
        "key_id": key.key_id,
        "algorithm": ALGORITHM,
        "public_key_pem": key.public_key_pem,
        "sm2_key_id": sm2.key_id if sm2 is not None else None,
        "sm2_algorithm": gm.ALGORITHM if sm2 is not None else None,
        "sm2_public_key_pem": sm2.pem() if sm2 is not None else None,
        "sm2_user_id": gm.DEFAULT_USER_ID.decode("ascii") if sm2 is not None else None,
    }


def get_letter_signer(request: Request) -> LetterSigner:
    """The letter signer of this app, created on first use (the CA beside the signing keys)."""
    signer = getattr(request.app.state, "letter_signer", None)
    if signer is None:
        signer = letter_signer_for(request.app.state.settings.signing_key_path)
        request.app.state.letter_signer = signer
    return signer


LetterSignerDep = Annotated[LetterSigner, Depends(get_letter_signer)]


@router.get("/pki/ca.pem", response_class=Response)
def ca_certificate(signer: LetterSignerDep) -> Response:
    """The platform's root certificate: add it to a PDF reader's trusted certificates and the signature on
    every commitment letter shows as valid."""
    return Response(
        signer.ca_pem,
        media_type="application/x-pem-file",
        headers={"Content-Disposition": 'inline; filename="gz-platform-ca.pem"', "Cache-Control": "public, max-age=3600"},
    )
