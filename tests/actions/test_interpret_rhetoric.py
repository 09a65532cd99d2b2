"""Rhetoric beside an answer at the two choices and at the legal representative's name: a rhetorical question, a
denied opposite or a mockery of the other way that says the same as an answer stated in words is emphasis, and the
answer decides. Alone (where it names the way only by the figure of speech), against the stated answer, beside a hedge,
a joke or a worry, or where it may be a real question, it is asked again. The answer's own word with its opposite
denied ("哪能不愿意", "不愿意才怪") states the answer, and is read even alone; the answer itself called absurd ("愿意才怪")
is sarcasm, and is asked again. A name then the misspelling it is not ("是王芳不是王方") is that name."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


# --- the answer's own word, its opposite denied ------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "哪能不愿意呢", "yes"),
    ("use_commitment", "哪会不愿意", "yes"),
    ("use_commitment", "哪能不愿意？", "yes"),
    ("use_commitment", "愿意，没啥不愿意的", "yes"),
    ("use_commitment", "没啥不愿意的", "yes"),
    ("use_commitment", "同意，没什么不同意的", "yes"),
    ("use_commitment", "有啥不愿意的", "yes"),
    ("use_commitment", "愿意啊，有啥不愿意的", "yes"),
    ("use_commitment", "不愿意才怪", "yes"),
    ("use_commitment", "不同意才怪", "yes"),
    ("use_commitment", "不用承诺才怪呢", "yes"),
    ("use_commitment", "哪能不交证明，我都开好了", "no"),
    ("acting_as", "不是本人还能是谁", "self"),
    ("acting_as", "不是我还能是谁", "self"),
    ("acting_as", "不是本人还能是谁啊", "self"),
    ("acting_as", "除了我还能有谁", "self"),
    ("acting_as", "哪能不是本人", "self"),
    ("acting_as", "不是本人才怪", "self"),
])
def test_the_answer_word_with_its_opposite_denied(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # X才怪 on the answer itself: sarcasm that reverses, asked again (as "已阅读，才怪" is)
    ("use_commitment", "愿意才怪"), ("use_commitment", "交证明才怪"), ("acting_as", "本人才怪"),
    ("use_commitment", "愿意，愿意才怪"), ("use_commitment", "我愿意？做梦吧"),
    # someone else, a worry, a reservation, a condition, a joke, a tag question beside it
    ("use_commitment", "我妈哪能不愿意"), ("use_commitment", "哪能不愿意呢，就是怕出事"),
    ("use_commitment", "哪能不愿意，不过得问问我儿子"), ("use_commitment", "要是能快点，哪能不愿意"),
    ("use_commitment", "不愿意才怪，开玩笑的"), ("use_commitment", "不愿意才怪，但是怕担责任"),
    ("use_commitment", "有啥不愿意的，只要不罚款"), ("use_commitment", "没啥不愿意的吧"),
    ("use_commitment", "哪能不愿意 哈哈"),
    # only the words of consent: "有啥不一样的" asks what differs
    ("use_commitment", "有啥不一样的"),
    # who else may act, or what else there is, asked for real
    ("acting_as", "不是本人还能是谁办"), ("acting_as", "不是我还能是谁？我儿子吗"),
    ("acting_as", "除了我还能有谁替我办"), ("use_commitment", "除了承诺还有啥"),
    # the word against another clause
    ("acting_as", "不是我还能是谁，我替我妈办"), ("acting_as", "我哪能不是本人，我妈让我来的"),
])
def test_denied_opposite_look_alikes_are_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN


# --- a rhetorical question beside the answer, saying the same ----------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "肯定承诺啊，谁还去开那个证明", "yes"),
    ("use_commitment", "当然用承诺，谁还跑去开证明啊", "yes"),
    ("use_commitment", "愿意，谁稀罕开那证明", "yes"),
    ("use_commitment", "愿意愿意，谁想跑断腿啊", "yes"),
    ("use_commitment", "承诺啊，谁乐意跑断腿", "yes"),
    ("use_commitment", "愿意 谁想跑来跑去啊", "yes"),
    ("use_commitment", "用承诺呗，还能咋地", "yes"),
    ("use_commitment", "承诺呗 还能咋样", "yes"),
    ("use_commitment", "咋不愿意，愿意", "yes"),
    ("use_commitment", "咋不愿意？愿意啊", "yes"),
    ("use_commitment", "愿意，咋不愿意", "yes"),
    ("use_commitment", "愿意，谁不愿意啊", "yes"),
    ("use_commitment", "用承诺，谁不想省事", "yes"),
    ("use_commitment", "用承诺，谁说不用了", "yes"),
    ("use_commitment", "好，谁还去开证明", "yes"),
    ("use_commitment", "交证明，谁还承诺啊", "no"),
    ("use_commitment", "不愿意，谁说我愿意了", "no"),
    ("use_commitment", "不用承诺，我证明都开好了，还能咋地", "no"),
    ("acting_as", "就我自己 还能有谁", "self"),
    ("acting_as", "本人 还能有谁", "self"),
    ("acting_as", "就我 还能有谁", "self"),
    ("acting_as", "还能有谁，我呗", "self"),
    # (the "?" that ended the obviousness asked back asks nothing either)
    ("acting_as", "我本人呀，还能有谁呢？", "self"),
    ("acting_as", "本人，不然呢？", "self"),
    ("use_commitment", "是，不然呢？", "yes"),
    ("acting_as", "我本人啊，难道还有人替我办不成😂", "self"),
    ("acting_as", "就是我本人，难道还能是别人不成", "self"),
    ("acting_as", "本人，哪能是代办", "self"),
    ("acting_as", "我本人，谁说我是代办了", "self"),
    ("acting_as", "本人，咋不是本人", "self"),
    ("acting_as", "我自己的事，还能咋地", "self"),
    ("acting_as", "代办，还能是谁，我妈腿脚不好来不了", "proxy"),
    ("acting_as", "帮我妈办的，谁说是本人了", "proxy"),
])
def test_rhetorical_question_agreeing_with_the_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text,expected", [
    # alone: the way is named only by the figure of speech
    ("use_commitment", "谁还去开证明啊", "question"),
    ("use_commitment", "还能咋地", "question"),
    ("use_commitment", "咋不愿意", "question"),
    ("use_commitment", "谁不愿意啊", "question"),
    ("use_commitment", "难道交证明不成", "question"),
    ("acting_as", "还能是谁", "question"),
    ("acting_as", "难道还有人替我办不成", "question"),
    # a real question, with or without an answer beside it
    ("use_commitment", "谁去开证明？", "question"),
    ("use_commitment", "还能用承诺吗", "question"),
    ("use_commitment", "用承诺，谁还要签字？", "question"),
    ("acting_as", "本人，还能有谁？我妈？", "question"),
    ("acting_as", "不然呢？", "question"),
    ("acting_as", "本人，不然呢？我妈的", "question"),
    # against the stated answer: the contradiction it says
    ("use_commitment", "用承诺，谁愿意用承诺啊", "clarify"),
    ("use_commitment", "不愿意，咋不愿意", "clarify"),
    ("use_commitment", "交证明，谁想跑断腿啊", "clarify"),
    ("acting_as", "代办，谁说是代办了", "clarify"),
    ("acting_as", "本人，难道是本人不成", "clarify"),
    # a worry or an errand that names no way, beside the answer (only a statement naming the same way is read)
    ("use_commitment", "愿意，谁想被查啊", "question"),
    ("use_commitment", "交证明，谁不怕查啊", "question"),
    ("acting_as", "本人，难道还要我妈来不成", "question"),
    # a hedge, a joke, someone else
    ("use_commitment", "可能用承诺吧，谁还去开证明", "clarify"),
    ("acting_as", "可能本人吧，还能有谁", "clarify"),
    ("acting_as", "就我自己 还能有谁 开玩笑的", "clarify"),
    ("acting_as", "我妈自己办，还能有谁", "clarify"),
])
def test_rhetorical_question_look_alikes(step, text, expected):
    assert outcome(step, text) == expected


# --- the other way mocked ---------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "当然是 傻子才去开证明", "yes"),
    ("use_commitment", "当然是，傻子才去开证明", "yes"),
    ("use_commitment", "当然用承诺，傻子才去开证明", "yes"),
    ("use_commitment", "用承诺，傻瓜才去开证明呢", "yes"),
    ("use_commitment", "愿意，傻子才不愿意", "yes"),
    ("use_commitment", "交证明，傻子才承诺", "no"),
    ("acting_as", "代办，傻子才自己跑", "proxy"),
    # "当然是": the question's own 是, said as of course
    ("use_commitment", "当然是", "yes"),
])
def test_the_other_way_mocked_beside_the_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # alone: a way named only to be mocked is no choice of it
    ("use_commitment", "傻子才去开证明"), ("use_commitment", "只有傻子才不用承诺"), ("use_commitment", "傻子才愿意"),
    # against the answer, a mockery not read, laughter with it, a question
    ("use_commitment", "用承诺，傻子才用承诺"), ("use_commitment", "肯定承诺，只有傻子才去跑证明"),
    ("use_commitment", "愿意，傻子才不愿意，哈哈"), ("use_commitment", "当然是吗"), ("use_commitment", "当然是，可能吧"),
    ("use_commitment", "我妈当然是"),
])
def test_mockery_look_alikes_are_asked_again(step, text):
    assert outcome(step, text) in ASKED_AGAIN


@pytest.mark.parametrize("text,expected", [
    # the proofs' errands not wanted, by the speaker
    ("不想跑腿", "yes"), ("我实在不想再跑来跑去", "yes"),
    # someone else's wish, a condition, a refusal beside it
    ("我儿子不想跑腿", "clarify"), ("要是不想跑腿就承诺", "clarify"), ("我不想跑腿，但是也不想承诺", "clarify"),
])
def test_the_proofs_errands_not_wanted(text, expected):
    assert outcome("use_commitment", text) == expected


# --- names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    # the name, then the misspelling it is not, in one breath
    ("representative_name", "是王芳不是王方", "王芳"),
    ("representative_name", "法人是王芳不是王方", "王芳"),
    ("representative_name", "王芳不是汪芳", "王芳"),
    ("representative_name", "王芳（不是王方）", "王芳"),
    ("representative_name", "不是王方是王芳", "王芳"),
    ("representative_name", "是王芳而不是王方", "王芳"),
    ("representative_name", "法人是王芳不叫王方", "王芳"),
    ("representative_name", "法人王芳，不是王方，也不是汪芳", "王芳"),
    ("applicant_name", "我叫张伟不是张玮", "张伟"),
    # the name's obviousness asked back beside it, or the name said as the only one it can be
    ("representative_name", "法人就是王芳，还能是谁", "王芳"),
    ("representative_name", "王芳 还能有谁", "王芳"),
    ("representative_name", "法人是王芳，难道还有别人不成", "王芳"),
    ("representative_name", "不是王芳还能是谁", "王芳"),
    ("representative_name", "除了王芳还能有谁", "王芳"),
])
def test_names_with_a_look_alike_denied_or_said_as_obvious(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text,expected", [
    # not a look-alike, both denied, the same name, a third name after it
    ("representative_name", "王芳不是李强", "clarify"),
    ("representative_name", "不是王芳不是王方", "clarify"),
    ("representative_name", "我不是王芳，不是王方", "clarify"),
    ("representative_name", "是王芳不是王芳", "clarify"),
    ("representative_name", "法人是王芳不是王方是王放", "clarify"),
    # a hedge, a question, laughter, the speaker not the representative
    ("representative_name", "是王芳不是王方吧", "clarify"),
    ("representative_name", "法人好像是王芳不是王方", "clarify"),
    ("representative_name", "是王芳不是王方吗", "question"),
    ("representative_name", "不是王方是王芳吗", "question"),
    ("representative_name", "法人王芳，不是王方吗", "question"),
    ("representative_name", "是王芳不是王方 哈哈", "clarify"),
    ("representative_name", "是王芳不是王方，我是她老公", "clarify"),
    ("representative_name", "王芳不是王方，是我老婆", "clarify"),
    # the obviousness alone, a real question, whose name it is, another name asked
    ("representative_name", "还能是谁", "question"),
    ("representative_name", "不是王芳还能是谁办", "question"),
    ("representative_name", "我老婆王芳，还能是谁", "clarify"),
    ("representative_name", "法人是王芳，还能是谁？李强？", "question"),
])
def test_name_look_alikes(step, text, expected):
    assert outcome(step, text) == expected
