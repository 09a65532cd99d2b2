"""The speaker's own situation, or the notice read out to them, told after the commitment as it may be told before it
(bot/core/affirmation.py): "本人承诺。我今年七十二了，眼睛不太好，闺女给我念的". The 不太 of the eyes is no doubt. Only a
commitment said in full before it is taken: doubt, someone else, a part read out and laughter stay unaccepted."""
from __future__ import annotations

import pytest

from tests.core.speakers import self_kind


@pytest.mark.parametrize("text", [
    "本人承诺。我今年七十二了，眼睛不太好，闺女给我念的", "我今年七十二了，眼睛不太好，闺女给我念的，本人承诺",
    "本人承诺，我今年七十二了", "本人承诺。闺女给我念的", "本人承诺，眼睛不太好",
])
def test_situation_told_after_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "本人承诺，我不太清楚", "本人承诺，他七十二了", "我承诺，闺女给我念了一半", "本人承诺，不太好", "我七十二了",
    "本人承诺，我七十二了😂", "闺女给我念的",
])
def test_look_alikes_stay_unaccepted(text):
    assert self_kind(text) != "explicit"
