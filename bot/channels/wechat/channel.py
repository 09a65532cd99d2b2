"""The WeChat official account channel: ``bot.channels.wechat.channel.WeChatInput`` in credentials.yml.

Endpoint: ``/webhooks/wechat/webhook`` (GET = WeChat's URL verification, POST = messages and events).

Order of work for every POST, and why:
1. the signature (sha1 of token, timestamp, nonce) and, in AES mode, the message signature are checked
   before anything else; a forged request gets 403 and never reaches Rasa;
2. plain / compatible / safe (AES) mode: wechatpy's crypto decrypts, and a reply to an encrypted
   message is encrypted;
3. de-duplication (dedup.py): WeChat's retries of one ``MsgId`` (or, without one, of one sender and
   ``CreateTime``) become exactly one Rasa turn (contract rule 3);
4. the message is signed as it is handed to Rasa (bot/channels/evidence_ledger.py, ``sign_user_message``): channel
   ``wechat``, the openid, the ``MsgId`` as message id, the exact text; a voice message with WeChat's speech
   recognition is handled as the recognised text;
5. the 5-second rule: Rasa handles the message in a shielded task; if it finishes within the reply deadline
   (~4.5 s) and its texts fit one message, that is the passive reply; otherwise WeChat gets ``success`` and
   the texts follow as at most 5 customer-service messages (client.py), merged so the seven notice
   sections fit (R6, contract rule 1);
6. a notice section is signed as delivered only once WeChat has it: a passive reply when the HTTP response
   carrying it has been written back to WeChat's server (``response_returned``), a customer-service message
   when the send API answered errcode 0 (``customer_service_api``). Refused or unreachable means no delivery:
   the journey then cannot reach the commitment, and the citizen is told which part is missing (the action
   server) instead of committing to a notice that never arrived;
7. numbered choices: a reply "1" is mapped to the option value last offered to this citizen (render.py);
8. flood control (bot/channels/message_guard.py), after 3 and before 4: a first arrival over the openid's limit gets one
   polite passive reply (recorded like any, so WeChat's retries of it get the same), is not signed and starts no
   turn.

The citizen's ``openid`` is the Rasa sender id; it is never shown, and logs carry ``mask_openid`` only.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Set, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import create_reply
from wechatpy.utils import check_signature

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel, UserMessage

from bot.channels import evidence_ledger

from bot.channels import message_guard
from bot.core.evidence import is_notice_section, now_iso
from bot.channels.wechat import mask_openid
from bot.channels.webhook import webhook_blueprint
from bot.channels.wechat.client import CustomerServiceClient, SendReport
from bot.channels.wechat.dedup import (
    ANSWERED_SUCCESS,
    DEFAULT_DEDUP_TTL_SECONDS,
    CitizenState,
    ExpiringStore,
    MessageLedger,
    evidence_message_id,
    message_key,
    open_store,
)
from bot.channels.wechat.render import (
    BUSY_TEXT,
    CONTINUE_HINT,
    CONTINUE_WORDS,
    MESSAGES_PER_USER_MESSAGE,
    VOICE_UNHEARD_TEXT,
    WELCOME_TEXT,
    Outgoing,
    chosen_value,
    merge,
    render_turn,
    settle,
    unsupported_text,
)

logger = logging.getLogger(__name__)

MODES = ("plain", "compatible", "safe")
MAX_BODY_BYTES = 64 * 1024  # WeChat's XML is a few hundred bytes; anything huge is not from WeChat
UNSUPPORTED_KINDS = ("image", "location", "video", "shortvideo", "link", "miniprogrampage")
CHANNEL = "wechat"
# How a delivery was known (bot/core/evidence.py DELIVERED_BY_TEXT): a passive reply rides on our HTTP
# response, exactly like the REST channel's; a customer-service message is accepted by WeChat's API.
PASSIVE_REPLY_HOW = "response_returned"
CUSTOMER_SERVICE_HOW = "customer_service_api"
_TRAILING_PUNCTUATION = "。.!！~～"
# Test-only: openids whose turns are held past the reply deadline, so the e2e tests can take the
# customer-service path deterministically. Never set in production.
TEST_SLOW_SENDERS_ENV = "GZ_WECHAT_TEST_SLOW_SENDERS"

ENV_OVERRIDES = {
    # Secrets belong in the environment in production; bot/credentials.yml ships demo values only.
    "token": "GZ_WECHAT_TOKEN",
    "app_id": "GZ_WECHAT_APP_ID",
    "app_secret": "GZ_WECHAT_APP_SECRET",
    "encoding_aes_key": "GZ_WECHAT_AES_KEY",
    "mode": "GZ_WECHAT_MODE",
    "api_base_url": "GZ_WECHAT_API_BASE_URL",
    "redis_url": "GZ_WECHAT_REDIS_URL",
    "store_path": "GZ_WECHAT_STORE_PATH",
}


@dataclass
class WeChatSettings:
    token: str
    app_id: str
    app_secret: str = ""
    encoding_aes_key: Optional[str] = None
    mode: str = "plain"
    api_base_url: str = "https://api.weixin.qq.com"
    redis_url: Optional[str] = None
    store_path: str = "var/wechat.db"
    reply_deadline_seconds: float = 4.5  # WeChat waits 5 s; leave room for the network
    dedup_ttl_seconds: float = DEFAULT_DEDUP_TTL_SECONDS
    max_clock_skew_seconds: float = 300.0  # a signed request older than this is a replay; 0 disables
    slow_senders: Set[str] = field(default_factory=set)

    # The shipped demo values of bot/credentials.yml are public: with them anyone can sign a request as WeChat
    # (and, with the AES key, read the replies). They are accepted only in the profiles bot/tools/stack.py runs on one
    # machine with every server bound to loopback (GZ_PROFILE embedded, the default of `make up`, or scale);
    # anywhere else - a deployment sets GZ_PROFILE=production, and an unset GZ_PROFILE counts as that - Rasa
    # refuses to start with any of them. (Plain class attributes, not dataclass fields: no annotation.)
    DEMO_VALUES = {
        "token": "gaozhi_demo_token",
        "app_id": "wx00000000demo0000",
        "app_secret": "demo-secret-not-a-real-one",
        "encoding_aes_key": "GEIqxZdRXj4hVirw4HGpWVQ6EACd60tWOIEtnOPW5A0",
    }
    DEMO_PROFILES = ("embedded", "scale")

    @classmethod
    def refuse_demo_values(cls, values: Mapping[str, Any], env: Mapping[str, str]) -> None:
        demo = sorted(name for name, value in cls.DEMO_VALUES.items() if str(values.get(name) or "") == value)
        profile = str(env.get("GZ_PROFILE") or "").strip()
        if demo and profile not in cls.DEMO_PROFILES:
            raise ValueError(
                f"WeChat channel: {', '.join(demo)} still hold the public demo values of bot/credentials.yml, which "
                f"only the one-machine profiles accept (GZ_PROFILE={' or '.join(cls.DEMO_PROFILES)}; now "
                f"{profile or 'unset'}). Set {', '.join(ENV_OVERRIDES[name] for name in demo)}, or remove the "
                f"WeChat channel from the credentials file"
            )

    @classmethod
    def from_credentials(cls, credentials: Optional[Mapping[str, Any]], env: Mapping[str, str] = os.environ) -> "WeChatSettings":
        values: Dict[str, Any] = dict(credentials or {})
        for name, variable in ENV_OVERRIDES.items():
            if env.get(variable):
                values[name] = env[variable]
        for required in ("token", "app_id"):
            if not values.get(required):
                raise ValueError(f"WeChat channel: '{required}' is missing in credentials.yml")
        cls.refuse_demo_values(values, env)
        mode = str(values.get("mode") or "plain").lower()
        if mode not in MODES:
            raise ValueError(f"WeChat channel: mode must be one of {MODES}, not {mode!r}")
        aes_key = values.get("encoding_aes_key") or None
        if mode != "plain" and (not aes_key or len(str(aes_key)) != 43):
            raise ValueError("WeChat channel: compatible and safe modes need the 43-character encoding_aes_key")
        settings = cls(
            token=str(values["token"]),
            app_id=str(values["app_id"]),
            app_secret=str(values.get("app_secret") or ""),
            encoding_aes_key=str(aes_key) if aes_key else None,
            mode=mode,
            api_base_url=str(values.get("api_base_url") or cls.api_base_url),
            redis_url=values.get("redis_url") or None,
            store_path=str(values.get("store_path") or cls.store_path),
            slow_senders={s for s in env.get(TEST_SLOW_SENDERS_ENV, "").split(",") if s.strip()},
        )
        for number in ("reply_deadline_seconds", "dedup_ttl_seconds", "max_clock_skew_seconds"):
            if values.get(number) is not None:
                setattr(settings, number, float(values[number]))
        return settings


# --- signature and envelope (pure; tests/wechat/test_envelope.py) ---------------------------------------


class Rejected(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class Envelope:
    xml: str
    encrypted: bool


def make_crypto(settings: WeChatSettings) -> Optional[WeChatCrypto]:
    if settings.mode == "plain":
        return None
    return WeChatCrypto(settings.token, settings.encoding_aes_key, settings.app_id)


def check_request_signature(settings: WeChatSettings, args: Mapping[str, Optional[str]], now: float) -> None:
    signature, timestamp, nonce = args.get("signature"), args.get("timestamp"), args.get("nonce")
    if not (signature and timestamp and nonce):
        raise Rejected(403, "signature missing")
    try:
        check_signature(settings.token, signature, timestamp, nonce)
    except InvalidSignatureException:
        raise Rejected(403, "invalid signature") from None
    if settings.max_clock_skew_seconds > 0:
        try:
            skew = abs(now - int(timestamp))
        except ValueError:
            raise Rejected(403, "invalid timestamp") from None
        if skew > settings.max_clock_skew_seconds:
            raise Rejected(403, "stale timestamp")


def verify_url(settings: WeChatSettings, args: Mapping[str, Optional[str]], now: float) -> str:
    """WeChat's server-address check: echo ``echostr`` only when the signature is valid."""
    check_request_signature(settings, args, now)
    echostr = args.get("echostr")
    if not echostr:
        raise Rejected(400, "echostr missing")
    return echostr


