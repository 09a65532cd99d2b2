"""Short everyday answers at the two consent questions (bot/core/consent.py): a correction that turns into a question
the speaker says they meant to ask, a denial or a concession said before a no, a section named only to be denied, a
place in the notice denied to be unread ("没有哪里没读到"), pictured paper beside the answer (📖, 📄), laughter about the
effort or the circumstances after a complete plain answer, the notice named as what is understood, today's errand given
up; at the authorisation the page turned to, a line set apart for the scope, the office's template, writing the letter
down called needless, a telephone call only, the principal's signature still missing, the letter never seen, and the
special authorisation named beside ordinary powers only.

The line drawn on laughter: beside a legal answer a laugh may mock it, so 哈哈 or a laughing face on the answer's own
clause ("已阅读哈哈", "看完了😂"), on a clause that itself states or extends the reading ("连标点都看了，哈哈"), anywhere
but at the very end, or beside a "?", a joke word or another doubtful emoji is asked again. After a complete plain
answer, on a last clause of its own that only remarks on the effort (sore eyes, a comparison with reading novels, the
time it took) or on the circumstances (the principal even thumb-printed it, the handwriting, the trips made), its object
is that remark, and the answer before it decides alone."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack: laughter about the effort ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读，一个字一个字看完的，眼都花了😂", "全看完了，比我看小说还认真哈哈", "已阅读，眼都花了😂",
    "已阅读，比我看小说还认真哈哈哈哈！", "全部看完了，看得我眼睛都酸了🤣", "都看完了，看了半天😅",
    # the same remarks without the laughter
    "已阅读，一个字一个字看完的，眼都花了", "全看完了，比我看小说还认真", "已阅读，眼都花了",
])
def test_notice_laughter_about_the_effort(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the laughter on the answer itself, or on a clause that extends the reading
    "已阅读哈哈", "看完了😂", "看完了，连标点都看了，哈哈", "已阅读😂，眼都花了",
    # a hedge, someone else, a part, a no, in the remark or in the answer
    "应该看完了，眼都花了😂", "我儿子看完了，眼都花了😂", "看了一部分，眼都花了😂", "已阅读，眼都没花😂",
    "没看完，眼都花了哈哈",
    # another joke, a question, a dismissive or teasing laugh, another doubtful emoji
    "已阅读，眼都花了😂，骗你的", "已阅读，眼都花了😂？", "已阅读，眼都花了呵呵", "已阅读，眼都花了🤪",
    "已阅读🙃，眼都花了😂", "眼都花了😂",
])
def test_notice_laughter_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: pictured paper -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["已阅读📖", "全部看完了📄", "已阅读✅📖", "看完了📝"])
def test_notice_paper_emoji(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["📖", "已阅读📖😂", "看了📖", "应该看完了📖", "已阅读📖🤔"])
def test_notice_paper_emoji_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: a place denied to be unread, the notice as what is understood -----------------------------------

@pytest.mark.parametrize("text", [
    "没有哪里没读到，全部看完了", "全部看完了，没有哪儿没看的", "刚才全部看了一遍，告知内容我都清楚了",
    "已阅读，告知书我都明白了",
])
def test_notice_plain_answers(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "没有哪里没读到", "没有哪里读到，全部看完了", "没哪条看过，全部看完了", "没有哪里没读到，应该都看完了",
    "没有哪里没读到，我儿子全部看完了", "没有哪里没读到，全部看完了😂",
    "告知内容我都清楚了", "刚才看了一下，告知内容我都清楚了", "刚才全部看了一遍，告知内容我大部分清楚了",
    "刚才全部看了一遍，告知内容我不太清楚", "我儿子刚才全部看了一遍，告知内容我都清楚了",
])
def test_notice_plain_answer_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: a section denied, a question meant, the errand given up ------------------------------------------

@pytest.mark.parametrize("text, section", [
    ("不是第一条，是第七条再说一遍", 7), ("不是第七条，是第一条再说一遍", 1), ("不要第一条，要第三条再说一遍", 3),
    ("不是法律责任，是核查那条再说一遍", 6), ("不是法律责任那条，是第七条再说一遍", 7),
    # look-alikes: no section set against the denied one, two named, an unknown one
    ("不是第一条再说一遍", None), ("第一条和第七条再说一遍", 1), ("第七条再说一遍", 7),
])
def test_notice_denied_section(text, section):
    reading = notice_read(text, SELF)
    assert reading.kind == "repeat" and reading.section == section


def test_notice_denied_section_out_of_range():
    assert notice_read("不是第一条，是第九条再说一遍", SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["第5条……哦不对，我是想问第5条说的核查是谁来查", "看完了，不对，我想先问一下核查是谁来查"])
def test_notice_question_meant_after_a_correction(text):
    assert notice_read(text, SELF).kind == "question"


@pytest.mark.parametrize("text", [
    # a question not named as one after the correction, and a reading after it with a hedge
    "看完了，哦不对，核查是谁来查", "第5条，哦不对，应该看完了",
])
def test_notice_correction_look_alikes(text):
    assert notice_read(text, SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["今天不办了，改天再说", "今天先不办了", "这次不办了"])
def test_notice_errand_given_up_today(text):
    assert notice_read(text, SELF).kind == "cancel"


@pytest.mark.parametrize("text", ["今天不办了？", "今天不办了吗", "改天再说", "今天看不了，改天再看"])
def test_notice_errand_given_up_look_alikes(text):
    assert notice_read(text, SELF).kind not in ("cancel", "value")


# --- authorization_scope: laughter about the circumstances, pictured paper ---------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权代为作出告知承诺，他连手印都按了😂", "写得明明白白，特别授权代为作出告知承诺，字比我写得还好看哈哈",
    "写明了特别授权，我都跑了三趟了😅", "写明了特别授权，赵强连手印都按了😂",
    # without the laughter, and the pictured paper
    "写明了特别授权代为作出告知承诺，他连手印都按了", "写得明明白白，特别授权代为作出告知承诺，字比我写得还好看",
    "写明了特别授权✅📄", "写明了特别授权📄", "写明了特别授权代为作出告知承诺📝",
])
def test_authorisation_laughter_and_paper(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the laughter on the answer, a hedge, someone else's word, a no in the remark, the speaker or the agent signing
    "写明了特别授权吧哈哈", "写明了特别授权哈哈", "写明了特别授权😂", "好像写明了特别授权，他连手印都按了😂",
    "我爸说写明了特别授权，他连手印都按了😂", "写明了特别授权，他连手印都没按😂", "写明了特别授权，我连手印都按了😂",
    "写明了特别授权，刘洋连手印都按了😂",
    # another joke, a question, a doubtful emoji beside the paper, the remark alone, a bare yes with paper
    "写明了特别授权，字比我写得还好看哈哈，骗你的", "写明了特别授权，字比我写得还好看？哈哈", "写明了特别授权📄😂",
    "他连手印都按了😂", "字比我写得还好看", "是📄",
])
def test_authorisation_laughter_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


# --- authorization_scope: corrections, denials and concessions ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "没有写明，哦不对，翻到背面了，写明了特别授权", "翻到背面了，写明了特别授权代为作出告知承诺",
    "我舅写的委托书里专门有一条，授权我代他作出告知承诺，他签了名",
    "社区给的模板，勾了“特别授权”那栏，后面写着代为作出告知承诺，他签过字了",
])
def test_authorisation_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the page turned, then nothing decisive, a hedge, or a bare "written" that may be anything on that page
    "没有写明，哦不对，翻到背面了", "没有写明，哦不对，翻到背面了，好像写了特别授权", "翻到背面了，写了",
    # the line set apart, but the speaker signs, or a hedge in the words
    "我舅写的委托书里专门有一条，授权我代他作出告知承诺，我签了名", "委托书里专门有一条，应该是授权我代他作出告知承诺",
    "委托书里专门有一条",
    # a template from elsewhere, the speaker ticking, the box unticked, ordinary powers only beside the box
    "网上找的模板，勾了“特别授权”那栏，后面写着代为作出告知承诺，他签过字了", "社区给的模板，我勾了“特别授权”那栏，他签过字了",
    "社区给的模板，特别授权那栏没勾，后面写着代为作出告知承诺", "社区给的模板，勾了“特别授权”那栏，后面写着代为办理，他签过字了",
    "社区给的模板",
    # the special authorisation named beside ordinary powers only
    "写明了特别授权，代为办理", "特别授权那栏勾了，写着代为办理",
    # a copy: what the original says is asked again
    "复印件上写着“特别授权：代为作出告知承诺、代为签署承诺书”",
])
def test_authorisation_yes_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "写明了特别授权，代为办理，代为作出告知承诺", "特别授权那栏勾了",
])
def test_authorisation_scope_named_with_the_box(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "不是写明了，是没写明", "不是写明了，是写了代为办理", "也不能说没写，写了“全权委托”",
    "委托书原文是“委托刘洋代为办理相关手续、领取材料”，别的没了", "他就打了个电话，说让我帮他办一下", "他就打了个电话",
    "委托书我写好了，就差他签名，他还在医院躺着", "就差他签名",
    "我是他亲外甥，哪用得着写这些", "委托书？我舅说咱俩还用写这个？哈哈",
])
def test_authorisation_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    # a yes after the denied yes or after the concession, the denial or the concession alone, a hedge after it
    "不是写明了，写明了特别授权", "不是写明了，是写得很清楚", "不是写明了", "也不能说没写，写明了特别授权", "也不能说没写",
    "也不能说没写，好像写了代为办理",
    # the call or the missing signature beside a yes
    "他就打了个电话，委托书写明了特别授权", "写明了特别授权，就差他签名", "写明了特别授权，别的没了",
    # the requirement objected to without a word on writing, a condition, a real question, beside a yes
    "我是他亲儿子，还要啥特别授权", "要是还用写这个的话，我让他补", "还用写这个吗？", "哪用得着写这些，他早就写明了特别授权",
])
def test_authorisation_no_look_alikes(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind != "negated" and not _yes(reading)


@pytest.mark.parametrize("text", ["写明了特别授权，哦不，我想先问下特别授权具体指啥", "没写，不对，我是想问特别授权是什么"])
def test_authorisation_question_meant_after_a_correction(text):
    assert special_authorisation(text, PROXY).kind == "question"


@pytest.mark.parametrize("text", [
    "写明了特别授权，哦不，特别授权具体指啥", "没写，不对，我想问下我爸说写了", "写明了，不对，我要问问我爸",
    # the letter never seen by the speaker
    "委托书在我舅手里，我没见过里面写啥", "我没见过委托书，应该写明了特别授权",
])
def test_authorisation_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


# --- a stop said on a condition stops nothing yet ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["如果看不完就不办了", "要是还要补材料就不办了", "看不懂的话就算了"])
def test_notice_stop_on_a_condition_is_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["要是没写的话就不办了", "万一没写就算了"])
def test_authorisation_stop_on_a_condition_is_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("reader,ctx,text", [
    (notice_read, SELF, "不看了，我不办了"), (notice_read, SELF, "算了不办了"),
    (special_authorisation, PROXY, "不办了"), (special_authorisation, PROXY, "没写，算了不办了"),
])
def test_a_plain_stop_still_stops(reader, ctx, text):
    assert reader(text, ctx).kind == "cancel"
