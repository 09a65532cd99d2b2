"""A plain commitment with the speaker's situation told around it, and an enterprise or a proxy naming themselves in
their own words (bot/core/affirmation.py).

A citizen's hardship (raising a child alone, laid off, a relative in hospital, working away and so doing it online), a
weakness with the reading granted finished right after it, the answer typed again or the errand found hard: each a
whole clause of its own, taken away, and the act judged alone. What they own, a hedge, a condition or someone else
stays asked again. An enterprise is called by a short form of its registered name that keeps its trade name; its head
by the representative's surname (王总); where the representative is not known, the name said with the title the
speaker claims. A proxy's authorisation corrected to the special one is read as said right; "只有口头授权" beside the
act is no commitment."""
from __future__ import annotations

import pytest

from bot.core.affirmation import classify
from tests.core.speakers import ENTERPRISE, enterprise_kind, proxy_kind, self_kind


def unknown_representative_kind(text):
    """The enterprise acting for itself, its representative's name not known to the step."""
    return classify(text, applicant_name=ENTERPRISE, applicant_kind="enterprise").kind


# --- the citizen's situation before the act ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我一个人带俩孩子，真不容易，本人承诺以上属实", "我是退休工人，本人承诺", "我儿子住院了急着用钱，我承诺以上都是真的",
    "我在工地上班走不开，只能手机上办，本人承诺", "我七十多了，眼睛不好，不过都看明白了，本人承诺",
])
def test_hardship_or_weakness_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # "不容易" with no hardship told before it; what they own; a grudge; someone else; coercion
    "不容易，本人承诺", "我一个人带孩子，房子是我自己的，本人承诺", "我是下岗职工，我承诺吧", "他住院了急着用钱，我承诺",
    "我在外地打工，只能承诺",
    # the reading granted with a hedge, or with no weakness before the 不过
    "眼睛不好，不过大概看明白了，本人承诺", "不过都看明白了，本人承诺",
])
def test_hardship_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- after the act, and the liability for a false commitment ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人承诺。这是第三次输了，刚才网卡了", "我承诺，办事真难啊", "本人承诺以上属实，虚假承诺愿承担法律责任",
])
def test_remarks_after_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我承诺。这是第二遍输了，上次没想好", "我承诺吧，办事真难", "本人承诺以上属实，虚假承诺不承担法律责任",
])
def test_remarks_after_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- the hotline's record of the applicant's words ----------------------------------------------------------------

def test_hotline_record_of_the_applicant_saying_it():
    assert self_kind("热线代录：申请人张伟在电话里亲口说本人承诺") == "explicit"


@pytest.mark.parametrize("text", [
    "热线代录：申请人李娜在电话里说本人承诺", "热线代录：申请人张伟在电话里说他承诺", "申请人张伟在电话里说本人承诺",
])
def test_hotline_record_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- 承诺个啥, then the proofs chosen ---------------------------------------------------------------------------

def test_scoffing_with_the_proofs_chosen_is_a_refusal():
    assert self_kind("承诺个啥，我还是交证明吧") == "negated"


@pytest.mark.parametrize("text", ["承诺个啥", "我承诺个啥，交证明要多久"])
def test_scoffing_alone_or_asking_is_no_refusal(text):
    assert self_kind(text) == "question"


# --- the enterprise in its own words ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "好味公司承诺以上内容属实", "我代表好味餐饮郑重承诺", "我是好味的李总，本公司承诺", "本公司承诺。开业十年了，一直诚信经营",
])
def test_enterprise_short_name_head_and_record(text):
    assert enterprise_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # no trade name, or another company's; someone who is not the representative
    "餐饮公司承诺", "香满楼餐饮承诺", "我是会计，代表好味承诺",
    # another surname than the representative's, a deputy, a third person
    "我是好味的王总，本公司承诺", "我是好味的副总，本公司承诺", "好味的李总承诺",
    # the record with a grudge or a reservation
    "开业十年了，本公司承诺吧", "本公司承诺。开业十年了，就是最近有点问题",
])
def test_enterprise_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我是法人王建军，代表本公司承诺", "本人系公司法定代表人，代表公司承诺，签字：王建军"])
def test_representative_named_with_the_title_when_not_known(text):
    assert unknown_representative_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我是法人王建军，代表本公司承诺，签字：陈刚", "我是会计王建军，代表公司承诺", "本公司承诺，签字：王建军",
])
def test_representative_named_look_alikes(text):
    assert unknown_representative_kind(text) != "explicit"


# --- the proxy ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我受赵强特别授权，代为承诺，委托书编号已经填过了", "我受赵强委托，不对，应该说是特别授权，代为承诺",
])
def test_proxy_number_filled_and_authorisation_corrected(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我受赵强特别授权，代为承诺，委托书编号还没填", "受赵强特别授权，不对，是委托，我代为承诺",
    "受赵强委托，不对，是口头授权，我代为承诺", "受李娜委托，不对，是特别授权，我代为承诺",
])
def test_proxy_look_alikes(text):
    assert proxy_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我代他承诺，只有口头授权", "我手上只有普通委托书，我代赵强承诺", "没有特别授权，这个承诺我不替他签"])
def test_proxy_without_the_special_authorisation_is_refused(text):
    assert proxy_kind(text) == "negated"


@pytest.mark.parametrize("text", ["只有口头授权，我代他承诺吧", "只有口头授权，我代李娜承诺"])
def test_proxy_without_it_with_a_grudge_or_another_person_is_asked_again(text):
    assert proxy_kind(text) == "unclear"
