"""The legal representative's name (actions/interpret.py) given with an officer's post that is not the role's: the
law gives the role to the chairman (董事长), the executive director (执行董事) or the manager (经理, 总经理) only. A
supervisor (监事) never holds it and a deputy (副总, 副经理) contradicts a claim of it, so either is asked again whatever
is said beside it; a department director (总监) or a shareholder (股东) is asked again unless the role is claimed in so
many words. The posts that may hold the role, a post said of someone else or denied, and the agent's own name are
read as before."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, outcome


@pytest.mark.parametrize("text", [
    # the post as the title of the one named, before or after the name
    "监事王芳", "副总王芳", "总监王芳", "副经理王芳", "股东王芳", "王芳（监事）", "王芳，副总", "王芳是监事", "王芳总监",
    "本人系公司副总经理王芳",
    # the speaker's own post
    "我是监事，叫王芳", "我是公司监事王芳", "我是副总，王芳", "我在公司当副总，王芳", "我是股东，王芳", "我是大股东，王芳",
    "我是这家公司的股东王芳", "我是股东之一，法人是另一个股东，叫秦川",
])
def test_an_officer_post_that_is_not_the_representatives_is_asked_again(text):
    assert outcome("representative_name", text) == "clarify"
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text", [
    # a supervisor cannot hold the role, a deputy claiming it contradicts the post: the claim beside them is no rescue
    "我是监事兼法人，王芳", "我是法人兼监事，王芳", "王芳，监事兼法人", "王芳，法人兼监事", "法人是监事王芳",
    "我是副总，法人是我，王芳", "法人也是我，我是副总，王芳",
])
def test_a_supervisor_or_a_deputy_is_asked_again_even_beside_a_claim(text):
    assert outcome("representative_name", text) == "clarify"


@pytest.mark.parametrize("text,expected", [
    # a shareholder or director who claims the role in so many words holds it
    ("王芳，法人兼股东", "王芳"), ("王芳，股东兼法人", "王芳"), ("我是股东也是法人，王芳", "王芳"),
    ("法人是我，我是这家公司的唯一股东王芳", "王芳"), ("公司就我一个股东，法人也是我，汪洋", "汪洋"),
    # the posts that may hold the role stay read
    ("我是总经理，也是法人，王芳", "王芳"), ("我是总经理，王芳", "王芳"), ("总经理王芳", "王芳"), ("董事长王芳", "王芳"),
    ("执行董事王芳", "王芳"), ("经理王芳", "王芳"), ("老板王芳", "王芳"), ("负责人王芳", "王芳"),
    ("我是执行董事兼总经理，王芳", "王芳"),
    # the post said of someone else, denied, a body rather than a post, or only wished for
    ("法人是王芳，监事是李红", "王芳"), ("王芳，监事是李红", "王芳"), ("王芳，不对，王芳是监事，法定代表人是周志强", "周志强"),
    ("王芳，不对，那是监事，法人是我，张伟", "张伟"), ("我是法人，不是股东，袁大伟", "袁大伟"),
    ("我不是监事，我是法人，王芳", "王芳"), ("我不是股东，王芳", "王芳"), ("王芳，不是监事", "王芳"),
    ("股东会决议的法人是王芳", "王芳"), ("我要是股东就好了，王芳", "王芳"),
])
def test_the_role_claimed_or_a_post_of_someone_else_is_read(text, expected):
    assert outcome("representative_name", text) == expected


@pytest.mark.parametrize("text", ["监事王芳", "副总王芳", "总监王芳", "我是监事，叫王芳", "我是副总，王芳", "我是股东，王芳"])
def test_the_agents_own_name_is_read_whatever_their_post(text):
    assert outcome("agent_name", text) == "王芳"
