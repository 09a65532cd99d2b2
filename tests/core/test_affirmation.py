"""Explicit affirmation (R7), proxy form (R5), and the contract's affirmation_rejected reasons."""
import pytest

from bot.core.affirmation import KINDS, Verdict, classify, required_words, statement

ITEM = "公共租赁住房资格申请"
SELF_STATEMENT = statement(ITEM, "self", "张伟", None)
PROXY_STATEMENT = statement(ITEM, "proxy", "赵强", "刘洋")


def kind(text, **kwargs):
    return classify(text, **kwargs).kind


# --- the statement (R7 / 五(四)) ----------------------------------------------------------------------------


def test_self_statement_has_the_four_parts_and_names_item_and_applicant():  # R7
    for part in ("已知晓", "告知", "已符合", "条件", "愿意承担不实承诺的法律责任", "真实的意思表示"):
        assert part in SELF_STATEMENT
    assert ITEM in SELF_STATEMENT and "张伟" in SELF_STATEMENT


def test_proxy_statement_names_the_special_authorisation():  # R5, R7
    assert PROXY_STATEMENT.startswith("本人刘洋受赵强特别授权，代为承诺：")
    for part in ("已知晓", "已符合", "愿意承担不实承诺的法律责任", "真实的意思表示", ITEM):
        assert part in PROXY_STATEMENT


def test_statement_refuses_missing_names():
    with pytest.raises(ValueError):
        statement(ITEM, "proxy", "赵强", None)
    with pytest.raises(ValueError):
        statement(ITEM, "self", "", None)
    with pytest.raises(ValueError):
        statement(ITEM, "agent", "赵强", "刘洋")


def test_required_words():
    assert required_words("self", "张伟") == "本人承诺"
    assert required_words("proxy", "赵强") == "我受赵强特别授权，代为承诺"


def test_the_words_we_ask_for_are_accepted():  # R7: asking for words we then refuse would trap the user
    assert kind(required_words("self", "张伟"), applicant_name="张伟") == "explicit"
    assert kind(required_words("proxy", "赵强"), acting_as="proxy", applicant_name="赵强") == "explicit"
    assert kind(required_words("proxy", None), acting_as="proxy") == "explicit"


# --- explicit (R7) ----------------------------------------------------------------------------------------------

SELF_EXPLICIT = [
    "本人承诺",
    "我承诺",
    "我承诺以上情况属实",
    "我郑重承诺",
    "我愿意承诺并承担法律责任",
    "我已阅读并承诺",
    "本人承诺。",
    "本人承诺！",
    "本人承诺😊",
    "本人承诺👍",
    "  本人承诺  ",
    "本人 承 诺",
    "本人承诺~",
    "本人承諾",  # traditional (P1)
    "我承諾以上情況屬實",
    "本人承诺\u3000",  # ideographic space from a Chinese IME
    "好的，本人承诺",
    "嗯，我承诺",
    "我本人承诺",
    "本人张伟承诺",
    "我是张伟，我承诺",
    "我承诺了",
    "我已阅读告知书并承诺",
    "我已知晓告知事项并郑重承诺以上情况属实",
    "我承诺，并愿意承担不实承诺的法律责任",
    "本公司承诺",  # an enterprise speaking for itself
    "本人\n承诺",
    "本\u200b人承诺",  # a zero-width space pasted from a web page
    "本人郑重承诺以上内容真实有效",
    "我已认真阅读告知书，承诺以上内容属实",
    "本人承诺以上信息真实，如有不实，愿承担法律责任",  # the usual wording of a Chinese commitment letter
    "本人承诺，如有虚假愿意承担一切法律责任",
]


@pytest.mark.parametrize("text", SELF_EXPLICIT)
def test_self_explicit(text):  # R7
    verdict = classify(text, applicant_name="张伟")
    assert verdict == Verdict("explicit"), verdict
    assert verdict.is_explicit and verdict.explanation == ""


