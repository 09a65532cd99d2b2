"""The notice read (bot/core/consent.py) after a question said first. A real question before the statement is still
open ("什么意思？已阅读", "要不要，看完了", "吃饭了吗，已阅读"): the reading may rest on not knowing what was asked, so the
question is answered and the reading asked again. A question asked to agree ("不是说要阅读吗", "哪能不看") or about the
reading asked of the speaker ("这个必须看吗？", "要看多久啊") is answered by the statement after it, which decides."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import SELF, is_yes


@pytest.mark.parametrize("text", ["什么意思？已阅读", "要不要，看完了", "为什么？已阅读", "看什么？已阅读", "需要吗，看完了",
                                  "吃饭了吗，已阅读"])
def test_an_open_question_before_the_statement_is_answered_first(text):
    reading = notice_read(text, SELF)
    assert reading.kind == "question"


@pytest.mark.parametrize("text", ["不是说要阅读吗，我读完了", "是要全部看完吗，我看完了", "这个必须看吗？我已经看完了",
                                  "要看多久啊，我都看完了", "为啥要看？我看完了"])
def test_a_question_to_agree_or_about_the_reading_asked_is_answered_by_the_statement(text):
    assert is_yes(notice_read(text, SELF))
