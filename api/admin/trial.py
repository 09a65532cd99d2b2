"""试一试: a few sentences read by a candidate model before it is switched on, so the admin sees what changes.

Two ways, as configured: a staging Rasa (``GZ_STAGING_RASA_URL``, never one that serves citizens) is loaded
with the candidate and asked through ``/model/parse``; without one, the candidate is loaded once in a
throw-away Rasa process of the Rasa virtualenv (the same way the evaluation reads it), which takes a while
but touches nothing that serves. Either way the serving replicas never see the candidate before activation.
"""
from __future__ import annotations

import json
import subprocess
from typing import Any, Dict, List

import httpx

from api.admin.settings import AdminPaths
from api.config import REPO_ROOT
from api.errors import ApiError

MAX_SENTENCES = 5
MAX_LENGTH = 200
MARK = "GZ_PARSE "
PARSE_SCRIPT = (
    "import asyncio, json, logging, sys\n"
    "logging.disable(logging.WARNING)\n"
    "sys.path.insert(0, sys.argv[2])\n"
    "from rasa.core.agent import Agent\n"
    "agent = Agent.load(sys.argv[1])\n"
    "for text in json.load(sys.stdin):\n"
    "    result = asyncio.run(agent.parse_message(text))\n"
    f"    print({MARK!r} + json.dumps(result, ensure_ascii=False, default=str), flush=True)\n"
)


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
    try:
        result = subprocess.run([str(paths.rasa_python), "-c", PARSE_SCRIPT, model_file, str(REPO_ROOT)],
                                input=json.dumps(texts, ensure_ascii=False), capture_output=True, text=True,
                                cwd=paths.project, timeout=paths.settings.trial_timeout_seconds)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ApiError(503, "trial_unavailable", f"暂时无法加载候选模型试用（{type(exc).__name__}），请稍后再试。") from exc
    parses = [json.loads(line[len(MARK):]) for line in result.stdout.splitlines() if line.startswith(MARK)]
    if result.returncode != 0 or len(parses) != len(texts):
        raise ApiError(503, "trial_failed", "候选模型未能读取这些句子，请稍后再试或联系开发人员。")
    return {"via": "copy", "readings": [_reading(t, p) for t, p in zip(texts, parses)]}
