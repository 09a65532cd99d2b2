"""The commitment with the special authorisation stated in a clause of its own, and with harmless words beside it
(bot/core/affirmation.py): a proxy who names the authorisation by its document, its role or its holder before the act
(赵强的授权委托书上写明授权我代为作出告知承诺，我代他承诺; 我是赵强的特别授权代理人，代赵强承诺; 我舅舅赵强给我签了特别授权，
我代他承诺), or after it (…，他给我签了特别授权委托书); an enterprise's representative in a letter's words (本人系<company>
法定代表人; 以法定代表人身份); a citizen's content, remarks and corrections in everyday words. Each accepted form has
look-alikes beside it that must stay unaccepted: someone else named, no special authorisation, a plan, the wrong
direction, doubt, a condition, another person, a negation of the act."""
from __future__ import annotations

import pytest

from bot.core.affirmation import classify
from tests.core.speakers import ENTERPRISE, proxy_kind, self_kind


def company_kind(text):
    """The enterprise as the commitment step sees it when the representative's name is not known."""
    return classify(text, applicant_name=ENTERPRISE, applicant_kind="enterprise").kind


# --- a proxy: the special authorisation in a clause of its own --------------------------------------------------

@pytest.mark.parametrize("text", [
    "赵强的授权委托书上写明授权我代为作出告知承诺，我代他承诺",
    "我是赵强的特别授权代理人，代赵强承诺符合办理条件",
    "本人受赵强书面特别委托授权，代为作出承诺",
    "我舅舅赵强给我签了特别授权，我代他承诺",
    "我爸赵强出具了写明代为承诺的委托书，我代我爸承诺",
    "依据赵强的特别授权，刘洋代为承诺所填信息真实",
    "凭赵强的特别授权，我代为作出告知承诺，不实承诺的后果由赵强承担",
    "有赵强的特别授权，我代他承诺，以上都是他家的真实情况",
    "赵强特别授权我代为承诺，现在我代他承诺",
    "我持趙強簽的特別授權委託書，代其承諾",
    "委托书第二条写了特别授权代为作出告知承诺，我代赵强承诺",
    "我是他闺女，有他签的特别授权，我代我爸赵强承诺",
    "我不是不代他承诺，我有特别授权，我代赵强承诺",
    "老爷子住院来不了，我拿着他的特别授权书，代赵强承诺",
    "【热线代录】代理人刘洋已取得赵强书面特别授权，代为承诺以上内容属实",
    "按特别授权委托书，我刘洋代申请人赵强作出承诺，承诺以上情况真实",
    "我手上有赵强亲笔签的特别授权书，授权范围包括代为承诺，我代他承诺",
    "赵强已书面特别授权本人代为作出告知承诺，本人代为承诺",
    "特别授权委托书在这儿，我代赵强承诺🙏",
    "我代赵强承诺，他给我签了特别授权委托书",
    "我受赵强特别授权，代他承诺，麻烦尽快审核，谢谢",
    "我姨夫赵强瘫痪在床，委托书上写了特别授权代为承诺，我代他承诺",
])
def test_authorisation_stated_then_the_commitment(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # the document says nothing of the commitment, or is no special authorisation
    "赵强的委托书上写明授权我代为办理，我代他承诺", "我舅舅赵强给我签了委托书，我代他承诺", "我持赵强签的委托书，代其承诺",
    "我代赵强承诺，他给我签了委托书", "老爷子住院来不了，我拿着他的委托书，代赵强承诺", "我是赵强的代理人，代赵强承诺",
    # someone else named as authorising, bearing the liability, committed for, or as the proxy
    "王芳的授权委托书上写明授权我代为作出告知承诺，我代他承诺", "我是王芳的特别授权代理人，代赵强承诺",
    "我有特别授权，我代王芳承诺", "凭赵强的特别授权，我代为承诺，不实承诺的后果由王芳承担", "依据赵强的特别授权，王芳代为承诺",
    "我是他闺女，有他签的特别授权，我代我爸王芳承诺",
    # no one named at all: the applicant must be named somewhere
    "委托书上写了代为承诺，我代为承诺", "特别授权委托书在这儿，我代为承诺", "按特别授权委托书，我代为承诺",
    # a plan, the report alone, the wrong direction, a reason with no authorisation, willingness, mockery
    "我舅舅赵强会给我签特别授权，我代他承诺", "我代赵强承诺，他会给我签特别授权委托书", "赵强特别授权我代为承诺",
    "赵强的授权委托书上写明授权我代为作出告知承诺", "赵强特别授权我代为承诺，他代我承诺", "老爷子住院来不了，我代赵强承诺",
    "赵强给我签了特别授权，我打算代他承诺", "我受赵强特别授权，代他承诺，麻烦尽快审核吧哈哈",
])
def test_authorisation_clause_look_alikes(text):
    assert proxy_kind(text) != "explicit"


