"""Test data and helpers for the API tests (imported as ``tests.api.helpers``)."""
from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import subprocess
import sys
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.config import REPO_ROOT, Settings
from bot.core import affirmation, ids
from bot.core import evidence as channel_evidence
from bot.core import catalogue as catalogue_rules
from bot.core.catalogue import load_catalogue
from bot.core.conversation import key as conversation_key

ZM001_YAML = REPO_ROOT / "data" / "catalogue" / "items" / "ZM001.yaml"

# docs/demo-identities.md.
ZHANG_WEI = ("张伟", "410105199001011233")  # clean
LI_NA = ("李娜", "410102198505052342")  # serious false commitment, not repaired
WANG_FANG = ("王芳", "410184197803154566")  # 较重, repaired
ZHAO_QIANG = ("赵强", "410103196208085671")  # clean, often represented
LIU_YANG = ("刘洋", "410105200002291113")  # clean, acts as proxy
HAOWEI = ("郑州好味餐饮管理有限公司", "91410100MA44XK7L3D")  # clean enterprise
SUDA = ("郑州速达物流有限公司", "91410105MA9F0Q2W1A")  # serious false commitment, not repaired
LAOJIE = ("二七区老街便利店（个体工商户）", "92410102MA45T8UP0E")  # clean individual business
HAOWEI_REPRESENTATIVE = "王强"  # the legal representative who commits for an enterprise acting for itself
INVALID_ID = "410105199001011234"  # the canonical invalid ID (last digit wrong)
PHONE = "13800138000"  # 张伟's registered (实名) mobile number in the demo shared data
# The number each demo person registered (api.verification.shared_data.DEMO_PHONES); None: none registered.
REGISTERED_PHONES = {
    ZHANG_WEI[1]: PHONE, LI_NA[1]: "13800132342", ZHAO_QIANG[1]: "13800135671", LIU_YANG[1]: "13912345678",
    # An enterprise's: its legal representative's 实名 mobile, as the market-regulation register holds it.
    HAOWEI[1]: "13700137000", SUDA[1]: "13700130001", LAOJIE[1]: "13700130002",
}
CHANNEL = "rest"
SENDER = "rest-session-1"
# The conversation the identity checks know the test bodies by (bot/core/conversation.py).
CONVERSATION = conversation_key(CHANNEL, SENDER)

CODES = "/api/v1/service/identity/codes"
CODES_VERIFY = "/api/v1/service/identity/codes/verify"
ATTESTATIONS = "/api/v1/identity/hotline/attestations"
AUTHORISATIONS = "/api/v1/service/authorisations"


def _derived(base: Dict[str, Any], **changes: Any) -> Dict[str, Any]:
    item = copy.deepcopy(base)
    item.update(changes)
    return item


