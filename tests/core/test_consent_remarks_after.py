"""Remarks said after a plain answer at the two consent questions (bot/core/consent.py), and the near-misses that must
stay asked again or keep their no.

The notice (notice_ack): the hotline agent's note that the caller's words are taken down for them, a smile at the
speaker's own memory, the liability kept in mind, the notice likened to one read for an earlier errand, a first
impression of its length with the reading finished part after part all the same, the motive for the care and several
parts read twice; a guess asked of oneself (吧？), the idiom 大差不差 and a part not understood are asked again.

The authorisation (authorization_scope): the words counted as on the page, 还是…的, the Sichuan 写到起, the letter notarised
or signed at its foot, the consequence in short, a line of the list of matters, the household writing it at the office on
its template, the line added after an earlier refusal, the principal's insistence and his fear of a refusal, the letter's
grant quoted in its formal words; a letter not yet signed, and a yes taken back by 不是 and a look, are a no; the kinship
named as what should make it needless is asked again, and a queue told with 呢 is no question."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import SELF, PROXY, is_yes as _yes, letter_says_no


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


# --- the notice: the hotline agent's dictation note ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "（坐席代录）来电人表示已逐条阅读全部告知内容",
    "（坐席代录）来电人称：告知书已全部看完",
    "（12345坐席代录）来电人更正此前说法：七条告知内容已全部看完",
])
def test_hotline_dictation_note(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # no note (a claim reported), someone else of the caller's, a part, a hedge, a question, the agent's own reading out
    "来电人表示已逐条阅读全部告知内容", "（坐席代录）来电人称其女儿已看完", "（坐席代录）来电人家属称已阅读",
    "（坐席代录）来电人称看了一部分", "（坐席代录）来电人称应该看完了", "（坐席代录）已向来电人宣读全部告知内容",
    "（坐席代录）来电人称不用重复",
])
def test_hotline_dictation_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_hotline_dictation_asked_back_is_no_statement():
    assert not _yes(notice_read("（坐席代录）来电人称已阅读全部内容？", SELF))


# --- the notice: a smile at one's memory, the liability kept in mind, an earlier notice like it ----------------

@pytest.mark.parametrize("text", [
    "看完了，我记性好着呢😄", "全部读完了，记性好得很😄",
    "看完了，不实承诺要承担责任这个我记下了", "已阅读，虚假承诺要担责这个我都记住了",
    "读完了，跟前几年办食品经营许可证时看的一样", "已阅读，和以前申请低保时读过的那份差不多",
])
def test_remarks_after_the_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the smile on the statement itself or on a part read; the memory alone
    "看完了😄", "看了前三条，我记性好着呢😄", "我记性好得很😄",
    # 记得 is "as far as I recall"; the liability turned round; the remembering alone
    "看完了，承诺不实要担责任这个我记得", "看完了，承诺不实不用担责任这个我记住了", "承诺不实要担责任这个我记下了",
    # likened to no reading at all, to something not understood, with a hedge, before a bare look or a skim
    "读完了，跟没读差不多", "读完了，跟看天书差不多", "读完了，跟以前看的差不多吧", "看了，跟以前看的一样",
    "读完了，跟上回看的差不多，所以没细看", "跟上回看的差不多",
])
def test_remarks_after_the_reading_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- the notice: a first impression, the reading finished all the same, the care and its motive ---------------

@pytest.mark.parametrize("text", [
    "看完了，老实说刚开始觉得挺长的，但我还是一条一条看完了",
    "已阅读，一开始感觉好长，不过还是一段段读完了，主要是怕以后被查出有问题",
    "读完了，核查和公开那两条我还特意多看了一遍",
])
def test_impression_then_reading_finished(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # 还是 with no finish; a part; the motive or the parts alone; the impression first with no statement of its own
    "已阅读，一开始觉得挺长的，但我还是一段一段看了", "看了一半，但我还是一段一段看完了",
    "主要是怕以后查出来有问题", "核查和法律责任那两部分我还特意多看了两遍",
    "一开始觉得挺长的，但我还是一段一段看完了", "已阅读，主要是怕以后查出来没问题也得担责",
])
def test_impression_then_reading_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- the notice: guesses and doubts that are no question to us ---------------------------------------------------

@pytest.mark.parametrize("text", ["读完了吧？", "我都看过了吧?", "看完了吧，大差不差", "大差不差都看了"])
def test_guess_is_a_hedge(text):
    assert _undecided(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["看完了，但是第六条啥意思没明白", "已阅读，不过核查那块说的什么没搞懂"])
def test_part_not_understood_is_asked_again(text):
    reading = notice_read(text, SELF)
    assert reading.kind == "clarify" and reading.detail == "not_understood"


def test_a_real_question_after_the_reading_stays_a_question():
    assert notice_read("看完了，不过第六条核查是啥意思？", SELF).kind == "question"


# --- the authorisation: the words on the page, in short and in dialect ------------------------------------------------

@pytest.mark.parametrize("text", [
    "有“代为作出告知承诺”这几个字", "委托书上有“代为承诺”几个字", "委托书上还是写明了的", "委托书上写到起的",
    "委托书上写到起特别授权的", "写明了，有公证处的章", "写明了，下面有我爸签名和日期",
    "有，特别授权，写的代为作出告知承诺并承担后果", "授权范围里有一项：代为作出告知承诺",
])
def test_the_words_on_the_page(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # asked, recalled, written by the speaker, an ordinary power counted, hedged, negated in dialect
    "有“代为承诺”四个字吗", "我记得有“代为承诺”四个字", "有“代为承诺”四个字，是我加上的", "有“代为办理”四个字",
    "还是写明了的吧", "上面写到起没得特别授权", "写明了，有公证的吧", "写明了，下面有我签名和日期",
    "写明了，下面有他儿子签字", "授权范围里好像有一项：代为作出告知承诺",
])
def test_the_words_on_the_page_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


# --- the authorisation: how the letter came about ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，我们是在居委会照着模板填的",
    "写明了特别授权代为作出告知承诺，这一条是我们上回被大厅退回来以后才补上的",
    "写明了特别授权，我老伴非要写进去，说是怕你们这不受理",
    "我把原话打给你：委托人赵强特别授权受托人刘洋代为办理低保申请，代为作出告知承诺",
])
def test_how_the_letter_came_about(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the speaker alone, a template from elsewhere, hedged; added by the speaker or not yet added; the speaker insisting
    "写明了特别授权，我是在居委会照着模板填的", "写明了特别授权，我们照着网上的模板写的",
    "写明了特别授权，我们是在社区照着模板写的吧",
    "写明了特别授权，这条是上回我被退回来以后补的", "写明了特别授权，这条上回被退回来以后还没补",
    "写明了特别授权，我非要他写上",
    # the quotation with another agent or principal named, or with only the errand granted
    "我把原话打给你：委托人赵强特别授权受托人李明代为办理低保申请，代为作出告知承诺",
    "我把原话打给你：委托人王刚特别授权受托人刘洋代为作出告知承诺",
    "我把原话打给你：委托人赵强特别授权受托人刘洋代为办理低保申请",
])
def test_how_the_letter_came_about_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


def test_the_quoted_grant_with_only_the_errand_is_a_no():
    assert letter_says_no("我把原话打给你：委托人赵强授权受托人刘洋代为办理低保申请")


# --- the authorisation: a letter not yet signed, a yes taken back on a second look ----------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，他还没签名", "写明了，委托书还没签字呢",
    "写明了特别授权……不是，我又看了一眼，没有代为承诺那句",
    "写明了，不是，我刚查了一下，只写了代为办理",
])
def test_not_signed_or_taken_back_is_a_no(text):
    assert letter_says_no(text)


@pytest.mark.parametrize("text", [
    # the speaker's own signature; the unsigned said first and argued against; a hedge; a plan after it
    "写明了特别授权，我还没签字", "还没签字，不过写明了特别授权", "写明了，还没签字吧", "写明了，还没签字，明天他就签",
    # after the look a yes, a hedge, or nothing found yet
    "写明了，不是，我又看了一眼，写的特别授权", "写明了，不是，我刚翻了一下，好像没有", "写明了，不是，我刚翻了一下",
])
def test_not_signed_or_taken_back_look_alikes(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "clarify"


# --- the authorisation: kinship as an objection, the queue -----------------------------------------------------------

@pytest.mark.parametrize("text", ["我是他闺女，父女之间还要授权？", "一家人还要啥特别授权"])
def test_kinship_objection_is_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


def test_kinship_asked_with_ma_stays_a_question():
    assert special_authorisation("我是他老婆，夫妻之间也需要特别授权吗？", PROXY).kind == "question"


@pytest.mark.parametrize("text", ["有授权 快点吧排着队呢", "有委托书，等着呢"])
def test_queue_with_ne_is_no_question(text):
    assert special_authorisation(text, PROXY).kind == "clarify"
