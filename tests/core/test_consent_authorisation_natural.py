"""The special authorisation (bot/core/consent.py) answered the way people talk: a plain yes with a side clause that
leaves it as it is (the principal's circumstances, other particulars of the document, where it was written and who
witnessed it, contact details, small talk), the document named by who issued it, the document quoted, a story told
before the answer; and the ways of saying the document does not hold the scope. Each accepted shape is pinned with
look-alikes that must not be taken for a yes: the side clause undermining the document (signed by the speaker or the
agent, not yet signed or sealed, a copy, expired, withdrawn, the principal against it or unaware), hedged, conditional,
said of another document or person, or only oral."""
from __future__ import annotations

import pytest

from bot.core.consent import special_authorisation
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, PROXY

COMPANY = Context(acting_as="proxy", applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司", agent_name="刘洋")


# --- a yes with a side clause about the people or the document ------------------------------------------------

@pytest.mark.parametrize("text", [
    # why the principal has not come
    "写明了特别授权，谢谢，我爸腿脚不好来不了", "写明了特别授权，他按的手印，他不识字", "写明了特别授权，老人住院了",
    "委托书写明了特别授权代为作出告知承诺，我妈年纪大了来不了", "写明了特别授权，赵强他在外地打工",
    "写明了特别授权，我爸腿脚不太好",
    # other particulars of the document
    "委托书写明了特别授权，赵强身份证号码也写在上面了", "写明了特别授权代为承诺，双方身份证号都写了",
    # where it was written, who witnessed it, the notary's number, how it was written
    "委托书是在村委会写的，写明了特别授权代为作出告知承诺，村支书见证的",
    "写明了特别授权代为作出告知承诺，社区工作人员见证的",
    "嗯，委托书里写了特别授权代为作出告知承诺，公证书编号(2026)豫郑证字第123号",
    # contact details as an afterthought, the page to turn to, small talk, a sign-off
    "有，委托书写明特别授权代为作出告知承诺，另外我手机号13912345678",
    "写明了，特别授权代为作出告知承诺，在第二页，您翻到那页就能看到",
    "委托书写了特别授权，代为作出告知承诺，谢谢，辛苦了，今天天气挺冷", "写明了特别授权 over", "写明了特别授权，完毕",
])
def test_side_clause_leaves_the_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the side clause said of the speaker, or one that undermines the document or the principal's will
    "写明了特别授权，我不识字", "写明了特别授权，不识字", "写明了特别授权，他不同意", "写明了特别授权，他还不知道",
    "写明了特别授权，他已经不在了", "写明了特别授权，我爸糊涂了", "写明了特别授权，是复印件", "写明了特别授权，已经过期了",
    "写明了特别授权，他撤回了", "写明了特别授权，他还没签字", "写明了特别授权，不过是我签的",
    # hedged or conditional
    "写明了特别授权，我爸应该腿脚不好", "写明了特别授权，要是他来不了的话", "写明了特别授权，我爸腿脚不好来不了吧",
    "写明了特别授权，赵强身份证号码应该写在上面了",
    # the side clause negated or off its shape
    "写明了特别授权，赵强身份证号码没写", "写明了特别授权，您翻到那页就看不到", "写明了特别授权，今天天气不好",
    "委托书是在村委会写的，写明了特别授权代为作出告知承诺，村支书不同意", "委托书是我在村委会写的，写明了特别授权代为作出告知承诺",
    "有，委托书写明特别授权代为作出告知承诺，另外我手机号1391234",
    "委托书写明了特别授权，公证书编号(2026)豫郑证字第123号，不过过期了",
    "写明了特别授权 no", "写明了特别授权 over?",
    # the side clause alone
    "我爸腿脚不好来不了", "委托书是在村委会写的", "村支书见证的", "赵强身份证号码也写在上面了", "完毕",
])
def test_side_clause_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


# --- the document named by who issued it ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "赵总签的委托书写明了特别授权代为承诺", "干爹赵强给我写的委托书，写明可以代他作出告知承诺",
    "委托书落款赵强，正文里写着由刘洋代他作出告知承诺", "我司出具的授权委托书已写明特别授权代为作出告知承诺",
    "赵强给我开的委托书写明了特别授权代为作出告知承诺",
])
def test_issued_by_the_principal(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "公司法务出的委托书写明了特别授权代为承诺", "好味餐饮给我开的委托书写明可以代公司作出告知承诺",
    "法定代表人签字并加盖公章的授权书写明由我代表公司作出告知承诺",
])
def test_issued_by_the_company(text):
    assert _yes(special_authorisation(text, COMPANY))


@pytest.mark.parametrize("text", [
    # issued or signed by the speaker, the agent or someone else
    "我签的委托书写明了特别授权代为承诺", "王总签的委托书写明了特别授权代为承诺", "刘洋签的委托书写明了特别授权代为承诺",
    "我写的委托书，写明可以代他作出告知承诺", "王五给我写的委托书，写明可以代他作出告知承诺",
    "委托书落款王五，正文里写着由刘洋代他作出告知承诺", "委托书落款刘洋，正文里写着由刘洋代他作出告知承诺",
    # a relative of the principal, not the principal, signs
    "他儿子签的委托书写明了特别授权", "赵强的儿子签的委托书写明了特别授权", "他老伴签的委托书写明了特别授权",
    # hedged
    "赵总签的委托书写明了特别授权代为承诺吧", "赵总签的委托书应该写明了特别授权代为承诺",
])
def test_issuer_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "美味餐饮给我开的委托书写明可以代公司作出告知承诺", "王五给我开的委托书写明可以代公司作出告知承诺",
    "公司法务出的委托书应该写明了特别授权代为承诺", "法定代表人还没签字的授权书写明由我代表公司作出告知承诺",
    "委托书写明了特别授权，公章盖了吗",
])
def test_company_issuer_look_alikes(text):
    assert not _yes(special_authorisation(text, COMPANY))


