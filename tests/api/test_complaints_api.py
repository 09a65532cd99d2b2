"""Complaints and reports (投诉举报): intake, deadlines in working days, handling, the mandatory flag (R11)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from api.verification.calendar import add_working_days
from tests.api.access_helpers import commit, login, rows, service_headers, set_clock, verified_as
from tests.api.helpers import PHONE, ZHANG_WEI, ZHAO_QIANG

CHINA = timezone(timedelta(hours=8))


def _file(client, settings, **body):
    payload = {"complaint_text": "窗口工作人员说承诺书不算数，还是要我开证明。", "commitment_no": None, "phone": None,
               "channel": "rest", "sender_id": "web-session-9"}
    payload.update(body)
    return client.post("/api/v1/service/complaints", headers=service_headers(settings), json=payload)


def _mandatory(settings, commitment_no):
    return rows(settings, "SELECT verification_mandatory FROM commitments WHERE commitment_no = :no", no=commitment_no)[0][
        "verification_mandatory"
    ]


def test_an_anonymous_complaint_gets_a_ticket_due_in_15_working_days(app, client, initialised):
    # R11: anonymous allowed; the deadline skips the 2026 National Day holiday (国庆 + 调休), not just weekends.
    # Late in the evening in Zhengzhou (still the afternoon in UTC): the local day counts.
    set_clock(app, datetime(2026, 9, 28, 23, 30, tzinfo=CHINA))
    response = _file(client, initialised)
    assert response.status_code == 201
    body = response.json()
    assert body["ticket_no"] == "TS20260928-000001"
    assert body["due_date"] == add_working_days(date(2026, 9, 28), 15).isoformat() == "2026-10-23"
    stored = rows(initialised, "SELECT phone, commitment_id, status FROM complaints")[0]
    assert stored == {"phone": None, "commitment_id": None, "status": "received"}
    ticket = client.get(f"/api/v1/complaints/{body['ticket_no']}", headers=login(client, initialised, "demo_officer"))
    assert ticket.json()["received_at"] == "2026-09-28T23:30:00+08:00"
    assert ticket.json()["anonymous"] is True and ticket.json()["phone"] is None


def test_a_complaint_about_a_commitment_makes_its_verification_mandatory(client, initialised):
    # R11 + R13: whatever the sampling drew, a commitment someone complained about is checked.
    receipt = commit(client)
    other = commit(client)
    assert _mandatory(initialised, receipt["commitment_no"]) in (False, 0)
    response = _file(client, initialised, commitment_no=receipt["commitment_no"], phone=PHONE,
                     complaint_text=f"{receipt['commitment_no']} 的申请人实际有住房，承诺不实。")
    assert response.status_code == 201
    assert _mandatory(initialised, receipt["commitment_no"]) in (True, 1)
    assert _mandatory(initialised, other["commitment_no"]) in (False, 0)
    officer = login(client, initialised, "demo_officer")
    view = client.get(f"/api/v1/commitments/{receipt['commitment_no']}", headers=officer).json()
    assert view["verification_mandatory"] is True
    ticket = client.get(f"/api/v1/complaints/{response.json()['ticket_no']}", headers=officer).json()
    assert ticket["commitment_no"] == receipt["commitment_no"]


def test_a_report_about_a_number_reveals_nothing_about_it(client, initialised):
    # P5: anyone may report a commitment, so a number alone is a complaint ABOUT it, and the answer is the same
    # whether the number exists or not (receipt numbers are sequential; this must not tell which are real).
    receipt = commit(client)
    real = _file(client, initialised, commitment_no=receipt["commitment_no"], complaint_text="这份承诺的申请人实际有住房。")
    made_up = _file(client, initialised, commitment_no="CN20990101-000001", complaint_text="这份承诺的申请人实际有住房。")
    assert real.status_code == made_up.status_code == 201
    assert set(real.json()) == set(made_up.json()) == {"ticket_no", "due_date", "own_commitment"}
    assert real.json()["due_date"] == made_up.json()["due_date"]
    assert real.json()["own_commitment"] is made_up.json()["own_commitment"] is False
    # The existing one is linked (and checked, R11 + R13); the made-up number is kept for the officer.
    assert _mandatory(initialised, receipt["commitment_no"]) in (True, 1)
    officer = login(client, initialised, "demo_officer")
    kept = client.get(f"/api/v1/complaints/{made_up.json()['ticket_no']}", headers=officer).json()
    assert kept["commitment_no"] is None and "CN20990101-000001" in kept["complaint_text"]
    assert "系统中未找到" in kept["complaint_text"]
    # Sent again (a retry), the made-up one is still one ticket.
    again = _file(client, initialised, commitment_no="CN20990101-000001", complaint_text="这份承诺的申请人实际有住房。")
    assert again.status_code == 200 and again.json() == made_up.json()


def test_a_complaint_about_ones_own_commitment_needs_the_verified_owner(client, initialised):
    receipt = commit(client)  # 张伟's
    text_ = "我的承诺已经受理很久了，一直没有结果。"
    # Claiming it as one's own without being verified: refused before the number is looked up.
    for number in (receipt["commitment_no"], "CN20990101-000001"):
        bare = _file(client, initialised, commitment_no=number, id_number=ZHANG_WEI[1], complaint_text=text_)
        assert bare.status_code == 401 and bare.json()["error"] == "identity_required"
    # Verified as someone else: refused as a mismatch; from another conversation: refused. (The chat's
    # conversation is its channel and sender, bot/core/conversation.py.)
    zhao = verified_as(client, ZHAO_QIANG, "rest:web-session-9")
    other = _file(client, initialised, commitment_no=receipt["commitment_no"], id_number=ZHANG_WEI[1],
                  assurance_id=zhao["assurance_id"], complaint_text=text_)
    assert other.status_code == 403 and other.json()["error"] == "identity_mismatch"
    zhang_elsewhere = verified_as(client, ZHANG_WEI, "another-session")
    elsewhere = _file(client, initialised, commitment_no=receipt["commitment_no"], id_number=ZHANG_WEI[1],
                      assurance_id=zhang_elsewhere["assurance_id"], complaint_text=text_)
    assert elsewhere.status_code == 401 and elsewhere.json()["error"] == "identity_required"
    assert rows(initialised, "SELECT id FROM complaints") == []
    # Verified here: their own number is accepted as theirs; someone else's number and a made-up one are both
    # "not among yours" (the chat asks again), and look the same.
    zhang = verified_as(client, ZHANG_WEI, "rest:web-session-9")
    own = _file(client, initialised, commitment_no=receipt["commitment_no"], id_number=ZHANG_WEI[1],
                assurance_id=zhang["assurance_id"], complaint_text=text_)
    assert own.status_code == 201 and own.json()["own_commitment"] is True
    theirs = commit(client, "ZM001", ZHAO_QIANG)
    not_mine = _file(client, initialised, commitment_no=theirs["commitment_no"], id_number=ZHANG_WEI[1],
                     assurance_id=zhang["assurance_id"], complaint_text=text_)
    unknown = _file(client, initialised, commitment_no="CN20990101-000001", id_number=ZHANG_WEI[1],
                    assurance_id=zhang["assurance_id"], complaint_text=text_)
    assert not_mine.status_code == unknown.status_code == 404 and not_mine.json() == unknown.json()
    assert len(rows(initialised, "SELECT id FROM complaints")) == 1
    assert _mandatory(initialised, theirs["commitment_no"]) in (False, 0)


def test_an_invalid_phone_is_refused_without_echoing_it(client, initialised):
    response = _file(client, initialised, phone="1380013800")
    assert response.status_code == 422 and response.json()["error"] == "invalid_phone"
    assert "1380013800" not in response.text


def test_the_same_complaint_resent_by_the_chat_gets_the_same_ticket(client, initialised):
    # P4: a retry after a service_error never files a second ticket.
    first = _file(client, initialised, phone=PHONE)
    again = _file(client, initialised, phone=PHONE)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()
    other = _file(client, initialised, phone=PHONE, complaint_text="另一件事：核查人员上门时态度很差。")
    assert other.status_code == 201 and other.json()["ticket_no"] != first.json()["ticket_no"]
    assert len(rows(initialised, "SELECT id FROM complaints")) == 2


def test_officers_assign_handle_and_close_a_ticket(client, initialised):
    # R11: each ticket is assigned, handled and closed, with who did what and when.
    ticket = _file(client, initialised, phone=PHONE).json()["ticket_no"]
    officer = login(client, initialised, "demo_officer")
    base = f"/api/v1/complaints/{ticket}"

    not_assigned = client.post(f"{base}/handle", headers=officer, json={"note": "电话联系投诉人"})
    assert not_assigned.status_code == 409 and not_assigned.json()["error"] == "not_assigned"
    to_admin = client.post(f"{base}/assign", headers=officer, json={"assignee": "demo_admin"})
    assert to_admin.status_code == 422 and to_admin.json()["error"] == "unknown_officer"

    assigned = client.post(f"{base}/assign", headers=officer, json={"assignee": "demo_officer", "note": "请核实"})
    assert assigned.status_code == 200
    assert assigned.json()["status"] == "assigned" and assigned.json()["assignee"] == "demo_officer"
    handled = client.post(f"{base}/handle", headers=officer, json={"note": "已电话联系投诉人，调取窗口录像"})
    assert handled.json()["status"] == "in_progress"
    closed = client.post(f"{base}/close", headers=officer, json={"conclusion": "经核实，窗口已纠正，向投诉人说明情况"})
    body = closed.json()
    assert body["status"] == "closed" and body["closed_at"] and body["conclusion"].startswith("经核实")
    assert [(a["action"], a["actor"]) for a in body["actions"]] == [
        ("received", "service"),
        ("assigned", "demo_officer"),
        ("handled", "demo_officer"),
        ("closed", "demo_officer"),
    ]
    again = client.post(f"{base}/close", headers=officer, json={"conclusion": "再次办结"})
    assert again.status_code == 409 and again.json()["error"] == "closed"
    audited = [r["action"] for r in rows(initialised, "SELECT action FROM audit_events WHERE target = :t ORDER BY id", t=ticket)]
    assert audited == ["complaint.file", "complaint.assign", "complaint.handle", "complaint.close"]


def test_the_list_flags_and_counts_overdue_tickets(app, client, initialised):
    # R11 "及时处理": a ticket still open after its deadline is overdue, shown and counted.
    set_clock(app, datetime(2026, 6, 1, 9, 0, tzinfo=CHINA))
    late = _file(client, initialised, complaint_text="第一件投诉：承诺后仍被要求开证明。").json()
    officer = login(client, initialised, "demo_officer")
    set_clock(app, datetime(2026, 6, 20, 9, 0, tzinfo=CHINA))
    fresh = _file(client, initialised, complaint_text="第二件投诉：公开的承诺书里信息有误。").json()

    on_time = client.get("/api/v1/complaints", headers=officer).json()
    assert on_time["counts"] == {"open": 2, "overdue": 0, "closed": 0, "closed_late": 0}

    set_clock(app, datetime(2026, 6, 24, 9, 0, tzinfo=CHINA))  # the day after the first one's deadline
    listing = client.get("/api/v1/complaints", headers=officer).json()
    assert late["due_date"] == "2026-06-23"
    assert listing["counts"] == {"open": 2, "overdue": 1, "closed": 0, "closed_late": 0}
    assert [(c["ticket_no"], c["overdue"]) for c in listing["complaints"]] == [(late["ticket_no"], True), (fresh["ticket_no"], False)]
    only_overdue = client.get("/api/v1/complaints", params={"overdue": "true"}, headers=officer).json()
    assert [c["ticket_no"] for c in only_overdue["complaints"]] == [late["ticket_no"]]
    # Closed late stays visible as late.
    client.post(f"/api/v1/complaints/{late['ticket_no']}/assign", headers=officer, json={"assignee": "demo_officer"})
    client.post(f"/api/v1/complaints/{late['ticket_no']}/close", headers=officer, json={"conclusion": "已处理"})
    closed = client.get("/api/v1/complaints", params={"status": "closed"}, headers=officer).json()
    assert closed["counts"] == {"open": 1, "overdue": 0, "closed": 1, "closed_late": 1}
    assert closed["complaints"][0]["overdue"] is True


def test_the_list_masks_the_phone_and_the_ticket_read_is_audited(client, initialised):
    # P5: the full phone number only in the ticket itself, and reading it is logged.
    ticket = _file(client, initialised, phone=PHONE).json()["ticket_no"]
    officer = login(client, initialised, "demo_officer")
    listing = client.get("/api/v1/complaints", headers=officer)
    assert PHONE not in listing.text and listing.json()["complaints"][0]["phone_masked"] == "138****8000"
    assert listing.json()["complaints"][0]["anonymous"] is False
    detail = client.get(f"/api/v1/complaints/{ticket}", headers=officer).json()
    assert detail["phone"] == PHONE
    reads = rows(initialised, "SELECT actor, target FROM audit_events WHERE action = 'complaint.read'")
    assert reads == [{"actor": "demo_officer", "target": ticket}]
    assert PHONE not in str(rows(initialised, "SELECT detail FROM audit_events"))


def test_hotline_staff_take_complaints_but_do_not_read_them(client, initialised):
    # P5 role separation: the 12345 agent files a caller's complaint; handling is for officers.
    receipt = commit(client)
    staff = login(client, initialised, "demo_staff")
    filed = client.post("/api/v1/complaints", headers=staff, json={"complaint_text": "来电反映：承诺人并未实际居住。",
                                                                    "commitment_no": receipt["commitment_no"]})
    assert filed.status_code == 201
    assert rows(initialised, "SELECT channel FROM complaints")[0]["channel"] == "hotline"
    assert _mandatory(initialised, receipt["commitment_no"]) in (True, 1)
    assert client.get("/api/v1/complaints", headers=staff).status_code == 403
    assert client.get(f"/api/v1/complaints/{filed.json()['ticket_no']}", headers=staff).status_code == 403


def test_what_was_done_on_a_ticket_cannot_be_rewritten(client, initialised):
    _file(client, initialised)
    engine = create_engine(initialised.database_url)
    try:
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as connection:
                connection.execute(text("UPDATE complaint_actions SET note = 'x'"))
    finally:
        engine.dispose()


def test_unknown_ticket_is_404(client, initialised):
    officer = login(client, initialised, "demo_officer")
    response = client.get("/api/v1/complaints/TS20990101-000001", headers=officer)
    assert response.status_code == 404 and response.json()["error"] == "unknown_ticket"
