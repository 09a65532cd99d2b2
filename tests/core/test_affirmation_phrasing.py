"""The commitment read on the whole message (bot/core/affirmation.py), for classes of everyday phrasing: what is
promised said in plain words after 我承诺 (no assets, no lies, the liability for a falsehood), the enterprise's
representative naming their role, and the sentences that only look like a commitment, a refusal or a question.
A miss here is a question asked again; a wrong yes is a legal liability, so every accepted class has its
look-alikes that must stay unaccepted."""
from __future__ import annotations

import pytest

from bot.core.affirmation import classify

ENTERPRISE = "郑州好味餐饮管理有限公司"


def self_kind(text):
    return classify(text, applicant_name="张伟").kind


def enterprise_kind(text):
    return classify(text, applicant_name=ENTERPRISE, applicant_kind="enterprise", representative="王芳").kind


@pytest.mark.parametrize("text", [
    # honesty and the absence of assets, each a clause of its own after the commitment
    "我承诺，我名下没有房，也没有车", "我承诺，我确实没有工作，也没有领别的补贴", "本人承诺，绝无虚言",
    "我承诺，绝不弄虚作假", "本人承诺，决不反悔", "我承诺，没有隐瞒", "我承诺，冇呃人",
    # the liability for a falsehood in everyday words
    "我承诺，有什么问题我负责", "我承诺，有啥事我担着", "我承诺，出了问题我自己兜着", "我承诺，一切后果由我承担",
    "我承诺，如有不实，后果自负", "本人承诺，如有不实，自愿放弃低保资格并承担法律责任",
    "我承诺，如有虚假，愿意取消资格", "我承诺，假的话取消我的低保", "本人承诺，如有虚假，愿接受处罚",
    "我承诺，查出来假的我认罚",
])
def test_what_is_promised_in_plain_words(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # what is not meant, not read, not the speaker's own, not settled
    "我承诺，我没看", "我承诺，没有看完", "我承诺，但没有房", "我承诺，我没有工作，但有收入", "我承诺，骗你们的",
    "我承诺，没骗你，哈哈", "他承诺，没有房", "我妈承诺，没骗人", "我承诺，其实我有房",
    # a liability put on someone else, or none taken
    "我承诺，如有不实，我不负责", "我承诺，出了事别找我", "我承诺，有什么问题找他", "我承诺，有问题你负责",
    "我承诺，有问题我儿子负责", "我承诺，一切后果由他承担", "我承诺，假的话你们看着办",
    # giving something up without a falsity to answer for is no liability clause
    "我承诺，放弃低保", "有什么问题我负责",
    # bare negations and doubles
    "我承诺，绝不", "我承诺，没有", "我承诺，不会", "我不是不承诺", "谁说我不承诺了，我承诺",
])
def test_look_alikes_are_not_explicit(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    # a refusal named wrong (不对, 哦不) and the commitment after it plain: the last clean answer decides
    ("我不承诺，不对，我承诺", "explicit"), ("不承诺……哦不，我承诺", "explicit"),
    # a bare 不 or 不是 says no as much as it corrects, and takes nothing back
    ("不，本人承诺", "unclear"), ("我不承诺，不是，我承诺", "unclear"),
    # the other way round the last word is a refusal
    ("我承诺，不对，我不承诺", "negated"), ("本人承诺，哦不，我不承诺了", "negated"),
    # said not in earnest, either way
    ("我不承诺，骗你的", "unclear"), ("逗你的，我不承诺", "unclear"), ("我不承诺，开玩笑的，我承诺", "unclear"),
    # rhetorical denials of a refusal are read neither way
    ("谁说我不承诺", "unclear"), ("我还是不承诺了", "negated"), ("承诺还是不承诺", "question"),
    # indecision with a question inside a statement is a hedge, not a question and not a refusal
    ("我还没想好要不要承诺", "unclear"), ("要不要承诺我还得想想", "unclear"), ("承不承诺都行", "unclear"),
    ("我不知道该不该承诺", "unclear"), ("承诺不承诺无所谓", "unclear"),
    # the commitment named first, then refused
    ("这个承诺我不做", "negated"), ("承诺我不做", "negated"), ("我不干", "negated"), ("不用了，谢谢", "negated"),
    # 什么 as "any" in the liability clause asks nothing; as "what" it still asks
    ("本人承诺，有啥说啥", "unclear"), ("我承诺啥", "question"), ("承诺是啥意思", "question"),
    # a liability clause with 放弃/取消 is no cancellation; 取消 alone still is
    ("我承诺，如有不实，自愿放弃", "unclear"), ("取消", "cancel"),
])
def test_kinds(text, kind):
    assert classify(text, applicant_name="张伟").kind == kind