# --- the document quoted --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "委托书（手写）：我赵强特别授权刘洋代我作出告知承诺", "委托书上那句“特别授权代为作出告知承诺”我核对过了，有",
    "WRITTEN: 特别授权代为作出告知承诺，写明了", "xie ming le，特别授权代为作出告知承诺写明了", "选“写明了特别授权”",
    "你问的那句委托书上有，一字不差", "委托书里“代为作出告知承诺”那一项打了✓",
    "委托书背面手写的特别授权代为作出告知承诺，有我老母亲的签名",
])
def test_document_quoted(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the grantor in the quotation is the agent; a copy; written by the speaker
    "委托书（手写）：我刘洋特别授权刘洋代我作出告知承诺", "委托书（复印件）：我赵强特别授权刘洋代我作出告知承诺",
    "委托书背面我手写的特别授权代为作出告知承诺",
    # the line not found, or found missing after the check
    "委托书上那句“特别授权代为作出告知承诺”我没找到", "委托书上那句“特别授权代为作出告知承诺”他核对过了", "委托书上那句“特别授权代为作出告知承诺”我核对过了，没有",
    # the quoted words asked back, hedged, or said of another document
    "你问的那句委托书上没有", "你问的那句委托书上应该有", "你问的那句我姐的委托书上有", "你问的那句委托书上有吗",
    "选“写明了特别授权”吗？", "选哪个？写明了特别授权？", "WRITTEN", "not written: 特别授权代为作出告知承诺",
    "委托书里“代为作出告知承诺”那一项打了×", "委托书里“代为作出告知承诺”那一项没打✓",
])
def test_quotation_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "选“没有写明”", "委托书上那句“代为办理”我核对过了", "委托书背面手写的代为办理",
])
def test_quotation_of_an_ordinary_power(text):
    assert special_authorisation(text, PROXY).kind == "negated"


# --- a story before the answer, a correction ending in a clear yes ----------------------------------------------

@pytest.mark.parametrize("text", [
    "我跟你说啊 赵强他腿脚不好来不了 所以写了委托书 上面写明了特别授权代为承诺",
    "跑了三趟了，社区说委托书必须写特别授权，我们专门重新写了一份，这回写明了代为作出告知承诺",
    "只写了代为办理……不对不对我拿错了，这是我姐那份，我爸那份写明了特别授权代为作出告知承诺",
])
def test_story_before_the_answer(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the document made by the speaker
    "我跟你说啊 赵强他腿脚不好来不了 所以我写了委托书 上面写明了特别授权代为承诺",
    "我跟你说啊 赵强他腿脚不好来不了 所以我自己写了委托书 上面写明了特别授权代为承诺",
    "我重新写了一份，这回写明了代为作出告知承诺",
    # the remade document not yet holding it, the rule told alone, what the office said would do
    "跑了三趟了，社区说委托书必须写特别授权，我们专门重新写了一份，这回还没写", "跑了三趟了，社区说委托书必须写特别授权",
    "社区说委托书上写了特别授权就行",
    # the scope said of another document, the same one taken back, a hedge after the correction
    "我这份没写，我姐那份写了", "我姐那份写了", "只写了代为办理……不对不对我拿错了，这是我姐那份",
    "只写了代为办理……不对不对我拿错了，这是我姐那份，我爸那份好像写明了特别授权",
    "只写了代为办理……不对不对我拿错了，这是我姐那份，我姐那份写明了特别授权代为作出告知承诺",
    "让我想想 写明了特别授权",
])
def test_story_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


# --- the document does not hold the scope -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "翻了两遍委托书，没找到这句话", "特别授权我有，委托书上没写", "他给了我特别授权，不过没写在委托书里",
    "明天让他补写特别授权", "写明了特别授权，除了承诺", "我司委托书仅写明代为办理相关手续", "他签了个空白委托书，让我自己填",
    "委托书上写的是委托办理低保，没写特别授权，这个还能办吗", "写了代办应该就包括承诺了吧",
    "写明了特别授权，除了承诺以外都写了",
])
def test_not_covered(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    "公司介绍信上只写了前来办理相关业务", "委托书写明了特别授权，不过公章还没盖",
])
def test_company_letter_not_covering_or_not_in_force(text):
    assert special_authorisation(text, COMPANY).kind == "negated"


@pytest.mark.parametrize("text,kind", [
    # not taken for a no either: a yes about the document, the commitment added to other powers ("除了…还…"), a
    # general power guessed to cover it, the seal of a person's letter (a person signs; the seal may be a notary's),
    # the scope already added
    ("特别授权我有，委托书上写了", "value"), ("写明了代为作出告知承诺，除了承诺还写了代为办理", "clarify"),
    ("写了全权委托，应该包括承诺吧", "clarify"), ("特别授权写了，不过还没盖章", "clarify"), ("他已经补写了特别授权", "clarify"),
])
def test_not_covered_look_alikes(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


def test_a_question_under_a_supposition_is_a_question():
    assert special_authorisation("如果委托书写了代为承诺就算特别授权吧？", PROXY).kind == "question"
