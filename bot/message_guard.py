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

Applied by bot/rasa_server.py to every Rasa server we start.
"""
from __future__ import annotations

import logging
import re

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

    MessageProcessor.handle_message = guarded(MessageProcessor.handle_message)
    _installed = True
