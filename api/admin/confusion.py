"""The intent confusion matrix as data, so the console can draw it for the screen with Chinese labels.

``rasa test nlu`` writes ``intent_report.json`` (per intent: support, and ``confused_with``: its two or three
most frequent wrong predictions) and ``intent_errors.json`` (every misclassified sentence with its target and
predicted intent). With the errors the matrix is exact: off-diagonal cells count the errors, the diagonal is
the support minus the intent's errors. Without them (a model evaluated before the errors were kept) it is
rebuilt from ``confused_with``, which holds the largest confusions only; ``exact`` says which it is.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional

_SKIP = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def build(report: Dict[str, Any], errors: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    support = {name: int(v.get("support") or 0) for name, v in report.items()
               if name not in _SKIP and isinstance(v, dict) and "support" in v}
    wrong: Counter = Counter()
    if errors is not None:
        for error in errors:
            actual = error.get("intent")
            predicted = (error.get("intent_prediction") or {}).get("name") or "nlu_fallback"
            if actual and actual != predicted:
                wrong[(actual, predicted)] += 1
    else:
        for name, v in report.items():
            if name in support:
                for other, count in (v.get("confused_with") or {}).items():
                    wrong[(name, other)] += int(count)
    labels = sorted(set(support) | {a for a, _ in wrong} | {p for _, p in wrong})
    index = {name: i for i, name in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for (actual, predicted), count in wrong.items():
        matrix[index[actual]][index[predicted]] = count
    for name, n in support.items():
        errors_of = sum(c for (a, _), c in wrong.items() if a == name)
        matrix[index[name]][index[name]] = max(n - errors_of, 0)
    top = [{"actual": a, "predicted": p, "count": c}
           for (a, p), c in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"labels": labels, "matrix": matrix, "top": top[:15], "exact": errors is not None}


def from_directory(directory: Path) -> Optional[Dict[str, Any]]:
    """The matrix of an evaluation output directory, or None when it holds no report."""
    report_path = directory / "intent_report.json"
    if not report_path.is_file():
        return None
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
        errors_path = directory / "intent_errors.json"
        if errors_path.is_file():
            errors = json.loads(errors_path.read_text(encoding="utf-8"))
        else:
            # Rasa writes no errors file when nothing was misclassified; if the report names confusions, the
            # file was simply not kept and the report's largest confusions are all there is.
            errors = None if _has_errors(report) else []
        return build(report, errors)
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def _has_errors(report: Dict[str, Any]) -> bool:
    return any((v.get("confused_with") or {}) for k, v in report.items() if k not in _SKIP and isinstance(v, dict))
