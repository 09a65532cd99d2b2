"""Verification after the commitment (R12-R14, R19): tasks, the 双随机 draw, the worklist, online checks, results.

Commitments are signed on fixed dates (``commit_on``) and the API's clock is moved (``today_is``), so no test
depends on the real date.
"""
from __future__ import annotations

from datetime import date

import pytest

from api.database import make_engine, make_sessionmaker
from api.verification import service as verification
from api.verification.models import VerificationTask
from tests.api.access_helpers import verified_as
from tests.api.helpers import HAOWEI, LIU_YANG, WANG_FANG, ZHANG_WEI, ZHAO_QIANG
from tests.api.supervision_helpers import (
    commit_on,
    staff_headers,
    stored_task,
    task_for,
    today_is,
    write_supervision_items,
)

NATIONAL_DAY_EVE = date(2026, 9, 30)  # the Wednesday before the 国庆 week (10-01 to 10-07, 10-10 worked)


@pytest.fixture
def settings(settings):
    write_supervision_items(settings.catalogue_dir)
    return settings


@pytest.fixture
def officer(client, initialised):
    return staff_headers(client, initialised, "officer")


def _key(settings) -> bytes:
    return settings.id_hash_key_path.read_bytes()


# --- the task and its due date (R13) ------------------------------------------------------------------------


def test_a_commitment_gets_a_task_whose_due_date_skips_the_national_day_holidays(client, initialised, officer):
    # R13: ZM001's plan is online, 20 working days. From 2026-09-30 the count skips 10-01..10-07, counts the
    # 调休 Saturday 10-10 and ends on 11-03 (a weekday-only count would end on 10-28).
    receipt = commit_on(client, NATIONAL_DAY_EVE)
    row = stored_task(initialised, receipt["commitment_no"])
    assert str(row["due_date"]) == "2026-11-03"
    assert not row["due_date_provisional"]
    assert row["method"] == "online" and row["time_limit_days"] == 20
    assert row["status"] == "open" and row["selected"] and row["selection_reason"] == "sampled"

    task = task_for(client, officer, receipt["commitment_no"])
    assert task["due_date"] == "2026-11-03"
    # Being drawn is not a finding: the status changes only when an officer starts (R19).
    assert task["commitment_status"] == "accepted"
    assert task["applicant_masked"] == "张*" and task["applicant_id_masked"] == "4101**********1233"


def test_a_due_date_beyond_the_holiday_table_is_stored_provisionally(client, initialised):
    # The 2027 arrangement is not published yet: the commitment is still stored (P4) and its due date is
    # counted on weekdays and flagged, to be recounted when the table covers 2027.
    receipt = commit_on(client, date(2026, 12, 15), "XK007", HAOWEI)
    row = stored_task(initialised, receipt["commitment_no"])
    assert row["due_date_provisional"]
    assert str(row["due_date"]) == "2027-01-26"  # 30 weekdays, 2027-01-01 counted because nothing says otherwise


# --- who is checked (R13, 双随机) ----------------------------------------------------------------------------


def test_the_draw_is_reproducible_from_the_key_and_the_number():
    key = verification.sampling_key(b"k" * 32)
    draw = verification.sample_draw("CN20260930-000001", key)
    assert 0 <= draw < 1
    assert verification.sample_draw("CN20260930-000001", key) == draw
    assert verification.sample_draw("CN20260930-000001", verification.sampling_key(b"j" * 32)) != draw
    # Uniform enough that a plan's rate is the share actually drawn.
    draws = [verification.sample_draw(f"CN20260930-{n:06d}", key) for n in range(4000)]
    assert abs(sum(d < 0.3 for d in draws) / len(draws) - 0.3) < 0.03


def test_sampling_follows_the_plans_rate_and_is_recorded(client, initialised):
    # ZM007 samples half of the clean applicants; each task records the draw and the rate, and the draw can be
    # recomputed by anyone holding the key.
    key = verification.sampling_key(_key(initialised))
    seen = set()
    # The key is random per test, so the draws are too: commit until both outcomes occurred (18 commitments all
    # alike has probability 2**-17; a fixed six failed about one run in 30).
    for identity in (ZHANG_WEI, ZHAO_QIANG, LIU_YANG) * 6:
        if seen == {"sampled", "not_sampled"}:
            break
        receipt = commit_on(client, NATIONAL_DAY_EVE, "ZM007", identity)
        row = stored_task(initialised, receipt["commitment_no"])
        expected = verification.sample_draw(receipt["commitment_no"], key)
        assert row["sample_draw"] == pytest.approx(expected, abs=1e-12)
        assert row["sampling_rate"] == 0.5
        assert bool(row["selected"]) is (expected < 0.5)
        assert row["selection_reason"] == ("sampled" if expected < 0.5 else "not_sampled")
        seen.add(row["selection_reason"])
    assert seen == {"sampled", "not_sampled"}, "eighteen commitments should include both outcomes"


