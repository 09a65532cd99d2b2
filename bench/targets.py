"""Start and stop the two systems under test, and time their training and model loading.

- ours: bot/tools/stack.py's ``Stack`` (API, action server, Rasa) on free ports with a throw-away var dir;
- stock: the ``rasa init --no-prompt`` bot, trained by the benchmark itself in a temp dir, served by
  ``rasa run`` with the init bot's own files (in-memory tracker store; its default stories need no action
  server), i.e. Rasa 3.6.21 exactly as it ships.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Dict, List, Optional

from bench.system import cpu_seconds, peak_rss_mb
from bench.load import PEOPLE, PEOPLE_FILE_NAME, write_people_file
from bot.tools.stack import API_PY, RASA_PY, ROOT, Stack, StackConfig

RASA = ROOT / ".venv" / "bin" / "rasa"
REST_PATH = "/webhooks/rest/webhook"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def quiet_env(cache_dir: Path) -> Dict[str, str]:
    # A private Rasa training cache: without it a second run would reuse cached components and the
    # "training time" would measure the cache, not training.
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0", RASA_CACHE_DIRECTORY=str(cache_dir))


@dataclass
class Startup:
    """How long the Rasa server took to become ready, by our clock and by Rasa's own log."""

    wall_s: float = float("nan")          # spawn of `rasa run` -> first 200 from /status
    log_load_s: Optional[float] = None    # Rasa log: "Loading model ..." -> "Rasa server is up and running."
    log_line: str = ""


_LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")


def parse_rasa_log(log: Path) -> Startup:
    startup = Startup()
    loading = None
    for line in log.read_text(errors="replace").splitlines():
        m = _LOG_TIME.match(line)
        if not m:
            continue
        at = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")
        if "Loading model" in line and loading is None:
            loading = at
        elif "Rasa server is up and running" in line and loading is not None:
            startup.log_load_s = (at - loading).total_seconds()
            startup.log_line = line.strip()
            break
    return startup


def train_ours(work: Path) -> float:
    """Forced training of our model into a temp dir, with the same inputs as bot/tools/model.py; seconds."""
    from bot.tools.model import TRAINING_DATA

    started = time.monotonic()
    subprocess.run(
        [str(RASA), "train", "--force", "--config", "config.yml", "--domain", "domain.yml", "--data", *TRAINING_DATA,
         "--out", str(work / "models"), "--fixed-model-name", "bench"],
        cwd=ROOT, env=quiet_env(work / "rasa-cache"), check=True, stdout=subprocess.DEVNULL,
        stderr=open(work / "train-ours.log", "wb"),
    )
    return time.monotonic() - started


