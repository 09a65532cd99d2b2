"""Is this message an explicit commitment? The one place that decides (R7, R5, P2).

五(四) requires a written commitment that the applicant knows the notification, meets the conditions,
accepts legal liability for a false commitment, and that this is their true intent; 四 makes the
commitment the applicant's own written act. So "好的" to a long notice is not a commitment: agreement is
not the commitment itself. Only the words of the statement are (``本人承诺``, ``我承诺以上情况属实`` …), or
a message carrying the full statement (a button payload). A proxy must say that they commit under the
applicant's special authorisation (五(三), R5).

The rules are deterministic, written out below, and tested case by case: a model that is 98 % right
would put a false "yes" into a legal record now and then. Anything doubtful is refused with a plain
explanation, never accepted: refusing costs the user one more message; accepting wrongly costs them a
legal liability they did not take on.

Order of the checks (the first that applies decides):
  unusable input (empty, huge, code/injection)      → unclear
  the full statement is in the message               → explicit, unless the rest of the message objects
  a question                                         → question (questions are never commitments)
  a refusing emoji (👎 🙅 ❌)                        → negated alone, unclear beside words
  cancelling the journey                             → cancel
  refusing                                           → negated
  conditions or hedges ("但是", "如果…就")           → unclear
  the commitment formula, in the form the role needs → explicit
  agreement without the commitment                   → implicit
  everything else                                    → unclear
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import FrozenSet, Optional, Tuple

KINDS = ("explicit", "implicit", "negated", "question", "unclear", "cancel")
ACTING_AS = ("self", "proxy")

MAX_MESSAGE_CHARS = 1000  # longer than any statement with a payload around it; a pasted essay is not a yes
_MAX_PAYLOAD_REMAINDER = 200  # ASCII around a statement in a button payload (intent, slot names, a hash)


@dataclass(frozen=True)
class Verdict:
    """What a message is, and for anything but ``explicit`` a plain Chinese explanation for the user.

    ``kind`` is the contract's ``affirmation_rejected.reason`` for implicit/negated/question/unclear;
    ``detail`` is a finer machine-readable cause for logs and tests (e.g. ``conditional``, ``proxy_form``).
    """

    kind: str
    explanation: str = ""
    detail: str = ""

    @property
    def is_explicit(self) -> bool:
        return self.kind == "explicit"


# --- the statement (五(四)) ---------------------------------------------------------------------------


def _check_acting_as(acting_as: str) -> None:
    if acting_as not in ACTING_AS:
        raise ValueError(f"acting_as must be 'self' or 'proxy', got {acting_as!r}")


def statement(item_name: str, acting_as: str, applicant_name: str, agent_name: Optional[str]) -> str:
    """The commitment statement with the four parts of 五(四), for this item and this person.

    The statement is evidence (P2): it names the item, who commits and, for a proxy, on whose special
    authorisation, so nothing in it may be left blank.
    """
    _check_acting_as(acting_as)
    if not item_name or not applicant_name:
        raise ValueError("the statement needs the item name and the applicant's name")
    notice = f"“{item_name}”告知承诺书告知的全部事项"
    if acting_as == "self":
        return (
            f"本人{applicant_name}承诺：本人已知晓{notice}；本人已符合告知的相关条件和要求；"
            f"本人愿意承担不实承诺的法律责任；本承诺是本人真实的意思表示。"
        )
    if not agent_name:
        raise ValueError("a proxy statement needs the proxy's (agent's) name")
    return (
        f"本人{agent_name}受{applicant_name}特别授权，代为承诺：{applicant_name}已知晓{notice}；"
        f"{applicant_name}已符合告知的相关条件和要求；{applicant_name}愿意承担不实承诺的法律责任；"
        f"本承诺是{applicant_name}真实的意思表示，本人代为承诺已获{applicant_name}特别授权。"
    )


def required_words(acting_as: str, applicant_name: Optional[str]) -> str:
    """The exact words the user is asked to type (and that :func:`classify` accepts)."""
    _check_acting_as(acting_as)
    if acting_as == "self":
        return "本人承诺"
    return f"我受{applicant_name or '申请人'}特别授权，代为承诺"


# --- text preparation -------------------------------------------------------------------------------

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

# Traditional characters that occur in the words this module looks for (P1: users of traditional
# input methods, Hong Kong/Macao/Taiwan applicants). Only what the rules need, not a converter.
_TRADITIONAL = str.maketrans(
    "諾願認確麼嗎為這樣會說權讀閱責們與並對沒問題過實負擔簽辦應該經於裡聲鄭從絕個還無條關係則時後誠義務將嚴謹託讓幫給請煩兒點擊鈕當覺啟結終棄號碼誤準遵履規聽懂寫內況錯屬別",
    "诺愿认确么吗为这样会说权读阅责们与并对没问题过实负担签办应该经于里声郑从绝个还无条关系则时后诚义务将严谨托让帮给请烦儿点击钮当觉启结终弃号码误准遵履规听懂写内况错属别",
)


def _prepare(text: str) -> str:
    """Half-width, simplified, lower-case; punctuation and spacing kept (questions need them)."""
    return unicodedata.normalize("NFC", text).translate(_FULLWIDTH).translate(_TRADITIONAL).lower()


def _compact(text: str) -> str:
    """Letters and digits only: no spaces, punctuation, emoji or variation selectors."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def _segments(text: str, tokens: FrozenSet[str]) -> bool:
    """True when ``text`` can be cut entirely into words from ``tokens`` (a plain word-break check)."""
    if not text:
        return True
    longest = max(map(len, tokens))
    ok = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - longest), end):
            if ok[start] and text[start:end] in tokens:
                ok[end] = True
                break
    return ok[-1]


