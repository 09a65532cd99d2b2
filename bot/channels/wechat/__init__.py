"""The WeChat official account (公众号) channel: a custom Rasa ``InputChannel``.

WeChat's servers POST each citizen message as signed (optionally AES-encrypted) XML to
``/webhooks/wechat/webhook`` and wait at most 5 seconds for a single passive reply; they retry the same
message three times. The pieces, each small and separately testable (wechatpy's own split):

- ``channel.py``  the Sanic blueprint: signature, plain/compatible/safe modes, de-duplication, the 5-second rule;
- ``render.py``   contract messages -> WeChat texts: 2048-byte splitting, merging to at most 5 messages,
                  options as numbered choices and the number read back;
- ``dedup.py``    the expiring key-value store (Redis when configured, else embedded SQLite) holding
                  de-duplication keys and the per-user channel state;
- ``tokens.py``   the access-token cache shared by every Rasa process;
- ``client.py``   the customer-service message API (客服消息) used when a turn misses the deadline.

The citizen's ``openid`` is the Rasa sender id. It is never shown to anyone and logs carry only
``mask_openid``'s digest (P5: personal data minimised).
"""
from __future__ import annotations

import hashlib


def mask_openid(openid: str) -> str:
    """A stable, non-reversible tag for logs: the same citizen gives the same tag, the openid never appears."""
    if not openid:
        return "wx:-"
    return "wx:" + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:10]
