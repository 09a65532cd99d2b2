"""The legal representative's name: a correction of the given name alone (which keeps the surname), 是
mistyped as 使 after the role, doubt between two names or a document still to be looked up, a relative told by the given
name of the name taken back, "此马云非彼马云", a relative who held the role before it changed to the speaker, a refusal
denied with the speaker as its subject, and "I am not the representative, then never mind" said with a particle or
with the proxy's way taken up again. Each shape is pinned beside look-alikes that keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, name_outcome, outcome


@pytest.mark.parametrize("text,expected", [
    ("法人是司马晓冬……不对，是晓东，东方的东", "司马晓东"), ("法人是王晓冬，不对，是晓东", "王晓东"),
    ("法人是李国强，不对，是国庆", "李国庆"),
    # look-alikes: a given name that is no slip of the one taken back leaves the name open; a whole name put right (the
    # same surname, a known one, or a longer name) is read as said; a gloss for a character the name lacks is open
    ("法人是张伟，不对，是晓东", "clarify"), ("陈晨晨，多打了一个字，陈晨", "陈晨"), ("法人是王芳，不对，是李强", "李强"),
    ("法人是王芳，不对，是笪秀兰", "笪秀兰"), ("法人是司马晓冬……不对，是晓东，冬天的冬", "clarify"),
])
def test_given_name_corrected_keeps_the_surname(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("key", ["a", "p", "g"])
def test_given_name_corrected_at_the_other_names(key):
    assert name_outcome(key, "司马晓冬，不对，晓东") == "司马晓东"
    assert name_outcome(key, "刘晓冬，不对，是晓东") == "刘晓东"
    assert name_outcome(key, "赵司马冬，不对，是晓东") == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("法人使王磊", "王磊"), ("法定代表人使张伟", "张伟"),
    # look-alikes: 使 in a word of its own, before no name, or with the name asked
    ("法人使用的名字", "clarify"), ("法人使我头疼", "clarify"), ("法人使他们头疼", "clarify"), ("法人使王磊吗", "question"),
])
def test_copula_mistyped_after_the_role(text, expected):
    assert name_outcome("r", text) == expected


def test_copula_mistyped_never_keeps_the_typo():
    for text in ("法人使王磊", "法人使用的名字是王磊", "法人使用王磊", "法人使用的名字"):
        assert "使" not in str(name_outcome("r", text))


@pytest.mark.parametrize("text,expected", [
    ("法人是王磊，还是王蕾来着，我得翻翻营业执照", "clarify"), ("法人是王磊，还是王蕾来着", "clarify"),
    ("法人是王磊，我得翻翻营业执照", "clarify"), ("法人？我得翻翻营业执照", "clarify"),
    ("法人是王磊还是王蕾我忘了", "clarify"),
    # look-alikes: 还是 "still", the document looked at already, and the name asked before the document
    ("法人没变，还是王磊", "王磊"), ("法人是王磊，执照我翻过了", "王磊"), ("法人是王芳吗？我得看看执照", "question"),
])
def test_doubt_between_names_or_a_document_to_look_up(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("李秀兰，哦不，秀兰是我妈，我叫李秀芬，法人是我", "李秀芬"), ("王桂芳，不对，桂芳是我姐，我叫王桂英，法人是我", "王桂英"),
    # look-alikes: the role given to the relative, no whole name the given name ends, no claim of the role
    ("李秀兰，哦不，秀兰是我妈，法人是她", "clarify"), ("秀兰是我妈，我叫李秀芬，法人是我", "clarify"),
    ("李秀兰，哦不，秀兰是我妈，我叫李秀芬", "clarify"),
])
def test_relative_told_by_the_given_name_taken_back(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("法人叫马云，此马云非彼马云哈哈，开饭店的", "马云"), ("法人叫雷军，此雷军非彼雷军哈哈", "雷军"),
    # look-alikes: laughter alone, another name after 彼, and a smirk
    ("法人叫马云哈哈", "clarify"), ("法人叫马云，此马云非彼马化腾哈哈", "clarify"), ("法人叫马云，此马云非彼马云😏", "clarify"),
])
def test_this_bearer_not_that_one(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("以前是我老伴儿，他走了以后变更成我了，我叫孙桂英", "孙桂英"), ("原来法人是我爸，后来换成我了，我叫冯晓明", "冯晓明"),
    # look-alikes: no change told, a change not made yet or to come, the name given as his
    ("以前是我老伴儿，我叫孙桂英", "clarify"), ("以前是我老伴儿，还没变更成我，我叫孙桂英", "clarify"),
    ("以前是我老伴儿，以后会变更成我，我叫孙桂英", "clarify"), ("以前是我老伴儿，后来变更成我了，他叫孙强", "clarify"),
])
def test_relative_held_the_role_before_the_speaker(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("不是我不想说，法人就是我，赵丽华", "赵丽华"), ("不是我不愿意说，法人叫王芳", "王芳"),
    # look-alikes: the refusal kept, or not knowing it
    ("不是我不想说，就是不想告诉你", "clarify"), ("不是我不想说，我真不知道", "clarify"), ("我不想说", "clarify"),
])
def test_refusal_denied_by_the_speaker(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("哦我不是法人啊，那算了", "cancel"), ("我不是法人呀，算了", "cancel"), ("俺不是法人，那算了，回头重新弄代办", "cancel"),
    # look-alikes: asked, the reason alone, the proxy's way with no reason given, asked again
    ("我不是法人，算了吧？", "question"), ("哦我不是法人啊", "clarify"), ("算了，回头重新弄代办", "clarify"),
    ("俺不是法人，那算了，回头重新弄代办吗", "question"),
])
def test_not_the_representative_then_never_mind(text, expected):
    assert name_outcome("r", text) == expected


def test_never_mind_at_the_choices():
    assert outcome("acting_as", "哦我不是法人啊，那算了") == "cancel"
    assert outcome("acting_as", "俺不是法人，那算了，回头重新弄代办") == "cancel"
    assert outcome("acting_as", "算了，回头重新弄代办") == "proxy"


@pytest.mark.parametrize("text", [
    "法人是我爸，冯德福", "我是店长，法人是我们老板郭振华", "俺老板叫郭振华", "我们老板陈建军是法人，他就在旁边，我帮他打字",
])
def test_someone_else_named_stays_not_the_representative(text):
    assert name_outcome("r", text) == "clarify"
    assert detail("representative_name", text) == "not_representative"


def test_relative_named_for_the_role_is_no_name():
    assert name_outcome("r", "不是我，法人是我老伴儿") == "clarify"
