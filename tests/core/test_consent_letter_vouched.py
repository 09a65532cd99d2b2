"""The special authorisation (bot/core/consent.py) confirmed with the letter vouched for beside it: who made or signed
it and where (an office, a screen, a lawyer engaged at the principal's wish), how the speaker holds or read it (word
by word, together, on the phone, printed), the letter quoted (a second line, the spot on the page), a shortcut denied
(not oral, not the vague general power, not made up or forged), a denial of the opposite before it (咋能没写, 没有不清楚的
地方), a first impression or an earlier reply taken back, the hotline agent's register, a typo owned, the principal
named or his reason for sending a proxy. Each shape is pinned with look-alikes that must stay asked again (or keep
their no): made or read by the speaker, not yet done, hedged, a claim reported, the wrong person, a joke."""
from __future__ import annotations

import pytest

from bot.core.consent import special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY


def _kind(text):
    return special_authorisation(text, PROXY).kind


# --- provenance: who made or signed it, and where ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，公证处出的委托书，里面有代为作出告知承诺这一项",
    "写明了特别授权，委托书是在咱这儿12345登记过的那份",
    "授权是我爸在这个小程序上弄的，上面写着特别授权我代为作出告知承诺",
    "有，委托书写明了特别授权我代我舅作出告知承诺，还是公证过的",
    "写明了特别授权，我妈在社区签的字，代为作出告知承诺那几个字写得清清楚楚",
    "写明了特别授权代为作出告知承诺，我们老板签字按了手印的",
    "写明了特别授权，我老丈人眼睛不好，委托书是请律师照他的意思写的，他自己签的字",
    "咋能没写嘞，写明了特别授权代为作出告知承诺，俺专门找村委会的人帮着写的",
    "写明了特别授权🙏 我舅舅专门找人写的",
    "写明了特别授权代为作出告知承诺。我舅一辈子没签过几回字，这回签得可认真了",
    "写明了特别授权代为作出告知承诺，这句还是专门请律师加的，律师费花了两百😂",
    "写明了特别授权代为作出告知承诺，我妈亲笔签的，不是我P的哈哈",
])
def test_provenance_beside_the_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "授权是我在小程序上弄的，上面写着特别授权我代为作出告知承诺",  # made by the speaker
    "写明了特别授权，律师帮我写的",  # drafted for the speaker
    "写明了特别授权，是我自己照他的意思写的",
    "写明了特别授权🙏 我专门找人写的",
    "写明了特别授权，委托书还没去公证处办",  # not yet done
    "写明了特别授权，委托书是公证处出的吧",  # hedged
    "写明了特别授权，我妈在社区签的字吧",
    "写明了特别授权。我舅一辈子没签过字",  # never signed
    "写明了特别授权，不是他写的",  # the principal's hand denied
    "写明了特别授权，是我瞎编的",
    "写明了特别授权，是我P的哈哈",
    "写明了特别授权代为作出告知承诺，律师费花了两百，骗你的😂",
    "写明了特别授权，我们老板说他签了",
    "有，委托书写明了特别授权我代我舅作出告知承诺，还是复印的",
])
def test_provenance_look_alikes_are_asked_again(text):
    assert _kind(text) == "clarify"


# --- how the speaker holds or read it ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权代为作出告知承诺我刚又看了一遍",
    "写明特别授权嘞，俺一个字一个字看的",
    "是的，委托书写明了特别授权代为作出告知承诺，昨晚我们俩一起核对过",
    "写明了，我在手机上看的授权内容，写的是特别授权代为作出告知承诺",
    "写明了特别授权，授权编号对应的内容我在屏幕上看过了，有代为作出告知承诺",
    "写明了特别授权，委托书我打印出来带着呢，上面写的代为作出告知承诺并承担法律后果",
    "刚才翻了一下委托书，第二条就写着“特别授权代为作出告知承诺”，写明了",
    "写明了，特别授权代为承诺那句在第三条，不是我瞎编的，可以拍照给你",
    "您好，写明了特别授权，谢谢提醒，我刚又对了一遍",
    "写明了特别授权，刚才打成“写名了”，不好意思",
])
def test_reading_told_beside_the_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "写明了特别授权，我还没一个字一个字看",
    "写明了特别授权，我们俩好像一起核对过",
    "写明了特别授权代为作出告知承诺我刚又看了一遍吧",
    "写明了，我在手机上没看到授权内容",
    "写明了特别授权，委托书我打印出来了还没带",
    "写明了特别授权，刚才打成“没有写明”",
    "写明了，特别授权代为承诺那句在第三条，不是我瞎编的，可能吧",
])
def test_reading_look_alikes_are_asked_again(text):
    assert _kind(text) == "clarify"


# --- the letter quoted, a shortcut denied, the spot on the page --------------------------------------------------