def write_test_catalogue(directory: Path) -> None:
    """Four items covering every kind the rules distinguish, derived from the shipped ZM001.

    ZM001 proof, proxy allowed; ZM004 proof, no proxy; XK001 licence with an included proof item (R9);
    XK101 excluded (R2). The tests own these facts, so catalogue edits elsewhere do not break them.
    """
    directory.mkdir(parents=True, exist_ok=True)
    zm001 = yaml.safe_load(ZM001_YAML.read_text(encoding="utf-8"))

    def shipped_section(code: str, index: int) -> Dict[str, Any]:
        # Sections 4 (承诺方式) and 7 (承诺书公开) must match proxy_allowed, kind and public; the shipped
        # item with the same flags has the wording the loader requires.
        return yaml.safe_load((ZM001_YAML.parent / f"{code}.yaml").read_text(encoding="utf-8"))["notice"][index]

    public_section = {"title": "承诺书公开", "text": catalogue_rules.disclosure_clause(catalogue_rules.DEFAULT_DISCLOSURE_DAYS)}
    zm004 = _derived(zm001, code="ZM004", name="律师执业申请", proxy_allowed=False, public=True, aliases=["律师执业"])
    zm004["notice"] = copy.deepcopy(zm001["notice"])
    zm004["notice"][0]["text"] = "律师执业申请（实施机关：郑州市司法局）。本告知书适用于以告知承诺方式替代“无犯罪记录证明”。"
    zm004["notice"][3] = shipped_section("ZM004", 3)
    zm004["notice"][6] = dict(public_section)
    xk001 = _derived(
        zm001,
        code="XK001",
        kind="license",
        name="公共场所卫生许可",
        department="市卫生健康委员会",
        aliases=["卫生许可证"],
        replaces=["卫生设施与布局", "卫生管理制度", "从业人员健康合格"],
        includes_proofs=["从业人员健康合格证明"],
        public=True,
    )
    xk001["notice"] = copy.deepcopy(zm001["notice"])
    xk001["notice"][0]["text"] = "公共场所卫生许可（实施机关：郑州市卫生健康委员会）。本告知书适用于以告知承诺方式办理许可并替代“从业人员健康合格证明”。"
    xk001["notice"][3] = shipped_section("XK001", 3)
    xk001["notice"][6] = dict(public_section)
    xk101 = {
        key: zm001[key]
        for key in ("level", "area", "proofs_required", "phrasings")
    }
    xk101.update(
        code="XK101",
        name="危险化学品经营许可",
        kind="license",
        department="市应急管理局",
        legal_basis="《危险化学品安全管理条例》",
        commitment_allowed=False,
        proxy_allowed=False,
        public=False,
        aliases=["危化品经营许可"],
        replaces=[],
        exclusion={"category": "公共安全", "reason": "危险化学品经营直接关系公共安全，须现场核查经营条件。"},
    )
    for item in (zm001, zm004, xk001, xk101):
        (directory / f"{item['code']}.yaml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")
    load_catalogue(directory)  # the fixture itself must be a valid catalogue


def cli_env(settings: Settings) -> Dict[str, str]:
    """The environment that points ``python -m api.cli`` at the test's database and keys."""
    env = dict(os.environ)
    env.update(
        GZ_DATABASE_URL=settings.database_url,
        GZ_SIGNING_KEY_PATH=str(settings.signing_key_path),
        GZ_ID_HASH_KEY_PATH=str(settings.id_hash_key_path),
        GZ_DATA_KEY_PATH=str(settings.data_key_path),
        GZ_CATALOGUE_DIR=str(settings.catalogue_dir),
        GZ_PUBLIC_BASE_URL=settings.public_base_url,
        GZ_EVIDENCE_KEY_PATH=str(settings.evidence_key_file),
    )
    return env


def run_cli_process(settings: Settings, *args: str, stdin: Optional[str] = None) -> subprocess.CompletedProcess:
    """``python -m api.cli ARGS`` as an operator runs it: a process of its own, pointed at the test's files."""
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO_ROOT, env=cli_env(settings),
                          capture_output=True, text=True, timeout=120, input=stdin)


def run_cli(settings: Settings, *args: str, stdin: Optional[str] = None) -> subprocess.CompletedProcess:
    """``python -m api.cli ARGS`` run in this process: the same ``main`` (argparse, settings read from the
    environment of ``cli_env``, exit status, output) without the interpreter's start and the imports, about
    1.5 s of CPU per command. A few tests still run ``run_cli_process``, so the entry point itself stays proven."""
    from api import cli
    from api.config import get_settings

    out, err = io.StringIO(), io.StringIO()
    saved_environ, saved_stdin = dict(os.environ), sys.stdin
    os.environ.update(cli_env(settings))
    sys.stdin = io.StringIO(stdin or "")
    get_settings.cache_clear()  # main reads the settings through this cache: it must see the environment above
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse refusing the arguments
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_environ)
        get_settings.cache_clear()
    return subprocess.CompletedProcess(["api.cli", *args], code, out.getvalue(), err.getvalue())


def signed_payload(settings: Settings, row: Any) -> Dict[str, Any]:
    """The signed payload of a raw ``commitments`` row, its sealed ID numbers opened with the test's data key
    ring (P5: ``commitments.canonical`` stores them encrypted; ``api.commitments.sealed`` reconstructs)."""
    from api.commitments import sealed
    from bot.core import sealing

    return sealed.open_payload(row["canonical"], sealing.load(settings.data_key_path), sealed.aad_for(row["commitment_no"]))


