"""Single sign-on through the identity platform, end to end over real HTTP.

The API runs under uvicorn on a free loopback port, the identity platform is a real OpenID Connect provider
built from Authlib's server components (``tests.oidc_provider``) on another, and the "browser" is an httpx
client with a cookie jar that follows the redirects step by step. Every ID token is an RS256 JWT signed with
real keys; the bad ones come from the provider misbehaving (``Faults``), and the API's checks are never patched.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Iterator, Optional
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select

from api.identity.assurance import subject_hash
from api.identity.models import AssuranceRecord
from api.identity.oidc import OidcSettings
from tests.conftest import free_port
from tests.oidc_provider import Provider

ZHANG_WEI_ID = "410105199001011233"
CALLBACK_PATH = "/api/v1/identity/oidc/callback"


class Site:
    """The API on a real port, configured as a client of ``provider``."""

    def __init__(self, app, provider: Provider, base: str) -> None:
        self.app = app
        self.provider = provider
        self.base = base

    def browser(self) -> httpx.Client:
        return httpx.Client(follow_redirects=False, timeout=10)

    def assurances(self) -> int:
        with self.app.state.sessionmaker() as session:
            return session.scalar(select(func.count()).select_from(AssuranceRecord))

    def log_in(
        self,
        browser: httpx.Client,
        purpose: str = "login",
        password: str = "correct horse",
        tamper: Optional[Callable[[str], str]] = None,
    ) -> httpx.Response:
        """Start at the API, log in at the platform if it asks, and return the API's callback response."""
        started = browser.get(f"{self.base}/api/v1/identity/oidc/start", params={"purpose": purpose})
        assert started.status_code == 302, started.text
        authorize = started.headers["location"]
        assert authorize.startswith(self.provider.issuer + "/authorize?")
        answer = browser.get(authorize)
        if answer.status_code == 200:  # the platform's login form
            answer = browser.post(authorize, data={"username": "zhangwei", "password": password})
        assert answer.status_code == 302, answer.text
        callback = answer.headers["location"]
        assert callback.startswith(self.base + CALLBACK_PATH + "?")
        return browser.get(tamper(callback) if tamper else callback)


@pytest.fixture
def provider() -> Iterator[Provider]:
    with Provider() as running:
        yield running


@pytest.fixture
def site(app, provider: Provider, tmp_path) -> Iterator[Site]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    secret_file = tmp_path / "oidc-client.secret"
    secret_file.write_text(provider.client_secret + "\n")
    secret_file.chmod(0o600)
    app.state.oidc_settings = OidcSettings(
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret_file=secret_file,
        redirect_uri=base + CALLBACK_PATH,
    )
    provider.register_client(base + CALLBACK_PATH)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the API did not start"
        time.sleep(0.02)
    try:
        yield Site(app, provider, base)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _refused(response: httpx.Response, error: str) -> None:
    assert response.status_code in (400, 401), response.text
    body = response.json()
    assert body["error"] == error, body
    assert body["message"]  # a Chinese sentence for the citizen
    assert "assurance" not in body


# --- the good path ----------------------------------------------------------------------------------------


def test_a_platform_login_gives_an_oidc_assurance(site: Site) -> None:
    with site.browser() as browser:
        response = site.log_in(browser)
        assert response.status_code == 200, response.text
        assurance = response.json()["assurance"]
        assert assurance["method"] == "oidc"
        assert assurance["level"] == "substantial"
        assert assurance["verifier"] == site.provider.issuer
        assert assurance["external_subject"] == "u-10001"
        assert assurance["subject_hash"] == subject_hash(ZHANG_WEI_ID, site.app.state.id_hash_key)
        assert assurance["detail"]["masked_id"] == "4101**********1233"
        assert assurance["detail"]["purpose"] == "login"
        assert ZHANG_WEI_ID not in response.text  # the ID number itself is never handed out
        assert site.assurances() == 1

        # What the API asked the platform for: code flow with PKCE (S256), state and nonce; no forced login.
        asked = site.provider.authorize_requests[0]
        assert asked["response_type"] == "code" and asked["code_challenge_method"] == "S256"
        assert len(asked["code_challenge"]) == 43 and asked["state"] and asked["nonce"]
        assert "prompt" not in asked and "max_age" not in asked

        # The flow cookie is gone after the callback: the same callback a second time finds no flow.
        again = browser.get(f"{site.base}{CALLBACK_PATH}?code=x&state={asked['state']}")
        _refused(again, "oidc_flow_missing")
        assert site.assurances() == 1


def test_signing_asks_the_platform_for_a_new_login(site: Site) -> None:
    with site.browser() as browser:
        assert site.log_in(browser).status_code == 200
        assert site.provider.logins == 1
        response = site.log_in(browser, purpose="signing")
        assert response.status_code == 200, response.text
        assert response.json()["assurance"]["detail"]["purpose"] == "signing"
        assert response.json()["assurance"]["detail"]["max_age"] == "300"
    asked = site.provider.authorize_requests[-1]
    assert asked["prompt"] == "login" and asked["max_age"] == "300"
    assert site.provider.logins == 2  # the platform's session was not enough: the person typed it again