# --- the vocabulary of each kind --------------------------------------------------------------------

_INJECTION = re.compile(
    r"<\s*/?\s*script|<\s*[a-z!/][^>]*>|drop\s+table|delete\s+from|insert\s+into|update\s+\w+\s+set|"
    r"union\s+select|select\s.+\sfrom|;\s*--|'\s*;|'\s*or\s|\bor\s+1\s*=\s*1|\$\{|\{\{|javascript:|\x00",
    re.IGNORECASE,
)

_QUESTION_WORDS = re.compile(
    r"吗|什么|怎么|怎样|怎么样|为什么|为何|是否|如何|多少|多久|多长|哪|谁|啥|咋|几时|何时|有没有|是不是|"
    r"可不可以|能不能|会不会|要不要|行不行|对不对|好不好|需不需要|用不用"
)
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")  # 承不承诺, 愿不愿意 …
_SENTENCE_END_PARTICLE = re.compile(r"(呢|么)(?=[\s,.;!，。；！…~]*$|[,.;!，。；！])")
# Words containing a question character that do not ask anything.
_NOT_QUESTIONS = re.compile(r"没什么|没有什么|不怎么|不是什么|什么都|哪怕|那么|这么|多么|要么|吗啡")

_CANCEL = ("算了", "不办了", "不办理了", "不弄了", "不搞了", "不做了", "不申请了", "不想办了", "不要办了",
           "不办", "取消", "退出", "放弃", "结束办理", "终止办理", "不用办了")

_NEGATION_WORDS = "不|没|没有|未|无法|没法|没办法|不能|不会|不想|不愿|不愿意|不敢|不肯|不要|拒绝|绝不|决不|并不|别|不再"
_NEGATION_FILLERS = "想|要|愿|愿意|能|会|敢|肯|打算|准备|再|去|做|作|用|需要|可以|是|代为|代|替|帮他|帮她"
_NEGATED_TARGET = "承诺|同意|签|接受|答应|认可|保证|确认|承担"
_NEGATED = re.compile(
    f"(?:{_NEGATION_WORDS})(?:{_NEGATION_FILLERS})*(?:{_NEGATED_TARGET})"
    f"|(?:{_NEGATION_WORDS})(?:{_NEGATION_FILLERS})*(?:代|替)[\u4e00-\u9fff]{{0,6}}?承诺"  # 我不代他承诺
    "|承诺不了|承诺不来|拒绝"
)
_NEGATION_ALONE = frozenset(
    {"不", "不了", "不要", "不行", "不用", "不用了", "不好", "否", "不是", "没有", "不对", "不可以", "不能", "不愿意",
     "不想", "不会", "不肯", "不干", "不签", "no", "nope", "n", "不不", "不不不", "不承诺", "不同意"}
)

