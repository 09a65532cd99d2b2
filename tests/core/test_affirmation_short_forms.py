"""Short commitments as typed on a phone (bot/core/affirmation.py): 哦 before the act, 当然, the sentence-final 哟/ok,
a reassurance or request after it, what is committed as a verb phrase (如实填报), a form's label with the applicant's
own name, the form filled in by the speaker's own hand told after it, a refusal denied in other words (没说不承诺)
before the act; the company's words said twice and the owner saying who they are; a proxy's special
authorisation in few words. Each shape has look-alikes that must stay unaccepted: a wrong yes is a legal liability."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


@pytest.mark.parametrize("text", [
    "哦，本人承诺", "哦哦，我承诺", "我当然承诺", "我当然承诺了",
    "我承诺哟", "我承诺 OK", "我承诺ok",
    "我承诺，放心", "我承诺，您放心吧", "我承诺，请受理", "本人承诺，麻烦给审核一下",
    "我承诺如实填报", "本人承诺如实申报",
    "承诺人张伟：本人承诺", "申请人张伟，我承诺",
    "我承诺，我七十三了打字慢，这些都是我一个字一个字自己填的", "我承诺，这些都是我自己填的",
    "没说不承诺，我承诺", "我可没说过不承诺，本人承诺",
])
def test_citizen_short_forms(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # 哦 before a clause that is no act, or inside a word; a sigh is no acknowledgement
    "哦，他承诺", "哦，我愿意承诺", "哦，本人承诺吧", "哦？我承诺", "唉，我承诺", "哟，我承诺",
    # 当然 with a modal is willingness, with a negation a refusal
    "我当然会承诺", "我当然愿意承诺", "当然承诺",
    # the final 的 (滴): also the assurance of a future act, 我会承诺的 with 会 unsaid; and of a condition, a noun phrase,
    # a report, a guess
    "我承诺的", "我承诺的！", "我承诺滴", "我会承诺的", "我承诺的话", "我承诺的事", "这是我承诺的", "都是我承诺的", "我承诺的吧", "我承诺呗", "我承诺哟😂",
    "我承诺ok吗", "我承诺，ok吧",
    # a reassurance or request with a negation, a hedge or doubt beside it
    "我承诺，放心不下", "我承诺，我不放心", "我承诺，你放心，查不出来", "我承诺，请不要受理",
    "我承诺，请受理吧，不行再说", "我承诺，请受理，我没看",
    # 如实 with a future, a negation, or the bare "frankly"
    "我承诺以后如实填报", "我承诺不如实填报", "我承诺如实说",
    # the label with another name, alone, or before someone else's act
    "承诺人李四：本人承诺", "承诺人张伟", "承诺人张伟：他承诺",
    # someone else filled it in, or the speaker did not; the clause alone is no act
    "我承诺，这些都是我儿子填的", "我承诺，这些不是我自己填的", "这些都是我自己填的",
    # the denial alone, or followed by no plain act; the rhetorical 谁说 asks rather than states, whatever follows
    "谁说我不承诺了，我承诺", "谁说我不承诺，我承诺", "没说不承诺", "谁说我不承诺了", "我不是不承诺", "谁说我不承诺了，我不承诺", "没说不承诺，我也没说承诺",
    "谁说我不承诺了，我爱人承诺", "谁说我不承诺了？我承诺", "谁说我承诺了，我承诺", "没说不承诺，我承诺吧",
    "没说不同意，我承诺",
])
def test_citizen_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("这个承诺我做不了，我名下还有个门面房", "negated"), ("承诺我签不了", "negated"), ("我当然不承诺", "negated"),
    ("哦，我不承诺", "negated"),
])
def test_refusals(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text", [
    "本公司承诺本公司承诺", "本公司承诺，本公司承诺", "我们公司承诺哟",
    "我是老板，我承诺", "我是老板，本公司承诺",
])
def test_enterprise_short_forms(text):
    assert enterprise_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "本公司承诺我公司承诺", "我们公司承诺的", "公司承诺的", "我们老板承诺的", "老板承诺", "我是老板，老板承诺", "我是老板，他承诺",
    "我是老板娘，我承诺", "我是店长，我承诺", "我是老板的儿子，我承诺", "我是老板，我考虑承诺",
])
def test_enterprise_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["本公司承诺本公司承诺", "我是老板，我承诺"])
def test_a_citizen_cannot_take_the_company_forms(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", [
    "我有赵强特别授权，代他承诺", "我持赵强特别授权，代为承诺", "经特别授权，我代赵强承诺", "嗯，我经特别授权代赵强承诺",
    "受特别授权，刘洋代赵强承诺", "我爸给了特别授权，我代他承诺", "我代赵强承诺，有特别授权", "我代赵强承诺（有特别授权）",
    "赵强特别授权了，我代为承诺", "我代为承诺，赵强特别授权的",
    "经委托人赵强特别授权，本人代为承诺，不实后果由委托人承担",
])
def test_proxy_short_forms(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # named by no one, and 代为 names no one either
    "我刘洋经特别授权代为承诺", "代理人刘洋经特别授权代为承诺", "经特别授权，我代为承诺", "我代为承诺，有特别授权",
    # a different authoriser or principal, or another proxy
    "我有李娜特别授权，代他承诺", "我有赵强特别授权，代李娜承诺", "经特别授权，我代李娜承诺", "我代赵强承诺，李娜特别授权的",
    "我爸给了特别授权，我代李娜承诺", "李娜特别授权了，我代为承诺", "赵强特别授权了，我代李娜承诺", "受特别授权，王五代赵强承诺",
    # an oral or ordinary authorisation, none, one still to come, one doubted or asked
    "我有赵强口头授权，代他承诺", "赵强口头授权了，我代为承诺", "我代为承诺，赵强口头授权的", "我爸给了授权，我代他承诺",
    "经授权，我代赵强承诺", "只有口头授权，我代他承诺", "我代赵强承诺，没有特别授权", "我代赵强承诺，会有特别授权",
    "我代赵强承诺，马上有特别授权", "我代为承诺，赵强会特别授权的", "我代为承诺，等赵强特别授权", "我代为承诺，赵强特别授权",
    "我代赵强承诺，有特别授权吧", "我代赵强承诺，有特别授权的话", "赵强特别授权了吗，我代为承诺", "受特别授权，我代赵强承诺吧",
    "我代赵强承诺，有特别授权XXX",
    # the authorisation reported, not the act
    "赵强特别授权我代为承诺",
])
def test_proxy_look_alikes(text):
    assert proxy_kind(text) != "explicit"