# --- what is refused --------------------------------------------------------------------------------------


def test_a_token_signed_by_another_key_is_refused(site: Site) -> None:
    site.provider.faults.wrong_key = True
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_signature_invalid")
    assert site.assurances() == 0


def test_a_token_for_another_client_is_refused(site: Site) -> None:
    site.provider.faults.audience = "another-city-app"
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_audience_invalid")
    assert site.assurances() == 0


def test_a_token_with_another_nonce_is_refused(site: Site) -> None:
    site.provider.faults.nonce = "nonce-of-another-login"
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_nonce_invalid")
    assert site.assurances() == 0


def test_an_expired_token_is_refused(site: Site) -> None:
    site.provider.faults.expired = True
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_token_expired")
    assert site.assurances() == 0


def test_a_token_from_another_issuer_is_refused(site: Site) -> None:
    site.provider.faults.issuer = "https://idp.elsewhere.example"
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_issuer_mismatch")
    assert site.assurances() == 0


def test_a_token_signed_with_the_client_secret_is_refused(site: Site) -> None:
    """HS256 with the client secret would let anyone holding that secret (the API, an operator) mint logins."""
    site.provider.faults.hs256 = True
    with site.browser() as browser:
        _refused(site.log_in(browser), "oidc_token_invalid")
    assert site.assurances() == 0


def test_a_rotated_platform_key_is_fetched_once_and_not_more_often_than_allowed(site: Site) -> None:
    with site.browser() as browser:
        assert site.log_in(browser).status_code == 200
        assert site.provider.jwks_requests == 1
        assert site.log_in(browser).status_code == 200
        assert site.provider.jwks_requests == 1  # cached

        # A new key id within a minute of the last fetch: no refetch (forged key ids cannot drive traffic to
        # the platform), so the login is refused rather than checked against a key we do not have.
        site.provider.rotate_key("idp-2027")
        _refused(site.log_in(browser), "oidc_token_invalid")
        assert site.provider.jwks_requests == 1

        site.app.state.oidc_settings.jwks_refetch_seconds = 0
        assert site.log_in(browser).status_code == 200
        assert site.provider.jwks_requests == 2
    assert site.assurances() == 3


def test_signing_refuses_an_old_login_when_the_platform_ignores_prompt(site: Site) -> None:
    site.provider.login_time_shift = -3600  # the session at the platform is an hour old
    site.provider.faults.ignore_prompt_login = True
    with site.browser() as browser:
        # An hour-old login is fine for logging in ...
        assert site.log_in(browser).status_code == 200
        # ... but not for signing, even though the platform answered without asking for the password again.
        _refused(site.log_in(browser, purpose="signing"), "oidc_not_fresh")
    assert site.provider.logins == 1
    assert site.assurances() == 1


def test_a_callback_with_another_state_is_refused(site: Site) -> None:
    with site.browser() as browser:
        response = site.log_in(browser, tamper=lambda url: _with_query(url, state="forged-state"))
        _refused(response, "oidc_state_mismatch")
    assert site.assurances() == 0


def test_a_code_injected_into_another_browser_is_refused(site: Site) -> None:
    """Login CSRF: the attacker logs in, stops before the callback and gets the victim's browser, which has
    started its own login, to open the attacker's callback URL."""
    caught = {}

    def keep(url: str) -> str:
        caught["url"] = url
        return url.replace("code=", "code=not-used-")  # the attacker's own browser never redeems it

    with site.browser() as attacker:
        site.log_in(attacker, tamper=keep)
    with site.browser() as victim:
        started = victim.get(f"{site.base}/api/v1/identity/oidc/start")
        assert started.status_code == 302
        _refused(victim.get(caught["url"]), "oidc_state_mismatch")
    with site.browser() as stranger:  # a browser that started nothing
        _refused(stranger.get(caught["url"]), "oidc_flow_missing")
    assert site.assurances() == 0


def test_a_forged_flow_cookie_is_refused(site: Site) -> None:
    with site.browser() as browser:
        started = browser.get(f"{site.base}/api/v1/identity/oidc/start")
        state = parse_qs(urlsplit(started.headers["location"]).query)["state"][0]
        sealed = browser.cookies.get("gz_oidc_flow")
        assert sealed and state not in sealed and "nonce" not in sealed  # encrypted, not just encoded
        browser.cookies.set("gz_oidc_flow", sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB"))
        _refused(browser.get(f"{site.base}{CALLBACK_PATH}?code=x&state={state}"), "oidc_flow_missing")


def test_without_configuration_single_sign_on_is_off(client) -> None:
    client.app.state.oidc_settings = OidcSettings(issuer="", client_id="", redirect_uri="")
    response = client.get("/api/v1/identity/oidc/start", follow_redirects=False)
    assert response.status_code == 404
    assert response.json()["error"] == "oidc_not_configured"
