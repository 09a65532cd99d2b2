"""The demo citizen portal (``/``) and the website widget's static files (``/static/widget/``).

The widget itself lives in ``web/widget/`` (plain files, no build step) so that any government site can embed
it with one script tag; the API serves it and a demo portal page whose config object points the widget at
Rasa's socket.io channel (``GZ_RASA_PUBLIC_URL``).
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api.config import REPO_ROOT
from api.identity.oidc_router import platform_configured

WEB_ROOT = REPO_ROOT / "web"
# URL prefix -> directory under web/. The staff and admin consoles are meant to sit beside these.
STATIC_DIRS = {"/static/widget": "widget", "/static/portal": "portal"}
CONFIG_MARKER = "{{WIDGET_CONFIG}}"

router = APIRouter(include_in_schema=False)


def widget_config(rasa_public_url: str, api_url: str, identity_platform: bool = False) -> dict:
    # apiUrl: this page's own origin, where the widget fetches the signed letter (same origin, no CORS needed).
    # identityPlatform: the city's single sign-on is configured, so the widget offers it instead of an SMS code.
    return {"rasaUrl": rasa_public_url.rstrip("/"), "apiUrl": api_url.rstrip("/"), "title": "告知承诺在线办理",
            "locale": "zh-CN", "identityPlatform": identity_platform}


def script_json(value: dict) -> str:
    """JSON that is safe inside a <script> element: no "</script>", no HTML comment, no U+2028/2029 surprises."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def content_security_policy(rasa_public_url: str) -> str:
    """Only our own files run; the page may talk to the API (same origin) and to Rasa (HTTP polling, WebSocket)."""
    parts = urlsplit(rasa_public_url)
    rasa = f"{parts.scheme}://{parts.netloc}"
    ws = ("wss" if parts.scheme == "https" else "ws") + f"://{parts.netloc}"
    # The config object is the one inline script; it is allowed by its hash, computed per response.
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' {config_hash}",
        "style-src 'self'",
        "img-src 'self' data:",
        f"connect-src 'self' {rasa} {ws}",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
    ])


@router.get("/", response_class=HTMLResponse)
def portal(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    template = (WEB_ROOT / "portal" / "index.html").read_text(encoding="utf-8")
    config = widget_config(settings.rasa_public_url, str(request.base_url), platform_configured(request))
    inline = f"window.GZWidgetConfig = {script_json(config)};"
    page = template.replace(f"window.GZWidgetConfig = {CONFIG_MARKER};", inline)
    digest = base64.b64encode(hashlib.sha256(inline.encode("utf-8")).digest()).decode()
    csp = content_security_policy(settings.rasa_public_url).replace("{config_hash}", f"'sha256-{digest}'")
    return HTMLResponse(page, headers={
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-cache",
    })


def mount_web(app: FastAPI, web_root: Path = WEB_ROOT) -> None:
    """Serve the portal page and the browser files (the widget, the portal's own CSS and JS)."""
    app.include_router(router)
    for prefix, directory in STATIC_DIRS.items():
        app.mount(prefix, StaticFiles(directory=web_root / directory), name=directory)
