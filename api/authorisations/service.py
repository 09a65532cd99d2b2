"""Special authorisations (特别授权): granting, recording from paper, listing, revoking, checking and using.

R5: a proxy may commit for someone only under a special authorisation that explicitly covers making the
commitment. Each authorisation here is a signed record that says so in words ("代为作出告知承诺"), names the
principal (授权人) and the agent (受托人), the items, and the period (at most one year). The agent proves they
hold it with its number and an 8-character secret code that the principal receives once and passes on.

- The code is stored only as an HMAC with the platform's ID-hash key, bound to the number, so neither a copy of
  the table nor a code moved to another row is worth anything. Wrong codes are counted per number; at
  ``MAX_WRONG_CODES`` the authorisation is locked for use (the principal still sees it and can revoke it).
- An unknown number and a wrong code get the same answer (``authorisation_invalid``), so the API is no oracle
  for which numbers exist or which half of a guess was wrong.
- Names and ID numbers are stored sealed (P5); people are found by the keyed hash of their ID number.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session, object_session

from api.authorisations.models import Authorisation
from api.catalogue import service as catalogue
from api.clock import aware, china_date, china_time, utc
from api.commitments import sealed
from api.errors import ApiError
from api.identity.assurance import IdentityAssurance, subject_hash
from api.identity.otp import checked_id
from api.personal_text import mask_ids
from api.signing.service import PlatformKey
from bot.core import eligibility, ids, sealing
from bot.core.canonical import canonical_json, sha256_hex
from bot.core.sealing import KeyRing

ELECTRONIC = "electronic"
PAPER = "paper"
# What every special authorisation here authorises, in the words R5 requires the letter to contain.
SCOPE = ("代为作出告知承诺",)
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: the code is read aloud and typed by hand
CODE_LENGTH = 8
NUMBER_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # base32
NUMBER_RANDOM = 6
MAX_WRONG_CODES = 5
MAX_ITEMS = 20
NAME_MAX = 60

_NUMBER = re.compile(r"SQ\d{8}-[A-Z2-7]{6}")
_ITEM_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")

MESSAGES = {
    "authorisation_invalid": "授权编号或授权码不正确，请核对授权人提供的授权编号和授权码。",
    "authorisation_locked": "这份授权的授权码输错次数过多，已暂停使用。请授权人撤销这份授权后重新授权。",
    "authorisation_expired": "这份授权已经超过授权期限，需要授权人重新授权。",
    "authorisation_revoked": "这份授权已被授权人撤销，不能再使用。",
    "authorisation_other_item": "这份授权不包括本事项，需要授权人另行授权。",
    "authorisation_other_agent": "这份授权不是授予您的，只能由被授权的受托人本人使用。",
    "authorisation_other_principal": "这份授权不是本事项申请人作出的，请核对申请人信息。",
    "authorisation_not_found": "没有找到您作出的这份授权，请核对授权编号。",
    "agent_is_principal": "受托人不能是授权人本人。本人办理的，不需要授权。",
    "invalid_name": "姓名（名称）须为一行文字，不超过 60 个字，请核对后重新填写。",
    "no_items": "请至少选择一个授权办理的事项。",
    "too_many_items": "一份授权最多包括 20 个事项。",
    "unknown_item": "清单中没有编号为 {code} 的事项，请核对事项编号。",
    "valid_until_past": "授权截止日期须晚于今天，请重新选择。",
    "valid_until_too_long": "授权期限最长为一年，截止日期最晚为 {latest}。",
    "document_date_future": "授权委托书的签署日期不能晚于今天，请核对。",
}


def refuse(error: str, status: int = 422, *, keep_changes: bool = False, **values: Any) -> ApiError:
    return ApiError(status, error, MESSAGES[error].format(**values), keep_changes=keep_changes)


# --- numbers, codes, names ------------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_number(now: datetime) -> str:
    return f"SQ{china_date(now):%Y%m%d}-" + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(NUMBER_RANDOM))


def normalise_number(value: Optional[str]) -> Optional[str]:
    """The number as stored, or None when it cannot be one (answered like an unknown number)."""
    if not isinstance(value, str):
        return None
    number = "".join(unicodedata.normalize("NFKC", value).split()).upper()
    return number if _NUMBER.fullmatch(number) else None


def normalise_code(value: Optional[str]) -> str:
    # Full-width letters from an input method, spaces and hyphens between groups, lower case: the same code.
    if not isinstance(value, str):
        return ""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", value)).upper()[:64]


def code_hmac(id_hash_key: bytes, number: str, code: str) -> str:
    """HMAC-SHA256 of the code, bound to its number. The prefix keeps these apart from the ID-number hashes the
    same key makes (``subject_hash``), whose input is an ID number and never starts like this."""
    message = f"authorisation-code\x00{number}\x00{code}".encode("utf-8")
    return hmac.new(id_hash_key, message, hashlib.sha256).hexdigest()


def checked_name(value: str) -> str:
    name = unicodedata.normalize("NFKC", value or "").strip()
    if not name or len(name) > NAME_MAX or any(not ch.isprintable() for ch in name):
        raise refuse("invalid_name")
    return name


def checked_agent_id(value: str) -> str:
    """The agent (受托人) is a natural person with a 居民身份证, like a commitment's proxy."""
    number = ids.clean_id(value or "")
    problem = ids.check_resident_id(number)
    if problem:
        raise ApiError(422, problem, "受托人身份证号：" + ids.ERROR_MESSAGES.get(problem, "校验不通过，请核对后重新填写。"))
    return number