@pytest.mark.parametrize("text", [
    "我是法人王芳，本人承诺", "作为法人我承诺，公司各项条件都达标", "作为法人，我承诺", "作为公司的法定代表人，本人承诺",
    # the title before the representative's own name, as an enterprise's letter is worded
    "法人王芳承诺", "法定代表人王芳承诺", "公司法定代表人王芳本人承诺", "王芳承诺",
])
def test_enterprise_representative_naming_their_role(text):
    assert enterprise_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我是法人李四，本人承诺",  # another name than the representative's
    "作为代理人我承诺", "公司承诺", "我是会计，作为法人我承诺",
    # the titled name: another person's, another title, a report, a question, a hedge, the future
    "法人李四承诺", "会计王芳承诺", "经理王芳承诺", "法人王芳说她承诺", "法人王芳承诺吗", "法人王芳应该承诺了",
    "法人王芳会承诺的", "法人王芳不承诺", "法人王芳承诺？", "法人王芳同意承诺", "法人王芳已阅读承诺书",
])
def test_enterprise_look_alikes(text):
    assert enterprise_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["作为法人我承诺", "我是法人王芳，本人承诺", "法人王芳承诺"])
def test_a_citizen_cannot_take_the_representative_form(text):
    assert self_kind(text) != "explicit"
    assert classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind != "explicit"


@pytest.mark.parametrize("text", [
    # adverbs of the act, the commitment named in full, content in everyday words
    "我在这里承诺", "我正式承诺", "我真心承诺", "我实事求是地承诺", "我自愿作出告知承诺", "本人作出告知承诺",
    "我承诺我符合低保条件", "本人承诺申请材料真实完整", "我承诺，保证所说属实", "本人承诺，本人已知晓告知事项",
    "我承诺已经知道了告知内容", "我承诺，我自愿的", "我承诺，是我自己愿意的", "我承诺，这是我的真实意思",
    # courtesy and the next step after it
    "我承诺，麻烦了", "我承诺 谢谢您", "我承诺，请提交", "我承诺，下一步", "我承诺哈",
])
def test_more_everyday_commitments(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我承诺我不符合低保条件", "我承诺，符合不了条件", "我承诺，他说的都是真的", "我承诺，他符合条件",
    "我承诺，不是我自愿的", "我承诺，不是我的真实意思", "我正式不承诺", "我承诺，提交不了",
])
def test_more_look_alikes(text):
    assert self_kind(text) != "explicit"


