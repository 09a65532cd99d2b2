"""The notice read (bot/core/consent.py, notice_ack) beside still more that cannot take the reading back: a part named
and read with care or understood too (pointed at as 那段, or by its topic alone), the stakes a part sets out found
grave, the notice's gist retold in the reader's words; a shortcut denied (not skipped, not clicked blindly, no reply
without reading, no unfinished case, not a mere messenger, nobody else asked to read it, no laziness, literacy insisted
on) and the idiom of none missed said twice; the reader
corrected to the speaker by name or as 本人, the legal representative insisting he is one; a boast or a comparison
beside the statement (the care greater than at school or over a show, above the staff's, a test that would be
passed, learnt by heart after one more reading); the notice to be told later to the one the proxy acts for; the
speaker at the keyboard with someone typing; the next step asked to be sent; and the matter itself given up.

Each is a yes only beside a complete plain reading by the speaker. Another reader left standing, a correction left
open, a comparison that says less, a shortcut admitted, a request to repeat, the remark alone, a hedge or a question
is not a yes."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from bot.core.reading import Context
from tests.core.speakers import is_yes as _yes, ENTERPRISE, PROXY, SELF

COMPANY = Context(applicant_kind="enterprise", applicant_name=ENTERPRISE)


def _not_yes(reading) -> bool:
    return not _yes(reading)


# --- a part read with care or understood too, its stakes weighed, the gist retold ------------------------------------

@pytest.mark.parametrize("text", [
    "看完了，不实承诺的后果那段我也仔细看了", "看完了，不实承诺的后果那段我也仔细看了，谢谢", "看完了，法律责任那段我也仔细看了",
    "读完了，核查那部分也看明白了，继续吧", "读完了，核查那部分也看明白了，谢谢", "看完了，核查也看明白了",
])
def test_a_part_read_too(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the part alone, read without "too", understood by someone else or not at all
    "不实承诺的后果那段我也仔细看了", "看完了，不实承诺的后果那段我看了", "看完了，不实承诺的后果那段我也没看",
    "核查那部分也看明白了，继续吧", "读完了，核查那部分看明白了，继续吧", "读完了，核查那部分我儿子看明白了，继续吧",
    "看完了，核查也没看明白",
])
def test_a_part_read_too_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "看完了，第六条那个后果挺严重啊", "已阅读，不实承诺的后果可真重", "看完了，就是说得说实话，不能瞎承诺呗",
    "已阅读，意思就是要如实填", "已阅读，意思就是不能说假话", "看完了，不能瞎填呗",
])
def test_stakes_weighed_and_gist_retold(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the remark alone, asked, hedged, or beside a part not read
    "第六条那个后果挺严重啊", "看完了，第六条那个后果严重吗", "看完了，后果挺严重吧", "看完了，第六条那个后果挺严重啊，没细看",
    "看完了，第六条没看，后果挺严重啊", "就是说得说实话，不能瞎承诺呗", "看完了，就是说得说实话吧", "看完了，不能瞎承诺呗？",
    # 不能 on the commitment itself, not on a rash one; the truth told with no "that is to say" (it may open a confession)
    "看完了，不能承诺呗", "看完了，就是说不能承诺", "看完了，不能说假话", "看完了，得说实话", "看完了，就是得说实话",
])
def test_stakes_weighed_and_gist_retold_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


# --- a shortcut denied -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我可没跳着看，全部读完了", "我不是瞎点的，真的已经阅读完了", "我不是乱点的，已阅读", "没漏，一条都没漏，全看完了",
    "我不会不看就回复的，已经读完了", "我从来不会没看完就点确认的，全部看完了", "我可没有跳过哪一条，七部分全读完了",
    "没有不看的道理，已阅读", "没让别人代看，是我自己看完的", "我又不是不识字，告知书全部读过了", "没偷懒，全文一字不落读完了",
    "没跳着看也没快进，全部看完了",
])
def test_shortcut_denied(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the shortcut admitted, or denied with nothing plain beside it
    "我是跳着看的", "我是瞎点的", "我是跳着看的，已经读完了", "我是瞎点的，已阅读", "我可跳着看了，全部读完了", "我可没跳着看",
    "我不是瞎点的", "我不是瞎点的，看了一半", "我不会不看就回复的", "我会不看就回复的，已经读完了", "我不会不看就回复的，已经读完了吗",
    "没漏，一条都没漏", "没漏，一条都没漏，大概看完了", "我跳过了哪一条，七部分全读完了", "没有不看的道理", "让别人代看了，是我自己看完的",
    "没让别人代看，是我儿子看完的", "没让别人代看", "我不识字，告知书全部读过了", "没偷懒，看了一半", "我偷懒了，全文读完了",
    "没跳着看也快进了，全部看完了", "没跳着看也没快进", "没跳着看也没快进，大概看完了",
])
def test_shortcut_denied_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["不存在没看完的情况，我作为法人已全部阅读", "不存在没看完的情况，本公司已阅读"])
def test_unfinished_case_denied_by_a_company(text):
    assert _yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", [
    "不存在没看完的情况", "存在没看完的情况，我作为法人已全部阅读", "不存在没看完的情况，会计已全部阅读",
])
def test_unfinished_case_denied_look_alikes(text):
    assert _not_yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", ["我不是光帮他传话的，告知书是我自己看完的", "告知书是我自己看完的"])
def test_messenger_denied_the_speaker_the_reader(text):
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", [
    "我不是光帮他传话的", "告知书是我儿子看完的", "我不是光帮他传话的，告知书是我舅看完的", "我是光帮他传话的，告知书是我自己看完的",
])
def test_messenger_denied_look_alikes(text):
    assert _not_yes(notice_read(text, PROXY))


# --- the reader corrected to the speaker -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "赵强看完了，不对，是我刘洋看完的，他不在跟前", "赵强看完了，不对，是我刘洋看完的", "已阅读，他不在跟前",
])
def test_corrected_to_the_proxy(text):
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", [
    "赵强看完了", "赵强看完了，不对…", "赵强看完了，不对", "赵强看完了，不对，是他看完的", "我赵强看完的", "他不在跟前",
    "他不在跟前，他看完了", "赵强看完了，他不在跟前",
])
def test_corrected_to_the_proxy_look_alikes(text):
    assert _not_yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", ["我们会计看过了，哦不，是我本人看完的，我就是法人", "我就是法人，已阅读"])
def test_corrected_to_the_representative(text):
    assert _yes(notice_read(text, COMPANY))


@pytest.mark.parametrize("text", [
    "会计看过了，我没看", "我们会计看过了", "我们会计看过了，哦不，是我们老板看完的", "我就是法人",
])
def test_corrected_to_the_representative_look_alikes(text):
    assert _not_yes(notice_read(text, COMPANY))


# --- a boast or a comparison beside the statement --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已阅读，这比我上学时看课本认真多了", "已阅读，七部分一个没落，现在考我都行", "看完了，比追剧还投入", "看完了，比我孙子的作业还长😂",
    "已阅读，再看我都能背下来了", "看完了，再看一遍我就能背下来了",
])
def test_boast_or_comparison(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # a comparison or a boast that says less, asks, or stands alone; another reader set above the speaker
    "已阅读，比课本还难懂", "已阅读，比课本还难懂😂", "已阅读，考我肯定不及格", "已阅读，现在考我就不行了", "已阅读，这比我上学时看课本差多了",
    "看完了，比追剧还快", "看完了，比追剧还投入吗", "看了一半，比追剧还投入", "已阅读，员工比我读得还仔细",
    "已阅读，七部分一个没落，现在考我都行吗", "没看完，现在考我都行", "已阅读，再看我也背不下来", "已阅读，再看我都背不下来了",
    "再看我都能背下来了",
])
def test_boast_or_comparison_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


def test_repeat_stays_repeat():
    assert notice_read("再看一遍吧", SELF).kind == "repeat"
    assert _not_yes(notice_read("已阅读，再看一遍吧", SELF))


def test_the_representative_above_the_staff():
    assert _yes(notice_read("已阅读，我这个法人比员工读得还仔细", COMPANY))
    assert _not_yes(notice_read("已阅读，我这个法人比员工读得还少", COMPANY))
    assert _not_yes(notice_read("已阅读，我这个法人比员工读得还仔细吧", COMPANY))


# --- the notice to be told to the one the proxy acts for -------------------------------------------------------------

@pytest.mark.parametrize("text", ["我全看完了，回去还得给我舅讲一遍，跑不了", "已阅读，回头我要给他讲一遍"])
def test_told_on_later(text):
    assert _yes(notice_read(text, PROXY))


@pytest.mark.parametrize("text", [
    "给我舅讲一遍", "回去还得给我舅讲一遍", "回去还得给我舅讲一遍，跑不了", "我全看完了，你给我舅讲一遍", "我看了一半，回去还得给我舅讲一遍",
])
def test_told_on_later_look_alikes(text):
    assert _not_yes(notice_read(text, PROXY))


# --- the speaker at the keyboard, the next step, the matter given up -------------------------------------------------

@pytest.mark.parametrize("text", ["我是本人，闺女帮我打字，告知书我自己一条条看完了", "我是本人，孙子帮我打的字，我一条一条看完了"])
def test_speaker_with_a_typist(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    "我是本人，闺女帮我打字，她看完了", "我是本人，闺女帮我打字，告知书闺女看完了", "我是本人，闺女帮我打字",
    "我是本人，闺女帮我打字，告知书我自己一条条看了一半",
])
def test_speaker_with_a_typist_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["全都阅读完了，你发下一步吧", "已阅读，麻烦您发下一步"])
def test_next_step_sent(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["你发下一步吧", "看了一半，你发下一步吧", "没看完，你发下一步吧"])
def test_next_step_sent_look_alikes(text):
    assert _not_yes(notice_read(text, SELF))


def test_the_matter_given_up():
    assert notice_read("太长了不看了，这事不办了", SELF).kind == "cancel"


@pytest.mark.parametrize("text", ["太长了不看了", "如果太长就不看了，这事不办了", "太长了不看了，这事不办了吗"])
def test_the_matter_given_up_look_alikes(text):
    reading = notice_read(text, SELF)
    assert reading.kind != "cancel" and _not_yes(reading)
