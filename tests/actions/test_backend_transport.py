"""actions/backend.py sends its httpx requests over aiohttp (``AiohttpTransport``): the API sees the same
requests, the journey gets the same answers and the same failures as with httpx's own transport."""
from __future__ import annotations

import asyncio
import gzip
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List

import httpx
import pytest

from actions import backend


@pytest.fixture
def api() -> Iterator[Dict[str, Any]]:
    """A loopback HTTP server that records every request and answers with ``state["reply"]``."""
    state: Dict[str, Any] = {"seen": [], "reply": (200, {"ok": True}, {}), "delay": 0.0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn answers

        def _answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state["seen"].append({"method": self.command, "path": self.path, "headers": dict(self.headers.items()),
                                  "body": body})
            if state["delay"]:
                threading.Event().wait(state["delay"])
            status, payload, extra = state["reply"]
            data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer  # noqa: N815 (http.server's names)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def client_at(monkeypatch):
    """``backend.client()`` for the API at a URL (each test closes it on its own event loop)."""

    def at(url: str) -> httpx.AsyncClient:
        monkeypatch.setattr(backend, "API_URL", url)
        monkeypatch.setattr(backend, "_client", None)
        monkeypatch.setenv("GZ_SERVICE_TOKEN", "test-token")
        for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            monkeypatch.delenv(name, raising=False)
        return backend.client()

    return at


async def test_requests_and_answers_are_httpx_ones(api, client_at):
    client = client_at(api["url"])
    assert isinstance(client._transport, backend.AiohttpTransport)
    api["reply"] = (200, {"commitment_no": "CN20261206-000001", "名称": "公租房"}, {})
    try:
        answer = await backend._request("POST", "/api/v1/commitments", json={"item_code": "ZM001", "文字": "本人承诺"})
        assert answer == {"commitment_no": "CN20261206-000001", "名称": "公租房"}
        assert await backend.fetch_catalogue() == answer  # a GET over the same pooled connection
    finally:
        await client.aclose()
    posted, got = api["seen"]
    assert posted["method"] == "POST" and posted["path"] == "/api/v1/commitments"
    assert json.loads(posted["body"]) == {"item_code": "ZM001", "文字": "本人承诺"}
    # The headers httpx writes, and no other: the service token, JSON, httpx's own user agent.
    assert posted["headers"]["X-Service-Token"] == "test-token"
    assert posted["headers"]["Content-Type"] == "application/json"
    assert posted["headers"]["User-Agent"].startswith("python-httpx/")
    assert got["method"] == "GET" and got["path"] == "/api/v1/catalogue/items" and got["body"] == b""
    assert "Content-Type" not in got["headers"]


async def test_a_compressed_answer_is_decoded_as_httpx_decodes_it(api, client_at):
    client = client_at(api["url"])
    api["reply"] = (200, gzip.compress(json.dumps({"show": True}).encode()), {"Content-Encoding": "gzip"})
    try:
        assert await backend._request("POST", "/api/v1/service/credit/warning", json={}) == {"show": True}
    finally:
        await client.aclose()


@pytest.mark.parametrize("status,body,expected", [
    (422, {"error": "code_incorrect", "message": "验证码不正确"}, backend.BackendRefused),
    (401, {"error": "unauthorized", "message": ""}, backend.BackendUnavailable),
    (503, {"error": "down"}, backend.BackendUnavailable),
])
async def test_refusals_and_server_errors_read_as_before(api, client_at, status, body, expected):
    client = client_at(api["url"])
    api["reply"] = (status, body, {})
    try:
        with pytest.raises(expected) as raised:
            await backend._request("POST", "/api/v1/service/identity/codes/verify", json={})
    finally:
        await client.aclose()
    if expected is backend.BackendRefused:
        assert raised.value.status == 422 and raised.value.code == "code_incorrect"
        assert raised.value.message == "验证码不正确"


async def test_an_api_that_cannot_be_reached_is_an_outage(client_at):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = client_at(f"http://127.0.0.1:{port}")
    try:
        with pytest.raises(backend.BackendUnavailable):
            await backend._request("POST", "/api/v1/credit/check", json={})
    finally:
        await client.aclose()


async def test_an_api_slower_than_the_read_timeout_is_an_outage(api, client_at, monkeypatch):
    client = client_at(api["url"])
    monkeypatch.setattr(client._transport, "timeout", httpx.Timeout(0.2, connect=2.0))
    api["delay"] = 1.0
    try:
        with pytest.raises(backend.BackendUnavailable):
            await backend._request("POST", "/api/v1/commitments", json={})
    finally:
        await client.aclose()


def test_the_client_survives_a_new_event_loop(api, client_at):
    """Each test (and each ``asyncio.run``) has its own loop: the transport makes a session for the new one."""
    client = client_at(api["url"])
    assert asyncio.run(backend._request("POST", "/x", json={})) == {"ok": True}
    assert asyncio.run(backend._request("POST", "/x", json={})) == {"ok": True}
    asyncio.run(client.aclose())
    assert len(api["seen"]) == 2


def test_with_a_proxy_configured_httpx_keeps_its_own_transport(monkeypatch):
    monkeypatch.setattr(backend, "_client", None)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    client = backend.client()
    try:
        assert not isinstance(client._transport, backend.AiohttpTransport)
    finally:
        asyncio.run(client.aclose())
        monkeypatch.setattr(backend, "_client", None)
