"""The two choices (use_commitment, acting_as) answered with a remark beside the answer, or in a dialect's words: the
North's 甭, the Southwest's 不得行, "不整那玩意儿"; "就这么弄"; the clerk's "来电人选否"; "不是否" and the "no" denied
before "是"; "shi"; a sound before a short answer; a raised-fist kaomoji; distrust denied ("不是信不过你们"); the asking
first explained after a double negation; the trouble a slip would bring, beside the proofs chosen; the commitment left
to others or mocked alone; the speaker's trouble understanding one way after pauses; the other way echoed and remarked
on; "拉倒"; nobody else able or willing to act for the speaker; not old enough to need a proxy; 本人 said to be a
relative; 也不是 taking an answer back; whom acted for corrected; the applicant
who is hard of hearing; a counterfactual 本人; a stop on a premise; the speaker's age asked back; 本尊; the war-film
pidgin; which it is, said to be beyond the speaker. Each accepted form is pinned with look-alikes that are asked again
or keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # dialect refusals, and the way settled in the Northeast's words
    ("那甭了", "no"),
    ("甭用了", "no"),
    ("不得行哦", "no"),
    ("不搞那玩意儿", "no"),
    ("行 就这么整", "yes"),
    # the clerk typing for the caller
    ("申请人回复是", "yes"),
    ("来电人选是", "yes"),
    # the question's own 是 in pinyin
    ("SHI", "yes"),
    # the bare "no" denied
    ("不不，不是否，是“是”", "yes"),
    # a sound before a short answer
    ("噢 好的", "yes"),
    ("额 不需要", "no"),
    # a raised fist after the answer
    ("用承诺٩(๑•̀ω•́๑)۶", "yes"),
    # distrust denied, then the answer
    ("交证明，不是信不过你们，就是心里踏实", "no"),
    # the asking first explained after a double negation, then the answer
    ("我不是不信你们，就是问一下，用承诺吧", "yes"),
    # the trouble a slip would bring, as the reason for the proofs
    ("交证明吧，承诺万一填错了就糟了", "no"),
    # the commitment left to others
    ("承诺那一套还是留给年轻人吧，我交证明", "no"),
    # the commitment mocked alone
    ("承诺个屁！", "no"),
    # the speaker's trouble understanding the commitment, after pauses, beside the proofs
    ("不用 俺交证明 承诺那个俺看不懂", "no"),
    # the other way echoed, then a remark on it that says the same as the answer
    ("承诺吧。证明？那个我跑了三趟也没办下来", "yes"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # a bare 不弄了/不整了 gives the errand up or says nothing of the commitment
    "俺不整了",
    # someone else's word that it is settled
    "我老伴说就这么弄",
    # the clerk's word asked
    "来电人选否吗",
    # the "no" denied before anything but 是, or asked
    "不是否要交证明",
    "不是否吗",
    "不是否，交证明",
    # the hedge 是吧 in pinyin
    "shi ba",
    # a sound before a hedge, and 啊 (Wu 阿是 asks)
    "哦 是吧",
    "啊是",
    # faces that do not raise a fist
    "是(¬_¬)",
    # distrust said plainly beside the answer
    "用承诺，信不过你们",
    "用承诺，我不相信你们",
    # the asking first with nothing after it, or without the denial before it
    "不是不信你们，就是问一下",
    "我先问问，用承诺",
    # the trouble feared beside the commitment, or alone
    "用承诺，万一填错了就糟了",
    "承诺万一写错了麻烦",
    # the commitment left to others beside the commitment chosen
    "用承诺，承诺留给年轻人",
    # the mockery beside more words, or misspelt
    "同意个鬼 用承诺",
    "承若个锤子",
    # the trouble understanding beside the same way, or asked
    "用承诺 承诺那个俺看不懂",
    "交证明 承诺那个俺看不懂吗",
    # the other way echoed, then a remark that says the other answer or asks
    "承诺吧。证明？那个我早开好了",
    "承诺吧。证明？那个怎么开",
    # 拉倒 beside more words
    "拉倒吧你",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


def test_forget_it_alone_is_a_stop():
    assert outcome("use_commitment", "那就拉倒") == "cancel"
    assert outcome("acting_as", "拉倒！") == "cancel"
    assert outcome("use_commitment", "拉倒，交证明") == "no"


@pytest.mark.parametrize("text,expected", [
    # nobody else can, or would, act for the speaker
    ("我自个儿的事，旁人替不了", "self"),
    ("本人，哪有人肯帮我跑", "self"),
    ("没有人替我办，我自己来", "self"),
    # not old enough to need a proxy
    ("本人办，俺又没病到要人帮忙呢", "self"),
    # 本人 said to be a relative, after 也不是 took the answer back
    ("自己办……也不对，本人是我妈，我帮她弄", "proxy"),
    # whom acted for corrected
    ("不是帮我舅，是帮我姨", "proxy"),
    # the applicant hard of hearing, after pauses
    ("替我奶奶办 她耳朵不好 电话里听不清", "proxy"),
    # a counterfactual 本人
    ("代办，俺要是本人早就自己跑了", "proxy"),
    # a stop on a premise beside the plain stop
    ("不弄了，代办不行就算了", "cancel"),
    # the speaker's age asked back, then whom for
    ("我这把年纪还用领补贴？是替我们村的孤寡老人办的", "proxy"),
    # 本尊
    ("本尊亲自办", "self"),
    # the pidgin
    ("自己的干活，代办的不是", "self"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # someone else's matter beside "nobody else can"
    "我妈的事，别人替不了",
    # who would act, asked alone or for someone else
    "哪有人肯帮我跑",
    "本人，哪有人替我妈办",
    # someone else not old enough, or the need asked
    "我爸还没老到要人代办呢",
    "我还没老到要人代办吗",
    # 也不是 with nothing after it, or inside a clause
    "本人，也不是",
    "本人也不是，代办也不是",
    # the speaker's own trouble on the telephone
    "替我奶奶办 我电话里也说不清",
    # a supposition, no counterfactual
    "我要是本人就自己跑",
    # a stop on a premise, alone
    "代办不行就算了",
    # the age asked back alone, or beside 本人
    "我这把年纪还用领补贴？",
    "我这把年纪还用领补贴？本人",
    # the pidgin contradicting itself
    "本人滴干活，本人的不是",
    # which it is, beyond the speaker
    "我也拿不准算哪种，户口本上是我妈",
    # not knowing which, alone, asks to be told
    "我也不晓得算哪个",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN


def test_which_it_is_beyond_the_speaker_asks_nothing():
    assert outcome("acting_as", "我也说不准该算哪种，房子是我弟的名字") == "clarify"
    assert outcome("acting_as", "说不准算哪种？") == "question"
