"""Answers as people live them, at the two choices and at the legal representative's name: a reservation after 但,
a demand put on the office, the keyboard's homophones, the check welcomed or counted on to miss, the consequence
accepted in advance, someone else's word taken as one's own, a story of last time or of someone else's own try, the
speaker acting for the representative, a grumble at being asked. Each shape made readable is pinned beside the
look-alikes that must stay undecided or be asked: a demand, a hedge, a condition, someone else acting, a question, a
typo in the answer itself, a negation, a sneer."""
from __future__ import annotations

import pytest

from actions.interpret import interpret
from tests.actions.speakers import SELF, detail, outcome


# --- a reservation after 但, a demand put on the office -----------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    # after 但 a reason that names the same way, or the speaker's own guarantee: the yes stands
    ("承诺可以，但证明实在开不出来", "yes"),
    ("承诺可以，我保证说的都是实话", "yes"),
    ("承诺可以，我保证不骗人", "yes"),
    # a demand on the office, with 但 or 不过, without a comma, without 但; a reservation left open; a condition
    ("承诺可以，但得你们先保证以后不罚款", "clarify"),
    ("承诺可以但得你们先保证以后不罚款", "clarify"),
    ("承诺可以，你们得先保证以后不罚款", "clarify"),
    ("愿意，但你们得保证不来回折腾我", "clarify"),
    ("承诺可以，但得先保证以后不罚款", "clarify"),
    ("承诺可以，但是我有个要求", "clarify"),
    ("承诺可以但证明我也有", "clarify"),
    ("承诺可以，前提是以后别让我再跑", "clarify"),
    ("承诺可以，但你们得先说清楚查出来咋办", "question"),
])
def test_reservation_after_but_and_a_demand_on_the_office(text, expected):
    assert outcome("use_commitment", text) == expected


def test_a_lone_but_opens_no_clause_at_the_start_of_a_name():
    # the surname 但 at the start of an answer is no reservation
    assert outcome("representative_name", "法人是但斌") == "但斌"


# --- the pinyin keyboard's homophones, and a misspelt 承诺 echoing the question -----------------------------


@pytest.mark.parametrize("text,expected", [
    # 原意/元意 = 愿意, 证名 = 证明; 愿意 answers the question whole, the misspelt 承诺 after it only echoes it
    ("原意承若", "yes"), ("我原意承若", "yes"), ("原意承若吧", "yes"), ("愿意承若的方式", "yes"),
    ("原意", "yes"), ("不原意", "no"), ("不要承诺 要交证名", "no"), ("原意承若 不对 交证明", "no"),
    ("我原意是想交证明的，现在还是承诺吧", "yes"),
    # look-alikes: the way chosen by its misspelt name alone, a negation or someone else before the echo, a question,
    # a joke, a mockery, the other way named after 愿意, the real word 原意 ("original intention")
    ("就用承若吧", "clarify"), ("承若吧", "clarify"), ("成诺办理", "clarify"), ("用成诺方式", "clarify"),
    ("我不原意承若", "clarify"), ("不要原意承若", "clarify"), ("我妈原意承若", "clarify"),
    ("原意承若吗", "question"), ("原意承若，开玩笑的", "clarify"), ("承若个屁", "clarify"),
    ("原意交证名", "clarify"), ("我的原意是交证明", "clarify"),
])
def test_homophones_and_the_echoed_typo(text, expected):
    assert outcome("use_commitment", text) == expected


def test_the_typo_table_stays_at_the_choice():
    # the legal steps read no homophone: a misspelt commitment is never a commitment
    assert interpret("affirmation", "我原意承若", SELF).kind != "value"
    assert interpret("affirmation", "本人承若以上属实", SELF).kind != "value"


# --- the check welcomed, or counted on to miss -------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("承诺就承诺，我说的都是实话，不怕你们查", "yes"),
    ("承诺就承诺 我说的都是实话 不怕你们查", "yes"),
    ("用承诺，随便查", "yes"),
    ("用承诺，你们随便查", "yes"),
    ("承诺吧，反正东西都是真的，你们随时来核实", "yes"),
    ("不怕你们查，反正我不承诺", "no"),
    # look-alikes: fear of the check, the check counted on to miss (with commas too), the welcome alone, asked, sneered,
    # 随便 alone
    ("用承诺，怕你们查", "clarify"),
    ("承诺可以，但我怕你们查", "clarify"),
    ("行，承诺就承诺，反正查不出来", "clarify"),
    ("承诺就承诺，反正查不出来", "clarify"),
    ("承诺呗，反正你们也查不过来", "clarify"),
    ("用承诺，不怕你们查，反正查不出来", "clarify"),
    ("不怕你们查", "clarify"),
    ("用承诺，不怕你们查吗", "question"),
    ("用承诺，不怕你们查呵呵", "clarify"),
    ("用承诺，随便", "clarify"),
])
def test_the_check_welcomed_or_evaded(text, expected):
    assert outcome("use_commitment", text) == expected


