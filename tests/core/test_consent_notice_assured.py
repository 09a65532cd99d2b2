"""Reassurances said beside a plain statement of having read the notice (bot/core/consent.py, notice_ack): a shortcut
denied ("不是随便回的", "不是光看了标题", "不是我儿子替我看的"), the manner told (从头到尾 said apart, printed out, scrolled
down while reading), the reader's pace or eyes with the reading still whole, a part read again with care, the parts
counted, an earlier reply withdrawn or corrected, the reading aloud declined by one who can read, and context about
the speaker (their trade, the network, an earlier errand, their memory, the length with laughter).

Each is a yes only beside a complete plain reading by the speaker. The reading itself denied ("不是看完了"), a part, a
plan, someone else's reading, a hedge, doubt and a question stay asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, SELF


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


# --- a shortcut denied ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我不是随便回的，一条一条都读完了，已阅读", "已閱讀，不是看一半", "已阅读，不是光看了标题，内容都看了",
    "已经全部看完了，不是敷衍，有疑问的地方我刚才也问清楚了", "已阅读。不是草草看的，我在厂里干了二十年质检，看东西细着呢",
    "已阅读。不是我儿子替我看的，是我自己戴着老花镜看完的", "不是我儿子替我看的，是我自己看完的",
    "看完了，你别以为年轻人都不看条款，我可是一个字一个字看的", "已阅读，放心，不是看完就忘的那种",
    "全看完了，没跳过，连法律责任那段都看了",
])
def test_shortcut_denied(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the reading itself denied, the denial alone, a part or someone else after it, a hedge or a question on it
    "不是看完了", "不是全看完了", "已阅读，不是看完了", "不是随便回的", "我不是随便回的，看了一半",
    "不是光看了标题，看了一半", "已阅读，不是看一半，是看了一大半", "没有看一半，已阅读",
    "不是我儿子替我看的，是我女儿替我看的", "不是我儿子替我看的，我儿子看完了", "已阅读，不是光看了标题吧",
    "已阅读，不是敷衍吗", "已阅读，不是随便回的😂", "你别以为年轻人都不看条款", "看完了，你别以为我看不懂",
    "已阅读，不是草草看的，但是第三条没看", "连法律责任那段都看了", "已阅读，连法律责任那段都没看", "我可是没看完",
])
def test_shortcut_denied_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- the manner, the pace and the eyes -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了看完了 从头到尾", "我打印出来逐条看完了，已阅读", "读完了，屏幕上一条一条往下翻着看完的",
    "已阅读，刚才让孙子把字调大了，一条一条看的", "读完了，老花眼看得慢，但是都读完了",
    "不是没看，是看得慢，现在看完了，已阅读", "不是没看，我看得慢，现在全看完了",
    "看完了，七部分都看了，字有点小不过都看清楚了", "已阅读，不用再说一遍了，都看明白了",
])
def test_manner_and_pace(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "从头到尾", "看了一半，从头到尾", "我打印出来了", "上次打印出来看完了", "往下翻着看了一半",
    "读完了，老花眼看得慢，还没读完", "不是没看，是看得慢", "不是没看，是看得慢，还没看完",
    "看完了，字有点小不过没看清楚", "看完了，字有点小，看不清",
])
def test_manner_and_pace_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a part read again, the parts counted, nothing missed ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读（第五条我还特意多看了两遍）", "已阅读。法律责任那一部分我还特意多看了两遍", "第七部分我还专门多看了一遍，已阅读",
    "都看了，一共七条，最后那条法律责任也看了", "我已阅读，共７部分都看了", "看完了，七个部分，不是六个，我还数了",
    "我已阅读全部告知内容，没有漏掉的部分",
])
def test_parts_stressed_and_counted(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the part alone or with the rest unread, a reading still to come, a count short of the whole, a gap
    "第五条我还特意多看了两遍", "第五条我还特意多看了两遍，其他的没看", "已阅读，第七部分我还要多看一遍",
    "看完了，六个部分，不是七个", "都看了，一共六条", "我已阅读，共5部分都看了", "共７部分", "我还数了",
    "没漏掉的部分我都看了", "已阅读，漏掉的部分没看", "已阅读，可能没有漏掉的部分",
])
def test_parts_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- an earlier reply withdrawn or corrected -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚才说没看完，现在看完了，已阅读", "刚才没看完，现在看完了，已阅读", "刚才说没看完是说错了，已经全部看完了",
    "我刚才回“好的”不算，现在正式说：已阅读", "更正：上一条回的“再说一遍”不要了，我已经全部看完了",
    "还没看完……哦不对，刚才没滑到底，现在全部看完了，已阅读", "再说一遍……不用了不用了，我看完了，已阅读",
])
def test_earlier_reply_withdrawn(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # what comes after the withdrawal must itself be a whole reading, said now
    "刚才说没看完，刚才看完了", "刚才说没看完，现在也没看完", "刚才没看完，现在看了一半", "刚才说没看完是说错了",
    "刚才说没看完是说错了，还没看完", "我刚才回好的不算，好的", "我刚才回“好的”不算，现在正式说：看了一部分",
    "更正：上一条回的“再说一遍”不要了",
])
def test_earlier_reply_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_withdrawn_request_then_a_new_one_is_that_request():
    reading = notice_read("更正：上一条回的“再说一遍”不要了，第三条再说一遍", SELF)
    assert reading.kind == "repeat" and reading.section == 3


# --- reading aloud declined, and context about the speaker ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读，我认字，不用念给我听", "已阅读，不用念给我听，我自己识字", "我是开小饭馆的，刚忙完，现在全部看完了，已阅读",
    "已阅读，在地铁上看的，信号还行，都加载出来了", "已阅读。上次办公租房也看过类似的，这次又完整看了一遍",
    "看完了，上面说的我都记住了", "全部看完了，说实话挺长的😅", "全部看完了，比我们村的村规民约还长，不过我都看了",
])
def test_aloud_declined_and_context(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "不用念给我听", "不用念给我听，我儿子看了", "我认字", "我不认字，已阅读", "已阅读，我是开玩笑的",
    "我是开玩笑的，已阅读", "我是开小饭馆的", "我是开小饭馆的，还没看完", "已阅读，我在厂里干了二十年质检，没看完",
    "已阅读，信号不好，没加载出来", "已阅读，只加载出来一半", "信号还行，都加载出来了", "已阅读，有疑问的地方还没问清楚",
    "有疑问的地方我刚才也问清楚了", "已阅读，我记性不好", "上次办公租房也看过类似的，都看完了",
    "上次办公租房也看过类似的，这次没看", "说实话挺长的😅", "说实话挺长的，没看完😅", "比我们村的村规民约还长，没看完",
])
def test_aloud_declined_and_context_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a question with why it is asked --------------------------------------------------------------------------

def test_question_with_the_reason_is_a_question():
    assert notice_read("核查的时候会上门吗？我白天在地里干活不在家", SELF).kind == "question"


@pytest.mark.parametrize("text", ["核查的时候会上门吗？我还没看完", "核查的时候会上门吗？好的", "看完了吗？我白天不在家"])
def test_question_look_alikes(text):
    assert _undecided(notice_read(text, SELF))