PROXY_EXPLICIT = [
    "我受赵强特别授权，代为承诺",
    "我受赵强特别授权代为承诺。",
    "代为承诺",
    "我代为承诺",
    "我代他承诺",
    "我代赵强承诺",
    "我替他承诺",
    "赵强特别授权我代为承诺",
    "他授权我承诺",
    "受我父亲特别授权，代为承诺",
    "我受我父亲赵强的特别授权，代为承诺",
    "我受申请人特别授权，代为承诺",
    "好的，我受赵强特别授权，代为承诺",
    "我受赵强特別授權，代為承諾",  # traditional characters (P1)
    "替我爸承诺",  # names the applicant by relation; not "替我" the wrong way round
    "他授权给我，我代为承诺",
    "他委托我，我代为承诺",
]


@pytest.mark.parametrize(
    "text",
    [
        required_words("proxy", "郑州好味餐饮管理有限公司"),
        "我代郑州好味餐饮管理有限公司承诺",
        "郑州好味餐饮管理有限公司授权我代为承诺",
        "受公司特别授权，代为承诺",
    ],
)
def test_proxy_for_an_enterprise(text):  # R5: a staff member commits for the enterprise
    assert classify(text, acting_as="proxy", applicant_name="郑州好味餐饮管理有限公司") == Verdict("explicit")


def test_proxy_for_an_enterprise_with_a_persons_name_is_a_mismatch():
    verdict = classify("我受赵强特别授权，代为承诺", acting_as="proxy", applicant_name="郑州好味餐饮管理有限公司")
    assert verdict.detail == "authoriser_mismatch"


@pytest.mark.parametrize("text", PROXY_EXPLICIT)
def test_proxy_explicit(text):  # R5, R7
    assert classify(text, acting_as="proxy", applicant_name="赵强") == Verdict("explicit")


def test_full_statement_is_explicit():  # R7, P2: a button that carries the statement itself
    assert kind(SELF_STATEMENT, statement=SELF_STATEMENT) == "explicit"
    assert kind(PROXY_STATEMENT, acting_as="proxy", applicant_name="赵强", statement=PROXY_STATEMENT) == "explicit"


@pytest.mark.parametrize(
    "text",
    [
        '/affirm{"statement": "' + SELF_STATEMENT + '"}',  # a Rasa button payload
        SELF_STATEMENT.replace("；", "\n"),  # re-spaced by a channel
        SELF_STATEMENT.replace("，", ",").replace("：", ":"),
        "我已阅读并承诺：" + SELF_STATEMENT,
        SELF_STATEMENT + " 确认",
    ],
)
def test_message_containing_the_statement_is_explicit(text):  # R7
    assert kind(text, statement=SELF_STATEMENT, applicant_name="张伟") == "explicit"


@pytest.mark.parametrize(
    "text,expected",
    [
        (SELF_STATEMENT + "？", "question"),
        (SELF_STATEMENT + "但是我名下有一套房", "unclear"),
        (SELF_STATEMENT + "我不同意", "negated"),
        (SELF_STATEMENT + "算了", "cancel"),
        (SELF_STATEMENT + "<script>alert(1)</script>", "unclear"),
        ("如果审批能通过，" + SELF_STATEMENT, "unclear"),
        (SELF_STATEMENT[:-10], "unclear"),  # a truncated statement is not the statement
        (SELF_STATEMENT.replace("愿意承担", "不愿意承担"), "negated"),  # an altered statement is not the statement
    ],
)
def test_statement_with_objections_is_not_explicit(text, expected):  # R7
    assert kind(text, statement=SELF_STATEMENT, applicant_name="张伟") == expected


def test_statement_of_another_person_does_not_count():  # R7: bound to the statement actually shown
    other = statement(ITEM, "self", "李娜", None)
    assert kind(other, statement=SELF_STATEMENT) != "explicit"


def test_without_the_statement_argument_a_pasted_statement_is_not_guessed():
    assert kind(SELF_STATEMENT) == "unclear"


# --- implicit ---------------------------------------------------------------------------------------------------

IMPLICIT = ["好的", "好", "嗯", "嗯嗯", "恩", "可以", "行", "ok", "OK", "Ok", "是的", "是", "对", "确认", "同意", "没问题",
            "👍", "👍👍", "👌", "好的👍", "好的，没问题", "我同意", "我已阅读并同意", "确定", "收到", "中", "yes",
            "我保证以上情况属实", "我确认以上内容", "好的好的", "ＯＫ"]