@dataclass
class Target:
    name: str
    url: str = ""
    startup: Startup = field(default_factory=Startup)
    rss_mb: Dict[str, float] = field(default_factory=dict)

    def start(self) -> None:
        raise NotImplementedError

    def measure_rss(self) -> None:
        raise NotImplementedError

    def cpu(self) -> Dict[str, float]:
        """CPU seconds used so far by each server process (group)."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class OurStack(Target):
    def __init__(self, var_dir: Path, model: Path, profile: str, name: str = "ours", rasa_tuning: bool = True):
        super().__init__(name)
        self.rasa_tuning = rasa_tuning
        config = StackConfig(
            var_dir=var_dir, rasa_port=free_port(), action_port=free_port(), api_port=free_port(),
            profile=profile, pg_tracker_db=f"rasa_trackers_bench_{uuid.uuid4().hex[:8]}",
        )
        self.stack = Stack(config, model)
        self.url = config.rasa_url + REST_PATH

    def start(self) -> None:
        # `api.cli init` prints what it loaded; keep stdout for the report.
        saved = os.dup(1)
        os.dup2(2, 1)
        try:
            self.stack.prepare()
            self.register_people()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        self.stack.start_api()
        self.stack.start_actions()
        self.stack.wait_ready("api")
        self.stack.wait_ready("actions")
        # Rasa alone, so its start-up is not timed while the other two are still importing.
        started = time.monotonic()
        # GZ_RASA_TUNING=0: Rasa without bot/rasa/server.py's fixes, to measure what they bring.
        saved = os.environ.get("GZ_RASA_TUNING")
        os.environ["GZ_RASA_TUNING"] = "1" if self.rasa_tuning else "0"
        try:
            self.stack.start_rasa()
        finally:
            if saved is None:
                del os.environ["GZ_RASA_TUNING"]
            else:
                os.environ["GZ_RASA_TUNING"] = saved
        self.stack.wait_ready("rasa", timeout=300)
        wall = time.monotonic() - started
        self.startup = parse_rasa_log(self.stack.logs / "rasa.log")
        self.startup.wall_s = wall

    def register_people(self) -> None:
        """The simulated citizens' phones (bench/load.py ``PEOPLE``) into this stack's own throw-away database,
        through the API's CLI in its virtualenv, before the API starts; the values go in a file, not on the
        command line."""
        config = self.stack.config
        path = write_people_file(config.var_dir / PEOPLE_FILE_NAME, PEOPLE)
        subprocess.run([str(API_PY), "-m", "api.cli", "register-phones", "--from", str(path)], cwd=ROOT,
                       env=dict(os.environ, **config.api_env()), check=True)

    LABELS = {"rasa": "Rasa server", "actions": "action server", "api": "API (uvicorn)"}

    def measure_rss(self) -> None:
        for name, proc in self.stack.procs.items():
            self.rss_mb[self.LABELS[name]] = peak_rss_mb(proc.pid)

    def cpu(self) -> Dict[str, float]:
        return {self.LABELS[name]: cpu_seconds(proc.pid) for name, proc in self.stack.procs.items()}

    def stop(self) -> None:
        self.stack.stop_all()


class StockRasa(Target):
    """`rasa init --no-prompt` in a temp dir (it trains itself; that is the stock training time)."""

    def __init__(self, work: Path):
        super().__init__("stock")
        self.work = work
        self.dir = work / "stock-init"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}{REST_PATH}"
        self.proc: Optional[subprocess.Popen] = None
        self.train_s = float("nan")

    def init_and_train(self) -> float:
        self.dir.mkdir(parents=True, exist_ok=True)  # `rasa init --init-dir` wants it to exist
        started = time.monotonic()
        subprocess.run(
            [str(RASA), "init", "--no-prompt", "--init-dir", str(self.dir)], cwd=self.work,
            env=quiet_env(self.work / "stock-rasa-cache"), check=True, stdout=subprocess.DEVNULL,
            stderr=open(self.work / "train-stock.log", "wb"),
        )
        self.train_s = time.monotonic() - started
        return self.train_s

    def start(self) -> None:
        models = sorted((self.dir / "models").glob("*.tar.gz"))
        assert models, f"rasa init produced no model in {self.dir / 'models'}"
        log = self.work / "stock-rasa.log"
        cmd: List[str] = [str(RASA_PY), "-m", "rasa", "run", "--enable-api", "--cors", "*", "--port", str(self.port),
                          "--model", str(models[-1]), "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
        started = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, cwd=self.dir, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"),
            stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = started + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"stock rasa exited with {self.proc.returncode}; see {log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/status", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.5)
        else:
            raise TimeoutError(f"stock rasa not ready; see {log}")
        wall = time.monotonic() - started
        self.startup = parse_rasa_log(log)
        self.startup.wall_s = wall

    def measure_rss(self) -> None:
        if self.proc is not None:
            self.rss_mb["Rasa server"] = peak_rss_mb(self.proc.pid)

    def cpu(self) -> Dict[str, float]:
        return {"Rasa server": cpu_seconds(self.proc.pid)} if self.proc is not None else {}

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        except ProcessLookupError:
            pass