PROXY = dict(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")


@pytest.mark.parametrize("text", [
    "我受赵强老人特别授权，代为承诺", "我受赵强特别授权，代表他承诺", "我受赵强特别授权，代为承诺，他符合条件",
    "受赵强特别授权，代为承诺。刘洋", "我受赵强特别授权，代为承诺，以上内容属实。刘洋",
])
def test_proxy_everyday_forms(text):
    assert classify(text, **PROXY).kind == "explicit"


@pytest.mark.parametrize("text", [
    "我受赵强特别授权，代为承诺。张三",  # someone else's signature
    "我受赵强特别授权，代表张三承诺", "我受张三特别授权，代为承诺", "我代表他承诺", "他代我承诺",
])
def test_proxy_look_alikes(text):
    assert classify(text, **PROXY).kind != "explicit"


@pytest.mark.parametrize("text,kind", [
    # giving up the commitment is a refusal; giving up alone still stops
    ("我放弃承诺", "negated"), ("取消承诺", "negated"), ("退出承诺", "negated"), ("我放弃", "cancel"),
    ("我放弃承诺，不办了", "cancel"), ("放弃承诺书", "cancel"),
    # laughter beside a question or a refusal leaves it open; the rude refusal is a no
    ("承诺啥呀，哈哈", "unclear"), ("哈哈，承诺了会怎样", "unclear"), ("我不承诺哈哈哈", "unclear"), ("不承诺😂", "unclear"),
    ("我承诺个屁", "negated"),
    # a refusal taken back as a slip, or still being weighed
    ("我不承诺，打错了", "unclear"), ("我不承诺，等一下，让我想想", "unclear"), ("我不承诺，我再考虑考虑", "unclear"),
    ("不承诺了，我回头交证明", "negated"),
    # idioms with a question word ask nothing
    ("我承诺，信不信由你", "unclear"), ("我承诺，有啥好怕的", "unclear"),
])
def test_more_kinds(text, kind):
    assert classify(text, applicant_name="张伟").kind == kind


@pytest.mark.parametrize("text", ["我代他承诺？不行吧", "承诺？不承诺", "我承诺？不", "承诺？好吧"])
def test_a_question_answered_aloud_is_asked_again(text):
    assert classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind == "unclear"


def test_a_correction_about_someone_else_is_no_refusal():
    verdict = classify("我受赵强特别授权，代为承诺，哦不对，他还没签字", acting_as="proxy", applicant_name="赵强",
                       agent_name="刘洋")
    assert verdict.kind == "unclear"


# --- a decision only when the last word is plain: corrections, double negations, rhetorical questions, irony ---

@pytest.mark.parametrize("text", [
    # a negation inside the scope of another
    "我没说不承诺", "我不会不承诺的", "我不敢不承诺", "我不拒绝承诺", "不是我不想承诺", "我从没说过不承诺", "不承诺也不行吧",
    "我不不承诺",
    # a rhetorical question denying a commitment
    "谁说我要承诺了", "我什么时候承诺了", "我哪有承诺", "我不是说了不承诺吗",
    # a question answered aloud, or a commitment taken back for a question
    "不承诺？我承诺", "承诺？我才不呢", "我承诺，不对不对，我老伴的养老金算不算收入？",
    # changed, and what it is changed to is not a plain refusal
    "我不想承诺……不对，我想", "不承诺，我是说承诺", "刚才说不承诺是打错了", "我承诺，算了，不办了",
    "我放弃承诺，不对，我承诺", "取消……不对，我不取消", "我要取消，不对，我承诺",
    # taken back as not meant
    "我不承诺（假的）", "我不承诺，假的，我承诺", "我拒绝承诺，才怪", "不办了，哈哈", "我放弃，哈哈",
])
def test_mixed_answers_are_asked_again(text):
    assert self_kind(text) == "unclear"


@pytest.mark.parametrize("text,kind", [
    # the last word a plain refusal: taken
    ("我承诺，不对，我不承诺", "negated"), ("我承诺，我是说，我不承诺", "negated"), ("不，我不承诺", "negated"),
    ("不承诺不承诺", "negated"), ("我不承诺了，算了，交证明去", "negated"), ("算了，我不承诺了", "cancel"),
    # a slip named as one, the commitment after it plain: taken
    ("我不承诺，搞错了，我承诺", "explicit"), ("我唔承諾，講錯咗，我承諾", "explicit"),
    ("我不是不承诺，刚才手滑了，本人承诺", "explicit"),
    # a double negation alone stays open; the plain commitment after it decides
    ("我不是不承诺", "unclear"), ("我并非不承诺", "unclear"), ("没有不承诺", "unclear"),
    ("我不是不承诺，我承诺", "explicit"), ("我并非不承诺，本人承诺以上内容属实", "explicit"),
    # a refusal after the correction is a refusal, with the ordinary procedure beside it
    ("我承诺，说错了，我不承诺了，回头交证明", "negated"),
    # a genuine question after a bare 不对 is still a question
    ("不对，承诺了能撤回吗", "question"),
])
def test_the_last_plain_word_decides(text, kind):
    assert self_kind(text) == kind


# --- what may stand around a plain commitment -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # circumstances before it, and the notice read aloud to the speaker
    "我七十三了，眼神不好，让孙子念给我听了，我承诺", "俺不识字让工友给念了一遍，俺承诺，俺说的都是真话",
    "我在工地上，手机不太会用，本人承诺", "我在地里干活呢，本人承诺",
    # a doubt checked and resolved
    "我本来担心不符合，刚问了社区，确实符合，我承诺", "之前我以为我存款超了，刚查了银行卡没超，本人承诺",
    "我不确定……刚打电话问了社区，说我符合，那我承诺",
    # the household's situation as a positive fact, hurry after it
    "我承诺，我们家就这一套房", "我承诺，俺家地就二亩，没别的收入", "本人承诺，我家确实就我一个人住",
    "我承诺，我没骗你们，真的困难", "好，我承诺，快点提交吧我还要去上班", "我承诺，赶紧的，排队排了半天了",
    # the name as the subject of a signed statement; a formal letter
    "张伟承诺", "本人张伟，业已逐条阅读上述承诺书，兹郑重承诺：所述各项均属实，如有不实，愿依法承担相应责任。",
    "鄙人张伟，现承诺如下：本人符合所列条件，所述内容真实。",
])
def test_plain_commitments_with_what_stands_around_them(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    "我不识字，我承诺", "我眼神不好，没看清，我承诺", "我本来担心不符合，刚问了社区，好像符合，我承诺",
    "我本来担心不符合，刚问了社区，我承诺", "之前我以为我存款超了，刚查了银行卡超了，本人承诺",
    "我本来担心不符合，刚问了社区，说我不符合，我承诺", "我承诺，我就一个问题", "我承诺，我只是问问",
    "我承诺，就一个孩子", "我承诺，赶紧的，烦死了", "李四承诺", "我在想呢，本人承诺",
])
def test_look_alikes_of_what_stands_around_a_commitment(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("本人承诺 我是法人", "explicit"), ("本人承诺，我是法人王芳", "explicit"), ("公司这边承诺，材料都是真的", "explicit"),
    ("郑州好味餐饮管理有限公司郑重承诺：具备相应经营条件", "explicit"), ("我司承诺（盖章）", "explicit"),
    ("本人承诺，我是会计", "unclear"), ("我们这边承诺", "unclear"),
])
def test_enterprise_forms(text, kind):
    assert enterprise_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    ("我先看看委托书……有特别授权，那我受赵强特别授权代为承诺", "explicit"),
    ("我先看看委托书……没有特别授权，那我受赵强特别授权代为承诺", "unclear"),
])
def test_a_proxy_checking_the_document_first(text, kind):
    assert classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind == kind


