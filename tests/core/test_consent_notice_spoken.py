"""Hotline and voice answers to the notice (bot/core/consent.py, notice_ack): remarks on the print, the reader's eyes,
the phone or the effort said after a plain statement; a go-ahead asked of the clerk ("你接着往下办吧", "恁往下弄吧",
"请进入下一步"); a denial of the opposite before, between or with the formal 而是 ("不是没有阅读，而是…", "不是假装读完");
the reply not sent yet ("读完了没吭声"); a not-yet ended by "好了好了" or by an interjection of one who finds they were
wrong ("没看完 哎 看完了"); the screen scrolled; parts named as read too; nothing missed or nothing to say; a hello on
the phone and where it was read; the legal representative's "已逐条阅读"; the formal correction of an earlier reply; a
hotline clerk's label of the caller; the notice pointed at in the text message; and a question about what is not
understood.

Each is a yes only beside a complete plain reading by the speaker. A part, a plan or a reading not over, a hedge,
someone else's reading, a remark that says the text could not be read, a question mark on the statement, and laughter
or mockery on the statement itself are asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, SELF

ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


# --- the print, the eyes, the phone and the effort, remarked on after the reading -----------------------------------

@pytest.mark.parametrize("text", [
    "已阅读。顺便说一句，这字号在手机上看有点小", "俺看完了 字大 看得清", "看完了 俺这眼神还中 哈哈",
    "七条俺都看了 看完了 就是手机烫手 哈哈", "从头到尾都看完了 费老劲了", "看完了，手机快没电了", "看完了 俺这眼神还中",
])
def test_print_phone_and_effort_remarks(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the remark alone, or saying the text could not be read
    "字大 看得清", "就是手机烫手", "费老劲了", "已阅读，字太小看不清", "看完了，字小看不清",
    # beside a part, a hedge or someone else's reading; the laughter on the statement itself or on a weak eye
    "看了一半 俺这眼神还中 哈哈", "差不多看完了，这字号在手机上看有点小", "看了一半 费老劲了", "看了一半，手机快没电了",
    "我妈看完了，就是手机烫手", "看完了吧 手机烫手 哈哈", "看完了 俺这眼神不中了 哈哈", "看完了哈哈 就是手机烫手",
    # mockery and a plan after it
    "看完了 费老劲了 才怪", "已阅读，字大，看得清，骗你的", "看完了，手机快没电了，回头再看",
])
def test_print_phone_and_effort_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a go-ahead asked of the clerk; the formal "next step" -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "不是没看，我都看完了，你接着往下办吧", "都看完嘞 恁往下弄吧", "看完了，你继续办吧",
    "不是没有阅读，而是已经阅读完毕，请进入下一步", "看完了七条 没啥说的 往下走",
])
def test_go_ahead_after_the_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "你接着往下办吧", "恁往下弄吧", "请进入下一步", "差不多看完了 恁往下弄吧", "我儿子都看完嘞 恁往下弄吧",
    "不是没看，我看了一半，你接着往下办吧", "不是没有阅读，而是准备阅读，请进入下一步",
    # nothing to say, alone, after a part, or the bare 没说的
    "没啥说的 往下走", "没啥说的", "看了几条 没啥说的 往下走", "看完了，没说的",
])
def test_go_ahead_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- the opposite denied, between statements; the reply not sent yet ------------------------------------------------

@pytest.mark.parametrize("text", [
    "读完了，不是假装读完，是真读完了", "不是假装读完，是真读完了", "不是没读完，是读完了没吭声，已阅读", "读完了没吭声",
])
def test_denials_and_the_reply_not_sent(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a pretended reading not denied is none; the denial alone; someone else; a question mark or a hedge
    "假装读完了", "我假装读完了", "不是假装读完", "读完了，不是假装读完，是我妈读完了", "读完了，不是假装读完，是真读完了？",
    "读完了，不是假装读完，是真读完了吧", "已阅读，不是假装的",
    # the reply not sent after a reading not finished, or a plan
    "没读完没吭声", "不是没读完，是读了一半没吭声", "读完了没吭声，回头再说",
])
def test_denials_and_the_reply_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a not-yet ended by "好了好了" or by the interjection of one who was wrong; the screen scrolled --------------------

@pytest.mark.parametrize("text", [
    "还没看完——好了好了，现在看完了", "没看完 哎 看完了", "没看完 哎 看完了 刚才往下一划就看完了",
    "第五条再说一遍……哦不用了，我往上翻到了，全部看完了",
])
def test_not_yet_ended_and_scrolling(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "还没看完——好了好了，现在看了一半", "还没看完——好了好了", "没看完 哎 看完了再说", "没看完 哎 看完了吗",
    "没看 哎 看完了", "没看完 哎 我妈看完了", "没看完 嗯 看完了",
    # the scrolling alone may be a part found or a skim to the bottom
    "我往上翻到了", "刚才往下一划就看完了", "往下一划就看完了", "第五条再说一遍……哦不用了，我往上翻到了",
    "第五条再说一遍……哦不用了，我往上翻到了，看了一半",
])
def test_not_yet_and_scrolling_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- parts named as read too; nothing missed ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我看完了，最后那条公开的也看了", "看完了 第二条第三条都看了 都看了", "看完了，第二条第三条都看了",
    "已读完全文，包括第五部分法律责任和第七部分公开范围", "都读完了 没落下一条",
])
def test_parts_named_and_none_missed(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "最后那条公开的也看了", "看了一半，最后那条公开的也看了", "我看完了，最后那条公开的也看了吧", "我看完了，最后那条公开的没看",
    # several parts said first may be all that was read
    "第二条第三条都看了 看完了", "第二条第三条都看了", "看完了吧 第二条第三条都看了", "看完了 第二条第三条没看",
    "包括第五部分法律责任和第七部分公开范围", "大概读完了，包括第五部分法律责任和第七部分公开范围",
    "已读完全文，包括第五部分法律责任和第七部分公开范围没看",
    "没落下一条", "看了一半 没落下一条", "都读完了 落下一条", "都读完了 没落下一条吧",
])
def test_parts_named_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- a hello, where it was read, the representative, the caller's label, the formal correction --------------------

@pytest.mark.parametrize("text", [
    "喂，我看完了，手机上七段都看了", "来电人：已阅读", "更正：刚才误回复“好的”，现确认已阅读",
    "看完了，手机上那个告知书我从头看到尾", "已经看完了，你们这七条写得挺清楚",
])
def test_hotline_answers(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "喂，手机上七段都看了", "喂，我妈看完了", "喂，手机上看了三段", "喂，我看完了，手机上七段都看了，就是第五条没看",
    # the caller's label before a bare yes, a third party, a hedge or a question mark
    "来电人：好的", "来电人家属：已阅读", "来电人：他女儿已阅读", "来电人：大概阅读了", "来电人：已阅读？", "我是代办人，已阅读？",
    # the correction followed by no reading, someone else's or a hedge
    "更正：刚才误回复“好的”，现确认未阅读", "更正：刚才误回复“已阅读”，其实还没看", "更正：刚才误回复“好的”", "更正，好的",
    "刚才误回复“好的”，现确认已阅读吧", "更正，刚才误回复好的，现确认我妈已阅读",
    # the message's copy read in part, earlier or by someone else; a copy from the window
    "短信里那个告知书我看了一半", "之前短信里那个告知书我看过了",
    # a text message is no copy this journey sends: it may hold another version
    "看完了，短信里那个告知书我从头看到尾", "在短信里看完了", "短信里那个告知书我儿子从头看到尾", "窗口那个告知书我从头看到尾",
    # the remark on the notice alone, after a hedge, or saying it is unclear
    "你们这七条写得挺清楚", "大概看完了，你们这七条写得挺清楚", "已经看完了，你们这七条写得不清楚",
])
def test_hotline_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_representative_reads_section_by_section():
    assert _yes(notice_read("本人作为法定代表人，已逐条阅读告知内容", ENTERPRISE))
    assert _undecided(notice_read("本人作为法定代表人，将逐条阅读告知内容", ENTERPRISE))
    assert _undecided(notice_read("本人作为法定代表人，已逐条阅读部分告知内容", ENTERPRISE))


# --- a question about what is not understood ----------------------------------------------------------------------

def test_question_about_what_is_not_understood():
    assert notice_read("啥是告知承诺 俺看不明白", SELF).kind == "question"
    # not understood alone is asked again, not answered as a question; neither decides
    assert notice_read("俺看不明白", SELF).kind == "clarify"
    assert not _yes(notice_read("啥是告知承诺？俺看不明白，大概看完了", SELF))