def test_credit_and_the_plan_decide_who_is_always_or_never_checked(client, initialised):
    # ZM010 samples nobody (rate 0): a clean applicant is not checked, 王芳 (repaired record) always is (R13).
    clean = stored_task(initialised, commit_on(client, NATIONAL_DAY_EVE, "ZM010", ZHANG_WEI)["commitment_no"])
    repaired = stored_task(initialised, commit_on(client, NATIONAL_DAY_EVE, "ZM010", WANG_FANG)["commitment_no"])
    assert (bool(clean["selected"]), clean["selection_reason"]) == (False, "not_sampled")
    assert (bool(repaired["selected"]), repaired["selection_reason"]) == (True, "repaired_credit")
    # An exempt item (免予核查) is never checked, whatever the credit.
    exempt = stored_task(initialised, commit_on(client, NATIONAL_DAY_EVE, "ZM006", WANG_FANG)["commitment_no"])
    assert (bool(exempt["selected"]), exempt["selection_reason"]) == (False, "exempt")


@pytest.mark.parametrize(
    "method, records, mandatory, draw, expected",
    [
        ("exempt", [], True, 0.9, (True, "complaint")),  # a complaint overrides everything
        ("exempt", [{"repaired_at": "2024-12-20"}], False, 0.0, (False, "exempt")),
        ("online", [{"repaired_at": "2024-12-20"}], False, 0.99, (True, "repaired_credit")),
        ("online", [{"repaired_at": None}], False, 0.99, (True, "credit_record")),  # a 一般 record
        ("online", [], False, 0.29, (True, "sampled")),
        ("online", [], False, 0.30, (False, "not_sampled")),
    ],
)
def test_selection_rules(method, records, mandatory, draw, expected):
    choice = verification.select_for_verification(
        method=method, sampling_rate=0.3, credit_records=records, mandatory=mandatory, draw=draw
    )
    assert (choice.selected, choice.reason) == expected


