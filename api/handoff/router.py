"""Handoff endpoints: the action server queues (X-Service-Token); staff see the queue, take over, talk and hand
back (role ``staff`` only; issue 5). The queue page is web/console/hotline/queue.html."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from api.auth.dependencies import require_roles
from api.auth.service import SERVICE, Principal
from api.dependencies import get_now, get_session
from api.handoff import service
from api.handoff.rasa import RasaLink, get_rasa
from api.handoff.schemas import DismissRequest, HandoffQueued, HandoffServiceRequest, StaffMessage

router = APIRouter(prefix="/handoff", tags=["handoff"])
service_router = APIRouter(prefix="/service/handoff", tags=["service"])
staff_only = require_roles("staff")


@service_router.post("", response_model=HandoffQueued)
def queue_conversation(
    body: HandoffServiceRequest,
    _: Principal = Depends(require_roles(SERVICE)),
    session: Session = Depends(get_session),
    now: datetime = Depends(get_now),
) -> HandoffQueued:
    row = service.enqueue(session, body.sender_id, body.channel, body.reason, now)
    return HandoffQueued(handoff_id=row.id, status=row.status, position=service.position(session, row))


@router.get("/queue")
def waiting_queue(
    _: Principal = Depends(staff_only), session: Session = Depends(get_session), now: datetime = Depends(get_now)
) -> Dict[str, Any]:
    """Waiting and active conversations with their waiting time (no personal data: senders are masked)."""
    return service.queue(session, now)


@router.get("/{request_id}")
def handoff_detail(
    request_id: int,
    who: Principal = Depends(staff_only),
    session: Session = Depends(get_session),
    rasa: RasaLink = Depends(get_rasa),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    return service.detail(session, rasa, who, service.get(session, request_id), now)


@router.post("/{request_id}/take")
def take_over(
    request_id: int,
    who: Principal = Depends(staff_only),
    session: Session = Depends(get_session),
    rasa: RasaLink = Depends(get_rasa),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """Take the conversation over: the bot is paused for this sender until it is handed back."""
    return service.view(service.take(session, rasa, who, service.get(session, request_id), now), now)


@router.post("/{request_id}/dismiss")
def dismiss(
    request_id: int,
    body: DismissRequest,
    who: Principal = Depends(staff_only),
    session: Session = Depends(get_session),
    rasa: RasaLink = Depends(get_rasa),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """Close a waiting request without taking it over; the citizen is told and goes on with the bot."""
    return service.view(service.dismiss(session, rasa, who, service.get(session, request_id), body.reason, now), now)


@router.post("/{request_id}/messages")
def send_message(
    request_id: int,
    body: StaffMessage,
    who: Principal = Depends(staff_only),
    session: Session = Depends(get_session),
    rasa: RasaLink = Depends(get_rasa),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """To the citizen on their own channel: pushed (widget, WeChat) or with their next reply (REST)."""
    return service.send(session, rasa, who, service.get(session, request_id), body.text.strip(), now)


@router.post("/{request_id}/release")
def hand_back(
    request_id: int,
    who: Principal = Depends(staff_only),
    session: Session = Depends(get_session),
    rasa: RasaLink = Depends(get_rasa),
    now: datetime = Depends(get_now),
) -> Dict[str, Any]:
    """Hand back to the bot, which resumes the journey where it was."""
    return service.view(service.release(session, rasa, who, service.get(session, request_id), now), now)
