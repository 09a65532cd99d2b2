"""The legal representative's name: an odd name laughed at by its bearer, told as the one a parent gave; a
name denied to be the famous word that holds it; a vouched name called made up after all; a plea not to laugh (no
name); "I am not the representative, never mind, I'll choose the proxy's way and start again"; a colon after 更正; a
relative the listener may suppose to hold the role, denied; a cheer (yyds) typed after a space; the obvious asked back
with laughter after it; a name guessed with a question mark; the name still to be asked of someone; and a staff post
beside the speaker asking whether they may stand in. Each shape is pinned beside look-alikes that keep their other
reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, name_outcome, outcome


@pytest.mark.parametrize("text,expected", [
    ("法人史珍香，名字是我爹起的，别笑啊😂", "史珍香"), ("法人是我，叫刘芳芳，名字是我妈起的，别笑", "刘芳芳"),
    ("法人王芳，名字我爹起的😂", "王芳"), ("法人是我，叫王芳，名字是我奶奶取的😂", "王芳"), ("法人史珍香，名字是我爹起的", "史珍香"),
    # look-alikes: a famous name, someone else who gave it, no one who gave it, the joke told, no name at all
    ("法人孙悟空，名字是我爹起的😂", "clarify"), ("我叫史珍香，名字是我朋友起的😂", "clarify"), ("法人史珍香，别笑啊😂", "clarify"),
    ("法人史珍香，名字是我爹起的，开玩笑的😂", "clarify"), ("名字是我妈起的，别笑", "clarify"),
    ("法人史珍香，名字是我爹起的，假的哈哈", "clarify"),
])
def test_name_given_by_a_parent(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text", ["法人是我妹妹史珍香，名字是我爹起的", "名字是我爹起的，法人是我爹史大海😂"])
def test_name_given_by_a_parent_keeps_a_relative_named(text):
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text,expected", [
    ("法人是我，叫白雪，下雪的那个白雪，不是白雪公主😂", "白雪"), ("法人叫白雪，不是白雪公主😂", "白雪"),
    ("法人是我，叫王芳，不是那个明星王芳哈哈", "王芳"),
    # look-alikes: laughter alone, the joke told, asked, the famous word as the name, a sneer, a name left unresolved
    ("法人叫白雪😂", "clarify"), ("法人是我，叫白雪，不是白雪公主，开玩笑的😂", "clarify"),
    ("法人叫白雪，不是白雪公主吗😂", "question"), ("法人是白雪公主😂", "clarify"), ("法人叫白雪，不是白雪公主🙃", "clarify"),
    ("不是白雪，是白雪梅…哦不对", "clarify"),
])
def test_name_denied_to_be_the_famous_word(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("法人是我，叫王芳，不是那个明星，假的哈哈", "clarify"), ("法人叫马云，此马云非彼马云哈哈，瞎编的", "clarify"),
    ("我叫白雪，不是白雪公主，瞎编的哈哈", "clarify"),
    # look-alikes: the made-up denied, or no vouching at all
    ("法人叫马云，此马云非彼马云哈哈，不是瞎编的", "马云"), ("法人是我，叫王芳，不是那个明星哈哈，没瞎编", "王芳"),
])
def test_vouched_name_called_made_up(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text", ["别笑", "别笑啊", "别急", "不许笑"])
def test_plea_not_to_laugh_is_no_name(text):
    for key in ("a", "r"):
        assert name_outcome(key, text) == "clarify"


def test_plea_beside_a_name():
    assert name_outcome("r", "别笑，史珍香") == "史珍香"


@pytest.mark.parametrize("text,expected", [
    ("哦我不是法人，算了，我回头选代办重新来", "cancel"), ("我不是法人，算了，回头选代办重新开始吧", "cancel"),
    # look-alikes: no 算了, no reason, asked, only something to ask about, 算了 asked
    ("我不是法人，我回头选代办重新来", "clarify"), ("算了，我回头选代办重新来", "clarify"),
    ("我不是法人，算了，我回头选代办重新来吗", "question"), ("我不是法人，我回头问问", "clarify"), ("算了吧？", "question"),
])
def test_not_the_representative_then_the_proxy_way_again(text, expected):
    assert name_outcome("r", text) == expected


def test_proxy_way_again_at_the_choice():
    assert outcome("acting_as", "哦我不是法人，算了，我回头选代办重新来") == "cancel"
    assert outcome("acting_as", "算了，我回头选代办重新来") == "proxy"


@pytest.mark.parametrize("text", ["哈哈哈哈😂", "法人？哈哈你猜", "哈哈，你猜我叫啥"])
def test_laughter_without_a_name(text):
    assert name_outcome("r", text) == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("法人变更过了，更正：现在是黄伟，不是执照复印件上那个名字", "黄伟"), ("更正：现在是黄伟", "黄伟"), ("法人是王伟，更正：黄伟", "黄伟"),
    # look-alikes: asked after the colon, nothing after it
    ("更正：法人是黄伟吗", "question"), ("法人是王伟，更正：", "clarify"),
])
def test_colon_after_the_correction(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("法定代表人曹文斌。你可能以为是我媳妇，不是，她只是股东", "曹文斌"), ("法人是曹文斌，你可能以为是我老公，其实不是", "曹文斌"),
    # look-alikes: the relative then named for the role, or tagged to the name, the supposition asked or kept
    ("你可能以为是我媳妇，不是，是我老公曹文斌", "clarify"), ("法定代表人曹文斌，是我媳妇", "clarify"),
    ("你可能以为是我媳妇？不是", "question"), ("法定代表人曹文斌。你可能以为是我媳妇，其实就是她", "clarify"),
])
def test_supposed_relative_denied(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("法人就是本宝宝 林可欣 yyds", "林可欣"), ("林可欣 yyds", "林可欣"),
    # look-alikes: a famous name said in play, the cheer alone
    ("法人就是本宝宝 马云", "clarify"), ("法人就是我 孙悟空 yyds", "clarify"), ("yyds", "clarify"),
])
def test_cheer_after_the_name(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("就是我嘛，还能是谁😄", "clarify"), ("法人就是王芳，还能是谁", "王芳"),
    # look-alike: asked alone
    ("还能是谁😄", "question"), ("还能是谁", "question"),
])
def test_obvious_asked_back_with_laughter(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("刘涛吧？", "clarify"), ("法人是刘涛吧？", "clarify"),
    # look-alikes: asked with 吗, another name offered after it, no person guessed, what to write asked
    ("刘涛吗？", "question"), ("是刘涛吧？还是刘韬？", "question"), ("营业执照上那个名字就是法人吧？", "question"),
    ("就写刘涛吧？", "question"),
])
def test_name_guessed_with_a_question_mark(text, expected):
    assert name_outcome("r", text) == expected


def test_name_guessed_with_a_question_mark_at_the_applicant():
    assert name_outcome("a", "王强吧？") == "clarify"
    assert name_outcome("a", "王强吗？") == "question"


@pytest.mark.parametrize("text,expected", [
    ("法人是我……哦不对，去年变更了，现在是我合伙人，我问问他全名叫啥", "clarify"), ("我回头问下老板名字", "clarify"),
    # look-alikes: asked of us, something else to ask of them
    ("我问问你，法人写谁", "question"), ("法人是王芳，我问问她要不要来", "question"),
])
def test_name_still_to_be_asked_of_someone(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text", ["nb 我这就成法人了？我是实习生啊🤣", "法人叫啥不重要吧，我是店长，我签不行吗", "我是店长，我签行吗"])
def test_staff_post_beside_asking_to_stand_in(text):
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text", ["我是会计，法人必须本人来吗？", "我是会计，也是法人，我签行吗？", "我签行吗", "我是法人，我签行吗"])
def test_questions_without_a_staff_post_stay_questions(text):
    assert name_outcome("r", text) == "question"
