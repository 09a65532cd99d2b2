"""What every incoming message passes before Rasa touches it, whatever the channel (P1, P4, P5).

Found by tests/fuzz/test_hostile_chat.py (hostile input through REST at every stage of the journey):

1. **Very long messages.** One 10,000-character message of punctuation or short words took Rasa's NLU 12-22 s on
   the 2-core machine (DIET attends over every token), during which that Rasa worker answered nobody else, and the
   action server spent seconds more on it. No answer the assistant can use is that long: the longest is a
   complaint, which the chat keeps to 2,000 characters (actions/lifecycle.py, api/complaints). A longer message is
   answered with a polite request to send it shorter and is not processed or stored - the conversation stays
   exactly where it was.
2. **Lone surrogates.** JSON's ``"\\ud800"`` escape gives Python a string that cannot be encoded: the action
   server failed to send such a text to the API (``UnicodeEncodeError``) and the citizen got an internal error.
   They become U+FFFD, the replacement character, so the message is judged like any text with a symbol in it.

3. **Floods.** A script sending message after message (to one conversation, or under ever new sender ids from
   one address) made Rasa and the action server work for it alone. Each channel asks ``flooding`` before it hands
   a message to Rasa (bot/channels/flood.py: token buckets per sender and per client address); a message over the limit is
   answered with ``FLOOD_TEXT`` and, like an over-long one, is not processed, signed or stored - the conversation
   stays exactly where it was. It is asked before the channel signs the message as evidence, so a flood does not
   fill the evidence ledger either.

Applied by bot/rasa/server.py to every Rasa server we start (1 and 2; ``install`` also checks the flood settings,
so a typo in them stops Rasa from starting); 3 by the channels (bot/channels/rest.py, bot/channels/widget.py,
bot/channels/wechat/channel.py).
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from bot.channels import flood
from bot.channels.flood import FLOOD_TEXT  # noqa: F401  (what the channels answer a message over the limit with)

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
TOO_LONG = (
    f"您发来的消息太长了（超过{MAX_MESSAGE_CHARS}字），我没有处理。请简短一些再发一次；"
    "如果是投诉或情况说明，可以只写最主要的内容。"
)
_SURROGATE = re.compile("[\ud800-\udfff]")

_installed = False


def clean_text(text):
    """The message text with lone surrogates replaced (other text, and non-text, unchanged)."""
    if isinstance(text, str) and _SURROGATE.search(text):
        return _SURROGATE.sub("\ufffd", text)
    return text


def too_long(text) -> bool:
    return isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS


def flooding(channel: str, sender: Optional[str], address: Optional[str] = None) -> bool:
    """True when this message is over the flood limit of its sender or client address: answer ``FLOOD_TEXT`` and
    do not hand it to Rasa. ``address`` is None where the peer is not the client (WeChat's servers)."""
    if flood.guard().admit(sender, address):
        return False
    logger.info("%s message over the flood limit not processed", channel)  # P5: no sender, no address
    return True


def guarded(handle_message):
    """``MessageProcessor.handle_message`` with the guard in front of it."""
    from rasa.core.channels.channel import CollectingOutputChannel

    async def guarded_handle_message(self, message):
        message.text = clean_text(message.text)
        if too_long(message.text):
            logger.info("message of %d characters not processed (limit %d)", len(message.text), MAX_MESSAGE_CHARS)
            await message.output_channel.send_text_message(message.sender_id, TOO_LONG)
            if isinstance(message.output_channel, CollectingOutputChannel):
                return message.output_channel.messages
            return None
        return await handle_message(self, message)

    return guarded_handle_message


def install() -> None:
    global _installed
    if _installed:
        return
    from rasa.core.processor import MessageProcessor

    flood.Settings.from_env()  # raises on a value that cannot be used: better no Rasa than an unguarded one
    MessageProcessor.handle_message = guarded(MessageProcessor.handle_message)
    _installed = True
