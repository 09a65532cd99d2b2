"""Run the whole assistant: the API, the action server and the Rasa server, as one supervised stack.

``python -m bot.tools.stack up`` (what ``make up`` runs) prepares everything that is missing - catalogue build
artefacts, the database (Alembic) with catalogue and demo data, the model (cached by input hash) - then
starts the three servers, prints how to talk to them, and stops them all cleanly on Ctrl-C.

The end-to-end tests use the same ``Stack`` class on other ports and a throw-away ``var`` directory.

Supervision (``Supervisor``; tests/bot/test_supervisor.py, tests/e2e/test_self_healing.py): a server that dies
without being asked to is started again after a pause that doubles with each crash (0.5 s, 1 s, 2 s ... at most
30 s) and is waited for until it answers again; the conversation goes on where it was, because everything a
journey needs is in the tracker store and the API database. After 5 crashes of one server in a row (a crash
after it had served for 60 s starts the count again) the supervisor gives up with one log line saying why and
stops everything. Ctrl-C or SIGTERM stops everything and restarts nothing. Only the three servers are supervised,
not replicas started with other names. What lives only in a server's memory and is lost with it: the notice
deliveries waiting in the evidence ledger (embedded profile; the bot sends the missing sections again and asks
once more), Rasa's in-memory lock store (its locks die with the process that held them), flood-control buckets
(they start full again), and socket.io sessions (the widget reconnects).

Profiles (``GZ_PROFILE``): ``embedded`` (default; SQLite everywhere, in-memory lock store, one machine, no
server) and ``scale`` (PostgreSQL for the API and Rasa's tracker store, Redis lock store; see README).

Replicas: ``start_actions(port=..., name=...)`` and ``start_rasa(port=..., name=..., action_port=...)`` start
further action servers and Rasa servers sharing the same stores (tests/scale/test_replicas.py); each Rasa
replica gets its own endpoints file naming its action server.

Hardening (every profile; tests/e2e/test_hardening.py):
- every server binds 127.0.0.1; the action server (actions/server.py) answers only requests carrying the secret
  of ``keys/action.secret``, which Rasa sends from its endpoints file (``${GZ_ACTION_SECRET}``, filled in by
  bot/rasa/server.py from the file);
- no secret on a command line (``/proc/<pid>/cmdline`` is readable by every local user): Rasa reads its API token
  from ``keys/rasa.token`` (``GZ_RASA_TOKEN_PATH``), the servers read their keys from files named in the environment;
- the channel-evidence key (``keys/channel-evidence.key``) goes to Rasa and the API, never to the action server;
- uvicorn trusts no X-Forwarded-For (a client on loopback could otherwise choose its address for the login rate
  limit);
- ``var/`` is 0700 and every file in it 0600: the stack tightens what exists when it starts, and every process
  it spawns runs with umask 077.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from bot.core.assisted import load_or_create_secret
from bot.core.evidence import ENV_KEY_PATH as EVIDENCE_KEY_ENV
from bot.core.evidence import EVIDENCE_KEY_FILE
from bot.core.evidence import load_or_create_key as load_or_create_evidence_key
from bot.core.sealing import load_or_create as load_data_key_ring

ROOT = Path(__file__).resolve().parents[2]
RASA_PY = ROOT / ".venv" / "bin" / "python"
API_PY = ROOT / ".venv-api" / "bin" / "python"

LOOPBACK = "127.0.0.1"
# Every process the stack starts creates its files private (var/ holds keys, databases, logs and letters).
PRIVATE_UMASK = 0o077
# Profiles the stack runs; both are one machine with every server on loopback, which is why they may use the
# demo WeChat credentials (bot/channels/wechat/channel.py WeChatSettings).
PROFILES = ("embedded", "scale")
# Redis database numbers in the scale profile: Rasa's lock store, the WeChat channel's store (tests/wechat and
# deploy/), and the pending delivery envelopes of the evidence ledger (bot/channels/evidence_ledger.py).
REDIS_LOCK_DB = 1
REDIS_EVIDENCE_DB = 4
REDIS_FLOOD_DB = 5
# What the action server must never inherit from the environment of whoever starts the stack: it carries
# evidence and talks to the API with its service token, nothing more (bot/core/evidence.py).
ACTION_SERVER_DENIED_ENV = (
    EVIDENCE_KEY_ENV, "GZ_SIGNING_KEY_PATH", "GZ_ID_HASH_KEY_PATH", "GZ_DATA_KEY_PATH", "GZ_JWT_SECRET_PATH",
    "GZ_HOTLINE_SECRET_PATH", "GZ_RASA_TOKEN_PATH", "GZ_RASA_TOKEN", "GZ_ACTION_SECRET",
)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to a file that is 0600 from its first byte (no window in which others may read it)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # the file may have existed with wider permissions
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def make_private(root: Path) -> None:
    """``root`` and every directory under it 0700, every file 0600 (symbolic links are left alone)."""
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(root, 0o700)
    for directory, dirs, files in os.walk(root):
        for name in dirs:
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                os.chmod(path, 0o700)
        for name in files:
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                os.chmod(path, 0o600)


class KeyFile:
    """A secret's file under the configuration's ``var_dir``/keys, read as an attribute (``config.rasa_token_path``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, config: Optional["StackConfig"], owner: type) -> Any:
        return self if config is None else config.var_dir / "keys" / self.name


