"""The commitment lifecycle after signing: status, history, withdrawal (R17), own-records access (P5)."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from api import cli
from api.commitments import lifecycle
from api.commitments.models import Commitment
from api.database import make_engine, make_sessionmaker
from bot.core.catalogue import load_catalogue
from tests.api.access_helpers import applicant_headers, commit, login, move_to, rows, service_headers, verified_as
from tests.api.helpers import HAOWEI, ZHANG_WEI, ZHAO_QIANG, execute_sql


def _status(client, settings, commitment_no, id_number=ZHANG_WEI[1], identity=None):
    """The chat's status call, by default as the holder of ``id_number`` verified in the conversation."""
    identity = verified_as(client, ("", id_number)) if identity is None else identity
    return client.post(
        "/api/v1/service/commitments/status",
        headers=service_headers(settings),
        json={"commitment_no": commitment_no, "id_number": id_number, **identity},
    )


def _withdraw(client, settings, commitment_no, id_number=ZHANG_WEI[1], reason="已自行开具证明，改按原程序办理",
              identity=None):
    identity = verified_as(client, ("", id_number)) if identity is None else identity
    return client.post(
        "/api/v1/service/commitments/withdraw",
        headers=service_headers(settings),
        json={"commitment_no": commitment_no, "id_number": id_number, "reason": reason, **identity},
    )


def _proofs(settings, code):
    return list(load_catalogue(settings.catalogue_path)[code].proofs_required)


def test_status_of_a_new_commitment_in_plain_words(client, initialised):
    # Contract stage commitment_status: status, plain-Chinese text, next step, due date, history.
    receipt = commit(client)
    response = _status(client, initialised, receipt["commitment_no"])
    assert response.status_code == 200
    body = response.json()
    assert body["commitment_no"] == receipt["commitment_no"]
    assert body["item_code"] == "ZM001" and body["item_name"] == "公共租赁住房资格申请"
    assert body["status"] == "accepted"
    assert "已受理" in body["status_text"]
    assert "撤回" in body["next_step"]  # R17: the applicant is told withdrawal is possible before conclusion
    assert body["withdrawable"] is True
    assert [(h["status"], h["by"]) for h in body["history"]] == [("accepted", "申请人")]
    assert body["history"][0]["at"] == receipt["created_at"]
    # By when: the end of the verification window, whether or not the 双随机 draw picked this one (not told).
    task = rows(
        initialised,
        "SELECT t.due_date, t.method FROM verification_tasks t JOIN commitments c ON c.id = t.commitment_id "
        "WHERE c.commitment_no = :no",
        no=receipt["commitment_no"],
    )[0]
    assert task["method"] != "exempt"
    assert body["due_date"] == str(task["due_date"])[:10]
    assert "核查期限" in body["next_step"]


def test_the_answer_does_not_reveal_whether_the_random_draw_selected_it(client, initialised):
    # R13 双随机: a drawn and an undrawn commitment of the same item read the same to the applicant.
    drawn, undrawn = commit(client), commit(client)
    execute_sql(initialised, "UPDATE verification_tasks SET selected = :t WHERE commitment_id = "
                "(SELECT id FROM commitments WHERE commitment_no = :no)", t=True, no=drawn["commitment_no"])
    execute_sql(initialised, "UPDATE verification_tasks SET selected = :f WHERE commitment_id = "
                "(SELECT id FROM commitments WHERE commitment_no = :no)", f=False, no=undrawn["commitment_no"])
    answers = [_status(client, initialised, r["commitment_no"]).json() for r in (drawn, undrawn)]
    same = ("status", "status_text", "next_step", "due_date", "withdrawable")
    assert [{k: a[k] for k in same} for a in answers][0] == [{k: a[k] for k in same} for a in answers][1]


def test_a_licence_is_licensed_and_says_it_cannot_be_withdrawn(client, initialised):
    receipt = commit(client, "XK001", HAOWEI)
    body = _status(client, initialised, receipt["commitment_no"], HAOWEI[1]).json()
    assert body["status"] == "licensed"
    assert receipt["decision_no"] in body["status_text"]
    assert "注销" in body["next_step"] and body["withdrawable"] is False
    # The new row's unsigned current status starts where the signature says (R8).
    assert rows(initialised, "SELECT current_status FROM commitments")[0]["current_status"] == "licensed"


