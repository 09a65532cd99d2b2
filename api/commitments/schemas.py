from __future__ import annotations

from typing import Annotated, Any, Dict, List, Literal, Optional

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

_Strict = ConfigDict(extra="forbid")


class Applicant(BaseModel):
    model_config = _Strict
    name: str = Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")  # as printed, no padding
    id_number: str = Field(min_length=1, max_length=40)  # 身份证号 or 统一社会信用代码


class AuthorisationRef(BaseModel):
    """The special authorisation (特别授权) the platform holds, by its number and the secret code that came
    with it: the agent's word that one exists is not enough."""

    model_config = _Strict
    number: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=64)


class Proxy(BaseModel):
    """代为承诺人 (R5)."""

    model_config = _Strict
    name: str = Field(min_length=1, max_length=100, pattern=r"^\S(.*\S)?$")
    id_number: str = Field(min_length=1, max_length=40)
    authorization_no: str = Field(min_length=1, max_length=64)  # 授权委托书编号
    special_authorization: bool  # 特别授权: the authorisation explicitly covers making this commitment
    # Required (api/commitments/service.py refuses a proxy without it): the authorisation the platform checks.
    authorisation: Optional[AuthorisationRef] = None


class IdentityProof(BaseModel):
    """Who signs and that they meant this act: the ids the identity module returned (``api.identity``).

    ``assurance_id``: the signer's login assurance in this conversation (an SMS code, a single sign-on, or on
    the hotline the staff attestation). ``act_confirmation_id``: the act code (意愿认证) that confirmed exactly
    this statement; required on every channel but the hotline. Or, instead of it, ``act_code``: that code as the
    signer typed it back, checked by the identity module in the commitment's own request (one round trip fewer
    on the turn that signs) with the same rules as ``POST /service/identity/codes/verify``."""

    model_config = _Strict
    assurance_id: str = Field(min_length=1, max_length=64)
    act_confirmation_id: Optional[str] = Field(default=None, min_length=1, max_length=64)
    act_code: Optional[str] = Field(default=None, min_length=1, max_length=20,
                                    description="the act code typed back, instead of act_confirmation_id")

    @model_validator(mode="after")
    def _one_act_proof(self) -> "IdentityProof":
        if self.act_code is not None and self.act_confirmation_id is not None:
            raise ValueError("give act_confirmation_id or act_code, not both")
        return self


class Representative(BaseModel):
    """法定代表人: the natural person who commits for an enterprise acting for itself.

    An enterprise cannot speak; its commitment is made by the person the law lets act for it, and the record
    must name that person, not only the enterprise."""

    model_config = _Strict
    name: str = Field(min_length=1, max_length=100, pattern=r"^\S(.*\S)?$")
    role: Literal["legal_representative"]


class ReadAloudTick(BaseModel):
    """One "已宣读" tick of the hotline script: section ``index`` was read to the caller at ``at``."""

    model_config = _Strict
    index: int = Field(ge=1, le=50)
    at: AwareDatetime


class AssistedEvidence(BaseModel):
    """A commitment taken by 12345 hotline staff for a caller (channel ``hotline``; bot/core/assisted.py).

    Who took it and on which call, when each notification section was read aloud (R6), and the staff
    member's attestation that the caller explicitly committed orally (R7). Signed with the record (P2, P3).
    """

    model_config = _Strict
    staff_id: str = Field(min_length=1, max_length=64)  # the staff account's username
    session_id: str = Field(min_length=1, max_length=64)  # the assisted session (api/hotline)
    call_id: Optional[str] = Field(default=None, max_length=64)
    caller_phone: Optional[str] = Field(default=None, max_length=32)  # shown masked only (P5)
    notice_version: str = Field(min_length=1, max_length=64)
    read_aloud: List[ReadAloudTick] = Field(max_length=50)
    attestation: str = Field(min_length=1, max_length=200)
    attested_at: AwareDatetime


# Envelopes are checked field by field by ``bot.core.evidence.verify`` (exact field set, MAC, version), so their
# models accept what arrives as it arrived: a malformed envelope is the refusal ``evidence_invalid``, never a
# silently coerced value. The fields are listed for the API's documentation.
_Envelope = ConfigDict(extra="allow")


class _SignedEnvelope(BaseModel):
    """The fields every signed envelope starts with: version, kind, channel, sender."""

    model_config = _Envelope
    v: Any = None
    kind: Any = None  # "message" | "delivery"
    channel: Any = None
    sender: Any = None


class MessageEnvelope(_SignedEnvelope):
    """One user message as the Rasa input channel received it, signed there (``bot.core.evidence.sign_message``)."""

    message_id: Any = None
    text: Any = None  # exactly what the person typed or the button sent
    at: Any = None  # ISO-8601 with offset: when the channel received it
    mac: Any = None  # HMAC-SHA256 of the canonical fields, base64url


