"""The notice read (bot/core/consent.py, notice_ack) beside what particular lives add to it (bot/core/circumstances.py):
who the speaker is by trade or life, when and where in the day the reading was done (said apart, or before the
statement in the same clause), how carefully, a hardship turned against with 但/还是, the errand asked to go on, a part
found clear, the notice told on to colleagues, nothing left to ask; a grandchild typing the elder's own reading and
words; the caller's "喂 我说" and the notice named before a pause.

Each is a yes only beside a complete plain reading by the speaker. Another reader, a reading not finished or only a
glance, a doubt left, a plan, a hardship not overcome, the remark or the question alone is not a yes."""
from __future__ import annotations

import pytest

from bot.core import circumstances
from bot.core.consent import notice_read
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, ENTERPRISE, PROXY, SELF

COMPANY = Context(applicant_kind="enterprise", applicant_name=ENTERPRISE)


def _not_yes(reading) -> bool:
    return not _yes(reading)


# --- who the speaker is: a trade or a life told --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我退休前在厂里管了二十年文件，这告知书我一条一条都看完了", "我是中学老师，看东西习惯逐字读，七个部分都认真看完了",
    "我开出租的，等客那会儿把内容全看完了，已阅读", "开小超市的，刚一边看店一边把七条都读完了，请继续",
    "退休在家时间多，告知书我前后看了两遍，都看完了", "我是卖水果的，一条一条都看完了", "我是个体户，已阅读",
    "我在厂里干了二十年质检，已阅读",
])
def test_trade_or_life_told(text):
    assert _yes(notice_read(text, SELF))


def test_trade_told_by_the_representative():
    assert _yes(notice_read("我是饭店老板也是法人，趁中午不忙把告知书从头到尾看完了，可以往下走了", COMPANY))
    assert _not_yes(notice_read("我是饭店老板也是法人，我们会计看完了", COMPANY))
    assert _not_yes(notice_read("我是饭店老板，趁中午不忙让会计看完了", COMPANY))


@pytest.mark.parametrize("text", [
    # the trade alone, with another reader, with a part, or a relative who is not the applicant
    "我是中学老师", "我是种菜的", "我退休前在厂里管了二十年文件", "我是中学老师，我儿子看完了", "我是中学老师，看了一半",
    "我开出租的，我老婆看完了", "开小超市的看完了", "我是他孙子，已阅读", "已阅读，我是他孙子", "我退休前在厂里看过，已阅读",
])
def test_trade_or_life_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- when and where in the day ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚下夜班，坐地铁回家路上把七部分都看完了，已阅读", "早上送完孩子回来，泡了杯茶把告知书全读了一遍，已阅读",
    "俺在地头拿手机一条条看完了，都读了，下一步弄啥", "下班回家路上把告知书看完了", "刚下夜班，已阅读",
    "中午不忙的时候看完的，已阅读", "我在地里拿手机一条一条看完的，已阅读", "午休的时候把七条都读完了，请继续",
])
def test_when_and_where(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a glance, a reading not finished, a plan (no 了 or 的 after the finish), the day alone
    "在地头扫了一眼", "已阅读，在地头扫了一眼", "我在地头扫了一眼", "等客那会儿看了一半，已阅读", "刚下夜班", "刚下夜班，还没看",
    "刚下夜班，等会儿再看", "下午把告知书看完", "下午把告知书看完，已阅读", "回家把告知书看完，已阅读", "趁中午不忙把告知书看完",
    "已阅读，中午看完", "已阅读，回家路上看", "已阅读，回来看", "已阅读，中午不忙看", "已阅读，不忙看",
    # words before the statement that name a part or another reader
    "核查那部分看完了", "核查那部分看完了，下一步", "小王看完了，已阅读", "和我儿子一起看完了，已阅读", "是我儿子看完的，已阅读",
])
def test_when_and_where_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- how carefully -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我把手机字体调到最大，一条一条看完了，已阅读", "看完了，前后看了两遍", "已阅读，我平时看东西习惯逐字读",
])
def test_how_carefully(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the front and back only, a bare habit, a reading going on, print still unreadable
    "看完了，看了前后", "已阅读，前后都看了", "已阅读，平时看", "已阅读，一边看店一边看", "已阅读，字体调到最大也看不清",
    "我把手机字体调到最大", "我把手机字体调到最大，看了一半",
])
def test_how_carefully_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- a hardship turned against -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "夜班下来是有点困，但我还是从第一部分读到第七部分才回的，已阅读", "我是种菜的，手机上看字费劲，但还是耐着性子全看完了，已阅读",
    "眼花，不过我还是一个字一个字看完了", "我是菜农，手机上看字吃力，不过还是全看完了",
])
def test_hardship_turned(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the hardship not overcome, not turned against, or turned to another reader or a part
    "夜班下来太困了，没看完", "夜班下来太困了，但看了一半", "夜班下来是有点困，已阅读", "已阅读，夜班下来太困了",
    "太困了，但我儿子看完了", "太困了，但还是让我儿子看完了", "看字费劲，但还是看了一半", "已阅读，看得很累",
])
def test_hardship_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- moving on, a part found clear, told on, nothing left to ask ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，写得挺清楚👌 接下来该承诺了吧", "已阅读，法律责任那块我也看明白了，接着办吧", "已阅读，可以往下走了", "看完了，下一步弄啥",
    "已阅读。核查那部分写得挺细，我还顺手给办公室的同事讲了讲", "已阅读，我还给同事讲了讲",
    "看完了，没有看不懂的地方", "我没有什么疑问了，告知书已阅读",
])
def test_moving_on_clear_told_on_nothing_left(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the question of moving on alone, or beside a reading not finished
    "接下来该承诺了吧", "接下来该承诺了吧？", "下一步弄啥", "看了一半，请继续", "我是中学老师，看了一半，请继续",
    # the part remarked on as unclear, written by the speaker, or hedged; someone telling the speaker
    "已阅读，核查那部分写得不清楚", "已阅读，这部分是我写的", "看完了，写得挺清楚吧", "已阅读，同事给我讲了讲", "同事给我讲了讲，已阅读",
    # a doubt left, or nothing left said alone or asked
    "还有看不懂的地方", "看完了，还有看不懂的地方", "看完了，没有看懂的地方", "没有看不懂的地方", "没有什么疑问了",
    "已阅读，没有什么疑问了吗", "看完了，还想再确认一下理解得对不对",
    "七部分都看了，不过第二部分适用范围那段我还想再确认一下理解得对不对",
])
def test_moving_on_clear_told_on_nothing_left_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- the elder's own reading and words, typed by a grandchild ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我是他孙子，帮爷爷打字。爷爷戴着老花镜自己把告知书全看完了，让我回：已阅读", "我帮奶奶打字，奶奶自己一条一条看完了，叫我回复：已阅读",
])
def test_elder_typed_for(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the grandchild's own reading, another elder, a part, someone else in the report, the words not a statement, a question
    "我是他孙子，我替爷爷看完了", "我是他孙子，帮爷爷打字。我看完了，让我回：已阅读", "我是他孙子，帮爷爷打字。奶奶自己看完了，让我回：已阅读",
    "我是他孙子，帮爷爷打字。爷爷自己看了一半，让我回：已阅读", "我是他孙子，帮爷爷打字。爷爷让我自己看完了，让我回：已阅读",
    "我是他孙子，帮爷爷打字。爷爷自己和我一起看完了，让我回：已阅读", "我是他孙子，帮爷爷打字。爷爷自己把告知书全看完了，让我回：看了一半",
    "我是他孙子，帮爷爷打字。爷爷戴着老花镜自己把告知书全看完了，让我回：已阅读？",
    # someone else read it, or read it out and stopped
    "村会计帮俺瞅了一遍", "已阅读，村会计帮俺瞅了一遍", "俺不咋识字，叫村会计帮俺瞅了一遍，说没啥事",
    "我给爷爷念到第四部分他就睡着了😂，剩下的明天再念", "念到第四部分他就睡着了，已阅读",
])
def test_elder_typed_for_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


