"""Names said plainly around something else (actions/interpret.py, the name steps): a wish to be someone famous before
the answer, a character of the name described ("王字旁那个", "邝是广字旁加个耳朵"), a name spelled out with 、, a relative
named only to say who the speaker is not, the famous bearer of the name disowned, 老板 as the keyboard may give it, a
nickname others use, kin words the shorter list left out, and 委托人 for the applicant. Each form now decided is pinned
with look-alikes that must still be asked again: a wish with nothing else, a wish about a role or about the name
answered, a spelling alone, a list of surnames, the speaker's relative named as the answer, a joke not disowned or a
smirk beside it, and someone else's name given where the proxy's own is asked. A wrong name is worse than asking
again; at the representative, a speaker who is not the representative is asked again."""
from __future__ import annotations

import pytest

from tests.actions.speakers import name_outcome as outcome, name_reading as reading


DECIDED = [
    # a wish to be someone famous, laughter and all, set aside before the answer
    ("r", "我要是马云就好了哈哈，法人是我，马俊峰", "马俊峰"),
    ("r", "我要是马云就好了哈哈，法人是马俊峰", "马俊峰"),
    ("a", "我要是马云就好了哈哈，我叫马俊峰", "马俊峰"),
    # the radical, then "that one": how a character of the corrected name is written
    ("r", "不是张伟，是张玮，王字旁那个", "张玮"),
    ("r", "张玮，王字旁那个", "张玮"),
    # one character of the name described as a radical and what is added to it, with or without a pause
    ("g", "我的名字叫做邝文斌邝是广字旁加个耳朵", "邝文斌"),
    ("g", "邝文斌，邝是广字旁加个耳朵", "邝文斌"),
    # a relative named only to tell who the speaker is not, beside the speaker's own claim to the role
    ("r", "我不是张伟，张伟是我老公，法人登记的是我，黎晓敏", "黎晓敏"),
    ("r", "张伟是我老公，法人是我，黎晓敏", "黎晓敏"),
    ("r", "我是法人，黎晓敏，张伟是我老公", "黎晓敏"),
    # a name spelled out one character at a time with 、
    ("r", "蒋、文、博", "蒋文博"),
    ("r", "法人是蒋、文、博", "蒋文博"),
    ("a", "王、芳", "王芳"),
    # laughter at the name, the famous bearer disowned by where that one is from
    ("r", "法人赵子龙，不是三国那个哈哈", "赵子龙"),
    ("r", "法人叫李娜，不是打网球那个李娜哈", "李娜"),
    # 老板 as the pinyin keyboard may give it, before a name
    ("r", "我们老版卢小军", "卢小军"),
    ("r", "老版是卢小军", "卢小军"),
    # what the people around the speaker call them, then the registered name
    ("a", "村里都叫我石头，大名石建设", "石建设"),
    ("a", "村里人叫我石头，身份证上是石建设", "石建设"),
    # kin words after the speaker's pronoun: the relative's name is the applicant's
    ("p", "我是刘洋，申请人是我舅舅赵强", "赵强"),
    ("p", "刘洋，哦不，那是我的名字，申请人是我哥刘海", "刘海"),
    ("p", "我大姨王秀英", "王秀英"),
    # the applicant named as the speaker's uncle beside the proxy's own name
    ("g", "我叫刘洋，我舅舅赵强", "刘洋"),
    # 委托人: the one who gives the errand, the applicant
    ("p", "委托人是蓝志鹏", "蓝志鹏"),
    ("g", "委托人赵强，我是刘洋", "刘洋"),
]


@pytest.mark.parametrize("key,text,expected", DECIDED)
def test_decided(key, text, expected):
    assert outcome(key, text) == expected


def test_principal_with_id_number():
    r = reading("p", "委托人蓝志鹏，身份证410302198509071517")
    assert (r.kind, r.value, r.extra.get("id_number")) == ("value", "蓝志鹏", "410302198509071517")


