"""Circumstances told beside a plain statement: where, when and how the speaker did what the statement says.

"已阅读，我是放大了看的", "都读完了，我在电脑上看的，看得很清楚", "已读已读，刚下课看完的": a reading stated on its own,
and beside it clauses that only tell the circumstances of that reading. People add such clauses in endless variety,
so they are not listed one by one. A clause is a circumstance when it can be written wholly in a closed vocabulary
of words about the reading's place, time of day, device, manner and care, the speaker as reader, and the text's
length or print, and when it has a predicate among them. Nothing in that vocabulary can take a reading back, limit
it, put it off or give it to someone else: it has no negation, no hedge, no part or count, no time to come or
earlier reading, no other reader, no question and no condition. A clause with any word outside it is not a
circumstance, so a new way of undermining the reading is asked again rather than guessed.

The same vocabulary tells the speaker's day ("刚下夜班", "等客那会儿", "早上送完孩子回来"), said as a clause of its own or
before the statement in the same clause ("趁中午不忙把告知书从头到尾看完了": the words before it are the circumstances,
the rest must be the statement alone, and finished). Beside them, in small closed families, the speaker's own trade or
life ("我是中学老师", "我开出租的", "退休在家时间多"), the errand asked to go on ("请继续", "下一步弄啥"), nothing left to ask
("没有看不懂的地方"), the notice told on to others by the speaker, and a hardship of the reading (tired, the print hard
on the eyes) that the next clause turns against with 但/还是 and a finished reading; alone a hardship is not taken.

This is only a second look, used where the strict reader found nothing it decides (``unclear``, or a hedge or an
unread part it saw somewhere in the message): every clause is read again on its own, so a clause that reader flags
(a hedge, a part, a correction) is never taken here. The statement itself must still decide alone.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional

from bot.core import affirmation as _affirmation
from bot.core.reading import Reading, value

# The vocabulary. Single characters are few and chosen so that no sequence of them spells a limit, a doubt or another
# reader (就 "only", 还 "still", 再 "again later", 一下/一眼 "a glance", 之前 "an earlier reading", 记得 "as far as I
# recall" are left out on purpose; 把, 拿 and 趁 only take the notice, the phone and the moment, and 给, 让, 帮 are out).
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
把 拿 调到最大 放到最大 最大 写得 前后 习惯 平时 向来 一向 看东西 耐着性子 耐心 耐心地 一边
早上 上午 中午 下午 晚上 夜里 半夜 夜班 下夜班 夜班下来 放学 收工 忙完 回来 回家 那会儿 那会 趁 不忙 等客 等车 排队 看店 看摊
送完孩子 泡了杯茶 泡杯茶 地头 地里 田里 摊上 厂里 工地上 宿舍
""".split())
# Words that are circumstances only in one frame, and anything else outside it: 不忙 is the spare time taken (趁中午不忙),
# never a 不 of its own; 前后 ("all told") counts the readings before the verb ("前后看了两遍"), where after it ("看了前后") it
# is the front and back of the text, a part; 写得 is the text remarked on ("写得挺细"), not who wrote it.
_FRAMES = (("不忙", r"趁(?:着)?(?:早上|上午|中午|下午|晚上)?不忙|(?:早上|上午|中午|下午|晚上|店里)不忙(?=的时候|那会)"),
           ("前后", r"前后(?=看|读)"),
           ("写得", r"写得(?=(?:挺|很|蛮|特别|非常|真|都|也)*(?:清楚|明白|详细|细))"))
