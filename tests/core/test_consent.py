"""The three legal decisions as step readings: the commitment (R7), notice read (R6), special authorisation (R5)."""
import pytest

from bot.core import affirmation as aff
from bot.core.consent import (EXPECT_AUTHORISATION, EXPECT_READ, NLU_CONFIDENT, OWN_TOPICS, affirmation, notice_read,
                              special_authorisation)
from bot.core.reading import KINDS, Context, Reading

ITEM = "公共租赁住房资格申请"
SELF = Context(acting_as="self", applicant_name="张伟", statement=aff.statement(ITEM, "self", "张伟", None))
PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋",
                statement=aff.statement(ITEM, "proxy", "赵强", "刘洋"))
ENTERPRISE = Context(acting_as="self", applicant_name="郑州好味餐饮管理有限公司", applicant_kind="enterprise",
                     statement=aff.statement(ITEM, "self", "郑州好味餐饮管理有限公司", None, representative="王强",
                                             applicant_kind="enterprise"))
NOTICE = Context(notice_sections=7)


def with_nlu(ctx: Context, intent: str, confidence: float) -> Context:
    return Context(**{**ctx.__dict__, "intent": intent, "confidence": confidence})


# --- notice read (R6) -------------------------------------------------------------------------------------------

READ = ["已阅读", "我已阅读", "我看完了", "读完了", "看完了", "我已经仔细阅读了告知书", "全部看过了", "已閱讀", "已读",
        "我已阅读告知书", "我已经看完了", "都看完了", "七条都看完了", "已阅读，没问题", "我已阅读并知晓", "我已阅读并了解",
        "好的，已阅读", "嗯，我看完了", "已阅读完毕", "我已认真阅读全部内容", "全部读完了", "我都看过了", "本人已阅读",
        "已经阅读", "已阅读。", "已阅读！", "  已阅读  ", "已 阅 读", "ＯＫ，已阅读", "我阅读了告知书", "现在看完了",
        "已阅读，谢谢", "我从头到尾看完了", "我已阅读告知承诺书的全部内容", "已經看完了"]


@pytest.mark.parametrize("text", READ)
def test_notice_read(text):  # R6
    assert notice_read(text, NOTICE) == Reading("value", value="yes")


BARE = ["是", "好", "好的", "嗯", "嗯嗯", "ok", "OK", "知道了", "收到", "明白", "明白了", "可以", "行", "对", "确认", "同意",
        "没问题", "了解", "清楚了", "👍", "👌", "下一步", "继续", "中", "阅读", "我看了", "好的好的", "嗯嗯嗯"]


@pytest.mark.parametrize("text", BARE)
def test_bare_yes_is_asked_again(text):  # R6: 是/好 answers "did you get it", not "have you read it"
    reading = notice_read(text, NOTICE)
    assert reading.kind == "clarify" and reading.detail == "bare_yes", reading
    assert reading.expected == EXPECT_READ == "“已阅读”"


NOT_READ = [("还没看完", "not_read"), ("没看", "not_read"), ("我还没看", "not_read"), ("没读完", "not_read"),
            ("还在看", "not_read"), ("等会看", "not_read"), ("太长了不想看", "not_read"), ("跳过", "not_read"),
            ("没时间看", "not_read"), ("看完再说", "not_read"), ("我没有读", "not_read"),
            ("看不懂", "not_understood"), ("我不明白", "not_understood"), ("不太明白第三条", "not_understood"),
            ("好像看完了", "hedge"), ("差不多看完了", "hedge"), ("大概看了一下", "hedge"), ("看了一半", "hedge"),
            ("基本看完了", "hedge"), ("应该看完了", "hedge"), ("扫了一眼", "hedge"), ("快看完了", "hedge"),
            ("看完了吧", "hedge"), ("大部分看完了", "hedge"), ("看完了哈哈", "joke"), ("看完了😂", "emoji"),
            ("不是已阅读", "unclear"), ("asdf", "unclear"), ("", "unclear"), ("。。。", "unclear"),
            ("已阅读" * 300, "too_long"), ("<script>已阅读</script>", "unclear"), ("第十条再说一遍", "no_such_section"),
            ("我阅读", "bare_yes"), ("看了看", "hedge"), ("如果没问题就算看完了", "hedge")]


