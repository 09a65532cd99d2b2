"""Identity numbers: 居民身份证号码, 统一社会信用代码 and mainland mobile numbers (P1, P5).

The one place that reads, checks and masks the numbers people give us. The action server uses it to
validate the ``applicant_id`` / ``agent_id`` / ``phone`` slots (conversation contract: ``ask.error``
codes), the API uses it to re-check what it stores and to mask what it logs or publishes (P5, R15).

People do not type numbers the way a form wants them (P1): they use full-width digits from a Chinese
input method, read phone numbers out as Chinese digits (一三八零零一三八零零零, 幺 for 1), group them with
spaces or hyphens, and type a lower-case x. :func:`normalize` undoes all of that before any check.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Dict, Iterable, List, Optional

# --- normalisation ----------------------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) sits exactly 0xFEE0 above ASCII; U+3000 is the ideographic space.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

# Digits as read aloud. 幺 is how 1 is said in phone numbers; 〇 appears in written years.
CHINESE_DIGITS: Dict[str, str] = {
    "零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "三": "3", "四": "4",
    "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
}
_DIGIT_CHARS = "0-9" + "".join(CHINESE_DIGITS)
_SEPARATORS = " \t\\-\u2010\u2011\u2012\u2013\u2014"  # spaces and the hyphens/dashes IMEs produce
_DIGIT_RUN = re.compile(f"[{_DIGIT_CHARS}](?:[{_SEPARATORS}]*[{_DIGIT_CHARS}])*")
_ARABIC_RUN = re.compile(f"\\d+(?:[{_SEPARATORS}]+\\d+)*")
_SEPARATOR_RE = re.compile(f"[{_SEPARATORS}]+")
_TRAILING_X = re.compile(f"(?<![0-9A-Za-z])(\\d{{17}})[{_SEPARATORS}]?[xX](?![0-9A-Za-z])")

# A run of only Chinese numerals shorter than this is ordinary language (一个, 三三两两, 七七八八, 二〇二四),
# not a number being read out; the shortest number we ask for read aloud is far longer.
_MIN_SPOKEN_DIGITS = 5
# A group typed on its own that is already this long is a complete number (a phone number or an ID);
# it is never glued to its neighbours, so "410105199001011233 13800138000" stays two numbers.
_COMPLETE_GROUP = 11
_LONGEST_NUMBER = 18


def _convert_spoken_digits(match: "re.Match[str]") -> str:
    run = match.group(0)
    digits = [c for c in run if c.isdigit() or c in CHINESE_DIGITS]
    has_chinese = any(c in CHINESE_DIGITS for c in run)
    has_arabic = any(c.isdigit() for c in run)
    if not has_chinese:
        return run
    if len(digits) >= _MIN_SPOKEN_DIGITS or (has_arabic and len(digits) >= 2):
        return "".join(CHINESE_DIGITS.get(c, c) for c in run)
    return run


def _join_groups(match: "re.Match[str]") -> str:
    """Glue digit groups typed with spaces/hyphens ("138 0013 8000") back into one number.

    Groups are joined while the result still fits the longest number we read (18); a group that is
    complete on its own (11+ digits) is kept apart, so two numbers typed side by side stay two numbers.
    """
    groups = _SEPARATOR_RE.split(match.group(0))
    pieces: List[str] = []
    current: List[str] = []
    for group in groups:
        if not current:
            current = [group]
            continue
        complete_alone = len(current) == 1 and len(current[0]) >= _COMPLETE_GROUP
        too_long = sum(map(len, current)) + len(group) > _LONGEST_NUMBER
        if len(group) >= _COMPLETE_GROUP or complete_alone or too_long:
            pieces.append("".join(current))
            current = [group]
        else:
            current.append(group)
    pieces.append("".join(current))
    return " ".join(pieces)


def normalize(text: str) -> str:
    """Make numbers in free text machine-readable (P1).

    - full-width ASCII → half-width (１３８ → 138, ｘ → x);
    - Chinese digits → digits where they form a number read out (一三八零零一三八零零零 → 13800138000, also
      mixed with Arabic digits); short runs such as 一个 or 三三两两 stay words;
    - spaces and hyphens inside a number are removed (138-0013-8000 → 13800138000);
    - the check character of a resident ID is upper-cased (…123x → …123X).
    Everything else is left as it is.
    """
    if not text:
        return ""
    text = text.translate(_FULLWIDTH)
    text = _DIGIT_RUN.sub(_convert_spoken_digits, text)
    text = _ARABIC_RUN.sub(_join_groups, text)
    text = _TRAILING_X.sub(r"\1X", text)
    return text


def clean_id(value: str) -> str:
    """The compact upper-case form of a single number as stored: normalised, no separators at all."""
    return _SEPARATOR_RE.sub("", normalize(value or "")).strip().upper()


# --- 居民身份证号码 (GB 11643-1999) -----------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"\d{17}[\dX]")
# First two digits: the province-level division (GB/T 2260). 71 Taiwan, 81 Hong Kong, 82 Macao;
# 83 is added because the residence permits of Taiwan residents (港澳台居民居住证) carry 83 and use the
# same GB 11643 number, and they are valid identity documents at a government service window.
PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
     "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
     "71", "81", "82", "83"}
)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def resident_id_check_char(first17: str) -> str:
    """The 18th character of a 居民身份证号码 for its first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK_CHARS[total % 11]


