"""Training data and dialogue checks with Rasa's own tools (data validate, story tests), and the
held-out NLU figures that gate every change (P1)."""
from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.tools.model import ROOT, TRAINING_DATA, ensure_model

RASA = str(ROOT / ".venv" / "bin" / "rasa")
MIN_EXAMPLES = 25
MACRO_F1_FLOOR = 0.93


def rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_data_validates_without_warnings():
    result = rasa("data", "validate", "--fail-on-warnings", "--domain", "domain.yml", "--config", "config.yml",
                  "--data", *TRAINING_DATA)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_every_intent_has_enough_varied_examples():  # P1
    train = load_data(str(ROOT / "data" / "nlu"))
    counts = Counter(m.get("intent") for m in train.intent_examples)
    thin = {i: n for i, n in counts.items() if n < MIN_EXAMPLES}
    assert not thin, thin


def test_held_out_split_is_never_trained_on():  # P1
    train = {m.get("text").strip() for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    test = load_data(str(ROOT / "tests" / "data" / "nlu_test.yml"))
    assert len(test.intent_examples) >= 150
    overlap = [m.get("text") for m in test.intent_examples if m.get("text").strip() in train]
    assert not overlap, overlap


@pytest.mark.slow
def test_stories_predict_without_errors(tmp_path):
    model = ensure_model()
    result = rasa("test", "core", "--model", str(model), "--stories", "tests/bot/stories",
                  "--fail-on-prediction-errors", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.mark.slow
def test_held_out_intent_macro_f1(tmp_path):  # P1: gate 0.93
    model = ensure_model()
    result = rasa("test", "nlu", "--model", str(model), "--nlu", "tests/data/nlu_test.yml", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads((tmp_path / "intent_report.json").read_text())
    macro_f1 = report["macro avg"]["f1-score"]
    weak = {k: round(v["f1-score"], 2) for k, v in report.items() if isinstance(v, dict) and "f1-score" in v
            and k not in ("macro avg", "weighted avg", "micro avg") and v["f1-score"] < 0.8}
    print(f"held-out intent macro-F1 = {macro_f1:.3f}, accuracy = {report.get('accuracy')}, weak = {weak}")
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "nlu_figures.json").write_text(json.dumps({"intent_macro_f1": macro_f1, "weak": weak}))
    assert macro_f1 >= MACRO_F1_FLOOR, weak
