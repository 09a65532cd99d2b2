"""The notification as a citizen sees it, for the catalogue editor's preview (R6).

The bot sends these messages through ``actions/messages.py`` (Rasa venv, not importable here); both take the
item card and the notice sections from ``bot.core.catalogue.Item`` itself (``detail_message``,
``notice_message``). ``tests/actions/test_admin_preview.py`` runs in the Rasa venv and fails if the two ever
disagree, so the preview cannot drift from what the bot says.

Standard library and ``bot.core`` only: both virtualenvs import it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from bot.core.catalogue import Item

Message = Tuple[str, Dict[str, Any]]


def item_detail(item: Item) -> Message:
    return item.detail_message()


def notice_section(item: Item, index: int) -> Message:
    return item.notice_message(index)


def citizen_messages(item: Item) -> List[Dict[str, Any]]:
    """The item card and every notification section, in the order the bot sends them."""
    messages = [item_detail(item)]
    messages += [notice_section(item, i) for i in range(1, len(item.notice) + 1)]
    return [{"text": text, "custom": custom} for text, custom in messages]
