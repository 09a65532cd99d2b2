"""Names said as on the phone (actions/interpret.py, the name steps, mostly the legal representative): the question asked
back or remarked on before the name ("你问我叫啥？廖国平", "法人叫啥要紧吗，我就是，叫汪涛", "法人得是人名？那写我：谭永强",
"法人这么严肃的吗😳 好吧 是我 郑可欣", "我叫什么……我叫孙建华啊"), the obvious asked back between pauses ("我呀 还能是谁
宋佳怡"), laughter at the speaker's own muddle before the name said again, a dash before the name, a relative's name taken
back and explained before the speaker claims the role, a relative denied the role beside the speaker's claim, a laughed-at
concession about someone else in brackets, and 算了 before a restart as a proxy. Each is pinned with look-alikes that must
still be asked again: the question alone or followed by no name, a relative named after it, a guess, a stock name, a
name not said again, a muddle not told, a correction not explained, a relative talked of beside the name, and the speaker
who is not the representative (acting for a relative, a shareholder, the relative's name given): a wrong name is worse
than asking again."""
from __future__ import annotations

import pytest

from tests.actions.speakers import name_outcome as outcome, name_reading as reading


DECIDED = [
    # what was asked, echoed back before the answer
    ("r", "你问我叫啥？廖国平，快点办", "廖国平"),
    ("r", "你问法人名字？我呀，杨树林，树林的树林", "杨树林"),
    ("g", "你问我叫啥？刘洋", "刘洋"),
    # whether the name matters, asked and answered at once
    ("r", "法人叫啥要紧吗，我就是，叫汪涛", "汪涛"),
    # which kind of name, checked and answered at once
    ("r", "法人得是人名？那写我：谭永强", "谭永强"),
    # the question's formality remarked on, then conceded
    ("r", "法人这么严肃的吗😳 好吧 是我 郑可欣", "郑可欣"),
    ("r", "法人这么严肃的吗？好吧，是我，郑可欣", "郑可欣"),
    # the speaker recalling their own name aloud, then saying it
    ("r", "嗯……我叫什么……我叫孙建华啊，法人就是我嘛", "孙建华"),
    # the obvious asked back between two pauses of voice input
    ("r", "我呀 还能是谁 宋佳怡", "宋佳怡"),
    # laughter at the speaker's own muddle, told, and the one name said again
    ("r", "我叫……哈哈哈，我都叫糊涂了，冯建国，就是冯建国", "冯建国"),
    # a dash before the name sets it in apposition
    ("r", "郑州好味餐饮管理有限公司的法人就是我——陆海涛", "陆海涛"),
    # the name taken back explained as a relative's, then the role claimed by the speaker
    ("r", "张保国，哎不是，那是我弟弟，法人是我，张保民", "张保民"),
    ("r", "张保国，哎不是，张保民", "张保民"),
    # a relative denied the role while the speaker claims it
    ("r", "不是我老伴，是我，吴金花，执照上就我一个名字", "吴金花"),
    ("r", "法人不是我老公，是我，王芳", "王芳"),
    # a concession about someone else, laughed at in brackets
    ("r", "法人是我本人 不是我爸（虽然钱是他出的😂）周子轩", "周子轩"),
    # a name begun and said again whole is still read so
    ("r", "我叫王建 王建设", "王建设"),
    ("r", "我是法人，不是股东，袁大伟", "袁大伟"),
    ("r", "我自己打的电话，法人是我，李满仓", "李满仓"),
    # others calling the speaker by a nickname are no third person named
    ("r", "大家都叫我芳芳，大名王芳", "王芳"),
]


@pytest.mark.parametrize("key,text,expected", DECIDED)
def test_decided(key, text, expected):
    assert outcome(key, text) == expected


@pytest.mark.parametrize("text", [
    # 算了, the reason, then the errand handed back or the journey begun again as a proxy
    "算了，我不是法人，我去重新选代办",
    "那个……算了，我不是法人，我回头让他自己来",
])
def test_given_up(text):
    assert outcome("r", text) == "cancel"


