"""Plain answers at the two choices (use_commitment, acting_as) with something said beside them: a reason (what the
speaker knows of their own household, nothing to hide, a way not understood), a change of mind settled with 还是 or
after thinking it over, a misunderstood question put right, laughter at the situation; the household head; in whose
name the matter is done; a stop that names the matter. And what must not be read as an answer: whether an errand is
still needed, asked without its mark; a wish stated by a double negation, then what stands in its way. Each accepted
form is pinned with look-alikes that are asked again or keep their other value."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # what the speaker knows of their own household, beside the answer: no question to us
    ("承诺就行，我又不是不知道自己家啥情况", "yes"),
    ("愿意，家里啥情况我心里有数", "yes"),
    # nothing to hide, beside the answer, with laughter at the situation
    ("用承诺，反正俺家穷得叮当响，没啥可瞒的😂", "yes"),
    # one way chosen, a reason against it, then the other settled on with 还是
    ("交证明吧，哎呀证明要跑好几个地方，还是承诺吧", "yes"),
    ("交证明吧，太远了，还是承诺吧", "yes"),
    # an intention given up after thinking it over ("想想还是…")
    ("本来想承诺的，想想还是交证明稳当", "no"),
    # a way the speaker cannot understand or read, beside the other way chosen: the reason for it
    ("交材料，承诺那个我弄不明白", "no"),
    ("承诺那个我弄不明白，交材料", "no"),
    ("我眼睛不好，承诺那么多字看不清，还是交证明", "no"),
    # the question misunderstood, then the answer put right
    ("我选否，哦我理解反了，我选是", "yes"),
    ("我选否，我理解错了，我选是", "yes"),
    # the commitment's way pointed at and settled with 就; the commitment judged better with 还是
    ("嗯就那个承诺的吧", "yes"),
    ("还是承诺好", "yes"),
    # the matter itself given up
    ("不申请低保了，丢不起这人", "cancel"),
    ("不申请补贴了", "cancel"),
    # look-alikes that keep their value
    ("这还用问？当然用承诺", "yes"),
    ("上次用的承诺，这次还用承诺", "yes"),
    ("证明都跑了几趟了，承诺吧", "yes"),
    ("不是不信你们，就是交证明踏实", "no"),
    ("不是不愿意，就是刚才没看明白，愿意的，用承诺办", "yes"),
    ("我不是不想交证明", "no"),
    ("不办证明了", "yes"),
    ("我不办了，想按一般程序交证明", "no"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # whether an errand is still needed, or how many trips, asked without the question's mark
    "承诺了还用跑几趟",
    "承诺了还用交证明",
    "承诺了要跑几回",
    # a wish stated by a double negation, then what stands in its way: no choice made
    "我不是不想交证明，就是开不出来",
    "我不是不想交证明，就是证明开不出来",
    "不是不愿意，就是怕担责任",
    # the household not known, or the knowing asked
    "愿意，我不知道家里啥情况",
    "愿意，啥情况我心里没数",
    "愿意，你知道我家啥情况吗",
    # something to hide asked back, or the remark alone with laughter
    "愿意，有啥可瞒的",
    "用承诺，反正俺家穷得叮当响，有啥可瞒的😂",
    "没啥可瞒的😂",
    # 还是: the two ways said back, a story speaking for the other way, "still have to", which is better, a question
    "用承诺，还是交证明",
    "用承诺吧，还是交证明吧",
    "开证明跑了三趟，还是交证明吧",
    "交证明吧，太远了，还是得承诺",
    "交证明吧，证明要跑好几个地方，还是承诺好",
    "交证明吧，太远了，还是承诺吧？",
    "交证明还是承诺好",
    "还是承诺好？",
    # thinking over put off, asked, or between two ways
    "本来想承诺的，再想想还是交证明",
    "本来想承诺的，想想还是交证明吗",
    "想想还是交证明还是承诺",
    "我再想想",
    # a way not understood: alone, beside itself, hedged, asked, or a request after it
    "承诺那个我弄不明白",
    "承诺那么多字看不清",
    "用承诺，承诺那个我弄不明白",
    "用承诺，承诺那么多字看不清",
    "交材料，承诺那个我不太明白",
    "交材料吗，承诺那个我弄不明白",
    "交材料，承诺那个我弄不明白，你给讲讲",
    # the question misunderstood: nothing after it, a question or doubt after it, or only feared
    "我选否，哦我理解反了",
    "我选否，哦我理解反了，我选是吗",
    "是，理解反了，可能选否",
    "怕理解反了",
    # 就…的吧: a guess, asked back, hedged
    "是承诺的吧",
    "不就承诺的吧",
    "应该就承诺的吧",
    # a stop on a condition
    "要是交证明我就不办了",
    "要是要交证明我就不申请低保了",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


@pytest.mark.parametrize("text,expected", [
    # the household head, for the household
    ("我是户主，给俺家办低保", "self"),
    ("我是户主", "self"),
    ("户主是我", "self"),
    # in whose name the matter is done
    ("用我的名义办", "self"),
    ("本人，用我的名义", "self"),
    ("以我爸的名义申请", "proxy"),
    # the errand runner, with laughter at the situation
    ("代办，我就是个跑腿的命😂", "proxy"),
    ("我就是个跑腿的", "proxy"),
    # the matter handed back to the relative, and a stop
    ("让我爸自己来吧，我不办了", "cancel"),
    # look-alikes that keep their value
    ("我爸自己来不了", "proxy"),
    ("让我自己来吧", "self"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # someone else's matter, but in the speaker's name (and the reverse): contradictions
    "我爸的事，但用我的名义办",
    "是我本人，但用我爸的名义办",
    # the household head: someone else's, denied, or beside acting for someone else
    "我是户主的儿子",
    "我不是户主",
    "户主是我爸",
    "我是户主，帮我妈办",
    # the errand runner denied, or against the answer
    "我又不是跑腿的",
    "本人，我就是个跑腿的命😂",
    # the relative to do it themself: no answer of the speaker's
    "让我爸自己来吧",
    "还是让我妈自己办吧",
    # a wish stated by a double negation, then what stands in its way
    "我不是不想自己办，就是不会弄",
    # 还是 at who acts is not read as a change of mind (the question's own alternative)
    "本人办理，还是代他人办理",
    "我自己办，太麻烦了，还是代办吧",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN


# The matter said to be a third person's, on a clause of its own: someone else's. Beside 本人 it says both.
@pytest.mark.parametrize("text,expected", [
    ("她的事", "proxy"),
    ("是他的低保", "proxy"),
    ("本人，她的事", "clarify"),
    ("本人，他的事", "clarify"),
    ("我的事", "self"),
])
def test_a_third_persons_matter(text, expected):
    assert outcome("acting_as", text) == expected
