"""The notice read (bot/core/consent.py, notice_ack) beside what else a reader says: a neutral remark on the text, the
reader's body, the time it took, thanks for how it is written or a boast of having mastered it; a denial of not having
read or of having read only the title, before the statement; a "not yet" or a part missed, then taken back or made up;
voice input run on without pauses, with who the speaker is told first; the notice read out to the speaker, or by the
speaker to someone beside them.

Each is a yes only beside a complete plain reading by the speaker. A remark that undermines the reading (skimmed, not
understood, a part, someone else, a question, a condition, mockery), a wrong count, a gap not made up and a reading by
someone else are asked again. A copy read at the service window (a printout handed out there, a paper copy from the hall)
is no reading of the version sent here, and is asked again as well."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, PROXY, SELF


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


# --- a neutral remark beside the reading ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读，就是内容有点长，脖子都酸了", "都看完了，看了半个多小时", "全部看完了，感谢你们写得这么清楚",
    "读完了，字挺多的，看累了", "眼睛有点酸，不过都看完了", "全看完了，随便考",
])
def test_neutral_remarks(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the remark undermines the reading: not understood, a skim, a part, someone else
    "看完了，写得太复杂没看懂", "看完了，才看了两分钟", "已阅读，写得够长的，懒得细看", "我老婆看完了，写得真细",
    "看了一半，眼睛有点酸",
    # a hedge, a question, mockery, the boast taken back, laughter on the statement itself
    "看完了吧，字有点多", "看完了，写得真细？", "看完了，考我就不行了", "已阅读，写得够长的（手动狗头）",
    "全看完了，考我都行，开玩笑的", "看完了哈哈，写得真细",
    # the remark alone
    "写得够长的", "眼睛有点酸",
])
def test_neutral_remarks_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- not having read, or only the title, denied first ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "谁说我没读？从第一部分读到第七部分了", "哪能没看，从第一部分看到第七部分了", "不是只看了开头，正文也都看完了",
])
def test_denial_then_the_whole(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "谁说我没看？从第一部分看到第五部分了", "谁说我没看？我儿子从第一部分看到第七部分了",
    "不是只看了标题，正文看了一半", "不是只看了标题，我儿子正文都看完了",
])
def test_denial_then_the_whole_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a "not yet" or a part missed, taken back or made up -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "还没看完，哦不对，往下滑到底了，全都看完了", "第五条刚才漏看了，又补上了，七条都看完了",
    "刚才漏看了第二条，现在全都看完了", "刚才说没看完是手误，其实早就看完了",
])
def test_second_looks(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the gap neither made up nor closed now, made up with nothing of the whole, a make-up still to come
    "第三部分刚才漏了，全部看完了", "第三部分刚才漏了，又补看了", "第三部分刚才漏了，等会儿补看，全部看完了",
    # someone else, a part, nothing said after the correction
    "第三部分刚才漏了，又补看了，我儿子全部看完了", "刚才说没看完是手滑打错了，其实看了一半", "还没看完，哦不对，往下划到底了",
])
def test_second_looks_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- voice input run on ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我七十多了眼睛不好使让我儿子把字调大了我一条一条地看到最后一条都看完了",
    "你好我刚才从头到尾都看完了那个告知书里的内容都看完了", "我刚才在地铁上把你发的那一大段全看完了一共七条是吧都看了",
    "看完了眼睛有点酸",
])
def test_run_on(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # someone else, a part, a count other than the one sent, someone else too, a reading given up
    "我今年七十三了眼睛不太好使让我孙女把字调大了我孙女一条一条的看到最后一条都看完了",
    "我今年七十三了眼睛不太好使让我孙女把字调大了我一条一条的看到第五条", "我刚才全看完了一共六个部分是吧都看了",
    "看完了我儿子也看了", "太长了谁看啊",
])
def test_run_on_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- read aloud -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我儿子一句一句念给我听的，我也跟着看了，全都看完了", "我识字不多，让我孙子从头到尾念给我听了，全部听完了",
])
def test_read_aloud(text):
    assert _yes(notice_read(text, SELF))


def test_read_aloud_by_the_proxy():
    assert _yes(notice_read("我是一句一句读给我妈听的，念完了，七条我都看了", PROXY))
    assert _undecided(notice_read("我是一条一条念给我爸听的，念完了，七部分我爸都看了", PROXY))
    assert _undecided(notice_read("我是一条一条念给我爸听的，念完了", PROXY))


@pytest.mark.parametrize("text", [
    "我闺女一句一句念给我听的，七部分她都看完了", "我不识几个字，让我儿子从头到尾念给我听了，他全部听完了",
])
def test_read_aloud_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_read_aloud_still_to_come():
    assert not _yes(notice_read("我不识几个字，让我儿子念给我听，全部听完了", SELF))


# --- another copy ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "在大厅窗口拿的纸质告知书，我都看完了", "排队时把窗口发的那张纸看完了，七条都看了", "在窗口把打印的告知书看完了",
])
def test_copy_from_the_window(text):
    assert _undecided(notice_read(text, SELF))
