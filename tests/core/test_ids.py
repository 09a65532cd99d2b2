"""Identity numbers: normalisation, check digits, extraction, masking (P1, P5; the ID slots of the contract)."""
from datetime import date

import pytest

from bot.core import ids
from bot.core.ids import (
    ERROR_MESSAGES,
    check_phone,
    check_resident_id,
    check_uscc,
    extract_phone,
    extract_resident_id,
    extract_uscc,
    id_type,
    mask_id,
    mask_phone,
    mask_text,
    normalize,
)

# The demo identities of docs/demo-identities.md (fictional; check digits valid). The integrity files are
# seeded with them (R4), so every one must pass the checks the journey applies.
DEMO_RESIDENT_IDS = {
    "张伟": "410105199001011233",
    "李娜": "410102198505052342",
    "王芳": "410184197803154566",
    "赵强": "410103196208085671",
    "刘洋": "410105200002291113",
}
DEMO_USCCS = {
    "郑州好味餐饮管理有限公司": "91410100MA44XK7L3D",
    "郑州速达物流有限公司": "91410105MA9F0Q2W1A",
    "二七区老街便利店（个体工商户）": "92410102MA45T8UP0E",
}
CANONICAL_INVALID_ID = "410105199001011234"  # docs/demo-identities.md: last digit wrong

# An independent implementation of the check characters, so fixtures do not come from the code under test.
_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def with_check(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, _W)) % 11]


def with_wrong_check(first17: str) -> str:
    right = with_check(first17)[-1]
    return first17 + ("1" if right != "1" else "2")


# --- resident IDs (GB 11643) ---------------------------------------------------------------------------


@pytest.mark.parametrize("who,number", sorted(DEMO_RESIDENT_IDS.items()))
def test_every_demo_resident_id_is_valid(who, number):  # P1, R4 demo data
    assert check_resident_id(number) is None, who
    assert id_type(number) == "resident_id"


def test_canonical_invalid_id_has_a_wrong_check_digit():
    assert check_resident_id(CANONICAL_INVALID_ID) == "invalid_id_checksum"


@pytest.mark.parametrize(
    "value",
    [
        "41010519900101002X",  # check character X
        "41010519900101002x",  # typed lower case (P1)
        " 410105199001011233 ",
        "４１０１０５１９９００１０１１２３３",  # full-width digits from a Chinese IME (P1)
        "410105 19900101 1233",
        "4101-0519-9001-0112-33",
        "四一零一零五一九九零零一零一一二三三",  # read out in Chinese digits (P1)
        with_check("11010119800101001"),  # Beijing
        with_check("65010119800101001"),  # Xinjiang
        with_check("81000019800101001"),  # Hong Kong
        with_check("83000019800101001"),  # Taiwan residents' residence permit
        with_check("11010119000101001"),  # earliest accepted birth date
        with_check("11010120000229001"),  # leap day
    ],
)
def test_valid_resident_ids(value):
    assert check_resident_id(value) is None


@pytest.mark.parametrize(
    "value,code",
    [
        (CANONICAL_INVALID_ID, "invalid_id_checksum"),
        ("410105199001011230", "invalid_id_checksum"),
        ("41010519900101123X", "invalid_id_checksum"),
        ("41010519900101123", "invalid_id_format"),  # 17 characters
        ("4101051990010112333", "invalid_id_format"),  # 19 characters
        ("410105900101123", "invalid_id_format"),  # old 15-digit number
        ("4101051990010112X3", "invalid_id_format"),  # X not at the end
        ("41010519900101123Y", "invalid_id_format"),
        ("", "invalid_id_format"),
        ("身份证号", "invalid_id_format"),
        (with_check("41010519900230001"), "invalid_date"),  # 30 February
        (with_check("41010519901301001"), "invalid_date"),  # month 13
        (with_check("41010519900100001"), "invalid_date"),  # day 0
        (with_check("41010519101131001"), "invalid_date"),  # 31 November
        (with_check("41010518991231001"), "invalid_date"),  # before 1900
        (with_check("41010519010229001"), "invalid_date"),  # 1901 is not a leap year
        (with_check("00010519900101001"), "invalid_id_region"),
        (with_check("99010519900101001"), "invalid_id_region"),
        (with_check("16010519900101001"), "invalid_id_region"),  # inside 11-65 but no such province
        (with_check("20010519900101001"), "invalid_id_region"),
        (with_check("72010519900101001"), "invalid_id_region"),
    ],
)
def test_invalid_resident_ids(value, code):
    assert check_resident_id(value) == code


def test_birth_date_in_the_future_is_invalid():
    first17 = "41010520300101001"
    assert check_resident_id(with_check(first17), today=date(2026, 1, 1)) == "invalid_date"
    assert check_resident_id(with_check(first17), today=date(2030, 1, 1)) is None


