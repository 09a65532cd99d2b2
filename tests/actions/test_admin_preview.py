"""The admin console's notification preview is exactly what the bot sends (R6).

``api/admin/preview.py`` repeats the display of ``actions/messages.py`` for the API's virtualenv, which cannot
import the action server. This test runs in the Rasa venv, where both import, and compares them item by item.
"""
from __future__ import annotations

from actions import messages
from api.admin import preview
from bot.core.catalogue import load_catalogue


def test_preview_messages_equal_the_bots_messages_for_every_item():
    items = load_catalogue()
    assert items
    for item in items.values():
        expected = [messages.item_detail(item)] + [messages.notice_section(item, i) for i in range(1, len(item.notice) + 1)]
        assert preview.citizen_messages(item) == [{"text": text, "custom": custom} for text, custom in expected], item.code
