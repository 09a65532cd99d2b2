"""One owner per transaction: the request's (``api.dependencies.get_session``) or a declared entry point's.

The rule, in code: routers and services add and flush; ``api.database.transaction`` commits when the work
ends, rolls back when it raises, and commits a refusal only when it says its changes are facts to keep
(``ApiError(keep_changes=True)``). These tests read the source for any other commit, and check the behaviour
through a real application and database: what a refusal keeps, what a failure leaves (nothing), and that a
route's writes are committed before its answer leaves.
"""
from __future__ import annotations

import ast
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.auth.models import RevokedToken
from api.database import begin_write, transaction
from api.dependencies import SessionDep, get_session
from api.errors import ApiError

API = Path(__file__).resolve().parents[2] / "api"

# Where a transaction may end. ``transaction`` is the one place that commits or rolls back.
COMMITS_AND_ROLLBACKS = {"database.py"}
# Entry points outside a request that open their own transaction with ``sessionmaker.begin()`` (or the engine's):
# the command line and the signing-cost benchmark, one transaction per command.
BEGINS = {"database.py", "cli.py", "signing/cost.py"}
# Work inside a request that must own a transaction of its own, through ``transaction(factory)``: a commitment
# is appended under the chain's lock, a hotline turn commits its attestation before the journey checks it, and a
# handoff is claimed (and audited) before Rasa is told, holding no lock while Rasa works. Work outside requests:
# the admin console's training and evaluation jobs run in a thread, one short transaction per change; a job's
# start and its cancellation are committed before the thread reads the job or its running step is stopped.
OWN_TRANSACTIONS = {
    "database.py", "dependencies.py", "commitments/service.py", "hotline/service.py", "handoff/service.py",
    "admin/jobs.py",
}