@pytest.mark.parametrize("text,detail", NOT_READ)
def test_notice_not_read(text, detail):  # R6: only an explicit reading statement is a yes
    reading = notice_read(text, NOTICE)
    assert reading.kind == "clarify" and reading.detail == detail, reading
    assert reading.expected == (EXPECT_READ if detail != "no_such_section" else "第1至7条中的一条")


@pytest.mark.parametrize(
    "text,section",
    [("再说一遍", None), ("第五条再说一遍", 5), ("第5条再说一遍", 5), ("第三段再念一遍", 3), ("重复一下", None),
     ("能再说一遍吗", None), ("再发一遍第七条", 7), ("第二条", 2), ("第2条", 2), ("法律责任那部分再说一下", 5),
     ("没听清，再讲一遍", None), ("repeat", None), ("第一条重新发一下", 1), ("核查那一条再说说", 6), ("第 4 条再说一遍", 4),
     ("第五条再說一遍", 5), ("再來一遍", None)],
)
def test_notice_repeat(text, section):  # R6: the user may hear any part again
    reading = notice_read(text, NOTICE)
    assert reading.kind == "repeat" and reading.section == section, reading


def test_section_bounded_by_the_notice():
    assert notice_read("第五条再说一遍", Context(notice_sections=4)).detail == "no_such_section"
    assert notice_read("第四条再说一遍", Context(notice_sections=4)).section == 4


@pytest.mark.parametrize("text", ["第五条是什么意思", "看完了吗", "要看多久", "核查是怎么回事？", "法律责任有哪些", "什么是告知承诺"])
def test_notice_question(text):
    assert notice_read(text, NOTICE).kind == "question"


@pytest.mark.parametrize("text", ["算了", "不办了", "取消"])
def test_notice_cancel(text):
    assert notice_read(text, NOTICE).kind == "cancel"


# --- special authorisation (R5) ---------------------------------------------------------------------------------

AUTH_YES = ["是的，写明了特别授权代为承诺", "有特别授权", "是，委托书上写了代为作出告知承诺", "写了特别授权",
            "委托书上写明了特别授权", "有，写了代为承诺", "是特别授权", "确实有特别授权",
            "授权委托书上载明了代为作出告知承诺", "有特别授权，可以代为承诺", "是的，特别授权", "写明了代其承诺",
            "有的，委托书里写了特别授权", "是的，委托书明确写了代为承诺", "yes", "有特別授權",
            "我看了，写了特别授权", "写明了", "包含代为承诺",
            "委托书里明确写着「授权刘洋代为作出告知承诺」", "我爸签的委托书写明了可以代他作出承诺",
            "授权范围：代为办理、代为签收、代为作出告知承诺", "寫明了代為作出告知承諾", "有，写了代为作出告知承诺",
            "对，委托书上有特别授权"]


@pytest.mark.parametrize("text", AUTH_YES)
def test_special_authorisation_yes(text):  # R5
    assert special_authorisation(text, PROXY) == Reading("value", value="yes")