def test_a_complaint_makes_an_undrawn_commitment_mandatory(client, initialised, officer):
    # R11 -> R13: ZM010 drew nobody; a complaint naming the commitment puts it in the worklist.
    receipt = commit_on(client, NATIONAL_DAY_EVE, "ZM010", ZHANG_WEI)
    listed = client.get("/api/v1/verification/tasks", headers=officer).json()["tasks"]
    assert receipt["commitment_no"] not in {t["commitment_no"] for t in listed}
    engine = make_engine(initialised.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            task = session.get(VerificationTask, stored_task(initialised, receipt["commitment_no"])["id"])
            assert verification.make_mandatory(session, task.commitment) is True
    finally:
        engine.dispose()
    task = task_for(client, officer, receipt["commitment_no"])
    assert task["selection_reason"] == "complaint" and task["selected"]


def test_an_undrawn_commitment_cannot_be_checked_on_an_officers_own_initiative(client, initialised, officer):
    # R19 / 五(六): no discriminatory supervision of applicants who used commitment.
    receipt = commit_on(client, NATIONAL_DAY_EVE, "ZM010", ZHANG_WEI)
    task_id = stored_task(initialised, receipt["commitment_no"])["id"]
    response = client.post(f"/api/v1/verification/tasks/{task_id}/online-check", headers=officer)
    assert response.status_code == 409 and response.json()["error"] == "not_selected"


# --- the worklist (R13: due and overdue, counted) ----------------------------------------------------------------


def test_the_worklist_shows_due_and_overdue_tasks_and_counts_them(client, initialised, officer):
    late = commit_on(client, NATIONAL_DAY_EVE)  # due 2026-11-03
    on_time = commit_on(client, date(2026, 10, 28), "ZM001", ZHAO_QIANG)  # due 2026-11-25
    commit_on(client, NATIONAL_DAY_EVE, "ZM010", ZHANG_WEI)  # not drawn: in no list

    with today_is(client, date(2026, 11, 5)):
        everything = client.get("/api/v1/verification/tasks", headers=officer).json()
        overdue = client.get("/api/v1/verification/tasks?scope=overdue", headers=officer).json()
        due = client.get("/api/v1/verification/tasks?scope=due", headers=officer).json()
    assert everything["today"] == "2026-11-05"
    assert everything["counts"] == {"open": 2, "overdue": 1, "due_today": 0}
    assert [t["commitment_no"] for t in everything["tasks"]] == [late["commitment_no"], on_time["commitment_no"]]
    [late_task] = overdue["tasks"]
    assert late_task["commitment_no"] == late["commitment_no"]
    assert late_task["overdue"] is True and late_task["working_days_overdue"] == 2  # 11-04 and 11-05
    assert [t["commitment_no"] for t in due["tasks"]] == [on_time["commitment_no"]]

    with today_is(client, date(2026, 11, 25)):
        counts = client.get("/api/v1/verification/tasks", headers=officer).json()["counts"]
    assert counts == {"open": 2, "overdue": 1, "due_today": 1}


def test_only_officers_reach_the_worklist(client, initialised):
    assert client.get("/api/v1/verification/tasks").status_code == 401
    staff = staff_headers(client, initialised, "staff")
    assert client.get("/api/v1/verification/tasks", headers=staff).status_code == 403
    admin = staff_headers(client, initialised, "admin")
    assert client.get("/api/v1/verification/tasks", headers=admin).status_code == 403


def test_reading_a_task_with_the_full_identity_is_audited(client, initialised, officer):
    receipt = commit_on(client, NATIONAL_DAY_EVE)
    task = task_for(client, officer, receipt["commitment_no"])
    detail = client.get(f"/api/v1/verification/tasks/{task['task_id']}", headers=officer).json()
    assert detail["applicant_name"] == "张伟" and detail["applicant_id"] == ZHANG_WEI[1]
    admin = staff_headers(client, initialised, "admin")
    rows = client.get("/api/v1/audit?action=verification.task.read", headers=admin).json()["events"]
    assert rows and rows[0]["target"] == f"verification_task:{task['task_id']}"  # newest first
    assert ZHANG_WEI[1] not in str(rows)  # P5: the audit names the task, never the ID


# --- the online check (R12) ---------------------------------------------------------------------------------------


def test_online_check_confirms_a_true_commitment_from_shared_data(client, initialised, officer):
    receipt = commit_on(client, NATIONAL_DAY_EVE)  # 张伟 has no home: 无房 is true
    task = task_for(client, officer, receipt["commitment_no"])
    checked = client.post(f"/api/v1/verification/tasks/{task['task_id']}/online-check", headers=officer)
    assert checked.status_code == 200, checked.text
    body = checked.json()
    assert body["verdict"] == "true"
    assert body["evidence"][0]["source"] == "housing_ownership" and body["evidence"][0]["finding"] == "名下住房 0 套"
    assert body["task"]["commitment_status"] == "under_verification"  # the officer started the check
    assert body["task"]["online_check"]["adapter"] == "api.verification.shared_data.LocalSharedDataAdapter"

    result = client.post(
        f"/api/v1/verification/tasks/{task['task_id']}/result",
        headers=officer,
        json={"result": "属实", "findings": "不动产登记核对无房，属实"},
    ).json()
    assert result["commitment_status"] == "verified" and result["credit_record"] is None
    assert result["task"]["status"] == "done"
    assert client.post("/api/v1/credit/check", json={"id_number": ZHANG_WEI[1], **verified_as(client, ZHANG_WEI)}).json()["status"] == "clean"


def test_online_check_finds_a_false_commitment_and_says_when_it_cannot_tell(client, initialised, officer):
    owns_a_home = commit_on(client, NATIONAL_DAY_EVE, "ZM001", WANG_FANG)
    no_rule = commit_on(client, NATIONAL_DAY_EVE, "ZM004", ZHANG_WEI)  # 无犯罪记录: no shared source here
    false = client.post(
        f"/api/v1/verification/tasks/{task_for(client, officer, owns_a_home['commitment_no'])['task_id']}/online-check",
        headers=officer,
    ).json()
    assert false["verdict"] == "false" and "1 套" in false["summary"]
    unknown = client.post(
        f"/api/v1/verification/tasks/{task_for(client, officer, no_rule['commitment_no'])['task_id']}/online-check",
        headers=officer,
    ).json()
    assert unknown["verdict"] == "unknown" and "现场核查" in unknown["summary"]


class NothingSharedAdapter:
    """A stand-in for a deployment's own adapter, selected by GZ_SHARED_DATA_ADAPTER."""

    def __init__(self, **_context):
        pass

    def check(self, commitment, item):
        from api.verification.shared_data import Outcome

        return Outcome("unknown", f"测试适配器：{commitment.commitment_no}", [{"source": "test"}])


def test_the_adapter_is_chosen_by_configuration(client, initialised, officer):
    receipt = commit_on(client, NATIONAL_DAY_EVE)
    task = task_for(client, officer, receipt["commitment_no"])
    app_settings = client.app.state.settings
    client.app.state.settings = app_settings.model_copy(
        update={"shared_data_adapter": f"{__name__}.NothingSharedAdapter"}
    )
    try:
        body = client.post(f"/api/v1/verification/tasks/{task['task_id']}/online-check", headers=officer).json()
    finally:
        client.app.state.settings = app_settings
    assert body["verdict"] == "unknown" and body["summary"] == f"测试适配器：{receipt['commitment_no']}"
    assert body["task"]["online_check"]["adapter"] == f"{__name__}.NothingSharedAdapter"


# --- results (R14) ----------------------------------------------------------------------------------------------


def test_a_rectification_order_keeps_the_task_open_until_its_deadline(client, initialised, officer):
    fixed = commit_on(client, NATIONAL_DAY_EVE, "ZM001", WANG_FANG)
    not_fixed = commit_on(client, NATIONAL_DAY_EVE, "ZM001", WANG_FANG)
    ids = {no: task_for(client, officer, no)["task_id"] for no in (fixed["commitment_no"], not_fixed["commitment_no"])}
    with today_is(client, date(2026, 10, 20)):
        for task_id in ids.values():
            ordered = client.post(
                f"/api/v1/verification/tasks/{task_id}/result",
                headers=officer,
                json={
                    "result": "不实",
                    "findings": "名下有住房一套",
                    "measures": [{"code": "rectify", "detail": "限期退出所承租公租房申请或补充说明"}],
                    "rectify_by": "2026-11-20",
                    "severity": "一般",
                },
            )
            assert ordered.status_code == 200, ordered.text
            body = ordered.json()
            assert body["commitment_status"] == "under_verification"
            assert body["task"]["status"] == "open" and body["task"]["due_date"] == "2026-11-20"
            assert body["credit_record"]["type"] == "虚假承诺" and body["credit_record"]["severity"] == "一般"

    rectified = client.post(
        f"/api/v1/verification/tasks/{ids[fixed['commitment_no']]}/result",
        headers=officer,
        json={"result": "属实", "findings": "已按期整改"},
    ).json()
    assert rectified["commitment_status"] == "verified" and rectified["task"]["status"] == "done"
    failed = client.post(
        f"/api/v1/verification/tasks/{ids[not_fixed['commitment_no']]}/result",
        headers=officer,
        json={"result": "不实", "findings": "逾期未整改", "measures": [{"code": "revoke"}], "severity": "较重"},
    ).json()
    assert failed["commitment_status"] == "revoked"
    assert failed["credit_record"]["type"] == "未履行承诺"  # not rectified: a record of its own


@pytest.mark.parametrize(
    "body, error",
    [
        ({"result": "不实", "findings": "不实", "measures": [{"code": "penalty"}], "severity": "一般"}, "measure_required"),
        ({"result": "不实", "findings": "不实", "measures": [{"code": "revoke"}]}, "severity_required"),
        ({"result": "不实", "findings": "不实", "measures": [{"code": "rectify"}], "severity": "一般"}, "rectify_by_required"),
        ({"result": "属实", "findings": "属实", "measures": [{"code": "revoke"}]}, "measures_without_finding"),
        ({"result": "不实", "findings": "不实", "measures": [{"code": "terminate_processing"}], "severity": "一般"}, "already_decided"),
    ],
)
def test_a_result_that_does_not_decide_the_commitment_is_refused_and_changes_nothing(client, initialised, officer, body, error):
    receipt = commit_on(client, NATIONAL_DAY_EVE, "XK007", HAOWEI)  # a licence decided on the spot (R8)
    task = task_for(client, officer, receipt["commitment_no"])
    response = client.post(f"/api/v1/verification/tasks/{task['task_id']}/result", headers=officer, json=body)
    assert response.status_code == 422 and response.json()["error"] == error
    after = task_for(client, officer, receipt["commitment_no"])
    assert after["commitment_status"] == "licensed" and after["status"] == "open"  # rolled back, not started
    assert client.post("/api/v1/credit/check", json={"id_number": HAOWEI[1], **verified_as(client, HAOWEI)}).json()["status"] == "clean"