def _calls(tree: ast.AST) -> Iterator[Tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                yield node.func.attr, node.lineno
            elif isinstance(node.func, ast.Name):
                yield node.func.id, node.lineno


def _offences() -> List[str]:
    found = []
    for path in sorted(API.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic runs each migration in its own transaction
        where = path.relative_to(API).as_posix()
        for name, line in _calls(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if name in ("commit", "rollback") and where not in COMMITS_AND_ROLLBACKS:
                found.append(f"api/{where}:{line} calls .{name}()")
            elif name == "begin" and where not in BEGINS:
                found.append(f"api/{where}:{line} calls .begin()")
            elif name == "transaction" and where not in OWN_TRANSACTIONS:
                found.append(f"api/{where}:{line} opens a transaction of its own")
    return found


def test_nothing_but_the_owners_ends_a_transaction():
    assert _offences() == []


def test_every_declared_owner_still_owns_a_transaction():
    # A declaration that no longer matches any code would let a later commit there pass unnoticed.
    declared = [(where, "transaction") for where in OWN_TRANSACTIONS] + [(where, "begin") for where in BEGINS - {"database.py"}]
    for where, name in declared:
        names = {call for call, _ in _calls(ast.parse((API / where).read_text(encoding="utf-8")))}
        assert name in names, f"api/{where} no longer calls {name}(): drop it from the list"


def _api_routes(routes) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)  # FastAPI includes a router's routes lazily
        yield from _api_routes(included.routes if included is not None else [])


def _session_dependencies(dependant) -> Iterator:
    for sub in dependant.dependencies:
        if sub.call is get_session:
            yield sub
        yield from _session_dependencies(sub)


def test_every_route_has_one_session_committed_before_its_answer(app):
    """Every route gets the request's one session (``SessionDep``): the principal's and the route's are the same,
    and it is committed before the answer leaves (``scope="function"``). A ``Depends(get_session)`` of its own
    would open a second session, whose transaction ends after the answer has left."""
    routes = list(_api_routes(app.routes))
    for route in routes:
        for dependency in _session_dependencies(route.dependant):
            assert dependency.scope == "function", f"{route.path}: Depends(get_session) instead of SessionDep"
    # The walk reaches the sessions it checks: every admin route has one (its principal's, at least).
    admin = [r for r in routes if "/admin/" in r.path]
    assert len(admin) > 20
    assert all(next(_session_dependencies(r.dependant), None) is not None for r in admin)


def test_the_check_sees_a_commit():
    # The check reads what it should: the same walk over a module that commits finds it.
    tree = ast.parse("def route(session):\n    session.add(1)\n    session.commit()\n")
    assert ("commit", 3) in list(_calls(tree))


# --- behaviour, through a real application -----------------------------------------------------------------


class Boom(RuntimeError):
    pass


def _token_row(jti: str) -> RevokedToken:
    now = datetime.now(timezone.utc)
    return RevokedToken(jti=jti, actor="test", revoked_at=now, expires_at=now + timedelta(hours=1))


def _stored(app, jti: str) -> bool:
    # A new session: only what was committed is there.
    with app.state.sessionmaker() as session:
        return session.get(RevokedToken, jti) is not None


@pytest.fixture
def api(app) -> Iterator[TestClient]:
    router = APIRouter(prefix="/test-transactions")

    @router.post("/ok/{jti}")
    def write_and_answer(jti: str, session: SessionDep) -> StreamingResponse:
        session.add(_token_row(jti))
        session.flush()

        def body() -> Iterator[bytes]:
            # Runs while the answer is being sent: the row must be committed by then.
            yield b"committed" if _stored(app, jti) else b"not committed"

        return StreamingResponse(body(), media_type="text/plain")

    @router.post("/fail/{jti}")
    def write_then_fail(jti: str, session: SessionDep) -> dict:
        session.add(_token_row(jti))
        session.flush()  # written to the database, inside the request's transaction
        raise Boom("after the flush")

    @router.post("/refuse/{jti}")
    def write_then_refuse(jti: str, keep: bool, session: SessionDep) -> dict:
        session.add(_token_row(jti))
        session.flush()
        raise ApiError(409, "refused", "已拒绝。", keep_changes=keep)

    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_a_route_is_committed_before_its_answer_leaves(api):
    jti = uuid.uuid4().hex
    response = api.post(f"/test-transactions/ok/{jti}")
    assert response.status_code == 200
    assert response.text == "committed"
    assert _stored(api.app, jti)


def test_a_failing_route_leaves_nothing_half_written(api):
    jti = uuid.uuid4().hex
    response = api.post(f"/test-transactions/fail/{jti}")
    assert response.status_code == 500
    assert not _stored(api.app, jti)


def test_a_refusal_leaves_nothing_unless_it_keeps_its_changes(api):
    dropped, kept = uuid.uuid4().hex, uuid.uuid4().hex
    refused = api.post(f"/test-transactions/refuse/{dropped}", params={"keep": "false"})
    assert refused.status_code == 409 and refused.json()["error"] == "refused"
    assert not _stored(api.app, dropped)
    counted = api.post(f"/test-transactions/refuse/{kept}", params={"keep": "true"})
    assert counted.status_code == 409 and counted.json()["error"] == "refused"
    assert _stored(api.app, kept)


# --- begin_write: the write lock without a commit ----------------------------------------------------------


def test_begin_write_never_commits(app):
    jti = uuid.uuid4().hex
    with app.state.sessionmaker() as session:
        session.add(_token_row(jti))
        begin_write(session)  # flushes, and holds the lock: the row is written, not committed
        assert session.get(RevokedToken, jti) is not None
        session.rollback()
    assert not _stored(app, jti)


def test_begin_write_after_a_read_writes_on_a_fresh_snapshot(app):
    """SQLite (WAL): a transaction that read before another connection committed cannot write on its old
    snapshot; ``begin_write`` ends the read (there is nothing to commit) and takes the lock."""
    other = uuid.uuid4().hex
    mine = uuid.uuid4().hex
    with app.state.sessionmaker() as session:
        session.scalars(select(RevokedToken)).all()  # a read: on SQLite the snapshot starts here
        with transaction(app.state.sessionmaker) as elsewhere:
            elsewhere.add(_token_row(other))
        begin_write(session)
        assert session.get(RevokedToken, other) is not None  # the read is renewed
        session.add(_token_row(mine))
        session.flush()
        session.commit()
    assert _stored(app, mine) and _stored(app, other)


def test_transaction_keeps_only_what_a_refusal_asks_to_keep(app):
    kept, dropped, failed = uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex
    with pytest.raises(ApiError):
        with transaction(app.state.sessionmaker) as session:
            session.add(_token_row(kept))
            raise ApiError(429, "too_many", "请稍后再试。", keep_changes=True)
    with pytest.raises(ApiError):
        with transaction(app.state.sessionmaker) as session:
            session.add(_token_row(dropped))
            raise ApiError(422, "refused", "已拒绝。")
    with pytest.raises(Boom):
        with transaction(app.state.sessionmaker) as session:
            session.add(_token_row(failed))
            session.flush()
            raise Boom("after the flush")
    assert _stored(app, kept)
    assert not _stored(app, dropped)
    assert not _stored(app, failed)
