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
    (SELF, "我承诺[捂脸]", "clarify"), (SELF, "我承诺，你们查不出来", "clarify"), (SELF, "我不是不承诺", "clarify"),
    (SELF, "谁说我不承诺，我承诺", "clarify"), (ENTERPRISE, "我作为会计承诺", "clarify"),
    (PROXY, "我是代理人王五，受赵强特别授权，代为承诺", "clarify"),
])
def test_commitments(ctx, text, expected):
    assert outcome(interpret("affirmation", text, ctx)) == expected


@pytest.mark.parametrize("ctx,text,expected", [
    (SELF, "我仔细看过了，全部内容都清楚", "yes"), (SELF, "读完了，您继续", "yes"), (SELF, "已阅读全部", "yes"),
    (SELF, "看了看了都看完了", "yes"), (SELF, "俺看完咧", "yes"), (SELF, "一个字都没落下，全看完了", "yes"),
    (SELF, "我又不是没看，看完了", "yes"), (SELF, "已阅读，谢谢你们的提醒", "yes"), (SELF, "看完了[微笑]", "clarify"),
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
    ("特别授权？写明了的", "clarify"), ("没写……等等，写了，第三条写着代为作出告知承诺", "yes"),
    # a pause that is still a check, or a doubt, after the 等等, is asked again
    ("没写……等等，我看看", "clarify"), ("没写，等等，好像写了", "clarify"), ("没写，等等，我再看看，写了", "clarify"),
    ("写明了特别受权", "clarify"), ("写明了，电话里也说了", "clarify"), ("代为办理告知承诺手续", "clarify"),
])
def test_special_authorisation(text, expected):
    assert outcome(interpret("authorization_scope", text, PROXY)) == expected


@pytest.mark.parametrize("text,expected", [
    # the document's own wording, where it stands and who signed it, said beside the scope
    ("写了的，原文是“受托人可代委托人作出告知承诺”", "yes"), ("委托书原文：兹特别授权刘洋代为作出告知承诺", "yes"),
    ("我舅舅给我出的委托书，授权范围包括代为作出告知承诺", "yes"), ("授权事项第二项：代为作出告知承诺", "yes"),
    ("委托书写了两项：代为递交材料和代为作出告知承诺", "yes"), ("写明了，代为作出告知承诺，在委托书最后一段", "yes"),
    ("写明了特别授权，是我爸当着社区工作人员的面签的", "yes"), ("不光写了代为办理，还写了代为作出告知承诺", "yes"),
    ("这还用问？委托书上写明了特别授权", "yes"),
    # signed or written by the speaker: the principal's own authorisation is not shown
    ("委托书写了特别授权，不过是我自己签的", "clarify"), ("委托书是我签的，写明了特别授权", "clarify"),
    ("我签的委托书写明了特别授权", "clarify"), ("我在委托书里写明了让我代为承诺", "clarify"),
    # a no asked back beside a plain yes is emphasis, and the yes decides; a yes asked back is a no
    ("哪能没写呢，委托书写明了特别授权", "yes"), ("谁说没写，委托书第三条就是代为作出告知承诺", "yes"),
    ("哪有什么特别授权，就是普通委托", "negated"), ("委托书哪写了承诺，就写了代办", "negated"),
    ("谁说写了？只写了代为办理", "negated"), ("当然有，不然我怎么来办", "clarify"), ("这还用问？肯定有授权啊", "clarify"),
    ("委托书哪里写了特别授权", "question"),
    # messages and voice notes are no written authorisation; ordinary powers listed are all there is
    ("他微信里跟我说可以代他承诺", "negated"), ("我爸发语音说让我代他承诺", "negated"),
    ("微信聊天记录里他同意了，有截图", "negated"), ("代为办理、代为签收，就这两项", "negated"),
    ("委托书上就一句：委托刘洋代为办理低保", "negated"), ("授权范围写的是代办相关手续", "negated"),
    ("没写。他只让我来交个材料", "negated"), ("就是让我代为办理，承诺的事没写", "negated"),
    ("委托书里写的代为咨询和递交材料", "negated"), ("没有，委托书上就写了代领", "negated"),
    ("没有，我爸亲笔签了特别授权", "clarify"),
])
def test_special_authorisation_wording_and_rhetoric(text, expected):
    assert outcome(interpret("authorization_scope", text, PROXY)) == expected


