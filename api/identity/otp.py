"""SMS one-time codes (``sms_otp``): login codes and act codes (意愿认证).

A code is 6 digits from ``secrets``, valid ``otp_ttl_seconds`` (5 minutes), used at most once, and goes only to
the real-name (实名) mobile number the shared data holds for the ID: a person can be reached through their
registered phone, whoever is typing. It is stored only as an HMAC (``otp.key``) over the code and what it is
bound to (the code's random id, its purpose, the act's digest), compared in constant time, and locked after
``otp_max_wrong_tries`` wrong tries.

Purposes: a ``login`` code proves the person holds the phone; an ``act`` code is sent in a message naming the
act (the item and the statement's hash), and confirms only that act. A login code never confirms an act.

Limits against SMS bombing and guessing, each with its own refusal code (HTTP 429 and ``Retry-After``): one
code per ID per ``otp_resend_seconds``; at most ``otp_max_per_id`` / ``otp_max_per_phone`` /
``otp_max_per_client`` codes per ID, phone and client in ``otp_window_seconds``. A new code replaces the ID's
earlier ones (only the latest works). IDs, phones and client addresses are kept only as keyed hashes.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import unicodedata
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Optional, Tuple

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from api import metrics
from api.clock import aware, utc
from api.config import Settings
from api.errors import ApiError
from api.identity.assurance import SMS_OTP, SUBSTANTIAL, Act, ActConfirmation, IdentityAssurance, subject_hash
from api.identity.models import OneTimeCode
from api.identity.sms import SmsDeliveryError, SmsGateway, SmsMessage
from api.identity.store import client_hash, lock, new_id, save_assurance
from api.identity.texts import ACT_SMS_BEFORE, LOGIN_SMS_BEFORE, MESSAGES, SMS_AFTER, wait_text
from bot.core import ids, keyfile

logger = logging.getLogger(__name__)

CODE_DIGITS = 6
KEY_BYTES = 32
OTP_KEY_FILE = "otp.key"
LOGIN = "login"
ACT = "act"

# Looks up the 实名 mobile number held for an ID number (the shared-data adapter's ``registered_phone``).
PhoneDirectory = Callable[[str], Optional[str]]


# The reads of every code sent and typed back, built once: a statement built for each call costs SQLAlchemy more
# (construction and its cache key) than running it. (The UPDATE and DELETE stay built per call: the ORM keeps
# the session's loaded rows in step with them by evaluating their criteria, which needs the values inline.)
_COUNT_SINCE = {
    column.key: select(func.count(), func.min(OneTimeCode.created_at)).where(
        column == bindparam("value"), OneTimeCode.created_at >= bindparam("since"), OneTimeCode.state != "void"
    )
    for column in (OneTimeCode.client_hash, OneTimeCode.subject_hash, OneTimeCode.phone_hash)
}
_LAST_SENT = select(func.max(OneTimeCode.created_at)).where(
    OneTimeCode.subject_hash == bindparam("subject"), OneTimeCode.state != "void", OneTimeCode.phone_hash != "",
    OneTimeCode.purpose == bindparam("purpose"),
)
_LATEST_CODE = (
    select(OneTimeCode)
    .where(OneTimeCode.subject_hash == bindparam("subject"), OneTimeCode.state != "void")
    .order_by(OneTimeCode.created_at.desc(), OneTimeCode.id.desc())
    .limit(1)
)


def load_or_create_key(path: Path) -> bytes:
    """The HMAC key of the codes: created with mode 0600 on first use, like the platform's other keys."""
    return keyfile.load_or_create(path, KEY_BYTES, "the one-time-code key")


def generate_code() -> str:
    return f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"


# Confirms an act code typed back, for another domain (the commitment's request that carries the code):
# session, ID number, code, act, now -> the act confirmation, or the same refusal as the verify endpoint.
RedeemActCode = Callable[[Session, str, str, Act, datetime], ActConfirmation]


