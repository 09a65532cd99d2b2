"""Taking a commitment: check everything again server-side, sign it, append it to the chain (R4-R9, P2-P4).

The channel has already run the journey, but the backend trusts none of it: every rule is re-checked here with
the same ``bot.core`` implementation the action server uses, so a forged or buggy client cannot store a
commitment the rules forbid.

Nor is the name and ID number typed into the chat enough to sign: the signer (the applicant, an enterprise
through its 统一社会信用代码, or the authorised agent) must hold a login assurance of the identity module made in
this conversation, and on every channel but the hotline an act confirmation (意愿认证): a code sent to their 实名
phone in a message naming this exact statement, typed back after the affirmation. On the hotline the staff
member's attestation of the caller's identity stands for the login, and the read-aloud ticks with the attested
oral commitment are the will. A proxy needs the special authorisation the platform holds
(``api.authorisations``), not only its number. The signed record names all of it (``identity``,
``proxy.authorisation``).
"""
from __future__ import annotations

import base64
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session, sessionmaker

from api.catalogue import service as catalogue
from api.clock import CHINA_TIME, aware, china_iso
from api.catalogue.models import ItemVersion
from api.commitments import evidence as channel_evidence
from api.commitments import lifecycle, sealed
from api.commitments.models import GENESIS_HASH, Commitment
from api.commitments.schemas import (
    ChainProblem,
    ChainVerification,
    CommitmentReceipt,
    CommitmentRequest,
    CommitmentVerification,
    IdentitySummary,
    Integrity,
    Signer,
    StatusStep,
    VerificationChecks,
)
from api.credit import service as credit
from api.database import chain_append, transaction
from api.errors import ApiError
from api.signing import gm
from api.signing.service import ALGORITHM, PlatformKey
from api.hotline import evidence as hotline_evidence
from api.identity.assurance import HOTLINE_ATTESTATION, ActConfirmation, IdentityAssurance
from api.identity.gate import IdentityGate, statement_act
from api.identity.otp import RedeemActCode
from api.verification import service as verification
from api.verification.shared_data import load_adapter
from bot.core import affirmation, eligibility, ids
from bot.core import assisted as assisted_rules
from bot.core.canonical import canonical_json, sha256_hex
from bot.core.catalogue import Item
from bot.core.conversation import key as conversation_key
from bot.core import sealing
from bot.core.sealing import KeyRing
from bot.core.textnorm import name_key

log = logging.getLogger(__name__)

# Evidence timestamps come from the channel's clock; allow it to run a little ahead of ours.
CLOCK_SKEW = timedelta(minutes=5)

# The lookups every commitment makes, built once. A statement built anew for each call costs SQLAlchemy more
# (construction and its cache key) than running it; a module-level one keeps its cache key, and the values
# travel as bound parameters exactly as they did inside the expressions.
_BY_IDEMPOTENCY_KEY = select(Commitment).where(Commitment.idempotency_key == bindparam("key"))
_BY_AFFIRMATION_MESSAGE = (
    select(Commitment.id).where(Commitment.affirmation_message_id == bindparam("message_id")).limit(1)
)
_BY_ACT_CONFIRMATION = (
    select(Commitment.id).where(Commitment.act_confirmation_id == bindparam("confirmation_id")).limit(1)
)
_CHAIN_HEAD = (
    select(Commitment.seq, Commitment.record_hash, Commitment.sm3_hash).order_by(Commitment.seq.desc()).limit(1)
)
_LAST_NUMBER = {
    column.key: select(func.max(column)).where(column.like(bindparam("pattern")))
    for column in (Commitment.commitment_no, Commitment.decision_no)
}


def _iso(value: datetime) -> str:
    return value.isoformat()


_aware = aware  # SQLite hands back naive datetimes; everything is written in UTC


@dataclass(frozen=True)
class Prepared:
    """A request that passed every check, with what the signed record needs."""

    shown: ItemVersion
    item_name: str
    kind: str
    covers: List[str]
    applicant_id: str
    applicant_id_type: str
    phone: str
    acting_as: str
    applicant_kind: str  # person | enterprise
    representative: Optional[str]  # 法定代表人 committing for an enterprise that acts for itself
    evidence: channel_evidence.Checked  # the channels' signed envelopes, verified
    signer_id: str  # whose identity signs: the applicant's (person or enterprise) or the agent's
    assurance: Optional[IdentityAssurance] = None  # the signer's login assurance in this conversation
    confirmation: Optional[ActConfirmation] = None  # the act code that confirmed this statement (not hotline)
    shown_item: Optional[Item] = None  # ``shown`` read as an Item once, for the verification task too


# --- checks -------------------------------------------------------------------------------------------


def _check_evidence(request: CommitmentRequest, shown_sections: int, now: datetime) -> None:
    evidence = request.evidence
    sent = evidence.notice_sections_sent_at
    # R6/R7, contract rule 1: the whole notification, every section, before the affirmation.
    if len(sent) != shown_sections:
        raise ApiError(
            422,
            "notice_incomplete",
            f"告知书共 {shown_sections} 部分，记录显示送达了 {len(sent)} 部分；须完整告知后才能承诺。",
        )
    moments = list(sent) + [evidence.notice_ack_at, evidence.affirmation_at]
    if any(later < earlier for earlier, later in zip(moments, moments[1:])):
        raise ApiError(
            422, "evidence_out_of_order", "告知、确认已阅读和承诺的时间顺序不正确：须先逐部分告知，再确认已阅读，最后承诺。"
        )
    if evidence.affirmation_at > now + CLOCK_SKEW:
        raise ApiError(422, "evidence_out_of_order", "承诺时间晚于服务器当前时间，请核对渠道时钟。")


