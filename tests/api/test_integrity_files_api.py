"""Integrity files after verification (R4, R14, R16, R18, P5): records written by a 不实 result, credit repair,
objections, the chat's own-records and warning calls, and the applicant's /me endpoints."""
from __future__ import annotations

from datetime import date

import pytest

from api.verification import calendar
from tests.api.access_helpers import verified_as
from tests.api.helpers import HAOWEI, LI_NA, SUDA, WANG_FANG, ZHANG_WEI, commitment_body
from tests.api.supervision_helpers import (
    applicant_headers,
    commit_on,
    service_headers,
    staff_headers,
    task_for,
    today_is,
    write_supervision_items,
)


@pytest.fixture
def settings(settings):
    write_supervision_items(settings.catalogue_dir)
    return settings


@pytest.fixture
def officer(client, initialised):
    return staff_headers(client, initialised, "officer")


def _credit(client, identity) -> str:
    body = {"id_number": identity[1], **verified_as(client, identity)}
    return client.post("/api/v1/credit/check", json=body).json()["status"]


def _record_of(client, headers, severity, record_type="虚假承诺"):
    records = client.get("/api/v1/me/credit-records", headers=headers).json()["records"]
    return next(r for r in records if r["severity"] == severity and r["type"] == record_type and not r["repaired_at"])


# --- the whole path: false commitment -> revoked -> blocked -> repaired (R14, R16, R4) ----------------------------


def test_a_false_commitment_is_revoked_recorded_as_serious_blocks_and_repair_unblocks(client, initialised, officer):
    # 王芳 (repaired 较重 record, R13: always checked) commits that she owns no home; shared data says she does.
    receipt = commit_on(client, date(2026, 9, 30), "ZM001", WANG_FANG)
    task = task_for(client, officer, receipt["commitment_no"])
    assert task["selection_reason"] == "repaired_credit"
    online = client.post(f"/api/v1/verification/tasks/{task['task_id']}/online-check", headers=officer).json()
    assert online["verdict"] == "false"

    result = client.post(
        f"/api/v1/verification/tasks/{task['task_id']}/result",
        headers=officer,
        json={
            "result": "不实",
            "findings": "不动产登记显示名下有住房一套，与无房承诺不符",
            "measures": [{"code": "revoke", "detail": "撤销公共租赁住房资格认定"}, {"code": "penalty", "detail": "警告"}],
            "severity": "严重",
        },
    )
    assert result.status_code == 200, result.text
    body = result.json()
    assert body["commitment_status"] == "revoked"  # R14: revocation
    assert body["credit_record"]["type"] == "虚假承诺" and body["credit_record"]["severity"] == "严重"
    assert [m["code"] for m in body["task"]["measures"]] == ["revoke", "penalty"]
    # The signed record itself is untouched: the revocation lives in the lifecycle, not in the signature (P3).
    verify = f"/api/v1/commitments/{receipt['commitment_no']}/verify"
    assert client.get(verify, params={"code": receipt["check_code"]}).json()["valid"] is True

    # R4: blocked now, and a new commitment is refused server-side.
    assert _credit(client, WANG_FANG) == "blocked"
    refused = client.post("/api/v1/commitments", json=commitment_body(client, "ZM004", WANG_FANG))
    assert refused.status_code == 403 and refused.json()["error"] == "credit_blocked"
    # The chat's own-records call shows it to 王芳, verified in the conversation (P5).
    own = client.post(
        "/api/v1/service/credit/records", headers=service_headers(client),
        json={"id_number": WANG_FANG[1], **verified_as(client, WANG_FANG)},
    ).json()
    assert own["status"] == "blocked"
    assert any(r["severity"] == "严重" and receipt["commitment_no"] in r["description"] for r in own["records"])

    # 信用修复: 王芳 applies with reasons; an officer approves.
    wang = applicant_headers(client, WANG_FANG)
    record = _record_of(client, wang, "严重")
    assert record["authority"] == "市住房保障和房地产管理局"
    applied = client.post(
        f"/api/v1/me/credit-records/{record['record_id']}/repairs",
        headers=wang,
        json={"reasons": "已退出公租房申请，主动说明情况并接受警告处罚"},
    )
    assert applied.status_code == 201 and applied.json()["status"] == "pending"
    assert _credit(client, WANG_FANG) == "blocked"  # an application alone changes nothing
    pending = client.get("/api/v1/credit/repairs?status=pending", headers=officer).json()
    [case] = [c for c in pending["cases"] if c["repair_id"] == applied.json()["repair_id"]]
    assert case["record"]["display_name"] == "王*"  # P5: masked in the officer's list
    decided = client.post(
        f"/api/v1/credit/repairs/{case['repair_id']}/decision", headers=officer,
        json={"approve": True, "note": "失信行为已纠正，同意修复"},
    )
    assert decided.status_code == 200 and decided.json()["cases"][0]["status"] == "approved"

    # R4: repaired no longer blocks; R13: it still makes the next commitment always checked.
    assert _credit(client, WANG_FANG) == "repaired"
    again = commit_on(client, date(2026, 10, 12), "ZM010", WANG_FANG)
    assert task_for(client, officer, again["commitment_no"])["selection_reason"] == "repaired_credit"
    mine = client.get("/api/v1/me/credit-records", headers=wang).json()
    assert mine["status"] == "repaired"
    assert next(r for r in mine["records"] if r["record_id"] == record["record_id"])["repairs"][0]["status_text"] == "已修复"


