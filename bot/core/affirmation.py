"""Is this message an explicit commitment? The one place that decides (R7, R5, P2).

五(四) requires a written commitment that the applicant knows the notification, meets the conditions,
accepts legal liability for a false commitment, and that this is their true intent; 四 makes the
commitment the applicant's own written act. So "好的" to a long notice is not a commitment: agreement is
not the commitment itself. Only a clause whose MAIN VERB is 承诺 and whose subject is the one who may
commit counts (``本人承诺``, ``我郑重承诺以上情况属实``, ``我已阅读并承诺``), or a message carrying the
full statement that was shown (a button payload) with nothing objecting around it. A proxy must say, in
words, that they commit under the applicant's special authorisation (五(三), R5).

How a message is read. It is normalised (full-width, traditional characters, zero-width characters),
punctuation becomes a clause boundary, and the whole message must match one of the commitment grammars
below, clause by clause. Nothing is found by a keyword being present; words outside the grammar make the
message "not explicit". The grammars (``,`` is a clause boundary, ``[]`` optional):

  self      [好的|中,] [我是<name>,] 我|本人|我本人|<name>本人 [<name>] [adverbs] [<reading clause> 并|,]
            承诺 [<what>] [, 如有不实, 愿承担法律责任 …]
            adverbs: 郑重, 在此, 自愿, 已 … (not the modal verbs 愿意/想/要/会: "我愿意承诺" is willingness, not
            the act); reading clause: 已阅读告知书, 承诺书我看了 …; what: 以上内容属实, 我说的都是实话,
            (材料)都齐全, 有假的话我自己担着 (the liability clause in everyday words), 如实填报 (the filing made
            truthfully, the act's own object), the four parts of 五(四) …; adverbs also 当然 ("我当然承诺": of course,
            present; "我当然会承诺" stays willingness); after it a reassurance or request (放心, 请受理) and the
            sentence-final 哟/ok of a plain statement (我承诺哟, 我承诺 OK), never 呗, 吧 or 的 ("我承诺的" may be the
            assurance of a future act, 我会承诺的 with 会 unsaid); before it 哦 as 嗯 (哦，本人承诺)
  enterprise (the legal representative of an enterprise applicant acting for itself) the same, and
            本公司|我公司|本企业 承诺 …, 本人作为<enterprise>的法定代表人，代表本企业承诺 …, 本人系<enterprise>
            法定代表人, 代表本公司承诺; 我以法定代表人身份, 代表<enterprise>作出承诺; (hotline) <enterprise>法定代表人
            来电, 代表公司承诺 …; beside it the credit code, 后续核查随时配合, an unchanged address (地址没有变);
            the company's words said twice (本公司承诺本公司承诺); 我是老板, then the first-person act (only the speaker as
            老板: "老板承诺" is a third person, and 店长, 会计, 老板娘 are no such lead). A bare 公司承诺 is not read.
            The company may be called by a short form of its registered name that keeps its trade name whole (好味餐饮,
            好味餐饮公司, 郑州好味; never 餐饮公司); 我是好味餐饮的王总 is its head by the representative's surname; where
            the representative's name is not known, a name said right after the title the speaker claims (我是法定代表人
            李建国, or signed after it) is taken as theirs, and any other name in the message is someone else.
  proxy     [我|本人 [<agent>]] 受|经|获得|根据 <applicant> [的] 特别授权, [我] 代为|代其|代<applicant> 承诺 …
            我有<applicant>签的特别授权, 代他承诺 …; <applicant> 特别授权我, 我代为承诺 …
            按委托书上的特别授权, 我代<applicant>承诺 …; 我代为承诺 …, (已经)有<applicant>的特别授权(了)
            ("<applicant>特别授权我代为承诺" reports the authorisation: its subject is the applicant and its
            main verb 授权, so the commitment itself is not made)
            the authorisation as a clause of its own, then the act: <applicant>的委托书上写明授权我代为作出告知承诺,
            我代他承诺; 我是<applicant>的特别授权代理人, 代<applicant>承诺; <applicant>给我签了特别授权, 我代他承诺;
            <applicant>特别授权我代为承诺, 现在我代他承诺; 我持<applicant>签的特别授权委托书, 代其承诺; 我代<applicant>
            承诺, 他给我签了特别授权委托书. The clause must name the power to commit (特别授权, or 代为承诺 written in
            the document): 委托书 or 全权委托 alone is not it. Named by no one (我有特别授权, 特别授权委托书在这儿, 经特别
            授权, 受特别授权, 我代<applicant>承诺，有特别授权), it needs the applicant named in 代<applicant>: 代为 names no
            one, so "我刘洋经特别授权代为承诺" is asked again. Short forms of the named ones: 我有<applicant>特别授权 / 我持
            <applicant>特别授权 (no 的), <applicant>给了特别授权, 我代他承诺; <applicant>特别授权了, 我代为承诺; 我代为承诺,
            <applicant>特别授权的. Beside it: why the applicant cannot come (老爷子住院来不了), the
            liability borne by the applicant (不实承诺的后果由<applicant>承担), the proxy's own name as the subject
            (刘洋代为承诺).
            <applicant> must be the applicant's name (compared with ``textnorm.name_key``: 趙強 is 赵强),
            申请人, or a word that can only mean the applicant (他/她/其, a relative; 公司/该企业 for an enterprise)

A lead before the commitment is taken away only when it says nothing against it: acknowledgements, a
finished reading or check, an answer taken back by a word that names it wrong (我不承诺。哦不，打错了，我承诺;
我不承诺，不对，我承诺; 更正一下: what is taken back must itself be a refusal or the commitment, never a reason;
a bare 不 or 不是 says no as much as it corrects and takes nothing back), a refusal denied (我不是不承诺，本人
承诺, 没说不承诺，我承诺: the double negation alone commits to nothing, the act after it does; the rhetorical
谁说我不承诺了 asks rather than states, and is not taken away), a pause closed by its result (等一下
……核对好了), who the speaker is (作为申请人, 我是公司法人), a hotline's heading and the caller named as the applicant (【热线代录】,
来电人张伟本人口述), the right words named after a correction (我同意——哦不对，要写承诺用语：本人承诺; 不对，是本人承诺;
本公式承诺，打错了: only the subject mistyped by one character), and their own situation told first by voice (我都七十多了, 字写得慢, 我一个人住, 家里没别人,
这手机字太小了, 看了半天, 不会打字用说的: each a whole clause of its own, with no doubt, condition or other person in it; told
after the act too, with the form filled in by their own hand: 我七十三了打字慢，这些都是我一个字一个字自己填的), a form's label
with the applicant's own name (承诺人张伟：本人承诺), a citizen's hardship (我一个人带孩子，不容易; 我是下岗职工; 家里老人
住院急着用钱; 在外地打工请不了假，只能网上办: why the errand matters or is done online, never what they own or earn), a
weakness with the reading granted finished right after it (眼神不太好，不过内容都弄明白了), a company's record (开店三年一直守法
经营), and after the act also the answer typed again (这是第二遍输了，上次网断了) and the errand found hard (办个事真不容易). A proxy's
authorisation corrected in so many words to the special one (受赵强委托——不对，准确说是特别授权——) is read as said right;
all they hold said to be oral or ordinary (只有口头授权), or the special authorisation denied (没有特别授权，不过我可以代他承诺),
beside the act is no commitment at all. Also taken away: when the speaker found the time (刚下夜班, 中午忙完了, 趁晚市前弄一
下), a clear head (脑子还清醒), the decision made (看完了也想好了), someone who typed with the words said to be the speaker's
own (我孙女帮我打的字，话是我自己说的: the typist alone is not enough), and a proxy's errand for the named applicant
(我替我爸赵强办的). After the act, a condition of the item met by the applicant's own thing (店里的卫生条件符合要求) and
obeying the notice's requirements are what is committed, as 以上内容属实 is.
What remains is judged as a message of its own, and only a yes is taken from
it; a refusal after the correction is a refusal (我承诺，说错了，我不承诺了).

So these are NOT commitments: willingness (我愿意承诺, 我会承诺的), a grudging yes (行行行, 我承诺呗, 行了吧), statements about reading or understanding (我已阅读告知承诺书, 我了解承诺,
我明白承诺的后果), the noun 承诺 (我的承诺, 承诺书), a third party as subject (他承诺, 你帮我承诺吧; 本公司
for a citizen), anything with a condition, hedge, deferral, doubt, joke, emoji or coercion, negation
anywhere in the clause, questions, English, and typos in 承诺 (a commitment is not made by a typo whose
meaning we guessed). Each gets a plain explanation naming the words to type.

"同意并承诺", in every form (同意并承诺, 我同意并承诺, 已阅读并同意承诺…), is NOT taken as a commitment.
同意 is assent to a text someone else puts forward; next to it 承诺 reads both as the verb ("agree, and
commit") and as its object ("agree to the commitment"), which is the checkbox of an online form — the
very thing 四 rules out when it makes the commitment the applicant's own written act. Since one reading
is a commitment and the other is not, the user is asked to write "本人承诺" (one more message; a wrong
"yes" would put a legal liability on someone who did not take it on). 确认并承诺 with a subject is
accepted: 确认 there confirms facts, and the sentence names 承诺 as the speaker's own act.

No upgrades: the full statement next to anything doubtful ("…我不明白", "…是别人替我填的") is not explicit,
and nothing implicit ever becomes explicit.

The rules are deterministic and tested case by case: a model that is 98 % right would put a false "yes"
into a legal record now and then. Refusing costs the user one more message; accepting wrongly costs them
a legal liability they did not take on.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot.core.textnorm import name_key as _name_key
from bot.core.textnorm import join_spaced_characters, normalize

KINDS = ("explicit", "implicit", "negated", "question", "unclear", "cancel")
ACTING_AS = ("self", "proxy")
APPLICANT_KINDS = ("person", "enterprise")

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


def statement(
    item_name: str,
    acting_as: str,
    applicant_name: str,
    agent_name: Optional[str],
    representative: Optional[str] = None,
    applicant_kind: str = "person",
) -> str:
    """The commitment statement with the four parts of 五(四), for this item and this person.

    The statement is evidence (P2): it names the item, who commits and, for a proxy, on whose special
    authorisation, so nothing in it may be left blank. An enterprise acting for itself commits through
    its legal representative, a natural person: the statement names that person and the enterprise, and
    the enterprise is what knows, meets the conditions and bears the liability.
    """
    _check_acting_as(acting_as)
    if applicant_kind not in APPLICANT_KINDS:
        raise ValueError(f"applicant_kind must be 'person' or 'enterprise', got {applicant_kind!r}")
    if not item_name or not applicant_name:
        raise ValueError("the statement needs the item name and the applicant's name")
    notice = f"“{item_name}”告知承诺书告知的全部事项"
    if acting_as == "self" and applicant_kind == "enterprise":
        if not representative:
            raise ValueError("an enterprise commits through its legal representative: give representative=")
        return (
            f"本人{representative}作为{applicant_name}的法定代表人，代表该企业承诺：本企业已知晓{notice}；"
            f"本企业已符合告知的相关条件和要求；本企业愿意承担不实承诺的法律责任；本承诺是本企业真实的意思表示。"
        )
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


def required_words(
    acting_as: str,
    applicant_name: Optional[str],
    representative: Optional[str] = None,
    applicant_kind: str = "person",
) -> str:
    """The exact words the user is asked to type (and that :func:`classify` accepts).

    The legal representative of an enterprise speaks in the first person too: "本人承诺"."""
    _check_acting_as(acting_as)
    if acting_as == "self":
        return "本人承诺"
    return f"我受{applicant_name or '申请人'}特别授权，代为承诺"


# --- text preparation -------------------------------------------------------------------------------

# Quotes and title marks are dropped ("＂本人承诺＂" is 本人承诺); other punctuation ends a clause.
_DROPPED_PUNCTUATION = frozenset("\"'“”‘’「」『』《》〈〉`")


# Cantonese function words, read as their Mandarin equivalents so that one grammar serves both: negation
# (唔 不, 冇 没), the copula (係 是; not in 關係, where it is the traditional form of 系), aspect (咗 了, 晒 "all
# of it", 睇 看), pronouns and particles (佢 他, 嘅 的, 咁 那), question words (乜嘢/咩 什么, 會點 会怎样).
# Every one of them makes a message either a Mandarin sentence of the same meaning or one that is read more
# carefully (唔, also a Mandarin "hmm", becomes 不): none can turn anything into a yes it did not say.
_CANTONESE_COPULA = re.compile(r"(?<![關关干幹體体聯联])係")
_CANTONESE = (("唔该", "请"), ("唔", "不"), ("冇", "没"), ("咗", "了"), ("完晒", "完"), ("睇晒", "看完"), ("读晒", "读完"),
              ("看晒", "看完"), ("睇", "看"), ("佢哋", "他们"), ("佢", "他"), ("嘅", "的"), ("乜嘢", "什么"),
              ("咩", "什么"), ("会点", "会怎样"), ("咁", "那"), ("呃人", "骗人"), ("屋企", "家里"), ("㗎喇", "了"),
              ("㗎啦", "了"), ("㗎", "的"), ("喇", "了"), ("啰", "了"), ("咯", "了"), ("嚟", "来"), ("边个", "谁"),
              ("点解", "为什么"), ("我哋", "我们"), ("得不得", "行不行"))
# Voice input spells out punctuation ("本人承诺句号"): the spoken mark is the mark.
_SPOKEN_PUNCTUATION = re.compile(r"(句号|逗号|问号|感叹号)$|(句号|逗号|问号|感叹号)(?=[\s,，。])")
_SPOKEN_MARK = {"句号": "。", "逗号": "，", "问号": "?", "感叹号": "!"}


# WeChat's emoticons arrive as their text codes when typed on some keyboards or pasted ("我承诺[抱拳]"): read as the
# emoji they stand for, so a sincere one counts as one and a laughing one leaves a legal answer unclear.
_EMOTICONS = {
    **dict.fromkeys(("微笑", "可爱", "愉快"), "🙂"), **dict.fromkeys(("抱拳", "合十", "祈祷"), "🙏"),
    **dict.fromkeys(("ok", "OK", "好的"), "👌"), **dict.fromkeys(("强", "赞", "胜利"), "👍"), "握手": "🤝",
    **dict.fromkeys(("爱心", "心"), "❤"), **dict.fromkeys(("拳头", "加油", "奋斗"), "💪"),
    **dict.fromkeys(("偷笑", "呲牙", "破涕为笑", "笑哭", "大笑"), "😂"), "捂脸": "🤣",
    **dict.fromkeys(("坏笑", "奸笑", "旺柴", "机智", "调皮"), "😜"),
}
_EMOTICON = re.compile(r"\[(" + "|".join(map(re.escape, _EMOTICONS)) + r")\]")


def emoticons(text: str) -> str:
    """The text with WeChat's emoticon codes ("[抱拳]") replaced by the emoji they show."""
    return _EMOTICON.sub(lambda m: _EMOTICONS[m.group(1)], text) if "[" in text or "【" in text else text


def _prepare(text: str) -> str:
    """Half-width, simplified, lower-case; punctuation and spacing kept (questions need them).

    幺 is read as 么: some converters turn the question particle of 什么/怎么 into 幺, which would hide
    every question asked with it. 俺 (Henan, Shandong, the North-East) is the first person, 我; 俺们 is 我们.
    Reading it as 我 keeps one grammar for the subject instead of a second, dialect one. Cantonese function
    words are read the same way (see ``_CANTONESE``)."""
    text = emoticons(normalize(_CANTONESE_COPULA.sub("是", text))).replace("幺", "么").replace("俺", "我").lower()
    text = join_spaced_characters(text)
    text = text.replace("木有", "没有")  # the playful and dialect spelling of 没有 ("木有委托书")
    # "100%" (also typed full-width, "１００％") is 百分之百 said in figures: read as the words, since the % sign would
    # otherwise end a clause in the middle of what is said. Any other share keeps its figures and matches nothing.
    text = _WHOLLY_IN_FIGURES.sub("百分之百", text)
    text = text.replace("木问题", "没问题")  # the same playful 木 in "木问题" (no problem)
    for cantonese, mandarin in _CANTONESE:
        text = text.replace(cantonese, mandarin)
    return _SPOKEN_PUNCTUATION.sub(lambda m: _SPOKEN_MARK[m.group(1) or m.group(2)], text)


_WHOLLY_IN_FIGURES = re.compile(r"(?<![0-9.])100(?:\.0+)?\s*%")
_SPACE_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![\s,][\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff]{2})")


def _flat(prepared: str) -> str:
    """Letters and digits, with every clause boundary (punctuation) as one ``,``; spaces and emoji gone."""
    out = []
    # Voice input and hurried typing separate clauses by spaces ("我不承诺 啊不对 说错了 我承诺"); a space
    # between two words of two characters or more is such a pause, while a spaced-out word ("本人 承 诺")
    # is one word.
    prepared = _SPACE_PAUSE.sub(",", prepared)
    for c in prepared:
        category = unicodedata.category(c)
        if category[0] in "LN":
            out.append(c)
        elif c in _DROPPED_PUNCTUATION:
            continue
        elif category[0] == "P" or category == "Sm":
            out.append(",")
    return re.sub(",+", ",", "".join(out)).strip(",")


