"""``python -m api.signing.cost``: the signing cost per commitment the benchmark reports (bench/signing.py).

The entry point runs for real (its own temporary database, real commitments through the API, real SM2, real
PAdES) with few repetitions; the figures are rough then, but their shape and their signs are what the report
relies on. The report's table is rendered from that very output.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from api.config import REPO_ROOT
from bench import signing
from bench.report import render, render_signing

KEYS = {"sign", "verify", "hash", "create", "letter"}


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    poison = tmp_path_factory.mktemp("elsewhere")
    env = dict(os.environ)
    # Settings read GZ_*: the entry point must not touch the database or keys they name.
    env.update(
        GZ_DATABASE_URL=f"sqlite:///{poison / 'api.db'}",
        GZ_SIGNING_KEY_PATH=str(poison / "keys" / "platform_ed25519.pem"),
        GZ_DATA_KEY_PATH=str(poison / "keys" / "data.key"),
        GZ_OTP_KEY_PATH=str(poison / "keys" / "otp.key"),
        GZ_SMS_OUTBOX_PATH=str(poison / "sms-outbox.jsonl"),
        GZ_SMS_GATEWAY_URL="http://127.0.0.1:9/sms",  # nothing listens: a code sent there would never come back
    )
    done = subprocess.run(
        [sys.executable, "-m", "api.signing.cost", "--json", "--quick"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert list(poison.iterdir()) == [], "the entry point wrote where the caller's GZ_* settings point"
    return json.loads(done.stdout)  # stdout is the JSON alone


def test_every_figure_is_there_and_positive(figures: Dict[str, Any]) -> None:
    rows = {row["key"]: row for row in figures["rows"]}
    assert set(rows) == KEYS
    for row in rows.values():
        assert row["base_ms"] > 0 and row["with_ms"] > 0, row
        assert row["samples"] >= 1
        assert row["ratio"] == pytest.approx(row["with_ms"] / row["base_ms"], rel=0.02, abs=0.01)
        assert row["step"] and row["base"] and row["with"]
    assert figures["record_bytes"] > 1000  # a whole canonical record, not a toy message
    assert figures["plan"] == {"budget_s": 0.03, "commitments": 2, "letters": 1}
    assert 0 < figures["sm2_sign_share_of_create"] < 1
    assert figures["signed_pdf_bytes"] > figures["pdf_bytes"] > 0


def test_the_comparisons_go_the_way_the_algorithms_do(figures: Dict[str, Any]) -> None:
    """Not a benchmark assertion: SM2 in Python (even with its fixed-base table) against Ed25519 in OpenSSL stays
    many times slower, and a creation, which signs and then stores, cannot be cheaper than its signature alone.
    Both margins are an order of magnitude, so a busy machine does not make them fail. The letter's two timings are
    compared nowhere: a PAdES signature adds a few per cent to the PDF's rendering, within one sample's noise, so
    its sign is not the algorithm's (the letter's extra work is shown by its size, checked above)."""
    rows = {row["key"]: row for row in figures["rows"]}
    assert rows["sign"]["with_ms"] > rows["sign"]["base_ms"]
    assert rows["create"]["with_ms"] > rows["sign"]["with_ms"]


def test_the_report_table_renders_the_entry_points_output(figures: Dict[str, Any]) -> None:
    lines = render_signing(figures)
    assert lines[0].startswith("## 签名成本 / Signing cost per commitment")
    table = [line for line in lines if line.startswith("| ") and not line.startswith("| step")]
    assert len(table) == len(KEYS)
    sign = next(line for line in table if "Ed25519" in line and "SM2" in line and "签名" in line)
    cells = [cell.strip() for cell in sign.strip("|").split("|")]
    assert float(cells[2]) > 0 and float(cells[4]) > 0 and cells[6].endswith("×")
    text = "\n".join(lines)
    assert "SM2 adds" in text and "PAdES signature adds" in text


def test_the_full_report_carries_the_section_and_says_when_the_step_failed(figures: Dict[str, Any]) -> None:
    machine = dict.fromkeys(("cpu", "cores", "ram", "os", "python", "rasa", "rasa_sdk", "tensorflow", "fastapi",
                             "sqlalchemy_api"), "x")
    data: Dict[str, Any] = {
        "started_at": "2026-01-01 00:00", "command": "make bench", "profile": "embedded", "machine": machine,
        "levels": {"ours": []}, "rss_mb": {}, "startup": {}, "client_rss_mb": 1.0, "signing": figures,
    }
    assert "## 签名成本 / Signing cost per commitment" in render(data)
    data["signing"] = {"error": "api.signing.cost exited with 1:\nboom"}
    report = render(data)
    assert "The signing-cost step failed" in report and "boom" in report
    assert "| step | without |" not in report


def test_the_bench_step_reports_a_failing_or_silent_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signing, "command", lambda quick=False: [sys.executable, "-c",
                                                                "import sys; sys.stderr.write('boom'); sys.exit(3)"])
    failed = signing.measure()
    assert "exited with 3" in failed["error"] and "boom" in failed["error"]
    monkeypatch.setattr(signing, "command", lambda quick=False: [sys.executable, "-c", "print('no figures')"])
    assert "printed no figures" in signing.measure()["error"]


def test_arguments_are_checked_before_any_work() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "api.signing.cost", "--commitments", "0"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2 and "--commitments" in done.stderr
