"""The benchmark's markdown report: machine, per-level latency and throughput, ratios to stock Rasa,
the three performance targets, memory, training and model-load times, and the signing cost per commitment."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional

from bench.load import JOURNEY_TURNS

# The performance targets on the 2-core machine (P7), each against stock Rasa in the same run.
THROUGHPUT_RATIO_MIN = 1.5          # at 10 and at 50 concurrent conversations: our turns/s >= 1.5x stock's
P95_RATIO_MAX = {10: 0.8, 1: 1.1}   # our p95 per turn <= this x stock's, by concurrency
ERRORS_AT_50 = 0                    # zero errors at 50 concurrent conversations
RASA_RSS_MAX_MB = 1024              # our Rasa server's peak RSS
TRAINING_MAX_S = 120                # a forced training of our model

PROCESSES = ["Rasa server", "action server", "API (uvicorn)"]
# The signing section's heading; the section is the report's last, so ``--only signing`` can replace it.
SIGNING_HEADING = "## 签名成本 / Signing cost per commitment"


def _f(value: Optional[float], digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def _ratio(ours: Optional[float], stock: Optional[float]) -> Optional[float]:
    if ours is None or stock is None or not stock or math.isnan(ours) or math.isnan(stock):
        return None
    return ours / stock


def targets(ours: Dict[int, Dict[str, Any]], stock: Dict[int, Dict[str, Any]],
            data: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    rows = []
    for n in (10, 50):
        if n in ours:
            ratio = _ratio(ours[n]["turns_per_s"], stock.get(n, {}).get("turns_per_s"))
            rows.append({"target": f"{n} concurrent: throughput ≥ {THROUGHPUT_RATIO_MIN}× stock",
                         "measured": f"{_f(ratio, 2)}×" if ratio is not None else "no stock figure",
                         "met": ratio is not None and ratio >= THROUGHPUT_RATIO_MIN})
    for n, limit in sorted(P95_RATIO_MAX.items(), reverse=True):
        if n in ours:
            ratio = _ratio(ours[n]["p95_ms"], stock.get(n, {}).get("p95_ms"))
            rows.append({"target": f"{n} concurrent: p95 per turn ≤ {limit}× stock",
                         "measured": f"{_f(ratio, 2)}×" if ratio is not None else "no stock figure",
                         "met": ratio is not None and ratio <= limit})
    if 50 in ours:
        rows.append({"target": "zero errors at 50 concurrent", "measured": f"{ours[50]['errors']} errors",
                     "met": ours[50]["errors"] == ERRORS_AT_50})
    rss = ((data or {}).get("rss_mb") or {}).get("ours", {}).get("Rasa server")
    if rss is not None:
        conversations = sum(r.get("conversations", 0) for r in ours.values())
        rows.append({"target": f"Rasa peak RSS ≤ {RASA_RSS_MAX_MB / 1024:.1f} GB",
                     "measured": f"{rss:.0f} MiB after {conversations} conversations (the target is after 1,000)",
                     "met": rss <= RASA_RSS_MAX_MB})
    train = ((data or {}).get("startup") or {}).get("ours", {}).get("train_s")
    if train is not None:
        rows.append({"target": f"training ≤ {TRAINING_MAX_S} s", "measured": f"{train:.0f} s",
                     "met": train <= TRAINING_MAX_S})
    return rows


def _ms(value: float) -> str:
    """Enough digits to tell a microsecond-scale hash from nothing, and no noise digits on a PDF's 100 ms."""
    return _f(value, 3 if value < 0.1 else 2 if value < 10 else 1)


