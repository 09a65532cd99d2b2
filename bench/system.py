"""What the figures were measured on, and how much memory each server used (Linux /proc, no extra package)."""
from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _version(python: Path, module: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({module!r}))"
    try:
        return subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def describe_machine() -> Dict[str, str]:
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    rasa_py = ROOT / ".venv" / "bin" / "python"
    api_py = ROOT / ".venv-api" / "bin" / "python"
    return {
        "cpu": _first("/proc/cpuinfo", "model name"),
        "cores": str(os.cpu_count()),
        "ram": f"{int(mem_kb) / 1024 / 1024:.1f} GiB" if mem_kb.isdigit() else "unknown",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "rasa": _version(rasa_py, "rasa"),
        "rasa_sdk": _version(rasa_py, "rasa-sdk"),
        "tensorflow": _version(rasa_py, "tensorflow"),
        "fastapi": _version(api_py, "fastapi"),
        "sqlalchemy_api": _version(api_py, "sqlalchemy"),
    }


def group_pids(pgid: int) -> List[int]:
    """Every live process in a process group (each server runs in its own session; see bot/tools/stack.py)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the command name (which may contain spaces) start after the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        if int(fields[2]) == pgid:
            pids.append(int(entry.name))
    return pids


def peak_rss_mb(pgid: int) -> float:
    """Peak resident memory (VmHWM, the kernel's high-water mark) summed over the group's processes, MiB."""
    total_kb = 0
    for pid in group_pids(pgid):
        hwm = _first(f"/proc/{pid}/status", "VmHWM")
        if hwm != "unknown":
            total_kb += int(hwm.split()[0])
    return total_kb / 1024


def cpu_seconds(pgid: int) -> float:
    """User + system CPU time used so far by the group's live processes, in seconds. Unlike wall-clock
    throughput, CPU per turn hardly changes when other work shares the machine."""
    ticks = 0
    for pid in group_pids(pgid):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return ticks / os.sysconf("SC_CLK_TCK")


def self_peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def python_executable() -> str:
    return sys.executable
