"""The commitment typed without a pause and in dialect (bot/core/affirmation.py): the "if untrue" clause run on after
the truth claim ("…属实不实愿意承担法律责任", which only looks like the A-not-A question 实不实), the letter's liability
said with 由 or 受, the Henan 哩 for the structural 的, and a refusal followed by a worry about what a commitment could
bring on. Every form accepted here has look-alikes beside it that must stay unaccepted: a legal "yes" is never taken
from a question, a hedge, a part, someone else's words or a liability refused."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


# --- the "if untrue" clause run on after the truth claim --------------------------------------------------

@pytest.mark.parametrize("text", [
    "我承诺以上属实不实后果自负", "我承诺我填的都属实不实的话我自己担着", "本人承诺以上情况真实不实愿意承担法律责任",
    "本人承诺所填内容属实不实由本人承担法律责任", "我承诺以上属实不实愿意接受处罚", "本人承诺以上内容属实不实 愿意承担责任",
])
def test_run_on_liability_after_the_truth(text):
    assert self_kind(text) == "explicit"


def test_run_on_liability_for_a_company_and_a_proxy():
    assert enterprise_kind("本公司承诺所填信息真实不实由本公司承担法律责任") == "explicit"
    assert proxy_kind("我受赵强特别授权代为承诺，以上内容属实不实后果自负") == "explicit"


@pytest.mark.parametrize("text,kind", [
    # the A-not-A asked, or 不实 followed by anything but a consequence accepted
    ("以上填的属实不实？", "question"), ("属实不实都要承诺吗", "question"), ("本人承诺以上内容属实不实", "question"),
    ("我承诺以上属实不实愿意承担法律责任？", "question"), ("本人承诺以上内容属实不实由谁负责", "question"),
    ("本人承诺以上内容属实不实愿不愿意承担责任", "question"),
    # the consequence refused after it
    ("本人承诺以上情况属实不实我承担不了", "question"), ("本人承诺以上内容属实不实由我负责不了", "question"),
])
def test_run_on_look_alikes_that_ask(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text", [
    "本人承诺以上内容属实不实后果自负吧", "本人承诺以上内容部分属实不实愿意承担法律责任", "他说以上内容属实不实愿意承担法律责任",
    "他承诺以上内容属实不实愿意承担法律责任", "本人承诺以上内容属实不实后果自负哈哈",
])
def test_run_on_look_alikes_not_accepted(text):
    assert self_kind(text) != "explicit"


# --- the letter's liability said with 由, 受 and 甘愿 -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人承诺以上内容属实，如有不实由本人承担法律责任", "我承诺以上属实，如有不实由我负责", "本人承诺以上内容属实，如有不实愿受法律制裁",
    "本人承诺以上内容属实，如有不实甘愿承担法律责任",
])
def test_liability_in_the_letters_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # 由我负责 without the condition on falsity, someone else bearing it, the liability denied
    "本人承诺以上内容属实，由我负责", "本人承诺，由我负责", "本人承诺以上内容属实，如有不实由他负责",
    "本人承诺以上内容属实，如有不实不由我负责", "如有不实由我负责",
])
def test_liability_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- the Henan 哩 for the structural 的 ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "俺承诺 俺写哩都是真哩", "俺承诺 俺报上去哩都是实话", "俺承诺，俺填哩东西都是实哩", "俺承诺 俺说哩句句属实",
])
def test_henan_de(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # a hedge, someone else's filling in, a part, a question, the promise of an act, no commitment said at all
    "俺承诺 应该是真哩吧", "俺承诺 俺填哩都是真哩吧", "俺承诺 他填哩都是真哩", "俺承诺 俺填哩差不多都是真哩",
    "俺承诺 俺填哩不都是真哩", "俺承诺 俺填哩都是真哩？", "俺承诺哩", "俺填哩东西都是实哩", "俺家掌柜哩承诺",
])
def test_henan_de_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- a refusal, then a worry about the consequences -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我才不承诺呢，要是被罚了怎么办", "我不敢承诺，万一出事咋整？", "俺可不承诺 要是查出来有问题咋办",
])
def test_refusal_with_a_worry(text):
    assert self_kind(text) == "negated"


@pytest.mark.parametrize("text", [
    # a commitment with the worry, the refusal itself asked, the worry about refusing, a second thought, laughter,
    # someone else's refusal, a double negation
    "我承诺，万一查出来咋弄", "我不承诺？万一查出来咋弄", "我可不承诺吗，万一查出来咋弄", "我不承诺，不承诺咋办",
    "我不承诺，会怎么样", "我可不承诺，万一查出来咋弄，我再想想", "我不承诺哈哈，万一查出来咋弄", "他不承诺，万一查出来咋弄",
    "我不是不承诺，万一查出来咋办",
])
def test_refusal_with_a_worry_look_alikes(text):
    assert self_kind(text) not in ("explicit", "negated")
