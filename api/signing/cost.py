"""``python -m api.signing.cost [--json]``: what signing costs per commitment, measured on this machine.

Every commitment is signed twice (Ed25519 and SM2 over the canonical record, SHA-256 and SM3 chain links) and
its letter PDF carries a PAdES signature. This measures, with medians:

- the record primitives on a real canonical record: Ed25519 vs SM2 signature and verification, SHA-256 vs SM3;
- creating a commitment through the API's real create path (``POST /api/v1/commitments`` in process, temp
  SQLite database, shipped catalogue, demo data, real channel evidence, the signer's login and act codes
  obtained through the identity endpoints beforehand), with the SM2 key and without it, interleaved so that a
  drift of the machine's load hits both alike;
- rendering the letter PDF of that commitment vs rendering and PAdES-signing it.

It lives in the API package because it needs the API's code and virtualenv; the benchmark (``python -m bench``)
runs in the Rasa virtualenv, which cannot import the API, so it runs this through the API's interpreter and
reads the JSON. Nothing outside a temporary directory is read or written, whatever ``GZ_*`` says.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import logging
import math
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

# The demo applicant of the shipped demo data (clean record, registered mobile number) and an item they may
# commit to in person.
ITEM_CODE = "ZM001"
APPLICANT = ("张伟", "410105199001011233")
PHONE = "13800138000"
CHANNEL = "rest"
PUBLIC_BASE_URL = "https://gz.example.test"
SMS_OUTBOX = "sms-outbox.jsonl"


@dataclass(frozen=True)
class Plan:
    """How much to measure. ``budget_s`` is the time spent on each primitive's figure; the others are counts."""

    budget_s: float = 0.25
    commitments: int = 20
    letters: int = 6

    @classmethod
    def quick(cls) -> "Plan":
        return cls(budget_s=0.03, commitments=2, letters=1)


@dataclass(frozen=True)
class Timing:
    median_ms: float
    samples: int


def median_timing(action: Callable[[], object], budget_s: float, min_samples: int = 5) -> Timing:
    """Median time of one call of ``action``, in ms.

    Calls that take microseconds are timed in batches (each sample at least about a millisecond) so the
    timer's resolution stays out of the figure; the number of samples follows the time budget."""
    action()  # first-call costs (imports, caches, parsed keys) are per process, not per commitment
    start = time.perf_counter()
    action()
    once = max(time.perf_counter() - start, 1e-7)
    batch = max(1, math.ceil(0.001 / once))
    samples = max(min_samples, int(budget_s / (once * batch)))
    times: List[float] = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(batch):
            action()
        times.append((time.perf_counter() - start) / batch)
    return Timing(statistics.median(times) * 1000, samples)


def _row(key: str, step: str, base: str, base_t: Timing, with_: str, with_t: Timing) -> Dict[str, Any]:
    return {
        "key": key,
        "step": step,
        "base": base,
        "base_ms": round(base_t.median_ms, 4),
        "with": with_,
        "with_ms": round(with_t.median_ms, 4),
        "ratio": round(with_t.median_ms / base_t.median_ms, 2),
        "samples": min(base_t.samples, with_t.samples),
    }


# --- a throw-away API -----------------------------------------------------------------------------------


def _settings(directory: Path):
    from api.config import REPO_ROOT, Settings

    keys = directory / "keys"
    # Every path is given, so no GZ_* variable of the caller's environment points this at a real database or key.
    return Settings(
        database_url=f"sqlite:///{directory / 'api.db'}",
        signing_key_path=keys / "platform_ed25519.pem",
        retired_keys_dir=keys / "retired",
        id_hash_key_path=keys / "id_hash.key",
        data_key_path=keys / "data.key",
        evidence_key_path=keys / "channel-evidence.key",
        jwt_secret_path=keys / "jwt.secret",
        service_token_path=keys / "service.token",
        otp_key_path=keys / "otp.key",
        sms_gateway_url=None,  # the outbox file, where the benchmark reads the codes back
        sms_outbox_path=directory / SMS_OUTBOX,
        # One applicant signs every commitment here, two codes each, within a minute: the limits against SMS
        # bombing would stop the benchmark after a few. The codes themselves take the product's whole path.
        otp_resend_seconds=0,
        otp_max_per_id=1_000_000,
        otp_max_per_phone=1_000_000,
        otp_max_per_client=1_000_000,
        var_dir=directory,
        public_base_url=PUBLIC_BASE_URL,
        catalogue_dir=REPO_ROOT / "data" / "catalogue" / "items",
        shared_data_adapter="api.verification.shared_data.LocalSharedDataAdapter",
    )


