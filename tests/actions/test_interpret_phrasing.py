"""Whole classes of everyday phrasing at the non-legal asks (actions/interpret.py): who is helped and how they are
named, the proofs in hand or out of reach, a name given beside a title, a pronoun or a relation, a commitment
number declined in a longer sentence. Each class is read the same way whatever the words around it, and what
would only look like it is still asked again."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context

PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


def outcome(reading):
    return reading.value if reading.kind == "value" else reading.kind


ACTING_AS = [
    # someone named, or named with more words between the verb and the person
    ("帮赵强办", "proxy"), ("替李秀英申请", "proxy"), ("帮隔壁王大妈办", "proxy"), ("帮村里五保户办", "proxy"),
    ("帮我家老爷子办", "proxy"), ("帮我家那口子办", "proxy"), ("帮我师傅办", "proxy"),
    # 代表 a person; who the speaker is to the applicant when the applicant is named as such
    ("我代表我爸", "proxy"), ("我是申请人的女儿", "proxy"),
    # the applicant cannot come or is absent
    ("我爸瘫在床上，我来办", "proxy"), ("我爸办不了，我来", "proxy"), ("本人没来", "proxy"),
    # negation of the applicant themself
    ("非本人", "proxy"), ("我不是申请人", "proxy"), ("我不是法人", "proxy"),
    # someone else's matter
    ("这是我爸的事，我来帮忙", "proxy"), ("老人的", "proxy"), ("家里人的事", "proxy"),
    ("受人之托", "proxy"), ("公司派我来的", "proxy"), ("我是帮忙的", "proxy"), ("我是社区网格员", "proxy"),
    ("我是法人的秘书", "proxy"),
    # the applicant themself
    ("办我自己的", "self"), ("我办我的", "self"), ("俺", "self"), ("法人是我", "self"), ("公司法人就是我", "self"),
    ("算了，还是本人", "self"), ("自已办", "self"), ("是我自已的事", "self"),
    # the speaker a child of "him", the one the matter is for, is a proxy; the speaker's own matter asked to be done
    # is the applicant's own (a clerk reads both so)
    ("我是他儿子", "proxy"), ("帮我办一下", "self"),
    # not enough to decide: a spouse (a household matter may be the spouse's own), help without whose, a joke, a name
    ("我是她老公", "clarify"), ("帮忙办", "clarify"),
    ("本人，开个玩笑，是代办", "clarify"), ("我是老板娘", "clarify"), ("我是张伟", "clarify"),
]


@pytest.mark.parametrize("text,expected", ACTING_AS)
def test_acting_as_phrasing(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


USE_COMMITMENT = [
    ("就按承诺来", "yes"), ("证明开不出来", "yes"), ("开不了证明", "yes"), ("算了，还是承诺吧", "yes"),
    ("算了算了，用承诺", "yes"), ("我有证明", "no"), ("证明都带了", "no"), ("交材料", "no"), ("还是交材料吧", "no"),
    ("按正常的来", "no"), ("承诺吧，算了，交证明", "no"),
    # "算了" alone, or last, still stops; asking about materials is a question
    ("算了", "cancel"), ("算了，不办了", "cancel"), ("用承诺的话还要交什么材料吗", "question"),
    ("不用交材料，承诺吧", "yes"),
]


@pytest.mark.parametrize("text,expected", USE_COMMITMENT)
def test_use_commitment_phrasing(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


REPRESENTATIVE = [
    ("董事长王强", "王强"), ("王强（董事长）", "王强"), ("王强 董事长", "王强"), ("王强经理", "王强"),
    ("王强，公司老板", "王强"), ("执照上法人写的王强", "王强"), ("营业执照上写的是王强", "王强"),
    ("法人就是我王芳", "王芳"), ("我就是王强", "王强"), ("王强就是法人", "王强"), ("我王强就是法人", "王强"),
    ("王强呗", "王强"), ("呃，王强", "王强"), ("法人是谁？王强", "王强"), ("张和平", "张和平"), ("法人王永和", "王永和"),
    ("李太平", "李太平"), ("郑在明", "郑在明"),
    # still asked again: a title or relation alone, a speaker who is not the representative
    ("董事长", "clarify"), ("法人是王强，我是他老婆", "clarify"), ("王强，上面写着呢", "王强"),
]


@pytest.mark.parametrize("text,expected", REPRESENTATIVE)
def test_representative_name_phrasing(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


AGENT = [
    ("刘洋（外甥）", "刘洋"), ("刘洋（赵强的外甥）", "刘洋"), ("刘洋，赵强外甥", "刘洋"), ("我是社区的刘洋", "刘洋"),
    ("我刘洋", "刘洋"), ("就我刘洋", "刘洋"), ("俺刘洋", "刘洋"), ("我叫王永和", "王永和"),
]


@pytest.mark.parametrize("text,expected", AGENT)
def test_agent_name_phrasing(text, expected):
    assert outcome(interpret("agent_name", text, PROXY)) == expected


@pytest.mark.parametrize("text", [
    # a pronoun before a verb, a place, a relation, a particle: no name
    "我看看", "我们公司", "我外地的", "我来办", "张伟在", "人都在", "还在", "也行", "和平", "在家", "刘洋也", "我爸",
])
def test_words_that_only_look_like_a_name(text):
    assert interpret("applicant_name", text).kind == "clarify"


COMPLAINT_NUMBER = [
    ("邻居的编号我哪知道", "none"), ("没有呢", "none"), ("编号？没有", "none"), ("忘记了", "none"), ("不晓得", "none"),
    ("举报的是别人的，不知道编号", "none"), ("这个投诉跟承诺没关系", "none"), ("不是针对某个承诺", "none"),
    ("算了不填了", "none"),
    ("CN20261127-000001，不对，是CN20261127-000002", "CN20261127-000002"),
    # a question about the number is still a question
    ("编号在哪里看", "question"),
]


@pytest.mark.parametrize("text,expected", COMPLAINT_NUMBER)
def test_complaint_commitment_number_phrasing(text, expected):
    assert outcome(interpret("complaint_commitment_no", text)) == expected


def test_not_knowing_a_number_that_is_required_is_asked_again():
    # Where the number is needed (a status query), "我哪知道" is no number and nothing to skip.
    assert interpret("commitment_no", "我哪知道").kind == "clarify"
    assert interpret("commitment_no", "忘记了").kind == "clarify"


@pytest.mark.parametrize("text,expected", [
    # who the speaker is to the applicant, then the name
    ("我是他外孙刘洋", "刘洋"), ("我是他表哥刘洋", "刘洋"), ("我是他干儿子刘洋", "刘洋"), ("我是赵强外甥刘洋", "刘洋"),
    ("我是他家亲戚刘洋", "刘洋"), ("我是他的保姆，叫刘洋", "刘洋"), ("孙丽华", "孙丽华"), ("我是孙丽华", "孙丽华"),
    # a number beside the name
    ("刘洋(410105199508150021)", "刘洋"), ("刘洋 ID:410105199508150021", "刘洋"),
    # a relation or a form of address is no name
    ("我是他孙子", "clarify"), ("我是他的保姆", "clarify"), ("保姆", "clarify"), ("姑姑", "clarify"), ("叔叔", "clarify"),
])
def test_agent_named_beside_a_relation(text, expected):
    assert outcome(interpret("agent_name", text, PROXY)) == expected


def test_the_number_beside_the_name_is_kept():
    reading = interpret("agent_name", "刘洋（身份证410105199508150021）", PROXY)
    assert reading.value == "刘洋" and reading.extra.get("id_number") == "410105199508150021"


@pytest.mark.parametrize("text,expected", [
    ("回复是", "yes"), ("我选否", "no"), ("选择不用", "no"), ("那就承诺好了", "yes"), ("必须用", "yes"),
    ("选择交证明", "no"), ("我选", "clarify"),
])
def test_use_commitment_said_with_the_questions_words(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the verb of naming, the copula, 本人 and a title beside a name are no part of it
    ("法人叫做王芳", "王芳"), ("法人代表人是王芳", "王芳"), ("法人名叫王芳", "王芳"), ("王芳本人", "王芳"),
    ("法人是本人王芳", "王芳"), ("王芳王总", "王芳"), ("是王芳", "王芳"),
    # the operator of an individual business, the name as it stands now, the document's box
    ("我是店主王芳", "王芳"), ("经营者是我，叫王芳", "王芳"), ("负责人是王芳", "王芳"), ("营业执照上是王芳", "王芳"),
    ("法人变了，现在是王芳", "王芳"), ("执照上法人一栏写的王芳", "王芳"), ("王芳当法人", "王芳"),
    # the surname and the given name told apart; the speaker recalling the name aloud
    ("姓王，名芳", "王芳"), ("姓王名芳", "王芳"), ("法人叫啥来着……王芳", "王芳"),
    # and what is still asked
    ("法人是啥来着", "question"), ("法人是我爸王建国", "clarify"),
])
def test_representative_named_in_a_sentence(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text,expected", [
    ("刘洋，赵强是我舅舅", "刘洋"), ("代理人叫做刘洋", "刘洋"), ("我姓刘，叫小洋", "刘小洋"), ("我姓刘，叫刘洋", "刘洋"),
    ("赵强", "clarify"),
])
def test_agent_named_beside_the_applicant(text, expected):
    assert outcome(interpret("agent_name", text, PROXY)) == expected


@pytest.mark.parametrize("text,expected", [
    ("我是法人，给公司办", "self"), ("我是法人，替公司办", "self"), ("我是会计，替公司办", "proxy"),
    ("我不是法人，替公司办", "proxy"),
])
def test_the_representative_acting_for_their_own_enterprise(text, expected):
    assert outcome(interpret("acting_as", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text,expected", [
    ("我妈的低保", "proxy"), ("是我的低保", "self"), ("我是他请来的", "proxy"), ("自家的事", "self"),
    ("不是我妈的低保", "clarify"),
])
def test_whose_matter_it_is(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("开证明要跑好几个地方，我承诺", "yes"), ("用不着承诺", "no"), ("用不着交证明", "yes"), ("你说咋办就咋办", "clarify"),
    ("要几天？", "question"),
])
def test_more_commitment_choices(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("我帮我爸办，不是，是我自己的", "self"), ("本人，不是", "clarify"), ("本人在外地，用手机办", "clarify"),
    ("我在外地，用手机办", "self"), ("帮我妈用手机办", "proxy"), ("本人不在，我替他办", "proxy"), ("我是他监护人", "proxy"),
])
def test_who_applies_said_with_a_correction_or_a_circumstance(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("证明不开了", "yes"), ("村里不给开证明", "yes"), ("居委会不给开证明，用承诺", "yes"), ("不给开证明怎么办", "question"),
    ("嗯哪", "yes"), ("好哒", "yes"), ("哪个快用哪个", "clarify"), ("哪个是承诺", "question"),
])
def test_proofs_refused_and_dialect_yes(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("step,text,expected", [
    ("agent_name", "我嘅名係劉洋", "刘洋"), ("agent_name", "刘洋（代办）", "刘洋"), ("agent_name", "代理人刘洋（身份证号见附件）", "刘洋"),
    ("agent_name", "我个名叫刘洋", "刘洋"), ("applicant_name", "我名张伟", "张伟"), ("applicant_name", "名字张伟", "张伟"),
    ("applicant_name", "我姓张，叫张伟", "张伟"),
])
def test_names_after_a_word_for_name(step, text, expected):
    assert outcome(interpret(step, text, PROXY if step == "agent_name" else Context())) == expected


@pytest.mark.parametrize("text,expected", [
    # the name is recorded as the legal representative's: the handler, the contact, whoever handles this matter or
    # holds a staff post is someone acting for the enterprise, and is asked again
    ("经办人是王芳", "clarify"), ("我是公司的会计，叫王芳", "clarify"), ("联系人：王芳", "clarify"), ("联系人是王芳", "clarify"),
    ("我们这边是王芳负责", "clarify"), ("由王芳负责", "clarify"), ("我们这边王芳会计负责", "clarify"), ("王芳主任", "clarify"),
    ("我是公司出纳王芳", "clarify"),
    # an officer who may represent it, the boss, or the representative named beside the handler
    ("我是郑州好味餐饮管理有限公司的经理，叫王芳", "王芳"), ("郑州好味餐饮管理有限公司，老板王芳", "王芳"),
    ("经办人是王芳，法人是李强", "李强"),
    # a title, a form of address or an errand for someone else is no name of the person acting
    ("我是出纳", "clarify"), ("主任", "clarify"), ("我们这边是王经理负责", "clarify"), ("我是公司的会计，替老板来办", "clarify"),
    ("联系人可能是王芳", "clarify"), ("经办人是谁", "question"), ("联系人填谁？", "question"), ("负责", "clarify"),
])
def test_the_person_acting_for_the_enterprise(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("step,ctx,text,extra", [
    ("agent_name", PROXY, "刘洋，电话13812345678", {"phone": "13812345678"}),
    ("agent_name", PROXY, "我叫刘洋，手机号是138 1234 5678", {"phone": "13812345678"}),
    ("agent_name", PROXY, "代办人刘洋 身份证410105199508150021 电话13812345678",
     {"id_number": "410105199508150021", "phone": "13812345678"}),
    ("representative_name", ENTERPRISE, "王芳，手机13812345678", {"phone": "13812345678"}),
])
def test_a_phone_beside_the_name_is_kept(step, ctx, text, extra):
    reading = interpret(step, text, ctx)
    assert reading.kind == "value" and all(reading.extra.get(k) == v for k, v in extra.items()), reading


def test_two_phones_beside_a_name_keep_neither():
    reading = interpret("agent_name", "刘洋，电话13812345678或者13912345678", PROXY)
    assert reading.value == "刘洋" and "phone" not in reading.extra


@pytest.mark.parametrize("text,expected", [
    # where the person works before the name, the answer confirmed after it, the name as it was changed to
    ("我是郑州好味餐饮管理有限公司的王芳", "王芳"), ("我们公司的王芳", "王芳"), ("公司王芳", "王芳"),
    ("店里是我王芳负责", "王芳"), ("王芳就行", "王芳"), ("法人是王芳没错", "王芳"), ("王芳就是我", "王芳"),
    ("法人不是李强了，换成王芳了", "王芳"), ("法人换成王芳了", "王芳"),
    # the speaker not the representative, or sent by them, or the one named handling this matter: the name alone is no
    # answer
    ("法人不是我，是王芳", "clarify"), ("这事王芳负责", "clarify"), ("不是我，是王芳", "clarify"), ("我妈王芳是法人", "clarify"),
    ("我是公司会计王芳，法人让我来的", "clarify"), ("店里", "clarify"), ("换成了", "clarify"),
])
def test_the_representative_named_with_what_surrounds_it(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


def test_an_enterprise_name_ending_in_a_shop_stays_whole():
    reading = interpret("applicant_name", "郑州好味餐饮公司分店", Context(applicant_kind="enterprise"))
    assert outcome(reading) == "郑州好味餐饮公司分店"


@pytest.mark.parametrize("text,expected", [
    ("代办的是刘洋", "刘洋"), ("来办的是刘洋", "刘洋"), ("赵强委托刘洋办理", "刘洋"), ("他委托我刘洋来办", "刘洋"),
    ("刘洋来办", "刘洋"), ("委托的是谁", "question"), ("代办的是赵强", "clarify"), ("来办的是我", "clarify"),
    ("我的名字叫做刘洋", "刘洋"),
])
def test_the_proxy_named_as_who_runs_the_errand(text, expected):
    assert outcome(interpret("agent_name", text, PROXY)) == expected


def test_who_runs_the_errand_is_no_representative():
    assert outcome(interpret("representative_name", "委托的是王芳", ENTERPRISE)) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("没有证明", "yes"), ("不用证明", "yes"), ("我没证明", "yes"), ("没有证明吗", "question"),
    ("我没有证明，但是想开", "clarify"), ("不用不行吧", "clarify"), ("我承诺就是了", "yes"), ("那当然", "yes"),
    ("不用了，证明我带着呢", "no"), ("证明我带着呢", "no"), ("我不承诺就是了", "no"),
])
def test_proofs_missing_or_in_hand(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("这是我爸的", "proxy"), ("老人家让我帮忙", "proxy"), ("我让我儿子帮忙", "clarify"), ("这是我爸的吗", "question"),
])
def test_whose_matter_said_in_passing(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("证明太难开了", "yes"), ("没时间开证明", "yes"), ("我想用", "yes"), ("不想用", "no"), ("不用啦", "no"),
    ("材料齐了", "no"), ("我有全部材料", "no"), ("材料齐了吗", "question"), ("证明不难开", "clarify"),
    ("我不想用，证明太难开了", "clarify"),
])
def test_proofs_hard_to_get_or_complete(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("给老母亲办", "proxy"), ("他本人不识字，我帮他", "proxy"), ("他本人", "clarify"), ("本人", "self"),
])
def test_the_applicant_called_his_own_self(text, expected):
    assert outcome(interpret("acting_as", text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("法人没变，还是王芳", "王芳"), ("法人王芳没变", "王芳"), ("是王总王建国", "王建国"), ("王总李建国", "clarify"),
    ("还是", "clarify"), ("我还是法人", "clarify"),
])
def test_the_representative_as_before_or_addressed(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text", ["联系人是王芳", "联系人：王芳", "我们这边是王芳负责"])
def test_a_contact_is_no_applicant(text):
    assert outcome(interpret("applicant_name", text)) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("刘洋代理", "刘洋"), ("受托人刘洋（赵强之子）", "刘洋"), ("代办人：刘洋（申请人之子）", "刘洋"), ("刘洋，男，三十五岁", "刘洋"),
    ("三十五岁", "clarify"), ("代理", "proxy_word"), ("刘洋（女，35岁）", "刘洋"), ("刘洋（三十五岁）", "刘洋"),
])
def test_the_proxy_named_with_a_written_aside(text, expected):
    reading = interpret("agent_name", text, PROXY)
    assert outcome(reading) == expected if expected != "proxy_word" else reading.kind == "clarify"


def test_sex_and_id_in_brackets_beside_the_name():
    reading = interpret("agent_name", "刘洋（男，身份证410105199508150021）", PROXY)
    assert reading.value == "刘洋" and reading.extra.get("id_number") == "410105199508150021"


@pytest.mark.parametrize("text,expected", [
    # the company, a title and the name in one breath: only the name is the answer
    ("好味餐饮管理有限公司的老板王芳", "王芳"), ("郑州好味餐饮管理有限公司经理王芳", "王芳"),
    ("我是郑州好味餐饮管理有限公司的总经理王芳", "王芳"), ("王芳是郑州好味餐饮管理有限公司的法人", "王芳"),
    ("公司经理", "clarify"), ("我们公司的经理", "clarify"),
])
def test_the_representative_named_with_the_company_and_a_title(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text,expected", [
    ("财务", "clarify"), ("行政", "clarify"), ("前台", "clarify"),
    # a staff post as the title: someone who acts for the enterprise, not its legal representative, asked again
    ("主管王芳", "clarify"), ("财务王芳", "clarify"), ("行政王芳", "clarify"), ("王芳主管", "clarify"),
    # an officer's post that is not the legal representative's (a supervisor, a deputy, a department director)
    ("总监王芳", "clarify"), ("监事王芳", "clarify"), ("副总王芳", "clarify"),
])
def test_a_title_beside_the_name_is_no_part_of_it(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("step,text", [
    ("agent_name", "我是来办事的"), ("agent_name", "隔壁老王"), ("agent_name", "我是志愿者"), ("agent_name", "社区派来的"),
    ("agent_name", "快点吧"), ("agent_name", "刘某"), ("agent_name", "办事员"), ("agent_name", "跑腿的"),
    ("agent_name", "工作人员"), ("representative_name", "法人出差了"), ("representative_name", "老板娘"),
])
def test_what_is_said_where_a_name_is_asked_is_no_name(step, text):
    assert outcome(interpret(step, text, PROXY if step == "agent_name" else ENTERPRISE)) == "clarify"


# (老板娘 is the owner's wife as often as a woman who owns the business: which of the two is open, so her name is asked
# again, as a post that need not be the legal representative's)
@pytest.mark.parametrize("step,text,expected", [
    ("agent_name", "我是志愿者刘洋", "刘洋"), ("representative_name", "老板娘王芳", "clarify"),
    ("representative_name", "我是老板娘，叫王芳", "clarify"),
])
def test_the_name_after_such_words(step, text, expected):
    assert outcome(interpret(step, text, PROXY if step == "agent_name" else ENTERPRISE)) == expected


@pytest.mark.parametrize("text", ["低保申请", "我是本地的", "刚下班", "我是农民", "上午好", "稍等", "机器人", "人工客服", "转人工"])
def test_greetings_errands_and_requests_are_no_applicant_name(text):
    assert outcome(interpret("applicant_name", text)) == "clarify"


@pytest.mark.parametrize("text", ["我叫张伟，刚下班", "上午好，我叫张伟", "申请人张伟"])
def test_the_applicant_named_beside_them(text):
    assert outcome(interpret("applicant_name", text)) == "张伟"


@pytest.mark.parametrize("step,text,expected", [
    ("use_commitment", "开证明还是承诺好", "question"), ("use_commitment", "承诺还是开证明快", "question"),
    ("use_commitment", "我还是承诺好了", "yes"), ("use_commitment", "还是开证明吧", "no"),
    ("acting_as", "帮自己和我妈", "clarify"), ("acting_as", "给我爸和我自己办", "clarify"), ("acting_as", "我自己办", "self"),
])
def test_both_ways_at_once(step, text, expected):
    assert outcome(interpret(step, text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("开证明没必要", "yes"), ("证明就不用了", "yes"), ("免开证明", "yes"), ("证明免了", "yes"), ("证明不想开", "yes"),
    ("证明不用开了吗", "question"), ("开证明有必要", "no"), ("证明没必要开吧", "clarify"),
])
def test_the_proofs_waved_off_after_naming_them(text, expected):
    assert outcome(interpret("use_commitment", text)) == expected


@pytest.mark.parametrize("text", ["小本生意", "我是合伙人", "本店老板", "我是当家的", "我是创始人", "是老板自己", "我是投资人",
                                  "我是高管", "店主", "我就是经营者", "法人是郑州好味", "法人有两个，王芳和李强"])
def test_words_of_the_length_of_a_name_are_no_name(text):
    # a person's name starts with a surname; titles, counts and a piece of the company's own name are asked again
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("我就是店主，王芳", "王芳"), ("法人呢就是我王芳", "王芳"), ("法人係王芳", "王芳"), ("王 芳 法人", "王芳"),
    ("法人王芳（就是我）", "王芳"), ("负责人：王芳（个体户）", "王芳"), ("王芳我本人", "王芳"), ("法人是王芳（汉族）", "王芳"),
    ("王芳（郑州好味餐饮管理有限公司法定代表人）", "王芳"), ("扎西顿珠", "扎西顿珠"), ("艾尔肯·买买提", "艾尔肯·买买提"),
])
def test_the_representative_named_in_everyday_ways(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text,extra", [
    ("我叫刘洋是赵强的侄子电话13912345678", {"phone": "13912345678"}), ("刘洋（电话13912345678）", {"phone": "13912345678"}),
    ("刘洋，微信同号13912345678", {"phone": "13912345678"}), ("王芳 48岁 13812345678", {"phone": "13812345678"}),
])
def test_a_value_beside_the_agent_in_voice_input_and_brackets(text, extra):
    reading = interpret("agent_name" if "刘洋" in text else "representative_name", text,
                        PROXY if "刘洋" in text else ENTERPRISE)
    assert reading.kind == "value" and all(reading.extra.get(k) == v for k, v in extra.items()), reading


@pytest.mark.parametrize("text", ["刘洋或者我媳妇，看谁有空", "刘洋或者王芳"])
def test_one_of_two_people_is_no_name(text):
    assert outcome(interpret("agent_name", text, PROXY)) == "clarify"


@pytest.mark.parametrize("step,text,expected", [
    # the applicant's relative, with 本人 for the applicant; 当事人 for the one the matter is about
    ("acting_as", "我是本人的女儿", "proxy"), ("acting_as", "我就是当事人", "self"), ("acting_as", "当事人是我妈", "proxy"),
    ("acting_as", "我本人办理，没有委托别人", "self"), ("acting_as", "没人委托我", "self"), ("acting_as", "我来申请低保", "self"),
    # either way said of both is no choice; the way named as feared is not chosen
    ("use_commitment", "承诺也行证明也行", "clarify"), ("use_commitment", "还是交证明吧，承诺怕出错", "no"),
    ("use_commitment", "好呀好呀", "yes"), ("use_commitment", "用呗", "yes"), ("use_commitment", "那就承诺把", "yes"),
    ("use_commitment", "没必要开证明，承诺就好", "yes"), ("use_commitment", "我选否，选错了，选是", "yes"),
])
def test_choices_in_everyday_ways(step, text, expected):
    assert outcome(interpret(step, text)) == expected


@pytest.mark.parametrize("step,text,expected", [
    # a rhetorical question used as an answer says the opposite of what it asks
    ("acting_as", "这还用问？当然是本人", "self"), ("acting_as", "谁说代办了，我本人", "self"),
    ("acting_as", "不是给我自己，是给我爸办", "proxy"), ("acting_as", "是本人，不过是我儿子帮我操作手机", "self"),
    ("use_commitment", "哪能不用，当然用承诺", "yes"), ("use_commitment", "谁说不用了，我要用承诺", "yes"),
    ("use_commitment", "这还用问？当然用承诺，省事", "yes"), ("use_commitment", "哪用得着承诺，证明我都有", "no"),
    ("use_commitment", "谁要承诺啊，我交证明", "no"), ("use_commitment", "承诺？不必了", "no"),
    ("use_commitment", "承诺就不用了，我交证明", "no"),
    # either way left to us is no choice; a rhetorical question alone is still a question
    ("use_commitment", "用不用承诺都行", "clarify"), ("use_commitment", "谁说不用了", "question"),
    ("use_commitment", "用不用承诺？", "question"), ("use_commitment", "谁说不用开证明的？我听说要开", "question"),
    ("use_commitment", "哪能用承诺，我证明都开好了", "no"), ("acting_as", "本人哪有空，我替他跑一趟", "proxy"),
])
def test_choices_asked_back(step, text, expected):
    assert outcome(interpret(step, text)) == expected


@pytest.mark.parametrize("step,text,expected", [
    # the choice handed to us as "whichever", not understood, or judged only tentatively: asked again
    ("use_commitment", "你说哪个好我就选哪个", "clarify"), ("use_commitment", "哪个快就用哪个", "clarify"),
    ("use_commitment", "我儿子说用承诺，我不太懂", "clarify"), ("acting_as", "我老伴的，也算我的吧", "clarify"),
    ("acting_as", "算是本人吧", "clarify"),
    # the plain choices beside them
    ("use_commitment", "俺用承诺，开证明太费劲", "yes"), ("use_commitment", "木有必要承诺，材料齐全", "no"),
    ("acting_as", "我老伴的", "proxy"), ("acting_as", "是我本人 不是代办", "self"), ("acting_as", "算了吧", "clarify"),
])
def test_choices_left_open(step, text, expected):
    assert outcome(interpret(step, text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the representative named beside a contact remark, or run together with the role in voice input
    ("法人是我，冯建国，有啥问题打我电话13598765432", "冯建国"), ("我叫田玉兰是这个公司的法人", "田玉兰"),
    ("王芳是这个公司的法人", "王芳"),
    # the name still to be asked of someone, or which of two to fill in asked
    ("法人是谁我得问问老板", "clarify"), ("我得问问会计", "clarify"), ("法人换了还没变更，写新的还是旧的", "question"),
    ("有啥问题打我电话13598765432", "clarify"),
])
def test_representative_with_remarks_beside_the_name(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


def test_a_phone_beside_the_representative_is_kept():
    reading = interpret("representative_name", "法人是我，冯建国，有啥问题打我电话13598765432", ENTERPRISE)
    assert reading.extra.get("phone") == "13598765432"


@pytest.mark.parametrize("step,ctx,text,expected", [
    # the question's own choices asked back, then the answer
    ("acting_as", Context(), "本人办理还是代他人办理？本人办理", "self"),
    ("use_commitment", Context(), "您问我愿不愿意采用告知承诺，愿意", "yes"),
    ("use_commitment", Context(), "回复是，采用承诺", "yes"),
    ("acting_as", Context(), "本人办理还是代他人办理？我也说不清", "question"),
    # a question about the procedure after the answer: the answer stands
    ("use_commitment", Context(), "用承诺，承诺完了多久能批？", "yes"),
    ("use_commitment", Context(), "采用告知承诺。另外问一下需要带身份证原件吗", "yes"),
    ("acting_as", Context(), "我自己的，问一下代办需要啥", "self"),
    ("acting_as", Context(), "我本人办，办完能不能给我发个短信", "self"),
    ("representative_name", ENTERPRISE, "法人是雷振东，请问需要上传营业执照吗", "雷振东"),
    # a question about the choice itself stays a question
    ("use_commitment", Context(), "用承诺，承诺以后查出来不符合会罚吗", "question"),
    ("use_commitment", Context(), "用承诺的话还要交什么材料吗", "question"),
    # characters spaced out, the ordinary procedure chosen, both at once, proofs already handed in
    ("use_commitment", Context(), "用 承 诺", "yes"), ("acting_as", Context(), "代 办", "proxy"),
    ("use_commitment", Context(), "市民选择按一般程序提交证明", "no"),
    ("acting_as", Context(), "都有，我自己的和我妈的一起办", "clarify"),
    ("use_commitment", Context(), "不是不想用承诺，是我已经交过证明了", "no"),
    # names: two offered, one still being recalled
    ("representative_name", ENTERPRISE, "法人是李梅还是李玫，营业执照在店里", "clarify"),
    ("representative_name", ENTERPRISE, "法人是杨，杨什么来着", "clarify"),
    ("representative_name", ENTERPRISE, "法人叫啥来着……王芳", "王芳"),
    ("representative_name", ENTERPRISE, "法人没变，还是王芳", "王芳"),
])
def test_answers_with_the_question_around_them(step, ctx, text, expected):
    assert outcome(interpret(step, text, ctx)) == expected


@pytest.mark.parametrize("text,expected", [
    # the enterprise by its name cut short, the question's remark echoed, a correction that ends on the speaker
    ("好味餐饮的韩冬梅，我就是法人", "韩冬梅"), ("法定代表人姓名：白雪松（承诺书由我以企业名义作出）", "白雪松"),
    ("法人是我老婆……不对不对，去年变更了，现在法人是我，武国栋", "武国栋"),
    ("法人是武国栋，不对，法人是我老婆孙丽", "clarify"), ("好味餐饮的会计", "clarify"),
    ("我是好味餐饮的员工王芳，法人是我老板", "clarify"),
])
def test_representative_named_with_the_company_or_after_a_correction(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("text,expected", [
    ("我妈住院了本来想让她自己弄，她不会用手机，我替她办", "proxy"), ("她自己办", "clarify"), ("自己办", "self"),
])
def test_someone_else_doing_it_themself_is_not_the_speaker(text, expected):
    assert outcome(interpret("acting_as", text, Context())) == expected


# --- a double negation set against what follows, corrections, homophones, titles, someone else's choice -----------

@pytest.mark.parametrize("step,ctx,text,expected", [
    # the double negation alone is a yes; set against a 是 clause, that clause is the answer
    ("use_commitment", Context(), "不是不愿意", "yes"), ("use_commitment", Context(), "不是不用，是要用", "yes"),
    ("use_commitment", Context(), "不是不愿意，是我证明都开好了", "no"),
    ("use_commitment", Context(), "不是不愿意，是我儿子已经把证明开回来了", "no"),
    # corrected, then a clean answer either way
    ("use_commitment", Context(), "不用，说错了，用告知承诺方式", "yes"), ("use_commitment", Context(), "用承诺，不对，还是不用", "no"),
    # the commitment mocked is a rude no
    ("use_commitment", Context(), "承诺你个大头鬼", "no"), ("use_commitment", Context(), "承诺？承诺你个大头鬼，交证明", "no"),
    # someone else's choice beside the speaker's own
    ("use_commitment", Context(), "我老伴愿意用承诺，我也愿意", "yes"),
    # the pinyin keyboard's homophones of 本人 and 代办
    ("acting_as", Context(), "本仁", "self"), ("acting_as", Context(), "是本仁，自己的事", "self"),
    ("acting_as", Context(), "代半", "proxy"), ("acting_as", Context(), "帮我妈代半的", "proxy"),
    ("acting_as", Context(), "本人，说错了，帮我妈办", "proxy"), ("acting_as", Context(), "我是本人的女儿", "proxy"),
    ("acting_as", Context(), "我妈自己办，我帮她填", "proxy"),
    # the name with its bearer's form of address after it; a refusal denied before the name
    ("representative_name", ENTERPRISE, "王芳王经理", "王芳"), ("representative_name", ENTERPRISE, "王建国王总", "王建国"),
    ("representative_name", ENTERPRISE, "就写王芳吧", "王芳"), ("representative_name", ENTERPRISE, "不是不告诉你，法人叫王芳", "王芳"),
    ("representative_name", ENTERPRISE, "法人是李强，更正一下，是王芳", "王芳"),
])
def test_double_negations_corrections_and_homophones(step, ctx, text, expected):
    assert outcome(interpret(step, text, ctx)) == expected


@pytest.mark.parametrize("step,ctx,text", [
    # set against a reason, a fear, a condition, someone else, a question or a hedge: no choice made
    ("use_commitment", Context(), "不是不用，是不会用"), ("use_commitment", Context(), "不是不愿意，是我妈不愿意"),
    ("use_commitment", Context(), "不是不愿意，就是怕麻烦"), ("use_commitment", Context(), "不是不愿意，要是能快点就用"),
    ("use_commitment", Context(), "不是不愿意，用承诺吗？"), ("use_commitment", Context(), "不是不愿意，可能用吧"),
    # corrected, then hedged, conditional, someone else's, or asked
    ("use_commitment", Context(), "不用，说错了，可能用吧"), ("use_commitment", Context(), "不用，说错了，要是快就用"),
    ("use_commitment", Context(), "不用，说错了，我妈想用"), ("use_commitment", Context(), "不用，说错了，用承诺吗？"),
    ("use_commitment", Context(), "我老伴愿意用承诺"), ("use_commitment", Context(), "就用承若吧"),
    # homophones still hedged, conditional or asked; a real word that is no answer; someone else acting
    ("acting_as", Context(), "本仁吧，应该是"), ("acting_as", Context(), "要是我爸来不了就代半"), ("acting_as", Context(), "本仁？"),
    ("acting_as", Context(), "待办"), ("acting_as", Context(), "我是本人他爹"), ("acting_as", Context(), "我妈自己办"),
    ("acting_as", Context(), "代办，说错了，看我爸能不能来吧"), ("acting_as", Context(), "你猜我是谁😏"),
    # a guess, a refusal, the speaker's relative after a correction
    ("representative_name", ENTERPRISE, "法人是王芳吧"), ("representative_name", ENTERPRISE, "不是不告诉你"),
    ("representative_name", ENTERPRISE, "法人是我，哦不对，是我老公李强"),
    ("representative_name", ENTERPRISE, "法人是王芳，不对，好像是李强"),
])
def test_look_alikes_of_double_negations_corrections_and_homophones(step, ctx, text):
    assert outcome(interpret(step, text, ctx)) in ("clarify", "question")


@pytest.mark.parametrize("step,text,expected", [
    # the errand for proofs told as a story, then the choice
    ("use_commitment", "我上次去社区开证明跑了三趟都没开成，这次就用告知承诺吧", "yes"),
    ("use_commitment", "我去居委会开证明开了三回了，人家说不归他们管，烦死了，用承诺", "yes"),
    ("use_commitment", "开证明跑了三趟，还是交证明吧", "clarify"),
    ("use_commitment", "开证明跑了三趟终于开好了，不用承诺", "clarify"),
    # the commitment called a joke, then refused plainly; other jokes asked again
    ("use_commitment", "用承诺？开玩笑，我才不用", "no"), ("use_commitment", "用承诺，开玩笑的，交证明", "no"),
    # (the refusal called a joke, then replaced by the commitment said in full, is that answer at a choice, as the
    # commitment called a joke and replaced by a refusal is; nothing before the joke, nothing replaced)
    ("use_commitment", "不用承诺，开玩笑的，用承诺", "yes"), ("use_commitment", "开玩笑，用承诺", "clarify"),
    ("use_commitment", "用承诺，开玩笑的", "clarify"), ("use_commitment", "开玩笑，我才不用承诺呢，用！", "clarify"),
    # 为 as the written "is": the caller is the applicant
    ("acting_as", "来电人为申请人本人", "self"), ("acting_as", "来电人为申请人代办", "proxy"),
    ("acting_as", "为申请人办", "proxy"), ("acting_as", "来电人为申请人的儿子", "proxy"),
])
def test_stories_jokes_taken_back_and_the_written_is(step, text, expected):
    assert outcome(interpret(step, text, Context())) == expected


@pytest.mark.parametrize("text,expected", [
    # the role, then its holder's name in brackets, as a form is filled in
    ("法人（王芳）", "王芳"), ("法人(王芳)", "王芳"), ("法人（王芳，她不在）", "王芳"),
    ("法人（不知道）", "clarify"), ("法人（我）", "clarify"), ("法人（郑州好味）", "clarify"), ("法人（王芳?）", "question"),
    # 咱 is the speaker's own "my", as 我 and 俺 are: their relative is not the speaker
    ("法人是咱妈王芳", "clarify"), ("咱妈王芳", "clarify"), ("法人是咱老板王芳", "clarify"),
])
def test_the_representative_in_brackets_and_the_speakers_own(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("step,text,expected", [
    # the speaker's own question about the commitment answered at once, in the Henan way (中 = all right)
    ("use_commitment", "俺选承诺中不中 中", "yes"), ("use_commitment", "俺选承诺中不中？中", "yes"),
    ("use_commitment", "选承诺中不中 中中", "yes"), ("use_commitment", "承诺中不中 中嘞", "yes"),
    ("use_commitment", "中", "yes"), ("use_commitment", "中嘞", "yes"),
    # the question alone, answered both ways or with indifference, hedged, asked again, joked, or about the other way
    ("use_commitment", "俺选承诺中不中", "question"), ("use_commitment", "俺选承诺中不中 中不中", "clarify"),
    ("use_commitment", "俺选承诺中不中 都中", "clarify"), ("use_commitment", "俺选承诺中不中 中吧", "clarify"),
    ("use_commitment", "俺选承诺中不中 应该中", "question"), ("use_commitment", "俺选承诺中不中 中？", "question"),
    ("use_commitment", "承诺中不中 要是中就中", "question"), ("use_commitment", "俺选承诺中不中 中哈哈", "clarify"),
    ("use_commitment", "俺选承诺中不中 中 开玩笑的", "clarify"), ("use_commitment", "俺不选承诺中不中 中", "clarify"),
    ("use_commitment", "俺交证明中不中 中", "clarify"), ("use_commitment", "俺爸选承诺中不中 中", "clarify"),
    # no time to act for others, asked back, then the speaker's own matter; "我自己的(事)" alone
    ("acting_as", "我哪有那么闲帮别人办，我自己的", "self"), ("acting_as", "我哪有那么闲帮别人办？我自己的", "self"),
    ("acting_as", "我自己的", "self"), ("acting_as", "我自己的事", "self"),
    # the rhetorical question alone, or followed by a question, a condition, a hedge, a joke, someone else's matter,
    # a negated last clause, a correction to a relative
    ("acting_as", "我哪有那么闲帮别人办", "question"), ("acting_as", "我哪有那么闲帮别人办，我自己的？", "question"),
    ("acting_as", "我哪有那么闲帮别人办，要是我自己的呢", "question"),
    ("acting_as", "我哪有那么闲帮别人办，应该是我自己的", "clarify"),
    ("acting_as", "我哪有那么闲帮别人办，我自己的，哈哈", "clarify"),
    ("acting_as", "我哪有那么闲帮别人办，他自己的", "clarify"), ("acting_as", "我哪有那么闲帮别人办，我妈自己的", "clarify"),
    ("acting_as", "我哪有那么闲帮别人办，不是我自己的", "clarify"), ("acting_as", "我哪有那么闲帮别人办，帮我妈办的", "clarify"),
    ("acting_as", "我妈自己的事", "clarify"), ("acting_as", "他自己的事", "clarify"), ("acting_as", "应该是我自己的", "clarify"),
])
def test_own_question_answered_and_own_matter(step, text, expected):
    assert outcome(interpret(step, text, Context())) == expected
