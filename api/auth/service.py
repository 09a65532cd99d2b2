"""Accounts, passwords, tokens and the login rate limit (P5).

Three kinds of caller, one ``Principal`` each:

- staff (``staff``, ``officer``, ``admin``): username and password (argon2id, the policy of
  ``api.auth.passwords``), then a JWT (HS256) valid for ``staff_token_hours``; each request re-reads the
  account, so disabling it, changing its role or changing its password (``token_generation``) takes effect
  at once.
- applicant: ``POST /auth/applicant/code {id_number}`` sends a login code to the ID's real-name (实名) phone,
  then ``POST /auth/applicant {id_number, code}`` gives a JWT whose subject is the keyed hash of the ID (the
  same HMAC that keys integrity files), never the ID itself. The code is the identity module's SMS code
  (``api.identity.otp``); the city's single sign-on (统一身份认证) is the other way in (``api.identity.oidc``).
- service: the action server, header ``X-Service-Token``. Calls that touch one applicant's data carry the ID
  number and an identity assurance made in the conversation (``api.identity.gate``), checked by the endpoint.

Every token has an id (``jti``) and can be signed out (``POST /auth/logout``, table ``revoked_tokens``). The
server caps a token's life at its ``iat`` plus the configured lifetime whatever its ``exp`` says, and refuses
one that claims a longer life than the server gives: only the holder of the secret could have made it.
"""
from __future__ import annotations

import hmac
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.auth.models import STAFF_ROLES, LoginFailure, RevokedToken, StaffUser
from api.auth.passwords import PasswordRejected, check_password
from api.clock import aware, utc
from api.config import Settings
from api.credit import service as credit
from api.errors import ApiError
from api.identity.models import OneTimeCode
from api.identity.otp import CodeProof, CodeRequest, SmsOtpVerifier
from api.identity.texts import MESSAGES as OTP_MESSAGES
from api.identity.texts import wait_text
from bot.core import keyfile

JWT_ALGORITHM = "HS256"
JWT_ISSUER = "gz-api"
APPLICANT = "applicant"
SERVICE = "service"
ALL_ROLES = STAFF_ROLES + (APPLICANT, SERVICE)
JWT_SECRET_BYTES = 32
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,63}$")
# A token issued a little in the future by a replica whose clock runs ahead is still good.
CLOCK_LEEWAY = timedelta(seconds=60)

# OWASP's argon2id minimum (19 MiB, 2 passes): strong enough for staff passwords behind a rate limit, and
# cheap enough that every test database can seed the demo accounts.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    role: str  # staff | officer | admin | applicant | service
    actor: str  # username; "applicant:<hash prefix>"; "service"
    subject: Optional[str] = None  # applicant: keyed hash of the ID number (never the number)
    client_ip: Optional[str] = None
    user_id: Optional[int] = None
    token_id: Optional[str] = None  # the bearer token's jti (what logout revokes)
    token_expires: Optional[datetime] = None  # when that token stops working anyway


class AccountError(ValueError):
    """A staff account cannot be created as asked; the message says why."""


# --- secrets ------------------------------------------------------------------------------------------


def load_or_create_jwt_secret(path: Path) -> bytes:
    return keyfile.load_or_create(path, JWT_SECRET_BYTES, "the token secret")


def load_or_create_service_token(path: Path) -> str:
    return keyfile.load_or_create_token(path, "the service token")


def service_token_matches(expected: str, presented: str) -> bool:
    return hmac.compare_digest(expected.encode("utf-8"), presented.strip().encode("utf-8"))


# --- accounts -----------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Checked against when the username is unknown, so the answer takes as long as for a known one.
    return _hasher.hash(secrets.token_urlsafe(16))


def create_user(session: Session, username: str, role: str, password: str, *, now: Optional[datetime] = None) -> StaffUser:
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise AccountError("username: 3-64 characters, lower-case letters, digits, '.', '_' or '-'")
    if role not in STAFF_ROLES:
        raise AccountError(f"role must be one of {', '.join(STAFF_ROLES)}")
    try:
        check_password(password, username)
    except PasswordRejected as exc:
        raise AccountError(str(exc)) from None
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
        raise AccountError(f"username {username!r} exists")
    user = StaffUser(
        username=username,
        role=role,
        password_hash=hash_password(password),
        active=True,
        created_at=utc(now) if now else datetime.now(timezone.utc),
        token_generation=0,
    )
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, username: str) -> Optional[StaffUser]:
    return session.scalars(select(StaffUser).where(StaffUser.username == username.strip().lower())).first()


