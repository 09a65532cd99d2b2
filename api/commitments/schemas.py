from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class Applicant(BaseModel):
    model_config = _Strict
    name: str = Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")  # as printed, no padding
    id_number: str = Field(min_length=1, max_length=40)  # 身份证号 or 统一社会信用代码


class Proxy(BaseModel):
    """代为承诺人 (R5)."""

    model_config = _Strict
    name: str = Field(min_length=1, max_length=100, pattern=r"^\S(.*\S)?$")
    id_number: str = Field(min_length=1, max_length=40)
    authorization_no: str = Field(min_length=1, max_length=64)  # 授权委托书编号
    special_authorization: bool  # 特别授权: the authorisation explicitly covers making this commitment


class Representative(BaseModel):
    """法定代表人: the natural person who commits for an enterprise acting for itself.

    An enterprise cannot speak; its commitment is made by the person the law lets act for it, and the record
    must name that person, not only the enterprise."""

    model_config = _Strict
    name: str = Field(min_length=1, max_length=100, pattern=r"^\S(.*\S)?$")
    role: Literal["legal_representative"]


class ReadAloudTick(BaseModel):
    """One "已宣读" tick of the hotline script: section ``index`` was read to the caller at ``at`` (issue 5)."""

    model_config = _Strict
    index: int = Field(ge=1, le=50)
    at: AwareDatetime


class AssistedEvidence(BaseModel):
    """A commitment taken by 12345 hotline staff for a caller (issue 5; channel ``hotline``; bot/core/assisted.py).

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


class Evidence(BaseModel):
    """What the channel showed and what the applicant answered (P2). Timestamps carry their UTC offset."""

    model_config = _Strict
    affirmation_text: str = Field(min_length=1, max_length=1000)
    affirmation_at: AwareDatetime
    statement: str = Field(min_length=1, max_length=4000)
    notice_sections_sent_at: List[AwareDatetime] = Field(max_length=50)
    notice_ack_at: AwareDatetime
    # Only for channel "hotline": the assisted session's evidence (issue 5). Absent for every other channel.
    assisted: Optional[AssistedEvidence] = None


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


class VerificationChecks(BaseModel):
    hash: bool
    signature: bool
    chain: bool
    columns: bool


class CommitmentVerification(BaseModel):
    """Public: says whether a receipt's record is intact, without any personal data (P3, P5)."""

    commitment_no: str
    valid: bool
    checks: VerificationChecks
    item_code: str
    notice_version: str
    status: str
    created_at: str
    key_id: str
    record_hash: str


class ChainProblem(BaseModel):
    commitment_no: str
    check: str


class ChainVerification(BaseModel):
    valid: bool
    length: int
    problems: List[ChainProblem]


# --- after the signature: status, history, withdrawal (R17, contract stage commitment_status) -----------


class OwnershipProof(BaseModel):
    """The chat's proof that the caller is the applicant: the receipt number and the applicant's ID (P5).
    POST bodies, so neither appears in a URL or an access log."""

    model_config = _Strict
    commitment_no: str = Field(min_length=1, max_length=32)
    id_number: str = Field(min_length=1, max_length=40)


class ServiceWithdrawalRequest(OwnershipProof):
    # R17 / 五(八): a withdrawal needs a reason (合理理由), recorded in the history.
    reason: str = Field(min_length=1, max_length=500)


class WithdrawalRequest(BaseModel):
    model_config = _Strict
    reason: str = Field(min_length=1, max_length=500)


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
