"""The special authorisation (bot/core/consent.py) as hotline callers say it: voice input whose clauses come apart at the
pauses, rural and Henan speech (纸上, 上头, 写着嘞, 都中, 老赵), the clerk's formal register (载有, 属于特别授权, a form's
field, a document number, 根据…委托书), a denial of the ordinary kind or of the absence before the statement, a
correction that ends on it, and a remark after it. And the no said as: a list "limited to" ordinary powers, the letter's
content an ordinary errand, 承诺 in another sense (the agent's own promise), the special authorisation set against with
但 and ordinary powers, an oral word only, no paper at all.

The line drawn: a lead or a remark is dropped only when it says nothing against the statement, and the statement must
still decide on its own. A hedge, a condition, a plan, the speaker or a third person as the one who signed or wrote it,
a look not finished, or a hand that cannot be read is asked again; after a correction or a concession only a plain
answer (after a concession: only a no) is taken."""
from __future__ import annotations

import pytest

from bot.core.consent import special_authorisation
from tests.core.speakers import PROXY, letter_says_no as _no, letter_says_yes as _yes


def _read(text):
    return special_authorisation(text, PROXY)


# --- leads that say nothing: a greeting, a filler, the transcript's label, the letter held, a look declined ---------

@pytest.mark.parametrize("text", [
    "喂，对，委托书我手上拿着呢，上面写明了特别授权，代为作出告知承诺",
    "来电人：委托书写明了特别授权代为作出告知承诺",
    "这个 委托书 写明了特别授权 代为作出告知承诺 对的",
    "不用查了，确实写了，原话是“授权刘洋代为作出告知承诺并承担相应法律后果”",
])
def test_neutral_leads(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "喂，写明了特别授权吧", "来电人：好像写明了特别授权", "来电人：委托书写明了特别授权代为办理",
    "委托书我爸手上拿着呢，上面写明了特别授权，代为作出告知承诺", "不用查了，应该写了", "不用查了", "喂",
])
def test_neutral_leads_look_alikes(text):
    assert not _yes(text)


# --- the document named as what the statement rests on, or by its number -------------------------------------------

@pytest.mark.parametrize("text", [
    "根据我方与赵强签订的书面委托协议，已特别授权代为作出告知承诺",
    "ＳＱ２０２６－００１２这份委托书写明了特别授权代为作出告知承诺",
])
def test_document_named_first(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    # signed by the speaker alone, or by someone who is not the principal
    "根据我签的委托书，已特别授权代为作出告知承诺", "根据李四签订的委托书，已特别授权代为作出告知承诺", "根据委托书",
    "SQ2026-0012这份委托书好像写明了特别授权",
])
def test_document_named_first_look_alikes(text):
    assert not _yes(text)


def test_document_number_before_a_no():
    assert _no("SQ2026-0012这份委托书没写")


# --- the paper in hand is the letter; a statement said in two breaths -----------------------------------------------

@pytest.mark.parametrize("text", [
    "特别授权 代为承诺 纸上写得清清楚楚的 恁放心",
    "不是光叫俺跑腿 纸上写着嘞 代他承诺 特别授权",
    "写了 写了 俺看了 上头写着叫俺替他承诺 特别授权",
    "没有不写 委托书上写着嘞 叫刘洋代他作告知承诺",
])
def test_paper_and_split_statement(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "纸上好像写着特别授权", "复印件上写得清清楚楚的",
    # the words alone tell no document; someone else let act; an ordinary errand; a hedge; a plan
    "叫刘洋代他作告知承诺", "委托书上写着嘞 叫李四代他作告知承诺", "委托书上写着嘞 叫刘洋代他作告知承诺吧",
    "委托书上写着嘞 要叫刘洋代他作告知承诺", "委托书上写着嘞 叫刘洋代他办手续",
])
def test_paper_and_split_statement_look_alikes(text):
    assert not _yes(text)


@pytest.mark.parametrize("text", ["纸上没写", "他嘴上跟我说了可以替他承诺，纸上没写"])
def test_paper_says_no(text):
    assert _no(text)


