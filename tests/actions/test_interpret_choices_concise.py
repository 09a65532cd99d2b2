"""Short and corrected answers at the two choices (use_commitment, acting_as): the normal procedure waved off is the
commitment chosen; a slip named ("打错字了", "说反了", "等下") puts the answer right; a joke that was no answer, then the
answer in full; a denial of the other answer set against the plain answer; nobody else asked to act; the speaker named
on the licence; marks put on the options; courtesy and a companion beside the answer; the question's own word cut
short or typed by its look-alike. Each accepted form is pinned with look-alikes that are asked again."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # the normal procedure waved off: the commitment chosen
    ("一般程序就不走了", "yes"),
    ("一般程序不走了", "yes"),
    ("普通流程就免了", "yes"),
    ("正常流程我就不走了", "yes"),
    # the commitment waved off: the normal procedure
    ("承诺就不用了", "no"),
    ("承诺就不走了", "no"),
    ("告知承诺就不考虑了", "no"),
    # the normal procedure named plainly is still a "no"
    ("一般程序", "no"),
    ("按一般程序，不用承诺", "no"),
    # a slip named, then the answer put right
    ("愿意，呃，打错字了，不愿意", "no"),
    ("不愿意……说反了，愿意", "yes"),
    ("不用，说反了，用承诺", "yes"),
    # the bare "no" denied, then the other answer
    ("不是否，是是", "yes"),
    # the proofs carried on the speaker, laughing
    ("否否否，证明我揣兜里呢哈哈", "no"),
    ("证明我揣兜里呢", "no"),
    # a joke that was no answer, then the answer in full
    ("我要坐火箭办哈哈，开玩笑的，用承诺", "yes"),
    # the other answer said never to have been given, then the answer
    ("我没说不愿意，就是愿意", "yes"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the normal procedure waved off: asked, hedged, someone else's, or more than the clause
    "一般程序就不走了吗",
    "一般程序应该就不走了吧",
    "我妈一般程序不走了",
    "一般程序就不走了，交证明",
    # a slip named, with doubt or a question after it
    "愿意，打错字了，可能不愿意",
    "不愿意，说反了，愿意吗",
    "万一说反了咋办",
    # the bare "no" denied, alone or before a question
    "不是否",
    "不是否，是是吗",
    "不是否，是否",
    # the proofs: where they are, asked
    "证明我揣兜里呢？",
    "证明揣哪里呢",
    # a joke replaced by a bare word, or nothing after it
    "我要坐火箭办哈哈，开玩笑的，是",
    "我要坐火箭办哈哈，开玩笑的",
    # the other answer said never to have been given: alone it states nothing
    "我没说不愿意",
    "我没说不用承诺",
    "我没说不愿意，就是想问问",
    # the key words misspelt: asked again, as "成诺办理" is
    "用成诺",
    "成诺办理",
    "按一般成序办",
    # marks: a cross alone, or on the answer itself
    "❌",
    "不用❌",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


@pytest.mark.parametrize("text,expected", [
    ("否❌ 是✅", "yes"),
])
def test_use_commitment_marks(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    # corrections
    ("代办，不对不对，是我本人，我儿子只是陪我来的", "self"),
    ("代办，哦不，还是我自己来，不麻烦别人了", "self"),
    ("自己办——等下，房子在我妈名下，那是代办", "proxy"),
    ("本人，等下，是帮我妈办", "proxy"),
    ("替我家猫办哈哈，开玩笑的，替我妈办", "proxy"),
    ("替我家猫办，开玩笑的，我自己办", "self"),
    # negations
    ("没有谁委托我，就是我自己的事", "self"),
    ("没有谁委托我", "self"),
    ("哪能让别人代办，自己的事自己跑", "self"),
    ("不让别人代办", "self"),
    ("我没说不是本人啊，就是我", "self"),
    # marks on the options
    ("代办❌ 本人✔️", "self"),
    ("本人✔️ 代办❌", "self"),
    ("本人❌ 代办✅", "proxy"),
    # the speaker named on the licence
    ("个体户执照上经营者写的就是我，我来办", "self"),
    ("营业执照法定代表人那栏写的就是我名字", "self"),
    # speaking for a relative
    ("我是我爸的全权代言人😂", "proxy"),
    ("我是我爸的全权代言人", "proxy"),
    # the word cut short or typed by its look-alike
    ("本亻", "self"),
    ("代", "proxy"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # a companion or courtesy alone says nothing of who acts; someone else helping is no courtesy
    "我儿子只是陪我来的",
    "我儿子陪我来的",
    "不麻烦别人了",
    "不用麻烦别人，我女儿替我弄",
    # corrections with doubt or a question after them
    "本人，不对……代办？我也搞糊涂了",
    "代办，等下，可能是本人",
    # a joke replaced by a bare word, still joked, hedged, or with nothing called a joke
    "替我家猫办哈哈，开玩笑的，代办",
    "替我家猫办哈哈，开玩笑的，替我妈办哈哈",
    "替我家猫办哈哈，开玩笑的，可能替我妈办",
    "开玩笑的，替我妈办",
    "替我家猫办哈哈，开玩笑的",
    # nobody else: asked, or someone else's word
    "有谁委托我吗",
    "哪能让别人代办",
    "我妈不让别人代办",
    "我妈不让别人代办，让我来",
    # the other answer said never to have been given: alone, or before someone else
    "没说不是本人",
    "我没说不是本人啊，就是我妈",
    # marks: a cross alone, on both, on the same side, or with more words
    "代办❌",
    "代办❌本人❌",
    "本人❌ 自己✔️",
    "代办❌ 本人✔️吧",
    # the licence: someone else's name, a denial, a hedge, a question
    "营业执照法定代表人那栏写的是我妈",
    "营业执照法定代表人那栏写的不是我",
    "营业执照法定代表人那栏写的应该是我",
    "营业执照法定代表人写的是我吗",
    # someone else as the spokesman
    "我爸是我的代言人",
    # 待办 is a word of its own ("pending"), typed for 代办 or not: asked again, as a misspelt 本人 (本认) is
    "待办",
    "待办事项",
    "我还有待办",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN
