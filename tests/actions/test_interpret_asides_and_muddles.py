"""Remarks beside an answer that say what they do in so many words: a bracket naming the word it corrects, a muddle
told after a correction, a worry denied, the proof's errand told as a hardship, a staff post claimed as "X是我", the
reason "我不是法人" before a lone 算了, and "X就是我本人" after a name. Each shape is pinned with look-alikes that stay
asked again (or keep their other reading)."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, outcome


@pytest.mark.parametrize("step,text,expected", [
    # a bracket quoting the word it corrects chooses nothing; the answer outside it is read
    ("acting_as", "本人办理（更正上一条的“代办”）", "self"),
    ("acting_as", "本人办理（更正一下“代办”）", "self"),
    ("acting_as", "代办（更正上一条的“本人”）", "proxy"),
    ("representative_name", "法定代表人：王磊（刚才那个“王蕾”打错了）", "王磊"),
    # look-alikes: a quoted word not said to be corrected keeps its bracket
    ("acting_as", "本人（“代办”也行）", "clarify"),
    ("representative_name", "王磊（“王蕾”也对）", "clarify"),
    ("representative_name", "王磊（刚才那个“王蕾”是对的）", "clarify"),
    ("representative_name", "（“王蕾”打错了）", "clarify"),
])
def test_bracket_naming_the_corrected_word(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text,expected", [
    # the speaker's own muddle told last undoes the correction before it
    ("use_commitment", "不用…不对，要用…诶我也搞糊涂了", "clarify"),
    ("acting_as", "本人，不对……代办？我也搞糊涂了", "clarify"),
    ("acting_as", "本人，我都被绕晕了", "clarify"),
    ("acting_as", "代办，不对，本人，诶到底算哪个", "clarify"),
    # look-alikes: a muddle past, someone else's, or "which after all" with no correction before it
    ("acting_as", "我刚才搞糊涂了，是本人", "self"),
    ("use_commitment", "之前搞糊涂了，用承诺", "yes"),
    ("acting_as", "本人，我爸搞糊涂了", "self"),
    ("acting_as", "本人到底算哪个？", "question"),
])
def test_muddle_told_after_correction(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a worry denied or waved away is no doubt
    ("是的，没别的顾虑了", "yes"),
    ("是。不用担心我反悔，我想好了", "yes"),
    ("承诺就承诺，又不是考公务员，怕啥，用！", "yes"),
    ("愿意，不是怕麻烦，是居委会那证明真开不出来", "yes"),
    # look-alikes: a worry named beside the denied one, a worry said, "怕啥" asked as a question
    ("是，不担心别的，就怕担责任", "clarify"),
    ("是 有点担心", "clarify"),
    ("是，怕啥呢？", "question"),
])
def test_worry_denied(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    # the proof's errand told as a hardship is the reason for the commitment
    ("用承诺吧，我白天要上班，实在抽不出空去派出所开证明", "yes"),
    ("是，我们公司选承诺，证明材料一时半会儿凑不齐", "yes"),
    ("俺用承诺的那个 开证明还得跑镇上 太远了", "yes"),
    ("证明凑不齐", "yes"),
    # look-alikes: the papers got together, or the errand told beside a "no" and a plan to run it
    ("否，证明凑齐了", "no"),
    ("否，开证明还得跑镇上，我明天去", "clarify"),
])
def test_proof_errand_as_hardship(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    # a staff post claimed as "X是我": the speaker acts for the enterprise
    ("联系人是我，胡静，有事找我就行", "not_representative"),
    ("公司联系人是我，胡静", "not_representative"),
    ("经办人就是我本人 王芳", "not_representative"),
])
def test_staff_post_claimed_as_mine(text, expected):
    assert detail("representative_name", text) == expected


@pytest.mark.parametrize("text,expected", [
    # look-alikes: the role claimed beside the post, or the post said of someone else
    ("联系人是我，法人也是我，胡静", "胡静"),
    ("胡静，联系人是她", "胡静"),
    # "X就是我本人" after a name: the speaker named as its bearer
    ("法人胡春梅就是我本人", "胡春梅"),
    ("胡春梅就是我本人", "胡春梅"),
    ("王芳本人", "王芳"),
    ("法人是我本人", "clarify"),
    ("胡春梅是我老婆", "clarify"),
])
def test_names_beside_claims(text, expected):
    assert outcome("representative_name", text) == expected


@pytest.mark.parametrize("step,text,expected", [
    # "我不是法人" then a lone 算了: the reply the question asks of one who is not the representative
    ("representative_name", "我不是法人，那算了", "cancel"),
    ("representative_name", "哦我不是法人，那算了，等我们老板回来让他自己弄", "cancel"),
    ("representative_name", "法人不是我，算了吧", "cancel"),
    # look-alikes: 算了 followed by a name, or the reason alone
    ("representative_name", "我不是法人，算了，法人是王芳", "clarify"),
    ("representative_name", "我不是法人", "clarify"),
    ("use_commitment", "好吧，算了，用承诺", "yes"),
])
def test_not_the_representative_then_never_mind(step, text, expected):
    assert outcome(step, text) == expected
