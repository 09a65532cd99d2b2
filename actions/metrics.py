"""``GET /metrics`` on the action server: the turns it handles and how long they take, for Prometheus.

The action server sees every turn that needs the journey: Rasa posts the conversation's tracker to ``/webhook``
for each custom action, with the channel of the latest message (``latest_input_channel``). Measured around that
request (actions/server.py wires it in):

- ``gz_action_turns_total{channel}``: user messages handled here, counted once at the first action Rasa runs
  for the message (a form's validation and the next action of the same message are not counted again). Messages
  Rasa answers by itself (a greeting's ``utter_`` response) never reach this server and are not counted;
- ``gz_action_duration_seconds{channel}``: how long each action call took here, a histogram;
- ``gz_action_calls_total{channel, action, outcome}``: every action call; ``action`` is one of the actions this
  server registered (else ``other``), ``outcome`` the HTTP class of the answer (``ok``, ``rejected``, ``error``);
- ``gz_notice_delivery_failures_total{channel, found_by}``: a notice whose sections did not all reach the person.
  The channels sign a section only when they know it arrived (a WeChat send refused, a widget that never
  acknowledged); the journey learns which sections are missing from the deliveries carried to it, and tells the
  person (contract: ``ask`` of ``notice_ack`` with ``error``). ``found_by=journey``: the person said "已阅读"
  while sections were missing (``notice_undelivered``); ``found_by=api``: the API refused the commitment for
  that reason and the journey sent the notice again (``notice_resent``). The API's own count of the latter is
  ``gz_commitment_refusals_total{reason="notice_undelivered"}``. The Rasa process learns of a refused send
  first, but only the journey knows it concerns a notice the person is answering, so Rasa exposes nothing.

``channel`` is one of ``rest``, ``socketio``, ``wechat``, ``hotline``, ``none`` (no channel) or ``other``: a label
value never carries a sender, a number or anything a person typed.

The scrape needs ``Authorization: Bearer <token>``, the token read from the file ``GZ_METRICS_TOKEN_PATH`` names
(created 0600 if absent; the stack points it at ``var/keys/metrics.token``, the file the API reads too). Never the
action secret: the scraper cannot run actions. Without ``GZ_METRICS_TOKEN_PATH`` there is no /metrics at all: a
deployment that did not give the action server a token (its root file system read-only, no key directory)
starts as before rather than invent a token nobody knows.

Several Sanic workers (``ACTION_SERVER_SANIC_WORKERS`` > 1): actions/server.py points ``PROMETHEUS_MULTIPROC_DIR``
at an empty private directory before this module is imported, each worker writes its counters there and every
scrape merges them, whichever worker answers.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Optional

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram
from bot.core.prometheus import exposition

from bot.core import keyfile

ENV_TOKEN_PATH = "GZ_METRICS_TOKEN_PATH"
MIN_TOKEN_CHARS = 32
METRICS_ROUTE = "/metrics"
WEBHOOK_ROUTE = "/webhook"

CHANNELS: FrozenSet[str] = frozenset({"rest", "socketio", "wechat", "hotline"})
NO_CHANNEL = "none"
OTHER = "other"
# Rasa's own actions that may run between a message and the first custom action of its turn.
_BEFORE_TURN = frozenset({"action_listen", "action_extract_slots"})
# The ``ask.error`` codes with which the journey tells the person a notice did not wholly arrive.
DELIVERY_ERRORS = {"notice_undelivered": "journey", "notice_resent": "api"}
# Latency of one action: mostly milliseconds, seconds when the API or an SMS gateway is slow.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

TURNS = Counter("gz_action_turns_total", "User messages whose turn reached the action server, by channel.",
                ["channel"])
DURATION = Histogram("gz_action_duration_seconds", "Time the action server took for one action call, by channel.",
                     ["channel"], buckets=BUCKETS)
CALLS = Counter("gz_action_calls_total", "Action calls, by channel, action and outcome.",
                ["channel", "action", "outcome"])
DELIVERY_FAILURES = Counter(
    "gz_notice_delivery_failures_total",
    "Notices not wholly delivered, found when the person answered (journey) or by the API's refusal (api).",
    ["channel", "found_by"],
)


# --- the token -------------------------------------------------------------------------------------------------


def token_path(env=os.environ) -> Optional[Path]:
    configured = env.get(ENV_TOKEN_PATH, "").strip()
    return Path(configured) if configured else None


def load_or_create_token(path: Path) -> str:
    """The scrape token, created 0600 when missing (whoever comes first writes it: the API may start at once)."""
    return keyfile.load_or_create_token(path, "the metrics token", MIN_TOKEN_CHARS)


def authorised(header: Optional[str], token: str) -> bool:
    scheme, _, presented = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        presented.strip().encode("utf-8", "surrogateescape"), token.encode("ascii")
    )


# --- reading a call --------------------------------------------------------------------------------------------


def channel_label(tracker: Any) -> str:
    channel = tracker.get("latest_input_channel") if isinstance(tracker, dict) else None
    if not channel:
        return NO_CHANNEL
    return channel if channel in CHANNELS else OTHER


def turn_opened_by(tracker: Any) -> Optional[Dict[str, Any]]:
    """The latest user message if nothing but Rasa's slot extraction ran since it (this call is the turn's first
    action), else None."""
    events = tracker.get("events") if isinstance(tracker, dict) else None
    if not isinstance(events, list):
        return None
    for event in reversed(events):
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "user":
            return event
        if kind == "bot" or (kind == "action" and event.get("name") not in _BEFORE_TURN):
            return None
    return None


def delivery_failures(body: bytes) -> List[str]:
    """``found_by`` of every delivery failure the journey told the person about in this answer."""
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return []
    responses = answer.get("responses") if isinstance(answer, dict) else None
    found = []
    for message in responses if isinstance(responses, list) else []:
        custom = message.get("custom") if isinstance(message, dict) else None
        if isinstance(custom, dict) and custom.get("stage") == "ask" and custom.get("slot") == "notice_ack":
            by = DELIVERY_ERRORS.get(custom.get("error"))
            if by:
                found.append(by)
    return found


def read_call(encoding: Optional[str], body: bytes) -> Any:
    """The action call as rasa_sdk reads it (Rasa may deflate it); None when it is no JSON."""
    try:
        return json.loads(zlib.decompress(body) if encoding == "deflate" else body or b"null")
    except (ValueError, zlib.error):
        return None


def outcome(status: int) -> str:
    return "ok" if status < 400 else ("rejected" if status < 500 else "error")


class TurnMemory:
    """Messages already counted by this process: a turn whose actions both look first (a form activated and
    validated in one go) is counted once. Keyed by a hash, so no sender id is kept in the clear."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.seen: "OrderedDict[str, None]" = OrderedDict()

    def first_time(self, sender: Any, message_id: Any) -> bool:
        if not message_id:
            return True
        key = hashlib.sha256(f"{sender}\x00{message_id}".encode("utf-8", "surrogateescape")).hexdigest()
        if key in self.seen:
            self.seen.move_to_end(key)
            return False
        self.seen[key] = None
        if len(self.seen) > self.size:
            self.seen.popitem(last=False)
        return True


