"""Background training and evaluation jobs: one at a time, cancellable, with live progress and a log.

A training job: regenerate the catalogue artefacts (``python -m bot.tools.build``), validate the data (``rasa data
validate``), train (``rasa train``; ``--finetune`` on the active model when only intent examples changed), register
the model, and evaluate it on the held-out split (every trained model is evaluated, ``rasa test nlu`` and
``python -m bot.tools.discovery_eval``). Rasa lives in its own virtualenv, so each step is a subprocess run through
a command-line entry point with arguments (never source code handed to ``python -c``); Rasa's output is parsed
for the DIET epoch, loss and accuracy, ours is one JSON object (``--json``).

The database allows one queued or running job (a unique ``slot``); a job whose heartbeat stops (its API
process died) is marked failed by the next request that looks at jobs.

Transactions: the job thread owns its own, one short ``transaction`` per change (progress, heartbeat, the model
row), each holding the write lock from its start (``begin_write``) so that it waits its turn behind the
console's requests on SQLite instead of failing. A job's start and its cancellation also commit in transactions
of their own, inside the request: the thread reads the job row as soon as it starts, and a cancelled step's
thread must find the request to cancel committed when its process dies.
"""
from __future__ import annotations

import atexit
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import yaml
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.admin import confusion as confusion_data, fingerprint, registry
from api.admin.models import NluModel, TrainingJob
from api.admin.settings import AdminPaths
from api.audit import service as audit
from api.clock import aware
from api.config import REPO_ROOT
from api.database import begin_write, transaction
from api.errors import ApiError

ACTIVE_STATUSES = ("queued", "running")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# tqdm's line for DIET: "Epochs:  45%|████▌     | 36/80 [00:50<01:01,  1.40s/it, t_loss=1.95, i_acc=0.995]"
EPOCH_LINE = re.compile(r"Epochs:\s*(\d+)%\|[^|]*\|\s*(\d+)/(\d+)(?:\s*\[([^\]]*)\])?")
METRIC = re.compile(r"([a-z_]+)=([0-9.eE+-]+)")
# Where each phase starts and ends on the job's progress bar (percent), by kind of job.
SPANS = {
    "train": {"build": (0, 5), "validate": (5, 12), "train": (12, 80), "evaluate": (80, 96), "evaluate_active": (96, 100)},
    "evaluate": {"evaluate": (0, 100)},
}


def build_command(paths: AdminPaths) -> List[str]:
    """Regenerate the catalogue's artefacts (jieba dictionary, lookup table) in the project the job trains."""
    return [str(paths.rasa_python), "-m", "bot.tools.build", "--catalogue", str(paths.catalogue),
            "--out", str(paths.project), "--json"]


def discovery_command(paths: AdminPaths) -> List[str]:
    """Measure item discovery on the held-out queries with the catalogue the console edits (misses left out)."""
    return [str(paths.rasa_python), "-m", "bot.tools.discovery_eval", str(paths.settings.held_out_discovery),
            "--catalogue", str(paths.catalogue), "--json"]


def json_report(line: str) -> Optional[Dict[str, Any]]:
    """The one JSON object a ``--json`` entry point prints (it has ``ok``), or None for any other line of its
    output (library warnings and progress share the stream)."""
    if not line.startswith("{"):
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) and "ok" in value else None


