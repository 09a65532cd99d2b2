"""The journey's side of the hotline-assisted commitment (the rules are in bot/core/assisted.py).

On the hotline channel (bot/channels/hotline.py) a staff member types what the caller says. The notification (R6) is
read aloud section by section and each section ticked in the console; the caller's spoken commitment (R7) is
typed by the staff member, who ticks the attestation. The API attaches the platform-stamped ticks and the
attestation to the message's metadata, and the channel adds staff id, call id and caller phone from its token.
``affirmation_evidence`` reads them for the affirmation step: without every tick and the attestation the
journey does not accept the affirmation; with them, they become the record's ``evidence.assisted``.
``read_aloud_problem`` holds the notification step to the same ticks: on the phone "已阅读" means the staff member
read every section aloud, so the journey does not move on while a section is unticked, whoever says "read".
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from rasa_sdk import Tracker

from actions import messages
from bot.core import assisted
from bot.core.catalogue import Item

# What the affirmation's re-ask says for each problem (contract ``ask.error``; messages.ask looks them up).
messages.ERROR_TEXT.update(assisted.PROBLEM_TEXT)

EVIDENCE_FIELDS = ("staff_id", "session_id", "call_id", "caller_phone", "notice_version", "attestation", "attested_at")


def is_hotline(tracker: Tracker) -> bool:
    return tracker.get_latest_input_channel() == assisted.CHANNEL


def affirmation_evidence(tracker: Tracker, item: Item, slots: Dict[str, Any]) -> Tuple[Optional[str], Dict[str, Any]]:
    """(problem code or None, the assisted evidence for the record) from the latest message's metadata."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    given = metadata.get(assisted.CHANNEL) if isinstance(metadata.get(assisted.CHANNEL), dict) else {}
    evidence: Dict[str, Any] = {name: given.get(name) for name in EVIDENCE_FIELDS}
    ticks = assisted.ticks_by_section(given.get("read_aloud"))
    # The API's own timestamps, unchanged (the backend matches them against its record of the session).
    by_index = {t["index"]: t["at"] for t in given.get("read_aloud") or [] if isinstance(t, dict) and t.get("index") in ticks}
    evidence["read_aloud"] = assisted.read_aloud_list(by_index)
    problem = assisted.evidence_problem(
        evidence,
        total_sections=len(item.notice),
        notice_version=slots.get("notice_version"),
        sections_sent_at=slots.get("notice_sent_at") or [],
    )
    if problem is None and assisted.parse_time(evidence.get("attested_at")) is None:
        problem = assisted.ATTESTATION_REQUIRED
    return problem, evidence


def read_aloud_problem(tracker: Tracker, item: Item, slots: Dict[str, Any]) -> Optional[str]:
    """The notification step on the hotline: None when every section of the version sent was ticked as read
    aloud (after it reached the console); else the problem code. The attestation belongs to the affirmation."""
    problem, _ = affirmation_evidence(tracker, item, slots)
    return None if problem == assisted.ATTESTATION_REQUIRED else problem