@pytest.mark.parametrize("text", IMPLICIT)
@pytest.mark.parametrize("acting_as", ["self", "proxy"])
def test_implicit_agreement_is_not_a_commitment(text, acting_as):  # R7: agreement is not the commitment
    verdict = classify(text, acting_as=acting_as, applicant_name="赵强")
    assert verdict.kind == "implicit", verdict
    assert required_words(acting_as, "赵强") in verdict.explanation


# --- negated ----------------------------------------------------------------------------------------------------

NEGATED = ["我不承诺", "不想承诺", "拒绝承诺", "不承诺", "我没法承诺", "我不能承诺", "不同意", "我不同意", "不", "不要",
           "不了", "不行", "no", "我拒绝", "承诺不了", "我无法承诺", "我不愿意承诺", "不愿意", "我不会承诺的",
           "本人不承诺", "我不敢承诺", "不需要承诺", "我不想签", "👎", "🙅", "我不愿意承担法律责任"]


@pytest.mark.parametrize("text", NEGATED)
def test_negated(text):  # R3: refusing is a free choice, answered with the normal procedure
    verdict = classify(text)
    assert verdict.kind == "negated", verdict
    assert "一般程序" in verdict.explanation


@pytest.mark.parametrize("text", ["不代为承诺", "我不代他承诺", "拒绝承诺", "我不同意"])
def test_proxy_negated(text):
    assert kind(text, acting_as="proxy", applicant_name="赵强") == "negated"


# --- question ----------------------------------------------------------------------------------------------------

QUESTIONS = ["承诺了会怎样？", "我承诺了会坐牢吗", "承诺了会怎样?", "本人承诺？", "本人承诺吗", "为什么要承诺",
             "承诺是什么意思", "什么是不实承诺", "不承诺会怎么样", "我不承诺可以吗", "承诺后多久核查",
             "要承诺多少条", "哪里可以看告知书", "是否必须承诺", "能不能不承诺", "会不会被罚款", "要不要带户口本",
             "承不承诺有区别吗", "我承诺呢", "这个怎么弄", "承诺书谁能看到", "代为承诺吗", "咋承诺", "我承诺了就能办么"]


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_are_never_explicit(text):  # R7: a question is answered, not taken as a yes
    assert kind(text) == "question"
    assert kind(text, acting_as="proxy", applicant_name="赵强") == "question"


# --- cancel -------------------------------------------------------------------------------------------------------

CANCEL = ["算了", "不办了", "取消", "不弄了", "退出", "算了吧", "我不办了", "算了，不办了", "取消办理", "我放弃",
          "不申请了", "算了，我不承诺了"]


@pytest.mark.parametrize("text", CANCEL)
def test_cancel(text):
    verdict = classify(text)
    assert verdict.kind == "cancel"
    assert "没有作出任何承诺" in verdict.explanation


# --- unclear -------------------------------------------------------------------------------------------------------

