"""The widget's socket.io channel (bot/channels/widget.py): contract payloads and session ids."""
from __future__ import annotations

from unittest.mock import AsyncMock

import pytest

from bot.channels.widget import ContractSocketIOInput, ContractSocketIOOutput, valid_session_id

GOOD = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def channel():
    received = []

    async def on_new_message(message):
        received.append(message)

    channel = ContractSocketIOInput(session_persistence=True)
    channel.blueprint(on_new_message)
    channel.sio.emit = AsyncMock()
    channel.sio.enter_room = AsyncMock()
    handlers = channel.sio.handlers["/"]
    return channel, handlers, received


async def test_custom_is_emitted_as_a_payload_not_as_emit_arguments():
    # The stock channel calls sio.emit("bot_uttered", **custom): TypeError for {"stage": ...}.
    sio = AsyncMock()
    output = ContractSocketIOOutput(sio, "bot_uttered")
    custom = {"stage": "ask", "slot": "acting_as", "options": ["self", "proxy"]}
    await output.send_response(GOOD, {"text": "请问您是本人办理，还是代他人办理？", "custom": dict(custom)})
    calls = [c.args[1] for c in sio.emit.await_args_list]
    assert calls == [{"text": "请问您是本人办理，还是代他人办理？"}, {"custom": custom}]  # the text, then its custom
    assert all(c.kwargs["room"] == GOOD for c in sio.emit.await_args_list)


async def test_session_request_keeps_a_well_formed_id_and_joins_its_room(channel):
    ch, handlers, _ = channel
    await handlers["session_request"]("sid-1", {"session_id": GOOD})
    ch.sio.enter_room.assert_awaited_once_with("sid-1", GOOD, namespace=None)  # awaited: python-socketio 5
    ch.sio.emit.assert_awaited_once_with("session_confirm", GOOD, room="sid-1", namespace=None)


@pytest.mark.parametrize("requested", [None, "", "e2e-1234", "oWeChatOpenId0123456789abcdef", GOOD.upper(), GOOD + "0"])
async def test_session_request_replaces_an_id_of_another_shape(channel, requested):
    ch, handlers, _ = channel
    await handlers["session_request"]("sid-2", {"session_id": requested})
    confirmed = ch.sio.emit.await_args.args[1]
    assert valid_session_id(confirmed) and confirmed != requested


async def test_messages_need_a_well_formed_session_id(channel):
    ch, handlers, received = channel
    await handlers["user_uttered"]("sid-3", {"message": "我想申请公租房", "session_id": "rest-sender-1"})
    assert received == []  # another channel's sender id is not a way into that conversation
    await handlers["user_uttered"]("sid-3", {"message": "我想申请公租房", "session_id": GOOD})
    assert [m.sender_id for m in received] == [GOOD]
    assert isinstance(received[0].output_channel, ContractSocketIOOutput)
    assert received[0].input_channel == "socketio"