def test_the_most_specific_fault_is_reported_first():
    # A wrong date with a wrong check digit: the date is named, the user can see which digits to look at.
    assert check_resident_id(with_wrong_check("41010519900230001")) == "invalid_date"
    assert check_resident_id(with_wrong_check("99010519900101001")) == "invalid_id_region"


# --- USCC (GB 32100) ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("who,code", sorted(DEMO_USCCS.items()))
def test_every_demo_uscc_is_valid(who, code):  # P1, R4 demo data
    assert check_uscc(code) is None, who
    assert id_type(code) == "uscc"


@pytest.mark.parametrize(
    "value",
    [
        "91350100M000100Y43",  # the worked example commonly used for GB 32100
        "91410100ma44xk7l3d",  # typed lower case
        "9141 0100 MA44 XK7L 3D",
        "９１４１０１００ＭＡ４４ＸＫ７Ｌ３Ｄ",  # full-width
        "9141010000000000D0",  # check value 31 maps to 0
    ],
)
def test_valid_usccs(value):
    assert check_uscc(value) is None


@pytest.mark.parametrize(
    "value,code",
    [
        ("91410100MA44XK7L3E", "invalid_uscc_checksum"),
        ("91410100MA44XK7L31", "invalid_uscc_checksum"),
        ("92410102MA45T8UP0A", "invalid_uscc_checksum"),
        ("91410100MA44XK7L3", "invalid_uscc_format"),  # 17 characters
        ("91410100MA44XK7L3DD", "invalid_uscc_format"),
        ("91410100MA44XK7I3D", "invalid_uscc_format"),  # I is not in the alphabet
        ("91410100MA44XK7O3D", "invalid_uscc_format"),  # O
        ("91410100MA44XK7S3D", "invalid_uscc_format"),  # S
        ("91410100MA44XK7Z3D", "invalid_uscc_format"),  # Z
        ("914A0100MA44XK7L3D", "invalid_uscc_format"),  # division code must be digits
        ("", "invalid_uscc_format"),
    ],
)
def test_invalid_usccs(value, code):
    assert check_uscc(value) == code


# --- phones ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["13800138000", "19912345678", "+8613800138000", "8613800138000", "008613800138000", "+86 138-0013-8000",
     "138 0013 8000", "１３８００１３８０００", "一三八零零一三八零零零", "幺三八零零幺三八零零零", "(+86)13800138000"],
)
def test_valid_phones(value):
    assert check_phone(value) is None
    assert ids.canonical_phone(value) == ("13800138000" if "138" in normalize(value) else "19912345678")


@pytest.mark.parametrize(
    "value",
    ["12345678901", "10000000000", "1380013800", "138001380001", "03716666888", "0371-66668888", "", "手机号",
     "+8513800138000", "23800138000"],
)
def test_invalid_phones(value):
    assert check_phone(value) == "invalid_phone"
    assert ids.canonical_phone(value) is None