UNCLEAR = [
    ("asdf", "unclear"),
    ("😊", "unclear"),
    ("🙏", "unclear"),
    ("。。。", "unclear"),
    ("", "unclear"),
    ("   ", "unclear"),
    ("承诺", "unclear"),  # no one is named as committing
    ("他承诺", "unclear"),
    ("你承诺", "unclear"),
    ("我妈承诺", "unclear"),
    ("我承诺，但是我还没看完", "conditional"),
    ("我承诺但", "conditional"),
    ("如果没问题我就承诺", "conditional"),
    ("要是没事就承诺", "conditional"),
    ("本人承诺（开玩笑的）", "conditional"),
    ("我可能承诺", "conditional"),
    ("应该可以承诺", "conditional"),
    ("等我问问家里人再承诺", "conditional"),
    ("我承诺一半", "conditional"),
    ("'; DROP TABLE commitments;--", "unclear"),
    ("本人承诺'; DROP TABLE commitments;--", "unclear"),
    ("/commit", "unclear"),
    ("/affirm", "unclear"),
    ("<script>alert('本人承诺')</script>", "unclear"),
    ("{{本人承诺}}", "unclear"),
    ("本人承诺" * 300, "too_long"),
    ("我承诺我在郑州没有房子", "unclear"),  # content of their own, not the statement shown
    ("本人承诺以上情况不属实", "unclear"),
    ("我承诺不实承诺", "unclear"),
    ("我承诺以上情况属实吧", "unclear"),  # a reluctant "吧" is not a firm commitment
    ("我愿意承担不实承诺的法律责任", "unclear"),  # liability alone, without the commitment
    ("本人承诺个屁", "unclear"),
    ("我不是本人承诺", "unclear"),
    ("本人承若", "typo"),
    ("本人成诺", "typo"),
    ("我是张伟", "unclear"),
    ("我", "unclear"),
    ("谢谢", "unclear"),
    ("本人承诺👎", "unclear"),  # a refusing emoji contradicts the words
    ("本人承诺🙅", "unclear"),
    ("不，本人承诺", "unclear"),  # contradicts itself
    ("本人承诺，不", "unclear"),
    ("我承诺，被逼的", "unclear"),
    ("本人承诺 https://evil.example", "unclear"),
    ("我李四承诺", "unclear"),  # another person's name
    ("我受赵强特别授权，代为承诺", "proxy_words_for_self"),  # acting for oneself: the proxy form does not fit
]


@pytest.mark.parametrize("text,detail", UNCLEAR)
def test_unclear(text, detail):  # R7: anything doubtful is refused, with an explanation
    verdict = classify(text, applicant_name="张伟")
    assert verdict.kind == "unclear", verdict
    assert verdict.detail == detail
    assert verdict.explanation


@pytest.mark.parametrize("value", [None, 42, b"\xe6\x9c\xac\xe4\xba\xba", ["本人承诺"]])
def test_non_text_is_unclear(value):
    assert kind(value) == "unclear"


PROXY_UNCLEAR = [
    ("本人承诺", "proxy_form"),  # a proxy must state the authorisation (R5)
    ("我承诺", "proxy_form"),
    ("我郑重承诺以上情况属实", "proxy_form"),
    ("我受李娜特别授权，代为承诺", "authoriser_mismatch"),  # someone else's authorisation
    ("李娜授权我代为承诺", "authoriser_mismatch"),
    ("他代我承诺", "wrong_direction"),
    ("你替我承诺吧", "wrong_direction"),
    ("我没有授权，代为承诺", "no_authorisation"),
    ("他没授权", "no_authorisation"),
    ("他代为承诺", "unclear"),  # a third person, not the proxy speaking
    ("我代为承诺，但是他还不知道", "conditional"),
    ("代为承若", "typo"),
]


@pytest.mark.parametrize("text,detail", PROXY_UNCLEAR)
def test_proxy_unclear(text, detail):  # R5
    verdict = classify(text, acting_as="proxy", applicant_name="赵强")
    assert verdict.kind == "unclear", verdict
    assert verdict.detail == detail
    assert verdict.explanation


def test_proxy_bare_commitment_explains_the_authorisation():  # R5
    verdict = classify("本人承诺", acting_as="proxy", applicant_name="赵强")
    assert "特别授权" in verdict.explanation
    assert "我受赵强特别授权，代为承诺" in verdict.explanation


# --- general properties --------------------------------------------------------------------------------------------


def test_every_verdict_is_a_known_kind_and_only_explicit_has_no_explanation():
    texts = SELF_EXPLICIT + IMPLICIT + NEGATED + QUESTIONS + CANCEL + [t for t, _ in UNCLEAR]
    for acting_as in ("self", "proxy"):
        for text in texts:
            verdict = classify(text, acting_as=acting_as, applicant_name="张伟")
            assert verdict.kind in KINDS
            assert (verdict.explanation == "") == (verdict.kind == "explicit"), text


def test_verdict_is_frozen():
    verdict = classify("好的")
    with pytest.raises(Exception):
        verdict.kind = "explicit"  # type: ignore[misc]


def test_unknown_role_is_refused():
    with pytest.raises(ValueError):
        classify("本人承诺", acting_as="agent")


def test_deterministic():
    for text in SELF_EXPLICIT + IMPLICIT + QUESTIONS:
        assert classify(text) == classify(text)
