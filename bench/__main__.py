"""``.venv/bin/python -m bench`` (or ``make bench``): our stack against stock Rasa, same machine, same run.

Steps: describe the machine; time a forced training of our model and the stock ``rasa init`` (which trains);
start each system, time its model load, warm it up, drive it at 1, 10 and 50 concurrent conversations over
the REST channel, read each server's peak RSS; print a markdown report and write it to
bench/results/latest.md (and the raw figures to latest.json).

Options: ``--profile scale`` runs our stack on PostgreSQL + Redis (they must be running, see README);
``--levels 1,10,50``; ``--conversations K`` (per level; default max(10, 2N)); ``--skip-training``
(our model from the cache, no training time); ``--skip-stock`` (no baseline, no ratios); ``--skip-signing``
(no signing-cost step). ``--only signing`` runs just the signing-cost step (bench/signing.py, a few seconds) and
puts its table into the existing latest report, or writes a report of that table alone when there is none.
``--only long [--turns 400]`` runs just the long-conversation step (bench/long.py: does a turn cost more the longer
the conversation is, Rasa's CPU per turn at turn ~10 and ~200) and writes bench/results/long.md and long.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from bench import load
from bench import signing
from bench import long as long_conversation
from bench.report import SIGNING_HEADING, render, render_signing
from bench.system import describe_machine, self_peak_rss_mb
from bench.targets import OurStack, StockRasa, Target, train_ours

RESULTS = Path(__file__).resolve().parent / "results"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def run_levels(
    targets: List[Tuple[Target, load.Journey]], levels: List[int], conversations: Optional[int]
) -> Dict[str, List[Dict[str, Any]]]:
    """Each level on each system in turn (ours, then stock), so slow drifts of the machine's background
    load hit both alike."""
    for target, journey in targets:
        asyncio.run(load.warm_up(target.url, journey))
    results: Dict[str, List[Dict[str, Any]]] = {target.name: [] for target, _ in targets}
    for n in levels:
        count = conversations or max(10, 2 * n)
        for target, journey in targets:
            log(f"{target.name}: {n} concurrent, {count} conversations ...")
            before, cpu_before = loadavg(), target.cpu()
            row = asyncio.run(load.run_level(target.url, journey, target.name, n, count)).as_dict()
            cpu_after = target.cpu()
            row["loadavg_before"] = before
            row["cpu_ms_per_turn"] = {
                proc: round(1000 * (cpu_after[proc] - cpu_before.get(proc, 0.0)) / max(row["turns"], 1), 1)
                for proc in cpu_after
            }
            log(f"{target.name}: {n} concurrent: p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                f"{row['turns_per_s']} turns/s, {row['errors']} errors {row['error_kinds'] or ''}, "
                f"CPU ms/turn {row['cpu_ms_per_turn']}")
            if len(row["steps"]) > 1:
                log(f"{target.name}: {n} concurrent, latency by step:\n{load.format_steps(row['steps'])}")
            results[target.name].append(row)
    for target, _ in targets:
        target.measure_rss()
    return results


def run_signing(command: str) -> Dict[str, Any]:
    """The signing-cost step, on a machine the benchmark has not loaded yet (no server of ours is running)."""
    log("signing cost per commitment (api.signing.cost in the API's virtualenv) ...")
    result = signing.measure()
    if "error" in result:
        log(f"signing cost: failed: {result['error']}")
    else:
        log(f"signing cost: measured in {result['total_s']} s")
    result["command"] = command
    return result


def _previous_run(path: Path) -> Optional[Dict[str, Any]]:
    """The figures of the last full run at ``path``, if it is one the report can still render."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        render(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def only_signing(out: Path, command: str) -> int:
    """``--only signing``: the full run's other figures stay as they were; only the signing table is new."""
    result = run_signing(command)
    section = "\n".join(render_signing(result)) + "\n"
    print(section)
    data = _previous_run(out.with_suffix(".json"))
    if data is not None:
        data["signing"] = result
        try:
            # The previous report verbatim (rendered by the code of its day), the signing section replaced.
            report = out.read_text(encoding="utf-8").split(SIGNING_HEADING)[0].rstrip() + "\n\n" + section
        except OSError:
            report = render(data)
    else:
        data = {"started_at": datetime.now().strftime("%Y-%m-%d %H:%M"), "command": command, "signing": result}
        report = "# Benchmark: signing cost only\n\n" + section
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    log(f"written {out}")
    return 1 if "error" in result else 0


