"""A real OpenID Connect provider on loopback, built from Authlib's server components, for the OIDC tests.

It stands in for the city's unified identity platform (统一身份认证): discovery document, RS256 JWKS, an
authorization endpoint with a login form and a session cookie, and a token endpoint running Authlib's
``AuthorizationCodeGrant`` with PKCE (``CodeChallenge``) and the OpenID Connect code flow (``OpenIDCode``).

Everything the relying party sees goes over real HTTP and every ID token is signed with real RSA keys. A test
makes the provider misbehave through ``Faults`` (sign with another key, another audience, another nonce, an
expired token, ignoring ``prompt=login``), which changes what the provider issues, never what the relying party
checks.
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlencode, urlsplit

from authlib.oauth2.rfc6749 import AuthorizationServer, ClientMixin, OAuth2Request
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload, JsonRequest
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, OpenIDCode, UserInfo
from joserfc.jwk import OctKey, RSAKey

SESSION_COOKIE = "idp_session"


@dataclass
class Faults:
    """Ways a broken or hostile provider can get an ID token wrong. All off: an honest provider."""

    wrong_key: bool = False  # signed by a key that is not in the JWKS, under the published key id
    audience: Optional[str] = None  # the token names another client
    nonce: Optional[str] = None  # the token carries another nonce than the request
    expired: bool = False  # issued two hours ago, expired one hour ago
    ignore_prompt_login: bool = False  # reuses an old session although the client asked for a new login
    issuer: Optional[str] = None  # the token claims another issuer
    hs256: bool = False  # signed with HS256 and the client secret: a key the client itself holds


@dataclass
class User:
    username: str
    password: str
    sub: str
    name: str
    id_number: str


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    redirect_uris: List[str]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        allowed = {"openid", "profile"}
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return endpoint != "token" or method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: User
    nonce: Optional[str]
    auth_time: int
    code_challenge: Optional[str]
    code_challenge_method: Optional[str]
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> Optional[str]:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> str:
        return "urn:gz:idp:loa:substantial"

    def get_amr(self) -> List[str]:
        return ["pwd"]


class _Request(OAuth2Request):
    """One HTTP request of the provider, in the shape Authlib's server reads."""

    def __init__(self, method: str, uri: str, headers: Any, query: Dict[str, str], form: Dict[str, str]) -> None:
        super().__init__(method, uri, headers=headers)
        self._args = query
        self._form = form
        self.payload = BasicOAuth2Payload({**query, **form})
        self.auth_time = 0  # when the user behind this request last typed their password

    @property
    def args(self) -> Dict[str, str]:
        return self._args

    @property
    def form(self) -> Dict[str, str]:
        return self._form


class _Grant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        provider: Provider = self.server.provider
        data = request.payload.data
        provider.codes[code] = Code(
            code=code,
            client_id=request.client.get_client_id(),
            redirect_uri=data.get("redirect_uri", ""),
            scope=request.scope or data.get("scope", ""),
            user=request.user,
            nonce=data.get("nonce"),
            auth_time=request.auth_time,
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
            expires_at=time.time() + 60,
        )

    def query_authorization_code(self, code: str, client: Client) -> Optional[Code]:
        item = self.server.provider.codes.get(code)
        if item and item.client_id == client.get_client_id() and item.expires_at > time.time():
            return item
        return None

    def delete_authorization_code(self, authorization_code: Code) -> None:
        self.server.provider.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code: Code) -> User:
        return authorization_code.user


class _PkceChallenge(CodeChallenge):
    def get_authorization_code_challenge(self, authorization_code: Code) -> Optional[str]:
        return authorization_code.code_challenge

    def get_authorization_code_challenge_method(self, authorization_code: Code) -> Optional[str]:
        return authorization_code.code_challenge_method


