"""The three legal decisions of the journey, each read on the whole answer: the commitment (R7), "I have
read the notification" (R6) and the proxy's special authorisation (R5).

Each function takes the user's message and the conversation :class:`~bot.core.reading.Context` and
returns a :class:`~bot.core.reading.Reading`:

``affirmation``           value "explicit" only for an explicit commitment (the rules are in
                          :mod:`bot.core.affirmation`, shared with the backend, which checks again).
``notice_read``           value "yes" only when the user says they have read the notification (已阅读,
                          我看完了, 全部看过了 …). A bare 是/好/嗯/收到 answers "did you get it", not "have you
                          read it": the user is asked to say 已阅读. "再说一遍"/"第五条再说一遍" → repeat.
``special_authorisation`` value "yes" only when the user confirms that the written authorisation
                          specifically covers making the commitment (有特别授权, 委托书上写了代为作出告知承诺,
                          是). An ordinary authorisation (普通委托, 只写了代为办理, 没有) is kind "negated": 五(三)
                          lets a proxy commit only with the applicant's special authorisation.

Hedges (好像, 应该, 差不多), conditions, doubt, jokes and contradictions are never a yes: the user is asked
again, and the question names the words that count (``Reading.expected``). A yes called a joke and followed by a
plain no ("写了…，开玩笑的，啥都没写") is that no. An answer taken back by a word that names
it wrong (不对, 哦不, 说错了, 更正一下) or a denial of the opposite (不是没看, 哪能没写, 没有不看的) is no answer by itself:
the answer after it (or, for the denial, before it) is read on its own, and only a plain one decides.

The NLU model reads the same message. It can only make a decision more careful, never less: when the
rules say yes but the model is confident (≥ ``NLU_CONFIDENT``) that the user denies, cancels, asks a
question (faq_*) or wants a person, the answer is clarified instead; a rule's no or "not sure" is never
turned into a yes by the model.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Tuple

from bot.core import affirmation as _affirmation
from bot.core import circumstances as _circumstances
from bot.core.reading import Context, Reading, clarify, first_decided, value
from bot.core.textnorm import name_key as _name_key

NLU_CONFIDENT = 0.7
_OBJECTING_INTENTS = frozenset({"deny", "cancel", "handoff", "stop", "out_of_scope"})
MAX_CHARS = 500  # an answer to a yes/no question; anything longer is not a plain answer

EXPECT_READ = "“已阅读”"
EXPECT_AUTHORISATION = "“写明了特别授权”或“没有写明”"


# The FAQ topics a plain answer to each legal question talks about by its nature, read "within the active step":
# the authorisation question is about the proxy's powers, so an answer quoting them ("委托书写了特别授权代为承诺")
# reads to the intent model like the FAQ on proxies; the notice's sections are its commitment method (for
# proxies), consequences, verification and disclosure, which a reader may name while saying they read them
# all; the commitment states the liability and accepts the checks. A confident FAQ intent on the step's own
# topic is no disagreement about the decision; whether the message asks something is the question rules' job,
# and they run first. Any other FAQ, and the objecting intents, still make us ask again.
OWN_TOPICS = {
    "affirmation": frozenset({"faq_liability", "faq_verification"}),
    "notice_ack": frozenset({"faq_proxy", "faq_what_is_commitment", "faq_liability", "faq_verification",
                             "faq_disclosure"}),
    "authorization_scope": frozenset({"faq_proxy"}),
}


def _nlu_disagrees(ctx: Context, step: str = "") -> bool:
    intent = (ctx.intent or "").strip()
    if not intent or (ctx.confidence or 0.0) < NLU_CONFIDENT:
        return False
    if intent in OWN_TOPICS.get(step, ()):
        return False
    return intent in _OBJECTING_INTENTS or intent.startswith("faq_")


def _screen(text: object) -> Tuple[Optional[Reading], str, str, str]:
    """Input screening shared by the yes/no readers: (a Reading when unusable, prepared, flat, compact)."""
    if not isinstance(text, str):
        return clarify("unclear"), "", "", ""
    if len(text) > MAX_CHARS:
        return clarify("too_long"), "", "", ""
    if _affirmation._INJECTION.search(text):
        return clarify("unclear"), "", "", ""
    prepared = _affirmation._prepare(text)
    # ("读完了滴", "写明了撒", "看完了呗": 滴 is 的 typed cute, 撒/噻 the southwestern sentence end, 呗 the plain "that's
    # all there is to it"; said after 了 or 的 they add nothing, and none of them can ask. 嘛 is not one of these: after
    # 了 it is as often 吗 mistyped, and "写明了嘛" may ask whether the letter says so)
    flat = re.sub(r"(?<=[了的完])(?:滴|撒|噻|哟|呗)+(?=,|$)", "", _affirmation._flat(prepared))
    return None, prepared, flat, flat.replace(",", "")


# Emoji that picture the paper the answer is about (a page, a book, a pen): "已阅读📖", "写明了特别授权✅📄". They show
# what was read or written and carry no attitude of the speaker, so they are set aside before the emoji rules; any
# other emoji beside them is judged as it would be alone ("已阅读📖😂" is in doubt).
_OBJECT_EMOJI = frozenset("📄📃📑📋📖📚📜📝✏🖊🖋🗒")


def _without_object_emoji(prepared: str) -> str:
    return "".join(c for c in prepared if c not in _OBJECT_EMOJI)


# Laughter said after a complete plain answer, on a clause of its own that remarks on the effort or the circumstances
# ("已阅读，一个字一个字看完的，眼都花了😂", "全看完了，比我看小说还认真哈哈", "写明了特别授权…，他连手印都按了😂"). Its object
# is that remark (sore eyes, a comparison with novels, the principal's thoroughness, the handwriting), which says
# nothing of the decision; the answer before it is read on its own and must decide by itself. Laughter on the answer's
# own clause ("已阅读哈哈", "看完了😂", "写明了特别授权吧哈哈"), on a clause that itself states or extends the reading
# ("看完了，连标点都看了，哈哈": the claim the laughter may be about), anywhere but at the end, beside a "?", another
# joke word or another doubtful emoji may mock the statement, and the usual rules ask again. Only 哈哈 and the laughing
# faces qualify (the grin of 😄 among them: "…我记性好着呢😄" smiles at the speaker's own boast): 呵呵 is the dismissive
# laugh of chat, and the tongue-out or winking faces (😜, 🤪) tease.
_LAUGHTER_AT_END = re.compile(r"(?:哈{2,}|[😂🤣😆😅😄]\ufe0f?|[\s!！~～。.…])+$")
_LAUGHING = r"哈|[😂🤣😆😅😄]"
# The speaker's good memory, boasted of ("我记性好着呢"): of the speaker, no reading by itself
_MEMORY_BOAST = r"(?:我)?(?:的)?记性(?:可)?(?:好着呢|好得很|很好|挺好|好)"
_EFFORT_REMARK = re.compile(
    # the reader's eyes or head ("眼都花了", "看得我眼睛都酸了"; the old complaint of the eyes or the neck flaring up,
    # "老花眼都犯了", "颈椎都犯了")
    r"(?:(?:看|读)得)?(?:我)?(?:的|这)?(?:老花眼|老眼|眼|眼睛|头|脖子|颈椎|腰)(?:都|也)?(?:看|读)?(?:得)?(?:发)?(?:花|酸|累|疼|晕|痛|胀|涩|犯)(?:了)(?:啊|呀)?"
    # ("字太多了看得我头晕": with 看得 before it the state needs no 了, and the length may be named as its cause)
    r"|(?:(?:字|内容)(?:太|好|真|这么|那么)多(?:了)?)?(?:看|读)得(?:我)?(?:的|这)?(?:老花眼|老眼|眼|眼睛|头|脖子|颈椎|腰)(?:都|也)?(?:发)?"
    r"(?:花|酸|累|疼|晕|痛|胀|涩|犯)(?:了)?(?:啊|呀)?"
    # the diligence compared with the reading of some other paper ("比我看小说还认真", "比上学时读课本还仔细", "比看我孙子的
    # 作业还认真"): whose paper it is may be named, with no negation in it; the quality is the care taken, never the speed
    # ("比看小说还快" is a skim) nor anything else
    # ("这比我上学时看课本认真多了": this reading pointed at first, and the care said greater by 多了 or 得多 after it, the
    # plain comparative; "比追剧还投入": the shows or the videos one follows on the phone, watched with absorption, the
    # same care)
    r"|(?:这|这次|这回|这一次)?比(?:我|俺)?(?:上学时|上学的时候|以前|当年|平时)?(?:看|读|背|检查|改|批|签|追|刷)(?:(?![不没未别无非假])[\u4e00-\u9fff]){0,5}?"
    r"(?:小说|课本|书|报纸|合同|教材|试卷|考卷|课文|说明书|作业|作文|论文|文件|病历|账本|存折|报告|剧|电视剧|连续剧|综艺|短视频|视频|抖音)"
    r"(?:时|的时候)?"
    r"(?:(?:还|都|更)(?:认真|仔细|用心|专心|细致|上心|投入|入迷|着迷)|(?:认真|仔细|用心|专心|细致|上心|投入)(?:多了|得多))(?:呢|啊|哈|了)?"
    # the speaker's care set above someone else's ("我这个法人比员工读得还仔细"): the speaker, or no one named, first; the
    # others only compared (no negation in them), and the quality the care taken ("员工比我读得还仔细" names another reader
    # first, and is not this; "比员工读得还少" is no care)
    r"|(?:我|俺|本人)?(?:这个|这)?(?:法人|法定代表人|老板|当老板的|申请人|代办人|当事人)?比(?:(?![不没未别无非假我俺])[\u4e00-\u9fff]){1,6}?"
    r"(?:看|读)得(?:还|都|更)(?:认真|仔细|用心|专心|细致|上心)(?:多了)?(?:呢|啊|哈|了)?"
    # the reading likened to a school exercise in close reading ("跟做英语阅读理解似的", "像考试一样"): the care it took,
    # from a closed list of exercises done word by word (not 好像, a hedge; not "跟看天书似的", nothing understood)
    r"|(?:跟|和|像|就像|简直像|简直跟)(?:我)?(?:在)?(?:上学时|上学的时候|当年|以前)?(?:做|考|读|看|背)?(?:英语|语文|高考|中考|期末)?"
    r"(?:阅读理解|考试|试卷|卷子|考卷|课文)(?:题)?(?:似的|一样|一般)(?:呢|啊|哈|了)?"
    # the time it took ("看了半天", "读了二十分钟")
    r"|(?:看|读)了(?:我)?(?:好久|半天|老半天|好一会儿?|[0-9一二两三四五六七八九十几]+分钟)(?:了)?"
    # the effort it cost ("费老劲了", "可费劲了"): how hard it was, with no word of what was left unread
    r"|(?:可|真|好|太|挺)?费(?:了)?(?:老|好|老大|好大|大|不少|牛)?(?:的)?(?:劲儿?|力气|工夫|功夫)(?:了|啦|啊|呀)?")
# The print, the reader's eyes or the phone remarked on after the reading ("这字号在手机上看有点小", "字大 看得清",
# "俺这眼神还中", "就是手机烫手"): how the text looked or the device felt while reading, which says nothing of how much
# was read. No negation can sit in it ("字太小看不清", "眼神不中" say the text could not be read, and are no such
# remark); it is dropped only after a statement that stands on its own, and alone it is no answer.
_PRINT_OR_PHONE_REMARK = re.compile(
    r"(?:这|那)?(?:个)?(?:字|字体|字号)(?:在(?:手机|电脑|平板|屏幕)(?:上|里)?)?(?:看|显示)?(?:着|起来)?"
    r"(?:有点|有些|挺|蛮|很|太|比较|还|还挺|还算|倒是|够)?(?:小|大|清楚|清晰)(?:了|啊|呀|的|哈)?(?:点|些)?"
    r"|(?:字)?(?:看|瞅)得(?:很|挺|还|还算|倒是)?(?:清楚?|见|着)(?:的|啊|呀)?"
    r"|(?:我)?(?:这)?(?:个)?(?:眼神|眼睛|眼)(?:还|也|倒|倒是)?(?:中|行|好使|管用|可以|没问题)(?:呢|着呢|哩|嘞|啊)?"
    r"|(?:刚刚|刚才)?(?:我的?|我这)?手机(?:都|也|有点|有些)?(?:烫手|发烫|烫|热|快没电了|没电了|电量不多了)(?:了|啊|呀)?"
    # ("字有点小不过都看清楚了": the small print, and all of it read clearly all the same, in one breath)
    r"|(?:这|那)?(?:个)?(?:字|字体|字号)(?:有点|有些|挺|太|比较)?小(?:了)?(?:点|些)?(?:不过|但是|但|可)(?:我)?(?:都|全|全都|也都)"
    r"(?:看|瞅)(?:得)?(?:清楚|清)了")


def _answer_before_laughing_remark(prepared: str, remark: Callable[[str], bool]) -> Optional[str]:
    """The answer said before a last clause that is a ``remark``, with laughter after it and nowhere else (see
    ``_LAUGHTER_AT_END``); None when the message is not of that shape."""
    if "?" in prepared:
        return None
    tail = _LAUGHTER_AT_END.search(prepared)
    if not tail or not re.search(_LAUGHING, tail.group(0)):
        return None
    head = prepared[:tail.start()]
    if _affirmation._JOKE.search(_affirmation._compact(head)) or _affirmation._has_doubtful_emoji(_without_object_emoji(head)):
        return None
    clauses = [c for c in _affirmation._flat(head).split(",") if c]
    if len(clauses) < 2 or not remark(clauses[-1]):
        return None
    return ",".join(clauses[:-1])


# How the speaker got the better of the print, said in brackets after the answer ("已阅读（戴上老花镜看的😄）", "看完了
# (把手机字调大了才看的😂)"): the glasses or the magnifier, or the phone's font made bigger, and the reading done with them
# (的 or 了). It tells the means, never who read or how much: no other reader, part, negation or hedge can sit in it.
_PRINT_MANAGED = re.compile(
    r"(?:我|本人)?(?:是)?(?:自己)?(?:(?:戴上|戴着|戴好|戴|拿着|拿上|拿|用|借)(?:了)?(?:我的|我)?(?:老花镜|眼镜|放大镜)"
    r"|(?:老花镜|眼镜|放大镜)(?:戴上|戴好|戴着|拿上|拿着)(?:了)?"
    r"|把(?:手机|屏幕)?(?:上|里)?(?:的)?(?:字|字体|字号)(?:调|放|拉|弄)(?:到)?(?:大|最大)(?:了)?(?:点儿?|一点|些)?(?:以后|之后|后)?(?:才)?)"
    r"(?:一个字一个字|一字一句|一条一条|一条条|逐字|逐条|慢慢|仔细|认真)?(?:地)?(?:看|读|瞅)(?:完)?(?:的|了)")
# The aside in brackets that closes the message, the laughter at its end shut inside the brackets with it: the
# brackets bound what the laughter is about, the speaker's own eyes or effort, and not the answer before them.
_BRACKETED_ASIDE = re.compile(r"^(?P<answer>[^()\[\]【】]+?)\s*[(\[【](?P<aside>[^()\[\]【】]+?)(?P<laugh>(?:哈{2,}|[😂🤣😆😅😄]\ufe0f?|\s)+)"
                              r"[)\]】][\s!！~～。.…]*$")


def _answer_before_bracketed_aside(prepared: str) -> Optional[str]:
    """The answer said before a bracketed aside on the means of reading (``_PRINT_MANAGED``) or a remark on the effort,
    the print or the notice (``_closing_remark``, not the teasing 吧 of "太长了吧"), with laughter closed inside the
    brackets (see ``_BRACKETED_ASIDE``); None when the message is not of that shape. The answer must decide alone: any
    emoji, joke or question on it is judged as usual."""
    if "?" in prepared:
        return None
    shaped = _BRACKETED_ASIDE.match(prepared)
    if not shaped or not re.search(_LAUGHING, shaped.group("laugh")):
        return None
    aside = [c for c in _affirmation._flat(shaped.group("aside")).split(",") if c]
    if not aside or not all(_PRINT_MANAGED.fullmatch(c) or (_closing_remark(c) and not c.endswith("吧")) for c in aside):
        return None
    return shaped.group("answer")


# --- the commitment (R7) ---------------------------------------------------------------------------


def affirmation(text: object, ctx: Context) -> Reading:
    """Is this an explicit commitment by the one who may commit? (R7, R5, and for enterprises 五(四))."""
    acting_as = ctx.acting_as if ctx.acting_as in _affirmation.ACTING_AS else "self"
    words = _affirmation.required_words(acting_as, ctx.applicant_name)
    expected = f"“{words}”"
    verdict = _affirmation.classify(
        text,
        acting_as=acting_as,
        applicant_name=ctx.applicant_name,
        statement=ctx.statement,
        applicant_kind=ctx.applicant_kind or "person",
        representative=ctx.representative_name,
        agent_name=ctx.agent_name,
    )
    if verdict.is_explicit:
        if _nlu_disagrees(ctx, "affirmation"):
            return clarify("nlu_disagrees", expected)
        return value("explicit")
    kind = verdict.kind if verdict.kind in ("cancel", "negated", "question") else "clarify"
    return Reading(kind, detail=verdict.detail or verdict.kind, expected=expected,
                   extra={"explanation": verdict.explanation})


# --- "I have read the notification" (R6) ----------------------------------------------------------

# The notice's sections by number and by title, as users name them (the step interpreters use them too).
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SECTION = re.compile(r"第([0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:条|段|部分|项|节|点|章|个|款)?")
SECTION_TITLES = (
    (1, "事项名称"), (2, "设定依据"), (2, "依据"), (3, "证明内容"), (3, "许可条件"), (3, "材料"), (4, "承诺方式"),
    (5, "法律责任"), (5, "责任"), (6, "核查"), (7, "公开"),
)
_REPEAT = re.compile(
    # (重新看了, 重新读过: the reader's own second look, told as done, which asks nothing of us)
    r"再说|再讲|再念|再发|再读|再看|再来一遍|再来一次|再一遍|再给我|再显示|重复|重新(?:发|说|念|讲|显示)|重新(?:读|看)(?![了过])|"
    r"没听清|没看清|说一遍|讲一遍|念一遍|发一遍|读一遍|repeat|重发|重新发送|(?:给我|帮我|麻烦)?念(?:一下|给我听(?![了过的]))|读给我听(?![了过的])|"
    r"(?:讲|说|念|读)多(?:一)?(?:次|遍|陈)"  # Cantonese "讲多次": say it once more
)
# ("午休的时候再看": a time of the day named by what is done then; "等会儿再看": 等会 and 待会 with their 儿)
_DEFERRAL = re.compile(r"(?:以后|回头|等会儿?|等一下|等下|一会儿?|过会儿?|晚些|待会儿?|之后|看完|明天|改天|晚点|有空|后面|回去|晚上|下午|回家|到家|的时候|时候)再(?:说|看|读)")
# "晚上看完", "午休的时候看完": a time of day and a finish with no 了 is as much a plan as a report; asked again
# ("我慢慢看完", "开会间隙看完": the pace or a gap in the day with a finish and no 了 is a promise as well)
_PLANNED_FINISH = re.compile(r"(?:今天|早上|上午|中午|下午|晚上|的时候|时|那会儿?|抽空|趁空|慢慢|慢慢地|间隙|空隙|空档|空当|间歇)(?:就|再|会|能|可以|争取)?(?:把[^,]{1,8})?"
                             r"(?:看|读|听)完(?:它|这个)?(?=,|$)")
# "再给我两分钟", "再等我一会儿": more time asked for, the reading not finished (no request to repeat anything)
_MORE_TIME = re.compile(r"再(?:给我|等我|等)(?:[0-9一两二三四五几十半]+)?(?:分钟|秒钟|秒|会儿|一会儿?|会|点时间|一点时间|些时间|小时|一下)")
_NOT_READ = re.compile(
    r"没看|没读|没有看|没有读|未看|未读|没看完|没读完|还没|还在看|正在看|没来得及|没时间|没空|等会看|待会看|稍后看|"
    r"以后看|回头看|不想看|不看|不读|看不下去|太长|跳过|略过|没仔细|没细看|没认真|"
    # someone who cannot read the characters has not read the notice ("我字都不认识几个咋看")
    r"不识字|不认识字|不认得字|字(?:都|也)?不认(?:识|得)|看不了|"
    # "谁有空看这么长的": no time to read it, asked back
    r"(?:谁|哪)(?:有|来的?)(?:空|时间|工夫|功夫|闲心|心思|耐心)(?:去)?(?:看|读)"
)
# "是不是回已阅读就能过？", "反正说已阅读就行了是吧": the reply word asked about as a formula that gets one through;
# a "已阅读" said after it recites that formula and states no reading.
_ASKS_ABOUT_THE_WORDS = re.compile(r"(?:回|回复|回个|说|打|输入|填|发|点)(?:个|一个|一句|一下)?已阅(?:读)?(?:三个字|这几个字)?"
                                   r"(?:是不是|是否)?(?:就|才)|(?:是不是|是否|只要|反正|只需要?)(?:回|回复|说|打|输入|填|发|点)(?:个|一个|一句)?已阅")
_NOT_UNDERSTOOD = re.compile(r"看不懂|没看懂|读不懂|没读懂|不懂|不明白|不理解|不清楚|搞不懂|弄不懂|不太明白|懵")
# ("啥意思没懂": 没懂, 没明白, the not-understanding told as a past state, with the question word as its object)
_NOT_UNDERSTOOD_WHAT = re.compile(_NOT_UNDERSTOOD.pattern + r"|没懂|没明白|没搞懂|没弄懂|没搞明白|没弄明白")
# "没啥不明白的", "没有不懂的地方": nothing left unclear, two negations that say all of it was understood.
_NOTHING_UNCLEAR = re.compile(r"(?:都)?没(?:有|啥|什么)?(?:不明白|不懂|不清楚|不理解)的(?:地方)?")
_READ_HEDGE = re.compile(
    r"好像|差不多|大概|应该|可能|也许|基本|大部分|大多|(?<!每)一部分|(?<![0-9七全每个])(?<!每一)部分|一半|估计|算是|似乎|貌似|大致|粗略|扫了|瞄了|略看|"
    r"随便|快看完|快读完|马上|差一点|差点|看了看|看个大概|(?<!下一步)(?<!继续)(?<!往下走)(?<!可以了)(?<!快点)(?<!开始)(?<!接着来)(?<!接着)(?<!你说)(?<!您说)(?<!开始承诺)吧$"
)
# 瞅/瞧 are everyday "look" (northern speech); 已阅 is the official "read" mark on a document.
_READ_VERB = (r"(?:阅读完毕|阅读完成|阅读完|阅读过|阅读了|阅读|读完毕|看完毕|读完|读过|读好|看完|看过|看好|看懂|读懂|看明白|听完|听过|听懂|听明白|"
              r"浏览完|浏览过|看下来|读下来|"
              # 看罢: the northern and old-style "finished reading" (罢 = 完)
              r"通读完毕|览毕|看罢|读罢|阅罢|瞅完|瞅过|瞧完|瞧过|瞅明白|瞧明白|瞅|瞧|已阅(?:知|悉)?(?!读)|阅毕|读毕|看毕|通读完|通读过|通读|从头(?:到尾)?(?:看|读)到(?:尾|最后|底)|"
              # "从第一个字看到最后一个字", "从第一条听到最后一条": the whole span, first to last
              r"从第一(?:个字|条|部分|段)(?:看|读|听)到最后一(?:个字|条|部分|段)|"
              # "一条一条地看到最后一条": one after another up to the last, which leaves none out (a bare "看到最后一条" is
              # only where the reader is now, see ``_READ_ASIDE``)
              r"(?:一条一条|一条条|逐条|一段一段|一段段|一句一句)地?(?:看|读|听)到(?:了)?最后一(?:条|部分|段|项|句)|读|看|听)")
_READ_OBJECT = (r"(?:(?:全部|所有|完整|整个|整份|整篇)?的?(?:告知承诺书|承诺书|告知书|告知单|告知内容|告知事项|书面告知|通知书|通知|须知|"
                # "整个告知", "整份告知": the bare noun 告知 is the notice only with a word of its whole before it
                r"(?<=整个|整份|整篇|全部|完整)告知|(?<=整个的|整份的|整篇的|全部的|完整的)告知|"
                # (正文: the body of the notice, as against its title, is all its text)
                r"以上内容|上述内容|全部内容|所有内容|内容|全文|正文|全部|所有|七条|7条|全部七条|这七条|七个部分|7个部分|7部分|每一条|每条|所有条款|"
                r"条款|以上|上述|上面的?|前面的?|(?:你|您|你们|贵单位)(?:发送|发来|发)的(?:那些|这些|(?:那|这)(?:一)?大段)|(?:你们|贵单位)(?:发送|发来)的|(?:上面|以上)(?:那|这)?(?:一)?(?:大)?段|(?:那|这)一大段|(?:这个|这份|那个|那份)?文件|告知的(?:全部)?(?:[7七]项)?(?:内容|事项)|[7七]项(?:内容)?|这个|这些|那些|那七条|那7条|七部分|每一部分|每个部分|(?:你|您)?(?:发|说|念)的(?:内容|七条|7条)?|"
                # "上面发的告知书", "刚才发来的": what was just sent, pointed at
                # ("你刚才发的": who sent it said before when)
                r"(?:(?:你|您|你们)(?=刚才|刚刚))?(?:上面|前面|刚才|刚刚)(?:你|您|你们)?(?:发|发来|发送)的(?:(?:那|这)(?:七|7)(?:条|段|个部分))?|"
                # ("那七段", "这7段": the sections counted as paragraphs, pointed at)
                r"(?:那|这)(?:七|7)段|"
                r"(?:从)?第(?:一|1)条(?:到|至)第?(?:七|7)条|(?:1|一)(?:到|至)(?:7|七)条)"
                r"的?(?:全部|所有)?(?:(?:七个部分|七部分|7部分|七条)的?(?:告知内容|内容)|告知内容|告知事项|告知书|告知承诺书|内容|七条|7条|七个部分|7个部分|七部分|7部分|全文)?)")
# Where the notice was read, and the phone's reading-aloud function (see ``_READ_ADVERBS``). Only where one reads
# what was sent in this chat: a service window, its hall or "online" may hold another copy, of another version, and
# so may a text message (短信): the journey never sends the notice by SMS (on the hotline it is read aloud).
_PLACES = (r"(?:地铁|公交车?|火车|高铁|出租车|车|路|家|单位|公司|办公室|手机|电脑|平板|微信|小程序|屏幕|床|医院|店|工地|厂)")
_READ_PLACE = rf"(?:在{_PLACES}(?:上|里)?|{_PLACES}(?:上|里))"
_READ_BY_VOICE = (r"(?:(?:手机|微信|软件|系统)(?:的|自带的)?)?(?:语音播报|语音朗读|朗读功能|读屏功能|读屏软件|听书功能|语音功能|朗读|播报)"
                  r"(?:功能)?")
# (当然, 肯定, 确实: the speaker's own reading stressed; of a letter's wording 肯定 is a guess, see ``_AUTH_HEDGE``)
# (其实, "in fact": the statement set against a doubt or an earlier reply, no hedge)
_READ_ADVERBS = (r"(?:现在|刚刚|刚才|刚|终于|总算|才|早就|通篇|整篇|全篇|当然|肯定|确实|其实|"
                 # when, and how: "早上就看完了", "拿放大镜…看完了"
                 r"(?:今天|昨天|昨晚|前天|早上|上午|中午|下午|晚上)(?:就|已经)?|(?:拿着?|拿上|用|戴着?|戴上|戴好)(?:了)?(?:放大镜|老花镜|眼镜)|"
                 # ("老花镜戴上看完了": the glasses named first)
                 r"(?:放大镜|老花镜|眼镜)(?:戴上|戴好|戴着|拿上|拿着)(?:了)?|"
                 # a pause in the day the reading was done in ("午休的时候"; without 了 it may be a plan, see
                 # ``_PLANNED_FINISH``)
                 r"(?:趁)?(?:午休|休息|吃饭|等车|排队|坐车|睡前|睡觉前)(?:的时候|时|那会儿?)|"
                 # ("开会间隙看完了": the gap in a meeting or a lesson the reading was done in, as 午休的时候 above)
                 r"(?:趁)?(?:开会|上课|上班|干活)(?:的)?(?:间隙|空隙|空档|空当|间歇)(?:的时候|时)?|"
                 # ("戴上老花镜慢慢看，总算看完了", "在公交上站着看完的": the pace and the posture of the reader, which say
                 # nothing of how much was read; the reading must still be said finished)
                 r"慢慢(?:地)?|(?:站着|坐着|躺着)|"
                 # ("趁空看完了", "抽空读完了": a spare moment taken for it; "抽空看完" with no 了 is a plan, see
                 # ``_PLANNED_FINISH``)
                 r"(?:趁着?|抽)(?:空|空儿|空当|空档)(?:的时候|时)?|"
                 r"老早就|老早|早都|早|都|已经|已|全都|全部都|全部|认认真真|仔仔细细|完完整整|认真|仔细|完整|逐条|逐字|一一|详细|从头到尾|从头|全|一条一条|一条条|一段一段|一段段|"
                 # (挨个, 挨条: "one after another", the everyday 逐条)
                 r"一个字一个字|一字一句|逐字逐句|逐句|逐一|挨个儿?|挨条|真的|真|也|均|反复|来回|自己|亲自|自个儿?|自行|"
                 # ("我打印出来逐条看完了": printed just now to read it, the copy sent here)
                 r"打印出来(?:以后|之后|后)?|(?:往下|向下)(?:翻|划|滑|拉)着|"
                 # where, on what and alone ("刚在地铁上看完了", "我拿打印出来的那份逐条看完了", "用手机朗读功能听完了",
                 # "我自己一个人看完了", "这次又完整看了一遍"): the place, the medium or this reading told, which adds
                 # nothing to whose reading it is or how much of it. The printout is only the plain one ("上次打印的"
                 # may be another version, and is not among these).
                 rf"{_READ_PLACE}|(?:拿着?|用|对着|照着)(?:打印(?:出来)?的|打出来的|纸质(?:版)?的?)(?:那份|这份|那张|这张|版本?|文件)?|"
                 rf"(?:用|通过|靠|开着?)(?:(?:手机|电脑|平板)(?:上)?(?:的|自带的)?)?{_READ_BY_VOICE}|"
                 r"(?:自己)?一个人|独自|这次|这回|这一次|又|"
                 # the chat scrolled back to read it ("我往上翻着看完了"): where on the screen, nothing about how much
                 r"(?:往上|往回|向上|往前)(?:翻|划|滑|拉)(?:着)?|"
                 # the reading taken up again after a break ("回来接着读完的"): with 完 it is finished like any other
                 r"(?:回来|接完电话)?(?:又)?(?:接着|继续)|"
                 r"一(?:个)?(?:字|条|句)(?:都|也)?不(?:落|漏)(?:地)?)*地?")
_UNDERSTOOD = (r"(?:已经|已|都|也|全都|完全|全部|均)*(?:知晓|知悉|了解|明白|清楚|理解|同意|确认|看懂|读懂|听懂|看明白|听明白|弄明白|懂)(?:了)?"
               + _READ_OBJECT + "?")
# ("在公交上把告知书看完了", "刚才把告知书看完了": when, where or how said before the 把 of the notice)
_READ_CLAUSE = (rf"(?:(?:我|本人|我本人)?{_READ_ADVERBS}把{_READ_OBJECT}|(?:我|本人|我本人)?(?:把)?{_READ_OBJECT}?|{_READ_OBJECT}(?:我|本人)|{_READ_BY_VOICE}(?:我|本人))"
                rf"{_READ_ADVERBS}{_READ_VERB}(?:了)?{_READ_OBJECT}?(?:了|啦|哦|呀|的|哈|咯|喽|嘞|啊|咧|噻)?"
                r"(?:(?:一遍|两遍|三遍|几遍|好几遍|多遍|半天|老半天)(?:了)?)?")
# Read aloud to the user, who says so ("我让孙子给我念了一遍", "我听你念完了"): someone who cannot read the print
# knows the notice this way. The reading must be finished (完, 一遍, 过) and done to the speaker (给我/帮我 …);
# "我妈看完了" or "别人帮我看完了" is someone else's reading, not this.
# Who read it out: a name, a relative or a title, with no word in it of a time to come, an intention or a reading not
# over ("村干部会给我念", "儿子快念完了", "老伴马上给我念完了" are a plan or a reading still going on).
_ALOUD_BY = r"(?:(?![会要想准打将再快等没不未别马])[\u4e00-\u9fff])"
# (一句一句, "sentence by sentence", is 一字一句 said of the sentences)
_READ_ALOUD = (rf"(?:我|本人)?(?:让|叫|请)?{_ALOUD_BY}{{0,4}}?(?:给|帮|替|跟|对)我(?:从头到尾|一条一条|一条条|一字一句|一句一句|一句句|逐条)?(?:地)?"
               r"(?:念|读)(?:完了|了一遍|了两遍|了好几遍|过了|过一遍了?)"
               # "村干部给我从头念到尾": the span to the end, said of what was done (with 让 before it, "让他给我从头念到
               # 尾", it may be a request still)
               r"|(?:我|本人)?(?:(?![让叫请])" + _ALOUD_BY + r"){1,4}?(?:给|帮|替|跟|对)我从头(?:到尾)?(?:念|读)到(?:尾|最后|底)(?:了)?"
               # "工作人员给我念了告知书": the notice named, read out; finished only when a clause says so ("我听完了")
               rf"|(?:我|本人)?(?:让|叫|请)?{_ALOUD_BY}{{0,4}}?(?:给|帮|替|跟|对)我(?:念|读)了(?:一遍)?(?:告知书|告知承诺书|告知内容|全文)"
               rf"|(?:我|本人)?(?:已经)?(?:让|叫|请)?{_ALOUD_BY}{{0,4}}?(?:一条一条|一条条|一字一句|一句一句|一句句|从头到尾)?(?:地)?(?:念|读)给我听(?:了|过了|完了|的)(?:一遍)?"
               # "让孙女念了一遍": someone asked to read it, who did, all of it, to the speaker who asked
               rf"|(?:我|本人)?(?:让|叫|请){_ALOUD_BY}{{1,4}}?(?:念|读)(?:完了|了一遍|了两遍|了好几遍|过了|过一遍了?)"
               rf"|(?:我|本人)?听(?:你|您|{_ALOUD_BY}{{1,4}}?)(?:念|读)(?:完了|了一遍|过了)")
# "7部分都看了", "你发的我都看了": with 都/全 the plain 看了 says all of it was read.
# (the count is the whole notice's, 七 or 7: "3条都看完了" is three of them)
# ("手机上七段都看了": where it was read said first, as in ``_READ_ADVERBS``)
_ALL_READ_CLAUSE = (rf"(?:{_READ_PLACE})?"
                    # ("刚才发的我全看了": what was just sent, pointed at, as in ``_READ_OBJECT``)
                    # ("共7部分都看了": the count said as the total)
                    r"(?:(?:一共|共|总共)?(?:7|七|全部|所有|每)(?:个|一个|一)?(?:部分|条|段|节|项|字|句)|(?:那|这)几个?条(?:款)?|你发的|发的|您发的|你念的|您念的|念的|内容|告知书|告知内容|告知的内容"
                    r"|(?:(?:你|您|你们)(?=刚才|刚刚))?(?:上面|刚才|刚刚)(?:你|您|你们)?(?:发|发来|发送)的)?"
                    r"(?:我)?(?:从头到尾|一字一句|一条一条)?"
                    r"(?:都|全|全都|全部|每一条都|每条都)(?:认真|仔细|好好)?(?:地)?(?:看了|读了|看过了|读过了|看完了|读完了|听完了|听过了|听了)(?:一遍)?")
# "七个部分一个没落", "一条不漏": none left out, an idiom of completeness (its 没/不 deny a gap, not the reading).
# ("我没有漏的", "没漏啥": the speaker, 我, may say it of themselves; the bare 漏 only with 的 or 什么/啥 after it, the
# "nothing missed" of speech: "没漏几条" or "没漏看完" is no such idiom)
_NONE_MISSED = (r"(?:我|本人)?(?:(?:(?:7|七|全部|所有|每)(?:个)?(?:部分|条|段|节|项))?一(?:个|条|字|句|点|段)(?:字|条|句)?(?:都|也)?(?:没|不)"
                # ("没有漏掉的部分": the part that would be missed named, and said not to exist)
                r"(?:落|漏|少|落下|漏掉|跳过|落下了|漏了|少了)|没(?:有)?(?:落下|漏掉|跳过|漏看|落|漏(?=的|什么|啥))(?:什么|啥)?(?:的)?"
                r"(?:(?<=的)(?:部分|地方|内容|条款?))?"
                # ("没落下一条", "没漏掉一个字": the verb before the single unit it denies missing)
                r"|没(?:有)?(?:落下|漏掉|跳过|漏看|拉下)(?:了)?(?:任何)?一(?:个|条|字|句|段|项)(?:字|条|句)?)")
# "没啥要问的", "没得问题", "没有疑问": nothing left to ask (没得 is the southwestern 没有)
_NOTHING_TO_ASK = (r"(?:没|莫)(?:啥|什么|有|得)?(?:要|想)?问(?:的|题|提)|没(?:有|得)?(?:意见|异议|疑问)|无异议|无疑问|没毛病"
                   # ("没别的问题了", "没有其他疑问": nothing further, after what was said)
                   r"|没(?:有|得)?(?:别的|其他的?|其它的?|其余的?)(?:问题|疑问|意见|异议|要问的|想问的)"
                   # "没啥说的", "没什么好说的": nothing to add or object (啥/什么 or 好 in it: a bare "没说的" may be a part
                   # not told)
                   r"|(?:没|莫)(?:有)?(?:啥|什么)(?:好|要|可)?说的|没(?:有)?好说的")
# The duty or the liability of a false statement known ("我明白要是说假话要担责任", "我知道不能说假话"): the condition
# or the negation in it is on falsity, no reservation on the reading.
_DUTY_KNOWN = (r"(?:我|本人)?(?:已经|已|都|也)?(?:清楚|明白|知道|了解|知晓|知悉|晓得)(?:了)?(?:(?:" + _affirmation._FALSITY
               + r")(?:的话)?(?:就)?(?:要|需要|得|会)?(?:承担|担|负)(?:相关的?)?(?:法律)?(?:责任|后果)"
               r"|(?:不能|不可以|不许|不准|不得|不要)(?:说假话|撒谎|说谎|造假|作假|弄虚作假|瞒报|隐瞒|虚报))")
_LIABILITY_KNOWN = re.compile(_DUTY_KNOWN)
# Questions kept for later: "有问题再问你", "有不懂的再问你"
_LATER_QUESTIONS = r"有(?:问题|疑问|不懂的|不明白的)(?:我)?再(?:问|找)(?:你|您)?"
# "不用再发了", "别念了": the repetition declined, which asks for nothing
# ("不用念给我听": the reading aloud to the speaker declined, which asks for nothing either)
_NO_REPEAT = r"(?:不用|不需要|别|不要|无需|甭)(?:再)?(?:重发|发|说|念|讲|读|重复)(?:给我听|给我)?(?:一遍|一次)?(?:了|啦)?"
# "不用再看了", "没啥要再看的", "不用再看第二遍": a second reading of one's own called needless, which asks for nothing (its
# 再看 is no request to repeat). 再 must be in it ("不用看了" may be the reading itself declined), and the 没 form is the
# "nothing that needs …" of 没啥/没什么 with its closing 的 ("后面的没再看" is a part left unread, and no such clause).
# Alone it states no reading; it is dropped only beside a statement that decides on its own.
_NO_SECOND_LOOK = (r"(?:(?:不用|不需要|不必|无需|甭)再(?:看|读|瞅)(?:一遍|一次|第二遍|两遍)?(?:了|啦)?"
                   r"|没(?:有)?(?:啥|什么)(?:要|需要|必要|可|好)?再(?:看|读|瞅)(?:一遍|一次|第二遍|两遍)?的(?:了)?)")
# Both, as taken out of an answer before it is searched for a request to repeat, a negation or a hedge
_NO_REPEAT_NEEDED = f"{_NO_REPEAT}|{_NO_SECOND_LOOK}"
# The topics of the notice's sections, as readers name them when they say those parts were read or understood too
_TOPIC = r"(?:法律责任|责任|上门核查|核查|公开|公示|信用|失信惩戒|承诺方式|事项名称|设定依据|依据|证明内容|许可条件)"
# Hurry told after the statement ("…我还要赶去上班", "快点办吧 排队呢"): why the speaker wants to be done, the work or the
# queue waiting; it has no negation, hedge or question word, and says nothing of how much was read.
_BUSY_ELSEWHERE = (r"(?:我)?(?:还)?(?:要|得)?(?:赶|急着|赶着)(?:去|回)?(?:上班|干活|上工|接孩子|开会)(?:呢|啊|哩)?"
                   # ("我还要开会", "我等会儿得去上课": what waits after this, the same hurry without 赶)
                   r"|(?:我)?(?:还|等会儿?|一会儿?|待会儿?|马上|等下)?(?:要|得)(?:去)?(?:上班|干活|上工|接孩子|开会|上课|值班)(?:呢|啊|哩)?"
                   # ("下一站就到了", "我马上到站了": the speaker's stop coming up on the bus or the train; 到站 and 下车 are the
                   # vehicle's, and a bare "快到了" may be the end of the notice nearly reached, which is not among these)
                   r"|(?:我)?(?:下一站|下站)(?:就)?(?:要)?到(?:站)?了|(?:我)?(?:马上|快)(?:就)?(?:要)?(?:到站|下车)了"
                   r"|(?:我)?(?:这边|后面|还|正)*(?:在)?排(?:着)?队(?:呢|哩)?|(?:我)?(?:赶时间|赶着)(?:呢)?")
# What may follow the statement: moving on ("可以下一步了", "往下走") and plain acknowledgements.
_MOVE_ON = (r"(?:请|麻烦|麻烦您|麻烦你)?(?:你|您)?(?:可以)?(?:下一[步部]|往下走|(?:进行|进入)下一(?:步|部|环节)|继续|往下)(?:了|吧|啦)?|"
            # ("你发下一步吧": the next step asked to be sent, 发 or 上 said of it, which asks nothing of the notice)
            r"(?:请|麻烦)?(?:你|您)?(?:就)?(?:可以)?(?:发|给我发|上|来)(?:一下)?下一(?:步|部|环节)(?:了|吧|啦)?|"
            # thanks in all their forms: "谢谢啦", "谢谢你们的提醒", "辛苦你们了"
            r"(?:谢谢|感谢|多谢)(?:你们|您们|你|您|大家)?(?:的)?(?:提醒|告知|提示|帮助)?(?:了|啦|哈|哦)?|辛苦(?:你们|您们|你|您)?了?|"
            r"麻烦(?:你们|您们|你|您)了|(?:顺祝|祝)(?:你们|您|你|大家)?(?:工作)?顺利|可以了吧|可以了|好了|ok|yes|thx|thanks|thank you|3q|特此(?:确认|回复|说明|声明)|冲(?:鸭|呀|啊)?|安排(?:上)?|(?:请|麻烦)?快点(?:吧|儿)?|"
            # the company's own "no objection": "我司无异议"
            r"(?:我司|本公司|我们公司|公司)(?:对此)?(?:无异议|没有异议|无疑问|没有疑问)|"
            # ("就这样，下一步": that is all, and on to the next step, said together; a bare "就这样吧" or "先这样吧" may be
            # the reading given up, and is not among these)
            r"(?:嗯)?(?:那)?(?:就)?这样(?:吧)?,?(?:下一[步部]|往下走)(?:吧|了|啦)?|"
            rf"赶紧(?:的)?|{_NO_REPEAT}|{_NO_SECOND_LOOK}|{_NOTHING_TO_ASK}|{_affirmation.COURTESY}|{_affirmation._HURRY}|{_BUSY_ELSEWHERE}|"
            # going on with the errand: "咱接着往下办吧", "继续办"; asked of the clerk too ("你接着往下办吧", "恁往下弄吧"),
            # which asks to go on and says nothing of the reading
            r"(?:请|麻烦)?(?:咱|咱们|我们|那|你|您)?(?:就)?(?:(?:接着|继续)?往下|接着|继续)(?:办理|办|走|弄|进行)(?:吧|呗|啦)?|"
            # the errand named as what goes on ("可以继续办失业金的事了"): 接着/继续 and the errand's 事/手续, with no
            # negation, hedge or question word in its name
            r"(?:那)?(?:我|咱|咱们|我们)?(?:就)?(?:可以|能)?(?:接着|继续)(?:办|办理|申请)(?:(?![不没未别无非吗么吧呢嘛])[\u4e00-\u9fff]){1,8}?"
            r"的(?:事|事情|事儿|手续|申请|业务)(?:了|吧|啦)?|"
            # someone beside the speaker while they read: "我儿子在旁边陪我看的"
            # ("我媳妇也跟我一块儿看的", "老伴和我一起读完的": reading along WITH the speaker, 也 or 和 said too; someone who
            # read instead, "我媳妇看的", "我媳妇帮我看的", has no 跟我/陪我/和我 and is none of these)
            r"(?:我的?|我家)?(?:" + "|".join(_affirmation._KIN) + r")(?:也|都)?(?:在旁边|在边上|在身边)?(?:陪|跟|和)(?:着)?我"
            r"(?:一起|一块儿?|一道)?(?:看|读)(?:完)?(?:的|了)|"
            # who the speaker is, said after the reading: "已阅读，我是法定代表人"
            r"(?:我是|本人是)(?:代办人|代理人|受托人|被委托人|申请人|本人|申请人本人|法人|法定代表人)|没意见|没有意见|没有异议|没有疑问|没疑问|无疑问|嗯|嗯嗯|没毛病|ok的|行|确认无误|无误|中|得劲|妥了|"
            # courtesy and plain acknowledgement
            r"感谢|谢谢您|谢谢你|辛苦了|辛苦|麻烦了|好的|好|收到|懂了|都懂了|明白|理解|"
            # what comes next, said as the next step: "可以承诺了", "我要承诺", "请发承诺书"
            r"(?:我|本人)?(?:可以|要|想|开始|准备|会|会如实|愿意|选|选择)?(?:如实)?承诺(?:了|吧)?|(?:请)?(?:发|给我)(?:一下)?承诺书|"
            # ("到时候会配合": the checks the notice tells of, to be cooperated with when they come; no reading in it)
            r"(?:到时候|核查的时候|上门的时候|检查的时候)?(?:我|本人)?(?:会|一定|肯定|保证|都会|一定会|肯定会)?(?:积极|全力|好好)?配合"
            r"(?:核查|检查|你们|你们的?工作|你们核查|工作)?(?:的)?|"
            # the next step asked for as a plain go-ahead: "可以开始了", "接着来", "你说吧"
            r"(?:可以)?开始(?:了|吧)?|接着(?:来|说|往下)?(?:吧)?|(?:你|您)(?:接着|继续)(?:说|讲|问)(?:吧)?|(?:你|您)说吧|"
            # reassurance and who the speaker is: "您放心", "身份证4101…"
            rf"(?:您|你)?(?:就)?放心(?:吧|好了)?|{_affirmation.CONTACT_DETAIL}|{_DUTY_KNOWN}|(?:我)?晓得了|"
            # questions kept for later: "有问题再问你"
            rf"{_LATER_QUESTIONS}|"
            # nothing left unclear, said with two negations: "没啥不明白的", "没有不懂的地方"
            r"(?:都)?没(?:有|啥|什么)?(?:不明白|不懂|不清楚|不理解)的(?:地方)?(?:了)?|"
            # another part named as read too: "第五条法律责任也看了", "讲信用的那条也看了"
            r"(?:第[0-9一二三四五六七八九十]{1,3}条|(?:讲|说|关于)[\u4e00-\u9fff]{1,4}?的那(?:一)?(?:条|段|部分))?的?(?:法律责任|责任|那条|那段|那部分)?(?:我)?(?:也|都|还)(?:认真|仔细)?(?:看了|看过了|读了|读过了)|"
            # ("法律责任那条我也看明白了": a part named by its topic, understood as well)
            # ("核查、责任那些都看明白了": several parts named by their topics, a list pointed at as 那些 or 那几条)
            rf"(?:第[0-9一二三四五六七八九十]{{1,3}}(?:条|部分|项)的?)?{_TOPIC}(?:(?:、|,|和|跟|与|以及|还有){_TOPIC}){{0,5}}的?"
            # ("核查也看明白了": the topic alone, as the part pointed at is written once ``_notice_forms`` has read 那部分 into
            # it; 也, 都 or 还 still make it a part on top of the whole)
            r"(?:(?:那|这)(?:一)?(?:条|段|部分)|(?:那|这)(?:些|几条|几段|几部分|几个部分|两条|两段|两部分|几项|两项))?"
            r"(?:我)?(?:也|都|还)(?:看明白了|看懂了|读懂了|读明白了|弄明白了|看了|看过了|读了|读过了)|"
            # the liability known, in the speaker's words: "承诺不实要担责这个我懂"
            # ("…这个我记住了": kept in mind, 记住 with its 了, as below; 记得 is "as far as I recall", a hedge)
            r"(?:不实承诺|承诺不实|虚假承诺|说假话)?(?:要|得|需要|就要)(?:担责|担责任|承担责任|负责任)(?:这个|这点|这些)?(?:我)?(?:都|也)?"
            r"(?:(?:懂|明白|清楚|知道)(?:的|了)?|(?:记住|记下|记牢)了)|"
            # the liability section retold, and kept in mind: "第五条说不实承诺要担责", "我记住了" (记住 only: 记得 is
            # "as far as I recall", a hedge, and is not among these)
            r"(?:第[0-9一二三四五六七八九十]{1,3}(?:条|部分|项)|(?:法律)?责任(?:那|这)(?:一)?(?:条|部分))(?:里)?(?:说|讲|写|规定)(?:了|的是|的|着)?"
            r"(?:不实承诺|承诺不实|虚假承诺|说假话|造假|作假)(?:的话)?(?:就)?(?:要|得|需要|就要|会)"
            r"(?:担责|担责任|承担(?:法律)?责任|负(?:法律)?责任|承担(?:法律)?后果|被追责)|"
            r"(?:这|这个|这些|这点|这条|那条)?(?:我|本人)?(?:都|也)?(?:记住|记下|记牢)了|"
            # the applicant told too: "也给我爸念了", "申请人也知道了"
            # ("也给我舅念了一遍": the speaker's relative, any of them)
            r"(?:也|都)?(?:给|跟|对)(?:他|她|老人|申请人|(?:我|我的|我家)?(?:" + "|".join(_affirmation._KIN) + r"))(?:念|读|讲|说)(?:了|过了|完了)(?:一遍)?|"
            r"(?:他|她|老人|申请人|我爸|我妈)(?:也|都)(?:知道|清楚|明白|看过|看了|听了)(?:了)?|"
            # what was told, known: "对所告知事项已全部知晓"; the formal "以上内容我已知悉", the notice named first as
            # the topic (the knowing still said done: 已, 都, 全部)
            r"对(?:所告知的?事项|告知的?事项|告知的?内容|以上内容|上述内容)(?:已经|已)?(?:全部|完全|都)?(?:知晓|了解|清楚|明白)(?:了)?|"
            r"(?:以上|上述)(?:内容|告知内容|告知事项|事项)(?:我|本人)?(?:已经|已|均已|都已|全部|均|都)(?:全部|完全)?(?:知悉|知晓|了解|清楚|明白)(?:了)?|"
            # the conditions met: "条件我都符合"
            r"(?:我家|我们家|家里)?(?:的)?(?:条件|要求)?(?:我|本人)?(?:都|全都|全部|也)?符合(?:条件|要求)?(?:了)?|"
            # the liability understood: "责任我清楚", "明白要承担责任", "知晓法律责任"
            r"(?:第[0-9一二三四五六七八九十]{1,3}条的?)?(?:相关的?|不实承诺的|承诺的)?(?:法律责任|法律后果|后果|责任)"
            r"(?:我|本人)?(?:都|也)?(?:清楚|明白|知道|了解|知晓)(?:了)?|"
            r"(?:已经|已|都|也)?(?:清楚|明白|知道|了解|知晓|知悉)(?:了)?(?:不实承诺|虚假承诺|承诺不实|" + _affirmation._FALSITY + r")?(?:的话)?(?:就)?(?:要|需要|得)?"
            r"(?:承担|担|负)?(?:相关的?|不实承诺的|承诺的)?(?:法律责任|法律后果|后果|责任)|"
            # some parts read more than once: "前面几条还看了两遍"
            r"(?:前面|有的|重要的|有几条)?(?:几条|那几条)?(?:还|又)(?:看|读)了(?:两遍|好几遍|几遍)")
# A remark on the notice itself after the reading ("好长啊", "字好多", "写得挺清楚的"): no reservation on having read it.
# ("告知内容我都清楚了": the notice named first, as what is understood, all of it)
_REMARK = (r"(?:内容|字)?(?:有点|有些|挺|蛮|很)(?:长|多)(?:的|啊|呀|了)?|(?:都|全)?能(?:看|读|听)(?:懂|明白)|"
           r"(?:全部|所有|告知内容|告知的内容|告知书|告知事项)?(?:内容|条款)?(?:我)?(?:都|全都|全)(?:清楚|明白|了解|懂)(?:了)?|(?:好|太|真|挺|蛮)(?:长|多)(?:啊|呀|了)?|(?:好久|好一会儿?|半天|早就|老早)(?:了|啦)|字(?:好|太|真|挺|蛮)多(?:啊|呀)?|内容(?:好|太|真|挺|蛮)多(?:啊|呀)?|"
           # ("你们这七条写得挺清楚": the notice pointed at as theirs, by its count)
           r"(?:(?:你们|您们)(?:的)?(?:这|那)?(?:七条|7条|七个部分|份告知书|个告知书|告知书)|第[0-9一二三四五六七八九十]{1,2}条|每条|这个|告知书)?"
           r"(?:写得|写的|讲得|讲的|说得|说的)?(?:挺|很|蛮|非常|都|也)(?:清楚|明白|详细)(?:的|了)?|"
           r"(?:那个|这个)?(?:字|字体)(?:有点|有些|挺|蛮|很|太)?小(?:了|啊|呀)?|(?:我)?(?:看|读)得(?:有点|有些|比较|挺)?慢|"
           # ("俺看嘞可仔细": the care the reading was done with, Henan's 可 "so very" among its degrees)
           r"(?:我)?(?:看|读)得(?:可|很|挺|蛮|特别|非常|老|怪|真)?(?:仔细|认真|细)(?:了|呢|着呢|哩|嘞|的)?|"
           # ("都看明白了": all of it understood on reading)
           r"(?:我)?(?:都|全都|全|也都)(?:看|读|听)(?:明白|懂|清楚)了|"
           r"(?:眼睛)?(?:都)?(?:看|读)(?:得)?(?:酸|累|花)了")
# Acknowledgements said before the reading statement, in northern speech (中, 管, 妥了, 可以嘞, 木问题) and in young
# internet style (好滴, 嗯呐, 阔以, okk, ok的): "OK", which adds nothing, so the statement after it must stand alone.
# Alone they are still a bare yes (``_BARE_YES`` and the grammar needs a reading clause).
# (a one-character lead must stand apart from the word after it: "中间几条看了" is no 中)
_ACK_LEAD = (r"(?:(?:中)+|管|啊|哎|哦|噢|喔|喂+)(?=,|我|已|看|读|全|都|从)|妥了|妥妥的|可以嘞|可以的|木问题|没毛病|好滴|好哒|好嘞|嗯呐|嗯呢|嗯哪|阔以|"
             r"okk+|ok的|ok滴|done|完事儿?|哎呀|那个啥|得嘞|"
             # the reading said in English first ("all read ✅ 全部看完了"): alone it is no answer, and beside a Chinese
             # statement it only says that statement again
             r"allread|readall|alldone|ireadit|ireadall|ihavereadit|ihavereadall|finishedreading")
_NEXT_STEP_QUESTION = re.compile(
    r"(.+?),(?:那|请问|那么)?(?:下面|接下来|然后|下一步)(?:该|要|我该|我要)?(?:怎么弄|怎么办|做什么|干什么|干啥|干嘛|是什么|是啥|咋弄|咋办|"
    r"怎么做|怎么操作)?(?:呢|啊|呀)?"
)
_READ_GRAMMAR = re.compile(
    rf"^(?:(?:{_affirmation.COURTESY}|{_ACK_LEAD}|好的|好了|好|嗯嗯|嗯|是的|是|对|ok了|ok啦|ok|yes|收到|行|可以|呃|额|那个|没问题|知道了|明白了|了解了|清楚了),?){{0,2}}"
    # ("兹确认本人已阅读…", "特此确认：…": the formal register's lead-in, which states nothing by itself)
    # ("现确认已阅读": the formal 现, "now", which the answer after a correction begins with)
    # ("现在正式说：已阅读": the answer said formally, after an earlier reply taken back)
    r"(?:(?:兹|特此|现|现在)?(?:我|本人)?(?:现)?(?:确认|正式(?:说|回复|答复|确认)),?)?"
    # "一个字都没落下，全看完了", "没有不懂的，都看完了": nothing missed or unclear, said first
    rf"(?:(?:{_NONE_MISSED}|(?:都)?没(?:有|啥|什么)?(?:不明白|不懂|不清楚|不理解)的(?:地方)?),)?"
    rf"(?:{_READ_CLAUSE}|{_ALL_READ_CLAUSE}|{_READ_ALOUD})"
    # Counted, not open-ended: a reading statement has a few parts, and a long run of clauses that almost fit
    # would otherwise take the matcher exponential time.
    # ("看完了，我还让我儿子给我念了一遍": read, and read out to the speaker as well)
    rf"(?:(?:并且|并|且|,){{0,2}}(?:(?:我|本人)?{_UNDERSTOOD}|{_ALL_READ_CLAUSE}|{_READ_CLAUSE}|(?:我|本人)?(?:还|也)(?:{_READ_ALOUD}))){{0,4}}"
    rf"(?:,{_NONE_MISSED})?"
    # ("已阅读（全部）": the extent said apart, in brackets)
    rf"(?:(?:,?(?:并且|并|且|同时)|,)?(?:我|本人)?(?:谢谢|没(?:啥|什么|有|得)?问[题提]|明白了|清楚了|都清楚了|知道了|了解了|{_MOVE_ON}|{_REMARK}|{_ALL_READ_CLAUSE}|"
    # ("我都看了，7个部分，一个没少": none missed, said after the extent too)
    # ("看完了，从头到尾": how it was read, said apart, as 全部 is said apart)
    rf"(?<=,)(?:全部|全文|全部内容|所有内容|全部都看了|七条都看了|从头到尾|逐条|一条一条|一条条|一字一句|一个字一个字|逐字逐句)|(?<=,){_NONE_MISSED})"
    r"(?:了)?){0,4}$"
)
# Before the statement: who is speaking ("我是代办人"), or a pause whose result is the statement
# ("没看完……等会儿……好了，现在看完了": the answer is what is said once the pause is over).
# ("我就是法人": the 就 that insists on who the speaker is, after a correction that set another reader aside)
_SPEAKER_CLAUSE = re.compile(r"^(?:我是|本人是|我就是|本人就是)(?:代办人|代理人|受托人|被委托人|申请人|本人|申请人本人|法人|法定代表人)$"
                             # "来电人：已阅读": a hotline clerk's label of who is answering, the caller on the line,
                             # typed before the caller's words (someone else of the caller's, "来电人家属", is not it)
                             r"|^(?:来电人|来电者|致电人|来电群众|来电市民)(?:回复|答复|表示|称|说)?$"
                             # "我是代我爸办的": for whom the speaker acts
                             # ("我替我舅赵强办的": the relative's name said after the tie; "我是替公司办的": the company)
                             rf"|^(?:我是|我)(?:代|替|帮)(?:我)?(?:(?:{'|'.join(_affirmation._KIN)})(?:(?![看读阅听念完没不未的])[\u4e00-\u9fff]){{0,3}}?"
                             r"|他|她|别人|公司|我们公司|单位|我们单位|企业|老板|我们老板)(?:来)?(?:办|办理|申请)的?$"
                             # "我是公司行政", "我是法人张伟": the speaker's post in the company, or the role with the speaker's
                             # own name after it (two or three characters, no relative, no 的), who speaks,
                             # and the reading after it must still be the speaker's own ("我是公司行政，老板看完了" is not)
                             r"|^(?:我是|本人是)(?:公司|我们公司|本公司|单位|我们单位|企业)?(?:的)?(?:行政|行政人员|财务|会计|出纳|文员|经理|总经理"
                             r"|负责人|股东|员工|职员|办事员|经办人|办公室主任)$"
                             rf"|^(?:我是|本人是)(?:公司的?)?(?:法人|法定代表人|法人代表|代办人|代理人|受托人|申请人)"
                             rf"(?!{'|'.join(_affirmation._KIN)})(?:(?![的之他她我你])[\u4e00-\u9fff]){{2,3}}$"
                             # "我是代办的": the proxy's role said by its verb
                             r"|^(?:我是|本人是)(?:来)?(?:代办|代理|代为办理|替人办|帮人办)的$")
# "七条我都听着了", "我全听完了": the speaker heard all of what was read out to them (听着了 is the northern "heard"). Only
# said by 我 of the whole, after a read-aloud: "都听着了" without 我 is also "everyone, listen", and a count is the whole
# notice's.
_HEARD_ALL = re.compile(r"(?:(?:7|七|全部|所有|每)(?:个)?(?:部分|条|段|项)|告知书|告知内容|内容)?(?:我|本人)"
                        r"(?:从头到尾|一字一句|一条一条)?(?:都|全|全都|全部|每一条都|每条都)(?:认真|仔细|好好)?(?:地)?"
                        r"听(?:完了|过了|了|着了|见了|清楚了|明白了)(?:一遍)?"
                        # ("全部听完了": 全部 and a finish, 完 or 过, are the speaker's whole hearing without 我; a bare "都听着了"
                        # is not)
                        r"|(?:全部|全都)(?:都)?(?:认真|仔细|好好)?(?:地)?听(?:完|过)了(?:一遍)?")
# ("不识几个字", "认不了几个字": few characters known, the reader's own modest "cannot read")
_CANNOT_READ_PRINT = re.compile(r"(?:我|本人)?(?:不识字|不认识字|不认字|字都不认识|眼睛不好|眼睛花了?|眼神不好|眼花|看不清字?"
                                # ("我看不太清": the eyes that cannot make out the print well)
                                r"|看不(?:太|大)清(?:楚)?(?:字)?|看不清楚"
                                r"|不(?:识|认识|认得)几个字|(?:认|识)不了几个字|没(?:认|识)几个字|识字不多)(?:了)?")
_WAIT = re.compile(r"^(?:等一下|等等|稍等|等会儿|等会|等下|等我一下)$")
# The question's own instruction quoted back before the answer ("对，读完后回复已阅读，已阅读"): it says nothing.
# "不是开玩笑", "真的，不骗你": a joke denied, said beside the statement; it takes nothing back ("骗你的" does).
_NOT_A_JOKE = re.compile(r"(?:我)?(?:真的|说真的|(?:真的)?(?:不是|没|没有|不)(?:在)?(?:开玩笑|骗你|逗你|瞎说|乱说|糊弄你))(?:的|啊|哈|呢|哦)?"
                         # the speaker's honesty vowed by what they are ("当兵的不糊弄人", "俺庄稼人从不说假话"): a claim to be
                         # believed, like "不骗你", which says nothing of how much was read; the statement beside it decides
                         r"|(?:我|俺|咱)?(?:是)?(?:当兵的|当过兵的|军人|退伍军人|老兵|党员|老党员|共产党员|老实人|实在人|庄稼人)?"
                         r"(?:从来|向来|一向|可|绝|绝对)?(?:不|从不|不会)(?:糊弄人|糊弄|骗人|说假话|撒谎|说谎|忽悠人)(?:的|啊|哈|呢)?")
_INSTRUCTION_ECHO = re.compile(r"^(?:请您?)?(?:认真阅读以上告知内容)?读完(?:后|了|以后|之后)?(?:请)?回复已阅读$")
# How the speaker reads, told before the answer ("我今年七十多了，看得慢，刚刚才看完"): no reservation on the reading.
# ("老花眼看得慢": the eyes that make the pace slow named with it)
_OWN_PACE = re.compile(r"^(?:我)?(?:(?:我的|这)?(?:老花眼|老眼|眼睛|眼神)(?:不好|不太好|花)?)?(?:看|读)(?:得|的)(?:有点|有些|比较|挺|很)?慢(?:了|些)?$|^(?:哎呀|哎)?(?:这么|那么)多(?:字|内容)(?:啊|呀)?$"
                       # eyes, and the print made bigger for them ("我这个眼睛不太好，让孙子把字调大了"): how the speaker
                       # reads, not who reads
                       # ("眼睛不太好使": 好使, the northern "works well", denied of the eyes)
                       r"|^(?:我)?(?:这个|这)?(?:眼睛|眼神)(?:也|又)?(?:不太好|不好|不大好|不太好使|不好使|不大好使|花了?|不行了?)$"
                       # ("我老花眼", "我眼花"): the eyes named by their trouble
                       r"|^(?:我|我的)?(?:是)?(?:老花眼|老花|眼花|近视眼?)(?:了)?$"
                       # ("刚才让孙子把字调大了": when it was done, which says no more)
                       r"|^(?:我)?(?:刚才|刚刚|先)?(?:让|叫|请)(?:我)?[\u4e00-\u9fff]{1,3}?(?:帮我)?把字(?:体)?(?:调|放|弄)大(?:了)?(?:点|一点|些)?(?:了)?$"
                       # ("孙女帮我把字调大了": the one who made it bigger named first, with 帮我; only the print is done
                       # for the speaker, and the reading after it must be the speaker's own)
                       r"|^(?:我的?|我家)?(?:(?![不没未别让叫请])[\u4e00-\u9fff]){1,3}?(?:帮|替|给)我把字(?:体|号)?(?:调|放|弄)大(?:了)?(?:点|一点|些)?(?:了)?$"
                       # the print made bigger by the speaker to read it ("放大了看的", "把字调大了才看完的"): how, done
                       r"|^(?:我)?(?:把字(?:体)?|字)?(?:调|放|拉|弄)大(?:了)?(?:点|一点|些)?(?:才|再)?(?:看|读)(?:的|完的|完了)$"
                       # ("我眼神不好，把字调大了，…": the print made bigger by the speaker, done, before the reading told after it)
                       r"|^(?:我)?(?:自己)?把(?:手机上?的?)?(?:字|字体|字号)(?:调|放|拉|弄)大(?:了)?(?:点|一点|些)?(?:了)?$"
                       # ("我耳朵背听不了语音": the ears that cannot take a voice, which is why the speaker read the text; its 不
                       # is on the hearing)
                       r"|^(?:我)?(?:的)?(?:耳朵|耳)(?:有点|有些|比较)?(?:背|聋|不好|不太好|不灵)(?:了)?(?:听不了|听不见|听不清|听不到)?(?:语音|声音)?$"
                       # the speaker's age, with the pace or the eyes it brings ("我七十六了看得慢"): who reads, not how much
                       r"|^(?:我)?(?:今年)?(?:都|已经)?(?:[六七八九]十[一二三四五六七八九]?|[5-9][0-9])(?:多)?(?:岁)?了"
                       r"(?:,?(?:眼睛不好|眼神不好|眼花了?|(?:看|读)(?:得|的)(?:有点|有些|比较|挺|很)?慢(?:了|些)?))?$")
# A shortcut denied ("不是随便回的", "不是敷衍", "不是草草看的", "不是看一半", "不是光看了标题", "不是我儿子替我看的",
# "你别以为年轻人都不看条款", "不是看完就忘的那种"): a careless reply, a part read, someone else's reading or a reading
# soon forgotten, each said NOT to be what happened. It is emphasis like the denials below, and the plain statement
# beside it decides on its own. Only 不是/并非 deny a part read ("没有看一半" is "not even half of it read"), and the
# reading itself denied ("不是看完了", "不是全看完了") is none of these.
_SHORTCUT_DENIED = (
    # (瞎, 乱, 胡乱: "blindly", "at random", the careless manner of "不是瞎点的")
    r"(?:我)?(?:可|真|绝对|也)?(?:不是|并不是|并非|绝不是|没有|没|并没有|并没)(?:在)?(?:随便|随手|随意|草草|草率|马虎|马马虎虎|敷衍|糊弄|应付|胡乱|瞎|乱|偷懒)"
    r"(?:地|了事)?(?:(?:看|读|回|答|回复|点|填)(?:了)?(?:的|一下|一眼)?)?(?:你|的)?(?:呢|啊|哈)?"
    # ("我不会不看就回复的": a reply sent without the reading, said to be what the speaker would never do; the reply or the
    # click named, the reading before it denied twice)
    r"|(?:我)?(?:可|才|从来|绝对|也)?(?:不会|不可能|从不|从来不|才不会|不至于)(?:不看|没看|不读|没读|不看完|没看完|不读完|没读完)就"
    r"(?:回|回复|答|答复|点|点确认|签|填|确认)(?:了)?(?:的|呢|啊)?"
    # ("我不是光帮他传话的": the proxy denied to be only a messenger for the one they act for, who would pass the reply on
    # unread; it says nothing by itself, and the reading beside it must be the speaker's own)
    r"|(?:我)?(?:可)?(?:不是|并不是|并非)(?:只|光|就|只是|光是|单纯)?(?:帮|替|给)(?:他|她|申请人|老人|别人|人家|(?:我的?)?(?:"
    + "|".join(_affirmation._KIN) + r"))(?:传话|传个话|带话|带个话|跑腿|跑个腿|点确认|点个确认)(?:的)?(?:呢|啊)?"
    r"|(?:我)?(?:可)?(?:不是|并不是|并非|绝不是)(?:只|光|就|只是|光是)?(?:看|读)(?:了)?(?:一半|个开头|开头|标题|个标题|题目)"
    r"(?:就回的|就回复的|就点的|的)?(?:呢|啊)?"
    r"|(?:我)?(?:可)?(?:不是|并不是|并非)(?:我的?)?(?:" + "|".join(_affirmation._KIN) + r"|别人|他人|家里人|旁人|人家|孩子)"
    r"(?:替|帮|代|给)我(?:看|读|念|点|回|回复)(?:完)?(?:的|了)?"
    # ("不是别人念的", after "是我自己读的": read out by someone else, denied)
    r"|(?:我)?(?:可)?(?:不是|并不是|并非)(?:别人|他人|家里人|旁人|人家)(?:念|读|替我看|帮我看)(?:给我听)?(?:的)?"
    # ("没让别人代看": someone else asked to read it for the speaker, said not to have happened)
    r"|(?:我)?(?:可)?(?:没|没有|并没有|从没|从来没)(?:让|叫|请)(?:我的?)?(?:" + "|".join(_affirmation._KIN) + r"|别人|他人|家里人|旁人|人家|孩子)"
    r"(?:替|帮|代|给)(?:我)?(?:看|读|念|点|回|回复)(?:过)?(?:的)?"
    # ("我又不是不识字": the speaker's literacy insisted on, two negations that say they read for themselves)
    r"|(?:我)?(?:又|也|可)?(?:不是|并不是|并非)(?:不识字|不认字|不认识字|文盲)(?:的)?(?:呢|啊)?"
    r"|(?:你|您)?(?:别|不要|可别|甭)(?:以为|觉得)(?:我|我们|俺|咱|年轻人|现在的年轻人|我们年轻人|老年人|我们老年人|老人)(?:都|就)?"
    r"(?:不看|没看|不认真看|随便看|不仔细看)(?:条款|告知书|这些|这个|东西)?(?:的)?"
    r"|(?:我)?(?:可)?(?:不是|并不是)(?:看完就忘|过目就忘)的(?:那种|人)?(?:人)?"
    # ("我不是不认真": carelessness denied, two negations that say the reading was careful)
    r"|(?:我)?(?:可|真|绝对|也)?(?:不是|并不是|并非|绝不是)(?:不认真|不仔细|不用心|不上心)(?:(?:看|读)(?:的)?)?(?:呢|啊|哈)?")
# "不是没看，是都看了", "哪能没看", "没有不看的", "没跳着看": a denial that any of it went unread (two negations, a
# no asked back, a gap denied). It is emphasis and says nothing by itself ("没有不看的" alone is asked again); said
# before or after the plain answer, that answer decides on its own terms (a hedge, a part, someone else, a question
# there is asked again).
_NOT_UNREAD = re.compile(r"^(?:我)?(?:又)?(?:不是|并不是|并非|没有|不存在|谁说我?|谁说|没说我?|我没说我?|哪有|哪里|哪能|哪会|怎么会|咋会|"
                         r"怎么可能|咋可能|哪可能|不可能)(?:我)?"
                         # "没有没看的部分": no part left unread
                         r"(?:没看|没读|没有看|没有读|没看完|没读完|不看|不读|没有阅读|没阅读|未阅读|未读|未看"
                         # "不是假装读完": a pretended reading denied, which is the same emphasis ("假装读完了" alone,
                         # not denied, is no reading at all)
                         r"|假装(?:看|读|阅读)(?:完|过)?)(?:过)?"
                         # ("不存在没看完的情况": the case of a reading not finished said not to exist, the formal 不存在)
                         # ("没有不看的道理": no reason not to read it, the same denial)
                         r"(?:的(?:部分|地方|内容|情况|问题|现象|道理)?)?(?:了|呢|啊|呀|嘛)?$"
                         # "没有哪条没看的", "没有一条没读过"; "没有哪里没读到": no place in it (哪里, 哪儿) left unread
                         r"|^(?:我)?没有(?:(?:哪|哪一|一)(?:条|部分|段|句|个字)|哪里|哪儿|什么地方)(?:是)?(?:没看|没读|没看到|没读到|不看)(?:过)?(?:的)?(?:呢|啊)?$"
                         # "没跳着看", "我没有挑着读": the reading denied to have been partial
                         # ("我可没跳着看": with the emphatic 可 or 压根 of a denial said firmly)
                         # ("没有跳过哪一条": the part skipped named as any one; "没跳着看也没快进": a second shortcut, the
                         # video's fast-forward, denied with 也 in the same breath)
                         r"|^(?:我)?(?:可|真|也|又|绝对|压根|根本)?(?:没有|没|并没有|并没|不是)(?:(?:跳着|挑着|随便|粗略|马马虎虎|大概)(?:地)?(?:看|读)|跳过|略过|漏看|漏读)"
                         r"(?:哪一条|哪条|任何一条|哪部分|哪一部分|哪一段|哪段)?"
                         r"(?:也(?:没有|没)(?:快进|跳过|略过|漏看|漏读|(?:跳着|挑着|随便|粗略)(?:地)?(?:看|读)))?(?:的)?(?:呢|啊)?$"
                         rf"|^(?:{_SHORTCUT_DENIED})$")
# The reading is finished: a completed aspect (已, 完, 过, 毕) or the whole text gone through (从头到尾, 一遍, 逐条).
# A bare 看了 ("had a look"), even with 都, says less and is asked again.
_COMPLETED = re.compile(r"已|完|过|毕|(?<=[看读阅])罢|阅读了|通读|阅读并(?:理解|知晓|明白)了|从头到尾|一字一句|一条一条|逐条|逐字|[一两三几]遍|[看读]好(?:了|啦)|[看读]下来了|到(?:尾|最后|底)|[看读听]懂了|[看听]明白了")
# "我认真读了告知书全文": the object after the plain 读了/看了 is the whole text, which says the reading went through
# all of it as 都/全 before the verb do. Not a glance ("看了一下全文") or a part of the whole ("全文的一半", "全文里的
# 几条"), which are asked again.
_WHOLE_TEXT_READ = re.compile(r"(?<=[看读听阅])了(?:一遍)?(?:告知书|告知承诺书|告知内容|以上|上述|上面)?的?"
                              r"(?:全文|全部内容|所有内容|全部条款|所有条款)(?![的一前后中里上第几])")
# All of it read, said of the whole: "都看了", "七条我都看了", "我都认真看了", "每条都看了". 都/全 over the whole
# notice make the plain 看了 a complete reading; over a part ("前面都看了", "前几条都看了") or with a glance
# ("看了一下") they do not, and a bare "看了" is no more than "had a look".
# ("上面的内容", "以上七条": the notice pointed at as what is above)
# ("刚才发的七条", "你发的那7段": pointed at as what was just sent, and counted as all its sections; a count of fewer,
# "刚才发的三条", is a part)
_WHOLE_NOTICE = (r"(?:(?:(?:上面|以上|上述)的?)?(?:告知书|告知承诺书|告知内容|告知的内容|内容|全文|七条|7条|这七条|那七条|(?:七|7)(?:个)?部分)"
                 r"|(?:你发的|您发的|发的|你念的|您念的|(?:(?:你|您|你们)(?=刚才|刚刚))?(?:上面|刚才|刚刚)(?:你|您|你们)?(?:发|发来|发送)的)"
                 r"(?:(?:那|这)?(?:七|7)(?:个)?(?:条|段|部分))?|上面的?|以上|上述)")
_ALL_OF_IT_READ = re.compile(
    rf"(?:{_WHOLE_NOTICE}(?:我|本人)?|(?:我|本人)(?:把{_WHOLE_NOTICE})?)?"
    # ("每一部分都看了", "每段都读了": every part of it, one by one, is the whole as 每条 is)
    r"(?:都|全|全都|全部|全部都|每条都|每一条都|一条一条都|每个字都|每一个字都|(?:每|每一|每个)(?:部分|段|节|项)都)(?:认真|仔细|好好)?(?:地)?(?:看|读|阅读|瞧|瞅|听|听见)了(?:一遍)?"
    r"(?:啊|呀|的|哦|啦)?"
)


_PART = r"(?:条|段|部分|项|节|点)"


def _whole_range(flat: str, total: int) -> str:
    """"第一部分到第七部分" (from the first section to the last one sent) read as 全部, the whole notice."""
    last = "|".join(sorted({str(total)} | {k for k, v in CN_DIGITS.items() if v == total}))
    flat = re.sub(rf"(?:从)?第(?:一|1){_PART}?(?:到|至|~|-)(?:第?(?:{last}){_PART}?|最后一{_PART})", "全部", flat)
    # "从第一条看到第七条": the reading verb between the first and the last section sent is the span of
    # ``_READ_VERB``'s "从第一条看到最后一条". Only the last one sent ends it: "从第一条看到第五条" stays a part.
    # (by 部分 the span is 从头…到尾: "最后一部分" would read as the hedge "一部分", a part)
    flat = re.sub(rf"从第(?:一|1)(条|部分|段)(看|读|听)到第(?:{last})(?:条|部分|段)?(?![0-9一二三四五六七八九十])",
                  lambda m: f"从头{m.group(2)}到尾" if m.group(1) == "部分" else f"从第一{m.group(1)}{m.group(2)}到最后一{m.group(1)}",
                  flat)
    # "看完了，七个部分": the count of the sections sent, said apart after the statement as its extent, is 全部 said apart
    # (a clause of its own after a comma only; "看完了，三个部分" keeps its count and stays a part)
    # ("一共七条", "七个部分，不是六个": the total said, and a lower count denied beside it, which only stresses it)
    # ("一共七个部分是吧，都看了": the total checked with the listener by a tag, 是吧 or 对吧; only the count sent is
    # replaced, so a wrong count so checked stays as it is)
    flat = re.sub(rf"(?<=,)(?:一共|共|总共|总计)?(?:是)?(?:这|那)?(?:{last})(?:个)?(?:部分|条)"
                  r"(?:,不是(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:个|条|部分)?)?"
                  r"(?:(?=,|$)|,?(?:是吧|对吧|对不对|是不是)(?=,|都|全))", "全部", flat)
    # "1到7条", "一到七都看了"
    return re.sub(rf"(?:从)?(?<![0-9])(?:一|1)(?:到|至|~|-)(?:{last})(?:{_PART}|(?=都|全))", "全部", flat)


def _all_of_it_read(flat: str) -> bool:
    """One clause of the statement says the whole notice was read (see ``_ALL_OF_IT_READ``)."""
    return any(_ALL_OF_IT_READ.fullmatch(c) for c in flat.split(","))


# A clause said beside the reading statement that says nothing about the reading: dropped, and the rest must then
# be a reading statement on its own (none of these alone is one). Each is anchored whole and has no hedge,
# condition or question in it; a negation in it is only about the telephone.
_ASIDE_LEAD = r"(?:另外|还有|顺便(?:说|讲|提)?(?:一下|一句|下)?|对了)"
# Common surnames: a name said at the head of a clause is a person, not the name of a matter.
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
# A section named by its number or its title (``SECTION_TITLES``) or its topic, or by both ("第七部分公开范围").
_PART_TITLE = (r"(?:事项名称|设定依据|依据|证明内容|许可条件|材料|承诺方式|法律责任|责任|上门核查|核查|公开范围|公示范围|公开|公示|"
               r"信用|失信惩戒)")
_NAMED_PART = rf"(?:第[0-9一二三四五六七八九十]{{1,3}}(?:条|部分|项|段)?(?:的)?{_PART_TITLE}?|{_PART_TITLE})"
_ONE_PART = (rf"(?:(?:第[0-9一二三四五六七八九十]{{1,3}}|最后一|最后(?:那|这)(?:一)?)(?:条|部分|段|项|节)(?:的)?{_PART_TITLE}?)")
# Several parts named as all read ("第二条第三条都看了"): said after a statement of the whole it stresses those parts;
# said first it may be the whole of what was read, so it is dropped only after the first clause.
_PARTS_READ_TOO = re.compile(rf"(?:{_ONE_PART}(?:和|跟|与|以及)?){{2,7}}(?:的)?(?:内容)?(?:我)?(?:也|都)(?:认真|仔细)?"
                             r"(?:看|读|听)(?:完|过)?了")
# Who the speaker is by trade, told beside the reading ("我是开小饭馆的", "我在厂里干了二十年质检"): a trade named by its
# verb and its workplace or goods, or years at a job, which says nothing of the reading. The words of it are a trade's
# ("开玩笑" is no trade, and no negation can sit in it).
_TRADE_OBJECT = (r"(?:(?![不没未别无非假让叫请替帮])[\u4e00-\u9fff]){0,4}?(?:饭馆|饭店|小卖部|超市|店|厂|铺|公司|出租车?|货车|车|地|菜|水果|"
                 r"生意|买卖|摊|档口|作坊|养殖场|民宿|诊所|外卖|快递|物流|运输|装修|餐饮|小吃|早点|早餐|批发|会计|老师|医生|护士|"
                 r"司机|保安|质检|木工|电工|瓦工|厨师|保洁)")
_SPEAKER_CONTEXT = (rf"(?:我|俺|本人)(?:是)?(?:开|做|干|跑|种|卖|搞|当|养)(?:了)?{_TRADE_OBJECT}的"
                    # ("我是学生", "我是退伍军人": what the speaker is, named by a status or a post from a short list; no
                    # other person can be named in it)
                    r"|(?:我|俺|本人)是(?:个|一个|一名|一位)?(?:在校)?(?:学生|大学生|研究生|中学生|高中生|退休工人|退休职工|退休教师|"
                    r"退休干部|退伍军人|退役军人|老兵|军人|农民|工人|个体户|护士|医生|老师|教师|司机|会计|村会计|村干部|保安|厨师|"
                    r"外卖员|快递员|骑手)(?:哈|啊|呢)?"
                    r"|(?:我|俺|本人)?在(?:(?![不没未别无非假])[\u4e00-\u9fff]){1,4}?(?:干|做|当)了(?:[0-9一二三四五六七八九十几]+年)(?:的)?"
                    r"(?:(?![不没未别无非假])[\u4e00-\u9fff]){1,4}")
# Why the reply came late, told beside the reading ("刚才在忙别的才没回你", "没看手机，没回复你"): something else kept the
# speaker busy or away from the phone, and that is why no answer was sent. Its 没 is on the reply (回, 回复) only, which
# must end it; "在忙别的才没看完" or "在忙，回头看" leaves the reading itself unfinished and is no such clause.
_LATE_REPLY_REASON = (r"(?:我)?(?:刚才|刚刚|刚|之前|一直|那会儿?)*(?:是)?(?:在|正在|忙着)?"
                      r"(?:忙|忙别的(?:事|事情|事儿)?|忙活|干活|开车|开会|做饭|带孩子|接孩子|上班|接电话|没看手机|没顾上看手机"
                      r"|手机不在身边)(?:呢)?")
_NO_REPLY = (r"(?:所以|才|就)?(?:一直)?(?:没|没有|没顾上|没来得及|忘了)(?:回|回复|回话|回消息)(?:你|您|你们)?(?:的)?(?:消息|信息)?"
             r"(?:的|呢|啊)?")
# The notice to be told by the speaker to the one they act for, later ("回去还得给我舅讲一遍"): the speaker's own telling, to
# come, which asks nothing of us (no 你 or 您 can sit in it: "你给我舅讲一遍" asks) and says nothing of the speaker's own
# reading; alone it is no answer, and beside a statement of the whole it adds nothing.
_PASSED_ON = (r"(?:回去|回头|回家|等会儿?|一会儿?|待会儿?|到时候|之后|晚点)?(?:我)?(?:还)?(?:得|要|会|准备)(?:再)?(?:给|跟|对)"
              r"(?:他|她|老人|申请人|委托人|(?:我的?|我家)?(?:" + "|".join(_affirmation._KIN) + r"))(?:讲|说|念|读)(?:一遍|一下)?(?:呢|的)?")
_READ_ASIDE = re.compile(
    r"对了|顺便(?:说|讲|提)(?:一下|一句|下)"
    rf"|{_LATE_REPLY_REASON}{_NO_REPLY}"
    # contact details changed or when to call: "另外我电话号码换了", "我下午三点以后才有空接电话"
    rf"|{_ASIDE_LEAD}?(?:我的?|本人的?)?(?:电话|手机|手机号|电话号码|手机号码|联系电话|联系方式)(?:号码)?(?:已经)?"
    r"(?:换了|变了|改了|换号了|更换了|变更了)"
    r"|(?:我的?)?新(?:的)?(?:号码|号|电话|手机号?)(?:是|为)?1[3-9][0-9]{9}"
    rf"|{_ASIDE_LEAD}?(?:我)?(?:今天|明天|上午|下午|晚上|中午|白天|工作日|周末)?(?:[0-9一二两三四五六七八九十]{{1,2}}点(?:半|钟)?)?"
    r"(?:以后|之后|以前|之前|前|后)?(?:才|都|一般)?(?:有空|方便|能|可以|不方便|没空)(?:接|听|打)电话"
    # no objection to a part of it, named: "第三部分提到的核查我也没意见"
    r"|(?:第[0-9一二三四五六七八九十]{1,3}(?:条|部分|项|段|节)|这(?:一)?(?:条|部分)|那(?:一)?(?:条|部分))?(?:里|中)?"
    r"(?:提到|说|讲|写|规定)?的?(?:上门核查|核查|检查|抽查|公开|公示|信用|失信惩戒|法律责任|责任|承诺方式|要求|条件)?"
    # (a part or a topic is named: the bare "没意见" is a tail of ``_MOVE_ON``)
    r"(?<=[条分项段节查开示用戒任式求件])(?:我|本人)?(?:也|都)?(?:没|没有|没啥|没什么|无)(?:意见|异议|疑问)"
    # completeness stressed: "连标点都看了"
    # ("连法律责任那段都看了": a part named, the one a hasty reader would skip)
    r"|连(?:标点(?:符号)?|落款|日期|页码|小字|注释|最后一个字|每个字"
    rf"|{_NAMED_PART}(?:(?:那|这)(?:一)?(?:条|段|部分|项))?)(?:的)?(?:内容)?(?:我)?(?:都|也)(?:看|读|听)(?:了|过了|完了|到了)"
    # a part named as read, or the end reached: "第七条也看完了", "看到最后一条了". Alone these say only that part
    # was read, or where the reader is now ("看到第三条了" is a reader still on the third); beside a statement of
    # the whole they add nothing.
    # (the last one pointed at and named by its topic: "最后那条公开的也看了")
    # ("第三条也看明白了": that part understood as well; "第五条刚才也重新看了": read once more, done, which is no request
    # to repeat it. 了 ends each: "第五条我再看看" or "重新看一下" is a reading still to come, and no such clause)
    # ("刚才最后一条也看了": when said before the part as well as after it, the time of that part's reading, no more)
    rf"|(?:刚才|刚刚|刚)?(?:我)?{_ONE_PART}(?:的)?(?:内容)?(?:我)?(?:刚才|刚刚|刚)?(?:也|都)?(?:又)?(?:认真|仔细|重新)?"
    r"(?:(?:看|读|听)(?:完|过|懂|明白)?|弄明白|弄懂|记住|记下)了"
    r"|(?:我)?(?:已经)?(?:看|读|听)到(?:了)?最后(?:一(?:条|部分|段|页|个字|句))?(?:了)?"
    # parts named as included in the reading: "包括核查和公开那两条". Alone it says only that those were read.
    rf"|包括(?:了)?{_NAMED_PART}(?:(?:和|跟|与|以及|还有|、)?{_NAMED_PART}){{0,6}}(?:(?:那|这)(?:[一两三四五六几])?(?:条|部分|段|项))?"
    r"(?:在内)?(?:也|都)?(?:看了|看过了|看完了|读了|读过了|读完了)?"
    # the speaker's habit of reading before signing: "我这人签啥都要看三遍的" (no negation can sit in it)
    r"|(?:我这人|我这个人|我一向|我向来|我平时|我一直)(?:签|办|填)?(?:啥|什么|任何东西|东西|合同|文件)?(?:之前|前)?(?:都|都是|也都)?"
    r"(?:要|得|会)?(?:仔细|认真|好好)?(?:看|读)(?:[一两三几好]+遍|仔细|清楚)?(?:才签)?(?:的)?"
    # the consequence of a false commitment understood too ("不实承诺的后果我也看明白了"): the part a careless reader
    # skips, named as understood; alone it is no reading of the whole
    # ("不实承诺的后果那段我也仔细看了": the same part pointed at as a paragraph, and read with care too, 也 or 都 said)
    r"|(?:不实承诺|虚假承诺)的?(?:法律)?(?:后果|责任)(?:(?:那|这)(?:一)?(?:段|条|部分|块))?(?:我|本人)?"
    r"(?:(?:也|都)?(?:看|读|听|弄)?(?:清楚|明白|懂)了|(?:也|都)(?:认真|仔细|好好)?(?:地)?(?:看|读)(?:完|过)?了)"
    # the speaker following the text while it was read out to them ("我也跟着看了"): how they took it in, no extent
    r"|(?:我)?(?:也|都)?(?:一边听一边|边听边)?跟着(?:一起)?(?:看|读)(?:了|的)"
    # the speaker reading it out to someone beside them ("我是一条一条念给我爸听的", "念完了"): the speaker's own reading
    # told by its manner, which says nothing of its extent; the statement beside it decides alone ("我爸念完了" or "念给
    # 我听了" is someone else's reading, and none of these)
    r"|(?:我)?(?:是)?(?:也)?(?:一条一条|一条条|一句一句|一句句|逐条|从头到尾)?(?:地)?(?:念|读)给(?:他|她|老人|申请人|(?:我)?(?:"
    + "|".join(_affirmation._KIN) + r"))听(?:的|了|过了|完了)(?:一遍)?"
    r"|(?:我)?(?:也|都|已经)?念完了"
    # the notice to be passed on to someone else to read as well ("回头转给老板也看看"): their reading, on top of the
    # speaker's (也); it says nothing of the speaker's own, and without 也 ("转给老板看看") it is none of these
    r"|(?:回头|等会儿?|一会儿?|待会儿?|之后|晚点|完了)?(?:我)?(?:再)?(?:转给|转发给|发给|拿给|给)(?:我们|我的?)?(?:老板|领导|法人|经理|股东|合伙人|"
    + "|".join(_affirmation._KIN) + r")也(?:看看|看一下|看一看|瞧瞧|过目|过过目|过一下目)(?:吧)?"
    # ("是我自己读的": who read it, the speaker, said after the statement)
    r"|(?:是)?(?:我)?自己(?:看|读)的"
    # an interruption in the middle, after which the reading went on: "中间接了个电话"
    r"|(?:中间|中途)(?:我)?(?:接了|接|打了)(?:个|一个|通|一通)?电话"
    # the one the speaker acts for not at hand ("他不在跟前", "我舅人在老家不在身边"): why the speaker reads and not they;
    # its 不 is on where that person is, and it says nothing of the speaker's own reading, which must decide alone
    r"|(?:他|她|申请人|老人|委托人|(?:我的?|我家)?(?:" + "|".join(_affirmation._KIN) + r"))(?:人)?(?:现在|这会儿?)?(?:不在|没在)"
    r"(?:跟前|身边|旁边|边上|家|这儿|这里|现场|本地)(?:呢|啊)?"
    rf"|{_PASSED_ON}"
    # the screen scrolled to find a part or to reach the end: "我往上翻到了", "刚才往下一划就看完了". Alone it may be
    # a part found or a skim to the bottom; beside a statement of the whole it only tells how the screen moved.
    r"|(?:我)?(?:往上|往回|向上|往前)(?:翻|划|滑|找)到(?:了)?"
    r"|(?:刚才|刚刚|刚)?(?:我)?(?:往下|向下)(?:一)?(?:翻|划|滑|拉)(?:了一下|一下)?(?:就)?(?:看|读)完了"
    # ("我把告知书翻到底了": the page scrolled to its end; alone it may be a skim, beside a reading of the whole it only
    # tells how the screen moved)
    # ("往下划到底了": the direction of the scroll said too; "刚刷到最后了": just now, and 刷, the phone's "swipe", as 划)
    r"|(?:我)?(?:刚|刚刚|才)?(?:已经)?(?:把(?:告知书|告知内容|告知承诺书))?(?:往下|向下)?(?:翻|划|滑|拉|刷)到(?:了)?(?:底|最后|最下面|末尾)(?:了)?"
    # a part read again, done ("第五条我还特意多看了两遍", "法律责任那一部分我还特意多看了两遍"): care given to that part
    # on top of the reading; alone it says only that part was read (多 or the count of times is in it: "第五条看了" alone
    # is a part, and "第五条再看看" a reading still to come)
    # ("核查和法律责任那两部分我还特意多看了两遍": several parts named by their topics, pointed at together)
    rf"|(?:{_ONE_PART}|{_PART_TITLE}(?:(?:和|跟|与|、|以及){_PART_TITLE}){{0,4}}(?:的)?(?:那|这)(?:[一两三几])?(?:条|段|部分|项))(?:的)?(?:内容)?(?:我)?(?:还|又|也)?(?:特意|专门|特地|特别|反复)?"
    r"(?:地)?(?:多)?(?:看|读)了(?:一遍|两遍|三遍|几遍|好几遍|多遍)"
    # the parts counted ("我还数了"): how sure the speaker is of the count, no reading by itself
    r"|(?:我)?(?:还|也)?(?:特意|专门)?数(?:了|过)(?:一下|一遍)?(?:的)?"
    # the speaker can read the print ("我认字", "我自己识字"): said to decline a reading aloud, no reading by itself
    r"|(?:我)?(?:自己)?(?:识字|认字|认得字|认识字)(?:的|呢|着呢)?"
    # what was unclear asked and made clear already ("有疑问的地方我刚才也问清楚了"): its 不懂/疑问 is over, said done
    r"|(?:有)?(?:疑问|问题|不懂|不明白|不清楚)的(?:地方)?(?:我)?(?:刚才|刚刚|之前|也|都|已经)*(?:问清楚|问明白|弄清楚|弄明白|搞清楚|搞明白)了"
    # the line and the page worked while reading ("信号还行", "都加载出来了"): all of it was on the screen
    r"|(?:网络|信号|网速|网)(?:也|都)?(?:还行|还可以|挺好|不错|很好|正常)(?:的)?|(?:都|全|全部|全都)(?:加载|显示)(?:出来|完|全)了"
    # how careful the speaker is, or how good their memory ("看东西细着呢", "我记性好着呢"): said of themselves, no
    # reading by itself
    r"|(?:我)?(?:这人|这个人)?(?:看东西|看字|看文件|做事)(?:可|很|挺)?(?:细|仔细|认真|细致)(?:着呢|得很|呢)?"
    rf"|{_MEMORY_BOAST}"
    # why the care was taken: trouble feared later ("主要是怕以后查出来有问题"), a motive for reading closely, no condition on
    # the reading; no negation may sit in it
    r"|(?:主要|主要是|就是|也是|我是|因为)?(?:怕|担心)(?:以后|将来|到时候|日后)?(?:被)?(?:查出来|查出|核查|查到)(?:有|出)?(?:问题|麻烦|毛病)(?:了)?"
    # the parts about the errand itself read too ("租房补贴那几条也都仔细看了"): the matter named (no person, part, count,
    # order or negation in its name) and its parts pointed at, read "too" (也); alone it says only those parts were read
    rf"|(?![{_SURNAMES}])(?:(?![我你您他她它俺咱们谁别人家不没未无非否第半几前后上下中这那哪每全整些一二两三四五六七八九十0-9都也还又再就只仅光])"
    r"[\u4e00-\u9fff]){2,6}?(?:的)?(?:那|这)(?:几|[一两三四五六七])?(?:条|段|部分|项|块)(?:的)?(?:内容)?(?:我)?也(?:都)?(?:认真|仔细|好好)?(?:地)?"
    r"(?:看|读)(?:完|过)?了"
    rf"|{_SPEAKER_CONTEXT}")
# A reading before this one ("之前在窗口也看过"): the notice is versioned, so it counts for nothing, and the answer
# must also say this reading (``_THIS_READING``) in a statement that stands on its own.
_EARLIER_READING = re.compile(
    r"(?:我)?(?:之前|以前|上次|先前|早先|前几天|前两天)(?:我)?(?:在(?:窗口|大厅|办事大厅|政务大厅|社区|村里|网上|手机上)(?:上|里)?)?"
    # ("上次办公租房也看过类似的": the earlier errand named, and a notice like this one; no negation in the errand)
    r"(?:(?:办|申请|弄|做)?(?:(?![不没未别无非])[\u4e00-\u9fff]){1,6}?(?:的时候|时)?)?"
    r"(?:我)?(?:也|都|就)?(?:看过|读过|看了|读了|了解过|听过|看到过)(?:一遍|一次)?(?:类似的|差不多的|一样的|同样的)?(?:告知书|告知|东西|内容)?(?:了)?")
_THIS_READING = re.compile(r"这次|这回|这一次|刚才|刚刚|刚|现在|今天|又")
# The speaker's own earlier reply quoted and dated ("刚才说看了一半是之前", "之前说的没看完是刚才的事"): what it said was so
# then, and is over; it is no reading now either way. Only a reply of the speaker's (说, 回), placed at a time gone by (是
# 之前, 是刚才的事), with no mark in it; the answer must then say the reading as it is now (``_NOW_READING``, 现在) in a
# statement that stands on its own ("刚才说看了一半" alone, or "…现在看了一大半", is asked again).
_EARLIER_REPORT_DATED = re.compile(
    r"(?:我)?(?:刚才|刚刚|之前|先前|前面|上一条|上条)(?:我)?(?:说|回|回复|讲)(?:的|了)?(?:是)?(?:我)?[\u4e00-\u9fff]{1,10}?"
    r"(?:那)?(?:是|那是|说的是|指的是)(?:之前|以前|刚才|刚刚|先前|那会儿?|当时)(?:的(?:事|事儿|情况|时候))?(?:了|啊|哈)?")
_NOW_READING = re.compile(r"(?:^|,)(?:我)?(?:现在|这会儿?|这下|目前|如今)")
# Last time's errand and why it failed, told first ("上回就是没看完被退的"): the 没看完 in it is that earlier reading's,
# which counts for nothing either way. Only the outcome of a finished errand (退回, 没通过) makes it such a story ("上次没
# 看完的那几条" names parts of the notice, and is not one); the answer after it must then begin with this reading
# (``_THIS_TIME_LEAD``) and stand on its own.
_EARLIER_ATTEMPT = re.compile(
    r"^(?:我)?(?:上回|上次|上一次|上一回|之前|以前|头一回|第一次)(?:我)?(?:就是|就|也|是|因为|来)*[^,]{0,10}?"
    r"(?:被退|被退回|退回来|被打回|打回来了?|被驳回|没通过|没过审|没办成|白跑)(?:了|的|回来)*$")
_THIS_TIME_LEAD = re.compile(r"^(?:我)?(?:这回|这次|这一次|这一回)")
# The notice named by the errand it belongs to ("公租房这个告知书", "低保告知的内容", "开店许可的那些条款"): the errand
# tells which notice it is, this one, and adds nothing to how much of it was read. Only a plain name of a matter: no
# person or party (我老婆的, 别人的, 市民: whose copy or whose reading; a name, its surname first), no part, count or order
# (第三部分, 一半, 前面几条), no time or version (上次, 去年, 旧版), no other copy or channel (窗口, 网上, 短信, 打印的), no verb
# of saying or receiving (收到的, 你说的, 表示) and no negation; no copy pointed at (那份: someone's copy), and the notice
# itself named right after it.
_NOTICE_TOPIC = re.compile(
    rf"(?:^|(?<=,))(?![{_SURNAMES}])"
    r"(?:(?![我你您他她它俺咱们谁别人家不没未无非否第半几前后上下中次回旧老新版原其另每全整些条段页部项章节款点"
    # (parties and their saying: "市民表示…", "户主称…")
    r"民众员户客者士师长属友表示称映复答声告诉确"
    r"这那哪各一二两三四五六七八九十百0-9窗厅网线短纸打复印件手机屏电脑时期年月日天早昨今刚才说讲写看读听念发给收到的"
    # (nor the adverbs and function words a reading statement begins with: "已经把告知书…", "都把…", "也就…")
    r"已经把被将都也还又再就很太真要会能想在从对向和跟与及并或而所之以为让叫请替帮代认仔细逐])"
    r"[\u4e00-\u9fff]){2,6}?(?:的)?(?:这个|那个|这些|那些)?(?=告知书|告知承诺书|告知内容|告知的内容|告知事项|条款)")
# A request to send the notice again, told as done before this reading ("刚才又让你重发了一遍"): it asks for nothing now
# (its 了 says it was answered). Only said first, and the reading after it must decide on its own.
_RESEND_DONE = re.compile(r"^(?:我)?(?:刚才|刚刚|之前|前面|先前)?(?:我)?(?:又)?(?:让|叫|请)(?:你|您|你们)(?:又)?(?:重新|再)?"
                          r"(?:重发|发|念|读|说|讲)(?:了)(?:一遍|一次|两遍|一回)(?:告知书|告知内容)?$")
# A complaint about the notice's length said after the reading ("全看完了，写得也太长了吧"): the 吧 of 太…了吧 is an
# exclamation, and 太长 the complaint. Said alone or first, "太长了" is the reader giving up (``_NOT_READ``); only after
# a statement of its own is it dropped.
# ("说实话挺长的": the complaint owned as the speaker's honest view, which it is; 挺…的 the milder degree)
# ("说实话一开始觉得挺长的": how it struck the speaker at first, the same complaint told as a first impression)
_LENGTH_COMPLAINT = re.compile(r"^(?:说实话|说实在的|老实说|讲真|实话实说)?(?:(?:一开始|刚开始|开始|起初)(?:我)?(?:觉得|感觉))?"
                               r"(?:这个|这|告知书|内容|字|你们这个)?(?:写得|写的|弄得|搞得|也|真|实在|可|是)*"
                               r"(?:太|忒|贼|好|老|真|够|挺|蛮)(?:长|多|啰嗦|啰唆)(?:了)?(?:吧|啊|呀|哈|了点|点儿?|的)?$")
# The length grumbled at first, as a retort ("这么长谁看得完", "写这么多干嘛", "能不能精简点啊") or as the complaint itself
# ("太长了吧"): said alone or before a reading given up it is that giving up, and it is taken only when the speaker then
# turns against it (``_GRUMBLE_TURN``: 不过, 行吧, 反正, 还是…) to a reading that stands on its own.
_LENGTH_GRUMBLE = re.compile(
    r"(?:这么|那么)(?:长|多)(?:的东西|的内容|的字)?(?:谁|哪个)(?:能)?(?:看|读)得(?:完|下去)(?:啊|呀)?"
    r"|(?:你们)?(?:写|弄|搞|整)(?:得)?(?:这么|那么)(?:多|长)(?:字)?(?:干嘛|干什么|干啥|做什么|做啥)(?:啊|呀|呢)?"
    r"|(?:能不能|可不可以|就不能|能否)(?:再)?(?:写得)?(?:精简|简单|简短|短|少写)(?:一)?(?:点儿?|些)(?:啊|呀|嘛)?")
# The turn after the grumble: a "but" or "anyway" leading the reading, or a "fine then" said apart before it; 还是 ("all the
# same") and how the speaker made themselves go on (硬着头皮) lead the reading. 算了 is no turn: it may give the reading up.
_GRUMBLE_TURN = re.compile(r"^(?:(?:行吧|好吧|行|好|得|得嘞),)?(?:不过|但是|但|可是|可|反正)?(?P<who>我|本人)?"
                           r"(?:还是|最后还是|最终还是|也还是)?(?:硬着头皮|耐着性子|咬着牙|咬咬牙)?(?=.)")
# The notice compared with some other paper, said after the reading ("比我孙子的作文还长", "你们这告知书写得比我买房合同还
# 细"): a remark on its length or detail, like ``_LENGTH_COMPLAINT``, dropped only after a statement of its own. The thing
# compared is a paper and the quality one of the text; no negation may sit in it ("比没看的合同还长" is no such remark).
_NOTICE_COMPARED = re.compile(
    r"^(?:你们|咱们)?(?:这个?|那个?)?(?:告知书|告知承诺书|告知内容|内容|东西|文件)?(?:写得|写的|弄得|搞得)?(?:都|也|真|可)?"
    r"比(?:我|俺|我们)?(?:(?![不没未别无非])[\u4e00-\u9fff]){0,5}?"
    # (作业: a child's homework, as the 作文 beside it)
    r"(?:作文|作业|合同|小说|论文|说明书|课文|课本|教材|文件|报纸|裹脚布|保险条款|保单|条款|检讨书|毕业论文|村规民约|规章制度|章程|协议|公告|书)"
    r"(?:都|也)?还(?:要)?(?:长|细|详细|多|厚|全|复杂|啰嗦|啰唆|严谨|正规)(?:呢|啊|呀|哈|了)?$")
# The notice likened to one read for an earlier errand ("跟上回办营业执照时看的差不多"): a remark on the notice, like
# ``_NOTICE_COMPARED``, whose 差不多 likens two papers and hedges no reading. Only a paper the speaker read before, named
# by when (上回, 以前 …), with no negation in it ("跟没看差不多" says the reading was as good as none, "跟看天书差不多" that
# none of it was understood); dropped only after a statement that stands on its own.
_LIKE_EARLIER_NOTICE = re.compile(
    r"^(?:跟|和|与)(?:我)?(?:上回|上次|上一回|上一次|之前|以前|前几年|去年|那回)(?:(?![不没未别无非])[\u4e00-\u9fff]){0,8}?(?:时|的时候)?"
    r"(?:看|读|签)(?:的|过的)(?:那份|那个)?(?:告知书|告知承诺书|东西|内容)?(?:差不多|一样|类似|大同小异|基本一样|基本差不多)(?:的|啊|呀)?$")
# What the notice says kept in mind, said after the reading ("第几条说的啥我都记着呢", "每条讲的什么我都记住了", "内容我都记
# 着呢"): the 几/啥 in it are "whichever", "whatever", no question, and the memory is of a reading done (记住 as in
# ``_MOVE_ON``; 记着呢, 记得清清楚楚, 心里有数). The bare 记得 ("as far as I recall") is a hedge and is not among these, and no
# negation may sit in it ("…我都不记得了", "…我记不住"); dropped only after a statement that stands on its own.
_CONTENT_REMEMBERED = re.compile(
    r"(?:(?:第几条|哪条|哪一条|每条|每一条|哪部分|哪个部分|每部分|每个部分|每一部分|每段|各条|七条|7条|七个部分|上面|里面)(?:都)?"
    r"(?:说|讲|写)(?:的|了)?(?:是)?(?:啥|什么)(?:内容)?|内容|告知内容|这些内容|这些"
    # ("上面说的我都记住了": what the text above says, pointed at)
    r"|(?:上面|以上|里面|告知书里|告知书上)(?:说|讲|写)的(?:内容|东西|事项)?)?"
    r"(?:我|俺|本人)?(?:也|都|全|全都)?(?:记着呢|记着的|记住了|记下了|记牢了|记得清清楚楚(?:的)?|记得牢牢的|心里(?:都)?有数(?:了)?)"
    r"(?:呢|哈|啊)?")
# "闺女念了两遍", "村干部给我从头到尾读了一遍": someone read the notice out, whole times over, told before the answer. It
# says nothing of the speaker, so the answer after it must have 我 as its subject and decide on its own ("闺女念了两遍，
# 看完了" may be the daughter who read it; "念了一半" or "要念两遍" is no such clause).
_READ_OUT_FIRST = re.compile(rf"(?:我的?)?{_ALOUD_BY}{{1,4}}?(?:给我|帮我|对我|跟我)?(?:从头到尾|一条一条|一条条)?(?:念|读)了"
                             r"(?:一遍|两遍|三遍|几遍|好几遍)")
# "看是看完了", "读完是读完了": the concession 是 between the verb said twice. It grants the reading and leads to a "but"
# (就是, 不过): alone it is asked again, and so is any reservation after it; only a remark on the notice after it
# (``_REMARK``, ``_LENGTH_COMPLAINT``, ``_EFFORT_REMARK``, ``_NOTICE_COMPARED``: "就是有点长") leaves the reading plain.
_CONCEDED_READ = re.compile(r"^(?:我)?(看|读|听)(?:完)?是(?:我)?(\1(?:完|过)了)$")
_BUT_LEAD = re.compile(r"^(?:就是|但是|不过|只是|可是|但)(?=.)")
# What may follow a 了 inside one clause and still belong to it: a particle ("看完了吗"), a count ("看完了一半"), a
# negation ("看完了没") or the 了解 of knowing; 一共 begins a total, a clause of its own
_RUN_ON_KEEPS = re.compile(r"[吗么嘛吧呢啊呀哦哈啦嘞咧喽呗没不未解二两三四五六七八九十几半0-9]|一(?!共)")
# A neutral remark said beside the reading, built from a few topics rather than set phrases: the text itself (its
# length, detail or wording: "字有点多", "写得够长的", "你们写得真细"), thanks or praise for how it is written ("谢谢你们写得
# 这么细"), the reader's body ("眼睛有点酸", "脖子都酸了", "看累了"), the time the reading took ("看了快二十分钟", "花了半个
# 小时") and a boast of having mastered it ("考我都行", "都能背下来了"). Each topic is a closed list of words with no
# negation, hedge of the reading, question, condition or other reader in it: "字太小看不清", "写得太复杂没看懂", "才看了两
# 分钟", "考我就不行了" are no such remark. Like ``_LENGTH_COMPLAINT`` it is dropped only beside a statement that stands on
# its own, and alone it is no answer.
_REMARK_DEGREE = r"(?:有点|有些|挺|蛮|很|太|真|真是|也太|实在|够|可|好|特别|非常|相当|这么|那么|如此|忒|贼|老|还挺|还真)"
_TEXT_QUALITY = r"(?:长|多|细|详细|细致|全|全面|周全|周到|清楚|明白|规范|正规|专业|严谨|啰嗦|啰唆|密|用心|认真)"
_NEUTRAL_REMARK = re.compile(
    # the text: its length, detail or wording, with the text or the writing named, or a degree before the quality
    r"(?:(?:你们|您们|你|您)(?:的)?)?(?:这个?|那个?|这份|那份)?(?:告知书|告知承诺书|告知内容|内容|条款|字|文字|东西|文件)?"
    rf"(?:写得|写的|讲得|讲的|弄得|整得|整理得|列得)?(?:也|都)?(?:{_REMARK_DEGREE}|(?<=[得的]))(?:是)?{_TEXT_QUALITY}"
    r"(?:了|的|啊|呀|哈|啦|哦|呢)*(?:点儿?)?"
    # ("字是多了点", "内容长了些": the length granted with the concessive 是, or measured after it by 了点, "a bit too";
    # only a quality of length or density, and the text named)
    r"|(?:(?:你们|您们|你|您)(?:的)?)?(?:这个?|那个?|这份|那份)?(?:告知书|告知承诺书|告知内容|内容|条款|字|文字)(?:也|都)?"
    r"(?:是(?:长|多|密)(?:了(?:一)?(?:点儿?|些))?|(?:长|多|密|啰嗦|啰唆)了(?:一)?(?:点儿?|些))(?:啊|呀|哈)?"
    # thanks for how it is written ("谢谢你们写得这么细"), the wording praised after the thanks
    rf"|(?:谢谢|感谢|多谢)(?:你们|您们|你|您|工作人员)?(?:写得|写的|整理得|讲得|列得)(?:{_REMARK_DEGREE})?(?:{_TEXT_QUALITY}|好)"
    r"(?:了|的|啊|呀|哈|啦)*"
    # the reader's body: the eyes, the head or the neck sore or tired, and tiredness itself
    r"|(?:(?:看|读)得)?(?:我)?(?:的|这)?(?:老花眼|老眼|眼|眼睛|眼皮|头|脖子|颈椎|腰|肩膀|手)(?:都|也)?"
    rf"(?:{_REMARK_DEGREE})?(?:看|读)?(?:得)?(?:发)?(?:花|酸|累|疼|晕|痛|胀|涩|干|乏)(?:了|啊|呀|的)*(?:点|些)?"
    # ("累死", "累死我了": dead tired, its 死 the degree)
    rf"|(?:我)?(?:(?:看|读)得)?(?:都|也)?(?:{_REMARK_DEGREE})?(?:看|读)?(?:累|乏)(?:了|啊|呀|死了|坏了)+|(?:看|读)?累(?:死|坏)(?:我)?(?:了|啦)?"
    # the reader startled by what the notice says ("吓我一跳", "吓死我了"): a feeling on reading it, nothing of how much
    r"|(?:可|真|还)?(?:把我)?吓(?:了)?(?:我)?(?:一跳|一大跳)(?:呢|啊|呀)?|吓死(?:我)?了"
    # the time it took ("看了快二十分钟", "用了半个小时"): how long, never how little ("才看了两分钟" is a skim)
    r"|(?:前后|总共|一共)?(?:看|读|用|花)了(?:我)?(?:快|快要|将近|差不多|足足|整整|大概|大约|得有|有|近|小)?"
    r"(?:[0-9]+|[一二两三四五六七八九十半几]+)(?:多)?(?:个)?(?:多)?(?:分钟|小时|钟头|刻钟)(?:多)?(?:了|呢|啊)?"
    # a boast of having mastered it ("考我都行", "随便考", "都能背下来了"): said of the speaker, after a reading
    # ("现在考我都行": now, after the reading, a test would be passed)
    r"|(?:随便|尽管)(?:你|您)?(?:考|考考|抽查)(?:我)?|(?:现在|这会儿?|随时)?(?:你|您)?(?:考|考考|抽查)(?:一下)?我(?:都|也)(?:行|可以|没问题|中|成)(?:的|啊|呀|哈)?"
    # ("再看我都能背下来了": one more reading and it would be learnt by heart, the reading so far counted as nearly that;
    # its 再看 is that supposition, no request to repeat, and the boast is still of the speaker)
    r"|(?:再(?:看|读)(?:一遍|一次|两遍)?(?:的话)?)?(?:我)?(?:都|全|就)?(?:能|可以)(?:背|默写)(?:下来|出来)(?:了)?|倒背如流(?:了)?"
    # ("七条我都快背下来了": nearly learnt by heart, the same boast; the notice or its count at most named first)
    r"|(?:七条|7条|七个部分|内容|全文|告知书)?(?:我)?(?:都|全)?快(?:要)?(?:能)?(?:背|默写)(?:下来|出来)了")

# A remark on one part of the notice, named by its number or its topic or pointed at ("就是第七部分有点长", "第五部分讲核查的
# 写得挺清楚", "这条挺好"): its length, its wording or its worth, from a closed list of qualities. It says nothing of how much
# was read, and no negation, hedge of the reading, question or other reader can sit in it ("第七部分太长没看", "这条没看懂"
# are no such remark). Like the other closing remarks it is dropped only after a statement that stands on its own: alone,
# or said first, the part remarked on may be all that was read.
_PART_NAMED = (rf"(?:{_ONE_PART}(?:(?:里|中)?(?:讲|说|写|关于)(?:的是)?{_PART_TITLE}(?:的)?)?"
               rf"|(?:讲|说|关于){_PART_TITLE}的(?:那|这)(?:一)?(?:条|部分|段|块)"
               rf"|{_PART_TITLE}(?:那|这)(?:一)?(?:条|部分|段|块)"
               r"|(?:这|那)(?:一)?(?:条|部分|段|点|块))")
_PART_QUALITY = r"(?:长|多|细|详细|细致|清楚|明白|好懂|易懂|通俗|实在|合理|公道|人性化|贴心|重要|关键|有用|实用|好|到位|周到|全面)"
_PART_REMARK = re.compile(
    rf"{_PART_NAMED}(?:写得|写的|讲得|讲的|说得|说的)?(?:也|都|还)?"
    rf"(?:{_REMARK_DEGREE}(?:是)?{_PART_QUALITY}|(?<=[得的]){_PART_QUALITY}|(?:挺|蛮|真|还)?不错)"
    r"(?:了|的|啊|呀|哈|啦|哦|呢)*(?:点儿?|些)?")
# What a part says, retold after the reading ("第四条说可以撤回承诺", "这条讲的是不实承诺要担责"): the part named or pointed
# at, and what it says about one of the notice's own topics. The words retold are the notice's, so nothing of the
# speaker's reading, no negation, hedge, question, request or other person may sit in them ("第四条说一下", "第四条说的
# 啥", "第四条好像说可以撤回", "第四条说的我没看" are no such clause).
_RETOLD_TOPIC = r"(?:撤回|撤销|核查|上门|公开|公示|信用|失信|责任|后果|不实|虚假|材料|条件|依据|承诺)"
_RETOLD_WORD = (r"(?:(?!不|没|未|别|无|非|否|莫|甭|吗|么|呢|吧|嘛|啥|谁|哪|几|多少|怎|咋|什么|我|俺|你|您|他|她|看|读|阅|听|念|懂|"
                r"说|讲|再|遍|下|请|给|解释|如|若|万一|像|大概|可能|应该|也许|估计|似|差|半|部分|记得|明白|清楚|知道|意思)[\u4e00-\u9fff])")
# ("原来承诺不实要记诚信档案": what the notice says, retold as found out on reading it, with 原来, "so it turns out")
# ("核查那条我知道了", "第五条那个撤销决定的后果我记住了": a part named, or what it says, taken in by the speaker, 我 and a
# finished knowing or remembering; "核查那条我没看懂" or "…我儿子知道了" is no such clause, and 记得 is a hedge)
_PART_RETOLD = re.compile(rf"(?:{_ONE_PART}|(?:这|那)(?:一)?(?:条|部分|段))(?:里|中)?(?:说|讲|写|提到|规定)(?:了|的是|的|着)?"
                          rf"{_RETOLD_WORD}{{0,8}}?{_RETOLD_TOPIC}{_RETOLD_WORD}{{0,6}}"
                          rf"|原来{_RETOLD_WORD}{{0,8}}?{_RETOLD_TOPIC}{_RETOLD_WORD}{{0,8}}"
                          rf"|{_PART_NAMED}(?:那个|这个|里的?|说的|讲的|写的)?(?:{_RETOLD_WORD}{{0,8}}?{_RETOLD_TOPIC}{_RETOLD_WORD}{{0,6}}?(?:的)?)?"
                          r"(?:我|本人)(?:也|都)?(?:记住了|记下了|记牢了|知道了|明白了|清楚了|懂了|了解了)(?:呢|哈|啊)?")
# A wish for the print, said after the reading ("字体再大点就好了", "字要是能大一点就更好了", "建议把字调大一点"): a
# suggestion, whose 要是 is on the print and not on the reading; nothing of the reading can sit in it ("字再大点我就能看清
# 了" says it could not be read, and is no such remark).
_PRINT_WISH = re.compile(
    r"(?:这|那)?(?:个)?(?:字|字体|字号)(?:要是|如果|若是)?(?:能)?(?:再)?(?:大|放大|调大)(?:一)?(?:点儿?|些)(?:的话)?(?:就)?(?:更)?好(?:了)?"
    r"(?:啊|呀|哈)?"
    r"|(?:建议|希望)(?:你们)?(?:把)?(?:字|字体|字号)(?:再)?(?:调|放|弄|做)?(?:得)?大(?:一)?(?:点儿?|些)")
# The notice against what the speaker expected ("说实话写得比我想的好懂", "比想象中短"): a remark on the text, from a
# closed list of qualities; none says it was hard (难懂, 复杂 are not among them).
_EXPECTATION_REMARK = re.compile(
    r"(?:说实话|说实在的|老实说|讲真|实话实说)?(?:这个|告知书|内容|你们这个)?(?:写得|写的|讲得|讲的)?(?:比我|比)"
    r"(?:想的|想象的|想象中|想象中的|预想的|以为的)(?:还|要)?(?:好懂|易懂|清楚|明白|简单|通俗|短|好|细|详细|长)"
    r"(?:多了|很多|一些|些|点|不少)?(?:的|啊|呀|哈)?")

# What a part says weighed, said after the reading ("第六条那个后果挺严重啊", "不实承诺的后果可真重"): the stakes the notice
# sets out (the consequence, the liability, the penalty), named alone or with the part that holds them, and found grave,
# from a closed list of qualities with a degree before them. It is the reader's reaction to what was read; no negation,
# hedge, question or other reader can sit in it ("后果严重吗", "第六条没看") and alone it is no answer.
_STAKES_REMARK = re.compile(
    rf"(?:{_PART_NAMED}|不实承诺|虚假承诺|承诺不实|失信)?(?:那个|这个|的|里的?|说的|讲的)?"
    r"(?:后果|法律后果|责任|法律责任|处罚|惩戒|惩罚|代价)(?:还|也|可)?"
    rf"{_REMARK_DEGREE}(?:是)?(?:严重|重|吓人|厉害|严|大)(?:了|的|啊|呀|哈|啦|哦|呢)*")
# The notice's gist said in the reader's own words after the reading ("就是说得说实话，不能瞎承诺呗", "意思就是要如实填"): the
# duty it states, to tell the truth or not to promise rashly, from a closed list. Telling the truth is the gist only when
# a "that is to say" leads it: bare, "得说实话" or "不能说假话" may as well open a confession ("说实话，有几条没看"). A rash
# promise or filling-in denied (不能瞎承诺, 别乱填) is the gist as it stands; its 不能 is on the rashness, never on the
# reading or the commitment itself ("不能承诺" is not among these). A 吧 or a "?" on it is a guess, and alone it is no
# answer.
_GIST_LEAD = r"(?:就是说|也就是说|意思是|意思就是|说白了|总之|反正就是|简单说就是)"
_GIST_RETOLD = re.compile(
    rf"{_GIST_LEAD}(?:我|咱|俺|咱们|我们)?(?:(?:得|要|必须|需要|就得|就要|一定要|只能|都得)(?:如实|老实|照实)?"
    r"(?:说实话|讲实话|说真话|讲真话|如实填写?|如实承诺|如实申报|如实说|照实说|照实填|填真的|填真实的)"
    r"|(?:不能|不可以|不许|不准|不得|不要|别)(?:说假话|撒谎|说谎|造假|作假|弄虚作假|瞒报|隐瞒|虚报|填假的))(?:呗|啊|呀|哈)?"
    rf"|{_GIST_LEAD}?(?:我|咱|俺|咱们|我们)?(?:不能|不可以|不许|不准|不得|不要|别)(?:瞎|乱|随便|随意|胡乱)(?:承诺|填|写)(?:呗|啊|呀|哈)?")


def _closing_remark(clause: str) -> bool:
    """A complaint of the length, a remark on the effort or the notice compared (see ``_NOTICE_COMPARED``), or on the
    print, the eyes or the phone (see ``_PRINT_OR_PHONE_REMARK``; its "but", "就是手机烫手", sets it against nothing read),
    the content kept in mind (``_CONTENT_REMEMBERED``), or a neutral remark on the text, the body, the time or the thanks
    (``_NEUTRAL_REMARK``, with its "but" too: "就是字有点多")."""
    return bool(_LENGTH_COMPLAINT.match(clause) or _EFFORT_REMARK.fullmatch(clause) or _NOTICE_COMPARED.fullmatch(clause)
                or _LIKE_EARLIER_NOTICE.fullmatch(clause) or _PRINT_OR_PHONE_REMARK.fullmatch(_BUT_LEAD.sub("", clause)) or _CONTENT_REMEMBERED.fullmatch(clause)
                or _NEUTRAL_REMARK.fullmatch(_BUT_LEAD.sub("", clause))
                # (a part of it remarked on or retold, a wish for the print, the text against what was expected: see
                # ``_PART_REMARK``, ``_PART_RETOLD``, ``_PRINT_WISH``, ``_EXPECTATION_REMARK``)
                # (the stakes a part sets out weighed, the gist retold: see ``_STAKES_REMARK``, ``_GIST_RETOLD``)
                or bool(_GIST_RETOLD.fullmatch(clause))
                or any(r.fullmatch(_BUT_LEAD.sub("", clause)) for r in (_PART_REMARK, _PART_RETOLD, _PRINT_WISH, _EXPECTATION_REMARK,
                                                                        _STAKES_REMARK)))


def _remark_on_the_notice(clause: str) -> bool:
    """A clause that only remarks on the notice or the effort of reading it."""
    return _closing_remark(clause) or bool(re.fullmatch(_REMARK, clause))
# A request to repeat the notice taken back in the next breath ("再说一遍，哦不用了", "第五条再说一遍，不对，不用了"): the
# request asks for nothing any more, and what follows is the answer, read on its own (nothing after it: asked again).
_REPEAT_WITHDRAWN = re.compile(rf"^(?:哦|噢|啊|呃|额|嗯|那|哎|哎呀)?(?:算了|不用了|不用|不需要了|不需要|不必了|不必|{_NO_REPEAT})+"
                               r"(?:吧|啦|哈)?$")
# "还没，现在看完了": "not yet", then the reading finished now. Only a not-yet (还没, 没看完) is ended by time; a plain
# "没看" is a no, and 刚才 ("a while ago") would set the finish before the "not yet".
# ("刚才没看完，现在看完了", "刚才说没看完": the not-yet set a while ago, or the earlier reply that said it, which the 现在
# after it ends; "刚才没滑到底": the screen not scrolled to the end, the not-yet of the phone)
_NOT_YET = re.compile(r"^(?:我)?(?:还没|还没有|还未)(?:看|读)?(?:完)?(?:呢|啊)?$|^(?:我)?(?:还)?(?:没|没有)(?:看|读)完(?:呢|啊)?$"
                      r"|^(?:我)?(?:刚才|刚刚|之前)(?:我)?(?:说|回|回复|说的是)?(?:我)?(?:还)?(?:没|没有)(?:看|读)完(?:呢|啊)?$"
                      r"|^(?:我)?(?:刚才|刚刚)?(?:还)?(?:没|没有)(?:滑|划|翻|拉|刷)到(?:底|最后|最下面)(?:呢|啊)?$"
                      # ("刚才是没往下翻": the screen not scrolled down yet, the same not-yet said of the scrolling)
                      r"|^(?:我)?(?:刚才|刚刚)(?:是)?(?:还)?(?:没|没有)(?:往下|向下)(?:滑|划|翻|拉|刷)(?:呢|啊)?$")
# ("好了好了": said twice, the same word that the pause is over)
# ("没看完…哦刚翻到底了，看完了": the end of the page reached, told as what ended the pause)
# (with or without its 了: "哦刚翻到最下面" is the scroll done, as "刚翻到底了")
# ("刚刷到最后了": 刷, the phone's "swipe", is the same scroll as 划 and 滑)
_PAGE_END = r"^(?:哦|噢|哎|诶)?(?:刚|刚刚|才|现在)?(?:翻|划|滑|拉|刷)到(?:底|最后|最下面|头)(?:了)?$"
# "还没…哦等会，…": the interjection glued to 等会 or 等等 ("oh, wait"), the speaker stopping short at their own "not yet";
# like the bare interjection it is a pause that what follows may end, never a reading (said last, it ends nothing)
_CAUGHT_SHORT = r"^(?:哎|哦|噢|诶|欸|哎呀|啊)(?:等会儿?|等等|等下|等一下)$"
_PAUSE_OVER = re.compile(rf"^(?:好了|行了|好嘞|ok了|嗯|好)+$|^(?:哎|哦|噢|诶|欸|哎呀)$|{_PAGE_END}|{_CAUGHT_SHORT}")
# "没看完 哎 看完了": the interjection of one who finds they were wrong, said apart between the not-yet and the reading
# (as 啊有 after a no about the document); like 不对 it ends the not-yet, and the reading after it decides on its own
_REALISED_NOTICE = re.compile(rf"^(?:哎|哦|噢|诶|欸|哎呀)$|{_PAGE_END}|{_CAUGHT_SHORT}")
_NOW_DONE_LEAD = re.compile(r"^(?:我)?(?:现在|这会儿?|这下|刚刚|刚|终于|总算)(?!才)")
# A part missed on the first pass, told first ("第三部分刚才漏了", "刚才漏看了第五条"): like ``_NOT_YET`` a gap that time may
# close. It is closed only by the part made up after it (``_GAP_MADE_UP``: "又翻回去补看了") or by a reading said now
# (``_NOW_DONE_LEAD``), and what follows must then be a whole reading on its own ("第三部分漏了，全部看完了" leaves the gap
# open; "第三部分漏了，又补看了" alone says nothing of the whole).
_GAP_MISSED = re.compile(
    rf"^(?:{_ONE_PART}|{_PART_TITLE}(?:那|这)(?:一)?(?:条|段|部分|块)|中间(?:有)?(?:一|两|几)(?:条|段|部分))(?:我)?"
    r"(?:刚才|刚刚|之前|开始|一开始|起先|头一遍)?(?:看)?(?:漏了|漏看了|漏掉了|落下了|跳过了|没看到)$"
    # ("第三部分还没看……现在看了，…": the part not yet read, a gap like one missed, closed the same way)
    rf"|^(?:{_ONE_PART}|{_PART_TITLE}(?:那|这)(?:一)?(?:条|段|部分|块))(?:我)?(?:刚才|刚刚|之前)?(?:还)?(?:没|没有)(?:看|读)(?:到)?$"
    rf"|^(?:我)?(?:刚才|刚刚|之前|开始|一开始|起先|头一遍)?(?:看)?(?:漏了|漏看了|漏掉了|落下了|跳过了)(?:{_ONE_PART})$")
# The missed part made up: read after going back to it (补看, 翻回去看了), a reading done (了), never one still to come
# ("回头再补", "等下补看")
_GAP_MADE_UP = re.compile(
    # ("现在补看了": made up now, the 现在 of a reading said done)
    r"^(?:我)?(?:现在|这会儿?|刚刚|刚)?(?:又|再|就|已经)?(?:(?:往回|往上|向上)?(?:翻|划|滑|拉|找)(?:回去|回来|上去)(?:又|再)?(?:补看|补读|看|读)(?:完)?了"
    r"|(?:补看|补读|补上|补)(?:完)?了)(?:一遍)?(?:那(?:一)?(?:部分|条|段))?$")
# Told before the answer and no reservation on it: the line dropped for a moment ("刚才网卡了一下"), nobody else at
# home ("家里人都不在"); its 不/没 is about the network or the household. The answer follows, on its own terms.
_READ_SETTING = re.compile(
    r"^(?:刚才|刚刚|刚|中间)?(?:网|网络|信号|手机|页面|系统|屏幕)?(?:有点|有些|突然)?(?:卡|卡顿|断|掉线|闪退|死机|断网)(?:了)?"
    r"(?:一下|一会儿?|几秒钟?|一阵)?(?:了)?$"
    r"|^(?:家里人|家人|家里|孩子们?|儿子|女儿|闺女|老伴)(?:都)?不在(?:家|身边|旁边)?(?:了)?$"
    r"|^家里(?:就我一个人|没人|没别人)(?:了)?$"
    # the day's errand just over ("我刚下班"): when the speaker came to read, nothing about the reading
    r"|^(?:我)?(?:刚|刚刚|才)(?:下班|下工|收工|忙完|到家|回到家|干完活)(?:了)?(?:回来)?$"
    # the shift named ("刚下夜班", "刚下了晚班"), or the shop's busy hour over ("午市刚收", "饭点刚过"): when the speaker came
    # to read, as "我刚下班"; no negation or hedge can sit in it, and the reading after it must decide on its own
    r"|^(?:我)?(?:刚|刚刚|才)(?:下|下了|值完|上完)(?:夜班|晚班|早班|中班|白班|大夜班?|小夜班?)(?:了)?(?:回来)?$"
    r"|^(?:午市|早市|夜市|饭点|午高峰|晚高峰)(?:刚|刚刚|才)(?:收|收了|过|过了|完|忙完|结束)(?:了)?$"
    # the vehicle the speaker read in, shaking or crowded ("车上晃得厉害"): how hard the reading was, told before it
    r"|^(?:在)?(?:公交车?|地铁|火车|高铁|大巴|出租车|车)(?:上|里)(?:人)?(?:有点|有些|挺|很|太|好)?(?:晃|颠|挤|吵)(?:得)?(?:厉害|很|要命|慌)?(?:了)?$")
# Voice input's fillers as clauses of their own ("那个啥 我那个 阅读了"): they say nothing.
# (就是说, "that is to say", is the same filler of speech when nothing follows it in its clause)
_FILLER_CLAUSE = re.compile(r"^(?:我|那)?(?:那个|这个|那个啥|这个啥|就是说|就是|呃|额|嗯)+$")
# "告知书一共几条": a question about the notice's length (一共/总共 makes it one; "看了几条" is a partial reading).
_HOW_MANY_PARTS = re.compile(r"^(?:告知书|告知内容|告知承诺书|内容|这个|这份)?(?:一共|总共|共|总计)(?:有)?(?:几|多少)"
                             r"(?:条|个部分|部分|项|段|页)(?:内容)?(?:啊|呀|呢|哈)?$")
# "不看了，我不办了": the errand given up, by the speaker, said as a clause of its own.
# ("今天不办了，改天再说": today's errand given up; the 改天再说 after it puts it off, and is no reading deferred)
# ("这事不办了": the matter itself named as what is given up)
_CANCEL_CLAUSE = re.compile(r"^(?:那|我|那我|那就|我就|那我就|我还是|还是|算了)*(?:今天|今儿|今儿个|这次|这回)?(?:这事儿?|这个事儿?|这件事|这业务|这个业务)?"
                            r"(?:先|就|暂时)?(?:不办|不办理|不申请|不想办|不要办|不用办|不弄|不搞|"
                            r"不想弄|不整|取消办理|取消申请|放弃办理|放弃申请|退出办理|取消|退出)(?:了)?(?:吧|啦)?$")
# "不看完能办吗", "没读完也可以吗": whether the errand may go on without the reading finished, asked as a whole message
# (its 吗 makes it a question with or without the mark). It states no reading and asks no repetition, so it is answered
# and the question asked again. Not "不看不行吗" (two negations, a push-back) nor a statement ("不看完也能办").
_UNREAD_ALLOWED = re.compile(r"(?:我)?(?:要是|如果)?(?:不|没)(?:看|读)(?:完)?(?:的话)?(?:也|就)?(?:能|可以|行)(?:办|办理|继续|往下走|承诺)?(?:吗|么|嘛)")
# A question set against the reading just stated ("看完了，不过核查的时候会上门吗？"): the reading is held back
# until the question is answered.
_BUT_ASKS = re.compile(r"^(?:不过|但是|但|可是|只是|就是)")


_BARE_YES = frozenset(
    {"是", "是的", "是啊", "好", "好的", "好吧", "好啊", "好嘞", "嗯", "嗯嗯", "恩", "恩恩", "嗯呢", "ok", "okay", "okk", "k",
     "yes", "y", "知道了", "知道", "收到", "收到了", "明白", "明白了", "了解", "了解了", "清楚", "清楚了", "可以", "可以的",
     "行", "行吧", "对", "对的", "确认", "确定", "同意", "没问题", "继续", "下一步", "中", "好滴", "懂了", "我懂了", "阅读",
     "看了", "我看了", "读了", "我读了", "看到了", "我知道了", "已收到", "了", "啊", "哦", "的", "我"}
)


def _section_number(compact: str, total: int) -> Tuple[bool, Optional[int]]:
    """(mentioned, number) of a section named by its number or its title."""
    match = _SECTION.search(compact)
    if match:
        raw = match.group(1)
        if raw.isdigit():
            number = int(raw)
        elif raw.startswith("十"):
            number = 10 + CN_DIGITS.get(raw[1:], 0) if len(raw) > 1 else 10
        elif len(raw) == 1:
            number = CN_DIGITS[raw]
        elif raw.endswith("十"):
            number = CN_DIGITS[raw[0]] * 10
        else:
            number = CN_DIGITS[raw[0]] * 10 + CN_DIGITS.get(raw[-1], 0)
        return True, number
    for number, title in SECTION_TITLES:
        if title in compact:
            return True, number
    return False, None


# "不是第一条，是第七条再说一遍": a section named only to be denied; the one set against it is the one asked for, and
# with none set against it ("不是第一条再说一遍") no section is named.
_DENIED_SECTION = re.compile(r"(?:不是|不要|并非|并不是)(?:" + _SECTION.pattern + "|"
                             + "|".join(sorted({t for _, t in SECTION_TITLES}, key=len, reverse=True))
                             + r")(?:那(?:一)?(?:条|段|部分|项))?(?:的)?(?:内容)?(?:而是|是|要)?")


def _repeat(compact: str, total: int) -> Reading:
    denied = _DENIED_SECTION.search(compact)
    if denied:
        compact = compact[:denied.start()] + compact[denied.end():]
    mentioned, number = _section_number(compact, total)
    if not mentioned:
        return Reading("repeat")
    if number is None or not 1 <= number <= total:
        return clarify("no_such_section", f"第1至{total}条中的一条")
    return Reading("repeat", section=number)


# The conversation contract's option value, exactly as a channel's button sends it (the whole message, lower-case
# ASCII): the button says in words what it means (the widget's "已阅读" unlocks only at the end of the notice; the
# authorisation button reads "是，写明了特别授权"). Typed words are never read as a button: "是", "Yes", "yes!"
# go through the rules below.
OPTION_YES = "yes"


def _button(text: object) -> bool:
    return isinstance(text, str) and text == OPTION_YES


# Who reads, named otherwise than 我 but meaning the speaker: "我们都看完了", "我和我爸一起看完了"; for a proxy the
# role they act in or the reading done for the applicant ("受托人已阅读", "我替我爸看完了"); for an enterprise the
# company or its representative ("本公司已阅读", "法人已阅读"). Someone else alone ("我妈看完了") is not among them.
_WE = (r"(?:(?:我们|咱们|俺们)(?:老两口|两口子|俩|两个|一家人|一家|全家)?(?:一起|一块儿?)?|我和[\u4e00-\u9fff]{1,4}?(?:一起|一块儿?)?"
       r"|我跟[\u4e00-\u9fff]{1,4}?(?:一起|一块儿?)"
       # "老伴拿放大镜陪我一条条看完了": a relative keeping the speaker company, who reads with them (陪 only: 替, 帮
       # or 给我看 is the relative's reading, not the speaker's)
       r"|(?:我的?)?(?:" + "|".join(_affirmation._KIN) + r")(?:(?:拿着?|拿上|用|戴着?|戴上)(?:了)?(?:放大镜|老花镜|眼镜))?"
       r"(?:陪|陪着)我(?:一起|一块儿?)?)")
_PROXY_SELF = (r"(?:代理人|代办人|受托人|被委托人|(?:我|本人)?(?:替|代|帮)(?:他|她|申请人|老人|委托人|"
               + "|".join(_affirmation._KIN) + r"|我(?:" + "|".join(_affirmation._KIN) + r")))")
_ENTERPRISE_SELF = r"(?:(?:本公司|我公司|我司|公司)的?(?:法定代表人|法人代表|法人)|本公司|我们公司|我公司|我司|本企业|公司这边|我们这边|法人|法定代表人|法人代表|公司|企业)"
# "作为法人我已阅读", "作为代办人，我已经看完了": the capacity the speaker reads in, then the speaker
_AS_ROLE = re.compile(r"(?:^|(?<=,))(?:我|本人)?作为(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表|代理人|代办人|受托人|申请人)(?:本人)?,?(?:我|本人)?"
                      # ("已逐条阅读": how it was read, said between 已 and the verb, as for any other subject)
                      # ("已经把告知书全部看完了": the notice put first with 把, then the reading, as for 我)
                      r"(?=(?:都|也|已经|已|全都|全部)*(?:看|读|阅|已阅|仔细|认真|逐条|逐字|逐一|一一|一条|完整|听|把))")


def _as_the_speaker(flat: str, ctx: Context) -> str:
    """The clauses with such a subject read as 我 (see ``_WE``)."""
    subjects = [_WE]
    if ctx.acting_as == "proxy":
        subjects.append(_PROXY_SELF)
    if ctx.applicant_kind == "enterprise":
        subjects.append(_ENTERPRISE_SELF)
    # ("我和老伴儿一块儿戴着眼镜都看完了": how they read, the glasses or the place of ``_READ_ADVERBS``, between them and
    # the reading)
    pattern = (rf"(?:^|(?<=,))(?:{'|'.join(subjects)})(?=(?:都|也|已经|已|全都|全部|一起)*(?:看|读|阅|已阅|仔细|认真|逐条|逐字|逐一|一一|一条|听)"
               rf"|{_READ_ADVERBS}(?:看|读|阅|听))")
    flat = _AS_ROLE.sub("我", flat)
    # "我和我爸一起看的，俩人都看完了": 俩人 (两个人, 我俩) after a clause where the speaker read together with one other is the
    # two of them, the speaker among them; with no such clause before it, "俩人" may be any two people, and stays
    if re.search(r"(?:^|,)我(?:和|跟)[\u4e00-\u9fff]{1,4}?(?:一起|一块儿?)(?:看|读)", flat):
        flat = re.sub(r"(?<=,)(?:我们|咱们|我)?(?:俩|两个)人?(?=都|也|全|一起)", "我", flat)
    flat = re.sub(r"(?:^|(?<=,))俺(?!们)", "我", re.sub(pattern, "我", flat))  # 俺: the northern "I"
    # 咱: the northern "I" too, when it is the reader ("咱都看完了"; "咱接着往下办" is a go-ahead, read as it is)
    return re.sub(r"(?:^|(?<=,))咱(?!们)(?=(?:都|也|已经|已|全都|全部)*(?:看|读|阅|已阅|仔细|认真|听))", "我", flat)


# "没写……等等，写了", "没写明……等下，第三行有": a bare 等等 (等下, 等一下) between two answers is the speaker catching
# their own mistake, like 不对.
_PAUSE_MARK = re.compile(r"^(?:哦|噢|啊|呃|额)?(?:等等|等下|等一下)$")


# The document looked at again after a no ("没有写明，等等，我再看看，…", "没写明……我再翻翻，…"): a look, not a thought
# ("我想想") or someone else asked ("我问问我爸"), which stay checks not done.
_LOOKED_AGAIN = re.compile(r"^(?:我|让我|等我)?(?:再)?(?:看看|看一下|看下|看一眼|瞅一眼|瞄一眼|翻翻|翻一下|找找|瞅瞅|瞧瞧|查查|查一下|核对一下|对一下)"
                           r"(?:啊|哈|哦|呀)?$"
                           # ("没写明……等会儿我戴上眼镜……写明了": the glasses put on to read the page again, a look like the
                           # others; what is read after it must still name the scope or be a no)
                           r"|^(?:等会儿?|等下|等等|等一下)?(?:我|让我|等我)?(?:先)?(?:戴上|戴好|拿上|找出)(?:了)?(?:我的)?"
                           r"(?:老花镜|眼镜|放大镜)(?:再)?(?:看看|看一下|瞅瞅)?(?:啊|哈)?$")
# The page turned after a plain no ("没写明……等下我翻到背面了，写明了，…"): a look at the rest of the letter, like
# ``_LOOKED_AGAIN``, and what is read after it must name the scope or be a no. Only after a plain no: after a yes
# ("写明了特别授权，翻到背面了，没写") the back may hold what the front does not, and the two stay side by side (asked again).
_PAGE_LOOK = re.compile(r"^(?:等会儿?|等下|等等|等一下)?(?:我)?(?:又|再)?(?:翻到(?:了)?(?:背面|反面|后面|后一页|下一页|第[0-9一二三四五]页|"
                        r"最后一页|那一?页)|翻过来(?:看)?)(?:了|看了)?(?:啊|哈)?$")
# "没有……啊有，…", "没有，哦有的，…": a no, then the yes realised in the next breath, its interjection glued to it; the
# interjection is the pause, like 等等.
# ("没有，啊，有": the interjection said apart is the same pause)
_REALISED = re.compile(r"^(?:啊|哦|噢|哎|诶|欸|哎呀|哦哦|噢噢)(?:(?=有|写|在|第|委托书|授权书|上面)|$)")


def _after_pause(flat: str, document: bool = False) -> Optional[str]:
    """What follows a bare 等等 said after an answer ("没写……等等，写了，写明了特别授权" → "写了,写明了特别授权"),
    "" when what follows is still a check ("等等，我看看"), or None when no answer comes before the pause. What
    follows is then read like the answer after 不对: only a plain one decides.

    For the document (``document``), a no followed by the yes realised ("没有……啊有，…") pauses the same way, and so
    does the document looked at again ("我再看看", see ``_LOOKED_AGAIN``, or a page turned after a no, ``_PAGE_LOOK``);
    an answer after a second look must name the scope it found (特别授权, 代为…承诺) or be a no: a bare "写了" there may
    be anything the page holds."""
    clauses = [c for c in flat.split(",") if c]
    if document:
        realised = next((i for i, c in enumerate(clauses[:-1] if clauses and _REALISED.fullmatch(clauses[-1]) else clauses)
                         if i and _REALISED.match(c) and _AUTH_BARE_NO.match(clauses[i - 1])), None)
        if realised is not None:
            # (the interjection said apart, "没有，啊，有", is the pause itself; said last, "没有，啊", it ends the no)
            said = clauses[realised][_REALISED.match(clauses[realised]).end():]
            clauses = clauses[:realised] + ["等等"] + ([said] if said else []) + clauses[realised + 1:]
    def page_look(i: int, c: str) -> bool:
        # ("没有吧……我翻到背面了": a no said unsure, with 吧, is no firmer than a plain one, and the look overturns it too)
        return bool(document and i and _PAGE_LOOK.match(c) and _AUTH_BARE_NO.match(re.sub(r"吧$", "", clauses[i - 1])))
    marks = [i for i, c in enumerate(clauses) if i and (_PAUSE_MARK.match(c) or (document and _LOOKED_AGAIN.match(c))
                                                       or page_look(i, c))]
    if not marks or all(_PAUSE_MARK.match(c) or _affirmation.names_wrong(c) for c in clauses[:marks[-1]]):
        return None
    rest = clauses[marks[-1] + 1:]
    looks = [i for i, c in enumerate(rest) if _LOOKED_AGAIN.match(c)] if document else []
    if document and (looks or _LOOKED_AGAIN.match(clauses[marks[-1]]) or page_look(marks[-1], clauses[marks[-1]])):
        rest = rest[looks[-1] + 1:] if looks else rest
        if not rest or any(_affirmation._WAIT_CLAUSE.match(c) or _affirmation._THINKING_IT_OVER.search(c) for c in rest):
            return ""
        said = ",".join(rest)
        return said if _AUTH_SCOPE.search(said) or re.search(r"没|不|未|无", said) else ""
    if any(_affirmation._WAIT_CLAUSE.match(c) or _affirmation._THINKING_IT_OVER.search(c) for c in rest):
        return ""  # "没写，等等，我再看看": the check is not done yet
    return ",".join(rest)


# "我是想问…", "我想先问下…": the message named a question by the speaker, after a correction. It decides nothing, so
# taking it as the question it says it is accepts nothing; a question not so named after a correction is asked again.
_MEANT_TO_ASK = re.compile(r"^(?:我|其实我|我其实)?(?:是|就是)?(?:想|要)(?:先|再)?(?:问|问问|问一下|问下|请教)(?=[\u4e00-\u9fff])")


def _corrected(prepared: str, flat: str, ctx: Context,
               reader: Callable[[object, Context], Reading]) -> Optional[Reading]:
    """The reading of an answer taken back and given again ("没看，不对，我已经看完了", "没写，更正一下，写明了特别授
    权"): the last answer, read on its own, decides when it is plain (a yes, a no, a request to repeat, a stop);
    anything else after the correction (a hedge, a condition, another person's word, a question, nothing at all) is
    asked again. A question the speaker says they meant to ask ("第5条……哦不对，我是想问核查是谁来查") is that
    question (see ``_MEANT_TO_ASK``). None when no answer is taken back."""
    if "?" in prepared:
        return None
    after = _affirmation.after_named_correction(flat)
    if after is None:
        after = _after_pause(flat, document=reader is _special_authorisation)
    if after is None:
        return None
    # "不对，是看完了", "不对，还是没写": the 是 that sets the new answer against the old one
    after = re.sub(r"^(?:还是|是)(?=[\u4e00-\u9fff])", "", after)
    reading = reader(after, ctx) if after else None
    if reading is not None and reading.kind in ("value", "negated", "repeat", "cancel"):
        return reading
    if reading is not None and reading.kind == "question" and _MEANT_TO_ASK.match(after):
        return reading
    expected = EXPECT_READ if reader is _notice_read else EXPECT_AUTHORISATION
    return clarify("correction", expected)


# Said first, the formal "更正" (correction) or the earlier reply named as sent by mistake ("刚才误回复好的", "错发了"):
# unlike a bare 不对 first, which may be a no to the question, these only take back the message before; the quoted
# word after 误回复 is that message's, not this one's.
_EARLIER_REPLY_TAKEN_BACK = re.compile(r"(?:更正|纠正)(?:一下|如下)?|(?:我)?(?:刚才|刚刚|之前|上一条|上条|前面)?(?:我)?(?:误|错)"
                                       r"(?:回复|回|发|打|点|选|按)(?:了|成)?(?:了)?[\u4e00-\u9fffa-z0-9]{0,6}")
# The earlier reply quoted and declared wrong, void or withdrawn ("刚才说没看完是说错了", "我刚才回好的不算", "上一条回
# 的再说一遍不要了"), or named as what the formal 更正 corrects ("更正此前说法"): like ``_EARLIER_REPLY_TAKEN_BACK`` it
# takes back only the message before, and this one is read on its own.
_EARLIER_REPLY_VOIDED = re.compile(r"(?:更正|纠正)(?:一下)?(?:此前|之前|刚才|前面)(?:的)?(?:说法|回答|答复|回复)"
                                   r"|(?:我)?(?:刚才|刚刚|之前|上一条|上条|前面)(?:我)?(?:说|回|回复|发|打|选|点)(?:的)?(?:了|是)?"
                                   # ("是手滑打错了": the slip named with how it happened)
                                   r"[\u4e00-\u9fffa-z0-9]{1,8}?(?:是|那是)?(?:(?:手滑|手误|不小心|口误)?(?:说错了|打错了|不算数?|不要了|作废了?|错了)|手误|口误|手滑了?)")


def _names_previous_wrong(clause: str) -> bool:
    """"刚才打错了", "说错了": the message before this one named a mistake, said first. A bare 不对 or 哦不 first is
    not taken so: it may as well be a no to the question."""
    return _affirmation.names_wrong(clause) and "错" in clause


def _speaker_name(ctx: Context) -> str:
    """The name of the one answering: the agent for a proxy, the representative for an enterprise, else the
    applicant."""
    if ctx.acting_as == "proxy":
        name = ctx.agent_name
    elif ctx.applicant_kind == "enterprise":
        name = ctx.representative_name
    else:
        name = ctx.applicant_name
    return _name_key(name) if name else ""


# A stop said on a condition ("要是还要补材料就不办了"): nothing is given up yet, and what was given is kept.
_STOP_CONDITION = re.compile(r"如果|要是|假如|假设|万一|的话|只要|除非|若是")


def _told_before_reading(clause: str) -> bool:
    """Who the speaker is, what they complain of, their pace or setting, or how the print looks to them ("眼神还行"),
    told before the answer. Voice input may run several of them together after the 了 that ends each one ("我七十三了眼神
    还行"), or before the 让 of the help the speaker had with the print ("眼睛不太好使让孙女把字调大了"): each part must
    then be such a clause on its own. A neutral remark (``_NEUTRAL_REMARK``: "眼睛有点酸，不过都看完了") may come first too:
    what follows must still be a whole reading on its own."""
    def alone(c: str) -> bool:
        return bool(_affirmation._CIRCUMSTANCE.match(c) or _affirmation.COMPLAINT.match(c) or _OWN_PACE.match(c)
                    or _READ_SETTING.match(c) or _PRINT_OR_PHONE_REMARK.fullmatch(c) or _NEUTRAL_REMARK.fullmatch(c))
    return alone(clause) or any(alone(clause[:i + 1]) and _told_before_reading(clause[i + 1:])
                                for i, ch in enumerate(clause[:-1]) if ch == "了" or clause[i + 1] in "让叫请")


# --- everyday forms of the same answer --------------------------------------------------------------
# Before the readers' own rules, a few spellings and turns of everyday speech are written in the plain form the rules
# already read, so that the variants of one statement fall onto that statement and are judged by the same rules (its
# negations, hedges, questions and the rest of the message still decide). Each rewrite keeps the meaning word for word.
_END = r"(?=[\s,.;:!?。！？…~～]|$)"
_START = r"(?:^|(?<=[\s,.;:!?。！？…~～]))"
# Cantonese written forms, each with one Mandarin reading ("冇写到承诺嗰样嘢，净系写咗代办" = "没写到承诺那样东西，只是写
# 了代办"; 佢 = 他, 㗎 the assertive sentence end, as 的). 系 alone is left to the rule that knows its place (关系, 系统).
_CANTONESE = (("佢", "他"), ("冇", "没"), ("咗", "了"), ("嗰", "那"), ("嘢", "东西"), ("净系", "只是"))
# Forms of address said to the listener, not about the reading or the letter ("看完了家人们", "写明了亲"): after the
# sentence end they close, or as a clause of their own. (亲 run into a word, 亲自, 亲手, 亲戚, is not one.)
_ADDRESS = r"(?:家人们|亲们|亲爱的|亲|宝子们|宝子|姐妹们|兄弟们|老铁们|老铁)"
# The applicant's words dictated to a son or daughter who types them ("妈妈口述，我帮她打字：…", "我帮我妈打字：…"): the
# colon sets off the parent's own words. The parent is named as 她 (a mother) or 他 (a father) by the typist.
_MOTHER = r"(?:妈妈|妈|老妈|母亲|奶奶|外婆|姥姥)"
_FATHER = r"(?:爸爸|爸|老爸|父亲|爷爷|外公|姥爷)"
_TYPED_FOR = re.compile(
    rf"^\s*(?:(?:我)?(?P<p1>{_MOTHER}|{_FATHER})口述[\s,]*(?:我)?(?:帮|替|给|代)(?:她|他)(?:打字|打)"
    rf"|(?:我)?(?:帮|替|给|代)(?:我)?(?P<p2>{_MOTHER}|{_FATHER})(?:打字|代打|打))[\s,]*:\s*(?=[\u4e00-\u9fff])")
# The hotline agent taking down the caller's own words: with the agent's note that it is a record for the caller
# ("【热线代录】来电人表示…", "（代录）来电人说…"), or with the colon that quotes the caller ("来电人原话：已阅读", "来电人称：
# 委托书第二条写明…"). What follows is the caller's answer, read as if the caller had typed it. Without the note or the
# colon ("来电人称已看完") it is a claim reported, and is read as it stands.
_CALLER_WORDS = re.compile(
    # (after the note, the caller's correction of what they said before is their words too: "（坐席代录）来电人更正此前说法：…")
    r"^\s*(?:[【\[(（]\s*(?:12345)?(?:热线|坐席|话务员|接线员)?(?:代录|代记)\s*[】\])）][\s,:]*(?:来电人|来电者)"
    r"(?:(?:原话|称|表示|说|回复|答复|确认|更正(?:此前|之前|刚才)?的?说法)[\s,:]*|\s*[,:]\s*)"
    r"|(?:来电人|来电者)(?:原话|称|表示|说|回复|答复|确认)?\s*:\s*)(?=[\u4e00-\u9fff])")


def _everyday_forms(prepared: str) -> str:
    """The spellings both legal readers take alike (see above)."""
    for spoken, plain in _CANTONESE:
        prepared = prepared.replace(spoken, plain)
    prepared = re.sub(r"(?<=[\u4e00-\u9fff])㗎(?:喇|啦)?", "的", prepared)
    # Sichuan and Chongqing speech: 莫得 / 没得 is 没有 ("莫得写那个", "没得问题"); 嘛 after 了的 ends a statement ("写了
    # 的嘛", "it is written, of course"); after 了 alone it may be 吗 typed and is left (see ``_screen``)
    prepared = re.sub(r"(?:莫得|没得)(?=(?:啥|什么)?问题)", "没", prepared)
    prepared = re.sub(r"莫得(?=写|有|提|签)", "没有", prepared)
    prepared = re.sub(rf"(?<=了的)嘛{_END}", "", prepared)
    # 你门: the pinyin keyboard's 你们 in a closing thanks ("谢谢你门")
    prepared = re.sub(rf"(?<=谢谢|感谢|多谢|麻烦)你门{_END}", "你们", prepared)
    prepared = re.sub(rf"(?<=[了的啊呀哈])\s*{_ADDRESS}{_END}", "", prepared)
    # "报告，…" ("reporting: …"): the soldier's formal opening before the answer, with whom it is made to at most; it
    # states nothing, and the answer after the pause is read as it stands
    prepared = re.sub(r"^\s*报告(?:领导|首长|同志|政府)?[\s,!！。]+(?=[\u4e00-\u9fff])", "", prepared)
    prepared = re.sub(rf"{_START}{_ADDRESS}[\s,]+(?=[\u4e00-\u9fff])", "", prepared)
    return prepared


def _caller_words(prepared: str) -> Optional[str]:
    """The caller's own words in a hotline record (see ``_CALLER_WORDS``), when the message is one."""
    recorded = _CALLER_WORDS.match(prepared)
    return prepared[recorded.end():] if recorded and "?" not in prepared else None


# The rider's rush, told beside the answer ("已阅读 赶单", "我还有三单没送"): the speaker's hurry, the 赶时间 the readers
# already take as a remark (its 没 is on the deliveries, not on the reading)
_RIDER_RUSH = re.compile(rf"{_START}(?:我)?(?:(?:在|正在|正|还在|急着)?赶单(?:呢|中|哩)?"
                         r"|还(?:有|剩)[0-9一二两三四五六七八九十几]+(?:单|个单子?|单外卖|份外卖|个件|件)(?:没送|要送|等着送|没跑|要跑)(?:呢|哩)?)"
                         rf"{_END}")
# The chat scrolled back to find the part asked for again ("第三部分再发下，不用了，我往上翻看到了，…"): where it was found,
# before the reading said in the next clause, which must decide on its own
_FOUND_BY_SCROLLING = re.compile(rf"{_START}(?:我)?(?:往上|往回|向上|往前)(?:翻|划|滑|拉|找)(?:了)?(?:一下|下)?(?:就)?(?:看到|找到)了[\s,]+"
                                r"(?=(?:我)?(?:全部|全都|都|全|也|已经|已)*(?:看|读|阅))")


# Who typed the message for the speaker, said first ("俺孙女帮俺打的字", "字是我儿子帮我打的"): the hands on the keys, not
# the reader. Dropped only when the speaker then says the reading as their own (我/俺, the notice at most named before
# it); "孙女帮我打的字，她看完了" or a bare "看完了" after it may be the typist's reading, and stay as they are.
# ("我是本人，闺女帮我打字，…": who the speaker is may be said before it, and is kept)
_TYPED_BY = re.compile(
    r"^\s*(?P<who>(?:我是|本人是|我就是)(?:本人|申请人本人|申请人)[\s,]+)?"
    rf"(?:(?:(?:我|俺)(?:的|家)?)?{_ALOUD_BY}{{1,4}}?(?:帮|替|给)(?:我|俺)(?:打|敲)(?:的|了)?字(?:的)?"
    rf"|字(?:是)?(?:(?:我|俺)(?:的|家)?)?{_ALOUD_BY}{{1,4}}?(?:帮|替|给)(?:我|俺)(?:打|敲)的)[\s,]+"
    r"(?=(?:告知书|告知内容|告知承诺书|内容)?(?:我|俺|本人)(?:自己|自个儿?|亲自|本人)?(?:都|也|已经|已|全|全都|从头到尾|从头|一条条|一条|逐|仔细|认真|把)*"
    r"(?:看|读|阅|听|把))")
# The same typing for a parent or grandparent (``_TYPED_FOR``), told first and then the elder's own reading and the words
# the elder asked to be sent ("我是他孙子，帮爷爷打字。爷爷戴着老花镜自己把告知书全看完了，让我回：已阅读"): the reading is
# the one typed for, named again as its subject with 自己 (the elder, the applicant, read it), and the colon after 让我回
# sets off the elder's own words, as in ``_TYPED_FOR``. Both are read as the elder's, 我: the report must be a reading
# of the speaker's own and the words must decide. No other person may sit in the report ("爷爷让我看完了"), and the
# typist's own reading ("我替爷爷看完了") is no such frame.
_OTHER_PERSON = r"(?:(?![我俺你您他她让叫请帮替给跟和])[\u4e00-\u9fff])"
_TYPED_REPORT = re.compile(
    r"^\s*(?:我是(?:他|她)(?:的)?(?:孙子|孙女|外孙|外孙女|儿子|女儿|闺女)[\s,。]+)?(?:我)?(?:帮|替|给)(?:我)?"
    rf"(?P<elder>{_MOTHER}|{_FATHER})(?:打字|打)[\s,。]+(?P=elder)(?P<how>{_OTHER_PERSON}{{0,8}}?)(?:自己|亲自)"
    rf"(?P<read>{_OTHER_PERSON}{{1,16}})[\s,。]+(?:(?P=elder))?(?:让|叫)我(?:回|回复|说|答)(?:你|您|你们)?\s*:\s*"
    r"(?P<said>[^:]+)$")


# The weary faces (dizzy, exhaling, yawning, worn out): a tired reader's, never a laugh or a wink
_WEARY_FACE = r"(?:😵(?:\u200d💫)?|😮\u200d💨|🥱|😩|😫)\ufe0f?"


def _notice_forms(prepared: str, ctx: Context) -> str:
    """The notice answer in the plain forms ``_notice_read`` reads (see ``_everyday_forms``)."""
    prepared = _everyday_forms(prepared)
    prepared = _TYPED_BY.sub(lambda typed: typed.group("who") or "", prepared)
    prepared = _RIDER_RUSH.sub("我赶时间", prepared)
    prepared = _FOUND_BY_SCROLLING.sub("", prepared)
    # "告知书上面的内容": what is written on the notice is the notice's content, 告知内容
    prepared = re.sub(r"(?:告知书|告知承诺书)(?:上面|上头|上|里面|里头|里)的(?:内容|东西|条款)", "告知内容", prepared)
    # "喂你好…": the 喂 of a telephone call before the greeting, which says nothing
    prepared = re.sub(r"^\s*喂+[\s,]*(?=你好|您好)", "", prepared)
    # "喂 我说 …": the caller's "hey, listen" before the answer on a call, which states nothing (only after 喂; a bare "我说"
    # is left as it is)
    prepared = re.sub(r"^\s*喂+[\s,]*我说[\s,]+(?=[\u4e00-\u9fff])", "", prepared)
    # Henan and Shandong 哩 at a clause end (俺 is already 我): after a finished reading it is the 了 of the end reached
    # ("看完哩", "看过哩"); after a reading that went over every word or part it is the 的 of 是…的 ("俺一个字一个字看
    # 哩"), but only said after another clause, where it tells how a reading already said went. Said first or alone
    # it may as well be the 呢 of a reading still going on ("俺一个字一个字看哩，还没看完"), and is left as it is.
    prepared = re.sub(rf"(?<=[看读听]完|[看读听]过)(?:了)?哩{_END}", "了", prepared)
    # Henan 嘞 after the verb and before how it went is the 得 of the manner ("俺看嘞可仔细", "看嘞俺眼都花了"); before
    # anything else (a finished 看完嘞) it is left to the rules as it is
    prepared = re.sub(r"(?<=[看读])嘞(?=可|很|挺|怪|老|真|太|仔细|认真|清楚|我眼|我头|俺眼|俺头|眼|头)", "得", prepared)
    # The salute (🫡), the "yes sir" of one reporting an order carried out ("报告，已阅读完毕🫡"): it agrees as 👌 does and
    # says nothing of its own; alone it leaves nothing to read, and any other emoji beside it is judged as usual
    prepared = prepared.replace("🫡", "")
    # A weary face closing a remark on the effort ("看完了，眼睛都看花了😵"): it pictures that remark (sore eyes, a dizzy
    # head, the time it took), as laughter after it does (``_LAUGHTER_AT_END``), and is set aside with it. On the statement
    # itself ("看完了😵") or after anything else it stays, and is judged as any doubtful emoji.
    weary = re.search(rf"(?:{_WEARY_FACE}|[\s!~。.…])*{_WEARY_FACE}[\s!~。.…]*$", prepared)
    if weary:
        said = [c for c in _affirmation._flat(prepared[:weary.start()]).split(",") if c]
        if len(said) > 1 and _EFFORT_REMARK.fullmatch(said[-1]):
            prepared = prepared[:weary.start()]
    # 美问题: the pinyin keyboard's 没问题 (mei wenti), as a clause of its own; said asking ("美问题？") it asks as 没问题？ does
    prepared = re.sub(r"(?:^|(?<=[\s,.!。！~]))美(?=(?:啥|什么)?问题)", "没", prepared)
    # "喂喂，看完了，能听到吗": on a call, whether the line carries the voice, asked after the answer (能听到吗, 听得见吗, 听见
    # 没); it asks about the telephone, not the notice. Only after something said, and only that check: "能听懂吗" or
    # "能听吗" is no such question, and alone "能听到吗" stays a question.
    prepared = re.sub(r"(?<=\S)[\s,.!。！]+(?:喂+[\s,]*)?(?:你|您)?(?:那边)?(?:能|可以)?听(?:得)?(?:到|见|清|清楚)(?:我(?:说话|讲话|的声音)?)?"
                      r"(?:吗|么|没有|没|不)\s*\??[\s!。.]*$", "", prepared)
    # "文字我一个字一个字都看完了": 文字, the written text set against a voice the speaker cannot hear, is the notice's text
    # named as the topic before the speaker's own reading
    prepared = re.sub(rf"{_START}文字(?:版|部分)?(?=我|本人)", "告知书", prepared)
    # Voice input's spoken comma between two words ("已阅读逗号都看完了"): the mark it names, as at the end of a message
    # (see ``_affirmation._SPOKEN_PUNCTUATION``); its 逗 is no "teasing"
    prepared = re.sub(r"(?<=[\u4e00-\u9fff])逗号(?=[\u4e00-\u9fff])", "，", prepared)
    prepared = re.sub(r"(?<=[\s,.;:!?。！？…~～])((?:不过|但是|但|可是)?(?:我|本人)?(?:也|都|还是)?(?:一个字一个字|一字一句|逐字逐句|逐字"
                      rf"|一条一条|一条条|逐条|一段一段|一段段|从头到尾)(?:地|的)?(?:看|读|听))哩{_END}", r"\1的", prepared)
    # "一条一条的看": 的 typed for the adverb's 地 after a manner said twice over
    prepared = re.sub(r"(一条一条|一条条|一段一段|一段段|一句一句|一个字一个字|一字一句|认认真真|仔仔细细)的(?=看|读|听|念)", r"\1地", prepared)
    # "法律责任那块也看了": a part named by its title and pointed at (那块, 那部分) is that part, as named alone
    prepared = re.sub(rf"({_TOPIC})(?:那|这)(?:一)?(?:块|部分|段)(?:内容)?(?=(?:我)?(?:也|都))", r"\1", prepared)
    # "这告知书我看完了": the notice pointed at (这, 这份) at the head of the clause is the notice sent, named alone
    prepared = re.sub(rf"{_START}(?:这|那)(?:个|份)?(?=告知书|告知承诺书)", "", prepared)
    # "七部分一部分不少": not one part missing, the "一条没漏" of ``_NONE_MISSED``
    prepared = re.sub(rf"{_START}(?:(?:七|7|全部|所有)(?:个)?(?:部分|条))?一(?:个)?(?:部分|条|段)(?:都|也)?不少{_END}", "一条没漏",
                      prepared)
    # "内容均已知悉": the notice named before what is known of it, as in "均已知悉内容"; only a clause beside the reading
    # (alone it states no reading)
    prepared = re.sub(rf"(?<=[,\s])(?:(?:以上|上述|全部|所有)的?)?(?:告知)?内容(均|都|全都|全部)?(已经|已)?(知悉|知晓|了解|明白|清楚)(了)?{_END}",
                      r"\1\2\3\4内容", prepared)
    return prepared


# The letter named with its place word in another register (委托书里头, 授权委托书中, 委托书上面): the same 里 and 上 the
# rules read
_LETTER = r"(?:授权委托书|委托书|授权书)"
# The statement made about the words after naming them ("特别授权，代为承诺，都写在委托书上了"): the letter says them, as in
# "委托书上写了特别授权，代为承诺". Only words with no negation, hedge or question in them are moved.
_NAMED_THEN_WRITTEN = re.compile(
    r"^\s*((?:(?![不没未无非吗吧呢?])[^,:;])+(?:,(?:(?![不没未无非吗吧呢?])[^,:;])+)*),\s*(?:这些|这两条|这两项|这几条|这两个|这几个)?"
    rf"(?:都|全|全都)?写在(?:了)?({_LETTER})(?:上|里)(?:了|的|呢)?[\s。.!！]*$")


def _letter_forms(prepared: str, ctx: Context) -> str:
    """The authorisation answer in the plain forms ``_special_authorisation`` reads (see ``_everyday_forms``)."""
    prepared = _everyday_forms(prepared)
    prepared = re.sub(rf"({_LETTER})(?:里头|里面|里边|当中|之中|中)(?=[\u4e00-\u9fff])", r"\1里", prepared)
    prepared = re.sub(rf"({_LETTER})(?:上头|上面|上边)(?=[\u4e00-\u9fff])", r"\1上", prepared)
    # "赵强在委托书上签了名": where the principal signed is the letter asked about; "赵强签了名" says the same
    prepared = re.sub(rf"(?<=[\u4e00-\u9fff])在{_LETTER}(?:上|里|末尾|最后|落款处?|下面)?(?=(?:亲手|亲笔|亲自)?签)", "", prepared)
    # "亲手签的子": the pinyin keyboard's 子 for 字 after 签的
    prepared = re.sub(rf"(?<=签的)子{_END}", "字", prepared)
    # "有写到㗎" (Cantonese and southern "it is written", 有 + verb): 有写
    prepared = re.sub(rf"有写到(?=的|{_END})", "有写", prepared)
    # "第二项即为特别授权本人代为…": the formal 即为 is 是; 本人 granted the power (after 特别授权) is the speaker
    prepared = re.sub(r"即为(?=特别授权|代为|代他|代她)", "是", prepared)
    prepared = re.sub(r"(?<=特别授权)本人(?=代)", "我", prepared)
    principal = _key(ctx.applicant_name)
    if principal:
        # the principal's name with a courtesy title ("赵强先生签署的…"), or with the speaker's tie to him before it
        # ("我老乡赵强亲手签的"): the same principal, by the same name
        # ("赵强大爷", "赵强叔": the everyday title of an elder or a peer after his name is the same man)
        prepared = re.sub(rf"(?<={re.escape(principal)})(?:老先生|先生|女士|同志|大爷|大娘|大妈|大伯|大叔|叔叔|叔|伯伯|阿姨|老爷子|大哥|大姐|老哥)",
                          "", prepared)
        prepared = re.sub(rf"(?:我|俺)(?:的)?(?:老乡|朋友|同事|邻居|同学|老板|师傅|战友|发小|哥们|老同学)(?={re.escape(principal)})", "",
                          prepared)
        # ("老战友赵强给我出的委托书": the tie said with the 老 of a long one, and no 我 before it, at the head of a clause)
        prepared = re.sub(rf"{_START}老(?:乡|朋友|同事|邻居|同学|战友|伙计|哥们|兄弟)(?={re.escape(principal)})", "", prepared)
    # "…，都有", "…，白纸黑字的": that all of it is there, in black and white, said after the words of an answer with no
    # negation in it; the words before decide alone
    if not re.search(r"[不没未无非?]", prepared):
        prepared = re.sub(r"[\s,]+(?:都有|全都有|全有|白纸黑字)(?:的|嘞|啊|写着的?)?[\s。.!！]*$", "", prepared)
    # "就写的帮他跑手续": 就写的 / 只写的 before the words is 就写了 ("all it says is"), and 跑手续 the everyday 办手续
    prepared = re.sub(r"(?<=[就只])写的(?=[\u4e00-\u9fff])", "写了", prepared)
    prepared = re.sub(r"跑(?=手续|流程)", "办", prepared)
    # "…来得及不": the A-not-A question's 不 at the end is its 吗
    prepared = re.sub(r"(?<=来得及)不(?=[\s。.!！]*$)", "吗", prepared)
    # "委托书里有没有“代为作出告知承诺”这句话": the either-or 有没有 before the words asks whether they are there (是否有);
    # its 没有 denies nothing
    prepared = re.sub(r"(?<!没)有没有(?=[“\"「『']|特别授权|代为|代他|代她)", "是否有", prepared)
    # "特别授权那一栏勾的就是代为作出告知承诺": what is ticked in a box, said as 勾的是, is what the box has ticked (勾了); the
    # words after it still decide (an ordinary power ticked there is asked again)
    prepared = re.sub(r"(?<=[栏项格])(?:里)?(勾|勾选|打勾|打钩|选)的(?:就)?是(?=[“\"「『']?(?:代为|代他|代她|代其|特别授权))", r"\1了", prepared)
    # "授权事项写的是：…", "授权范围里写着…": the letter's list of matters, the part of it where its powers stand, is the
    # letter; what it is said to hold is read as the letter's words
    matters = (r"(?:(?:授权委托书|委托书|授权书)(?:的|上|里)?)?(?:授权事项|委托事项|授权范围|委托范围|委托权限|授权权限|授权内容|委托内容"
               r"|代理事项|代理权限|代理范围|代理内容|受托事项|受托权限)(?:里|中|上|里面)?")
    prepared = re.sub(rf"{_START}{matters}(?=写的是|写着|写了|写明了|单列|专列|单独列)", "委托书上", prepared)
    # "授权内容：…", "代理权限：…": the same field by any of its names, its label set before a colon as a printed form
    # sets it; it is the label "授权事项" read everywhere (a label alone, naming nothing granted), and what is filled in
    # after the colon decides as it would after that label ("…：代为申请、代为领取" is an ordinary power only, "…：无" a no)
    prepared = re.sub(rf"{_START}{matters}\s*(?=[:：])", "授权事项", prepared)
    # "单列了「代为作出告知承诺」一项": the words set out as an item of their own, which the letter then holds; only words
    # with no negation, hedge or question in them
    prepared = re.sub(r"(?:单列|专列|单独列|另列)(?:了|出)?(?:一项|一条)?[:：]?\s*[“\"「『']?((?:代为|代他|代她|代其|特别授权)(?:(?![不没未无非吗吧呢?“”\"「」『』'])[^,，。.;；\s]){1,16}?)"
                      r"[”\"」』']?(?:这|那)?(?:一)?(?:项|条)(?=[\s,，。.!！]|$)", r"写着\1", prepared)
    moved = _NAMED_THEN_WRITTEN.match(prepared)
    if moved:
        prepared = f"{moved.group(2)}上写了{moved.group(1)}"
    return prepared


# A question asked to agree, not to learn: "不是说要阅读吗", "难道我会不看吗", "哪能不看呢", "还用说吗", "这还用问": the
# statement after it is its answer, given by the asker.
# So is a question about the reading asked of it ("是要全部看完吗", "这个必须看吗", "要看多久啊", "为啥要看"): the
# reading done answers it. ("不算啥", "nothing much", only looks like a question.)
_ASKED_TO_AGREE = re.compile(r"^(?:不是|不就是)(?:说|讲|要求)|难道|哪能|哪有|还用(?:说|问)|那还用|岂能|怎么(?:可能|会|能)不"
                             r"|(?:要|必须|得|需要|非得)(?:全部|都|全)?(?:看|读|阅读)(?!什么|啥)|(?:看|读)(?:多久|多长时间|全部|完)"
                             r"|不算啥|算不了啥|不算什么|没[\u4e00-\u9fff]{0,2}(?:啥|什么)(?!吗)")


def _notice_read(text: object, ctx: Context) -> Reading:
    total = ctx.notice_sections if isinstance(ctx.notice_sections, int) and ctx.notice_sections > 0 else 7
    if _button(text):
        return value("yes") if not _nlu_disagrees(ctx, "notice_ack") else clarify("nlu_disagrees", EXPECT_READ)
    unusable, prepared, flat, compact = _screen(text)
    if unusable:
        return Reading(unusable.kind, detail=unusable.detail, expected=EXPECT_READ)

    def ask(detail: str) -> Reading:
        return clarify(detail, EXPECT_READ)

    def beside_emoji(reading: Reading) -> Reading:
        # The part read on its own has lost the emoji: a doubtful one ("看完了😂") still takes the yes back.
        shown = _without_object_emoji(prepared)
        doubtful = _affirmation._has_doubtful_emoji(shown) and not all(
            e in _affirmation._AGREEING_EMOJI for e in shown if _affirmation._has_emoji(e))
        return ask("emoji") if doubtful and reading.kind == "value" else reading

    if not compact:
        return ask("bare_yes" if any(e in prepared for e in _affirmation._AGREEING_EMOJI) else "unclear")
    caller = _caller_words(prepared)
    if caller:
        return beside_emoji(_notice_read(caller, ctx))
    typed = _TYPED_FOR.match(prepared) if ctx.acting_as != "proxy" and "?" not in prepared else None
    if typed:
        # the parent's own words (see ``_TYPED_FOR``): the parent is the applicant, who reads her own notice, and 我 in
        # them is she
        return beside_emoji(_notice_read(prepared[typed.end():], ctx))
    reported = _TYPED_REPORT.match(prepared) if ctx.acting_as != "proxy" and "?" not in prepared else None
    if reported:
        # the elder's own reading and words, typed by a grandchild or a child (see ``_TYPED_REPORT``)
        return beside_emoji(_notice_read(f"我{reported.group('how')}自己{reported.group('read')},{reported.group('said')}", ctx))
    plain = _notice_forms(prepared, ctx)
    if plain != prepared:
        return _notice_read(plain, ctx)
    bracketed = _answer_before_bracketed_aside(prepared)
    if bracketed:
        # the laughter in the brackets is about the glasses or the effort (see ``_BRACKETED_ASIDE``); only a yes is
        # taken from the answer before them
        reading = _notice_read(bracketed, ctx)
        if reading.kind == "value":
            return reading
    # (the length said as a plain fact, "说实话挺长的😅", and not with the 吧 of "太长了吧😂", which with the laughter may
    # tease the request to read it)
    before_laughter = _answer_before_laughing_remark(
        prepared, lambda c: bool(_EFFORT_REMARK.fullmatch(c) or _NOTICE_COMPARED.fullmatch(c) or re.fullmatch(_MEMORY_BOAST, c)
                                 or (_LENGTH_COMPLAINT.match(c) and not c.endswith("吧"))
                                 or _PRINT_OR_PHONE_REMARK.fullmatch(_BUT_LEAD.sub("", c))
                                 or _NEUTRAL_REMARK.fullmatch(_BUT_LEAD.sub("", c))))
    if before_laughter:
        # the laughter is about the effort, the length, the eyes or the phone, not the reading (see ``_LAUGHTER_AT_END``); only a yes is taken from it
        reading = _notice_read(before_laughter, ctx)
        if reading.kind == "value":
            return reading
    last = "|".join(sorted({str(total)} | {k for k, v in CN_DIGITS.items() if v == total}))
    dashed = re.sub(rf"(?<![0-9-])(1|一)-({last})(?![0-9-])", r"\1到\2", prepared)
    if dashed != prepared:
        # "已阅读1-7条": the range written with a dash (which the screening reads as a pause) is first to last
        return _notice_read(dashed, ctx)
    if "大差不差" in prepared:
        # the idiom 大差不差 is 差不多 ("more or less"), a hedge; its 差不差 asks nothing
        return _notice_read(prepared.replace("大差不差", "差不多"), ctx)
    run_on = re.match(r"^(?:那个|这个|呃|额|嗯)*就是说(?=[\u4e00-\u9fff])", flat)
    if run_on and "?" not in prepared:
        # "就是说那个告知书我从头到尾都看了": voice input's 就是说 ("I mean") run into the answer it leads, with no pause;
        # it restates nothing yet, and the answer is what follows it
        return beside_emoji(_notice_read(flat[run_on.end():], ctx))
    fillers = next((i for i, c in enumerate(flat.split(",")) if not _FILLER_CLAUSE.match(c)), 0)
    if fillers and "?" not in prepared:
        # "那个啥 我那个 阅读了": voice input's fillers first; the answer is what follows them
        return beside_emoji(_notice_read(",".join(flat.split(",")[fillers:]), ctx))
    # ("看完了就是说 都看完了": 就是说 there too, before the pause)
    spoken = re.sub(r"(?<=了)(?:那个|这个|就是说|就是|嗯|呃|额)+(?=[\u4e00-\u9fff]|,)", ",", flat)
    if spoken != flat and "?" not in prepared:
        # "我都看了那个七条都看完了就是都看完了": voice input run on, its fillers after a finished clause the pauses
        # between clauses; each clause is then read as typed apart (a filler takes nothing back and adds nothing)
        return beside_emoji(_notice_read(spoken, ctx))
    apart = re.sub(r"(?<=[\u4e00-\u9fff])\s+(哎|哦|噢|诶|欸|哎呀)\s+(?=[\u4e00-\u9fff])", r",\1,", prepared)
    if apart != prepared:
        # "没看完 哎 看完了": an interjection between two pauses of voice input is a clause of its own (a space beside a
        # one-character word otherwise joins it to its neighbour, as in "已 阅读")
        return _notice_read(apart, ctx)
    if _HOW_MANY_PARTS.match(compact):
        return Reading("question", expected=EXPECT_READ)
    queue = re.sub(r"((?:排(?:着)?队|赶着|等着|忙着)(?:呢|哩))(?=[\s,.!。！…]*$)", lambda m: m.group(1)[:-1], prepared) \
        if "?" not in prepared else prepared
    if queue != prepared:
        # "…快点办吧 排队呢": the 呢 of a state going on (the queue the speaker stands in, ``_BUSY_ELSEWHERE``) ends the
        # message and asks nothing
        return _notice_read(queue, ctx)
    said = [c for c in flat.split(",") if c]
    pulled = next((i for i, c in enumerate(said) if i and _REPEAT_WITHDRAWN.match(c)), None)
    if pulled is not None and all(_affirmation.names_wrong(c) for c in said[1:pulled]) \
            and _notice_read(said[0], ctx).kind == "repeat":
        # "再说一遍，哦不用了，我看完了": the request taken back (see ``_REPEAT_WITHDRAWN``); a "?" may only end the
        # request ("能再说一遍吗？不用了，…"), for the answer after it is read without its marks
        rest = said[pulled + 1:]
        while rest and (_REPEAT_WITHDRAWN.match(rest[0]) or _affirmation.names_wrong(rest[0])):
            rest = rest[1:]
        own_mark = prepared.count("?") == 0 or (
            prepared.count("?") == 1 and _affirmation._flat(prepared.split("?")[0]) == said[0])
        return beside_emoji(_notice_read(",".join(rest), ctx)) if rest and own_mark else ask("unclear")
    corrected = _corrected(prepared, flat, ctx, _notice_read)
    if corrected is not None:
        return corrected
    # "已读不回（开玩笑的），已阅读": a quip called a joke in the next breath ("开玩笑的", "逗你的") is taken back as a word that
    # names it wrong takes an answer back; what follows is the answer, read on its own. Only a quip that is no reading by
    # itself: a yes called a joke ("已阅读（开玩笑的）", "看完了，开玩笑的，看完了") stays in doubt, as does a joke said last.
    quips = [c for c in flat.split(",") if c]
    joked = next((i for i, c in enumerate(quips) if i and _JOKE_CLAUSE.fullmatch(c)), None)
    if joked is not None and joked + 1 < len(quips) and "?" not in prepared \
            and _notice_read(",".join(quips[:joked]), ctx).kind != "value":
        reading = _notice_read(",".join(quips[joked + 1:]), ctx)
        if reading.kind == "value":
            return beside_emoji(reading)
    if _ASKS_ABOUT_THE_WORDS.search(compact):
        return ask("unclear")  # the reply word weighed as a way through, not a reading stated
    lead = OBVIOUS_LEAD.match(prepared)
    if lead:
        # "这还用问？早看完了": the lead-in is emphasis; the statement after it is the answer
        return _notice_read(prepared[lead.end():], ctx)
    # (not "不用读了": that may be the speaker's own reading declined; "不用再看了" is a second look, see ``_NO_SECOND_LOOK``)
    declined = re.match(r"^(?:(?:不用|不需要|别|不要|无需|甭)(?:再)?(?:重发|发|说|念|讲|重复)(?:一遍|一次)?(?:了|啦)?"
                        rf"|{_NO_SECOND_LOOK}),(?=.)", flat)
    if declined and "?" not in prepared:
        # "不用念了，我看完了": the repetition declined first, then the answer
        return _notice_read(flat[declined.end():], ctx)
    clauses = [c for c in flat.split(",") if c]
    if len(clauses) == 1 and _EARLIER_REPLY_VOIDED.fullmatch(clauses[0]) and "?" not in prepared:
        return ask("correction")  # "上一条回的再说一遍不要了": the earlier reply withdrawn, and nothing said in its place
    if len(clauses) > 1 and (_names_previous_wrong(clauses[0]) or _EARLIER_REPLY_TAKEN_BACK.fullmatch(clauses[0])
                             or _EARLIER_REPLY_VOIDED.fullmatch(clauses[0])) \
            and "?" not in prepared:
        # "刚才打错了，已阅读", "更正：刚才误回复“好的”，现确认已阅读": the previous message taken back; this one is read on
        # its own, and only a plain reading statement decides, as after any other correction.
        return _notice_read(",".join(clauses[1:]), ctx)
    # "我可是一个字一个字看的": 可是 right after 我 is the emphatic "I, for one", no "but" (which leads its clause)
    flat = re.sub(r"(?:^|(?<=,))(我|本人)可是(?=(?:一个字|一字|一条|逐|从头|仔细|认真|认认真真|仔仔细细|都|全|已经)[^,]*(?:看|读|听))",
                  r"\1", flat)
    # 恁 is the Henan 您 ("恁发的那些俺都看过了", "恁放心吧")
    flat = re.sub(r"恁(?=发|说|念|给|往下|接着|继续|放心)", "您", flat)
    # "差点没看完，还好看完了": 差点没 of a finish that was nearly missed, which the next clause says was reached (还好,
    # 幸好); the finish said there is the reading, and whatever ran the risk before 差点 is read as a clause of its own
    flat = re.sub(r"差点(?:就)?没(?:看|读)完(?:了)?,(?:还好|幸好|好在)(?=(?:我)?(?:还是)?(?:都|全|全都)?(?:看|读)完了(?:,|$))", ",",
                  flat).strip(",").replace(",,", ",")
    # "我是真的一条一条看完了", "这次是真的从头看到尾了": the 是 of 是真的 only stresses the 真的 ("really") of the reading
    # after it; what remains must still be a plain reading of the speaker's
    flat = re.sub(r"(?:^|(?<=,))(我|本人)?(这次|这回|这一次)?是真的(?=(?:一条|一字|一个字|逐|从头|仔细|认真|都|全|已经|已|看|读|阅|听|把))",
                  r"\1\2真的", flat)
    # 阿拉 is the Wu (Shanghai, Ningbo) "I" or "we", the speaker among any others, as the reader ("阿拉看好了", where 看好
    # is the Wu "finished reading" of ``_READ_VERB``); 阿拉伯 and the like are no subject before a reading
    # ("阿拉七条全部看过了", "阿拉告知书都看好了": the notice or its whole count named as the topic between the speaker and
    # the reading, in the same clause, as after 我; the reading after it still decides)
    flat = re.sub(rf"(?:^|(?<=,))阿拉(?=(?:{_WHOLE_NOTICE}|(?:每|每一)(?:条|部分|段))?"
                  r"(?:都|也|已经|已|全|全都|全部|早就|早|一起|一道|老早|仔细|认真|从头到尾|一条一条|逐条)*(?:看|读|阅|听|把))", "我", flat)
    # "经认真阅读，本人已知晓告知书全部内容": the formal 经 ("having gone through") makes the reading one done, the 已 of
    # "已认真阅读"; only before the speaker's own main clause (本人, 我), which must then decide with it
    formal = re.match(r"^经(?:过)?((?:认真|仔细|逐条|逐字|详细|完整|反复)*)(?:地)?(阅读|研读|通读)"
                      r"(?:(?:了)?(?:告知书|告知承诺书|告知内容|以上内容|上述内容))?(?:后|以后|之后)?,?(?=本人|我)", flat)
    if formal:
        flat = "我已" + formal.group(1) + formal.group(2) + "," + flat[formal.end():]
    # 度 typed by the pinyin keyboard for its homophone 读, in the finished reading only ("全部都度完了"; "度完假" and
    # "度过" are words of their own)
    flat = re.sub(r"(?<=[都全已我])度(?=完(?:了|啦|毕)?(?:,|$))", "读", flat)
    # "读完了才回你的": the reply sent only after the reading ended. The closing 的 makes it a past fact (是…的); without it
    # ("读完了才回你") it may be a promise, and is left as it is. What remains must still be a plain reading.
    flat = re.sub(r"(?<=[看读听]完)(了)?(?:以后|之后|后)?才(?:回复?|答复)(?:你|您|你们)?(?:的)?(?:消息|信息)?的(?=,|$)",
                  r"\1", flat)
    # ("在忙别的，才没回你": the reason for the late reply and the reply not sent said apart are one clause, see
    # ``_LATE_REPLY_REASON``)
    flat = re.sub(rf"(?:^|(?<=,))({_LATE_REPLY_REASON}),(?={_NO_REPLY}(?:,|$))", r"\1", flat)
    # "读完了没吭声": read, and said nothing back yet. Its 没 is about the reply, after a reading said finished (了); what
    # remains must still be a plain reading ("没读完了没吭声" keeps its 没读完).
    flat = re.sub(r"(?<=[看读听]完了)(?:就|只是|但|但是)?(?:一直)?(?:没|没有)(?:吭声|吱声|出声|作声|说话|回话|回复?|答复)"
                  r"(?:你|您|你们)?(?=,|$)", "", flat)
    # "这回我一条一条全看完了": the time of this reading said before the reader, as it is after ("我这回…")
    flat = re.sub(r"(?:^|(?<=,))(这回|这次|这一次|这一回)(我|本人)(?=都|也|又|已经|已|全|一条|一字|逐|仔细|认真|完整|从头|把|看|读|阅|听)",
                  r"\2\1", flat)
    # "上面发的告知书，我从第一个字看到最后一个字": the notice named first, as the topic of the reading that follows
    # ("告知书 已经全部看完了": voice input's pause after the topic, before a reading with no subject)
    flat = re.sub(rf"^((?:上面|刚才|刚刚)(?:你|您|你们)?(?:发|发来|发送)的(?:告知书|告知内容|内容|告知承诺书)?|{_WHOLE_NOTICE}),"
                  r"(?=我|本人|(?:已经|已)?(?:全部|全都|都|全)?(?:看|读|阅))", r"\1", flat)
    # "手机上那个告知书我从头看到尾": the notice pointed at where it was received (``_PLACES``), which adds nothing to what
    # or how much was read; the notice itself must still be named, and the rest be a reading on its own
    flat = re.sub(rf"(?:^|(?<=,)){_READ_PLACE}(?:的|收到的|发来的)?(?:那个|这个|那份|这份)?(?=告知书|告知承诺书|告知内容)", "", flat)
    # "公租房这个告知书我看完了", "低保告知的内容都读过了": the notice named by the errand it belongs to (see
    # ``_NOTICE_TOPIC``); the rest must be a reading of the notice on its own
    flat = _NOTICE_TOPIC.sub("", flat)
    flat = ",".join(c for c in flat.split(",") if c and not _INSTRUCTION_ECHO.match(c))
    kept = [c for c in flat.split(",") if c and not _NOT_A_JOKE.fullmatch(c)]
    if kept and "?" not in prepared:
        flat = ",".join(kept)
    speaker = _speaker_name(ctx)
    if speaker:
        # The speaker's own name, as the subject ("张伟已阅读", "受托人刘洋已阅读"), as a signature after the statement
        # ("已阅读【张伟】", "已阅读 张伟 2026年12月7日") or said first ("我是张伟本人，…"): the speaker, who is 我. Another
        # name (the applicant's, for a proxy) stays a third party's.
        role = r"(?:申请人|受托人|代办人|代理人|被委托人|法定代表人|法人)?"
        who = rf"{role}{re.escape(speaker)}(?:本人)?"
        # ("是我刘洋看完的": 我 with the speaker's own name after it, the name in apposition)
        flat = re.sub(rf"(?:^|(?<=,))(?:我是|我叫|本人系|本人是|本人|我系|我)?{who}"
                      r"(?=(?:都|也|已经|已|全都|全部|仔细|认真|逐条)*(?:看|读|阅|已阅|听))", "我", flat)
        date = r"(?:[0-9]{4}年)?(?:[0-9]{1,2}月[0-9]{1,2}[日号])?"
        principal = re.escape(ctx.applicant_name) if ctx.acting_as == "proxy" and ctx.applicant_name else ""
        lead = rf"^(?:我是|我叫|本人系|本人是|我系)?{who}(?:,?{principal}的(?:代办人|受托人|代理人))?," if principal else \
            rf"^(?:我是|我叫|本人系|本人是|我系){who},"
        flat = re.sub(lead, "", flat) if re.match(lead + r"(?=.)", flat) else flat
        flat = re.sub(rf",(?:我是|我叫|本人系|本人是|本人|我系)?{who}{date}(?=,|$)", "", flat)
    flat = _whole_range(_as_the_speaker(flat, ctx), total)
    flat = re.sub(r"全部(?:的)?全部", "全部", flat)  # "上述第一至第七部分全部内容": the range read as 全部, said twice
    own = [_name_key(n) for n in (ctx.applicant_name, ctx.agent_name, ctx.representative_name) if n]
    if own:
        # "看完了，我叫张伟": the speaker's own name said beside the reading (only a name on file, nothing else)
        flat = re.sub(rf",(?:我叫|我是|本人)(?:{'|'.join(map(re.escape, own))})(?=,|$)", "", flat)
    # "字有点多，不过都看了": the 不过 sets the whole reading against a remark, not a reservation against the reading
    # ("字有点小但都看了": the same run on after the remark, without the pause)
    flat = re.sub(r"(?:(?<=,)|(?<=[小多长密累慢]))(?:不过|但是|但|可是)(?=(?:我)?(?:每一条|每条|每个部分|每一部分|每一段)?(?:也|都|全|全都)(?:认真|仔细)?(?:看|读)(?:完)?了)", ",", flat)
    # "…挺长的，但我还是一段一段看完了": the 但…还是 of a reading finished in spite of the remark before it, part after part to
    # the end (完了); the remark is read as it stands, and the reading after it must decide on its own
    flat = re.sub(r"(?<=,)(?:不过|但是|但|可是)(我)?还是(?=(?:一段一段|一段段|一条一条|一条条|逐条|逐段|一个字一个字|从头到尾)(?:地)?(?:看|读)完了(?:,|$))",
                  r"\1", flat)
    # "字是多了点，但是我一个字一个字看的": right after a remark on the notice (``_remark_on_the_notice``), the 但是 sets a
    # reading that went over every word or part (是…的 or 了, said of a reading done) against that remark, as above; it is
    # no reservation, and the rest must still decide on its own (the manner alone says no end: "我一个字一个字看的" is
    # asked again unless the reading is said finished)
    said = flat.split(",")
    flat = ",".join(re.sub(r"^(?:不过|但是|但|可是)(?=(?:我|本人)?(?:还是|也|都)?(?:一个字一个字|一字一句|逐字逐句|逐字|一条一条|一条条|逐条"
                           r"|一段一段|一段段|逐段|从头到尾)(?:地)?(?:看|读|听)(?:完)?(?:的|了)$)", "", c)
                    if i and _remark_on_the_notice(said[i - 1]) else c for i, c in enumerate(said))
    flat = re.sub(",+", ",", flat).strip(",")
    if "?" not in prepared:
        # "没有没看完的": none of it is left unfinished, which is "all of it read to the end" (a clause of its own, the
        # speaker's). Unlike the bare denial of ``_NOT_UNREAD`` ("没有没看", which may be "没有，没看") its 的 makes
        # the unfinished part a thing said not to exist, and its 完 says the reading ended ("没有没看的" is only
        # looked at, and stays a denial). A hedge or a 吧 beside it, someone else, or a count of the unfinished
        # ones ("没看完的没有几条") is not this clause and is read as before.
        flat = re.sub(r"(?:^|(?<=,))(?:我|本人)?没有(?:一(?:条|段|部分|处))?没(?:有)?(?:看|读|阅读)完的(?:部分|地方|内容|条款?)?(?=,|$)",
                      "都看完了", flat)
        # "没有哪一条是我没看的": no part is one the speaker has not read, said with the cleft 是…的 and the speaker named
        # in it as the reader, which is "每条都看了". The bare "没有哪条没看的" (which may be a "no" and a denial run
        # together) stays the emphasis of ``_NOT_UNREAD``; another reader ("是我儿子没看的"), a part understood ("没看懂的")
        # or a hedge after it is not this clause.
        cleft = re.sub(r"(?:^|(?<=,))(?:我|本人)?没有(?:哪|哪一|任何一?)(?:条|部分|个部分|段)是(?:我|本人)(?:没|没有)(?:看|读|阅读)(?:过)?的"
                       r"(?=,|$)", "每条都看了", flat)
        if cleft != flat:
            # (read again as said so: its 哪 asks nothing)
            return beside_emoji(_notice_read(cleft, ctx))
        # "…全看完了，没漏": the bare "none missed" said as a clause of its own after the statement is the idiom of
        # ``_NONE_MISSED`` ("一条没漏"); run into a clause ("没漏几条", "没漏看完") it is not, and is read as it stands
        flat = re.sub(r"(?<=,)(?:都|也)?(?:没|没有)(?:漏|落|漏掉|落下|漏看)(?:了)?(?:啊|呀|哈)?(?=,|$)", "一条没漏", flat)
        # ("我没漏，全都读了": the same idiom said first by the speaker, before a statement that must decide on its own)
        flat = re.sub(r"^(?:我|本人)?(?:都|也)?(?:没|没有)(?:漏|落|漏掉|落下|漏看)(?:了)?(?:啊|呀|哈)?(?=,.)", "一条没漏", flat)
        # ("告知书是我自己看完的": the cleft 是…的 that names the speaker as the one who read it to the end; its 是 only points
        # at the reader, and the clause reads as "告知书我自己看完的". Only the speaker, with at most 自己 and the manner of
        # the reading between: "是我儿子看完的" names someone else and is left as it is)
        flat = re.sub(r"(?:^|(?<=,))(告知书|告知承诺书|告知内容|内容)?是(?=(?:我|本人)(?:自己|亲自|本人|自个儿?)?"
                      r"(?:从头到尾|一条一条|一条条|逐条|逐字|仔细|认真|全部|都|全)*(?:看|读|听)(?:完|过)的(?:,|$))", r"\1", flat)
        # ("…给我舅讲一遍，跑不了": "no getting out of it", said of the telling to come (``_PASSED_ON``), belongs to that clause)
        flat = re.sub(rf"(?:^|(?<=,))({_PASSED_ON}),(?:这|那)?(?:反正|肯定|也)?跑不了(?:的|啊|呀)?(?=,|$)", r"\1", flat)
        # ("没漏，一条都没漏，全看完了": the idiom said twice in a row, bare and then in full, is said once)
        flat = re.sub(rf"(?:^|(?<=,))(?:{_NONE_MISSED}),(?=(?:{_NONE_MISSED})(?:,|$))", "", flat)
    compact = flat.replace(",", "")
    # "已阅读已阅读已阅读", "看完了看完了快点", "看了看了…" ("一条一条都看了" is one phrase, not a repetition)
    repeated = re.fullmatch(r"(.{3,}?|.了)(?:,?\1)+(,?.*)", flat)
    # ("一个字一个字看完了", "一部分一部分读的": a unit said twice is the manner's own reduplication, one unit after
    # another, and no answer said again)
    if repeated and not re.fullmatch(r"一(?:个|条|段|句|页|项|部分)[\u4e00-\u9fff]?", repeated.group(1)):
        flat = repeated.group(1) + ("," + repeated.group(2).lstrip(",") if repeated.group(2) else "")
        compact = flat.replace(",", "")
    if compact in ("repeat", "/repeat"):
        return Reading("repeat")
    clauses = [c for c in flat.split(",") if c]
    waits = [i for i, c in enumerate(clauses) if _WAIT.match(c)]
    if waits and waits[-1] + 1 < len(clauses) and "?" not in prepared:
        # Only what is said after the pause is the answer; it must be a reading statement on its own.
        rest = clauses[waits[-1] + 1:]
        # ("等等，刚刷到最后了，看完了": the end of the page reached, told as what ended the pause, see ``_PAGE_END``)
        while rest and (rest[0] in ("好了", "好", "嗯", "ok") or re.match(_PAGE_END, rest[0])):
            rest = rest[1:]
        if rest and _READ_GRAMMAR.match(",".join(rest)):
            return _notice_read(",".join(rest), ctx)
        return ask("not_read")
    # "…全看完了一共七个部分是吧都看了": voice input runs the next clause straight after a whole reading statement; the pause
    # is put back after the 了 that ends it (never before a particle, a count or a negation that may belong to it, "看完了吗",
    # "看完了一半", "看完了没", nor in a clause that is one statement as it stands, "阅读了告知书"), and the rest is read as
    # typed apart, by the same rules
    cut = [next((i for i in range(2, len(c) - 1) if c[i] == "了" and not _RUN_ON_KEEPS.match(c, i + 1)
                 and _READ_GRAMMAR.match(c[:i + 1]) and _COMPLETED.search(c[:i + 1])), None)
           if not _READ_GRAMMAR.match(c) else None for c in flat.split(",")] if "?" not in prepared else []
    apart = _notice_read(",".join(c if i is None else c[:i + 1] + "," + c[i + 1:] for c, i in zip(flat.split(","), cut)),
                         ctx) if any(i is not None for i in cut) else None
    if apart is not None and apart.kind == "value":
        return beside_emoji(apart)  # (anything but a plain reading so found is read as it was said)
    run_on = next((i for i in range(len(clauses[0]) - 2, 0, -1) if clauses[0][i] == "了"
                   and _told_before_reading(clauses[0][:i + 1])), None) \
        if clauses and "?" not in prepared and not _told_before_reading(clauses[0]) else None
    apart = _notice_read(",".join([clauses[0][:run_on + 1], clauses[0][run_on + 1:]] + clauses[1:]), ctx) \
        if run_on is not None else None
    if apart is not None and apart.kind == "value":
        # "我今年七十三了眼睛不太好使让孙女把字调大了我一条一条地看完了": voice input runs who the speaker is into the answer
        # with no pause; the pause is put back after the 了 that ends what was told, and each part is read as typed apart.
        # Only a plain reading so found is taken: anything else is read as it was said ("太长了谁看啊" stays one clause)
        return apart
    def grumble(c: str) -> bool:
        return bool(_LENGTH_GRUMBLE.fullmatch(c) or _LENGTH_COMPLAINT.match(c))
    grumbled = next((i for i, c in enumerate(clauses) if not (grumble(c) or _told_before_reading(c))), len(clauses))
    turn = _GRUMBLE_TURN.match(",".join(clauses[grumbled:])) \
        if 0 < grumbled < len(clauses) and "?" not in prepared and any(map(grumble, clauses[:grumbled])) else None
    if turn and turn.group(0) != (turn.group("who") or ""):
        # "这么长谁看得完……行吧，我还是硬着头皮全看完了", "太长了吧！！不过我看完了": the length grumbled at first, then the turn
        # against it (see ``_LENGTH_GRUMBLE``); only a reading after the turn that decides alone is taken
        reading = _notice_read((turn.group("who") or "") + ",".join(clauses[grumbled:])[turn.end():], ctx)
        if reading.kind == "value":
            return beside_emoji(reading)
    told = next((i for i, c in enumerate(clauses) if not _told_before_reading(c)), len(clauses))
    if 0 < told < len(clauses) and "?" not in prepared:
        # "我七十多了，眼睛不好，让儿子念给我听了", "你们这个东西字太多了，…都听完了": who the speaker is and what they
        # complain of, then the answer; the answer is what follows. ("刚才网卡了一下，不过告知书我都看完了": its 不过
        # sets the answer against what was told, not against the reading.)
        rest = ",".join(clauses[told:])
        reading = _notice_read(re.sub(r"^(?:不过|但是|但|可是)(?=.)", "", rest), ctx)
        # ("车上晃得厉害，不过全部看完了😅": the one sweat face that ends an answer set by its 不过 against the hardship told
        # first is the relief of one who got through it, not a doubt on the reading; any other emoji, laughter or a
        # joke word is judged as usual)
        emoji = [c for c in _without_object_emoji(prepared) if _affirmation._has_emoji(c)]
        relieved = emoji == ["😅"] and re.match(r"(?:不过|但是|但|可是)(?=.)", rest) \
            and re.search(r"😅[\s!！~～。.…]*$", prepared) and not _affirmation._JOKE.search(compact)
        return reading if relieved else beside_emoji(reading)
    if len(clauses) > 1 and "?" not in prepared and _READ_OUT_FIRST.fullmatch(clauses[0]) and re.match(r"我|本人", clauses[1]):
        # "闺女念了两遍，我全听完了": who read it out, then the speaker's own statement, which decides alone
        return beside_emoji(_notice_read(",".join(clauses[1:]), ctx))
    conceded = _CONCEDED_READ.match(clauses[0]) if len(clauses) > 1 and "?" not in prepared else None
    remarks = [_BUT_LEAD.sub("", clauses[1])] + clauses[2:] if conceded else []
    if conceded and all(_remark_on_the_notice(c) for c in remarks):
        # "看是看完了，就是有点长": the reading granted, then only a remark on the notice (see ``_CONCEDED_READ``); with
        # anything else after it the message goes on as it is, and the concession is no reading statement there
        return beside_emoji(_notice_read(",".join([conceded.group(2)] + remarks), ctx))
    if len(clauses) > 1 and "?" not in prepared and _closing_remark(clauses[-1]) and not all(map(_closing_remark, clauses)):
        # "全看完了，写得也太长了吧", "已阅读，眼都花了", "看完了，比我买房合同还细": the complaint or the remark on the
        # effort after the answer is dropped; the rest must be a reading on its own
        return beside_emoji(_notice_read(",".join(c for c in clauses[:-1]), ctx))
    if len(clauses) > 1 and "?" not in prepared and _RESEND_DONE.match(clauses[0]):
        # "刚才又让你重发了一遍，现在全都看完了": the resend asked for earlier (see ``_RESEND_DONE``), then this reading
        return beside_emoji(_notice_read(",".join(clauses[1:]), ctx))
    if len(clauses) > 1 and "?" not in prepared and _EARLIER_ATTEMPT.match(clauses[0]):
        # "上回就是没看完被退的，这回我一条一条全看完了": last time's story, then this reading (see ``_EARLIER_ATTEMPT``)
        rest = ",".join(clauses[1:])
        return beside_emoji(_notice_read(rest, ctx)) if _THIS_TIME_LEAD.match(rest) else ask("unclear")
    gap = _GAP_MISSED.match(clauses[0]) if len(clauses) > 1 and "?" not in prepared else None
    made_up = bool(gap) and bool(_GAP_MADE_UP.match(clauses[1]))
    if gap and len(clauses) > 1 + made_up and (made_up or _NOW_DONE_LEAD.match(clauses[1])):
        # "第三部分刚才漏了，又翻回去补看了，现在全部看完了": see ``_GAP_MISSED``; the reading after must be a whole one
        now = _notice_read(",".join(clauses[1 + made_up:]), ctx)
        return beside_emoji(now) if now.kind == "value" else ask("not_read")
    # ("还没——行了，现在读完了": the pause ended by a word that it is over, 好了 or 行了, before the reading said now)
    done = 1 + next((i for i, c in enumerate(clauses[1:]) if not _PAUSE_OVER.match(c)), len(clauses) - 1)
    if len(clauses) > 1 and "?" not in prepared and _NOT_YET.match(clauses[0]) and done < len(clauses) \
            and (_NOW_DONE_LEAD.match(clauses[done]) or any(_REALISED_NOTICE.match(c) for c in clauses[1:done])):
        # "还没，现在看完了": see ``_NOT_YET``; the reading said now must be a whole one on its own
        now = _notice_read(",".join(clauses[done:]), ctx)
        return beside_emoji(now) if now.kind == "value" else ask("not_read")
    # (after the first clause, the reader's pace or a remark on the notice too: "读完了，老花眼看得慢，但是都读完了",
    # "全部看完了，比我们村的村规民约还长，不过我都看了"; said first, "太长了" may be the reading given up)
    aside = [bool(_READ_ASIDE.fullmatch(c) or _EARLIER_READING.fullmatch(c) or _EARLIER_REPORT_DATED.fullmatch(c)
                  or (i and (_PARTS_READ_TOO.fullmatch(c) or _OWN_PACE.match(c) or _closing_remark(c)
                             # ("已阅读，我是替公司办的": who is speaking, said after the reading as before it)
                             or (_SPEAKER_CLAUSE.match(c) and not c.startswith("来电")))))
             for i, c in enumerate(clauses)]
    if any(aside) and not all(aside) and "?" not in prepared:
        # A courtesy, contact detail, a part read too or the end reached, said beside the answer (see
        # ``_READ_ASIDE``): the rest must be a reading statement on its own. Beside an earlier reading, it must
        # also say this one ("之前在窗口也看过，这次又完整看了一遍"); "之前看过，都看完了" may be that earlier one.
        rest = ",".join(c for c, a in zip(clauses, aside) if not a)
        if any(_EARLIER_READING.fullmatch(c) for c in clauses) and not _THIS_READING.search(rest):
            return ask("unclear")
        if any(_EARLIER_REPORT_DATED.fullmatch(c) for c in clauses) and not _NOW_READING.search(rest):
            return ask("unclear")
        return beside_emoji(_notice_read(rest, ctx))
    # A "?" beside the denial may only end it ("哪能没看？都看完了", "都看完了，哪能没看？"): the no asked back. Anywhere
    # else it questions the answer ("不是没看，看完了？"), which is then asked again.
    marks = prepared.count("?")
    ends_first = marks == 1 and _affirmation._flat(prepared.split("?")[0]) == clauses[0]
    ends_last = marks == 1 and not _affirmation._flat(prepared.split("?")[1])
    if len(clauses) > 1 and _NOT_UNREAD.match(clauses[-1]) and not _NOT_UNREAD.match(clauses[0]):
        # "全部看完了，哪能没看呢": the denial said after the answer (see ``_NOT_UNREAD``); the answer decides alone
        rest = ",".join(clauses[:-1])
        return beside_emoji(_notice_read(rest, ctx)) if _READ_GRAMMAR.match(rest) and (not marks or ends_last) \
            else ask("unclear")
    if len(clauses) > 1 and _NOT_UNREAD.match(clauses[0]) and marks and not ends_first:
        return ask("unclear")
    # (a shortcut denied, "已阅读，不是光看了标题，内容都看了", needs no 是 after it: what it denies is no reading of the
    # whole, so the statements around it are not set against it but only go on)
    between = next((i for i in range(1, len(clauses) - 1) if _NOT_UNREAD.match(clauses[i])
                    and (re.match(r"(?:而)?是(?=[\u4e00-\u9fff])", clauses[i + 1]) or re.fullmatch(_SHORTCUT_DENIED, clauses[i]))),
                   None)
    if between is not None and not marks and not _NOT_UNREAD.match(clauses[0]):
        # "读完了，不是假装读完，是真读完了": the denial between two statements, with the 是 that sets the next one
        # against it; it is dropped as emphasis, and what is said around it must decide on its own
        rest = clauses[:between] + [re.sub(r"^(?:而)?是", "", clauses[between + 1])] + clauses[between + 2:]
        return beside_emoji(_notice_read(",".join(rest), ctx))
    # (a "?" beside who is speaking questions the answer after it: "来电人：已阅读？" is no statement)
    if len(clauses) > 1 and ((_SPEAKER_CLAUSE.match(clauses[0]) and not marks) or _NOT_UNREAD.match(clauses[0])):
        rest = ",".join(clauses[1:])
        # (the 是 or the formal 而是 that sets the answer against the denial: "不是没有阅读，而是已经阅读完毕")
        rest = re.sub(r"^(?:而)?是(?=.)", "", rest) if _NOT_UNREAD.match(clauses[0]) else rest
        if _NOT_UNREAD.match(clauses[0]) and re.fullmatch(_ALL_READ_CLAUSE, rest) and "?" not in prepared:
            # "不是没看，是都看了": "all of it" set against "not read" says the reading was whole, which a bare
            # "都看了" on its own does not.
            return beside_emoji(ask("nlu_disagrees") if _nlu_disagrees(ctx, "notice_ack") else value("yes"))
        # ("不是没看，是看得慢，现在看完了": the reader's pace told as the reason it took long, then the reading; see
        # ``_OWN_PACE``, read as when it is said first)
        if _READ_GRAMMAR.match(rest) or (_NOT_UNREAD.match(clauses[0]) and len(clauses) > 2 and _OWN_PACE.match(rest.split(",")[0])):
            # (the emoji is read with the answer: "不是没看，看完了😂" is in doubt)
            return beside_emoji(_notice_read(rest, ctx))
        return ask("unclear")
    if len(clauses) > 1 and _CANNOT_READ_PRINT.fullmatch(clauses[0]) and "?" not in prepared \
            and re.fullmatch(_READ_ALOUD, clauses[1]) and all(_HEARD_ALL.fullmatch(c) for c in clauses[2:]):
        # "我不识字，儿子给我念完了": who cannot read the print has had all of it read out to them; the speaker may
        # add that they heard all of it ("七条我都听着了")
        return ask("nlu_disagrees") if _nlu_disagrees(ctx, "notice_ack") else value("yes")
    if len(clauses) > 2 and _CANNOT_READ_PRINT.fullmatch(clauses[0]) and "?" not in prepared \
            and re.fullmatch(_READ_ALOUD, clauses[1]):
        # "我看不太清，让孙女念给我听的，七条都听完了": the read-aloud and what the speaker heard of it, after the eyes that
        # needed it; that account is read as if said alone ("闺女一条一条念给我听的，我全都听完了"), and must decide so
        reading = _notice_read(",".join(clauses[1:]), ctx)
        if reading.kind == "value":
            return beside_emoji(reading)
    if "?" not in prepared and any(_CANCEL_CLAUSE.match(c) for c in clauses) \
            and not re.search(r"如果|假如|要是|若是|万一|的话|除非", compact):
        return Reading("cancel", expected=EXPECT_READ)  # "不看了，我不办了": the errand given up
    if _DEFERRAL.search(compact) or _MORE_TIME.search(compact) or _PLANNED_FINISH.search(flat):
        return ask("not_read")
    aloud = r"(?:让|叫|请)[\u4e00-\u9fff]{1,4}?(?:念|读)给我听(?![了过完的])"
    # ("从头再来一遍，我让孙子念给我听": the notice asked for again in a clause of its own, which alone is a request to
    # repeat, so that someone may read it out: that request is the answer)
    asked_again = len(clauses) > 1 and any(not re.search(aloud, c) and _notice_read(c, ctx).kind == "repeat" for c in clauses)
    if re.search(aloud, compact) and not asked_again:
        return ask("not_read")  # "让儿子念给我听": someone else will read it out, later; no request to us either
    if _REPEAT.search(re.sub(_NO_REPEAT_NEEDED, "", compact)):
        if re.search(r"没看清|没听清|看不清", compact) and re.search(r"阅读|看完|读完|已阅|看过|读过", compact):
            return ask("not_read")  # "已阅读（字太小没看清）": a read claim taken back in the same breath
        return _repeat(compact, total)
    if _UNREAD_ALLOWED.fullmatch(compact.rstrip("?")):
        return Reading("question", expected=EXPECT_READ)  # "不看完能办吗": see ``_UNREAD_ALLOWED``
    if _NOT_READ.search(compact) and ("?" not in prepared or re.search(r"不识字|不认|看不了", compact)):  # "还没看呢"
        return ask("not_read")
    next_step = _NEXT_STEP_QUESTION.fullmatch(flat.rstrip("?"))
    if next_step and _READ_GRAMMAR.match(next_step.group(1)) and "?" not in prepared.strip().rstrip("?"):
        # "已阅读，然后呢", "已阅读，请问下一步是什么": the reading stated, then what to do next; the next step is
        # the answer to that question.
        return _notice_read(next_step.group(1), ctx)
    guess = re.fullmatch(r"(.+?)吧\s*\?\s*", prepared)
    if guess and _READ_GRAMMAR.match(_affirmation._flat(guess.group(1))):
        return ask("hedge")  # "看完了吧？": the reading guessed at and asked of oneself, no statement and no question to us
    if "?" not in prepared and any(_affirmation._is_question(c) and _NOT_UNDERSTOOD_WHAT.search(_NOTHING_UNCLEAR.sub("", c))
                                   for c in flat.split(",")):
        # "不过第四部分啥意思没懂": the 啥 is what the speaker did not understand, inside a statement of doubt with no
        # question mark; the doubt holds the reading back and asks nothing of its own
        return ask("not_understood")
    if _affirmation._is_question(prepared):
        if _ASKS_ABOUT_THE_WORDS.search(compact):
            return ask("unclear")  # the reply word weighed as a way through, not a reading stated
        if _affirmation._JOKE.search(compact):
            return ask("joke")  # "看完了吗？你问我我问谁": a retort, neither a question nor a reading
        parts = [c for c in re.split(r"(?<=\?)|,", flat) if c]
        asked = [i for i, c in enumerate(parts) if _affirmation._is_question(c)]
        if asked and asked[-1] + 1 < len(parts):
            # "不是说要阅读吗，我读完了": a question first, then the answer. The answer after the last question
            # decides, on its own terms (a hedge, another reader or "还没" there is asked again); a preamble that
            # itself speaks against the reading ("不看不行吗") leaves the whole answer in doubt.
            preamble = "".join(parts[: asked[-1] + 1])
            # ("没有哪里读到": 没 before 哪 is "nowhere", a statement of none, which only looks like a question)
            if _NOT_READ.search(preamble) or _READ_HEDGE.search(preamble) or _affirmation._JOKE.search(preamble) \
                    or re.search(r"([\u4e00-\u9fff]{1,2})(?:什么|啥)\1", preamble) \
                    or re.search(r"没(?:有)?哪", preamble):  # "看什么看": scorn, no question
                return ask("unclear")
            answer = _notice_read(",".join(parts[asked[-1] + 1:]), ctx)
            if answer.kind == "clarify" and answer.detail == "not_understood":
                # "啥是告知承诺 俺看不明白": what the speaker does not understand is what they ask; the question is answered
                # and the reading asked again (nothing is decided)
                return Reading("question", expected=EXPECT_READ)
            if answer.kind == "clarify" and answer.detail == "unclear" \
                    and not re.search(r"[看读阅听念完懂]|明白|清楚|知道|了解", compact):
                # "核查的时候会上门吗？我白天在地里干活不在家": why the speaker asks, told after the question, with no word
                # of the reading anywhere; the question is answered and the reading asked again (nothing is decided)
                return Reading("question", expected=EXPECT_READ)
            if answer.kind == "value" and not _ASKED_TO_AGREE.search(preamble):
                # "什么意思？已阅读", "要不要，看完了", "为什么？已阅读": a real question before the statement is still
                # open; the reading it comes before may rest on not knowing what was asked, so the question is answered
                # and the reading asked again. Only a question asked to agree ("不是说要阅读吗", "难道还能不看吗")
                # leaves the statement after it to decide.
                return Reading("question", expected=EXPECT_READ)
            return answer if answer.kind in ("value", "clarify") else ask("unclear")
        if asked and asked[0] > 0 and _BUT_ASKS.match(parts[asked[0]]) \
                and _notice_read(",".join(parts[:asked[0]]), ctx).kind == "value":
            return Reading("question", expected=EXPECT_READ)  # see ``_BUT_ASKS``
        if len(parts) > 1 and any(_READ_GRAMMAR.match(c.rstrip("?")) and not _affirmation._is_question(c.rstrip("?")) for c in parts):
            return ask("unclear")  # "已阅读？然后呢": a reading said beside a question that comes after it
        return Reading("question", expected=EXPECT_READ)
    # ("第一个", "选第二个": an option's position on a list, which names no section of the notice)
    if re.fullmatch(r"(?:请|麻烦)?(?:再)?(?:看|发|给我)?" + _SECTION.pattern + r"(?:内容|的内容)?", compact) \
            and not re.fullmatch(r"(?:选|选择|我选)?第[0-9一二两三四五六七八九十]{1,3}个", compact):
        return _repeat(compact, total)
    # ("如果看不完就不办了": a stop on a condition stops nothing yet; it is asked again as a condition below)
    if _affirmation._is_cancel(compact) and not _STOP_CONDITION.search(compact):
        return Reading("cancel", expected=EXPECT_READ)
    if _NOT_UNDERSTOOD.search(_NOTHING_UNCLEAR.sub("", re.sub(_LATER_QUESTIONS, "", compact))):
        return ask("not_understood")
    if _NOT_READ.search(compact):
        return ask("not_read")
    # A closing clause that moves on ("咱接着往下办吧") says nothing of the reading: its 吧 hedges no reading; nor do
    # several of them in a row ("…，快点办吧，我赶时间").
    # (nor does "没有漏掉的部分": its 部分 is the part said not to be missed, see ``_NONE_MISSED``)
    if _READ_HEDGE.search(re.sub(_NONE_MISSED, "", re.sub(rf"(?:,(?:{_MOVE_ON}))+$", "", flat))):
        return ask("hedge")
    if _affirmation._JOKE.search(compact):
        return ask("joke")
    # (the liability known, "明白要是说假话要担责任", carries its own condition on falsity: no reservation; and the
    # 再说 of "不用再说一遍" is the repetition declined, not the "we'll see" of 再说)
    if re.search(r"如果|假如|要是|若是|只要|除非|但是|但|不过|可是|然而|的话|再说|等我|暂时|一半",
                 _LIABILITY_KNOWN.sub("", re.sub(_NO_REPEAT, "", compact))):
        return ask("hedge")
    if re.search(r"不|没|未|别|无|非", re.sub(_NONE_MISSED, "", _NOTHING_UNCLEAR.sub("", re.sub(
            _NOTHING_TO_ASK + r"|无误|不实承诺|虚假承诺|承诺不实|" + _NO_REPEAT_NEEDED + "|" + _LATER_QUESTIONS, "",
            _LIABILITY_KNOWN.sub("", compact))))):
        return ask("unclear")
    # how long the reading went on ("已经看了好久了", "看了半天") says nothing of its end: the completion must be
    # said in another clause ("看了半天，总算看完了")
    finished = ",".join(c for c in flat.split(",") if not re.search(r"(?:看|读|瞅)了?(?:好久|半天|老半天|好一会儿?)", c))
    finished = re.sub(r"^完事儿?,?", "", finished)  # the lead "完事儿" ("done") is no 完 of the reading: "完事儿，我看了"
    # "已阅读，现在看", "看完了，下午看": a reading said after the statement with nothing to say it is done (no 完, 已, 了,
    # 的, 过, 遍) is one still to come, a plan, not the same reading told again; asked again. (Before the statement,
    # "戴上老花镜慢慢看，总算看完了", it is how the reading went that the statement then ends.)
    clauses = flat.split(",")
    undone = [i for i, c in enumerate(clauses)
              if re.fullmatch(_READ_CLAUSE, c) and not _COMPLETED.search(c) and not re.search(r"[了的过遍]", c)]
    if undone and any(i > 0 and not any(_COMPLETED.search(c) for c in clauses[i + 1:]) for i in undone):
        return ask("not_read")
    if _READ_GRAMMAR.match(flat) and (_COMPLETED.search(finished.replace(",", "")) or _all_of_it_read(finished)
                                      or _WHOLE_TEXT_READ.search(finished.replace(",", ""))):
        shown = _without_object_emoji(prepared)  # (a page or a book pictured is no attitude)
        if _affirmation._has_doubtful_emoji(shown) and not all(
            e in _affirmation._AGREEING_EMOJI for e in shown if _affirmation._has_emoji(e)
        ):
            return ask("emoji")
        if _nlu_disagrees(ctx, "notice_ack"):
            return ask("nlu_disagrees")
        return value("yes")
    if _affirmation._segments(compact, _BARE_YES):
        return ask("bare_yes")
    return ask("unclear")


# --- the special authorisation (R5, 五(三)) ----------------------------------------------------------

# ("肯定写了", "一定有": "it must be there", what the speaker supposes of a letter, not what they read in it)
_AUTH_HEDGE = re.compile(r"好像|应该|可能|大概|也许|估计|似乎|貌似|差不多|记得|印象|吧$|吧,|大约|或许|(?:肯定|一定)(?:是|都|也)?(?:写|有|包括)")
_AUTH_UNSURE = re.compile(
    r"不知道|不清楚|不确定|不记得|记不清|记不得|忘了|忘记|没注意|没细看|没仔细看|看不懂|不懂|不太|说不准|说不好|没看|"
    r"搞不清|弄不清|不了解|不明白|看不明|读不明|不明|懵|"
    # the document never seen by the speaker ("我没见过里面写啥"): what it says is not known to them
    r"没见过|没见着|没瞧见过"
)
# "放心吧", "你们核实吧": reassurance and an invitation to check, whose 吧 hedges nothing
_REASSURANCE = re.compile(r"(?:放心|请放心|您放心|你放心|你们核实|你们核对|你们查|核实一下|核对一下)吧")
# "根据我方与赵强签订的书面委托协议，…": the formal lead that names the document the statement rests on. Only the
# document itself, or one the principal (``who``) signed or issued, with the speaker's side as the other party at most:
# one the speaker alone signed ("根据我签的委托书") is not the principal's grant, and is no such lead.
_ACCORDING_TO = re.compile(r"^(?:根据|按照|依据|依照)(?:(?:我方|我们|我)?(?:与|和|跟)?(?P<who>[\u4e00-\u9fff]{1,4}?)(?:之间)?"
                           r"(?:签订|签署|订立|出具|签)的?)?(?:书面)?(?:授权委托书|委托书|授权书)$")
# "不用查了，确实写了": a look declined as needless, by one who knows the answer; its 不 is on the looking. Alone it answers
# nothing, and beside the answer it adds nothing.
_NO_LOOKUP_NEEDED = re.compile(r"^(?:不用|不需要|甭|无需)(?:再)?(?:查|翻|找|核对|核实)(?:了|啦)?$")
# Writing the authorisation down called needless ("哪用得着写这些", "还用写这个"): said by the one who would write it or
# of the document itself, it tells that none was written. Beside any word of what is written or signed it is not this
# (that one objects to something else), and a bare objection to the requirement ("还要啥特别授权") stays a question of
# principle, asked again (``_AUTH_PUSHBACK``).
# (only the rhetorical forms, 哪用/还用/何必/用不着: "还要写什么" asks what the letter needs)
_WRITING_PUSHBACK = re.compile(r"(?:(?:哪|哪里|哪儿)(?:用得着|用得上|用|需要|要)|还用(?:得着)?|何必|何须|用不着)(?:再)?(?:写|开|弄)"
                               r"(?:这个|这些|这玩意儿?|委托书|授权书|那个)")
_AUTH_PUSHBACK = re.compile(r"还(?:要|用|需要|得)(?:写|开|弄)?(?:啥|什么|哪门子)|(?:要|用)(?:啥|什么)特别授权"
                            # ("我是他亲外甥，这还要写明？": the writing of it, rhetorically, as 这还要授权 below)
                            r"|这(?:都|也)?还(?:要|用|需要|得)(?:写明|注明|写)(?:啊|呀|呢|哇)?$"
                            # ("他是我亲舅舅，还写啥特别授权啊": the writing of it objected to the same way)
                            r"|还(?:写|开|弄)(?:啥|什么|哪门子)(?:特别授权|委托书|授权书)"
                            # ("我是他亲闺女，这还要授权？": 这还要…, "this, and still needs…", the rhetorical form, ending the
                            # message. Asked with 吗/么/不 ("这还要授权吗") it may be a real question, and said before more
                            # ("这还要授权，我回去找他签") it is a statement of the need: neither is this)
                            r"|这(?:都|也)?还(?:要|用|需要|得)(?:特别)?授权(?:书|委托书)?(?:啊|呀|呢|哇)?$"
                            # ("我是他老婆，夫妻之间还要特别授权？": the kinship itself named as what should make it needless,
                            # the same rhetorical form; with 吗/么 it may be a real question, and is not this)
                            r"|(?:夫妻|两口子|父子|母子|父女|母女|兄弟|姐妹|一家人|自家人|亲戚|亲人)(?:之间|间|俩)?(?:还|也)(?:要|用|需要|得)"
                            r"(?:啥|什么)?(?:特别)?授权(?:书|委托书)?(?:啊|呀|呢|哇)?$")
# "我说写了行不行", "我就回个写明了，可以吗": the yes offered as words to say, and whether saying them will do asked. That
# weighs the answer as a way through, and states nothing of the letter (nor asks what the FAQ answers): it is asked again.
# Only the speaker's own saying, as a clause of its own ("他说写了行不行" reports a third person; "让他补签一份行不行"
# asks about the letter, and stays a question).
_SAYS_THE_WORDS = re.compile(r"(?:^|,)(?:我|俺)?(?:就|只|直接)?(?:说|回|答|回答|回复|填|报)(?:个|一个|一句)?[\"“”'「」]?"
                             r"(?:写了|写明了|写着|有|是的?|写明了特别授权|写了特别授权|有特别授权)[\"“”'「」]?,?"
                             r"(?:行不行|行吗|行不|可以吗|可以不|可不可以|成不成|中不中|能行吗|能过吗|能不能过|就行了?|就能过|"
                             r"就可以了?|就过了|不就行了|不就完了|算不算)(?:啊|呀|呢|吧)?(?:,|$)")
_AUTH_CONDITION = re.compile(r"如果|要是|假如|假设|除非|的话|万一")
_AUTH_DOUBLE_NEGATION = re.compile(r"(?:不是|并非|不属于|不算|不只|不仅|不光|不止)(?:是)?(?:普通|一般|只|仅|代办|代为办理|没|不)")
# A bare 是/对/有/嗯 may answer "do you have an authorisation at all" or just acknowledge the question; an
# ordinary 代为办理 letter would pass on it. So a yes must say something about the document ("写明了", "有特别
# 授权"); a bare one is asked again with the document's wording (the question names those words).
# 系: the Cantonese 係 typed simplified; 滴: the northern and playful 的 ("是滴")
_AUTH_BARE_YES = re.compile(r"^(?:是|是的|是是|确实是|系|yes|y)(?:的|滴|啊|呀|哦|呢)?$")
_AUTH_DOCUMENT_YES = re.compile(
    # ("还是写明了的": 还是…的, "it is written after all", the fact stressed as in 确实)
    r"^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面|里面)?(?:都|已|已经|确实|明确|也|当然|肯定|还是)?"
    r"(?:写了|写明了|写明|写着|有写明|有写|写了的|写明了的|写清楚了|写明白了|写得很清楚|写的很清楚|写得清清楚楚|写得明明白白|"
    # "有这一条": the very words the question quotes
    r"有这(?:一)?(?:条|句|项|句话|一句话))(?:的|啊|呀|哦|呢|啦|嘞|咧|哩|哒|哈)?$")
_AUTH_BARE_NO = re.compile(
    # "委托书上没有", "没写这个", "没有这句话": the no, said of the document or of the words the question quotes
    r"^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面|里面)?"
    # ("所以就没写": the no that follows its reason; "真没写这个": the no stressed)
    r"(?:(?:所以|因此|于是)?(?:就|也)(?=没|未))?(?:真|真的|确实|的确)?"
    r"(?:没有|没|否|不是|不|无|no|n|nope|没写|没有写|没写明|没有写明|(?:尚)?未(?:写明?|载明|注明)|没(?:有)?(?:载明|注明)|不包括|不包含|不是的|没有的|不对|都没有|并没有|(?:啥|什么)都没(?:写|有))"
    r"(?:这个权限|这个授权|这几个字|这一?条|这一?项|这一?句话?|这个|这样的?话)?(?:的|啊|呀|哦)?$"
)
_AUTH_ORDINARY = re.compile(
    r"(?:委托书|授权书)(?:还|都|都还|也还)?没(?:写|签|开|办|弄|打印)|普通|口头|没有委托书|没有授权书|没有书面|没委托书|没授权书|(?:还)?没(?:签|写好|办)|一般(?:的)?(?:委托|授权|代理)|"
    r"(?:授权范围|委托事项|委托权限|权限)(?:那)?(?:一栏|一项|栏)?(?:是|为)?(?:空的|空白|空着|没填|没写)|"
    r"只(?:是)?(?:有|写了?个?|写着|写的|委托了?|授权了?|能|让|叫)?(?:我|他|她)?(?:来|去)?(?:代为|代|帮忙|帮他|帮她|去)?"
    r"(?:办理|代办|办手续|跑腿|递交|提交|领取|办事|办|交|递|送|签字|签收|代领|领|咨询|查询)|"
    # "就是让我代为办理": the errand the speaker is sent on
    # ("就是叫俺帮他办办手续": the errand for him, its verb said twice as speech does)
    r"(?:就是|只是)(?:让|叫|请)(?:我|他|她)(?:来|去)?(?:代为|代|帮忙|帮他|帮她|替他|替她)?(?:办理|代办|办手续|办办手续|办个手续|办下手续|跑腿|递交|提交|交材料)|"
    # "他就写了个让我帮他办": the errand, and 就 makes it all; "别的没写": nothing else is written
    r"就写了?个?(?:让|叫|请)(?:我|他|她)(?:帮他|帮她|帮忙|替他|替她|代他|代她)?(?:办|办理|办事|跑腿)(?:(?!承诺|授权)[\u4e00-\u9fff]){0,4}?(?:一下)?$|^别的(?:都|啥|什么)?(?:没|没有)(?:写|提|有|了)|"
    # only a telephone call ("他就打了个电话"): 就/只 make the call all there is, with no paper
    r"(?:就|只|仅)(?:是)?(?:给我)?打(?:了|过)(?:个|一个|一通|通)?电话|"
    # the principal's signature still missing ("就差他签名"): the letter is not signed, so it grants nothing yet
    r"(?:就|只|还)差(?:他|她|申请人|委托人|老人|我[\u4e00-\u9fff]{1,2})?(?:的)?(?:签名|签字|签个字|签个名|盖章|盖个章|按手印|手印)|"
    # "写是没写": as for written, it is not
    r"^(?:写|写明)是(?:没|没有)(?:写|写明)|"
    # no document yet, or only a word on the phone: "还没写委托书", "电话里说的", "他微信上同意了"
    # ("没写啥纸": no paper at all; "他嘴上跟我说了…": the word said to the speaker, who it was said to changing nothing)
    r"没(?:写|签|开|办|弄)(?:啥|什么|个)?(?:委托书|授权书|纸|字据)|(?:电话|微信|短信|嘴上|口头上?)(?:里|上)?(?:他|她)?(?:跟我|和我|对我)?(?:说|讲|同意|答应|交代)|"
    # "他就跟俺说了一声": a word to the speaker, and 就/只 make it all there is
    r"(?:就|只)(?:是)?(?:跟|和|对)(?:我|俺)(?:说|讲)了(?:一声|一下|一句|声|句)|"
    # the document not yet in the speaker's hands: "委托书我还没拿到手"
    r"(?:授权委托书|委托书|授权书)(?:我|俺)?(?:还|都)?(?:没有|没|未)(?:拿到|收到|到手|寄到|送到|取到)|"
    # or still in the post: "委托书还在路上", "快递明天才到" (a letter in hand, whatever it says, is not this)
    r"(?:授权委托书|委托书|授权书|原件)(?:还|都)?在(?:路上|寄来的路上|寄过来的路上|快递路上|快递上|邮寄中|邮寄)|"
    r"(?:快递|邮件|挂号信|ems)(?:还|都)?(?:没到|没有到|没送到|在路上|[明后]天才(?:能)?到|过两天才(?:能)?到)|"
    # "他微信里跟我说可以…", "发语音说让我…", "微信聊天记录里他同意了": a message, not the written authorisation
    r"(?:电话|微信|短信|语音|视频|聊天记录)(?:里|上|中)?(?:他|她)?(?:跟我|和我|对我|给我)(?:说|讲|同意|答应|交代)|"
    r"发(?:了)?(?:条|个|段)?(?:语音|短信|微信)(?:说|讲|同意|答应)|聊天记录(?:里|上|中)?(?:他|她)?(?:说|同意|答应)|仅(?:限|写了?|是)?(?:代为)?(?:办理|代办)|^(?:代为办理|代办|委托办理)$|"
    # "我们就写了个代为办理": 就 makes the one power named all there is
    # ("就写了代我爸办手续": for whom the errand is run named between 代 and the errand; "就写了帮忙领证": the same
    # errand asked as a favour, 帮 or 替 for 代, and the one errand all there is)
    r"就(?:写了?个?|写着|写的|有)(?:一个|个)?(?:代为|代|帮忙|帮|替)(?:他|她|我(?:爸|妈|父亲|母亲|爹|娘|爷爷|奶奶|舅舅|舅|叔叔|叔|姑姑|姑|哥|姐))?"
    r"(?:办理|办|递交|提交|领取|领|签字|签收|咨询|查询)|"
    # "就写了让我帮忙交材料": the errand the speaker is sent on, and nothing more
    r"(?:就|只|仅)(?:写了?|写着|写的是?|说了?)(?:让|叫|请)?(?:我|他|她)?(?:帮忙|帮他|帮她|代为|代|去)?"
    r"(?:交|递交|提交|送|拿|领|办)(?:个|一下)?(?:材料|手续|资料|证件)|"
    # the special authorisation still to be obtained: "回头让我爸补一份"
    r"(?:回头|回去|之后|以后|再)(?:让|叫|找|请)?[\u4e00-\u9fff]{0,4}?(?:补|重新)(?:一份|签|写|开|办|个)|"
    # its box left unticked: "特别授权那一栏没打勾"
    r"特别授权(?:那|这)?(?:一)?(?:栏|项|格|个|处)?(?:没|没有|未)(?:打勾|打钩|勾选|勾|填|写|签)|"
    # the power struck out or revoked: "那条我爸划掉了", "后来撤销了"
    r"(?<![没未不])(?:划掉|划了|删掉|删了|涂掉|撤销|撤回|收回|作废)(?:了)?$"
)
_AUTH_NEGATED_SCOPE = re.compile(
    # the commitment excluded in so many words: "不得代为作出承诺", "受托人无权代为作出告知承诺", "除告知承诺外"
    r"(?:不得|无权|不能|不可以|不可|禁止|不允许|不准)(?:代为|代|替|帮)?(?:其|他|她|委托人|申请人|公司)?(?:签署|签订|签|作出|做出)?(?:告知)?承诺|"
    r"除(?:了)?(?:代为)?(?:签署|作出|做出)?(?:告知)?承诺(?:书)?(?:这一?项|这一?条)?(?:外|以外|之外)?|(?:告知)?承诺(?:书)?(?:以外|之外)的|"
    # "承诺的事没写": the commitment named first, then denied
    # ("承诺的没写": the 的 that names the line about it)
    # ("承诺那块儿没写": the northern 儿 on the part named)
    r"^(?:代为)?(?:告知)?承诺(?:的事|这件事|这事|[这那](?:一)?[项条块句行]儿?|的内容|的那句|的那条|的)?(?:就|也|都|倒是|可)?(?:没|没有|未)(?:写|提|说|写明|注明)|"
    # ("没单独写承诺": how it is not written changes nothing; so is the short "没单写", after 没/未 only: "不单…" is
    # "not only", which adds)
    r"(?:没有|没|未|无|不是|不|并未|并没有)(?:单独|(?<=[没有未])单|专门|特意|特地|另外|具体|明确)?(?:写明?|注明|载明|包括|包含|含有|含|有|提到|提及|提|涉及|给|明确|写上|说到|说|讲到|讲|授权)*的?(?:可以|能|能够)?"
    # ("没写告知承诺这几个字": the commitment by its full name)
    r"(?:特别授权|特别|代为承诺|代其承诺|承诺|告知承诺|代为作出|作出承诺|这一项|这项|代签|代为签署|代签署|替(?:他|她)?签)"
)
_AUTH_ACK = frozenset({"好", "好的", "嗯", "嗯嗯", "恩", "ok", "okay", "可以", "行", "确认", "收到", "明白", "知道了",
                       "中", "我确认", "对", "对的", "没错", "有", "有的", "有啊", "确实", "确实有", "对对", "当然", "当然有",
                       "对对对", "嗯呐", "嗯呢", "嗯哪", "是滴", "是哒", "包括的", "包括啊", "包含的",
                       # the northern and the young internet "OK": beside a yes that names the document they add
                       # nothing, and alone they are as bare as "好"
                       "妥了", "管", "中中", "中中中", "阔以", "okk", "ok的", "安排", "好滴", "可以嘞", "得嘞",
                       # how plainly the words just said are written ("…，清清楚楚"); alone it points at nothing
                       "清清楚楚", "清清楚楚的", "明明白白", "明明白白的",
                       # "can't be wrong" (the 没错 above said the other way) and Henan's "all OK": beside a yes that
                       # names the document they add nothing, and alone they point at nothing
                       "错不了", "错不了的", "都中", "都中了"})
# One power of a list ("授权范围：代为办理、代为签收、代为作出告知承诺"): neither a yes nor a no by itself.
# ("代理一切事务": 代理 with the matters it covers, the general power in the letter's own verb; 代理 alone is no power named)
_AUTH_POWER = re.compile(r"^(?:授权范围|委托事项|权限|包括)?(?:(?:代为|代)(?:办理|签收|领取|递交|提交|签字|办理相关手续|缴费|查询|咨询|申请|申报|处理|办)"
                         r"|代理(?=[^承诺,]{0,4}?(?:事务|事项|事宜|手续)$))"
                         # "代办低保手续": the matter named, and never the commitment ("代为办理一切事务": a general power,
                         # which names no commitment either)
                         # ("代为办理公租房申请": the application itself named as the matter of the errand)
                         # ("代为申请公租房", "代为领取补贴款": the matter named bare after the errand's verb, a plain noun with
                         # no negation, no second power joined to it and no commitment)
                         r"(?:[^承诺,]{1,4}?(?=手续|材料|事项|事宜|事务|业务|文书|文件|证件|证照|资料)|[^承诺授权,]{1,4}?(?=申请)"
                         r"|(?<=申请|办理|领取|申报|申领)(?:(?![不没未无非别承诺授权并和及与签代替])[\u4e00-\u9fff]){1,6}?)?(?:相关)?(?:手续|材料|事项|事宜|事务|业务|文书|文件|证件|证照|资料|补贴|补助|低保金|款项|结果|许可证|营业执照|执照|申请)?(?:这|那)?(?:一)?(?:项|条)?$")
# "什么都能办", "啥事都可以代办": the general power told in one's own words (全权代理), which names no commitment.
_ANY_ERRAND = re.compile(r"(?:什么|啥|啥子|所有)(?:事|事情)?都(?:能|可以)(?:帮他|替他|代他|代为|代)?(?:办|代办|办理)(?:的|了)?")
_AUTH_CORRECTION = re.compile(r"不对|哦不|说错了|等等|我看看|我再看看|更正")
# Facts about the document that say nothing of its scope: it was checked, notarised, signed, where it says it.
_AUTH_DOCUMENT_FACT = re.compile(
    # ("委托书我看了": the document named first, then the check)
    # ("我刚又对了一遍": checked once more, done)
    r"^(?:(?:授权委托书|委托书|授权书|原件)(?:我|本人)?)?(?:我|本人)?(?:刚|刚刚|刚才|已经|已|都|又)*(?:拿出来|翻出来|找出来)?"
    # ("我逐字核对过": how carefully it was checked, which says no more of what it holds)
    # ("我仔细看了委托书": the document named after the check)
    r"(?:逐字|逐句|逐条|逐项|一字一句|仔细|认真|反复)?(?:核对|确认|看|查|对)(?:了|过)(?:一下|一遍)?(?:授权委托书|委托书|授权书|原件)?(?:了)?$"
    # stamped or notarised at an office: "在社区盖过章", "去公证处公证过"
    r"|^(?:在|去|到)(?:社区|居委会|村委会|村里|街道|街道办|公证处|派出所|律所|律师事务所)(?:里|那儿|那里)?"
    r"(?:盖(?:过|了|的)?(?:公)?章|公证(?:过|了|的)|签(?:过|了|的)字)(?:的|了)?$"
    # ("村委会给盖的章": the office named first, stamping it for him; an office certifies, and signs in no one's place)
    r"|^(?:社区|居委会|村委会|村委|村里|街道|街道办|公证处|派出所)(?:给|帮|也|还)?(?:盖(?:过|了|的)(?:公)?章|加盖了(?:公)?章)(?:的|了)?$"
    # sent on to the office ("原件已扫描上传"): where the paper went, nothing of what it says
    r"|^(?:授权委托书|委托书|授权书|原件)(?:我|我们)?(?:已经|已|都|也)?(?:扫描|拍照)?(?:并)?(?:上传|提交|发送|发过去|传上去)(?:了)?$"
    r"|^(?:已经|已|都)?(?:在|经|经过|去)?(?:公证处)?(?:公证|认证)(?:过|了)+(?:的)?$|^(?:签了字|签字了|盖了章|盖章了|签字盖章了|有签字|盖了公章|盖公章了|"
    r"有公章|盖了手印|按了手印)(?:的)?$"
    r"|^(?:我|本人)?(?:刚|刚刚|刚才|已经|已|都)*(?:拍照|拍了照|拍了照片|拍照片)(?:核对|对|比对|看)?(?:过|了)*$"
    # where it stands: "在委托书第三项" (the number itself is taken out before)
    r"|^(?:就)?(?:在|写在|见)(?:授权委托书|委托书|授权书)?(?:上|里|上面|里面)?(?:的|了)?$"
    # what it holds, before the words themselves: "委托书里有一句", "委托书写了两项", "白纸黑字"
    # ("委托书里专门有一条": the line set apart for it, and the words come after)
    r"|^(?:授权委托书|委托书|授权书)?(?:上|里|上面|里面)?(?:专门|特意|特地|单独|另外)?(?:有|写了|写着|列了)(?:这么|这样)?(?:一句|一句话|一段|一条|一项|一款|"
    r"[两三四五几2-5](?:项|条|个))(?:话|内容|权限|事项)?$|^白纸黑字(?:的|写着)?$"
    # open to inspection: "不信你们看原件"
    r"|^(?:不信|不相信)(?:的话)?(?:你们|您|你)?(?:可以)?(?:看|查|核对|查看)(?:一下)?(?:原件|委托书|授权书)?$"
    # the list closed: "就这两项"
    r"|^(?:就|只有|只|仅)(?:这|那)?(?:两|三|几|[2-5])(?:项|条|个|样)(?:了|而已)?$"
    # when and where it was signed: "委托书是3月5号在公证处办的", "2026年11月20日签的委托书", "3月份签的"
    r"|^(?=[^,]*[0-9一二三四五六七八九十](?:年|月|号|日))(?:授权委托书|委托书|授权书)?(?:是)?(?:[0-9]{2,4}年)?(?:[0-9一二三四五六七八九十]{1,2}月份?)?"
    r"(?:[0-9]{1,2}(?:日|号))?(?:在|去|到)?(?:公证处|社区|居委会|村委会|街道|律所)?(?:签|办|开|公证|写|出具)(?:的|了)(?:授权委托书|委托书|授权书)?$"
    # the papers issued by the principal's side: "单位开了介绍信和授权书" (what they say comes after)
    r"|^(?:单位|公司|企业|他|她|申请人|委托人)(?:给我)?(?:开了|出了|出具了|开具了|写了)(?:介绍信|授权书|委托书|授权委托书)"
    r"(?:(?:和|跟|、|还有)(?:介绍信|授权书|委托书|授权委托书))?$"
    # what the foot of the letter holds: "委托书末尾有我爸的签名和日期"
    r"|^(?:授权委托书|委托书|授权书)?(?:的)?(?:末尾|最后|下面|底下|下边|落款处?)?(?:有)?"
    rf"(?:(?:他|她|申请人|委托人|{'|'.join(_affirmation._KIN)}|我(?:{'|'.join(_affirmation._KIN)}))的)?(?:签名|签字|手印|公章|日期)"
    r"(?:(?:和|跟|、|还有)(?:签名|签字|手印|公章|日期))*$"
    # ("下面有他签字和日期": with 有 the signature is a thing on the page, and 的 may go unsaid; without 有, "他签字" may be a
    # signing still to come)
    r"|^(?:授权委托书|委托书|授权书)?(?:的)?(?:末尾|最后|下面|底下|下边|落款处?)?有"
    rf"(?:他|她|申请人|委托人|{'|'.join(_affirmation._KIN)}|我(?:{'|'.join(_affirmation._KIN)}))(?:的)?(?:亲笔)?(?:签名|签字|手印|公章)"
    r"(?:(?:和|跟|、|还有)(?:签名|签字|手印|公章|日期))*$"
    # what it spares the principal: "不用他本人来"
    r"|^(?:不用|无需|不需要|用不着)(?:他|她|申请人|委托人|老人)?(?:本人)?(?:亲自)?(?:来|到场|过来|跑一趟)(?:了)?$"
    # signed, sealed, in hand, open to inspection: "我爸亲笔签的", "上面有他的签名", "原件在我手上", "你们可以核对"
    # ("就差他签名" is the signature missing: see ``_AUTH_ORDINARY``)
    r"|^(?:委托书|授权书|原件)?(?:上面|上)?(?:还|也|都)?(?:有)?(?:(?![不没未无别非差])[\u4e00-\u9fff]){0,4}?的?(?:亲笔|亲手|本人)?"
    # ("我爸签了字按了手印": signed and thumb-printed, one after the other)
    r"(?:(?:签了?字|签了?名|签过字|签过名|签的字|签的名|签的|签名|签字|盖了?(?:公)?章|按了?手印|手印)(?:了|的|过)*){1,3}$"
    # ("原件就在我手上": 就 stresses where the letter is; a copy, 复印件, or another's hand, "在我爸手上", is no such fact)
    r"|^(?:(?:授权委托书|委托书|授权书)的?)?(?:原件)?(?:我|在我)?(?:都|也|就)?(?:带着|带来了|带了|在我手上|在我手里|在我这|在我这儿|在手上|拿着)(?:原件|委托书|授权书)?(?:来的|过来的|来了)?(?:呢|了|的)?$"
    r"|^(?:我|我们)?(?:可以|能)(?:给你们|给您|给你)?(?:看|核对|查看|拍照|上传|发给你们)(?:一下)?$|^(?:你们|您)(?:可以)?(?:核对|查|看|查看)(?:一下)?(?:原件|委托书原件|委托书|授权书)?$"
    r"|^(?:委托书|授权书)?(?:是)?(?:公证|认证)(?:过)?的?$"
    # ("写明了，有公证的": the letter bears a notary's certificate; 还/也 before 有 are taken off before this is read)
    r"|^有(?:公证|公证处的?(?:公章|章|证明))(?:的|呢)?$"
    # a photo promised, who wrote it: "委托书等下拍照给你们", "我爸专门写的"
    r"|^(?:委托书)?(?:等下|等会|待会|马上|现在)?(?:可以)?(?:拍照|拍个照|拍照片)(?:发给你们|发给您|给你们|给您|上传)$"
    r"|^(?:我)?(?:等下|等会|待会|马上|现在)?(?:可以)?(?:把|将)(?:委托书的?)?(?:照片|图片|复印件)(?:发给|拿给|给)(?:你们|您|你)(?:看)?(?:一下)?$"
    r"|^(?:是)?(?:我爸|我妈|他|她|老人|我父亲|我母亲|申请人)(?:专门|亲自|亲手|亲笔|自己)?写的$"
    # the document's number: "编号SQ2026-0156"
    r"|^(?:授权委托书|委托书|授权书)?(?:的)?(?:编号|号码|号)(?:是|为)?[a-z0-9]*$|^(?=[a-z]*[0-9])[a-z0-9]+$"
    # ("委托书编号也有": the number is there too)
    r"|^(?:授权委托书|委托书|授权书)?(?:上)?(?:的)?编号(?:也|都)?(?:有|写了|写着)(?:的)?$"
)
_SECTION_REF = re.compile(r"第[0-9一二三四五六七八九十]{1,3}(?:条|项|款|点|页|行|段)|最后(?:一)?(?:条|项|款|页|行|段)|"
                          r"(?<=在)(?:背面|反面|正面|末尾|结尾|最后|最下面|下面|后面|下一页|后一页)|"
                          # ("…那栏，后面写着代为作出告知承诺": next on the page, then the words written there)
                          r"^(?:后面|下面|底下|下边|旁边|紧接着)(?:还)?(?=写着|写了|写明)|"
                          # ("下一行写明了…", "背面写着…", "附页写明…": the line, the side or the page the words stand on)
                          r"^(?:下一行|下一条|下一项|下一页|后一页|背面|反面|附页)(?:上)?(?:还)?(?=写着|写了|写明)|"
                          # ("下面一行写明了…": the line below, counted)
                          r"^(?:下面|底下|下边|后面|再往下)(?:的)?(?:一行|那一?行|一条|那一?条|一句|那一?句)(?:上|里)?(?:还)?(?=写着|写了|写明)")
# A lead-in to the document's own words ("委托书原话是：…"): what follows is the quotation.
# ("委托书上写着哩": the northern particle after the lead, before the words said in the next breath)
_AUTH_QUOTE_LEAD = re.compile(r"^(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?的?(?:明确|明明白白|清清楚楚)?(?:(?:原话|原文)(?:是|为|写的是)?|写的是|写的|写着|是这么写的|载明|写明|注明|内容)"
                              r"(?:哩|呢|嘞|咧|哈)?$"
                              # ("我把原话打给你：…": the quotation announced, typed out word for word)
                              r"|^(?:我)?(?:把|将)(?:(?:授权委托书|委托书|授权书)(?:上|里)?的?)?(?:原话|原文)(?:一字不差地?)?(?:打|抄|敲|发)(?:出来)?(?:给)(?:你|您|你们)(?:看)?(?:一下)?$"
                              # a printed form's field and what is filled in it ("特别授权一栏填写：…"): the label; what
                              # is filled in after it decides ("无" is a no, an ordinary power only is a no)
                              r"|^(?:特别授权|授权范围|委托事项|委托权限|授权权限|授权事项|授权内容)(?:那|这)?(?:一)?(?:栏|项|格)(?:里)?"
                              r"(?:填写|填的是|填写的是|填的|写的是|写着|写的|内容)(?:为|是)?$")
# The consequence the principal bears, quoted beside the power or told in one's own words ("并承担不实承诺的法律后果",
# "后果他自己承担"): part of the special authorisation's wording, which adds nothing to its scope.
# ("还写了承担不实承诺的法律后果": the same words said to be written beside the answer; whoever bears them is still the
# principal or unnamed, and a speaker bearing them, "我承担…", or any negation is not this)
_PRINCIPAL_BEARS = re.compile(r"^(?:(?:还|也|并且|并|另外)?(?:写了|写着|写明了|注明了|有))?"
                              r"(?:并|并且|且)?(?:由)?(?:委托人|他|她|申请人|他自己|她自己)?(?:自己|自行)?(?:承担|负责)(?:不实承诺的?)?(?:相应的?)?(?:法律)?(?:后果|责任)$"
                              # ("也写了不实承诺的后果由他承担": the same consequence said written too, its bearer after it)
                              # ("还写了不实的后果由他担": 不实 alone for the untrue commitment, and 担 the everyday 承担)
                              r"|^(?:(?:还|也|并且|并|另外)?(?:写了|写着|写明了|注明了|有))?(?:不实承诺的?|不实的?)?(?:法律)?(?:后果|责任)(?:由)?(?:委托人|他|她|申请人)(?:自己|自行)?(?:承担|负责|担|担着)$"
                              # ("连承担不实承诺的法律后果都写上了": the same words stressed as written too, with 连…都; the
                              # bearer unnamed or the principal, and written, done, with no negation)
                              r"|^连(?:由)?(?:委托人|他|她|申请人)?(?:自己|自行)?(?:承担|负责)?(?:不实承诺的?)?(?:法律)?(?:后果|责任)"
                              r"(?:(?:由)?(?:委托人|他|她|申请人)(?:自己|自行)?(?:承担|负责))?"
                              r"(?:都|也)(?:写上了|写上去了|写进去了|写了|写着|写明了|注明了|有)(?:的|呢)?$")
# "委托书上就一句：…": the whole of the document is what follows, so an ordinary power quoted is all it grants.
# ("委托书内容：…": the letter's content given, as what it says in full; "委托书：…" alone may quote only its opening line,
# "兹委托…", after which its powers are listed, and is not this)
_ONLY_QUOTE_LEAD = re.compile(r"^(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?(?:就|只)(?:写了)?(?:一句|一句话|一行|这一句)$"
                              r"|^(?:授权委托书|委托书|授权书)的?(?:内容|全文|全部内容)(?:是|为|如下)?$")
# ("兹委托刘洋代为办理赵强的相关事项": the letter's formal 兹, and whose matters they are)
_ORDINARY_QUOTE = re.compile(r"^(?:兹)?(?:委托|授权)[\u4e00-\u9fff]{1,4}?(?:代为|代|全权)?(?:办理|代办|办)"
                            r"(?:(?:(?!承诺|授权)[\u4e00-\u9fff]){1,4}?的)?(?:相关|有关)?"
                            r"(?:(?!承诺|授权)[\u4e00-\u9fff]){0,4}?(?:事宜|手续|事项|业务)?$")
_AUTH_NEUTRAL = frozenset({"放心", "请放心", "您放心", "你放心", "放心吧", "经核对", "经查", "经确认", "核对过了", "没问题",
                           "我看了", "我看了一下", "我查了", "我查了一下", "我看过了", "看了", "查了", "我确认过了",
                           "确认过了", "委托书上", "上面", "嗯", "哦", "但", "但是", "不过", "授权范围", "委托事项", "权限",
                           "授权范围包括", "包括", "委托权限", "授权权限", "打了勾", "打勾了", "勾了", "勾上了", "打钩了",
                           "打了钩", "也打了勾", "打过勾", "委托书", "授权委托书", "授权书", "没问题的", "你们核实", "你们核对",
                           "你们可以核实", "可以核实", "授权事项",
                           # the printed form's field for the kind of grant ("授权类型：特别授权"): the label, and the
                           # kind filled in after it decides
                           "授权类型", "授权性质", "授权种类", "委托类型", "授权方式",
                           # fillers of speech and voice input: "那个", "啊", "我跟你说啊"
                           "那个", "啊", "嗯啊", "呃", "额", "那个啥", "我跟你说", "我跟你说啊", "木问题", "妥妥的",
                           "这个", "这个啥", "你听我说", "听我说", "我跟你讲", "喂", "喂喂",
                           # the transcript's label of who speaks ("来电人：…"): the caller, who is the speaker
                           "来电人", "来电者",
                           # the agent's kind set against the ordinary one ("不是一般代理，是特别代理"): a name for the
                           # agent, which says nothing of the words in the letter; what they are must be said beside it
                           "特别代理", "是特别代理", "属于特别代理"})
_AUTH_TOKENS = frozenset(
    {"委托书", "授权委托书", "授权书", "委托书上", "上", "上面", "里", "里面", "中", "已经", "已", "确实", "明确", "清楚", "写明",
     "写了", "写着", "写有", "注明", "载明", "写", "了", "有", "的", "是", "特别授权", "特别", "授权", "代为", "代", "作出",
     "做出", "告知", "承诺", "告知承诺", "包括", "包含", "专门", "这一项", "这项", "这个", "内容", "事项", "权限", "我", "他",
     "她", "申请人", "给", "可以", "对", "都", "也", "其", "代其", "代他", "代她", "委托", "我们", "项", "签了", "签字",
     "是的", "对的", "没错", "明确写了", "就是", "具体", "白纸黑字", "授权范围", "范围", "委托事项", "签的", "签", "我爸",
     "我妈", "我父亲", "我母亲", "父亲", "母亲", "爸爸", "妈妈", "老人", "家人", "老板", "公司", "法人", "第一条", "第二条",
     "第三条", "第四条", "第五条", "一条", "条", "写得", "很", "清楚", "当然", "确实写了", "他们", "她们", "原话", "原文",
     "受托人", "被委托人", "委托人", "代理人", "出具", "出具的", "开具的", "公司出具的", "写明了", "该", "此", "这份", "那份",
     # 写明白了 is 写明了 said out plainly; 含 the form's short 包含 ("特别授权（含代为作出告知承诺）")
     "写明白了", "写明白", "含", "含有",
     "本", "载明", "明确载明", "啦", "写得清清楚楚", "清清楚楚", "这一条", "这条", "写的是", "啊", "呀", "哦", "嘛", "哈", "嘞", "做", "作", "替", "替他", "替她",
     "写得很清楚", "写的很清楚", "写清楚了", "拿的是", "拿的", "拿着", "持有", "手里", "手上", "带的", "带的是", "委托权限",
     "授权权限", "那一项", "那项", "这一项", "那一栏", "那栏", "一项", "在", "和", "系", "来的", "嚟的",
     "承诺书", "告知承诺书", "代签", "签署", "签订", "代为签署", "全权", "全权委托", "能", "能够", "包括了", "这句", "这句话",
     "这一句", "授权内容", "委托内容", "代理权限", "有权", "有权利", "并", "并且", "以及", "及",
     "全权处理", "处理", "由", "代表", "帮", "代表本人", "帮他", "帮她", "字样", "三个字", "四个字", "这几个字", "这项授权", "写有",
     # the document's own wording: "兹特别授权…", "受托人可代委托人…", "代为申请并作出告知承诺", "代为办理低保申请并…"
     "兹", "可", "明明白白", "写着呢", "那条", "代为申请并", "代为办理并", "代为递交并", "代为提交并", "代为签收并",
     # 书面 "in writing" and the emphatic 就 ("第二条就是…") describe the document and change nothing in it
     "书面", "就",
     # the letter's body (正文), the agent's title in it (经办人), the northern particle 哩
     "正文", "经办人", "哩", "哒",
     # the box of a printed form the power is written in ("委托权限一栏写着…"), the list's own "is"
     # ("受托人权限为代为签署…"), and the papers that go with the commitment ("签署承诺书及相关文件")
     "一栏", "这一栏", "栏", "权限为", "事项为", "范围为", "相关文件", "有关文件",
     # the grant's own wording of who bears the consequence ("代为作出告知承诺并承担法律后果")
     "并承担法律后果", "并承担不实承诺的法律后果", "不实承诺的法律后果",
     # the formal register's verbs of the document ("明确记载", "受托人享有特别授权") and the consequence said its way
     "记载", "记载了", "明确记载", "享有", "及承担相应后果", "并承担相应后果", "承担相应后果", "及承担相应法律后果",
     "并承担相应法律后果",
     # ("代为承诺并承担后果": the consequence said without 法律 or 相应, the same words)
     "并承担后果", "承担后果",
     # the formal register's "holds" and "belongs to" ("委托书明确载有…", "属于特别授权") and the letter's clause (条款)
     "载有", "属于", "条款"}
    # the principal named by how they are related ("俺爹的委托书上写明了特别授权")
    | frozenset(_affirmation._KIN) | frozenset("我" + k for k in _affirmation._KIN)
)
# The box of the special authorisation ticked on a printed form ("特别授权那栏勾了", "勾选了特别授权"): the form's
# own way of writing it. Its counterpart "没打勾" is an ordinary authorisation (``_AUTH_ORDINARY``).
# The principal to commit in person ("委托书写的是赵强本人作出告知承诺", "承诺由法定代表人本人作出"): the agent is not
# empowered to commit, whatever else the document grants.
_PRINCIPAL_COMMITS = re.compile(
    # (not "不用他本人作出承诺": that spares the principal)
    r"(?<!不用)(?<!无需)(?<!不需要)(?<!不必)(?<!用不着)(?:由)?(?:委托人|申请人|他|她|法定代表人|法人)本人(?:亲自)?(?:来)?(?:作出|做出|签署|签|作|做)(?:告知)?承诺"
    r"|(?:告知)?承诺(?:书)?(?:由|要由|需由|得由|要|需要|得)(?:委托人|申请人|他|她|法定代表人|法人)本人(?:亲自)?(?:来)?(?:作出|做出|签署|签|作|做)?"
)
# The commitment's own line ticked on a printed form ("委托书上勾选了“代为作出告知承诺”").
_SCOPE_LINE = r"(?:代为|代)(?:作出|做出|签署)(?:告知)?承诺(?:书)?"
_AUTH_TICKED = re.compile(
    # ("他在这儿授权的时候选的就是代为承诺": the power chosen by the principal when granting it on the platform)
    r"^(?:他|她|委托人|申请人)(?:在这儿|在这里|在你们这儿|在小程序上|在网上|在平台上|在手机上)?(?:授权|办授权|签授权)的时候(?:就)?"
    r"(?:选的|勾的|选了|勾了|勾选的|勾选了)(?:就)?(?:是)?(?:特别授权,?)?(?:代为|代)(?:作出|做出)?(?:告知)?承诺$|"
    r"^(?:委托书上|上面)?(?:有)?特别授权(?:那|这)?(?:一)?(?:栏|项|格|个|处)?(?:也|都)?(?:已经|已)?(?:打了?勾|打了?钩|勾了|勾选了|打勾了|打钩了|勾上了|"
    r"划了?勾|选了|是勾上的|是勾选的)(?:的)?$"
    r"|^(?:我们|他|我爸|我妈)?(?:已经|已)?(?:勾选了|勾了|打勾了|选了)特别授权(?:那|这)?(?:一)?(?:栏|项|格)?$"
    # ("委托书勾的是特别授权": the box named as what is ticked on the letter; who ticked it unsaid, and "我勾的…" is not this)
    r"|^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面)?(?:勾的是|勾选的是|打勾的是|打钩的是|选的是)特别授权(?:那|这)?(?:一)?(?:栏|项|格)?$"
    rf"|^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面)?(?:已经|已)?(?:勾选了|打勾勾选了){_SCOPE_LINE}(?:那|这)?(?:一)?(?:栏|项|格)?$"
    # ("委托书特别授权那一栏勾了“代为作出告知承诺”": the special-authorisation box, and the commitment ticked in it)
    rf"|^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面)?特别授权(?:那|这)?(?:一)?(?:栏|项)(?:里)?(?:已经|已)?(?:勾了|勾选了|打勾了|打钩了|选了){_SCOPE_LINE}$"
    rf"|^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面)?{_SCOPE_LINE}(?:那|这)(?:一)?(?:栏|项|格)(?:也|都)?(?:已经|已)?"
    r"(?:打了?勾|打了?钩|勾了|勾选了|打勾了|打钩了|勾上了)(?:的)?$"
)
# "不是一般授权，是特别授权": the ordinary kind named only to be denied beside the special one.
# Its kin, each removed only where the special authorisation (or the commitment in the principal's place) is still named
# in what is left: an oral word denied to be all there is ("不是口头说说的"), the errand denied to be all ("不是光让我跑
# 腿"), and the ordinary box of the form left unticked, said as a clause of its own ("一般授权那栏没勾").
# ("本次委托并非一般授权", "不是普通代办的那种": the grant named as what is denied to be ordinary, and the kind said as
# the errand, 代办, or as "that kind")
_NOT_ORDINARY_KIND = (r"(?:(?:本次|这次|此次|这个|这份)(?:委托|授权|委托书|授权书)(?:是)?)?"
                      # ("不是全权代理那种笼统的": the general power, called vague, is the ordinary kind too; "非一般委托": the
                      # formal 非 of the 12345 register)
                      r"(?:不是|并非|而不是|不属于|(?<![是并而])非)(?:一般|普通|全权)的?(?:授权|委托|代理|代办)(?:委托书|书)?(?:的)?(?:那种|那类|那样)?"
                      r"(?:笼统|含糊|模糊)?(?:的)?")
_NOT_ORDINARY = re.compile(_NOT_ORDINARY_KIND
                           + r"|(?:不是|并非|而不是)(?:光|只|仅仅?|单单?)?(?:是)?口头(?:上)?(?:说说|说的|讲讲|讲的|答应|同意|授权|委托)?(?:的|而已)?"
                           r"|(?:不是|并非|而不是)(?:光|只|仅仅?|单单?)(?:是)?(?:让|叫)(?:我|他|她)(?:来|去)?"
                           r"(?:跑腿|跑个腿|办手续|交材料|递材料|交个材料|代办|办事)(?:的|而已)?"
                           r"|(?:^|(?<=,))(?:一般|普通)授权(?:那|这)?(?:一)?(?:栏|项|格)?(?:没|没有|未)(?:打勾|打钩|勾选|勾|选)(?:上)?(?:的)?(?=,|$)")
# The scope named: the special authorisation, or the commitment made or signed in the principal's place ("代为作出
# 告知承诺", "代签承诺书", "替我爸签告知承诺书").
_PRINCIPAL = r"(?:其|他|她|申请人|委托人|本人|" + "|".join(_affirmation._KIN) + "|我(?:" + "|".join(_affirmation._KIN) + "))"
# "不是没写", "不是没有特别授权", "我爸不是没给我授权": a denial that it is missing, before the answer itself.
# ("不是没写委托": no document at all denied, which says nothing of its scope either)
_NOT_UNWRITTEN = re.compile(rf"^(?:{_PRINCIPAL}|我)?(?:又|也)?(?:不是|并非|并不是)(?:没有?|未)(?:给我|给)?(?:写明?|注明|有|授权|写明了|写过|开)?"
                            r"(?:特别授权|授权|委托书|授权书|委托)?(?:的)?$")
# "不是写明了，是没写明": the yes named to be denied, then what is written instead; "也不能说没写，写了“全权委托”": a
# concession that something is written, before what it is. Either says the scope asked about is not plainly there: the
# answer after it is read on its own and only a no is taken from it (a yes after a denied yes contradicts it, and after
# the concession it is the something conceded, which is asked again).
_NOT_WRITTEN_AFTER_ALL = re.compile(r"^(?:也|倒|并)?(?:不是|并不是|并非)(?:写明了|写明|写了|写着|有)(?:特别授权)?(?:的)?$")
_CONCEDED_WRITTEN = re.compile(r"^(?:也|倒|倒也)?(?:不能|不好|没法)说(?:是)?(?:完全)?(?:没有|没)(?:写|写明|有)?(?:的)?$"
                               # "委托书里是有“承诺”两个字，…": a word granted to appear, its 是 leading to a "but"; what
                               # the words around it say follows, and only a no is taken from it
                               r"|^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:倒|倒也|也|确实)?是有[^,]{1,8}?(?:这)?"
                               r"[两三四五几2-5]个字(?:的)?$")
# "不是不想有，是真没写这个": unwillingness denied, which says only that the speaker would have wanted it; read the same
# way, and only a no is taken after it (a yes after it, "不是不想写，写了", is asked again).
_NOT_UNWILLING = re.compile(rf"^(?:{_PRINCIPAL}|我|我们)?(?:也|又)?(?:不是|并不是|并非)(?:不想|不愿意|不愿|不肯|不要)(?:有|写|写明|开|给|弄|办)?(?:的|啊)?$")
# "哪能没写", "谁说委托书上没写", "怎么可能没有特别授权", "没有不写的", "我爸哪能不写": the same denial, as a no asked
# back or two negations. Like "不是没写" it is emphasis and says nothing of what is written: alone it is asked again;
# beside the plain answer (before it or after it), that answer decides on its own terms (see ``_beside_denied_absence``).
# ("没有没有" is an emphatic no, not two negations: after 没有 the verb must be said.)
# (咋能, 怎能, 怎么能: the same no asked back, in the northern and the written forms; 嘞 the Henan particle after it)
_ASKED_BACK_LEAD = r"(?:谁说|哪能|哪会|哪可能|怎么会|怎么可能|咋会|咋可能|咋能|怎能|怎么能)"
# ("委托书上不是没写": the document named first, as the topic of the same denial)
_DENIED_ABSENCE = re.compile(
    rf"^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:{_PRINCIPAL}|我)?(?:又|也)?(?:(?:不是|并非|并不是|不可能|{_ASKED_BACK_LEAD})(?:{_PRINCIPAL}|我)?"
    r"(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:没有?|未|不)|没有(?:没有?|不)(?=写|注明|载明|授权|给|开))"
    r"(?:给我|给)?(?:写明?|注明|载明|有|授权|写明了|写过|写上|开)?(?:特别授权|授权|委托书|授权书|委托|这一?条|这句话?)?(?:的)?"
    r"(?:呢|啊|呀|嘛|哇|嘞)?$"
    # "没有不清楚的地方": nothing unclear, two negations about the letter's wording; emphasis as above, and alone asked again
    r"|^(?:没有|没)(?:什么|啥)?(?:不清楚|不明白|看不懂|不确定|含糊|模糊)的(?:地方)?$")
_AUTH_SCOPE = re.compile(rf"特别授权|(?:代|替|帮)(?:为|表)?{_PRINCIPAL}?(?:签署|签订|签字|签|作出|做出|做|作)?(?:告知)?承诺|"
                         # the powers listed include it: "授权内容包括签署告知承诺书", "代理权限有作出承诺"
                         r"(?:权限|范围|事项|内容)[^,]{0,4}?(?:包括|包含|有)(?:代为|代)?(?:签署|签订|签|作出|做出)?(?:告知)?承诺|"
                         r"(?:包括|包含)(?:(?:代为|代)?(?:签署|签订|签|作出|做出)(?:告知)?承诺|(?:告知)?承诺(?!书))|"
                         # two powers joined: "代为申请并作出告知承诺"
                         r"(?:代为|代)(?:申请|办理|递交|提交|签收)(?:并|并且|和|及|以及)(?:签署|作出|做出)(?:告知)?承诺")
# The matter of an ordinary power before a joined one ("代为申请低保并作出告知承诺"): what is applied for is left out,
# so the two powers read as "代为申请并作出告知承诺".
_POWER_OBJECT = re.compile(r"((?:代为|代)(?:申请|办理|递交|提交|签收))(?:(?![不没未无非并和及]|承诺)[\u4e00-\u9fff]){1,6}?(?=并|和|及|以及)")
# Nothing else written, said last ("写了特别授权，没写别的", "…，别的都没写"): it closes the list of what the letter holds, and
# makes what was said before it all there is. Dropped only when what comes before names the scope (特别授权, 代为…承诺),
# which then decides on its own terms (a hedge, a negation, a question there is read as always); after an ordinary power
# or a bare "写了" it stays, and reads as the no it is alone (``_AUTH_ORDINARY``) or beside the yes (asked again).
_NOTHING_ELSE = re.compile(r"^(?:(?:没|没有)(?:写|提|有)(?:别的|其他的?|其它的?)(?:东西|内容|事项|权限)?"
                           r"|(?:别的|其他的?|其它的?)(?:都|啥|什么)?(?:没|没有)(?:写|提|有)(?:了)?)(?:了|啊|呀)?$")
# Contact details given beside the answer ("我电话138…有事打我"): where to reach the speaker, nothing about the document.
_CONTACT = re.compile(rf"^{_affirmation.CONTACT_DETAIL}(?:(?:有事|有问题|有什么事)?(?:可以)?(?:打我|联系我|找我|打这个)(?:电话)?)?$")


# The authorisation written or signed by the speaker, or on the principal's behalf ("我帮他写特别授权", "特别授权是我
#写的", "由我签"): the principal must grant it, so such a clause confirms nothing.
# (how the speaker did it changes nothing, "我专门写的特别授权", "特别授权是我亲手写的"; nor the northern verbs of making,
# "我整了个特别授权")
_SELF_MADE = r"(?:写|签|弄|开|填|拟|整|搞|做)"
_SELF_HOW = r"(?:自己|本人|专门|特意|特地|亲自|亲手|亲笔)*"
# (the scope line written by the speaker, "我写了代为承诺", "代为承诺是我帮他写的", is the same: the words are the
# speaker's, not the principal's grant)
_SELF_SCOPE = r"(?:特别授权|(?:代为|代|替)(?:他|她|其)?(?:作出|做出|签署)?(?:告知)?承诺)"
_SELF_WRITTEN = re.compile(
    # ("我爸给我写了特别授权": 我 after 给 is who it was written for, not who wrote it)
    rf"(?<![给帮替为让叫])(?:我|俺|由我){_SELF_HOW}(?:来)?(?:(?:帮|替|代|代表|给){_PRINCIPAL}?)?{_SELF_HOW}{_SELF_MADE}(?:了|的|好)?(?:个|一份|份)?(?:这个)?{_SELF_SCOPE}|"
    rf"(?:帮|替|代|代表|给){_PRINCIPAL}{_SELF_HOW}{_SELF_MADE}(?:了|的|好)?(?:个|一份|份)?特别授权|"
    rf"{_SELF_SCOPE}(?:是|由|都是)?(?:我|俺){_SELF_HOW}(?:(?:帮|替|代|代表|给)[\u4e00-\u9fff]{{0,3}}?)?{_SELF_HOW}{_SELF_MADE}"
)
_UNSAID_CHOICE = re.compile(r"((?:没|没有|并没|并没有|未)(?:说|写|提|讲|注明|写明|载明|说明)(?:清楚|明白)?)([\u4e00-\u9fff]{1,2})不\2")


# Who the speaker is to the principal ("有特别授权，我是他儿子"): said beside the answer, it changes nothing in it.
_SPEAKER_RELATION = re.compile(r"^(?:我是|本人是)(?:他|她|申请人|委托人|老人)?(?:的)?(?:"
                               + "|".join(_affirmation._KIN)
                               + r"|儿子|女儿|闺女|女婿|儿媳|外甥|外甥女|侄子|侄女|孙子|孙女|邻居|朋友|亲戚|代办人|代理人|受托人)$"
                               # the speaker's own post in the village or the neighbourhood ("我是村会计"): who they are, not
                               # what the letter grants
                               r"|^(?:我是|本人是)(?:村里的?|村|社区的?|居委会的?|村委会的?)(?:会计|干部|书记|支书|主任|网格员|文书|委员|工作人员|志愿者|社工)$"
                               # a company's employee sent with its letter: "我是公司行政"
                               r"|^(?:我是|本人是)(?:公司|本公司|我们公司|单位)(?:的)?(?:行政|员工|职员|经办人|财务|会计|法务|人事|办事员|业务员)$"
                               # one who works for the principal in person: "我是他司机", "我是赵总的秘书"
                               r"|^(?:我是|本人是)(?:他|她|申请人|委托人)(?:的)?(?:司机|秘书|助理|员工|下属|保姆|护工)$"
                               # a long friendship and the trust it carries ("俺跟老赵几十年老哥们了", "他信得过俺"): why
                               # the principal chose the speaker, nothing of what the letter says; nothing in it denies
                               r"|^(?:我|俺)(?:跟|和|与)(?:他|她)(?:是)?(?:几十年|多年|好多年|[一二两三四五六七八九十几]+年)?(?:的)?"
                               r"(?:老哥们儿?|老哥俩|老朋友|老邻居|老同事|老战友|老伙计|好朋友|好兄弟|兄弟|发小|朋友|邻居)(?:了)?$"
                               r"|^(?:他|她)(?:信得过|信任|相信)(?:我|俺)(?:的)?$"
                               # the relation said from the principal's side ("赵强是我师傅"): who he is to the speaker
                               r"|^(?:他|她)(?:是)(?:我|我的)(?:师傅|师父|老板|领导|上司|老师|东家|老乡|邻居|朋友|亲戚|"
                               + "|".join(_affirmation._KIN) + r")$")


# The authorisation signed by the speaker ("不过是我自己签的"): the principal must sign it, so this is no fact in its
# favour, and what it says of the scope is in doubt.
_SIGNED_BY_SPEAKER = re.compile(r"^(?:(?:授权委托书|委托书|授权书)(?:上|里)?(?:也|都)?(?:是|由))?(?:是|都是|由|全是)?(?:我|俺)(?:自己|本人|自个儿?)?(?:(?:帮|替|代)(?:他|她|我爸|我妈|老人)?)?"
                                r"(?:签|写|填|按|盖|代签)(?:的|了|字|名|上|手印|章)*$")
# The document made or filled in by the speaker: "我签的委托书…", "我在委托书里写明了…".
_WRITTEN_BY_SPEAKER = re.compile(r"^(?:是)?(?:我|俺|由我)(?:自己|本人)?(?:亲自|亲手|亲笔)?(?:签|写|填|开|弄|拟|打印)的(?=授权委托书|委托书|授权书)|"
                                 r"^(?:我|俺)(?:自己)?(?:在|往)(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?(?:写|填|加|补)")
# Rhetorical questions used as answers. "这还用问？…": emphasis, and the statement after it is the answer (the
# choice steps read it the same way).
OBVIOUS_LEAD = re.compile(r"^(?:这|那|这个|那个)?(?:还用(?:得着)?(?:问|说)(?:吗|嘛|么|啊|呀)?|用(?:得着)?(?:问|说)(?:吗|嘛|么))"
                          r"[?？!！,，。.…]*(?=[\u4e00-\u9fff])")
# "委托书上哪能没写特别授权", "写明了，谁说没写，我签的": a no asked back run into the statement or said between its
# clauses, which is asked again. Said as a clause of its own first or last, beside the answer, it is emphasis and the
# answer decides (``_DENIED_ABSENCE``); the commitment keeps its own, stricter rule ("我不是不承诺，我承诺").
_ASKED_BACK_NO = re.compile(r"(?:谁说|哪能|哪会|怎么会|怎么可能|咋会|咋可能|咋能|怎能|怎么能)(?:我|他|她|委托书|授权书)?(?:上|里)?(?:没|不|未)")
# "哪有什么特别授权", "委托书哪写了承诺", "谁说写了？": a yes asked back is its denial.
_ASKED_BACK_YES = (
    (re.compile(r"(?:哪有|哪里有|哪儿有)(?:什么|啥)?(?=[\u4e00-\u9fff])"), "没有"),
    (re.compile(r"(?:哪里|哪儿|哪)(?=写|提|说|讲|注明|载明)"), "没"),
    (re.compile(r"谁说(?=(?:委托书|授权书)?(?:上|里)?(?:写了|写明了|写着|有|写))"), "没"),
)
# "当然有，不然我怎么来办": the reason asked back, beside the answer; it says nothing of the document.
# ("写明了啊，不写明我也不敢来办": the same reason told as what the speaker would not have dared without it; only the
# speaker's own daring or coming, and only beside the answer, since alone it answers nothing)
_ASKED_BACK_REASON = re.compile(r"(?:^|,)(?:不然|要不然|要不)(?:的话)?(?:我|俺)?(?:怎么|咋|哪能|哪会|怎么会|能)[^,?]*\??(?=,|$)"
                                r"|(?:^|,)(?:不|没|没有)(?:写明|写)(?:的话)?(?:我|俺)(?:也|都|就)?(?:不敢|哪敢|怎么敢|咋敢)(?:来|过来)?"
                                r"(?:办|办理|办事|跑这一趟)?(?:啊|呀|呢)?(?=,|$)"
                                # ("…。我爸说了，这句要是不写他还不放心让我办呢": the principal's own reason for the line,
                                # reported: without it he would not have trusted the speaker with the errand. Its 要是 is
                                # that counterfactual, no condition on the answer; only after the answer, never alone)
                                rf"|(?:^|[,。])(?:(?:他|她|申请人|委托人|{'|'.join(_affirmation._KIN)}|我(?:{'|'.join(_affirmation._KIN)}))"
                                r"(?:说了|说过|讲了|说)[,:]?)?(?:这句|这条|这个|这一条)?(?:要是|如果)?(?:不|没|没有)(?:写明|写)(?:的话)?(?:他|她)"
                                r"(?:还|也|都|就)?(?:不放心|不敢|不会|不肯|不同意)(?:让|叫)?(?:我)?(?:来)?(?:办|办理|办事|来办)?(?:呢|啊|呀)?(?=[,。]|$)")


# The document by another name (公证书, 委托函, 委托协议) or pointed at ("那张授权委托书", "我手里这份委托书", "公司授权书"): the
# same document; the wording after it is what counts.
_DOCUMENT_NAMED = re.compile(r"(公证委托书|公证授权书|公证书|委托函|授权函|(?:授权)?委托协议(?:书)?)|(?:(?:我|他)?(?:手里|手上)的?)?(?:这份|那份|这张|那张)(?=授权委托书|委托书|授权书)"
                             r"|(?:本人|我|俺)(?:持有的|手里的|手上的|这份|这张|这|那份|那张|那)(?=授权委托书|委托书|授权书)"
                             # Cantonese "份委托书": the classifier alone is 这份
                             r"|(?<![\u4e00-\u9fff])份(?=授权委托书|委托书|授权书)"
                             r"|(?<![\u4e00-\u9fff])(?:我司|本公司|我公司|我们公司|公司|单位|企业)(?:的|出具的|开的)?(?=授权委托书|委托书|授权书)")


def _beside_denied_absence(prepared: str) -> Optional[str]:
    """The answer said beside a denial that anything is missing (``_DENIED_ABSENCE``) as the first or the last clause:
    "哪能没写？写明了特别授权" → "写明了特别授权", "写明了特别授权，又不是没写" → "写明了特别授权"; "" when the denial is
    said alone, None when there is none. The answer keeps its own marks (a "?", an emoji); a "?" may only end a no
    asked back ("哪能没写？")."""
    clauses = [c for c in _affirmation._flat(prepared).split(",") if c]
    if not clauses:
        return None
    if len(clauses) == 1:
        return "" if _DENIED_ABSENCE.match(clauses[0]) else None
    head = re.match(r"^\s*([\u4e00-\u9fff]+)\s*([,.!?…;:、~\s]+)", prepared)
    if head and _DENIED_ABSENCE.match(head.group(1)) and head.group(1) == clauses[0] \
            and ("?" not in head.group(2) or re.search(_ASKED_BACK_LEAD, head.group(1))):
        return re.sub(r"^是(?=[\u4e00-\u9fff])", "", prepared[head.end():])
    tail = re.search(r"[,.!…;:、~\s]+([\u4e00-\u9fff]+)[\s.!?…~]*$", prepared)
    if tail and _DENIED_ABSENCE.match(tail.group(1)) and tail.group(1) == clauses[-1] and not _DENIED_ABSENCE.match(clauses[0]):
        return prepared[:tail.start()]
    return None


def _auth_unasked(prepared: str) -> str:
    """The answer with its rhetorical questions turned into the statements they make."""
    lead = OBVIOUS_LEAD.match(prepared)
    if lead:
        prepared = prepared[lead.end():]
    for pattern, statement in _ASKED_BACK_YES:
        found = pattern.search(prepared)
        # only beside a statement ("哪有什么特别授权，就是普通委托"); alone it may be a real question
        if found and re.search(r"[?,.!…].*[\u4e00-\u9fff]", prepared[found.end():]):
            prepared = pattern.sub(statement, prepared, count=1)
            # the "?" that ended the question asked back is now a clause boundary
            prepared = re.sub(r"^([^?]*?)\?(?=.)", r"\1,", prepared, count=1)
            break
    reason = _ASKED_BACK_REASON.search(prepared)
    if reason and prepared[: reason.start()].strip(","):
        prepared = prepared[: reason.start()] + prepared[reason.end():]
    return prepared


# The document named by who issued it ("我舅舅给我出的委托书", "我妈签的委托书里写了"): it is the document all the same.
# (relations the commitment reader has no need of: "我小舅子给我的委托书", "干爹给我写的委托书")
_MORE_KIN = ("小舅子", "大舅子", "干爹", "干妈", "干爸", "表哥", "表姐", "堂哥", "堂姐", "外甥", "侄子", "女婿", "儿媳")
_KIN_WORDS = "|".join(_affirmation._KIN + _MORE_KIN)
_ISSUED_BY = re.compile(rf"^(?:这是)?(?:他|她|申请人|委托人|{'|'.join(_affirmation._KIN + _MORE_KIN)}|我(?:{'|'.join(_affirmation._KIN + _MORE_KIN)}))"
                        r"(?:(?:给我|给俺|帮我)?(?:亲自|亲手|亲笔|专门)?(?:出|写|签|开|出具|弄|办)|给我|给俺)的(?=授权委托书|委托书|授权书)")
# Signed by the principal, before a witness: "是我爸当着社区工作人员的面签的", "他亲笔签的".
# ("但确实是他亲笔签的": the signature affirmed; "我爸在上面按了手印", "我爸在手机上签的": where he signed, on the letter
# or on the screen of an electronic one. Only the principal, by pronoun or relation, signing: the speaker or anyone
# else signing is read elsewhere and asked again.)
# ("下面是赵强签的名": where on the page the signature stands, before the one who signed; "我舅签的字还按了手印": signed,
# and the thumb print or the seal added to it)
_PRINCIPAL_SIGNED = re.compile(rf"^(?:下面|底下|下边|末尾|最后|落款处?)?(?:(?:授权委托书|委托书|授权书)(?=是|都是|由))?(?:确实|的确|真的)?(?:是|都是|由)?(?:他|她|申请人|委托人|{'|'.join(_affirmation._KIN)}|我(?:{'|'.join(_affirmation._KIN)}))"
                               r"(?:当着[\u4e00-\u9fff]{1,10}?的?面|当面|专门|亲自|亲手|亲笔|自己|"
                               r"在(?:上面|上头|委托书上|授权书上|手机上|电脑上|平板上|网上|小程序上|小程序里)|"
                               # ("我妈在社区签的字": where he signed, before the office that witnessed it)
                               r"在(?:社区|居委会|村委会|村里|街道|街道办|公证处|派出所|医院|病房|家里)(?:里|那儿)?)*"
                               r"(?:签|写|按|盖)(?:了|的|过)*(?:字|名|手印|章)?(?:的)?(?:,?(?:还|也|并|又)(?:按|盖)(?:了|过)?(?:手印|手指印|章|公章)(?:的)?)?$")


# Who signed, sealed or thumb-printed the document, when the answer says so ("委托书是王五签的"): the principal grants
# the authorisation, so only the principal (by name, pronoun, relation or role) signing it is a fact in its favour.
_SIGNER = re.compile(r"^(?:委托书|授权书|原件)?(?:上面|上|末尾|最后|下面|底下|下边|落款处?)?(?:还|也|都)?(?:有)?(?:是|由|都是)?"
                     r"(?P<who>(?:(?![不没未无别非])[\u4e00-\u9fff]){1,4}?)的?(?:亲笔|亲手|本人)?(?:签|盖|按)")
# ("我们老板签字按了手印的": the speaker's boss or company, who sent the speaker, is the principal's side)
_PRINCIPAL_SIGNER = re.compile(rf"^(?:{_PRINCIPAL}|授权人|老人|(?:我们|咱们|我们的)?(?:公司|单位|企业|老板|法人))$")


# The paper in hand, or a photo of it offered ("我拿着纸呢", "我拍照给你看"): no word of its scope.
# ("我手里就拿着委托书呢", "我现在就拿着呢": the letter itself in the speaker's hand, 就 stressing it; a copy, "复印件", or
# someone else holding it is not this)
_HELD_OR_SHOWN = re.compile(r"^(?:我|俺)?(?:现在)?(?:手里|手上)?(?:就|正)?(?:拿着|带着)(?:纸|那张纸|纸质的|原件|委托书|授权书|授权委托书)?(?:原件)?"
                            r"(?:呢|了|的)?$"
                            # ("委托书我手上拿着呢": the letter named first, then the speaker holding it)
                            r"|^(?:授权委托书|委托书|授权书|原件)(?:我|俺)(?:现在)?(?:手里|手上)?(?:就|正)?(?:随身)?(?:拿着|带着)(?:呢|了|的)?$"
                            # ("要的话可以拍照": the photo offered should the office want it; the 要的话 is the office's wish)
                            r"|^(?:你们|您)?(?:要|需要)(?:看)?的话(?:我)?(?:可以|马上)?(?:拍照|拍个照|拍照片)(?:发)?(?:给)?(?:你|您|你们)?(?:看)?$"
                            # ("不信我拍照给你看": the same offer, to one who might doubt it)
                            r"|^(?:不信(?:的话)?|要不)(?:我)?(?:可以)?(?:拍照|拍个照|拍照片)(?:发)?(?:给)?(?:你|您|你们)(?:看)?(?:看|一下)?$"
                            r"|^(?:我|俺)?(?:可以|马上|等下|现在)?(?:拍照|拍个照|拍照片|拍给你)(?:发)?(?:给)?(?:你|您|你们)?看(?:看|一下)?$"
                            # ("可以拍照给你": the photo offered, 看 unsaid; "委托书我打印出来带着呢": an electronic letter
                            # printed, and the print in hand)
                            r"|^(?:我)?(?:可以|马上|等下|现在)?(?:拍照|拍个照|拍照片)(?:发)?给(?:你|您|你们)$"
                            r"|^(?:授权委托书|委托书|授权书)(?:我)(?:已经)?(?:打印出来|打出来)(?:了)?(?:带着|拿着)(?:呢|了|的)?$"
                            # ("我拍了照可以发你": the photo already taken, offered; the letter it shows is the one spoken of)
                            r"|^(?:我|俺)?(?:已经|都)?(?:拍了|拍好了)(?:照|照片|张照片|张照)(?:了)?(?:(?:可以|能|马上|等下|现在)?(?:发|发给|传给)(?:你|您|你们)(?:看)?(?:看|一下)?)?$"
                            # (the offer said after a pause: "…拍了照片，可以发给您")
                            r"|^(?:照片)?(?:可以|能|马上|等下|现在)(?:发|发给|传给)(?:你|您|你们)(?:看)?(?:看|一下)?$")


def _signed_by_someone_else(clause: str, principal_name: str) -> bool:
    # ("老赵签的字": the principal by 老 and his surname, as everywhere else)
    clause = _principal_as_he(clause, principal_name)
    found = _SIGNER.match(clause)
    # adverbs ("还按了手印") and places ("在社区盖过章") before the verb name no signer
    who = re.sub(r"^(?:还|也|都|已经|已|又|刚刚|刚)+", "", found.group("who")) if found else ""
    # ("赵强还按了手印": the same adverbs after the signer's name)
    who = re.sub(r"(?<=.)(?:还|也|都|已经|已|又|亲自|自己)+$", "", who)
    # ("委托书是上个月签的", "他前两天签的": when it was signed names no signer)
    when = r"(?:上个?月|上周|上星期|上礼拜|前几天|前两天|前些天|昨天|前天|今天|今早|昨晚|去年|今年|年初|月初|这个月|本月|这周|本周|那天|当天)"
    who = re.sub(rf"^{when}|(?<=.){when}$", "", who)
    # ("签了名按了手印": the acts one after the other with no signer named, as "签了字" alone)
    if not who or re.match(r"(?:在|去|到|当着)", who) or who in ("授权委托书", "委托书", "授权书", "原件") \
            or re.fullmatch(r"(?:签了?(?:字|名)|盖了?(?:公)?章|按了?手印)+", who):
        return False
    # ("村委会给盖的章": an office's stamp certifies the letter and signs in no one's place; an office signing or
    # thumb-printing it would be, and is not taken so)
    if re.fullmatch(r"(?:社区|居委会|村委会|村委|村里|街道|街道办|公证处|派出所)(?:给|帮)?", who) and "盖" in clause \
            and not re.search(r"签|按", clause):
        return False
    return who != principal_name and not _PRINCIPAL_SIGNER.match(who)


# --- clauses said beside a plain answer that leave it as it is ----------------------------------------------
# Each is a whole clause, with no negation, hedge or condition of its own (those are read elsewhere and ask again).

# The principal, by pronoun or relation (not 本人 or 其: said alone, 本人 is the speaker).
_PRINCIPAL_SUBJECT = (r"(?:他|她|申请人|委托人|老人家|老人|老爷子|老太太|"
                      + "|".join(_affirmation._KIN + _MORE_KIN) + "|我(?:" + "|".join(_affirmation._KIN + _MORE_KIN) + "))")
# Why the principal has not come in person ("我爸腿脚不好来不了", "他不识字", "老人住院了"): the principal's health, age
# or whereabouts, which say nothing of the document. Only said of the principal: of the speaker, "不识字" would put in
# doubt how the speaker read the document at all.
_ABSENCE_REASON = re.compile(
    rf"^(?:因为|主要是|就是)?{_PRINCIPAL_SUBJECT}(?:他|她)?(?:现在|最近|已经|都|也|本身)?"
    r"(?:年纪大了|岁数大了|年纪大|年纪太大了?|[七八九]十多(?:岁)?了|[0-9一二三四五六七八九十]{2,4}(?:多)?岁了|"
    r"腿脚不好|腿脚不便|腿脚不方便|腿不好|身体不好|身体不舒服|行动不便|生病了|病了|住院了|在住院|在医院|卧床(?:不起)?|"
    # ("他腰伤了来不了": an injury)
    r"(?:腰|腿|脚|胳膊|手)(?:伤了|扭了|受伤了|摔伤了|骨折了)|摔伤了|骨折了|受伤了|做手术了|动手术了|动了手术|"
    r"瘫痪(?:在床)?(?:了)?|在外地(?:打工|上班)?|在外面打工|出差了|在出差|在上班|上班走不开|走不开|走不动(?:路)?(?:了)?|"
    r"不识字|不认字|不会写字|眼睛不好|眼神不好|耳朵背|耳背|来不了|过不来|回不来|不方便(?:过)?来|没法来|没办法来|不能来|来不成|"
    r"出不了门|出不去门|出不了远门|下不了床|下不来床)"
    r"(?:了)?(?:所以)?(?:来不了|过不来|回不来|不方便(?:过)?来|没法来|没办法来|不能来|来不成|出不了门|出不去门)?(?:了|呢|啊)?$"
)
# Other particulars written in the document ("赵强身份证号码也写在上面了"): who the parties are, not what is granted.
_PARTICULAR = r"(?:身份证号码|身份证号|身份证|电话号码|联系电话|电话|手机号码|手机号|联系方式|住址|地址|名字|姓名|出生日期)"
_PARTY = rf"(?:{_PRINCIPAL_SUBJECT}|我|我们|双方|受托人|代理人)"
_DOCUMENT_PARTICULARS = re.compile(
    rf"^(?:上面|委托书上|里面)?(?:还|也)?(?:写了|写着|有)?(?:{_PARTY}(?:的)?(?:和|跟|、)?)*{_PARTICULAR}"
    rf"(?:(?:和|跟|、|还有)(?:{_PARTY}的?)?{_PARTICULAR})*"
    r"(?:也|都)?(?:写在上面了|写在上面|写上了|写上去了|写着|写了|在上面|填了|填上了|都有|有)?(?:的|了|呢)?$"
)
# Facts around the document and the answer that say nothing of its scope: where it was written, who witnessed it, how
# it was written, the notary's number, "word for word", the page to turn to, small talk, a sign-off, the trips made,
# the looking done, the office's own requirement told back, and the yes typed in Latin letters beside the Chinese one.
_SIDE_FACT = re.compile(
    r"^(?:授权委托书|委托书|授权书)?(?:是)?(?:在|去|到)(?:社区|居委会|村委会|村委|村里|街道办|街道|公证处|派出所|律所|律师事务所|医院|病房|"
    r"家里|他家|老家|乡里|镇上|乡政府|镇政府|政务中心|服务中心)(?:里|那儿|那里)?(?:写|签|办|开|打印|弄|做)(?:的|了)$"
    # ("村支书见证的": a witness adds to the signature, and signs nothing in anyone's place)
    r"|^(?:是|由|有|请了?)?(?:(?![不没未无非别假])[\u4e00-\u9fff]){1,8}?(?:当面|在场)?(?:见证|作证|作的证|做的证|作见证|做见证|"
    r"作的见证|做的见证|当的见证人|当见证人)(?:的|了|过)*$"
    # ("电子的": an electronic letter, signed on a screen, is written all the same)
    r"|^(?:是)?(?:手写|打印|电脑打印|机打|电子|电子版|电子签名|电子签|书面|纸质)(?:的)?$"
    # drafted from the office's own template ("照着你们给的模板写的"): how the wording was laid out, by the office
    # asking; a template from elsewhere ("网上的模板"), or the speaker drafting it, is not this
    rf"|^(?:{_PRINCIPAL_SUBJECT})?(?:是)?(?:照着|按照|按着|照|参照|套用|用)(?:你们|您们|您|你|窗口|社区|大厅|政务中心)(?:这边|那边)?"
    r"(?:给的|发的|提供的|给我们的|给我的|的)(?:模板|模版|范本|样本|样板|格式)(?:写的|填的|打的|打印的|弄的|做的)?$"
    # ("我们是在社区照着模板写的": written at the office, on its template, by the principal or by the household with him, as
    # ``_DOCUMENT_MADE``'s 我们 remakes it; the speaker alone, "我在社区照着模板写的", is not this)
    rf"|^(?:{_PRINCIPAL_SUBJECT}|我们|我俩|我们俩|咱们|我们家)?(?:是)?在(?:社区|居委会|村委会|村委|街道办|街道|政务中心|政务服务中心|服务中心|窗口|大厅|公证处)"
    r"(?:里|那儿|那里)?(?:照着|按照|按着|照|参照|套用|用)(?:(?:那儿|那里|他们|人家)?(?:给的|发的|提供的|的))?(?:模板|模版|范本|样本|样板|格式)"
    r"(?:写|填|打印|弄|做)的$"
    # ("社区给的模板", "用的是窗口发的范本": the same template named as what the document is)
    r"|^(?:是|用的是|用的|这是)?(?:你们|您们|窗口|社区|大厅|政务中心)(?:这边|那边)?(?:给的|发的|提供的)(?:模板|模版|范本|样本|格式)"
    r"(?:(?:填|写|打印)的)?$"
    # drafted by a lawyer or a notary ("是律师帮忙拟的"): who worded it, not who grants it; whose signature it bears
    # and what it says still decide (drafted for the speaker, "律师帮我拟的", is not this)
    # (or by the village or neighbourhood committee for a principal who cannot write, "村委会帮他写的": the office
    # words it, the principal's own mark grants it; a person, "邻居帮他写的", or the speaker is not this)
    # ("上礼拜社区帮着起草的": when it was drafted, said first, changes nothing)
    r"|^(?:上礼拜|上周|上星期|上个月|前几天|前两天|前些天|昨天|前天|去年|年初)?(?:是|由|请)?(?:律师|律所|律师事务所|公证处|公证员|村委会|村委|居委会|社区|村干部|村支书)"
    r"(?:帮忙|帮着|帮他|帮她|给他|给她|替他|替她)?(?:拟|起草|草拟|拟定|写|弄)(?:的|了)+$"

    r"|^[\u4e00-\u9fff]{1,4}证字第?[0-9]+号$"
    r"|^(?:一字不差|一个字不差|一个字都不差|一字不落|原封不动|一模一样|分毫不差)(?:的|地)?$"
    r"|^(?:您|你|你们)?(?:翻到|翻开|打开|看)(?:那页|这页|那一页|这一页|背面|那里|那儿|后面)?(?:就)?(?:能|可以)?(?:看到|看见|找到)(?:了)?$"
    r"|^(?:今天|今儿|这两天)?(?:天气|天儿|天)(?:真|挺|好|太|有点|可)?(?:冷|热|好)(?:啊|呀|了|的)?$"
    r"|^(?:over|完毕|over完毕|就这样|就这些)$"
    r"|^(?:我|我们)?(?:都|已经)?(?:跑了|来了|折腾了)(?:[一两二三四五六七八九十几好]+)(?:趟|次|回)(?:了)?$"
    # ("俺这老花眼瞅了三遍": the eyes that looked and the northern 瞅, the looking told all the same)
    r"|^(?:我)?(?:这)?(?:双)?(?:老花眼|眼睛)?(?:把)?(?:授权委托书|委托书|授权书)?(?:翻|看|找|查|瞅|瞧|核对|对)了(?:[一两二三四五几好]+遍|半天|好久|个遍)"
    r"(?:授权委托书|委托书|授权书)?$"
    # the speaker's routine of checking it ("这一项我们代办公司每单都核"): a habit, every time, with no negation in it
    r"|^(?:这一?项|这一?条|这个)?(?:我们|我司|我们公司|我们代办公司|我)(?:每单|每次|每回|每份|每一单|每一份)都(?:要)?(?:核|核对|查|看|审|检查)"
    r"(?:过|一遍)?(?:的)?$"
    # the office's strictness remarked on ("你们这比银行办卡还严格啊"): of the procedure, not of the letter; nothing
    # false, flimsy or negated may sit in the comparison
    r"|^(?:你们|您们|恁)(?:这|这儿|这边|这里)?(?:的)?(?:手续|规矩|要求|流程)?(?:比(?:(?![不没未无非假])[\u4e00-\u9fff]){1,8}?)?(?:还|可|真|也太|太|够)"
    r"(?:严格|严|麻烦|复杂|较真|仔细|认真|正规|讲究)(?:了)?(?:啊|呀|呢|哈|嘞)?$"
    # ("社区说委托书必须写特别授权": what is required, not what is written; said alone it answers nothing)
    r"|^(?:社区|居委会|村委会|街道|窗口|你们|工作人员|人家|他们)(?:的人|工作人员)?(?:说|讲|要求|告诉我)(?:了)?(?:授权委托书|委托书|授权书)?"
    r"(?:上|里)?(?:必须|一定要|得|要|需要)(?:写|写明|注明|有)(?:特别授权|这个|这一条|这句话)?(?:才行)?$"
    r"|^(?:written|xiemingle|xieming|xiele)$"
)
# How the letter came about, how the speaker holds or read it, said beside the answer: each positively states a fact of
# its making or of the reading (the office that issued or registered it, the principal making it on a screen, the reading
# done word by word or together, the drafter engaged at the principal's wish, a typo in the earlier reply owned, the spot
# on the page, the principal's rare and careful signature, the fee paid). None of them says what the letter grants, so
# the answer beside it must still name the scope; none may hold a hedge or a negation other than the few set phrases
# below, each of which denies a shortcut (made up, scribbled, forged) and so speaks for the letter.
_LETTER_PROVENANCE = re.compile(
    # issued or registered at an office: "公证处出的委托书", "委托书是在咱这儿12345登记过的那份"
    # ("我们在公证处办的": the speaker and the principal together at the office, which witnessed the principal's grant)
    r"^(?:(?:授权委托书|委托书|授权书|授权)(?:是)?)?(?:我们|我俩|我们俩|他|她)?(?:在|去|到|经)?(?:咱这儿|咱们这儿|你们这儿|这边|这儿)?(?:的)?(?:12345|公证处|社区|居委会|村委会|"
    r"街道办?|政务中心|政务服务中心|服务中心|窗口|大厅|律所|律师事务所)(?:里|那儿|那里)?(?:出|出具|开|开具|办|登记|备案|备过案|留底|存档)(?:过|了)?"
    r"(?:的)?(?:那份|这份|那张)?(?:授权委托书|委托书|授权书)?$"
    # the hand it is written in, the principal's own ("字是我舅自己写的"); the speaker's hand is not this
    rf"|^(?:委托书上的|上面的|这|那)?(?:字|字迹)(?:都|全)?(?:是)?{_PRINCIPAL_SUBJECT}(?:自己|亲自|亲手|亲笔)+写的$"
    # made by the principal on a screen: "授权是我爸在这个小程序上弄的"
    rf"|^(?:(?:授权委托书|委托书|授权书|授权)(?:是)?)?{_PRINCIPAL_SUBJECT}(?:自己|亲自|亲手)?(?:在|用)(?:这个|那个)?"
    r"(?:小程序|微信小程序|app|手机|电脑|网上|政务服务网|平台)(?:上|里)?(?:弄|办|开|签|填|做|申请|授权)(?:了|的)+$"
    # the reading done, and how: "我一个字一个字看的", "昨晚我们俩一起核对过", "我在手机上看的授权内容",
    # "授权编号对应的内容我在屏幕上看过了" (no 没/不 can sit in it: "没看" is read elsewhere)
    # ("对的", "对了" alone are the ack and the filler, not this)
    r"|^(?!对(?:的|了)$)(?:(?:授权|委托)?(?:编号)?(?:对应的)?(?:授权内容|委托内容|内容|授权委托书|委托书|授权书))?(?:昨晚|昨天|今天|今早|早上|刚才|刚刚|刚|出门前|来之前)?"
    rf"(?:我|我们|我们俩|我俩|我和{_PRINCIPAL_SUBJECT}|我跟{_PRINCIPAL_SUBJECT})?(?:昨晚|昨天|今天|刚才|刚刚|刚)?(?:拿出来|翻出来|找出来)?(?:又|都|也)?(?:一起|一块儿?)?"
    r"(?:(?:在|用)(?:手机|电脑|屏幕|平板|小程序|app)(?:上|里)?)?"
    # ("我往下看了": read on down the page)
    r"(?:一个字一个字|一字一句|逐字逐句|逐字|一句一句|一条一条|仔仔细细|仔细|认真|往下|往后|接着|再往下)?(?:地|的)?"
    r"(?:看|读|核对|对|查|检查|确认|翻)(?:过|了|的)+(?:一遍|一下|两遍|好几遍|几遍)?(?:授权内容|委托内容|内容|授权委托书|委托书|授权书)?$"
    # drafted or added by someone engaged for it, at the principal's wish or not named: "委托书是请律师照他的意思写的",
    # "这句还是专门请律师加的", "俺专门找村委会的人帮着写的" (drafted "for me", 帮我/给我, is not this)
    r"|^(?:(?:授权委托书|委托书|授权书)(?:是)?|(?:这|那)(?:一)?(?:句|条|项)(?:话)?(?:还|也)?(?:是)?)?(?:我|我们|他|她)?(?:专门|特意|特地)?(?:请|找)(?:了)?"
    r"(?:律师|律所|公证员|公证处|村委会|村委|居委会|社区|村干部|村支书)(?:的人|的工作人员|的干部)?(?:帮忙|帮着|帮他|帮她|给他|给她|替他|替她)?"
    rf"(?:(?:照着?|按照?|按着|根据){_PRINCIPAL_SUBJECT}的?(?:意思|意愿|要求|口述))?(?:拟|起草|草拟|写|弄|加|添|补)(?:上|进去|上去)?(?:的|了)+$"
    # ("社区帮着写的委托书", "律师起草的": the office or the lawyer named as the one who drafted it, for the principal; drafted
    # "for me", 帮我/给我, or by the speaker is not this)
    r"|^(?:(?:授权委托书|委托书|授权书)(?:是)?)?(?:律师|律所|公证员|公证处|村委会|村委|居委会|社区|街道办?|村干部|村支书)(?:的人|的工作人员|的干部)?"
    r"(?:帮忙|帮着|帮他|帮她|给他|给她|替他|替她)?(?:拟|起草|草拟|写|弄)的(?:授权委托书|委托书|授权书)?$"
    # written by the principal for this errand: "他特意写的这个" (the principal named, or carried over from the clause
    # before: see ``_special_authorisation``)
    rf"|^{_PRINCIPAL_SUBJECT}(?:专门|特意|特地|亲自|亲手|亲笔)+(?:给我)?写(?:了|的)(?:这个|这份|这一?条|这句)$"
    # the earlier reply's typo owned: "刚才打成“写名了”" (the typo quoted holds no negation)
    r"|^(?:刚才|刚刚|前面|上面)?(?:我)?(?:打成|写成|打错成|误打成|输成)(?:了)?(?:(?![不没未无])[\u4e00-\u9fffa-z]){1,8}$"
    # thanks for the reminder: "谢谢提醒" (an apology is taken only with the typo it owns: see ``_special_authorisation``)
    r"|^(?:谢谢|感谢|多谢)(?:您|你)?(?:的)?(?:提醒|提示|耐心)(?:了|啊)?$"
    # the spot on the page: "就在签名上面那一行"
    r"|^(?:就)?(?:在|写在)(?:签名|签字|落款|日期|抬头|手印)(?:的)?(?:上面|下面|上方|下方|前面|后面|旁边|上边|下边)(?:那|这)?(?:一)?(?:行|句|条|栏|段)?(?:里)?$"
    # a shortcut denied: made up, scribbled, forged ("不是我瞎编的", "不是自己随便写的", "我不是瞎猜", "不是我P的"); who
    # wrote it is never denied here ("不是他写的" is not this)
    r"|^(?:这|这个|我)?(?:可)?(?:不是|并非|并不是)(?:我|自己|我自己)?(?:(?:随便|随手|瞎|乱)(?:写|弄|编|填|猜|说)|瞎编|编|瞎猜|猜|胡说|乱说|p|ps|伪造)"
    r"(?:的|出来的)?(?:啊|哈|呀)?$"
    # the principal's rare, careful signature: "我舅一辈子没签过几回字", "这回签得可认真了"
    rf"|^(?:{_PRINCIPAL_SUBJECT})?(?:一辈子|这辈子|平时|平常|从来)(?:都)?没(?:签过|写过)(?:几回|几次)(?:字|名)?$"
    rf"|^(?:{_PRINCIPAL_SUBJECT})?(?:这回|这次|那天)?(?:签|写)(?:字|名)?得(?:可|很|特别|挺|真|非常|老)?(?:认真|仔细|工整|规矩|郑重)(?:了|呢|的|着呢)?$"
    # other powers listed besides it ("另外还有代为签收"): 另外/还/也 add them to the special one; "只写了代为签收" is the
    # ordinary kind alone, and read as such
    r"|^(?:另外|此外|同时)?(?:还|也)(?:有|写了|包括)(?:代为|代)(?:签收|领取|办理|递交|提交|签字|缴费|查询|申请)(?:手续|材料|文书|证件|相关手续)?$"
    # the authorisation's own number beside the answer ("授权编号SQ2026-0088", "SQ2026-0041那份"): which letter, not what
    # it grants
    r"|^(?:授权委托书|委托书|授权书|授权)?(?:的)?(?:编号|号码|号)?(?:是|为)?sq[0-9]{4}-?[0-9]{3,5}(?:那份|这份|那张|这张)?$"
    # why the speaker came, after the principal's reason ("他腿脚不好来不了，所以我来")
    r"|^(?:所以|因此|这才|就)(?:我|才)?(?:替他|帮他|代他|替她|帮她|代她)?(?:来|过来)(?:办|了|的)?$"
    # the fee paid for it: "律师费花了两百"
    r"|^(?:律师费|公证费|手续费|打印费)(?:就|都|一共|总共)?(?:花了|用了|交了|是)[0-9一二两三四五六七八九十百千几]+(?:块钱?|元)?(?:呢|哩|了)?$"
    # the line's history: added after an earlier letter was turned back ("说实话这条款还是我们上次被窗口退回后补的"), by the
    # principal or by the household that remade the letter with him (as ``_DOCUMENT_MADE``'s 我们); added by the speaker
    # alone ("这条是我补的") or not yet added ("…还没补") is not this
    rf"|^(?:说实话|说实在的|老实说|讲真|不瞒你说)?(?:这|那)(?:一)?(?:条款|条|句话|句|项|行)(?:还|也)?(?:是)?(?:{_PRINCIPAL_SUBJECT}|我们|我们家|咱们)?"
    r"(?:上次|上回|之前|前两天|前几天)(?:(?![不没未无非别我俺])[\u4e00-\u9fff]){0,8}?(?:退回|退|打回|驳回)(?:来)?(?:了)?(?:以后|之后|后)"
    r"(?:才|又)?(?:专门|特意|特地)?(?:补|加|添|写)(?:上|进去|上去)?(?:的|了)+$"
    # the principal's insistence on the line ("俺家那口子非要写上"): whose wish it was to have it in the letter (the speaker
    # insisting, "我非要写上", is the speaker's hand, and not this)
    rf"|^(?:{_PRINCIPAL_SUBJECT}|(?:我家|我们家)?那口子)(?:非要|非得|坚持|一定要|硬要|执意)(?:要)?(?:写上|写进去|加上|写)(?:的|了)?$"
    # and why ("说怕恁这不给办"): the office's refusal the principal feared, its 不 on that imagined refusal, never on the letter
    rf"|^(?:{_PRINCIPAL_SUBJECT}|那口子)?(?:说)?(?:是)?(?:怕|担心)(?:您|你|你们|恁)(?:这|这边|这儿|这里)?(?:不给办理?|不让办|不受理|不认|不收|给退回来|退回来)(?:了)?$"
    # the letter's number said to have been given already ("授权编号前面已经给你了"): which letter, told before
    r"|^(?:授权|委托|授权委托书|委托书|授权书)?(?:的)?(?:编号|号码)(?:我)?(?:前面|刚才|刚刚|之前|早就|已经|都)*(?:给|发给|告诉|报给|发)(?:了)?(?:你|您|你们)(?:了)?$"
    # still valid ("还在有效期内", "没过期"): its 没 is on the lapse, which the clause denies; a letter said to be expired is
    # not this, and is asked again
    r"|^(?:授权委托书|委托书|授权书)?(?:现在)?(?:还|都|也)?(?:在)?有效期(?:内|以内|之内|里)(?:呢|的|哩)?$"
    r"|^(?:授权委托书|委托书|授权书)?(?:还|都|也)?(?:没|没有)(?:过期|失效)(?:呢|的|哩)?$"
    # what the errand it was written for is ("开小吃店办卫生许可用的"): the purpose, named by its own verb (开, 办, 申请),
    # with no 代/替 power, no commitment and no negation in it
    r"|^(?:这|这份|那份)?(?:授权委托书|委托书|授权书)?(?:是)?(?:为了|拿来|准备)?(?:开|办|申请|申领|领|考|续)"
    r"(?:(?![不没未无非别代替承诺授权])[\u4e00-\u9fff]){1,10}?(?:要用的|用的)$"
    # drafted at an office by someone the principal found there ("我爸在社区找人帮忙写的委托书"): by the principal's doing,
    # as the lawyer engaged above; found by the speaker ("我在社区找人…") it is not this
    rf"|^{_PRINCIPAL_SUBJECT}(?:专门|特意|特地)?(?:在|去|到)(?:社区|居委会|村委会|村委|村里|街道办?|律所|律师事务所|公证处)(?:里)?"
    r"(?:专门|特意)?(?:请|找)(?:了)?(?:人|律师|工作人员|干部|村干部)(?:帮忙|帮着|帮他|帮她|给他|给她|替他|替她)?(?:拟|起草|草拟|写|弄)的"
    r"(?:授权委托书|委托书|授权书)?$"
)
# The letter got, who made it unsaid ("整了个特别授权", northern 整 for 弄/办): what it grants must come in another clause,
# and beside ordinary powers only it is asked again, like "写明了特别授权，代为办理". With the speaker as its maker
# ("我整了个…") it is not this (see ``_SELF_WRITTEN``).
_GOT_SPECIAL = re.compile(r"^(?:也|都|已经|已)?(?:整|弄|办)了(?:个|一个|一份|份|张|一张)特别授权(?:的)?(?:委托书|授权书)?$"
                          # ("我叔专门找人写的特别授权": the principal had one drafted; what it grants, the same)
                          rf"|^{_PRINCIPAL_SUBJECT}(?:专门|特意|特地)?(?:找|请)(?:了)?人(?:帮忙|帮着|帮他|帮她)?(?:写|弄|拟|起草)的"
                          r"特别授权(?:的)?(?:委托书|授权书)?$")
# The page turned to ("翻到背面了", "翻到第二页"): where the speaker looked, which says nothing of what is there. As after
# a second look (``_LOOKED_AGAIN``), the yes beside it must name the commitment: a bare "写了" may be anything the page
# holds.
_PAGE_TURNED = re.compile(r"^(?:我)?(?:又|再)?(?:翻到(?:了)?(?:背面|反面|后面|后一页|下一页|第[0-9一二三四五]页|最后一页|那一?页)|翻过来(?:看)?)"
                          r"(?:了|看了)?$"
                          # ("是写到背面了": where on the paper the words are, which no more says what they are)
                          r"|^(?:是)?(?:写|印)(?:到|在)(?:了)?(?:背面|反面|后面|后一页|下一页|第[0-9一二三四五]页|最后一页|那一?页|附页)(?:上)?(?:了|的)?$")
# The document made, told in the story before the answer ("所以写了委托书", "我们专门重新写了一份"): by the principal, or
# by the family remaking it. (Made by the speaker alone, "我写了委托书", it is not the principal's grant: asked again.)
_DOCUMENT_MADE = re.compile(
    rf"^(?:所以|因此|于是|就|后来)(?:{_PRINCIPAL_SUBJECT})?(?:就|才|又)?(?:专门|特意|特地)?(?:给我)?(?:写|开|办|签|弄)了"
    r"(?:个|一份|份|张|一张)?(?:授权委托书|委托书|授权书)$"
    rf"|^{_PRINCIPAL_SUBJECT}(?:就|才|又)?(?:专门|特意|特地)?(?:给我)?(?:写|开|办|签)了(?:个|一份|份|张|一张)?(?:授权委托书|委托书|授权书)$"
    rf"|^(?:所以|因此|于是|就|后来)?(?:{_PRINCIPAL_SUBJECT}|我们|我们家)(?:就|才)?(?:专门|特意|特地)?(?:又|重新)(?:写|开|办|签|弄)了"
    r"(?:一份|份|一张|张|个)(?:新的)?(?:授权委托书|委托书|授权书)?$"
    # "这回让赵强重新写的": the principal asked to write it again, and who wrote it is the principal (asked of the
    # speaker, "这回让我写的", it is not)
    rf"|^(?:这回|这次|这一次)?(?:让|叫|请)?{_PRINCIPAL_SUBJECT}(?:又|重新|专门|特意|特地|亲自|亲手|亲笔)*(?:写|签|开|出具)(?:了)?"
    r"(?:一份|份|一张|张|个)?(?:新的)?(?:授权委托书|委托书|授权书)?(?:的|了)$"
    # "我爸特意让人加上的": the words added at the principal's own wish, by him or by someone he asked (a lawyer, the
    # notary); what the document says still decides. Added by the speaker ("我加上的", "我爸让我加上的") it is not this.
    rf"|^{_PRINCIPAL_SUBJECT}(?:自己|专门|特意|特地|亲自|亲手|亲笔)*(?:(?:让|叫|请|找)(?:人|律师|公证处|公证员|工作人员)(?:帮忙|帮他|帮她)?)?"
    r"(?:专门|特意|特地)?(?:加|添|补|写)(?:上|进去|上去)?(?:去)?(?:的|了)+$"
)
# Who issued the document, when that is the principal's side: the principal's company and its staff or legal
# representative ("我司出具的", "公司法务出的", "法定代表人签字并加盖公章的"). What the document says follows.
_ISSUE_ACT = (r"(?:(?:给我|给俺|帮我)?(?:亲自|亲手|亲笔|专门)?(?:签字并加盖公章|签字加盖公章|签字并盖公章|签字并盖章|签字盖章|签名盖章|"
              r"出具|开具|签发|盖章|签字|签章|签名|出|写|签|开|弄|办)|给我|给俺)的")
_COMPANY_ISSUER = (r"(?:(?:我司|本公司|我公司|我们公司|公司|我们单位|本单位|单位|企业|本企业)(?:的)?"
                   r"(?:法务部|法务|行政部|行政|人事部|人事|办公室|财务部|财务)?|(?:公司的?|我们)?(?:法定代表人|法人代表|法人|董事长|总经理|老板))")
_ISSUED_BY_COMPANY = re.compile(rf"^(?:这是)?{_COMPANY_ISSUER}{_ISSUE_ACT}(?=授权委托书|委托书|授权书)")
# The issuer named by a name ("赵强给我写的", "好味餐饮给我开的"): the principal's side only when the name is the
# principal's or a part of the company's name.
_ISSUED_BY_NAME = re.compile(rf"^(?:这是)?([\u4e00-\u9fff]{{2,12}}?){_ISSUE_ACT}(?=授权委托书|委托书|授权书)")
# The principal's name at the foot of the letter ("委托书落款赵强").
_FOOT_NAMED = re.compile(r"^(?:授权委托书|委托书|授权书)?(?:的)?(?:落款处|落款人|落款|署名|委托人一栏)(?:是|为|写的是|写着|签的是)?"
                         rf"{_PRINCIPAL_SUBJECT}?(?:的名字|的签名|签的字|签的名)?$")
# Words after the document name that introduce the words being checked ("委托书上那句“特别授权…”我核对过了"): the line
# named is said to be in the document; the check is neutral beside it.
_LINE_CHECKED = re.compile(r"(?:^|(?<=,))((?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)的?(?:那句|这句|那一句|这一句|那条|这条|那一条|这一条|"
                           r"那项|那一项)(?:话)?([^,]+?)(?<![他她们人])(?:我|本人)?(?:已经|都|刚|也)?(?<![没不未])(核对过了|核对过|核对了|看过了|确认过了|对过了|查过了|核实过了)(?=,|$)")
# "你问的那句", "您说的这几个字": the words the question quotes.
_ASKED_LINE = re.compile(r"(?:你|您)(?:问|说|提|念|讲|要)的?(?:那|这)(?:一)?(?:句话|句|条|项|几个字)(?:话)?")
# More ways of saying the document does not hold the scope: the grant kept out of it ("没写在委托书里"), the words
# looked for and not found ("没找到这句话"), a blank form left to the agent to fill ("空白委托书", "让我自己填"), the
# scope still to be added ("明天让他补写"), and a letter that only sends its bearer ("只写了前来办理…").
# The letter not yet signed by the principal ("还没签字", "他还没签", "委托书还没签名"): only the letter or the principal as
# the one who has not signed, with nothing else in the clause. The speaker's own signature ("我还没签字") may be the
# agent's line of the letter, and is not this.
_NOT_YET_SIGNED = re.compile(rf"(?:(?:授权委托书|委托书|授权书)(?:上)?)?(?:{_PRINCIPAL_SUBJECT})?(?:还|都|也)?(?:没有|没|未)"
                             r"(?:签字|签名|签|盖章|按手印)(?:呢|的)?")
# A bare "no" said on its own ("不是", "哦不是"), and a look at the letter done there and then ("我刚翻了一下", "又看了一眼"):
# see ``_special_authorisation``.
_BARE_DENIAL = re.compile(r"(?:哦|噢|啊|呃|额)?不是(?:不是)*")
_LOOK_DONE = re.compile(r"(?:我)?(?:刚|刚刚|刚才|又|再|仔细)*(?:翻|看|查|瞅|瞧|核对|对)了(?:一下|一眼|下|一遍)?(?:委托书|授权书)?")
_AUTH_NOT_THERE = re.compile(
    r"(?:没有|没|未)(?:写|写明|注明|载明|写进|写上)(?:在|到|进)(?:授权委托书|委托书|授权书|纸上|纸面上|书面上)"
    r"|(?:(?:没有|没)(?:找到|找着)|找不(?:到|着))(?:这|那)(?:一)?(?:句话|句|条|项|几个字|个)"
    r"|空白(?:的)?(?:授权委托书|委托书|授权书)|(?:授权委托书|委托书|授权书)(?:是|还是)?空白的|^(?:让|叫)(?:我|受托人)(?:自己)?(?:填|写)(?:上)?(?:吧|了)?$"
    r"|(?:明天|后天|改天|过两天|下周|下次|晚点|等会|待会|回头)(?:再)?(?:让|叫|找|请)?[\u4e00-\u9fff]{0,4}?(?:补|重新)(?:写|签|开|办|一份|个)"
    rf"|(?<!已经)(?<!已)(?:让|叫|请)(?:{_PRINCIPAL_SUBJECT})?补(?:写|签|开|办|一份)(?!了|好|过)"
    r"|(?:只|仅|就)(?:写了?|写着|写的是?)(?:前来|来)(?:办理|办)"
)
# "委托书上写的是委托办理低保": the errand entrusted, said in the document's own verb, and nothing of the commitment
_ENTRUSTED_ERRAND = re.compile(r"^委托(?:我|他|她|受托人|代理人)?(?:代为|代)?(?:办理|代办|办)(?:(?![承诺授权并和及与])[\u4e00-\u9fff]){0,6}$")
# The letter's words quoted, where 承诺 is the agent's own undertaking about the errand ("写的是“受托人承诺如实提交材料”"):
# a promise of his own conduct, not a commitment made in the principal's place, which needs 代/替 (代为作出告知承诺).
_AGENT_OWN_PROMISE = re.compile(r"^(?:受托人|代理人|被委托人)(?:本人)?(?:郑重)?(?:承诺|保证)(?!书)"
                                r"(?:如实|真实|按时|及时|遵守|所提交|所提供|提交的|提供的|妥善|不)")
# A named ordinary errand written, and the speaker's own guess that it covers the commitment ("写了代办应该就包括承诺了
# 吧"): the guess adds nothing to the document, which holds only the errand. (A general power, "全权委托，应该包括承诺吧",
# is asked again: whether it reaches the commitment is what the document's words must say.)
_POWER_TAKEN_TO_COVER = re.compile(
    r"^(?P<written>[^,]+?),?(?:我)?(?:觉得|以为|想|认为|寻思|应该|估计|可能|大概|也许)+(?:就|也)?(?:包括|包含|算是|算|含|涵盖|等于)(?:了)?"
    r"(?:代为|代他|代她)?(?:作出|做出|签署)?(?:告知)?承诺(?:了)?(?:吧|的吧)?$")


def _principal_as_he(clause: str, principal_name: str) -> str:
    """The principal named at the head of the clause by name ("赵强他腿脚不好"), by relation and name ("干爹赵强"), or
    by surname and title ("赵总") turned to 他. Only a person's name of two to four characters has a surname."""
    if not principal_name:
        return clause
    kin = "|".join(_affirmation._KIN + _MORE_KIN)
    clause = re.sub(rf"^(?:我)?(?:{kin})?{re.escape(principal_name)}(?:他|她)?", "他", clause)
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", principal_name):
        # ("我们家老赵…": 老 and his surname with the household that calls him so)
        clause = re.sub(rf"^(?:{re.escape(principal_name[0])}(?:总经理|董事长|总|老板|董|经理)|(?:我们家|我家|俺家|咱家)?老{re.escape(principal_name[0])})(?=[\u4e00-\u9fff])",
                        "他", clause)
    return clause


def _issuer_dropped(clause: str, principal_name: str) -> str:
    """The clause without its lead naming the principal's side as the document's issuer."""
    he = _principal_as_he(clause, principal_name)
    if he != clause and _ISSUED_BY.match(he) and _ISSUED_BY.sub("", he):
        return _ISSUED_BY.sub("", he)  # "干爹赵强给我写的委托书", "赵总签的委托书": the principal named
    clause = _ISSUED_BY_COMPANY.sub("", clause) or clause
    named = _ISSUED_BY_NAME.match(clause)
    if named and principal_name and named.group(1) in principal_name and named.group(1) not in ("公司", "有限公司"):
        clause = clause[named.end():] or clause  # "好味餐饮给我开的委托书…": a part of the company's own name
    return clause


# "委托书第二条就是": the clause of the letter the words just said stand in, pointed at; where, which changes nothing
_CLAUSE_POINTED = re.compile(r"^(?:就)?(?:在|写在)?(?:授权委托书|委托书|授权书)?(?:的|上|里)?第[0-9一二三四五六七八九十]{1,3}(?:条|项|款|行|页|段)"
                             r"(?:就是|就有|就写着|里|上)?(?:的)?$")


# The errand the speaker runs for the principal ("帮赵强大爷跑补贴", "我是来帮他办低保的"): why the speaker is here, told
# beside the answer; the matter named has no power, commitment, grant or negation in it, and 只/就 cannot lead it (an
# errand said to be all the letter allows is read as such).
_ERRAND_FOR_HIM = re.compile(r"^(?:我)?(?:是)?(?:来)?(?:帮|替|给)(?:他|她)(?:来)?(?:跑|办|申请|申领|领)"
                             r"(?:(?![不没未无非别代替承诺授权])[\u4e00-\u9fff]){1,6}?(?:的)?$")


def _side_clause(clause: str, principal_name: str) -> bool:
    """Is this clause one of those said beside the answer that leave it as it is?"""
    clause = _principal_as_he(clause, principal_name)
    # "另外我手机号…", "对了，…": contact details added as an afterthought
    contact = re.sub(r"^(?:另外|还有|对了|顺便说一下|顺便)(?=我|本人|电话|手机|身份证|联系)", "", clause)
    foot = clause.replace(principal_name, "他") if principal_name else clause
    return bool(_ABSENCE_REASON.match(clause) or _DOCUMENT_PARTICULARS.match(clause) or _SIDE_FACT.match(clause)
                or _CIRCUMSTANCE_REMARK.fullmatch(clause) or _PAGE_TURNED.match(clause)
                or _DOCUMENT_MADE.match(clause) or _DOCUMENT_MADE.match(foot) or _FOOT_NAMED.match(foot)
                or _CONTACT.match(contact) or _GOT_SPECIAL.match(clause) or _LETTER_PROVENANCE.match(clause)
                or _ERRAND_FOR_HIM.match(foot))


def _according_to_the_letter(clause: str, principal_name: str) -> bool:
    """Is the clause the lead "根据…委托书" (see ``_ACCORDING_TO``) of the principal's own document?"""
    found = _ACCORDING_TO.match(clause)
    if not found:
        return False
    who = found.group("who")
    return not who or who in ("他", "她", "委托人", "申请人", "双方") or bool(principal_name and who == principal_name)



# A clause whose grant is not the principal's to the speaker, whatever words of the scope it holds; the special
# authorisation must come from the applicant and reach the one who answers (the agent), and be in force now:
# - granted by a relative of the principal, not the principal ("赵强老婆特别授权", "有他儿子的特别授权", "赵强他爸的特别
#   授权"); the principal's kin is someone else (the speaker's own 我爸, often the principal himself, is not this, nor
#   "我是他儿子", the speaker's relation)
# - granted to someone other than the speaker ("特别授权给他弟弟", "授权给赵强老婆", "特别授权赵强"), or held by a relative
#   of the speaker ("我爸有特别授权")
# - granted by the speaker, or written by the speaker or by the agent named ("我特别授权赵强", "我给他写明了特别授权",
#   "我在上面写明了特别授权", "赵强由我特别授权", "刘洋写明了特别授权"): only the principal can grant it
# - only possible, not written ("可以写明特别授权", "他能给我特别授权", "特别授权可以写", "写明特别授权也可以")
_GRANT_KIN = tuple(k for k in _affirmation._KIN + _MORE_KIN if k not in ("老人", "老人家", "老爷子", "老太太"))
_SPEAKER_GRANTS = re.compile(
    r"^(?:我|俺)(?:已经|已|也|都|亲自|专门|自己|就)*(?:特别)?授权(?!书|委托书)"
    r"|^(?:我|俺)(?:已经|已|也|都|亲自|专门|自己|就)*给(?![你您])[^,]{1,6}?(?:写明了|写明|写了|写|开了|开|出具了|出具)?(?:特别)?授权(?!书|委托书)"
    r"|^(?:我|俺)(?:已经|已|也|都|亲自|专门|自己|就)*(?:在(?:上面|里面|上|里|(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?))?"
    r"(?:写明了|写明|写了|写着|注明了|注明)(?:特别)?授权"
    r"|(?:由|是)(?:我|俺)(?:亲自|专门)?(?:特别)?授权(?!书|委托书)")
_ONLY_POSSIBLE = re.compile(r"(?:可以|能够|能|可)(?:有|给|在[^,]{0,6}?写|写|特别授权)|特别授权(?:也|都)?(?:可以|能够|能|可)(?:写|有|给)"
                            r"|(?:也|都)(?:可以|能|行)(?:的|啊)?$")


def _not_this_grant(clause: str, principal_name: str, agents: list) -> bool:
    """Does the clause tell a grant by someone other than the principal, to someone other than the speaker, or only a
    possible one (see ``_GRANT_KIN``)?"""
    # (a person's 老板 is someone else too; a company's boss may be its legal representative, who grants for it)
    company = bool(re.search(r"公司|企业|厂|店|中心", principal_name or ""))
    kin_words = "|".join(sorted(_GRANT_KIN + (() if company else ("老板",)), key=len, reverse=True))
    principal = "|".join(["他", "她", "申请人", "委托人"] + ([re.escape(principal_name)] if principal_name else []))
    if re.search(rf"(?<![是我俺])(?:{principal})(?:的)?(?:他|她)?(?:的)?(?:{kin_words})", clause):
        return True
    grantee = rf"(?:{principal}|(?:我|俺)(?:的|家)?(?:{kin_words}))"
    if re.search(rf"授权(?:给|了)*{grantee}", clause) or re.search(rf"授权(?:给|了)*(?:{kin_words})", clause):
        return True
    if re.search(rf"^(?:我|俺)(?:的|家)?(?:{kin_words})(?:也|都|那儿|那里|手里|手上)*有(?:特别)?授权", clause):
        return True
    if _SPEAKER_GRANTS.search(clause):
        return True
    if agents and re.search(rf"(?<![委托受理])(?:{'|'.join(map(re.escape, agents))})(?:已经|已|也|都|亲自)*(?:在[^,]{{1,5}}?)?(?:写明|写了|写着|注明)",
                            clause):
        return True
    return bool(_ONLY_POSSIBLE.search(clause))


def _auth_clause(clause: str, names: frozenset, principal_name: str = "") -> str:
    """One clause of the answer: bare_yes, bare_no, yes, no, power, ack, neutral or unknown."""
    set_against = bool(re.match(r"^(?:但是|但|不过|可是|只是说)(?=.)", clause))
    clause = re.sub(r"^(?:但是|但|不过|而且|并且|可是|只是说)", "", clause) or clause
    # a filler of speech before the words ("那个赵强签了字的"), and 还 before a further fact ("还公证过")
    if clause not in _AUTH_ACK and clause not in _AUTH_NEUTRAL:
        # ("就是说授权我代他…": 就是说, "I mean", before the words it only leads)
        clause = re.sub(r"^(?:那个|嗯|啊|呃|额|哦|噢|就是说)+(?=[^呐呢哪嗯啊])", "", clause)
    clause = re.sub(r"^(?:还|也)(?=公证|认证|盖|按|签|有|(?:去|到|在)(?:公证处|社区|居委会|村委会))", "", clause) or clause
    # ("还是公证过的": 还是, "and it is even", before the further fact; "白纸黑字我爸签了字": 白纸黑字 stresses that it is
    # written, before what is written or signed)
    clause = re.sub(r"^(?:还|也)是(?=公证|认证)|^白纸黑字(?:的|地)?(?=.)", "", clause) or clause
    if principal_name:
        # "有赵强签字和手印": the principal named where 他的 would stand
        # ("下面有赵强签名": where on the page the signature stands, the foot of the letter, changes nothing)
        clause = re.sub(rf"^((?:授权委托书|委托书|授权书)?(?:的)?(?:末尾|最后|下面|底下|下边|落款处?)?)(?:还|也)?有{re.escape(principal_name)}(?:的)?"
                        r"(?=签名|签字|手印|亲笔)", r"\1有他的", clause)
        # "委托人赵强已签字": the principal named as the document names him, then what he did (his role changes nothing)
        clause = re.sub(rf"^(?:委托人|授权人){re.escape(principal_name)}(?=.)", principal_name, clause)
        # "下面是赵强签的名": the same place, then the principal by name as the one who signed
        clause = re.sub(rf"^(?:(?:授权委托书|委托书|授权书)(?:的)?)?(?:末尾|最后|下面|底下|下边|落款处?)(?:是|有){re.escape(principal_name)}(?=(?:亲笔|亲手|本人)?(?:签|按|盖))",
                        "他", clause)
    if _HELD_OR_SHOWN.match(clause):
        return "neutral"
    # The formal register's lead-in ("兹证明委托书载明：…", "特此说明", "本受托人确认：…"): it states nothing by itself;
    # the words after it count.
    formal = re.sub(r"^(?:兹|特此)(?:证明|说明|确认|声明)?(?:如下)?", "", clause)
    if not formal or re.fullmatch(r"(?:本受托人|本代理人|本经办人|受托人|代理人|经办人|本人)(?:特此|兹)?(?:确认|声明|说明)(?:如下)?", formal):
        return "neutral"
    clause = formal
    agents = [n for n in names if n and n != principal_name]
    # "委托书上写明了特别授权我老婆代为…", "写的是授权她代为作出告知承诺", "赵强给我老婆写的委托书…": the letter names as the
    # one it authorises, or as the one it is written to, someone other than the speaker (a relative of theirs, or he or
    # she): whatever it says, it is not the speaker's authority, and the answer is no yes (a name not the agent's is read
    # below). The speaker, 受托人 or the agent's own name in that place is the speaker.
    others = rf"(?:他|她)(?:们)?|(?:我|俺)(?:的|家)?(?:{_KIN_WORDS})|(?:{_KIN_WORDS})"
    if re.search(rf"授权(?:给)?(?:{others})(?:来)?(?:代为|代他|代她|代其|代表|替他|替她|代|替)", clause) or \
            re.search(rf"给(?:{others})(?:亲自|亲手|亲笔|专门)?(?:写|开|出|签|出具|开具|弄)的(?=授权委托书|委托书|授权书)", clause):
        return "unknown"
    if re.fullmatch(rf"(?:{'|'.join(map(re.escape, agents + ['受托人', '我', '本人']))})?(?:持有?|拿着|带着)(?:授权委托书|委托书|授权书)(?:原件)?",
                    clause) or (principal_name and clause == "委托人" + principal_name) \
            or any(clause == "受托人" + a for a in agents):
        return "neutral"  # "刘洋持委托书", "委托人赵强", "受托人刘洋": the parties named as the document names them
    if agents and re.search(rf"(?:{'|'.join(map(re.escape, agents))})(?:亲自|亲手|亲笔|自己)?(?:签|写|填|开|出具|出|盖|按)(?:了|的|过|字|名|章|手印)"
                            rf"|(?:^|我|本人|委托人|授权人)(?:{'|'.join(map(re.escape, agents))})(?:特别)?(?:授权|委托)", clause):
        # "刘洋签的委托书…", "（委托书：）我刘洋特别授权…": the agent as the one who signs or grants; only the
        # principal can grant the power, so what such a document says confirms nothing
        return "unknown"
    # ("他老人家亲笔签的": 他老人家 is the principal himself, said with respect)
    kin = "|".join(k for k in _affirmation._KIN + _MORE_KIN if k not in ("老人", "老人家", "家人", "老爷子", "老太太"))
    if re.search(rf"(?<!我)(?:他|她|申请人|委托人{'|' + re.escape(principal_name) if principal_name else ''})的?(?:{kin})"
                 r"(?:亲自|亲手|亲笔|专门|自己)?(?:给我|帮他|替他)?(?:签|写|填|开|出具|出|盖|按)", clause):
        return "unknown"  # "他儿子签的委托书…", "赵强的老伴写的": a relative of the principal, not the principal, signs
    # "以委托人名义作出告知承诺": in the principal's name is in the principal's place
    clause = re.sub(rf"以(?:委托人|申请人|其|他|她{'|' + re.escape(principal_name) if principal_name else ''})(?:的)?名义(?=作出|做出|签署|签)",
                    "代为", clause)
    clause = clause.replace("签署并作出", "作出")  # "代委托人签署并作出告知承诺": the two acts of one commitment
    if principal_name and clause.startswith(principal_name) and _ISSUED_BY.match("他" + clause[len(principal_name):]):
        clause = "他" + clause[len(principal_name):]  # "赵强给我出的委托书…": the principal named
    clause = _ISSUED_BY.sub("", clause) or clause
    clause = _issuer_dropped(clause, principal_name)
    # "委托书背面手写的特别授权…": where and by hand or in print, the words are what the document says
    clause = re.sub(r"^(授权委托书|委托书|授权书)(?:的)?(?:背面|正面|末尾|最后|下面|底下)?(?:是)?(?:手写|亲笔写|打印)(?:的|着)(?=[\u4e00-\u9fff])",
                    r"\1写着", clause)
    # "这回写明了…": the document remade, read as it is now
    clause = re.sub(r"^(?:这回|这次|这一次|这下|新的这份|这份新的)(?=写|上面|委托书|授权书|有)", "", clause) or clause
    if principal_name:
        # "我是赵强的外甥": the principal named where 他 would stand
        clause = re.sub(rf"^(我是|本人是){re.escape(principal_name)}(?=的)", r"\1他", clause)
    if re.fullmatch(r"(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?(?:也|都)?有(?:的|啊|呀)?", clause):
        return "ack"  # "…，委托书上有": the words just said, found in the document
    # ("这两句委托书上都有": the lines just quoted, each found in the letter; "那句在第三条": where it stands; "就是你说的
    # 那句": the line the question quotes is the one just named)
    if re.fullmatch(r"(?:这|那)(?:一|两|几)?句(?:话)?(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:也|都|确实)?"
                    r"(?:写了|写着|有|在里面|在上面|在第[0-9一二三四五六七八九十]{1,3}(?:条|项|款|行|页|段))(?:的|啊|呀|呢)?"
                    r"|(?:就是|正是)(?:这|那)(?:一)?句(?:话)?", clause):
        # "特别授权代为作出告知承诺，这句写了": the words just quoted, said to be written; alone it points at nothing,
        # and after an ordinary power quoted it is that power found
        return "ack"
    # "他在委托书里写明了…", "原文是…": the document and its wording introduced; the words that follow count
    if principal_name and re.match(rf"{re.escape(principal_name)}(?:在|的)(?=授权委托书|委托书|授权书)", clause):
        clause = "他" + clause[len(principal_name):]  # "赵强在委托书里写了": the principal named
    clause = re.sub(r"^(?:他|她|我爸|我妈|申请人|委托人)(?:在|的)(?=授权委托书|委托书|授权书)", "", clause) or clause
    # ("俺爹那份委托书上写着哩", "老爷子的委托书写明白了": whose letter it is, the principal's by relation, 的 said or not;
    # the letter is the same, and its words decide)
    clause = re.sub(rf"^{_PRINCIPAL_SUBJECT}(?:的)?(?=授权委托书|委托书|授权书)", "", clause) or clause
    if principal_name:
        # ("老赵的委托书写明了", "赵强的委托书…": the principal by name, or by surname with the familiar 老, as whose it is)
        clause = re.sub(rf"^(?:{re.escape(principal_name)}|老{re.escape(principal_name[0])})(?:的)?(?=授权委托书|委托书|授权书)", "",
                        clause) or clause
    # ("本人所持授权委托书已明确载明…", "我手里的委托书写明了…": the letter the speaker holds, the one asked about; holding it
    # is no hand in its words)
    clause = re.sub(r"^(?:本人|我|受托人)(?:所持有|所持|持有|手里|手上|手头|拿着)的?(?=授权委托书|委托书|授权书)", "", clause) or clause
    # ("(我爸在)委托书上特意写了…": how the principal took care to write it, once he is set aside as the writer; said with
    # the speaker before the letter, "我在委托书上特意写了", it is left as it stands)
    clause = re.sub(r"^((?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)(?:专门|特意|特地|亲自|亲手|亲笔)+(?=写)", r"\1", clause)
    # ("代领补贴的委托书里写明了特别授权…": the letter named by the errand it is also for. Only when the scope itself is
    # named after it: a letter for collecting or applying said only to be "written" may hold just that errand)
    errand_letter = re.match(r"^(?:代为|代|帮他|替他)?(?:领取|代领|领|办理|办|申请|递交|提交)(?:(?![不没未无非承诺授权并和及])[\u4e00-\u9fff]){1,6}?"
                             r"的(?=授权委托书|委托书|授权书)", clause)
    if errand_letter and _AUTH_SCOPE.search(clause[errand_letter.end():]):
        clause = clause[errand_letter.end():]
    clause = re.sub(r"^(?:(?:授权委托书|委托书|授权书)(?:上|里)?的?)?(?:原话|原文)(?:是|为|写的是)?(?=.)", "", clause) or clause
    # "写了让我替他…", "写着同意由受托人代为…": the grant's wording, whose 同意 is the principal's, in the document
    # (the agent named where 我 would stand: "写着叫刘洋代他作告知承诺")
    grantees = "|".join(["我", "受托人"] + [re.escape(a) for a in agents])
    clause = re.sub(rf"(写明了|写明|写着|写了)(?:同意)?(?:让|叫|由)(?:{grantees})(?=代|替)", r"\1", clause)
    clause = re.sub(r"(写明了|写明|写着|写了)同意(?=受托人|我)", r"\1", clause)
    # "特别授权让我替他承诺": the special authorisation and what it lets the speaker do, the grant's own wording (who
    # wrote it is read as for "特别授权" alone: the speaker writing it is still asked again)
    clause = re.sub(r"特别授权(?:让|叫|由)(?:我|受托人)(?=代|替)", "特别授权", clause)
    # "委托书里说的是我可以…", "委托书的意思就是让我代他…": the document's wording told in one's own words
    clause = re.sub(r"^((?:授权委托书|委托书|授权书)(?:上|里)?)的?(?:意思|说的)(?:就)?是(?:让|叫)?(?:我|受托人)?(?=可以|能|代|替)",
                    r"\1写明了", clause)
    if _PRINCIPAL_SIGNED.match(clause) and not _SIGNED_BY_SPEAKER.match(clause):
        return "neutral"
    clause = re.sub(r"^(?:嗯呐|嗯呢|嗯嗯|嗯|恩|对对|对的|对|是的|是|我确认|确认)+(?=写|有|委托|授权)", "", clause)  # "嗯写明了特别授权"
    clause = re.sub(r"^(.{2,4}?)\1+$", r"\1", clause)  # "写了写了": one answer said twice
    clause = re.sub(r"^([有对嗯])\1{1,3}$", r"\1", clause)  # "有有有": one word said over
    if _CLAUSE_POINTED.match(clause):
        return "neutral"
    clause = _SECTION_REF.sub("", clause)  # where the words stand does not change them
    # "委托书第4项为代为作出告知承诺": the formal 为 ("reads") between the document (or its item) and its words
    clause = re.sub(r"^((?:授权委托书|委托书|授权书)(?:上|里)?)(?:的)?为(?=代为|代他|代她|代其|特别授权)", r"\1写着", clause)
    # "这份没写": the document pointed at, then a no (a yes keeps its own wording); "今年这张没写": told apart from
    # another by when it was made, or as the new one
    clause = re.sub(r"^(?:(?:今年|这回|这次|现在|新)的?)?(?:这份|那份|这个|这张|该)(?:委托书|授权书|授权委托书)?(?:上|里)?(?=[没未不无])", "",
                    clause) or clause
    if _SIGNED_BY_SPEAKER.match(clause) or _WRITTEN_BY_SPEAKER.match(clause):
        return "unknown"
    if _AUTH_DOCUMENT_FACT.match(clause) and _signed_by_someone_else(clause, principal_name):
        return "unknown"
    if not clause or clause in _AUTH_NEUTRAL or _AUTH_DOCUMENT_FACT.match(clause) or _AUTH_QUOTE_LEAD.match(clause) \
            or _REASSURANCE.fullmatch(clause) or _SPEAKER_RELATION.match(clause) or _PRINCIPAL_BEARS.match(clause) \
            or _NO_LOOKUP_NEEDED.match(clause) or _according_to_the_letter(clause, principal_name) \
            or (principal_name and _SPEAKER_RELATION.match(re.sub(
                rf"{re.escape(principal_name)}|老{re.escape(principal_name[0])}", "他", clause))) \
            or (principal_name and _PRINCIPAL_BEARS.match(clause.replace(principal_name, "他"))) \
            or (agents and _SPEAKER_RELATION.match(re.sub(rf"(?<=[\u4e00-\u9fff])(?:{'|'.join(map(re.escape, agents))})$", "", clause))) \
            or re.fullmatch(_affirmation.COURTESY, clause) or _CONTACT.match(clause) or _side_clause(clause, principal_name) \
            or re.fullmatch(_affirmation._HURRY, clause):  # "…，快点": impatience with the queue, said after the answer
        return "neutral"
    if _AUTH_TICKED.match(clause):
        return "yes"
    # ("那一行是代为领取": the line the speaker looked at, and the power it holds)
    # ("委托事项仅限于代为递交材料": 限于, "limited to"; "但授权的是代为签收": what the grant named before covers)
    document = re.match(r"^(?:(?:特别)?授权的|授权委托书|委托书|授权书|授权范围|委托事项|委托权限)?(?:上面|里面|上|里)?(?:就|只|仅)?(?:限于|限)?"
                        r"(?:写明了|写明|写了|写着|写的是|写的|还有|有)?"
                        r"(?:一条|一项|(?:那|这)(?:一)?(?:行|条|项|句))?(?:是|写的是|写着)?", clause)
    rest = clause[document.end():] if document else clause
    # (the agent named where the letter's own word for him would stand: "写的是“刘洋承诺如实…”")
    errand = re.sub("|".join(re.escape(a) for a in agents), "受托人", rest) if agents else rest
    if rest and (_AUTH_POWER.match(rest) or _ENTRUSTED_ERRAND.match(rest)):
        # "委托书上就写了代为办理相关手续": 就/只/仅/限于 makes the list exhaustive; so does 但 set before what the grant
        # named before it covers ("有特别授权，但授权的是代为签收"), which restricts it to that.
        exhaustive = re.search(r"就|只|仅|限", document.group(0)) or (set_against and document.group(0).startswith(("授权的", "特别授权的")))
        return "no" if exhaustive else "power"
    if rest and re.search(r"写|原话|原文", document.group(0)) and _AGENT_OWN_PROMISE.match(errand):
        return "no"  # "写的是“受托人承诺如实提交材料”": see ``_AGENT_OWN_PROMISE``
    if _AUTH_DOCUMENT_YES.match(clause):
        return "yes"
    if _AUTH_BARE_YES.match(clause):
        return "bare_yes"
    if _AUTH_BARE_NO.match(clause):
        return "bare_no"
    if _ANY_ERRAND.fullmatch(clause):
        return "power"  # "什么都能办": a general power, which names no commitment
    if "全权" in clause and not _AUTH_SCOPE.search(clause) and not re.search(r"不|没|未|无|非", clause):
        # "全权委托", "写的是全权代理": a general power names no commitment; it is ordinary unless a clause of the
        # same answer names the commitment ("全权委托，包括代为作出告知承诺").
        return "power"
    if _NOT_ORDINARY.fullmatch(clause) and "口头" in clause:
        return "unknown"  # "不是口头说说的": the oral word denied, which is no no (and, alone, no yes either)
    if _AUTH_ORDINARY.search(clause) or _AUTH_NEGATED_SCOPE.search(clause) or _AUTH_NOT_THERE.search(clause) \
            or _PRINCIPAL_COMMITS.search(clause.replace(principal_name, "他") if principal_name else clause):
        return "no"
    if clause in _AUTH_ACK or re.sub(r"(?<=.)[嘞咧哈]$", "", clause) in _AUTH_ACK:  # "有嘞": the Henan particle
        return "ack"
    if re.search(r"不|没|未|无|非", clause):
        return "unknown"
    if _SELF_WRITTEN.search(clause):
        return "unknown"
    if _not_this_grant(clause, principal_name, agents):
        return "unknown"  # another's grant, or to another, or only possible: see ``_not_this_grant``
    # "代表赵强承诺": the applicant (the principal) named stands where 他 would
    principal = _POWER_OBJECT.sub(r"\1", clause.replace(principal_name, "他") if principal_name else clause)
    if _AUTH_SCOPE.search(principal) and _affirmation._segments(_POWER_OBJECT.sub(r"\1", clause), _AUTH_TOKENS | names):
        return "yes"
    return "unknown"


def _echo_of_the_question(prepared: str, names: frozenset) -> Optional[list]:
    """The clauses after the user's echo of the question ("写明了特别授权？…", "没写？…"), or None when there is
    no echo. An echo is a clause that ends in "?", asks nothing else (no question word) and is made of the
    document's own words; something must follow it."""
    if "?" not in prepared:
        return None
    parts = prepared.split("?")
    head, tail = parts[0], "?".join(parts[1:])
    head_flat = _affirmation._flat(head).split(",")[-1] if _affirmation._flat(head) else ""
    if len(parts) != 2 or not head_flat or not _affirmation._flat(tail):
        return None
    if _affirmation._QUESTION_WORDS.search(head_flat) or _affirmation._flat(head) != head_flat:
        return None
    if not _affirmation._segments(head_flat, _AUTH_TOKENS | names | {"没写", "没有", "没", "写明了特别授权"}):
        return None
    return [c for c in _affirmation._flat(tail).split(",") if c]


# The question echoed in its either-or form ("写没写？", "有没有写明？", "写明没写明？"): it names neither answer, so what
# follows it is the whole answer (an echo of one side, "写明了特别授权？", may doubt that side: see below).
_SELF_ASKED = re.compile(r"^(?:委托书上?|上面)?(?:(写明|写|有)(?:没|没有)\1|有没有(?:写明|写)|写没写明)(?:特别授权|这一?条|这句话?)?$")
# A no echoed to oneself ("没写？", "没有？"): the 不是 after it denies the no.
_ECHOED_NO = re.compile(r"^(?:委托书上?)?(?:没写|没有写|没写明|没有|没)$")
_JOKE_CLAUSE = re.compile(r"^(?:哈哈|呵呵|嘿嘿)*(?:开玩笑|开个玩笑|逗你|逗你玩|骗你|闹着玩)(?:的|呢|啦|哈|了)*$")


def _taken_back_as_joke(flat: str, names: frozenset, principal_name: str) -> Optional[Reading]:
    """"写了代为作出告知承诺，开玩笑的，啥都没写": the yes called a joke and a plain no after it. The no is what is
    meant, and a no is the safe side; any other joke is asked again."""
    clauses = [c for c in flat.split(",") if c]
    marks = [i for i, c in enumerate(clauses) if _JOKE_CLAUSE.match(c)]
    if not marks or marks[-1] == len(clauses) - 1:
        return None
    after = [_auth_clause(c, names, principal_name) for c in clauses[marks[-1] + 1:]]
    if any(k in ("no", "bare_no") for k in after) and all(k in ("no", "bare_no", "neutral", "power") for k in after):
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    return None


def _key(name: Optional[str]) -> str:
    return _name_key(name).lower() if name else ""


# Words that speak of the principal's grant or of the document that holds it: the grant itself (授权, 委托), the
# document, its parts and its contents (包括, 这一条), its wording, its signature. A yes needs one of them somewhere
# in the answer; a power the speaker only claims ("我可以代他承诺", "我有权代他承诺") names no grant.
_WRITTEN_REFERENCE = re.compile(
    r"授权|委托|权限|包括|包含|写|注明|载明|列明|签|白纸黑字|原文|原话|[第这那一][0-9一二三四五六七八九十]{0,3}[条项款]|兹|公证"
    # ("有“代为承诺”四个字": the words counted letter by letter are words on a page, as "这一条" points at a line of it)
    r"|[两三四五六七八九十几]个字|字样"
)


# Looking the document up, said before the answer ("你问委托书啊，我翻翻，翻到了"): no answer, and no correction.
# ("我看一下啊……有了，…": the look and its "found it", 有了, said before the words read off; as the last clause it is
# never taken so, and stays an answer of its own)
_LOOKUP = re.compile(r"^(?:那个|嗯|啊)*(?:(?<=个|嗯|啊)|你问(?:的是)?(?:授权委托书|委托书|授权书)(?:啊|呀)?|(?:我|让我|等我)(?:先|再)?(?:看看|翻翻|找找|瞅瞅|瞧瞧|查查|"
                     r"看一下|看下|翻一下|找一下)"
                     r"(?:啊|哈|哦|呀)?|翻到了|找到了|(?:哦|噢|啊)?有了|(?:授权委托书|委托书|授权书)|(?:我)?老眼昏花的?)$")


# Still looking, or about to ask someone, after a question ("…吗？我看看", "有没有写明我问问赵强"), or a guess ("写了吧"):
# no answer yet.
_STILL_CHECKING = re.compile(r"(?:我|让我|等我)(?:再)?(?:看看|翻翻|找找|查查|瞅瞅|问问|问一下|确认一下)|吧$")
# A pause to think that ends in the document's words read off the paper in hand ("让我想想，对，上面写着特别授权代为
# 承诺"): 上面写着, "written on it", points at the page and reads it in the present, which is a look at the document.
# Thinking followed by a plain answer ("让我想想，写明了特别授权") or by what it said then ("当时写的是…") is a
# recollection, which is asked again; a memory or a hedge inside the reading (记得, 好像) is asked again further on.
_THINKING_THEN_READ = re.compile(r"^(?:让我|我|等我)(?:再)?(?:想想|想一想|想一下),(?:(?:对|对了|嗯|哦|噢|啊|哎)+,)?"
                                 r"(?=(?:这|这张纸|纸|委托书)?上面写着[^,]*(?:特别授权|承诺))")
_LOOKUP_NAMED = re.compile(r"^(?:那个|嗯|啊)*(?:授权委托书|委托书|授权书)?$")


# What laughter may be about beside the answer at the authorisation (see ``_LAUGHTER_AT_END``): the principal's
# thoroughness in signing ("他连手印都按了"), the handwriting ("字比我写得还好看"), the trips the errand took.
_CIRCUMSTANCE_REMARK = re.compile(
    rf"(?:{_PRINCIPAL_SUBJECT})?(?:连|还)(?:手印|指印|指纹|公章|章|日期|身份证号(?:码)?)(?:都|也)(?:按|盖|写|填|签)(?:上)?了"
    # ("字比我写得都好看", "字写得比我还漂亮": the hand compared with the speaker's, in either order)
    r"|(?:他的?|她的?)?字(?:写得|写的)?(?:比(?:我|俺)(?:的)?(?:写得|写的)?)?(?:写得|写的)?(?:还|都|更|真|挺|很|可)?(?:好看|漂亮|工整|端正)"
    r"(?:呢|啊|多了)?"
    # the scrawl of the principal's hand ("他的字跟画符似的"): how he writes, not whether it can be read (that, "看不清",
    # is a doubt of its own, asked again)
    r"|(?:他的?|她的?)?字(?:写得|写的)?(?:跟|像|和)(?:鬼画符|画符|蚯蚓爬|狗爬|鸡爪子?刨|鸡爪子?挠)(?:的)?(?:似的|一样)?"
    # the letter's formality compared ("这委托书比我俩结婚证还正式"): praise of the paper, no doubt of its words (a
    # comparison that calls it false or flimsy is not this)
    r"|(?:这|这份|那份)?(?:授权委托书|委托书|授权书)?(?:写得|弄得|搞得|做得)?比(?:(?![不没未假])[\u4e00-\u9fff]){1,10}?(?:还|都|更)"
    r"(?:正式|正规|隆重|讲究|郑重|规范)(?:呢|啊|多了)?"
    r"|(?:我|我们)?(?:都|已经)?(?:跑了|来了|折腾了)(?:[一两二三四五六七八九十几好]+)(?:趟|次|回)(?:了)?"
    # the care he wrote it with ("他写字可认真了", "一笔一划的"): praise of the hand, nothing of the words
    rf"|(?:{_PRINCIPAL_SUBJECT})?(?:写字|写得|写的)(?:可|很|特别|挺|真|非常|老)?(?:认真|仔细|工整|规矩)(?:了|呢|的|着呢)?"
    r"|一笔一划(?:的|地)?(?:写的)?"
    # the hand a little crooked ("就是字有点歪"): its 就是 grants a flaw in the look of the letters, not in what they say;
    # a hand that cannot be read ("潦草", "看不清") is not this, and stays a doubt
    r"|(?:就是|只是|不过)?(?:他的?|她的?)?字(?:写得|写的)?(?:有点|有些|稍微|是)?(?:歪|丑|难看|歪歪扭扭)(?:了|的)?(?:点|些)?"
    # what drafting it cost ("律师费花了两百😂"), and a forgery denied ("不是我P的哈哈"): the laugh is at the fee or at the
    # very idea of a doctored photo, which the clause rules out
    r"|(?:律师费|公证费|手续费|打印费)(?:就|都|一共|总共)?(?:花了|用了|交了|是)[0-9一二两三四五六七八九十百千几]+(?:块钱?|元)?(?:呢|哩|了)?"
    r"|(?:这|这个)?(?:可)?(?:不是|并非)(?:我|我自己)?(?:p|ps|p图|伪造|瞎编|编)(?:的|出来的)?")


# The principal's own words quoted after he is said to have written them ("老爷子亲笔写的：我委托刘洋代我作出告知承诺"): in
# the quotation 我 is the principal, and the one entrusted must be the agent (another name, "我委托李明…", is read as
# it stands and asked again). The lead must name the principal as the writer: after "我写的：" or alone, 我 is the
# speaker, and a speaker who entrusts himself grants nothing.
_PRINCIPAL_WROTE = re.compile(rf"^(?:是)?{_PRINCIPAL_SUBJECT}(?:专门|特意|特地|亲自|亲手|亲笔|自己)*写(?:的|了|着|道)$")


def _principal_quoted(flat: str, ctx: Context) -> str:
    agent = _key(ctx.agent_name)
    grantee = "|".join(re.escape(n) for n in (agent, "受托人") if n)
    clauses = flat.split(",")
    for i in range(1, len(clauses)):
        lead = _principal_as_he(clauses[i - 1], _key(ctx.applicant_name))
        quoted = re.fullmatch(rf"我(?:特别)?(?:委托|授权)((?:{grantee}))(?:代我|替我|代表我)((?:作出|做出|签署)?(?:告知)?承诺(?:书)?)", clauses[i])
        if _PRINCIPAL_WROTE.match(lead) and quoted:
            clauses[i] = f"委托{quoted.group(1)}代他{quoted.group(2)}"
    return ",".join(clauses)


# "那我不代他承诺了，让他自己来吧": the speaker gives up acting for the principal, who is to come himself: the errand
# stopped, as "不代办了" is. Both must be said, each a clause of its own (the refusal alone may be a no to what the letter
# allows; the principal coming alone may be a plan for later), with no condition or question.
# ("那我不代了": the errand itself dropped, 代 as the whole verb)
_PROXY_GIVEN_UP = re.compile(r"^(?:那|那么|所以|还是|算了)*(?:我|俺)?(?:就|还是)?(?:不|不想|不打算|不再)(?:代|替)(?:他|她|老人|申请人)?"
                             r"(?:承诺|办|办理)?(?:了)(?:吧)?$|^(?:那|那么|所以|还是|算了)*(?:我|俺)?(?:就|还是)?(?:不|不想|不打算|不再)(?:代|替)(?:他|她|老人|申请人)?"
                             r"(?:承诺|办|办理)(?:吧)?$")
_IN_PERSON_INSTEAD = re.compile(rf"^(?:那|就)?(?:让|叫|请)(?:{_PRINCIPAL_SUBJECT})(?:自己|本人|亲自)(?:来|过来|去|来办|办)(?:一趟)?(?:吧|了|啦)?$")
# "写的代为承诺吗？我翻一下……": the question put to oneself with 吗, made only of the document's own words, then the
# document looked up (``_LOOKUP``) before the answer. Like the either-or echo (``_SELF_ASKED``) it leans to neither answer,
# and the look shows the speaker reads the answer off the paper; without the look it stays a question to us.
# (a guess put to oneself with 吧, "没写吧？我再看下，写了…", is set aside by the look the same way: what the paper shows
# is the answer)
_ASKED_SELF_THEN_LOOKED = re.compile(r"^\s*([\u4e00-\u9fff]{2,20})(?:吗|吧)\s*\?\s*(?=\S)")
# "啥叫特别授权 俺不懂": what the term means asked, in a clause of its own, then the speaker's not knowing it: a question
# (the term asked about is not itself the answer, and "特别授权是啥我也不懂", one run-on clause, stays a doubt).
_ASKS_THE_TERM = re.compile(r"(?:请问)?(?:啥叫|什么叫|什么是|啥是|何为|何谓)(?:特别授权|告知承诺|代为承诺|代为作出告知承诺)(?:啊|呀|呢)?"
                            r"(?:,(?:我|俺)?(?:也|都|是)?(?:不懂|不知道|不明白|不清楚|不太懂|不太明白|搞不懂)(?:啊|呀|呢|哈)?)*")


# "刚开始以为只写了代办": the first impression of the letter, told as what the speaker thought, and "仔细一看…": the closer
# look that follows it (see ``_special_authorisation``).
_EARLIER_BELIEF = re.compile(r"^(?:刚开始|一开始|开始|起初|起先|刚才|原来|本来)(?:我)?(?:还)?以为[^,]*$")
_SECOND_LOOK = re.compile(r"^(?:结果|后来|可)?(?:我)?(?:仔细|再|又|往下|认真)(?:一)?(?:看|瞅|瞧)(?:了一下|了看)?(?:才发现|发现)?")
# "不是我不想写": the speaker's (or the principal's) wish denied, said after the no; 不是 before the one who wished, where
# ``_NOT_UNWILLING`` has it after
_UNWILLING_DENIED = re.compile(rf"^(?:不是|并不是)(?:{_PRINCIPAL}|我|我们)?(?:不想|不愿意|不愿|不肯)(?:写|写明|开|给|弄|办)?(?:的|啊)?$")


def _special_authorisation(text: object, ctx: Context) -> Reading:
    if _button(text):
        return value("yes")
    unusable, prepared, flat, compact = _screen(text)
    if unusable:
        return Reading(unusable.kind, detail=unusable.detail, expected=EXPECT_AUTHORISATION)

    def ask(detail: str) -> Reading:
        return clarify(detail, EXPECT_AUTHORISATION)

    if not compact:
        return ask("emoji" if _affirmation._has_emoji(prepared) else "unclear")
    if compact in ("/affirm", "affirm"):
        return ask("not_specific")  # a button without words: the document's wording is what is asked
    caller = _caller_words(prepared)
    if caller:
        return _special_authorisation(caller, ctx)
    typed = _TYPED_FOR.match(prepared) if "?" not in prepared else None
    if typed:
        # The parent's own words (see ``_TYPED_FOR``): the parent, who dictates, is the proxy answering, so the letter
        # written "to her" in the typist's words ("给她写的委托书") is written to the speaker. Any other 她 (or 他, for a
        # father) may be the parent or the principal: who is who is unsure, and the answer is asked again.
        parent = typed.group("p1") or typed.group("p2")
        pronoun = "她" if re.fullmatch(_MOTHER, parent) else "他"
        words = re.sub(rf"给{pronoun}(?=写|开|签|出)", "给我", prepared[typed.end():])
        return ask("unclear") if pronoun in words else _special_authorisation(words, ctx)
    plain = _letter_forms(prepared, ctx)
    if plain != prepared:
        return _special_authorisation(plain, ctx)
    before_laughter = _answer_before_laughing_remark(
        prepared, lambda c: bool(_CIRCUMSTANCE_REMARK.fullmatch(_principal_as_he(c, _key(ctx.applicant_name)))))
    if before_laughter:
        # the laughter is about the circumstances, not the document's words (see ``_LAUGHTER_AT_END``); only a yes is
        # taken from it
        reading = _special_authorisation(before_laughter, ctx)
        if reading.kind == "value":
            return reading
    names = frozenset(n for n in (_key(ctx.applicant_name), _key(ctx.agent_name)) if n)
    beside = _beside_denied_absence(prepared)
    if beside is not None:
        # "哪能没写，写明了特别授权", "没有不写，写明了": the denial is emphasis; the plain answer beside it decides, and
        # only a yes or a no is taken from it (alone, or beside a hedge, a question, someone's word: asked again)
        reading = _special_authorisation(beside, ctx) if beside else None
        return reading if reading is not None and reading.kind in ("value", "negated") else ask("double_negation")
    if _ASKED_BACK_NO.search(prepared):
        return ask("unclear")  # a no asked back inside a clause of the answer, not beside it: see ``_ASKED_BACK_NO``
    prepared = _DOCUMENT_NAMED.sub(lambda m: "委托书" if m.group(1) else "", _auth_unasked(prepared))
    # Henan speech: 恁 is 您 ("恁放心"); 嘞 after 写 is 得 ("写嘞清清楚楚") or the 了/呢 of a statement ("写着嘞")
    prepared = re.sub(r"恁(?=放心|说|看|问)", "您", prepared)
    prepared = re.sub(r"写嘞(?=清|明白|很|可)", "写得", prepared)
    # "委托书上写哩有": northern 写哩有 / 写的有, "it is there, written": the words are in the document
    prepared = re.sub(r"写(?:哩|嘞|的)有(?![\u4e00-\u9fff])", "有", prepared)
    # Sichuan and Chongqing speech: V到起 is the lasting state of V着 ("写到起的", "上面写到起特别授权"), "it stands written"
    # (not 写到起来, 写到起点: "writing up to" a start)
    prepared = re.sub(r"写到起(?![来点头始])", "写着", prepared)
    # Cantonese 系 (是) typed simplified, after the words it follows as a copula ("只系写咗代办"); 关系, 联系 and 系统
    # keep theirs
    prepared = re.sub(r"(?<=只|就|都|不|确|真|仲|唔)系(?=[\u4e00-\u9fff])", "是", prepared)
    # Cantonese 有冇 (read 有没) is 有没有, a question even without its mark ("份委托书有冇写明…"), never a no
    # ("没有没写" is two negations, not 有没)
    prepared = re.sub(r"(?<!没)有没(?!有)(?=写|注明|载明|提|讲|签)", "有没有", prepared)
    # the special authorisation named in English ("委托书里有special authorization那句")
    prepared = re.sub(r"special\s*authori[sz]ation", "特别授权", prepared)
    if "?" not in prepared:
        # "委托书还没签呢": the 呢 of a state that goes on, not a question
        prepared = re.sub(r"((?:还)?(?:没|没有)(?:签|写|开|办|弄)(?:好)?(?:字)?)呢", r"\1", prepared)
        # "排着队呢", "等着呢": the same 呢 of a state going on (the queue the speaker stands in), no question either
        prepared = re.sub(r"((?:排|等|忙|赶)着(?:队)?)呢", r"\1", prepared)
    # 委拖书: the pinyin keyboard's homophone for the document's name (not for the words of the scope, whose typos
    # are asked again)
    prepared = prepared.replace("委拖", "委托")
    # "那一项打了✓": the tick typed as a sign is the 勾 of the form
    prepared = re.sub(r"(打了|打上|打个|画了|划了|打)[✓✔☑√]\ufe0f?", r"\1勾", prepared)
    # "选“写明了特别授权”": one of the two answers the question offers, chosen by its words
    prepared = re.sub(r"^\s*(?:我)?(?:选|选择|回复|回|答)[:：]?\s*(?=[“\"「『']?(?:写明了特别授权|没有写明)[”\"」』']?[。.!！]?$)", "", prepared)
    # "照片里写着…": the photo of the document is the document; "委托协议里约定了…": its wording; "（三）": the
    # number of an item in its list, which changes nothing in the words after it
    # (a copy, "复印件上写着…", is not taken for the document: what the original says is asked again)
    prepared = re.sub(r"(?:(?:委托书|授权书)的?)?(?:照片|图片)(?:里|上|上面|里面)(?=写|有)", "委托书上", prepared)
    prepared = re.sub(r"((?:委托书|授权书)(?:上|里|上面|里面)?)(?:约定了|约定|载明了)", r"\1写明了", prepared)
    prepared = re.sub(r"(?:第)?[(（]\s*[一二三四五六七八九十0-9]{1,2}\s*[)）](?:项|条|款)?", ",", prepared)
    # "SQ2026-0012这份委托书写明了…": the document's number (letters, then digits, its parts joined by a dash) said before
    # it, a clause of its own like "编号SQ2026-0156"; the words after it are read as they stand
    prepared = re.sub(r"(?<![a-z0-9])([a-z]{1,4}[0-9]{2,}(?:[-_/][0-9]{2,})*)(?=[\u4e00-\u9fff])",
                      lambda m: re.sub(r"[-_/]", "", m.group(1)) + ",", prepared)
    # A space between words is a pause in speech: a clause boundary ("写明了特别授权 我刚拿出来核对过", "ok 写明了").
    # (after an emoji too: "写明了特别授权🙏 我舅舅专门找人写的")
    flat = re.sub(",+", ",", re.sub(r"(?<=[\u4e00-\u9fffa-z\u2600-\u27bf\U0001f300-\U0001faff])\s+(?=[\u4e00-\u9fff])", ",", prepared))
    # "写明了特别授权 over": a Latin word said after a pause ends a clause of its own
    flat = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[a-z]+\W*$)", ",", flat)
    flat = re.sub(r"(?<=[了的])(?:滴|撒|噻|哟|呗)+(?=,|$)", "", _affirmation._flat(flat))  # as in ``_screen``
    # ("SQ2026-0088": the authorisation's number, whose dash the pause rule has split)
    flat = re.sub(r"(?<=sq[0-9]{4}),(?=[0-9]{3,5}(?:,|$|那份|这份|那张|这张))", "", flat)
    flat = re.sub(r"(?<=[0-9]),(?=(?:那份|这份|那张|这张)(?:,|$))", "", flat)
    # "纸上写得清清楚楚的", "那纸上写的…", "上头写着…": the paper the speaker holds is the letter asked about, and 上头 is
    # the northern 上面; said at the head of a clause, before what is (or is not) written there
    flat = re.sub(r"(?:^|(?<=,))(?:那|这)?(?:张)?纸(?:上头|上面|上|面上)(?=写|有|没|未|也|都|确实|就|只|还|是)", "委托书上", flat)
    flat = re.sub(r"(?:^|(?<=,)|(?<=委托书|授权书))上头(?=写|有|没|未|也|都|确实|就|只|还)", "上面", flat)
    # "上面印着的 特别授权…", "委托书上印有…": what is printed on the letter (a typed one) is written on it; said at the head
    # of a clause, before the words it holds
    flat = re.sub(r"(?:^|(?<=,))(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面|里面)(?:都|也|确实)?印(?:着|有|了)(?:的)?",
                  "委托书上写着", flat)
    # A statement said in two breaths ("委托书上写着嘞 叫刘洋代他作告知承诺"): the lead that the document reads, with
    # nothing after it but a particle, and the grant's own wording in the next clause, which names the one it lets act
    # in the principal's place (我, 受托人 or the agent). Joined, they are one statement, read as if said at once;
    # either half alone is read as it stands ("叫刘洋代他作告知承诺" alone tells no document).
    agent_names = "|".join(["我", "受托人"] + ([re.escape(_key(ctx.agent_name))] if _key(ctx.agent_name) else []))
    flat = re.sub(r"(?:^|(?<=,))((?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面)(?:写着|写的是|写明了|写的))(?:呢|嘞|哩|咧)?,"
                  rf"(?=(?:让|叫|由|同意)(?:{agent_names})(?:代|替))", r"\1", flat)
    if ctx.applicant_kind == "enterprise":
        # For a company the principal is the company: "代表公司作出告知承诺" is in the principal's place, and "公司给我的
        # 委托书" is the principal's document.
        flat = re.sub(r"(?:代表|代)(?:本公司|我公司|公司|本企业|企业|单位)(?=签署|签订|签|作出|做出|作|做|承诺)", "代委托人", flat)
        flat = re.sub(r"(?:^|(?<=,))(?:本公司|我们公司|我公司|公司|单位)(?:给我|给俺)?(?:出|开|出具|写)?的(?=授权委托书|委托书|授权书)", "", flat)
        # "公章还没盖": the company signs with its seal, so its letter unsealed is a letter not yet signed
        flat = re.sub(r"(?:公章|章)(?:还|都|也)?(?:没有|没|未)(?:盖|加盖)(?:上)?|(?:还|都|也)?(?:没有|没|未)(?:盖|加盖)(?:上)?(?:公章|章)", "还没签", flat)
    # "代为递交材料和代为作出告知承诺": a list of powers, each read on its own
    # ("…，另外还有代为签收": 另外 and 此外 before it are the same "and also")
    flat = re.sub(r"(?:(?:另外|此外)(?:还有|还)?|和|及|以及|还有|跟)(?=代为|代签|代他|代她|代其)", ",", flat)
    flat = re.sub(",+", ",", flat).strip(",")
    # "…，我代他作出告知承诺没问题": 没问题 run on to the scope is the same reassurance as said on its own
    flat = re.sub(r"(?<=承诺)没问题(?=,|$)", ",没问题", flat)
    # "…代为作出告知承诺我刚又看了一遍": the speaker's own check run on to the words, said without a pause; it starts a
    # clause of its own (read as any such check: ``_LETTER_PROVENANCE``)
    flat = re.sub(r"(?<=承诺|授权)(?=(?:我|我们)(?:刚|刚刚|刚才|又|已经|都)+(?:看|核对|对|查)(?:了|过))", ",", flat)
    # "刚才打成“写名了”，不好意思": the apology for the typo just owned belongs to it (said first, "抱歉，写明了…", it may
    # take back an earlier answer unnamed, and is read as always)
    flat = re.sub(r"((?:打成|写成|打错成|误打成|输成)(?:了)?[^,]{1,8}),(?:不好意思|抱歉|sorry)(?:啊|哈|了)?(?=,|$)", r"\1", flat)
    # "来电人确认委托书写明了…": the hotline agent's register, 来电人 being the caller, who is the one answering; and its
    # bracketed note "坐席代录" (typed by the agent for the caller). What the caller says follows. Only 确认, the caller's
    # own confirmation: "来电人称…" reports a claim, which the agent does not vouch for, and is asked again.
    flat = re.sub(r"(?:^|(?<=,))(?:来电人|来电者)(?:已)?(?:确认)(?=(?:授权委托书|委托书|授权书)(?:上|里)?(?:写|有|载明|注明))", "", flat)
    flat = re.sub(r"(?:^|(?<=,))(?:(?:坐席|话务员|接线员)(?:代录|代记|记录)|(?:来电人|来电者)(?:已)?(?:核对|核实|查看|对照)(?:了|过)?"
                  r"(?:授权委托书|委托书|授权书)?(?:原件)?)(?=,|$)", "", flat).strip(",") or flat
    # "代为作出告知承诺那几个字写得清清楚楚": the words named, then said to be written plainly; what the letter says
    flat = re.sub(r"(?:^|(?<=,))((?:特别授权|代为|代他|代她|代其|替他|替她)(?:(?![没不未无非别要会将得再我让])[^,]){0,16}?)(?:那|这)?"
                  r"(?:几个字|[两三四五六七八九十]个字|句话|一句|句|字样)(?:也|都)?(?:写得|写的)(?:清清楚楚|很清楚|明明白白|清楚|很明白)(?:的)?(?=,|$)",
                  r"写着\1", flat)
    # "委托人是赵强没错，不是他弟弟赵刚": the principal confirmed by name, and another of the family ruled out; who the
    # letter is from, not what it grants (only the applicant's own name confirmed, and someone else's name denied)
    principal_key = _key(ctx.applicant_name)
    if principal_key:
        confirmed = re.search(rf"(?:^|,)(?:委托人|授权人|申请人)(?:是|就是){re.escape(principal_key)}(?:没错|没错的|对的)?"
                              r"(?:,(?:不是|并非|而不是)(?:他|她)?的?(?P<other>[\u4e00-\u9fff]{1,6}))?(?=,|$)", flat)
        if confirmed and principal_key not in (confirmed.group("other") or "") and flat[:confirmed.start()].strip(","):
            flat = (flat[:confirmed.start()] + "," + flat[confirmed.end():]).strip(",")
    # "他腰伤了来不了，特意写的这个": the principal, subject of the reason just given, goes on as the one who wrote it
    story = flat.split(",")
    for i in range(1, len(story)):
        if _ABSENCE_REASON.match(_principal_as_he(story[i - 1], principal_key)) \
                and re.fullmatch(r"(?:所以|就)?(?:专门|特意|特地)写(?:了|的)(?:这个|这份|这一?条|这句)", story[i]):
            story[i] = "他" + story[i]
    flat = ",".join(story)
    # "你可能以为我就是个跑腿的，不是，…": what the listener may think of the speaker, named only to be denied; its 可能 is
    # the listener's guess, not a hedge on the answer, and the denial answers that guess, not the question
    flat = re.sub(r"^(?:你|您)(?:可能|也许|大概|或许)?(?:会)?(?:以为|觉得|当)(?:我)?(?:就|只)?是(?:个|一个)?(?:跑腿|办事|打杂|代办|送材料|传话)(?:的)?"
                  r",(?:不是|不是的)(?=,.)", "", flat).strip(",")
    # "我爸写的委托书：同意刘洋代表本人作出告知承诺": the grant quoted right after the document is named; its 同意 is
    # the principal's, said in the document, not the speaker's own consent (alone it is asked again).
    grantee = "|".join(re.escape(n) for n in (_key(ctx.agent_name), "受托人", "我") if n)
    flat = re.sub(rf"((?:^|,)[^,]*(?:委托书|授权书)(?:上|里)?(?:写着|写的是|原文是|原文)?),同意(?=(?:{grantee})(?:代|替))", r"\1,",
                  flat)
    flat = _principal_quoted(flat, ctx)
    # "委托书原文：兹特别授权刘洋代为作出告知承诺，由本人承担法律后果": in the letter's own words, quoted as such (opened with
    # its formal 兹, announced as its 原文/原话 or not), 本人 is the principal who wrote them, and the consequence he bears is
    # part of the grant (``_PRINCIPAL_BEARS``). Said by the speaker outside a quotation, "由本人承担" stays the speaker's.
    quoted = flat.split(",")
    opened = next((i for i, c in enumerate(quoted)
                   if re.fullmatch(r"(?:授权委托书|委托书|授权书)(?:上|里)?的?(?:原文|原话)(?:是|为|写的是)?", c)), None)
    opened = opened + 1 if opened is not None else next((i for i, c in enumerate(quoted) if c.startswith("兹")), None)
    if opened is not None and opened < len(quoted) and quoted[opened].startswith("兹"):
        quoted[opened + 1:] = [re.sub(r"^(?:并|并且|且)?由本人(?=(?:自行)?(?:承担|负责))", "由委托人", c) for c in quoted[opened + 1:]]
        flat = ",".join(quoted)
    agent_key = _key(ctx.agent_name)
    if principal_key and agent_key:
        # The letter's grant quoted in its own formal words, the principal and the agent named as on file ("委托人赵强特别授权
        # 受托人刘洋代为办理…，代为作出告知承诺…"): the lead says who grants whom, and its 特别授权 is the letter's own; the
        # powers after it are read one by one, as any list of them. Another principal or agent named is left as it stands.
        # ("本人赵强特别授权刘洋…": the letter's 本人 with the principal's own name after it is the principal writing)
        flat = re.sub(rf"(?:^|(?<=,))(?:兹)?(?:委托人|授权人|本人)?{re.escape(principal_key)}(特别)?(?:授权|委托)(?:受托人|代理人|被委托人)?"
                      rf"{re.escape(agent_key)}(?=代为|代)", lambda m: "特别授权," if m.group(1) else "", flat)
    if "代为" in flat:  # "代为咨询和递交材料": the 代为 carries over to the next power
        flat = re.sub(r"(?<=咨询|办理|签收|领取|递交|提交|签字|申请|查询)(?:和|及|以及)(?=递交|提交|领取|签收|签字|办理|查询|咨询|申请)",
                      ",代为", flat)
        # "代为提交材料和领取证件": the same, with the matter of the first power named before 和
        flat = re.sub(r"(?<=咨询|办理|签收|领取|递交|提交|申请|查询)(材料|证件|资料|手续|证照)(?:和|及|以及)(?=递交|提交|领取|签收|办理|查询|咨询|申请)",
                      r"\1,代为", flat)
    # "1.代为申请 2.代为作出告知承诺": the number of the next item run on to the one before it
    flat = re.sub(r"(?<=[\u4e00-\u9fff])[1-9](?=,(?:代为|代签|代他|代她|代其))", "", flat)
    # "委托书上那句“特别授权…”我核对过了": the line named is in the document, and it was checked
    flat = _LINE_CHECKED.sub(r"\1写着\2,\3", flat)
    # "你问的那句委托书上有": the words the question quotes are in the document
    flat = _ASKED_LINE.sub("这句话", flat)
    # "委托书上有“代为作出告知承诺”几个字", "委托书里有特别授权那句": the words quoted, said to be in the document, are what
    # it says
    # ("上面有…那句": the letter's page, named by its 上面 alone)
    flat = re.sub(r"(?:^|(?<=,))((?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|上面|里面)(?:也|都|确实)?有(?![这那一两三几])([^,]{2,24}?)(?:那|这)?(?:一)?"
                  r"(?:句话|句|几个字|[两三四五六七八九十]个字|字样)(?=,|$)", r"\1写着\2", flat)
    # "下面还有一句“代为作出告知承诺”": a line of the document, where on the page changing nothing, and its words
    # ("委托事项里有一条：代为作出告知承诺": the letter's list of matters, the part of it the line stands in)
    flat = re.sub(r"(?:^|(?<=,))(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?|下面|后面|底下|下边|背面|反面"
                  r"|(?:(?:授权委托书|委托书|授权书)(?:的|上|里)?)?(?:委托事项|授权事项|授权范围|委托权限|授权权限|授权内容|委托内容)(?:里|中|上|里面)?)?"
                  r"(?:还|也|确实)?"
                  # ("专门写了一句…": the line said written, with no writer named before it, is the letter's)
                  r"(?:有|(?:专门|特意|特地|明确)?写了)(?:一句|一行|一条|一项)(?:话)?,?(?=特别授权|代为|代他|代她|代其|替他|替她|授权|委托)", "写着", flat)
    # "代为承诺写进去了": the words named, then said to be written in, done. Words with a negation, a plan (要, 会, 再), or
    # the speaker (我) in them are not this: "代为承诺我写进去了" is the speaker's own hand, "…要写进去" not yet done.
    flat = re.sub(r"(?:^|(?<=,))((?:特别授权|代为|代他|代她|代其|替他|替她)(?:(?![没不未无非别要会将得再我俺让])[^,]){0,16}?)(?:也|都|确实)?"
                  r"(?:写进去了|写进去的|写上了|写上去了|写在上面了|写在里面了|写在委托书上了|写在委托书里了|写到委托书里了|"
                  r"写进(?:了)?(?:授权委托书|委托书|授权书)(?:里|里面)?了)(?=,|$)",
                  r"写着\1", flat)
    # "我舅专门去打印店让人加上了“代为作出告知承诺”这一句": the principal had the words added, and they are now in the
    # document (added by the speaker, "我让人加上了…", or still to be added, "…让人加上", is not this)
    principal_or_name = _PRINCIPAL_SUBJECT + (f"|{re.escape(_key(ctx.applicant_name))}" if _key(ctx.applicant_name) else "")
    flat = re.sub(rf"(?:^|(?<=,))(?:{principal_or_name})(?:专门|特意|特地|亲自|自己)*(?:(?:去|到|在)[\u4e00-\u9fff]{{1,6}}?)?"
                  r"(?:让|叫|请|找)(?:人|律师|公证处|公证员|工作人员)(?:帮忙|帮他|帮她)?(?:专门|特意)?"
                  r"(?:加上了|加上去了|添上了|补上了|加了|添了|补了)(?=[^,]{2})", "写着", flat)
    # Voice input's fillers run into the answer ("那个委托书上就是写了那个特别授权代为作出告知承诺就是写了的"): 那个 before
    # the document or its words points at them; 就是 before 写 is the 就 that stresses it (and keeps its "only": "就是写了
    # 代为办理" is all that is written); 就是 after the words is the pause before they are said to be written again.
    flat = re.sub(r"(?:^|(?<=,)|(?<=上|里|了|着))那个(?=授权委托书|委托书|授权书|特别授权|代为)", "", flat)
    flat = re.sub(r"(?<=上|里|面)就是(?=写)", "就", flat)
    flat = re.sub(r"(?<=承诺)就是(?=写了|写着|写明)", ",", flat)
    story = [c for c in flat.split(",") if c]
    if len(story) > 1 and _EARLIER_ATTEMPT.match(story[0]) and _THIS_TIME_LEAD.match(story[1]):
        # "上次就是因为没写被退了，这回让赵强重新写的，…": last time's errand and why it failed (see ``_EARLIER_ATTEMPT``);
        # its 没写 is the earlier document's. Dropped only when this time's document is told next (这回, 这次), which
        # the rest must then answer for on its own.
        flat = ",".join(story[1:])
    # "特别授权代为作出告知承诺那句在里面": the words quoted, then the line said to be in the document, one clause
    flat = re.sub(r"(?<=[\u4e00-\u9fff])((?:那|这)(?:一)?句(?:话)?(?:也|都|确实)?(?:在里面|在上面|在第[0-9一二三四五六七八九十]{1,3}(?:条|项|款|行|页|段)|写了|写着|有)(?:的|啊|呀|呢)?)(?=,|$)",
                  r",\1", flat)
    flat = re.sub(r"(?:^|(?<=,))这句话((?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)(?:都|也|确实)?有(?:的|啊|呀|呢)?(?=,|$)", r"\1有这句话", flat)
    # "不对不对我拿错了": the document mistaken for another, named as the mistake it is
    # ("俺把纸拿反了": the paper held upside down, the same mistake of reading; "看错行了", "看错地方了": the wrong line or
    # place of it read)
    flat = re.sub(r"(?:(?<=,)|^)((?:哦|噢)?(?:不对)*)(?:我)?(?:(?:看|拿)错(?:了)?(?:一)?(?:行|页|栏|地方|份|张)(?:了)?|拿错了|看错了|拿错|看错|(?:把(?:纸|委托书|授权书))?(?:拿反了|拿倒了|看反了|看倒了|看串行了|看串了))(?=,|$)",
                  lambda m: (m.group(1) + "," if m.group(1) else "") + "搞错了", flat)
    # "没有写明，哎呀点错了，…", "没写 哎不对 …": the sigh before the slip named, or before 不对, is the same taking back
    # (said alone, "哎呀", it is not); "抱歉刚才说错了": so is the apology for the slip
    flat = re.sub(r"(?:(?<=,)|^)(?:哎呀|哎哟|哎呦|哎|唉|嗨|抱歉|不好意思|对不起|sorry)(?=(?:我|刚才|刚刚)?(?:打错|说错|搞错|弄错|选错|写错|输错|敲错|点错|发错|按错)了?(?:,|$)"
                  r"|不对(?:不对)*(?:,|$))",
                  "", flat)
    parts = flat.split(",")

    def wrong_one(i: int) -> bool:
        # "…不对我拿错了，这是我姐那份，我爸那份写明了…": whose the document wrongly read was, told with the mistake it
        # explains; what the right one says follows (not when it is said of the same person's: "…我姐那份写明了")
        owner = re.fullmatch(r"这(?:是|份是|张是)((?:我)?[\u4e00-\u9fff]{1,3}?)(?:那份|那张|的)", parts[i])
        return bool(i and owner and _affirmation.names_wrong(parts[i - 1])
                    and not re.search(re.escape(owner.group(1)) + "(?:那份|那张|的)", ",".join(parts[i + 1:])))
    flat = ",".join(c for i, c in enumerate(parts) if not wrong_one(i))
    # "我爸腿脚不太好": the 不太 of how poor one's health is, not the 不太(清楚) of doubt
    flat = re.sub(r"(腿脚|身体|眼睛|耳朵)不太(?=好|方便|灵便)", r"\1不", flat)
    compact = flat.replace(",", "")
    # (the special kind may be named as the agent's, "是特别代理": what the letter says must then be said beside it; or
    # instead of the special kind, the commitment in the principal's place, "不是普通委托，写了代为承诺", with no negation
    # anywhere in what is left)
    # ("不是一般的委托，写明了": the ordinary kind denied, then only the bare "it is written" that alone answers yes here.
    # Only the ordinary kind's denial, whose opposite is the special kind asked about: after "不是口头说说的" a bare
    # 写了 is "written down", not the scope. The rest must be that plain clause and nothing else: "是全权委托", "应该
    # 写了", "写了吧", "写明了代为办理" or nothing at all keep the denial and are asked again.)
    left = _NOT_ORDINARY.sub("", flat)
    bare_written = bool(re.search(_NOT_ORDINARY_KIND, flat)) \
        and bool(_AUTH_DOCUMENT_YES.fullmatch(re.sub(_NOT_ORDINARY_KIND, "", flat).strip(",")))
    if _NOT_ORDINARY.search(flat) and (re.search(r"(?<!不是)(?<!并非)特别(?:授权|代理)", left) or bare_written
                                       or (_AUTH_SCOPE.search(left) and not re.search(r"不|没|未|无|非", left))):
        flat = re.sub(",+", ",", _NOT_ORDINARY.sub(",", flat)).strip(",")
        compact = flat.replace(",", "")
    if "?" not in prepared and _UNSAID_CHOICE.search(prepared):
        # "没说能不能承诺": the choice is what the document leaves unsaid, no question to us; it reads as "没说能承诺".
        prepared = _UNSAID_CHOICE.sub(r"\1\2", prepared)
        flat, compact = _UNSAID_CHOICE.sub(r"\1\2", flat), _UNSAID_CHOICE.sub(r"\1\2", compact)
    clauses = [c for c in flat.split(",") if c]
    if len(clauses) > 1 and (_names_previous_wrong(clauses[0]) or _EARLIER_REPLY_TAKEN_BACK.fullmatch(clauses[0])) \
            and "?" not in prepared:
        # "刚才打错了，是写明了特别授权": the previous message taken back; this one is read on its own
        # ("更正：委托书不是没写，…": the formal 更正 said first takes back only the message before)
        return _special_authorisation(re.sub(r"^(?:还是|是)(?=[\u4e00-\u9fff])", "", ",".join(clauses[1:])), ctx)
    if len(clauses) > 1 and "?" not in prepared and _EARLIER_BELIEF.match(clauses[0]) and _SECOND_LOOK.match(clauses[1]):
        # "刚开始以为只写了代办，仔细一看后面还有一句…": the first impression told as such and taken back by a closer look;
        # what that look found is read on its own, and only a plain yes or no decides
        rest = ",".join([_SECOND_LOOK.sub("", clauses[1], count=1)] + clauses[2:]).strip(",")
        reading = _special_authorisation(rest, ctx) if rest else None
        return reading if reading is not None and reading.kind in ("value", "negated") else ask("correction")
    lookup, scan = 0, 0
    while scan < len(clauses) - 1 and _LOOKUP.match(clauses[scan]):
        scan += 1
        if not _LOOKUP_NAMED.match(clauses[scan - 1]):
            lookup = scan  # up to the last act of looking; a bare "委托书" after it is the answer's own lead
    if lookup:
        # "我看看啊，…，写明了": the speaker looking the document up before answering, which takes nothing back
        flat = ",".join(clauses[lookup:])
        compact = flat.replace(",", "")
    read_off = _THINKING_THEN_READ.match(flat)
    if read_off and "?" not in prepared:
        # "让我想想，对，上面写着特别授权代为承诺": the pause ends in the words read off the paper (see
        # ``_THINKING_THEN_READ``); the answer is what is read there
        flat = flat[read_off.end():]
        compact = flat.replace(",", "")
    # ("没有……哦翻到背面了，…": the 哦 of noticing, glued to the page turned; the turn is the pause before a new answer)
    flat = re.sub(r"(?:^|(?<=,))(?:哦|噢)(?=翻到|翻过来)", "", flat)
    # "没写明……不对我再看一眼，写明了，…": the 不对 said after an answer, glued to a look at the letter or just before
    # it, is the doubt that sends the speaker back to the page; the look is what takes the answer back, and what it
    # finds is read as after any look (``_after_pause``: it must name the scope, or be a no). Said first, with no
    # answer before it, 不对 may be the no itself and is left as it is.
    flat = re.sub(r"(?<=,)(?:哦|噢|哎|哎呀|诶)?(?:不对)+,?(?=(?:我|让我|等我)?(?:再)?(?:看看|看一下|看下|看一眼|瞅一眼|瞄一眼|翻翻|翻一下|"
                  r"找找|瞅瞅|瞧瞧|查查|查一下|核对一下|对一下)(?:啊|哈|哦|呀)?(?:,|$)|(?:我)?(?:又|再)?(?:翻到|翻过来))", "", flat)
    corrected = _corrected(prepared, flat, ctx, _special_authorisation)
    if corrected is not None:
        return corrected
    joke_taken_back = _taken_back_as_joke(flat, names, _key(ctx.applicant_name))
    if joke_taken_back is not None:
        return joke_taken_back
    said = [c for c in flat.split(",") if c]
    if "?" not in prepared and len(said) > 1 and _AUTH_BARE_NO.match(said[0]) and _UNWILLING_DENIED.match(said[1]) \
            and not re.search(r"写了|写明了|写着|有特别授权|签了", ",".join(said[2:])):
        # "没有写明。不是我不想写，是我爸说不懂啥叫特别授权": a plain no, then why: the wish denied, and the reason (what
        # the principal did not understand is his, and doubts nothing of the no)
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    laughed = _LAUGHTER_AT_END.search(prepared)
    if "?" not in prepared and laughed and re.search(r"哈|[😂🤣😆😅]", laughed.group(0)):
        # "没有写明，老实说委托书都还没打印呢哈哈": a plain no, and beside it only more of the same no (the letter not
        # even made yet); the laugh is at the speaker's own unreadiness, and the no is the careful side
        said = [re.sub(r"^(?:老实说|说实话|实话说|说真的|不瞒你说|讲真)", "", c) for c in re.sub(r"哈{2,}$", "", flat).split(",")]
        said = [c for c in said if c]
        kinds_said = [_auth_clause(c, names, _key(ctx.applicant_name)) for c in said]
        if len(said) > 1 and kinds_said[0] == "bare_no" and all(k == "no" for k in kinds_said[1:]) \
                and not _AUTH_HEDGE.search(",".join(said)) and not _AUTH_CONDITION.search("".join(said)):
            return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    clauses = [c for c in flat.split(",") if c]
    if "?" not in prepared and len(clauses) > 1 and _NOT_UNWRITTEN.match(clauses[0]):
        # "不是没写，写明了特别授权": the denial says nothing of what is written (alone it is asked again); the
        # answer after it decides, read on its own.
        reading = _special_authorisation(re.sub(r"^是(?=[\u4e00-\u9fff])", "", ",".join(clauses[1:])), ctx)
        return reading if reading.kind in ("value", "negated") else ask("double_negation")
    if "?" not in prepared and len(clauses) > 1 and (_NOT_WRITTEN_AFTER_ALL.match(clauses[0]) or _CONCEDED_WRITTEN.match(clauses[0])
                                                     or _NOT_UNWILLING.match(clauses[0])):
        # "不是写明了，是没写明", "也不能说没写，写了“全权委托”": see ``_NOT_WRITTEN_AFTER_ALL``; only a no is taken after it
        reading = _special_authorisation(re.sub(r"^是(?=[\u4e00-\u9fff])", "", ",".join(clauses[1:])), ctx)
        return reading if reading.kind == "negated" else ask("unclear")
    asked_self = _ASKED_SELF_THEN_LOOKED.match(prepared)
    if asked_self and (_affirmation._segments(_affirmation._flat(asked_self.group(1)), _AUTH_TOKENS | names)
                       or re.fullmatch(r"(?:没|没有)(?:写|写明|写着)(?:特别授权)?", _affirmation._flat(asked_self.group(1)))):
        # "写的代为承诺吗？我翻一下……嗯，写的是…": see ``_ASKED_SELF_THEN_LOOKED``; the answer after the look is read on
        # its own, and only a yes or a no is taken from it
        after_look = prepared[asked_self.end():]
        if _LOOKUP.match(_affirmation._flat(after_look).split(",")[0]) and "?" not in after_look:
            reading = _special_authorisation(after_look, ctx)
            return reading if reading.kind in ("value", "negated") else ask("correction")
    echoed = _echo_of_the_question(prepared, names)
    if echoed is not None and _SELF_ASKED.match(_affirmation._flat(prepared.split("?")[0])):
        # "写没写？写了，…": the question put to oneself in its either-or form, which leans to neither answer, then
        # the answer; that answer is read on its own and decides when it is plain
        # (read from the message as typed after the "?", so that its emoji and marks are judged as said)
        reading = _special_authorisation(prepared.split("?", 1)[1], ctx)
        return reading if reading.kind in ("value", "negated") else ask("correction")
    if echoed is not None:
        denied_no = echoed[0] in ("不是", "不是的") and bool(_ECHOED_NO.match(_affirmation._flat(prepared.split("?")[0])))
        if len(echoed) > 1 and (_affirmation.names_wrong(echoed[0]) or denied_no) and "?" not in "".join(echoed):
            # "没写？不对不对，写了，写明了特别授权": the echo taken back, then a plain answer; "没写？不是，写了，…":
            # a no echoed and denied is taken back the same way (after a yes echoed, 不是 would be the answer)
            rest = ",".join(c for c in echoed[1:] if not _affirmation.names_wrong(c))
            reading = _special_authorisation(rest, ctx)
            return reading if reading.kind in ("value", "negated") else ask("correction")
        # "写明了特别授权？没有，只写了代为办理": the user repeats the question to themselves, then answers it.
        # The answer is read as after a correction: only a no is taken from it.
        last = _auth_clause(echoed[-1], names) if echoed else "unknown"
        if echoed and all(_auth_clause(c, names) in ("no", "bare_no", "neutral", "power") for c in echoed) \
                and last in ("no", "bare_no", "power"):
            return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
        return ask("correction")
    taken_to_cover = _POWER_TAKEN_TO_COVER.match(flat)
    if "?" not in prepared and taken_to_cover and _auth_clause(taken_to_cover.group("written"), names) in ("power", "no") \
            and not re.search(r"全权|什么都|啥都|所有|一切", taken_to_cover.group("written")):
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if "?" not in prepared and _ASKS_THE_TERM.fullmatch(flat):
        return Reading("question", expected=EXPECT_AUTHORISATION)  # see ``_ASKS_THE_TERM``
    if "?" not in prepared and _AUTH_UNSURE.search(compact):
        # "我看不明委托书写什么", "特别授权是啥我也不懂": the question word is inside a statement of not knowing.
        return ask("unsure")
    if _SAYS_THE_WORDS.search(flat):
        return ask("unclear")  # "要是没写，我说写了行不行": see ``_SAYS_THE_WORDS``
    if re.match(r"^(?:那|请问)?(?:如果|要是|假如)[^?]*(?:算|行|可以|够)[^?]*吧\s*\?\s*$", prepared):
        # "如果委托书写了代为承诺就算特别授权吧？": what counts, asked of us under a supposition; it tells nothing
        return Reading("question", expected=EXPECT_AUTHORISATION)
    if re.search(r"吧\s*\?", prepared):
        return ask("unsure")  # "写明了特别授权……吧？我再看看": a guess asked of oneself
    if _WRITING_PUSHBACK.search(compact) and not _AUTH_CONDITION.search(compact) and not re.search(r"吗|么", compact) \
            and not re.search(r"写了|写明|写着|写好|写过|签了|签过|特别授权|承诺", compact):
        # "我是他亲外甥，哪用得着写这些", "我舅说咱俩还用写这个？": writing the authorisation down called needless, which
        # says none was written (see ``_WRITING_PUSHBACK``); asked with 吗 ("还用写这个吗") it is a real question
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if _AUTH_PUSHBACK.search(compact):
        # "我是他亲儿子，还要啥特别授权": a rhetorical question that objects to the requirement asks nothing and
        # confirms nothing.
        return ask("unclear")
    if _affirmation._is_question(prepared):
        if _STILL_CHECKING.search(compact):
            return ask("unsure")  # "写明了特别授权吗？我看看", "有没有写明我问问赵强": the answer is still being looked for
        # ("不是一般的委托，写明了吗": the ordinary kind denied is no no; beside a question about the letter it tells
        # nothing decided, so it is left out of what is told, and only a no said of the letter itself stays a no)
        # ("不是只写代办，还写了代为承诺吗": the narrower reading denied, 不是只/不光, is no no either)
        told = [c for c in re.split(r"[,?]", flat) if c and not _affirmation._is_question(c)
                and not _NOT_ORDINARY.fullmatch(c)
                and not re.match(r"^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:不光|不仅|不只|不止|不是只|并非只|不单)", c)]
        kinds_told = [_auth_clause(c, names, _key(ctx.applicant_name)) for c in told]
        if kinds_told and set(kinds_told) & {"no", "bare_no"} and set(kinds_told) <= {"no", "bare_no", "neutral", "power"} \
                and not _AUTH_CONDITION.search(",".join(told)):
            # "委托书上写的是委托办理低保，没写特别授权，这个还能办吗": the answer is a no, and what to do then is
            # what the refusal explains.
            return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
        return Reading("question", expected=EXPECT_AUTHORISATION)
    given_up = [c for c in flat.split(",") if c]
    principal_key = _key(ctx.applicant_name)

    def in_person(clause: str) -> bool:
        return bool(_IN_PERSON_INSTEAD.match(clause.replace(principal_key, "他") if principal_key else clause))
    if "?" not in prepared and not _STOP_CONDITION.search(compact) and any(_PROXY_GIVEN_UP.match(c) for c in given_up) \
            and any(in_person(c) for c in given_up) and all(_PROXY_GIVEN_UP.match(c) or in_person(c) for c in given_up):
        return Reading("cancel", expected=EXPECT_AUTHORISATION)  # see ``_PROXY_GIVEN_UP``
    if _affirmation._is_cancel(compact) and not _STOP_CONDITION.search(compact):
        return Reading("cancel", expected=EXPECT_AUTHORISATION)
    if _AUTH_UNSURE.search(compact):
        return ask("unsure")
    if _AUTH_HEDGE.search(_REASSURANCE.sub("", flat)):
        return ask("unsure")
    # (the photo offered should the office want it, "要的话可以拍照", puts no condition on the answer: see ``_HELD_OR_SHOWN``)
    if _AUTH_CONDITION.search(re.sub(r"(?:你们|您)?(?:要|需要)(?:看)?的话(?:我)?(?:可以|马上)?(?:拍照|拍个照|拍照片)", "", compact)):
        return ask("condition")
    if _affirmation._JOKE.search(compact):
        return ask("joke")
    not_only = re.match(r"^(?:(?:授权委托书|委托书|授权书)(?:上|里|上面|里面)?)?(?:不光|不仅|不只|不止|不是只|并非只|不单)(?=写|有)[^,]*,"
                        r"(?:还|也|而且|并且)?(?=写了|写明了|写明|写着|有|包括)", flat)
    if not_only:
        # "不光写了代为办理，还写了代为作出告知承诺": the ordinary power named first, the scope added to it (不光 says
        # already that more follows: "不光写了代办，代为承诺也写进委托书了" needs no 还)
        # ("不是只写代办，还写了代为承诺": the narrower reading denied, 写 with its words straight after it, and the
        # fuller one said next; what is added must decide alone, so an ordinary power added is still a no)
        flat = flat[not_only.end():]
        compact = flat.replace(",", "")
    if _AUTH_DOUBLE_NEGATION.search(compact):
        return ask("unclear")
    clauses = [c for c in flat.split(",") if c]
    if len(clauses) > 1 and _NOTHING_ELSE.match(clauses[-1]) and _AUTH_SCOPE.search(",".join(clauses[:-1])):
        # "写了特别授权，没写别的": see ``_NOTHING_ELSE``; the scope named before it is all the letter holds
        clauses = clauses[:-1]
        flat, compact = ",".join(clauses), "".join(clauses)
    if len(clauses) > 1 and _AUTH_CORRECTION.search(compact):
        # "写了，哦不对，我看看……没写": the answer after the correction counts, and only a no is taken.
        last = _auth_clause(clauses[-1], names)
        return (Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
                if last in ("no", "bare_no") else ask("correction"))
    denied_then_looked = next((i for i in range(1, len(clauses) - 2) if _BARE_DENIAL.fullmatch(clauses[i])
                               and (_LOOK_DONE.fullmatch(clauses[i + 1]) or _LOOKED_AGAIN.match(clauses[i + 1]))), None)
    if denied_then_looked is not None and "?" not in prepared:
        # "写明了……不是，我刚翻了一下，没有承诺那句": a bare 不是 on its own after the answer, then a look at the letter
        # done there and then: the 不是 takes the answer back as 不对 does, on the evidence of the look, and what the look
        # found is the answer. Only a plain no is taken from it (a yes after a yes taken back is asked again).
        found = [_auth_clause(c, names, _key(ctx.applicant_name)) for c in clauses[denied_then_looked + 2:]]
        if found and found[-1] in ("no", "bare_no") and all(k in ("no", "bare_no", "neutral", "power") for k in found):
            return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
        return ask("correction")
    if len(clauses) == 2 and _ONLY_QUOTE_LEAD.match(clauses[0]) and _ORDINARY_QUOTE.match(clauses[1]):
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    kinds = [_auth_clause(c, names, _key(ctx.applicant_name)) for c in clauses]
    has = set(kinds)
    if "yes" in has and has <= {"yes", "no", "neutral", "ack"} and "no" in has \
            and all(_NOT_YET_SIGNED.fullmatch(c) and i > max(j for j, y in enumerate(kinds) if y == "yes")
                    for i, (k, c) in enumerate(zip(kinds, clauses)) if k == "no"):
        # "写明了，还没签字": whatever its words, a letter the principal has not signed yet grants nothing yet (alone, "还没
        # 签", it is the no of ``_AUTH_ORDINARY``); said after the words, as the last word on the letter, it is what the
        # letter now is. Said first and set against them ("还没签，不过写明了…") the speaker argues the words count all the
        # same, and the two stay side by side (asked again).
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if any(k == "no" and re.match(r"^(?:但是|但|不过|可是|只是)?除(?:了)?[^,]{0,8}?承诺", c) and not re.search(r"还|也|以及|和|及", c)
           for k, c in zip(kinds, clauses)):
        # "写明了特别授权，除了承诺": the commitment carved out of whatever else is granted ("除了承诺还写了…", which
        # adds to it, is not this)
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if "yes" in has and has <= {"yes", "no", "bare_no", "neutral", "ack"} \
            and any(k in ("no", "bare_no") and re.search(r"委托书|授权书|纸上|书面", c) for k, c in zip(kinds, clauses)) \
            and not any(k == "yes" and re.search(r"写|委托书|授权书|载明|注明|纸|书面|[这那一][条项]", c) for k, c in zip(kinds, clauses)):
        # "特别授权我有，委托书上没写": the grant claimed, and the document said not to hold it; a grant outside the
        # document is an oral one
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    concessive = [i for i, c in enumerate(clauses) if re.match(r"^(?:但是|但|不过|可是|只是)", c) and kinds[i] == "no"]
    if concessive and "yes" in kinds[:concessive[0]] and any(
            re.match(r"^(?:但是|但|不过|可是|只是)(?:只|仅|就)", clauses[i]) for i in concessive):
        # "写明了特别授权，不过只写了代为办理": "only ordinary powers" takes back the yes before it, and which of
        # the two the document says is not known.
        return ask("contradiction")
    if concessive and "yes" in kinds[:concessive[0]] and "bare_no" not in has and "bare_yes" not in has:
        # "写明了特别授权，不过没写承诺这两个字": the clause after 但/不过 restricts the one before it, and what
        # it says is that the commitment is not covered.
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if has & {"power", "no", "bare_no"} and any(_GOT_SPECIAL.match(c) for c in clauses):
        # "整了个特别授权，上面写着代为办理", "整了个特别授权，就写了代为办理": the special authorisation said to be got,
        # and only ordinary powers or a no said of it (see ``_GOT_SPECIAL``)
        return ask("not_specific")
    if "no" in has and not has & {"yes", "bare_yes"} and not any(
            k == "unknown" and re.match(r"^(?:还|也|另外|而且|并且)(?:写了|写着|写明了|有)", c) and _AUTH_SCOPE.search(c)
            and not re.search(r"[不没未无非别]", c) for k, c in zip(kinds, clauses)):
        # ("就写了代为办理，还写了代为作出告知承诺": the scope itself said to be written too, after "only an ordinary
        # power"; the two cannot both hold, and which one does is asked again)
        # "委托书还没签，回头让我爸签" / "…口头说的": what is said of the document is a no; the rest explains it.
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if "bare_no" in has and not has & {"yes", "bare_yes", "ack"} and not any(
            k == "unknown" and (_AUTH_SCOPE.search(c) or re.search(r"写明|写了|写着|有", c)) for k, c in zip(kinds, clauses)):
        # "没写。他只让我来交个材料", "没有，…": a plain no, and beside it nothing that speaks of the scope as written
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if not kinds or "unknown" in kinds:
        return ask("unclear")
    scoped = any(k == "yes" and _AUTH_SCOPE.search(c) for k, c in zip(kinds, clauses))
    if "power" in has and not scoped and not has & {"no", "bare_no", "bare_yes"}:
        # "写了，代为办理": "it is written" names no scope; the only power named is an ordinary one.
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if has <= {"power", "neutral", "ack"} and "power" in has:
        # Only ordinary powers are named ("委托书上就写了代为办理相关手续").
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if "no" in has or "bare_no" in has:
        if "yes" in has or ("bare_no" in has and "bare_yes" in has):
            return ask("contradiction")
        # "对，只写了代为办理" / "是普通委托": what the document says is an ordinary authorisation.
        return Reading("negated", detail="no_special_authorisation", expected=EXPECT_AUTHORISATION)
    if "yes" in has or "bare_yes" in has:
        shown = _without_object_emoji(prepared)  # (a page or a pen pictured is no attitude)
        if _affirmation._has_doubtful_emoji(shown) or ("yes" not in has and _affirmation._has_emoji(shown)):
            return ask("emoji")
        if "yes" not in has:
            return ask("not_specific")  # "是" alone: what does the document say?
        if any(_PAGE_TURNED.match(c) for c in clauses) and not _AUTH_SCOPE.search(flat):
            return ask("not_specific")  # "翻到背面了，写了": see ``_PAGE_TURNED``
        if "power" in has and not any(k == "yes" and "承诺" in c for k, c in zip(kinds, clauses)):
            # "写明了特别授权，代为办理", "特别授权那栏勾了，写着代为办理": the special authorisation named, and the only
            # powers listed with it are ordinary ones; whether it reaches the commitment is what the question asks
            # (said in one clause, "写明了特别授权代为办理", it is asked again as well)
            return ask("not_specific")
        if not _WRITTEN_REFERENCE.search(flat):
            # "我可以代他承诺", "我有权代他承诺": a power claimed, with no word of the written authorisation it
            # must stand in (R5 asks what the document says), is asked again naming those words.
            return ask("not_specific")
        if _nlu_disagrees(ctx, "authorization_scope"):
            return ask("nlu_disagrees")
        return value("yes")
    return ask("not_specific")


def _around_the_answer(reader: Callable[[object, Context], Reading], text: object, ctx: Context) -> Reading:
    """The reading of ``text``; when that is no decision, the answer inside it read alone: after the question
    quoted back ("您问是否写明…——是的，写明了"), or before a question about the procedure ("已阅读。承诺以后还需要去窗口
    吗？"). Only a decision of the same strict reader is taken from it."""
    reading = reader(text, ctx)
    if reading.kind not in ("question", "clarify") or not isinstance(text, str) or len(text) > MAX_CHARS:
        return reading
    return first_decided(_affirmation.answers_inside(text), lambda answer: reader(answer, ctx)) or reading


# ---------------------------------------------------------------------------------------------------------------------
# A statement of reading that its own surroundings undo. Each family below is a shape that leaves the words 已阅读 /
# 看完了 standing but takes back what they certify; the whole answer is then asked again (asking costs one turn, a
# notice taken as read that was not is a legal defect). They are checked on the whole answer after every other rule,
# so none of them can make a yes; they only withhold one.
#
# A form mark or markup around the words: struck through (Markdown ~~…~~, an opening ~, combining stroke
# characters), a cross or an empty box or blank beside it ("已阅读：×", "[ ] 已阅读", "已阅读（ ）", "已阅读：____"), or
# the words opened by markup (#, >, *, `, $, {, =, -, _) as text pasted from a form or a note rather than said. A
# ticked box (☑ ✅ [x]) is a mark of assent and is not among them.
_STRUCK = re.compile(r"[\u0335-\u0338]|~~|^\s*~")
_BLANK_OR_CROSS = re.compile(r"[×✗✘❌☐□]|[\[【(（]\s*[\]】)）]|_{2,}|^\s*(?:[-*]\s*)?\[\s*\]")
_MARKUP_OPENING = re.compile(r"^\s*(?:[#>*`$={_]|-(?![0-9]))")
# Someone else read it in the speaker's place: 帮我/替我 + 读/看/阅读 ("孙子替我读完了", "律师帮我看完了"). Read ALOUD to
# the speaker (给我念, 念给我听, 帮我念) is a different, accepted family and is not matched; nor is the speaker reading
# for someone else (我替我爸看完了), nor the same words denied (不是我儿子替我看的).
_READ_IN_MY_PLACE = re.compile(r"(?<![不没])(?:帮|替)我(?:把[^,]{1,8})?(?:从头到尾|一条一条|一条条|都|全)?(?:读|看|阅)")
_DENIED_BEFORE = re.compile(r"(?:不是|并非|并不是|没有|没)[^,]{0,6}$")
# A reading still to come: a time of day (or "when home") with a reading verb that carries no mark of completion
# (了/过/的/完了/完毕): "已阅读下午看", "下午看，已阅读", "下午看完我已认真阅读" (看完 with no 了 after a time is a plan).
# Also still reading on: 接着看/继续看/慢慢看 with no completion after it ("看完了晚上慢慢看").
_WHEN = r"(?:今天|今晚|明天|早上|上午|中午|下午|晚上|半夜|夜里|回家|下班|回去|有空)"
_PLANNED_READING = re.compile(
    rf"{_WHEN}+(?:的时候)?(?:再|就|会|要|准备|打算|抽空|慢慢|继续|接着|细|仔细|认真|好好)*(?:阅读|看|读)"
    r"(?!了|过|的|得|完了|完啦|完喽|完的|完毕|好了|到)"
    # (only after the statement: "慢慢看，总算看完了" before it tells how the reading went)
    r"|(?:完|已阅|过).*(?:接着|继续|慢慢)(?:阅读|看|读)(?!了|过|的|完了|完啦|完喽|完的|完毕|好了|到)")
# Only a part named as what was read: the front part, the large (or small) print, what could be seen, "those few
# items" (前面的都已阅读, 大字看完了, 看完了看得见的, 那几条都看完了). A clause that goes on past the part (前面几条还看
# 了两遍, 前面发的那七段) is not this shape.
_PART_ONLY = r"(?:前面|前边|大字|字大|字小|小字|看得见|看得清|能看清|能看见|那几条|这几条)(?:的)?"
_PART_READ = re.compile(
    rf"^{_PART_ONLY}(?:我|本人)?(?:都|也|全)?(?:已经|已)?(?:认真|仔细)?(?:阅读|阅|看|读)"
    rf"|(?:阅读|阅|看完了|读完了|看完|读完|看过了|看过|读过了|读过)(?:了)?{_PART_ONLY}$")
# Scrolled to the end given as the reading: "划到底了，已阅读", "已阅读（拉到底）". Scrolling shows the page ended, not
# that it was read. Where the answer tells a reading under way that has now reached the end (还没看完…哦刚翻到底了，
# 看完了; 刚刷到最后了，看完了: "just now reached the end" tells the reading arriving there) or names the parts read
# (每条都读过, 七部分都看完了), the scroll is how the end was seen and it stays.
_SCROLLED = re.compile(r"(?:划|滑|拉|刷|翻)到(?:了)?(?:底|最后|最下面|最底下|最下边)")
_READING_UNDER_WAY = re.compile(r"还没|没看完|没读完|没滑到底|没划到底|没翻到底|每条|每一条|七部分|七条|7条|7部分|一条一条|一条条"
                                r"|(?:刚|刚刚|才|终于|总算)(?:往下)?(?:划|滑|拉|刷|翻)到")
# Hearsay: the content known from someone's telling (听说的), not from reading it.
_HEARSAY = re.compile(r"听说|听别人说|听人说|别人说的")
# Emoticons that in Chinese chat show contempt or exasperation beside the words: the 微笑 face (🙂, [微笑]), the
# upside-down and unamused faces, and the side-eye or flat-face kaomoji. Friendly faces (😊 ^_^ :)) are not among them.
_SNEERING_FACE = re.compile(r"[🙂🙃😒😑]|" + _affirmation.MOCKING_SIGNS, re.IGNORECASE)
# A bare number as its own clause before the statement ("123，已阅读", "2024 看完了"): not a section reference or a
# count of parts (those carry 条/部分/段…), so the number says nothing the reader can place.
_BARE_NUMBER_FIRST = re.compile(r"^\s*[0-9０-９]+(?=\s*[,，。.、:：;；!！\s])")


def _statement_undone(text: str) -> bool:
    """True when the answer's own marks or words take back the reading statement it contains (see above)."""
    prepared = _affirmation._prepare(text)
    flat = _affirmation._flat(prepared)
    if _STRUCK.search(text) or _BLANK_OR_CROSS.search(prepared) or _MARKUP_OPENING.search(prepared):
        return True
    if _SNEERING_FACE.search(prepared) or _BARE_NUMBER_FIRST.search(prepared) or _HEARSAY.search(flat):
        return True
    if any(not _DENIED_BEFORE.search(flat[:m.start()]) for m in _READ_IN_MY_PLACE.finditer(flat)):
        return True
    if _PLANNED_READING.search(flat):
        return True
    if any(_PART_READ.search(clause) for clause in flat.split(",")):
        return True
    return bool(_SCROLLED.search(flat)) and not _READING_UNDER_WAY.search(flat)


def notice_read(text: object, ctx: Context) -> Reading:
    """Has the user read the whole notification? Only an explicit reading statement is a yes (R6)."""
    reading = _around_the_answer(_notice_read, text, ctx)
    if reading.kind == "clarify" and reading.detail in ("unclear", "hedge", "not_read"):
        # clauses the reader does not know: a plain statement beside clauses that only tell how, where and when it was
        # read (bot/core/circumstances.py) is the statement; anything else stays asked again. (A hedge or an unread part
        # the reader saw somewhere is found again there: each clause is read alone, and only a clause the closed
        # vocabulary holds is set aside, as "但还是" turning against a hardship or "没有看不懂的地方".)
        # (a clause is typed words, never the button: a typed "Yes" screened to "yes" is still a bare yes)
        reading = _circumstances.statement_among_circumstances(
            text, lambda c: clarify("bare_yes", EXPECT_READ) if _button(c) else _notice_read(c, ctx), _screen) or reading
    if reading.kind == "value" and isinstance(text, str) and _statement_undone(text):
        return clarify("unclear", EXPECT_READ)  # the answer's own marks or words take the statement back
    return reading


def special_authorisation(text: object, ctx: Context) -> Reading:
    """Does the written authorisation specifically cover making the commitment (特别授权)? (R5)"""
    return _around_the_answer(_special_authorisation, text, ctx)
