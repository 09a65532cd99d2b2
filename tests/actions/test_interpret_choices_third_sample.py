"""The two choices (use_commitment, acting_as), read on more everyday answers: the A-not-A question cut short after a
modal ("能…不"), not daring to sign the commitment beside the proofs chosen, a way that is the object of a negated
愿意/同意, the dislike of hassle after a denied unwillingness, the procedure (not the choice) left to us after the
answer, the opposite denied by the errand it would make pointless ("不愿意我来干啥"), the matter pointed at ("这有啥不愿意
的"), the proofs' plan given up, a way not understood said before the other way, and for whom else the speaker could act,
asked back beside laughter. Each accepted form is pinned with look-alikes that are asked again or keep their other
value."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


# --- the A-not-A question cut short after a modal -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我不识字，承诺能让人念给我听不",
    "能用承诺不",
    "承诺会罚款不",
    "承诺可以让我闺女代签不",
])
def test_modal_then_bu_last_asks(text):
    assert outcome("use_commitment", text) == "question"


@pytest.mark.parametrize("text,expected", [
    # the emphatic 不 of a refusal, or a negated modal: no such question
    ("我偏不", "clarify"),
    ("承诺我就不", "clarify"),
    ("能不用就不", "clarify"),
    # the 不 not last: the answer is read
    ("我会承诺，不交证明", "yes"),
])
def test_modal_look_alikes(text, expected):
    assert outcome("use_commitment", text) == expected


# --- the commitment refused as too risky, or refused in the speaker's own words -----------------------------------

@pytest.mark.parametrize("text,expected", [
    ("承诺这玩意儿我可不敢乱签，交证明吧😅", "no"),
    ("承诺这玩意儿我不签", "no"),
    ("承诺这玩意儿我可不签", "no"),
    ("承诺我还是不签了", "no"),
    # the plain commitment is still a yes
    ("承诺吧", "yes"),
    ("承诺这个好", "yes"),
])
def test_commitment_not_dared_or_refused(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # not daring alone, beside the same way, beside a request, or someone else's: no choice (and never a yes)
    "承诺这玩意儿我可不敢乱签",
    "承诺我可不敢签",
    "承诺我不敢",
    "承诺我不敢乱签，用承诺吧",
    "承诺我可不敢乱签，你给讲讲",
    "承诺我妈不敢签",
    "承诺这玩意儿我可不敢乱签，交证明吗",
    "承诺我还是不签了吗",
    # the two ways said as alternatives
    "承诺还是不承诺，这是个问题",
])
def test_commitment_not_dared_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- a way as the object of a negated 愿意/同意 --------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("不愿意交证明，用承诺", "yes"),
    ("不愿意交证明", "yes"),
    ("我不愿意交证明", "yes"),
    ("不同意交证明", "yes"),
    ("不同意用承诺", "no"),
    ("不愿意用承诺", "no"),
])
def test_negated_willing_with_a_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # unnegated, 愿意 may answer the question before the way is added; 原意 may be "originally meant to"
    "愿意交证明",
    "原意交证名",
    # someone else's, or asked
    "我妈不愿意交证明",
    "不愿意交证明吗",
    "愿意，交证明",
])
def test_negated_willing_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- the dislike of hassle, after a denied unwillingness or beside the answer --------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("不是不愿意，是怕麻烦，承诺吧", "yes"),
    ("用承诺吧，怕麻烦", "yes"),
])
def test_hassle_disliked_is_no_worry(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # a worry about what the commitment leads to, the hassle of someone, a reservation, alone, or asked
    "不是不愿意，是怕担责任，承诺吧",
    "不是不愿意，就是怕担责任",
    "承诺吧，怕麻烦你们",
    "用承诺，只是怕麻烦",
    "承诺怕麻烦",
    "怕麻烦",
    "用承诺，怕麻烦吗",
])
def test_hassle_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- the procedure left to us after the answer ---------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "我愿意的，你们说咋办就咋办", "yes"),
    ("use_commitment", "用承诺，你们说怎么弄就怎么弄", "yes"),
    ("acting_as", "本人，你们说咋办就咋办", "self"),
])
def test_procedure_left_to_us_after_the_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # deference on the choice itself, alone, first, after a bare yes, beside a hedge or a question or both ways
    ("use_commitment", "我愿意的，你们说用哪个就用哪个"),
    ("use_commitment", "你们说咋办就咋办"),
    ("use_commitment", "你们说咋办就咋办，愿意"),
    ("use_commitment", "好的，你们说咋办就咋办"),
    ("use_commitment", "可能愿意，你们说咋办就咋办"),
    ("use_commitment", "愿意，你们说咋办就咋办吗"),
    ("use_commitment", "愿意，交证明，你们说咋办就咋办"),
    ("acting_as", "是，你们说咋办就咋办"),
])
def test_procedure_left_look_alikes(step, text):
    assert outcome(step, text) in ASKED_AGAIN


# --- the opposite denied by a rhetorical question ------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("当然愿意啊，不愿意我来干啥", "yes"),
    ("不愿意我来干啥", "yes"),
    ("不用承诺我跑这一趟干嘛", "yes"),
    ("这有啥不愿意的", "yes"),
])
def test_opposite_denied_asked_back(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # someone else's coming, no negation, what differs asked, against the other way, or mocked
    "不愿意你来干啥",
    "我妈不愿意我来干啥",
    "愿意我来干啥",
    "这有啥不一样的",
    "这有啥不好的",
    "不愿意我来干啥，交证明",
    "这有啥不愿意的，交证明",
    "这有啥不愿意的😏",
])
def test_opposite_denied_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- the proofs' plan given up -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["证明我是不打算开了", "证明俺就不准备交了", "证明不开了"])
def test_proofs_plan_given_up(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text", [
    # not yet, asked, someone else's, hedged, or the plan kept
    "证明我还不打算开",
    "证明我是不打算开了吗",
    "证明我妈是不打算开了",
    "证明我是不打算开了，可能",
    "证明我是打算开了",
])
def test_proofs_plan_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- a way not understood, said before the other way ---------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("我不太懂承诺，交证明稳妥", "no"),
    ("我不懂承诺，交证明", "no"),
    ("我不太懂证明，用承诺", "yes"),
])
def test_not_understood_first_then_the_other_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # before the same way, a question, a hedge, deference, alone, someone else's, or said after the choice
    "我不太懂承诺，用承诺吧",
    "我不太懂承诺，交证明吧？",
    "我不太懂承诺，可能交证明",
    "我不太懂承诺，交证明还是承诺好",
    "我不太懂承诺，你们说咋办就咋办",
    "我不太懂承诺",
    "我妈不太懂承诺，交证明",
    "交材料，承诺那个我不太明白",
])
def test_not_understood_look_alikes(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- for whom else the speaker could act, asked back ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人啊，我还能替谁办，家里就我一个😂",
    "本人啊，我还能替谁办😂",
    "本人啊，我还能替谁办",
    "本人 我还能替谁办",
])
def test_whom_else_asked_back(text):
    assert outcome("acting_as", text) == "self"


@pytest.mark.parametrize("text", [
    # alone, beside the other answer, someone else asked, a bare yes, or with a way, a joke, a hedge or a question after it
    "我还能替谁办",
    "我还能替谁办😂",
    "代办，我还能替谁办",
    "代办，我还能替谁办😂",
    "我妈还能替谁办",
    "本人，你还能替谁办",
    "是😂，我还能替谁办",
    "本人啊，我还能替谁办，帮我妈😂",
    "本人啊，我还能替谁办，你猜😂",
    "本人啊，我还能替谁办，可能吧😂",
    "本人啊，我还能替谁办，对吗😂",
])
def test_whom_else_look_alikes(text):
    assert outcome("acting_as", text) in ASKED_AGAIN
