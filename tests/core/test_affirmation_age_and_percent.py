"""The speaker's slow writing told before the commitment, with their age ("我七十六了，字写得慢，我承诺…"); what was
filed said to be 100% true, in figures or in words ("所填信息１００％真实"); and the scoffing "承诺个啥" answered with the
refusal in words ("我承诺个啥，不承诺"), all in bot/core/affirmation.py. Look-alikes stay unaccepted: a hedge after the
act, a fact told first that may contradict it, a lesser share than the whole, and a scoff left alone or softened."""
from __future__ import annotations

import pytest

from tests.core.speakers import self_kind


@pytest.mark.parametrize("text", [
    "我八十了，字写得慢，本人承诺以上情况属实", "我六十九了，写字慢，我承诺所填内容都是真的", "字打得慢，我承诺",
])
def test_slow_writing_told_first_is_no_reservation(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我七十六了，字写得慢，我承诺以上大概都是真的",  # a hedge on what is committed
    "字写得慢，可能写错了，我承诺以上都是真的",  # the writing may be wrong: doubt about the content
    "我七十六了，房子是我自己的，我承诺以上都是真的",  # a fact that may contradict what is committed
    "我字写得不好，我承诺以上都是真的",  # a negation that is no slow hand
])
def test_slow_writing_look_alikes_stay_unaccepted(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", [
    "本人承诺，所填内容１００％属实", "我承诺，以上信息100%真实", "本人承诺，以上内容百分百属实",
])
def test_wholly_true_in_figures_or_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我承诺，所填信息百分之九十真实", "我承诺，所填信息90%真实", "我承诺，所填信息99.9%真实",
    "我承诺，所填信息１００％真实，可能有出入",
])
def test_a_share_or_a_hedge_is_not_wholly_true(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["我承诺个啥，我不承诺了", "承诺个啥，不承诺", "我承诺个啥，不承诺，交证明去"])
def test_a_scoff_answered_by_the_refusal_is_a_no(text):
    assert self_kind(text) == "negated"


@pytest.mark.parametrize("text", [
    "我承诺个啥", "我承诺个啥，不承诺？", "我承诺个啥，不承诺吧", "我承诺个啥，不承诺哈哈", "我承诺个啥，承诺",
])
def test_a_scoff_alone_or_softened_is_no_refusal(text):
    assert self_kind(text) not in ("negated", "explicit")
