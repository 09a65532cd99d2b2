"""The benchmark's signing-cost step: what the SM2 signature and the letter's PAdES signature cost per commitment.

The figures come from ``api.signing.cost``, run with the API's interpreter: this virtualenv (Rasa) cannot import
the API (SQLAlchemy 2, pydantic 2), and the cost must be measured with the very libraries the API signs with.
"""
from __future__ import annotations

import json
import os
import subprocess
from typing import Any, Dict, List, Optional

from bot.tools.stack import API_PY, ROOT

TIMEOUT_S = 600
ERROR_LINES = 15


def command(quick: bool = False) -> List[str]:
    return [str(API_PY), "-m", "api.signing.cost", "--json"] + (["--quick"] if quick else [])


def measure(quick: bool = False, timeout_s: float = TIMEOUT_S) -> Dict[str, Any]:
    """The entry point's JSON, or ``{"error": ...}`` so a failure here is reported rather than ending the run."""
    # No GZ_* of the caller's shell (the benchmark itself sets a reading floor): the figures must not depend on them.
    env = {name: value for name, value in os.environ.items() if not name.startswith("GZ_")}
    try:
        done = subprocess.run(
            command(quick), cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout_s
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"error": f"{' '.join(command(quick))}: {exc}"}
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-ERROR_LINES:])
        return {"error": f"api.signing.cost exited with {done.returncode}:\n{tail}"}
    try:
        result: Optional[Dict[str, Any]] = json.loads(done.stdout)
    except ValueError:
        result = None
    if not isinstance(result, dict) or not isinstance(result.get("rows"), list):
        return {"error": f"api.signing.cost printed no figures: {done.stdout[:300]!r}"}
    return result
