"""Whole journeys answered the way people really answer, never with the words the bot suggests.

Every answer below is a full natural sentence (or what a citizen would type on a phone), through the REST
channel and through socket.io (the website widget's channel). The legal moments are tried with the answers
that must NOT count first (a statement about reading, a proxy without the special authorisation, a paper
document's number instead of the authorisation), then with a natural explicit one. The one-time codes are typed
back from the SMS outbox as their phone's owner would. Every transcript is checked against the contract's rules.
"""
from __future__ import annotations

import threading
import time
import uuid
from typing import Dict, List

import httpx
import pytest
import socketio

from tests.e2e.conftest import Chat
from tests.e2e.contract import BotMessage, Transcript, check_contract
from tests.e2e.grants import grant, typed

pytestmark = pytest.mark.e2e

# A reply is complete when it ends with one of these: the journey waits for the user, or has ended.
TURN_END = {"ask", "affirmation_request", "affirmation_rejected", "commitment_receipt", "not_eligible",
            "service_error", "item_not_found", "commitment_status",
            # the principal's authorisation flows: granted, listed, revoked
            "authorisation_granted", "authorisation_list", "authorisation_revoked"}


def in_order(client: socketio.Client) -> None:
    """Handle the server's messages one after another, in the order they arrived, as a browser does.

    python-engineio's client hands every incoming message to a thread of its own (``run_async=True``), so two
    messages of one long-poll response can reach the handlers in either order, and a ``custom`` may overtake
    the text it belongs to. The widget runs its handlers on one JavaScript thread, strictly in order; the test
    client must too, or it reports an ordering fault the channel never made."""
    eio = client.eio
    trigger = eio._trigger_event

    def in_arrival_order(event, *args, **kwargs):
        kwargs["run_async"] = False
        return trigger(event, *args, **kwargs)

    eio._trigger_event = in_arrival_order


class SocketChat(Chat):
    """One citizen on the socket.io channel, as the widget talks to it (session_request, user_uttered)."""

    def __init__(self, stack, sender: str = ""):
        super().__init__(stack, sender)
        self.client = socketio.Client(reconnection=False)
        in_order(self.client)
        self.inbox: List[Dict] = []
        self.arrived = threading.Condition()
        self.client.on("bot_uttered", self._received)
        self.client.on("session_confirm", self._confirmed)
        # A cold server under load may take seconds to accept the namespace; the default wait is one second.
        self.client.connect(stack.config.rasa_url, transports=["polling"], socketio_path="socket.io", wait_timeout=30)
        self.client.emit("session_request", {"session_id": None})
        with self.arrived:
            assert self.arrived.wait_for(lambda: bool(self.sender), timeout=30), "no session_confirm"

    def _confirmed(self, session_id: str) -> None:
        with self.arrived:
            self.sender = session_id
            self.arrived.notify_all()

    def _received(self, message: Dict) -> None:
        with self.arrived:
            self.inbox.append(message)
            self.arrived.notify_all()

    def _turn_complete(self) -> bool:
        stages = [m["custom"].get("stage") for m in self.inbox if isinstance(m.get("custom"), dict)]
        return bool(stages) and stages[-1] in TURN_END

    def say(self, text: str) -> List[BotMessage]:
        time.sleep(self.transcript.reading_wait())
        self.transcript.add_user(text)
        with self.arrived:
            self.inbox = []
        self.client.emit("user_uttered", {"message": text, "session_id": self.sender})
        with self.arrived:
            assert self.arrived.wait_for(self._turn_complete, timeout=60), f"no complete reply to {text!r}"
        time.sleep(0.3)  # messages of the same turn still in flight (a custom after its text)
        with self.arrived:
            replies, self.inbox = list(self.inbox), []
        return self.transcript.add_bot_replies(replies)

    def close(self) -> None:
        # Say goodbye on every namespace, then drop the transport at once: the client's own disconnect() waits
        # for its pending long-poll request to time out (~29 s a conversation), which tests nothing.
        for namespace in list(self.client.namespaces):
            self.client._send_packet(self.client.packet_class(socketio.packet.DISCONNECT, namespace=namespace))
        self.client.eio.disconnect(abort=True)


