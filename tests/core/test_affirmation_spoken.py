"""The commitment as people type it in chat (bot/core/affirmation.py): the everyday and dialect "OK" before the
commitment words (妥了, 可以嘞, 没毛病, okk, 恁放心), the chat particle 哒, the liability said with its object first
("有啥后果我自己担着"), a proxy who says the applicant gave the special authorisation, a legal representative who
writes "本人系…", and words said twice by voice input. Every form accepted here has look-alikes beside it that
must stay unaccepted: a legal "yes" is never taken from a hedge, a question, a typo, a third party or a negation."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


# --- the everyday "OK" before the commitment words ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "妥了，本人承诺", "可以嘞，本人承诺", "没毛病，我承诺", "嗯呐 本人承诺💪", "okk 我承诺哒", "ok的 本人承诺 以上属实",
    "sure，我承诺", "恁放心，俺承诺嘞", "得劲，俺承诺", "管，我承诺", "安排！本人承诺～", "整！我承诺", "阔以，我承诺",
    "木问题 俺承诺 以上都是真哩",
])
def test_everyday_ok_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # someone else, a hedge, a typo, a question, willingness, a refusal after the same leads
    "妥了，我老婆承诺", "木问题，俺老婆承诺", "管，我承诺吧", "okk 我承诺吧", "可以嘞，我承偌", "妥了，我承诺？",
    "没毛病，我愿意承诺", "没毛病，承诺书我看了", "阔以 我承诺 🫡",
    # a word that may start a sentence of another meaning is a lead only with a pause after it
    "安排我承诺", "管我承诺", "整我承诺", "得劲我承诺",
    # the lead alone says nothing of the commitment
    "妥了", "没毛病", "木问题", "可以嘞",
])
def test_everyday_ok_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("恁放心，俺不承诺", "negated"), ("整，我承诺个锤子", "negated"), ("中中中 俺承诺俺承诺", "unclear"),
])
def test_everyday_ok_with_a_refusal_or_a_grudge(text, kind):
    assert self_kind(text) == kind


# --- the chat particle 哒 and the Henan 哩 ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["我承诺哒", "本人承诺哒", "俺承诺以上都是真哩"])
def test_particles(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", ["我承诺哒？", "他承诺哒", "我承诺哒吧", "我承偌哒", "俺承诺以上都是真哩吧", "我承诺哒😂"])
def test_particle_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- the content and the liability in everyday words, the object first -----------------------------------

@pytest.mark.parametrize("text", [
    "整！我承诺，有啥后果我自己担着", "我承诺，有什么后果我负责", "本人承诺，符合条件，不实承诺的后果我承担",
    "我承诺，后果我们承担", "俺张伟承诺，没瞎说", "本人承诺，不会乱说", "本人承诺，就这个意思",
    "嗯嗯 本人承诺 本人承诺 就这个意思", "我承诺，那个后果我也知道",
])
def test_liability_and_content_in_everyday_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # the liability put on someone else, refused, or asked about
    "我承诺，有啥后果他担着", "我承诺，有啥后果你们担着", "我承诺，有什么问题老板负责", "我承诺，后果他们承担",
    "我承诺，不实承诺的后果我不承担", "我承诺，后果我们不承担", "我承诺，有啥后果我自己担着吗",
    # the liability alone, without the commitment
    "有啥后果我自己担着", "不实承诺的后果我承担",
    # not meant, someone else's word, a hedge
    "我承诺，瞎说的", "我承诺，他没瞎说", "他承诺，没瞎说", "本人承诺，就这个意思吧", "我老伴承诺，就这个意思",
    "我承诺，那个后果我不知道", "我承诺，那个后果我也不太知道",
])
def test_liability_and_content_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- refusals said with a topic, or twice -------------------------------------------------------------

@pytest.mark.parametrize("text", ["不了不了，这个我不敢承诺", "这个我不承诺", "这个我不敢承诺"])
def test_refusals_in_everyday_words(text):
    assert self_kind(text) == "negated"


def test_a_refusal_said_twice_is_no_question():
    assert self_kind("不了不了") != "question"


def test_a_refusal_after_a_commitment_stays_open():
    assert self_kind("我承诺，但是这个我不承诺") == "unclear"


@pytest.mark.parametrize("text", ["你了不了解承诺的后果", "了不了解不实承诺的后果"])
def test_a_real_a_not_a_question_is_still_asked(text):
    assert self_kind(text) == "question"


# --- a proxy ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "赵强给了我书面的特别授权，我代他承诺", "赵强给了我特别授权，我代为承诺", "赵强已经给了我一份书面特别授权，本人代其承诺",
    "嗯 我受赵强特别授权 代为承诺 代为承诺", "妥了，我受赵强特别授权代为承诺", "我受赵强特别授权，代为承诺，后果我们承担",
])
def test_proxy_everyday_forms(text):
    assert proxy_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # no special authorisation, an oral one, someone else's, or none yet
    "赵强给了我授权，我代他承诺", "赵强口头给了我特别授权，我代他承诺", "张伟给了我书面的特别授权，我代他承诺",
    "赵强还没给我特别授权，我代他承诺", "赵强给了他书面的特别授权，我代他承诺", "我同事给了我特别授权，我代他承诺",
    # the commitment not made on the applicant's behalf, hedged, or not made at all
    "赵强给了我书面的特别授权，我承诺", "赵强给了我书面的特别授权，我代他承诺吧", "赵强给了我书面的特别授权",
    "赵强给了我书面的特别授权，他代我承诺", "赵强给了我书面的特别授权，我代他承诺？",
    # the same words twice do not mend what is wrong in them
    "我受赵强委托，代为承诺，代为承诺", "我受赵强特别授权，代为承偌，代为承偌", "我受赵强特别授权，代为承诺，不不",
    "妥了，我代赵强承诺",
])
def test_proxy_look_alikes(text):
    assert proxy_kind(text) != "explicit"


def test_a_proxy_who_refuses_after_naming_the_authorisation():
    assert proxy_kind("我受赵强特别授权，但是这个我不承诺") == "negated"


# --- an enterprise's legal representative -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "本人系公司法定代表人，代表公司承诺", "本人系公司法定代表人李建国，代表公司承诺", "我是公司法人，本人承诺",
    "我们公司承诺，后果我们承担",
])
def test_enterprise_everyday_forms(text):
    assert enterprise_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "本人系公司会计，代表公司承诺", "本人系公司法定代表人", "本人系公司法定代表人，代表公司承诺吧",
    "我是公司法人王芳，代表公司承诺", "本人系公司法定代表人王芳，代表公司承诺", "我们公司承诺，后果老板承担",
    "本人系公司法定代表人，代表公司承偌", "本人系公司法定代表人，不代表公司承诺",
])
def test_enterprise_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


def test_a_citizen_cannot_write_as_a_representative():
    assert self_kind("本人系公司法定代表人，代表公司承诺") != "explicit"


# --- more chat "OK"s, the reading told first, and the speaker naming themselves ------------------------------

@pytest.mark.parametrize("text", [
    "嗯哪 我承诺", "好的呢 本人承诺", "是滴 我承诺", "对滴 本人承诺", "好滴呢 我承诺", "我看了，我承诺",
    "嗯 我看了 我承诺 那个后果我也知道", "本人承诺 绝对真实", "本人承诺，确实属实", "本人承诺，我是张伟",
    "我是张伟本人，我承诺",
])
def test_more_chat_forms(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "嗯哪", "嗯哪 我承诺吧", "是滴 他承诺", "对滴，我同意承诺", "好的呢，我已阅读", "我看了", "我看了，我老婆承诺",
    "我看了，我承诺吧", "我看了一半，我承诺", "我看了一眼，我承诺", "我看了半天没看懂，我承诺", "我看了，我承诺？",
    "本人承诺，绝对真实吧", "本人承诺，绝对不真实", "本人承诺，确实属实吗", "本人承诺，绝对真实，骗你的",
    "本人承诺，我是王芳", "本人承诺，我是张伟他爸", "本人承诺，我是张伟的儿子", "本人承诺，我是张伟吗",
    "我是王芳本人，我承诺", "我是张伟本人，我承诺吧", "我是张伟本人，我老婆承诺",
])
def test_more_chat_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["嗯哪个是承诺用语", "嗯哪里要签字"])
def test_which_is_still_a_question(text):
    assert self_kind(text) == "question"


def test_a_representative_signs_with_the_title():
    assert enterprise_kind("本公司承诺，法定代表人李建国") == "explicit"


@pytest.mark.parametrize("text", [
    "本公司承诺，法定代表人王芳", "本公司承诺，会计李建国", "本公司承诺，法定代表人", "本公司承诺吧，法定代表人李建国",
    "本公司承诺，法定代表人李建国不知道", "本公司承诺，法定代表人李建国？",
])
def test_a_representative_signature_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


def test_a_citizen_signs_without_a_title():
    assert self_kind("本人承诺，法定代表人张伟") != "explicit"