@dataclass
class StackConfig:
    var_dir: Path = ROOT / "var"
    rasa_port: int = 5005
    action_port: int = 5055
    api_port: int = 8800
    profile: str = field(default_factory=lambda: os.environ.get("GZ_PROFILE", "embedded"))
    pg_host: str = field(default_factory=lambda: os.environ.get("GZ_PG_HOST", "127.0.0.1"))
    pg_port: int = field(default_factory=lambda: int(os.environ.get("GZ_PG_PORT", "5432")))
    pg_user: str = field(default_factory=lambda: os.environ.get("GZ_PG_USER", "postgres"))
    pg_db: str = field(default_factory=lambda: os.environ.get("GZ_PG_DB", "test"))
    redis_host: str = field(default_factory=lambda: os.environ.get("GZ_REDIS_HOST", "127.0.0.1"))
    redis_port: int = field(default_factory=lambda: int(os.environ.get("GZ_REDIS_PORT", "6379")))
    # Scale profile: separate schema/database names so a test run never touches a deployment's data.
    pg_tracker_db: str = field(default_factory=lambda: os.environ.get("GZ_PG_TRACKER_DB", "rasa_trackers"))
    # Channel credentials for Rasa; tests pass a generated file (e.g. the WeChat channel's fake API server).
    credentials: Path = ROOT / "bot" / "credentials.yml"
    # Embedded profile: the API's SQLite file, default <var_dir>/api.db (tests put it on a file system they fill).
    api_db_path: Optional[Path] = None

    # The stack's secrets, each a file under <var_dir>/keys, created 0600 on first use and never in the repo:
    rasa_token_path = KeyFile("rasa.token")  # protects Rasa's HTTP API (P5)
    action_secret_path = KeyFile("action.secret")  # what the action server requires of every caller; Rasa sends it
    # the HMAC key the channels sign evidence with (bot/core/evidence.py): Rasa and the API, never the actions
    evidence_key_path = KeyFile(EVIDENCE_KEY_FILE)
    hotline_secret_path = KeyFile("hotline.secret")  # the hotline tokens' HMAC secret (bot/core/assisted.py)
    metrics_token_path = KeyFile("metrics.token")  # the bearer token Prometheus presents to /metrics

    def metrics_token(self) -> str:
        return self._secret(self.metrics_token_path)

    def rasa_token(self) -> str:
        """The token that protects Rasa's HTTP API (P5): created on first use, 0600, never in the repo."""
        return self._secret(self.rasa_token_path)

    def action_secret(self) -> str:
        return self._secret(self.action_secret_path)

    @staticmethod
    def _secret(path: Path) -> str:
        if not path.exists():
            write_private(path, secrets.token_urlsafe(32))
        return path.read_text().strip()

    @property
    def api_url(self) -> str:
        return f"http://{LOOPBACK}:{self.api_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://{LOOPBACK}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{LOOPBACK}:{self.action_port}"

    def api_env(self) -> Dict[str, str]:
        keys = self.var_dir / "keys"
        env = {
            "GZ_SIGNING_KEY_PATH": str(keys / "platform_ed25519.pem"),
            "GZ_ID_HASH_KEY_PATH": str(keys / "id_hash.key"),
            "GZ_DATA_KEY_PATH": str(keys / "data.key"),
            "GZ_METRICS_TOKEN_PATH": str(self.metrics_token_path),
            "GZ_PUBLIC_BASE_URL": os.environ.get("GZ_PUBLIC_BASE_URL", self.api_url),
            # The website widget on the API's portal page (/) connects to Rasa's socket.io channel here.
            "GZ_RASA_PUBLIC_URL": os.environ.get("GZ_RASA_PUBLIC_URL", self.rasa_url),
            # The admin console (api/admin) hot-swaps models on these Rasa servers (token: var/keys/rasa.token)
            # and reads what the bot misunderstood from Rasa's tracker store.
            "GZ_RASA_URLS": os.environ.get("GZ_RASA_URLS", self.rasa_url),
            # The hotline console (api/hotline) signs its channel tokens with this secret.
            "GZ_HOTLINE_SECRET_PATH": str(self.hotline_secret_path),
            # The API recomputes the MAC of every envelope the channels signed (api/commitments/evidence.py).
            EVIDENCE_KEY_ENV: str(self.evidence_key_path),
        }
        if self.profile == "scale":
            env["GZ_DATABASE_URL"] = os.environ.get(
                "GZ_DATABASE_URL", f"postgresql+psycopg://{self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_db}"
            )
            env["GZ_TRACKER_DB_URL"] = f"postgresql+psycopg://{self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_tracker_db}"
        else:
            env["GZ_DATABASE_URL"] = f"sqlite:///{self.api_db_path or self.var_dir / 'api.db'}"
            env["GZ_TRACKER_DB_URL"] = f"sqlite:///{self.var_dir / 'rasa_tracker.db'}"
        return env

    def sanic_workers(self) -> int:
        """Sanic worker processes per Rasa server: the CPU count in the scale profile, 1 in the embedded one.

        Rasa accepts more than one worker only with a lock store that all of them share (Redis, scale profile);
        with the embedded in-memory lock store two workers could handle the same conversation at once, so the
        embedded profile always runs one. ``SANIC_WORKERS`` in the environment overrides the scale default.

        Caveat (measured with python-socketio against a scale stack): the workers share one port with no
        stickiness, so socket.io's long-polling (the website widget connects with polling, then upgrades) breaks
        when its requests reach different workers - 0 of 4 polling-then-upgrade sessions got a reply with 2
        workers, 4 of 4 with 1. REST, WeChat and the hotline are one request per turn and are unaffected. Where
        the widget is served, run SANIC_WORKERS=1 and scale with Rasa replicas behind a load balancer with sticky
        sessions (as deploy/ does), or have the widget connect with the WebSocket transport only.
        """
        if self.profile != "scale":
            return 1
        configured = os.environ.get("SANIC_WORKERS", "").strip()
        return max(1, int(configured)) if configured.isdigit() else max(1, os.cpu_count() or 1)

    def rasa_env(self) -> Dict[str, str]:
        """What Rasa is told: files, never secret values (bot/rasa/server.py reads the token and the secret)."""
        env = {
            "GZ_PROFILE": self.profile,  # the WeChat channel accepts its demo credentials only in PROFILES
            "GZ_RASA_TOKEN_PATH": str(self.rasa_token_path),
            "GZ_ACTION_SECRET_PATH": str(self.action_secret_path),
            "GZ_HOTLINE_SECRET_PATH": str(self.hotline_secret_path),
            # P5: the tracker store seals every event with the API's data key ring (bot/rasa/tracker_store.py).
            "GZ_DATA_KEY_PATH": self.api_env()["GZ_DATA_KEY_PATH"],
            # The channels sign what users typed and which notice sections arrived (bot/core/evidence.py).
            EVIDENCE_KEY_ENV: str(self.evidence_key_path),
            "SANIC_WORKERS": str(self.sanic_workers()),
            # On SIGTERM Sanic waits this long for open connections (socket.io long-polls, idle keep-alives) before
            # closing them; its default, 15 s, outlasted the stop's own wait and ended every stop in a SIGKILL. A
            # turn in flight takes well under a second.
            "SANIC_GRACEFUL_SHUTDOWN_TIMEOUT": "3",
            # Rasa's telemetry would send usage events and, on a crash, the exception to Rasa's servers.
            "RASA_TELEMETRY_ENABLED": "false",
        }
        if self.profile == "scale":
            # Several Sanic workers: a delivery signed by one must reach the next message, whichever takes it.
            env["GZ_EVIDENCE_REDIS_URL"] = f"redis://{self.redis_host}:{self.redis_port}/{REDIS_EVIDENCE_DB}"
            # Flood control counts a sender's messages across every worker (bot/channels/flood.py).
            env.setdefault("GZ_FLOOD_REDIS_URL", f"redis://{self.redis_host}:{self.redis_port}/{REDIS_FLOOD_DB}")
        return env

    def endpoints_yaml(self, action_url: Optional[str] = None) -> str:
        lines = [
            "# Generated by bot/tools/stack.py for this run; see README 'Configuration'.",
            "action_endpoint:",
            f'  url: "{action_url or self.action_url}/webhook"',
            # Rasa substitutes the variable when it reads this file; bot/rasa/server.py sets it from the secret
            # file, so the secret is neither in this file nor on a command line.
            "  headers:",
            "    X-GZ-Action-Secret: ${GZ_ACTION_SECRET}",
        ]
        if self.profile == "scale":
            lines += [
                "tracker_store:",
                "  type: SQL",
                "  dialect: postgresql",
                f"  url: {self.pg_host}",
                f"  port: {self.pg_port}",
                f"  username: {self.pg_user}",
                f"  db: {self.pg_tracker_db}",
                f"  login_db: {self.pg_db}",
                "lock_store:",
                "  type: redis",
                f"  url: {self.redis_host}",
                f"  port: {self.redis_port}",
                f"  db: {REDIS_LOCK_DB}",
                "  key_prefix: gaozhi",
            ]
        else:
            lines += [
                "tracker_store:",
                "  type: SQL",
                "  dialect: sqlite",
                f"  db: {self.var_dir / 'rasa_tracker.db'}",
            ]
        return "\n".join(lines) + "\n"


