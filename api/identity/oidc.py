"""OpenID Connect relying party for the city's unified identity platform (统一身份认证), built on Authlib.

A citizen who logs in on the website through the platform arrives with an identity the platform vouches for,
so no SMS code is needed. The flow is the authorization-code flow with every protection OpenID Connect offers a
confidential client:

- **PKCE (S256), ``state`` and ``nonce``** are made fresh for every login and kept, encrypted and
  authenticated, in a short-lived cookie on the browser that started it (``FlowSealer``). The callback must
  come back to the same browser with the same ``state``: a code injected into somebody else's browser (login
  CSRF) or replayed after use finds no matching flow.
- **Discovery** reads ``<issuer>/.well-known/openid-configuration`` and refuses a document naming another
  issuer, or endpoints over plain HTTP anywhere but loopback (Authlib's metadata checks). The **JWKS** is
  fetched and cached; an unknown key id refetches it once (key rotation), at most once a minute.
- **The ID token** must be signed (RS256 by default, never ``none`` or a shared-secret algorithm) by a key of
  the JWKS, name this issuer and only this client as audience, carry the nonce of this flow, and be unexpired.
- **Fresh authentication for signing**: a flow started for signing asks for ``prompt=login`` and ``max_age``;
  an ID token whose ``auth_time`` is older than ``max_age`` is refused even if the platform ignored the request.

The result is an ``IdentityAssurance`` (method ``oidc``): the keyed hash of the ID number the platform
asserts, the platform's subject, the issuer as verifier and the time of the login. Settings come from the
environment with the prefix ``GZ_OIDC_``; the client secret is read from a file, never from the environment.
"""
from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import httpx
from authlib.common.security import is_secure_transport
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from authlib.oidc.core import CodeIDToken
from authlib.oidc.discovery import OpenIDProviderMetadata
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ClaimError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidKeyIdError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.orm import Session

from api.identity.assurance import HIGH, LEVELS, OIDC, SUBSTANTIAL, Act, ActConfirmation, IdentityAssurance, subject_hash
from api.identity.store import new_id, save_assurance
from bot.core import ids

PURPOSE_LOGIN = "login"
PURPOSE_SIGNING = "signing"
PURPOSES = (PURPOSE_LOGIN, PURPOSE_SIGNING)

# Signature algorithms an ID token may use: asymmetric only, so nobody holding the client secret (the API
# itself, an operator) can make a token the platform never issued.
ASYMMETRIC_ALGORITHMS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})


