"""What an agent's action on a handed-over conversation works with, as one route parameter (``DeskDep``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session, sessionmaker

from api.auth.dependencies import StaffDep
from api.auth.service import Principal
from api.dependencies import NowDep, SessionDep, SessionmakerDep
from api.handoff.rasa import RasaDep, RasaLink


@dataclass(frozen=True)
class Desk:
    who: Principal  # the staff member (role ``staff`` only)
    session: Session  # the request's transaction
    factory: sessionmaker[Session]  # short transactions of their own: a claim is committed before Rasa is told
    rasa: RasaLink
    now: datetime


def _desk(who: StaffDep, session: SessionDep, factory: SessionmakerDep, rasa: RasaDep, now: NowDep) -> Desk:
    return Desk(who, session, factory, rasa, now)


DeskDep = Annotated[Desk, Depends(_desk)]
