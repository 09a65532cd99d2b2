"""Names that contradict what the speaker chose before: one acting for themself (or who has not said) who names a
relative as the applicant, or does the matter for one, is asked for their own name again (a proxy naming the relative
they act for is read); a legal representative who names themself but says a relative comes to do it is asked again
(a relative who only comes along, or the speaker coming themself, is read). Each shape is pinned with look-alikes."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context
from tests.actions.speakers import ENTERPRISE

SELF_SAID = Context(acting_as="self")
NOT_SAID = Context()
PROXY = Context(acting_as="proxy", agent_name="刘洋")


def read(text: str, ctx: Context):
    reading = interpret("applicant_name", text, ctx)
    return reading.value if reading.kind == "value" else reading.kind


@pytest.mark.parametrize("text,name", [
    # the relative named as the applicant, by relation then name, or by name then relation
    ("我爸王强", "王强"),
    ("是我爸王强", "王强"),
    ("我妈叫李红", "李红"),
    ("申请人是我老婆王芳", "王芳"),
    ("申请人是我妈，叫李红", "李红"),
    ("我爸的名字王强", "王强"),
    ("王强是我爸", "王强"),
    ("王强，是我爸", "王强"),
    ("王强，我爸", "王强"),
    # the matter done for a relative
    ("帮我爸办，他叫王强", "王强"),
    ("我爸叫王强，我替他办", "王强"),
])
def test_relative_named_by_one_acting_for_themself_is_asked_again(text, name):
    for ctx in (SELF_SAID, NOT_SAID):
        reading = interpret("applicant_name", text, ctx)
        assert (reading.kind, reading.detail) == ("clarify", "third_party"), (text, ctx)
        assert "本人" in reading.expected
    # a proxy names the relative they act for
    assert read(text, PROXY) == name


@pytest.mark.parametrize("text", [
    "我是王强，替我爸办",
    "我叫王强，帮我爸办",
])
def test_own_name_beside_acting_for_a_relative_is_asked_again(text):
    for ctx in (SELF_SAID, NOT_SAID):
        assert read(text, ctx) == "clarify", (text, ctx)


@pytest.mark.parametrize("text", [
    # the speaker's own name, alone or with a relative beside it
    "我叫王强",
    "王强",
    "申请人是我，王强",
    "我叫王强，我爸叫王建国",
    "我是王强，我妈叫李红",
    "我叫王强，我老婆陪我来的",
    "王强，我爸陪我来的",
    "王强，我爸让我来的",
    "我叫王强，不是我爸",
    "我不是我爸，我叫王强",
    "王强，我爸取的名字",
])
def test_own_name_beside_a_relative_is_read(text):
    for ctx in (SELF_SAID, NOT_SAID):
        assert read(text, ctx) == "王强", (text, ctx)


@pytest.mark.parametrize("text", [
    "我爸",                  # no name at all
    "申请人是我妈",
    "我爸王强？",             # asked
    "要是不行就写我爸王强",    # on a condition
])
def test_relative_without_a_plain_answer_is_still_not_read(text):
    assert read(text, SELF_SAID) in ("clarify", "question")


def rep(text: str):
    reading = interpret("representative_name", text, ENTERPRISE)
    return reading.value if reading.kind == "value" else (reading.kind, reading.detail)


@pytest.mark.parametrize("text", [
    "法人是我，王芳，我老公来办",
    "法人是我，王芳，我老公替我来办",
    "法人是我，王芳，我老公明天过来办",
    "王芳，让我儿子过来签",
])
def test_representative_with_a_relative_coming_to_act_is_asked_again(text):
    assert rep(text) == ("clarify", "not_representative")


@pytest.mark.parametrize("text", [
    "法人是我，王芳，我自己来办",
    "法人是我，王芳，我来办",
    "法人是我，王芳，我老公陪我来",       # he comes along
    "法人是我，王芳，我老公陪我来办",
    "法人是我，王芳，我和我老公一起来办",  # the speaker comes too
    "法人是我，王芳，我老公开车送我来",
    "王芳，我老公来过",                  # no errand done in the speaker's stead
])
def test_representative_coming_themself_is_read(text):
    assert rep(text) == "王芳"