# --- an enterprise through its legal representative ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人系郑州好味餐饮管理有限公司法定代表人，代表本公司承诺", "我以法定代表人身份，代表郑州好味餐饮管理有限公司作出承诺",
    "我是法人，代表我们公司承诺", "作为法人代表，我代表公司承诺，有问题我们负责",
    "我公司承诺，统一社会信用代码９１４１０１００ＭＡ４４ＸＫ７Ｌ３Ｄ", "公司同意，不对，应该说本公司承诺",
    "本公式承诺，打错了，本公司承诺", "我是公司法人，刚看完告知书，本公司承诺符合条件", "本公司承诺，从业人员均持有有效健康证明",
    "本人作为法定代表人，代表公司承诺，后续核查随时配合", "我公司承诺，如有虚假，愿意接受撤销许可等处理",
    "12345代录：郑州好味餐饮管理有限公司法定代表人来电，代表公司承诺以上内容属实", "俺公司承诺，都是实打实的",
    "本公司承诺。另外营业执照上的地址没有变",
])
def test_enterprise_in_other_words(text):
    assert company_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # someone in the company who is not its representative
    "本人系郑州好味餐饮管理有限公司会计，代表本公司承诺", "我以经办人身份，代表郑州好味餐饮管理有限公司作出承诺",
    "我是会计，代表我们公司承诺", "我是公司会计，刚看完告知书，本公司承诺符合条件",
    "12345代录：郑州好味餐饮管理有限公司会计来电，代表公司承诺以上内容属实",
    # a code that is no code, a question, what is not held, a hedge, a refusal of the liability, a change asked
    "我公司承诺，统一社会信用代码9141", "本公司承诺，从业人员均持有健康证明吗", "本公司承诺，从业人员还没持有健康证明",
    "本公司承诺，后续核查看情况配合", "我公司承诺，如有虚假，不接受撤销许可等处理", "本公司承诺。另外营业执照上的地址变了没有",
    "本公司承诺，营业执照上的地址没有变，但是还没年检",
    # an assent taken back and nothing after it
    "公司同意，不对",
])
def test_enterprise_look_alikes(text):
    assert company_kind(text) != "explicit"


# --- a citizen: content, remarks and corrections in everyday words -------------------------------------------

@pytest.mark.parametrize("text", [
    "我承诺，家里情况就是我填的那样", "我承诺以上填写的家庭收入和财产情况真实", "本人承诺所述家庭成员、收入、住房情况均属实",
    "我承诺，后面情况有变化的话我会主动报告", "本人承诺，手机保持畅通", "我承诺。对了，电话号码没变",
    "本人承诺，这是我自己的真实意愿，没人逼我", "我承诺，也知道不实承诺会被记入诚信档案", "本人知晓不实承诺的法律后果，本人承诺",
    "作为申请人，我承诺以上内容真实", "晚上好，我承诺", "我承诺，不对，是本人承诺", "我同意——哦不对，要写承诺用语：本人承诺",
    "【热线代录】来电人张伟本人口述：本人承诺以上内容属实", "来电人原话：“我承诺，我说的都是实话。”",
    "本人承诺（12345坐席按来电人口述录入）", "我承诺，麻烦尽快给办",
])
def test_citizen_in_other_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # coercion, or the free will denied
    "本人承诺，有人逼我", "本人承诺，这是我自己的真实意愿，有人逼我", "本人承诺，不是我自己的真实意愿",
    # corrections to a refusal, to someone else, or to nothing
    "我同意，不对，我不承诺", "我同意——哦不对，要写承诺用语", "我承诺，不对，是他承诺", "我媳妇承诺，打错了，本人承诺",
    "他人承诺，打错了，本人承诺",
    # another capacity, willingness, someone else on the line, a hedge
    "作为申请人家属，我承诺以上内容真实", "作为申请人，我愿意承诺", "晚上好，我愿意承诺", "来电人张伟老婆口述：本人承诺以上内容属实",
    "【热线代录】来电人李四口述：本人承诺", "来电人原话：“我承诺，应该都是实话。”",
    # the remark's own negation or doubt, a change, knowing alone, a deferral, someone else's facts, a company
    "本人承诺，手机不保持畅通", "我承诺，家里情况不是我填的那样", "我承诺，电话号码变了", "我知晓不实承诺的法律后果",
    "我承诺，后面情况有变化的话再说", "本人承诺所述家庭成员、收入、住房情况应该属实", "我承诺以上填写的他的家庭收入情况真实",
    "本公司承诺以上内容属实", "我承诺，也知道不实承诺会被记入诚信档案吗",
])
def test_citizen_look_alikes(text):
    assert self_kind(text) != "explicit"
