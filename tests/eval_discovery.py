"""The test suite's held-out discovery query file, for the discovery gates.

    .venv/bin/python tests/eval_discovery.py [tests/data/discovery_test.yml]

The measure and its command line are :mod:`bot.tools.discovery_eval` (``python -m bot.tools.discovery_eval FILE
--misses``, which production code runs); this wrapper only adds the default query file of the test suite. The
product target is top-3 >= 0.95. Not collected by pytest: it measures, it does not assert. Nothing outside
``tests/`` imports it.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.core.catalogue import Item  # noqa: E402
from bot.tools.discovery_eval import evaluate as evaluate_file, main as evaluate_main  # noqa: E402

DEFAULT_PATH = REPO / "tests" / "data" / "discovery_test.yml"


def evaluate(path: Path | str = DEFAULT_PATH, items: Optional[Iterable[Item]] = None) -> Dict[str, Any]:
    """:func:`bot.tools.discovery_eval.evaluate` on the test suite's query file unless another is given."""
    return evaluate_file(path, items)


def main(argv: List[str]) -> int:
    return evaluate_main([*(argv or [str(DEFAULT_PATH)]), "--misses"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