def test_unknown_number_and_someone_elses_number_look_the_same(client, initialised):
    # P5: never reveal whether a number exists when the ID does not match it.
    receipt = commit(client)
    unknown = _status(client, initialised, "CN20990101-000001")
    not_mine = _status(client, initialised, receipt["commitment_no"], ZHAO_QIANG[1])
    assert unknown.status_code == not_mine.status_code == 404
    assert unknown.json() == not_mine.json()
    assert unknown.json()["error"] == "not_found"
    assert _withdraw(client, initialised, receipt["commitment_no"], ZHAO_QIANG[1]).status_code == 404
    assert _status(client, initialised, receipt["commitment_no"]).json()["status"] == "accepted"


def test_number_and_id_alone_neither_show_nor_withdraw_a_commitment(client, initialised):
    # P5: a receipt number and an ID number are easily known to others; the person must be verified first,
    # and the refusal comes before the number is looked up, so it is the same for a real and a made-up one.
    receipt = commit(client)
    bare = {"assurance_id": None, "client": "chat-1"}
    real = _status(client, initialised, receipt["commitment_no"], identity=bare)
    made_up = _status(client, initialised, "CN20990101-000001", identity=bare)
    assert real.status_code == made_up.status_code == 401
    assert real.json() == made_up.json() and real.json()["error"] == "identity_required"
    assert "accepted" not in real.text and "ZM001" not in real.text
    withdrawn = _withdraw(client, initialised, receipt["commitment_no"], identity={})
    assert withdrawn.status_code == 401 and withdrawn.json()["error"] == "identity_required"
    assert _status(client, initialised, receipt["commitment_no"]).json()["status"] == "accepted"


def test_an_assurance_vouches_only_for_its_own_id_and_conversation(client, initialised):
    receipt = commit(client)
    zhang_here = verified_as(client, ZHANG_WEI, "chat-zhang")
    zhao_here = verified_as(client, ZHAO_QIANG, "chat-zhang")
    # Someone else's assurance, in the same conversation, for 张伟's number.
    for call in (_status, _withdraw):
        other = call(client, initialised, receipt["commitment_no"], ZHANG_WEI[1], identity=zhao_here)
        assert other.status_code == 403 and other.json()["error"] == "identity_mismatch", call
        # 张伟's own assurance, replayed from another conversation.
        elsewhere = call(client, initialised, receipt["commitment_no"], ZHANG_WEI[1],
                         identity={**zhang_here, "client": "chat-elsewhere"})
        assert elsewhere.status_code == 401 and elsewhere.json()["error"] == "identity_required", call
        # Or with no conversation named at all.
        unnamed = call(client, initialised, receipt["commitment_no"], ZHANG_WEI[1],
                       identity={"assurance_id": zhang_here["assurance_id"]})
        assert unnamed.status_code == 401, call
    assert _status(client, initialised, receipt["commitment_no"], identity=zhang_here).json()["status"] == "accepted"
    done = _withdraw(client, initialised, receipt["commitment_no"], identity=zhang_here)
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"


def test_withdrawal_before_conclusion_records_the_reason_and_lists_the_normal_proofs(client, initialised):
    # R17 / 五(八): withdrawn with a reason; the normal procedure's proofs are named.
    receipt = commit(client)
    response = _withdraw(client, initialised, receipt["commitment_no"])
    assert response.status_code == 200
    assert response.json() == {
        "commitment_no": receipt["commitment_no"],
        "status": "withdrawn",
        "proofs_required": _proofs(initialised, "ZM001"),
    }
    body = _status(client, initialised, receipt["commitment_no"]).json()
    assert body["status"] == "withdrawn" and body["withdrawable"] is False
    assert "原程序" in body["status_text"]
    assert all(proof in body["next_step"] for proof in _proofs(initialised, "ZM001"))
    assert body["history"][-1]["status"] == "withdrawn"
    assert body["history"][-1]["reason"] == "已自行开具证明，改按原程序办理"
    assert body["history"][-1]["by"] == "申请人"
    assert body["due_date"] is None


def test_a_second_withdrawal_is_refused_as_such(client, initialised):
    receipt = commit(client)
    assert _withdraw(client, initialised, receipt["commitment_no"]).status_code == 200
    again = _withdraw(client, initialised, receipt["commitment_no"])
    assert again.status_code == 409
    assert again.json()["error"] == "already_withdrawn"
    assert len(rows(initialised, "SELECT id FROM commitment_events")) == 1


def test_withdrawing_a_licence_is_refused_as_concluded(client, initialised):
    # R17 + R8: a licence decided on the spot is a concluded matter; it is cancelled by its own procedure.
    receipt = commit(client, "XK001", HAOWEI)
    response = _withdraw(client, initialised, receipt["commitment_no"], HAOWEI[1])
    assert response.status_code == 409
    assert response.json()["error"] == "concluded"
    assert "注销" in response.json()["message"]
    assert _status(client, initialised, receipt["commitment_no"], HAOWEI[1]).json()["status"] == "licensed"