def masked_name(name: str) -> str:
    """刘洋 -> 刘*: how a list shows the agent (P5). A principal sees whom they authorised, not their full name."""
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else "*"


def one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# --- what is granted ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grant:
    """A checked request for an authorisation, electronic or paper."""

    principal_name: str
    principal_id: str
    agent_name: str
    agent_id: str
    items: Sequence[Dict[str, str]]  # {"code", "name"} in the order given
    valid_until: date

    @property
    def item_codes(self) -> List[str]:
        return [item["code"] for item in self.items]


@dataclass(frozen=True)
class PaperEvidence:
    staff_actor: str
    document_no: str
    document_date: date
    scan_sha256: str
    scan_size: int
    scan_type: str


@dataclass(frozen=True)
class Granted:
    """What the principal (or the staff recording a paper letter) is shown once: the code is in nothing else."""

    number: str
    code: str
    kind: str
    valid_from: datetime
    valid_until: date
    item_codes: List[str]
    agent_name: str


@dataclass(frozen=True)
class AuthorisationUse:
    """What a proxy's commitment records about the authorisation it was made under."""

    number: str
    kind: str
    record_sha256: str
    valid_until: date


def checked_items(session: Session, codes: Sequence[str]) -> List[Dict[str, str]]:
    """The items, each in the catalogue and open to a proxy's commitment (R2, R5)."""
    unique: List[str] = []
    for raw in codes:
        code = (raw or "").strip().upper()
        if code and code not in unique:
            unique.append(code)
    if not unique:
        raise refuse("no_items")
    if len(unique) > MAX_ITEMS:
        raise refuse("too_many_items")
    items = []
    for code in unique:
        version = catalogue.current_version(session, code) if _ITEM_CODE.fullmatch(code) else None
        if version is None:
            raise refuse("unknown_item", code=code[:32])
        item = catalogue.as_item(version)
        decision = eligibility.decide(item, use_commitment=True, acting_as="proxy")
        if not decision.eligible:
            # The bot's own explanation, with the proofs of the normal procedure (R3).
            raise ApiError(422, str(decision.reason), eligibility.explain(decision, item))
        items.append({"code": item.code, "name": item.name})
    return items


