"""The text every reader of a message analyses: the shared normal form plus the English that people mix in.

Citizens and business owners type the way their phone or their paperwork writes: traditional characters,
full-width letters, and English words for the very things the catalogue names in Chinese — a company called
"好味餐饮 Co., Ltd.", a "food license", "开个 restaurant", a "headhunting" firm. The intent model is trained on
Chinese and the catalogue is Chinese, so such a word is invisible to both unless it is read as the Chinese term
it stands for. :func:`nlu_text` is applied by the NLU pipeline (``bot.rasa.nlu_normalizer``, to training data and to
every message) and by discovery (:func:`match_text`), so both see exactly the same words.

The English table is small on purpose: only terms that name something in the catalogue or in the policy's
vocabulary (kinds of business, licences, proofs, company forms). Words that decide anything legal (yes, no,
agree, commit) are deliberately absent: an answer to a legal question is read in the user's own words by the
step interpreters, never through a translation.

Standard library only (and ``bot.core.textnorm``), so the action server imports it without Rasa.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional, Tuple

from bot.core.textnorm import normalize

# English (as typed, any case) -> the Chinese term the catalogue and the training data use. Longer phrases are
# matched before the words they contain ("business license" before "license").
ENGLISH_TERMS: Tuple[Tuple[str, str], ...] = (
    # company forms: an enterprise's name as registered abroad or on a business card
    ("company limited", "有限公司"),
    ("co., ltd.", "有限公司"),
    ("co.,ltd.", "有限公司"),
    ("co., ltd", "有限公司"),
    ("co.,ltd", "有限公司"),
    ("co. ltd.", "有限公司"),
    ("co. ltd", "有限公司"),
    ("co ltd", "有限公司"),
    ("ltd.", "有限公司"),
    ("ltd", "有限公司"),
    ("limited", "有限公司"),
    ("llc", "有限责任公司"),
    ("inc.", "公司"),
    ("corp.", "公司"),
    ("company", "公司"),
    ("startup", "公司"),
    # licences and permits
    ("business license", "营业执照"),
    ("business licence", "营业执照"),
    ("food license", "食品经营许可证"),
    ("food licence", "食品经营许可证"),
    ("food business license", "食品经营许可证"),
    ("hygiene license", "卫生许可证"),
    ("health permit", "卫生许可证"),
    ("discharge permit", "排污许可证"),
    ("pollutant discharge", "排污"),
    ("residence permit", "居住证"),
    ("license", "许可证"),
    ("licence", "许可证"),
    ("licensing", "许可"),
    ("permit", "许可证"),
    ("certificate", "证"),
    # kinds of business the catalogue licenses
    ("food", "食品"),
    ("restaurant", "餐饮"),
    ("catering", "餐饮"),
    ("snack bar", "小吃店"),
    ("milk tea", "奶茶"),
    ("bubble tea", "奶茶"),
    ("cafe", "饮品店"),
    ("headhunting", "猎头"),
    ("headhunter", "猎头"),
    ("head hunter", "猎头"),
    ("recruitment agency", "职业中介"),
    ("employment agency", "职业中介"),
    ("job agency", "职业中介"),
    ("recruiting", "招聘"),
    ("recruitment", "招聘"),
    ("human resources", "人力资源"),
    ("labor dispatch", "劳务派遣"),
    ("labour dispatch", "劳务派遣"),
    ("staffing", "劳务派遣"),
    ("travel agency", "旅行社"),
    ("tour operator", "旅行社"),
    ("travel", "旅游"),
    ("tourism", "旅游"),
    ("hotel", "宾馆"),
    ("hostel", "旅店"),
    ("beauty salon", "美容院"),
    ("hair salon", "理发店"),
    ("barber", "理发店"),
    ("salon", "美容美发店"),
    ("freight", "货运"),
    ("trucking", "货运"),
    ("logistics", "物流"),
    ("truck", "货车"),
    ("bookstore", "书店"),
    ("book store", "书店"),
    ("bookshop", "书店"),
    ("publications", "出版物"),
    ("pharmacy", "药店"),
    ("drugstore", "药店"),
    ("hazardous chemicals", "危险化学品"),
    ("dangerous chemicals", "危险化学品"),
    ("chemicals", "化学品"),
    ("explosives", "民用爆炸物品"),
    ("microfinance", "小额贷款"),
    ("micro-loan", "小额贷款"),
    ("microloan", "小额贷款"),
    ("small loan", "小额贷款"),
    ("pressure vessel", "压力容器"),
    ("boiler", "锅炉"),
    ("elevator", "电梯"),
    ("special equipment", "特种设备"),
    ("individual business", "个体工商户"),
    ("self-employed", "个体工商户"),
    # people's own matters
    ("public rental housing", "公租房"),
    ("public housing", "公租房"),
    ("legal aid", "法律援助"),
    ("lawyer", "律师"),
    ("nurse", "护士"),
    ("teacher", "教师"),
    ("unemployment", "失业"),
    ("pension", "养老金"),
    ("hukou", "户口"),
    ("dialysis", "透析"),
    ("disability", "残疾"),
    ("disabled", "残疾"),
    ("criminal record", "犯罪记录"),
)

# Whole words only, and never inside a code: a 统一社会信用代码 or an authorisation number may contain LTD.
_BOUNDARY_BEFORE = r"(?<![A-Za-z0-9])"
_BOUNDARY_AFTER = r"(?![A-Za-z0-9])"


def _pattern(phrase: str) -> str:
    # Spaces in a phrase match any run of spaces (or none between punctuation and a word: "co.,ltd");
    # a final plain word also matches its plural ("licenses", "restaurants").
    parts = [re.escape(p) for p in phrase.split(" ")]
    body = r"\s*".join(parts)
    if phrase[-1].isalpha():
        body += "(?:e?s)?"
    after = _BOUNDARY_AFTER if phrase[-1].isalpha() else ""
    return _BOUNDARY_BEFORE + body + after


_TABLE: List[Tuple[str, str]] = sorted(ENGLISH_TERMS, key=lambda pair: -len(pair[0]))
_ENGLISH = re.compile("|".join(f"({_pattern(phrase)})" for phrase, _ in _TABLE), re.IGNORECASE)
_CHINESE_BY_GROUP = [chinese for _, chinese in _TABLE]
_HAS_LATIN = re.compile(r"[A-Za-z]")
# A replaced term is glued to the Chinese around it ("开个 restaurant" -> "开个餐饮"), so a word segmenter and
# character n-grams read it as part of the sentence, as if it had been typed in Chinese.
_START, _END = "\x01", "\x02"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_GAP_BEFORE = re.compile(f"(?<=[{_CJK}{_END}])\\s+(?={_START})")
_GAP_AFTER = re.compile(f"(?<={_END})\\s+(?=[{_CJK}{_START}])")


def english_to_chinese(text: str) -> str:
    """English catalogue terms replaced by their Chinese; other text unchanged."""
    if not text or not _HAS_LATIN.search(text):
        return text

    def replace(match: "re.Match[str]") -> str:
        return _START + _CHINESE_BY_GROUP[match.lastindex - 1] + _END

    marked = _ENGLISH.sub(replace, text)
    if _START not in marked:
        return text
    marked = _GAP_AFTER.sub("", _GAP_BEFORE.sub("", marked))
    return marked.replace(_START, "").replace(_END, "")


# Simplified characters that the character table turns into something else (么 -> 幺 would make every 怎么 and
# 什么 a different word from the one in the training data; 抬 and 著 are ordinary simplified characters too).
# They pass through the shared normalisation untouched.
_KEEP = "么抬著"
_KEEP_PLACEHOLDERS = {ch: chr(0xE000 + i) for i, ch in enumerate(_KEEP)}
_PROTECT = str.maketrans(_KEEP_PLACEHOLDERS)
_RESTORE = str.maketrans({placeholder: ch for ch, placeholder in _KEEP_PLACEHOLDERS.items()})


def nlu_text(text: Optional[str], limit: Optional[int] = None) -> str:
    """The text the NLU and discovery analyse: :func:`bot.core.textnorm.normalize` (full-width to half-width,
    traditional to simplified, zero-width removed, spaces collapsed), then English catalogue terms in Chinese."""
    if not text:
        return ""
    if limit is not None:
        text = text[:limit]
    return english_to_chinese(normalize(text.translate(_PROTECT)).translate(_RESTORE))


_SPACE_RUN = re.compile(r"\s+")


def match_text(text: str) -> str:
    """The one normal form of user text and catalogue terms that item discovery and entity extraction match on
    (P1): :func:`nlu_text`, then lower case, emoji and control characters removed, whitespace collapsed. It lives
    here, below both the action server and the build step, because both need it: discovery reads queries with it
    and ``bot.tools.build`` writes the spaCy patterns in it."""
    if not text:
        return ""
    text = nlu_text(str(text))
    kept: List[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cf", "Mn", "Me", "Sk"):
            # zero-width characters, variation selectors, keycaps, skin tones: glue *inside* an emoji or a
            # word (公\u200b租房); dropped without leaving a gap.
            continue
        if category[0] == "C" or category == "So":
            kept.append(" ")  # control characters and emoji separate what is around them
            continue
        kept.append(ch)
    text = "".join(kept).lower()
    return _SPACE_RUN.sub(" ", text).strip()