# --- the refusal said twice, a worry as the reason, the consequence accepted, a "cannot" asked back ----------


@pytest.mark.parametrize("text,expected", [
    ("不中不中，俺有证明，交证明", "no"), ("不中不中", "no"), ("不成不成，交证明", "no"),
    ("中不中", "question"), ("承诺中不中", "question"),
    # a worry beside a no is its reason, the 万一 and 说错了 inside it are what is feared
    ("不承诺，俺怕万一说错了要担责任", "no"),
    ("交证明吧，承诺那个我心里不踏实", "no"),
    ("用承诺，我心里不踏实", "clarify"),
    ("用承诺，俺怕万一说错了", "clarify"),
    ("承诺，说错了，交证明", "no"),
    # the consequence of a false statement accepted in advance
    ("承诺，要是查出来不对我认罚", "yes"),
    ("承诺，要是查出来不对我就认了", "yes"),
    ("承诺，要是查出来不对就别罚我", "clarify"),
    ("承诺，要是查出来不对你们负责", "clarify"),
    ("如果不用跑腿我就认了", "clarify"),
    ("要是查出来不对我认罚", "clarify"),
    # a "cannot" asked back as the reason
    ("承诺 我这岁数了 哪跑得动", "yes"),
    ("承诺，我哪跑得动吗", "question"),
    ("我哪跑得动", "clarify"),
])
def test_refusal_twice_worry_consequence_and_cannot(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    # someone else's word, then the speaker taking it as their own
    ("俺儿子说用承诺，俺听他的", "yes"),
    ("我妈说可以，我听她的", "yes"),
    ("俺儿子说不用承诺，俺听他的", "no"),
    # look-alikes: not taken, the word hedged or asked, asked of us, no word, two words, a reservation after
    ("俺儿子说用承诺，俺不听他的", "clarify"),
    ("俺儿子说好像用承诺，俺听他的", "clarify"),
    ("俺儿子说用承诺吗，俺听他的", "question"),
    ("我妈说用承诺，我听她的吧？", "question"),
    ("俺听他的", "clarify"),
    ("俺儿子说用承诺，俺闺女说交证明，俺听他的", "clarify"),
    ("俺儿子说用承诺，俺听他的，不过俺还得想想", "clarify"),
])
def test_someone_elses_word_taken_as_ones_own(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    # nothing much, where a thing is: statements with 啥/呢
    ("承诺就承诺呗，又不是啥大事", "yes"),
    ("交证明，证明在我包里呢", "no"),
    ("承诺就承诺，又不是啥大事吗", "question"),
    ("证明在我包里呢？", "question"),
    # distrust beside the yes
    ("承诺可以，你们可别坑我啊", "clarify"),
    ("用承诺，不会坑我吧", "clarify"),
    # last time told after the answer, as its reason
    ("用承诺，上次交证明跑了好几趟", "yes"),
    ("交证明，上次用承诺被查了", "no"),
    ("用承诺，不过上次用承诺被罚了", "clarify"),
    ("用承诺，上次也用的承诺吗", "question"),
])
def test_statements_distrust_and_last_time_at_the_commitment_choice(text, expected):
    assert outcome("use_commitment", text) == expected


# --- who acts: someone else's own try, their trouble, last time --------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("帮我舅舅办，他上次自己弄被退回了，让我来", "proxy"),
    ("我帮我妈办，她上次自己弄没弄成", "proxy"),
    ("帮我姑办，她自己不会弄手机", "proxy"),
    ("我爸自己来不了", "proxy"),
    ("我妈自己不会弄", "proxy"),
    ("我爸自己来不了，我帮他弄", "proxy"),
    ("他自己弄不明白，我来帮他", "proxy"),
    ("我替我爸办，他耳朵背，电话里说不清", "proxy"),
    ("本人，上回让我儿子代办被退回来了", "self"),
    ("本人，以前是我儿子帮我办的", "self"),
    ("代办，以前都是我自己办", "proxy"),
    # look-alikes: someone else acting for themself, the story alone, asked, the speaker's own doubt, this time named
    # in the story, a real question about last time
    ("我妈自己办", "clarify"),
    ("他自己办", "clarify"),
    ("我爸自己能来", "clarify"),
    ("他上次自己弄被退回了", "clarify"),
    ("我妈说她自己办", "clarify"),
    ("我爸自己来不了吗", "question"),
    ("他自己弄不明白吗", "question"),
    ("我电话里说不清", "clarify"),
    ("本人，上次是代办这次也是代办", "clarify"),
    ("本人，上回代办，这回也代办", "clarify"),
    ("本人，上次为什么被退回来了", "question"),
])
def test_acting_as_someone_elses_own_try_and_last_time(text, expected):
    assert outcome("acting_as", text) == expected


