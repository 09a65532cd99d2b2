"""Names said with certainty (当然是…, 那肯定是…), the boss in English or in the Wu dialects' 阿拉, the former holder and the
present one in one breath, "only X, one" (就程建国一个), a check offered as proof (你们一查就知道), a character of the name
played on (名字里有钱), the company being the speaker alone (公司上下就我一个人),
"what do I do" asked in 咋办, and "for now, not" (今天先不弄). Each shape is pinned beside look-alikes that keep their other
reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import name_outcome


@pytest.mark.parametrize("text,expected", [
    ("当然是韩立军", "韩立军"), ("那肯定是老板邱海涛呀", "邱海涛"), ("绝对是范文静", "范文静"),
    # look-alikes: a guess stays a guess, and certainty about someone else names no one
    ("应该是韩立军", "clarify"), ("可能是范文静吧", "clarify"), ("当然是我们老板，我不知道叫啥", "clarify"),
])
def test_certainty_before_the_name(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Boss是邱海涛", "邱海涛"), ("我们BOSS叫范文静", "范文静"), ("阿拉老板韩立军", "韩立军"),
    # look-alikes: the boss's relative, and a word that only contains the letters
    ("boss是我老公", "clarify"), ("bossy", "clarify"),
])
def test_the_boss_in_other_words(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("原来是田志刚现在是邱海涛", "邱海涛"), ("以前叫田志刚现在叫邱海涛", "邱海涛"),
    ("就范文静一个", "范文静"), ("法人嘛，只有韩立军一个人", "韩立军"),
    # look-alikes: the former holder alone is no answer; "only me" with no name names no one yet
    ("以前是田志刚", "clarify"), ("就我一个", "clarify"),
])
def test_former_and_only_holder(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("邱海涛，营业执照你们一查就知道", "邱海涛"), ("范文静，你们查一下就清楚了", "范文静"),
    # look-alikes: the name left for the office to check is doubted
    ("邱海涛，还是你们查一下吧", "clarify"), ("范文静吧，你们核实一下", "clarify"),
])
def test_a_check_offered_as_proof(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("董事长叫金满堂，名字里有金，公司账上可没几个钱😂", "金满堂"),
    ("田福生，名字里带个福字哈哈", "田福生"),
    # look-alikes: a famous name with the same remark is still a joke
    ("法人叫马云，名字里有云😂", "clarify"),
])
def test_a_character_of_the_name_played_on(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("法人就是本人，邱海涛，公司上下就我一个人😂", "邱海涛"),
    # look-alike: the company is the speaker alone, but someone else is named as the representative
    ("公司上下就我一个人😂，法人是我老公邱海涛", "clarify"),
])
def test_the_speaker_the_whole_company(text, expected):
    assert name_outcome("r", text) == expected


@pytest.mark.parametrize("key,text,expected", [
    ("r", "法人出国了咋办", "question"), ("a", "名字太长打不全咋弄", "question"),
    # look-alike: unsure how it is written is no question, and the guess is asked again
    ("p", "大概叫王磊吧 我也不确定他身份证上咋写的", "clarify"),
    ("r", "今天先不弄", "cancel"), ("r", "算了算了，现在先不搞了", "cancel"),
])
def test_asked_how_or_put_off(key, text, expected):
    assert name_outcome(key, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("我是董事长兼法定代表人，冯国栋", "冯国栋"), ("董事长兼法定代表人，就是我，冯国栋", "冯国栋"),
    # look-alikes: the posts alone name no one, and a name with the surname 董 is still a name
    ("我是董事长兼法人", "clarify"), ("董事长兼总经理", "clarify"), ("董建华", "董建华"),
])
def test_a_post_held_with_the_role_is_no_name(text, expected):
    assert name_outcome("r", text) == expected
