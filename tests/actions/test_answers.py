"""The small parsers behind the form's validation (actions/answers.py)."""
from __future__ import annotations

import pytest

from actions import answers


@pytest.mark.parametrize("text,expected", [
    ("是", "yes"), ("是的", "yes"), ("好的", "yes"), ("yes", "yes"), ("用承诺方式", "yes"), ("愿意", "yes"),
    ("否", "no"), ("不用了，我还是按普通程序提交证明", "no"), ("no", "no"), ("不愿意", "no"), ("我开证明", "no"),
    ("不想用承诺", "no"), ("承诺了还能撤回吗", None), ("是吗？", None), ("😀", None), ("", None), ("asdf", None),
])
def test_yes_no_never_takes_a_question_for_an_answer(text, expected):  # R3
    assert answers.parse_yes_no(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("本人", "self"), ("我自己办", "self"), ("self", "self"), ("代办", "proxy"), ("帮我爸爸代办", "proxy"),
    ("替我妈办", "proxy"), ("proxy", "proxy"), ("可以代办吗", None), ("嗯", None),
])
def test_acting_as(text, expected):  # R5
    assert answers.parse_acting_as(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("张伟", "张伟"), ("我叫张伟，身份证410105199001011233", "张伟"), ("申请人是赵强", "赵强"),
    ("郑州好味餐饮管理有限公司", "郑州好味餐饮管理有限公司"), ("二七区老街便利店(个体工商户)", "二七区老街便利店（个体工商户）"),
    ("名字是欧阳娜娜", "欧阳娜娜"), ("123", None), ("😀", None), ("谁？", None), ("张", None),
])
def test_names(text, expected):
    assert answers.parse_name(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("SQ2026-0012", "SQ2026-0012"), ("委托书编号是WT20261127001", "WT20261127001"), ("编号：sq-2026-7", "SQ-2026-7"),
    ("没有", None), ("12", None),
])
def test_authorization_number(text, expected):  # R5
    assert answers.parse_authorization_no(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("已阅读", ("yes", None)), ("看完了", ("yes", None)), ("yes", ("yes", None)),
    ("再说一遍", ("repeat", None)), ("第五条再说一遍", ("repeat", 5)), ("第5部分再念一次", ("repeat", 5)),
    ("法律责任那段再说一遍", ("repeat", 5)), ("公开那条再发一下", ("repeat", 7)), ("第九条再说一遍", ("repeat", None)),
    ("不实承诺会坐牢吗", (None, None)), ("随便", (None, None)),
])
def test_notice_replies(text, expected):  # R6
    assert answers.parse_notice_reply(text) == expected


@pytest.mark.parametrize("text", ["算了不办了", "不办了", "取消", "算了吧", "我不办了"])
def test_cancel(text):
    assert answers.is_cancel(text)


def test_clean_bounds_huge_messages_and_folds_full_width():  # P1
    assert answers.clean("４１０１") == "4101"
    assert len(answers.clean("啊" * 100000)) == 2000
