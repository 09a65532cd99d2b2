"""Circumstances told beside a plain statement: where, when and how the speaker did what the statement says.

"已阅读，我是放大了看的", "都读完了，我在电脑上看的，看得很清楚", "已读已读，刚下课看完的": a reading stated on its own,
and beside it clauses that only tell the circumstances of that reading. People add such clauses in endless variety,
so they are not listed one by one. A clause is a circumstance when it can be written wholly in a closed vocabulary
of words about the reading's place, time of day, device, manner and care, the speaker as reader, and the text's
length or print, and when it has a predicate among them. Nothing in that vocabulary can take a reading back, limit
it, put it off or give it to someone else: it has no negation, no hedge, no part or count, no time to come or
earlier reading, no other reader, no question and no condition. A clause with any word outside it is not a
circumstance, so a new way of undermining the reading is asked again rather than guessed.

This is only a second look, used where the strict reader found nothing it knows (``unclear``): a clause that
reader flags (a hedge, a part, a correction) is never reached here. The statement itself must still decide alone.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional

from bot.core import affirmation as _affirmation
from bot.core.reading import Reading, value

# The vocabulary. Single characters are few and chosen so that no sequence of them spells a limit, a doubt or another
# reader (就 "only", 还 "still", 再 "again later", 一下/一眼 "a glance", 之前 "an earlier reading", 记得 "as far as I
# recall" are left out on purpose).
_WORDS = frozenset("""
我 俺 本人 自己 我自己 是 的 了 着 过 都 也 全 全都 全部 所有 每条 每一条 每个部分 每一部分 已经 已
看 看完 看过 看好 看懂 看明白 看清楚 读 读完 读过 读懂 阅读 阅 念 翻 往下 向下 划 滑 拉 翻着 划着 滑着 拉着 完 遍 一遍 两遍 好几遍 几遍
刷完
一条一条 一条条 一段一段 一段段 一句一句 一句句 一个字一个字 一字一句 逐条 逐字 逐句 从头到尾 一口气 完整 完整地
仔细 认真 认认真真 仔仔细细 慢慢 慢慢地 地 得 很 挺 蛮 真 特别 非常 有点 有些 太
清楚 清清楚楚 明白 明明白白 记住 记下 记牢
放大 调大 放大镜 老花镜 眼镜 戴 戴着 戴上 拿着 用
字 字体 内容 告知书 告知内容 告知承诺书 以上 小 多 长 密 细 详细 大
手机 电脑 平板 屏幕 微信 上 里 在 家 家里 单位 办公室 店里 车上 路上 床上 公交 公交车 地铁 坐 坐着
刚 刚才 刚刚 下课 下班 午休 休息 时候 的时候
核查 上门核查 后果 法律后果 责任 法律责任 不实承诺 虚假承诺 信用 那条 这条 那一条 这一条 那部分 这部分 那段 这段 那一段 这一段 和 跟
""".split())
# A clause must say something, not only where or with what: one of these predicates (a reading verb, the text's
# print or length) must be among its words. Scrolling and turning pages (翻, 划, 滑, 拉) are only words of manner: said
# as the verb ("翻的", "往下划的") they may be a skim; the phone's 刷 ("swipe") only with its finish, 刷完 ("地铁上刷完了"
# beside "已读": the swiping went to the end), never bare ("刷了一下" is a glance). The notice's own parts may be named, by
# their topic, as read with care ("核查那条和不实承诺的后果我都仔细读了"): beside a statement of the whole that is care, and
# a part read alone is never taken, since a statement must be said too.
_PREDICATES = frozenset("""
看 看完 看过 看好 看懂 看明白 看清楚 读 读完 读过 读懂 阅读 阅 念 刷完
记住 记下 记牢 放大 调大 是 小 多 长 密 细 详细 清楚
""".split())
# The notice's parts, named by their topic or pointed at, and the words of extra care a part must be named with.
# (a part pointed at as a paragraph, 那段, is the part as 那条 is)
_PARTS = frozenset("核查 上门核查 后果 法律后果 责任 法律责任 不实承诺 虚假承诺 信用 那条 这条 那一条 这一条 那部分 这部分 那段 这段 那一段 这一段"
                   .split())
_CARE = frozenset("都 也 仔细 认真 认认真真 仔仔细细 特别 多 一遍 两遍 好几遍 几遍 逐字 逐句".split())
# Who the speaker is by trade, said of the speaker only ("我是退休老师"): the same words alone may name another reader
# ("老师看的"), so they are taken in this frame and nowhere else.
_SELF_TOLD = re.compile(r"(?:我|俺|本人)(?:是)(?:一个|一名|个|名)?(?:退休)?(?:老师|教师|学生|护士|医生|司机|工人|会计|个体户|"
                        r"老板|店主|老人|干部|职工|农民|大学生)")
# A verb said twice ("翻了翻", "看看") is a glance, and a reading verb after 在 or before a 着 that leads no second verb
# ("在看", "往下翻着") is a reading still going on ("翻着看的", "manner", leads one), whatever words are around them.
_GLANCE = re.compile(r"([看读翻划滑念刷])(?:了|一)?\1|在(?:看|读|阅|翻|划|滑|拉|念|刷)|(?:看|读|阅读|翻|划|滑|拉|念)着(?![看读念])")
_LONGEST = max(len(w) for w in _WORDS)
# A longer message is not read this way: each clause is read on its own, and a long message is better asked again.
_MOST_CLAUSES = 8


def _segment(clause: str) -> Optional[List[str]]:
    """``clause`` written wholly in ``_WORDS`` (longest words first), or None."""
    best: List[Optional[List[str]]] = [None] * (len(clause) + 1)
    best[0] = []
    for end in range(1, len(clause) + 1):
        for size in range(min(_LONGEST, end), 0, -1):
            start = end - size
            if best[start] is not None and clause[start:end] in _WORDS:
                best[end] = best[start] + [clause[start:end]]
                break
    return best[len(clause)]


def is_circumstance(clause: str) -> bool:
    """Is ``clause`` (letters only, one clause) only the circumstances of a reading? See the module's docstring."""
    if not clause or _GLANCE.search(clause):
        return False
    self_told = _SELF_TOLD.fullmatch(clause)
    if self_told:
        return True
    words = _segment(clause)
    if not words or not any(w in _PREDICATES for w in words):
        return False
    # a part named is care on top of the whole only with a word of that care ("这条我也看了", "后果我都仔细读了");
    # "这部分是我看的" sets that part against the rest, someone else's
    return not any(w in _PARTS for w in words) or any(w in _CARE for w in words)


