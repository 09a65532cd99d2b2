"""Choices (actions/interpret.py). At who acts: an answer taken back only in part (也不全是) and a matter shared with
the speaker (我们两口子一起的), asked again; the counterfactual 本人 (我要是本人早…了) with a face after it; the slip
named with 哦错了; nobody with the time to act for others, asked back beside the answer; the speaker staying out of a
matter not theirs (我就不掺和了) before a plain stop. At the commitment choice: one way conceded (也不是不行, 不否认…方便)
and then turned from with 但/不过; 我意思是 putting right what came before; the place that issues the proofs not to be
found; the commitment said to do no harm (也无妨); the way refused and "what else can I do" asked back beside an answer.
Each accepted form is pinned beside look-alikes that stay asked, undecided or read as they were."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


UNDECIDED = ("clarify", "question")


def _undecided(step: str, text: str) -> bool:
    return outcome(step, text) in UNDECIDED


# --- taken back in part, and a matter shared ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "不是我自己的……也不全是，是我们两口子一起的",
    "不是我自己的……也不全是",
    "本人，也不完全是",
    "代办，也不全是，是我妈的",
    # the matter the speaker's and a spouse's together, beside either answer or alone
    "是我们两口子一起的",
    "本人，是我们两口子一起的",
    "不是我自己的，是我们两口子一起的",
    "本人，我们俩一起的",
    "我和我老婆一起办",
])
def test_taken_back_in_part_or_shared_is_asked_again(text):
    assert _undecided("acting_as", text)


@pytest.mark.parametrize("text,expected", [
    # the plain denial keeps its reading, and so does who came along
    ("不是我自己的", "proxy"),
    ("不是我自己的，是帮我爸办", "proxy"),
    ("我和我老婆一起来的，本人办", "self"),
    ("本人，我和我老婆一起来的", "self"),
])
def test_denial_and_company_look_alikes_read_as_before(text, expected):
    assert outcome("acting_as", text) == expected


# --- the counterfactual 本人 with a face after it --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "代办。别问了，我要是本人早睡觉去了🙃",
    "我要是本人早睡觉去了🙃",
    "代办，我要是本人早睡觉去了",
])
def test_counterfactual_self_with_face_is_proxy(text):
    assert outcome("acting_as", text) == "proxy"


@pytest.mark.parametrize("text", [
    # a plain condition, asked, or against 本人 beside it
    "我要是本人就自己去了",
    "我要是本人就睡觉去了🙃",
    "我要是本人早睡觉去了？",
    "我要是本人早睡觉去了吗",
    "本人，我要是本人早睡觉去了🙃",
])
def test_counterfactual_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- 哦错了 and 我意思是: what came before put right -----------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("acting_as", "本人办理，哦错了，我是代我公公办的", "proxy"),
    ("acting_as", "本人办理，错了，代办", "proxy"),
    ("use_commitment", "交证明，哦错了，用承诺", "yes"),
    ("use_commitment", "是，哦不是，我意思是选否", "no"),
    ("use_commitment", "否，我意思是用承诺", "yes"),
    ("acting_as", "本人，我意思是帮我妈办", "proxy"),
])
def test_slip_named_then_answer(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    # the slip named with nothing after it, asked, or someone else's mistake
    ("acting_as", "本人办理，哦错了"),
    ("acting_as", "本人办理，错了吗"),
    ("acting_as", "本人办理，错了？"),
    ("acting_as", "代办，你们搞错了"),
    ("use_commitment", "用承诺，错了"),
    # taken back and nothing put in its place, or asked
    ("use_commitment", "是，哦不是"),
    ("use_commitment", "是，哦不是，我意思是"),
    ("use_commitment", "是，我意思是选否吗"),
])
def test_slip_look_alikes_stay_undecided(step, text):
    assert _undecided(step, text)


# --- nobody has the time to act for others ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "当然是本人啊，这年头谁还有空替别人跑",
    "当然是本人啊，这年头谁还有空替别人跑？",
    "这年头谁还有空替别人跑，本人",
])
def test_nobody_has_time_for_others_beside_self(text):
    assert outcome("acting_as", text) == "self"


@pytest.mark.parametrize("text", [
    # alone, without 还 (who is free may be asked), against 代办, or beside a hedge
    "这年头谁还有空替别人跑",
    "本人，谁有空替别人跑",
    "代办，这年头谁还有空替别人跑",
    "帮我妈办，谁还有空替别人跑啊",
    "本人，谁还有空替别人跑，我再想想",
])
def test_nobody_has_time_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- staying out of a matter not the speaker's, then the stop ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "不是我的事我就不掺和了，不办了",
    "不是我的事我就不管了，不办了",
    "不办了，不是我的事我就不掺和了",
])
def test_staying_out_then_stop_is_cancel(text):
    assert outcome("acting_as", text) == "cancel"


@pytest.mark.parametrize("text", [
    # the premise alone, or someone else's matter named beside the stop
    "不是我的事我就不掺和了",
    "不是我的事，是我妈的，不办了",
])
def test_staying_out_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


def test_someone_elses_matter_still_proxy():
    assert outcome("acting_as", "不是我的事，是我哥的") == "proxy"


# --- one way conceded, then turned from ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("承诺也不是不行，但我还是想交证明", "no"),
    ("我不否认承诺方便，不过我这人还是信纸面上的东西，交证明", "no"),
    ("不否认用承诺方便，但我还是想交证明", "no"),
    ("我承认承诺方便，但是我还是交证明吧", "no"),
    ("交证明也不是不行，不过还是承诺吧", "yes"),
])
def test_conceded_then_other_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the concession alone is half a yes; before a hedge, before the same way, before a worry, without the turn, asked
    "承诺也不是不行",
    "我不否认承诺方便",
    "承诺也不是不行，但我再想想",
    "承诺也不是不行，但用承诺吧",
    "承诺也不是不行，交证明吧",
    "我不否认承诺方便，不过我怕担责任，交证明",
    "我不否认承诺方便，不过交证明吧？",
    "也不是不行，就是心里不踏实",
])
def test_concession_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


@pytest.mark.parametrize("step,text,expected", [
    # a way not impossible said after its double negation, and a fact admitted, are read as before
    ("use_commitment", "也不是不能交证明，就是麻烦点……嗯，那还是承诺吧", "yes"),
    ("use_commitment", "不是不能交证明，是懒得跑，用承诺", "yes"),
    ("acting_as", "我承认是我自己的", "self"),
])
def test_concession_look_alikes_read_as_before(step, text, expected):
    assert outcome(step, text) == expected


# --- the place that issues the proofs not found ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "俺选是，开证明那地方俺都找不着",
    "开证明那地方俺都找不着",
    "开证明的地方找不到",
])
def test_issuing_place_not_found_is_yes(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text", [
    # found, asked where, asked, or against the proofs chosen
    "开证明那地方俺找着了",
    "开证明那地方在哪",
    "俺选是，开证明那地方俺都找不着吗",
    "交证明，开证明那地方俺都找不着",
])
def test_issuing_place_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- the commitment said to do no harm -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "哈哈我这辈子承诺过的事多了，再承诺一个也无妨",
    "再承诺一个也无妨",
    "承诺又何妨",
])
def test_no_harm_in_committing_is_yes(text):
    assert outcome("use_commitment", text) == "yes"


@pytest.mark.parametrize("text", [
    # asked, the other way, someone else's, against the proofs, the remark alone
    "再承诺一个也无妨吧？",
    "再承诺一个也无妨吗",
    "不承诺也无妨",
    "我妈承诺也无妨",
    "承诺也无妨，交证明",
    "我这辈子承诺过的事多了",
])
def test_no_harm_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- the way refused, and what else asked back -----------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("证明开不出来，不承诺还能咋办", "yes"),
    ("证明开不出来，不承诺还能咋办？", "yes"),
    ("不承诺还能咋办，证明开不出来", "yes"),
    ("证明我都有，不交证明还能咋办", "no"),
])
def test_nothing_else_but_the_way_beside_answer(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # alone it may ask; beside a hedge, or against the other way
    "不承诺还能咋办",
    "不承诺还能咋办？我再想想",
    "不承诺还能咋办，交证明吧",
    "交证明，不承诺还能咋办",
])
def test_nothing_else_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)
