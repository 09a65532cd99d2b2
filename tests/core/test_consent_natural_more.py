"""More natural answers to the two consent questions (bot/core/consent.py), each accepted shape pinned with the
look-alikes that must stay a clarification, a question or a no.

"I have read the notice": the whole notice named by 整个/整份/全部 before a bare 告知; when, where or how said before
the 把 of the notice; the glasses named first; a pause in the day the reading was done in; a part named by its topic
and understood too; the day's errand just over, told first.

The special authorisation: drafted from the office's own template; the words quoted, then "this sentence is written";
the principal's signature at the foot, by name, with an adverb after the name; a pause to think that ends in the
words read off the paper; the principal away and unable to come back; the document's number there too; the original
open to inspection. And the ways of saying the scope is not covered: the commitment's full name missing, "no document"
denied and the commitment not mentioned, the errand with its matter, a no after its reason."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the whole notice named by a word of its whole before the bare 告知
    "整个告知我都仔细读了一遍", "整份告知我从头到尾看完了", "全部告知我都看完了", "我把整个告知仔细读了一遍",
    "整篇告知已阅读",
    # when, where or how, before the 把 of the notice; the day's errand just over, told first
    "我刚下班，在公交上把告知书看完了", "刚才把告知书看完了", "我今天在家把告知书看完了",
    "我在单位午休的时候把告知书看完了",
    # the glasses named first
    "老花镜戴上看完了",
    # a part named by its topic, read or understood too, beside the whole
    "已阅读，法律责任那条我也看明白了", "已阅读，第七条公开那部分我也看了",
])
def test_notice_read_statements(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the whole named, with a part, someone else, a hedge, a question, doubt, a joke, a reservation
    "整个告知我都仔细读了一半", "整个告知我儿子都仔细读了一遍", "整个告知我应该都读了一遍", "整个告知我都读了一遍吧",
    "整个告知我都读了一遍？", "整个告知我没读", "整个告知我都读了一遍😂", "整个告知我都仔细读了一遍，第五条没看",
    "整个告知我都仔细读了一遍，不过没看懂", "整个告知我都读了一遍，开玩笑的", "整个告知除了第五条我都读了一遍",
    # the bare 告知 without a word of its whole, and the whole with a bare 读了
    "告知我都读了一遍", "整个告知我都读了",
    # the errand over, then no reading, a hedge, someone else; alone
    "我刚下班，还没看", "我刚下班，应该看完了", "我刚下班，我儿子看完了", "我刚下班", "刚下班，还没来得及看",
    # the place before 把, with a part, someone else, a question, a bare 看了
    "在公交上把告知书看了一半", "我儿子在公交上把告知书看完了", "在公交上把告知书看完了吗", "我在公交上把告知书第一条看完了",
    "在公交上把告知书看了",
    # a time of the day and a finish without 了: a plan as much as a report
    "晚上看完", "午休的时候看完", "午休的时候把告知书看完", "午休的时候再看", "我在单位午休的时候把告知书看了一半",
    "我儿子午休的时候把告知书看完了",
    # the part named, not understood, asked about, alone, hedged, or read by someone else
    "已阅读，法律责任那条我没看明白", "已阅读，法律责任那条我也看明白了吗", "法律责任那条我也看明白了",
    "已阅读，法律责任那条应该看明白了", "已阅读，第七条公开那部分我没看", "已阅读，第七条公开那部分我儿子看了",
    "第七条公开那部分我也看了",
    # the glasses, with a part, a hedge or someone else
    "老花镜戴上看了一半", "老花镜戴上应该看完了", "我老伴老花镜戴上看完了",
])
def test_notice_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- authorization_scope: yes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # drafted from the office's own template, beside the words found in it
    "写明了，照着你们给的模板写的，特别授权代为作出告知承诺那句在里面", "是的，写明了特别授权，照着你们给的模板写的",
    "写明了特别授权，他照着你们给的模板写的", "写明了特别授权代为作出告知承诺，照着你们给的范本写的",
    # the words quoted, then "this sentence is written" (an agreeing emoji adds nothing)
    "特别授权代为作出告知承诺，这句写了👌", "特别授权代为作出告知承诺，这句写了", "特别授权代为作出告知承诺那句在里面",
    "特别授权代为作出告知承诺，这句话委托书上有",
    # the principal's signature at the foot, by name or pronoun; the principal named, then an adverb
    "写着呢 特别授权代为作出告知承诺 下面有赵强签名", "写着呢 特别授权代为作出告知承诺 底下有赵强的签名和手印",
    "写着呢 特别授权代为作出告知承诺 下面有他签名", "写明了特别授权，下面有赵强的签字",
    "对，写明了特别授权，赵强还按了手印", "对，写明了特别授权，赵强也签了字",
    # a pause to think that ends in the words read off the paper
    "我老眼昏花的 让我想想 对 上面写着特别授权代为承诺 写明了", "让我想想 对 上面写着特别授权代为承诺",
    "让我想想 上面写着特别授权代为作出告知承诺",
    # the principal away, the number there too, the original open to inspection
    "写明了特别授权，他在外地打工回不来", "写明了特别授权，委托书编号也有",
    "有的，写明了特别授权代为承诺，你们可以核对原件",
])
def test_authorisation_confirmed(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # a template from elsewhere, the speaker drafting it, no template followed, a hedge, the template alone
    "写明了，照着网上的模板写的，特别授权代为作出告知承诺那句在里面", "写明了，照着别人的模板写的",
    "写明了，我照着你们给的模板写的", "写明了，是我照着你们给的模板写的", "写明了，没照着你们给的模板写",
    "写明了，照着你们给的模板写的，应该有特别授权", "照着你们给的模板写的", "照着你们给的模板写的，特别授权那句应该在里面",
    "写明了，照着我姐那份的模板写的", "写着呢，委托书是我照着网上的模板写的", "写明了特别授权，照着我自己的模板写的",
    "写明了，照着你们给的模板写的，特别授权代为作出告知承诺那句在里面吗",
    # the sentence with a doubting emoji, a hedge, a no, said of another document, asked, alone, conditional, a joke
    "特别授权代为作出告知承诺，这句写了😅", "特别授权代为作出告知承诺，这句写了🤔", "特别授权代为作出告知承诺这句写了🤔",
    "特别授权代为作出告知承诺，这句应该写了", "特别授权代为作出告知承诺，这句没写", "特别授权代为作出告知承诺，这句我姐那份写了",
    "特别授权代为作出告知承诺，这句写了吗", "这句写了", "这句写了👌", "特别授权代为作出告知承诺，要是这句写了就行",
    "特别授权代为作出告知承诺，这句写了，开玩笑的", "特别授权代为作出告知承诺那句不在里面",
    "特别授权代为作出告知承诺那句在我姐那份里面", "特别授权代为作出告知承诺那句我姐那份有",
    # a signature by someone else, missing, hedged, asked, not yet made, alone, on a copy
    "写着呢 特别授权代为作出告知承诺 下面有刘洋签名", "写着呢 特别授权代为作出告知承诺 下面有王五签名",
    "写着呢 特别授权代为作出告知承诺 下面有我签名", "写着呢 特别授权代为作出告知承诺 下面有赵强的儿子签名",
    "写着呢 特别授权代为作出告知承诺 下面有赵强儿子签名", "写着呢 特别授权代为作出告知承诺 下面没有赵强签名",
    "写着呢 特别授权代为作出告知承诺 下面应该有赵强签名", "写着呢 特别授权代为作出告知承诺 下面有赵强签名吗",
    "写着呢 特别授权代为作出告知承诺 下面赵强还没签名", "下面有赵强签名",
    "写着呢 特别授权代为作出告知承诺 下面有赵强签名 是复印件",
    "对，写明了特别授权，王五还按了手印", "对，写明了特别授权，刘洋还按了手印", "对，写明了特别授权，我还按了手印",
    "对，写明了特别授权，赵强还没按手印", "对，写明了特别授权，赵强应该按了手印", "赵强还按了手印",
    # thinking followed by a plain answer, by memory, by a hedge, by another document, taken back, by the speaker
    "让我想想 写明了特别授权", "让我想想 对 写明了特别授权", "让我想想 嗯 写明了", "让我想想 当时写的是特别授权代为承诺",
    "让我想想 好像上面写着特别授权代为承诺", "让我想想 我记得上面写着特别授权代为承诺", "让我想想 上面写着特别授权代为承诺吧",
    "让我想想 上次看上面写着特别授权代为承诺", "让我想想 上面写着特别授权代为承诺？",
    "让我想想 对 上面写着特别授权代为承诺 不对", "让我想想 对 我姐那份上面写着特别授权代为承诺",
    "让我想想 对 上面写着特别授权代为承诺 是我写的", "让我想想 对 上面写着代为办理",
    # the side clauses hedged, negated, of a copy, or alone
    "写明了特别授权，他在外地打工回不来吧", "写明了特别授权，他回不来，不同意", "他在外地打工回不来",
    "写明了特别授权，委托书编号应该有", "写明了特别授权，委托书编号没有", "委托书编号也有",
    "有的，写明了特别授权代为承诺，你们可以核对复印件", "你们可以核对原件",
])
def test_authorisation_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


# --- authorization_scope: not covered ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the commitment's full name missing beside the special authorisation
    "写了特别授权，不过没写告知承诺这几个字", "写明了特别授权，不过没写承诺这两个字",
    # "no document" denied, then the commitment not mentioned
    "不是没写委托，是委托书里没提承诺这事", "不是没有委托书，委托书上只写了代为办理",
    # the errand with its matter, and a no after its reason
    "就写了让我帮他办低保", "他说不用写那么细，就没写", "所以就没写",
])
def test_not_covered(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text,kinds", [
    # not a no either: the words found after all, hedged, asked; the denial alone; the commitment among the errands
    ("写了特别授权，告知承诺这几个字也写了", {"clarify", "value"}),
    ("写了特别授权，不过好像没写告知承诺这几个字", {"clarify"}),
    ("写了特别授权，不过是不是没写告知承诺这几个字", {"question", "clarify"}),
    ("不是没写委托", {"clarify"}),
    ("不是没写委托，是委托书里好像写了特别授权", {"clarify"}),
    ("不是没写委托，是委托书里没提承诺这事吗", {"clarify", "question"}),
    ("就写了让我帮他办低保和承诺", {"clarify"}),
    ("就写了让我帮他办承诺", {"clarify"}),
    ("他说不用写那么细，就写了特别授权", {"clarify"}),
])
def test_not_covered_look_alikes(text, kinds):
    reading = special_authorisation(text, PROXY)
    assert reading.kind in kinds and not _yes(reading)


@pytest.mark.parametrize("text", ["不是没写委托，是委托书里写明了特别授权",
                                  "不是没写委托，委托书里写着特别授权代为作出告知承诺"])
def test_no_document_denied_then_a_yes(text):
    assert _yes(special_authorisation(text, PROXY))