# A clause must say something, not only where or with what: one of these predicates (a reading verb, the text's
# print or length) must be among its words. Scrolling and turning pages (翻, 划, 滑, 拉) are only words of manner: said
# as the verb ("翻的", "往下划的") they may be a skim; the phone's 刷 ("swipe") only with its finish, 刷完 ("地铁上刷完了"
# beside "已读": the swiping went to the end), never bare ("刷了一下" is a glance). The notice's own parts may be named, by
# their topic, as read with care ("核查那条和不实承诺的后果我都仔细读了"): beside a statement of the whole that is care, and
# a part read alone is never taken, since a statement must be said too.
_PREDICATES = frozenset("""
看 看完 看过 看好 看懂 看明白 看清楚 读 读完 读过 读懂 阅读 阅 念 刷完
记住 记下 记牢 放大 调大 调到最大 放到最大 是 小 多 长 密 细 详细 清楚
""".split()) | frozenset("""
下课 下班 午休 夜班 下夜班 夜班下来 放学 收工 忙完 等客 等车 排队 看店 看摊 送完孩子 泡了杯茶 泡杯茶
""".split())
# (the second set: what the speaker was doing then, which tells when, "刚下夜班", "早上送完孩子回来"; a clause of the day
# alone says nothing of the reading, and a statement must still be said beside it)
# The reading verbs among the predicates. Said last and bare, with no 了, 的 or 过 after it ("中午看完", "回家路上看"), the
# reading is a plan or a request, not a circumstance of one done; only a habit of care (习惯, 平时, with the care it
# takes) is said so ("习惯逐字读").
_READING = frozenset("看 看完 看过 看好 看懂 看明白 看清楚 读 读完 读过 读懂 阅读 阅 念 刷完".split())
_HABIT = frozenset("习惯 平时 向来 一向".split())
_MANNER = frozenset("逐字 逐句 逐条 仔细 认真 认认真真 仔仔细细 一条一条 一条条 一句一句 一句句 一字一句 一个字一个字 从头到尾".split())
# The notice's parts, named by their topic or pointed at, and the words of extra care a part must be named with.
# (a part pointed at as a paragraph, 那段, is the part as 那条 is)
_PARTS = frozenset("核查 上门核查 后果 法律后果 责任 法律责任 不实承诺 虚假承诺 信用 那条 这条 那一条 这一条 那部分 这部分 那段 这段 那一段 这一段"
                   .split())
_CARE = frozenset("都 也 仔细 认真 认认真真 仔仔细细 特别 多 一遍 两遍 好几遍 几遍 逐字 逐句".split())
# Who the speaker is by trade, said of the speaker only ("我是退休老师"): the same words alone may name another reader
# ("老师看的"), so they are taken in this frame and nowhere else.
_TRADE = (r"(?:老师|教师|学生|护士|医生|司机|工人|会计|个体户|老板|老板娘|店主|老人|干部|职工|农民|大学生|中学生|菜农|果农|厨师|"
          r"保安|电工|木工|快递员|外卖员|骑手|法人|法定代表人)")
# (where the trade is plied, said before it: "中学老师", "饭店老板")
_WORKPLACE = r"(?:中学|小学|初中|高中|大学|幼儿园|医院|饭店|饭馆|超市|小超市|商店|小卖部|厂里|公司|村里)"
# (the trade named by its verb and its goods: "我开出租的", "开小超市的", "我是种菜的"; the goods are a closed list, so
# no person and no negation can be among them)
_GOODS = (r"(?:出租|出租车|网约车|滴滴|货车|大车|三轮|超市|饭店|饭馆|小卖部|商店|店|菜|地|大棚|水果|快递|外卖|摊|小吃|早点|"
          r"装修|生意|买卖)")
# (a working life told: "我退休前在厂里管了二十年文件", "退休在家时间多"; what was done is a closed list too)
_WORK = r"(?:文件|档案|财务|账|仓库|质检|技术|后勤|行政|文书|会计|保管)"
_SELF_TOLD = re.compile(
    rf"(?:我|俺|本人)(?:是|就是)(?:一个|一名|个|名)?(?:退休)?(?:{_WORKPLACE}(?:的)?)?{_TRADE}"
    rf"(?:(?:也是|又是|兼)(?:退休)?(?:{_WORKPLACE}(?:的)?)?{_TRADE})*"
    rf"|(?:我|俺|本人)?(?:是)?(?:开|种|卖|跑|干|养|摆|做)(?:小)?{_GOODS}的"
    r"|(?:我|俺|本人)?(?:已经)?退休(?:了)?(?:在家)?(?:了)?(?:时间多|时间多了|有时间|闲着)?"
    rf"|(?:我|俺|本人)?(?:退休前|以前|原来|年轻时|年轻的时候)?在(?:{_WORKPLACE}|厂|单位|机关|学校|村委会)(?:里)?"
    rf"(?:管|干|做|当|搞)了(?:[0-9一二三四五六七八九十几]+)年(?:的)?{_WORK}?")