def open_envelope(
    settings: WeChatSettings, crypto: Optional[WeChatCrypto], args: Mapping[str, Optional[str]], body: bytes, now: float
) -> Envelope:
    """The message XML of a POST, after the signature checks; raises ``Rejected`` otherwise."""
    check_request_signature(settings, args, now)
    if len(body) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    encrypted = (args.get("encrypt_type") or "raw").lower() == "aes"
    if not encrypted:
        if settings.mode == "safe":
            raise Rejected(403, "safe mode accepts encrypted messages only")
        return Envelope(body.decode("utf-8", errors="strict"), False)
    if crypto is None:
        raise Rejected(400, "encrypted message but the channel is in plain mode")
    msg_signature = args.get("msg_signature")
    if not msg_signature:
        raise Rejected(403, "msg_signature missing")
    try:
        xml = crypto.decrypt_message(body, msg_signature, args["timestamp"], args["nonce"])
    except (InvalidSignatureException, InvalidAppIdException):
        raise Rejected(403, "invalid message signature") from None
    except Exception:  # malformed XML or ciphertext
        raise Rejected(400, "message cannot be decrypted") from None
    return Envelope(xml if isinstance(xml, str) else xml.decode("utf-8"), True)


def seal_reply(crypto: Optional[WeChatCrypto], envelope: Envelope, message: Any, text: str, nonce: str) -> str:
    xml = create_reply(text, message, render=True)
    if envelope.encrypted and crypto is not None:
        return crypto.encrypt_message(xml, nonce, str(int(time.time())))
    return xml


# --- the channel ------------------------------------------------------------------------------------------


class TimedCollector(CollectingOutputChannel):
    """Rasa's collecting output channel, noting when each message reached the channel (a delivery's
    ``sent_at``) and keeping each text whole, as the bot uttered it (a notice section's signed hash is over
    that exact text; Rasa's collector would cut it at blank lines). WeChat merges the texts anyway."""

    async def _persist_message(self, message: Dict[str, Any]) -> None:
        message.setdefault("sent_at", now_iso())
        self.messages.append(message)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._persist_message(self._message(recipient_id, text=text))


@dataclass
class Reply:
    """What a WeChat POST is answered with: a passive reply text (None = "success") and the notice sections
    that reply shows, signed as delivered once the response has been written."""

    text: Optional[str] = None
    notices: List[Dict[str, Any]] = field(default_factory=list)


def record_deliveries(openid: str, notices: List[Dict[str, Any]], delivered_at: str, how: str) -> None:
    for notice in notices:
        evidence_ledger.record_delivery(
            CHANNEL, openid, {"text": notice["text"], "custom": notice["custom"]},
            sent_at=notice["sent_at"], delivered_at=delivered_at, how=how,
        )


class WeChatInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(WeChatSettings.from_credentials(credentials))

    def __init__(self, settings: WeChatSettings, store: Optional[ExpiringStore] = None):
        self.settings = settings
        self.crypto = make_crypto(settings)
        self._store = store
        self._client: Optional[CustomerServiceClient] = None
        self._background: Set[asyncio.Task] = set()

    # Opened on first use: a Redis client binds to the running event loop.
    @property
    def store(self) -> ExpiringStore:
        if self._store is None:
            self._store = open_store(redis_url=self.settings.redis_url, sqlite_path=Path(self.settings.store_path))
        return self._store

    @property
    def ledger(self) -> MessageLedger:
        return MessageLedger(self.store, self.settings.dedup_ttl_seconds)

    @property
    def citizens(self) -> CitizenState:
        return CitizenState(self.store)

    @property
    def client(self) -> CustomerServiceClient:
        if self._client is None:
            self._client = CustomerServiceClient(
                api_base_url=self.settings.api_base_url,
                app_id=self.settings.app_id,
                app_secret=self.settings.app_secret,
                store=self.store,
            )
        return self._client

    def get_output_channel(self) -> Optional[OutputChannel]:
        """Messages outside a citizen's turn (a staff member's messages after a handoff, appended by the
        API with ``output_channel=wechat``) go out as customer-service messages, like a turn that missed the
        5-second deadline; what WeChat refuses (45015 …) is kept and leads the citizen's next reply."""
        return WeChatPushOutput(self)

    def _spawn(self, coroutine: Awaitable[Any]) -> asyncio.Task:
        task = asyncio.ensure_future(coroutine)
        self._background.add(task)  # a strong reference until done, or asyncio may drop the task
        task.add_done_callback(self._background.discard)
        return task

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = webhook_blueprint("wechat_webhook", __name__)

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            try:
                return response.text(verify_url(self.settings, _args(request), time.time()))
            except Rejected as rejected:
                logger.warning("wechat URL verification rejected: %s", rejected.reason)
                return response.text(rejected.reason, status=rejected.status)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            started = time.monotonic()
            args = _args(request)
            try:
                envelope = open_envelope(self.settings, self.crypto, args, request.body or b"", time.time())
                message = parse_message(envelope.xml)
            except Rejected as rejected:
                logger.warning("wechat request rejected (%d): %s", rejected.status, rejected.reason)
                return response.text(rejected.reason, status=rejected.status)
            except Exception:  # not WeChat's XML
                logger.warning("wechat request rejected (400): unreadable XML")
                return response.text("bad request", status=400)
            if message is None or not message.source:
                return response.text("bad request", status=400)
            reply = await self.respond(message, on_new_message, started)
            if not reply.text:
                return response.text("success")  # WeChat's "no passive reply" answer
            sealed = seal_reply(self.crypto, envelope, message, reply.text, args.get("nonce") or "")
            if not reply.notices:
                return response.text(sealed, content_type="application/xml")
            # Written here rather than by Sanic after the handler: the notice sections count as delivered only
            # once the response is out (Sanic raises CancelledError instead when WeChat has hung up).
            http = await request.respond(response.text(sealed, content_type="application/xml"))
            await http.send(end_stream=True)
            record_deliveries(message.source, reply.notices, now_iso(), PASSIVE_REPLY_HOW)
            return None

        return webhook

    # --- one WeChat message -> the passive reply text, or None ("success") --------------------------------

    async def answer(self, message: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], started: float) -> Optional[str]:
        return (await self.respond(message, on_new_message, started)).text

    async def respond(
        self, message: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], started: float
    ) -> Reply:
        openid = message.source
        key = message_key(message)
        if not await self.ledger.first_arrival(key):
            logger.info("wechat %s: retry of %s answered without a new turn", mask_openid(openid), key.split(":")[0])
            return await self._answer_retry(key, started)
        kind = message.type
        if kind == "text":
            return await self._converse(message, message.content, key, on_new_message, started)
        if kind == "voice":
            # WeChat's speech recognition (when the account has it on) gives the words; without them there is
            # nothing to act on, and a guess is never handed to Rasa.
            heard = (getattr(message, "recognition", None) or "").strip()
            if not heard:
                return await self._passive(key, [Outgoing(VOICE_UNHEARD_TEXT)])
            return await self._converse(message, heard, key, on_new_message, started)
        if kind == "event":
            event = (message.event or "").lower()
            if event in ("subscribe", "subscribe_scan"):
                return await self._passive(key, [Outgoing(WELCOME_TEXT)])
            if event == "unsubscribe":
                logger.info("wechat %s unsubscribed", mask_openid(openid))
        elif kind in UNSUPPORTED_KINDS:
            return await self._passive(key, [Outgoing(unsupported_text(kind))])
        await self.ledger.record_answered_success(key)  # other events (menu clicks, scans …): nothing to say
        return Reply()

    async def _passive(self, key: str, items: List[Outgoing]) -> Reply:
        """One passive reply of ``items`` (they fit one message); their notice sections go with it."""
        merged = merge([item.text for item in items], max_messages=1)
        notices = [notice for notice, _ in settle(items, merged, accepted=1).delivered]
        await self.ledger.record_passive_notices(key, notices)
        await self.ledger.record_passive_reply(key, merged.messages[0])
        return Reply(merged.messages[0], notices)

    async def _answer_retry(self, key: str, started: float) -> Reply:
        """A retry never starts a turn. If the first arrival's passive reply is (or becomes) known before the
        deadline, the retry carries the same reply, because WeChat only retries when the first answer was lost."""
        while True:
            outcome, text = await self.ledger.outcome(key)
            if outcome == "passive":
                return Reply(text, await self.ledger.passive_notices(key))
            if outcome == ANSWERED_SUCCESS or time.monotonic() - started >= self.settings.reply_deadline_seconds:
                return Reply()
            await asyncio.sleep(0.1)

    async def _converse(
        self, message: Any, typed: Optional[str], key: str, on_new_message: Callable[[UserMessage], Awaitable[Any]],
        started: float,
    ) -> Reply:
        openid = message.source
        if message_guard.flooding(CHANNEL, openid):  # per openid only: the peer is always WeChat's server
            return await self._passive(key, [Outgoing(message_guard.FLOOD_TEXT)])
        typed = (typed or "").strip()
        owed = await self.citizens.take_owed(openid)
        if owed and typed.rstrip(_TRAILING_PUNCTUATION) in CONTINUE_WORDS:
            return await self._reply_or_deliver(key, openid, owed)  # the rest of a long answer; no new turn
        if not typed:
            return await self._reply_or_deliver(key, openid, owed)  # nothing owed: "success"
        # "1" -> the value of the first choice last offered to this citizen (an option or an item code).
        text = chosen_value(typed, await self.citizens.choices(openid)) or typed
        metadata: Dict[str, Any] = {"wechat_msg_id": str(message.id)} if message.id else {}
        if message.type == "voice":
            metadata["wechat_msg_type"] = "voice"  # the text is WeChat's recognition of what was said
        user_message = UserMessage(
            text, TimedCollector(), openid, input_channel=self.name(), metadata=metadata or None,
            message_id=evidence_message_id(message),
        )
        evidence_ledger.sign_user_message(user_message, CHANNEL)
        turn = self._spawn(self._run_turn(on_new_message, user_message))
        remaining = self.settings.reply_deadline_seconds - (time.monotonic() - started)
        try:
            await asyncio.wait_for(asyncio.shield(turn), timeout=max(0.0, remaining))
        except asyncio.TimeoutError:
            logger.info("wechat %s: turn over the reply deadline, answering by customer-service messages", mask_openid(openid))
            await self.ledger.record_answered_success(key)
            self._spawn(self._deliver_when_done(turn, openid, owed))
            return Reply()
        except asyncio.CancelledError:  # WeChat hung up; the shielded turn goes on and is delivered later
            self._spawn(self._after_hang_up(turn, key, openid, owed))
            raise
        items = await self._outgoing_of(turn, openid, owed)
        return await self._reply_or_deliver(key, openid, items)

    async def _run_turn(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], user_message: UserMessage
    ) -> Optional[List[Dict[str, Any]]]:
        """Rasa's messages of this turn, or None when Rasa failed."""
        if user_message.sender_id in self.settings.slow_senders:
            await asyncio.sleep(self.settings.reply_deadline_seconds + 1.0)  # test-only, see TEST_SLOW_SENDERS_ENV
        try:
            await on_new_message(user_message)
        except Exception:
            logger.exception("wechat %s: Rasa failed to handle the message", mask_openid(user_message.sender_id))
            return None
        return list(user_message.output_channel.messages)

    async def _outgoing_of(self, turn: "asyncio.Future", openid: str, owed: List[Outgoing]) -> List[Outgoing]:
        messages = turn.result()
        if messages is None:
            return owed + [Outgoing(BUSY_TEXT)]
        rendered = render_turn(messages)
        await self.citizens.remember_choices(openid, rendered.choices, rendered.keep_previous_choices)
        return owed + rendered.outgoing()

    async def _reply_or_deliver(self, key: str, openid: str, items: List[Outgoing]) -> Reply:
        if not items:
            await self.ledger.record_answered_success(key)
            return Reply()
        if not merge([item.text for item in items], max_messages=1).overflow:
            return await self._passive(key, items)
        # Too long for one passive reply: "success" now, then the texts in order as customer-service messages.
        await self.ledger.record_answered_success(key)
        self._spawn(self._deliver(openid, items))
        return Reply()

    async def _deliver_when_done(self, turn: "asyncio.Future", openid: str, owed: List[Outgoing]) -> None:
        await asyncio.wait([turn])
        await self._deliver(openid, await self._outgoing_of(turn, openid, owed))

    async def _after_hang_up(self, turn: "asyncio.Future", key: str, openid: str, owed: List[Outgoing]) -> None:
        await self.ledger.record_answered_success(key)
        await self._deliver_when_done(turn, openid, owed)

    async def _deliver(self, openid: str, items: List[Outgoing]) -> None:
        """At most 5 customer-service messages for one user message; what does not fit or is refused is kept.

        Each notice section all of whose pieces WeChat accepted is signed as delivered, at the moment the last
        of them was accepted; nothing else is."""
        texts = [item.text for item in items]
        merged = merge(texts, max_messages=MESSAGES_PER_USER_MESSAGE, continuation=CONTINUE_HINT)
        try:
            report = await self.client.send_all(openid, merged.messages)
        except Exception:
            logger.exception("wechat %s: customer-service delivery failed", mask_openid(openid))
            report = SendReport(undelivered=list(merged.messages))
        settled = settle(items, merged, accepted=len(report.accepted_at))
        for notice, last_message in settled.delivered:
            record_deliveries(openid, [notice], report.accepted_at[last_message], CUSTOMER_SERVICE_HOW)
        if settled.owed:
            await self.citizens.owe(openid, settled.owed)


class WeChatPushOutput(OutputChannel):
    """Rasa's output channel for pushes to one citizen (handoff staff messages); texts only, as every WeChat text."""

    def __init__(self, channel: WeChatInput):
        self.channel = channel

    @classmethod
    def name(cls) -> Text:
        return "wechat"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """A notice section pushed here (e.g. the pending question after a handoff) keeps its notice, so its
        delivery is signed like a turn's; Rasa's default would send its text and custom apart."""
        if is_notice_section(message) and isinstance(message.get("text"), str):
            notice = {"text": message["text"], "custom": message["custom"], "sent_at": now_iso()}
            await self.channel._deliver(recipient_id, [Outgoing(message["text"].strip(), notice)])
            return
        await super().send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.channel._deliver(recipient_id, [Outgoing(text)])

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        return None  # the contract's custom belongs to the text just sent; WeChat shows text only


def _args(request: Request) -> Dict[str, Optional[str]]:
    return {name: request.args.get(name) for name in request.args.keys()}
