"""The one check every personal or binding request passes: is the person acting verified, here and now?

Other domains never look at codes, tokens or attestations themselves. They hold an ``assurance_id`` (what a
verifier returned) and ask the gate whether it vouches for this ID number, in this conversation, recently
enough; for a signature they also ask whether an act confirmation (意愿认证) confirmed exactly this act. The
gate answers from the API's own table of assurances (``identity_assurances``), never from what the caller says
about them, and refuses in Chinese with a stable code:

- ``identity_required`` (401): no assurance, an unknown id, or one made in another conversation;
- ``identity_expired`` (401): older than ``identity_session_seconds``;
- ``identity_mismatch`` (403): the assurance is for another ID number;
- ``act_confirmation_required`` / ``act_confirmation_mismatch`` / ``act_confirmation_stale`` (422) for acts.

A login assurance never stands in for an act confirmation, and an act confirmation is not a login: each is
asked for by what it is (``detail.purpose`` and the stored act).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, Optional, Tuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from api.clock import aware, utc
from api.errors import ApiError
from api.identity.assurance import (HOTLINE_ATTESTATION, SUBSTANTIAL, Act, ActConfirmation, IdentityAssurance,
                                    level_at_least, subject_hash)
from api.identity.models import AssuranceRecord
from api.identity.otp import checked_id
from api.identity.store import client_hash, conversation_client

MESSAGES = {
    "identity_required": "请先核验身份：我们会向该证件号码登记的实名手机号码发送验证码，输入验证码后才能继续。",
    "identity_expired": "身份核验已经超过有效时间，请重新获取验证码核验身份。",
    "identity_mismatch": "身份核验的结果与所填的证件号码不一致，请重新核验身份。",
    "identity_level": "这项操作需要更可靠的身份核验方式（短信验证码、统一身份认证或热线工作人员回拨核验）。",
    "act_confirmation_required": "签署承诺前，需要输入发送到实名手机号码的确认验证码。",
    "act_confirmation_mismatch": "确认验证码确认的不是这一份承诺，请重新获取确认验证码。",
    "act_confirmation_stale": "确认验证码已经超过有效时间，请重新获取确认验证码。",
}


# Every journey step that touches personal data asks the gate, so its queries are built once: a statement built
# for each call costs SQLAlchemy more (construction and its cache key) than running it.
_BY_ASSURANCE_ID = select(AssuranceRecord).where(AssuranceRecord.assurance_id == bindparam("assurance_id"))
_CURRENT_LOGINS = (
    select(AssuranceRecord)
    .where(
        AssuranceRecord.client_hash == bindparam("client_hash"),
        AssuranceRecord.subject_hash == bindparam("subject_hash"),
        AssuranceRecord.act_sha256.is_(None),
        AssuranceRecord.verified_at >= bindparam("since"),
    )
    .order_by(AssuranceRecord.verified_at.desc(), AssuranceRecord.id.desc())
)


def refuse(code: str, status: int) -> ApiError:
    return ApiError(status, code, MESSAGES[code])


def to_assurance(row: AssuranceRecord) -> IdentityAssurance:
    return IdentityAssurance(
        assurance_id=row.assurance_id, method=row.method, level=row.level, verified_at=aware(row.verified_at),
        verifier=row.verifier, subject_hash=row.subject_hash, masked_phone=row.masked_phone,
        external_subject=row.external_subject, detail=dict(row.detail or {}),
    )


def to_confirmation(row: AssuranceRecord) -> ActConfirmation:
    return ActConfirmation(
        act=Act(**row.act), act_sha256=row.act_sha256, sms_text_sha256=row.sms_text_sha256,
        confirmed_at=aware(row.verified_at), assurance=to_assurance(row),
    )


@dataclass(frozen=True)
class IdentityGate:
    """``key`` is the identity module's key (the one-time-code key), which the conversation hashes use."""

    key: bytes
    id_hash_key: bytes
    session_seconds: int = 1800
    act_seconds: int = 600
    minimum_level: str = SUBSTANTIAL
    # The subject hash of each ID number this gate has already checked and hashed. A gate serves one request
    # (``api.identity.deps``), and a commitment asks it about the same signer twice (the login, the act);
    # checking and normalising the number is most of what ``_subject`` costs. Only numbers that passed the
    # check are kept, so a malformed one is refused every time.
    _subjects: Dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    def conversation_hash(self, conversation: str) -> str:
        return client_hash(self.key, conversation_client(conversation))

    def _subject(self, id_number: str) -> str:
        known = self._subjects.get(id_number)
        if known is not None:
            return known
        try:
            subject = subject_hash(checked_id(id_number), self.id_hash_key)
        except ApiError:
            raise refuse("identity_mismatch", 403) from None
        self._subjects[id_number] = subject
        return subject

    def _row(self, session: Session, assurance_id: Optional[str]) -> Optional[AssuranceRecord]:
        if not assurance_id or not isinstance(assurance_id, str) or len(assurance_id) > 64:
            return None
        return session.scalars(_BY_ASSURANCE_ID, {"assurance_id": assurance_id}).first()

    def _check_conversation(self, row: AssuranceRecord, conversation: Optional[str]) -> None:
        # An assurance made in a conversation vouches there only. One made with no conversation (a staff
        # attestation outside a session) binds none, and is accepted where no conversation is named.
        if conversation is not None and row.client_hash is not None:
            if row.client_hash != self.conversation_hash(conversation):
                raise refuse("identity_required", 401)
        elif conversation is not None and row.client_hash is None and row.method != HOTLINE_ATTESTATION:
            raise refuse("identity_required", 401)

    def require(
        self, session: Session, assurance_id: Optional[str], id_number: str, now: datetime,
        *, conversation: Optional[str] = None,
    ) -> IdentityAssurance:
        """The login assurance ``assurance_id`` if it vouches for ``id_number`` (in ``conversation``) now."""
        row = self._row(session, assurance_id)
        if row is None or row.act is not None:
            raise refuse("identity_required", 401)
        self._check_conversation(row, conversation)
        if aware(row.verified_at) + timedelta(seconds=self.session_seconds) < utc(now):
            raise refuse("identity_expired", 401)
        if row.subject_hash != self._subject(id_number):
            raise refuse("identity_mismatch", 403)
        if not level_at_least(row.level, self.minimum_level):
            raise refuse("identity_level", 403)
        return to_assurance(row)

    def current(self, session: Session, conversation: str, id_number: str, now: datetime) -> Optional[IdentityAssurance]:
        """The latest login assurance for ``id_number`` made in ``conversation`` that still vouches, if any
        (a staff attestation or a single sign-on made there; a code typed in the chat returns its own)."""
        since = utc(now) - timedelta(seconds=self.session_seconds)
        rows = session.scalars(
            _CURRENT_LOGINS,
            {
                "client_hash": self.conversation_hash(conversation),
                "subject_hash": self._subject(id_number),
                "since": since,
            },
        ).all()
        for row in rows:
            if level_at_least(row.level, self.minimum_level):
                return to_assurance(row)
        return None

    def act(
        self, session: Session, confirmation_id: Optional[str], id_number: str, act: Act, now: datetime,
        *, conversation: Optional[str] = None, not_before: Optional[datetime] = None,
    ) -> ActConfirmation:
        """The act confirmation ``confirmation_id`` if it confirmed exactly ``act`` for ``id_number``, recently,
        and (with ``not_before``) no earlier than the words it confirms."""
        row = self._row(session, confirmation_id)
        if row is None or row.act is None or row.act_sha256 is None:
            raise refuse("act_confirmation_required", 422)
        self._check_conversation(row, conversation)
        if row.subject_hash != self._subject(id_number):
            raise refuse("identity_mismatch", 403)
        if row.act_sha256 != act.digest():
            raise refuse("act_confirmation_mismatch", 422)
        confirmed = aware(row.verified_at)
        if confirmed + timedelta(seconds=self.act_seconds) < utc(now):
            raise refuse("act_confirmation_stale", 422)
        if not_before is not None and confirmed < utc(not_before):
            raise refuse("act_confirmation_stale", 422)
        return to_confirmation(row)


def statement_act(item_name: str, item_code: str, statement: str) -> Tuple[Act, str]:
    """The act a commitment's statement is confirmed as, and the statement's SHA-256 it names."""
    digest = hashlib.sha256(statement.encode("utf-8")).hexdigest()
    return Act(item_name=item_name, item_code=item_code, statement_sha256=digest), digest