# --- tokens -------------------------------------------------------------------------------------------


def token_lifetime(settings: Settings, role: str) -> timedelta:
    """How long the server lets a token of ``role`` live, whatever the token says."""
    if role == APPLICANT:
        return timedelta(minutes=settings.applicant_token_minutes)
    return timedelta(hours=settings.staff_token_hours)


def issue_token(
    secret: bytes, *, subject: str, role: str, now: datetime, lifetime: timedelta,
    uid: Optional[int] = None, generation: Optional[int] = None,
) -> Tuple[str, datetime]:
    issued = int(now.timestamp())
    expires = datetime.fromtimestamp(issued, timezone.utc) + lifetime
    claims = {
        "iss": JWT_ISSUER,
        "sub": subject,
        "role": role,
        "iat": issued,
        "exp": int(expires.timestamp()),
        "jti": secrets.token_urlsafe(16),
    }
    if uid is not None:
        claims["uid"] = uid
    if generation is not None:
        claims["gen"] = generation
    return jwt.encode(claims, secret, algorithm=JWT_ALGORITHM), expires


def decode_token(secret: bytes, token: str, settings: Settings, now: Optional[datetime] = None) -> dict:
    """The claims of a valid token; raises ``jwt.PyJWTError`` for a forged, expired, malformed or overlong one.

    ``now`` is the real clock (tokens never follow a test's ``get_now``). Revocation is checked by
    ``is_revoked``, which needs the database.
    """
    now = now or datetime.now(timezone.utc)
    claims = jwt.decode(
        token,
        secret,
        algorithms=[JWT_ALGORITHM],  # never "none", never an algorithm the token chooses
        issuer=JWT_ISSUER,
        options={"require": ["exp", "iat", "sub", "role", "iss", "jti"]},
    )
    if claims["role"] not in STAFF_ROLES + (APPLICANT,):
        raise jwt.InvalidTokenError("unknown role")
    if not isinstance(claims["jti"], str) or not 16 <= len(claims["jti"]) <= 64:
        raise jwt.InvalidTokenError("malformed token id")
    issued = datetime.fromtimestamp(int(claims["iat"]), timezone.utc)
    lifetime = token_lifetime(settings, claims["role"])
    if issued > now + CLOCK_LEEWAY:
        raise jwt.ImmatureSignatureError("issued in the future")
    # A token the server never issued like this (ten years' life) is refused, not trusted for its first hours.
    if int(claims["exp"]) - int(claims["iat"]) > lifetime.total_seconds():
        raise jwt.InvalidTokenError("longer life than the server gives")
    if now >= issued + lifetime:
        raise jwt.ExpiredSignatureError("older than the server's lifetime")
    return claims


def token_expiry(settings: Settings, claims: dict) -> datetime:
    """When a decoded token stops working: its exp, capped at iat + the configured lifetime."""
    issued = datetime.fromtimestamp(int(claims["iat"]), timezone.utc)
    expires = datetime.fromtimestamp(int(claims["exp"]), timezone.utc)
    return min(expires, issued + token_lifetime(settings, claims["role"]))


def is_revoked(session: Session, jti: str) -> bool:
    return session.get(RevokedToken, jti) is not None


def logout(session: Session, principal: Principal, now: datetime) -> None:
    """Revoke the token ``principal`` presented. Old revocations of expired tokens are dropped."""
    if principal.token_id is None or principal.token_expires is None:
        raise ApiError(400, "not_a_session", "该凭证不是登录凭证，无法退出登录。")
    now = utc(now)
    if not is_revoked(session, principal.token_id):
        session.add(RevokedToken(jti=principal.token_id, actor=principal.actor[:100], revoked_at=now,
                                 expires_at=principal.token_expires))
    # Rows past their token's expiry guard nothing: the signature check refuses those tokens already.
    session.execute(delete(RevokedToken).where(RevokedToken.expires_at < datetime.now(timezone.utc)))
    audit.record(session, principal, "auth.logout", at=now)