_CONDITIONAL = ("但是", "但", "不过", "可是", "然而", "如果", "假如", "假设", "要是", "若是", "倘若", "只要", "除非",
                "前提", "条件是", "的话", "等我", "再说", "考虑", "想想", "可能", "也许", "或许", "大概", "应该",
                "差不多", "试试", "试一下", "随便", "开玩笑", "玩笑", "假装", "骗", "勉强", "暂时", "一半", "部分",
                "有条件", "保留", "哪怕")

# Common mis-typings of 承诺 (homophones on a pinyin keyboard). They are caught and the user is asked to
# type the words again: a legal commitment is not made by a typo we guessed the meaning of.
_TYPOS = ("承若", "成诺", "诚诺", "承喏", "乘诺", "程诺", "呈诺", "承偌", "承落", "承挪", "称诺", "丞诺")

# An enterprise's representative speaks for the enterprise: "本公司承诺" is the enterprise's own commitment.
_SUBJECTS = frozenset({"我", "本人", "我本人", "我们", "本公司", "我公司", "本单位", "我单位", "本企业", "我司", "本店"})
# Words that may stand around 承诺 in the commitment formula: "我郑重承诺", "我已阅读并承诺",
# "我承诺以上情况属实", "我愿意承诺并承担法律责任". A message must consist of these words only.
_FORMULA_WORDS = frozenset(
    {*_SUBJECTS, "在此", "现在", "现", "郑重", "郑重地", "慎重", "自愿", "愿意", "已", "已经", "认真", "仔细",
     "阅读", "读完", "看完", "看过", "读过", "听完", "知晓", "知悉", "了解", "清楚", "明白", "全部", "完整", "并",
     "且", "并且", "同意", "确认", "作出", "做出", "承诺", "以上", "上述", "所述", "所填", "填写", "提供", "告知书",
     "告知承诺书", "告知事项", "告知", "的", "内容", "情况", "信息", "事项", "条件", "要求", "均", "都", "完全",
     "真实", "属实", "无误", "准确", "有效", "如实", "依法", "承担", "负", "一切", "相应", "相关", "愿",
     # "如有不实，愿承担法律责任" is the usual closing of a Chinese commitment letter, not a condition.
     "如有不实", "若有不实", "如有虚假", "不实承诺的法律责任", "不实承诺法律责任", "不实承诺的责任",
     "法律", "责任", "后果", "符合", "遵守", "履行", "意思表示", "是", "真实意思", "了", "啊", "呀", "哈", "哦",
     "啦", "谢谢"}
)
# Acknowledgements allowed before the formula: "好的，本人承诺".
_LEAD_INS = frozenset({"好", "好的", "嗯", "嗯嗯", "是的", "可以", "行", "ok", "那", "那么", "那好", "收到", "明白了",
                       "知道了", "对"})
# Who a proxy may name instead of the applicant's name ("受他特别授权", "代我父亲承诺").
_ROLE_WORDS = frozenset(
    {"申请人", "他", "她", "其", "老人", "家人", "父亲", "母亲", "爸爸", "妈妈", "我爸", "我妈", "爷爷", "奶奶", "外公",
     "外婆", "丈夫", "妻子", "爱人", "儿子", "女儿", "公司", "单位", "法定代表人", "老板"}
)
_HONORIFICS = frozenset({"先生", "女士", "老先生", "老人家", "同志", "老师"})
# Words a proxy uses around the commitment: "我受赵强特别授权，代为承诺".
_PROXY_WORDS = _ROLE_WORDS | frozenset(
    {"受", "经", "经过", "获得", "得到", "取得", "特别", "书面", "全权", "授权", "委托", "代为", "代表", "代替", "代",
     "替", "为", "给"}
)
_PROXY_MARKER = re.compile(r"授权|委托|代为|代表|代替|代|替")
# The speaker must be the one committing for the applicant: "他代我承诺" is the wrong way round, while
# "替我爸承诺" names the applicant.
_WRONG_DIRECTION = re.compile(r"(?:代|替|帮)我(?!爸|妈|父|母|爷|奶|外|丈|妻|爱|儿|女|家|公司|单位|的)")
_THIRD_PERSON_START = re.compile(r"^(?:他们|她们|他|她|你们|你|您)")
_THIRD_PERSON_AUTHORISES = re.compile(r"^(?:他们|她们|他|她|你们|你|您)(?:已)?(?:特别|书面|全权)*(?:授权|委托)给?(?:我|本人)")
# Who authorised the proxy: "受赵强特别授权", "赵强特别授权我", "代赵强承诺".
_AUTHORISER = (
    re.compile(r"受([\u4e00-\u9fff]{1,40}?)的?(?:特别|书面|全权)*(?:授权|委托)"),
    re.compile(r"^(?:我|本人)?(?:已)?(?:经)?([\u4e00-\u9fff]{1,40}?)(?:已)?(?:特别|书面|全权)*(?:授权|委托)(?:我|本人)"),
    re.compile(r"(?:代|替)(?:为|表)?([\u4e00-\u9fff]{1,40}?)(?:郑重)?承诺"),
)

