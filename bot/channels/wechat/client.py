"""WeChat's customer-service message API (客服消息接口), for turns that miss the 5-second passive reply.

``POST {api_base_url}/cgi-bin/message/custom/send?access_token=…`` with ``{"touser": openid, "msgtype":
"text", "text": {"content": …}}``. Errors this channel acts on:

- 40001 / 40014 / 42001: the access token is invalid or expired -> drop it from the shared cache, fetch
  once more, retry once;
- 45015 (reply window closed: the citizen wrote more than 48 h ago or unsubscribed) and 45047 (too many
  customer-service messages after one user message): the message cannot be delivered now; the caller keeps
  it and lets it lead the citizen's next reply.

A message counts as accepted only when the send call answered ``errcode`` 0; ``send_all`` returns when each was
accepted, which is the moment a notice section's delivery is signed with (bot/core/evidence.py). An unreachable
server, a timeout or any other error code is no acceptance, even where WeChat might have shown the message.

``api_base_url`` is configurable so the tests run a fake WeChat server on loopback.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import httpx

from bot.core.evidence import now_iso
from bot.channels.wechat import mask_openid
from bot.channels.wechat.dedup import ExpiringStore
from bot.channels.wechat.tokens import AccessTokenCache

logger = logging.getLogger(__name__)
# httpx logs every request URL at INFO, and WeChat puts the access token in the query string.
logging.getLogger("httpx").setLevel(logging.WARNING)

INVALID_TOKEN_CODES = frozenset({40001, 40014, 42001})
WINDOW_CLOSED_CODES = frozenset({45015, 45047})


class WeChatAPIError(RuntimeError):
    def __init__(self, errcode: int, errmsg: str = ""):
        super().__init__(f"WeChat API error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


class ReplyWindowClosed(WeChatAPIError):
    """45015/45047: WeChat will not deliver this customer-service message now."""


@dataclass
class SendReport:
    accepted_at: List[str] = field(default_factory=list)  # when WeChat accepted each of the first messages
    undelivered: List[str] = field(default_factory=list)  # the rest, from the first failure on


class CustomerServiceClient:
    def __init__(
        self,
        *,
        api_base_url: str,
        app_id: str,
        app_secret: str,
        store: ExpiringStore,
        timeout: float = 5.0,
    ):
        self.api_base_url = api_base_url.rstrip("/")
        self.app_id = app_id
        self.app_secret = app_secret
        self.timeout = timeout
        self.tokens = AccessTokenCache(store, app_id, self._fetch_token)
        self._http: Optional[httpx.AsyncClient] = None

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = httpx.AsyncClient(base_url=self.api_base_url, timeout=self.timeout)
        return self._http

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def _fetch_token(self) -> Tuple[str, float]:
        response = await self.http.get(
            "/cgi-bin/token",
            params={"grant_type": "client_credential", "appid": self.app_id, "secret": self.app_secret},
        )
        data = response.json()
        if data.get("errcode"):
            raise WeChatAPIError(int(data["errcode"]), str(data.get("errmsg", "")))
        return str(data["access_token"]), float(data.get("expires_in", 7200))

    async def send_text(self, openid: str, content: str) -> None:
        # Raw UTF-8, not \u escapes: WeChat shows escaped JSON literally in some clients.
        body = json.dumps(
            {"touser": openid, "msgtype": "text", "text": {"content": content}}, ensure_ascii=False
        ).encode("utf-8")
        for attempt in (1, 2):
            token = await self.tokens.get()
            response = await self.http.post(
                "/cgi-bin/message/custom/send",
                params={"access_token": token},
                content=body,
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
            data = response.json()
            code = int(data.get("errcode") or 0)
            if code == 0:
                return
            if code in INVALID_TOKEN_CODES and attempt == 1:
                await self.tokens.invalidate(token)
                continue
            if code in WINDOW_CLOSED_CODES:
                raise ReplyWindowClosed(code, str(data.get("errmsg", "")))
            raise WeChatAPIError(code, str(data.get("errmsg", "")))

    async def deliver(self, openid: str, messages: Sequence[str]) -> List[str]:
        """Send the messages in order; returns those not delivered (from the first failure on)."""
        return (await self.send_all(openid, messages)).undelivered

    async def send_all(self, openid: str, messages: Sequence[str]) -> SendReport:
        """Send the messages in order, stopping at the first one WeChat does not accept."""
        report = SendReport()
        for index, content in enumerate(messages):
            for attempt in (1, 2):
                try:
                    await self.send_text(openid, content)
                    report.accepted_at.append(now_iso())
                    break
                except ReplyWindowClosed as error:
                    logger.warning("wechat %s: message %d not delivered (%s)", mask_openid(openid), index + 1, error.errcode)
                    report.undelivered = list(messages[index:])
                    return report
                except (WeChatAPIError, httpx.HTTPError, ValueError) as error:
                    if attempt == 2:
                        logger.error("wechat %s: message %d failed: %s", mask_openid(openid), index + 1, error)
                        report.undelivered = list(messages[index:])
                        return report
                    await asyncio.sleep(0.5)
        return report
