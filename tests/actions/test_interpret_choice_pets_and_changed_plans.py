"""Choices (actions/interpret.py). At who acts: acting for a pet (喵主子, 狗子) is a joke, asked again, and the
pet asked back as the one typing is emphasis beside 本人 only; a pet joke taken back ("哈哈开玩笑的", typed on without a
pause) and then 本人; the Southwest's 各人 (= 自己) after 我; a misspelt option said over and vouched for with 就是 and the
answer in full in the same clause; a question on the procedure, then the answer stated with 反正; a plan said earlier
(本来说…) given up and the conclusion after it. At the commitment choice: the wish said with 是…的 and given up with 但,
then the other way settled; a bare 对 between the same way said twice. Each accepted form is pinned beside look-alikes
that stay asked or undecided."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


UNDECIDED = ("clarify", "question")


def _undecided(step: str, text: str) -> bool:
    return outcome(step, text) in UNDECIDED


# --- a pet acted for, or asked back as the one typing ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "代办，代我家喵主子办😂",
    "代办，代我家喵主子办",
    "帮我家猫主子办",
    "替我家狗子办",
    "本人，帮我家狗子办😂",
    # beside 代办 the pet at the keyboard is a joke, not emphasis of the answer
    "代办，难道还是我家猫在打字吗😂",
    "代办，难道还是我家猫在打字吗",
])
def test_pet_acted_for_is_a_joke(text):
    assert _undecided("acting_as", text)


@pytest.mark.parametrize("text,expected", [
    # the pet asked back as the one typing, beside 本人, still emphasises it
    ("本人，当然是本人啦，难道还是我家猫在打字吗😂", "self"),
    ("本人，难道我家猫在打字吗", "self"),
    # a relative acted for is still read, after a pet joke taken back or beside 代办
    ("替我家猫办哈哈，开玩笑的，替我妈办", "proxy"),
    ("代办，帮我妈办", "proxy"),
])
def test_pet_look_alikes_read_as_before(text, expected):
    assert outcome("acting_as", text) == expected


# --- the pet joke taken back, then the option's word ---------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("帮我家狗子办哈哈开玩笑的，本人", "self"),
    ("替我家猫办哈哈，开玩笑的，本人", "self"),
    ("帮我家狗子办哈哈开玩笑的，帮我妈办", "proxy"),
])
def test_pet_joke_taken_back_then_answer(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # no take-back, nothing after it, a bare 代办 that may still be the pet's, a bare yes, laughter on the answer
    "帮我家狗子办哈哈",
    "帮我家狗子办哈哈开玩笑的",
    "帮我家狗子办哈哈开玩笑的，代办",
    "替我家猫办哈哈，开玩笑的，代办",
    "帮我家狗子办哈哈开玩笑的，是",
    "帮我家狗子办哈哈开玩笑的，本人哈哈",
    # a real answer called a joke, then the other option's bare word, stays asked as before
    "帮我妈办哈哈开玩笑的，本人",
    "代办，开玩笑的，本人",
])
def test_pet_joke_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


@pytest.mark.parametrize("step,text,expected", [
    # the mark typed on after laughter closes the joke at the commitment choice too; the refusal after it is taken
    ("use_commitment", "用承诺哈哈开玩笑的，交证明", "no"),
])
def test_joke_mark_after_laughter(step, text, expected):
    assert outcome(step, text) == expected


def test_joke_mark_without_laughter_is_not_set_apart():
    assert _undecided("use_commitment", "用承诺开玩笑的，交证明")


# --- 各人 (the Southwest's 自己) -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["我各人办噻", "我各人来", "俺各人办"])
def test_own_said_the_southwestern_way(text):
    assert outcome("acting_as", text) == "self"


@pytest.mark.parametrize("text", [
    "我各人也说不清",
    "各人办各人的",
    "我妈各人办",
    "我各人办噻？",
])
def test_own_southwestern_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- a misspelt option vouched for in the same clause ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["待办待办就是帮我姑妈弄的", "待办就是帮我姑妈弄的"])
def test_misspelt_option_then_answer_in_full(text):
    assert outcome("acting_as", text) == "proxy"


@pytest.mark.parametrize("text", [
    "待办",
    "待办待办",
    "待办就是本人",
    "待办就是代办",
    "待办待办就是帮我姑妈弄的吗",
    "待办就是我自己办",
])
def test_misspelt_option_look_alikes_stay_undecided(text):
    assert _undecided("acting_as", text)


# --- a question, then the answer with 反正 --------------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("acting_as", "代办要带啥材料？反正我是帮我哥办的", "proxy"),
    ("acting_as", "要带啥材料？反正我是本人", "self"),
    ("use_commitment", "承诺要签字吗？反正我用承诺", "yes"),
])
def test_answer_with_anyway_after_question(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    ("acting_as", "代办要带啥材料？"),
    ("acting_as", "本人要带啥材料？反正我是帮我哥办的"),
    ("acting_as", "代办要带啥材料？反正我也不知道"),
    ("acting_as", "代办要带啥材料？反正我是帮我哥办的吗"),
    ("acting_as", "代办要带啥材料？反正我是帮我哥办的，可能吧"),
    ("use_commitment", "交证明要几天？反正我用承诺"),
])
def test_anyway_look_alikes_stay_undecided(step, text):
    assert _undecided(step, text)


# --- a plan or a wish given up, then the conclusion ------------------------------------------------------------------

@pytest.mark.parametrize("step,text,expected", [
    ("acting_as", "本来说我爸自己来，他不会弄手机，那还是我帮他办吧", "proxy"),
    ("acting_as", "本来说我爸自己来，那还是我帮他办吧", "proxy"),
    ("use_commitment", "我是想用承诺的，但我老公不让，那就交证明吧", "no"),
    ("use_commitment", "我是想交证明的，可是证明开不出来，那就承诺吧", "yes"),
    ("use_commitment", "我本来想用承诺的，但是证明开好了，那就交证明吧", "no"),
    # the wish alone is stated, and what was said all along is no plan given up
    ("use_commitment", "我是想用承诺的", "yes"),
    ("acting_as", "我本来说的就是本人", "self"),
])
def test_given_up_then_concluded(step, text, expected):
    assert outcome(step, text) == expected


@pytest.mark.parametrize("step,text", [
    ("acting_as", "本来说我爸自己来，他不会弄手机"),
    ("acting_as", "本来说帮我爸办，他自己会弄手机，那还是他自己来吧"),
    ("use_commitment", "我是想用承诺的，但我老公不让"),
    ("use_commitment", "我是想用承诺的，但我老公不让，我再想想"),
    # the same way settled after the wish given up says neither plainly; asked, it is a question
    ("use_commitment", "我是想用承诺的，但我老公不让，那就用承诺吧"),
    ("use_commitment", "我是想用承诺的，但我老公不让，那就交证明吧？"),
    ("use_commitment", "我是想用承诺的，那就交证明吧"),
])
def test_given_up_look_alikes_stay_undecided(step, text):
    assert _undecided(step, text)


# --- 对 between the same way said twice -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("就是那个嗯 交证明 对 交证明", "no"),
    ("交证明，对，交证明", "no"),
    ("用承诺，对对，用承诺", "yes"),
])
def test_confirming_between_the_same_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    "交证明 对",
    "对 交证明",
    "交证明，对，用承诺",
    "交证明，对，交证明吗",
])
def test_confirming_look_alikes_stay_undecided(text):
    assert _undecided("use_commitment", text)


# --- left as they are (asking again is right) --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "代办，哦不对……等等我问下我哥这到底算谁的",
    "看我爸怎么说吧…",
    "帮我爸办，他也在旁边，那算本人还是代办啊",
])
def test_left_undecided(text):
    assert _undecided("acting_as", text)
