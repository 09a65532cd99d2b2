"""The per-turn savings of bot/rasa/server.py and bot/rasa/parse_cache.py give Rasa's own answers.

- the parse cache answers a text exactly as the model did, once per processor (model), bounded, never for personal
  digits, and each caller gets its own copy;
- a slot copied the fast way equals one copied Rasa's way (``copy.copy`` through ``__reduce_ex__``), for every
  slot of our domain;
- the action endpoint's kept session is made like Rasa's, reuses its connection, sends no cookie back and drops a
  connection idle for longer than the keep-alive.

Each test installs a change with pytest's monkeypatch holding Rasa's original, so the original is back after it.
"""
from __future__ import annotations

import asyncio
import copy
import gc
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
from aiohttp import web
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import Slot
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.endpoints import EndpointConfig

from bot.rasa import parse_cache
from bot.rasa import server as rasa_server

ROOT = Path(__file__).resolve().parents[2]


# --- the parse cache ---------------------------------------------------------------------------------------------
class CountingGraph:
    """Stands for the NLU graph: the intent is decided by the text, every run is counted."""

    def __init__(self) -> None:
        self.runs = 0

    def run(self, inputs, targets):
        self.runs += 1
        user_message = inputs["__message__"][0]
        message = Message(data={"text": user_message.text, "message_id": user_message.message_id,
                                "metadata": user_message.metadata})
        message.set("intent", {"name": f"intent_{len(user_message.text)}", "confidence": 0.9}, add_to_output=True)
        message.set("intent_ranking", [{"name": f"intent_{len(user_message.text)}", "confidence": 0.9}],
                    add_to_output=True)
        return {targets[0]: [message]}


def processor(graph: CountingGraph, intents=("inform", "affirm")) -> MessageProcessor:
    made = MessageProcessor.__new__(MessageProcessor)  # what _parse_message_with_graph reads of a processor
    made.graph_runner = graph
    made.model_metadata = SimpleNamespace(nlu_target="nlu")
    made.domain = SimpleNamespace(intents=list(intents))
    return made


@pytest.fixture
def cache(monkeypatch):
    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", MessageProcessor._parse_message_with_graph)
    monkeypatch.setattr(parse_cache, "_installed", False)
    assert parse_cache.install(entries=3)
    return parse_cache


def parse(proc: MessageProcessor, text: str, **kwargs):
    return proc._parse_message_with_graph(UserMessage(text, sender_id="citizen-1", metadata={"m": 1}), None, **kwargs)


def test_a_repeated_text_is_answered_from_the_cache_with_the_same_parse_data(cache):
    graph = CountingGraph()
    proc = processor(graph)
    first = parse(proc, "已阅读")
    assert "metadata" not in first and "message_id" not in first  # only the text reaches the parse data
    second = parse(proc, "已阅读")
    assert graph.runs == 1 and second == first
    second["intent"]["name"] = "changed"  # Rasa adds to the parse data afterwards: each caller has its own
    assert parse(proc, "已阅读") == first and graph.runs == 1


def test_each_processor_has_its_own_cache(cache):  # a model swapped in starts afresh
    graphs = CountingGraph(), CountingGraph()
    parse(processor(graphs[0]), "本人")
    parse(processor(graphs[1]), "本人")
    assert [g.runs for g in graphs] == [1, 1]


@pytest.mark.parametrize("text", ["身份证410105199001011233", "我的手机号13800138000", "验证码 1 2 3 4 5 6", "４１０１０５号",
                                  "长" * (parse_cache.MAX_TEXT_CHARS + 1)])
def test_personal_digits_and_long_texts_are_never_kept(cache, text):
    graph = CountingGraph()
    proc = processor(graph)
    parse(proc, text)
    parse(proc, text)
    assert graph.runs == 2 and parse_cache.cache_of(proc) is None


@pytest.mark.parametrize("text", ["123456", " 654321 ", "13800138000", "138 0013 8000", "138-0013-8000",
                                  "410105199001011233", "41010519900101123x", "410105 19900101 123X", "１２３４５６",
                                  "４１０１０５１９９００１０１１２３Ｘ"])
def test_a_message_that_is_only_a_number_is_giving_that_number_without_the_model(cache, text):
    graph = CountingGraph()
    proc = processor(graph)
    parsed = parse(proc, text)
    assert graph.runs == 0
    assert parsed["text"] == text.strip() and parsed["entities"] == []  # Rasa strips the message
    assert parsed["intent"] == {"name": "inform", "confidence": 1.0}
    assert parsed["intent_ranking"] == [parsed["intent"]]
    assert parse_cache.cache_of(proc) is None  # nothing personal is kept