@pytest.mark.parametrize("text,kind", [
    ("我係本人，我承諾", "explicit"), ("本人承诺，张伟，2026年12月6日", "explicit"), ("我保证并承诺以上属实", "explicit"),
    ("现在我承诺", "explicit"), ("我愿意承诺，本人承诺", "explicit"), ("本人承诺，绝无虚假", "explicit"),
    ("我愿意承诺", "unclear"), ("我是本人，我愿意承诺", "unclear"), ("我保证", "implicit"), ("我愿意承诺，我想想", "unclear"),
])
def test_who_speaks_and_what_they_sign(text, kind):
    assert self_kind(text) == kind


def test_a_proxy_saying_they_are_the_applicant_is_asked_again():
    assert classify("我是本人，我承诺", acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind == "unclear"


@pytest.mark.parametrize("text", [
    "承诺是什么意思？我不太懂", "承诺有什么后果？我没看懂", "哪有承诺书下载", "什么时候承诺比较好", "不是说承诺就行了吗",
    "承诺书在哪里",
])
def test_genuine_questions_stay_questions(text):
    assert self_kind(text) == "question"


@pytest.mark.parametrize("text,kind", [
    ("受托人刘洋受赵强特别授权，代为承诺", "explicit"), ("根据委托书，我受赵强特别授权，代为承诺", "explicit"),
    ("我受赵强特别授权，代为承诺，我是他外甥", "explicit"),
    ("受托人李四受赵强特别授权，代为承诺", "unclear"), ("根据委托书，我代为承诺", "unclear"),
    ("我受赵强特别授权，代为承诺，我是他债主", "unclear"), ("我受赵强授权，代为承诺", "unclear"),
])
def test_a_proxy_naming_their_role_and_relation(text, kind):
    assert classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind == kind


@pytest.mark.parametrize("text,kind", [
    # courtesy, an ID or phone number, the household counted with a relative, the thing said true named again
    ("麻烦您了，我承诺", "explicit"), ("谢谢，本人承诺", "explicit"), ("本人承诺，谢谢小姑娘", "explicit"),
    ("本人承诺以上信息真实，身份证410105199001011233", "explicit"), ("本人承诺，电话13800138000", "explicit"),
    ("我承诺 我家就我跟老伴两个人 没有别的收入", "explicit"), ("好的 我承诺 以上都是真实情况", "explicit"),
    ("我看明白了，本人承诺", "explicit"),
    # 麻烦 alone is "a bother"; laughter is 233 standing alone, not inside a number; the count with a reservation
    ("我承诺，麻烦", "unclear"), ("麻烦，我承诺", "unclear"), ("本人承诺2333", "unclear"), ("哈哈233本人承诺", "unclear"),
    ("我承诺 我家就我跟老伴两个人 不过老伴有退休金", "unclear"), ("我看懂了一半，本人承诺", "unclear"),
    ("我承诺，身份证410105199001011233是我儿子的", "unclear"), ("本人承诺，以上都是真实情况的话", "unclear"),
    # the dialect 木有 (没有) refuses
    ("我木有法承诺，俺家有辆车", "negated"), ("我木有承诺", "negated"),
])
def test_padding_and_details_beside_a_commitment(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    # the representative says who they are, then commits on the company's behalf: the 我 of 我是 is the subject
    ("我是法人王芳，代表公司承诺以上内容属实", "explicit"), ("我是法人，代表公司承诺", "explicit"),
    # someone else, a hedge, a reservation or another subject
    ("我是会计，代表公司承诺", "unclear"), ("我是法人李强，代表公司承诺", "unclear"), ("我不是法人，代表公司承诺", "unclear"),
    ("我是法人王芳，代表公司承诺吧", "unclear"), ("我是法人王芳，代表公司承诺，不过材料还没齐", "unclear"),
    ("我是法人王芳，我老公代表公司承诺", "unclear"), ("我是法人王芳，承诺以上属实", "unclear"),
])
def test_the_representative_commits_for_the_company(text, kind):
    assert enterprise_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    ("受赵强特别授权 我代为承诺 委托书在这", "explicit"),
    ("受赵强特别授权 我代为承诺 委托书还没签", "negated"), ("我代为承诺 委托书在这", "unclear"),
])
def test_a_proxy_with_the_document_at_hand(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("俺承诺 俺家的情况都是真的", "explicit"), ("本人承诺以上属实，我晓得说假话要担责任", "explicit"),
    ("好嘞 本人承诺", "explicit"), ("本人承诺，我知道不能说假话", "explicit"), ("本人承诺，有事打我电话13800138000", "explicit"),
    ("本人郑重承诺以上内容真实有效 张伟 13800138000", "explicit"),
    ("我知道不能说假话", "implicit"), ("本人承诺，不能说假话吗", "question"), ("本人承诺，我知道不能说假话吧", "unclear"),
    ("我承诺，我家的情况不是真的", "unclear"), ("我承诺，俺家的情况都是真的吧", "unclear"), ("张伟 13800138000", "unclear"),
    ("本人承诺，张伟，13800138000，开玩笑", "unclear"), ("本人承诺，有事打我电话", "unclear"),
    ("本人承诺，我晓得说假话不用担责任", "unclear"), ("中中中 我承诺", "unclear"),
])
def test_duty_known_and_details_after_a_commitment(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    # what is promised named in everyday words, the checks welcomed, thanks to the government
    ("我承诺我家收入都如实填了", "explicit"), ("本人承诺，收入情况属实", "explicit"), ("本人承诺，以上我填的都没问题", "explicit"),
    ("本人承诺以上情况属实，绝不欺骗政府", "explicit"), ("本人承诺，同意你们核查", "explicit"), ("我承诺 你们可以去查", "explicit"),
    ("本人承诺，谢谢政府", "explicit"),
    ("本人承诺，以上我填的都不对", "unclear"), ("我同意核查", "implicit"), ("本人承诺，没错吧", "unclear"),
    ("本人承诺，以上都没问题吗", "question"), ("本人承诺，收入情况不属实", "unclear"),
    ("本人承诺，以上我填的没错，但收入没填", "unclear"), ("我承诺，他填的都没问题", "unclear"),
    ("本人承诺，以上你填的都没问题", "unclear"),
])
def test_what_is_promised_named_in_everyday_words(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    # the proxy's own name as the subject, or after 本人: only that name
    ("刘洋受赵强特别授权代为承诺", "explicit"), ("受申请人赵强特别授权，本人刘洋代为承诺", "explicit"),
    ("刘洋已经受赵强特别授权代为承诺", "explicit"),
    ("王五受赵强特别授权代为承诺", "unclear"), ("赵强受赵强特别授权代为承诺", "unclear"), ("他受赵强特别授权代为承诺", "unclear"),
    ("受赵强特别授权，本人王五代为承诺", "unclear"), ("我爸受赵强特别授权代为承诺", "unclear"),
    ("刘洋受赵强特别授权代为承诺吧", "unclear"), ("受赵强特别授权，我不想代为承诺", "negated"),
])
def test_a_proxy_signing_with_their_own_name(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # a question about the procedure after the commitment: the commitment stands on its own
    ("本人承诺以上内容属实，请问几天能批下来？", "explicit"), ("我承诺以上都是真的。另外问一下，承诺以后还要去现场吗", "explicit"),
    ("本人承诺，请问大概几个工作日能办好", "explicit"),
    # a question about what was promised, or with a reservation, a joke or a negation in it, is no such follow-up
    ("本人承诺，请问存款超了几天能办好", "unclear"), ("本人承诺，不过几天能批下来", "unclear"),
    ("本人承诺，几天能批下来哈哈", "unclear"), ("本人承诺，不用去现场吧", "unclear"),
    ("我承诺，要是填错了能不能再改", "unclear"), ("本人承诺？几天能批下来", "question"),
    # the prompt quoted back before the commitment
    ("承诺用语：本人承诺以上内容属实", "explicit"), ("请输入承诺用语——本人承诺", "explicit"),
    ("承诺用语：我不承诺", "negated"), ("承诺用语：本人承诺吧", "unclear"),
    # phone typing: an English yes before it, characters spaced out, the check's discrepancy as the falsity
    ("yes我承诺", "explicit"), ("本 人 承 诺", "explicit"), ("本 人 不 承 诺", "negated"),
    ("我承诺以上属实，要是核查有出入我认罚", "explicit"), ("我承诺以上属实，要是核查有出入再说", "unclear"),
])
def test_the_commitment_with_the_question_around_it(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    ("受赵强特别授权，本人刘洋代为承诺以上内容属实，委托书第三条写着呢", "explicit"),
    ("我受赵强特别授权，代为承诺，请问他本人还要来吗", "explicit"),
    ("我受赵强特别授权，代为承诺，请问特别授权要公证吗", "unclear"),
])
def test_a_proxy_commitment_with_the_document_or_a_question_beside_it(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text", [
    "要不要承诺？本人承诺", "承诺还是不承诺？我承诺", "你问的我不懂，本人承诺", "你说的不对，本人承诺",
    "承诺用语：本人承诺，请问存款超了算不算", "本人承诺以上内容属实，请问几天能批下来？哈哈",
])
def test_a_quote_or_a_question_that_is_no_mere_echo_leaves_the_commitment_unaccepted(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", [
    # something said after the follow-up question takes the commitment back or puts it in doubt
    "本人承诺，请问几天能批下来？我开玩笑的", "本人承诺，请问几天能批下来？其实我没看", "本人承诺，请问几天能批下来？骗你的",
    "本人承诺，请问几天能批下来，我是被逼的", "本人承诺，请问几天能批下来，我再考虑考虑",
    # a "quote" that quotes no question
    "你说什么我都承诺——本人承诺", "您问我什么我都承诺，本人承诺",
])
def test_what_follows_the_question_or_stands_as_a_quote_is_still_read(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    ("你们这个系统真难用，点了半天，好了，本人承诺", "explicit"), ("排队排了两个小时了，本人承诺以上内容属实", "explicit"),
    ("太麻烦了，本人承诺吧", "unclear"), ("跑了三趟了，我承诺，但是我没看", "unclear"), ("太麻烦了，我不承诺", "negated"),
])
def test_the_commitment_after_a_complaint(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    # the duty to report a change promised with the rest
    ("我承诺，以后家里情况有变化我会主动报告", "explicit"), ("本人承诺以上属实，收入有变化会及时申报", "explicit"),
    ("我承诺，以后有变化再说", "unclear"), ("我承诺，以后我会主动报告", "unclear"), ("有变化我会主动报告", "unclear"),
    ("我承诺，以后家里情况有变化我不会报告", "unclear"),
])
def test_the_duty_to_report_a_change(text, kind):
    assert self_kind(text) == kind