def signed_bytes(settings: Settings, row: Any) -> bytes:
    """The exact bytes that were hashed and signed (P3), rebuilt from a raw ``commitments`` row."""
    from bot.core.canonical import canonical_json

    return canonical_json(signed_payload(settings, row))


def notice_version(client: TestClient, code: str) -> str:
    return client.get(f"/api/v1/catalogue/items/{code}").json()["notice_version"]


def commitment_body(
    client: TestClient,
    code: str = "ZM001",
    applicant: tuple = ZHANG_WEI,
    proxy: Optional[tuple] = None,
    *,
    key: Optional[str] = None,
    affirmation_text: Optional[str] = None,
    special_authorization: bool = True,
    representative: Optional[str] = None,
    **overrides: Any,
) -> Dict[str, Any]:
    """A request the way a channel sends it after a complete, correct journey (contract rules 1-4).

    An enterprise acting for itself commits through its legal representative (``representative``, by default
    HAOWEI_REPRESENTATIVE; ``representative=""`` leaves it out)."""
    item = client.get(f"/api/v1/catalogue/items/{code}").json()
    name, id_number = applicant
    acting_as = "proxy" if proxy else "self"
    enterprise = ids.id_type(ids.clean_id(id_number)) == "uscc"
    if representative is None:
        representative = HAOWEI_REPRESENTATIVE if enterprise and not proxy else ""
    if enterprise and (representative or proxy):  # without either, what a client unaware of enterprises sent
        statement = affirmation.statement(item["name"], acting_as, name, proxy[0] if proxy else None,
                                          representative=representative or None, applicant_kind="enterprise")
    else:
        statement = affirmation.statement(item["name"], acting_as, name, proxy[0] if proxy else None)
    now = datetime.now(timezone(timedelta(hours=8))).replace(microsecond=0)
    sections = len(item["notice"]) or 7
    acting = proxy or applicant
    phone = REGISTERED_PHONES.get(acting[1]) or REGISTERED_PHONES.get(id_number) or PHONE
    sent = [now - timedelta(minutes=5) + timedelta(seconds=10 * i) for i in range(sections)]
    body: Dict[str, Any] = {
        "idempotency_key": key or uuid.uuid4().hex,
        "item_code": code,
        "notice_version": item["notice_version"] or "0" * 64,
        "channel": CHANNEL,
        "sender_id": SENDER,
        "applicant": {"name": name, "id_number": id_number},
        "phone": phone,
        "proxy": None
        if not proxy
        else {
            "name": proxy[0],
            "id_number": proxy[1],
            "authorization_no": "SQWT-2026-0001",
            "special_authorization": special_authorization,
        },
        **({"representative": {"name": representative, "role": "legal_representative"}} if representative else {}),
        "evidence": {
            "affirmation_text": affirmation_text or affirmation.required_words(acting_as, name),
            "affirmation_at": (now - timedelta(seconds=30)).isoformat(),
            "statement": statement,
            "notice_sections_sent_at": [t.isoformat() for t in sent],
            "notice_ack_at": (now - timedelta(minutes=1)).isoformat(),
        },
    }
    body.update(overrides)
    body = sign_evidence(client, body)
    if proxy and "authorisation" not in body["proxy"]:
        body["proxy"]["authorisation"] = grant_authorisation(client, applicant, proxy, code)
    return with_identity(client, body)


# --- identity, as the journey obtains it ---------------------------------------------------------------------


def service_token(client: TestClient) -> Dict[str, str]:
    return {"X-Service-Token": client.app.state.service_token}