class _OpenIDCode(OpenIDCode):
    def __init__(self, provider: "Provider") -> None:
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce: str, request: OAuth2Request) -> bool:
        return any(code.nonce == nonce for code in self.provider.codes.values())

    def resolve_client_private_key(self, client: Client) -> Any:
        if self.provider.faults.hs256:
            return OctKey.import_key(client.client_secret.encode())
        return self.provider.other_key if self.provider.faults.wrong_key else self.provider.key

    def get_client_algorithm(self, client: Client) -> str:
        return "HS256" if self.provider.faults.hs256 else "RS256"

    def get_encode_header(self, client: Client) -> Dict[str, str]:
        # The published key id, whatever key signs: a wrong key must fail on the signature, not on the lookup.
        return {"alg": self.get_client_algorithm(client), "kid": self.provider.key.kid}

    def get_client_claims(self, client: Client) -> Dict[str, Any]:
        faults = self.provider.faults
        claims: Dict[str, Any] = {
            "iss": faults.issuer or self.provider.issuer,
            "aud": [faults.audience or client.get_client_id()],
        }
        if faults.expired:
            now = int(time.time())
            claims.update(iat=now - 7200, exp=now - 3600)
        return claims

    def get_authorization_code_claims(self, authorization_code: Code) -> Dict[str, Any]:
        claims = super().get_authorization_code_claims(authorization_code)
        if self.provider.faults.nonce is not None:
            claims["nonce"] = self.provider.faults.nonce
        return claims

    def generate_user_info(self, user: User, scope: str) -> UserInfo:
        return UserInfo(sub=user.sub, name=user.name, id_number=user.id_number)


class _Server(AuthorizationServer):
    def __init__(self, provider: "Provider") -> None:
        super().__init__(scopes_supported=["openid", "profile"])
        self.provider = provider
        self.register_token_generator("default", BearerTokenGenerator(lambda *a, **k: secrets.token_urlsafe(32)))
        self.register_grant(_Grant, [_PkceChallenge(required=True), _OpenIDCode(provider)])

    def query_client(self, client_id: str) -> Optional[Client]:
        return self.provider.clients.get(client_id)

    def save_token(self, token: Dict[str, Any], request: OAuth2Request) -> None:
        self.provider.tokens.append(token)

    def create_oauth2_request(self, request: OAuth2Request) -> OAuth2Request:
        return request

    def create_json_request(self, request: Any) -> JsonRequest:
        raise NotImplementedError

    def handle_response(self, status: int, body: Any, headers: List[Tuple[str, str]]) -> Tuple[int, Any, list]:
        return status, body, list(headers)

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None


class Provider:
    """The provider and its HTTP server on 127.0.0.1 (a free port), run in a thread. Use as a context manager."""

    def __init__(self, client_id: str = "gz-assistant", client_secret: Optional[str] = None) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "idp-2026", "use": "sig", "alg": "RS256"})
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": "idp-2026", "use": "sig", "alg": "RS256"})
        self.faults = Faults()
        self.client_id = client_id
        self.client_secret = client_secret or secrets.token_urlsafe(24)
        self.users = {
            "zhangwei": User("zhangwei", "correct horse", "u-10001", "张伟", "410105199001011233"),
        }
        self.clients: Dict[str, Client] = {}
        self.codes: Dict[str, Code] = {}
        self.tokens: List[Dict[str, Any]] = []
        self.sessions: Dict[str, Tuple[User, int]] = {}
        # Added to the clock when a login is recorded: a negative value makes every session an old one.
        self.login_time_shift = 0
        self.logins = 0  # how many times someone typed a password
        self.authorize_requests: List[Dict[str, str]] = []
        self.jwks_requests = 0
        self.server = _Server(self)
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def rotate_key(self, kid: str) -> None:
        """Sign with a new key from now on and publish only that one (the platform's key rotation)."""
        self.key = RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})

    def register_client(self, redirect_uri: str) -> None:
        self.clients[self.client_id] = Client(self.client_id, self.client_secret, [redirect_uri])

    def metadata(self) -> Dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "id_number"],
        }

    def __enter__(self) -> "Provider":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)


