"""Held-out evaluation of item discovery (P1).

    .venv/bin/python tests/eval_discovery.py [tests/data/discovery_test.yml]

The query file is written independently of the discovery code (``queries: [{text, expected}]``); ``expected`` is
an item code, a list of acceptable codes, or empty/null for a message that must match nothing. The product
target is top-3 >= 0.95. Not collected by pytest: it measures, it does not assert.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from actions.discovery import ItemIndex  # noqa: E402
from bot.core.catalogue import Item, load_catalogue  # noqa: E402

DEFAULT_PATH = REPO / "tests" / "data" / "discovery_test.yml"


def _expected_codes(value: Any) -> List[str]:
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, str):
        return [value.strip().upper()] if value.strip().lower() not in ("none", "null") else []
    return [str(v).strip().upper() for v in value]


def evaluate(path: Path | str = DEFAULT_PATH, items: Optional[List[Item]] = None) -> Dict[str, Any]:
    """``{top1, top3, n, misses}``: the share of queries whose expected item is ranked first / in the first three
    (for a query that must match nothing: the result is empty), and the queries not ranked first."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    queries = data.get("queries") or []
    index = ItemIndex(items if items is not None else load_catalogue().values())
    top1 = top3 = 0
    misses: List[Dict[str, Any]] = []
    for query in queries:
        text = str(query.get("text", ""))
        expected = _expected_codes(query.get("expected"))
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


def main(argv: List[str]) -> int:
    result = evaluate(argv[0] if argv else DEFAULT_PATH)
    print(f"n={result['n']}  top1={result['top1']:.3f}  top3={result['top3']:.3f}")
    for miss in result["misses"]:
        mark = "top3" if miss["in_top3"] else "MISS"
        print(f"  [{mark}] {miss['text']!r} expected={miss['expected']} got={miss['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