def sms_outbox(client: TestClient) -> List[Dict[str, str]]:
    """The messages the SMS outbox gateway wrote (the test deployment's stand-in for the phone)."""
    settings = client.app.state.settings
    path = settings.sms_outbox_path or settings.var_path / "sms-outbox.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _as_if_codes_were_long_ago(client: TestClient) -> None:
    """Forget the spent codes, as if their hour had passed. A test plays journey after journey for the same
    person within seconds, which the per-minute and per-hour code limits exist to stop (they have their own
    tests in test_identity.py); the codes still go through the whole real path."""
    from sqlalchemy import delete

    from api.identity.models import OneTimeCode

    with client.app.state.sessionmaker() as session:
        session.execute(delete(OneTimeCode).where(OneTimeCode.state != "active"))
        session.commit()


def registered_phone(client: TestClient, id_number: str) -> Optional[str]:
    from api.verification.shared_data import LocalSharedDataAdapter

    with client.app.state.sessionmaker() as session:
        adapter = LocalSharedDataAdapter(session=session, id_hash_key=client.app.state.id_hash_key)
        return adapter.registered_phone(ids.clean_id(id_number))


def register_phone(client: TestClient, id_number: str, phone: str) -> None:
    """Test data: the shared-data platform holds ``phone`` as the 实名 number of ``id_number`` (the demo data
    has one for four people only; a signer needs one to receive codes)."""
    from api.commitments import sealed
    from api.credit.service import id_hash
    from api.verification.models import RegisteredPhone
    from api.verification.shared_data import PHONE_PROVIDER, _phone_aad

    with client.app.state.sessionmaker() as session:
        subject = id_hash(ids.clean_id(id_number), client.app.state.id_hash_key)
        session.add(RegisteredPhone(
            subject_hash=subject, phone_sealed=sealed.ring_of(session).seal(phone, _phone_aad(subject)),
            provider=PHONE_PROVIDER, as_of=date(2026, 1, 1),
        ))
        session.commit()


def sms_code(
    client: TestClient,
    id_number: str,
    conversation: str,
    act: Optional[Dict[str, Any]] = None,
    at: Optional[datetime] = None,
) -> Dict[str, Any]:
    """Ask for a code for ``id_number`` in ``conversation``, read it from the outbox and type it back; the
    verify answer (``assurance``, and for an act ``act_confirmation``). At ``at``, or else on the real clock,
    as the commitment endpoint uses it, whatever a test did to ``get_now``."""
    from api.dependencies import get_now

    moved = client.app.dependency_overrides.pop(get_now, None)
    if at is not None:
        client.app.dependency_overrides[get_now] = lambda: at
    try:
        _as_if_codes_were_long_ago(client)
        purpose = {"purpose": "act", "act": act} if act is not None else {"purpose": "login"}
        sent = client.post(CODES, json={**purpose, "id_number": id_number, "client": conversation},
                           headers=service_token(client))
        assert sent.status_code == 200, sent.text
        phone = registered_phone(client, id_number)
        code = [m for m in sms_outbox(client) if m["to"] == phone][-1]["code"]
        verified = client.post(CODES_VERIFY, json={**purpose, "id_number": id_number, "code": code},
                               headers=service_token(client))
        assert verified.status_code == 200, verified.text
        return verified.json()
    finally:
        client.app.dependency_overrides.pop(get_now, None)
        if moved is not None:
            client.app.dependency_overrides[get_now] = moved


def login_assurance(
    client: TestClient, id_number: str, conversation: Optional[str] = None, at: Optional[datetime] = None
) -> str:
    """The id of a login assurance (SMS code) of ``id_number`` made in ``conversation`` (default: the test
    bodies' own, their channel and sender)."""
    return sms_code(client, id_number, conversation or CONVERSATION, at=at)["assurance"]["assurance_id"]


def statement_act(item_name: str, item_code: str, statement: str) -> Dict[str, Any]:
    """The act a commitment's statement is confirmed as (``api.identity.gate.statement_act``), as JSON."""
    digest = hashlib.sha256(statement.encode("utf-8")).hexdigest()
    return {"item_name": item_name, "item_code": item_code, "statement_sha256": digest}


def act_confirmation(
    client: TestClient, id_number: str, act: Dict[str, Any], conversation: Optional[str] = None,
    at: Optional[datetime] = None
) -> str:
    """The id of an act confirmation (意愿认证) of ``act`` by ``id_number`` in ``conversation``."""
    return sms_code(client, id_number, conversation or CONVERSATION, act, at=at)["act_confirmation"]["assurance"]["assurance_id"]


