"""The legal representative's name, asked of an enterprise acting for itself (actions/interpret.py, the name readers):
a slip taken back with a bare 错了, the speaker's being the representative said by denying its denial, which kind of name
is wanted checked aloud before the name, laughter at the name's sound or at a slip in its spelling, the old stage way of
naming oneself (…是也), the registration as it stands after a change made, a choice of who signs, and giving the journey
up to go the proxy's way. Each shape made readable is pinned beside look-alikes that must stay undecided or be asked: a
former name only, a change not yet made, a denial that stands, a question about the name itself, a speaker acting for
the representative, a joke or stock name. A wrong name, or the wrong person committing, is worse than asking again."""
from __future__ import annotations

import pytest

from tests.actions import speakers



def outcome(text: str, step: str = "representative_name"):
    return speakers.outcome(step, text)


def detail(text: str) -> str:
    return speakers.detail("representative_name", text)


# --- 错了 alone takes back the answer before it ----------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("马小东，错了，马晓东", "马晓东"),
    ("马小东 错了错了 马晓东", "马晓东"),
    ("马小东……错啦，马晓东", "马晓东"),
    # look-alikes: 错了 last leaves the name open, a fix offered for later is a condition, 错了 asked, a guess after it,
    # 我错了 is no bare correction, a next step is no name
    ("马晓东，错了", "clarify"),
    ("马晓东 错了错了", "clarify"),
    ("马晓东，错了就改", "clarify"),
    ("马晓东，不对再改", "clarify"),
    ("马晓东，错了吗？马小东", "question"),
    ("马小东，错了，是马晓东吧", "clarify"),
    ("马小东，错了，马晓东，哈哈", "clarify"),
    ("马小东，我错了，马晓东", "clarify"),
])
def test_a_slip_taken_back_with_cuo_le(text, expected):
    assert outcome(text) == expected


@pytest.mark.parametrize("step,text,expected", [
    ("applicant_name", "张小伟，错了，张伟", "张伟"),
    ("agent_name", "刘阳，错了，刘洋", "刘洋"),
    ("applicant_name", "张伟，错了", "clarify"),
])
def test_cuo_le_at_the_other_names(step, text, expected):
    assert outcome(text, step) == expected


# --- the speaker's being the representative, said by denying its denial -----------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("哪能不是我呢，法人就是我，陈刚", "陈刚"),
    ("哪能不是我呢？法人就是我，陈刚", "陈刚"),
    ("怎么会不是我，陈刚", "陈刚"),
    ("我没说我不是法人，我就是，杨光", "杨光"),
    ("谁说我不是法人，杨光", "杨光"),
    # look-alikes: the denial stands, the claim itself denied or disowned, asked back, set against a reservation,
    # the representative someone the speaker knows, the emphasis alone with no name
    ("我说了我不是法人，杨光", "clarify"),
    ("我没说我是法人，杨光", "clarify"),
    ("哪能是我呢，法人是杨光", "question"),
    ("谁说我是法人了，法人是杨光", "question"),
    ("我没说我不是法人吗？杨光", "question"),
    ("为什么不是我，陈刚", "question"),
    ("我没说我不是法人，但法人是王芳", "clarify"),
    ("我没说我不是法人，法人是我老公陈刚", "clarify"),
    ("哪能不是我呢", "clarify"),
    ("我没说我不是法人", "clarify"),
])
def test_a_denied_denial_as_emphasis(text, expected):
    assert outcome(text) == expected


@pytest.mark.parametrize("text", [
    "我说了我不是法人，杨光",
    "我没说我是法人，杨光",
    "我没说我不是法人，但法人是王芳",
])
def test_a_denial_that_stands_sends_the_proxy_way(text):
    assert detail(text) == "not_representative"


