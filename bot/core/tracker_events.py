"""How a conversation event's ``data`` is sealed at rest in the tracker store (P5), for every reader of the rows.

Rasa's tracker store (bot/rasa/tracker_store.py) seals each event's JSON with the data key ring
(bot/core/sealing.py) and the event's conversation as associated data, so a row copied into another
conversation does not open. The admin console's inbox (api/admin/inbox.py) reads the same ``events`` table from
the API's virtualenv, which has no Rasa. What a reader needs to open a row - the associated data and the opening
itself - is a pure function of the row and a key ring, so it lives here in the kernel rather than behind a
command line: both sides then read the rows by one definition. Loading the key ring (which file, created when
missing or not) stays with each process.
"""
from __future__ import annotations

from typing import Optional

from bot.core import sealing

AAD_PREFIX = b"tracker-event:"


def event_aad(sender_id: str) -> bytes:
    """The associated data of an event's sealed ``data``: its conversation (a row moved elsewhere does not open)."""
    return AAD_PREFIX + str(sender_id).encode("utf-8")


def seal_event_data(data: Optional[str], sender_id: str, ring: sealing.KeyRing) -> Optional[str]:
    """``data`` sealed for the conversation ``sender_id``; an empty or already sealed value as it is."""
    if data is None or sealing.is_sealed(data):
        return data
    return ring.seal(data, event_aad(sender_id))


def open_event_data(data: Optional[str], sender_id: str, ring: sealing.KeyRing) -> Optional[str]:
    """The event's JSON: a sealed value opened (``SealingError`` if it does not), a clear one (written before
    encryption at rest) as it is."""
    if not sealing.is_sealed(data):
        return data
    return ring.open(data, event_aad(sender_id))