LOGIN_FORM = (
    "<!doctype html><title>统一身份认证</title><form method=post action='/authorize?{query}'>"
    "<input name=username><input name=password type=password><button>登录</button></form>"
)


def _handler(provider: Provider) -> type:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet test output
            return None

        # --- plumbing -------------------------------------------------------------------------------------
        def _send(self, status: int, body: Any, headers: List[Tuple[str, str]]) -> None:
            payload = json.dumps(body).encode() if isinstance(body, dict) else (body or "").encode()
            self.send_response(status)
            names = {name.lower() for name, _ in headers}
            if "content-type" not in names:
                kind = "application/json" if isinstance(body, dict) else "text/html; charset=utf-8"
                self.send_header("Content-Type", kind)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _request(self, form: Dict[str, str]) -> _Request:
            parts = urlsplit(self.path)
            return _Request(self.command, provider.issuer + self.path, self.headers, dict(parse_qsl(parts.query)), form)

        def _form(self) -> Dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            return dict(parse_qsl(self.rfile.read(length).decode()))

        def _session_user(self) -> Optional[Tuple[User, int]]:
            cookie = SimpleCookie(self.headers.get("Cookie") or "")
            morsel = cookie.get(SESSION_COOKIE)
            return provider.sessions.get(morsel.value) if morsel else None

        # --- endpoints ------------------------------------------------------------------------------------
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/.well-known/openid-configuration":
                self._send(200, provider.metadata(), [])
            elif path == "/jwks":
                provider.jwks_requests += 1
                self._send(200, {"keys": [provider.key.as_dict(private=False)]}, [])
            elif path == "/authorize":
                self._authorize(self._request({}), login=None)
            else:
                self._send(404, {"error": "not_found"}, [])

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            form = self._form()
            if path == "/token":
                self._send(*provider.server.create_token_response(self._request(form)))
            elif path == "/authorize":
                user = provider.users.get(form.get("username", ""))
                if user is None or not secrets.compare_digest(user.password, form.get("password", "")):
                    self._send(401, "用户名或密码错误", [])
                    return
                self._authorize(self._request({}), login=user)
            else:
                self._send(404, {"error": "not_found"}, [])

        def _authorize(self, request: _Request, login: Optional[User]) -> None:
            provider.authorize_requests.append(dict(request.args))
            headers: List[Tuple[str, str]] = []
            if login is not None:
                provider.logins += 1
                session_id = secrets.token_urlsafe(16)
                provider.sessions[session_id] = (login, int(time.time()) + provider.login_time_shift)
                headers.append(("Set-Cookie", f"{SESSION_COOKIE}={session_id}; Path=/; HttpOnly"))
                current: Optional[Tuple[User, int]] = provider.sessions[session_id]
            else:
                current = self._session_user()
            user = current[0] if current else None
            request.auth_time = current[1] if current else 0
            grant = provider.server.get_consent_grant(request, end_user=user)
            if login is None and self._must_log_in(request, grant, current):
                self._send(200, LOGIN_FORM.format(query=urlencode(request.args)), [])
                return
            status, body, response_headers = provider.server.create_authorization_response(
                request, grant_user=user, grant=grant
            )
            self._send(status, body, response_headers + headers)

        def _must_log_in(self, request: _Request, grant: Any, current: Optional[Tuple[User, int]]) -> bool:
            if current is None:
                return True
            if provider.faults.ignore_prompt_login:
                return False
            if "login" in (request.args.get("prompt") or "").split():
                return True
            max_age = request.args.get("max_age")
            return max_age is not None and time.time() - current[1] > int(max_age)

    return Handler


def main() -> None:
    """Run the provider for another process (the end-to-end stack, whose venv has no Authlib): the relying
    party's callback URL is the one argument; the issuer and client credentials go out as one JSON line on
    stdout (a pipe, never a command line); the provider serves until stdin is closed."""
    import sys

    with Provider() as provider:
        provider.register_client(sys.argv[1])
        print(json.dumps({"issuer": provider.issuer, "client_id": provider.client_id,
                          "client_secret": provider.client_secret}), flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