def _check_assisted(session: Session, request: CommitmentRequest, shown_sections: int) -> None:
    """A hotline commitment (staff typing for a caller) carries the assisted evidence - every section
    read aloud (R6), the attestation of the spoken commitment (R7), staff and call - and only it does. The
    session record the API itself kept (api/hotline) must agree with it: the channel's word is not enough."""
    assisted = request.evidence.assisted
    if request.channel != assisted_rules.CHANNEL:
        if assisted is not None:
            raise ApiError(422, "assisted_channel_mismatch", "只有电话办理（hotline）的承诺才附有工作人员宣读记录。")
        return
    if assisted is None:
        raise ApiError(
            422, "assisted_evidence_required", "电话办理的承诺须附告知书逐部分宣读记录、来电信息和工作人员的如实记录确认。"
        )
    evidence = request.evidence
    problem = assisted_rules.evidence_problem(
        assisted.model_dump(mode="json"),
        total_sections=shown_sections,
        notice_version=request.notice_version,
        sections_sent_at=[t.isoformat() for t in evidence.notice_sections_sent_at],
    )
    if problem:
        raise ApiError(422, problem, assisted_rules.PROBLEM_TEXT[problem])
    last_tick = max(t.at for t in assisted.read_aloud)
    if last_tick > evidence.affirmation_at + CLOCK_SKEW or abs(assisted.attested_at - evidence.affirmation_at) > CLOCK_SKEW:
        raise ApiError(
            422, "evidence_out_of_order", "宣读、确认和承诺的时间顺序不正确：须先逐部分宣读告知书，再记录来电人的承诺。"
        )
    hotline_evidence.check_against_session(session, request.sender_id, assisted)


# not_eligible reasons (conversation contract) -> HTTP status and error code.
_REFUSALS = {
    "excluded": (422, "excluded"),
    "proxy_not_allowed": (422, "proxy_not_allowed"),
    "credit": (403, "credit_blocked"),
}


def _refuse_unless_eligible(decision: eligibility.Decision, item: Item) -> None:
    if decision.eligible:
        return
    status, error = _REFUSALS.get(str(decision.reason), (422, str(decision.reason)))
    # The explanation the bot gives, with the proofs of the normal procedure (R3).
    raise ApiError(status, error, eligibility.explain(decision, item))


def _check_phone(session: Session, id_hash_key: bytes, adapter_name: str, request: CommitmentRequest, phone: str) -> None:
    """The phone must be the real-name (实名) mobile number the data-sharing platform holds for the applicant or
    the proxy acting for them, where it holds one; a deployment adapter without ``registered_phone`` checks none."""
    adapter = load_adapter(adapter_name, session=session, id_hash_key=id_hash_key)
    lookup = getattr(adapter, "registered_phone", None)
    if lookup is None:
        return
    people = [request.applicant.id_number] + ([request.proxy.id_number] if request.proxy is not None else [])
    registered = [ids.canonical_phone(lookup(credit.normalise_id(number)) or "") for number in people]
    if channel_evidence.registered_phone_problem(phone, registered):
        raise channel_evidence.refusal("phone_mismatch")


def _check_not_replayed(session: Session, checked: channel_evidence.Checked) -> None:
    used = session.scalar(_BY_AFFIRMATION_MESSAGE, {"message_id": checked.affirmation_message_id})
    if used is not None:
        raise channel_evidence.refusal("evidence_replayed")


IDENTITY_MESSAGES = {
    "hotline_attestation_required": "电话办理的承诺，须由接听电话的工作人员先核验来电人的身份（如回拨实名登记手机号码），"
    "再记录承诺。",
    "act_confirmation_used": "这个确认验证码已经用于另一份承诺，不能重复使用。请重新获取确认验证码。",
    "authorisation_required": "代为承诺须提供申请人在平台办理的特别授权（授权编号和授权码）；"
    "只填写授权委托书编号不能代为承诺。",
}


def identity_refusal(code: str, status: int = 422) -> ApiError:
    return ApiError(status, code, IDENTITY_MESSAGES[code])


def _check_signer(
    session: Session, gate: IdentityGate, request: CommitmentRequest, signer_id: str, now: datetime
) -> IdentityAssurance:
    """The signer's login assurance, made in this conversation, for exactly this ID; the gate's refusals
    (401 identity_required / identity_expired, 403 identity_mismatch / identity_level) pass through."""
    given = request.identity
    assurance = gate.require(
        session, given.assurance_id if given is not None else None, signer_id, now,
        conversation=conversation_key(request.channel, request.sender_id),
    )
    if request.channel == assisted_rules.CHANNEL and assurance.method != HOTLINE_ATTESTATION:
        # On the phone nobody types a code: the staff member on the line attests who the caller is, and is
        # accountable for it.
        raise identity_refusal("hotline_attestation_required", 403)
    return assurance


def _check_attesting_staff(request: CommitmentRequest, assurance: IdentityAssurance) -> None:
    """On the hotline, the attestation must be the one of the staff member who read the notice aloud and took
    the commitment (whose name the assisted evidence, already checked against the session, gives)."""
    assisted = request.evidence.assisted
    if request.channel == assisted_rules.CHANNEL and assisted is not None:
        if assurance.verifier != f"staff:{assisted.staff_id}":
            raise identity_refusal("hotline_attestation_required", 403)


def _check_act(
    session: Session,
    gate: IdentityGate,
    request: CommitmentRequest,
    signer_id: str,
    item_name: str,
    item_code: str,
    now: datetime,
    redeem: Optional[RedeemActCode] = None,
) -> Optional[ActConfirmation]:
    """The act confirmation of exactly this statement, by the signer, in this conversation, confirmed after the
    affirmation and recently (the gate's codes), and not yet used by another commitment. None on the hotline.
    ``redeem``: how an act code sent with the request is confirmed (``api.identity.deps.act_code_redeemer``)."""
    if request.channel == assisted_rules.CHANNEL:
        return None
    given = request.identity
    act, _ = statement_act(item_name, item_code, request.evidence.statement)
    confirmation_id = given.act_confirmation_id if given is not None else None
    if confirmation_id is None and given is not None and given.act_code is not None and redeem is not None:
        # The code typed back comes with the commitment: redeemed here, in the checks' own transaction (a wrong
        # try is kept with its refusal, as the verify endpoint keeps it), and its confirmation then meets every
        # check below exactly as one confirmed in a call of its own. A retry of a stored request never gets
        # here (``_existing`` answers it first), so a code spent on it is never asked for twice.
        confirmation_id = redeem(session, signer_id, given.act_code, act, now).assurance.assurance_id
    confirmation = gate.act(
        session,
        confirmation_id,
        signer_id,
        act,
        now,
        conversation=conversation_key(request.channel, request.sender_id),
        not_before=request.evidence.affirmation_at,
    )
    _check_act_not_used(session, confirmation.assurance.assurance_id)
    return confirmation


