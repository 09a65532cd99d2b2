"""The special authorisation (bot/core/consent.py) stated plainly beside a side remark that leaves it as it is: the
letter in the speaker's hand, the look that found the line ("有了"), where and how the principal signed (on the letter,
on a phone screen, an electronic letter), who drafted it for him (a village committee, a lawyer), why he could not come,
the form's field and box named ("授权类型：", "勾的是特别授权"), the oral word or the errand denied to be all, the
either-or question put to oneself ("写没写？"), a sigh before the slip named, praise of the letter's formality with a
laugh, the scrawl of his hand, the speaker's job, the principal's own words quoted, the line written in or had added,
what the speaker would not have dared without it, and the letter got ("整了个特别授权"). And the no said as: the line
looked at holding another power, the letter still in the post, a general power only ("代理一切事务"), unwillingness
denied before a plain no.

The line drawn: the remark must be a clause of its own that says nothing against the statement. A hedge, a condition, a
plan (to be written, to be added), the speaker or a third person as the one who wrote, signed or ticked it, a copy
instead of the letter, ordinary powers only, an oral grant, or laughter that mocks the statement is asked again (or is
the no it says)."""
from __future__ import annotations

import pytest

from bot.core.consent import special_authorisation
from tests.core.speakers import PROXY, letter_says_no as _no, letter_says_yes as _yes


def _read(text):
    return special_authorisation(text, PROXY)


# --- the consequence written beside the answer ---------------------------------------------------------------------

def test_the_consequence_written_too():
    assert _yes("写明了，还写了承担不实承诺的法律后果")


@pytest.mark.parametrize("text", [
    "写明了，还写了我承担不实承诺的法律后果", "写明了，还写了不承担不实承诺的法律后果", "写明了吧，还写了承担不实承诺的法律后果",
    "还写了承担不实承诺的法律后果",
])
def test_the_consequence_look_alikes(text):
    assert not _yes(text)


# --- the letter in hand, the look that found the line -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我手里就拿着委托书呢，上面写着“特别授权代为作出告知承诺”",
    "写明了特别授权 委托书上写的代为作出告知承诺 我现在就拿着呢",
    "我看一下啊……有了，第三行，特别授权代为作出告知承诺",
])
def test_letter_in_hand_and_found(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "我手里拿着复印件，上面写着特别授权代为作出告知承诺", "我爸手里拿着委托书，上面写着特别授权代为作出告知承诺",
    "我手里就拿着委托书呢，上面好像写着特别授权", "写明了特别授权 委托书上写的代为作出告知承诺 我爸拿着呢",
    "我现在就拿着呢", "我看一下啊……有了", "我看一下啊……有了，第三行，好像是特别授权",
])
def test_letter_in_hand_look_alikes(text):
    assert not _yes(text)


def test_found_line_with_an_ordinary_power_is_a_no():
    assert _no("我看一下啊……有了，第三行，代为办理")


# --- where and how the principal signed, who drafted it, why he did not come --------------------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，我爸在上面按了手印", "写明了特别授权，电子的，我爸在手机上签的",
    "写明了特别授权代为承诺，俺爹不识字，村委会帮他写的，他按的手印",
    "有的有的，特别授权代为作出告知承诺，律师帮着起草的",
    "写明了，我叔腿脚不好出不了门，专门写的特别授权让我替他承诺",
])
def test_signed_drafted_absent(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    # the speaker or another relative signs
    "写明了特别授权，我在上面按了手印", "写明了特别授权，他儿子在上面按了手印", "写明了特别授权，电子的，我在手机上签的",
    "写明了特别授权，电子的，我替我爸在手机上签的", "写明了特别授权，电子的，手机上点了个同意",
    # a neighbour or the speaker drafts it
    "写明了特别授权代为承诺，邻居帮他写的，他按的手印", "写明了特别授权代为承诺，村委会帮我写的",
    "写明了特别授权代为承诺，我帮他写的，他按的手印", "有的有的，特别授权代为作出告知承诺，我帮着起草的",
    # the speaker writing the special authorisation, however it is said; a plan
    "我专门写的特别授权", "特别授权是我专门写的", "我整了个特别授权",
    "写明了，我叔腿脚不好出不了门，我专门写的特别授权让我替他承诺",
    "写明了，我叔腿脚不好出不了门，说回头写特别授权让我替他承诺",
    # the speaker, not the principal, unable to come
    "写明了，我腿脚不好出不了门",
])
def test_signed_drafted_absent_look_alikes(text):
    assert not _yes(text)


# --- the form's field and box -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "授权事项：代为作出告知承诺。授权类型：特别授权。", "委托书勾的是特别授权，不是一般授权",
    "一般授权那栏没勾，勾的是特别授权，写了代为承诺",
])
def test_form_field_and_box(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "授权类型：特别授权，授权事项：代为办理", "我勾的是特别授权，不是一般授权", "一般授权那栏没勾，特别授权那栏也没勾",
    "委托书勾的是特别授权，写着代为办理", "授权类型：",
])
def test_form_field_and_box_look_alikes(text):
    assert not _yes(text)


@pytest.mark.parametrize("text", ["授权类型：一般授权", "委托书勾的是一般授权"])
def test_form_ordinary_kind_is_a_no(text):
    assert _no(text)


# --- the oral word or the errand denied to be all ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "不是口头说说的，委托书上写明了特别授权代为承诺", "委托书上写明特别授权了，不是光让我跑腿",
])
def test_oral_or_errand_denied(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "不是口头说说的", "不是光让我跑腿", "委托书上写明了，不是光让我跑腿", "是口头说的，委托书上写明了特别授权",
])
def test_oral_or_errand_denied_look_alikes(text):
    reading = _read(text)
    assert reading.kind == "clarify"


