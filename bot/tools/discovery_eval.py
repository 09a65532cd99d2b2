"""How well item discovery finds the item a query means (P1): top-1 / top-3 on a labelled query file.

The query files are written independently of the discovery code (``queries: [{text, expected}]``); ``expected``
is an item code, a list of acceptable codes, or empty/null for a message that must match nothing. The admin
console evaluates every trained model with it (``api.admin.jobs``, in the Rasa virtualenv), ``make eval`` prints
it, and the held-out gates in the test suite assert on it. It measures; it does not assert.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import yaml

from actions.discovery import ItemIndex
from bot.core.catalogue import Item, load_catalogue


def expected_codes(value: Any) -> List[str]:
    """The acceptable item codes of a query's label; empty for a query that must match nothing."""
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, str):
        return [value.strip().upper()] if value.strip().lower() not in ("none", "null") else []
    return [str(v).strip().upper() for v in value]


def evaluate(path: Path | str, items: Optional[Iterable[Item]] = None) -> Dict[str, Any]:
    """``{top1, top3, n, misses}``: the share of queries whose expected item is ranked first / in the first three
    (for a query that must match nothing: the result is empty), and the queries not ranked first. ``items``
    defaults to the catalogue in the repository."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    queries = data.get("queries") or []
    index = ItemIndex(items if items is not None else load_catalogue().values())
    top1 = top3 = 0
    misses: List[Dict[str, Any]] = []
    for query in queries:
        text = str(query.get("text", ""))
        expected = expected_codes(query.get("expected"))
        got = [code for code, _ in index.search(text, k=5)]
        if expected:
            hit1 = bool(set(got[:1]) & set(expected))
            hit3 = bool(set(got[:3]) & set(expected))
        else:
            hit1 = hit3 = not got
        top1 += hit1
        top3 += hit3
        if not hit1:
            misses.append({"text": text, "expected": expected, "got": got[:3], "in_top3": hit3})
    n = len(queries)
    return {
        "top1": round(top1 / n, 4) if n else 0.0,
        "top3": round(top3 / n, 4) if n else 0.0,
        "n": n,
        "misses": misses,
    }
