"""Masking of personal numbers in every log record of a process (P5).

``install()`` wraps the logging record factory, so every record - ours, Rasa's (structlog renders through the
standard library), Sanic's, uvicorn's - has ID numbers, 统一社会信用代码 and phone numbers masked with
``bot.core.ids.mask_text`` before any handler or formatter sees it. A handler-level filter would miss handlers
that libraries add later; the record factory cannot be bypassed by a logger.
"""
from __future__ import annotations

import logging
from typing import Any

from bot.core.ids import mask_text

_installed = False


def _masked(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: leave it to logging's own error handling
        return record
    masked = mask_text(message)
    if masked != message:
        record.msg, record.args = masked, None
    return record


def install() -> None:
    """Idempotent; call once per process, as early as possible."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _masked(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _installed = True


class MaskingFilter(logging.Filter):
    """For logging config files (``()``: bot.core.logmask.MaskingFilter): installs the factory as a side effect
    and masks records that were created before it was installed."""

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        install()

    def filter(self, record: logging.LogRecord) -> bool:
        _masked(record)
        return True
