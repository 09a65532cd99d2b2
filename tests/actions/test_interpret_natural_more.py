"""Natural answers at the two choices and at the names: laughter beside an answer, the reason told around it, the
name stated with a remark or a former name beside it. Each shape made readable is pinned beside the look-alikes
that must stay undecided or be read as a question: a bare yes beside laughter, a joke taken back, sarcasm, a hedge,
a condition, someone else's choice, a question about the name itself, a former name only, a refusal."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context, Reading

SELF = Context(applicant_name="张伟")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


def outcome(reading: Reading):
    return reading.value if reading.kind == "value" else reading.kind


# --- laughter beside a choice ---------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    # the answer stated in full words, the laughter at the situation
    ("use_commitment", "哈哈哈 当然愿意 谁愿意跑腿开证明啊", "yes"),
    ("use_commitment", "木有证明 只能承诺了😂", "yes"),
    ("use_commitment", "当然愿意😂", "yes"),
    ("use_commitment", "用承诺哈哈", "yes"),
    ("use_commitment", "交证明哈哈", "no"),
    ("use_commitment", "按一般程序走哈哈", "no"),
    ("acting_as", "我自己办哈哈", "self"),
    ("acting_as", "帮我妈办的😂", "proxy"),
    # the option named, and its obviousness asked back after it
    ("acting_as", "本人 哈哈 不然还能是鬼吗", "self"),
    ("acting_as", "代办 哈哈 不然还能是谁", "proxy"),
    # at who acts, the option's own word beside laughter: the choice commits to nothing, and a clerk would take it
    ("acting_as", "本人😂", "self"), ("acting_as", "哈哈，代办", "proxy"), ("acting_as", "我自己的哈哈", "self"),
    ("acting_as", "本人 hhh", "self"), ("acting_as", "代办😂", "proxy"),
])
def test_laughter_beside_an_answer_in_full_words(step, text, expected):
    assert outcome(interpret(step, text, SELF)) == expected


@pytest.mark.parametrize("step,text", [
    # a bare yes or a general assent beside laughter names no option and may be the dismissive "yeah, sure"
    ("use_commitment", "是😂"), ("use_commitment", "嗯呐😂"), ("use_commitment", "好的哈哈"),
    ("use_commitment", "就这样吧哈哈"), ("use_commitment", "没问题哈哈"), ("use_commitment", "是 哈哈 不然呢"),
    ("use_commitment", "愿意😂"), ("use_commitment", "证明😂"),
    # a sneer, sarcasm, the mock-emphatic, a wink, a teasing face
    ("use_commitment", "当然愿意呵呵"), ("use_commitment", "我可太愿意了哈哈"), ("use_commitment", "我才不用呢哈哈"),
    ("use_commitment", "愿意个屁哈哈"), ("use_commitment", "用承诺哈哈[狗头]"), ("use_commitment", "用承诺😜"),
    # the joke named or taken back
    ("use_commitment", "哈哈 当然愿意 开玩笑的"), ("acting_as", "我自己办哈哈，骗你的"),
    ("acting_as", "本人 哈哈 不然还能是鬼吗 开玩笑的"),
    # a hedge, a condition, someone else's choice, the emphasis alone, a figure of speech beside laughter
    ("use_commitment", "哈哈哈 可能用承诺吧"), ("use_commitment", "哈哈哈 要是不用跑腿就用承诺"),
    ("use_commitment", "哈哈 我儿子愿意用承诺"), ("acting_as", "我妈自己办哈哈"),
    ("acting_as", "哈哈 不然还能是鬼吗"), ("acting_as", "我哪有那么闲帮别人办，我自己的，哈哈"),
    # (a joke on the refusal, then the commitment said in full, "不用，开玩笑的，用承诺", is now that answer: an answer
    # called a joke and replaced by a full, plain one at a choice; see test_interpret_choices_natural.py)
    ("use_commitment", "不用，开玩笑的，是"),
])
def test_laughter_look_alikes_are_asked_again(step, text):
    assert outcome(interpret(step, text, SELF)) in ("clarify", "question")


# --- the reason told around a choice --------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    # who would want the other way, asked back after the answer (with a comma or a voice pause)
    ("use_commitment", "当然愿意，谁愿意跑腿开证明啊", "yes"),
    ("use_commitment", "当然愿意 谁愿意跑腿开证明啊", "yes"),
    ("use_commitment", "交证明，谁愿意承诺啊", "no"),
    # the answer's obviousness asked back after it
    ("acting_as", "本人，不然还能是谁", "self"),
    ("acting_as", "本人 不然还能是鬼吗", "self"),
    ("acting_as", "本人，不然呢", "self"),
    ("use_commitment", "是，不然呢", "yes"),
    # look-alikes: alone it asks (or is nothing), an answer and its own refusal asked back, "whoever wants"
    ("use_commitment", "谁愿意跑腿开证明啊", "question"),
    ("use_commitment", "用承诺，谁愿意用承诺啊", "clarify"),
    ("use_commitment", "谁愿意用谁用，我用承诺", "question"),
    ("acting_as", "不然呢", "question"),
    ("acting_as", "本人，不然还能是谁？我妈的", "question"),
])
def test_rhetorical_reason_and_emphasis_after_the_answer(step, text, expected):
    assert outcome(interpret(step, text, SELF)) == expected


@pytest.mark.parametrize("text,expected", [
    # Henan 不中 ("no good")
    ("咱就按一般程序走 不中承诺", "no"), ("不中承诺", "no"), ("不中", "no"),
    # look-alikes: 中不中 asks, 不中用 is another word, whether is not known
    ("承诺中不中", "question"), ("中不中", "question"), ("不中用", "clarify"), ("俺不知道中不中", "question"),
    # an intention given up, then the conclusion
    ("我本来想用承诺的，听说查得严，就先不用了，交证明", "no"), ("我本来想交证明，还是用承诺吧", "yes"),
    ("我本来就想用承诺", "yes"),
    # look-alikes: no conclusion drawn, a reason only, someone else's word after it, a fear, a question
    ("我本来想交证明的，但证明开不出来", "clarify"), ("我本来想用承诺的", "clarify"),
    ("我本来想用承诺的，我妈就说不用了", "clarify"), ("本来想用承诺，就怕查得严", "clarify"),
    ("我本来想用承诺的，这个要多久", "question"),
    # the choice put off, or asked about with 行不
    ("先不选，我去看看承诺书写的啥", "clarify"), ("先不选", "clarify"), ("先不选承诺", "clarify"),
    ("一半承诺一半交证明行不", "question"), ("承诺行不", "question"),
    # look-alikes: a request to be shown asks; "先不用" is a plain no
    ("我想看看承诺书写的啥", "question"), ("先不用", "no"),
    # those who issue the proofs ask more than the speaker can do
    ("村委会说要盖三个章，我实在跑不起", "yes"), ("社区让开三个证明，俺实在跑不动了", "yes"),
    # look-alikes: either half alone, no demand, the speaker able, someone else unable, a hedge, a condition, a question
    ("我实在跑不起", "clarify"), ("村委会说要盖三个章", "clarify"), ("村委会说不用盖章，我实在跑不起", "clarify"),
    ("村委会说要盖三个章，我跑得起", "clarify"), ("村委会说要盖三个章，我儿子实在跑不起", "clarify"),
    ("村委会说要盖三个章，我好像跑不起", "clarify"), ("如果村委会说要盖三个章，我实在跑不起", "clarify"),
    ("村委会说要盖三个章，我实在跑不起，承诺要跑吗", "question"),
    # someone else's word that it is fine is no choice; the speaker's conclusion after it is
    ("我闺女说这个能承诺，那就是", "yes"), ("我妈说可以，那就用吧", "yes"), ("那就不用了", "no"),
    ("我妈说可以", "clarify"), ("我闺女说这个能承诺", "clarify"), ("我闺女说这个好像能承诺，那就是", "clarify"),
])
def test_use_commitment_reasons_dialect_and_conclusions(text, expected):
    assert outcome(interpret("use_commitment", text, SELF)) == expected


@pytest.mark.parametrize("text,expected", [
    # last time told as the reason, this time the answer
    ("上次我爸自己弄没弄明白，这回我替他弄，他就坐我旁边", "proxy"),
    ("上次帮我爸办的，这回我自己的", "self"),
    # look-alikes: a real question about last time, a hedge or a question this time, last time alone, the order turned
    ("上次为什么没通过，这回我替他弄", "question"),
    ("上次我爸自己弄没弄明白，这回可能我替他弄", "clarify"),
    ("上次我爸自己弄没弄明白，这回我替他弄吗", "question"),
    ("上次我爸自己弄没弄明白", "question"),
    ("这回我替他弄，上次我爸自己弄没弄明白", "question"),
])
def test_acting_as_last_time_and_this_time(text, expected):
    assert outcome(interpret("acting_as", text, SELF)) == expected


# --- names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    # the name stated plainly, then a question about something else
    ("representative_name", "我是法人 王芳 需要我签字吗", "王芳"),
    ("representative_name", "法人是王芳，你问这个干嘛", "王芳"),
    ("representative_name", "法人是王芳，需要她本人来吗", "王芳"),
    ("applicant_name", "我叫张伟，如果重名怎么办", "张伟"),
    ("applicant_name", "我叫张伟，要多久能办好？", "张伟"),
    # who held the role before a registered change, told in a clause of its own after the name
    ("representative_name", "法人是王芳，2023年变更登记前是李强", "王芳"),
    # laughter at a famous name, the name vouched for
    ("applicant_name", "我叫黄晓明 哈哈 不是那个明星", "黄晓明"),
    ("applicant_name", "我叫黄晓明 哈哈 没开玩笑", "黄晓明"),
])
def test_names_stated_with_a_remark_beside_them(step, text, expected):
    ctx = ENTERPRISE if step == "representative_name" else SELF
    assert outcome(interpret(step, text, ctx)) == expected


@pytest.mark.parametrize("step,text,expected", [
    # the name itself asked about, or the question before it
    ("representative_name", "法人是王芳吗？我得看看执照", "question"),
    ("representative_name", "法人是王芳吗", "question"),
    ("representative_name", "法人是王芳，对吗", "question"),
    ("representative_name", "法人是王芳，是她吗", "question"),
    ("representative_name", "法人是王芳，还是写李强？", "question"),
    ("representative_name", "需要签字吗？法人是王芳", "question"),
    ("applicant_name", "我叫张伟，写张伟还是张玮", "question"),
    ("applicant_name", "我叫张伟，这个名字能用吗", "question"),
    ("applicant_name", "我叫张伟吗，如果重名怎么办", "question"),
    # the name denied, a former name only, a condition on it, a reservation, then a question
    ("representative_name", "不是王芳，需要签字吗", "question"),
    ("representative_name", "法人不是王芳，你问这个干嘛", "question"),
    ("representative_name", "法人以前是王芳，你问这个干嘛", "question"),
    ("representative_name", "法人是王芳，要是不对怎么办", "question"),
    ("representative_name", "法人是王芳，不过需要签字吗", "question"),
    # a guess, someone else who holds the name, a refusal, the speaker not the representative
    ("representative_name", "法人是王芳吧，需要签字吗", "clarify"),
    ("representative_name", "法人是我老婆王芳，需要签字吗", "clarify"),
    ("representative_name", "我不是法人，法人是王芳，需要我签字吗", "clarify"),
    ("representative_name", "法人是王芳，凭什么告诉你", "clarify"),
    # a former name only; the current one in brackets against the answer (a former name in brackets beside the
    # current one, "张伟（以前叫张小伟）", is no longer open: it is read as the comma form is)
    ("applicant_name", "（以前叫张小伟）", "clarify"),
    ("representative_name", "（2023年变更登记前是李强）", "clarify"),
    ("applicant_name", "张伟（现在叫张小伟）", "clarify"),
    ("applicant_name", "张伟（以前叫张小伟？）", "question"),
    ("representative_name", "法人是王芳（2023年变更登记后是李强）", "clarify"),
    ("representative_name", "法人2023年变更登记前是李强", "clarify"),
    # laughter without the name vouched for (a made-up name cannot be told apart), or with a joke or a sneer
    ("applicant_name", "我叫黄晓明 哈哈", "clarify"),
    ("representative_name", "法人是孙悟空 哈哈", "clarify"),
    ("representative_name", "Fa ren 王芳 lol", "clarify"),
    ("applicant_name", "我叫黄晓明 哈哈 开玩笑的", "clarify"),
    ("applicant_name", "我叫黄晓明 哈哈 骗你的 不是那个明星", "clarify"),
    ("applicant_name", "我叫黄晓明 呵呵 不是那个明星", "clarify"),
    ("applicant_name", "我叫黄晓明 哈哈 不是", "clarify"),
    ("applicant_name", "我叫黄晓明 哈哈 不是那个明星 好像是", "clarify"),
    ("applicant_name", "我叫黄晓明 哈哈 不是那个明星吗", "question"),
    # the name put off until a question is answered; put off alone is still declined
    ("applicant_name", "先不说名字，我想问下要多久", "question"),
    ("applicant_name", "先不说名字", "clarify"),
])
def test_name_look_alikes(step, text, expected):
    ctx = ENTERPRISE if step == "representative_name" else SELF
    assert outcome(interpret(step, text, ctx)) == expected
