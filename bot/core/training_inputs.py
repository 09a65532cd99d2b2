"""What a Rasa model is trained from, and the hash that names a model by it.

``bot.tools.model`` names the cached models ``models/nlu-core-<hash>.tar.gz`` by this hash; the admin console
(api/admin) records it beside every model it trains and compares it with its project's current hash. Both need the
same answer from two virtualenvs, and the API's image has no Rasa virtualenv to ask, so the hash lives in the
kernel: it reads files and hashes bytes (standard library only). The pipeline components' source files are
among the inputs and are read as bytes, never imported, so this module depends on nothing of the Rasa side.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[2]
# The bot package, whose pipeline component files are hashed (see COMPONENT_FILES).
PACKAGE = Path(__file__).resolve().parents[1]

# Rasa training data. The catalogue YAML (data/catalogue) is not training data: what Rasa needs of it
# is generated into data/nlu/generated_items.yml and bot/generated/jieba by `python -m bot.tools.build`.
TRAINING_DATA = ["data/nlu", "data/rules.yml"]

# The custom pipeline components of config.yml and the rules they apply shape the model as much as the data.
# Rasa imports them from this package whatever project is trained (the admin console trains a copy), so they
# are hashed from here, relative to the bot package.
COMPONENT_FILES = ["rasa/nlu_normalizer.py", "core/nlu_text.py", "core/textnorm.py", "core/t2s.txt"]

RASA_VERSION = "3.6.21"


def training_inputs(root: Path = ROOT) -> List[Path]:
    root = Path(root)
    files = [root / "config.yml", root / "domain.yml", root / "data" / "rules.yml"]
    files += sorted((root / "data" / "nlu").rglob("*.yml"))
    files += sorted((root / "bot" / "generated" / "jieba").glob("*"))
    return files


def inputs_hash(root: Path = ROOT, package: Path = PACKAGE) -> str:
    """16 hex digits of SHA-256 over the training inputs of the project at ``root`` and the component files of
    the bot package at ``package``."""
    root, package = Path(root), Path(package)
    digest = hashlib.sha256()
    digest.update(f"rasa=={RASA_VERSION}\n".encode())
    for path in training_inputs(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in COMPONENT_FILES:
        digest.update(b"bot/" + name.encode() + b"\0")
        digest.update((package / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]
