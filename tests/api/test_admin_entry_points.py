"""The admin console drives the real Rasa-side entry points and reads their JSON (no fakes here).

The API's virtualenv never imports the Rasa side: it runs ``python -m bot.tools.build``, ``python -m
bot.tools.discovery_eval`` and ``python -m bot.tools.parse`` in the Rasa virtualenv with the command lines
api/admin/jobs.py and api/admin/trial.py build, and parses what they print. tests/api/test_admin_api.py checks
the console's decisions against fakes of these commands; this module checks that the fakes' contract is the real
one. Skipped where the Rasa virtualenv (or, for the trial, a trained model) is not present.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from api.admin import jobs, trial
from api.admin.settings import AdminPaths, AdminSettings
from api.config import REPO_ROOT
from api.errors import ApiError
from bot.core.catalogue import load_catalogue
from bot.core.lexicon import artefacts
from bot.core.training_inputs import inputs_hash

RASA_VENV = REPO_ROOT / ".venv"
pytestmark = pytest.mark.skipif(not (RASA_VENV / "bin" / "python").is_file(), reason="no Rasa virtualenv")


@pytest.fixture
def paths(settings, tmp_path) -> AdminPaths:
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    return AdminPaths(AdminSettings(project_dir=project, rasa_venv=RASA_VENV, trial_timeout_seconds=600), settings)


def run(command):
    """As the job runner runs a step: from the repository, stderr in the same stream as stdout."""
    result = subprocess.run(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=trial.subprocess_env(), timeout=600)
    reports = [r for r in (jobs.json_report(line) for line in result.stdout.splitlines()) if r is not None]
    return result.returncode, reports


def test_the_build_step_writes_the_console_s_catalogue_into_its_project(paths):
    code, reports = run(jobs.build_command(paths))
    items = load_catalogue(paths.catalogue)
    assert code == 0 and len(reports) == 1 and reports[0]["ok"] is True and reports[0]["items"] == len(items)
    for relative, content in artefacts(items):
        assert (paths.project / relative).read_text(encoding="utf-8") == content
    assert {entry["path"] for entry in reports[0]["written"]} == {str(relative) for relative, _ in artefacts(items)}


def test_the_build_step_reports_a_catalogue_that_does_not_load(paths):
    for path in paths.catalogue.glob("*.yaml"):
        path.write_text("code: broken\n", encoding="utf-8")
    code, reports = run(jobs.build_command(paths))
    assert code == 1 and len(reports) == 1 and reports[0]["ok"] is False
    assert not (paths.project / "data" / "nlu").exists()


def test_the_discovery_measure_gives_the_figures_the_registry_stores(paths):
    paths.settings.held_out_discovery = REPO_ROOT / "tests" / "data" / "discovery_test.yml"
    # The repository's catalogue: the held-out queries are written against it.
    paths.catalogue = REPO_ROOT / "data" / "catalogue" / "items"
    code, reports = run(jobs.discovery_command(paths))
    figures = jobs.discovery_figures(reports[-1] if reports else None)
    assert code == 0 and figures is not None, reports
    assert set(figures) == {"top1", "top3", "n"} and figures["n"] >= 60 and 0.9 <= figures["top3"] <= 1.0
    assert "misses" not in reports[-1]  # the queries themselves stay out of the job's log


def test_the_discovery_measure_fails_without_its_query_file(paths, tmp_path):
    paths.settings.held_out_discovery = tmp_path / "missing.yml"
    code, reports = run(jobs.discovery_command(paths))
    assert code == 1 and jobs.discovery_figures(reports[-1] if reports else None) is None


def _trained_model() -> Path | None:
    cached = REPO_ROOT / "models" / f"nlu-core-{inputs_hash(REPO_ROOT)}.tar.gz"
    if cached.is_file():
        return cached
    models = sorted((REPO_ROOT / "models").glob("nlu-core-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def test_a_candidate_model_reads_sentences_in_a_throw_away_process(paths):
    model = _trained_model()
    if model is None:
        pytest.skip("no trained model (make model)")
    shutil.copy(REPO_ROOT / "config.yml", paths.project / "config.yml")
    result = trial.parse(paths, str(model), ["你好", "  ", "我想办理公租房申请"])
    assert result["via"] == "copy"
    readings = result["readings"]
    assert [r["text"] for r in readings] == ["你好", "我想办理公租房申请"]
    assert readings[0]["intent"] == "greet"
    for reading in readings:
        assert isinstance(reading["intent"], str) and 0.0 <= reading["confidence"] <= 1.0 and reading["ranking"]


def test_the_trial_refuses_output_it_cannot_read(paths, tmp_path):
    with pytest.raises(ApiError) as refused:
        trial.parse(paths, str(tmp_path / "no-such-model.tar.gz"), ["你好"])
    assert refused.value.status_code == 503
    with pytest.raises(ValueError):
        trial.read_parses('{"text": "你好"}\nLoading model ...\n')
    assert trial.read_parses('{"text": "你好"}\n\n{"text": "在吗"}\n') == [{"text": "你好"}, {"text": "在吗"}]
    assert trial.parse_command(paths, "m.tar.gz") == [str(RASA_VENV / "bin" / "python"), "-m", "bot.tools.parse", "m.tar.gz"]


def test_both_virtualenvs_give_a_project_the_same_input_hash(paths):
    """The registry compares the hash it computes here with the one the Rasa side names its models by."""
    code, _ = run(jobs.build_command(paths))
    assert code == 0
    for name in ("config.yml", "domain.yml", "data/rules.yml"):
        shutil.copy(REPO_ROOT / name, paths.project / name)
    shutil.copytree(REPO_ROOT / "data" / "nlu", paths.project / "data" / "nlu", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("generated_items.yml"))
    command = [str(paths.rasa_python), "-m", "bot.tools.model", "hash", "--root", str(paths.project)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, env=trial.subprocess_env(),
                            timeout=120, check=True)
    report = json.loads(result.stdout)
    assert report["inputs_hash"] == inputs_hash(paths.project)
    assert "data/nlu/generated_items.yml" in report["inputs"] and "bot/generated/jieba/userdict.txt" in report["inputs"]
    (paths.project / "data" / "nlu" / "generated_items.yml").write_text("changed\n", encoding="utf-8")
    assert inputs_hash(paths.project) != report["inputs_hash"]
