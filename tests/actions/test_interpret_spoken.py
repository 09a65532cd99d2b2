"""Spoken and chatty answers to the choice and name steps (actions/interpret.py): voice input that types its pauses
as spaces, dialect and internet words for "all right", an emoji beside a bare answer, English, a surname stammered
before the whole name. Each answer now decided is pinned beside look-alikes that must still be asked again (or read
as a question): a hedge, a condition, a question, someone else's choice, a negation whose reach the pause hides,
doubt after the answer, a word the space cut in two."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context

SELF = Context()
PROXY_AGENT = Context(acting_as="proxy", applicant_name="赵强")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


def outcome(reading):
    return reading.value if reading.kind == "value" else reading.kind


def check(step, cases, ctx=SELF):
    wrong = [(text, want, outcome(interpret(step, text, ctx))) for text, want in cases
             if outcome(interpret(step, text, ctx)) != want]
    assert not wrong, wrong


# --- use_commitment -----------------------------------------------------------------------------------------

def test_dialect_and_internet_words_for_all_right():
    check("use_commitment", [
        ("管", "yes"), ("管嘞", "yes"), ("嗯呐", "yes"), ("安排", "yes"), ("安排上", "yes"), ("sure", "yes"),
        # look-alikes: asked both ways, negated, a later errand, doubt in English or by a face
        ("管不管用啊", "question"), ("不管", "clarify"), ("安排一下再说", "clarify"), ("not sure", "clarify"),
        ("sure?", "question"), ("嗯呐🤔", "clarify"), ("好的🤔", "clarify"),
    ])


def test_an_emoji_beside_a_bare_answer_is_no_word_of_it():
    check("use_commitment", [
        ("嗯呐👌", "yes"), ("不要不要🙅 我有证明", "no"),
        # a laughing or doubtful face is still a joke or doubt
        ("嗯呐😂", "clarify"), ("嗯呐🤔", "clarify"), ("是😂", "clarify"),
    ])


def test_the_choice_mocked_is_a_no():
    check("use_commitment", [
        ("愿意个头 我要交证明", "no"),
        # the rude words that are already jokes stay asked again
        ("愿意个头啊", "clarify"), ("同意个鬼 交证明", "clarify"), ("同意个屁", "clarify"),
    ])


def test_voice_pauses_are_clause_boundaries_when_the_whole_decides_nothing():
    check("use_commitment", [
        ("没毛病 安排", "yes"),
        ("不承诺 怕担责任", "no"),
        ("我不 愿意", "no"),
        # look-alikes: a negation whose reach the pause hides, a choice left to us, someone else's choice, a hedge
        # cut by a space, a condition or question after the answer, a piece no rule reads, a sound before content
        ("不考虑 承诺", "clarify"),
        ("别 承诺", "clarify"),
        ("好 你们定", "clarify"),
        ("我儿子 愿意", "clarify"),
        ("应 该愿意", "clarify"),
        ("没毛病 安排 要是不用再跑的话", "clarify"),
        ("不承诺 怕担责任 你说呢", "clarify"),
        ("不承诺 怕不担责任", "clarify"),
        ("愿意 吗", "question"),
        ("好 好 证明我明天拿来", "clarify"),
        ("对 就是那个 证明", "clarify"),
        ("嗯 证明 我有", "clarify"),
        # (someone else's word reported across pauses, then the speaker's conclusion after a pause, is read as its
        # comma form "我闺女说这个能承诺，那就是" is: the pause before 那就 is the comma; see test_interpret_choices_natural.py)
        ("我闺女说 这个 这个能承诺 那就 是", "yes"),
        ("我闺女说 这个 好像能承诺 那就 是", "clarify"),
    ])


def test_a_sound_before_unread_words_is_no_yes():
    check("use_commitment", [
        ("嗯，证明，我有", "clarify"),
        # the sound alone, or before an answer, is still the yes it was
        ("嗯", "yes"), ("嗯，好的", "yes"), ("嗯嗯 就用承诺那个 省得跑来跑去", "yes"),
    ])


def test_whether_or_which_not_known_is_doubt_not_a_question():
    check("use_commitment", [
        ("中不中俺也不知道 恁看着办吧", "clarify"), ("我不知道选哪个", "clarify"),
        # asked outright, it stays a question
        ("中不中啊", "question"), ("承诺和交证明 我不知道选哪个 哪个快", "question"), ("哪个快", "question"),
    ])


# --- acting_as ----------------------------------------------------------------------------------------------

def test_english_self_and_proxy():
    check("acting_as", [
        ("myself", "self"), ("me", "self"), ("for my mom", "proxy"), ("for my father", "proxy"),
        # negated, hedged, both, or asked
        ("not for my mom", "clarify"), ("for my mom maybe", "clarify"), ("not myself", "clarify"),
        ("myself or my son", "clarify"), ("me?", "question"),
    ])


def test_pauses_that_show_two_answers_take_the_decision_back():
    check("acting_as", [
        # read without its pauses each is one clause with 本人 in it; with them, someone else is named too
        ("本人 我老婆", "clarify"), ("我自己 我妈的事", "clarify"), ("我 本人 不是 是我妈", "clarify"),
        ("本人 就是 我儿子", "clarify"), ("自己 嗯 我妈的", "clarify"),
        # someone who only types for the speaker stays an aside; the same answer said in pieces stays that answer
        ("本人 我闺女帮我弄", "self"), ("嗯 就我 就我自己 本人", "self"), ("本人 本人 是我", "self"),
    ])


def test_voice_pauses_never_split_a_word_into_an_answer():
    check("acting_as", [
        ("嗯 就我 就我自己 本人", "self"),
        # "我 替我 妈" is 替我妈 cut by the pauses, not a bare 我; the speaker with someone else is both
        ("我 替我 妈", "clarify"), ("我 和我妈", "clarify"), ("我 还有我老伴", "clarify"),
        ("我啊 我妈让我来", "clarify"), ("本人 应 该是", "clarify"), ("我妈 自己办", "clarify"),
    ])


# --- names --------------------------------------------------------------------------------------------------

def test_a_stammered_surname_before_the_whole_name():
    check("representative_name", [
        ("那个 法人 法人是 王 王春生", "王春生"), ("法人是 张 张 张建华", "张建华"),
        # a name typed apart is still one name
        ("法人是 陆 建 平", "陆建平"), ("张 伟", "张伟"),
        # look-alikes: a hedge, two names, the speaker not the representative
        ("王 王春生吧 好像是", "clarify"), ("王 王春生 还是王春山", "clarify"), ("王 王芳 法人是我老婆", "clarify"),
        # the name begun, broken off and said again whole; the same name said twice is still that name
        ("那个 法人啊 是我 我叫王建 王建设", "王建设"), ("王芳 王芳", "王芳"),
        ("王建 王建设 还是王建国", "clarify"), ("法人是王建 王建设吧", "clarify"),
    ], ENTERPRISE)


def test_the_representative_named_as_a_relative_said_slowly():
    check("representative_name", [
        ("嗯 那个 我们这个店啊 营业执照上法人写的是 写的是 我老伴 叫 叫马桂芝", "clarify"),
        ("法人写的是 我妈 王秀英", "clarify"),
        ("法人是我哥 叫高远 嗯呐", "clarify"),
        # the name, then who its bearer is to the speaker
        ("王芳 我妈", "clarify"), ("王芳，是俺老伴", "clarify"),
        ("王芳 我本人", "王芳"), ("王芳 就是我", "王芳"),
        # the speaker who is the representative still names themself
        ("法人就是我 我叫韩梅梅", "韩梅梅"), ("法人是我，我叫王芳", "王芳"), ("法人就是我，王建军", "王建军"),
    ], ENTERPRISE)


def test_a_tease_is_no_question():
    check("applicant_name", [
        ("你猜我叫啥😜", "clarify"), ("猜猜我叫什么", "clarify"),
        ("我叫什么你们系统里查不到吗", "question"), ("为啥要告诉你名字", "question"),
    ])


@pytest.mark.parametrize("text, want", [
    ("代办人刘洋，电话13912345678", "刘洋"), ("我是他闺女 赵雪 嗯呐", "赵雪"), ("刘洋 哦不对", "clarify"), ("赵强", "clarify"),
])
def test_agent_names_in_sentences(text, want):
    assert outcome(interpret("agent_name", text, PROXY_AGENT)) == want
