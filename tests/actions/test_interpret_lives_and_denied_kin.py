"""Choices and the representative's name (actions/interpret.py). At the commitment choice: no strength left for the
proofs' errand, the speaker's own; the proofs' errand told with a sign-off still to be sought, a remark that chooses
neither way by itself; the proofs to be handed in, said with them first (the Southwest's 交起). At who acts: a hand of
the speaker's shop acted for, and several done at once (统一办). At the representative's name: the licence said to name
the speaker beside a relative denied; the name the licence bears, pointed at; the relative denied said to mind the
shop; "not just any of them" beside the claim; the name said to be beyond the speaker. Each accepted form is pinned
beside look-alikes that stay asked, undecided or read as they were, and the decisions kept are pinned as they stand."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, name_outcome, outcome


UNDECIDED = ("clarify", "question")


def _undecided(step: str, text: str) -> bool:
    return outcome(step, text) in UNDECIDED


# --- no strength left for the proofs' errand -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚下夜班，困得睁不开眼，用承诺吧，实在没力气再去医院开证明了",
    "实在没力气再去医院开证明了",
    "我真没精力跑派出所开证明",
])
def test_no_strength_for_the_errand_is_yes(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text", [
    # tiredness with the choice handed back, someone else's strength, asked, or against the proofs chosen
    "困得睁不开眼，你帮我选吧",
    "我妈没力气去医院开证明",
    "没力气去开证明吗",
    "实在没力气再去医院开证明了，交证明吧",
])
def test_no_strength_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- the sign-off still to be sought ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("俺地里玉米正收着呢，村里开证明还得找支书签字，就承诺办吧", "yes"),
    ("开证明还得找领导签字，用承诺吧", "yes"),
    # the remark beside the proofs chosen keeps that choice
    ("村里开证明还得找支书签字，交证明吧", "no"),
])
def test_sign_off_remark_beside_an_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the remark alone chooses neither way, and asked it asks
    "村里开证明还得找支书签字",
    "开证明还得找领导盖章",
    "村里开证明还得找支书签字吗",
])
def test_sign_off_remark_alone_stays_undecided(text):
    assert _undecided("use_commitment", text)


# --- the proofs to be handed in, said with them first ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["我不得承诺哦，证明交起就是了", "证明交起就是了", "证明俺交上就行"])
def test_proofs_handed_in_is_no(text):
    assert outcome("use_commitment", text) == "no"


@pytest.mark.parametrize("text", [
    # someone else's, a complaint about them, or asked
    "我妈证明交上就是了",
    "证明交起来太麻烦",
    "证明交起就是了吗",
])
def test_proofs_handed_in_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


@pytest.mark.parametrize("text,expected", [
    # kept: a concession turned from is the other way; a misspelt 承诺 at the choice is asked again
    ("不否认用承诺方便，但我还是想交证明", "no"),
    ("承偌", "clarify"),
])
def test_kept_choice_readings(text, expected):
    assert outcome("use_commitment", text) == expected


# --- a hand of the shop, and several done at once --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "是给我店里伙计办健康证的事",
    "帮我们店员办的",
    "今天代我们村几户老人统一办的",
    "帮我们村几户老人一起办",
])
def test_shop_hand_or_several_at_once_is_proxy(text):
    assert outcome("acting_as", text) == "proxy"


@pytest.mark.parametrize("text", [
    # asked for them, not done; or asked
    "是给我店里伙计问的",
    "给我店里伙计办健康证吗",
    "代我们村几户老人统一问的",
    "今天代我们村几户老人统一办的吗",
])
def test_shop_hand_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- the licence said to name the speaker, a relative denied ---------------------------------------------------------

@pytest.mark.parametrize("text", ["不是我哥，执照上写的是我，周晓东", "执照上写的是我，周晓东"])
def test_licence_names_the_speaker(text):
    assert name_outcome("r", text) == "周晓东"


@pytest.mark.parametrize("text", [
    # the denial alone, or with no claim, or the licence said to name "him" or the relative
    "不是我哥", "不是我哥，周晓东", "不是我哥，执照上写的是他，周晓东", "执照上写的是我哥，周晓东",
])
def test_licence_look_alikes_not_the_representative(text):
    assert name_outcome("r", text) == "clarify"
    assert detail("representative_name", text) == "not_representative"


# --- the name the licence bears, pointed at --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["法人没变，还是营业执照上那个杨帆，就是我", "营业执照上那个杨帆"])
def test_licence_name_pointed_at(text):
    assert name_outcome("r", text) == "杨帆"


@pytest.mark.parametrize("text,expected", [
    # no name; a word of the dictionary after the document; asked; the one named the speaker's boss
    ("法人没变", "clarify"), ("执照上盖章", "clarify"), ("营业执照上那个杨帆吗", "question"),
    ("法人没变，还是营业执照上那个杨帆，是我老板", "clarify"),
])
def test_licence_name_look_alikes(text, expected):
    assert name_outcome("r", text) == expected


# --- the relative denied said to mind the shop -----------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("法人不是我媳妇，店是她管，法人是我，黄国庆", "黄国庆"),
    ("法人不是我老公，店里平时是他在打理，法人是我，王芳", "王芳"),
])
def test_relative_minding_the_shop_beside_the_claim(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text", [
    # alone; without the claim; the name said to be hers; or the one in charge (负责), who may be the representative
    "店是她管",
    "法人不是我媳妇，店是她管，黄国庆",
    "法人不是我媳妇，店是她管，她叫黄国庆",
    "法人不是我媳妇，店是她负责，法人是我，黄国庆",
])
def test_relative_minding_the_shop_look_alikes_stay_asked(text):
    assert name_outcome("r", text) == "clarify"


# --- not just any of them, beside the claim --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["不是股东里随便哪个，法定代表人就我一个，韩梅", "法定代表人就我一个，韩梅"])
def test_any_one_denied_beside_the_claim(text):
    assert name_outcome("r", text) == "韩梅"


@pytest.mark.parametrize("text,expected", [
    # alone, the arbitrary one left open (a hedge), or asked
    ("不是股东里随便哪个", "clarify"), ("股东里随便哪个，韩梅", "clarify"), ("不是股东里随便哪个吗，韩梅", "question"),
])
def test_any_one_look_alikes(text, expected):
    assert name_outcome("r", text) == expected


# --- the name beyond the speaker, and the decisions kept -------------------------------------------------------------

def test_name_said_to_be_beyond_the_speaker_is_unknown():
    text = "不是我，我就是个跑腿的，法人叫啥我也说不上来"
    assert name_outcome("r", text) == "clarify"
    assert detail("representative_name", text) == "unknown"
    assert name_outcome("r", "法人叫啥？") == "question"


@pytest.mark.parametrize("text", ["法人是咱老板，叫潘大海", "我们老板陈建军是法人，他就在旁边，我帮他打字"])
def test_boss_named_by_one_not_the_representative_stays_asked(text):
    assert name_outcome("r", text) == "clarify"
    assert detail("representative_name", text) == "not_representative"


# --- a worker of the speaker's shop acting for themself: their 自己, not the speaker's --------------------------------

@pytest.mark.parametrize("text", ["我店里伙计自己办", "我店员自己办"])
def test_a_worker_acting_for_themself_is_no_answer(text):
    assert outcome("acting_as", text) == "clarify"


@pytest.mark.parametrize("text, want", [("我是店里伙计，自己办", "self"), ("我自己办，不是帮伙计", "self"),
                                        ("替我们店员工办", "proxy")])
def test_the_speaker_s_own_answer_beside_a_worker_stands(text, want):
    assert outcome("acting_as", text) == want
