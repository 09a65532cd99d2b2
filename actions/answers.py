"""Small pure parsers for the answers a citizen types during the journey (formbot style: the form's
validation methods call these, and unit tests reach them directly).

They are deliberately conservative: a question is never a "yes", and an unclear answer is re-asked
rather than guessed (R3: the choice must be the applicant's own).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional, Tuple

QUESTION_RE = re.compile(r"[?？]|吗|么|呢|什么|怎么|为什么|是否|能不能|会不会|要不要|多少|哪")
CANCEL_RE = re.compile(r"^(算了|不办了|不弄了|取消|退出|不要办了|算了吧|我不办了|结束)")
CANCEL_ANYWHERE_RE = re.compile(r"算了.{0,4}不办|不办了|取消办理|取消本次|不弄了|退出办理")

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def clean(text: Optional[str], limit: int = 2000) -> str:
    """NFKC (full-width to half-width), trimmed, and bounded so a huge message costs nothing."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)[:limit]
    return text.strip()


def is_question(text: str) -> bool:
    return bool(QUESTION_RE.search(text))


def is_cancel(text: str) -> bool:
    t = clean(text)
    return bool(CANCEL_RE.match(t) or CANCEL_ANYWHERE_RE.search(t))


YES_RE = re.compile(
    r"^(yes|y|1|是|是的|对|对的|好|好的|嗯|要|需要|用|愿意|可以|行|同意|确认|ok|承诺|用承诺|采用承诺|选择承诺|我要承诺|"
    r"承诺方式|用承诺方式|告知承诺|是的我要|要的|好啊|可以的|没问题|包括|有|有的|包含|是特别授权)"
)
NO_RE = re.compile(
    r"^(no|n|2|不|不要|不用|不需要|不愿意|不行|否|算了吧|没有|不包括|不包含|普通程序|一般程序|按普通|按一般|正常程序|"
    r"还是提交证明|我开证明|开证明|提交证明|按原来)"
)


def parse_yes_no(text: str) -> Optional[str]:
    """'yes' / 'no' / None. Questions are never answers (R3)."""
    t = clean(text).lower().rstrip("。.!！~～")
    if not t or is_question(t):
        return None
    if t in ("/affirm", "yes"):
        return "yes"
    if t in ("/deny", "no"):
        return "no"
    if NO_RE.match(t) or re.search(r"不(想|愿意|要|用)(用)?承诺|不承诺|普通程序|一般程序", t):
        return "no"
    if YES_RE.match(t):
        return "yes"
    return None


def parse_acting_as(text: str) -> Optional[str]:
    t = clean(text).lower()
    if not t or is_question(t):
        return None
    if t in ("self", "1") or re.search(r"本人|自己|我自己|给我自己|我本人|亲自", t) and not re.search(r"代|帮|替", t):
        return "self"
    if t in ("proxy", "2") or re.search(r"代|帮|替|委托|授权|给我(爸|妈|父亲|母亲|爷爷|奶奶|外公|外婆|老人|家人)", t):
        return "proxy"
    return None


NAME_PREFIX_RE = re.compile(
    r"^(我的名字是|我名字叫|我名字是|名字是|名字叫|姓名是|姓名|我叫|我是|叫|申请人是|申请人叫|申请人|"
    r"代理人是|代理人叫|代理人|企业名称是|企业名称|公司名称是|公司名称|公司名是|单位名称是|单位名称|名称是|是)[:：\s]*"
)
NAME_RE = re.compile(r"^[\u4e00-\u9fff·•（）()]{2,40}")


def parse_name(text: str) -> Optional[str]:
    """A person's or an enterprise's name from a short answer or a sentence ("我叫张伟，身份证…")."""
    t = clean(text, 200)
    t = re.sub(r"^(好的|好|嗯|您好|你好)[,，。 ]*", "", t)
    t = NAME_PREFIX_RE.sub("", t)
    m = NAME_RE.match(t)
    if not m:
        return None
    name = m.group(0).strip("·•")
    # Trailing function words that are not part of a name.
    name = re.sub(r"(的|啊|呀|吧|了|身份证.*|电话.*|手机.*)$", "", name)
    if len(name) < 2 or is_question(name):
        return None
    return name.replace("(", "（").replace(")", "）")


AUTH_NO_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/]{3,39}")


def parse_authorization_no(text: str) -> Optional[str]:
    """The number of the written authorisation (授权委托书编号): 4-40 letters, digits, '-', '_' or '/'."""
    t = clean(text, 200).upper()
    t = re.sub(r"(授权委托书|委托书|授权书)?(编号|号码|号)?(是|为)?[:：]?", "", t)
    m = AUTH_NO_RE.search(t)
    return m.group(0) if m else None


