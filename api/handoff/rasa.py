"""The API's client for the Rasa server: trackers, appended events and the hotline channel.

The API talks to Rasa for two staff features:

- human handoff: read a conversation's tracker (transcript, where the journey is), append ``pause`` /
  ``resume`` and the staff member's messages (``POST /conversations/{id}/tracker/events`` with
  ``execute_side_effects`` and the conversation's own ``output_channel``, so Rasa pushes them through the
  citizen's channel: socket.io widget, WeChat customer-service messages; REST has no push, see bot/channels/rest.py);
- the hotline console: forward what the staff member typed to the hotline channel (bot/channels/hotline.py) with a
  channel token for the session.

Rasa's HTTP API is protected by its auth token (P5; bot/tools/stack.py writes it to var/keys/rasa.token). Settings
(environment prefix ``GZ_``): ``GZ_RASA_URLS`` (the first URL is used; the same variable the admin console
reads), ``GZ_RASA_TOKEN`` or ``GZ_RASA_TOKEN_PATH``, ``GZ_HOTLINE_SECRET_PATH``.

With several Rasa replicas, trackers and events are shared through the tracker store, but a socket.io push
reaches the citizen only from the replica holding the socket: such a deployment needs sticky sessions per
sender or a socket.io message queue (python-socketio's Redis manager).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any, Dict, List, Optional
from urllib.parse import quote

import httpx
from fastapi import Depends, Request
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.config import Settings
from api.errors import ApiError
from bot.core import assisted

logger = logging.getLogger(__name__)


class RasaLinkSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GZ_", extra="ignore")

    rasa_urls: str = "http://127.0.0.1:5005"
    rasa_token: Optional[str] = None
    rasa_token_path: Optional[Path] = None
    hotline_secret_path: Optional[Path] = None
    rasa_timeout_seconds: float = 60.0


class RasaUnavailable(ApiError):
    def __init__(self, what: str = "对话服务"):
        super().__init__(503, "rasa_unavailable", f"{what}暂时连接不上，请稍后重试。")


class RasaLink:
    def __init__(
        self,
        base_url: str,
        token: Optional[str],
        hotline_secret_path: Path,
        *,
        timeout: float = 60.0,
        transport: Optional[httpx.BaseTransport] = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.hotline_secret_path = Path(hotline_secret_path)
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport)
        self._secret: Optional[bytes] = None

    @classmethod
    def from_settings(cls, api_settings: Settings, link: Optional[RasaLinkSettings] = None) -> "RasaLink":
        link = link or RasaLinkSettings()
        urls = [u.strip() for u in link.rasa_urls.split(",") if u.strip()]
        token = link.rasa_token
        if not token:
            path = link.rasa_token_path or api_settings.var_path / "keys" / "rasa.token"
            try:
                token = Path(path).read_text(encoding="utf-8").strip() or None
            except OSError:
                token = None
        secret = link.hotline_secret_path or api_settings.var_path / "keys" / "hotline.secret"
        return cls(urls[0] if urls else "http://127.0.0.1:5005", token, secret, timeout=link.rasa_timeout_seconds)

    def close(self) -> None:
        self._client.close()

    @property
    def hotline_secret(self) -> bytes:
        if self._secret is None:
            self._secret = assisted.load_or_create_secret(self.hotline_secret_path)
        return self._secret

    # --- Rasa's HTTP API --------------------------------------------------------------------------------

    def _params(self, **extra: Any) -> Dict[str, Any]:
        params = {k: v for k, v in extra.items() if v is not None}
        if self.token:
            params["token"] = self.token
        return params

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            logger.warning("rasa %s %s unreachable: %s", method, path.split("?")[0], type(exc).__name__)
            raise RasaUnavailable() from exc
        if response.status_code >= 500 or response.status_code in (401, 403):
            logger.error("rasa %s answered %s", path.split("?")[0], response.status_code)
            raise RasaUnavailable()
        return response

    def tracker(self, sender_id: str) -> Dict[str, Any]:
        response = self._call("GET", f"/conversations/{quote(sender_id, safe='')}/tracker", params=self._params())
        if response.status_code >= 400:
            raise RasaUnavailable()
        return response.json()

    def append(self, sender_id: str, events: List[Dict[str, Any]], output_channel: Optional[str] = None) -> Dict[str, Any]:
        """Append events; with ``output_channel`` Rasa also sends the bot messages among them through it."""
        params = self._params(output_channel=output_channel, execute_side_effects="true" if output_channel else None)
        response = self._call(
            "POST", f"/conversations/{quote(sender_id, safe='')}/tracker/events", params=params, json=events
        )
        if response.status_code >= 400:
            raise RasaUnavailable()
        return response.json()

    def hotline_message(self, channel_token: str, text: str, metadata: Dict[str, Any]) -> List[Dict[str, Any]]:
        """One turn on the hotline channel (bot/channels/hotline.py); Rasa's messages of the turn, text and custom apart."""
        response = self._call(
            "POST",
            "/webhooks/hotline/webhook",
            headers={"X-Hotline-Token": channel_token},
            json={"message": text, "metadata": metadata},
        )
        if response.status_code >= 400:
            logger.error("hotline channel refused the message: %s", response.status_code)
            raise RasaUnavailable("电话办理通道")
        return response.json()


def get_rasa(request: Request) -> RasaLink:
    """One link per application (tests put a fake one on ``app.state.rasa_link``)."""
    state = request.app.state
    if getattr(state, "rasa_link", None) is None:
        state.rasa_link = RasaLink.from_settings(state.settings)
    return state.rasa_link


RasaDep = Annotated[RasaLink, Depends(get_rasa)]


def pair_messages(raw: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Rasa's separate text and custom messages -> ``[{text, custom}]`` (the contract's pairing rule)."""
    paired: List[Dict[str, Any]] = []
    for message in raw:
        if message.get("text") is not None:
            paired.append({"text": message["text"], "custom": None})
        if message.get("custom") is not None:
            if paired and paired[-1]["custom"] is None:
                paired[-1]["custom"] = message["custom"]
            else:
                paired.append({"text": "", "custom": message["custom"]})
    return paired
