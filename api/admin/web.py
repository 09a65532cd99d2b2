"""The browser consoles under ``/console/`` (plain HTML and JavaScript from ``web/console/``, no CDN).

The pages hold no data: they sign in at ``/api/v1/auth/login`` and call the API with the token, so everything
they show is guarded by the API's roles. The headers keep the pages to our own scripts and styles.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.config import REPO_ROOT

CONSOLE_DIR = REPO_ROOT / "web" / "console"
SECURITY_HEADERS = {
    "Content-Security-Policy": "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' blob: data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class ConsoleFiles(StaticFiles):
    async def get_response(self, path, scope):
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
        return response


def mount_console(app: FastAPI, directory: Path = CONSOLE_DIR) -> None:
    if directory.is_dir():
        app.mount("/console", ConsoleFiles(directory=directory, html=True), name="console")
