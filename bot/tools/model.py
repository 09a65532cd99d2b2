"""The trained model, cached by a hash of everything that goes into training.

``models/<hash>.tar.gz`` exists exactly when a model was trained from the current config, domain and
training data (including the files generated from the catalogue). Set-up, tests and CI call
``ensure_model()``; only a change of inputs costs a training run.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
RASA = ROOT / ".venv" / "bin" / "rasa"


# Rasa training data. The catalogue YAML (data/catalogue) is not training data: what Rasa needs of it
# is generated into data/nlu/generated_items.yml and bot/generated/jieba by `python -m bot.tools.build`.
TRAINING_DATA = ["data/nlu", "data/rules.yml"]


def training_inputs(root: Path = ROOT) -> List[Path]:
    files = [root / "config.yml", root / "domain.yml", root / "data" / "rules.yml"]
    files += sorted((root / "data" / "nlu").rglob("*.yml"))
    files += sorted((root / "bot" / "generated" / "jieba").glob("*"))
    return files


# The custom pipeline components of config.yml and the rules they apply shape the model as much as the data.
# Rasa imports them from this package whatever project is trained (the admin console trains a copy), so they
# are hashed from here.
_PACKAGE = Path(__file__).resolve().parents[1]
COMPONENT_FILES = ["rasa/nlu_normalizer.py", "core/nlu_text.py", "core/textnorm.py", "core/t2s.txt"]


def inputs_hash(root: Path = ROOT) -> str:
    """Also computed by the admin console (api/admin) for the project it trains, hence ``root``."""
    digest = hashlib.sha256()
    digest.update(b"rasa==3.6.21\n")
    for path in training_inputs(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in COMPONENT_FILES:
        digest.update(b"bot/" + name.encode() + b"\0")
        digest.update((_PACKAGE / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return MODELS / f"nlu-core-{inputs_hash()}.tar.gz"


def active_model(var_dir: Path, verbose: bool = True) -> Optional[Path]:
    """The model an admin activated in the console (``var/active_model``, written by ``api/admin``), so that it
    survives a restart; None without one (a fresh clone), when its file is gone, or when the domain changed
    since (a model trained on another domain would not know the current actions and slots)."""
    record = var_dir / "active_model"
    try:
        active = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = Path(active.get("model_file", ""))
    domain = hashlib.sha256((ROOT / "domain.yml").read_bytes()).hexdigest()
    if not path.is_file() or active.get("domain_sha256") != domain:
        if verbose:
            print(f"ignoring {record} (model file missing or trained on another domain.yml)", flush=True)
        return None
    if verbose:
        print(f"model activated in the admin console: {path.name} (delete {record} to use the cached model)")
    return path


def ensure_model(verbose: bool = True) -> Path:
    path = model_path()
    if path.exists():
        if verbose:
            print(f"model up to date: {path.relative_to(ROOT)}")
        return path
    MODELS.mkdir(exist_ok=True)
    # Several test runs (or `make up` beside `make test`) may want the same model: train it once.
    with open(MODELS / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        return _train(path, verbose)


def _train(path: Path, verbose: bool) -> Path:
    if verbose:
        print(f"training model {path.name} (inputs changed) ...", flush=True)
    started = time.monotonic()
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")
    subprocess.run(
        [str(RASA), "train", "--config", "config.yml", "--domain", "domain.yml", "--data", *TRAINING_DATA,
         "--out", str(MODELS), "--fixed-model-name", path.name[: -len(".tar.gz")]],
        cwd=ROOT, env=env, check=True,
    )
    if verbose:
        print(f"trained in {time.monotonic() - started:.0f} s", flush=True)
    return path


if __name__ == "__main__":
    print(ensure_model())
    sys.exit(0)