class OidcSettings(BaseSettings):
    """The relying party's registration at the identity platform (environment prefix ``GZ_OIDC_``)."""

    model_config = SettingsConfigDict(env_prefix="GZ_OIDC_", extra="ignore")

    # The platform's issuer identifier, exactly as its discovery document states it (https; http only on
    # loopback). Empty: single sign-on is off and the endpoints say so.
    issuer: str = ""
    client_id: str = ""
    # A file holding the client secret (0600, provisioned like the other keys); never the secret itself.
    client_secret_file: Optional[Path] = None
    # The callback URL registered at the platform: <public base>/api/v1/identity/oidc/callback.
    redirect_uri: str = ""
    scope: str = "openid profile"
    # The claim in which the platform states the citizen's ID number (公民身份号码).
    id_number_claim: str = "id_number"
    # Level of an assurance from a platform login; ``high`` when the token's ``acr`` is one of high_acr_values.
    level: str = SUBSTANTIAL
    high_acr_values: str = ""
    # Signing needs a login at most this old (``max_age``); the platform is asked for a new login.
    fresh_max_age_seconds: int = 300
    # How long a started login may take before its cookie is no longer accepted.
    flow_seconds: int = 600
    # Clock skew allowed on exp, iat and auth_time.
    leeway_seconds: int = 30
    id_token_algorithms: str = "RS256"
    metadata_cache_seconds: int = 3600
    jwks_cache_seconds: int = 3600
    # An unknown key id refetches the JWKS, but not more often than this: a stream of forged tokens must not
    # turn the API into a load generator against the platform.
    jwks_refetch_seconds: int = 60
    http_timeout_seconds: float = 10.0

    @property
    def enabled(self) -> bool:
        return bool(self.issuer and self.client_id and self.redirect_uri)

    def client_secret(self) -> str:
        if self.client_secret_file is None:
            raise OidcError("not_configured", "GZ_OIDC_CLIENT_SECRET_FILE is not set")
        try:
            secret = Path(self.client_secret_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise OidcError("not_configured", f"client secret file: {type(exc).__name__}") from exc
        if not secret:
            raise OidcError("not_configured", "the client secret file is empty")
        return secret

    def algorithms(self) -> List[str]:
        chosen = [name.strip() for name in self.id_token_algorithms.split(",") if name.strip()]
        refused = [name for name in chosen if name not in ASYMMETRIC_ALGORITHMS]
        if refused or not chosen:
            raise OidcError("not_configured", f"ID token algorithms must be asymmetric, not {refused or 'none'}")
        return chosen


class OidcError(Exception):
    """A login that cannot be accepted. ``reason`` is a stable code the router turns into a Chinese message;
    ``detail`` is for the log only (never shown: it may name claims or provider responses)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# --- the flow, kept on the browser --------------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    """What the callback needs to finish one login, generated by ``start`` and never shown to anyone else."""

    state: str
    nonce: str
    code_verifier: str
    purpose: str
    max_age: Optional[int]
    started_at: int
    # The chat conversation the login vouches in (the widget's sender id), and for signing the sealed ticket
    # naming the act (``FlowSealer.seal_ticket``). None: a login for the browser alone.
    conversation: Optional[str] = None
    ticket: Optional[str] = None


class FlowSealer:
    """Encrypts a ``Flow`` into a cookie value (AES-256-GCM) with a key derived from the API's token secret.

    Encrypted, not only signed: the PKCE verifier and the nonce are secrets of the flow. The cookie name is the
    associated data, and the start time inside is checked against ``flow_seconds``.
    """

    def __init__(self, secret: bytes, lifetime_seconds: int) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"gz oidc flow cookie v1").derive(secret)
        self._aead = AESGCM(key)
        self._lifetime = lifetime_seconds

    def seal(self, flow: Flow, aad: bytes) -> str:
        nonce = secrets.token_bytes(12)
        body = json.dumps(asdict(flow), separators=(",", ":")).encode("utf-8")
        return base64.urlsafe_b64encode(nonce + self._aead.encrypt(nonce, body, aad)).decode("ascii").rstrip("=")

    def seal_ticket(self, ticket: Dict[str, Any], aad: bytes) -> str:
        """A signing ticket (conversation, the signer's keyed ID hash, the act, when issued), sealed like a flow:
        the browser carries it to the platform and back, and can neither read nor change it."""
        nonce = secrets.token_bytes(12)
        body = json.dumps(ticket, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return base64.urlsafe_b64encode(nonce + self._aead.encrypt(nonce, body, aad)).decode("ascii").rstrip("=")

    def open_ticket(self, value: Optional[str], aad: bytes, now: float) -> Dict[str, Any]:
        if not value:
            raise OidcError("flow_missing", "no signing ticket")
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            ticket = json.loads(self._aead.decrypt(raw[:12], raw[12:], aad))
            issued = float(ticket["issued_at"])
        except (ValueError, TypeError, KeyError, InvalidTag) as exc:
            raise OidcError("flow_missing", "the signing ticket does not open") from exc
        if not 0 <= now - issued <= self._lifetime:
            raise OidcError("flow_expired", "the signing ticket is too old")
        return ticket

    def open(self, value: Optional[str], aad: bytes, now: float) -> Flow:
        if not value:
            raise OidcError("flow_missing", "no flow cookie")
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            body = self._aead.decrypt(raw[:12], raw[12:], aad)
            flow = Flow(**json.loads(body))
        except (ValueError, TypeError, InvalidTag) as exc:
            raise OidcError("flow_missing", "flow cookie does not open") from exc
        if not 0 <= now - flow.started_at <= self._lifetime:
            raise OidcError("flow_expired", "the login took too long")
        return flow


# --- the verified login --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedLogin:
    """An ID token that passed every check, with the facts the assurance is made of."""

    issuer: str
    subject: str
    id_number: str
    auth_time: Optional[int]
    acr: Optional[str]
    amr: Tuple[str, ...]
    purpose: str
    max_age: Optional[int]
    claims: Mapping[str, Any] = field(repr=False)


class OidcVerifier:
    """The ``Verifier`` of the ``oidc`` method: a verified login becomes an ``IdentityAssurance``.

    The proof is a ``VerifiedLogin``: the cryptographic checks happen while the code is exchanged
    (``OidcClient.finish``), because they need the flow's nonce and the platform's keys over the network.
    """

    method = OIDC

    def __init__(self, settings: OidcSettings, id_hash_key: bytes) -> None:
        self.settings = settings
        self.id_hash_key = id_hash_key

    def level_of(self, login: VerifiedLogin) -> str:
        high = {value.strip() for value in self.settings.high_acr_values.split(",") if value.strip()}
        if login.acr and login.acr in high:
            return HIGH
        if self.settings.level not in LEVELS:
            raise OidcError("not_configured", f"unknown assurance level {self.settings.level!r}")
        return self.settings.level

    def verify(
        self, session: Session, proof: VerifiedLogin, now: datetime, client: Optional[str] = None,
        act: Optional[Act] = None,
    ) -> IdentityAssurance:
        """Build the assurance and add it to ``session``'s transaction (the caller commits). ``client``: the
        keyed hash of the conversation it vouches in; ``act``: the act a signing login confirms (意愿认证)."""
        id_number = ids.clean_id(proof.id_number)
        if ids.check_resident_id(id_number) is not None:
            # The platform's claim is not a valid 公民身份号码: nothing can be matched to it safely.
            raise OidcError("id_number_invalid", "the ID number claim fails its check digit")
        detail: Dict[str, str] = {"purpose": proof.purpose, "masked_id": ids.mask_id(id_number)}
        if proof.auth_time is not None:
            detail["auth_time"] = datetime.fromtimestamp(proof.auth_time, timezone.utc).isoformat()
        if proof.max_age is not None:
            detail["max_age"] = str(proof.max_age)
        if proof.acr:
            detail["acr"] = proof.acr
        if proof.amr:
            detail["amr"] = " ".join(proof.amr)
        assurance = IdentityAssurance(
            assurance_id=new_id(),
            method=OIDC,
            level=self.level_of(proof),
            verified_at=now,
            verifier=proof.issuer,
            subject_hash=subject_hash(id_number, self.id_hash_key),
            external_subject=proof.subject,
            detail=detail,
        )
        confirmation = None
        if act is not None:
            if proof.purpose != PURPOSE_SIGNING or proof.max_age is None:
                raise OidcError("not_fresh", "an act is confirmed only by a new login made for it")
            confirmation = ActConfirmation(
                act=act, act_sha256=act.digest(), sms_text_sha256=None, confirmed_at=now, assurance=assurance,
            )
        save_assurance(session, assurance, confirmation, client=client)
        return assurance


# --- the relying party ---------------------------------------------------------------------------------------


class OidcClient:
    """Discovery, JWKS, the authorization URL, the code exchange and the ID token checks.

    One instance per application: it caches the provider's metadata and keys. ``transport`` lets a caller
    route HTTP differently (a proxy); the tests use real HTTP on loopback.
    """

    def __init__(self, settings: OidcSettings, transport: Optional[httpx.AsyncBaseTransport] = None) -> None:
        self.settings = settings
        self._transport = transport
        self._metadata: Optional[OpenIDProviderMetadata] = None
        self._metadata_at = 0.0
        self._keys: Optional[KeySet] = None
        self._keys_at = 0.0

    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self.settings.http_timeout_seconds, transport=self._transport)

    async def _get_json(self, url: str) -> Dict[str, Any]:
        if not is_secure_transport(url):
            raise OidcError("provider_unavailable", f"refusing plain HTTP to {url}")
        try:
            async with self._http() as http:
                response = await http.get(url, headers={"Accept": "application/json"})
                response.raise_for_status()
                data = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise OidcError("provider_unavailable", f"{url}: {type(exc).__name__}") from exc
        if not isinstance(data, dict):
            raise OidcError("provider_unavailable", f"{url}: not a JSON object")
        return data

    async def metadata(self) -> OpenIDProviderMetadata:
        if self._metadata is not None and time.time() - self._metadata_at < self.settings.metadata_cache_seconds:
            return self._metadata
        if not self.settings.enabled:
            raise OidcError("not_configured", "GZ_OIDC_ISSUER, GZ_OIDC_CLIENT_ID and GZ_OIDC_REDIRECT_URI are needed")
        issuer = self.settings.issuer
        metadata = OpenIDProviderMetadata(await self._get_json(issuer.rstrip("/") + "/.well-known/openid-configuration"))
        # OpenID Connect Discovery 4.3: the document must name exactly the issuer it was fetched for.
        if metadata.get("issuer") != issuer:
            raise OidcError("provider_unavailable", "the discovery document names another issuer")
        try:
            metadata.validate()
        except ValueError as exc:
            raise OidcError("provider_unavailable", f"discovery document: {exc}") from exc
        methods = metadata.get("code_challenge_methods_supported")
        if methods is not None and "S256" not in methods:
            raise OidcError("provider_unavailable", "the platform does not support PKCE with S256")
        if not metadata.get("jwks_uri"):
            raise OidcError("provider_unavailable", "the discovery document has no jwks_uri")
        self._metadata, self._metadata_at = metadata, time.time()
        return metadata

    async def key_set(self, refetch: bool = False) -> KeySet:
        age = time.time() - self._keys_at
        fresh = self._keys is not None and age < self.settings.jwks_cache_seconds
        if fresh and not (refetch and age >= self.settings.jwks_refetch_seconds):
            return self._keys  # type: ignore[return-value]
        metadata = await self.metadata()
        try:
            keys = KeySet.import_key_set(await self._get_json(metadata["jwks_uri"]))  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            raise OidcError("provider_unavailable", f"JWKS: {type(exc).__name__}") from exc
        self._keys, self._keys_at = keys, time.time()
        return keys

    def _oauth(self, metadata: OpenIDProviderMetadata) -> AsyncOAuth2Client:
        supported = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
        method = "client_secret_basic" if "client_secret_basic" in supported else "client_secret_post"
        return AsyncOAuth2Client(
            client_id=self.settings.client_id,
            client_secret=self.settings.client_secret(),
            token_endpoint_auth_method=method,
            scope=self.settings.scope,
            redirect_uri=self.settings.redirect_uri,
            code_challenge_method="S256",
            timeout=self.settings.http_timeout_seconds,
            transport=self._transport,
        )

    async def start(
        self, purpose: str, now: float, conversation: Optional[str] = None, ticket: Optional[str] = None
    ) -> Tuple[str, Flow]:
        """The platform's authorization URL for a new login, and the flow to keep on the browser."""
        if purpose not in PURPOSES:
            raise OidcError("bad_request", f"unknown purpose {purpose!r}")
        metadata = await self.metadata()
        flow = Flow(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            code_verifier=secrets.token_urlsafe(64),
            purpose=purpose,
            max_age=self.settings.fresh_max_age_seconds if purpose == PURPOSE_SIGNING else None,
            started_at=int(now),
            conversation=conversation,
            ticket=ticket,
        )
        extra: Dict[str, Any] = {"nonce": flow.nonce}
        if flow.max_age is not None:
            extra.update(prompt="login", max_age=str(flow.max_age))
        async with self._oauth(metadata) as oauth:
            url, _ = oauth.create_authorization_url(
                metadata["authorization_endpoint"], state=flow.state, code_verifier=flow.code_verifier, **extra
            )
        return url, flow

    async def finish(self, flow: Flow, params: Mapping[str, str], now: float) -> VerifiedLogin:
        """Check the callback against the flow, exchange the code and verify the ID token."""
        state = params.get("state") or ""
        if not secrets.compare_digest(state.encode("utf-8"), flow.state.encode("utf-8")):
            raise OidcError("state_mismatch", "the callback's state is not this browser's")
        metadata = await self.metadata()
        # RFC 9207: a platform that names itself in the response must name the issuer we started with.
        if "iss" in params and params["iss"] != metadata["issuer"]:
            raise OidcError("issuer_mismatch", "the authorization response names another issuer")
        if params.get("error"):
            reason = "denied" if params["error"] in ("access_denied", "login_required") else "provider_error"
            raise OidcError(reason, f"authorization error {params['error']}")
        code = params.get("code")
        if not code:
            raise OidcError("bad_request", "the callback has no code")
        try:
            async with self._oauth(metadata) as oauth:
                token = await oauth.fetch_token(
                    metadata["token_endpoint"], code=code, code_verifier=flow.code_verifier,
                    grant_type="authorization_code",
                )
        except (OAuthError, httpx.HTTPError, ValueError) as exc:
            raise OidcError("provider_error", f"token exchange: {type(exc).__name__}: {exc}") from exc
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise OidcError("token_invalid", "the token response has no ID token")
        claims = await self.verify_id_token(id_token, flow, token.get("access_token"), now)
        if len(claims["sub"]) > 200 or len(claims["iss"]) > 200:
            raise OidcError("token_invalid", "subject or issuer longer than the assurance record holds")
        id_number = claims.get(self.settings.id_number_claim)
        if not isinstance(id_number, str) or not id_number:
            raise OidcError("id_number_missing", f"no {self.settings.id_number_claim} claim")
        amr = claims.get("amr") or []
        return VerifiedLogin(
            issuer=claims["iss"],
            subject=claims["sub"],
            id_number=id_number,
            auth_time=claims.get("auth_time"),
            acr=claims.get("acr") if isinstance(claims.get("acr"), str) else None,
            amr=tuple(str(item) for item in amr),
            purpose=flow.purpose,
            max_age=flow.max_age,
            claims=dict(claims),
        )

    async def verify_id_token(
        self, id_token: str, flow: Flow, access_token: Optional[str], now: float
    ) -> CodeIDToken:
        """Signature, issuer, audience, nonce, expiry and, when the flow asked for it, the age of the login."""
        metadata = await self.metadata()
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        algorithms = [name for name in self.settings.algorithms() if name in offered]
        if not algorithms:
            raise OidcError("provider_unavailable", "no acceptable ID token algorithm in common with the platform")
        registry = JWSRegistry(algorithms=algorithms)
        try:
            try:
                token = jwt.decode(id_token, await self.key_set(), registry=registry)
            except InvalidKeyIdError:
                token = jwt.decode(id_token, await self.key_set(refetch=True), registry=registry)
        except BadSignatureError as exc:
            raise OidcError("signature_invalid", "the ID token's signature does not verify") from exc
        except JoseError as exc:
            raise OidcError("token_invalid", f"ID token: {type(exc).__name__}") from exc

        client_id = self.settings.client_id
        claims = CodeIDToken(
            token.claims,
            token.header,
            {
                "iss": {"essential": True, "value": metadata["issuer"]},
                "aud": {"essential": True, "value": client_id},
                "sub": {"essential": True},
                "nonce": {"essential": True},
            },
            {"nonce": flow.nonce, "client_id": client_id, "access_token": access_token, "max_age": flow.max_age},
        )
        leeway = self.settings.leeway_seconds
        try:
            claims.validate(now=int(now), leeway=leeway)
        except ExpiredTokenError as exc:
            raise OidcError("token_expired", "the ID token has expired") from exc
        except (InvalidClaimError, MissingClaimError) as exc:
            name = getattr(exc, "claim", "") or str(exc)
            raise OidcError(_CLAIM_REASONS.get(name, "token_invalid"), f"claim {name}") from exc
        except ClaimError as exc:
            raise OidcError("token_invalid", str(exc)) from exc

        audience = claims["aud"]
        # Core 3.1.3.7 (3): a token that also names audiences this client does not trust is refused.
        if isinstance(audience, list) and set(audience) != {client_id}:
            raise OidcError("audience_invalid", "the ID token names other audiences")
        if flow.max_age is not None:
            auth_time = claims.get("auth_time")
            if not isinstance(auth_time, (int, float)) or auth_time > now + leeway:
                raise OidcError("not_fresh", "auth_time missing or in the future")
            if now - auth_time > flow.max_age + leeway:
                raise OidcError("not_fresh", f"logged in {int(now - auth_time)} s ago, max_age {flow.max_age}")
        return claims


_CLAIM_REASONS = {
    "aud": "audience_invalid",
    "azp": "audience_invalid",
    "nonce": "nonce_invalid",
    "iss": "issuer_mismatch",
    "auth_time": "not_fresh",
}
