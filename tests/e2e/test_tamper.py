"""A tampered record fails verification (P3): edit a stored byte in the real database behind the running
API, then ask the API's verify endpoints and the CLI."""
from __future__ import annotations

import os
import subprocess

import httpx
import pytest
import sqlalchemy as sa

from bot.tools.stack import API_PY, ROOT
from tests.e2e.test_journey import affirm, read_notice, to_notice

pytestmark = pytest.mark.e2e


def _engine(stack):
    url = stack.config.api_env()["GZ_DATABASE_URL"].replace("postgresql+psycopg://", "postgresql+psycopg2://")
    return sa.create_engine(url)


def test_tampered_record_fails_verification(chat, stack):  # P3
    c = chat()
    msgs = to_notice(c, "我想申请公租房", "ZM001")
    read_notice(c, msgs, "ZM001")
    receipt = c.one(affirm(c), "commitment_receipt")
    number = receipt["commitment_no"]
    api = stack.config.api_url
    held = {"code": receipt["check_code"]}  # the receipt: its number and its check code
    intact = httpx.get(f"{api}/api/v1/commitments/{number}/verify", params=held, timeout=10).json()
    assert intact["valid"] is True
    # Both signatures and both chains (Ed25519/SHA-256 and SM2/SM3) on a record signed now.
    assert set(intact["integrity"]["checks"].values()) == {"valid"}
    cli = [str(API_PY), "-m", "api.cli", "verify", "--receipt", number]
    env = dict(os.environ, **stack.config.api_env())
    assert subprocess.run(cli, cwd=ROOT, env=env, capture_output=True).returncode == 0

    engine = _engine(stack)
    with engine.begin() as db:
        original = db.execute(sa.text("SELECT canonical FROM commitments WHERE commitment_no = :n"), {"n": number}).scalar_one()
        assert "张伟" not in original  # names are sealed at rest; the item they committed for is not
        # One character of the signed canonical JSON: the item the commitment was made for.
        forged = original.replace('"item_code":"ZM001"', '"item_code":"ZM002"', 1)
        assert forged != original
        db.execute(sa.text("UPDATE commitments SET canonical = :c WHERE commitment_no = :n"), {"c": forged, "n": number})
    try:
        verdict = httpx.get(f"{api}/api/v1/commitments/{number}/verify", params=held, timeout=10).json()
        assert verdict["valid"] is False
        assert verdict["integrity"]["checks"]["sm2_signature"] == "invalid"
        # The page a person sees says so in words.
        page = httpx.get(f"{api}/api/v1/commitments/{number}/verify", params=held, headers={"Accept": "text/html"},
                         timeout=10)
        assert "核验未通过" in page.text
        chain = httpx.get(f"{api}/api/v1/chain/verify", timeout=10).json()
        assert chain["valid"] is False and any(p["commitment_no"] == number for p in chain["problems"])
        assert subprocess.run(cli, cwd=ROOT, env=env, capture_output=True).returncode == 1
    finally:
        with engine.begin() as db:  # restore, so the rest of the session's chain is intact again
            db.execute(sa.text("UPDATE commitments SET canonical = :c WHERE commitment_no = :n"), {"c": original, "n": number})
    assert httpx.get(f"{api}/api/v1/commitments/{number}/verify", params=held, timeout=10).json()["valid"] is True
