"""The functions other modules call on a whole message (actions/answers.py), thin names over actions/interpret."""
from __future__ import annotations

import pytest

from actions import answers


@pytest.mark.parametrize("text", ["算了不办了", "不办了", "取消", "算了吧", "我不办了", "算了，不辦了"])
def test_cancel(text):
    assert answers.is_cancel(text)


@pytest.mark.parametrize("text", ["本人", "不是本人", "我不想开证明", "办理需要多久"])
def test_not_a_cancel(text):
    assert not answers.is_cancel(text)


def test_clean_bounds_huge_messages_and_folds_full_width_and_traditional():  # P1
    assert answers.clean("４１０１") == "4101"
    assert answers.clean("  我願意  ") == "我愿意"
    assert answers.clean("什么") == "什么"  # not folded into a variant the question rules do not know
    assert len(answers.clean("啊" * 100000)) == 2000


@pytest.mark.parametrize("text,expected", [
    ("CN20261127-000001", "CN20261127-000001"), ("cn 20261127 000001", "CN20261127-000001"),
    ("编号ＣＮ２０２６１１２７－０００００１", "CN20261127-000001"), ("没有", None), ("410105199001011233", None), ("20261127-000001", None),
])
def test_commitment_number(text, expected):
    assert answers.parse_commitment_no(text) == expected


def test_the_commitment_number_pattern_leaves_an_id_alone():
    text = "CN20261127-000001，身份证410105199001011233"
    assert "410105199001011233" in answers.COMMITMENT_NO_RE.sub(" ", text)
    assert "CN20261127" not in answers.COMMITMENT_NO_RE.sub(" ", text)


@pytest.mark.parametrize("text,expected", [
    ("没有", True), ("匿名", True), ("不留了", True), ("不知道编号", True), ("跳过", True),
    ("13800138000", False), ("没有编号吗？", False), ("", False),
])
def test_skip(text, expected):  # R11: complaints may be anonymous
    assert answers.is_skip(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("窗口明明可以承诺还让我开证明", "窗口明明可以承诺还让我开证明"), ("是", None), ("好的", None), ("😀", None), ("a", None),
])
def test_free_text(text, expected):
    assert answers.parse_free_text(text, min_chars=2) == expected


@pytest.mark.parametrize("text,expected", [
    ("算了", True), ("不撤了。", True), ("算了，不撤回了", True), ("我不办了，想按一般程序交证明", False),
    ("取消这个承诺是因为我搬家了", False),
])
def test_only_a_bare_stop_cancels_where_free_text_is_asked(text, expected):
    assert answers.is_cancel_only(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("是", "yes"), ("是的，委托书上写明了特别授权我代为作出告知承诺", "yes"), ("否", "no"), ("是吗？", None), ("😀", None),
])
def test_plain_yes_no(text, expected):
    assert answers.parse_yes_no(text) == expected
