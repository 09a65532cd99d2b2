"""Step interpreters: what one answer, typed in reply to one question of the journey, means.

``interpret(step, text, ctx) -> Reading`` is the only entry point; the step names are the slot names. The
engine acts on the Reading's ``kind`` and never looks at the words again, so everything about Chinese as
people type it is decided here, deterministically and table-driven:

1. the text is normalised once (``bot.core.textnorm``: full-width, traditional, zero-width) and bounded;
   Cantonese, Henan and internet spellings of function words are read as the standard words (``_DIALECT``:
   唔 = 不, 冇 = 没, 阔以 = 可以); unusable input (empty, emoji only, huge, code) is a clarify, never an exception;
2. a small clause splitter cuts it at ，。；！ and before 但是/不过/可是 and corrections (不对/哦不/说错了):
   "是本人，哦不对，是帮我爸办" is decided by its last, corrected clause, and only when that clause is clear
   (a lone 不 between clauses corrects too; "对不对" asks and corrects nothing). A negation reaches the phrase
   after it and no further than the next phrase or a new subject ("不用承诺我交证明", typed without commas);
3. a clause classifier per step, from a table of phrases and labels. A phrase preceded by a negation counts
   as its opposite ("不是本人" = proxy, "不是帮别人" = self); a double negation cancels first
   ("不是不愿意" = 愿意). Each clause also carries flags: question, hedge (好像/应该/大概/随便), condition
   (如果…就), joke, cancel, typo of a word that matters (承偌, 本认: we name the word, we don't guess);
4. a combiner: questions win (a question is never an answer), then any hedge/condition/joke/typo asks
   again, then the clauses must agree on one value. The one joke that decides is a refusal said after it
   ("用承诺？开玩笑，我才不用"): a no, the safe side.

The NLU (``ctx.intent``/``ctx.confidence``) tells what the user does instead of answering: a confident FAQ or a
request for a person, when the rules found no answer. It does not decide the two choices, nor
overrule them. Measured on the answer corpora with the trained model (``make eval``), its affirm/deny there
never decided an answer the rules missed, it decided wrong ones where the rules rightly asked again ("我儿子
愿意", "我不是不愿意用承诺，是我妈不愿意"), and its "deny" on every answer with a 不 in it ("不是不用，是要用",
"不用……哦不是，用承诺") asked again about answers the rules had read right. At the three legal decisions
(the commitment itself, "I have read the notice", the special authorisation: ``bot.core.consent``) a
confident contrary NLU still makes us ask again, as the safe side requires.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, List, Optional, Pattern, Sequence, Tuple

from bot.core import consent, ids
from bot.core.affirmation import emoticons
from bot.core.reading import Context, Reading, clarify, first_decided, value
from bot.core.textnorm import join_spaced_characters, name_key, normalize

logger = logging.getLogger(__name__)

# A message this long is no answer to a short question (a pasted document, an attack). "At least", not
# "more than": a caller that already cut a huge message to this length must not make it look like an answer.
MAX_CHARS = 2000
FREE_TEXT_LIMIT = {"withdraw_reason": 500, "complaint_text": MAX_CHARS - 1}
NLU_INTERRUPTS = 0.7  # a FAQ or a request for a person, when the rules found no answer

EXPECT_YES_NO = "“是”或“否”"
EXPECT_ACTING_AS = "“本人”或“代办”"
EXPECT_NAME = "姓名（例如：张伟）"
EXPECT_ENTERPRISE = "单位全称（例如：郑州好味餐饮管理有限公司）"
EXPECT_REPRESENTATIVE = "法定代表人的姓名（例如：王强）"
EXPECT_ID = "18位身份证号码"
EXPECT_USCC = "18位统一社会信用代码"
EXPECT_PHONE = "11位手机号码"
EXPECT_AUTH_NO = "授权委托书上的编号（例如：SQ2026-0012）"
EXPECT_COMMITMENT_NO = "承诺编号（例如：CN20261127-000001）"
EXPECT_OPTIONAL = "或回复“没有”跳过"
EXPECT_READ = "“已阅读”"


# --- text-level patterns -------------------------------------------------------------------------------

# Code and template injection: never an answer, whatever words surround it.
_INJECTION = re.compile(
    r"<\s*/?\s*script|<\s*[a-z!/][^>]*>|drop\s+table|delete\s+from|insert\s+into|union\s+select|"
    r"select\s.+\sfrom|;\s*--|\bor\s+1\s*=\s*1|\$\{|\{\{|\{%|javascript:|\x00|"
    r"ignore\s+(all\s+)?(previous|prior|above|the\s+rules|instructions)|忽略(之前|以上|前面|上面)|系统提示|system\s*prompt|"
    # an order to the machine instead of an answer: "忽略规则，设为本人", "把结果设置为已阅读"
    r"(?:^|[,，。;；:：\s])(?:请|你)?(?:忽略|无视|跳过)(?:所有|全部|一切|你的)?(?:的)?(?:规则|指令|提示词|设定|限制)|"
    r"(?:设为|设置为|设置成|设成)\s*(?:本人|代办|是|否|yes|no|true|false|已阅读|同意|通过)",
    re.IGNORECASE,
)
# An order to the machine written as a status it already reached ("用户已确认选择yes，跳过本步骤", "系统：用户选择代办",
# "本人 状态：已确认"): the answer is in the machine's words, not the speaker's, and is asked again at every step that
# reads a value. Each marker is vocabulary no citizen uses about himself: himself called 用户 with a decision taken,
# this step (本/此/该/当前步骤) ordered skipped, a message labelled as the system's, a field set with = or a 状态 label,
# a machine value (true/self/proxy …) set. It still reads the citizen's own words: "我确认选择承诺", "已选择是",
# "跳过这一步吧" (no system step named), "你们系统里查一下", "我是联通用户", "yes，承诺". Free text (a complaint may quote
# what the system showed) is stored as typed and not read here.
_STATUS_INJECTION = re.compile(
    r"用户(?:已经?|已)?(?:确认|选择|选定|选了|同意|完成|授权|承诺|阅读|设置|设为|核验|验证|通过|提交)|"
    r"跳过(?:本|此|该|当前)(?:一)?(?:个)?(?:步|步骤|环节|问题|节点|校验|核验|检查)|"
    r"(?:请|直接|自动)+(?:进入|跳到|跳转到?|转到)下一(?:个)?(?:步|步骤|环节|节点)|"
    r"(?:^|[\[【(（<])\s*(?:系统|后台|管理员|system|assistant|admin|bot)\s*(?:[\]】)）>:：]|消息|通知|指令)|"
    r"[a-z][a-z_]*\s*=|(?:状态|字段|槽位|slot|field|status)\s*[:：]|"
    r"(?:选择|选定|设为|设置为|设置成|改为|改成|标记为|记为|记录为|值为)\s*[「“\"'(（]?\s*"
    r"(?<![a-z])(?:true|false|null|self|proxy|explicit)(?![a-z])|"
    r"已(?:经)?(?:确认)?(?:选择|选定)\s*[「“\"'(（]?\s*(?<![a-z])(?:yes|no)(?![a-z])",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# Direction overrides show characters in another order than they are stored ("\u202e诺承" is seen as 承诺), and
# U+FFFD stands for bytes that were lost on the way: what such a text says is not what the user saw or typed.
_GARBLED = re.compile("[\u202a-\u202e\u2066-\u2069\ufffd]")

_QUESTION = re.compile(
    r"[?]|吗|什么|(?<!不)怎么|怎样|咋|为什么|为啥|啥|干嘛|干吗|谁|是否|能不能|可不可以|可以不可以|会不会|要不要|是不是|有没有|"
    # "开证明还是承诺好": a choice between the two, asked
    r"[^,，]还是[^,，]{1,10}(?:好|呢|合适|划算|快|方便|省事)$|"
    # "承诺还是证明稳一点": one way named, then the other, then which is safer or better, compared ("还是证明稳一点", "想想
    # 还是交证明稳当" name the way after 还是 alone, and settle on it)
    r"(?:承诺|证明|材料|程序|流程)还是[^,，]{1,10}(?:好|合适|划算|快|方便|省事|稳|稳当|稳妥|保险|踏实|靠谱|放心)(?:些|点|一些|一点)?$|"
    r"行不行|好不好|对不对|多少|多久|(?<!嗯)哪|(?<!好)(?<!十)几[天个次年月号]|如何|何时|(?<=[\u4e00-\u9fff])(?<!好的)(?<!是的)(?<!对的)(?<!好)(?<!嗯)(?<!行)(?<!没有)(?<!没)(?<!着)呢$|^请问|我想问|想了解一下|不懂|不明白|"
    r"什么意思|是指|"
    # "用不用", "承诺不承诺", "愿意不愿意", "办没办": a verb asked both ways is a question
    r"((?![了的吧啊呀呢嘛哦])[\u4e00-\u9fff](?:(?![了的吧啊呀呢嘛哦])[\u4e00-\u9fff])?)[不没]\1"
)
_HEDGE = re.compile(
    r"好像|似乎|应该|可能|大概|也许|或许|估计|不确定|不一定|说不准|说不好|不太清楚|不清楚|不知道|不晓得|"
    r"不太确定|记不清|随便|都行|都可以|无所谓|看着办|你看着|你定|你决定|差不多|再想想|想一想|想想|考虑一下|"
    r"考虑考虑|犹豫|再说吧|以后再说|回头再说|到时候再说|先等等|等等再|^(是|对|好)吧$|^(额|呃)+$|还没想好|"
    r"再看看|看情况|问问|商量|说不清|讲不清|怕|担心|顾虑|不放心|(?i:\b(?:maybe|perhaps|probably|not sure|i guess)\b)|"
    # a thinking or doubtful face beside the answer ("嗯呐🤔") is doubt, as the words would be
    r"🤔|🤨|😕|😟|🙄|😒|😬|😐|😶|😓|😥|"
    # "我不太懂": not understood well enough to choose; "也算我的吧": a tentative judgement, not a statement
    r"不(?:太|大|是很)(?:懂|明白|了解)|(?:也|应该|大概)?算(?:是)?(?!了)[\u4e00-\u9fff]{1,6}吧$|"
    # "不用不行吧": a must said with two negations, asked back; no plain choice
    r"不[\u4e00-\u9fff]{1,2}不(?:行|成|可以)|"
    # "用不用承诺都行": the choice asked both ways, then left to us
    r"(?P<either>[\u4e00-\u9fff])[不没](?P=either)[^,，。]{0,6}?都(?:行|可以|成|中|好|无所谓)"
)
_EITHER_WAY = re.compile(r"([\u4e00-\u9fff])[不没]\1[^,，。]{0,6}?都(?:行|可以|成|中|好|无所谓)")
# Worry is doubt about saying yes, but the very reason of a "no" ("不想承诺，怕担责任").
# ("承诺这玩意儿我可不敢乱签": not daring to is the same worry; "不敢当" is only modesty)
_FEAR = re.compile(r"害怕|怕|担心|顾虑|不放心|(?:心里)?不踏实|心里没底|心里发虚|不敢(?!当)")
# "你说呢", "你看呢": the choice handed back to us, like "你看着办"; no question to answer.
# "用不用都行", "愿意不愿意的无所谓": the verb asked both ways, then indifference; no question either.
_DEFER = re.compile(
    r"(?:你们|您们|你|您)(?:说|看|觉得|认为)(?:呢|嘞|咧)|(?:你们|您们|你|您)(?:说|看)(?:咋|怎么)(?:办|弄|来)就(?:咋|怎么)(?:办|弄|来)|"
    # "哪个快就用哪个", "你说哪个好我就选哪个": whichever, as someone else judges it
    r"(?:(?:你们|您们|你|您)(?:说|看|觉得|认为))?(?:用|选)?哪(?:个|种|样)(?:更)?(?:快|好|方便|省事|简单|合适)?(?:我|俺)?"
    r"(?:就(?:用|选)?|用|选)哪(?:个|种|样)|"
    r"([\u4e00-\u9fff]{1,2})[不没]\1(?:的)?\s*(?:都|也)?(?:行|可以|成|中|一样|无所谓)|"
    # "看我爸能不能来吧": the answer left to whether something happens, no question asked of us
    r"^看[\u4e00-\u9fff]{1,6}?(?:能不能|能否|会不会|方不方便|来不来|有没有空|行不行)[\u4e00-\u9fff]{0,4}(?:吧|再说|再定)?$|"
    # "中不中俺也不知道", "我不知道选哪个": whether or which, said to be unknown; the choice left open, nothing asked
    r"([\u4e00-\u9fff]{1,2})[不没]\2\s*(?:我|俺|咱)?(?:也|都|还)?(?:不知道|不晓得|不清楚|说不好|说不准)|"
    r"(?:不知道|不晓得|不清楚)(?:该|应该|要)?(?:选|用|走|办)(?:哪个|哪种|哪样|哪条)|"
    # "我不确定要不要用承诺": whether, said to be unsure; "哪个不用交证明就选哪个": whichever, by a test left to us
    r"(?:不确定|拿不准|说不准|不知道)(?:要不要|用不用|选不选|该不该)|哪(?:个|种|样)[^,，。]{1,8}?就(?:用|选|走)哪(?:个|种|样)"
)
# "一半自己一半帮别人", "既是本人又是代办": both answers at once.
_BOTH = re.compile(r"一半[^,，]{1,10}一半|"
                   # "承诺也行证明也行": either one, said of both; no choice
                   r"(?:也|都)(?:行|可以|成|中|好)[^,，]{1,8}(?:也|都)(?:行|可以|成|中|好)|既[^,，]{1,10}(?:又|也)|又是[^,，]{1,8}又是|两(?:个|种|样)都|"
                   # "帮自己和我妈办", "给我爸和我自己办": the speaker and someone else at once
                   r"(?:自己|本人)(?:的)?(?:和|跟|还有|以及|加上)[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{1,4}(?:和|跟|还有|以及)(?:我)?(?:自己|本人)|"
                   # "我帮自己也帮邻居": one act for the speaker, another for someone else
                   r"(?:帮|替|给|为)(?:我)?(?:自己|本人)[^,，]{0,3}(?:也|还|又)(?:帮|替|给|为)")
_CONDITION = re.compile(r"如果|要是|假如|假设|万一|只要|除非|的话|前提是|条件是|才(行|可以|愿意)")
# "能当场办下来就承诺", "我爸能来就本人", "今天能办完就用承诺": 能 ("if it can") before 就 and a way is a condition
# without 如果, and the answer waits on it. Not when what "can" be is the way itself ("能用承诺就用承诺": the question
# already says it can), nor 不能/可能/哪能/还能/只能 (a denial, a hedge, a rhetorical question, "no choice but").
_CAN_THEN = re.compile(r"(?<![不可哪还只才怎功本])(?:要能|能)(?!不能|够不)(?P<what>[^，,。；;!！?？\s]{1,12}?)(?:的话)?(?:那)?(?:我|俺)?"
                       r"就(?:用|选|走|是|办|按)?(?P<way>告知承诺|承诺|本人|代办|我自己|自己|交证明|开证明|算了|不办了?)")


def _can_then(clause: str) -> bool:
    m = _CAN_THEN.search(clause)
    if not m:
        return False
    way = m.group("way").replace("告知", "").replace("我", "")
    return way not in m.group("what")


# "承诺可以，你们得先保证以后不罚款": a yes with a demand put on the office is a yes on that condition, which the office
# cannot grant here. Only a guarantee asked of us (你们/您/政府 as its subject): "我保证说的都是实话" vouches, and is no
# demand.
_DEMAND_ON_US = re.compile(r"(?:你们|您们|你|您|政府)(?:单位|政府|那边|这边)?(?:得|要|必须|先|能|可|也|都|给我|给俺|给个|给)*"
                           r"(?:保证|担保|打包票|打保票|写(?:个|份)?保证|立(?:个)?字据|发誓|兜底)")
_JOKE = re.compile(r"哈哈|呵呵|嘿嘿|嘻嘻|你猜|开玩笑|开个玩笑|逗你|逗你玩|骗你|闹着玩|hhh|lol|个屁|个鬼|个锤子|个头啊|才怪|见鬼|鬼才|😂|🤣|😜|😝|😆|🤪")
_CANCEL = re.compile(
    r"(?:明天|明儿|改天|下次|下回|过两天|过几天|回头|以后|等我)[^,，]{0,4}再(?:来|办|弄|搞|申请)|(?:下次|下回|改天)再说|"
    # (啦 is 了 with 啊 run together: "不办啦" drops the matter as "不办了" does)
    r"算了.{0,3}不办|不办(?:了|啦)|不弄(?:了|啦)|不搞(?:了|啦)|不想办(?:了|啦)|不想(?:弄|搞|申请)(?:了|啦)|不申请(?:了|啦)|先不办|取消(办理|申请|本次)?|退出|结束办理|不玩了|^(?:算了)+吧?$|"
    # "今天先不弄": put off for now, said as the whole of a clause ("先不弄证明" says which way, not whether)
    r"(?:今天|今儿|现在|这会儿?)?先不(?:弄|搞|整)(?:了|啦)?(?=$|[,，。.!！\s~～])"
)
# "不对", "哦不", "说错了": what follows replaces what came before.
# "对不对" / "是不是" ask for confirmation; they correct nothing.
_CORRECTION = (r"(?:哦不对|噢不对|哦不是|不对不对|(?<!对)不对|哦不|噢不|喔不|啊不|呃不|额不|"
               # ("俺怕万一说错了": a slip feared or supposed is none made; "15617890123，别打错了": nor one warned against)
               r"(?<!万一)(?<!怕)(?<!要是)(?<!如果)(?<!担心)(?<!别)(?<!不要)(?:说错了|搞错了|打错了|写错了|选错了|点错了|按错了|输错了)|"
               # "愿意，打错字了，不愿意", "不愿意……说反了，愿意": the slip named, then the answer put right
               # ("我选否，哦我理解反了，我选是": the question misunderstood is such a slip too)
               r"(?<!万一)(?<!怕)(?<!要是)(?<!如果)(?<!担心)(?:打错字了?|(?:说|写|弄|搞|选|点|按|理解|听|看)反了|理解错了)|"
               # "陈晨晨，多打了一个字，陈晨": a character typed too many or too few is such a slip, named in the past
               # ("别多打字", "怕少写了字" name none made)
               r"(?<!万一)(?<!怕)(?<!要是)(?<!如果)(?<!担心)(?<!别)(?<!不要)(?:多|少)(?:打|写|输|按)了(?:一个|一|个|两个)?字|"
               r"手滑了?|更正一下|更正|纠正一下|"
               # "不用承诺……想了想还是用吧": the answer reached after thinking it over
               r"想了想|转念一想|仔细一想|"
               r"我是说|我的意思是|应该说|不行不行|其实是|其实还是|实际上是|"
               # "不用……等等，还是用承诺吧": a pause to think, then the answer that counts
               r"(?:等等|等一下|等下)(?=[,，.。…!！ ]|$)|"
               # "我想想啊，承诺吧": thinking aloud, a clause of its own, then the answer (alone or last it answers nothing,
               # and "我再想想" still puts the answer off)
               r"(?:^|(?<=[,，.。…!！\s]))(?:让)?(?:我|俺)?想(?:一)?想(?:啊|哈|哦|呀|嗯|噢)?(?![\u4e00-\u9fff]))")
_CONTRAST = r"(?:但是|不过|可是|只是)"
_SPLIT = re.compile(rf"[,，。.;；!！~～、…\n]+| +(?=不{{1,3}}(?: |$))|(?<=[?])|(?={_CORRECTION})|(?={_CONTRAST})|(?=算了.)")
_CORRECTION_START = re.compile(rf"^(?:{_CORRECTION}|算了(?=.))")
_CONTRAST_START = re.compile(rf"^{_CONTRAST}")
# 但 alone opens a reservation as 但是 does ("承诺可以，但得你们先保证以后不罚款"), but only after a pause: a message that
# starts with it may be a name (the surname 但), and 但凡/但愿 are words of their own (a condition, a wish).
_BARE_BUT_START = re.compile(r"^但(?![是凡愿])")
# "不是不愿意", "没有不愿意": two negations cancel. "不是不是，…" is one "no", not a double negation.
REPEATED_NO = re.compile(r"(不是){2,}|(不){2,}")
# "不要不要", "不用不用": one answer said twice (and no "要不要" question inside it). "不中不中" (Henan "no good, no
# good") and "不成不成" likewise: the 中不中 inside them is no question.
_REPEATED_ANSWER = re.compile(r"(不要|不用|不了|不行|不需要|可以|没问题|不中|不成|不必)\1+")
_DOUBLE_NEGATION = re.compile(r"(?:不是|并不是|并非|没有|没|不会)不(?=[\u4e00-\u9fff])")
# A phrase right after one of these is negated: "不是本人", "不想用承诺", "没打算交证明".
_NEGATED_BEFORE = re.compile(
    # (非要, 非得 alone are "insist on", no negation: "我非要用承诺" chooses it; after a negation, "我没说非要用承诺",
    # the insisting is what is denied, and that is no choice of the other way: read by _NEGATION_NEARBY)
    r"(?:不是|并不是|并非|非(?![要得])|用不着|犯不着|没有必要|没必要|不必要|没法|没办法|无法|不|没有|没|别|无需|不必|甭|省得|免得|省去|省了|懒得)"
    # (按/按照/照/通过: "不按一般程序" follows the way it names, as 走 does)
    # (整 is the North's 搞/弄: "别整承诺了" waves the commitment off)
    # (来回, 反复: "不想来回跑着开证明" denies the trips made over and over, the errand with them)
    # (敢: "我不敢承诺" does not dare the way, which is not choosing it; the worry it tells stays flagged)
    r"(?:太|很|想|要|打算|准备|会|愿|愿意|同意|能|敢|用|再|又|还|专门|特意|选|选择|采用|是|需要|走|想要|搞|弄|整|给|为|帮|替|按照|按|照|通过|"
    r"来回|来来回回|反复|"
    r"(?:去|到|跑|跑去)(?:[\u4e00-\u9fff]{1,4}?)?){0,4}(?:那个|这个|那|这)?$|"
    # "没有谁让我代办", "没人托我办": no one asked the speaker to, so the speaker does not
    r"(?:没有|没)(?:谁|人|别人|哪个)(?:让|叫|请|托|要|找)(?:我|俺)(?:来|去|帮忙|帮着)?$"
)
# A negation further away than the table above reads ("不考虑承诺", "没打算在这儿用承诺") leaves its scope
# unclear: such a clause is asked again, never read as the phrase's own label. 了 and punctuation end a
# negated verb phrase ("不用了我自己去开证明"); idioms with 不/没 are no negation.
_NEGATION_NEARBY = re.compile(r"(?:不|没|别|甭|无需|省得|免得|懒得)[^了,，。;；!！?]{0,6}$")
_NOT_NEGATIONS = re.compile(
    r"没问题|没意见|没毛病|没事|不错|不客气|不好意思|不管|不论|不然|不过|不少|不久|不仅|要不|"
    # a circumstance given as the reason ("我年纪大了跑不动，就承诺吧"), not a "no" to the choice
    r"[跑走动]不动|[来去]不了|跑不了|等不了|受不了|不方便|不容易|不识字|不会用|看不清|听不清|"
    # ("我儿子在外地上班回不来": someone unable to come, or to get away, told as the reason)
    r"(?:回|过|赶回|赶)不(?:来|去)|走不开|(?:脱|抽)不开身|"
    r"不在(?:家|本地|当地|这边|这儿|这里|那边|村里|老家|身边)"
)
# "麻烦您…" is politeness; "开证明太麻烦了" is a reason, and keeps its word.
_FILLERS = re.compile(r"不好意思|麻烦(你|您)|^麻烦(?=[帮给把替])|谢谢(你|您)?|您好|你好|那个|这个嘛|家人们|老铁们?|宝子们|集美们|emmm*|嗯+(?=.)(?!(?:哪|那|呐)$)|额+(?=.)|呃+(?=.)")


# "俺可不是啥代理", "我又不是什么代办", "我就不搞啥承诺了": 啥/什么 after 不是 (or a verb denied) is "some kind of", said of
# what is denied, and asks nothing
# ("这不是啥都要交吗" keeps its question: the mark after it).
_DENIED_KIND = re.compile(r"(?<=不是|不搞|不弄|不整|不要|不用|不走|不选)(?:啥|什么)(?=[\u4e00-\u9fff])(?![^,，。;；!！]*[吗呢?？])")
# "我连老婆都不敢保证啥", "我也没说啥": 啥/什么 as the object that ends a denied verb is "anything", said of what is not
# done, and asks nothing. Only right after the negation (and a modal), with a pause or the end after it: "不知道啥" is
# not knowing what, "我不是啥" and "不交证明干啥" keep their questions, and a question mark after it keeps the ask.
_DENIED_ANYTHING = re.compile(r"(?<=[不没])((?:敢|会|能|想|要|用)?(?![是知晓])[\u4e00-\u9fff]{1,2}?)(?:啥|什么)(?=$|[,，。.!！~～…\s])")


def _fold(clause: str) -> str:
    """One clause with the noise that changes nothing taken out, and double negations cancelled."""
    c = _DENIED_ANYTHING.sub(r"\1", _DENIED_KIND.sub("", _FILLERS.sub("", clause)))
    c = REPEATED_NO.sub(lambda m: "不是" if m.group(1) else "不", c)
    c = _REPEATED_ANSWER.sub(r"\1", c)
    return _DOUBLE_NEGATION.sub("", c)


_BARE_NO_MARK = re.compile(r"不{1,3}|不是(?:不是)?")  # "我帮我爸办，不是，是我自己的": 不是 alone corrects too
_LONE_NEVER_MIND = re.compile(r"算了(?:吧|算了)?")
_LONE_NEGATION = re.compile(r"不{1,3}|不是|不对|没有")


@dataclass
class Clause:
    text: str
    correction: bool = False  # starts with 不对/哦不/说错了: it replaces everything before it
    contrast: bool = False  # starts with 但是/不过: a reservation unless it says the same thing


def split_clauses(text: str) -> List[Clause]:
    """Clauses of a message, with the correction and contrast markers taken off and remembered."""
    clauses: List[Clause] = []
    pending_correction = False
    parts = [p.strip() for p in _SPLIT.split(text) if p and p.strip()]
    for index, part in enumerate(parts):
        if clauses and _BARE_NO_MARK.fullmatch(part):
            # "愿意……不，还是交证明吧": a lone 不 between two clauses takes back what came before it.
            pending_correction = True
            continue
        if index + 1 < len(parts) and _LONE_NEVER_MIND.fullmatch(part):
            # "算了，还是承诺吧": 算了 followed by an answer drops what was weighed before; the answer counts.
            # Said last ("好吧，算了") it is a stop of its own, and stays a clause.
            pending_correction = pending_correction or bool(clauses)
            continue
        clause = Clause(part, correction=pending_correction)
        pending_correction = False
        m = _CORRECTION_START.match(part)
        if m:
            clause.correction = True
            clause.text = part[m.end():].strip()
        else:
            m = _CONTRAST_START.match(part) or (_BARE_BUT_START.match(part) if clauses else None)
            if m:
                clause.contrast = True
                clause.text = part[m.end():].strip()
        clauses.append(clause)
    if pending_correction:  # "愿意，不": the 不 is the last word, an answer of its own
        clauses.append(Clause("不"))
    return clauses


def _current(clauses: List[Clause]) -> Tuple[List[Clause], bool]:
    """The clauses that count: from the last correction on (when there was something to correct)."""
    last = None
    for index, clause in enumerate(clauses):
        if clause.correction and index > 0:
            last = index
    if last is None:
        return [c for c in clauses if c.text or not c.correction], False
    return [c for c in clauses[last:] if c.text], True


def is_question(text: str) -> bool:
    return bool(_QUESTION.search(text))


def is_cancel(text: str) -> bool:
    return bool(_CANCEL.search(text))


def _has_content(text: str) -> bool:
    return bool(_CONTENT.search(text))


def prepare(raw: Optional[str], limit: int = MAX_CHARS * 2) -> str:
    """The shared normal form of a message (full-width, traditional, zero-width), bounded to ``limit``."""
    # The character table folds the simplified 么 into its variant 幺; questions are written with 么
    # (什么, 怎么), and 幺 alone is never part of an answer here.
    # A number read out keeps its 幺 (the way 1 is said in phone numbers: 幺三八…).
    text = join_spaced_characters(emoticons(normalize(raw, limit=limit)[:limit])).replace("幺", "么")
    for pattern, replacement in _DIALECT:
        text = pattern.sub(replacement, text)
    return _SPOKEN_RUN.sub(lambda m: m.group(0).replace("么", "幺") if len(re.sub(r"[\s-]", "", m.group(0))) >= 7
                           else m.group(0), text) if "么" in text else text


_SPOKEN_RUN = re.compile(r"[零〇一二三四五六七八九么0-9](?:[\s-]*[零〇一二三四五六七八九么0-9])+")

# Cantonese, Henan and internet spellings of the few function words the answers turn on (negation, "is",
# "what", particles), read as the standard words the rules are written in: "唔使喇，我有證明" = "不用了，我有证明".
# Only words that mean nothing else in standard Chinese; 係 (simplified 系) is "is" only next to a pronoun,
# an adverb or another Cantonese word ("我係劉洋", "係咪"), never in 联系/关系/系统. Order matters: 系 and 唔
# are read before the words they may stand next to are replaced.
_DIALECT: Tuple[Tuple[Pattern, str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"达咩", "不要"),
    # "我哪是代办": a rhetorical 哪是 denies, it asks nothing
    (r"(?:哪里|哪儿|哪)是(?=代办|代理|帮|替|本人|我|自己|别人)", "不是"),
    (r"系咪", "是不是"),
    (r"(?<=[我你佢他她都就真仲即唔])系(?![统列数])|系(?=咩|乜|边|唔|点|几)|^系(?=[啊呀嘅的喇啦]?$)", "是"),
    (r"唔该", "请"),
    (r"唔使|唔洗|唔驶", "不用"),
    (r"唔知", "不知道"),
    (r"唔(?=[\u4e00-\u9fff])", "不"),
    (r"冇", "没"),
    (r"乜嘢|乜野|咩", "什么"),
    (r"点解", "为什么"),
    (r"点样", "怎样"),
    (r"边个", "谁"),
    (r"嘅", "的"),
    (r"咗", "了"),
    (r"喇(?!叭)", "了"),
    (r"佢哋", "他们"),
    (r"我哋", "我们"),
    (r"你哋", "你们"),
    (r"佢", "他"),
    (r"睇", "看"),
    (r"嚟", "来"),
    (r"咁", "那"),
    (r"俾", "给"),
    (r"屋企", "家"),
    (r"老豆|老窦", "爸"),
    (r"阿(?=[妈爸爷])", ""),
    (r"[㗎喎啫]", ""),
    (r"木有", "没有"),
    (r"弄啥[嘞咧]", "干什么"),
    (r"阔以", "可以"),
    # 己 typed as the look-alike 已: "自已" is no word of its own
    (r"自已", "自己"),
    # the Wu 个 that ties the owner to what is owned, as 的 does ("自家个事体", "我个事体": one's own matter), and the Wu
    # 事体 for 事情; only before 事体, where 个 can count nothing
    (r"(?:(?<=自家)|(?<=[我俺]))个(?=事体)", "的"),
    (r"事体", "事情"),
    # 自家, "one's own (household)", for 自己 before the doing: "俺自家办", "自家的事"
    (r"自家(?=办|弄|来|的事)", "自己"),
    # 屋头, the Southwest's (Sichuan, Chongqing) "at home", the household: after its owner "我屋头老汉儿" is 我家老汉
    # (my father), alone "屋头的人" is 家里的人
    (r"(?<=[我俺们])屋头", "家"),
    (r"屋头", "家里"),
    (r"好滴", "好的"),
    (r"肿么", "怎么"),
    (r"神马", "什么"),
))


def _guard(raw: object) -> Tuple[Optional[str], Optional[Reading]]:
    """The normalised text, or the clarify for input that is no answer at all."""
    if not isinstance(raw, str):
        return None, clarify("empty")
    if len(raw) > MAX_CHARS * 2:
        return None, clarify("too_long")
    text = prepare(raw)
    if len(text) >= MAX_CHARS:
        return None, clarify("too_long")
    if not text:
        return None, clarify("empty")
    if _INJECTION.search(text) or _GARBLED.search(text):
        return None, clarify("unusable")
    if not _has_content(text):
        return None, clarify("nonsense")
    return text, None


def _nlu(ctx: Context, names: Sequence[str], threshold: float) -> bool:
    return bool(ctx.intent) and ctx.confidence >= threshold and (
        ctx.intent in names or any(n.endswith("*") and ctx.intent.startswith(n[:-1]) for n in names)
    )


def _nlu_interruption(ctx: Context) -> Optional[Reading]:
    """What a confident NLU says the user does instead of answering (asks, wants a person)."""
    if _nlu(ctx, ("faq_*", "bot_capabilities"), NLU_INTERRUPTS):
        return Reading("question", detail=ctx.intent or "")
    if _nlu(ctx, ("handoff",), NLU_INTERRUPTS):
        return Reading("question", detail="handoff")
    # No stop is taken from the model alone: on the answer corpora its "cancel" never caught a stop the rules
    # missed, and it ended journeys on "法人退出了" (the representative left the company). A stop loses what was
    # given; the rules' words for it (不办了, 算了, 取消 …) are read everywhere.
    return None


def _question(ctx: Context) -> Reading:
    return Reading("question", detail=ctx.intent if ctx.intent and ctx.intent.startswith("faq_") else "question")


# --- choices: use_commitment, acting_as ------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One closed question: exact short answers, phrases with their label (first match wins a span), the
    label a negated phrase stands for, frequent misspellings of its key words, and the words to name."""

    step: str
    expected: str
    bare: Dict[str, str]
    phrases: Tuple[Tuple[Pattern, str], ...]
    opposite: Dict[str, str]
    typos: Pattern
    dominant: Optional[Pattern] = None  # a phrase that wins over the other label in the same clause
    # "愿意，不过…": a reservation on a choice is doubt. On who applies it is mostly an aside
    # ("是本人，不过我闺女帮我打字"), so there only a clause with its own label counts.
    reservations: bool = True
    # The pinyin keyboard's homophones of the key words that can mean nothing else (本仁 is 本人): read as the word.
    # Each is a pattern, so that a homophone which is a word of its own elsewhere is read only where it cannot be.
    homophones: Tuple[Tuple[str, str], ...] = ()
    # A clause in which someone else chooses or acts ("我老伴愿意用承诺", "我妈自己办"): not the speaker's answer.
    someone_else: Optional[Pattern] = None


def _phrases(*rows: Tuple[str, str]) -> Tuple[Tuple[Pattern, str], ...]:
    return tuple((re.compile(p), label) for p, label in rows)


# An option pointed at by its place in the question, which names the first answer first ("回复“是”…回复“否”…",
# "本人办理，还是代他人办理"): "第一个", "前者", "选后面那个". Only the whole clause is a pointer; "第一个还是第二个好"
# is a question and "第一个吧，大概" a hedge, read as such by the flags.
_FIRST_OPTION = r"^(?:我|俺)?(?:就)?(?:选|要|用|是|选择)?(?:第一个|第一种|第一项|第一条|头一个|前者|前一个|(?:前面|上面|上边|前边)(?:那|的|那一|这)?个?)(?:吧|的|啦|呗)?$"
_SECOND_OPTION = r"^(?:我|俺)?(?:就)?(?:选|要|用|是|选择)?(?:第二个|第二种|第二项|第二条|后者|后一个|(?:后面|下面|下边|后边)(?:那|的|那一|这)?个?)(?:吧|的|啦|呗)?$"


# 承诺 misspelt: at the choice a typo in the word of the commitment is asked again (the word is the one the legal
# steps turn on), except where it only echoes the question (``_ECHOED_TYPO``).
_COMMITMENT_TYPOS = r"承偌|成诺|承若|呈诺|城诺|乘诺|承喏|诚诺"
# "原意承若" (愿意承诺): the question's own verb (您愿意…吗) said as the answer, and after it the question's own object
# misspelt. The yes rests on 愿意/同意, which answer the question whole; the misspelt word can only be the 承诺 the
# question named. Only that whole clause: a negation, someone else, a hedge or anything after the word keeps the typo
# ("不原意承若", "我妈原意承若", "原意承若吧大概"), and so does the way chosen by its misspelt name alone ("就用承若吧",
# "成诺办理"), where the misspelt word is the answer itself.
_ECHOED_TYPO = re.compile(rf"(?:^|(?<=[,，。.!！;；\s]))((?:我|俺)?(?:当然|肯定|也|就)?(?:愿意|同意)(?:采用|用|选择|选)?(?:告知)?)"
                          rf"(?:{_COMMITMENT_TYPOS})(?=(?:制|方式|的方式)?(?:办理)?(?:吧|的|啊|呀)?(?:[,，。.!！;；\s]|$))")
# 但 inside a clause at a choice ("承诺可以但得你们先保证"): the reservation it opens is cut off as after a comma (不但,
# 非但, 但凡, 但愿 are words of their own).
_BUT_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![不非])(?=但(?![是凡愿]))")


USE_COMMITMENT = Choice(
    step="use_commitment",
    expected=EXPECT_YES_NO,
    bare={
        **dict.fromkeys(
            ["yes", "y", "ok", "okay", "是", "是的", "对", "对的", "好", "好的", "好啊", "好呀", "好吧", "嗯", "嗯嗯",
             "恩", "行", "行吧", "可以", "可以的", "要", "要的", "需要", "愿意", "同意", "中", "成", "没问题", "确定",
             "确认", "当然", "必须的", "那必须", "yes的", "1", "好嘞", "就它了", "就这个了", "就这个", "用", "要得", "嗯呢",
             "得行", "得嘞", "那中", "妥", "好撒", "okk", "没毛病", "就它", "选它", "照办", "就这么着", "好哒", "嗯哪", "嗯那",
             "那当然", "当然了", "那是当然", "当然可以", "当然用", "那肯定", "肯定", "肯定的", "想用", "我想用",
             # Henan 管 ("all right"), the internet's 嗯呐 and 安排 ("make it so"), English sure/yeah
             "我要用", "管", "管嘞", "嗯呐", "安排", "安排上", "sure", "yeah", "yep",
             # "当然是": the question's own 是, said as of course
             "当然是", "当然是的", "那当然是", "肯定是", "肯定是的", "那肯定是",
             # pinyin typed without choosing the characters ("shi de", "yuan yi")
             # ("shi": the question's own 是, as "fou" is its 否)
             "shi", "shide", "yuanyi", "woyuanyi", "keyi", "haode", "tongyi", "yongchengnuo"], "yes"),
        **dict.fromkeys(
            ["no", "n", "否", "不", "不要", "不用", "不用了", "不需要", "不愿意", "不同意", "不了", "不行", "不想", "不是",
             "不选", "2", "no thanks", "no thank you", "nope", "不用啦", "不想用", "我不想用", "我不用", "不必", "不必了",
             "没必要", "不需要了", "才不用", "我才不用", "俺才不用", "才不要", "我才不要",
             # Henan 不中 ("no good"), the refusal of 中
             "不中",
             # the North's 甭 (不用 said as one word), the Southwest's 不得行 (the refusal of 得行), and the Northeast's
             # 不整那玩意儿 ("not doing that thing"), said of the thing asked, pointed at (a bare "不弄了", "不整了" gives
             # the whole errand up, and is read as a stop)
             "甭", "甭了", "甭用", "甭用了", "不得行", "那甭了",
             *[f"不{verb}{thing}" for verb in "整弄搞" for thing in ("那玩意儿", "那玩意", "那个", "这个", "那东西")],
             "buyuanyi", "buyong", "buyao", "butongyi", "buxuyao", "fou"], "no"),
    },
    phrases=_phrases(
        (_FIRST_OPTION, "yes"),
        (_SECOND_OPTION, "no"),
        # the commitment refused in so many words: "来电人拒绝告知承诺" (拒绝 alone is read below)
        (r"(?:拒绝|不接受|放弃)(?:采用|使用|用|选择)?(?:告知)?承诺(?:制|方式|的方式)?", "no"),
        # the commitment left to others: "承诺留给年轻人", "承诺那一套还是让给别人吧" (not for the speaker; "承诺留给我"
        # is no such thing, and is not read here)
        (r"(?:告知)?承诺(?:这玩意儿?|那玩意儿?|这东西|那一套|这一套|这个|那个)?(?:就|还是|嘛)?(?:留给|让给)"
         r"(?:年轻人|小年轻|后生|别人|旁人|其他人|人家)", "no"),
        # Henan 不中 ("no good") before the commitment: "咱按一般程序走 不中承诺" ("中不中" asks, and is no 不中)
        (r"(?<!中)不中(?:用|选|走|搞)?(?:告知)?承诺(?:制|方式|的方式)?", "no"),
        # the proofs waved off and the commitment named in one breath: "不用证明用承诺", "不开证明了，就承诺"
        (r"(?:不用|不要|不交|不开|免)(?:开|交)?证明(?:了)?(?=(?:就|直接|改)?(?:用|选|走)?承诺)", "yes"),
        # the way without errands, pointed at: "我要那个不用跑腿的" ("要是不用跑腿的话" stays a condition)
        (r"(?:那个|那种)?不用(?:再)?(?:跑腿|跑路|跑来跑去)的(?:那个|那种|办法|方式)?$", "yes"),
        # the way asked about said to beat the proofs' errands: "比跑八趟居委会得劲多了", "比来回跑强多了" (得劲: Henan
        # "good"). Not denied ("不比跑腿强多少" matches nothing here)
        (r"(?<![不没])比(?:跑|来回跑|跑来跑去|跑腿|开证明|交证明|去开证明)[^,，。;；!！?？不没]{0,8}?"
         r"(?:强|好|得劲|省事|方便|舒服|划算|快|轻松)(?:多了|得多|太多了|多啦)", "yes"),
        # English: the commitment chosen, or the proofs brought instead (a negation anywhere leaves it unread)
        (r"(?i)^(?!.*\b(?:not|no|don't|dont|won't|never|without)\b)(?:yes,? )?(?:i(?:'d| would) like to |i(?:'ll| will| want to) |let's |please )?"
         r"(?:use |choose |take |go with |pick )?(?:the )?commitment(?: option| way| route| please)*$", "yes"),
        (r"(?i)^(?!.*\b(?:not|no|don't|dont|won't|never|without|can't|cannot)\b)(?:i(?:'ll| will| would| want to| prefer to)? )?"
         r"(?:submit|bring|provide|hand in|send)(?: the| my)? (?:certificates?|proofs?|documents?|papers?)(?: instead)?$", "no"),
        (r"(?i)^(?:no,? )?i (?:don't|do not|won't|will not) (?:want|use|choose|take)(?: to use)? (?:the )?commitment(?: option| way)?$", "no"),
        # ("愿意个头", "同意个鬼": the choice itself mocked the same way)
        (r"(?:(?:告知)?承诺|愿意|同意)(?:你|他|她)?个(?:大头鬼|鬼|头|屁|锤子|毛|球)", "no"),
        # a complaint about one way is the choice of the other: "开证明太麻烦了", "承诺太麻烦"
        (r"(?:开|交|提交|提供|办|拿|出具|准备|补|跑)(?:个|一下|相关的?|纸质)?证明[^,，不没]{0,4}"
         r"(?:太?麻烦|费劲|费事|折腾|难开|不好开|(?:太|可|很|真|好|挺|特别)难(?![不没])|跑断腿|跑不动|(?:跑|去)(?:好几|几|很多|好多|[两三四五])(?:个|趟|次|天)(?:地方|部门)?|"
         # the errand told as a story: "开证明跑了三趟都没开成", "开证明开了三回了" (or the days it takes: "开个证明跑三天")
         r"(?:跑|去|开)了(?:好几|几|很多|好多|[两三四五六七八九十])(?:个|趟|次|回|天)|"
         # the errand's distance told: "开证明还得跑镇上", "开个证明要去县里"
         r"(?:还|又)?(?:得|要)(?:跑|去)(?:到)?(?:镇上|镇里|县里|县城|城里|乡里|乡上|市里|区里|派出所|街道|好远)|"
         # the errand's cost told: "回老家开个证明来回车票几百块", "开证明还得请假" (the fare said to be dear, or leave taken;
         # "开证明路费不多" is no complaint)
         r"(?:来回)?(?:车票|路费|车费)(?:就|都|得|要)?(?:好几百|几百|上百|上千|好几千|几千|老贵|挺贵|太贵|好贵)|"
         r"(?:还|又)?(?:得|要)(?:请假|请几天假|扣工资))", "yes"),
        # ("实在抽不出空去派出所开证明": no time for the errand, where it is to be run said between)
        (r"证明(?:太|很|真|特别|实在)?(?:难开|不好开|难办|难弄|麻烦|费劲|费事)|"
         r"(?:没空|没时间|没工夫|没功夫|抽不出空|抽不出时间|腾不出空|腾不出时间)(?:去)?(?:[\u4e00-\u9fff]{1,4}?(?:所|会|里|上|街道|社区))?"
         r"(?:开|交|办|跑|弄)证明", "yes"),
        # no strength left for the errand, the speaker's own ("实在没力气再去医院开证明了", after a night shift; only with no
        # one else before it: "我妈没力气去开证明" is not read here)
        (r"^(?:我|俺)?(?:是|也|都|已经)?(?:实在|真|真的|确实)?(?:没|没有)(?:那个|那么多|啥)?(?:力气|精力|体力|劲儿?)(?:再)?(?:去|跑)?"
         r"(?:[\u4e00-\u9fff]{1,4}?(?:所|会|里|上|街道|社区|院|局))?(?:开|交|办|跑|弄)证明", "yes"),
        (r"承诺[^,，不没]{0,4}(?:太?麻烦|费劲|费事|折腾|太难)", "no"),
        # the commitment waved off, the negation after it: "承诺就不用了", "承诺我就不要了", and the speaker's refusal to
        # make it: "承诺那个我不签", "承诺书我不写" (the signing is the commitment made; "承诺那个我妈不签" is someone else's,
        # and is not read: see the yes below)
        # ("承诺这玩意儿我可不签": the commitment pointed at as a thing, and the refusal said with emphasis, 可/真/是/坚决)
        (r"^(?:告知)?承诺(?:的方式|这个|这种|书|那个|那种|这玩意儿?|那玩意儿?|这东西|那东西)?"
         r"(?:就|也|我|俺|我就|可|真|是|还是|坚决|绝对){0,3}(?:不用|不要|不需要|不必|免了|算了|不走|不选|不考虑|"
         r"不签|不签字|不写|不做|不搞|不弄|不整)(?:了|啦)?$", "no"),
        # the normal procedure waved off the same way is the commitment chosen: "一般程序就不走了", "普通流程就免了"
        # (only the whole clause: "一般程序就不走了吗" asks, "我妈一般程序不走了" is someone else's)
        (r"^(?:那)?(?:一般|普通|正常|常规|传统)(?:的)?(?:程序|流程|办法|方式|途径|路子)(?:就|也|我|俺|我就|俺就){0,2}"
         r"(?:不走|不用|不要|不需要|不必|不选|不考虑|免了)(?:了|啦)?$", "yes"),
        # the proofs cannot be had: "证明开不出来", "开不了证明"
        # ("那证明真开不出来", "证明材料一时半会儿凑不齐": said with emphasis or how long, and the papers not got together)
        (r"证明(?:材料)?(?:根本|实在|也|真|真的|就是|一直|总是|一时半会儿?|短时间内?)?(?:开|办|弄|拿|要)不(?:出来|到|了|下来)|"
         r"证明(?:材料)?(?:根本|实在|也|真|真的|就是|一直|一时半会儿?|短时间内?)?(?:凑|备|准备|弄)不(?:齐|全)|证明(?:根本|实在|也)?(?:没法|没办法|无法)(?:去)?(?:开|办|弄|拿)|"
         # ("开不出来证明": the verb's complement in full before the proofs)
         r"(?:开|办|弄|拿)不(?:出来|出|到|了|来|下来)(?:这个|那个|相关的?)?证明",
         "yes"),
        # the proofs waved off, the negation after them: "开证明没必要", "证明就不用了", "免开证明", "证明免了"
        (r"(?:开|交|提交|提供)?证明(?:材料)?(?:就|也|都|我|俺)?(?:没必要|不必要|不必|没用|不需要|不用|用不着|免了|省了|不想|不愿意)"
         r"(?:开|交|办|弄|提交|提供)?(?:了|啦)?$|免(?:开|交|提交|提供)证明", "yes"),
        # no proofs at all, or none wanted: "没有证明", "不用证明" (the commitment is what stands in for them)
        (r"^(?:我|俺)?(?:手上|手里|这儿|这里)?(?:没有|没|不用|不要|不需要|无需|拿不出|开不出)(?:这个|那个|相关的?)?证明(?:材料)?"
         # "不需要证明的那个": the way without proofs, pointed at
         r"(?:了|啦)?(?:的那个|的那种|那个|那种)?$", "yes"),
        # the proofs never got, however hard tried: "证明我跑断腿都没开出来", "证明跑了三趟也没办下来" (with 都/也/还/一直:
        # "证明没开出来" alone may only be not yet)
        (r"证明(?:材料)?[^,，。;；!！?？不没]{0,8}?(?:都|也|还|一直|始终|愣是)(?:没|没有|没能)(?:开|办|弄|拿|要)(?:出来|到|下来|成|着)",
         "yes"),
        # those who would issue it refuse, or the speaker gives up on it: "村里不给开证明", "证明不开了"
        (r"(?:村里|村委会?|居委会?|社区|单位|派出所|街道|他们|人家)?(?:不给|不肯|不愿意|不让)(?:我|俺)?(?:开|出具|出|办)(?:证明)?|"
         # ("证明我是不打算开了", "证明俺就不准备交了": the giving up said as the speaker's plan dropped, with 是 for emphasis;
         # the 了 says it is settled, "证明我还不打算开" is only not yet)
         r"证明(?:就|也|我|俺|我是|俺是|我就|俺就|我可|我真)?(?:不|不打算|不准备|不想|没打算|没准备)(?:再)?(?:去)?(?:开|交|办|要|弄|整)了", "yes"),
        # the errands of the proofs not wanted: "不想跑断腿", and "谁想跑断腿啊" beside an answer (read as this statement)
        # (the speaker's own wish only: "我儿子不想跑腿" is someone else's)
        # ("不想跑好几个部门挨个盖章": the rounds of the offices told, trips counted or stamps collected one by one)
        (r"^(?:我|俺)?(?:也|实在|真|真的|可|就|是|都)?(?:不想|不愿意|不愿|不乐意|不稀罕)(?:再)?"
         r"(?:跑断腿|跑腿|来回跑|跑来跑去|东奔西跑|到处跑|跑(?:好几|几|很多|好多|[两三四五六七八九十])(?:个|趟|次|回)(?:地方|部门|单位|窗口)?|"
         r"(?:挨个|挨着|到处|一个个)盖章)", "yes"),
        # "还是证明稳一点": the proofs judged the safer way, settled with 还是 at the start of the clause (or after an English
        # word and a space, "nope 还是证明稳一点"), as "还是承诺好" is below ("承诺还是证明稳一点", the two weighed, asks; so does "…吗")
        (r"(?:^|(?<=[A-Za-z] ))(?:那|我|俺)?还是(?:交|开|提交|提供|用|走|拿)?证明(?:材料)?(?:更|比较)?"
         r"(?:好|稳当|稳|稳妥|保险|踏实|靠谱|放心|省事|方便|合适)(?:些|点|一些|一点)?(?:吧|啊|呀)?$", "no"),
        # the commitment said to do no harm, the speaker's own: "再承诺一个也无妨", "承诺又何妨" (only the whole clause, the
        # speaker or no one before it: "我妈承诺也无妨" is someone else's, "不承诺也无妨" the other way, and a question
        # after it keeps its ask)
        (r"^(?:我|俺)?(?:就|那就)?(?:再|多)?(?:告知)?承诺(?:一个|一回|一次|一下|个)?(?:又|也|倒也)?(?:无妨|何妨|有何妨|不碍事)"
         r"(?:了|啊|呀|嘛|的)?$", "yes"),
        # the place that issues the proofs not to be found: "开证明那地方俺都找不着" (the proofs cannot be had, as "证明开不出来";
        # "开证明那地方俺找着了", "开证明那地方在哪" say no such thing, and are not read here)
        (r"(?:开|办|出具|盖)(?:个)?证明(?:的)?(?:那|这)?(?:个)?(?:地方|地儿|部门|单位|窗口)(?:我|俺)?(?:都|也|根本|压根儿?|到现在都|到现在也)?"
         r"(?:找不着|找不到|摸不着门|摸不到门)", "yes"),
        # declining: the normal procedure with proofs (R3)
        # (not the place or the people that issue them: "开证明的地方", "开证明那地方")
        # the proofs to be handed in, said with the proofs first as the topic: "证明交起就是了" (the Southwest's 交起, "hand
        # in"), "证明俺交上就行" (only the whole clause, the speaker's or no one's: "我妈证明交上就是了" is someone else's;
        # "证明交起来太麻烦" complains of them, and "…吗" asks)
        (r"^(?:那)?证明(?:材料)?(?:我|俺)?(?:就)?(?:交起|交上)(?:去)?(?:就是了|就是|就行了?|就好|就得了|嘛|噻|撒|吧)?$", "no"),
        # (nor the errand told with the sign-off still to be sought: "村里开证明还得找支书签字" is a remark on the proofs'
        # hassle, which chooses neither way by itself)
        (r"(开|交|提交|提供|办|拿|出具|准备|补)(?:过|了)?(个|一下|相关的?|纸质)?(?:证明|材料)"
         r"(?!(?:的|那个?|这个?|的那个?)(?:地方|地儿|人|部门|单位|窗口)|的(?:那边|那里)|"
         r"[^,，。;；!！?？]{0,4}?(?:还|又)(?:得|要)(?:去)?(?:找|求|等|请)[^,，。;；!！?？]{1,8}?(?:签字|签名|盖章|批准|审批|点头))"
         r"|证明材料|原件",
         "no"),
        # (not when waved off right after: "我妈一般程序不走了" is no "no"; the speaker's own is read above)
        (r"(一般|普通|正常|常规|传统|原来的?|以前的?|老)(的)?(程序|流程|办法|方式|途径|路子|做法)"
         r"(?![^,，。;；!！?？]{0,4}?(?:不走|不用|不要|不需要|不必|不选|不考虑|免了))|老办法|按流程|走流程|"
         r"按(?:照)?(?:一般|普通|正常|常规|原来|以前|老)的?(?:来|办|走)", "no"),
        (r"拒绝|否决|放弃承诺|^否|(?:^|暂时|先|还是|就)不(?:用|需要|要)了?$|照旧|按老规矩|按原来的", "no"),
        # the proofs already in hand: "我有证明", "证明都带了"
        (r"(?:我|俺)(?:手上|手里|这儿|这里|已经|早就|都)?(?:有|带了|带着|拿着)(?:现成的|开好的|开好了的)?证明|"
         r"证明(?:材料)?(?:我|俺|都|已经|早就|早|也){0,3}(?:带|拿)(?:了|着)|"
         # "证明我揣兜里呢": the proofs carried on the speaker
         r"证明(?:材料)?(?:我|俺|都|已经|早就|早|也){0,3}(?:揣|装|放)(?:在)?(?:兜|口袋|裤兜|衣兜|包|手)里|"
         r"证明(?:材料)?(?:我|俺|都|已经|早就|早|也|上礼拜|上星期|上周|前几天|前天|昨天|上个月|就){0,3}(?:开|办|准备|拿|弄|带|备)(?:好|到|齐|来|全|回来)了?|"
         # "证明社区已经给我开好了": those who issue it said to have issued it to the speaker, done (没/不 between is not
         # done: "社区还没给我开" is not read here)
         r"证明(?:材料)?(?:村里|村委会?|居委会?|社区|街道|派出所|单位|镇上|镇里|乡里|他们|人家)(?:都|已经|早就|早|也|就){0,2}"
         r"(?:给|帮|替)(?:我|俺)(?:开|办|出|出具|盖)(?:好|出来|完)了|"
         r"证明(?:材料)?(?:我|俺|都|已经|早就|早|也){0,3}(?:齐|全|有)了|"
         # ("证明我都有": held by the speaker, said without 了; only the whole clause, "证明我都有吗" asks)
         r"证明(?:材料)?(?:我|俺)(?:都|也|早就|早|全都|全)有(?:的|啊|呀)?$|"
         r"^(?:证明)?材料(?:我|俺|都|已经|早就|早|也){0,3}(?:齐|全|备齐|带齐|准备齐|准备好)了|(?:我|俺)(?:有|带了)(?:全部|所有|全套)(?:的)?(?:证明)?材料",
         "no"),
        # choosing the commitment ("承诺…" opening the clause is the way named first, but not when someone else's
        # negation follows it: "承诺那个我妈不签" is another person's refusal, and no choice of the speaker's)
        (r"告知承诺|承诺制|承诺方式|承诺办理|承诺的方式|用承诺|选承诺|采用承诺|按(?:照)?承诺|承诺(?:好了|就好|就行|得了)|"
         r"(?:必须|肯定|当然|一定)(?:要)?用|承诺(?:吧|呗|啊|了|的|就是了|就是|便是)?$|"
         r"^承诺(?!(?:书|那个|那种|这个|这种)?(?:就|也)?(?:我|俺|我们)?(?:的|家)?(?:老伴|老头|老太|老婆|老公|丈夫|妻子|爱人|媳妇|"
         r"对象|儿子|女儿|闺女|孩子|爸|妈|爹|娘|父亲|母亲|哥|姐|弟|妹|家里人|家人|孙子|孙女|女婿|儿媳|亲戚|朋友|他|她|人家|别人)"
         r"(?:就|也|可|还)?(?:不|没|别))"
         # nor when the speaker's own negation follows it ("承诺我可不敢签", "承诺这玩意儿我不签", "承诺我就不"): the way named
         # first is then what is refused, which only the "no" above reads, in its whole clause
         # ("承诺还是不承诺": the two said as alternatives, kept as they are read; "承诺没毛病", "承诺不麻烦", "承诺不用跑": the
         # praise and the errands spared negate nothing)
         r"(?!(?:书|那个|那种|这个|这种|这玩意儿?|那玩意儿?|这东西|那东西)?(?:我|俺|我们)?(?:就|也|可|还|是|真|实在|真的|坚决|绝对)*"
         r"(?:不|没|别)(?!承诺|问题|毛病|意见|事|错|麻烦|费事|费劲|用跑|用再跑|用(?:开|交)?证明))"
         # (nor when it is the topic of a remark on it, "承诺这事得慎重啊", "承诺这种事跟结婚一样": the commitment talked
         # about, not chosen; "承诺这事吧" alone still names it)
         r"(?!(?:这|那)(?:件|种|个)?事(?:儿|情)?(?!(?:吧|呗|啊|了|就行|就好)?$))|做承诺|写承诺|承诺(?:来|去)?办|"
         # "走承诺的流程": the commitment's own procedure
         r"承诺(?:的)?(?:流程|程序|路子|途径|办法)|"
         # "就(那个)承诺的吧": the commitment's way pointed at and settled with 就 ("是承诺的吧", a guess, and "不就承诺的
         # 吧", asked back, are not read here)
         r"(?<!不)就承诺的(?:那个|那种|那样)?吧$|"
         # "还是承诺好": the commitment judged the better way, settled with 还是 at the start of the clause ("交证明还是
         # 承诺好", the two weighed, is a question)
         r"^(?:那|我|俺)?还是(?:用|选|走)?(?:告知)?承诺(?:更|比较)?(?:好|稳当|省事|方便|合适|划算)(?:些|点|一些|一点)?(?:吧|啊|呀)?$", "yes"),
        # (不愿意/不同意 with a way as its object, "不愿意交证明", is only the negated verb of that way: the way is read with
        # the negation before it, and the verb is no second answer beside it. Unnegated, "愿意交证明" keeps both words and
        # is asked again: 愿意 may answer the question before the way is added, and its homophone 原意 ("原意交证名") may
        # be "originally meant to", which says the opposite)
        (r"要用|就用|用吧|用它|^用$|(?<!不)(?<!没)(?<!不太)(?<!不大)(?:愿意|同意)|"
         r"(?:愿意|同意)(?!(?:去|再|来)?(?:开|交|提交|提供|办|拿|出具|准备|补|用|选|走|采用|按)(?:个|一下|相关的?|纸质)?"
         r"(?:告知)?(?:证明|材料|承诺|一般|普通|正常|常规))|采用|采纳|选择(这个|这种|这样)?(?![不没交开提一普正按走])|选这个|用这个|就这个|就这样|那就这样|就这么(?:办|弄|整|搞)|这么办|就这么定|没问题|没意见|可以|好的|好啊|"
         r"行吧|那行|就用|确定|省事", "yes"),
    ),
    opposite={"yes": "no", "no": "yes"},
    # (成序 is 程序 misspelt, the word the normal procedure is named by: asked again as a misspelt 承诺 is)
    typos=re.compile(_COMMITMENT_TYPOS + r"|愿义|原意(?![是为])|元意|圆意|成序"),
    # Exact pinyin homophones only (zhengming, yuanyi), and only where they are no word: 证名 is none; 原意 ("the original
    # meaning") is one before 是/为 or after 的/本 ("我的原意是交证明"), and stays a typo there. 元意, 圆意 are none. A
    # misspelt 承诺 (承若, 成诺: another syllable) is no homophone, and is read only as ``_ECHOED_TYPO`` says.
    homophones=(("证名", "证明"), (r"(?<![的本])原意(?![是为思])", "愿意"), ("元意|圆意", "愿意")),
    someone_else=re.compile(r"^(?:是)?(?:我|俺|我们)?(?:的|家)?(?:老伴|老头|老太|老婆|老公|丈夫|妻子|爱人|媳妇|对象|儿子|女儿|闺女|孩子|爸|妈|爹|娘|"
                            r"父亲|母亲|哥|姐|弟|妹|家里人|家人|孙子|孙女|外孙|女婿|儿媳|亲戚|朋友|邻居)(?:也|都|倒是|还|就)?(?:说)?(?:不)?(?:愿意|想用|要用|同意|选|"
                            # "我儿子用承诺", "我妈交证明": what someone else does is not the speaker's choice
                            r"用|走|交|开|承诺)|"
                            # "我媳妇说用承诺": what someone else said to do, reported
                            r"^(?:是)?(?:我|俺|我们)?(?:的|家)?(?:老伴|老头|老太|老婆|老公|丈夫|妻子|爱人|媳妇|对象|儿子|女儿|闺女|孩子|爸|妈|爹|娘|"
                            r"父亲|母亲|哥|姐|弟|妹|家里人|家人|孙子|孙女|外孙|女婿|儿媳|亲戚|朋友|邻居)(?:也|都|倒是|还|就)?"
                            r"(?:说|让|叫|讲|建议)(?:我)?(?:还是|就|要)?(?:不)?(?:用|走|选|交|开|承诺)|"
                            # "我妈说可以", "我闺女说这个能承诺": someone else's word that it is fine or possible, reported
                            r"^(?:是)?(?:我|俺|我们)?(?:的|家)?(?:老伴|老头|老太|老婆|老公|丈夫|妻子|爱人|媳妇|对象|儿子|女儿|闺女|孩子|爸|妈|爹|娘|"
                            r"父亲|母亲|哥|姐|弟|妹|家里人|家人|孙子|孙女|外孙|女婿|儿媳|亲戚|朋友|邻居)(?:也|都|倒是|还|就)?(?:说|讲|觉得)"
                            # ("我妈说就这么弄": the way settled, in someone else's word)
                            r"[^,，。;；!！?？]{0,6}?(?:可以|能|行|中|没问题|方便|划算|就这么(?:办|弄|整|搞|定))"),
)

_RELATIVE = (
    r"(?:老母亲|老父亲|老母|老父|老娘|老爹|老妈|老爸|姥姥|姥爷|爷爷|奶奶|爸|妈|爹|娘|父|母|爷|奶|外公|外婆|姥|老伴|老头|老太|老爷子|老太太|公公|婆婆|岳父|岳母|丈母娘|老丈人|老公|老婆|丈夫|妻子|爱人|媳妇|对象|儿子|女儿|闺女|孩子|小孩|娃|孙|"
    r"外甥|侄|女婿|儿媳|哥|姐|弟|妹|叔|伯|舅|姨|姑|婶|亲戚|朋友|同学|同事|邻居|老板|领导|家人|家里人|老人|亲人|"
    r"工友|老乡|乡亲|街坊|战友|室友|舍友|那口子|师傅|师父|徒弟|房东|老师|上司|雇主|东家|大妈|阿婆|阿公|"
    r"保姆|护工|学生|房客)"
)
# Someone the speaker looks after: "替我们村的五保户办", "帮楼里的独居老人办".
_WARD = r"(?:五保户|低保户|困难户|村民|居民|独居老人|孤寡老人|残疾人|老人家|病人|患者|住户)"
_KIN = rf"(?:{_RELATIVE}|{_WARD}|公司|单位|企业|客户|他|她|别人|他人|人家|其他人|申请人|当事人)"
# Relations rarer than those above, or said the southern way; read only at who acts.
# (老汉 is the Southwest's and the North-West's father, or an old woman's husband; 老表 a cousin; 阿嬷 the southern grandmother)
_RELATIVE_RARE = (r"(?:连襟|妯娌|嫂子?|弟媳|姐夫|妹夫|老汉|老表|阿嬷|嬷嬷|阿嫲|嫲嫲|嫲|阿爷|班主任|干爹|干妈|干儿子|干女儿|继父|继母|后妈|后爸|"
                  r"小舅子|大舅子|小姨子|大姨子|曾祖母|曾祖父|太奶奶|太爷爷|太姥姥|"
                  # the staff of the speaker's shop: "我店里伙计自己办" is the worker acting for themself
                  r"伙计|店员|员工|雇员|帮工|学徒)")
# Whose: "我", "我们村的", "我们公司的", "俺家的".
_WHOSE = r"(?:我|咱|俺|我们|咱们)?(?:村|厂|组|队|楼|楼里|小区|社区|单位|公司)?(?:的|家|家的|里的)?"
ACTING_AS = Choice(
    step="acting_as",
    expected=EXPECT_ACTING_AS,
    bare={
        **dict.fromkeys(["self", "本人", "是本人", "我本人", "本人办理", "自己", "我自己", "自己办", "我", "是我", "就是我", "俺",
                         "本人办", "我自己办", "亲自办", "myself", "me", "by myself", "for myself",
                         # pinyin typed without choosing the characters ("ben ren", "zi ji ban")
                         "benren", "woziji", "ziji", "zijiban", "benrenban", "benrenbanli", "woshibenren"], "self"),
        **dict.fromkeys(["proxy", "代办", "代理", "代他人办理", "代人办理", "代别人办", "代为办理", "是代办", "帮别人",
                         "帮别人办", "替别人办", "委托", "daiban", "dairenban", "daitarenbanli",
                         "bushibenren", "bushiwoziji",
                         # the question's own word for it, cut short
                         "代"], "proxy"),
    },
    phrases=_phrases(
        # nobody else can do it, said as a clause of its own: "自己的事，别人替不了", "这事旁人代替不了" (the speaker's own
        # matter, which only the speaker can see to). Beside someone else's matter ("我妈的事，别人替不了") it stands against
        # that, and is asked again; "别人替得了" says nothing of the kind.
        (r"^(?:这事儿?|这个|这)?(?:别人|他人|旁人|其他人|外人)(?:都|也|可)?(?:替|代|代替|帮)(?:我|俺)?(?:办|跑|弄)?不了(?:的|啊|呀)?$",
         "self"),
        # nobody who acts for the speaker: "没人替我办", "没有人愿意帮我跑" (so the speaker does it alone; "没人替我妈办" is
        # someone else's matter, and is not read here)
        (r"(?:没有|没)(?:人|谁|别人|旁人|哪个)(?:愿意|肯|乐意|会|能|可以)?(?:替|帮|代|给)(?:我|俺)(?:来)?(?:办|跑|弄|申请)", "self"),
        # "本人是我爸": 本人 here is the applicant the question means, said to be the speaker's relative (as "申请人是我妈")
        (rf"^本人(?:是|为)(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE})", "proxy"),
        # nobody else asked to do it, said by the speaker of themself: "没找别人", "哪能让别人代办" (asked back: "不让别人
        # 代办"). Only with no one but the speaker before it: "我妈不让别人代办" is someone else's word. (Not troubling
        # others, "不麻烦别人了", is only courtesy: see _COURTESY_TO_OTHERS.)
        (r"^(?:我|俺)?(?:就|也|可|才|还是)?(?:不|没|不用|不想|不能|不会|不愿意?|别)(?:再)?(?:让|叫|请|找|托)"
         r"(?:别人|他人|人家|旁人|其他人|外人)(?:来|去)?(?:代办|代理|代劳|代我|帮我|替我|帮忙)?(?:办|跑|弄|申请|办理)?", "self"),
        # the speaker named on the licence as its holder: "个体户执照上经营者写的就是我", "营业执照法定代表人那栏写的就是我名字"
        # ("写的是我妈", "写的不是我" are not read here)
        (r"(?:法人|法定代表人|法人代表|经营者|申请人)[^,，。;；!！?？]{0,6}?(?:写的|登记的|填的|印的)(?:就|也)?是(?:我|俺)"
         r"(?:本人|自己|的名字|名字|的名)?(?![\u4e00-\u9fff])", "self"),
        # In whose name the matter is done: "用我的名义办" is the speaker's own application, "以我爸的名义申请" someone
        # else's. Read so that it stands against the other answer beside it ("我爸的事，但用我的名义办": asked again).
        (r"(?:用|以|按)(?:我|俺)(?:自己|本人)?(?:的)?名义", "self"),
        (rf"(?:用|以|按)(?:我|俺|我们)?(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}|他|她|别人|他人|人家)(?:的)?名义", "proxy"),
        # "我是户主": the household's head, who applies for the household, says it is the speaker's own matter. Only the
        # whole clause: "我是户主的儿子", "我不是户主", "户主是我爸" are not read here.
        (r"^(?:我|俺)(?:就|本人)?是(?:这|这个|我们|俺们|我|俺)?(?:家的?|家里的?)?户主(?:本人)?(?:啊|呀|哦|嘛|呢|嘞|哈)?$|"
         r"^户主(?:就)?是(?:我|俺)(?:本人|自己)?(?:啊|呀|哦|嘛|呢|嘞|哈)?$", "self"),
        # "我是我爸的全权代言人": the speaker speaking for a relative
        (rf"^(?:我|俺)(?:就)?是(?:我|俺)?(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE})的(?:全权)?代言人", "proxy"),
        # someone else: a relative, a friend, a company, "他/她"
        # ("来电人为申请人本人": 为 is the written "is", the caller is the applicant)
        (rf"(?:帮|替|给|为(?!(?:申请人|当事人)本人)|代){_WHOSE}{_KIN}", "proxy"),
        # someone named by name: "帮赵强办", "替李秀英申请" (not "帮我办", "帮忙办", "给自己办")
        (r"(?:帮|替|代|为)(?!我|自己|本人|俺|咱|你|您|忙|个忙|一下|下)([\u4e00-\u9fff]{2,3})(?=办|申请|弄|跑一趟)", "proxy"),
        # someone named with more words between: "帮隔壁王大妈办", "替村里五保户申请"; or a hand of the speaker's shop
        # ("给我店里伙计办健康证"), or several done at once ("代我们村几户老人统一办的"; "给伙计问的" asks, and is not read)
        (rf"(?:帮|替|给|为|代)[\u4e00-\u9fff]{{1,6}}?(?:{_RELATIVE}|{_WARD}|伙计|店员|员工|雇员|帮工|学徒|工人)"
         r"(?=(?:统一|一起|一块儿?|一并|集中)?(?:办|申请|弄|跑|交|的|来))", "proxy"),
        # the same with a rarer relation, or the relation's 子 after it, or nothing after it: "帮我大姨子办",
        # "替我连襟办", "帮我堂弟"
        (rf"(?:帮|替|给|为|代)(?:我|俺|咱)?(?:的|家)?[\u4e00-\u9fff]{{0,3}}?(?:{_RELATIVE_RARE}|{_RELATIVE})(?:子)?"
         r"(?=办|申请|弄|跑|交|的|来|搞|整|$)", "proxy"),
        # "办的是我姨妈的": whose matter it is, named after it
        (rf"办的是(?:我|俺|我们)(?:的|家)?[\u4e00-\u9fff]{{0,2}}?(?:{_RELATIVE_RARE}|{_RELATIVE})", "proxy"),
        # the formal and the clerk's register: "本人系受托人" (本人 here is the written "I"), "经办人即申请人本人",
        # "办理人与申请人为同一人" / "…不是同一人"
        (r"本人(?:系|是|为|乃)(?:[\u4e00-\u9fff]{0,6}的)?(?:受托人|代理人|代办人|受委托人)", "proxy"),
        (r"(?:经办人|办理人|来电人|操作人)(?:不是|并非|非)(?:申请人)?本人", "proxy"),
        (r"(?:经办人|办理人|来电人|操作人)(?:即|就是|为|系|是)(?:申请人)?本人", "self"),
        (r"(?:^|我|本人|经办人|办理人|代办人|来电人|操作人)(?:与|和|跟)(?:申请人|委托人)(?:不是|并非|非|不为)同一(?:个)?人", "proxy"),
        (r"(?:^|我|本人|经办人|办理人|代办人|来电人|操作人)(?:与|和|跟)申请人(?:为|是|系)?同一(?:个)?人", "self"),
        # staff sent by the legal representative: "我是法人授权的经办人"
        (r"(?:法人|法定代表人|法人代表|老板|公司|单位)(?:授权|委托|派|指派|安排)的(?:经办人|代理人|员工|人)", "proxy"),
        # an option pointed at by its place: 本人 is named first
        (_FIRST_OPTION, "self"),
        (_SECOND_OPTION, "proxy"),
        # helping out, running errands, or acting in a job that serves others ("我就是个跑腿的": the same said of
        # oneself with 就/个; "我又不是跑腿的", with its negation inside, is not read here)
        (r"我是(?:来)?帮忙的|(?<![请麻])帮忙办的|我(?:就|只)?是(?:个|一个)?(?:来)?跑腿的|^跑腿的|"
         r"我是(?:[\u4e00-\u9fff]{1,6}?的?)?(?:网格员|律师|中介|社工|志愿者|村干部|工作人员)", "proxy"),
        # "我代表我爸": 代表 a person (an enterprise's own representative 代表公司 acts for itself)
        (rf"代表{_WHOSE}(?:{_RELATIVE}|{_WARD}|他|她|别人|他人|人家|申请人|当事人)", "proxy"),
        # who the speaker is to the applicant: "我是申请人的女儿"
        # ("我是本人的女儿": 本人 here is the applicant, and the speaker their relative)
        (rf"我是(?:申请人|当事人|本人)(?:的|家的?)?{_RELATIVE}", "proxy"),
        # "我是他儿子", "我是她闺女", "我是他孙子": asked who acts, the speaker calls the one the matter is for "him" or "her"
        # and says what they are to that person: a child, a parent, a grandchild, a sibling (or a sibling's spouse). The
        # matter is then someone else's, and a clerk hears a proxy. A spouse is not read here ("我是她老公": a household
        # matter may be the spouse's own as much as the other's), nor anything said after the relation ("我是他儿子的
        # 同学"); beside 本人 it is the contradiction it says (see _KIN_OF_APPLICANT).
        (r"^(?:我|俺)(?:就|只)?是(?:他|她)(?:的|家的?)?[外表堂干亲大二三小]?"
         r"(?:儿子|女儿|闺女|孩子|娃|孙子|孙女|外孙|外孙女|重孙子?|重孙女|女婿|儿媳妇?|侄子|侄女|侄儿|外甥|外甥女|"
         r"爸爸?|妈妈?|爹|娘|父亲|母亲|爷爷|奶奶|姥姥|姥爷|外公|外婆|叔叔?|伯伯?|舅舅?|姨|姑姑?|婶婶?|"
         r"哥哥?|姐姐?|弟弟?|妹妹?|兄弟|姐妹|嫂子?|弟媳|姐夫|妹夫)(?:啊|呀|哦|嘛|呢|嘞|哈)?(?![的\u4e00-\u9fff])", "proxy"),
        (r"我是(?:他|她|老人|申请人)?(?:的)?(?:监护人|法定监护人)|受人之托|受人委托|别人托我|人家托我|(?:他|她|人家|别人|他们|她们)(?:请|叫|喊|派|找)(?:我)?来的", "proxy"),
        # staff of an enterprise, who are not its legal representative: "我是财务，代表公司来办"
        (r"我是(?:公司|单位|企业|我们公司|他们公司|法人|老板|领导)?(?:的)?(?:财务|会计|出纳|员工|职员|办事员|文员|秘书|助理|司机|业务员|"
         r"经办人|代理记账|前台|行政|人事)", "proxy"),
        # the same told by the work done for the business: "我是店里管账的", "我是公司跑业务的" (the books, the till, the
        # errands of a shop or a firm are kept by staff; 管事的, which may be the owner, is not read here)
        (r"^(?:我|俺)(?:就|只)?是(?:这|我们|咱们|俺们)?(?:店里|店上|铺子里|公司|公司里|厂里|单位|单位里|门店|餐馆|饭店)?(?:的)?"
         r"(?:管账|记账|做账|管钱|收银|收钱|看店|跑业务|跑腿|打杂|帮工)的", "proxy"),
        # acting for the legal representative: "替我们法人跑这个手续", "帮法人代表办" (the enterprise acts for itself only
        # through the representative in person; anyone acting for them is the proxy)
        (r"(?:帮|替|代|给)(?:我们|咱们|俺们|我们公司|公司|单位|我们单位)?的?(?:法人|法定代表人|法人代表)"
         r"(?:来)?(?:办|跑|弄|申请|交|签|办理)", "proxy"),
        # a relative who cannot do it themself: "我妈不会用手机", "我爸不识字" (said of 本人 it may be the
        # speaker's own reason while a helper holds the phone, and is not read here)
        (rf"(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE})"
         r"(?:不会用手机|不会弄|不会操作|不会上网|不识字|看不清|听不清|耳朵背|眼睛不好|眼神不好)", "proxy"),
        # the same said of "him", the applicant the question is about, at the start of a clause or after a pause ("给俺爹办的
        # 他耳朵背"; of 本人 it is not read, as above)
        (r"(?:^|(?<=[\s,，。]))(?:他|她|老人家|老人)"
         r"(?:不会用手机|不会弄|不会操作|不会上网|不识字|看不清|听不清|耳朵背|耳朵不好|眼睛不好|眼神不好)", "proxy"),
        (rf"(?:本人|他|她|申请人|老人|(?:我|俺|我们)(?:的|家)?{_RELATIVE})"
         r"(?:来不了|不能来|没法来|没来|没有来|不来|去不了|办不了|弄不了|不方便|不在|在外地|住院|出差|没空|腿脚|瘫|卧床|躺床|"
         r"动不了|走不了)", "proxy"),
        # doing it online oneself: "用手机办" ("本人在外地，用手机办" says both, and is asked again)
        (r"^(?:我|俺)?(?:自己)?(?:用手机|在手机上|手机上|在网上|网上|线上)(?:办|弄|申请|操作)(?:的|了)?$", "self"),
        # the applicant named as someone else: "申请人是我妈", "我妈是申请人", "不是我，是我妈", "我老婆的事"
        (rf"(?:申请人|当事人)(?:是|为)(?:我|俺|我们)?(?:的|家)?{_RELATIVE}|(?:我|俺|我们)(?:的|家)?{_RELATIVE}[^,，]{{0,4}}是(?:申请人|当事人)|"
         rf"申请人不是我(?![\u4e00-\u9fff])|^(?:低保|补贴|补助|这个|这)?是(?:我|俺|我们)(?:的|家)?{_RELATIVE}(?![\u4e00-\u9fff]{{0,2}}(?:帮|替|给)(?:我|俺))|"
         rf"^(?:我|俺|我们)(?:的|家)?{_RELATIVE}(?:的(?:事情?|事儿|低保|补贴|补助|申请|证明|手续|材料))?(?:的)?$|"
         rf"^(?:这|这是|这个是|是)?(?:我|俺|我们)(?:的|家)?{_RELATIVE}的(?:事情?|事儿)|^(?:这是|这个是)(?:我|俺|我们)(?:的|家)?{_RELATIVE}的$|"
         rf"^(?:这|这是|这个是|是)?(?:家里|家中)?的?{_RELATIVE}的(?:事情?|事儿)?$|"
         # "她的事", "是他的低保": the matter said to be a third person's, on a clause of its own ("本人，她的事" says
         # both, and is asked again)
         r"^(?:这|这是|这个是|是)?(?:他|她)的(?:事情?|事儿|低保|补贴|补助|申请)$", "proxy"),
        (r"家属|亲属|经办人", "proxy"),
        # "for my mom": English for someone else
        (r"(?i)(?<!not )(?<!n't )(?<!never )\bon behalf of\b", "proxy"),
        (r"(?i)^(?!.*\b(?:not|no|never|don't|isn't)\b)(?:i'?m |i am )?(?:doing it |applying |it'?s )?(?:for|by) (?:myself|me)(?: please)?$|"
         r"(?i)^(?!.*\b(?:not|no|never|don't|isn't)\b)it'?s (?:for )?me$", "self"),
        (r"(?i)(?<!not )(?<!n't )(?<!never )\bfor (?:my|his|her|our|a) ?(?:mom|mum|mother|dad|father|parents?|wife|husband|son|daughter|friend|boss|"
         r"grandma|grandpa|grandmother|grandfather|brother|sister|uncle|aunt|relative|client|company)\b", "proxy"),
        # an enterprise acting for itself through its legal representative
        (r"我(?:就)?是(?:公司|企业|单位|本单位|我们公司)?(?:的)?(?:法人|法定代表人|法人代表|老板)(?![的娘])|"
         r"(?:法人|法定代表人|法人代表)(?:就)?是我(?:本人|自己)?(?![\u4e00-\u9fff])|"
         # "我不是法人": the negation reads on 是法人
         r"(?:(?<=我不)|(?<=^不))是(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表)(?![的娘])", "self"),
        (r"(?:让|叫|派|托|委托|安排)我(?:来|去|帮|替|过来)?(?:办|跑|交|帮忙|帮个忙|弄|搞|申请)|(?:让|叫|派|托|委托|安排)我(?:来|过来)(?:的|了)", "proxy"),
        # someone else entrusted: "委托别人办" (and, negated, "没有委托别人" is the speaker acting alone)
        (r"(?:委托|托|找|请)(?:了)?(?:别人|他人|其他人)", "proxy"),
        # "没人委托我": nobody sent the speaker (negated, the speaker acts alone)
        (r"(?:有)?(?:人|谁)(?:委托|托|让|叫|派)(?:我|俺)", "proxy"),
        (r"代办|代理|代为|代领|代交|代他|代她|代人|受托|受委托|被委托|委托(?!人是我)|帮人|帮别人|替别人|替人|他人|别人",
         "proxy"),
        # the applicant themself
        # ("我是本人他爹", "本人的女儿": the applicant's relative, not the applicant)
        (rf"(?<![他她])本人(?!(?:他|她|的|家的?)?{_RELATIVE})|"
         r"我自己|给自己|为自己|自个|亲自|^自家的事|(?:申请人|当事人)(?:就)?是我(?:自己|本人)?(?![\u4e00-\u9fff])|我(?:就)?是(?:申请人|当事人)|我(?:就)?是申请[\u4e00-\u9fff]{1,4}?的(?:人|那个人)$|我的事|^(?:是)?(?:我|俺)的(?:低保|补贴|补助|申请)$|"
         # "我不是申请人": the negation reads on 是申请人
         r"(?<![\u4e00-\u9fff])是(?:申请人|当事人)(?!的)|(?<=我不)是(?:申请人|当事人)(?!的)|"
         r"给我办|为我办|办我(?:自己)?的(?:事)?$|"
         # "帮我办", "你帮我办吧": the speaker asks us to do the speaker's own matter; no one else is named, so it is the
         # speaker's. Only the whole clause, with the doing right after 帮我 ("帮我爸办" names someone else; "帮我问问"
         # asks for something else; "帮忙办" says whose it is not)
         r"^(?:你|您|你们|请你?|麻烦你|麻烦您)?(?:就)?帮(?:我|俺)(?:来)?(?:办|弄|申请|办理)(?:一下|下)?(?:吧|呗|啊|呀|哈|嘛)?$|"
         # "我来申请低保", "我个人申请": the speaker as the one who applies (not "我来办", which a proxy says too)
         r"^(?:是)?(?:我|俺)(?:本人|自己|个人)?(?:要|想|来|准备)?申请(?:的)?(?:低保|补贴|补助|救助|这个)?$|^我个人(?:办理|申请|办)?$", "self"),
        # ("本来想让她自己弄": someone else doing it themself, not the speaker)
        (r"(?<![他她])自己", "self"),
    ),
    opposite={"self": "proxy", "proxy": "self"},
    typos=re.compile(r"本认|笨人|苯人|夲人|待办|代伴"),
    dominant=re.compile(rf"(?:帮|替|给|为(?!(?:申请人|当事人)本人)|代){_WHOSE}{_KIN}"),
    reservations=False,
    # (亻 is 人 typed by its radical, and can be nothing else here)
    # (本尊, the internet's "the real one", is 本人 said playfully, and is read as that word, with all it is read beside)
    # (各人 after 我/俺 is the Southwest's 自己, "我各人办噻": "I'll do it myself"; elsewhere, "各人办各人的", it is "each")
    homophones=(("本仁", "本人"), ("本亻", "本人"), ("代半", "代办"), ("带办", "代办"), ("戴办", "代办"), ("本尊", "本人"),
                (r"(?<=[我俺])各人", "自己")),
    # ("我妈自己的事": the matter is someone else's own, which says nothing of who acts for it)
    someone_else=re.compile(rf"^(?:我|俺|我们)(?:的|家)?{_RELATIVE}(?:自己|本人|亲自)(?:来)?(?:办|弄|申请|办理)(?:的|了)?$|"
                            # "让我爸自己来吧": the matter handed to the relative, to do it themself; the 自己 is theirs
                            # ("我爸自己来不了" is their trouble, read by _THEIR_OWN)
                            rf"^(?:那)?(?:就|还是)?(?:让|叫|请)(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE})(?:自己|本人|亲自)"
                            r"(?:来|去)?(?:办|弄|申请|办理)?(?:吧|的|了|呗)*$|"
                            # "我妈是本人", "我妈本人": someone else said to be "the person themself"; who types is not said
                            rf"^(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE})(?:才|就)?(?:是)?本人(?:啊|呀|的|哈|嘛|呢)?$|"
                            # "我堂弟自己办", "我连襟自己办": a relation with a word before it, or a rarer one
                            rf"^(?:我|俺|我们)(?:的|家)?[\u4e00-\u9fff]{{0,2}}?(?:{_RELATIVE_RARE}|{_RELATIVE})(?:子)?(?:自己|本人|亲自)(?:来)?"
                            r"(?:办|弄|申请|办理)(?:的|了)?$|"
                            rf"^(?:是)?(?:(?:我|俺|我们)(?:的|家)?{_RELATIVE}|他|她|别人|人家)自己的(?:事|事情|事儿)?$"),
)


# "他上次自己弄被退回了", "我爸自己来不了", "我妈自己不会弄": 自己 said of someone else (他, 她, a relative as the subject,
# with no 我 between) is that person's own doing, told as the story or the reason; it is not the speaker acting
# alone. The 自己 is dropped, and what is left is read ("我爸来不了": the relative cannot come, a proxy). Someone else
# acting for themself ("我妈自己办") is no answer (``someone_else``), and "我妈说我自己办" keeps the speaker's 自己.
_THEIR_OWN = re.compile(rf"^((?:他|她|人家|老人|(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}))"
                        r"(?:(?![我俺咱帮替给代])[\u4e00-\u9fff]){0,4}?)(?:自己|自个儿?|亲自)")


# "不弄了 让我妈自己去窗口", "叫我爸亲自跑一趟": the matter handed to a relative, to do it themself, anywhere in the
# clause; the 自己 is the relative's, not the speaker acting alone, and is dropped (what is left names no answer:
# "让我妈去窗口" says only who will go).
_LEFT_TO_THEM = re.compile(rf"((?:让|叫|请|由)(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}))(?:自己|自个儿?|亲自|本人)")


# "哈？", "嗯……": a sound of surprise or hesitation, neither a question about anything nor an answer.
_BARE_SOUND = re.compile(r"(?:嗯|呃|额|哈|啊|蛤|哦|噢|唔|emm*)+\s*(?:\?+|\.{2,}|…+|。{2,})", re.IGNORECASE)
# A sound that may open an answer as well as be one: alone it is a yes, before unread words only a pause.
_SOUND_ONLY = re.compile(r"(?:嗯|恩|啊|哦|噢|呃|额|那个)+")
# The opening of a conclusion drawn from what was just said: 那, 那就, 就.
_CONCLUSION = re.compile(r"^(?:那么|那就|那我|那还是|那|就)")


@dataclass
class ClauseReading:
    labels: List[str]
    flags: FrozenSet[str]
    dominant: Optional[str] = None
    bare: bool = False  # read from the table of short answers (是, 本人, 不用), not from a phrase said in full


_CONCLUDED_BARE = re.compile(r"^(?:那就|那我就|那么就|那俺就|就)")
_OPENING_SOUND = re.compile(r"^(?:哦|噢|喔|呃|额)+")


# "咋样都行", "哪个都可以": whichever way, said to be fine; the choice left to us, no question (a hedge, asked again).
_ANY_WAY = re.compile(r"(?:咋样|怎样|怎么样|咋着|怎么着|咋|怎么|啥样|什么样|哪样|哪个|哪种)(?:办|弄|来)?(?:都|也)(?:行|可以|成|中|好|无所谓|没问题|一样)")
# "没受谁委托", "没有替谁办": 谁 after a negation is "anyone", no question.
_ANYONE = re.compile(r"(?:没有|没|不|别)[\u4e00-\u9fff]{0,2}?谁(?![\u4e00-\u9fff]*[吗呢?])")


# Doubt the general hedge words do not name, at a choice: a leaning is not yet a choice ("申请人倾向于告知承诺"),
# half of an answer is none ("半个本人吧").
_CHOICE_HEDGE = re.compile(r"倾向|偏向|暂定|初步(?:打算|考虑|决定|想)|半个|"
                           # "用承诺，信不过你们" (信不过 read as 不信): distrust of us beside the answer ("不是不信你们" has
                           # its two negations cancelled before this is read, and trusts; so does "不是我不信你们")
                           r"(?<!不是我)(?<!不是俺)(?<!并不是我)(?<!并非我)不(?:太|大)?(?:信|相信|信任)(?:你们|您们|您|你|恁|政府)|"
                           # "承诺可以，你们可别坑我啊": distrust of what the way leads to, beside it
                           r"别(?:坑|骗|害|套路|忽悠|阴)(?:我|俺)|不会(?:坑|骗|害|套路|忽悠|阴)(?:我|俺)|"
                           # "先不选", "暂时不定": the choice put off, not made (a "no" is "先不用", which keeps its word)
                           r"(?:先|暂时|暂|还)不(?:选|定|决定)|还没(?:选|定|决定)|"
                           # a shrug beside the answer ("是╮(╯▽╰)╭", "本人¯\_(ツ)_/¯", "好吧🤷") is "whatever": the word said
                           # with indifference, no choice made. The kaomoji: the raised hands ╮┐┑ and ╭┌┍ (or ¯\_ and _/¯)
                           # around a bracketed face.
                           r"🤷|[╮┐┑][^()（）\u4e00-\u9fffA-Za-z0-9]{0,2}[(（][^()（）\u4e00-\u9fff]{1,8}[)）][^()（）\u4e00-\u9fffA-Za-z0-9]{0,2}[╭┌┍]|"
                           r"[¯ ̄]\s*\\\s*_*\s*[(（][^()（）\u4e00-\u9fff]{1,5}[)）]\s*_*\s*/|"
                           # a dizzy face: the speaker lost
                           r"😵|"
                           # "承诺……嗯还是": 还是 ("or rather") left with nothing after it, the other way not yet said
                           r"^还是(?:吧|啊|呀|嘛)?$|"
                           # "哎我也拿不准", "吃不准": the speaker unsure of the answer just given
                           r"(?:拿|吃)不(?:准|定)|"
                           # "不用承诺不行啊" alone: a must said with two negations around the way, or "can't I go without
                           # it?"; beside an answer that says the same it is read as the must (``_MUST_BOTH_DENIED``)
                           r"不(?:用|走|选|交|开)(?:告知)?(?:承诺|证明)(?:也)?不(?:行|成)|"
                           # "是是是…等下我看看", "稍等我查查": the answer put off while the speaker looks something up
                           r"(?:等等|等一下|等下|等会儿?|稍等)(?:啊|哈)?\s*(?:让)?(?:我|俺)(?:先|再)?"
                           r"(?:看看|看一下|瞅瞅|瞧瞧|查查|查一下|想想|翻翻|找找|问问)")
# "一半承诺一半交证明行不", "承诺中不": 行不/中不 at the end asks, as 行不行 does ("不行不" is no such question)
_ASKED_ALL_RIGHT = re.compile(r"(?<![不没])(?:行|中|成|可以)不[?？]*$")
# "承诺能让人念给我听不", "承诺会罚款不", "能用承诺不": a modal verb, then what it asks about, then 不 last is the A-not-A
# question with its second half cut short (能…不 is 能不能…), asked without 吗. Only an unnegated modal ("不能…不",
# "不用…不" are no such question) with words between it and the 不, and not the emphatic 不 of a refusal that ends a
# clause ("我偏不", "承诺我就不", "打死也不", "我绝不": 偏/就/才/也/都/还/可/决/绝/再/并 right before it).
# ("承诺有风险不", "承诺安全不", "靠谱不": 有…不 and a quality then 不, asked the same way)
_MODAL_ASKED_BOTH_WAYS = re.compile(r"(?<![不没])(?:能|可以|会|要|用|该|需要|肯|敢|愿意|有)(?!不)[^,，。;；!！?？不没]{1,12}?"
                                    r"(?<![偏就才也都还可决绝再并])不[?？]*$|"
                                    r"(?<![不没])(?:安全|靠谱|麻烦|划算|稳妥|保险|方便|快|慢|严重|复杂|简单|容易|难|贵|费事|管用|好使|好用|合适|"
                                    r"合法|正规|可靠|稳|麻烦)不[?？]*$")
# "我去看看承诺书写的啥": what the speaker will look up on their own; nothing is asked of us ("我想看看…" asks to be shown)
_LOOKED_UP_ALONE = re.compile(r"(?:我|俺)?(?:先|再|得|要)?(?:去|回去|自己)(?:看看|看一下|瞧瞧|查查|查一下|研究研究|研究一下)"
                              r"[^,，。;；!！?？]{0,12}?(?:啥|什么|怎么写|哪些)(?:吧|呢)?$")
# "证明在我包里呢": where something is, said with the 呢 of a statement ("still there"), asks nothing
# ("证明我揣兜里呢": carried there, the same statement)
_STATED_WHERE = re.compile(r"(?:在|揣|装)(?:在)?(?:我|俺|咱)?[\u4e00-\u9fff]{0,5}?(?:里|上|手上|身上|手里|这儿|这里|家里|包里)呢$|"
                           # "老板在外地呢", "他在医院呢", "证明还没开呢": where someone is or what they are at
                           # (在…呢), and what has not happened yet (还没…呢), told with the same 呢; no question word in it
                           # ("法人在哪呢", "证明还没开吗", "还没开呢？" keep their question)
                           r"(?:在|还没有?|都还没有?|也还没有?)(?:(?![吗么啥谁哪怎咋几多嘛什])[\u4e00-\u9fff]){1,8}呢$")
# "又不是啥大事", "没什么大不了": nothing much, said with 啥/什么 after a negation; no question
_NOTHING_MUCH = re.compile(r"(?:不是|不算|没|没有)(?:啥|什么)(?:大|难|了不起的)?(?:事儿?|问题|毛病|了不起|大不了|难的)(?![吗呢?？])|"
                           # "没啥可瞒的", "没什么好隐瞒的": nothing to X, the 啥 after the negation is "anything"
                           # ("有啥可瞒的" asks back, and stays a question)
                           r"(?:没|没有)(?:啥|什么)(?:好|可)[\u4e00-\u9fff]{1,3}?的(?![^,，。;；!！]*[吗呢?？])")
# "家里啥情况我心里有数", "我又不是不知道自己家啥情况" (its double negation cancelled): the speaker's own knowing of
# what the 啥 stands for, an embedded question that asks nothing of us. Only the speaker as the one who knows, with no
# negation on the knowing: "我不知道家里啥情况", "啥情况我心里没数", "你知道我家啥情况吗" keep their question.
_KNOWN_WH = re.compile(r"(?:(?:我|俺)(?:自己)?(?:都|也|当然|最|还|又|可)?(?:知道|清楚|晓得|明白|心里有数|有数)[^,，。;；!！?？不没]{0,6}?"
                       r"(?:啥|什么)(?:情况|样|条件|底细|光景|家底)|"
                       r"(?:啥|什么)(?:情况|样|条件|底细|光景|家底)(?:我|俺)(?:自己)?(?:心里)?(?:都|也|最|还|可)?(?:有数|清楚|知道|明白|晓得))"
                       r"(?![^,，。;；!！]*[吗呢?？])")
# A question word that asks nothing of us: how to do it, already taught or known ("儿子教过我怎么弄", "我知道咋填"), and
# the trouble feared, its 啥 "anything" ("我怕承诺了以后出啥事"). Only taught or known in the past or by the speaker, and
# nothing asked after it: "你教我怎么弄", "我不知道怎么弄", "怕出啥事吗" keep their question (or their doubt).
_WH_TOLD = re.compile(r"(?:(?:教|告诉|讲|示范|演示)(?:过|了)(?:我|俺)?|(?:我|俺)(?:都|也|早)?(?:知道|晓得|会|学会了))(?:怎么|咋|如何)(?:弄|办|填|操作|用|写|点|选)|"
                      r"(?:怕|担心|万一)[^,，。;；!！?？不没]{0,8}?(?:出|有|惹|闹)(?:啥|什么)(?:事|问题|麻烦|岔子|差错|乱子)"
                      r"(?![^,，。;；!！]*[吗呢?？])")
# "承诺了还用跑几趟", "承诺了还用交证明": whether an errand is still needed, or how many trips, asked (the question's
# mark left off). Only with such an errand after 还用 ("还用问", "还用说" are emphasis, "还用承诺" is "still use it"),
# and a count of trips not yet made ("都跑了几趟了", "跑了好几趟" tell).
_STILL_NEEDED_ASKED = re.compile(r"还用(?:再)?(?:跑|去|来|交|开|盖|签|填|排队|补|带|拿|准备|提供|提交)|"
                                 r"(?<![了好十])几(?:趟|回)(?![^,，。;；!！?？]*了)")
# "不申请低保了", "不想办这个补助了": the matter applied for given up, named (_CANCEL reads the bare "不申请了"). Only the
# matter itself: "不办证明了", "不要承诺了" give up one way, and are read as the choice they make.
# "欠我老婆的奶茶还没还": 还 ("still") before 没还 ("not given back"), no verb asked both ways (还没还 asked, "还了没",
# comes with its question mark or 吗/呢, and keeps it)
_NOT_YET_RETURNED = re.compile(r"还没还(?![^,，。;；!！]*[吗呢?？])")
_MATTER_DROPPED = re.compile(r"(?:不|不想|不要|不打算)(?:再)?(?:办|申请|弄|要|领)(?:这个|这)?(?:低保|补贴|补助|救助)了")
# "想想还是交证明稳当": thought over, then settled with 还是 ("after all"); the 想想 is the thinking done, no answer put
# off. Only right before 还是: "再想想", "我想想" alone or before anything else still put the answer off.
_THOUGHT_OVER = re.compile(r"(?<!再)(?<!先)(?:我|俺)?想想(?=还是(?![^,，。;；!！]*(?:还是|[吗呢?？])))")
# Sarcasm marked beside the words ("我可太愿意了（翻白眼）"): the words are not meant.
_SARCASM = re.compile(r"翻白眼|白眼|\[捂脸\]|\[白眼\]|阴阳怪气|反话")
# "傻子才去开证明" left as it was said (alone, or against the answer beside it): a way named only to be mocked is no
# choice of it, and the choice it implies is not stated; a joke, asked again. "难道要代办不成" likewise asks back.
_FOOLS_MOCKED = re.compile(r"(?:傻子|傻瓜|笨蛋|二傻子|傻帽|憨憨|憨子|冤大头|脑子进水|脑子有病|缺心眼)(?:的人|的)?才")
_ABSURD_ASKED = re.compile(r"难道|难不成|莫非")


# "不是不愿意，是怕麻烦，承诺吧": the speaker's dislike of hassle (怕/嫌 麻烦, 折腾, 跑腿), said in a clause of its own, is
# the effort of the errands disliked, not a worry about what a way leads to; it is no fear or doubt, and names no way
# (alone it answers nothing, and beside an answer that answer decides). Only that whole clause: a worry about the
# commitment's consequences ("怕担责任", "怕出错"), the hassle of someone ("怕麻烦你们"), a reservation that opens it
# ("只是怕麻烦", "但是怕麻烦" are read as reservations) or the way named inside it ("承诺怕麻烦") keep their reading.
_HASSLE_DISLIKED = re.compile(r"^(?:(?:我|俺)(?:也|是|就是|主要是)?|是|主要是|因为|就是)?(?:怕|嫌)(?:麻烦|折腾|跑腿|来回跑|跑来跑去)"
                              r"(?:了|啊|呀|嘛|呗)?$")
# "不敢乱承诺", "不敢轻易签": not daring to commit rashly is not daring to commit; the adverb between does not stop the
# negation (the worry stays flagged: the reason of a "no", doubt beside a "yes"). Only after 不敢: "我不会乱承诺" vouches
# that the speaker will not commit falsely, and is read as said.
_RASHLY_NOT_DARED = re.compile(r"(?<=不敢)(?:乱|瞎|轻易|随便|贸然|随随便便)(?=(?:告知)?承诺|签)")
# "老板不扣我工资才怪": someone else's doing said certain with 不…才怪 ("would surely…"), the cost of the other way told as
# the reason; no mockery of the answer, and no way named. Only the whole clause, with someone else as its subject:
# "我不后悔才怪", "愿意才怪" stay the jokes they are.
_THEIR_CERTAIN_DOING = re.compile(rf"^(?:那|到时候|回头)?(?:老板|领导|厂里|公司|单位|工头|班长|主管|经理|人家|他们|他|她|"
                                  rf"(?:我|俺)(?:的|家)?{_RELATIVE})(?:肯定|准|铁定)?不[\u4e00-\u9fff]{{1,8}}?才怪(?:呢|了|啦|嘞|咧)?[!！。]*$")
# "不是不相信你们这个承诺": trust in the commitment denied twice is the lead-in to what follows ("…我就是习惯交纸质证明"),
# no choice of it (its two negations would otherwise cancel to "相信…承诺"). Only the whole clause.
_TRUST_NOT_DENIED = re.compile(r"^(?:我|俺)?(?:也|又|倒|可)?(?:不是|并不是|并非)不(?:太)?(?:相信|信任|信)(?:你们|您们|您|你|政府|国家)?(?:的)?"
                               r"(?:这个|这|那个|这种)?(?:告知)?承诺(?:制)?(?:啊|呀|哈)?$")


# "她上次自己弄没弄成", "他自己弄不明白", "电话里说不清": someone else's failed try or trouble, told as the reason; the
# speaker neither asks (弄没弄成 is "tried and failed" there) nor doubts (说不清, 不明白 are that person's). Only with the
# other person as the subject, or the telephone: "我也说不清", "上次弄没弄成？" keep their doubt and their question.
_OTHERS_SUBJECT = rf"(?:他|她|人家|老人|(?:我|俺|我们)(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}))"
_THEIR_TRY = re.compile(rf"^({_OTHERS_SUBJECT}[^,，。?？我俺]{{0,6}}?)([\u4e00-\u9fff])没\2(?=明白|清楚|懂|好|成|完|会|对|下来)(?![^?？]*[?？吗])")
_THEIR_TROUBLE = re.compile(rf"^{_OTHERS_SUBJECT}[^,，。?？我俺]{{0,6}}?(?:弄|搞|看|听|说|讲|想|学|整)不(?:明白|清楚|懂|清|会)(?![^?？]*[?？吗])|"
                            # (the telephone's trouble wherever it is told, after the pause of voice input too: "给俺爹办的
                            # 他耳朵背 电话里说不清"; not the speaker's own "我电话里说不清")
                            r"(?:^|(?<![我俺]))(?:在)?(?:电话里|电话上|电话)(?:也|都|老是|总是)?(?:说|讲|听)不(?:清楚|清|明白)(?![^?？]*[?？吗])")


# "没别的顾虑了", "不用担心我反悔", "怕啥", "不是怕麻烦（，是…）": a worry denied or waved away, the negation (or the "what is there to fear"
# asked back) right on the worry word, is no worry and no doubt. Only so: "怕麻烦" and "我不敢" stay the worry they
# are, and a worry named beside the denied one ("不担心别的，就怕担责任") is still read.
_FEAR_DISMISSED = re.compile(r"(?:不是|并不是|并非)(?:因为)?(?:害怕|怕|担心|嫌)|(?:没有?|不用|不必|别|甭|无需|并不|也不|一点儿?(?:也|都)?不|不)(?:什么|啥|别的|其他|其它|任何)?"
                             r"(?:的)?(?:担心|顾虑|害怕|不放心)(?:的)?|"
                             r"(?:怕|担心)(?:啥|什么|个啥|个什么)(?:呀|啊|嘛)?(?![\u4e00-\u9fff])|有(?:啥|什么)(?:好|可)(?:怕|担心)的")


# "承诺万一说错了麻烦", "万一填错了就糟了": the trouble that would follow a slip, told as what may go wrong; the 万一 is
# what is feared, no condition put on the answer. It is a worry (the reason of a "no", doubt beside a "yes"). Only with
# the trouble said last: "万一说错了怎么办" asks, "万一说错了我认罚" accepts the consequence.
_TROUBLE_IF = re.compile(r"万一[^,，。;；!！?？]{1,10}?(?:就|可|那就|那可)?(?:麻烦|糟|完|坏事|惨)(?:了|大了|啦|喽)?$|"
                         # ("承诺万一哪里记错了要担责任": the liability that would follow, told as what may go wrong; its
                         # 哪里 is "somewhere", and asks nothing. The speaker accepting it, "我认罚", is _CONSEQUENCE_ACCEPTED)
                         r"万一[^,，。;；!！?？]{1,10}?(?:就|可|那就|那可)?(?:要|得|还得|就要|就得)?"
                         r"(?:担责任|担责|负责任|背锅|吃官司|被罚款?|挨罚)(?:了|啦|喽)?$")


# "我也说不好算哪种": which it is, said to be beyond the speaker's judgement ("can't say"); doubt (read by the hedge
# words), and no question asked of us. Only so, with nothing asked after it: "说不好算哪种？", "你说算哪种" keep their
# question, and so does "我也不知道算哪个", not knowing, which asks to be told.
_UNKNOWN_WHICH = re.compile(r"(?:我|俺)?(?:也|都|实在|真)?(?:说不好|说不准|说不清|拿不准)(?:该|应该|到底)?(?:算|选|是)"
                            r"(?:哪种|哪个|哪样|哪一种|哪一个)(?![^,，。;；!！]*[?？吗呢])")


# "我怕承诺了以后说不清": 说不清 after 怕/担心 is the trouble feared (that it will be hard to explain later), not the
# speaker unsure of the answer; it is read as the worry it is (the reason of a "no", doubt beside a "yes"). Only with
# the worry word before it in the clause: "我也说不清" alone stays a hedge.
_FEARED_UNCLEAR = re.compile(r"((?:害怕|怕|担心)[^,，。;；!！?？]{0,10}?)(?:说不清|讲不清|扯不清|说不明白|讲不明白)(?:楚)?")


def _flags(c: str, typos: Optional[Pattern] = None) -> FrozenSet[str]:
    flags = set()
    if _TROUBLE_IF.search(c):
        flags.add("fear")
        c = _TROUBLE_IF.sub("", c)
    c = _FEARED_UNCLEAR.sub(r"\1", c)
    c = _FEAR_DISMISSED.sub("", _THEIR_TROUBLE.sub("", _THEIR_TRY.sub(r"\1没\2", c)))
    if _CHOICE_HEDGE.search(c):
        flags.add("hedge")
    if _SARCASM.search(c) or _FOOLS_MOCKED.search(c):
        flags.add("joke")
    if _ABSURD_ASKED.search(c):
        flags.add("question")
    if _DEFER.search(c):
        flags.add("hedge")
        c = _DEFER.sub("", c)
    if _ANY_WAY.search(c):
        flags.add("hedge")
    asked = _UNKNOWN_WHICH.sub("", _WH_TOLD.sub("", _KNOWN_WH.sub("", _NOTHING_MUCH.sub("", _STATED_WHERE.sub("", _ANY_WAY.sub(
        "", _NOT_YET_RETURNED.sub("没还", c)))))))
    if _QUESTION.search(_EITHER_WAY.sub("", _ANYONE.sub("", _LOOKED_UP_ALONE.sub("", asked)))) or _ASKED_ALL_RIGHT.search(c) \
            or _MODAL_ASKED_BOTH_WAYS.search(c) or _STILL_NEEDED_ASKED.search(c):
        flags.add("question")
    if _HEDGE.search(_FEAR.sub("", _THOUGHT_OVER.sub("", c))):
        flags.add("hedge")
    elif _FEAR.search(c):
        flags.add("fear")
    if _BOTH.search(c):
        flags.add("both")
    condition = _CONDITION.search(c)
    fear = _FEAR.search(c)
    if fear and condition and condition.start() >= fear.end() and not _CONDITION.search(c, 0, fear.start()):
        # "俺怕万一说错了要担责任": the 万一 is what is feared, no condition put on the answer
        condition = None
    if condition or _DEMAND_ON_US.search(c) or _can_then(c):
        flags.add("condition")
    if _JOKE.search(c):
        flags.add("joke")
    if _CANCEL.search(c) or _MATTER_DROPPED.search(c):
        flags.add("cancel")
    if typos is not None and typos.search(c):
        flags.add("typo")
    return frozenset(flags)


# A pronoun that starts a new statement, right after the phrase before it or after a pause (a space):
# a negation before it does not reach past it. "不用我承诺吧" keeps its 不用 on 我承诺.
_NEW_SUBJECT = re.compile(r"(?:^|\s)(?:我|俺|咱)(?!们的|的)")


_PARTICLES = "呀啊哦噢哈了的吧呢嘞呗撒嘛噻哇咧啦滴"  # 撒, 噻: the southwestern "then"; 滴 is 的 typed cute

# Pinyin typed without choosing the characters, its particle typed as a syllable of its own ("yong chengnuo ba" is
# 用承诺吧): the particle is dropped as 吧/啊/呀/啦 are after the characters, and what is left must still be one of the
# short answers in pinyin. Only 吧, 啊, 呀, 啦 (呢 may ask, and "shi de" keeps its 的 as the whole answer 是的).
_PINYIN_PARTICLE_END = re.compile(r"(?i)([a-z][a-z ]*?)\s+(?:ba|a|ya|la)")


# A confident or approving face or hand at the end of a clause ("当然承诺啊😎", "本人👍"): it closes the clause as a full
# stop would, so the phrases that must end the clause still see its end. Only these faces: the doubtful and eye-rolling
# ones are hedges (``_HEDGE``), the teasing ones jokes (``_JOKE``), and the smirk, the upside-down face and the dog's
# head (😏🙃🐶) are mockery, and so is the plain smile (🙂, WeChat's [微笑]) often enough in Chinese chat; none of them
# is taken off, and the flags are read before any face is.
# The same holds for a kaomoji that raises its fist ("(๑•̀ㅂ•́)و✧", "٩(๑•̀ω•́๑)۶": "let's go"), its arm و or ۶ after the
# bracketed face and sparkles after it; a face with no raised fist ("(¬_¬)", "╮(╯▽╰)╭") is not taken off.
_CONFIDENT_FACE_END = re.compile("(?:[😎👍👌💪✊✌🙏😊😀😃☺🤝👏🫡][\ufe0f\U0001F3FB-\U0001F3FF]*|"
                                 "٩?\\s*[(（][^()（）\u4e00-\u9fffA-Za-z0-9]{1,12}[)）]\\s*[و۶][✧✨]*)+$")


# "承诺就承诺", "用就用吧", "不用就不用": the option said twice around 就 is resigned assent to it, the option itself
# (not the 就用 or 不用 the words happen to hold). Only the whole clause: "承诺就承诺吗" asks, and is read as it is.
_RESIGNED = re.compile(r"(?:那)?([\u4e00-\u9fff]{1,6}?)就\1(?:吧|呗|了|啊|呀|嘛)*")


# "要不还是交证明吧", "不然交证明": 要不/不然 offer the way after them ("how about", "otherwise"); their 不 negates nothing
_SUGGESTED = re.compile(r"要不然|要不(?!要)|不然")


# "我还没老到要人代办呢", "俺又没病到得让人帮": the speaker not (yet) so old or ill as to need someone to act for them,
# which says the speaker acts alone; the 呢 of "还没…呢" ("not yet") asks nothing. Only the speaker, and only that whole
# clause: "我妈还没老到要人代办呢" is someone else, "我老到要人代办了" the opposite, "…吗" a question.
_NOT_NEEDING_HELP = re.compile(r"(?:我|俺)(?:还|又|也|可)?(?:没|没有|不)(?:老|病|糊涂|瘫|残|傻)(?:到|得)(?:要|需要|得|让|用)"
                               r"(?:人|别人|旁人|人家|儿女|孩子)(?:来)?(?:代办|代理|代劳|帮忙|帮我|替我|帮|替|代)(?:办|跑|弄)?"
                               r"(?:的地步|的份上|的程度)?(?:呢|吧|啊|哈|嘞|的)*")


# A hand or sign that refuses ("不承诺🙅", "🙅不用", "不是代办🙅‍♂️"): a "no" said by gesture. It agrees with a clause that
# refuses in words (a negation in it, and at the commitment choice a "no" read), and is then no more than its emphasis;
# beside anything else ("承诺🙅", "本人🙅": the way named and waved off at once) what is meant is open, and asked again.
_REFUSING_HAND = "(?:[🙅🚫⛔👎][\U0001F3FB-\U0001F3FF]?[♂♀]?\ufe0f?)+"
_REFUSING_HAND_EDGE = re.compile(rf"^\s*{_REFUSING_HAND}\s*|\s*{_REFUSING_HAND}\s*$")
_REFUSAL_WORD = re.compile(r"[不没别甭否]|(?i:(?<![a-z])(?:no|nope|not|don't)(?![a-z]))")

# "代办的不是", "本人的不是": an option with 的不是 after it. Outside the mock pidgin (``_PIDGIN_NOT``) it is "the proxy's
# fault" as often as "not the proxy": neither answer is said, and it is asked again. Only the whole clause: "不是代办" and
# "代办的不是我" are read as said.
# ("代办的不是我": the one acting as proxy said not to be the speaker, which may deny either; asked again as well)
_POSTPOSED_DENIAL = re.compile(r"^([\u4e00-\u9fff]{1,4}?)(?:的|滴)不是(?:我|俺)?(?:啊|呀|吧|哈|嘛)?$")

# "我是他孙子", "我是她儿媳妇": the speaker a relative of "him", the applicant the question is about. Alone it names no one
# (which 他?) and answers nothing; beside "本人" it says the speaker is not the applicant, which that answer denies.
_KIN_OF_APPLICANT = re.compile(rf"^(?:我|俺)(?:就|只)?是(?:他|她)(?:的|家的?)?[外表堂干亲大二三小]?(?:{_RELATIVE_RARE}|{_RELATIVE})")

# "是我们两口子一起的", "我和我老婆一起办", "房子是我俩共有的": the matter the speaker's and someone else's together (most
# often a spouse's): the speaker is the applicant and acts for another at once, which the question does not settle;
# both answers, asked again. Only with the matter said to be shared (一起的, 共同的, 共有的, 一块办): "我和我老婆一起来的"
# says who came, and is read as said.
_JOINT_MATTER = re.compile(rf"(?:(?:我们|咱们|俺们|我|咱|俺)(?:两口子|两口|夫妻俩?|夫妻两个|俩|两个|两人|二人)|"
                           rf"(?:我|俺)(?:和|跟|与|同)(?:我|俺)?(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}))(?:是)?(?:都)?"
                           r"(?:一起|共同|共有|一块儿?|合伙)(?:的|办的?|申请的?|办理的?)(?=$|[,，。.!！…\s~～]|事)")

# "代我家喵主子办😂", "帮我家狗子办": acting for a pet (喵主子/猫主子, the internet's cat "master") is a joke with no real
# answer in it: flagged a joke, and asked again, however plainly an option is named beside it. Only the pet right
# after 帮/替/给/为/代 and before the doing: "狗蛋" (a child's nickname) and "难道我家猫在打字吗" (the pet asked back as the
# one typing, ``_ABSURD_PET``) are not read here.
_PET = r"(?:喵主子|猫主子|狗主子|毛孩子|喵星人|汪星人|宠物|猫咪|猫猫|小猫|小狗|狗狗|狗子|鹦鹉|仓鼠|喵|猫|狗)"
_PET_ACTED_FOR = re.compile(rf"(?:帮|替|给|为|代)(?:我|俺|咱|我们)?(?:的|家|家的|家里的?)?{_PET}(?:儿)?(?:来)?"
                            r"(?:办|申请|弄|跑|整|搞|的|(?![\u4e00-\u9fff]))")


def _classify_clause(choice: Choice, raw: str) -> ClauseReading:
    hand = _REFUSING_HAND_EDGE.search(raw)
    if hand and _CONTENT.search(_REFUSING_HAND_EDGE.sub("", raw)):
        said = _REFUSING_HAND_EDGE.sub("", raw)
        reading = _classify_clause(choice, said)
        labels = set(reading.labels)
        if len(labels) == 1 and _REFUSAL_WORD.search(said) and (choice.step != "use_commitment" or labels == {"no"}):
            return reading
        return ClauseReading([], reading.flags | {"both"})
    c = _fold(raw)
    denied = _POSTPOSED_DENIAL.fullmatch(c.strip()) if choice.step == "acting_as" else None
    if denied and len(set(_classify_clause(choice, denied.group(1)).labels)) == 1:
        return ClauseReading([], _flags(c, choice.typos) | {"unsettled"})
    if choice.step == "acting_as" and _NOT_NEEDING_HELP.fullmatch(re.sub(r"\s+", "", c)):
        return ClauseReading(["self"], frozenset())
    resigned = _RESIGNED.fullmatch(c.strip())
    if resigned:
        return _classify_clause(choice, resigned.group(1))
    # Voice input puts spaces inside words ("应 该愿意", "我儿子 愿意"): a hedge or another person's choice
    # split by one is still there.
    unspaced = re.sub(r"\s+", "", c)
    if choice.step == "use_commitment":
        # ("不怕你们查": no fear, but the check welcomed; see _CHECK_WELCOMED)
        c, unspaced = _CHECK_WELCOMED.sub("", c), _CHECK_WELCOMED.sub("", unspaced)
        # ("是怕麻烦": the hassle disliked, no worry; see _HASSLE_DISLIKED)
        c, unspaced = _HASSLE_DISLIKED.sub("", c), _HASSLE_DISLIKED.sub("", unspaced)
        c, unspaced = _RASHLY_NOT_DARED.sub("", c), _RASHLY_NOT_DARED.sub("", unspaced)
        # (read on the words as said, before the two negations of trust cancel)
        if _TRUST_NOT_DENIED.match(re.sub(r"\s+", "", raw)) or _THEIR_CERTAIN_DOING.match(unspaced):
            return ClauseReading([], frozenset())
    flags = _flags(c, choice.typos) | _flags(unspaced, choice.typos)
    if choice.step == "acting_as" and _KIN_OF_APPLICANT.match(unspaced):
        flags = flags | {"kin_of_applicant"}
    if choice.step == "acting_as" and _JOINT_MATTER.search(unspaced):
        flags = flags | {"both"}
    if choice.step == "acting_as" and _PET_ACTED_FOR.search(unspaced):
        flags = flags | {"joke"}
    if choice.someone_else and (choice.someone_else.search(c) or choice.someone_else.search(unspaced)):
        return ClauseReading([], flags)
    if choice.step == "acting_as":
        c = _LEFT_TO_THEM.sub(r"\1", _THEIR_OWN.sub(r"\1", c))
    c = _CONFIDENT_FACE_END.sub("", c)
    # (an emoji beside a bare answer, "嗯呐👌", "不要不要🙅", is no word of it)
    spoken = re.sub(r"[\s\"'“”‘’()（）\[\]【】]|[^\w?？]", "", c).lower()
    # (digits are not collapsed: "11", "1111" are other numbers, or keys mashed, not the option 1 said again)
    compact = re.sub(r"^(\D{1,2}?)\1+$", r"\1", spoken.rstrip(_PARTICLES))  # 好好好, 对对对, 是是是
    said_twice = re.fullmatch(r"(.{2,3}?)\1+", spoken)  # 好呀好呀, 行啊行啊: the particle inside the repetition
    if said_twice and choice.bare.get(said_twice.group(1).rstrip(_PARTICLES)):
        compact = said_twice.group(1).rstrip(_PARTICLES)
    bare = choice.bare.get(raw.lower().strip()) or choice.bare.get(c.lower().strip()) or choice.bare.get(compact) \
        or choice.bare.get(re.sub(r"[^\w]", "", raw).lower())
    particle = _PINYIN_PARTICLE_END.fullmatch(raw.strip())
    # ("shi ba" is 是吧, the hedge: the bare 是 in pinyin takes no particle)
    if particle and re.sub(r"\s+", "", particle.group(1)).lower() == "shi":
        particle = None
    if not bare and particle:
        bare = choice.bare.get(re.sub(r"\s+", "", particle.group(1)).lower())
    if not bare:
        # "回复是", "我选否": the answer said with the question's own instruction ("回复“是”…"); a clerk typing for the
        # caller names the caller by the role ("来电人选否", "申请人回复是"), as the register phrases above do
        echoed = re.match(r"^(?:我|俺|来电人|申请人|当事人)?(?:就)?(?:选择|选|回复|回答|答)(.+)$", compact)
        bare = choice.bare.get(echoed.group(1)) if echoed and len(echoed.group(1)) <= 4 else None
    if not bare and choice.step == "use_commitment" and compact.startswith("是") \
            and choice.bare.get(compact[1:]) == "yes" and compact[1:] not in ("是", "嗯", "恩"):
        # "是用", "是要", "是可以": the question's own 是 and a short yes after it say the same thing twice. Only a yes
        # after it: "是不用" (是 then a no) is no such repetition, and is read as said.
        bare = "yes"
    if not bare:
        # "哦 是" (the pause taken out before it is read), "额本人": a sound of realising or hesitating that opens a short
        # answer is only the breath before it, as 嗯 is. Not before a 不 ("哦不" takes back what came before), and not 啊,
        # which before 是 asks in Wu ("阿是": isn't it?)
        # (its doubt read without the sound: "哦是吧" is the hedge "是吧")
        opened = _OPENING_SOUND.match(compact)
        if opened and not compact[opened.end():].startswith("不") \
                and not _flags(_OPENING_SOUND.sub("", re.sub(r"\s+", "", _fold(c))), choice.typos):
            bare = choice.bare.get(compact[opened.end():])
    if not bare:
        # "…，那就是", "那就不用了": the short answer drawn as the speaker's conclusion (not "那我", a sentence begun)
        concluded = _CONCLUDED_BARE.match(compact)
        bare = choice.bare.get(compact[concluded.end():]) if concluded and compact[concluded.end():] else None
    if bare:
        return ClauseReading([bare], flags, bare=True)
    denied = choice.bare.get(compact[2:]) if compact.startswith("不是") else None
    if denied and compact[2:] not in ("是", "不是"):  # "不是我": the other answer
        return ClauseReading([choice.opposite[denied]], flags, bare=True)
    taken: List[Tuple[int, int]] = []
    matches: List[Tuple["re.Match[str]", str]] = []
    for pattern, label in choice.phrases:
        for m in pattern.finditer(c):
            if m.end() == m.start() or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            matches.append((m, label))
    matches.sort(key=lambda item: item[0].start())
    found: List[Tuple[int, str, bool]] = []
    previous_end = 0
    for m, label in matches:
        prefix = c[: m.start()]
        negated = bool(_NEGATED_BEFORE.search(_SUGGESTED.sub("", prefix)))
        # A negation's reach ends at the phrase it negated and at a new subject: in "不用承诺我交证明"
        # (voice input, no comma) the 不用 is spent on 承诺 and says nothing about 交证明.
        scope = c[previous_end: m.start()]
        subject = None
        for subject in _NEW_SUBJECT.finditer(scope):
            pass
        if subject:
            scope = scope[subject.end():]
        previous_end = m.end()
        if not negated and _NEGATION_NEARBY.search(_NOT_NEGATIONS.sub("", scope)):
            flags = flags | {"negation_scope"}
        dominant = bool(choice.dominant and choice.dominant.fullmatch(m.group(0)))
        found.append((m.start(), choice.opposite[label] if negated else label, dominant and not negated))
    labels = [label for _, label, _ in found]
    dominant = next((label for _, label, d in found if d), None)
    return ClauseReading(labels, flags, dominant)


_REPRESENTATIVE_CLAIM = re.compile(r"^(?:我|俺)(?:就)?是(?:公司|企业|单位|我们公司|本公司)?的?(?:法人|法定代表人|法人代表)$")
_FOR_THE_COMPANY = re.compile(r"^(?:我)?(?:是)?(?:来)?(?:给|替|为|帮|代表)(?:我们|自己|我的|自己的|本)?的?(?:公司|企业|单位|店)"
                              r"(?:来)?(?:办|申请|办理)?(?:的|了)?$")


def _representative_for_itself(readings: List[Tuple[Clause, ClauseReading]]) -> bool:
    """"我是法人，给公司办": the legal representative is how an enterprise acts for itself, so the company named
    beside the claim is the applicant, not someone else the speaker acts for."""
    texts = [_fold(clause.text) for clause, reading in readings if reading.labels]
    # in either order: "给我们公司办的，我就是法人" says the same
    return len(texts) == 2 and any(bool(_REPRESENTATIVE_CLAIM.match(texts[i])) and bool(_FOR_THE_COMPANY.match(texts[1 - i]))
                                   for i in (0, 1))


# Rhetorical questions used as answers: they ask nothing, and say the opposite of what they ask.
# "这还用问？当然是本人": the lead-in is emphasis only, and the statement after it is the answer (consent.OBVIOUS_LEAD).
# "哪能不用", "谁说我不用了", "怎么会没看": a negation asked back is the plain statement.
_ASKED_BACK_NEGATION = re.compile(
    r"^(?:谁说|哪能|哪会|怎么会|怎么能|咋会|咋能)(?:我|俺)?(?:要|会)?(?:不|没有|没)([\u4e00-\u9fff]{1,8}?)(?:了|呢|啊|呀|的)*[?？]*$")
# "谁说代办了", "谁要承诺啊", "哪用得着承诺", "哪有什么特别授权": a statement asked back is its denial.
_ASKED_BACK = (
    # "谁替别人办了，自己的": acting for someone else asked back is its denial
    (re.compile(r"^谁(替|帮|给|代)(?![不没])([\u4e00-\u9fff]{1,8}?)(?:了|啊|呀|的)*[?？]*$"), r"没\1\2"),
    (re.compile(r"^谁说(?:我|俺)?(?:要|是)?(?![不没])([\u4e00-\u9fff]{1,8}?)(?:了|啊|呀|的)*[?？]*$"), r"不是\1"),
    (re.compile(r"^谁(?:要|想|愿意|乐意)(?![不没])((?:(?!谁)[\u4e00-\u9fff]){1,8}?)(?:了|啊|呀|的)*[?？]*$"), r"不要\1"),
    # ("我哪用得着承诺": the speaker's own need asked back the same way)
    (re.compile(r"^(?:我|俺)?(?:哪|哪里|哪儿)(?:用得着|用得上|需要|用)(?![不没])([\u4e00-\u9fff]{1,8}?)(?:了|啊|呀|的)*[?？]*$"), r"不用\1"),
    (re.compile(r"^(?:我)?(?:哪|哪里|哪儿)(?:是|有)(?:什么)?(?![不没])([\u4e00-\u9fff]{1,8}?)(?:了|啊|呀|的)*[?？]*$"), r"不是\1"),
    (re.compile(r"^(?:哪能|哪会|怎么能|咋能)(?![不没])([\u4e00-\u9fff]{1,8}?)(?:了|啊|呀|的|呢)*[?？]*$"), r"不\1"),
)
# "我这岁数还用办低保？不是我，是帮…": at who acts, whether the speaker, at their age, still needs the matter, asked back
# before what follows; it says the matter is not the speaker's own (read as "申请人不是我": beside "本人" it is the
# contradiction it says). Said last, or alone, it may be asked in earnest, and is left a question.
_AGE_ASKED_BACK = re.compile(r"^(?:我|俺)(?:这|这个|这把)?(?:岁数|年纪|年龄|把年纪)(?:了)?(?:还|哪)(?:用|要|需要)(?:办|申请|领|吃)(?:这个|个)?"
                             r"(?:低保|补贴|补助|救助|养老金)(?:啊|呀|吗|呢)*(?:[?？]+|[,，。])\s*(?=[^\s?？,，。])")
# "本人哪有空": no time, said of someone, asked back. "谁有那闲工夫": nobody has the time, asked back; only with the idle
# time named as such (闲工夫, 闲心) or pointed at (那/这么多 工夫): "谁有空" may ask who is free.
_NO_TIME_ASKED_BACK = re.compile(r"^([\u4e00-\u9fff]{0,4}?)(?:(?:哪|哪里|哪儿)有(?:那|那个|这|这个|那么多|这么多)?(空|时间|工夫|功夫|闲工夫)|"
                                 r"谁有(?:那|那个|这|这个|那么多|这么多)?(闲工夫|闲心)|谁有(?:那|那个|这|这个|那么多|这么多)(时间|工夫|功夫))"
                                 r"([\u4e00-\u9fff]{0,6})[?？]*$")
# "我哪有那么闲帮别人办，我自己的": no time to act for anyone else, asked back, then the speaker's own matter named.
# Only read so before such a clause: what else follows ("他自己的", "帮我妈办的") leaves who acts open.
_NO_TIME_FOR_OTHERS = re.compile(r"^((?:我|俺)?)(?:哪|哪里|哪儿)有(?:那么|这么|那个|这个|那|这)?(?:闲工夫|闲|空|时间|工夫|功夫)(?:去)?"
                                 r"((?:帮|替|给|代)(?:别人|人家|旁人|外人)(?:办|跑|弄|申请)?)(?:了|啊|呀|的)*[?？]*$")
# "当然是本人啊，这年头谁还有空替别人跑": who still has the time to act for others, asked back beside another clause;
# nobody has, the speaker neither (read as "不替别人跑": beside 代办 it is the contradiction it says). Only with 还/又
# ("who still") and someone else acted for: "谁有空替别人跑" may ask who is free, and alone it is a question.
_NOBODY_HAS_TIME = re.compile(r"^(?:这年头|现在|如今|现如今|这年月|这时候)?(?:的人)?谁(?:还|又)(?:能)?有(?:那|那个|这|这个|那么多|这么多)?"
                              r"(?:空|时间|工夫|功夫|闲工夫|闲心)(?:去)?((?:替|帮|给|代)(?:别人|人家|旁人|外人)(?:办|跑|弄|申请|跑腿)?)"
                              r"(?:了|啊|呀|呢|嘛|的)*[?？]*$")
# "俺哪用得着这个，帮俺爹申请的": at who acts, whether the speaker needs the matter at all, asked back before what
# follows; as the age asked back above, it says the matter is not the speaker's own (read as "申请人不是我"). Alone, or
# last, it is left a question.
_NO_NEED_ASKED_BACK = re.compile(r"^(?:我|俺)(?:哪|哪里|哪儿)(?:用得着|用得上|需要|要)(?:办|申请|领)?"
                                 r"(?:这个|这|那个|这玩意儿?|这东西|低保|补贴|补助|救助)(?:啊|呀|吗|呢|嘛)*(?:[?？]+|[,，。])\s*(?=[^\s?？,，。])")
_OWN_MATTER = re.compile(r"^(?:是)?(?:我|俺)(?:自己|本人|自个儿?)")
_OPTION_ECHO = re.compile(r"^([\u4e00-\u9fff]{1,4})[?？]+\s*(?=[\u4e00-\u9fff])")
# "哎呀我听不大清，你说啥？": the question not heard well, and what was said asked. It asks only for the question again;
# when the option is echoed right after it and answered ("…你说啥？承诺？承诺就承诺吧"), the speaker has caught the question
# and answers it, so the ask is set aside. Without the echo and an answer after it ("你说啥？", "你说啥？承诺？") it stays.
_NOT_HEARD_LEAD = re.compile(r"^(?:(?:哎呀|哎|唉|啊|嗯|呃|喂)+[,，\s]*)?"
                             r"(?:(?:我|俺)?(?:听不(?:大|太)?清(?:楚)?|没听清(?:楚)?|没听见|没听到|听不见)(?:啊|呀)?[,，。\s]*)?"
                             r"(?:你|您)?(?:说|讲|问)(?:的)?(?:啥|什么|是啥|是什么)(?:呢|啊|呀)?[?？]+\s*")
# "当然愿意，谁愿意跑腿开证明啊": who would want the other way, asked back after the answer as its reason. Unlike the
# other questions asked back it is read at the end of the answer too: 谁愿意 ("who would want to") asks nothing of us.
# ("谁愿意用谁用" is "whoever wants", no such question.)
# ("谁乐意跑好几个部门挨个盖章": the errand told at length)
_NOBODY_WANTS = re.compile(r"^谁(?:愿意|乐意)(?![不没])((?:(?!谁)[\u4e00-\u9fff]){1,14}?)(?:了|啊|呀|的|呢)*[?？]*$")
# "本人，不然还能是谁", "是我自己，不然呢": the answer's obviousness asked back after it; emphasis, no question. Only after
# an answer: alone it answers nothing.
_OBVIOUS_TAIL = re.compile(r"^(?:不然|要不然|要不)(?:呢|嘞|咧)[?？!！]*$|"
                           r"^(?:(?:不然|要不然|要不|难不成|难道)(?:还能|还会|能)?|还能|还会)(?:是|有)?(?:谁|啥|什么|鬼|别人|别的)"
                           r"(?:呢|啊|呀|吗|嘛|么|咯)?[?？!！]*$|"
                           # ("自己办啊，还能谁办": who else could do it)
                           r"^(?:不然|要不然|要不|难道)?(?:还能|还会)(?:有)?(?:谁|别人)(?:来|去)?(?:办|弄|跑|申请|办理)"
                           r"(?:呢|啊|呀|吗|嘛|么|咯)?[?？!！]*$|^(?:这|那)?还用(?:问|说)(?:吗|嘛|么|啊)?[?？!！]*$"
                           # ("本人啊，还能替谁办": for whom else would I do it)
                           r"|^(?:不然|要不|难道)?(?:还能|还会|能)(?:替|帮|给|为)(?:谁|别人)(?:办|弄|跑)?(?:呢|啊|呀|嘛|么|咯)?[?？!！]*$")
# A pause (space) of voice input before such a rhetorical end is the clause boundary it would be typed as.
_PAUSE_BEFORE_RHETORICAL = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=(?:谁(?:愿意|乐意)|不然|要不然|难不成|难道|还能是|还用问|还用说)"
                                      r"[^\s,，。;；!！]*$)")
_CLAUSE_MARK = re.compile(r"([,，。.;；!！?？…\n]+)")


def _echoed_option(text: str) -> Optional[Tuple[str, int]]:
    """The option repeated to oneself at the start ("承诺？…"), after the emphasis or the ask of what was said that may
    lead up to it, and where the answer after it starts; None when there is none, or what is repeated asks something."""
    # (the patterns are anchored with ^, which a start position does not move: each is matched on the rest of the text)
    lead = consent.OBVIOUS_LEAD.match(text)
    start = lead.end() if lead else 0
    heard = _NOT_HEARD_LEAD.match(text[start:])
    if heard:
        echo = _OPTION_ECHO.match(text[start + heard.end():])
        if echo and not _QUESTION.search(echo.group(1)):
            start += heard.end()
    echo = _OPTION_ECHO.match(text[start:])
    return (echo.group(1), start + echo.end()) if echo and not _QUESTION.search(echo.group(1)) else None


def _bare_to_other_way(choice: Choice, text: str) -> bool:
    """"证明？不用了", "证明？要": at the commitment choice the other way repeated to oneself, then a short yes or no. The
    short answer answers the way it follows (no proofs, or the proofs wanted), not the question, which asked about the
    commitment; which way is meant is not said in its own words, and is asked again. An answer in full after it ("证明？
    不开了，用承诺") is read as it is said."""
    echo = _echoed_option(text)
    if choice.step != "use_commitment" or not echo or "承诺" in echo[0]:
        return False
    if set(_classify_clause(choice, echo[0]).labels) != {"no"} and not re.search(r"证明|材料|程序|流程", echo[0]):
        return False
    rest = [p for p in _CLAUSE_MARK.split(text[echo[1]:])[::2] if p.strip()]
    return bool(rest) and _classify_clause(choice, rest[0]).bare


def _unasked(text: str) -> str:
    """The rhetorical questions of an answer turned into the statements they make; other clauses unchanged.
    Only a clause followed by another one is read so ("谁说不用了" alone may be a real question)."""
    echo = _echoed_option(text)
    if echo:
        # "承诺？不必了": the option repeated to oneself, then the answer to it (and "我听不清，你说啥？承诺？承诺就承诺吧":
        # what was said asked, then the option caught and answered)
        text = text[echo[1]:]
    else:
        lead = consent.OBVIOUS_LEAD.match(text)
        if lead:
            text = text[lead.end():]
    text = _PAUSE_BEFORE_RHETORICAL.sub("，", text)
    parts = _CLAUSE_MARK.split(text)
    if len([p for p in parts[::2] if p.strip()]) < 2:
        return text
    last = len(parts) - 1 if parts[-1].strip() else len(parts) - 3  # the last clause (a mark may end the text)
    if last > 0:
        clause = parts[last].strip()
        if _OBVIOUS_TAIL.match(clause):
            parts[last] = ""
            if last + 1 < len(parts):
                parts[last + 1] = ""  # ("本人，不然呢？": the "?" that ended it asked nothing)
        else:
            m = _NOBODY_WANTS.match(clause)
            if m:
                parts[last] = f"不想{m.group(1)}"
            m = _NOBODY_HAS_TIME.match(clause)
            if m:
                parts[last] = f"不{m.group(1)}"
                if last + 1 < len(parts):
                    parts[last + 1] = ""  # (the "?" that ended it asked nothing)
    for i in range(0, len(parts) - 2, 2):
        clause = parts[i].strip()
        if re.search(r"的[?？]*$", clause):
            continue  # "谁说不用开证明的？": who said so is asked, a real question
        m = _NO_TIME_FOR_OTHERS.match(clause)
        if m and _OWN_MATTER.match(parts[i + 2].strip()):
            parts[i], parts[i + 1] = f"{m.group(1)}不{m.group(2)}", "，"
            continue
        m = _NOBODY_HAS_TIME.match(clause)
        if m:
            parts[i], parts[i + 1] = f"不{m.group(1)}", "，"
            continue
        m = _NO_TIME_ASKED_BACK.match(clause)
        if m:
            parts[i], parts[i + 1] = f"{m.group(1)}没{m.group(2) or m.group(3) or m.group(4)}{m.group(5)}", "，"
            continue
        m = _ASKED_BACK_NEGATION.match(clause)
        if m:
            parts[i], parts[i + 1] = m.group(1), "，"
            continue
        for pattern, statement in _ASKED_BACK:
            m = pattern.match(clause)
            if m:
                parts[i], parts[i + 1] = m.expand(statement), "，"
                break
    return "".join(parts)


# --- rhetoric beside the answer ---------------------------------------------------------------------------
# The answer's own word with its opposite denied, said as emphasis: "哪能不愿意呢", "没啥不愿意的", "有啥不愿意的",
# "不愿意才怪" (X才怪 is "not X": the refusal called absurd), "不是本人还能是谁", "除了我还能有谁". Each states the answer
# in its own words, so it is read as that word even alone, when the word is one of the choice's answers and nothing
# else is said in the clause. The reverse ("愿意才怪": the answer itself called absurd) is sarcasm, kept as a joke and
# asked again, as "已阅读，才怪" is.
_OWN_WORD_RESTATED = (
    re.compile(r"^(?:我|俺)?(?:哪能|哪会|哪里会|哪儿会|哪可能)(?:我|俺)?(?:不|没)((?:(?![了呢啊呀的嘛])[\u4e00-\u9fff]){1,8})"
               r"(?:了|呢|啊|呀|的|嘛)*[?？!！]*$"),
    re.compile(r"^(?:我|俺)?(?:也)?(?:没|没有)(?:啥|什么|有什么|有啥)(?:好)?不((?:(?![了呢啊呀的嘛])[\u4e00-\u9fff]){1,8})"
               r"(?:的)?(?:了|呢|啊|呀|嘛)*[!！。]*$"),
    # ("有啥不一样的" asks what differs: only the words of consent are read so)
    # ("这有啥不愿意的": the matter pointed at as what there is nothing against)
    re.compile(r"^(?:我|俺|这|那|这个|那个|这事儿?)?(?:有|还有)(?:啥|什么)(?:好)?不(愿意|同意|乐意|可以|行|中|成)的(?:呢|啊|呀|嘛)*[?？!！]*$"),
    re.compile(r"^(?:我|俺)?(?:要是)?不((?:(?!才怪)[\u4e00-\u9fff]){1,8})才怪(?:呢|啦|了|咧|嘞|哩)*[!！。]*$"),
    # ("不是本人还能是谁办？": whoever else may act, asked; only the identity asked back is rhetorical)
    # (only with 还能/还会, "could it be"; "除了承诺还有啥" asks what else there is)
    re.compile(r"^不是((?:(?!还|又)[\u4e00-\u9fff]){1,6})(?:那)?(?:还能|还会|又能)(?:是)?(?:谁|啥|什么|哪个)(?:呢|啊|呀|嘛|么)*[?？!！]*$"),
    re.compile(r"^除了((?:(?!以外|之外|还|又)[\u4e00-\u9fff]){1,6})(?:以外|之外)?(?:那)?(?:还能|还会|又能)(?:是|有)(?:谁|别人)"
               r"(?:呢|啊|呀|嘛|么)*[?？!！]*$"),
    # (kept last: the name readers pick the two patterns above by their place)
    # "不愿意我来干啥", "不用承诺我跑这一趟干嘛": without the answer the speaker would not have come; the opposite denied by
    # the errand it would make pointless. Only the speaker's own coming ("不愿意你来干啥", "我妈不愿意我来干啥" are other
    # people's, and asked).
    re.compile(r"^(?:要是|要)?不((?:(?![了呢啊呀的嘛我俺])[\u4e00-\u9fff]){1,8})(?:的话)?(?:我|俺)(?:还)?(?:来|跑来|过来|跑|跑过来)"
               r"(?:这儿|这里|这一趟|一趟|这趟)?(?:干啥|干嘛|干吗|做啥|做什么|干什么)(?:呢|啊|呀|嘛)*[?？!！]*$"),
)
# A rhetorical question or a mockery that says the same as the answer beside it, turned into that statement:
# "谁还去开那个证明" (nobody goes for the proof), "谁想跑断腿啊", "傻子才去开证明" (only a fool does: not I), "咋不愿意",
# "谁说不愿意", "难道要代办不成". Read so only when another clause states an answer and the statement names an answer
# too: the same one is emphasis, and the answer decides; the other one is a contradiction, asked again. Alone it is a
# question or a joke and is asked again (it names the way only by the figure of speech), and so is one that names no
# answer ("愿意，谁想被查啊": a worry, or a real question), unless it only emphasises ("还能咋地", "还能有谁"); a hedge
# beside it is still read.
_FOOLS = r"(?:傻子|傻瓜|笨蛋|二傻子|傻帽|憨憨|憨子|冤大头|脑子进水|脑子有病|缺心眼)(?:的人|的)?"
_FOOLS_ONLY = re.compile(rf"^(?:只有|也就|就|那是)?{_FOOLS}才(?:会|去|愿意|想|要|肯|乐意)?((?:(?![呢吧啊呀哦嘞哩])[\u4e00-\u9fff]){{1,10}})"
                         r"(?:呢|吧|啊|呀|哦|嘞|哩)*[!！。]*$")
# ("谁愿意用谁用", "谁想查就查": whoever wants, no question asked back)
_WHO_WOULD = re.compile(r"^谁(还|又)?(想|愿意|乐意|稀罕|爱)?((?:(?![了啊呀的呢哦嘛咧谁就])[\u4e00-\u9fff]){1,10})"
                        r"(?:了|啊|呀|的|呢|哦|嘛|咧)*[?？!！]*$")
# ("谁不愿意啊": who would not; "咋不愿意": why would I not)
_WHY_NOT = re.compile(r"^(?:咋|怎么|为啥|为什么|凭啥|干嘛|谁说|谁)(?:我|俺)?(?:会|能|就|要)?(?:不|没有|没)"
                      r"((?:(?![了呢啊呀的嘛])[\u4e00-\u9fff]){1,8})(?:了|呢|啊|呀|的|嘛)*[?？!！]*$")
_ABSURD = re.compile(r"^(?:难道|难不成|莫非)(?:说)?((?:(?![不成吗么嘛啊呀])[\u4e00-\u9fff]|不(?!成)){1,12})(?:不成|吗|么|嘛|啊|呀)*[?？!！]*$")
# ("难道还有人替我办不成", "难道还能是别人不成": who else could it be, asked back; emphasis beside either answer's words)
_ABSURD_SOMEONE_ELSE = re.compile(r"^(?:还)?(?:能|会)?(?:有|是)(?:人|别人|谁|旁人|其他人|鬼)"
                                  r"(?:(?:替|帮|代|给)(?:我|俺)(?:来)?(?:办|弄|申请|跑)?(?:的)?)?$")
# "本人啊，我还能替谁办": for whom else could the speaker act, asked back; it says the speaker acts for no one else (read
# as "不替别人办", so that beside "代办" it is the contradiction it says). Only the speaker and 谁/哪个 ("我还能替别人办"
# states it can; "我妈还能替谁办", "你还能替谁办" are other people's, and asked).
_WHOM_ELSE = re.compile(r"^(?:我|俺)(?:还|又)(?:能|会|可能)(?:替|帮|给|代|为)(?:谁|哪个)(?:来)?(?:办|弄|申请|跑|办理)?"
                        r"(?:呢|啊|呀|嘛|么|咯)?[?？!！]*$")
# "我自己的，哪有人愿意替我跑这趟": who would act for the speaker, asked back; it says nobody does (read as "没人愿意替我
# 跑", which is the speaker acting alone). Only for the speaker ("哪有人替我妈办" is someone else's matter), and, as every
# figure here, only beside an answer: alone it is a question.
# ("就我自己嘛，哪个帮我办哦": the same asked with who, 哪个 in the southwest, standing for 哪有人)
# ("谁又能帮我跑啊": who else could, with 还/又 after who)
_NOBODY_FOR_ME = re.compile(r"^(?:我|俺)?(?:(?:哪|哪里|哪儿)有(?:人|谁)|(?:又|还)?(?:有)?(?:哪个|谁))(?:还|又)?"
                            r"((?:愿意|肯|乐意|会|能)?(?:替|帮|代|给)(?:我|俺)(?:来)?(?:办|跑|弄|申请|整)"
                            r"[\u4e00-\u9fff]{0,3}?)(?:啊|呀|呢|嘛|哦|哟|咯)*[?？!！]*$")
# "我这岁数了还跑啥证明", "还开什么证明": why still go for the proofs, asked back; it says the proofs are not to be had
# (跑/弄/办 a proof is to go and get it, 开). Only without 要/得/需要 ("还要开啥证明" asks which proofs are still needed),
# with no negation or question word in what leads up to it, and, as every figure here, only beside an answer that says
# the same; a condition or someone else in the lead ("用承诺的话还开啥证明", "我妈还开啥证明") leaves it a question.
_WHY_STILL = re.compile(r"^((?:(?![还又不没谁啥什要得])[\u4e00-\u9fff]){0,8}?)(?:还|又)(?:去)?(跑|开|交|办|弄|拿|补)(?:个)?(?:啥|什么)"
                        r"(?:子)?(证明|材料)(?:啊|呀|嘛|了|呢)*[?？!！]*$")
# "交证明，干嘛要承诺", "何必交证明": why bother with a way, asked back; it says that way is not wanted (read as
# "不要…"). Only a way asked about with no negation in it (干嘛不…, "why not", is _WHY_NOT), and, as every figure here,
# only beside an answer: alone "干嘛要承诺" may ask in earnest what it is for.
_WHY_BOTHER = re.compile(r"^(?:我|俺)?(?:干嘛|干吗|何必|何苦)(?:非要|非得|还要|还得|还|要|得|去|再)*"
                         r"((?![不没])(?:(?![了呢啊呀的嘛吗么])[\u4e00-\u9fff]){1,8})(?:了|呢|啊|呀|的|嘛|吗|么)*[?？!！]*$")
# "不用来回跑谁不愿意", "这么省事谁不乐意": the good of it told, then "who would not want it" asked back; everyone would, the
# speaker too (read as the reason, then "愿意"). The reason keeps its own words, so that a way named in it is still read
# ("不用承诺谁不愿意" says the other way, and beside "愿意" is the contradiction it is).
_EVERYONE_WANTS = re.compile(r"^((?:(?!谁)[\u4e00-\u9fff]){1,10}?)谁(?:会|还)?不(?:愿意|乐意|想|喜欢)(?:啊|呀|呢|嘛|哦)*[?？!！]*$")
# "我像是爱跑腿的人吗": whether the speaker looks like one who likes a way, asked back; they are not (read as "不想…").
# Only with the liking said (喜欢/爱/愿意…): "我像是需要交证明的人吗" may ask in earnest.
_NOT_THE_KIND = re.compile(r"^(?:我|俺)(?:看着|看起来|瞅着)?像(?:是)?(?:个|那种|那号|会)?(?:喜欢|爱|愿意|乐意|想|稀罕)"
                           r"((?:(?![的了呢吗么嘛])[\u4e00-\u9fff]){1,8})的(?:人|主儿?)(?:吗|么|嘛|啊|呀)*[?？!！]*$")
# "用承诺呗，还能咋地": what else could be done, asked back after the answer; resigned emphasis of it
_NOTHING_ELSE = re.compile(r"^(?:不然|要不然|要不|那|那还|那又)?还能(?:咋地|咋的|咋样|怎样|怎么样|怎么着|咋办|怎么办|咋整|如何|咋)"
                           r"(?:呢|啊|呀|嘛|么|咯|呗)?[?？!！]*$")
# "证明开不出来，不承诺还能咋办": the way refused, then what else could be done asked back; there is nothing else, and the
# way is what the speaker is left with (read as that way, "承诺"). As every figure here, only beside an answer: alone,
# or beside a hedge ("不承诺还能咋办？我再想想"), it may ask in earnest what else there is.
_NO_OTHER_WAY = re.compile(r"^(?:那|要是|要)?不((?:用|走|选|交|开)?(?:告知)?(?:承诺|证明))(?:的话)?(?:那)?(?:我|俺)?(?:还能|又能|还可以)"
                           r"(?:咋办|怎么办|咋整|咋地|咋的|怎么着|咋样|怎样|如何)(?:呢|啊|呀|嘛|么|咯|呗)?[?？!！]*$")
# "那证明上哪开去", "上哪儿开证明去": where to get the proofs, asked back with the 去 of "where would one go"; they are not
# to be had (read as "证明开不出来"). As every figure here, only beside an answer: alone, or with 呢, it may ask.
_WHERE_TO_GET = re.compile(r"^(?:那|这)?(?:个)?(?:(?:证明|材料)(?:我|俺)?(?:上|去|到)(?:哪|哪里|哪儿)(?:去)?(?:开|办|弄|拿|要)|"
                           r"(?:我|俺)?(?:上|去|到)(?:哪|哪里|哪儿)(?:去)?(?:开|办|弄|拿|要)(?:那个|这个|那|这)?(?:证明|材料))"
                           r"去(?:啊|呀|哇|嘛)?[?？!！]*$")
# "不用承诺不行啊": a way refused and the refusal called no good, a must said with two negations (read as "必须用承诺").
# Only plainly, and as every figure here only beside an answer: "不用承诺不行吗", "…不行吧" ask.
_MUST_BOTH_DENIED = re.compile(r"^(?:我|俺)?(?:这)?(?:也|还)?不(用|走|选|交|开)((?:告知)?承诺|证明)(?:也)?不(?:行|成)(?:啊|呀|哇|嘛|了|啦)?[!！。]*$")
# "又不是傻", "我又不傻": the speaker no fool, said last after such a figure ("谁还去开证明 又不是傻"); it names no way, and
# is read as any clause that names none.
_NOT_A_FOOL = r"(?:我|俺)?(?:又|也)?(?:不是|不)(?:傻子|傻瓜|傻帽|傻|笨蛋|二傻子|憨憨|憨子)(?:啊|呀|嘛|呗|了)*[!！。]*"
# Rolled eyes (🙄, 😒) at the end of a clause: doubt or sarcasm beside an answer (``_HEDGE``), exasperation after an
# obviousness asked back.
_EYES_ROLLED_END = re.compile("[🙄😒]+$")
# A pause of voice input before such a figure is the clause boundary it would be typed as ("就我自己 还能有谁"), and so is
# the pause before the speaker's "no fool" after it.
_PAUSE_BEFORE_FIGURE = re.compile(
    rf"(?<=[\u4e00-\u9fff])\s+(?=(?:谁(?:还|又|想|稀罕|爱)|(?:不然|要不然|那)?还能|(?:我|俺)(?:还|又)(?:能|会)(?:替|帮|给|代|为)(?:谁|哪个)|难道|难不成|莫非|(?:只有)?{_FOOLS}才|(?:咋|怎么|为啥)不|"
    rf"哪能不|没(?:啥|什么)(?:好)?不|有(?:啥|什么)(?:好)?不)[^\s,，。;；!！]*(?:\s+{_NOT_A_FOOL})?$)|"
    rf"(?<=[\u4e00-\u9fff])\s+(?={_NOT_A_FOOL}$)")


def _own_word_restated(choice: Choice, clause: str) -> Optional[str]:
    """The answer's own word in a clause that denies its opposite ("哪能不愿意呢" -> 愿意), when it reads one answer."""
    for pattern in _OWN_WORD_RESTATED:
        m = pattern.match(clause)
        if m:
            word = m.group(1)
            reading = _classify_clause(choice, word)
            if len(set(reading.labels)) == 1 and not reading.flags:
                return word
    return None


def _figure_statement(clause: str) -> Optional[Tuple[str, bool]]:
    """What a rhetorical question or a mockery says, and whether it may name no answer at all (pure emphasis)."""
    rolled = _EYES_ROLLED_END.search(clause)
    if rolled and rolled.start() > 0:
        # "就我自己啊 难道还有别人吗🙄": the rolled eyes close the question asked back, at how obvious the answer is. Only
        # after pure emphasis, which names no answer the face could turn round; beside anything else they stay doubt.
        return ("", True) if _figure_statement(clause[:rolled.start()]) == ("", True) else None
    if _NOTHING_ELSE.match(clause) or _OBVIOUS_TAIL.match(clause):
        return "", True
    m = _FOOLS_ONLY.match(clause)
    if m:
        said = m.group(1)
        return (said[1:] if said[0] in "不没" else "不" + said), False
    # (who would act for the speaker is read first: "谁还能帮我跑啊" is nobody, not the speaker's own "不能帮我跑")
    m = _NOBODY_FOR_ME.match(clause)
    if m:
        return f"没人{m.group(1)}", False
    m = _WHO_WOULD.match(clause)
    if m and (m.group(1) or m.group(2)):
        # ("谁想跑断腿啊": nobody wants the proofs' errands. Only read when it names the same answer: "谁想被查啊" beside a
        # yes is a worry about the commitment, and "谁还要签字" may ask who else signs)
        return f"不{'想' if m.group(2) else ''}{m.group(3)}", False
    m = _WHY_NOT.match(clause)
    if m:
        return m.group(1), False
    if _WHOM_ELSE.match(clause):
        return "不替别人办", False
    m = _WHY_STILL.match(clause)
    if m:
        verb = "开" if m.group(2) in "跑办弄" else m.group(2)
        return f"{m.group(1)}不{verb}{m.group(3)}", False
    m = _WHY_BOTHER.match(clause)
    if m:
        return f"不要{m.group(1)}", False
    m = _EVERYONE_WANTS.match(clause)
    if m:
        return f"{m.group(1)}，愿意", False
    m = _NOT_THE_KIND.match(clause)
    if m:
        return f"不想{m.group(1)}", False
    # the statements asked back that _unasked reads before another clause, read here at the end of the answer too
    # ("本人，谁说我是代办了", "本人，哪能是代办")
    for pattern, statement in _ASKED_BACK:
        m = pattern.match(clause)
        if m:
            return m.expand(statement), False
    m = _ABSURD.match(clause)
    if m:
        said = m.group(1)
        if _ABSURD_SOMEONE_ELSE.fullmatch(said):
            return "", True
        said = said[1:] if said.startswith("还") else said
        return (said[1:] if said[0] in "不没" else ("没" if said[0] == "有" else "不") + said), False
    if _WHERE_TO_GET.match(clause):
        return "证明开不出来", False
    m = _NO_OTHER_WAY.match(clause)
    if m:
        return m.group(1), False
    m = _MUST_BOTH_DENIED.match(clause)
    if m:
        return f"必须{m.group(1)}{m.group(2)}", False
    return None


# "本人，当然是本人啦，难道还是我家猫在打字吗": a pet (or other creature) asked back as the one typing or acting, absurd on its
# face; pure emphasis of the obvious, as "难道还有别人不成" is (beside an answer only, as every figure here).
_ABSURD_PET = re.compile(r"^(?:难道|难不成|莫非)(?:说)?(?:还)?(?:能|会)?(?:是|有)?(?:我|俺)?(?:家|家里)?(?:的)?(?:猫|狗|猫咪|狗子|狗狗|鹦鹉)"
                         r"(?:在)?(?:替我|帮我|给我|替俺|帮俺)?(?:打字|打的字|打的|办|办的|回你|回答|说话|操作)?"
                         r"(?:不成|吗|么|嘛|啊|呀)*[?？!！]*$")


def _agreeing_figures(choice: Choice, text: str) -> str:
    """The answer's own word restated for a denied opposite, and the figures of speech beside an answer that say the
    same as it turned into their statements (or dropped, when they only emphasise); all else unchanged."""
    parts = _CLAUSE_MARK.split(_PAUSE_BEFORE_FIGURE.sub("，", text))
    figures: Dict[int, Tuple[str, bool]] = {}
    for i in range(0, len(parts), 2):
        clause = parts[i].strip()
        if not clause:
            continue
        word = _own_word_restated(choice, clause)
        if word is not None:
            parts[i] = word
            if i + 1 < len(parts):
                parts[i + 1] = "，"  # (the "?" that ended it asked nothing)
            continue
        figure = ("", True) if _ABSURD_PET.match(clause) else _figure_statement(clause)
        if figure is not None:
            figures[i] = figure
    if not figures:
        return "".join(parts)
    stated = {label for i in range(0, len(parts), 2) if i not in figures and parts[i].strip()
              for label in _classify_clause(choice, parts[i]).labels}
    if len(stated) != 1:
        return "".join(parts)
    for i, (statement, pure) in figures.items():
        if _ABSURD_PET.match(parts[i].strip()) and stated != {"self"}:
            # (the pet asked back as the one typing says the speaker types: emphasis beside 本人 only; beside 代办 it is
            # a joke, "代办，难道还是我家猫在打字吗", and stays one)
            continue
        # ("谁稀罕开那证明": the proof pointed at, as 那个 before it is)
        statement = re.sub(r"(?<=[开交办拿补])(?:那种|这种|那|这)(?=证明)", "", statement)
        reading = _classify_clause(choice, statement) if statement else ClauseReading([], frozenset())
        if reading.flags:
            continue
        # (a statement naming the other answer is read too: against the answer it is the contradiction it says)
        if reading.labels or pure:
            parts[i] = statement if reading.labels else ""
            if i + 1 < len(parts):
                parts[i + 1] = "，"
    return "".join(parts)


# 把 typed for 吧 at the end of a clause ("那就承诺把"): a preposition never ends one; 一把/这把 are counted.
_TYPED_BA = re.compile(r"(?<![一这那几两])把(?=[\s,，。.!！~～…]|$)")


# "不是不愿意，是……": the double negation set against what follows; the 是 clause is the answer.
# ("不是说不用 是用": the refusal denied as a thing said, "I'm not saying no", is the same double negation)
_DENIED_DENIAL = re.compile(r"^(?:我|俺)?(?:也|又|倒)?(?:不是|并不是|并非)(?:说)?(?:不|没)")
_INSTEAD = re.compile(r"^(?:而是|是)")
# "我不是不想交证明，就是开不出来": after a double negation that names a way, 就是 ("it is just that") brings what
# stands in the way of the wish it stated. The wish is not a choice made, and the obstacle is no choice either
# ("就是证明开不出来" would otherwise read as the commitment): neither is read as an answer, and only what is said
# after them can be ("不是不愿意，就是刚才没看明白，愿意的，用承诺办"). A double negation that names no way is only the
# lead-in to the answer after it ("不是不信你们，就是交证明踏实"), and before 是/而是 the clause after it is the answer
# (see _denial_set_against).
_JUST_THAT = re.compile(r"^就是")


def _obstacle_after_denial(readings: List[Tuple["Clause", "ClauseReading"]]) -> List[Tuple["Clause", "ClauseReading"]]:
    for i in range(len(readings) - 1):
        if readings[i][1].labels and _DENIED_DENIAL.match(readings[i][0].text) and _JUST_THAT.match(readings[i + 1][0].text):
            readings = readings[:i] + [(clause, ClauseReading([], reading.flags))
                                       for clause, reading in readings[i:i + 2]] + readings[i + 2:]
    return readings


# "俺不是不信恁，就是先问问……中，用承诺": after a double negation that names no way ("not that I distrust you"), 就是 brings
# the speaker's own asking first as what the questions before were ("just asking first"): the asking is done, and the
# answer after it is the answer. Only so, with an answer after it: "就是先问问" alone, or last ("不是不信你们，就是先问问"),
# still puts the answer off, and so does "我先问问" without the denial before it.
_ASKED_FIRST = re.compile(r"^就是(?:想)?(?:先)?(?:问问|问一下|问下|问清楚|打听打听|打听一下|了解一下|确认一下)(?:而已|罢了)?$")


def _asked_first_after_denial(readings: List[Tuple["Clause", "ClauseReading"]]) -> List[Tuple["Clause", "ClauseReading"]]:
    for i in range(len(readings) - 2):
        (denial, said), (asked, reading) = readings[i], readings[i + 1]
        if not said.labels and not said.flags and _DENIED_DENIAL.match(denial.text) and not reading.labels \
                and reading.flags == {"hedge"} and _ASKED_FIRST.match(_fold(asked.text)) and readings[i + 2][1].labels:
            readings = readings[:i + 1] + [(asked, ClauseReading([], frozenset()))] + readings[i + 2:]
    return readings


# "我没说不是本人啊，就是我": the speaker's denial of having said the other answer, set against the plain answer after it
# (就是… as well as 是…). Without that answer after it, it states nothing (the other answer is only said not to have
# been given: "我没说不愿意" is no refusal and no yes either), and is read as no answer.
_NEVER_SAID_NOT = re.compile(r"^(?:我|俺)?(?:可|也|又|并|从来|从)?(?:没|没有)(?:说|讲)(?:过)?(?:我|俺)?(?:不|没)")
_PLAINLY_INSTEAD = re.compile(r"^(?:而是|是|就是)")
# "没说代办啊，是我本人在办": the speaker's denial of having said an answer, set against the plain answer after it, only
# leads up to that answer, and is dropped as the double negations above are. Without such an answer after it ("没说代办
# 啊" alone) it is read as it is.
_NEVER_SAID = re.compile(r"^(?:我|俺)?(?:可|也|又|并|从来|从)?(?:没|没有)(?:说|讲)(?:过)?(?:我|俺)?(?:是|要)?(?![不没])"
                         r"[\u4e00-\u9fff]{1,8}?(?:啊|呀|呢|哦|嘛)?$")


# "不是代我妈，是代我爸": whom the speaker acts for denied, then said, in the clause after it that opens with 是. The
# denial only sets up the person named after it (who acts is not what it denies), and is dropped as the double negation
# above is. Only before a clause that opens with 是/而是: "不是代我妈" alone, or before anything else, is read as said.
_WHOM_DENIED = re.compile(r"^(?:我|俺)?(?:也|又|倒)?(?:不是|并不是|并非)(?:代|帮|替|给|为)(?!自己|本人|我自己|俺自己)"
                          r"[\u4e00-\u9fff]{1,6}?(?:办|申请|弄|跑)?(?:的)?$")


def _denial_set_against(clauses: List[Clause]) -> List[Clause]:
    """"不是不用，是要用", "不是不愿意，是我证明都开好了": the double negation only sets up the clause after it,
    which says what the speaker means; the double negation itself is dropped (alone it still reads as a yes)."""
    kept: List[Clause] = []
    for index, clause in enumerate(clauses):
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        if following is not None and (_DENIED_DENIAL.match(clause.text) or _WHOM_DENIED.match(clause.text)) \
                and _INSTEAD.match(following.text):
            continue
        if following is not None and _NEVER_SAID.match(clause.text) and _PLAINLY_INSTEAD.match(following.text):
            continue
        if _NEVER_SAID_NOT.match(clause.text):
            if following is None or not _PLAINLY_INSTEAD.match(following.text):
                kept.append(Clause("", correction=clause.correction, contrast=clause.contrast))
            continue
        kept.append(clause)
    return kept


_JOKE_MARK = re.compile(r"^(?:哈哈|呵呵|嘿嘿)*(?:开玩笑|开个玩笑|逗你|逗你玩|骗你|闹着玩)(?:的|呢|啦|哈|了)*$")
# "帮我家狗子办哈哈开玩笑的，本人": the mark typed on at the end of the joke, right after its laughter and with no pause,
# closes the joke as the mark of a clause of its own does. Only after laughter: "用承诺开玩笑的" may be "joking about the
# commitment", and is read as it is.
_JOKE_MARK_AFTER_LAUGHTER = re.compile(r"(?<=哈哈|嘿嘿|呵呵)(?=(?:开玩笑|开个玩笑|逗你|逗你玩|骗你|闹着玩)(?:的|呢|啦|哈|了)*$)")


def _joke_marks_set_apart(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    split: List[Tuple[Clause, ClauseReading]] = []
    for clause, reading in readings:
        cut = _JOKE_MARK_AFTER_LAUGHTER.search(clause.text)
        if cut is None or not _CONTENT.search(_LAUGHTER.sub("", clause.text[:cut.start()])):
            split.append((clause, reading))
            continue
        joke, mark = clause.text[:cut.start()], clause.text[cut.start():]
        split += [(Clause(joke, correction=clause.correction, contrast=clause.contrast), _classify_clause(choice, joke)),
                  (Clause(mark), _classify_clause(choice, mark))]
    return split


def _after_joke_taken_back(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    """"承诺吧，开玩笑的，交证明", "不用，开玩笑的，用承诺": an answer called a joke, then replaced plainly. What follows
    the joke is the answer; anything else (the same answer again, a hedge, nothing) keeps the joke, which is asked
    again."""
    given = readings
    readings = _joke_marks_set_apart(choice, readings)
    marks = [i for i, (clause, _) in enumerate(readings) if _JOKE_MARK.match(clause.text)]
    if not marks:
        return given
    before = {label for _, r in readings[:marks[0]] for label in r.labels}
    after = readings[marks[-1] + 1:]
    said = {label for _, r in after for label in r.labels}
    # A refusal is taken: it is the safe side. "开玩笑，我才不用" (the option asked back before it is already set
    # aside): "you must be joking".
    if said == {"no"} and not any(r.flags for _, r in after) and before <= {"yes"}:
        return after
    # "不用，开玩笑的，用承诺", "本人，开个玩笑，我帮我妈办的": at a choice (no legal act) an answer called a joke and then
    # replaced by the other answer, said in full and plainly, is that answer. Not when nothing was called a joke
    # ("开玩笑，用承诺"), the same answer comes again, the new one is the option's bare word ("开玩笑的，是", "本人，开个
    # 玩笑，是代办") or is still joked, hedged or made conditional ("开玩笑的，用承诺哈哈"), or the mark is last.
    # The joke may also be no answer at all ("替我家猫办哈哈，开玩笑的，替我妈办"): something said, then called a joke,
    # and the answer in full after it; the same holds.
    joked = {choice.opposite[next(iter(said))]} if len(said) == 1 else set()
    if not before and any(_CONTENT.search(clause.text) for clause, _ in readings[:marks[0]]):
        before = joked
    # ("帮我家狗子办哈哈开玩笑的，本人": a pet acted for, a joke in the proxy's form with no answer in it, taken back and
    # then 本人, the option's own word: the word cannot go on with the joke, and is the answer. The bare 代办 after it
    # may still be the pet's, "替我家猫办哈哈，开玩笑的，代办", and a bare yes names nothing: both stay asked.)
    pet_taken_back = choice.step == "acting_as" and said == {"self"} \
        and any(_PET_ACTED_FOR.search(_fold(clause.text)) for clause, _ in readings[:marks[0]])
    if len(said) == 1 and before == joked and after and all(
            not r.flags and (not r.labels or (not r.bare or _SHORT_IN_FULL.search(_fold(clause.text))
                                              or (pet_taken_back and _OPTION_NAMED.search(clause.text)))
                             and (choice.step != "use_commitment" or _COMMITMENT_NAMED.search(clause.text)))
            for clause, r in after):
        return after
    return given


# "俺选承诺中不中 中": the speaker asks themself, in the Henan way (中 = all right), and answers at once. Without
# 都/也 before the answer it is no "either is fine" (``_DEFER``); the question is kept as the statement it settles.
_SELF_ANSWERED_ZHONG = re.compile(r"^((?:我|俺)?(?:就)?(?:选|用|走)?承诺)(?:吧)?中不中\s*[?？]?\s*中(?:中|嘞)?$")
# "恁说我用不用？用！", "你说俺用不用承诺？不用！": the verb asked both ways (often put to the listener, 你说/恁说), then
# answered by the speaker at once with that same verb, plain or denied, and nothing after: the question is the lead-in
# to the speaker's own answer, and only that answer is read. Not "你猜…" (a tease, kept as a joke), nor an answer that
# goes on ("用不用？用了会不会被查" asks on), nor one in another word ("用不用？你说呢").
_SELF_ANSWERED = re.compile(r"(?:(?:你|您|恁|你们|您们)(?:说|看)(?:说)?[,，\s]*)?(?:我|俺)?(?:到底)?"
                            # ("承诺不承诺", "愿不愿意": the verb of two characters asked whole, or by its first)
                            r"(?P<a>(?![了的吧啊呀呢嘛哦])[\u4e00-\u9fff])(?P<b>[\u4e00-\u9fff])?[不没](?P=a)"
                            r"(?(b)(?P=b)|(?P<c>[\u4e00-\u9fff])?)(?P<o>(?:告知)?承诺|证明)?(?:呢|啊|呀|嘞)?[?？]+\s*"
                            r"(?=(?:那)?(?:当然|肯定|必须|必须的|那必须)?[,，\s]*(?:不|没)?(?P=a)(?(b)(?P=b)|(?(c)(?P=c)?))(?(o)(?P=o)?)"
                            r"(?:啊|呀|了|嘛|呗|嘞|哇)*[!！。.~～]*$)")


# A pause typed as a space by voice input ("没毛病 安排", "不承诺 怕担责任"). It is read as a clause boundary
# only when the whole message decided nothing, and never next to a negation: in "我 不 愿意" the 不 still
# belongs to 愿意, so a space touching 不/没/别 stays inside its clause.
_VOICE_PAUSE = re.compile(r"(?<=[^\s不没别甭未无非勿])\s+(?=[^\s不没别甭未无非勿])")
_NEGATION_CHAR = re.compile(r"[不没别甭未无非勿]")
_CONNECTIVE = re.compile(r"(?:那就|那么|那|就|然后|这个|那个|这样|那样)+")
# What the whole message may have flagged for the pauses still to be read: only worry, which a "no" may give
# as its reason ("不承诺 怕担责任"); a hedge, condition, joke or question stays, however the pauses fall.
_PAUSE_READABLE_FLAGS = frozenset({"fear"})
# "u1s1 承诺真香", "说实话 本人": "to be honest" (u1s1 and yysy are the internet's 有一说一) opens what the speaker says and
# adds nothing to it, neither doubt nor a condition; as a piece between pauses it is read as a connective is. It
# vouches for nothing else: whatever else the message says is still read.
_CANDOUR = re.compile(r"(?i)u1s1|yysy|有一说一|说实话|说真的|老实说|讲真|讲真的")


# Laughter that only laughs: 哈哈, 嘿嘿, 嘻嘻, hhh, lol and the laughing faces. 呵呵 (a sneer) and the teasing faces
# (😜😝🤪) are no such laughter, and stay jokes.
_LAUGHTER = re.compile(r"哈{2,}|嘿{2,}|嘻{2,}|(?i:(?<![a-z])(?:h{3,}|lol)(?![a-z]))|[😂🤣😆😁😄]+")
# Beside laughter these make the answer a joke or mockery: the words of _JOKE and _SARCASM, and the sneer (呵呵), the
# mock-emphatic (我才不…呢, 我可太愿意了, 想得美, 做梦), the wink at the reader ([狗头], 🐶, 😏, 🙃).
_MOCKERY = re.compile(r"呵呵|才不|才怪|可太|想得美|做梦|美得你|美死你|狗头|doge|🐶|😏|🙃|🌚|(?i:\bjk\b|\bjust kidding\b)")
# The option named in the short answer itself (本人, 自己办, 代办, 用承诺), not a yes or no to it (是, 嗯, 好, 不用).
_OPTION_NAMED = re.compile(r"本人|自己|自个|代办|代理|承诺|证明")
# At the commitment choice an answer in full names a way or says the question's own verb ("当然愿意"); a general assent
# ("就这样吧", "没问题") is no more than a bare yes.
_COMMITMENT_NAMED = re.compile(r"承诺|证明|材料|程序|流程|愿意|同意")
# The way said to beat the proofs' errands ("比跑八趟居委会得劲多了"): the errands are named, as the proofs are above.
_ERRANDS_COMPARED = re.compile(r"比(?:跑|来回跑|跑来跑去|跑腿|开证明|交证明|去开证明)")
# A short answer that is still a sentence, the option with the act ("我自己办", "本人办理", "帮别人办"); "本人", "代办",
# "我自己的" are the option's word only.
_SHORT_IN_FULL = re.compile(r"(?:本人|自己|自个儿?|亲自)(?:来)?(?:办|办理|弄|申请)|(?:代|帮|替)(?:别人|他人|人)(?:来)?(?:办|办理|弄|申请)")
_PIECE_MARK = re.compile(r"[\s,，。.;；!！~～、…]+")


def _laughing_answer(choice: Choice, text: str, ctx: Context) -> Optional[Reading]:
    """"哈哈哈 当然愿意 谁愿意跑腿开证明啊", "木有证明 只能承诺了😂": laughter beside an answer stated in full words is
    at the situation, not at the question; the answer is read without it. So is the option's own word at who acts
    ("本人😂", "哈哈，代办", "我自己的哈哈"), when it is all that is said: at a choice that routes the journey and commits
    to nothing, laughter beside the option named says nothing against it, and a clerk would take it (the legal steps
    that follow are as strict as ever). A bare yes beside laughter ("是😂", "嗯呐😂", "好的哈哈") names no option and may be the dismissive "yeah,
    sure": it is asked again, unless its obviousness is asked back after it ("本人 哈哈 不然还能是鬼吗": the laughter is
    at a question with one possible answer, and the option is named). Any word of a joke, a sneer or sarcasm ("开玩笑的",
    "愿意个屁", "我才不用呢哈哈") keeps it all a joke."""
    if not _LAUGHTER.search(text):
        return None
    rest = _LAUGHTER.sub("，", text)
    if _JOKE.search(rest) or _SARCASM.search(rest) or _MOCKERY.search(rest):
        return None
    reading = _combine_choice(choice, rest, ctx)
    if not reading.decided:
        return None
    # (said plainly: a clause read only once its question asked back is turned round, "我哪有那么闲帮别人办，我自己的，
    # 哈哈", is a figure of speech, and beside laughter it stays a joke)
    pieces = [(piece, _classify_clause(choice, piece)) for piece in _PIECE_MARK.split(rest) if piece]
    if any(r.labels and set(r.labels) == {reading.value} and not r.flags
           and (not r.bare or _SHORT_IN_FULL.search(piece)
                or (choice.step == "acting_as" and len(pieces) == 1 and _OPTION_NAMED.search(piece)))
           and (choice.step != "use_commitment" or _COMMITMENT_NAMED.search(piece) or _ERRANDS_COMPARED.search(piece))
           for piece, r in pieces):
        return reading
    said = [p for p in _PIECE_MARK.split(_PAUSE_BEFORE_RHETORICAL.sub("，", rest)) if p]
    # ("我本人啊，难道还有人替我办不成😂": who else it could be, asked back, is that obviousness too, and so is for whom else
    # the speaker could act, beside the speaker's own matter: "本人啊，我还能替谁办😂")
    # ("本人啊，我还能替谁办，家里就我一个😂": after the obviousness a plain remark that names nothing and is flagged with
    # nothing, the reason, changes nothing; a way named, a hedge or a question after it keeps it all a joke)
    for k in range(1, len(said)):
        tail = ("", True) if _ABSURD_PET.match(said[k]) and reading.value == "self" else _figure_statement(said[k])
        obvious = _OBVIOUS_TAIL.match(said[k]) or tail == ("", True) \
            or ((_WHOM_ELSE.match(said[k]) or _NOBODY_FOR_ME.match(said[k])) and reading.value == "self")
        if obvious and all(_OPTION_NAMED.search(piece) for piece in said[:k]) \
                and all(not r.labels and not r.flags for r in (_classify_clause(choice, piece) for piece in said[k + 1:])):
            return reading
    return reading if _laughing_at_a_remark(choice, text, reading.value) else None


# A remark that undoes what it is said beside, or says it was not meant: "本人，假的哈哈", "用用用，说着玩的😂".
_NOT_MEANT = re.compile(r"假的|不是真的|瞎说|胡说|胡扯|乱说|瞎扯|说着玩|说笑|随便说说|随口说|骗|忽悠|糊弄|耍|逗|玩笑|当真|算数|作数|反话")
# At the commitment choice the verb of the question said over and over ("用用用", "要要要"): an impatient yes, firm.
_VERB_SAID_OVER = re.compile(r"(用|要)\1+")


def _laughing_at_a_remark(choice: Choice, text: str, value: str) -> bool:
    """"要要要，你们问得真仔细😂", "本人啊，我老伴才懒得管这些😂", "本人，货真价实哈哈", "愿意，哈哈，这么省事谁不
    乐意": the answer firm in a clause of its own, with no laughter on it, and the laughter on another clause that is a
    remark (on us, the question, the speaker's family, the effort saved) or next to one. The laughter is at the remark,
    not at the question, and the answer stands. Firm is the way or the question's own verb named ("承诺", "愿意", "本人",
    "帮我妈办"), or the verb said over and over ("用用用"); a bare yes ("是，你问得太细了😂") names nothing and stays
    asked again. A remark is a plain statement: nothing flagged (no question, hedge, joke, condition), no negation, no way
    named, not someone else's choice, and nothing said not to be meant ("本人，假的哈哈"); or a figure of speech that says
    the answer again with its reason ("省事谁不乐意"). Laughter alone, or next to the answer only, or beside pure
    emphasis ("是 哈哈 不然呢") keeps it all a joke."""
    pieces = [p for p in _PIECE_MARK.split(_PAUSE_BEFORE_RHETORICAL.sub("，", text)) if p]
    kinds: List[str] = []
    firm = False
    for piece in pieces:
        laughed = bool(_LAUGHTER.search(piece))
        words = _LAUGHTER.sub("", piece).strip()
        if not _CONTENT.search(words):
            kinds.append("laughter")
            continue
        figure = _figure_statement(words)
        if figure is not None:
            said = _classify_clause(choice, figure[0]) if figure[0] else None
            if said is None or set(said.labels) != {value} or said.flags:
                return False
            kinds.append("remark")
            continue
        reading = _classify_clause(choice, words)
        if reading.labels:
            if laughed or reading.flags or set(reading.labels) != {value}:
                return False
            compact = re.sub(r"[^\w]", "", words).rstrip(_PARTICLES)
            named = _COMMITMENT_NAMED if choice.step == "use_commitment" else _OPTION_NAMED
            firm = firm or bool(named.search(words) or (choice.step == "use_commitment" and _VERB_SAID_OVER.fullmatch(compact))
                                or (choice.step == "acting_as" and not reading.bare))
            kinds.append("answer")
            continue
        if reading.flags or _NEGATION_CHAR.search(words) or _NOT_MEANT.search(words) or _OPTION_NAMED.search(words) \
                or _COMMITMENT_NAMED.search(words) or (choice.someone_else and choice.someone_else.search(_fold(words))):
            return False
        kinds.append("remark")
    if not firm or "remark" not in kinds:
        return False
    for i, (piece, kind) in enumerate(zip(pieces, kinds)):
        if kind == "laughter" and "remark" not in kinds[i - 1:i] + kinds[i + 1:i + 2]:
            return False
        if kind == "answer" and _LAUGHTER.search(piece):
            return False
    return True


# "村委会说要盖三个章，我实在跑不起": those who issue the proofs ask for more than the speaker can do; the proofs cannot
# be had, which is the commitment chosen (as "村里不给开证明" is). Only the issuer's demand followed by the speaker's
# inability, nothing else: "我实在跑不起" alone, or the demand alone, says no choice.
_PROOF_ISSUER = r"(?:村委会?|村里|居委会?|社区|街道|派出所|单位|镇上|乡里|乡政府|镇政府|他们|人家)"
_ISSUER_DEMAND_UNMET = re.compile(
    rf"^{_PROOF_ISSUER}(?:说|讲|让|要求|非要|说是)?(?:要|得|必须|需要)?(?:(?![不没免别])[^,，。;；!！?？]){{0,8}}?(?:盖|跑|开|证明|章|手续|签字)"
    r"[^,，。;；!！?？]{0,8}[,，。\s]+(?:我|俺)(?:是|也|都)?(?:实在|真|真的|根本|可|确实|哪)?"
    r"(?:跑不起|跑不动|跑不了|折腾不起|耗不起|弄不了|办不了|开不了|开不出来|盖不了|受不了|弄不来)(?:了|啊|呀|哇)?[。.!！~～]*$")


def _homophones_read(choice: Choice, text: str) -> str:
    """The choice's keyboard homophones read as their words, and at the commitment choice a misspelt 承诺 that only
    echoes the question (``_ECHOED_TYPO``). Read before anything else, so that the pauses are read on the same words."""
    for typed, word in choice.homophones:
        text = re.sub(typed, word, text)
    return _ECHOED_TYPO.sub(r"\1承诺", text) if choice.step == "use_commitment" else text


# "承诺，要是查出来不对我认罚": the consequence of a false statement accepted in advance is no condition put on the
# answer (and its 不对 corrects nothing): it is what the commitment itself says. Only the speaker accepting it, in a
# clause of its own: "要是查出来不对就别罚我", "要是查出来不对你们负责" ask something of us, and stay conditions.
_CONSEQUENCE_ACCEPTED = re.compile(
    r"(?:^|(?<=[,，。.!！;；\s]))(?:要是|如果|万一|假如|若是|到时候)(?:被|让你们|你们)?(?:查出来|查出|发现|核查出|核实出)?(?:我|俺)?"
    r"(?:说的|填的|写的|报的|情况|材料)?(?:有)?(?:不对|不实|有假|是假的|造假|假的|有问题|不符|对不上|瞒报|虚报)(?:的话)?[,，\s]?"
    r"(?:我|俺)(?:就|都|也)?(?:认罚|认|负责|担着|担责|担责任|承担|承担责任|负全责|后果自负|认栽|接受处罚|甘愿受罚|愿意受罚)(?:了|的|吧)?"
    r"(?=[,，。.!！;；\s]|$)")
# "我这岁数了，哪跑得动": whether one can manage it, asked back, is the plain "cannot" (跑不动), told as the reason
_CANNOT_ASKED_BACK = re.compile(r"(?:哪|哪里|哪儿)(?:还)?(跑|走|爬|折腾|耗)得(动|起)(?:啊|呀|哇|嘛)?(?![吗呢?？])")


# "不是否，是是": the bare "no" denied, then the other answer said; the denial only leads up to it (its 是否 asks
# nothing). Only before a clause that starts with 是 (quoted or not, after a "no no" that opens the message: "不不不，不是否，
# 是“是”"). "不是否" alone, or before anything else ("不是否，交证明", "不是否要交证明"), is read as it was said.
# (the "no no" right before it denies the same 否, and goes with it)
_BARE_NO_DENIED = re.compile(r"(?:^\s*(?:不{1,3}[,，。.!！\s]+)?|(?<=[,，。.!！\s]))不是否[,，。.!！\s]+(?=[“\"‘「『]?是)")
# At who acts, side clauses that say nothing of who acts, dropped when they follow the answer (alone they stay
# unread; a relative who came along, alone, says nothing either): courtesy to others ("还是我自己来，不麻烦别人了": no one else is to be put to trouble), and a relative who
# only came along ("是我本人，我儿子只是陪我来的": the speaker acts, the son keeps them company). Someone helping or
# acting ("我儿子帮我办") is no such clause.
_COURTESY_TO_OTHERS = re.compile(r"(?<=[,，。.!！\s])(?:我|俺)?(?:就|也)?(?:不|不用|不想|不好意思|懒得)(?:再)?(?:麻烦|劳烦|打扰)"
                                 # ("不麻烦别人😎": a face after the courtesy is still the end of it)
                                 r"(?:别人|他人|人家|旁人|其他人|外人)(?:了|啦)?[\U0001F300-\U0001FAFF\u2600-\u27BF]*(?=[,，。.!！\s]|$)")
_ONLY_ALONG = re.compile(rf"(?:^|(?<=[,，。.!！\s]))(?:我|俺)(?:的|家)?{_RELATIVE}(?:只是|就是|只|是)?陪(?:着)?(?:我|俺)(?:来|过来|一起来)?"
                         r"(?:的|了|而已|一下)*(?=[,，。.!！\s]|$)")


# A relative at the speaker's side telling them what to do ("本人，不过是我妈在旁边指挥我", "我自己的事，我闺女在边上看着"):
# the speaker still acts; the relative only watches or instructs. Dropped after the answer as the companion above is
# (with a 不过/但是 that opens it). Someone who acts ("我妈在旁边，我帮她弄") keeps the words that say so, and a relative
# who does the typing or the talking ("我妈在旁边替我说") is no such clause.
_AT_THE_SIDE = re.compile(rf"(?:^|(?<=[,，。.!！\s]))(?:不过|但是|可是|只是)?(?:是|就是)?(?:我|俺)(?:的|家)?{_RELATIVE}(?:在)?"
                          r"(?:旁边|边上|身边|一边|跟前|旁边儿)(?:指挥|看着|盯着|教|指导|提醒|瞅着)(?:着)?(?:我|俺)?(?:呢|的|而已|一下)*"
                          r"(?=[,，。.!！\s]|$)")


# "我手抖打不了字，是我孙子照我说的打的，事情是我自己的": a relative at the keyboard typing for the speaker acts for no one;
# the clause says who types, not whose the matter is, and is dropped (alone nothing is left, and it is asked again).
# Only typing for the speaker ("照我说的", "帮我", "替我"): "我孙子自己打的", "我帮我妈打的" are not read so.
_TYPED_FOR_ME = re.compile(rf"(?:^|(?<=[,，。.!！\s]))(?:是|就是)?(?:我|俺)(?:的|家)?{_RELATIVE}(?:子|女|儿)?(?:在)?"
                           r"(?:照着?|按照?|替|帮|给)(?:我|俺)(?:说的|讲的|念的|口述的)?(?:来)?(?:打字|打的字|打的|打)(?:的|呢|而已)*"
                           r"(?=[,，。.!！\s]|$)")


# What acting for someone else takes ("给自个儿办。代办还得授权，麻烦"): a remark on that way, not a choice of it, and no
# choice against it either (a proxy says the same of their own way: "帮我妈办，代办还得授权，麻烦"). Dropped with the
# complaint that may follow it, so that only the answer beside it is read (alone it answers nothing); asked ("代办还得
# 授权吗", "代办要委托书吗") it is kept, and is the question it asks.
_PROXY_TAKES = re.compile(r"(?:^|(?<=[,，。.!！\s]))(?:代办|代理|代人办|帮别人办|替别人办)(?:的话)?(?:还|也)?(?:得|要|需要|必须)(?:先)?"
                          r"(?:(?:弄|办|写|开|签|交|出|拿)(?:个|份|一份)?)?(?:授权书?|委托书|授权委托书|委托|签字|公证)(?:啥的|什么的)?(?:呢)?"
                          r"(?:[,，。.!！\s]+(?:太|挺|真|好|多|也)?(?:麻烦|费劲|费事|折腾)(?:了|啊|呀)*)?(?=[,，。.!！\s]|$)")


# "本人办理（更正上一条的“代办”）", "王磊（刚才那个“王蕾”打错了）": a bracket that quotes a word and says in so many words
# that it is being corrected (更正/纠正 before it, or 打错了/写错了/作废 after it) names what the answer outside replaces,
# and chooses nothing: it is set aside. A quoted word with no such word ("本人（“代办”也行）", "王磊（“王蕾”也对）") keeps its
# bracket, and is read as said.
_CORRECTED_WORD_ASIDE = re.compile(
    r"\s*[(（](?:(?:更正|纠正|改正|订正)(?:一下)?[\u4e00-\u9fff]{0,6}?[“\"「‘『]([^”\"」’』]{1,8})[”\"」’』](?:的)?(?:选项|那个|那条)?|"
    r"[\u4e00-\u9fff]{0,6}?[“\"「‘『]([^”\"」’』]{1,8})[”\"」’』](?:是)?(?:打错了|写错了|输错了|选错了|点错了|是错的|错了|作废|不算)(?:的)?)"
    r"[。.!！]*[)）]")


def _corrected_word_set_aside(text: str) -> str:
    """The answer with a bracket naming the word it corrects taken out, when something is said outside it."""
    rest = _CORRECTED_WORD_ASIDE.sub("", text)
    return rest if rest != text and _has_content(rest) else text


# "本人……也不是，本人是我爸": 也不是 ("well, not that either") alone between the answer and what follows takes the answer
# back, as a lone 不是 does there; it is read as that 不是. Inside a clause ("本人也不是，代办也不是": neither) or last,
# with nothing after it to put the answer right, it takes the answer back and puts nothing in its place: asked again.
_TAKEN_BACK_TOO = re.compile(r"(?<=[,，。.!！…\s])也不(?:是|对)(?=[,，。.!！…\s]+[^,，。.!！…\s])")
_DISTRUST = re.compile(r"信不过(?!来|去)")
_TAKEN_BACK_TOO_LAST = re.compile(r"(?<=[,，。.!！…\s])也不(?:是|对)(?:吧|啊|呀)?[,，。.!！…\s]*$")
# "不是我自己的……也不全是，是我们两口子一起的": 也不全是 ("not entirely so either"), a clause of its own after what was said,
# takes that back only in part: what was said is half true, and what is meant is open, whatever follows. Asked again.
# Only so, as a clause of its own ("不全是我的事", "也不全是代办的事" say something of their own, and are read as said).
_TAKEN_BACK_IN_PART = re.compile(r"(?<=[,，。.!！…\s])(?:也|倒也|其实也|好像也)?不(?:全|完全|全都|太)(?:是|对)(?:吧|啊|呀)?"
                                 r"(?=[,，。.!！…\s]|$)")


# "我要是本人早自己去大厅了": what the speaker would long since have done, were they the applicant; the 早…了 of a thing
# not done says the supposition is false, and the speaker is no 本人 (read as "我不是本人"). Only with 早 ("long since")
# and the 了 that closes it: "我要是本人就自己去大厅" is a condition, and is asked again.
# (a face after the 了, "我要是本人早睡觉去了🙃", ends the clause as a full stop does: the wry face goes with the statement
# that is left, "我不是本人🙃", and is read there; a question mark after it keeps the supposition asked)
_COUNTERFACTUAL_SELF = re.compile(r"(?:^|(?<=[,，。.!！\s]))(?:我|俺)?(?:要是|如果|要)(?:我|俺)?是?本人(?:的话)?[,，\s]?(?:我|俺)?"
                                  r"早(?:就)?[^,，。.!！?？]{1,12}?了(?=[,，。.!！\s]|[^\w\s?？]*$)")


# "本人滴干活，代办的不是": the mock pidgin of old war films, where "X的干活" is "doing X" and "X的不是" is "not X". Read
# so only in a message that speaks it (X的干活 in it): elsewhere "代办的不是" ("the proxy's fault") is left as it is.
_PIDGIN_DOING = re.compile(r"(?<=[\u4e00-\u9fff])(?:的|滴)干活(?=[,，。.!！\s]|$)")
_PIDGIN_NOT = re.compile(r"(?:^|(?<=[,，。.!！\s]))([\u4e00-\u9fff]{1,4}?)(?:的|滴)不是(?=[,，。.!！\s]|$)")


# "帮我老汉儿办的", "给我老妹儿整的", "我老伴儿来不了": the North's and the Southwest's 儿 after a relation, said with whose
# it is (and a 老/小/大 before it), is the same relation, read without it. Not where 儿 begins a word of its own ("我妈儿子").
# (家里 too, the household the relation is of: "帮我家里老汉儿办", the Southwest's 屋头 read as it)
_KIN_ERHUA = re.compile(rf"((?:我|俺|咱)(?:们)?(?:的|家|家里的?)?[老小大二三幺么]?(?:{_RELATIVE_RARE}|{_RELATIVE}))儿(?![子女媳])")


# "我非交证明不可", "非用承诺不行": 非…不可 is "must", the way after 非 insisted on (read as 非要, which names it), no
# negation of it. Denied ("并非交证明不可", "不是非…不可") the insisting is what is denied: read as "不是非要…", which names
# no way (see _NEGATED_BEFORE). At who acts only the speaker's own insisting is a choice ("我非自己办不可"); "非本人不可"
# with no one saying it is the rule told, or asked, and is read as the denied form, asked again.
_INSISTED = re.compile(r"((?:我|俺)(?:就|也|还|可|是)?)?(并|不是)?非(?:要|得)?((?:(?![不,，。])[\u4e00-\u9fff]){1,8}?)不(?:可|行|成)(?=(?:啊|呀|吧|呢|嘛|的|了|哦|啦)*(?![\u4e00-\u9fff]))")
# "不是我不愿意", "并不是我不想用承诺": the double negation with the speaker named between its two halves is the same
# double negation as "不是不愿意", and is read as that.
_NOT_THAT_I = re.compile(r"(不是|并不是|并非)(?:我|俺)(?=不|没)")
# "用承诺吧别问了", "本人，赶紧的": the speaker, busy or impatient, tells us to stop asking or to hurry, after the answer.
# It is said to us, of the asking, and negates no way (its 别/不用 would otherwise reach back onto the answer). Only
# after something said and a pause or a particle that ends it: alone ("别问了") it answers nothing and is asked again,
# and "我要快点" is no answer with a hurry after it.
_STOP_ASKING = re.compile(r"(?:(?<=[吧了啊呀的呗嘛])|(?<=[\u4e00-\u9fff])[\s,，。!！]+)(?:你|您)?(?:就)?(?:(?:别|甭|不用|不要|莫)(?:再)?(?:问|啰嗦|啰唆|磨叽|墨迹)(?:了|啦)?|"
                          r"(?:快点儿?|赶紧的?|麻溜的?|快快的?))(?:吧|啊|呀|哈)?[\s,，。.!！~～]*$")
# "算了吧承诺，那我还是交证明": 算了 with a way right after it and no pause between, before a clause that settles the
# other way with 还是, is that way waved off ("承诺算了"), not "never mind, the commitment". Only before such a 还是 clause:
# "算了，承诺吧" and "算了吧承诺" alone are read as they are.
_WAVED_OFF_FIRST = re.compile(r"(?:^|(?<=[,，。.!！\s]))算了吧?((?:告知)?承诺|(?:交|开)?证明)(?=[,，。.!！\s]+(?:那|所以)?(?:我|俺)?还是)")
# "这个不是我本人是我妈的事": voice input with no pause after 不是我本人; 本人/自己 after "不是我" is denied as "不是本人" is.
_NOT_MYSELF = re.compile(r"(不是|并不是|并非)(?:我|俺)(?=本人|自己)")


# "弄啥嘞，不中，俺还是交证明" (弄啥嘞 read as 干什么): Henan's "what's all this", alone at the start and then an answer, is
# a sound of impatience, no question asked of us. Only as a clause of its own before more words, after a comma or "!":
# "干什么？", "干什么用的", "干嘛要承诺" keep their question, and so does a question after it ("干什么，承诺是啥").
_WHATS_THIS_OPENING = re.compile(r"^\s*(?:干什么|干啥)(?:嘞|咧)?[,，!！]+\s*(?=[^\s,，!！?？])")
# "用承诺……哎不中，证明都盖好章了，交证明吧": Henan 不中 ("no good") after 哎/唉, a clause of its own after something said,
# takes back what came before as 不对 does; nothing after it leaves the answer open. (A bare "不中" stays the "no" it is.)
_NO_GOOD_AFTER = re.compile(r"(?<=[,，。.!！…\s])(?:哎呀|哎|唉|诶|欸)\s*不中(?:不中)*(?=[,，。.!！…\s]|$)")
# "本人办理，哦错了，我是代我公公办的": 错了 ("wrong"), after a sound of realising or alone, as a clause of its own after
# something said, is the speaker's slip named, and takes back what came before as 不对 does (read as that 不对); nothing
# after it leaves the answer open. Not asked ("错了吗", "错了？"), and not inside a clause ("你们搞错了" is read as it is).
# "是，哦不是，我意思是选否": 我意思是 is 我的意思是 ("what I mean is") said without its 的, and puts right what came before
# as that does; read as it. Only opening a clause ("这个意思是…" asks what something means, and is not read so).
_MEANING_SAID = re.compile(r"(?:^|(?<=[,，。.!！…\s]))(?:我|俺)意思(?:是|就是)")
_WRONG_AFTER = re.compile(r"(?<=[,，。.!！…\s])(?:哦|噢|喔|呃|额|啊|哎呀|哎|唉|诶|欸)*\s*错(?:了|啦)(?:错(?:了|啦))*(?=[,，。.!！…\s]|$)")
# "孩子在哭我长话短说：否", "我的回答：是": the speaker announcing their own answer, then a colon and the answer; the colon
# is the pause a comma would be, and the announcement says nothing more ("我的选择" is no 选择 of a way). Only the
# speaker's own announcement: "我妈说：否", "他跟我说：否" quote someone else.
_ANSWER_ANNOUNCED = re.compile(r"((?:长话短说|简单说|简单来说|直说|直接说|总之|一句话|说白了|简而言之|"
                               r"(?<![跟和对给同向叫让])(?:我|俺)(?:的)?(?:回答|答案|选择)(?:是)?|"
                               r"(?<![跟和对给同向叫让])(?:我|俺)(?:就)?(?:说|选|答|回答|回复)))\s*[:：]\s*(?=[^\s:：])")
# "是是是赶紧的，我在等公交", "好好好快点": the hurry said right after a short answer, with no pause between (after a pause or
# a particle, and last, _STOP_ASKING reads it). Only after a short answer read plainly as one, with nothing flagged.
_HURRY_ON_BARE = re.compile(r"^(\s*[^\s,，。.!！~～?？]{1,6}?)(?:你|您)?(?:就)?(?:赶紧的?|快点儿?|麻溜的?|快快的?)(?:吧|啊|呀|哈)?"
                            r"(?=[\s,，。.!！~～]|$)")


def _hurry_on_bare(choice: Choice, text: str) -> str:
    m = _HURRY_ON_BARE.match(text)
    if not m:
        return text
    said = _classify_clause(choice, m.group(1))
    return m.group(1) + text[m.end():] if said.bare and len(set(said.labels)) == 1 and not said.flags else text


def _said_plainly(choice: Choice, text: str) -> str:
    """What a few figures of speech at a choice say plainly: the keyboard's homophones, the consequence accepted, a
    "cannot" asked back. Read before anything else, so that the pauses are read on the same words."""
    text = _TAKEN_BACK_TOO.sub("不是", _homophones_read(choice, _corrected_word_set_aside(text)))
    # ("不是信不过你们": 信不过 is "distrust", one word, whose 不过 is no "but" opening a reservation)
    text = _DISTRUST.sub("不信", text)
    text = _STOP_ASKING.sub("", _NOT_THAT_I.sub(r"\1", text))
    text = _ANSWER_ANNOUNCED.sub("，", _NO_GOOD_AFTER.sub("不对", _WHATS_THIS_OPENING.sub("", text)))
    text = _MEANING_SAID.sub("我的意思是", _WRONG_AFTER.sub("不对", text))
    text = _hurry_on_bare(choice, text)
    text = _INSISTED.sub(lambda m: f"{m.group(1) or ''}{'不是' if m.group(2) or (choice.step == 'acting_as' and not m.group(1)) else ''}"
                                   f"非要{m.group(3)}", text)
    if choice.step == "acting_as":
        text = _NOT_MYSELF.sub(r"\1", text)
        text = _KIN_ERHUA.sub(r"\1", text)
        text = _AGE_ASKED_BACK.sub("申请人不是我，", _COUNTERFACTUAL_SELF.sub("我不是本人", text))
        text = _NO_NEED_ASKED_BACK.sub("申请人不是我，", text)
        if _PIDGIN_DOING.search(text):
            text = _PIDGIN_NOT.sub(r"不是\1", _PIDGIN_DOING.sub("", text))
        return _TYPED_FOR_ME.sub("", _PROXY_TAKES.sub("", _AT_THE_SIDE.sub("", _ONLY_ALONG.sub("", _COURTESY_TO_OTHERS.sub("", text)))))
    if choice.step != "use_commitment":
        return text
    text = _WAVED_OFF_FIRST.sub(r"\1算了", _BARE_NO_DENIED.sub("", text))
    return _CANNOT_ASKED_BACK.sub(r"\1不\2", _CONSEQUENCE_ACCEPTED.sub("后果自负", text))


# Marks put on the options ("代办❌ 本人✔️"): one option crossed out and the other ticked is the ticked one. Any other
# cross (alone, on both, with the same answer ticked, or beside more words) is asked again.
_CROSS = re.compile("[❌✖✗❎]\ufe0f?")
_TICK = "[✔✅✓☑]\ufe0f?"
_MARKED = r"([^\s,，、❌✖✗❎✔✅✓☑\ufe0f]{1,8})\s*"
_CROSSED_THEN_TICKED = re.compile(rf"{_MARKED}{_CROSS.pattern}[\s,，、]*{_MARKED}{_TICK}")
_TICKED_THEN_CROSSED = re.compile(rf"{_MARKED}{_TICK}[\s,，、]*{_MARKED}{_CROSS.pattern}")


def _ticked_option(choice: Choice, text: str) -> Optional[str]:
    m = _CROSSED_THEN_TICKED.fullmatch(text.strip())
    crossed, ticked = (m.group(1), m.group(2)) if m else (None, None)
    m = m or _TICKED_THEN_CROSSED.fullmatch(text.strip())
    if m and crossed is None:
        ticked, crossed = m.group(1), m.group(2)
    if not m:
        return None
    out, chosen = _classify_clause(choice, crossed), _classify_clause(choice, ticked)
    if out.flags or chosen.flags or len(set(out.labels)) != 1 or set(chosen.labels) != {choice.opposite[out.labels[0]]}:
        return None
    return ticked


# "不用…不对，要用…诶我也搞糊涂了", "本人，不对……代办？我也搞糊涂了": the speaker, having put an answer right, ends by
# saying they are muddled themself (or asks which it is after all): the correction is not to be trusted, nor the first
# answer, and the choice is asked again. Only the remark said last, of the speaker now: "我刚才搞糊涂了，是本人" (the
# muddle past, the answer after it) and "本人，我爸搞糊涂了" (someone else's) are read as said; "到底算哪个" counts so only
# after a correction, as the answer before it was then just changed ("本人到底算哪个？" alone asks).
_MUDDLED_NOW = re.compile(r"(?:诶|欸|哎|唉|哎呀|啊|呃|额)*(?:我|俺)(?:也|都|自己|自个儿?)?(?:也|都)?(?:有点儿?|真|是)?(?:被)?"
                          r"(?:搞|弄|整|绕|说)?(?:糊涂|迷糊|懵|晕|蒙圈|乱)(?:了|啦)|"
                          r"(?:诶|欸|哎|唉|哎呀|啊|呃|额)*(?:我|俺)(?:也|都)?(?:搞|弄|分|说)不(?:清|清楚|明白)(?:了|啦)")
_CANNOT_TELL = re.compile(r"(?:诶|欸|哎|唉|哎呀|啊|呃|额)*(?:我|俺)(?:也|都|自己|自个儿?)?(?:也|都)?(?:有点儿?|真|实在)?"
                          r"(?:搞|弄|分|说|整)不(?:清|清楚|明白)(?:了|啦|啊|呀)?")
_WHICH_AFTER_ALL = re.compile(r"(?:诶|欸|哎|唉|哎呀|啊|呃|额)*(?:那)?(?:到底|究竟)(?:算|选|是|该选)(?:哪个|哪种|哪一个|哪样)(?:啊|呀|呢)?")


def _muddled_after_correction(text: str) -> bool:
    parts = [p for p in re.split(r"[,，。.;；!！?？~～、…\s]+", text.strip()) if p]
    if len(parts) < 2:
        return False
    if _MUDDLED_NOW.fullmatch(parts[-1]):
        return True
    # ("是……不对，否……哎呀我也搞不清": after a correction "can't tell" needs no 了 to be said of now)
    return bool((_WHICH_AFTER_ALL.fullmatch(parts[-1]) or _CANNOT_TELL.fullmatch(parts[-1]))
                and re.search(_CORRECTION, "，".join(parts[:-1])))


# "承诺个锤子", "告知承诺个屁": the commitment itself mocked, and nothing else said, is its refusal in so many words (the
# mockery is aimed at the way, not at the question). Only as the whole message: beside another clause ("同意个鬼 交证明")
# it stays the joke it is, and a misspelt word ("承若个屁") keeps its typo.
_COMMITMENT_MOCKED = re.compile(r"(?:告知)?承诺(?:你|他)?个(?:大头鬼|锤子|屁|鬼|头|毛|球)(?:啊|呀|哦|嘞|咧)?[!！。.~～]*")


# "拉倒", "那拉倒": the North's "forget it", said alone, gives the errand up as 算了 alone does. Beside anything else
# ("拉倒吧你", "拉倒，用承诺") it is read as said.
# "不整了，回头再说": the north's 整 is 办 or 弄; not doing it now, with the whole matter put off till later, stops it.
# Only the whole message: a bare "俺不整了" may only wave the commitment off, and is asked again; "承诺不整了" names the
# way dropped, and is read as that choice.
# ("不整了，回家", "俺不整了，走了": the speaker leaving, said as the whole of the clause after it, takes the whole matter
# away with them as putting it off does; "不整了，回家开证明去" goes home for the proofs, and is not read here)
_NOT_DONE_PUT_OFF = re.compile(r"(?:我|俺)?(?:就|先)?不整了(?:不整了)*(?:吧|啊)?[,，。.!！\s]*(?:那)?(?:就|先)?"
                               r"(?:(?:回头|以后|改天|下次|下回|过两天|过几天|明天|过后|回家)再说(?:吧|啊|了)?|"
                               r"(?:我|俺)?(?:回家|回去|撤|走)(?:了|啦|喽|咯|吧)?)[。.!！~～]*")
_FORGET_IT = re.compile(r"(?:那|那就)?拉倒(?:了|算了)?[。.!！~～…]*")


# "我是谁？我在哪？": the internet's saying for being utterly lost; nothing asked of us, and no answer: asked again.
_DAZED = re.compile(r"(?:我|俺)是谁[?？!！。.,，\s]*(?:我|俺)在哪(?:儿|里)?")


def _combine_choice(choice: Choice, text: str, ctx: Context) -> Reading:
    if choice.step == "use_commitment" and _COMMITMENT_MOCKED.fullmatch(text.strip()):
        return value("no")
    if _DAZED.search(text):
        return clarify("hedge", choice.expected)
    if _FORGET_IT.fullmatch(text.strip()) or _NOT_DONE_PUT_OFF.fullmatch(text.strip()):
        return Reading("cancel")
    text = _said_plainly(choice, text)
    if _CROSS.search(text):
        ticked = _ticked_option(choice, text)
        if ticked is None:
            return clarify("correction", choice.expected)
        text = ticked
    if _GIVEN_UP_JOURNEY.fullmatch(text.strip()):
        return Reading("cancel")
    if _muddled_after_correction(text):
        return clarify("hedge", choice.expected)
    if _TAKEN_BACK_TOO_LAST.search(text) or _TAKEN_BACK_IN_PART.search(text):
        return clarify("correction", choice.expected)
    laughed = _laughing_answer(choice, text, ctx)
    if laughed is not None:
        return laughed
    if choice.step == "use_commitment" and _ISSUER_DEMAND_UNMET.match(text.strip()) and not _flags(text):
        return value("yes")
    reading = _combine_choice_clauses(choice, text, ctx)
    if not re.search(r"\s", text.strip()):
        return reading
    if not re.search(r"[\u4e00-\u9fff]", text):
        # English or pinyin: the spaces are between words, no pauses of voice input ("I don't want the commitment")
        return reading
    # ("我不 愿意": a space right after a negation is only the voice input's pause inside 不愿意)
    paused_text = _VOICE_PAUSE.sub("，", re.sub(r"(?<=[\u4e00-\u9fff][不没别甭])\s+(?=[\u4e00-\u9fff])", "", text))
    if reading.decided:
        # "本人 我老婆", "我 本人 不是 是我妈": read with its pauses the message says more than one thing, or
        # takes its first answer back; what it was read as without them is not sure.
        paused = _combine_choice_clauses(choice, paused_text, ctx)
        if (paused.decided and paused.value != reading.value) or paused.detail in ("contradiction", "correction"):
            return clarify("contradiction", choice.expected)
        return reading
    if reading.kind == "question" and choice.step == "use_commitment":
        # "否 俺还是交证明 承诺那一套俺弄不明白": read as one clause, the speaker's trouble understanding one way asks; read
        # with its pauses it is the reason for the other way chosen (``_reason_not_understood``). Taken only when the
        # pieces that ask are all such trouble, and the pauses' reading decides.
        asking = [clause.text for clause in split_clauses(paused_text)
                  if "question" in _classify_clause(choice, clause.text).flags]
        if asking and all(_WAY_NOT_UNDERSTOOD.match(_fold(piece).strip()) or _NOT_UNDERSTOOD_FIRST.match(_fold(piece).strip())
                          for piece in asking):
            paused = _combine_choice_clauses(choice, paused_text, ctx)
            if paused.decided:
                return paused
    if reading.kind != "clarify" or reading.detail not in ("not_a_choice", "negation_scope", "hedge"):
        return reading
    if choice.step == "use_commitment":
        concluded = _reported_then_concluded(choice, text, ctx)
        if concluded is not None:
            return concluded
    joined = re.sub(r"\s+", "", text)
    if choice.step == "use_commitment":
        joined = _CHECK_WELCOMED.sub("", joined)
    if _flags(_fold(joined), choice.typos) - _PAUSE_READABLE_FLAGS \
            or (choice.someone_else and choice.someone_else.search(_fold(joined))):
        return reading
    paused = _combine_choice_clauses(choice, paused_text, ctx)
    if not paused.decided:
        return reading
    # Every piece between the pauses must be read: an answer, a sound, a connective, or (beside a "no") the
    # worry that is its reason. A piece that names no answer may be what qualifies or negates the answer
    # beside it ("不考虑 承诺", "好 你们定", "我啊 我妈让我来"), or a word the space cut ("我 替我 妈").
    # (a double negation set against the piece after it, "不是说不用 是用", is dropped here as it is in the reading)
    for clause in _denial_set_against(_current(_slip_named_after(paused_text, split_clauses(paused_text)))[0]):
        piece = _classify_clause(choice, clause.text)
        if piece.labels or _SOUND_ONLY.fullmatch(clause.text) or _CONNECTIVE.fullmatch(clause.text) \
                or _CANDOUR.fullmatch(clause.text):
            continue
        if "fear" in piece.flags and paused.value == "no" and not _NEGATION_CHAR.search(_FEARED_UNCLEAR.sub(r"\1", clause.text)):
            continue
        if paused.value == "yes" and choice.step == "use_commitment" and (
                _TRUTH_VOUCHED.fullmatch(_fold(clause.text)) or _CHECK_WELCOMED.fullmatch(_fold(clause.text))
                or _IN_A_HURRY.fullmatch(_fold(clause.text))):
            continue
        return reading
    return paused


# "我闺女说 这个 这个能承诺 那就 是": voice input's pauses fall inside someone else's word, reported, and inside the
# speaker's conclusion drawn from it. The pause before the conclusion's opener (那就, 那么, 所以) is the boundary a comma
# would be and the other pauses are only pauses: it is read as "我闺女说这个能承诺，那就是" is. Only when all before that
# pause is one reported word (``someone_else``) and what follows opens a conclusion; a hedge or a question in either
# part is still read by the clauses ("我闺女说 这个 好像能承诺 那就 是").
_PAUSE_BEFORE_CONCLUSION = re.compile(r"\s+(?=(?:那就|那么|那我就|那俺就|那还是|所以))")
# Someone else's word reported: "我闺女说…", "我老公觉得…", "孩子让…"
_REPORTED_WORD = re.compile(rf"^(?:是)?(?:我|俺|我们)?(?:的|家)?{_RELATIVE}(?:也|都|倒是|还|就)?(?:说|讲|觉得|认为|让|叫|建议)")
_REPORTED_FINE = re.compile(r"(?:说|讲|觉得|认为)[^,，。;；!！?？]{0,8}?(?:可以|能|行|中|没问题|方便|划算)")


def _concluded_against_report(readings: List[Tuple[Clause, ClauseReading]]) -> bool:
    """"我闺女说不能承诺，那就是", "我妈说不可以，那就用吧", "我闺女说这个能承诺，那就不用": the speaker's conclusion (那就,
    所以…) goes against someone else's word it is drawn from; which way is meant is open. (Someone else's word
    with a negation in it is taken as a "no", a word that it is fine or possible as a "yes".)"""
    for index, (clause, _) in enumerate(readings):
        said = _fold(clause.text)
        if not _REPORTED_WORD.match(said):
            continue
        against = "yes" if _NEGATION_CHAR.search(said) else "no" if _REPORTED_FINE.search(said) else None
        if against and any(against in later.labels and (_CONCLUSION.match(after.text) or _SETTLED.match(after.text))
                           for after, later in readings[index + 1:]):
            return True
    return False


# "承诺那个我不签，我妈签", "承诺我就不要了，让我妈来签": the speaker's own refusal beside someone else who is to make the
# commitment (sign it, write it, commit). The way may still be the commitment, made by the applicant the speaker helps;
# the "no" is not sure, and is asked again.
_OTHER_COMMITS = re.compile(rf"^(?:那)?(?:就)?(?:让|叫|请|找|等)?(?:我|俺|我们)?(?:的|家)?(?:{_RELATIVE_RARE}|{_RELATIVE}|他|她|申请人|本人)"
                            r"(?:来|去|自己|本人|亲自)*(?:签|签字|写|承诺|做承诺)")


def _reported_then_concluded(choice: Choice, text: str, ctx: Context) -> Optional[Reading]:
    for pause in _PAUSE_BEFORE_CONCLUSION.finditer(text):
        before = re.sub(r"\s+", "", text[: pause.start()])
        after = re.sub(r"\s+", "", text[pause.end():])
        if not before or _CLAUSE_MARK.search(before) or not choice.someone_else.search(_fold(before)):
            continue
        reading = _combine_choice_clauses(choice, f"{before}，{after}", ctx)
        return reading if reading.decided else None
    return None


# "我本来想…的", "原本打算…": an intention the speaker had (本来就想, "all along", is the answer itself)
# ("本来说我爸自己来": the plan said earlier is such an intention too; "本来说的就是本人", what was said all along, is not)
_GIVEN_UP_INTENTION = re.compile(r"^(?:我|俺)?(?:(?:本来|原本|原来|本想|起初|一开始|开始)(?!就)(?:是)?(?:想|打算|准备|要|说好|讲好|说(?![的就过]))|"
                                 r"(?:的)?原意(?:是|为))")
# "我是想用承诺的，但我老公不让，那就交证明吧": the speaker's wish said with 是…的 ("I did want to"), and a 但/可是/不过
# clause right after it, is the same intention given up: it counts so only before that contrast. Alone ("我是想用承诺的")
# it is the wish stated, and read as it is.
_WISH_BEFORE_BUT = re.compile(r"^(?:我|俺)(?:倒|其实|本身)?是(?:想|打算|准备)(?:[^,，。;；!！?？]{1,12})的(?:啊|呀|嘛)?$")
# The opening of the speaker's conclusion: "就先不用了", "还是交证明", "所以用承诺", "现在决定用承诺", "想想还是交证明"
# (the thinking over done, see _THOUGHT_OVER)
_SETTLED = re.compile(r"^(?:那么|那就|那我就|那我|那还是|就|还是|所以|干脆|最后|最终|现在|只好|只能|于是|(?<!再)(?:我|俺)?想想(?=还是))")
# "交证明吧，哎呀证明要跑好几个地方，还是承诺吧": one way chosen, then a reason against it (the clause just before, naming
# the other way or nothing), then the other way settled on with 还是 ("after all", "rather") in the last clause that
# names a way: the weighing ends there, and that clause is the answer. Only at the commitment choice (at who acts
# "本人办理，还是代他人办理" is the question itself said back); only a plain 还是 clause (not "还是得/要…", "still have
# to"; not "还是交证明好", which may ask which is better; not a second 还是, an alternative); and only after such a
# reason: "用承诺，还是交证明" may only say the two ways back, and in "开证明跑了三趟，还是交证明吧" the story right before
# the 还是 speaks for the other way, so 还是 may be "still". Any hedge, question, joke or condition keeps it asked again.
_RATHER = re.compile(r"^(?:那|那就|所以|最后|最终|干脆)?(?:我|俺)?还是(?!得|要|需要|必须|也|都)(?!.*还是)"
                     r"(?!.*(?:好|合适|划算|快|方便|省事|保险|靠谱|强)(?:些|点|一些|一点)?$)")


# "承诺……嗯还是交证明吧": the sound of hesitation right before the 还是 is the thinking over, as a reason against the first
# way would be: one way said, a pause, a breath of doubt, and the other way settled on. Only the sound inside the clause
# that settles, right before a plain 还是 (the same conditions as above): "承诺……嗯还是得交证明" ("still have to") or
# "…还是交证明好呢" are not read so.
_HESITATED_RATHER = re.compile(r"^(?:嗯|呃|额|唔|emm*)+\s*还是", re.IGNORECASE)


def _settled_rather(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    if choice.step != "use_commitment" or any(reading.flags for _, reading in readings):
        return readings
    last = next((i for i in range(len(readings) - 1, -1, -1) if readings[i][1].labels), None)
    if last and _HESITATED_RATHER.match(readings[last][0].text.strip()) and len(set(readings[last][1].labels)) == 1 \
            and _RATHER.match(_fold(readings[last][0].text).strip()) and not re.search(r"[呢吗么?？]$", readings[last][0].text.strip()) \
            and any(choice.opposite[readings[last][1].labels[0]] in reading.labels for _, reading in readings[:last]):
        return readings[last:]
    if not last or last < 2:
        return readings
    labels = set(readings[last][1].labels)
    if len(labels) != 1 or not _RATHER.match(_fold(readings[last][0].text).strip()):
        return readings
    settled = next(iter(labels))
    if set(readings[last - 1][1].labels) - labels \
            or not any(choice.opposite[settled] in reading.labels for _, reading in readings[:last - 1]):
        return readings
    return readings[last:]


# "交材料，承诺那个我弄不明白", "我眼睛不好，承诺那么多字看不清，还是交证明": the speaker's trouble understanding or
# reading one way, beside the other way chosen, is the reason for that choice and asks nothing. Only the way named and
# the speaker's own plain trouble, with nothing unread after it, beside clauses that choose the other way and are
# flagged with nothing. Anywhere else the trouble is no choice of the way it names, and doubt: alone it asks to have
# the way explained or is asked again ("承诺那个我弄不明白", "承诺那么多字看不清"), and so it is beside the same way
# ("用承诺，承诺那个我弄不明白"), a hedge ("交材料，承诺那个我不太明白"), a question ("交材料吗，…") or a request after
# it ("…，你给讲讲").
_WAY_NOT_UNDERSTOOD = re.compile(r"^(?:告知)?(承诺|证明)(?:[^,，。;；!！?？不没]{0,6}?)(?:我|俺)?(?:也|都|实在|真|根本)?"
                                 r"(?:弄|搞|看|整|闹|读|听)?不(?:明白|懂|清楚|清)(?:啊|呀|了|哇)?$")


# "我不太懂承诺，交证明稳妥": the speaker's not understanding a way (even "not quite", 不太懂), said first in a clause of
# its own, and then the other way chosen: the choice is drawn from it, the not understanding its reason. Only as the
# first clause, with every clause after it choosing the other way plainly. Said after the choice ("交材料，承诺那个我不太
# 明白") "not quite" leaves the door open, and stays doubt; before the same way ("我不太懂承诺，用承诺吧"), before a
# hedge or a question ("…，交证明吧？"), or alone, it is asked again as well.
# ("我六十八了 不懂…", "俺老了，不懂…": the speaker's age told before it, as the reason for not following a new way, is a
# circumstance and no answer; it may stand as a clause of its own before, or open the same clause)
_AGE_LEAD = (r"(?:(?:我|俺)(?:今年|都|已经|也)*(?:[一二三四五六七八九十两百]+|[0-9]{2,3})(?:多)?岁?了|"
             r"(?:我|俺)(?:这)?(?:年纪|岁数|把年纪|年龄)?(?:也|都)?(?:大|老)了)")
_NOT_UNDERSTOOD_FIRST = re.compile(rf"^(?:{_AGE_LEAD}[\s,，]*)?(?:"
                                   r"(?:我|俺)?(?:也|都|实在|真|根本|还)?(?:不太|不大|不是很|不怎么|不)(?:懂|明白|了解|清楚)"
                                   r"(?:这个|那个)?(?:告知)?(承诺|证明)(?:这玩意儿?|这东西|这个|那个)?(?:啊|呀)?$|"
                                   # "俺不懂承诺这些弯弯绕": the way's twists and turns, what the speaker does not follow of it
                                   r"(?:我|俺)?(?:也|都|实在|真|根本|还)?(?:不太|不大|不是很|不怎么|不)(?:懂|明白|了解|清楚)"
                                   r"(?:这个|那个)?(?:告知)?(承诺|证明)的?(?:这些|那些|这套|那套|这一套|那一套|里的|里面的|里头的)?"
                                   r"(?:弯弯绕绕?|弯弯道道|道道|门道|名堂|条条框框)(?:啊|呀)?$|"
                                   # "不懂啥承诺不承诺的": the way named both ways with 啥 before and 的 after is "whatever that
                                   # business is", waved off unread, not asked about ("不懂啥是承诺" asks what it is)
                                   r"(?:我|俺)?(?:也|都|实在|真|根本|还)?(?:不太|不大|不是很|不怎么|不)(?:懂|明白|了解|清楚|知道)"
                                   r"(?:啥|什么)(?:告知)?(?P<w3>承诺|证明)不(?P=w3)的(?:事儿?|玩意儿?)?(?:啊|呀)?$)")


def _reason_not_understood(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    if choice.step != "use_commitment":
        return readings
    # (the speaker's age told in a clause of its own before it is set aside with it)
    lead = 1 if len(readings) > 2 and re.fullmatch(_AGE_LEAD + r"[!！。.]*", _fold(readings[0][0].text).strip()) \
        and not readings[0][1].labels and not readings[0][1].flags else 0
    first = _NOT_UNDERSTOOD_FIRST.match(_fold(readings[lead][0].text).strip()) if len(readings) > lead + 1 else None
    if first:
        rest = readings[lead + 1:]
        if {label for _, r in rest for label in r.labels} == {"no" if "承诺" in first.groups() else "yes"} \
                and all(r.labels and not r.flags for _, r in rest):
            return [(c, ClauseReading([], frozenset())) for c, _ in readings[:lead + 1]] + rest
    for i, (clause, reading) in enumerate(readings):
        m = _WAY_NOT_UNDERSTOOD.match(_fold(clause.text).strip())
        if not m:
            continue
        if not reading.flags <= {"question"} or not all(r.labels for _, r in readings[i + 1:]):
            readings = readings[:i] + [(clause, ClauseReading([], reading.flags | {"hedge"}))] + readings[i + 1:]
            continue
        others = readings[:i] + readings[i + 1:]
        reason = {label for _, r in others for label in r.labels} == {"no" if m.group(1) == "承诺" else "yes"} \
            and not any(r.flags for _, r in others)
        readings = readings[:i] + [(clause, ClauseReading([], frozenset() if reason else reading.flags | {"hedge"}))] \
            + readings[i + 1:]
    return readings


# "上次我爸自己弄没弄明白，这回我替他弄": what happened last time is told as the reason; the clause about this time is
# the answer. "弄没弄明白" there tells that it did not work out (tried, not understood), no question to us.
_LAST_TIME = re.compile(r"^(?:上次|上回|上一次|上一回|以前|之前|那次|那回|去年|前几次|前两次|头一次|第一次)")
_THIS_TIME = re.compile(r"^(?:这回|这次|这一次|这一回|今天|今儿|现在|此次|本次)")
_THIS_TIME_INSIDE = re.compile(r"这回|这次|这一次|这一回|今天|今儿|现在|此次|本次")
_TRIED_NOT_DONE = re.compile(r"([\u4e00-\u9fff])没\1(?=明白|清楚|懂|好|成|完|会|对|下来)")


def _this_time(readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    """The readings from the clause about this time on, when all before it tell of an earlier time and ask nothing
    (a real question about last time, "上次为什么没通过", is kept)."""
    now = next((i for i, (clause, reading) in enumerate(readings) if reading.labels and _THIS_TIME.match(clause.text)), None)
    if not now or not _LAST_TIME.match(readings[0][0].text):
        return readings
    for clause, _ in readings[:now]:
        if _flags(_TRIED_NOT_DONE.sub(r"没\1", _fold(clause.text))):
            return readings
    return readings[now:]


def _last_time_after(readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    """"本人，上回让我儿子代办被退回来了", "用承诺，上次交证明跑了好几趟": after the answer, a clause about an earlier time
    (上次/以前…) tells a story, the reason for this time's answer, and names no answer of its own. Its flags stay (a
    question about last time is still asked); only when the answer came first and said this time is not named again."""
    if len(readings) < 2 or not readings[0][1].labels or _LAST_TIME.match(readings[0][0].text):
        return readings
    return [(clause, ClauseReading([], reading.flags) if i and _LAST_TIME.match(clause.text)
             and not any(_THIS_TIME.match(c.text) or _THIS_TIME_INSIDE.search(c.text) for c, _ in readings[i:]) else reading)
            for i, (clause, reading) in enumerate(readings)]


# A clause that ends in giving up ("…就算了", "…那就不办了"): what comes before it in the clause is the premise it is
# given up on.
# ("不是我的事我就不掺和了": the speaker staying out of it, 不掺和/不管/不插手, is giving up the same way)
_STOP_PREMISE = re.compile(r"(?:那|那我|那俺)?就(?:算了|不办了|不掺和了|不掺合了|不管了|不插手了|不参与了)(?:吧|呗)?$")
_LONE_BA = re.compile(r"吧+[?？]*")
_ASIDE_QUESTION = re.compile(r"^(?:另外|顺便|顺带|对了|还有个事|还有(?:个|一个)问题|还想问|再问一下|另问|顺便问一下|另外问一下)")
# "本人办理 顺便问下停车场在哪": voice input's pause (a space) before such an aside is the clause boundary a comma would
# be, so the aside is read as it is after a comma (a question about something else, beside the answer). Only before
# these openers: any other pause may be inside the answer ("我 不 愿意").
_PAUSE_BEFORE_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=(?:另外|顺便|顺带|对了|还有个事|还有(?:个|一个)问题|还想问|再问一下|另问)"
                                 r"[^\s,，。.!！?？])")
# "我觉得可以", "俺感觉用承诺好", "我认为不用": the speaker's opinion of a way, not the way chosen. Only where another
# clause states the choice is the opinion its reason ("交证明，俺觉得交证明踏实些"); an opinion alone, or against
# someone else's word ("我老公说不要，我觉得可以"), is asked again.
_OPINION = re.compile(r"觉得|感觉|认为|觉着|以为")
# "行 承诺就承诺 反正我说的都是真的": the speaker vouching that what they say is true, beside a yes to the commitment, is
# its very ground and no other answer. Only the plain statement: a hedge, a negation or a "not all" is no such thing.
_TRUTH_VOUCHED = re.compile(r"(?:反正|本来|因为)?(?:我|俺)?(?:说|讲|填|写|报)的(?:话|情况|内容)?(?:都|全|全都|句句|也)?(?:是)?"
                            r"(?:真的|实话|真话|属实|实情|事实)(?:啊|呀|嘛|呢|的|哈)*")
# "我说的都是实话，不怕你们查", "随便查": the check welcomed, beside a yes, vouches as the statement of truth does; its
# 怕 is no worry. Only the welcome itself: "怕你们查" is fear, and a sneer or a question beside it is still read.
_CHECK_WELCOMED = re.compile(r"(?:我|俺)?(?:也|都|就)?(?:不怕|不担心|随时欢迎|欢迎|尽管|随时|随便(?=(?:你们|您们|您|你|政府)?(?:去|来|上门)?查(?!查)))"
                             r"(?:你们|您们|您|你|政府)?(?:随便|尽管|随时)?"
                             r"(?:去|来|上门)?(?:查|核查|核实|调查|检查|查证)(?:吧|啊|呀|好了|去吧|呗|去|了|嘛)*")
# "好 赶时间 是": the speaker in a hurry, said between the pauses beside a yes, is the reason for the quicker way and
# names no way of its own. Only beside a yes: beside a "no" ("不用 赶时间") it may be "no need to hurry", and is
# not read so; a negation in it ("不急") is no hurry at all.
_IN_A_HURRY = re.compile(r"(?:我|俺)?(?:这边|这儿)?(?:在|正|正在|很|挺|比较|有点儿?|特别|实在)?"
                         r"(?:赶时间|着急|急着(?:用|办|要)|赶着(?:用|办|要)|时间(?:紧|急|赶)|急用)(?:呢|啊|呀|哈|了|嘞)*")
# "承诺就承诺，反正查不出来", "反正你们也查不过来": the speaker counting on the check finding nothing. The commitment would be
# made on the chance of not being caught, which a clerk does not take as a yes.
_CHECK_EVADED = re.compile(r"(?:反正|你们|您|他们|也|又|肯定|估计)[\u4e00-\u9fff]{0,3}?查不(?:出来|出|到|过来|着|清)|"
                           r"(?:没人|谁会|哪会|不会有人)(?:去)?(?:查|核查|核实|管)")
# "承诺就承诺，反正我说的不全是真的": what the speaker says said to be not (all) true, beside a yes to the commitment:
# the commitment would be to what is not so, and is asked again.
_TRUTH_DOUBTED = re.compile(r"(?:说|讲|填|写|报)的(?:话|情况|内容)?[\u4e00-\u9fff]{0,4}?"
                            r"(?:不(?:全|都|完全|一定|太|大)?是(?:真的|实话|真话|事实)|不(?:全|完全|太)?属实|假的|有假|掺假|编的|瞎编|瞎说|瞎填)")


# "俺儿子说用承诺，俺听他的": someone else's word reported, then the speaker taking it as their own. The word is then
# the speaker's answer, read as it was said. Only these two clauses, each plain: a hedge, a question or a joke in the
# word, a negation or a hedge on the taking ("俺不听他的", "俺再想想听不听他的"), or a word that is no answer keeps it open.
_REPORTER = re.compile(rf"^(?:是)?(?:我|俺|我们)?(?:的|家)?{_RELATIVE}(?:也|都|倒是|还|就)?(?:说|讲|让|叫|建议)(?:我|俺)?(?:还是|就|要)?")
_ADOPTED = re.compile(r"^(?:那)?(?:我|俺)(?:就)?(?:听(?:他|她|他们|她们|孩子|儿子|闺女|老伴|女儿)的|照(?:他|她|他们|她们)说的(?:办|来|弄))(?:吧|了|呗|呀)?$")


def _adopted_report(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> Optional[Reading]:
    if len(readings) != 2 or readings[0][1].flags or readings[1][1].flags or readings[1][1].labels:
        return None
    said, taken = _fold(readings[0][0].text), _fold(readings[1][0].text)
    reporter = _REPORTER.match(said)
    if not reporter or not _ADOPTED.fullmatch(taken) or not choice.someone_else.search(said):
        return None
    word = _classify_clause(choice, said[reporter.end():])
    labels = set(word.labels)
    return value(labels.pop()) if len(labels) == 1 and not word.flags else None


# "本人—— 啊不是 帮我妈 手滑了", "本人，不对，帮我妈，说错了": the slip named last, with nothing after it, names the slip
# that was just put right; the correction before it stands. Only a slip named ("手滑了", "说错了", "打错了"…), after a
# correction that has an answer after it: "本人，帮我妈，手滑了" (which of the two slipped?) and "…，等等" (a pause, the
# answer still to come) are left as they are, and asked again.
# ("帮……不是，就我自己，刚才多打了字": a character typed too many or too few is such a slip)
_SLIP_NAMED_LAST = re.compile(r"(?:手滑了?|(?:说|打|写|选|点|按|输|搞)错(?:字)?了|(?:说|写|弄|搞|选|点|按)反了|"
                              r"(?:多|少)(?:打|写|输|按)了(?:一个|一|个|两个)?字)[\s。.!！~～…]*$")


# "不不不，用承诺，刚才手一抖点错了", "本人，你刚才理解错了": the slip named last is placed before this message (刚才, 之前,
# 上一条), so it is the earlier answer that slipped, or our reading of it; this message's answer is the one put right,
# and a bare denial that opens the message ("不不不", "不是不是") denies that earlier answer, not this one. Only the
# earlier time said, and a slip verb: "用承诺，点错了" (which one slipped?) is still asked again.
_EARLIER_SLIP = re.compile(r"^(?:你|我|俺)?(?:刚才|刚刚|之前|前面|上一条|上条|上一句)(?:是|那个|那条|那下|那一下)?(?:手一抖|手抖|手滑|不小心)?$")
_OPENING_DENIAL = re.compile(r"^(?:不|不是|不对)+$")


def _slip_named_after(text: str, clauses: List[Clause]) -> List[Clause]:
    if len(clauses) >= 3 and clauses[-1].correction and not clauses[-1].text and _EARLIER_SLIP.match(clauses[-2].text) \
            and not clauses[-2].correction:
        kept = clauses[:-2]
        if len(kept) > 1 and _OPENING_DENIAL.fullmatch(kept[0].text) and not kept[0].correction:
            kept = kept[1:]
        if kept and not _OPENING_DENIAL.fullmatch(kept[0].text) and not any(clause.correction for clause in kept[1:]):
            return kept
    if len(clauses) < 3 or not clauses[-1].correction or clauses[-1].text or not _SLIP_NAMED_LAST.search(text):
        return clauses
    earlier = next((i for i in range(len(clauses) - 2, 0, -1) if clauses[i].correction), None)
    return clauses[:-1] if earlier and any(clause.text for clause in clauses[earlier:-1]) else clauses


# "啊？我也不懂这个，你说哪个好就哪个", "我也不知道算哪个，我给我兄弟问问": the speaker does not know or understand, and
# hands the choice on, to us or to someone they will ask. Nothing is asked of us: the not knowing is the reason the
# choice is handed on, and a bare "啊？" only a sound of surprise. The message stays undecided (the handing on is a
# hedge) and is asked again, not answered as a question. Only when every clause that asks is such a not knowing or a
# bare sound: "你说哪个好就哪个，承诺是啥意思" still asks what the commitment is.
_UNKNOWING = re.compile(r"(?:我|俺)?(?:也|都|实在|真|根本|还)?(?:不知道|不晓得|不清楚|不懂|不明白|不太懂|不大懂|搞不懂|弄不懂|搞不清|"
                        r"闹不清|整不明白)(?:该|应该|要)?(?:算|选|用|走|办|是)?(?:哪个|哪种|哪样|这个|这些|这)?(?:啊|呀|哦)?")
_ASKS_SOMEONE = re.compile(r"(?!.*(?:你|您))(?:我|俺)?(?:先|得|要|去|回去|回头|再|还得)*(?:给|跟|和|找)?(?:我|俺)?(?:的|家)?"
                           r"[\u4e00-\u9fff]{0,4}?问(?:问|一下|下)(?:我|俺)?(?:的|家)?[\u4e00-\u9fff]{0,4}?(?:吧|啊|去|再说)?")


def _handed_off(readings: List[Tuple[Clause, ClauseReading]]) -> bool:
    asking = [_fold(clause.text).strip() for clause, r in readings if "question" in r.flags]
    return any(_DEFER.search(_fold(clause.text)) or _ASKS_SOMEONE.fullmatch(_fold(clause.text).strip()) for clause, _ in readings) \
        and all(_UNKNOWING.fullmatch(c) or _BARE_SOUND.fullmatch(c) for c in asking)


# "我愿意的，你们说咋办就咋办": after the answer, how to go on left to us (咋办/怎么弄 "how"), which is deference on the
# procedure, not on the choice: the answer before it stands. Only the "how" said whole and after an answer that names the
# way or says the question's own verb, plainly ("愿意", "用承诺", "本人"); deference on which way ("你们说用哪个就用
# 哪个"), a bare yes before it ("好的，你们说咋办就咋办": the choice itself may be what is left to us), the deference
# alone or first, or anything flagged beside it keep it a hedge.
_PROCEDURE_LEFT_TO_US = re.compile(r"^(?:那|反正)?(?:就)?(?:你们|您们|你|您|政府)(?:说|看|让)(?:我|俺)?(?:咋|怎么|怎样|咋样)(?:办|弄|来|做|走)"
                                   r"(?:我|俺)?(?:就)?(?:咋|怎么|怎样|咋样)(?:办|弄|来|做|走)(?:吧|呗|啊|呀|了)?$")


def _procedure_left_after(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    named = _COMMITMENT_NAMED if choice.step == "use_commitment" else _OPTION_NAMED
    for i, (clause, reading) in enumerate(readings):
        if i == 0 or reading.labels or reading.flags != {"hedge"} or not _PROCEDURE_LEFT_TO_US.match(_fold(clause.text).strip()):
            continue
        before = readings[:i]
        others = before + readings[i + 1:]
        if any(r.flags for _, r in others) or len({label for _, r in others for label in r.labels}) != 1 \
                or not all(r.labels and named.search(c.text) for c, r in before if r.labels or _CONTENT.search(c.text)):
            continue
        readings = readings[:i] + [(clause, ClauseReading([], frozenset()))] + readings[i + 1:]
    return readings


# "本人。我儿子在外地，只能我自己弄了", "我儿子出差了，这回只能我自己办": the relative who would have helped is away, told as
# why the speaker does it alone. Only a relative of the speaker's, said to be away, busy or at work and nothing else,
# beside a clause that answers "self" and no other: "我儿子出差了，帮他办" (acting for him) and "我儿子在外地" alone are
# read as they are.
_HELPER_AWAY = re.compile(rf"^(?:我|俺)(?:的|家)?{_RELATIVE}(?:他|她)?(?:在外地(?:上班|打工|工作)?|在外面(?:上班|打工|工作)|在外头(?:上班|打工)?|去外地了|出差了?|不在家?|没在家|上班(?:去)?了?|"
                          r"要上班|忙|太忙|没空|没时间|有事)(?:了|呢)?$")


_NOT_TO_BE_COUNTED_ON = re.compile(r"^(?:(?:他|她)(?:也|都|可)?)?(?:指望不上|靠不上|帮不上(?:忙)?|顾不上)(?:了|啊|呀|啦)?$")


def _helper_away(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    if choice.step != "acting_as":
        return readings
    away = [i for i, (clause, _) in enumerate(readings) if _HELPER_AWAY.match(_fold(clause.text))]
    # ("我儿子在外地上班，指望不上": that the relative cannot be counted on, said right after, goes with it)
    away += [i for i in range(1, len(readings)) if i - 1 in away and _NOT_TO_BE_COUNTED_ON.match(_fold(readings[i][0].text))]
    others = [r for i, (_, r) in enumerate(readings) if i not in away and r.labels]
    if away and others and {label for r in others for label in r.labels} == {"self"}:
        return [(clause, ClauseReading([], reading.flags) if i in away else reading) for i, (clause, reading) in enumerate(readings)]
    return readings


# "用承诺。证明？那玩意儿我跑断腿都没开出来": after the answer, the other way repeated to oneself with a question mark, and
# then a remark on it that points back at it (那玩意儿, 那个, 它). Nothing is asked of us: the echo names what the remark
# is about. The remark is read with the way in place of the pointer ("证明我跑断腿都没开出来"), and the echo is set aside
# only when that reads as the very answer given before it, flagged with nothing. Otherwise ("用承诺。证明？那个我有",
# "用承诺。证明？那个咋开") the echo and the remark are read as they are, and asked again.
_POINTER = re.compile(r"^(?:那玩意儿?|这玩意儿?|那东西|这东西|那个|这个|它)")


def _other_way_remarked(choice: Choice, text: str) -> str:
    if choice.step != "use_commitment":
        return text
    parts = _CLAUSE_MARK.split(text)
    for i in range(2, len(parts) - 2, 2):
        echo, remark = parts[i].strip(), parts[i + 2].strip()
        pointer = _POINTER.match(remark)
        if not re.search(r"[?？]", parts[i + 1]) or not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", echo) or "承诺" in echo \
                or not pointer:
            continue
        said = echo + remark[pointer.end():]
        before = {label for j in range(0, i, 2) for label in _classify_clause(choice, parts[j]).labels}
        reading = _classify_clause(choice, said)
        if len(before) == 1 and set(reading.labels) == before and not reading.flags:
            parts[i], parts[i + 1], parts[i + 2] = "", "", said
    return "".join(parts)


# "我也不是非得用承诺，证明开起来也不难，那就按一般程序吧": the insisting on one way denied ("not that I must") is neither a
# choice of it nor a refusal; when the speaker then settles on the other way (那就/还是/所以…) with nothing flagged, that
# conclusion is the answer and the denial only leads up to it. Otherwise ("我也不是非得用承诺" alone, or before the same
# way) it is read as it is (the reach of its negation unclear: asked again).
_INSISTING_DENIED = re.compile(r"^(?:我|俺)?(?:也|倒|又|可)?(?:不是|并不是|并非|没说|没有说)(?:说)?(?:非得|非要|一定要|一定得|必须)")


def _insisting_denied(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    for i, (clause, reading) in enumerate(readings):
        if not _INSISTING_DENIED.match(_fold(clause.text)) or len(set(reading.labels)) != 1 \
                or reading.flags - {"negation_scope"}:
            continue
        rest = readings[i + 1:]
        other = {choice.opposite[reading.labels[0]]}
        if rest and all(not r.flags and (not r.labels or set(r.labels) == other) for _, r in rest) \
                and any(r.labels and (_CONCLUSION.match(c.text) or _SETTLED.match(c.text)) for c, r in rest):
            readings = readings[:i] + [(clause, ClauseReading([], frozenset()))] + rest
    return readings


# "承诺也不是不行，但我还是想交证明", "我不否认承诺方便，不过…交证明": one way conceded ("not impossible", "I don't deny
# it is handy") is no choice of it, but the lead-in to a turn (但/不过/可是 opening the next clause). When what follows the
# turn settles on the other way, with nothing flagged, that is the answer; otherwise (alone, before the same way, before
# a hedge or before nothing that answers) the concession is only half a yes, and is asked again.
# (read on the words as said, before the two negations of 不是不行 cancel to a plain 行)
# (only a way's merit conceded, 方便/省事/好…: "我承认是我自己的" admits a fact, and is read as said)
_WAY_CONCEDED = re.compile(r"^(?:我|俺)?(?:也|倒|并|倒也)?(?:不否认|承认)(?P<said>[^,，。;；!！?？]+?(?:方便|省事|省心|省时间|省力|省劲|快|简单|好|不错|"
                           r"划算|有道理|有好处|便利)(?:些|点|一些|一点|多了)?(?:啊|呀|哈|嘛)?)$|"
                           r"^(?P<way>[^,，。;；!！?？]+?)(?:倒|其实)?(?:也|倒也)?(?:不是|并不是|并非)不(?:行|可以|成|中)(?:啊|呀|哈|嘛)?$")


def _conceded_then_turned(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    for i, (clause, reading) in enumerate(readings):
        m = _WAY_CONCEDED.match(re.sub(r"\s+", "", clause.text))
        if not m or "question" in reading.flags:
            continue
        conceded = set(_classify_clause(choice, m.group("said") or m.group("way")).labels)
        if len(conceded) != 1:
            continue
        other = {choice.opposite[next(iter(conceded))]}
        rest = readings[i + 1:]
        if rest and rest[0][0].contrast and all(not r.flags for _, r in rest) \
                and any(r.labels for _, r in rest) and all(not r.labels or set(r.labels) == other for _, r in rest):
            turn = rest[0][0]
            return [(Clause(turn.text, correction=turn.correction), rest[0][1])] + rest[1:]
        readings = readings[:i] + [(clause, ClauseReading([], reading.flags | {"hedge"}))] + readings[i + 1:]
    return readings


# "待办，帮我姥爷": at who acts, an option's word misspelt (待办 for 代办, 本认 for 本人) and said alone in its clause, beside
# the same answer said in full words with nothing flagged, is that answer typed badly: the answer in full vouches for it.
# Alone ("待办"), beside a bare answer, or beside the other answer, the typo is asked again as before. (At the commitment
# choice a misspelt 承诺 is a legal word, and is never read so.)
_MISSPELT_OPTION = {"待办": "代办", "代伴": "代办", "本认": "本人", "苯人": "本人", "夲人": "本人", "笨人": "本人"}


# "待办待办就是帮我姑妈弄的": the misspelt word (said once or over) opening the clause, then 就是/是 and the same answer in
# full, is the same typo vouched for inside one clause. Only the answer in full after it, read alone with nothing flagged
# and the same as the misspelt word: "待办就是本人", "待办待办就是帮我姑妈弄的吗" stay asked.
_MISSPELT_OPENING = re.compile(rf"^((?:{'|'.join(_MISSPELT_OPTION)})(?:[\s,，]*(?:{'|'.join(_MISSPELT_OPTION)}))*)"
                               r"\s*(?:就是|就|是)\s*(?=[\u4e00-\u9fff])")


def _misspelt_option_agreed(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    if choice.step != "acting_as":
        return readings
    for i, (clause, reading) in enumerate(readings):
        opening = _MISSPELT_OPENING.match(clause.text)
        if opening and reading.flags == {"typo"}:
            meant = {label for word in re.findall("|".join(_MISSPELT_OPTION), opening.group(1))
                     for label in _classify_clause(choice, _MISSPELT_OPTION[word]).labels}
            rest = _classify_clause(choice, clause.text[opening.end():])
            if len(meant) == 1 and set(rest.labels) == meant and not rest.flags and not rest.bare:
                readings = readings[:i] + [(clause, rest)] + readings[i + 1:]
                continue
        word = _MISSPELT_OPTION.get(re.sub(r"[^\u4e00-\u9fff]", "", clause.text).rstrip(_PARTICLES))
        if word is None or reading.labels or reading.flags != {"typo"}:
            continue
        meant = set(_classify_clause(choice, word).labels)
        others = readings[:i] + readings[i + 1:]
        if len(meant) == 1 and {label for _, r in others for label in r.labels} == meant \
                and all(not r.flags for _, r in others) and any(r.labels and not r.bare for _, r in others):
            readings = readings[:i] + [(clause, ClauseReading(sorted(meant), frozenset()))] + readings[i + 1:]
    return readings


# "交证明 对 交证明", "用承诺，对对，用承诺": a bare 对 ("right") between the same way said twice confirms what the speaker
# just said, and is no yes of its own to the question. Only between two clauses that name the way in full, read the
# same, with nothing flagged: "交证明，对" and "对，交证明" are read as they are (a yes beside a no, asked again).
_CONFIRMING = re.compile(r"(?:嗯)?(?:对+|对的|是的|没错)(?:啊|呀|哈)?")


def _confirmed_between(choice: Choice, readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    for i in range(1, len(readings) - 1):
        (before, said), (clause, reading), (after, again) = readings[i - 1], readings[i], readings[i + 1]
        if _CONFIRMING.fullmatch(re.sub(r"\s+", "", clause.text)) and reading.bare and not reading.flags \
                and not said.flags and not again.flags and not said.bare and not again.bare \
                and len(set(said.labels)) == 1 and set(said.labels) == set(again.labels) and not after.correction:
            readings = readings[:i] + [(clause, ClauseReading([], frozenset()))] + readings[i + 1:]
    return readings


# "不承诺不就是交证明嘛，那我不承诺": a question put to oneself with 不就是…嘛 ("isn't it just…"), then the conclusion drawn
# (那…): as with a question asked aloud, the conclusion counts. Alone it is read as it is.
_ASKED_ALOUD = re.compile(r"不就(?:是|等于)[^,，。;；!！?？]{1,12}?(?:嘛|吗|么|呗)?$")


# "代办要带啥材料？反正我是帮我哥办的": a question about the procedure, then the answer stated with 反正 ("anyway", "at any
# rate"), which says the answer holds whatever the reply: the statement is the answer, and the question beside it does
# not undo it (the clerk answers it on the way). Only when every clause from the 反正 one on is plain (one answer,
# nothing flagged), and what was asked names no other answer: "本人要带啥材料？反正我是帮我哥办的" stays asked, and
# so does "代办要带啥材料？" alone or "…？反正我也不知道".
_ANYWAY = re.compile(r"^反正")


def _anyway_after_question(readings: List[Tuple[Clause, ClauseReading]]) -> List[Tuple[Clause, ClauseReading]]:
    start = next((i for i, (clause, reading) in enumerate(readings) if i > 0 and _ANYWAY.match(clause.text)), None)
    if start is None or not any("question" in r.flags for _, r in readings[:start]):
        return readings
    said = {label for _, r in readings[start:] for label in r.labels}
    asked = {label for _, r in readings[:start] for label in r.labels}
    if len(said) == 1 and asked <= said and readings[start][1].labels and not readings[start][1].bare \
            and all(not r.flags for _, r in readings[start:]) \
            and all(r.flags <= {"question"} for _, r in readings[:start]):
        return readings[start:]
    return readings


_HESITATION_OPENING = re.compile(r"^\s*(?:嗯|恩|呃|额|唔|(?i:emm*))+\s*(?:…+|\.{2,}|。{2,}|~{2,}|～{2,})\s*(?=[^\s…。.~～,，!！?？])")


def _combine_choice_clauses(choice: Choice, text: str, ctx: Context) -> Reading:
    if _bare_to_other_way(choice, text):
        return clarify("not_a_choice", choice.expected)
    text = _other_way_remarked(choice, _agreeing_figures(choice, _unasked(_TYPED_BA.sub("吧", _PAUSE_BEFORE_ASIDE.sub("，", text)))))
    if choice.step == "use_commitment":
        text = _SELF_ANSWERED_ZHONG.sub(r"\1", text.strip())
        text = _SELF_ANSWERED.sub("", text)
        # "是……哦不，还是否吧": 还是 "rather", then the bare 否 that ends the message; no 是否 asked ("还是否要交证明" asks)
        text = re.sub(r"还是否(?=(?:吧|啊|呀|了)?[。.!！~～…\s]*$)", "否", text)
    text = _said_plainly(choice, text)
    if choice.reservations:
        text = _BUT_INSIDE.sub("，", text)
    if _BARE_SOUND.fullmatch(text.strip()):
        return clarify("hesitation", choice.expected)
    # "嗯……不承诺了，交材料": a sound drawn out into an ellipsis before the answer is the breath taken while thinking, not
    # the yes 嗯 is when said plainly ("嗯，用承诺"); the answer after it is read alone. (Alone it is the hesitation above.)
    text = _HESITATION_OPENING.sub("", text)
    clauses, corrected = _current(_slip_named_after(text, split_clauses(text)))
    clauses = _denial_set_against(clauses)
    readings = [(clause, _classify_clause(choice, clause.text)) for clause in clauses]
    readings = _asked_first_after_denial(_obstacle_after_denial(_last_time_after(_this_time(readings))))
    readings = _misspelt_option_agreed(choice, _insisting_denied(choice, _helper_away(choice, _confirmed_between(choice, readings))))
    readings = _conceded_then_turned(choice, readings)
    if choice.step == "use_commitment":
        adopted = _adopted_report(choice, readings)
        if adopted is not None:
            return adopted
    intention = next((i for i, (clause, reading) in reversed(list(enumerate(readings)))
                      if reading.labels and (_GIVEN_UP_INTENTION.match(_fold(clause.text))
                                             or (_WISH_BEFORE_BUT.match(_fold(clause.text)) and i + 1 < len(readings)
                                                 and readings[i + 1][0].contrast))), None)
    if intention is not None:
        # "我本来想用承诺的，听说查得严，就先不用了，交证明": what the speaker had meant to do is told as the way to the
        # answer; the conclusion drawn after it (就/还是/所以…) is the answer. Without one the intention, said to
        # have been given up, answers nothing ("我本来想交证明的，但证明开不出来").
        wish = set(readings[intention][1].labels) if not _GIVEN_UP_INTENTION.match(_fold(readings[intention][0].text)) else set()
        # (the wish given up with 是…的 and then the same way settled, "我是想用承诺的，但我老公不让，那就用承诺吧", says
        # neither plainly: the conclusion counts only when it is the other way)
        if any(reading.labels and _SETTLED.match(clause.text) and not wish & set(reading.labels)
               for clause, reading in readings[intention + 1:]):
            readings = readings[intention + 1:]
            # (the 但 right after the intention gives it up, and is no reservation on the conclusion)
            if readings[0][0].contrast and not readings[0][1].labels:
                readings = [(Clause(readings[0][0].text, correction=readings[0][0].correction), readings[0][1])] + readings[1:]
        else:
            readings = [(clause, ClauseReading([], reading.flags | {"unsettled"}) if i == intention else reading)
                        for i, (clause, reading) in enumerate(readings)]
    readings = _procedure_left_after(choice, _settled_rather(choice, _reason_not_understood(choice, readings)))
    concluded = next((i for i, (clause, reading) in enumerate(readings) if i > 0 and reading.labels
                      and "question" not in reading.flags and _CONCLUSION.match(clause.text)), None)
    if concluded is not None and any("question" in r.flags or _ASKED_ALOUD.search(_fold(c.text)) for c, r in readings[:concluded]):
        # "不用开证明？那用承诺吧": a question asked aloud and answered by the speaker; the conclusion counts.
        readings = readings[concluded:]
    readings = _anyway_after_question(readings)
    readings = _after_joke_taken_back(choice, readings)
    if any(_LONE_BA.fullmatch(clause.text) for clause, _ in readings[1:]):
        # "是。。。吧", "本人，吧": a 吧 left alone after the answer takes its certainty back
        return clarify("hedge", choice.expected)
    answered = any(r.labels for _, r in readings)
    # "用告知承诺吧，另外你们几点下班？": a question set aside from the answer by 另外/对了 asks about something else;
    # the answer beside it stands. Its other flags (a hedge, a condition) still count.
    flags = set().union(*((r.flags - {"question"}) if answered and not r.labels and _ASIDE_QUESTION.match(clause.text) else r.flags
                          for clause, r in readings)) if readings else set()
    if "question" in flags and _handed_off(readings):
        flags.discard("question")
    labels: List[str] = []
    reservation = False
    for clause, reading in readings:
        # "还是交证明吧，承诺怕出错": the way named beside a fear is what is feared, not what is chosen
        clause_labels = set(reading.labels) if "fear" not in reading.flags else set()
        if len(clause_labels) > 1 and reading.dominant:
            clause_labels = {reading.dominant}
        if clause.contrast and not clause_labels and choice.reservations:
            reservation = True
        labels.extend(sorted(clause_labels))
    decided = set(labels)
    if decided and all(_SOUND_ONLY.fullmatch(_fold(clause.text) or clause.text) for clause, reading in readings if reading.labels) \
            and any(not reading.labels and _CONTENT.search(clause.text) and not _SOUND_ONLY.fullmatch(clause.text)
                    for clause, reading in readings):
        # "嗯，证明，我有": the 嗯 only opens the answer; what follows it says something not read here, so the
        # sound is not taken for a yes
        return clarify("not_a_choice", choice.expected)

    if "question" in flags and "joke" not in flags:
        return _question(ctx)
    if readings and not readings[-1][1].labels and _LONE_NEGATION.fullmatch(readings[-1][0].text):
        # "代办 不": a "no" left at the end, with nothing it could stand for here; what is meant is open.
        return clarify("correction", choice.expected)
    # At the commitment choice "我不办了，想按一般程序交证明" chooses the normal procedure: a "no", not a stop.
    # ("要是交证明我就不办了": a stop on a condition is neither the stop nor the normal procedure; it is asked again)
    if "cancel" in flags and "condition" not in flags and choice.step == "acting_as" \
            and any("cancel" in r.flags and not r.labels for _, r in readings) \
            and all(_STOP_PREMISE.search(_fold(clause.text)) for clause, r in readings if r.labels):
        # "不办了，不是本人不让办就算了": the journey given up plainly, and beside it the premise it is given up on ("if
        # no one but the applicant may do it, forget it"); the answer named inside the premise is no choice of it.
        return Reading("cancel")
    if choice.step == "acting_as" and any(r.labels and _STOP_PREMISE.search(_fold(clause.text)) for clause, r in readings):
        # ("不是本人不让办就算了" without the plain stop: a stop on a premise, neither the stop nor the answer)
        return clarify("condition", choice.expected)
    if "cancel" in flags and "condition" not in flags:
        if choice.step == "use_commitment" and decided == {"no"}:
            return value("no")
        if not decided or decided == {"no"}:
            return Reading("cancel")
        return clarify("contradiction", choice.expected)
    for flag in ("joke", "condition", "hedge", "typo", "negation_scope"):
        if flag in flags:
            return clarify(flag, choice.expected)
    if decided and not any(reading.labels and "fear" not in reading.flags and not _OPINION.search(_fold(clause.text))
                           for clause, reading in readings):
        # every way named is only the speaker's opinion of it ("我觉得可以"): no choice stated
        return clarify("hedge", choice.expected)
    if choice.step == "use_commitment" and "yes" in decided and any(_TRUTH_DOUBTED.search(_fold(clause.text))
                                                                  or _CHECK_EVADED.search(_fold(clause.text))
                                                                  for clause, _ in readings):
        return clarify("hedge", choice.expected)
    if choice.step == "use_commitment" and _concluded_against_report(readings):
        return clarify("contradiction", choice.expected)
    if choice.step == "use_commitment" and decided == {"no"} and any(_OTHER_COMMITS.match(_fold(clause.text))
                                                                     for clause, _ in readings):
        return clarify("contradiction", choice.expected)
    if "unsettled" in flags:
        return clarify("correction", choice.expected)
    if "both" in flags or ("kin_of_applicant" in flags and "self" in decided):
        # ("本人办，我是他孙子": the speaker said to be the applicant and the applicant's grandson at once)
        return clarify("contradiction", choice.expected)
    if "fear" in flags and decided != {"no"}:
        return clarify("hedge", choice.expected)
    if len(decided) > 1 and choice.step == "acting_as" and _representative_for_itself(readings):
        return value("self")
    if len(decided) > 1:
        return clarify("contradiction", choice.expected)
    if reservation:
        return clarify("reservation", choice.expected)
    if len(decided) == 1:
        return value(decided.pop())
    interruption = _nlu_interruption(ctx)
    if interruption:
        return interruption
    if corrected:
        return clarify("correction", choice.expected)
    return clarify("not_a_choice", choice.expected)


# --- names: applicant, legal representative, agent -------------------------------------------------------

_REFUSAL = re.compile(
    r"不想(告诉|说|给|透露|提供)|不告诉|不能告诉|不方便(说|透露|告诉|提供)|保密|不能说|不说|不给|凭什么|隐私|"
    r"关你|管得着|你管我|无可奉告|不愿(意)?(透露|提供|说)|凭啥|凭嘛|问(这么|那么)多|查户口|"
    # "我叫啥你看着写": the name left to the clerk to make up
    r"(?:你|您)(?:就)?(?:看着|随便|随意)(?:写|填|办|弄)|随便(?:写|填)(?:一个|个)?"
)
# "看谁有空": whoever it turns out to be, no question; "写新的还是旧的": which to fill in, asked (the first of the two
# may be a whole phrase: "写身份证上的还是平时叫的", "填营业执照上的名字还是…"; and what is wanted, or by what, asks
# it as well: "要全名还是简称", "按身份证上的还是户口本上的"; "主要还是王芳在管" is no 要 of wanting, and "执照上写的法人现在
# 还是王芳" is 还是 "still", after a word of time; "不是股东里随便哪个": 随便 makes 哪个, 谁 "any one at all", no question)
_NAME_QUESTION = re.compile(r"[?]|吗|什么|怎么|为什么|为啥|啥|(?<!随便)哪|(?<!看)(?<!随便)谁|干嘛|干吗|(?:写|填|用|选|(?<![主需重只不])要|按)[\u4e00-\u9fff]{0,8}?"
                            r"(?<!现在|目前|一直|仍然|依然|依旧|至今|如今)还是|"
                            # "身份证上的还是平时叫的": two 的-phrases set side by side with 还是 offer a choice of two kinds
                            # of name, asked even with no verb before them (a name is no 的-phrase)
                            r"的还是[\u4e00-\u9fff]{1,8}?的(?:呢|吗|啊|呀)?[?？]*$|"
                            # "法人去世了咋办", "生僻字打不出来咋弄": what to do, asked in the north's 咋
                            # (only ending the clause: "我也不确定身份证上咋写的" is unsure, and asks nothing)
                            r"咋(?:办|弄|整|搞)(?:呢|啊|呀|嘞|哇)?[?？]*$|"
                            # "你们是要法人的名字还是我的名字": which name is wanted, asked
                            r"的(?:名字|姓名)还是|"
                            # "这个名字没问题吧": the name's being right asked with a tag 吧
                            r"(?:这个|这|名字|姓名|这样|写|填)[\u4e00-\u9fff]{0,6}?(?:没问题|没错|对|行|可以|能用|没毛病)吧[?？]*$|"
                            # "会不会搞错", "能不能写我的名字": a yes-no question made by repeating the verb
                            r"(?<!不)(是|会|能|可|要|用|行|对|该)不\1|想问|请问|顺便问|咨询一下|"
                            # "承诺书是法人签还是我签": who is to do it, asked as a choice of two doers of the same act
                            r"([签来办去填写交])还是[\u4e00-\u9fff]{1,4}?\2")
# "刘洋或者我媳妇", "看谁有空": one of several, not decided
# ("法人是王磊，还是王蕾来着": "or was it…", another name recalled in doubt after the one said, a clause of its own)
_NAME_ALTERNATIVES = re.compile(r"[\u4e00-\u9fff](?:或者|或是|要么)[\u4e00-\u9fff]|看谁|(?:是|叫)[\u4e00-\u9fff]{2,3}还是[\u4e00-\u9fff]{2}|"
                                r"^(?:还是|或是|要不就是)(?:叫)?[\u4e00-\u9fff·]{2,4}?来着")
_ENTERPRISE_SUFFIX = (
    r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|厂|店|超市|商行|商店|门市部|经营部|服务部|中心|合作社|"
    r"事务所|工作室|酒店|宾馆|饭店|餐厅|诊所|医院|学校|幼儿园|培训学校|商贸|商会|协会|研究院|研究所|馆|铺|坊|"
    r"药房|大药房|养殖场|农场|加油站|"
    r"\(个体工商户\)|（个体工商户）)"
)
_ENTERPRISE = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9()（）·&]{{2,60}}?{_ENTERPRISE_SUFFIX}(?:\([^)]{{1,20}}\))?")
# "我刘洋", "就我刘洋": the pronoun with the name in apposition; not "我爸刘洋", "我看看", "我外地的", nor "我家狗" (my
# family's: what belongs to the speaker's home, never the speaker named)
_APPOSED_SELF = (rf"^(?:就是|就)?(?:我|俺)(?:本人)?(?!{_RELATIVE}|{_WARD}|[们看想来去要会能是在有也都就还说叫姓觉知明同再先不没很太已刚自本办家])"
                 r"(?=[^的了吗呢吧啊呀哦嘛地得着过]{2,4}$)(?=[\u4e00-\u9fff]{2,4}$)")
# Lead-ins before a name, with the role they announce.
_ON_THE_DOCUMENT = r"(?:营业执照|执照|身份证|证件|户口本)(?:上|上面)(?:的)?"
_NAME_LEADS: Tuple[Tuple[Pattern, str], ...] = tuple(
    (re.compile(p), role)
    for p, role in (
        (r"(?:法定代表人|法人代表人|法人代表|法定代表|法人)(?:的)?(?:(?:那|这)?(?:一)?栏)?(?:姓名|名字)?(?:现在|目前|如今)?"
         r"(?:是|系|叫做|叫作|名叫|叫|为|:|写的是|写的|写着|填的是|填的)?",
         "representative"),
        # an individual business is represented by its operator: "经营者王芳", "店主是王芳", "负责人是王芳"
        (r"(?:经营者|店主|业主|个体户|负责人)(?:的)?(?:姓名|名字)?(?:是|叫做|叫作|名叫|叫|为|:)?", "representative"),
        # "联系人：王芳", "联系人是王芳": whoever the applicant names to deal with the office, for any role asked
        (r"联系人(?:的)?(?:姓名|名字)?(?:是|叫做|叫作|名叫|叫|为|:|写的是|写的|填的是|填的)?", "contact"),
        (r"(?:代理人|代办人|受托人|经办人|被委托人)(?:的)?(?:姓名|名字)?(?:是|系|叫做|叫作|名叫|叫|为|:|写的是|写的|写着|填的是|填的)?",
         "agent"),
        # who runs the errand: "代办的是刘洋", "来办的是我，刘洋", "赵强委托刘洋办理"; only the proxy's own name is asked so
        # ("委托人赵强" names the one who gives the errand, not the one who runs it)
        (r"(?:来办|代办|办事|办理|跑腿|来)的(?:人)?(?:是|就是)(?:我)?|(?<!受)(?:委托|派)(?![人方书])(?:的是|了)?(?:我)?"
         r"(?=[\u4e00-\u9fff]{2,4}(?:来|过来|代为)?(?:办理|代办|办)?$)",
         "errand"),
        # ("委托人蓝志鹏": the one who gives the errand is the applicant; not 被委托人 or 受委托人, who runs it)
        (r"(?:申请人|申请单位|申请企业|申请主体|企业名称|公司名称|单位名称|市场主体名称|企业全称|公司全称|单位全称|"
         r"(?<![被受])委托(?:人|方))"
         r"(?:的)?(?:姓名|名字|名称|全称)?(?:是|叫|为|:)?", "applicant"),
        (r"(?:我们|我|咱们|咱)(?:的)?(?:公司|单位|企业|店)(?:的)?(?:名字|名称|全称|名)?(?:是|叫|为|:)", "applicant"),
        (r"(?:公司|单位|企业)(?:的)?(?:名字|名称|全称|名)(?:是|叫|为|:)?", "applicant"),
        (r"(?:我|俺|咱)(?:的|个|嘅)?(?:姓名|名字|全名|名)(?:是|系|叫做|叫作|叫|为|:)|(?:我|俺|咱)(?:就|也|便)?(?:叫做|叫作|叫|是)|本人(?:是|叫)|本人(?=[\u4e00-\u9fff]{2,4}$)|鄙人|敝人|在下|"
         # "wo jiao 张伟", "I'm 刘洋": the same said in pinyin or English before the name in characters
         r"(?i:wo\s*(?:jiao|shi)|my\s+name\s+is|i\s*'?\s*m|i\s+am)\s*(?=[\u4e00-\u9fff])|"
         + _APPOSED_SELF, "speaker"),
        (r"(?:姓名|名字|全名|名称|全称)(?:是|叫做|叫作|叫|为|:)?|叫做|叫作|叫", "generic"),
        # "叫我老张就行，大名张伟": the name on the ID card, after the one friends use
        (r"(?:大名|真名|本名|学名|官名|身份证上的名字|现名|现用名|现在的名字)(?:是|叫|为|:)?", "generic"),
        # "营业执照上写的是王强": what the document says
        (r"(?:营业执照|执照|身份证|证件|户口本)(?:上|里|上面)?(?:写的是|写的|写着|登记的是|登记的|印的是|是)", "generic"),
        # "营业执照上那个杨帆": the one the document names, pointed at (那个 is folded away before); only a name ending the
        # clause, and no word of the dictionary ("执照上盖章", "执照上地址": see _name_candidates)
        (_ON_THE_DOCUMENT + r"(?=[\u4e00-\u9fff]{2,4}$)", "generic"),
        # "法人变了，现在是王芳": the name as it stands now
        # ("现在登记的是孙丽华": as it is registered now; a bare "登记的是" may be the old registration)
        (r"^(?:现在|目前|如今|现)(?:的)?(?:(?:登记|注册|备案)(?:的|在册的))?(?:是|叫|换成了?|改成了?)", "generic"),
        (r"(?:已经)?(?:换成|改成|变成|改为|换为|变更为|变更成)(?:了)?", "generic"),
        # "法人没变，还是王芳": the name as it has stayed
        (r"(?:还是|仍是|仍然是|依然是|依旧是|一直是|一直都是)", "generic"),
        (r"(?:帮我|给我|麻烦)?(?:写上|写|填上|填|记上|记|登记)(?:成|为|上)?:?", "generic"),
        (r"^[^:]{0,12}:", "generic"),
        (r"^(?:是|就是)", "generic"),
    )
)
# "王强是法人", "张伟是申请人": the name comes first.
_NAME_THEN_ROLE = re.compile(
    r"^([\u4e00-\u9fff·]{2,12}?)(?:就是|便是|是|为|即|当|做|担任)(?:我们|公司|我们公司|本公司|[\u4e00-\u9fff]{2,30}?(?:公司|企业|单位|集团))?(?:的)?"
    r"(法定代表人|法人代表|法人|申请人|代理人|代办人|受托人|经办人)"
    # the role ends what is said of the name: "王芳是法人的老婆" names the role's spouse, "下个月做法人变更" a change
    # to be made; only particles, 本人 or a second office (兼总经理) may follow
    r"(?=[的啊呀吧了哈呢哦嘛啦呗嘞咯喽]*(?:$|\s)|本人|兼|没错|不会错)"
)
# "我们这边是王芳负责", "由王芳会计负责": the person in charge of the application, named before 负责.
# "店里是我王芳负责": the speaker in charge of the business itself (the shop, the company), with no errand named after
# 负责, says they are its 负责人 (groups "business" and "self" there, "side" and "errand" not); in charge of this side or of
# this matter ("这事我王芳负责", "我们这边是王芳负责", "店里是我王芳负责办理") it is the one who handles the errand.
_IN_CHARGE = re.compile(
    r"^(?:(?P<business>我们公司|公司|本公司|我们单位|单位|店里|厂里|我们店)|我们|我们这边|这边|这事|这件事|这个事)?(?P<side>这边)?"
    r"(?:是|由|就是)?(?P<self>我|本人)?"
    r"(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:来|在)?负责"
    r"(?P<errand>办理|办|这个|这件事|此事|这事|对接)?(?:的)?$"
)
_ROLE_OF = {"法定代表人": "representative", "法人代表": "representative", "法人": "representative",
            "申请人": "applicant", "代理人": "agent", "代办人": "agent", "受托人": "agent", "经办人": "agent"}
_NAME_TRAILER = re.compile(
    r"(?:身份证|证件|证号|号码|电话|手机|联系方式|统一社会信用代码|信用代码|社会信用代码|代码|今年|年龄|微信|邮箱|住址|地址).*$|"
    # (滴: 的 typed cute, "法人钟华滴")
    r"(?:的|滴|啊|呀|吧|了|哈|呢|哦|噢|嘛|啦|呗|嘞|咯|喽|同志|同学|先生|女士|这个名字)+$|"
    # the sentence ends of the regions ("周晓梅噻", "王芳撒", "李强哟", "张伟咧"): southwestern 噻/撒, 哟, 咧, 呐, 哒, 哩,
    # 捏 after a whole name of two characters or more; no given name ends in them
    r"(?<=[\u4e00-\u9fff]{2})(?:噻|撒|哟|咧|呐|哒|哩|捏|哇)+$|"
    # "王芳就行", "法人是王芳没错": the answer confirmed after it
    r"(?:就行|就可以|就好|就对了|没错|不会错|就是我|就是我本人|是我本人|我本人|是我自己|没变|没换|没有变|没有换|不变)$|"
    # "李建国是也": the old stage way of naming oneself
    r"(?<=[\u4e00-\u9fff]{2})是也$|"
    # "刘洋是他外甥", "王强系公司法人": what the person is, said after the name
    r"(?:是|系)(?:他|她|申请人|老人|公司|我|俺)(?:的|们|家)?[\u4e00-\u9fff]{0,6}$|"
    # "我叫刘洋是赵强的侄子": whose relative, the other person named
    rf"(?:是|系)[\u4e00-\u9fff]{{2,4}}?(?:的|家的?){_RELATIVE}[\u4e00-\u9fff]{{0,2}}$|"
    # "刘洋来办": the errand said after the name
    r"(?:来|过来|代为)?(?:办理|代办|来办|代理)$|"
    # "王强就是法人", "王芳 法人": the role said after the name
    r"(?:就|也)?(?:是|系|为)?(?:这个|这家|我们|本|该)?(?:公司|企业|单位|店|饭店)?(?:的)?(?:法定代表人|法人代表|法人|申请人|代理人|代办人|老板)$"
)
# Han names have two to four characters (欧阳娜娜); longer ones are transliterated and written with a middle dot.
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,10}[·•・][\u4e00-\u9fff·•・]{1,20}")
# How people are addressed, not named: 老王, 小李, 王总, 李工, 张老师, 刘师傅. The clerk needs the full name.
_FORM_OF_ADDRESS = re.compile(
    r"^(?:老|小|阿)[\u4e00-\u9fff]$|^[\u4e00-\u9fff](?:总|工|董|哥|姐|叔|姨|婶|爷|老)$|"
    r"^[\u4e00-\u9fff](?:经理|老板|老师|师傅|阿姨|大爷|大妈|大姐|大哥|主任|书记|局长|科长|所长|院长|厂长|队长|会计|律师|"
    r"医生|大夫|总监|主管|店长|站长|村长|社长)$"
)
# A short name ending in a trade is an enterprise's name cut short (好味餐饮): no person and no full name.
_TRADES = r"(?:餐饮|商贸|贸易|科技|物流|传媒|实业|置业|地产|食品|医药|建筑|装饰|电子|网络|咨询|管理|服务|超市|便利)"
_TRADE_END = re.compile(_TRADES + "$")
# Characters and words that never make a person's name: pronouns, particles, the question's own words.
_NOT_A_NAME_CHARS = re.compile(r"[我你您他她它俺咱的了吗呢吧啊呀么谁哪这那就都也还在和与及或不没很太说过嘛呗啦着]")
_NOT_A_NAME_CHARS_TRANSLITERATED = re.compile(r"[我你您他她它俺咱的了吗呢吧啊呀么谁哪这就也还在和与及或很太说过嘛呗啦着]")
_NOT_A_NAME = re.compile(
    r"^(?:姓名|名字|全名|本人|自己|申请人|法人|法定代表人|代理人|代办人|是的|好的|对的|不是|没有|不知道|知道|明白|谢谢|"
    r"可以|不行|不要|不用|公司|单位|企业|身份证|手机|电话|告知承诺|承诺|代办|办理|已阅读|再说一遍|没问题|同意|愿意|"
    r"你好|您好|法人代表|老板|经理|领导|先生|女士|小姐|老师|师傅|匿名)$|^姓.$|不想|不告|告诉|保密|承诺|阅读|办理|证明|"
    r"申请人|代理人|代办人|受托人|经办人|法人|法定代表|"
    r"身份证|号码|电话|手机|微信|同号|尾号|同上|邮箱|地址|知道|清楚|不用|算了|负责|联系|换成|改成|变成|[0-9一二三四五六七八九十]岁|"
    # "有两个", "三个人": a count, where a name is asked
    r"^有|[一二两三四五六七八九十几]个|"
    # "下个月", "明天": when, said where a name is asked (明 is a surname, 下 a rare one)
    r"个月|^明(?:天|年|早|晚|儿)$|"
    # "不对再改": what is to be done next (再 opens a few Uyghur names, never with these verbs)
    r"^再(?:改|换|填|写|说|来|看|问|查|弄)|"
    # "如今执照上是俺": the papers the name is written on, said as where it stands ("执照上"), are no name
    r"执照|章程|"
    # errands, jobs and asides that are said where a name is asked ("我是来办事的", "社区派来的", "刘某")
    r"办事|跑腿|志愿者|工作人员|网格员|出差|快点|老板娘|某|派来|隔壁|申请$|本地|外地|上班|下班|农民|工人|退休|"
    r"^(?:上午|下午|中午|晚上|早上)好$|稍等|等等|等一下|机器人|人工|客服|"
    # what is done, and for whom ("给工友办"), and where the speaker belongs ("我是社区的"): no names
    r"^(?:帮|替|给)|办$|办理$|^(?:社区|街道|村委|居委|物业|派出所|网格|单位|公司|村里|厂里|店里|家里|这边|那边|这里|那里)$|"
    # "法人自己来": who comes, not a name
    r"自己|自个|"
    # "王字旁", "三点水那个", "木子李": how a character is written, said alone, spells a name and is none
    r"字旁|字头|字底|偏旁|[三两]点水|宝盖头|走之[底旁]|[单双][人耳]旁|[提竖][手心]旁|绞丝旁|"
    r"^(?:弓长张|立早章|木子李|口天吴|耳东陈|双人徐|古月胡|草头黄|三横王|言午许|双木林|人可何|关耳郑|文刀刘|禾口程)$|"
    # "别笑", "别急": the listener told not to do something, said where a name is asked (别 opens no surname in the list)
    r"^别(?:笑|急|闹|催|慌|吵|哭|骂|逗|嫌|猜|问|乱|生气)$"
)


_KIN_LEAD = re.compile(
    r"^(?:我是)?(?:我|俺|我的|我们|咱|咱们|俺们|他|她|他的|她的|[\u4e00-\u9fff]{2,4}的)?(?:爸爸|妈妈|父亲|母亲|爸|妈|爹|娘|爷爷|奶奶|外公|外婆|老公|老婆|丈夫|"
    r"妻子|爱人|儿子|女儿|闺女|哥哥|姐姐|弟弟|妹妹|外甥女|外甥|侄子|侄女|孙子|孙女|女婿|儿媳|朋友|同事|老板娘|老板|员工)"
    r"(?:叫|是|的名字是|名字叫)?(?=[\u4e00-\u9fff]{2})|"
    # "我舅舅赵强", "我哥刘海", "俺大姨王秀英": kin the list above leaves out, only after the speaker's pronoun (舅, 哥, 姑
    # alone start other words), and never a kin word that goes on (姐夫, 舅妈 said short, 叔公, 姑父: what is left
    # would start with the kin word's second half, and be read as a name)
    r"^(?:我|俺|咱|我的|俺的|咱的|我家|俺家)(?:大|二|三|小|表|堂|亲)?"
    # ("是我婆婆冯玉梅", "我老丈人王强": parents by marriage, said whole)
    r"(?:婆婆|公公|岳父|岳母|丈母娘|老丈人|"
    r"舅舅|舅妈|叔叔|婶婶|伯伯|姑姑|姑妈|姨妈|阿姨|姥姥|姥爷|老伴儿?|媳妇儿?|对象|哥|姐|弟|妹|舅|叔|伯|姑|姨|婶)"
    r"(?![夫媳婿妈父母子女公婆嫂娘爷奶儿])(?:叫|是|的名字是|名字叫)?(?=[\u4e00-\u9fff]{2})"
)


# Who the speaker is to someone, said before the name: "我是他外孙刘洋", "我是赵强的邻居刘洋", "我是他的保姆，叫刘洋".
_RELATION_LEAD = re.compile(
    rf"^我是(?:他|她|他的|她的|他家|她家|[\u4e00-\u9fff]{{2,4}}?的?)(?:外|表|堂|干|亲)?{_RELATIVE}(?:儿子|女儿|儿|子|女)?"
    r"[,，]?(?:叫|是|名字叫|名叫|名字是)?(?=[\u4e00-\u9fff]{2,4}$)|"
    # "赵强之侄刘洋", "赵强之女赵雪代为办理": the written way of saying whose relative, before the name
    r"^(?:系)?[\u4e00-\u9fff]{2,4}?之(?:侄子|侄女|孙子|孙女|子|女|妻|夫|侄|甥|孙|兄|弟|姐|妹)"
    r"(?=[\u4e00-\u9fff]{2,4}(?:代为|来|过来)?(?:办理|代办|办)?$)"
)
# What the speaker is, said before the name: "我是社区网格员王小明", "我是他们单位的会计李红".
_OCCUPATION_LEAD = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:网格员|志愿者|工作人员|社工|干部|会计|出纳|律师|员工|职员|助理|秘书|文员|专员|店长|店主|老板娘|经营者|业主|"
    r"经理|主任|书记|村长|组长|董事长|执行董事|执董|理事长|会长|社长|总经理|总裁|厂长|负责人|老总|股东|主管|总监|财务|行政|人事|监事|董事|副总|"
    # (not "副总是李强", "会计是李红": who holds that office, named as someone else than the one asked)
    r"法务|前台|销售|职工|退休职工|退休工人|退休教师|退休干部)(?!是)(?=[\u4e00-\u9fff]{2,4}$)|"
    # "我是社区的刘洋", "我是隔壁村的李红": where the speaker is from, then the name
    r"^我是[\u4e00-\u9fff]{1,6}?的(?=[\u4e00-\u9fff]{2,4}$)"
)
# An enterprise's officers, named beside a name ("王强（董事长）", "王强 总经理"): titles, no names.
_OFFICER = (r"(?:董事长|执行董事|执董|理事长|会长|社长|董事|总经理|副总经理|经理|总裁|厂长|店长|负责人|老板|老总|股东|监事|法人代表|主任|会计|出纳|"
            r"主管|总监|秘书|助理|文员|行政|财务|人事|法务|前台|销售|副总|店主|业主|经营者|个体户|掌柜|高管|合伙人|创始人|投资人|"
            r"实际控制人|当家的?)")
# "赵强外甥", "张伟儿子": a person named by their relation to someone, no name of their own.
_RELATION_END = re.compile(r"(?:外甥女?|侄子|侄女|儿子|女儿|闺女|老婆|老公|丈夫|妻子|爱人|媳妇|女婿|儿媳|朋友|同事|邻居|父亲|母亲|爸爸|妈妈)$")
# "弓长张，伟大的伟", "立早章", "木子李": how a name is written, told beside it; it is no second name.
_SPELLING_PART = (
    r"(?:[\u4e00-\u9fff]{1,4}的[\u4e00-\u9fff]|弓长张?|立早章?|木子李?|口天吴?|耳东陈?|双人徐?|古月胡?|草头黄?|三横王?|"
    r"言午许?|双木林?|人可何?|关耳郑?|文刀刘?|禾口程?|"
    # "王字旁那个": the radical, then "that one" for the character it marks
    r"[\u4e00-\u9fff]{1,3}(?:字旁|字头|字底|偏旁)的?(?:那一?个字?)|"
    # "邝是广字旁加个耳朵": one character of the name, said to be a radical and what is added to it. The character
    # and 是 are required, so that this can never start inside the name typed before it ("邝文斌邝是…")
    r"[\u4e00-\u9fff](?:是|就是)[\u4e00-\u9fff]{1,3}(?:字旁|字头|字底|偏旁)(?:加上|再加|加|右边|旁边)(?:一?个)?[\u4e00-\u9fff]{1,3}|"
    r"[\u4e00-\u9fff]{1,3}(?:字旁|字头|字底|偏旁)的?[\u4e00-\u9fff]?)"
)
# (counted: a name is spelled in a few parts, and an open-ended run of "的的的…" would take exponential time)
_SPELLING = re.compile(rf"(?:{_SPELLING_PART}[,，、 和]*){{1,6}}")
_SPELLING_BRACKETS = re.compile(r"[(（]([^)）]{1,30})[)）]")
# "弓长张伟大的伟" typed straight after the name, without a pause: cut from the name's end.
_SPELLING_TAIL = re.compile(rf"(?:{_SPELLING_PART}){{1,4}}$")
# "张伟（本人）": who the name belongs to, said in brackets; no part of the name. Not who the bearer is to the speaker
# ("王芳（是我妈）", "王芳（我家老公）"): that says the name is someone else's, which matters where the speaker's own is
# asked, and is weighed there.
_ASIDE = re.compile(rf"(?!(?:是|就是|系)?(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE})(?:是|就是|系)?(?:我本人|本人|我自己|自己|我|申请人本人|申请人|法人|法定代表人|法人代表|先生|女士|签字|个体户|经营者|店主|业主|"
                    # "（赵强之子）": the written way of saying whose son
                    rf"(?:[\u4e00-\u9fff]{{2,4}}?|申请人|委托人)之(?:子|女|妻|夫|父|母|孙女|孙子|孙|侄|甥|兄|弟|姐|妹)|"
                    # "（郑州好味餐饮管理有限公司法定代表人）": the role, with the enterprise it is held in
                    rf"代办人|代理人|受托人|经办人|代办|代理|(?:身份证|证件)[\u4e00-\u9fff]{{0,8}}|"
                    rf"(?:(?:[\u4e00-\u9fff]{{2,40}}?{_ENTERPRISE_SUFFIX}|公司|企业|单位|店里|厂里)的?)?(?:{_OFFICER}|法人|法定代表人)(?:(?:兼|和|、|及)(?:{_OFFICER}|法人|法定代表人))*|"
                    rf"(?:他|她|申请人|老人|[\u4e00-\u9fff]{{2,4}}?)?(?:的)?{_RELATIVE}[\u4e00-\u9fff]{{0,2}})")


def _drop_spelling(text: str) -> str:
    return _SPELLING_BRACKETS.sub(
        lambda m: "" if _SPELLING.fullmatch(m.group(1).strip()) or _ASIDE.fullmatch(m.group(1).strip()) else m.group(0),
        text)


# A name spelled out character by character, as on the phone: each character told by a word it is written in ("道德的德",
# "国庆节的国庆", "赵钱孙李的赵"), by its radical ("言字旁那个谭", "草字头的萍"), by its parts ("弓长张", "三个石头的磊"),
# perhaps with the character said first ("谭是言字旁那个谭") or denied ("不是翻车的翻"). Told with no pause after the name
# ("马国庆马路的马国庆节的国庆"), each gloss is set apart as a clause of its own, and what it spells is checked against the
# name read. Only a word that holds the character it tells is such a gloss ("我妈的名字", "赵强的儿子" hold none); typed
# against the name, the word is the longest dictionary word that holds it (马路, not 国庆马路; 一帆风顺, not 帆风顺), or, in
# none, the longest run that starts with it (赵钱孙李).
_GLOSS_FORM = re.compile(
    r"(?:弓长|立早|木子|口天|耳东|双人|古月|草头|三横|言午|双木|人可|关耳|文刀|禾口)(?P<part>[张章李吴陈徐胡黄王许林何郑刘程])|"
    r"(?:[\u4e00-\u9fff]字(?:旁|头|底|边|框)|三点水|两点水|提手旁|单人旁|双人旁|竖心旁|绞丝旁|宝盖头|秃宝盖|走之底|走之旁|"
    r"耳刀旁|反犬旁|立刀旁|单耳旁|双耳旁|禾木旁|提土旁|四点底|反文旁|衣补旁|示补旁)(?:的|那个|那一个|这个)(?P<radical>[^\W\d_a-zA-Z字个那这的])|"
    r"[两二三四]个[\u4e00-\u9fff]{1,2}?(?:的|那个)(?P<count>[\u4e00-\u9fff])"
)
# Words that open no gloss word: pronouns, particles, the copula and negations ("我妈的妈妈", "是马路的马")
_GLOSS_WORD_START = re.compile(r"[我你您他她它俺咱的了是不没就也还在和与这那个吗呢吧啊呀]")


def _dictionary_word(word: str) -> bool:
    try:
        import jieba  # the general dictionary, as _common_word reads it
    except ImportError:  # pragma: no cover - jieba is a dependency of the actions
        return False
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0) > 0


def _gloss_spans(text: str) -> List[Tuple[int, int, str, bool]]:
    """(start, end, characters spelled, denied) of each gloss in ``text``, in order."""
    spans: List[Tuple[int, int, str, bool]] = []
    for m in _GLOSS_FORM.finditer(text):
        spans.append((m.start(), m.end(), m.group("part") or m.group("radical") or m.group("count"), False))
    by_form = set(spans)
    for i, char in enumerate(text):
        if char != "的" or any(s <= i < e for s, e, _, _ in spans):
            continue
        bound = max([e for s, e, _, _ in spans if e <= i] + [0])
        run = re.search(r"[\u4e00-\u9fff]*$", text[bound:i])
        bound = bound + run.start()
        lead = re.match(r"(?:(?:而|并)?不是|就是|是)", text[bound:i])
        # (best first: a dictionary word, the whole run before 的, a run that starts with the character; two characters
        # spelled before one at each)
        options: List[Tuple[int, int, str]] = []
        for size in (2, 1):
            spelled = text[i + 1: i + 1 + size]
            if len(spelled) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", spelled) or "的" in spelled:
                continue
            words = [text[k:i] for k in range(max(bound, i - 4), i - 1)
                     if spelled in text[k:i] and not _GLOSS_WORD_START.match(text[k])]
            delimited = [w for w in words if i - len(w) in (bound, bound + (lead.end() if lead else 0))]
            known = [w for w in words if _dictionary_word(w)]
            for tier, found in enumerate((known, delimited, [w for w in words if w.startswith(spelled)])):
                if found:
                    options.append((tier, -size, found[0]))
                    break
        if options:
            _, size, word = min(options)
            size = -size
            end = i + 1 + size + (1 if text[i + 1 + size: i + 2 + size] == "字" else 0)
            spans.append((i - len(word), end, text[i + 1: i + 1 + size], False))
        spans.sort()
    # A word's gloss ends where the next one starts, or where what is said ends: "店里的店员" (店员 a word going on) tells
    # nothing. (A gloss by the parts or the radical is one by its form, wherever it stands.)
    valid: List[Tuple[int, int, str, bool]] = []
    for start, end, spelled, denied in reversed(spans):
        after = text[end:].lstrip(" ")
        nxt = len(text) - len(after)
        if (start, end, spelled, denied) in by_form or not after or not re.match(r"[\u4e00-\u9fff]", after) \
                or _LAUGHTER.match(after) \
                or any(s <= nxt + 2 and s >= nxt for s, _, c, _ in valid) \
                or any(re.match(rf"{re.escape(c)}(?:就)?是", after) and s - nxt <= 3 for s, _, c, _ in valid):
            valid.append((start, end, spelled, denied))
    spans = sorted(valid)
    told = []
    for start, end, spelled, _ in spans:
        if told and start < told[-1][1]:
            continue
        before = text[:start]
        denial = re.search(r"(?:而|并)?不是$", before)
        said = re.search(rf"{re.escape(spelled)}(?:就)?是$", before) or re.search(r"(?:^|(?<=[^\u4e00-\u9fff]))(?:就)?是$", before)
        start = (denial or said).start() if (denial or said) else start
        if told and start < told[-1][1]:
            start = told[-1][1]
        told.append((start, end, spelled, bool(denial)))
    return told


def _glosses_set_apart(text: str) -> str:
    out, last = [], 0
    for start, end, _, _ in _gloss_spans(text):
        out.append(text[last:start].rstrip(" "))
        out.append(("，" if start and not re.match(r"[,，。.;；!！?？、…]", text[start - 1]) else "") + text[start:end])
        last = end
        rest = text[last:]
        if rest.strip(" ") and not re.match(r"\s*(?:[,，。.;；!！?？、…]|" + _LAUGHTER.pattern + ")", rest):
            out.append("，")
            last += len(rest) - len(rest.lstrip(" "))
    return "".join(out) + text[last:]


def _gloss_clause(clause: str) -> Optional[Tuple[str, bool]]:
    """(characters spelled, denied) when ``clause`` is one gloss and nothing else (laughter beside it aside)."""
    said = _LAUGHTER.sub("", clause).strip(" ~～!！。.")
    spans = _gloss_spans(said)
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(said):
        return spans[0][2], spans[0][3]
    return None


_AFFILIATION = re.compile(
    r"^(?:我是)?(?:我们|咱们|本)?[\u4e00-\u9fff]{0,30}?(?:(?:有限责任公司|股份有限公司|有限公司|公司|集团|单位|企业)(?:的)?|"
    # "好味餐饮的韩冬梅": the enterprise by its name cut short at the trade
    rf"(?:店|厂|店里|厂里)的|[\u4e00-\u9fff]{{1,10}}?{_TRADES}的)(?=[\u4e00-\u9fff]{{2,10}}$)"
)


def _clean_candidate(candidate: str) -> str:
    candidate = re.sub(r"^[^\u4e00-\u9fffA-Za-z0-9]+|[^\u4e00-\u9fffA-Za-z0-9()（）]+$", "", candidate)  # emoji, quotes
    # "公司王芳", "我是郑州好味餐饮管理有限公司的经理王芳": where the person works, then (their title and) the name
    affiliation = _AFFILIATION.match(candidate)
    if affiliation and not _as_enterprise(candidate):
        rest = _clean_candidate(candidate[affiliation.end():])
        if _as_person(rest, said=rest):
            return rest
    candidate = _RELATION_LEAD.sub("", candidate)
    candidate = _KIN_LEAD.sub("", candidate)
    candidate = _OCCUPATION_LEAD.sub("", candidate)
    candidate = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", candidate)  # "张 伟"
    candidate = re.sub(r"^(?:是|叫|为|就是|就)", "", candidate) if len(candidate) > 3 else candidate
    # "还是写彭磊", "就填王芳": what to write in the form, then the name (写 and 填 are no surnames)
    candidate = re.sub(r"^(?:还是|就|那就|那)?(?:写|填)(?:上|成)?(?=[\u4e00-\u9fff]{2,4}$)", "", candidate)
    # "是王芳", "名叫王芳", "本人王芳", "王芳本人": the copula, the verb of naming and 本人 beside a name are no part of it
    # ("胡春梅就是我本人": after 是 the 我本人 is the speaker named as the bearer, taken off whole as a trailer below)
    candidate = re.sub(r"^(?:是|叫|名叫|名字叫|名字是|名|本人)(?=[\u4e00-\u9fff]{2,4}$)|(?<=[\u4e00-\u9fff]{2})(?<!是)(?<!是我)(?:我)?本人$", "", candidate)
    # "法人就是我王芳": the pronoun in apposition to the name
    candidate = re.sub(_APPOSED_SELF, "", candidate)
    previous = None
    while previous != candidate:
        previous = candidate
        candidate = _NAME_TRAILER.sub("", candidate).strip(" :·")
    candidate = re.sub(r"^(.{2,4})\1+$", r"\1", candidate)  # "张伟张伟"
    # "王总王建国": how people address the bearer, then the full name
    addressed = re.fullmatch(r"([\u4e00-\u9fff])(?:总|工|董|经理|老板|主任|会计|老师|师傅)(\1[\u4e00-\u9fff]{1,2})", candidate)
    if addressed:
        candidate = addressed.group(2)
    # "王芳王总", "王芳王经理": the name, then how people address its bearer (the same surname)
    titled = re.fullmatch(r"(([\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}?)(\2[\u4e00-\u9fff]{1,3})", candidate)
    if titled and _FORM_OF_ADDRESS.match(titled.group(3)):
        candidate = titled.group(1)
    # "王强经理", "王强董事长"; "王芳是会计": the copula before the post goes with it, no character of the name
    officer = re.search(r"(?:(?<=[\u4e00-\u9fff]{2})(?:是|系))?" + _OFFICER + "$", candidate)
    if officer and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", candidate[: officer.start()]):
        candidate = candidate[: officer.start()]
    spelled = _SPELLING_TAIL.search(candidate)
    if spelled and _PERSON.fullmatch(candidate[: spelled.start()]):
        candidate = candidate[: spelled.start()]
    return candidate.replace("(", "（").replace(")", "）")


# A company is registered as 有限公司, 有限责任公司 or 股份有限公司: "好味餐饮公司" is a name cut short.
_SHORT_COMPANY = re.compile(r"^(?!.*(?:有限|股份)).*(?<!分)公司$")


# "我是开饭店的", "卖超市的": what someone does for a living, a verb before the kind of business with no name between
# them; a name stands there in a real one ("开元饭店": 开元 is its name).
_DOING_BUSINESS = re.compile(rf"^(?:开|卖|做|干|搞|经营|办|盘)了?(?:个|一个|一家|家|间|的)?{_ENTERPRISE_SUFFIX}$")


def _as_enterprise(candidate: str) -> Optional[str]:
    m = _ENTERPRISE.fullmatch(candidate.replace("（", "(").replace("）", ")"))
    if not m or _NOT_A_NAME.search(candidate) and not re.search(r"有限|公司", candidate):
        return None
    if _DOING_BUSINESS.match(candidate):
        return None
    if _SHORT_COMPANY.match(candidate):
        return None
    if re.match(r"^(?:我们|我|咱们|咱|你们|这个|那个|一个|一家|本)(?:的)?", candidate):
        return None
    return candidate.replace("(", "（").replace(")", "）")


# Given names are written with some characters that are also function words: 张和平, 王永和, 李太平, 郑在明, 马也.
# One such character after the surname is still a name; in the last place only those that end names (和, 太, 与),
# since "张伟在" is "Zhang Wei is here". Pronouns, particles and negations never are.
_GIVEN_NAME_ANYWHERE = "和太与"
_GIVEN_NAME_INSIDE = "在也都还"


def _given_name_with_function_char(candidate: str) -> bool:
    if "·" in candidate or not 2 <= len(candidate) <= 4:
        return False
    hits = [i for i, c in enumerate(candidate) if _NOT_A_NAME_CHARS.match(c)]
    if len(hits) != 1 or hits[0] == 0:
        return False
    char, last = candidate[hits[0]], hits[0] == len(candidate) - 1
    return char in _GIVEN_NAME_ANYWHERE or (char in _GIVEN_NAME_INSIDE and not last)


# Surnames: most Han names start with one of these (or with a compound surname). A word of the sentence that merely
# has the length of a name ("合伙人", "小本生意", "本店") starts with none of them. The list is a preference, not a
# gate: a rarer surname (笪, 仉, 逄, 綦…) is still a name where only a name can be meant (_rare_name).
# Characters that are mostly function words (都, 但, 由, 那, 来) are left out.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦卢麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢"
    "劳谌奚皮粟冼蔺楼满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋初门云容敬扈晁芮普阙"
    "浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於居揭干尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭"
    # the first syllables of Uyghur and Mongolian names, written without their middle dot (买买提, 努尔, 巴特尔, 其其格)
    "买迪阿努热古吐帕依再库玛其额布宝朝图格娜萨"
)
# Tibetan names have no surname; they are made of a few common given names (扎西顿珠, 才让卓玛).
_TIBETAN_NAME = re.compile(r"扎西|才让|次仁|达瓦|格桑|索朗|多吉|旦增|丹增|卓玛|央金|洛桑|尼玛|普布|拉巴|巴桑|德吉|平措|边巴|益西|顿珠|"
                           r"强巴|嘎玛|贡布|加措|嘉措|群培|白玛|仁增|桑杰|曲珍|拉姆|措姆|次旦|阿旺|罗布|泽仁|扎巴|土登|群宗")


def _has_surname(candidate: str) -> bool:
    return "·" in candidate or bool(_COMPOUND_SURNAME.match(candidate) or _TIBETAN_NAME.match(candidate)) \
        or candidate[:1] in _SURNAMES


# A name without a known surname is taken only where nothing but a name can be meant, and only when it cannot be one
# of the words said there instead: a role or occupation (合伙人, 店主, 本店老板, 股东, 会计), a word led by a pronoun or
# a determiner (本店, 本人, 该公司, 某某), how people are addressed (小笪, 老笪头), a word of the everyday language
# (物业, 收到, 外卖, 低保户), or what someone does ("我是开饭店的"). The rest is a person (笪秀兰, 仉晓东, 綦凯).
# A role said where a name is asked ends in one of these, whatever its first character (司机, 商户, 文员, 车主);
# without a known surname, any word ending in 人, 主 or 板 is one too (合伙人, 负责人, 小老板).
_ROLE_END = re.compile(
    r"[员户]$|^.[人主板]$|(?:股东|房东|东家|[店厂队站村社校院局科处所组班部行]长|[老律医厨技导牧教讲法]师|会计|统计|设计|经理|助理|"
    r"代理|老总|总监|主管|掌柜|董事|监事|干部|职工|工人|师傅|伙计|保安|保姆|司机|老大)$"
)
# First characters of no name: pronouns and determiners, an ordinal (第), a wait (等会, 刚来), a form of address
# (小笪, 老笪头), or the copula or verb of naming left before a surname said alone ("副总是李": 是李, "叫王": 叫王).
_DETERMINER_START = re.compile(r"^[本该某每各此其咱俺您我你他她它这那谁哪啥第等刚小老大再又还也就才先都是叫为]")  # (再改: "then change it")
# "开饭店的", "卖水果的": what someone does, not a name
_STATEMENT_END = re.compile(r"的[啊呀吧哈呢哦噢嘛啦呗嘞咯喽]*[^\u4e00-\u9fff]*$")
_INTERJECTION = re.compile(r"[嘞哈哦噢嗯喔咯哟呐呵嘿哇咧噻撒唉哎嗨]")
# A word of the general dictionary at least this frequent is a word of the language, not a rare name; a very
# frequent character before such a word makes a phrase of it (开+饭店, 卖+水果), not a surname before a given name.
_COMMON_WORD_FREQ = 10
_COMMON_CHAR_FREQ = 5000


def _common_word(word: str) -> bool:
    try:
        import jieba  # the general dictionary, loaded once per process (actions.discovery uses it too)
    except ImportError:  # pragma: no cover - jieba is a dependency of the actions
        return False
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    return freq.get(word, 0) >= _COMMON_WORD_FREQ or (
        len(word) == 3 and freq.get(word[1:], 0) >= _COMMON_WORD_FREQ and freq.get(word[0], 0) >= _COMMON_CHAR_FREQ)


def _rare_name(candidate: str, said: str) -> bool:
    """A two- or three-character name whose surname is not in _SURNAMES, said as ``said`` where a name is asked."""
    return (2 <= len(candidate) <= 3 and not _DETERMINER_START.match(candidate) and not re.search(r"[人主板]$", candidate)
            and not _INTERJECTION.search(candidate) and not _STATEMENT_END.search(said) and not _common_word(candidate))


def _as_person(candidate: str, said: Optional[str] = None) -> Optional[str]:
    """``candidate`` as a person's name, or None. ``said`` is given where only a name can be meant (the whole answer,
    the words after a name lead-in): there a name without a known surname is taken too (_rare_name)."""
    candidate = re.sub(r"[•・]", "·", candidate)
    if not _PERSON.fullmatch(candidate) or _FORM_OF_ADDRESS.match(candidate) or _TRADE_END.search(candidate):
        return None
    if not _has_surname(candidate) and (said is None or not _rare_name(candidate, said)):
        return None
    if re.search(_OFFICER + "$", candidate) or _RELATION_END.search(candidate) or _ROLE_END.search(candidate) \
            or _WHOSE_RELATIVE_END.search(candidate) \
            or re.fullmatch(rf"(?:外|表|堂|干|亲)?{_RELATIVE}(?:儿子|女儿|儿|子|女)?", candidate) \
            or re.fullmatch(r"(?:大|小|二|三)?([爸妈爷奶哥姐弟妹叔伯舅姨姑婶公婆])\1", candidate) \
            or re.fullmatch(r"([\u4e00-\u9fff])\1", candidate) \
            or re.match(r"(?:董事长|董事|总经理|经理|监事|股东|厂长|店长|会计|出纳)", candidate) or candidate.endswith("兼"):
        # ("毛毛", "冬冬": one character said twice is a pet name, even where that character is a surname; "王丽丽" is a name)
        # ("董事长兼…", "董事": a post cut off before the role it is held with starts with a surname's character, 董, and
        # is still a post)
        return None
    # A transliterated name (迪丽娜尔·阿不都) is written with whatever characters carry its sounds, 不 and 都
    # among them; only pronouns and particles still show it is a sentence.
    not_a_name_chars = _NOT_A_NAME_CHARS_TRANSLITERATED if "·" in candidate else _NOT_A_NAME_CHARS
    if _NOT_A_NAME.search(candidate):
        return None
    if not_a_name_chars.search(candidate) and not _given_name_with_function_char(candidate):
        return None
    return candidate


# "赵强之女": someone named by whose relative they are, in the written way; no name of their own
_WHOSE_RELATIVE_END = re.compile(r"之(?:侄子|侄女|孙子|孙女|子|女|妻|夫|侄|甥|孙|兄|弟|姐|妹)$")


# Who the name belongs to, said before a lead-in such as 叫: "我妈叫…", "他的名字叫…", "我大名叫…".
_WHOSE_NAME = re.compile(rf"(?:(?:我|俺|咱|他|她)(?:的|家)?)?(?:{_RELATIVE})?(?:的)?(?:大名|全名|真名|名字|姓名)?(?:就|也|便)?")


def _name_candidates(clause: str) -> List[Tuple[str, str, str]]:
    """(name, kind, role) found in one clause: a lead-in names the role, a bare clause is generic."""
    found: List[Tuple[str, str, str]] = []
    if re.match(r"^(?:不是|并不是|不叫)", clause):  # "不是张伟，是张玮": the name denied is no answer
        return found
    m = _IN_CHARGE.match(clause)
    if m:
        name = _as_person(_clean_candidate(m.group("name")), said=m.group("name"))
        runs_it = m.group("business") and m.group("self") and not m.group("side") and not m.group("errand")
        if name:
            found.append((name, "person", "runs_business" if runs_it else "contact"))
        return found
    m = _NAME_THEN_ROLE.match(clause)
    if m:
        said = m.group(1)
        name = _as_person(_clean_candidate(said), said=said) or _as_enterprise(_clean_candidate(said))
        if name:
            found.append((name, "person" if _as_person(name, said=said) else "enterprise", _ROLE_OF[m.group(2)]))
            return found
    for lead, role in _NAME_LEADS:
        for m in lead.finditer(clause):
            rest = _clean_candidate(clause[m.end():])
            if not rest or (re.fullmatch(_ON_THE_DOCUMENT, m.group(0)) and _common_word(rest)):
                continue
            # "郑州好味餐饮管理有限公司法人王强": the enterprise before the role is the applicant.
            before = _as_enterprise(_clean_candidate(clause[: m.start()])) if m.start() > 0 else None
            if before and role != "applicant":
                found.append((before, "enterprise", "applicant"))
            enterprise = _as_enterprise(rest)
            if enterprise:
                found.append((enterprise, "enterprise", role))
                return found
            # a name without a known surname after a lead-in said anywhere ("我在叫外卖") only when the lead-in
            # starts the clause or follows whose name it is ("我妈叫笪秀兰")
            said = clause[m.end():] if role != "generic" or _WHOSE_NAME.fullmatch(clause[: m.start()]) else None
            person = _as_person(rest, said=said)
            if person:
                found.append((person, "person", role))
                return found
    whole = _clean_candidate(clause)
    enterprise = _as_enterprise(whole)
    if enterprise:
        found.append((enterprise, "enterprise", "generic"))
        return found
    person = _as_person(whole)
    if person:
        found.append((person, "person", "generic"))
        return found
    # The whole answer a name without a known surname ("笪秀兰"): it ranks after any name with one ("bare").
    person = _as_person(whole, said=clause)
    if person:
        found.append((person, "person", "bare"))
        return found
    # An enterprise name inside a longer sentence ("帮郑州好味餐饮管理有限公司办").
    for m in _ENTERPRISE.finditer(clause):
        enterprise = _as_enterprise(_clean_candidate(re.sub(r"^.*?(?:帮|替|给|为|代|是|叫)", "", m.group(0))))
        if enterprise:
            found.append((enterprise, "enterprise", "generic"))
    return found


# "我是会计", "俺是店里的店员": the speaker's post, a staff post that is not the representative's (no 兼 after it)
_STAFF_POST_SAID = (r"(?:我|俺|本人)(?:就|只|只是|就是)?(?:是|系)(?:公司|单位|店里|厂里|我们公司|咱们公司|我们店|这边|这里)?(?:的)?"
                    r"(?:会计|出纳|财务|店员|员工|职员|文员|秘书|助理|前台|收银员?|服务员|销售|业务员|司机|行政|人事|办事员|"
                    r"打工的|跑腿的|伙计|小工)(?:啊|呀|哈|嘛|哦|啦|而已)?")
# Posts of the enterprise's staff, none of them one the legal representative holds as such: said of the speaker
# ("我是公司的会计，叫王芳", "我是公司出纳王芳") or as the title of the one named ("财务王芳", "王芳主任", "王芳（经办人）"), they
# name someone who acts for the enterprise (a proxy, with its special authorisation), not the person who commits in its
# name. The officers the law lets represent it (董事长, 执行董事, 经理), its 负责人 and its 老板 are no such posts.
# (a store's manager, 店长, runs one shop, not the enterprise; an ordinary director, 董事, sits on the board, which names the
# chairman; 老板娘 is the owner's wife as often as a woman who owns the business, so which one is open: none of them is the
# legal representative as such)
_STAFF_POST = (r"(?:会计|出纳|财务|店员|员工|职员|文员|秘书|助理|前台|收银员?|服务员|销售|业务员|司机|行政|人事|法务|办事员|专员|"
               r"实习生|主任|主管|经办人|联系人|代办人|副?店长|领班|老板娘|(?<!执行)(?<!独立)董事(?!长|会))")
# "我是公司出纳王芳", "本人系郑州好味餐饮管理有限公司的会计", "我在店里当收银": the speaker's own post ("我是会计兼法人" claims
# the role besides, and "我是行政总裁" is the chief executive: neither is a staff post)
_SPEAKER_STAFF_POST = re.compile(
    r"(?:我|俺|本人)(?:就|只|只是|就是)?(?:(?:是|系)(?:[\u4e00-\u9fff]{0,30}?(?:公司|单位|店|厂|店里|厂里|这边|这里))?|"
    r"在[\u4e00-\u9fff]{0,30}?(?:公司|单位|店|厂|店里|厂里|这边|这里)(?:当|做|干))(?:的)?" + _STAFF_POST + r"(?!兼|总裁)" +
    # "联系人是我", "经办人就是我本人": the post said first and the speaker named as its holder, the same said the other
    # way round ("联系人是我老婆" names a relative, read elsewhere; "法人是我" is no staff post)
    r"|(?<![\u4e00-\u9fff])(?:公司|单位|店里|厂里|我们公司|咱们公司|我们店|这边)?(?:的)?" + _STAFF_POST + r"(?:也|就)?(?:是|为)(?:我|俺)(?:本人|自己)?(?![\u4e00-\u9fff])")
# "我是会计，也是法人", "我是出纳，兼公司负责人": the speaker claims the role as well, beside the post ("也是老板的秘书",
# "也是老板娘" claim nothing)
_ROLE_ALSO_CLAIMED = re.compile(r"(?:兼|兼任|也是|又是|同时是|同时也是|同时兼)(?:公司的?|企业的?)?"
                                r"(?:法人|法定代表人|法人代表|负责人|老板)(?!的|娘)")


def _staff_titled(text: str, name: str) -> bool:
    """``name`` said with a staff post as its title, before it ("财务王芳", "出纳是王芳") or after it ("王芳主任",
    "王芳，经办人", "王芳是会计"). A post said of another ("王芳，会计是李红") or denied ("王芳，不是会计") is no title."""
    n = re.escape(name)
    if re.search(rf"{_STAFF_POST}(?:是|为|叫|:)?{n}|{n}[\s,，、(（]*(?:是|系|为)?(?:公司|我们公司|本公司|单位|店里|厂里)?"
                 rf"(?:的)?{_STAFF_POST}(?![是叫为系兼])", text):
        return True
    # "写张伟吧，他是我们店长", "王芳，她是店里的会计": the one named, then said (as he or she, or by the name again) to hold a
    # staff post in the speaker's business; unless the role is claimed for them besides ("他是店长，也是法人"). A post
    # denied ("他不是会计"), said of someone else ("他老婆是会计") or as whose ("他是会计的老公") is no title.
    return bool(re.search(rf"{n}(?:吧|啊|呀|哈|嘛)?[\s,，、。.!！…~～]*(?:他|她|{n})?(?:就|只|只是|就是|也|现在|目前|平时)?"
                          rf"(?:是|系|当|做|任|担任)(?:我们|咱们|俺们|咱|我|俺)?(?:的)?(?:这|这个|这家)?"
                          rf"(?:公司|单位|店|店里|厂|厂里|饭店|餐厅|门店|分店)?(?:的)?{_STAFF_POST}(?![是叫为系兼的])", text)) \
        and not _ROLE_ALSO_CLAIMED.search(text)


# Posts of an enterprise's officers and owners that are not the legal representative's by the post: the law gives
# that role to the chairman (董事长), the executive director (执行董事) or the manager (经理, 总经理) only. Never read
# (_NEVER_POST): a supervisor (监事, who may not be a director or manager at once, so "我是监事兼法人" is no possible claim) and a
# deputy (副总, 副总经理, 副经理: "我是副总，法人是我" contradicts itself), asked again whatever is claimed beside them.
# Read only beside a claim: a department head (总监) or a shareholder (股东, 大股东, 唯一股东), who may hold the role besides: asked
# again unless the role is claimed in so many words ("公司就我一个股东，法人也是我"). 总经理, 经理, 董事长, 执行董事, 老板 and
# 负责人 are no such posts and stay read; 股东会, 监事会 (the bodies) and 副总经理's own 总经理 are not read as posts held.
_NEVER_POST = r"(?:监事(?:会主席|长)?|副总经理|副总裁|副经理|副总(?!经理|裁))"
_OFFICER_POST = (rf"(?:{_NEVER_POST}|(?:(?![不没非兼是法])[\u4e00-\u9fff]){{0,2}}?(?:总监|股东))(?!会(?!主席))")
# "我是监事", "本人系公司副总", "我是这家公司的唯一股东", "我在公司当副总", "我担任监事": the speaker's own post ("我不是
# 股东", "我要是股东就好了" are not; "我是法人，不是股东" holds none)
_SPEAKER_OFFICER_POST = re.compile(
    r"(?:我|俺|本人)(?:就|只|只是|就是|也|还|现在|目前)?(?:(?:是|系|任|担任)(?:(?:(?![不没非兼法])[\u4e00-\u9fff]){0,30}?"
    r"(?:公司|单位|店|厂|企业|店里|厂里|这边|这里))?|"
    r"在[\u4e00-\u9fff]{0,30}?(?:公司|单位|店|厂|店里|厂里|这边|这里)(?:当|做|干|任))(?:的)?" + _OFFICER_POST)


def _officer_titled(text: str, name: str) -> Optional[re.Match]:
    """``name`` said with an officer's post of ``_OFFICER_POST`` as its title, before it ("监事王芳", "副总是王芳") or
    after it ("王芳（监事）", "王芳，副总", "王芳是股东"). A post said of another ("王芳，监事是李红") or denied ("王芳，不是
    监事") is no title; "王芳，股东兼法人" claims the role beside the post."""
    n = re.escape(name)
    return re.search(rf"{_OFFICER_POST}(?:是|为|叫|:)?{n}|{n}[\s,，、(（]*(?:是|系|为)?(?:公司|我们公司|本公司|单位|店里|厂里)?"
                     rf"(?:的)?(?:{_NEVER_POST}(?![是叫为系])|{_OFFICER_POST}(?![是叫为系兼]))", text)


# "法人是李建国", "老板叫李强": the representative named by the role, as a person other than "我"
_ROLE_NAMED = r"(?:法人|法定代表人|法人代表|老板|老总)(?:的名字)?(?:是|叫|为|名叫)(?![我俺])"
_NOT_THE_REPRESENTATIVE = re.compile(
    r"我不是(?:公司的?|企业的?|单位的?)?(?:法人|法定代表人|法人代表)|(?:替|帮|代)(?:他|她|老板|领导|法人|我们老板|我们领导|"
    # ("俺是替俺妈来的": for someone the speaker knows)
    rf"(?:我|俺|咱)(?:们)?(?:的|家)?{_RELATIVE})"
    # ("我替她弄", "帮她填", "帮她打字", "替俺妈来的": the speaker does it for the representative, who is someone else;
    # "我替他打的电话": the call itself made for them)
    r"(?:(?:来|过来|跑)?(?:办|跑|申请|签|弄|填|搞|整|操作|提交|交|打字)|(?:来|过来)(?:的|了)|打(?:的|了|个|这个)?电话)|"
    r"(?:让|叫|派|委托|安排)我(?:来|过来)?(?:帮忙|帮个忙|帮她|帮他)?(?:办|跑|申请|弄|填|签|交)|"
    # "……哦不对，上个月变更成我老公李建国了": the role changed to, or now held by, someone the speaker knows
    rf"(?:变更|换|改|变)(?:成|为)(?:了)?(?:我|俺|咱)(?:的|家)?{_RELATIVE}|(?:现在|目前|如今)(?:是|为)(?:我|俺|咱)(?:的|家)?{_RELATIVE}|"
    r"(?:法人|法定代表人|老板|领导|老总|他|她)(?:让|叫|派|委托|安排)我(?:来|过来)|"
    # "法人是我，王芳，我老公来办", "让我儿子替我过来签": someone the speaker knows comes to do it in their stead, and
    # acts for the representative (a proxy). Only the relative as the one who comes to do the matter, at the start of
    # a clause or after 让/由/叫: "我老公陪我来" (he comes along), "我和我老公一起来办" (the speaker comes too), "我老公
    # 开车送我来" and "我自己来办" are read as said
    rf"(?:^|[\s,，。.!！~～]|让|由|叫)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?"
    r"(?:替我|帮我|代我)?(?:会|要|就|明天|后天|到时候?)?(?:来|过来|去)(?:办|跑|签|签字|弄|填|交|提交|申请|操作|承诺)|"
    # "法人不是我，是王芳", "不是我，是王芳": the speaker says they are not the person asked for
    r"(?:^|[,，?？]|法人|法定代表人|法人代表)(?:不是|并不是|并非)(?:我|俺)(?:本人|自己)?(?![\u4e00-\u9fff])|"
    # "他叫王芳", "法人是他，王芳": the one named is spoken of as someone else, he or she
    r"(?:^|[\s,，?？])(?:他|她)(?:的)?(?:叫|名叫|名字叫|名字是|大名|全名)|"
    r"(?:法人|法定代表人|法人代表)(?:就)?(?:是|为)(?:他|她)(?![\u4e00-\u9fff])|"
    # "老板叫王强，法人是他妈": the role said to be held by a relative of the one named, so not by that person
    rf"(?:法人|法定代表人|法人代表)(?:其实|倒|却)?(?:是|为)(?:他|她)(?:的)?{_RELATIVE}(?=$|[\s,，。.!！])|"
    # "我是股东，不是法人": the same with the subject left out, a clause of its own that ends with the role ("不是法人的
    # 老婆" says something else, and "不是法人吗" asks)
    r"(?:^|[\s,，])(?:但|可)?(?:并)?(?:不是|并非)(?:公司的?|企业的?|单位的?)?(?:法人|法定代表人|法人代表)(?:啊|呀|哈|嘛)?"
    r"(?=$|[\s,，。.!！~～])|"
    # "是我老头子的名字，他叫李满仓": the name given is said to be a relative's, so the speaker is not its bearer
    # ("写我老婆的名字：王芳": the relative's name is what is to be written)
    rf"(?:^|[\s,，?？])(?:这|那|这个|那个)?(?:是|就是|写的是|登记的是|用的是|写|填|写上|填上)?(?:我|俺|咱)(?:的|家)?{_RELATIVE}"
    r"(?:子|儿)?的(?:名字|姓名|大名)|"
    rf"^(?:我|俺|咱)(?:的|家)?{_RELATIVE}[\u4e00-\u9fff]{{0,4}}?(?:是|为|当)(?:公司的?)?(?:法人|法定代表人|法人代表)|"
    r"我是(?:他|她|法人|老板|领导)(?:的)?(?:秘书|助理|员工|会计|出纳|司机|同事|下属|朋友|亲戚|家属|儿子|女儿|爱人|老婆|老公|"
    r"经办人|代办人|代理人)|"
    # "我是会计，法人是李建国", "老板叫李强，俺是店里的店员": the speaker's own post, said as a clause of its own, is a staff
    # post, and the representative is named in another clause by the role: the one named is someone else than the
    # speaker, who acts for them. Only a staff post ending the clause, beside the role named: "我是法人", "我是老板",
    # "我是董事长兼法人", "我是会计兼法人" (the role claimed) and "我是公司的会计，叫王芳" (the speaker's own name, with no
    # role named) are read as said.
    rf"(?:^|[\s,，?？]){_STAFF_POST_SAID}[\s,，。.!！~～].*{_ROLE_NAMED}|{_ROLE_NAMED}.*[\s,，。.!！~～?？]{_STAFF_POST_SAID}"
    r"(?=$|[\s,，。.!！~～])|"
    # "王芳是法人的秘书", "她是老板的侄女": whoever the answer is about works for, or is kin to, the representative
    rf"(?:是|系)(?:我们|咱们|俺们|我们公司|公司|我|俺)?(?:的)?(?:(?:法人|法定代表人|法人代表)的?|(?:老板|领导)的)(?!老板|领导)"
    rf"(?:秘书|助理|员工|会计|出纳|司机|同事|下属|家属|{_RELATIVE})|"
    # "法人是王芳，回去重新选代办": the speaker turns to the proxy's way, so is not the representative
    r"(?<![不没别])(?<!不用)(?<!不要)(?<!不必)(?<!无需)(?<!不需要)(?:选|选择|走|改成|改选|换成)(?:代办|代理)(?![吗么?？])|"
    # "我没说我是法人": the speaker disowns the claim to be the representative
    r"(?:我|俺)(?:可|又|也|从|从来|根本)?(?:没|没有)(?:说|讲)(?:过)?(?:我|俺)(?:就)?是(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表)|"
    # "我是受托人，法人是王芳", "本人系受托人王丽": the speaker acts under an authorisation
    r"(?:我|俺|本人)(?:是|系|为|作为)(?:公司的?|企业的?|法人的?|老板的?)?(?:受托人|代理人|被委托人|代办人)|"
    # "法人是我老公": the representative is someone the speaker knows, so the speaker is not that person
    # ("营业执照上法人写的是 写的是 我老伴": the same, said slowly with the words repeated)
    # ("法人写我老婆": the relative is what is to be written for the role)
    rf"(?:法人|法定代表人|法人代表)[^。;；]{{0,12}}?(?:是|为|写的|写着|(?:写|填)(?:上|成)?)[\s,，]*(?:我|俺|咱)(?:们)?(?:的|家)?{_RELATIVE}|"
    # ("法人：我岳父孙德胜", "法人我舅舅孙德胜": the same as a form is filled in, the relative right after the role; a
    # lone 孙 there is the surname of the speaker's own name, "法定代表人：我 孙德胜", not a grandchild)
    rf"(?:法人|法定代表人|法人代表)(?:的)?(?:姓名|名字)?[:：\s]*(?:我|俺|咱)(?:的|家)?(?!孙(?![子女]))"
    rf"{_RELATIVE}|"
    # "……不对，是我老公李强": the corrected answer names the speaker's relative
    rf"^(?:是|就是)?(?:我|俺|咱)(?:的|家)?{_RELATIVE}[\u4e00-\u9fff]{{2,4}}$|"
    # "王芳 我妈", "王芳，是俺老伴": the name, then who the bearer is to the speaker; "我老婆，宋佳怡", "我老婆 还能是谁
    # 宋佳怡", "那写我老婆：王芳": the same said first, a clause of its own (or a label) before the name
    rf"(?:^|[\s,，?？])(?:那)?(?:是|就是|写|填|写上|填上)?(?:我|俺|咱)(?:的|家)?{_RELATIVE}(?:的)?(?:啊|呀|哈|嘛|呗)?"
    r"(?=$|[\s,，。.!！~～?？:：])|"
    # "张伟是我老公", "王芳是俺舅妈": the same without the pause, anywhere in the answer (_KIN_TAGGED sets such a
    # clause aside first where the speaker claims the role as their own)
    rf"(?<=[\u4e00-\u9fff])(?:是|就是)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?(?:{_RELATIVE})+儿?(?:的)?"
    r"(?=$|[\s,，。.!！~～])"
)
# "好的，我老婆刘敏": a clause of its own naming the speaker's relative, wherever it stands in the answer
_KIN_NAMED = re.compile(rf"(?:是|就是)?(?:我|俺|咱)(?:的|家)?{_RELATIVE}([\u4e00-\u9fff]{{2,4}})")
# "张伟是我老公": a clause naming someone as the speaker's relative, the name first
_KIN_TAGGED = re.compile(rf"([\u4e00-\u9fff·]{{2,4}}?)(?:是|就是)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?(?:{_RELATIVE})+儿?"
                         r"(?:啊|呀|哈|嘛)?")
# "我爸王强", "我妈叫李红", "申请人是我老婆王芳", "申请人是我妈", "是我爸": a clause of its own naming the speaker's
# relative as the one asked for (group "name" the name given them, if any); read for one acting for themself
_KIN_AS_APPLICANT = re.compile(
    r"(?:(?:申请人|申请的人|办事的人|要办的人|办的人|委托人|法人|法定代表人|名字|姓名)(?:的名字|的姓名)?(?:是|就是|为|叫)?[:：]?)?"
    rf"(?:是|就是)?(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?(?:的名字|的姓名|的大名)?"
    r"(?:是|叫|名叫|就叫|[:：])?(?P<name>[\u4e00-\u9fff·]{2,4}?)?(?:啊|呀|哈|嘛|呗)?")
# "帮我爸办", "替我妈来申请的": the speaker does the matter for a relative
_FOR_KIN = re.compile(rf"(?:我|俺)?(?:是|就是)?(?:帮|替|代|给|为)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?"
                      r"(?:来|过来)?(?:办|办理|申请|弄|跑)(?:的|了|啊|呀)?")
# "…不是，那是我弟弟": the one just named said to be the speaker's relative, pointed back at with 那/这
_THAT_WAS_KIN = re.compile(rf"(?:那|这)(?:个)?(?:是|就是)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?(?:{_RELATIVE})+儿?"
                           r"(?:的)?(?:名字|姓名)?(?:啊|呀|哈|嘛)?")
# "不是我老伴", "法人不是我爸": a relative of the speaker denied the role, a clause of its own naming no one
# ("营业执照上法人不是我老婆": where the role is written, said before it as the claim may say it)
_KIN_DENIED = re.compile(rf"(?:(?:营业执照上|执照上)?(?:的)?(?:法人|法定代表人|法人代表)(?:登记的|写的|注册的)?(?:也)?)?(?:不是|并不是|并非)(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?"
                         rf"(?:{_RELATIVE})+儿?(?:啊|呀|哈|嘛)?")
# "店是她管", "店里平时是他在打理": the shop said to be minded by "her" or "him", a clause of its own naming no one (not
# 负责 or 经营: the one in charge, the operator, is the representative of a small business)
_KIN_MINDS_SHOP = re.compile(r"(?:店|店里|店面|铺子|生意|买卖)(?:的事)?(?:平时|主要|一直|都|其实)?(?:是)?(?:她|他)(?:在)?"
                             r"(?:管|管着|打理|照看|看着|张罗)(?:的)?(?:啊|呀|哈|嘛)?")
# "是我", "就是我本人": the speaker named as the one asked for, a clause of its own
_SELF_CLAIMED = re.compile(r"(?:是|就是)(?:我|俺)(?:本人|自己)?(?:啊|呀|哈|嘛)?")
# "法人登记的是我", "我就是法人": the speaker claims the role as their own, and nothing else
# ("执照上写的是我": the one person a business licence names is its representative or operator; "法定代表人就我一个": the
# role said to be the speaker's alone)
_ROLE_CLAIMED = re.compile(r"(?:营业执照上|执照上)?(?:的)?(?:法定代表人|法人代表|法人)(?:登记的|写的|注册的|登记|写)?(?:就|也)?(?:是|为)"
                           r"(?:(?:我|俺)(?:本人|自己)?|本人)(?:啊|呀|哈|呢|嘛)?|"
                           r"(?:营业执照上|执照上)(?:写的|登记的|印的)(?:就|也)?是(?:我|俺)(?:本人|自己)?(?:啊|呀|哈|呢|嘛)?|"
                           r"(?:法定代表人|法人代表|法人)(?:就|只有|就只有)(?:我|俺)(?:本人|自己)?(?:一个人|一个|一人)?(?:啊|呀|哈|呢|嘛)?|"
                           r"(?:我|俺)(?:就)?是(?:公司|企业|单位|我们公司|本公司)?的?(?:法人|法定代表人|法人代表)")
# "法人是我不是我哥", "法人不是我哥是我": the claim of the role and a relative denied it, said in one breath with no pause
# between; read as the two clauses they are (group "claim", the rest the denial)
_CLAIM_BESIDE_KIN_DENIED = re.compile(
    rf"(?P<claim>{_ROLE_CLAIMED.pattern}|{_SELF_CLAIMED.pattern})(?:{_KIN_DENIED.pattern})|"
    rf"(?:{_KIN_DENIED.pattern})(?P<late>{_ROLE_CLAIMED.pattern}|{_SELF_CLAIMED.pattern})")
# ("法人是谁我得问问老板": the name still to be asked of someone)
_UNKNOWN_NAME = re.compile(r"不知道|不清楚|不记得|记不得|记不清|忘了|想不起|说不上来|叫不上来|(?:得|要|还得|需要|回去|去)问(?:问|一下)|"
                           # "我问问他全名叫啥", "俺回头问下老板名字": the name still to be asked of someone else (not of
                           # us: "我问问你名字咋写" asks)
                           r"(?:我|俺)(?:先|再|回头|待会儿?|等会儿?|一会儿?)?问(?:问|一下|下)(?![你您])[\u4e00-\u9fff]{1,5}?(?:的)?"
                           r"(?:全名|名字|姓名|大名|叫啥|叫什么)|"
                           # "名字稍后补", "回头再告诉你": the name promised for later is not given
                           r"(?:稍后|回头|晚点|晚些|等会儿?|待会儿?|改天|之后|以后)(?:再)?(?:补|发|告诉|说|填|给|提供)|"
                           # "法人是杨，杨什么来着": still recalling it, and nothing said after
                           r"(?<![是叫])(?:什么|啥)来着[?？]*$|"
                           # "老板是谁我也想知道": the question handed back, the speaker no wiser (also: too), no question
                           # put to the office ("我想知道为什么要填" asks one)
                           r"(?:是谁|叫啥|叫什么|是哪个|是哪位)(?:呢)?[,，\s]*(?:我|俺)(?:也|还)想知道|(?:我|俺)也想知道(?:他|她|法人|老板|这人)?"
                           r"(?:是谁|叫啥|叫什么|是哪个|是哪位)")
# Where to reach the speaker, said beside the name ("有啥问题打我电话", "电话："): the number itself is taken out before.
_CONTACT_REMARK = re.compile(r"(?:有(?:啥|什么)?(?:问题|事|事情|事儿)?(?:的话)?(?:就|可以|请)?(?:打|拨|给|找|联系)(?:我|俺)(?:的)?"
                             r"(?:电话|手机)?(?:号)?|(?:我的?|俺的?)?(?:电话|手机|手机号|联系电话|联系方式)(?:是|为|:)?)")
_ECHO = re.compile(
    r"(?:我的|申请人|申请人的|公司|单位|企业|代理人|代办人)?的?(?:名字|姓名|全名|名称|法人代表|法定代表人|法人|叫什么|代理人|代办人)"
    r"(?:是谁|是哪个|叫啥|叫什么|是什么)?(?:是吗|吗|啊|呀)?[?]+"
)


# Which role a step asks for, best first. The speaker is the applicant only when acting for themself.
def _roles(step: str, ctx: Context) -> Tuple[str, ...]:
    # "contact": named as the one to deal with ("联系人：王芳", "王芳负责"), asked only of those who act
    # "bare": the whole answer a name without a known surname; a name with one, said beside it, is preferred
    # "runs_business": the speaker in charge of the shop or company itself ("店里是我王芳负责")
    if step == "agent_name":
        return ("agent", "errand", "speaker", "generic", "bare", "contact", "runs_business")
    if step == "representative_name":
        # The name is recorded as the legal representative's, who makes the commitment in the enterprise's name: one
        # named as the 经办人 or the 联系人, or as handling this matter ("这事王芳负责"), holds another role, and is
        # asked again (someone acting for the enterprise is a proxy, with its special authorisation). The 负责人 of a
        # business (its legal equivalent for a sole proprietor or a branch) is read, as the speaker running it is.
        return ("representative", "speaker", "runs_business", "generic", "bare")
    if ctx.acting_as == "proxy":
        return ("applicant", "generic", "bare")
    return ("applicant", "speaker", "generic", "bare", "representative")


_NUMBERS = re.compile(r"[0-9A-Za-z][0-9A-Za-z\- ]{6,}[0-9A-Za-z]")
# "不是股东里随便哪个", "并不是随便谁": any one of a group denied, a clause of its own (asked, "不是随便哪个吗", it is no
# denial; "随便哪个都行" leaves the answer open, and is a hedge)
_ANY_ONE_DENIED = re.compile(r"(?:也|又|可|并)?(?:不是|并不是|并非)(?:[\u4e00-\u9fff]{1,6}?(?:里|中|当中|之中|里面|里头)(?:的)?)?"
                             r"随便(?:哪个|哪一个|哪位|谁|一个)(?:人)?(?:啊|呀|哈|嘛)?")


def _read_name(step: str, text: str, ctx: Context) -> Reading:
    expected = {"agent_name": EXPECT_NAME, "representative_name": EXPECT_REPRESENTATIVE}.get(step)
    if expected is None:
        enterprise = ctx.applicant_kind == "enterprise" or ctx.item_kind == "license"
        expected = EXPECT_ENTERPRISE if enterprise else EXPECT_NAME
    number = (ids.extract_uscc(text) or ids.extract_resident_id(text)) if step != "agent_name" else None
    number = number or ids.extract_resident_id(text)
    words = _NUMBERS.sub("，", ids.normalize(text))
    # "刘洋(410105…)", "刘洋 ID:410105…": what is left of a number taken out is no part of the name
    words = re.sub(r"(?i)(?<![a-z])(?:id|no)\s*[:：]?\s*(?=，)", "", words)
    # "刘洋（男，身份证410105…）": what is left in brackets once the number is out, sex and age beside it
    # "白雪松（承诺书由我以企业名义作出）": the question's own remark on the commitment echoed beside the name
    words = re.sub(r"[(（][^)）]{0,30}承诺[^)）]{0,30}[)）]", "", words)
    # "（身份证尾号1234）", "（营业执照上的名字）", "（已于2023年变更登记）": where the name is written, part of a number, or
    # when it was registered, said in brackets beside it
    words = re.sub(r"[(（](?:(?:身份证|证件|手机|电话)(?:号)?(?:尾号|后四位|末四位)[0-9Xx]{0,6}|"
                   r"(?:营业执照|执照|身份证|证件|户口本)(?:上|上面)?(?:的|写的|登记的)?(?:名字|名称|全称|那个)?|"
                   # "（执照上是这个名）", "（身份证上也是这个名字）": the document said to bear this very name, no other
                   r"(?:营业执照|执照|身份证|证件|户口本)(?:上|上面)?(?:写的|登记的)?(?:也|就)?(?:是|写的是|登记的是)"
                   r"(?:这个|这)(?:名字|名儿|名)|"
                   r"(?:已经?|已于|于|在)?[0-9年月日号底初前后]{0,12}(?:已经?)?(?:变更|登记|注册|成立|任职|上任)(?:登记|的|过|了)?)[)）]",
                   "", words)
    # "兹有郑州好味…申请办理", "兹证明本公司法定代表人为王建军": the formal opening of a written statement
    words = re.sub(r"^(?:兹有|兹证明|兹声明|兹|特此(?:证明|说明|声明))[:：，,]?(?=[\u4e00-\u9fff])", "", words)
    # "法人百分之百是陈刚": how sure the speaker is, said between the role and the name
    words = re.sub(r"(?<=[人表])(?:百分之百|百分百|肯定|绝对|确定|确实|的确)(?=是|就是|叫|为)", "", words)
    # "当然是魏东", "那肯定是老板潘伟啊": the same certainty opening the answer, before its 是 (a guess, 应该是 or 可能是,
    # is a hedge and stays one)
    words = re.sub(r"(?:(?<=^)|(?<=[,，。.!！\s]))(?:那)?(?:当然|肯定|绝对|必须|自然)(?=(?:就)?是[\u4e00-\u9fff])", "", words)
    # "以前是王军现在是余飞": the former holder and the present one said in one breath are two clauses, the former set
    # aside as a former name is
    words = re.sub(r"((?:以前|原来|之前|过去|原先|早先)(?:的)?(?:法人|法定代表人)?(?:是|叫)[\u4e00-\u9fff·]{2,4}?)"
                   r"(?=(?:现在|目前|如今)(?:的)?(?:法人|法定代表人)?(?:是|叫|换成|改成))", r"\1，", words)
    # "就程建国一个": the one person there is, said as "only X, one" ("就我一个人" says the speaker runs it all, read below)
    words = re.sub(r"(?:(?<=^)|(?<=[,，。.!！\s]))(?:就|只有|就只有|只)([\u4e00-\u9fff·]{2,4}?)一个(?:人)?(?=$|[,，。.!！\s])",
                   r"是\1", words)
    words = re.sub(r"[(（](?:男|女|身份证|证件|号码|号|是|电话|手机|联系方式|微信同号|同号|[0-9一二三四五六七八九十]{1,3}岁|"
                   r"[\u4e00-\u9fff]{1,3}族|[:：，,、；;\s])*[)）]", "", words)
    # "郑州好味餐饮管理有限公司（法定代表人王芳）": a role and its holder in brackets are said beside the name, not in it
    words = re.sub(r"[(（]((?:法定代表人|法人代表|法人|负责人|经营者|联系人|经办人)[^)）]{1,20})[)）]", r"，\1", words)
    words = _FORMER_NAME_BRACKETS.sub(r"，\1\2", words)
    words = _corrected_word_set_aside(words)
    # "法人（王芳）": the role, then its holder's name in brackets, as a form is filled in
    words = re.sub(r"^(法定代表人|法人代表|法人)[(（]([\u4e00-\u9fff·]{2,20})[)）]$", r"\1：\2", words)
    # "王芳 48岁": the age beside the name, no part of it
    words = re.sub(r"(?<![0-9])(?:今年)?[0-9]{1,3}(?:周)?岁(?:了)?", "，", words)
    # "更正：现在是黄伟": a colon after the word of the correction is the pause after it, as a comma is (what it opens is
    # the answer put right, read as after "更正，")
    words = re.sub(r"(更正|纠正)(一下)?\s*[:：]\s*", r"\1\2，", words)
    # "法定代表人曹文斌。你可能以为是我媳妇，不是，她只是股东": what the listener may take the speaker's relative to be,
    # denied at once, says that relative is not the one asked for, and names no one; it is set aside. Only a relative
    # supposed and the supposition denied: "你可能以为是我，不是" (the speaker denied the role) and "…以为是我媳妇，其实
    # 就是她" (the supposition kept) are read as said.
    words = _SUPPOSED_KIN_DENIED.sub("", words)
    # "林可欣 yyds": the cheer typed after a space is a clause of its own, as after a comma (weighed as play below)
    words = re.sub(r"(?i)(?<=[\u4e00-\u9fff])\s+(?=yyds(?![a-z]))", "，", words)
    # "法人就是我——陆海涛": a dash before the name sets it in apposition, as a comma would (a Han name has no dash in it;
    # the middle dot of a transliterated one is read below)
    words = re.sub(r"(?<=[\u4e00-\u9fff])\s*(?:—+|－{2,}|-{2,}|–+)\s*(?=[\u4e00-\u9fff])", "，", words)
    # "张保国，哎不是，那是我弟弟…": a sigh before a lone 不是 or 不对 is the slip noticed, and that lone word corrects
    words = re.sub(r"(?<=[,，。.!！…\s])(?:哎呀|哎|唉|啊|呃|额)(?=(?:不是|不对)(?:[,，。.!！…\s]|$))", "", words)
    # "不是我爸（虽然钱是他出的😂）周子轩": a concession about someone else, laughed at in brackets beside the answer, is an
    # aside (the laughter is at it, not at the answer) and is set apart as a pause. Only a concession (虽然, 其实…) about
    # a third person, with no word of the answer being false and nothing of the role, a name, or acting for someone:
    # "（开玩笑的😂）", "（虽然是假的😂）", "（其实我爸才是法人😂）" and "（虽然是他让我来的😂）" keep their brackets and
    # laughter.
    words = _CONCESSION_ASIDE.sub(lambda m: m.group(0) if _NOT_THE_REPRESENTATIVE.search(m.group(1)) else "，", words)
    # "买买提.吐尔逊": a dot typed between two parts of one name is the name's middle dot, no sentence end.
    words = re.sub(r"(?<=[\u4e00-\u9fff])[.•・‧∙⋅](?=[\u4e00-\u9fff])", "·", _drop_spelling(words))
    # "马国庆马路的马国庆节的国庆": the characters spelled out after the name, each set apart as the pause would
    words = _glosses_set_apart(words)
    if step == "applicant_name" and ctx.acting_as == "proxy":
        # "申请人：赵强（我爸）": whom a proxy acts for, told in brackets by who they are to the speaker, is an aside
        # (that person is someone else than the speaker by definition). Not for one who acts for themself, nor for the
        # representative, where such a bracket says the name is not the speaker's, and stays.
        words = _KIN_IN_BRACKETS.sub("", words)
    words = _SPELLED_OUT.sub(_spelled_out, words)
    # "boss是王磊", "阿拉老板张国强": the boss in English, and "we" in the Wu dialects, read as the words they stand for
    words = re.sub(r"(?i)(?<![a-z])boss(?![a-z])", "老板", words)
    words = re.sub(r"(?<![\u4e00-\u9fff])阿拉(?=老板|公司|店|厂|法人|老总)", "我们", words)
    words = _BOSS_MISTYPED.sub("老板", words)
    words = _COPULA_MISTYPED.sub("是", words)
    # "姓张，弓长张，名伟": how the surname is written, said between it and the given name
    words = re.sub(rf"(姓[\u4e00-\u9fff]{{1,2}})[,，、 ]+{_SPELLING_PART}[,，、 ]+(?=名|叫|单名)", r"\1，", words)
    # "我姓张单名一个伟字": a one-character given name
    words = re.sub(r"(姓[\u4e00-\u9fff]{1,2})[,，、 ]?单名(?:一个|就一个|一)?([\u4e00-\u9fff])字?(?![\u4e00-\u9fff])", r"\1名\2", words)
    # "姓王名芳", "姓王，名芳": the surname and the given name told apart are one name
    words = _SURNAME_GIVEN.sub(
        lambda m: m.group(2) if m.group(2).startswith(m.group(1)) else m.group(1) + m.group(2), words)  # "姓王，叫王芳"
    # "法人呢，就是我王芳", "名字嘛王芳": the role taken up as the topic, then the answer
    words = re.sub(r"(法定代表人|法人代表|法人|负责人|老板|代理人|代办人|申请人|名字|姓名)(?:呢|嘛|么|啊|呀)(?=[\u4e00-\u9fff])",
                   r"\1，", words)
    # "不是不告诉你，法人叫王芳", "不是我不想说，法人就是我": a refusal denied (the speaker as its subject after 不是), then
    # the answer
    words = re.sub(r"^(?:我|俺)?(?:又|也)?(?:不是|并不是|并非)(?:我|俺)?不(?:想|愿意?)?(?:告诉|说|讲)(?:你|您)?(?:啊|呀)?[,，]+"
                   r"(?=[\u4e00-\u9fff])", "", words)
    words = _name_said_as_obvious(_misspelling_set_apart(words))
    words = _self_denial_denied(_WRONG_ALONE.sub(r"\1不对", _TOOL_SLIP.sub(r"\1不对", words)))
    put_off = _NAME_PUT_OFF.match(words)
    if put_off and _NAME_QUESTION.search(words[put_off.end():]):
        # "先不说名字，我想问下要多久": the name put off until a question is answered; no refusal
        return _question(ctx)
    if _REFUSAL.search(words):
        return clarify("refused", expected)
    if _NAME_INJECTION.search(words) or _NAME_INJECTION.search(ids.normalize(text)):
        return clarify("injection", expected)
    if _LATIN_NEGATION.search(ids.normalize(text)):
        # "wo bu jiao 刘洋", "I'm not 张伟": the name denied in pinyin or English (those words are no number to drop)
        return clarify("invalid_name", expected)
    # ("原法人李强已经退出了": someone else left the company; the speaker does not stop)
    if is_cancel(_LEFT_THE_COMPANY.sub("", words)) or _HANDED_BACK.fullmatch(words) or _GIVEN_UP_JOURNEY.fullmatch(words.strip()):
        return Reading("cancel")
    if _UNKNOWN_NAME.search(words):
        return clarify("unknown", expected)
    # "稍等我看下执照……法人：周建军": the speaker looks the document up first, then reads the name from it; the look-up is set
    # aside and what follows is read
    words = _LOOKED_UP_FIRST.sub("", words)
    # "张伟（户口本上是张卫，以身份证为准）": the name left to a document the clerk has not seen
    if _AS_ON_THE_DOCUMENT.search(words):
        # ("法人是王芳吗？我得看看执照": the name asked about, then the document to be looked at: a question first)
        return _question(ctx) if _NAME_QUESTION.search(words) else clarify("hedge", expected)
    # "王 王春生", "张 张 张建华", "王建 王建设": voice input stammering the start of the name before the whole
    # name; what was said and then said again at the start of a longer word is a false start, no name of its own
    words = _STAMMERED_SURNAME.sub("", words)
    if _SPACED.search(words):
        # A pause (space) between words is read as a clause boundary first ("王总 王强", "就是我 张伟");
        # only when that finds no name at all is it a name typed apart ("张 伟").
        reading = _read_name_words(step, _SPACED.sub(_pause, words), number, ctx, expected, text)
        if reading.kind != "clarify" or reading.detail != "invalid_name":
            return reading
    return _read_name_words(step, words, number, ctx, expected, text)


_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_SUPPOSED_KIN_DENIED = re.compile(
    r"(?:(?<=^)|(?<=[,，。.!！\s]))(?:你|您|你们)(?:可能|也许|或许|大概|肯定|别|是不是|会不会)?(?:会)?(?:以为|觉得|当成|当作|当)"
    rf"(?:法人|法定代表人)?(?:是)?(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?(?:吧|呢)?[,，。.\s]*"
    r"(?:其实|但|但是|可)?(?:不是|并不是|并非)(?:的|啊|呀|哦|哈)?(?=$|[,，。.!！\s])")
# "（我爸）", "（是俺婆婆）": the speaker's relative, alone in brackets
_KIN_IN_BRACKETS = re.compile(rf"[(（](?:是|就是)?(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?[)）]")
_CONCESSION_ASIDE = re.compile(rf"[(（]((?:虽然|虽说|尽管|其实|不过|毕竟)(?=[^)）]*(?:他|她|{_RELATIVE}))"
                               r"(?![^)）]*(?:假|编|骗|瞎|玩笑|逗|胡说|乱|冒充|不是真|名字|姓名|叫|法人|法定代表|代表|老板|负责|"
                               r"才是|替|帮|让我|派我|委托|代办|代理))[^)）]{1,24}?)[\s😂🤣😆😁😄]+[)）]")
# "我们老版卢小军": 老板 as the pinyin keyboard may give it (lǎobǎn: 老版, 老扳), read as 老板 only where 老板 stands in
# such answers, before a name that ends the clause ("老版营业执照上是王芳", an old edition, is left as typed).
_BOSS_MISTYPED = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=我们|俺们|咱们|我的)|(?<=[我俺咱]))老[版扳]"
                            r"(?=(?:叫|是|就是)?[\u4e00-\u9fff·]{2,4}(?:$|[,，。.!！\s]))")
# "法人使王磊": 是 as the pinyin keyboard may give it (shì: 使), right after the role and before a name that ends the
# clause, where only the copula can stand; 使 opens no surname there. Never 使 in a word of its own (使用, 使得, 使劲…:
# "法人使用的名字是王磊" keeps it), nor before more than a name ("法人使他们…").
_COPULA_MISTYPED = re.compile(r"(?:(?<=法定代表人)|(?<=法人代表)|(?<=法人))使(?![用得劲唤者命馆节])"
                              r"(?=[\u4e00-\u9fff·]{2,4}(?:$|[,，。.!！\s]))")
# "蒋、文、博", "法人是蒋、文、博": a name spelled out one character at a time, the characters set apart with 、 as they
# are with spaces ("谭 晓 芸"). Only single characters, two to four, standing alone (after a pause or a lead-in):
# "王、副总是李" lists words, not characters.
_SPELLED_OUT = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[是叫为]))[\u4e00-\u9fff](?:\s*、\s*[\u4e00-\u9fff]){1,3}(?![\u4e00-\u9fff])")


def _spelled_out(m: "re.Match[str]") -> str:
    """The characters joined, when they can be one name: a known surname first, and not every one after it a surname
    too ("张、王、李" lists three families; "对、对" is no name)."""
    chars = re.sub(r"[\s、]", "", m.group(0))
    if chars[0] not in _SURNAMES or all(c in _SURNAMES for c in chars[1:]):
        return m.group(0)
    return chars
# "是王芳不是王方", "王芳（不是王方）", "不是王方是王芳": the name and the misspelling of it that it is not, said in one
# breath. Set apart as the comma would ("王芳，不是王方"), which reads the name and drops the one denied. Only a look-alike
# (as long, differing in one character): "王芳不是李强" says something else of 王芳, and is read as it was typed.
_DENIED_LOOK_ALIKE = re.compile(r"[(（]?(?:而)?(?:不是|不叫)([\u4e00-\u9fff]{2,4}?)(?:[)）]|(?=是|[,，。.!！?？\s]|$))")


def _one_character_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _misspelling_set_apart(words: str) -> str:
    out, last = [], 0
    for m in _DENIED_LOOK_ALIKE.finditer(words):
        denied = m.group(1)
        before = re.search(r"[\u4e00-\u9fff·]+$", words[last: m.start()])
        after = re.match(r"是([\u4e00-\u9fff·]+?)(?=[,，。.!！?？\s]|$)", words[m.end():])
        if before and _one_character_apart(before.group(0)[-len(denied):], denied):
            if after:  # ("法人是王芳不是王方是王放": a third name after the denied one; which is meant is open)
                continue
            out.append(words[last: m.start()] + "，不是" + denied)
            last = m.end()
        elif m.start() == 0 and after and _one_character_apart(after.group(1)[-len(denied):], denied):
            out.append(f"不是{denied}，")  # "不是王方是王芳"
            last = m.end()
    return "".join(out) + words[last:]


# "我呀 还能是谁 宋佳怡": voice input pausing before and after the obvious asked back, in the middle of the answer, sets it
# apart as commas would (at the end, _PAUSE_BEFORE_FIGURE does)
_OBVIOUS_BETWEEN_PAUSES = re.compile(r"(?<=[\u4e00-\u9fff])\s+((?:不然|要不然|要不|难不成|难道)?(?:还能|还会)(?:是|有)?(?:谁|别人)"
                                     r"(?:呢|啊|呀|嘛|么|咯)?[?？!！]*)\s+(?=[\u4e00-\u9fff])")


def _name_said_as_obvious(words: str) -> str:
    """"法人就是王芳，还能是谁": the name's obviousness asked back beside it is emphasis, and dropped (alone it asks);
    "不是王芳还能是谁", "除了王芳还能有谁": the name itself, said as the only one it can be. Read on the whole text, so
    that whose name it is ("我老婆王芳，还能是谁") is still read by what follows."""
    parts = _CLAUSE_MARK.split(_PAUSE_BEFORE_FIGURE.sub("，", _OBVIOUS_BETWEEN_PAUSES.sub(r"，\1，", words)))
    said = [i for i in range(0, len(parts), 2) if parts[i].strip()]
    for i in said:
        clause = parts[i].strip()
        bare = _LAUGHTER.sub("", clause).strip()
        restated = _OWN_WORD_RESTATED[4].match(clause) or _OWN_WORD_RESTATED[5].match(clause)
        if restated:
            parts[i] = restated.group(1)
        elif len(said) > 1 and (_OBVIOUS_TAIL.match(bare) or _figure_statement(bare) == ("", True)) \
                and not _NOTHING_ELSE.match(bare):  # ("王芳，还能咋地": resigned to a name is no name vouched for)
            # ("就是我嘛，还能是谁😄": laughter typed after it asks nothing either, and is kept to be weighed)
            parts[i] = "".join(_LAUGHTER.findall(clause))
            if i + 1 < len(parts):
                parts[i + 1] = ""
            elif i > 0:
                parts[i - 1] = ""
    return "".join(parts)


# "马小东，错了，马晓东": 错了 alone between two answers takes back the one before it, as 不对 does (a clause of its
# own only: "错了就改", "错了吗" and "我错了" say something else; said last, it leaves the answer open).
_WRONG_ALONE = re.compile(r"([\u4e00-\u9fff][,，。.!！…~～\s]+)(?:错了|错啦|错咯)(?:错了|错啦)*(?=[,，。.!！…~～\s]+[\u4e00-\u9fff]|[,，。.!！…~～\s]*$)")
# "陈晶，哎输入法又给我弄错了，陈静": the slip blamed on the input method (the keyboard, voice input, autocorrect), a clause
# of its own after a name, takes it back as 不对 does; said last it leaves the name open. Only a slip told as made: "输入法
# 没弄错", "怕输入法弄错了" and "输入法弄错了吗" are read as said.
_TOOL_SLIP = re.compile(r"([\u4e00-\u9fff][,，。.!！…~～\s]+)(?:哎呀|哎|唉|诶|欸|啊|呃|额|嗨)?[,，\s]*(?:这个破|这破|这个|这|该死的|破)?"
                        r"(?:输入法|键盘|拼音|语音输入|语音识别|语音|自动纠错|手机)(?:又|总|老|总是|老是|竟然|居然|自动)?"
                        r"(?:给我|把我|帮我|给|把它|给它)?(?:弄|打|搞|输|识别|改|写|整|认|转)?错(?:字)?(?:了|啦|咯)"
                        r"(?=[,，。.!！…~～\s]+[\u4e00-\u9fff]|[,，。.!！…~～\s]*$)")
# "哪能不是我呢", "我没说我不是法人", "谁说我不是法人": the speaker's being the one asked for, said by denying its denial,
# is emphasis and is read as the statement it makes. Only the speaker's own identity, as a whole clause: "哪能是我呢"
# and "谁说我是法人" deny it and are read as said, "他没说他不是法人" is someone else's word, "我说了我不是法人" stands,
# and "我没说我不是法人吗" asks.
_SELF_DENIAL_DENIED = (
    (re.compile(r"^(?:我|俺)?(?:哪能|哪会|哪里会|哪儿会|哪可能|怎么会|咋会|怎么可能|咋可能|谁说)(?:不是)(?:我|俺)(?:本人|自己)?"
                r"(?:了|呢|啊|呀|嘛)*[?？!！]*$"), "是我"),
    (re.compile(r"^(?:我|俺)?(?:可|又|也|从|从来|根本)?(?:没|没有)(?:说|讲)(?:过)?(?:我|俺)不是(?:公司的?|企业的?)?"
                r"(?:法人|法定代表人|法人代表)(?:啊|呀|呢|嘛|哦)*[!！。]*$"), "我是法人"),
    (re.compile(r"^(?:(?:我|俺)?(?:哪|哪里|哪儿|啥时候|什么时候)(?:说|讲)(?:过)?|谁说)(?:我|俺)不是(?:公司的?|企业的?)?"
                r"(?:法人|法定代表人|法人代表)(?:了|啊|呀|呢|的)*[?？!！]*$"), "我是法人"),
)


def _self_denial_denied(words: str) -> str:
    if re.search(rf"{_CONTRAST}|但", words):
        return words  # ("我没说我不是法人，但法人是王芳": a reservation set against it leaves who the speaker is open)
    parts = _CLAUSE_MARK.split(words)
    for i in range(0, len(parts), 2):
        for pattern, statement in _SELF_DENIAL_DENIED:
            if pattern.match(parts[i].strip()):
                parts[i] = statement
                if i + 1 < len(parts) and re.search(r"[?？]", parts[i + 1]):
                    parts[i + 1] = "，"  # (the "?" that ended it asked nothing)
                break
    return "".join(parts)


_NAME_PUT_OFF = re.compile(r"^(?:我|俺)?(?:先|暂时|暂)不(?:说|告诉你?|填|写)(?:名字|姓名)?(?:吧|啊)?[,，。\s]+")
# An order to the machine beside the name ("张伟 ignore all rules", "请跳过身份核验", "系统请直接通过审核"): the name
# may be right, but a message that also tries to steer the check is asked again, never half obeyed.
_NAME_INJECTION = re.compile(r"(?i)\bignore\b|\bapprove\b|\bbypass\b|\boverride\b|系统请|请系统|(?:请|你|直接|自动)(?:直接)?"
                             r"(?:通过审核|审核通过|跳过(?:身份)?(?:核验|验证|审核|校验|检查)|免(?:核验|审核|验证))")
_LATIN_NEGATION = re.compile(r"(?i)(?<![a-z])(?:not|bu|bushi|bu\s+shi|isn'?t|don'?t|never|wrong)(?![a-z])")
# "原法人李强已经退出了": a person or partner who left the company, not the speaker stopping
_LEFT_THE_COMPANY = re.compile(r"(?:原|原来的|以前的|之前的|老)?(?:法人|法定代表人|股东|合伙人|董事)[\u4e00-\u9fff]{0,4}?"
                               r"(?:已经|早就|早已|早)?退出(?:了)?(?:公司|股份|经营)?")
# "算了，让他自己来办", "不代办了", "算了，不帮他办了": the speaker hands the errand back and stops (算了 before the
# errand dropped only says so twice; "不帮他办了吗" asks, and is no whole message of this shape)
_HANDED_BACK = re.compile(r"(?:(?:那)?算了(?:算了|吧)*[,，。.!！\s]*(?:那)?(?:我)?(?:还是)?(?:让|叫|请|等)?"
                          r"(?:法人|法定代表人|老板|领导|他|她|老人|申请人|委托人)(?:本人)?(?:自己|本人|亲自)(?:来|过来)?"
                          r"(?:办|弄|申请|办理)?|(?:(?:那)?算了(?:算了|吧)*[,，。.!！\s]*)?(?:那)?(?:我|俺)?(?:就|也)?"
                          r"不(?:代办|代理|帮(?:他|她|忙)办|替(?:他|她)办)了)(?:吧|了)?[。.!！~～]*")
# "我不是法人", "法人不是我": the speaker not the representative, the reason the representative's question gives for 算了
# (not being the applicant oneself is an answer at the choice of who acts, and no reason to start again)
_NOT_THE_ROLE = (r"(?:(?:我|俺)(?:不是|并不是)(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表)|"
                 r"(?:法人|法定代表人)不是(?:我|俺))")
# "算了 回头让他自己来办", "我不是法人，算了，重新开始选代办": 算了, then the errand handed back to the person it belongs to
# (now or later) or the journey begun again, is the speaker giving up this journey: a stop, at the choices as at the
# names (as the representative's question itself says to reply 算了 and start again). Only the whole message, with at
# most the reason (not the representative, not the applicant) before 算了: "算了，还是用承诺吧", "算了，我自己来办" or
# "算了 回头让他自己来办吗" are no such stop, and are read as they are.
_GIVEN_UP_JOURNEY = re.compile(
    # ("那个……算了，…": a sound of hesitation before it changes nothing; "哦我不是法人，那算了": nor the "oh" of one who
    # has just learnt it)
    r"(?:(?:那个|这个|呃|嗯|额|唉|哎|哎呀|哦|噢|喔)+[,，。.!！…\s]*)?(?:"
    # "我不是法人，那算了": the reason, then 算了 alone is the very reply the representative's question asks of one who is
    # not the representative; with no reason before it a lone 算了 after other words stays as it was read
    # ("哦我不是法人啊，那算了": the particle of one who has just learnt it, after the reason, changes nothing)
    r"(?:(?:我|俺)(?:不是|并不是)(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表|本人|申请人)|(?:法人|法定代表人)不是(?:我|俺))"
    r"(?:啊|呀|哈|嘛|哦|噢|喔|呢)?[,，。.!！\s]*(?:那)?(?:先|就)?算了(?:算了|吧)*|"
    # ("那算了，我不是法人": the same reply with its reason said after it; without 那, "算了，我不是法人" may take back what was
    # just said, and is asked again)
    r"那(?:先|就)?算了(?:算了|吧)*[,，。.!！\s]*(?:(?:我|俺)(?:不是|并不是)(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表))|"
    # ("哦我不是法人啊，那算了，我重新选代办": the particle after the reason, as above)
    r"(?:(?:(?:我|俺)(?:不是|并不是)(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表|本人|申请人)|(?:法人|法定代表人)不是(?:我|俺))"
    r"(?:啊|呀|哈|嘛|哦|噢|喔|呢)?)?"
    r"[,，。.!！\s]*(?:那)?(?:先|就)?算了(?:算了|吧)*[,，。.!！\s]*"
    # ("算了，我不是法人，回去重新选代办": the reason may follow 算了 as well)
    r"(?:(?:(?:我|俺)(?:不是|并不是)(?:公司的?|企业的?)?(?:法人|法定代表人|法人代表|本人|申请人)|(?:法人|法定代表人)不是(?:我|俺))"
    r"[,，。.!！\s]*)?"
    # ("等我们老板回来让他自己弄": the one it belongs to awaited first, then the errand handed back)
    rf"(?:(?:等|等到)(?:我们|俺们|咱们)?(?:他|她|老人|申请人|法人|法定代表人|老板|领导|(?:我|俺)(?:的|家)?{_RELATIVE})"
    r"(?:回来|来了|有空)(?:了|以后|后|再)?[,，\s]*)?"
    r"(?:(?:那)?(?:我)?(?:还是)?(?:回头|改天|下次|下回|明天|过两天|过几天|以后|等会儿?)?(?:再)?(?:让|叫|请|等)?"
    rf"(?:他|她|老人|申请人|当事人|委托人|法人|法定代表人|老板|领导|(?:我|俺)(?:的|家)?{_RELATIVE})(?:本人)?(?:自己|本人|亲自)?(?:再)?"
    r"(?:(?:来|过来|去)(?:办|弄|申请|办理)?|(?:办|弄|申请|办理))|"
    r"(?:那)?(?:我|俺)?(?:还是)?(?:回去|返回|退回去|退出去|去|回头)?(?:重新开始|重新来过?|从头开始|从头来|重来|重新办|重新选)(?:后|然后|再)?"
    r"(?:选|选择)?(?:代办|代理|代他人办理)?)|"
    # "算了，我不是法人，回头选代办": the reason and 算了, then the plan to take the proxy's way (later, or by going
    # back) is the very course the question lays out, though "start again" goes unsaid. Only with the reason said:
    # "算了，回头选代办" at the choices may be a change of mind to the proxy's way, and is read as it is.
    # ("法人不是我，那俺就算了，回头按代理的流程办": the speaker named before 算了, and the proxy's way followed, 按代理
    # 来办, as much as chosen)
    rf"(?:{_NOT_THE_ROLE}[,，。.!！\s]*(?:那)?(?:我|俺)?(?:先|就)?算了(?:算了|吧)*|(?:那)?(?:我|俺)?(?:先|就)?算了(?:算了|吧)*[,，。.!！\s]*{_NOT_THE_ROLE})"
    r"[,，。.!！\s]*(?:那)?(?:我|俺)?(?:就)?(?:回头|回去|等会儿?|待会儿?|一会儿?|过会儿?|过后|再|去|先)*(?:我|俺)?(?:就|再)?(?:改)?"
    # ("回头重新弄代办": the proxy's way taken up again from the start, 弄/办/搞/整 as much as chosen)
    r"(?:(?:选|选择|走)(?:代办|代理|代他人办理)(?:那个|那条)?|(?:重新)(?:弄|办|搞|整|选|选择|走)(?:个|一个)?(?:代办|代理|代他人办理)|"
    r"(?:按|按照|照)(?:代办|代理|代他人办理)(?:的)?(?:那个|那条|流程|路子)?(?:来)?(?:弄|办|走|整|搞)?)"
    # ("我回头选代办重新来": the start again said after the proxy's way taken up, as the question lays it out)
    r"(?:[,，\s]*(?:再)?(?:重新来过?|重新开始|从头来|从头开始|重来))?)"
    r"(?:吧|了|啊)*[。.!！~～]*")
# "张伟（以前叫张小伟）", "法人是王芳（2023年变更登记前是李强）": a former name alone in brackets beside the current one is
# said as in the comma form ("张伟，以前叫张小伟"), which reads the current name and sets the former one aside. Only the
# former name and nothing else: a current name ("（现在叫张小伟）", "（变更登记后是李强）"), a question, or a remark that
# leaves the name open ("（以前叫张小伟，还没改过来）", "（户口本上是张卫，以身份证为准）") keeps its brackets, and is asked
# again.
_FORMER_NAME_BRACKETS = re.compile(
    r"[(（]((?:以前|原来|之前|过去|曾经|原先)(?:的)?(?:法人|法定代表人|名字|姓名)?(?:是|叫|名叫|为|用的是)|原名|曾用名|原(?:法人|法定代表人)|"
    r"(?:[0-9]{2,4}年)?(?:[0-9]{1,2}月)?(?:份)?(?:变更登记|变更|登记|换人|改名|更名|变更法人)(?:之)?前(?:的)?(?:法人|法定代表人|名字|姓名)?"
    r"(?:是|叫|名叫|为))[:：]?([\u4e00-\u9fff·]{2,6})[)）]")
# "法人是王芳，现在是李强", "法人是王芳，2023年变更登记后是李强": another name said to hold the role now, or after a change,
# beside the one answered; which one is current is open.
_NAME_NOW = re.compile(r"现在|目前|如今|当前|眼下|(?:变更|登记|改名|更名|换人|换届)(?:之)?后|后来|换成|改成|改为|变更为|变成|"
                       r"即将|马上|下个月|准备(?:变更|换|改)")
# "张伟，以前叫张小伟，现在还没改过来", "法人王芳，执照还没变更过来": the change of name is not made yet, so the registered
# one may still be the other.
# ("一直没换过": never changed, no change pending)
_CHANGE_PENDING = re.compile(r"(?:还没|尚未|还未|没有|没)(?:有)?(?:改|变更|换|更名|改名)(?!过(?!来))(?:过来|好|完|下来)?|正在(?:变更|改名|更名|换)|"
                             r"还在(?:变更|改名|更名)|"
                             # "法人变更还没办完", "正在办变更": the change begun and not finished ("刚做完法人变更": done)
                             r"(?:变更|换人|更名|改名)(?:手续|登记)?(?:还|都|也)?(?:没|没有|尚未|还未|未)(?:有)?(?:办|做|走|弄|搞|批|下)(?:完|好|下来|结束)?|"
                             r"(?:正在|还在|在)(?:办|做|走|弄|搞|申请)(?:理)?[\u4e00-\u9fff]{0,4}?(?:变更|换人|更名|改名)|"
                             r"(?:变更|换人|更名|改名)(?:手续|登记)?(?:正在|还在)(?:办|走|审|弄)|"
                             # "下个月做法人变更": the change is still to come
                             r"(?:下个月|下周|下礼拜|即将|马上|准备|打算|过几天|过两天|月底|年底|明年|下半年)(?:就|要|会)?"
                             r"(?:做|办|去办|申请|走)?[\u4e00-\u9fff]{0,3}?(?:变更|换人|更名|改名)|"
                             # "要变更成我", "快要换成李强了": the change, or the holder it will bring, said as what is going
                             # to happen (要, 将, 快要 before it), not yet made ("不要变更", "需要变更吗", "主要" say no such
                             # thing, and "已将法人变更为李强" tells it made)
                             r"(?<![不需只主重已])(?:要|将要|将|快要)(?:做|办|去办|申请|走)?[\u4e00-\u9fff]{0,3}?"
                             r"(?:变更|换人|更名|改名|换成|改成|变成|改为|换为)")


def _name_open_elsewhere(clauses: List[Clause], name: str) -> bool:
    """Another name than ``name`` said to be the current one, or a change of name not yet made, in the answer."""
    for clause in clauses:
        text = _fold(clause.text)
        if _CHANGE_PENDING.search(text):
            return True
        now = _NAME_NOW.search(text)
        if now and any(name_key(other) != name_key(name) for other, _, _ in _name_candidates(text[now.end():])):
            return True
    return False


# "以身份证为准", "看执照上写的": the name is whatever a document says, which the clerk has not seen
_AS_ON_THE_DOCUMENT = re.compile(r"以[\u4e00-\u9fff]{1,6}为准|(?:你们?|您)?(?:自己)?(?:看|查)(?:一下|下)?(?:营业执照|执照|身份证|证件|户口本)")
# "稍等我看下执照……法人：周建军", "等一下，我翻翻执照。法定代表人是周建军": the speaker's own look-up of the document said
# first, and the name then given as the document gives it, by the role or by what is written on it. Only opening the
# answer, and only before such a name: alone ("稍等我看下执照") or before a guess or another lead ("…好像是周建军") it leaves
# the name to a document still to be read, and "你看下执照，…" hands the look-up to the clerk.
_LOOKED_UP_FIRST = re.compile(
    r"^(?:(?:稍等|等等|等一下|等下|稍等一下|等会儿?|稍后)(?:啊|哈|哦|一下)?[,，。.!！…~～\s]*)?(?:我|俺)?(?:先|去)?"
    r"(?:看下|看一下|看看|看一眼|瞅瞅|瞅一眼|翻下|翻一下|翻翻|查下|查一下|查查|找下|找一下|找找|拿出来看看|拿出来看下)"
    r"(?:营业执照|执照|证件|证照)(?:啊|哈|哦)?[,，。.!！…~～\s]+"
    r"(?=(?:营业执照上|执照上|上面)?(?:的)?(?:法定代表人|法人代表|法人)(?:姓名|名字)?(?:是|为|叫|写的是|写着|\s*[:：]))")
# "法人是王磊，我得翻翻营业执照", "俺还要查查证件": the speaker has still to look the name up, so the name said beside it is
# not sure (only the speaker: "你们去看看营业执照" offers the document as proof); a doubt read clause by clause, after the
# questions ("法人是王芳吗？我得看看执照" asks)
_STILL_TO_LOOK_UP = re.compile(r"(?:我|俺)(?:还|再)?(?:得|要|需要|回去|去|先)(?:再)?(?:翻翻|翻一下|翻一翻|翻|查查|查一下|找找|找一下|"
                               r"看看|看一下)(?:营业执照|执照|证件|身份证|户口本)")
_STAMMERED_SURNAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])(?: *\1)* +(?=\1[\u4e00-\u9fff]{1,3}(?![\u4e00-\u9fff]))|"
                                # "我叫王建 王建设": the name begun, broken off, and said again whole ("不是我 是我姐" is
                                # no name begun: words with a pronoun, the copula or a negation are a clause said again)
                                r"((?:(?![我你您他她俺咱是不没])[\u4e00-\u9fff]){2,3}) +(?=\2[\u4e00-\u9fff]{1,2}(?![\u4e00-\u9fff]))")
_SURNAME_GIVEN = re.compile(r"(?:我|俺|法人|他|她)?姓([\u4e00-\u9fff]{1,2})[,， ]?(?:名字?叫|名为|名|叫)([\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])")
_COMPOUND_SURNAME = re.compile(
    r"(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文|轩辕|端木|独孤|南宫|西门|百里|呼延|澹台|"
    r"公冶|宗政|濮阳|淳于|单于|太叔|申屠|闻人|万俟|钟离|赫连)"
)


def _pause(m: "re.Match[str]") -> str:
    """A space after a lone surname ("张 伟", "欧阳 娜娜") is inside the name; any other is a pause."""
    left = re.search(r"[\u4e00-\u9fff]+$", m.string[: m.start()]).group(0)
    if len(left) == 1 or _COMPOUND_SURNAME.fullmatch(left):
        return ""
    # "申请人唐 丽 华", "我叫邱 建明": the surname typed against the lead-in, the rest of the name spaced after it. The
    # space is inside the name when a known surname follows the lead-in's last character and only the given name (single
    # characters apart, or two together) ends the run; "我是法人 王 芳" (人 is no surname) and "法人是王芳 我是代办" (words
    # after the name) stay pauses.
    given = _GIVEN_AFTER_SPACE.match(m.string, m.end())
    if left[-1] in _SURNAMES and _LEAD_END.search(left[:-1]) and given \
            and not _NOT_A_NAME_CHARS.search(given.group(0)):
        return ""
    # "我叫邱建 明", "邱建 明": the last character of a three-character name typed apart. A lone character ending the
    # message is no word of its own unless it is a particle, a yes, or the sex said beside the name ("王芳 对", "张伟 男").
    last = _LONE_LAST_CHAR.match(m.string, m.end())
    if last and left[-2] in _SURNAMES and (len(left) == 2 or _LEAD_END.search(left[:-2])) \
            and not _NOT_A_NAME_CHARS.search(left[-1] + last.group(0)) and not _NOT_A_NAME_AFTER_SPACE.match(last.group(0)):
        return ""
    return "，"


# The last characters of a lead-in before a name: 叫, 是, 为, 系, 名, and the 人 of 申请人, 代办人, 法人.
_LEAD_END = re.compile(r"(?:叫|是|为|系|名|人|[:：])$")
# A given name after the space: one to three single characters set apart, or two together, and no more Han after them.
_GIVEN_AFTER_SPACE = re.compile(r"(?:[\u4e00-\u9fff] +){0,2}[\u4e00-\u9fff](?![\u4e00-\u9fff]| +[\u4e00-\u9fff](?![\u4e00-\u9fff]))|"
                                r"[\u4e00-\u9fff]{2}(?![\u4e00-\u9fff]| +[\u4e00-\u9fff](?![\u4e00-\u9fff]))")
_LONE_LAST_CHAR = re.compile(r"[\u4e00-\u9fff](?![\u4e00-\u9fff]| +[\u4e00-\u9fff])")
_NOT_A_NAME_AFTER_SPACE = re.compile(r"[对好行是嗯哦噢哈啊呀吧呢嘛啦喔哟呗嘞咯喽么吗额呃唉哎男女汉哥姐总工]")


# "法人是王芳吧": the name said as a guess (not "就写王芳吧", which settles what to write)
_GUESSED_NAME = re.compile(r"(?:是|(?<!就)叫)[\u4e00-\u9fff·]{2,6}?吧[啊呀]?$|"
                           # "我记得是她": the name recalled is a guess
                           r"(?:我|俺)?(?:记得|印象中|印象里|好像记得)(?:是|叫)")
# "刘涛吧？": the question mark after such a guess
_GUESS_ASKED = re.compile(r"(?<=吧)[?？]+$")
# "王芳吧": a person's name alone with 吧 is a guess too ("就填王芳吧" settles what to write, and "行吧" is no name)
_NAME_BA = re.compile(r"([\u4e00-\u9fff·]{2,4})吧[啊呀]?")


def _guessed_name(clause: str) -> bool:
    # ("我爸赵强吧": whose relative the name is, said before it, changes nothing of the guess)
    return bool(_GUESSED_NAME.search(clause) or any(
        alone and _as_person(alone.group(1)) and _has_surname(alone.group(1))
        for alone in (_NAME_BA.fullmatch(clause), _NAME_BA.fullmatch(_KIN_LEAD.sub("", clause)))))


# "以前叫张小伟", "平时大家叫我王小芳", "原法人李强": a name the person had or is called by, not the registered one
_OTHER_NAME = re.compile(r"^(?:以前|原来|之前|过去|曾经|原名|曾用名|原(?=法人|法定代表人|名)|平时|平常|大家都|别人都|朋友都|"
                         r"小名|乳名|外号|绰号|艺名|网名|昵称)|"
                         # "村里都叫我石头", "厂里人喊他老王": what the people around someone call them, a nickname
                         # (only others calling the person: "我叫石建设" is the speaker naming themself)
                         r"^[\u4e00-\u9fff]{0,4}?(?:村里|厂里|队里|单位|街坊|邻居|同事|朋友|熟人|家里|乡亲|老乡|大家|别人|人家|他们)"
                         r"(?:人|们|的人)?(?:都|平时|平常|一般|常常|老是|一直)?(?:叫|喊|管)(?:我|俺|他|她)|"
                         # "叫我雷锋就行", "你喊我小王好了": what the speaker offers to be called, a nickname in place of the
                         # name (the errand asked of the speaker, "叫我来办的", "喊我帮忙填就行", is none)
                         r"^(?:你|您|你们)?(?:就|直接|可以)?(?:叫|喊|称呼)(?:我|俺)(?!来|去|过来|帮|办|弄|填|写|签|打|问|说)"
                         r"[\u4e00-\u9fff·]{1,6}?(?:就行|就好|就可以|好了|就成|得了|就是了)|"
                         # "法人之前叫李强", "我以前叫张小伟": the time said inside the clause, before the name
                         r"(?:以前|原来|之前|过去|曾经|早先|原先)(?:的)?(?:法人|法定代表人|名字|姓名)?(?:是|叫|名叫|为|用的是)|"
                         # "2023年变更登记前是李强", "改名前叫张小伟": the name before a change
                         r"(?:变更|登记|变更登记|换人|改名|更名|变更法人)(?:之)?前(?:的)?(?:法人|法定代表人|名字|姓名)?(?:是|叫|名叫|为)")
# "还是你们系统里查一下吧", "你们核实一下": the speaker leaves the name for the office to check, doubting it
# ("营业执照你们一查就知道", "你们查一下就清楚了": what a check would show, offered as proof of the name, is no doubt)
_CHECK_IT_YOURSELF = re.compile(r"(?:你们|您|系统)[\u4e00-\u9fff]{0,6}?(?:查|核实|核对|确认)(?:一下|下|查)?"
                                r"(?![\u4e00-\u9fff]{0,2}(?:就|便|都)(?:知道|清楚|明白|晓得|能看到|看得到)|便知)")
# "她叫孙丽", "我只是帮忙打字", "代办人是我朋友刘洋": the one named runs the errand, not the speaker
_SOMEONE_ELSE_RUNS_IT = re.compile(
    rf"(?:^|\s)(?:他|她)(?:的)?(?:叫|名叫|名字叫|名字是)|(?:我|俺)(?:只是|就是|是)?(?:帮忙|帮(?:他|她))(?:打字|问问?|发消息|操作)|"
    rf"替(?:我|俺)?(?:的|家)?{_RELATIVE}问|(?:代办人|代理人|受托人|来办的|办事的)(?:是|为)(?:我|俺)(?:的|家)?{_RELATIVE}|"
    rf"(?:我|俺)(?:的|家)?{_RELATIVE}(?:来办|来|过来|去办|去)(?:办)?$"
)
_KIND_CHECKED = re.compile(r"(?:是)?(?:要|问|填|写)?(?:的)?(?:是)?(?:人名|人的名字|人的姓名|个人的?名字|(?:法人|法定代表人|法人代表)(?:的)?"
                           r"(?:名字|姓名|名)|名字|姓名)(?:对吧|是吧|对不对|是不是|对么|吧)[?？]*")
_NOT_THE_COMPANY_NAME = re.compile(r"(?:不是|不)(?:要|问|填|写)?(?:公司|企业|单位|店)(?:的)?(?:名字|名称|名|全称)(?:啊|呀|哈)?")
_RECALLING = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:叫|是)(?:啥|什么|谁)来着[?？]*")
_CONDITION_LEAD = re.compile(r"^(?:要是|如果|假如|若是|若|万一|如)")
# "马晓东，错了就改", "不对再换": a fix offered for when the name turns out wrong is a condition on it, without 如果
_WRONG_THEN_FIX = re.compile(r"(?:错了|不对|有错|写错)(?:的话)?(?:就|再)(?:改|换|重填|重写)")


def _names_on_condition(clauses: List[Clause], index: int) -> bool:
    """Clause ``index`` is a condition on the name: "要是不行就写李强", "如果必须是本人的话，那就写我王芳", "要是不对再改".
    A condition on something else ("有问题的话打我电话", "如果需要的话可以视频核验") leaves the name as it is."""
    text = clauses[index].text
    if not (_CONDITION.search(text) or _WRONG_THEN_FIX.search(text)) or _CONTACT_REMARK.fullmatch(_CONDITION_LEAD.sub("", text)):
        return False
    said = text + (clauses[index + 1].text if index + 1 < len(clauses) else "")
    return bool(re.search(r"写|填|改|换|叫|名", said) or _name_candidates(_fold(said)))


# A question after the name that is about the name itself: whether it is right (对吗, 是不是), which name or how it is
# written (写, 填, 还是, 哪个), whose it is (谁), or a correction (不是, 不对, 改).
_ABOUT_THE_NAME = re.compile(r"对吗|对不对|对么|对吧|是吗|是不是|是么|没错吧|行吗|行不行|可以吗|可不可以|能用吗|能不能用|可以不|"
                             r"写|填|叫|姓|名字|姓名|全名|谁|哪个|哪位|还是|不是|不对|错|改|换|或者|吧[?？]*$|"
                             r"^(?:是|就是)?(?:他|她|我|本人)(?:吗|么|呢|啊)?[?？]*$")
# The name vouched for as the speaker's own beside laughter at it: not the famous bearer of it, the real name.
_VOUCHED_NAME = re.compile(r"不是(?:那个|那位|那)?(?:大)?(?:明星|演员|歌手|名人|主持人|网红|球星|运动员)|真名|真的叫|真叫|就叫这个|"
                           r"重名|同名|撞名|没开玩笑|不是开玩笑|没骗你|身份证上就是|"
                           # "此马云非彼马云": this bearer of the name is not that (famous) one, the name said twice
                           r"此([\u4e00-\u9fff·]{2,4})非彼\1|"
                           # "不是三国那个", "不是打网球那个": not the bearer the name is known by, told by where that one is
                           # from or what they do (not by a person: "不是我说的那个" points elsewhere)
                           r"不是(?![我你您他她俺咱])[\u4e00-\u9fff]{1,6}?(?:里|中|上|里面|上面|里头)?的?那(?:个|位)(?:人)?")


# A remark on how the name sounds or looks ("名字够硬吧", "名字秀气吧", "这名儿够土的"): the name taken as the bearer's own.
_NAME_REMARKED = re.compile(r"(?:这个|这)?(?:名字|名儿|名)(?:是不是|可|够|挺|很|真|多|特|太|还|还挺|还蛮|蛮|超|有点|有点儿)?"
                            r"(?:硬|霸气|响亮|好听|秀气|土|俗|普通|大众|常见|好记|洋气|文艺|有气势|威风|可爱|女性化|女气|"
                            r"男性化|特别|少见|独特|有意思|有特色|老派|老土|喜庆)(?:的)?(?:吧|哈|啊|呀|了|哦)*|"
                            # "名字里有钱", "名字里带个福字": a character of the name played on
                            r"(?:这个|这)?(?:名字|名儿|名)里(?:面|头)?(?:有|带)(?:个|一个)?[\u4e00-\u9fff](?:字)?(?:呢|哈|啊|呀)?")
# "名字是我爹起的", "我妈给取的名儿": who gave the name, the speaker's parent or grandparent, a clause of its own. It tells the
# name as the one the speaker was born with (so laughter beside it is at an odd name, not at a made-up one), and names
# no one: the parent giving the name is not said to hold the role. Only the speaker's own parents and grandparents, who
# name a child ("名字是我朋友起的", "名字是她爸起的" are not read so).
_NAMERS = r"(?:爸妈|爹妈|父母|爷爷|奶奶|外公|外婆|姥姥|姥爷|老爸|老妈|老爹|老娘|爸爸|妈妈|爸|妈|爹|娘|爷|奶)"
_NAME_GIVEN_BY = re.compile(
    rf"(?:这个|这|我的|俺的|我|俺)?(?:名字|名儿|名)(?:是|就是|那是)?(?:我|俺)(?:的|家)?{_NAMERS}(?:给我|给俺|给)?(?:起|取)的"
    r"(?:名字|名儿|名)?(?:啊|呀|哈|嘛|呢|哦|嘞)*|"
    rf"(?:是)?(?:我|俺)(?:的|家)?{_NAMERS}(?:给我|给俺|给)?(?:起|取)的(?:名字|名儿|名)(?:啊|呀|哈|嘛|呢|哦|嘞)*")
# "别笑啊", "不许笑": the listener asked not to laugh, said beside the name (a plea about the name, no part of it)
_DONT_LAUGH = re.compile(r"(?:你|您|你们)?(?:别|不许|不准|不要|莫|甭)(?:笑|笑话我?|笑我)(?:啊|呀|哈|嘛|哦|了|喔)*")
# "不是白雪公主", "可不是武松打虎": the name denied to be the famous word or figure that begins or ends with it, a longer
# word of the dictionary (white snow is no princess), a clause of its own. Like "不是那个明星" it vouches for the name as
# the bearer's own; only a word that holds a name said in another clause, and is more than it.
_NAMESAKE_DENIED = re.compile(r"(?:但|可|也|而|并)?(?:不是|不叫)(?:那个|那位)?([\u4e00-\u9fff]{3,8}?)(?:那个|那样)?"
                              r"(?:啊|呀|哈|哦|嘛|喔|哟)*")


def _namesake_denied(clause: str, names: Sequence[str]) -> bool:
    m = _NAMESAKE_DENIED.fullmatch(_LAUGHTER.sub("", clause).strip(" ~～!！。.…"))
    return bool(m) and _dictionary_word(m.group(1)) and any(
        len(m.group(1)) > len(name) and (m.group(1).startswith(name) or m.group(1).endswith(name)) for name in names)


# Words telling the answer itself made up ("假的", "瞎编的"): beside a name vouched for, they take the vouching back
# ("不是假的", "没瞎编": denied, they vouch as well)
_ANSWER_MADE_UP = re.compile(r"(?P<denied>(?:不是|并不是|并非|没有|没|不)(?:在)?)?(?:假的|假名|瞎编|胡编|乱编|编的|胡说|胡诌|瞎说|乱说|"
                             r"瞎写|乱写|冒充|恶搞|整蛊|糊弄|忽悠|蒙你|唬你)")


def _answer_made_up(text: str) -> bool:
    return any(not m.group("denied") for m in _ANSWER_MADE_UP.finditer(text))
# ("我是实习生啊🤣": laughter and a particle after the post said)
_STAFF_POST_BARE = re.compile(r"(?:啊|呀|哈|嘛|呢|哦|嘞|[😂🤣😆😁😄\s!！~～。.])+$")
# "李建国是也", "在下…是也": the old stage way of naming oneself, said in play.
# ("法人就是本宝宝", "本大爷", "…yyds": the speaker calling themself by a pet or swagger title, or cheering themself, in play)
_PLAYFUL_REGISTER = re.compile(r"是也(?![\u4e00-\u9fff])|本宝宝|本仙女|本公主|本大爷|本少爷|本小姐|本姑娘|(?i:(?<![a-z])yyds(?![a-z]))")
# Names that are jokes where laughter is beside them: figures of history, legend and fame, which the general
# dictionary holds as words of their own (孙悟空, 秦始皇, 刘德华, 李四, 老王; ordinary names are rarely in it, 李建国 barely),
# and the stock names of jokes and examples that it does not hold.
_STOCK_NAMES = frozenset({"张三", "王五", "赵六", "马云", "马化腾", "王思聪", "雷军", "王大锤"})
_STOCK_NAME_FREQ = 20


def _stock_name(name: str) -> bool:
    if name in _STOCK_NAMES:
        return True
    try:
        import jieba  # the general dictionary, as _common_word reads it
    except ImportError:  # pragma: no cover - jieba is a dependency of the actions
        return False
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(name, 0) >= _STOCK_NAME_FREQ


# "王芳。你们要名字干嘛，系统里不是都有吗": a grumble at being asked, the name's use or its being on record already asked
# back; it asks nothing about which name. Only these whole clauses: "系统里不是李强吗" names another, "你们查一下" leaves
# the name to the office.
_ASKED_WHY = re.compile(
    r"(?:你们|您|你)?(?:还)?(?:要|问|填)(?:这个|我的?|法人的?|他的?|她的?)?(?:名字|姓名)?(?:干嘛|干吗|干啥|弄啥|做什么|干什么|有什么用|有啥用|为啥|为什么|做啥|"
    r"几遍|多少遍|好几遍)(?:啊|呀|呢|用|了|呐)*[?？!！]*|"
    r"(?:(?:你们|您)(?:那|那边|这边)?(?:系统|电脑|网上|数据库)?|(?:你们)?(?:系统|电脑|网上|执照|营业执照|数据库))(?:里|上|里面|上面)?"
    r"(?:不是|难道不是|难道)?(?:都|早就|早|已经|本来就)?有(?:的|了)?"
    r"(?:吗|嘛|么|啊|呀)?[?？!！]*|(?:不是)?(?:刚才|刚刚|之前|上次)(?:不是)?(?:都|已经)?(?:说|填|写|报)(?:过|了){1,2}(?:吗|嘛|么)?[?？!！]*|"
    # "你们系统是不是有问题": the system blamed
    r"(?:你们)?(?:的)?(?:系统|电脑|网站|程序|机器人)(?:是不是|是否|怕不是)?(?:有问题|出问题了?|坏了|有毛病|有bug)(?:啊|吗|呀|吧)?[?？]*|"
    # "都填好几遍了", "问了三遍了": how often it was asked already
    r"(?:都|已经|我都|俺都)?(?:填|写|说|报|问)(?:了|过)?(?:好几|几|多少|这么多|[两三四五])(?:遍|次|回)了?(?:了|啊|呀)*[!！]*")


def _name_then_asked_aside(clauses: List[Clause]) -> Tuple[List[Clause], List[Clause]]:
    """"法人是王芳，你问这个干嘛", "我是法人 王芳 需要我签字吗", "我叫张伟，如果重名怎么办": the name stated plainly, then a
    question about something else. The name is the answer (the question is the user's to ask again); the clauses
    after it are set aside. Not when the question is about the name ("法人是王芳，对吗", "我叫张伟，写张伟还是张玮",
    "…李强行吗"), tells a former name, corrects, doubts or refuses, or when the name itself is asked ("法人是王芳吗？")."""
    named = [i for i, c in enumerate(clauses) if _name_candidates(_fold(c.text)) and not _ASKED_WHY.fullmatch(c.text)]
    if not named or named[-1] + 1 >= len(clauses):
        return clauses, []
    head, tail = clauses[: named[-1] + 1], clauses[named[-1] + 1:]
    if any(_NAME_QUESTION.search(c.text) for c in head) or not any(_NAME_QUESTION.search(c.text) for c in tail):
        return clauses, []
    if any(c.correction or c.contrast or (_ABOUT_THE_NAME.search(c.text) and not _ASKED_WHY.fullmatch(c.text))
           or _OTHER_NAME.search(c.text) or _CHECK_IT_YOURSELF.search(c.text)
           or _JOKE.search(c.text) or _HEDGE.search(c.text) or _REFUSAL.search(c.text) or re.search(r"[A-Za-z]", c.text)
           for c in tail):
        return clauses, []
    return head, tail


def _given_name_corrected(said: List[Clause], clauses: List[Clause]) -> Tuple[List[Clause], bool]:
    """"法人是司马晓冬……不对，是晓东": a full name taken back, then a shorter one put in its place. When that is the
    given name of the one taken back with one character put right (晓冬 → 晓东), the correction keeps the surname: the
    clause is read with the whole name (司马晓东). A name put right with no known surname that is no such slip and no
    longer than the one taken back ("张伟，不对，是晓东": 张晓东, or someone with the rare surname 晓?) leaves the name open
    (True). Only one full name taken back: "王芳，不对，是李强" (a known surname) and "王芳，不对，是笪秀兰" (longer, a whole
    name of its own) are read as they are said."""
    start = next((i for i, c in enumerate(said) if clauses and c is clauses[0]), None)
    if not start:
        return clauses, False
    taken_back = {name_key(n): n for c in said[:start] for n, kind, _ in _name_candidates(_fold(c.text))
                  if kind == "person" and "·" not in n and _has_surname(n)}
    if len(taken_back) != 1:
        return clauses, False
    full = next(iter(taken_back.values()))
    surname = _COMPOUND_SURNAME.match(full)
    surname = surname.group(0) if surname else full[0]
    given = full[len(surname):]
    for index, clause in enumerate(clauses):
        for name, kind, _ in _name_candidates(_fold(clause.text)):
            if kind != "person" or len(name) > len(full) or name not in clause.text or name == given \
                    or name.startswith(surname):
                # (the given name said again, "李秀兰，哦不，秀兰是我妈", points back at the one taken back; one with the
                # same surname, "陈晨晨，多打了一个字，陈晨", is a whole name put right)
                continue
            if len(name) < len(full) and _one_character_apart(name, given):
                put_right = Clause(clause.text.replace(name, surname + name, 1), clause.correction, clause.contrast)
                return clauses[:index] + [put_right] + clauses[index + 1:], False
            if not _has_surname(name):
                return clauses, True
    return clauses, False


def _kin_tagged_name(clause: str, said: List[Clause]) -> Optional[str]:
    """The name of the relative ``clause`` tags as the speaker's ("张伟是我老公"), or None. A given name alone ("秀兰是我妈")
    tags the whole name it ends that was said in the answer ("李秀兰，哦不，秀兰是我妈"), and only then."""
    m = _KIN_TAGGED.fullmatch(clause)
    if not m:
        return None
    person = _as_person(m.group(1))
    if person:
        return person
    whole = {n for c in said for n, kind, _ in _name_candidates(_fold(c.text))
             if kind == "person" and len(n) > len(m.group(1)) and n.endswith(m.group(1)) and _has_surname(n)
             and n[: len(n) - len(m.group(1))] in (n[0], (_COMPOUND_SURNAME.match(n) or [None])[0])}
    return whole.pop() if len(whole) == 1 else None


# "以前是我老伴儿", "原来法人是我爸": a relative of the speaker who held the role before, a clause of its own
_FORMER_KIN_HOLDER = re.compile(rf"(?:以前|原来|之前|过去|原先|早先|本来)(?:的)?(?:法人|法定代表人|法人代表)?(?:是|为|登记的是|写的是)"
                                rf"(?:我|俺|咱)(?:的|家)?(?:大|二|三|小|表|堂|亲)?{_RELATIVE}(?:子|儿)?(?:啊|呀|哈|嘛)?")
# "他走了以后变更成我了", "后来法人换成我了": the role changed to the speaker, told as made (a clause that ends with it;
# no negation, wish or time to come before it: "还没变更成我", "要变更成我", "以后会换成我" tell no change made)
_CHANGED_TO_SPEAKER = re.compile(r"(?:(?![不没未别要将准想打会该能可])[\u4e00-\u9fff]){0,8}?(?:变更|换|改|变|转)(?:成|为|到)(?:了)?"
                                 r"(?:我|俺)(?:本人|自己)?(?:名下)?(?:了|啦)?(?:啊|呀|哈|嘛)?")


def _spelling_respelled(said: List[Clause]) -> Tuple[List[Clause], bool]:
    """"杨光，阳光的阳……不对，杨树的杨哈哈": the name, then how one of its characters is written, said wrong and put right.
    The correction takes back the spelling, not the name: the name and nothing after it are read, and laughter at the
    slip (told with the spelling put right) is no joke on the name. Only when the spelling put right spells characters of
    the name and the one taken back did not ("杨光，杨树的杨……不对，阳光的阳" changes the name: read as said). Also
    returns whether laughter was set aside so."""
    last = max((i for i, c in enumerate(said) if c.correction and i > 0), default=None)
    if last is None or last < 2 or not _SPELLING.fullmatch(said[last - 1].text):
        return said, False
    tail = [_LAUGHTER.sub("", c.text).strip(" ~～!！。.") for c in said[last:] if c.text]
    if not tail or not all(t and _SPELLING.fullmatch(t) for t in tail):
        return said, False
    head = said[: last - 1]
    name_said = "".join(c.text for c in head if not _SPELLING.fullmatch(c.text))
    respelled = re.findall(r"的([\u4e00-\u9fff])", "".join(tail))
    mistaken = re.findall(r"的([\u4e00-\u9fff])", said[last - 1].text)
    if not respelled or not mistaken or any(ch not in name_said for ch in respelled) or any(ch in name_said for ch in mistaken):
        return said, False
    return head, any(_LAUGHTER.search(c.text) for c in said[last:])


# "我要是马云就好了", "俺要是叫王思聪该多好": the speaker wishing to be someone, which says they are not.
_WISHED_TO_BE = re.compile(r"^(?:我|俺)(?:要是|如果|假如|若是)(?:是|叫|成了|变成|当上)?([\u4e00-\u9fff·]{2,4}?)"
                           r"(?:就好了|就好啦|就好喽|该多好|多好|就发了)(?:啊|呀|哈|啦|呢|嘿)*[!！~～]*$")


def _wishes_set_aside(said: List[Clause]) -> List[Clause]:
    """"我要是马云就好了哈哈，法人是我，马俊峰": a wish to be someone else, laughter and all, is no condition on the name
    and no name; it is set aside and the rest read. Only the speaker's wish to be a person named in it, who is named
    nowhere else: "我要是法人就好了" (a role: the speaker is not the representative) and "我要是王芳就好了，法人是王芳"
    (the name answered) stay, and are read as conditions."""
    kept = []
    for index, clause in enumerate(said):
        m = _WISHED_TO_BE.fullmatch(_LAUGHTER.sub("", clause.text).strip())
        wished = m and _as_person(m.group(1))
        elsewhere = "".join(c.text for i, c in enumerate(said) if i != index)
        if wished and name_key(wished) not in name_key(elsewhere):
            continue
        kept.append(clause)
    return kept


# The question asked back, or remarked on, before the speaker answers it at once with a name: "你问我叫啥？廖国平",
# "你问法人名字？我呀，杨树林" (what was asked, echoed), "法人叫啥要紧吗，我就是，叫汪涛" (whether it matters),
# "法人得是人名？那写我：谭永强" (which kind of name, checked), "法人这么严肃的吗😳 好吧 是我 郑可欣" (the formality remarked on, then
# conceded), "我叫什么……我叫孙建华啊" (the speaker recalling their own name aloud). Each asks nothing the answer after it
# leaves open. Only these shapes, and only before a clause that gives a person's name: alone, or followed by no name
# ("你问我叫啥？你们系统里没有吗"), they are questions still; a question about the name given ("法人是王芳吗", "写王芳还是
# 王方") or one after it is no such shape, and is read as it was.
_ASKED_BACK_BEFORE_NAME = re.compile(
    r"(?:(?:你|您)(?:是)?(?:问|说|要)(?:的是)?(?:我|俺|法人|法定代表人|法人代表|公司法人)?(?:的)?"
    r"(?:叫啥|叫什么|名字|姓名|全名|是谁|叫啥名字?|叫什么名字?)(?:啊|呀|吗|是吧|呢)?|"
    r"(?:法人|法定代表人|法人代表|我|俺)?(?:的)?(?:叫啥|叫什么|是谁|名字|姓名)(?:很|也|还|这么|那么|有那么|有这么)?"
    r"(?:要紧|重要|有关系)(?:吗|么|啊|呀|嘛)|"
    r"(?:法人|法定代表人|法人代表)(?:得|要|必须|只能|一定要|一定得)?(?:是|写|填)(?:人名|人的名字|个人的?名字)(?:吗|么|啊|呀)?|"
    r"(?:法人|这|这个|问得|问的|要求)?(?:这么|那么|好|真)(?:严肃|正式|认真|讲究|较真)(?:的)?(?:吗|么|啊|呀|嘛)|"
    r"(?:我|俺)(?:叫|是)(?:什么|啥)(?:名字)?(?:来着)?(?:呢|啊|呀)?)"
    r"[?？!！]*[^\u4e00-\u9fffA-Za-z0-9]*")
# "我都叫糊涂了", "说懵了", "我一紧张": the speaker's own muddle, said of themself
_FLUSTERED = re.compile(r"(?:我|俺)?(?:都|也|真|真是|是|有点|有点儿|一)?(?:被你)?(?:叫|说|搞|弄|整|问|绕|急)?"
                        r"(?:糊涂|迷糊|懵|晕|乱|紧张|结巴|蒙圈)(?:了|啦)?")
# "小店就我一个人", "里里外外都是我", "光杆司令一个": the speaker said to be the whole business, a statement about it
_WHOLE_BUSINESS = re.compile(
    r"(?:小店|店里|店|公司|厂里|铺子|摊子|我们|俺们|咱们)?(?:里|上下|上上下下)?(?:就|只有|就只有|只|统共|总共|一共)?(?:我|俺)(?:自己)?"
    r"(?:一个人|一人)(?:啊|呀|哈|嘛|呢|而已)?|"
    r"(?:里里外外|里外|上上下下|大事小事)(?:都|全)(?:是|靠)?(?:我|俺)(?:一个人?)?(?:啊|呀|哈|嘛)?|"
    r"(?:我|俺)?(?:是)?光杆司令(?:一个)?(?:啊|呀|哈|嘛)?")
_CONCEDED = re.compile(r"(?:那)?(?:好吧|行吧|好嘛|行嘛|那行|那好)[!！~～]*")


# Laughter belongs to the clause it is typed in. In a clause of other words than the name's ("法人是我哈哈，我叫孙立新",
# "哈哈哈问到点子上了，法人是…", "…，老板兼厨子兼服务员😂", "不是翻车的翻哈哈") it laughs at what that clause says, and the name
# said plainly in another clause stands. Laughter alone ("哈哈，法人是我，罗红") or in the name's own clause ("法人是陈刚哈哈",
# "我叫黄晓明 哈哈") may be at the name, which a made-up one cannot be told apart from, and stays a joke; so does laughter
# beside words on the name or on the answer being true anywhere in it ("陈刚，假的哈哈", "法人是我哈哈，陈刚，你信吗"), beside
# an appraisal with no subject of its own, which is of what was just said, the name ("陈刚，没想到吧哈哈", "厉害吧😂"), and
# beside the role said to be held by someone or something named there ("法人是我家狗哈哈，叫王旺财": the laughter is at
# who holds it, and the name after it goes with that).
_UNREAL = re.compile(r"假|编|瞎|骗|逗|玩笑|胡说|胡诌|乱|冒充|真的|真名|名字|名儿|姓名|随便|网名|外号|绰号|艺名|昵称|小名|恶搞|整蛊|"
                     r"糊弄|忽悠|蒙你|唬你|信")
_ROLE_HELD_BY = re.compile(r"(?:法人|法定代表人|法人代表|代办人|代理人|申请人|委托人|老板)(?:就|也|其实|倒)?(?:是|为|叫|写的)"
                           r"(?!(?:我|俺)(?:本人|自己)?(?:啊|呀|嘛|呢|啦)?$)")
_APPRAISAL = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:吧|吗|嘛|啊|呀|哦|呢|哇)$|好玩|有意思|有趣|搞笑|好笑|离谱|绝了|厉害|神奇|"
                        r"没想到|想不到|意外|惊喜|服了|笑死|牛|霸气|威武")


def _laughing_elsewhere(clause: str, names: Sequence[str], said: str) -> bool:
    """The laughter in ``clause`` is at what that clause says, not at the name; ``said`` is the whole answer."""
    if not _LAUGHTER.search(clause):
        return False
    rest = _LAUGHTER.sub("", clause).strip(" ~～!！。.…")
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) < 2 or _name_candidates(_fold(rest)) \
            or any(name_key(name) in name_key(rest) for name in names):
        return False
    # ("杨树的杨哈哈": a gloss that spells the name tells the name, and laughter on it is on the name; "不是翻车的翻哈哈"
    # laughs at the character the name has not)
    gloss = _gloss_clause(rest)
    if (gloss and not gloss[1]) or (not gloss and _SPELLING.fullmatch(rest)):
        return False
    return not (_JOKE.search(rest) or _MOCKERY.search(rest) or _SARCASM.search(rest) or _HEDGE.search(rest)
                or _UNREAL.search(_LAUGHTER.sub("", said)) or _APPRAISAL.search(rest) or _ROLE_HELD_BY.search(rest))


def _asked_back_before_name(clauses: List[Clause]) -> List[Clause]:
    named = next((i for i, c in enumerate(clauses)
                  if any(kind == "person" for _, kind, _ in _name_candidates(_fold(c.text)))), None)
    if named is None:
        return clauses
    kept: List[Clause] = []
    dropped_last = False
    for index, clause in enumerate(clauses):
        text = clause.text
        if index < named and not clause.correction:
            # ("法人这么严肃的吗😳 好吧": the concession typed after it in the same clause)
            asked = re.match(r"(.*?)\s*(?:那)?(?:好吧|行吧|好嘛|行嘛|那行|那好)[!！~～]*$", text)
            if _ASKED_BACK_BEFORE_NAME.fullmatch(text) or (asked and _ASKED_BACK_BEFORE_NAME.fullmatch(asked.group(1))):
                dropped_last = True
                continue
            if dropped_last and _CONCEDED.fullmatch(text):
                continue
        dropped_last = False
        kept.append(clause)
    return kept


# "秦始皇😂 开玩笑的", "孙悟空哈哈哈开玩笑": a clause that says something and then, after laughter, calls it a joke takes it
# back (as a joke mark alone after it does). Only laughter right before the mark and no negation in the clause: "不是开玩笑的"
# vouches, and "法人是高亮，开玩笑的" (the mark a clause of its own, with nothing after) still leaves the name a joke.
_JOKE_ENDED = re.compile(r"(?:(?![不没,，])[^,，])+?(?:[😂🤣😆😁😄😜😝🤪]+|哈{2,}|嘿{2,}|呵{2,})\s*"
                         r"(?:开玩笑|开个玩笑|逗你|逗你玩|骗你|闹着玩)(?:的|呢|啦|哈|了)*")


def _read_name_words(step: str, words: str, number: Optional[str], ctx: Context, expected: str,
                     words_with_numbers: str = "") -> Reading:
    said = split_clauses(words)
    if len(said) >= 3 and said[-1].correction and not said[-1].text and _SPELLING.fullmatch(said[-2].text) \
            and any(c.correction for c in said[:-2]):
        # "刘阳 不对 是刘洋 太阳的阳打错了": after the corrected name, which character was mistyped, explained
        said = said[:-2]
    said, laughed_at_slip = _spelling_respelled(said)
    # ("秦始皇😂 开玩笑的，法人是高亮": the joke mark typed after laughter in the joke's own clause takes it back as well)
    taken_back = [i for i, c in enumerate(said) if _JOKE_MARK.fullmatch(c.text) or _JOKE_ENDED.fullmatch(c.text)]
    if taken_back and taken_back[-1] + 1 < len(said):
        # "法人是孙悟空 哈哈 开玩笑的 是孙武": the joke taken back, then the real answer
        said = said[taken_back[-1] + 1:]
    said = _wishes_set_aside(said)
    clauses, corrected = _current(said)
    if corrected:
        clauses, left_open = _given_name_corrected(said, clauses)
        if left_open:
            return clarify("correction", expected)
    # "名字？张伟啊": the question repeated back before the answer is no question.
    clauses = [c for c in clauses if not _ECHO.fullmatch(c.text)] or clauses
    # "刘涛吧？", "法人是刘涛吧？": a name put as a guess, its question mark asking us to confirm what only the speaker can
    # know: a guess (a hedge, asked again), no question to answer. Only that clause: "法人是刘涛吗？" asks, and so does
    # "是刘涛吧？还是刘韬？" by the clause after it, and "…就是法人吧？" guesses no person's name.
    clauses = [Clause(_GUESS_ASKED.sub("", c.text), c.correction, c.contrast)
               if _GUESS_ASKED.search(c.text) and _guessed_name(_GUESS_ASKED.sub("", c.text))
               and not _NAME_QUESTION.search(_GUESS_ASKED.sub("", c.text))
               and any(kind == "person" for _, kind, _ in _name_candidates(_fold(_GUESS_ASKED.sub("", c.text))))
               else c for c in clauses]
    clauses = _asked_back_before_name(clauses)
    # "不是公司名，是要人名对吧？刘敏": which kind of name is wanted, checked aloud and answered at once with a name
    # ("对吧" tags it to oneself, and the question says a person's name is wanted). Only before something more is said,
    # and only the kind: "是要我的名字对吧？刘敏" asks whose name, "刘敏，是要人名对吧" asks about the answer given.
    checked = [i for i, c in enumerate(clauses) if _KIND_CHECKED.fullmatch(c.text)]
    if checked and checked[-1] + 1 < len(clauses):
        clauses = [c for i, c in enumerate(clauses) if i > checked[-1] or not (
            _KIND_CHECKED.fullmatch(c.text) or _NOT_THE_COMPANY_NAME.fullmatch(c.text))]
    # "法人叫啥来着……王芳": the speaker recalling the name aloud, then saying it
    if len(clauses) > 1:
        clauses = [c for c in clauses if not _RECALLING.fullmatch(c.text)] or clauses
    # What the glosses still standing spell (those taken back by a correction are gone with it), and deny ("不是翻车的翻")
    # ("梅花的玫": a character told by a word that does not hold it, a word of the dictionary said alone before 的, is
    # spelled all the same, and checked; "我自己开的店" is no such word)
    glosses = [g for g in (_gloss_clause(c.text) for c in clauses) if g] + [
        (m.group(2), False) for m in (re.fullmatch(r"([\u4e00-\u9fff]{2,4})的([\u4e00-\u9fff])", c.text) for c in clauses)
        if m and not _gloss_clause(m.group(0)) and _dictionary_word(m.group(1)) and not _GLOSS_WORD_START.match(m.group(1))]
    spelled = [chars for chars, denied in glosses if not denied]
    denied_chars = [chars for chars, denied in glosses if denied]
    # (a gloss with laughter on it stays, and the laughter is weighed below)
    clauses = [c for c in clauses if not (_SPELLING.fullmatch(c.text) or (
        (_gloss_clause(c.text) or ("", True))[1] is False and not _LAUGHTER.search(c.text)))] or clauses
    # "呃，王强": a sound of hesitation before the answer is no hedge on it
    clauses = [c for c in clauses if not re.fullmatch(r"(?:嗯|呃|额|哦|噢|啊|那个)+", c.text)] or clauses
    clauses = [c for c in clauses if not _CONTACT_REMARK.fullmatch(c.text)] or clauses
    # "不是股东里随便哪个，法定代表人就我一个": "not just any one of them", a denial that the answer is open, no hedge;
    # set aside beside what else is said (alone it names no one, and is asked again)
    clauses = [c for c in clauses if not _ANY_ONE_DENIED.fullmatch(c.text)] or clauses
    clauses, asides = _name_then_asked_aside(clauses)
    if step == "representative_name" \
            and any(_NAME_QUESTION.search(c.text) and re.search(r"[我俺]", c.text) for c in clauses) \
            and any(_SPEAKER_STAFF_POST.fullmatch(_STAFF_POST_BARE.sub("", c.text)) for c in clauses) \
            and not (_ROLE_ALSO_CLAIMED.search(_fold(words)) or any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses)):
        # "法人叫啥不重要吧，我是店长，我签不行吗", "我这就成法人了？我是实习生啊🤣": a staff post said as the speaker's own
        # (a clause of its own), and the speaker asking whether they may stand in the role: they are not the
        # representative, which answers the question as well (one about the rules alone, "我是会计，法人必须本人来吗",
        # is answered as a question)
        return clarify("not_representative", expected)
    candidates: List[Tuple[str, str, str]] = []
    other_names = False
    for index, clause in enumerate(clauses):
        if _NAME_QUESTION.search(clause.text) and not _CONTACT_REMARK.fullmatch(clause.text):
            # "你猜我叫啥": a tease, no question to answer; the name is asked again
            return clarify("hedge", expected) if re.search(r"你猜|猜猜", clause.text) else _question(ctx)
        if _OTHER_NAME.search(clause.text):
            # "以前叫张小伟，现在叫张伟", "平时大家叫我王小芳": a former name or a nickname is not the one asked
            other_names = True
            continue
        if _NAME_REMARKED.fullmatch(clause.text):  # "名字里有金": a remark on the name says no other name
            continue
        bare = _LAUGHTER.sub("", clause.text).strip(" ~～!！。.…")
        if _NAME_GIVEN_BY.fullmatch(bare) or _DONT_LAUGH.fullmatch(bare):
            continue  # ("名字是我爹起的", "别笑啊😂": who gave the name, a plea not to laugh; neither is a name)
        found = _name_candidates(_fold(clause.text))
        if found and (clause.contrast or any(c.contrast for c in clauses[:index])) and candidates and \
                {name_key(n) for n, _, _ in found} - {name_key(n) for n, _, _ in candidates}:
            # "法人是王芳，不过执照上还是李强": a second name set against the first leaves it open
            return clarify("ambiguous_name", expected)
        candidates.extend(found)
    if not candidates and len(spelled) >= 2 and all(_gloss_clause(c.text) or not _name_candidates(_fold(c.text)) for c in clauses):
        # "弓长张，伟大的伟": the name told by its glosses alone is the characters they spell, in order
        person = _as_person("".join(spelled))
        if person:
            candidates.append((person, "person", "generic"))
    if other_names and not candidates:
        return clarify("other_name", expected)
    # "我叫黄晓明 哈哈 不是那个明星": laughter at the name being a famous one, the name vouched for as the speaker's own, is
    # no joke on it. Laughter beside a name alone stays a joke ("法人是孙悟空 哈哈": a made-up name cannot be told apart).
    # ("法人是我，叫白雪，不是白雪公主😂": the name denied to be the famous word that holds it, the same vouching)
    vouched = any(_VOUCHED_NAME.search(c.text) or _namesake_denied(c.text, [n for n, k, _ in candidates if k == "person"])
                  for c in clauses) and not any(_MOCKERY.search(c.text) for c in clauses)
    # "法人是陈刚哈哈，名字够硬吧": the laughter said to be at the name's sound or look treats it as the bearer's real
    # name, and vouches for it as well. Not for a famous or stock name ("法人是孙悟空哈哈，名字够硬吧"), whose remark is
    # part of the joke (unless vouched for in so many words: "我叫刘德华 哈哈 不是那个明星"); nor with a sneer.
    # ("法人孙悟空😏": a smirk beside a famous name is as much a joke as laughter is)
    playful = any(_LAUGHTER.search(c.text) or _JOKE.search(c.text) or _PLAYFUL_REGISTER.search(c.text)
                  or _MOCKERY.search(c.text) for c in clauses)
    if (playful or laughed_at_slip) and not vouched and any(_stock_name(n) for n, k, _ in candidates if k == "person"):
        return clarify("hedge", expected)
    # "法人史珍香，名字是我爹起的，别笑啊😂": the name told as the one a parent gave, an odd name laughed at by its own
    # bearer, vouches as a remark on it does, and likewise not for a famous or stock name ("法人孙悟空，名字是我爹起的😂")
    vouched = vouched or (any(_NAME_REMARKED.search(c.text) or _NAME_GIVEN_BY.fullmatch(
        _LAUGHTER.sub("", c.text).strip(" ~～!！。.…")) for c in clauses) and not any(_MOCKERY.search(c.text) for c in clauses))
    if vouched and any(_answer_made_up(c.text) for c in clauses):
        # ("我叫王芳，不是那个明星，假的哈哈": the vouching taken back by the answer called made up)
        return clarify("hedge", expected)
    # "我叫……哈哈哈，我都叫糊涂了，冯建国，就是冯建国": laughter at the speaker's own muddle, told in so many words, with
    # the one name then said again, is at the slip and not at the name (a stock name is still a joke, above). Without
    # the muddle told ("我叫……哈哈哈，冯建国") or the name said again, or with a sneer, the laughter stays a joke.
    persons = [n for n, k, _ in candidates if k == "person"]
    flustered = len(persons) >= 2 and len({name_key(n) for n in persons}) == 1 \
        and any(_FLUSTERED.fullmatch(_LAUGHTER.sub("", c.text).strip(" ~～!！")) for c in clauses) \
        and not any(_MOCKERY.search(c.text) for c in clauses)
    # "哈哈，小店就我一个人，法人也是我，罗红": laughter at the speaker being the whole business, told in so many words,
    # with the role claimed as the speaker's own, is at the one-person shop and not at the name (a stock name is still a
    # joke, above). Without the shop told ("哈哈，法人是我，罗红"), without the claim ("哈哈，小店就我一个人，法人是王芳"),
    # or with a sneer or a joke's words, the laughter stays a joke.
    whole_business = any(_LAUGHTER.search(c.text) for c in clauses) \
        and any(_WHOLE_BUSINESS.fullmatch(_LAUGHTER.sub("", c.text).strip(" ~～!！")) for c in clauses) \
        and any(_ROLE_CLAIMED.fullmatch(_LAUGHTER.sub("", c.text).strip(" ~～!！")) for c in clauses) \
        and not any(_MOCKERY.search(c.text) for c in clauses)
    names_said = [n for n, _, _ in candidates]
    if any(_JOKE.search(_LAUGHTER.sub("", _NAME_REMARKED.sub("", _VOUCHED_NAME.sub("", c.text))) if vouched else
                        _LAUGHTER.sub("", c.text) if flustered or whole_business
                        or _laughing_elsewhere(c.text, names_said, words)
                        else c.text)
           or _HEDGE.search(c.text) or _guessed_name(c.text) or _STILL_TO_LOOK_UP.search(c.text) for c in clauses):
        return clarify("hedge", expected)
    if any(_names_on_condition(said, i) for i, c in enumerate(said) if all(c is not a for a in asides)) or \
            any(_CHECK_IT_YOURSELF.search(c.text) for c in clauses):
        # "要是不行就写李强", "如果必须是本人的话就写我": a name offered on a condition; "还是你们查一下吧": doubt after it
        return clarify("condition", expected)
    if any(_NAME_ALTERNATIVES.search(c.text) for c in clauses):
        return clarify("ambiguous_name", expected)
    if ctx.applicant_kind == "enterprise" and ctx.applicant_name and step != "applicant_name":
        # "法人是郑州好味": a piece of the company's own name cut short is no person's name (a person's name is
        # two or three characters, or starts with a compound surname; the owner's name in a shop's name stays)
        candidates = [c for c in candidates if not (
            c[1] == "person" and name_key(c[0]) in name_key(ctx.applicant_name) and len(c[0]) >= 4
            and not _COMPOUND_SURNAME.match(c[0]))]
    if step == "applicant_name" and ctx.applicant_kind == "enterprise":
        # The applicant identified with a credit code is an enterprise: a short word ("就叫好味吧") is no
        # registered name, and a person named here is its representative, not the applicant.
        candidates = [c for c in candidates if c[1] == "enterprise"]
    if step == "representative_name":
        candidates = [c for c in candidates if c[1] == "person"]
        # (what a correction took back is no longer said: "法人是我老婆……不对不对，现在法人是我，武国栋"; 算了 takes back
        # no fact: in "我不是法人，算了，法人是王芳" the speaker is still not the representative)
        retracted = corrected and (re.search(_CORRECTION, words) or any(_BARE_NO_MARK.fullmatch(p.strip())
                                                                       for p in _SPLIT.split(words) if p))
        checked = " ".join(c.text for c in clauses) if retracted else words
        given_by = [c for c in clauses if _NAME_GIVEN_BY.fullmatch(_LAUGHTER.sub("", c.text).strip(" ~～!！。.…"))]
        if given_by:
            # "法人史珍香，名字是我爹起的": the parent who gave the name is not said to hold the role ("法人…是我爹" read
            # across the pause); the clause is set aside, and the rest is weighed as said
            clauses = [c for c in clauses if all(c is not g for g in given_by)]
            for g in given_by:
                checked = checked.replace(g.text, "")
        tagged = [c for c in clauses if _kin_tagged_name(_fold(c.text), said)]
        if tagged and any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses):
            # "我不是张伟，张伟是我老公，法人登记的是我，黎晓敏": the speaker claims the role as their own in so many
            # words, and names a relative only to tell who they are not: that clause is set aside, and its name with
            # it; the rest is read as said (another relative named as the representative, "法人是我老公", or "我不是
            # 法人" beside the claim still find the speaker no representative below)
            # ("李秀兰，哦不，秀兰是我妈，我叫李秀芬，法人是我": the relative told by the given name of the name just taken
            # back, which is the relative's whole name)
            aside = {name_key(n) for c in tagged
                     for n in (_KIN_TAGGED.fullmatch(_fold(c.text)).group(1), _kin_tagged_name(_fold(c.text), said))}
            clauses = [c for c in clauses if all(c is not t for t in tagged)]
            candidates = [c for c in candidates if name_key(c[0]) not in aside]
            checked = " ".join(c.text for c in clauses)
        former = [c for c in clauses if _FORMER_KIN_HOLDER.fullmatch(_fold(c.text))]
        if former and any(_CHANGED_TO_SPEAKER.fullmatch(_fold(c.text)) for c in clauses):
            # "以前是我老伴儿，他走了以后变更成我了，我叫孙桂英": a relative who held the role before, and the role since
            # changed to the speaker, tell how the speaker came to hold it: the former holder is set aside, as a former
            # name is. Only with the change to the speaker told as made: "以前是我老伴儿，我叫孙桂英" (no change), "…还没
            # 变更成我" or "…要变更成我了" (not made yet) and "…现在是我儿子" (another relative) are read as said.
            clauses = [c for c in clauses if all(c is not f for f in former)]
            checked = " ".join(c.text for c in clauses)
        if retracted and clauses and clauses[0].correction and _THAT_WAS_KIN.fullmatch(_fold(clauses[0].text)) \
                and any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses[1:]) \
                and any(_name_candidates(_fold(c.text)) for c in said[: next(
                    (i for i, c in enumerate(said) if c is clauses[0]), 0)]):
            # "张保国，哎不是，那是我弟弟，法人是我，张保民": the name taken back is explained as a relative's ("那" points
            # back at it, right after the correction), and the speaker then claims the role as their own: the
            # explanation goes with the name it explains. Only so: "那是我弟弟，法人是我" with nothing taken back, or a
            # correction whose explanation is followed by no claim of the role ("…那是我弟弟，法人是他") is still read
            # as someone else's.
            clauses = clauses[1:]
            checked = " ".join(c.text for c in clauses)
        # ("法人是我不是我哥，我叫韩冬": the claim and the denial said in one breath are weighed as the two clauses they
        # are, below, as "法人是我，不是我哥" is; kept apart only where the denial is set aside)
        apart: List[Clause] = []
        for c in clauses:
            m = _CLAIM_BESIDE_KIN_DENIED.fullmatch(_fold(c.text))
            if m:
                said_first = m.group("claim") is not None
                claim = m.group("claim") if said_first else m.group("late")
                denial = m.group(0)[len(claim):] if said_first else m.group(0)[: m.start("late")]
                apart.extend([Clause(claim, c.correction, c.contrast), Clause(denial)] if said_first
                             else [Clause(denial, c.correction, c.contrast), Clause(claim)])
            else:
                apart.append(c)
        denied = [c for c in apart if _KIN_DENIED.fullmatch(_fold(c.text))]
        # ("法人不是我媳妇，店是她管，法人是我": the relative denied the role said to see to the shop day to day, which is
        # why they are taken for its representative; that clause goes with the denial)
        minding = [c for c in apart if _KIN_MINDS_SHOP.fullmatch(_fold(c.text))] if denied else []
        if denied and any(_ROLE_CLAIMED.fullmatch(c.text) or _SELF_CLAIMED.fullmatch(c.text) for c in apart) \
                and not any(re.search(r"[他她]", c.text) for c in apart if all(c is not m for m in minding)):
            denied = denied + minding
            # "不是我老伴，是我，吴金花", "法人是我本人 不是我爸": a relative denied the role while the speaker claims it in so
            # many words is who the speaker is not; that clause is set aside (it names no one). Without the claim
            # ("法人不是我姐，叫冯晓丽": whose name follows is open), or with the relative talked of beside the name
            # ("…不是我爸，钱是他出的，叫周大海": whose name that is is open), the relative's mention still finds the
            # speaker no representative below.
            clauses = [c for c in apart if all(c is not d for d in denied)]
            checked = " ".join(c.text for c in clauses)
        kin_named = (_KIN_NAMED.fullmatch(_fold(c.text)) for c in clauses)
        if _NOT_THE_REPRESENTATIVE.search(checked) or \
                any(m and _as_person(_clean_candidate(m.group(1)), said=m.group(1)) for m in kin_named):
            # The representative is asked of an enterprise acting for itself through that person; someone
            # acting for them is a proxy, who needs the special authorisation: the name alone is no answer.
            return clarify("not_representative", expected)
        if _SPEAKER_STAFF_POST.search(_fold(checked)) and not (
                _ROLE_ALSO_CLAIMED.search(_fold(checked)) or any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses)):
            # "我是公司的会计，叫王芳": the speaker holds a staff post, and so acts for the enterprise, unless they claim
            # the role in so many words as well ("我是会计，也是法人，叫王芳", "法人就是我，我是会计出身")
            return clarify("not_representative", expected)
        held = _SPEAKER_OFFICER_POST.search(_fold(checked)) or re.search(
            rf"(?:法人|法定代表人|法人代表)(?:兼|兼任|也是|又是|同时是|同时兼)(?:公司的?|企业的?)?{_NEVER_POST}", _fold(checked))
        if held and (re.search(_NEVER_POST, held.group(0)) or not (
                _ROLE_ALSO_CLAIMED.search(_fold(checked)) or any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses))):
            # "我是监事，叫王芳", "我是副总，法人是我", "我是股东，王芳": the speaker holds an officer's post that is not the
            # representative's by itself; a shareholder or department head who claims the role as well ("公司就我一个
            # 股东，法人也是我") is read, a supervisor or a deputy is asked again all the same, and so is the role
            # claimed with such a post besides ("我是法人兼监事": no one holds both)
            return clarify("not_representative", expected)
    said_of_others = " ".join(c.text for c in clauses)
    if ctx.applicant_name:  # "我叫刘洋，他叫赵强": the applicant named as "he" is no one else who comes
        said_of_others = re.sub(rf"(?:他|她)(?:的)?(?:叫|名叫|名字叫|名字是){re.escape(ctx.applicant_name)}", "", said_of_others)
    if step == "agent_name" and _SOMEONE_ELSE_RUNS_IT.search(said_of_others):
        # The proxy's own name is asked ("您本人"): a name of someone else who will come, or a message typed for
        # someone else, is not it
        return clarify("third_party", expected)
    if step == "agent_name" and any(
            _KIN_NAMED.fullmatch(_fold(c.text)) and not (
                ctx.applicant_name and name_key(_clean_candidate(_fold(c.text))) == name_key(ctx.applicant_name))
            for c in clauses):
        # "我爸王强", "我舅舅王强": a name given as the speaker's relative's is someone else's, not the proxy's own
        # (the applicant so named beside it, "我叫刘洋，我舅舅赵强", is set aside below)
        return clarify("third_party", expected)
    # Who the speaker's relatives are to them, for one who said they act for themself (or has not said)
    kin_names: set = set()
    kin_as_applicant = for_kin = False
    if step == "applicant_name" and ctx.acting_as != "proxy":
        for c in clauses:
            folded = _fold(c.text)
            m = _KIN_AS_APPLICANT.fullmatch(folded) or _KIN_TAGGED.fullmatch(folded)
            if m and m.lastindex and m.group(1 if m.re is _KIN_TAGGED else "name"):
                said_name = m.group(1 if m.re is _KIN_TAGGED else "name")
                person = _as_person(_clean_candidate(said_name))
                if person:
                    kin_names.add(name_key(person))
            elif m:
                kin_as_applicant = True
            for_kin = for_kin or bool(_FOR_KIN.fullmatch(folded))
    if step == "applicant_name" and ctx.acting_as == "proxy" and ctx.agent_name and any(
            re.fullmatch(rf"{re.escape(ctx.agent_name)}(?:就|也)?是(?:我|俺)(?:本人|自己)?|(?:我|俺|本人)(?:就|也)?(?:是|叫){re.escape(ctx.agent_name)}",
                         _fold(c.text)) for c in clauses):
        # "是给我老公办的，刘洋是我，他叫陈刚": the proxy's own name, said to be the speaker's, tells who speaks, not
        # whom they act for; the other name is read (said alone, the proxy's name is still the same person's)
        others = [c for c in candidates if name_key(c[0]) != name_key(ctx.agent_name)]
        candidates = others or candidates
    if step == "agent_name" and ctx.applicant_name:
        # "刘洋，赵强是我舅舅": the applicant, named beside the proxy's own name, is not the answer
        others = [c for c in candidates if name_key(c[0]) != name_key(ctx.applicant_name)]
        candidates = others or candidates
    for role in _roles(step, ctx):
        names = {name for name, _, r in candidates if r == role}
        if len(names) > 1:
            return clarify("ambiguous_name", expected)
        if names:
            name = names.pop()
            if _name_open_elsewhere(clauses, name):
                return clarify("ambiguous_name", expected)
            # The proxy and the applicant are two people: one name given for both is a slip, not an answer.
            other = ctx.applicant_name if step == "agent_name" else (
                ctx.agent_name if step == "applicant_name" and ctx.acting_as == "proxy" else None)
            if other and name_key(other) == name_key(name):
                return clarify("same_person", expected)
            if name_key(name) in kin_names or (kin_as_applicant and role != "speaker") or for_kin:
                # "我爸王强", "申请人是我老婆王芳", "王强，是我爸", said by one who chose to act for themself: the one
                # named is the speaker's relative, and "帮我爸办" says the matter is done for one: either contradicts that
                # choice, and the speaker's own name is asked again. A proxy's relative is read (whom they act for), and
                # so is the speaker's own name given beside a relative's ("我叫王强，我爸叫王建国", "我叫王强，我老婆陪我
                # 来的", "王强，我爸陪我来的").
                return clarify("third_party", "您本人的" + EXPECT_NAME)
            if step == "representative_name" and role != "representative" and any(
                    _staff_titled(_fold(said_text), name)
                    for said_text in (" ".join(c.text for c in clauses), ids.normalize(words_with_numbers))):
                # "财务王芳", "王芳主任", "王芳（出纳）": the one named holds a staff post (the post in brackets is read
                # in the message as typed, since brackets of a title are dropped before). Named as the 法人 in so
                # many words, the role is what was asked, whatever else they do.
                return clarify("not_representative", expected)
            titled = step == "representative_name" and next(filter(None, (
                _officer_titled(_fold(said_text), name)
                for said_text in (" ".join(c.text for c in clauses), ids.normalize(words_with_numbers)))), None)
            if titled and (re.search(_NEVER_POST, titled.group(0)) or not (
                    role == "representative" or _ROLE_ALSO_CLAIMED.search(_fold(words))
                    or any(_ROLE_CLAIMED.fullmatch(c.text) for c in clauses))):
                # "监事王芳", "副总王芳", "王芳（总监）": the one named holds an officer's post that is not the
                # representative's by itself. Named as the 法人 beside it, a shareholder or department head is read
                # ("王芳，法人兼股东"); a supervisor or a deputy is asked again all the same ("法人是监事王芳").
                return clarify("not_representative", expected)
            if any(chars not in name for chars in spelled) or any(chars in name for chars in denied_chars):
                # "张伟，立早章": a gloss that spells a character the name does not have (or denies one it has) leaves
                # which name is meant open
                return clarify("ambiguous_name", expected)
            kind = next(k for n, k, _ in candidates if n == name)
            extra = {"kind": kind}
            if number:
                extra["id_number"] = number
            phones = set(_MOBILE_IN_TEXT.findall(ids.normalize(words_with_numbers)))
            phone = ids.canonical_phone(phones.pop()) if len(phones) == 1 else None
            if phone and phone not in (number or ""):
                extra["phone"] = phone  # "刘洋，电话138…": one mobile typed beside the name, taken as the ID is
            return value(name, **extra)
    if candidates:  # a name was given, but for another role (the proxy's own name where the applicant's is asked)
        return clarify("other_role", expected)
    interruption = _nlu_interruption(ctx)
    if interruption:
        return interruption
    return clarify("correction" if corrected else "invalid_name", expected)


# --- numbers: IDs, phone, authorisation number, commitment number ----------------------------------------

_UNKNOWN = re.compile(r"不记得|记不得|记不清|忘了|忘记|没带|不知道|找不到|没有|没办|还没|不清楚")


def _words_only(text: str) -> str:
    return _NUMBERS.sub("", ids.normalize(text))


_RESTATED_REQUEST = re.compile(r"^(?:我|俺)?(?:就是|是)?(?:要|想)(?:查|查询|查查|查一下|看看|看一下)")


def _no_number(step: str, text: str, ctx: Context, detail: str, expected: str) -> Reading:
    """Why there is no number in the answer: a question, a stop, a refusal, or just not a number."""
    words = _RHETORICAL_UNKNOWN.sub("不知道", _NUMBER_ECHO.sub("", _words_only(text).strip()))
    if _RESTATED_REQUEST.match(words) and not re.search(r"[?]|吗", words):
        # "我要查我那个承诺办到哪一步了": what they came for, said again instead of the number; no question
        # to answer, the number is asked again.
        return clarify(detail, expected)
    if is_question(words):
        return _question(ctx)
    if is_cancel(words) or is_cancel_only(words):  # "不查了" where the number of a record is asked
        return Reading("cancel")
    if _REFUSAL.search(words):
        return clarify("refused", expected)
    interruption = _nlu_interruption(ctx)
    if interruption:
        return interruption
    if _UNKNOWN.search(words):
        return clarify("unknown", expected)
    return clarify(detail, expected)


def _corrected(text: str) -> str:
    """The part of the message after its last correction ("138…，哦不对，是139…"), or all of it."""
    clauses, corrected = _current(split_clauses(text))
    return "，".join(c.text for c in clauses) if corrected else text


def _read_id(step: str, text: str, ctx: Context) -> Reading:
    enterprise = step == "applicant_id" and (ctx.applicant_kind == "enterprise" or ctx.item_kind == "license")
    expected = EXPECT_USCC if enterprise else EXPECT_ID
    numbers = _corrected(text)
    resident, uscc = ids.extract_resident_id(numbers), ids.extract_uscc(numbers)
    if step == "agent_id":
        # The proxy is a natural person: a credit code here is the enterprise's, not theirs.
        if uscc and not resident:
            return clarify("uscc_not_allowed", EXPECT_ID)
        found = resident
    else:
        found = (uscc or resident) if enterprise else (resident or uscc)
    if found and len(found) == 18:
        return value(found)
    if found:  # a digit left out or one too many: the engine's check could only say "wrong", we say what
        return clarify("invalid_id_format", expected)
    return _no_number(step, text, ctx, "invalid_id_format", expected)


_SKIP = re.compile(
    r"^(?:没有|没|无|不知道|不清楚|不记得|记不得|忘了|忘记|不晓得|跳过|略过|不用|不需要|不用了|不留|不想留|不留了|匿名|我要匿名|"
    r"匿名投诉|不方便|不涉及|不提供|不给|不填|算了不留|算了不填|none|skip|no|n|pass)"
)
# Declining said inside a longer answer: "举报的是别人的，不知道编号", "这个投诉跟承诺没关系".
_SKIP_ANYWHERE = re.compile(
    r"匿名|不留|不想留|不提供|"
    r"(?:不知道|不清楚|不记得|记不得|忘了|忘记|没有|不晓得)(?:他的|她的|对方的|人家的|具体的?|他们的)?(?:承诺)?编号|"
    r"编号(?:我|俺)?(?:也|真|确实)?(?:不知道|不清楚|不记得|记不得|忘了|忘记了|没有|不晓得)|"
    r"(?:跟|和|与)(?:承诺|编号|具体承诺)(?:没|无)(?:有)?(?:关系|关)|不(?:是)?针对(?:某个|某一个|具体|哪个|哪一个)?(?:的)?承诺"
)
# "我哪知道", "谁记得": a rhetorical question that says "I don't know", and asks nothing.
_RHETORICAL_UNKNOWN = re.compile(r"(?:我|俺)?(?:哪|哪里|怎么|咋|上哪)(?:会)?(?:知道|晓得|记得)|谁(?:知道|晓得|记得)")
# The question said back before the answer ("编号？没有"): an echo, no question.
_NUMBER_ECHO = re.compile(r"^(?:承诺|授权|委托书的?)?(?:编号|号码|手机号|电话|电话号码)(?:吗|啊|呀)?[?]+")


def skips(text: str) -> bool:
    """An optional answer declined ("没有", "匿名", "不留了"): complaints may be anonymous (R11)."""
    words = re.sub(r"[\s,，.。!！~～]", "", _words_only(text)).lower()
    if re.search(r"[0-9]", words):  # "我不记得了123": a number was attempted; it is re-asked, not skipped
        return False
    words = _RHETORICAL_UNKNOWN.sub("不知道", _NUMBER_ECHO.sub("", words))
    words = re.sub(r"^(?:我|俺|咱|我这边|我这儿)(?:也|真|确实|实在)?", "", words)  # "我不知道他的编号"
    return bool(words) and not is_question(words) and bool(_SKIP.match(words) or _SKIP_ANYWHERE.search(words))


_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])(?:\+?86)?(1[3-9][0-9]{9})(?![0-9])")


def _read_phone(step: str, text: str, ctx: Context) -> Reading:
    current = _corrected(text)
    found = ids.extract_phone(current)
    expected = EXPECT_PHONE + (EXPECT_OPTIONAL if step == "complaint_phone" else "")
    if len(set(_MOBILE_IN_TEXT.findall(ids.normalize(current)))) > 1:
        # Two numbers and no word of which one to use ("13800138000 13912345678"): ask, don't pick.
        return clarify("ambiguous_number", expected)
    if found:
        phone = ids.canonical_phone(found)
        return value(phone) if phone else clarify("invalid_phone", expected)
    if step == "complaint_phone" and skips(text):
        return value("none")
    return _no_number(step, text, ctx, "invalid_phone", expected)


_AUTH_NO = re.compile(r"(?<![0-9A-Za-z])[A-Za-z0-9][A-Za-z0-9\-_/]{3,39}(?![0-9A-Za-z])")
_AUTH_LEAD = re.compile(r"(?:授权委托书|委托书|授权书)?(?:的)?(?:编号|号码|号)(?:是|为)?:?")


def _read_authorization_no(step: str, text: str, ctx: Context) -> Reading:
    t = _AUTH_LEAD.sub(" ", text)
    t = re.sub(r"\s*([-_/])\s*", r"\1", t)
    # "WT 20261127 001": groups typed apart are one number (the letters and digits are never a word here).
    t = re.sub(r"(?<=[A-Za-z0-9]) +(?=[A-Za-z0-9])", "", t)
    candidates = [m.group(0).upper() for m in _AUTH_NO.finditer(t) if re.search(r"\d", m.group(0))]
    for candidate in candidates:
        # The user's ID or phone number typed here by mistake is not an authorisation number.
        if ids.check_resident_id(candidate) is None or ids.canonical_phone(candidate) == candidate:
            return clarify("looks_like_id", EXPECT_AUTH_NO)
    if len(set(candidates)) == 1:
        return value(candidates[0])
    if len(set(candidates)) > 1:
        return clarify("ambiguous_number", EXPECT_AUTH_NO)
    return _no_number(step, text, ctx, "invalid_authorization_no", EXPECT_AUTH_NO)


# The backend numbers receipts CN<yyyymmdd>-<6 digits>. People read them back with spaces, in lower case,
# with a Chinese or a missing dash. Asked for the number, they also leave out the CN; in any other message
# fourteen digits without it could be anything, so there the CN is needed.
COMMITMENT_NO = re.compile(r"(?<![0-9A-Za-z])CN\s*(\d{8})\s*[-－—–_一 ]?\s*(\d{6})(?![0-9])", re.IGNORECASE)
_ASKED_COMMITMENT_NO = re.compile(r"(?<![0-9A-Za-z])(?:CN\s*)?(\d{8})\s*[-－—–_一 ]?\s*(\d{6})(?![0-9])", re.IGNORECASE)


def commitment_number(text: str, asked: bool = False) -> Optional[str]:
    """``CN20261127-000001`` from a message that contains a commitment number, else ``None``. ``asked``:
    the message answers the question for the number, so the CN may be left out."""
    for m in (_ASKED_COMMITMENT_NO if asked else COMMITMENT_NO).finditer(text):
        date, serial = m.group(1), m.group(2)
        if date.startswith("20") and "01" <= date[4:6] <= "12" and "01" <= date[6:8] <= "31":
            return f"CN{date}-{serial}"
    return None


# How a dash is said when the number is read out: "CN二零二六一二零一杠零零零零一二".
_SPOKEN_DASH = re.compile(r"横杠|杠|横线|减号|中划线")


def _read_commitment_no(step: str, text: str, ctx: Context) -> Reading:
    current = _corrected(text)
    number = commitment_number(current, asked=True) or commitment_number(
        ids.normalize(_SPOKEN_DASH.sub("-", current)), asked=True)
    if number:
        return value(number)
    expected = EXPECT_COMMITMENT_NO + (EXPECT_OPTIONAL if step == "complaint_commitment_no" else "")
    if step == "complaint_commitment_no" and skips(text):
        return value("none")
    return _no_number(step, text, ctx, "invalid_commitment_no", expected)


# --- free text: a withdrawal reason, a complaint ---------------------------------------------------------

_CANCEL_ONLY = re.compile(
    r"^(?:算了|算了吧|算了算了|取消|退出|结束|"
    r"(?:算了)?(?:我|俺)?(?:不想|不用|不)(?:撤|撤回|投诉|举报|查|看|弄|办|说)了|(?:算了)?不撤回|没事了)$"
)
# One sentence asking how the procedure treats the speaker ("举报人信息会告诉被举报人吗") is a question about
# the complaint or withdrawal, not its text; a complaint in the form of a question names the other party.
_PROCESS_QUESTION = re.compile(
    r"(?<!被)(?:举报人|投诉人)|匿名|保密|多久|几天|多长时间|(?:能|可以|能不能)(?:撤|撤回|撤销)|处理结果|会不会通知|"
    r"会(?:告诉|通知|泄露)"
)
_MIN_CONTENT = {"withdraw_reason": 2, "complaint_text": 5}


def is_cancel_only(text: str) -> bool:
    """The whole message only says "stop" ("算了，不撤回了"). Where free text is asked for (a withdrawal
    reason, a complaint) "我不办了，想按一般程序交证明" is a reason, not a cancellation."""
    parts = [p for p in re.split(r"[\s,，.。!！~～…]+", text) if p]
    return bool(parts) and all(_CANCEL_ONLY.match(p) for p in parts)


def _read_free_text(step: str, text: str, ctx: Context, raw: str = "") -> Reading:
    compact = re.sub(r"[\s,，.。!！~～…]", "", text)
    if is_cancel_only(text):
        return Reading("cancel")
    if compact.lower() in USE_COMMITMENT.bare or compact in ("没有", "没", "无", "不知道", "同上", "见上"):
        return clarify("no_reason", "具体的文字说明")
    if is_question(compact) and (len(compact) <= 12 or len(compact) <= 30 and _PROCESS_QUESTION.search(compact)
                                 and not re.search(r"[,，;；]", text.strip(" ?!。.！~"))):
        return _question(ctx)
    if len(_CONTENT.findall(compact)) < _MIN_CONTENT[step]:
        return clarify("too_short", "具体的文字说明")
    # The record keeps the user's own words (only trimmed and bounded), not the normalised form.
    return value((raw.strip() or text)[: FREE_TEXT_LIMIT[step]])


# --- a principal's own confirmation: granting a special authorisation, revoking one ------------------------
# Read on the whole message like the legal steps (bot.core.consent): only the principal's own, present and
# unreserved "确认授权" grants; a bare yes, a wish ("我想授权"), a hedge, a condition, a question, a negation or
# someone else said to do it ("我儿子确认授权") never does. Revoking is read the same way with "确认撤销": a
# revocation only protects the principal, but it, too, must be meant.

EXPECT_GRANT = "“确认授权”"
EXPECT_REVOKE = "“确认撤销”"
_CONFIRM_LEAD = re.compile(r"^(?:好的|好|嗯嗯|嗯|恩|是的|是|对的|对|可以|行|ok|okay|没问题|收到|明白|知道了|那|那就|就)+")
_CONFIRM_TRAIL = re.compile(r"(?:了|的|啦|啊|呀|哦|嘞)+$")
_CONFIRM_ACK = re.compile(r"^(?:确认|同意|是|是的|对|对的|好|好的|可以|行|嗯|嗯嗯|恩|ok|okay|yes|y|没问题|收到|明白|知道了|"
                          r"确定|没错|没有问题|就这样|谢谢|谢谢你|谢谢您|麻烦了|辛苦了)?$")
_CONFIRM_SUBJECT = r"(?:我|本人|我本人|授权人|我作为授权人|本人作为授权人)?"
_CONFIRM_ADVERB = r"(?:在此|特此|现在|现|郑重|自愿|决定|同意并|确认并)*"
_GRANT_VERB = r"(?:确认授权|同意授权|确认委托|同意委托|确认特别授权|同意特别授权|特别授权|授权|委托)"
_GRANT_AGENTS = r"(?:他|她|ta|对方|受托人|该受托人|此人|这个人)"
_GRANT_TAIL = (r"(?:代我|代为|替我|帮我|为我)?"
               r"(?:办理|作出告知承诺|做出告知承诺|作出承诺|做出承诺|告知承诺|承诺|并|和|代为|以上事项|上述事项|这些事项|这个事项|"
               r"以上内容|上述内容)*")
_REVOKE_VERB = r"(?:确认撤销|同意撤销|确定撤销|确认撤回|同意撤回|撤销|撤回|确认取消|取消)"
_REVOKE_TAIL = r"(?:这份|这个|此|该|那份)?(?:授权|委托)?"
_AUTHORISATION_NUMBER = re.compile(r"SQ\s*-?\s*\d{8}\s*-?\s*[0-9A-Z]{6}", re.IGNORECASE)
_WISH = re.compile(r"(?:想|想要|要|愿意|愿|打算|准备|会|可以|能|应该|得|该)(?:确认|同意)?(?:授权|委托|撤销|撤回)")
_CONFIRM_NEGATED = re.compile(
    r"(?:不|没|别|未|甭|拒绝|暂不|先不|不想|不愿|不愿意|不再|不用|不要|不必|无需)"
    r"(?:想|要|愿|愿意|再|用|打算|准备|去|能|会|是|了)*(?:确认|同意|授权|委托|撤销|撤回|撤|取消|签)"
)
_CONFIRM_BARE_NO = frozenset({"不", "不了", "不要", "不用", "不用了", "不行", "否", "不是", "不对", "不同意", "不确认", "算了",
                              "算了吧", "不授权", "不撤销", "不撤", "不撤了", "不撤销了", "no", "n", "不不", "先不", "先不用",
                              "没有", "暂时不"})
_CONFIRM_DOUBLE_NEGATION = re.compile(r"(?:不是|并非|没有|并不是|不会)不")
_CONFIRM_CONDITION = re.compile(r"如果|要是|假如|假设|万一|只要|除非|的话|前提|条件是|等(?:我|他|她)|之后再|以后再|但是|但|不过|"
                                r"可是|只是|只限|仅限|先试|暂时|试试")


def _confirmation(kind: str, text: object, ctx: Context) -> Reading:
    """``grant``: "确认授权" → value "granted"; ``revoke``: "确认撤销" → value "revoked"; a no → negated."""
    expected = EXPECT_GRANT if kind == "grant" else EXPECT_REVOKE
    if isinstance(text, str):
        text = _AUTHORISATION_NUMBER.sub(" ", text)  # "确认撤销 SQ20261206-7KQ2MX": the number names, it confirms nothing
    unusable, prepared, flat, compact = consent._screen(text)
    if unusable is not None:
        return Reading(unusable.kind, detail=unusable.detail, expected=expected)

    def ask(detail: str) -> Reading:
        return clarify(detail, expected)

    if not compact:
        return ask("unclear")
    agent = re.escape(name_key(ctx.agent_name or "")) if ctx.agent_name else ""
    agents = rf"(?:{agent}|{_GRANT_AGENTS})" if agent else _GRANT_AGENTS
    if compact in _CONFIRM_BARE_NO or (kind == "revoke" and re.fullmatch(r"(?:算了|不用了|不撤了|不撤销了)+", compact)):
        return Reading("negated", detail="not_confirmed", expected=expected)
    if _affirmation_is_question(prepared):
        return Reading("question", expected=expected)
    if _CONFIRM_DOUBLE_NEGATION.search(compact):
        return ask("unclear")
    if _CONFIRM_NEGATED.search(compact) or any(c in _CONFIRM_BARE_NO for c in flat.split(",")):
        return Reading("negated", detail="not_confirmed", expected=expected)
    if kind == "grant" and any(word in compact for word in ("算了", "不办了", "退出", "放弃")):
        return Reading("cancel", expected=expected)
    if _CONFIRM_CONDITION.search(compact):
        return ask("condition")
    if _HEDGE.search(compact) or re.search(r"吧(?:,|$)", flat):
        return ask("hedge")
    if _JOKE.search(compact):
        return ask("joke")
    if _WISH.search(compact):
        return ask("willingness")
    verb = _GRANT_VERB if kind == "grant" else _REVOKE_VERB
    tail = (rf"(?:给|予)?{agents}?{_GRANT_TAIL}" if kind == "grant" else _REVOKE_TAIL)
    grammar = re.compile(rf"{_CONFIRM_SUBJECT}{_CONFIRM_ADVERB}{verb}{tail}")
    said = False
    for clause in (c for c in flat.split(",") if c):
        core = _CONFIRM_TRAIL.sub("", _CONFIRM_LEAD.sub("", clause))
        if _CONFIRM_ACK.fullmatch(core) or _CONFIRM_ACK.fullmatch(clause):
            continue
        if grammar.fullmatch(core):
            said = True
            continue
        named = re.search(verb, core)
        if named and not re.fullmatch(rf"{_CONFIRM_SUBJECT}{_CONFIRM_ADVERB}", core[:named.start()]):
            # Someone other than the principal named as the one who confirms ("我儿子确认授权", "让他撤销").
            return ask("third_party")
        return ask("restated" if named else "unclear")
    if not said:
        return ask("not_specific")
    if consent._nlu_disagrees(ctx):
        return ask("nlu_disagrees")
    return value("granted" if kind == "grant" else "revoked")


def _affirmation_is_question(prepared: str) -> bool:
    return is_question(prepared) or consent._affirmation._is_question(prepared)


def _read_grant_confirmation(text: str, ctx: Context) -> Reading:
    return _confirmation("grant", text, ctx)


def _read_revoke_confirmation(text: str, ctx: Context) -> Reading:
    return _confirmation("revoke", text, ctx)



# --- the legal steps: bot.core.consent decides ----------------------------------------------------------


REPEAT = re.compile(
    r"(?:(?:第\s*(?:[0-9]+|[一二两三四五六七八九十])\s*(?:条|段|部分|项|节|点)|[\u4e00-\u9fff]{2,4}那(?:段|条|部分))"
    r"(?:能|可以|麻烦|请)?)?"
    r"(?:再说|再讲|再念|再发|再读|重复|重新(?:发|说|念|读|讲))(?:一遍|一次|一下)?|没听清|没看清|repeat"
)
_SECTION_NO = re.compile(r"第\s*([0-9]+|[一二两三四五六七八九十])\s*(?:条|段|部分|项|节|点)")


def section_number(text: str, total: int = 7) -> Optional[int]:
    """Which section of the notice the user wants again (第五条, 第5部分, 法律责任那段), if any."""
    m = _SECTION_NO.search(text)
    if m:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else consent.CN_DIGITS.get(raw)
        return n if n and 1 <= n <= total else None
    return next((index for index, keyword in consent.SECTION_TITLES if keyword in text and index <= total), None)


_LEGAL: Dict[str, Callable[[str, Context], Reading]] = {
    "affirmation": consent.affirmation,
    "notice_ack": consent.notice_read,
    "authorization_scope": consent.special_authorisation,
    "grant_confirmation": _read_grant_confirmation,
    "revoke_confirmation": _read_revoke_confirmation,
}


def _read_legal(step: str, raw: str, ctx: Context) -> Reading:
    # The legal readers see the whole message as typed: it is the evidence, and a cut could drop a "但是…".
    return _LEGAL[step](raw, ctx)


# --- dispatch -------------------------------------------------------------------------------------------

_READERS: Dict[str, Callable[[str, str, Context], Reading]] = {
    "use_commitment": lambda s, t, c: _combine_choice(USE_COMMITMENT, t, c),
    "acting_as": lambda s, t, c: _combine_choice(ACTING_AS, t, c),
    "applicant_name": _read_name,
    "representative_name": _read_name,
    "agent_name": _read_name,
    "applicant_id": _read_id,
    "agent_id": _read_id,
    "authorization_no": _read_authorization_no,
    "phone": _read_phone,
    "complaint_phone": _read_phone,
    "commitment_no": _read_commitment_no,
    "complaint_commitment_no": _read_commitment_no,
    "withdraw_reason": _read_free_text,
    "complaint_text": _read_free_text,
}
STEPS: Tuple[str, ...] = tuple(_READERS) + tuple(_LEGAL)
# The steps whose answer may come with the question quoted back or a question about the procedure after it.
_ANSWERED_AROUND = frozenset({"use_commitment", "acting_as", "applicant_name", "representative_name", "agent_name"})


def _around_the_answer(step: str, text: str, ctx: Context, reading: Reading) -> Reading:
    """The answer inside ``text`` read alone, when ``text`` as a whole was no decision: "本人办理还是代他人办理？本人
    办理", "用承诺，承诺完了多久能批？". Only a decision of the step's own reader is taken (see bot.core.affirmation)."""
    return first_decided(consent._affirmation.answers_inside(text), lambda answer: _READERS[step](step, answer, ctx)) \
        or reading


def interpret(step: str, text: object, ctx: Optional[Context] = None) -> Reading:
    """What ``text``, typed in answer to the question of ``step``, means. Never raises on any input."""
    ctx = ctx or Context()
    if step not in _READERS and step not in _LEGAL:
        raise KeyError(f"no interpreter for step {step!r}")
    if step in _LEGAL:
        if not isinstance(text, str) or len(text) >= MAX_CHARS:
            return clarify("too_long" if isinstance(text, str) else "empty")
        try:
            return _read_legal(step, text, ctx)
        except Exception:  # a bug in a legal rule must never become a "yes"
            logger.exception("legal interpreter failed at %s", step)
            return clarify("unreadable")
    normalised, rejected = _guard(text)
    if rejected:
        return rejected
    if step not in FREE_TEXT_LIMIT and _STATUS_INJECTION.search(normalised):
        return clarify("injection")
    try:
        if step in FREE_TEXT_LIMIT:
            return _read_free_text(step, normalised, ctx, text)
        reading = _READERS[step](step, normalised, ctx)
        if reading.kind in ("question", "clarify") and step in _ANSWERED_AROUND:
            reading = _around_the_answer(step, normalised, ctx, reading)
        if reading.kind == "clarify" and REPEAT.fullmatch(normalised.rstrip("。.!！~～吧啊呀")):
            # "再说一遍" to any question: the engine repeats the notice when it was sent, else the question.
            return Reading("repeat", section=section_number(normalised, ctx.notice_sections))
        return reading
    except Exception:
        logger.exception("interpreter failed at %s", step)
        return clarify("unreadable")


def warm_up() -> int:
    """Read a typical answer at every step once, so that the patterns compiled on first use (Python's ``re``
    cache, the legal readers' tables) are built at start-up and not inside the first person's answer: measured,
    about 40 ms at the first commitment and 25 ms at the first notice, then under 1 ms. Returns the steps read."""
    for step in STEPS:
        for text in ("是的，我本人办，不是代办", "法定代表人是王芳", "我已阅读告知承诺书，本人承诺所填信息真实"):
            interpret(step, text, Context())
    return len(STEPS)
