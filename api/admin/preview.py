"""The notification as a citizen sees it, for the catalogue editor's preview (R6).

The bot composes these messages in ``actions/messages.py`` (Rasa venv, not importable here). This module
repeats only their display, from the same ``bot.core.catalogue.Item``; the notice version comes from
``bot.core.catalogue`` itself. ``tests/actions/test_admin_preview.py`` runs in the Rasa venv and fails if the
two ever disagree, so the preview cannot drift from what the bot says.

Standard library and ``bot.core`` only: both virtualenvs import it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from bot.core.catalogue import Item

Message = Tuple[str, Dict[str, Any]]


def item_detail(item: Item) -> Message:
    kind = "涉企经营许可事项" if item.kind == "license" else "证明事项"
    parts = [f"【{item.name}】{kind}，实施机关：{item.department}。"]
    if item.commitment_allowed:
        parts.append(f"可以用告知承诺代替：{'、'.join(item.covers)}。")
        if item.kind == "license":
            parts.append("承诺并提交材料后当场作出许可决定。")
        parts.append("可以代为承诺（需申请人特别授权）。" if item.proxy_allowed else "本事项不允许代为承诺，须申请人本人承诺。")
    else:
        parts.append("本事项不适用告知承诺制。")
    return "".join(parts), {"stage": "item_detail", "item": item.summary()}


def notice_section(item: Item, index: int) -> Message:
    section = item.notice[index - 1]
    total = len(item.notice)
    text = f"告知书（{index}/{total}）{section.title}：{section.text}"
    return text, {
        "stage": "notice_section",
        "item_code": item.code,
        "notice_version": item.notice_version,
        "index": index,
        "total": total,
        "title": section.title,
    }


def citizen_messages(item: Item) -> List[Dict[str, Any]]:
    """The item card and every notification section, in the order the bot sends them."""
    messages = [item_detail(item)]
    messages += [notice_section(item, i) for i in range(1, len(item.notice) + 1)]
    return [{"text": text, "custom": custom} for text, custom in messages]
