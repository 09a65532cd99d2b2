"""HTTP endpoints of the identity module.

- ``POST /api/v1/service/identity/codes`` (action server): send a login or act code to the 实名 number of an ID.
  The answer is the same for every ID that has a registered phone (the masked number and the lifetime): it says
  nothing of commitments, credit records or anything else the platform holds about the person.
- ``POST /api/v1/service/identity/codes/verify`` (action server): the code typed back -> the assurance, and for
  an act code the act confirmation.
- ``POST /api/v1/service/identity/assurances/current`` (action server): the assurance a staff attestation or a
  single sign-on made for this ID in this conversation, if one still vouches (404 ``identity_required`` if not).
- ``POST /api/v1/identity/hotline/attestations`` (staff): the hotline's attestation of a caller's identity.
"""
from __future__ import annotations

import importlib
from typing import Annotated, Optional

from fastapi import APIRouter, Depends

from api.auth.dependencies import ServiceCall, StaffDep
from api.auth.service import Principal
from api.errors import ApiError
from api.dependencies import IdHashKeyDep, NowDep, SessionDep, SettingsDep
from api.identity.assurance import IdentityAssurance
from api.identity.hotline import Attestation, HotlineAttestationVerifier
from api.identity.deps import IdentityGateDep, OtpKeyDep
from api.identity.otp import CodeProof, CodeRequest, OtpPolicy, PhoneDirectory, SmsOtpVerifier
from api.identity.store import client_hash, conversation_client
from bot.core.conversation import key as conversation_key

HOTLINE = "hotline"
from api.identity.schemas import (
    CodeRequestBody,
    CodeSentResponse,
    CodeVerifiedResponse,
    CodeVerifyBody,
    CurrentAssuranceBody,
    HotlineAttestationBody,
)
from api.identity.sms import SmsGateway, make_gateway

OUTBOX_FILE = "sms-outbox.jsonl"

service_router = APIRouter(prefix="/service/identity", tags=["service", "identity"])
router = APIRouter(prefix="/identity", tags=["identity"])


async def get_sms_gateway(settings: SettingsDep) -> SmsGateway:
    return make_gateway(
        settings.sms_gateway_url,
        settings.sms_gateway_credentials_path,
        settings.sms_outbox_path or settings.var_path / OUTBOX_FILE,
        settings.sms_gateway_timeout_seconds,
    )


def get_phone_directory(
    settings: SettingsDep,
    session: SessionDep,
    id_hash_key: IdHashKeyDep,
) -> Optional[PhoneDirectory]:
    """``registered_phone`` of the configured shared-data adapter (``GZ_SHARED_DATA_ADAPTER``), if it has one.

    Loaded by name, like the verification service loads it, so this module imports no business domain. A plain
    ``def`` (run in the thread pool): a configured adapter may do blocking work when it is made. The gateway and
    the verifier only build small objects and are ``async``, which spares a thread hop each (as in
    api/identity/deps.py)."""
    module_name, _, attribute = settings.shared_data_adapter.replace(":", ".").rpartition(".")
    adapter = getattr(importlib.import_module(module_name), attribute)(session=session, id_hash_key=id_hash_key)
    return getattr(adapter, "registered_phone", None)


async def get_otp_verifier(
    settings: SettingsDep,
    key: OtpKeyDep,
    id_hash_key: IdHashKeyDep,
    gateway: Annotated[SmsGateway, Depends(get_sms_gateway)],
    phones: Annotated[Optional[PhoneDirectory], Depends(get_phone_directory)],
) -> SmsOtpVerifier:
    return SmsOtpVerifier(key, id_hash_key, gateway, phones, OtpPolicy.of(settings))


OtpVerifierDep = Annotated[SmsOtpVerifier, Depends(get_otp_verifier)]


def _client(body_client: Optional[str], caller: Principal) -> str:
    # The action server is the peer of every chat request, so it names the citizen's client itself.
    return f"client:{body_client}" if body_client else f"address:{caller.client_ip or 'unknown'}"


@service_router.post("/codes", response_model=CodeSentResponse)
def request_code(body: CodeRequestBody, call: ServiceCall, verifier: OtpVerifierDep) -> CodeSentResponse:
    request = CodeRequest(id_number=body.id_number, client=_client(body.client, call.principal), act=body.act)
    sent = verifier.issue(call.session, request, call.now)
    return CodeSentResponse(sent_to=sent.masked_phone, expires_in=sent.expires_in)


@service_router.post("/codes/verify", response_model=CodeVerifiedResponse)
def verify_code(body: CodeVerifyBody, call: ServiceCall, verifier: OtpVerifierDep) -> CodeVerifiedResponse:
    proof = CodeProof(id_number=body.id_number, code=body.code, act=body.act)
    if body.act is None:
        return CodeVerifiedResponse(assurance=verifier.verify(call.session, proof, call.now))
    confirmation = verifier.confirm_act(call.session, proof, call.now)
    return CodeVerifiedResponse(assurance=confirmation.assurance, act_confirmation=confirmation)


@service_router.post("/assurances/current", response_model=IdentityAssurance)
def current_assurance(body: CurrentAssuranceBody, call: ServiceCall, gate: IdentityGateDep) -> IdentityAssurance:
    found = gate.current(call.session, body.client, body.id_number, call.now)
    if found is None:
        raise ApiError(404, "identity_required", "该证件号码在本次对话中还没有核验身份。")
    return found


@router.post("/hotline/attestations", status_code=201, response_model=IdentityAssurance)
def attest_caller(
    body: HotlineAttestationBody,
    session: SessionDep,
    staff: StaffDep,
    id_hash_key: IdHashKeyDep,
    otp_key: OtpKeyDep,
    now: NowDep,
) -> IdentityAssurance:
    # A staff member attests a caller on the hotline, in that call's conversation.
    conversation = (client_hash(otp_key, conversation_client(conversation_key(HOTLINE, body.conversation)))
                    if body.conversation else None)
    assurance = HotlineAttestationVerifier(id_hash_key).verify(
        session, Attestation(id_number=body.id_number, how=body.how, staff=staff, note=body.note), now,
        client=conversation,
    )
    return assurance
