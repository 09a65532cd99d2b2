"""The notice read (bot/core/consent.py, notice_ack) beside remarks that cannot take the reading back: a remark on one
part of the notice or a part's content retold, a wish for the print, the text against what was expected; hurry (a
meeting waiting, the stop coming up, "就这样下一步"); where and how it was read (a gap in a meeting, standing on the bus,
swiped through on the subway, glasses and a slow pace, the print made bigger by a grandchild, a shaking bus); emphasis
on the statement itself (是真的, carelessness denied, nearly learnt by heart, a spoken comma); Henan speech (恁放心, 看嘞
= 看得); a "not yet" that was only the screen not scrolled, a finish nearly missed; and the notice asked for again so
that someone may read it out.

Each is a yes only beside a complete plain reading by the speaker. A remark that says the reading was not complete or
not understood (没看, 没看清, 跳过, 扫了一眼, 刷了一下, 大概看了), a hedge, a question, the remark alone, another reader
or a give-up (先这样吧) is asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, PROXY, SELF


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


def _not_yes(reading) -> bool:
    return not _yes(reading)


# --- a remark on one part of the notice, its print, or what was expected --------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读。第四条说可以撤回承诺，这条挺好", "读完了，第五部分讲核查的写得挺清楚", "看完了，就是第七部分有点长",
    "已阅读，这条讲的是不实承诺要担责", "读完了，字体再大点就好了", "已阅读，建议字体大一点",
    "读完了，说实话写得比我想的好懂", "全部看完了，比想象中短",
])
def test_remarks_on_a_part_the_print_or_the_expectation(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the remark says a part went unread or was not understood
    "读完了，第七部分太长没看", "看完了，第七部分没看懂", "看完了，第五部分讲核查的没写清楚", "看完了，就是第七部分有点长，没细看",
    "看完了，字太小有的没看清", "读完了，字体再大点我就能看清了", "读完了，写得比我想的难懂",
    # what a part says, retold with a request, a question, a hedge or the speaker's own reading in it
    "已阅读，第四条说一下", "已阅读，第四条说的啥", "已阅读，第四条好像说可以撤回承诺", "已阅读，第四条说的我没看",
    "看完了，第四条说可以撤回承诺吗",
    # a hedge or a question on the remark; the remark alone, or said first with no statement
    "看完了，就是第七部分有点长吧", "已阅读，这条挺好？", "这条挺好", "第七部分有点长，看了", "第四条说可以撤回承诺",
    "字体再大点就好了", "说实话写得比我想的好懂", "写得挺清楚，我没细看",
])
def test_remarks_on_a_part_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- hurry ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅，赶紧下一步吧，我还要开会", "开会间隙看完了，已阅读，麻烦快点", "我已经看完了嗯就这样下一步",
    "刚在公交上站着看完的，已读，下一站就到了", "看完了，我等会儿得去上课",
])
def test_hurry(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # hurry with no statement, or a give-up
    "赶紧下一步吧", "我还要开会，赶紧下一步吧", "下一站就到了", "让我下一步", "已读，让我下一步",
    "已阅，我还要开会，先这样吧", "看完了，就这样吧", "已阅读，先这样吧",
    # hurry beside a part, a skim or a reading not finished
    "看了一半嗯就这样下一步", "大概看了，赶紧下一步吧", "已阅读，下一站就到了，没看完", "已阅，赶紧下一步吧，我还要看",
    # a gap in a meeting with a finish still to come, or a glance
    "开会间隙看完", "开会间隙看了一下",
])
def test_hurry_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- where and how it was read --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我七十多了眼神不好，戴上老花镜慢慢看，总算看完了", "孙女帮我把字调大了，我自己从头看到尾，看完了",
    "车上晃得厉害，不过全部看完了😅", "地铁上刷完了，已读", "已读，刷完了", "公交上太挤了，不过全部看完了😅",
])
def test_where_and_how(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a glance, a reading not finished or given up, a reading still to come
    "地铁上刷了一下", "地铁上刷了一下，已读", "刷完了", "车上晃得厉害，没看完", "车上晃得厉害，看完了吧", "车上晃得厉害",
    "我慢慢看完", "别急，我慢慢看完", "戴上老花镜慢慢看", "我七十多了眼神不好，戴上老花镜慢慢看",
    "我七十多了眼神不好，戴上老花镜慢慢看，看了一半", "刚在公交上站着看的",
    # the grandchild only made the print bigger: she read it, or a part, is no reading of the speaker's
    "孙女帮我把字调大了，她看完了", "孙女帮我把字调大了", "孙女帮我把字调大了，看了一半", "孙女帮我看完了",
    # the sweat face on a part, beside laughter, on a bare statement; another laughing face
    "车上晃得厉害，不过看了一半😅", "车上晃得厉害，不过全部看完了哈哈😅", "全部看完了😅", "车上晃得厉害，不过全部看完了😂",
    # the print that could not be read
    "已读，字太小看不见",
])
def test_where_and_how_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- emphasis on the statement itself --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，七条我都快背下来了哈哈", "已阅读！（这次是真的从头看到尾了）", "我不是不认真，我是真的一条一条看完了",
    "已阅读逗号都看完了句号", "我是真的看完了",
])
def test_emphasis(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "七条我都快背下来了哈哈", "看完了，七条我都背不下来哈哈", "看完了，七条快看完了", "已阅读！（这次是真的没看）",
    "我不是不认真，就是没看完", "我不是不认真，我是看不懂", "我不是不认真", "已阅读逗你玩", "已阅读逗号哈哈", "已阅读逗号没看完",
    "我是真的看了",
])
def test_emphasis_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_emphasis_asked_back_is_a_question():
    assert _not_yes(notice_read("这次是真的从头看到尾了吗", SELF))


# --- who the speaker is ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["我是代办的，告知书我自己从头看完了", "我是代办的，已阅读"])
def test_proxy_by_its_verb(text):
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", ["我是代办的，告知书我爸看完了", "我是代办的", "我是代办的，看了一半"])
def test_proxy_by_its_verb_look_alikes(text):
    assert _undecided(notice_read(text, PROXY))


# --- Henan speech ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["已阅读，恁放心吧，俺看嘞可仔细", "看完了，看嘞俺眼都花了😂", "已阅读，恁放心吧"])
def test_henan(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "恁放心吧，俺看嘞可仔细", "俺看嘞可仔细", "看嘞俺眼都花了😂", "看完了，看嘞俺眼都花了，没看完😂",
])
def test_henan_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a not-yet that was the screen, a finish nearly missed -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没看完，哦不对，刚才是没往下翻，现在都看完了", "刚才是没往下翻，现在都看完了",
    "已阅读，刚刚手机快没电了差点没看完，还好看完了", "差点没看完，还好看完了",
])
def test_not_yet_undone(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "刚才是没往下翻", "没看完，哦不对，刚才是没往下翻", "没看完，哦不对，刚才是没往下翻，现在看了一半",
    "差点没看完", "已阅读，差点没看完", "差点没看完，还好看了一半", "已阅读，刚刚手机快没电了差点没看完",
])
def test_not_yet_undone_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- the notice asked for again, so that someone may read it out -----------------------------------------------------

@pytest.mark.parametrize("text", ["从头再来一遍，我让孙子念给我听", "再发一遍吧，我让孙子念给我听"])
def test_asked_again_to_be_read_out(text):
    assert notice_read(text, SELF).kind == "repeat"


@pytest.mark.parametrize("text", ["我让孙子念给我听", "我让孙子念给我听，等会儿再看", "我让孙子念给我听，你们别发了"])
def test_read_out_later_look_alikes(text):
    reading = notice_read(text, SELF)
    assert reading.kind == "clarify" and reading.detail == "not_read"