def _initialise(settings) -> None:
    """Migrate, load the shipped catalogue dated a year back (a conversation comes after the notice it shows),
    seed the demo integrity files and shared data (no staff accounts: nothing here logs in). The CLI's
    progress lines are kept out of stdout, which is the JSON, and shown only when a step fails."""
    from sqlalchemy import text

    from api import cli
    from api.credit.service import seed_demo as seed_credit
    from api.database import make_engine, make_sessionmaker
    from api.signing.service import load_or_create_id_hash_key
    from api.verification.shared_data import seed_demo as seed_shared_data

    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        steps = [cli.migrate(settings), cli.load_catalogue(settings)]
    if steps != [0, 0]:
        raise RuntimeError("could not set up the temporary API database:\n" + said.getvalue())
    id_hash_key = load_or_create_id_hash_key(settings.id_hash_key_path)
    engine = make_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE item_versions SET created_at = :moment"),
                {"moment": (datetime.now(timezone.utc) - timedelta(days=365)).replace(tzinfo=None)},
            )
        with make_sessionmaker(engine, data_keys=cli.data_keys(settings)).begin() as session:
            seed_credit(session, id_hash_key)
            seed_shared_data(session, id_hash_key)
    finally:
        engine.dispose()


def _request(item: Dict[str, Any], evidence_key: bytes) -> Dict[str, Any]:
    """A request as the action server sends it after a complete journey, with the envelopes the Rasa
    server's channel signs (bot/core/evidence.py): every section delivered, read for minutes, then affirmed."""
    from api.clock import china_now
    from bot.core import affirmation
    from bot.core import evidence as channel_evidence

    name, id_number = APPLICANT
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    now = china_now().replace(microsecond=0)
    notice = item["notice"]
    total = len(notice)
    deliveries = []
    sent = [now - timedelta(minutes=5) + timedelta(seconds=10 * i) for i in range(total)]
    for index, (section, sent_at) in enumerate(zip(notice, sent), 1):
        custom = {"item_code": ITEM_CODE, "notice_version": item["notice_version"], "index": index, "total": total}
        deliveries.append(
            channel_evidence.sign_delivery(
                evidence_key,
                channel=CHANNEL,
                sender=sender,
                custom=custom,
                text=channel_evidence.notice_section_text(index, total, section["title"], section["text"]),
                sent_at=sent_at.isoformat(),
                delivered_at=(sent_at + timedelta(seconds=1)).isoformat(),
            )
        )
    ack_at = (now - timedelta(minutes=1)).isoformat()
    affirmed_at = (now - timedelta(seconds=30)).isoformat()
    words = affirmation.required_words("self", name)
    return {
        "idempotency_key": uuid.uuid4().hex,
        "item_code": ITEM_CODE,
        "notice_version": item["notice_version"],
        "channel": CHANNEL,
        "sender_id": sender,
        "applicant": {"name": name, "id_number": id_number},
        "phone": PHONE,
        "proxy": None,
        "evidence": {
            "affirmation_text": words,
            "affirmation_at": affirmed_at,
            "statement": affirmation.statement(item["name"], "self", name, None),
            "notice_sections_sent_at": [t.isoformat() for t in sent],
            "notice_ack_at": ack_at,
            "channel_evidence": {
                "notice_ack": channel_evidence.sign_message(
                    evidence_key, channel=CHANNEL, sender=sender, message_id=uuid.uuid4().hex, text="已阅读", at=ack_at
                ),
                "affirmation": channel_evidence.sign_message(
                    evidence_key, channel=CHANNEL, sender=sender, message_id=uuid.uuid4().hex, text=words, at=affirmed_at
                ),
                "deliveries": deliveries,
            },
        },
    }


def _code(client: Any, purpose: Dict[str, Any], conversation: str) -> Dict[str, Any]:
    """Ask for a code for the applicant in ``conversation``, read it from the outbox (the phone, here) and type
    it back, as the action server does with what the person types; the verify answer."""
    id_number = APPLICANT[1]
    sent = client.post("/api/v1/service/identity/codes",
                       json={**purpose, "id_number": id_number, "client": conversation})
    if sent.status_code != 200:
        raise RuntimeError(f"the API sent the benchmark no code: {sent.status_code} {sent.text}")
    outbox = client.app.state.settings.sms_outbox_path
    lines = outbox.read_text(encoding="utf-8").splitlines() if outbox.exists() else []
    codes = [message["code"] for message in map(json.loads, lines) if message["to"] == PHONE]
    if not codes:
        raise RuntimeError("the API wrote no code to the SMS outbox")
    verified = client.post("/api/v1/service/identity/codes/verify",
                           json={**purpose, "id_number": id_number, "code": codes[-1]})
    if verified.status_code != 200:
        raise RuntimeError(f"the API did not take the benchmark's code: {verified.status_code} {verified.text}")
    return verified.json()


