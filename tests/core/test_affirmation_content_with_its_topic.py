"""What is committed, said right after 承诺 with its own 没有 (bot/core/affirmation.py): the words that replace the
proof of owning no home ("我承诺本人在本市没有住房") and the letter's formal "不存在隐瞒、虚报的情况". Only with the
content's own topic before its 没有, since a bare "我承诺没有…" also reads "have I committed?"; each accepted form has
look-alikes that stay unaccepted: someone else's home, doubt, a question, the falsehood affirmed, a partial denial."""
from __future__ import annotations

import pytest

from tests.core.speakers import self_kind


@pytest.mark.parametrize("text", [
    # (run together with its topic, "本人承诺我没有房", it was once asked again; it has no other reading)
    "我承诺本人在本市没有住房", "本人承诺我没有房", "我承诺我家在本市没有其他住房", "本人承诺名下没有住房", "本人承诺申请材料没有造假",
    "本人承诺不存在隐瞒、虚报的情况", "本人承诺，不存在隐瞒、虚报的情况", "本人承诺不存在隐瞒的情况",
])
def test_content_with_its_topic_right_after_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # no topic: "我承诺没有…" may ask whether the commitment was made
    "我承诺没有住房", "我承诺没有隐瞒", "我承诺我家没有",
    # someone else's home, doubt, a question, the falsehood affirmed, a partial denial
    "我承诺他家没有住房", "我承诺我家应该没有住房", "我承诺本人在本市没有住房吧", "本人承诺存在隐瞒的情况",
    "本人承诺可能不存在隐瞒的情况", "本人承诺不存在隐瞒的情况吗", "我承诺申请材料没有全部造假",
])
def test_look_alikes_stay_unaccepted(text):
    assert self_kind(text) != "explicit"


def test_the_act_refused_beside_the_content():
    assert self_kind("本人不承诺不存在隐瞒的情况") == "negated"
