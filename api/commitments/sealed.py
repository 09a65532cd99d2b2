"""Personal data of a signed commitment, encrypted at rest (P5). The one place that seals and reconstructs.

The legal record is unchanged: ``record_hash`` is the SHA-256 of the plaintext canonical JSON and the signature
(P3) is over those same bytes. What is *stored* in ``commitments.canonical`` is that JSON object with every
personal value replaced by an AES-256-GCM envelope (``bot.core.sealing``), serialised with the same
``canonical_json``:

- every ``id_number`` (the applicant's 身份证号 or 统一社会信用代码, the proxy's 身份证号);
- the names of the people the record is about (``applicant.name``, ``proxy.name``, ``representative.name``);
- every phone number (``phone``, and any other key ending in ``_phone``, such as the hotline caller's number);
- any other string of the record that contains one of those, whole: the statement ("本人张伟承诺…"), the
  affirmation as typed, the channel's signed copy of it. The signed text must keep them exactly, so they
  cannot be masked, and they must not sit in clear either.

Reconstruction opens the envelopes and serialises again: canonical JSON is deterministic, so the bytes are exactly
the ones that were signed, and ``python -m api.cli verify`` checks hash and signature over them. A value that
must be sealed but is stored in clear is refused like an envelope that does not open: after migrations 0008 and
0012 every such value is sealed, so a clear one was put there by someone editing the table.

Associated data: ``b"commitment:" + commitment_no``. The number is fixed before the record is built, is the
row's unique public name, and is itself checked against the signed text (``columns``), so an envelope moved to
another row does not open there.

Lookups never decrypt: they use ``applicant_id_hash`` (the keyed blind index, ``api.credit.service.id_hash``).

The key ring travels with the database session (``session.info["data_keys"]``, set by
``api.database.make_sessionmaker``), so every reader of a commitment - verification, documents, disclosure,
status, login - reconstructs through ``payload_of`` without each API layer passing the keys along.

Other tables keep a phone number in a plain column (a complainant's call-back number, a hotline caller's number):
``SealedText`` seals such a column on write and opens it on read, with the same key ring.
"""
from __future__ import annotations

import json
import re
import weakref
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from sqlalchemy import Text
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.orm import Session, object_session
from sqlalchemy.types import TypeDecorator

from api.personal_text import mask_ids
from bot.core import sealing
from bot.core.canonical import canonical_json
from bot.core.sealing import KeyRing, SealingError
from bot.core.textnorm import name_key

# The payload's keys whose values are ID numbers (applicant: resident ID or USCC; proxy: resident ID).
ID_KEYS = frozenset({"id_number"})
# The objects whose ``name`` is a person's (or the applicant enterprise's) name; ``item.name`` is not.
PERSON_KEYS = frozenset({"applicant", "proxy", "representative"})
SESSION_KEY = "data_keys"

__all__ = [
    "ID_KEYS",
    "PERSON_KEYS",
    "SealedText",
    "SealingError",
    "aad_for",
    "bind_ring",
    "column_aad",
    "has_sealed_value",
    "open_all",
    "open_payload",
    "payload_of",
    "remember_signed",
    "ring_of",
    "seal_ids",
    "seal_payload",
    "sealed_text",
    "signed_text",
]

KeyPath = Tuple[str, ...]  # the keys from the root of a payload to a value


def aad_for(commitment_no: str) -> bytes:
    return b"commitment:" + commitment_no.encode("utf-8")


# --- where the personal values are --------------------------------------------------------------------------


def _is_id_path(path: KeyPath) -> bool:
    return bool(path) and path[-1] in ID_KEYS


def _is_personal_path(path: KeyPath) -> bool:
    """A name of a person the record is about, or a phone number."""
    if not path:
        return False
    key = path[-1]
    if key == "phone" or key.endswith("_phone"):
        return True
    return key == "name" and len(path) >= 2 and path[-2] in PERSON_KEYS


def _map(value: Any, leaf: Callable[[KeyPath, Any], Any], path: KeyPath = ()) -> Any:
    """``leaf(path, value)`` applied to every non-container value; list items keep their list's path."""
    if isinstance(value, dict):
        return {k: _map(v, leaf, path + (k,)) for k, v in value.items()}
    if isinstance(value, list):
        return [_map(v, leaf, path) for v in value]
    return leaf(path, value)


