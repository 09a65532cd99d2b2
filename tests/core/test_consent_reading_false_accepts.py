"""Notice read (R6): statements of reading that their own surroundings take back are asked again, never a yes.

Families: a struck-through, crossed or blank form mark; someone else reading in the speaker's place; a reading still
to come (a time of day with no completion, or reading on after the statement); only a part named as read; scrolling
to the end given as the reading; hearsay; sneering emoticons; a bare number before the statement. Look-alikes that
say the reading is done stay a yes."""
import pytest

from bot.core.consent import notice_read
from bot.core.reading import Context

SELF = Context(acting_as="self", applicant_name="张伟")
PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")

NOT_YES = {
    "form_mark": ["~~已阅读~~", "已̶阅̶读̶", "已阅读̶", "~已阅读~", "已阅读：×", "×已阅读", "[ ] 已阅读", "- [ ] 已阅读",
                  "已阅读（ ）", "已阅读[ ]", "已阅读：____", "# 已阅读", "> 已阅读", "**已阅读**", "`已阅读`"],
    "someone_else_read": ["孙子替我读完了", "律师帮我读完了", "村干部帮我读完了", "女儿替我读完了", "我让孩子帮我读完了",
                          "网格员帮我读完了"],
    "planned": ["已阅读下午看", "下午看，已阅读", "都看完了晚上接着看", "看完了晚上慢慢看", "已阅读下午继续看",
                "下午看完我已认真阅读", "我已认真阅读今天下午看", "回家看都看完了", "下午细看都看完了", "看完了接着看"],
    "part_only": ["看完了前面", "前面的都已阅读", "大字看完了", "字大的都看完了", "字小的我读完了", "看完了看得见的",
                  "那几条都看完了", "我已认真阅读前面"],
    "scrolled": ["划到底了，已阅读", "已阅读（拉到底）", "拉到最下面，看完了", "刷到底了，看完了", "翻到最后，已阅读"],
    "hearsay": ["看完了（听说的）", "已阅读，听说的", "听别人说了，看完了"],
    "sneer": ["已阅读🙂", "[微笑]已阅读", "看完了→_→", "¬_¬我已认真阅读", "已阅读=_=", "看完了-_-"],
    "bare_number": ["123，已阅读", "2024 看完了", "007。我已认真阅读", "456，都看完了"],
}


@pytest.mark.parametrize("text", [t for texts in NOT_YES.values() for t in texts])
@pytest.mark.parametrize("ctx", [SELF, PROXY], ids=["self", "proxy"])
def test_statement_taken_back_is_not_yes(text, ctx):
    reading = notice_read(text, ctx)
    assert reading.kind != "value", (text, reading)


STAYS_YES = [
    # a time of day with the reading done (的/过/了/完了)
    "下午看的，已阅读", "昨晚看过了，已阅读", "早上就看完了", "慢慢看，总算看完了",
    # the whole, not a part
    "上面的都看完了", "7条都看完了", "看完了，前面几条还看了两遍",
    # friendly faces, a ticked box, traditional characters, a trailing tilde
    "已阅读😊", "已阅读^_^", "已阅读:)", "已閱讀", "已阅读~", "✅已阅读",
    # read aloud TO the speaker is the speaker hearing it (an accepted family)
    "孙子给我念完了", "让孙子念给我听了一遍",
    # a reading under way that reached the end, or the parts named beside the scroll
    "还没看完……哦不对，刚翻到最后了，看完了", "我把告知书翻到底了，每条都读过",
]


@pytest.mark.parametrize("text", STAYS_YES)
def test_done_reading_stays_yes(text):
    reading = notice_read(text, SELF)
    assert reading.kind == "value" and reading.value == "yes", (text, reading)


def test_proxy_and_applicant_both_read_stays_yes():
    reading = notice_read("我和赵强都看完了", PROXY)
    assert reading.kind == "value" and reading.value == "yes", reading