class Recorder:
    """What one action server records about its calls; ``actions``: the names it registered."""

    def __init__(self, actions: Iterable[str] = ()) -> None:
        self.actions = frozenset(actions)
        self.memory = TurnMemory()

    def started(self) -> float:
        return time.perf_counter()

    def finished(self, call: Any, status: int, body: bytes, started: float) -> None:
        elapsed = time.perf_counter() - started
        call = call if isinstance(call, dict) else {}
        tracker = call.get("tracker") if isinstance(call.get("tracker"), dict) else {}
        channel = channel_label(tracker)
        name = call.get("next_action")
        action = name if isinstance(name, str) and name in self.actions else OTHER
        CALLS.labels(channel=channel, action=action, outcome=outcome(status)).inc()
        DURATION.labels(channel=channel).observe(elapsed)
        opened_by = turn_opened_by(tracker) if status < 400 else None
        if opened_by is not None and self.memory.first_time(tracker.get("sender_id"), opened_by.get("message_id")):
            TURNS.labels(channel=channel).inc()
        if status < 400:
            for found_by in delivery_failures(body):
                DELIVERY_FAILURES.labels(channel=channel, found_by=found_by).inc()


def install(app: Any, token: str, actions: Iterable[str] = ()) -> Recorder:
    """Mount ``GET /metrics`` (bearer token) and measure every ``POST /webhook`` on the Sanic ``app``."""
    from sanic import response

    recorder = Recorder(actions)
    # Zero series from the start, so a dashboard's rate() shows 0 rather than "no data" before the first turn.
    for channel in CHANNELS:
        TURNS.labels(channel=channel)
        DURATION.labels(channel=channel)
        for found_by in DELIVERY_ERRORS.values():
            DELIVERY_FAILURES.labels(channel=channel, found_by=found_by)

    @app.route(METRICS_ROUTE, methods=["GET"])
    async def metrics(request):  # noqa: ANN001 - Sanic's request
        if not authorised(request.headers.get("authorization"), token):
            return response.json({"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": "Bearer"})
        return response.raw(exposition(), content_type=CONTENT_TYPE_LATEST)

    @app.middleware("request")
    async def start_clock(request):  # noqa: ANN001
        if request.method == "POST" and request.path == WEBHOOK_ROUTE:
            request.ctx.gz_started = recorder.started()

    @app.middleware("response")
    async def record(request, answer):  # noqa: ANN001
        started = getattr(request.ctx, "gz_started", None)
        if started is None or answer is None:
            return
        encoding = request.headers.get("Content-Encoding")
        if encoding == "deflate":
            call = read_call(encoding, request.body)
        else:
            try:
                call = request.json  # parsed once already for rasa_sdk (Sanic keeps it): no second parse
            except Exception:  # not JSON: rasa_sdk answered it as a bad request, still a call
                call = None
        recorder.finished(call, answer.status, getattr(answer, "body", b"") or b"", started)

    return recorder
