"""The model registry and the Rasa replicas: which model serves, activation with the quality gate, roll-back.

Activation hot-swaps the model with Rasa's ``PUT /model`` on every configured replica (no restart). It is all
or nothing: if one replica fails, those already swapped are put back on the previous model. The active model
is recorded in ``var/active_model`` so that ``bot/tools/stack.py`` starts Rasa with it after a restart.
"""
from __future__ import annotations

import hashlib
import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.admin import fingerprint
from api.admin.models import ModelActivation, NluModel
from api.admin.settings import AdminPaths
from api.audit import service as audit
from api.config import REPO_ROOT
from api.database import begin_write
from api.errors import ApiError
from bot.core.training_inputs import inputs_hash

MIN_REASON_LENGTH = 4
_activation_lock = threading.Lock()


def now() -> datetime:
    return datetime.now(timezone.utc)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Rasa's HTTP API ----------------------------------------------------------------------------------------


class RasaReplicas:
    """The Rasa servers of ``GZ_RASA_URLS``; the token (``--auth-token``) goes in the ``token`` query parameter."""

    def __init__(self, paths: AdminPaths, timeout: float = 300.0):
        self.urls = paths.rasa_urls
        self.token = paths.rasa_token()
        self.timeout = timeout

    def _params(self) -> Dict[str, str]:
        return {"token": self.token} if self.token else {}

    def status(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for url in self.urls:
            try:
                response = httpx.get(f"{url}/status", params=self._params(), timeout=5)
                response.raise_for_status()
                out[url] = {"model_file": response.json().get("model_file"), "ok": True}
            except (httpx.HTTPError, ValueError) as exc:
                out[url] = {"ok": False, "error": _describe(exc)}
        return out

    def load(self, url: str, model_file: str) -> None:
        response = httpx.put(f"{url}/model", params=self._params(), json={"model_file": model_file}, timeout=self.timeout)
        if response.status_code >= 300:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:300]}")


def _describe(exc: Exception) -> str:
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__ + (f": {exc}" if str(exc) else "")


# --- registry -----------------------------------------------------------------------------------------------


def active(session: Session) -> Optional[NluModel]:
    return session.scalars(select(NluModel).where(NluModel.active.is_(True))).first()


def all_models(session: Session) -> List[NluModel]:
    return list(session.scalars(select(NluModel).order_by(NluModel.id.desc())))


def get(session: Session, model_id: int) -> NluModel:
    model = session.get(NluModel, model_id)
    if model is None:
        raise ApiError(404, "unknown_model", "没有该模型。")
    return model


def ensure_baseline(session: Session, paths: AdminPaths) -> Optional[NluModel]:
    """The first time the console is used, register the model the bot is running (or the hash-cached model of
    the current training inputs) as the active baseline, so later models have something to be compared with
    and to fine-tune. Its fingerprint is known only when its file name carries the current inputs' hash."""
    if session.scalars(select(NluModel.id).limit(1)).first() is not None:
        return active(session)
    current_hash = inputs_hash(paths.project)
    # Rasa's /status names the model file without its directory: look in the project's and the repository's
    # models/ (bot/tools/model.py caches models there), then fall back to the cached model of the current inputs.
    folders = [paths.models, REPO_ROOT / "models"]
    candidates: List[Path] = []
    for state in RasaReplicas(paths).status().values():
        if state.get("ok") and state.get("model_file"):
            reported = Path(state["model_file"])
            candidates += [reported] if reported.is_absolute() else [folder / reported for folder in folders]
    candidates += [folder / f"nlu-core-{current_hash}.tar.gz" for folder in folders]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return None
    known = path.name == f"nlu-core-{current_hash}.tar.gz"
    model = NluModel(
        name=path.name[: -len(".tar.gz")] if path.name.endswith(".tar.gz") else path.name,
        file_path=str(path.resolve()),
        file_sha256=sha256_file(path),
        data_hash=current_hash if known else None,
        fingerprint=fingerprint.compute(paths.project) if known else None,
        source="baseline",
        train_mode=None,
        train_profile="full",
        created_by="system",
        created_at=now(),
        evaluation_status="pending",
        active=True,
        first_activated_at=now(),
    )
    session.add(model)
    session.flush()
    return model


def view(model: NluModel, current: Optional[NluModel] = None) -> Dict[str, Any]:
    metrics = model.metrics or {}
    return {
        "id": model.id,
        "name": model.name,
        "file": Path(model.file_path).name,
        "source": model.source,
        "train_mode": model.train_mode,
        "train_profile": model.train_profile,
        "base_model_id": model.base_model_id,
        "data_hash": model.data_hash,
        "created_by": model.created_by,
        "created_at": model.created_at.isoformat() if model.created_at else None,
        "evaluation_status": model.evaluation_status,
        "macro_f1": model.macro_f1,
        "accuracy": metrics.get("accuracy"),
        "discovery": metrics.get("discovery"),
        "has_confusion_matrix": bool(model.confusion_matrix_path and Path(model.confusion_matrix_path).exists()),
        "active": model.active,
        "served_before": model.first_activated_at is not None,
        "file_exists": Path(model.file_path).is_file(),
        "delta_macro_f1": None if current is None or current.macro_f1 is None or model.macro_f1 is None
        else round(model.macro_f1 - current.macro_f1, 4),
    }