def _compact(text: str) -> str:
    """Letters and digits only: no spaces, punctuation, emoji or variation selectors."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def _segments(text: str, tokens: frozenset) -> bool:
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


# Skin tones (🙏🏻) and the emoji variation selector only change how the emoji before them looks.
_EMOJI_MODIFIERS = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400)) | {"\ufe0f"}


def _is_emoji(c: str) -> bool:
    if c in _EMOJI_MODIFIERS:
        return False
    return unicodedata.category(c) == "So" or 0x1F000 <= ord(c) <= 0x1FAFF


def _has_emoji(prepared: str) -> bool:
    return any(_is_emoji(c) for c in prepared)


# Emoji that only underline a sincere answer (folded hands, thumbs up, a smile). Any other (😂, 🤣, 🙃, 🤡 …)
# may be mockery, and beside a legal statement nothing is assumed.
_SINCERE_EMOJI = frozenset("🙏👍👌✅✔☑😊🙂☺🤝💪❤♥✍")  # ✍: the writing hand, "I sign"


# Faces typed in signs, and marks of a form, that take an answer back or mock it as the doubtful emoji do: a wink, a
# frown, a flat or sidelong stare, a cringe (;) :( -_- =_= ¬_¬ >_< ^^; →_→), and a cross or an empty box (× [ ] ( )),
# a "no" or a blank on a form. The friendly ones (:) ^_^) are not among them.
# (the faces alone are shared with the notice's reader, bot/core/consent.py, which adds the 🙂 it reads as contempt)
MOCKING_SIGNS = (r";-?\)|:-?\(|[-=¬~]_+[-=¬~]|[-=]\.[-=]|¬‿¬|>_*[<‹]|\^\^;|[→←]_+[→←]|T_T|QAQ|"
                 r"(?<![a-z])orz(?![a-z])")
_DOUBTFUL_SIGNS = re.compile(MOCKING_SIGNS + r"|\(\s*\)|\[\s*\]|（\s*）|[×✗✘]", re.IGNORECASE)


def _has_doubtful_emoji(prepared: str) -> bool:
    return any(_is_emoji(c) and c not in _SINCERE_EMOJI for c in prepared) or bool(_DOUBTFUL_SIGNS.search(prepared))


# --- the vocabulary of the screens ----------------------------------------------------------------

_INJECTION = re.compile(
    r"<\s*/?\s*script|<\s*[a-z!/][^>]*>|drop\s+table|delete\s+from|insert\s+into|update\s+\w+\s+set|"
    r"union\s+select|select\s.+\sfrom|;\s*--|'\s*;|'\s*or\s|\bor\s+1\s*=\s*1|\$\{|\{\{|javascript:|\x00|"
    r"https?://|www\.",
    re.IGNORECASE,
)

_QUESTION_WORDS = re.compile(
    r"吗|什么|怎么|怎样|怎么样|为什么|为何|是否|如何|多少|多久|多长|哪|谁|啥|咋|几时|何时|有没有|是不是|"
    r"可不可以|能不能|会不会|要不要|行不行|对不对|好不好|需不需要|用不用"
)
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")  # 承不承诺, 愿不愿意 …
_SENTENCE_END_PARTICLE = re.compile(r"(呢|么)(?=[\s,.;!，。；！…~]*$|[,.;!，。；！])")
# Words containing a question character that do not ask anything.
# 没啥 is 没什么 ("nothing"); 着呢 is the durative 着 with an emphatic 呢 ("写着呢", "好着呢"); 嗯呢 is a
# northern "yes"; 才不…呢 is an emphatic refusal ("我才不承诺呢"), none of them asks.
_NOT_QUESTIONS = re.compile(r"没什么|没有什么|没啥|没有啥|"
                            # "怕哪里填错了": the 哪里 of a fear is "somewhere"; "有什么要核查的随时给我打电话": "anything"
                            r"(?<=怕)(?:哪里|哪儿|哪|什么|啥)(?=[\u4e00-\u9fff])|"
                            r"有(?:什么|啥)(?:要|需要)(?:核查|核实|了解|补充)的(?=(?:随时)?(?:给我|找我|联系我|打电话|打我电话))|"
                            # "不对不对", "不是不是": a correction said twice, no 对不对 asked
                            r"(?:不对){2,}|(?:不是){2,}|"
                            # "不了不了": a refusal said twice, no 了不了 asked
                            r"(?:不了){2,}|"
                            # "没写啥委托书": 啥 after a negated verb is "any"
                            r"(?:没|没有)(?:写|签|开|弄|办|给|带|拿|说|讲|提)(?:过|了)?(?:啥|什么)(?=[\u4e00-\u9fff])|不怎么|不是什么|什么都|什么也|啥都|啥也|哪怕|那么|这么|多么|要么|吗啡|"
                            # "谁说我不承诺了": a rhetorical denial of a refusal, read as the double negation it is
                            r"谁说(?=(?:我|本人)?(?:要)?(?:不|没))|有(?:啥|什么)说(?:啥|什么)|信不信由你|爱信不信|"
                            r"(?:有)?(?:啥|什么)好怕的|怕(?:啥|什么)(?=$|[,，。!！])|怎么(?:说|讲|查)都|(?:说|讲)什么都|"
                            # "有什么问题我负责": 什么 there is "any", in the liability clause
                            r"(?<=有)(?:什么|啥)(?=(?:问题|事|事情|不对的?|后果|责任)?(?:的话)?[,，]?"
                            r"(?:我们|我|本人|他们|她们|他|她|你们|你|您|别人|公司|老板)(?:自己)?(?:负责|担着|承担|担|认罚|兜着))|"
                            r"谁[^谁,，。]{1,6}谁|谁懂啊|着呢|嗯呢|嗯哪(?![个里儿些位天种条一样])|才(?:不|没)[^,，。;；!！?？]{0,10}呢|"
                            # "我在地里干活呢": the progressive 在…呢 tells what the speaker is doing
                            r"(?<![你您他她])在(?:(?!什么|怎么|哪|谁|啥|咋|吗|干嘛)[^,，。;；!！?？]){1,8}呢|"
                            # "我带着原件呢": the durative 着 with its object, then 呢; how things stand
                            r"(?<=[带拿揣放留存])着(?:(?!什么|怎么|哪|谁|啥|咋|吗|干嘛)[^,，。;；!！?？]){1,6}呢")
# A tag question ("…就行了是吧") and an alternative question ("是要罚款还是坐牢") ask without a question word.
_TAG_QUESTION = re.compile(r"(?:是吧|对吧|是不|对不|好吧\?)[\s,.;!…~]*$|是[^,，。;；!！]{1,8}还是[^,，。;；!！]"
                           # "承诺了还能反悔不": a modal, then 不 closing the clause, is the V-not question
                           r"|(?:能|会|可以|行|用|要)[\u4e00-\u9fff]{0,4}不[\s,.;!…~]*$")

_CANCEL = ("算了", "不办了", "不办理了", "不弄了", "不搞了", "不做了", "不申请了", "不想办了", "不要办了",
           "不办", "取消", "退出", "放弃", "结束办理", "终止办理", "不用办了", "不想弄了", "不想搞了", "不想做了",
           "不代办了", "不帮他办", "不帮她办", "不替他办", "不替她办")

_NEGATION_WORDS = "不|没|没有法|没得法|没有|未|无法|没法|没办法|不能|不会|不想|不愿|不愿意|不敢|不肯|不要|拒绝|绝不|决不|并不|别|不再"
_NEGATION_FILLERS = "想|要|愿|愿意|能|会|敢|肯|打算|准备|再|去|作出|做出|做|作|用|需要|可以|是|代为|代|替|帮他|帮她"
_NEGATED_TARGET = "承诺|同意|签|接受|答应|认可|保证|确认|承担"
_NEGATED = re.compile(
    f"(?:{_NEGATION_WORDS})(?:{_NEGATION_FILLERS})*(?:{_NEGATED_TARGET})"
    f"|(?:{_NEGATION_WORDS})(?:{_NEGATION_FILLERS})*(?:代|替)[\u4e00-\u9fff]{{0,6}}?承诺"  # 我不代他承诺
    "|承诺不了|承诺不来|拒绝"
    # the commitment named first, then refused: "这个承诺我不做", "承诺我就不签了"
    "|承诺(?:我|本人)?(?:就|还是|也|可)?(?:不|不想|不愿意|不会|不能)(?:替他|替她|代他|代她|帮他|帮她)?(?:做|作|签|写|许|给)"
    # the same with the potential complement ("这个承诺我做不了", "承诺我签不了"): cannot make it, a refusal
    "|承诺(?:我|本人)?(?:就|还是|也|可|真|实在)?(?:做|作|签|写|许|给)不了"
)
_NEGATION_ALONE = frozenset(
    {"不", "不了", "不要", "不行", "不用", "不用了", "不好", "否", "不是", "没有", "不对", "不可以", "不能", "不愿意",
     "不想", "不会", "不肯", "不干", "不签", "no", "nope", "n", "不不", "不不不", "不承诺", "不同意", "我不干", "不干了",
     "我不签", "不签了", "不用了谢谢", "不了谢谢", "不用谢谢"}
)

# Conditions, hedges and deferrals: a commitment cannot carry any (五(四): the true, unreserved intent).
_CONDITIONAL = ("但是", "但", "不过", "可是", "然而", "如果", "假如", "假设", "要是", "若是", "倘若", "只要", "除非",
                "前提", "条件是", "的话", "等我", "再说", "考虑", "想想", "可能", "也许", "或许", "大概", "应该",
                "差不多", "试试", "试一下", "随便", "开玩笑", "玩笑", "假装", "骗", "勉强", "暂时", "一半", "部分",
                "有条件", "保留", "哪怕", "好像", "似乎", "貌似", "估计", "以后", "回头", "晚点", "改天", "稍后",
                "到时候", "看情况", "先这样", "姑且", "万一", "凑合", "应付", "走个过场", "形式",
                # a time still to come: what is promised is not yet so
                "下个月", "下月", "下周", "下星期", "明天", "后天", "明年", "过几天", "过两天", "将来", "到时", "月底",
                "年底", "下次", "过段时间")
# Doubt about what is being committed to: not read, not understood, filled in by someone else.
_DOUBT = re.compile(
    r"没看|没细看|没有看|没读|没有读|未看|未读|没仔细|没认真|没来得及|看不懂|没看懂|读不懂|不懂|不明白|不清楚|"
    r"不知道|不了解|不太|不确定|搞不清|弄不清|说不清|记不清|别人替我|别人帮我|别人给我|替我填|帮我填|代我填|"
    r"给我填|不是我填|不是我写|扫了一眼|瞄了|粗略|大致看|随便看|懵"
)
# Mockery and coercion: not the applicant's true intent.
# (233, the laughter of chat, only standing alone: an ID or phone number may hold those digits)
_JOKE = re.compile(r"哈哈|呵呵|嘿嘿|嘻嘻|hh|lol|(?<![0-9])2333*(?![0-9])|逗你|逗你玩|闹着玩|搞笑|个屁|才怪|(?<![没不])骗你|糊弄|逗|家人们|谁懂啊|绝绝子|"
                   r"yyds|栓q|芭比q|(?:你|您)问我,?我问谁")
_COERCED = re.compile(r"被逼|被迫|逼我|强迫|没办法才|不得不|只能承诺|只好承诺|还能咋样|还能怎样|还能怎么样|还能咋办|"
                      r"还能怎么办|有啥办法|有什么办法")
# A rude "no" dressed as the commitment words ("我承诺个锤子").
_RUDE_NO = re.compile(r"承诺(?:你|他|她)?个(?:锤子|屁|鬼|毛|头|球|der)|承诺才怪")
# A grudging yes ("行行行", "…行了吧", "我承诺呗", "烦不烦"): said to end the conversation, not the true intent.
_GRUDGING = re.compile(r"([行好对是得成中])\1\1|(?:行|好|成|得|可以)了吧|呗|烦不烦|烦死|真烦|好烦|有完没完|拉倒|随便你|随你|"
                       r"爱咋咋|服了")
# Willing, wanting or about to commit: a modal before 承诺 says what the speaker would do, not that they do it.
_WILLING = re.compile(r"(?:愿意|愿|想|想要|要|会|准备|打算|可以|能|得|该|应当|同意)(?:去)?(?:代为|代他|代她|代其)?(?:作出|做出)?承诺")
# "我不是不承诺": a double negation is not read either way.
# Not decided yet, said with a question inside a statement ("我还没想好要不要承诺", "承诺不承诺无所谓", "要不要承诺我
#还得想想"): a hedge, neither a question to answer nor a refusal.
_INDECISION = re.compile(
    r"(?:没想好|没考虑好|不知道|不清楚|不确定|拿不准|说不准|犹豫|纠结|还在想|在考虑)[^,]{0,4}?"
    r"(?:要不要|该不该|能不能|可不可以|行不行|承不承)(?:作出|做出)?承诺|"
    r"([\u4e00-\u9fff]{1,2})[不没]\1[^,]{0,3}(?:都行|都可以|无所谓|都一样|随便|都成|没关系|没所谓)|"
    r"(?:要不要|该不该)[^,]{0,6}(?:还得|还要|得|要|再)(?:想想|想一想|考虑|商量)"
)
# "谁说我不承诺了" denies a refusal like "我不是不承诺": read neither way.
_DOUBLE_NEGATION = re.compile(r"(?:不是|并非|没有|并不是)不|谁说(?:我|本人)?(?:要)?(?:不|没)")
# A negation inside the scope of another, in one clause ("我没说不承诺", "我不会不承诺的", "我不敢不承诺", "不是我不想
# 承诺", "我不拒绝承诺"): a refusal denied is no refusal, and not a commitment either.
_NEGATED_NEGATION = re.compile(r"(?:不|没|未|非|别|无)[^,]{0,6}?(?:不|没|拒绝|放弃)[^,]{0,6}?承诺"
                               r"|(?:不|没)承诺[^,]{0,4}?(?:不行|不成|不可以|不可能|不合适)")
# A rhetorical question denying a commitment ("谁说我要承诺了", "我哪有承诺", "我什么时候承诺了", "我不是说了不承诺吗"):
# it asks nothing the assistant can answer, and what it refuses is not said plainly.
_RHETORICAL = re.compile(r"谁说(?:我|本人)?(?:要|会|想)?承诺(?!书|制|的)|(?:我|本人)哪(?:有|里|儿)(?:要|说|说过|说要)?承诺(?!书|制|的)"
                         r"|(?:我|本人)什么时候(?:说)?(?:过|要)?承诺(?:了|过)|不是(?:说|讲)(?:了|过)?(?:我|本人)?(?:不|没)(?:想|要)?承诺")
# "…，骗你的", "开玩笑的": what was said is taken back as not meant, a refusal as much as a yes.
_NOT_MEANT = re.compile(r"开玩笑|玩笑的|(?<![没不])骗你|逗你|闹着玩|说着玩")
# The same as a clause of its own ("我不承诺，假的", "…，才怪"): what came before is taken back as not meant.
# "我是说…", "我的意思是…": what follows restates the answer, replacing what came before.
_RESTATING = re.compile(r"^(?:我是说|我的意思是|意思是|是说|我是想说|我想说的是|我要说的是|我说的是|应该是)")
_ORDINARY_PROCEDURE = re.compile(r"(?:交|提交|补交|开|提供|准备)(?:证明|材料)|(?:一般|普通|正常)(?:程序|流程)")
# "我承诺个啥": 承诺 with 个啥 scoffs at the act ("commit to what?"); read as a refusal only with the proofs chosen after it
_SCOFFED = re.compile(r"^(?:我|本人)?(?:还)?承诺个(?:啥|什么|啥子)(?:呀|啊|哟)?$")
_PROOFS_CHOSEN = re.compile(r"^(?:那|那么|所以)?(?:我|我们|本人)?(?:就|还是|直接)?(?:去)?(?:交|提交|补交|开|提供|准备)(?:证明材料|证明|材料)(?:去)?(?:了|吧)?$")
# the refusal said in words after the scoff ("不承诺", "我不承诺了"): the speaker's own, plain, with nothing softening it
_PLAIN_REFUSAL = re.compile(r"^(?:我|本人)?(?:就|才|坚决)?(?:不|不想|不愿意|不会)(?:作出|做出)?承诺(?:了)?$")
# A plain refusal of the speaker's own, with the emphatic 可/才 ("我可不承诺", "我才不承诺呢"), and a worry asked after it
# about what a commitment could bring on ("万一查出来咋弄", "要是被罚怎么办"): the hypothetical (万一, 要是…) or the
# consequence (查, 罚, 后果…) named, then "what then". A worry naming 承诺 itself ("不承诺咋办") asks about the answer.
_REFUSAL_BEFORE_WORRY = re.compile(r"^(?:我|本人)?(?:可|才|就|坚决|真|绝对)?(?:不|不想|不愿意|不愿|不会|不敢|不能)(?:作出|做出)?"
                                   r"承诺(?:了)?(?:呢)?$")
_CONSEQUENCE_WORRY = re.compile(
    r"^(?:可是|但是|那)?(?=[^,]*?(?:万一|要是|如果|假如|到时候|查|罚|出事|出问题|后果|责任|坐牢|征信|失信|黑名单))"
    r"[^,承诺]{1,14}?(?:咋办|怎么办|咋弄|怎么弄|咋整|怎么整|咋搞|怎么搞|(?:会|要)?(?:咋样|怎么样|怎样))(?:呢|啊|呀|嘞|哩)?$")
_DROPPED_IT = re.compile(r"^(?:不弄了|不搞了|不整了|不承诺了|算了)$")
_REPEATED_REFUSAL = re.compile(r"^(?:不承诺)+$")  # "不承诺不承诺": the same refusal twice
_NOT_MEANT_CLAUSE = re.compile(r"^(?:我|刚才)?(?:说的|是|都是)*(?:假的|假话|瞎说的|乱说的|说着玩的|才怪)(?:啦|哈|了|呢|的)?$")

# Common mis-typings of 承诺 (homophones on a pinyin keyboard). They are caught and the user is asked to
# type the words again: a legal commitment is not made by a typo we guessed the meaning of.
_TYPOS = ("承若", "成诺", "诚诺", "承喏", "乘诺", "程诺", "呈诺", "承偌", "承落", "承挪", "称诺", "丞诺", "成若",
          "承惹", "陈诺", "诚若", "城诺")

_ENGLISH_COMMIT = re.compile(r"promise|commit|pledge|swear|affirm|undertake|guarantee|agree|accept|confirm")
_ASCII_YES = frozenset({"ok", "okay", "okk", "yes", "y", "sure", "yep", "yeah", "k"})
_ASCII_NO = frozenset({"no", "nope", "n", "nah"})

_IMPLICIT_WORDS = frozenset(
    {"好", "好的", "好吧", "好啊", "好嘞", "嗯", "嗯嗯", "恩", "恩恩", "嗯呢", "可以", "可以的", "行", "行吧", "行的",
     "ok", "okay", "okk", "好滴", "是", "是的", "是啊", "对", "对的", "对对", "确认", "确定", "同意", "没问题", "收到",
     "知道了", "明白", "明白了", "了解", "清楚了", "我同意", "我确认", "我愿意", "愿意", "已阅读", "我已阅读",
     "读完了", "看完了", "yes", "y", "sure", "成", "妥", "没毛病", "我保证", "保证", "签", "签字", "我签",
     "提交", "下一步", "继续",
     "中"}  # Henan dialect for "OK" (Zhengzhou users)
)
_FILLERS = frozenset({"我", "了", "啊", "呀", "哈", "哦", "啦", "吧", "的", "呗", "嘞", "谢谢"})
_AGREEMENT = re.compile(r"同意|确认|认可|保证|愿意|接受|答应|明白|知道|清楚|了解|知晓|知悉|没问题|可以|好的|阅读|看完|"
                        r"读完|看过|读过")
# 承诺 used as a noun: the document, the liability clause, "my commitment".
_NOUN_COMMITMENT = re.compile(r"告知承诺书|告知承诺制|告知承诺|承诺书|承诺制|不实承诺|承诺的|的承诺|承诺内容|承诺事项")
_AGREEING_EMOJI = ("👍", "👌", "✅", "✔", "🆗", "🙆", "👏")
_LAUGHING_EMOJI = ("😂", "🤣", "😆", "😜", "😝", "🤪", "😹")
_REFUSING_EMOJI = ("👎", "🙅", "❌", "✖", "🚫", "⛔", "🙈")

# --- the commitment grammars (on the flat text: clause boundaries are ",") -------------------------

# An ID card or phone number given beside the answer ("身份证4101…", "电话138…"): who the speaker is, nothing more.
CONTACT_DETAIL = (r"(?:(?:有事|有问题|有什么事)?(?:可以|就)?(?:打|联系|找)(?:我|本人))?"
                  r"(?:我的?|本人的?)?(?:身份证(?:号码|号)?|电话(?:号码)?|手机(?:号码|号)?|联系电话)(?:是|为)?"
                  r"(?:[0-9]{17}[0-9x]|1[3-9][0-9]{9})")
# (麻烦 and 辛苦 alone are "a bother" and "hard": only with whom they thank, or 了, are they thanks)
_THANKED = r"(?:你们|您们|您|你|大家|工作人员|同志|领导|小姑娘|小伙子|师傅|大姐|姑娘|党和政府|政府|国家)"
COURTESY = (rf"(?:您好|你好|(?:谢谢|感谢|多谢|劳驾){_THANKED}?(?:了|啦|哈|哦|呀|啊|嘞|咧)?|(?:麻烦|辛苦){_THANKED}(?:了|啦|哈|啊|嘞|咧)?|"
            r"(?:麻烦|辛苦)了|谢了|谢啦|谢谢谢谢)")
# 中 is Henan's "OK"; 那个/呃 are the fillers of someone speaking while they type.
_LEAD = (rf"(?:(?:{COURTESY}|早上好|上午好|中午好|下午好|晚上好|好嘞|好滴|好哒|得嘞|行嘞|中嘞|"
         r"好的|好吧|行吧|好|嗯嗯|嗯|恩|是的|是(?=,)|可以|行|ok|okay|yes|那好|那|对|收到|(?:我)?明白了|(?:我)?知道了|没问题|中|现在|那现在|"
         # 哦 (噢) before the act is the "oh, right" of someone who has just read the request, as 嗯 is: an
         # acknowledgement, no doubt; only before a pause, since 哦 inside a clause may begin anything
         r"(?:哦哦|哦|噢)(?=,)|"
         # the everyday and dialect "OK" of chat and of Henan: 妥了, 可以嘞, 没毛病, 嗯呐, okk, 恁放心; those that
         # could start a sentence of another meaning (管我…, 安排我…, 整我…) only when a pause follows them
         r"妥了|妥妥的|妥|可以嘞|可以的|阔以|没毛病|好的呢|好滴呢|是滴|对滴|嗯呐|嗯哪|okk|ok的|ok滴|sure|(?:恁|您|你)放心(?:吧)?|放心吧|"
         r"(?:得劲|管|安排上了|安排|整)(?=,)),?){0,3}"
         r"(?:(?:嗯|呃|额)?那个,?)?")
# Adverbs of the act itself (郑重, 自愿 "voluntarily", 在此). 愿意/愿/想/要/会 are NOT among them: they are
# modal verbs, and "我愿意承诺" says the speaker is willing to commit, not that they commit.
_ADV = (r"(?:在此|特此|兹|在这里|在这儿|现在|现|郑重地|郑重|慎重地|慎重|自愿地|自愿|已经|已|诚信|如实地|如实|依法|正式|"
        r"真心地|真心|诚心诚意地|诚心诚意|诚心|实事求是地|实事求是|"
        # 当然 "of course": the act said as self-evident, present (a future needs 会, which no adverb here is)
        r"当然)*")
_READ_OBJ = (r"(?:(?:上述|以上|上面的?)?(?:全部|完整|所有)?的?(?:告知承诺书|承诺书|告知书|告知事项|告知内容|书面告知|以上内容|上述内容|全部内容|"
             r"所有内容|告知的全部内容|告知的内容|以上|上述)的?(?:全部|所有)?(?:内容|事项)?)")
# The object first ("承诺书我看了", "告知书我都看完了"): a finished reading, told with the topic in front.
_READ_TOPIC = (rf"(?:{_READ_OBJ}(?:我|本人)?(?:都|已经|已|也|全)*(?:看了|读了|看完了|读完了|看过了|读过了|阅读了|听了|听完了"
               # "告知书我从头看到尾了": the whole of it, first to last, finished (了)
               r"|(?:认真|仔细)?从头(?:到尾)?(?:看|读|听)到(?:尾|底|最后)了)"
               r"|(?:我|本人)?(?:都|已经|已|也)*(?:核对|核实|确认|检查|查)(?:好|完|过)了"
               # "我都看了": all of it, said of the whole (as at the notice question); "我看了，我承诺": the reading
               # told before the act (what the commitment covers is the act's own words, not this lead)
               r"|(?:我|本人)(?:都|全都|全部)?(?:认真|仔细)?(?:看了|读了|看过了|读过了))")
_READ = (r"(?:已经|业已|已|都|刚|刚刚)?(?:认真|仔细|完整|全部|逐条|详细)?地?"
         r"(?:阅读|读完|看完|看过|读过|听完|听过|看明白|看懂|读懂|听明白|听懂|知晓|知悉|了解|清楚|明白|确认|保证|理解)(?:了|过)?"
         + _READ_OBJ + "?")
_AND = r"(?:并且|并|且|同时|,)+"
# 嘞 is the Henan sentence particle of a plain statement ("我承诺嘞"); 呗 and 吧 are not here: "我承诺呗"
# is a grudging shrug and "我承诺吧" a suggestion, neither the unreserved intent 五(四) asks for.
_COMMIT = r"(?:作出|做出)?(?:告知)?承诺(?:如下|了|嘞|哒|啊(?=,?[^,]))?"
# What is promised to be true: 以上/上面/我 + 说的/写的/所填/所报 … + 内容/情况/材料 …
# ("以上我填的", "我家收入", "收入情况": who filled it in, and what it is about, named in everyday words)
_TOPIC = (r"(?:(?:以上|上述|上面|前面)(?:我|本人)?|我家|我们家|家里|我|本人|我们|本公司|公司|他|她|申请人)?(?:所有|全部|一切)?"
          # ("报上去的都是实话", "填上去的": what was filed, said with the direction it went, up to the office)
          r"(?:(?:填|报|交|写|提交|申报|递|录)(?:上去|上来|进去)的|"
          r"所填写|所填报|所申报|所提供|所提交|所填|所报|所述|所说|所交|提供|填写|申报|说的|写的|填的|讲的|报的|交的|提交的|申请)?的?"
          # ("家庭收入和财产情况", "家庭成员、收入、住房情况": the things vouched for, listed)
          r"(?:(?:家庭成员|收入|家庭|财产|住房|存款)(?:和|及|以及|,)?){0,4}的?(?:内容|情况|信息|材料|事项|资料|各项|各项内容"
          # ("我填的东西": 东西 is "what" only after the verb of filing or saying that names it; alone it names nothing)
          r"|(?<=[填写报交供说讲]的)东西)?")
# ("都如实填了", "都没问题": filled in truthfully, nothing wrong in it)
# ("以上都是我家的真实情况", a proxy's "以上都是他家的真实情况": whose the facts are, before what they are said to be; a
# citizen vouching for someone else's (他/她) is refused where the self grammar is matched)
# ("所填信息100%真实": 百分之百, in words or as 100% (read as words when the text is prepared), is "wholly", as 完全 is;
# any lesser share, "百分之九十真实", is a part only and matches nothing here)
_TRUE = (r"(?:均|都|全部|完全|全都|句句|全|也|绝对|确实|百分之百|百分百)*(?:是)?(?:(?:我|我们|他|她|他们|她们)家的)?(?:真实有效|真实准确|真实无误|准确无误|真实完整|真实|属实|无误|准确|有效|完整|"
         r"(?:如实|据实|照实)(?:填写|填报|申报|填|报|说|讲)(?:了|的)|没问题|没错|"
         # what is committed as the verb phrase of the letter ("我承诺如实填报", "承诺如实申报"): the filing made truthfully,
         # the act's own object; only the two-character verbs of a form, since a bare 如实说 is "to be frank"
         r"(?:如实|据实|照实)(?:填写|填报|申报|提供|报告)|"
         # ("都是实的": 实 "solid, real" said of what was filed, as 真的; only after 是, the copula that makes it a predicate)
         r"真的|真哩|(?<=是)实的|实话|真话|实情|事实|千真万确|实打实|对的|对|(?:已经|已)?符合(?:告知的)?(?:相关|全部)?(?:条件和要求|条件|要求)|"
         # not a word of it false: "填的没一句假话", "没有半句假话"
         r"没(?:有)?(?:一句|半句|一个字|一处)(?:是)?(?:假话|假的|虚假的?|不实的?)|"
         r"(?:已经|已)?具备(?:相应|相关|全部)?的?(?:经营|办理|申请)?(?:条件和要求|条件|资质)|"
         # the condition named: "符合低保条件", "收入符合标准"
         r"(?:已经|已)?符合(?:(?![不没未无非别])[\u4e00-\u9fff]){1,6}?(?:的)?(?:条件|要求|标准|规定))的?"
         r"(?:情况|内容|信息|材料)?")  # "都是真实情况": the thing said to be true named again
_CONTENT = (r"(?:(?:以上|上述|本承诺|这|这个|这也)?(?:是|为|均为|系)(?:我自己的|我的|本人的|本企业的|我|本人)?真实的?(?:意思(?:表示)?|意愿)"
            # "家里情况就是我填的那样": the facts as filed, in everyday words
            r"|(?:家里|家庭|我家)?的?(?:情况|收入|人口)(?:就是|都是|就)(?:我|本人)?(?:填的|写的|报的|说的)那样"
            # the free will of 五(四) in plain words: "我自愿的", "是我自己愿意的"
            r"|(?:这|这个)?(?:是|都是)?(?:我|本人)?(?:自己|本人)?(?:自愿|愿意)的|(?:完全)?出于(?:本人|我)?(?:自愿|本意)"
            r"|(?:以上|上述)的?(?:内容|情况|信息|事项)?"  # "承诺以上内容": the object of the verb
            rf"|(?:保证|确保)?{_TOPIC}(?:我|本人)?{_TRUE}"
            # Voice input's "以上情况真是的" (are true) and "以上内容属是" (属实 heard as a common word): read so only
            # with the thing vouched for named before them, and 真是的 only with it pointed at ("以上情况", "我说的情况"):
            # "这情况真是的" and a bare 真是的 are exasperation, a bare 属是 is slang. Neither touches the legal word
            # 承诺, whose typos are still refused.
            r"|(?:(?:以上|上述|上面|前面)(?:我|本人)?(?:所填|所说|所报|说的|写的|填的|报的)?|(?:我|本人)?(?:所填|所说|所报|说的|写的|填的|报的))"
            r"的?(?:内容|情况|信息|材料|事项)(?:都|均|全|全都|也都)?(?:真是的|属是)"
            r"|(?:内容|情况|信息|材料|事项)(?:都|均|全|全都|也都)?属是|(?:以上|上述)(?:都|均|全)?属是)")
# A present state that meets the conditions, said of the applicant's own things ("健康证都齐全", "上面写的条件我都
# 符合"). Whatever may still happen (就/再/等/会/要/将/补 …) is not a present state and is left out of the subject.
_FACT_NP = r"[^,就才再等会要将补办去申请交没不未别无非若如但可能该]{1,12}?"
_CONFORMS = (rf"(?:(?:{_FACT_NP},){{0,3}}{_FACT_NP}(?:都|均|全都|全部|也都|全)"
             r"(?:齐全|齐备|符合(?:要求|条件|规定)?|合格|达标"
             # "从业人员均持有有效健康证明": each holds the valid certificate the conditions ask for
             r"|持有(?:有效的?|合法的?)?[\u4e00-\u9fff]{0,4}?(?:证明|证书|证件|证)))")  # truth is vouched only for _TOPIC (what I said)
# A condition of the item said to be met, by the applicant's own thing ("店里的卫生条件符合要求", "后厨符合食品安全条件",
# "我家符合条件"): what the notice asks the applicant to meet, named, then met; the statement's "已符合告知的相关条件和要求"
# said of one of them. Only what belongs to the applicant (the speaker, the household, the shop or company, or a part
# of it named by what a notice's conditions are about) is such a subject: "老王家符合条件" vouches for someone else.
# Nothing may stand between the thing and 符合 but an adverb of plain fact, so "基本符合", "差不多符合" or "不符合"
# match nothing here and the message is read without this clause.
_OWN_OWNER = (r"(?:我|本人|我们|我家|我们家|家里|店里|本店|我店|我们店|咱店|公司|本公司|我公司|我们公司|企业|本企业|单位|本单位|"
              r"门店|店)")
_OWN_PART = (r"(?:(?:卫生|消防|食品安全|安全|经营|办公|生产|营业|居住|住房|环保|环境|场地|设施|设备)?"
             r"(?:条件|环境|设施|设备|场所|场地|资质|后厨|厨房|店面|门店|仓库|车间|收入|住房|情况|人员|从业人员))")
_MEETS = (rf"(?:{_OWN_OWNER}(?:的)?(?:{_OWN_PART})?|{_OWN_PART})(?:都|均|全都|全部|也都|全|也|确实|完全)*(?:已经|已)?"
          r"(?:符合|达到|满足)(?:告知书的?|告知的?|规定的?|国家的?|相关|全部)*(?:(?![不没未无非别])[\u4e00-\u9fff]){0,6}?的?"
          r"(?:条件|要求|标准|规定)")
# Obeying what the notice requires ("本人承诺遵守告知书的全部要求", "严格履行上述义务"): the commitment's own object, as
# 五(四) has the applicant know and meet the notice's requirements; a part of them ("部分要求") is a reservation and
# is caught as a condition.
_OBEYS = (r"(?:严格|自觉|认真|全面)?(?:遵守|履行|执行|做到|落实)(?:告知承诺书|告知书|承诺书|告知|以上|上述|相关|有关)?(?:中|里|上)?的?"
          r"(?:全部|所有|各项|一切|相关)?(?:要求|规定|义务|事项)")
# The liability clause, in the letter's words or in everyday ones ("有假的话我自己担着"): a condition on
# falsity with the speaker bearing the consequence is the fourth part of 五(四), not a reservation.
# ("不实承诺愿承担法律后果": the false commitment named as what the liability is for, as the letter's title of it is)
_FALSITY = (r"(?:(?:如有|若有|如作出|若作出)?(?:不实承诺|虚假承诺)(?:的话)?|如有不实|若有不实|如有虚假|若有虚假|如不属实|如有不符|不实|(?:如果|要是|若是|假如|如|若)?"
            r"(?:有假的|有假|有虚假|是假的|假的|不实|造假|作假|(?:说|讲)(?:了)?假话|撒谎|说谎|有(?:什么|啥)?问题|出(?:了)?(?:什么|啥)?问题|出(?:了)?事|有(?:什么|啥)?事|"
            r"有(?:什么|啥)?不对的?|查出(?:来)?(?:是)?假的|查出(?:来)?(?:有)?问题|(?:核查|核实|查)(?:出来)?(?:有|发现)?(?:出入|不符)|假(?=的话))(?:的话)?)")
_LIABILITY = (rf"(?:(?:并且|并|且|同时)?{_FALSITY}?,?(?:本人|我们|我|本公司|我公司|公司)?(?:自己)?"
              # (甘愿, 情愿: "willingly", the same acceptance as 自愿 in the letter's more solemn word)
              r"(?:自愿|愿意|甘愿|情愿|愿)?(?:依法)?(?:(?:承担|负|担)(?:一切|全部|相应)?的?(?:不实承诺的|不实承诺)?(?:法律)?(?:责任|后果)|担责|负责|"
              r"担着|兜着|负全责|认罚)"
              # the letter's "如有不实，由本人承担法律责任": who bears it said with 由; only after the condition on falsity,
              # since a bare "由我负责" may be about the errand rather than the truth of what was filed
              rf"|(?:并且|并|且|同时)?{_FALSITY},?由(?:本人|我们|我|本公司|我公司|公司)(?:自己)?(?:来)?(?:承担|负责|负全责)"
              r"(?:一切|全部|相应)?的?(?:法律)?(?:责任|后果)?"
              # the consequence named first, then who bears it; with the condition on falsity before it or not ("不实的话
              # 后果我自己担": the same liability clause as "如有不实，我承担后果", in the word order of speech)
              rf"|(?:并且|并|且|同时)?(?:{_FALSITY},?)?(?:有(?:什么|啥))?(?:一切|全部|所有)?(?:不实承诺|虚假承诺)?的?(?:法律)?(?:后果|责任)"
              r"(?:由我们|由我|由本人|我们|我)(?:自己)?(?:来)?(?:承担|负责|担着|兜着|担)"
              rf"|(?:并且|并|且|同时)?{_FALSITY}?,?(?:后果|责任)自负|自负后果"
              # what the applicant gives up or accepts if it is false ("如有不实，自愿放弃低保资格", "愿受法律处罚": 受 is the
              # written 接受): only after a condition on falsity, since "我承诺，放弃低保" would say something else
              rf"|(?:并且|并|且|同时)?{_FALSITY},?(?:本人|我)?(?:自愿|愿意|愿)?(?:被)?(?:(?:放弃|取消|退回|退还|退|停发|收回)(?:我的|本人的)?"
              r"(?:低保|补贴|补助|资格|申请|待遇|钱|款项|所得)[\u4e00-\u9fff]{0,6}?|(?:接受|受)(?:法律的?|相应的?|有关部门的?)?(?:撤销许可|吊销许可|撤销|吊销|罚款)?(?:等)?(?:处罚|处理|惩罚|调查|法律制裁)|"
              r"被列入(?:失信名单|黑名单|失信))"
              r"(?:,?(?:并|并且|同时)?(?:承担|负)(?:一切|全部|相应)?的?(?:法律)?(?:责任|后果))?)")
_LIABILITY_CONDITION = re.compile(_LIABILITY)
# "以上内容属实不实愿意承担法律责任": typed without a pause, the truth claim's 实 and the "if untrue" clause's 不实 meet and
# look like the A-not-A question 实不实. Only when a consequence the speaker accepts follows it (the liability clause,
# "愿意承担…", "后果自负") is this 不实 the condition of that clause; "属实不实？" or "属实不实都得承诺吗" still ask.
_RUN_ON_FALSITY = re.compile(r"(?<=实)不实[\s,]*")


def _run_on_falsity_dropped(text: str) -> str:
    """``text`` without the 不实 that begins a liability clause run on after a truth claim (see ``_RUN_ON_FALSITY``)."""
    def dropped(m: "re.Match[str]") -> str:
        rest = "不实" + text[m.end():]
        said = _LIABILITY_CONDITION.match(rest)
        # the consequence must be said in full and not be denied after it ("不实我负责不了" refuses it)
        return "" if said and said.end() > 2 and not re.match(r"[不没]", rest[said.end():]) else m.group(0)
    return _RUN_ON_FALSITY.sub(dropped, text)
# "如有不实，自愿放弃": what would be given up if it is false, no stop of the journey (what it is, is not said)
_GIVEN_UP_IF_FALSE = re.compile(rf"{_FALSITY},?(?:本人|我)?(?:自愿|愿意|愿)?(?:放弃|取消)")
# The four parts of 五(四) in the letter's short form, after "本人承诺：".
_PARTS = (r"(?:(?:我|本人)?(?:已经|已)?(?:知晓|知悉|了解|知道)(?:了)?(?:告知的?)?(?:全部)?(?:内容|事项)|(?:已经|已)?符合(?:相关)?条件(?:和要求)?|"
          r"愿(?:意)?(?:承担|担)(?:法律)?责任|系(?:本人)?真实意思(?:表示)?)")
# Honesty and the absence of what would disqualify, said in everyday words after the commitment ("绝无虚言",
# "我没骗你们", "我名下没有房，也没有车"): the content of what is promised. Their 不/没/无 deny the falsehood or
# the asset, never the commitment; any other negation still blocks it (``_negation_left``).
# ("我知道不能说假话": the duty of honesty known, said with its own 不能)
# ("申请材料没有造假", "家里收入没有隐瞒", "我填的没有假话": what was filed named first, the speaker's own or the
# household's; someone else's ("他的材料") is no such topic, and the clause is then read as no formula at all)
_VOUCHED = (r"(?:(?:我|本人|我家|我们家|家里|家庭)的?)?(?:(?:(?:填|报|交|写|提交|申报|递|录)(?:上去|上来|进去)的|申请|所填写的|所填的|所填|填写的|填的|所报的|所报|报的|申报的|所提交的|"
            r"提交的|所提供的|提供的|所说的|说的|写的)的?(?:材料|资料|收入|财产|情况|信息|内容|存款|申请表)?"
            r"|(?:收入|财产|家庭|存款|经营)?的?(?:材料|资料|收入|财产|情况|信息|内容|存款|申请表))(?:都|也|全|全都|均|确实|绝对|完全)*")
_HONEST = (r"(?:(?:我|本人)?(?:已经|已|都)?(?:知道|清楚|明白|晓得)(?:了)?)?"
           rf"(?:(?:我|本人|{_VOUCHED})?(?:绝|决|绝对|保证|从来|从)?(?:不会|不能|不可以|不许|不准|不得|不|没有|没|无|并无|绝无|决无|并没有|不存在)(?:任何)?(?:弄虚作假|虚言|造假|作假|"
           r"撒谎|说谎|瞎说|乱说|胡说|瞎编|骗人|骗你们|骗你|欺骗|隐瞒|虚报|瞒报|漏报|说假话|假话|谎话|反悔|半句假话|一句假话|虚假)"
           # "没有隐瞒收入", "绝对不假", "一点不假": nothing hidden, nothing false
           r"(?:(?:任何)?(?:收入|情况|财产|信息|事实|政府|国家|你们|组织))?|(?:绝对|一点|半点|一点儿)(?:都|也)?不假|问心无愧)")
_ASSET = (r"(?:房子|房产|住房|房|车子|车辆|汽车|车|工作|收入|存款|补贴|补助|低保|社保|养老金|退休金|工资|营业执照|生意|店面|门面|"
          r"商铺|股票|股份|财产|资产|贷款|欠款)")
# (the place alone names whose the homes are as well as a pronoun does: "在本市没有住房" is the applicant's own, there)
_NO_ASSETS = (r"(?:(?:(?:我|本人|我家|我们家|家里|家中|我名下|本人名下|名下)(?:在本市|在本地|在当地|在本县|在市区|在城里)?"
              r"|在本市|在本地|在当地|在本县|在市区|在城里)(?:确实|真的|的确|也|都|确确实实)*)?"
              r"(?:(?:确实|真的|的确|也|都|完全|根本|确确实实)*(?:没有|没|无|从来没有|从没有|从没)(?:领过|领|拿过|拿|买过|买|有过|有)?"
              # "无房无车", "没房也没车": the things denied one after another
              rf"(?:任何|别的|其他的?|其它的?|额外的?)?{_ASSET}(?:了|的)?(?:、|和|也|又)?){{1,3}}")
# Kinship terms: a proxy speaks of the applicant by how they are related ("受我岳父赵强特别授权").
_KIN = ("老人", "老人家", "家人", "父亲", "母亲", "爸爸", "妈妈", "爸", "妈", "爹", "娘", "老父亲", "老母亲", "爷爷", "奶奶",
        "外公", "外婆", "姥爷", "姥姥", "丈夫", "妻子", "爱人", "老伴", "老公", "老婆", "媳妇", "儿子", "女儿", "闺女", "岳父", "岳母",
        "老丈人", "丈母娘", "公公", "婆婆", "哥哥", "姐姐", "弟弟", "妹妹", "哥", "姐", "叔叔", "舅舅", "姑姑", "孙子", "孙女", "叔", "舅", "姑", "姨",
        "伯", "伯伯", "大爷", "大伯", "婶", "婶婶", "阿姨", "老爷子", "老太太",
        # the in-laws of the older generation, married into it (姨夫, 姑父, 舅妈): as near, and named the same way
        "姨夫", "姨父", "姑父", "姑夫", "舅妈", "姨妈", "姑妈")
# They are clauses of their own: "本人承诺我没有房", run together, is no formula we read.
# The parts are counted (at most six, then two liability clauses, three closing words): a plain commitment says
# no more, and without a bound a long run of clauses that almost fit would take the matcher exponential time.
# The household's situation told as a positive fact ("我们家就这一套房", "俺家地就二亩", "我家确实就我一个人住",
# "真的困难"): what is promised to be true, said with 就/只 and a count instead of a denial. A count is required:
# "我就试试" or "我只是问问" say nothing of the kind.
_HOUSEHOLD = r"(?:我|本人|我家|我们家|家里|家中|我名下|本人名下)?的?(?:地|田|房|房子|车|存款|收入)?"
_COUNT = r"(?:这|那)?(?:[一二两三四五六七八九十几]|[0-9]+)"
_FACTS = (rf"(?:{_HOUSEHOLD}(?:确实|真的|的确|也|都)*(?:就|只有|只|仅有|仅|就只有){_COUNT}"
          r"(?:套|个|间|辆|处|块|亩|分)(?:房|房子|住房|地|田|车|院子|宅基地)(?:了|的)?"
          r"|(?:我家|我们家|家里|家中|我名下|本人名下|我|本人)?的?(?:地|田|房|房子|车)(?:确实|真的|的确|也|都)*"
          rf"(?:就|只有|只|仅有|仅|就只有){_COUNT}(?:套|亩|间|辆|处|块|分)(?:地|田)?(?:了|的)?"
          # ("我家就我跟老伴两个人": the speaker and the one they live with, counted)
          rf"|{_HOUSEHOLD}(?:确实|真的|的确|也)*(?:就|只有)(?:我|他|她)?(?:(?:跟|和)(?:{'|'.join(_KIN)}))?"
          r"(?:一个人|俩人|俩|两个人|两口子|老两口|[两三四五]口人)(?:住|过|生活)?(?:了|的)?"
          rf"|{_HOUSEHOLD}(?:确实|真的|的确|实在)+(?:很|挺|特别|是)?(?:困难|穷|难)(?:了|的)?"
          # who the household is, told as a plain fact: "老伴前年去世了", "现在一个人住", "儿女都在外地"
          r"|(?:我|俺)?(?:的|家)?(?:老伴|爱人|老头|老头子|老太婆|丈夫|妻子|老公|老婆)(?:[前去]年|早年|几年前|早就|已经)?(?:就)?(?:去世|过世|走)了"
          r"|(?:我|俺)?(?:现在|目前|如今)?(?:就)?(?:一个人|独自|自己一个人|自己|自个儿?)(?:住|过|生活)(?:了|的)?"
          r"|(?:我|俺)?(?:的|家)?(?:儿女|子女|孩子|孩子们|儿子|女儿|闺女)(?:都|也)?(?:在外地|在外面|在外省|在外打工|在外地打工|在城里)(?:打工|上班|工作)?(?:了|呢)?)")
# Polite padding said beside an answer ("谢谢您", "麻烦你们了", "辛苦了", "您好", "谢谢工作人员"): courtesy, which
# neither adds to nor takes from what is answered. Shared by every reader of a yes or no.
# Hurry after the commitment ("快点提交吧我还要去上班", "赶紧的，排队排了半天了"): impatience with the queue, no
# reservation on what was said. A grudging "行了吧" or "烦不烦" is caught before, as is any condition.
_HURRY = (r"(?:麻烦|请)(?:你们|您)?(?:尽快|抓紧|快点)(?:给)?(?:审核|审批|办理|处理|办)(?:一下)?(?:吧)?|"  # "麻烦尽快审核"
          r"(?:快点|赶紧|麻烦快点|请快点)(?:的|儿)?(?:提交|弄|办)?(?:吧|啊)?(?:我(?:还)?(?:要|得)(?:去)?(?:上班|干活|接孩子))?"
          r"|我(?:还)?(?:要|得)(?:去)?(?:上班|干活|接孩子)|排队排了半天了?|我赶时间|赶时间")
# Registered details said to be as they were ("另外营业执照上的地址没有变", "对了，电话号码没变"): a remark after the act;
# its 没 denies a change in the record, never the commitment.
_UNCHANGED = (r"(?:另外|对了|还有)?,?(?:营业执照|执照|户口本|身份证)?(?:上)?的?(?:地址|住址|电话号码|电话|手机号码|手机号|联系方式|户籍)"
              r"(?:都|也)?(?:没有变|没变|没有变化|没变化|没改|没有改|还是原来的)(?:过)?(?:了)?")
_RECORD_KNOWN = (r"(?:我|本人)?(?:也|都|已经|已)*(?:知道|清楚|明白|了解|知晓)(?:了)?(?:不实承诺|虚假承诺)(?:会|将)?(?:被)?(?:记入|纳入|列入|记进)"
                 r"(?:诚信档案|信用档案|信用记录|征信|失信名单|黑名单)")
_DENIED_COERCION = r"(?:没有?人|没有谁|谁也没|谁都没)(?:逼|强迫|逼迫|胁迫)(?:我|本人)|(?:不是|并非|没有|没)被(?:逼|迫|强迫|逼迫)(?:的)?"
# The duty to report a change, promised with the rest ("以后家里情况有变化我会主动报告"), is part of what is promised.
_REPORT_CHANGES = "(?:以后|今后|后面|后续|之后)?(?:家里|家庭|我家|本人|我)?的?(?:情况|收入|人口|经营情况)?(?:有|发生)(?:了)?(?:任何)?变化(?:的话|时)?,?(?:我|本人)?(?:会|将|一定)?(?:主动|及时|马上)(?:向(?:你们|政府|有关部门))?(?:报告|申报|说明|告知|上报)"
# ("以上都是真实的没有隐瞒": the truth vouched, then the denial of anything hidden, run together without a pause; only
# after a statement of truth, so that 承诺 is never followed directly by a 不/没 of its own)
# ("…作出承诺，承诺以上情况真实": the verb said again with what is promised, as a letter restates it)
# What is committed said right after 承诺 with its own 没有 ("我承诺本人在本市没有住房", the very words that stand for the
# proof of owning no home; "本人承诺申请材料没有造假"): only with its own topic before the 没有 (the speaker, the household,
# what was filed), since a bare "我承诺没有…" also reads "have I committed?"; and the letter's formal "不存在隐瞒、虚报的
# 情况", whose 不存在 can negate nothing but the falsehood it names. The place said first ("我承诺在本市没有住房") is such a
# topic too: a 没有 after "在本市" says where there is none, and cannot be read as asking whether the act was made.
_CONTENT_TOPIC = r"(?=我|本人|在本市|在本地|在当地|在本县|在市区|在城里|我家|我们家|家里|家中|家庭|我名下|本人名下|名下|申请|所填|填写|填的|所报|申报|所提交|提交的|所提供|提供的)"
_FALSEHOOD = r"(?:隐瞒|虚报|瞒报|漏报|虚假|弄虚作假|造假|欺骗)"
_NONE_OF_IT = rf"不存在(?:任何)?{_FALSEHOOD}(?:[、,和或及]?{_FALSEHOOD})*(?:的)?(?:情况|情形|行为|问题)"
_TAIL = (rf"(?:,?(?:(?<=,)承诺)?(?:{_CONTENT}|{_PARTS}|{_CONFORMS}|{_MEETS}|{_OBEYS})(?:{_HONEST})?|,(?:{_HONEST}|{_NO_ASSETS}|{_FACTS}|{_REPORT_CHANGES})"
         rf"|(?<=承诺){_CONTENT_TOPIC}(?:{_HONEST}|{_NO_ASSETS})|,?{_NONE_OF_IT}){{0,6}}(?:,?{_LIABILITY}){{0,2}}"
         rf"(?:,(?:{COURTESY}|{CONTACT_DETAIL}|如有不实|若有不实|如有虚假|没问题|确认|确认提交|(?:请)?提交(?:吧)?|下一步|"
         # the checks of the notice accepted: "接受核查", "你们可以随时查"; the letter's closing words "特此承诺"
         r"(?:我|本人)?(?:自愿|愿意|愿)?接受(?:(?:你们|相关部门|有关部门|政府)的?)?(?:核查|核实|调查|检查|监督|抽查|审查|复查)|"
         r"(?:你们|欢迎|同意)?(?:你们)?(?:可以)?(?:随时)?(?:来|去)?(?:核查|核实|查|调查|检查|抽查)|特此承诺|"
         # the liability known: "知道要负法律责任", "已经知道不实承诺的后果"
         r"(?:我|本人)?(?:已经|已|都)?(?:知道|清楚|明白|了解|知晓|晓得)(?:了)?(?:" + _FALSITY + r")?(?:的话)?(?:就)?(?:要|需要|得)?"
         r"(?:承担|负|担)?(?:不实承诺|虚假承诺)?的?(?:法律)?(?:责任|后果)|"
         # the same, with the consequence named first ("那个后果我也知道"); "就这个意思": the words meant as typed
         r"(?:那个|这个)?(?:不实承诺的|虚假承诺的)?(?:法律)?(?:后果|责任)(?:我|本人)(?:也|都)?(?:知道|清楚|明白|晓得)(?:了)?|"
         r"就是?(?:这个|这)意思(?:了)?|"
         # the checks welcomed by phone ("有什么要核查的随时给我打电话")
         r"有(?:什么|啥)(?:要|需要)(?:核查|核实|了解|补充)的(?:随时)?(?:给我打电话|打我电话|找我|联系我)|"
         # the hotline agent's note of how it was taken down ("12345坐席按来电人口述录入"): the caller's own words
         r"(?:12345)?(?:热线)?(?:坐席|话务员|接线员)?(?:按|根据|依)(?:来电人|申请人)(?:本人)?(?:口述|原话)(?:录入|记录|代录)|"
         # the enterprise's identifying code beside it; the checks welcomed ("后续核查随时配合"); a phone kept on; what
         # is unchanged since it was filed ("电话号码没变": its 没 denies a change, not the act); a false commitment's
         # record known ("也知道不实承诺会被记入诚信档案"); coercion denied ("没人逼我": the free will of 五(四) said)
         r"(?:统一社会信用代码|社会信用代码|信用代码)(?:是|为)?[0-9a-z]{18}|"
         r"(?:后续|以后|今后)?的?(?:核查|核实|检查|调查)(?:我们|本公司|我|本人)?(?:会|将)?(?:随时|全力|积极|主动)?配合|"
         r"(?:我的?|本人的?)?(?:手机|电话)(?:会|也)?(?:一直|随时)?(?:保持)?畅通|"
         rf"{_UNCHANGED}|{_RECORD_KNOWN}|{_DENIED_COERCION}|"
         rf"盖章|签字|签名|{_HURRY}|"
         # a reassurance or a request after the act ("我承诺，放心", "我承诺，请受理"): what the speaker wants done with
         # the commitment, nothing on its content; "放心不下" and any other negation still stop it (``_negation_left``)
         rf"(?:请|您|你|恁)?放心(?:吧|好了)?|(?:请|麻烦)(?:你们|您)?(?:给)?(?:受理|审核|审批|办理|批准|处理)(?:一下)?(?:吧)?)){{0,3}}"
         # sentence-final particles of a plain statement: 哟 of a friendly assertion, and "ok" (done) typed after the
         # words; 呗 and 吧 stay out (grudging, suggesting), and so does 的 (with its chat spelling 滴): "我承诺的" is also
         # the assurance of a future act ("我会承诺的" with 会 left unsaid), a promise to commit, not the commitment
         r"(?:了|啊|呀|哦|喔|哈|啦|嘞|哟|ok|okay)?")


@functools.lru_cache(maxsize=16)
def _self_grammar(subjects: str, names: Tuple[str, ...], roles: str, idents: str = "",
                  on_behalf: str = "") -> "re.Pattern[str]":
    name = "|".join(re.escape(n) for n in names if n)
    who = "|".join(x for x in (name, idents) if x)
    # "我是张伟，", "我是法人，", "我是法人王芳，": who the speaker is, before the commitment
    # ("本人系公司法定代表人": the title with the company before it, the name may follow)
    role_name = (rf"|(?:公司的?|企业的?|{re.escape(_APPLICANT_MARK)}的?)(?:{idents})" + (rf"(?:{name})?" if name else "")
                 + (rf"|(?:{idents})(?:{name})" if name else "")) if idents else ""
    as_role = rf"|作为(?:公司的?|企业的?|本公司的?)?(?:{idents}),?" if idents else ""
    # (系: the "is" of a formal letter, "本人系公司法定代表人")
    ident = rf"(?:(?:我是|我叫|本人是|本人系|我系)(?:{who}{role_name}),{as_role})?" if who else ""
    # "我张伟", "我，张伟，", "我张伟本人": the name in apposition to the pronoun.
    after_subject = rf"(?:,?(?:{name}),?(?:本人)?)?" if name else ""
    # "张伟本人承诺", "张伟承诺": the speaker signs with their own name, as a written statement is signed; only the
    # name of the one who may commit (the applicant, or the enterprise's representative) is such a subject. The
    # representative may put their title before it, as an enterprise's letter is worded ("法定代表人王芳承诺"): the
    # title adds nothing a bare "王芳承诺" lacks, and it is taken only with the representative's own name.
    title = rf"(?:(?:公司的?|企业的?|本公司的?|本企业的?)?(?:{idents}))?" if idents else ""
    named_self = rf"|{title}(?:{name})(?:本人)?" if name else ""
    # "本人承诺，签字：张伟": the signature of the one committing.
    # "本人承诺，张伟，2026年12月6日": the signature of the one committing, with the date as a letter has it.
    # ("…，张伟 13800138000": the name signed with the phone or ID number beside it)
    # ("本公司承诺，法定代表人王芳": the representative signs with the title before the name, as above)
    signature = (rf"(?:,(?:签字|签名|落款|承诺人)?,?{title}(?:{name})(?:,?(?:1[3-9][0-9]{{9}}|[0-9]{{17}}[0-9x]))?"
                 rf"(?:,?[0-9]{{4}}年[0-9]{{1,2}}月[0-9]{{1,2}}日)?)?"
                 if name else "")
    # "本人承诺，我是法人": who the speaker is, said after the commitment instead of before it
    if idents:
        signature = rf"(?:,(?:我是|本人是)(?:公司的?|企业的?)?(?:{idents})(?:{name})?)?" + signature
    elif name:
        # "本人承诺，我是张伟": the one committing names themselves after the act, as a letter is signed
        signature = rf"(?:,(?:我是|本人是|我叫)(?:{name})(?:本人)?)?" + signature
    # "看完了，我承诺" / "我已经看完了，本人承诺…": a reading clause before the commitment.
    before = rf"(?:(?:(?:我|本人)?{_ADV}{_READ}|{_READ_TOPIC}),?)?"
    return re.compile(
        rf"^{_LEAD}{before}{ident}(?:{subjects}{named_self}){after_subject},?{roles}{_ADV}"
        rf"(?:{_READ}{_AND}{_ADV})?{_COMMIT}{_TAIL}{signature}$"
        # "我已认真阅读告知书，承诺以上内容属实": the subject of the reading clause carries over.
        rf"|^{_LEAD}{ident}(?:{subjects}){after_subject}{_ADV}{_READ},{_ADV}{_COMMIT}{_TAIL}{signature}$"
        # "我是法人王芳，代表公司承诺…": the 我 of "我是…" is the subject of the commitment made on the company's behalf
        # ("…法定代表人来电，代表公司承诺": the hotline's note of who called, in the third person of a record)
        + (rf"|^{_LEAD}{before}(?:(?:我是|本人是|本人系|我系)(?:{who}{role_name})|(?:{role_name[1:]})来电),{on_behalf}{_ADV}{_COMMIT}{_TAIL}{signature}$"
           if on_behalf and who else "")
    )


_PERSON_SUBJECTS = r"我本人|本人|鄙人|在下|我"  # 鄙人/在下: the humble "I" of a formal letter
_ENTERPRISE_SUBJECTS = (r"我本人|本人|我|本公司|我公司|我们公司|本企业|我企业|我司|本单位|我单位|本店|我店|"
                        r"(?:本公司|我公司|我们公司|公司)这边")  # "公司这边承诺": the company, as the speaker puts it
_ENTERPRISE_SELF_WORDS = r"本公司|我公司|本企业|我企业|我司|本单位|我单位|本店|我店|我们公司"
_PERSON_ROLES = ("申请人", "委托人", "授权人", "他", "她", "其", "本人") + _KIN + tuple("我" + k for k in _KIN if k not in ("老人家", "家人"))
_ENTERPRISE_ROLES = ("申请人", "公司", "该公司", "本公司", "我公司", "企业", "该企业", "本企业", "单位", "该单位",
                     "本单位", "申请单位", "申请企业", "委托人", "授权人", "法定代表人", "老板", "其")
_HONORIFICS = ("老先生", "先生", "女士", "同志", "老人家", "老人", "老师", "大爷", "大娘")

# Who authorised the proxy, and on whose behalf the proxy commits (captured, then checked).
_WHO = r"([\u4e00-\u9fff（）()a-z0-9]{1,60}?)"
# The number of the authorisation document after the commitment ("委托书编号SQ2026-0012"): identifies, adds nothing.
_AUTH_NUMBER = (r"(?:,(?:授权委托书|委托书|授权书)?(?:编号|号码|号)(?:是|为)?,?[a-z0-9]+(?:,[a-z0-9]+)*"
                # "…，授权编号刚才已经填了": the number given already in the form, as the number itself would be
                r"|,(?:授权委托书|委托书|授权书|授权)的?(?:编号|号码)(?:我)?(?:刚才|刚刚|前面|之前|已经|都)*(?:填|填写|录入|输入|上传)(?:过)?了)?"
                # "…，委托书在这": the document at hand, open to inspection
                # "…，委托书第三条写着呢": where the document says so
                r"(?:,(?:授权委托书|委托书|授权书)(?:第[0-9一二三四五六七八九十]{1,3}[条项款])?(?:上|里)?(?:写着呢|写着|写了|有))?"
                r"(?:,(?:授权委托书|委托书|授权书|原件)(?:就)?(?:在这|在这儿|在这里|在我这|在我这儿|在我手上|在手上|带来了|带着呢)(?:呢|了)?)?")
# "…，代为承诺，我是他外甥": who the proxy is to the applicant, said after the commitment; it adds nothing to it.
_PROXY_KIN = "外甥|外甥女|侄子|侄女|女婿|儿媳|朋友|邻居|同事"
_PROXY_RELATION = (r"(?:,(?:我是|本人是)(?:他|她|申请人|委托人)?的?(?:" + "|".join(_KIN)
                   + rf"|{_PROXY_KIN}))?")
# The special authorisation stated as a clause of its own, before the speaker's commitment. It must name the power to
# commit: 特别授权, or the commitment (代为承诺) written into the document as one of the powers it grants; a power of
# attorney that says neither ("我有赵强的委托书", "受赵强全权委托") is no such clause. Where no one is named as giving it
# ("我有特别授权", "特别授权委托书在这儿", "委托书上写了代为承诺"), the applicant must be named in the commitment (代赵强).
_AUTH_DOC = r"(?:授权委托书|委托书|授权书)"
_COMMIT_POWER = r"(?:代为|代其|代他|代她)(?:作出|做出)?(?:告知)?承诺"
_W = _WHO[1:-1]
_AUTH_CLAUSE = (
    # "赵强的授权委托书上写明授权我代为作出告知承诺", "委托书第二条写了特别授权代为作出告知承诺": what the document says
    rf"(?:(?P<whoA>{_W})(?:出具|签署|签|亲笔签)?的)?(?:书面)?(?:特别授权)?{_AUTH_DOC}(?:第[0-9一二三四五六七八九十]{{1,3}}[条项款])?"
    rf"(?:上|里|中)?(?:已经|已)?(?:写明|载明|注明|写着|写了|明确写了|列明|有)(?:了)?(?:特别授权|(?:特别)?授权(?:我|本人))?{_COMMIT_POWER}"
    r"(?:这一项|这项|一项|的权限|的事项)?"
    # "我爸赵强出具了写明代为承诺的委托书"
    rf"|(?P<whoB>{_W})(?:已经|已)?(?:出具|签署|签|给)(?:了)?(?:我|本人)?(?:一份)?(?:写明|载明|注明)(?:了)?(?:特别授权)?{_COMMIT_POWER}"
    rf"的(?:书面)?{_AUTH_DOC}"
    # "我是赵强的特别授权代理人": the role the authorisation makes the speaker
    rf"|(?:我是|本人是|本人系|我系)(?P<whoC>{_W})的?(?:书面)?特别授权(?:的)?(?:委托)?(?:代理人|受托人|代办人)"
    # "我舅舅赵强给我签了特别授权"
    # ("我爸给了特别授权": the one given it, the speaker, left unsaid after 给了)
    rf"|(?P<whoD>{_W})(?:已经|已)?给(?:了(?=(?:我|本人)?(?:一份)?(?:书面的?)?特别授权)|(?:我|本人)(?:签|签了|写了|出具了|开了|签过)?)(?:一份)?(?:书面的?)?特别授权(?:书|委托书)?"
    # "赵强特别授权我代为承诺，现在我代他承诺": the authorisation reported, then the act itself in the next clause
    rf"|(?P<whoE>{_W})(?:已经|已)?(?:书面)?特别授权(?:给)?(?:我|本人){_COMMIT_POWER}"
    # "我手上有赵强亲笔签的特别授权书", "我拿着他的特别授权书"
    rf"|(?:我|本人)?(?:手上|手里)?(?:有|持有|持|拿着|拿到了?)(?P<whoF>{_W})(?:亲笔|亲手|亲自)?"
    r"(?:签的|签署的|签字的|出具的|给的|给我的|写的|的)?(?:书面)?特别授权(?:书|委托书)?"
    # "按特别授权委托书", "依据赵强出具的特别授权委托书"
    rf"|(?:按|按照|根据|依据|依照|凭|凭着)(?:(?P<whoG>{_W})(?:出具|签署|签)?的)?(?:书面)?特别授权(?:委托书|授权书|书)"
    # no one named as giving it: "我有特别授权", "特别授权委托书在这儿"
    r"|(?:我|本人)?(?:确实)?(?:有|持有|拿着)(?:书面)?特别授权(?:书|委托书)?"
    # "经特别授权", "受特别授权": received, with no one named (the applicant then named in 代<applicant>)
    r"|(?:我|本人)?(?:受|经|经过|已获|已获得|获得|取得|得到)(?:书面)?特别授权"
    r"|(?:书面)?特别授权(?:书|委托书)(?:就)?(?:在这|在这儿|在这里|在我这|在我这儿|在我手上|在手上|带来了)(?:呢|了)?"
)
# "…，授权范围包括代为承诺": the scope of the authorisation, named after it
_AUTH_SCOPE = rf"(?:,(?:授权范围|授权事项|权限|里面|其中)(?:包括|含|包含|有)(?:了)?{_COMMIT_POWER})?"
# "…，不实承诺的后果由赵强承担": the liability of the statement, borne by the applicant (五(四), as the statement says it)
# ("不实后果由委托人承担": the consequence of a falsehood, 不实 without 承诺)
_PROXY_LIABILITY = rf"(?:,(?:如有不实,?)?(?:一切|全部)?(?:不实承诺|虚假承诺|不实)?的?(?:法律)?(?:后果|责任)由(?P<whoL>{_W})(?:本人)?(?:承担|负责))?"
_PROXY_GRAMMARS = (
    # 我受赵强特别授权，代为承诺 / 根据赵强的特别授权，我代为承诺 / 我经赵强特别授权代其承诺
    re.compile(
        # "我是代理人刘洋，受赵强特别授权，…": the proxy names their role first; "刘洋受赵强特别授权…": the proxy's own
        # name as the subject, as a letter is signed (checked against the proxy's name)
        rf"^{_LEAD}(?:(?:我|本人|我本人|(?:我是|本人是)?(?:受托人|代理人|代办人))(?P<agent>[\u4e00-\u9fff]{{0,4}}?),?"
        rf"|(?P<named>[\u4e00-\u9fff]{{2,4}}?),?)?{_ADV}"
        # "按委托书上的特别授权": the authorisation named by the document it stands in (tried first, so that the
        # document is never read as the one who authorised); who authorised must then be named in 代<applicant>
        rf"(?:(?:按|按照|根据|依据|依照|凭|凭着)(?P<doc>授权委托书|委托书|授权书)(?:上|里|中)?(?:写)?的?"
        # ("凭赵强给我的特别授权": 凭 is "on the strength of", 给我的 the authorisation he gave)
        rf"|(?:受|经|经过|获得|取得|得到|根据|依据|按照|依照|凭|凭着|基于|已获|已获得|已取得|已得到)(?P<who>{_WHO[1:-1]})"
        r"(?:出具|签署|签发|签|给我|给本人|授予我|给予我)?的?"
        # 我有赵强签的特别授权: holding the document the applicant signed
        # ("我持赵强签的…": 持 is 持有 in writing; "赵强亲笔签的": signed in his own hand, the same signature)
        # ("我有赵强特别授权", "我持赵强特别授权": the applicant's name straight before the noun, as a possessor)
        rf"|(?:有|持有|持|拿着|拿到了?)(?P<who4>{_WHO[1:-1]})(?:亲笔|亲手|亲自)?(?:签的|签署的|签字的|出具的|给的|写的|的)?"
        # ("经特别授权，我代赵强承诺", "我经特别授权代赵强承诺": received, with no one named as giving it; the applicant
        # must then be named in 代<applicant>, since 代为 alone names no one)
        r"|(?:受|经|经过|获得|取得|得到|已获|已获得|已取得|已得到))"
        # ("…特别授权，本人刘洋代为承诺": the proxy's name after 本人, checked likewise)
        # ("受赵强书面特别委托授权": the special authorisation by a power of attorney, 委托 naming its form)
        rf"(?:书面)?特别(?:委托)?授权(?:书|委托书|委托)?,?(?:(?:我|本人)(?P<agent2>[\u4e00-\u9fff]{{0,4}}?))?{_ADV}"
        # ("…特别授权，替他承诺": 替 is 代 in everyday words)
        rf"(?:代为|代其|代表其|代表(?P<who3>{_WHO[1:-1]})|(?:代(?!表)|替)(?P<who2>{_WHO[1:-1]}))"
        rf"{_ADV}{_COMMIT}{_TAIL}{_PROXY_LIABILITY}{_AUTH_NUMBER}{_PROXY_RELATION}$"
    ),
    # 赵强特别授权我，我代为承诺: the commitment is the speaker's own clause, with its own subject
    re.compile(
        # ("赵强特别授权了，我…": the authorisation given, told as done with 了, the one given it left unsaid)
        rf"^{_LEAD}(?P<who>{_WHO[1:-1]})(?:已经|已)?(?:书面)?特别授权(?:(?:给)?(?:我|本人)(?:了)?|了),(?:我|本人){_ADV}"
        rf"(?:代为|代其|代表其|代他|代她)?{_ADV}{_COMMIT}{_TAIL}{_AUTH_NUMBER}$"
    ),
    # 赵强给了我书面的特别授权，我代他承诺: the applicant gave the authorisation (给 is the main verb of the first
    # clause), then the speaker commits in a clause of their own, and says on whose behalf
    re.compile(
        # ("我爸给了特别授权": the one given it, the speaker, left unsaid after 给了)
        rf"^{_LEAD}(?P<who>{_WHO[1:-1]})(?:已经|已)?给(?:了(?:我|本人)?|(?:我|本人))(?:一份)?(?:书面的?)?特别授权(?:书|委托书)?,"
        rf"(?:我|本人){_ADV}(?:代为|代其|代表其|代他|代她|替他|替她){_ADV}{_COMMIT}{_TAIL}{_AUTH_NUMBER}$"
    ),
    # 我代为承诺，已经有赵强的特别授权了 / 刘洋代赵强承诺，有他的特别授权: the commitment first, then the special
    # authorisation the speaker holds, stated as a present fact in a clause of its own (有, 已经有 … 了). Whatever is
    # still to come (马上就有, 会有, 等…) or doubted (应该有) is no such clause; a different authoriser is a mismatch.
    re.compile(
        rf"^{_LEAD}(?:(?:我|本人|我本人)(?P<agent>[\u4e00-\u9fff]{{0,4}}?),?|(?P<named>[\u4e00-\u9fff]{{2,4}}?),?)?{_ADV}"
        rf"(?:代为|代其|代表其|代表(?P<who3>{_WHO[1:-1]})|(?:代(?!表)|替)(?P<who2>{_WHO[1:-1]})){_ADV}{_COMMIT}{_TAIL}"
        rf",(?:(?:(?:我|本人)?(?:已经|已|确实)?(?:有|持有|获得了|获得|取得了|取得|得到了|得到)(?:(?P<who>{_WHO[1:-1]})"
        r"(?:签的|签署的|签字的|出具的|给的|给我的|写的|的)?)?"
        # ("…，他给我签了特别授权委托书": the applicant, subject of a clause of its own, gave the document; done (了))
        rf"|(?P<whoD>{_WHO[1:-1]})(?:已经|已)?给(?:我|本人)(?:签了|签过|写了|出具了|开了))(?:一份)?(?:书面的?)?特别授权(?:书|委托书)?(?:了)?"
        # ("…，赵强特别授权的", "…，他特别授权了": the applicant the subject, the authorisation told as given, done (了) or
        # as a fact (是…的); a bare name before 特别授权 with anything else around it is no such clause)
        rf"|(?P<whoS>{_WHO[1:-1]})(?:已经|已)?(?:书面)?特别授权(?:(?:给)?(?:我|本人)(?:了|的)?|了|的))"
        rf"{_AUTH_NUMBER}{_PROXY_RELATION}$"
    ),
    # 赵强的授权委托书上写明授权我代为作出告知承诺，我代他承诺 / 我是赵强的特别授权代理人，代赵强承诺 / 有特别授权，我代
    # 赵强承诺: the special authorisation stated in a clause of its own, then the speaker's commitment in the next
    re.compile(
        rf"^{_LEAD}(?:{_AUTH_CLAUSE}){_AUTH_SCOPE},{_ADV}(?:(?:我|本人)(?P<agent2>[\u4e00-\u9fff]{{0,4}}?))?{_ADV}"
        rf"(?:代为|代其|代表其|代表(?P<who3>{_WHO[1:-1]})|(?:代(?!表)|替)(?P<who2>{_WHO[1:-1]})){_ADV}{_COMMIT}{_TAIL}"
        rf"{_PROXY_LIABILITY}{_AUTH_NUMBER}{_PROXY_RELATION}$"
    ),
)
# "赵强特别授权我代为承诺": 赵强 is the subject and 特别授权 the main verb; 我代为承诺 is what he authorised (a
# pivot construction). The sentence reports the authorisation; it does not make the commitment.
_PROXY_DESCRIPTION = re.compile(
    rf"^{_LEAD}{_WHO}(?:已经|已)?(?:书面)?特别授权(?:给)?(?:我|本人)(?:代为|代其|代表其|代他|代她|代表他|代表她)?{_ADV}"
    rf"{_COMMIT}{_TAIL}$"
)
_SPECIAL_AUTHORISATION = "特别授权"
_PROXY_MARKER = re.compile(r"授权|委托|代为|代表|代替|代|替")
# The speaker must be the one committing for the applicant: "他代我承诺" is the wrong way round, while
# "替我爸承诺" names the applicant.
_WRONG_DIRECTION = re.compile(r"(?:代|替|帮)我(?!爸|妈|父|母|爷|奶|外|丈|妻|爱|儿|女|家|公司|单位|的|老|爹|娘|岳|公|婆|哥|姐|弟|"
                              r"妹|叔|舅|姑|孙|媳|闺|姥)")
_THIRD_PARTY = re.compile(
    r"^(?:他们|她们|他|她|你们|你|您|我妈|我爸|我家人|家人|我老婆|我老公|别人|我朋友|朋友|同事|我同事|我们)"
    r"(?:帮我|替我|代我|给我|帮忙|代为|代表我|代)?(?:就|也|已经|已|来|去|会)?(?:郑重)?承诺"
    r"|(?:你|您|他|她|你们|别人)(?:帮|替|代|给)我"
)
_NO_AUTHORISATION = re.compile(r"(?:没|未|无)(?:有|经|经过|获得|得到|取得)?(?:特别)?(?:授权|委托)")
_AGREE_AND_COMMIT = re.compile(r"同意.{0,12}承诺|承诺.{0,3}同意")


# --- explanations (plain Chinese for any reader) ------------------------------------------------------


def _explain(detail: str, words: str, applicant_name: Optional[str]) -> str:
    ask = f"请输入“{words}”"
    texts = {
        "implicit": f"您的回复表示同意或已经了解，但还不是承诺本身。按照规定，承诺要由您明确写出来。确认承诺的话，{ask}。",
        "negated": "好的，您选择不作承诺。这完全可以：不承诺也能办，按一般程序提交证明材料就行。",
        "question": f"您好像还有疑问。承诺前请先把问题弄清楚，可以直接问我；想好了要承诺，{ask}。",
        "cancel": "好的，本次办理已取消，您没有作出任何承诺。需要时随时可以再来办理。",
        "conditional": f"承诺不能附带条件、保留或者以后再说。如果对哪一项还有疑问，请先问清楚；确认全部内容都符合后，{ask}。",
        "doubt": f"您好像还没看完，或者有不清楚的地方。承诺前请先把告知内容看清楚，有疑问可以问我；确认无误后，{ask}。",
        "joke": f"承诺是一件严肃的事，会记入办理记录。确认承诺的话，请不带表情或玩笑，{ask}。",
        "emoji": f"承诺会记入办理记录，请只用文字回复。确认承诺的话，{ask}。",
        "coerced": "承诺必须出于您本人的真实意愿。如果不愿意，可以不承诺，按一般程序提交证明材料办理；"
        f"如果确实自愿承诺，{ask}。",
        "english": f"承诺要用中文明确写出来。确认承诺的话，{ask}。",
        "third_party": f"承诺要由您自己作出，不能由别人代说，也不能由我代为承诺。确认承诺的话，{ask}。",
        "agree_and_commit": f"“同意”表示认可告知内容，但承诺要由您自己明确说出来。确认承诺的话，{ask}（不用加“同意”）。",
        "correction": f"您前后说法不一样，为慎重起见请重新明确回复。确认承诺的话，{ask}；不想承诺，可以回复“不承诺”。",
        "willingness": f"您说的是愿意或打算承诺，承诺要由您现在明确作出。确认承诺的话，{ask}。",
        "grudging": f"承诺必须是您真实、自愿的意思。如果还有顾虑，可以先问我，或者不承诺、按一般程序办理；"
        f"确实自愿承诺的话，{ask}。",
        "mixed_question": f"您在说承诺的同时还问了问题。请先把问题弄清楚，可以直接问我；想好了要承诺，{ask}。",
        "description": f"您说的是申请人给了您特别授权；承诺要由您自己作出。{ask}。",
        "typo": f"您输入的字好像有误，为慎重起见请重新输入。确认承诺的话，{ask}。",
        "proxy_form": f"您是代他人办理，承诺时需要用文字说明已获得申请人的特别授权。{ask}。",
        "proxy_words_for_self": "您选择的是本人办理。如果您其实是代他人办理，请告诉我“代他人办理”；"
        "本人办理的，请输入“本人承诺”。",
        "wrong_direction": f"代为承诺要由您（代理人）作出。{ask}。",
        "authoriser_mismatch": f"您说的授权人和申请人{applicant_name or ''}不一致，请核对。{ask}。",
        "no_authorisation": "没有申请人的特别授权，不能代为承诺。您可以请申请人本人办理，或者按一般程序提交证明材料办理。",
        "too_long": f"您发来的内容太长了，无法确认是承诺。确认承诺的话，{ask}。",
        "not_text": f"没能识别您的回复。确认承诺的话，{ask}；不想承诺，可以回复“不承诺”，按一般程序办理。",
        "unclear": f"没能确认您的意思。确认承诺的话，{ask}；不想承诺，可以回复“不承诺”，按一般程序办理。",
    }
    return texts.get(detail, texts["unclear"])


# --- the checks -------------------------------------------------------------------------------------


def _is_question(prepared: str) -> bool:
    if "?" in prepared:
        return True
    text = _run_on_falsity_dropped(_NOT_QUESTIONS.sub("", prepared))
    if _QUESTION_WORDS.search(text) or _SENTENCE_END_PARTICLE.search(text):
        return True
    # 承诺还是不承诺: a choice still open. "我还是不承诺了" (还是 "after all") chooses, and asks nothing.
    if re.search(r"([\u4e00-\u9fff]{1,4})还是(?:不|没|别)(?:要)?\1|还是(?:不|没|别)[\u4e00-\u9fff]{0,6}(?:呢|吗)", text):
        return True
    if _TAG_QUESTION.search(text):
        return True
    if re.search(r"(?<!不)([\u4e00-\u9fff]{2})不\1", text):  # 承诺不承诺: the choice asked of two-character words
        return True
    return any(m.group(1) != "不" for m in _A_NOT_A.finditer(text))


# --- an answer with the question around it ------------------------------------------------------------
# Shared by every step reader: each reads the answer part with its own rules, and takes only a decision from it.

# A question about what happens next, asked after a complete answer ("…，请问几天能批下来？", "…。另外问一下要不要带原件"):
# it asks about the procedure (time, next step, documents, coming in person, notices), not about what was answered,
# so the answer before it stands on its own. A question about the answer itself (算不算, 符合吗, 会罚吗, 能不能改), or
# one carrying a negation, hedge or joke, is no such follow-up: the whole message stays a question.
_FOLLOW_UP_TOPIC = re.compile(
    r"多久|多长时间|几天|几个工作日|多少天|什么时候|啥时候|几时|何时|下一步|接下来|填什么|填啥|原件|复印件|身份证|户口本|营业执照|"
    r"照片|上传|拍照|材料|(?:带|需要|要)(?:什么|啥|哪些)|要带|需要带|现场|窗口|跑一趟|来一趟|拿过去|送过去|(?:本人|他|她)(?:还)?(?:要|需要|得|用)来|"
    r"亲自来|到场|短信|通知|批下来|批复|办好|办下来|办完|审批|审核|拿到|到账|发放|进度")
_FOLLOW_UP_DOUBT = re.compile(
    r"算不算|算吗|符合|超|罚|责任|坐牢|征信|撤回|撤销|反悔|改|对不对|不对|假|核查|查出|不实|虚假|有效|作数|算数|行不行|可以吗|行吗|"
    r"对吗|承诺吗|授权|如果|要是|假如|假设|倘若|只要|除非|前提|万一|的话|但|不过|可是|然而|可能|也许|或许|好像|似乎|貌似|"
    # ("接下来是不是要签字": which step comes next, asked; no doubt about what was said before it)
    r"估计|应该|差不多|随便|再说|考虑|想想|看情况|开玩笑|玩笑|假装|骗|勉强|暂时|是不是(?!要签|要填|要上传|该签|该填)|还是|"
    # "然后要交什么材料": proofs still expected, which the commitment replaces; what was read is in doubt
    r"交[^,]{0,4}(?:材料|证明)|证明")
_A_NOT_A_ASKED = re.compile(r"([\u4e00-\u9fff])[不没]\1|需不需|用不用|是否")
_BOUNDARY = re.compile(r"(?<=[,.;!?…~\s。、])(?=[^,.;!?…~\s。、])")


# The words that announce a question ("另外想问下", "顺便问一句", "对了"), a clause of their own before it.
_ASKING_LEAD = re.compile(r"(?:另外|顺便|还有|还想|对了|那|我)*(?:请问|问一下|问下|想问一下|想问下|想问|想问问|问问|问一句|"
                          r"咨询一下|咨询下|打听一下)?(?:一下|一句)?")


def answers_before_follow_up(prepared: str) -> List[str]:
    """The answers that may have been typed before a question about the procedure, the shortest first (where the
    question begins is read by the step's own reader: the first of them it decides is the answer)."""
    heads = []
    for boundary in _BOUNDARY.finditer(prepared):
        head, tail = prepared[: boundary.start()], prepared[boundary.start():]
        if "?" in head or _is_question(head) or not _compact(head):
            break
        lead = re.sub(r"^(?:另外|顺便|还有|还想|对了|那)*(?:请问|问一下|问下|想问一下|想问)?(?:一下)?[,\s]*", "", tail)
        after = tail.rsplit("?", 1)[1] if "?" in tail else ""
        # Only questions may follow the answer taken: a statement between them ("本人承诺，材料是中介造的，会出事吗？")
        # belongs to the answer, which is then read whole.
        told = [c for c in re.split(r"[,.;!?…~\s。、]+", tail)
                if _compact(c) and not _is_question(c) and not _ASKING_LEAD.fullmatch(c)
                and not re.search(r"几|多久|多长|多少|什么|啥|哪|何时|怎么|吗|呢|么", c)]
        if told:
            continue
        if (_is_question(tail) or lead != tail) and _FOLLOW_UP_TOPIC.search(tail) and not _compact(after) \
                and not _FOLLOW_UP_DOUBT.search(tail) and not _screened(_compact(tail), _TONE_SCREENS + _DOUBT_SCREENS) \
                and not _NOT_MEANT.search(tail) and not _has_doubtful_emoji(tail) \
                and not _negation_left(_A_NOT_A_ASKED.sub("", tail)):
            heads.append(head)
    return heads


# The question quoted back before the answer: "您问是否写明…——是的", "您说读完后回复已阅读，那我回复：已阅读", "承诺用语：本人
# 承诺…", "请输入承诺用语——本人承诺", and "回复：…" before the words the question asked for. ``options`` adds the
# question's choices asked back ("本人办理还是代他人办理？本人办理", "是否明确写明？写明了").
_ECHO_OF_PROMPT = re.compile(
    r"^(?:(?:您|你)(?:是)?问(?:的是)?(?:我)?[^?]*?(?:[?:—]+|,)"
    r"|(?:您|你)(?:是)?说(?:的是)?[^?]*?回复[^?]*?(?:[?:—]+|,(?=(?:那)?(?:我)?(?:就)?(?:回复|回答|答复)))"
    r"|(?:请)?(?:输入)?承诺用语(?:是|为)?[:—]+"
    r"|(?:读完后?|看完后?)?回复[^?:—,]{1,12}?—+)"
)
# A quote of the question asks something or names the words to reply ("您问我什么我都承诺" quotes nothing).
_ECHO_MARK = re.compile(r"是否|吗|还是|是不是|有没有|回复|输入|承诺用语|([\u4e00-\u9fff])[不没]\1")
_ECHO_OF_OPTIONS = re.compile(r"^[^?,]{0,30}?(?:是否|还是|愿不愿意|要不要)[^?,]{0,30}\?")
_REPLY_LEAD = re.compile(r"^[,\s]*(?:那)?(?:我)?(?:就)?(?:回复|回答|答复)(?:您|你)?[:：]?[,\s]*(?=\S)")


def answer_after_echo(prepared: str, options: bool = False) -> Optional[str]:
    """The answer after the question quoted back (or after "回复："), or None when there is none."""
    echo = _ECHO_OF_PROMPT.match(prepared) or (_ECHO_OF_OPTIONS.match(prepared) if options else None)
    quoted = prepared[:echo.end()] if echo else ""
    # the quote carries no words of the speaker's own: a negation, hedge, doubt or joke in it is no quote
    if (quoted and not _ECHO_MARK.search(quoted)) or _negation_left(_A_NOT_A_ASKED.sub("", quoted)) \
            or _screened(_compact(quoted), _TONE_SCREENS + _DOUBT_SCREENS) or _NOT_MEANT.search(quoted) \
            or any(word in quoted for word in _CONDITIONAL):
        return None
    rest = prepared[echo.end():] if echo else prepared
    lead = _REPLY_LEAD.match(rest)
    rest = rest[lead.end():] if lead else rest
    rest = rest.lstrip(",，:：—- ")
    return rest if rest != prepared and _compact(rest) else None


def answers_inside(text: str, options: bool = True) -> List[str]:
    """Where the answer may stand in a message that quotes the question or asks about the procedure: the
    candidates, in the order a step reader tries them (it takes the first it decides, and nothing else).
    ``options``: see :func:`answer_after_echo`."""
    prepared = _prepare(text)
    echoed = answer_after_echo(prepared, options=options)
    return ([echoed] if echoed else []) + answers_before_follow_up(prepared)


# "我放弃承诺", "取消承诺": what is given up is the commitment (a refusal), not the whole journey.
_GIVE_UP_COMMITMENT = re.compile(r"(?:放弃|取消|退出)(?:作出|做出)?(?:这个|本次|这次)?(?:告知)?承诺(?!书|制)")


# Screens that leave a commitment unclear, in the order they are tried, each with the cause it reports: first the
# tone (forced, grudging, undecided), later doubt, a joke, a missing authorisation and a typo in the legal word.
_TONE_SCREENS = ((_COERCED, "coerced"), (_GRUDGING, "grudging"), (_INDECISION, "conditional"))
_DOUBT_SCREENS = ((_DOUBT, "doubt"), (_JOKE, "joke"), (_NO_AUTHORISATION, "no_authorisation"),
                  (re.compile("|".join(map(re.escape, _TYPOS))), "typo"))


def _screened(compact: str, screens: Tuple[Tuple["re.Pattern[str]", str], ...]) -> Optional[str]:
    """The cause of the first screen the text trips, or None."""
    return next((detail for pattern, detail in screens if pattern.search(compact)), None)


# "算了不抱怨了", "算了，不说这个了": the remark before it dropped, not the errand
_REMARK_DROPPED = re.compile(r"算了,?(?:不|不再)(?:说|讲|提|抱怨|计较|唠叨)(?:这个|这些|了)*")


def _is_cancel(compact: str) -> bool:
    compact = _REMARK_DROPPED.sub("", compact)
    return any(word in compact for word in _CANCEL)


def _is_negated(compact: str) -> bool:
    return compact in _NEGATION_ALONE or bool(_NEGATED.search(compact))


def _is_conditional(compact: str) -> bool:
    """A condition, hedge or deferral anywhere, except the liability clause's own condition on falsity."""
    compact = re.sub(_REPORT_CHANGES, "", _HONEST_CLAUSE.sub("", _LIABILITY_CONDITION.sub("", compact)))
    return any(word in compact for word in _CONDITIONAL) or bool(_CONSEQUENT.search(compact))


def _has_verb_commitment(compact: str) -> bool:
    """承诺 somewhere that is not part of a noun (承诺书, 不实承诺, 我的承诺 …)."""
    return "承诺" in _NOUN_COMMITMENT.sub("", compact)


def _is_implicit(prepared: str, compact: str) -> bool:
    if not compact:
        return any(e in prepared for e in _AGREEING_EMOJI)
    if _segments(compact, _IMPLICIT_WORDS | _FILLERS) and not _segments(compact, _FILLERS):
        return True
    if _has_verb_commitment(compact):
        return False
    return len(compact) <= 30 and bool(_AGREEMENT.search(compact))


@dataclass(frozen=True)
class _Who:
    """Who may commit, as the grammars need it."""

    acting_as: str
    applicant_kind: str
    applicant: str  # name key of the applicant
    representative: str  # name key of the legal representative (enterprise acting for itself)
    agent: str  # name key of the proxy


def _authoriser_ok(who: Optional[str], people: _Who) -> Optional[bool]:
    """True: the applicant (by name or by a word that can only mean them); False: someone else; None: absent."""
    if not who:
        return None
    roles = _ENTERPRISE_ROLES if people.applicant_kind == "enterprise" else _PERSON_ROLES
    rest = who
    if people.applicant and people.applicant in rest:
        before, _, after = rest.partition(people.applicant)
        # Around the name only words saying who they are ("我父亲赵强", "申请人赵强", "赵强先生");
        # anything else ("受不赵强特别授权") is not a plain reading of the authorisation.
        before = before.removesuffix("的")
        return (before == "" or before in roles) and (after == "" or after in _HONORIFICS)
    return rest in roles


# A reason told before the commitment, plain: no negation, condition, doubt, question or joke inside it.
_REASON_BEFORE = re.compile(
    r"^(?:因为|由于|为了|考虑到)(?![^,]*(?:不|没|未|别|无|非|如果|要是|假如|万一|除非|的话|吗|呢|吧|哈|呵|嘿|嘻|骗|逗|可能|也许|大概|应该|好像|说|让|叫|逼|要求|听))"
    r"[\u4e00-\u9fff]{1,20}$"
)
# ("本人知晓不实承诺的法律后果，本人承诺": the liability known, said before the act as after it)
_LIABILITY_KNOWN = (r"(?:我|本人)?(?:已经|已|都)?(?:知道|清楚|明白|了解|知晓|知悉)(?:了)?(?:不实承诺|虚假承诺)的?(?:法律)?(?:责任|后果)")
_STATEMENT_BEFORE = re.compile(rf"^(?:{_CONTENT}|{_PARTS}|{_CONFORMS}|{_MEETS}|{_OBEYS}|{_HONEST}|{_NO_ASSETS}|{_FACTS}|{_LIABILITY}|{_LIABILITY_KNOWN})$")
_HONEST_CLAUSE = re.compile(_HONEST)  # "没骗人": its 骗 is no joke and no condition
_ALLOWED_NEGATIONS = re.compile(rf"{_NONE_OF_IT}|{_UNCHANGED}|{_DENIED_COERCION}|不实承诺|如有不实|若有不实|如不属实|如有不符|不实|特别|无误|没问题|没毛病|没错|{_HONEST}|{_NO_ASSETS}")
_STRAY_NEGATION = re.compile(r"[不没未别非无勿莫否]")


def _negation_left(compact: str) -> bool:
    """A negation outside the fixed phrases of a commitment letter ("如有不实"): never part of a yes."""
    return bool(_STRAY_NEGATION.search(_ALLOWED_NEGATIONS.sub("", compact)))


# --- what may come before the commitment ----------------------------------------------------------------

_CLAUSE_SPLIT = re.compile(r"[^,.;!?:，。；！？：…~\s]+[?？]?")


def _states_commitment_beside_question(prepared: str, people: "_Who") -> bool:
    """A question next to a clause that says something about committing without committing ("我愿意承诺，您看
    行吗", "我承诺了吗？我没承诺啊"): neither a plain question nor an answer, so it is asked again. Beside a
    plain commitment ("我承诺，…能不能再改") the question is what the user needs answered first: a question."""
    clauses = [c for c in _CLAUSE_SPLIT.findall(_NOT_QUESTIONS.sub(" ", prepared)) if _compact(c)]
    if len(clauses) < 2:
        return False
    statements = [_flat(c) for c in clauses if not c.endswith("?") and not _is_question(c)]
    if len(statements) == len(clauses):
        return False
    if any(_has_verb_commitment(c.replace(",", "")) and not _classify_words(c, c, people, None).is_explicit
           for c in statements):
        return True
    # "我承诺，就是不知道…算不算收入", "本人承诺，等等，我存折上好像还有…这个算不算": beside a commitment, a
    # question opened by a reservation (就是/只是/不过/要是 …) or next to a pause or hedge is a reservation on the
    # commitment itself, not a question asked before making it.
    if any(_has_verb_commitment(_flat(c).replace(",", "")) for c in clauses):
        rest = [_flat(c) for c in clauses if not _has_verb_commitment(_flat(c).replace(",", ""))]
        return any(_RESERVATION_OPENING.match(c) or _WAIT_CLAUSE.match(c) or _is_conditional(c) for c in rest)
    return False


# What opens a reservation on what was just said: "…, only …", "…, but …", "…, if …".
_RESERVATION_OPENING = re.compile(r"^(?:就是|只是|只不过|不过|但是|但|可是|要是|如果|假如|万一|其实)")
# "你让我承诺我就承诺", "查清楚了我就承诺": 就 before 承诺 makes it the consequent of what precedes it, a
# commitment on a condition. Only the speaker's own plain "我就承诺" (nothing before it) is not.
_CONSEQUENT = re.compile(r"(?<!^)(?<!^我)(?<!^本人)就(?:作出|做出)?承诺")


_ACK_CLAUSE = re.compile(r"^(?:好的|好|嗯嗯|嗯|恩|呃|额|那个|嗯那个|中|行|对|对的|是的|ok|没问题|可以|好了|收到|明白了|知道了)$")
# A slip taken back: "哦不", "不对", "打错了", "刚才打错了", "多打了个不字", "更正".
_CORRECTION_CLAUSE = re.compile(
    r"^(?:(?:哦|噢|喔|啊|呃|额)?(?:不对(?:了)?|不是|不)(?:不对|对不起)*|哦|噢|喔|呃|额"
    r"|(?:我|刚才|刚刚|上面|前面|上一条|上条|那条)*(?:打错|说错|讲错|搞错|弄错|选错|写错|输错|敲错|点错|发错|按错)(?:了|字了)?"
    r"|(?:我|刚才|刚刚)*多(?:打|写|输|敲)了?(?:一)?个?[\u4e00-\u9fff]字?"
    r"|(?:刚才|刚刚|上面|前面)?(?:那个|那条|那句|这个)?不算(?:数)?|(?:刚才|刚刚)?(?:手滑|手误)了?"
    r"|更正(?:一下)?|纠正(?:一下)?|口误)+$"
)
# A clause that says the answer before it was wrong, not merely "no": 不对, 哦不 / 啊不 (哦不是), or a slip named as
# one (打错了, 更正一下). A bare 不 or 不是 may be the answer itself ("不，本人承诺") and is not one of them.
NAMED_WRONG = re.compile(
    r"^(?:(?:哦|噢|喔|啊|呃|额)?(?:不对)+(?:了|啊|呀)?|(?:哦|噢|喔|啊|呃|额)不(?:是|对)?(?:不对)*)$"
)
# "等一下", "等等，我再核对一下…": a pause; what is said before the check is done is superseded by its result.
_WAIT_CLAUSE = re.compile(r"^(?:你)?(?:等一下|等等|稍等|等会儿|等会|等下|等我一下|(?:我)?先(?=看|查|核|确认|翻))(?:我)?(?:再)?(?:确认|核对|核实|看看|看|查查|查|对|翻翻|翻)?"
                          r"(?:一下|下)?[\u4e00-\u9fff]{0,12}$")
_DONE_CLAUSE = re.compile(r"^(?:我|本人)?(?:现在|都|已经|已|也)*(?:核对|核实|确认|检查|查|看|对|翻|读)(?:好|完|过)了$")
# Choosing the commitment over the ordinary procedure ("我不是要交证明，我承诺").
_NOT_PROOFS_CLAUSE = re.compile(r"^(?:我|本人)?(?:不是|并不是|并非|不)(?:要|想|打算)?(?:交|提交|补交|开|提供)"
                                r"(?:证明材料|证明|材料)了?$")
# All the proxy holds, said to be an oral or ordinary authorisation ("只有口头授权", "我手上只有他的普通委托书"); and the
# proxy's bare act beside it ("我代他承诺").
_ONLY_ORDINARY = (r"^(?:我|本人)?(?:手上|手里)?(?:只有|只是|就只有|仅有|只拿到|只得到)(?:了)?(?:他|她|申请人|委托人{applicant}|"
                  + "|".join(_KIN) + r")?(?:的)?(?:口头|普通|一般)(?:的)?(?:授权|委托)(?:书)?$")
_BARE_PROXY_ACT = r"^(?:我|本人)?(?:就)?(?:代为|代其|代他|代她|替他|替她|(?:代|替)(?:申请人|委托人{applicant}))承诺$"
# The special authorisation denied in a clause of its own ("没有特别授权", "他没给我特别授权", "我手上没有他的特别授权"), and
# beside it only the proxy's act, offered anyway ("不过我可以代他承诺", "但我代他承诺"): without the authorisation the act
# cannot be made for the applicant, whatever is offered, so the answer is no commitment (the ordinary procedure), as with
# an oral authorisation. The denial must be plain: "不是没有特别授权" denies the denial, and is not this clause.
_NO_SPECIAL = (r"^(?:我|本人)?(?:手上|手里)?(?:没有|没|没拿到|没得到|未获得|未取得|并没有)(?:(?:他|她|申请人|委托人{applicant}|"
               + "|".join(_KIN) + r")的?)?(?:书面的?)?特别授权(?:书|委托书)?$"
               r"|^(?:他|她|申请人|委托人{applicant}|(?:我)?(?:" + "|".join(_KIN) + r"))(?:{applicant})?(?:没有|没|并没有|未)(?:给我|给本人|给)"
               r"(?:签|签过|出具|出具过|开|写)?(?:过)?(?:书面的?)?特别授权(?:书|委托书)?$")
_OFFERED_PROXY_ACT = (r"^(?:不过|但是|但|可是)?(?:我|本人)?(?:还是|也)?(?:可以|能)?(?:代为|代其|代他|代她|替他|替她|"
                      r"(?:代|替)(?:申请人|委托人{applicant}))承诺$")
_ORDINARY_AUTHORISATION_SAID = re.compile(r"^((?:我|本人)?受[\u4e00-\u9fff]{1,20}?)的?(?:委托|授权)$")
_SPECIAL_NAMED = re.compile(r"^(?:准确(?:地)?说|确切(?:地)?说|应该说|准确讲|严格(?:地)?说)?(?:是|应该是)?(?:书面的?)?特别授权$")
_HAVE_SPECIAL = r"^(?:我|本人)?(?:确实|是)?有(?:{who}的?)?(?:书面)?特别授权$"
_REPRESENTATIVE_CLAUSE = r"^作为(?:公司|本公司|我公司|企业|本企业|该公司|该企业{applicant})?的?(?:法人|法定代表人|法人代表)$"
# "我不是不承诺，刚才手滑了": the double negation typed by mistake, named as a slip like a refusal would be.
_SLIPPED_DOUBLE_NEGATION = re.compile(r"^(?:我|本人)?(?:不是|并不是)不(?:想|要|愿意)?承诺(?:了)?$")
# "我不是不承诺", "没有不承诺", "公司不是不承诺": a refusal denied. Alone it commits to nothing (it is asked again);
# as a lead it is taken away and the clauses after it must make the commitment themselves. ("没有不承诺的意思": the
# same denial of an intent to refuse; the intent to commit is not read from it either, only the act after it)
# ("我不是不愿意，我承诺": the willingness denied to be lacking, 承诺 left unsaid after the modal verb)
_DENIED_REFUSAL = re.compile(
    r"^(?:我|本人|我本人|我们|本公司|我公司|我们公司|我司|公司|本企业)?(?:又|也|可|真)?(?:不是|并不是|并非|没有|没)不(?:"
    r"(?:想|要|愿意|愿)?(?:代为|代他|代她|代其|替他|替她|作出|做出)?承诺|(?:想|愿意|乐意))(?:了|的|啊|呀|的意思|这个意思|的想法|的打算)?$"
    # the same denial said of what was said ("没说不承诺", "我可没说过不承诺"): the refusal that was never made denied, as
    # 我不是不承诺 denies it, in a plain statement; alone it is asked again, and only the act after it commits (it denies
    # a refusal of 承诺 only, never of 同意 or anything else). The rhetorical question "谁说我不承诺(了)" is not read so:
    # it asks rather than states, and stays unclear with whatever follows it.
    r"|^(?:我|本人)?(?:又|也|可|从来|从|根本|压根)?(?:没|没有)(?:说|讲)(?:过)?(?:我|本人)?(?:要)?不(?:想|要|愿意)?承诺(?:了|啊|呀)?$")
# What held the speaker up, said after a refusal denied ("我不是不承诺，刚才是手机卡了，本人承诺", "…，刚才在看第六条，…",
# "…，就是找了半天输入框，…", "…，刚才在找公章，…"): the delay explained, no doubt about what is committed.
_DELAY_EXPLAINED = re.compile(r"^(?:刚才|刚刚|就是|只是)(?:是)?(?:我)?(?:(?:手机|网络|网|系统|页面)(?:卡了|断了|有点卡|太卡|卡了一下)|"
                              r"在(?:看|找|翻|查)[\u4e00-\u9fff]{1,8}|找了半天[\u4e00-\u9fff]{1,6})$")
# The speaker's own commitment as a clause of its own, subject first or none ("我承诺", "本人郑重承诺以上内容真实",
# "我代他承诺"); someone else's ("他承诺了") and the letter as a noun ("承诺书我不签") are not it.
_OWN_COMMITMENT_CLAUSE = re.compile(
    r"^(?:我|本人|我本人|我们|本公司|我公司|我们公司|我司|公司|本企业)?(?:就|也|还是|确实|真的|真心|郑重|在此|现在)*"
    r"(?:代为|代他|代她|代其|替他|替她|作出|做出)?承诺(?!书|制)")
_SLIP = re.compile(r"打错|说错|讲错|搞错|弄错|选错|写错|输错|敲错|点错|发错|按错|多(?:打|写|输|敲)|更正|纠正|口误|手滑|手误")
_HEDGE_IN_CHECK = re.compile(r"[不没未别非无]")
# The answer begun again ("那我重说", "我重新说一遍"), and a proxy's own note of what the short form lacked ("哦还要说授权",
# "忘了说特别授权"): no word of doubt or refusal, only that what follows replaces what came before.
_RESTART_CLAUSE = re.compile(r"^(?:哦|噢|喔|啊|呃|额)?(?:那|那么)?(?:我)?(?:重说|重新说|重讲|重新讲|重来|重新来|重新打|重打|再说一遍|再说一次)"
                             r"(?:一遍|一次|一下)?(?:吧)?$")
_FORGOT_AUTHORISATION_CLAUSE = re.compile(r"^(?:哦|噢|喔|啊|呃|额|对了)?(?:还要|还得|还需要|忘了|漏了|少了)(?:说|讲|写|加|带)?(?:上)?"
                                          r"(?:特别)?授权(?:了)?$")
_THINKING_IT_OVER = re.compile(r"想想|想一想|考虑|琢磨|再看看|商量|问问|拿不准|没想好")
_REPEATED_HEAD = re.compile(r"((?:我|本人|我本人)承诺)(?:,?\1)+")  # "本人承诺 本人承诺", "我承诺我承诺以上…"
# The company's own words said twice ("本公司承诺本公司承诺"), as voice input repeats them: said once. Kept apart from
# ``_REPEATED_HEAD`` (which runs for every speaker) so that it is applied to an enterprise only; for a citizen the
# words stay as typed and 本公司 is refused as it always is.
_REPEATED_COMPANY_HEAD = re.compile(r"((?:本公司|我公司|我们公司|本企业|我司)承诺)(?:,?\1)+")
# A plain refusal as a clause of its own ("不承诺了", "但我不代他承诺", "我们不走承诺了"); what the other clauses
# say (回头交证明, 让他自己来) is the ordinary procedure, not a condition on a commitment that was never made.
_REFUSAL_CLAUSE = re.compile(
    # ("但是这个我不承诺": the commitment named as the topic first)
    r"^(?:但是|但|不过|可是|那|那么|所以|还是)?(?:这个|这)?(?:我|本人|我们|本公司|公司|我公司|我们公司)?"
    r"(?:就|还是|也|真|坚决|暂时|暂且|暂|决定)?(?:不|没|不想|不愿意|不愿|不能|不可以|不敢|没法|没有法|没得法|没办法|无法|不会|不再|拒绝|不要|不打算)(?:再|去)?"
    r"(?:走|作|做|作出|做出|代为|代他|代她|代其|替他|替她|代表他|代表她)?承诺(?:了)?(?:吧|啊|呀|的)?$"
)


# Who the speaker is and where they are, told before the answer ("我七十三了，眼神不好", "我在工地上，手机不太会用"):
# a circumstance, not a reservation. Its 不 is about eyes or phones, never about the commitment; anything else with
# a negation is not such a clause, and the clauses after it are judged as a message of their own.
_CIRCUMSTANCE_PART = (
    r"(?:(?:我|本人)?(?:今年|都|已经)?(?:[0-9]{2,3}|[五六七八九]十(?:[一二三四五六七八九]|多)?)(?:岁|多岁)?(?:了|啦)?(?:的人了)?"
    r"|(?:我|本人)?(?:年纪大了|岁数大了|上了年纪|老了|(?:的)?(?:眼睛|眼神|眼|耳朵|腿脚|身体)(?:也|又)?(?:不好|不太好|不大好|不行了?|花了?|背了?|"
    r"不方便)"
    # "手抖": the hand that types shakes (as the eyes that read are weak)
    r"|手(?:也|又|有点|老)?(?:抖|发抖|哆嗦|不利索|不灵活))"
    # "跑不了窗口": cannot come to the office in person, which is why the answer is typed; only with the place named,
    # since a bare "跑不了" is also "cannot get away", said of a commitment forced on one
    r"|(?:我|本人)?(?:实在)?(?:跑不了|去不了|来不了|跑不动|到不了)(?:窗口|大厅|政务大厅|办事大厅|政务中心|服务中心|便民中心|现场)"
    r"|(?:我|本人)?(?:手机|智能手机|这手机|这个)?(?:不太会用|不会用|用不惯|用不来|玩不转|不太会弄|不会弄|不会打字|打字慢)(?:手机)?"
    # "字写得慢", "写字慢", "字打得慢": the hand that writes is slow, as the one that types is; how long the answer takes,
    # never what it says (nothing but an adverb of degree may stand in it, so no 可能/不 rides along)
    r"|(?:我|本人)?(?:(?:字)?(?:写|打)得|写字|打字)(?:很|太|比较|有点|有些|特别|也|又)?慢(?:了|啦)?"
    r"|(?:我|本人)?(?:现在|正|正在)?在(?:工地|地里|外地|上班|单位|医院|路上|车上|厂里|店里|家里|田里)(?:上|里)?(?:干活|上班|忙着|忙)?(?:呢)?)"
)
# One clause may tell two of them run together ("我七十多了眼睛不好").
_CIRCUMSTANCE = re.compile(rf"^{_CIRCUMSTANCE_PART}{{1,2}}$")
# The hotline agent's heading before what the caller said ("【热线代录】", "话务员代录：", "12345代录"): who typed it down,
# not what was said; the caller's words after it are judged as a message of their own.
_RECORDED_LEAD = re.compile(r"^(?:12345|热线|12345热线)?(?:热线|坐席|话务员|接线员)?(?:代录|代为录入|代为记录)$")
# A proxy's applicant who cannot come ("老爷子住院来不了", "我姨夫赵强瘫痪在床"): why someone else commits for them, said
# of the applicant (他, a relative, their name) and of nothing else; it grants nothing, so the commitment after it must
# still carry the special authorisation in words.
_APPLICANT_AWAY = (r"^(?:他|她|申请人|委托人|{applicant}|(?:我)?(?:" + "|".join(_KIN) + r"))(?:{applicant})?(?:他|她)?(?:现在|目前|正)?(?:在)?"
                   r"(?:住院|瘫痪在床|卧床不起|卧病在床|卧床|在外地|行动不便|腿脚不便|生病|病了)(?:了|呢)?"
                   r"(?:来不了|过不来|去不了|没法来|不能来|不方便来|到不了现场)?$")
# A complaint about the process told before the answer ("你们这个系统真难用", "排队排了两个小时", "跑了三趟了",
# "算了不抱怨了"): about the office, not about the answer; it has no negation and no word of the answer in it.
COMPLAINT = re.compile(
    # (a bare "麻烦" is "a bother", said of the answer as much as of the office: what is complained of is named)
    r"^(?!(?:多|长|麻烦|难用|难弄|慢|复杂|啰嗦|繁琐|费劲)(?:了|啊|呀|哦|啦)*$)"
    r"(?:你们|咱们)?(?:这个|这|那个|线上|网上|手机上)*(?:东西|系统|流程|手续|程序|内容|字|告知书|页面|网站|小程序){0,2}"
    r"(?:也|又|还|真|太|好|可|挺|忒|贼|老)*(?:要看|得看|要填|得填)?(?:这么|那么)?(?:多|长|麻烦|难用|难弄|慢|复杂|啰嗦|繁琐|费劲)(?:了|啊|呀|哦|啦)*$"
    r"|^(?:我)?(?:早上|上午|下午|今天|昨天)?(?:排队)?排了(?:[一二两三四五六七八九十几半]+个?)?(?:小时|钟头|天|半天)(?:的队)?(?:了)?$"
    r"|^(?:我|我们)?(?:已经|都)?(?:跑|来)了(?:[一二两三四五六七八九十几]+)(?:趟|次|回)(?:了)?$"
    r"|^(?:我)?(?:点|弄|搞|折腾|研究)了(?:老)?半天(?:了)?$"
    r"|^算了,?(?:不|不再)(?:说|讲|提|抱怨|计较|唠叨)(?:这个|这些|了)*$")
# The notice read aloud to the speaker ("让孙子念给我听了", "我不识字让工友给念了一遍"): how someone who cannot read
# the print knows it. The reading must be finished (了, 完, 一遍).
# The 不太 of the speaker's eyes or skill ("眼睛不太好", "手机不太会用"), which is no doubt about what is committed.
_WEAK_SPEAKER = re.compile(r"(?:眼睛|眼神|眼|耳朵|腿脚|身体)(?:也|又)?不太(?:好|行|灵|方便)|(?:手机)?不太会(?:用|弄|打字)")
# The form filled in by the speaker's own hand, told after the act ("这些都是我一个字一个字自己填的"): who filled it, the
# speaker, which is what the commitment vouches for; someone else named as the one who filled it ("我儿子填的") is no
# such clause and leaves the message unclear (``_DOUBT`` reads 别人替我填).
_FILLED_BY_SELF_CLAUSE = re.compile(r"^(?:这些|这|以上|上面的?|表|表格|材料)?(?:都|全|全都|也都)?(?:是)?(?:我|本人)"
                                    r"(?:一个字一个字|一笔一笔|一个一个)?(?:地)?(?:自己|亲自|亲手|本人)(?:一个字一个字|一笔一笔)?(?:地)?"
                                    r"(?:填|写|填写|打|填报)(?:的|了)$")
_READ_ALOUD_CLAUSE = re.compile(
    r"^(?:我|本人)?(?:不识字|不认字|眼睛不好|眼神不好)?(?:让|叫|请)?[\u4e00-\u9fff]{0,4}?(?:给我|帮我|给)?(?:念|读)(?:给我听)?"
    # ("闺女给我念的": read out to the speaker, told as a past fact with the 的 of 是…的)
    r"(?:了|完了|过了|的)(?:一遍|两遍)?(?:了)?$"
)

# What an older person says by voice before answering, one clause at a time, each a plain statement about
# themselves: a filler first ("那个啊", "哎呀", "唉"); their age and health (``_CIRCUMSTANCE_PART``); that the print
# is small ("这手机字太小了"); that they read it a long time ("看了半天", "戴着老花镜看了半天才看完"); that they
# speak because they cannot type ("用说的"); that nothing is wrong ("没啥问题"). None names the commitment, a
# condition, a doubt or another person, and each must be the whole clause: "字太小看不清" or "看了半天没看懂" is
# doubt about what was read, and the clause that says it stops the lead, so the message is asked again.
_SPOKEN_FILLER = r"(?:那个|嗯|啊|呃|额|唉|哎|哎呀|哎哟|嗨|哦)*"
_SPOKEN_PREAMBLE = (
    rf"^{_SPOKEN_FILLER}(?:{_CIRCUMSTANCE_PART}){{1,2}}$"
    # the small print of the phone or the letter
    rf"|^{_SPOKEN_FILLER}(?:这|这个|你们这|你们这个)?(?:手机|手机上|屏幕|页面|告知书|承诺书|上面)?(?:的)?(?:字|屏幕)"
    r"(?:也|又|还|真|太|好|可|挺|忒|贼|老|有点|实在)*(?:小|密)(?:了|啊|呀|啦|哦)*$"
    # a long reading, finished when anything is said of its end
    rf"|^{_SPOKEN_FILLER}(?:我|本人)?(?:戴着老花镜|戴上老花镜|拿着放大镜)?(?:看|读|瞅)了(?:老|好)?半天(?:了)?(?:才|总算|终于|可算)?"
    r"(?:看完|读完)?(?:了)?$"
    # speaking instead of typing ("用说的", "我用语音说的")
    rf"|^{_SPOKEN_FILLER}(?:我|本人)?(?:就|只能|只好)?用(?:语音|嘴)?(?:说|讲)(?:的|了)?$"
    rf"|^{_SPOKEN_FILLER}(?:都|也)?没(?:啥|什么|有什么|有啥)问题(?:了)?$"
)
# The speaker's household, stated as a fact ("家里没别人", "没有别人"): who lives with them, like the living alone of
# ``_CIRCUMSTANCE_PART``. What they own is not here: "房子是我自己的" before the act may contradict what is committed
# (a commitment to owning no home), so a clerk would ask again.
_OWN_HOME = rf"^{_SPOKEN_FILLER}(?:家里|家中|屋里)?(?:没有|没)别人(?:了|住)?$"
# The speaker asks themselves what they are to type, then types it ("是要我说承诺是吧，那我承诺"): a question about the
# words, answered in the same breath; what follows must be the act. Only in speech without a question mark: a typed
# "？" asks the assistant, and the message is a question to answer first.
_ASKED_THE_WORDS = (r"^(?:啊|哦|噢|嗯|那个|呃)*(?:是|就是)?(?:要|让)我(?:说|打|写|输入|回|回复|讲)(?:个)?(?:本人)?承诺"
                    r"(?:这两个字|两个字|这几个字|四个字)?(?:是吧|对吧)$")
_SPOKEN_PREAMBLE_CLAUSE = re.compile(_SPOKEN_PREAMBLE)
# A filler said as a clause of its own ("哎呀，这手机字太小了") belongs to the clause after it. Right before the act it
# is no lead: "唉，我承诺" may be a sigh of resignation, and only the acknowledgements of ``_ACK_CLAUSE`` go there.
_FILLER_ONLY = re.compile(rf"^{_SPOKEN_FILLER}$")
_OWN_HOME_CLAUSE = re.compile(_OWN_HOME)
_ASKED_THE_WORDS_CLAUSE = re.compile(_ASKED_THE_WORDS)
# Reading made hard ("字太小看得眼花", "看得眼睛疼"), then granted finished with a concession ("不过都看了", "但是我都看完
# 了"): the 不过 sets the finished reading against the strain, not against the commitment. The strain alone says the
# reading may not have been done ("看得眼花" before the act is asked again), so it is a lead only with the concession
# right after it, and the concession only after it; a hedge in either ("大概都看了", "看不清") matches neither.
_SMALL_PRINT = (r"(?:这|这个|你们这|你们这个)?(?:手机|手机上|屏幕|页面|告知书|承诺书|上面)?(?:的)?字"
                r"(?:也|又|还|真|太|好|可|挺|有点|实在)*(?:小|密)(?:了|啊)*")
_STRAIN = r"(?:我)?(?:看得|看着|读得)(?:我)?(?:眼花|眼睛花|眼睛疼|眼睛酸|头晕|费劲|吃力|好累|累)(?:了)?"
_READ_STRAIN_CLAUSE = re.compile(rf"^{_SPOKEN_FILLER}(?:{_SMALL_PRINT}(?:{_STRAIN})?|{_STRAIN})$")
# ("不过内容都弄明白了": what was read named, and understood, granted the same way)
_CONCEDED_DONE_CLAUSE = re.compile(r"^(?:不过|但是|但|可是)(?:我|本人)?(?:内容|告知书|承诺书|上面的?)?(?:我|本人)?"
                                   r"(?:还是|也|都|全都|全)*(?:认真|仔细)?"
                                   r"(?:看了|读了|看完了|读完了|看过了|读过了|(?:弄|看|搞|听|读)(?:明白|懂)了)(?:一遍|两遍)?(?:了)?$")

# The speaker's hardship told before the act, each a whole clause of its own ("我一个人带孩子", "我是下岗职工", "就指着这个
# 补贴了", "家里老人住院急着用钱", "我在外地打工请不了假", "只能网上办", "退休了没啥事"): why the errand matters to them
# or why it is done online, like age and health; none is a fact the commitment could be to the contrary of (what they
# own, earn or are is not among them), none names the commitment, a condition, a doubt or another person's word. Its
# 不/没 ("请不了假", "没啥事") is about leave and free time, and the clause is taken away whole.
_HARDSHIP_CLAUSE = re.compile(
    r"^(?:我|本人)?(?:是)?(?:个|一个|一名)?(?:下岗职工|下岗工人|失业人员|退休职工|退休工人|退休人员|残疾人|农民工|单亲妈妈|单亲爸爸|孤寡老人)$"
    r"|^(?:我|本人)?(?:都|已经|早就)?(?:退休|下岗)(?:[0-9一二两三四五六七八九十几]+年)?了(?:在家)?(?:没啥事|没什么事|闲着|有空|有的是时间)?$"
    r"|^(?:我|我们|我家|全家|家里)?(?:就|全|都)?(?:指着|靠|指望)(?:这个|这|这点|这份)(?:补贴|补助|低保|救助)(?:过日子|生活|活)?(?:了|呢)?$"
    r"|^(?:我|本人)?(?:一个人|独自|自己)(?:带|养)(?:着)?(?:孩子|娃|小孩|俩孩子|两个孩子)$"
    rf"|^(?:家里|家中|我家)?(?:的)?(?:我)?(?:{'|'.join(_KIN)})(?:住院|生病|病了|做手术)(?:了)?(?:急着|等着)?(?:用钱|要用钱)?$"
    r"|^(?:我|本人)?(?:现在|常年|一直)?在(?:外地|外面|外省|城里|工地|厂里)(?:打工|上班|干活|务工)(?:呢)?(?:请不了假|请不下假|走不开|回不来)?$"
    r"|^(?:所以|就)?(?:只能|只好)(?:在)?(?:网上|手机上|线上)(?:办|办理|申请)(?:了)?$"
)
# "不容易", "真难": the hardship just told summed up, right after one of those clauses and nowhere else (alone, before the
# act, "不容易" could be said of the commitment itself).
_HARDSHIP_REMARK = re.compile(r"^(?:真|挺|太|很|实在|是|可)?(?:不容易|难|困难|苦)(?:啊|呀|了)?$")
# The errand found hard, named as such ("办个事真不容易"), before or after the act: about the office's procedure, as a
# complaint about the system is, and no word on the commitment.
_ERRAND_HARD = re.compile(r"^(?:现在)?(?:办个事|办事|办点事|办个证|办个手续)(?:也|又|还|真|太|可|挺|实在|是)*(?:不容易|难|麻烦|费劲)(?:啊|呀|了|哦)*$")
# The reading finished, told with its manner ("一条条慢慢看完了", "逐条仔细看过了"): finished (完, 过 or 了), all of it.
_READ_MANNER_CLAUSE = re.compile(r"^(?:我|本人)?(?:都)?(?:一条(?:一)?条|一条条|逐条|一句(?:一)?句|一个字一个字|从头到尾)(?:地)?"
                                 r"(?:慢慢|仔细|认真|细细)?(?:地)?(?:都)?(?:看完|读完|看过|读过|看|读)了$")
# The same answer typed again after the first was lost ("这是第二遍输了", "上次网断了"), said after the act: how it was sent,
# nothing on what is committed.
_RETYPED_CLAUSE = re.compile(r"^(?:这|这已经|这都)?(?:是)?(?:我)?第(?:二|两|三|2|3)(?:遍|次|回)(?:输|打|填|说|提交|发)(?:了)?$"
                             r"|^(?:上次|上回|刚才|刚刚|之前|前面)(?:是)?(?:手机|网络|网|系统|页面|信号)(?:卡了|断了|卡住了|掉线了)$")
# An enterprise's record told beside the act ("开店三年一直守法经营", "店开了八年了", "从来没出过事"): how long it has traded
# and that it has done so lawfully, a reassurance; its 没 denies incidents in the past, never the commitment.
_TRADE_HISTORY_CLAUSE = re.compile(
    r"^(?:我们|本店|店|公司|本公司|我们店|我们公司)?(?:开店|开业|开了|经营了|干了|成立)(?:[0-9一二两三四五六七八九十几]+)(?:多)?年(?:多)?(?:了)?"
    r"(?:一直)?(?:守法经营|合法经营|诚信经营)?$"
    r"|^(?:一直|从来|向来)(?:都)?(?:守法经营|合法经营|诚信经营)$"
    r"|^(?:一直|从来|从)(?:都)?(?:没|没有)(?:出过|出)(?:任何)?(?:事|事故|问题|岔子)(?:过)?$"
)

# When the speaker found the time for the errand, told before the act ("刚下夜班", "中午忙完了", "趁晚市前弄一下"): the
# moment, finished work or a gap before the next, like the place of ``_CIRCUMSTANCE_PART``; nothing about what is
# committed. Tiredness itself ("太困了") is no such clause: it may say the reading was not done, and is asked again.
_MOMENT_CLAUSE = re.compile(
    r"^(?:我|本人)?(?:刚|刚刚|才)?(?:下(?:了)?(?:夜班|晚班|白班|中班|早班|班)|收工|收摊|干完活|从地里回来|放学)(?:回来|回家|到家)?(?:了)?$"
    r"|^(?:我|本人|我们|店里|我们店里)?(?:早上|上午|中午|下午|晚上|今天|这会儿|现在)(?:店里)?(?:刚|刚刚|总算|终于)?"
    r"(?:忙完|闲下来|得空|歇下来)(?:了)?$"
    r"|^趁(?:着)?(?:(?:晚市|午市|饭点|开门|开店|营业|上班|出摊|开工|接孩子|天黑)(?:前|之前|以前)|(?:现在)?(?:有空|得空|有时间))"
    r"(?:赶紧|赶快|抓紧)?(?:弄|办|填|搞|整)(?:一下|下)?(?:了)?$")
# A clear head, said of oneself ("脑子还清醒"): the speaker vouches for the state they commit in.
_CLEAR_HEAD_CLAUSE = re.compile(r"^(?:我|本人)?(?:的)?(?:脑子|头脑|脑袋|神志|意识)(?:还|也|都|很|挺|是|还是|现在)*(?:清醒|清楚|好使)(?:着|的)?(?:呢|嘞)?$")
# The reading finished and the decision made ("看完了也想好了", "想清楚了"): thinking it over told as done (了), the
# opposite of 再想想; anything still open ("还没想好", "想好了再说") is not this clause.
_DECIDED_CLAUSE = re.compile(rf"^(?:(?:(?:我|本人)?{_ADV}{_READ}|{_READ_TOPIC}),?)?(?:我|本人)?(?:也|都)?"
                             r"(?:想好了|想清楚了|考虑好了|考虑清楚了|拿定主意了)$")
# Someone who typed for the speaker, and the words said to be the speaker's own ("我孙女帮我打的字，话是我自己说的"): who
# held the phone, not who commits. Only the pair: the typist alone leaves whose words these are open, and someone else's
# words ("我孙女说我承诺") are no commitment of the speaker's. Typing this message only: the form filled in by someone else
# (帮我填) is doubt about what is committed, and stays so.
_TYPIST_CLAUSE = re.compile(
    rf"^(?:我的?)?(?:{'|'.join(_KIN)}|孩子|邻居|朋友|同事|工作人员|志愿者|网格员)(?:帮我|替我|给我|代我)(?:打|敲|输|录|输入|录入)(?:的|了)?字?(?:的)?$"
    rf"|^(?:这些字|这字|字)(?:是)?(?:我的?)?(?:{'|'.join(_KIN)}|孩子|邻居|朋友|同事|工作人员|志愿者|网格员)(?:帮我|替我|给我|代我)?(?:打|敲|输入|录入)的$")
_OWN_WORDS_CLAUSE = re.compile(r"^(?:但是|不过|但)?(?:这)?(?:话|意思|这些话|这话|说的话)?(?:都|全)?(?:是)?(?:我|本人)(?:自己|本人|亲口|亲自)+"
                               r"(?:说|讲|口述)(?:的|了)$")

# A doubt the speaker had, then checked and resolved ("我本来担心不符合，刚问了社区，确实符合", "之前我以为我存款超了，
# 刚查了银行卡没超", "我不确定……刚打电话问了社区，说我符合"): the answer is what follows the result. The result must
# be one of a few plain ones (符合, 没超, 没问题); a hedge anywhere in the check keeps the doubt open.
_PAST_DOUBT = re.compile(
    r"^(?:我)?(?:本来|原来|原先|之前|以前|开始|一开始|刚开始|起初|刚才)(?:我)?(?:还)?(?:担心|以为|怕|觉得|怀疑|不确定|拿不准)"
    r"[\u4e00-\u9fff]{0,14}$|^(?:我)?(?:之前|刚才)?(?:不确定|拿不准|不太确定)$")
_CHECKED = r"(?:我)?(?:刚|刚才|刚刚|已经|后来|现在)?(?:打电话|打了电话)?(?:问了|问过|查了|查过|核实了|核实过|确认了|核对了|咨询了)"
_RESOLVED = (r"(?:人家|他们|社区|村里|银行)?(?:说|讲)?(?:我|我家|本人)?(?:确实|确定|的确|都|也)?"
             r"(?:符合(?:条件|要求)?|没超|没有超|不超|没超标|够条件|没问题)(?:了|的)?")
_CHECK_RESOLVED = re.compile(rf"^{_CHECKED}[\u4e00-\u9fff]{{0,8}}?{_RESOLVED}$")
_CHECK_ONLY = re.compile(rf"^{_CHECKED}[\u4e00-\u9fff]{{0,8}}$")
_RESOLVED_CLAUSE = re.compile(rf"^{_RESOLVED}$")


def _resolved_doubt(clauses: list) -> Optional[list]:
    """The clauses after a doubt checked and resolved, or None when the message does not open with one."""
    if len(clauses) < 3 or not _PAST_DOUBT.match(clauses[0]):
        return None
    for i in range(1, len(clauses) - 1):
        if _CHECK_RESOLVED.match(clauses[i]):
            end = i
        elif _CHECK_ONLY.match(clauses[i]) and _RESOLVED_CLAUSE.match(clauses[i + 1]) and i + 2 < len(clauses):
            end = i + 1
        else:
            continue
        if any(_is_conditional(c) for c in clauses[1:end + 1]):
            return None
        return clauses[end + 1:]
    return None


def names_wrong(clause: str) -> bool:
    """Does this clause take back the answer before it (不对, 哦不, 说错了, 更正一下), and say nothing else?"""
    return bool(_CORRECTION_CLAUSE.match(clause) and (NAMED_WRONG.match(clause) or _SLIP.search(clause)))


def after_named_correction(flat: str) -> Optional[str]:
    """What follows the last clause that takes back an answer said before it ("没看，不对，我已经看完了" → "我已经看完
    了"), "" when nothing follows, or None when no answer is taken back. The three legal readers read what follows as
    an answer of its own, and only a plain one decides: a correction that ends in a hedge, a condition, someone
    else's word or a question is asked again."""
    clauses = [c for c in flat.split(",") if c]
    marks = [i for i, c in enumerate(clauses) if i and names_wrong(c)]
    if not marks or all(names_wrong(c) for c in clauses[:marks[-1]]):
        return None
    return ",".join(clauses[marks[-1] + 1:])


def _correction_marks(clauses: list, restating: bool = False, first: bool = False) -> list:
    """Where the message changes its answer: a clause that takes back what came before (不对, 打错了, 口误) or, with
    ``restating``, says it again (我是说…). The first clause has nothing before it to change unless ``first``."""
    return [i for i, c in enumerate(clauses) if (i or first) and (
        _CORRECTION_CLAUSE.match(c) or _SLIP.search(c) or (restating and _RESTATING.match(c)))]


_SUBJECT_WORDS = ("本人", "我本人", "本公司", "我公司", "我们公司", "本企业", "本单位")


def _mistyped_subject(clause: str) -> bool:
    """"本公式承诺": the subject of the commitment with one character mistyped (a homophone of the keyboard), nothing else;
    another person ("我媳妇承诺") differs in more than that and is no slip of the speaker's own subject."""
    if not clause.endswith("承诺"):
        return False
    subject = clause[:-2]
    # (the first character, 本 or 我, kept: "他人承诺" is someone else, not 本人 mistyped)
    return any(len(word) == len(subject) and subject[:1] == word[:1] and sum(a != b for a, b in zip(word, subject)) == 1
               for word in _SUBJECT_WORDS)


def _after_preamble(prepared: str, flat: str, people: _Who) -> Optional[str]:
    """The clauses after a lead that says nothing against the commitment, or None when there is no such lead.

    The lead may be: acknowledgements (好的, 中, 那个); a finished reading or check (我看完了, 承诺书我看了, 核对好了);
    a slip taken back (我不承诺。哦不，打错了 / 刚才打错了), where what is taken back must itself be an answer to
    this question (a refusal, a commitment or a typo of one) and nothing else; a pause closed by its result
    (等一下，我再核对一下……核对好了); a choice of the commitment over proofs (我不是要交证明); who the speaker is
    (我是张伟; a proxy's 我是代办人 / 有特别授权; the legal representative's 作为公司法人)."""
    if "?" in prepared or _has_doubtful_emoji(prepared):
        return None
    clauses = [c for c in flat.split(",") if c]
    if len(clauses) < 2:
        once = _REPEATED_HEAD.sub(r"\1", flat)
        if people.applicant_kind == "enterprise" and people.acting_as == "self":
            once = _REPEATED_COMPANY_HEAD.sub(r"\1", once)
        return once if once != flat else None
    # A slip taken back: the last correction decides where the new answer begins.
    marks = [i for i, c in enumerate(clauses) if _CORRECTION_CLAUSE.match(c)]
    # A bare 不/不是 says no as much as it corrects ("不，本人承诺"): only a word that names the answer wrong
    # (不对, 哦不, 打错了, 口误, 更正) takes back what came before.
    if marks and not any(names_wrong(clauses[i]) for i in marks):
        return None
    if marks:
        last = marks[-1]
        first = last
        while first - 1 >= 0 and _CORRECTION_CLAUSE.match(clauses[first - 1]):
            first -= 1
        if first == 0 and not any(_SLIP.search(c) for c in clauses[:last + 1]):
            # "不对，我承诺": a 不对 with nothing before it takes nothing back; it may be said of the notice
            return None
        before = ",".join(clauses[:first])
        if before and people.acting_as == "proxy" and first == 1 and last + 2 < len(clauses) \
                and _ORDINARY_AUTHORISATION_SAID.match(before) and _SPECIAL_NAMED.match(clauses[last + 1]):
            # "受赵强委托——不对，准确说是特别授权——我代为承诺": the kind of authorisation said first corrected, in so many
            # words, to the special one; the message is read as it would have been said right ("受赵强特别授权，我代为
            # 承诺"), and who gave it is checked there. The correction the other way, or to anything but 特别授权 (口头授权,
            # 全权委托), is not read so.
            return ",".join([_ORDINARY_AUTHORISATION_SAID.sub(r"\1特别授权", before)] + clauses[last + 2:])
        if before:
            # What is taken back must be an answer to this question and nothing more: a plain refusal clause
            # ("我不承诺"), the commitment itself, or a typo of it. "我不能承诺，我家条件不够，打错了" says more
            # than a slip, and that reason is not taken back by the word 打错.
            taken_back = _classify_words(before, before, people, None)
            # An assent taken back for the words asked ("我同意——哦不对，要写承诺用语：本人承诺") or the commitment mistyped
            # elsewhere than in 承诺 ("本公式承诺，打错了"): an answer to this question too, with no refusal in it.
            if not (all(_REFUSAL_CLAUSE.match(c) or _SLIPPED_DOUBLE_NEGATION.match(c) for c in clauses[:first])
                    or taken_back.kind in ("explicit", "implicit") or taken_back.detail == "typo"
                    or (first == 1 and _mistyped_subject(before) and any(_SLIP.search(c) for c in clauses[first:last + 1]))):
                return None
        clauses = clauses[last + 1:]
        # "…不对，是本人承诺", "…不对，应该说本公司承诺", "…哦不对，要写承诺用语：本人承诺": the right words named as such
        if len(clauses) > 1 and re.match(r"^(?:要|得|应该)(?:写|说|打|输入|回复)(?:的是)?(?:承诺用语)$", clauses[0]):
            clauses = clauses[1:]
        if clauses:
            clauses[0] = re.sub(r"^(?:应该说|应该是|准确说是|是)(?=我|本人|本公司|我公司|我司|我们公司)", "", clauses[0])
    restarts = [i for i, c in enumerate(clauses) if i and (_RESTART_CLAUSE.match(c) or _FORGOT_AUTHORISATION_CLAUSE.match(c))]
    if people.acting_as == "proxy" and restarts and restarts[-1] + 1 < len(clauses):
        # "我代赵强承诺，哦还要说授权，那我重说：受…特别授权，我代为承诺": the proxy's commitment begun in the short form
        # that lacks the authorisation, then said again in full. What is restarted must be exactly that short form,
        # the speaker's own, for the applicant (no refusal, willingness, 吧, condition or other person), and the
        # words between only the restart; what follows is judged alone, and only a yes is taken from it.
        speaker = f"|{re.escape(people.agent)}" if people.agent else ""
        applicant = f"|{re.escape(people.applicant)}" if people.applicant else ""
        if not all(_RESTART_CLAUSE.match(c) or _FORGOT_AUTHORISATION_CLAUSE.match(c) for c in clauses[1:restarts[-1] + 1]) \
                or not re.match(rf"^(?:我|本人|我本人)?(?:{speaker[1:] or '(?!)'})?{_ADV}(?:代为|代其|(?:代|替)(?:他|她|申请人|委托人{applicant}))"
                                rf"{_ADV}承诺$", clauses[0]):
            return None
        return ",".join(clauses[restarts[-1] + 1:])  # the answer said again, judged whole
    resolved = _resolved_doubt(clauses)
    if resolved:
        clauses = resolved
    # A pause closed by its result: everything from the pause to the result goes.
    waits = [i for i, c in enumerate(clauses) if _WAIT_CLAUSE.match(c)]
    if waits:
        start = waits[0]
        if not all(_ACK_CLAUSE.match(c) for c in clauses[:start]):
            return None
        done = None
        for i in range(start + 1, len(clauses)):
            if _DONE_CLAUSE.match(clauses[i]) or re.match(rf"^(?:(?:我|本人)?{_ADV}{_READ}|{_READ_TOPIC})$", clauses[i]):
                done = i
                break
            if people.acting_as == "proxy" and re.match(_HAVE_SPECIAL.format(who=_WHO), clauses[i]):
                done = i
                break
        if done is None:
            return None
        if any(_HEDGE_IN_CHECK.search(c) or _is_conditional(c) or _DOUBT.search(c) or _JOKE.search(c)
               for c in clauses[start:done]):
            return None
        clauses = clauses[done + 1:]
    applicant = ("|" + re.escape(people.applicant)) if people.applicant else ""
    harmless = [_ACK_CLAUSE, _RECORDED_LEAD, re.compile(rf"^(?:(?:我|本人)?{_ADV}{_READ}|{_READ_TOPIC})$"), _DONE_CLAUSE, _NOT_PROOFS_CLAUSE,
                _CIRCUMSTANCE, COMPLAINT, _READ_ALOUD_CLAUSE, _DENIED_REFUSAL, _DELAY_EXPLAINED, re.compile(rf"^{COURTESY}$")]
    if people.acting_as == "proxy":
        # "根据委托书，我受…特别授权": the document the authorisation stands in, named first
        harmless.append(re.compile(r"^(?:根据|按照|依据|依照)(?:授权委托书|委托书|授权书)$"))
        speaker = "|".join([re.escape(people.agent)] if people.agent else [])
        harmless.append(re.compile(r"^(?:我是|我叫|本人是)(?:代办人|代理人|受托人|被委托人" + (f"|{speaker}" if speaker else "")
                                   + ")$"))
        harmless.append(re.compile(_HAVE_SPECIAL.format(who=_WHO)))
        harmless.append(re.compile(_APPLICANT_AWAY.format(applicant=applicant[1:] or "(?!)")))
        # "我是赵强的女婿": who the proxy is to the applicant, named by the applicant's own name (or 他/申请人), said
        # first as ``_PROXY_RELATION`` says it after the act; a kinship to anyone else named is no such lead
        harmless.append(re.compile(rf"^(?:我是|本人是)(?:他|她|申请人|委托人{applicant})?的?(?:{'|'.join(_KIN)}|{_PROXY_KIN})$"))
        # "不是给我自己办": the errand is someone else's, which is what a proxy says; its 不是 denies acting for oneself,
        # never the commitment (for a citizen acting for himself it would contradict the role, and is no lead there)
        harmless.append(re.compile(r"^(?:我|我这)?(?:不是|并不是)(?:给|帮|替|为)(?:我)?自己(?:办|办理|申请|办的|申请的)(?:的)?$"))
        # "我替我爸赵强办的": whose errand it is, the applicant named (by name, 他/申请人 or a relative, with the name only
        # if it is the applicant's); it grants nothing, and the commitment after it must still carry the authorisation
        harmless.append(re.compile(rf"^(?:我|本人)?(?:是|这是)?(?:替|帮|给|代|为)(?:我)?(?:{'|'.join(_KIN)}|他|她|申请人|委托人)?"
                                   rf"(?:{applicant[1:] or '(?!)'})?(?:老先生|先生|女士)?(?:来)?(?:办|办理|申请)(?:的|事|这个事)?$"))
    elif people.applicant_kind == "enterprise":
        harmless.append(re.compile(_REPRESENTATIVE_CLAUSE.format(applicant=applicant)))
        if people.representative:
            harmless.append(re.compile(rf"^(?:我是|我叫|本人是){re.escape(people.representative)}$"))
        # "我是公司法人，…": the representative says who they are, as "作为公司法人" does
        harmless.append(re.compile(rf"^(?:我是|本人是|本人系|我系)(?:公司的?|企业的?|本公司的?{applicant})?(?:法人|法定代表人|法人代表)$"))
        # "我是老板，我承诺": the one in charge of the company says so of themselves, then commits in the first person,
        # as the one this step already takes to speak for it; 老板 is the speaker (我是), never a third person ("老板承诺",
        # "我们老板承诺"), and no other post (店长, 会计, 老板娘, 经理) is read so
        harmless.append(re.compile(rf"^(?:我是|我就是|本人是)(?:公司的?|本公司的?|这家公司的?|店里的?{applicant})?(?:老板)$"))
        # "我是好味餐饮的王总": the head of the company by the title its staff use, 总 after the surname, said of the speaker
        # as 老板 is; the surname must be the representative's where that person is known ("李总" for 王芳 is someone
        # else), and 副总 (a deputy) or 老总/小总 is no surname at all
        companies = "".join("|" + re.escape(n) for n in _short_names(people.applicant)) if people.applicant else ""
        surname = (rf"(?:{re.escape(people.representative[:1])}|{re.escape(people.representative[:2])})" if people.representative
                   else r"(?![副老小大总原前新])[一-鿿]")
        harmless.append(re.compile(rf"^(?:我是|我就是|本人是)(?:(?:公司|本公司|这家公司|我们公司{applicant}{companies})的?)?{surname}总$"))
    elif people.applicant:
        harmless.append(re.compile(rf"^(?:我是|我叫|本人是){re.escape(people.applicant)}(?:本人)?$"))
        # "承诺人张伟：本人承诺": the label of a written form with the applicant's own name filled in, as a letter is headed;
        # another name after the label is someone else, and the clause is no lead
        harmless.append(re.compile(rf"^(?:承诺人|申请人)(?:姓名)?{re.escape(people.applicant)}(?:本人)?$"))
        # "作为申请人，我承诺…": the capacity the citizen commits in, their own
        harmless.append(re.compile(r"^作为(?:申请人)(?:本人)?$"))
        # the hotline's record of the caller's own words: "来电人张伟本人口述：", "来电人原话：" (the caller named, if at
        # all, as the applicant); what follows is what the caller said, judged alone
        harmless.append(re.compile(rf"^(?:来电人|申请人)(?:{re.escape(people.applicant)})?(?:本人)?(?:口述|原话)(?:如下)?$"))
    if people.acting_as == "self":
        # "我是本人，我承诺", "我愿意承诺，本人承诺": who the speaker is, or their willingness, then the act itself
        harmless.append(re.compile(r"^(?:我是|我就是)(?:本人|申请人|申请人本人)$|^(?:我|本人)?(?:愿意|自愿)(?:作出)?承诺$"))
    if people.acting_as == "self" and people.applicant_kind != "enterprise" and people.applicant:
        # "张伟，我承诺": the speaker's own name said first, as at the foot of a letter
        harmless.append(re.compile(rf"^{re.escape(people.applicant)}$"))
    # "那个啊我都七十多了，这手机字太小了，看了半天，用说的": the speaker's own situation, told first by voice
    joined: list = []
    for i, clause in enumerate(clauses):
        if joined and _FILLER_ONLY.match(joined[-1]) and i < len(clauses) - 1 and (
                _SPOKEN_PREAMBLE_CLAUSE.match(joined[-1] + clause) or _OWN_HOME_CLAUSE.match(joined[-1] + clause)):
            joined[-1] += clause
        else:
            joined.append(clause)
    clauses = joined
    harmless.append(_SPOKEN_PREAMBLE_CLAUSE)
    harmless.append(_ASKED_THE_WORDS_CLAUSE)
    if people.acting_as == "self" and people.applicant_kind != "enterprise":
        harmless.append(_OWN_HOME_CLAUSE)  # "没有别人": the applicant's own household; a proxy's is beside the point
    # "以上情况属实，我承诺", "如有不实，我承担责任，我承诺": what may follow the commitment, said before it
    harmless.append(_STATEMENT_BEFORE)
    harmless += [_READ_MANNER_CLAUSE, _ERRAND_HARD, _MOMENT_CLAUSE, _CLEAR_HEAD_CLAUSE, _DECIDED_CLAUSE]
    citizen = people.acting_as == "self" and people.applicant_kind != "enterprise"
    if people.acting_as == "self" and people.applicant_kind == "enterprise":
        harmless.append(_TRADE_HISTORY_CLAUSE)  # "开店三年一直守法经营，本公司承诺…": the company's own record
    weak = hard = recorded = False  # the clause just taken away told a weakness (age, eyes, small print) / the citizen's hardship
    while len(clauses) > 1:
        if people.acting_as == "proxy" and _parse_proxy(",".join(clauses), people)[0]:
            break  # "…，有他签的特别授权，我代我爸赵强承诺": the authorisation is part of the commitment, not a lead to drop
        if people.acting_as == "self" and len(clauses) > 2 and (
                (_TYPIST_CLAUSE.match(clauses[0]) and _OWN_WORDS_CLAUSE.match(clauses[1]))
                or (_OWN_WORDS_CLAUSE.match(clauses[0]) and _TYPIST_CLAUSE.match(clauses[1]))):
            clauses = clauses[2:]  # "我孙女帮我打的字，话是我自己说的": the typist, and the words the speaker's own
            weak = hard = False
        elif len(clauses) > 2 and _READ_STRAIN_CLAUSE.match(clauses[0]) and _CONCEDED_DONE_CLAUSE.match(clauses[1]):
            clauses = clauses[2:]  # "字太小看得眼花，不过都看了": the strain, then the reading finished despite it
            weak = hard = False
        elif weak and _CONCEDED_DONE_CLAUSE.match(clauses[0]):
            # "我六十七了，眼神不太好，不过内容都弄明白了": the reading finished despite the weakness just told; the 不过 sets
            # it against the eyes, not against the commitment (alone, with nothing weak before it, it is no lead)
            clauses = clauses[1:]
            weak = hard = False
        elif hard and _HARDSHIP_REMARK.match(clauses[0]):
            clauses = clauses[1:]  # "我一个人带孩子，不容易": the hardship just told, summed up
            weak = hard = False
        elif citizen and _HARDSHIP_CLAUSE.match(clauses[0]):
            clauses = clauses[1:]
            weak, hard = False, True
        elif any(h.match(clauses[0]) for h in harmless):
            weak = bool(_CIRCUMSTANCE.match(clauses[0]) or _SPOKEN_PREAMBLE_CLAUSE.match(clauses[0]))
            hard = False
            recorded = recorded or bool(_RECORDED_LEAD.match(clauses[0]))
            clauses = clauses[1:]
        else:
            break
    if recorded and citizen and people.applicant:
        # "话务员代录：申请人张伟本人在电话中明确表示“本人承诺”": under the hotline's heading, the record that the applicant,
        # named, said the words; what he said is judged alone, as the caller's own words after "来电人张伟本人口述：" are.
        # Anyone else named, or no name, is no such record.
        said = re.sub(rf"^(?:申请人|来电人){re.escape(people.applicant)}(?:本人)?(?:在电话(?:中|里)|电话(?:中|里))?(?:明确|亲口)?"
                      r"(?:表示|说|称)", "", clauses[0])
        if said != clauses[0]:
            clauses = ([said] if said else []) + clauses[1:]
    if len(clauses) > 1 and _REASON_BEFORE.match(clauses[0]):
        # "因为开证明太麻烦，所以我承诺", "为了省事，我承诺": the reason given first; the act is what follows it
        clauses = [re.sub(r"^(?:所以|因此|于是)", "", clauses[1])] + clauses[2:]
    # "本人承诺，本人承诺": the same words twice are said once.
    while len(clauses) > 1 and clauses[0] == clauses[1]:
        clauses = clauses[1:]
    # "…，代为承诺，代为承诺": the last words said twice, as voice input repeats them
    while len(clauses) > 1 and clauses[-1] == clauses[-2]:
        clauses = clauses[:-1]
    rest = _REPEATED_HEAD.sub(r"\1", ",".join(clauses))
    if not rest or rest == flat:
        return None
    return rest


# Who a proxy's answer says bears the liability ("后果由赵强承担", "责任由委托人负责"): checked against the applicant.
_LIABILITY_BORNE_BY = re.compile(r"(?:后果|责任)(?:都|全|全部|一切)?由([\u4e00-\u9fff]{1,12}?)(?:本人|自己)?(?:来)?"
                                 r"(?:承担|负责|担着|兜着)")


def _parse_proxy(flat: str, people: _Who) -> Tuple[bool, str]:
    """(True, "") for a proxy's commitment under the applicant's special authorisation; else (False, problem)."""
    if people.agent:
        # "…，代为承诺。刘洋": the proxy's own name signed at the end
        flat = re.sub(rf",(?:签字|签名|落款|代理人|受托人|代办人)?,?{re.escape(people.agent)}$", "", flat)
    # "受赵强委托并经其特别授权": entrusted, then specially authorised by the same person (其), one authorisation
    flat = re.sub(r"受([\u4e00-\u9fff]{1,20}?)的?委托,?(?:并且|并|且)?(?:经|经过|获得|取得)?(?:其|他|她)的?(?=(?:书面)?特别授权)",
                  r"受\1", flat)
    if people.agent:
        # "…，刘洋代为承诺": the proxy's own name as the subject of the commitment, as a letter is signed, is the 我
        flat = re.sub(rf"(^|,){re.escape(people.agent)}(?={_ADV}(?:代|替))", r"\1我", flat)
    for grammar in _PROXY_GRAMMARS:
        match = grammar.match(flat)
        if not match:
            continue
        groups = match.groupdict()
        agent = groups.get("agent") or ""
        if agent and ((people.agent and agent != people.agent) or _STRAY_NEGATION.search(agent)):
            return False, "authoriser_mismatch"
        if any(groups.get(g) and groups.get(g) != people.agent for g in ("named", "agent2")):
            continue  # a name that is not the proxy's own, or other words where it would stand
        # the liability said after it must be the applicant's, named as such: "后果由我老婆负责" or "由我承担" puts it on
        # someone who made no commitment, whatever else the sentence says
        if groups.get("whoL") and _authoriser_ok(groups["whoL"], people) is not True:
            return False, "authoriser_mismatch"
        checks = [_authoriser_ok(groups.get(g), people) for g in sorted(groups) if g.startswith("who")]
        if any(c is False for c in checks):
            return False, "authoriser_mismatch"
        # Every grammar names who authorised, or (the authorisation named by its document, or held without a name) the
        # one the speaker commits for (代赵强): the applicant named somewhere, and no one else, is what is needed.
        if any(c is True for c in checks):
            return True, ""
    return False, ""


# Someone named as authorising the proxy, even without the words 特别授权 ("李娜授权我代为承诺").
_NAMED_AUTHORISER = (
    re.compile(r"受([\u4e00-\u9fff]{1,40}?)的?(?:特别|书面|全权)*(?:授权|委托)"),
    re.compile(r"^(?:我|本人)?(?:已)?(?:受|经过|经)?([\u4e00-\u9fff]{1,40}?)(?:已)?(?:特别|书面|全权)*(?:授权|委托)(?:给)?(?:我|本人)"),
    re.compile(r"(?:代|替)(?:为|表)?([\u4e00-\u9fff]{1,40}?)(?:郑重)?承诺"),
)


def _named_authoriser_mismatch(compact: str, people: _Who) -> bool:
    for pattern in _NAMED_AUTHORISER:
        match = pattern.search(compact)
        # ("代为作出告知承诺": the words of the act, 作出/告知, are no one's name)
        who = re.sub(r"^(?:作出|做出)?(?:告知)?$", "", match.group(1)) if match else ""
        if who and who not in ("我", "本人", "为", "其", "表", "为其") and _authoriser_ok(who, people) is False:
            return True
    return False


# The grammar of a commitment in one's own name is large (~20 ms to compile). Compiled with the people's names in
# it, every new citizen paid that at the commitment step. It is compiled once with these marks in the names' places
# instead, and the names in the answer are replaced by the marks before matching. Private-use characters: no one
# types them and normalisation never produces them; any in the answer are blanked first, so typing one is not
# being named. Replacing a name by its mark lets the mark match only where the name itself could, so the reading
# is the same as with the names compiled in (never looser: the name's characters can match nothing else there).
_APPLICANT_MARK, _NAME_MARK = "\ue000", "\ue001"


def _marked(flat: str, names: Tuple[Tuple[Optional[str], str], ...]) -> str:
    flat = flat.replace(_APPLICANT_MARK, "\ufffd").replace(_NAME_MARK, "\ufffd")
    # The longer name first: an enterprise's name may contain its representative's ("王芳餐饮店" / "王芳").
    for name, mark in sorted((n for n in names if n[0]), key=lambda n: -len(n[0])):
        flat = flat.replace(name, mark)
    return flat


# An enterprise is called by a short form of its name ("好味餐饮", "好味餐饮公司", "郑州好味"): the registered name without
# its place, trade or legal form. What identifies it is its trade name (字号, "好味"), what is left once the place before
# it ("郑州", "河南省郑州市") and the business and legal form after it ("餐饮管理有限公司") are taken off; a short form is a
# part of the registered name that keeps the trade name whole, with 公司 after it or not. A part without it ("餐饮公司",
# "郑州") names a kind of business or a city, not this company, and a name whose trade name cannot be told apart (no
# legal form, no business words, "王芳餐饮店") has no short forms.
_ORG_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|企业)$")
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}?(?:省|自治区|市|区|县))+")
_BUSINESS_WORD = (r"(?:餐饮|管理|科技|商贸|贸易|服务|实业|发展|投资|咨询|文化|传媒|建筑|工程|食品|百货|电子|信息|技术|网络|"
                  r"物流|农业|医药|教育|物业|装饰|设计|广告|商务|劳务|运输|销售|生物|健康|家政|环保|能源|酒店|旅游|连锁|经营|开发)")
