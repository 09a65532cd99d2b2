"""``GET /metrics`` on the API: the scrape token, and the counters moving with what really happened - a commitment
signed through the same route the action server uses, a refusal by its code, a one-time code sent, the handoff
queue counted from the database - without a sender, an ID or a phone number in what is exposed."""
from __future__ import annotations

import re
import stat
from typing import Dict, Optional

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.main import create_app
from api.metrics import ENV_TOKEN_PATH, token_path
from tests.api.access_helpers import service_headers
from tests.api.helpers import PHONE, SENDER, ZHANG_WEI, commitment_body, sms_code


def bearer(client: TestClient) -> Dict[str, str]:
    token = token_path(client.app.state.settings).read_text(encoding="ascii").strip()
    return {"Authorization": f"Bearer {token}"}


def scrape(client: TestClient) -> str:
    response = client.get("/metrics", headers=bearer(client))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


def sample(text: str, name: str, **labels: str) -> Optional[float]:
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return None


def value(text: str, name: str, **labels: str) -> float:
    return sample(text, name, **labels) or 0.0


def test_the_token_file_is_created_private_and_required(client, initialised):
    path = token_path(initialised)
    assert path == initialised.var_path / "keys" / "metrics.token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_text(encoding="ascii").strip()) >= 32

    assert client.get("/metrics").status_code == 401
    refused = client.get("/metrics", headers={"Authorization": "Bearer " + "x" * 43})
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert "gz_" not in refused.text
    # The action server's credential is not the scraper's.
    assert client.get("/metrics", headers={"Authorization": f"Bearer {client.app.state.service_token}"}).status_code == 401
    assert client.get("/metrics", headers={"X-Service-Token": client.app.state.service_token}).status_code == 401
    token = path.read_text(encoding="ascii").strip()
    assert client.get("/metrics", headers={"Authorization": f"Basic {token}"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_the_token_path_follows_the_environment(initialised, tmp_path, monkeypatch):
    chosen = tmp_path / "elsewhere" / "scrape.token"
    monkeypatch.setenv(ENV_TOKEN_PATH, str(chosen))
    app = create_app(initialised)
    try:
        assert chosen.exists() and stat.S_IMODE(chosen.stat().st_mode) == 0o600
        with TestClient(app) as client:
            token = chosen.read_text(encoding="ascii").strip()
            assert client.get("/metrics", headers={"Authorization": f"Bearer {token}"}).status_code == 200
            default = initialised.var_path / "keys" / "metrics.token"
            if default.exists():  # another app of this test created it: it is not the one this app reads
                other = default.read_text(encoding="ascii").strip()
                assert client.get("/metrics", headers={"Authorization": f"Bearer {other}"}).status_code == 401
    finally:
        app.state.engine.dispose()


def test_a_signed_commitment_and_a_refusal_move_their_counters(client, initialised):
    before = scrape(client)
    body = commitment_body(client, "ZM001", ZHANG_WEI)
    first = client.post("/api/v1/commitments", json=body)
    assert first.status_code == 201, first.text
    again = client.post("/api/v1/commitments", json=body)  # the idempotent replay stores nothing new
    assert again.status_code == 200

    undelivered = commitment_body(client, "ZM001", ZHANG_WEI)
    del undelivered["evidence"]["channel_evidence"]["deliveries"][6]
    refused = client.post("/api/v1/commitments", json=undelivered)
    assert refused.status_code == 422 and refused.json()["error"] == "notice_undelivered"

    after = scrape(client)
    signed = "gz_commitments_signed_total"
    assert value(after, signed, channel="rest") - value(before, signed, channel="rest") == 1
    reason = {"reason": "notice_undelivered"}
    assert value(after, "gz_commitment_refusals_total", **reason) - value(before, "gz_commitment_refusals_total", **reason) == 1

    # Labels are closed sets: channels and error codes, never who or what.
    text = after
    for secret in (ZHANG_WEI[1], ZHANG_WEI[1][-6:], PHONE, SENDER, "张伟", body["idempotency_key"]):
        assert secret not in text
    assert "4101**********1233" not in text
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            for label in s.labels.values():
                assert re.fullmatch(r"[A-Za-z0-9_.+]{0,32}", label), (s.name, label)
                assert not re.search(r"\d{6,}", label), (s.name, label)


def test_one_time_codes_are_counted_by_purpose(client, initialised):
    before = scrape(client)
    sms_code(client, ZHANG_WEI[1], "rest:metrics-check")
    after = scrape(client)
    purpose = {"purpose": "login"}
    assert value(after, "gz_otp_codes_sent_total", **purpose) - value(before, "gz_otp_codes_sent_total", **purpose) == 1
    assert PHONE not in after and ZHANG_WEI[1] not in after


def test_the_handoff_queue_is_read_from_the_database_when_scraped(client, initialised):
    assert value(scrape(client), "gz_handoff_queue_length", channel="socketio") == 0
    for sender, channel in (("widget-session-a", "socketio"), ("widget-session-b", "socketio"), ("rest-c", "rest")):
        queued = client.post("/api/v1/service/handoff", json={"sender_id": sender, "channel": channel,
                                                              "reason": "user_request"},
                             headers=service_headers(initialised))
        assert queued.status_code == 200, queued.text
    text = scrape(client)
    assert value(text, "gz_handoff_queue_length", channel="socketio") == 2
    assert value(text, "gz_handoff_queue_length", channel="rest") == 1
    assert sample(text, "gz_handoff_queue_length", channel="wechat") == 0
    assert sample(text, "gz_handoff_oldest_waiting_seconds") is not None
    assert "widget-session-a" not in text and "rest-c" not in text


def test_metrics_stay_off_the_public_api_description(client):
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_metrics_do_not_exist_through_the_public_proxy(client):
    token = bearer(client)
    for header in ({"X-Forwarded-For": "203.0.113.9"}, {"X-Real-IP": "203.0.113.9"},
                   {"Forwarded": "for=203.0.113.9"}):
        answer = client.get("/metrics", headers={**token, **header})
        assert answer.status_code == 404, header
        assert "gz_" not in answer.text
