"""Every error the API returns has the same shape: ``{"error": code, "message": Chinese text}``.

Validation errors never echo the submitted values: they may contain ID or phone numbers (P5).
"""
from __future__ import annotations

from typing import Dict, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class ApiError(Exception):
    def __init__(
        self, status_code: int, error: str, message: str, headers: Optional[Dict[str, str]] = None
    ) -> None:
        super().__init__(f"{error}: {message}")
        self.status_code = status_code
        self.error = error
        self.message = message
        # e.g. WWW-Authenticate on 401, Retry-After on 429
        self.headers = headers


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

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {404: ("not_found", "请求的资源不存在。"), 405: ("method_not_allowed", "不支持该请求方法。")}
        error, message = messages.get(exc.status_code, ("http_error", "请求无法处理。"))
        return JSONResponse(_body(error, message), status_code=exc.status_code)
