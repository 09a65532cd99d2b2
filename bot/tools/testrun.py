"""The whole test suite (`make test`, called by .ci/run).

The API and the Rasa side live in two virtualenvs, so the suite is several pytest runs:
  1. .venv-api: tests/core (shared rules) and tests/api (FastAPI, Alembic, signing, chain) on a real database;
  2. .venv:     tests/core again (the same rules must hold in both environments), tests/actions, tests/bot
     (training data validation, story tests, held-out NLU and discovery figures), tests/e2e (real servers
     over HTTP), tests/wechat (the WeChat channel: unit tests, and signed XML against its own stack with a
     fake WeChat API server) and tests/browser (the website widget in Debian's headless Chromium, on the e2e stack),
     in two runs: the suites on real servers, and the others.
Before any run in .venv, the catalogue build step runs and the model is trained if its inputs changed (cached
by hash); the API runs need neither and start at once.

Profiles: GZ_TEST_PROFILES=embedded or "embedded,scale". Unset, the suite runs the embedded profile and,
when PostgreSQL (127.0.0.1:5432, database `test`) and Redis (127.0.0.1:6379) answer, runs the API and e2e
suites again on them (the scale profile); it says which profiles ran.

Extra pytest arguments: PYTEST_ARGS="-k proxy -x" make test.
pytest's exit code 5 (nothing collected, e.g. a -k filter that matches nothing in one venv) is reported
and treated as success; every other non-zero code fails the run.
"""
from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
NO_TESTS_COLLECTED = 5


def scale_services_up() -> bool:
    """PostgreSQL and Redis reachable on their usual local ports (the scale profile's defaults)."""
    for port in (int(os.environ.get("GZ_PG_PORT", "5432")), int(os.environ.get("GZ_REDIS_PORT", "6379"))):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return False
    return True


