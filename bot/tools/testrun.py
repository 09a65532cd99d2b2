"""The whole test suite (`make test`, called by .ci/run).

The API and the Rasa side live in two virtualenvs, so the suite is several pytest runs:
  1. .venv-api: tests/core (shared rules) and tests/api (FastAPI, Alembic, signing, chain) on a real database;
  2. .venv:     tests/core again (the same rules must hold in both environments), tests/actions, tests/bot
     (training data validation, story tests, held-out NLU and discovery figures), tests/e2e (real servers
     over HTTP), tests/wechat (the WeChat channel: unit tests, and signed XML against its own stack with a
     fake WeChat API server) and tests/browser (the website widget in Debian's headless Chromium, on the e2e stack),
     in three runs: the suites on the session's stack, the modules with stacks of their own, and the others.
Each run's wall time and slowest tests are listed at the end (pytest's --durations).
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
import re
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


# Every pytest run lists its slowest tests (pytest's --durations), and the summary repeats them under the run's
# wall time: the next person sees where the time goes without running anything again.
SLOWEST = 15


# One line of that list: "12.34s call     tests/e2e/test_journey.py::test_...".
DURATION_LINE = re.compile(r"^\d+(\.\d+)?s\s+(setup|call|teardown)\s+\S")


def slowest_tests(output: str) -> List[str]:
    """The lines of pytest's "slowest N durations" section in a run's output (none when it has no such section).
    With -q the run's last line ("97 passed in ...") may follow the list directly."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("=") and " durations " in line
                  and "slowest" in line), None)
    if start is None:
        return []
    section = []
    for line in lines[start + 1:]:
        if not DURATION_LINE.match(line):
            break
        section.append(line)
    return section


def run(label: str, cmd: list[str], env: dict[str, str], log: Path | None = None,
        timings: Optional[List[str]] = None) -> int:
    """One pytest run; with ``log`` its output goes to that file (lanes run side by side) instead of ours. Its
    wall time (and, from the log, its slowest tests) is appended to ``timings`` for the final summary."""
    print(f"\n=== {label}: {' '.join(cmd)}" + (f" > {log.relative_to(ROOT)}" if log else ""), flush=True)
    started = time.monotonic()
    slowest: List[str] = []
    if log is None:
        code = subprocess.run(cmd, cwd=ROOT, env=env).returncode
    else:
        with log.open("w") as out:
            code = subprocess.run(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
        output = log.read_text(errors="replace")
        summary = [line for line in output.splitlines() if line.strip()][-1:]
        print(f"=== {label}: {summary[0] if summary else '(no output)'}", flush=True)
        slowest = slowest_tests(output)
    took = time.monotonic() - started
    print(f"=== {label}: exit {code} in {took:.0f} s", flush=True)
    if timings is not None:
        # One extend of a whole list: the other lane's lines never land in the middle of this run's.
        timings.extend([f"{label}: {took / 60:.1f} min (exit {code})", *(f"    {line}" for line in slowest)])
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
        [*RASA_UNITS, *RASA_STACK_SUITES, *RASA_OWN_STACKS]
        if profile == "embedded"
        # tests/wechat on scale: the channel's store is Redis; tests/scale: replicas, PostgreSQL restart;
        # hostile chat input again with the PostgreSQL tracker store and the API on PostgreSQL.
        else ["tests/e2e", "tests/wechat", "tests/scale", "tests/fuzz/test_hostile_chat.py"]
    )
    return api_targets, rasa_targets


# The Rasa venv's embedded suites in three runs that can go side by side: the ones that start no server; the
# suites on the session's real stack (tests/conftest.py ``stack``); and the modules that start stacks of their
# own and never use the session's: tests/wechat's (tests/security's WeChat attack runs on the same one), the
# self-healing and disk-fault stacks, and the admin console's, which trains and evaluates a model (the longest
# test, ~4 min). In a run of their own they start no server more than they would in the session's run, and
# that run, the longest of the suite, gets shorter by as much.
RASA_UNITS = ["tests/core", "tests/actions", "tests/bot"]
RASA_STACK_SUITES = ["tests/e2e", "tests/security", "tests/browser", "tests/fuzz"]
RASA_OWN_STACKS = ["tests/wechat", "tests/security/test_wechat_undelivered.py", "tests/e2e/test_disk_faults.py",
                   "tests/e2e/test_self_healing.py", "tests/browser/test_admin_console.py"]


def session_stack_targets() -> Tuple[str, ...]:
    """The suites on the session's stack, without the modules of ``RASA_OWN_STACKS`` inside their directories."""
    inside = [t for t in RASA_OWN_STACKS if any(t.startswith(d + "/") for d in RASA_STACK_SUITES)]
    return (*RASA_STACK_SUITES, *(f"--ignore={t}" for t in inside))


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
                      Run("rasa-venv", profile, session_stack_targets(), "stack")]
            then += [Run("rasa-venv", profile, tuple(RASA_OWN_STACKS), "own-stacks")]
            last += [Run("rasa-venv", profile, tuple(RASA_UNITS), "units")]
        else:
            alone = tuple(t for t in api_targets if t in LAST_ON_THEIR_OWN)
            first += [Run("api-venv", profile, tuple(t for t in api_targets if t not in alone))]
            then += [Run("rasa-venv", profile, tuple(rasa_targets))]
            last += [Run("api-venv", profile, alone, "schema")] if alone else []
    return first + then + last


def pytest_command(planned_run: Run, extra: List[str]) -> List[str]:
    """The run's pytest command line; ``extra`` (PYTEST_ARGS) comes last, so it may change what comes before."""
    python = ROOT / (".venv-api/bin/python" if planned_run.venv == "api-venv" else ".venv/bin/python")
    return [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--durations={SLOWEST}",
            *planned_run.targets, *extra]


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


LANES = 2  # one per core of the machine the figures in README were measured on


def lane_count(setting: str) -> int:
    """GZ_TEST_LANES: a whole number of lanes, at least 1; ``LANES`` when unset or not a number."""
    return max(1, int(setting)) if setting.strip().isdigit() else LANES


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
    # GZ_TEST_LANES=3 and more: as many lanes, for a machine with more cores.
    lanes = lane_count(os.environ.get("GZ_TEST_LANES", ""))
    side_by_side = lanes > 1
    print(f"test profiles: {', '.join(profiles)}; lanes: {lanes}" + (" side by side" if side_by_side else ""),
          flush=True)
    base_env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    logs = ROOT / "var" / "test-logs"
    logs.mkdir(parents=True, exist_ok=True)
    planned = runs(profiles)
    queue = Queue(planned)
    failures: List[str] = []
    timings: List[str] = []

    def prepare_model() -> None:
        # Only the Rasa side needs the generated artefacts and the trained model (cached by input hash).
        for tool in ("bot.tools.build", "bot.tools.model"):
            code = run(tool, [str(ROOT / ".venv/bin/python"), "-m", tool], base_env, timings=timings)
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
            log = logs / planned_run.log_name if side_by_side else None
            code = run(planned_run.label, pytest_command(planned_run, extra), run_env(planned_run), log, timings)
            if code:
                failures.append(f"{planned_run.label} (exit {code})")

    if side_by_side:
        threads = [threading.Thread(target=lane, args=(prepare_model,)),
                   *(threading.Thread(target=lane) for _ in range(lanes - 1))]
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
    print("\nwall time of each run, in the order they ended, with its slowest tests:", flush=True)
    print("\n".join(timings), flush=True)
    if failures:
        print(f"\nFAILED: {', '.join(failures)} — total {minutes:.1f} min", flush=True)
        return 1
    print(f"\nall suites passed — total {minutes:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
