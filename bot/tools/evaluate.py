"""How well the assistant understands natural answers, measured on corpora written independently of it.

    .venv/bin/python -m bot.tools.evaluate [--split dev|heldout|all] [--json] [--show-dev-errors]
    make eval

Two measures:

1. Answer interpretation. ``tests/data/answers/{dev,heldout}.yaml`` hold what citizens really type in answer to
   each question of the journey, each labelled with what a careful clerk would make of it. Every entry is run
   through ``actions.interpret.interpret(step, text, Context(**ctx))`` and the Reading is compared with the label:
   a ``value`` reading by its value (names by their comparison key, so 趙強 == 赵强; numbers and codes after
   width and case folding; ``text`` labels accept any non-empty value), any other reading by its kind.
   Per step and split: n, accuracy, clarification rate, wrong decisions (a value, a refusal or a stop that differs
   from the label: asking again is never wrong, deciding wrongly is), answers met by a question's reply or the
   notice again where the label says otherwise (after either the engine asks the same question again, so nothing
   is decided; counted apart as "answered instead"), and for the three legal steps the
   false accepts (a commitment, "I have read it" or a special authorisation taken where the label says
   otherwise; the worst bug the product can ship). "Understood" is the share of entries labelled with a value
   that got exactly that value.

2. Item discovery: top-1 / top-3 on the discovery test set and on the independent set
   (``tests/data/discovery_independent.yml``), using :mod:`bot.tools.discovery_eval`.

The held-out split is the honest measure: this report never prints its texts (only counts), so that reading
the output cannot turn it into a development set. ``--show-dev-errors`` lists the dev split's misses.

Exit status: 0 when the evaluation ran, 2 when the interpreters are not there yet. It measures; the gates
are in tests/bot/test_answer_eval.py.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional

import yaml

from bot.core.reading import Context, Reading
from bot.core.textnorm import name_key, normalize

REPO = Path(__file__).resolve().parents[2]
ANSWERS_DIR = REPO / "tests" / "data" / "answers"
SPLITS = ("dev", "heldout")
DISCOVERY_SETS = {
    "discovery_test": REPO / "tests" / "data" / "discovery_test.yml",
    "discovery_independent": REPO / "tests" / "data" / "discovery_independent.yml",
}

# The steps whose "yes" is a legal act, and the value that act is.
LEGAL_STEPS = {"affirmation": "explicit", "notice_ack": "yes", "authorization_scope": "yes"}
NAME_STEPS = {"applicant_name", "agent_name", "representative_name"}
NUMBER_STEPS = {"applicant_id", "agent_id", "authorization_no", "commitment_no", "complaint_commitment_no"}
PHONE_STEPS = {"phone", "complaint_phone"}
CHOICE_STEPS = {"use_commitment", "acting_as"}
FREE_TEXT_STEPS = {"withdraw_reason", "complaint_text"}
STEPS = (
    "use_commitment", "acting_as", "applicant_name", "applicant_id", "representative_name", "agent_name",
    "agent_id", "authorization_no", "authorization_scope", "phone", "notice_ack", "affirmation",
    "commitment_no", "withdraw_reason", "complaint_text", "complaint_commitment_no", "complaint_phone",
)
KIND_LABELS = ("clarify", "question", "repeat", "cancel", "negated")
# Readings after which the engine asks the same question again (actions/forms.py): a clarification, a question's
# reply, the notice sent again. Nothing is decided by them, so none is a wrong decision.
ASKED_AGAIN = ("clarify", "question", "repeat")
TEXT_LABEL = "text"
CONTEXT_KEYS = {f.name for f in fields(Context)}
ENTRY_KEYS = {"step", "text", "expect", "ctx", "tags", "section", "extra", "times"}

_DASHES = re.compile(r"[‐‑‒–—―−－]")
_SPACES = re.compile(r"\s+")


class InterpreterMissing(RuntimeError):
    """``actions.interpret.interpret`` cannot be imported (yet)."""


# ---------------------------------------------------------------- corpus

def corpus_path(split: str) -> Path:
    return ANSWERS_DIR / f"{split}.yaml"


def check_entry(entry: Any) -> List[str]:
    """What is wrong with one corpus entry (empty when it is well formed)."""
    if not isinstance(entry, dict):
        return [f"not a mapping: {entry!r}"]
    problems = []
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    step = entry.get("step")
    if step not in STEPS:
        problems.append(f"unknown step {step!r}")
    if not isinstance(entry.get("text"), str):
        problems.append("text must be a string")
    expect = entry.get("expect")
    if not isinstance(expect, str) or not expect:
        problems.append(f"expect must be a non-empty string, got {expect!r} (quote yes/no)")
    elif step in LEGAL_STEPS and expect not in KIND_LABELS and expect != LEGAL_STEPS[step]:
        problems.append(f"{step} can only decide {LEGAL_STEPS[step]!r}, got {expect!r}")
    elif step in CHOICE_STEPS and expect not in KIND_LABELS:
        choices = {"use_commitment": ("yes", "no"), "acting_as": ("self", "proxy")}[step]
        if expect not in choices:
            problems.append(f"{step} decides one of {choices}, got {expect!r}")
    elif expect == TEXT_LABEL and step not in FREE_TEXT_STEPS:
        problems.append("`text` labels only free-text steps")
    if expect == "repeat" and step != "notice_ack":
        problems.append("only notice_ack can be repeated")
    ctx = entry.get("ctx") or {}
    if not isinstance(ctx, dict) or set(ctx) - CONTEXT_KEYS:
        problems.append(f"ctx keys must be fields of Context, got {ctx!r}")
    if "section" in entry and expect != "repeat":
        problems.append("section only goes with expect: repeat")
    return problems


def load_corpus(split: str) -> List[Dict[str, Any]]:
    """The entries of one split, validated; raises ValueError naming every malformed entry."""
    path = corpus_path(split)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: the corpus is a YAML list of entries")
    errors = []
    for number, entry in enumerate(data, 1):
        for problem in check_entry(entry):
            errors.append(f"{path.name} entry {number} ({(entry or {}).get('text', '')[:20]!r}): {problem}")
    if errors:
        raise ValueError("\n".join(errors))
    return data


def entry_text(entry: Dict[str, Any]) -> str:
    return entry["text"] * int(entry.get("times") or 1)


# The corpus header's defaults: applicant 张伟 acting for himself; a proxy acts for 赵强 as 刘洋; an enterprise
# is 郑州好味餐饮管理有限公司. An entry's own ctx overrides them field by field.
DEFAULT_CONTEXT = {
    "self": {"applicant_name": "张伟"},
    "proxy": {"applicant_name": "赵强", "agent_name": "刘洋"},
    "enterprise": {"applicant_name": "郑州好味餐饮管理有限公司"},
}


def entry_context(entry: Dict[str, Any]) -> Context:
    ctx = dict(entry.get("ctx") or {})
    if ctx.get("applicant_kind") == "enterprise":
        base = DEFAULT_CONTEXT["enterprise"]
    else:
        base = DEFAULT_CONTEXT["proxy" if ctx.get("acting_as") == "proxy" else "self"]
    return Context(**{**base, **ctx})


# ---------------------------------------------------------------- comparing a Reading with a label

def canonical_value(step: str, value: Any) -> str:
    """The form two values of ``step`` are compared in: what a clerk would call the same answer."""
    text = normalize(str(value))
    if step in NAME_STEPS:
        return name_key(text)
    if step in NUMBER_STEPS or step in PHONE_STEPS:
        if text.strip().lower() == "none":
            return "none"
        return _SPACES.sub("", _DASHES.sub("-", text)).upper()
    return text.strip()


def value_matches(step: str, label: str, got: Any) -> bool:
    if label == TEXT_LABEL:
        return isinstance(got, str) and bool(got.strip())
    return canonical_value(step, got) == canonical_value(step, label)


def judge(entry: Dict[str, Any], reading: Optional[Reading], error: Optional[str] = None) -> Dict[str, Any]:
    """One entry's verdict: correct, clarified, wrong decision, false accept, understood (value labels)."""
    step, label = entry["step"], entry["expect"]
    label_is_value = label not in KIND_LABELS
    verdict = {
        "correct": False, "clarified": False, "wrong": False, "false_accept": False,
        "value_label": label_is_value, "understood": False, "extra_miss": False, "error": error,
        "answered_instead": False,
        "got": None,
    }
    if reading is None or not isinstance(reading, Reading):
        verdict["wrong"] = True
        verdict["error"] = error or f"not a Reading: {reading!r}"
        return verdict
    verdict["got"] = reading.kind if reading.kind != "value" else f"value:{reading.value}"
    if reading.kind == "clarify":
        verdict["clarified"] = True
    if label_is_value:
        correct = reading.kind == "value" and value_matches(step, label, reading.value)
        verdict["understood"] = correct
    else:
        correct = reading.kind == label
        if correct and label == "repeat" and entry.get("section") is not None:
            correct = reading.section == entry["section"]
    verdict["correct"] = correct
    verdict["wrong"] = not correct and reading.kind not in ASKED_AGAIN
    verdict["answered_instead"] = not correct and reading.kind in ("question", "repeat")
    accept = LEGAL_STEPS.get(step)
    # Any decided value on a legal step is an acceptance (those steps decide nothing else).
    if accept is not None and reading.kind == "value" and label != accept:
        verdict["false_accept"] = True
    for key, want in (entry.get("extra") or {}).items():
        got = (reading.extra or {}).get(key)
        if got is None or canonical_value("applicant_id", got) != canonical_value("applicant_id", want):
            verdict["extra_miss"] = True
    return verdict


