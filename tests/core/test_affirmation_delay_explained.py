"""A refusal denied, then what held the speaker up, then the commitment (bot/core/affirmation.py): "我不是不承诺，刚才是
手机卡了，本人承诺"; the willingness denied to be lacking ("我不是不愿意，我承诺"); the checks welcomed by phone after
the act; and the 哪里 of a fear, which asks nothing ("不敢承诺，怕哪里填错了" is a no). Look-alikes stay unaccepted:
the hesitation itself given as the delay, the denial or the delay alone, a fear after the commitment, a question."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, self_kind


@pytest.mark.parametrize("text", [
    "我不是不承诺，刚才是手机卡了，本人承诺", "不是不愿意承诺，刚才在看第六条，我承诺", "我不是不想承诺，就是找了半天输入框，我承诺",
    "我不是不愿意，我承诺", "刚才手机卡了，本人承诺", "我承诺，有什么要核查的随时给我打电话",
])
def test_delay_explained_and_checks_welcomed(text):
    assert self_kind(text) == "explicit"


def test_the_company_after_its_delay():
    assert enterprise_kind("本公司不是不承诺，刚才在找公章，本公司承诺") == "explicit"


@pytest.mark.parametrize("text", [
    "我不是不愿意", "刚才在看第六条", "我不是不承诺，刚才在想，我承诺", "我不是不承诺，刚才在犹豫，我承诺",
    "我承诺，怕哪里填错了", "我承诺，有什么要核查的吗",
])
def test_look_alikes_stay_unaccepted(text):
    assert self_kind(text) != "explicit"


def test_a_fear_of_error_beside_a_refusal_is_a_no():
    assert self_kind("不敢承诺，怕哪里填错了") == "negated"