@pytest.mark.parametrize("text", ["12345", "1", "123456 是", "我的验证码123456", "123456？", "12345X6", "x123456",
                                  "1" * (parse_cache.MAX_NUMBER_CHARS + 1)])
def test_anything_besides_a_number_goes_to_the_model(cache, text):
    assert parse_cache.number_parse(text) is None
    graph = CountingGraph()
    parse(processor(graph), text)
    assert graph.runs == 1


def test_a_model_without_the_inform_intent_parses_numbers_itself(cache):
    graph = CountingGraph()
    parse(processor(graph, intents=("affirm",)), "123456")
    assert graph.runs == 1


def test_the_full_message_is_not_cached(cache):  # only_output_properties=False carries the id and metadata
    graph = CountingGraph()
    proc = processor(graph)
    parse(proc, "是", only_output_properties=False)
    full = parse(proc, "是", only_output_properties=False)
    assert graph.runs == 2 and full["metadata"] == {"m": 1}


def test_the_cache_is_bounded_least_recently_used_first_out(cache):
    graph = CountingGraph()
    proc = processor(graph)
    for text in ["一", "二", "三", "一", "四"]:  # "二" is the least recently used when "四" comes
        parse(proc, text)
    assert len(parse_cache.cache_of(proc)) == 3
    runs = graph.runs
    parse(proc, "一")
    assert graph.runs == runs
    parse(proc, "二")
    assert graph.runs == runs + 1


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(parse_cache, "_installed", False)
    monkeypatch.setenv(parse_cache.ENV_ENTRIES, "0")
    rasa_parse = MessageProcessor._parse_message_with_graph
    assert parse_cache.install() is False
    assert MessageProcessor._parse_message_with_graph is rasa_parse


