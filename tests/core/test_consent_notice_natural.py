""""I have read the notice" (bot/core/consent.py) said naturally: a finished reading with a side clause that says
nothing about it (courtesy, contact details, when to call, no objection to a part, a part named as read too), where,
on what or alone it was read, an earlier reading beside this one, the whole range named, and voice input's fillers.
Each accepted shape has look-alikes that must not be taken for a yes: a part only, someone else reading, doubt, a
hedge, a condition, a deferral, an earlier reading alone, listening to a part, a question, a joke."""
from __future__ import annotations

import pytest

from bot.core.consent import notice_read
from tests.core.speakers import is_yes as _yes, SELF


@pytest.mark.parametrize("text", [
    # a side clause of courtesy, contact details or when to call
    "已阅读，辛苦了，另外我电话号码换了", "看完了，顺便说一下我下午三点以后才有空接电话", "已阅读，我手机号换了",
    "看完了，新号码是13812345678", "看完了，对了，我白天不方便接电话", "已阅读，顺便说一下",
    # no objection to a part of it, named
    "已阅读，第三部分提到的核查我也没意见", "已阅读，第五条法律责任我也没意见", "看完了，这条我也没意见",
    # a part named as read too, the end reached, completeness stressed, beside a statement of the whole
    "第七条也看完了，全部看完了", "看到最后一条了，全部看完", "全都读完了，连标点都看了", "都看完了，最后一条也看了",
    # where, on what, alone
    "刚在地铁上看完了", "我在家里看完了", "手机上都看完了", "我拿打印出来的那份逐条看完了", "用手机朗读功能听完了全部内容",
    "语音播报我听完了，七条都听了", "语音播报我听完了", "家里人都不在，我自己一个人看完了", "我一个人看完了",
    # a hiccup told first, the reading set against it
    "刚才网卡了一下，不过告知书我都看完了", "网络断了一下，已阅读", "我七十多了，不过都看完了",
    "已阅读，另外我电话号码换了👍",
    # an earlier reading, with this one said too
    "之前在窗口也看过，这次又完整看了一遍", "以前看过，刚才又看了一遍", "之前看过一遍，今天又看完了",
    # the whole range, and the notice named first as the topic
    "已阅读1-7条", "已阅读一-七条", "上面发的告知书，我从第一个字看到最后一个字", "我从第一条看到最后一条",
    # voice input's fillers
    "那个啥 我那个 阅读了 都阅读了 已阅读", "呃 那个 看完了",
])
def test_natural_reading_statements(text):
    assert _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", [
    # the side clause alone, with a question, a joke, a doubtful emoji, or beside a reading that is not one
    "另外我电话号码换了", "已阅读，另外我电话号码换了吗", "已阅读，另外我电话号码换了😂", "看完了，连标点都看了，哈哈",
    "我儿子看完了，另外我电话号码换了", "应该看完了，顺便说一下我下午三点以后才有空接电话",
    "看完了，顺便说一下我下午三点以后才有空看", "看完了，顺便说一下如果下午有空我再接电话", "已阅读，我下午三点以后才有空",
    # an objection, or no reading, said of a part
    "已阅读，第三部分提到的核查我有意见", "已阅读，第三部分我没看", "已阅读，第三部分没看懂我也没意见",
    "已阅读，第三部分提到的核查我不同意", "已阅读，核查我也没意见，不过公开我有意见",
    # a part only, or the end reached, alone or beside another reservation
    "第七条看完了", "第七条也看完了", "最后一条也看完了", "看到最后一条了", "看到最后了", "看到第三条了", "连标点都看了",
    "第七条看完了，其他的没看", "第七条看完了，前面的回家再看", "看到最后一条了，应该都看完了", "看到最后一条了，还没看完",
    "看到最后一条了，我儿子都看完了", "全都读完了，连标点都没看",
    # where or how, with someone else reading, a part, a hedge, a deferral or doubt
    "我儿子在地铁上看完了", "家里人看完了", "我家里人看完了", "我妈手机上看完了", "刚在地铁上看了一半",
    "在地铁上应该看完了", "地铁上看了一半，回家再看", "在车上看完了，不过没看懂", "看完了，有的地方没看懂",
    "拿打印出来的那份看了一半", "拿上次打印的那份看完了", "我拿打印出来的那份给我爸看完了",
    "用手机朗读功能听了一半", "用手机朗读功能听到第三条", "语音播报我听了一部分", "语音播报我儿子听完了", "语音播报",
    "我自己一个人看了一半", "我一个人看不完",
    # a copy read elsewhere, which may be another version
    "在窗口看过了", "在网上看过了",
    # the setting told, then no reading, someone else's, a hedge
    "刚才网卡了一下", "刚才网卡了一下，有一段没显示出来", "我七十多了，不过还没看完", "我七十多了，看完了😂",
    "刚才网卡了一下，看完了😂", "之前看过，这次又看了一遍🤣", "那个 看完了😂", "刚才网卡了一下，应该都看完了", "刚才网卡了一下，不过我儿子都看完了",
    "网卡了一下，第五条没看到", "家里人都不在", "家里人都不在，没人给我念", "家里人都不在，我看了一半", "儿子上班去了，看完了",
    # an earlier reading alone, or without this reading said
    "之前在窗口看过", "之前看过", "之前在窗口看过，已阅读", "之前看过，都看完了", "之前看过，这次没看",
    "之前看过，这次就不看了", "以前看过，这次应该也看完了", "之前在窗口也看过，我儿子这次又看了一遍",
    # a range short of the whole, or the topic with a part, someone else or a hedge
    "已阅读1-3条", "已阅读2-7条", "已阅读1-6条", "上面发的告知书，我儿子看完了", "上面发的告知书，我看了一半",
    "上面发的告知书，我从第一个字看到第三条", "我从第一条看到第三条",
    # fillers before no reading or someone else's
    "那个啥", "我那个 我儿子看完了", "那个 应该看完了", "那个啥 看完了吗",
])
def test_natural_look_alikes(text):
    assert not _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["看完了，不过核查的时候会上门吗？", "已阅读，但是公开的话会公开到哪里？",
                                  "告知书一共几条", "一共有几个部分？"])
def test_questions_beside_or_about_the_notice(text):
    assert notice_read(text, SELF).kind == "question"


@pytest.mark.parametrize("text", ["看了几条", "一共几条，我看了几条", "看完了吗？", "已阅读？然后呢", "看完了，不过有几条没看懂？"])
def test_question_look_alikes_are_no_reading(text):
    assert not _yes(notice_read(text, SELF))


@pytest.mark.parametrize("text", ["不看了，我不办了", "太长了，那我不办了"])
def test_giving_up_the_errand(text):
    assert notice_read(text, SELF).kind == "cancel"


@pytest.mark.parametrize("text", ["不看了，我不办了吗", "要是不看就不能办的话我就不办了"])
def test_giving_up_look_alikes(text):
    reading = notice_read(text, SELF)
    assert not _yes(reading)
