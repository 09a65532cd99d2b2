"""Limits meant for people, loosened for the suites that drive whole journeys at machine speed.

Called by every suite that starts a stack and runs journeys on it (e2e, browser, WeChat, scale) before the stack
starts; the servers inherit the environment, like ``GZ_MIN_READING_SECONDS``. ``setdefault``: a run that sets a
value itself keeps it.

- One-time codes: one test session runs dozens of journeys for the same few demo people within minutes, so the
  per-ID and per-phone limits (5 an hour) and the pause between two codes to one ID (60 s, which a test reading
  the notice in one second never waits) would refuse the codes the journeys need. The limits themselves are
  tested against the API in tests/api/test_identity.py.
- Flood control (bot/channels/flood.py): a test answers each question as soon as it is asked, a dozen messages in a few
  seconds, which the per-sender bucket (8 at once, 20 a minute) is there to refuse. The flood test runs a Rasa
  server of its own with small limits (tests/security/test_flood_and_handoff.py).
"""
from __future__ import annotations

import os

MACHINE_SPEED = {
    "GZ_OTP_RESEND_SECONDS": "0",
    "GZ_OTP_MAX_PER_ID": "10000",
    "GZ_OTP_MAX_PER_PHONE": "10000",
    "GZ_OTP_MAX_PER_CLIENT": "10000",
    "GZ_FLOOD_SENDER_BURST": "1000",
    "GZ_FLOOD_SENDER_PER_MINUTE": "6000",
}


def for_machine_speed() -> None:
    for name, value in MACHINE_SPEED.items():
        os.environ.setdefault(name, value)