@pytest.fixture(params=["rest", "socketio"])
def natural_chat(request, stack, catalogue):
    if request.param == "socketio" and stack.config.sanic_workers() > 1:
        # Several Sanic workers on one port with no stickiness break socket.io's long-polling (bot/tools/stack.py
        # ``sanic_workers``); the widget is served by one worker per replica behind sticky sessions.
        pytest.skip("socket.io long-polling needs one Sanic worker per port (sticky sessions)")
    made: List[Chat] = []

    def make() -> Chat:
        c = Chat(stack, f"e2e-{uuid.uuid4().hex[:10]}") if request.param == "rest" else SocketChat(stack)
        made.append(c)
        return c

    yield make
    proxy_items = {code: item.proxy_allowed for code, item in catalogue.items()}
    for c in made:
        if isinstance(c, SocketChat):
            c.close()
        check_contract(c.transcript, stack.config.api_url, proxy_items)


def pick(c: Chat, need: str, code: str, how: str) -> List[BotMessage]:
    """Describe the need, then pick the item the way people do ("就是公租房那个", "第一个")."""
    msgs = c.say(need)
    codes = [i["code"] for i in c.one(msgs, "item_candidates")["items"]]
    assert code in codes[:3], f"{code} not in the top 3 {codes} for {need!r}"
    if c.last_ask(msgs)["slot"] == "item":
        msgs = c.say(how.format(n=codes.index(code) + 1))
    assert c.one(msgs, "item_detail")["item"]["code"] == code
    return msgs


def expect_ask(c: Chat, msgs: List[BotMessage], slot: str, error: str = None) -> Dict:
    ask = c.last_ask(msgs)
    assert ask["slot"] == slot, f"expected the {slot} question, got {ask} after {[m.text for m in msgs]}"
    if error is not None:
        assert ask.get("error") == error, ask
    return ask


def read_and_commit_refusals(c: Chat, msgs: List[BotMessage], refusals: List[str]) -> Dict:
    """The notice, read the natural way; then answers that must never commit, then the caller's."""
    sections = c.customs(msgs, "notice_section")
    assert [s["index"] for s in sections] == list(range(1, len(sections) + 1)) and len(sections) == 7
    expect_ask(c, msgs, "notice_ack")
    msgs = c.say("嗯嗯")  # a bare acknowledgement is not a statement of having read it
    assert not c.customs(msgs, "affirmation_request")
    expect_ask(c, msgs, "notice_ack")
    msgs = c.say("我已经从头到尾看完了")
    request = c.one(msgs, "affirmation_request")
    for text in refusals:
        msgs = c.say(text)
        assert not c.customs(msgs, "commitment_receipt"), f"{text!r} was taken as a commitment"
        assert c.customs(msgs, "affirmation_rejected") or c.customs(msgs, "ask"), [m.text for m in msgs]
    return request