def applicant_actor(id_hash: str) -> str:
    """How an applicant appears in histories and the audit trail: a prefix of the keyed hash, never the ID."""
    return f"applicant:{id_hash[:12]}"


# --- the login rate limit -----------------------------------------------------------------------------


def _limited(session: Session, settings: Settings, key: str, client_ip: str, now: datetime) -> None:
    """429 when the failures in the window reach a limit, whichever scope: this username (or applicant ID)
    from this address, this username from anywhere, this address for anyone, everybody."""
    window = timedelta(seconds=settings.login_window_seconds)
    window_start = now - window
    # Old failures no longer count; drop them so the table stays small.
    session.execute(delete(LoginFailure).where(LoginFailure.at < window_start))
    scopes = (
        (settings.login_max_failures, (LoginFailure.username == key, LoginFailure.client_ip == client_ip)),
        (settings.login_account_max_failures, (LoginFailure.username == key,)),
        (settings.login_address_max_failures, (LoginFailure.client_ip == client_ip,)),
        (settings.login_global_max_failures, ()),
    )
    for limit, conditions in scopes:
        in_window = (LoginFailure.at >= window_start, *conditions)
        count = session.scalar(select(func.count()).select_from(LoginFailure).where(*in_window)) or 0
        if count < limit:
            continue
        # The scope opens again when enough of its failures have left the window to be under the limit.
        freeing = session.scalar(
            select(LoginFailure.at).where(*in_window).order_by(LoginFailure.at, LoginFailure.id)
            .offset(count - limit).limit(1)
        )
        retry = max(1, int((aware(freeing) + window - now).total_seconds()) + 1) if freeing else 1
        # Nothing to keep: a refusal at the limit is not itself counted (the failures dropped above as expired
        # are dropped again next time).
        raise ApiError(
            429,
            "too_many_attempts",
            f"登录失败次数过多，请{(retry + 59) // 60}分钟后再试。",
            headers={"Retry-After": str(retry)},
        )


def _failed(session: Session, key: str, client_ip: str, now: datetime) -> None:
    session.add(LoginFailure(username=key, client_ip=client_ip[:64], at=now))


