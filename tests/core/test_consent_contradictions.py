"""Answers that say both things at the two legal steps that need a decided answer (bot/core/affirmation.py,
bot/core/consent.py).

At the affirmation, a refusal (a denied intent to commit, "没有承诺的意思", or a plain "我不承诺") followed by the
speaker's own plain commitment, with no correction between them, says both: it is asked again. A refusal denied
("我没有不承诺的意思") before the act stays the commitment it was, a refusal beside someone else's commitment or taken
back for a refusal stays a refusal, and a refusal alone stays a refusal.

At the special authorisation, the ordinary kind denied ("不是一般的委托") beside a question about the letter ("写明了
吗") is no no: the message asks, and is read as a question (never as a refusal, never as a yes). Said as a statement
("不是一般的委托，写明了") it stays a yes; the ordinary kind affirmed stays a no."""
from __future__ import annotations

import pytest

from bot.core.affirmation import classify
from bot.core.consent import special_authorisation
from tests.core.speakers import PROXY


def self_kind(text):
    return classify(text, applicant_name="张伟").kind


def proxy_kind(text):
    return classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind


# --- affirmation: a refusal, then a commitment ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没有承诺的意思，我承诺", "我没有承诺的意思，我承诺", "没有承诺的打算，本人承诺以上内容真实", "我不承诺，我承诺",
    "没有要承诺的意思，我承诺", "不同意，我承诺", "我拒绝，我承诺",
])
def test_refusal_then_commitment_is_asked_again(text):
    assert self_kind(text) == "unclear"
    assert proxy_kind(text) == "unclear"


@pytest.mark.parametrize("text", ["我没有不承诺的意思，我承诺", "没有不承诺的意思，我承诺", "我承诺"])
def test_denied_refusal_then_commitment_commits(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # a refusal alone, or twice
    "没有承诺的意思", "我不承诺", "没有承诺的意思，我不承诺", "没有承诺的意思，交证明",
    # beside someone else's commitment, or the letter named as a noun
    "他承诺了，我不承诺", "我不承诺，他承诺了", "我不承诺，承诺书我不签",
    # a commitment taken back for a refusal
    "我承诺，不对，我不承诺",
    # a rude refusal dressed as the commitment
    "不承诺，我承诺个屁",
])
def test_refusal_look_alikes_stay_refusals(text):
    assert self_kind(text) == "negated"


@pytest.mark.parametrize("text", [
    # a hedge, a joke, a question after the refusal: never a commitment
    "没有承诺的意思，我应该承诺吧", "没有承诺的意思，我承诺哈哈", "没有承诺的意思，我承诺？",
])
def test_refusal_then_commitment_look_alikes_never_commit(text):
    assert self_kind(text) not in ("explicit", "implicit")


# --- authorization_scope: the ordinary kind denied beside a question ---------------------------------------------

@pytest.mark.parametrize("text", [
    "不是一般的委托，写明了吗", "不是一般委托，写明了吗？", "写明了吗，不是一般的委托", "不是一般的委托，有没有写明",
    "本次委托并非一般授权，写明了吗？", "不是一般授权，写了代为承诺吗",
])
def test_not_ordinary_beside_a_question_is_asked(text):
    assert special_authorisation(text, PROXY).kind in ("question", "clarify")


@pytest.mark.parametrize("text", ["不是一般的委托，写明了"])
def test_not_ordinary_then_written_is_yes(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "value" and reading.value == "yes"


@pytest.mark.parametrize("text", [
    "是一般的委托", "只是一般授权",
    # the ordinary kind affirmed, or the scope said missing, beside a question: still a no
    "是一般的委托，写明了吗", "只是一般授权，还能办吗", "不是一般的委托，没写特别授权，还能办吗",
])
def test_ordinary_look_alikes_stay_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    # a guess, a hedge, the denial alone: never a yes
    "不是一般的委托，写明了吧？", "不是一般的委托，应该写明了", "不是一般的委托", "不是一般的委托吗",
])
def test_not_ordinary_look_alikes_never_yes(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind in ("question", "clarify")
