"""Spoken and formal answers at the two legal steps of bot/core/consent.py.

The notice (notice_ack): hurry told after the statement, run on without a pause ("…我还要赶去上班", "快点办吧 排队呢");
voice input's 就是说 before the answer or after a finished clause; the speaker's age run together with a remark on
their eyes before the answer; the sections counted (一到七条挨个, 前面发的那七段); the go-ahead to ask on ("你接着问吧");
the Wu 阿拉 as the reader; the speaker reading together with a spouse, with glasses; the formal 经认真阅读 before the
speaker's own main clause.

The special authorisation (authorization_scope): 就是说 before the grant's words; the letter the speaker holds (本人所持);
the consequence borne by the principal named; the principal's care in writing (特意写了); a line said written (专门写了
一句) with the agent's name; the speaker's relation and own name said first; an office that drafted the letter; the
principal's letter by his familiar name (老赵); a look before the answer (我先看看); the words printed on it (印着).

The line drawn: someone else alone reading, a part, a hedge, a doubt or question after the statement, knowing without
reading, the letter reported by someone else, an ordinary power, a wrong name, and the speaker as the letter's writer
are asked again (or read as a no), never taken as a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from tests.core.speakers import PROXY, SELF, is_yes, letter_says_no as _no, letter_says_yes as _yes


def _read(text):
    return notice_read(text, SELF)


def _asked_again(reading) -> bool:
    return reading.kind == "clarify"


# --- the notice: hurry after the statement, run on or after a pause -------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了快点吧我还得赶去上班", "告知书我都读完了 快点办吧 后面排着队呢", "都看完了，我赶时间",
    "全部看完了，快点办吧，我赶时间",
])
def test_notice_hurry_after_the_statement(text):
    assert is_yes(_read(text))


@pytest.mark.parametrize("text", [
    "看了一半 快点吧我还要赶去上班", "应该都看了吧 排队呢", "看完了吗 排队呢", "排队呢", "我还要赶去上班",
])
def test_notice_hurry_look_alikes(text):
    assert not is_yes(_read(text))


# --- the notice: 就是说 and the speaker's age run into the answer ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "就是说告知书我全都看完了", "读完了就是说 全部都读完了", "我八十了眼神还中 都看完了", "我六十多了眼睛还行，全部看完了",
])
def test_notice_spoken_fillers_and_age(text):
    assert is_yes(_read(text))


@pytest.mark.parametrize("text", [
    "就是说我知道内容", "就是说还没看完", "看完了就是说 第四条没看懂", "我七十三了眼神不好 看了前三条",
    "我七十三了眼神还行",
])
def test_notice_spoken_look_alikes(text):
    assert _asked_again(_read(text))


# --- the notice: sections counted, the go-ahead, 阿拉, reading together ---------------------------------------------

@pytest.mark.parametrize("text", [
    "1到7条挨个看过了", "上面发的那七段我都读完了", "全都看过了，你继续问吧", "阿拉全都看好了", "阿拉都看过了",
    "我和老伴一起拿着放大镜都看完了",
])
def test_notice_counted_and_together(text):
    assert is_yes(_read(text))


@pytest.mark.parametrize("text", [
    "前三条挨个看过了", "一到三条挨个看过了", "前面发的那三段我都读完了", "前面发的那七段我读了一部分",
    "我老伴儿戴着眼镜都看完了", "阿拉老公看好了", "全都看过了，你接着问吧？",
])
def test_notice_counted_and_together_look_alikes(text):
    assert _asked_again(_read(text))


# --- the notice: the formal 经…阅读 -------------------------------------------------------------------------------------

def test_notice_formal_having_read():
    assert is_yes(_read("经仔细阅读，本人已知晓告知书全部内容"))
    assert is_yes(_read("经逐条阅读本人已了解告知书全部内容"))


@pytest.mark.parametrize("text", ["经认真阅读，本人对第四条仍有疑问", "经认真阅读", "本人已知晓告知书全部内容", "我知道内容"])
def test_notice_formal_look_alikes(text):
    assert _asked_again(_read(text))


# --- the authorisation: fillers, the letter held, the principal's care and name --------------------------------------

@pytest.mark.parametrize("text", [
    "委托书上有写 就是说特别授权我代他作出告知承诺",
    "我所持授权委托书明确载明特别授权代为作出告知承诺",
    "我爸在委托书上专门写了特别授权我代他承诺",
    "赵强的委托书写明了，特别授权代为作出告知承诺",
    "老赵的委托书上写着代为作出告知承诺，是他自己签的",
])
def test_letter_fillers_holder_and_principal(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "委托书上有写 就是说授权我代他办理",
    "我在委托书上特意写了特别授权我代他承诺",
    "委托书上我特意写了特别授权代为承诺",
    "老王的委托书写明了，代为作出告知承诺",
    "我妈说委托书上写了特别授权代为承诺",
])
def test_letter_fillers_holder_and_principal_look_alikes(text):
    assert not _yes(text)


def test_letter_holder_with_an_ordinary_power_is_no_yes():
    assert not _yes("本人所持授权委托书已明确载明代为办理相关手续")
    assert _no("我手里的委托书没写特别授权")


# --- the authorisation: the letter's line quoted with the parties' names -------------------------------------------

@pytest.mark.parametrize("text", [
    "委托书写明了代为作出告知承诺，也写了不实承诺的后果由赵强承担",
    "有，特意写了一句“授权刘洋代为作出告知承诺”",
    "写了，明确写了一行“特别授权刘洋代为作出告知承诺”",
])
def test_letter_line_quoted_with_names(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "委托书写明了代为作出告知承诺，也写了不实承诺的后果由王五承担",
    "委托书写明了代为作出告知承诺，还写了不实承诺的后果由我承担",
    "有，特意写了一句“授权王五代为作出告知承诺”",
    "我专门写了一句“授权刘洋代为作出告知承诺”",
    "有，专门写了一句“授权我代为办理”",
    "授权王五代为作出告知承诺",
    "授权我代为办理",
])
def test_letter_line_quoted_look_alikes(text):
    assert not _yes(text)


# --- the authorisation: who the speaker is, who drafted it, a look first, the words printed -------------------------

@pytest.mark.parametrize("text", [
    "我是他侄子刘洋，委托书上写明了特别授权我代他作出告知承诺",
    "律师帮着写的委托书，上面有特别授权代为作出告知承诺",
    "居委会给他起草的委托书 写明了特别授权代为作出告知承诺",
    "我先翻翻……写着呢，特别授权代为作出告知承诺这句都有",
    "委托书上印着 特别授权代为作出告知承诺",
    "上面印有特别授权代为作出告知承诺这几个字",
])
def test_letter_speaker_drafter_look_and_print(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "我是他侄子王五，委托书写明了特别授权我代为承诺",
    "社区帮我写的委托书 上面有特别授权代为作出告知承诺",
    "我帮着写的委托书 上面有特别授权代为作出告知承诺",
    "我自己写的委托书，写明了特别授权代为作出告知承诺",
    "我先看看……嗯应该写了吧",
    "上面印着的 特别授权代为作出告知承诺 有吗",
])
def test_letter_speaker_drafter_look_and_print_look_alikes(text):
    assert not _yes(text)


def test_letter_printed_ordinary_power_is_a_no():
    assert _no("上面印着的 代为办理相关手续 有的有的")