# A bare yes says nothing about what the document says: an ordinary 代为办理 letter would pass on it. Only the
# contract's option value, exactly as a button sends it ("yes", labelled "是，写明了特别授权"), stands for the words.
@pytest.mark.parametrize("text", ["是", "是的", "是的。", "ＹＥＳ", "Yes", "y", "确实是"])
def test_bare_yes_to_the_authorisation_question_is_asked_again(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "clarify" and reading.detail == "not_specific", reading
    assert "写明了特别授权" in reading.expected


AUTH_NO = ["是普通委托", "对，只写了代为办理", "没有", "只写了代办", "否", "不是", "没有特别授权", "委托书上没写代为承诺", "no",
           "只是普通委托", "一般委托", "只委托了办理", "没写", "不包括", "只写了代为办理手续", "没有写代为承诺",
           "有，但只写了代办", "不是特别授权", "只能代办", "普通授权", "仅限代为办理", "没有的", "只写了帮忙办理",
           "委托书上没有特别授权", "是，普通委托", "没有写明",
           "委托书上就写了「代为办理相关手续」", "委托书写的是全权代理", "没有委托书", "委托书还没签，回头让我爸签",
           "赵强同意我代他承诺了，口头说的", "写了，哦不对，我看看……没写", "授权范围只有代为办理和代为签收",
           "就是普通的委托书", "他只让我帮忙跑腿交材料", "没写承诺这回事"]


@pytest.mark.parametrize("text", AUTH_NO)
def test_ordinary_authorisation_is_negated(text):  # R5: an ordinary authorisation is not enough
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "negated", reading
    assert reading.expected == EXPECT_AUTHORISATION


AUTH_UNSURE = [("好像有", "unsure"), ("应该有吧", "unsure"), ("好像没有", "unsure"), ("可能有", "unsure"), ("大概写了", "unsure"),
               ("有吧", "unsure"), ("我记得有", "unsure"), ("估计有特别授权", "unsure"), ("不知道", "unsure"),
               ("不清楚", "unsure"), ("不记得了", "unsure"), ("我没注意", "unsure"), ("没看委托书", "unsure"),
               ("如果需要的话有", "condition"), ("要是必须就有", "condition"), ("嗯", "not_specific"), ("好的", "not_specific"),
               ("ok", "not_specific"), ("可以", "not_specific"), ("有授权", "unclear"), ("有委托书", "unclear"),
               ("是，没有", "contradiction"), ("有特别授权，只写了代办", "contradiction"), ("不是普通委托", "unclear"),
               ("哈哈有", "joke"), ("是😂", "emoji"), ("有", "not_specific"), ("有的", "not_specific"), ("对", "not_specific"),
               ("对的", "not_specific"), ("没错", "not_specific"), ("当然有", "not_specific"),
               ("没写……等等，我看看", "correction"), ("asdf", "unclear"), ("", "unclear"), ("有" * 600, "too_long"),
               ("'; DROP TABLE x;--", "unclear"), ("特别", "unclear"), ("他让我来的", "unclear")]


@pytest.mark.parametrize("text,detail", AUTH_UNSURE)
def test_special_authorisation_unsure(text, detail):  # R5: a hedge is never a yes
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "clarify" and reading.detail == detail, reading
    assert reading.expected == EXPECT_AUTHORISATION


@pytest.mark.parametrize("text", ["什么是特别授权", "特别授权是什么意思？", "要写什么才算特别授权", "委托书上要写什么", "有没有都行吗"])
def test_special_authorisation_question(text):
    assert special_authorisation(text, PROXY).kind == "question"


@pytest.mark.parametrize("text", ["算了", "不办了"])
def test_special_authorisation_cancel(text):
    assert special_authorisation(text, PROXY).kind == "cancel"


# --- the commitment as a step reading (R7) ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["本人承诺", "我郑重承诺以上内容属实", SELF.statement])
def test_affirmation_reading_explicit(text):
    assert affirmation(text, SELF) == Reading("value", value="explicit")


@pytest.mark.parametrize(
    "text,kind",
    [("好的", "clarify"), ("我已阅读告知承诺书", "clarify"), ("我不承诺", "negated"), ("承诺了会怎样？", "question"),
     ("算了", "cancel"), ("我承诺😂", "clarify"), ("I promise", "clarify"), ("同意并承诺", "clarify")],
)
def test_affirmation_reading_not_explicit(text, kind):
    reading = affirmation(text, SELF)
    assert reading.kind == kind, reading
    assert reading.expected == "“本人承诺”"
    assert reading.extra["explanation"]


def test_affirmation_reading_proxy():  # R5
    assert affirmation("我受赵强特别授权，代为承诺", PROXY).value == "explicit"
    reading = affirmation("我代他承诺", PROXY)
    assert reading.kind == "clarify" and reading.detail == "proxy_form"
    assert reading.expected == "“我受赵强特别授权，代为承诺”"
    assert affirmation("我受趙強特别授权，代为承诺", PROXY).value == "explicit"


def test_affirmation_reading_enterprise():  # the legal representative speaks for the enterprise
    assert affirmation("本公司承诺", ENTERPRISE).value == "explicit"
    assert affirmation("本人承诺", ENTERPRISE).value == "explicit"
    assert affirmation(ENTERPRISE.statement, ENTERPRISE).value == "explicit"
    assert affirmation("本公司承诺", SELF).kind == "clarify"


def test_unknown_role_in_context_is_read_as_self():
    assert affirmation("本人承诺", Context(acting_as="agent")).kind in KINDS


# --- the NLU may make a decision more careful, never less ------------------------------------------------------

OBJECTING = ["deny", "cancel", "handoff", "faq_withdrawal", "faq_credit_repair", "faq_not_applicable"]


@pytest.mark.parametrize("intent", OBJECTING)
def test_confident_nlu_objection_turns_a_yes_into_a_question(intent):
    assert affirmation("本人承诺", with_nlu(SELF, intent, 0.9)).detail == "nlu_disagrees"
    assert notice_read("已阅读", with_nlu(NOTICE, intent, 0.9)).detail == "nlu_disagrees"
    assert special_authorisation("有特别授权", with_nlu(PROXY, intent, 0.9)).detail == "nlu_disagrees"


@pytest.mark.parametrize("step,intent", [(step, intent) for step, topics in OWN_TOPICS.items() for intent in topics])
def test_the_faq_of_the_questions_own_topic_is_no_objection(step, intent):
    # "委托书写了特别授权代为承诺" reads to the intent model like the FAQ on proxies: it quotes the powers the
    # question asks about. The same FAQ at another legal question still objects.
    answer = {"affirmation": ("本人承诺", SELF, affirmation, "explicit"),
              "notice_ack": ("已阅读", NOTICE, notice_read, "yes"),
              "authorization_scope": ("有特别授权", PROXY, special_authorisation, "yes")}
    text, ctx, read, decided = answer[step]
    assert read(text, with_nlu(ctx, intent, 0.99)).value == decided
    for other, (text, ctx, read, _) in answer.items():
        if intent not in OWN_TOPICS[other]:
            assert read(text, with_nlu(ctx, intent, 0.99)).detail == "nlu_disagrees", (other, intent)


@pytest.mark.parametrize("intent,confidence", [("deny", NLU_CONFIDENT - 0.01), ("commit", 0.99), ("affirm", 0.99),
                                               (None, 0.0), ("inform", 0.95)])
def test_unconfident_or_agreeing_nlu_leaves_the_rules(intent, confidence):
    assert affirmation("本人承诺", with_nlu(SELF, intent, confidence)).value == "explicit"
    assert notice_read("已阅读", with_nlu(NOTICE, intent, confidence)).value == "yes"
    assert special_authorisation("有特别授权", with_nlu(PROXY, intent, confidence)).value == "yes"


@pytest.mark.parametrize("intent", ["commit", "affirm"])
def test_nlu_never_turns_a_no_into_a_yes(intent):
    confident = 0.99
    assert affirmation("好的", with_nlu(SELF, intent, confident)).kind != "value"
    assert affirmation("我代他承诺", with_nlu(PROXY, intent, confident)).kind != "value"
    assert notice_read("嗯嗯", with_nlu(NOTICE, intent, confident)).kind != "value"
    assert special_authorisation("好像有", with_nlu(PROXY, intent, confident)).kind != "value"
    assert special_authorisation("嗯", with_nlu(PROXY, intent, confident)).kind != "value"


# --- bad input is a clarify, never an exception ----------------------------------------------------------------


@pytest.mark.parametrize("text", [None, 42, b"\xe6\x98\xaf", ["是"], "\ud800", "\u202e读阅已", "😀" * 2000, "\x00",
                                  "{{7*7}}", "${jndi:ldap://x}", "是" * 10000])
def test_bad_input(text):
    for read in (affirmation, notice_read, special_authorisation):
        reading = read(text, PROXY)
        assert reading.kind in KINDS and reading.kind != "value"


# --- everyday forms of the three answers ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "俺读完了", "瞅完了", "已阅", "已阅，谢谢", "通知书我已全部阅读并理解", "已阅读已理解", "看完了，可以下一步了",
    "读完了，继续", "已阅读ok", "从头到尾都读了一遍", "我是代理人，告知书我都看完了", "七条都读完了，一条没漏",
    "等一下……好了，现在读完了",
    # all of it, said of the whole notice by the reader: 都/全部/每条 make the plain 看了 complete
    "都看了", "我都看了", "全部看过了", "每条都看了",
    # a question first, then a plain answer: the answer decides
    "不是说要看完吗，我看完了", "这个必须看吗？我已经看完了",
])
def test_notice_read_everyday_forms(text):  # R6
    assert notice_read(text, Context()) == Reading("value", value="yes"), notice_read(text, Context())


