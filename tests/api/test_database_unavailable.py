"""The database cannot be reached or written: a clear 503 ``db_unavailable``, never a bare 500 (P4),
and SQLAlchemy's error texts never carry a statement's values (P5)."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from api.database import make_engine, make_sessionmaker


def test_unreachable_database_answers_503(app, client, tmp_path, caplog):
    # A SQLite file in a directory that does not exist cannot be opened: the same OperationalError as a full
    # disk, a read-only file system or a PostgreSQL server that is restarting (tests/e2e/test_disk_faults.py,
    # tests/scale/test_pg_restart.py run the real faults).
    broken = make_engine(f"sqlite:///{tmp_path / 'missing' / 'api.db'}")
    (tmp_path / "missing").rmdir()  # make_engine created it
    app.state.sessionmaker = make_sessionmaker(broken)
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/chain/verify")
    assert response.status_code == 503
    assert response.json()["error"] == "db_unavailable" and response.json()["message"]
    assert response.headers["retry-after"] == "5"
    assert "database unavailable on GET /api/v1/chain/verify: unable to open database file" in caplog.text
    broken.dispose()


def test_error_texts_carry_no_parameters(database_url):
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            with pytest.raises(DBAPIError) as raised:  # OperationalError on SQLite, ProgrammingError on PostgreSQL
                connection.execute(text("SELECT * FROM no_such_table WHERE x = :id"), {"id": "410105199001011233"})
    finally:
        engine.dispose()
    assert "410105199001011233" not in str(raised.value)
    assert "hidden due to hide_parameters" in str(raised.value)
