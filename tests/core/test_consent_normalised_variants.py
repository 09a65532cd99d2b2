"""Everyday forms of the two consent answers (bot/core/consent.py) that are written in the plain form the readers already
read before any rule decides: the letter's place words (委托书里头, 授权委托书中, 委托书上面), where the principal signed
("在委托书上签了名"), the words named before the statement that the letter holds them ("…，都写在委托书上了"), the principal
with a courtesy title or the speaker's tie ("赵强先生", "我老乡赵强"), Cantonese (佢, 冇, 咗, 嗰, 嘢, 净系, 㗎) and Sichuan
(莫得, 没得问题, 了的嘛) speech, a closing address (家人们, 亲) or thanks typed 你门, a rider's rush ("赶单"), the caller's own
words in a hotline record ("来电人原话：…", "【热线代录】来电人表示…"), and a parent's words typed by a son or daughter
("妈妈口述，我帮她打字：…").

The line drawn: a rewrite keeps the meaning word for word, so the answer is still judged whole. Someone else's reading,
a part, a hedge, a question, an ordinary power only, a letter not yet signed, another person's name, a claim reported
without the record's note or colon, or a parent's 她 who may be someone else: asked again, refused or kept as before."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, letter_says_no, letter_says_yes, PROXY, SELF


# --- the letter's place words and synonyms --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "授权委托书里面写有“特别授权代为作出告知承诺”", "委托书当中有“代为作出告知承诺”这一句", "授权书上头写明了特别授权代为作出告知承诺",
])
def test_letter_place_words(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", ["委托书里面好像有“代为作出告知承诺”", "授权书上头有没有“代为作出告知承诺”"])
def test_letter_place_words_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


def test_letter_place_words_with_ordinary_power_only_is_a_no():
    assert letter_says_no("委托书里面只有“代为办理”这句话")


# --- where the principal signed, and who he is to the speaker ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权代为承诺，赵强在授权书上签了字", "委托书写着特别授权我代他承诺，我邻居赵强亲手签的子",
    "赵强先生签的委托书里面写明了特别授权代为作出告知承诺",
])
def test_principal_signed_on_the_letter(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # another name, the speaker's own hand, the letter not yet signed
    "写明了特别授权代为承诺，赵刚在授权书上签了字", "写明了特别授权代为承诺，我在授权书上签了字",
    "写明了特别授权代为承诺，赵强还没在授权书上签字", "赵刚先生签的委托书里面写明了特别授权代为作出告知承诺",
])
def test_principal_signed_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


# --- the words named first, then said to be in the letter -------------------------------------------------------------

def test_words_then_written_in_the_letter():
    assert letter_says_yes("特别授权，代为作出告知承诺，这两条都写在授权委托书上了")


@pytest.mark.parametrize("text", [
    "特别授权，代为作出告知承诺，可能都写在委托书上了", "特别授权，代为作出告知承诺，都写在委托书上了吗",
    "特别授权，代为作出告知承诺，都写在复印件上了",
])
def test_words_then_written_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


def test_ordinary_power_then_written_is_a_no():
    assert letter_says_no("代为办理手续，都写在委托书上了")


# --- Cantonese and Sichuan speech -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["有写到㗎，特别授权我代佢作出告知承诺", "写了的嘛，特别授权代为作出告知承诺"])
def test_dialect_yes(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", ["冇写特别授权，净系写咗代为办理", "莫得写特别授权，就写的帮他跑手续"])
def test_dialect_no(text):
    assert letter_says_no(text)


@pytest.mark.parametrize("text", ["写了嘛", "写明了嘛", "佢话写咗，我冇睇过"])
def test_dialect_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


@pytest.mark.parametrize("text", ["这告知书我一条一条看完了，莫得问题", "全部看完了的嘛"])
def test_notice_dialect_yes(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["我冇看完", "佢看完了", "看完了嘛", "看咗一半，莫得问题"])
def test_notice_dialect_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- closings, address, the rider's rush ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "全部看完了，谢谢你门", "告知书看完了亲", "家人们，告知书我从头到尾看完了", "已阅读，在赶单", "看完了，我还剩两单没送，快点",
])
def test_notice_closings_and_rush(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "看了一半家人们", "亲，看完了吧", "在赶单，没看", "我还有三单没送，回头再看",
])
def test_notice_closings_and_rush_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["已阅读，责任那部分我也看了", "看完了，七个部分一部分不少", "已阅读全文，告知内容都已知晓"])
def test_notice_parts_named(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["责任那块看了", "看完了，责任那块没看", "七个部分少了一部分", "告知内容都已知晓"])
def test_notice_parts_named_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- the caller's own words in a hotline record; a parent's words typed for her --------------------------------------

@pytest.mark.parametrize("text", ["来电人原话：告知书我全部看完了", "【12345代录】来电人称，告知内容已全部阅读"])
def test_notice_caller_words(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "来电人原话：我女儿看完了", "来电人称：看了一大半", "来电人称已全部看完", "来电人原话：已阅读？",
    "（坐席代录）来电人核对告知书",
])
def test_notice_caller_words_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


def test_letter_caller_words():
    assert letter_says_yes("来电人原话：授权委托书上写明了特别授权代为作出告知承诺")


@pytest.mark.parametrize("text", ["来电人称：委托书上大概写了特别授权", "来电人称委托书上写了特别授权代为承诺"])
def test_letter_caller_words_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


def test_notice_parent_dictating():
    assert _yes(notice_read("我爸口述，我替他打字：告知书我自己一条一条看完了", SELF))


@pytest.mark.parametrize("text", ["我爸口述，我替他打字：我孙子给我念了一半", "我替他打字：看完了"])
def test_notice_parent_dictating_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


def test_notice_parent_dictating_is_not_the_proxy_reading():
    assert not _yes(notice_read("妈妈口述，我帮她打字：告知书我看完了", PROXY))


def test_letter_parent_dictating():
    assert letter_says_yes("我帮我妈打字：赵强给她写的授权委托书上写明了特别授权代为作出告知承诺")


@pytest.mark.parametrize("text", [
    # whose 她 it is is unsure; an ordinary power only; a hedge
    "我帮我妈打字：她给我写的委托书上写明了特别授权代为作出告知承诺", "我帮我妈打字：委托书上可能写了特别授权",
])
def test_letter_parent_dictating_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


def test_letter_parent_dictating_ordinary_power_is_a_no():
    assert letter_says_no("我帮我妈打字：赵强给她写的委托书上只写了代为办理")


# --- remarks on the letter's making; a guess checked; the writing objected to ------------------------------------------

@pytest.mark.parametrize("text", [
    "委托书写了特别授权代为作出承诺，也去公证处公证过", "写了，特别授权代为作出告知承诺，字是我姑亲笔写的",
    "写了，我舅特意找人写的特别授权，里面有代为承诺这一条", "写了吗？我再看看，写了，第三条：代为作出告知承诺",
    "没写吧？我再看看，写了，特别授权代为作出告知承诺",
])
def test_letter_remarks_and_guess_checked(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    "写了，特别授权代为作出告知承诺，字是我自己写的", "我舅特意找人写的特别授权，只写了代为办理",
    "没写吧？我再看看，好像写了", "委托书写了特别授权代为作出承诺，还去公证处问过",
])
def test_letter_remarks_and_guess_look_alikes_are_not_a_yes(text):
    assert not letter_says_yes(text)


def test_letter_either_or_before_the_words_asks():
    assert special_authorisation("委托书里有没有“代为作出告知承诺”这句话", PROXY).kind == "question"


@pytest.mark.parametrize("text", ["我是他亲闺女，这还要写明？", "我是他外甥 这还要写啥特别授权"])
def test_writing_objected_to_is_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text", ["这还要写明吗？", "没写的话让他补签还来得及不"])
def test_writing_asked_about_is_a_question(text):
    assert special_authorisation(text, PROXY).kind == "question"


def test_notice_address_before_a_question_is_no_yes():
    assert not _yes(notice_read("看完了亲？", SELF))