@pytest.fixture(scope="module")
def agent():
    models = sorted((ROOT / "models").glob("nlu-core-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        pytest.skip("no trained model in models/ (make model)")
    from rasa.core.agent import Agent

    return Agent.load(str(models[-1]))


def test_the_trained_model_gives_the_cached_answer_again(agent, monkeypatch):
    """With the real pipeline (normaliser, jieba, DIET, fallback, original text restored), a cached parse equals a
    fresh one, whatever the message's sender and metadata, and Rasa's parse_message on top is unchanged."""
    proc = agent.processor
    texts = ["我在郑州没有房子，想申请公租房", "1", "是", "本人", "张伟", "已阅读", "本人承诺", "什麼是告知承諾制",
             "ｆｏｏｄ license 可以承诺吗"]
    fresh = {t: proc._parse_message_with_graph(UserMessage(t, sender_id="a"), None) for t in texts}
    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", MessageProcessor._parse_message_with_graph)
    monkeypatch.setattr(parse_cache, "_installed", False)
    parse_cache.install(entries=64)
    for sender, metadata in (("b", None), ("c", {"evidence": {"sig": "x"}})):
        for text in texts:
            message = UserMessage(text, sender_id=sender, metadata=metadata)
            assert proc._parse_message_with_graph(message, None) == fresh[text]
            assert asyncio.run(proc.parse_message(message)) == asyncio.run(proc.parse_message(
                UserMessage(text, sender_id="a")))
    assert parse_cache.cache_of(proc).hits >= len(texts) * 2


def test_the_trained_model_reads_every_number_as_inform(agent):
    """What ``number_parse`` answers without the model is the model's own top intent for such messages."""
    import random

    rng = random.Random(7)
    numbers = (["%06d" % rng.randrange(10 ** 6) for _ in range(25)]
               + ["1%d%09d" % (rng.choice([3, 5, 7, 8, 9]), rng.randrange(10 ** 9)) for _ in range(25)]
               + ["410105199001011233", "41010519900101123X", "410102198507152342", "138 0013 8000", "１２３４５６"])
    rasa_parse = getattr(MessageProcessor._parse_message_with_graph, "rasa_original",
                         MessageProcessor._parse_message_with_graph)
    for number in numbers:
        assert parse_cache.number_parse(number) is not None
        assert rasa_parse(agent.processor, UserMessage(number, sender_id="a"), None)["intent"]["name"] == "inform", number


# --- slot copies -------------------------------------------------------------------------------------------------
def rasa_copy(slot: Slot) -> Slot:
    """copy.copy's path for an object without __copy__: __reduce_ex__(4), then _reconstruct."""
    return copy._reconstruct(slot, None, *slot.__reduce_ex__(4))


@pytest.fixture
def rasa_slots():
    """Slot as Rasa ships it (no __copy__) during the test, and after it."""
    assert "__copy__" not in vars(Slot)
    yield
    if "__copy__" in vars(Slot):
        del Slot.__copy__


def test_a_fast_slot_copy_equals_rasas_copy_for_every_slot_of_our_domain(rasa_slots):
    domain = Domain.load(str(ROOT / "domain.yml"))
    assert rasa_server.fast_slot_copies() is True
    assert "__copy__" in vars(Slot)
    for slot in domain.slots:
        slot.value = ["a"] if slot.type_name == "list" else "x" if slot.type_name in ("text", "any") else slot.value
        ours, theirs = copy.copy(slot), rasa_copy(slot)
        assert type(ours) is type(slot) is type(theirs)
        assert vars(ours) == vars(theirs) == vars(slot)
        assert ours is not slot and ours.value is slot.value  # shallow, as copy.copy is
        ours.value = "changed"
        assert slot.value != "changed"


def test_a_slot_class_with_its_own_copying_is_left_alone(rasa_slots):
    class Special(Slot):
        type_name = "special_for_test"

        def __getstate__(self):
            return {}

    try:
        assert rasa_server.fast_slot_copies() is False
        assert "__copy__" not in vars(Slot)
    finally:
        del Special
        gc.collect()  # out of Slot.__subclasses__() again
    assert rasa_server.fast_slot_copies() is True


# --- kept connections to the action server -----------------------------------------------------------------------
@pytest.fixture
def kept_sessions(monkeypatch):
    import rasa.core.run as rasa_run

    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)
    monkeypatch.setattr(rasa_run, "configure_app", rasa_run.configure_app)
    rasa_server.reuse_http_connections()


async def serve_counting_connections():
    peers = []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername"))
        response = web.json_response({"events": [], "responses": [], "cookie": request.headers.get("Cookie")})
        response.set_cookie("tracking", "1")
        return response

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app, keepalive_timeout=5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, port, peers


def test_action_calls_reuse_one_connection_and_send_no_cookie_back(kept_sessions):
    async def scenario():
        runner, port, peers = await serve_counting_connections()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", headers={"X-GZ-Action-Secret": "s"})
        try:
            answers = [await endpoint.request(json={"next_action": "a"}, method="post") for _ in range(3)]
        finally:
            await runner.cleanup()
        return answers, peers

    answers, peers = asyncio.run(scenario())
    assert len(peers) == 3 and len(set(peers)) == 1  # one connection for three calls (Rasa: three)
    assert [a["cookie"] for a in answers] == [None, None, None]


def test_a_connection_idle_longer_than_the_keep_alive_is_not_reused(kept_sessions, monkeypatch):
    monkeypatch.setattr(rasa_server, "KEEP_ALIVE_SECONDS", 0.2)

    async def scenario():
        runner, port, peers = await serve_counting_connections()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        try:
            await endpoint.request(json={}, method="post")
            await asyncio.sleep(0.5)
            await endpoint.request(json={}, method="post")
        finally:
            await runner.cleanup()
        return peers

    peers = asyncio.run(scenario())
    assert len(peers) == 2 and peers[0] != peers[1]


def test_the_kept_session_is_made_like_rasas(kept_sessions):
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook", headers={"X-GZ-Action-Secret": "s"},
                              basic_auth={"username": "u", "password": "p"})

    async def sessions():
        async with endpoint.session() as kept:
            async with endpoint.session() as again:
                assert again is kept  # the same session for the same endpoint and loop
            assert not kept.closed  # leaving the block does not close it
        from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT

        theirs = aiohttp.ClientSession(headers=endpoint.headers, auth=aiohttp.BasicAuth("u", "p"),
                                       timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT))
        try:
            assert dict(kept.headers) == dict(theirs.headers)
            assert kept.auth == theirs.auth and kept.timeout == theirs.timeout
        finally:
            await theirs.close()
            await kept.close()

    asyncio.run(sessions())