# --- the representative's name ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # the speaker acts for the representative, or the representative is (now) someone the speaker knows
    "王芳，不过她今天没来，我替她弄",
    "王芳，我替她签",
    "王芳，她本人在这儿，我帮她打字",
    "王芳，我是她侄子，帮她弄一下",
    "王芳，是我帮她弄的",
    "王芳，俺是替俺妈来的",
    "法人王芳，她让我来办的",
    "王芳，是我们老板，我是会计替她填的",
    "王芳……哦不对，上个月变更成我老公李建国了",
    "法人是王芳，现在是我老公",
    "法人是我们老板王芳",
    "法人是咱们老板王芳",
])
def test_the_speaker_is_not_the_representative(text):
    assert detail("representative_name", text) == "not_representative"


@pytest.mark.parametrize("text,expected", [
    # the representative speaks, and says who helps them type: who types is no matter, who commits is (as "我是本人，
    # 不过我闺女在旁边帮我打字" at who acts)
    ("王芳，我儿子帮我打字", "王芳"),
    ("王芳，我老公帮我填的", "王芳"),
    ("王芳，我儿子帮我弄的", "王芳"),
    ("王芳，我闺女在旁边帮我看着呢", "王芳"),
    # the corrected name, when the role passed to someone the speaker does not call a relative
    ("王芳……哦不对，上个月变更成李建国了", "李建国"),
    ("王芳……不对，现在是我，李建国", "李建国"),
    # the representative in the third person, not here, with no one said to act for her, is left as the corpus reads it
    ("法定代表人是王芳，她今天不在店里", "王芳"),
])
def test_the_representative_and_who_helps_them(text, expected):
    assert outcome("representative_name", text) == expected


@pytest.mark.parametrize("text,expected", [
    # a grumble at being asked, after the name
    ("王芳。你们要名字干嘛，系统里不是都有吗", "王芳"),
    ("王芳，你们要名字干嘛", "王芳"),
    ("王芳，要名字干啥，都填好几遍了", "王芳"),
    ("王芳。上次填过了，咋还要填", "王芳"),
    ("王芳，刚才不是说过了吗", "王芳"),
    ("王芳，系统里不是有吗，还问", "王芳"),
    ("王芳 你们系统里肯定有", "王芳"),
    # look-alikes: another name in the grumble, the name left to the office, the grumble alone, the name asked about,
    # which name is wanted, a guess
    ("王芳。系统里不是李强吗", "question"),
    ("王芳，你们要名字干嘛，不是李强吗", "question"),
    ("王芳。你们要名字干嘛，系统里不是都有吗，你们查一下", "question"),
    ("王芳，刚才不是说过了吗，还是写王芬", "question"),
    ("你们要名字干嘛", "question"),
    ("要名字干啥", "question"),
    ("王芳，这个名字没问题吧", "question"),
    ("王芳，你们是要法人的名字还是我的名字", "question"),
    ("王芳吧", "clarify"),
    ("王芳吧，我记得是她", "clarify"),
    ("王芳，我记得是她", "clarify"),
    ("王芳吧，你们要名字干嘛", "clarify"),
    # settled, not guessed
    ("就填王芳吧，我就是法人", "王芳"),
    ("行吧，王芳", "王芳"),
])
def test_a_grumble_at_being_asked_beside_the_name(text, expected):
    assert outcome("representative_name", text) == expected


# --- thinking aloud before the answer, a way suggested with 要不 -------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("我想想啊，承诺吧", "yes"),
    ("我想想，承诺吧", "yes"),
    ("要不还是交证明吧，稳妥点", "no"),
    ("不然交证明", "no"),
    ("要不承诺吧", "yes"),
    # look-alikes: the thought put off still, last, alone, or followed by a hedge; 要不要 asks
    ("我再想想，承诺吧", "clarify"),
    ("承诺吧，我想想", "clarify"),
    ("让我想想", "clarify"),
    ("嗯……我想想", "clarify"),
    ("我想想，可能承诺吧", "clarify"),
    ("要不要承诺", "question"),
])
def test_thinking_aloud_and_a_suggested_way(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("王芳……我想想，对，王芳", "王芳"),
    ("王芳，刚才说过了，你们系统是不是有问题", "王芳"),
    ("王芳，你们不是有吗", "王芳"),
    ("王芳，她让我帮忙跑一趟", "clarify"),
    ("法人王芳，我是她老公，她让我来的", "clarify"),
    ("王芳，我想想", "clarify"),
    ("王芳，你们系统里是不是写的李强", "question"),
])
def test_representative_name_thought_over_or_grumbled(text, expected):
    assert outcome("representative_name", text) == expected
