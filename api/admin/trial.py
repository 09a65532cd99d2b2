"""试一试: a few sentences read by a candidate model before it is switched on, so the admin sees what changes.

Two ways, as configured: a staging Rasa (``GZ_STAGING_RASA_URL``, never one that serves citizens) is loaded
with the candidate and asked through ``/model/parse``; without one, the candidate is loaded once in a
throw-away process of the Rasa virtualenv (``python -m bot.tools.parse MODEL``: JSON lines in, one JSON reading
per sentence out), which takes a while but touches nothing that serves. Either way the serving replicas never
see the candidate before activation.
"""
from __future__ import annotations

import json
import os
import subprocess
from typing import Any, Dict, List

import httpx

from api.admin.settings import AdminPaths
from api.config import REPO_ROOT
from api.errors import ApiError

MAX_SENTENCES = 5
MAX_LENGTH = 200


def parse_command(paths: AdminPaths, model_file: str) -> List[str]:
    return [str(paths.rasa_python), "-m", "bot.tools.parse", str(model_file)]


def subprocess_env() -> Dict[str, str]:
    """The Rasa virtualenv runs the repository's ``bot`` package from the project directory it reads."""
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, PYTHONPATH=path, TF_CPP_MIN_LOG_LEVEL="3")


def read_parses(stdout: str) -> List[Dict[str, Any]]:
    """One JSON object per line of ``bot.tools.parse``'s output; a line that is not one means the output is unusable."""
    parses = []
    for line in stdout.splitlines():
        if line.strip():
            value = json.loads(line)
            if not isinstance(value, dict):
                raise ValueError("a reading is not a JSON object")
            parses.append(value)
    return parses


def _reading(text: str, parse: Dict[str, Any]) -> Dict[str, Any]:
    intent = parse.get("intent") or {}
    ranking = [{"intent": r.get("name"), "confidence": round(float(r.get("confidence") or 0), 3)}
               for r in (parse.get("intent_ranking") or [])][:3]
    return {"text": text, "intent": intent.get("name"), "confidence": round(float(intent.get("confidence") or 0), 3),
            "ranking": ranking}


def clean(texts: List[str]) -> List[str]:
    kept = [t.strip()[:MAX_LENGTH] for t in texts if t and t.strip()][:MAX_SENTENCES]
    if not kept:
        raise ApiError(422, "no_sentences", "请输入至少一句要试的话（每行一句，最多5句）。")
    return kept


def parse(paths: AdminPaths, model_file: str, texts: List[str]) -> Dict[str, Any]:
    texts = clean(texts)
    staging = (paths.settings.staging_rasa_url or "").rstrip("/")
    if staging:
        params = {"token": paths.rasa_token()} if paths.rasa_token() else {}
        try:
            loaded = httpx.put(f"{staging}/model", params=params, json={"model_file": model_file}, timeout=300)
            if loaded.status_code >= 300:
                raise ApiError(502, "staging_failed", f"试用环境无法加载该模型（HTTP {loaded.status_code}）。")
            readings = []
            for text in texts:
                response = httpx.post(f"{staging}/model/parse", params=params, json={"text": text}, timeout=60)
                response.raise_for_status()
                readings.append(_reading(text, response.json()))
        except httpx.HTTPError as exc:
            raise ApiError(502, "staging_failed", f"无法连接试用环境：{type(exc).__name__}") from exc
        return {"via": "staging", "readings": readings}
    lines = "".join(json.dumps(text, ensure_ascii=False) + "\n" for text in texts)
    try:
        result = subprocess.run(parse_command(paths, model_file), input=lines, capture_output=True, text=True,
                                cwd=paths.project, env=subprocess_env(), timeout=paths.settings.trial_timeout_seconds)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ApiError(503, "trial_unavailable", f"暂时无法加载候选模型试用（{type(exc).__name__}），请稍后再试。") from exc
    try:
        parses = read_parses(result.stdout) if result.returncode == 0 else []
    except ValueError:
        parses = []
    if len(parses) != len(texts):
        raise ApiError(503, "trial_failed", "候选模型未能读取这些句子，请稍后再试或联系开发人员。")
    return {"via": "copy", "readings": [_reading(t, p) for t, p in zip(texts, parses)]}
