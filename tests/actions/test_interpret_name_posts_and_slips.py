"""The legal representative's name: the one named then said (as he or she) to hold a staff post in the business; a
relative denied the role where the licence is said to show it, with the speaker claiming it; a slip blamed on the
input method between two names; the speaker's own look-up of the licence before the name read from it; "I am not the
representative, never mind, I'll choose the proxy's way again" with a particle after the reason; the licence said in
brackets to bear this very name; and a joke called one after laughter in its own clause, before the real name. Each
shape is pinned beside look-alikes that keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import detail, name_outcome, outcome


@pytest.mark.parametrize("text", [
    "写张伟吧，他是我们店长，天天在店里", "张伟，他是我们会计", "王芳，她是店里的员工", "写张伟吧，他是我们主管", "张伟是我们店长",
])
def test_the_one_named_said_to_hold_a_staff_post(text):
    assert name_outcome("r", text) == "clarify"
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text,expected", [
    # look-alikes: the role held, or claimed beside the post; the post denied, or someone else's; a boss, who may hold
    # the role; the one named as the 法人 in so many words
    ("写张伟吧，他是我们法人", "张伟"), ("张伟，我们店长也是法人", "张伟"), ("写张伟吧，他是我们店长，也是法人", "张伟"),
    ("写张伟吧，他不是店长", "张伟"), ("写张伟吧，他老婆是会计", "张伟"), ("写张伟，他是老板", "张伟"),
    ("法人是张伟，他是我们店长", "张伟"),
])
def test_the_role_or_no_staff_post_for_the_one_named(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text", ["营业执照上法人不是我，是我爱人王芳", "法人是我老公张伟"])
def test_a_relative_named_stays_not_the_representative(text):
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text,expected", [
    ("营业执照上法人不是我老婆，是我，我叫张伟", "张伟"), ("执照上法人写的不是我老婆，是我，我叫张伟", "张伟"),
    # look-alikes: no claim of the role, or the name said to be someone else's
    ("营业执照上法人不是我老婆", "clarify"), ("营业执照上法人不是我老婆，我叫张伟", "clarify"),
    ("营业执照上法人不是我老婆，是我，他叫张伟", "clarify"),
])
def test_relative_denied_on_the_licence_and_the_role_claimed(text, expected):
    assert name_outcome("r", text) == expected


def test_relative_denied_on_the_licence_alone_is_not_the_representative():
    assert detail("representative_name", "营业执照上法人不是我老婆") == "not_representative"


@pytest.mark.parametrize("text,expected", [
    ("陈晶，哎输入法又给我弄错了，陈静", "陈静"), ("法人是王磊，语音识别错了，王蕾", "王蕾"), ("陈晶，输入法打错字了，陈静", "陈静"),
    # look-alikes: no name after the slip, a slip feared, asked, or denied
    ("陈晶，哎输入法又给我弄错了", "clarify"), ("陈晶，怕输入法弄错了", "clarify"), ("陈晶，输入法弄错了吗", "question"),
    ("陈晶，输入法没弄错，陈晶", "陈晶"),
])
def test_slip_blamed_on_the_input_method(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("key", ["a", "p", "g"])
def test_slip_blamed_on_the_input_method_at_the_other_names(key):
    assert name_outcome(key, "陈晶，哎输入法又给我弄错了，陈静") == "陈静"
    assert name_outcome(key, "陈晶，哎输入法又给我弄错了") == "clarify"


@pytest.mark.parametrize("text,expected", [
    ("稍等我看下执照……法人：周建军", "周建军"), ("等一下，我翻翻执照。法定代表人是周建军", "周建军"),
    # look-alikes: the look-up alone, handed to the clerk, before a guess, after the name, or the name asked
    ("稍等我看下执照", "clarify"), ("你看下执照，法人：周建军", "clarify"), ("稍等我看下执照……好像是周建军", "clarify"),
    ("法人：周建军，稍等我看下执照", "clarify"), ("稍等我看下执照……法人是周建军吗", "question"),
])
def test_licence_looked_up_then_the_name(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("哦我不是法人啊，那算了，我重新选代办", "cancel"), ("我不是法人呀，算了，重新选代办", "cancel"),
    # look-alikes: asked, and no 算了
    ("哦我不是法人啊，那算了，我重新选代办吗", "question"), ("哦我不是法人啊，我重新选代办", "clarify"),
])
def test_not_the_representative_never_mind_choose_again(text, expected):
    assert name_outcome("r", text) == expected


def test_never_mind_choose_again_at_the_choice():
    assert outcome("acting_as", "哦我不是法人啊，那算了，我重新选代办") == "cancel"
    assert outcome("acting_as", "哦我不是法人啊，我重新选代办") == "proxy"


@pytest.mark.parametrize("text,expected", [
    ("法人 朱明（执照上是这个名）", "朱明"), ("朱明（身份证上也是这个名字）", "朱明"),
    # look-alikes: asked, the name asked in the brackets, denied there, or another name there
    ("法人 朱明？", "question"), ("法人 朱明（执照上是这个名吗）", "question"), ("法人 朱明（执照上不是这个名）", "clarify"),
    ("法人 朱明（执照上是朱敏）", "clarify"),
])
def test_licence_said_to_bear_this_name(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("秦始皇😂 开玩笑的，法人是高亮", "高亮"), ("秦始皇哈哈 开玩笑的，法人是高亮", "高亮"),
    # look-alikes: the joke alone, taken back with nothing after, the mark with no laughter before it and nothing
    # after, laughter again at the name given
    ("秦始皇😂", "clarify"), ("秦始皇😂 开玩笑的", "clarify"), ("法人是高亮，开玩笑的", "clarify"),
    ("秦始皇😂 开玩笑的，法人是高亮😂", "clarify"),
])
def test_joke_called_one_after_laughter_then_the_name(text, expected):
    assert name_outcome("r", text) == expected