@pytest.mark.parametrize("text,kind_", [
    ("等一下，还没读完", "clarify"), ("等会儿……", "clarify"), ("我是代理人，还没看", "clarify"),
    ("读完了，一条没懂", "clarify"), ("读完了，一个没看", "clarify"), ("看了", "clarify"), ("看了一下", "clarify"),
    ("已阅读（字太小没看清）", "clarify"),  # a read claim taken back in the same breath
    ("我看完了，还要看吗", "clarify"),  # a reading said beside a question that comes after it
    ("不是说要看完吗，我大概看完了", "clarify"), ("不是说要看完吗，我妈看完了", "clarify"),  # the answer after it hedged, or another reader
    ("不看不行吗？我看完了", "clarify"), ("看什么看，我看完了", "clarify"),  # the question itself speaks against the reading
    ("看完了，回头再说", "clarify"), ("等一下，看完了，不过第五条没看", "clarify"),
])
def test_notice_read_everyday_forms_that_are_not_a_yes(text, kind_):
    assert notice_read(text, Context()).kind == kind_, notice_read(text, Context())


@pytest.mark.parametrize("text", [
    "写着呢，特别授权代为作出告知承诺",  # 着呢 states, it does not ask
    "写明了特别授权👍", "写明了特别授权（第4条）", "写明了特别授权 我刚刚核对过", "写明啦", "写明了特别授权，在公证处公证过",
    "委托书原文是：特别授权受托人代为作出告知承诺", "公司出具的委托书写明了特别授权",
])
def test_special_authorisation_everyday_yes(text):  # R5
    assert special_authorisation(text, PROXY) == Reading("value", value="yes"), special_authorisation(text, PROXY)


