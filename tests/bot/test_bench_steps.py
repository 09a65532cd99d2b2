"""The benchmark's latency by step of the journey (bench/load.py ``LevelResult.steps``, bench/report.py)."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Dict, List

import httpx

from bench import load
from bench.report import render

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results" / "latest.json"


def test_each_turn_is_counted_under_its_step_and_in_the_totals():
    result = load.LevelResult(label="t", concurrency=1, conversations=1)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"text": "好"}])

    async def talk() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
            c = load.Conversation(http, "http://rasa/webhooks/rest/webhook", "s", result)
            await c.say("是", "commitment")
            await c.say("本人", "self")
            await c.say("本人", "self")
            await c.say("你好")  # no step given: counted as "turn"

    asyncio.run(talk())
    row = result.as_dict()
    assert row["turns"] == 4 and sum(s["n"] for s in row["steps"].values()) == 4
    assert set(row["steps"]) == {"commitment", "self", "turn"} and row["steps"]["self"]["n"] == 2
    for summary in row["steps"].values():
        assert 0 <= summary["p50_ms"] <= summary["max_ms"]


def test_the_summary_of_a_step():
    assert load.step_summary([30.0, 10.0, 20.0, 40.0]) == {"n": 4, "p50_ms": 20.0, "max_ms": 40.0}
    text = load.format_steps({"fast": {"n": 2, "p50_ms": 5.0, "max_ms": 6.0},
                              "slow": {"n": 2, "p50_ms": 50.0, "max_ms": 60.0}})
    assert text.index("slow") < text.index("fast")


def test_the_report_shows_the_steps_and_still_renders_runs_without_them():
    data: Dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    rows: List[Dict[str, Any]] = data["levels"]["ours"]
    for row in rows:
        row.pop("steps", None)  # as in a run recorded before steps were
    assert "latency by step" not in render(data)
    rows[0]["steps"] = {"act_code": {"n": 10, "p50_ms": 61.0, "max_ms": 90.0},
                        "need": {"n": 10, "p50_ms": 21.0, "max_ms": 30.0}}
    report = render(data)
    assert "## Ours: latency by step of the journey" in report
    assert report.index("| 1 | act_code | 10 | 61 | 90 |") < report.index("| 1 | need | 10 | 21 | 30 |")