def run(label: str, cmd: list[str], env: dict[str, str], log: Path | None = None) -> int:
    """One pytest run; with ``log`` its output goes to that file (lanes run side by side) instead of ours."""
    print(f"\n=== {label}: {' '.join(cmd)}" + (f" > {log.relative_to(ROOT)}" if log else ""), flush=True)
    started = time.monotonic()
    if log is None:
        code = subprocess.run(cmd, cwd=ROOT, env=env).returncode
    else:
        with log.open("w") as out:
            code = subprocess.run(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
        summary = [line for line in log.read_text(errors="replace").splitlines() if line.strip()][-1:]
        print(f"=== {label}: {summary[0] if summary else '(no output)'}", flush=True)
    print(f"=== {label}: exit {code} in {time.monotonic() - started:.0f} s", flush=True)
    if code == NO_TESTS_COLLECTED:
        print(f"=== {label}: no tests collected (pytest exit 5) - treated as success", flush=True)
        return 0
    return code


def suites(profile: str) -> tuple[list[str], list[str]]:
    """What each virtualenv runs in a profile: (API venv targets, Rasa venv targets)."""
    # tests/deploy runs in the API venv: kubernetes-validate needs jsonschema >= 4.18, Rasa 3.6 pins < 4.18.
    # tests/fuzz/test_api_schema.py: schemathesis against the API's OpenAPI schema (API venv only).
    api_fuzz = ["tests/fuzz/test_api_schema.py", "tests/fuzz/test_core_properties.py"]
    api_targets = (["tests/core", "tests/api", "tests/deploy", *api_fuzz] if profile == "embedded"
                   else ["tests/api", "tests/fuzz/test_api_schema.py"])
    rasa_targets = (
        # tests/browser: the website widget in headless Chromium, against the same stack as tests/e2e.
        # tests/security: the attacks on the evidence and the servers, as real requests against the stack.
        [*RASA_UNITS, *RASA_STACK_SUITES]
        if profile == "embedded"
        # tests/wechat on scale: the channel's store is Redis; tests/scale: replicas, PostgreSQL restart;
        # hostile chat input again with the PostgreSQL tracker store and the API on PostgreSQL.
        else ["tests/e2e", "tests/wechat", "tests/scale", "tests/fuzz/test_hostile_chat.py"]
    )
    return api_targets, rasa_targets


# The Rasa venv's embedded suites in two runs that can go side by side: the suites on the session's real stack
# (tests/conftest.py ``stack``; tests/security also uses tests/wechat's stack, so the two go together), and the
# ones that start none.
RASA_UNITS = ["tests/core", "tests/actions", "tests/bot"]
RASA_STACK_SUITES = ["tests/e2e", "tests/security", "tests/wechat", "tests/browser", "tests/fuzz"]


@dataclass(frozen=True)
class Run:
    """One pytest run: a profile's targets in one virtualenv (``part`` names one of several in the same)."""

    venv: str  # "api-venv" or "rasa-venv"
    profile: str
    targets: Tuple[str, ...]
    part: str = ""

    @property
    def label(self) -> str:
        return f"{self.profile}/{self.venv}" + (f"/{self.part}" if self.part else "")

    @property
    def log_name(self) -> str:
        return self.label.replace("/", "-") + ".log"

    @property
    def needs_model(self) -> bool:
        return self.venv == "rasa-venv"


# Runs on their own at the end of the queue: short (the schema fuzzing of the scale API is one test of ~45 s),
# so whichever lane frees up first takes them and the two lanes end close together.
LAST_ON_THEIR_OWN = ("tests/fuzz/test_api_schema.py",)


def runs(profiles: List[str]) -> List[Run]:
    """Every pytest run of the profiles, in the order they are started: the longest first (the embedded API
    run, the Rasa venv's suites on real servers, the scale API run), the short ones last (the Rasa venv's
    suites without servers, the scale API's schema fuzzing), so that the two lanes end close together (see
    ``main``)."""
    first: List[Run] = []
    then: List[Run] = []
    last: List[Run] = []
    for profile in profiles:
        api_targets, rasa_targets = suites(profile)
        if profile == "embedded":
            first += [Run("api-venv", profile, tuple(api_targets)),
                      Run("rasa-venv", profile, tuple(RASA_STACK_SUITES), "stack")]
            last += [Run("rasa-venv", profile, tuple(RASA_UNITS), "units")]
        else:
            alone = tuple(t for t in api_targets if t in LAST_ON_THEIR_OWN)
            first += [Run("api-venv", profile, tuple(t for t in api_targets if t not in alone))]
            then += [Run("rasa-venv", profile, tuple(rasa_targets))]
            last += [Run("api-venv", profile, alone, "schema")] if alone else []
    return first + then + last


def profile_env(base_env: dict[str, str], profile: str) -> dict[str, str]:
    env = dict(base_env, GZ_PROFILE=profile)
    if profile == "scale":
        env.setdefault("GZ_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    return env


class Queue:
    """The runs not started yet, handed out in order to whichever lane is free. A run in the Rasa venv waits
    until the model is ready; a lane that would wait takes a run that does not need it first."""

    def __init__(self, planned: List[Run]):
        self.pending = list(planned)
        self.model = threading.Event()
        self.model_failed = False
        self.lock = threading.Condition()

    def model_done(self, ok: bool) -> None:
        with self.lock:
            self.model_failed = not ok
            self.model.set()
            self.lock.notify_all()

    def take(self) -> Optional[Run]:
        with self.lock:
            while self.pending:
                ready = [r for r in self.pending if not r.needs_model or self.model.is_set()]
                if ready:
                    self.pending.remove(ready[0])
                    return ready[0]
                self.lock.wait()
            return None


def main() -> int:
    started = time.monotonic()
    extra = shlex.split(os.environ.get("PYTEST_ARGS", ""))
    default = "embedded,scale" if scale_services_up() else "embedded"
    profiles = [p.strip() for p in os.environ.get("GZ_TEST_PROFILES", default).split(",") if p.strip()]
    # Two lanes side by side. One starts the API suites at once while the other prepares the model; then each
    # takes the next run (the list of ``runs``) when it is free, so the Rasa venv's runs are spread over both
    # lanes once the API's are done: most of their time is spent waiting on real servers, and the API suites
    # keep one core busy. Nothing is shared between runs: each test makes its own database (SQLite file,
    # PostgreSQL schema or database), the stacks take free ports and their own var directories, and the generated
    # artefacts are built once here, before any run starts (GZ_TEST_ARTEFACTS_BUILT: the fixtures then leave
    # them alone instead of rewriting files a run beside them reads). GZ_TEST_LANES=1 runs one after the other.
    side_by_side = os.environ.get("GZ_TEST_LANES", "2") != "1"
    print(f"test profiles: {', '.join(profiles)}; lanes: {'two side by side' if side_by_side else 'one'}",
          flush=True)
    base_env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    logs = ROOT / "var" / "test-logs"
    logs.mkdir(parents=True, exist_ok=True)
    planned = runs(profiles)
    queue = Queue(planned)
    failures: List[str] = []

    def prepare_model() -> None:
        # Only the Rasa side needs the generated artefacts and the trained model (cached by input hash).
        for tool in ("bot.tools.build", "bot.tools.model"):
            code = run(tool, [str(ROOT / ".venv/bin/python"), "-m", tool], base_env)
            if code:
                failures.append(f"model ({tool} failed)")
                queue.model_done(False)
                return
        queue.model_done(True)

    def run_env(planned_run: Run) -> dict[str, str]:
        env = profile_env(base_env, planned_run.profile)
        if planned_run.needs_model:
            env["GZ_TEST_ARTEFACTS_BUILT"] = "1"  # prepare_model built them (tests/conftest.py build_artefacts)
        return env

    def lane(first: Optional[Callable[[], None]] = None) -> None:
        if first is not None:
            first()
        while (planned_run := queue.take()) is not None:
            if planned_run.needs_model and queue.model_failed:
                failures.append(f"{planned_run.label} (not run: no model)")
                continue
            python = ROOT / (".venv-api/bin/python" if planned_run.venv == "api-venv" else ".venv/bin/python")
            log = logs / planned_run.log_name if side_by_side else None
            code = run(planned_run.label,
                       [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *planned_run.targets, *extra],
                       run_env(planned_run), log)
            if code:
                failures.append(f"{planned_run.label} (exit {code})")

    if side_by_side:
        threads = [threading.Thread(target=lane), threading.Thread(target=lane, args=(prepare_model,))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The failing runs' reports, last, where a CI log's tail shows them.
        for planned_run in planned:
            name = logs / planned_run.log_name
            if name.exists() and any(f.startswith(planned_run.label + " ") for f in failures):
                lines = name.read_text(errors="replace").splitlines()
                print(f"\n=== {planned_run.label}: the last {min(len(lines), 400)} lines of {name.relative_to(ROOT)}")
                print("\n".join(lines[-400:]), flush=True)
    else:
        prepare_model()
        lane()

    minutes = (time.monotonic() - started) / 60
    if failures:
        print(f"\nFAILED: {', '.join(failures)} — total {minutes:.1f} min", flush=True)
        return 1
    print(f"\nall suites passed — total {minutes:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
