"""``python -m bench --only long``: does a turn cost more the longer the conversation is?

One citizen, one conversation of ``--turns`` messages (default 400) on our stack: questions about the commitment
system, greetings and thanks in turn - a person who keeps asking before deciding - then the whole
commitment journey (bench/load.py ``commitment_journey``) on the same conversation, which must still end in a
receipt. Every turn is timed on the client (wall) and on the servers: the CPU time the Rasa server's and the action
server's processes used during that turn, read right before the request and right after its reply. Only one request is in flight at a time, so a server's CPU between the two reads is that
turn's cost; unlike the wall time it hardly moves when other work shares the machine, which is why the
verdict is taken on CPU time. It is read from each process's CPU clock in nanoseconds (clock_getcpuclockid):
/proc/<pid>/stat counts in clock ticks of 10 ms, about one turn's whole cost, which made a 20-turn mean move by
a third from one run to the next. A figure is the mean over a window of 20 turns around
the turn named ("turn ~10" is turns 1-20, "turn ~200" turns 191-210).

Each question is also asked, right after, in a short conversation (a new one every 20 questions): the turn near
the start measured at the same moment as the deep one, so a change of the machine's load during the run does not
pass for a cost of the conversation's length.

The target: a turn deep in a conversation costs the Rasa server at most ``LONG_RATIO_MAX`` times a turn near its
start (turn ~200 against turn ~10, and against the short conversations' turns at the same moments). The flood
limits are loosened as for every benchmark (bench/load.py).
"""
from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx

from bench import load
from bench.system import group_pids

LONG_RATIO_MAX = 1.2
WINDOW = 20
# Each answered by a rule of its own (data/rules.yml) whatever came before, without a journey or a handoff.
QUESTIONS = ["你好", "什么是告知承诺制", "谢谢", "承诺不实有什么后果", "你能做什么", "告知承诺是什么意思"]
LONG_HEADING = "## 长对话 / Cost per turn in a long conversation"


def process_cpu_clock(pid: int) -> int:
    """The kernel's CPU clock of another process (clock_getcpuclockid(3)): every thread's run time, ended
    threads included, in nanoseconds. The id is the kernel's encoding of (pid, whole process, scheduler clock)."""
    return ((~pid) << 3) | 2


class GroupCpu:
    """CPU seconds of one server's process group, its processes looked up once (a turn reads it twice).

    Read from each process's CPU clock, which counts in nanoseconds; /proc/<pid>/stat counts in clock ticks of
    10 ms, about one turn's whole cost. Where the clock cannot be read (not Linux), utime + stime in ticks.
    """

    def __init__(self, pgid: int):
        self.pids = group_pids(pgid)
        self.tick = os.sysconf("SC_CLK_TCK")
        try:
            for pid in self.pids:
                time.clock_gettime(process_cpu_clock(pid))
            self.precise = bool(self.pids)
        except (OSError, AttributeError):
            self.precise = False

    def _clock(self, pid: int) -> float:
        try:
            return time.clock_gettime(process_cpu_clock(pid))
        except OSError:
            return 0.0  # the process ended

    def _ticks(self, pid: int) -> int:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return 0
        fields = stat[stat.rfind(")") + 2:].split()
        return int(fields[11]) + int(fields[12])  # utime, stime

    def seconds(self) -> float:
        if self.precise:
            return sum(self._clock(pid) for pid in self.pids)
        return sum(self._ticks(pid) for pid in self.pids) / self.tick


async def _turn(http: httpx.AsyncClient, url: str, sender: str, text: str,
                cpus: Dict[str, GroupCpu]) -> Dict[str, Any]:
    before = {name: cpu.seconds() for name, cpu in cpus.items()}
    started = time.perf_counter()
    response = await http.post(url, json={"sender": sender, "message": text})
    wall = time.perf_counter() - started
    after = {name: cpu.seconds() for name, cpu in cpus.items()}
    replies = response.json() if response.status_code == 200 else None
    ok = isinstance(replies, list) and any(isinstance(r, dict) and (r.get("text") or r.get("custom")) for r in replies)
    return {"wall_ms": 1000 * wall, "ok": ok, **{f"{name}_cpu_ms": 1000 * (after[name] - before[name]) for name in cpus}}


