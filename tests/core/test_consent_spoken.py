""""I have read the notice" and the special authorisation (bot/core/consent.py) as people type them in a chat:
voice input (fillers, spaces for pauses, rambling before the answer), northern speech (中, 管, 妥了, 俺, 咱, 恁,
嘞, 哩) and the young internet style (好滴, 嗯呐, 阔以, okk, 冲). Each class that is accepted has look-alikes of
the same shape (hedged, negated, asked, by someone else, joking, taken back) that must not be taken for a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, PROXY, SELF

COMPANY = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


# --- the notice read ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # an acknowledgement before the statement, northern or young internet style
    "中 俺看完了", "妥了 看完了", "可以嘞 已阅读", "木问题 看完了", "好滴 已阅读", "okk 看完了", "嗯呐 读完啦",
    "阔以 全部看完了 👌", "ok的 已经看完了", "完事儿 看完了", "啊 看了 从头到尾都看了一遍",
    # a go-ahead after it
    "看完了 冲！", "看完了 yes", "已阅读，请继续办理", "已阅读，我司无异议",
    # a remark on the print or on the pace, and how long it took
    "看完了看完了 那个字有点小 不过都看完了", "总算看完了 眼睛都看酸了", "看完了 第三条写得挺清楚",
    "我今年七十多了 看得慢 刚刚才看完 已阅读", "我戴着老花镜看了半天 总算看完了 已阅读",
    "哎呀这么多字 我一个字一个字看的 看完了", "我这个眼睛不太好 让我孙子把字调大了 我自己一条一条都看完了", "我自己看完了",
    # the notice named as what was sent, 恁 and 咱 as the Henan 您 and 我
    "恁发的那些俺一条一条都看过了", "咱都看完了 得劲", "我已阅读贵单位发送的告知内容",
    # the question's instruction quoted back, and the previous message taken back
    "对，读完后回复已阅读，已阅读", "刚才打错了，已阅读",
])
def test_spoken_reading_statements(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the leads alone, or before a hedge, a no, a question, someone else or a joke
    "中", "妥了", "阔以", "好滴", "木问题", "完事儿", "完事儿 我看了", "完事儿，看了", "阔以 看了", "okk 我看了", "中 应该看完了吧", "好滴 我儿子看完了", "okk 还没看完",
    "阔以 看完了吗", "嗯呐 已阅读 哈哈骗你的", "中 已阅读 才怪", "okk 已阅读？",
    # the tails after no reading, a hedged one, or someone else's
    "看了一眼 冲", "差不多看完了 安排", "我儿子看完了 yes", "已阅读 请继续办理吧 其实没看",
    # the pace and the time, without the reading done
    "才看了一半", "总算看了一点", "才看到第三条", "总算看完了一半", "看了半天", "看了半天也没看完",
    "已经看了好久了", "已经看了半天了", "中间几条看完了", "不对，已阅读",
    "我这个眼睛不太好 让我孙子把字调大了 我孙子一条一条都看完了", "让孙子把字调大了 他帮我看完了",
    "我眼睛不好 让孙子把字调大了", "他自己看完了", "我自己看了一半", "让我儿子把字调大了 应该看完了",
    "眼睛都看酸了 还没看完", "看完了 字太小有几条没看清", "看得慢 还没看完", "看得慢 应该快看完了",
    # what was sent, read by someone else or not yet; 咱 of someone else or hedged
    "恁发的那些俺儿子都看过了", "贵单位发送的告知内容我还没看", "咱儿子看完了", "咱应该看完了吧", "咱都看了一眼",
    # the instruction alone, or with a no; a correction that ends in a hedge or a no
    "读完后回复已阅读", "读完后回复已阅读 我还没读完", "刚才打错了，应该看完了", "说错了 还没看",
])
def test_spoken_reading_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


def test_section_repeat_is_not_a_deferral():
    reading = notice_read("第三条再说一遍", SELF)
    assert reading.kind == "repeat" and reading.section == 3
    assert notice_read("先已阅读吧，后面再看", SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["我司已阅读上述告知内容", "本公司法定代表人已阅读全部告知内容"])
def test_company_reads_through_its_representative(text):
    assert _yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", ["本公司股东已阅读", "公司法务看过了", "本公司法定代表人的秘书已阅读", "我司财务已阅读",
                                  "经办人已阅读全部七条告知内容", "我们老板看过了"])
def test_company_staff_are_someone_else(text):
    assert not _yes(notice_read(text, COMPANY))


# --- the special authorisation -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # an acknowledgement or a filler beside the document's words
    "妥了 写明了特别授权", "管 写明了 特别授权代为承诺都写着哩", "中中中 写明了特别授权", "okk 写明了特别授权",
    "阔以 写明了特别授权", "嗯呐 写明了特别授权哒", "安排 写明了特别授权", "写着哩 特别授权代为承诺 木问题",
    "写了写了 特别授权代为承诺 妥妥的", "啊 写了的 写明了特别授权 写明了", "恁放心 委托书上写明了特别授权代为承诺",
    # Henan 嘞, and the speaker's own copy named
    "写明嘞 特别授权 写嘞清清楚楚", "俺这委托书上写着嘞 特别授权代为作出告知承诺",
    "本人持有的授权委托书写明特别授权代为作出告知承诺",
    # looking the document up first, which takes nothing back
    "那个 委托书 我看看啊 上面写着 特别授权代为作出告知承诺 写明了 写明了",
    "那个 你问委托书啊 我翻翻 翻到了 写明了特别授权",
    # facts about the paper beside the words: in hand, signed by the principal, notarised, a photo offered
    "我拿着纸呢 上面白纸黑字写着特别授权代为作出告知承诺", "嗯 写明了写明了 特别授权 那个赵强签了字的",
    "写明了特别授权 有赵强签字和手印", "写明了特别授权，还公证过", "写明了 我拍照给你看",
    # the document's wording introduced, quoted with the consequence the principal bears
    "授权委托书第三项载明：特别授权受托人代为作出告知承诺", "有特别授权，委托书写明了代为作出告知承诺并承担法律后果",
    # the ordinary power denied to be all, and the previous message taken back
    "委托书上不是只写了代办，还写明了特别授权代为承诺", "刚才打错了 是写明了特别授权",
])
def test_spoken_special_authorisation(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the acknowledgements alone, or beside a hedge, a question or a joke
    "妥了", "okk", "木问题", "恁放心", "嗯呐", "管 应该写了吧", "okk 写明了吧？", "嗯呐 写明了吧",
    "阔以 写明了特别授权 哈哈骗你的",
    # signed by someone other than the principal, written by the speaker
    "写明了特别授权 那个王芳签的字", "写明了特别授权 有王芳签字", "写明了特别授权 是我自己签的", "安排 我替他写了特别授权",
    # facts about the paper alone
    "我拿着纸呢", "我拍照给你看", "还公证过", "有赵强签字和手印", "委托书载明",
    # looking it up, then a hedge, nothing, or a correction
    "不对，写明了特别授权", "我看看啊 应该写了吧", "我看看", "写明了 我再看看", "让我想想 写明了特别授权", "我这委托书上好像写了", "刚才打错了 应该写了吧",
    # the consequence beside an ordinary power; the ordinary power denied to be all, with another ordinary one
    "委托书写明了代为办理并承担法律后果", "不是只写了代办", "代为提交材料和作出告知承诺",
    "委托书还没签呢，不过写明了特别授权", "写明了特别授权？",
])
def test_spoken_special_authorisation_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "中中中 没写", "恁放心 没写", "刚才打错了 没写", "那个 我看看 写了代办", "本人持有的授权委托书只写了代为办理",
    "委托书载明：代为办理相关手续", "委托书上不是只写了代办，还写了代为领取", "嗯 那个 他就写了个让我帮他办 别的没写",
    "委托书写的是代为提交材料和领取证件", "委托书还没签呢", "写是没写，但他本人同意",
])
def test_spoken_ordinary_or_absent_authorisation(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text,expected", [
    # the notice pointed at as what is above ("上面的内容", "以上七条"), then all of it read
    ("上面的内容我都看了", "yes"), ("以上七条我都看了", "yes"), ("上面的内容都看了", "yes"),
    # a hedge, a part, someone else, a question, doubt after
    ("上面的内容我应该都看了", "clarify"), ("上面的内容我都看了一半", "clarify"), ("上面的内容我儿子都看了", "clarify"),
    ("上面的内容他都看了", "clarify"), ("上面的内容我都看了吧", "clarify"), ("上面的内容我都看了吗", "question"),
    ("上面的内容我都看了，不过没看懂", "clarify"),
])
def test_the_notice_named_as_what_is_above(text, expected):
    reading = notice_read(text, SELF)
    assert (reading.value if reading.kind == "value" else reading.kind) == expected