def _leaves(value: Any, path: KeyPath = ()) -> Iterator[Tuple[KeyPath, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v, path)
    else:
        yield path, value


_SEPARATORS = re.compile(r"[\s\-]")


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text)


def _personal_values(payload: Any, ring: KeyRing, aad: bytes) -> List[str]:
    """The names and phone numbers of the record, in clear (sealed ones opened), non-empty."""
    values = []
    for path, value in _leaves(payload):
        if _is_personal_path(path) and isinstance(value, str) and value:
            values.append(ring.open(value, aad) if sealing.is_sealed(value) else value)
    return values


_Spellings = List[Tuple[str, str, str]]  # a value as written, without separators, and its ``name_key``


def _spellings(values: List[str]) -> _Spellings:
    # Computed once per record, not once per string of it: a record has hundreds of strings.
    return [(value, _compact(value), name_key(value)) for value in values]


def _mentions_spelled(text: str, spellings: _Spellings) -> bool:
    """Whether ``text`` contains one of the values: as written, with spaces or hyphens ("138 0013 8000"), or
    spelled another way (趙強 is 赵强, ``name_key``)."""
    if not spellings:
        return False
    if any(value in text for value, _, _ in spellings):
        return True
    compact = _compact(text)
    if any(value_compact and value_compact in compact for _, value_compact, _ in spellings):
        return True
    keyed = name_key(text)
    return any(value_key and value_key in keyed for _, _, value_key in spellings)


# --- sealing and opening ------------------------------------------------------------------------------------


def _seal_required(ring: KeyRing, aad: bytes, value: Any) -> Any:
    if value is None or sealing.is_sealed(value):
        return value
    if not isinstance(value, str):
        raise TypeError("an id_number must be a string")
    return ring.seal(value, aad)