def checked_grant(
    session: Session,
    *,
    principal_name: str,
    principal_id: str,
    agent_name: str,
    agent_id: str,
    item_codes: Sequence[str],
    valid_until: date,
    now: datetime,
    id_hash_key: bytes,
    latest_from: Optional[date] = None,
) -> Grant:
    """Every check a grant passes; ``latest_from`` is the day the one-year limit counts from (default today)."""
    principal = checked_id(principal_id)
    agent = checked_agent_id(agent_id)
    if subject_hash(principal, id_hash_key) == subject_hash(agent, id_hash_key):
        raise refuse("agent_is_principal")
    today = china_date(now)
    if valid_until <= today:
        raise refuse("valid_until_past")
    latest = one_year_after(min(latest_from or today, today))
    if valid_until > latest:
        raise refuse("valid_until_too_long", latest=f"{latest:%Y年%m月%d日}")
    return Grant(
        principal_name=checked_name(principal_name),
        principal_id=principal,
        agent_name=checked_name(agent_name),
        agent_id=agent,
        items=checked_items(session, item_codes),
        valid_until=valid_until,
    )


def statement(grant: Grant, valid_from: date) -> str:
    """The words of the authorisation. R5: it must say that it covers making the commitment."""
    names = "、".join(f"“{item['name']}”" for item in grant.items)
    return (
        f"授权人{grant.principal_name}特别授权受托人{grant.agent_name}代为作出告知承诺，办理以下事项：{names}；"
        f"授权期限自{valid_from:%Y年%m月%d日}至{grant.valid_until:%Y年%m月%d日}。"
    )


def build_payload(
    grant: Grant, *, number: str, kind: str, created_at: datetime,
    assurance: Optional[IdentityAssurance] = None, paper: Optional[PaperEvidence] = None,
) -> Dict[str, Any]:
    """The signed content of an authorisation."""
    payload: Dict[str, Any] = {
        "type": "special_authorisation",
        "number": number,
        "kind": kind,
        "principal": {
            "name": grant.principal_name,
            "id_type": ids.id_type(grant.principal_id),
            "id_number": grant.principal_id,
        },
        "agent": {"name": grant.agent_name, "id_type": "resident_id", "id_number": grant.agent_id},
        "items": [dict(item) for item in grant.items],
        "scope": list(SCOPE),
        "statement": statement(grant, china_date(created_at)),
        "valid_from": created_at.isoformat(),
        "valid_until": grant.valid_until.isoformat(),
        "created_at": created_at.isoformat(),
    }
    if assurance is not None:
        # How the principal was identified when granting it (the assurance names the ID only by its keyed hash).
        payload["principal_assurance"] = assurance.record()
    if paper is not None:
        payload["paper"] = {
            "recorded_by": paper.staff_actor,
            "inspected": True,
            "document_no": paper.document_no,
            "document_date": paper.document_date.isoformat(),
            "scan": {"sha256": paper.scan_sha256, "size": paper.scan_size, "type": paper.scan_type},
        }
    return payload


# --- sealing the signed record (P5) --------------------------------------------------------------------


def aad_for(number: str) -> bytes:
    return b"authorisation:" + number.encode("utf-8")


_PERSON_PATHS = {("principal", "name"), ("principal", "id_number"), ("agent", "name"), ("agent", "id_number")}


def _personal(payload: Dict[str, Any]) -> List[str]:
    return [payload[role][key] for role, key in _PERSON_PATHS if payload.get(role, {}).get(key)]


def seal_payload(payload: Dict[str, Any], ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """A copy with the names and ID numbers sealed, and every other string naming one of them (the statement)
    or holding an ID number sealed whole."""
    personal = _personal(payload)

    def walk(value: Any, path: tuple) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, path) for v in value]
        if not isinstance(value, str) or not value or sealing.is_sealed(value):
            return value
        if path in _PERSON_PATHS or mask_ids(value) != value or any(p in value for p in personal):
            return ring.seal(value, aad)
        return value

    return walk(payload, ())


def open_payload(stored: str, ring: KeyRing, aad: bytes) -> Dict[str, Any]:
    """The signed payload with every envelope opened. Raises ``SealingError`` when one does not open or a
    name or ID number is stored in clear (someone edited the table)."""
    value = json.loads(stored)
    for role, key in _PERSON_PATHS:
        if not sealing.is_sealed(value.get(role, {}).get(key)):
            raise sealing.SealingError("a name or ID number of an authorisation is stored in clear")
    return sealed.open_all(value, ring, aad)


