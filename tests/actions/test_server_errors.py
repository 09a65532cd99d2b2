"""An action call that fails answers without echoing the request: the tracker carries the person's data.

The action server's real Sanic application on a loopback port (the ``server`` fixture of test_metrics).
"""
from __future__ import annotations

from tests.actions.test_metrics import SECRET, server  # noqa: F401 (fixture)
from actions.server import SECRET_HEADER

PRIVATE = {"applicant_id": "110101199003074578", "applicant_name": "张伟", "phone": "13800138000"}


async def test_a_failing_action_call_echoes_nothing_of_the_tracker(server):  # noqa: F811
    # A tracker the SDK cannot read (slots must be a mapping) makes the call fail inside rasa_sdk.
    body = {"next_action": "action_gz_journey", "sender_id": "s-1", "version": "3.6.2", "domain": {},
            "tracker": {"sender_id": "s-1", "slots": [PRIVATE], "events": "not a list", "latest_message": PRIVATE}}
    answer = await server.post("/webhook", json=body, headers={SECRET_HEADER: SECRET})
    assert answer.status_code >= 400
    for value in PRIVATE.values():
        assert value not in answer.text
    assert "request_body" not in answer.json()


async def test_an_unknown_path_is_a_plain_404(server):  # noqa: F811
    answer = await server.get("/nowhere", headers={SECRET_HEADER: SECRET})
    assert answer.status_code == 404 and answer.json() == {"error": "not_found"}