def test_elder_typed_for_is_not_a_proxy_frame():
    assert _not_yes(notice_read("我是他孙子，帮爷爷打字。爷爷戴着老花镜自己把告知书全看完了，让我回：已阅读", PROXY))


# --- the caller's opener, the notice named before a pause, a typed Yes -----------------------------------------------

def test_caller_opener_and_topic():
    assert _yes(notice_read("喂 我说 那个告知书 已经全部看完了 看完了", SELF))
    assert _yes(notice_read("喂 我说 已阅读", SELF))


@pytest.mark.parametrize("text", [
    "喂 我说 那个告知书 看了一半", "喂 我说 告知书 我儿子看完了", "我说 已阅读", "喂 我说 已阅读？",
    # a typed Yes is a bare yes, never the button, beside a circumstance too
    "Yes，我在电脑上看的", "YES，刚下课看完的", "Yes，请继续", "我是中学老师，Yes",
])
def test_caller_opener_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- the shortcut denied, still read ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没偷懒，全文一字不落读完了", "没跳着看也没快进，全部看完了", "我可没有跳过哪一条，七部分全读完了", "没有不看的道理，已阅读",
    "不存在没看完的情况，已阅读", "没让别人代看，是我自己看完的", "我又不是不识字，告知书全部读过了",
])
def test_shortcut_denied_still_read(text):
    assert _yes(notice_read(text, SELF))


# --- the closed vocabulary ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("clause, expected", [
    ("我是中学老师", True), ("我开出租的", True), ("开小超市的", True), ("退休在家时间多", True),
    ("我退休前在厂里管了二十年文件", True), ("刚下夜班", True), ("看东西习惯逐字读", True), ("告知书我前后看了两遍", True),
    ("泡了杯茶把告知书全读了一遍", True), ("请继续", True), ("下一步弄啥", True), ("没有看不懂的地方", True),
    ("核查那部分写得挺细", True), ("我还顺手给办公室的同事讲了讲", True),
    ("我是他孙子", False), ("他孙子看的", False), ("同事给我讲了讲", False), ("看了前后", False), ("不忙看", False),
    ("中午看完", False), ("回家路上看", False), ("平时看", False), ("夜班下来是有点困", False), ("在地头扫了一眼", False),
    ("还有看不懂的地方", False), ("这部分是我写的", False), ("核查那部分写得不清楚", False), ("在电脑上", False),
])
def test_the_closed_vocabulary_of_lives(clause, expected):
    assert circumstances.is_circumstance(clause) is expected


# --- a reading still to come beside the statement ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["已阅读，下午看", "已阅读，现在看", "看完了，晚上看", "已阅读，看"])
def test_a_reading_not_said_done_beside_the_statement_is_a_plan(text):
    assert _not_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["已阅读，下午看的", "已阅读，我看了", "看了，看完了", "告知书我看了，已阅读"])
def test_a_reading_said_done_beside_the_statement_stands(text):
    assert _yes(notice_read(text, SELF))