def _check_act_not_used(session: Session, confirmation_id: Optional[str]) -> None:
    if confirmation_id is None:
        return
    used = session.scalar(_BY_ACT_CONFIRMATION, {"confirmation_id": confirmation_id})
    if used is not None:
        raise identity_refusal("act_confirmation_used")


def _use_authorisation(
    session: Session,
    request: CommitmentRequest,
    *,
    applicant_id: str,
    agent_id: str,
    item_code: str,
    id_hash_key: bytes,
    now: datetime,
) -> Optional[Any]:
    """The special authorisation the platform holds for this agent, principal and item (None for no proxy);
    ``api.authorisations`` checks it and refuses with its own codes (``ApiError``)."""
    proxy = request.proxy
    if proxy is None:
        return None
    if proxy.authorisation is None:
        raise identity_refusal("authorisation_required")
    from api.authorisations import service as authorisations

    return authorisations.use_for_commitment(
        session,
        number=proxy.authorisation.number,
        code=proxy.authorisation.code,
        principal_id=applicant_id,
        agent_id=agent_id,
        item_code=item_code,
        now=now,
        id_hash_key=id_hash_key,
    )


def prepare(
    session: Session,
    id_hash_key: bytes,
    request: CommitmentRequest,
    policy: channel_evidence.Policy,
    shared_data_adapter: str,
    gate: IdentityGate,
    redeem: Optional[RedeemActCode] = None,
) -> Prepared:
    """Every server-side check, in the order the journey meets them. Raises ``ApiError``."""
    current = catalogue.current_version(session, request.item_code)
    if current is None:
        raise ApiError(404, "unknown_item", f"清单中没有编号为 {request.item_code} 的事项。")
    item = catalogue.as_item(current)
    # R2: a high-risk item never allows commitment; refused before anything personal is looked at.
    _refuse_unless_eligible(eligibility.decide(item, use_commitment=True), item)
    shown = catalogue.version_by_notice(session, request.item_code, request.notice_version)
    if shown is None:
        # P2: a commitment is bound to a notification text the platform actually published.
        raise ApiError(409, "unknown_notice_version", "所承诺的告知书版本不存在，请重新获取告知书后再承诺。")
    # Usually the version shown is the current one: read once (parsing a stored item is not free).
    shown_item = item if shown.id == current.id else catalogue.as_item(shown)

    applicant_id = credit.normalise_id(request.applicant.id_number)
    problem = credit.id_problem(applicant_id)
    if problem:
        raise ApiError(422, problem, "申请人证件号码：" + credit.id_problem_message(problem))
    applicant_id_type = ids.id_type(applicant_id)
    if item.kind == "license" and applicant_id_type != "uscc":
        # 涉企经营许可: the applicant is a market entity, identified by its 统一社会信用代码.
        raise ApiError(422, "uscc_required", "涉企经营许可事项的申请人须为市场主体，请填写统一社会信用代码。")
    phone = ids.canonical_phone(request.phone)
    if phone is None:
        raise ApiError(422, "invalid_phone", ids.ERROR_MESSAGES["invalid_phone"])

    acting_as = "proxy" if request.proxy is not None else "self"
    if request.proxy is not None:
        proxy_problem = ids.check_resident_id(request.proxy.id_number)
        if proxy_problem:
            # The proxy (代为承诺人) is a natural person with a 居民身份证.
            raise ApiError(422, proxy_problem, "代为承诺人身份证号：" + credit.id_problem_message(proxy_problem))
    applicant_kind = "enterprise" if applicant_id_type == "uscc" else "person"
    representative = _representative(request, applicant_kind)

    now = datetime.now(timezone.utc)
    # Before anything the platform holds about the person is consulted (credit, registered phone): the one
    # signing must have proved, in this conversation, that they are who the ID number says.
    signer_id = credit.normalise_id(request.proxy.id_number) if request.proxy is not None else applicant_id
    assurance = _check_signer(session, gate, request, signer_id, now)

    credit_status = credit.check(session, id_hash_key, applicant_id).status
    # R4 credit and R5 proxy rules: the same decision the journey made, made again on what was submitted.
    _refuse_unless_eligible(
        eligibility.decide(item, use_commitment=True, acting_as=acting_as, credit=credit_status), item
    )
    if request.proxy is not None and not request.proxy.special_authorization:
        # R5: the authorisation must explicitly cover making the commitment (特别授权).
        raise ApiError(
            422, "special_authorization_required", "代为承诺须取得申请人的特别授权，授权委托书须明确载明代为作出告知承诺。"
        )
    if request.proxy is not None and request.proxy.authorisation is None:
        raise identity_refusal("authorisation_required")

    _check_evidence(request, len(shown_item.notice), now)
    _check_assisted(session, request, len(shown_item.notice))
    _check_attesting_staff(request, assurance)
    assisted = request.evidence.assisted
    # P2: what the channels signed, not what the action server says; then the phone and the replay, which need
    # data only the platform holds.
    checked = channel_evidence.check(
        request,
        shown=shown,
        shown_item=shown_item,
        policy=policy,
        now=now,
        read_aloud=[t.at for t in assisted.read_aloud] if assisted is not None else (),
    )
    _check_phone(session, id_hash_key, shared_data_adapter, request, phone)
    _check_not_replayed(session, checked)

    # R7 / 五(四): the statement shown must be the platform's statement for this item and these people,
    # so a client cannot have someone "affirm" a weaker or different text.
    agent_name = request.proxy.name if request.proxy is not None else None
    expected_statement = affirmation.statement(
        shown_item.name,
        acting_as,
        request.applicant.name,
        agent_name,
        representative=representative,
        applicant_kind=applicant_kind,
    )
    if request.evidence.statement != expected_statement:
        raise ApiError(422, "statement_mismatch", "承诺书文字与本事项的告知承诺书不一致，请重新获取承诺书后再承诺。")
    # R7: an explicit affirmation by the applicant or the authorised proxy; one classifier for bot and backend.
    verdict = affirmation.classify(
        request.evidence.affirmation_text,
        acting_as=acting_as,
        applicant_name=request.applicant.name,
        statement=expected_statement,
        applicant_kind=applicant_kind,
        representative=representative,
        agent_name=agent_name,
    )
    if verdict.kind != "explicit":
        raise ApiError(
            422,
            "affirmation_not_explicit",
            f"承诺须由{'代为承诺人' if acting_as == 'proxy' else '法定代表人' if representative else '申请人本人'}"
            f"明确作出：{verdict.explanation}",
        )
    # 意愿认证: the signer confirmed exactly this statement with a code sent to their 实名 phone.
    confirmation = _check_act(session, gate, request, signer_id, shown_item.name, shown.item_code, now, redeem)
    # A wrong authorisation code is counted (and locks the authorisation at its limit) even though the
    # commitment is refused: its refusal keeps that count (``keep_changes``), so guessing through this endpoint
    # meets the same lock.
    _use_authorisation(
        session, request, applicant_id=applicant_id, agent_id=signer_id, item_code=shown.item_code,
        id_hash_key=id_hash_key, now=now,
    )

    return Prepared(
        shown=shown,
        item_name=shown_item.name,
        kind=shown_item.kind,
        covers=shown_item.covers,
        applicant_id=applicant_id,
        applicant_id_type=applicant_id_type,
        phone=phone,
        acting_as=acting_as,
        applicant_kind=applicant_kind,
        representative=representative,
        evidence=checked,
        signer_id=signer_id,
        assurance=assurance,
        confirmation=confirmation,
        shown_item=shown_item,
    )