@pytest.mark.parametrize("text,expected", [
    ("这还用问？早看完了", "yes"), ("哪能没看，都看完了", "yes"), ("没有没看的部分，全部读完了", "yes"),
    ("全部看完了，每一部分我都认真读了", "yes"), ("我把七部分从头到尾都看了一遍", "yes"),
    ("看完了，我还让我儿子给我念了一遍", "yes"),
    ("谁有空看这么长的", "clarify"), ("哪有时间看，先往下走吧", "clarify"), ("看了一部分", "clarify"),
    ("这还用问", "clarify"), ("不用念了，我看完了", "yes"), ("不用念了，我没看", "clarify"),
    # "不用读了" may be the speaker's own reading declined
    ("不用读了，已阅读", "clarify"),
])
def test_notice_read_asked_back(text, expected):
    assert outcome(interpret("notice_ack", text, SELF)) == expected


@pytest.mark.parametrize("step,ctx,text,expected", [
    # dialect, courtesy and details beside the answer, through the step interpreter
    ("affirmation", SELF, "中 本人承诺", "explicit"), ("affirmation", SELF, "我木有法承诺，俺家有辆车", "negated"),
    ("affirmation", ENTERPRISE, "我是法人王芳，代表公司承诺以上内容属实", "explicit"),
    ("affirmation", PROXY, "受赵强特别授权 我代为承诺 委托书在这", "explicit"),
    ("notice_ack", SELF, "读完咧，没得问题", "yes"), ("notice_ack", SELF, "看完嘞，中", "yes"),
    ("notice_ack", SELF, "木有看，太长咧", "clarify"),
    ("authorization_scope", PROXY, "您好，委托书上写明了特别授权代为作出告知承诺，谢谢", "yes"),
    ("authorization_scope", PROXY, "木有委托书，俺爹不识字", "negated"),
    ("authorization_scope", PROXY, "委托书我自己写的，写了代为作出告知承诺", "clarify"),
])
def test_dialect_and_padding_at_the_legal_asks(step, ctx, text, expected):
    assert outcome(interpret(step, text, ctx)) == expected


@pytest.mark.parametrize("step,ctx,text,expected", [
    # the question quoted back or a question about the procedure after the answer, at each legal ask
    ("affirmation", SELF, "本人承诺以上内容属实，请问几天能批下来？", "explicit"),
    ("affirmation", SELF, "请输入承诺用语——本人承诺", "explicit"),
    ("affirmation", ENTERPRISE, "本公司承诺以上内容属实，请问营业执照要不要上传", "explicit"),
    ("affirmation", PROXY, "我是刘洋，有赵强的特别授权委托书，代他承诺，请问他本人还要来吗", "explicit"),
    ("notice_ack", SELF, "已阅读。承诺以后还需要去窗口吗？", "yes"),
    ("notice_ack", SELF, "您说读完后回复已阅读，那我回复：已阅读", "yes"),
    ("authorization_scope", PROXY, "写明了特别授权。请问下一步要填什么", "yes"),
    ("authorization_scope", PROXY, "您问是否写明特别授权代为作出告知承诺——是的，写明了", "yes"),
    # hotline staff writing down what a caller said: someone else's words at a legal ask
    ("affirmation", SELF, "市民表示本人承诺", "clarify"), ("notice_ack", SELF, "来电人称已看完", "clarify"),
    ("authorization_scope", PROXY, "来电人称委托书写明了特别授权", "clarify"),
    # a question about the answer itself, or one beside a hedge, is no mere follow-up
    ("notice_ack", SELF, "已阅读，不实承诺会罚多少钱", "clarify"),
    ("authorization_scope", PROXY, "写明了特别授权……吧？我再看看", "clarify"),
])
def test_legal_answers_with_the_question_around_them(step, ctx, text, expected):
    assert outcome(interpret(step, text, ctx)) == expected