def only_long(args: argparse.Namespace, command: str) -> int:
    """``--only long``: one long conversation; its own report next to the full run's."""
    from bot.tools.model import ensure_model
    from bot.tools.stack import build_artifacts

    build_artifacts()
    model = ensure_model(verbose=False)
    log(f"one conversation of {args.turns} questions, then the journey ...")
    with tempfile.TemporaryDirectory(prefix="gz-bench-long-") as tmp:
        result = long_conversation.measure(model, args.profile, args.turns, Path(tmp))
    result.update(started_at=datetime.now().strftime("%Y-%m-%d %H:%M"), command=command,
                  machine=describe_machine(), loadavg_after=loadavg())
    report = "\n".join(long_conversation.render(result)) + "\n"
    print(report)
    out = args.out if args.out != RESULTS / "latest.md" else RESULTS / "long.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"# Benchmark: long conversation ({result['started_at']}, `{command}`)\n\n" + report, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    log(f"written {out}")
    ratio = result.get("ratio_200_to_short")
    return 0 if result["journey_after"] == "receipt" and ratio is not None and ratio <= long_conversation.LONG_RATIO_MAX else 1


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", choices=["embedded", "scale"], default="embedded")
    parser.add_argument("--levels", default="1,10,50", help="concurrent conversations, comma-separated")
    parser.add_argument("--conversations", type=int, default=None, help="conversations per level")
    parser.add_argument("--skip-training", action="store_true", help="do not time a training of our model")
    parser.add_argument("--skip-stock", action="store_true", help="no stock-Rasa baseline")
    parser.add_argument("--compare-untuned", action="store_true",
                        help="also run our stack with Rasa untuned (GZ_RASA_TUNING=0, see bot/rasa/server.py)")
    parser.add_argument("--skip-signing", action="store_true", help="no signing-cost step")
    parser.add_argument("--only", choices=["signing", "long"], default=None,
                        help="run just this step (signing: the SM2 and PAdES cost per commitment, a few seconds; "
                             "long: the cost per turn along one long conversation, a few minutes)")
    parser.add_argument("--turns", type=int, default=400, help="--only long: questions before the journey")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.md")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    command = "make bench" if not argv and len(sys.argv) == 1 else "python -m bench " + " ".join(argv or sys.argv[1:])
    if args.only == "signing":
        return only_signing(args.out, command)
    if args.only == "long":
        return only_long(args, command)

    from bot.tools.model import ensure_model
    from bot.tools.stack import build_artifacts

    data: Dict[str, Any] = {
        "started_at": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "command": command,
        "profile": args.profile, "machine": describe_machine(), "levels": {}, "rss_mb": {}, "startup": {},
        "notes": {},
    }
    log(f"machine: {data['machine']}")
    # Our servers inherit it; the simulated citizens wait it out before "已阅读" (bench/load.py).
    data["reading_s"] = load.use_bench_reading_floor()
    if not args.skip_signing:
        data["signing"] = run_signing(command)
    build_artifacts()
    model = ensure_model(verbose=False)

    with tempfile.TemporaryDirectory(prefix="gz-bench-") as tmp:
        work = Path(tmp)
        ours_train = float("nan")
        if not args.skip_training:
            log("training our model (forced, empty cache) ...")
            ours_train = train_ours(work)
            log(f"ours trained in {ours_train:.0f} s")
        stock = None
        if not args.skip_stock:
            stock = StockRasa(work)
            log("rasa init --no-prompt (trains the stock bot) ...")
            log(f"stock initialised and trained in {stock.init_and_train():.0f} s")

        ours = OurStack(work / "var", model, args.profile)
        targets: List[Tuple[Target, load.Journey]] = [(ours, load.commitment_journey)]
        if args.compare_untuned:
            untuned = OurStack(work / "var-untuned", model, args.profile, name="ours-untuned", rasa_tuning=False)
            targets.append((untuned, load.commitment_journey))
        if stock is not None:
            targets.append((stock, load.stock_conversation))
        try:
            for target, _ in targets:
                log(f"starting {target.name} ...")
                target.start()
                log(f"{target.name}: Rasa ready in {target.startup.wall_s:.1f} s")
            data["loadavg_idle"] = loadavg()
            data["levels"] = run_levels(targets, levels, args.conversations)
        finally:
            for target, _ in targets:
                target.stop()
        data["startup"]["ours"] = {"train_s": ours_train}
        if args.compare_untuned:
            data["startup"]["ours-untuned"] = {}
        if stock is not None:
            data["startup"]["stock"] = {"train_s": stock.train_s}
        for target, _ in targets:
            data["rss_mb"][target.name] = target.rss_mb
            data["startup"][target.name].update(wall_s=target.startup.wall_s, log_load_s=target.startup.log_load_s)
        data["notes"]["ours"] = [
            f"tracker store SQL ({'PostgreSQL' if args.profile == 'scale' else 'SQLite'}), "
            f"lock store {'Redis' if args.profile == 'scale' else 'in-memory'}; every journey ends in a signed "
            "commitment written by the API"
        ]
        if args.compare_untuned:
            data["notes"]["ours-untuned"] = [
                "the same stack with Rasa started without bot/rasa/server.py's fixes (GZ_RASA_TUNING=0)"
            ]
        if stock is not None:
            data["notes"]["stock"] = ["rasa init defaults: in-memory tracker and lock stores, no action server"]

    data["client_rss_mb"] = self_peak_rss_mb()
    report = render(data)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    log(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
