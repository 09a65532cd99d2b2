"""Plain answers at the two consent questions (bot/core/consent.py) beside a remark that leaves them as they are: at the
notice, one section said understood or read again as well ("第三条也看明白了", "第五条刚才也重新看了"), and nothing said
missed by the speaker ("我没有漏的"); at the authorisation, the original letter said to be in the speaker's own hand
("原件就在我手上"). And two answers that are neither an answer nor a question for the FAQ: the yes offered as words to
say ("我说写了行不行") and the requirement objected to in its rhetorical form ("这还要授权？").

The line drawn: the remark must be a clause of its own beside a statement that decides alone. A section still to be read
again ("第五条我再看看", "重新看一下"), a part read, a hedge, someone else's reading or hand, a copy of the letter is asked
again or keeps its other reading; a section read once more, said alone, is no request to repeat it. The objection asked
with 吗, or said before more, and the words of a third person stay as they were."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack: one section understood or read again, beside the whole reading ----------------------------------

@pytest.mark.parametrize("text", [
    "我仔细看完了，第三条也看明白了", "已阅读，第五条刚才也重新看了", "全部看完了，第二条也看懂了", "已阅读，最后一条我也弄明白了",
])
def test_notice_section_understood_or_read_again_too(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the section alone, or beside a part read, someone else's reading, a hedge, a not-understood, a doubtful emoji
    "第三条也看明白了", "我看了一半，第三条也看明白了", "我老婆看完了，第三条也看明白了", "我仔细看完了，第三条也看明白了吧",
    "看了前几条，第五条刚才也重新看了", "已阅读，第五条刚才也重新看了😂",
])
def test_notice_section_understood_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


def test_notice_section_not_understood_is_asked_again():
    assert notice_read("我仔细看完了，第三条没看明白", SELF).kind == "clarify"


@pytest.mark.parametrize("text", ["已阅读，第五条我再看看", "已阅读，第五条重新看一下", "第五条重新看一下", "第五条重新看"])
def test_notice_section_still_to_be_read_again_is_a_request(text):
    reading = notice_read(text, SELF)
    assert reading.kind == "repeat" and reading.section == 5


def test_notice_section_read_again_alone_is_no_request():
    # a second look told as done asks nothing of us, and a part read is no whole reading either
    assert notice_read("第五条刚才也重新看了", SELF).kind == "clarify"


# --- notice_ack: nothing missed, said by the speaker -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我没有漏的，全部看完了", "没有漏的，全部看完了", "我没漏啥，全看完了", "全部看完了，我没有漏的",
])
def test_notice_nothing_missed(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # alone, beside a part or a hedge, someone else, a count of parts missed, the idiom hedged
    "我没有漏的", "我没有漏的，看了一半", "我没有漏的，应该都看完了", "我没有漏的，大部分看完了",
    "我老婆没有漏的，全部看完了", "没漏几条，全部看完了", "我没有漏的吧，全部看完了",
])
def test_notice_nothing_missed_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- authorization_scope: the original in the speaker's hand -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，原件就在我手上", "写明了特别授权，原件就在我手里", "原件就在我手上，写明了特别授权",
])
def test_authorisation_original_in_hand(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # a copy, another's hand, alone, a hedge, no scope named
    "写明了特别授权，复印件就在我手上", "写明了特别授权，原件就在我爸手上", "写明了特别授权，原件就在他手上", "原件就在我手上",
    "写明了特别授权吧，原件就在我手上", "写了授权，原件就在我手上",
])
def test_authorisation_original_in_hand_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


def test_authorisation_no_beside_the_original_stays_a_no():
    assert special_authorisation("没写明，原件就在我手上", PROXY).kind == "negated"


# --- authorization_scope: the yes offered as words to say --------------------------------------------------------

@pytest.mark.parametrize("text", ["要是没写，我说写了行不行😂", "我说写了行不行", "我就回个写明了，可以吗", "我说有特别授权就行了吧"])
def test_authorisation_words_offered_to_say_are_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text", [
    # a third person's words, the letter asked about, a yes then asked whether it will do
    "他说写了行不行", "要是没写，让他补签一份行不行", "没写的话，现在让他补签一份行不行", "写明了特别授权，行不行",
])
def test_authorisation_words_offered_look_alikes_stay_questions(text):
    assert special_authorisation(text, PROXY).kind == "question"


# --- authorization_scope: the requirement objected to, rhetorically ----------------------------------------------

@pytest.mark.parametrize("text", [
    "我是他亲闺女，这还要授权？", "这还要授权？", "写明了特别授权，这还要授权？", "我是他儿子，还需要什么授权",
])
def test_authorisation_rhetorical_pushback_is_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text", ["这还要授权吗？", "我是他女儿，这还需要授权吗", "那还要授权？"])
def test_authorisation_pushback_look_alikes_stay_questions(text):
    assert special_authorisation(text, PROXY).kind == "question"


def test_authorisation_need_stated_is_no_pushback_and_no_yes():
    assert not _yes(special_authorisation("这还要授权，我回去找他签", PROXY))