_TRADE_SUFFIX = re.compile(rf"{_BUSINESS_WORD}+$")


@functools.lru_cache(maxsize=64)
def _short_names(applicant: str) -> Tuple[str, ...]:
    """The short forms of an enterprise's registered name, the longest first (see above)."""
    core = _ORG_FORM.sub("", applicant)
    place = _PLACE_PREFIX.match(core)
    # (with no 省/市 written, the first two characters are the city, as in "郑州好味…": a bare name keeps none)
    start = place.end() if place else 2
    business = _TRADE_SUFFIX.search(core, start)
    if core == applicant or not business or business.start() - start < 2:
        return ()  # not the place, trade name, business and legal form of a registered name: no part of it is read
    end = business.start()
    # cut only between words: the place kept or not, then the business words kept one by one from the first
    ends = [end] + [end + m.end() for m in re.finditer(_BUSINESS_WORD, core[end:])]
    parts = {core[i:j] for i in (0, start) for j in ends}
    names = (parts | {p + "公司" for p in parts}) - {applicant}
    return tuple(sorted(names, key=len, reverse=True))


# Where the enterprise's representative is not known, the speaker who says they are its legal representative may name
# themselves right after the title ("我是法定代表人李建国", "法人王芳代表公司承诺"), or sign after declaring it ("我是法定代表
# 人，…，签名：张伟"): that name is then the representative's for this message, and any other name in it is someone else.
# A post or a nickname in the name's place ("法人会计", "法人小刘", "以法定代表人身份") is no name.
_DECLARED_NAME = re.compile(r"(?:法定代表人|法人代表|法人)([\u4e00-\u9fff]{2,3}?)(?=,|$|承诺|代表|郑重)")
_DECLARED_TITLE = re.compile(r"(?:我是|本人是|本人系|我系|作为)(?:公司的?|企业的?|本公司的?)?(?:法定代表人|法人代表|法人)")
_SIGNED_NAME = re.compile(r",(?:签名|签字|落款),?([\u4e00-\u9fff]{2,3})$")
_NOT_A_NAME = re.compile(r"^(?:小|老|阿)|[承诺]|代表|郑重|在此|会计|出纳|经理|店长|老板|股东|员工|秘书|助理|财务|主管|经办|代办|本人|自己|身份|名义|公司|企业|"
                         r"[的我他她你们人]")