def test_a_refused_repair_leaves_the_record_blocking_and_one_application_at_a_time(client, initialised, officer):
    li = applicant_headers(client, LI_NA)
    record = _record_of(client, li, "严重")
    first = client.post(f"/api/v1/me/credit-records/{record['record_id']}/repairs", headers=li,
                        json={"reasons": "当时不了解规定，已经改正"})
    assert first.status_code == 201
    second = client.post(f"/api/v1/me/credit-records/{record['record_id']}/repairs", headers=li,
                         json={"reasons": "再次申请修复"})
    assert second.status_code == 409 and second.json()["error"] == "repair_pending"
    refused = client.post(f"/api/v1/credit/repairs/{first.json()['repair_id']}/decision", headers=officer,
                          json={"approve": False, "note": "未提交纠正失信行为的证明"})
    assert refused.json()["cases"][0]["status"] == "refused"
    assert _credit(client, LI_NA) == "blocked"
    again = client.post(f"/api/v1/credit/repairs/{first.json()['repair_id']}/decision", headers=officer,
                        json={"approve": True, "note": "改判"})
    assert again.status_code == 409 and again.json()["error"] == "already_decided"


# --- objections (异议处理, R16) -------------------------------------------------------------------------------------


def test_an_objection_is_due_in_working_days_counted_overdue_and_a_correction_unblocks(client, initialised, officer):
    li = applicant_headers(client, LI_NA)
    record = _record_of(client, li, "严重")
    with today_is(client, date(2026, 9, 29)):
        filed = client.post(f"/api/v1/me/credit-records/{record['record_id']}/objections", headers=li,
                            json={"grounds": "2025年的居住证申领是他人冒用我的身份办理的"})
    assert filed.status_code == 201, filed.text
    # 10 working days from 2026-09-29 step over the 国庆 holidays and count the 调休 Saturday 10-10.
    assert filed.json()["due_date"] == calendar.add_working_days(date(2026, 9, 29), 10).isoformat() == "2026-10-19"
    duplicate = client.post(f"/api/v1/me/credit-records/{record['record_id']}/objections", headers=li,
                            json={"grounds": "重复提出异议"})
    assert duplicate.status_code == 409

    with today_is(client, date(2026, 10, 19)):
        on_the_day = client.get("/api/v1/credit/objections?status=pending", headers=officer).json()
    assert on_the_day["counts"]["overdue"] == 0
    with today_is(client, date(2026, 10, 20)):
        listed = client.get("/api/v1/credit/objections?status=pending", headers=officer).json()
    assert listed["counts"]["pending"] == 1 and listed["counts"]["overdue"] == 1
    assert listed["cases"][0]["overdue"] is True and listed["cases"][0]["record"]["display_name"] == "李*"

    corrected = client.post(
        f"/api/v1/credit/objections/{filed.json()['objection_id']}/decision",
        headers=officer,
        json={"outcome": "corrected", "note": "经公安机关核实系冒用身份，撤销该记录", "annul": True},
    )
    assert corrected.status_code == 200, corrected.text
    case = corrected.json()["cases"][0]
    assert case["status"] == "corrected" and case["correction"]["annulled"] is True
    assert case["correction"]["before"]["severity"] == "严重"
    # An annulled record no longer counts anywhere (R4), but stays in the applicant's own view for the trail.
    assert _credit(client, LI_NA) == "clean"
    mine = client.get("/api/v1/me/credit-records", headers=li).json()
    assert mine["status"] == "clean" and mine["records"][0]["annulled_at"] is not None
    assert mine["records"][0]["objections"][0]["status_text"] == "已更正"


