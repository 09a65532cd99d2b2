"""Who would do it for me, asked back with 谁 or the southwest's 哪个 beside the speaker's own answer, and the courtesy of
not troubling others with a face after it. Each shape is pinned beside look-alikes that keep their other reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


@pytest.mark.parametrize("text,expected", [
    ("就我自己嘛，哪个帮我办哦", "self"), ("我自己来，谁帮我跑啊", "self"), ("自己搞定 不麻烦别人😎", "self"),
    # look-alikes: alone it asks; beside acting for someone it goes against that answer; someone else's matter
    ("哪个帮我办哦", "question"), ("代办，哪个帮我办哦", "clarify"), ("代办，不麻烦别人😎", "proxy"),
])
def test_who_would_do_it_for_me(text, expected):
    assert outcome("acting_as", text) == expected