def _declared_representative(flat: str) -> str:
    if not _DECLARED_TITLE.search(flat):
        return ""
    named = _DECLARED_NAME.search(flat) or _SIGNED_NAME.search(flat)
    return named.group(1) if named and not _NOT_A_NAME.search(named.group(1)) else ""


def _parse_self(flat: str, people: _Who) -> bool:
    if people.applicant_kind == "enterprise":
        applicant = re.escape(_APPLICANT_MARK) + "|" if people.applicant else ""
        company = applicant + r"本公司|我们公司|公司|本企业|企业|该企业|我公司|我司|该公司"
        # "我作为法人承诺", "我以公司名义承诺": the capacity in which the representative commits
        on_behalf = r"(?:代表(?:" + company + r")|以(?:" + company + r")的?名义),?"
        # ("我以法定代表人身份，代表…": 以…身份 is 作为 in a letter's words)
        roles = (r"(?:(?:作为|以)(?:" + company + r")?的?(?:法定代表人|法人代表|法人)(?:的)?(?:身份)?,?)?(?:" + on_behalf
                 + ")?")
        # ("本公司郑州好味餐饮管理有限公司承诺": the company's own word with its registered name in apposition, as "我张伟"
        # is for a citizen; only the applicant's name, or a short form of it, stands there)
        subjects = _ENTERPRISE_SUBJECTS + (rf"|(?:(?:本公司|我公司|我们公司|本企业|我司|本单位),?)?{re.escape(_APPLICANT_MARK)}"
                                           if people.applicant else "")
        representative = people.representative or _declared_representative(flat)
        grammar = _self_grammar(subjects, (_NAME_MARK if representative else "",), roles,
                                idents="法人|法定代表人|法人代表|公司法人|企业法人", on_behalf=on_behalf)
        marked = _marked(flat, ((people.applicant, _APPLICANT_MARK), (representative, _NAME_MARK))
                         + tuple((short, _APPLICANT_MARK) for short in _short_names(people.applicant)))
    else:
        grammar = _self_grammar(_PERSON_SUBJECTS, (_NAME_MARK if people.applicant else "",), "")
        marked = _marked(flat, ((people.applicant, _NAME_MARK),))
    return bool(grammar.match(marked))


