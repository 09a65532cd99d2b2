"""Admin console endpoints (role ``admin`` only; every change and every read of citizens' messages is audited)."""
from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.admin import catalogue_editor, confusion, fingerprint, inbox, jobs, labels, registry, training_data, trial
from api.admin.models import InboxResolution, NluModel, TrainingJob
from api.admin.schemas import Activate, BlockCreate, ExampleAdd, ExamplesEdit, InboxAssign, ItemEdit, ItemPublish, JobStart, TrySentences
from api.admin.schemas import (
    ActivationPlan, Activated, AdminLabels, CatalogueDiff, CatalogueItemDocument, CatalogueItemRow, CataloguePreview,
    CataloguePublished, ExampleAdded, InboxAssigned, InboxDismissed, InboxPage, JobLog, JobsPage, JobView, ModelDetail,
    ModelsPage, NluBlock, NluCreated, NluDeleted, NluOverview, NluSaved, NluValidation, TrialResult,
)
from api.admin.settings import AdminPaths, AdminSettings
from api.audit import service as audit
from api.auth.dependencies import require_roles
from api.auth.service import Principal
from api.database import begin_write
from api.dependencies import SessionDep
from api.errors import ApiError

router = APIRouter(prefix="/admin", tags=["admin"])
admin_only = require_roles("admin")


# --- per-application state ------------------------------------------------------------------------------


def get_paths(request: Request) -> AdminPaths:
    state = request.app.state
    if getattr(state, "admin_paths", None) is None:
        settings = getattr(state, "admin_settings", None) or AdminSettings()
        state.admin_paths = AdminPaths(settings, state.settings)
    return state.admin_paths


def get_runner(request: Request, paths: AdminPaths = Depends(get_paths)) -> jobs.JobRunner:
    state = request.app.state
    if getattr(state, "admin_jobs", None) is None:
        state.admin_jobs = jobs.JobRunner(state.sessionmaker, paths)
    return state.admin_jobs


def _tracker_engine(request: Request, paths: AdminPaths):
    state = request.app.state
    if getattr(state, "admin_tracker_engine", None) is None:
        state.admin_tracker_engine = inbox.make_tracker_engine(paths.tracker_db_url)
    return state.admin_tracker_engine


def _held_out(paths: AdminPaths) -> Dict[str, str]:
    return training_data.held_out_examples(paths.settings.held_out_nlu)


# --- words for the screen ----------------------------------------------------------------------------------


