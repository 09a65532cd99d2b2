"""Storing assurances, and the lock that makes code limits and single use exact under concurrency."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Optional

from sqlalchemy import text
from sqlalchemy.orm import Session

from api.clock import utc
from api.database import begin_write
from api.identity.assurance import ActConfirmation, IdentityAssurance
from api.identity.models import AssuranceRecord

# PostgreSQL transaction-scoped advisory lock serialising code requests and checks ("GZID").
IDENTITY_LOCK_KEY = 0x475A_4944


def conversation_client(conversation: str) -> str:
    """How a chat conversation (a channel's sender id, a hotline session) is named as a code's client."""
    return f"client:{conversation}"


def client_hash(key: bytes, client: str) -> str:
    """Keyed hash of a client (``conversation_client(...)`` or ``address:<ip>``) with the identity key.

    The same hash one-time codes are counted under, so an assurance redeemed from a code inherits the client
    the code was sent for."""
    return hmac.new(key, f"client:{client}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def new_id() -> str:
    """A random public identifier (128 bits, hex)."""
    return secrets.token_hex(16)


def lock(session: Session) -> None:
    """Take the identity lock in ``session``'s transaction, before what it reads about codes and assurances.

    Counting the codes sent in a window and then sending one, or reading a code and marking it used, must not
    interleave with another request doing the same: two requests could both pass a limit, or both use one
    code. SQLite: the write lock (``begin_write``: a transaction that has only read so far begins again with
    BEGIN IMMEDIATE); PostgreSQL: an advisory lock released at commit. Held until the request's transaction
    ends.
    """
    begin_write(session)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IDENTITY_LOCK_KEY})


# The assurance's fields its row keeps unchanged, under the same names.
_STORED_AS_IS = ("assurance_id", "method", "level", "subject_hash", "verifier", "masked_phone", "external_subject")


def save_assurance(
    session: Session,
    assurance: IdentityAssurance,
    confirmation: Optional[ActConfirmation] = None,
    client: Optional[str] = None,
) -> AssuranceRecord:
    """Add the assurance (and the act it confirmed, if any) to the caller's transaction. ``client`` is the
    keyed client hash of the conversation it was made in, when there is one."""
    row = AssuranceRecord(
        client_hash=client,
        **{name: getattr(assurance, name) for name in _STORED_AS_IS},
        verified_at=utc(assurance.verified_at),
        detail=dict(assurance.detail),
    )
    if confirmation is not None:
        row.act = confirmation.act.model_dump(mode="json")
        row.act_sha256 = confirmation.act_sha256
        row.sms_text_sha256 = confirmation.sms_text_sha256
    session.add(row)
    session.flush()
    return row
