"""Accounts, passwords, tokens and the login rate limit (P5).

Three kinds of caller, one ``Principal`` each:

- staff (``staff``, ``officer``, ``admin``): username and password (argon2id), then a JWT (HS256) valid for
  ``staff_token_hours``; each request re-reads the account, so disabling it or changing its role takes effect
  at once.
- applicant: ``POST /auth/applicant {name, id_number}`` gives a JWT whose subject is the keyed hash of the ID
  (the same HMAC that keys integrity files), never the ID itself. This stands in for the city's real-name
  single sign-on (统一身份认证), which a deployment puts in front of it; the name check below is the most the
  stand-in can do with what the platform knows.
- service: the action server, header ``X-Service-Token``. Calls that touch one applicant's data carry the
  ownership proof in the body (commitment number + ID number), checked by the endpoint.
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
from api.auth.models import STAFF_ROLES, LoginFailure, StaffUser
from api.clock import aware, utc
from api.commitments import sealed
from api.commitments.models import Commitment
from api.config import Settings
from api.credit import service as credit
from api.errors import ApiError
from api.signing.service import _write_secret_file
from bot.core.textnorm import name_key

JWT_ALGORITHM = "HS256"
JWT_ISSUER = "gz-api"
APPLICANT = "applicant"
SERVICE = "service"
ALL_ROLES = STAFF_ROLES + (APPLICANT, SERVICE)
JWT_SECRET_BYTES = 32
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,63}$")
MIN_PASSWORD_LENGTH = 12

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


class AccountError(ValueError):
    """A staff account cannot be created as asked; the message says why."""


# --- secrets ------------------------------------------------------------------------------------------


def load_or_create_jwt_secret(path: Path) -> bytes:
    if not path.exists():
        _write_secret_file(path, secrets.token_bytes(JWT_SECRET_BYTES))
    secret = path.read_bytes()
    if len(secret) < JWT_SECRET_BYTES:
        raise ValueError(f"{path}: the token secret must be at least {JWT_SECRET_BYTES} bytes")
    return secret


def load_or_create_service_token(path: Path) -> str:
    if not path.exists():
        _write_secret_file(path, (secrets.token_urlsafe(32) + "\n").encode("ascii"))
    token = path.read_text(encoding="ascii").strip()
    if len(token) < 32:
        raise ValueError(f"{path}: the service token must be at least 32 characters")
    return token


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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
        raise AccountError(f"username {username!r} exists")
    user = StaffUser(
        username=username,
        role=role,
        password_hash=hash_password(password),
        active=True,
        created_at=utc(now) if now else datetime.now(timezone.utc),
    )
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, username: str) -> Optional[StaffUser]:
    return session.scalars(select(StaffUser).where(StaffUser.username == username.strip().lower())).first()


# --- tokens -------------------------------------------------------------------------------------------


def issue_token(secret: bytes, *, subject: str, role: str, now: datetime, lifetime: timedelta, uid: Optional[int] = None) -> Tuple[str, datetime]:
    expires = now + lifetime
    claims = {
        "iss": JWT_ISSUER,
        "sub": subject,
        "role": role,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
    }
    if uid is not None:
        claims["uid"] = uid
    return jwt.encode(claims, secret, algorithm=JWT_ALGORITHM), expires.replace(microsecond=0)


def decode_token(secret: bytes, token: str) -> dict:
    """The claims of a valid token; raises ``jwt.PyJWTError`` for a forged, expired or malformed one."""
    claims = jwt.decode(
        token,
        secret,
        algorithms=[JWT_ALGORITHM],  # never "none", never an algorithm the token chooses
        issuer=JWT_ISSUER,
        options={"require": ["exp", "iat", "sub", "role", "iss"]},
    )
    if claims["role"] not in STAFF_ROLES + (APPLICANT,):
        raise jwt.InvalidTokenError("unknown role")
    return claims


def applicant_actor(id_hash: str) -> str:
    """How an applicant appears in histories and the audit trail: a prefix of the keyed hash, never the ID."""
    return f"applicant:{id_hash[:12]}"


# --- the login rate limit -----------------------------------------------------------------------------


def _limited(session: Session, settings: Settings, key: str, client_ip: str, now: datetime) -> None:
    window_start = now - timedelta(seconds=settings.login_window_seconds)
    # Old failures no longer count; drop them so the table stays small.
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.username == key, LoginFailure.client_ip == client_ip, LoginFailure.at < window_start
        )
    )
    failures = session.execute(
        select(func.count(), func.min(LoginFailure.at)).where(
            LoginFailure.username == key, LoginFailure.client_ip == client_ip, LoginFailure.at >= window_start
        )
    ).one()
    if failures[0] >= settings.login_max_failures:
        oldest = aware(failures[1])
        retry = max(1, int((oldest + timedelta(seconds=settings.login_window_seconds) - now).total_seconds()) + 1)
        session.commit()
        raise ApiError(
            429,
            "too_many_attempts",
            f"登录失败次数过多，请{(retry + 59) // 60}分钟后再试。",
            headers={"Retry-After": str(retry)},
        )


def _failed(session: Session, key: str, client_ip: str, now: datetime) -> None:
    session.add(LoginFailure(username=key, client_ip=client_ip, at=now))


def _unauthorised(message: str, error: str = "invalid_credentials") -> ApiError:
    return ApiError(401, error, message, headers={"WWW-Authenticate": "Bearer"})


def staff_login(
    session: Session, settings: Settings, secret: bytes, username: str, password: str, client_ip: str, now: datetime
) -> Tuple[str, datetime, StaffUser]:
    """Check the password; rate-limited per username and client address. Commits (failures must stick)."""
    now = utc(now)
    key = username.strip().lower()[:64]
    _limited(session, settings, key, client_ip, now)
    user = find_user(session, key)
    try:
        ok = _hasher.verify(user.password_hash if user is not None else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None or not user.active:
        _failed(session, key, client_ip, now)
        who = Principal(role=user.role if user is not None else "unknown", actor=key, client_ip=client_ip)
        audit.record(session, who, "auth.login_failed", at=now, detail={"known_user": user is not None})
        session.commit()
        raise _unauthorised("用户名或密码不正确。")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.execute(delete(LoginFailure).where(LoginFailure.username == key, LoginFailure.client_ip == client_ip))
    audit.record(session, Principal(role=user.role, actor=user.username, client_ip=client_ip), "auth.login", at=now)
    session.commit()
    token, expires = issue_token(
        secret,
        subject=user.username,
        role=user.role,
        now=datetime.now(timezone.utc),  # tokens run on the real clock, whatever a test does to get_now
        lifetime=timedelta(hours=settings.staff_token_hours),
        uid=user.id,
    )
    return token, expires, user


def _same_name(a: str, b: str) -> bool:
    # Compared by the names' key: the traditional form (趙強) is the simplified name on file (赵强).
    return bool(name_key(a)) and name_key(a) == name_key(b)


def known_names(session: Session, id_hash: str) -> Set[str]:
    """The applicant names the platform has signed for this ID (from the signed records themselves)."""
    names: Set[str] = set()
    for row in session.scalars(select(Commitment).where(Commitment.applicant_id_hash == id_hash)):
        try:
            # Only the name is wanted, but it is read from the signed record as a whole (P5: IDs sealed at rest).
            names.add(sealed.payload_of(row)["applicant"]["name"])
        except (ValueError, KeyError, TypeError, sealed.SealingError):
            continue
    return names


def applicant_login(
    session: Session,
    settings: Settings,
    secret: bytes,
    id_hash_key: bytes,
    name: str,
    id_number: str,
    client_ip: str,
    now: datetime,
) -> Tuple[str, datetime]:
    """An applicant token for the holder of ``id_number`` (stand-in for real-name SSO, see module docstring).

    The ID must be valid (check digits); when the platform holds signed commitments for it, the name must be
    the one they were signed with, and when it holds an integrity file for it, the name on that file. An ID
    the platform has never seen gets a token that reaches nothing,
    because an applicant token only ever reads that applicant's own records. Failures count towards the
    same rate limit as staff logins, so names cannot be guessed quickly.
    """
    now = utc(now)
    normalised = credit.normalise_id(id_number)
    problem = credit.id_problem(normalised)
    if problem:
        raise ApiError(422, problem, "证件号码：" + credit.id_problem_message(problem))
    subject = credit.id_hash(normalised, id_hash_key)
    key = applicant_actor(subject)
    _limited(session, settings, key, client_ip, now)
    names = known_names(session, subject)
    # The integrity file (R16) names its holder too, by the keyed hash of the full name: an ID with a credit
    # record but no commitment must not open that record to whoever types the ID with any name (P5).
    file = credit.find_file(session, id_hash_key, normalised)
    file_mismatch = file is not None and file.name_hash is not None and not credit.name_matches(
        file.name_hash, name, id_hash_key)
    if file_mismatch or (names and not any(_same_name(name, known) for known in names)):
        _failed(session, key, client_ip, now)
        session.commit()
        raise _unauthorised("姓名与证件号码不一致。", "identity_mismatch")
    session.execute(delete(LoginFailure).where(LoginFailure.username == key, LoginFailure.client_ip == client_ip))
    session.commit()
    return issue_token(
        secret,
        subject=subject,
        role=APPLICANT,
        now=datetime.now(timezone.utc),  # tokens run on the real clock, whatever a test does to get_now
        lifetime=timedelta(minutes=settings.applicant_token_minutes),
    )


# --- demo accounts (python -m api.cli seed-demo) ------------------------------------------------------

DEMO_ACCOUNTS = (("demo_staff", "staff"), ("demo_officer", "officer"), ("demo_admin", "admin"))


def seed_demo_accounts(session: Session, now: Optional[datetime] = None) -> List[Tuple[str, str, str]]:
    """One account per role, each with a fresh random password; returns (username, role, password) for
    the accounts created now. Existing accounts are left alone (their passwords are not known any more)."""
    created = []
    for username, role in DEMO_ACCOUNTS:
        if find_user(session, username) is None:
            password = secrets.token_urlsafe(12)
            create_user(session, username, role, password, now=now)
            created.append((username, role, password))
    return created


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