# --- normalize (P1) ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一三八零零一三八零零零", "13800138000"),
        ("我的电话是一三八 零零一三 八零零零", "我的电话是13800138000"),
        ("幺三八零零幺三八零零零", "13800138000"),
        ("４１０１０５１９９００１０１１２３３", "410105199001011233"),
        ("ＡＢＣ１２３", "ABC123"),
        ("138-0013-8000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("4101 0519 9001 0112 3x", "41010519900101123X"),
        ("41010519900101123x", "41010519900101123X"),
        ("41010519900101123 x", "41010519900101123X"),
        ("4101零5199零零1011233", "410105199001011233"),  # mixed Chinese and Arabic digits
        # Two numbers typed side by side stay two numbers.
        ("410105199001011233 13800138000", "410105199001011233 13800138000"),
        ("13800138000 4101 0519 9001 0112 33", "13800138000 410105199001011233"),
        # Ordinary words made of numerals are left alone.
        ("我有一个问题", "我有一个问题"),
        ("三三两两", "三三两两"),
        ("七七八八", "七七八八"),
        ("一五一十", "一五一十"),
        ("二〇二四年", "二〇二四年"),
        ("box", "box"),
        ("", ""),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_is_idempotent():
    for text in ["一三八零零一三八零零零", "4101 0519 9001 0112 3x", "我叫张伟，电话 138-0013-8000"]:
        assert normalize(normalize(text)) == normalize(text)


# --- extraction ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("我叫张伟，身份证410105199001011233", "410105199001011233"),
        ("身份证号：410105199001011233。", "410105199001011233"),
        ("410105199001011233", "410105199001011233"),
        ("我的身份证是 4101 0519 9001 0112 33 谢谢", "410105199001011233"),
        ("号码41010519900101002x", "41010519900101002X"),
        ("四一零一零五一九九零零一零一一二三三", "410105199001011233"),
        # The wrong check digit is returned so the caller can explain it.
        ("身份证410105199001011234", "410105199001011234"),
        # A valid one is preferred over an invalid one.
        ("410105199001011234，不对，是410105199001011233", "410105199001011233"),
        # Too short: still returned, the check then says invalid_id_format.
        ("身份证41010519900101123", "41010519900101123"),
        ("电话13800138000，身份证410103196208085671", "410103196208085671"),
        ("我叫张伟", None),
        ("电话13800138000", None),
        ("", None),
    ],
)
def test_extract_resident_id(text, expected):
    assert extract_resident_id(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("我们公司的统一社会信用代码是91410100MA44XK7L3D", "91410100MA44XK7L3D"),
        ("代码 91410100ma44xk7l3d", "91410100MA44XK7L3D"),
        ("代码是 9141 0100 MA44 XK7L 3D 谢谢", "91410100MA44XK7L3D"),
        ("信用代码：92410102MA45T8UP0E（个体户）", "92410102MA45T8UP0E"),
        ("91410100MA44XK7L3E", "91410100MA44XK7L3E"),  # wrong check character, returned to explain
        ("91410100MA44XK7L3E 或者 91410105MA9F0Q2W1A", "91410105MA9F0Q2W1A"),
        ("身份证410105199001011233", None),  # a resident ID is not taken for a USCC
        ("电话13800138000", None),
        ("我们是餐饮公司", None),
    ],
)
def test_extract_uscc(text, expected):
    assert extract_uscc(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("我的手机是13800138000", "13800138000"),
        ("电话：+86 138-0013-8000", "13800138000"),
        ("手机一三八零零一三八零零零", "13800138000"),
        ("手机幺三八 零零幺三 八零零零", "13800138000"),
        ("我叫张伟，身份证410105199001011233，电话13800138000", "13800138000"),
        ("12345678901", "12345678901"),  # invalid, returned to explain
        ("1380013800", "1380013800"),  # a digit missing
        ("座机0371-66668888", "037166668888"),
        ("12345678901 或 13800138000", "13800138000"),
        ("身份证410105199001011233", None),
        ("代码91410100MA44XK7L3D", None),
        ("我今年70岁", None),
        ("", None),
    ],
)
def test_extract_phone(text, expected):
    assert extract_phone(text) == expected


# --- id_type ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("410105199001011233", "resident_id"),
        (CANONICAL_INVALID_ID, "resident_id"),  # invalid, but shaped like one: explain with the ID messages
        ("41010519900101002x", "resident_id"),
        ("91410100MA44XK7L3D", "uscc"),
        ("91410100MA44XK7L3E", "uscc"),
        ("13800138000", None),
        ("abc", None),
        ("", None),
    ],
)
def test_id_type(value, expected):
    assert id_type(value) == expected


# --- masking (P5) ------------------------------------------------------------------------------------------------


def test_mask_id():
    assert mask_id("410105199001011233") == "4101**********1233"
    assert mask_id("91410100MA44XK7L3D") == "9141**********7L3D"
    assert mask_id("41010519900101002x") == "4101**********002X"
    assert mask_id("1234") == "****"
    assert mask_id("") == ""


def test_mask_phone():
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("+86 138-0013-8000") == "138****8000"
    assert mask_phone("123") == "***"


def test_mask_text_hides_every_number_in_a_log_line():  # P5
    line = "张伟 身份证410105199001011233 电话一三八零零一三八零零零 代码91410100ma44xk7l3d"
    masked = mask_text(line)
    assert "410105199001011233" not in masked and "13800138000" not in masked
    assert "4101**********1233" in masked and "138****8000" in masked and "9141**********7L3D" in masked
    assert masked.startswith("张伟")


# --- messages ----------------------------------------------------------------------------------------------------


def test_every_error_code_has_a_plain_chinese_message():
    codes = {"invalid_id_format", "invalid_id_checksum", "invalid_date", "invalid_id_region", "invalid_uscc_format",
             "invalid_uscc_checksum", "invalid_phone"}
    assert set(ERROR_MESSAGES) == codes
    for code, text in ERROR_MESSAGES.items():
        assert text.endswith("。") and "请" in text, code
    assert ERROR_MESSAGES["invalid_id_checksum"] == "身份证号最后一位校验码不对，请核对后重新输入。"
    assert ERROR_MESSAGES["invalid_date"] == "身份证号里的出生日期（第7到14位）不是有效日期，请核对后重新输入。"


def test_every_code_a_check_returns_has_a_message():
    values = ["x", CANONICAL_INVALID_ID, with_check("41010519900230001"), with_check("99010519900101001"),
              "91410100MA44XK7L3E", "9141", "123"]
    returned = {check_resident_id(v) for v in values} | {check_uscc(v) for v in values} | {check_phone("123")}
    assert returned - {None} <= set(ERROR_MESSAGES)
