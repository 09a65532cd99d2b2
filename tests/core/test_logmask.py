"""P5: no log record of a process carries a full ID, credit code or phone number once the mask is installed."""
from __future__ import annotations

import logging

from bot.core import logmask


def test_every_logger_is_masked(caplog):
    logmask.install()
    caplog.set_level(logging.INFO)
    logging.getLogger("some.library").info("申请人 %s 电话 %s 企业 %s", "410105199001011233", "13800138000",
                                           "91410100MA44XK7L3D")
    text = caplog.text
    assert "410105199001011233" not in text and "13800138000" not in text and "91410100MA44XK7L3D" not in text
    assert "4101**********1233" in text and "138****8000" in text


def test_ordinary_messages_are_untouched(caplog):
    logmask.install()
    caplog.set_level(logging.INFO)
    logging.getLogger("x").info("model loaded in %d ms", 1234)
    assert "model loaded in 1234 ms" in caplog.text
