"""What a model was trained from, by part, to decide whether the next training may fine-tune it.

Rasa's ``--finetune`` keeps the model's architecture and vocabulary: it is valid only when nothing but intent
examples changed (same config, domain, rules, intents, lookup tables, synonyms and jieba dictionary). Rasa
itself refuses a changed domain; the rest we check here so the console can choose before starting.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, Optional

from api.admin import training_data
from bot.model import inputs_hash

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