def _representative(request: CommitmentRequest, applicant_kind: str) -> Optional[str]:
    """The 法定代表人 who commits for an enterprise acting for itself; ``None`` for a person or a proxy.

    An enterprise's commitment is a legal act of a natural person; without a proxy that person is the legal
    representative, and the signed record must name them (a letter saying "本人<公司名>承诺" names nobody)."""
    given = request.representative
    if given is None:
        if applicant_kind == "enterprise" and request.proxy is None:
            raise ApiError(
                422,
                "representative_required",
                "企业以自身名义承诺的，须写明作出承诺的法定代表人姓名；由他人代办的，须提供经特别授权的经办人信息。",
            )
        return None
    if applicant_kind != "enterprise":
        raise ApiError(
            422, "representative_not_applicable", "申请人是个人，由本人承诺，不填写法定代表人；代他人办理的，请提供代为承诺人信息。"
        )
    if request.proxy is not None:
        # One person acts: the proxy under special authorisation, or the legal representative, never both.
        raise ApiError(
            422, "representative_with_proxy", "由经办人代为承诺的，承诺人是经办人，不另填法定代表人；请只提供其中一方。"
        )
    if name_key(given.name) == name_key(request.applicant.name):
        raise ApiError(422, "representative_is_applicant", "法定代表人须填写自然人的姓名，不能填写企业名称。")
    return given.name


# --- the signed record ----------------------------------------------------------------------------------


def _next_number(session: Session, column, prefix: str) -> str:
    last = session.scalar(_LAST_NUMBER[column.key], {"pattern": prefix + "%"})
    return f"{prefix}{(int(last[len(prefix):]) + 1 if last else 1):06d}"


def build_payload(
    request: CommitmentRequest,
    prepared: Prepared,
    *,
    commitment_no: str,
    decision_no: Optional[str],
    created_at: datetime,
    seq: int,
    prev_hash: str,
    authorisation: Optional[Any] = None,
) -> Dict[str, Any]:
    """The signed content of a commitment (P2, P3): what was shown, to whom, exactly what they answered, and
    how the one who signed was identified and confirmed the act."""
    evidence = request.evidence
    proxy = request.proxy
    return {
        "commitment_no": commitment_no,
        "idempotency_key": request.idempotency_key,
        "item": {
            "code": prepared.shown.item_code,
            "name": prepared.item_name,
            "kind": prepared.kind,
            "version": prepared.shown.version,
            "notice_version": prepared.shown.notice_version,
        },
        # The full ID is the legal record; it never leaves the database except masked (P5).
        "applicant": {
            "name": request.applicant.name,
            "id_type": prepared.applicant_id_type,
            "id_number": prepared.applicant_id,
        },
        "phone": prepared.phone,
        # The natural person committing for an enterprise acting for itself; absent otherwise, so the canonical
        # content of every other record is what it always was.
        **(
            {"representative": {"name": prepared.representative, "role": "legal_representative"}}
            if prepared.representative is not None
            else {}
        ),
        "proxy": None
        if proxy is None
        else {
            "name": proxy.name,
            "id_number": credit.normalise_id(proxy.id_number),
            "authorization_no": proxy.authorization_no.strip(),
            "special_authorization": True,
            # The authorisation the platform itself holds and checked (absent from records signed before).
            **({"authorisation": _authorisation_payload(authorisation)} if authorisation is not None else {}),
        },
        # Who signed, as the identity module established it (absent from records signed before).
        **({"identity": identity_payload(prepared)} if prepared.assurance is not None else {}),
        "evidence": {
            "affirmation_text": evidence.affirmation_text,
            "affirmation_at": _iso(evidence.affirmation_at),
            "statement": evidence.statement,
            "channel": request.channel,
            "sender_id": request.sender_id,
            "notice_sections_sent_at": [_iso(t) for t in evidence.notice_sections_sent_at],
            "notice_ack_at": _iso(evidence.notice_ack_at),
            # Hotline only: staff, call and the per-section read-aloud times; absent otherwise, so the
            # canonical content of every other record is what it always was.
            **({"assisted": _assisted_payload(evidence.assisted)} if evidence.assisted is not None else {}),
            # The channels' signed envelopes, verbatim: what the person typed, and for every notice section when
            # it was sent, when and how its arrival was known (P2). The hotline's deliveries are its ticks above.
            "channel_evidence": prepared.evidence.record(),
        },
        # R8: a licence item is decided on the spot; R9: one commitment covers conditions and included proofs.
        "status": "licensed" if prepared.kind == "license" else "accepted",
        "decision_no": decision_no,
        "covers": prepared.covers,
        "created_at": _iso(created_at),
        "seq": seq,
        "prev_hash": prev_hash,
    }


def identity_payload(prepared: Prepared) -> Dict[str, Any]:
    """The signer's assurance as the gate returned it, and the act confirmation without its nested assurance
    (its id, where the code went and when it came back are what a reader needs)."""
    assert prepared.assurance is not None
    confirmation = prepared.confirmation
    return {
        "assurance": prepared.assurance.record(),
        "act_confirmation": None
        if confirmation is None
        else {
            "assurance_id": confirmation.assurance.assurance_id,
            "method": confirmation.assurance.method,
            "verifier": confirmation.assurance.verifier,
            "masked_phone": confirmation.assurance.masked_phone,
            "act": confirmation.act.model_dump(mode="json"),
            "act_sha256": confirmation.act_sha256,
            "sms_text_sha256": confirmation.sms_text_sha256,
            "confirmed_at": confirmation.confirmed_at.isoformat(),
        },
    }