# ---------------------------------------------------------------- running

def load_interpreter() -> Callable[[str, str, Context], Reading]:
    try:
        from actions.interpret import interpret
    except Exception as exc:  # the module is missing, half-written or fails to import
        raise InterpreterMissing(f"actions.interpret.interpret is not available: {exc!r}") from exc
    return interpret


# What the NLU is given of one answer: the model reads at most this much of a message (bot/rasa/nlu_normalizer.py;
# the channels refuse a longer one before any reader sees it, bot/channels/message_guard.py).
NLU_TEXT_LIMIT = 2000


def nlu_readings(model: Path, entries: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The trained model's intent of each entry's text, as Rasa parses the message before the actions run.

    Parsed in a child process (``python -m bot.tools.parse``) whose stdout is only the readings and whose
    stderr is dropped: Rasa logs every text it parses, and the held-out texts must never be shown."""
    import subprocess

    lines = "".join(json.dumps(entry_text(e)[:NLU_TEXT_LIMIT], ensure_ascii=False) + "\n" for e in entries)
    done = subprocess.run([sys.executable, "-m", "bot.tools.parse", str(model)], input=lines, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO, check=False)
    readings = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or len(readings) != len(entries):
        raise RuntimeError(f"the model could not read the answers (exit {done.returncode}, "
                           f"{len(readings)} of {len(entries)} read)")
    return [r.get("intent") or {} for r in readings]


def with_intent(ctx: Context, intent: Optional[Dict[str, Any]]) -> Context:
    if not intent:
        return ctx
    return replace(ctx, intent=intent.get("name"), confidence=float(intent.get("confidence") or 0.0))


def run_split(split: str, interpret: Callable[[str, str, Context], Reading],
              model: Optional[Path] = None) -> List[Dict[str, Any]]:
    """Every entry of ``split`` with its verdict and the time the interpreter took; with ``model``, each answer
    carries the model's intent and confidence, as in the product (actions/forms.py ``State.context``)."""
    results = []
    entries = load_corpus(split)
    intents = nlu_readings(model, entries) if model else [None] * len(entries)
    for entry, intent in zip(entries, intents):
        started = time.perf_counter()
        try:
            reading, error = interpret(entry["step"], entry_text(entry), with_intent(entry_context(entry), intent)), None
        except Exception as exc:  # bad input must get a clarify, never an exception: count it as wrong
            reading, error = None, f"{type(exc).__name__}: {exc}"
        elapsed = time.perf_counter() - started
        results.append({"entry": entry, "verdict": judge(entry, reading, error), "seconds": elapsed})
    return results


def summarise(results: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    rows: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    for result in results:
        rows[result["entry"]["step"]].append(result)
        rows["all"].append(result)

    def figures(items: List[Dict[str, Any]], step: str) -> Dict[str, Any]:
        n = len(items)
        verdicts = [r["verdict"] for r in items]
        value_labelled = [v for v in verdicts if v["value_label"]]
        legal = step in LEGAL_STEPS or step == "all"
        # Rates keep six places: rounded to four first, 127 of 131 (0.969465) became 0.9695 and was printed as
        # 97.0 %, a goal of 97 % shown as met when it is not.
        return {
            "n": n,
            "accuracy": round(sum(v["correct"] for v in verdicts) / n, 6) if n else 0.0,
            "clarify_rate": round(sum(v["clarified"] for v in verdicts) / n, 6) if n else 0.0,
            "wrong": sum(v["wrong"] for v in verdicts),
            "answered_instead": sum(v["answered_instead"] for v in verdicts),
            "false_accepts": sum(v["false_accept"] for v in verdicts) if legal else None,
            "value_labelled": len(value_labelled),
            "understood": (round(sum(v["understood"] for v in value_labelled) / len(value_labelled), 6)
                           if value_labelled else None),
            "extra_miss": sum(v["extra_miss"] for v in verdicts),
            "errors": sum(bool(v["error"]) for v in verdicts),
            "max_ms": round(max((r["seconds"] for r in items), default=0.0) * 1000, 1),
        }

    ordered = [s for s in STEPS if s in rows] + ["all"]
    summary = {step: figures(rows[step], step) for step in ordered}
    all_results = rows["all"]
    summary["all"]["false_accepts"] = sum(r["verdict"]["false_accept"] for r in all_results)
    by_tag: Dict[str, Counter] = defaultdict(Counter)
    for result in all_results:
        for tag in result["entry"].get("tags") or ["untagged"]:
            by_tag[tag]["n"] += 1
            by_tag[tag]["correct"] += result["verdict"]["correct"]
            by_tag[tag]["wrong"] += result["verdict"]["wrong"]
    return {"steps": summary, "tags": {t: dict(c) for t, c in sorted(by_tag.items())}}


def discovery_figures() -> Dict[str, Any]:
    try:
        from bot.tools.discovery_eval import evaluate
    except Exception as exc:
        return {name: {"error": repr(exc)} for name in DISCOVERY_SETS}
    out = {}
    for name, path in DISCOVERY_SETS.items():
        if not path.exists():
            out[name] = {"error": f"{path.name} is missing"}
            continue
        try:
            out[name] = evaluate(path)
        except Exception as exc:
            out[name] = {"error": repr(exc)}
    return out


def current_model() -> Optional[Path]:
    """The model trained from the current inputs (``make model``), None before it exists."""
    try:
        from bot.tools.model import model_path
    except Exception:  # the Rasa virtualenv's tools are not importable here
        return None
    path = model_path()
    return path if path.is_file() else None


def evaluate(splits: Iterable[str] = SPLITS, *, with_discovery: bool = True,
             model: Optional[Path] = None) -> Dict[str, Any]:
    """The whole report as data. Raises InterpreterMissing when there is nothing to evaluate.

    With ``model`` the answers are read as the product reads them (rules and the NLU's intent together) and the
    rules alone are measured beside them (``rules_only``); without it, the rules alone."""
    interpret = load_interpreter()
    report: Dict[str, Any] = {"answers": {}, "discovery": {}, "model": model.name if model else None}
    raw: Dict[str, List[Dict[str, Any]]] = {}
    for split in splits:
        raw[split] = run_split(split, interpret, model)
        report["answers"][split] = summarise(raw[split])
        if model:
            report.setdefault("rules_only", {})[split] = summarise(run_split(split, interpret))["steps"]["all"]
    if with_discovery:
        report["discovery"] = discovery_figures()
    report["_results"] = raw
    return report


# ---------------------------------------------------------------- output

def _pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def render_markdown(report: Dict[str, Any], show_dev_errors: bool = False) -> str:
    lines = ["## Answer interpretation", ""]
    if report.get("model"):
        lines += [f"Read as the product reads them: the rules with the trained NLU model's intent and confidence of "
                  f"each answer ({report['model']}).", ""]
    else:
        lines += ["Read by the rules alone (no trained model: `make model`, then `make eval` reads them with the NLU "
                  "as the product does).", ""]
    lines.append("| split | step | n | accuracy | clarify rate | wrong | answered instead | false accepts | understood | extra miss |"
                 " exceptions |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for split, data in report["answers"].items():
        for step, f in data["steps"].items():
            fa = "–" if f["false_accepts"] is None else str(f["false_accepts"])
            name = f"**{step}**" if step == "all" else step
            lines.append(f"| {split} | {name} | {f['n']} | {_pct(f['accuracy'])} | {_pct(f['clarify_rate'])} |"
                         f" {f['wrong']} | {f['answered_instead']} | {fa} | {_pct(f['understood'])} | {f['extra_miss']} |"
                         f" {f['errors']} |")
    lines += ["", "False accepts: a legal step (affirmation, notice_ack, authorization_scope) decided yes/explicit "
              "where the label is anything else. Wrong: a value, a refusal or a stop that differs from the label. Answered "
              "instead: a question's reply or the notice again where the label says otherwise (the question is then asked "
              "again). "
              "Understood: share of value-labelled answers that got exactly that value.", ""]
    for split, f in (report.get("rules_only") or {}).items():
        lines.append(f"The rules alone on {split}: accuracy {_pct(f['accuracy'])}, understood {_pct(f['understood'])}, "
                     f"wrong {f['wrong']}, false accepts {f['false_accepts']}.")
    if report.get("rules_only"):
        lines.append("")
    for split, data in report["answers"].items():
        lines += [f"### By tag ({split})", "", "| tag | n | correct | wrong |", "|---|---:|---:|---:|"]
        for tag, c in data["tags"].items():
            lines.append(f"| {tag} | {c.get('n', 0)} | {c.get('correct', 0)} | {c.get('wrong', 0)} |")
        lines.append("")
    if report.get("discovery"):
        lines += ["## Item discovery", "", "| set | n | top-1 | top-3 |", "|---|---:|---:|---:|"]
        for name, d in report["discovery"].items():
            if "error" in d:
                lines.append(f"| {name} | – | error: {d['error']} | |")
            else:
                lines.append(f"| {name} | {d['n']} | {_pct(d['top1'])} | {_pct(d['top3'])} |")
        lines.append("")
    if show_dev_errors and "dev" in report.get("_results", {}):
        lines += ["## Dev misses", "", "| step | text | expect | got | wrong | false accept |",
                  "|---|---|---|---|---|---|"]
        for r in report["_results"]["dev"]:
            v = r["verdict"]
            if v["correct"]:
                continue
            text = r["entry"]["text"][:60].replace("|", "\\|")
            got = (v["error"] or str(v["got"]))[:60].replace("|", "\\|")
            lines.append(f"| {r['entry']['step']} | {text} | {r['entry']['expect']} | {got} |"
                         f" {'x' if v['wrong'] else ''} | {'**x**' if v['false_accept'] else ''} |")
        lines.append("")
    return "\n".join(lines)


def public_report(report: Dict[str, Any]) -> Dict[str, Any]:
    """The report without per-entry results (the held-out texts are never printed)."""
    return {k: v for k, v in report.items() if not k.startswith("_")}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of markdown")
    parser.add_argument("--show-dev-errors", action="store_true", help="list the dev split's misses")
    parser.add_argument("--no-discovery", action="store_true", help="skip the discovery figures")
    parser.add_argument("--model", type=Path, default=None,
                        help="the NLU model to read the answers with (default: the current one, if trained)")
    parser.add_argument("--rules-only", action="store_true", help="read the answers with the rules alone")
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    model = None if args.rules_only else (args.model or current_model())
    if model is not None and not model.is_file():
        print(f"no model at {model}", file=sys.stderr)
        return 1
    try:
        report = evaluate(splits, with_discovery=not args.no_discovery, model=model)
    except InterpreterMissing as exc:
        print(f"cannot evaluate the answers: {exc}", file=sys.stderr)
        print("the answer interpreters (actions/interpret.py) must exist before `make eval` can measure them",
              file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(public_report(report), ensure_ascii=False, indent=2))
    else:
        print(render_markdown(report, show_dev_errors=args.show_dev_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