# --- the body of an action call ----------------------------------------------------------------------------------
def action_call_body() -> dict:
    """What Rasa posts to the action server: a tracker of our domain with Chinese text, floats, and the domain."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    domain = Domain.load(str(ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events("citizen-1", [
        ActionExecuted("action_listen"),
        UserUttered("我在郑州没有房子，想申请公租房 / ZM001", {"name": "apply", "confidence": 0.9312345678901234},
                    parse_data={"intent_ranking": [{"name": "apply", "confidence": 0.1 + 0.2}], "text_tokens": [(0, 2)]}),
        SlotSet("applicant_name", "张伟"), BotUttered("请输入身份证号\u2028", {"custom": {"stage": "ask", "n": 2 ** 40}}),
    ], domain.slots)
    return {"next_action": "validate_form", "sender_id": "citizen-1",
            "tracker": tracker.current_state(EventVerbosity.ALL), "domain": domain.as_dict(), "version": "3.6.21"}


@pytest.mark.parametrize("body", [action_call_body(), {"n": float("nan"), "big": 2 ** 70, "k": {1: "a", None: "b"}}])
def test_the_request_body_is_the_json_rasa_writes(body):
    import json

    def value(text):  # NaN compares as its name
        return json.loads(text, parse_constant=lambda name: name)

    assert value(rasa_server.request_json(body)) == value(json.dumps(body))


def test_what_json_cannot_hold_fails_as_in_rasa():
    import json

    for value in ({"b": b"bytes"}, {"s": {1, 2}}):
        with pytest.raises(TypeError):
            json.dumps(value)
        with pytest.raises(TypeError):
            rasa_server.request_json(value)


# --- the garbage collector after start-up ------------------------------------------------------------------------
def test_a_later_model_load_unfreezes_what_start_up_froze(monkeypatch):
    import rasa.core.run as rasa_run
    from rasa.core.agent import Agent

    loads, registered = [], []
    monkeypatch.setattr(Agent, "load_model", lambda self, *a, **k: loads.append(gc.get_freeze_count()))
    app = SimpleNamespace(register_listener=lambda listener, event: registered.append((listener, event)))
    monkeypatch.setattr(rasa_run, "configure_app", lambda *a, **k: app)
    rasa_server.freeze_loaded_model()
    assert rasa_run.configure_app() is app
    assert [event for _, event in registered] == ["after_server_start"]
    try:
        Agent().load_model("model-at-start")  # before the server started: nothing frozen, nothing to unfreeze
        asyncio.run(registered[0][0](app, None))
        assert gc.get_freeze_count() > 0
        Agent().load_model("model-swapped-in")
        assert loads == [0, 0]  # unfrozen before the new model loads: the replaced one can be collected
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_the_action_server_freezes_its_start_up_objects_once():
    from actions.server import freeze_start_up_objects

    gc.unfreeze()
    try:
        assert asyncio.run(freeze_start_up_objects(None, None)) is True
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert asyncio.run(freeze_start_up_objects(None, None)) is False  # a second listener call changes nothing
        # Nothing more is frozen; a frozen object that dies meanwhile leaves the count (as another test's did).
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_the_action_server_reads_one_answer_at_every_step_before_the_first_person():
    from actions.interpret import STEPS, interpret
    from actions.server import warm_readers
    from bot.core.reading import Context

    before = interpret("affirmation", "本人承诺以上内容真实", Context())
    assert asyncio.run(warm_readers(None, None)) == len(STEPS)
    assert interpret("affirmation", "本人承诺以上内容真实", Context()) == before  # warming keeps no state


# --- model loading -----------------------------------------------------------------------------------------------
def test_weights_built_eagerly_predict_exactly_as_rasas_loading(agent, monkeypatch):
    """The same model loaded with the eager weight-building step answers every message as Rasa's own loading does:
    same intents, same ranking, same confidences (the stored weights replace the built ones either way)."""
    from rasa.core.agent import Agent
    from rasa.utils.tensorflow import models

    monkeypatch.setattr(models.RasaModel, "load", models.RasaModel.load)  # restored after the test
    rasa_server.eager_weight_building()
    assert models.RasaModel.load.__func__.__module__ == rasa_server.__name__
    eager = Agent.load(str(sorted((ROOT / "models").glob("nlu-core-*.tar.gz"), key=lambda p: p.stat().st_mtime)[-1]))
    texts = ["我在郑州没有房子，想申请公租房", "是", "本人", "张伟", "已阅读", "本人承诺", "什麼是告知承諾制", "撤回承诺",
             "我想投诉", "转人工"]
    for text in texts:
        ours = asyncio.run(eager.parse_message(text))
        theirs = asyncio.run(agent.parse_message(text))
        assert [i["name"] for i in ours["intent_ranking"]] == [i["name"] for i in theirs["intent_ranking"]], text
        for a, b in zip(ours["intent_ranking"], theirs["intent_ranking"]):
            assert a["confidence"] == pytest.approx(b["confidence"], abs=1e-6), text