def check_resident_id(value: str, *, today: Optional[date] = None) -> Optional[str]:
    """``None`` when ``value`` is a valid 18-character 居民身份证号码, else an error code.

    Checked in this order, so the message names the most specific fault: shape (18 characters, the last
    may be X) → province code → birth date (a real date from 1900-01-01 to today) → check character.
    Old 15-digit numbers are refused as ``invalid_id_format``: the second-generation card is 18 digits.
    """
    v = clean_id(value)
    if not _ID_SHAPE.fullmatch(v):
        return "invalid_id_format"
    if v[:2] not in PROVINCE_CODES:
        return "invalid_id_region"
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return "invalid_date"
    if not EARLIEST_BIRTH_DATE <= born <= (today or date.today()):
        return "invalid_date"
    if resident_id_check_char(v[:17]) != v[17]:
        return "invalid_id_checksum"
    return None


# --- 统一社会信用代码 (GB 32100-2015) --------------------------------------------------------------

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Positions 3-8 are the administrative-division code (always digits); the rest come from USCC_CHARS.
_USCC_SHAPE = re.compile(f"[{USCC_CHARS}]{{2}}\\d{{6}}[{USCC_CHARS}]{{10}}")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def check_uscc(value: str) -> Optional[str]:
    """``None`` when ``value`` is a valid 统一社会信用代码, else ``invalid_uscc_format`` / ``invalid_uscc_checksum``.

    Lower-case letters are accepted (people type them) and checked as upper case. The embedded
    organisation code (positions 9-17) is not checked separately: GB 32100 only requires the 18th character.
    """
    v = clean_id(value)
    if not _USCC_SHAPE.fullmatch(v):
        return "invalid_uscc_format"
    if uscc_check_char(v[:17]) != v[17]:
        return "invalid_uscc_checksum"
    return None


# --- mobile numbers ----------------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")
_PHONE_PREFIX = re.compile(r"^(?:\+?86|0086)(?=1\d{10}$)")


def _strip_phone(value: str) -> str:
    v = re.sub(r"[\s\-()（）]", "", normalize(value or ""))
    return _PHONE_PREFIX.sub("", v)


def check_phone(value: str) -> Optional[str]:
    """``None`` for a mainland mobile number (1[3-9] + 9 digits, optionally +86/86/0086), else ``invalid_phone``."""
    return None if _MOBILE.fullmatch(_strip_phone(value)) else "invalid_phone"


def canonical_phone(value: str) -> Optional[str]:
    """The 11-digit form of a valid mobile number (prefix and separators removed), else ``None``."""
    v = _strip_phone(value)
    return v if _MOBILE.fullmatch(v) else None


# --- finding numbers in a sentence -------------------------------------------------------------------

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{14,19}[Xx]?(?![0-9A-Za-z])")
_NUMBER_TOKEN = re.compile(r"(?<![0-9A-Za-z])\+?\d+(?![0-9A-Za-z])")
_ALNUM_RUN = re.compile(r"[0-9A-Z]+(?:[ \-]+[0-9A-Z]+)*")


def _first(candidates: Iterable[str]) -> Optional[str]:
    return next(iter(candidates), None)


def extract_resident_id(text: str, *, today: Optional[date] = None) -> Optional[str]:
    """The resident ID in a sentence ("我叫张伟，身份证410105199001011233" → the number).

    Returns a candidate even when it is invalid, so the caller can say what is wrong with it: first a
    valid ID, else an 18-character one (wrong check digit, date or region), else a 15-20 digit run
    (``invalid_id_format``, e.g. a digit left out). ``None`` when the sentence holds no such number.
    """
    found = [m.group(0).upper() for m in _ID_LIKE.finditer(normalize(text))]
    found = [f for f in found if len(f) >= 15]
    valid = [f for f in found if check_resident_id(f, today=today) is None]
    shaped = [f for f in found if _ID_SHAPE.fullmatch(f)]
    return _first(valid + shaped + found)


def extract_uscc(text: str) -> Optional[str]:
    """The 统一社会信用代码 in a sentence, upper-cased, also when typed in groups ("9141 0100 MA44 …").

    Preference: a valid code; else an 18-character code of the right shape that contains a letter (an
    all-digit string is far more likely a resident ID); else a single 15-20 character token of letters
    and digits (so the caller can report ``invalid_uscc_format``).
    """
    upper = normalize(text).upper()
    valid: List[str] = []
    shaped: List[str] = []
    rough: List[str] = []
    for run in _ALNUM_RUN.finditer(upper):
        groups = re.split(r"[ \-]+", run.group(0))
        for start in range(len(groups)):
            joined = ""
            for group in groups[start:]:
                joined += group
                if len(joined) >= 18:
                    break
            if len(joined) == 18 and _USCC_SHAPE.fullmatch(joined):
                if check_uscc(joined) is None and check_resident_id(joined) is not None:
                    valid.append(joined)
                elif re.search(r"[A-Z]", joined[:17]) or (joined[17].isalpha() and joined[17] != "X"):
                    shaped.append(joined)
        for group in groups:
            if 15 <= len(group) <= 20 and re.search(r"[A-Z]", group) and re.search(r"\d", group):
                if not _ID_SHAPE.fullmatch(group):
                    rough.append(group)
    return _first(valid + shaped + rough)


