"""The special authorisation's letter naming as the one it authorises, or as the one it is written to, someone other
than the speaker: a relative of theirs, or he or she. Whatever the letter says, it is not the speaker's authority, so no
such answer is a yes; the speaker, 受托人 or the agent's own name in that place keeps the yes."""
from __future__ import annotations

import pytest

from tests.core.speakers import letter_says_yes


@pytest.mark.parametrize("text", [
    "委托书上写明了特别授权我老婆代为作出告知承诺", "写的是授权她代为作出告知承诺", "委托书里特别授权他代为承诺",
    "赵强给我老婆写的委托书上写明了特别授权代为作出告知承诺", "给我儿子写的委托书，写明了特别授权代为作出告知承诺",
    "特别授权我弟代他作出告知承诺，委托书上写着",
])
def test_someone_else_authorised_is_no_yes(text):
    assert not letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # look-alikes: the speaker, the agent by name or as 受托人 is the one authorised or written to
    "委托书上写明了特别授权我代为作出告知承诺", "我爸给我写的委托书上写明了特别授权代为作出告知承诺",
    "委托书写的是授权刘洋代为作出告知承诺", "委托书写的是特别授权受托人代为作出告知承诺",
    "我爸授权我代他作出告知承诺，委托书上写着",
])
def test_the_speaker_authorised_keeps_the_yes(text):
    assert letter_says_yes(text)
