"""Plain answers at the two consent questions (bot/core/consent.py) with a remark beside them that leaves them as they
are. At the notice: a second reading declined as needless ("不用再看了", "没啥要再看的", "不用再说一遍"), which is no
request to repeat; the eyes or the neck tired by the reading ("看得我老花眼都犯了"); the care compared with another paper
("比看我孙子的作业还认真"); the content kept in mind ("第几条说的啥我都记着呢"); several parts named by their topic as
understood ("核查、责任那些都看明白了"); and the notice pointed at as what was just sent ("刚才发的我全看了"). At the
authorisation: a no taken back after the page is turned or the line was misread ("翻到背面了", "看错行了"); the principal's
consequence stressed as written too ("连…法律后果都写上了"); the handwriting compared ("字比我写得都好看😂"); the ordinary
kind denied beside the commitment named ("不是普通委托，写了代为承诺"); nothing else written ("没写别的"); and the short
"没单写承诺", a no.

The line drawn: each remark is a clause of its own beside a statement that decides alone. Alone, beside a part read, a
hedge, a condition, someone else's reading, a negation inside the remark, a question or a teasing emoji, the answer is
asked again (or keeps its other reading); a no after the page turned stays a no, and a yes followed by a no after it
stays in doubt."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack: a second reading declined as needless -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，不用再说一遍", "看完了，不用再说了", "都看了，没啥要再看的", "看完了，不用再看了", "不用再看了，看完了",
    "已阅读，不用再看第二遍了",
])
def test_notice_second_reading_declined(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # alone it states no reading, and it is no request to repeat either
    "不用再看了", "没啥要再看的",
    # the reading itself declined (no 再), a part read, a condition
    "看完了，不用看了", "看了一半，不用再看了", "如果不用再看第二遍的话就算看完了", "不用看了，看完了",
])
def test_notice_second_reading_declined_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["看完了，还要再看一遍", "看完了，第二条再说一遍"])
def test_notice_request_to_repeat_beside_a_reading_is_still_one(text):
    assert notice_read(text, SELF).kind == "repeat"


def test_notice_part_not_read_again_is_no_yes():
    assert not _yes(notice_read("看完了，后面的没再看", SELF))


# --- notice_ack: the eyes tired, the care compared ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，字有点多，看得我老花眼都犯了😂", "看完了，看得我老花眼都犯了", "已阅读，颈椎都看疼了",
    "读完了，比看我孙子的作业还认真", "全看完了，比我检查孙子作业还仔细", "已阅读，比签合同还认真哈哈",
])
def test_notice_effort_remarks(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # alone, beside a part, with the eyes said not to tire (a negation in the remark)
    "看得我老花眼都犯了", "看了几条，看得我老花眼都犯了😂", "看完了，老花眼都没犯",
    # the speed compared is a skim; a negation in what is compared; a part; alone; a teasing face
    "读完了，比看我孙子的作业还快", "读完了，比看小说还马虎", "读完了，比看没写完的作业还认真", "看了一半，比看我孙子的作业还认真",
    "比看我孙子的作业还认真", "读完了，比看我孙子的作业还认真😜",
])
def test_notice_effort_remark_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: the content kept in mind ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，第几条说的啥我都记着呢", "看完了，每条讲的什么我都记住了", "看完了，内容我都记着呢", "全部读完了，哪条写的啥我心里都有数",
])
def test_notice_content_remembered(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # forgotten, the hedging 记得, someone else's reading, a question, alone, a joke
    "看完了，第几条说的啥我都不记得了", "看完了，第几条说的啥我记得", "我老伴看完了，第几条说的啥我都记着呢",
    "看完了，第几条说的啥我都记着呢？", "第几条说的啥我都记着呢", "看了几条，第几条说的啥我都记着呢", "看完了，第几条说的啥？",
    "看完了，第几条说的啥我都记着呢😜",
])
def test_notice_content_remembered_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: parts named by their topic, understood too ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "读完了，核查、责任那些都看明白了", "读完了，核查和责任那两条也看了", "已阅读，公开和信用那几条也看懂了",
])
def test_notice_topics_understood_too(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # alone (only those parts), after a part read, not understood, not read
    "核查、责任那些都看明白了", "看了前几条，核查、责任那些都看明白了", "读完了，核查、责任那些没看明白",
    "读完了，核查、责任那些还没看",
])
def test_notice_topics_understood_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: what was just sent, all of it read ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["刚才发的我全看了", "上面发的我全看了", "刚刚你发的我都看完了"])
def test_notice_just_sent_all_read(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a plain look (no 全/都), a part of it, someone else, a hedge
    "刚才发的我看了", "刚才发的第一条我全看了", "刚才发的我老伴全看了", "刚才发的我全看了吧",
])
def test_notice_just_sent_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- authorization_scope: a no taken back after the page turned or the line misread --------------------------------

@pytest.mark.parametrize("text", [
    "没写明……等下我翻到背面了，写明了，特别授权代为作出告知承诺", "没有写明，翻到反面了，写明了特别授权",
    "没有写明，哦不对，看错行了，写明了特别授权", "没写明，看错地方了，写明了特别授权代为作出告知承诺",
])
def test_authorisation_no_taken_back_after_a_second_look(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # after the page turned, a bare 写了 may be anything on it; a hedge; a yes then a no after the page (both stand)
    "没写明……等下我翻到背面了，写了", "没写明……等下我翻到背面了，好像写明了特别授权", "没写明……等下我翻到背面了，写明了特别授权吧",
    "写明了特别授权，翻到背面了，没写",
    # the misread line alone, a hedge after it
    "看错行了", "没有写明，哦不对，看错行了，好像写明了",
])
def test_authorisation_second_look_look_alikes_are_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text", ["没写明，翻到背面了，也没写", "写明了特别授权，哦不对，看错行了，没写明"])
def test_authorisation_no_after_a_second_look_stays_a_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


# --- authorization_scope: remarks beside the yes ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，连承担不实承诺的法律后果都写上了", "写明了特别授权，连法律后果由他承担都写了",
    "写明了特别授权，字比我写得都好看😂", "写明了特别授权，字写得比我还漂亮哈哈",
])
def test_authorisation_remarks_beside_the_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the consequence alone, said not written, borne by the speaker, hedged
    "连承担不实承诺的法律后果都写上了", "写明了特别授权，连承担不实承诺的法律后果都没写",
    "写明了特别授权，连我承担不实承诺的法律后果都写上了", "写明了特别授权，连后果都写上了吧",
    # the handwriting alone, with a teasing face, beside a hedge, called ugly
    "字比我写得都好看😂", "写明了特别授权，字比我写得都好看😜", "写明了特别授权吧，字比我写得都好看😂",
    "写明了特别授权，字比我写得都难看😂",
])
def test_authorisation_remark_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


def test_authorisation_consequence_beside_an_ordinary_power_is_no_yes():
    assert special_authorisation("写了代为办理，连承担不实承诺的法律后果都写上了", PROXY).kind == "negated"


# --- authorization_scope: the ordinary kind denied, nothing else written, 没单写 ----------------------------------

@pytest.mark.parametrize("text", [
    "不是普通委托，写了代为承诺", "不是口头说的，写了代为作出告知承诺", "写了特别授权，没写别的", "写了特别授权，别的都没写",
])
def test_authorisation_ordinary_denied_or_nothing_else(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the denial alone, the commitment then not written, hedged, claimed, asked
    "不是普通委托", "不是普通委托，没写代为承诺", "不是普通委托，应该写了代为承诺", "不是普通委托，我可以代他承诺",
    "不是普通委托，写了代为承诺吗", "不是普通委托，写了代为办理",
    # nothing else beside a bare yes, an ordinary power, a hedge, the special kind with an ordinary power only
    "写了，没写别的", "写了代为办理，没写别的", "好像写了特别授权，没写别的", "写了特别授权代为办理，没写别的",
    "写了特别授权，没写别的吗",
])
def test_authorisation_ordinary_denied_or_nothing_else_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", ["就写了全权委托，没单写承诺", "没单写承诺", "没写特别授权，没写别的", "只写了代为办理，别的没写"])
def test_authorisation_not_written_separately_is_a_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", ["写明了特别授权，没单写承诺", "就写了全权委托，不单写承诺"])
def test_authorisation_not_written_separately_look_alikes_are_asked_again(text):
    # beside a yes it contradicts it; 不单 is "not only", no no
    assert special_authorisation(text, PROXY).kind == "clarify"


# --- authorization_scope: the scope line written by the speaker ---------------------------------------------------

@pytest.mark.parametrize("text", ["我写了代为承诺", "我帮他写了代为承诺", "代为承诺是我帮他写的", "不是普通委托，我写了代为承诺"])
def test_authorisation_scope_line_written_by_the_speaker_is_no_yes(text):
    # only the principal grants the power: the speaker's own words confirm nothing
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text", ["我爸给我写了代为承诺", "委托书上写着由我代为承诺", "委托书写了让我代他作出告知承诺", "我爸写了代为承诺"])
def test_authorisation_scope_line_written_for_the_speaker_stays_a_yes(text):
    assert _yes(special_authorisation(text, PROXY))