def payload_of(row: Authorisation, ring: Optional[KeyRing] = None) -> Dict[str, Any]:
    return open_payload(row.canonical, ring or sealed.ring_of(object_session(row)), aad_for(row.number))


def verify_record(row: Authorisation, key: PlatformKey) -> bool:
    """Whether the stored record still is what the platform signed: digest and Ed25519 signature."""
    data = canonical_json(payload_of(row))
    return hmac.compare_digest(sha256_hex(data), row.record_sha256) and key.verify_as(row.key_id, data, row.signature)


# --- storing --------------------------------------------------------------------------------------------


def _unused_number(session: Session, now: datetime) -> str:
    for _ in range(8):
        number = new_number(now)
        if session.scalar(select(Authorisation.id).where(Authorisation.number == number)) is None:
            return number
    raise RuntimeError("no free authorisation number after 8 draws")  # 32^6 per day: practically never


def store(
    session: Session, grant: Grant, *, kind: str, key: PlatformKey, id_hash_key: bytes, now: datetime,
    assurance: Optional[IdentityAssurance] = None, paper: Optional[PaperEvidence] = None,
) -> Granted:
    """Sign and add the authorisation to the caller's transaction (the caller commits)."""
    created_at = china_time(now).replace(microsecond=0)
    number = _unused_number(session, created_at)
    code = new_code()
    payload = build_payload(grant, number=number, kind=kind, created_at=created_at, assurance=assurance, paper=paper)
    data = canonical_json(payload)
    ring = sealed.ring_of(session)
    row = Authorisation(
        number=number,
        code_hmac=code_hmac(id_hash_key, number, code),
        kind=kind,
        principal_hash=subject_hash(grant.principal_id, id_hash_key),
        principal_name=grant.principal_name,
        principal_id=grant.principal_id,
        agent_hash=subject_hash(grant.agent_id, id_hash_key),
        agent_name=grant.agent_name,
        agent_id=grant.agent_id,
        item_codes=grant.item_codes,
        scope=list(SCOPE),
        valid_from=utc(created_at),
        valid_until=grant.valid_until,
        created_at=utc(created_at),
        principal_assurance_id=assurance.assurance_id if assurance is not None else None,
        staff_actor=paper.staff_actor if paper is not None else None,
        document_no=paper.document_no if paper is not None else None,
        document_date=paper.document_date if paper is not None else None,
        scan_sha256=paper.scan_sha256 if paper is not None else None,
        scan_size=paper.scan_size if paper is not None else None,
        scan_type=paper.scan_type if paper is not None else None,
        canonical=canonical_json(seal_payload(payload, ring, aad_for(number))).decode("utf-8"),
        record_sha256=sha256_hex(data),
        signature=key.sign(data),
        key_id=key.key_id,
        sm2_signature=key.sign_sm2(data),
        sm2_key_id=key.sm2_key_id,
        wrong_tries=0,
    )
    session.add(row)
    session.flush()
    return Granted(
        number=number, code=code, kind=kind, valid_from=created_at, valid_until=grant.valid_until,
        item_codes=grant.item_codes, agent_name=grant.agent_name,
    )


# --- the principal's own --------------------------------------------------------------------------------


def status_of(row: Authorisation, now: datetime) -> str:
    if row.revoked_at is not None:
        return "revoked"
    if china_date(now) > row.valid_until:
        return "expired"
    if row.locked_at is not None or row.wrong_tries >= MAX_WRONG_CODES:
        return "locked"
    return "active"


def granted_by(session: Session, principal_id: str, id_hash_key: bytes) -> List[Authorisation]:
    principal = subject_hash(checked_id(principal_id), id_hash_key)
    return list(
        session.scalars(
            select(Authorisation)
            .where(Authorisation.principal_hash == principal)
            .order_by(Authorisation.created_at.desc(), Authorisation.id.desc())
        )
    )