# --- a refusal denied or named wrong, then the plain commitment: the last clean answer decides --------------------

@pytest.mark.parametrize("text", [
    # a double negation, then the act itself
    "我不是不承诺，本人承诺", "没有不承诺，我承诺", "我又不是不承诺，我承诺以上内容属实",
    # a refusal named wrong (不对, 哦不, 说错了, 更正一下), then the act itself
    "我不承诺，不对，我承诺", "我不承诺，哦不，本人承诺", "我不承诺，说错了，本人承诺以上内容属实",
    "不承诺，更正一下，本人承诺",
    # courtesy before who the speaker is and what they filled in
    "您好，我叫张伟，家里的情况我都如实填了，我承诺以上内容属实，如有不实愿意承担责任",
])
def test_a_denied_or_corrected_refusal_then_the_commitment_is_explicit(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", [
    # the double negation alone, or what follows it not the act
    "我不是不承诺", "我并非不承诺", "没有不承诺", "我又不是不承诺",
    "我不是不承诺，我承诺吧", "我不是不承诺，应该会承诺",  # hedged
    "我不是不承诺，要是符合条件就承诺", "我不是不承诺，如果没问题我承诺",  # a condition
    "我不是不承诺，他承诺", "我不是不承诺，我老婆承诺",  # a third party
    "我不是不承诺，我承诺？", "我不是不承诺，承诺了会怎样？",  # a question
    "我不是不承诺，我不承诺", "我不是不承诺，我愿意承诺",  # negated, or willingness only
    # corrected, and what follows is not a plain commitment
    "我不承诺，不对，我承诺吧", "我不承诺，不对，我可能承诺",  # hedged
    "我不承诺，不对，要是没问题就承诺",  # a condition
    "我不承诺，不对，他承诺",  # a third party
    "我不承诺，不对，我承诺？",  # a question
    "我不承诺，不对，我承诺，等等我再想想", "我不承诺，不对，我承诺，不过不太确定",  # doubt after the correction
    "我不承诺，不对，我承诺哈哈", "我不承诺，不对，我愿意承诺",
    # a bare 不 or 不是 takes nothing back
    "不，本人承诺", "我不承诺，不是，我承诺",
])
def test_look_alikes_of_a_denied_or_corrected_refusal_are_not_explicit(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text,kind", [
    # the final clause a refusal: taken as one
    ("我承诺，不对，还是不承诺", "negated"), ("我不承诺，不对，还是不承诺", "negated"),
    ("我承诺，说错了，我不承诺了，回头交证明", "negated"),
    # the final clause someone else's refusal: open
    ("我承诺，说错了，他不承诺", "unclear"),
])
def test_a_commitment_corrected_to_a_refusal(text, kind):
    assert self_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    ("我不代他承诺，说错了，我受赵强特别授权，代为承诺", "explicit"),
    ("我不是不代他承诺，我受赵强特别授权，代为承诺", "explicit"),
    ("我不是不代他承诺", "unclear"),
    ("我不是不代他承诺，我代他承诺", "unclear"),  # no special authorisation said
    ("我不代他承诺，说错了，我爸让我代他承诺", "unclear"),
    ("我受赵强特别授权代为承诺，不对，他还没签委托书", "unclear"),
])
def test_a_proxy_refusal_denied_or_corrected(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("本公司不承诺，更正一下，本公司承诺", "explicit"),
    ("公司不是不承诺，本公司郑重承诺以上内容属实", "explicit"),
    ("本公司并非不承诺", "unclear"),
    ("公司不是不承诺，老板承诺", "unclear"),
    ("本公司不承诺，更正一下，本公司承诺吧", "unclear"),
])
def test_an_enterprise_refusal_denied_or_corrected(text, kind):
    assert enterprise_kind(text) == kind


