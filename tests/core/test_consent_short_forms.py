"""Short and plain statements at the two consent questions (bot/core/consent.py): 滴/撒 after 了 or 的, 哦 before the
statement, 当然/肯定 stressing one's own reading, the parts counted without 个 (七部分), "第一条到最后一条", the print
made bigger, the speaker's age and eyes, the consequence understood beside the whole, 取消 as a stop; at the special
authorisation the signer after where the signature stands, a thumb print beside the signature, the clause of the letter
pointed at, the commitment ticked in the special box, other powers listed besides, the photo offered, a second look
then the no. And 肯定写了: what the speaker supposes the letter says is asked again. Look-alikes beside each."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes, PROXY, SELF


@pytest.mark.parametrize("text", [
    "读完了滴", "看完了撒", "读完了呗", "都看过了呗", "哦，看完了", "哦 看完了", "当然看完了", "肯定看完了啊", "7部分都读了", "七部分都看了",
    "已读，第一条到最后一条都看了", "已阅读，字有点小，放大了看的", "已阅读，我七十六了看得慢，不过都看完了",
    "我七十六了，已阅读", "我老花眼，让孙子把字调大了，自己一条条看完的", "已阅读。不实承诺的后果我也看明白了",
    "看完啦，字有点小但都看了", "看完滴", "看完了哟~", "没看完…哦刚翻到底了，看完了", "我看完了，眼睛花看得慢，但每一条都看了",
    "看过了，第五部分法律责任也记住了", "我读完了，是我自己读的，不是别人念的",
])
def test_notice_read_short_forms(text):
    assert is_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # 嘛 may be 吗; the reading denied under the stress; a part; the remark alone; the consequence alone or not
    # understood
    "看完了嘛", "肯定没看完", "当然没看", "第一条到第五条都看了", "放大了看的", "我七十六了", "我老花眼",
    "已阅读，我七十六了，看不完", "不实承诺的后果我也看明白了", "已阅读，不实承诺的后果我没看明白",
    "已阅读，不实承诺的后果我也看明白了吧", "没看完…刚翻到底了", "是我自己读的", "不是别人念的", "第五部分记住了",
])
def test_notice_look_alikes_stay_undecided(text):
    assert not is_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["不看了，取消", "不整了"])
def test_notice_stop_said_with_the_reading_given_up(text):
    assert notice_read(text, SELF).kind == "cancel"


@pytest.mark.parametrize("text", [
    "写明了滴", "写明了撒", "写明了呗", "都写了呗", "委托书写了特别授权代为作出告知承诺，下面是赵强签的名", "写明了特别授权，下面是他签的名",
    "写明了特别授权，我舅签的字还按了手印", "写明了特别授权，委托书第二条就是", "委托书特别授权那一栏勾了“代为作出告知承诺”",
    "写了特别授权代为作出告知承诺，另外还有代为签收", "写明了特别授权，委托书我随身带着呢，要的话可以拍照",
    "写明了特别授权代为作出告知承诺，落款是赵强", "写明了特别授权，授权编号SQ2026-0088", "写明了特别授权，ＳＱ２０２６－００４１那份",
    "写明了特别授权，他在这儿授权的时候选的就是代为承诺", "写了特别授权代为承诺，我们在公证处办的", "写明了特别授权，不信我拍照给你看",
    "我舅在委托书里写了特别授权我代他作出承诺，他腿脚不好来不了，所以我来",
])
def test_authorisation_short_forms(text):
    assert is_yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # supposed, not read; signed by the speaker or by someone else; the box with an ordinary power; the clause alone;
    # the special authorisation with only an ordinary power beside it; a condition of the speaker's own
    "肯定写了", "肯定写明了特别授权", "不然我来干嘛，肯定写了", "写明了嘛",
    "写明了特别授权，下面是我签的名", "写明了特别授权，下面是李四签的名", "写明了特别授权，我签的字还按了手印",
    "委托书第二条就是", "写明了特别授权，第二条就是吧", "委托书特别授权那一栏勾了代为办理",
    "写明了特别授权，另外还有代为签收", "要的话可以拍照", "写明了特别授权，要的话",
    # the number alone; an ordinary power chosen; the speaker granting it to themself
    "授权编号SQ2026-0088", "他在这儿授权的时候选的就是代为办理", "写明了特别授权，我在这儿授权的时候选的就是代为承诺",
])
def test_authorisation_look_alikes_stay_undecided(text):
    assert not is_yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", ["写了……我再看一眼，没有，只写了代办手续", "只写了代为签收"])
def test_authorisation_no_after_a_second_look(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text,kind", [
    ("那我不代了，叫他本人来", "cancel"), ("那我不代他承诺了，让他自己来", "cancel"), ("我不代了", "clarify"),
    ("我不代了，写明了特别授权", "clarify"),
])
def test_the_errand_given_up_for_the_principal_to_come(text, kind):
    assert special_authorisation(text, PROXY).kind == kind