@router.get("/labels", response_model=AdminLabels)
def admin_labels(_: Principal = Depends(admin_only), paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """Chinese names and one-line descriptions of the intents, inbox reasons and catalogue fields."""
    return labels.everything(b.name for b in training_data.load(paths.nlu_dir).of_kind("intent"))


# --- catalogue ---------------------------------------------------------------------------------------------


@router.get("/catalogue/items", response_model=List[CatalogueItemRow])
def catalogue_items(session: SessionDep, _: Principal = Depends(admin_only),
                    paths: AdminPaths = Depends(get_paths)) -> List[Dict[str, Any]]:
    return catalogue_editor.list_items(session, paths.catalogue)


@router.get("/catalogue/items/{code}", response_model=CatalogueItemDocument)
def catalogue_item(session: SessionDep, code: str, _: Principal = Depends(admin_only),
                   paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    return catalogue_editor.read_item(session, paths.catalogue, code)


@router.post("/catalogue/items/{code}/preview", response_model=CataloguePreview)
def catalogue_preview(code: str, body: ItemEdit, _: Principal = Depends(admin_only),
                      paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """The item card and every notification section exactly as the bot would send them (R6)."""
    return catalogue_editor.preview(paths.catalogue, code, body.content)


@router.post("/catalogue/items/{code}/publish", response_model=CataloguePublished)
def catalogue_publish(session: SessionDep, code: str, body: ItemPublish, principal: Principal = Depends(admin_only),
                      paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """Write the YAML file and store a new version (R1); older commitments keep the version they cite (P2)."""
    begin_write(session)
    result = catalogue_editor.publish(session, paths.catalogue, code, body.content, body.base_hash)
    out: Dict[str, Any] = {"code": code, "version": result.version, "notice_version": result.notice_version,
                           "previous_version": result.previous_version, "unchanged": result.unchanged}
    if not result.unchanged and result.previous_version is not None:
        out["diff"] = catalogue_editor.diff(session, code, result.previous_version, result.version)
    audit.record(session, principal, "catalogue.publish", target=code, detail={
        "version": result.version, "previous_version": result.previous_version, "notice_version": result.notice_version,
        "unchanged": result.unchanged})
    return out


@router.get("/catalogue/items/{code}/diff", response_model=CatalogueDiff)
def catalogue_diff(session: SessionDep, code: str, from_version: int = Query(..., alias="from", ge=1),
                   to_version: int = Query(..., alias="to", ge=1), _: Principal = Depends(admin_only)) -> Dict[str, Any]:
    return catalogue_editor.diff(session, code, from_version, to_version)


# --- inbox -------------------------------------------------------------------------------------------------


@router.get("/inbox", response_model=InboxPage)
def inbox_list(session: SessionDep, request: Request, principal: Principal = Depends(admin_only),
               paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    resolved = set(session.scalars(select(InboxResolution.text_hash)))
    try:
        entries = inbox.scan(_tracker_engine(request, paths), limit=paths.settings.inbox_scan_events,
                             threshold=paths.settings.inbox_confidence_threshold, resolved=resolved)
    except Exception as exc:
        raise ApiError(503, "tracker_unavailable", f"无法读取对话记录库：{type(exc).__name__}") from exc
    intents = [b.name for b in training_data.load(paths.nlu_dir).of_kind("intent")]
    items = [{"code": i["code"], "name": i["name"]} for i in catalogue_editor.list_items(session, paths.catalogue)]
    # Citizens' messages, masked, are still what citizens wrote: reading them is audited (P5). Last, so that the
    # write lock is held only from here to the request's commit.
    begin_write(session)
    audit.record(session, principal, "nlu_inbox.read", detail={"entries": len(entries)})
    return {"entries": entries, "intents": intents, "items": items,
            "threshold": paths.settings.inbox_confidence_threshold}


def _resolve(session: Session, key: str, resolution: str, target: Optional[str], added: Optional[str], who: Principal) -> None:
    if session.scalars(select(InboxResolution).where(InboxResolution.text_hash == key)).first() is None:
        session.add(InboxResolution(text_hash=key, resolution=resolution, target=target, added_text=added,
                                    resolved_by=who.actor, resolved_at=registry.now()))


@router.post("/inbox/{key}/assign", response_model=InboxAssigned)
def inbox_assign(session: SessionDep, key: str, body: InboxAssign, principal: Principal = Depends(admin_only),
                 paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """One click: the message becomes an example of an intent (data/nlu) or an alias of an item (catalogue)."""
    begin_write(session)
    if bool(body.intent) == bool(body.item_code):
        raise ApiError(422, "choose_one", "请选择一个意图或一个事项。")
    text = training_data.clean_example(body.text)
    if inbox.contains_personal_number(text):
        raise ApiError(422, "personal_data", "文本中含有身份证号、统一社会信用代码或手机号，不能写入训练数据（P5）。")
    registry.ensure_baseline(session, paths)  # before the data changes: the running model stays fine-tunable
    if body.intent:
        result = training_data.add_example(paths.nlu_dir, body.intent, text, _held_out(paths), move=body.move)
        _resolve(session, key, "intent", body.intent, text, principal)
        audit.record(session, principal, "nlu_inbox.assign_intent", target=body.intent,
                     detail={"text": text, "file": result["file"], "moved_from": result["moved_from"]})
    else:
        published = catalogue_editor.add_alias(session, paths.catalogue, body.item_code, text)
        result = {"item_code": body.item_code, "alias": text, "version": published.version}
        _resolve(session, key, "alias", body.item_code, text, principal)
        audit.record(session, principal, "nlu_inbox.assign_alias", target=body.item_code,
                     detail={"alias": text, "version": published.version})
    return result


@router.post("/inbox/{key}/dismiss", response_model=InboxDismissed)
def inbox_dismiss(session: SessionDep, key: str, principal: Principal = Depends(admin_only)) -> Dict[str, Any]:
    begin_write(session)
    _resolve(session, key, "dismissed", None, None, principal)
    audit.record(session, principal, "nlu_inbox.dismiss", detail={"key": key[:16]})
    return {"key": key, "resolution": "dismissed"}


# --- training data -----------------------------------------------------------------------------------------


def _kind(kind: str) -> str:
    if kind not in training_data.KINDS:
        raise ApiError(404, "unknown_kind", "类型只能是 intent、synonym 或 lookup。")
    return kind


@router.get("/nlu", response_model=NluOverview)
def nlu_overview(_: Principal = Depends(admin_only), paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    return training_data.overview(paths.nlu_dir, _held_out(paths))


@router.get("/nlu/{kind}/{name}", response_model=NluBlock)
def nlu_block(kind: str, name: str, _: Principal = Depends(admin_only),
              paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    block = training_data.load(paths.nlu_dir).find(_kind(kind), name)
    if block is None:
        raise ApiError(404, f"unknown_{kind}", f"没有 {name}。")
    warnings = [w for w in training_data.warnings(training_data.load(paths.nlu_dir), _held_out(paths))
                if w.get(kind) == name or (kind == "intent" and name in (w.get("intents") or []))]
    base_hash = "" if block.generated else training_data.file_hash_of(paths.nlu_dir, kind, name)
    return {"kind": kind, "name": name, "file": block.file, "generated": block.generated,
            "examples": block.examples, "base_hash": base_hash, "warnings": warnings}


@router.put("/nlu/{kind}/{name}", response_model=NluSaved)
def nlu_save(session: SessionDep, kind: str, name: str, body: ExamplesEdit, principal: Principal = Depends(admin_only),
             paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    begin_write(session)
    registry.ensure_baseline(session, paths)
    result = training_data.set_examples(paths.nlu_dir, _kind(kind), name, body.examples, body.base_hash, _held_out(paths))
    audit.record(session, principal, f"nlu_data.edit_{kind}", target=name, detail={"examples": len(result["examples"])})
    return result


@router.post("/nlu/intent/{name}/examples", response_model=ExampleAdded)
def nlu_add_example(session: SessionDep, name: str, body: ExampleAdd, principal: Principal = Depends(admin_only),
                    paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    begin_write(session)
    if inbox.contains_personal_number(body.text):
        raise ApiError(422, "personal_data", "文本中含有身份证号、统一社会信用代码或手机号，不能写入训练数据（P5）。")
    registry.ensure_baseline(session, paths)
    result = training_data.add_example(paths.nlu_dir, name, body.text, _held_out(paths), move=body.move)
    audit.record(session, principal, "nlu_data.add_example", target=name, detail={"text": result["text"], "moved_from": result["moved_from"]})
    return result


# Declared before POST /nlu/{kind}: routes match in declaration order, and "validate" would otherwise be
# read as a kind of training data (422, name and examples missing).
@router.post("/nlu/validate", response_model=NluValidation)
def nlu_validate(session: SessionDep, principal: Principal = Depends(admin_only),
                 paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """``rasa data validate`` on the project as it is now (the training job runs it again before training).

    Nothing is written before the validator ends: the request's read holds no lock while it runs."""
    try:
        result = subprocess.run(
            [str(paths.rasa), "data", "validate", "--domain", "domain.yml", "--config", "config.yml",
             "--data", "data/nlu", "data/rules.yml"],
            cwd=paths.project, capture_output=True, text=True, timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ApiError(503, "validator_unavailable", f"无法运行 rasa data validate：{type(exc).__name__}") from exc
    begin_write(session)
    output = jobs.ANSI.sub("", result.stdout + result.stderr)
    lines = [line for line in output.splitlines() if line.strip()]
    problems = [line for line in lines if any(w in line for w in ("UserWarning", "WARNING", "Warning", "ERROR", "Error"))]
    audit.record(session, principal, "nlu_data.validate", detail={"ok": result.returncode == 0, "problems": len(problems)})
    ok = result.returncode == 0
    if ok:
        summary = "校验通过：训练数据可以用于训练。" + (f"另有 {len(problems)} 条提示，不影响训练。" if problems else "")
    else:
        summary = f"校验未通过：发现 {max(len(problems), 1)} 个问题，训练前需要修正。请把“详情”中的内容交给开发人员。"
    return {"ok": ok, "summary": summary, "problem_count": len(problems), "problems": problems[-50:],
            "output": "\n".join(lines[-200:])}


@router.post("/nlu/{kind}", response_model=NluCreated)
def nlu_create(session: SessionDep, kind: str, body: BlockCreate, principal: Principal = Depends(admin_only),
               paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    begin_write(session)
    registry.ensure_baseline(session, paths)
    result = training_data.create_block(paths.nlu_dir, _kind(kind), body.name, body.examples)
    audit.record(session, principal, f"nlu_data.create_{kind}", target=body.name, detail={"file": result["file"]})
    return result


@router.delete("/nlu/{kind}/{name}", response_model=NluDeleted)
def nlu_delete(session: SessionDep, kind: str, name: str, principal: Principal = Depends(admin_only),
               paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    begin_write(session)
    registry.ensure_baseline(session, paths)
    training_data.delete_block(paths.nlu_dir, _kind(kind), name)
    audit.record(session, principal, f"nlu_data.delete_{kind}", target=name)
    return {"kind": kind, "name": name, "deleted": True}


# --- models, jobs, activation ------------------------------------------------------------------------------


@router.get("/models", response_model=ModelsPage)
def models_list(session: SessionDep, _: Principal = Depends(admin_only),
                paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    if not registry.all_models(session):
        begin_write(session)
        registry.ensure_baseline(session, paths)
    current = registry.active(session)
    candidate = fingerprint.compute(paths.project)
    # What the job will do once it has rebuilt the dictionaries from the catalogue (its first step).
    planned = fingerprint.after_build(paths.project, paths.catalogue)
    base_fp = current.fingerprint if current is not None else None
    running = session.scalars(select(TrainingJob).where(TrainingJob.status.in_(jobs.ACTIVE_STATUSES))).first()
    return {
        "models": [registry.view(m, current) for m in registry.all_models(session)],
        "active_id": current.id if current else None,
        "replicas": registry.RasaReplicas(paths).status(),
        "activations": registry.activations(session),
        "max_macro_f1_drop": paths.settings.max_macro_f1_drop,
        "train_profile": paths.settings.train_profile,
        "next_training": "finetune" if current is not None and fingerprint.only_examples_changed(base_fp, planned) else "full",
        "next_training_reason": _training_reason(current, base_fp, planned),
        "job_running": running is not None,
        "data_hash": candidate["data_hash"],
    }


def _training_reason(current: Optional[NluModel], base: Optional[Dict[str, Any]], planned: Dict[str, Any]) -> str:
    if current is None or not base:
        return "还没有可在其上微调的当前模型。"
    if fingerprint.only_examples_changed(base, planned):
        return "自当前模型以来只增删了例句。"
    changed = [k for k in ("config", "domain", "rules", "intents", "structure", "jieba") if base.get(k) != planned.get(k)]
    if not changed and base.get(fingerprint.EXAMPLES) == planned.get(fingerprint.EXAMPLES):
        return "训练数据与当前模型相同。"
    words = {"config": "训练配置", "domain": "对话领域", "rules": "对话规则", "intents": "意图列表",
             "structure": "同义词、查找表或事项别名", "jieba": "分词词典（事项名称和别名）"}
    return "、".join(words[k] for k in changed) + "有变化，需要完整训练。"


@router.get("/models/{model_id}", response_model=ModelDetail)
def model_detail(session: SessionDep, model_id: int, _: Principal = Depends(admin_only)) -> Dict[str, Any]:
    model = registry.get(session, model_id)
    metrics = dict(model.metrics or {})
    if metrics and "confusion" not in metrics and model.confusion_matrix_path:
        # Evaluated before the matrix was kept as data: rebuilt from the stored report.
        metrics["confusion"] = confusion.from_directory(Path(model.confusion_matrix_path).parent)
    return {**registry.view(model, registry.active(session)), "metrics": metrics}


@router.get("/models/{model_id}/activation-plan", response_model=ActivationPlan)
def model_activation_plan(session: SessionDep, model_id: int, _: Principal = Depends(admin_only),
                          paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """What switching to this model will change, and on which Rasa replicas, for the admin to confirm."""
    model = registry.get(session, model_id)
    current = registry.active(session)
    by_file = {Path(m.file_path).name: m.name for m in registry.all_models(session)}
    replicas = []
    for url, status in registry.RasaReplicas(paths).status().items():
        served = Path(status.get("model_file") or "").name
        replicas.append({"url": url, "ok": status["ok"], "serving": by_file.get(served, served) if status["ok"] else None,
                         "error": status.get("error")})
    kind = "rollback" if model.first_activated_at is not None else "activate"
    delta = None if current is None or current.macro_f1 is None or model.macro_f1 is None else round(model.macro_f1 - current.macro_f1, 4)
    if kind == "rollback" or current is None:
        gate_ok = kind == "rollback" or model.macro_f1 is not None
    else:
        gate_ok = delta is not None and delta >= -paths.settings.max_macro_f1_drop
    changes = []
    old_intents = ((current.metrics or {}).get("intents") or {}) if current is not None else {}
    for name, row in ((model.metrics or {}).get("intents") or {}).items():
        if name in old_intents and abs(row["f1"] - old_intents[name]["f1"]) >= 0.01:
            changes.append({"intent": name, "before": old_intents[name]["f1"], "after": row["f1"],
                            "delta": round(row["f1"] - old_intents[name]["f1"], 4)})
    changes.sort(key=lambda c: c["delta"])
    return {"kind": kind, "model": registry.view(model, current),
            "current": registry.view(current, current) if current is not None else None,
            "replicas": replicas, "delta_macro_f1": delta, "gate_ok": bool(gate_ok),
            "max_macro_f1_drop": paths.settings.max_macro_f1_drop, "intent_changes": changes}


@router.post("/models/{model_id}/try", response_model=TrialResult)
def model_try(session: SessionDep, model_id: int, body: TrySentences, principal: Principal = Depends(admin_only),
              paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """试一试: the candidate reads a few sentences; the serving replicas are not touched."""
    model = registry.get(session, model_id)
    if not Path(model.file_path).is_file():
        raise ApiError(409, "model_file_missing", "模型文件已不存在，无法试用。")
    # No lock is held while the model loads: the request's transaction has only read so far (SQLite WAL reads
    # a snapshot, PostgreSQL's readers block no writer), and begin_write, after the load, renews that read and
    # takes the write lock only for the audit row.
    result = trial.parse(paths, model.file_path, body.texts)
    begin_write(session)
    audit.record(session, principal, "nlu_model.try", target=model.name, detail={"sentences": len(result["readings"])})
    return result


@router.get("/models/{model_id}/confusion.png", response_class=FileResponse, responses={
    200: {"description": "the confusion matrix as a PNG image",
          "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}})
def model_confusion(session: SessionDep, model_id: int, _: Principal = Depends(admin_only)) -> FileResponse:
    model = registry.get(session, model_id)
    if not model.confusion_matrix_path or not Path(model.confusion_matrix_path).is_file():
        raise ApiError(404, "no_confusion_matrix", "该模型还没有混淆矩阵。")
    return FileResponse(model.confusion_matrix_path, media_type="image/png")


@router.post("/models/{model_id}/evaluate", status_code=202, response_model=JobView)
def model_evaluate(session: SessionDep, model_id: int, principal: Principal = Depends(admin_only),
                   runner: jobs.JobRunner = Depends(get_runner)) -> Dict[str, Any]:
    registry.get(session, model_id)
    return jobs.job_view(runner.start(principal, "evaluate", model_id))


@router.post("/models/{model_id}/activate", response_model=Activated)
def model_activate(session: SessionDep, model_id: int, body: Activate, principal: Principal = Depends(admin_only),
                   paths: AdminPaths = Depends(get_paths)) -> Dict[str, Any]:
    """Hot-swap on every Rasa replica (``PUT /model``); the quality gate refuses a drop in macro-F1 unless forced."""
    model = registry.get(session, model_id)
    try:
        record = registry.activate(session, paths, model, principal, force=body.force, reason=body.reason)
    except ApiError as exc:
        if exc.error not in ("quality_gate", "active_not_evaluated", "replica_failed"):
            raise
        # A refused or failed activation is an admin action too: its audit row is kept, and only that row
        # (these refusals come before the activation writes anything).
        begin_write(session)
        audit.record(session, principal, "nlu_model.activation_refused", target=model.name,
                     detail={"error": exc.error, "forced": body.force})
        raise ApiError(exc.status_code, exc.error, exc.message, exc.headers, keep_changes=True) from exc
    return {"model": registry.view(model, model), "activation": registry.activations(session, 1)[0], "kind": record.kind}


@router.post("/jobs", status_code=202, response_model=JobView)
def job_start(session: SessionDep, body: JobStart, principal: Principal = Depends(admin_only),
              runner: jobs.JobRunner = Depends(get_runner)) -> Dict[str, Any]:
    return jobs.job_view(runner.start(principal, body.kind))


@router.get("/jobs", response_model=JobsPage)
def job_list(session: SessionDep, _: Principal = Depends(admin_only),
             runner: jobs.JobRunner = Depends(get_runner)) -> Dict[str, Any]:
    runner.reap_stale(session)
    rows = list(session.scalars(select(TrainingJob).order_by(TrainingJob.id.desc()).limit(20)))
    current = next((r for r in rows if r.status in jobs.ACTIVE_STATUSES), None)
    return {"jobs": [jobs.job_view(r) for r in rows], "current": jobs.job_view(current) if current else None}


def _job(session: Session, job_id: int) -> TrainingJob:
    job = session.get(TrainingJob, job_id)
    if job is None:
        raise ApiError(404, "unknown_job", "没有该任务。")
    return job


@router.get("/jobs/{job_id}", response_model=JobView)
def job_detail(session: SessionDep, job_id: int, _: Principal = Depends(admin_only)) -> Dict[str, Any]:
    return jobs.job_view(_job(session, job_id))


def _read_log(job: TrainingJob, offset: int) -> Dict[str, Any]:
    path = Path(job.log_path)
    if not path.is_file():
        return {"offset": offset, "text": ""}
    with open(path, "rb") as handle:
        handle.seek(offset)
        data = handle.read(256 * 1024)
    # Never cut a UTF-8 character in half: stop before an incomplete trailing sequence.
    text = data.decode("utf-8", "ignore")
    return {"offset": offset + len(text.encode("utf-8")), "text": text}


@router.get("/jobs/{job_id}/log", response_model=JobLog)
def job_log(session: SessionDep, job_id: int, offset: int = Query(0, ge=0),
            _: Principal = Depends(admin_only)) -> Dict[str, Any]:
    return _read_log(_job(session, job_id), offset)


@router.get("/jobs/{job_id}/events", response_class=StreamingResponse, responses={
    200: {"description": "server-sent events: log (new log text, as a JSON string), progress (the job as "
                         "GET /jobs/{job_id} returns it) and end",
          "content": {"text/event-stream": {"schema": {"type": "string"}}}}})
async def job_events(session: SessionDep, job_id: int, request: Request,
                     _: Principal = Depends(admin_only)) -> StreamingResponse:
    """Server-sent events: ``progress`` (the job row) and ``log`` (new log text) until the job ends.

    The stream outlives the request's transaction (committed when this function returns): each poll reads in a
    short session of its own, which only reads."""
    _job(session, job_id)
    factory = request.app.state.sessionmaker

    async def stream():
        offset = 0
        while True:
            if await request.is_disconnected():
                return
            with factory() as session:
                job = session.get(TrainingJob, job_id)
                view = jobs.job_view(job)
                chunk = _read_log(job, offset)
            offset = chunk["offset"]
            if chunk["text"]:
                yield f"event: log\ndata: {json.dumps(chunk['text'], ensure_ascii=False)}\n\n"
            yield f"event: progress\ndata: {json.dumps(view, ensure_ascii=False)}\n\n"
            if view["status"] not in jobs.ACTIVE_STATUSES:
                yield "event: end\ndata: {}\n\n"
                return
            await asyncio.sleep(1.0)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.post("/jobs/{job_id}/cancel", response_model=JobView)
def job_cancel(session: SessionDep, job_id: int, principal: Principal = Depends(admin_only),
               runner: jobs.JobRunner = Depends(get_runner)) -> Dict[str, Any]:
    _job(session, job_id)
    return jobs.job_view(runner.cancel(job_id, principal))
