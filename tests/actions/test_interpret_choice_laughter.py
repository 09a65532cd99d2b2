"""The two choices (use_commitment, acting_as): the insisting denied (没说非要…) is no choice of the other way, and
非要/非…不可 insist on the way they name; laughter on a remark beside a firm answer, not on the answer; rhetorical
questions that state the answer beside it (谁还能替我办, 我哪用得着这个, 干嘛要…, …谁不愿意, 我像是…的人吗); the
corrected answer after a reason told with 还没…呢; the busy speaker's "别问了", "赶紧的"; 别整…; 算了吧X before the
other way settled with 还是; 不是我本人 in voice input's run-on, and someone unable to come back told as the reason.
Each accepted form is pinned with look-alikes that are asked again or keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


# --- the insisting denied, and the insisting itself ---------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # 非要 / 非…不可 insist on the way named
    ("我就非得用承诺", "yes"),
    ("我非要交证明", "no"),
    ("我非用承诺不可啊", "yes"),
    ("我就非交证明不可", "no"),
    # the double negation with the speaker between its halves
    ("不是我不想用承诺", "yes"),
])
def test_insisting_read_as_the_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("step,text", [
    # denying having said, insisted or required a way is no choice of the other
    ("use_commitment", "我可没说非要交证明"),
    ("use_commitment", "没说非交证明不可啊"),
    ("use_commitment", "我也不是非得用承诺"),
    ("use_commitment", "我又没说要交证明"),
    ("use_commitment", "我也没坚持要用承诺"),
    ("use_commitment", "不是非交证明不可"),
    ("use_commitment", "非交证明不可吗"),
    ("acting_as", "我也没说是代办啊"),
    # at who acts the rule told with no one insisting is no choice
    ("acting_as", "非本人不可"),
])
def test_insisting_denied_is_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN


# --- laughter on a remark beside a firm answer ---------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "要要要，你们问得真仔细😂", "yes"),
    ("use_commitment", "愿意，小机器人还挺负责哈哈", "yes"),
    ("use_commitment", "我像是爱跑腿的人吗哈哈，承诺", "yes"),
    ("use_commitment", "用承诺，这么省事谁不乐意", "yes"),
    ("acting_as", "本人，我妈在旁边笑😂", "self"),
    ("acting_as", "我自己办，你们这机器人问得可真细哈哈", "self"),
])
def test_laughter_on_a_remark_keeps_the_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # a bare yes, the laughter on the answer itself or alone beside it, a joke, a remark that takes it back
    ("use_commitment", "是，你们问得真仔细😂"),
    ("use_commitment", "要要要😂，你们问得真仔细"),
    ("use_commitment", "愿意，哈哈"),
    ("use_commitment", "用用用，你猜😂"),
    ("use_commitment", "要要要，假的哈哈"),
    ("use_commitment", "用用用，说着玩的😂"),
    ("use_commitment", "用用用，我老婆说不行😂"),
    ("use_commitment", "用用用，你问得也太细了吧？😂"),
    ("use_commitment", "愿意，哈哈，不用承诺谁不愿意"),
    ("acting_as", "本人，不是😂"),
    ("acting_as", "本人，我妈才是本人😂"),
    ("acting_as", "是我，你问得太细了😂"),
    ("acting_as", "本人😂，如假包换"),
])
def test_laughter_look_alikes_are_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN


# --- rhetorical questions beside the answer --------------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "交证明，何必承诺", "no"),
    ("use_commitment", "我又不是拿不到证明，干嘛要承诺", "no"),
    ("acting_as", "谁又能帮我跑啊，我自己来办", "self"),
    ("acting_as", "俺哪用得着这个，帮俺爹申请的", "proxy"),
])
def test_rhetorical_question_beside_the_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # alone, against the answer beside it, or the need asked in earnest
    ("use_commitment", "干嘛要承诺"),
    ("use_commitment", "承诺吧，干嘛要承诺"),
    ("use_commitment", "我像是喜欢开证明的人吗"),
    ("use_commitment", "交证明，我像是喜欢开证明的人吗"),
    ("use_commitment", "我像是需要交证明的人吗，承诺"),
    ("acting_as", "谁还能替我办啊"),
    ("acting_as", "代办，谁还能替我办啊"),
    ("acting_as", "我哪用得着这个啊"),
    ("acting_as", "我哪用得着这个啊，本人"),
])
def test_rhetorical_look_alikes_are_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN


# --- corrections and the busy speaker --------------------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "交证明，不对不对，证明我还没开出来呢，承诺吧", "yes"),
    ("use_commitment", "正忙着呢 用承诺吧别问了", "yes"),
    ("use_commitment", "交证明吧，别再问了", "no"),
    ("use_commitment", "别整承诺了，证明我都备齐了", "no"),
    ("use_commitment", "算了吧证明，我还是用承诺", "yes"),
    ("use_commitment", "算了吧承诺，那我还是交证明", "no"),
    ("acting_as", "这个不是我本人是我妈的事", "proxy"),
    ("acting_as", "我儿子回不来我帮他弄", "proxy"),
    ("acting_as", "我们老板在外地出差呢，我是公司的会计，替公司来办", "proxy"),
])
def test_corrections_and_busy_speech(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # the correction with no answer after it, the 还没 asked, the stop alone, 别整 with no way
    ("use_commitment", "承诺吧，不对，证明我还没开呢"),
    ("use_commitment", "证明还没开吗"),
    ("use_commitment", "证明还没开呢？"),
    ("use_commitment", "别问了"),
    ("use_commitment", "我要快点"),
    ("acting_as", "法人在哪呢"),
    ("acting_as", "这不是我本人的事我自己办"),
    ("acting_as", "不是我本人办吗"),
])
def test_correction_look_alikes_are_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN
