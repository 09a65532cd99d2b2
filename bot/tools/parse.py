"""Read sentences with a trained model, without a Rasa server: ``python -m bot.tools.parse MODEL``.

Each line of stdin is one JSON string (the sentence); each line of stdout is the model's reading of it as one
JSON object (Rasa's parse result: ``text``, ``intent``, ``intent_ranking``, ``entities``), in the same order.
Anything else the model prints while loading goes to stderr, so stdout is only the answers. The admin console
(api/admin/trial.py) runs it in the Rasa virtualenv to let an admin try a candidate model before it serves
anyone; it loads the model once per call, which takes a while, and touches nothing that serves.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, TextIO


def sentences(lines: Iterable[str]) -> Iterator[str]:
    """The sentences of JSON lines (blank lines skipped); ``ValueError`` for a line that is not a JSON string."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        value = json.loads(line)
        if not isinstance(value, str):
            raise ValueError(f"line {number}: expected a JSON string, got {type(value).__name__}")
        yield value


def read_all(model: Path, texts: List[str]) -> List[Dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def parse_all() -> List[Dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(parse_all())


def main(argv: Optional[List[str]] = None, stdin: TextIO = sys.stdin, stdout: Optional[TextIO] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.parse", description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a trained model (.tar.gz)")
    args = parser.parse_args(argv)
    out = stdout or sys.stdout
    try:
        texts = list(sentences(stdin))
    except ValueError as exc:
        print(f"input not read: {exc}", file=sys.stderr)
        return 2
    if not args.model.is_file():
        print(f"no model at {args.model}", file=sys.stderr)
        return 1
    logging.disable(logging.WARNING)
    # Rasa and TensorFlow print while loading; only the answers may reach stdout.
    previous, sys.stdout = sys.stdout, sys.stderr
    try:
        results = read_all(args.model, texts)
    finally:
        sys.stdout = previous
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