NOT_DECIDED = [
    # a wish with nothing else, a wish about a role (the speaker is not the representative), a wish about the name
    # answered, a wish without the speaker, a condition that is no wish
    ("r", "我要是马云就好了哈哈", "clarify"),
    ("r", "我要是法人就好了，法人是王芳", "clarify"),
    ("r", "我要是王芳就好了，法人是王芳", "clarify"),
    ("r", "我要是马云就好了，法人是马云", "clarify"),
    ("r", "要是马云就好了，法人是马俊峰", "clarify"),
    ("r", "我要是马云，法人是马俊峰", "clarify"),
    # how a character is written, said alone, is no name
    ("r", "王字旁那个", "clarify"),
    ("r", "王字旁", "clarify"),
    ("r", "王字旁的", "clarify"),
    ("a", "三点水那个", "clarify"),
    ("r", "木子李", "clarify"),
    ("r", "不是张伟，是王字旁那个", "clarify"),
    ("g", "邝是广字旁加个耳朵", "clarify"),
    # without 是, where the name ends cannot be told
    ("g", "我的名字叫做邝文斌广字旁加个耳朵", "clarify"),
    # the speaker's relative named, and no claim to the role: not the representative
    ("r", "张伟是我老公", "clarify"),
    ("r", "王芳是俺老伴儿", "clarify"),
    ("r", "张伟是我老公，黎晓敏", "clarify"),
    ("r", "张伟是我老公，法人是他", "clarify"),
    ("r", "张伟是我老公，法人是我老公", "clarify"),
    # the claim beside a denial of it, or with no name of the speaker's own
    ("r", "我不是法人，张伟是我老公，法人是我，黎晓敏", "clarify"),
    ("r", "我是法人，赵强是我爸", "clarify"),
    # surnames listed, no name; words listed, not characters; an office held by someone else
    ("r", "张、王、李", "clarify"),
    ("r", "张、王", "clarify"),
    ("r", "对、对", "clarify"),
    ("r", "法人是王、副总是李", "clarify"),
    ("r", "副总是李", "clarify"),
    ("r", "副总是李强", "clarify"),
    ("r", "会计是李红", "clarify"),
    # a famous name not disowned, disowned by pointing elsewhere, taken back, or with a smirk
    ("r", "法人赵子龙，三国那个哈哈", "clarify"),
    ("r", "法人赵子龙哈哈", "clarify"),
    ("r", "法人赵子龙，不是三国那个哈哈，开玩笑的", "clarify"),
    ("r", "法人赵子龙，不是我说的那个哈哈", "clarify"),
    ("r", "法人赵子龙，不是三国那个😏", "clarify"),
    ("r", "法人孙悟空😏", "clarify"),
    ("r", "法人赵子龙，不是三国那个吗哈哈", "question"),
    # 老版 with no name after it, or after the name
    ("r", "我们老版", "clarify"),
    ("r", "卢小军老版", "clarify"),
    ("r", "老版身份证", "clarify"),
    # only the nickname
    ("a", "村里都叫我石头", "clarify"),
    ("r", "厂里都喊他老王", "clarify"),
    # a kin word that goes on (姐夫) leaves no name; the relative named where the proxy's own name or the
    # representative is asked is someone else
    ("p", "我姐夫王强", "clarify"),
    ("g", "我舅舅王强", "clarify"),
    ("g", "我哥刘海", "clarify"),
    ("g", "我爸王强", "clarify"),
    ("r", "我舅舅王强", "clarify"),
    ("r", "法人是我哥刘海", "clarify"),
    # 被委托人 runs the errand; 委托人 is no proxy's or representative's name
    ("p", "被委托人蓝志鹏", "clarify"),
    ("g", "委托人赵强", "clarify"),
    ("r", "委托人王芳", "clarify"),
]


@pytest.mark.parametrize("key,text,expected", NOT_DECIDED)
def test_not_decided(key, text, expected):
    assert outcome(key, text) == expected


@pytest.mark.parametrize("key,text,detail", [
    ("r", "张伟是我老公", "not_representative"),
    ("g", "我爸王强", "third_party"),
    ("a", "村里都叫我石头", "other_name"),
])
def test_why_asked_again(key, text, detail):
    assert reading(key, text).detail == detail
