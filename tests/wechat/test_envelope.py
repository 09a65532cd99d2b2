"""channel.py's signature and envelope rules without a server: URL verification, plain / compatible / safe
modes, forged and replayed requests, configuration errors."""
from __future__ import annotations

import time

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from bot.channels.wechat.channel import (
    Rejected,
    WeChatSettings,
    make_crypto,
    open_envelope,
    seal_reply,
    verify_url,
)
from wechatpy import parse_message

TOKEN, APP_ID = "unit_token", "wx_unit_app"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
PLAIN_XML = (
    "<xml><ToUserName><![CDATA[gh_unit]]></ToUserName><FromUserName><![CDATA[oUnit]]></FromUserName>"
    "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content>"
    "<MsgId>99</MsgId></xml>"
)


def settings(mode: str = "plain", **extra) -> WeChatSettings:
    creds = {"token": TOKEN, "app_id": APP_ID, "app_secret": "x", "mode": mode, "encoding_aes_key": AES_KEY, **extra}
    return WeChatSettings.from_credentials(creds, env={})


def signed_args(token: str = TOKEN, timestamp: int | None = None, nonce: str = "n0nce") -> dict:
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce)
    return {"signature": signer.signature, "timestamp": timestamp, "nonce": nonce}


def encrypted_request(xml: str = PLAIN_XML, token: str = TOKEN, key: str = AES_KEY):
    args = signed_args(token)
    sealed = xmltodict.parse(WeChatCrypto(token, key, APP_ID).encrypt_message(xml, args["nonce"], args["timestamp"]))["xml"]
    body = f"<xml><ToUserName><![CDATA[gh_unit]]></ToUserName><Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt></xml>"
    return dict(args, encrypt_type="aes", msg_signature=sealed["MsgSignature"]), body.encode()


def test_url_verification_echoes_only_for_a_valid_signature():
    s = settings()
    args = dict(signed_args(), echostr="8517388723")
    assert verify_url(s, args, time.time()) == "8517388723"
    with pytest.raises(Rejected) as forged:
        verify_url(s, dict(signed_args(token="guess"), echostr="8517388723"), time.time())
    assert forged.value.status == 403
    with pytest.raises(Rejected):
        verify_url(s, {"echostr": "1"}, time.time())


def test_plain_mode_checks_every_post():
    s = settings("plain")
    envelope = open_envelope(s, None, signed_args(), PLAIN_XML.encode(), time.time())
    assert envelope.encrypted is False and parse_message(envelope.xml).content == "你好"
    for args in (signed_args(token="guess"), {}, dict(signed_args(), signature="0" * 40)):
        with pytest.raises(Rejected) as rejected:
            open_envelope(s, None, args, PLAIN_XML.encode(), time.time())
        assert rejected.value.status == 403


def test_replayed_old_request_is_rejected():
    s = settings("plain")
    old = signed_args(timestamp=int(time.time()) - 3600)
    with pytest.raises(Rejected) as rejected:
        open_envelope(s, None, old, PLAIN_XML.encode(), time.time())
    assert rejected.value.reason == "stale timestamp"
    lenient = settings("plain", max_clock_skew_seconds=0)
    assert open_envelope(lenient, None, old, PLAIN_XML.encode(), time.time()).xml == PLAIN_XML


def test_safe_mode_decrypts_and_refuses_plain():
    s = settings("safe")
    crypto = make_crypto(s)
    args, body = encrypted_request()
    envelope = open_envelope(s, crypto, args, body, time.time())
    assert envelope.encrypted and parse_message(envelope.xml).content == "你好"
    with pytest.raises(Rejected) as plain:
        open_envelope(s, crypto, signed_args(), PLAIN_XML.encode(), time.time())
    assert plain.value.status == 403


def test_safe_mode_rejects_a_forged_message_signature():
    s = settings("safe")
    crypto = make_crypto(s)
    args, body = encrypted_request()
    with pytest.raises(Rejected) as rejected:
        open_envelope(s, crypto, dict(args, msg_signature="0" * 40), body, time.time())
    assert rejected.value.status == 403
    # Encrypted with another account's key: the signature over the ciphertext may be right, the content is not ours.
    other_args, other_body = encrypted_request(key="B" * 43)
    with pytest.raises(Rejected):
        open_envelope(s, crypto, other_args, other_body, time.time())


def test_compatible_mode_accepts_both():
    s = settings("compatible")
    crypto = make_crypto(s)
    assert not open_envelope(s, crypto, signed_args(), PLAIN_XML.encode(), time.time()).encrypted
    args, body = encrypted_request()
    assert open_envelope(s, crypto, args, body, time.time()).encrypted


def test_reply_to_an_encrypted_message_is_encrypted():
    s = settings("safe")
    crypto = make_crypto(s)
    args, body = encrypted_request()
    envelope = open_envelope(s, crypto, args, body, time.time())
    message = parse_message(envelope.xml)
    sealed = seal_reply(crypto, envelope, message, "收到", "n2")
    outer = xmltodict.parse(sealed)["xml"]
    inner = crypto.decrypt_message(sealed, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
    reply = xmltodict.parse(inner)["xml"]
    assert reply["Content"] == "收到" and reply["ToUserName"] == "oUnit" and reply["FromUserName"] == "gh_unit"


def test_configuration_errors_name_the_field():
    with pytest.raises(ValueError, match="token"):
        WeChatSettings.from_credentials({"app_id": "x"}, env={})
    with pytest.raises(ValueError, match="mode"):
        WeChatSettings.from_credentials({"token": "t", "app_id": "x", "mode": "aes"}, env={})
    with pytest.raises(ValueError, match="encoding_aes_key"):
        WeChatSettings.from_credentials({"token": "t", "app_id": "x", "mode": "safe"}, env={})


def test_environment_overrides_the_demo_credentials():
    s = WeChatSettings.from_credentials(
        {"token": "demo", "app_id": "wxdemo"}, env={"GZ_WECHAT_TOKEN": "real", "GZ_WECHAT_APP_SECRET": "secret"}
    )
    assert s.token == "real" and s.app_secret == "secret" and s.app_id == "wxdemo"


def test_shipped_credentials_are_valid():
    from pathlib import Path

    from rasa.shared.utils.io import read_config_file

    creds = read_config_file(Path(__file__).resolve().parents[2] / "bot" / "credentials.yml")
    # The shipped values are demo values: only the one-machine profiles accept them (tests/e2e/test_hardening.py).
    s = WeChatSettings.from_credentials(creds["bot.channels.wechat.channel.WeChatInput"], env={"GZ_PROFILE": "embedded"})
    assert s.mode in ("plain", "compatible", "safe") and make_crypto(s) is not None
