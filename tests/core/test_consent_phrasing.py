""""I have read the notice" and the special authorisation (bot/core/consent.py) for classes of everyday phrasing:
the reading said with the object first, with 把, with a lead or a tail that adds nothing against it; the document
described beside the answer (signed, sealed, in hand, where the words stand, its number). Each accepted class
has look-alikes that must not be taken for a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from bot.core.reading import Context
from tests.core.speakers import PROXY, SELF


@pytest.mark.parametrize("text", [
    "阅读完成", "读完毕", "已读完毕", "我看好了", "读好了", "从头看到尾了", "一字不落看完了", "我把七条都看完了",
    "我把告知书看完了", "告知书七条我已一一阅读完毕", "本人已逐条阅读上述告知内容，完全知悉", "上面的我都看完了",
    "看完了也看懂了", "看了两遍了", "看完了哈", "行，看完了", "好了看完了", "呃那个我都看完了", "ＹＥＳ已阅读",
    "确认已阅读", "本人确认已阅读", "看完了，没啥问题", "已阅读，无异议", "看完了，没意见", "已阅读，麻烦下一步",
    "看完了看完了快点", "看完了嗯", "您念的我都听完了", "看完了，前面几条还看了两遍", "我都看完了可以了吧",
    "七条我都看了", "我都认真看了", "全部都看了", "告知书我全都仔细读了",
])
def test_reading_statements(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    "看好了吗", "从头看到尾了吗", "我把告知书看了一半", "一条都没看", "一个字都没看", "看完了，有一条没看",
    "看完了，不过有几条不明白", "没看完，但是可以下一步", "看完了吧", "已阅读，无异议吗", "我妈看完了", "他看完了",
    "别人帮我看完了", "看完了没意见才怪", "已阅读（其实没看）", "已阅读哈哈", "已阅读😂", "没异议", "无异议", "没意见",
    "确认", "我确认", "确认，下一步", "一条不落都看了", "已知悉", "看了两遍吧",
    # 都看了 said of a part, with a glance, hedged, by someone else, or asked
    "前面都看了", "前几条我都看了", "看了几条", "我都看了一下", "看了看", "瞄了一眼", "应该都看了", "大概都看了",
    "好像都看了", "差不多都看了", "我妈都看了", "都看了吗", "都看了？", "看了",
])
def test_reading_look_alikes(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    "写明了特别授权，在委托书第三项", "写明了特别授权，我刚拍照对过了", "俺爹的委托书上写明了特别授权",
    "写明了特别授权的，放心", "写明了特别授权，代为作出告知承诺，编号SQ2026-0156", "公司出具的委托书写明了特别授权，盖了公章",
    "经核对，该授权委托书第二款明确载明特别授权受托人代为作出告知承诺", "写明了特别授权，我爸亲笔签的",
    "写明了特别授权，赵强签了字", "写明了特别授权代为作出告知承诺，还按了手印", "有特别授权，他签过字的",
    "写明了特别授权，委托书我带着呢", "写明了特别授权，原件在我手上", "写明了特别授权，你们可以核对",
    "写明了特别授权，委托书是公证过的", "委托书写明了特别授权，上面有他的签名", "写明啦特别授权", "对的写明了",
    "委托书里有特别授权这一条", "我确认写明了特别授权", "写明了特别授权，没问题",
])
def test_special_authorisation_with_facts_about_the_document(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # a fact that takes the yes back, or a document that does not say it
    "写明了特别授权，但他还没签字", "写明了特别授权，可是没盖章", "写明了特别授权，不过是复印件", "写明了特别授权，委托书我没带",
    "写明了特别授权代为办理", "他签了字，写了代为办理", "写明了代为办理，盖了公章", "我爸签的，没写特别授权",
    # facts alone say nothing of the scope
    "上面有他的签名", "签了字", "原件在我手上", "你们可以核对", "委托书是公证过的", "编号SQ2026-0156", "放心吧", "没问题",
    "该委托书写明", "这份委托书", "12345", "no", "asdf",
    # doubt, questions, hedges
    "写明了特别授权？", "写明了特别授权吧", "好像写明了特别授权", "写明了特别授权，我看看", "写明了特别授权（我猜的）",
])
def test_special_authorisation_look_alikes(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text", [
    "只係寫咗代辦手續", "特别授权那一栏没打勾", "没写明 我回头让我爸补一份", "我们就写了个代为办理，别的没写",
    "写明了特别授权，哦不对那是另一份，这份没写",
])
def test_ordinary_or_absent_authorisation_is_negated(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    "已阅读，感谢", "已阅读 谢谢您", "看完了，没有疑问", "已阅读，辛苦了", "读完了，懂了", "已阅读，好的",
    "阅读完了，可以承诺了", "已阅读，我承诺", "看完了，条件我都符合", "已阅读，知晓法律责任", "看完了，责任我清楚",
    "看完了，明白要承担责任", "已阅读，明白了不实承诺的后果", "已读，收到",
    # the next step asked for after the reading
    "已阅读，然后呢", "已阅读，接下来呢", "已阅读，下面怎么弄", "已阅读，请问下一步是什么",
])
def test_reading_with_courtesy_or_the_next_step(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    "已阅读，我不承诺" , "看完了，条件我不符合", "看完了，责任我不清楚", "看完了，有疑问", "没看完，然后呢",
    "已阅读，然后呢哈哈", "看了，然后呢", "已阅读，然后要交什么材料", "已阅读？然后呢",
])
def test_reading_with_more_look_alikes(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    "写了可以代他做承诺", "他授权我替他承诺", "都写明了", "明确写明了", "委托书上有这句话", "有这一条", "上面写着呢",
    "写清楚了", "写得很清楚", "委托书写得明明白白", "写明了特别授权啊", "写明了特别授权嘛",
])
def test_special_authorisation_said_of_the_document(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    "没有这一条", "有这一条吗", "这一条没有", "写得不清楚", "没写清楚", "他授权我替他办理", "替他承诺？", "有", "写得很清楚吗",
    "写清楚了代为办理",
    # a power the speaker claims, with no word of the principal's grant or of the document
    "我可以代他承诺", "我可代他承诺", "我能代他承诺", "我有权代他承诺", "可以代他承诺", "我代他承诺", "我当然能替他承诺",
])
def test_special_authorisation_said_of_the_document_look_alikes(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text", [
    "承诺书我看完了", "须知我看完了", "你发的内容我看完了", "你说的我都听完了", "全部7条已阅读", "第一条到第七条都看完了",
    "我一条条看完了", "逐字看完了", "看完了，没落下", "看完了，也都理解了", "我都看懂了",
])
def test_reading_named_by_what_was_sent(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    "我妈看懂了", "没看懂", "看不懂", "承诺书我没看完", "你发的我没看", "第一条到第三条看完了", "前三条都读了", "看懂了一半",
])
def test_reading_named_by_what_was_sent_look_alikes(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    "看了三遍了", "早就看完了", "通读了一遍", "读毕", "这个我看过了", "我看完那七条了", "已阅知", "已经看了，看完了",
    # read aloud to the speaker
    "我让孙子给我念了一遍", "孙子给我念完了", "我听你念完了", "我让孙子给我念了一遍，都听明白了",
    # what follows the reading: remarks, the go-ahead, nothing unclear, the liability understood
    "看完了，好长啊", "嗯，我读完了，讲得挺明白", "看完了，没有不明白的地方", "都看完了，没啥不明白的",
    "都看完了，可以开始了", "看完了，开始吧", "读完了，有问题再问你", "看完了，第五条法律责任也看了",
    "已经阅读，并且清楚法律后果", "我看完了，我明白不实承诺要担责任", "我已阅读告知书全部内容并知晓相关责任",
    "本人已认真阅读告知承诺书，对所告知事项已全部知晓", "我看完了，我家条件都符合",
    # "all of it" set against "not read"; who the speaker is, before the answer
    "不是没看，是都看了", "我七十多了，眼睛不好，让儿子给我念了一遍", "我眼睛花，闺女给我念完了",
])
def test_more_reading_statements(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text,kind", [
    ("帮我念一下", "repeat"), ("念给我听听", "repeat"), ("给我念完了吗", "question"), ("他帮我念了一半", "clarify"),
    ("我孙女给我念了一遍，没太听懂", "clarify"), ("看完了，还有不懂的", "clarify"), ("看完了，有不明白的", "clarify"),
    ("看完了，第五条没看", "clarify"), ("没有不明白的", "clarify"), ("看了看", "clarify"), ("这个我看了", "clarify"),
    ("好长啊", "clarify"), ("不是没看，是看了一半", "clarify"), ("不是没看，是都看了吗", "clarify"),
    ("我七十多了眼睛不好，让儿子念给我听了", "clarify"), ("让儿子念给我听", "clarify"),
])
def test_more_reading_look_alikes(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("特别授权那栏勾了", "value"), ("勾选了特别授权", "value"), ("委托书上有特别授权那一项，打了勾", "value"),
    ("我拿的是特别授权委托书", "value"), ("委托权限：特别授权", "value"), ("不是一般授权，是特别授权", "value"),
    ("是特别授权不是一般授权", "value"),
    ("打了勾", "clarify"), ("好像勾了特别授权", "clarify"), ("特别授权那栏勾了吗", "question"), ("不是一般授权", "clarify"),
    ("特别授权那栏没勾", "negated"), ("不是特别授权，是一般授权", "negated"), ("委托书还没写", "negated"),
    ("咁我唔幫佢辦喇", "cancel"),
])
def test_more_special_authorisation_forms(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("我睇完晒", "value"), ("冇問題，睇完喇", "value"), ("谁说我没看，我都看完了", "value"), ("没有没看，都看完了", "value"),
    ("我没有不看，我看完了", "value"), ("看完了，没毛病", "value"), ("看完了，OK的", "value"), ("看完了，确认无误", "value"),
    ("谁说我没看", "clarify"), ("没有没看", "clarify"), ("我没看", "clarify"),
])
def test_reading_in_dialect_and_with_two_negations(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("他在委托书上写了授权我替他承诺", "value"), ("系，写明咗", "value"), ("系特别授权", "value"), ("係特別授權嚟嘅", "value"),
    ("写明了特别授权，放心吧", "value"), ("写明了特别授权，你们核实吧", "value"), ("有特别授权，我爸专门写的", "value"),
    ("写明了特别授权，委托书等下拍照给你们", "value"), ("写明了特别授权和代为承诺", "value"),
    ("系", "clarify"), ("写明了吧", "clarify"), ("放心吧", "clarify"), ("你们核实吧", "clarify"), ("委托书", "clarify"),
])
def test_more_authorisation_words(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")


@pytest.mark.parametrize("ctx,text,kind", [
    (SELF, "我们都看完了", "value"), (SELF, "我和我老伴一起看完了", "value"), (SELF, "我替我爸看完了", "clarify"),
    (SELF, "本公司已阅读", "clarify"), (SELF, "我妈看完了", "clarify"),
    (PROXY, "我替我爸看完了", "value"), (PROXY, "我代他看完了", "value"), (PROXY, "受托人已阅读", "value"),
    (PROXY, "我看完了，也给我爸念了", "value"), (PROXY, "我已阅读，申请人也知道了", "value"), (PROXY, "我爸看完了", "clarify"),
    (PROXY, "他看完了", "clarify"), (PROXY, "别人帮我看完了", "clarify"),
    (ENTERPRISE, "本公司已阅读", "value"), (ENTERPRISE, "法人已阅读", "value"), (ENTERPRISE, "公司这边看完了", "value"),
    (ENTERPRISE, "我们法务看过了", "clarify"),
])
def test_who_read_it(ctx, text, kind):
    assert notice_read(text, ctx).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("委托书上就一句：委托刘洋办理相关事宜", "negated"), ("委托刘洋办理相关事宜", "clarify"), ("委托书上就一句", "clarify"),
])
def test_the_whole_document_quoted(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # the commitment named in the clerk's words: made, signed or listed among the powers
    ("委托书上写了可以代为承诺", "value"), ("授权里有代签承诺书", "value"), ("授权书上写着他可以替我爸签告知承诺书", "value"),
    ("委托书写的全权委托，包括代为作出告知承诺", "value"), ("授权内容包括签署告知承诺书", "value"),
    ("委托书上写的代理权限有作出承诺", "value"), ("委托书上写着受托人有权代为作出承诺", "value"), ("授权我全权处理，包括承诺", "value"),
    ("委托书上有代为作出告知承诺这句", "value"),
    # 全权 names no commitment: an ordinary authorisation unless the same answer names it
    ("全权委托", "negated"), ("委托书上写了全权代理我办理", "negated"), ("全权委托我代为办理一切事宜", "negated"),
    ("全权委托，没说能不能承诺", "negated"), ("授权我全权处理，不包括承诺", "negated"),
    ("委托书上没写可以代为承诺", "negated"), ("授权里没有代签承诺书", "negated"), ("授权内容不包括承诺", "negated"),
    # look-alikes: hedged, asked, mocked, the commitment form as a thing, someone asking the speaker to write it
    ("全权委托，应该包括承诺吧", "clarify"), ("委托书上好像写了可以代为承诺", "clarify"), ("授权里有代签承诺书，哈哈骗你的", "clarify"),
    ("委托书上写了可以代为承诺吗", "question"), ("授权里有代签承诺书吗", "question"), ("全权委托，能不能承诺？", "question"),
    ("我有承诺", "clarify"), ("委托书上有承诺", "clarify"), ("委托书上有承诺书", "clarify"), ("包括承诺书", "clarify"),
    ("他签了承诺书", "clarify"), ("他叫我写特别授权", "clarify"), ("写明了特别授权代为办理", "clarify"),
    # a plain 是 before the document's words
    ("係寫明咗", "value"), ("是写明了", "value"), ("是写了代为办理", "negated"),
    # the principal named, 帮 for 代, the words themselves pointed at
    ("委托书上写的可以帮他承诺", "value"), ("委托书写着刘洋可以代表赵强承诺", "value"), ("委托书上有特别授权的字样", "value"),
    ("有写明", "value"), ("赵强代表刘洋承诺", "clarify"), ("代表刘洋承诺", "clarify"), ("我代表公司承诺", "clarify"),
    ("代表我承诺", "clarify"), ("他让我帮他承诺", "clarify"), ("我可以帮他承诺吗", "question"), ("他帮我承诺", "clarify"),
])
def test_the_commitment_named_in_the_authorisation(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # listened to in full, or read out in full to someone who cannot read the print
    ("我都听明白了", "value"), ("我都听了", "value"), ("我听了一遍", "value"), ("儿子念给我听过了", "value"),
    ("眼睛不好，让孙女念了一遍", "value"), ("我不识字，儿子给我念完了", "value"), ("我都看了啊", "value"),
    # not finished, not the speaker, only a glance, or asked
    ("我不识字，儿子给我念", "clarify"), ("我不识字，看完了", "clarify"), ("听了一半", "clarify"), ("我妈听懂了", "clarify"),
    ("听了", "clarify"), ("我听了", "clarify"), ("听了一下", "clarify"), ("让他念了一半", "clarify"),
    ("让儿子念完了吗", "question"), ("他念给我听了吗", "question"),
])
def test_the_notice_heard(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    # the principal grants it; written or signed by the speaker, or for the principal, it confirms nothing
    ("我帮他写特别授权", "clarify"), ("特别授权我帮他写", "clarify"), ("由我写特别授权", "clarify"), ("我签的特别授权", "clarify"),
    ("我帮我爸写了特别授权", "clarify"), ("我代表他写特别授权", "clarify"), ("特别授权是我写的", "clarify"),
    ("特别授权由我签", "clarify"),
    ("他写了特别授权", "value"), ("我爸写了特别授权", "value"), ("我爸签的特别授权", "value"), ("特别授权是我爸写的", "value"),
])
def test_who_wrote_the_authorisation(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # polite padding, contact details, a dialect yes and the document described beside the scope change nothing
    ("有的 委托书上写着特别授权代为作出告知承诺 麻烦您了", "value"), ("您好，委托书上写明了特别授权代为作出告知承诺，谢谢", "value"),
    ("委托书写明了特别授权代为作出告知承诺 我电话13812345678有事打我", "value"), ("是滴，委托书写明了代为作出告知承诺", "value"),
    ("委托书上写的是：特别授权刘洋代为签署告知承诺书", "value"), ("委托书我看了，第二项就是代为作出告知承诺", "value"),
    ("书面委托书写明了特别授权，包括代为承诺", "value"), ("委托书是我老丈人亲笔签的 特别授权 代为作出告知承诺", "value"),
    ("委托事项写的是代为申请低保并作出告知承诺", "value"), ("委托书写了，特别授权，代为作出告知承诺，在社区盖过章", "value"),
    ("委托书第一条：代为作出告知承诺；第二条：代为签收文书", "value"),
    # the same padding beside no scope, or beside a no
    ("谢谢", "clarify"), ("麻烦您了", "clarify"), ("我电话13812345678", "clarify"), ("在社区盖过章", "clarify"),
    ("委托书我看了", "clarify"), ("委托书上写着", "clarify"), ("是滴", "clarify"), ("委托事项写的是代为申请低保并领取", "clarify"),
    ("委托书是我自己签的，特别授权代为作出告知承诺", "clarify"), ("委托书上写着特别授权，谢谢，开玩笑的", "clarify"),
    ("谢谢，委托书没写承诺", "negated"), ("委托书上写的是：代为办理", "negated"),
    ("委托书写明了代为申请低保并作出告知承诺，但我爸还没签字", "negated"),
    # no document, said in dialect or with 啥; the commitment's own line denied
    ("木有委托书，俺爹不识字", "negated"), ("俺爹就说了句让俺办，没写啥委托书", "negated"),
    ("委托书写的代为办理，承诺那条没写", "negated"), ("委托书上写的是全权委托，没单独写承诺", "negated"),
    ("有啥委托书", "question"),
])
def test_special_authorisation_with_padding(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("看完嘞，中", "value"), ("看了 全部看完了 得劲", "value"), ("看完了看完了，谢谢小姑娘", "value"),
    ("都看完了，没啥要问的", "value"), ("读完咧，没得问题", "value"), ("早上就看完了", "value"),
    ("全看完了 麻烦快点 我还要接孩子", "value"), ("全部读完了，咱接着往下办吧", "value"),
    ("我眼神不好，拿放大镜一个字一个字看完了", "value"), ("都读完了俺儿子在旁边陪俺看的", "value"),
    ("告知书看完了，我明白要是说假话要担责任", "value"), ("我看完了 第一部分到第七部分都看了", "value"),
    ("从第1条至第7条看完了", "value"),
    # the same words without a finished reading of all of it, or with a doubt beside them
    ("我儿子陪我看的", "clarify"), ("早上看了", "clarify"), ("早上就看了一眼", "clarify"), ("拿放大镜看了看", "clarify"),
    ("我明白要是说假话要担责任", "clarify"), ("我看完了 第一部分到第五部分都看了", "clarify"), ("接着往下办吧", "clarify"),
    ("看完了吧，咱接着办吧", "clarify"), ("差不多看完了，咱接着往下办吧", "clarify"), ("没看完，没啥要问的", "clarify"),
    ("看完了，要是说假话不用担责任吧", "clarify"), ("看完了，谢谢，不过第三条没看懂", "clarify"), ("看完了，中不中", "clarify"),
    ("谢谢", "clarify"),
])
def test_reading_with_dialect_and_padding(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    # Henan particles, the photo or the original offered, the duty known, later questions, reassurance
    ("委托书上写明了，特别授权代为作出告知承诺，谢谢您嘞", "value"), ("写着嘞，特别授权代为作出告知承诺", "value"),
    ("有嘞，委托书写明了特别授权", "value"), ("委托书写明特别授权代为作出告知承诺，我把照片发给你们", "value"),
    ("委托书上写明了特别授权，我带着原件来的", "value"), ("有嘞", "clarify"), ("没有嘞", "clarify"),
])
def test_special_authorisation_second_round(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("都看完了，我知道不能说假话", "value"), ("看完了，我晓得了", "value"), ("已阅读 身份证410105199001011233", "value"),
    ("看完了，都能看懂", "value"), ("俺看完了 你接着说", "value"), ("全都看完了 有不懂的再问你", "value"),
    ("告知书我看完了，您放心", "value"), ("看完了，放心吧", "value"),
    ("我知道不能说假话", "clarify"), ("看完了，不能说假话", "clarify"), ("看完了吧，放心吧", "clarify"),
    ("没看完，有不懂的再问你", "clarify"), ("看完了，不懂", "clarify"), ("看完了，你放心吧我没看", "clarify"),
])
def test_reading_second_round(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("一条一条看下来了", "value"), ("通篇看完了", "value"), ("看好啦", "value"), ("我们老两口一起看完了", "value"),
    ("我们一家人都看完了", "value"),
    ("看下来吧", "clarify"), ("通篇看了看", "clarify"), ("我们一起看了看", "clarify"), ("我们老两口看了一半", "clarify"),
    ("看好啦？", "question"),
])
def test_reading_said_through_to_the_end(text, kind):
    assert notice_read(text, SELF).kind == kind


@pytest.mark.parametrize("text,kind", [
    # the principal grants the authorisation: a document signed by someone else confirms nothing
    ("委托书是王五签的，写明了特别授权", "clarify"), ("委托书是邻居签的，写明了特别授权", "clarify"),
    ("委托书是律师签的，写明了特别授权", "clarify"), ("写明了特别授权，邻居也签了字", "clarify"),
    ("委托书是赵强签的，写明了特别授权", "value"), ("写明了特别授权，上面有申请人的签名", "value"),
    ("写明了特别授权，俺爹按了手印", "value"), ("写明了特别授权，也是他签的", "value"),
    ("委托书上写了授权我代他签告知承诺书，还按了手印", "value"),
])
def test_who_signed_the_authorisation(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # the prompt quoted back, or "回复：" before the words asked for
    ("读完后回复已阅读——已阅读", "value"), ("您说读完后回复已阅读，那我回复：已阅读", "value"), ("回复“已阅读”", "value"),
    ("您说读完后回复已阅读，那我回复：还没看完", "clarify"), ("你说的我不懂，已阅读", "clarify"),
    # a question about the procedure after the reading
    ("看完了，请问大概几个工作日能办好", "value"), ("已阅读。承诺以后还需要去窗口吗？", "value"),
    ("已阅读，然后要交什么材料", "clarify"), ("看了一半，请问几天能办好", "clarify"), ("已阅读？几天能办好", "clarify"),
    # the notice by other names, counted, or spaced out
    ("上面那一大段我都看完了", "value"), ("这个文件我从头看到尾了", "value"), ("1到7条都看了", "value"),
    ("那几个条款我都读过了，明白了", "value"), ("告知的7项内容已全部阅读", "value"), ("已 阅 读", "value"),
    ("看完了一段", "clarify"), ("这几条我看完了", "clarify"), ("前面那几条都看完了", "clarify"), ("1到3条都看了", "clarify"),
    # who the speaker is and for whom, said beside the reading
    ("看完了，我叫张伟，身份证410105199001011233", "value"), ("看完了，我叫李四", "clarify"), ("看完了，我是瞎说的", "clarify"),
    # read aloud to the speaker ("念给我听的"), deferred ("等下再看"), a retort
    ("让我孙子念给我听的，都听完了", "value"), ("看了前三条，后面的等下再看", "clarify"),
    ("看完了吗？你问我我问谁", "clarify"), ("ok了ok了 都读完了", "value"), ("俺瞅了三遍了，都瞅明白了", "value"),
])
def test_reading_with_the_question_around_it(text, kind):
    assert notice_read(text, SELF).kind == kind


def test_reading_for_someone_else_said_first():
    assert notice_read("我是代我爸办的，告知书我看完了", PROXY).kind == "value"
    assert notice_read("我是代我爸办的，告知书我爸看完了", PROXY).kind == "clarify"


@pytest.mark.parametrize("text,kind", [
    # the question quoted back, "回复：", a question about the procedure after the answer
    ("您问是否写明特别授权代为作出告知承诺——是的，写明了", "value"), ("是否明确写明？明确写明了，特别授权代为作出告知承诺", "value"),
    ("回复：写明了特别授权", "value"), ("我回复“写明了特别授权”", "value"), ("回复：没有写明", "negated"),
    ("写明了特别授权代为作出告知承诺，原件要不要拿过去给你们看？", "value"), ("写明了特别授权。请问下一步要填什么", "value"),
    ("写明了特别授权……吧？我再看看", "clarify"), ("写明了特别授权，请问口头授权算不算", "question"),
    # the document by another name, pointed at, dated, signed, told in one's own words
    ("公证书上写的：特别授权刘洋代为作出告知承诺", "value"), ("那张授权委托书第三行就是“特别授权代为作出告知承诺”", "value"),
    ("委托书是3月5号在公证处办的，我爸亲笔签名，授权范围里有代为作出告知承诺这一项", "value"),
    ("委托书末尾有我爸的签名和日期，正文写着特别授权我代为作出告知承诺", "value"),
    ("委托书里说的是我可以替我爸作出告知承诺，不用他本人来", "value"),
    ("委托书的意思就是让我代他作出告知承诺，后果他自己承担", "value"),
    ("委托书写的：委托人赵强特别授权受托人刘洋代为作出告知承诺，并承担不实承诺的法律后果", "value"),
    ("写 明 了 特 别 授 权", "value"), ("ok 写明了特别授权", "value"), ("嗯呐 写明白了 特别授权代为作出告知承诺", "value"),
    ("对对对 写明了 特别授权 代为作出告知承诺 委托书上有", "value"),
    # the same shapes that grant nothing
    ("我姐的意思是让我代他承诺，委托书在我这", "clarify"), ("他让我代他承诺", "clarify"), ("委托书上有", "clarify"),
    ("委托书是3月5号签的", "clarify"), ("那张委托书我爸签了字", "clarify"),
    ("公证过的，3月份签的，我爸签了名，写的是代为办理低保相关事宜", "negated"),
    ("上面有一条是代为签收文书，还有一条是代为领取", "negated"),
    ("委托书写了代为申请、代为提交材料、代为领取证照，就这三样", "negated"),
    ("代为作出告知承诺那条我爸划掉了", "negated"), ("特别授权那条没划掉", "clarify"),
    ("委托书写明了特别授权代为领取补贴", "clarify"),
])
def test_authorisation_with_the_question_around_it(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text", [
    "写明了特别授权，委托书末尾有我的签名", "写明了特别授权，请问原件要带吗？其实是我自己写的", "是否写明？我记得写明了",
    "委托书是3月5号我自己签的，写明了特别授权", "写明了特别授权，请问几天能办好？开玩笑的",
])
def test_authorisation_look_alikes_around_the_question(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text,kind", [
    # complaints about the process and the speaker's circumstances first: the answer is what follows them
    ("你们这个东西字太多了，我眼睛又不好，让我孙子一条一条念给我听的，都听完了", "value"),
    ("我早上排队排了两个小时，你们线上这个还要看这么长，算了不抱怨了，全部看完了", "value"),
    ("跑了三趟了，已阅读", "value"),
    ("太长了，没看完", "clarify"), ("字太多了，看了一半", "clarify"), ("排队排了两个小时，看完了吧", "clarify"),
    ("太长了，等下再看，看完了", "clarify"), ("你们这个系统真难用，看完了吗", "question"),
])
def test_reading_after_a_complaint(text, kind):
    assert notice_read(text, SELF).kind == kind


# --- an answer denied twice or taken back, then the plain answer: the last clean answer decides --------------------

@pytest.mark.parametrize("text", [
    # a double negation, then the reading itself
    "不是没看，我已经看完了", "我并非没有阅读，告知书七部分我都读完了", "哪里没看了，我已经全部看完了",
    # a "not read" named wrong, then the reading itself
    "没看，不对，我已经看完了", "还没看完，说错了，全部看完了", "没读，更正一下，告知书我已经读完了",
    "第三条没看完，不对，是看完了，全都看完了",
    # courtesy first, a remark and 不过 before all of it, reading glasses put on
    "您好，告知书我从头到尾认真看了一遍，七个部分都看完了", "看完了，字有点多，不过都看了", "刚才戴上老花镜一条一条看完了",
])
def test_reading_after_a_double_negation_or_a_correction(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    # the double negation alone, or what follows it not a whole reading of one's own
    "不是没看", "我并非没有阅读", "没有没看", "不是没看，看了个大概", "不是没看，我老伴看完了",
    "不是没看，要是必须的话算看完了", "不是没看，看完了吗？", "不是没看，还没看完",
    # corrected, and what follows is hedged, conditional, someone else's, asked, negated, or doubted
    "没看，不对，应该看完了吧", "没看，不对，好像看完了", "没看，不对，要是必须看我就看完了", "没看，不对，我老伴看完了",
    "没看，不对，看完了吗？", "看完了，不对，还没看", "看完了，说错了，还差两条", "没看，不对，我看完了，不过没看懂",
    "没看，不对，看完了，等等我再看看",
    # the same leads before a hedge or someone else's reading
    "您好，好像看完了", "您好，我老伴看完了", "看完了，字有点多，不过没看懂", "刚才戴上老花镜看了一半",
])
def test_reading_look_alikes_after_a_double_negation_or_a_correction(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    # a double negation, then what the document says
    "不是没写，写明了特别授权", "不是没有特别授权，委托书写明了代为作出告知承诺", "我爸不是没给我授权，委托书上写明了特别授权",
    # a no named wrong, then what the document says
    "没有，不对，有，写明了代为作出告知承诺", "没写，更正一下，委托书写明了特别授权", "没写？不对不对，写了，写明了特别授权",
    "没写明，啊不对，第四条写明了特别授权代为作出告知承诺",
    # the document's name typed with the keyboard's homophone; the principal named as whose relative the speaker is
    "委拖书上写明了特别授权", "我是赵强的外甥，上面写明了特别授权我代为作出告知承诺",
])
def test_special_authorisation_after_a_double_negation_or_a_correction(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # the double negation alone, or what follows it not a plain statement of the document
    "不是没写", "不是没有特别授权", "并非没有特别授权", "不是没写，应该写明了特别授权", "不是没写，要是需要就写明了特别授权",
    "不是没写，我爸说写明了特别授权", "不是没写，写明了特别授权吗？", "不是没写，写明了特别授权，不过不确定",
    # corrected, and what follows is hedged, conditional, someone else's word, asked, or doubted
    "没写，不对，好像写明了特别授权", "没写，不对，写明了特别授权吧", "没写，不对，要是需要的话写明了特别授权",
    "没写，不对，我爸说写明了特别授权", "没写，不对，写明了特别授权吗？", "没写，不对，写明了特别授权，等等我再看看",
    "没写，不对，写明了特别授权，不过我不确定",
    # a typo in the scope's own words, a hedge, someone else's relative
    "委拖书上写明了特别受权", "委拖书上好像写明了特别授权", "我是王五的外甥，上面写明了特别授权我代为作出告知承诺",
])
def test_special_authorisation_look_alikes_after_a_double_negation_or_a_correction(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text", [
    "写明了特别授权，不对，还是没写", "写明了特别授权，说错了，只写了代为办理", "不是没写，只写了代为办理",
    "不是没有特别授权，是我爸口头答应的",
])
def test_special_authorisation_corrected_to_a_no(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text", [
    # the document by another name, or its photo; an item of its list announced, numbered, or quoted
    "公证委托书写明受托人可代为作出承诺", "委托协议里约定了我可以代他签告知承诺书", "照片里写着：受托人有权代为作出告知承诺",
    "授权书里有一项：代为作出告知承诺", "授权范围（三）代为作出告知承诺并签署承诺书", "包括的，委托范围里有作出告知承诺这一项",
    "委托权限一栏写着“特别授权：代为作出告知承诺”", "写了，授权书上写着“同意由受托人代为作出承诺”",
    # the principal named, or called by how they are related; the papers issued, notarised
    "赵强在委托书里写了，授权我代表他作出承诺", "老爷子的委托书上写了让我替他作出承诺",
    "单位开了介绍信和授权书，授权书写明由刘洋代表委托人作出告知承诺", "是 委托书写着代为作出告知承诺 已经公证过了",
    # an ordinary power with its matter, joined to the commitment
    "委托书：兹委托刘洋代为办理低保申请并作出告知承诺", "委托书上写的是代为办理补贴申请并签署告知承诺书",
    # the list's own "is", and the papers that go with the commitment
    "委托书第二条：受托人权限为代为签署告知承诺书", "写了，特别授权代为签署承诺书及相关文件",
])
def test_special_authorisation_in_the_documents_own_words(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text,kind", [
    # the same leads before an ordinary power, alone, hedged, asked, or written by someone else
    ("授权书里有一项：代为办理", "negated"), ("照片里写着：代为办理", "negated"), ("授权范围（三）代为办理", "negated"),
    ("写着同意由受托人代为办理", "negated"), ("授权书里有一项", "clarify"), ("照片里写着", "clarify"), ("（三）", "clarify"),
    ("已经公证过了", "clarify"), ("单位开了介绍信和授权书", "clarify"), ("包括的", "clarify"),
    ("照片里好像写着代为作出告知承诺", "clarify"), ("委托协议里约定了我可以代他办理手续", "clarify"),
    ("公证委托书写明受托人可代为办理", "clarify"), ("王五在委托书里写了代为作出告知承诺", "clarify"),
    ("老爷子说让我替他承诺", "clarify"), ("他同意我代他承诺", "clarify"), ("委托人同意我代他承诺", "clarify"),
    ("我开了授权书，写明代为作出告知承诺", "clarify"), ("授权书里有一项：代为作出告知承诺吗？", "question"),
    # a general power in one's own words names no commitment; a yes called a joke, then a no
    ("委托书写的是全权代理，什么都能办", "negated"), ("什么都能办", "negated"),
    ("写了代为作出告知承诺，开玩笑的，啥都没写", "negated"), ("写了，开玩笑的", "clarify"),
    ("没写，开玩笑的，写了代为作出告知承诺", "clarify"),
    ("委托书：兹委托刘洋代为办理低保申请", "clarify"), ("兹委托刘洋代为办理低保申请并代为领取", "clarify"),
    ("委托刘洋代为办理并作出告知承诺吗", "question"), ("委托刘洋代为办理并不作出告知承诺", "clarify"),
    ("受托人权限为代为办理", "clarify"), ("受托人权限为代为签署告知承诺书吗", "question"),
    ("写了，特别授权代为办理及相关文件", "clarify"), ("写了，代为签署相关文件", "clarify"),
])
def test_special_authorisation_in_the_documents_own_words_look_alikes(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


@pytest.mark.parametrize("text", [
    "俺看罢了", "读完了，接下来是不是要签字", "工作人员给我念了告知书，我听完了", "我看了，7条都看了，讲信用的那条也看了",
    "看完了，承诺不实要担责这个我懂", "告知的内容我都看了",
])
def test_reading_finished_read_out_or_followed_by_the_next_step(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    "俺看罢了吧", "俺没看罢", "看罢了一半", "工作人员给我念了告知书", "工作人员给我念了告知书，我没听完",
    "工作人员给我念了告知书，我听了一半", "读完了，接下来是不是就算承诺了", "读完了吗，接下来是不是要签字",
    "没读完，接下来是不是要签字", "好像读完了，接下来是不是要签字", "讲信用的那条也看了", "我看了，讲信用的那条也看了",
    "看完了，承诺不实要担责这个我不懂", "承诺不实要担责这个我懂", "仔细读了", "看完啦✌️",
    "告知的内容我看了一半", "告知的内容我妈都看了", "告知的内容我都看了吧", "告知的内容都看了吗",
])
def test_reading_finished_read_out_or_followed_by_the_next_step_look_alikes(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    "没写……等等，写了，第三条写着代为作出告知承诺", "没有，等等，写明了特别授权", "只写了代为办理，等等，写了代为作出告知承诺",
])
def test_special_authorisation_after_a_pause_that_takes_back_the_answer(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # the pause alone, a check not yet done, nothing after it
    "等等", "等等，我看看", "没写……等等，我看看", "没写，等等", "没写，等等，我再看看，写了", "等等，写明了特别授权",
    # after the pause: a hedge, a question, a condition, someone else's word, a joke, a no
    "没写，等等，好像写了", "没写，等等，写了吧", "没写，等等，写明了特别授权吗", "没写，等等，写明了特别授权？",
    "没写，等等，要是需要的话写明了特别授权", "没写，等等，我爸说写明了特别授权", "没写，等等，写明了特别授权哈哈",
    "没写，等等，写明了特别授权，开玩笑的", "写明了特别授权，等等，没写", "没写，等等，写了，但没写代为作出告知承诺",
])
def test_special_authorisation_look_alikes_after_a_pause(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text", [
    "没看，等等，看完了", "没看完……等等，七条都看完了",
])
def test_reading_after_a_pause_that_takes_back_the_answer(text):
    assert notice_read(text, SELF).kind == "value"


@pytest.mark.parametrize("text", [
    "等等", "等等，我看看", "看完了，等等", "没看，等等，我看看", "没看，等等，好像看完了", "没看，等等，看完了吗",
    "没看，等等，要是要求的话就看完了", "没看，等等，我老婆看完了", "没看，等等，看完了哈哈", "看完了，等等，没看完",
])
def test_reading_look_alikes_after_a_pause(text):
    assert notice_read(text, SELF).kind != "value"


@pytest.mark.parametrize("text", [
    # the grant quoted right after the principal's document is named: its 同意 and 本人 are the principal's
    "我爸写的委托书：同意刘洋代表本人作出告知承诺", "委托书：同意刘洋代表本人作出告知承诺", "委托书写着：同意受托人代表本人作出告知承诺",
])
def test_special_authorisation_quoted_as_the_principals_consent(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # no document named, or the speaker's own consent; written by the speaker or a stranger; another grantee
    "同意刘洋代表本人作出告知承诺", "我同意刘洋代表本人作出告知承诺", "我写的委托书：同意刘洋代表本人作出告知承诺",
    "王五写的委托书：同意刘洋代表本人作出告知承诺", "我爸写的委托书：同意王五代表本人作出告知承诺", "我爸说：同意刘洋代表本人作出告知承诺",
    # an ordinary power only; the commitment refused in the last clause
    "我爸写的委托书：同意刘洋代表本人递交材料", "我爸写的委托书：不同意刘洋代表本人作出告知承诺",
    "我爸写的委托书：同意刘洋代表本人办理，不同意作出告知承诺",
    # a hedge, a question, a condition, a joke
    "我爸写的委托书：好像同意刘洋代表本人作出告知承诺", "我爸写的委托书：同意刘洋代表本人作出告知承诺吗",
    "我爸写的委托书：如果需要，同意刘洋代表本人作出告知承诺", "我爸写的委托书：同意刘洋代表本人作出告知承诺哈哈",
    "我爸写的委托书：同意刘洋代表本人作出告知承诺，开玩笑的",
])
def test_special_authorisation_quoted_as_the_principals_consent_look_alikes(text):
    assert special_authorisation(text, PROXY).kind != "value"


def test_special_authorisation_after_an_echoed_no_denied():
    assert special_authorisation("没写？不是，写了，代签告知承诺书", PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # a yes echoed (its 不是 is the answer), the denial alone; then a hedge, a question, a condition, someone else's
    # word, a joke, a negated last clause
    "写了？不是，写了，代签告知承诺书", "没写？不是", "没写？不是，好像写了", "没写？不是，写了吧", "没写？不是，写了，代签告知承诺书？",
    "没写？不是，要是需要就写了", "没写？不是，我爸说写了", "没写？不是，写了，代签告知承诺书哈哈",
    "没写？不是，写了，不过没写代签告知承诺书",
])
def test_special_authorisation_after_an_echoed_no_denied_look_alikes(text):
    assert special_authorisation(text, PROXY).kind != "value"


@pytest.mark.parametrize("text", [
    "赵强给我出的委托书写明了特别授权，我代他作出告知承诺没问题", "委托书写明了代为作出告知承诺没问题",
])
def test_special_authorisation_with_a_reassurance_run_on(text):
    assert special_authorisation(text, PROXY).kind == "value"


@pytest.mark.parametrize("text", [
    # no document named; a hedge, a question, a condition, a joke; a stranger's document or another principal; a no
    "我代他作出告知承诺没问题", "代为作出告知承诺没问题", "委托书写明了特别授权，我代他作出告知承诺没问题吧",
    "委托书写明了特别授权，我代他作出告知承诺没问题吗", "委托书好像写明了特别授权，我代他作出告知承诺没问题",
    "如果委托书写明了特别授权，我代他作出告知承诺没问题", "委托书写明了特别授权，我代他作出告知承诺没问题哈哈",
    "王五给我出的委托书写明了特别授权，我代他作出告知承诺没问题", "委托书写明了特别授权，我代王五作出告知承诺没问题",
    "委托书没写特别授权，我代他作出告知承诺没问题",
])
def test_special_authorisation_with_a_reassurance_run_on_look_alikes(text):
    assert special_authorisation(text, PROXY).kind != "value"