# --- which kind of name is wanted, checked aloud and answered at once -------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("不是公司名，是要人名对吧？刘敏", "刘敏"),
    ("是要人名对吧？刘敏", "刘敏"),
    ("是要法人的名字对吧？刘敏", "刘敏"),
    # look-alikes: whose name asked, the check alone, the question after the name, asked with 吗, a guess or a joke
    # after it, the representative someone the speaker knows, a condition
    ("是要我的名字对吧？刘敏", "question"),
    ("是要人名对吧？", "question"),
    ("刘敏，是要人名对吧", "clarify"),
    ("不是公司名，是要人名吗？刘敏", "question"),
    ("不是公司名，是要人名对吧？刘敏吧", "clarify"),
    ("不是公司名，是要人名对吧？刘敏，开玩笑的", "clarify"),
    ("是要法人的名字对吧？我老婆刘敏", "clarify"),
    ("是要人名对吧？要是不行就写刘敏", "clarify"),
])
def test_the_kind_of_name_checked_aloud(text, expected):
    assert outcome(text) == expected


# --- laughter at the name's sound, the old stage way of naming oneself, a slip in the spelling ------------------


@pytest.mark.parametrize("text,expected", [
    ("法人是陈刚哈哈，名字够硬吧", "陈刚"),
    ("法人是王芳哈哈哈，这名儿够土的", "王芳"),
    ("法人叫刘敏，是个大老爷们，名字秀气吧😄", "刘敏"),
    ("法人就是在下，李建国是也🙏", "李建国"),
    ("杨光，阳光的阳……不对，杨树的杨哈哈", "杨光"),
    ("杨光，阳光的阳……不对，杨树的杨", "杨光"),
    # look-alikes: laughter alone beside the name, a sneer, the joke owned, a famous or stock name, a guess,
    # a question about the name, the representative someone the speaker knows, a second name against it
    ("法人是陈刚哈哈", "clarify"),
    ("法人是陈刚呵呵，名字够硬吧", "clarify"),
    ("法人是陈刚哈哈，名字够硬吧，开玩笑的", "clarify"),
    ("法人是孙悟空哈哈，名字够硬吧", "clarify"),
    ("法人是李四哈哈，名字够大众吧", "clarify"),
    ("法人是马云哈哈，名字够响亮吧", "clarify"),
    ("法人就是在下，孙悟空是也🙏", "clarify"),
    ("法人是王芳哈哈，名字好听吧，应该是", "clarify"),
    ("法人是王芳哈哈，名字好听吗", "question"),
    ("法人是我老婆王芳哈哈，名字好听吧", "clarify"),
    ("王芳哈哈，名字好听吧，不过执照上是李强", "clarify"),
    # the spelling put right changes the name, laughter at the name itself, a stock name, a joke owned
    ("杨光，杨树的杨……不对，阳光的阳", "clarify"),
    ("杨光哈哈，杨树的杨", "clarify"),
    ("孙武，荀子的荀……不对，孙子的孙哈哈", "clarify"),
    ("杨光，阳光的阳……不对，杨树的杨哈哈，开玩笑的", "clarify"),
    ("杨光，阳光的阳……不对，杨树的杨哈哈，是杨广", "clarify"),
])
def test_laughter_at_the_name_and_a_playful_register(text, expected):
    assert outcome(text) == expected


@pytest.mark.parametrize("step,text,expected", [
    ("applicant_name", "在下张伟是也", "张伟"),
    ("agent_name", "在下刘洋是也", "刘洋"),
    ("applicant_name", "我叫张伟哈哈，名字够大众吧", "张伟"),
    ("applicant_name", "我叫张三哈哈，名字够大众吧", "clarify"),
    # a famous name vouched for in so many words stays readable
    ("applicant_name", "我叫刘德华 哈哈 不是那个明星", "刘德华"),
    ("applicant_name", "我叫刘德华 哈哈", "clarify"),
])
def test_the_playful_shapes_at_the_other_names(step, text, expected):
    assert outcome(text, step) == expected


