"""No log of the running stack holds a full ID number, 统一社会信用代码 or phone number (P5).

A full journey runs first - an applicant's ID and phone number typed in, a credit check, a signed commitment -
then every log file of this test run's stack (var/logs/*.log: the API, the action server, Rasa; also everything
the e2e tests before this one logged) is scanned. The masked form must be there: the action server logs each
credit check with the applicant's ID (actions/journey.py), so an empty or silent log cannot pass this test.
"""
from __future__ import annotations

import pytest

from tests.e2e.logscan import MASKED_ID, scan_logs, unmasked_numbers
from tests.e2e.test_journey import ZHANG_WEI, affirm, read_notice, to_notice

pytestmark = pytest.mark.e2e


def test_scanner_finds_what_it_must():  # the scan itself can fail
    assert unmasked_numbers(f"credit check {ZHANG_WEI[1]}: clean") == [ZHANG_WEI[1]]
    assert unmasked_numbers("uscc 91410100ma44xk7l3d, phone 13912345678") == ["13912345678", "91410100MA44XK7L3D"]
    assert unmasked_numbers("credit check 4101**********1233: clean; at 1764231234.5; pid 1380013") == []


def test_logs_of_a_full_journey_hold_no_full_number(chat, stack):  # P5
    c = chat()
    # 张伟's registered (实名) number: another one is refused (phone_mismatch).
    msgs = to_notice(c, "我在郑州没有房子，想申请公租房", "ZM001", who=ZHANG_WEI, phone="13800138000")
    read_notice(c, msgs, "ZM001")
    assert c.one(affirm(c), "commitment_receipt")["status"] == "accepted"
    logs = sorted(stack.logs.glob("*.log"))
    assert {p.name for p in logs} >= {"api.log", "actions.log", "rasa.log"}
    assert scan_logs(stack.logs) == {}
    actions_log = (stack.logs / "actions.log").read_text(encoding="utf-8", errors="replace")
    masked = MASKED_ID.findall(actions_log)
    assert "4101**********1233" in masked, "the credit check's masked ID is missing from the action server's log"
