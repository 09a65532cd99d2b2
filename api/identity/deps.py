"""FastAPI dependencies of the identity module that other domains use: the key and the gate.

The dependencies FastAPI solves are ``async``: a plain ``def`` dependency is run in the thread pool, one hop
there and back for each (about 0.1 ms, more when the machine is busy), and these only read ``app.state`` or
build small objects. Reading the key file, the one blocking step, still happens in the thread pool.
"""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from api.config import Settings
from api.dependencies import IdHashKeyDep, SettingsDep
from api.identity.gate import IdentityGate
from api.identity.otp import OTP_KEY_FILE, OtpPolicy, RedeemActCode, SmsOtpVerifier, load_or_create_key


def get_otp_key(request: Request) -> bytes:
    key: Optional[bytes] = getattr(request.app.state, "identity_otp_key", None)
    if key is None:
        settings: Settings = request.app.state.settings
        key = load_or_create_key(settings.otp_key_path or settings.var_path / "keys" / OTP_KEY_FILE)
        request.app.state.identity_otp_key = key
    return key


async def otp_key(request: Request) -> bytes:
    """``get_otp_key`` as a dependency: the key once loaded is at hand; the first request reads the file off
    the event loop."""
    key: Optional[bytes] = getattr(request.app.state, "identity_otp_key", None)
    return key if key is not None else await run_in_threadpool(get_otp_key, request)


OtpKeyDep = Annotated[bytes, Depends(otp_key)]


async def get_identity_gate(
    settings: SettingsDep,
    key: OtpKeyDep,
    id_hash_key: IdHashKeyDep,
) -> IdentityGate:
    return IdentityGate(key, id_hash_key, settings.identity_session_seconds, settings.act_confirmation_seconds)


# The identity gate other domains check assurances and act confirmations with: ``gate: IdentityGateDep``.
IdentityGateDep = Annotated[IdentityGate, Depends(get_identity_gate)]


async def get_act_code_redeemer(settings: SettingsDep, key: OtpKeyDep, id_hash_key: IdHashKeyDep) -> RedeemActCode:
    """How another domain confirms an act code typed back (``SmsOtpVerifier.act_code_redeemer``). Redeeming
    sends nothing, so the verifier has no SMS gateway and no phone directory to build."""
    return SmsOtpVerifier(key, id_hash_key, gateway=None, phones=None,  # type: ignore[arg-type]
                          policy=OtpPolicy.of(settings)).act_code_redeemer()


ActCodeRedeemerDep = Annotated[RedeemActCode, Depends(get_act_code_redeemer)]
