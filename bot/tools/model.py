"""The trained model, cached by a hash of everything that goes into training.

``models/<hash>.tar.gz`` exists exactly when a model was trained from the current config, domain and
training data (including the files generated from the catalogue). Set-up, tests and CI call
``ensure_model()``; only a change of inputs costs a training run.

    python -m bot.tools.model                   train unless the cached model is current (``ensure``)
    python -m bot.tools.model hash [--root DIR] the input hash of a project, as JSON
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

# The hash and the list of inputs are the kernel's (the admin console computes the same hash in the API's
# virtualenv); re-exported here for the model cache's callers.
from bot.core import training_inputs as _inputs
from bot.core.training_inputs import COMPONENT_FILES, TRAINING_DATA, training_inputs  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
RASA = ROOT / ".venv" / "bin" / "rasa"
# The bot package whose pipeline component files are hashed.
_PACKAGE = _inputs.PACKAGE


def inputs_hash(root: Path = ROOT) -> str:
    """The kernel's input hash (:func:`bot.core.training_inputs.inputs_hash`) of the project at ``root``."""
    return _inputs.inputs_hash(root, _PACKAGE)


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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.model", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("ensure", help="train the model unless one for the current inputs exists (the default)")
    hashed = commands.add_parser("hash", help="print the input hash of a project as JSON")
    hashed.add_argument("--root", type=Path, default=ROOT, help="the project (default: this repository)")
    args = parser.parse_args(argv)
    if args.command == "hash":
        root = args.root.resolve()
        print(json.dumps({"root": str(root), "inputs_hash": inputs_hash(root),
                          "inputs": [str(path.relative_to(root)) for path in training_inputs(root)]},
                         ensure_ascii=False))
        return 0
    print(ensure_model())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