_IMPLICIT_WORDS = frozenset(
    {"好", "好的", "好吧", "好啊", "好嘞", "嗯", "嗯嗯", "恩", "恩恩", "嗯呢", "可以", "可以的", "行", "行吧", "行的",
     "ok", "okay", "okk", "好滴", "是", "是的", "是啊", "对", "对的", "对对", "确认", "确定", "同意", "没问题", "收到",
     "知道了", "明白", "明白了", "了解", "清楚了", "我同意", "我确认", "我愿意", "愿意", "已阅读", "我已阅读",
     "读完了", "看完了", "yes", "y", "sure", "成", "妥", "没毛病", "我保证", "保证", "签", "签字", "我签",
     "提交", "下一步", "继续",
     "中"}  # Henan dialect for "OK" (Zhengzhou users)
)
_FILLERS = frozenset({"我", "了", "啊", "呀", "哈", "哦", "啦", "吧", "的", "呗", "嘞", "谢谢"})
_AGREEMENT = re.compile(r"同意|确认|认可|保证|愿意|接受|答应|明白|知道|清楚|了解|没问题|可以|好的|已阅读|看完|读完")
_AGREEING_EMOJI = ("👍", "👌", "✅", "✔", "🆗", "🙆", "👏")
_REFUSING_EMOJI = ("👎", "🙅", "❌", "✖", "🚫", "⛔", "🙈")


# --- explanations (plain Chinese for any reader) ------------------------------------------------------


def _ask_words(acting_as: str, applicant_name: Optional[str]) -> str:
    return f"请输入“{required_words(acting_as, applicant_name)}”"


def _explain(detail: str, acting_as: str, applicant_name: Optional[str]) -> str:
    ask = _ask_words(acting_as, applicant_name)
    texts = {
        "implicit": f"您的回复表示同意，但还不是承诺本身。按照规定，承诺要由您明确写出来。确认承诺的话，{ask}。",
        "negated": "好的，您选择不作承诺。这完全可以：不承诺也能办，按一般程序提交证明材料就行。",
        "question": f"您好像还有疑问。承诺前请先把问题弄清楚，可以直接问我；想好了要承诺，{ask}。",
        "cancel": "好的，本次办理已取消，您没有作出任何承诺。需要时随时可以再来办理。",
        "conditional": f"承诺不能附带条件或保留。如果对哪一项还有疑问，请先问清楚；确认全部内容都符合后，{ask}。",
        "typo": f"您输入的字好像有误，为慎重起见请重新输入。确认承诺的话，{ask}。",
        "proxy_form": f"您是代他人办理，承诺时需要说明已获得申请人的特别授权。{ask}。",
        "proxy_words_for_self": "您选择的是本人办理。如果您其实是代他人办理，请告诉我“代他人办理”；"
        "本人办理的，请输入“本人承诺”。",
        "wrong_direction": f"代为承诺要由您（代理人）作出。{ask}。",
        "authoriser_mismatch": f"您说的授权人和申请人{applicant_name or ''}不一致，请核对。{ask}。",
        "no_authorisation": "没有申请人的特别授权，不能代为承诺。您可以请申请人本人办理，或者按一般程序提交证明材料办理。",
        "too_long": f"您发来的内容太长了，无法确认是承诺。确认承诺的话，{ask}。",
        "not_text": f"没能识别您的回复。确认承诺的话，{ask}；不想承诺，可以回复“不承诺”，按一般程序办理。",
        "unclear": f"没能确认您的意思。确认承诺的话，{ask}；不想承诺，可以回复“不承诺”，按一般程序办理。",
    }
    return texts[detail]