def signer_of(body: Dict[str, Any]) -> str:
    """Whose identity signs a request: the agent's for a proxy, otherwise the applicant's."""
    return (body.get("proxy") or body["applicant"])["id_number"]


def body_act(client: TestClient, body: Dict[str, Any]) -> Dict[str, Any]:
    item = client.get(f"/api/v1/catalogue/items/{body['item_code']}")
    # An item the catalogue does not have is refused before any act is looked at; its code stands for its name.
    name = item.json()["name"] if item.status_code == 200 else body["item_code"]
    return statement_act(name, body["item_code"], body["evidence"]["statement"])


def with_identity(client: TestClient, body: Dict[str, Any], at: Optional[datetime] = None) -> Dict[str, Any]:
    """``body`` with the identity the journey obtains for it as it stands now: the signer's login code and,
    after the affirmation, the act code for its statement, both in its conversation (``sender_id``). Call it
    again after changing the statement, the people, the conversation or the affirmation time; ``at``: the
    codes are typed back then (a journey played on another day), otherwise now."""
    from api.errors import ApiError
    from api.identity.otp import checked_id

    signer = signer_of(body)
    try:
        checked_id(signer)
    except ApiError:
        # No code can be sent for a malformed ID number: the journey never gets that far (the API refuses it).
        body.pop("identity", None)
        return body
    if registered_phone(client, signer) is None:
        register_phone(client, signer, body["phone"])
    conversation = conversation_key(body["channel"], body["sender_id"])  # the chat's channel and sender
    body["identity"] = {
        "assurance_id": login_assurance(client, signer, conversation, at=at),
        "act_confirmation_id": act_confirmation(client, signer, body_act(client, body), conversation, at=at),
    }
    return body


def hotline_identity(
    client: TestClient, body: Dict[str, Any], staff: Dict[str, str], how: str = "callback_registered_phone"
) -> Dict[str, Any]:
    """``body`` with the staff member's attestation of the caller, made in the hotline conversation."""
    response = client.post(ATTESTATIONS, json={"id_number": signer_of(body), "how": how,
                                               "conversation": body["sender_id"]}, headers=staff)
    assert response.status_code == 201, response.text
    body["identity"] = {"assurance_id": response.json()["assurance_id"]}
    return body


def grant_authorisation(
    client: TestClient, principal: tuple, agent: tuple, item_code: str, conversation: str = "principal-session"
) -> Dict[str, str]:
    """The principal, verified by SMS in their own conversation, grants the agent a special authorisation for
    the item; the number and code the principal passes on."""
    if registered_phone(client, principal[1]) is None:
        register_phone(client, principal[1], PHONE)
    assurance = login_assurance(client, principal[1], conversation)
    response = client.post(AUTHORISATIONS, headers=service_token(client), json={
        "principal_id": principal[1], "assurance_id": assurance, "client": conversation,
        "principal_name": principal[0], "agent_name": agent[0], "agent_id": agent[1],
        "item_codes": [item_code], "valid_until": (date.today() + timedelta(days=30)).isoformat(),
    })
    if response.status_code != 201:
        # The platform would not grant it (an item without proxies, say): the agent has nothing valid to show,
        # and the commitment is refused for that reason first.
        return {"number": "SQ20260101-AAAAAA", "code": "AAAAAAAA"}
    granted = response.json()
    return {"number": granted["number"], "code": granted["code"]}


def evidence_key(client: TestClient) -> bytes:
    """The channels' HMAC key the test's API reads (the Rasa server's channels sign with the same file)."""
    return channel_evidence.load_or_create_key(client.app.state.settings.evidence_key_file)


