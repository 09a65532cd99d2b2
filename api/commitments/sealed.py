"""ID numbers of a signed commitment, encrypted at rest (P5). The one place that seals and reconstructs.

The legal record is unchanged: ``record_hash`` is the SHA-256 of the plaintext canonical JSON and the Ed25519
signature (P3) is over those same bytes. What is *stored* in ``commitments.canonical`` is that JSON object with
every ``id_number`` value - the applicant's 身份证号 or 统一社会信用代码 (``applicant.id_number``, whatever
``applicant.id_type`` says) and the proxy's 身份证号 (``proxy.id_number``) - replaced by an AES-256-GCM envelope
(``bot.core.sealing``), and so is any other string of the record that contains an ID number (free text such as
the affirmation as typed), serialised with the same ``canonical_json``. Reconstruction opens the envelopes and
serialises again: canonical JSON is deterministic, so the bytes are exactly the ones that were signed, and
``python -m api.cli verify`` checks hash and signature over them.

Associated data: ``b"commitment:" + commitment_no``. The number is fixed before the record is built, is the
row's unique public name, and is itself checked against the signed text (``columns``), so an envelope moved to
another row does not open there. (``record_hash`` would bind as well, but it is a function of the plaintext and
so could not be the AAD of a row being migrated or re-sealed without computing it first; the number is simpler.)

Lookups never decrypt: they use ``applicant_id_hash`` (the keyed blind index, ``api.credit.service.id_hash``).

The key ring travels with the database session (``session.info["data_keys"]``, set by
``api.database.make_sessionmaker``), so every reader of a commitment - verification, documents, disclosure,
status, login - reconstructs through ``payload_of`` without each API layer passing the keys along.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Optional

from sqlalchemy.orm import Session, object_session

from api.personal_text import mask_ids
from bot.core import sealing
from bot.core.canonical import canonical_json
from bot.core.sealing import KeyRing, SealingError

# The payload's keys whose values are ID numbers (applicant: resident ID or USCC; proxy: resident ID).
ID_KEYS = frozenset({"id_number"})
SESSION_KEY = "data_keys"

__all__ = [
    "ID_KEYS",
    "SealingError",
    "aad_for",
    "has_sealed_value",
    "open_payload",
    "payload_of",
    "ring_of",
    "seal_payload",
    "sealed_text",
    "signed_text",
]


def aad_for(commitment_no: str) -> bytes:
    return b"commitment:" + commitment_no.encode("utf-8")


def _map_ids(value: Any, change, other=lambda v: v) -> Any:
    """``change`` applied to every ``id_number`` value, ``other`` to every other string, anywhere in ``value``."""
    if isinstance(value, dict):
        return {
            k: (change(v) if k in ID_KEYS and v is not None else _map_ids(v, change, other)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_map_ids(v, change, other) for v in value]
    if isinstance(value, str):
        return other(value)
    return value


def seal_payload(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """A copy of ``payload`` with every ID number sealed (already sealed values are kept as they are).

    Besides the ``id_number`` fields, any other string of the record that contains a valid ID number or credit
    code (the affirmation as typed, say "本人张伟，身份证410105…，承诺") is sealed whole: the signed text must
    keep it exactly, so it cannot be masked, and it must not sit in clear either."""

    def seal(value: Any) -> str:
        if sealing.is_sealed(value):
            return value
        if not isinstance(value, str):
            raise TypeError("an id_number must be a string")
        return ring.seal(value, aad)

    def seal_if_it_holds_an_id(value: str) -> str:
        return value if sealing.is_sealed(value) or mask_ids(value) == value else ring.seal(value, aad)

    return _map_ids(payload, seal, seal_if_it_holds_an_id)


def sealed_text(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> str:
    """What ``commitments.canonical`` stores for the signed ``payload``."""
    return canonical_json(seal_payload(payload, ring, aad)).decode("utf-8")


def open_payload(stored_text: str, ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """The signed payload, with every ID number opened.

    Raises ``SealingError`` when an envelope does not open (altered, sealed for another row, unknown key) or
    when an ID number is stored in clear: after migration 0008 every stored ID is sealed, so a clear one was
    put there by someone editing the table. ``ValueError`` when the text is not JSON.
    """
    stored = json.loads(stored_text)

    def open_(value: Any) -> str:
        if not sealing.is_sealed(value):
            raise SealingError("an ID number is stored in clear")
        return ring.open(value, aad)

    def open_if_sealed(value: str) -> str:
        return ring.open(value, aad) if sealing.is_sealed(value) else value

    return _map_ids(stored, open_, open_if_sealed)


def has_sealed_value(stored: Any) -> bool:
    """Whether a stored payload (parsed JSON) holds any envelope (migration 0008's downgrade)."""
    if isinstance(stored, dict):
        return any(has_sealed_value(v) for v in stored.values())
    if isinstance(stored, list):
        return any(has_sealed_value(v) for v in stored)
    return sealing.is_sealed(stored)


def ring_of(session: Optional[Session]) -> KeyRing:
    ring = session.info.get(SESSION_KEY) if session is not None else None
    if ring is None:
        raise RuntimeError(
            "this database session has no data key ring: build it with api.database.make_sessionmaker(engine, data_keys=...)"
        )
    return ring


def payload_of(row: Any, ring: Optional[KeyRing] = None) -> Dict[str, Any]:
    """The signed payload of a ``Commitment`` row (IDs in clear, in memory only). Raises ``SealingError``."""
    ring = ring or ring_of(object_session(row))
    return open_payload(row.canonical, ring, aad_for(row.commitment_no))


def signed_text(row: Any, ring: Optional[KeyRing] = None) -> bytes:
    """The exact bytes that were hashed and signed (P3), rebuilt from the stored row. Raises ``SealingError``."""
    return canonical_json(payload_of(row, ring))