# --- the registration as it stands now, after a change made --------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("上个月刚做完法人变更，现在登记的是孙丽华", "孙丽华"),
    ("法人换人了，现在登记的是孙丽华", "孙丽华"),
    ("现在登记的是孙丽华", "孙丽华"),
    # look-alikes: a former registration only, a change not yet made or still to come, another name now, a guess
    ("以前登记的是孙丽华", "clarify"),
    ("登记的是孙丽华", "clarify"),
    ("法人变更还没办完，现在登记的是孙丽华", "clarify"),
    ("正在办法人变更，现在登记的是孙丽华", "clarify"),
    ("变更手续还在办，现在是孙丽华", "clarify"),
    ("下个月做法人变更，现在登记的是孙丽华", "clarify"),
    ("法人准备变更，现在是孙丽华", "clarify"),
    ("现在登记的是孙丽华，下个月变更成李强", "clarify"),
    ("现在登记的是孙丽华吧", "clarify"),
])
def test_the_registration_after_a_change(text, expected):
    assert outcome(text) == expected


@pytest.mark.parametrize("text", [
    # when, said where a name is asked; a change to come; a person named by whom they work for or are kin to
    "下个月", "明天", "下个月做法人变更", "王芳是法人的老婆", "王芳是我们法人的老婆", "王芳是老板的侄女",
    "王芳是法人的秘书，我是王芳",
])
def test_no_representative_named(text):
    assert outcome(text) == "clarify"


@pytest.mark.parametrize("text,expected", [
    # the role with what follows it only as a particle, 本人 or a second office is still the role
    ("王强是法人", "王强"),
    ("王强是我们公司的法人", "王强"),
    ("王芳是法人兼总经理", "王芳"),
    ("王强是法人啊", "王强"),
    ("王强是法人本人", "王强"),
])
def test_the_name_then_the_role(text, expected):
    assert outcome(text) == expected


def test_the_proxy_named_as_kin_to_the_representative_keeps_their_own_name():
    assert outcome("刘洋是法人的侄子", "agent_name") == "刘洋"


# --- the representative someone the speaker knows, after a word of assent ---------------------------------------


@pytest.mark.parametrize("text", ["好的，我老婆刘敏", "嗯，我老婆刘敏", "我老婆刘敏"])
def test_the_speakers_relative_after_assent(text):
    assert detail(text) == "not_representative"


# --- the name unknown in jest, who signs asked ----------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    # the question handed back: the speaker does not know either (a joke, asked again, no question to answer)
    ("老板是谁我也想知道啊哈哈", "clarify"),
    ("我也想知道法人是谁", "clarify"),
    # look-alikes: a question put to the office
    ("我想知道法人是谁", "question"),
    ("我也想知道为什么要填法人", "question"),
    # who signs, asked as a choice of two doers
    ("承诺书是法人签还是我签", "question"),
    ("法人来还是我来", "question"),
    ("法人是王芳，承诺书她签还是我签", "question"),
    # a choice of two names stays undecided
    ("法人是王芳还是李强", "clarify"),
])
def test_unknown_in_jest_and_who_signs(text, expected):
    assert outcome(text) == expected


# --- giving the journey up to go the proxy's way ----------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("算了，我不是法人，回去重新选代办", "cancel"),
    ("我不是法人，算了，重新开始选代办", "cancel"),
    # look-alikes: the reason alone, asked, a name given while turning to the proxy's way, no 算了
    ("算了，我不是法人", "clarify"),
    ("算了，我不是法人，回去重新选代办吗", "question"),
    ("算了，法人是王芳，回去重新选代办", "clarify"),
    ("法人是王芳，我要选代办", "clarify"),
    ("算了，我不是法人，法人是王芳", "clarify"),
    # not turning to it
    ("法人是我王芳，不用选代办", "王芳"),
])
def test_giving_up_for_the_proxy_way(text, expected):
    assert outcome(text) == expected
