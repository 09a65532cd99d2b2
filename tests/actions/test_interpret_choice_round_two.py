"""Choices and the representative's name (actions/interpret.py): an either/or about what to write asked, even when the
first of the two is a whole phrase (写身份证上的还是平时叫的) or the two are 的-phrases side by side; 算了 with the
speaker not the representative and the plan to take the proxy's way, the course the question itself lays out; the verb
asked both ways and answered at once by the speaker (恁说我用不用？用！); 谁想 asked back as the reason beside a firm answer,
and trips made over and over (来回跑) denied with the errand; not understanding the commitment ("不懂啥承诺不承诺的",
told after the speaker's age) as the reason of a plain no; the north's 不整了 with the matter put off as a stop. Each accepted form is pinned
beside look-alikes that stay asked, undecided or read as they were."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


# --- an either/or about what to write is a question, never a name ------------------------------------------------

@pytest.mark.parametrize("text", [
    "法人的名字写户口本上的还是身份证上的",
    "是填执照上登记的还是他平常用的",
    "户口本上的还是身份证上的呢",
    "按营业执照上的还是按身份证上的",
    "要大名还是小名",
    "填全称还是简称",
])
def test_either_or_about_what_to_write_is_asked(text):
    assert outcome("representative_name", text) == "question"


@pytest.mark.parametrize("text,expected", [
    # 还是 "still", after a word of time, with the name: read
    ("执照上写的法人现在还是王芳", "王芳"),
    ("法人一直还是王芳", "王芳"),
    # a second name set against the first stays open, not asked
    ("王芳，不过营业执照上还是李强", "clarify"),
    # a choice of two names stays undecided
    ("法人是王芳还是李强", "clarify"),
])
def test_still_and_two_names_are_not_the_either_or(text, expected):
    assert outcome("representative_name", text) == expected


# --- 算了, not the representative, and the proxy's way taken later ---------------------------------------------

@pytest.mark.parametrize("text", [
    "算了，俺不是法人，等会儿选代办",
    "我不是法定代表人，那算了，回头我再选代办吧",
    "那算了，法人不是我，我去走代办",
])
def test_given_up_for_the_proxy_way_is_a_stop(text):
    assert outcome("representative_name", text) == "cancel"


@pytest.mark.parametrize("step,text,expected", [
    # the proxy's way planned without 算了, or without the reason: not the stop
    ("representative_name", "我不是法人，回头选代办", "clarify"),
    ("representative_name", "算了，我去选代办", "clarify"),
    # a name given beside it, or the plan asked
    ("representative_name", "算了，我不是法人，回头选代办，法人是李强", "clarify"),
    ("representative_name", "算了，我不是法人，等会选代办行吗", "question"),
    # a relative named as the representative: not the representative, asked again
    ("representative_name", "我不是法人，是我姐刘丽", "clarify"),
    # at the choice of who acts, not being the applicant is an answer, and the proxy's way chosen a change of mind
    ("acting_as", "算了，我不是本人，回头选代办", "proxy"),
    ("acting_as", "算了，回头选代办", "proxy"),
])
def test_look_alikes_of_giving_up_stay_as_read(step, text, expected):
    assert outcome(step, text) == expected


# --- the question asked both ways, answered by the speaker at once ----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("你说俺愿不愿意？那必须愿意啊", "yes"),
    ("证明开了俩礼拜没开出来，你说我承诺不承诺？承诺！", "yes"),
    ("您说我用不用承诺？不用！证明早开好了", "question"),
    ("你说我用不用承诺？不用！", "no"),
    ("愿意不愿意？不愿意", "no"),
])
def test_self_answered_question_is_the_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # asked alone, answered with another word, answered on with a question, or teased
    "你说我用不用？",
    "你说我用不用？你说呢",
    "用不用？用了会不会被查",
    "你猜我用不用？用！",
    "你说我用不用？用吧，我也拿不准",
])
def test_question_not_answered_by_the_speaker_stays_asked(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- 谁想 asked back as the reason beside a firm answer ------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("当然承诺，谁想为个证明来回跑😂", "yes"),
    ("肯定用承诺，谁乐意来回跑着开证明哈哈", "yes"),
    ("肯定承诺，谁愿意来来回回跑着开证明🤣", "yes"),
    ("不想来回跑着开证明", "yes"),
])
def test_nobody_wants_the_other_way_beside_the_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the rhetorical question alone, or aimed at the way chosen, or the laughter taken back
    "谁想来回跑着开证明😂",
    "用承诺吧，谁想用承诺😂",
    "谁想用承诺啊😂",
    "肯定用承诺啊，谁想来回跑😂，才怪",
    # a worry that names no way, beside the answer
    "愿意，谁想被查啊",
])
def test_nobody_wants_look_alikes_stay_asked(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- not understanding the commitment, given as the reason of a plain no ------------------------------------------

@pytest.mark.parametrize("text", [
    "俺七十多了 不懂啥承诺不承诺的 就交证明",
    "我年纪大了，不懂什么承诺不承诺的，还是交证明",
    "我七十了，不懂承诺，交证明",
])
def test_not_understood_as_the_reason_of_no(text):
    assert outcome("use_commitment", text) == "no"


@pytest.mark.parametrize("text", [
    # what it is asked, alone or beside an answer; the not understanding beside a yes; the no itself asked
    "不懂啥是承诺",
    "不懂啥承诺不承诺的",
    "不懂啥承诺不承诺的，用吧",
    "我七十了 不懂啥承诺不承诺的 还是交证明吧？",
    "不懂啥承诺不承诺的，交证明还是用承诺？",
])
def test_not_understood_look_alikes_stay_asked(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- the north's 不整了 stops the matter --------------------------------------------------------------------------

@pytest.mark.parametrize("step,text", [
    ("use_commitment", "不整了不整了，下回再说"),
    ("use_commitment", "俺不整了，回头再说吧"),
    ("acting_as", "不整了，回头再说"),
])
def test_not_doing_it_in_the_north_is_a_stop(step, text):
    assert outcome(step, text) == "cancel"


@pytest.mark.parametrize("text,expected", [
    # the way dropped by name is that choice, not a stop
    ("承诺不整了，交证明", "no"),
    ("承诺俺不整了", "no"),
    ("俺不整那承诺了，交证明", "no"),
    # put off for a while, not dropped; dropped with nothing put off (the commitment alone may be waved off); the way
    # dropped by name, then put off
    ("回头再说", "clarify"),
    ("不整了", "clarify"),
    ("承诺不整了，回头再说", "clarify"),
])
def test_way_dropped_by_name_is_the_choice(text, expected):
    assert outcome("use_commitment", text) == expected