def _words(people: _Who, applicant_name: Optional[str]) -> str:
    return required_words(people.acting_as, applicant_name)


# Henan 哩 is the structural 的 after a verb or an adjective ("俺填哩都是真哩", "报上去哩东西都是实哩"): read as 的, so that
# the one grammar of what is vouched for holds. Only after the verbs of filling in and saying and the adjectives of
# truth; elsewhere it may be the 呢 of a statement in progress ("俺在地里干活哩"), which is left as typed. What follows
# it is read as ever: "真哩吧" is still a guess and "我承诺哩" is "我承诺的", the promise of an act, not the act.
_HENAN_DE = re.compile(r"(?:(?<=[填写报交供说讲述录真实对准])|(?<=上去|进去|上来))哩")


def _classify_words(prepared: str, flat: str, people: _Who, applicant_name: Optional[str],
                    allow_lead_only: bool = False) -> Verdict:
    """Everything after the input screening and the statement check."""
    prepared, flat = _HENAN_DE.sub("的", prepared), _HENAN_DE.sub("的", flat)
    compact = flat.replace(",", "")
    words = _words(people, applicant_name)

    def verdict(kind: str, detail: Optional[str] = None) -> Verdict:
        detail = detail or kind
        return Verdict(kind, _explain(detail, words, applicant_name), detail)

    # "本人承诺。我今年七十二了，眼睛不太好，闺女给我念的": the speaker's own situation (``_CIRCUMSTANCE``) or the notice
    # read out to them (``_READ_ALOUD_CLAUSE``) told after the act, as it may be before it: each a whole clause of its own,
    # and only a commitment said in full before them is taken ("我今年七十二了，本人承诺" is the lead, read below).
    said = [c for c in flat.split(",") if c]
    kept = len(said)
    # ("我承诺。这是第二遍输了，上次网断了": the answer typed again; "我承诺！办个事真不容易": the errand found hard; a
    # company's record, "我公司承诺。店开了八年了，从来没出过事"; "我承诺，字太小看着费劲，不过都看了": the strain of the
    # reading with the reading granted finished right after it, as the pair is read before the act)
    company = people.acting_as == "self" and people.applicant_kind == "enterprise"
    while kept > 1:
        last = said[kept - 1]
        if kept > 2 and _CONCEDED_DONE_CLAUSE.match(last) and (
                _READ_STRAIN_CLAUSE.match(said[kept - 2]) or _CIRCUMSTANCE.match(said[kept - 2])):
            kept -= 2
        elif _CIRCUMSTANCE.match(last) or _READ_ALOUD_CLAUSE.match(last) or _FILLED_BY_SELF_CLAUSE.match(last) \
                or _RETYPED_CLAUSE.match(last) or _ERRAND_HARD.match(last) or (company and _TRADE_HISTORY_CLAUSE.match(last)):
            kept -= 1
        else:
            break
    if kept < len(said) and "?" not in prepared and not _has_emoji(prepared):
        head = ",".join(said[:kept])
        before = _classify_words(head, head, people, applicant_name)
        if before.kind == "explicit":
            return before

    if not compact:
        if "?" in prepared:
            return verdict("question")
        if any(e in prepared for e in _REFUSING_EMOJI):
            return verdict("negated")
        return verdict("implicit") if _is_implicit(prepared, compact) else verdict("unclear")
    if compact.isascii():
        if compact in _ASCII_YES:
            return verdict("implicit")
        if compact in _ASCII_NO:
            return verdict("negated")
        if _ENGLISH_COMMIT.search(compact) and not prepared.lstrip().startswith("/"):
            return verdict("unclear", "english")
        return verdict("unclear")
    # ("…，没人逼我": coercion denied is the free will stated, not coercion; any other word of force still screens)
    screened = _screened(re.sub(_DENIED_COERCION, "", compact), _TONE_SCREENS)
    if screened:
        return verdict("unclear", screened)
    # Laughter beside a question or a refusal ("承诺啥呀，哈哈", "我不承诺哈哈哈") leaves what is meant open: the
    # rude refusal that is itself the joke ("我承诺个屁") is a plain no.
    laughing = bool(_JOKE.search(compact) or any(e in prepared for e in _LAUGHING_EMOJI)) and not _RUDE_NO.search(compact)
    clauses = [c for c in flat.split(",") if c]
    if _RHETORICAL.search(compact):
        return verdict("unclear")
    if "?" not in prepared and not laughing and len(clauses) > 1 and _SCOFFED.match(clauses[0]) \
            and any(_PROOFS_CHOSEN.match(c) or _PLAIN_REFUSAL.match(c) for c in clauses[1:]) \
            and all(_PROOFS_CHOSEN.match(c) or _DROPPED_IT.match(c) or _PLAIN_REFUSAL.match(c) for c in clauses[1:]):
        # "我承诺个啥，不弄了，我交证明": the scoffing "commit to what" asks nothing when the speaker goes on to choose the
        # proofs: it is the refusal that 承诺个锤子 is, and the ordinary procedure is named as the way instead. So too
        # when the speaker answers it with the refusal in words ("我承诺个啥，不承诺"): the scoff was that refusal.
        return verdict("negated")
    if _is_question(prepared):
        if laughing:
            return verdict("unclear", "joke")
        after_question = _flat(prepared.rsplit("?", 1)[-1]).replace(",", "") if "?" in prepared else ""
        if after_question and (after_question in _NEGATION_ALONE or re.search(r"吧$", after_question)
                               or after_question.rstrip("吧") in _NEGATION_ALONE
                               # "不承诺？我承诺", "承诺？我才不呢": the speaker answers their own question
                               or _has_verb_commitment(after_question) or _is_negated(after_question)
                               or re.search(r"才不|不呢$", after_question)):
            # "我代他承诺？不行吧": a question the speaker answers aloud, with a hedge or a bare no; neither a
            # question for us nor a settled answer.
            return verdict("unclear", "mixed_question")
        if _CONSEQUENT.search(compact):
            return verdict("unclear", "conditional")
        marks = _correction_marks(clauses)
        if marks and any(_has_verb_commitment(c) for c in clauses[:marks[-1]]):
            # "我承诺，不对不对，我老伴的养老金算不算收入？": a commitment taken back for a question; what the answer
            # is, is open.
            return verdict("unclear", "correction")
        if len(clauses) > 1 and "?" not in prepared.rstrip().rstrip("?") and _REFUSAL_BEFORE_WORRY.match(clauses[0]) \
                and all(_CONSEQUENCE_WORRY.match(c) for c in clauses[1:]):
            # "我可不承诺，万一查出来咋弄": the refusal said first, then the fear of what a commitment could bring on;
            # the worry gives the reason for the no and asks nothing of it
            return verdict("negated")
        if _states_commitment_beside_question(prepared, people):
            return verdict("unclear", "mixed_question")
        return verdict("question")
    if any(e in prepared for e in _REFUSING_EMOJI):
        # A refusing emoji next to words contradicts them, and nothing is assumed.
        return verdict("unclear")
    if _NOT_MEANT.search(compact) or (len(clauses) > 1 and any(_NOT_MEANT_CLAUSE.match(c) for c in clauses[1:])):
        return verdict("unclear", "joke" if _JOKE.search(compact) else "conditional")
    if _GIVE_UP_COMMITMENT.search(compact) and not _is_cancel(_GIVE_UP_COMMITMENT.sub("", compact)) \
            and not _has_verb_commitment(_GIVE_UP_COMMITMENT.sub("", compact)) and not _JOKE.search(compact) \
            and not any(e in prepared for e in _LAUGHING_EMOJI):
        return verdict("negated")
    if _is_cancel(_GIVEN_UP_IF_FALSE.sub("", _LIABILITY_CONDITION.sub("", compact))):
        # "我不承诺……算了，我承诺": 算了 takes back what came before; what follows is a new, unsettled answer.
        after = compact[compact.rfind("算了") + 2:] if "算了" in compact else ""
        if re.match(r"^(?:我|让我)?(?:再|先)?(?:想想|想一想|考虑|琢磨|看看)", after):
            return verdict("unclear", "conditional")  # "算了我再想想": thinking it over, not giving up
        if _has_verb_commitment(after) and not _negation_left(after):
            return verdict("unclear", "correction")
        if laughing:
            return verdict("unclear", "joke")  # "不办了，哈哈": said laughing, the stop is not plainly meant
        if _is_negated(compact) and _ORDINARY_PROCEDURE.search(compact) and not re.search(r"不办|不申请|退出|取消", compact):
            # "我不承诺了，算了，交证明去": the ordinary procedure chosen, not the journey given up
            return verdict("negated")
        if _correction_marks(clauses, first=True) or any(
                _has_verb_commitment(c) and not _is_negated(c) and not _is_cancel(c) for c in clauses):
            # "我放弃承诺，不对，我承诺", "我承诺，算了，不办了": both ways in one message; asked again.
            return verdict("unclear", "correction")
        return verdict("cancel")
    after = _after_preamble(prepared, flat, people)
    if after is not None:
        # What remains after a harmless lead (a finished reading or check, a slip the user takes back, who they
        # are) is judged as a message of its own, and only a yes is taken from it. The lead itself was
        # screened above (questions, jokes, coercion, emoji) and clause by clause in _after_preamble.
        rest = _classify_words(after, after, people, applicant_name)
        if rest.is_explicit:
            return rest
    if laughing and (_is_negated(compact) or any(_REFUSAL_CLAUSE.match(c) for c in clauses)):
        return verdict("unclear", "joke")
    named = [i for i, c in enumerate(clauses) if i and (names_wrong(c) or _SLIP.search(c))]
    if named and named[-1] + 1 < len(clauses) and "?" not in prepared:
        # "我承诺，说错了，我不承诺了，回头交证明": the answer changed to a refusal that stands as a message of its
        # own (the ordinary procedure beside it) is that refusal.
        changed = ",".join(clauses[named[-1] + 1:])
        if any(_REFUSAL_CLAUSE.match(c) for c in clauses[named[-1] + 1:]) \
                and _classify_words(changed, changed, people, applicant_name).kind == "negated":
            return verdict("negated")
    corrections = _correction_marks(clauses, restating=True)
    if _is_negated(compact) and (corrections and not all(
            not _RESTATING.sub("", c) or _CORRECTION_CLAUSE.match(c) or _REFUSAL_CLAUSE.match(_RESTATING.sub("", c))
            or _RESTATING.sub("", c) in _NEGATION_ALONE for c in clauses[corrections[-1]:])
            # "刚才说不承诺是打错了": the refusal and its taking back in one clause
            or any(_SLIP.search(c) and _is_negated(c) for c in clauses)):
        # "我不想承诺……不对，我想": an answer changed in the same message is taken only when what it is changed to
        # is a plain refusal ("我承诺，不对，我不承诺"); anything else after the change is asked again.
        return verdict("unclear", "correction")
    refusals = [i for i, c in enumerate(clauses) if _REFUSAL_CLAUSE.match(c)]
    if refusals and any(i > refusals[0] and (_SLIP.search(c) or _WAIT_CLAUSE.match(c) or _THINKING_IT_OVER.search(c))
                        for i, c in enumerate(clauses)):
        # "我不承诺，打错了", "我不承诺，等一下，让我想想": the refusal is taken back or still being weighed.
        return verdict("unclear", "correction")
    if refusals and len(clauses) > 1 and not _DOUBLE_NEGATION.search(compact) and not any(
        _has_verb_commitment(c) for i, c in enumerate(clauses) if i not in refusals
    ):
        return verdict("negated")
    if people.acting_as == "proxy" and len(clauses) > 1:
        applicant = "|" + re.escape(people.applicant) if people.applicant else ""
        denied = re.compile(_NO_SPECIAL.format(applicant=applicant))
        offered = re.compile(_OFFERED_PROXY_ACT.format(applicant=applicant))
        if denied.match(clauses[0]) and all(offered.match(c) for c in clauses[1:]):
            # "没有特别授权，不过我可以代他承诺": the authorisation denied first, then the act offered anyway: no commitment
            # can be made so (its 不过 opposes the act to the missing authorisation, not a reservation on a commitment)
            return verdict("negated", "no_authorisation")
    if _is_conditional(compact):
        return verdict("unclear", "conditional")
    if _DOUBLE_NEGATION.search(compact) or any(
            _NEGATED_NEGATION.search(_ALLOWED_NEGATIONS.sub("", c)) and not _REPEATED_REFUSAL.match(c) for c in clauses):
        return verdict("unclear")
    if _RUDE_NO.search(compact):
        return verdict("negated")

    marks = [i for i, c in enumerate(clauses) if _CORRECTION_CLAUSE.match(c)]
    if marks and 0 < marks[-1] < len(clauses) - 1 and any(_is_negated(c) for c in clauses[:marks[-1]]):
        corrected = "".join(clauses[marks[-1] + 1:])
        if _has_verb_commitment(corrected) and not _negation_left(corrected):
            # "我不承诺，不对，我承诺吧", "我不承诺，不，我承诺": a refusal taken back is no refusal any more, and
            # what follows it is no plain commitment (that one was taken above, after the lead), so nothing is settled.
            return verdict("unclear", "correction")
    if marks and marks[-1] < len(clauses) - 1 and re.match(r"^(?:他|她|申请人|委托人|老人|法人)", clauses[marks[-1] + 1]) \
            and not _has_verb_commitment("".join(clauses[marks[-1] + 1:])):
        # "…代为承诺，哦不对，他还没签字": what is corrected is a fact about someone else, not the speaker's answer.
        return verdict("unclear", "correction")
    if not marks and not any(_RESTART_CLAUSE.match(c) or _SLIP.search(c) or _RESTATING.match(c) for c in clauses) \
            and any(_is_negated(c) and any(_OWN_COMMITMENT_CLAUSE.match(d) and not _negation_left(d)
                                           for d in clauses[i + 1:]) for i, c in enumerate(clauses)):
        # "没有承诺的意思，我承诺", "我不承诺，我承诺": a refusal, then the speaker's own plain commitment with no
        # correction between them; the message says both, so it is asked again (as answers that differ). A refusal
        # beside someone else's commitment ("他承诺了，我不承诺"), or with the answer taken back or begun again ("我承诺，
        # 不对，我不承诺", "…，那我重说，…"), is left to the readings of those above and below.
        return verdict("unclear", "correction")
    if _is_negated(compact):
        return verdict("negated")
    # ("眼睛不太好", "手机不太会用": the 不太 of the speaker's eyes or skill is no doubt about what is committed)
    screened = _screened(_WEAK_SPEAKER.sub("", compact), _DOUBT_SCREENS)
    if screened:
        return verdict("unclear", screened)

    if people.acting_as == "proxy":
        applicant = "|" + re.escape(people.applicant) if people.applicant else ""
        only = re.compile(_ONLY_ORDINARY.format(applicant=applicant))
        act = re.compile(_BARE_PROXY_ACT.format(applicant=applicant))
        if len(clauses) > 1 and sum(bool(only.match(c)) for c in clauses) == 1 \
                and all(only.match(c) or act.match(c) for c in clauses):
            # "只有口头授权，我代他承诺": the proxy says, in a clause of its own, that all they hold is an oral or ordinary
            # authorisation, so there is no special one; the act beside it cannot be made, and the answer is no commitment
            # (the ordinary procedure). Said with 只有/只是 only: a bare "受赵强口头授权" claims an authorisation and is asked again.
            return verdict("negated", "no_authorisation")
        ok, problem = _parse_proxy(flat, people)
        if ok and not _negation_left(compact):
            return verdict("unclear", "emoji") if _has_doubtful_emoji(prepared) else Verdict("explicit")
        if problem:
            return verdict("unclear", problem)
        if _WRONG_DIRECTION.search(compact) or _THIRD_PARTY.search(compact):
            return verdict("unclear", "wrong_direction")
        if _AGREE_AND_COMMIT.search(_NOUN_COMMITMENT.sub("", compact)):
            return verdict("unclear", "agree_and_commit")
        if _named_authoriser_mismatch(compact, people):
            return verdict("unclear", "authoriser_mismatch")
        if _PROXY_DESCRIPTION.match(flat):
            return verdict("unclear", "description")
        if _parse_self(flat, people) or (
            _has_verb_commitment(compact) and _PROXY_MARKER.search(compact)
            and not _THIRD_PARTY.search(compact)
        ):
            return verdict("unclear", "proxy_form")
    else:
        # What someone else said or is ("他说的都是真的") is no content the applicant can vouch for of their own, as its
        # own clause or as the object of the commitment ("我承诺他说的都是实话", "本人承诺她的收入属实"); 其他 ("没有其他
        # 收入") names no one.
        if _parse_self(flat, people) and not _negation_left(compact) and not re.search(r"(?<!其)(?:他|她)", flat):
            return verdict("unclear", "emoji") if _has_doubtful_emoji(prepared) else Verdict("explicit")
        if _SPECIAL_AUTHORISATION in compact or re.search(r"代为|代其|代(?:他|她)承诺", compact):
            return verdict("unclear", "proxy_words_for_self")
        if _AGREE_AND_COMMIT.search(_NOUN_COMMITMENT.sub("", compact)):
            return verdict("unclear", "agree_and_commit")
        if _THIRD_PARTY.search(compact) or _WRONG_DIRECTION.search(compact):
            return verdict("unclear", "third_party")
        if people.applicant_kind != "enterprise" and re.search(_ENTERPRISE_SELF_WORDS, compact) \
                and _has_verb_commitment(compact):
            return verdict("unclear", "third_party")  # a citizen cannot commit for a company
        if re.fullmatch(r"[^我本不没未别非无勿莫]{1,4}承诺", compact):
            return verdict("unclear", "third_party")  # 我妈承诺, 张三承诺

    if _WILLING.search(_NOUN_COMMITMENT.sub("", compact)):
        return verdict("unclear", "willingness")
    if _is_implicit(prepared, compact):
        return verdict("implicit")
    return verdict("unclear")


