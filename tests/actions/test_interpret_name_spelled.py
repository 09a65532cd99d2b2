"""Names spelled out (actions/interpret.py, the name steps): a name typed with spaces between its characters after a
lead-in ("申请人唐 丽 华", "我叫邱 建明"), a name told character by character as on the phone ("马路的马", "国庆节的国庆",
"言字旁那个谭", "弓长张"), before or after it, with or without pauses, and laughter typed in another clause than the
name's. Each form now decided is pinned with look-alikes that must still be asked again: words after the name kept
apart from it, a gloss that spells another character than the name has (or denies one it has), laughter on the name
itself or alone, and laughter beside words on the answer being true, an appraisal of the name, a stock name, or the role
held by something other than the speaker. A wrong name is worse than asking again."""
from __future__ import annotations

import pytest

from tests.actions.speakers import name_outcome as outcome, name_reading as reading


SPACED = [
    # the surname typed against the lead-in, the rest of the name spaced after it
    ("g", "我叫彭 立 军", "彭立军"),
    ("p", "申请人是蔡 文 静", "蔡文静"),
    ("r", "法人是何 建国", "何建国"),
    # the last character of the name typed apart
    ("a", "我叫胡建 华", "胡建华"),
    # a space between the name and a word of its own still separates them
    ("g", "我叫彭立军 对", "彭立军"),
    ("a", "我叫胡建华 男", "胡建华"),
]

SPACED_LOOK_ALIKES = [
    # two surnames weighed, no name spaced apart
    ("r", "法人是王 还是李 我不确定", "clarify"),
    # laughter on the name typed apart
    ("g", "我叫彭 立 军 哈哈", "clarify"),
    # the name typed apart is the speaker's relative's
    ("r", "法人是我老婆 何 丽 华", "clarify"),
    # the role, then a name with no surname typed against it ("人" is no surname)
    ("r", "我是代办人 刘 洋", "clarify"),
]


@pytest.mark.parametrize("key,text,expected", SPACED + SPACED_LOOK_ALIKES)
def test_name_typed_with_spaces(key, text, expected):
    assert outcome(key, text) == expected


GLOSSED = [
    # each character told by a word that holds it, typed against the name with no pause
    ("r", "法定代表人孙海燕孙子的孙大海的海燕子的燕", "孙海燕"),
    ("g", "我叫黎明辉黎明的黎光明的明辉煌的辉", "黎明辉"),
    # by the parts of the character and by words, after pauses
    ("p", "我妈叫许秀英 言午许 优秀的秀 英雄的英", "许秀英"),
    ("a", "张建国 弓长张 建设的建 国家的国", "张建国"),
    # the character said first, then its radical, then the rest
    ("g", "我叫汪涛汪是三点水那个汪波涛的涛", "汪涛"),
    # the glosses alone spell the name
    ("a", "弓长张 建设的建 国家的国", "张建国"),
    # a word that goes on after 的 is no gloss ("店里的店员")
    ("g", "我是赵强家的保姆，李红", "李红"),
]

GLOSSED_LOOK_ALIKES = [
    # the glosses spell another character than the name has
    ("a", "张建国 立早章 建设的建 国家的国", "ambiguous_name"),
    ("r", "法人叫孙海燕 孙子的孙 大海的海 燕子的雁", "ambiguous_name"),
    ("p", "我爸叫马建军，马路的马，建设的见", "ambiguous_name"),
    # a character the name has, denied
    ("g", "我叫汪涛，不是三点水那个汪", "ambiguous_name"),
]


@pytest.mark.parametrize("key,text,expected", GLOSSED)
def test_name_spelled_character_by_character(key, text, expected):
    assert outcome(key, text) == expected


@pytest.mark.parametrize("key,text,detail", GLOSSED_LOOK_ALIKES)
def test_gloss_against_the_name_is_asked_again(key, text, detail):
    answer = reading(key, text)
    assert answer.kind == "clarify" and answer.detail == detail


LAUGHING_ELSEWHERE = [
    # laughter on the role claimed, and on a remark about the business, not on the name
    ("r", "法人是我哈哈，我叫钱立军，小本生意一个人撑着😂", "钱立军"),
    # laughter on a remark about the question
    ("r", "这都要问哈哈哈，法人是我，于春梅", "于春梅"),
    ("a", "被你问住了哈哈，我叫程雪梅", "程雪梅"),
    # laughter on a remark after the name
    ("g", "我叫蔡文涛，跑腿的活儿都归我😂", "蔡文涛"),
    # laughter on the character the name has not
    ("r", "杨光，杨树的杨，不是阳光的阳哈哈", "杨光"),
]

LAUGHING_LOOK_ALIKES = [
    # laughter on the name itself
    ("r", "法人是钱立军哈哈"),
    ("a", "我叫程雪梅 哈哈"),
    # laughter alone, which may be at the name
    ("a", "哈哈，我叫程雪梅"),
    # the answer said not to be true, or teased about
    ("r", "法人是我哈哈，钱立军，假的"),
    ("r", "法人是我哈哈，钱立军，你信吗"),
    # an appraisal with no subject of its own, of the name
    ("g", "蔡文涛，没想到吧😂"),
    # the role held by something named there
    ("r", "法人是我家猫哈哈，叫钱咪咪"),
    # a stock name, a teasing face
    ("r", "法人是我哈哈，我叫马云"),
    ("g", "我叫蔡文涛，跑腿的活儿都归我😜"),
    # laughter on a gloss that spells the name
    ("r", "杨帆，一帆风顺的帆哈哈"),
]


@pytest.mark.parametrize("key,text,expected", LAUGHING_ELSEWHERE)
def test_laughter_in_another_clause_than_the_name(key, text, expected):
    assert outcome(key, text) == expected


@pytest.mark.parametrize("key,text", LAUGHING_LOOK_ALIKES)
def test_laughter_at_the_name_stays_a_joke(key, text):
    assert outcome(key, text) == "clarify"


# The regions' sentence ends after a whole name: dropped, never kept as a character of it.
REGIONAL_ENDS = [
    ("r", "法人就是我嘛，周晓梅噻", "周晓梅"), ("g", "我叫王强噻", "王强"), ("r", "罗建华撒", "罗建华"),
    ("a", "我叫何丽哟", "何丽"), ("r", "法人是刘永福咧", "刘永福"), ("g", "蒋小红呐", "蒋小红"),
]


@pytest.mark.parametrize("key,text,expected", REGIONAL_ENDS)
def test_regional_sentence_end_after_the_name(key, text, expected):
    assert outcome(key, text) == expected