def statement_among_circumstances(text: object, read_alone: Callable[[str], Reading], screen) -> Optional[Reading]:
    """The yes of a plain statement said beside clauses that are only its circumstances, or None.

    ``read_alone`` is the strict reader, applied to each clause on its own; ``screen`` the reader's own screening
    (which gives the prepared text and its clauses). Every clause must either be a statement the reader takes alone
    or a circumstance, and at least one must be the statement. Nothing is taken from a message with a question mark,
    laughter or an emoji that is not agreement."""
    if not isinstance(text, str):
        return None
    # an agreeing emoji ends its clause as a full stop would ("已阅读✅ 坐公交的时候看完的")
    unusable, prepared, flat, _ = screen("".join("，" if c in _affirmation._AGREEING_EMOJI else c for c in text))
    if unusable or "?" in prepared or "哈" in prepared:
        return None
    if _affirmation._has_emoji(prepared):
        return None
    clauses = [c for c in flat.split(",") if c]
    if len(clauses) < 2:
        return None
    if len(clauses) > _MOST_CLAUSES:
        return None
    # Read in order: a statement may take one clause or two said together ("都读完了，一共七部分": the extent after a
    # pause belongs to the statement), and every clause left over must be a circumstance on its own.
    found: List[Optional[List[Reading]]] = [None] * (len(clauses) + 1)
    found[0] = []
    for end in range(1, len(clauses) + 1):
        if found[end - 1] is not None and is_circumstance(clauses[end - 1]):
            found[end] = found[end - 1]
        for size in (1, 2):
            start = end - size
            if start < 0 or found[start] is None:
                continue
            reading = read_alone(",".join(clauses[start:end]))
            if reading.kind == "value" and (found[end] is None or not found[end]):
                found[end] = found[start] + [reading]
    said = found[len(clauses)]
    if not said or len({r.value for r in said}) != 1:
        return None
    return value(said[0].value)
