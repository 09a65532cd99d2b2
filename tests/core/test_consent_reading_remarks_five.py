"""The notice read (bot/core/consent.py, notice_ack) beside more that cannot take the reading back: a salute, a weary face
on a remark about the effort; a joke beside the statement (the reading likened to a school exercise, a quip taken back
as a joke before the statement); none missed, said as a cleft with the speaker as the reader; a part not read earlier
and read now, then the whole; a part, or what it says, taken in (known, remembered, found out, startling) and the checks
to be cooperated with; the length grumbled at first and then turned against; the reader's eyes and ears (the print made
bigger, a voice that cannot be heard, the notice read aloud to one who cannot see it well); a caller's check of the
line; 美问题 typed for 没问题; who the speaker is in a company or for whom a proxy acts, and two readers together.

Each is a yes only beside a complete plain reading by the speaker. The remark alone, a hedge, a question, another
reader, a part left unread or not understood, a give-up, or a joke on the statement itself is asked again."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, ENTERPRISE, PROXY, SELF

COMPANY = Context(applicant_kind="enterprise", applicant_name=ENTERPRISE)


def _not_yes(reading) -> bool:
    return not _yes(reading)


# --- a salute, a weary face on the effort ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["报告，已阅读完毕🫡", "已阅读🫡", "看完了，眼睛都看花了😵", "看完了，看得我头都晕了🥱"])
def test_salute_and_weary_face(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "🫡", "😵", "看完了😵", "看完了，就这样吧😵", "没看完🫡", "看完了吧🫡", "已阅读🫡😂", "眼睛都看花了😵",
])
def test_salute_and_weary_face_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- a joke beside the statement -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "读完了，跟做英语阅读理解似的哈哈", "看完了，像考试一样哈哈", "已读不回（开玩笑的），已阅读", "没看（开玩笑的），都看完了",
])
def test_joke_beside_the_statement(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the joke on the statement itself, or said last; the quip alone
    "已阅读（开玩笑的）", "已读不回", "已读不回（开玩笑的）", "看完了，开玩笑的，看完了", "哪能没看呢，我都看完了，开玩笑的",
    # what follows the quip is no plain reading, or is asked
    "已读不回（开玩笑的），没看", "已读不回（开玩笑的），看了一半", "已读不回（开玩笑的），已阅读？",
    # likened to nothing understood, or with a hedge
    "读完了，跟看天书似的哈哈", "读完了，好像做阅读理解似的哈哈", "跟做英语阅读理解似的哈哈",
])
def test_joke_beside_the_statement_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- none missed, the speaker as the reader --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["没有哪一条是我没看的", "没有哪一条是我没看过的", "写这么多干嘛……不过我一条没落，全看了"])
def test_none_missed(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "没有哪一条是我儿子没看的", "没有哪一条是我看过的", "没有哪一条是我没看懂的", "没有哪一条是我没看的吧", "没有哪一条是我没看的？",
    "没有哪条没看的", "写这么多干嘛……不过我一条没落，看了一半",
])
def test_none_missed_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- a part not read earlier, read now, then the whole ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "没读完，哦不对，刚才漏了最后一条，现在补看了，都读完了", "第三部分还没看……现在看了，七部分都看完了",
    "第三部分还没看，现在全部看完了",
])
def test_not_finished_earlier_finished_now(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "第三部分还没看，现在看了", "第三部分还没看，其他都看完了", "第三部分还没看", "没读完，哦不对，刚才漏了最后一条，现在补看了",
    "刚才漏了最后一条，等会儿补看，都读完了", "第三部分还没看，现在看了，七部分大概都看完了",
])
def test_not_finished_earlier_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- a part, or what it says, taken in -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读。核查那条我知道了，到时候会配合", "全部读完了，原来承诺不实要记诚信档案，吓我一跳",
    "已阅读，第五条那个撤销决定的后果我记住了", "已阅读，核查那条我也明白了", "看完了，到时候一定配合核查",
])
def test_what_a_part_says_taken_in(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the part not taken in, or taken in by someone else, or asked about
    "已阅读。核查那条我没看懂", "已阅读，核查那条我儿子知道了", "已阅读，核查那条我知道了吗", "已阅读，第五条那个后果我记得",
    "已阅读，核查那条我不知道",
    # the remark alone, or beside no plain reading
    "核查那条我知道了", "原来承诺不实要记诚信档案", "吓我一跳", "到时候会配合", "看完了吧，到时候会配合", "已阅读，到时候会配合吗",
    "全部读完了，原来不用看完", "看了一半，原来承诺不实要记诚信档案，吓我一跳",
])
def test_what_a_part_says_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- the length grumbled at, then turned against ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "这么长谁看得完……行吧，我还是硬着头皮全看完了", "看了快十分钟，终于看完了，累死", "太长了吧！！不过我看完了，赶紧下一步",
    "能不能精简点啊，反正我已经读完了",
])
def test_length_grumbled_then_read(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the grumble alone, a give-up, a hedge, a reading not finished
    "这么长谁看得完", "写这么多干嘛", "能不能精简点啊", "太长了，不看了", "太长了吧，大概看完了", "看了快十分钟，还没看完",
    "这么长谁看得完，算了，不看了", "能不能精简点啊，反正我看了一半", "太长了吧，看完了吧",
    # someone else's reading after the turn, or a question
    "太长了吧，不过我儿子看完了", "这么长谁看得完，行吧，看完了吗",
])
def test_length_grumbled_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- the reader's eyes and ears --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我眼神不好，把字调大了，一条一条都看完了", "我耳朵背听不了语音，文字我一个字一个字都看完了",
    "我看不太清，让孙女念给我听的，七条都听完了，也听明白了", "闺女一条一条念给我听的，我全都听完了，也听明白了",
    "我看不太清，让孙女念给我听的，我全都听完了",
])
def test_reading_aids(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "我眼神不好，把字调大了", "我眼神不好，把字调大了，看了一半", "把字调大了，我儿子看完了", "我耳朵背听不了语音",
    "我耳朵背听不了语音，文字我看了一半", "让孙女念了几条", "我看不太清，让孙女念给我听吧", "我看不太清，让孙女念给我听的，听了几条",
    "我看不太清，让孙女念了几条，都听完了",
])
def test_reading_aids_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


def test_read_aloud_to_be_done_is_not_read():
    assert notice_read("我看不太清，让孙女念给我听", SELF).kind == "clarify"


# --- a caller's check of the line, 美问题 ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "喂喂，看完了看完了，能听到吗", "看完了，听得见吗", "我已经全部看完了，美问题", "看完了，美啥问题",
])
def test_line_check_and_typed_mei(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "能听到吗", "喂喂，能听到吗", "看完了吗，能听到吗", "没看完，能听到吗", "看完了，能听懂吗", "美问题", "美问题？",
    "看完了，美问题？",
])
def test_line_check_and_typed_mei_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- who the speaker is: in a company, for whom a proxy acts, two readers ---------------------------------------------

@pytest.mark.parametrize("text", [
    "我是公司行政，告知书七个部分我都看完了", "已阅读，我是替公司办的，回头转给老板也看看", "我是法人张伟，告知书我看完了",
])
def test_company_speaker(text):
    assert _yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", [
    "我是公司行政，老板看完了", "我是公司行政", "我是公司行政，告知书七个部分看了一半", "已阅读，回头转给老板看看吧",
    "我是替公司办的，回头转给老板也看看", "我是法人张伟的儿子，告知书我儿子看完了", "我是法人张伟",
])
def test_company_speaker_look_alikes(text):
    assert _not_yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", [
    "我替我舅赵强办的，告知书我从头看到尾了", "我看完了，也给我舅念了一遍", "我和我爸一起看的，俩人都看完了",
])
def test_proxy_speaker(text):
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", [
    "我舅看完了", "我替我舅赵强办的", "我替我舅赵强办的，我舅看完了", "我和我爸一起看的，他看完了", "俩人都看完了",
    "我和我爸一起看的，俩人大概都看完了", "也给我舅念了一遍",
])
def test_proxy_speaker_look_alikes(text):
    assert _not_yes(notice_read(text, PROXY))
