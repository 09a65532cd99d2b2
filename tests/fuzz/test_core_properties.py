"""Property-based tests (hypothesis) of the rules both sides share: bot/core ids, affirmation, canonical (P1-P5).

Run in both virtualenvs, like tests/core: the same rules must hold wherever they are imported. Whatever a person
(or a broken client) sends - any Unicode, lone surrogates, control characters, very long text - the validators and
the affirmation classifier answer instead of raising; the check digits catch every single-character error; the
log mask leaves no ID standing; nothing that refuses or asks is ever a commitment; canonical JSON is one byte
string per value.
"""
from __future__ import annotations

import json
import os
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.core import affirmation, ids
from bot.core.canonical import canonical_json, sha256_hex

# make test: the same examples every run (a red build is reproducible, never a coin toss).
# GZ_FUZZ_EXPLORE=N: N fresh random examples per property, to look for new failures.
_explore = int(os.environ.get("GZ_FUZZ_EXPLORE", "0"))
settings.register_profile("gz", max_examples=_explore or 300, deadline=None, derandomize=not _explore,
                          database=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gz")

# Any code point, lone surrogates included (JSON's "\ud800" escape produces one), and text made of the pieces the
# parsers look for, so that the interesting branches are reached and not only random noise.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
NUMBERISH = st.sampled_from(list("0123456789Xx") + list(ids.CHINESE_DIGITS) + [chr(0xFF10 + i) for i in range(10)]
                            + [" ", "-", "\u2014", "\u3000", "+86", "身份证", "手机", "号", "，", "。", "X", "MA"])
TEXT = st.one_of(st.text(ANY_CHAR, max_size=60), st.lists(NUMBERISH, max_size=40).map("".join),
                 st.lists(st.one_of(st.text(ANY_CHAR, max_size=4), NUMBERISH), max_size=25).map("".join))


# --- bot/core/ids ---------------------------------------------------------------------------------------


@given(TEXT)
@example("")
@example("\x00" * 5)
@example("\ud800410105199001011233")
def test_id_functions_never_raise(text):  # P1: whatever is typed, an answer (None or an error code)
    for check in (ids.check_resident_id, ids.check_uscc, ids.check_phone):
        assert check(text) is None or check(text) in ids.ERROR_MESSAGES
    for function in (ids.normalize, ids.clean_id, ids.canonical_phone, ids.extract_resident_id, ids.extract_uscc,
                     ids.extract_phone, ids.id_type, ids.mask_id, ids.mask_phone, ids.mask_text):
        result = function(text)
        assert result is None or isinstance(result, str)


@st.composite
def resident_ids(draw):
    """Valid 居民身份证号码: a province code, any four digits, a real birth date, three digits, the check char."""
    province = draw(st.sampled_from(sorted(ids.PROVINCE_CODES)))
    area = draw(st.text("0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=ids.EARLIEST_BIRTH_DATE, max_value=date.today()))
    serial = draw(st.text("0123456789", min_size=3, max_size=3))
    first17 = f"{province}{area}{born:%Y%m%d}{serial}"
    return first17 + ids.resident_id_check_char(first17)


@st.composite
def usccs(draw):
    chars = ids.USCC_CHARS
    first17 = (draw(st.text(chars, min_size=2, max_size=2)) + draw(st.text("0123456789", min_size=6, max_size=6))
               + draw(st.text(chars, min_size=9, max_size=9)))
    return first17 + ids.uscc_check_char(first17)


@given(resident_ids(), st.integers(0, 16), st.sampled_from("0123456789"))
def test_resident_id_check_digit_catches_every_single_digit_error(number, position, digit):  # P1
    assert ids.check_resident_id(number) is None
    assert ids.id_type(number) == "resident_id"
    changed = number[:position] + digit + number[position + 1:]
    if changed != number:  # ISO 7064 MOD 11-2: every weight is non-zero mod 11
        assert ids.check_resident_id(changed) is not None


@given(resident_ids(), st.integers(0, 15))
def test_resident_id_check_digit_catches_adjacent_transpositions(number, position):  # P1
    a, b = number[position], number[position + 1]
    swapped = number[:position] + b + a + number[position + 2:]
    if a != b:
        assert ids.check_resident_id(swapped) is not None


@given(resident_ids(), st.sampled_from("0123456789X"))
def test_only_the_right_check_character_passes(number, char):
    assert (ids.check_resident_id(number[:17] + char) is None) == (char == number[17])


@given(usccs(), st.integers(0, 16), st.sampled_from(ids.USCC_CHARS))
def test_uscc_check_character_catches_every_single_character_error(code, position, char):  # P1 (GB 32100)
    assert ids.check_uscc(code) is None
    assert ids.check_uscc(code.lower()) is None  # typed in lower case
    changed = code[:position] + char + code[position + 1:]
    if changed != code and ids._USCC_SHAPE.fullmatch(changed):  # MOD 31, 31 prime: every weight is a unit
        assert ids.check_uscc(changed) == "invalid_uscc_checksum"


# What may stand around a number in a sentence: punctuation, spaces, Chinese words, spoken digits ("查一下") -
# not Arabic digits or Latin letters, which would make it another, longer token.
BOUNDARY = st.text(st.sampled_from(list("，。、：:；;！!（）() \n\t\"'【】") + list("我的身份证号是请查一下谢谢手机三两")),
                   max_size=6)


@given(BOUNDARY, resident_ids(), BOUNDARY, st.booleans())
def test_log_mask_leaves_no_resident_id(before, number, after, full_width):  # P5 (bot/core/logmask.py)
    typed = number.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}) if full_width else number
    masked = ids.mask_text(before + typed + after)
    assert number not in masked and number[:17] not in masked
    assert ids.mask_id(number) in masked


@given(BOUNDARY, usccs(), BOUNDARY)
def test_log_mask_leaves_no_uscc(before, code, after):  # P5
    assert code not in ids.mask_text(before + code + after)


@given(BOUNDARY, st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), BOUNDARY)
def test_log_mask_leaves_no_mobile_number(before, phone, after):  # P5
    masked = ids.mask_text(before + phone + after)
    assert phone not in masked and ids.mask_phone(phone) in masked