def _authorisation_payload(authorisation: Any) -> Dict[str, Any]:
    return {
        "number": authorisation.number,
        "kind": authorisation.kind,
        "record_sha256": authorisation.record_sha256,
    }


def _act_confirmation_id(payload: Dict[str, Any]) -> Optional[str]:
    identity = payload.get("identity") or {}
    return (identity.get("act_confirmation") or {}).get("assurance_id")


def _assisted_payload(assisted) -> Dict[str, Any]:
    return {
        "staff_id": assisted.staff_id,
        "session_id": assisted.session_id,
        "call_id": assisted.call_id,
        "caller_phone": assisted.caller_phone,
        "notice_version": assisted.notice_version,
        "read_aloud": [{"index": t.index, "at": _iso(t.at)} for t in sorted(assisted.read_aloud, key=lambda t: t.index)],
        "attestation": assisted.attestation,
        "attested_at": _iso(assisted.attested_at),
    }


# --- the receipt's check code ------------------------------------------------------------------------------

CHECK_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O or 1/I/L to misread on paper
CHECK_CODE_LENGTH = 8


def new_check_code() -> str:
    """A receipt's secret check code: 8 characters from ``secrets`` (31^8, about 40 bits).

    Commitment numbers are sequential (CN<date>-000001, -000002, ...), so anyone could walk through them; the
    public verification answers only a number together with its code, exactly as it answers a number that does
    not exist, so the code - not the number - is what keeps other people's commitments from being enumerated."""
    return "".join(secrets.choice(CHECK_CODE_ALPHABET) for _ in range(CHECK_CODE_LENGTH))


# Compared against when there is no such row, so an unknown number costs what a wrong code costs.
_NO_CODE = "-" * CHECK_CODE_LENGTH


def check_code_matches(stored: Optional[str], given: Optional[str]) -> bool:
    """Constant-time comparison of a typed check code (case and spaces forgiven) with the stored one."""
    typed = "".join((given or "").split()).upper()
    expected = stored or _NO_CODE
    same = hmac.compare_digest(typed.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))
    return same and stored is not None and bool(typed)


def verify_path(commitment_no: str, check_code: str) -> str:
    return f"/api/v1/commitments/{commitment_no}/verify?code={check_code}"


def receipt(payload: Dict[str, Any], record_hash: str, public_base_url: str, check_code: str) -> CommitmentReceipt:
    """The receipt is rebuilt from the signed payload, so a retried request gets byte-identical JSON (P4)."""
    no = payload["commitment_no"]
    return CommitmentReceipt(
        commitment_no=no,
        status=payload["status"],
        decision_no=payload["decision_no"],
        item_code=payload["item"]["code"],
        notice_version=payload["item"]["notice_version"],
        notice_version_no=payload["item"]["version"],
        proxy=payload["proxy"] is not None,
        covers=payload["covers"],
        verify_url=public_base_url.rstrip("/") + verify_path(no, check_code),
        record_hash=record_hash,
        created_at=payload["created_at"],
        applicant_id_masked=ids.mask_id(payload["applicant"]["id_number"]),
        check_code=check_code,
    )


def _same_request(payload: Dict[str, Any], request: CommitmentRequest) -> bool:
    return (
        payload["item"]["code"] == request.item_code
        and payload["item"]["notice_version"] == request.notice_version
        and payload["applicant"]["id_number"] == credit.normalise_id(request.applicant.id_number)
        and payload["evidence"]["affirmation_text"] == request.evidence.affirmation_text
        and payload["evidence"]["sender_id"] == request.sender_id
        and (payload["proxy"] is None) == (request.proxy is None)
        and (payload.get("representative") or {}).get("name")
        == (request.representative.name if request.representative is not None else None)
    )


def _existing(session: Session, request: CommitmentRequest, public_base_url: str) -> Optional[CommitmentReceipt]:
    row = session.scalars(_BY_IDEMPOTENCY_KEY, {"key": request.idempotency_key}).first()
    if row is None:
        return None
    payload = sealed.payload_of(row)
    if not _same_request(payload, request):
        raise ApiError(409, "idempotency_conflict", "该幂等键已用于另一份承诺，请为新的承诺使用新的幂等键。")
    return receipt(payload, row.record_hash, public_base_url, row.check_code or "")


