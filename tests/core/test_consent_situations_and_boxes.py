"""Plain answers at the two consent questions (bot/core/consent.py) said with the speaker's situation or the letter's
layout around them. At the notice: the shift or the shop's busy hour just over ("刚下了晚班", "饭点刚过"), a spare moment
taken for the reading ("抽空读完了"), who typed the message before the speaker's own reading ("字是我儿子帮我打的"), the
soldier's "报告", "none missed" said first, nothing further to ask ("没有其他疑问"), what the speaker is ("我是退伍军人"),
the errand's own parts read too ("低保那几条也看了") and honesty vowed ("庄稼人从不说假话"). At the authorisation: the
box ticked said as 勾的是, the letter's list of matters ("委托事项写着…", "单列了…一项"), a no said unsure then overturned
by the back page, the untrue commitment's consequence borne by the principal, a photo taken and offered, the speaker's
post and errand, when the community drafted it, the principal as an old friend, and the letter's 本人 with his name.

The line drawn: each of these is a clause beside a statement that decides alone, or a plain form of one. Alone, beside a
part read, a hedge, a plan, someone else's reading, an ordinary power, someone else authorised or bearing the
consequence, the speaker drafting it, the answer is asked again or keeps its other reading."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, letter_says_no, letter_says_yes, PROXY, SELF


# --- notice_ack: the situation before the reading ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚下了晚班，告知书我从头到尾看完了", "我刚值完夜班，不过七条都看完了", "饭点刚过，抽空读完了", "趁着空儿看完了，已阅读",
])
def test_notice_shift_or_busy_hour_over(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the situation with a skim, a part, nothing read, or a reading still to come
    "刚下了晚班，大概扫了一眼", "饭点刚过，看了一半", "刚下夜班，还没看", "我抽空看完", "刚下夜班",
])
def test_notice_shift_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- notice_ack: who typed, then the speaker's own reading ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "字是我儿子帮我打的，我全都看完了", "我外孙帮我打的字，告知书我自己一条一条看完了",
])
def test_notice_typist_then_own_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the typist's own reading, or no reader said after the typist
    "我外孙帮我打的字，他看完了", "字是我儿子帮我打的，看完了", "我外孙帮我打的字，告知书外孙看完了",
])
def test_notice_typist_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- notice_ack: formal opening, none missed first, nothing further, what the speaker is ---------------------------

@pytest.mark.parametrize("text", [
    "报告首长，告知书已全部读完", "没有漏，七条我都看完了", "全部读完了，没有其他疑问", "已阅读，我是退伍军人",
    "都看完了，低保那几条也认真看了", "俺庄稼人从不说假话，告知书俺都看完了",
])
def test_notice_remarks_beside_the_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # alone, with a part, a hedge, someone else's reading or a part unread
    "报告", "报告，看了一半", "我没漏，看了几条", "没有其他疑问", "看完了，没别的问题了吧", "低保那几条也认真看了",
    "都看完了，低保那几条没看", "俺庄稼人从不说假话", "俺庄稼人从不说假话，我闺女看完了",
])
def test_notice_remark_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- authorization_scope: the box and the letter's list of matters -------------------------------------------------

@pytest.mark.parametrize("text", [
    "特别授权那一项勾的是代为作出告知承诺", "委托事项写着：代为递交材料、代为作出告知承诺",
    "授权内容里单列了“代为作出告知承诺”这一项",
])
def test_letter_box_and_matters(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # an ordinary power ticked or listed, a hedge, a question
    "特别授权那一栏勾的就是代为领取", "委托事项写着代为办理低保",
])
def test_letter_box_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)


def test_letter_matters_hedged_or_asked_stays_open():
    assert special_authorisation("委托事项写着代为作出告知承诺吧", PROXY).kind == "clarify"
    assert special_authorisation("授权内容里单列了“代为作出告知承诺”这一项吗？", PROXY).kind == "question"
    assert letter_says_no("授权内容里单列了“代为递交材料”这一项")


# --- authorization_scope: a no said unsure, then the back page ------------------------------------------------------

def test_letter_unsure_no_overturned_by_the_back_page():
    assert letter_says_yes("没写吧……我翻到背面了，写着呢，特别授权代为作出告知承诺")
    # what the back page shows must name the scope; a no there stays a no
    assert not letter_says_yes("没写吧……我翻到背面了，写着呢")
    assert letter_says_no("没写吧……我翻到背面了，也没写")


# --- authorization_scope: remarks beside the answer -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权我代为承诺，还写了不实的后果由委托人担", "写明了特别授权代为作出告知承诺，我已经拍了照片，可以发给您",
    "我是社区网格员，帮赵强叔办补贴，委托书写明了特别授权我代为承诺", "写明了特别授权代为承诺，前几天律师帮着起草的",
    "老同学赵强给我开的委托书，写明了特别授权代为作出告知承诺", "委托书原文：本人赵强特别授权受托人刘洋代为作出告知承诺",
    "写明了，上面有特别授权代为作出告知承诺那句",
])
def test_letter_remarks_beside_the_answer(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # the speaker bearing it, the speaker drafting it, another man's letter, someone else authorised, the agent granting
    "写明了特别授权我代为承诺，还写了不实的后果由我担", "写明了特别授权代为承诺，前几天我帮着起草的",
    "老同学王刚给我开的委托书，写明了特别授权代为作出告知承诺", "委托书原文：本人赵强特别授权王五代为作出告知承诺",
    "委托书原文：本人刘洋特别授权刘洋代为作出告知承诺",
    # the remark alone
    "我已经拍了照片，可以发给您", "我是社区网格员，帮赵强叔办补贴",
])
def test_letter_remark_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)
