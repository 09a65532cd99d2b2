"""``GET /metrics``: the API's Prometheus metrics, for the operators' scraper only.

Metrics (label values are closed sets, never a sender, a number or anything a person typed):

- ``gz_commitments_signed_total{channel}``: commitments signed and stored (an idempotent replay is not counted
  again); ``channel`` is one of the channels the API accepts (``GZ_CHANNELS``), else ``other``;
- ``gz_commitment_refusals_total{reason}``: ``POST /commitments`` refused with an error code (``reason`` is the
  code, e.g. ``notice_undelivered`` - the API's own finding that a notice section did not reach the person,
  ``reading_too_fast``, ``identity_required``); a request the schema rejects (``invalid_request``) never reaches
  the route and is not counted;
- ``gz_otp_codes_sent_total{purpose}``: one-time codes the SMS gateway took (``login`` or ``act``);
- ``gz_handoff_queue_length{channel}`` and ``gz_handoff_oldest_waiting_seconds``: the human handoff queue, read from
  the database at scrape time (so every API replica reports the same queue; aggregate with ``max``, not ``sum``).

Every scrape carries ``Authorization: Bearer <token>``, the token read from a file: ``GZ_METRICS_TOKEN_PATH``, else
``keys/metrics.token`` in the API's var directory, created (0600) at first start like the service token. The
action server's ``/metrics`` (actions/metrics.py) accepts the same token, so one scrape credential serves both.
A request that came through a reverse proxy (``X-Forwarded-For``, ``Forwarded``, ``X-Real-IP``) gets 404: the
public ingress sends every path to the API, and Prometheus scrapes the pods directly.

Processes: the stack and the manifests run one uvicorn process per API instance, whose default registry is the
truth. Were the API run with several workers (``uvicorn --workers``), set ``PROMETHEUS_MULTIPROC_DIR`` to an empty
directory private to that instance before it starts: the counters are then written there by every worker and
each scrape merges them (prometheus-client's multiprocess mode), whichever worker answers.
"""
from __future__ import annotations

import hmac
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Optional

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from bot.core.prometheus import exposition
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.config import Settings
from api.errors import ApiError
from bot.core import keyfile

ENV_TOKEN_PATH = "GZ_METRICS_TOKEN_PATH"
TOKEN_FILE = "metrics.token"
MIN_TOKEN_CHARS = 32
OTHER = "other"
# An error code is a short lower-case identifier; anything else (there should be nothing else) is not a label.
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,47}$")
_PURPOSES = frozenset({"login", "act"})
# Headers every reverse proxy in front of the API adds (the ingress controller, the Compose proxy).
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")

COMMITMENTS_SIGNED = Counter(
    "gz_commitments_signed_total", "Commitments signed and stored, by channel.", ["channel"]
)
COMMITMENT_REFUSALS = Counter(
    "gz_commitment_refusals_total", "Commitment submissions refused, by the API's error code.", ["reason"]
)
OTP_CODES_SENT = Counter(
    "gz_otp_codes_sent_total", "One-time codes handed to the SMS gateway, by purpose (login or act).", ["purpose"]
)


def token_path(settings: Settings) -> Path:
    configured = os.environ.get(ENV_TOKEN_PATH, "").strip()
    return Path(configured) if configured else settings.var_path / "keys" / TOKEN_FILE


def load_or_create_token(path: Path) -> str:
    """The scrape token (at least 32 characters), created 0600 on first start (whoever comes first writes it)."""
    return keyfile.load_or_create_token(path, "the metrics token", MIN_TOKEN_CHARS)


def commitment_signed(channel: str, channels: Iterable[str]) -> None:
    COMMITMENTS_SIGNED.labels(channel=channel if channel in set(channels) else OTHER).inc()


def commitment_refused(code: str) -> None:
    COMMITMENT_REFUSALS.labels(reason=code if isinstance(code, str) and _CODE.match(code) else OTHER).inc()


def otp_sent(purpose: str) -> None:
    OTP_CODES_SENT.labels(purpose=purpose if purpose in _PURPOSES else OTHER).inc()


class HandoffQueueCollector(Collector):
    """Waiting handoffs per channel, counted in the database when scraped (a gauge nobody has to keep)."""

    def __init__(self, sessions: sessionmaker[Session], now: Callable[[], datetime]) -> None:
        self.sessions = sessions
        self.now = now

    def describe(self):
        return []  # nothing is read before the first scrape (registering must not touch the database)

    def collect(self):
        from api.handoff.models import CHANNELS, HandoffRequest

        with self.sessions() as session:
            rows = session.execute(
                select(HandoffRequest.channel, func.count(), func.min(HandoffRequest.created_at))
                .where(HandoffRequest.status == "waiting")
                .group_by(HandoffRequest.channel)
            ).all()
        waiting = {name: 0 for name in CHANNELS}
        oldest: Optional[datetime] = None
        for channel, count, created in rows:
            key = channel if channel in waiting else OTHER
            waiting[key] = waiting.get(key, 0) + count
            if created is not None:
                created = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
                oldest = created if oldest is None or created < oldest else oldest
        queue = GaugeMetricFamily(
            "gz_handoff_queue_length", "Conversations waiting for a staff member, by channel.", labels=["channel"]
        )
        for channel, count in sorted(waiting.items()):
            queue.add_metric([channel], count)
        yield queue
        age = max(0.0, (self.now() - oldest).total_seconds()) if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "gz_handoff_oldest_waiting_seconds", "How long the longest-waiting handoff has waited (0: none).", value=age
        )


def install(app: FastAPI, settings: Settings) -> None:
    """Create (or read) the scrape token and mount ``GET /metrics`` (outside /api/v1: it is no API)."""
    token = load_or_create_token(token_path(settings))
    # Zero series from the start, so a dashboard's rate() shows 0 rather than "no data" before the first event.
    for channel in settings.channel_names:
        COMMITMENTS_SIGNED.labels(channel=channel)
    for purpose in _PURPOSES:
        OTP_CODES_SENT.labels(purpose=purpose)
    database = CollectorRegistry(auto_describe=False)
    database.register(HandoffQueueCollector(app.state.sessionmaker, lambda: datetime.now(timezone.utc)))
    router = APIRouter(tags=["metrics"], include_in_schema=False)

    @router.get("/metrics")
    def metrics(request: Request) -> Response:
        if any(header in request.headers for header in PROXY_HEADERS):
            # The public ingress routes every path to the API; a scrape comes straight to the pod, never through
            # a proxy, so through one /metrics does not exist (the token stays the gate; this hides the door).
            raise StarletteHTTPException(404)
        given = request.headers.get("authorization", "")
        scheme, _, presented = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            presented.strip().encode("utf-8", "surrogateescape"), token.encode("ascii")
        ):
            raise ApiError(401, "unauthorized", "需要有效的监控令牌。", headers={"WWW-Authenticate": "Bearer"})
        return Response(exposition() + generate_latest(database), media_type=CONTENT_TYPE_LATEST)

    app.include_router(router)
