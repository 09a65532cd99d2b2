"""Names with a rarer surname (actions/interpret.py): about one person in fifty has a surname outside the common
ones the name steps know (笪, 仉, 逄, 綦, 暴, 郗, 眭, 蹇, 訾, 昌, 俎, 粘, 钭, 郦, 琚…). Given as the whole answer or after a
name lead-in, such a name is taken at every name step; the words said in the same places that are no person (roles,
occupations, determiners, everyday words, what someone does) are still asked again, and a name with a common
surname said beside a bare word is preferred to it."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context

SELF = Context()
PROXY_APPLICANT = Context(acting_as="proxy", agent_name="刘洋")
PROXY_AGENT = Context(acting_as="proxy", applicant_name="赵强")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")

RARE_SURNAMES = "笪仉逄綦暴郗眭蹇訾昌俎粘钭郦琚"
GIVEN = ["秀兰", "建国", "凯", "晓东", "海燕"]


def outcome(reading):
    return reading.value if reading.kind == "value" else reading.kind


# Where only a name can be meant: {} is the name.
FORMS = {
    "applicant_name": (SELF, ["{}", "我叫{}", "姓名：{}", "本人{}", "我是{}", "{}啊"]),
    "representative_name": (ENTERPRISE, ["{}", "法人是{}", "法定代表人：{}", "{}是法人", "我就是法人，{}", "法人叫{}"]),
    "agent_name": (PROXY_AGENT, ["{}", "代办人是{}", "我叫{}", "代理人：{}", "来办的是我，{}", "我是他外甥{}"]),
}


@pytest.mark.parametrize("step", sorted(FORMS))
@pytest.mark.parametrize("surname", RARE_SURNAMES)
def test_a_rare_surname_is_taken_where_only_a_name_is_meant(step, surname):
    ctx, forms = FORMS[step]
    for i, form in enumerate(forms):
        name = surname + GIVEN[i % len(GIVEN)]
        assert outcome(interpret(step, form.format(name), ctx)) == name, form.format(name)


@pytest.mark.parametrize("step,text,ctx,expected", [
    ("applicant_name", "姓笪名秀兰", SELF, "笪秀兰"), ("applicant_name", "笪 秀兰", SELF, "笪秀兰"),
    ("applicant_name", "我叫笪秀蘭", SELF, "笪秀兰"), ("applicant_name", "申请人笪凤英", PROXY_APPLICANT, "笪凤英"),
    ("applicant_name", "我妈叫俎秀珍", PROXY_APPLICANT, "俎秀珍"), ("applicant_name", "帮我爸办，他叫粘国栋", PROXY_APPLICANT, "粘国栋"),
    ("representative_name", "负责人是蹇国强", ENTERPRISE, "蹇国强"), ("representative_name", "店里是我訾宏伟负责", ENTERPRISE, "訾宏伟"),
    ("representative_name", "法人姓訾，叫訾宏伟", ENTERPRISE, "訾宏伟"), ("agent_name", "姓昌名伟", PROXY_AGENT, "昌伟"),
    ("agent_name", "仉晓东（代办人）", PROXY_AGENT, "仉晓东"), ("agent_name", "我是赵强的邻居粘永福", PROXY_AGENT, "粘永福"),
])
def test_a_rare_surname_in_everyday_ways(step, text, ctx, expected):
    assert outcome(interpret(step, text, ctx)) == expected


def test_the_number_beside_a_rare_name_is_kept():
    reading = interpret("representative_name", "綦凯 13812345678", ENTERPRISE)
    assert reading.kind == "value" and reading.value == "綦凯" and reading.extra.get("phone") == "13812345678"


@pytest.mark.parametrize("step,text,ctx", [
    # roles and occupations, bare or after a lead-in
    ("representative_name", "合伙人", ENTERPRISE), ("representative_name", "法人是合伙人", ENTERPRISE),
    ("representative_name", "本店老板", ENTERPRISE), ("representative_name", "法人是本店老板", ENTERPRISE),
    ("representative_name", "负责人是股东", ENTERPRISE), ("representative_name", "小老板", ENTERPRISE),
    ("representative_name", "二房东", ENTERPRISE), ("representative_name", "我是司机", ENTERPRISE),
    ("representative_name", "会计", ENTERPRISE), ("representative_name", "我就是店主", ENTERPRISE),
    ("agent_name", "经纪人", PROXY_AGENT), ("agent_name", "我是外卖员", PROXY_AGENT), ("agent_name", "保安", PROXY_AGENT),
    ("agent_name", "我是快递员", PROXY_AGENT), ("applicant_name", "低保户", SELF),
    # pronoun- and determiner-led words, forms of address
    ("representative_name", "本店", ENTERPRISE), ("representative_name", "该公司", ENTERPRISE),
    ("representative_name", "我们", ENTERPRISE), ("applicant_name", "小笪", SELF), ("applicant_name", "老笪", SELF),
    # everyday words and what someone does
    ("representative_name", "小本生意", ENTERPRISE), ("applicant_name", "收到", SELF), ("applicant_name", "无业", SELF),
    ("applicant_name", "等会", SELF), ("applicant_name", "我是打工的", SELF), ("applicant_name", "卖水果的", SELF),
    ("agent_name", "物业", PROXY_AGENT), ("agent_name", "代办人是物业", PROXY_AGENT),
    # a lead-in said inside a sentence about something else
    ("agent_name", "我在叫外卖", PROXY_AGENT),
])
def test_what_is_no_person_is_asked_again(step, text, ctx):
    assert outcome(interpret(step, text, ctx)) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("我就是店主，王芳", "王芳"), ("好味道，法人是王芳", "王芳"),
])
def test_a_known_surname_is_preferred_to_a_bare_word(text, expected):
    assert outcome(interpret("representative_name", text, ENTERPRISE)) == expected


@pytest.mark.parametrize("step,text,ctx", [
    ("applicant_name", "可能叫笪秀兰", SELF), ("representative_name", "法人是笪凯？", ENTERPRISE),
    ("representative_name", "法人是我爸笪建国", ENTERPRISE), ("agent_name", "仉晓东或者我媳妇", PROXY_AGENT),
])
def test_a_rare_name_keeps_the_checks_every_name_has(step, text, ctx):
    assert outcome(interpret(step, text, ctx)) in ("clarify", "question")


@pytest.mark.parametrize("text", ["我是开饭店的", "开饭店", "我们是开饭店的", "开饭店的", "卖超市的", "做餐饮的", "开了个饭店"])
def test_what_someone_does_is_no_enterprise_name(text):
    """A verb of doing business before the kind of business names no enterprise: the name is asked again."""
    ctx = Context(applicant_kind="enterprise", item_kind="license")
    assert interpret("applicant_name", text, ctx).kind == "clarify"


@pytest.mark.parametrize("text", ["开元饭店", "郑州开元饭店有限公司", "做好餐饮管理有限公司"])
def test_an_enterprise_whose_name_starts_with_such_a_verb_is_still_read(text):
    ctx = Context(applicant_kind="enterprise", item_kind="license")
    reading = interpret("applicant_name", text, ctx)
    assert (reading.kind, reading.value) == ("value", text)
