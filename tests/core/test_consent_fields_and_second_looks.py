"""Answers at the two consent questions (bot/core/consent.py) that name a field of the letter, take a no back after a
second look, deny a narrower reading, or point at the notice as what was just sent. At the authorisation: the letter's
field of powers under any of its names, set before a colon as a printed form sets it ("授权内容：…", "代理权限：…");
"only the ordinary power" denied and the commitment said next ("不是只写代办，还写了代为承诺"); a no doubted with 不对 and
looked at again ("没写明……不对我再看一眼，写明了，…"); a letter that only covers another errand, asked as a favour
("委托书就写了帮忙领证"). At the notice: the notice pointed at as just sent and counted whole ("刚才发的七条我都认真读了").

The line drawn: what is filled in after the field decides as it would alone (an ordinary power only is a no, another
agent named, a question or a hedge is asked again); after the second look only the scope named or a no decides; a
reading counted short of the whole, someone else's reading or a glance is asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, letter_says_no, letter_says_yes, PROXY, SELF


# --- authorization_scope: the field of powers by its other names -------------------------------------------------

@pytest.mark.parametrize("text", [
    "授权内容：代为申请、代为签收、代为作出告知承诺", "委托内容：代为作出告知承诺", "代理权限：代为作出告知承诺",
    "代理事项：特别授权，代为作出告知承诺", "委托书的授权内容：代为办理、代为作出告知承诺",
])
def test_field_names_before_a_colon(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    "授权内容：代为申请、代为签收", "代理事项：代为办理、代为领取", "委托内容：不包括代为作出告知承诺",
    "代理权限：由赵强本人作出告知承诺",
])
def test_field_names_with_only_an_ordinary_power_or_the_commitment_excluded_are_a_no(text):
    assert letter_says_no(text)


@pytest.mark.parametrize("text", [
    # another agent named, a question, a hedge, the label alone
    "授权内容：委托王五代为作出告知承诺", "代理权限：王五代为作出告知承诺", "授权内容：代为作出告知承诺吗",
    "委托内容：好像有代为作出告知承诺", "授权内容",
])
def test_field_names_look_alikes_are_not_a_yes(text):
    assert special_authorisation(text, PROXY).kind in ("clarify", "question")


# --- authorization_scope: the narrower reading denied, the fuller one said ---------------------------------------

@pytest.mark.parametrize("text", [
    "不是只写代办，还写了代为作出告知承诺", "不是只写代为办理，还写了特别授权代为承诺",
    "委托书不光写代为递交，也写了代为作出告知承诺",
])
def test_narrower_reading_denied_then_the_scope(text):
    assert letter_says_yes(text)


def test_narrower_reading_denied_then_another_ordinary_power_is_still_a_no():
    assert letter_says_no("不是只写代办，还写了代为领取证件")


@pytest.mark.parametrize("text", [
    "不是只写代办", "不是只写代办，好像还写了代为承诺", "不是只写代办，我爸说还会写代为承诺",
    "不是只写代办，还写了代为承诺吗",
])
def test_narrower_reading_denied_look_alikes_are_asked_again(text):
    assert special_authorisation(text, PROXY).kind in ("clarify", "question")


@pytest.mark.parametrize("text", [
    "委托书就写了代为递交，还写了代为作出告知承诺", "委托书就写了帮忙领证，还写了代为作出告知承诺",
])
def test_only_an_ordinary_power_then_the_scope_too_is_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


# --- authorization_scope: a no doubted with 不对 and looked at again ---------------------------------------------

@pytest.mark.parametrize("text", [
    "没写明……不对我再瞅一眼，写明了，特别授权代为作出告知承诺", "没有，不对不对，我再看看，写着代为作出告知承诺",
    "没写……哦不对，我再看一下，上面写明了特别授权代他作出告知承诺",
])
def test_no_doubted_then_looked_at_again(text):
    assert letter_says_yes(text)


def test_no_doubted_then_looked_at_again_and_still_a_no():
    assert letter_says_no("没写明……不对我再瞅一眼，还是没写")


@pytest.mark.parametrize("text", [
    # a bare yes after the look names no scope; a thought or someone asked is no look; a guess; nothing found yet
    "没写明……不对我再瞅一眼，写明了", "没写明，不对我想一想，写明了，特别授权代为作出告知承诺",
    "没写明，不对我问问我爸，写明了，特别授权代为作出告知承诺", "没写明……不对我再瞅一眼，写明了特别授权代为作出告知承诺吧",
    "没写明……不对我再瞅一眼", "没写明……不对我再瞅一眼，写明了代为办理",
])
def test_no_doubted_look_alikes_are_asked_again(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


# --- authorization_scope: a letter that only covers another errand -----------------------------------------------

@pytest.mark.parametrize("text", ["委托书就写了帮忙领营业执照", "委托书就写了帮他交材料", "就写了替他办手续"])
def test_letter_only_for_another_errand_is_a_no(text):
    assert letter_says_no(text)


@pytest.mark.parametrize("text", ["委托书就写了帮忙承诺", "委托书好像就写了帮忙领证", "委托书就写了帮忙领证吗",
                                  "委托书就写了帮王五领证"])
def test_letter_only_for_another_errand_look_alikes_are_not_a_no(text):
    assert special_authorisation(text, PROXY).kind in ("clarify", "question")


# --- notice_ack: the notice pointed at as just sent, and counted -------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚才发的七条我全都仔细看了", "你刚才发的7条我都看完了", "刚刚发来的那七条我都认真看了", "你刚才发的我都读了",
])
def test_notice_pointed_at_as_just_sent_and_counted(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a count short of the whole, someone else's reading, a glance, a plan, a part
    "刚才发的三条我都认真看了", "刚才发的七条我女儿都认真看了", "刚才发的七条我都瞄了一下", "刚才发的七条我会认真看的",
    "刚才发的七条我看了四条", "刚才发的七条我都看完了嘛",
])
def test_notice_pointed_at_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"