def extract_phone(text: str) -> Optional[str]:
    """The mobile number in a sentence, as 11 digits without +86.

    Preference: a valid mobile number; else a 10-12 digit number starting with 1 (a digit missing or
    extra); else any other 7-14 digit number (a landline, say), so the caller can report ``invalid_phone``.
    Longer numbers are identity numbers, not phone numbers, and are ignored.
    """
    tokens = [_strip_phone(m.group(0)).lstrip("+") for m in _NUMBER_TOKEN.finditer(normalize(text))]
    valid = [t for t in tokens if _MOBILE.fullmatch(t)]
    near = [t for t in tokens if t.startswith("1") and 10 <= len(t) <= 12]
    other = [t for t in tokens if 7 <= len(t) <= 14]
    return _first(valid + near + other)


def id_type(value: str) -> Optional[str]:
    """``'resident_id'`` or ``'uscc'`` for a value, to pick the right check and message; else ``None``.

    A value valid as one of them gets that type (a resident ID first: an all-digit string that also
    passes the USCC check by chance is 1 in 31). An invalid value is typed by its shape: 17 digits and a
    digit or X is a resident ID; 18 characters from the USCC alphabet is a USCC.
    """
    v = clean_id(value)
    if check_resident_id(v) is None:
        return "resident_id"
    if check_uscc(v) is None:
        return "uscc"
    if _ID_SHAPE.fullmatch(v):
        return "resident_id"
    if len(v) == 18 and all(c in USCC_CHARS for c in v):
        return "uscc"
    return None


# --- masking (P5) -----------------------------------------------------------------------------------


def id_problem(value: str) -> Optional[str]:
    """``None`` for a valid 身份证号 or 统一社会信用代码, else the error code of the kind it looks like."""
    kind = id_type(value)
    if kind == "resident_id":
        return check_resident_id(value)
    if kind == "uscc":
        return check_uscc(value)
    return "invalid_id_format" if clean_id(value).isdigit() else check_uscc(value)


def mask_id(value: str) -> str:
    """``4101**********1233``: first 4 and last 4 characters kept (P5). Short values are fully masked."""
    v = clean_id(value)
    if len(v) <= 8:
        return "*" * len(v)
    return v[:4] + "*" * (len(v) - 8) + v[-4:]


def mask_phone(value: str) -> str:
    """``138****8000``: first 3 and last 4 digits kept (P5). Short values are fully masked."""
    v = canonical_phone(value) or _strip_phone(value)
    if len(v) < 8:
        return "*" * len(v)
    return v[:3] + "*" * (len(v) - 7) + v[-4:]


_MASKABLE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{17}[\dX]|[0-9A-Z]{2}\d{6}[0-9A-Z]{10}|\+?\d{11,13})(?![0-9A-Za-z])", re.IGNORECASE
)


def mask_text(text: str) -> str:
    """A free text with every ID, USCC and phone-length number masked, for logs (P5).

    Numbers are masked as typed, then the text is normalised and masked again, so numbers read out in Chinese
    digits or typed in groups are caught too. Masking before normalising matters: normalising reads a spoken
    digit next to a number as part of it ("…1233一下" → "…12331下"), which would hide the ID inside a longer
    number that no longer looks like one (found by tests/fuzz/test_core_properties.py).
    """

    def _mask(match: "re.Match[str]") -> str:
        token = match.group(0)
        return mask_phone(token) if len(token.lstrip("+")) <= 13 else mask_id(token)

    return _MASKABLE.sub(_mask, normalize(_MASKABLE.sub(_mask, text)))


# --- messages ---------------------------------------------------------------------------------------

# Plain, polite Chinese: the reader may be 70 and unused to forms. Each says what is wrong and what to do.
ERROR_MESSAGES: Dict[str, str] = {
    "invalid_id_format": "身份证号应为18位，前17位是数字，最后一位是数字或字母X。请核对后重新输入。",
    "invalid_id_checksum": "身份证号最后一位校验码不对，请核对后重新输入。",
    "invalid_date": "身份证号里的出生日期（第7到14位）不是有效日期，请核对后重新输入。",
    "invalid_id_region": "身份证号的前两位（省份代码）不对，请核对后重新输入。",
    "invalid_uscc_format": "统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、S、V、Z），请核对营业执照后重新输入。",
    "invalid_uscc_checksum": "统一社会信用代码最后一位校验码不对，请对照营业执照核对后重新输入。",
    "invalid_phone": "手机号应为11位、以1开头的数字，请核对后重新输入。",
}
