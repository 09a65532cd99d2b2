"""The commitment with what is committed said after it (bot/core/affirmation.py): the truth vouched and the denial of
anything hidden run together ("以上都是真实的没有隐瞒"), what was filed named before its denial ("申请材料没有造假",
"家里收入没有隐瞒"); the speaker's situation told first (a shaking hand, not being able to come to the window, small
print read through all the same, a whole notice read first to last); a refusal denied as an intent ("没有不承诺的意
思"); and proxies who state the special authorisation in their own order (凭…给我的特别授权; 按委托书上的特别授权 with
the applicant named in 代…; the commitment first, then 已经有…的特别授权; who they are to the applicant; "不是给我自己
办"; the short form restarted in full). The 没有/不 of what is committed is its content, never a negation of the act:
each accepted form has look-alikes beside it that must stay unaccepted (a negation of the act, doubt, a condition,
someone else, a plan, mockery)."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


# --- the content committed, with its own 没有/不 -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我承诺以上都是真实的没有隐瞒", "我承诺以上属实没有造假", "本人承诺符合条件没有隐瞒",
    "我承诺符合低保条件，家里收入没有隐瞒", "我在这里正式承诺，申请材料没有造假", "本人承诺，我填的没有假话",
    "我承诺，收入情况都没有隐瞒", "我承诺，我说的绝对没有撒谎",
])
def test_content_said_after_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # doubt about the content
    "我承诺，申请材料应该没有造假", "我承诺以上都是真实的应该没有隐瞒", "我承诺，材料好像没有造假",
    "我承诺以上都是真实的没有隐瞒吧",
    # someone else's things, or someone else's word, vouched for
    "我承诺，他的材料没有造假", "我承诺他说的都是实话", "我承诺她填的都是真的", "本人承诺他的收入属实",
    # a negation that is not the denial of a falsehood
    "我承诺以上都是真实的没有", "我承诺，材料没有全部造假", "我承诺，收入没有全报", "我承诺没有隐瞒",
    # a condition, a joke, a typo
    "如果没问题的话，我承诺申请材料没有造假", "我承诺，申请材料没有造假哈哈", "我承偌以上都是真实的没有隐瞒",
])
def test_content_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("我承诺以上都是真实的不承诺", "negated"), ("我不承诺，申请材料没有造假", "negated"),
    ("申请材料没有造假，承诺不了", "negated"),
])
def test_a_negation_of_the_act_beside_the_content(text, kind):
    assert self_kind(text) == kind


def test_content_with_other_things_named_no_one():
    # 其他 names no one: "没有其他收入" is the applicant's own content
    assert self_kind("我承诺，没有其他收入") == "explicit"


# --- the speaker's situation, told first ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我七十多了手抖，打字慢，我承诺", "手抖，本人承诺", "我身体不好跑不了窗口，我承诺以上属实", "我腿脚不方便，去不了大厅，本人承诺",
    "告知书我从头看到尾了，我承诺我说的都是实话", "承诺书我从头到尾看到最后了，本人承诺",
    "字太小看得眼花，不过都看了，本人承诺", "字太小了，不过都看了，本人承诺", "看得眼睛疼，但是我都看完了，我承诺",
])
def test_situation_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # "跑不了" without the place is also "cannot get away"; another person's situation; a hedge after it
    "我跑不了，我承诺", "他身体不好跑不了窗口，我承诺", "我手抖，我承诺吧", "我跑不了窗口，他承诺",
    # the reading not said finished, or hedged
    "告知书我从头看到尾，我承诺", "告知书我从头看到尾了，没看懂，我承诺", "告知书我从头看到尾了",
    # the strain without the concession, the concession without the strain, or a hedge in either
    "字太小看得眼花，本人承诺", "不过都看了，本人承诺", "嗯，不过都看了，本人承诺", "字太小看得眼花，不过大概都看了，本人承诺",
    "字太小看不清，不过都看了，本人承诺", "字太小看得眼花，不过没看完，本人承诺", "字太小看得眼花，不过本人承诺",
    "字太小看得眼花，不过都看了，我承诺吧", "字太小看得眼花，不过都看了，他承诺", "字太小看得眼花，不过都看了",
])
def test_situation_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- a refusal denied as an intent -------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["没有不承诺的意思，我承诺", "我没有不想承诺的意思，本人承诺"])
def test_denied_intent_to_refuse_then_the_act(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "没有不承诺的意思", "没有不承诺的意思，我承诺吧", "不是没有不承诺的意思，我承诺", "没有不承诺的意思，他承诺",
    "没有承诺的意思，我承诺",
])
def test_denied_intent_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- a proxy stating the special authorisation in their own order ------------------------------------------

@pytest.mark.parametrize("text", [
    "凭赵强给我的特别授权，我代为承诺", "按委托书上的特别授权，我代赵强承诺以上都是真的", "根据委托书的特别授权，我代赵强承诺",
    "我代为承诺，已经有赵强的特别授权了", "刘洋代赵强承诺，有他的特别授权", "我代他承诺，有赵强签的特别授权书",
    "我是赵强的女婿，有他签的特别授权委托书，我代为承诺", "不是给我自己办，我受赵强特别授权，代他承诺",
    "我代赵强承诺，哦还要说授权，那我重说：受赵强特别授权，我代为承诺", "我代赵强承诺，我重说，有赵强的特别授权，我代为承诺",
])
def test_proxy_authorisation_in_own_order(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # the document's authorisation with no one, or someone else, named; no 特别; a hedge
    "按委托书上的特别授权，我代为承诺", "按委托书上的特别授权，我代张伟承诺", "按委托书上的授权，我代赵强承诺",
    "按委托书上的特别授权，我代赵强承诺吧", "凭张伟给我的特别授权，我代为承诺", "凭赵强给我的授权，我代为承诺",
    # the authorisation after the act: still to come, doubted, absent, ordinary, someone else's, asked about
    "我代为承诺，马上就有赵强的特别授权了", "我代为承诺，会有赵强的特别授权", "我代为承诺，等会有赵强的特别授权",
    "我代为承诺，应该有赵强的特别授权", "我代为承诺，没有赵强的特别授权", "我代为承诺，有张伟的特别授权",
    "我代为承诺，有赵强的授权", "我代为承诺，有赵强的特别授权吗", "我代为承诺，赵强说有特别授权",
    "我代为承诺，有赵强的特别授权就行",
    # someone else as the subject
    "我爸代为承诺，有他的特别授权", "张伟代赵强承诺，有他的特别授权", "刘洋代张伟承诺，有他的特别授权",
    # a relation to someone else, no authorisation, or a different denial before the act
    "我是张伟的女婿，有他签的特别授权委托书，我代为承诺", "我是赵强的女婿，我代为承诺", "我是赵强的女婿，有他签的委托书，我代为承诺",
    "不是给赵强办，我受赵强特别授权，代他承诺", "不是我承诺，我受赵强特别授权，代他承诺", "不是给我自己办，我代他承诺",
    # a restart from something other than the short form, or to no full form
    "我代张伟承诺，哦还要说授权，那我重说：受赵强特别授权，我代为承诺", "他代赵强承诺，那我重说：受赵强特别授权，我代为承诺",
    "我愿意代赵强承诺，那我重说，受赵强特别授权，我代为承诺", "我代赵强承诺吧，那我重说，受赵强特别授权，我代为承诺",
    "我代赵强承诺，如果需要授权，那我重说：受赵强特别授权，我代为承诺", "我代赵强承诺，没授权，那我重说，受赵强特别授权，我代为承诺",
    "我代赵强承诺，哦还要说授权，那我重说：我代为承诺", "我代赵强承诺，哦还要说授权",
    "我代赵强承诺，哦还要说授权，那我重说：受赵强特别授权，我代为承诺吧", "我代赵强承诺哈哈，那我重说，受赵强特别授权，我代为承诺",
])
def test_proxy_look_alikes(text):
    assert proxy_kind(text) != "explicit"


def test_proxy_restart_to_a_refusal_is_a_refusal():
    assert proxy_kind("我不代赵强承诺，那我重说：受赵强特别授权，我代为承诺") == "negated"


def test_not_for_myself_is_no_lead_for_a_citizen_acting_for_himself():
    assert self_kind("不是给我自己办，我承诺") != "explicit"


# --- an enterprise: 我们 is not the company ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["我们承诺，店里条件都达标了", "我们承诺", "我们这边承诺"])
def test_we_is_not_the_company(text):
    # The module takes the company's own words (本公司, 我公司, 我们公司, 公司这边) as the enterprise's subject; a bare
    # 我们 may be the staff, the family or the partners, so it is asked again.
    assert enterprise_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我们公司承诺，店里条件都达标了", "本公司承诺，申请材料没有造假"])
def test_the_company_in_its_own_words(text):
    assert enterprise_kind(text) == "explicit"