# A verb said twice ("翻了翻", "看看") is a glance, and a reading verb after 在 or before a 着 that leads no second verb
# ("在看", "往下翻着") is a reading still going on ("翻着看的", "manner", leads one), whatever words are around them.
_GLANCE = re.compile(r"([看读翻划滑念刷])(?:了|一)?\1|在(?:看|读|阅|翻|划|滑|拉|念|刷)|(?:看|读|阅读|翻|划|滑|拉|念)着(?![看读念])")
# What the speaker says next, beside the statement: the errand asked to go on, or what comes next asked ("可以往下走了",
# "接着办吧", "请继续", "下一步弄啥", "接下来该承诺了吧": its 吧 guesses the next step, not the reading); nothing left to ask
# or not understood ("没有看不懂的地方", "我没有什么疑问了": two negations that leave none); the notice told on to others
# by the speaker ("我还顺手给办公室的同事讲了讲": the speaker tells them, 给 them; someone telling the speaker is no such
# clause). Alone none of them is a reading, and a statement must be said beside them.
_NEXT = (r"(?:请|麻烦|麻烦您|麻烦你)?(?:你|您)?(?:那)?(?:就)?(?:可以)?(?:继续|往下走|往下|接着办|接着往下办|接着往下走|接着来|接着走|"
         r"进行下一步|下一步)(?:了|吧|啦|呗)?"
         r"|(?:那)?(?:下一步|接下来|然后)(?:该|要|我该|我要)?(?:弄|干|做|办)?(?:啥|什么)(?:呢|啊|呀)?"
         r"|(?:那)?(?:接下来|下一步|然后)(?:就)?(?:该|是|要)?(?:我)?(?:承诺|做承诺|签字|签承诺书)(?:了)?(?:吧|呗|啦)?")
_NOTHING_LEFT = (r"(?:我|俺|本人)?(?:都|也|已经|现在)?(?:没|没有)(?:什么|啥)?(?:疑问|问题|要问的|想问的|不懂的|看不懂的|读不懂的|"
                 r"不明白的|看不明白的|不清楚的)(?:地方)?(?:了|啦)?")
_TOLD_ON = (r"(?:我|俺)?(?:还|也)?(?:顺手|顺便|特意|专门)?(?:给|跟)(?:办公室的?|单位的?|店里的?|家里的?)?"
            r"(?:同事|同事们|家里人|家人|老伴|员工|伙计)(?:讲|说|念)了(?:讲|说|一遍|一下|下)?")
_BESIDE = re.compile(f"{_NEXT}|{_NOTHING_LEFT}|{_TOLD_ON}")
# A hardship of the reading (tired after the night shift, the print hard on the eyes): a circumstance only when the next
# clause turns against it (但, 不过, 可是, with 还是 or 也) and is a finished reading on its own ("夜班下来是有点困，但我还是…
# 读完才回的"); alone, or before anything else ("夜班下来太困了，没看完"), it is not taken.
_HARDSHIP = frozenset("困 累 乏 犯困 费劲 吃力 费眼 眼花 看字".split())
_TURN = re.compile(r"^(?:但是|但|不过|可是)(?P<who>我|俺)?(?:还是|也还是|硬是|照样|也)?(?=.)")
# A reading said finished: the statement after circumstance words in the same clause must end so (a bare "中午把告知书
# 看完" is a plan)
_FINISHED = re.compile(r"(?:了|的|过|毕|完毕)(?:啊|呀|哦|啦)?$")
# A statement may open with these only, so that the words before it end where a word ends ("大家看完了" is not "大" and
# "家看完了")
_STATEMENT_OPENS = "把我俺已都全一从逐认仔看读阅告内七每自整通细慢这"
# "…读到第七部分才回的": the reply sent only after the reading; its 的 makes it a past fact
_REPLIED_AFTER = re.compile(r"(?P<said>.+?)(?:以后|之后|后)?才(?:回复?|答复)(?:你|您|你们)?(?:的)?(?:消息|信息)?的")
_WORDS = _WORDS | _HARDSHIP
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


def _words(clause: str) -> Optional[List[str]]:
    """``clause`` in the vocabulary (see ``_segment``), each framed word in its frame (``_FRAMES``), or None."""
    if not clause or _GLANCE.search(clause):
        return None
    if any(word in re.sub(frame, "", clause) for word, frame in _FRAMES):
        return None
    return _segment(clause)


