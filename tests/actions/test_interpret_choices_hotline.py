"""Hurried answers at the two choices (use_commitment, acting_as), typed as callers talk and chat: a confident face
closing the answer; pinyin with its particle typed apart; "to be honest" (u1s1) before it; the commitment refused as
the speaker's own signature; "还是证明稳一点" after a pause to think; the days an errand takes and "谁有那闲工夫" as its
reason; "还跑啥证明" and "谁还去开证明，又不是傻" beside the answer; the question not heard, then the option echoed and
answered; the other way echoed, then a bare yes or no (asked again); the choice handed on, to us or to someone the
speaker will ask (asked again, not answered as a question); whichever way said to be fine; rolled eyes after an
obviousness asked back; a relative at the side instructing; the slip named after the correction; what acting for
someone else takes, remarked on. Each accepted form is pinned with look-alikes that are asked again or keep their
other value."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # a confident face closes the answer as a full stop would
    ("这还用问？当然承诺啊😎", "yes"),
    ("当然承诺啊😎", "yes"),
    ("当然承诺啊👍", "yes"),
    # pinyin, its particle typed as a syllable of its own
    ("yong chengnuo ba", "yes"),
    ("bu yong ba", "no"),
    ("shi de", "yes"),
    # "to be honest" before the answer
    ("u1s1 承诺真香 就它了", "yes"),
    ("u1s1 承诺", "yes"),
    # the commitment refused as the speaker's own signature
    ("一般程序。承诺那个我不签", "no"),
    ("承诺那个我不签", "no"),
    ("承诺书我不写", "no"),
    # the proofs settled on after a pause to think
    ("承诺吧…等下 nope 还是证明稳一点", "no"),
    ("还是证明稳一点", "no"),
    ("本来想承诺的，想想还是交证明稳当", "no"),
    # the days the proofs take, and nobody's idle time for them, beside the commitment
    ("证明？开个证明跑三天，谁有那闲工夫，承诺", "yes"),
    ("谁有那闲工夫，承诺", "yes"),
    ("开个证明跑三天", "yes"),
    # why still go for the proofs, asked back beside the commitment (laughing at it)
    ("我这岁数了还跑啥证明，承诺吧，哈哈哈", "yes"),
    ("我这岁数了还跑啥证明，承诺吧", "yes"),
    ("还开啥证明，承诺", "yes"),
    # who would go for the proofs, and the speaker no fool, after pauses
    ("必须承诺啊 谁还去开证明 又不是傻", "yes"),
    # the question not heard, then the option echoed and answered
    ("哎呀我听不大清，你说啥？承诺？承诺就承诺吧，行", "yes"),
    # the other way echoed, then an answer in full
    ("证明？不开了，用承诺", "yes"),
    ("承诺？不必了", "no"),
    # the slip named after the correction that put it right
    ("不用，不对，用承诺，打错了", "yes"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # faces that doubt, roll their eyes or smirk stay beside the answer; someone else's word stays theirs
    "当然承诺啊😏",
    "当然承诺啊🙂",
    "当然承诺啊🙄",
    "当然承诺啊🤔",
    "我妈承诺啊😎",
    # pinyin: a particle that may ask, no answer left, someone else
    "yong chengnuo ne",
    "shi ba",
    "wo ma yong chengnuo ba",
    # "to be honest" alone, or before a hedge or someone else's word
    "u1s1",
    "u1s1 承诺 可能吧",
    "u1s1 承诺 我妈说的",
    # the signature refused by someone else, or beside someone else who signs, or on a condition
    "承诺那个我妈不签",
    "承诺他不签",
    "承诺那个我不签，我妈签",
    "承诺我就不要了，让我妈来签",
    "承诺那个我不签的话",
    "承诺不签了吗",
    # the two ways weighed, asked, or someone else's view after a pause
    "承诺还是证明稳一点",
    "承诺还是证明好一点",
    "还是证明稳一点吗",
    "我妈 还是证明稳一点",
    # who is free, asked; nobody's idle time alone
    "谁有空，承诺",
    "谁有那闲工夫",
    # why still the proofs: alone, which proofs are still needed, on a condition, someone else's, against the answer
    "我这岁数了还跑啥证明",
    "承诺吧，还要开啥证明",
    "用承诺的话还开啥证明，承诺吧",
    "我妈还开啥证明，承诺吧",
    "交证明，还跑啥证明",
    # who would go for the proofs: alone, or against the answer
    "谁还去开证明 又不是傻",
    "交证明 谁还去开证明 又不是傻",
    # the question not heard: alone, the option only echoed, no echo, or a hedge after it
    "你说啥？",
    "你说啥？承诺？",
    "你说啥？承诺？啥意思",
    "你说啥？承诺吧",
    "你说啥？承诺？承诺就承诺吧，可能吧",
    # the other way echoed, then a bare yes or no: which way it answers is not said
    "证明？不用了",
    "这还用问？证明？不用",
    "证明？要",
    "你说啥？证明？不用了",
    "一般程序？不用",
    # a slip named with no correction before it, or nothing after the correction
    "不用，用承诺，打错了",
    "不用，不对，手滑了",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


@pytest.mark.parametrize("text", [
    # the choice handed to us, the not understanding its reason: no question asked
    "啊？我也不懂这个，你说哪个好就哪个",
    "你说哪个好就哪个",
    "我也不懂这个，我问问我儿子",
    # whichever way, said to be fine (on a condition too)
    "咋样都行",
    "哪个都行",
    "只要不用回老家开证明，咋样都行",
])
def test_use_commitment_handed_on_is_no_question(text):
    assert outcome("use_commitment", text) == "clarify"


@pytest.mark.parametrize("text", [
    # not understood, with nothing handed on, or a real question beside the handing on
    "我也不懂这个",
    "你说哪个好就哪个，承诺是啥意思",
    "我不懂，承诺是啥",
    "哪个好？",
    "咋样都行吗",
    "咋样",
])
def test_use_commitment_still_asks(text):
    assert outcome("use_commitment", text) == "question"


@pytest.mark.parametrize("text,expected", [
    # rolled eyes after an obviousness asked back
    ("就我自己啊 难道还有别人吗🙄", "self"),
    ("就我自己啊，难道还有别人吗🙄", "self"),
    ("本人，不然还能是谁🙄", "self"),
    # a relative at the side instructing, after the answer (laughing at it)
    ("我自己的事啊 不过是我妈在旁边指挥我😂", "self"),
    ("我自己的事啊，不过是我妈在旁边指挥我", "self"),
    ("帮我妈办，我妈在旁边看着", "proxy"),
    # the slip named after the correction that put it right
    ("本人—— 啊不是 帮我妈 手滑了", "proxy"),
    ("本人，不对，帮我妈，手滑了", "proxy"),
    # what acting for someone else takes, remarked on beside either answer
    ("给自个儿办。代办还得授权，麻烦", "self"),
    ("帮我妈办，代办还得授权，麻烦", "proxy"),
    ("代办还得授权，帮我妈办", "proxy"),
    # a confident face closes the answer
    ("本人👍", "self"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # rolled eyes beside the answer itself, before the figure, after a figure naming the other answer, or alone;
    # a smirk after the figure
    "就我自己啊🙄",
    "就我自己啊🙄 难道还有别人吗",
    "就我自己啊 难道是代办吗🙄",
    "就我自己啊 难道还有别人吗😏",
    "难道还有别人吗🙄",
    # a relative at the side alone, or one who acts
    "我妈在旁边指挥我",
    "我自己的事啊 不过是我妈在旁边替我办",
    # a slip named with no correction before it, a pause after the correction, or nothing after it
    "本人，帮我妈，手滑了",
    "本人，不对，帮我妈，等等",
    "本人，不对，手滑了",
    # what acting for someone else takes: alone, asked, or beside someone else's matter
    "代办还得授权，麻烦",
    "代办还得授权",
    "代办还得授权吗",
    "代办要委托书吗",
    "给自个儿办，代办还得授权，我妈的事",
    # the option beside a sneer, a teasing face, a question or the other option
    "本人呵呵",
    "本人😜",
    "本人吗哈哈",
    "本人😂代办",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN


@pytest.mark.parametrize("text", [
    # not knowing which, then the speaker will ask someone else: no question asked of us
    "嗯……这个……我也不知道算哪个，我给我兄弟问问",
    "我给我兄弟问问",
    "哪个都行",
])
def test_acting_as_handed_on_is_no_question(text):
    assert outcome("acting_as", text) == "clarify"


@pytest.mark.parametrize("text", [
    # not knowing which alone, or asked to be told
    "我也不知道算哪个",
    "我不知道算哪个，你能说说吗",
])
def test_acting_as_still_asks(text):
    assert outcome("acting_as", text) == "question"