def test_self_with_natural_answers(natural_chat):
    c = natural_chat()
    msgs = pick(c, "我在郑州没有自己的房子，听说可以申请公租房", "ZM001", "就是公租房那个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("我选择告知承诺方式办理")
    expect_ask(c, msgs, "acting_as")
    msgs = c.say("是我自己办")
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say("申请人姓名：张伟")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say("我的身份证号码是410105199001011233")
    expect_ask(c, msgs, "identity_code")
    msgs = c.say(f"收到了，验证码{c.sms_code('13800138000')}")
    expect_ask(c, msgs, "phone")
    msgs = c.say("手机号是138 0013 8000")
    read_and_commit_refusals(c, msgs, ["我已阅读告知承诺书", "我明白承诺的后果", "如果没问题我就承诺"])
    msgs = c.say("好的，本人承诺以上内容全部属实")
    expect_ask(c, msgs, "act_code")
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["status"] == "accepted" and receipt["proxy"] is False
    assert httpx.get(receipt["verify_url"], timeout=10).json()["valid"] is True


def test_refusal_with_natural_answers(natural_chat):
    c = natural_chat()
    msgs = pick(c, "家里困难想申请低保", "ZM002", "第{n}个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("随便吧")  # a shrug is not a choice (R3): asked again, naming the words
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("不用了，我自己去开证明")
    refusal = c.one(msgs, "not_eligible")
    assert refusal["reason"] == "declined" and refusal["proofs_required"]


def test_proxy_with_natural_answers(chat, stack):
    granted = grant(stack, ("赵强", "410103196208085671"), "13800135671", ("刘洋", "410105200002291113"), ["ZM008"])
    c = chat()
    msgs = pick(c, "我爸爸到年龄了，想帮他领城乡居民养老保险", "ZM008", "养老保险那个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("愿意，用承诺吧")
    expect_ask(c, msgs, "acting_as")
    msgs = c.say("我帮我爸办")
    expect_ask(c, msgs, "agent_name")
    msgs = c.say("我叫刘洋")
    expect_ask(c, msgs, "agent_id")
    msgs = c.say("我的证件号码是410105200002291113")
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say("申请人是赵强")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say("他的身份证号是410103196208085671")
    expect_ask(c, msgs, "identity_code")
    msgs = c.say(f"验证码 {c.sms_code('13912345678')}")
    expect_ask(c, msgs, "authorization_no")
    # What is not an electronic authorisation: a paper document's number, or words about one. (Two: a third
    # failed answer in a row would also hand the conversation to staff, actions/handoff.py.)
    for ordinary in ("委托书编号是SQ2026-0012", "对，委托书上写明了特别授权"):
        msgs = c.say(ordinary)
        expect_ask(c, msgs, "authorization_no")
    msgs = c.say(f"我爸在网上授权了，{typed(granted)}")
    expect_ask(c, msgs, "phone")
    msgs = c.say("13912345678")
    request = read_and_commit_refusals(c, msgs, ["我代他承诺", "本人承诺"])
    assert "赵强" in request["statement"] and "刘洋" in request["statement"]
    msgs = c.say("我受赵强特别授权，代为承诺")
    expect_ask(c, msgs, "act_code")
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["proxy"] is True and receipt["item_code"] == "ZM008"


def test_enterprise_licence_with_natural_answers(chat):
    c = chat()
    msgs = pick(c, "我们公司已经有营业执照了，现在想卖预包装食品和做餐饮", "XK002", "食品经营那个")
    expect_ask(c, msgs, "use_commitment")
    msgs = c.say("可以，用告知承诺")
    expect_ask(c, msgs, "acting_as")
    msgs = c.say("就是我们自己公司办，不是代别人")
    expect_ask(c, msgs, "applicant_name")
    msgs = c.say("我们公司叫郑州好味餐饮管理有限公司")
    expect_ask(c, msgs, "applicant_id")
    msgs = c.say("统一社会信用代码是91410100MA44XK7L3D")
    expect_ask(c, msgs, "identity_code")  # to the legal representative's registered phone
    msgs = c.say(c.sms_code("13700137000"))
    expect_ask(c, msgs, "representative_name")
    msgs = c.say("法定代表人是王强，就是我")
    expect_ask(c, msgs, "phone")
    msgs = c.say("电话13700137000")
    request = read_and_commit_refusals(c, msgs, ["我了解承诺", "应该可以承诺吧"])
    assert "王强" in request["statement"]
    assert "本人郑州好味餐饮管理有限公司" not in request["statement"]
    msgs = c.say("本人承诺")
    expect_ask(c, msgs, "act_code")
    receipt = c.one(c.answer_code(msgs), "commitment_receipt")
    assert receipt["item_code"] == "XK002" and receipt["status"] == "licensed"


def test_excluded_item_asked_about_naturally(natural_chat):
    c = natural_chat()
    msgs = c.say("危险化学品经营许可能不能用告知承诺办？")
    refusal = c.one(msgs, "not_eligible")
    assert refusal["item_code"] == "XK101" and refusal["reason"] == "excluded"
    assert refusal["proofs_required"]