@dataclass(frozen=True)
class OtpPolicy:
    """The limits on codes. Each field is the setting of the same name with ``otp_`` before it: the numbers,
    their defaults and what they mean are in ``api.config.Settings``."""

    ttl_seconds: int
    max_wrong_tries: int
    resend_seconds: int
    window_seconds: int
    max_per_id: int
    max_per_phone: int
    max_per_client: int

    @classmethod
    def of(cls, settings: Settings) -> "OtpPolicy":
        return cls(**{f.name: getattr(settings, f"otp_{f.name}") for f in fields(cls)})

    @classmethod
    def defaults(cls) -> "OtpPolicy":
        """The settings' defaults, whatever the environment says (``model_construct`` reads no environment)."""
        return cls.of(Settings.model_construct())

    @property
    def minutes(self) -> int:
        # The SMS says "N分钟内有效": rounded down, so it never promises more than the code gives.
        return max(1, self.ttl_seconds // 60)


@dataclass(frozen=True)
class CodeRequest:
    id_number: str
    client: str  # the citizen's address or conversation, as the caller knows it
    act: Optional[Act] = None  # None: a login code


@dataclass(frozen=True)
class CodeProof:
    id_number: str
    code: str
    act: Optional[Act] = None  # None: a login code


@dataclass(frozen=True)
class CodeSent:
    masked_phone: str
    expires_in: int


def _refuse(
    status: int, error: str, retry_after: Optional[int] = None, *, keep_changes: bool = False, **values: object
) -> ApiError:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return ApiError(status, error, MESSAGES[error].format(**values), headers=headers, keep_changes=keep_changes)


def _id_problem(value: str) -> Optional[str]:
    # Checked as the credit module checks it, but a value that is neither kind is only ever "invalid_id_format".
    return ids.id_problem(value) if ids.id_type(value) else "invalid_id_format"


def checked_id(value: str) -> str:
    number = ids.clean_id(value)
    problem = _id_problem(number)
    if problem:
        raise ApiError(422, problem, "证件号码：" + ids.ERROR_MESSAGES.get(problem, "校验不通过，请核对后重新填写。"))
    return number


def _normalised_code(value: str) -> str:
    # Full-width digits and spaces from an input method are the same code.
    return "".join(unicodedata.normalize("NFKC", value).split())


def sms_text_parts(act: Optional[Act], policy: OtpPolicy) -> Tuple[str, str]:
    before = ACT_SMS_BEFORE.format(item_name=act.item_name) if act is not None else LOGIN_SMS_BEFORE
    return before, SMS_AFTER.format(minutes=policy.minutes)


class SmsOtpVerifier:
    """The ``sms_otp`` verifier. ``issue`` and ``verify``/``confirm_act`` write in the caller's transaction
    and never commit it; a wrong try, a request refused for want of a phone and a code the gateway did not take
    must be recorded even though the request is refused, so those refusals keep their changes
    (``ApiError.keep_changes``)."""

    method = SMS_OTP

    def __init__(
        self,
        key: bytes,
        id_hash_key: bytes,
        gateway: SmsGateway,
        phones: Optional[PhoneDirectory],
        policy: Optional[OtpPolicy] = None,
        code_factory: Callable[[], str] = generate_code,
    ) -> None:
        self.key = key
        self.id_hash_key = id_hash_key
        self.gateway = gateway
        self.phones = phones
        self.policy = policy if policy is not None else OtpPolicy.defaults()
        self.code_factory = code_factory

    # --- keyed hashes ---------------------------------------------------------------------------------

    def _keyed(self, kind: str, value: str) -> str:
        # surrogatepass: whatever a caller sends (even a lone surrogate from JSON) hashes instead of failing.
        if kind == "client":
            return client_hash(self.key, value)
        return hmac.new(self.key, f"{kind}:{value}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

    def code_hash(self, challenge_id: str, purpose: str, act_sha256: Optional[str], code: str) -> str:
        return self._keyed("code", "|".join((challenge_id, purpose, act_sha256 or "", code)))

    # --- issuing ------------------------------------------------------------------------------------------

    def _count_since(self, session: Session, column, value: str, since: datetime) -> Tuple[int, Optional[datetime]]:
        count, oldest = session.execute(_COUNT_SINCE[column.key], {"value": value, "since": since}).one()
        return int(count), (aware(oldest) if oldest is not None else None)

    def _check_limit(self, session: Session, column, value: str, limit: int, error: str, now: datetime) -> None:
        window = timedelta(seconds=self.policy.window_seconds)
        count, oldest = self._count_since(session, column, value, now - window)
        if count >= limit and oldest is not None:
            retry = max(1, int((oldest + window - now).total_seconds()) + 1)
            raise _refuse(429, error, retry, wait=wait_text(retry))

    def _check_resend(self, session: Session, subject: str, purpose: str, now: datetime) -> None:
        # Per purpose: the act code comes right after a login in a quick journey, and must not wait for it.
        last = session.scalar(_LAST_SENT, {"subject": subject, "purpose": purpose})
        if last is None:
            return
        ready = aware(last) + timedelta(seconds=self.policy.resend_seconds)
        if ready > now:
            retry = max(1, int((ready - now).total_seconds()) + 1)
            raise _refuse(429, "otp_too_soon", retry, wait=wait_text(retry))

    def _forget_old(self, session: Session, now: datetime) -> None:
        # Rows older than every window and lifetime count for nothing; the assurances keep what was proven.
        keep = max(self.policy.window_seconds, self.policy.ttl_seconds, self.policy.resend_seconds, 86400)
        session.execute(delete(OneTimeCode).where(OneTimeCode.created_at < now - timedelta(seconds=keep)))

    def issue(self, session: Session, request: CodeRequest, now: datetime) -> CodeSent:
        """Send a code to the 实名 number of ``request.id_number``; refuse with a Chinese message otherwise."""
        now = utc(now)
        number = checked_id(request.id_number)
        subject = subject_hash(number, self.id_hash_key)
        client = self._keyed("client", request.client)
        lock(session)
        self._forget_old(session, now)
        self._check_limit(session, OneTimeCode.client_hash, client, self.policy.max_per_client, "otp_client_limit", now)
        self._check_limit(session, OneTimeCode.subject_hash, subject, self.policy.max_per_id, "otp_id_limit", now)
        self._check_resend(session, subject, ACT if request.act is not None else LOGIN, now)
        phone = ids.canonical_phone(self.phones(number) or "") if self.phones is not None else None
        if phone is None:
            # Counted against the client and the ID like a code sent, so nobody can walk through ID numbers
            # to learn which have a registered phone faster than codes could be requested: kept though refused.
            session.add(self._refused_row(subject, client, request.act, now))
            raise _refuse(422, "no_registered_phone", keep_changes=True)
        phone_hash = self._keyed("phone", phone)
        self._check_limit(session, OneTimeCode.phone_hash, phone_hash, self.policy.max_per_phone, "otp_phone_limit", now)
        session.execute(
            update(OneTimeCode)
            .where(OneTimeCode.subject_hash == subject, OneTimeCode.state == "active")
            .values(state="superseded")
        )
        code = self.code_factory()
        row = self._code_row(subject, phone, phone_hash, client, request.act, code, now)
        session.add(row)
        # Written before the SMS leaves: a database that refuses the code refuses it before anyone receives it.
        # The request's transaction commits it when the route returns.
        session.flush()
        before, after = row.text_before_code, row.text_after_code
        try:
            self.gateway.send(SmsMessage(to=phone, text=before + code + after, code=code, at=now))
        except SmsDeliveryError as exc:
            # Nobody received it: it must not be usable, and it does not count against the limits. Kept, void,
            # with the earlier codes it replaced: the person asks again for a new one.
            logger.warning("SMS gateway %s did not take a code: %s", self.gateway.name, exc)
            row.state = "void"
            raise _refuse(503, "sms_unavailable", 30, keep_changes=True) from None
        metrics.otp_sent(row.purpose)
        return CodeSent(masked_phone=row.masked_phone, expires_in=self.policy.ttl_seconds)

    def _code_row(
        self, subject: str, phone: str, phone_hash: str, client: str, act: Optional[Act], code: str, now: datetime
    ) -> OneTimeCode:
        challenge_id = new_id()
        purpose = ACT if act is not None else LOGIN
        act_sha256 = act.digest() if act is not None else None
        before, after = sms_text_parts(act, self.policy)
        return OneTimeCode(
            challenge_id=challenge_id,
            subject_hash=subject,
            phone_hash=phone_hash,
            client_hash=client,
            purpose=purpose,
            act=act.model_dump(mode="json") if act is not None else None,
            act_sha256=act_sha256,
            code_hash=self.code_hash(challenge_id, purpose, act_sha256, code),
            masked_phone=ids.mask_phone(phone),
            text_before_code=before,
            text_after_code=after,
            gateway=self.gateway.name,
            created_at=now,
            expires_at=now + timedelta(seconds=self.policy.ttl_seconds),
            wrong_tries=0,
            state="active",
        )

    def _refused_row(self, subject: str, client: str, act: Optional[Act], now: datetime) -> OneTimeCode:
        """A request refused for want of a registered phone: no code, no phone; state ``used`` never verifies."""
        return OneTimeCode(
            challenge_id=new_id(), subject_hash=subject, phone_hash="", client_hash=client,
            purpose=ACT if act is not None else LOGIN, act=None, act_sha256=None, code_hash="", masked_phone="",
            text_before_code="", text_after_code="", gateway="", created_at=now, expires_at=now, wrong_tries=0,
            state="used",
        )

    # --- verifying ------------------------------------------------------------------------------------------

    def verify(self, session: Session, proof: CodeProof, now: datetime) -> IdentityAssurance:
        """The ``Verifier`` protocol: a login code typed back -> the assurance (an act code is refused here)."""
        if proof.act is not None:
            raise ValueError("an act code is confirmed with confirm_act")
        assurance, _ = self._redeem(session, proof, now)
        return assurance

    def confirm_act(self, session: Session, proof: CodeProof, now: datetime) -> ActConfirmation:
        """An act code typed back -> the act confirmation (意愿认证) with its assurance."""
        if proof.act is None:
            raise ValueError("confirm_act needs the act")
        _, confirmation = self._redeem(session, proof, now)
        if confirmation is None:  # cannot happen with an act; never hand back an unconfirmed act
            raise RuntimeError("act code redeemed without a confirmation")
        return confirmation

    def act_code_redeemer(self) -> "RedeemActCode":
        """``confirm_act`` in the form another domain calls it with (the commitment's request carrying the act
        code typed back): session, ID number, code, act, now."""

        def redeem(session: Session, id_number: str, code: str, act: Act, now: datetime) -> ActConfirmation:
            return self.confirm_act(session, CodeProof(id_number=id_number, code=code, act=act), now)

        return redeem

    def _redeem(
        self, session: Session, proof: CodeProof, now: datetime
    ) -> Tuple[IdentityAssurance, Optional[ActConfirmation]]:
        now = utc(now)
        subject = subject_hash(checked_id(proof.id_number), self.id_hash_key)
        purpose = ACT if proof.act is not None else LOGIN
        act_sha256 = proof.act.digest() if proof.act is not None else None
        entered = _normalised_code(proof.code)
        lock(session)
        row = session.scalars(_LATEST_CODE, {"subject": subject}).first()
        if row is None or row.phone_hash == "":
            raise _refuse(422, "code_not_requested")
        if row.state == "used":
            raise _refuse(422, "code_used")
        if row.state == "locked":
            raise _refuse(422, "code_locked")
        if row.state != "active":
            raise _refuse(422, "code_not_requested")
        if aware(row.expires_at) <= now:
            raise _refuse(422, "code_expired")
        # Checked against the code's own binding, in constant time, before anything else is compared.
        expected = self.code_hash(row.challenge_id, row.purpose, row.act_sha256, entered)
        matches = hmac.compare_digest(row.code_hash.encode("ascii"), expected.encode("ascii"))
        if not matches or row.purpose != purpose or row.act_sha256 != act_sha256:
            row.wrong_tries += 1
            if row.wrong_tries >= self.policy.max_wrong_tries:
                row.state = "locked"
            # The wrong try counts, and locks the code at the limit, although the answer is a refusal.
            if not matches:
                if row.state == "locked":
                    raise _refuse(422, "code_locked", keep_changes=True)
                raise _refuse(422, "code_incorrect", keep_changes=True, left=self.policy.max_wrong_tries - row.wrong_tries)
            raise _refuse(
                422, "code_purpose_mismatch" if row.purpose != purpose else "code_act_mismatch", keep_changes=True
            )
        row.state = "used"
        row.used_at = now
        assurance = IdentityAssurance(
            assurance_id=new_id(),
            method=SMS_OTP,
            level=SUBSTANTIAL,
            verified_at=now,
            verifier=row.gateway,
            subject_hash=subject,
            masked_phone=row.masked_phone,
            detail={"purpose": purpose},
        )
        confirmation = None
        if proof.act is not None and act_sha256 is not None:
            sms_text = row.text_before_code + entered + row.text_after_code
            confirmation = ActConfirmation(
                act=proof.act,
                act_sha256=act_sha256,
                sms_text_sha256=hashlib.sha256(sms_text.encode("utf-8")).hexdigest(),
                confirmed_at=now,
                assurance=assurance,
            )
        save_assurance(session, assurance, confirmation, client=row.client_hash)
        return assurance, confirmation