def _verdict(kind: str, detail: str, acting_as: str, applicant_name: Optional[str]) -> Verdict:
    return Verdict(kind, _explain(detail, acting_as, applicant_name), detail)


# --- the checks -------------------------------------------------------------------------------------


def _is_question(prepared: str) -> bool:
    if "?" in prepared:
        return True
    text = _NOT_QUESTIONS.sub("", prepared)
    if _QUESTION_WORDS.search(text) or _SENTENCE_END_PARTICLE.search(text):
        return True
    return any(m.group(1) != "不" for m in _A_NOT_A.finditer(text))


def _is_cancel(compact: str) -> bool:
    return any(word in compact for word in _CANCEL)


def _is_negated(compact: str) -> bool:
    return compact in _NEGATION_ALONE or bool(_NEGATED.search(compact))


def _is_conditional(compact: str) -> bool:
    return any(word in compact for word in _CONDITIONAL)


def _strip_lead_in(compact: str) -> str:
    for lead in sorted(_LEAD_INS, key=len, reverse=True):
        if compact.startswith(lead) and len(compact) > len(lead):
            rest = compact[len(lead):]
            if any(rest.startswith(s) for s in _SUBJECTS):
                return rest
    return compact


def _is_self_formula(compact: str, name_key: str) -> bool:
    """``我/本人`` … ``承诺`` … made only of the formula's words ("本人承诺", "我郑重承诺", …)."""
    text = _strip_lead_in(compact)
    if name_key:  # "我是张伟，我承诺" / "本人张伟承诺"
        for said, meant in ((f"我是{name_key}", "我"), (f"本人{name_key}", "本人"), (f"我{name_key}", "我")):
            text = text.replace(said, meant, 1)
    if not any(text.startswith(s) for s in _SUBJECTS):
        return False
    if "承诺" not in text.replace("不实承诺", ""):
        return False
    return _segments(text, _FORMULA_WORDS)


def _authoriser_problem(compact: str, name_key: str) -> Tuple[str, str]:
    """Replace the named authoriser by ``申请人``; report a name that is not the applicant's."""
    for pattern in _AUTHORISER:
        match = pattern.search(compact)
        if not match:
            continue
        who = match.group(1)
        if who in _SUBJECTS or who in _PROXY_WORDS or _segments(who, _ROLE_WORDS | {"我", "的"}):
            continue
        if name_key and name_key not in who:
            return compact, "authoriser_mismatch"
        # Around the applicant's name, only words saying who they are ("我父亲赵强", "申请人赵强", "赵强先生"):
        # anything else ("受不赵强特别授权", found by tests/fuzz) is not a plain reading of the authorisation.
        if name_key and not _segments(who.replace(name_key, "", 1), _ROLE_WORDS | _HONORIFICS | {"我", "的"}):
            return compact, "authoriser_mismatch"
        compact = compact[: match.start(1)] + "申请人" + compact[match.end(1):]
    return compact, ""


def _is_proxy_formula(compact: str) -> bool:
    """A proxy's commitment: 承诺 together with 授权/代…, made only of formula and proxy words."""
    text = _strip_lead_in(compact)
    if "承诺" not in text.replace("不实承诺", "") or not _PROXY_MARKER.search(text):
        return False
    if _THIRD_PERSON_START.search(text) and not _THIRD_PERSON_AUTHORISES.search(text):
        return False
    return _segments(text, _FORMULA_WORDS | _PROXY_WORDS)


def _is_implicit(prepared: str, compact: str) -> bool:
    if not compact:
        return any(e in prepared for e in _AGREEING_EMOJI)
    if _segments(compact, _IMPLICIT_WORDS | _FILLERS) and not _segments(compact, _FILLERS):
        return True
    return "承诺" not in compact and len(compact) <= 30 and bool(_AGREEMENT.search(compact))


