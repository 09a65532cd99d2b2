"""Choices (actions/interpret.py): 能 ("if it can") before 就 and a way is a condition without 如果 ("能当场办下来就承诺",
"我爸能来就本人"), and the choice waits on it: asked again. What "can" be is the way itself ("能用承诺就用承诺"), or 能 in
只能/哪能/还能, or 能 in a clause that does not put the way after 就: no condition, and the plain answer stands."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


@pytest.mark.parametrize("step, text", [
    ("use_commitment", "能当场办下来就承诺，办不下来就算了"),
    ("use_commitment", "能当场办就承诺"),
    ("use_commitment", "今天能办完就用承诺"),
    ("use_commitment", "要能一次办好我就选承诺"),
    ("acting_as", "我爸能来就本人，来不了就代办"),
    ("acting_as", "他能来就本人"),
    ("acting_as", "我妈能过来就代办"),
])
def test_a_way_on_what_can_be_is_asked_again(step, text):
    assert outcome(step, text) == "clarify"


@pytest.mark.parametrize("step, text, want", [
    ("use_commitment", "能用承诺就用承诺", "yes"),
    ("use_commitment", "能承诺就承诺吧", "yes"),
    ("use_commitment", "只能承诺了", "yes"),
    ("use_commitment", "能少跑一趟是一趟，就承诺吧", "yes"),
    ("acting_as", "我自己的，我儿子说这个网上能办我就试试", "self"),
    ("acting_as", "本人，能办就行", "self"),
])
def test_no_condition_where_what_can_be_is_the_way_or_no_way_follows(step, text, want):
    assert outcome(step, text) == want
