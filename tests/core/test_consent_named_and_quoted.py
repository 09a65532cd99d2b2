"""The two consent questions (bot/core/consent.py) answered with the paper named or quoted. At the notice: the notice
named by the errand it belongs to ("公租房这个告知书", "低保告知的内容") or by who sent it ("你发的告知书…，没漏"); every
part said read ("每一部分都看了", "每条都读过"); the speaker's capacity said first, then the notice put first with 把; the
reading followed by the wish to go on with the named errand; the page scrolled to its end beside a reading of the whole;
and a resend asked for earlier, then this reading. At the authorisation: the letter named by whose it is ("俺爹那份委托书
上写着哩") or what else it is for ("代领补贴的委托书里写明了…"); the form's fields quoted ("委托事项一栏写的：代为申请公租房，
…", "特别授权（含代为作出告知承诺）"); the letter's own words with the principal's 本人; remarks after the yes on the number
given earlier, when it was signed, its validity or its purpose; the line below found after a no taken back; and 写明白了.

The line drawn: someone else's reading or copy, a part, a hedge, a condition, a question, a glance; a letter for an
errand with no word of the commitment, an expired letter, one the speaker had drafted or signed, a correction that ends
on a no, the principal's word reported, 本人 outside a quotation, a purpose that is itself a power: none of these is a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from bot.core.reading import Context
from tests.core.speakers import ENTERPRISE, PROXY, SELF, is_yes as _yes, letter_says_no, letter_says_yes

COMPANY = Context(applicant_kind="enterprise", applicant_name=ENTERPRISE)


# --- notice_ack: the notice named by its errand or its sender ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "医保报销这个告知书我看完了", "公租房的告知书我从头到尾看完了", "失业金告知的内容都读过了",
    "营业执照的那些条款我全都看完了", "你发的告知书我全看完了，没漏", "告知书我全看完了，一个字都没漏",
])
def test_notice_named_by_its_errand_or_sender(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # someone else's reading or copy, an earlier or another copy, a party reported
    "公租房这个告知书我老婆看完了", "我老婆看完了", "王芳的告知书我看完了", "上次的告知书我看完了", "窗口那份告知书我看完了",
    "市民表示告知内容已全部听完",
    # a hedge, a part, a count of what was missed
    "低保告知的内容应该都读过了", "公租房这个告知书第三部分看完了", "告知书我全看完了，没漏几条",
    # alone
    "没漏",
])
def test_notice_named_look_alikes_are_no_yes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: every part read ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["每一部分都看了", "每一段都看了", "每个部分都读了", "每条都读过", "我把告知书划到最后了，七条都看完了",
                                  "我把告知书翻到底了，每条都读过"])
def test_notice_every_part_read(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "第三部分看完了", "每一部分都看了一下", "前面每一部分都看了", "每一部分应该都看了", "我把告知书翻到底了",
    "我把告知书翻到底了，第三条读过",
])
def test_notice_every_part_look_alikes_are_asked_again(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- notice_ack: the capacity said first --------------------------------------------------------------------------

def test_notice_capacity_then_the_notice_put_first():
    assert _yes(notice_read("我作为法定代表人，已经把告知书全部看完了", COMPANY))
    assert _yes(notice_read("我作为代办人，已经把告知书从头到尾看完了", PROXY))


@pytest.mark.parametrize("text", ["我作为法定代表人，应该把告知书都看完了", "我作为法定代表人，让财务把告知书看完了"])
def test_notice_capacity_look_alikes_are_asked_again(text):
    assert notice_read(text, COMPANY).kind == "clarify"


# --- notice_ack: going on with the named errand -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["我已阅读告知内容，可以继续办失业金的事了", "已经看完了，可以接着办公租房的手续了"])
def test_notice_read_then_the_errand_goes_on(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "已经看完了，可以继续办公租房的事了吗", "要是看完了就继续办失业金的事", "看了一半，可以继续办失业金的事了",
    "可以继续办失业金的事了",
])
def test_notice_errand_look_alikes_are_no_yes(text):
    assert not _yes(notice_read(text, SELF))


# --- notice_ack: a resend asked for earlier -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["刚才又让你重发了一遍，现在全都看完了", "之前让你再发了一遍，这次都读完了"])
def test_notice_resend_earlier_then_read(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["刚才又让你重发了一遍，现在应该都看完了", "刚才又让你重发了一遍，第五条看完了",
                                  "刚才又让你重发了一遍"])
def test_notice_resend_look_alikes_are_no_yes(text):
    assert not _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["是", "好", "嗯", "看完了嘛"])
def test_notice_standing_decisions_kept(text):
    assert notice_read(text, SELF).kind == "clarify"


# --- authorization_scope: the letter named by whose it is or what else it is for ----------------------------------

@pytest.mark.parametrize("text", [
    "俺爹那份委托书上写着哩，特别授权代为承诺", "我娘那份委托书上写着呢，特别授权代为作出告知承诺",
    "老爷子的委托书写明白了，特别授权我替他作出告知承诺", "代领补贴的委托书里写明了特别授权代为作出告知承诺",
    "申请公租房的委托书上写着代为作出告知承诺", "委托书写明白了",
])
def test_letter_named_by_owner_or_errand(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # the letter alone, or a bare yes about a letter named only for its errand
    "俺爹那份委托书上写着哩", "代领补贴的委托书", "代领补贴的委托书里写明了", "代领补贴的委托书里写明了代为领取",
    # someone else's word, the speaker's own hand, the standing short forms
    "我爸说委托书上写了特别授权", "我爸说写了", "老爷子的委托书写明白了，特别授权我替他作出告知承诺，是我帮他写的",
    "我替他作出告知承诺", "写明了嘛", "委托书写明白了吗",
])
def test_letter_named_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)


# --- authorization_scope: the form's fields and the letter's own words --------------------------------------------

@pytest.mark.parametrize("text", [
    "委托事项一栏写的：代为申请公租房，代为作出告知承诺", "委托事项一栏写的：代为领取补贴款，代为签署告知承诺书",
    "授权权限：特别授权（含代为作出告知承诺）", "委托书原文：兹特别授权刘洋代为作出告知承诺，由本人承担法律后果",
    "委托书原话：兹特别授权刘洋代为作出告知承诺，并由本人承担不实承诺的法律后果",
])
def test_letter_fields_and_words_quoted(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", ["委托事项一栏写的：代为申请公租房", "授权权限：一般授权（不含代为作出告知承诺）"])
def test_letter_fields_that_hold_no_commitment_are_a_no(text):
    assert letter_says_no(text)


@pytest.mark.parametrize("text", [
    "委托事项一栏写的：代为申请公租房和承诺", "授权权限：特别授权（含代为领取补贴）",
    # 本人 said outside a quotation is the speaker's
    "写明了特别授权代为作出告知承诺，由本人承担法律后果",
    "委托书原文：兹委托刘洋代为办理低保手续，由本人承担法律后果",
])
def test_letter_fields_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)


# --- authorization_scope: remarks after a clear yes ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，授权编号前面已经给你了", "写明了特别授权，编号刚才已经发给你了",
    "写明了特别授权代为作出告知承诺，委托书是上个月签的，还在有效期内", "写明了特别授权代为作出告知承诺，委托书他前两天签的",
    "写明了特别授权代为作出告知承诺，还在有效期内", "写明了哈，特别授权代为作出告知承诺，开小吃店办卫生许可用的",
    "写明了，特别授权代为作出告知承诺，办营业执照要用的",
    "我爸在社区找人帮忙写的委托书，上面写明了特别授权代为作出告知承诺",
    "我妈在村委会请干部帮着写的委托书，写明了特别授权代为作出告知承诺",
])
def test_letter_remarks_after_the_yes(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    # expired, unsigned, the validity guessed, signed or drafted by the speaker
    "写明了特别授权，不过委托书已经过期了", "写明了特别授权代为作出告知承诺，委托书上个月过期了",
    "写明了特别授权代为作出告知承诺，委托书还没签字", "写明了特别授权代为作出告知承诺，委托书还没过期吧",
    "写明了特别授权代为作出告知承诺，委托书是我上个月签的",
    "我在社区找人帮忙写的委托书，上面写明了特别授权代为作出告知承诺",
    # a purpose that is a power, or the remark alone
    "写明了哈，特别授权代为作出告知承诺，代领补贴用的", "开小吃店办卫生许可用的",
])
def test_letter_remark_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)


# --- authorization_scope: a no taken back, the line below found ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "没写……不对不对，看错了，下面一行写明了特别授权代为作出告知承诺", "没写……不对，下面一行写着特别授权代为作出告知承诺",
])
def test_letter_correction_ends_on_the_line_below(text):
    assert letter_says_yes(text)


@pytest.mark.parametrize("text", [
    "写明了……不对不对，看错了，下面一行写的是代为办理", "写明了……不对不对，看错了，下面一行没写",
    "没写……不对不对，下面一行好像写了特别授权",
])
def test_letter_correction_look_alikes_are_no_yes(text):
    assert not letter_says_yes(text)