@pytest.mark.parametrize("text,kind_", [
    ("写了，代为办理", "negated"),  # "it is written" names no scope; the power named is an ordinary one
    ("写着，代为递交材料", "negated"),
    ("写明了代为办理", "negated"),
    ("写明了特别授权，但是没写代为承诺", "negated"),  # the clause after 但 restricts the one before
    ("授权范围那栏是空白", "negated"),
    ("特别授权？没有，只写了代为办理", "negated"),  # the question repeated to oneself, then answered
    ("写明了特别授权？写了", "clarify"),  # after an echo only a no is taken, as after a correction
    ("写明了特别授权😂", "clarify"),
    ("写明了特别授权，不过没写日期", "clarify"),
    ("嗯呢", "clarify"),
    ("那我不代办了", "cancel"),
])
def test_special_authorisation_everyday_other_answers(text, kind_):
    assert special_authorisation(text, PROXY).kind == kind_, special_authorisation(text, PROXY)


# --- other voices ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind_", [
    ("睇完喇", "value"), ("全部都睇晒", "value"), ("已阅读 下一步吧", "value"), ("已阅读😊", "value"),
    ("我字都不认识几个咋看", "clarify"),  # cannot read the characters: not read, whatever the question word
    ("我不识字", "clarify"), ("已阅读😂", "clarify"),
    ("唔该第二条讲多次", "repeat"),  # Cantonese "say it once more"
])
def test_notice_read_in_other_voices(text, kind_):
    reading = notice_read(text, NOTICE)
    assert reading.kind == kind_, reading
    if kind_ == "repeat":
        assert reading.section == 2


@pytest.mark.parametrize("text,kind_", [
    ("寫明咗特別授權", "value"),  # 咗 is 了
    ("嗯写明了特别授权", "value"),  # an acknowledgement before the statement
    ("冇寫明", "negated"),
    ("我爸是口头说的，纸上啥也没写", "negated"),  # 啥也 is "nothing at all", not a question
    ("我看不明委托书写什么", "clarify"),  # not understanding, said as a statement
    ("特别授权是啥我也不懂，反正有委托书", "clarify"),
    ("我是他亲戚，还要啥特别授权", "clarify"),  # a rhetorical objection
    ("写明了特别授权，不过只写了代为办理", "clarify"),  # "only ordinary powers" contradicts the yes
    ("写明了特别授权，但是没写代为承诺", "negated"),  # the clause after 但 narrows the scope
    ("什么叫特别授权", "question"),
])
def test_special_authorisation_in_other_voices(text, kind_):
    reading = special_authorisation(text, PROXY)
    assert reading.kind == kind_, reading
    if kind_ == "value":
        assert reading.value == "yes"
