"""Natural answers at the two choices (use_commitment, acting_as) and at the names: an opinion is no choice, the
option said twice around 就 is resigned assent, a question set aside after a voice pause, the journey given up, a
joke replaced by a full plain answer, someone else's word reported across pauses and the speaker's conclusion, and a
former name in brackets beside the current one. Each shape made readable is pinned beside look-alikes that must stay
undecided: a hedge, a condition, a question, someone else's choice, a joke still going, a bare word, a negation, a
conclusion against the word it is drawn from, another current name."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


# --- an opinion is no choice ------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    # the choice stated, the opinion its reason
    ("use_commitment", "交证明，俺觉得交证明踏实些", "no"),
    ("use_commitment", "我觉得可以，就用承诺吧", "yes"),
    ("use_commitment", "用承诺，我觉得承诺省事", "yes"),
    # the opinion alone, against someone else's word, split by a pause, or on the other way than the choice
    ("use_commitment", "我老公说不要，我觉得可以", "clarify"),
    ("use_commitment", "我觉得可以", "clarify"),
    ("use_commitment", "我觉得 可以", "clarify"),
    ("use_commitment", "俺感觉用承诺好", "clarify"),
    ("use_commitment", "我个人觉得还是承诺吧", "clarify"),
    ("use_commitment", "我认为不用", "clarify"),
    ("use_commitment", "我不觉得承诺好", "clarify"),
    ("use_commitment", "用承诺，我觉得交证明踏实", "clarify"),
    ("use_commitment", "我妈觉得可以", "clarify"),
    ("use_commitment", "我觉得可以吗", "question"),
    ("acting_as", "我觉得是本人", "clarify"),
])
def test_an_opinion_is_no_choice(step, text, expected):
    assert outcome(step, text) == expected


# --- "X就X": resigned assent ----------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "行 承诺就承诺 反正我说的都是真的", "yes"),
    ("use_commitment", "行，承诺就承诺，反正我说的都是真的", "yes"),
    ("use_commitment", "承诺就承诺", "yes"),
    ("use_commitment", "用就用吧", "yes"),
    ("use_commitment", "那承诺就承诺吧", "yes"),
    # the refusal said the same way is a refusal (not the 就用 inside it)
    ("use_commitment", "不用就不用", "no"),
    ("use_commitment", "交证明就交证明", "no"),
    ("acting_as", "代办就代办", "proxy"),
    ("acting_as", "本人就本人", "self"),
    # look-alikes: asked, on a condition, what is said not (all) true, a hedge on it, an unread remark after a pause,
    # someone else's choice
    ("use_commitment", "承诺就承诺吗", "question"),
    ("use_commitment", "要是不用跑腿 承诺就承诺", "clarify"),
    ("use_commitment", "行 承诺就承诺 反正我说的不全是真的", "clarify"),
    ("use_commitment", "行，承诺就承诺，反正我说的不全是真的", "clarify"),
    ("use_commitment", "承诺就承诺，反正我填的有假", "clarify"),
    ("use_commitment", "行 承诺就承诺 反正我说的应该都是真的", "clarify"),
    ("use_commitment", "行 承诺就承诺 反正查不出来", "clarify"),
    ("use_commitment", "我儿子用承诺", "clarify"),
    ("use_commitment", "我妈交证明", "clarify"),
])
def test_resigned_assent(step, text, expected):
    assert outcome(step, text) == expected


# --- a question set aside after a pause -------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("acting_as", "本人办理 顺便问下停车场在哪", "self"),
    ("acting_as", "本人办理 另外问一下 停车场在哪", "self"),
    ("acting_as", "本人办理 还有个问题 几点下班", "self"),
    ("use_commitment", "用承诺 另外你们几点下班", "yes"),
    # look-alikes: the answer itself asked, hedged, on a condition, someone else acting, no pause before the aside,
    # the aside alone
    ("acting_as", "本人办理吗 顺便问下停车场在哪", "question"),
    ("acting_as", "可能本人办理 顺便问下停车场在哪", "clarify"),
    ("acting_as", "要是本人办理 顺便问下停车场在哪", "clarify"),
    ("acting_as", "我妈自己办 顺便问下停车场在哪", "question"),
    ("acting_as", "本人办理顺便问下停车场在哪", "question"),
    ("acting_as", "顺便问下停车场在哪", "question"),
])
def test_question_aside_after_a_pause(step, text, expected):
    assert outcome(step, text) == expected


# --- the journey given up ---------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("acting_as", "算了 回头让他自己来办", "cancel"),
    ("acting_as", "算了，让他自己来办", "cancel"),
    ("acting_as", "算了 回头我妈自己来办", "cancel"),
    ("acting_as", "算了，让他自己来", "cancel"),
    ("representative_name", "我不是法人，算了，重新开始选代办", "cancel"),
    ("representative_name", "算了，重新开始", "cancel"),
    ("use_commitment", "算了 重新开始吧", "cancel"),
    # look-alikes: 算了 before an answer drops only what was weighed; asked, hedged, no 算了, the name given after it
    # by someone who is not the representative, a restart without giving up
    ("use_commitment", "算了，还是用承诺吧", "yes"),
    ("acting_as", "算了，还是本人", "self"),
    ("acting_as", "算了，我自己来办", "self"),
    ("acting_as", "算了 回头让他自己来办吗", "question"),
    ("acting_as", "算了，他来过了", "clarify"),
    ("acting_as", "算了 他可能自己来办", "clarify"),
    ("acting_as", "回头让他自己来办", "clarify"),
    ("representative_name", "我不是法人，算了，法人是王芳", "clarify"),
    ("representative_name", "我不是法人，重新开始选代办", "clarify"),
    ("representative_name", "算了，法人是王芳", "王芳"),
])
def test_the_journey_given_up(step, text, expected):
    assert outcome(step, text) == expected


# --- a joke replaced by a full, plain answer ---------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "不用，开玩笑的，用承诺", "yes"),
    ("use_commitment", "不用承诺，开玩笑的，用承诺", "yes"),
    ("use_commitment", "用承诺，开玩笑的，交证明", "no"),
    ("acting_as", "代办，开玩笑的，我自己办", "self"),
    ("acting_as", "本人，开个玩笑，我帮我妈办的", "proxy"),
    # look-alikes: the mark last, nothing before it, the same answer again, joking still, a bare word after it, a
    # hedge, a condition or a question after it, someone else's choice after it
    ("use_commitment", "用承诺，开玩笑的", "clarify"),
    ("use_commitment", "开玩笑，用承诺", "clarify"),
    ("use_commitment", "用承诺，开玩笑的，用承诺", "clarify"),
    ("use_commitment", "开玩笑的，用承诺哈哈", "clarify"),
    ("use_commitment", "不用，开玩笑的，用承诺哈哈", "clarify"),
    ("use_commitment", "不用，开玩笑的，用承诺，开玩笑的", "clarify"),
    ("use_commitment", "开玩笑的，是", "clarify"),
    ("use_commitment", "不用，开玩笑的，是", "clarify"),
    ("use_commitment", "不用，开玩笑的，好的", "clarify"),
    ("use_commitment", "不用，开玩笑的，可能用承诺吧", "clarify"),
    ("use_commitment", "不用，开玩笑的，要是快就用承诺", "clarify"),
    ("use_commitment", "不用，开玩笑的，用承诺吗", "clarify"),
    ("use_commitment", "不用，开玩笑的，我儿子用承诺", "clarify"),
    ("acting_as", "本人，开个玩笑，是代办", "clarify"),
    ("acting_as", "代办，开玩笑的，本人", "clarify"),
    ("acting_as", "代办，开玩笑的，我自己办哈哈", "clarify"),
])
def test_joke_replaced_by_a_full_plain_answer(step, text, expected):
    assert outcome(step, text) == expected


# --- someone else's word across pauses, then the speaker's conclusion --------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("我闺女说 这个 这个能承诺 那就 是", "yes"),
    ("我妈说 可以 那就 用吧", "yes"),
    ("我老公说不要，那就交证明吧", "no"),
    # look-alikes: a hedge or a question in the word or the conclusion, no word reported, the word alone, a
    # conclusion against the word it is drawn from (with or without pauses)
    ("我闺女说 这个 好像能承诺 那就 是", "clarify"),
    ("我闺女说 这个能承诺 那就 是吗", "question"),
    ("我闺女说 这个能承诺吗 那就 是", "question"),
    ("我闺女 这个能承诺 那就 是", "clarify"),
    ("我妈说可以", "clarify"),
    ("我闺女说 这个 不能承诺 那就 是", "clarify"),
    ("我闺女说不能承诺，那就是", "clarify"),
    ("我妈说不可以，那就用吧", "clarify"),
    ("我闺女说这个能承诺，那就不用", "clarify"),
    ("我闺女说 这个能承诺 那就 不用", "clarify"),
])
def test_reported_word_then_conclusion(text, expected):
    assert outcome("use_commitment", text) == expected


# --- a former name in brackets beside the current one ------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("applicant_name", "张伟（以前叫张小伟）", "张伟"),
    ("applicant_name", "张伟（原名张小伟）", "张伟"),
    ("applicant_name", "张伟(曾用名:张小伟)", "张伟"),
    ("representative_name", "法人是王芳（2023年变更登记前是李强）", "王芳"),
    ("representative_name", "法人是王芳（以前是李强）", "王芳"),
    ("representative_name", "王芳（原法人李强）", "王芳"),
    # the comma forms, and the current name said with its former one
    ("representative_name", "法人是王芳，2023年变更登记前是李强", "王芳"),
    ("representative_name", "法人现在是王芳，以前是李强", "王芳"),
    ("applicant_name", "我改过名，以前叫张小伟，现在叫张伟", "张伟"),
    # what is said of the person now, or a name never changed, is no other current name
    ("applicant_name", "张伟，名字一直没换过", "张伟"),
    ("representative_name", "法人是王芳，现在人在外地", "王芳"),
    ("representative_name", "法人是王芳，换届后还是王芳", "王芳"),
    # look-alikes: the name left to a document, another name asked, another current name, a question, a hedge,
    # laughter, a change not yet made, the former name alone, the speaker not the representative
    ("applicant_name", "张伟（户口本上是张卫，以身份证为准）", "clarify"),
    ("applicant_name", "张伟（还是张玮？）", "question"),
    ("applicant_name", "张伟（现在叫张小伟）", "clarify"),
    ("applicant_name", "张伟（以前叫张小伟？）", "question"),
    ("applicant_name", "张伟（以前叫张小伟吧）", "clarify"),
    ("applicant_name", "张伟（以前叫张小伟 哈哈）", "clarify"),
    ("applicant_name", "张伟（以前叫张小伟，现在还没改过来）", "clarify"),
    ("applicant_name", "张伟，以前叫张小伟，现在还没改过来", "clarify"),
    ("applicant_name", "（以前叫张小伟）", "clarify"),
    ("representative_name", "法人是王芳（2023年变更登记后是李强）", "clarify"),
    ("representative_name", "法人是王芳，2023年变更登记后是李强", "clarify"),
    ("representative_name", "法人是王芳，现在是李强", "clarify"),
    ("representative_name", "法人是王芳，后来换成李强了", "clarify"),
    ("representative_name", "法人是王芳，正在变更为李强", "clarify"),
    ("representative_name", "法人王芳（正在变更为李强）", "clarify"),
    ("representative_name", "法人是王芳，执照还没变更过来", "clarify"),
    ("representative_name", "法人是王芳（2023年变更登记前是李强）吧", "clarify"),
    ("representative_name", "我不是法人，法人是王芳（以前是李强）", "clarify"),
])
def test_former_name_in_brackets(step, text, expected):
    assert outcome(step, text) == expected
