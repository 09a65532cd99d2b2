"""More shapes of "I have read the notice" and of the special authorisation (bot/core/consent.py): the formal
register (兹, 特此, 本人系, 载明, 记载), the speaker's own name as subject or signature, a joke denied, the range of
sections said as a span, the commitment's line ticked on a printed form, and the commitment excluded in so many
words. Each accepted shape is pinned beside look-alikes (hedged, conditional, asked, someone else's, negated,
doubted after) that must not be taken for a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read, special_authorisation
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, PROXY, SELF

COMPANY_PROXY = Context(acting_as="proxy", applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司",
                        agent_name="刘洋")


# --- the notice read ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the formal register's lead-in and close
    "兹确认本人已阅读全部告知内容", "特此确认：告知内容已全部阅读", "本人已阅读并理解告知书全部内容，特此确认",
    "内容已全部阅读完毕，特此回复",
    # the speaker's own name, as subject, signature or first clause
    "张伟已阅读", "已阅读【张伟】", "已阅读 张伟 2026年12月7日", "我是张伟本人，告知书我读完了",
    "本人系申请人张伟，已完整阅读上述七部分告知内容",
    # completion words of the written style, and every character read
    "通读完毕", "已览毕全部内容", "我逐字逐句读过了", "每个字都看了", "一至七条已逐一阅读", "已读，一到七都看了",
    "已阅读上述第一至第七部分全部内容", "我把上面的告知书完整地看了一遍", "已阅读（全部）",
    # a joke denied, thanks in English, a go-ahead to commit, a courtesy
    "真看完了，不骗你", "看完了 不是开玩笑", "看完了 thx", "Done，看完了", "看完了，开始承诺吧", "看完咯，莫得问题",
    "已阅读全部内容，顺祝工作顺利",
])
def test_more_reading_statements(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the formal lead-in over a partial, hedged or someone else's reading
    "兹确认本人已阅读部分告知内容", "特此确认：告知内容大概看了", "兹确认我儿子已阅读", "特此确认：还没看完",
    # another name than the speaker's, as subject or signature
    "王芳已阅读", "赵强已阅读", "已阅读 王芳", "我是张伟，我老婆看完了",
    # a span that stops short of the last section
    "一到六都看了", "第一到第六都看了", "已阅读第一至第六部分",
    # a joke kept, or doubt after
    "已阅读 骗你的", "已阅读 开玩笑的", "看完了 不是开玩笑 其实没看", "看完了 thx 不过第三条没看",
    "看完了，开始承诺吧，其实没看完", "通读完毕？", "每个字都看了吗",
    # the reply word weighed as a way through
    "是不是回已阅读就能过？已阅读", "反正说已阅读就行了是吧", "回复已阅读就行了吧", "只要回已阅读就可以了吗？已阅读",
    # more time asked for, and an option's position
    "再给我两分钟", "再等我一会儿", "第一个", "选第二个",
])
def test_more_reading_look_alikes_are_not_a_yes(text):
    reading = notice_read(text, SELF)
    assert not _yes(reading)
    assert reading.kind != "repeat" or text not in ("再给我两分钟", "再等我一会儿", "第一个", "选第二个")


def test_the_agents_own_name_is_the_speaker_but_the_applicants_is_not():
    assert _yes(notice_read("受托人刘洋已阅读全部告知内容", PROXY))
    assert _yes(notice_read("我是刘洋，赵强的代办人，告知书我看完了", PROXY))
    assert _yes(notice_read("代办人已逐条阅读告知书", PROXY))
    assert not _yes(notice_read("赵强已阅读", PROXY))
    assert not _yes(notice_read("我是刘洋，赵强已阅读", PROXY))
    assert not _yes(notice_read("代办人已逐条阅读告知书", SELF))  # no proxy here: someone else


@pytest.mark.parametrize("text, section", [("重发", None), ("第七条 重发", 7)])
def test_resend_asks_for_a_repeat(text, section):
    reading = notice_read(text, SELF)
    assert reading.kind == "repeat" and reading.section == section


def test_a_resend_declined_leaves_the_statement():
    assert _yes(notice_read("不用重发了，看完了", SELF))


# --- the special authorisation ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the formal register
    "兹证明委托书载明：特别授权刘洋代为作出告知承诺", "特此说明，委托书已载明特别授权",
    "本受托人确认：授权委托书写明特别授权代为作出告知承诺", "委托书明确记载受托人可代为承诺",
    "授权委托书载明：受托人享有特别授权，可代为作出告知承诺", "委托书第（二）项：受托人可代为作出告知承诺",
    # the parties named as the document names them, the holder of the document
    "写明了 特别授权 代为作出告知承诺 委托人赵强 受托人刘洋", "刘洋持委托书，委托书写明特别授权代为作出告知承诺",
    # in the principal's name, two acts of one commitment, the consequence its way
    "写着呢：受托人有权以委托人名义作出告知承诺", "委托书写明受托人可代委托人签署并作出告知承诺",
    "授权书写了代为签署告知承诺书及承担相应后果",
    # the commitment's line ticked, a numbered list of powers, a relation as issuer, "有" said over
    "委托书上勾选了“代为作出告知承诺”", "委托权限：1.代为申请 2.代为作出告知承诺 3.代为领取",
    "我小舅子给我的委托书写明了特别授权", "有有有，特别授权写得明明白白，就是代他承诺",
])
def test_more_special_authorisations(text):
    assert _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    # the formal lead-in over a hedge, a condition, someone else's word, a no
    "兹证明委托书应该载明了特别授权", "特此说明，如果需要的话委托书写明了特别授权", "特此说明，我爸说委托书载明了特别授权",
    "本受托人确认：授权委托书没有写明特别授权", "委托书明确记载受托人可代为办理", "委托书明确记载受托人可代为承诺吧",
    "受托人享有一般授权",
    # the parties named otherwise than on file
    "写明了 特别授权 代为作出告知承诺 委托人王芳", "写明了 特别授权 代为作出告知承诺 受托人张三", "张三持委托书，委托书写明特别授权代为作出告知承诺",
    # in someone else's name, or the principal to commit in person
    "受托人有权以王芳名义作出告知承诺", "委托书写的是赵强本人作出告知承诺，我只负责跑腿",
    # the line ticked only in doubt, or another line ticked
    "委托书上好像勾选了“代为作出告知承诺”", "委托书上勾选了“代为领取”", "代为作出告知承诺那一项没打勾",
    # a list without the commitment, a relation's word only, "有" with doubt
    "委托权限：1.代为申请 2.代为领取", "我小舅子说委托书写明了特别授权", "有有有，应该写了吧",
    # still looking
    "写明了特别授权吗？我看看", "有没有写明我问问赵强", "没写明吗？写了吧",
])
def test_more_special_authorisation_look_alikes_are_not_a_yes(text):
    assert not _yes(special_authorisation(text, PROXY))


@pytest.mark.parametrize("text", [
    "未写明", "未载明", "尚未载明特别授权", "委托书上写着不得代为作出承诺", "委托书写明：受托人无权代为作出告知承诺",
    "委托书写明禁止代签承诺书", "委托书写明了除告知承诺外的其他事项", "委托书写了代为作出告知承诺以外的所有事项",
    "委托书写的是由委托人本人作出承诺", "委托书里写了承诺由赵强本人签",
])
def test_the_commitment_excluded_is_negated(text):
    assert special_authorisation(text, PROXY).kind == "negated"


@pytest.mark.parametrize("text, kind", [
    ("写明了特别授权吗？我看看", "clarify"), ("有没有写明我问问赵强", "clarify"), ("没写明吗？写了吧", "clarify"),
])
def test_still_checking_after_a_question_is_asked_again(text, kind):
    assert special_authorisation(text, PROXY).kind == kind


def test_for_a_company_the_company_is_the_principal():
    assert _yes(special_authorisation("公司给我的授权书里有代表公司签署告知承诺书这一项", COMPANY_PROXY))
    assert _yes(special_authorisation("写明了特别授权，我是公司行政", COMPANY_PROXY))
    assert special_authorisation("公司委托书写的是代为递交材料、代为领取许可证", COMPANY_PROXY).kind == "negated"
    assert special_authorisation("委托书写明承诺由法定代表人本人作出", COMPANY_PROXY).kind == "negated"
    # the company named for a person applicant is someone else; a company's word alone is hearsay
    assert not _yes(special_authorisation("委托书写明可以代公司作出告知承诺", PROXY))
    assert not _yes(special_authorisation("公司给我的授权书里应该有代表公司签署告知承诺书这一项", COMPANY_PROXY))
    assert not _yes(special_authorisation("财务说委托书写明了", COMPANY_PROXY))