def create(
    factory: sessionmaker[Session],
    key: PlatformKey,
    id_hash_key: bytes,
    public_base_url: str,
    request: CommitmentRequest,
    *,
    policy: channel_evidence.Policy,
    shared_data_adapter: str,
    gate: IdentityGate,
    redeem: Optional[RedeemActCode] = None,
) -> Tuple[CommitmentReceipt, bool]:
    """Store one commitment; returns the receipt and whether it was created now (False: a retry, P4).

    Owns its transactions, apart from any request's: the checks in one (which writes only what a refusal keeps,
    a wrong authorisation code's count), then the append under the chain's lock in another (``chain_append``).
    """
    with transaction(factory) as session:
        earlier = _existing(session, request, public_base_url)
        if earlier is not None:
            return earlier, False
        prepared = prepare(session, id_hash_key, request, policy, shared_data_adapter, gate, redeem)

    try:
        with chain_append(factory) as session:
            # Under the chain lock: a concurrent identical request that got here first has committed by now.
            earlier = _existing(session, request, public_base_url)
            if earlier is not None:
                return earlier, False
            # A concurrent request with the same affirmation message or act confirmation may have been stored
            # since ``prepare``.
            _check_not_replayed(session, prepared.evidence)
            confirmation_id = prepared.confirmation.assurance.assurance_id if prepared.confirmation else None
            _check_act_not_used(session, confirmation_id)
            # Receipt numbers and decision dates follow the local calendar of Zhengzhou (UTC+8).
            now = datetime.now(CHINA_TIME).replace(microsecond=0)
            # Again under the lock: an authorisation revoked since ``prepare`` no longer signs.
            authorisation = _use_authorisation(
                session, request, applicant_id=prepared.applicant_id, agent_id=prepared.signer_id,
                item_code=prepared.shown.item_code, id_hash_key=id_hash_key, now=now,
            )
            head = session.execute(_CHAIN_HEAD).first()
            seq, prev_hash = (head.seq + 1, head.record_hash) if head else (1, GENESIS_HASH)
            commitment_no = _next_number(session, Commitment.commitment_no, f"CN{now:%Y%m%d}-")
            decision_no = (
                _next_number(session, Commitment.decision_no, f"XKJD-{now:%Y}-") if prepared.kind == "license" else None
            )
            payload = build_payload(
                request,
                prepared,
                commitment_no=commitment_no,
                decision_no=decision_no,
                created_at=now,
                seq=seq,
                prev_hash=prev_hash,
                authorisation=authorisation,
            )
            # P3: the SM3 chain beside the SHA-256 one, inside the signed JSON so both signatures cover both links.
            # The head's stored SM3 is the link; only a head signed before SM3 needs its row read back.
            payload["sm3_prev_hash"] = head.sm3_hash if head and head.sm3_hash else _sm3_link(session, seq - 1)
            data = canonical_json(payload)
            record_hash = sha256_hex(data)
            commitment = Commitment(
                commitment_no=commitment_no,
                idempotency_key=request.idempotency_key,
                item_code=prepared.shown.item_code,
                item_version_id=prepared.shown.id,
                notice_version=prepared.shown.notice_version,
                status=payload["status"],
                decision_no=decision_no,
                channel=request.channel,
                sender_id=request.sender_id,
                seq=seq,
                prev_hash=prev_hash,
                record_hash=record_hash,
                signature=key.sign(data),
                key_id=key.key_id,
                sm3_hash=gm.sm3_hex(data),
                sm3_prev_hash=payload["sm3_prev_hash"],
                sm2_signature=key.sign_sm2(data),
                sm2_key_id=key.sm2_key_id,
                # P5: stored with its ID numbers sealed; hash and signature stay over the plaintext ``data``.
                canonical=sealed.sealed_text(payload, sealed.ring_of(session), sealed.aad_for(commitment_no)),
                created_at=now.astimezone(timezone.utc),
                # P5: how the applicant's own token finds this commitment (keyed hash, never the raw ID).
                applicant_id_hash=credit.id_hash(prepared.applicant_id, id_hash_key),
                # P2: one affirmation message signs one commitment (unique), so a captured envelope cannot sign another.
                affirmation_message_id=prepared.evidence.affirmation_message_id,
                # One act confirmation signs one commitment (unique, like the affirmation message).
                act_confirmation_id=confirmation_id,
                check_code=new_check_code(),
            )
            sealed.remember_signed(commitment, data)
            session.add(commitment)
            session.flush()
            # R13: the verification task is born with the commitment, in the same transaction (P4).
            verification.open_task(session, commitment, prepared.shown_item or catalogue.as_item(prepared.shown),
                                   id_hash_key)
    except IntegrityError:
        # Belt and braces for P4: the unique idempotency key stops a duplicate even if the lock were bypassed.
        with factory() as session:
            earlier = _existing(session, request, public_base_url)
            if earlier is None:
                # The unique affirmation message id or act confirmation: used by another commitment meanwhile.
                _check_not_replayed(session, prepared.evidence)
                if prepared.confirmation is not None:
                    _check_act_not_used(session, prepared.confirmation.assurance.assurance_id)
        if earlier is None:
            raise
        return earlier, False

    if log.isEnabledFor(logging.INFO):  # masking the ID is work a silenced log need not pay for
        log.info(
            "commitment %s stored: item %s, applicant %s, %s, seq %d",
            commitment_no,
            prepared.shown.item_code,
            ids.mask_id(prepared.applicant_id),
            prepared.acting_as,
            seq,
        )
    return receipt(payload, record_hash, public_base_url, commitment.check_code or ""), True


# --- verification (P3) ----------------------------------------------------------------------------------

VALID, INVALID, ABSENT = "valid", "invalid", "absent"