class Stack:
    """Start, stop and restart the three servers; each runs in its own process group."""

    def __init__(self, config: StackConfig, model: Optional[Path] = None):
        self.config = config
        self.model = model
        self.procs: Dict[str, subprocess.Popen] = {}
        self.logs = config.var_dir / "logs"
        self.service_token: Optional[str] = None
        # Readiness URL of every process started on a port other than the configured one (replicas).
        self.ready_urls: Dict[str, str] = {}

    # --- preparation ------------------------------------------------------------------------------
    def prepare(self) -> None:
        if self.config.profile not in PROFILES:
            raise ValueError(f"GZ_PROFILE={self.config.profile!r}: the stack runs {' or '.join(PROFILES)}")
        # Whatever an earlier run (or an older version) left readable becomes private before anything starts.
        make_private(self.config.var_dir)
        self.logs.mkdir(exist_ok=True, mode=0o700)
        (self.config.var_dir / "keys").mkdir(exist_ok=True, mode=0o700)
        write_private(self.config.var_dir / "endpoints.yml", self.config.endpoints_yaml())
        env = dict(os.environ, **self.config.api_env())
        # P5: the data key ring (encryption at rest) that the API and Rasa's tracker store share; created here,
        # before either starts, so both open the same file (O_EXCL: whoever comes first creates it).
        load_data_key_ring(Path(env["GZ_DATA_KEY_PATH"]))
        # Alembic migration, catalogue versions, demo data and accounts, token secrets (idempotent).
        subprocess.run([str(API_PY), "-m", "api.cli", "init"], cwd=ROOT, env=env, check=True, umask=PRIVATE_UMASK)
        load_or_create_secret(self.config.hotline_secret_path)  # before the API and Rasa read it
        load_or_create_evidence_key(self.config.evidence_key_path)  # before Rasa and the API read it
        self.config.rasa_token()
        self.config.action_secret()
        self.config.metrics_token()
        self.service_token = self._read_service_token(env)
        make_private(self.config.var_dir)  # anything a helper above created with the caller's umask

    def _read_service_token(self, env: Dict[str, str]) -> str:
        # P5: the action server is a service client of the API; `api.cli init` created its token (0600).
        # Where the API keeps it (api.config.Settings.service_token_file): GZ_SERVICE_TOKEN_PATH, else the keys/
        # directory of GZ_VAR_DIR, else of this stack's var dir (the parent of the signing key's directory).
        var_dir = Path(env["GZ_VAR_DIR"]) if env.get("GZ_VAR_DIR") else self.config.var_dir
        path = Path(env.get("GZ_SERVICE_TOKEN_PATH") or var_dir / "keys" / "service.token")
        return path.read_text(encoding="ascii").strip()

    # --- processes --------------------------------------------------------------------------------
    def _spawn(self, name: str, cmd: List[str], env: Dict[str, str], denied: Tuple[str, ...] = ()) -> None:
        fd = os.open(str(self.logs / f"{name}.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        full_env = {k: v for k, v in os.environ.items() if k not in denied}
        full_env.update(env)
        with os.fdopen(fd, "ab") as log:
            self.procs[name] = subprocess.Popen(
                cmd, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                umask=PRIVATE_UMASK,
            )

    def start_api(self) -> None:
        self._spawn(
            "api",
            # --no-proxy-headers: uvicorn would otherwise take X-Forwarded-For from any client on loopback as the
            # client's address, and with it a fresh login rate limit (api/auth) for every forged address.
            [str(API_PY), "-m", "uvicorn", "api.main:create_app", "--factory", "--host", LOOPBACK,
             "--port", str(self.config.api_port), "--no-access-log", "--no-proxy-headers"],
            self.config.api_env(),
        )

    def start_actions(self, port: Optional[int] = None, name: str = "actions") -> None:
        """The action server; ``port`` and ``name`` start a replica (its log is ``logs/<name>.log``)."""
        if self.service_token is None:
            self.service_token = self._read_service_token(dict(os.environ, **self.config.api_env()))
        self.config.action_secret()  # exists before the server reads it, even without prepare()
        port = port or self.config.action_port
        if port != self.config.action_port:
            self.ready_urls[name] = f"http://{LOOPBACK}:{port}/health"
        self._spawn(
            name,
            # actions/server.py: rasa_sdk's app on loopback, refusing every caller without the action secret.
            [str(RASA_PY), "-m", "actions.server", "--actions", "actions", "--port", str(port)],
            {"GZ_API_URL": self.config.api_url, "TF_CPP_MIN_LOG_LEVEL": "3", "GZ_SERVICE_TOKEN": self.service_token,
             "GZ_ACTION_SECRET_PATH": str(self.config.action_secret_path),
             "GZ_METRICS_TOKEN_PATH": str(self.config.metrics_token_path)},
            denied=ACTION_SERVER_DENIED_ENV,
        )

    def start_rasa(self, port: Optional[int] = None, name: str = "rasa", action_port: Optional[int] = None) -> None:
        """The Rasa server; ``port``/``name`` start a replica, ``action_port`` points it at another action server."""
        assert self.model is not None, "no model"
        # The files Rasa reads its secrets from exist before it starts, even without prepare().
        self.config.rasa_token()
        self.config.action_secret()
        load_or_create_evidence_key(self.config.evidence_key_path)
        port = port or self.config.rasa_port
        endpoints = self.config.var_dir / "endpoints.yml"
        if action_port and action_port != self.config.action_port:
            endpoints = self.config.var_dir / f"endpoints-{name}.yml"
            write_private(endpoints, self.config.endpoints_yaml(f"http://{LOOPBACK}:{action_port}"))
        if port != self.config.rasa_port:
            self.ready_urls[name] = f"http://{LOOPBACK}:{port}/status?token={self.config.rasa_token()}"
        self._spawn(
            name,
            # The token protecting the HTTP API (trackers, /model) is read from GZ_RASA_TOKEN_PATH by
            # bot.rasa.server (`rasa run` plus the fixes the benchmark's profile found, see its docstring), never
            # passed here; the channels' webhooks stay open, on loopback.
            [str(RASA_PY), "-m", "bot.rasa.server", "run", "--enable-api", "-i", LOOPBACK,
             "--cors", "*", "--port", str(port), "--model", str(self.model), "--endpoints", str(endpoints),
             "--credentials", str(self.config.credentials),
             "--logging-config-file", str(ROOT / "bot" / "logging.yml")],
            {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_INTRA_OP_PARALLELISM_THREADS": "2", "TF_INTER_OP_PARALLELISM_THREADS": "1",
             **self.config.rasa_env()},
        )

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=timeout)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()

    def stop_all(self) -> None:
        # Rasa servers first (they call the action servers), then the action servers (they call the API).
        order = {"rasa": 0, "actions": 1, "api": 2}
        for name in sorted(self.procs, key=lambda n: min((v for k, v in order.items() if n.startswith(k)), default=1)):
            self.stop(name)

    # --- readiness --------------------------------------------------------------------------------
    def wait_ready(self, name: str, timeout: float = 180.0, abort: Optional[Callable[[], bool]] = None) -> None:
        """Until ``name`` answers its readiness URL; ``abort`` (when it returns True) ends the wait with
        InterruptedError, so that a stop requested meanwhile is not held up by a server still loading."""
        url = self.ready_urls.get(name) or {
            "api": f"{self.config.api_url}/health",
            "actions": f"{self.config.action_url}/health",
            "rasa": f"{self.config.rasa_url}/status?token={self.config.rasa_token()}",
        }[name]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if abort is not None and abort():
                raise InterruptedError(f"stopped while waiting for {name}")
            proc = self.procs.get(name)
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}; see {self.logs / (name + '.log')}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{name} not ready after {timeout:.0f} s; see {self.logs / (name + '.log')}")

    def start_all(self, abort: Optional[Callable[[], bool]] = None) -> None:
        self.start_api()
        self.start_actions()
        self.start_rasa()
        for name in ("api", "actions", "rasa"):
            self.wait_ready(name, abort=abort)

    # --- supervision ------------------------------------------------------------------------------
    def restart_rasa(self) -> None:
        """Rasa again, with the model an admin activated since the stack started (the console hot-swaps it into
        the running server and records it in ``var/active_model``), else the one it started with."""
        from bot.tools.model import active_model

        self.model = active_model(self.config.var_dir, verbose=False) or self.model
        self.start_rasa()

    def supervisor(self, policy: Optional["RestartPolicy"] = None, echo: bool = True) -> "Supervisor":
        """A supervisor of the three servers; it logs to ``logs/supervisor.log`` (and to stdout with ``echo``)."""
        log_path = self.logs / "supervisor.log"

        def log(line: str) -> None:
            stamped = f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')} {line}"
            if echo:
                print(stamped, flush=True)
            fd = os.open(str(log_path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(stamped + "\n")

        return Supervisor(
            self.procs,
            {"api": self.start_api, "actions": self.start_actions, "rasa": self.restart_rasa},
            lambda name, abort: self.wait_ready(name, abort=abort),
            self.stop_all,
            policy=policy or RestartPolicy(),
            log=log,
        )


@dataclass(frozen=True)
class RestartPolicy:
    """How long to wait before restarting a crashed server, and when to stop trying."""

    first_delay: float = 0.5
    max_delay: float = 30.0
    # A server that keeps dying (a broken model, a database it cannot open, a port someone else took) is not
    # helped by more restarts: after this many crashes in a row the stack stops. A crash is one more in a row
    # unless the server had served for ``window`` seconds before it; crashes while starting always are, so a
    # server that dies while loading gives up too however long each attempt takes (Rasa needs a minute).
    max_crashes: int = 5
    window: float = 60.0

    def delay(self, crashes: int) -> float:
        """The pause before the restart that follows the ``crashes``-th crash in a row (1, 2, ...)."""
        return min(self.max_delay, self.first_delay * 2 ** max(0, crashes - 1))


def describe_exit(returncode: Optional[int]) -> str:
    """``exited with code 3``, ``killed by SIGKILL``: how a child process ended, for the log."""
    if returncode is None:
        return "did not become ready"
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exited with code {returncode}"


class Supervisor:
    """Keep named child processes running until a stop is requested.

    ``procs`` is the live map of name to process (the stack's, which its start functions fill in); ``start`` has
    one function per supervised name that starts it anew; ``wait_ready(name, abort)`` returns once the restarted
    process serves, raises when it cannot (its process exited, a timeout) or InterruptedError once ``abort()``
    is true; ``stop_all`` stops everything. A process missing from ``procs`` was stopped on purpose by its owner
    and is not restarted.

    ``run`` returns ``"stopped"`` after ``request_stop`` (Ctrl-C, SIGTERM) or the reason it gave up; either way
    every process has been stopped by then. Nothing is restarted once a stop was requested, not even a process
    whose restart pause had already begun.
    """

    def __init__(
        self,
        procs: Dict[str, subprocess.Popen],
        start: Mapping[str, Callable[[], None]],
        wait_ready: Callable[[str, Callable[[], bool]], None],
        stop_all: Callable[[], None],
        *,
        policy: RestartPolicy = RestartPolicy(),
        log: Callable[[str], None] = print,
        poll_interval: float = 0.5,
    ) -> None:
        self.procs = procs
        self.start = dict(start)
        self.wait_ready = wait_ready
        self.stop_all = stop_all
        self.policy = policy
        self.log = log
        self.poll_interval = poll_interval
        self.stopping = False
        # (name, seconds from noticing the crash to serving again), for the log and the tests.
        self.restarts: List[Tuple[str, float]] = []
        self._in_a_row: Dict[str, int] = {}
        self._serving_since: Dict[str, float] = {}

    def request_stop(self) -> None:
        """Stop everything, restart nothing. Only sets a flag: safe to call from a signal handler."""
        self.stopping = True

    def run(self) -> str:
        reason = "stopped"
        for name in self.start:  # the stack started and awaited them before handing them over
            self._serving_since.setdefault(name, time.monotonic())
        try:
            while not self.stopping:
                for name in self.start:
                    proc = self.procs.get(name)
                    if self.stopping or proc is None or proc.poll() is None:
                        continue
                    gave_up = self._recover(name, proc)
                    if gave_up:
                        reason = gave_up
                        self.stopping = True
                if not self.stopping:
                    self._pause(self.poll_interval)
        finally:
            self.stop_all()
        return reason

    # --- one crashed process --------------------------------------------------------------------------
    def _recover(self, name: str, proc: subprocess.Popen) -> Optional[str]:
        """Restart ``name`` until it serves again; the reason when it crashed too often, else None."""
        noticed = time.monotonic()
        how = describe_exit(proc.returncode)
        _kill_group(proc)  # a child it left behind in its group would keep its port
        if noticed - self._serving_since.get(name, noticed) >= self.policy.window:
            self._in_a_row[name] = 0  # it had served a while: this crash starts a new count
        while True:
            crashes = self._in_a_row[name] = self._in_a_row.get(name, 0) + 1
            if crashes >= self.policy.max_crashes:
                reason = (f"{name} crashed {crashes} times in a row, never serving {self.policy.window:g} s "
                          f"in between (last: {how})")
                self.log(f"supervisor: giving up - {reason}; stopping everything")
                return reason
            delay = self.policy.delay(crashes)
            self.log(f"supervisor: {name} {how} (crash {crashes} in a row); restarting it in {delay:g} s")
            if not self._pause(delay):
                return None  # a stop was requested during the pause: nothing is restarted
            try:
                self.start[name]()
                self.wait_ready(name, lambda: self.stopping)
            except InterruptedError:
                return None
            except Exception as error:  # noqa: BLE001 - whatever kept it from serving counts as one more crash
                self.log(f"supervisor: {name} did not come back ({type(error).__name__}: {error})")
                started = self.procs.get(name)
                if started is None or started is proc:
                    how = "could not be started"
                elif started.poll() is None:
                    _kill_group(started)  # alive but not serving: it is stopped and counted as a crash
                    started.wait()
                    how = "did not become ready"
                    proc = started
                else:
                    _kill_group(started)
                    how = describe_exit(started.returncode)
                    proc = started
                continue
            self._serving_since[name] = time.monotonic()
            took = self._serving_since[name] - noticed
            self.restarts.append((name, took))
            self.log(f"supervisor: {name} restarted, serving again after {took:.1f} s")
            return None

    def _pause(self, seconds: float) -> bool:
        """Sleep ``seconds`` in short steps; False as soon as a stop is requested."""
        deadline = time.monotonic() + seconds
        while not self.stopping:
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            time.sleep(min(0.1, left))
        return False


def stop_on_signals(supervisor: Supervisor) -> None:
    """Ctrl-C (SIGINT) and SIGTERM to this process stop everything and restart nothing. The servers run in
    sessions of their own, so the terminal's Ctrl-C reaches only this process, which stops them in order."""

    def _stop(signum, frame):  # noqa: ARG001
        supervisor.request_stop()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL what is left of ``proc``'s process group (each server is the leader of its own session)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def build_artifacts() -> None:
    """Generate what Rasa needs from the catalogue (single source): jieba dictionary, lookup table."""
    subprocess.run([str(RASA_PY), "-m", "bot.tools.build"], cwd=ROOT, check=True)


def up(args: argparse.Namespace) -> int:
    from bot.tools.model import active_model, ensure_model

    # This process writes keys and endpoints under var/ too: private from the start, like its children.
    os.umask(PRIVATE_UMASK)
    config = StackConfig()
    build_artifacts()
    # The model an admin activated in the console survives a restart; without one, the hash-cached model.
    model = active_model(config.var_dir) or ensure_model()
    stack = Stack(config, model)
    stack.prepare()
    supervisor = stack.supervisor()
    stop_on_signals(supervisor)
    outcome = "stopped"
    try:
        print("starting API, action server and Rasa (logs in var/logs/) ...", flush=True)
        try:
            stack.start_all(abort=lambda: supervisor.stopping)
        except InterruptedError:  # Ctrl-C while Rasa was still loading
            return 0
        print(
            f"""
告知承诺 assistant is running (profile: {config.profile}).
  Rasa REST channel : {config.rasa_url}/webhooks/rest/webhook
  Action server     : {config.action_url}
  API               : {config.api_url}  (docs: {config.api_url}/docs)
  Website widget    : {config.api_url}/  (demo citizen portal; the widget talks to Rasa's socket.io channel)
  SMS outbox        : {os.environ.get("GZ_SMS_OUTBOX_PATH") or config.var_dir / "sms-outbox.jsonl"}
                      (one-time codes "sent" to the demo people's phones land here; tail -n1 shows the newest)

Talk to it with curl:
  curl -s -X POST {config.rasa_url}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
       -d '{{"sender": "demo1", "message": "我想申请公租房"}}'

or chat in a terminal (another shell):
  .venv/bin/python -m bot.tools.chat

A server that crashes is restarted (var/logs/supervisor.log says when and why).
Press Ctrl-C to stop everything.
""",
            flush=True,
        )
        outcome = supervisor.run()
    finally:
        print("stopping ...", flush=True)
        stack.stop_all()
        print("stopped." if outcome == "stopped" else f"stopped: {outcome}.", flush=True)
    return 0 if outcome == "stopped" else 1


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.stack")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="prepare and run the whole assistant until Ctrl-C")
    args = parser.parse_args(argv)
    if args.command == "up":
        return up(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
