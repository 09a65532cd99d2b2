"""Remarks said beside a plain statement of having read the notice (bot/core/consent.py, notice_ack): the span from the
first section to the last one sent with the verb between ("从第一条看到第七条"), the reply sent only after the reading
("读完了才回你的"), the concession "看是看完了" followed only by a remark on the notice, the length or detail of the notice
compared with another paper, the effort with its cause ("字太多了看得我头晕"), the liability section retold and kept in
mind, the notice read out in full to the speaker ("村干部给我从头念到尾") and the speaker's own hearing of all of it, a
relative who read it out first or kept the speaker company while reading, the chat scrolled back, a "not yet" ended by
"行了" before the reading said now, the count of the sections said apart, parts named as included, the speaker's habit
of reading before signing, a telephone call in the middle, the formal "以上内容我已知悉", and the question whether one
may go on without reading.

Each is a yes only beside a complete plain reading by the speaker. A part, a plan or a reading not over, a hedge, doubt
about understanding, someone else's reading that the speaker did not hear, and laughter or mockery on the statement
itself are asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, PROXY, SELF


def _undecided(reading) -> bool:
    return reading.kind == "clarify"


# --- the span from the first section to the last, the reply sent after the reading ------------------------------

@pytest.mark.parametrize("text", [
    "看完了，从第一条看到第七条", "从第一条看到第七条了", "从第1条看到第7条了",
    "不是没读完，是读完了才回你的", "读完了才回你的", "我看完了以后才回复您的",
])
def test_span_and_reply_after_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a span that ends before the last section, someone else's, a hedge, a gap in it
    "从第一条看到第五条了", "看完了，从第一条看到第五条", "我儿子从第一条看到第七条了", "我妈从第一条看到第七条了",
    "看完了，从第一条看到第七条吧", "没看完，从第一条看到第七条", "从第一条看到第七条，中间跳了几条",
    # the reply without 的 may be a promise; a plan, a part, a hedge
    "读完了才回你", "等我读完了才回你的", "看了一半才回你的", "读完了才回你的吧",
])
def test_span_and_reply_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_span_ends_on_the_last_section_sent():
    five = Context(applicant_name="张伟", notice_sections=5)
    assert _yes(notice_read("从第一条看到第五条了", five))
    assert _undecided(notice_read("从第一条看到第四条了", five))


# --- the concession, the length or detail compared, the effort and its cause -------------------------------------

@pytest.mark.parametrize("text", [
    "看是看完了，就是有点长", "读完是读完了，不过太长了",
    "已阅读，字太多了看得我头晕🤣", "已阅读，看得我头晕",
    "看完了，比我孙子的作文还长哈哈", "看完了，比我孙子的作文还长",
    "已阅读。顺便说一句，你们这告知书写得比我买房合同还细", "已阅读，比我买房合同还细",
])
def test_remarks_on_the_notice(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the concession alone or followed by a reservation, a hedge, laughter or a joke
    "看是看完了", "看是看完了，就是没看懂", "看是看完了，就是记不太住", "看是看完了，但是第三条我不同意",
    "看是看完了，就是有点长吧", "看是看完了，就是有点长😂", "看是看完了，就是有点长，骗你的",
    # the effort alone, with a hedge, someone else's, with giving up or not understanding
    "看得我头晕🤣", "应该看完了，看得我头晕", "我孙子看完了，看得他头晕", "已阅读，字太多了看得我头晕，看不下去",
    "已阅读，看得我头晕，没看懂",
    # the comparison alone, the laughter on the statement, a dismissive or teasing laugh, a joke, a hedge, someone else
    "比我孙子的作文还长哈哈", "看完了哈哈，比我孙子的作文还长", "看完了，比我孙子的作文还长呵呵",
    "看完了，比我孙子的作文还长🤪", "看完了，比我孙子的作文还长哈哈，骗你的", "看完了吧，比我孙子的作文还长哈哈",
    "我孙子看完了，比作文还长哈哈", "你们这告知书写得比我买房合同还细",
    # a negation in the comparison, a comparison of the speaker, not unread patience
    "已阅读，比我没看的合同还长", "已阅读，比我孙子看得还快", "看完了，比我孙子的作文还长，没耐心看",
    "已阅读，比我买房合同还细，看不懂",
])
def test_remarks_on_the_notice_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- the liability section retold and kept in mind ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读，第五条说不实承诺要担责，我记住了", "已阅读，我记住了", "已阅读，第五条说不实承诺要担责",
])
def test_liability_retold(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # no reading stated, not remembered, "as far as I recall", the liability denied, a hedge, a question
    "第五条说不实承诺要担责，我记住了", "我记住了", "已阅读，第五条说不实承诺要担责，我没记住",
    "已阅读，第五条说不实承诺要担责，我记得", "已阅读，第五条说不实承诺不用担责", "应该看完了，我记住了",
    "已阅读，第五条说不实承诺要担责，我记住了吗",
])
def test_liability_retold_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


# --- read out to the speaker, a relative beside them -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我不识字，村干部给我从头念到尾，七条我都听着了", "我不识字，村干部给我从头念到尾，我全听完了",
    "我不识字，村干部给我从头念到尾", "村干部给我从头念到尾", "儿子给我念完了",
    "闺女念了两遍，我全听完了，也看了",
    "我七十八了眼神不好，老伴拿放大镜陪我一条条看完了", "老伴陪我看完了",
])
def test_read_out_and_read_with_company(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a request or a plan: someone asked to read it, or who will, or is about to finish
    "让村干部给我从头念到尾", "村干部会给我从头念到尾", "村干部会给我念完", "村干部要给我念完", "让孙子给我念完",
    "儿子明天给我念完", "我不识字，村干部会给我念完", "我不识字，村干部要给我从头念到尾，七条我都听着了",
    # heard: a part, without 我, only half read out, asleep, asked
    "我不识字，村干部给我从头念到尾，三条我都听着了", "我不识字，村干部给我从头念到尾，都听着了",
    "我不识字，村干部给我念了一半，七条我都听着了", "我不识字，村干部给我从头念到尾，我睡着了",
    "我不识字，村干部给我从头念到尾，七条我都听着了吗",
    # read out first: the answer without 我 (may be the reader's), half, a plan, a bare 听了, a hedge, her, laughter
    "闺女念了两遍，看完了", "闺女念了一半，我全听完了", "闺女要念两遍，我全听完了", "闺女念了两遍，我听了",
    "闺女念了两遍，我应该都听完了", "闺女念了两遍，她全听完了", "闺女念了两遍", "闺女念了两遍，我全听完了😂",
    "闺女念了两遍，我全听完了哈哈",
    # company: a part, read for the speaker, the relative's own reading, not finished
    "老伴陪我看了一半", "老伴替我看完了", "老伴拿放大镜看完了", "老伴陪我一条条看", "老伴拿放大镜陪我看完了第一条",
])
def test_read_out_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_reading_out_not_over_is_no_yes():
    assert not _yes(notice_read("儿子快念给我听完了", SELF))


# --- the chat scrolled back, a "not yet" ended, the count said apart ---------------------------------------------

@pytest.mark.parametrize("text", [
    "再说一遍吧，算了不用，我往上翻着看完了，已阅读", "我往上翻着看完了",
    "还没——行了，现在读完了", "还没，好了，现在全看完了",
    "我认认真真看完了，七个部分", "我都看了，7个部分，一个没少", "7条都看完了",
])
def test_scrolled_not_yet_and_count(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "往上翻着看", "我往上翻着看了一半", "我往上翻着看完了第一条",
    # the "not yet" not ended now, a part, a hedge, laughter, a plain no first
    "还没——行了", "还没——行了，现在读了一半", "还没——行了，读完了", "还没——行了，现在读完了吧", "还没——行了，现在读完了😂",
    "没看，行了，现在看完了",
    # a count that is not the whole notice, said alone, after a bare 看了, or contradicted
    "我认认真真看完了，三个部分", "看了，七个部分", "七个部分", "我都看了，3个部分，一个没少", "我看了，7个部分，一个没少",
    "我都看了，7个部分，少了一个", "我认认真真看完了，七个部分中的三个", "3条都看完了",
])
def test_scrolled_not_yet_and_count_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_count_is_the_sections_sent():
    five = Context(applicant_name="张伟", notice_sections=5)
    assert _yes(notice_read("我认认真真看完了，五个部分", five))
    assert _undecided(notice_read("我认认真真看完了，三个部分", five))


# --- asides: parts included, the habit of reading, a call in the middle, the formal "known" ----------------------

@pytest.mark.parametrize("text", [
    "都看过了，包括核查和公开那两条", "都看过了，包括第五条", "看完了，我这人签啥都要看三遍的，放心",
    "读完了，中间接了个电话，回来接着读完的", "中间接了个电话，回来接着读完的", "已阅读，以上内容我已知悉",
])
def test_asides(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # parts named alone, a partial reading, an exception, a hedge, a part not read
    "包括核查和公开那两条", "看了两条，包括核查和公开", "都看过了，除了核查和公开那两条", "都看过了吧，包括核查和公开那两条",
    "都看过了，包括核查和公开那两条没看",
    # the habit alone, denied, beside someone else's reading, with this reading not done
    "我这人签啥都要看三遍的，放心", "看完了，我这人签啥都不看的", "我儿子看完了，我这人签啥都要看三遍的",
    "我这人签啥都要看三遍的，这次还没看",
    # the call, and the reading not taken up again or not finished
    "中间接了个电话，回来接着读", "读完了，中间接了个电话，后面没看", "读完了，中间接了个电话，回来没接着读",
    # the formal "known" alone, denied, hedged, taken back
    "以上内容我已知悉", "已阅读，以上内容我不知悉", "应该已阅读，以上内容我已知悉", "已阅读，以上内容我已知悉（假的）",
])
def test_asides_look_alikes(text):
    assert _undecided(notice_read(text, SELF))


def test_asides_for_a_proxy():
    assert _yes(notice_read("我是代理人刘洋，都看过了，包括核查和公开那两条", PROXY))
    assert _undecided(notice_read("赵强都看过了，包括核查和公开那两条", PROXY))


# --- whether one may go on without reading -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["不看完能办吗", "不看完能办吗？", "没读完也可以吗"])
def test_unread_allowed_asked(text):
    assert notice_read(text, SELF).kind == "question"


@pytest.mark.parametrize("text", [
    # a push-back, a statement, a question with a laugh, a question then an answer
    "不看不行吗", "不看完也能办", "不看完能办", "不看完能办吗，哈哈",
])
def test_unread_allowed_look_alikes(text):
    assert _undecided(notice_read(text, SELF))