@pytest.mark.parametrize(
    "path, withdrawable",
    [
        (["under_verification"], True),  # checking is part of handling a proof item; not concluded
        (["verified"], False),
        (["revoked"], False),
        (["under_verification", "verified"], False),
        (["under_verification", "revoked"], False),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else str(v),
)
def test_withdrawal_only_before_the_matter_is_concluded(client, initialised, path, withdrawable):
    receipt = commit(client)
    for status in path:
        move_to(initialised, receipt["commitment_no"], status)
    assert _status(client, initialised, receipt["commitment_no"]).json()["withdrawable"] is withdrawable
    response = _withdraw(client, initialised, receipt["commitment_no"])
    if withdrawable:
        assert response.status_code == 200
    else:
        assert response.status_code == 409 and response.json()["error"] == "concluded"


def test_a_licence_under_verification_still_cannot_be_withdrawn(client, initialised):
    receipt = commit(client, "XK001", HAOWEI)
    move_to(initialised, receipt["commitment_no"], "under_verification")
    response = _withdraw(client, initialised, receipt["commitment_no"], HAOWEI[1])
    assert response.status_code == 409 and response.json()["error"] == "concluded"


@pytest.mark.parametrize(
    "start, to_status, code",
    [
        ([], "licensed", "not_allowed"),  # a proof item never becomes a licence afterwards
        (["withdrawn"], "under_verification", "not_allowed"),
        (["revoked"], "verified", "not_allowed"),
        (["withdrawn"], "withdrawn", "already_withdrawn"),
        (["under_verification"], "under_verification", "not_allowed"),
    ],
)
def test_transitions_outside_the_lifecycle_are_refused(client, initialised, start, to_status, code):
    receipt = commit(client)
    for status in start:
        move_to(initialised, receipt["commitment_no"], status)
    with pytest.raises(lifecycle.TransitionRefused) as refused:
        move_to(initialised, receipt["commitment_no"], to_status)
    assert refused.value.code == code
    assert len(rows(initialised, "SELECT id FROM commitment_events")) == len(start)


def test_a_transition_needs_a_reason(client, initialised):
    receipt = commit(client)
    with pytest.raises(lifecycle.TransitionRefused) as refused:
        move_to(initialised, receipt["commitment_no"], "under_verification", reason="  ")
    assert refused.value.code == "reason_required"
    empty = _withdraw(client, initialised, receipt["commitment_no"], reason="   ")
    assert empty.status_code == 422 and empty.json()["error"] == "reason_required"


def test_a_stale_transition_loses_to_the_one_that_got_there_first(client, initialised):
    # Two officers act on the same commitment: the second decision was based on a status that is gone.
    receipt = commit(client)
    engine = make_engine(initialised.database_url)
    factory = make_sessionmaker(engine)
    try:
        with factory() as stale:
            seen = stale.query(Commitment).filter_by(commitment_no=receipt["commitment_no"]).one()
            stale.commit()  # the object keeps the status it was read with (expire_on_commit=False)
            move_to(initialised, receipt["commitment_no"], "withdrawn", actor="applicant:x", role="applicant", reason="撤回")
            with pytest.raises(lifecycle.TransitionRefused) as refused:
                lifecycle.transition(stale, seen, "verified", actor="o2", role="officer", reason="属实")
            stale.rollback()
    finally:
        engine.dispose()
    assert refused.value.code == "not_allowed"
    assert rows(initialised, "SELECT current_status FROM commitments")[0]["current_status"] == "withdrawn"


def test_signature_and_chain_still_verify_after_the_lifecycle_moves(client, initialised):
    # P3: current_status is outside the signed content; the signed status stays the status at signing.
    receipt = commit(client)
    move_to(initialised, receipt["commitment_no"], "under_verification")
    move_to(initialised, receipt["commitment_no"], "revoked", reason="核查不实，撤销")
    verification = client.get(f"/api/v1/commitments/{receipt['commitment_no']}/verify",
                              params={"code": receipt["check_code"]}).json()
    assert verification["valid"] is True and verification["status"] == "accepted"
    assert client.get("/api/v1/chain/verify").json()["valid"] is True
    assert cli.verify(initialised, receipt["commitment_no"]) == 0


def test_history_for_officers_names_who_when_why_and_the_read_is_audited(client, initialised):
    receipt = commit(client)
    move_to(initialised, receipt["commitment_no"], "under_verification", actor="demo_officer", reason="开始在线核查")
    move_to(initialised, receipt["commitment_no"], "verified", actor="demo_officer", reason="在线核查属实")
    officer = login(client, initialised, "demo_officer")
    history = client.get(f"/api/v1/commitments/{receipt['commitment_no']}/history", headers=officer).json()
    assert [(h["from_status"], h["status"], h["actor"], h["role"], h["reason"]) for h in history] == [
        (None, "accepted", "applicant", "applicant", "签署告知承诺书，承诺已受理"),
        ("accepted", "under_verification", "demo_officer", "officer", "开始在线核查"),
        ("under_verification", "verified", "demo_officer", "officer", "在线核查属实"),
    ]
    assert all(h["at"] for h in history)
    # The applicant's view of the same history names roles, never staff usernames.
    mine = _status(client, initialised, receipt["commitment_no"]).json()
    assert [h["by"] for h in mine["history"]] == ["申请人", "核查人员", "核查人员"]
    assert "demo_officer" not in str(mine)
    full = client.get(f"/api/v1/commitments/{receipt['commitment_no']}", headers=officer).json()
    assert full["signed_record"]["applicant"]["id_number"] == ZHANG_WEI[1]
    assert full["status"] == "verified" and full["status_at_signing"] == "accepted"
    audited = rows(initialised, "SELECT actor, action, target FROM audit_events WHERE action LIKE 'commitment.%' ORDER BY id")
    assert audited == [
        {"actor": "demo_officer", "action": "commitment.history", "target": receipt["commitment_no"]},
        {"actor": "demo_officer", "action": "commitment.read", "target": receipt["commitment_no"]},
    ]


def test_lifecycle_history_is_append_only_in_the_database(client, initialised):
    receipt = commit(client)
    move_to(initialised, receipt["commitment_no"], "under_verification")
    engine = create_engine(initialised.database_url)
    try:
        for statement in ("UPDATE commitment_events SET reason = 'x'", "DELETE FROM commitment_events"):
            with pytest.raises(DBAPIError, match="append-only"):
                with engine.begin() as connection:
                    connection.execute(text(statement))
    finally:
        engine.dispose()


def test_an_applicant_sees_only_their_own_commitments(client, initialised):
    # P5: an applicant token lists and reads only the holder's commitments; others' are 404 like unknown ones.
    mine = [commit(client, "ZM001", ZHANG_WEI), commit(client, "ZM004", ZHANG_WEI)]
    theirs = commit(client, "ZM001", ZHAO_QIANG)
    headers = applicant_headers(client, ZHANG_WEI)
    listed = client.get("/api/v1/me/commitments", headers=headers).json()
    assert [c["commitment_no"] for c in listed] == [mine[1]["commitment_no"], mine[0]["commitment_no"]]
    assert {c["status"] for c in listed} == {"accepted"}
    own = client.get(f"/api/v1/me/commitments/{mine[0]['commitment_no']}", headers=headers)
    assert own.status_code == 200 and own.json()["status"] == "accepted"
    other = client.get(f"/api/v1/me/commitments/{theirs['commitment_no']}", headers=headers)
    unknown = client.get("/api/v1/me/commitments/CN20990101-000001", headers=headers)
    assert other.status_code == unknown.status_code == 404 and other.json() == unknown.json()
    steal = client.post(
        f"/api/v1/me/commitments/{theirs['commitment_no']}/withdraw", headers=headers, json={"reason": "冒名撤回"}
    )
    assert steal.status_code == 404
    assert _status(client, initialised, theirs["commitment_no"], ZHAO_QIANG[1]).json()["status"] == "accepted"
    # Their own withdrawal works, then a repeat is refused.
    done = client.post(f"/api/v1/me/commitments/{mine[0]['commitment_no']}/withdraw", headers=headers, json={"reason": "改按原程序办理"})
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"
    again = client.post(f"/api/v1/me/commitments/{mine[0]['commitment_no']}/withdraw", headers=headers, json={"reason": "再撤一次"})
    assert again.status_code == 409 and again.json()["error"] == "already_withdrawn"
    event = rows(initialised, "SELECT actor, role FROM commitment_events")[0]
    assert event["role"] == "applicant" and event["actor"].startswith("applicant:")
    assert ZHANG_WEI[1] not in event["actor"]


def test_commitments_from_before_the_applicant_key_are_keyed_by_migrate(client, initialised):
    receipt = commit(client)
    execute_sql(initialised, "UPDATE commitments SET applicant_id_hash = NULL WHERE commitment_no = :no", no=receipt["commitment_no"])
    headers = applicant_headers(client, ZHANG_WEI)
    assert client.get("/api/v1/me/commitments", headers=headers).json() == []
    assert cli.migrate(initialised) == 0
    assert [c["commitment_no"] for c in client.get("/api/v1/me/commitments", headers=headers).json()] == [receipt["commitment_no"]]
