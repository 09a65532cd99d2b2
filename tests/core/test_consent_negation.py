"""Double negations, a no asked back and corrections at the two consent questions (bot/core/consent.py).

A denial that anything went unread or unwritten (不是没看, 哪能没写, 没有不看的, 怎么可能没有特别授权, 没跳着看) is
emphasis: alone it is asked again, and said as a clause of its own before or after the plain answer, that answer decides
on its own terms (a hedge, a part, someone else, a question, a joke or a doubtful emoji there is asked again; a no is a
no). "I have read the notice" also takes a request to repeat withdrawn in the next breath ("再说一遍，哦不用了，…"),
"not yet" ended by a reading finished now ("还没，现在看完了") and the whole text as the object ("读了告知书全文").
The special authorisation also takes a no followed by the document looked at again ("没有写明，等等，我再看看，…",
which must then name the scope it found) or by the yes realised ("没有……啊有，…"), the document checked by the speaker
("我仔细看了委托书") and the words added at the principal's wish ("我爸特意让人加上的")."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the denial before the plain answer: two negations, a no asked back, a gap denied
    "不是没看，看完了", "哪能没看，全看完了", "我又不是没看，都看了", "没有不看的，都看完了", "没有不看的，全都看完了",
    "哪能不看呢，都看完了", "怎么可能没看，我全部看完了", "咋可能没看，已阅读", "没有哪条没看的，七条都看完了",
    "谁说没看完的，我全都看完了", "没有没读的，全部读完了", "我怎么会没看，从头看到尾了", "哪能没看？都看完了",
    "没跳着看，从头看到尾", "没跳着看，一条一条都看完了", "我没有跳着看，从头到尾看完了",
    # the denial after it
    "看完了，又不是没看", "全部看完了，哪能没看呢", "都看完了，哪能没看？",
])
def test_notice_denial_beside_the_answer(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the denial alone
    "没有不看的", "哪能不看呢", "没跳着看", "不是没看", "谁说我没看", "怎么可能没看", "没有哪条没看的",
    # beside a part, a hedge, someone else, a condition, a joke, a doubtful emoji, a no
    "没跳着看，看了一大半", "没跳着看，就看了前三条", "没有不看的，应该都看完了", "哪能没看，我儿子看完了",
    "没有不看的，我老婆都看完了", "没有不看的，就是第五条没看", "哪能没看，要是有空就看完了", "哪能没看，看完了才怪",
    "看完了，又不是没看😂", "不是没看，看完了😂", "哪能没看，都看完了🤔", "哪能没看呢，我都看完了，开玩笑的",
    "看完了吧，哪能没看", "我儿子看完了，哪能没看", "看完了，不是没看，就是没看懂",
    # a question: the "?" questions the answer, not the denial
    "不是没看，看完了？", "哪能没看，看完了？", "看完了？哪能没看", "看完了吗？哪能没看", "哪能没看？看完了？",
    "怎么可能没看，看完了吗",
    # a yes or a no asked back with no denial of the missing reading
    "谁说我看完了，我还没看", "哪有空看，看完了", "不是不看，是没时间看",
])
def test_notice_denial_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "再说一遍，哦不用了，我看完了", "第五条再说一遍，不对，不用了，都看完了", "再念一遍，算了不用了，已阅读",
    "第三条再发一遍，哦不用了，我都看完了", "能再说一遍吗？哦不用了，我看完了",
])
def test_repeat_withdrawn_then_the_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text,kinds", [
    # nothing after the withdrawal, or an answer that is no reading of the speaker's own
    ("再说一遍，哦不用了", {"clarify"}), ("再说一遍，哦不用了，我老伴看完了", {"clarify"}),
    ("第五条再说一遍，不对，不用了，看了一半", {"clarify"}), ("再说一遍，哦不用了，看完了哈哈", {"clarify"}),
    ("再说一遍，不用了，看完了？", {"clarify"}), ("再说一遍吧，不用了，看完了吗", {"question", "clarify"}),
    ("再说一遍，不用了，第三条没看", {"clarify"}),
    # the request made again after the withdrawal is a request
    ("再说一遍，不用了，不对，还是再说一遍", {"repeat"}),
])
def test_repeat_withdrawn_look_alikes(text, kinds):
    assert notice_read(text, SELF).kind in kinds


@pytest.mark.parametrize("text", ["还没，现在看完了", "还没看完，现在都看完了", "还没，刚刚看完了", "还没看，终于看完了",
                                  "没看完，现在看完了"])
def test_not_yet_then_finished_now(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # not finished now, someone else, a hedge, a doubt, a question, no time said, a time before the "not yet"
    "还没，现在看", "还没，现在在看", "还没，现在看完一半了", "还没，现在我儿子看完了", "还没，现在看完了吧",
    "还没，现在看完了，不过没看懂", "还没，现在看完了😂", "还没，现在看完了？", "还没，现在看完了吗", "还没，现在好了",
    "还没，等会看完", "还没，刚才看完了",
])
def test_not_yet_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["我认真读了告知书全文", "我读了全文", "我看了全部内容，谢谢"])
def test_the_whole_text_as_the_object(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a glance, a part of the whole, someone else, a hedge, a question, a plan, the whole named first with a bare 看了
    "我看了一下全文", "我读了全文的一半", "我读了全文里的几条", "我看了全文前两段", "我儿子认真读了告知书全文",
    "我认真读了告知书全文吧", "读了全文吗", "读了全文？", "我要读全文", "全文我看了", "我认真读了告知书全文，没看懂",
    "我认真读了告知书全文😂",
])
def test_the_whole_text_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- authorization_scope ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the denial before the plain answer
    "不是没写，写了", "哪能没写，写明了特别授权", "没有不写，写明了", "哪能没写呢，委托书写明了特别授权",
    "谁说没写，委托书第三条就是代为作出告知承诺", "怎么会没写，写明了特别授权", "哪能没写？写明了特别授权代为作出告知承诺",
    "谁说没写，委托书上写明了特别授权", "咋可能没写，第二条写着特别授权代为作出告知承诺", "没有没写，写明了特别授权",
    "我爸哪能不写，写明了特别授权", "没有不写的，委托书上写明了特别授权代为作出告知承诺",
    "怎么可能没有特别授权，委托书上写明了代为作出告知承诺", "哪能没写 写明了特别授权",
    # the denial after it
    "写明了特别授权，哪能没写", "写明了特别授权代为作出告知承诺，又不是没写",
])
def test_authorisation_denial_beside_the_answer(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the denial alone
    "哪能没写", "没有不写", "怎么会没写呢", "谁说没写", "哪能没有", "不是没写",
    # beside a hedge, someone's word, a condition, a joke, a doubtful emoji, a question, the speaker as signer
    "哪能没写，应该写明了特别授权", "哪能没写，我爸说写明了", "怎么会没写，写明了特别授权吧", "哪能没写，要是需要就写明了",
    "哪能没写，写明了特别授权，开玩笑的", "哪能没写，写明了特别授权😂", "哪能没写，写明了特别授权？",
    "谁说没写？写明了特别授权吗", "没有没写，是我写的特别授权", "哪能没写，写明了特别授权，我签的字",
    "哪能没写，写明了，不过是复印件", "哪能没有，你放心吧", "没有不写，写了吧",
    # the denial run into the answer, or between its clauses; the answer asked, then the denial
    "委托书上哪能没写特别授权", "写明了特别授权，哪能没写，我自己签的", "写明了特别授权？哪能没写",
    "写明了特别授权吗？哪能没写", "写明了特别授权，谁说没写啊😂", "不是没写？写明了特别授权",
    # "没有没有" is an emphatic no, not two negations
    "没有没有，写明了特别授权",
])
def test_authorisation_denial_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "哪能没写，只写了代为办理", "哪能没写，写了代办", "没有不写，就是没写代为作出告知承诺", "哪能没写，没写",
    "怎么可能没有特别授权，口头说好了的", "不是不写，是没写", "哪能没写，电话里他说写明了",
])
def test_authorisation_denial_beside_a_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    # a no, the document looked at again, then the scope named
    "没有写明，等等，我再看看，写明了特别授权", "没写明，等等，我看看，第二条写明了特别授权代为作出告知承诺",
    "没有写明……我再翻翻，写明了特别授权代为作出告知承诺",
    # a no, then the yes realised
    "没有……啊有，写明了特别授权", "没有，哦有的，写明了特别授权代为作出告知承诺", "没有……哎有，写明了特别授权",
    "没有，啊，写明了特别授权", "没写，哦写了，写明了特别授权代为作出告知承诺",
])
def test_authorisation_no_then_looked_again(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the look not done, a thought or someone asked, a bare yes after the look, a hedge, the speaker as signer
    "没写明，等等，我再看看", "写明了特别授权，我再看看", "没写明，等等，我问问我爸，写明了特别授权",
    "没有写明，等等，我再看看，写了", "没写，等等，我再看看，写了", "没有写明，我再看看，写明了特别授权代为作出告知承诺吧",
    "没有写明，我再看看，我爸说写明了特别授权", "没有写明，我再看看，写明了特别授权，是我签的",
    "没写，我再看看，写明了特别授权，我再看看",
    # the yes realised but bare, hedged, someone's word, signed by the speaker; not after a no
    "没有……啊有", "没有，啊，有", "没有……啊有，好像写明了特别授权", "没有，哦有的，写明了特别授权吧",
    "没有……啊有，我爸说写了", "没有……啊有，写明了特别授权，不过是我签的", "特别授权没写，啊有，写了",
])
def test_authorisation_no_then_looked_again_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", ["没写，我看看，没写", "没有，啊", "没写，哦，没写", "写了，哦不对，我看看……没写"])
def test_authorisation_no_kept_after_looking(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    "我仔细看了委托书，特别授权代为作出告知承诺写得清清楚楚", "我仔细看过委托书了，写明了特别授权代为作出告知承诺",
    "写明了，我爸特意让人加上的", "写明了特别授权，他特意找律师加上的",
])
def test_authorisation_checked_or_added_by_the_principal(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the check alone, hedged, of another document or by someone else
    "我仔细看了委托书", "我仔细看了委托书，应该写明了", "我仔细看了我姐的委托书，写明了特别授权",
    "他仔细看了委托书，写明了特别授权", "我仔细看了委托书，写明了特别授权，我签的",
    # added by the speaker or someone unnamed, still to be added, hedged, alone, not signed
    "写明了，我特意让人加上的", "写明了，我自己加上的", "写明了，别人加上的", "写明了，我爸说让人加上",
    "写明了，我爸特意让我加上的", "我爸特意让人加上的", "写明了，我爸特意让人加上的吧", "写明了，我爸特意让人加上的，还没签字",
])
def test_authorisation_checked_or_added_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))