def seal_payload(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """A copy of ``payload`` with every ID number, name and phone number sealed, and every other string that
    holds a valid ID number or mentions one of the record's names or phones sealed whole. Values already sealed
    are kept as they are, so sealing a stored payload again changes nothing."""
    personal = _spellings(_personal_values(payload, ring, aad))
    # Whether a string must be sealed depends only on it and on this record's values; a record repeats many
    # strings (every delivery names the channel, the sender, the item), so each is looked at once.
    holds_personal: Dict[str, bool] = {}

    def leaf(path: KeyPath, value: Any) -> Any:
        if _is_id_path(path):
            return _seal_required(ring, aad, value)
        if not isinstance(value, str) or not value or sealing.is_sealed(value):
            return value
        if _is_personal_path(path):
            return ring.seal(value, aad)
        seal = holds_personal.get(value)
        if seal is None:
            seal = holds_personal[value] = mask_ids(value) != value or _mentions_spelled(value, personal)
        return ring.seal(value, aad) if seal else value

    return _map(payload, leaf)


def seal_ids(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """Only the ID numbers sealed (and strings holding one): the stored form between migrations 0008 and 0012."""

    def leaf(path: KeyPath, value: Any) -> Any:
        if _is_id_path(path):
            return _seal_required(ring, aad, value)
        if isinstance(value, str) and not sealing.is_sealed(value) and mask_ids(value) != value:
            return ring.seal(value, aad)
        return value

    return _map(payload, leaf)


def sealed_text(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> str:
    """What ``commitments.canonical`` stores for the signed ``payload``."""
    return canonical_json(seal_payload(payload, ring, aad)).decode("utf-8")


def open_all(stored: Any, ring: KeyRing, aad: bytes) -> Any:
    """Every envelope of a stored payload (parsed JSON) opened, whatever is sealed or not (migrations)."""
    return _map(stored, lambda _path, value: ring.open(value, aad) if sealing.is_sealed(value) else value)


def open_payload(stored_text: str, ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """The signed payload, with every envelope opened.

    Raises ``SealingError`` when an envelope does not open (altered, sealed for another row, unknown key) or
    when a value that is always sealed is stored in clear: an ID number, a name, a phone number, or another
    string containing one of those names or numbers as written. ``ValueError`` when the text is not JSON.
    """
    stored = json.loads(stored_text)
    opened = open_all(stored, ring, aad)
    personal = _personal_values(opened, ring, aad)
    for path, value in _leaves(stored):
        if value is None or sealing.is_sealed(value):
            continue
        if _is_id_path(path):
            raise SealingError("an ID number is stored in clear")
        if not isinstance(value, str) or not value:
            continue
        if _is_personal_path(path) or any(v in value for v in personal):
            raise SealingError("a name or phone number is stored in clear")
    return opened


def has_sealed_value(stored: Any) -> bool:
    """Whether a stored payload (parsed JSON) holds any envelope (the migrations' downgrades)."""
    return any(sealing.is_sealed(value) for _path, value in _leaves(stored))


def ring_of(session: Optional[Session]) -> KeyRing:
    ring = session.info.get(SESSION_KEY) if session is not None else None
    if ring is None:
        raise RuntimeError(
            "this database session has no data key ring: build it with api.database.make_sessionmaker(engine, data_keys=...)"
        )
    return ring


# The signed bytes of rows this process has just sealed, so that reading one back in the transaction that
# stores it (the verification task it opens) does not decrypt and re-check what was sealed a moment ago. Held
# only as long as the row object lives, and used only while the row still holds the very text that was sealed:
# a row loaded or reloaded from the database never matches, and is opened and checked in full.
_JUST_SEALED: "weakref.WeakKeyDictionary[Any, Tuple[str, str, bytes]]" = weakref.WeakKeyDictionary()


def remember_signed(row: Any, signed: bytes) -> None:
    """``signed`` is the canonical JSON whose sealed form ``row.canonical`` was just set to."""
    _JUST_SEALED[row] = (row.canonical, row.commitment_no, signed)


def payload_of(row: Any, ring: Optional[KeyRing] = None) -> Dict[str, Any]:
    """The signed payload of a ``Commitment`` row (in clear, in memory only). Raises ``SealingError``."""
    try:
        known = _JUST_SEALED.get(row)
    except TypeError:  # an object without weak references (a stand-in for a row) was never remembered
        known = None
    if known is not None and known[0] is row.canonical and known[1] == row.commitment_no:
        return json.loads(known[2])  # a fresh copy: callers may change what they get
    ring = ring or ring_of(object_session(row))
    return open_payload(row.canonical, ring, aad_for(row.commitment_no))


def signed_text(row: Any, ring: Optional[KeyRing] = None) -> bytes:
    """The exact bytes that were hashed and signed (P3), rebuilt from the stored row. Raises ``SealingError``."""
    return canonical_json(payload_of(row, ring))


# --- sealed columns -----------------------------------------------------------------------------------------

# The key ring of each engine, by its dialect object (one per engine): a column type sees only the dialect.
_RINGS: "weakref.WeakKeyDictionary[Dialect, KeyRing]" = weakref.WeakKeyDictionary()


def bind_ring(engine: Engine, ring: KeyRing) -> None:
    """``SealedText`` columns written and read through ``engine`` use ``ring`` (``api.database.make_sessionmaker``)."""
    _RINGS[engine.dialect] = ring


def column_aad(place: str) -> bytes:
    return b"column:" + place.encode("utf-8")


class SealedText(TypeDecorator):
    """A TEXT column stored as an AES-256-GCM envelope bound to its place (``"<table>.<column>"``).

    For values that are only ever read, never searched: an envelope has a fresh nonce each time, so a WHERE on
    the column can never match. A value stored in clear before migration 0012 sealed it reads as it is."""

    impl = Text
    cache_ok = True

    def __init__(self, place: str) -> None:
        super().__init__()
        self.place = place

    def _ring(self, dialect: Dialect) -> KeyRing:
        ring = _RINGS.get(dialect)
        if ring is None:
            raise RuntimeError(
                f"{self.place} is sealed: build the session with api.database.make_sessionmaker(engine, data_keys=...)"
            )
        return ring

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or sealing.is_sealed(value):
            return value
        return self._ring(dialect).seal(str(value), column_aad(self.place))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if not sealing.is_sealed(value):
            return value
        return self._ring(dialect).open(value, column_aad(self.place))