# Besides the full statement, a button payload or a user may add only these: acknowledgements, the
# commitment words themselves, a reading clause. Anything else is judged on its own and never upgraded.
_STATEMENT_COMPANIONS = frozenset({"好", "好的", "嗯", "嗯嗯", "是的", "对", "确认", "提交", "ok", "确认提交"})
_READ_ONLY = re.compile(rf"^(?:我|本人|我本人)?{_ADV}{_READ}$")


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
    applicant_kind: str = "person",
    representative: Optional[str] = None,
    agent_name: Optional[str] = None,
) -> Verdict:
    """Decide whether ``text`` is an explicit commitment (R7), for the role the user acts in (R5).

    ``statement`` is the text returned by :func:`statement` that the user was shown; a message that
    contains it whole (compared without spaces and punctuation, e.g. a button payload) is explicit unless
    anything else in the message asks, refuses, hedges, doubts or cancels. Without ``statement`` only typed
    words count. ``applicant_kind="enterprise"`` with ``acting_as="self"``: the legal representative
    (``representative``) speaks for the enterprise ("本人承诺", "本公司承诺").
    """
    _check_acting_as(acting_as)
    if applicant_kind not in APPLICANT_KINDS:
        applicant_kind = "person"
    people = _Who(acting_as, applicant_kind, _name_key(applicant_name).lower(), _name_key(representative).lower(),
                  _name_key(agent_name).lower())
    words = required_words(acting_as, applicant_name)

    def verdict(kind: str, detail: Optional[str] = None) -> Verdict:
        detail = detail or kind
        return Verdict(kind, _explain(detail, words, applicant_name), detail)

    if not isinstance(text, str):
        return verdict("unclear", "not_text")
    if len(text) > MAX_MESSAGE_CHARS:
        return verdict("unclear", "too_long")
    if _INJECTION.search(text):
        return verdict("unclear")
    prepared = _prepare(text)
    if _INJECTION.search(prepared):
        return verdict("unclear")
    borne = _LIABILITY_BORNE_BY.search(prepared) if acting_as == "proxy" else None
    if borne and _authoriser_ok(borne.group(1), people) is not True:
        # "…代为承诺，如有不实，一切后果由我老婆负责" (or "由我承担"): a proxy putting the liability on someone other than
        # the applicant, whose commitment it is (the statement's own words), in any clause of the answer
        return verdict("unclear", "authoriser_mismatch")
    flat = _flat(prepared)
    compact = flat.replace(",", "")

    if statement:
        prepared_statement = _prepare(statement)
        remainder = _remainder_after_statement(compact, _compact(prepared_statement))
        if remainder is not None:
            chinese_rest = re.sub(r"[a-z0-9_]+", "", remainder)
            if len(remainder) - len(chinese_rest) > _MAX_PAYLOAD_REMAINDER:
                return verdict("unclear", "too_long")
            # The rest of the message is judged with the statement taken out, so that its own words
            # ("不实承诺") cannot look like a refusal and a "但是…" after it cannot hide.
            rest_prepared = prepared.replace(prepared_statement, " , ")
            if rest_prepared == prepared:  # the statement arrived re-spaced: judge only what is left
                rest_prepared = chinese_rest + ("?" if "?" in prepared else "")
            if "?" in rest_prepared:
                return verdict("question")
            if not chinese_rest:
                if _has_doubtful_emoji(rest_prepared):
                    return verdict("unclear", "emoji")
                return Verdict("explicit")
            rest_flat = re.sub(r"[a-z0-9_]+", "", _flat(rest_prepared))
            rest_flat = re.sub(",+", ",", rest_flat).strip(",")
            if all(part in _STATEMENT_COMPANIONS or _READ_ONLY.match(part) for part in rest_flat.split(",")) \
                    and not _has_doubtful_emoji(rest_prepared):
                return Verdict("explicit")
            rest = _classify_words(rest_prepared, rest_flat, people, applicant_name)
            if rest.kind == "explicit":
                return rest
            if rest.kind in ("implicit",) or rest.detail in ("proxy_form", "proxy_words_for_self", "unclear"):
                # Nothing of the rest is upgraded by the statement beside it.
                return verdict("unclear", "doubt" if _DOUBT.search(chinese_rest) else "unclear")
            return rest

    verdict_ = _classify_words(prepared, flat, people, applicant_name)
    # (not the choices asked back: "要不要承诺？本人承诺" deliberates aloud, and the commitment is asked for again)
    for answer in (answers_inside(text, options=False) if not verdict_.is_explicit else ()):
        # "承诺用语：本人承诺…" (the prompt quoted back), "本人承诺以上内容属实，请问几天能批下来？" (a question about the
        # procedure after it): the commitment read alone, and only a commitment taken from it
        answered = _classify_words(answer, _flat(answer), people, applicant_name)
        if answered.is_explicit:
            return answered
    return verdict_