def _columns_agree(row: Commitment, payload: Any) -> bool:
    """Every structured column must say what the signed text says; otherwise someone edited the row."""
    try:
        version = row.item_version
        return (
            payload["commitment_no"] == row.commitment_no
            and payload["idempotency_key"] == row.idempotency_key
            and payload["item"]["code"] == row.item_code
            and payload["item"]["notice_version"] == row.notice_version
            and payload["status"] == row.status
            and payload["decision_no"] == row.decision_no
            and payload["evidence"]["channel"] == row.channel
            and payload["evidence"]["sender_id"] == row.sender_id
            and payload["seq"] == row.seq
            and payload["prev_hash"] == row.prev_hash
            # Signed since SM2 was added; absent from older records, whose column is empty too. Nulling the SM
            # columns of a newer record to pass it off as an older one therefore fails here.
            and payload.get("sm3_prev_hash") == row.sm3_prev_hash
            # The act confirmation column says what the signed identity says (both absent on older records).
            and _act_confirmation_id(payload) == row.act_confirmation_id
            and datetime.fromisoformat(payload["created_at"]) == _aware(row.created_at)
            and version is not None
            and version.item_code == row.item_code
            and version.version == payload["item"]["version"]
            and version.notice_version == row.notice_version
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _signed_bytes(row: Commitment, ring: KeyRing) -> Optional[bytes]:
    """The plaintext that was signed, or None when the stored text cannot be it: not JSON, not in canonical
    form (any edited byte must be detected, P3), or an ID envelope that does not open (altered, moved from
    another row, or an ID put back in clear) - tamper, never a 500."""
    try:
        stored = json.loads(row.canonical)
        if canonical_json(stored).decode("utf-8") != row.canonical or not _envelopes_exact(stored):
            return None
        return sealed.signed_text(row, ring)
    except (ValueError, TypeError, sealed.SealingError):
        return None


def _envelopes_exact(value: Any) -> bool:
    """Every sealed value is the exact base64url of its bytes. A lenient decoder ignores stray characters and
    the padding bits of the last one, so an envelope could change by a byte and still open to the same text;
    a change to any stored byte must be detected (P3)."""
    if isinstance(value, dict):
        return all(_envelopes_exact(v) for v in value.values())
    if isinstance(value, list):
        return all(_envelopes_exact(v) for v in value)
    if isinstance(value, str) and sealing.is_sealed(value):
        encoded = value[len(sealing.PREFIX) :].partition(":")[2]
        try:
            raw = base64.b64decode(encoded, altchars=b"-_", validate=True)
        except ValueError:
            return False
        return base64.urlsafe_b64encode(raw).decode("ascii") == encoded
    return True


def _sm3_of(row: Commitment, ring: KeyRing) -> Optional[str]:
    """The SM3 the next record links to: the stored one, or for a record signed before SM3 was added, the SM3
    of its signed bytes (None when those cannot be recovered: the link is then reported broken)."""
    if row.sm3_hash is not None:
        return row.sm3_hash
    data = _signed_bytes(row, ring)
    return gm.sm3_hex(data) if data is not None else None


def _sm3_link(session: Session, previous_seq: int) -> str:
    """The ``sm3_prev_hash`` of a new record whose predecessor has ``previous_seq`` (0: none)."""
    previous = _at_seq(session, previous_seq) if previous_seq > 0 else None
    if previous is None:
        return GENESIS_HASH
    # A predecessor whose bytes cannot be recovered is already a broken chain; the new record links to the
    # genesis value and verification reports that link, instead of refusing every commitment from now on.
    return _sm3_of(previous, sealed.ring_of(session)) or GENESIS_HASH


def _has_sm(row: Commitment, payload: Any) -> bool:
    columns = (row.sm3_hash, row.sm3_prev_hash, row.sm2_signature, row.sm2_key_id)
    return any(value is not None for value in columns) or (isinstance(payload, dict) and "sm3_prev_hash" in payload)


def _result(ok: bool) -> str:
    return VALID if ok else INVALID


@dataclass(frozen=True)
class RecordChecks:
    """Both families of checks of one record. The Ed25519/SHA-256 side and the columns are always there; the
    SM2/SM3 side is "absent" on records signed before it was added."""

    hash: bool
    signature: bool
    chain: bool
    columns: bool
    sm3_hash: str
    sm2_signature: str
    sm3_chain: str

    @property
    def valid(self) -> bool:
        return all((self.hash, self.signature, self.chain, self.columns)) and INVALID not in self.sm_results().values()

    def legacy(self) -> VerificationChecks:
        return VerificationChecks(hash=self.hash, signature=self.signature, chain=self.chain, columns=self.columns)

    def sm_results(self) -> Dict[str, str]:
        return {"sm3_hash": self.sm3_hash, "sm2_signature": self.sm2_signature, "sm3_chain": self.sm3_chain}

    def results(self) -> Dict[str, str]:
        return {**{name: _result(ok) for name, ok in self.legacy().model_dump().items()}, **self.sm_results()}

    def failed(self) -> List[str]:
        return [name for name, result in self.results().items() if result == INVALID]


def check_record_full(
    row: Commitment,
    key: PlatformKey,
    previous: Optional[Commitment],
    following: Optional[Commitment],
    ring: Optional[KeyRing] = None,
) -> RecordChecks:
    ring = ring or sealed.ring_of(object_session(row))
    data = _signed_bytes(row, ring)
    payload = json.loads(data) if data is not None else None
    expected_prev = GENESIS_HASH if row.seq == 1 else (previous.record_hash if previous is not None else None)
    if _has_sm(row, payload):
        expected_sm3_prev = GENESIS_HASH if row.seq == 1 else (_sm3_of(previous, ring) if previous is not None else None)
        sm3_hash = _result(data is not None and row.sm3_hash is not None and gm.sm3_hex(data) == row.sm3_hash)
        sm2_signature = _result(
            data is not None
            and row.sm2_signature is not None
            and row.sm2_key_id is not None
            # Checked with the SM2 key the record names, current or retired, as for Ed25519.
            and key.verify_sm2_as(row.sm2_key_id, data, row.sm2_signature)
        )
        sm3_chain = _result(
            row.sm3_prev_hash is not None
            and row.sm3_prev_hash == expected_sm3_prev
            and (following is None or following.sm3_prev_hash is None or following.sm3_prev_hash == _sm3_of(row, ring))
        )
    else:
        sm3_hash = sm2_signature = sm3_chain = ABSENT
    return RecordChecks(
        hash=data is not None and sha256_hex(data) == row.record_hash,
        # P3: checked with the key the record names, current or retired (rotation must not orphan old
        # receipts); a key id the platform never published fails here, never raises.
        signature=data is not None and key.verify_as(row.key_id, data, row.signature),
        chain=row.prev_hash == expected_prev
        and (previous is None or previous.seq == row.seq - 1)
        and (following is None or following.prev_hash == row.record_hash),
        columns=payload is not None and _columns_agree(row, payload),
        sm3_hash=sm3_hash,
        sm2_signature=sm2_signature,
        sm3_chain=sm3_chain,
    )


def check_record(
    row: Commitment,
    key: PlatformKey,
    previous: Optional[Commitment],
    following: Optional[Commitment],
    ring: Optional[KeyRing] = None,
) -> VerificationChecks:
    """The Ed25519/SHA-256 checks and the columns only (``check_record_full`` has the SM2/SM3 ones too)."""
    return check_record_full(row, key, previous, following, ring).legacy()


def _at_seq(session: Session, seq: int) -> Optional[Commitment]:
    return session.scalars(select(Commitment).where(Commitment.seq == seq)).first()


def _signers(row: Commitment, checks: RecordChecks) -> List[Signer]:
    return [
        Signer(
            algorithm=ALGORITHM,
            hash_algorithm="SHA-256",
            key_id=row.key_id,
            signature=_result(checks.signature),
            hash=_result(checks.hash),
            chain=_result(checks.chain),
            record_hash=row.record_hash,
        ),
        Signer(
            algorithm=gm.ALGORITHM,
            hash_algorithm=gm.HASH_ALGORITHM,
            key_id=row.sm2_key_id,
            signature=checks.sm2_signature,
            hash=checks.sm3_hash,
            chain=checks.sm3_chain,
            record_hash=row.sm3_hash,
        ),
    ]


def notice_path(commitment_no: str, check_code: Optional[str] = None) -> str:
    """Where the notification text of the version a commitment cites can be read (relative to the API); the
    public page needs the receipt's check code like the verification."""
    path = f"/api/v1/commitments/{commitment_no}/notice"
    return f"{path}?code={check_code}" if check_code else path


IDENTIFIED_BY = {
    "sms_otp": "短信验证码（发送至证件号码登记的实名手机）",
    "oidc": "统一身份认证平台登录",
    "hotline_attestation": "12345 热线工作人员核验",
}
ACT_BY_CODE = "短信确认码（确认短信载明本事项，仅能确认这一份承诺书）"
ACT_BY_HOTLINE = "热线工作人员逐部分宣读告知书，并如实记录来电人的口头承诺"


def identity_words(payload: Any, *, show_phone: bool = False) -> Optional[Dict[str, Optional[str]]]:
    """How the signer was identified and how the act was confirmed, in words, from the signed record; None for
    records signed before identities were bound. ``show_phone`` adds the masked phone (the letter only: the
    public verification names no number)."""
    identity = payload.get("identity") if isinstance(payload, dict) else None
    if not isinstance(identity, dict) or not isinstance(identity.get("assurance"), dict):
        return None
    assurance = identity["assurance"]
    method = assurance.get("method")
    identified = IDENTIFIED_BY.get(method, str(method))
    detail = assurance.get("detail") or {}
    if method == "sms_otp" and show_phone and assurance.get("masked_phone"):
        identified = f"短信验证码（实名手机 {assurance['masked_phone']}）"
    elif method == "hotline_attestation" and detail.get("how_text"):
        identified = f"{identified}（{detail['how_text']}）"
    confirmation = identity.get("act_confirmation")
    if isinstance(confirmation, dict):
        act_by = ACT_BY_CODE
        if show_phone and confirmation.get("masked_phone"):
            act_by = f"短信确认码（发送至实名手机 {confirmation['masked_phone']}，短信载明本事项）"
        act_at = confirmation.get("confirmed_at")
    else:
        act_by, act_at = ACT_BY_HOTLINE, None
    return {
        "identified_by": identified,
        "identified_at": _china(assurance.get("verified_at")),
        "act_confirmed_by": act_by,
        "act_confirmed_at": _china(act_at),
    }


def _china(value: Any) -> Optional[str]:
    """A signed time (ISO 8601, "Z" or an offset) as ISO 8601 in China time; None when absent or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return None
    return china_iso(moment)


def _identity_summary(row: Commitment) -> Optional[IdentitySummary]:
    try:
        words = identity_words(sealed.payload_of(row))
    except Exception:  # a record that does not open is reported by the integrity checks, not here
        return None
    if words is None:
        return None
    return IdentitySummary(
        identified_by=words["identified_by"] or "",
        identified_at=words["identified_at"] or "",
        act_confirmed_by=words["act_confirmed_by"] or "",
        act_confirmed_at=words["act_confirmed_at"],
    )


def find_public(session: Session, commitment_no: str, check_code: Optional[str]) -> Optional[Commitment]:
    """The commitment a receipt holder asks about, or None - the same None for an unknown number and for a
    known one with a missing or wrong check code, so the answer never tells a real number from a made-up one."""
    row = session.scalars(select(Commitment).where(Commitment.commitment_no == commitment_no)).first()
    if not check_code_matches(row.check_code if row is not None else None, check_code):
        return None
    return row


def verify_public(
    session: Session, key: PlatformKey, commitment_no: str, check_code: Optional[str]
) -> Optional[CommitmentVerification]:
    """The public verification of a receipt: number and check code together (see ``new_check_code``)."""
    row = find_public(session, commitment_no, check_code)
    return _verification(session, key, row, check_code=row.check_code) if row is not None else None


def verify_one(session: Session, key: PlatformKey, commitment_no: str) -> Optional[CommitmentVerification]:
    """One record by its number alone: for the operator's ``verify`` command, which reads the database itself."""
    row = session.scalars(select(Commitment).where(Commitment.commitment_no == commitment_no)).first()
    if row is None:
        return None
    return _verification(session, key, row, check_code=row.check_code)


def _verification(
    session: Session, key: PlatformKey, row: Commitment, *, check_code: Optional[str]
) -> CommitmentVerification:
    previous = _at_seq(session, row.seq - 1) if row.seq > 1 else None
    checks = check_record_full(row, key, previous, _at_seq(session, row.seq + 1))
    version = row.item_version
    item_name = catalogue.as_item(version).name if version is not None else row.item_code
    return CommitmentVerification(
        commitment_no=row.commitment_no,
        valid=checks.valid,
        checks=checks.legacy(),
        item_code=row.item_code,
        notice_version=row.notice_version,
        status=row.status,
        created_at=china_iso(row.created_at),
        key_id=row.key_id,
        record_hash=row.record_hash,
        integrity=Integrity(valid=checks.valid, checks=checks.results(), signers=_signers(row, checks)),
        status_at_signing=row.status,
        current_status=row.current_status,
        current_status_label=lifecycle.STATUS_LABELS.get(row.current_status, row.current_status),
        # P5: the public sees what happened and when; who and why stay with the applicant and the officers.
        status_history=[
            StatusStep(status=e.status, label=lifecycle.STATUS_LABELS.get(e.status, e.status), at=e.at)
            for e in lifecycle.history(session, row)
        ],
        item_name=item_name,
        notice_version_no=version.version if version is not None else 0,
        notice_url=notice_path(row.commitment_no, check_code),
        sm2_key_id=row.sm2_key_id,
        sm3_record_hash=row.sm3_hash,
        identity=_identity_summary(row),
    )


def verify_chain(session: Session, key: PlatformKey) -> ChainVerification:
    rows = session.scalars(select(Commitment).order_by(Commitment.seq)).all()
    ring = sealed.ring_of(session)
    problems: List[ChainProblem] = []
    for position, row in enumerate(rows):
        previous = rows[position - 1] if position else None
        # Each link is judged once, at the later record, so one broken link is one problem.
        checks = check_record_full(row, key, previous, None, ring)
        results = checks.results()
        # A gap (a deleted record) shows as a seq that is not its position, in both chains.
        if row.seq != position + 1:
            results["chain"] = INVALID
            if results["sm3_chain"] != ABSENT:
                results["sm3_chain"] = INVALID
        problems.extend(
            ChainProblem(commitment_no=row.commitment_no, check=name) for name, result in results.items() if result == INVALID
        )
    return ChainVerification(valid=not problems, length=len(rows), problems=problems)


def count_sm2_signed(session: Session) -> int:
    """How many records carry an SM2 signature; the others were signed before SM2 was added."""
    return session.scalar(select(func.count()).select_from(Commitment).where(Commitment.sm2_signature.is_not(None))) or 0
