"""Whose name is read, and in which role (actions/interpret.py, the name readers).

The representative's name is recorded as the legal representative's, who makes the commitment in the enterprise's
name: a person named there in another role (the handler, the contact, whoever handles this matter, a staff post of the
speaker or of the one named) is asked again, while the representative, the 负责人 or 老板, an officer who may represent
the company, and the speaker's own name are read. At the proxy's steps: a nickname offered instead of the name, the
applicant named as the speaker's relative (in brackets, by marriage) or beside the proxy's own name said as the
speaker's, the errand handed back, and a phone number with a warning not to misdial beside it. Each shape is pinned
beside look-alikes that must stay undecided or keep their other reading. A wrong name, or the wrong person committing,
is worse than asking again."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context
from tests.actions import speakers

PROXY_APPLICANT = Context(acting_as="proxy", agent_name="刘洋")


def representative(text: str):
    return speakers.outcome("representative_name", text)


def outcome(step: str, text: str, ctx: Context):
    reading = interpret(step, text, ctx)
    return reading.value if reading.kind == "value" else reading.kind


# --- the representative's step: another role named is asked again --------------------------------------------------


@pytest.mark.parametrize("text", [
    # the handler or the contact
    "经办人是王芳", "联系人：王芳", "联系人是王芳", "我是经办人王芳", "王芳是经办人", "王芳（经办人）", "王芳，经办人",
    # whoever handles this matter, or is in charge "on this side"
    "我们这边是王芳负责", "这事王芳负责", "由王芳负责", "我们这边王芳会计负责", "店里是我王芳负责办理", "我们公司这边是我王芳负责",
    # the speaker's staff post
    "我是公司的会计，叫王芳", "我是公司出纳王芳", "我在店里当收银，叫王芳", "本人系郑州好味餐饮管理有限公司会计王芳",
    # the one named titled with a staff post (主任: an office post, not one the law lets represent a company)
    "财务王芳", "王芳主任", "王芳是会计", "王芳（出纳）", "王芳(会计)",
    # the representative named as the speaker's relative, as a form is filled in
    "法人：我岳父孙德胜", "法人：我爸孙德胜", "法人我舅舅孙德胜",
    # who the named person is to the speaker, in brackets: someone else's name
    "王芳（是我妈）", "王芳（我家老公）", "王芳（我老婆）",
])
def test_a_name_in_another_role_is_asked_again(text):
    assert representative(text) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("经办人是王芳", "other_role"), ("这事王芳负责", "other_role"),
    ("我是公司的会计，叫王芳", "not_representative"), ("财务王芳", "not_representative"),
])
def test_why_it_is_asked_again(text, expected):
    assert speakers.detail("representative_name", text) == expected


@pytest.mark.parametrize("text,expected", [
    # the representative, the boss, the 负责人 (the legal equivalent of a sole proprietor or a branch)
    ("法人王芳", "王芳"), ("法定代表人是王芳", "王芳"), ("我们老板叫张伟", "张伟"), ("负责人是蹇国强", "蹇国强"),
    ("负责人就是我，叫王芳", "王芳"), ("我是负责人王芳", "王芳"),
    # the speaker in charge of the business itself
    ("店里是我王芳负责", "王芳"), ("公司是我王芳负责", "王芳"),
    # an officer who may represent it
    ("我是郑州好味餐饮管理有限公司的经理，叫王芳", "王芳"), ("我是董事长王芳", "王芳"), ("我是执行董事，叫王芳", "王芳"),
    ("王芳是董事长", "王芳"), ("王芳（董事长）", "王芳"),
    # the representative named beside the handler; the speaker's post beside the role claimed in so many words
    ("经办人是王芳，法人是李强", "李强"), ("法人是李强，经办人王芳", "李强"),
    ("我是会计兼法人，叫王芳", "王芳"), ("我是会计，也是法人，叫王芳", "王芳"), ("我是会计，法人就是我，王芳", "王芳"),
    ("王芳（会计兼法人）", "王芳"), ("法人王芳，联系人也是她", "王芳"),
    # a post said of another, or denied, is no title of the one named; the speaker's own name in brackets stays read
    ("王芳，会计是李红", "王芳"), ("王芳，不是会计", "王芳"), ("王芳（本人）", "王芳"), ("法人：我，孙德胜", "孙德胜"),
])
def test_the_representative_is_still_read(text, expected):
    assert representative(text) == expected


@pytest.mark.parametrize("text", [
    "也是老板娘，我是会计，王芳", "我是会计，也是老板的秘书，叫王芳", "我是出纳，老板叫李强",
])
def test_no_claim_of_the_role_beside_a_staff_post(text):
    assert representative(text) == "clarify"


# --- the agent's own name: a handler naming themself is right there -------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("经办人是刘洋", "刘洋"), ("我是经办人刘洋", "刘洋"), ("我是公司的会计，叫刘洋", "刘洋"), ("这事刘洋负责", "刘洋"),
    ("店里是我刘洋负责", "刘洋"), ("联系人：刘洋", "刘洋"),
])
def test_the_handler_at_the_agents_step(text, expected):
    assert speakers.outcome("agent_name", text) == expected


# --- a nickname offered instead of the name -------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("叫我雷锋就行", "clarify"), ("你喊我刘洋就好", "clarify"), ("称呼我刘洋好了", "clarify"), ("叫我雷锋就行😁", "clarify"),
    # the name said beside it, or the errand asked of the speaker, is read as before
    ("叫我小翠就行，全名叫于翠花", "于翠花"), ("我叫刘洋就行", "刘洋"), ("叫我来办就行", "clarify"),
])
def test_a_nickname_is_no_name(text, expected):
    assert speakers.outcome("agent_name", text) == expected


def test_a_nickname_beside_the_full_name_at_the_representatives_step():
    assert representative("法人是我，叫我小邓就行，全名邓晓兵") == "邓晓兵"


# --- the errand handed back ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("算了，不帮他办了", "cancel"), ("算了 不替她办了", "cancel"), ("算了，我不帮他办了", "cancel"), ("不帮他办了", "cancel"),
    # asked, or with more said after it
    ("算了，不帮他办了吗", "question"), ("不帮他办了吗", "question"), ("算了，不帮他办了，让他自己来", "clarify"),
])
def test_the_errand_handed_back(text, expected):
    assert speakers.outcome("agent_name", text) == expected


# --- whom a proxy acts for, named as the speaker's relative ---------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("申请人：赵强（我爸）", "赵强"), ("赵强（是我爸）", "赵强"), ("不是我，是我婆婆冯玉梅", "冯玉梅"), ("是我婆婆冯玉梅", "冯玉梅"),
    ("我老丈人王强", "王强"),
    ("是给我老公办的，刘洋是我，他叫陈刚", "陈刚"), ("刘洋是我，他叫陈刚", "陈刚"), ("我是刘洋，申请人是陈刚", "陈刚"),
    # a guess, two names with no word of which, the proxy's own name alone, a question
    ("我婆婆冯玉梅吧", "clarify"), ("我爸赵强吧", "clarify"), ("刘洋，陈刚", "clarify"), ("刘洋是我", "clarify"),
    ("刘洋是我，陈刚或者赵强", "clarify"), ("刘洋是我，他叫陈刚吗", "question"), ("不是我，是我婆婆", "clarify"),
])
def test_the_applicant_named_as_the_speakers_relative(text, expected):
    assert outcome("applicant_name", text, PROXY_APPLICANT) == expected


@pytest.mark.parametrize("text", ["我婆婆冯玉梅", "我叫刘洋，我婆婆冯玉梅"])
def test_a_relative_named_at_the_agents_step_is_someone_else(text):
    assert speakers.outcome("agent_name", text) == "clarify"


@pytest.mark.parametrize("text", ["是我婆婆冯玉梅", "我姐夫王强", "法人是我婆婆冯玉梅"])
def test_a_relative_named_at_the_representatives_step_is_someone_else(text):
    assert representative(text) == "clarify"


# --- the copula before a post is no part of the name ----------------------------------------------------------------


@pytest.mark.parametrize("step,text,expected", [
    ("agent_name", "刘洋是会计", "刘洋"), ("applicant_name", "赵强是会计", "赵强"), ("applicant_name", "赵强是老板", "赵强"),
])
def test_the_copula_before_a_post(step, text, expected):
    ctx = PROXY_APPLICANT if step == "applicant_name" else speakers.PROXY_AGENT
    assert outcome(step, text, ctx) == expected


# --- a phone number with a warning not to misdial -------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("就这个号15617890123，别打错了", "15617890123"), ("15617890123，不要写错了", "15617890123"),
    # a slip named is still a correction; the warning alone is no number
    ("15617890123，打错了，15617890124", "15617890124"), ("15617890123，说错了", "clarify"), ("别打错了", "clarify"),
])
def test_a_warning_not_to_misdial(text, expected):
    assert outcome("phone", text, Context()) == expected
