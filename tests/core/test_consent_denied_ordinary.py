"""Short answers at the two consent questions (bot/core/consent.py): at the authorisation, the ordinary kind denied
before a bare "it is written" ("不是一般的委托，写明了"), while the document's lead said alone ("委托书里写着") is still
asked again; at the notice, none of it said to be left unfinished ("没有没看完的").

The line drawn: the denial of the ordinary kind is dropped only before a clause that alone reads yes here and says
nothing else (not another kind, a hedge, a 吧, ordinary powers, or nothing at all). The lead alone ("委托书上写着")
announces the words, which may follow in the next message: a yes taken from it would be taken before they are read.
"None unfinished" needs its 的 and its 完, said by the speaker with no hedge, 吧 or "?" beside it."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import is_yes as _yes, PROXY, SELF


# --- authorization_scope: the ordinary kind denied before a bare "it is written" -------------------------------------

@pytest.mark.parametrize("text", [
    "不是一般的委托，写明了", "不是普通委托，写明了", "并非一般授权，写明了", "不是一般的委托，写着呢",
    "不是普通授权，委托书上写明了", "这次委托不是一般委托，写明了",
])
def test_ordinary_kind_denied_before_bare_written(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text,kind", [
    # the denial alone, or beside another kind (全权委托 is an ordinary power), a hedge, a 吧 or ordinary powers
    ("不是普通授权", "clarify"), ("不是一般的委托", "clarify"), ("不是一般的委托，是全权委托", "clarify"),
    ("不是一般的委托，应该写了", "clarify"), ("不是一般的委托，写了吧", "clarify"), ("不是一般的委托，没写明", "clarify"),
    ("不是一般的委托，写明了代为办理", "clarify"), ("不是一般的委托，好像写明了", "clarify"),
    # the oral word denied is "written down", not the scope: its bare 写了 stays asked again
    ("不是口头说说的，写了", "clarify"), ("不是光让我跑腿，写明了", "clarify"),
])
def test_ordinary_kind_denied_look_alikes(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


def test_ordinary_kind_denied_before_bare_written_asked():
    assert not _yes(special_authorisation("不是一般的委托，写明了？", PROXY))


# --- authorization_scope: the document's lead said alone -----------------------------------------------------------

@pytest.mark.parametrize("text", ["委托书上写明了", "写着呢", "授权书上写了"])
def test_the_document_said_to_hold_it(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", ["委托书里写着", "委托书上写着", "授权书里写着", "委托书里写着。", "我看了，委托书里写着"])
def test_document_lead_alone_announces_the_words(text):
    assert special_authorisation(text, PROXY).kind == "clarify"


@pytest.mark.parametrize("text,kind", [
    # the words after it are what it says
    ("委托书里写着代为办理", "negated"), ("委托书里写着：代为办理", "negated"), ("代为办理，委托书里写着", "negated"),
    # hedged, asked, a third party's word, or the words announced and not yet given
    ("委托书里好像写着", "clarify"), ("委托书里应该写着", "clarify"), ("委托书里写着呢吧", "clarify"),
    ("委托书里写着吗", "question"), ("委托书里写着？", "question"), ("我爸说委托书里写着", "clarify"),
    ("委托书里写着：", "clarify"), ("委托书里写着……", "clarify"), ("委托书里写着——", "clarify"),
    # leads that want the words, a negation, a photo, or mockery
    ("委托书上写的是", "clarify"), ("委托书原话是", "clarify"), ("委托书里没写着", "clarify"), ("照片里写着", "clarify"),
    ("委托书里写着😂", "clarify"), ("委托书里写着，谢谢", "clarify"),
])
def test_document_lead_alone_look_alikes(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


# --- notice_ack: none of it left unfinished ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没有没看完的", "没有没读完的", "我没有没读完的", "没有没看完的部分", "看完了，没有没看完的", "没有没看完的，都看完了",
])
def test_none_left_unfinished(text):
    assert _yes(notice_read(text, SELF))
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", [
    # hedged, asked, a 吧, or only looked at (no 完)
    "没有没看的吧", "好像没有没看完的", "应该没有没看完的", "没有没看完的吧", "没有没看完的？", "没有没看完的吗", "没有没看的",
    # a count of the unfinished ones, someone else, a no then "not finished", a part excepted, mockery, a plan
    "没看完的没有几条", "我儿子没有没看完的", "没有，没看完的", "没有 没看完的", "没有没看完的，除了第三条",
    "没有没看完的哈哈", "没有没看完的😂", "没有没看完的，等会再看", "没有没看完的，但第三条没看懂",
])
def test_none_left_unfinished_look_alikes(text):
    assert notice_read(text, SELF).kind in ("clarify", "question")