@pytest.mark.parametrize("text,kind", [
    ("俺承诺，填的没一句假话", "explicit"), ("我承诺，填的没有半句假话", "explicit"),
    ("俺承诺，填的没一句假话吧", "unclear"), ("填的没一句假话", "unclear"), ("俺承诺，填的没一句是真话", "unclear"),
    ("俺承诺，填的有一句假话", "unclear"), ("如果没一句假话，我承诺", "unclear"), ("我承诺的，保证都是实话", "implicit"),
])
def test_not_a_word_of_it_false(text, kind):
    assert classify(text, applicant_name="张伟").kind == kind


@pytest.mark.parametrize("text,kind", [
    ("我刘洋受赵强委托并经其特别授权，代其承诺以上内容属实", "explicit"),
    ("受赵强委托并经其特别授权，我代为承诺", "explicit"),
    ("我刘洋受王五委托并经其特别授权，代其承诺以上内容属实", "unclear"),
    ("我刘洋受赵强委托并经王五特别授权，代其承诺以上内容属实", "unclear"),
    ("我刘洋受赵强委托，代其承诺以上内容属实", "unclear"),
])
def test_a_proxy_entrusted_and_specially_authorised_by_the_same_person(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    # who the household is, told first as plain facts, then the commitment
    ("我老伴前年去世了，现在一个人住，儿女都在外地，也没有别的收入，本人承诺以上情况属实", "explicit"),
    ("孩子们都在外地打工，俺自己过，俺承诺填的都是实话", "explicit"), ("现在一个人住，本人承诺以上情况属实", "explicit"),
    ("本人承诺以上属实，现在一个人住", "explicit"),
    # the same facts beside a refusal, someone else's commitment, a condition, a hedge, a joke, or alone
    ("我老伴前年去世了，我不承诺", "negated"), ("现在一个人住，我老婆承诺", "unclear"), ("儿女都在外地，他们承诺", "unclear"),
    ("老伴去世了，要是不符合就算了，本人承诺", "unclear"), ("儿女都在外地，本人承诺吧", "unclear"),
    ("儿女都在外地，本人承诺以上情况属实😂", "unclear"), ("现在一个人住", "unclear"), ("俺自己过", "unclear"),
])
def test_the_household_told_before_the_commitment(text, kind):
    assert classify(text, applicant_name="张伟").kind == kind