def _classify_words(prepared: str, compact: str, acting_as: str, applicant_name: Optional[str]) -> Verdict:
    """Everything after the input screening and the statement check."""
    name_key = _compact(_prepare(applicant_name)) if applicant_name else ""

    def verdict(kind: str, detail: Optional[str] = None) -> Verdict:
        return _verdict(kind, detail or kind, acting_as, applicant_name)

    if _is_question(prepared):
        return verdict("question")
    if any(e in prepared for e in _REFUSING_EMOJI):
        # A refusing emoji alone is a "no"; next to the formula it contradicts it, and nothing is assumed.
        return verdict("negated") if not compact else verdict("unclear")
    if _is_cancel(compact):
        return verdict("cancel")
    if _is_negated(compact):
        return verdict("negated")
    if _is_conditional(compact):
        return verdict("unclear", "conditional")
    if re.search(r"(?:没|未|无)(?:有|经|经过|获得|得到|取得)?(?:特别)?(?:授权|委托)", compact):
        return verdict("unclear", "no_authorisation")

    has_proxy_words = bool(_PROXY_MARKER.search(compact)) and "承诺" in compact
    if acting_as == "proxy":
        if _WRONG_DIRECTION.search(compact):
            return verdict("unclear", "wrong_direction")
        named, problem = _authoriser_problem(compact, name_key)
        if problem:
            return verdict("unclear", problem)
        if name_key:
            named = named.replace(name_key, "申请人")
        if _is_proxy_formula(named):
            return Verdict("explicit")
        if _is_self_formula(compact, name_key) or _is_self_formula(compact, ""):
            return verdict("unclear", "proxy_form")
    else:
        if _is_self_formula(compact, name_key):
            return Verdict("explicit")
        if has_proxy_words:
            return verdict("unclear", "proxy_words_for_self")

    for typo in _TYPOS:
        if typo in compact:
            return verdict("unclear", "typo")
    if _is_implicit(prepared, compact):
        return verdict("implicit")
    return verdict("unclear")


def _remainder_after_statement(compact: str, statement_compact: str) -> Optional[str]:
    """What is left of the message around the statement, or ``None`` when the statement is not in it."""
    if not statement_compact or statement_compact not in compact:
        return None
    return compact.replace(statement_compact, "", 1)


def classify(
    text: object,
    *,
    acting_as: str = "self",
    applicant_name: Optional[str] = None,
    statement: Optional[str] = None,
) -> Verdict:
    """Decide whether ``text`` is an explicit commitment (R7), for the role the user acts in (R5).

    ``statement`` is the text returned by :func:`statement` that the user was shown; a message that
    contains it whole (compared without spaces and punctuation, e.g. a button payload) is explicit unless
    the rest of the message asks, refuses, hedges or cancels. Without ``statement`` only typed words count.
    """
    _check_acting_as(acting_as)

    def verdict(kind: str, detail: Optional[str] = None) -> Verdict:
        return _verdict(kind, detail or kind, acting_as, applicant_name)

    if not isinstance(text, str):
        return verdict("unclear", "not_text")
    if len(text) > MAX_MESSAGE_CHARS:
        return verdict("unclear", "too_long")
    if _INJECTION.search(text):
        return verdict("unclear")
    prepared = _prepare(text)
    compact = _compact(prepared)

    if statement:
        remainder = _remainder_after_statement(compact, _compact(_prepare(statement)))
        if remainder is not None:
            chinese_rest = re.sub(r"[a-z0-9_]+", "", remainder)
            ascii_rest = len(remainder) - len(chinese_rest)
            if ascii_rest > _MAX_PAYLOAD_REMAINDER:
                return verdict("unclear", "too_long")
            # The rest of the message is judged with the statement taken out, so that its own words
            # ("不实承诺") cannot look like a refusal and a "但是…" after it cannot hide.
            rest_prepared = prepared.replace(_prepare(statement), " ")
            if rest_prepared == prepared:  # the statement arrived re-spaced: judge only what is left
                rest_prepared = chinese_rest + ("?" if "?" in prepared else "")
            if not chinese_rest:
                return verdict("question") if "?" in rest_prepared else Verdict("explicit")
            rest = _classify_words(rest_prepared, chinese_rest, acting_as, applicant_name)
            if rest.kind in ("explicit", "implicit") or rest.detail in ("proxy_form", "proxy_words_for_self"):
                return Verdict("explicit")
            return rest

    return _classify_words(prepared, compact, acting_as, applicant_name)