def write_active_file(paths: AdminPaths, model: NluModel) -> None:
    """``bot/tools/stack.py`` (``bot.tools.model.active_model``) starts Rasa with this model after a restart."""
    paths.active_model_file.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "model_id": model.id,
        "name": model.name,
        "model_file": model.file_path,
        "domain_sha256": (model.fingerprint or {}).get("domain") or fingerprint.domain_sha256(paths.project),
        "activated_at": now().isoformat(),
    }
    tmp = paths.active_model_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(paths.active_model_file)


def activate(session: Session, paths: AdminPaths, model: NluModel, who: Any, *, force: bool = False,
             reason: Optional[str] = None) -> ModelActivation:
    """Make ``model`` the one every replica serves, in the caller's transaction (which must not have written
    yet: nothing may hold the write lock while the replicas load the model).

    A model that has served before is a roll-back and is not gated (it passed the gate, or was forced with a
    reason, when it first served; a roll-back must work when the newer model misbehaves). Otherwise the
    candidate must have been evaluated, and its held-out macro-F1 may not be more than ``max_macro_f1_drop``
    below the active model's unless the admin forces it and says why (audit-logged).
    """
    reason = (reason or "").strip() or None
    if force and (reason is None or len(reason) < MIN_REASON_LENGTH):
        raise ApiError(422, "reason_required", "强制启用必须填写理由（至少4个字）。")
    with _activation_lock:
        current = active(session)
        if current is not None and current.id == model.id:
            raise ApiError(409, "already_active", "该模型已是当前模型。")
        if not Path(model.file_path).is_file():
            raise ApiError(409, "model_file_missing", "模型文件已不存在，无法启用。")
        kind = "rollback" if model.first_activated_at is not None else "activate"
        if kind == "activate":
            if model.evaluation_status != "evaluated" or model.macro_f1 is None:
                raise ApiError(409, "not_evaluated", "该模型尚未完成留出集评估，不能启用。")
            if current is not None and not force:
                if current.macro_f1 is None:
                    raise ApiError(409, "active_not_evaluated", "当前模型尚无评估结果，无法比较；请先评估当前模型，或填写理由强制启用。")
                limit = current.macro_f1 - paths.settings.max_macro_f1_drop
                if model.macro_f1 < limit:
                    raise ApiError(
                        409, "quality_gate",
                        f"新模型的宏平均F1为 {model.macro_f1:.3f}，比当前模型（{current.macro_f1:.3f}）低 "
                        f"{current.macro_f1 - model.macro_f1:.3f}，超过允许的 {paths.settings.max_macro_f1_drop:.2f}。"
                        "如确需启用，请填写理由强制启用。",
                    )
        # The swap takes seconds per replica: hold no database lock meanwhile (SQLite: the job thread writes).
        # The caller's transaction has only read so far, which locks nothing (SQLite WAL: a snapshot;
        # PostgreSQL: MVCC); begin_write then renews that read and takes the write lock for what follows.
        replicas = _swap_all(paths, model, current)
        begin_write(session)
        at = now()
        current = active(session)
        if current is not None:
            current.active = False
        model = session.get(NluModel, model.id)
        model.active = True
        if model.first_activated_at is None:
            model.first_activated_at = at
        record = ModelActivation(
            model_id=model.id, previous_model_id=current.id if current else None, kind=kind, forced=bool(force),
            reason=reason, macro_f1=model.macro_f1, previous_macro_f1=current.macro_f1 if current else None,
            replicas=replicas, actor=who.actor, at=at,
        )
        session.add(record)
        session.flush()
        write_active_file(paths, model)
        audit.record(session, who, f"nlu_model.{kind}", target=model.name, detail={
            "model_id": model.id, "previous": current.name if current else None, "forced": bool(force),
            "reason": reason, "macro_f1": model.macro_f1, "previous_macro_f1": current.macro_f1 if current else None,
            "replicas": replicas,
        })
        return record


def _swap_all(paths: AdminPaths, model: NluModel, current: Optional[NluModel]) -> Dict[str, str]:
    rasa = RasaReplicas(paths)
    if not rasa.urls:
        raise ApiError(409, "no_replicas", "未配置 Rasa 服务地址（GZ_RASA_URLS）。")
    done: List[str] = []
    for url in rasa.urls:
        try:
            rasa.load(url, model.file_path)
            done.append(url)
        except (httpx.HTTPError, RuntimeError) as exc:
            restored = {}
            for ok_url in done:  # all or nothing: put the swapped replicas back on the previous model
                if current is None:
                    restored[ok_url] = "not restored (no previous model)"
                    continue
                try:
                    rasa.load(ok_url, current.file_path)
                    restored[ok_url] = "restored"
                except (httpx.HTTPError, RuntimeError) as again:
                    restored[ok_url] = f"restore failed: {_describe(again)}"
            detail = {url: _describe(exc), **restored}
            raise ApiError(502, "replica_failed", f"Rasa 服务 {url} 加载模型失败，未启用新模型：{json.dumps(detail, ensure_ascii=False)}")
    return {url: "ok" for url in done}


def activations(session: Session, limit: int = 50) -> List[Dict[str, Any]]:
    rows = session.scalars(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(limit))
    return [{
        "id": r.id, "model_id": r.model_id, "previous_model_id": r.previous_model_id, "kind": r.kind,
        "forced": r.forced, "reason": r.reason, "macro_f1": r.macro_f1, "previous_macro_f1": r.previous_macro_f1,
        "replicas": r.replicas, "actor": r.actor, "at": r.at.isoformat(),
    } for r in rows]
