"""Held-out evaluation of item discovery (P1), from the command line and for the discovery gates.

    .venv/bin/python tests/eval_discovery.py [tests/data/discovery_test.yml]

The measure itself is :func:`bot.tools.discovery_eval.evaluate` (production code uses it too); this wrapper adds the
default query file of the test suite and a printout of the misses. The product target is top-3 >= 0.95. Not
collected by pytest: it measures, it does not assert.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.core.catalogue import Item  # noqa: E402
from bot.tools.discovery_eval import evaluate as evaluate_file  # noqa: E402

DEFAULT_PATH = REPO / "tests" / "data" / "discovery_test.yml"


def evaluate(path: Path | str = DEFAULT_PATH, items: Optional[Iterable[Item]] = None) -> Dict[str, Any]:
    """:func:`bot.tools.discovery_eval.evaluate` on the test suite's query file unless another is given."""
    return evaluate_file(path, items)


def main(argv: List[str]) -> int:
    result = evaluate(argv[0] if argv else DEFAULT_PATH)
    print(f"n={result['n']}  top1={result['top1']:.3f}  top3={result['top3']:.3f}")
    for miss in result["misses"]:
        mark = "top3" if miss["in_top3"] else "MISS"
        print(f"  [{mark}] {miss['text']!r} expected={miss['expected']} got={miss['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