class DeliveryEnvelope(_SignedEnvelope):
    """One notice section the output channel knew had arrived (``bot.core.evidence.sign_delivery``)."""

    item_code: Any = None
    notice_version: Any = None
    section: Any = None
    total: Any = None
    text_sha256: Any = None  # SHA-256 of the section as the bot uttered it
    sent_at: Any = None  # when the output channel got it
    delivered_at: Any = None  # when the channel knew it arrived
    how: Any = None  # response_returned | client_ack | customer_service_api
    mac: Any = None


class ChannelEvidence(BaseModel):
    """What the channels signed: the "已阅读" message, the affirmation message, one delivery per notice section
    (none for the hotline, whose read-aloud ticks the API recorded itself)."""

    model_config = _Strict
    notice_ack: MessageEnvelope
    affirmation: MessageEnvelope
    deliveries: List[DeliveryEnvelope] = Field(default_factory=list, max_length=200)

    def envelope(self, name: str) -> Dict[str, Any]:
        """An envelope exactly as it was sent (fields it did not carry stay absent)."""
        return getattr(self, name).model_dump(exclude_unset=True)

    def delivery_envelopes(self) -> List[Dict[str, Any]]:
        return [d.model_dump(exclude_unset=True) for d in self.deliveries]


class Evidence(BaseModel):
    """What the channel showed and what the applicant answered (P2). Timestamps carry their UTC offset."""

    model_config = _Strict
    affirmation_text: str = Field(min_length=1, max_length=1000)
    affirmation_at: AwareDatetime
    statement: str = Field(min_length=1, max_length=4000)
    notice_sections_sent_at: List[AwareDatetime] = Field(max_length=50)
    notice_ack_at: AwareDatetime
    # Only for channel "hotline": the assisted session's evidence. Absent for every other channel.
    assisted: Optional[AssistedEvidence] = None
    # Required (api/commitments/evidence.py refuses a request without it): the channels' signed envelopes,
    # which the API checks against this request and its own catalogue instead of trusting the fields above.
    channel_evidence: Optional[ChannelEvidence] = None


class CommitmentRequest(BaseModel):
    model_config = _Strict
    idempotency_key: str = Field(min_length=1, max_length=128)
    item_code: str = Field(min_length=1, max_length=16)
    notice_version: str = Field(min_length=1, max_length=64)
    channel: str = Field(min_length=1, max_length=32)
    sender_id: str = Field(min_length=1, max_length=128)
    applicant: Applicant
    phone: str = Field(min_length=1, max_length=32)
    proxy: Optional[Proxy] = None
    # Required when the applicant is an enterprise (统一社会信用代码) committing without a proxy.
    representative: Optional[Representative] = None
    evidence: Evidence
    # Required (refused with identity_required when absent): the signer's verified identity and act confirmation.
    identity: Optional[IdentityProof] = None


class CommitmentReceipt(BaseModel):
    commitment_no: str
    status: str
    decision_no: Optional[str]
    item_code: str
    notice_version: str
    # The edition number printed on the notice and the letter (第N版); notice_version is its SHA-256.
    notice_version_no: int
    proxy: bool
    covers: List[str]
    verify_url: str
    record_hash: str
    created_at: str
    applicant_id_masked: str
    # The receipt's secret check code: the public verification needs it with the number (verify_url has both).
    check_code: str


class VerificationChecks(BaseModel):
    hash: bool
    signature: bool
    chain: bool
    columns: bool


# "absent": a record signed before SM2 was added carries no SM2 signature and no SM3 link; that is not a failure.
CheckResult = Literal["valid", "invalid", "absent"]


class Signer(BaseModel):
    """One of the record's two signatures, with the hash and chain of the same family."""

    algorithm: str  # Ed25519 | SM2
    hash_algorithm: str  # SHA-256 | SM3
    key_id: Optional[str]
    signature: CheckResult
    hash: CheckResult
    chain: CheckResult
    record_hash: Optional[str]  # hex, in hash_algorithm


class Integrity(BaseModel):
    """Is the record what the platform signed? Says nothing about what happened to the commitment since."""

    valid: bool
    # Every check by name: hash, signature, chain, columns (Ed25519/SHA-256 and the stored columns) and
    # sm3_hash, sm2_signature, sm3_chain.
    checks: Dict[str, CheckResult]
    signers: List[Signer]


class IdentitySummary(BaseModel):
    """How the signer was identified and how the act was confirmed, in words, for the public verification:
    methods and times only, no number and no name (P5)."""

    identified_by: str  # e.g. 短信验证码（发送至实名登记手机）
    identified_at: str
    act_confirmed_by: str  # e.g. 短信确认码 / 热线工作人员记录来电人的口头承诺
    act_confirmed_at: Optional[str] = None