def test_an_objection_can_be_upheld_or_regraded(client, initialised, officer):
    suda = applicant_headers(client, SUDA)
    record = _record_of(client, suda, "严重")
    first = client.post(f"/api/v1/me/credit-records/{record['record_id']}/objections", headers=suda,
                        json={"grounds": "车辆条件不符只是个别车辆，不应认定为严重"}).json()
    upheld = client.post(f"/api/v1/credit/objections/{first['objection_id']}/decision", headers=officer,
                         json={"outcome": "upheld", "note": "三辆车均不符合条件，维持原认定"}).json()
    assert upheld["cases"][0]["status"] == "upheld" and _credit(client, SUDA) == "blocked"

    second = client.post(f"/api/v1/me/credit-records/{record['record_id']}/objections", headers=suda,
                         json={"grounds": "补充提交了车辆检验合格证明"}).json()
    empty = client.post(f"/api/v1/credit/objections/{second['objection_id']}/decision", headers=officer,
                        json={"outcome": "corrected", "note": "更正"})
    assert empty.status_code == 422 and empty.json()["error"] == "empty_correction"
    regraded = client.post(f"/api/v1/credit/objections/{second['objection_id']}/decision", headers=officer,
                           json={"outcome": "corrected", "note": "部分车辆合格，改为一般", "severity": "一般"}).json()
    assert regraded["cases"][0]["correction"]["after"]["severity"] == "一般"
    # Still a false commitment (虚假承诺), so still blocking until repaired (R4: 曾作出虚假承诺).
    assert _credit(client, SUDA) == "blocked"


# --- P5: the applicant's own records only ----------------------------------------------------------------------------


def test_an_applicant_reaches_only_their_own_records(client, initialised):
    li_record = _record_of(client, applicant_headers(client, LI_NA), "严重")
    zhang = applicant_headers(client, ZHANG_WEI)
    assert client.get("/api/v1/me/credit-records", headers=zhang).json() == {
        "display_name": "张*", "status": "clean", "records": []
    }
    for path in ("repairs", "objections"):
        response = client.post(f"/api/v1/me/credit-records/{li_record['record_id']}/{path}", headers=zhang,
                               json={"reasons": "冒充他人申请"} if path == "repairs" else {"grounds": "冒充他人申请"})
        assert response.status_code == 404
    # Officers' and the service's endpoints are not the applicant's.
    assert client.get("/api/v1/credit/repairs", headers=zhang).status_code == 403
    assert client.post("/api/v1/service/credit/records", headers=zhang,
                       json={"id_number": ZHANG_WEI[1], **verified_as(client, ZHANG_WEI)}).status_code == 403
    assert client.get("/api/v1/me/credit-records").status_code == 401


# --- the chat's service calls ------------------------------------------------------------------------------------------


