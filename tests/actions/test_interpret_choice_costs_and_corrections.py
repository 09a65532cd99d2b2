"""Choices (actions/interpret.py). At the commitment choice: the speaker unsure after a correction (拿不准)
and the answer put off to look something up (等下我看看); the commitment as the topic of a remark (承诺这事得慎重); the
proofs' errand told by its cost (车票几百块, 还得请假), asked back as where to get them (证明上哪开去) and beaten by the
other way (比跑八趟得劲多了); the hurry said right after a short answer (是是是赶紧的); a must said with two negations
(不用承诺不行啊) beside the same answer; 还没还 ("not yet given back") no question; someone else's certain doing with
不…才怪; the liability that would follow told with 万一, and 不敢乱承诺; a question put to oneself (不…不就是…嘛) then the
conclusion; the insisting denied (不是非得…) then the other way settled; trust denied twice (不是不相信…承诺) as a
lead-in; Henan's 弄啥嘞 opening an answer and 哎不中 taking one back; the answer announced with a colon; the proofs held
(证明我都有). At who acts: the speaker's denial of having said an answer, then the answer; a pet asked back as the one
typing; no time to act for others (哪有那闲工夫); a relative at the keyboard; the helper away and not to be counted on;
an option misspelt beside the same answer in full. Each accepted form is pinned beside look-alikes that stay asked,
undecided or read as they were."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


UNDECIDED = ("clarify", "question")


def _undecided(step: str, text: str) -> bool:
    return outcome(step, text) in UNDECIDED


# --- doubt after a correction, and the answer put off --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "否，不对，是……哎我也拿不准",
    "用承诺吧，唉我也拿不准",
    "我也吃不准",
    "是是是…等下我看看",
    "用承诺，稍等我查查",
    "是是是赶紧的，等下我看看",
])
def test_unsure_or_put_off_is_asked_again(text):
    assert _undecided("use_commitment", text)


@pytest.mark.parametrize("text,expected", [
    # a pause to think, then the answer, still counts; the proofs got are no doubt
    ("等下，还是用承诺吧", "yes"),
    ("证明我拿到了，交证明", "no"),
])
def test_pause_and_answer_look_alikes_still_decide(text, expected):
    assert outcome("use_commitment", text) == expected


# --- the commitment as the topic of a remark -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "承诺这事跟结婚一样得慎重啊哈哈",
    "承诺这事得慎重啊",
    "承诺这种事可不能马虎",
])
def test_remark_on_the_commitment_is_no_choice(text):
    assert _undecided("use_commitment", text)


@pytest.mark.parametrize("text,expected", [
    ("承诺这事吧", "yes"),
    ("承诺吧", "yes"),
    ("我胆小，承诺这事心里没底，还是交证明吧", "no"),
])
def test_commitment_named_still_read(text, expected):
    assert outcome("use_commitment", text) == expected


# --- the proofs' errand told by its cost, asked back, or beaten ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "我在东莞厂里打工，回老家开个证明来回车票几百块还得请假，既然能承诺那我肯定用承诺",
    "开证明还得请假，用承诺",
    "退休十几年了原来的厂子早都没了，那证明上哪开去，只能承诺了",
    "上哪开证明去，承诺吧",
    "中！比跑八趟居委会得劲多了😂",
    "比来回跑强多了，承诺",
])
def test_proofs_errand_complained_of_is_yes(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text,expected", [
    # a cost said to be small is no complaint, and the proofs are chosen
    ("开证明路费不多，交证明吧", "no"),
])
def test_small_cost_is_no_complaint(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # asked, alone, with 呢, or against the answer beside it
    "开证明还得请假吗",
    "证明上哪开去",
    "证明上哪开去呢，只能承诺了",
    "交证明吧，证明上哪开去",
    # the comparison denied or asked
    "不比跑八趟强多少",
    "比跑八趟居委会得劲多了吗",
])
def test_errand_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- the hurry after a short answer ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "是是是赶紧的，我在等公交",
    "好好好快点",
    "行行行快点，用承诺",
])
def test_hurry_after_short_answer_is_yes(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text", [
    "是是是赶紧的？",
    "要不快点",
])
def test_hurry_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- a must said with two negations --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("不用承诺不行啊，我那证明开不出来", "yes"),
    ("不交证明不行啊，交证明吧", "no"),
])
def test_must_beside_the_same_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # alone it may ask "can't I go without it?"; asked, or with 吧, or against the answer beside it
    "不用承诺不行啊",
    "不用承诺不行吗？我证明都带齐了",
    "不用承诺不行吧，证明开不出来",
    "不交证明不行啊，用承诺",
])
def test_must_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- 还没还, someone else's certain doing, and the liability feared -------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("承诺呗，我这人最讲信用了，就是欠我老婆的奶茶还没还哈哈", "yes"),
    ("交证明？那我得请假回老家，老板不扣我工资才怪，承诺承诺", "yes"),
    ("用承诺，老板不扣我工资才怪", "yes"),
    ("我还是交证明吧，承诺万一哪里记错了要担责任，我年纪大了记性不好，不敢乱承诺", "no"),
    ("交证明，承诺万一说错了要担责任", "no"),
])
def test_remarks_beside_the_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    "承诺呗，钱还没还？",
    # the speaker's own 才怪, or the answer called absurd, stays a joke; the remark alone answers nothing
    "我不后悔才怪，承诺",
    "愿意才怪",
    "老板不扣我工资才怪",
    # the liability beside a yes is doubt; asked, it is a question; not daring alone is no choice
    "承诺，万一说错了要担责任",
    "万一说错了要担责任怎么办",
    "我不敢乱承诺",
])
def test_remark_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


def test_not_committing_falsely_is_no_refusal():
    assert outcome("use_commitment", "我不会乱承诺的，用承诺") != "no"


# --- a question put to oneself, the insisting denied, trust denied twice ----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("不承诺不就是交证明嘛，那我不承诺，证明我都有", "no"),
    ("承诺不就是不用跑腿嘛，那我用承诺", "yes"),
    ("我也不是非得用承诺，证明开起来也不难，那就按一般程序吧", "no"),
    ("我也不是非得交证明，那就承诺吧", "yes"),
    ("不是不相信你们这个承诺，我就是习惯交纸质证明，心里踏实", "no"),
    ("不是不相信你们这个承诺，还是交证明踏实", "no"),
])
def test_lead_in_then_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    "不承诺不就是交证明嘛？",
    "不承诺不就是交证明嘛",
    "不承诺不就是交证明嘛，那我再想想",
    "我也不是非得用承诺",
    "我也不是非得用承诺，那就用承诺吧",
    # trust denied twice, alone, is no choice of the commitment
    "不是不相信你们这个承诺",
])
def test_lead_in_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- Henan's openings and corrections, the colon, the proofs held --------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("弄啥嘞，不中，俺还是交证明", "no"),
    ("用承诺……哎不中，俺村嘞证明昨儿都盖好章了，交证明吧", "no"),
    ("孩子在哭我长话短说：否", "no"),
    ("我的回答：是", "yes"),
    ("我的选择：否", "no"),
    ("证明我都有", "no"),
])
def test_openings_corrections_and_colons(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    "用承诺……哎不中",
    "用承诺，不中，交证明",
    "干什么？不用",
    "干什么，承诺是啥",
    # someone else's answer quoted, or the answer put off after the colon
    "我妈说：否",
    "他跟我说：否",
    "长话短说：我再想想",
    "证明我都有吗",
    "证明我妈都有",
])
def test_opening_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- who acts ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("没说代办啊，是我本人在办", "self"),
    ("我没说本人，是帮我妈", "proxy"),
    ("本人，当然是本人啦，难道还是我家猫在打字吗😂", "self"),
    ("本人，难道我家猫在打字吗", "self"),
    ("我哪有那闲工夫帮别人办，我自己的", "self"),
    ("我手抖打不了字，是我孙子照我说的打的，事情是我自己的", "self"),
    ("本人，我闺女帮我打字", "self"),
    ("本人。我儿子在外地上班，指望不上", "self"),
    ("本人，我闺女在外面打工，指望不上", "self"),
    ("待办，帮我姥爷", "proxy"),
    ("弄啥嘞，俺就是本人啊，还能是谁😂", "self"),
    # read as said: someone else's matter after the denial, the relative typing beside a proxy's answer, the helper
    # away beside acting for someone
    ("没说代办啊，是我妈的事", "proxy"),
    ("是我孙子照我说的打的，帮我妈办", "proxy"),
    ("帮我妈办，我儿子在外地上班，指望不上", "proxy"),
])
def test_who_acts(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    "没说代办啊",
    "难道还是我家猫在打字吗",
    "我哪有闲工夫，你帮我选吧",
    "我哪有那闲工夫帮别人办，他自己的",
    "我哪有那闲工夫帮别人办",
    "是我孙子照我说的打的",
    "本人？我儿子办的",
    # the misspelt option alone, against the other answer, beside a bare answer, or asked
    "待办",
    "待办，本人",
    "本认，帮我姥爷",
    "待办，帮我姥爷吗",
    "弄啥嘞",
    "弄啥嘞？本人",
    "弄啥嘞，本人是啥意思",
])
def test_who_acts_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- left as they were (doubtful labels) ---------------------------------------------------------------------------

@pytest.mark.parametrize("step,text", [
    ("use_commitment", "不用承诺不行吗？我证明都带齐了"),
    ("acting_as", "我帮我妈办，这个算代办吧？"),
    ("acting_as", "我妈就坐在旁边，是她本人办，我只是帮她按手机"),
    ("acting_as", "本人，中不中？"),
])
def test_doubtful_labels_left_undecided(step, text):
    assert _undecided(step, text)
