"""Short answers at the choices and the names, as people type them on a phone: a question in 有…不 or a quality then 不
(承诺有风险不), some kind of X denied after a verb (不搞啥承诺), 自家 for 自己, for whom else asked back (还能替谁办), the
relative who would have helped said to be away, 算了 said twice or with its reason after it, what to write then the
name (还是写彭磊), 滴 after a name, the executive director shortened (执董), posts that are not the legal representative
(店长, 董事, 老板娘), the role said to be a relative's of the one named, and a pet name said twice (毛毛). Each shape is
pinned beside look-alikes that keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import name_outcome, outcome


@pytest.mark.parametrize("text,expected", [
    ("承诺有风险不", "question"), ("承诺安全不", "question"), ("承诺，靠谱不", "question"),
    # look-alikes: an answer with 不 of its own, a refusal's 不, a plain statement
    ("我有证明，不", "no"), ("用承诺，没有风险", "yes"),
    ("我就不搞啥承诺了，证明明天就送过来", "no"), ("不要什么承诺", "no"),
    ("这不是啥都要交吗", "question"),
    # 按 follows the way it names, as 走 does
    ("是……哦不，还是否吧", "no"), ("还是否吧", "no"), ("还是否要交证明", "question"), ("是否", "question"),
    ("不是按一般程序，是用承诺", "yes"), ("不按一般程序，用承诺", "yes"), ("按一般程序", "no"), ("不按承诺来", "no"),
])
def test_commitment_choice_short_forms(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("俺自家办", "self"), ("自家的事", "self"),
    ("本人啊，还能替谁办", "self"), ("代办，还能替谁办", "proxy"),
    # alone, for whom else asked back answers nothing
    ("还能替谁办", "question"),
    ("本人。我儿子在外地，只能我自己弄了", "self"), ("我儿子出差了，这回只能我自己办", "self"),
    # look-alikes: acting for the one away, or the one away alone
    ("我儿子出差了，帮他办", "proxy"), ("我儿子在外地，我帮他办", "proxy"),
])
def test_who_acts_short_forms(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("算了算了", "cancel"), ("那算了，我不是法人", "cancel"), ("哦我不是法人，那先算了，回头重新选代办", "cancel"),
    ("我不是法人，那就算了", "cancel"),
    # look-alike: a name said after the reason
    ("算了，我不是法人，法人是王芳", "clarify"),
    ("还是写彭磊", "彭磊"), ("就填王芳", "王芳"), ("法人钟华滴", "钟华"), ("执董赵鹏", "赵鹏"),
    ("执行董事王刚", "王刚"), ("董事长王刚", "王刚"), ("老板王刚", "王刚"),
    # posts that are not the legal representative, and the role said to be a relative's of the one named
    ("老板娘刘美玲", "clarify"), ("董事王刚", "clarify"), ("我是店长，叫何丽", "clarify"), ("店长何丽", "clarify"),
    ("老板叫王强，法人是他妈", "clarify"),
    # look-alike: the relative named
    ("总经理是汪洋，法人是他妈妈李桂芝", "李桂芝"),
])
def test_representative_short_forms(text, expected):
    assert outcome("representative_name", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("还是写邹静", "邹静"), ("我叫毛毛", "clarify"), ("毛毛", "clarify"), ("王丽丽", "王丽丽"), ("我叫王丽丽", "王丽丽"),
])
def test_own_name_short_forms(text, expected):
    assert name_outcome("a", text) == expected
