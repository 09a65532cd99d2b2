"""A plain commitment with what is committed said after it, or with the moment, the typist or whose errand it is told
before it (bot/core/affirmation.py).

What is committed: what was filed said to be true in everyday words (报上去的都是实话), the liability in the order of speech
(不实的话后果我自己担), obeying the notice's requirements, a condition of the item met by the applicant's own thing (店里的
卫生条件符合要求, 后厨符合食品安全条件), owning no home where the place names whose (在本市没有住房). Before the act: when the
speaker found the time (刚下夜班, 中午忙完了, 趁晚市前弄一下), a clear head, the reading done and the decision made, someone
who typed with the words said to be the speaker's own, a proxy's errand for the named applicant, an enterprise named in
apposition to 本公司. A proxy who denies holding the special authorisation and offers the act anyway commits to nothing.
A hedge, a condition, someone else's words or things, a typist alone and a different principal stay asked again."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


# --- what was filed said to be true, the liability, the notice obeyed --------------------------------------------

@pytest.mark.parametrize("text", [
    "我承诺，填上去的都是实话", "本人承诺，交上去的材料都属实", "我承诺，不实的话后果我自己承担",
    "本人承诺严格履行上述义务", "我承诺遵守告知书里的各项规定",
])
def test_truth_liability_and_obedience_after_the_act(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我承诺，报上去的应该都是实话", "我承诺，他报上去的都是实话", "我承诺，不实的话后果你们担",
    "我承诺，不实的话后果我儿子担", "本人承诺遵守告知书的部分要求", "本人承诺尽量遵守告知书的要求",
    "本人承诺遵守告知书的要求，但是有的做不到",
])
def test_truth_liability_and_obedience_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- a condition of the item met, and owning no home there -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人承诺，我们店的消防设施符合要求", "我承诺我家符合条件", "本人承诺在本地没有房子，以上属实",
])
def test_condition_met_by_the_applicant(text):
    assert self_kind(text) == "explicit"


def test_company_condition_met():
    assert enterprise_kind("本公司承诺经营场所符合卫生标准") == "explicit"


@pytest.mark.parametrize("text", [
    # a hedge or a negation before 符合, someone else's thing, a time still to come, a contradiction, no place named
    "本人承诺，店里的卫生条件基本符合要求", "本人承诺，店里的卫生条件不符合要求", "本人承诺，老王家符合条件",
    "本人承诺，他家的收入符合条件", "本人承诺，店里的卫生条件下个月就符合要求", "我承诺在本市没有住房，不过老家有",
    "我承诺，不过房子是我自己的", "我承诺没有住房", "我承诺在本市有住房",
])
def test_condition_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我们公司承诺后厨整改后符合食品安全条件", "我们公司承诺后厨会符合食品安全条件"])
def test_company_condition_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


# --- the moment, a clear head, the decision made --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚下班回来，本人承诺以上情况属实", "下午忙完了，我承诺", "脑子清醒着呢，本人承诺", "看完了，考虑清楚了，本人承诺",
])
def test_moment_and_decision_before_the_act(text):
    assert self_kind(text) == "explicit"


def test_company_moment_before_the_act():
    assert enterprise_kind("趁开门前弄一下，本公司承诺所填属实") == "explicit"


@pytest.mark.parametrize("text", [
    "刚下夜班，太困了，我承诺", "刚下夜班，没细看，我承诺", "刚下夜班，脑子有点不清醒，我承诺", "还没想好，我承诺",
    "看完了也想好了，我承诺吧", "想好了再承诺", "看完了也想好了，我愿意承诺",
])
def test_moment_and_decision_look_alikes(text):
    assert self_kind(text) != "explicit"


def test_company_moment_look_alike():
    assert enterprise_kind("中午忙完了，店长说可以承诺") != "explicit"


# --- a typist, with the words the speaker's own -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["字是我孙子打的，话是我自己说的，本人承诺", "我闺女帮我打的字，这话是我亲口说的，我承诺"])
def test_typist_with_own_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我孙女说我承诺", "我孙女帮我打的字：我承诺", "我孙女帮我打的字，话是她说的，我承诺", "我孙女帮我填的，话是我自己说的，我承诺",
    "我孙女帮我打的字，话是我自己说的，我孙女承诺",
])
def test_typist_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- an enterprise in apposition; a proxy's errand and a denied authorisation ---------------------------------------

def test_company_named_in_apposition():
    assert enterprise_kind("本公司好味餐饮承诺，所报情况属实") == "explicit"


@pytest.mark.parametrize("text", ["本公司郑州美味餐饮管理有限公司承诺，所报情况属实", "本公司餐饮公司承诺"])
def test_company_apposition_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我替我爸办的，他给了我特别授权，我代他承诺", "我是帮申请人赵强办的，他给了我特别授权，我代他承诺"])
def test_proxy_errand_then_authorised_act(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我替我爸赵刚办的，他给了我特别授权，我代他承诺", "我替我爸赵强办的，我代他承诺", "我替我爸赵强办的，他让我代他承诺",
    "我替我爸赵强办的，他给了我委托书，我代他承诺",
])
def test_proxy_errand_look_alikes(text):
    assert proxy_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["他没给我特别授权，不过我可以代他承诺", "我手上没有他的特别授权，但我代他承诺"])
def test_denied_authorisation_then_act_offered(text):
    assert proxy_kind(text) == "negated"


@pytest.mark.parametrize("text", [
    "不是没有特别授权，我代他承诺", "没有特别授权，不过有他签的委托书，我代他承诺",
    "没有特别授权，不过我可以受赵强特别授权代为承诺",
])
def test_denied_authorisation_look_alikes(text):
    assert proxy_kind(text) not in ("explicit", "negated")