@pytest.mark.parametrize("text", [
    "委托书原话：特别授权受托人代为作出告知承诺，并承担相应法律后果",
    "委托书写了特别授权代为承诺，也写了不实承诺的后果由他承担",
    "特别授权代为作出告知承诺、承担不实承诺的法律后果，这两句委托书上都有",
    "有的，白纸黑字写明了：特别授权刘洋代为作出告知承诺",
    "写明了特别授权 就是你说的那句 代为作出告知承诺 一字不差",
    "写明了特别授权，不是口头说的，是书面的，他签了字",
    "写明了特别授权。放心，不是口头说说，白纸黑字我爸签了字按了手印",
    "写明了特别授权，不是全权代理那种笼统的，专门写了代为作出告知承诺",
    "写明了特别授权，委托书是在公证处办的，不是自己随便写的",
    "我不是瞎猜，委托书就在我手里，上面写明了特别授权代为作出告知承诺",
    "不是只写了代为办理，后面还有一句：特别授权代为作出告知承诺",
    "你可能以为我就是个跑腿的，不是，委托书写明了特别授权我代为作出告知承诺",
    "不是没写，写明了特别授权，就在签名上面那一行",
])
def test_quoted_or_vouched_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "委托书写了特别授权代为承诺，也写了不实承诺的后果由我承担",  # the speaker bears it
    "委托书写明了特别授权，这两句委托书上都没有",
    "不是全权代理那种笼统的",  # the denial alone
    "不是全权代理那种笼统的，写的代为办理",
    "你可能以为我就是个跑腿的",
    "你可能以为我就是个跑腿的，不是，可能写了特别授权",
    "不是没写，写明了特别授权，就在签名上面那一行吧",
])
def test_quoted_look_alikes_are_asked_again(text):
    assert _kind(text) == "clarify"


# --- denials of the opposite, corrections, the hotline register ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "没有不清楚的地方，委托书写明了：特别授权代为作出告知承诺",
    "刚开始以为只写了代办，仔细一看后面还有一句特别授权代为作出告知承诺，写明了",
    "委托书上写的是代为办理……不对，我往下看了，下一行写明了特别授权代为作出告知承诺",
    "没有……哦翻到背面了，背面写着特别授权代为作出告知承诺，写明了",
    "更正：委托书不是没写，是写在附页上了，附页写明特别授权代为作出告知承诺",
    "来电人确认委托书写明了特别授权代为作出告知承诺",
    "（坐席代录）来电人核对委托书原件，写明“特别授权代为作出告知承诺”，非一般委托",
])
def test_taken_back_or_registered_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text, kind", [
    ("没有不清楚的地方", "clarify"),
    ("咋能没写嘞", "clarify"),
    ("咋能没写嘞，应该写了特别授权", "clarify"),
    ("刚开始以为只写了代办，仔细一看好像有特别授权", "clarify"),
    ("刚开始以为写了特别授权，仔细一看只写了代办", "negated"),
    ("委托书上写的是代为办理……不对，我往下看了，下一行写着代为领取", "negated"),
    ("更正：没有写明", "negated"),
    ("来电人称委托书写明了特别授权", "clarify"),  # a claim reported, not confirmed
    ("（坐席代录）来电人核对委托书原件", "clarify"),
])
def test_taken_back_look_alikes(text, kind):
    assert _kind(text) == kind


# --- the principal named, his reason for a proxy -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权代为作出告知承诺。委托人是赵强没错，不是他弟弟赵刚",
    "写明了特别授权。赵强是我师傅，他腰伤了来不了，特意写的这个",
    "写明了特别授权。我爸说了，这句要是不写他还不放心让我办呢",
])
def test_principal_named_beside_the_yes(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text, kind", [
    ("写明了特别授权代为作出告知承诺。委托人是赵刚没错", "clarify"),  # another person
    ("写明了特别授权。赵强是我师傅，特意写的这个", "clarify"),  # who wrote it left open
    ("我爸说了，这句要是不写他还不放心让我办呢", "question"),  # the reason alone answers nothing
    ("写明了特别授权。我爸说了，这句要是不写他就不让我办，可他没签字", "clarify"),
])
def test_principal_named_look_alikes(text, kind):
    assert _kind(text) == kind


# --- a no with its reason, or laughed at -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没有写明。不是我不想写，是我爸说不懂啥叫特别授权",
    "没有写明，老实说委托书都还没打印呢哈哈",
])
def test_no_with_its_reason(text):
    assert _kind(text) == "negated"


@pytest.mark.parametrize("text", [
    "没有写明。不是我不想写，其实写了特别授权",
    "没有写明，委托书早打印好了哈哈",
    "写明了特别授权哈哈",
])
def test_no_look_alikes_are_asked_again(text):
    assert _kind(text) == "clarify"