NOT_DECIDED = [
    # the speaker acts for a relative, or gives a relative's name: not the representative
    ("r", "是我老头子的名字，他叫李满仓，我替他打的电话", "clarify"),
    ("r", "我替他打的电话，法人是他，李满仓", "clarify"),
    ("r", "是我老头子的名字，李满仓", "clarify"),
    ("r", "法人写的是我老头子的名字", "clarify"),
    ("r", "写我老婆的名字：王芳", "clarify"),
    ("r", "我老婆：王芳", "clarify"),
    ("r", "法人写我老婆，王芳", "clarify"),
    ("r", "我老婆，宋佳怡", "clarify"),
    # the one named spoken of as he or she, also after the question echoed
    ("r", "他叫王芳", "clarify"),
    ("r", "法人是他，王芳", "clarify"),
    ("r", "你问法人名字？他叫王芳", "clarify"),
    # the speaker says they are not the representative, with the subject left out
    ("r", "我是股东，不是法人，法人是袁大伟", "clarify"),
    ("r", "不是法人，法人是袁大伟", "clarify"),
    # no 算了, no restart, or the restart asked about: no stop
    ("r", "那个……我不是法人，我回头让他自己来", "clarify"),
    ("r", "算了，我不是法人，我去重新选代办吗", "question"),
    # the question asked back alone, or followed by no name, is a question still
    ("r", "你问我叫啥？", "question"),
    ("r", "你问我叫啥？你们系统里没有吗", "question"),
    ("r", "法人叫啥要紧吗", "question"),
    ("r", "法人得是人名？", "question"),
    ("r", "法人这么严肃的吗😳", "question"),
    ("r", "法人这么严肃的吗😳 好吧", "question"),
    ("r", "我叫什么……", "question"),
    # a question about the name given stays one
    ("r", "法人是王芳吗？王芳", "question"),
    ("r", "你问我叫啥？廖国平，写廖国平还是廖国萍", "question"),
    # a relative named after the question asked back, or a guess
    ("r", "法人得是人名？那写我老婆：王芳", "clarify"),
    ("r", "你问法人名字？我老婆，王芳", "clarify"),
    ("r", "你问我叫啥？廖国平吧", "clarify"),
    # the obvious asked back beside a relative, or with nothing before it
    ("r", "我老婆 还能是谁 宋佳怡", "clarify"),
    ("r", "还能是谁 宋佳怡", "question"),
    # laughter with no muddle told, the name not said again, a stock name, a joke, two names
    ("r", "我叫……哈哈哈，冯建国，就是冯建国", "clarify"),
    ("r", "我叫……哈哈哈，我都叫糊涂了，冯建国", "clarify"),
    ("r", "我叫……哈哈哈，我都叫糊涂了，马云，就是马云", "clarify"),
    ("r", "我都叫糊涂了哈哈，冯建国，就是冯建国，开玩笑的", "clarify"),
    ("r", "我叫……哈哈哈，我都叫糊涂了，冯建国，就是冯建华", "clarify"),
    # a dash after a relative
    ("r", "法人是我老婆——陆海涛", "clarify"),
    # the relative explained with no claim of the role, or with no name taken back
    ("r", "张保国，哎不是，那是我弟弟，法人是他", "clarify"),
    ("r", "张保国，哎不是，那是我弟弟", "clarify"),
    ("r", "那是我弟弟，法人是我，张保民", "clarify"),
    # a relative denied with no claim by the speaker, or talked of beside the name
    ("r", "法人不是我姐，叫冯晓丽", "clarify"),
    ("r", "法人不是我 是我姐 叫冯晓丽", "clarify"),
    ("r", "法人是我本人 不是我爸，钱是他出的，叫周大海", "clarify"),
    ("r", "不是我老伴，吴金花", "clarify"),
    # the aside says the answer is false, that someone sent the speaker, or who holds the role; or a joke
    ("r", "法人是我本人 不是我爸（虽然是假的😂）周子轩", "clarify"),
    ("r", "法人是我本人 不是我爸（虽然是他让我来的😂）周子轩", "clarify"),
    ("r", "周子轩（其实我爸才是法人😂）", "clarify"),
    ("r", "周子轩（开玩笑的😂）", "clarify"),
]


@pytest.mark.parametrize("key,text,expected", NOT_DECIDED)
def test_not_decided(key, text, expected):
    assert outcome(key, text) == expected


@pytest.mark.parametrize("key,text,detail", [
    ("r", "是我老头子的名字，他叫李满仓，我替他打的电话", "not_representative"),
    ("r", "我是股东，不是法人，法人是袁大伟", "not_representative"),
    ("r", "我叫……哈哈哈，冯建国，就是冯建国", "hedge"),
])
def test_why_asked_again(key, text, detail):
    assert reading(key, text).detail == detail
