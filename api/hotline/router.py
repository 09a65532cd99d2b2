"""Hotline console endpoints (role ``staff`` only). The console page is web/console/hotline/."""
from __future__ import annotations

from typing import List

from fastapi import APIRouter

from api.auth.dependencies import StaffDep
from api.dependencies import IdHashKeyDep, NowDep, SessionDep, SessionmakerDep, SettingsDep
from api.handoff.rasa import RasaDep
from api.hotline import service
from api.identity.assurance import IdentityAssurance
from api.identity.deps import OtpKeyDep
from api.identity.hotline import Attestation, HotlineAttestationVerifier
from api.identity.store import client_hash, conversation_client
from bot.core import assisted
from bot.core.conversation import key as conversation_key
from api.hotline.schemas import CallerIdentity, ReadAloud, ReadAloudState, SessionDetail, SessionStart, SessionView, StaffTurn, TurnResult

router = APIRouter(prefix="/hotline", tags=["hotline"])
# Every route here serves 12345 hotline agents (StaffDep); officers and admins have their own consoles (P5:
# roles are separated).


@router.post("/sessions", status_code=201, response_model=SessionView)
def start_session(
    body: SessionStart,
    who: StaffDep,
    session: SessionDep,
    now: NowDep,
    settings: SettingsDep,
) -> SessionView:
    """A call comes in: start an assisted session (call id and/or the caller's number)."""
    row = service.start(session, who, body.call_id, body.caller_phone, now)
    return service.view(session, row, settings.hotline_read_chars_per_minute)


@router.get("/sessions", response_model=List[SessionView])
def my_sessions(who: StaffDep, session: SessionDep, settings: SettingsDep) -> List[SessionView]:
    return [service.view(session, row, settings.hotline_read_chars_per_minute) for row in service.list_own(session, who)]


@router.get("/sessions/{session_id}", response_model=SessionDetail)
def session_detail(
    session_id: str,
    who: StaffDep,
    session: SessionDep,
    rasa: RasaDep,
    now: NowDep,
    settings: SettingsDep,
) -> SessionDetail:
    row = service.own(session, who, session_id)
    return service.detail(session, rasa, who, row, now, settings.hotline_read_chars_per_minute)


@router.post("/sessions/{session_id}/messages", response_model=TurnResult)
def staff_turn(
    session_id: str,
    body: StaffTurn,
    who: StaffDep,
    session: SessionDep,
    factory: SessionmakerDep,
    rasa: RasaDep,
    now: NowDep,
) -> TurnResult:
    """What the caller said, typed by the staff member (or the caller's own number, confirmed on the call); the
    bot's contract messages come back."""
    row = service.own(session, who, session_id, open_only=True)
    return service.forward(
        session, factory, rasa, who, row, body.text, body.attest, now, use_caller_phone=body.use_caller_phone
    )


@router.post("/sessions/{session_id}/read-aloud", response_model=ReadAloudState)
def read_aloud(
    session_id: str,
    body: ReadAloud,
    who: StaffDep,
    session: SessionDep,
    now: NowDep,
    settings: SettingsDep,
) -> ReadAloudState:
    """"已宣读": one section of the notification was read aloud to the caller (R6); stamped by the API. Sooner
    than the section can be spoken: 409 ``read_aloud_too_fast`` until confirmed (``confirm_fast``)."""
    row = service.own(session, who, session_id, open_only=True)
    return service.tick(session, who, row, body.notice_version, body.index, now,
                        confirm_fast=body.confirm_fast, chars_per_minute=settings.hotline_read_chars_per_minute)


@router.post("/sessions/{session_id}/identity", status_code=201, response_model=IdentityAssurance)
def attest_identity(
    session_id: str,
    body: CallerIdentity,
    who: StaffDep,
    session: SessionDep,
    id_hash_key: IdHashKeyDep,
    otp_key: OtpKeyDep,
    now: NowDep,
) -> IdentityAssurance:
    """"已核验身份": the staff member checked the caller's identity (called back the registered number, saw the
    ID card on video …). The attestation vouches in this call's conversation only, where the journey finds it."""
    row = service.own(session, who, session_id, open_only=True)
    assurance = HotlineAttestationVerifier(id_hash_key).verify(
        session, Attestation(id_number=body.id_number, how=body.how, staff=who, note=body.note), now,
        client=client_hash(otp_key, conversation_client(conversation_key(assisted.CHANNEL, row.sender_id))),
    )
    return assurance


@router.post("/sessions/{session_id}/end", response_model=SessionView)
def end_session(session_id: str, who: StaffDep, session: SessionDep, now: NowDep, settings: SettingsDep) -> SessionView:
    row = service.end(session, who, service.own(session, who, session_id), now)
    return service.view(session, row, settings.hotline_read_chars_per_minute)
