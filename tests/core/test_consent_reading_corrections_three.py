"""The notice question (bot/core/consent.py): Wu 阿拉 before the notice named as the topic of the reading ("阿拉告知书都看好
了"), a "not yet" cut short by an interjection and 等会 ("还没…哦等会，刚刷到最后了，看完了"), the reason for a late reply
told beside the reading ("刚才在忙别的才没回你"), the speaker's earlier partial report dated and over ("刚才说看了一半是之
前，现在全部看完了"), and a relative who read along WITH the speaker ("我媳妇也跟我一块儿看的").

The lines drawn: after the pause only a plain reading decides, and nothing after it is a no; the late reply's 没 must be on
the reply, not on the reading; the dated report needs a whole reading said as it is now; someone who read instead of the
speaker, or a reading along said with no statement of the speaker's own, is asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, SELF


def _held(text) -> bool:
    """Asked again or read as a no: nothing is taken."""
    return notice_read(text, SELF).kind in ("clarify", "negated")


# --- 阿拉 before the notice or its whole count ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "阿拉告知书都看好了",
    "阿拉七个部分一条一条看完了",
    "阿拉每条都看过了",
])
def test_wu_speaker_before_the_notice_named(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "阿拉七条看了一半", "阿拉告知书还没看", "阿拉七条全部看过了吧", "阿拉老公七条全部看过了", "阿拉三条看过了",
    "阿拉前面几条看过了", "阿拉七条大概看过了",
])
def test_wu_speaker_look_alikes(text):
    assert _held(text)


# --- a not-yet cut short by "oh, wait", the page scrolled to its end ------------------------------------------------

@pytest.mark.parametrize("text", [
    "还没，哦等会，刷到底了，全部看完了",
    "没看完，啊等等，刚刷到最后了，我都看完了",
    "还没，等等，刚刷到最后了，看完了",
    "刚刷到最后了，看完了",
])
def test_not_yet_cut_short_then_read(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "还没…哦等会", "还没…等会再看", "刚刷到最后了", "还没…哦等会，刚刷到最后了", "还没，等等，刚刷到最后了",
    "还没…哦等会，刚刷到最后了，看了一半", "还没，哦等会，我再看看", "还没…哦等会，刷到第三条了，看完了",
    "还没…哦等会，我媳妇看完了", "还没…哦等会，刚刷到最后了，看完了吗", "还没…哦等会，刚刷到最后了，大概看完了",
    "还没，哦等会，看完了吧", "刚刷到最后了，我老婆看完了", "刷到最后了，还没看完", "前三部分看了，后面的等会儿再看",
])
def test_not_yet_cut_short_look_alikes(text):
    assert _held(text)


# --- why the reply came late ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "早就看完了，刚才在开车没回复你",
    "刚才没看手机，没回你，告知书我都看完了",
    "全部看完了，在忙，才没回你",
    "不是没看，全都读完了，之前一直在忙没回你消息",
])
def test_late_reply_reason_beside_the_reading(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "不是没看，我早就看完了，刚才在忙别的才没看完", "不是没看，我早就看完了，在忙，回头看", "刚才在忙别的才没回你",
    "刚才在忙别的才没回你，看了一半", "刚才在忙没回你，我老婆看完了", "看完了，刚才在忙没回你，还有两条没看",
    "在忙没回你，应该看完了", "我在忙，没看完",
])
def test_late_reply_look_alikes(text):
    assert _held(text)


# --- an earlier partial report, dated and over -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "刚才说看了一半是之前，现在全部看完了",
    "我刚才回的只看了三条是之前的情况，现在都读完了",
    "之前说的没看完是之前的事，现在全部看完了",
])
def test_dated_earlier_report_then_the_reading_now(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "刚才说看了一半", "刚才说看了一半是之前", "已阅读。刚才说看了一半是之前，现在看了一大半", "刚才说看了一半是之前，已阅读",
    "刚才说看了一半是之前，现在又看了几条", "刚才说看了一半是之前，现在我老婆全看完了",
    "刚才说看了一半是骗你的，现在全部看完了", "刚才说看了一半是之前，现在应该看完了",
    "刚才说看了一半是之前，现在全部看完了？", "刚才说看了一半是之前，现在还剩两条没看",
])
def test_dated_earlier_report_look_alikes(text):
    assert _held(text)


# --- a relative who read along with the speaker ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，老伴和我一起读完的，没问题",
    "全部看完了，我儿子也陪我一起看了",
    "都看完了，我闺女也跟我一块看的，没啥要问的",
])
def test_relative_reading_along_with_the_speaker(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "读完了，我媳妇看的", "读完了，我媳妇帮我看的", "读完了，我媳妇看完跟我说了", "我媳妇看的，没啥问题",
    "我媳妇帮我看的，没啥问题", "我媳妇看完跟我说了，没啥问题", "我媳妇也跟我一块儿看的，没啥问题",
    "我媳妇跟我一块儿看完了", "读完了，我媳妇也跟我一块儿看的，应该没啥问题吧", "看了一半，我媳妇也跟我一块儿看的，没啥问题",
    "读完了，我媳妇也跟我一块儿看的，她说没啥问题", "我媳妇读完了，我也跟着看了",
])
def test_relative_reading_look_alikes(text):
    assert _held(text)