def render_signing(signing: Dict[str, Any]) -> List[str]:
    """The "签名成本" section from ``api.signing.cost``'s JSON (bench/signing.py), or the error it ended with."""
    out = [SIGNING_HEADING + "\n"]
    if "error" in signing:
        out.append("The signing-cost step failed, so there are no figures:\n")
        out.append("```\n" + str(signing["error"]).strip() + "\n```")
        return out
    plan = signing["plan"]
    out.append(
        f"Measured {signing['measured_at']} with `{signing.get('command', 'python -m api.signing.cost --json')}` in "
        f"the API's virtualenv (Python {signing['python']}, SM3 by {signing['sm3_backend']}; machine load average "
        f"{_f(signing.get('loadavg_before'), 2)} when it started, other work included). The record is the "
        f"canonical JSON of a real commitment ({signing['record_bytes']} bytes). Medians: each primitive over "
        f"about {plan['budget_s']} s of timings; creation over {plan['commitments']} commitments each way "
        "(`POST /api/v1/commitments` in process, temporary SQLite database, shipped catalogue, signed channel "
        "evidence, alternating with and without the SM2 key); the letter over "
        f"{plan['letters']} renderings each way.\n"
    )
    out.append("| step | without | ms | with | ms | extra ms | ratio |")
    out.append("|---|---|---:|---|---:|---:|---:|")
    for r in signing["rows"]:
        out.append(
            f"| {r['step']} | {r['base']} | {_ms(r['base_ms'])} | {r['with']} | {_ms(r['with_ms'])} | "
            f"{_ms(r['with_ms'] - r['base_ms'])} | {_f(r['ratio'], 1)}× |"
        )
    create = next((r for r in signing["rows"] if r["key"] == "create"), None)
    sign = next((r for r in signing["rows"] if r["key"] == "sign"), None)
    letter = next((r for r in signing["rows"] if r["key"] == "letter"), None)
    if create and sign:
        added = create['with_ms'] - create['base_ms']
        # Below the timer's noise the difference can come out negative: say so instead of printing it.
        adds = f"adds {_ms(added)} ms" if added > 0 else "adds less than the measurement's noise"
        out.append(
            f"\nPer commitment, SM2 {adds} to its creation "
            f"({_ms(create['with_ms'])} ms in all); the SM2 signature alone is {_ms(sign['with_ms'])} ms, "
            f"{signing['sm2_sign_share_of_create']:.0%} of the creation."
        )
    if letter:
        out.append(
            f"The PAdES signature adds {_ms(letter['with_ms'] - letter['base_ms'])} ms to each letter PDF, paid "
            f"whenever a letter is downloaded (the PDF is rendered and signed on request), not when the commitment "
            f"is made; signed, the PDF is {signing['signed_pdf_bytes'] / 1024:.0f} KiB "
            f"({signing['pdf_bytes'] / 1024:.0f} KiB unsigned)."
        )
    return out


