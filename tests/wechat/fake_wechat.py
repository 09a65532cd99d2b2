"""A local fake of WeChat's API server (api.weixin.qq.com) on loopback, for the channel's tests.

Implements the two endpoints the channel calls, with WeChat's rules that matter to it:
- ``GET /cgi-bin/token``: checks appid/secret, issues a new token and invalidates the previous one;
- ``POST /cgi-bin/message/custom/send``: checks the token (40001 otherwise), rejects texts over 2048 bytes
  (45002), records every call; ``fail_next(45015)`` makes the next call(s) fail with a given code, and
  ``accept_delay`` holds each answer that long (a slow WeChat: the channel may count a message as delivered
  only once the answer came, and ``SentMessage.at`` is when it was given).
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List, Optional
from urllib.parse import parse_qs, urlparse

# How long after WeChat answered a customer-service send the next one of the same reply may still come: the
# channel's next request follows the answer at once, in the same loop; this leaves room for a busy machine
# (CI runs two lanes on two cores, and a collection or a scheduling gap in the Rasa process can hold the next
# send back for a few hundred ms; about twenty waits in the suite, so the margin costs seconds).
QUIET = 1.0


@dataclass
class SentMessage:
    touser: str
    content: str
    errcode: int
    at: float


class FakeWeChat:
    def __init__(self, app_id: str, app_secret: str):
        self.app_id = app_id
        self.app_secret = app_secret
        self.lock = threading.Lock()
        self.token_calls = 0
        self.current_token: Optional[str] = None
        self.sent: List[SentMessage] = []
        self._failures: List[int] = []
        # Per openid: sends received and not answered yet, and time.monotonic() of the last answer.
        self._in_flight: Dict[str, int] = {}
        self._answered_at: Dict[str, float] = {}
        self.accept_delay = 0.0  # seconds each customer-service send waits before WeChat answers
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeWeChat":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- test controls -----------------------------------------------------------------------------------
    def fail_next(self, errcode: int, times: int = 1) -> None:
        with self.lock:
            self._failures.extend([errcode] * times)

    def revoke_token(self) -> None:
        """As if the token expired or another server fetched a new one: the next send gets 40001."""
        with self.lock:
            self.current_token = None

    def delivered(self, openid: str) -> List[str]:
        with self.lock:
            return [m.content for m in self.sent if m.touser == openid and m.errcode == 0]

    def attempts(self, openid: str) -> List[SentMessage]:
        with self.lock:
            return [m for m in self.sent if m.touser == openid]

    def settled(self, openid: str, quiet: float) -> bool:
        """No send to ``openid`` is being answered, and none came in for ``quiet`` seconds after the last answer.
        The channel sends the messages of one reply one after the other, each as soon as WeChat answered the one
        before, so the wait that tells the last message of a reply counts from that answer, not from the request
        (which ``accept_delay`` may hold back)."""
        with self.lock:
            busy = self._in_flight.get(openid, 0)
            answered = self._answered_at.get(openid, 0.0)
        return not busy and time.monotonic() - answered >= quiet

    def wait_for_delivery(self, openid: str, already: int, *, quiet: float = QUIET, timeout: float = 60.0) -> List[str]:
        """The messages delivered to ``openid`` after the first ``already``, once they stop coming."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if len(self.delivered(openid)) > already and self.settled(openid, quiet):
                return self.delivered(openid)[already:]
        raise TimeoutError(f"no customer-service message after {timeout:.0f} s (had {already})")

    # --- HTTP ----------------------------------------------------------------------------------------------
    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def _json(self, payload: Dict) -> None:
                body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/cgi-bin/token":
                    return self._json({"errcode": 404, "errmsg": "not found"})
                if query.get("grant_type") != "client_credential":
                    return self._json({"errcode": 40002, "errmsg": "invalid grant_type"})
                if query.get("appid") != fake.app_id:
                    return self._json({"errcode": 40013, "errmsg": "invalid appid"})
                if query.get("secret") != fake.app_secret:
                    return self._json({"errcode": 40125, "errmsg": "invalid appsecret"})
                with fake.lock:
                    fake.token_calls += 1
                    fake.current_token = f"fake-token-{fake.token_calls}"
                    token = fake.current_token
                self._json({"access_token": token, "expires_in": 7200})

            def do_POST(self) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if url.path != "/cgi-bin/message/custom/send":
                    return self._json({"errcode": 404, "errmsg": "not found"})
                payload = json.loads(raw.decode("utf-8") or "{}")
                touser = str(payload.get("touser", ""))
                with fake.lock:
                    fake._in_flight[touser] = fake._in_flight.get(touser, 0) + 1
                try:
                    self._send(payload, query)
                finally:
                    with fake.lock:
                        fake._in_flight[touser] -= 1
                        fake._answered_at[touser] = time.monotonic()

            def _send(self, payload: Dict, query: Dict[str, str]) -> None:
                with fake.lock:
                    if not query.get("access_token") or query["access_token"] != fake.current_token:
                        return self._json({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"})
                    content = payload.get("text", {}).get("content", "")
                    if payload.get("msgtype") != "text" or not payload.get("touser"):
                        errcode = 40008
                    elif len(content.encode("utf-8")) > 2048:
                        errcode = 45002  # content size out of limit
                    elif fake._failures:
                        errcode = fake._failures.pop(0)
                    else:
                        errcode = 0
                    delay = fake.accept_delay
                if delay:
                    time.sleep(delay)  # a thread per request: other citizens' sends are not held up
                with fake.lock:
                    fake.sent.append(SentMessage(payload.get("touser", ""), content, errcode, time.time()))
                messages = {0: "ok", 45015: "response out of time limit or subscription is canceled"}
                self._json({"errcode": errcode, "errmsg": messages.get(errcode, "error")})

        return Handler