def discovery_figures(report: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """``{top1, top3, n}`` of a successful discovery report; None when it failed or lacks a figure."""
    if not report or report.get("ok") is not True:
        return None
    try:
        figures = {"top1": float(report["top1"]), "top3": float(report["top3"]), "n": int(report["n"])}
    except (KeyError, TypeError, ValueError):
        return None
    return figures if figures["n"] > 0 else None


class JobFailed(Exception):
    pass


class JobCancelled(Exception):
    pass


def now() -> datetime:
    return datetime.now(timezone.utc)


def parse_progress(line: str) -> Optional[Dict[str, Any]]:
    match = EPOCH_LINE.search(line)
    if not match:
        return None
    progress: Dict[str, Any] = {"epoch": int(match.group(2)), "epochs": int(match.group(3))}
    for key, value in METRIC.findall(match.group(4) or ""):
        try:
            progress[key] = float(value)
        except ValueError:
            pass
    if "t_loss" in progress:
        progress["loss"] = progress.pop("t_loss")
    if "i_acc" in progress:
        progress["accuracy"] = progress.pop("i_acc")
    return progress


def short_config(source: Path, epochs: int) -> str:
    """config.yml with DIET's epochs lowered (CI and demos); everything else as configured."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    for component in config.get("pipeline") or []:
        if component.get("name") == "DIETClassifier":
            component["epochs"] = epochs
    header = f"# Generated by the admin console from {source.name}: DIET epochs {epochs} (train profile 'short').\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def job_view(job: TrainingJob) -> Dict[str, Any]:
    return {
        "id": job.id, "kind": job.kind, "status": job.status, "phase": job.phase, "progress": job.progress or {},
        "train_mode": job.train_mode, "train_profile": job.train_profile, "base_model_id": job.base_model_id,
        "model_id": job.model_id, "error": job.error, "cancel_requested": job.cancel_requested,
        "created_by": job.created_by, "created_at": job.created_at.isoformat(),
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


class JobRunner:
    """Runs jobs in a thread of the API process. ``runs`` holds the subprocess of the job running here."""

    def __init__(self, factory: sessionmaker, paths: AdminPaths):
        self.factory = factory
        self.paths = paths
        self.procs: Dict[int, subprocess.Popen] = {}
        self.threads: Dict[int, threading.Thread] = {}
        # Steps run in their own process group (so cancel can stop all of Rasa's workers); stop them with the
        # API, or a stopped API would leave a training run behind. Its job is then reaped as interrupted.
        atexit.register(self.stop_all)

    def stop_all(self) -> None:
        for proc in list(self.procs.values()):
            if proc.poll() is None:
                _kill(proc)

    # --- starting, cancelling, reaping ------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A transaction of the job's own, holding the write lock from its first statement to its commit."""
        with transaction(self.factory) as session:
            begin_write(session)
            yield session

    def _stale(self, session: Session, *, fresh: bool = False) -> List[TrainingJob]:
        limit = now() - timedelta(seconds=self.paths.settings.job_stale_seconds)
        query = select(TrainingJob).where(TrainingJob.slot.is_not(None))
        if fresh:
            query = query.execution_options(populate_existing=True)  # the rows as the renewed read sees them
        stale = []
        for job in session.scalars(query):
            alive = job.id in self.threads and self.threads[job.id].is_alive()
            if not alive and aware(job.heartbeat_at or job.created_at) < limit:
                stale.append(job)
        return stale

    def reap_stale(self, session: Session) -> None:
        """Mark failed the jobs whose heartbeat stopped, in the caller's transaction. The write lock is taken only
        when there is one to mark: the console polls the job list while a job reports its progress."""
        if not self._stale(session):
            return
        begin_write(session)
        for job in self._stale(session, fresh=True):  # read again under the lock: its heartbeat may have resumed
            job.status, job.slot, job.finished_at = "failed", None, now()
            job.error = "任务中断（API 进程已停止）。"
        session.flush()

    def start(self, who: Any, kind: str, model_id: Optional[int] = None) -> TrainingJob:
        """Queue a job and start its thread. The job row is committed in a transaction of its own before the
        thread starts (the thread reads it at once); the request's transaction has only read, so it holds no
        lock that this one would wait for."""
        self.paths.jobs.mkdir(parents=True, exist_ok=True)
        profile = self.paths.settings.train_profile if kind == "train" else None
        try:
            with self._write() as write:
                self.reap_stale(write)
                job = TrainingJob(kind=kind, status="queued", slot=1, phase="queued", progress={"percent": 0},
                                  train_profile=profile, model_id=model_id, log_path="", created_by=who.actor,
                                  created_at=now(), heartbeat_at=now(), cancel_requested=False)
                write.add(job)
                write.flush()
                job_dir = self.paths.jobs / str(job.id)
                job_dir.mkdir(parents=True, exist_ok=True)
                job.log_path = str(job_dir / "job.log")
                audit.record(write, who, f"nlu_job.{kind}", target=f"job {job.id}",
                             detail={"model_id": model_id, "profile": profile})
                write.flush()
                write.expunge(job)
        except IntegrityError:
            raise ApiError(409, "job_running", "已有训练或评估任务在进行，请等待其结束或先取消。") from None
        thread = threading.Thread(target=self._run, args=(job.id,), name=f"nlu-job-{job.id}", daemon=True)
        self.threads[job.id] = thread
        thread.start()
        return job

    def cancel(self, job_id: int, who: Any) -> TrainingJob:
        """Ask the job to stop, and stop its running step. The request is committed (in a transaction of its
        own) before the step's process is killed: the job thread, seeing the step die, must find it and report
        the job cancelled rather than failed. Returns the job as it is now."""
        with self._write() as write:
            job = write.get(TrainingJob, job_id)
            if job is None:
                raise ApiError(404, "unknown_job", "没有该任务。")
            if job.status not in ACTIVE_STATUSES:
                raise ApiError(409, "job_finished", "该任务已结束。")
            job.cancel_requested = True
            audit.record(write, who, "nlu_job.cancel", target=f"job {job_id}")
            write.flush()
            write.expunge(job)
        proc = self.procs.get(job_id)
        if proc is not None and proc.poll() is None:
            _kill(proc)
        return job

    # --- the job thread ---------------------------------------------------------------------------------

    def _update(self, job_id: int, **changes: Any) -> TrainingJob:
        with self._write() as session:
            job = session.get(TrainingJob, job_id)
            for key, value in changes.items():
                setattr(job, key, value)
            job.heartbeat_at = now()
            session.flush()
            session.expunge(job)
            return job

    def _cancel_requested(self, job_id: int) -> bool:
        with transaction(self.factory) as session:
            return bool(session.get(TrainingJob, job_id).cancel_requested)

    def _run(self, job_id: int) -> None:
        log = None
        try:
            job = self._update(job_id, status="running", started_at=now(), phase="prepare")
            log = open(job.log_path, "a", encoding="utf-8")
            if job.kind == "train":
                self._train(job, log)
            else:
                self._evaluate_model(job, log, job.model_id, "evaluate")
            self._update(job_id, status="succeeded", slot=None, finished_at=now(), phase="done",
                         progress={**(self._progress(job_id)), "percent": 100})
        except JobCancelled:
            self._update(job_id, status="cancelled", slot=None, finished_at=now(), error="已取消。")
        except JobFailed as exc:
            self._update(job_id, status="failed", slot=None, finished_at=now(), error=str(exc)[:2000])
        except Exception as exc:  # a bug must not leave the slot taken
            self._update(job_id, status="failed", slot=None, finished_at=now(), error=f"{type(exc).__name__}: {exc}"[:2000])
        finally:
            if log is not None:
                log.close()
            self.procs.pop(job_id, None)

    def _progress(self, job_id: int) -> Dict[str, Any]:
        with transaction(self.factory) as session:
            return dict(session.get(TrainingJob, job_id).progress or {})

    def _phase(self, job: TrainingJob, phase: str, log, **extra: Any) -> None:
        if self._cancel_requested(job.id):
            raise JobCancelled()
        start = SPANS[job.kind][phase][0]
        log.write(f"\n=== {phase} ===\n")
        log.flush()
        self._update(job.id, phase=phase, progress={"percent": start, "phase_started": now().isoformat()}, **extra)

    def _exec(self, job: TrainingJob, log, cmd: List[str], cwd: Path, phase: str,
              on_line: Optional[Callable[[str], None]] = None, timeout: float = 7200) -> int:
        """Run one step, streaming its output into the log (tqdm's carriage-return updates collapsed to one
        line per epoch) and the epoch progress into the job row; cancel kills the step's process group."""
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0", PYTHONUNBUFFERED="1",
                   TF_INTRA_OP_PARALLELISM_THREADS=os.environ.get("TF_INTRA_OP_PARALLELISM_THREADS", "2"))
        log.write("$ " + " ".join(cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs[job.id] = proc
        pending = b""
        last_epoch = [None]
        low, high = SPANS[job.kind][phase]
        state = {"beat": 0.0, "checked": 0.0}
        started = time.monotonic()

        def handle(segment: str) -> None:
            segment = ANSI.sub("", segment).rstrip()
            if not segment.strip():
                return
            progress = parse_progress(segment)
            if progress is not None:
                if progress["epoch"] != last_epoch[0] or progress["epoch"] == progress["epochs"]:
                    if progress["epoch"] != last_epoch[0]:
                        log.write(segment.strip() + "\n")
                    last_epoch[0] = progress["epoch"]
                    share = progress["epoch"] / max(progress["epochs"], 1)
                    progress["percent"] = round(low + (high - low) * (0.15 + 0.8 * share), 1)
                    progress["phase"] = phase
                    if time.monotonic() - state["beat"] > 1.0 or progress["epoch"] == progress["epochs"]:
                        state["beat"] = time.monotonic()
                        self._update(job.id, progress=progress)
                return
            log.write(segment + "\n")
            if on_line is not None:
                on_line(segment)

        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        try:
            while True:
                if selector.select(timeout=1.0):
                    chunk = os.read(proc.stdout.fileno(), 65536)
                    if not chunk:
                        break
                    pending += chunk
                    parts = re.split(rb"[\r\n]", pending)
                    pending = parts.pop()
                    for part in parts:
                        handle(part.decode("utf-8", "replace"))
                    log.flush()
                if time.monotonic() - state["checked"] > 1.0:
                    state["checked"] = time.monotonic()
                    if self._cancel_requested(job.id):
                        _kill(proc)
                        raise JobCancelled()
                if time.monotonic() - state["beat"] > 5.0:
                    state["beat"] = time.monotonic()
                    self._update(job.id)  # heartbeat
                if time.monotonic() - started > timeout:
                    _kill(proc)
                    raise JobFailed(f"{phase} 超时。")
            if pending:
                handle(pending.decode("utf-8", "replace"))
            code = proc.wait()
        finally:
            selector.close()
            log.flush()
        if self._cancel_requested(job.id):
            raise JobCancelled()
        return code

    def _train(self, job: TrainingJob, log) -> None:
        paths, settings = self.paths, self.paths.settings
        job_dir = Path(job.log_path).parent
        with self._write() as session:
            base = registry.ensure_baseline(session, paths)
            base_id = base.id if base is not None else None
        # 1. What Rasa needs from the catalogue (lookup table, jieba dictionary): aliases may have changed.
        self._phase(job, "build", log)
        built: List[Dict[str, Any]] = []

        def build_line(line: str) -> None:
            report = json_report(line)
            if report is not None:
                built.append(report)

        code = self._exec(job, log, build_command(paths), REPO_ROOT, "build", on_line=build_line)
        if code != 0 or not built or built[-1].get("ok") is not True:
            raise JobFailed("根据清单生成词典和查找表失败，详见日志。")
        # 2. Validate before spending minutes on training.
        self._phase(job, "validate", log)
        code = self._exec(job, log, [str(paths.rasa), "data", "validate", "--domain", "domain.yml", "--config",
                                     "config.yml", "--data", "data/nlu", "data/rules.yml"], paths.project, "validate")
        if code != 0:
            raise JobFailed("训练数据校验未通过（rasa data validate），详见日志。")
        # 3. Train: fine-tune when only examples changed since the active model, else from scratch.
        current = fingerprint.compute(paths.project)
        with transaction(self.factory) as session:
            base = session.get(NluModel, base_id) if base_id else None
            finetune = base is not None and Path(base.file_path).is_file() and fingerprint.only_examples_changed(base.fingerprint, current)
            base_file = base.file_path if base is not None else None
        mode = "finetune" if finetune else "full"
        config = paths.config
        if settings.train_profile == "short":
            config = job_dir / "config.short.yml"
            config.write_text(short_config(paths.config, settings.short_epochs), encoding="utf-8")
        name = f"admin-{now().strftime('%Y%m%d-%H%M%S')}-j{job.id}"
        cmd = [str(paths.rasa), "train", "--config", str(config), "--domain", "domain.yml", "--data", "data/nlu",
               "data/rules.yml", "--out", str(paths.models), "--fixed-model-name", name]
        if finetune:
            fraction = 1.0 if settings.train_profile == "short" else settings.finetune_epoch_fraction
            cmd += ["--finetune", str(base_file), "--epoch-fraction", str(fraction)]
        self._phase(job, "train", log, train_mode=mode, base_model_id=base_id if finetune else None)
        log.write(f"training mode: {mode} (profile {settings.train_profile})\n")
        paths.models.mkdir(parents=True, exist_ok=True)
        code = self._exec(job, log, cmd, paths.project, "train")
        model_file = paths.models / f"{name}.tar.gz"
        if code != 0 or not model_file.is_file():
            raise JobFailed("模型训练失败，详见日志。")
        with self._write() as session:
            model = NluModel(
                name=name, file_path=str(model_file), file_sha256=registry.sha256_file(model_file),
                data_hash=current["data_hash"], fingerprint=current, source="trained", train_mode=mode,
                train_profile=settings.train_profile, base_model_id=base_id if finetune else None,
                created_by=job.created_by, created_at=now(), evaluation_status="pending", active=False,
            )
            session.add(model)
            session.flush()
            model_id = model.id
        self._update(job.id, model_id=model_id)
        # 4. Every trained model is evaluated; the active one too if it never was (the gate compares them).
        self._evaluate_model(job, log, model_id, "evaluate")
        with transaction(self.factory) as session:
            active = registry.active(session)
            needs = active is not None and active.evaluation_status != "evaluated" and Path(active.file_path).is_file()
            active_id = active.id if active is not None else None
        if needs:
            self._evaluate_model(job, log, active_id, "evaluate_active")

    def _evaluate_model(self, job: TrainingJob, log, model_id: Optional[int], phase: str) -> None:
        paths = self.paths
        with self._write() as session:
            if model_id is None:
                model = registry.ensure_baseline(session, paths)
                if model is None:
                    raise JobFailed("没有可评估的模型。")
                model_id = model.id
            model = session.get(NluModel, model_id)
            model.evaluation_status = "evaluating"
            model_file, name = model.file_path, model.name
        if job.kind == "evaluate":
            self._update(job.id, model_id=model_id)
        self._phase(job, phase, log)
        out = Path(job.log_path).parent / f"eval-{model_id}"
        shutil.rmtree(out, ignore_errors=True)
        try:
            code = self._exec(job, log, [str(paths.rasa), "test", "nlu", "--model", model_file, "--nlu",
                                         str(paths.settings.held_out_nlu), "--out", str(out)], paths.project, phase)
            report_path = out / "intent_report.json"
            if code != 0 or not report_path.is_file():
                raise JobFailed("留出集评估失败（rasa test nlu），详见日志。")
            metrics = intent_metrics(json.loads(report_path.read_text(encoding="utf-8")))
            reports: List[Dict[str, Any]] = []

            def discovery_line(line: str) -> None:
                report = json_report(line)
                if report is not None:
                    reports.append(report)

            code = self._exec(job, log, discovery_command(paths), REPO_ROOT, phase, on_line=discovery_line)
            found = discovery_figures(reports[-1] if reports else None)
            if code != 0 or found is None:
                raise JobFailed("事项发现评估失败（python -m bot.tools.discovery_eval），详见日志。")
            metrics["discovery"] = found
            stored = paths.admin_dir / "models" / name
            stored.mkdir(parents=True, exist_ok=True)
            shutil.copy(report_path, stored / "intent_report.json")
            (stored / "intent_errors.json").unlink(missing_ok=True)  # from an earlier evaluation of this model
            if (out / "intent_errors.json").is_file():  # the exact confusion matrix for the screen
                shutil.copy(out / "intent_errors.json", stored / "intent_errors.json")
            metrics["confusion"] = confusion_data.from_directory(stored)
            confusion = out / "intent_confusion_matrix.png"
            png = None
            if confusion.is_file():
                png = stored / "intent_confusion_matrix.png"
                shutil.copy(confusion, png)
        except BaseException:
            with self._write() as session:
                session.get(NluModel, model_id).evaluation_status = "failed"
            raise
        with self._write() as session:
            model = session.get(NluModel, model_id)
            model.metrics = metrics
            model.macro_f1 = metrics["macro_f1"]
            model.confusion_matrix_path = str(png) if png else None
            model.evaluation_status = "evaluated"
            model.evaluated_at = now()
        log.write(f"evaluation of {name}: macro-F1 {metrics['macro_f1']:.4f}, accuracy {metrics['accuracy']:.4f}, "
                  f"discovery top-3 {found.get('top3')}\n")


def intent_metrics(report: Dict[str, Any]) -> Dict[str, Any]:
    """Rasa's intent_report.json as the registry stores it: per intent P/R/F1/support, and the averages."""
    skip = {"accuracy", "macro avg", "weighted avg", "micro avg"}
    intents = {
        name: {"precision": round(v["precision"], 4), "recall": round(v["recall"], 4),
               "f1": round(v["f1-score"], 4), "support": int(v["support"])}
        for name, v in sorted(report.items()) if name not in skip and isinstance(v, dict) and "f1-score" in v
    }
    accuracy = report.get("accuracy")
    if isinstance(accuracy, dict):
        accuracy = accuracy.get("f1-score")
    return {
        "intents": intents,
        "macro_f1": round(report["macro avg"]["f1-score"], 4),
        "weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "accuracy": round(float(accuracy if accuracy is not None else report.get("micro avg", {}).get("f1-score", 0)), 4),
    }


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    except Exception:
        pass