def test_oral_denied_then_oral_granted_is_a_no():
    assert _no("不是口头说说的，他口头特别授权的")


# --- the either-or question put to oneself; a slip named with a sigh; the other side of the page ---------------------

@pytest.mark.parametrize("text", [
    "写没写？写了，特别授权代为承诺，我刚又对了一遍",
    "没写……哦看错了，在反面，写明了特别授权代为作出告知承诺",
    "只写了代办——不对不对，下面还有一句“代为作出告知承诺”，写明了",
    "没有写明，哎呀点错了，是写明了特别授权",
])
def test_self_question_and_corrections(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "写没写？写了吧", "写没写？我问问我爸", "写没写？写了，哈哈骗你的", "写没写？你猜", "写没写？写了😂",
    "写明了特别授权？写了",
    "没写……哦看错了，在反面，好像写明了特别授权", "没写……哦看错了，在反面",
    "没有写明，哎呀点错了，应该是写明了特别授权吧",
])
def test_self_question_and_corrections_look_alikes(text):
    assert not _yes(text)


@pytest.mark.parametrize("text", [
    "有没有写明？没有", "只写了代办——不对不对，下面还有一句“代为领取”，写明了", "写明了特别授权，哎呀点错了，没写",
])
def test_self_question_and_corrections_ending_in_a_no(text):
    assert _no(text)


# --- laughter about the letter's formality, the scrawl of his hand, the speaker's job ----------------------------

@pytest.mark.parametrize("text", [
    "写明了特别授权，我是他女婿，这委托书比我俩结婚证还正式😂",
    "写明了特别授权代为承诺，老赵的字跟画符似的，但确实是他亲笔签的",
    "赵总签的委托书，写明特别授权我代为作出告知承诺，我是他司机",
])
def test_remarks_about_the_letter_and_the_speaker(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "写明了特别授权，这委托书比我俩结婚证还假😂", "写明了特别授权😂", "写明了特别授权😂，这委托书比结婚证还正式",
    "写明了特别授权，这委托书比结婚证还正式😜", "写明了特别授权，这委托书比结婚证还正式，骗你的😂",
    "好像写明了特别授权，这委托书比结婚证还正式😂",
    "写明了特别授权代为承诺，老赵的字跟画符似的，我也看不清",
    "写明了特别授权代为承诺，老赵的字跟画符似的，但确实是我签的",
    "赵总签的委托书，写明特别授权我代为作出告知承诺，我是他司机，我替他签的",
])
def test_remarks_look_alikes(text):
    assert not _yes(text)


# --- the principal's own words quoted; the line written in or had added ------------------------------------------

@pytest.mark.parametrize("text", [
    "老爷子亲笔写的：我委托刘洋代我作出告知承诺。签了名按了手印", "赵强亲笔写的：我委托刘洋代我作出告知承诺",
    "特别授权有的，代为承诺写进去了", "写了的，我舅专门去打印店让人加上了“代为作出告知承诺”这一句",
])
def test_quoted_written_in_added(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    # 我 as the speaker, another grantee, words said rather than written, an ordinary power
    "我委托刘洋代我作出告知承诺", "我亲笔写的：我委托刘洋代我作出告知承诺", "老爷子亲笔写的：我委托李明代我作出告知承诺",
    "老爷子说：我委托刘洋代我作出告知承诺", "老爷子亲笔写的：我委托刘洋代我办理手续", "写明了特别授权，签了名我按了手印",
    # written in by the speaker, or not yet
    "特别授权有的，代为承诺我写进去了", "特别授权有的，代为承诺要写进去", "特别授权有的，代为承诺还没写进去",
    # added by the speaker, or still to be added; mocked
    "写了的，我让人加上了“代为作出告知承诺”这一句", "写了的，我舅说要让人加上“代为作出告知承诺”这一句",
    "写了的，我舅专门去打印店让人加上了“代为作出告知承诺”这一句，哈哈骗你的",
])
def test_quoted_written_in_added_look_alikes(text):
    assert not _yes(text)


# --- what the speaker would not have dared; the letter got ------------------------------------------------------

@pytest.mark.parametrize("text", ["写明了啊，不写明我也不敢来办", "整了个特别授权，上面写着让我代他作承诺"])
def test_daring_and_got(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "不写明我也不敢来办", "写明了啊，不写明我也不敢来办吧", "如果不写明我也不敢来办", "不写明我也不敢来办，写明了",
    "整了个特别授权", "我整了个特别授权，上面写着让我代他作承诺", "打算整个特别授权，上面写着让我代他作承诺",
    "整了个特别授权，上面写着代为办理", "整了个特别授权，就写了代为办理",
])
def test_daring_and_got_look_alikes(text):
    assert not _yes(text)


# --- the no: another power on the line, the letter in the post, a general power, unwillingness denied ------------

@pytest.mark.parametrize("text", [
    "写了……不对，那一行是代为领取，承诺的没写", "委托书还在路上，快递明天才到", "没写，就写了“代理一切事务”",
    "不是不想有，是真没写这个",
])
def test_said_as_a_no(text):
    assert _no(text)


@pytest.mark.parametrize("text", [
    "写了……不对，那一行是代为领取，承诺的写了", "委托书还在路上，写明了特别授权", "快递明天才到，应该写明了特别授权",
    "没写，就写了“代理一切事务”，应该包括承诺吧", "不是不想有", "不是不想写，写了特别授权", "不是不想有，是真没写这个吧",
])
def test_said_as_a_no_look_alikes(text):
    reading = _read(text)
    assert reading.kind == "clarify"