def _verify(user: Optional[StaffUser], password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user is not None else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _unauthorised(message: str, error: str = "invalid_credentials", *, keep_changes: bool = False) -> ApiError:
    return ApiError(401, error, message, headers={"WWW-Authenticate": "Bearer"}, keep_changes=keep_changes)


def staff_login(
    session: Session, settings: Settings, secret: bytes, username: str, password: str, client_ip: str, now: datetime
) -> Tuple[str, datetime, StaffUser]:
    """Check the password; rate-limited per username and client address. A refused sign-in keeps its failure
    row and audit row (``keep_changes``): failures must count towards the limit."""
    now = utc(now)
    key = username.strip().lower()[:64]
    _limited(session, settings, key, client_ip, now)
    user = find_user(session, key)
    ok = _verify(user, password)
    if not ok or user is None or not user.active:
        _failed(session, key, client_ip, now)
        who = Principal(role=user.role if user is not None else "unknown", actor=key, client_ip=client_ip)
        audit.record(session, who, "auth.login_failed", at=now, detail={"known_user": user is not None})
        raise _unauthorised("用户名或密码不正确。", keep_changes=True)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.execute(delete(LoginFailure).where(LoginFailure.username == key, LoginFailure.client_ip == client_ip))
    audit.record(session, Principal(role=user.role, actor=user.username, client_ip=client_ip), "auth.login", at=now)
    token, expires = issue_token(
        secret,
        subject=user.username,
        role=user.role,
        now=datetime.now(timezone.utc),  # tokens run on the real clock, whatever a test does to get_now
        lifetime=token_lifetime(settings, user.role),
        uid=user.id,
        generation=user.token_generation,
    )
    return token, expires, user


def change_password(
    session: Session,
    settings: Settings,
    secret: bytes,
    principal: Principal,
    old_password: str,
    new_password: str,
    now: datetime,
) -> Tuple[str, datetime, StaffUser]:
    """Set a staff account's new password and sign out every token of the account, the presented one too;
    returns a fresh token so the session that made the change goes on.

    The old password is asked for (a token left on an open screen must not be enough to take the account
    over) and wrong guesses count towards the login limits, like failed sign-ins.
    """
    now = utc(now)
    user = session.get(StaffUser, principal.user_id) if principal.user_id is not None else None
    if user is None or not user.active:
        raise _unauthorised("账号已停用或权限已变更，请重新登录。", "invalid_token")
    client_ip = principal.client_ip or "unknown"
    _limited(session, settings, user.username, client_ip, now)
    if not _verify(user, old_password):
        _failed(session, user.username, client_ip, now)
        audit.record(session, principal, "auth.password_change_failed", at=now)
        # A wrong old password counts like a failed sign-in, and is audited, although refused.
        raise ApiError(403, "wrong_password", "原密码不正确。", keep_changes=True)
    try:
        check_password(new_password, user.username)
    except PasswordRejected as exc:
        raise ApiError(422, "weak_password", exc.chinese) from None
    if _verify(user, new_password):
        raise ApiError(422, "same_password", "新密码不能与原密码相同。")
    user.password_hash = hash_password(new_password)
    user.token_generation += 1
    audit.record(session, principal, "auth.password_changed", at=now)
    token, expires = issue_token(
        secret,
        subject=user.username,
        role=user.role,
        now=datetime.now(timezone.utc),
        lifetime=token_lifetime(settings, user.role),
        uid=user.id,
        generation=user.token_generation,
    )
    return token, expires, user


# The one answer to a login-code request, whether or not the ID has a registered phone (nothing is revealed).
APPLICANT_CODE_SENT = "如该证件号码登记了实名手机号码，验证码已发送到该号码，请在{minutes}分钟内输入。"
# The one answer to a login code that does not work, whatever the reason (no code sent, wrong, expired, used,
# locked): a different answer for an ID without a phone would tell who has one.
APPLICANT_CODE_REFUSED = "验证码不正确或已经失效。请核对短信后重新输入；多次输错后验证码失效，需要重新获取。"
# Refusals of a code request that only an ID with a registered phone can get: answered like a code sent.
_PHONE_DEPENDENT = ("no_registered_phone", "otp_phone_limit", "otp_too_soon")


def _applicant_subject(id_number: str, id_hash_key: bytes) -> Tuple[str, str]:
    normalised = credit.normalise_id(id_number)
    problem = credit.id_problem(normalised)
    if problem:
        raise ApiError(422, problem, "证件号码：" + credit.id_problem_message(problem))
    return normalised, credit.id_hash(normalised, id_hash_key)


def _check_code_interval(session: Session, verifier: SmsOtpVerifier, subject: str, now: datetime) -> None:
    """One code request per ID per ``resend_seconds``, counting requests for IDs without a phone too, so the
    interval is the same for every ID (the verifier's own check counts codes sent only)."""
    last = session.scalar(
        select(func.max(OneTimeCode.created_at)).where(OneTimeCode.subject_hash == subject, OneTimeCode.state != "void")
    )
    if last is None:
        return
    ready = aware(last) + timedelta(seconds=verifier.policy.resend_seconds)
    if ready > now:
        retry = max(1, int((ready - now).total_seconds()) + 1)
        raise ApiError(429, "otp_too_soon", OTP_MESSAGES["otp_too_soon"].format(wait=wait_text(retry)),
                       headers={"Retry-After": str(retry)})


def request_applicant_code(
    session: Session, verifier: SmsOtpVerifier, id_number: str, client_ip: str, now: datetime
) -> Tuple[str, int]:
    """Send a login code to the 实名 phone of ``id_number``, if one is registered; returns the message to show
    and the code's lifetime in seconds, the same for every ID.

    The limits of the identity module hold (per ID, per phone, per address ``address:<ip>``); those that can
    only be reached by an ID with a phone are answered like a code sent, so no answer tells whether the ID has
    one. What an ID with and one without a phone both reach (per ID, per address, the interval) is refused.
    """
    now = utc(now)
    normalised, subject = _applicant_subject(id_number, verifier.id_hash_key)
    _check_code_interval(session, verifier, subject, now)
    try:
        verifier.issue(session, CodeRequest(id_number=normalised, client=f"address:{client_ip}"), now)
    except ApiError as refused:
        if refused.error not in _PHONE_DEPENDENT:
            raise
    minutes = verifier.policy.minutes
    return APPLICANT_CODE_SENT.format(minutes=minutes), verifier.policy.ttl_seconds


def applicant_login(
    session: Session,
    settings: Settings,
    secret: bytes,
    verifier: SmsOtpVerifier,
    id_number: str,
    code: str,
    client_ip: str,
    now: datetime,
) -> Tuple[str, datetime]:
    """An applicant token for the holder of ``id_number``, proved by the login code sent to the ID's 实名 phone
    (``request_applicant_code``). A name and an ID number are no proof: both are easily known to others.

    Guessing is bounded twice: a code is locked after ``otp_max_wrong_tries`` wrong tries (and at most
    ``otp_max_per_id`` codes are sent per ID in the window), and failures count towards the login limits per
    ID and address like staff logins. Every failure gets the same answer.
    """
    now = utc(now)
    normalised, subject = _applicant_subject(id_number, verifier.id_hash_key)
    key = applicant_actor(subject)
    _limited(session, settings, key, client_ip, now)
    try:
        verifier.verify(session, CodeProof(id_number=normalised, code=code), now)
    except ApiError as refused:
        if refused.status_code == 503:
            raise
        # Counted towards the login limits, with the code's own wrong try, although refused.
        _failed(session, key, client_ip, now)
        raise _unauthorised(APPLICANT_CODE_REFUSED, "invalid_code", keep_changes=True) from None
    session.execute(delete(LoginFailure).where(LoginFailure.username == key, LoginFailure.client_ip == client_ip))
    audit.record(session, Principal(role=APPLICANT, actor=key, client_ip=client_ip), "auth.applicant_login", at=now)
    return issue_token(
        secret,
        subject=subject,
        role=APPLICANT,
        now=datetime.now(timezone.utc),  # tokens run on the real clock, whatever a test does to get_now
        lifetime=token_lifetime(settings, APPLICANT),
    )


# --- demo accounts (python -m api.cli seed-demo) ------------------------------------------------------

DEMO_ACCOUNTS = (("demo_staff", "staff"), ("demo_officer", "officer"), ("demo_admin", "admin"))


def seed_demo_accounts(session: Session, now: Optional[datetime] = None) -> List[Tuple[str, str, str]]:
    """One account per role, each with a fresh random password; returns (username, role, password) for
    the accounts created now. Existing accounts are left alone (their passwords are not known any more)."""
    created = []
    for username, role in DEMO_ACCOUNTS:
        if find_user(session, username) is None:
            password = _random_password()
            create_user(session, username, role, password, now=now)
            created.append((username, role, password))
    return created


def _random_password() -> str:
    # 96 random bits; drawn again in the (vanishingly rare) case the policy would refuse them.
    while True:
        password = secrets.token_urlsafe(12)
        try:
            check_password(password)
            return password
        except PasswordRejected:
            continue


def write_demo_accounts_file(path: Path, created: List[Tuple[str, str, str]], existing_usernames: Set[str]) -> None:
    """Keep ``username role password`` lines (mode 0600) for the set-up command and the tests: lines of
    accounts created now replace older ones; lines of accounts that no longer exist are dropped."""
    lines: Dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3 and not line.startswith("#") and parts[0] in existing_usernames:
                lines[parts[0]] = line
    for username, role, password in created:
        lines[username] = f"{username} {role} {password}"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("# demo staff accounts (username role password); created by python -m api.cli seed-demo\n")
        handle.writelines(line + "\n" for line in lines.values())


def read_demo_accounts_file(path: Path) -> Dict[str, str]:
    """username -> password, from the file ``write_demo_accounts_file`` keeps."""
    accounts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            accounts[parts[0]] = parts[2]
    return accounts
