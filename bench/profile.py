"""Where our time goes: sample each server with py-spy while 10 conversations run, and summarise.

    .venv/bin/pip install py-spy        # a profiling tool only; not a dependency of the product
    .venv/bin/python -m bench.profile [--concurrency 10] [--conversations 30] [--out var/gz-profile]

Starts our stack (as ``python -m bench`` does), warms it up, runs ``py-spy record --format raw`` on the
Rasa server, the action server and the API for the duration of one load level, then prints for each
server the functions with the most samples inclusive (anywhere on the stack) and exclusive (on top).
The raw collapsed stacks stay in --out for flame graphs.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional

from bench import load
from bench.targets import OurStack


def py_spy() -> str:
    found = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(found).exists():
        sys.exit("py-spy not found: .venv/bin/pip install py-spy")
    return found


def summarise(raw: Path, top: int) -> str:
    inclusive: collections.Counter = collections.Counter()
    exclusive: collections.Counter = collections.Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        for frame in set(frames):
            inclusive[frame] += n
        exclusive[frames[-1]] += n
    if not total:
        return "  (no samples)\n"
    out = [f"  {total} samples"]
    out.append("  inclusive:")
    out += [f"    {100 * n / total:5.1f}%  {frame}" for frame, n in inclusive.most_common(top)]
    out.append("  exclusive:")
    out += [f"    {100 * n / total:5.1f}%  {frame}" for frame, n in exclusive.most_common(top)]
    return "\n".join(out) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--profile", choices=["embedded", "scale"], default="embedded")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=30)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "gz-profile")
    args = parser.parse_args(argv)
    spy = py_spy()
    args.out.mkdir(parents=True, exist_ok=True)

    from bot.tools.model import ensure_model

    load.use_bench_reading_floor()  # the servers and the simulated citizens agree on the reading time
    with tempfile.TemporaryDirectory(prefix="gz-profile-") as tmp:
        ours = OurStack(Path(tmp) / "var", ensure_model(verbose=False), args.profile)
        recorders: Dict[str, subprocess.Popen] = {}
        try:
            ours.start()
            asyncio.run(load.warm_up(ours.url, load.commitment_journey))
            for name, proc in ours.stack.procs.items():
                recorders[name] = subprocess.Popen(
                    [spy, "record", "--pid", str(proc.pid), "--format", "raw", "--rate", "200", "--nonblocking",
                     "--output", str(args.out / f"{name}.txt")],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )
            result = asyncio.run(
                load.run_level(ours.url, load.commitment_journey, "profile", args.concurrency, args.conversations)
            ).as_dict()
        finally:
            for recorder in recorders.values():
                recorder.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
            for recorder in recorders.values():
                try:
                    recorder.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    recorder.kill()
            ours.stop()
    print(f"{args.concurrency} concurrent, {args.conversations} conversations: p50 {result['p50_ms']} ms, "
          f"p95 {result['p95_ms']} ms, {result['turns_per_s']} turns/s, {result['errors']} errors")
    for name in recorders:
        print(f"\n== {name} ({args.out / (name + '.txt')})")
        print(summarise(args.out / f"{name}.txt", args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
