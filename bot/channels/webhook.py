"""The part every HTTP input channel shares: its blueprint, answering a health check at ``/``."""
from __future__ import annotations

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse


def webhook_blueprint(name: str, import_name: str) -> Blueprint:
    """A channel's blueprint (named as Rasa expects), already answering ``GET /`` with ``{"status": "ok"}``."""
    webhook = Blueprint(name, import_name)

    @webhook.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    return webhook
