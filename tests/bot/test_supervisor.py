"""The stack's supervisor (bot/tools/stack.py ``Supervisor``) with real child processes: a killed process comes
back after a pause that doubles, one that keeps crashing makes the supervisor give up and stop everything, and a
requested stop restarts nothing - not even a process whose restart pause had already begun."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List

import pytest

from bot.tools.stack import RestartPolicy, Supervisor

# A server stand-in: says it serves (a file named after its pid) and then serves until it is stopped.
SERVE = "import os, sys, time; open(os.path.join(sys.argv[1], f'{os.getpid()}.ready'), 'w').close(); time.sleep(120)"
CRASH = "import sys; sys.exit(3)"


class Children:
    """Named child processes, each the leader of its own session like the stack's servers, with the stack's
    ``start``/``wait_ready``/``stop_all`` contract."""

    def __init__(self, tmp: Path, scripts: Dict[str, str]):
        self.tmp = tmp
        self.scripts = scripts
        self.procs: Dict[str, subprocess.Popen] = {}
        self.started: Counter = Counter()
        self.all: List[subprocess.Popen] = []
        self.lines: List[str] = []

    def starter(self, name: str) -> Callable[[], None]:
        def start() -> None:
            self.started[name] += 1
            proc = subprocess.Popen([sys.executable, "-c", self.scripts[name], str(self.tmp)], start_new_session=True)
            self.procs[name] = proc
            self.all.append(proc)
        return start

    def wait_ready(self, name: str, abort: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if abort():
                raise InterruptedError(name)
            proc = self.procs[name]
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}")
            if (self.tmp / f"{proc.pid}.ready").exists():
                return
            time.sleep(0.02)
        raise TimeoutError(name)

    def stop_all(self) -> None:
        for name in list(self.procs):
            proc = self.procs.pop(name)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)

    def supervisor(self, policy: RestartPolicy) -> Supervisor:
        return Supervisor(self.procs, {name: self.starter(name) for name in self.scripts}, self.wait_ready,
                          self.stop_all, policy=policy, log=self.lines.append, poll_interval=0.05)

    def start_all(self) -> None:
        for name in self.scripts:
            self.starter(name)()
            self.wait_ready(name, lambda: False)

    def log_with(self, text: str) -> List[str]:
        return [line for line in self.lines if text in line]

    def cleanup(self) -> None:
        for proc in self.all:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


@pytest.fixture
def children(tmp_path):
    made: List[Children] = []

    def make(scripts: Dict[str, str]) -> Children:
        c = Children(tmp_path, scripts)
        made.append(c)
        c.start_all()
        return c

    yield make
    for c in made:
        c.cleanup()


class Running:
    """``Supervisor.run`` in a thread, as ``make up`` runs it in its main loop."""

    def __init__(self, supervisor: Supervisor):
        self.supervisor = supervisor
        self.outcome: List[str] = []
        self.thread = threading.Thread(target=lambda: self.outcome.append(supervisor.run()), daemon=True)
        self.thread.start()

    def finished(self, timeout: float) -> str:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the supervisor did not stop"
        return self.outcome[0]


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def kill_and_time_comeback(c: Children, name: str) -> float:
    """SIGKILL ``name``; seconds until its successor serves (and the supervisor has seen it serve)."""
    old = c.procs[name]
    restarted = len(c.log_with(f"{name} restarted"))
    os.kill(old.pid, signal.SIGKILL)
    killed = time.monotonic()
    wait_for(lambda: len(c.log_with(f"{name} restarted")) > restarted)
    took = time.monotonic() - killed
    assert c.procs[name] is not old and c.procs[name].poll() is None
    return took


def test_a_killed_process_comes_back_after_pauses_that_double(children):
    c = children({"api": SERVE, "actions": SERVE})
    bystander = c.procs["actions"]
    running = Running(c.supervisor(RestartPolicy(first_delay=0.2, max_delay=0.8, max_crashes=5, window=60)))
    took = [kill_and_time_comeback(c, "api") for _ in range(4)]
    # 0.2 s, 0.4 s, 0.8 s, then capped at 0.8 s; each comeback also waits for the process to serve.
    for seconds, pause in zip(took, (0.2, 0.4, 0.8, 0.8)):
        assert pause <= seconds < pause + 3.0, took
    assert took[1] > took[0] + 0.1 and took[2] > took[1] + 0.2, took
    assert c.procs["actions"] is bystander and bystander.poll() is None  # the others are left alone
    assert len(c.log_with("api killed by SIGKILL")) == 4
    assert len(c.log_with("api restarted, serving again after")) == 4
    assert [name for name, _ in running.supervisor.restarts] == ["api"] * 4
    running.supervisor.request_stop()
    assert running.finished(10) == "stopped"
    assert all(p.poll() is not None for p in c.all)


def test_a_clean_exit_nobody_asked_for_is_a_crash_too(children, tmp_path):
    # Serves, then exits 0 by itself once the file "quit" appears (its restarts find the file gone).
    script = ("import os, sys, time; d = sys.argv[1]; open(os.path.join(d, f'{os.getpid()}.ready'), 'w').close()\n"
              "while not os.path.exists(os.path.join(d, 'quit')): time.sleep(0.02)\n"
              "os.remove(os.path.join(d, 'quit'))")
    c = children({"rasa": script})
    running = Running(c.supervisor(RestartPolicy(first_delay=0.05)))
    first = c.procs["rasa"]
    (tmp_path / "quit").touch()
    wait_for(lambda: c.started["rasa"] == 2 and c.procs["rasa"] is not first
             and (tmp_path / f"{c.procs['rasa'].pid}.ready").exists())
    assert first.returncode == 0
    assert c.log_with("rasa exited with code 0")
    running.supervisor.request_stop()
    assert running.finished(10) == "stopped"


def test_gives_up_after_repeated_crashes_and_stops_everything(children):
    c = children({"api": SERVE, "rasa": SERVE})
    c.scripts["rasa"] = CRASH  # from now on every start of rasa fails at once
    supervisor = c.supervisor(RestartPolicy(first_delay=0.01, max_delay=0.05, max_crashes=4, window=60))
    running = Running(supervisor)
    os.kill(c.procs["rasa"].pid, signal.SIGKILL)
    outcome = running.finished(30)
    assert outcome == "rasa crashed 4 times in a row, never serving 60 s in between (last: exited with code 3)"
    assert c.started["rasa"] == 4  # the first start and three restarts; the fourth crash ends it
    giving_up = c.log_with("giving up")
    assert giving_up == [f"supervisor: giving up - {outcome}; stopping everything"]
    assert c.procs == {} and all(p.poll() is not None for p in c.all)  # the healthy api was stopped too
    assert supervisor.restarts == []


def test_a_crash_after_serving_a_whole_window_starts_the_count_again(children):
    c = children({"actions": SERVE})
    running = Running(c.supervisor(RestartPolicy(first_delay=0.05, max_crashes=3, window=1.0)))
    kill_and_time_comeback(c, "actions")
    kill_and_time_comeback(c, "actions")  # the second in a row: it served less than a second
    assert c.log_with("(crash 2 in a row)")
    time.sleep(1.2)  # now it has served a whole window
    kill_and_time_comeback(c, "actions")
    assert c.log_with("(crash 1 in a row)")[-1].endswith("restarting it in 0.05 s")  # the first pause again
    assert not c.log_with("giving up") and running.thread.is_alive()
    kill_and_time_comeback(c, "actions")
    os.kill(c.procs["actions"].pid, signal.SIGKILL)  # the third in a row
    assert running.finished(10) == (
        "actions crashed 3 times in a row, never serving 1 s in between (last: killed by SIGKILL)")


def test_crashes_while_starting_add_up_however_long_each_start_takes(children):
    # Each attempt takes longer than the window before it dies, like a Rasa that fails while loading its model.
    c = children({"rasa": SERVE})
    c.scripts["rasa"] = "import time, sys; time.sleep(0.4); sys.exit(1)"
    running = Running(c.supervisor(RestartPolicy(first_delay=0.01, max_crashes=4, window=0.3)))
    os.kill(c.procs["rasa"].pid, signal.SIGKILL)
    assert running.finished(30) == (
        "rasa crashed 4 times in a row, never serving 0.3 s in between (last: exited with code 1)")
    assert c.started["rasa"] == 4


def test_a_requested_stop_restarts_nothing(children):
    c = children({"api": SERVE, "actions": SERVE, "rasa": SERVE})
    running = Running(c.supervisor(RestartPolicy(first_delay=0.05)))
    time.sleep(0.2)
    asked = time.monotonic()
    running.supervisor.request_stop()
    assert running.finished(10) == "stopped"
    assert time.monotonic() - asked < 5
    assert c.started == Counter({"api": 1, "actions": 1, "rasa": 1})
    assert all(p.returncode == -signal.SIGTERM for p in c.all)  # stopped cleanly, not killed
    assert c.lines == []


def test_a_stop_during_the_restart_pause_restarts_nothing(children):
    c = children({"api": SERVE, "actions": SERVE})
    running = Running(c.supervisor(RestartPolicy(first_delay=5)))
    os.kill(c.procs["actions"].pid, signal.SIGKILL)
    wait_for(lambda: bool(c.log_with("restarting it in 5 s")))
    running.supervisor.request_stop()
    assert running.finished(3) == "stopped"
    assert c.started["actions"] == 1 and not c.log_with("restarted")
    assert all(p.poll() is not None for p in c.all)


def test_a_stop_while_waiting_for_the_restarted_process_ends_the_wait(children, tmp_path):
    c = children({"rasa": SERVE})
    # Its successor starts but never says it serves, like a Rasa still loading its model.
    c.scripts["rasa"] = "import time; time.sleep(120)"
    running = Running(c.supervisor(RestartPolicy(first_delay=0.05)))
    os.kill(c.procs["rasa"].pid, signal.SIGKILL)
    wait_for(lambda: c.started["rasa"] == 2)
    time.sleep(0.2)
    running.supervisor.request_stop()
    assert running.finished(5) == "stopped"
    assert all(p.poll() is not None for p in c.all)


# What ``make up`` does around the supervisor, in a process of its own: the servers (stand-ins here) run in
# sessions of their own, and the signal handlers of ``stop_on_signals`` turn Ctrl-C or SIGTERM into a stop.
UP = '''
import json, os, signal, subprocess, sys, time
from bot.tools.stack import RestartPolicy, Supervisor, stop_on_signals

tmp, serve = sys.argv[1], sys.argv[2]
procs = {}

def say(**what):
    print(json.dumps(what), flush=True)

def starter(name):
    def start():
        procs[name] = subprocess.Popen([sys.executable, "-c", serve, tmp], start_new_session=True)
        say(started=name, pid=procs[name].pid)
    return start

def wait_ready(name, abort):
    while not os.path.exists(os.path.join(tmp, f"{procs[name].pid}.ready")):
        if abort():
            raise InterruptedError(name)
        if procs[name].poll() is not None:
            raise RuntimeError(name)
        time.sleep(0.02)

def stop_all():
    for name in list(procs):
        proc = procs.pop(name)
        os.killpg(proc.pid, signal.SIGTERM)
        say(stopped=name, returncode=proc.wait(10))

supervisor = Supervisor(procs, {n: starter(n) for n in ("api", "actions", "rasa")}, wait_ready, stop_all,
                        policy=RestartPolicy(first_delay=0.05), log=lambda line: say(log=line), poll_interval=0.05)
for name in ("api", "actions", "rasa"):
    starter(name)()
    wait_ready(name, lambda: False)
stop_on_signals(supervisor)
say(outcome=supervisor.run())
'''


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_stops_everything_after_a_restart_and_restarts_nothing(tmp_path, sig):
    import json

    root = Path(__file__).resolve().parents[2]
    up = subprocess.Popen([sys.executable, "-c", UP, str(tmp_path), SERVE], cwd=root, text=True,
                          stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(root)))
    said: List[dict] = []

    def read_until(condition: Callable[[dict], bool]) -> dict:
        for line in up.stdout:
            said.append(json.loads(line))
            if condition(said[-1]):
                return said[-1]
        raise AssertionError(f"ended before: {said}")

    try:
        pids: Dict[str, int] = {}
        while len(pids) < 3:
            message = read_until(lambda m: "started" in m)
            pids[message["started"]] = message["pid"]
        os.kill(pids["actions"], signal.SIGKILL)
        restarted = read_until(lambda m: m.get("started") == "actions")["pid"]
        read_until(lambda m: "actions restarted" in m.get("log", ""))
        signalled = len(said)
        up.send_signal(sig)
        assert read_until(lambda m: "outcome" in m) == {"outcome": "stopped"}
        assert up.wait(10) == 0
    finally:
        if up.poll() is None:
            up.kill()
            up.wait()
    assert not [m for m in said[signalled:] if "started" in m or "log" in m]  # nothing restarted, nothing to log
    stopped = {m["stopped"]: m["returncode"] for m in said if "stopped" in m}
    assert stopped == {"api": -signal.SIGTERM, "actions": -signal.SIGTERM, "rasa": -signal.SIGTERM}
    for pid in [*pids.values(), restarted]:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_stacks_readiness_wait_ends_when_a_stop_is_requested(tmp_path):
    # Nothing listens on the port: without the stop the wait would last its whole timeout.
    from bot.tools.stack import Stack, StackConfig
    from tests.conftest import free_port

    stack = Stack(StackConfig(var_dir=tmp_path, api_port=free_port()))
    asked = time.monotonic() + 0.3
    with pytest.raises(InterruptedError):
        stack.wait_ready("api", timeout=60, abort=lambda: time.monotonic() > asked)
    assert time.monotonic() - asked < 3