def _with_identity(client: Any, item: Dict[str, Any], body: Dict[str, Any]) -> Dict[str, Any]:
    """``body`` with the identity the journey obtains in its conversation: the signer's login code, then the
    act code that confirms the statement (意愿认证)."""
    from api.identity.gate import statement_act
    from bot.core.conversation import key as conversation_key

    # The conversation as the API checks it: the channel and its sender id.
    conversation = conversation_key(body["channel"], body["sender_id"])
    act, _ = statement_act(item["name"], ITEM_CODE, body["evidence"]["statement"])
    login = _code(client, {"purpose": "login"}, conversation)
    confirmed = _code(client, {"purpose": "act", "act": act.model_dump(mode="json")}, conversation)
    body["identity"] = {
        "assurance_id": login["assurance"]["assurance_id"],
        "act_confirmation_id": confirmed["act_confirmation"]["assurance"]["assurance_id"],
    }
    return body


@contextlib.contextmanager
def _api(directory: Path) -> Iterator[Any]:
    """The API app on a fresh database, behind an in-process client acting as the action server."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    settings = _settings(directory)
    _initialise(settings)
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            client.headers["X-Service-Token"] = app.state.service_token
            yield client
    finally:
        app.state.engine.dispose()


def _create(client: Any, item: Dict[str, Any], evidence_key: bytes) -> Tuple[str, float]:
    """One commitment through ``POST /api/v1/commitments``; its number and the request's time in ms. The
    request is built (its envelopes signed, the channel's work; the signer's codes obtained, the person's)
    before the clock starts."""
    body = _with_identity(client, item, _request(item, evidence_key))
    start = time.perf_counter()
    response = client.post("/api/v1/commitments", json=body)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 201:
        raise RuntimeError(f"the API refused the benchmark's commitment: {response.status_code} {response.text}")
    return response.json()["commitment_no"], elapsed


# --- the measurements -----------------------------------------------------------------------------------


def _primitives(key: Any, data: bytes, budget_s: float) -> List[Dict[str, Any]]:
    from api.signing import gm
    from api.signing.service import decode_signature

    ed_signature, sm2_signature = key.sign(data), key.sign_sm2(data)
    sm2_public = key.sm2.public
    sm2_raw = decode_signature(sm2_signature)
    if not (key.verify(data, ed_signature) and sm2_public.verify(data, sm2_raw)):
        raise RuntimeError("a signature just made does not verify")
    return [
        _row("sign", "签名 record signature", "Ed25519", median_timing(lambda: key.sign(data), budget_s),
             "SM2 (SM3)", median_timing(lambda: key.sign_sm2(data), budget_s)),
        _row("verify", "验签 record verification", "Ed25519",
             median_timing(lambda: key.verify(data, ed_signature), budget_s),
             "SM2 (SM3)", median_timing(lambda: sm2_public.verify(data, sm2_raw), budget_s)),
        _row("hash", "哈希 record hash", "SHA-256", median_timing(lambda: hashlib.sha256(data).hexdigest(), budget_s),
             "SM3", median_timing(lambda: gm.sm3_hex(data), budget_s)),
    ]


def _commitments(client: Any, count: int) -> Tuple[Dict[str, Any], str]:
    """``count`` commitments with everything on and ``count`` without the SM2 key, alternating; the row and
    the number of one commitment signed with everything on."""
    from bot.core.evidence import load_or_create_key

    app = client.app
    item = client.get(f"/api/v1/catalogue/items/{ITEM_CODE}").json()
    evidence_key = load_or_create_key(app.state.settings.evidence_key_file)
    full = app.state.platform_key
    without_sm2 = type(full)(full.private_key, full.retired)  # same Ed25519 key, no SM2 signature
    on: List[float] = []
    off: List[float] = []
    number = ""
    for _ in range(2):  # warm-up: first requests pay imports, route compilation, the catalogue cache
        app.state.platform_key = without_sm2
        _create(client, item, evidence_key)
        app.state.platform_key = full
        number, _ = _create(client, item, evidence_key)
    try:
        for _ in range(count):
            app.state.platform_key = without_sm2
            off.append(_create(client, item, evidence_key)[1])
            app.state.platform_key = full
            on.append(_create(client, item, evidence_key)[1])
    finally:
        app.state.platform_key = full
    row = _row(
        "create", "创建承诺 POST /api/v1/commitments", "without SM2", Timing(statistics.median(off), count),
        "everything on", Timing(statistics.median(on), count),
    )
    return row, number


def _letters(client: Any, commitment_no: str, count: int) -> Tuple[Dict[str, Any], Dict[str, int]]:
    from sqlalchemy import select

    from api.commitments.models import Commitment
    from api.documents import service as documents
    from api.documents.pdf import render_pdf, sign_letter_pdf
    from api.signing.pades import letter_signer_for

    app = client.app
    signer = letter_signer_for(app.state.settings.signing_key_path)
    with app.state.sessionmaker() as session:
        row = session.execute(select(Commitment).where(Commitment.commitment_no == commitment_no)).scalar_one()
        document = documents.letter(row, PUBLIC_BASE_URL)
    plain = render_pdf(document)
    signed = sign_letter_pdf(signer, plain, document)  # also creates the CA and loads the signer: once per process
    render_only: List[float] = []
    render_and_sign: List[float] = []
    for _ in range(count):
        start = time.perf_counter()
        render_pdf(document)
        render_only.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        sign_letter_pdf(signer, render_pdf(document), document)
        render_and_sign.append((time.perf_counter() - start) * 1000)
    row = _row(
        "letter", "承诺书 PDF letter", "render", Timing(statistics.median(render_only), count),
        "render + PAdES", Timing(statistics.median(render_and_sign), count),
    )
    return row, {"pdf_bytes": len(plain), "signed_pdf_bytes": len(signed)}


def measure(plan: Plan) -> Dict[str, Any]:
    from api.commitments import sealed
    from api.signing import gm
    from api.commitments.models import Commitment
    from bot.core.canonical import canonical_json
    from sqlalchemy import select

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gz-signing-cost-") as tmp, _api(Path(tmp)) as client:
        setup_s = time.perf_counter() - started
        create_row, number = _commitments(client, plan.commitments)
        key = client.app.state.platform_key
        with client.app.state.sessionmaker() as session:
            row = session.execute(select(Commitment).where(Commitment.commitment_no == number)).scalar_one()
            data = canonical_json(sealed.payload_of(row))
        rows = _primitives(key, data, plan.budget_s)
        letter_row, sizes = _letters(client, number, plan.letters)
    rows += [create_row, letter_row]
    sign = rows[0]
    return {
        "measured_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        # Other work on the machine slows every figure here alike; the report prints it beside them.
        "loadavg_before": round(load_before, 2),
        "sm3_backend": "OpenSSL" if gm._sm3_openssl(b"") is not None else "gmssl (pure Python)",
        "record_bytes": len(data),
        "rows": rows,
        # SM2's part of a commitment's creation, from the primitive and from the with/without difference.
        "sm2_sign_share_of_create": round(sign["with_ms"] / create_row["with_ms"], 3),
        "create_sm2_extra_ms": round(create_row["with_ms"] - create_row["base_ms"], 2),
        "letter_pades_extra_ms": round(letter_row["with_ms"] - letter_row["base_ms"], 1),
        **sizes,
        "plan": {"budget_s": plan.budget_s, "commitments": plan.commitments, "letters": plan.letters},
        "setup_s": round(setup_s, 1),
        "total_s": round(time.perf_counter() - started, 1),
    }


def _text(result: Dict[str, Any]) -> str:
    lines = [f"{'step':<36} {'without':>16} {'ms':>9} {'with':>16} {'ms':>9} {'ratio':>7}"]
    for r in result["rows"]:
        lines.append(f"{r['step']:<36} {r['base']:>16} {r['base_ms']:>9.3f} {r['with']:>16} {r['with_ms']:>9.3f} "
                     f"{r['ratio']:>6.1f}x")
    lines.append(f"SM2 signing: {result['sm2_sign_share_of_create']:.0%} of creating a commitment")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.signing.cost", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (what the benchmark reads)")
    parser.add_argument("--quick", action="store_true", help="few repetitions: checks it runs, figures are rough")
    parser.add_argument("--budget", type=float, default=None, help="seconds per primitive's figure")
    parser.add_argument("--commitments", type=int, default=None, help="commitments with and without SM2 each")
    parser.add_argument("--letters", type=int, default=None, help="letters rendered, and rendered and signed")
    args = parser.parse_args(argv)
    base = Plan.quick() if args.quick else Plan()
    plan = Plan(
        budget_s=args.budget if args.budget is not None else base.budget_s,
        commitments=args.commitments if args.commitments is not None else base.commitments,
        letters=args.letters if args.letters is not None else base.letters,
    )
    if plan.budget_s <= 0 or plan.commitments < 1 or plan.letters < 1:
        parser.error("--budget must be positive, --commitments and --letters at least 1")
    # The API's warnings (a holiday table running out, say) are about its data, not about these figures.
    logging.getLogger("api").setLevel(logging.ERROR)
    result = measure(plan)
    print(json.dumps(result, ensure_ascii=False) if args.json else _text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