def test_own_records_only_for_the_person_verified_in_this_conversation(client, initialised):
    service = service_headers(client)
    records = "/api/v1/service/credit/records"
    li = verified_as(client, LI_NA, "chat-li")
    ok = client.post(records, headers=service, json={"id_number": LI_NA[1], **li})
    assert ok.status_code == 200
    assert ok.json()["status"] == "blocked"
    assert ok.json()["records"][0] == {
        "type": "虚假承诺", "severity": "严重", "occurred_on": "2025-03-18", "repaired_at": None,
        "description": "2025年在居住证申领中作出虚假承诺（演示数据）",
    }
    # P5: the name and ID that opened them before open nothing now; nor does an assurance of another person,
    # one made in another conversation, or one without the conversation named. Every refusal is the gate's
    # and says nothing about the file.
    zhang = verified_as(client, ZHANG_WEI, "chat-zhang")
    refusals = {
        "name and ID": ({"name": "李娜", "id_number": LI_NA[1]}, 401, "identity_required"),
        "made-up assurance": ({"id_number": LI_NA[1], "assurance_id": "0" * 32, "client": "chat-li"}, 401,
                              "identity_required"),
        "another person's": ({"id_number": LI_NA[1], **zhang}, 403, "identity_mismatch"),
        "another conversation": ({"id_number": LI_NA[1], "assurance_id": li["assurance_id"], "client": "chat-zhang"},
                                 401, "identity_required"),
        "no conversation": ({"id_number": LI_NA[1], "assurance_id": li["assurance_id"]}, 401, "identity_required"),
    }
    for case, (body, status, code) in refusals.items():
        response = client.post(records, headers=service, json=body)
        assert (response.status_code, response.json()["error"]) == (status, code), case
        assert "严重" not in response.text and "虚假承诺" not in response.text and LI_NA[1] not in response.text
    # The refusal for an ID with records is the refusal for one without.
    clean = client.post(records, headers=service, json={"name": "张伟", "id_number": ZHANG_WEI[1]})
    blocked = client.post(records, headers=service, json={"name": "李娜", "id_number": LI_NA[1]})
    assert (clean.status_code, clean.json()) == (blocked.status_code, blocked.json())
    assert client.post(records, json={"id_number": LI_NA[1], **li}).status_code == 401  # no service token


def test_pre_application_warning_for_high_value_items(client, initialised):
    # R18 / 五(八): XK007 is flagged high_value; ZM001 is not.
    service = service_headers(client)

    def warn(code, identity):
        response = client.post("/api/v1/service/credit/warning", headers=service,
                               json={"item_code": code, "id_number": identity[1], **verified_as(client, identity)})
        assert response.status_code == 200, response.text
        return response.json()

    assert warn("ZM001", ZHANG_WEI) == {"show": False, "text": ""}
    clean = warn("XK007", HAOWEI)
    assert clean["show"] is True
    assert "劳务派遣经营许可" in clean["text"] and "可以以告知承诺方式办理此事项" in clean["text"]
    assert "撤销行政决定" in clean["text"] and "诚信档案" in clean["text"] and "移送司法机关" in clean["text"]
    # The standing in neutral words: what the person may do, not what their file holds.
    blocked = warn("XK007", SUDA)
    assert "根据诚信档案，您暂不能以告知承诺方式办理此事项，可按一般程序提交证明材料办理。" in blocked["text"]
    repaired = warn("XK007", WANG_FANG)
    assert "全部接受核查" in repaired["text"]
    for text in (clean["text"], blocked["text"], repaired["text"]):
        assert "不良信用记录" not in text and "尚未修复" not in text and "已经完成信用修复" not in text
    unknown = client.post("/api/v1/service/credit/warning", headers=service,
                          json={"item_code": "ZM999", "id_number": ZHANG_WEI[1], **verified_as(client, ZHANG_WEI)})
    assert unknown.status_code == 404


def test_no_warning_before_verification_and_the_refusal_is_the_same_for_every_id(client, initialised):
    service = service_headers(client)
    answers = []
    for identity in (HAOWEI, SUDA, WANG_FANG):
        response = client.post("/api/v1/service/credit/warning", headers=service,
                               json={"item_code": "XK007", "id_number": identity[1], "client": "chat-1"})
        assert response.status_code == 401 and response.json()["error"] == "identity_required"
        answers.append(response.json())
    assert answers[0] == answers[1] == answers[2]


def test_no_credit_standing_before_verification_and_no_hint_in_the_refusal(client, initialised):
    service = service_headers(client)
    answers = {}
    for identity in (ZHANG_WEI, LI_NA, SUDA):
        response = client.post("/api/v1/credit/check", headers=service, json={"id_number": identity[1]})
        assert response.status_code == 401, response.text
        answers[identity[0]] = response.json()
    assert answers[ZHANG_WEI[0]] == answers[LI_NA[0]] == answers[SUDA[0]]
    assert answers[LI_NA[0]]["error"] == "identity_required"
    assert "status" not in answers[LI_NA[0]] and "records" not in answers[LI_NA[0]]
