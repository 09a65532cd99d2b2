"""The two choices (use_commitment, acting_as): ways of answering read since the first tables were written.
Each new decision is pinned beside look-alikes that must stay undecided (or read as a question): the option
pointed at by its place, the formal and the clerk's register, English and pinyin, rarer relations, a reason
that names whose matter it is, and a question set aside from the answer."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context, Reading

ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


def outcome(reading: Reading):
    return reading.value if reading.kind == "value" else reading.kind


USE_COMMITMENT = [
    # the option pointed at by its place: the question names 是 (the commitment) first
    ("第一个", "yes"), ("选第一个", "yes"), ("前者", "yes"), ("选前面那个", "yes"),
    ("第二个", "no"), ("后者", "no"), ("选后面那个，交证明", "no"),
    ("第一个吧？", "question"), ("第一个还是第二个好？", "question"), ("第一个吧，大概", "clarify"),
    ("我妈说第一个", "clarify"), ("第一个是什么意思", "question"),
    # the commitment refused in so many words
    ("来电人拒绝告知承诺，要求按一般程序办理", "no"), ("拒绝告知承诺", "no"),
    ("要是拒绝告知承诺会怎样", "question"), ("拒绝告知承诺的话还能办吗", "question"),
    # the proofs waved off and the commitment named in one breath
    ("不用证明用承诺", "yes"),
    ("不用证明用承诺吗", "question"), ("要是不用证明就用承诺", "clarify"), ("我妈说不用证明用承诺", "clarify"),
    # the way without errands, pointed at
    ("我要那个不用跑腿的", "yes"),
    ("要是不用跑腿的话就承诺", "clarify"), ("不用跑腿的那个是哪个", "question"), ("真的不用跑腿的吗", "question"),
    # the proofs cannot be had, or are in hand already
    ("户籍地太远了，证明没法去开", "yes"), ("证明没法去开", "yes"),
    ("证明没法去开吗", "question"), ("要是证明没法去开怎么办", "question"),
    ("证明上礼拜就开好了，在我手上", "no"),
    ("证明上礼拜就开好了吗", "question"),
    # "开证明的地方": the proofs describe someone, no choice of them
    ("开证明的地方说下个月才能开", "clarify"),
    # English
    ("I'd like to use the commitment option", "yes"), ("commitment please", "yes"),
    ("not the commitment", "clarify"), ("commitment?", "question"), ("maybe commitment", "clarify"),
    ("commitment if it's faster", "clarify"), ("yes if it's faster", "clarify"),
    ("I will submit the certificates instead", "no"), ("no, I'll bring the proofs", "no"),
    ("I don't want the commitment", "no"),
    ("I can't submit the certificates", "clarify"), ("should I submit the documents?", "question"),
    # pinyin
    ("shi de", "yes"), ("yuan yi", "yes"), ("bu yuan yi", "no"), ("bu yong", "no"),
    ("shi de ma", "clarify"), ("yuan yi ma", "clarify"),
    # 滴 for 的
    ("是滴是滴", "yes"), ("是滴？", "question"),
    # a question set aside from the answer by 另外/对了
    ("您好，刚才看了一下说明，那我就用告知承诺吧，另外你们几点下班？谢谢", "yes"),
    ("另外，用承诺吗？", "question"), ("用承诺吧，另外我再想想", "clarify"),
    # doubt the general words do not name: a lone 吧, a leaning, sarcasm, someone else's word, unsure whether
    ("是。。。吧", "clarify"), ("申请人倾向于告知承诺", "clarify"), ("愿意，我可太愿意了（翻白眼）", "clarify"),
    ("我媳妇说用承诺", "clarify"), ("我不确定要不要用承诺", "clarify"), ("哪个不用交证明就选哪个", "clarify"),
]


@pytest.mark.parametrize("text,expected", USE_COMMITMENT)
def test_use_commitment_more(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


ACTING_AS = [
    # rarer relations, the relation's 子, nothing after it
    ("帮我小舅子办", "proxy"), ("帮我大姨子办", "proxy"), ("替我连襟办", "proxy"), ("幫我嫲嫲搞", "proxy"),
    ("帮我们班主任办", "proxy"), ("帮我堂弟", "proxy"), ("办的是我姨妈的", "proxy"),
    ("帮我堂弟办行吗", "question"), ("我堂弟自己办", "clarify"), ("我连襟自己办", "clarify"),
    ("要是我大姨子来不了就帮她办", "clarify"), ("办的是我姨妈的吗", "question"),
    # a relative who cannot do it themself (said of 本人, it is the speaker's own reason)
    ("我妈不会用手机，所以我来", "proxy"),
    ("本人不会用手机，孙子帮我弄", "self"), ("我不会用手机", "clarify"),
    # the formal and the clerk's register
    ("本人系受托人", "proxy"), ("经办人即申请人本人", "self"), ("办理人与申请人为同一人", "self"),
    ("办理人与申请人不是同一人", "proxy"), ("经办人不是申请人本人", "proxy"), ("我妈和申请人是同一人", "clarify"),
    ("本人系受托人吗", "question"), ("经办人即申请人本人吗？", "question"), ("办理人与申请人是同一人吗", "question"),
    # the option pointed at by its place: 本人 is named first
    ("第一个", "self"), ("前者", "self"), ("后者", "proxy"), ("选后面那个", "proxy"), ("第二个", "proxy"),
    ("第一个吧？", "question"), ("后者吧可能", "clarify"),
    # English and pinyin
    ("I'm doing it for myself", "self"), ("it's for me", "self"), ("on behalf of my father", "proxy"),
    ("not for myself", "clarify"), ("for myself?", "question"), ("for myself maybe", "clarify"),
    ("not on behalf of anyone", "clarify"), ("for me and my mom", "clarify"),
    ("ben ren", "self"), ("benren", "self"), ("zi ji ban", "self"), ("dai ban", "proxy"), ("ｂｅｎｒｅｎ", "self"),
    ("benren?", "question"), ("bu shi benren", "proxy"), ("shi de bu", "clarify"),
    # acting for someone else asked back, then the speaker's own matter
    ("谁替别人办了，自己的", "self"),
    ("谁替别人办了，我妈的", "clarify"), ("谁替别人办了？", "question"),
    # a question set aside from the answer
    ("我自己的，我儿子说这个网上能办我就试试，对了今天几号截止", "self"),
    # both at once, half of one, a lone 吧, someone else called 本人
    ("我帮自己也帮邻居", "clarify"), ("半个本人吧", "clarify"), ("本人，吧", "clarify"), ("我妈是本人", "clarify"),
]


@pytest.mark.parametrize("text,expected", ACTING_AS)
def test_acting_as_more(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


ACTING_AS_ENTERPRISE = [
    ("我是法人授权的经办人", "proxy"), ("我是股东，不是法人", "proxy"), ("不是法人", "proxy"),
    ("我是前台，老板叫我弄的", "proxy"), ("我不是法人，但是我说了算", "proxy"),
    ("公司的事我是法人", "self"), ("营业执照上法人就是我", "self"),
    ("老板叫我弄的吗", "question"), ("我是公司负责人", "clarify"),
]


@pytest.mark.parametrize("text,expected", ACTING_AS_ENTERPRISE)
def test_acting_as_enterprise_more(text, expected):
    assert outcome(interpret("acting_as", text, ENTERPRISE)) == expected
