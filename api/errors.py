"""Every error the API returns has the same shape: ``{"error": code, "message": Chinese text}``.

Validation errors never echo the submitted values: they may contain ID or phone numbers (P5).
"""
from __future__ import annotations

import logging
from typing import Dict, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.core.sealing import SealingError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self, status_code: int, error: str, message: str, headers: Optional[Dict[str, str]] = None,
        *, keep_changes: bool = False,
    ) -> None:
        super().__init__(f"{error}: {message}")
        self.status_code = status_code
        self.error = error
        self.message = message
        # e.g. WWW-Authenticate on 401, Retry-After on 429
        self.headers = headers
        # A refusal normally leaves nothing behind (the request's transaction is rolled back). Some refusals
        # are themselves facts to keep: a wrong code counts towards a lockout, a refused login is audited.
        # They say so here, and the transaction's owner (api.database.transaction: a request's get_session, or
        # work outside requests) commits before passing the refusal on.
        self.keep_changes = keep_changes


def _body(error: str, message: str, **extra) -> dict:
    return {"error": error, "message": message, **extra}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(_body(exc.error, exc.message), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"), "problem": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse(
            _body("invalid_request", "请求格式不正确，请检查必填项和格式。", fields=fields), status_code=422
        )

    @app.exception_handler(OperationalError)
    async def _database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        # P4: the database cannot be reached or written - PostgreSQL restarting, the disk full, the file
        # system read-only. The transaction was rolled back, so nothing is half written; the caller (the action
        # server: service_error, and the citizen keeps what they entered) may retry. One line instead of a
        # traceback, with the driver's first line only: SQLAlchemy's text can carry the statement (P5).
        lines = str(exc.orig).strip().splitlines() if exc.orig is not None else []
        reason = (lines[0] if lines else type(exc).__name__)[:200]
        logger.error("database unavailable on %s %s: %s", request.method, request.url.path, reason)
        return JSONResponse(
            _body("db_unavailable", "数据库暂时不可用，请稍后再试。"), status_code=503, headers={"Retry-After": "5"}
        )

    async def _unrepresentable(request: Request, exc: Exception) -> JSONResponse:
        # Found by the schema fuzzer (tests/fuzz/test_api_schema.py): a number in a path or query parameter larger
        # than the database's integer (PostgreSQL INTEGER is 32 bits, SQLite's 64) or a string it cannot store
        # (a NUL character on PostgreSQL) reached the database and became a 500. Such a value is the caller's
        # invalid request, whatever the endpoint; the transaction was rolled back. Routes should still bound their
        # parameters (Path(ge=1, le=...)) so that the schema says so.
        logger.warning("unrepresentable value on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return JSONResponse(
            _body("invalid_request", "请求中的数值或文字超出了可以处理的范围，请检查后重试。"), status_code=422
        )

    app.add_exception_handler(DataError, _unrepresentable)
    app.add_exception_handler(OverflowError, _unrepresentable)

    @app.exception_handler(SealingError)
    async def _sealed_record_unreadable(request: Request, exc: SealingError) -> JSONResponse:
        # P5 + P3: a stored commitment whose sealed ID number does not open (an envelope altered or copied from
        # another row, or an ID put back in clear). Verification reports such a record as invalid; any other
        # reader gets this instead of a traceback, and operators are pointed at ``api.cli verify``.
        logger.error("sealed record unreadable on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(
            _body("record_unreadable", "该承诺记录无法读取，可能已被篡改，请联系平台核验（完整性校验未通过）。"), status_code=500
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {404: ("not_found", "请求的资源不存在。"), 405: ("method_not_allowed", "不支持该请求方法。")}
        error, message = messages.get(exc.status_code, ("http_error", "请求无法处理。"))
        return JSONResponse(_body(error, message), status_code=exc.status_code)