# --- the ordinary kind, or the absence, denied before the statement ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "不是普通代办的那种，我爸专门写的特别授权，委托书上写着让我代他承诺",
    "本次委托并非一般授权，委托书明确载有代为作出告知承诺的特别授权事项",
    "不是一般代理，是特别代理，委托书权限里写了代为承诺",
    "委托书上不是没写，你听我说，第二行就是“特别授权代为作出告知承诺”",
    "不光写了代办，代为承诺也写进委托书了，是特别授权",
])
def test_denied_ordinary_or_absence(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "不是普通代办的那种", "不是一般代理，是特别代理", "本次委托并非一般授权，委托书应该写了特别授权",
    "不是普通代办的那种，我写的特别授权", "委托书上不是没写", "委托书上不是没写，你听我说，好像是特别授权",
    "不光写了代办，代为承诺要写进委托书", "不光写了代办",
])
def test_denied_ordinary_or_absence_look_alikes(text):
    assert not _yes(text)


# --- corrections that end on the statement --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没写 哎不对 俺把纸拿反了 写了 写着代为作出告知承诺",
    "没写明……等会儿我戴上眼镜……写明了，特别授权代为承诺，有的",
    "抱歉刚才说错了，我们的委托书有特别授权条款，明确写了代为作出告知承诺",
    "初看以为是一般授权……更正：委托书第4项为代为作出告知承诺，属于特别授权",
    "写的代为承诺吗？我翻一下……嗯，写的是“代为作出告知承诺”，特别授权",
])
def test_corrections_ending_on_the_statement(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    "没写 哎不对 俺把纸拿反了 写了吧", "哎不对 写了", "抱歉刚才说错了，好像有特别授权", "抱歉，写明了特别授权",
    # after the glasses a bare 写了 may be anything the page holds
    "没写明……等会儿我戴上眼镜……写了", "没写明……等会儿我戴上眼镜",
    # the question to oneself without a look, with a hedge after the look, someone asked, or a real question
    "写的代为承诺吗？写了", "写的代为承诺吗？我翻一下……嗯，写了吧", "写的代为承诺吗？我问问我爸……写了",
    "要写代为承诺吗？我翻一下……写了", "有特别授权吗？我看看……有",
])
def test_corrections_look_alikes(text):
    assert not _yes(text)


@pytest.mark.parametrize("text", [
    "写了 哎不对 俺把纸拿反了 没写", "写明了特别授权 不对不对 那是去年那张 今年这张没写",
    "写的代为承诺吗？我翻一下……没写",
])
def test_corrections_ending_on_a_no(text):
    assert _no(text)


def test_corrected_to_a_hedge_is_asked_again():
    assert _read("写明了特别授权 不对不对 那是去年那张 今年这张写了吧").kind == "clarify"


# --- the formal register: a form's field, 为, 属于 ----------------------------------------------------------------------

def test_form_field_filled_with_the_commitment():
    assert _yes("特别授权一栏填写：代为作出告知承诺；代为签收文书")


@pytest.mark.parametrize("text,kind", [
    ("特别授权一栏填写：无", "negated"), ("特别授权一栏填写：代为签收文书", "negated"), ("特别授权一栏填写", "clarify"),
    ("不属于特别授权", "clarify"), ("属于一般授权", "negated"), ("委托书第4项为代为办理", "negated"),
])
def test_formal_register_look_alikes(text, kind):
    assert _read(text).kind == kind


# --- remarks after the statement --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "您好，委托书已写明特别授权，原件已扫描上传",
    "写明了 特别授权 老赵签的字 按的手印 都中",
    "写明了特别授权 代赵强作出告知承诺 村委会给盖的章",
    "写明了特别授权 俺这老花眼瞅了三遍 错不了",
    "写明了特别授权，这一项我们代办公司每单都核，您放心",
    "写明了特别授权，你们这比银行办卡还严格啊",
    "写了特别授权代为承诺 俺跟老赵几十年老哥们了 他信得过俺",
    "写明了，代为作出告知承诺，我们家老赵写字可认真了，一笔一划的",
    "写了代为承诺 特别授权 就是字有点歪 哈哈",
    "不是木有写 是写到背面了 特别授权代为承诺",
])
def test_remarks_after_the_statement(text):
    assert _yes(text)