class StatusStep(BaseModel):
    """One step of the lifecycle, for the public: what and when, no names and no reasons (P5)."""

    status: str
    label: str
    at: str


class CommitmentVerification(BaseModel):
    """Public: says whether a receipt's record is intact, without any personal data (P3, P5).

    Two questions kept apart: ``integrity`` (is the record unchanged since signing; ``valid`` and ``checks``
    say the same for the Ed25519 side, as they always did) and the lifecycle (``status_at_signing`` is in the
    signed record; ``current_status`` and ``status_history`` are what happened since, not signed)."""

    commitment_no: str
    valid: bool
    checks: VerificationChecks
    item_code: str
    notice_version: str
    status: str
    created_at: str
    key_id: str
    record_hash: str
    integrity: Integrity
    status_at_signing: str
    current_status: str
    current_status_label: str
    status_history: List[StatusStep]
    item_name: str
    notice_version_no: int
    notice_url: str
    sm2_key_id: Optional[str] = None
    sm3_record_hash: Optional[str] = None
    # None for records signed before the platform bound the signer's verified identity.
    identity: Optional[IdentitySummary] = None


class ChainProblem(BaseModel):
    """One link of the chain that failed a check, named by the commitment it belongs to."""

    commitment_no: str
    check: str


class ChainVerification(BaseModel):
    valid: bool
    length: int
    problems: List[ChainProblem]


# --- after the signature: status, history, withdrawal (R17, contract stage commitment_status) -----------


class OwnershipProof(BaseModel):
    """The chat's proof that the caller is the applicant (P5): the receipt number, the applicant's ID, and the
    assurance (``api.identity``) that the person in this conversation (``client``, the chat's sender id) was
    verified as that ID's holder; the number and the ID alone are not enough, both are easily known to others.
    POST bodies, so none of it appears in a URL or an access log."""

    model_config = _Strict
    commitment_no: str = Field(min_length=1, max_length=32)
    id_number: str = Field(min_length=1, max_length=40)
    assurance_id: Optional[str] = Field(default=None, max_length=64)
    client: Optional[str] = Field(default=None, max_length=200)


# R17 / 五(八): a withdrawal needs a reason (合理理由), recorded in the history.
WithdrawalReason = Annotated[str, Field(min_length=1, max_length=500)]


class ServiceWithdrawalRequest(OwnershipProof):
    reason: WithdrawalReason


class WithdrawalRequest(BaseModel):
    model_config = _Strict
    reason: WithdrawalReason


class HistoryEntry(BaseModel):
    status: str
    at: str
    reason: str
    by: str  # 申请人 / 核查人员 / 系统 ... (the applicant never sees staff usernames)


class CommitmentStatus(BaseModel):
    commitment_no: str
    item_code: str
    item_name: str
    status: str  # accepted | licensed | under_verification | verified | withdrawn | revoked
    status_text: str
    next_step: str
    due_date: Optional[str]
    withdrawable: bool
    history: List[HistoryEntry]


class Withdrawal(BaseModel):
    commitment_no: str
    status: str
    proofs_required: List[str]  # what the normal procedure now needs (R17: 撤回后应当按原程序办理)


class OwnCommitment(BaseModel):
    commitment_no: str
    item_code: str
    item_name: str
    status: str
    status_label: str
    created_at: str
    due_date: Optional[str]
    # The applicant's own receipt check code, so they can share the verification link.
    check_code: Optional[str] = None
    verify_url: Optional[str] = None


class OwnCommitmentStatus(CommitmentStatus):
    """The applicant's own view of one commitment: the status, and the receipt's check code."""

    check_code: Optional[str] = None
    verify_url: Optional[str] = None


# --- the officer's view --------------------------------------------------------------------------------------

LifecycleStatus = Literal["accepted", "licensed", "under_verification", "verified", "withdrawn", "revoked"]


class StaffHistoryEntry(BaseModel):
    """One step of a commitment's lifecycle as staff see it: with the actor's username."""

    status: LifecycleStatus
    from_status: Optional[LifecycleStatus]
    at: str
    reason: str
    actor: str
    role: str


class VerificationTaskBrief(BaseModel):
    status: Literal["open", "done"]
    selected: bool
    due_date: str


class OfficerCommitmentView(BaseModel):
    commitment_no: str
    item_code: str
    status_at_signing: Literal["accepted", "licensed"]
    status: LifecycleStatus
    status_label: str
    decision_no: Optional[str]
    verification_mandatory: bool
    verification_task: Optional[VerificationTaskBrief]
    due_date: Optional[str]
    record_hash: str
    # The record exactly as it was signed (P3): its signatures cover these bytes, so it is passed on unshaped.
    signed_record: Dict[str, Any]
    history: List[StaffHistoryEntry]
