"""The commitment after a spoken preamble (bot/core/affirmation.py): older people using voice input tell their
situation first (their age, that they live alone, that the print is small, that they read it a long time, that
they cannot type and speak instead), then commit. What they own is not such a preamble: "房子是我自己的" may
contradict a commitment to owning no home, so it is asked again. Each such clause is taken away only when
it is the whole clause and says nothing against the commitment; the act after it is judged as a message of its own.

Every accepted form has look-alikes beside it that must stay unaccepted: a preamble carrying doubt, a condition, a
third party, a confession that contradicts what is promised, a negation or a question after the act, mockery, and
typos in the legal word 承诺."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


# --- age, health, a filler first --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "那个 我岁数大了 眼睛不好 我承诺",
    "我八十一了 耳朵背 用语音说的 我承诺",
    "那个啊 我六十八了 没啥问题 我承诺",
    "唉 年纪大了 手机不会用 用说的 本人承诺",
    "我七十多了 以上情况属实 我承诺",
    "我都九十了 本人承诺 以上都是真的",
])
def test_age_and_health_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # doubt, a hedge, a condition, willingness, a typo, someone else after the same lead
    "我七十多了 我承诺 我也不太懂", "我七十多了 应该没啥问题 我承诺", "我七十多了 我承诺吧", "我七十多了 我愿意承诺",
    "我七十多了 要是没问题的话 我承诺", "我七十多了 我成诺", "我七十多了 老伴承诺", "我老伴七十多了 我承诺",
    "我七十多了 我承诺 等我儿子回来再说", "我七十多了 哈哈 我承诺", "我都七十多了 还让我承诺 哈哈 我承诺",
    "没啥大问题 我承诺", "没什么问题吧 我承诺", "我七十多了 先这样吧 我承诺",
    # the lead alone
    "那个啊我都七十多了 没啥问题",
    # what they own, told first: it may contradict what is committed (owning no home), so it is asked again
    "那个啊我都七十多了 房子是我自己的 没啥问题 我承诺", "我今年七十三了 房子是我自己的 我承诺",
])
def test_age_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("我七十多了 我承诺 不对 我不承诺", "negated"), ("我七十多了 不承诺", "negated"),
    ("我都七十多了 我承诺个屁", "negated"), ("我七十多了 我承诺 行吗", "question"),
])
def test_age_then_a_refusal_or_a_question(text, kind):
    assert self_kind(text) == kind


# --- living alone, who else lives there ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我一个人住 没有别人 我承诺 说的都是实话",
    "俺都八十多了 就一个人住 本人承诺",
    "我老伴前年走了 现在一个人过 我承诺",
    "家里没别人 我承诺",
])
def test_household_facts_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # a confession that contradicts what is promised
    "我有点收入没写 我承诺", "我一个人住 其实还有个儿子住这 我承诺", "我有个门面出租没写上 本人承诺",
    "房子是我自己的 还有一套在老家没写 我承诺", "房子就一套 老家还有一套 我承诺",
    "房子是我自己的 但是还有个铺面 我承诺",
    # someone else's house, someone else committing, a hedge after
    "房子是我儿子的 我承诺", "房子是我自己的 我儿子承诺", "我一个人住 我儿子承诺", "没有别人 他承诺",
    "我一个人住 我承诺 以上说的可能不全", "房子是我自己的 要是没问题的话 我承诺", "房子是我自己的 我承若",
    "我七十多了 房子是我自己的 我承诺 逗你的", "我一个人住 没有别人 我承诺 说的都是实话 哈哈",
    # a home owned, told first, may contradict a commitment to owning none: asked again
    "房子是俺自己的 就一套 俺承诺", "俺家就我跟老伴俩人 房子是自己的 本人承诺", "房子是我自己的 我承诺",
    "我住的是自己的房子 没有别的房 我承诺", "我七十多了 房子是自己的 没有车 我承诺",
    "嗯 房子是我自己的 我承诺 有假的我担着",
])
def test_household_look_alikes(text):
    assert self_kind(text) != "explicit"


def test_the_own_home_is_no_preamble_for_a_proxy():
    # the proxy's own house says nothing of the applicant's; a proxy's own age is a circumstance like anyone's
    assert proxy_kind("房子是我自己的 我受赵强特别授权 代为承诺") != "explicit"
    assert proxy_kind("我七十多了 我受赵强特别授权 代为承诺") == "explicit"


# --- the small print, a long reading, voice instead of typing ----------------------------------------------

@pytest.mark.parametrize("text", [
    "哎呀这手机字太小了 看了半天 本人承诺",
    "哎呀这字太小了 看了老半天 我承诺",
    "这手机字太小 我看了半天 本人承诺以上属实",
    "嗯 我七十了 这个字太小了 看了半天 本人承诺",
    "看了半天才看完 我承诺",
    "哎呀 这手机的字忒小 本人承诺",
    "这个字太小了 我戴着老花镜看了半天 我承诺",
    "那个 看了半天 我承诺",
    "俺不会打字 用说的 本人承诺",
    "俺用说的 俺不会打字 俺承诺",
    "我不会打字 我用说的 我承诺以上内容属实",
])
def test_print_reading_and_voice_before_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # doubt about what was read: not read, not seen, not understood
    "我也不太懂 我承诺", "我眼花看不清 本人承诺", "我眼花 看不清 本人承诺", "我七十多了 字太小看不清 我承诺",
    "这手机字太小了 看不清 我承诺", "这字太小了 我也没看清 我承诺", "看了半天也没看明白 我承诺",
    "哎呀这手机字太小了 看了半天没看完 本人承诺", "看了半天 我承诺 不过有些没看懂",
    "字太小了 看了半天 我也不知道写的啥 我承诺", "我七十多了 这手机字太小了 我承诺吧", "不知道对不对 我承诺",
    # someone else read it or typed it
    "我儿子帮我看了 我承诺", "我儿子帮我看了 我儿子承诺", "我不会打字 我孙子帮我打的 我承诺",
    "我不会打字 让别人帮我填的 我承诺", "看了半天 我承诺 我儿子说的",
    # unable to read at all, and no one read it aloud
    "我不识字 用语音说的 本人承诺",
    # a joke after
    "用说的 我承诺 哈哈",
])
def test_print_and_reading_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- the question asked of oneself, then the act -----------------------------------------------------------

def test_the_words_asked_then_said():
    assert self_kind("啊 是要我说承诺是吧 那我承诺") == "explicit"


@pytest.mark.parametrize("text", [
    "是要我说承诺是吧 那我承诺呗", "啊 是要我说承诺是吧 那我承诺吧", "是要我说承诺是吧 那我愿意承诺",
    "是要我说承诺是吧 那我承若", "是要我说承诺是吧 那你帮我承诺", "是要我说承诺是吧 那我老伴承诺",
    "是要我说承诺是吧 那我就承诺", "是要逼我说承诺是吧 那我承诺", "啊 是要我说承诺是吧 那我承诺 哈哈",
    # "you want me to commit, so I do" is compliance, not the words asked for
    "是要我承诺是吧 那我承诺",
    # a typed question mark asks the assistant: the question is answered first
    "是要我说承诺是吧？那我承诺",
])
def test_the_words_asked_look_alikes(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("是要我说承诺是吧", "question"), ("是要我说承诺是吧 那我承诺 是吧", "question"),
    ("是要我说承诺是吧 那我不承诺", "negated"),
])
def test_the_words_asked_alone_or_refused(text, kind):
    assert self_kind(text) == kind


# --- 真是的 and 属是 as voice input writes 真实 and 属实 ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "俺不会打字 用说的 我承诺以上情况真是的", "我承诺以上内容属是", "本人承诺以上情况属是", "本人承诺内容属是",
    "以上情况真是的 我承诺",
])
def test_voice_spellings_of_true(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # exasperation: 真是的 with nothing vouched for before it
    "我承诺 真是的", "真是的 我承诺", "这情况真是的 我承诺", "我承诺 情况真是的",
    "我都七十多了 你们还让我承诺 真是的",
    # 属是 alone is slang; a typo of 承诺 is never read
    "属是 我承诺", "我承诺属是", "我属是承诺了", "我承若以上内容属是", "我承诺以上内容属湿",
    # a hedge, a negation, a grudge, a joke, a question
    "我承诺以上情况真是的吧", "我承诺以上情况不真是的", "我承诺以上情况真是的 烦死了", "我承诺以上内容属是 哈哈",
    "我承诺以上内容属是吗", "俺不会打字 用说的 我承诺以上情况真是的吗",
])
def test_voice_spellings_look_alikes(text):
    assert self_kind(text) != "explicit"


# --- the company in a representative's words ----------------------------------------------------------------

def test_company_name_with_the_signature_alone_is_asked_again():
    # the act "以公司名义承诺" has no subject: the representative must say who commits ("本人李建国，以公司名义承诺")
    assert enterprise_kind("以公司名义承诺，本人李建国") != "explicit"
    assert enterprise_kind("本人李建国，以公司名义承诺") == "explicit"
    assert enterprise_kind("以公司名义承诺") != "explicit"