@pytest.mark.parametrize("text,kind", [
    ("我受我爸赵强的特别授权，替他承诺", "explicit"), ("我受王五特别授权，替他承诺", "unclear"),
    ("我受赵强特别授权，替我承诺", "unclear"), ("我受赵强特别授权，替他承诺吧", "unclear"),
    ("我受赵强特别授权，替王五承诺", "unclear"), ("我替他承诺", "unclear"),
])
def test_a_proxy_commits_with_ti(text, kind):
    assert classify(text, **PROXY).kind == kind


@pytest.mark.parametrize("text,kind", [
    ("我张伟承诺，情况都属实，有假的我负责", "explicit"), ("有假的我负责", "unclear"),
    ("我承诺，有假的我不负责", "unclear"), ("我承诺，有假的我老婆负责", "unclear"), ("我承诺，有假的再说", "unclear"),
])
def test_the_liability_if_anything_is_false(text, kind):
    assert classify(text, applicant_name="张伟").kind == kind


@pytest.mark.parametrize("text", [
    # 就是了 closes a statement as 呗 does ("fine, I commit then"): a grudging yes, asked again like 我承诺呗
    "我承诺就是了", "本人承诺就是了", "那我承诺就是了",
    "我承诺就是了吧", "我承诺就是了？", "要是非得承诺我承诺就是了", "你非要我承诺我承诺就是了", "大不了我承诺就是了",
    "行行行我承诺就是了", "我承诺就是了，烦死了", "我承诺就是了，反正你们也查不出来", "我承诺就是了，不过收入我不确定",
    "他承诺就是了", "我妈承诺就是了", "我不承诺就是了", "我承诺就是了哈哈", "我承诺就是了，开玩笑的", "承诺就是了",
])
def test_the_commitment_closed_with_jiushile_is_not_taken(text):
    assert self_kind(text) != "explicit"
