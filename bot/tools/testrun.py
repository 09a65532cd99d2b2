"""The whole test suite (`make test`, called by .ci/run).

The API and the Rasa side live in two virtualenvs, so the suite is two pytest runs:
  1. .venv-api: tests/core (shared rules) and tests/api (FastAPI, Alembic, signing, chain) on a real database;
  2. .venv:     tests/core again (the same rules must hold in both environments), tests/actions, tests/bot
     (training data validation, story tests, held-out NLU and discovery figures), tests/e2e (real servers
     over HTTP), tests/wechat (the WeChat channel: unit tests, and signed XML against its own stack with a
     fake WeChat API server) and tests/browser (the website widget in Debian's headless Chromium, on the e2e stack).
The Rasa lane first runs the catalogue build step and trains the model if its inputs changed (cached by hash);
the API lane needs neither and starts at once.

Profiles: GZ_TEST_PROFILES=embedded or "embedded,scale". Unset, the suite runs the embedded profile and then,
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
import time
from pathlib import Path

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
        ["tests/core", "tests/actions", "tests/bot", "tests/e2e", "tests/security", "tests/wechat", "tests/browser",
         "tests/fuzz"]
        if profile == "embedded"
        # tests/wechat on scale: the channel's store is Redis; tests/scale: replicas, PostgreSQL restart;
        # hostile chat input again with the PostgreSQL tracker store and the API on PostgreSQL.
        else ["tests/e2e", "tests/wechat", "tests/scale", "tests/fuzz/test_hostile_chat.py"]
    )
    return api_targets, rasa_targets


def profile_env(base_env: dict[str, str], profile: str) -> dict[str, str]:
    env = dict(base_env, GZ_PROFILE=profile)
    if profile == "scale":
        env.setdefault("GZ_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    return env


def main() -> int:
    started = time.monotonic()
    extra = shlex.split(os.environ.get("PYTEST_ARGS", ""))
    default = "embedded,scale" if scale_services_up() else "embedded"
    profiles = [p.strip() for p in os.environ.get("GZ_TEST_PROFILES", default).split(",") if p.strip()]
    # Two lanes side by side, one per virtualenv: the API suites run in one process on one core while the Rasa
    # suites mostly wait on their servers, so together they take little more than the longer lane. Nothing is
    # shared between them: each test makes its own database (SQLite file, PostgreSQL schema or database), the
    # stacks take free ports and their own var directories. GZ_TEST_LANES=1 runs them one after the other.
    side_by_side = os.environ.get("GZ_TEST_LANES", "2") != "1"
    print(f"test profiles: {', '.join(profiles)}; lanes: {'API and Rasa side by side' if side_by_side else 'one'}",
          flush=True)
    base_env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    logs = ROOT / "var" / "test-logs"
    logs.mkdir(parents=True, exist_ok=True)

    def prepare_model() -> int:
        # Only the Rasa side needs the generated artefacts and the trained model (cached by input hash).
        for tool in ("bot.tools.build", "bot.tools.model"):
            code = run(tool, [str(ROOT / ".venv/bin/python"), "-m", tool], base_env)
            if code:
                return code
        return 0

    def lane(venv: str, index: int, failures: list[str]) -> None:
        if venv == "rasa-venv" and prepare_model():
            failures.append("model (build or training failed)")
            return
        python = ROOT / (".venv-api/bin/python" if venv == "api-venv" else ".venv/bin/python")
        for profile in profiles:
            label = f"{profile}/{venv}"
            targets = suites(profile)[index]
            log = logs / f"{profile}-{venv}.log" if side_by_side else None
            code = run(label, [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets, *extra],
                       profile_env(base_env, profile), log)
            if code:
                failures.append(f"{label} (exit {code})")

    failures: list[str] = []
    if side_by_side:
        import threading

        threads = [threading.Thread(target=lane, args=(venv, i, failures)) for i, venv in
                   enumerate(("api-venv", "rasa-venv"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The failing runs' reports, last, where a CI log's tail shows them.
        for name in sorted(logs.glob("*.log")):
            label = name.stem.replace("-api-venv", "/api-venv").replace("-rasa-venv", "/rasa-venv")
            if any(f.startswith(label + " ") for f in failures):
                lines = name.read_text(errors="replace").splitlines()
                print(f"\n=== {label}: the last {min(len(lines), 400)} lines of {name.relative_to(ROOT)}")
                print("\n".join(lines[-400:]), flush=True)
    else:
        for i, venv in enumerate(("api-venv", "rasa-venv")):
            lane(venv, i, failures)

    minutes = (time.monotonic() - started) / 60
    if failures:
        print(f"\nFAILED: {', '.join(failures)} — total {minutes:.1f} min", flush=True)
        return 1
    print(f"\nall suites passed — total {minutes:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
