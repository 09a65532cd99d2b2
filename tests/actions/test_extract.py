"""Rule-based extraction of items and identity numbers from natural sentences (P1; R4/R5 need the IDs)."""
from __future__ import annotations

import pytest

from actions.extract import ID_CARD, PHONE, USCC, Extractor, classify_number, extract
from bot.core.lexicon import entity_patterns
from bot.core import ids
from bot.core.catalogue import load_catalogue

ZHANG_WEI = "410105199001011233"  # docs/demo-identities.md, valid
INVALID_ID = "410105199001011234"  # docs/demo-identities.md: the canonical invalid ID (last digit wrong)
HAOWEI_USCC = "91410100MA44XK7L3D"
LAOJIE_USCC = "92410102MA45T8UP0E"


@pytest.fixture(scope="module")
def extractor(sample_items):
    return Extractor(sample_items)


def test_spacy_pipeline_is_blank_zh_with_jieba(extractor):
    assert extractor.nlp.lang == "zh"
    assert extractor.nlp.pipe_names == ["entity_ruler", "catalogue_identity_numbers"]
    assert [t.text for t in extractor.nlp("我要办低保")][-1] == "低保"


def test_everything_in_one_sentence(extractor):  # P1
    result = extractor.extract(f"我叫张伟，身份证{ZHANG_WEI}，电话13800138000，想办公租房")
    assert result == {
        "item_codes": ["ZM001"],
        "resident_ids": [ZHANG_WEI],
        "usccs": [],
        "phones": ["13800138000"],
    }


def test_items_in_order_of_appearance(extractor):
    assert extractor.extract("我要办低保，还有公租房")["item_codes"] == ["ZM002", "ZM001"]
    assert extractor.extract("公租房和低保")["item_codes"] == ["ZM001", "ZM002"]


def test_item_split_by_jieba_is_still_found(extractor):  # jieba alone cuts 办公|租房
    assert extractor.extract("办公租房要什么")["item_codes"] == ["ZM001"]


def test_item_names_aliases_and_codes(extractor):
    assert extractor.extract("公共租赁住房资格申请")["item_codes"] == ["ZM001"]
    assert extractor.extract("食品经营许可证和卫生许可证")["item_codes"] == ["XK002", "XK001"]
    assert extractor.extract("我查一下ZM013")["item_codes"] == ["ZM013"]


def test_items_traditional_and_full_width(extractor):  # P1
    assert extractor.extract("我想申請公共租賃住房")["item_codes"] == ["ZM001"]
    assert extractor.extract("ＺＭ００２")["item_codes"] == ["ZM002"]


def test_no_item_in_unrelated_text(extractor):
    assert extractor.extract("今天天气不错") == {"item_codes": [], "resident_ids": [], "usccs": [], "phones": []}


def test_uscc_is_upper_cased_and_kept_whole(extractor):  # jieba alone splits 91410100 | MA44XK7L3D
    result = extractor.extract(f"我们公司代码是{HAOWEI_USCC.lower()}，要办食品经营许可证")
    assert result["usccs"] == [HAOWEI_USCC]
    assert result["item_codes"] == ["XK002"]
    assert result["resident_ids"] == []


def test_full_width_and_grouped_numbers(extractor):  # P1
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ZHANG_WEI)
    assert extractor.extract(f"身份證號碼{full_width}")["resident_ids"] == [ZHANG_WEI]
    assert extractor.extract("身份证 410105 19900101 1233")["resident_ids"] == [ZHANG_WEI]
    assert extractor.extract("手机138-0013-8000")["phones"] == ["13800138000"]
    assert extractor.extract("手机 +86 138 0013 8000")["phones"] == ["13800138000"]


def test_spoken_chinese_digits(extractor):  # P1: Chinese numerals read out
    assert extractor.extract("我电话是幺三八零零幺三八零零零")["phones"] == ["13800138000"]


def test_lower_case_x_check_character(extractor):
    # a valid ID ending in X: 17 digits + computed check character
    first17 = "41010519850505234"
    value = first17 + ids.resident_id_check_char(first17)
    assert extractor.extract(f"身份证{value.lower()}")["resident_ids"] == [value]


def test_invalid_id_is_returned_for_the_caller_to_explain(extractor):  # ask.error invalid_id_checksum
    result = extractor.extract(f"身份证号{INVALID_ID}")
    assert result["resident_ids"] == [INVALID_ID]
    assert ids.check_resident_id(result["resident_ids"][0]) == "invalid_id_checksum"


def test_id_with_a_digit_missing_is_still_an_id_candidate(extractor):
    result = extractor.extract("身份证41010519900101123")
    assert result["resident_ids"] == ["41010519900101123"]
    assert ids.check_resident_id(result["resident_ids"][0]) == "invalid_id_format"


def test_proxy_and_applicant_ids_in_order(extractor):  # R5: 代为承诺 names two people
    result = extractor.extract(f"我是刘洋410105200002291113，替赵强410103196208085671办失业金")
    assert result["resident_ids"] == ["410105200002291113", "410103196208085671"]
    assert result["item_codes"] == ["ZM007"]


def test_two_usccs_and_a_phone(extractor):
    result = extractor.extract(f"{HAOWEI_USCC} 和 {LAOJIE_USCC}，联系13912345678")
    assert result["usccs"] == [HAOWEI_USCC, LAOJIE_USCC]
    assert result["phones"] == ["13912345678"]


def test_ordinary_numbers_are_not_identities(extractor):
    result = extractor.extract("2024年3月5日交了1200元，房子60平米，编号20240305")
    assert result == {"item_codes": [], "resident_ids": [], "usccs": [], "phones": []}


@pytest.mark.parametrize(
    "token,expected",
    [
        (ZHANG_WEI, (ID_CARD, ZHANG_WEI)),
        (INVALID_ID, (ID_CARD, INVALID_ID)),
        (HAOWEI_USCC.lower(), (USCC, HAOWEI_USCC)),
        ("13800138000", (PHONE, "13800138000")),
        ("8613800138000", (PHONE, "13800138000")),
        ("1380013800", (PHONE, "1380013800")),  # a digit missing: the caller reports invalid_phone
        ("20240305", None),
        ("03711234567", None),
    ],
)
def test_classify_number(token, expected):
    assert classify_number(token) == expected


def test_patterns_come_from_the_build_step(extractor, sample_items):  # one source of truth
    patterns = entity_patterns(sample_items)
    assert extractor.codes_by_phrase["公租房"] == ["ZM001"]
    assert {p["pattern"] for p in patterns} == set(extractor.codes_by_phrase)


def test_module_level_extract_uses_the_shipped_catalogue():  # R1
    catalogue = load_catalogue()
    item = catalogue["ZM001"]
    assert extract(f"请问{item.aliases[0]}怎么办")["item_codes"] == ["ZM001"]


def test_every_real_alias_is_extracted_from_a_sentence():  # R1: the generated patterns cover the catalogue
    catalogue = load_catalogue()
    for item in catalogue.values():
        for term in (item.name, *item.aliases):
            codes = extract(f"你好，我想问一下{term}的事情")["item_codes"]
            assert item.code in codes, (item.code, term, codes)