def window(turns: List[Dict[str, Any]], centre: int, key: str) -> Optional[float]:
    """Mean of ``key`` over the ``WINDOW`` turns around turn ``centre`` (1-based), None if the run was shorter."""
    start = max(1, centre - WINDOW // 2 + 1)
    chosen = turns[start - 1:start - 1 + WINDOW]
    if len(chosen) < WINDOW:
        return None
    return statistics.fmean(t[key] for t in chosen)


async def run(url: str, cpus: Dict[str, GroupCpu], turns: int) -> Dict[str, Any]:
    async with httpx.AsyncClient(timeout=120) as http:
        warm = f"bench-long-warm-{uuid.uuid4().hex[:6]}"
        for i in range(WINDOW):  # TensorFlow traces its graphs on the first predictions
            await _turn(http, url, warm, QUESTIONS[i % len(QUESTIONS)], cpus)
        sender = f"bench-long-{uuid.uuid4().hex[:6]}"
        measured: List[Dict[str, Any]] = []
        paired: List[Dict[str, Any]] = []
        for i in range(turns):
            text = QUESTIONS[i % len(QUESTIONS)]
            measured.append(await _turn(http, url, sender, text, cpus))
            # The same question in a short conversation right after (a new one every WINDOW turns, so always at
            # turns 1-20): what a turn near the start costs at this very moment of the machine's load.
            paired.append(await _turn(http, url, f"{sender}-short-{i // WINDOW}", text, cpus))
        conversation = load.Conversation(http, url, sender, None)
        try:
            await load.commitment_journey(conversation)
            journey = "receipt"
        except load.TurnFailed as failed:
            journey = f"failed: {failed}"
    centres = [c for c in (10, 100, 200, 300, 400, 600, 800, 1000) if c + WINDOW // 2 <= turns]
    keys = ("Rasa server_cpu_ms", "action server_cpu_ms", "wall_ms")
    figures = {
        str(c): {**{key: round(value, 1) for key in keys if (value := window(measured, c, key)) is not None},
                 **{f"short {key}": round(value, 1) for key in keys if (value := window(paired, c, key)) is not None}}
        for c in centres
    }
    return {"turns": turns, "unanswered": sum(not t["ok"] for t in measured + paired), "journey_after": journey,
            "windows": figures, "per_turn": measured, "per_turn_short": paired}


def measure(model: Path, profile: str, turns: int, work: Path) -> Dict[str, Any]:
    from bench.targets import OurStack

    load.use_bench_reading_floor()
    ours = OurStack(work / "var", model, profile)
    try:
        try:
            ours.start()
        except RuntimeError:
            for log in sorted(ours.stack.logs.glob("*.log")):  # the temporary directory goes with the failure
                print(f"--- {log.name} (last lines)\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:]),
                      file=sys.stderr)
            raise
        procs = ours.stack.procs
        cpus = {"Rasa server": GroupCpu(procs["rasa"].pid), "action server": GroupCpu(procs["actions"].pid)}
        result = asyncio.run(run(ours.url, cpus, turns))
        result["cpu_clock"] = "each process's CPU clock, in ns" if all(c.precise for c in cpus.values()) else "/proc clock ticks (10 ms)"
    finally:
        ours.stop()
    result["profile"] = profile
    first, deep = result["windows"].get("10", {}), result["windows"].get("200", {})
    if first.get("Rasa server_cpu_ms") and "Rasa server_cpu_ms" in deep:
        result["ratio_200_to_10"] = round(deep["Rasa server_cpu_ms"] / first["Rasa server_cpu_ms"], 2)
    if deep.get("short Rasa server_cpu_ms") and "Rasa server_cpu_ms" in deep:
        result["ratio_200_to_short"] = round(deep["Rasa server_cpu_ms"] / deep["short Rasa server_cpu_ms"], 2)
    return result


def render(result: Dict[str, Any]) -> List[str]:
    out = [LONG_HEADING + "\n",
           f"One conversation on our stack ({result.get('profile', 'embedded')} profile): {result['turns']} questions, "
           f"then the commitment journey ({result['journey_after']}); {result['unanswered']} question(s) unanswered. "
           f"CPU ms per turn of each server ({result.get('cpu_clock', '/proc clock ticks (10 ms)')}), "
           f"mean over {WINDOW} turns around the turn named. Each "
           "question is also asked, right after, in a short conversation (a new one every "
           f"{WINDOW} questions, so at its turns 1-{WINDOW}): the \"short\" columns are what a turn near the start "
           "costs at the same moments, which takes the machine's changing load out of the comparison. Wall ms is the "
           "client's round trip (the machine may be shared: the verdict is on CPU).\n",
           "| turn | Rasa CPU ms | short: Rasa CPU ms | action server CPU ms | wall ms | short: wall ms |",
           "|---|---|---|---|---|---|"]
    for centre, row in result["windows"].items():
        out.append(f"| ~{centre} | {row.get('Rasa server_cpu_ms', '–')} | {row.get('short Rasa server_cpu_ms', '–')} "
                   f"| {row.get('action server_cpu_ms', '–')} | {row.get('wall_ms', '–')} "
                   f"| {row.get('short wall_ms', '–')} |")
    for key, label in (("ratio_200_to_10", "turn ~200 / turn ~10 of the same conversation"),
                       ("ratio_200_to_short", "turn ~200 / short conversations' turns 1-20 at the same moments")):
        ratio = result.get(key)
        if ratio is not None:
            verdict = "met" if ratio <= LONG_RATIO_MAX else "NOT met"
            out.append(f"\nRasa CPU per turn, {label}: **{ratio}×** (target ≤ {LONG_RATIO_MAX}×: {verdict}).")
    return out