def sign_evidence(
    client: TestClient,
    body: Dict[str, Any],
    *,
    delivered_after: timedelta = timedelta(seconds=1),
    key: Optional[bytes] = None,
) -> Dict[str, Any]:
    """``body`` with the channel evidence its channel would have signed for it, as the Rasa server does.

    The envelopes follow the request's own fields: the "已阅读" and affirmation messages say ``notice_ack_at``,
    ``affirmation_text`` and ``affirmation_at``; section i was sent at ``notice_sections_sent_at[i]`` and
    delivered ``delivered_after`` later, with the text the catalogue publishes. Call it again after changing
    those fields, so a test changes one thing only. The hotline gets no delivery envelopes (its ticks are the
    API's own rows)."""
    key = key or evidence_key(client)
    channel, sender, evidence = body["channel"], body["sender_id"], body["evidence"]
    item = client.get(f"/api/v1/catalogue/items/{body['item_code']}").json()
    notice = item.get("notice") or []
    deliveries = []
    if channel != "hotline":
        total = len(notice)
        for index, (section, sent_at) in enumerate(zip(notice, evidence["notice_sections_sent_at"]), 1):
            custom = {"item_code": body["item_code"], "notice_version": body["notice_version"], "index": index, "total": total}
            delivered_at = (datetime.fromisoformat(sent_at) + delivered_after).isoformat()
            text_shown = channel_evidence.notice_section_text(index, total, section["title"], section["text"])
            deliveries.append(channel_evidence.sign_delivery(
                key, channel=channel, sender=sender, custom=custom, text=text_shown, sent_at=sent_at,
                delivered_at=delivered_at,
            ))
    evidence["channel_evidence"] = {
        "notice_ack": channel_evidence.sign_message(
            key, channel=channel, sender=sender, message_id=uuid.uuid4().hex, text="已阅读", at=evidence["notice_ack_at"]
        ),
        "affirmation": channel_evidence.sign_message(
            key, channel=channel, sender=sender, message_id=uuid.uuid4().hex, text=evidence["affirmation_text"],
            at=evidence["affirmation_at"],
        ),
        "deliveries": deliveries,
    }
    return body


def publish_catalogue_before(settings: Settings, moment: datetime) -> None:
    """Date the loaded catalogue versions back to ``moment``: a conversation happens after the notice it shows
    was published, and the API refuses evidence older than the version (``before_publication``)."""
    engine = create_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE item_versions SET created_at = :moment WHERE created_at > :moment"),
                {"moment": moment.astimezone(timezone.utc).replace(tzinfo=None)
                 if settings.database_url.startswith("sqlite") else moment},
            )
    finally:
        engine.dispose()


def count_commitments(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM commitments")).scalar_one()
    finally:
        engine.dispose()


def execute_sql(settings: Settings, statement: str, **params: Any) -> None:
    """Change the database behind the application's back, as an intruder or a careless admin would."""
    engine = create_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            assert result.rowcount == 1, "the tampering statement must hit exactly one row"
    finally:
        engine.dispose()


def commitment_row(settings, commitment_no: str) -> Dict[str, Any]:
    """The stored commitments row, read with plain SQL (what an auditor or an attacker sees in the database)."""
    engine = create_engine(settings.database_url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT * FROM commitments WHERE commitment_no = :no"), {"no": commitment_no}
        ).mappings().one()
    engine.dispose()
    return dict(row)


def applicant_login_headers(client: TestClient, person: tuple) -> Dict[str, str]:
    """An applicant's token, signed in as the applicant pages do it: a login code to the 实名 phone, typed back."""
    _as_if_codes_were_long_ago(client)
    sent = client.post("/api/v1/auth/applicant/code", json={"id_number": person[1]})
    assert sent.status_code == 200, sent.text
    phone = registered_phone(client, person[1])
    code = [m for m in sms_outbox(client) if m["to"] == phone][-1]["code"]
    response = client.post("/api/v1/auth/applicant", json={"id_number": person[1], "code": code})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def verify_path(where: Any, commitment_no: str) -> str:
    """The public verification path of a commitment as its receipt gives it: the number and its check code,
    read from the database (``where``: the test's Settings, or a client of its app)."""
    settings = where.app.state.settings if hasattr(where, "app") else where
    return f"/api/v1/commitments/{commitment_no}/verify?code={commitment_row(settings, commitment_no)['check_code']}"
