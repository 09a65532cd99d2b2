"""What a model was trained from, by part, to decide whether the next training may fine-tune it.

Rasa's ``--finetune`` keeps the model's architecture and vocabulary: it is valid only when nothing but intent
examples changed (same config, domain, rules, intents, lookup tables, synonyms and jieba dictionary). Rasa
itself refuses a changed domain; the rest we check here so the console can choose before starting.

The input hash (bot/core/training_inputs.py) and the artefacts the build step derives from the catalogue
(bot/core/lexicon.py) come from the kernel: they are pure functions the Rasa side uses too, and this virtualenv
(and the API's image) has no Rasa to run them in.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, Dict, Optional

from api.admin import training_data
from bot.core.catalogue import CatalogueError, load_catalogue
from bot.core.lexicon import rasa_artefacts
from bot.core.training_inputs import inputs_hash

EXAMPLES = "examples"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file(path: Path) -> str:
    return _sha(path.read_bytes()) if path.exists() else ""


def compute(project: Path) -> Dict[str, Any]:
    data = training_data.load(project / "data" / "nlu")
    intents = sorted(b.name for b in data.of_kind("intent"))
    structure = sorted((b.kind, b.name, tuple(b.examples)) for b in data.blocks if b.kind != "intent")
    examples = sorted((b.name, e) for b in data.of_kind("intent") for e in b.examples)
    jieba = sorted((project / "bot" / "generated" / "jieba").glob("*"))
    return {
        "config": _file(project / "config.yml"),
        "domain": _file(project / "domain.yml"),
        "rules": _file(project / "data" / "rules.yml"),
        "jieba": _sha(b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in jieba)),
        "intents": _sha(json.dumps(intents, ensure_ascii=False).encode()),
        "structure": _sha(json.dumps(structure, ensure_ascii=False).encode()),
        EXAMPLES: _sha(json.dumps(examples, ensure_ascii=False).encode()),
        "data_hash": inputs_hash(project),
    }


def only_examples_changed(base: Optional[Dict[str, Any]], current: Dict[str, Any]) -> bool:
    if not base:
        return False
    parts = [k for k in current if k not in (EXAMPLES, "data_hash")]
    return all(base.get(k) == current[k] for k in parts) and base.get(EXAMPLES) != current[EXAMPLES]


def domain_sha256(project: Path) -> str:
    return _file(project / "domain.yml")


def after_build(project: Path, catalogue_dir: Path) -> Dict[str, Any]:
    """The fingerprint the training job will see: it first regenerates the jieba dictionary and the item lookup
    table from the catalogue (``python -m bot.tools.build``, which writes what :mod:`bot.core.lexicon` renders), so an
    alias added since the last build changes the structure and rules out fine-tuning. Computed on a scratch copy;
    the project is not touched. A catalogue that does not load (the job would fail at that step anyway) leaves the
    fingerprint as the files are now."""
    try:
        items = load_catalogue(catalogue_dir)
    except (CatalogueError, OSError, ValueError):
        return compute(project)
    with tempfile.TemporaryDirectory(prefix="gz-fingerprint-") as scratch:
        copy = Path(scratch)
        for name in ("config.yml", "domain.yml", "data/rules.yml"):
            if (project / name).exists():
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(project / name, copy / name)
        shutil.copytree(project / "data" / "nlu", copy / "data" / "nlu")
        if (project / "bot" / "generated").is_dir():
            shutil.copytree(project / "bot" / "generated", copy / "bot" / "generated")
        # The two artefacts Rasa trains on (the spaCy patterns are the action server's).
        for relative, content in rasa_artefacts(items):
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            (copy / relative).write_text(content, encoding="utf-8")
        return compute(copy)
