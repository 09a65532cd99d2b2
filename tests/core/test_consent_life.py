"""The two consent questions (bot/core/consent.py) answered as people talk: each accepted shape pinned with the
look-alikes that must stay a clarification, a question or a no.

"I have read the notice": voice input run on with its fillers between finished clauses; the reading said in English
before a Chinese statement; a complaint about the length after the reading; last time's failed errand told before
this reading; 度 typed for its homophone 读 in the finished reading.

The special authorisation: the check done word by word and the lead-in said with 明确; the principal named by his
role as the signer; impatience after the answer; voice input's fillers run into the answer; the northern 写哩有, the
document pointed at (我那, Cantonese 份); last time's failed errand before this time's document, remade by the
principal; the words quoted and said to be in the document ("有…几个字", "有…那句"), also in English; a no caught
after a pause (等下); drafted by a lawyer. And the ways of saying it is not covered: the question's words without
的, Cantonese 只系, the principal's word on the phone with the document not in hand, a general power ("一切事务")."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- notice_ack ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # voice input run on: fillers after a finished clause are the pauses between clauses
    "那个嗯我都看了那个七条都看完了就是都看完了", "我都看完了就是有点长", "七条都看完了嗯都看完了",
    # the reading said in English before a Chinese statement that stands on its own
    "all read ✅ 全部看完了", "all read 全部看完了", "I have read it 已阅读",
    # a complaint about the length after the reading
    "全看完了，写得也太长了吧", "全看完了，写得太长了", "全看完了，内容也太多了吧", "看完了，太长了",
    # last time's failed errand, then this reading
    "上回就是没看完被退的，这回我一条一条全看完了", "上次没看完被退回来了，这次全部看完了",
    "这回我一条一条全看完了",
    # 度 for 读
    "全部都度完了", "我都度完了",
])
def test_notice_read_statements(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # fillers run on, beside someone else's reading, a part, a gap, a hedge, a question, not understood
    "那个嗯我儿子都看了那个七条都看完了", "那个嗯我都看了那个前面几条", "我都看了那个七条就是没看完",
    "我都看了那个七条都看完了就是第五条没看", "我都看了那个七条都看完了就是没看懂", "我都看了那个七条都看完了吧",
    "我都看了那个七条都看完了吗",
    # English alone, with a doubtful emoji, before a hedge or someone else, negated, asked
    "all read", "all read 🤔", "all read 🤔 全部看完了", "all read ✅ 应该看完了", "all read ✅ 我儿子全部看完了",
    "not read 全部看完了", "all read? 全部看完了",
    # the complaint alone or first, asked, after a hedge, with no reading or a part, a joke, a laughing emoji
    "写得也太长了吧", "太长了吧，全看完了", "全看完了，写得也太长了吧？", "全看完了吧，写得也太长了",
    "全看完了，太长了没看完", "没看完，写得也太长了吧", "看了一半，写得也太长了吧", "全看完了，写得也太长了吧，第五条没看",
    "全看完了，写得太长了吧，开玩笑的", "全看完了，写得也太长了吧😂",
    # last time's story followed by a hedge, by no reading, by nothing, without this time, by someone else, by a
    # question, by a part; parts left last time read now (the earlier reading counts for nothing)
    "上回就是没看完被退的，这回应该看完了", "上回就是没看完被退的，这回还没看完", "上回就是没看完被退的",
    "上回就是没看完被退的，一条一条全看完了", "上回就是没看完被退的，这回我儿子全看完了", "上回就是没看完被退的，这回全看完了吗",
    "上回就是没看完被退的，这回看了一半", "上回就是没看完被退的，这回我一条一条全看完了，不过没看懂",
    "上次没看完的那几条，这回全看完了", "这回我儿子全看完了",
    # 度 elsewhere: a word of its own, asked, hedged, someone else, a part
    "全部都度完假了", "都度过了", "全部都度完了吗", "应该都度完了", "我儿子都度完了", "全部都度完了一半",
    # a pause, then a hedge, a part left, someone else
    "没看完……等下，看完了吧", "看完了，等一下，第五条没看", "没看完，等下，我儿子看完了",
])
def test_notice_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


# --- authorization_scope: yes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the check done word by word, the lead-in with 明确, the principal named by his role as the signer
    "我逐字核对过，委托书第二项明确载明：特别授权代为作出告知承诺，委托人赵强已签字。",
    "我仔细核对过，委托书明确写明特别授权代为作出告知承诺",
    # impatience after the answer
    "写了写了 特别授权代为承诺 快点", "写明了特别授权代为作出告知承诺，赶紧的",
    # voice input's fillers run into the answer
    "那个委托书上就是写了那个特别授权代为作出告知承诺就是写了的", "那个委托书上写了那个特别授权代为作出告知承诺",
    # northern 写哩有, the document pointed at, how plainly it is written
    "俺那委托书上写哩有，特别授权代为作出告知承诺，清清楚楚", "我那份委托书写明了特别授权代为作出告知承诺",
    # Cantonese: 份 for 这份, 咗 for 了
    "有啊，份委托书写明咗特别授权代为作出告知承诺",
    # last time's failed errand, then this time's document remade by the principal
    "上次就是因为没写被退了，这回让赵强重新写的，写明了特别授权代为作出告知承诺",
    "上次被退回来了，这次写明了特别授权代为作出告知承诺", "这回让赵强重新写的，写明了特别授权代为作出告知承诺",
    # the words quoted and said to be in the document, also in English
    "yes，委托书里有special authorization那句，代为作出告知承诺，赵强签了字",
    "写了，委托书上有“代为作出告知承诺”几个字，特别授权，还按了手印",
    "委托书上有“特别授权代为作出告知承诺”这几个字",
    # a no caught after a pause, then the words found
    "没写明……等下，第三行有，写明了特别授权代为作出告知承诺", "没写，等一下，写明了特别授权代为作出告知承诺",
    # drafted by a lawyer
    "是律师帮忙拟的，里面专门有一条特别授权我代为作出告知承诺", "律师起草的，写明了特别授权代为作出告知承诺",
])
def test_authorisation_confirmed(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the check or the signature alone; the signer the agent, a stranger, not yet signed; a hedge; only ordinary
    "我逐字核对过", "委托书明确载明", "委托人赵强已签字",
    "我逐字核对过，委托书第二项明确载明：特别授权代为作出告知承诺，委托人刘洋已签字",
    "我逐字核对过，委托书第二项明确载明：特别授权代为作出告知承诺，委托人王五已签字",
    "我逐字核对过，委托书第二项明确载明：特别授权代为作出告知承诺，委托人赵强未签字",
    "我逐字核对过，委托书第二项明确载明：特别授权代为作出告知承诺，委托人赵强还没签字",
    "我逐字核对过，委托书第二项好像载明：特别授权代为作出告知承诺", "我逐字核对过，委托书第二项明确载明：代为办理相关手续",
    # the hurry alone, beside an ordinary power, a hedge, a question
    "快点", "写了写了 代为办理 快点", "写了写了 特别授权代为承诺 快点吧", "应该写了 特别授权代为承诺 快点",
    "写了写了 特别授权代为承诺 快点？",
    # fillers beside an ordinary power, a hedge, a guess, a no
    "那个委托书上就是写了那个代为办理就是写了的", "那个委托书上好像就是写了那个特别授权代为作出告知承诺就是写了的",
    "那个委托书上就是写了那个特别授权代为作出告知承诺就是写了的吧", "那个委托书上就是没写那个特别授权代为作出告知承诺",
    # 写哩有 and 清清楚楚 alone, beside an ordinary power, a hedge, a memory
    "俺那委托书上写哩有", "清清楚楚", "俺那委托书上写哩有，代为办理，清清楚楚",
    "俺那委托书上写哩有，特别授权代为作出告知承诺，清清楚楚吧", "俺那委托书上写哩有，特别授权代为作出告知承诺，记得清清楚楚",
    # Cantonese 有冇 is a question, with or without its mark; 份 before a no, an ordinary power, a hedge
    "份委托书有冇写明特别授权代为作出告知承诺", "份委托书有冇写明咗特别授权代为作出告知承诺", "有冇写明特别授权",
    "有冇啊，份委托书写明咗特别授权代为作出告知承诺？", "有啊，份委托书冇写明特别授权", "有啊，份委托书写明咗代办",
    "有啊，份委托书应该写明咗特别授权代为作出告知承诺",
    # last time's story, then the speaker or someone else writing it, no "this time", a hedge, a no, nothing, a question
    "上次就是因为没写被退了，这回让我重新写的，写明了特别授权代为作出告知承诺",
    "上次就是因为没写被退了，这回让我写的，写明了特别授权代为作出告知承诺",
    "上次就是因为没写被退了，这回我写的，写明了特别授权代为作出告知承诺",
    "上次就是因为没写被退了，这回让赵强的儿子重新写的，写明了特别授权代为作出告知承诺",
    "上次就是因为没写被退了，这回让王五重新写的，写明了特别授权代为作出告知承诺",
    "上次就是因为没写被退了，写明了特别授权代为作出告知承诺", "上次就是因为没写被退了，这回应该写明了",
    "上次就是因为没写被退了，这回还是没写", "上次就是因为没写被退了", "上次就是因为没写被退了，这回让赵强重新写的",
    "上次就是因为没写被退了，这回让赵强重新写的，写明了特别授权代为作出告知承诺吗",
    "上次就是因为没写被退了，这回让赵强重新写的，好像写明了特别授权",
    "这回让赵强重新写的，还没签字，写明了特别授权代为作出告知承诺", "让他重新写的，我签的字，写明了特别授权代为作出告知承诺",
    # the words quoted, signed by the agent or the speaker, asked, denied, hedged, an ordinary power
    "yes，委托书里有special authorization那句，代为作出告知承诺，刘洋签了字",
    "yes，委托书里有special authorization那句，代为作出告知承诺，我签了字", "委托书里有special authorization那句吗",
    "委托书里没有special authorization那句", "yes，委托书里好像有special authorization那句",
    "写了，委托书上有“代为办理”几个字，还按了手印", "委托书上没有“代为作出告知承诺”几个字",
    "委托书上有“代为作出告知承诺”几个字吗", "委托书上应该有“代为作出告知承诺”几个字",
    "写了，委托书上有“代为作出告知承诺”几个字，特别授权，我按了手印",
    # a correction after looking that ends in a hedge, a guess, a check not done, an ordinary power, a no
    "没写明……等下，第三行有，应该写明了特别授权代为作出告知承诺", "没写明……等下，第三行有，写明了特别授权代为作出告知承诺吧",
    "没写明……等下，我再看看", "没写明……等下", "写明了……等下，没写", "没写明……等下，第三行有，写明了代为办理",
    # a lawyer drafted it and the speaker or the lawyer signed it; drafted for the speaker; alone; a hedge; a no
    "是律师帮忙拟的，我签的字，里面专门有一条特别授权我代为作出告知承诺",
    "是律师帮忙拟的，里面专门有一条特别授权我代为作出告知承诺，我签的字",
    "是律师帮忙拟的，律师签的字，里面专门有一条特别授权我代为作出告知承诺",
    "是律师帮我拟的，里面专门有一条特别授权我代为作出告知承诺", "是律师帮忙拟的",
    "是律师帮忙拟的，里面应该有一条特别授权我代为作出告知承诺", "是律师帮忙拟的，里面没有特别授权",
    # a general power with a guess that it covers the commitment, or asked
    "委托书上写着代为办理一切事务，应该包括承诺吧", "委托书上写着代为办理一切事务吗",
    # the phone and the document: a yes beside them is a contradiction
    "电话里他同意了，委托书上也写明了特别授权", "委托书我还没拿到手，不过写明了特别授权",
])
def test_authorisation_look_alikes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "份委托书有冇写明特别授权代为作出告知承诺", "有冇写明特别授权", "委托书里有special authorization那句吗",
])
def test_authorisation_asked(text):
    assert special_authorisation(text, PROXY).kind == "question"


# --- authorization_scope: not covered ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the question's words, without 的, not written
    "俺这委托书上没写恁说那几个字", "委托书上没写你说那几个字",
    # Cantonese 冇 and 只系
    "冇写啊，只系写咗代办", "只系写咗代办",
    # the principal's word on the phone, the document not in hand
    "电话里他同意了，委托书我还没拿到手", "电话里他同意了", "委托书我还没拿到手",
    # a general power that names no commitment
    "委托书上写着代为办理一切事务", "委托书上写着代为处理一切事务",
])
def test_not_covered(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text,kinds", [
    ("俺这委托书上没写恁说那几个字吗", {"question", "clarify"}),
    ("俺这委托书上好像没写恁说那几个字", {"clarify"}),
    ("系统里有特别授权", {"clarify"}),
    ("委托书上写着代为办理一切事务，包括代为作出告知承诺", {"value"}),
])
def test_not_covered_look_alikes(text, kinds):
    assert special_authorisation(text, PROXY).kind in kinds