@pytest.mark.parametrize("text", [
    # someone other than the principal signing; an office signing rather than stamping
    "写明了特别授权 李四签的字", "写明了特别授权 老王签的字", "写明了特别授权 村委会给签的字",
    # a hedge, a negation, something false in the comparison, distrust
    "写明了特别授权 俺这老花眼瞅了三遍 好像错不了", "写明了特别授权，这一项我们每单都没核",
    "写明了特别授权 你们这比假的还严格", "写明了特别授权，他信不过我",
    "写了特别授权代为承诺 俺跟老赵几十年老哥们了 他不信得过俺",
    # the speaker's own hand, a hand that cannot be read
    "写明了，代为作出告知承诺，我写字可认真了", "写了代为承诺 特别授权 就是字有点潦草 哈哈",
    "写了代为承诺 特别授权 就是字看不清 哈哈",
    # alone, or a bare 写了 beside where on the page
    "原件已扫描上传", "写到背面了", "写到背面了 写了",
])
def test_remarks_look_alikes(text):
    assert not _yes(text)


# --- the no ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "委托事项仅限于代为递交材料、代为领取证照",
    "委托书内容：兹委托刘洋代为办理赵强的相关事项",
    "委托书里是有“承诺”两个字，写的是“受托人承诺如实提交材料”",
    "有特别授权，但授权的是代为签收和代为申请复议",
    "就写了代我爸办手续，承诺那块儿没写",
    "那纸上写的 就是叫俺帮他办办手续",
    "他就跟俺说了一声 没写啥纸",
])
def test_ordinary_powers_or_none(text):
    assert _no(text)


@pytest.mark.parametrize("text,kind", [
    # the list closed, yet the commitment in it: a contradiction
    ("委托事项仅限于代为递交材料、代为作出告知承诺", "clarify"),
    # a quote from the letter (maybe its opening line only), not its content given
    ("委托书：兹委托刘洋代为办理低保申请", "clarify"),
    ("委托书内容：兹委托刘洋代为办理低保申请并作出告知承诺", "value"),
    # after the concession only a no is taken; the concession alone answers nothing
    ("委托书里是有“承诺”两个字，写的是“受托人代为作出告知承诺”", "clarify"), ("委托书里是有“承诺”两个字", "clarify"),
    # without 但 what the grant covers is not set against it
    ("有特别授权，授权的是代为签收", "clarify"), ("有特别授权，但授权的是代为作出告知承诺", "value"),
    ("今年这张写了", "clarify"),
])
def test_ordinary_powers_look_alikes(text, kind):
    assert _read(text).kind == kind


# --- the term asked about, the requirement objected to, the errand given up ------------------------------------------

@pytest.mark.parametrize("text", ["啥叫特别授权 俺不懂", "啥叫特别授权"])
def test_term_asked(text):
    assert _read(text).kind == "question"


@pytest.mark.parametrize("text", ["特别授权是啥我也不懂", "写明了特别授权 俺不懂", "他是我亲舅舅，还写啥特别授权啊"])
def test_not_knowing_or_objecting_is_asked_again(text):
    assert _read(text).kind == "clarify"


@pytest.mark.parametrize("text", ["那我不代他承诺了，让他自己来吧", "那我不代他承诺了，让赵强自己来吧"])
def test_proxy_given_up(text):
    assert _read(text).kind == "cancel"


@pytest.mark.parametrize("text", [
    "我不代他承诺了", "要是没写我就不代他承诺了，让他自己来吧", "我不能代他承诺，让他自己来吧", "不代他承诺了，让他儿子来吧",
    "让他自己来吧",
])
def test_proxy_given_up_look_alikes(text):
    assert _read(text).kind not in ("cancel", "value")
