"""The notice question (bot/core/consent.py): Henan and Shandong speech (俺 the speaker, 哩 at a clause end), a reading
over every word set against a remark on the length ("字是多了点，但是…一个字一个字看的"), a no taken back by 哦不 with
the part read last named as read too ("刚才最后一条也看了"), and a bracketed aside on the means of reading (the glasses,
the magnifier, the phone's font made bigger) with the speaker's laughter at themselves closed inside the brackets.

The lines drawn: 哩 after a reading said first or alone may be the 呢 of a reading still going on, and is asked again; the
manner alone ("一个字一个字看的") says no end; after 哦不 only a plain reading decides; laughter or a mocking emoji on the
statement itself, outside the brackets or after them, is in doubt as before, and so is an aside that names another
reader, a part, a hedge or a no."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, SELF


def _held(text) -> bool:
    """Asked again or read as a no: nothing is taken."""
    return notice_read(text, SELF).kind in ("clarify", "negated")


# --- 俺, 哩 and a reading over every word after a remark on the length --------------------------------------------

@pytest.mark.parametrize("text", [
    "看完哩 内容是长了些 但是俺一条一条看哩",
    "俺都看完哩，字是多了点，不过俺一个字一个字看哩",
    "全看完了，告知书长了点，但是我一个字一个字看的",
    "字是多了点，但是俺一个字一个字看完了",
    "俺看过哩",
    "一个字一个字看完了",
])
def test_dialect_reading_after_a_length_remark(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # 哩 said first or alone may be the 呢 of a reading going on; a part, a hedge, someone else, a question
    "俺一个字一个字看哩，还没看完", "俺看了一点哩", "俺一个字一个字看哩",
    "看了一半 内容是长了点 但是俺一个字一个字看哩", "读完啦 字是多了点 但是俺正一个字一个字看哩",
    "读完啦 字是多了点 但是俺一个字一个字看哩 还有两条没看", "读完啦 字是多了点 但是俺一个字一个字看哩？",
    "俺爹读完哩 字是多了点 但是俺一个字一个字看哩", "应该看完哩，字是多了点",
    # the manner alone, after the remark, says no end
    "字是多了点，但是我一个字一个字看的",
])
def test_dialect_reading_look_alikes(text):
    assert _held(text)


# --- a no taken back by 哦不, then the reading and the last part read too --------------------------------------------

@pytest.mark.parametrize("text", [
    "还没看完 哦不对 全看完了 刚刚第七条也看完了",
    "没读完……不对 读完了 刚才最后那条也看了",
    "没看完，哦不，都看完了，刚才最后一部分也看了",
])
def test_no_taken_back_then_last_part_read_too(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # nothing but the last part after the correction, a part, a hedge, someone else, a no, a question
    "没看完……哦不 刚才最后一条也看了", "没看完……哦不 看了一半 刚才最后一条也看了",
    "没看完……哦不 我儿子看完了 刚才最后一条也看了", "没看完……哦不 看完了吧 刚才最后一条也看了",
    "看完了……哦不 没看完 刚才最后一条也看了", "没看完……哦不 看完了 刚才最后一条没看",
    "没看完……哦不 看完了 刚才最后一条也看了？", "刚才最后一条也看了",
])
def test_no_taken_back_look_alikes(text):
    assert _held(text)


# --- a bracketed aside on the means of reading, laughter inside the brackets -----------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读（拿放大镜看的😂）",
    "全部看完了(把手机字调大了才看的😅)",
    "看完了【戴着老花镜一个字一个字看的哈哈】",
    "已阅读（眼都看花了😂）",
    "已经阅读完毕（老花镜戴上看的😆）",
])
def test_bracketed_aside_with_laughter(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # laughter or a mocking emoji on the statement itself, or outside the brackets
    "已阅读😂", "看完了哈哈", "已阅读😄（戴上老花镜看的）", "已阅读（戴上老花镜看的😄）😂", "已阅读（戴上老花镜看的）😄",
    "已阅读（戴上老花镜看的😄）哈哈",
    # the aside a joke, a part, another reader, a no, a teasing 吧, a teasing emoji; the answer a hedge or someone else's
    "已阅读（骗你的😄）", "已阅读（才怪😄）", "已阅读（看了一半😄）", "已阅读（让孙子帮我看的😄）",
    "已阅读（戴上老花镜看了一半😄）", "已阅读（戴上老花镜也没看清😄）", "已阅读（太长了吧😂）", "已阅读（戴上老花镜看的😜）",
    "已阅读吧（戴上老花镜看的😄）", "看了一半（戴上老花镜看的😄）", "我儿子已阅读（戴上老花镜看的😄）",
    "已阅读（戴上老花镜看的😄）？",
])
def test_bracketed_aside_look_alikes(text):
    assert _held(text)