def revoke(session: Session, *, principal_id: str, number: str, now: datetime, id_hash_key: bytes) -> Authorisation:
    """Revoke one of the principal's own authorisations; another's, or an unknown number, is not found (404)."""
    principal = subject_hash(checked_id(principal_id), id_hash_key)
    normalised = normalise_number(number)
    row = None
    if normalised is not None:
        row = session.scalars(
            select(Authorisation).where(Authorisation.number == normalised, Authorisation.principal_hash == principal)
        ).first()
    if row is None:
        raise refuse("authorisation_not_found", 404)
    if row.revoked_at is None:
        row.revoked_at = utc(now)
        session.flush()
    return row


# --- using one ------------------------------------------------------------------------------------------

# Compared against when the number is unknown, so that answer costs what a wrong code costs.
_NO_SUCH_NUMBER = "SQ00000000-AAAAAA"


def _count_wrong_code(session: Session, row: Authorisation, now: datetime) -> None:
    # One statement: concurrent wrong tries are all counted, and the one that reaches the limit locks.
    session.execute(
        update(Authorisation)
        .where(Authorisation.id == row.id)
        .values(
            wrong_tries=Authorisation.wrong_tries + 1,
            locked_at=case(
                (Authorisation.wrong_tries + 1 >= MAX_WRONG_CODES, func.coalesce(Authorisation.locked_at, utc(now))),
                else_=Authorisation.locked_at,
            ),
        )
        .execution_options(synchronize_session=False)
    )
    session.expire(row, ["wrong_tries", "locked_at"])


def verified(
    session: Session,
    *,
    number: str,
    code: str,
    principal_id: str,
    agent_id: str,
    item_code: str,
    now: datetime,
    id_hash_key: bytes,
) -> Authorisation:
    """The authorisation if ``code`` opens ``number`` and it lets this agent commit for this principal on this
    item today; refuses otherwise (422, the codes in ``MESSAGES``). A wrong code is counted in ``session`` and
    its refusal keeps that count (``ApiError.keep_changes``), so the transaction's owner commits it."""
    normalised = normalise_number(number)
    code = normalise_code(code)
    row = None
    if normalised is not None:
        row = session.scalars(select(Authorisation).where(Authorisation.number == normalised)).first()
    if row is None:
        hmac.compare_digest(code_hmac(id_hash_key, _NO_SUCH_NUMBER, code), "0" * 64)
        raise refuse("authorisation_invalid")
    if row.locked_at is not None or row.wrong_tries >= MAX_WRONG_CODES:
        raise refuse("authorisation_locked")
    if not hmac.compare_digest(code_hmac(id_hash_key, row.number, code), row.code_hmac):
        _count_wrong_code(session, row, now)
        # Refused, but the wrong code counts (and locks at the limit), whichever endpoint it was tried through.
        raise refuse("authorisation_invalid", keep_changes=True)
    if row.revoked_at is not None:
        raise refuse("authorisation_revoked")
    if china_date(now) > row.valid_until or utc(now) < aware(row.valid_from):
        raise refuse("authorisation_expired")
    if subject_hash(principal_id or "", id_hash_key) != row.principal_hash:
        raise refuse("authorisation_other_principal")
    if subject_hash(agent_id or "", id_hash_key) != row.agent_hash:
        raise refuse("authorisation_other_agent")
    if (item_code or "").strip().upper() not in row.item_codes:
        raise refuse("authorisation_other_item")
    return row


def use_for_commitment(session: Session, **checked: Any) -> AuthorisationUse:
    """The authorisation a proxy's commitment is made under, checked like ``POST .../check`` (raises ApiError):
    ``checked`` are ``verified``'s keywords (number, code, principal_id, agent_id, item_code, now, id_hash_key).

    It does not commit ``session``. A wrong code is counted in ``session`` (``wrong_tries``) and its refusal
    keeps its changes: the transaction's owner (``api.database.transaction``) commits the count before passing
    the refusal on, or guessing through the commitment endpoint would escape the lock."""
    row = verified(session, **checked)
    return AuthorisationUse(number=row.number, kind=row.kind, record_sha256=row.record_sha256, valid_until=row.valid_until)
