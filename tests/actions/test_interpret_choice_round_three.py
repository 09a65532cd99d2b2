"""Choices and the representative's name (actions/interpret.py): the Wu 自家个事体 (one's own matter) and the Southwest's
屋头 (the household) read as the standard words; not daring to commit ("不敢承诺啥", 啥 as "anything") beside the proofs
chosen, with laughter at the self-mocking remark; the whole matter dropped with 不办啦, or with the north's 不整了 and the
speaker going home; the former representative, a change made, and the speaker now on the licence, named; and the proxy's
way followed (按代办来弄) after 算了 by one who is not the representative. Each accepted form is pinned beside look-alikes
that stay asked, undecided or read as they were."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


# --- the Wu and Southwestern words for one's own matter and the household -----------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("阿拉自家个事体", "self"),
    ("我个事体，自家来办", "self"),
    ("自家个事体，不麻烦别人", "self"),
    ("给我屋头老汉儿弄的", "proxy"),
    ("替俺屋头老妈办", "proxy"),
])
def test_dialect_words_at_who_acts(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text,expected", [
    # the household's matter is not said to be the speaker's own, nor whose in it
    ("是我屋头的事", "clarify"),
    ("我屋头妈妈的事", "clarify"),
    ("帮屋头的人办", "clarify"),
    # asked, or denied
    ("自家个事体？", "question"),
    ("帮我屋头老汉儿办吗", "question"),
    ("不是我自家个事体", "proxy"),
])
def test_dialect_look_alikes_stay_as_read(text, expected):
    assert outcome("acting_as", text) == expected


# --- not daring to commit, laughed at beside the proofs ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我连老婆都不敢承诺啥，交证明吧哈哈",
    "我可不敢承诺啥，交证明吧😂",
    "我不敢承诺，交证明",
    "我连明天的事都不敢保证，交证明吧哈哈",
])
def test_not_daring_beside_the_proofs_is_no(text):
    assert outcome("use_commitment", text) == "no"


@pytest.mark.parametrize("text", [
    # the worry alone, against the commitment chosen, the proofs asked, mockery, or 啥 asked
    "我不敢承诺",
    "我连老婆都不敢承诺啥哈哈",
    "我连老婆都不敢承诺啥，用承诺吧哈哈",
    "我连老婆都不敢承诺啥，交证明吗哈哈",
    "我不敢承诺啥，交证明吧，才怪哈哈",
    "不敢承诺啥？",
    "不交证明干啥",
])
def test_not_daring_look_alikes_stay_asked(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN


# --- the whole matter dropped: 不办啦, and 不整了 with the speaker going home ---------------------------------------

@pytest.mark.parametrize("step,text", [
    ("use_commitment", "俺不整了，走了"),
    ("use_commitment", "不整了不整了，回家再说"),
    ("use_commitment", "不弄啦，下回再说"),
    ("use_commitment", "不办啦"),
    ("acting_as", "不申请啦"),
    ("acting_as", "不整了，撤了"),
])
def test_matter_dropped_is_a_stop(step, text):
    assert outcome(step, text) == "cancel"


@pytest.mark.parametrize("text,expected", [
    # going home for the proofs, or the way dropped by name: the choice
    ("不整了，回家开证明去", "no"),
    ("承诺不整了，回家", "no"),
    ("承诺不弄啦，交证明", "no"),
    # going home to ask, or asked; whether it goes on, asked; going home alone
    ("不整了，回家问问我儿子", "clarify"),
    ("不整了，回家吗", "question"),
    ("还办不办啦", "question"),
    ("回家", "clarify"),
])
def test_matter_dropped_look_alikes(text, expected):
    assert outcome("use_commitment", text) == expected


# --- the former representative, the change made, the speaker now on the licence -----------------------------------

@pytest.mark.parametrize("text,expected", [
    ("法人以前是王立军，前年已经变更了，现在执照上是我，刘晓红", "刘晓红"),
    ("原来的法人是李强，上个月办完变更，现在执照上是我，叫赵敏", "赵敏"),
    ("如今执照上是俺，孙丽娟", "孙丽娟"),
])
def test_change_made_and_speaker_now_holds_it(text, expected):
    assert outcome("representative_name", text) == expected


@pytest.mark.parametrize("text", [
    # the change not finished, or to come; a relative on the licence; nobody named
    "法人原来是王立军，变更还在办，现在执照上是我，刘晓红",
    "法人以前是王立军，下个月变更成我，刘晓红",
    "法人是王立军，快要换成我了，我叫刘晓红",
    "法人是王立军，要变更成我，刘晓红",
    "法人原来是王立军，去年变更了，现在执照上是我老婆，刘晓红",
    "法人原来是王立军，去年变更了，现在执照上是谁我也不清楚",
    "执照上",
])
def test_change_look_alikes_stay_asked(text):
    assert outcome("representative_name", text) in ASKED_AGAIN


# --- not the representative, 算了, then the proxy's way followed --------------------------------------------------

@pytest.mark.parametrize("text", [
    "法人不是我，那俺就算了，回头按代理的流程办",
    "我不是法定代表人，那我就算了，等会儿按代办来",
])
def test_not_the_representative_then_the_proxy_way_is_a_stop(text):
    assert outcome("representative_name", text) == "cancel"


@pytest.mark.parametrize("step,text,expected", [
    # asked, without 算了, without the reason, or with a name beside it
    ("representative_name", "我不是法人，那我先算了，回头按代办来弄吗", "question"),
    ("representative_name", "我不是法人，回头按代办来弄", "clarify"),
    ("representative_name", "我先算了，回头按代办来弄", "clarify"),
    ("representative_name", "我不是法人，那我先算了，回头按代办来弄，法人是李强", "clarify"),
    # at who acts the proxy's way is an answer
    ("acting_as", "算了，回头按代办来弄", "proxy"),
])
def test_proxy_way_look_alikes_stay_as_read(step, text, expected):
    assert outcome(step, text) == expected
