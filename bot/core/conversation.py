"""How the identity checks name a conversation: its channel and the channel's sender id.

Rasa keys a conversation by the sender id alone, and a REST client chooses its own. Were an identity verified
in a conversation to vouch for that sender id on any channel, a REST client naming someone's WeChat openid or
widget session would inherit their verification (their status, their records). So an assurance vouches on the
channel it was made on, under this key, which the action server and the API compute alike.
"""
from __future__ import annotations

from typing import Optional

DEFAULT_CHANNEL = "rest"


def key(channel: Optional[str], sender: str) -> str:
    return f"{channel or DEFAULT_CHANNEL}:{sender}"