def _said_as_done(words: List[str]) -> bool:
    """No reading verb is said last and bare (a plan or a request), unless as a habit."""
    return words[-1] not in _READING or (any(w in _HABIT for w in words) and any(w in _MANNER for w in words))


def is_circumstance(clause: str) -> bool:
    """Is ``clause`` (letters only, one clause) only the circumstances of a reading? See the module's docstring."""
    if not clause or _GLANCE.search(clause):
        return False
    self_told = _SELF_TOLD.fullmatch(clause) or _BESIDE.fullmatch(clause)
    if self_told:
        return True
    words = _words(clause)
    if not words or not any(w in _PREDICATES for w in words) or any(w in _HARDSHIP for w in words):
        return False
    if not _said_as_done(words):
        return False
    # a part named is care on top of the whole only with a word of that care ("这条我也看了", "后果我都仔细读了");
    # "这部分是我看的" sets that part against the rest, someone else's. A part remarked on as written ("核查那部分写得挺细"),
    # with no reading of it, sets nothing against the rest.
    remarked = "写得" in words and not any(w in _READING for w in words)
    return not any(w in _PARTS for w in words) or any(w in _CARE for w in words) or remarked


def _hardship(clause: str) -> bool:
    """A hardship of the reading, told in the vocabulary (see ``_HARDSHIP``)."""
    words = _words(clause)
    return bool(words) and any(w in _HARDSHIP for w in words) and not any(w in _PARTS or w in _READING for w in words)


def _statement_in(clause: str, read_alone: Callable[[str], Reading]) -> Optional[Reading]:
    """The decision of the statement in ``clause``: the clause read alone, or the statement left when the
    circumstance words before it ("坐地铁回家路上把七部分都看完了") or the reply after it ("…才回的") are set aside."""
    reading = read_alone(clause)
    if reading.kind == "value":
        return reading
    if _GLANCE.search(clause):
        return None
    replied = _REPLIED_AFTER.fullmatch(clause)
    if replied:
        return _statement_in(replied.group("said"), read_alone)
    for cut in range(1, len(clause) - 1):
        said = clause[cut:]
        if said[0] not in _STATEMENT_OPENS or not _FINISHED.search(said):
            continue
        before = _words(clause[:cut])
        # (a part before it makes the statement that part's; 和 or 跟 last makes it someone else's too, "和我儿子…"; a
        # reading or a 是 before it is a concession, "看是看完了", or a cleft, not a circumstance)
        if not before or any(w in _PARTS or w in _HARDSHIP or w in _READING or w == "是" for w in before) \
                or before[-1] in ("和", "跟"):
            continue
        reading = read_alone(said)
        if reading.kind == "value":
            return reading
    return None


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
    # (one clause may be enough: the circumstance words before the statement in it, "下班回家路上把告知书看完了")
    clauses = [c for c in flat.split(",") if c]
    if not clauses or len(clauses) > _MOST_CLAUSES:
        return None
    # Read in order: a statement may take one clause or two said together ("都读完了，一共七部分": the extent after a
    # pause belongs to the statement), and every clause left over must be a circumstance on its own. A hardship is
    # taken with the clause after it, which turns against it and must be a statement itself.
    found: List[Optional[List[Reading]]] = [None] * (len(clauses) + 1)
    found[0] = []
    for end in range(1, len(clauses) + 1):
        if found[end - 1] is not None and is_circumstance(clauses[end - 1]):
            found[end] = found[end - 1]
        for size in (1, 2):
            start = end - size
            if start < 0 or found[start] is None:
                continue
            reading = read_alone(",".join(clauses[start:end])) if size == 2 else _statement_in(clauses[start], read_alone)
            if reading is not None and reading.kind == "value" and (found[end] is None or not found[end]):
                found[end] = found[start] + [reading]
        turned = _TURN.match(clauses[end - 1])
        if turned and end >= 2 and found[end - 2] is not None and _hardship(clauses[end - 2]):
            rest = (turned.group("who") or "") + clauses[end - 1][turned.end():]
            reading = _statement_in(rest, read_alone)
            if reading is not None and reading.kind == "value" and (found[end] is None or not found[end]):
                found[end] = found[end - 2] + [reading]
    said = found[len(clauses)]
    if not said or len({r.value for r in said}) != 1:
        return None
    return value(said[0].value)
