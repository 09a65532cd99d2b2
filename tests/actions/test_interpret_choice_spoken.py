"""The two choices (use_commitment, acting_as) answered as people speak them: voice input's pauses around a "no" that
was never said ("不是说不用 是用"), the question's 是 before a short yes, the speaker's hurry beside a yes, the trouble
of explaining later feared beside a "no", the commitment's twists not understood as the reason for the proofs, the
proofs already issued to the speaker, a drawn-out 嗯…… before the answer, "can't tell" after a correction, staff told by
their work or acting for the legal representative, the errand left to a relative to do themself, the speaker a child
or a sibling of "him/her", and "帮我办". Each accepted form is pinned with look-alikes that are asked again or keep
their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # a "no" denied as a thing said, then the yes after the pause
    ("我不是说不用 是用 告知承诺", "yes"),
    ("不是说不用 是用", "yes"),
    # the question's 是 with a short yes after it
    ("是要", "yes"),
    # the hurry beside a yes, between the pauses
    ("嗯 急着用 好的", "yes"),
    # the trouble of explaining later feared, as the reason of a "no"
    ("不用 我担心承诺完了讲不清楚", "no"),
    # not following the commitment's twists, then the proofs chosen
    ("我不懂承诺那些门道，还是交材料吧", "no"),
    # the proofs already issued to the speaker by those who issue them
    ("不用了 证明居委会早就给我开好了", "no"),
    ("证明村里已经帮俺办好了", "no"),
    # a drawn-out sound before the answer is a breath, not a yes
    ("嗯……交证明吧", "no"),
    ("呃。。。不用承诺了，交材料", "no"),
    # a correction that stands, with no muddle after it
    ("是……不对，否", "no"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the "no" denied, then a no, or someone else's word
    "不是说不用 是不用",
    "不是说不用 我妈说用",
    # 是 then a no is no repetition
    "是不用",
    # no hurry, or the hurry beside a "no" ("no need to hurry")
    "好 不急 是",
    "不用 赶时间",
    # the feared trouble beside a yes is doubt; "can't say" alone is doubt
    "用承诺 怕以后说不清",
    "不要 我也说不清",
    # not following the twists, then the same way, or nothing chosen
    "俺不懂承诺这些弯弯绕，用承诺吧",
    "俺不懂承诺这些弯弯绕",
    # the proofs not yet issued
    "证明社区还没给我开好",
    # the sound alone, a plain 嗯 before a "no", someone else's word after the breath
    "嗯……",
    "嗯，不承诺了，交材料",
    "嗯……我妈说用承诺",
    # "can't tell" after a correction
    "否……不对，是……唉我也分不清",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


@pytest.mark.parametrize("text,expected", [
    # staff told by the work they do for the business, or acting for the legal representative
    ("我是公司跑业务的", "proxy"),
    ("我是店里收银的 替老板办", "proxy"),
    ("替我们法人办", "proxy"),
    # the legal representative for the company is the company itself
    ("我是法人，替公司办", "self"),
    # the errand given up and left to a relative to do themself
    ("不办了 叫我爸自己去大厅", "cancel"),
    # the speaker a child, a grandchild, a nephew, a parent of "him/her": someone else's matter
    ("我是她孙女", "proxy"),
    ("我是他侄子", "proxy"),
    ("俺是他闺女", "proxy"),
    ("我是他爸", "proxy"),
    # the speaker's own matter asked to be done
    ("帮我弄一下吧", "self"),
    ("您帮我申请", "self"),
    # someone else's named after 帮我
    ("帮我爸申请", "proxy"),
    ("帮我妈办一下", "proxy"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # 管事的 may be the owner
    "我是店里管事的",
    # a relative to go themself, alone: who acts is not said
    "让我妈自己去窗口",
    # a spouse, a neighbour, or someone of the relative's
    "我是他老婆",
    "我是他邻居",
    "我是他儿子的朋友",
    # the kin beside the speaker's own matter contradicts it
    "本人，我是她闺女",
    "帮我办，我是他儿子",
    # help asked for something else, or help without whose
    "帮我问问",
    "帮忙弄一下",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN
