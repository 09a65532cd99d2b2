"""Everyday phrasing at the three legal asks (the commitment, "I have read the notice", the special authorisation),
read through the step interpreter: courtesy, checks accepted, WeChat emoticons, the capacity the speaker reads or
commits in, plain noes said of the document. Each is taken only as far as it goes: what merely looks like a yes is
still asked again, and a turn-around to yes inside one message stays a question for the user."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from bot.core.reading import Context

SELF = Context(applicant_name="张伟")
PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司", representative_name="王芳")


def outcome(reading):
    return reading.value if reading.kind == "value" else reading.kind


@pytest.mark.parametrize("ctx,text,expected", [
    (SELF, "我承诺，麻烦您了", "explicit"), (SELF, "我承诺，辛苦你们了", "explicit"), (SELF, "我承诺，接受核查", "explicit"),
    (SELF, "我承诺以上内容属实，特此承诺", "explicit"), (SELF, "我承诺，知道要负法律责任", "explicit"),
    (SELF, "我承诺，没有隐瞒收入", "explicit"), (SELF, "本人承诺，本人名下无房无车", "explicit"),
    (SELF, "我承诺，如不实愿意被取消资格", "explicit"), (SELF, "我承诺[抱拳]", "explicit"), (SELF, "好吧我承诺", "explicit"),
    (ENTERPRISE, "我作为法人承诺", "explicit"), (ENTERPRISE, "我以公司名义承诺", "explicit"),
    (PROXY, "我是代理人刘洋，受赵强特别授权，代为承诺", "explicit"), (PROXY, "我受委托人赵强特别授权，代为承诺", "explicit"),
    # still not a plain commitment by the one who may make it
    (SELF, "我承诺[捂脸]", "clarify"), (SELF, "我承诺，你们查不出来", "clarify"), (SELF, "我不是不承诺，我承诺", "clarify"),
    (SELF, "谁说我不承诺，我承诺", "clarify"), (ENTERPRISE, "我作为会计承诺", "clarify"),
    (PROXY, "我是代理人王五，受赵强特别授权，代为承诺", "clarify"),
])
def test_commitments(ctx, text, expected):
    assert outcome(interpret("affirmation", text, ctx)) == expected


@pytest.mark.parametrize("ctx,text,expected", [
    (SELF, "我仔细看过了，全部内容都清楚", "yes"), (SELF, "读完了，您继续", "yes"), (SELF, "已阅读全部", "yes"),
    (SELF, "看了看了都看完了", "yes"), (SELF, "俺看完咧", "yes"), (SELF, "一个字都没落下，全看完了", "yes"),
    (SELF, "我又不是没看，看完了", "yes"), (SELF, "已阅读，谢谢你们的提醒", "yes"), (SELF, "看完了[微笑]", "yes"),
    (ENTERPRISE, "作为法人我已阅读", "yes"), (ENTERPRISE, "已阅读，我是法定代表人", "yes"), (PROXY, "我作为代理人已阅读", "yes"),
    # declining a repetition is no request for one
    (SELF, "看完了，不用再发了", "yes"), (SELF, "不用再发了", "clarify"), (SELF, "再发一遍", "repeat"),
    (SELF, "看完了[偷笑]", "clarify"), (SELF, "已知晓", "clarify"), (SELF, "看完了吧", "clarify"),
])
def test_notice_read(ctx, text, expected):
    assert outcome(interpret("notice_ack", text, ctx)) == expected


@pytest.mark.parametrize("text,expected", [
    ("写了写了 特别授权代为作出告知承诺", "yes"), ("对对对写明了", "yes"), ("有特别授权，我是他儿子", "yes"),
    ("我爸给我写了特别授权", "yes"), ("委托书写明了特别授权，我爸签了字按了手印", "yes"), ("写明了特别授权，我带着原件呢", "yes"),
    ("没写那个，就写了让我帮忙交材料", "negated"), ("委托书只写了代为申请", "negated"), ("委托书上没提承诺", "negated"),
    ("委托书上没有", "negated"), ("没这一条", "negated"), ("电话里说的", "negated"), ("委托书写的是代办低保手续", "negated"),
    # a yes reached only by correcting oneself, or after echoing the question, is asked again
    ("特别授权？写明了的", "clarify"), ("没写……等等，写了，第三条写着代为作出告知承诺", "clarify"),
    ("写明了特别受权", "clarify"), ("写明了，电话里也说了", "clarify"), ("代为办理告知承诺手续", "clarify"),
])
def test_special_authorisation(text, expected):
    assert outcome(interpret("authorization_scope", text, PROXY)) == expected
