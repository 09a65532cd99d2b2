"""bot/message_guard.py: an over-long message is answered, not processed; lone surrogates become U+FFFD."""
from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot import message_guard


async def rasa_own(processor, message):
    """Stands in for Rasa's MessageProcessor.handle_message: records what reached it."""
    processor.append(message.text)
    await message.output_channel.send_text_message(message.sender_id, "ok")
    return message.output_channel.messages


def run(text):
    seen = []
    replies = asyncio.run(message_guard.guarded(rasa_own)(seen, UserMessage(text, CollectingOutputChannel(), "citizen")))
    return seen, [r["text"] for r in replies]


def test_over_long_message_is_answered_and_not_processed():  # P4: the conversation stays where it was
    assert run("啊" * (message_guard.MAX_MESSAGE_CHARS + 1)) == ([], [message_guard.TOO_LONG])


def test_message_at_the_limit_is_processed():
    text = "啊" * message_guard.MAX_MESSAGE_CHARS
    assert run(text) == ([text], ["ok"])


def test_lone_surrogates_become_replacement_characters():  # the action server can send the text to the API
    seen, _ = run("\ud800本人承诺\udfff")
    assert seen == ["\ufffd本人承诺\ufffd"]
    seen[0].encode("utf-8")


def test_install_wraps_rasa_once():
    from rasa.core.processor import MessageProcessor

    message_guard.install()
    first = MessageProcessor.handle_message
    message_guard.install()
    assert MessageProcessor.handle_message is first and first.__name__ == "guarded_handle_message"
