"""Build step: derive every language artefact from the catalogue (one source of truth).

``python -m bot.tools.build`` reads ``data/catalogue/items/*.yaml`` through :func:`bot.core.catalogue.load_catalogue`
and writes

* ``bot/generated/jieba/userdict.txt`` - item names, aliases and the proofs they replace, so that jieba (Rasa's
  ``JiebaTokenizer`` with ``dictionary_path: bot/generated/jieba``, and the action server) keeps them whole;
* ``data/nlu/generated_items.yml`` - the Rasa NLU lookup table ``item`` (names and aliases) for the
  ``RegexFeaturizer``;
* ``bot/generated/spacy_patterns.jsonl`` - the ``EntityRuler`` patterns that :mod:`actions.extract` uses (it
  calls :func:`bot.core.lexicon.entity_patterns` itself; the file is for inspection and diffing).

What each file contains is defined in :mod:`bot.core.lexicon` (the action server and the admin console use the
same functions); this module only writes the files. ``--catalogue DIR --out DIR`` builds another catalogue into
another project (the admin console trains a copy of the project); ``--json`` prints what was written as JSON.

Nothing here is edited by hand: change the catalogue and rebuild. Output is sorted and byte-for-byte
deterministic, so content hashes of the artefacts only change when the catalogue does.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Iterable, List, Mapping, Optional, Tuple, Union

from bot.core.catalogue import CatalogueError, Item, load_catalogue
from bot.core.lexicon import (  # noqa: F401 - the artefacts' names and renderers, re-exported for callers of the build
    ITEM_LABEL, LOOKUP_PATH, PATTERNS_PATH, USER_WORD_FREQ, USER_WORD_TAG, USERDICT_PATH, _JIEBA_WORD_RUN, artefacts,
    dictionary_words, entity_patterns, item_list, item_terms, lookup_values, render_lookup, render_patterns,
    render_userdict,
)

ROOT = Path(__file__).resolve().parents[2]


def build(items: Union[Iterable[Item], Mapping[str, Item]], root: Union[Path, str] = ROOT) -> List[Tuple[Path, str]]:
    """Write all artefacts under ``root``; returns ``(path, sha256)`` for each file written."""
    root = Path(root)
    written = []
    for relative, content in artefacts(items):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        # Unchanged files are left alone, and a changed one is replaced whole: a reader hashing the artefacts
        # at the same moment (the model cache key) never sees a half-written file.
        if not path.exists() or path.read_bytes() != data:
            partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            partial.write_bytes(data)
            os.replace(partial, path)
        written.append((path, hashlib.sha256(data).hexdigest()))
    return written


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", type=Path, default=None,
                        help="directory of the catalogue's item files (default: data/catalogue/items)")
    parser.add_argument("--out", type=Path, default=ROOT,
                        help="project root the artefacts are written under (default: this repository)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines of text")
    args = parser.parse_args(argv)
    try:
        items = load_catalogue(args.catalogue)
    except (CatalogueError, OSError) as exc:
        if args.json:
            print(json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False))
        else:
            print(f"catalogue not loaded: {exc}", file=sys.stderr)
        return 1
    written = build(items, args.out)
    if args.json:
        print(json.dumps({"ok": True, "items": len(items), "written": [
            {"path": str(path.relative_to(args.out)), "sha256": digest} for path, digest in written]}))
        return 0
    for path, digest in written:
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        print(f"wrote {shown}  sha256={digest[:16]}")
    print(f"from {len(items)} catalogue items")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