# --- bot/core/affirmation ----------------------------------------------------------------------------------

STATEMENT = affirmation.statement("公共租赁住房保障", "self", "张伟", None)
PROXY_STATEMENT = affirmation.statement("城乡居民养老保险待遇领取", "proxy", "赵强", "刘洋")


@given(st.one_of(TEXT, st.text(ANY_CHAR, min_size=2000, max_size=12000), st.none(), st.integers(), st.binary()),
       st.sampled_from(["self", "proxy"]), st.booleans())
@example("本人\x00承诺", "self", False)
@example("\u202e诺承人本\u202c", "self", True)
def test_classify_never_raises(text, acting_as, with_statement):  # R7: always a verdict
    statement = (STATEMENT if acting_as == "self" else PROXY_STATEMENT) if with_statement else None
    verdict = affirmation.classify(text, acting_as=acting_as, applicant_name="张伟", statement=statement)
    assert verdict.kind in {"explicit", "implicit", "negated", "question", "cancel", "unclear"}
    assert verdict.kind == "explicit" or verdict.explanation  # every refusal says what to do


EXPLICIT_SELF = ["本人承诺", "我承诺", "我郑重承诺", "我承诺以上情况属实", "本人已阅读并承诺", "我确认并承诺以上内容真实"]
EXPLICIT_PROXY = ["我受赵强特别授权，代为承诺", "我受申请人特别授权代为承诺"]
NEGATIONS = ["不", "没", "没有", "未", "别", "不要", "不想", "不会", "不愿意", "不同意", "拒绝", "并不", "绝不", "no"]
QUESTIONS = ["吗", "?", "？", "是否", "什么", "怎么", "为什么", "能不能", "要不要", "会不会", "承不承诺", "呢"]


@given(st.sampled_from([(t, "self") for t in EXPLICIT_SELF] + [(t, "proxy") for t in EXPLICIT_PROXY]),
       st.sampled_from(NEGATIONS + QUESTIONS), st.integers(0, 40), st.booleans())
@example(("我受赵强特别授权，代为承诺", "proxy"), "不", 2, False)  # was explicit: 不 read as part of the name
def test_nothing_that_refuses_or_asks_is_explicit(base, marker, cut, with_statement):  # R7
    text, acting_as = base
    assert affirmation.classify(text, acting_as=acting_as, applicant_name="赵强" if acting_as == "proxy" else "张伟"
                                ).kind == "explicit"
    cut = min(cut, len(text))
    altered = text[:cut] + marker + text[cut:]
    statement = (STATEMENT if acting_as == "self" else PROXY_STATEMENT) if with_statement else None
    verdict = affirmation.classify(altered, acting_as=acting_as,
                                   applicant_name="赵强" if acting_as == "proxy" else "张伟", statement=statement)
    assert verdict.kind != "explicit", (altered, verdict)


# A button payload may carry ASCII identifiers after the statement, which the classifier ignores by design
# (affirmation._MAX_PAYLOAD_REMAINDER); so ASCII words ("no") are not markers here, Chinese ones and "?" are.
@given(st.sampled_from([m for m in NEGATIONS + QUESTIONS if not m.isascii() or m == "?"]), st.integers(0, 200))
def test_the_shown_statement_with_a_refusal_or_question_is_not_explicit(marker, cut):  # R7 (button payloads)
    cut = min(cut, len(STATEMENT))
    altered = STATEMENT[:cut] + marker + STATEMENT[cut:]
    assert affirmation.classify(altered, acting_as="self", applicant_name="张伟", statement=STATEMENT).kind != "explicit"
    assert affirmation.classify(STATEMENT + marker, acting_as="self", applicant_name="张伟",
                                statement=STATEMENT).kind != "explicit"


# --- bot/core/canonical -----------------------------------------------------------------------------------

VALID_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)  # valid Unicode: what a JSON document can hold
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 63) | VALID_TEXT,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(VALID_TEXT, children, max_size=5),
    max_leaves=30,
)


def reorder(value, seed: int):
    """The same value with every object's keys in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        items = items[seed % max(1, len(items)):] + items[: seed % max(1, len(items))]
        return {k: reorder(v, seed + 1) for k, v in reversed(items)}
    if isinstance(value, list):
        return [reorder(v, seed + 1) for v in value]
    return value


@given(JSON_VALUES)
def test_canonical_json_round_trips(value):  # P3: anyone can re-read the signed bytes
    data = canonical_json(value)
    assert json.loads(data.decode("utf-8")) == value
    assert canonical_json(json.loads(data)) == data  # one byte string per value


@given(JSON_VALUES, st.integers(0, 1000))
def test_canonical_json_is_independent_of_key_order(value, seed):  # P3: the hash does not depend on who built it
    assert canonical_json(reorder(value, seed)) == canonical_json(value)
    assert sha256_hex(canonical_json(reorder(value, seed))) == sha256_hex(canonical_json(value))


@given(JSON_VALUES, st.floats(allow_nan=True))
def test_canonical_json_refuses_floats_anywhere(value, number):  # P3: no float rounding in signed content
    try:
        canonical_json({"amount": number, "rest": value})
    except TypeError:
        return
    raise AssertionError("a float was serialised")


@given(VALID_TEXT)
def test_sha256_of_text_is_sha256_of_its_utf8(text):
    assert sha256_hex(text) == sha256_hex(text.encode("utf-8"))
