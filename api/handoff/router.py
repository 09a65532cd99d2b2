"""Handoff endpoints: the action server queues (X-Service-Token); staff see the queue, take over, talk and hand
back (role ``staff`` only). The queue page is the hotline console's 转人工队列 (web/console/hotline/queue.js).

The fixed paths (``/queue``, ``/requests``, ``/labels``, ``/claim``, ``/dismiss``) are declared before
``/{request_id}``, which would otherwise match them first and refuse them as a malformed id."""
from __future__ import annotations

from typing import Any, Dict, Optional

from fastapi import APIRouter, Query

from api.auth.dependencies import ServiceDep, StaffCall, StaffDep
from api.dependencies import NowDep, SessionDep
from api.handoff import service
from api.handoff.desk import Desk, DeskDep
from api.handoff.models import HandoffRequest
from api.handoff.schemas import (
    REASON_PATTERN, BulkDismissRequest, BulkDismissResult, ClaimRequest, DismissRequest, HandoffDetail, HandoffLabels,
    HandoffPage, HandoffQueued, HandoffServiceRequest, HandoffView, MessageDelivery, QueueSummary, ReleaseRequest,
    StaffMessage,
)

router = APIRouter(prefix="/handoff", tags=["handoff"])
service_router = APIRouter(prefix="/service/handoff", tags=["service"])


@service_router.post("", response_model=HandoffQueued)
def queue_conversation(body: HandoffServiceRequest, _: ServiceDep, session: SessionDep, now: NowDep) -> HandoffQueued:
    """Queue the conversation. While it already has an open request (waiting, or taken over by a person) that one
    is returned, with ``already_waiting`` true when it is still waiting: one place in the queue per conversation."""
    queued = service.enqueue(session, body.sender_id, body.channel, body.reason, now, body.message)
    row = queued.row
    return HandoffQueued(handoff_id=row.id, status=row.status, position=service.position(session, row),
                         already_waiting=queued.already_waiting, asked_times=row.asked_times)


@router.get("/queue", response_model=QueueSummary)
def waiting_queue(call: StaffCall) -> Dict[str, Any]:
    """Waiting and active conversations, newest first, with their waiting time (no personal data: senders and
    numbers are masked)."""
    return service.queue(call.session, call.now)


@router.get("/requests", response_model=HandoffPage)
def requests_page(
    call: StaffCall,
    status: str = Query("waiting", pattern=r"^(waiting|active|closed)$"),
    channel: Optional[str] = Query(None, max_length=64),
    reason: Optional[str] = Query(None, pattern=REASON_PATTERN),
    q: Optional[str] = Query(None, max_length=100),
    offset: int = Query(0, ge=0, le=100_000),
    limit: int = Query(50, ge=1, le=200),
) -> Dict[str, Any]:
    """The queue at volume: one page of one status, newest first, filtered by channel and reason and searched by
    words of the citizen's last messages."""
    if channel:
        service.check_channel(channel)
    return service.page(call.session, call.now, status, channel, reason, q, offset, limit)


@router.get("/labels", response_model=HandoffLabels)
def labels(_: StaffDep) -> Dict[str, Any]:
    """The channels, reasons and closing reasons with the names agents see (for the filters)."""
    return service.labels()


@router.post("/claim", response_model=HandoffView)
def claim_oldest(body: ClaimRequest, desk: DeskDep) -> Dict[str, Any]:
    """Take over the request that has waited longest (among those the filters show); 404 when there is none."""
    if body.channel:
        service.check_channel(body.channel)
    row = service.claim_oldest(desk.session, desk.factory, desk.rasa, desk.who, desk.now, body.channel, body.reason,
                               body.q)
    return service.view(row, desk.now)


@router.post("/dismiss", response_model=BulkDismissResult)
def dismiss_several(body: BulkDismissRequest, desk: DeskDep) -> Dict[str, Any]:
    """Close several waiting requests without taking them over; each citizen is told, each closing audited."""
    return service.dismiss_many(desk.session, desk.factory, desk.rasa, desk.who, body.ids, body.reason, desk.now)


def _request(desk: Desk, request_id: int) -> HandoffRequest:
    return service.get(desk.session, request_id)


@router.get("/{request_id}", response_model=HandoffDetail)
def handoff_detail(request_id: int, desk: DeskDep) -> Dict[str, Any]:
    return service.detail(desk.session, desk.rasa, desk.who, _request(desk, request_id), desk.now)


@router.post("/{request_id}/take", response_model=HandoffView)
def take_over(request_id: int, desk: DeskDep) -> Dict[str, Any]:
    """Take the conversation over: the bot is paused for this sender until it is handed back."""
    return service.view(service.take(desk.factory, desk.rasa, desk.who, _request(desk, request_id), desk.now), desk.now)


@router.post("/{request_id}/dismiss", response_model=HandoffView)
def dismiss(request_id: int, body: DismissRequest, desk: DeskDep) -> Dict[str, Any]:
    """Close a waiting request without taking it over; the citizen is told and goes on with the bot."""
    row = service.dismiss(desk.factory, desk.rasa, desk.who, _request(desk, request_id), body.reason, desk.now)
    return service.view(row, desk.now)


@router.post("/{request_id}/messages", response_model=MessageDelivery)
def send_message(request_id: int, body: StaffMessage, desk: DeskDep) -> Dict[str, Any]:
    """To the citizen on their own channel: pushed (widget, WeChat) or with their next reply (REST)."""
    return service.send(desk.session, desk.rasa, desk.who, _request(desk, request_id), body.text.strip(), desk.now)


@router.post("/{request_id}/release", response_model=HandoffView)
def hand_back(request_id: int, desk: DeskDep, body: Optional[ReleaseRequest] = None) -> Dict[str, Any]:
    """Hand back to the bot, which resumes the journey where it was (409 ``unanswered_question`` while the
    citizen's question to the person has no reply; ``no_reply_needed`` overrides)."""
    no_reply_needed = bool(body and body.no_reply_needed)
    row = service.release(desk.session, desk.rasa, desk.who, _request(desk, request_id), desk.now, no_reply_needed)
    return service.view(row, desk.now)