def render(data: Dict[str, Any]) -> str:
    m = data["machine"]
    ours = {r["concurrency"]: r for r in data["levels"]["ours"]}
    stock = {r["concurrency"]: r for r in data["levels"].get("stock", [])}
    others = {name: {r["concurrency"]: r for r in rows} for name, rows in data["levels"].items()
              if name not in ("ours", "stock")}
    out: List[str] = []
    out.append(f"# Benchmark: ours vs stock Rasa {m['rasa']}\n")
    out.append(f"Run {data['started_at']} with `{data['command']}` (profile `{data['profile']}`).\n")
    out.append(
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram']} RAM, {m['os']}; Python {m['python']}, "
        f"Rasa {m['rasa']}, rasa-sdk {m['rasa_sdk']}, TensorFlow {m['tensorflow']}, FastAPI {m['fastapi']}, "
        f"SQLAlchemy {m['sqlalchemy_api']} (API). Load generator (asyncio + httpx) on the same machine.\n"
    )
    # Runs recorded before the servers required a reading time had no think time at all.
    reading = data.get("reading_s")
    think = (
        "The only think time is the citizen's reading of the notice before 已阅读, which the servers require "
        f"(GZ_MIN_READING_SECONDS, {_f(reading, 1)} s here): it is in no latency, and a reading citizen, who sends "
        "nothing, gives its place to another conversation meanwhile, so N of ours and N of stock's keep the "
        "servers equally busy. "
        if reading is not None else "No think time. "
    )
    out.append(
        f"Each conversation is {JOURNEY_TURNS} turns; N conversations talk to the servers at once (closed loop). "
        "Ours: the full commitment journey (ZM001: need → choice → commitment → self → name → ID → the "
        "login code from the SMS outbox → phone → seven notice sections → 已阅读 → 本人承诺 → the act code → "
        "signed receipt), each turn checked against the contract, by 64 synthetic citizens whose 实名 phones are "
        "registered in the bench's own database (bench/load.py), handed out in turn so that conversations in "
        "flight together are different people. "
        + think +
        f"Stock: the `rasa init` bot's greet / mood stories chained to {JOURNEY_TURNS} turns. Latency is per turn (one REST "
        "request and its reply); errors are failed requests or wrong replies. Each level runs on ours, then on "
        "stock, both servers up. \"load avg\" is the machine's 1-minute load average just before that run "
        f"(idle with both servers up: {_f(data.get('loadavg_idle'), 2)}); anything above the load generator's "
        "own is other work on the machine, which the figures then include.\n"
    )
    out.append("## Latency and throughput\n")
    out.append("| concurrent | system | conversations ok/run | turns | errors | p50 ms | p95 ms | p99 ms | turns/s | load avg |")
    out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sorted(set(ours) | set(stock)):
        for name, rows in (("ours", ours), *others.items(), ("stock", stock)):
            r = rows.get(n)
            if r:
                out.append(
                    f"| {n} | {name} | {r['completed']}/{r['conversations']} | {r['turns']} | {r['errors']} | "
                    f"{_f(r['p50_ms'])} | {_f(r['p95_ms'])} | {_f(r['p99_ms'])} | {_f(r['turns_per_s'], 1)} | "
                    f"{_f(r.get('loadavg_before'), 2)} |"
                )
    if stock:
        out.append("\n## Ratios ours / stock\n")
        out.append("| concurrent | p50 | p95 | p99 | turns/s |")
        out.append("|---:|---:|---:|---:|---:|")
        for n in sorted(set(ours) & set(stock)):
            cells = [_f(_ratio(ours[n][k], stock[n][k]), 2) for k in ("p50_ms", "p95_ms", "p99_ms", "turns_per_s")]
            out.append(f"| {n} | " + " | ".join(cells) + " |")
    steps = [(n, ours[n]["steps"]) for n in sorted(ours) if len(ours[n].get("steps") or {}) > 1]
    if steps:
        # Which turn of the journey is slow: at 1 concurrent conversation the slowest steps decide the p95.
        out.append("\n## Ours: latency by step of the journey\n")
        out.append("Per step of the journey (bench/load.py names them), slowest median first; \"max\" is the "
                   "step's slowest turn. One turn in eleven is each step's, so at 1 concurrent conversation the "
                   "p95 of all turns falls among the slowest step's turns.\n")
        out.append("| concurrent | step | turns | p50 ms | max ms |")
        out.append("|---:|---|---:|---:|---:|")
        for n, by_step in steps:
            for step, st in sorted(by_step.items(), key=lambda kv: -kv[1]["p50_ms"]):
                out.append(f"| {n} | {step} | {st['n']} | {_f(st['p50_ms'])} | {_f(st['max_ms'])} |")
    out.append("\n## CPU per turn (ms of user + system time), by server process\n")
    out.append(
        "Throughput on a shared machine moves with whatever else runs; the CPU a turn costs hardly does. "
        "On a machine of its own, throughput at saturation is about cores × 1000 / (CPU ms per turn of all "
        "servers + the load generator's share), so the ratio of the totals predicts the throughput ratio.\n"
    )
    out.append("| concurrent | system | " + " | ".join(PROCESSES) + " | all servers |")
    out.append("|---:|---|" + "---:|" * (len(PROCESSES) + 1))
    for n in sorted(set(ours) | set(stock)):
        for name, rows in (("ours", ours), *others.items(), ("stock", stock)):
            r = rows.get(n)
            if r and r.get("cpu_ms_per_turn"):
                cpu = r["cpu_ms_per_turn"]
                cells = [_f(cpu.get(p), 1) if p in cpu else "–" for p in PROCESSES]
                out.append(f"| {n} | {name} | " + " | ".join(cells) + f" | {_f(sum(cpu.values()), 1)} |")
    cpu_rows = [(ours[n], stock[n]) for n in sorted(set(ours) & set(stock))
                if ours[n].get("cpu_ms_per_turn") and stock[n].get("cpu_ms_per_turn")]
    if cpu_rows:
        ratios = [sum(o["cpu_ms_per_turn"].values()) / sum(s["cpu_ms_per_turn"].values()) for o, s in cpu_rows]
        out.append(f"\nOurs / stock, CPU per turn, all servers: {', '.join(f'{r:.2f}' for r in ratios)} "
                   f"(levels {', '.join(str(o['concurrency']) for o, _ in cpu_rows)}); the throughput this "
                   f"predicts on an unshared machine: {1 / max(ratios):.2f}-{1 / min(ratios):.2f}× stock.")
    out.append("\n## Targets\n")
    out.append("| target | measured | met |")
    out.append("|---|---|---|")
    for t in targets(ours, stock, data):
        out.append(f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else 'NO'} |")
    out.append("\n## Memory: peak RSS (VmHWM) per server, MiB\n")
    out.append("| system | process | peak RSS MiB |")
    out.append("|---|---|---:|")
    for name, procs in data["rss_mb"].items():
        for proc, mb in procs.items():
            out.append(f"| {name} | {proc} | {mb:.0f} |")
    out.append(f"| – | load generator | {data['client_rss_mb']:.0f} |")
    out.append("\n## Training and model load\n")
    out.append("| system | training s | Rasa start → /status ready, s | Rasa log: loading model → up and running, s |")
    out.append("|---|---:|---:|---:|")
    for name, s in data["startup"].items():
        out.append(f"| {name} | {_f(s.get('train_s'), 0)} | {_f(s.get('wall_s'), 1)} | {_f(s.get('log_load_s'), 0)} |")
    out.append(
        "\nTraining: ours is a forced `rasa train` of config.yml/domain.yml/data into a temp dir with an empty "
        "Rasa cache; stock is the whole `rasa init --no-prompt` (which trains). Start-up wall time includes "
        "Python and TensorFlow imports; the log figure is Rasa's own from its log lines (1 s resolution).\n"
    )
    for name, lines in data.get("notes", {}).items():
        for line in lines:
            out.append(f"- {name}: {line}")
    if data.get("signing"):
        out.append("")
        out.extend(render_signing(data["signing"]))
    return "\n".join(out).rstrip() + "\n"
