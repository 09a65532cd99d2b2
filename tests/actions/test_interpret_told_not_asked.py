"""Words that look like a question, a slip or the other option, and are none: how to do it already taught or known,
the trouble feared (its 啥 is "anything"), some kind of X denied (不是啥代理), a slip placed before this message
(刚才点错了), no one having asked the speaker to act for them, and the legal representative acting for the company
said after the company. Each shape is pinned with look-alikes that keep their question, doubt or other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


@pytest.mark.parametrize("text,expected", [
    # taught or known: the 怎么/咋 asks nothing of us
    ("是 我选承诺办理 儿子教过我怎么弄", "yes"),
    ("是，儿子教过我怎么弄", "yes"),
    ("是，我知道咋填", "yes"),
    # look-alikes: taught asked for, not known, or asked outright
    ("用承诺，你教我怎么弄", "question"),
    ("用承诺，我不知道怎么弄", "question"),
    ("用承诺，教我怎么弄？", "question"),
    # the trouble feared, as the reason of a no
    ("不了，我怕承诺了以后出啥事，还是交证明", "no"),
    # look-alikes: the same fear asked about, or beside a yes (doubt)
    ("用承诺，怕出啥事吗", "question"),
    ("用承诺，我怕出啥事", "clarify"),
])
def test_question_words_that_ask_nothing(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("本人，俺可不是啥代理", "self"),
    ("本人，我不是啥代办，就是个种地的", "self"),
    # look-alikes: the kind asked, or not denied
    ("这不是啥都要交吗", "question"),
    ("本人，啥代理？", "question"),
])
def test_some_kind_denied(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("step,text,expected", [
    # a slip placed before this message: this message's answer is the one put right
    ("use_commitment", "不不不，用承诺，刚才手一抖点错了", "yes"),
    ("use_commitment", "用承诺，刚才点错了", "yes"),
    ("use_commitment", "否，刚才点错了", "no"),
    ("acting_as", "不是不是，不是代办，是本人，你刚才理解错了", "self"),
    ("acting_as", "本人，你刚才理解错了", "self"),
    ("acting_as", "代办，刚才打错了", "proxy"),
    # look-alikes: no time said (which one slipped?), or nothing but a denial left
    ("use_commitment", "用承诺，点错了", "clarify"),
    ("acting_as", "本人，你理解错了", "clarify"),
    ("use_commitment", "不，刚才点错了", "clarify"),
    ("use_commitment", "不不不，刚才点错了", "clarify"),
])
def test_slip_placed_before_this_message(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("没有谁让我代办，本人", "self"),
    ("没人让我代办，本人", "self"),
    ("没有谁让我代办", "self"),
    # look-alikes: someone did ask, or someone else's matter named after it
    ("有人让我代办", "proxy"),
    ("没人让我代办，我帮我妈办", "clarify"),
])
def test_no_one_asked_the_speaker_to_act(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("给我们公司办的，我就是法人", "self"),
    ("给公司办，我是法人", "self"),
    ("我是法人，给我们公司办", "self"),
    # look-alikes: a relative's matter beside the claim, a staff post, or the company alone
    ("给我妈办，我是法人", "clarify"),
    ("给公司办，我是会计", "proxy"),
    ("给我们公司办的", "proxy"),
])
def test_representative_for_the_company_in_either_order(text, expected):
    assert outcome("acting_as", text) == expected
