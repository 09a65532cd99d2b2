"""The notice read beside clauses that only tell the circumstances of the reading (bot/core/circumstances.py): where,
when, on what device, in what manner and with what care it was read, the print's size, who the reader is by trade.
Such a clause is a circumstance only when it is written wholly in a closed vocabulary that cannot take the reading back,
limit it, put it off or give it to someone else; the statement beside it must decide alone. A word outside that
vocabulary (another reader, a part, an earlier or a later time, another copy, a glance, a reading still going on) leaves
the answer asked again."""
from __future__ import annotations

import pytest

from bot.core import circumstances
from bot.core.consent import notice_read
from bot.core.reading import Reading
from tests.core.speakers import is_yes as _yes, SELF


@pytest.mark.parametrize("text", [
    "已阅读，我是放大了看的", "都读完了，我在电脑上看的，看得很清楚", "已读已读，刚下课看完的",
    "已阅读✅ 坐公交的时候一口气看完的", "看完了，在地铁上用手机看的", "我已阅读全部告知内容，字有点小，我是放大了看的",
    "已阅读，下班路上认认真真看完的", "都看完了，我是退休老师，逐字看的", "看完了，午休的时候一条一条看的",
    "读完了，戴着老花镜慢慢看的", "已阅读，在店里坐着一条一条看完的",
])
def test_statement_beside_its_circumstances(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # another reader, another copy, an earlier or a later reading
    "已阅读，我儿子看的", "看完了，我老伴看的", "看完了，别人念的", "看完了，在窗口看的", "已阅读，我看的是纸质的",
    "看完了，之前看过", "看完了，上次看的", "已阅读，明天再看", "已阅读，等下再看",
    # a glance, a part, a reading still going on
    "已阅读，翻了翻", "已阅读，看了一下", "已阅读，瞄了一眼", "看完了，跳着看的", "看完了，就看了标题", "已阅读，看了第一条",
    "已阅读，读了两条", "已阅读，只看了前面", "已阅读，还在看", "看完了，往下翻着", "已阅读，我在读", "已阅读，看着呢",
    "看完了，在看",
    # cannot read, a joke, a question, laughter or a doubtful emoji beside the circumstance
    "已阅读，手机上看不清", "已阅读，我是瞎子", "看完了，开玩笑", "已阅读，看完了吗", "看完了😂，我在手机上看的",
    "看完了，我在手机上看的哈哈", "已阅读，我在电脑上看的？",
    # circumstances alone: no statement beside them
    "我在电脑上看的，字有点小", "刚下课，在地铁上看的",
])
def test_anything_else_is_asked_again(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("clause, expected", [
    ("我在电脑上看的", True), ("戴着老花镜慢慢看的", True), ("字有点小", True), ("我是退休老师", True),
    ("老师看的", False), ("这部分是我看的", False), ("这条我也看了", True), ("翻的", False),
    ("在电脑上", False),  # no predicate: it says nothing by itself
    ("翻了翻", False), ("看看", False), ("在看", False), ("往下翻着", False), ("翻着看的", True),
    ("我儿子看的", False), ("看了一半", False), ("明天看", False), ("就看了", False), ("还看着", False),
])
def test_the_closed_vocabulary(clause, expected):
    assert circumstances.is_circumstance(clause) is expected


def test_the_statement_must_decide_alone():
    # a reader that takes nothing: circumstances alone are never a yes
    never = lambda clause: Reading("clarify", detail="unclear")  # noqa: E731
    from bot.core.consent import _screen
    assert circumstances.statement_among_circumstances("已阅读，我在电脑上看的", never, _screen) is None


@pytest.mark.parametrize("text", [
    # another reader named by trade, a part set against the rest, a skim by turning pages, "had enough"
    "看完了，是老板看的", "已阅读，老师看的", "已阅读，这部分是我看的", "看完了，那条是我读的", "已阅读，翻的",
    "已阅读，往下划的", "已阅读，看够了", "已阅读，是我写的",
])
def test_words_that_may_undermine_are_outside_the_vocabulary(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    "已阅读，我是退休老师，一条一条看的", "看完了，这条我也仔细看了", "都看完了，后果那条我特别认真读了",
    "已阅读，往下翻着看的",
])
def test_the_speaker_by_trade_and_parts_read_with_care(text):
    assert _yes(notice_read(text, SELF))
