"""The application factory. Run: ``uvicorn --factory api.main:create_app --port 8800`` from the repo root."""
from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from typing import Dict, Literal, Optional

from bot.core.logmask import install as install_log_mask
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from sqlalchemy import text

from api.admin.router import router as admin_router
from api.admin.web import mount_console
from api.audit.router import router as audit_router
from api.auth.router import router as auth_router
from api.auth.service import load_or_create_jwt_secret, load_or_create_service_token
from api.authorisations.router import router as authorisations_router
from api.authorisations.router import service_router as authorisation_service_router
from api.catalogue.router import router as catalogue_router
from api.commitments.router import me_router as my_commitments_router
from api.commitments.router import router as commitments_router
from api.commitments.router import service_router as commitment_service_router
from api.complaints.router import router as complaints_router
from api.complaints.router import service_router as complaint_service_router
from api.config import Settings, get_settings
from api.credit.router import router as credit_router
from api.database import make_engine, make_sessionmaker
from api.dependencies import SessionDep
from api.disclosure.router import page_router as disclosure_page_router
from api.disclosure.router import router as disclosure_router
from api.documents.router import router as documents_router
from api.errors import ApiError, install_error_handlers
from api.handoff.router import router as handoff_router
from api.handoff.router import service_router as handoff_service_router
from api.hotline.router import router as hotline_router
from api.identity.oidc_router import router as oidc_router
from api.identity.oidc_router import service_router as oidc_service_router
from api.identity.router import router as identity_router
from api.identity.router import service_router as identity_service_router
from api.metrics import install as install_metrics
from api.portal.router import mount_web
from api.signing.router import router as keys_router
from api.signing.service import load_or_create_id_hash_key, load_or_create_platform_key
from api.verification.router import router as verification_router
from bot.core import sealing


class Health(BaseModel):
    status: Literal["ok"]
    db: Literal["ok"]


def _health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", response_model=Health)
    def health(session: SessionDep) -> Dict[str, str]:
        try:
            session.execute(text("SELECT 1"))
        except Exception as exc:  # the database is the one dependency; say so instead of a bare 500
            raise ApiError(503, "db_unavailable", "数据库暂时不可用。") from exc
        return {"status": "ok", "db": "ok"}

    return router


def freeze_start_up_objects() -> bool:
    """Leave what start-up built out of the cyclic garbage collector's full collections, once per process.

    Measured with bench/profile.py: the started API holds ~180,000 objects (FastAPI, pydantic, SQLAlchemy, the
    routes), which every full collection walks again - 0.1-0.2 s on this machine, paid by whichever request
    allocated at that moment. They live as long as the process, so after one full collection (no garbage is
    frozen) ``gc.freeze()`` moves them to the permanent generation; what requests create is collected as before.
    Once per process: a test process starting many apps freezes only at the first. False when already done.
    """
    if gc.get_freeze_count():
        return False
    gc.collect()
    gc.freeze()
    return True


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    install_log_mask()  # P5: uvicorn's and our log records never carry a full ID or phone number
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        freeze_start_up_objects()
        yield
        engine.dispose()

    app = FastAPI(title="告知承诺 API", version="1", lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    # Keys are created on first start (mode 0600) so a fresh checkout runs; production provisions them.
    # P5: the data key ring that seals the ID numbers stored in commitments; every session carries it.
    app.state.data_keys = sealing.load_or_create(settings.data_key_path)
    app.state.sessionmaker = make_sessionmaker(engine, data_keys=app.state.data_keys)
    # P3: the current signing key and the retired public keys, so receipts signed before a rotation verify;
    # a retired file not named after its own fingerprint stops the start (RetiredKeyError names the file).
    app.state.platform_key = load_or_create_platform_key(settings.signing_key_path, settings.retired_keys_path)
    app.state.id_hash_key = load_or_create_id_hash_key(settings.id_hash_key_path)
    # P5: the staff/applicant token secret and the action server's service token.
    app.state.jwt_secret = load_or_create_jwt_secret(settings.jwt_secret_file)
    app.state.service_token = load_or_create_service_token(settings.service_token_file)

    install_error_handlers(app)
    install_metrics(app, settings)  # GET /metrics for the operators' Prometheus, behind its own token
    app.include_router(_health_router())
    app.include_router(disclosure_page_router)
    # Each router is included in the app itself, with the prefix: FastAPI matches a request against the routers
    # it includes (and again against the chosen one's routes to handle it), so a router of routers added one more
    # pass over all of them to every request. Same routes, paths and order of precedence as one v1 router.
    # A prefix is always given: including a router without one makes FastAPI build every route of it once more
    # only to check that no path is empty, about a third of the cost of creating an app (the tests create one per
    # test). Measured (one service request in process): a third fewer Python calls on the event loop.
    for v1_router in (
        auth_router,
        audit_router,
        commitment_service_router,
        my_commitments_router,
        complaint_service_router,
        complaints_router,
        disclosure_router,
        catalogue_router,
        credit_router,
        verification_router,
        commitments_router,
        keys_router,
        documents_router,
        admin_router,
        hotline_router,  # the 12345 hotline console's assisted sessions
        handoff_router,  # human handoff from the citizen channels
        handoff_service_router,
        oidc_router,  # single sign-on through the city's identity platform
        oidc_service_router,  # signing through the platform, for the action server
        identity_service_router,  # SMS one-time codes and act confirmation for the action server
        identity_router,  # the hotline's identity attestations
        authorisation_service_router,  # special authorisations (特别授权) granted and checked in chat
        authorisations_router,  # paper authorisations recorded by staff
    ):
        app.include_router(v1_router, prefix="/api/v1")
    mount_console(app)  # the staff and admin consoles under /console/
    mount_web(app)  # the demo portal at / and the widget's files under /static/widget/
    return app
