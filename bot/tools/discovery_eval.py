"""How well item discovery finds the item a query means (P1): top-1 / top-3 on a labelled query file.

The query files are written independently of the discovery code (``queries: [{text, expected}]``); ``expected``
is an item code, a list of acceptable codes, or empty/null for a message that must match nothing. The admin
console evaluates every trained model with it, ``make eval`` prints it, and the held-out gates in the test suite
assert on it. It measures; it does not assert.

    python -m bot.tools.discovery_eval QUERIES.yml [--catalogue DIR] [--json] [--misses]

The admin console (api/admin/jobs.py) runs it in the Rasa virtualenv with ``--json`` and reads the one JSON object
it prints: ``{"top1", "top3", "n"}``, and ``"misses"`` with ``--misses``. Misses are left out unless asked for,
because the queries of an independent set must not be read by whoever tunes discovery.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import yaml

from actions.discovery import ItemIndex
from bot.core.catalogue import CatalogueError, Item, load_catalogue


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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.discovery_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", type=Path, help="labelled query file (queries: [{text, expected}])")
    parser.add_argument("--catalogue", type=Path, default=None,
                        help="directory of the catalogue's item files (default: data/catalogue/items)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--misses", action="store_true", help="also list the queries not ranked first")
    args = parser.parse_args(argv)
    try:
        items = list(load_catalogue(args.catalogue).values())
        result = evaluate(args.queries, items)
    except (CatalogueError, OSError, yaml.YAMLError) as exc:
        if args.json:
            print(json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False))
        else:
            print(f"discovery not evaluated: {exc}", file=sys.stderr)
        return 1
    if not args.misses:
        result.pop("misses")
    if args.json:
        print(json.dumps({"ok": True, **result}, ensure_ascii=False))
        return 0
    print(f"n={result['n']}  top1={result['top1']:.3f}  top3={result['top3']:.3f}")
    for miss in result.get("misses", []):
        mark = "top3" if miss["in_top3"] else "MISS"
        print(f"  [{mark}] {miss['text']!r} expected={miss['expected']} got={miss['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