NOTICE_TITLE_KEYWORDS: Tuple[Tuple[int, str], ...] = (
    (1, "事项名称"),
    (2, "设定依据"),
    (2, "依据"),
    (3, "证明内容"),
    (3, "许可条件"),
    (3, "材料"),
    (4, "承诺方式"),
    (5, "法律责任"),
    (5, "责任"),
    (6, "核查"),
    (7, "公开"),
)

REPEAT_RE = re.compile(r"再说|再讲|再念|再发|再读|重复|重新(发|说|念|读|讲)|没听清|没看清|repeat|再来一遍|再看一遍")


def parse_section_number(text: str, total: int = 7) -> Optional[int]:
    t = clean(text, 200)
    m = re.search(r"第\s*([0-9]+|[一二两三四五六七八九十])\s*(条|段|部分|项|节|点)", t)
    if m:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else _CN_NUM.get(raw)
        return n if n and 1 <= n <= total else None
    for index, keyword in NOTICE_TITLE_KEYWORDS:
        if keyword in t and REPEAT_RE.search(t):
            return index
    return None


def parse_notice_reply(text: str, total: int = 7) -> Tuple[Optional[str], Optional[int]]:
    """('yes', None) when the user has read the notification, ('repeat', n|None) to hear it again."""
    t = clean(text, 300).lower()
    if t in ("repeat", "/repeat") or REPEAT_RE.search(t):
        return "repeat", parse_section_number(t, total)
    if re.search(r"第\s*([0-9]+|[一二两三四五六七八九十])\s*(条|段|部分|项|节)", t):
        return "repeat", parse_section_number(t, total)
    if is_question(t):
        return None, None
    if t in ("yes", "/affirm") or re.match(
        r"^(已阅读|已读|读完了|看完了|已经看完|已经阅读|我已阅读|我已经阅读|阅读完毕|看完|读完|明白|明白了|清楚|清楚了|知道了|"
        r"了解|了解了|好的|好|是|是的|确认|收到|嗯|可以|ok|yes)",
        t,
    ):
        return "yes", None
    return None, None


# --- after the commitment: status, withdrawal (R17), complaints (R11), own credit records --------------

# The backend numbers receipts CN<yyyymmdd>-<6 digits> (api/commitments/service.py). Citizens read them
# back with spaces, lower case, a missing or a Chinese dash, or with a 号 in front; NFKC (clean) has already
# turned full-width characters into ASCII.
COMMITMENT_NO_RE = re.compile(r"(?<![0-9A-Za-z])CN\s*(\d{8})\s*[-－—–_ ]?\s*(\d{6})(?![0-9])", re.IGNORECASE)


def parse_commitment_no(text: str) -> Optional[str]:
    """``CN20261127-000001`` from a message that contains a commitment number, else ``None``."""
    m = COMMITMENT_NO_RE.search(clean(text, 300))
    return f"CN{m.group(1)}-{m.group(2)}" if m else None


SKIP_RE = re.compile(
    r"^(没有|没|无|不知道|不清楚|不记得|记不得|忘了|跳过|略过|不用|不需要|不用了|不留|不想留|匿名|我要匿名|匿名投诉|"
    r"不方便|算了不留|没有编号|不涉及|不是|否|no|none|skip)"
)


def is_skip(text: str) -> bool:
    """An optional answer declined ("没有", "匿名", "跳过"): complaints may be anonymous (R11)."""
    t = clean(text, 200).lower().rstrip("。.!！~～")
    return bool(t) and not is_question(t) and bool(SKIP_RE.match(t))


CANCEL_ONLY_RE = re.compile(
    r"^(算了|算了吧|算了算了|取消|退出|结束|不撤了|不撤回了|不撤回|我不撤了|我不撤回了|不想撤了|不投诉了|不查了|不看了|"
    r"不用查了|不弄了|不办了)$"
)


def is_cancel_only(text: str) -> bool:
    """The whole message only says "stop". Used where free text is asked for (a withdrawal reason, a
    complaint), because "我不办了，想按一般程序交证明" is a reason there, not a cancellation."""
    t = re.sub(r"[\s,，.。!！~～]", "", clean(text, 100))
    return bool(CANCEL_ONLY_RE.match(t))


_CONTENT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def parse_free_text(text: str, min_chars: int = 2, limit: int = 1000) -> Optional[str]:
    """A free-text answer (withdrawal reason, complaint) with at least ``min_chars`` letters or digits.

    A bare yes/no or a lone emoji carries no reason; it is re-asked instead of being recorded."""
    t = clean(text, limit)
    if len(_CONTENT_CHARS.findall(t)) < min_chars:
        return None
    if parse_yes_no(t) is not None and len(t) <= 4:
        return None
    return t
