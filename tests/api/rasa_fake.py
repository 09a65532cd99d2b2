"""A stand-in for the Rasa server's HTTP API behind ``RasaLink`` (api/handoff/rasa.py), for the API tests of the
hotline console and the handoff. The real thing is exercised by tests/e2e and tests/browser.

It keeps trackers, records every appended event with the query parameters (``output_channel``,
``execute_side_effects``, the auth token) and answers the hotline webhook with whatever the test scripts.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import httpx

from api.handoff.rasa import RasaLink

TOKEN = "rasa-test-token"


class FakeRasa:
    def __init__(self) -> None:
        self.trackers: Dict[str, Dict[str, Any]] = {}
        self.appended: List[Tuple[str, List[Dict[str, Any]], Dict[str, str]]] = []
        self.hotline_calls: List[Tuple[Dict[str, str], Dict[str, Any]]] = []
        self.hotline_reply: Callable[[Dict[str, Any]], List[Dict[str, Any]]] = lambda body: [{"recipient_id": "x", "text": "好的"}]
        self.down = False
        self.on_call: Optional[Callable[[], None]] = None  # runs inside every call, e.g. another writer

    def conversation(self, sender: str, events: Optional[List[Dict[str, Any]]] = None, *, slots=None, loop=None) -> None:
        self.trackers[sender] = {
            "sender_id": sender,
            "events": list(events or []),
            "slots": dict(slots or {}),
            "active_loop": {"name": loop} if loop else {},
            "paused": False,
        }

    def link(self, secret_path: Path) -> RasaLink:
        return RasaLink("http://rasa.test", TOKEN, secret_path, transport=httpx.MockTransport(self.handle))

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("rasa is down", request=request)
        if self.on_call is not None:
            self.on_call()
        path = request.url.path
        params = dict(request.url.params)
        if path == "/webhooks/hotline/webhook":
            body = json.loads(request.content)
            self.hotline_calls.append((dict(request.headers), body))
            return httpx.Response(200, json=self.hotline_reply(body))
        if params.get("token") != TOKEN:
            return httpx.Response(401, json={"message": "auth"})
        parts = path.strip("/").split("/")
        if len(parts) >= 3 and parts[0] == "conversations":
            sender = parts[1]
            tracker = self.trackers.setdefault(sender, {"sender_id": sender, "events": [], "slots": {}, "active_loop": {}, "paused": False})
            if request.method == "GET" and parts[2:] == ["tracker"]:
                return httpx.Response(200, json=tracker)
            if request.method == "POST" and parts[2:] == ["tracker", "events"]:
                events = json.loads(request.content)
                self.appended.append((sender, events, params))
                for event in events:
                    if event["event"] == "pause":
                        tracker["paused"] = True
                    elif event["event"] == "resume":
                        tracker["paused"] = False
                    tracker["events"].append(event)
                return httpx.Response(200, json=tracker)
        return httpx.Response(404, json={"message": "not found"})
